/** RMSProp behaviour beyond the golden trajectories: state dicts, resume, naming, aliases, clear_grad. */
import { describe, expect, it } from 'vitest';
import * as paddle from '../../src/index.js';

function makeParam(name: string, values: number[], shape: number[] = [values.length], attr: Record<string, unknown> = {}): paddle.Tensor {
  const p = paddle.createParameter(shape, 'float32', { attr: new paddle.ParamAttr({ name, ...attr }) });
  p.setValue(paddle.toTensor(values, { dtype: 'float32' }).reshape(shape));
  return p;
}

/** Deterministic gradient for step k of parameter i (no Math.random in tests). */
function gradFor(k: number, i: number, n: number): number[] {
  return Array.from({ length: n }, (_, j) => Math.fround(Math.sin(1.7 * k + 0.31 * j + i) * (1 + (j % 3))));
}

interface Model {
  w: paddle.Tensor;
  b: paddle.Tensor;
  opt: paddle.optimizer.RMSProp;
  scheduler: paddle.optimizer.lr.StepDecay;
}

function build(): Model {
  const w = makeParam('w', [0.5, -1, 2, 0.25, 0, 1.5], [3, 2]);
  const b = makeParam('b', [0.1, -0.2]);
  const scheduler = new paddle.optimizer.lr.StepDecay(0.05, 2, { gamma: 0.5 });
  const opt = new paddle.optimizer.RMSProp(scheduler, {
    parameters: [w, b],
    momentum: 0.9,
    centered: true,
    weightDecay: new paddle.regularizer.L1Decay(0.01),
    gradClip: new paddle.nn.ClipGradByValue(1.5),
  });
  return { w, b, opt, scheduler };
}

function train(m: Model, from: number, to: number): void {
  for (let k = from; k < to; k++) {
    m.w.setGrad(paddle.toTensor(gradFor(k, 0, 6), { dtype: 'float32' }).reshape([3, 2]));
    m.b.setGrad(paddle.toTensor(gradFor(k, 1, 2), { dtype: 'float32' }));
    m.opt.step();
    m.scheduler.step();
  }
}

function bits(t: paddle.Tensor): number[] {
  return Array.from(new Uint32Array(t.numpy().buffer));
}

describe('state dict', () => {
  it('is empty before the first step; keys grouped by kind, Paddle names, LR_Scheduler', () => {
    paddle.utils.uniqueName.guard(() => {
      const m = build();
      expect(Object.keys(m.opt.stateDict())).toEqual(['LR_Scheduler']);
      train(m, 0, 1);
      expect(Object.keys(m.opt.stateDict())).toEqual([
        'w_momentum_0',
        'b_momentum_0',
        'w_mean_square_0',
        'b_mean_square_0',
        'w_mean_grad_0',
        'b_mean_grad_0',
        'LR_Scheduler',
      ]);
      expect(m.opt.stateDict().LR_Scheduler).toEqual({ last_epoch: 1, last_lr: 0.05 });
    });
  });

  it('names accumulators <param>_<name>_<acc>_<n> with the optimizer name, counters per process', () => {
    paddle.utils.uniqueName.guard(() => {
      const w = makeParam('w', [1, 2]);
      const a = new paddle.optimizer.RMSProp(0.1, { parameters: [w], name: 'opt' });
      const b = new paddle.optimizer.RMSProp(0.1, { parameters: [w] });
      const c = new paddle.optimizer.RMSProp(0.1, { parameters: [w] });
      w.setGrad(paddle.toTensor([1, 1], { dtype: 'float32' }));
      a.step();
      b.step();
      c.step();
      expect(Object.keys(a.stateDict())).toEqual(['w_opt_momentum_0', 'w_opt_mean_square_0', 'w_opt_mean_grad_0']);
      expect(Object.keys(b.stateDict())).toEqual(['w_momentum_0', 'w_mean_square_0', 'w_mean_grad_0']);
      expect(Object.keys(c.stateDict())).toEqual(['w_momentum_1', 'w_mean_square_1', 'w_mean_grad_1']);
    });
  });

  it('round trip: n steps, save to a plain object, new optimizer, m steps = n + m steps, bit for bit', () => {
    const n = 3;
    const total = 7;
    const reference = paddle.utils.uniqueName.guard(() => {
      const m = build();
      train(m, 0, total);
      return { w: bits(m.w), b: bits(m.b), sd: m.opt.stateDict() };
    });
    // First run: n steps, then copy everything into plain objects (as a checkpoint would).
    const saved = paddle.utils.uniqueName.guard(() => {
      const m = build();
      train(m, 0, n);
      const sd: paddle.optimizer.OptimizerStateDict = {};
      for (const [k, v] of Object.entries(m.opt.stateDict())) {
        sd[k] = v instanceof paddle.Tensor ? v.clone().detach() : structuredClone(v);
      }
      return { w: m.w.numpy(), b: m.b.numpy(), sd };
    });
    // Second run: fresh model and optimizer, state loaded before the first step.
    const resumed = paddle.utils.uniqueName.guard(() => {
      const m = build();
      m.w.setValue(saved.w);
      m.b.setValue(saved.b);
      m.opt.setStateDict(saved.sd);
      expect(m.scheduler.lastEpoch).toBe(n);
      train(m, n, total);
      return { w: bits(m.w), b: bits(m.b), sd: m.opt.stateDict() };
    });
    expect(resumed.w).toEqual(reference.w);
    expect(resumed.b).toEqual(reference.b);
    for (const [k, v] of Object.entries(reference.sd)) {
      if (v instanceof paddle.Tensor) expect(bits(resumed.sd[k] as paddle.Tensor), k).toEqual(bits(v));
      else expect(resumed.sd[k]).toEqual(v);
    }
  });

  it('returns the loaded holder as-is until the accumulators exist', () => {
    paddle.utils.uniqueName.guard(() => {
      const w = makeParam('w', [1, 2]);
      const opt = new paddle.optimizer.RMSProp(0.1, { parameters: [w] });
      const held = { w_momentum_0: paddle.ones([2], { dtype: 'float32' }) };
      opt.setStateDict(held);
      expect(opt.stateDict()).toEqual(held);
    });
  });
});

describe('step pipeline details', () => {
  it('clearGrad() keeps zeroed gradients, which are still stepped; setToZero:false skips', () => {
    paddle.utils.uniqueName.guard(() => {
      const w = makeParam('w', [1, -1]);
      const opt = new paddle.optimizer.RMSProp(0.1, { parameters: [w], momentum: 0.5 });
      w.setGrad(paddle.toTensor([1, 1], { dtype: 'float32' }));
      opt.step();
      opt.clearGrad();
      const before = w.numpy();
      opt.step(); // g = 0: the parameter still moves by μ·mom
      const after = w.numpy();
      expect(after[0]).not.toBe(before[0]);
      opt.clearGrad({ setToZero: false });
      const frozen = w.numpy();
      opt.step();
      expect(Array.from(w.numpy())).toEqual(Array.from(frozen));
    });
  });

  it('skips stopGradient parameters and parameters without gradients', () => {
    paddle.utils.uniqueName.guard(() => {
      const w = makeParam('w', [1, 2], [2], { trainable: false });
      const b = makeParam('b', [3, 4]);
      const opt = new paddle.optimizer.RMSProp(0.1, { parameters: [w, b] });
      opt.step();
      expect(Object.keys(opt.stateDict())).toEqual([]);
      expect(Array.from(b.numpy())).toEqual([3, 4]);
    });
  });

  it('a group never writes its settings into the optimizer or its parameters', () => {
    paddle.utils.uniqueName.guard(() => {
      const reg = new paddle.regularizer.L1Decay(0.5);
      const w = makeParam('w', [1, 2], [2], { learningRate: 3.0, regularizer: reg });
      const b = makeParam('b', [1, 2]);
      const opt = new paddle.optimizer.RMSProp(0.1, {
        parameters: [{ params: [w], momentum: 0.9, rho: 0.5, learningRate: 0.5, weightDecay: 0.1 }, { params: b }],
      });
      w.setGrad(paddle.toTensor([1, 1], { dtype: 'float32' }));
      b.setGrad(paddle.toTensor([1, 1], { dtype: 'float32' }));
      opt.step();
      expect([opt.momentum, opt.rho, opt.epsilon, opt.centered]).toEqual([0, 0.95, 1e-6, false]);
      const wp = w as paddle.Parameter;
      expect(wp.regularizer).toBe(reg);
      expect(wp.optimizeAttr.learningRate).toBe(3.0);
    });
  });

  it('the learning rate lives in the first parameter dtype and the group scale multiplies it in that dtype', () => {
    paddle.utils.uniqueName.guard(() => {
      const w = makeParam('w', [0]);
      const opt = new paddle.optimizer.RMSProp(0.01, { parameters: [{ params: [w], learningRate: 0.3 }], rho: 0, epsilon: 0 });
      w.setGrad(paddle.toTensor([1], { dtype: 'float32' }));
      opt.step();
      // rho 0, eps 0: ms = g² = 1, mom = lr·g/1, p = -lr with lr = f32(f32(0.01)·f32(0.3)).
      expect(w.numpy()[0]).toBe(-Math.fround(Math.fround(0.01) * Math.fround(0.3)));
      expect(opt.getLr()).toBe(0.01);
    });
  });

  it('Paddle spellings are the same functions', () => {
    const proto = paddle.optimizer.RMSProp.prototype;
    expect(proto.clear_grad).toBe(proto.clearGrad);
    expect(proto.set_lr).toBe(proto.setLr);
    expect(proto.get_lr).toBe(proto.getLr);
    expect(proto.state_dict).toBe(proto.stateDict);
    expect(proto.set_state_dict).toBe(proto.setStateDict);
    expect(proto.set_lr_scheduler).toBe(proto.setLrScheduler);
    expect(proto.clear_gradients).toBe(proto.clearGradients);
  });

  it('sparse gradients with weight decay are densified: every row decays', () => {
    paddle.utils.uniqueName.guard(() => {
      const emb = new paddle.nn.Embedding(4, 2, { sparse: true });
      emb.weight.setValue(paddle.toTensor([[1, 1], [2, 2], [3, 3], [4, 4]], { dtype: 'float32' }));
      const opt = new paddle.optimizer.RMSProp(0.1, { parameters: emb.parameters(), weightDecay: 0.5 });
      paddle.sum(emb.forward(paddle.toTensor([1, 1], { dtype: 'int64' }))).backward();
      expect(emb.weight.grad).toBeInstanceOf(paddle.SelectedRows);
      opt.step();
      const w = emb.weight.numpy();
      // Rows 0, 2, 3 had no gradient but receive 0.5·p from the decay: all rows move.
      for (let r = 0; r < 4; r++) expect(w[2 * r]).not.toBe(r + 1);
    });
  });
});

describe('standalone clips', () => {
  it('ClipGradByGlobalNorm(1.0) on (param, grad) pairs returns new gradients, leaves the input alone', () => {
    const p = paddle.toTensor([0, 0], { dtype: 'float32', stopGradient: false });
    const g = paddle.toTensor([3, 4], { dtype: 'float32' });
    const out = new paddle.nn.ClipGradByGlobalNorm(1.0).call([[p, g], [p, null]]);
    expect(out.length).toBe(1);
    expect(Array.from((out[0]?.[1] as paddle.Tensor).numpy())).toEqual([Math.fround(3 * Math.fround(1 / 5)), Math.fround(4 * Math.fround(1 / 5))]);
    expect(Array.from(g.numpy())).toEqual([3, 4]);
  });

  it('ClipGradByValue and ClipGradByNorm', () => {
    const p = paddle.toTensor([0, 0, 0], { dtype: 'float64', stopGradient: false });
    const g = paddle.toTensor([-3, 0.5, 3], { dtype: 'float64' });
    const v = new paddle.nn.ClipGradByValue(1).call([[p, g]]);
    expect(Array.from((v[0]?.[1] as paddle.Tensor).numpy())).toEqual([-1, 0.5, 1]);
    const n = new paddle.nn.ClipGradByNorm(1).call([[p, g]]);
    const norm = Math.sqrt(9 + 0.25 + 9);
    expect(Array.from((n[0]?.[1] as paddle.Tensor).numpy())).toEqual([-3, 0.5, 3].map((x) => x * (1 / norm)));
    expect(() => new paddle.nn.ClipGradByValue(-1)).toThrow(paddle.errors.AssertionError);
    expect(() => new paddle.nn.ClipGradByValue(1, 2)).toThrow(paddle.errors.ValueError);
  });
});

describe('loading state saved under other parameter names', () => {
  it('matches by structured names with the saved name table; a structure mismatch lists missing and unexpected keys', () => {
    paddle.utils.uniqueName.guard(() => {
      const linear = new paddle.nn.Linear(2, 2); // linear_0.w_0, linear_0.b_0
      const opt = new paddle.optimizer.RMSProp(0.1, { parameters: linear.parameters() });
      expect(opt.expectedStateKeys()).toEqual([
        'linear_0.w_0_momentum_0',
        'linear_0.b_0_momentum_0',
        'linear_0.w_0_mean_square_0',
        'linear_0.b_0_mean_square_0',
        'linear_0.w_0_mean_grad_0',
        'linear_0.b_0_mean_grad_0',
      ]);
      const saved: paddle.optimizer.OptimizerStateDict = {
        'fc_7.w_0_momentum_3': paddle.full([2, 2], 0.5, { dtype: 'float32' }),
        'fc_7.w_0_mean_square_3': paddle.full([2, 2], 2, { dtype: 'float32' }),
        'fc_7.w_0_mean_grad_3': paddle.full([2, 2], 0, { dtype: 'float32' }),
        'fc_7.b_0_momentum_3': paddle.full([2], 0.25, { dtype: 'float32' }),
        'fc_7.b_0_mean_square_3': paddle.full([2], 1, { dtype: 'float32' }),
        'fc_7.b_0_mean_grad_3': paddle.full([2], 0, { dtype: 'float32' }),
      };
      const before = opt.stateDict();
      expect(() => opt.setStateDict(saved, { nameTable: { weight: 'fc_7.w_0', extra: 'x' }, layer: linear })).toThrow(
        'set_state_dict: the name table does not match the layer\'s structure. Missing keys: [bias]. Unexpected keys: [extra].',
      );
      expect(() => opt.setStateDict(saved, { nameTable: { weight: 'fc_7.w_0' } })).toThrow(paddle.errors.TypeError);
      expect(opt.stateDict()).toEqual(before);
      opt.setStateDict(saved, { nameTable: { weight: 'fc_7.w_0', bias: 'fc_7.b_0' }, layer: linear });
      linear.weight.setGrad(paddle.zeros([2, 2], { dtype: 'float32' }));
      (linear.bias as paddle.Tensor).setGrad(paddle.zeros([2], { dtype: 'float32' }));
      opt.step();
      // g = 0: momentum decays from the loaded values (μ = 0 → 0·mom), mean square from 2 → 0.95·2.
      const sd = opt.stateDict();
      expect(Array.from((sd['linear_0.w_0_mean_square_0'] as paddle.Tensor).numpy())).toEqual([0, 0, 0, 0].map(() => Math.fround(Math.fround(0.95) * 2)));
      expect(Array.from((sd['linear_0.b_0_mean_square_0'] as paddle.Tensor).numpy())).toEqual([Math.fround(0.95), Math.fround(0.95)]);
    });
  });
});

describe('steady state on the WASM backend', () => {
  it('parameters, grads and state live in the heap, steps are zero-copy and allocate no heap memory', () => {
    paddle.kernels.useBackend('wasm');
    const backend = paddle.kernels.getWasmBackend() as paddle.kernels.WasmBackend;
    paddle.utils.uniqueName.guard(() => {
      const model = new paddle.nn.Sequential(new paddle.nn.Linear(16, 32), new paddle.nn.ReLU(), new paddle.nn.Linear(32, 4));
      const emb = new paddle.nn.Embedding(10, 16, { sparse: true });
      // (The global norm of a row-sparse gradient is taken over its merged rows, a JS array that
      // the backend copies into scratch heap space: the embedding's group has no clip here, so
      // every array the kernels see is a heap view.)
      const opt = new paddle.optimizer.RMSProp(0.01, {
        parameters: [{ params: emb.parameters(), gradClip: null }, { params: model.parameters() }],
        momentum: 0.9,
        centered: true,
        gradClip: new paddle.nn.ClipGradByGlobalNorm(1),
      });
      expect(emb.weight.storage.location).toBe('wasm-heap');
      const run = (k: number): void => {
        const ids = paddle.toTensor([k % 10, (k + 3) % 10], { dtype: 'int64' });
        paddle.mean(model.forward(emb.forward(ids))).backward();
        opt.step();
        opt.clearGrad();
      };
      for (let k = 0; k < 3; k++) run(k); // accumulators and scratch created
      const heapBytes = backend.heap.bytesInUse;
      const copiedBefore = backend.stats.copiedArrays;
      for (let k = 3; k < 53; k++) run(k);
      expect(backend.heap.bytesInUse).toBe(heapBytes);
      expect(backend.stats.copiedArrays).toBe(copiedBefore);
    });
    paddle.kernels.useBackend('auto');
  });
});

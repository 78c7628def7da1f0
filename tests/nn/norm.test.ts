/**
 * BatchNorm1D/2D/3D, BatchNorm, LayerNorm, GroupNorm and F.batch_norm / layer_norm / group_norm:
 * forward, running statistics and gradients against scripts/gen-norm-rnn-fixtures.py (NumPy
 * float64 forward, torch float64 gradients), finite differences, train/eval behaviour, Paddle's
 * parameter names and state-dict keys (through paddle.save / paddle.load bytes and a Paddle-layout
 * .pdparams), and Paddle's errors.
 */
import { describe, expect, it } from 'vitest';
import * as paddle from '../../src/index.js';
import { AssertionError, TypeError as PaddleTypeError, ValueError } from '../../src/errors.js';
import type { Tensor } from '../../src/tensor/tensor.js';
import { gradcheck, leaf } from '../ops/gradcheck.js';
import { expectError } from '../helpers/errors.js';
import { expectClose } from '../helpers/close.js';
import { CHECKPOINTS, F32, F64, GC, casesOf, expectEnc, fixtureBytes, tensorOf, weighted, type FixtureCase } from './norm-rnn-fixtures.js';

const nn = paddle.nn;
const F = paddle.nn.functional;
type Opt = Record<string, unknown>;

/** Runs a fixture case through `run` in float64 (forward, in-place running stats, gradients) or float32 (forward). */
function checkNormCase(c: FixtureCase, dtype: 'float32' | 'float64', run: (ins: Record<string, Tensor>) => Tensor, tag: string): void {
  const grad = dtype === 'float64';
  const ins: Record<string, Tensor> = {};
  for (const [k, v] of Object.entries(c.inputs)) ins[k] = tensorOf(v, dtype, grad && (k === 'x' || k === 'weight' || k === 'bias'));
  const y = run(ins);
  const tol = dtype === 'float64' ? F64 : F32;
  const what = `${c.op} ${c.name} ${tag} [${dtype}]`;
  expect(y.dtype).toBe(dtype);
  expectEnc(y, c.expected.y, tol, `${what} y`);
  if (c.op === 'batch_norm') {
    expectEnc(ins.running_mean, c.expected.running_mean, tol, `${what} running mean`);
    expectEnc(ins.running_var, c.expected.running_var, tol, `${what} running var`);
  }
  if (!grad) return;
  weighted(y, c.inputs.g as never).backward();
  expectEnc(ins.x?.grad as Tensor, c.expected.dx, F64, `${what} dx`);
  if (ins.weight !== undefined) {
    expectEnc(ins.weight.grad as Tensor, c.expected.dweight, F64, `${what} dweight`);
    expectEnc(ins.bias?.grad as Tensor, c.expected.dbias, F64, `${what} dbias`);
  }
}

/** Builds a layer with float64 parameters (the fixtures' dtype). */
function in64<T>(make: () => T): T {
  const prev = paddle.getDefaultDType();
  paddle.setDefaultDType('float64');
  try {
    return make();
  } finally {
    paddle.setDefaultDType(prev);
  }
}

/** Writes fixture values into a layer's parameters through its state dict (Paddle's keys). */
function load(layer: paddle.nn.Layer, entries: Record<string, Tensor | undefined>): void {
  const sd: Record<string, Tensor> = {};
  for (const [k, v] of Object.entries(entries)) if (v !== undefined) sd[k] = v;
  const [missing, unexpected] = layer.setStateDict(sd, { strict: true });
  expect([missing, unexpected]).toEqual([[], []]);
}

describe('F.batch_norm against the fixtures', () => {
  for (const c of casesOf('batch_norm')) {
    const p = c.params;
    for (const dtype of ['float64', 'float32'] as const) {
      it(`${c.name} [${dtype}]`, () =>
        checkNormCase(c, dtype, (i) =>
          F.batchNorm(i.x as Tensor, i.running_mean as Tensor, i.running_var as Tensor, {
            weight: i.weight ?? null,
            bias: i.bias ?? null,
            training: p.training as boolean,
            momentum: p.momentum as number,
            epsilon: p.epsilon as number,
            dataFormat: p.dataFormat as paddle.nn.functional.NormDataFormat,
            useGlobalStats: p.useGlobalStats as boolean | null,
          }), 'F'));
    }
  }
});

describe('BatchNorm1D/2D/3D layers against the fixtures', () => {
  const layerFor = (c: FixtureCase): paddle.nn.Layer | null => {
    const p = c.params;
    const nd = (c.inputs.x as { shape: number[] }).shape.length;
    const C = (c.inputs.running_mean as { shape: number[] }).shape[0] as number;
    const o: Opt = { momentum: p.momentum, epsilon: p.epsilon, dataFormat: p.dataFormat, useGlobalStats: p.useGlobalStats };
    if (c.inputs.weight === undefined) Object.assign(o, { weightAttr: false, biasAttr: false });
    const layer = in64(() => (nd <= 3 ? new nn.BatchNorm1D(C, o) : nd === 4 ? new nn.BatchNorm2D(C, o) : new nn.BatchNorm3D(C, o)));
    if (p.training === true) layer.train();
    else layer.eval();
    return layer;
  };
  for (const c of casesOf('batch_norm')) {
    it(c.name, () => {
      const layer = layerFor(c) as paddle.nn.BatchNorm2D;
      checkNormCase(c, 'float64', (i) => {
        load(layer, { weight: i.weight, bias: i.bias, _mean: i.running_mean, _variance: i.running_var });
        const y = layer.forward(i.x as Tensor);
        // the layer updated its own running statistics; expose them to the checker
        i.running_mean = layer._mean;
        i.running_var = layer._variance;
        if (i.weight !== undefined) {
          i.weight = layer.weight as Tensor;
          i.bias = layer.bias as Tensor;
        }
        return y;
      }, 'layer');
    });
  }
});

describe('F.layer_norm and nn.LayerNorm against the fixtures', () => {
  for (const c of casesOf('layer_norm')) {
    const ns = c.params.normalizedShape as number[];
    const eps = c.params.epsilon as number;
    for (const dtype of ['float64', 'float32'] as const) {
      it(`${c.name} [${dtype}]`, () =>
        checkNormCase(c, dtype, (i) => F.layerNorm(i.x as Tensor, ns, { weight: i.weight ?? null, bias: i.bias ?? null, epsilon: eps }), 'F'));
    }
    it(`${c.name} (layer)`, () => {
      const affine = c.inputs.weight !== undefined;
      const layer = in64(() => new nn.LayerNorm(ns, affine ? { epsilon: eps } : { epsilon: eps, weightAttr: false, biasAttr: false }));
      expect(layer.stateDict()).toEqual(affine ? { weight: layer.weight, bias: layer.bias } : {});
      checkNormCase(c, 'float64', (i) => {
        if (affine) load(layer, { weight: i.weight, bias: i.bias });
        i.weight = layer.weight ?? (undefined as never);
        i.bias = layer.bias ?? (undefined as never);
        if (!affine) {
          delete i.weight;
          delete i.bias;
        }
        return layer.forward(i.x as Tensor);
      }, 'layer');
    });
  }
});

describe('F.group_norm and nn.GroupNorm against the fixtures', () => {
  for (const c of casesOf('group_norm')) {
    const { numGroups, epsilon, dataFormat } = c.params as { numGroups: number; epsilon: number; dataFormat: 'NCHW' };
    for (const dtype of ['float64', 'float32'] as const) {
      it(`${c.name} [${dtype}]`, () =>
        checkNormCase(c, dtype, (i) => F.groupNorm(i.x as Tensor, numGroups, { weight: i.weight ?? null, bias: i.bias ?? null, epsilon, dataFormat }), 'F'));
    }
    if (c.inputs.weight === undefined) continue;
    it(`${c.name} (layer)`, () => {
      const C = (c.inputs.weight as { shape: number[] }).shape[0] as number;
      const layer = in64(() => new nn.GroupNorm(numGroups, C, { epsilon, dataFormat }));
      checkNormCase(c, 'float64', (i) => {
        load(layer, { weight: i.weight, bias: i.bias });
        i.weight = layer.weight;
        i.bias = layer.bias;
        return layer.forward(i.x as Tensor);
      }, 'layer');
    });
  }
});

describe('finite differences (float64)', () => {
  const konst = (t: Tensor): Tensor => {
    t.stopGradient = true;
    return t;
  };
  it('batch_norm with batch statistics: x, weight, bias (NCHW, NHWC, 2-D)', () => {
    for (const [shape, fmt, C] of [[[3, 2, 2, 2], 'NCHW', 2], [[2, 2, 3, 3], 'NHWC', 3], [[5, 3], 'NC', 3]] as const) {
      const rm = konst(leaf([C], 1));
      const rv = konst(leaf([C], 2, 0.5, 1.5));
      gradcheck((x, w, b) => F.batchNorm(x, rm.clone(), rv.clone(), { weight: w, bias: b, training: true, dataFormat: fmt }), [leaf([...shape], 3), leaf([C], 4, 0.5, 1.5), leaf([C], 5)], GC);
    }
  });
  it('batch_norm with running statistics (eval)', () => {
    const rm = konst(leaf([3], 6));
    const rv = konst(leaf([3], 7, 0.5, 1.5));
    gradcheck((x, w, b) => F.batchNorm(x, rm, rv, { weight: w, bias: b }), [leaf([2, 3, 4], 8), leaf([3], 9), leaf([3], 10)], GC);
  });
  it('layer_norm and group_norm: x, weight, bias', () => {
    gradcheck((x, w, b) => F.layerNorm(x, [3, 2], { weight: w, bias: b }), [leaf([2, 3, 2], 11), leaf([6], 12), leaf([6], 13)], GC);
    gradcheck((x) => F.layerNorm(x, 4), [leaf([3, 4], 14)], GC);
    gradcheck((x, w, b) => F.groupNorm(x, 2, { weight: w, bias: b }), [leaf([2, 4, 3], 15), leaf([4], 16), leaf([4], 17)], GC);
    gradcheck((x, w, b) => F.groupNorm(x, 3, { weight: w, bias: b, dataFormat: 'NHWC' }), [leaf([2, 2, 2, 6], 18), leaf([6], 19), leaf([6], 20)], GC);
  });
  it('the layers (float64 parameters)', () => {
    in64(() => {
      const bn = new nn.BatchNorm1D(3);
      gradcheck((x) => bn.forward(x), [leaf([4, 3, 2], 21), bn.weight as Tensor, bn.bias as Tensor], GC);
      const ln = new nn.LayerNorm([2, 2]);
      gradcheck((x) => ln.forward(x), [leaf([3, 2, 2], 22), ln.weight as Tensor, ln.bias as Tensor], GC);
      const gn = new nn.GroupNorm(2, 4);
      gradcheck((x) => gn.forward(x), [leaf([2, 4, 2], 23), gn.weight, gn.bias], GC);
    });
  });
});

describe('BatchNorm train/eval behaviour and running statistics', () => {
  it('hand-derived: x = [[1], [3]] in BatchNorm1D(1): batch mean 2, biased variance 1', () => {
    const bn = new nn.BatchNorm1D(1);
    const y = bn.forward(paddle.toTensor([[1], [3]]));
    // (x - 2)/sqrt(1 + 1e-5) → ∓0.999995
    expectClose(Array.from(y.data), [-1 / Math.sqrt(1 + Math.fround(1e-5)), 1 / Math.sqrt(1 + Math.fround(1e-5))], { rtol: 1e-6 });
    // running = m·running + (1 − m)·batch with m = fround(0.9): mean 0 → 0.2, variance 1 → 1.0
    // (the unbiased variance 2 would give 1.1, PyTorch's convention)
    const m = Math.fround(0.9);
    expectClose(Array.from(bn._mean.data), [Math.fround(2 * (1 - m))], { exact: true });
    expectClose(Array.from(bn._variance.data), [Math.fround(m + (1 - m))], { exact: true });
    // second step from the updated statistics
    bn.forward(paddle.toTensor([[0], [4]]));
    expectClose(Array.from(bn._mean.data), [Math.fround(Math.fround(2 * (1 - m)) * m + 2 * (1 - m))], { exact: true });
    expectClose(Array.from(bn._variance.data), [Math.fround(Math.fround(m + (1 - m)) * m + 4 * (1 - m))], { exact: true });
  });

  it('eval uses and keeps the running statistics; train() switches back', () => {
    const bn = new nn.BatchNorm2D(2);
    const x = paddle.randn([4, 2, 3, 3]);
    bn.forward(x);
    const mean = Array.from(bn._mean.data);
    const vari = Array.from(bn._variance.data);
    expect(mean.some((v) => v !== 0)).toBe(true);
    bn.eval();
    expect(bn.training).toBe(false);
    const y1 = bn.forward(x);
    expect(Array.from(bn._mean.data)).toEqual(mean);
    expect(Array.from(bn._variance.data)).toEqual(vari);
    // eval: y = (x − running mean)/sqrt(running var + eps)
    const xd = x.data;
    const c = 1;
    const i = 1 * 18 + c * 9 + 4;
    expectClose([y1.data[i] as number], [((xd[i] as number) - (mean[c] as number)) / Math.sqrt((vari[c] as number) + Math.fround(1e-5))], { rtol: 1e-6 });
    // a container passes the mode down
    const seq = new nn.Sequential(new nn.Linear(2, 2), bn);
    seq.train();
    expect(bn.training).toBe(true);
    bn.forward(x);
    expect(Array.from(bn._mean.data)).not.toEqual(mean);
  });

  it('useGlobalStats: true uses the running statistics in training and updates nothing', () => {
    const bn = new nn.BatchNorm1D(3, { useGlobalStats: true });
    const y = bn.forward(paddle.toTensor([[1, 2, 3], [5, 6, 7]]));
    expect(Array.from(bn._mean.data)).toEqual([0, 0, 0]);
    expect(Array.from(bn._variance.data)).toEqual([1, 1, 1]);
    expectClose(Array.from(y.data), [1, 2, 3, 5, 6, 7].map((v) => v / Math.sqrt(1 + Math.fround(1e-5))), { rtol: 1e-6 });
  });

  it('a single element per channel passes through and updates nothing (Paddle)', () => {
    const bn = new nn.BatchNorm1D(2);
    const y = bn.forward(paddle.toTensor([[3, -4]]));
    expect(Array.from(y.data)).toEqual([3, -4]);
    expect(Array.from(bn._mean.data)).toEqual([0, 0]);
  });

  it('the older BatchNorm: is_test, trainable_statistics, act', () => {
    const x = paddle.toTensor([[-1, 2], [3, 4]]);
    const bn = new nn.BatchNorm(2, { isTest: true, act: 'relu' });
    expect(bn.training).toBe(false);
    const y = bn.forward(x);
    expectClose(Array.from(y.data), [0, 2, 3, 4].map((v) => v / Math.sqrt(1 + Math.fround(1e-5))), { rtol: 1e-6 });
    const ts = new nn.BatchNorm(2, { isTest: true, trainableStatistics: true });
    ts.forward(x);
    expect(Array.from(ts._mean.data)).toEqual([Math.fround(1 * (1 - Math.fround(0.9))), Math.fround(3 * (1 - Math.fround(0.9)))]);
    const named = new nn.BatchNorm(2, { movingMeanName: 'bn_old_mean', movingVarianceName: 'bn_old_var' });
    expect([named._mean.name, named._variance.name]).toEqual(['bn_old_mean', 'bn_old_var']);
  });
});

describe("Paddle's parameters, names and state dicts", () => {
  it('BatchNorm2D: weight, bias, _mean, _variance (parameters; the statistics not trainable)', () => {
    paddle.utils.uniqueName.guard(() => {
      const bn = new nn.BatchNorm2D(3);
      expect(Object.keys(bn.stateDict())).toEqual(['weight', 'bias', '_mean', '_variance']);
      expect(bn.parameters().map((p) => p.name)).toEqual(['batch_norm2d_0.w_0', 'batch_norm2d_0.b_0', 'batch_norm2d_0.w_1', 'batch_norm2d_0.w_2']);
      expect(bn.parameters().map((p) => p.stopGradient)).toEqual([false, false, true, true]);
      expect([...bn.weight!.data, ...bn.bias!.data, ...bn._mean.data, ...bn._variance.data]).toEqual([1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
      const named = new nn.BatchNorm1D(2, { name: 'bn1', weightAttr: false });
      expect(Object.keys(named.stateDict())).toEqual(['bias', '_mean', '_variance']);
      expect([named._mean.name, named._variance.name]).toEqual(['bn1_mean', 'bn1_variance']);
      expect(named.weight).toBeNull();
      expect(String(named)).toBe('BatchNorm1D(num_features=2, momentum=0.9, epsilon=1e-05, data_format=NCL, name=bn1)');
    });
  });

  it('an optimizer step leaves the running statistics alone', () => {
    const bn = new nn.BatchNorm1D(2);
    const opt = new paddle.optimizer.RMSProp(0.1, { parameters: bn.parameters() });
    bn.forward(paddle.toTensor([[1, 2], [3, 5]])).square().sum().backward();
    const stats = [...bn._mean.data, ...bn._variance.data];
    const w = Array.from(bn.weight!.data);
    opt.step();
    expect([...bn._mean.data, ...bn._variance.data]).toEqual(stats);
    expect(Array.from(bn.weight!.data)).not.toEqual(w);
  });

  it('LayerNorm and GroupNorm parameters', () => {
    paddle.utils.uniqueName.guard(() => {
      const ln = new nn.LayerNorm([2, 3]);
      expect(ln.weight!.shape).toEqual([6]);
      expect(ln.parameters().map((p) => p.name)).toEqual(['layer_norm_0.w_0', 'layer_norm_0.b_0']);
      expect(String(ln)).toBe('LayerNorm(normalized_shape=[2, 3], epsilon=1e-05)');
      const gn = new nn.GroupNorm(2, 4, { weightAttr: false, biasAttr: new paddle.ParamAttr({ learningRate: 0 }) });
      expect(Object.keys(gn.stateDict())).toEqual(['weight', 'bias']);
      expect([gn.weight.stopGradient, gn.bias.stopGradient]).toEqual([true, true]);
      expect(Array.from(gn.weight.data)).toEqual([1, 1, 1, 1]);
      expect(String(gn)).toBe('GroupNorm(num_groups=2, num_channels=4, epsilon=1e-05)');
    });
  });

  it('state dict round trip through paddle.save / paddle.load (bytes)', () => {
    const a = new nn.BatchNorm2D(3);
    a.forward(paddle.randn([4, 3, 2, 2]));
    const bytes = paddle.saveBytes(a.stateDict());
    const b = new nn.BatchNorm2D(3);
    const sd = paddle.loadBytes(bytes, { as: 'stateDict' });
    expect(Object.keys(sd).filter((k) => !k.includes('@@'))).toEqual(['weight', 'bias', '_mean', '_variance']);
    b.setStateDict(sd, { strict: true });
    a.eval();
    b.eval();
    const x = paddle.randn([2, 3, 2, 2]);
    expect(Array.from(b.forward(x).data)).toEqual(Array.from(a.forward(x).data));
  });

  it('loads a Paddle-layout BatchNorm2D .pdparams and evaluates with its statistics', () => {
    const sd = paddle.loadBytes(fixtureBytes('bn.pdparams'), { as: 'stateDict' });
    const bn = new nn.BatchNorm2D(3);
    const [missing, unexpected] = bn.setStateDict(sd, { strict: true });
    expect([missing, unexpected]).toEqual([[], []]);
    bn.eval();
    const y = bn.forward(tensorOf(CHECKPOINTS.bn.x, 'float32'));
    expectEnc(y, CHECKPOINTS.bn.y_eval, F32, 'bn.pdparams eval');
  });
});

describe("errors (Paddle's kinds and messages); bad input changes nothing", () => {
  it('batch_norm', () => {
    const rm = paddle.zeros([3]);
    const rv = paddle.ones([3]);
    expectError(() => F.batchNorm(paddle.zeros([3]), rm, rv), AssertionError, 'input dim must be larger than 1');
    expectError(() => F.batchNorm(paddle.zeros([2, 3]), rm, rv, { dataFormat: 'NWC' as never }), ValueError,
      "data_format must be one of 'NC', 'NCL', 'NCHW', 'NCDHW', 'NLC', 'NHWC', 'NDHWC' but receive NWC");
    expectError(() => F.batchNorm(paddle.zeros([2, 3, 1, 1, 1, 1]), rm, rv), ValueError,
      'ShapeError: the dimension of input X must smaller than or equal to 5. But received: the shape of input X = [2, 3, 1, 1, 1, 1], the dimension of input X = [6]');
    expectError(() => F.batchNorm(paddle.zeros([2, 3]), rm, rv, { weight: paddle.ones([4]) }), ValueError,
      'ShapeError: the shape of scale must equal to [3]But received: the shape of scale is [4]');
    expectError(() => F.batchNorm(paddle.zeros([2, 3]), rm, rv, { weight: paddle.ones([3], { dtype: 'float64' }) }), PaddleTypeError, /dtype of x/);
    expectError(() => F.batchNorm(paddle.zeros([2, 4]), rm, rv), ValueError, /running_mean' must have shape \[4\]/);
    expectError(() => F.batchNorm(paddle.zeros([2, 3]), rm, rv, { useGlobalStats: 1 as never }), PaddleTypeError, /use_global_stats/);
    expectError(() => F.batchNorm(paddle.zeros([2, 3]), rm, rv, { momentm: 0.1 } as never), PaddleTypeError, /momentm/);
    expect(Array.from(rm.data)).toEqual([0, 0, 0]);
    expect(Array.from(rv.data)).toEqual([1, 1, 1]);
  });
  it('BatchNorm layers', () => {
    expectError(() => new nn.BatchNorm2D(3).forward(paddle.zeros([2, 3, 4])), ValueError, 'expected 4D input (got 3D input)');
    expectError(() => new nn.BatchNorm1D(3).forward(paddle.zeros([2, 3, 4, 4])), ValueError, 'expected 2D or 3D input (got 4D input)');
    expectError(() => new nn.BatchNorm3D(3).forward(paddle.zeros([2, 3, 4, 4])), ValueError, 'expected 5D input (got 4D input)');
    expectError(() => new nn.BatchNorm2D(3, { dataFormat: 'NCL' }), ValueError, 'expected NCHW or NHWC for data_format input');
    expectError(() => new nn.BatchNorm1D(3, { dataFormat: 'NCHW' as never }).forward(paddle.zeros([2, 4, 3])), ValueError,
      'ShapeError: the shape of scale must equal to [4]But received: the shape of scale is [3]');
    expectError(() => new nn.BatchNorm3D(3, { dataFormat: 'NHWC' as never }), ValueError, 'expected NCDHW, NDHWC or None for data_format input');
    expectError(() => new nn.BatchNorm2D(3.5), PaddleTypeError, /num_features/);
    expectError(() => new nn.BatchNorm(3, { act: 'swish' }), ValueError, /'act' must be one of/);
    const bn = new nn.BatchNorm2D(2);
    expectError(() => bn.forward(paddle.zeros([2, 3, 2, 2])), ValueError, 'ShapeError: the shape of scale must equal to [3]But received: the shape of scale is [2]');
    expect(Array.from(bn._mean.data)).toEqual([0, 0]);
  });
  it('layer_norm', () => {
    expectError(() => F.layerNorm(paddle.zeros([2, 3]), [4]), ValueError, 'Given normalized_shape is [4], expected input with shape [*, 4], but got input shape [2, 3]');
    expectError(() => F.layerNorm(paddle.zeros([2, 3]), [2, 3]), ValueError, "'begin_norm_axis' in Op(LayerNorm) should begreater than zero. But received [0].");
    expectError(() => F.layerNorm(paddle.zeros([2, 3]), 3, { epsilon: 0.01 }), ValueError, "'epsilon' in Op(LayerNorm) should be between0.0 and 0.001, But received [0.01].");
    expectError(() => F.layerNorm(paddle.zeros([2, 3]), 'a' as never), ValueError, '`normalized_shape` should be int, list of ints or tuple of ints.');
    expectError(() => F.layerNorm(paddle.zeros([2, 3]), 3, { weight: paddle.ones([1, 3]) }), ValueError, 'The dimensions of Input(Scale) must be 1, but received dimensions ofInput(Scale) is [2]');
    expectError(() => F.layerNorm(paddle.zeros([2, 3]), 3, { bias: paddle.ones([2]) }), ValueError, /first dimension value of Input\(Bias\) must equal/);
    expectError(() => new nn.LayerNorm(4).forward(paddle.zeros([2, 3])), ValueError, /Given normalized_shape is \[4\]/);
  });
  it('group_norm', () => {
    expectError(() => F.groupNorm(paddle.zeros([2, 6, 2]), 4), ValueError, 'Expected number of channels in input to be divisible by num_groups, but got input channel is 6 and num_groups is 4');
    expectError(() => F.groupNorm(paddle.zeros([2, 6, 2]), 8), ValueError, /must be less than or equal to the number of channels. But received: groups is \[8\], channels is \[6\]/);
    expectError(() => F.groupNorm(paddle.zeros([2, 6, 2]), 0), ValueError, 'The Attr(groups) of Op(group_norm) must be greater than or equal to 1. But received: groups is [0].');
    expectError(() => F.groupNorm(paddle.zeros([6]), 2), ValueError, "The Input(X)'s dimension of Op(group_norm) must be greater than 1. But received: 1-D Tensor, which shape is [6].");
    expectError(() => F.groupNorm(paddle.zeros([2, 6]), 2, { dataFormat: 'NWC' as never }), ValueError, 'unsupported data layout:NWC');
    expectError(() => F.groupNorm(paddle.zeros([2, 6, 2]), 2, { weight: paddle.ones([4]) }), ValueError, /The Input\(Scale\)'s first dimension size of Op\(group_norm\) must be equal to the number of channels/);
    expectError(() => new nn.GroupNorm(4, 6), ValueError, /divisible by num_groups/);
    expectError(() => new nn.GroupNorm(2, 6, { dataFormat: 'CHW' as never }), ValueError, 'unsupported data layout:CHW');
  });
});

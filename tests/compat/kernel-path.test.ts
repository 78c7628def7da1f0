/**
 * The compat optimizers run their per-element RMSProp on the fused kernel: with the WebAssembly
 * backend every step is a kernel call (no reference fallback), zero-copy on state and parameters
 * in the kernel heap, with the same bits as the reference backend at 1 and 2 threads; `dispose()`
 * gives the heap back; Optax's fused `rmsprop` equals its chain built transformation by
 * transformation.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as paddle from '../../src/index.js';
import * as optax from '../../src/compat/optax.js';
import { configureThreads, getWasmBackend, setNumThreads, threadsSupported, useBackend } from '../../src/kernels/index.js';
import { threadConfig } from '../../src/kernels/wasm/threads.js';
import type { FloatArray } from '../../src/tensor/dtype.js';
import { getParameterAllocator } from '../../src/tensor/storage.js';
import { ParameterBase, Tensor } from '../../src/tensor/tensor.js';
import { rng } from '../helpers/rng.js';

const defaults = { ...threadConfig() };
afterEach(() => {
  configureThreads({ parallelThreshold: defaults.parallelThreshold, chunkElements: defaults.chunkElements });
  setNumThreads(1);
});
afterAll(() => useBackend('auto'));

const SIZES = [1, 7, 33, 1029];
const STEPS = 4;

/** Tensors in the parameter allocator's memory (the kernel heap under the WebAssembly backend). */
function allocated(dtype: 'float32' | 'float64', values: FloatArray, shape: number[]): Tensor {
  // a parameter: its gradient buffer (setGrad) also comes from the parameter allocator
  const t = new ParameterBase(getParameterAllocator().alloc(dtype, values.length), shape, { stopGradient: false });
  (t.data as FloatArray).set(values);
  return t;
}

function values(dtype: 'float32' | 'float64', n: number, next: () => number, scale: number): FloatArray {
  const a = dtype === 'float32' ? new Float32Array(n) : new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = (next() * 2 - 1) * scale * 10 ** (next() * 3 - 2);
  return a;
}

interface Run {
  /** Parameters, then every state array, copied out. */
  result: FloatArray[];
  /** Frees what the run allocated (optimizer state, parameters, gradients). */
  free(): void;
}

type Framework = (dtype: 'float32' | 'float64', params: Tensor[], grads: Tensor[][]) => Run;

const copies = (ts: readonly Tensor[]): FloatArray[] => ts.map((t) => (t.data as FloatArray).slice());

const FRAMEWORKS: [string, boolean, Framework][] = [
  [
    'torch',
    true,
    (_dtype, params, grads) => {
      const opt = new paddle.compat.torch.RMSprop([{ params: params.slice(0, 2), momentum: 0.9, centered: true, weightDecay: 1e-2, maximize: true }, { params: params.slice(2) }], { lr: 0.01 });
      for (const gs of grads) {
        params.forEach((p, i) => p.setGrad(gs[i] as Tensor));
        opt.step();
      }
      const st = [...opt.state.values()].flatMap((s) => [s.square_avg, ...(s.momentum_buffer ? [s.momentum_buffer] : []), ...(s.grad_avg ? [s.grad_avg] : [])]);
      return { result: [...copies(params), ...copies(st)], free: () => opt.dispose() };
    },
  ],
  [
    'timm',
    true,
    (_dtype, params, grads) => {
      const opt = new paddle.compat.timm.RMSpropTF(
        [
          { params: params.slice(0, 1), momentum: 0.9, weightDecay: 1e-2, decoupledDecay: true },
          { params: params.slice(1, 3), momentum: 0.9, centered: true, lrInMomentum: false, weightDecay: 1e-3 },
          { params: params.slice(3) },
        ],
        { lr: 0.016, eps: 1e-3 },
      );
      for (const gs of grads) {
        params.forEach((p, i) => p.setGrad(gs[i] as Tensor));
        opt.step();
      }
      const st = [...opt.state.values()].flatMap((s) => [s.square_avg, ...(s.momentum_buffer ? [s.momentum_buffer] : []), ...(s.grad_avg ? [s.grad_avg] : [])]);
      return { result: [...copies(params), ...copies(st)], free: () => opt.dispose() };
    },
  ],
  [
    'keras',
    true,
    (_dtype, params, grads) => {
      const opt = new paddle.compat.keras.RMSprop({ learningRate: 1e-3, momentum: 0.9, centered: true, weightDecay: 4e-5 }); // (clipping copies the gradients: TypeScript)
      for (const gs of grads) opt.apply(gs, params);
      return { result: [...copies(params), ...copies(opt.velocities), ...copies(opt.momentums), ...copies(opt.averageGradients)], free: () => opt.dispose() };
    },
  ],
  [
    'tf1',
    true,
    (_dtype, params, grads) => {
      const opt = new paddle.compat.tf1.RMSProp(0.01, { momentum: 0.5, centered: true });
      for (const gs of grads) opt.applyGradients(params.map((p, i) => [gs[i] as Tensor, p] as const));
      const st = params.flatMap((p) => {
        const s = opt.getSlots(p)!;
        return [s.rms, s.momentum, s.mg!];
      });
      return { result: [...copies(params), ...copies(st)], free: () => opt.dispose() };
    },
  ],
  [
    'tfjs',
    false,
    (_dtype, params, grads) => {
      const opt = paddle.compat.tfjs.rmsprop(0.01, 0.9, 0.9, null, true);
      for (const gs of grads) opt.applyGradients(params.map((p, i) => ({ variable: p, gradient: gs[i] as Tensor })));
      return { result: [...copies(params), ...copies(opt.getWeights().slice(1).map((w) => w.tensor))], free: () => opt.dispose() };
    },
  ],
];

function runOn(framework: Framework, dtype: 'float32' | 'float64'): Run {
  const next = rng(5);
  const params = SIZES.map((n) => allocated(dtype, values(dtype, n, next, 1), [n]));
  const grads = Array.from({ length: STEPS }, () => SIZES.map((n) => allocated(dtype, values(dtype, n, next, 1), [n])));
  const run = framework(dtype, params, grads);
  return {
    result: run.result,
    free: () => {
      run.free();
      for (const t of [...params, ...grads.flat()]) t.dispose();
    },
  };
}

function expectSame(a: FloatArray[], b: FloatArray[], label: string): void {
  expect(a.length, label).toBe(b.length);
  a.forEach((x, k) => {
    const y = b[k] as FloatArray;
    for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) expect.fail(`${label}: array ${k} element ${i}: ${x[i]} vs ${y[i]}`);
  });
}

describe('compat optimizers on the fused kernel', () => {
  for (const [name, f64, framework] of FRAMEWORKS) {
    for (const dtype of f64 ? (['float32', 'float64'] as const) : (['float32'] as const)) {
      it(`${name} ${dtype}: WebAssembly (zero-copy, 1 and 2 threads) = reference, one kernel call per step, dispose() frees the heap`, async () => {
        useBackend('ref');
        const ref = runOn(framework, dtype);
        ref.free();
        useBackend('wasm');
        const wasm = getWasmBackend()!;
        const inUse = wasm.heap.bytesInUse;
        const scratch = wasm.scratchBytes;
        const before = { ...wasm.stats };
        const one = runOn(framework, dtype);
        const calls = wasm.stats.stepCalls - before.stepCalls;
        expect(calls).toBeGreaterThanOrEqual(STEPS); // torch and timm: one call per group and step
        expect(wasm.stats.refFallbacks).toBe(before.refFallbacks);
        expect(wasm.stats.zeroCopySlots - before.zeroCopySlots).toBe(STEPS * SIZES.length);
        expect(wasm.stats.copiedArrays).toBe(before.copiedArrays);
        expectSame(one.result, ref.result, `${name} ${dtype} 1 thread`);
        one.free();
        expect(wasm.heap.bytesInUse - (wasm.scratchBytes - scratch)).toBe(inUse); // everything the run allocated is back
        if (threadsSupported() && wasm.shared) {
          setNumThreads(2);
          await wasm.threadsReady();
          configureThreads({ parallelThreshold: 0, chunkElements: 7 });
          const threaded = wasm.stats.threadedCalls;
          const two = runOn(framework, dtype);
          expect(wasm.stats.threadedCalls - threaded).toBe(calls);
          expectSame(two.result, ref.result, `${name} ${dtype} 2 threads`);
          two.free();
        }
      });
    }
  }

  it('the state lives in the kernel heap under the WebAssembly backend, and a second dispose() does nothing', () => {
    useBackend('wasm');
    const wasm = getWasmBackend()!;
    const p = allocated('float32', new Float32Array(9).fill(1), [9]);
    p.setGrad(allocated('float32', new Float32Array(9).fill(0.5), [9]));
    const opt = new paddle.compat.torch.RMSprop([p], { momentum: 0.9 });
    const inUse = wasm.heap.bytesInUse;
    opt.step();
    const st = opt.state.get(p)!;
    expect(wasm.heap.contains(st.square_avg.data as Float32Array)).toBe(true);
    expect(wasm.heap.contains(st.momentum_buffer!.data as Float32Array)).toBe(true);
    expect(wasm.heap.bytesInUse).toBeGreaterThan(inUse);
    opt.dispose();
    expect(st.square_avg.isDisposed).toBe(true);
    expect(opt.state.size).toBe(0);
    opt.dispose();
    p.dispose();
  });
});

describe("Optax's fused rmsprop equals its chain", () => {
  const configs: optax.RmspropOptions[] = [
    { learningRate: 0.01 },
    { learningRate: 0.01, momentum: 0.9, centered: true },
    { learningRate: (c: number) => 0.01 / (1 + c), momentum: 0, epsInSqrt: false, initialScale: 1 },
    { learningRate: 0.003, centered: true, epsInSqrt: false, decay: 0.95, eps: 1e-6 },
  ];
  for (const dtype of ['float32', 'float64'] as const) {
    configs.forEach((o, n) => {
      it(`${dtype} config ${n}: updates and every state buffer bit for bit`, () => {
        const next = rng(11 + n);
        const params = SIZES.map((k) => Tensor.fromArray(values(dtype, k, next, 1), [k], dtype));
        const fused = optax.rmsprop(o);
        const scaleOpts: optax.ScaleByRmsOptions = {};
        for (const k of ['decay', 'eps', 'initialScale', 'epsInSqrt'] as const) if (o[k] !== undefined) Object.assign(scaleOpts, { [k]: o[k] });
        const byHand = optax.chain(
          o.centered === true ? optax.scaleByStddev(scaleOpts) : optax.scaleByRms(scaleOpts),
          optax.scaleByLearningRate(o.learningRate),
          o.momentum === undefined || o.momentum === null ? optax.identity() : optax.trace({ decay: o.momentum }),
        );
        let s1 = fused.init(params);
        let s2 = byHand.init(params);
        for (let t = 0; t < STEPS; t++) {
          const g = SIZES.map((k) => Tensor.fromArray(values(dtype, k, next, 1), [k], dtype));
          const [u1, n1] = fused.update(g, s1);
          const [u2, n2] = byHand.update(g, s2);
          expectSame(copies(u1), copies(u2), `step ${t} updates`);
          const flat = (s: optax.OptState): FloatArray[] =>
            s.kind === 'chain' ? (s as optax.ChainState).inner.flatMap(flat) : Object.values((s as optax.TransformState).buffers).flatMap((b) => copies(b));
          expectSame(flat(n1), flat(n2), `step ${t} state`);
          expect(JSON.stringify(n1, (k, v: unknown) => (v instanceof Tensor ? v.shape : v))).toBe(JSON.stringify(n2, (k, v: unknown) => (v instanceof Tensor ? v.shape : v)));
          s1 = n1;
          s2 = n2;
        }
      });
    });
  }

  it('the fused update checks its state as the chain does, before computing anything', () => {
    const p = [Tensor.fromArray(new Float32Array(3), [3], 'float32')];
    const tx = optax.rmsprop({ learningRate: 0.1, momentum: 0.9 });
    const st = tx.init(p) as optax.ChainState;
    expect(() => tx.update(p, { kind: 'chain', inner: st.inner.slice(0, 2) })).toThrow(/a chain of 3 transformations/);
    expect(() => tx.update(p, { kind: 'chain', inner: [st.inner[1]!, st.inner[0]!, st.inner[2]!] })).toThrow(/expected the state of scale_by_rms/);
    expect(() => tx.update([Tensor.fromArray(new Float32Array(4), [4], 'float32')], st)).toThrow(/update 0 is a float32 Tensor of shape \[4\]/);
    const sched = optax.rmsprop({ learningRate: () => NaN });
    expect(() => sched.update(p, sched.init(p))).toThrow(/the schedule's value at 0/);
  });
});

describe('steady state', () => {
  it('after the first step, compat steps allocate no heap block (torch, timm, tf1, tfjs, keras)', () => {
    useBackend('wasm');
    const wasm = getWasmBackend()!;
    const next = rng(21);
    const params = SIZES.map((n) => allocated('float32', values('float32', n, next, 1), [n]));
    const grads = SIZES.map((n) => allocated('float32', values('float32', n, next, 1), [n]));
    params.forEach((p, i) => p.setGrad(grads[i] as Tensor));
    const torch = new paddle.compat.torch.RMSprop(params, { momentum: 0.9, centered: true });
    const timm = new paddle.compat.timm.RMSpropTF(params, { momentum: 0.9 });
    const tf1 = new paddle.compat.tf1.RMSProp(0.01, { momentum: 0.9 });
    const tfjs = paddle.compat.tfjs.rmsprop(0.01, 0.9, 0.9);
    const keras = new paddle.compat.keras.RMSprop({ momentum: 0.9 });
    const step = (): void => {
      torch.step();
      timm.step();
      tf1.step(params);
      tfjs.step(params);
      keras.step(params);
    };
    step();
    const allocations = wasm.heap.stats.allocations;
    const inUse = wasm.heap.bytesInUse;
    for (let s = 0; s < 5; s++) step();
    expect(wasm.heap.stats.allocations).toBe(allocations);
    expect(wasm.heap.bytesInUse).toBe(inUse);
    for (const o of [torch, timm, tf1, tfjs, keras]) o.dispose();
    for (const t of [...params, ...grads]) t.dispose();
  });
});

describe('an unshared kernel heap (no SharedArrayBuffer)', () => {
  it('each optimizer allocates its state before taking array views: heap growth on the first step changes no bit', () => {
    const child = join(dirname(fileURLToPath(import.meta.url)), 'unshared-child.ts');
    for (const kind of ['torch', 'timm', 'tf1', 'tfjs', 'keras']) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', child, kind], { encoding: 'utf8', cwd: join(dirname(fileURLToPath(import.meta.url)), '../..'), timeout: 120_000 });
      expect(r.status, r.stderr).toBe(0);
      const o = JSON.parse(r.stdout.trim().split('\n').pop() as string) as { same: boolean; error?: string; grewInSteps: number; refFallbacks: number; heapShared: boolean };
      expect(o.error, kind).toBeUndefined();
      expect(o.heapShared, kind).toBe(false);
      expect(o.grewInSteps, `${kind}: the heap grew during the first step`).toBeGreaterThan(0);
      expect(o.refFallbacks, kind).toBe(0);
      expect(o.same, `${kind}: same bits as the reference`).toBe(true);
    }
  });
});

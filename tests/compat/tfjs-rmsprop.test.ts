/**
 * compat.tfjs.rmsprop against real TensorFlow.js 4.22 in this test process
 * (`@tensorflow/tfjs-core` + `@tensorflow/tfjs-backend-cpu`, devDependencies): the same variables
 * and gradients through `tf.train.rmsprop(...).applyGradients` and through ours, 8 steps, every
 * variable and every slot compared bit for bit (Object.is, so NaN and −0 too).
 *
 * Why bit for bit is possible here: the cpu backend computes each op element by element in JS
 * doubles and stores it in a Float32Array (one rounding per op, the order of
 * tfjs-core/src/optimizers/rmsprop_optimizer.ts `applyGradients`), which the port repeats with
 * `Math.fround`. The WebGL/WebGPU backends run float32 shaders (and may lack IEEE float32 on some
 * GPUs): not covered, and not reproducible in general.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { TypeError as PaddleTypeError, ValueError } from '../../src/errors.js';
import { rmsprop } from '../../src/compat/tfjs.js';
import { Tensor } from '../../src/tensor/tensor.js';

const SHAPES = [[37], [2, 3]];
const STEPS = 8;

/** A seeded xorshift stream of doubles in [0, 1). */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

/** Initial values and per-step gradients with magnitudes from 1e-4 to 10. */
function data(seed: number, minExp = -4): { init: Float32Array[]; grads: Float32Array[][] } {
  const r = rng(seed);
  const vec = (n: number, scale: () => number): Float32Array => Float32Array.from({ length: n }, () => (r() * 2 - 1) * scale());
  const sizes = SHAPES.map((s) => s.reduce((a, b) => a * b, 1));
  return {
    init: sizes.map((n) => vec(n, () => 1)),
    grads: Array.from({ length: STEPS }, () => sizes.map((n) => vec(n, () => 10 ** (r() * (1 - minExp) + minExp)))),
  };
}

interface Config {
  name: string;
  args: [number, number?, number?, (number | null)?, boolean?];
  /** Smallest gradient magnitude, as a power of 10 (default -4). */
  minExp?: number;
  /** NaN expected (TF.js's centered ε sign). */
  nan?: boolean;
}

const CONFIGS: Config[] = [
  { name: 'defaults (decay 0.9, ε = backend epsilon)', args: [0.01] },
  { name: 'momentum', args: [0.005, 0.95, 0.9] },
  { name: 'centered + momentum, |g| ≥ 0.01 (no NaN)', args: [0.01, 0.9, 0.5, 1e-8, true], minExp: -2 },
  { name: 'centered + momentum, |g| down to 1e-4 (ε subtracted: NaN)', args: [0.01, 0.9, 0.5, 1e-8, true], nan: true },
  { name: 'centered, ε = 1e-3 (NaN)', args: [0.01, 0.8, 0, 1e-3, true], nan: true },
  { name: 'decay 0.99, ε 1e-6', args: [0.02, 0.99, 0, 1e-6, false] },
];

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

describe('compat.tfjs.rmsprop: real TF.js 4.22 (cpu backend), bit for bit', () => {
  it('runs TF.js 4.22 on the cpu backend', () => {
    expect(tf.version_core).toMatch(/^4\.22\./);
    expect(tf.getBackend()).toBe('cpu');
    expect(tf.backend().epsilon()).toBe(1e-7);
  });

  CONFIGS.forEach((cfg, n) => {
    it(`${cfg.name}: ${STEPS} steps, variables and slots`, async () => {
      const { init, grads } = data(1000 + n, cfg.minExp);
      const [lr, decay, momentum, epsilon, centered] = cfg.args;
      const theirs = tf.train.rmsprop(lr, decay, momentum, epsilon ?? undefined, centered);
      const tvars = init.map((v, i) => tf.variable(tf.tensor(v, SHAPES[i], 'float32'), true, `tfjs_var_${n}_${i}`));
      const ours = rmsprop(lr, decay, momentum, epsilon, centered);
      const pvars = init.map((v, i) => Tensor.fromArray(Float32Array.from(v), SHAPES[i] as number[], 'float32', { name: `v${i}` }));
      let nans = 0;
      for (let t = 0; t < STEPS; t++) {
        const g = grads[t] as Float32Array[];
        tf.tidy(() => theirs.applyGradients(tvars.map((v, i) => ({ name: v.name, tensor: tf.tensor(g[i] as Float32Array, SHAPES[i], 'float32') }))));
        ours.applyGradients(pvars.map((v, i) => ({ variable: v, gradient: Tensor.fromArray(Float32Array.from(g[i] as Float32Array), SHAPES[i] as number[], 'float32') })));
        for (let i = 0; i < tvars.length; i++) {
          const want = Array.from(await (tvars[i] as tf.Variable).data());
          const got = Array.from((pvars[i] as Tensor).data);
          const bad = want.map((w, j) => (Object.is(w, got[j]) ? null : `step ${t + 1} var ${i}[${j}]: ${String(got[j])} != ${String(w)}`)).filter((x) => x !== null);
          expect(bad).toEqual([]);
          nans += want.filter((w) => Number.isNaN(w)).length;
        }
      }
      const tw = await theirs.getWeights();
      const pw = ours.getWeights();
      expect(pw.map((w) => w.name.replace(/^v(\d)/, 'tfjs_var_X_$1'))).toEqual(tw.map((w) => w.name.replace(/^tfjs_var_\d+_/, 'tfjs_var_X_')));
      for (let k = 0; k < tw.length; k++) {
        const want = Array.from(await (tw[k] as { tensor: tf.Tensor }).tensor.data());
        const got = Array.from((pw[k] as { tensor: Tensor }).tensor.data);
        expect(got.every((x, j) => Object.is(x, want[j]))).toBe(true);
      }
      expect(ours.iterations).toBe(theirs.iterations);
      // TF.js's centered ε sign (√(ms − (mg² + ε))) gives NaN wherever ms − mg² < ε: reproduced,
      // NaN for NaN.
      if (cfg.nan === true) expect(nans).toBeGreaterThan(0);
      else expect(nans).toBe(0);
      theirs.dispose();
      tvars.forEach((v) => v.dispose());
    });
  });

  it('a null gradient skips its variable but keeps positions (TF.js indexes slots by position)', async () => {
    const { init, grads } = data(7);
    const theirs = tf.train.rmsprop(0.01, 0.9, 0.9);
    const tvars = init.map((v, i) => tf.variable(tf.tensor(v, SHAPES[i], 'float32'), true, `tfjs_skip_${i}`));
    const ours = rmsprop(0.01, 0.9, 0.9);
    const pvars = init.map((v, i) => Tensor.fromArray(Float32Array.from(v), SHAPES[i] as number[], 'float32'));
    for (let t = 0; t < 3; t++) {
      const g = grads[t] as Float32Array[];
      const skip = t === 1 ? 0 : -1;
      const map: tf.NamedTensorMap = {};
      tvars.forEach((v, i) => {
        if (i !== skip) map[v.name] = tf.tensor(g[i] as Float32Array, SHAPES[i], 'float32');
      });
      theirs.applyGradients(tvars.map((v, i) => ({ name: v.name, tensor: (map[v.name] ?? null) as tf.Tensor })));
      ours.applyGradients(pvars.map((v, i) => ({ variable: v, gradient: i === skip ? null : Tensor.fromArray(Float32Array.from(g[i] as Float32Array), SHAPES[i] as number[], 'float32') })));
    }
    for (let i = 0; i < tvars.length; i++) {
      const want = Array.from(await (tvars[i] as tf.Variable).data());
      expect(Array.from((pvars[i] as Tensor).data)).toEqual(want);
    }
    theirs.dispose();
    tvars.forEach((v) => v.dispose());
  });

  it('refuses what TF.js refuses or cannot hold, changing nothing', () => {
    expect(() => rmsprop(undefined as unknown as number)).toThrow('learningRate for RMSPropOptimizer must be defined.');
    expect(() => rmsprop(Number.NaN)).toThrow(PaddleTypeError);
    expect(() => rmsprop(0.1, 1.2)).toThrow(ValueError);
    const opt = rmsprop(0.1);
    const v = Tensor.fromArray(new Float64Array(3), [3], 'float64');
    expect(() => opt.applyGradients([{ variable: v, gradient: v }])).toThrow(/float32 variables only/);
    const w = Tensor.fromArray(new Float32Array([1, 2, 3]), [3], 'float32');
    expect(() => opt.applyGradients([{ variable: w, gradient: Tensor.fromArray(new Float32Array(3), [3], 'float32') }, { variable: w, gradient: Tensor.fromArray(new Float32Array(2), [2], 'float32') }])).toThrow(ValueError);
    expect(Array.from(w.data)).toEqual([1, 2, 3]);
    expect(opt.iterations).toBe(0);
    expect(opt.getWeights().length).toBe(1);
  });
});

/**
 * compat.tf1.RMSProp against a NumPy model of TensorFlow 1 (scripts/gen-compat-fixtures.py,
 * `tf1_run`), written from tensorflow/python/training/rmsprop.py `RMSPropOptimizer._create_slots`
 * (the `rms` slot initialised to ones) / `_prepare` (float32 hyper-parameter tensors) and
 * tensorflow/core/kernels/training_ops.cc `ApplyRMSProp` / `ApplyCenteredRMSProp` (CPU functors):
 * 7 steps per case, parameters and slots bit for bit.
 *
 * Not covered: TensorFlow builds that let the compiler contract Eigen's `a * b + c` into FMA
 * (not the default pip build); the sparse `SparseApplyRMSProp` path.
 */
import { describe, expect, it } from 'vitest';
import { TypeError as PaddleTypeError, ValueError } from '../../src/errors.js';
import { RMSProp, type RMSPropOptions } from '../../src/compat/tf1.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { diff, gradsAt, initialParams, loadCases, type Case } from './compat-fixtures.js';

const cases = loadCases('tf1');

function make(c: Case): RMSProp {
  const { learning_rate: lr, ...rest } = c.hyper as Record<string, number | boolean>;
  return new RMSProp(lr as number, rest as RMSPropOptions);
}

describe('compat.tf1.RMSProp: tf.compat.v1.train.RMSPropOptimizer (NumPy model of the CPU kernel)', () => {
  it("has the generator's cases", () => {
    expect(cases.map((c) => c.name)).toEqual(['plain', 'momentum', 'centered_momentum', 'float64_momentum']);
  });

  for (const c of cases) {
    it(`${c.name} (${c.dtype}): every step bit for bit, and the slots`, () => {
      const vars = initialParams(c);
      const opt = make(c);
      c.params.forEach((want, t) => {
        const g = gradsAt(c, t);
        opt.applyGradients(g.map((x, i) => [x, vars[i] as Tensor] as const));
        expect(diff(`step ${t + 1}`, vars, want)).toEqual([]);
      });
      for (const [k, want] of Object.entries(c.state)) {
        const slots = vars.map((v) => opt.getSlots(v)?.[k as 'rms' | 'momentum' | 'mg'] as Tensor);
        expect(diff(k, slots, want)).toEqual([]);
      }
    });
  }

  it('starts the mean square at 1 (the first step of a tiny gradient is tiny, unlike Paddle/PyTorch)', () => {
    const v = Tensor.fromArray(new Float32Array([0]), [1], 'float32');
    const opt = new RMSProp(0.1);
    v.setGrad(Tensor.fromArray(new Float32Array([1e-3]), [1], 'float32'));
    opt.step([v]);
    // ms = 1 + (1e-6 - 1)·0.1 ≈ 0.9; step ≈ 0.1·1e-3/√0.9
    expect(opt.getSlots(v)?.rms.data[0]).toBeCloseTo(0.9000001, 6);
    expect(v.data[0]).toBeCloseTo(-0.1 * 1e-3 / Math.sqrt(0.9000001), 9);
  });

  it('refuses bad options and bad gradients, changing nothing', () => {
    expect(() => new RMSProp(0.1, { rho: 0.9 } as unknown as RMSPropOptions)).toThrow(PaddleTypeError);
    expect(() => new RMSProp(Number.NaN)).toThrow(PaddleTypeError);
    expect(() => new RMSProp(0.1, { decay: 2 })).toThrow(ValueError);
    expect(() => new RMSProp(0.1, { momentum: Number.NaN })).toThrow(PaddleTypeError);
    const c = cases[1] as Case;
    const vars = initialParams(c);
    const opt = make(c);
    const before = vars.map((v) => Array.from(v.data));
    expect(() => opt.applyGradients([[null, vars[0] as Tensor], [null, vars[1] as Tensor]])).toThrow(/No gradients provided for any variable/);
    const g = gradsAt(c, 0);
    expect(() => opt.applyGradients([[g[0] as Tensor, vars[0] as Tensor], [g[0] as Tensor, vars[1] as Tensor]])).toThrow(ValueError);
    expect(vars.map((v) => Array.from(v.data))).toEqual(before);
    expect(opt.getSlots(vars[0] as Tensor)).toBeUndefined();
  });
});

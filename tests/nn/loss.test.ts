import { describe, expect, it } from 'vitest';
import { NotImplementedError, TypeError as PaddleTypeError, ValueError } from '../../src/errors.js';
import * as nn from '../../src/nn/index.js';
import { toTensor } from '../../src/tensor/creation.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { expectClose } from '../helpers/close.js';
import { gradcheck, leaf, rng } from '../ops/gradcheck.js';

const F = nn.functional;
const GC = { rtol: 1e-6, atol: 1e-8 };

const lse = (row: number[]): number => {
  const m = Math.max(...row);
  return m + Math.log(row.reduce((s, v) => s + Math.exp(v - m), 0));
};

/** Rows of a probability table that sum to 1. */
function softLabels(rows: number, C: number, seed: number): Tensor {
  const r = rng(seed);
  const d = new Float64Array(rows * C);
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let c = 0; c < C; c++) s += d[i * C + c] = 0.1 + r();
    for (let c = 0; c < C; c++) d[i * C + c] = (d[i * C + c] as number) / s;
  }
  return Tensor.fromArray(d, [rows, C], 'float64');
}

describe('crossEntropy by hand', () => {
  const logits = [[1, 2, 3], [1, 1, 1]];
  const l0 = lse([1, 2, 3]) - 3; // 0.40760596444438...
  const l1 = Math.log(3);

  it('mean / sum / none with labels [N] and [N, 1]', () => {
    const x = toTensor(logits, { dtype: 'float64' });
    const y = toTensor([2, 0], { dtype: 'int64' });
    expectClose(F.crossEntropy(x, y).data, [(l0 + l1) / 2], { rtol: 1e-15 });
    expectClose(F.crossEntropy(x, y, { reduction: 'sum' }).data, [l0 + l1], { rtol: 1e-15 });
    const none = F.crossEntropy(x, y, { reduction: 'none' });
    expect(none.shape).toEqual([2]);
    expectClose(none.data, [l0, l1], { rtol: 1e-15 });
    const none2 = F.cross_entropy(x, toTensor([[2], [0]], { dtype: 'int64' }), { reduction: 'none' });
    expect(none2.shape).toEqual([2, 1]);
    expect(F.crossEntropy(x, y).shape).toEqual([]);
    // plain arrays as labels
    expectClose(F.crossEntropy(x, [2, 0]).data, [(l0 + l1) / 2], { rtol: 1e-15 });
  });

  it('gradient of the mean is (softmax − onehot) / N', () => {
    const x = toTensor(logits, { dtype: 'float64', stopGradient: false });
    F.crossEntropy(x, toTensor([2, 0], { dtype: 'int64' })).backward();
    const z = Math.exp(1) + Math.exp(2) + Math.exp(3);
    const expected = [Math.exp(1) / z / 2, Math.exp(2) / z / 2, (Math.exp(3) / z - 1) / 2, (1 / 3 - 1) / 2, 1 / 6, 1 / 6];
    expectClose((x.grad as Tensor).data, expected, { rtol: 1e-14, atol: 1e-17 });
  });

  it('ignoreIndex ≥ 0 drops samples and divides by the kept count; the default −100 divides by N', () => {
    const x = toTensor([[1, 2, 3], [1, 1, 1], [0, 5, 0]], { dtype: 'float64' });
    const l2 = lse([0, 5, 0]);
    const kept = F.crossEntropy(x, toTensor([2, 0, 1], { dtype: 'int64' }), { ignoreIndex: 1, reduction: 'none' });
    expectClose(kept.data, [l0, l1, 0], { rtol: 1e-15 });
    expectClose(F.crossEntropy(x, toTensor([2, 0, 1], { dtype: 'int64' }), { ignoreIndex: 1 }).data, [(l0 + l1) / 2], { rtol: 1e-15 });
    // label −100 with the default ignore_index: loss 0, but mean_all still divides by 3
    expectClose(F.crossEntropy(x, toTensor([2, 0, -100], { dtype: 'int64' })).data, [(l0 + l1) / 3], { rtol: 1e-15 });
    // all ignored: 0 / max(count, 1)
    expect(F.crossEntropy(x, toTensor([1, 1, 1], { dtype: 'int64' }), { ignoreIndex: 1 }).item()).toBe(0);
    void l2;
    const xg = leaf([3, 3], 1);
    gradcheck((a) => F.crossEntropy(a, toTensor([2, 0, 1], { dtype: 'int64' }), { ignoreIndex: 1 }), [xg], GC);
  });

  it('weight scales each sample by weight[label] and the mean divides by Σ weight[label]', () => {
    const x = toTensor(logits, { dtype: 'float64' });
    const w = toTensor([0.5, 2, 4], { dtype: 'float64' });
    expectClose(F.crossEntropy(x, toTensor([2, 0], { dtype: 'int64' }), { weight: w, reduction: 'none' }).data, [4 * l0, 0.5 * l1], { rtol: 1e-15 });
    expectClose(F.crossEntropy(x, toTensor([2, 0], { dtype: 'int64' }), { weight: w }).data, [(4 * l0 + 0.5 * l1) / 4.5], { rtol: 1e-15 });
    gradcheck((a) => F.crossEntropy(a, toTensor([2, 0, 1, 1], { dtype: 'int64' }), { weight: w }), [leaf([4, 3], 2)], GC);
    expect(() => F.crossEntropy(x, toTensor([2, 0], { dtype: 'int64' }), { weight: toTensor([1, 2], { dtype: 'float64' }) })).toThrow(/class_dimension/);
  });

  it('soft labels: −Σ q·log p; labelSmoothing builds them from hard labels', () => {
    const x = toTensor(logits, { dtype: 'float64' });
    const q = toTensor([[0.2, 0.3, 0.5], [1, 0, 0]], { dtype: 'float64' });
    const L = lse([1, 2, 3]);
    const e0 = -(0.2 * (1 - L) + 0.3 * (2 - L) + 0.5 * (3 - L));
    const none = F.crossEntropy(x, q, { softLabel: true, reduction: 'none' });
    expect(none.shape).toEqual([2, 1]);
    expectClose(none.data, [e0, l1], { rtol: 1e-14 });
    gradcheck((a) => F.crossEntropy(a, softLabels(4, 5, 3), { softLabel: true }), [leaf([4, 5], 4)], GC);
    const eps = 0.1;
    const smooth = F.crossEntropy(x, toTensor([2, 0], { dtype: 'int64' }), { labelSmoothing: eps, reduction: 'none' });
    // Paddle smooths the float32 one-hot labels in float32 (label_smooth with a float32 ε).
    const s3 = Math.fround(Math.fround(eps) / 3);
    const hot = Math.fround(Math.fround(1 - Math.fround(eps)) + s3);
    const sq = toTensor([[s3, s3, hot], [hot, s3, s3]], { dtype: 'float64' });
    expectClose(smooth.data, F.crossEntropy(x, sq, { softLabel: true, reduction: 'none' }).data, { rtol: 1e-14 });
    expect(smooth.shape).toEqual([2]);
  });

  it('useSoftmax: false takes probabilities', () => {
    const p = toTensor([[0.2, 0.3, 0.5], [0.9, 0.05, 0.05]], { dtype: 'float64' });
    expectClose(F.crossEntropy(p, toTensor([1, 0], { dtype: 'int64' }), { useSoftmax: false, reduction: 'none' }).data, [-Math.log(0.3), -Math.log(0.9)], { rtol: 1e-15 });
    const pos = leaf([3, 4], 5, 0.1, 1);
    gradcheck((a) => F.crossEntropy(a, toTensor([3, 0, 1], { dtype: 'int64' }), { useSoftmax: false }), [pos], GC);
    gradcheck((a) => F.crossEntropy(a, softLabels(3, 4, 6), { useSoftmax: false, softLabel: true }), [leaf([3, 4], 7, 0.1, 1)], GC);
    // log(0) is clamped like Paddle's TolerableValue
    expect(F.crossEntropy(toTensor([[0, 1]], { dtype: 'float64' }), toTensor([0], { dtype: 'int64' }), { useSoftmax: false }).item()).toBe(1e20);
  });

  it('a class axis other than the last', () => {
    // x of shape [2, 3, 2]: classes on axis 1.
    const x = leaf([2, 3, 2], 8);
    const labels = toTensor([[0, 2], [1, 1]], { dtype: 'int64' });
    const none = F.crossEntropy(x, labels, { axis: 1, reduction: 'none' });
    expect(none.shape).toEqual([2, 2]);
    const d = x.data;
    for (let n = 0; n < 2; n++) {
      for (let w = 0; w < 2; w++) {
        const row = [0, 1, 2].map((c) => d[n * 6 + c * 2 + w] as number);
        const lab = labels.data[n * 2 + w] as number;
        expect(none.data[n * 2 + w]).toBeCloseTo(lse(row) - (row[lab] as number), 14);
      }
    }
    gradcheck((a) => F.crossEntropy(a, labels, { axis: 1 }), [x], GC);
    gradcheck((a) => F.crossEntropy(a, toTensor([[[0, 2]], [[1, 1]]], { dtype: 'int64' }), { axis: 1, reduction: 'sum' }), [leaf([2, 3, 2], 9)], GC);
  });

  it('gradcheck every reduction with hard labels', () => {
    for (const reduction of ['mean', 'sum', 'none'] as const) {
      gradcheck((a) => F.crossEntropy(a, toTensor([0, 4, 2, 2, 1], { dtype: 'int64' }), { reduction }), [leaf([5, 5], 10)], GC);
    }
  });

  it('is stable in float32 for large logits', () => {
    const x = toTensor([[1000, 0], [-1000, 1000]], { dtype: 'float32', stopGradient: false });
    const l = F.crossEntropy(x, toTensor([1, 1], { dtype: 'int64' }), { reduction: 'none' });
    expect(Array.from(l.data)).toEqual([1000, 0]);
    l.backward();
    expect(Array.from((x.grad as Tensor).data)).toEqual([1, -1, 0, 0]);
  });

  it('CrossEntropyLoss layer', () => {
    const x = toTensor(logits, { dtype: 'float64' });
    expect(new nn.CrossEntropyLoss().forward(x, toTensor([2, 0], { dtype: 'int64' })).item()).toBe(F.crossEntropy(x, toTensor([2, 0], { dtype: 'int64' })).item());
    expect(new nn.CrossEntropyLoss({ reduction: 'sum' }).forward(x, toTensor([2, 0], { dtype: 'int64' })).item()).toBeCloseTo(l0 + l1, 14);
    expect(() => new nn.CrossEntropyLoss({ reduction: 'avg' as never })).toThrow(ValueError);
  });
});

describe('crossEntropy errors', () => {
  const x = toTensor([[1, 2, 3], [1, 1, 1]], { dtype: 'float32' });
  it('rejects bad arguments before computing', () => {
    const bad: [() => unknown, new (...a: never[]) => Error, RegExp][] = [
      [() => F.crossEntropy(x, toTensor([2, 0], { dtype: 'int64' }), { reduction: 'avg' as never }), ValueError, /should be 'sum', 'mean' or 'none', but received avg/],
      [() => F.crossEntropy(x, toTensor([3, 0], { dtype: 'int64' })), ValueError, /expected >= 0 and < 3, or == -100, but got 3/],
      [() => F.crossEntropy(x, toTensor([-1, 0], { dtype: 'int64' })), ValueError, /but got -1/],
      [() => F.crossEntropy(x, toTensor([2, 0, 1], { dtype: 'int64' })), ValueError, /label_dims/],
      [() => F.crossEntropy(x, toTensor([[2, 0]], { dtype: 'int64' })), ValueError, /label_dims/],
      [() => F.crossEntropy(x, toTensor([2, 0], { dtype: 'float32' })), PaddleTypeError, /int32 or int64/],
      [() => F.crossEntropy(x, toTensor([2, 0], { dtype: 'int64' }), { ignore_index: 1 } as never), PaddleTypeError, /Did you mean 'ignoreIndex'/],
      [() => F.crossEntropy(x, x, { softLabel: true, ignoreIndex: 1 }), ValueError, /soft_label == True/],
      [() => F.crossEntropy(x, toTensor([[1, 0]], { dtype: 'float32' }), { softLabel: true }), ValueError, /input's shape/],
      [() => F.crossEntropy(toTensor([1, 2], { dtype: 'int64' }), toTensor([0], { dtype: 'int64' })), PaddleTypeError, /float32 or float64/],
      [() => F.crossEntropy(x, toTensor([2, 0], { dtype: 'int64' }), { axis: 2 }), ValueError, /axis/],
      [() => F.crossEntropy(x, toTensor([2, 0], { dtype: 'int64' }), { labelSmoothing: 0.1, ignoreIndex: 0 }), NotImplementedError, /labelSmoothing/],
    ];
    for (const [fn, cls, msg] of bad) {
      expect(fn).toThrow(cls);
      expect(fn).toThrow(msg);
    }
  });
});

describe('mse_loss, l1_loss, square_error_cost', () => {
  const a = toTensor([[1, 2], [3, 4]], { dtype: 'float64' });
  const b = toTensor([[0, 2], [5, 1]], { dtype: 'float64' });
  it('values and reductions by hand', () => {
    // d = [1, 0, −2, 3]
    expect(F.mseLoss(a, b).item()).toBe((1 + 0 + 4 + 9) / 4);
    expect(F.mse_loss(a, b, { reduction: 'sum' }).item()).toBe(14);
    expect(F.mseLoss(a, b, { reduction: 'none' }).tolist()).toEqual([[1, 0], [4, 9]]);
    expect(F.l1Loss(a, b).item()).toBe(6 / 4);
    expect(F.l1_loss(a, b, { reduction: 'none' }).tolist()).toEqual([[1, 0], [2, 3]]);
    expect(F.squareErrorCost(a, b).tolist()).toEqual([[1, 0], [4, 9]]);
    expect(F.square_error_cost).toBe(F.squareErrorCost);
    expect(new nn.MSELoss().forward(a, b).item()).toBe(3.5);
    expect(new nn.L1Loss({ reduction: 'sum' }).forward(a, b).item()).toBe(6);
  });

  it('broadcasts the label and rounds float32 like subtract → square → mean', () => {
    const x = toTensor([[0.1, 0.2, 0.3]], { dtype: 'float32' });
    const y = toTensor([0.7], { dtype: 'float32' });
    const out = F.mseLoss(x, y, { reduction: 'none' });
    expect(out.shape).toEqual([1, 3]);
    const f = Math.fround;
    const exp = [0.1, 0.2, 0.3].map((v) => {
      const d = f(f(v) - f(0.7));
      return f(d * d);
    });
    expect(Array.from(out.data)).toEqual(exp);
  });

  it('gradcheck for input and label, with broadcasting', () => {
    for (const reduction of ['mean', 'sum', 'none'] as const) {
      gradcheck((p, q) => F.mseLoss(p, q, { reduction }), [leaf([3, 4], 1), leaf([3, 4], 2)], GC);
      gradcheck((p, q) => F.l1Loss(p, q, { reduction }), [leaf([3, 4], 3), leaf([1, 4], 4)], GC);
    }
    gradcheck((p, q) => F.squareErrorCost(p, q), [leaf([2, 3], 5), leaf([3], 6)], GC);
  });

  it('errors', () => {
    expect(() => F.mseLoss(a, b, { reduction: 'avg' as never })).toThrow("'reduction' in 'mse_loss' should be 'sum', 'mean' or 'none', but received avg.");
    expect(() => F.l1Loss(a, b, { reduction: 'x' as never })).toThrow(/in L1Loss should be/);
    expect(() => F.mseLoss(a, toTensor([1, 2, 3], { dtype: 'float64' }))).toThrow(ValueError);
    expect(() => F.mseLoss(a, toTensor([1, 2], { dtype: 'int64' }))).toThrow(PaddleTypeError);
    expect(() => new nn.MSELoss({ reduction: 'avg' as never })).toThrow(ValueError);
  });
});

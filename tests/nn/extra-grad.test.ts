/**
 * Central-difference gradient checks (float64) of the nn.functional additions of issue 12 and
 * their layers, with the tolerance of tests/nn/functional.test.ts (rtol 1e-6, atol 1e-8).
 */
import { describe, expect, it } from 'vitest';
import * as nn from '../../src/nn/index.js';
import '../../src/ops/index.js'; // installs the Tensor method forms
import { toTensor } from '../../src/tensor/creation.js';
import type { Tensor } from '../../src/tensor/tensor.js';
import { gradcheck, leaf } from '../ops/gradcheck.js';

const F = nn.functional;
const GC = { rtol: 1e-6, atol: 1e-8 };
const konst = (t: Tensor): Tensor => {
  t.stopGradient = true;
  return t;
};
const awayFromZero = (v: number): number => (v < 0 ? v - 0.2 : v + 0.2);

describe('activations', () => {
  const x = (): Tensor => leaf([3, 4], 21, -3, 3, awayFromZero);
  it('leaky_relu, silu, elu, softplus (both sides of the threshold)', () => {
    gradcheck((a) => F.leakyRelu(a), [x()], GC);
    gradcheck((a) => F.leaky_relu(a, 0.2), [x()], GC);
    gradcheck((a) => F.silu(a), [x()], GC);
    gradcheck((a) => F.elu(a, { alpha: 0.7 }), [x()], GC);
    gradcheck((a) => F.softplus(a), [x()], GC);
    gradcheck((a) => F.softplus(a, { beta: 2, threshold: 1 }), [leaf([3, 4], 22, -3, 3, (v) => (Math.abs(v - 0.5) < 0.1 ? v + 0.3 : v))], GC);
  });
  it('normalize: p = 2, 1, 3 along different axes', () => {
    gradcheck((a) => F.normalize(a), [x()], GC);
    gradcheck((a) => F.normalize(a, { p: 1, axis: -1 }), [x()], GC);
    gradcheck((a) => F.normalize(a, { p: 3, axis: 0 }), [leaf([2, 3, 2], 23, 0.2, 2)], GC);
    gradcheck((a) => F.normalize(a, { axis: 0 }), [leaf([5], 24)], GC);
  });
  it('layers', () => {
    gradcheck((a) => new nn.LeakyReLU(0.1).forward(a), [x()], GC);
    gradcheck((a) => new nn.SiLU().forward(a), [x()], GC);
    gradcheck((a) => new nn.ELU().forward(a), [x()], GC);
    gradcheck((a) => new nn.Softplus({ beta: 0.5 }).forward(a), [x()], GC);
    gradcheck((a) => new nn.Identity().forward(a).multiply(2), [x()], GC);
  });
});

describe('losses', () => {
  const reductions = ['mean', 'sum', 'none'] as const;
  it('binary_cross_entropy: input and weight', () => {
    for (const reduction of reductions) {
      const label = konst(leaf([3, 4], 31, 0, 1));
      gradcheck((p, w) => F.binaryCrossEntropy(p, label, { weight: w, reduction }), [leaf([3, 4], 32, 0.05, 0.95), leaf([4], 33, 0.5, 1.5)], GC);
      gradcheck((p) => new nn.BCELoss({ reduction }).forward(p, label), [leaf([3, 4], 34, 0.05, 0.95)], GC);
    }
  });
  it('binary_cross_entropy_with_logits: logit and weight, with and without posWeight', () => {
    for (const reduction of reductions) {
      const label = konst(leaf([3, 4], 41, 0, 1));
      const pw = konst(leaf([4], 42, 0.5, 2));
      gradcheck((z, w) => F.binaryCrossEntropyWithLogits(z, label, { weight: w, reduction }), [leaf([3, 4], 43, -4, 4), leaf([3, 1], 44, 0.5, 1.5)], GC);
      gradcheck((z) => F.binary_cross_entropy_with_logits(z, label, { posWeight: pw, reduction }), [leaf([3, 4], 45, -4, 4)], GC);
      gradcheck((z) => new nn.BCEWithLogitsLoss({ posWeight: pw, reduction }).forward(z, label), [leaf([3, 4], 46, -4, 4)], GC);
    }
  });
  it('nll_loss: 2-D and 4-D input, weights, ignore_index', () => {
    const label = toTensor([0, 2, -100, 1], { dtype: 'int64' });
    const w = konst(leaf([3], 51, 0.5, 1.5));
    for (const reduction of reductions) {
      gradcheck((a) => F.nllLoss(a, label, { reduction }), [leaf([4, 3], 52)], GC);
      gradcheck((a) => F.nll_loss(a, label, { weight: w, reduction }), [leaf([4, 3], 53)], GC);
      gradcheck((a) => new nn.NLLLoss({ weight: w, reduction }).forward(a, toTensor([[[0, 1], [2, 2]], [[1, 0], [0, 2]]], { dtype: 'int64' })), [leaf([2, 3, 2, 2], 54)], GC);
    }
  });
  it('smooth_l1_loss: input and label, away from |d| = delta', () => {
    for (const reduction of reductions) {
      const kink = (v: number): number => (Math.abs(Math.abs(v) - 1) < 0.05 || Math.abs(Math.abs(v) - 0.5) < 0.05 ? v + 0.12 : v);
      const zero = konst(toTensor(new Array(12).fill(0), { dtype: 'float64' }).reshape([3, 4]));
      gradcheck((a) => F.smoothL1Loss(a, zero, { reduction }), [leaf([3, 4], 61, -3, 3, kink)], GC);
      gradcheck((a) => new nn.SmoothL1Loss({ delta: 0.5, reduction }).forward(zero, a), [leaf([3, 4], 62, -3, 3, kink)], GC);
    }
  });
  it('kl_div: all reductions, logTarget', () => {
    for (const reduction of [...reductions, 'batchmean'] as const) {
      const target = konst(leaf([3, 4], 71, -0.2, 1));
      gradcheck((a) => F.klDiv(a, target, { reduction }), [leaf([3, 4], 72)], GC);
      gradcheck((a) => new nn.KLDivLoss({ reduction, logTarget: true }).forward(a, target), [leaf([3, 4], 73)], GC);
    }
  });
  it('no gradient flows into labels (except smooth_l1_loss)', () => {
    const p = toTensor([0.3, 0.6], { dtype: 'float64', stopGradient: false });
    const y = toTensor([0, 1], { dtype: 'float64', stopGradient: false });
    F.binaryCrossEntropy(p, y).backward();
    expect(y.grad).toBeNull();
    expect(p.grad).not.toBeNull();
  });
});

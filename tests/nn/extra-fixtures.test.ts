/**
 * The nn.functional additions of issue 12 (activations, losses, one_hot) against NumPy (float64
 * truth from scripts/make-ops-extra-fixtures.py), each case with float64 and float32 inputs, and
 * the layer forms against the functional ones.
 */
import { describe, expect, it } from 'vitest';
import * as nn from '../../src/nn/index.js';
import { toTensor } from '../../src/tensor/creation.js';
import type { Tensor } from '../../src/tensor/tensor.js';
import { CASES, checkCase, decode, type Runner } from '../ops/fixture-cases.js';

const F = nn.functional;
const opt = <T>(p: Record<string, unknown>): T => p as T;

const RUNNERS: Record<string, Runner> = {
  leaky_relu: ({ x }, p) => F.leaky_relu(x as Tensor, opt(p)),
  silu: ({ x }) => F.silu(x as Tensor),
  elu: ({ x }, p) => F.elu(x as Tensor, opt(p)),
  softplus: ({ x }, p) => F.softplus(x as Tensor, opt(p)),
  normalize: ({ x }, p) => F.normalize(x as Tensor, opt(p)),
  binary_cross_entropy: ({ input, label, weight }, p) => F.binary_cross_entropy(input as Tensor, label as Tensor, { ...opt(p), weight: weight ?? null }),
  binary_cross_entropy_with_logits: ({ logit, label, weight, posWeight }, p) =>
    F.binaryCrossEntropyWithLogits(logit as Tensor, label as Tensor, { ...opt(p), weight: weight ?? null, posWeight: posWeight ?? null }),
  nll_loss: ({ input, label, weight }, p) => F.nll_loss(input as Tensor, label as Tensor, { ...opt(p), weight: weight ?? null }),
  smooth_l1_loss: ({ input, label }, p) => F.smooth_l1_loss(input as Tensor, label as Tensor, opt(p)),
  kl_div: ({ input, label }, p) => F.kl_div(input as Tensor, label as Tensor, opt(p)),
  one_hot: ({ x }, p) => F.one_hot(x as Tensor, p.numClasses as number),
};

describe('nn.functional against NumPy fixtures', () => {
  const mine = CASES.filter((c) => c.op in RUNNERS);
  it('covers every function of the table', () => {
    const seen = new Set(mine.map((c) => c.op));
    for (const op of Object.keys(RUNNERS)) if (!seen.has(op)) throw new Error(`no fixture for ${op}`);
  });
  for (const dtype of ['float64', 'float32'] as const) {
    for (const c of mine) {
      // one_hot's result is float32 whatever the run (its input is integer).
      if (c.op === 'one_hot' && dtype === 'float64') continue;
      it(`${c.op} ${JSON.stringify(c.params)} (${dtype})`, () => checkCase(c, RUNNERS[c.op] as Runner, dtype));
    }
  }
});

describe('layer forms compute the functional forms', () => {
  const first = (op: string) => CASES.find((c) => c.op === op) as (typeof CASES)[number];
  const ins = (op: string): Record<string, Tensor> =>
    Object.fromEntries(Object.entries(first(op).inputs).map(([k, v]) => [k, decode(v)]));
  const same = (a: Tensor, b: Tensor): void => expect(Array.from(a.data)).toEqual(Array.from(b.data));

  it('activations', () => {
    const x = ins('silu').x as Tensor;
    same(new nn.LeakyReLU().forward(x), F.leakyRelu(x));
    same(new nn.LeakyReLU(0.2).forward(x), F.leakyRelu(x, 0.2));
    same(new nn.LeakyReLU({ negativeSlope: 0.3 }).forward(x), F.leakyRelu(x, { negativeSlope: 0.3 }));
    same(new nn.SiLU().forward(x), F.silu(x));
    same(new nn.ELU(0.5).forward(x), F.elu(x, { alpha: 0.5 }));
    same(new nn.Softplus({ beta: 2, threshold: 3 }).forward(x), F.softplus(x, { beta: 2, threshold: 3 }));
    expect(new nn.Identity().forward(x)).toBe(x);
    expect(new nn.Identity(54, { anything: true }).forward(x)).toBe(x);
    expect(new nn.LeakyReLU(0.2).extraRepr()).toBe('negative_slope=0.2');
  });

  it('losses', () => {
    const b = ins('binary_cross_entropy');
    same(new nn.BCELoss({ reduction: 'sum' }).forward(b.input as Tensor, b.label as Tensor), F.binaryCrossEntropy(b.input as Tensor, b.label as Tensor, { reduction: 'sum' }));
    const l = ins('binary_cross_entropy_with_logits');
    const pw = toTensor([1, 2, 3, 4], { dtype: 'float64' });
    same(
      new nn.BCEWithLogitsLoss({ posWeight: pw }).forward(l.logit as Tensor, l.label as Tensor),
      F.binaryCrossEntropyWithLogits(l.logit as Tensor, l.label as Tensor, { posWeight: pw }),
    );
    const nl = ins('nll_loss');
    same(new nn.NLLLoss({ ignoreIndex: 2 }).forward(nl.input as Tensor, nl.label as Tensor), F.nllLoss(nl.input as Tensor, nl.label as Tensor, { ignoreIndex: 2 }));
    const s = ins('smooth_l1_loss');
    same(new nn.SmoothL1Loss({ delta: 0.5 }).forward(s.input as Tensor, s.label as Tensor), F.smoothL1Loss(s.input as Tensor, s.label as Tensor, { delta: 0.5 }));
    const k = ins('kl_div');
    same(new nn.KLDivLoss({ reduction: 'batchmean' }).forward(k.input as Tensor, k.label as Tensor), F.klDiv(k.input as Tensor, k.label as Tensor, { reduction: 'batchmean' }));
  });
});

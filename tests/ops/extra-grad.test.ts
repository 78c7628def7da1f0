/**
 * Central-difference gradient checks (float64) of the differentiable ops added for issue 12, and
 * of the gradient conventions that are not derivatives (floor/round: zero; scatter: Paddle's
 * scatter_grad), plus float32 gradients keeping the input's dtype.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as ops from '../../src/ops/index.js';
import { toTensor } from '../../src/tensor/creation.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { gradcheck, leaf } from './gradcheck.js';

const RUNS = { seed: 20261130, numRuns: 15 };
const awayFromZero = (v: number): number => (v < 0 ? v - 0.3 : v + 0.3);
const distinct = (_v: number, i: number): number => ((i * 7919) % 97) * 0.05 - 2.3;
const i64 = (v: number[] | number[][]): Tensor => toTensor(v, { dtype: 'int64' });
const konst = (t: Tensor): Tensor => {
  t.stopGradient = true;
  return t;
};

describe('gradcheck: elementwise', () => {
  const table: [string, (a: Tensor) => Tensor, ((v: number, i: number) => number)?][] = [
    ['tanh', ops.tanh],
    ['sigmoid', ops.sigmoid],
    ['relu', ops.relu, awayFromZero],
    ['rsqrt', ops.rsqrt, (v) => 0.3 + Math.abs(v)],
    ['sin', ops.sin],
    ['cos', ops.cos],
    ['floor', ops.floor, (v) => Math.floor(v) + 0.4],
    ['round', ops.round, (v) => Math.floor(v) + 0.2],
  ];
  for (const [name, f, t] of table) {
    it(name, () => {
      gradcheck(f, [leaf([3, 4], 11, -2, 2, t)]);
      gradcheck(f, [leaf([], 12, -2, 2, t)]);
    });
  }
  it('floor and round give a zero gradient of the input dtype', () => {
    const x = toTensor([1.5, -2.5], { dtype: 'float32', stopGradient: false });
    ops.round(x).sum().backward();
    expect((x.grad as Tensor).dtype).toBe('float32');
    expect((x.grad as Tensor).tolist()).toEqual([0, 0]);
  });
});

describe('gradcheck: shape ops', () => {
  it('slice, split, chunk', () => {
    gradcheck((a) => ops.slice(a, [0, 2], [1, -3], [2, 100]), [leaf([2, 3, 4], 1)]);
    gradcheck((a) => ops.split(a, [1, -1, 1], { axis: 1 })[1] as Tensor, [leaf([2, 4, 3], 2)]);
    gradcheck((a) => ops.concat(ops.split(a, 2, { axis: -1 }).map((p, i) => p.scale({ scale: i + 1 })), { axis: 0 }), [leaf([3, 4], 3)]);
    gradcheck((a) => a.chunk(3)[2] as Tensor, [leaf([6, 2], 4)]);
  });
  it('expand, broadcast_to, tile (repeated elements sum their gradients)', () => {
    gradcheck((a) => ops.expand(a, [2, 3, -1]), [leaf([3, 1], 5)]);
    gradcheck((a) => ops.broadcast_to(a, [4, 3]), [leaf([3], 6)]);
    gradcheck((a) => ops.tile(a, [2, 1, 3]), [leaf([2, 2], 7)]);
    gradcheck((a) => ops.expand(a, [2, 2]), [leaf([], 8)]);
  });
  it('flip over random axes, t and T', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }).chain((shape) =>
          fc.tuple(fc.constant(shape), fc.subarray(shape.map((_, i) => i), { minLength: 1 })),
        ),
        fc.integer({ min: 1, max: 1e6 }),
        ([shape, axes], seed) => gradcheck((a) => ops.flip(a, axes), [leaf(shape, seed)]),
      ),
      RUNS,
    );
    gradcheck((a) => ops.t(a), [leaf([2, 3], 9)]);
    gradcheck((a) => ops.t(a), [leaf([3], 10)]);
    gradcheck((a) => a.T, [leaf([2, 3, 4], 11)]);
  });
});

describe('gradcheck: reductions and scans', () => {
  const shapeAxis = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }).chain((shape) =>
    fc.tuple(fc.constant(shape), fc.option(fc.subarray(shape.map((_, i) => i), { minLength: 1 }), { nil: undefined }), fc.boolean()),
  );
  for (const name of ['prod', 'var', 'std', 'logsumexp'] as const) {
    it(`${name} over random axes, keepdim or not`, () => {
      fc.assert(
        fc.property(shapeAxis, fc.integer({ min: 1, max: 1e6 }), ([shape, axis, keepdim], seed) => {
          const n = axis === undefined ? shape.reduce((p, q) => p * q, 1) : axis.reduce((p, a) => p * (shape[a] as number), 1);
          // var/std need two elements per group (n − 1 > 0) and distinct values (std ≠ 0).
          if ((name === 'var' || name === 'std') && n < 2) return;
          const x = leaf(shape, seed, 0.5, 1.5, name === 'std' ? distinct : undefined);
          gradcheck((a) => ops[name](a, axis === undefined ? { keepdim } : { axis, keepdim }), [x]);
        }),
        RUNS,
      );
    });
  }
  it('var and std, biased', () => {
    gradcheck((a) => ops.var(a, { axis: 1, unbiased: false }), [leaf([3, 4], 21)]);
    gradcheck((a) => ops.std(a, { axis: 0, unbiased: false }), [leaf([3, 4], 22)]);
  });
  it('prod with one zero and with two zeros in a group', () => {
    gradcheck((a) => ops.prod(a, { axis: 1 }), [leaf([2, 3], 23, -2, 2, (v, i) => (i === 1 ? 0 : v))]);
    gradcheck((a) => ops.prod(a), [leaf([2, 3], 24, -2, 2, (v, i) => (i === 1 || i === 4 ? 0 : v))]);
  });
  it('logsumexp of large values, cumsum along an axis and flattened', () => {
    gradcheck((a) => ops.logsumexp(a.scale({ scale: 200 }), { axis: 0 }), [leaf([3, 2], 25)]);
    gradcheck((a) => ops.cumsum(a, { axis: 1 }), [leaf([2, 3, 2], 26)]);
    gradcheck((a) => ops.cumsum(a), [leaf([2, 3], 27)]);
    gradcheck((a) => ops.cumsum(a, { axis: -1 }), [leaf([4], 28)]);
  });
});

describe('gradcheck: sort, search, scatter, products', () => {
  it('sort, topk (values), masked_select, gather_nd with repeated rows', () => {
    gradcheck((a) => ops.sort(a, { descending: true }), [leaf([3, 4], 31, -2, 2, distinct)]);
    gradcheck((a) => ops.sort(a, { axis: 0 }), [leaf([3, 4], 32, -2, 2, distinct)]);
    gradcheck((a) => ops.topk(a, 2, { axis: 1 })[0], [leaf([3, 4], 33, -2, 2, distinct)]);
    gradcheck((a) => ops.topk(a, 1, { largest: false })[0], [leaf([5], 34, -2, 2, distinct)]);
    const x = leaf([3, 4], 35);
    gradcheck((a) => ops.masked_select(a, ops.greater_than(konst(x.detach()), 0)), [x]);
    gradcheck((a) => ops.masked_select(a, toTensor([true, false, false, true])), [leaf([3, 4], 36)]);
    gradcheck((a) => ops.gather_nd(a, i64([[1, 2], [1, 2], [0, 0]])), [leaf([2, 3, 4], 37)]);
    gradcheck((a) => ops.gather_nd(a, i64([[1], [0], [1]])), [leaf([2, 3], 38)]);
  });
  it('scatter: overwrite without duplicates, accumulate with duplicates', () => {
    gradcheck((a, u) => ops.scatter(a, i64([2, 0]), u), [leaf([3, 4], 41), leaf([2, 4], 42)]);
    gradcheck((a, u) => ops.scatter(a, i64([1, 1, 2]), u, { overwrite: false }), [leaf([3, 4], 43), leaf([3, 4], 44)]);
  });
  it("scatter's gradient with duplicates is Paddle's: every update gets g at its row", () => {
    const u = toTensor([[1], [2]], { dtype: 'float64', stopGradient: false });
    const x = toTensor([[0], [0]], { dtype: 'float64', stopGradient: false });
    const out = ops.scatter(x, i64([1, 1]), u);
    expect(out.tolist()).toEqual([[0], [2]]);
    out.backward(toTensor([[5], [7]], { dtype: 'float64' }));
    expect((u.grad as Tensor).tolist()).toEqual([[7], [7]]);
    expect((x.grad as Tensor).tolist()).toEqual([[5], [0]]);
  });
  it('bmm, dot, outer', () => {
    gradcheck(ops.bmm, [leaf([2, 3, 4], 51), leaf([2, 4, 2], 52)]);
    gradcheck(ops.dot, [leaf([5], 53), leaf([5], 54)]);
    gradcheck(ops.dot, [leaf([3, 4], 55), leaf([3, 4], 56)]);
    gradcheck(ops.outer, [leaf([3], 57), leaf([2, 2], 58)]);
  });
  it('float32 inputs get float32 gradients', () => {
    const x = toTensor([[1, 2], [3, 4]], { dtype: 'float32', stopGradient: false });
    ops.add(ops.add(ops.prod(x), ops.std(x)), ops.add(ops.cumsum(x).sum(), ops.tile(x, [2]).sum())).backward();
    expect((x.grad as Tensor).dtype).toBe('float32');
  });
});

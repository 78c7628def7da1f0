/**
 * Finite-difference gradient checks (float64) for every differentiable op, as seeded fast-check
 * properties over random shapes, including broadcasting, plus the classic fixed broadcasting cases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as ops from '../../src/ops/index.js';
import { toTensor } from '../../src/tensor/creation.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { gradcheck, leaf, rng } from './gradcheck.js';

const RUNS = { seed: 20240611, numRuns: 25 };

const dimsArb = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 0, maxLength: 3 });

/** Two shapes that broadcast together: a base shape with some dims set to 1 and leading dims dropped. */
const broadcastPair = dimsArb.chain((base) =>
  fc
    .tuple(
      fc.array(fc.boolean(), { minLength: base.length, maxLength: base.length }),
      fc.array(fc.boolean(), { minLength: base.length, maxLength: base.length }),
      fc.integer({ min: 0, max: base.length }),
      fc.integer({ min: 0, max: base.length }),
    )
    .map(([ma, mb, da, db]) => {
      const a = base.map((d, i) => (ma[i] === true ? 1 : d)).slice(da);
      // Keep at least one side full-rank so that the broadcast shape is the base itself.
      const b = base.map((d, i) => (mb[i] === true && ma[i] !== true ? 1 : d)).slice(da > 0 ? 0 : db);
      return [a, b] as const;
    }),
);

const awayFromZero = (v: number): number => (v < 0 ? v - 0.3 : v + 0.3);
const onGrid = (shift: number) => (v: number): number => Math.round(v * 4) / 4 + shift;
const distinct = (n: number) => (_v: number, i: number): number => ((i * 7919) % Math.max(n, 1)) * 0.1 - 1;

describe('gradcheck of binary elementwise ops with broadcasting', () => {
  const table: { name: string; f: (a: Tensor, b: Tensor | number) => Tensor; xa?: (v: number) => number; ya?: (v: number) => number; lo?: number }[] = [
    { name: 'add', f: ops.add },
    { name: 'subtract', f: ops.subtract },
    { name: 'multiply', f: ops.multiply },
    { name: 'divide', f: ops.divide, ya: awayFromZero },
    { name: 'pow', f: ops.pow, xa: (v) => 0.6 + Math.abs(v) },
    { name: 'maximum', f: ops.maximum, xa: onGrid(0.1), ya: onGrid(-0.1) },
    { name: 'minimum', f: ops.minimum, xa: onGrid(0.1), ya: onGrid(-0.1) },
  ];
  for (const op of table) {
    it(`${op.name}: random broadcast shapes`, () => {
      fc.assert(
        fc.property(broadcastPair, fc.integer({ min: 1, max: 1e6 }), ([sa, sb], seed) => {
          const x = leaf(sa, seed, -2, 2, op.xa);
          const y = leaf(sb, seed + 1, -2, 2, op.ya);
          gradcheck(op.f, [x, y]);
          // Swapped roles, so both sides get broadcast.
          gradcheck(op.f, [leaf(sb, seed + 2, -2, 2, op.xa), leaf(sa, seed + 3, -2, 2, op.ya)]);
        }),
        RUNS,
      );
    });
    it(`${op.name}: [3,1]∘[1,4], [2,3,4]∘[4], 0-D and number operands`, () => {
      gradcheck(op.f, [leaf([3, 1], 1, -2, 2, op.xa), leaf([1, 4], 2, -2, 2, op.ya)]);
      gradcheck(op.f, [leaf([2, 3, 4], 3, -2, 2, op.xa), leaf([4], 4, -2, 2, op.ya)]);
      gradcheck(op.f, [leaf([2, 3], 5, -2, 2, op.xa), leaf([], 6, -2, 2, op.ya)]);
      gradcheck(op.f, [leaf([], 7, -2, 2, op.xa), leaf([3, 2], 8, -2, 2, op.ya)]);
      gradcheck((a) => op.f(a, 1.5), [leaf([2, 2], 9, -2, 2, op.xa)]);
      if (op.name !== 'pow') gradcheck((b) => op.f(toTensor(1.25, { dtype: 'float64' }), b), [leaf([2, 2], 10, -2, 2, op.ya)]);
    });
  }

  it('a gradient flows to only the inputs that need one', () => {
    const x = leaf([2, 3], 11);
    const c = toTensor([[1, 2, 3]], { dtype: 'float64' });
    ops.multiply(x, c).sum().backward();
    expect(c.grad).toBeNull();
    expect(Array.from((x.grad as Tensor).data)).toEqual([1, 2, 3, 1, 2, 3]);
  });
});

describe('gradcheck of unary ops', () => {
  const table: { name: string; f: (a: Tensor) => Tensor; t?: (v: number) => number }[] = [
    { name: 'neg', f: ops.neg },
    { name: 'abs', f: ops.abs, t: awayFromZero },
    { name: 'sqrt', f: ops.sqrt, t: (v) => 0.5 + Math.abs(v) },
    { name: 'square', f: ops.square },
    { name: 'exp', f: ops.exp },
    { name: 'log', f: ops.log, t: (v) => 0.5 + Math.abs(v) },
    { name: 'sign', f: ops.sign, t: awayFromZero },
    { name: 'clip', f: (a) => ops.clip(a, { min: -0.5, max: 0.75 }), t: onGrid(0.1) },
    { name: 'clip (min only)', f: (a) => ops.clip(a, { min: 0.2 }), t: onGrid(0.1) },
    { name: 'scale (bias after)', f: (a) => ops.scale(a, { scale: -1.5, bias: 0.25 }) },
    { name: 'scale (bias before)', f: (a) => ops.scale(a, { scale: 2.5, bias: -1, biasAfterScale: false }) },
    { name: 'cast float64→float64', f: (a) => ops.cast(a, 'float64') },
    { name: 'Tensor.clone', f: (a) => a.clone() },
  ];
  for (const op of table) {
    it(op.name, () => {
      fc.assert(
        fc.property(dimsArb, fc.integer({ min: 1, max: 1e6 }), (shape, seed) => {
          gradcheck(op.f, [leaf(shape, seed, -2, 2, op.t)]);
        }),
        RUNS,
      );
    });
  }
});

const axisArb = (rank: number) =>
  fc.oneof(
    fc.constant(undefined),
    fc.integer({ min: -Math.max(rank, 1), max: Math.max(rank, 1) - 1 }),
    fc.subarray(Array.from({ length: rank }, (_, i) => i), { minLength: 1 }).chain((axes) =>
      fc.array(fc.boolean(), { minLength: axes.length, maxLength: axes.length }).map((neg) => axes.map((a, i) => (neg[i] === true ? a - rank : a))),
    ),
  );

describe('gradcheck of reductions', () => {
  const shapeAxis = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }).chain((shape) =>
    fc.tuple(fc.constant(shape), axisArb(shape.length), fc.boolean()),
  );
  for (const name of ['sum', 'mean', 'max', 'min'] as const) {
    it(`${name} over random axes, keepdim or not`, () => {
      fc.assert(
        fc.property(shapeAxis, fc.integer({ min: 1, max: 1e6 }), ([shape, axis, keepdim], seed) => {
          const n = shape.reduce((p, q) => p * q, 1);
          const x = leaf(shape, seed, -2, 2, name === 'max' || name === 'min' ? distinct(n) : undefined);
          gradcheck((a) => ops[name](a, axis === undefined ? { keepdim } : { axis, keepdim }), [x]);
        }),
        RUNS,
      );
    });
  }
  it('sum and mean of a 0-D tensor', () => {
    gradcheck((a) => ops.sum(a), [leaf([], 1)]);
    gradcheck((a) => ops.mean(a, { axis: 0 }), [leaf([], 2)]);
  });
});

describe('gradcheck of matmul', () => {
  const matmulCase = fc
    .record({
      M: fc.integer({ min: 1, max: 4 }),
      K: fc.integer({ min: 1, max: 4 }),
      N: fc.integer({ min: 1, max: 4 }),
      batch: broadcastPair,
      tx: fc.boolean(),
      ty: fc.boolean(),
      xVec: fc.boolean(),
      yVec: fc.boolean(),
    });
  it('1-D, 2-D and batched with broadcasting and transposes', () => {
    fc.assert(
      fc.property(matmulCase, fc.integer({ min: 1, max: 1e6 }), (c, seed) => {
        const [bx, by] = c.batch;
        const xShape = c.xVec ? [c.K] : [...bx, ...(c.tx ? [c.K, c.M] : [c.M, c.K])];
        const yShape = c.yVec ? [c.K] : [...by, ...(c.ty ? [c.N, c.K] : [c.K, c.N])];
        const f = (a: Tensor, b: Tensor): Tensor => ops.matmul(a, b, { transposeX: c.tx, transposeY: c.ty });
        gradcheck(f, [leaf(xShape, seed), leaf(yShape, seed + 1)]);
      }),
      RUNS,
    );
  });
  it('a two-layer chain: mean(square(relu-free MLP))', () => {
    const f = (x: Tensor, w1: Tensor, b1: Tensor, w2: Tensor): Tensor =>
      ops.mean(ops.square(ops.matmul(ops.add(ops.matmul(x, w1), b1), w2)));
    gradcheck(f, [leaf([5, 3], 1), leaf([3, 4], 2), leaf([4], 3), leaf([4, 2], 4)]);
  });
});

describe('gradcheck of shape manipulation and indexing', () => {
  it('reshape with -1 and 0, flatten, squeeze, unsqueeze', () => {
    gradcheck((a) => ops.reshape(a, [0, -1]), [leaf([2, 3, 2], 1)]);
    gradcheck((a) => a.reshape([3, 4]).multiply(leaf([3, 4], 9)), [leaf([2, 3, 2], 2)]);
    gradcheck((a) => ops.flatten(a, { startAxis: 1 }).multiply(leaf([2, 6], 8)), [leaf([2, 3, 2], 3)]);
    gradcheck((a) => ops.squeeze(a, { axis: [0, 2] }), [leaf([1, 3, 1, 2], 4)]);
    gradcheck((a) => ops.unsqueeze(a, [0, -1]), [leaf([3, 2], 5)]);
  });
  it('transpose with random permutations', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }).chain((shape) =>
          fc.tuple(fc.constant(shape), fc.shuffledSubarray(Array.from({ length: shape.length }, (_, i) => i), { minLength: shape.length, maxLength: shape.length })),
        ),
        fc.integer({ min: 1, max: 1e6 }),
        ([shape, perm], seed) => {
          const w = leaf(perm.map((p) => shape[p] as number), seed + 5);
          w.stopGradient = true;
          gradcheck((a) => ops.multiply(ops.transpose(a, perm), w), [leaf(shape, seed)]);
        },
      ),
      RUNS,
    );
  });
  it('concat and stack along random axes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 1, max: 1e6 }),
        (shape, axisRaw, seed) => {
          const axis = axisRaw % shape.length;
          const other = [...shape];
          other[axis] = (other[axis] as number) + 1;
          gradcheck((a, b, c) => ops.concat([a, b, c], { axis }), [leaf(shape, seed), leaf(other, seed + 1), leaf(shape, seed + 2)]);
          const sAxis = axisRaw % (shape.length + 1);
          gradcheck((a, b) => ops.stack([a, b], { axis: sAxis - (shape.length + 1) }), [leaf(shape, seed + 3), leaf(shape, seed + 4)]);
        },
      ),
      RUNS,
    );
  });
  it('gather and indexSelect with repeated indices accumulate', () => {
    const idx = toTensor([2, 0, 2, 2], { dtype: 'int64' });
    gradcheck((a) => ops.gather(a, idx), [leaf([3, 2], 1)]);
    gradcheck((a) => ops.gather(a, idx, { axis: 1 }), [leaf([2, 3, 2], 2)]);
    gradcheck((a) => ops.indexSelect(a, toTensor([1, 1, 0], { dtype: 'int32' }), { axis: -1 }), [leaf([2, 2], 3)]);
    gradcheck((a) => ops.gather(a, toTensor(1, { dtype: 'int64' })), [leaf([3, 2], 4)]);
  });
  it('where with broadcasting of condition, x and y', () => {
    fc.assert(
      fc.property(broadcastPair, fc.integer({ min: 1, max: 1e6 }), ([sa, sb], seed) => {
        const r = rng(seed);
        const n = sa.reduce((p, q) => p * q, 1);
        const cond = Tensor.fromArray(Uint8Array.from({ length: n }, () => (r() < 0.5 ? 1 : 0)), sa, 'bool');
        gradcheck((x, y) => ops.where(cond, x, y), [leaf(sb, seed), leaf(sa, seed + 1)]);
        gradcheck((x) => ops.where(cond, x, 0.5), [leaf(sb, seed + 2)]);
      }),
      RUNS,
    );
  });
});

describe('gradcheck itself', () => {
  it('rejects a wrong backward and a missing gradient', () => {
    const wrong = (a: Tensor): Tensor =>
      Tensor.fromOp('double', Float64Array.from(a.data, (v) => 2 * v), a.shape, 'float64', [a], (g) => [Float64Array.from(g, (v) => 3 * v)]);
    expect(() => gradcheck(wrong, [leaf([3], 1)])).toThrow(/analytic 3\.\d+ vs numeric 2\.\d+|element 0/);
    const broadcastBug = (a: Tensor): Tensor =>
      Tensor.fromOp('bcast', Float64Array.from([a.data[0] as number, a.data[0] as number]), [2], 'float64', [a], (g) => [Float64Array.from([g[0] as number])]);
    expect(() => gradcheck(broadcastBug, [leaf([1], 2)])).toThrow(/gradcheck/);
    const detached = (a: Tensor, b: Tensor): Tensor => ops.add(a, b.detach());
    expect(() => gradcheck(detached, [leaf([2], 3), leaf([2], 4)])).toThrow(/no gradient was produced/);
  });
});

/**
 * matmul against a naive reference: 1-D, 2-D, batched with broadcasting, transposed operands, at
 * sizes that hit every tail of the register blocking and the k/j block boundaries. The blocked
 * kernel rounds each k step like the naive loop, so float32 results must be bit-identical.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValueError } from '../../src/errors.js';
import { matmul, mean } from '../../src/ops/index.js';
import { toTensor } from '../../src/tensor/creation.js';
import { Parameter } from '../../src/tensor/parameter.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { rng } from './gradcheck.js';

type F = Float32Array | Float64Array;

function randTensor(shape: number[], dtype: 'float32' | 'float64', seed: number): Tensor {
  const r = rng(seed);
  const n = shape.reduce((p, q) => p * q, 1);
  const data = dtype === 'float32' ? new Float32Array(n) : new Float64Array(n);
  for (let i = 0; i < n; i++) data[i] = r() * 2 - 1;
  return Tensor.fromArray(data, shape, dtype);
}

/** Element (b, i, j) of the effective matrices, then a plain triple loop with per-step rounding. */
function naive(x: Tensor, y: Tensor, tx: boolean, ty: boolean): { data: number[]; shape: number[] } {
  const round = x.dtype === 'float32' ? Math.fround : (v: number) => v;
  const xs = x.ndim === 1 ? [1, x.shape[0] as number] : [...x.shape];
  const ys = y.ndim === 1 ? [y.shape[0] as number, 1] : [...y.shape];
  const txe = tx && x.ndim >= 2;
  const tye = ty && y.ndim >= 2;
  const [xr, xc] = xs.slice(-2) as [number, number];
  const [yr, yc] = ys.slice(-2) as [number, number];
  const M = txe ? xc : xr;
  const K = txe ? xr : xc;
  const N = tye ? yr : yc;
  const xb = xs.slice(0, -2);
  const yb = ys.slice(0, -2);
  const nd = Math.max(xb.length, yb.length);
  const pad = (s: number[]) => [...new Array<number>(nd - s.length).fill(1), ...s];
  const xbp = pad(xb);
  const ybp = pad(yb);
  const ob = xbp.map((d, i) => Math.max(d, ybp[i] as number));
  const nb = ob.reduce((p, q) => p * q, 1);
  const xd = x.data;
  const yd = y.data;
  const out: number[] = [];
  const batchIndex = (flat: number, shape: number[]): number => {
    // flat index in ob → flat index in `shape` (broadcast)
    let rem = flat;
    let idx = 0;
    let mul = 1;
    for (let d = nd - 1; d >= 0; d--) {
      const od = ob[d] as number;
      const c = rem % od;
      rem = Math.floor(rem / od);
      idx += ((shape[d] as number) === 1 ? 0 : c) * mul;
      mul *= shape[d] as number;
    }
    return idx;
  };
  for (let b = 0; b < nb; b++) {
    const xo = batchIndex(b, xbp) * xr * xc;
    const yo = batchIndex(b, ybp) * yr * yc;
    for (let i = 0; i < M; i++) {
      for (let j = 0; j < N; j++) {
        let acc = 0;
        for (let k = 0; k < K; k++) {
          const av = xd[xo + (txe ? k * xc + i : i * xc + k)] as number;
          const bv = yd[yo + (tye ? j * yc + k : k * yc + j)] as number;
          acc = round(acc + av * bv);
        }
        out.push(acc);
      }
    }
  }
  const shape = [...ob];
  if (x.ndim >= 2) shape.push(M);
  if (y.ndim >= 2) shape.push(N);
  return { data: out, shape };
}

function check(x: Tensor, y: Tensor, tx = false, ty = false): void {
  const got = matmul(x, y, { transposeX: tx, transposeY: ty });
  const want = naive(x, y, tx, ty);
  expect(got.shape).toEqual(want.shape);
  expect(Array.from(got.data as F)).toEqual(want.data);
}

describe('matmul against a naive reference (bit-identical)', () => {
  it('2-D at every tail of the 4×4 register block, both dtypes', () => {
    let seed = 1;
    for (const dtype of ['float32', 'float64'] as const) {
      for (const M of [1, 3, 4, 5, 8, 9]) {
        for (const K of [1, 2, 3, 4, 5, 7, 9]) {
          for (const N of [1, 2, 6]) check(randTensor([M, K], dtype, seed++), randTensor([K, N], dtype, seed++));
        }
      }
    }
  });
  it('across k and j block boundaries (K = 130, N = 520)', () => {
    check(randTensor([5, 130], 'float32', 1), randTensor([130, 520], 'float32', 2));
    check(randTensor([6, 257], 'float64', 3), randTensor([257, 3], 'float64', 4));
  });
  it('random 1-D / batched / broadcast / transposed cases', () => {
    fc.assert(
      fc.property(
        fc.record({
          M: fc.integer({ min: 1, max: 6 }),
          K: fc.integer({ min: 1, max: 6 }),
          N: fc.integer({ min: 1, max: 6 }),
          bx: fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }),
          by: fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }),
          tx: fc.boolean(),
          ty: fc.boolean(),
          xVec: fc.boolean(),
          yVec: fc.boolean(),
          f32: fc.boolean(),
          seed: fc.integer({ min: 1, max: 1e6 }),
        }),
        (c) => {
          // Make the batch shapes compatible: where both have a dim and they differ, set y's to 1.
          const nd = Math.min(c.bx.length, c.by.length);
          const by = [...c.by];
          for (let i = 1; i <= nd; i++) {
            if (c.bx[c.bx.length - i] !== by[by.length - i]) by[by.length - i] = 1;
          }
          const dtype = c.f32 ? 'float32' : 'float64';
          const xShape = c.xVec ? [c.K] : [...c.bx, ...(c.tx ? [c.K, c.M] : [c.M, c.K])];
          const yShape = c.yVec ? [c.K] : [...by, ...(c.ty ? [c.N, c.K] : [c.K, c.N])];
          check(randTensor(xShape, dtype, c.seed), randTensor(yShape, dtype, c.seed + 1), c.tx, c.ty);
        },
      ),
      { seed: 424242, numRuns: 150 },
    );
  });
  it('hand-computed: 1-D·1-D is a 0-D dot product; [2,3]·[3] and [3]·[3,2] drop the vector axis', () => {
    const v = toTensor([1, 2, 3], { dtype: 'float32' });
    const m = toTensor([[1, 0, 2], [0, 1, -1]], { dtype: 'float32' });
    const d = matmul(v, v);
    expect(d.shape).toEqual([]);
    expect(d.item()).toBe(14);
    expect(matmul(m, v).tolist()).toEqual([7, -1]);
    expect(matmul(v, m, { transposeY: true }).tolist()).toEqual([7, -1]);
    expect(matmul(m, m, { transposeY: true }).tolist()).toEqual([[5, -2], [-2, 2]]);
    expect(matmul(m, m, { transposeX: true }).tolist()).toEqual([[1, 0, 2], [0, 1, -1], [2, -1, 5]]);
  });
  it('integer matmul stays integer; mixed float32/float64 promotes', () => {
    const a = toTensor([[1, 2], [3, 4]]);
    expect(matmul(a, a).dtype).toBe('int64');
    expect(matmul(a, a).tolist()).toEqual([[7, 10], [15, 22]]);
    expect(matmul(randTensor([2, 2], 'float32', 1), randTensor([2, 2], 'float64', 2)).dtype).toBe('float64');
  });
});

describe('matmul backward', () => {
  it('Linear-like: dW = xᵀ·g and db from the broadcast add, hand-computed', () => {
    // x = [[1, 2], [3, 4]], W = I, loss = mean(x·W) over 4 elements → g = 1/4 everywhere.
    // dW[k, j] = Σ_i x[i, k] / 4 → [[1, 1], [1.5, 1.5]].
    const x = toTensor([[1, 2], [3, 4]], { dtype: 'float32' });
    const W = new Parameter([2, 2], 'float32', { name: 'mm_w' });
    W.setValue([[1, 0], [0, 1]]);
    mean(matmul(x, W)).backward();
    expect((W.grad as Tensor).tolist()).toEqual([[1, 1], [1.5, 1.5]]);
  });
  it('broadcast batch: the gradient of a shared [K, N] weight sums over the batch', () => {
    const x = randTensor([3, 2, 4], 'float64', 5);
    const w = randTensor([4, 5], 'float64', 6);
    w.stopGradient = false;
    matmul(x, w).sum().backward();
    // Reference: Σ_b x_bᵀ · 1
    const want = new Float64Array(20);
    const xd = x.data;
    for (let b = 0; b < 3; b++) for (let i = 0; i < 2; i++) for (let k = 0; k < 4; k++) for (let j = 0; j < 5; j++) want[k * 5 + j] = (want[k * 5 + j] as number) + (xd[b * 8 + i * 4 + k] as number);
    const got = (w.grad as Tensor).data;
    for (let i = 0; i < 20; i++) expect(got[i]).toBeCloseTo(want[i] as number, 12);
  });
});

describe('matmul errors (thrown before computing)', () => {
  const a = randTensor([2, 3], 'float32', 1);
  it.each([
    ['inner dims', () => matmul(a, randTensor([2, 3], 'float32', 2)), ValueError, /inner dimensions.*\[2, 3\].*3 columns.*\[2, 3\].*2 rows/],
    ['transposed inner dims', () => matmul(a, randTensor([3, 2], 'float32', 9), { transposeY: true }), ValueError, /\(transposed\) has 2 rows/],
    ['batch broadcast', () => matmul(randTensor([2, 2, 3], 'float32', 3), randTensor([3, 3, 2], 'float32', 4)), ValueError, /batch dimensions.*\[2, 2, 3\].*\[3, 3, 2\]/],
    ['0-D operand', () => matmul(toTensor(1.5), a), ValueError, /at least one dimension/],
    ['not a tensor', () => matmul([[1]] as unknown as Tensor, a), TypeError, /'x' must be a Tensor/],
    ['unknown option', () => matmul(a, a, { transpose_y: true } as never), TypeError, /transpose_y.*transposeY/],
    ['non-boolean flag', () => matmul(a, a, { transposeY: 1 } as never), TypeError, /transposeY.*boolean.*1/],
  ])('%s', (_name, fn, cls, msg) => {
    expect(fn).toThrow(cls);
    expect(fn).toThrow(msg);
  });
});

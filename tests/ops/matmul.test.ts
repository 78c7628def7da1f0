/**
 * matmul against a naive reference: 1-D, 2-D, batched with broadcasting, transposed operands, at
 * sizes that hit every tail of the register blocking and the k/j block boundaries. The kernel
 * contract's product rounds each k step like the naive loop (float32: the product rounded to
 * float32, then the sum), so float32 results must be bit-identical. Then the same products on the
 * WebAssembly backend (`useBackend('wasm')`), which must equal the reference backend byte for
 * byte, forward and backward, with one kernel call per product group.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValueError } from '../../src/errors.js';
import { getWasmBackend, useBackend } from '../../src/kernels/index.js';
import { matmul, mean, multiply } from '../../src/ops/index.js';
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

/**
 * Element (b, i, j) of the effective matrices, then a plain triple loop with per-step rounding
 * (float32: `fround(acc + fround(a·b))`, a float32 multiply then a float32 add).
 */
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
          acc = round(acc + round(av * bv));
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
    const a = toTensor([[1, 2], [3, 4]], { dtype: 'int64' });
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

/** The raw bytes of a tensor's data, for bit-for-bit comparison (NaN payloads and -0 included). */
function bytes(t: Tensor): Uint8Array {
  const d = t.data as F;
  return new Uint8Array(d.buffer.slice(d.byteOffset, d.byteOffset + d.byteLength));
}

/** Runs `fn` on the reference backend (the TypeScript kernels), then goes back to 'wasm'. */
function onTs<T>(fn: () => T): T {
  useBackend('ref');
  try {
    return fn();
  } finally {
    useBackend('wasm');
  }
}

describe("matmul on the WebAssembly backend equals the reference backend bit for bit", () => {
  beforeAll(() => {
    useBackend('wasm');
  });
  afterAll(() => {
    useBackend('ref');
  });
  const calls = (): number => (getWasmBackend() as NonNullable<ReturnType<typeof getWasmBackend>>).stats.gemmCalls;

  /** Forward on the installed routine (asserting it ran `expectCalls` times) and on TS. */
  function same(x: Tensor, y: Tensor, tx: boolean, ty: boolean, expectCalls: number): void {
    const before = calls();
    const w = matmul(x, y, { transposeX: tx, transposeY: ty });
    expect(calls() - before).toBe(expectCalls);
    const t = onTs(() => matmul(x, y, { transposeX: tx, transposeY: ty }));
    expect(calls() - before).toBe(expectCalls);
    expect(w.shape).toEqual(t.shape);
    expect(w.dtype).toBe('float32');
    expect(bytes(w)).toEqual(bytes(t));
  }

  it('2-D at odd sizes {1, 3, 5, 17, 63, 65}³, every transposition', () => {
    const sizes = [1, 3, 5, 17, 63, 65];
    let seed = 100;
    for (const M of sizes) {
      for (const K of sizes) {
        for (const N of sizes) {
          const tx = (seed & 1) === 1;
          const ty = (seed & 2) === 2;
          seed++;
          same(randTensor(tx ? [K, M] : [M, K], 'float32', seed), randTensor(ty ? [N, K] : [K, N], 'float32', seed + 7), tx, ty, 1);
        }
      }
    }
    // all four transpositions at one ragged shape, and against the naive reference too
    for (const [tx, ty] of [[false, false], [true, false], [false, true], [true, true]] as const) {
      const x = randTensor(tx ? [65, 63] : [63, 65], 'float32', 7);
      const y = randTensor(ty ? [17, 65] : [65, 17], 'float32', 8);
      same(x, y, tx, ty, 1);
      check(x, y, tx, ty);
    }
  });

  it('1-D operands and batched broadcast, every transposition', () => {
    let seed = 5000;
    const cases: [number[], number[], number][] = [
      // [x shape (untransposed), y shape (untransposed), product calls]
      [[17], [17], 1],
      [[5, 17], [17], 1],
      [[17], [17, 3], 1],
      [[2, 3, 5, 17], [17], 1], // one strided call: y broadcast (stride 0)
      [[17], [4, 17, 5], 1],
      [[2, 1, 5, 17], [3, 17, 63], 6], // x broadcast along one dimension only: a call per product
      [[3, 63, 5], [1, 5, 65], 1],
      [[1, 17, 3], [2, 4, 3, 5], 1],
    ];
    for (const [xs, ys, n] of cases) {
      for (const [tx, ty] of [[false, false], [true, false], [false, true], [true, true]] as const) {
        const xShape = xs.length >= 2 && tx ? [...xs.slice(0, -2), xs[xs.length - 1] as number, xs[xs.length - 2] as number] : xs;
        const yShape = ys.length >= 2 && ty ? [...ys.slice(0, -2), ys[ys.length - 1] as number, ys[ys.length - 2] as number] : ys;
        const x = randTensor(xShape, 'float32', seed++);
        const y = randTensor(yShape, 'float32', seed++);
        same(x, y, tx, ty, n);
        check(x, y, tx, ty);
      }
    }
  });

  it('backward: both gradients equal the TypeScript ones byte for byte (2-D, 1-D, broadcast, transposed)', () => {
    let seed = 9000;
    const cases: [number[], number[], number][] = [
      [[63, 17], [17, 65], 1],
      [[5, 65], [65], 1],
      [[65], [65, 3], 1],
      [[17], [17], 1],
      [[2, 1, 5, 17], [3, 17, 63], 6],
      [[3, 63, 5], [5, 17], 1],
    ];
    for (const [xs, ys, nb] of cases) {
      for (const [tx, ty] of [[false, false], [true, false], [false, true], [true, true]] as const) {
        const xShape = xs.length >= 2 && tx ? [...xs.slice(0, -2), xs[xs.length - 1] as number, xs[xs.length - 2] as number] : xs;
        const yShape = ys.length >= 2 && ty ? [...ys.slice(0, -2), ys[ys.length - 1] as number, ys[ys.length - 2] as number] : ys;
        const xd = randTensor(xShape, 'float32', seed++);
        const yd = randTensor(yShape, 'float32', seed++);
        const run = (): [Uint8Array, Uint8Array, Uint8Array] => {
          // heap-resident parameters (the wasm backend allocates them in its heap) and a plain tensor
          const x = new Parameter(xShape, 'float32', { name: `mm_bx_${seed}` });
          x.setValue(xd.numpy());
          const y = yd.clone();
          y.stopGradient = false;
          const out = matmul(x, y, { transposeX: tx, transposeY: ty });
          // a non-uniform upstream gradient: d(sum(out * r))/d out = r
          const r = randTensor([...out.shape], 'float32', 77);
          multiply(out, r).sum().backward();
          return [bytes(out), bytes(x.grad as Tensor), bytes(y.grad as Tensor)];
        };
        const before = calls();
        const w = run();
        expect(calls() - before).toBe(3 * nb);
        const t = onTs(run);
        expect(calls() - before).toBe(3 * nb);
        expect(w[0]).toEqual(t[0]);
        expect(w[1]).toEqual(t[1]);
        expect(w[2]).toEqual(t[2]);
      }
    }
  });

  it('float64 runs the reference product on the WebAssembly backend (no float64 kernel), with the same bits', () => {
    const before = calls();
    const x = randTensor([17, 5], 'float64', 1);
    const y = randTensor([5, 3], 'float64', 2);
    x.stopGradient = false;
    matmul(x, y).sum().backward();
    expect(calls()).toBe(before);
    check(x, y);
  });
});

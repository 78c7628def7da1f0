/**
 * `paddle.matmul(x, y, transpose_x=False, transpose_y=False)` with NumPy `matmul` semantics:
 * 1-D operands are promoted ([K] → [1, K] for x, [K] → [K, 1] for y) and the added dimension is
 * removed from the result; leading (batch) dimensions broadcast; the transpose flags swap the last
 * two dimensions of a ≥2-D operand (a 1-D operand ignores its flag).
 *
 * Float products go through the kernel contract, `getBackend().gemm` (src/kernels/types.ts
 * `GemmCall`): every element summed from +0 over k in order, each multiply and add rounded to the
 * dtype (float32: `fround(c + fround(a·b))`, no FMA), the same bits on every backend ('ref',
 * 'wasm-simd', 'wasm-simd-threads') and at every thread count. The forward product and both
 * backward products (dX = g·op(Y)ᵀ, dY = op(X)ᵀ·g) read transposed operands in place (no
 * transposed copies here), for 1-D, 2-D and batched/broadcast operands. Integer products use the
 * plain loop below (exact while the sums stay below 2^53).
 */
import { TypeError as PaddleTypeError, ValueError } from '../errors.js';
import { checkOptions, describe } from '../options.js';
import { allocArray, type DataArray, type DType } from '../tensor/dtype.js';
import { numelOf, shapeToString, stridesOf, type Shape } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';
import type { BackwardFn } from '../tensor/autograd.js';
import { expectTensor, reduceToShape, valuesAs } from './helpers.js';
import { needsGrad } from './binary.js';
import { getBackend } from '../kernels/index.js';

/** Optional arguments of {@link matmul} (Paddle's `transpose_x`, `transpose_y`, `name`). */
export interface MatmulOptions {
  /** Transpose the last two dimensions of x before multiplying (Paddle's `transpose_x`). */
  transposeX?: boolean;
  /** Transpose the last two dimensions of y before multiplying (Paddle's `transpose_y`). */
  transposeY?: boolean;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string;
}

/** Integer products: C[M, N] += A[M, K]·B[K, N], A read through strides, B and C contiguous. */
function gemmInt(a: DataArray, ao: number, ars: number, acs: number, b: DataArray, bo: number, c: DataArray, co: number, M: number, K: number, N: number): void {
  for (let i = 0; i < M; i++) {
    const ci = co + i * N;
    const ai = ao + i * ars;
    for (let k = 0; k < K; k++) {
      const x = a[ai + k * acs] as number;
      const bk = bo + k * N;
      for (let j = 0; j < N; j++) c[ci + j] = (c[ci + j] as number) + x * (b[bk + j] as number);
    }
  }
}

/** The transpose of the last two dims of a contiguous [..., R, C] array, as a new array. */
function transposeLast2(src: DataArray, batch: number, R: number, C: number, dtype: DType): DataArray {
  const out = allocArray(dtype, src.length);
  for (let bi = 0; bi < batch; bi++) {
    const o = bi * R * C;
    for (let r = 0; r < R; r++) {
      const s = o + r * C;
      for (let c = 0; c < C; c++) out[o + c * R + r] = src[s + c] as number;
    }
  }
  return out;
}

/** For each output batch index, the batch index of an operand of `shape` broadcast to `out`. */
function batchMap(shape: Shape, out: Shape): Int32Array {
  const n = numelOf(out);
  const map = new Int32Array(n);
  const st = stridesOf(shape);
  const nd = out.length;
  const aligned = new Array<number>(nd).fill(0);
  for (let i = 0; i < shape.length; i++) aligned[nd - shape.length + i] = (shape[i] as number) === 1 ? 0 : (st[i] as number);
  const idx = new Array<number>(nd).fill(0);
  let cur = 0;
  for (let r = 0; r < n; r++) {
    map[r] = cur;
    for (let d = nd - 1; d >= 0; d--) {
      idx[d] = (idx[d] as number) + 1;
      cur += aligned[d] as number;
      if ((idx[d] as number) < (out[d] as number)) break;
      cur -= (aligned[d] as number) * (out[d] as number);
      idx[d] = 0;
    }
  }
  return map;
}

/**
 * The element stride between consecutive products of an operand whose batch dimensions `shape`
 * broadcast to `out`: 0 when it has one matrix, `size` when its batch is `out`'s; undefined when
 * it broadcasts along some dimensions only (then each product is a call of its own).
 */
function batchStride(shape: Shape, out: Shape, size: number): number | undefined {
  const n = numelOf(shape);
  if (n === 1) return 0;
  // a batch that broadcasts to `out` with as many matrices is `out`'s (up to leading 1s)
  return n === numelOf(out) ? size : undefined;
}

/**
 * `C_r = op(A_r)·op(B_r)` for every output batch index r: A holds matrices of `[M,K]` (stored
 * `[K,M]` when `transA`) with batch dimensions `aBatch`, B matrices of `[K,N]` (stored `[N,K]`
 * when `transB`) with batch `bBatch`, broadcast to `outBatch`; C is new, `[...outBatch, M, N]`.
 */
function product(
  dtype: DType,
  a: DataArray,
  aBatch: Shape,
  transA: boolean,
  b: DataArray,
  bBatch: Shape,
  transB: boolean,
  outBatch: Shape,
  M: number,
  K: number,
  N: number,
  into: DataArray | null = null,
): DataArray {
  const nb = numelOf(outBatch);
  // C is new, or `into` (a gradient buffer lent by a leaf: written whole, so its old values do not matter)
  const c = into !== null && into.length === nb * M * N ? into : allocArray(dtype, nb * M * N);
  if (nb === 0 || M === 0 || N === 0) return c;
  if (dtype === 'float32' || dtype === 'float64') {
    const A = a as Float32Array | Float64Array;
    const B = b as Float32Array | Float64Array;
    const C = c as Float32Array | Float64Array;
    const backend = getBackend();
    const strideA = batchStride(aBatch, outBatch, M * K);
    const strideB = batchStride(bBatch, outBatch, K * N);
    if (strideA !== undefined && strideB !== undefined) {
      backend.gemm(dtype, { a: A, b: B, c: C, m: M, n: N, k: K, transA, transB, batch: nb, strideA, strideB });
    } else {
      const am = batchMap(aBatch, outBatch);
      const bm = batchMap(bBatch, outBatch);
      for (let r = 0; r < nb; r++) {
        backend.gemm(dtype, {
          a: A,
          b: B,
          c: C,
          m: M,
          n: N,
          k: K,
          transA,
          transB,
          aOffset: (am[r] as number) * M * K,
          bOffset: (bm[r] as number) * K * N,
          cOffset: r * M * N,
        });
      }
    }
    return c;
  }
  // integers: B contiguous [K, N] (a transposed B is copied), A through strides
  const bEff = transB ? transposeLast2(b, numelOf(bBatch), N, K, dtype) : b;
  const am = batchMap(aBatch, outBatch);
  const bm = batchMap(bBatch, outBatch);
  const ars = transA ? 1 : K;
  const acs = transA ? M : 1;
  for (let r = 0; r < nb; r++) {
    gemmInt(a, (am[r] as number) * M * K, ars, acs, bEff, (bm[r] as number) * K * N, c, r * M * N, M, K, N);
  }
  return c;
}

/**
 * `paddle.matmul(x, y, transpose_x=False, transpose_y=False)`. Shape errors (inner dimensions,
 * batch broadcasting) are ValueErrors naming both shapes, raised before any computation.
 * @param x - The left operand, a Tensor of at least 1 dimension (Paddle's `x`).
 * @param y - The right operand, a Tensor of at least 1 dimension (Paddle's `y`).
 * @param options - {@link MatmulOptions}: `transposeX` (Paddle's `transpose_x`, default `false`), `transposeY` (Paddle's `transpose_y`, default `false`), `name`.
 * @returns A new Tensor `[...batch, M, N]` (a 1-D operand's added dimension removed), in the common dtype (float64 > float32 > int64).
 * @throws {@link errors.TypeError} when an operand is not a Tensor or is bool, a transpose flag is not a boolean, or an option is unknown; {@link errors.ValueError} when an operand is 0-D, the inner dimensions differ or the batch dimensions do not broadcast.
 */
export function matmul(x: Tensor, y: Tensor, options?: MatmulOptions): Tensor {
  const opts = checkOptions('matmul', options, ['transposeX', 'transposeY', 'name']);
  const X = expectTensor('matmul', 'x', x);
  const Y = expectTensor('matmul', 'y', y);
  for (const key of ['transposeX', 'transposeY'] as const) {
    const v: unknown = opts[key];
    if (v !== undefined && typeof v !== 'boolean') {
      throw new PaddleTypeError(`matmul: the '${key}' must be a boolean, but received ${describe(v)}.`);
    }
  }
  if (X.dtype === 'bool' || Y.dtype === 'bool') {
    throw new PaddleTypeError(`matmul: bool operands are not supported (x is ${X.dtype}, y is ${Y.dtype}).`);
  }
  if (X.ndim === 0 || Y.ndim === 0) {
    throw new ValueError(
      `matmul: both operands need at least one dimension, but 'x' has shape ${shapeToString(X.shape)} and 'y' has shape ${shapeToString(Y.shape)}.`,
    );
  }
  const tx = opts.transposeX ?? false;
  const ty = opts.transposeY ?? false;
  const dtype: DType = X.dtype === Y.dtype ? X.dtype : X.dtype === 'float64' || Y.dtype === 'float64' ? 'float64' : X.dtype === 'float32' || Y.dtype === 'float32' ? 'float32' : 'int64';
  // Effective 2-D (+batch) views.
  const xs = X.ndim === 1 ? [1, X.shape[0] as number] : [...X.shape];
  const ys = Y.ndim === 1 ? [Y.shape[0] as number, 1] : [...Y.shape];
  const xT = tx && X.ndim >= 2;
  const yT = ty && Y.ndim >= 2;
  const xr = xs[xs.length - 2] as number;
  const xc = xs[xs.length - 1] as number;
  const yr = ys[ys.length - 2] as number;
  const yc = ys[ys.length - 1] as number;
  const M = xT ? xc : xr;
  const K = xT ? xr : xc;
  const K2 = yT ? yc : yr;
  const N = yT ? yr : yc;
  if (K !== K2) {
    throw new ValueError(
      `matmul: the inner dimensions do not match: 'x' of shape ${shapeToString(X.shape)}${tx ? ' (transposed)' : ''} has ${K} columns but 'y' of shape ${shapeToString(Y.shape)}${ty ? ' (transposed)' : ''} has ${K2} rows.`,
    );
  }
  const xb = xs.slice(0, -2);
  const yb = ys.slice(0, -2);
  const nd = Math.max(xb.length, yb.length);
  const outBatch = new Array<number>(nd);
  for (let i = 0; i < nd; i++) {
    const p = i < nd - xb.length ? 1 : (xb[i - (nd - xb.length)] as number);
    const q = i < nd - yb.length ? 1 : (yb[i - (nd - yb.length)] as number);
    if (p !== q && p !== 1 && q !== 1) {
      throw new ValueError(
        `matmul: the batch dimensions of 'x' ${shapeToString(X.shape)} and 'y' ${shapeToString(Y.shape)} cannot be broadcast together (${p} vs ${q}).`,
      );
    }
    outBatch[i] = p === 1 ? q : p;
  }
  const outShape = [...outBatch];
  if (X.ndim >= 2) outShape.push(M);
  if (Y.ndim >= 2) outShape.push(N);

  const xa = valuesAs(X, dtype);
  const ya = valuesAs(Y, dtype);
  const out = product(dtype, xa, xb, xT, ya, yb, yT, outBatch, M, K, N);

  const back: BackwardFn = (g) => {
    let gx: DataArray | null = null;
    let gy: DataArray | null = null;
    // the operands' values are read again here, not kept from the forward: a view of the kernel
    // heap taken then is detached if an ordinary (non-shared) heap grew since
    const xa = valuesAs(X, dtype);
    const ya = valuesAs(Y, dtype);
    if (needsGrad(X)) {
      // dA = g·op(B)ᵀ ([.., M, N]·[.., N, K]); stored transposed (dAᵀ = op(B)·gᵀ) when x is
      const dA = xT
        ? product(dtype, ya, yb, yT, g, outBatch, true, outBatch, K, N, M)
        : product(dtype, g, outBatch, false, ya, yb, !yT, outBatch, M, N, K);
      const stored = xT ? [K, M] : [M, K];
      gx = toInputDType(reduceToShape(dA, [...outBatch, ...stored], [...xb, ...stored], dtype), X.dtype);
    }
    if (needsGrad(Y)) {
      // dB = op(A)ᵀ·g ([.., K, M]·[.., M, N]); stored transposed (dBᵀ = gᵀ·op(A)) when y is
      const dB = yT
        ? product(dtype, g, outBatch, true, xa, xb, xT, outBatch, N, M, K)
        : product(dtype, xa, xb, !xT, g, outBatch, false, outBatch, K, M, N);
      const stored = yT ? [N, K] : [K, N];
      gy = toInputDType(reduceToShape(dB, [...outBatch, ...stored], [...yb, ...stored], dtype), Y.dtype);
    }
    return [gx, gy];
  };
  return Tensor.fromOp('matmul', out, outShape, dtype, [X, Y], back);
}

function toInputDType(a: DataArray, dtype: DType): DataArray {
  if ((dtype === 'float32' && a instanceof Float32Array) || (dtype === 'float64' && a instanceof Float64Array)) return a;
  const out = allocArray(dtype, a.length);
  out.set(a);
  return out;
}

/**
 * `add(matmul(x, w), b)` for x `[M, K]`, w `[K, N]` and b `[N]` of one float dtype, as one op: the
 * bias is added in the product's epilogue (`GemmCall.bias`, rounded once after the sum), which is
 * bit for bit what the two ops give, and the gradients are theirs too (dX = g·wᵀ, dW = xᵀ·g,
 * db = Σ_rows g in float64 rounded once, as `add`'s broadcast gradient). It saves the separate
 * pass and array of the add: `nn.functional.linear`'s path. The caller checks shapes and dtypes.
 */
export function matmulBias(x: Tensor, w: Tensor, b: Tensor): Tensor {
  const dtype = w.dtype;
  if ((dtype !== 'float32' && dtype !== 'float64') || x.dtype !== dtype || b.dtype !== dtype || x.ndim !== 2 || w.ndim !== 2 || b.ndim !== 1) {
    throw new ValueError(`matmulBias: expects float x [M, K], w [K, N] and b [N] of one dtype, got ${x.dtype} ${shapeToString(x.shape)}, ${w.dtype} ${shapeToString(w.shape)}, ${b.dtype} ${shapeToString(b.shape)}.`);
  }
  const M = x.shape[0] as number;
  const K = x.shape[1] as number;
  const N = w.shape[1] as number;
  if (w.shape[0] !== K || b.shape[0] !== N) {
    throw new ValueError(`matmulBias: shapes ${shapeToString(x.shape)}, ${shapeToString(w.shape)} and ${shapeToString(b.shape)} do not fit [M, K]·[K, N] + [N].`);
  }
  const xa = x.data as Float32Array | Float64Array;
  const wa = w.data as Float32Array | Float64Array;
  const out = allocArray(dtype, M * N) as Float32Array | Float64Array;
  if (M > 0 && N > 0) getBackend().gemm(dtype, { a: xa, b: wa, c: out, m: M, n: N, k: K, bias: b.data as Float32Array | Float64Array });
  // the operands are read again in the backward (see matmul's)
  const back: BackwardFn = (g) => [
    needsGrad(x) ? product(dtype, g, [], false, w.data, [], true, [], M, N, K) : null,
    // dW straight into the weight's gradient buffer when it starts from nothing (no copy, no add)
    needsGrad(w) ? product(dtype, x.data, [], true, g, [], false, [], K, M, N, x !== w && w.dtype === dtype ? w.gradTarget() : null) : null,
    needsGrad(b) ? reduceToShape(g, [M, N], [N], dtype) : null,
  ];
  return Tensor.fromOp('linear', out, [M, N], dtype, [x, w, b], back);
}

/**
 * `paddle.matmul(x, y, transpose_x=False, transpose_y=False)` with NumPy `matmul` semantics:
 * 1-D operands are promoted ([K] → [1, K] for x, [K] → [K, 1] for y) and the added dimension is
 * removed from the result; leading (batch) dimensions broadcast; the transpose flags swap the last
 * two dimensions of a ≥2-D operand (a 1-D operand ignores its flag).
 *
 * TypeScript kernel: i-k-j order over typed arrays, blocked over k and j so a tile of B stays in
 * cache, with a register block of four output rows × four k steps (each load of B serves four
 * rows; each load/store of C serves four k steps). Every element is accumulated from +0 in order
 * of increasing k, and the result does not depend on the blocking:
 * - float32: each k step is `c = fround(c + fround(a·b))`, the product rounded to float32 and then
 *   the sum rounded to float32 (a float32 multiply then a float32 add, no FMA), exactly the
 *   arithmetic of the WebAssembly kernel (`WasmBackend.gemmF32`, oracle `gemmF32Ref` in
 *   src/kernels/wasm/gemm.ts) and of nn.Linear's float32 products;
 * - float64: `c = c + a·b` in float64.
 *
 * float32 products can be routed through a faster routine with the same numbers:
 * `setMatmulGemmF32(impl)` (the kernel backend installs the WebAssembly one while the 'wasm'
 * backend is selected; ops never import kernels). `matmulGemmName()` names the routine in use
 * (`'ts'` when none). The forward product and both backward products (dX = g·Yᵀ, dY = Xᵀ·g) go
 * through it, for 1-D, 2-D and batched/broadcast operands and either transposition; float64 and
 * integer products stay on the TypeScript kernel, and a call the routine declines (returns false)
 * is computed by the TypeScript kernel, with the same bits.
 */
import { TypeError as PaddleTypeError, ValueError } from '../errors.js';
import { checkOptions, describe } from '../options.js';
import { allocArray, type DataArray, type DType } from '../tensor/dtype.js';
import { numelOf, shapeToString, stridesOf, type Shape } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';
import type { BackwardFn } from '../tensor/autograd.js';
import { expectTensor, reduceToShape, valuesAs } from './helpers.js';
import { needsGrad } from './binary.js';

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

/**
 * `C[M,N] = op(A)[M,P]·op(B)[P,N]` in float32 (C overwritten, every element summed from +0 as
 * `fround(s + fround(a·b))` in order of k). `op(A)` is A stored `[M,P]`, or `[P,M]` when `transA`;
 * `op(B)` is B stored `[P,N]`, or `[N,P]` when `transB`. Returns false, with C untouched, to
 * decline; the TypeScript kernel then computes the product.
 */
export type MatmulGemmF32Fn = (
  A: Float32Array,
  B: Float32Array,
  C: Float32Array,
  M: number,
  N: number,
  P: number,
  transA: boolean,
  transB: boolean,
) => boolean;

/** A float32 product routine for `matmul`, with the name `matmulGemmName()` reports. */
export interface MatmulGemmF32Impl {
  readonly name: string;
  readonly gemmF32: MatmulGemmF32Fn;
}

let gemmF32Impl: MatmulGemmF32Impl | null = null;

/**
 * Routes float32 `matmul` products (forward and backward) through `impl`, or back to the
 * TypeScript kernel with null; returns the previous routine (null for the TypeScript kernel).
 */
export function setMatmulGemmF32(impl: MatmulGemmF32Impl | null): MatmulGemmF32Impl | null {
  const prev = gemmF32Impl;
  gemmF32Impl = impl;
  return prev;
}

/** The name of the float32 product routine `matmul` uses: `'ts'` for the TypeScript kernel. */
export function matmulGemmName(): string {
  return gemmF32Impl === null ? 'ts' : gemmF32Impl.name;
}

/** k rows of B per block and columns per block: a 128 × 512 float32 tile of B is 256 KiB. */
const K_BLOCK = 128;
const N_BLOCK = 512;

/**
 * C[M, N] += A[M, K] · B[K, N]. A is read through strides (`ars` per row, `acs` per column, so a
 * transposed A needs no copy); B and C are contiguous row-major blocks at offsets `bo`, `co`.
 */
export function gemm(
  a: DataArray,
  ao: number,
  ars: number,
  acs: number,
  b: DataArray,
  bo: number,
  c: DataArray,
  co: number,
  M: number,
  K: number,
  N: number,
): void {
  if (a instanceof Float32Array && b instanceof Float32Array && c instanceof Float32Array) {
    gemm32(a, ao, ars, acs, b, bo, c, co, M, K, N);
  } else if (a instanceof Float64Array && b instanceof Float64Array && c instanceof Float64Array) {
    gemm64(a, ao, ars, acs, b, bo, c, co, M, K, N);
  } else {
    gemmAny(a, ao, ars, acs, b, bo, c, co, M, K, N);
  }
}

const fr = Math.fround;

/**
 * float32 kernel: a 4-row × 4-k register block. For each output element the four k steps are
 * applied in order, each `fround(c + fround(a·b))`, which is exactly what storing after every step
 * would give, with a quarter of the loads and stores of C.
 */
function gemm32(a: Float32Array, ao: number, ars: number, acs: number, b: Float32Array, bo: number, c: Float32Array, co: number, M: number, K: number, N: number): void {
  for (let j0 = 0; j0 < N; j0 += N_BLOCK) {
    const j1 = Math.min(N, j0 + N_BLOCK);
    for (let k0 = 0; k0 < K; k0 += K_BLOCK) {
      const k1 = Math.min(K, k0 + K_BLOCK);
      let i = 0;
      for (; i + 4 <= M; i += 4) {
        const c0 = co + i * N;
        const c1 = c0 + N;
        const c2 = c1 + N;
        const c3 = c2 + N;
        const r0 = ao + i * ars;
        const r1 = r0 + ars;
        const r2 = r1 + ars;
        const r3 = r2 + ars;
        let k = k0;
        for (; k + 4 <= k1; k += 4) {
          const q0 = k * acs;
          const q1 = q0 + acs;
          const q2 = q1 + acs;
          const q3 = q2 + acs;
          const x00 = a[r0 + q0] as number, x01 = a[r0 + q1] as number, x02 = a[r0 + q2] as number, x03 = a[r0 + q3] as number;
          const x10 = a[r1 + q0] as number, x11 = a[r1 + q1] as number, x12 = a[r1 + q2] as number, x13 = a[r1 + q3] as number;
          const x20 = a[r2 + q0] as number, x21 = a[r2 + q1] as number, x22 = a[r2 + q2] as number, x23 = a[r2 + q3] as number;
          const x30 = a[r3 + q0] as number, x31 = a[r3 + q1] as number, x32 = a[r3 + q2] as number, x33 = a[r3 + q3] as number;
          const b0 = bo + k * N;
          const b1 = b0 + N;
          const b2 = b1 + N;
          const b3 = b2 + N;
          for (let j = j0; j < j1; j++) {
            const v0 = b[b0 + j] as number;
            const v1 = b[b1 + j] as number;
            const v2 = b[b2 + j] as number;
            const v3 = b[b3 + j] as number;
            c[c0 + j] = fr(fr(fr(fr((c[c0 + j] as number) + fr(x00 * v0)) + fr(x01 * v1)) + fr(x02 * v2)) + fr(x03 * v3));
            c[c1 + j] = fr(fr(fr(fr((c[c1 + j] as number) + fr(x10 * v0)) + fr(x11 * v1)) + fr(x12 * v2)) + fr(x13 * v3));
            c[c2 + j] = fr(fr(fr(fr((c[c2 + j] as number) + fr(x20 * v0)) + fr(x21 * v1)) + fr(x22 * v2)) + fr(x23 * v3));
            c[c3 + j] = fr(fr(fr(fr((c[c3 + j] as number) + fr(x30 * v0)) + fr(x31 * v1)) + fr(x32 * v2)) + fr(x33 * v3));
          }
        }
        for (; k < k1; k++) {
          const q = k * acs;
          const x0 = a[r0 + q] as number, x1 = a[r1 + q] as number, x2 = a[r2 + q] as number, x3 = a[r3 + q] as number;
          const bk = bo + k * N;
          for (let j = j0; j < j1; j++) {
            const v = b[bk + j] as number;
            // the Float32Array store rounds the sum
            c[c0 + j] = (c[c0 + j] as number) + fr(x0 * v);
            c[c1 + j] = (c[c1 + j] as number) + fr(x1 * v);
            c[c2 + j] = (c[c2 + j] as number) + fr(x2 * v);
            c[c3 + j] = (c[c3 + j] as number) + fr(x3 * v);
          }
        }
      }
      for (; i < M; i++) {
        const ci = co + i * N;
        const ri = ao + i * ars;
        let k = k0;
        for (; k + 4 <= k1; k += 4) {
          const q0 = k * acs;
          const x0 = a[ri + q0] as number, x1 = a[ri + q0 + acs] as number, x2 = a[ri + q0 + 2 * acs] as number, x3 = a[ri + q0 + 3 * acs] as number;
          const b0 = bo + k * N;
          const b1 = b0 + N;
          const b2 = b1 + N;
          const b3 = b2 + N;
          for (let j = j0; j < j1; j++) {
            c[ci + j] = fr(fr(fr(fr((c[ci + j] as number) + fr(x0 * (b[b0 + j] as number))) + fr(x1 * (b[b1 + j] as number))) + fr(x2 * (b[b2 + j] as number))) + fr(x3 * (b[b3 + j] as number)));
          }
        }
        for (; k < k1; k++) {
          const x = a[ri + k * acs] as number;
          const bk = bo + k * N;
          for (let j = j0; j < j1; j++) c[ci + j] = (c[ci + j] as number) + fr(x * (b[bk + j] as number));
        }
      }
    }
  }
}

/** float64 kernel: the same blocking; no rounding is needed between steps. */
function gemm64(a: Float64Array, ao: number, ars: number, acs: number, b: Float64Array, bo: number, c: Float64Array, co: number, M: number, K: number, N: number): void {
  for (let j0 = 0; j0 < N; j0 += N_BLOCK) {
    const j1 = Math.min(N, j0 + N_BLOCK);
    for (let k0 = 0; k0 < K; k0 += K_BLOCK) {
      const k1 = Math.min(K, k0 + K_BLOCK);
      let i = 0;
      for (; i + 4 <= M; i += 4) {
        const c0 = co + i * N;
        const c1 = c0 + N;
        const c2 = c1 + N;
        const c3 = c2 + N;
        const r0 = ao + i * ars;
        const r1 = r0 + ars;
        const r2 = r1 + ars;
        const r3 = r2 + ars;
        let k = k0;
        for (; k + 2 <= k1; k += 2) {
          const q0 = k * acs;
          const q1 = q0 + acs;
          const x00 = a[r0 + q0] as number, x01 = a[r0 + q1] as number;
          const x10 = a[r1 + q0] as number, x11 = a[r1 + q1] as number;
          const x20 = a[r2 + q0] as number, x21 = a[r2 + q1] as number;
          const x30 = a[r3 + q0] as number, x31 = a[r3 + q1] as number;
          const b0 = bo + k * N;
          const b1 = b0 + N;
          for (let j = j0; j < j1; j++) {
            const v0 = b[b0 + j] as number;
            const v1 = b[b1 + j] as number;
            c[c0 + j] = (c[c0 + j] as number) + x00 * v0 + x01 * v1;
            c[c1 + j] = (c[c1 + j] as number) + x10 * v0 + x11 * v1;
            c[c2 + j] = (c[c2 + j] as number) + x20 * v0 + x21 * v1;
            c[c3 + j] = (c[c3 + j] as number) + x30 * v0 + x31 * v1;
          }
        }
        for (; k < k1; k++) {
          const q = k * acs;
          const x0 = a[r0 + q] as number, x1 = a[r1 + q] as number, x2 = a[r2 + q] as number, x3 = a[r3 + q] as number;
          const bk = bo + k * N;
          for (let j = j0; j < j1; j++) {
            const v = b[bk + j] as number;
            c[c0 + j] = (c[c0 + j] as number) + x0 * v;
            c[c1 + j] = (c[c1 + j] as number) + x1 * v;
            c[c2 + j] = (c[c2 + j] as number) + x2 * v;
            c[c3 + j] = (c[c3 + j] as number) + x3 * v;
          }
        }
      }
      for (; i < M; i++) {
        const ci = co + i * N;
        const ri = ao + i * ars;
        for (let k = k0; k < k1; k++) {
          const x = a[ri + k * acs] as number;
          const bk = bo + k * N;
          for (let j = j0; j < j1; j++) c[ci + j] = (c[ci + j] as number) + x * (b[bk + j] as number);
        }
      }
    }
  }
}

function gemmAny(a: DataArray, ao: number, ars: number, acs: number, b: DataArray, bo: number, c: DataArray, co: number, M: number, K: number, N: number): void {
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

/** Batched product of effective operands A [...ba, M, K] and B [...bb, K, N] (contiguous). */
function batchedProduct(
  a: DataArray,
  aBatch: Shape,
  aTransposed: boolean,
  b: DataArray,
  bBatch: Shape,
  outBatch: Shape,
  M: number,
  K: number,
  N: number,
  dtype: DType,
): DataArray {
  const nb = numelOf(outBatch);
  const c = allocArray(dtype, nb * M * N);
  if (nb === 0 || M === 0 || N === 0) return c;
  const am = batchMap(aBatch, outBatch);
  const bm = batchMap(bBatch, outBatch);
  // A stored as [.., M, K] (or as [.., K, M] when aTransposed).
  const ars = aTransposed ? 1 : K;
  const acs = aTransposed ? M : 1;
  const f32 = f32Routine(a, b, c);
  for (let r = 0; r < nb; r++) {
    const ao = (am[r] as number) * M * K;
    const bo = (bm[r] as number) * K * N;
    const co = r * M * N;
    if (f32 !== undefined && f32(sub(a, ao, M * K), sub(b, bo, K * N), sub(c, co, M * N), M, N, K, aTransposed, false)) continue;
    gemm(a, ao, ars, acs, b, bo, c, co, M, K, N);
  }
  return c;
}

/**
 * `paddle.matmul(x, y, transpose_x=False, transpose_y=False)`. Shape errors (inner dimensions,
 * batch broadcasting) are ValueErrors naming both shapes, raised before any computation.
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

  const xBatchN = numelOf(xb);
  const yBatchN = numelOf(yb);
  const xa = valuesAs(X, dtype);
  // B must be contiguous [K, N]: materialise a transposed y.
  const yaRaw = valuesAs(Y, dtype);
  const yEff = yT ? transposeLast2(yaRaw, yBatchN, yr, yc, dtype) : yaRaw;
  const out = batchedProduct(xa, xb, xT, yEff, yb, outBatch, M, K, N, dtype);

  const back: BackwardFn = (g) => {
    let gx: DataArray | null = null;
    let gy: DataArray | null = null;
    if (needsGrad(X)) {
      // dA = g · Bᵀ   ([.., M, N] · [.., N, K] → [.., M, K])
      const ya = valuesAs(Y, dtype);
      const bT = yT ? ya : transposeLast2(ya, yBatchN, yr, yc, dtype); // Bᵀ contiguous [.., N, K]
      const dA = batchedProduct(g, outBatch, false, bT, yb, outBatch, M, N, K, dtype);
      let dAr = reduceToShape(dA, [...outBatch, M, K], [...xb, M, K], dtype);
      if (xT) dAr = transposeLast2(dAr, xBatchN, M, K, dtype);
      gx = toInputDType(dAr, X.dtype);
    }
    if (needsGrad(Y)) {
      // dB = Aᵀ · g   ([.., K, M] · [.., M, N] → [.., K, N]); A read transposed through strides.
      const xv = valuesAs(X, dtype);
      const dB = batchedProductAT(xv, xb, xT, g, outBatch, M, K, N, dtype);
      let dBr = reduceToShape(dB, [...outBatch, K, N], [...yb, K, N], dtype);
      if (yT) dBr = transposeLast2(dBr, yBatchN, K, N, dtype);
      gy = toInputDType(dBr, Y.dtype);
    }
    return [gx, gy];
  };
  return Tensor.fromOp('matmul', out, outShape, dtype, [X, Y], back);
}

/** Aᵀ · g per batch, with A stored [.., M, K] (or [.., K, M] when `aTransposed`). */
function batchedProductAT(
  a: DataArray,
  aBatch: Shape,
  aTransposed: boolean,
  g: DataArray,
  outBatch: Shape,
  M: number,
  K: number,
  N: number,
  dtype: DType,
): DataArray {
  const nb = numelOf(outBatch);
  const c = allocArray(dtype, nb * K * N);
  if (nb === 0 || K === 0 || N === 0) return c;
  const am = batchMap(aBatch, outBatch);
  // Aᵀ[k, m] = A[m, k]: rows of Aᵀ step by 1 in A, columns by K (or the reverse when stored transposed).
  const ars = aTransposed ? M : 1;
  const acs = aTransposed ? 1 : K;
  const f32 = f32Routine(a, g, c);
  for (let r = 0; r < nb; r++) {
    const ao = (am[r] as number) * M * K;
    const go = r * M * N;
    const co = r * K * N;
    // Aᵀ is op(A) with A stored [M, K] (transA), or A itself when stored [K, M].
    if (f32 !== undefined && f32(sub(a, ao, M * K), sub(g, go, M * N), sub(c, co, K * N), K, N, M, !aTransposed, false)) continue;
    gemm(a, ao, ars, acs, g, go, c, co, K, M, N);
  }
  return c;
}

/** The installed float32 routine when all three arrays are float32, else undefined. */
function f32Routine(a: DataArray, b: DataArray, c: DataArray): MatmulGemmF32Fn | undefined {
  if (gemmF32Impl === null) return undefined;
  return a instanceof Float32Array && b instanceof Float32Array && c instanceof Float32Array ? gemmF32Impl.gemmF32 : undefined;
}

/** `arr[off, off + n)` as a Float32Array view (the whole array when it is exactly that). */
function sub(arr: DataArray, off: number, n: number): Float32Array {
  const f = arr as Float32Array;
  return off === 0 && n === f.length ? f : f.subarray(off, off + n);
}

function toInputDType(a: DataArray, dtype: DType): DataArray {
  if ((dtype === 'float32' && a instanceof Float32Array) || (dtype === 'float64' && a instanceof Float64Array)) return a;
  const out = allocArray(dtype, a.length);
  out.set(a);
  return out;
}

/**
 * `paddle.nn.functional.linear(x, weight, bias=None)`: `y = x·W + b` with W of shape
 * `[in, out]` (Paddle's layout, transposed vs PyTorch) over any leading dims of x. One fused op
 * with hand-blocked typed-array kernels (the Linear layer's hot path):
 *
 * - every product is `gemmNT` (dot products of contiguous rows in 4×4 register blocks, float64
 *   sums): forward `Y = X·(Wᵀ)ᵀ`, `dX = dY·W` read as rows of W, `dW = (Xᵀ)·(dYᵀ)ᵀ`;
 * - the forward rounds `X·W` into the dtype and then adds `b` (rounded again), as Paddle's matmul
 *   and add are two float32 ops; `db = Σ_rows dY`. Gradients are rounded once into the dtype and
 *   computed only for inputs that need one.
 *
 * The product routine is replaceable (`setLinearGemm`), so a faster kernel can be plugged in
 * without nn importing it; `linearGemmName()` tells which one runs. Selecting the WASM kernel
 * backend (src/kernels, `useBackend('wasm' | 'auto')`) installs `wasm-simd-f32`: float32 Linear
 * then runs its three products through `gemmF32` (f32x4 SIMD, float32 results, each element summed
 * in float32 in order of k, no FMA; see src/kernels/wasm/gemm.ts), read straight from the stored
 * layouts (no transposes, no float64 accumulator); `y` is that product plus `b` rounded once.
 * Float64 Linear keeps `gemmNT`. `useBackend('ref')` restores the TypeScript routine.
 */
import { TypeError as PaddleTypeError, ValueError } from '../../errors.js';
import { allocArray, type DataArray } from '../../tensor/dtype.js';
import { shapeToString } from '../../tensor/shape.js';
import { Tensor } from '../../tensor/tensor.js';
import { checkOptions } from '../../options.js';
import type { MatmulGemmF32Fn } from '../../ops/matmul.js';
import { isPlainObject } from '../args.js';
import { floatTensor } from './checks.js';

/** `C[M,N] = A[M,P]·B[N,P]ᵀ` into a float64 `C` (A, B row-major float32/float64). */
export type GemmNTFn = (A: DataArray, B: DataArray, C: Float64Array, M: number, N: number, P: number) => void;

/**
 * Float32 products with float32 results, the same contract as `matmul`'s routine (see
 * `MatmulGemmF32Fn`): returns false when it could not run (C untouched), and `linear` then uses
 * `gemmNT`.
 */
export type GemmF32Fn = MatmulGemmF32Fn;

export interface GemmNTImpl {
  readonly name: string;
  /** Every float64 product, and float32 ones when `gemmF32` is absent or declines. */
  readonly gemmNT: GemmNTFn;
  /**
   * Optional float32 products with float32 results (no float64 accumulator, no transposes):
   * forward `Y = X·W` (NN), `dX = dY·Wᵀ` (transB), `dW = Xᵀ·dY` (transA).
   */
  readonly gemmF32?: GemmF32Fn;
}

const TS_GEMM: GemmNTImpl = { name: 'ts', gemmNT: (A, B, C, M, N, P) => gemmNT(A, B, C, M, N, P) };
let gemmImpl: GemmNTImpl = TS_GEMM;

/** Replaces the product routine of `linear` (null restores the TypeScript one); returns the previous. */
export function setLinearGemm(impl: GemmNTImpl | null): GemmNTImpl {
  const prev = gemmImpl;
  gemmImpl = impl ?? TS_GEMM;
  return prev;
}

/** Which product routine `linear` uses (`ts` unless replaced). */
export function linearGemmName(): string {
  return gemmImpl.name;
}

/** Optional arguments of `F.linear` (Paddle's `bias`, `name`). */
export interface LinearOptions {
  /** The bias, added to every row (Paddle's `bias`; default none). */
  bias?: Tensor | null;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

/** `linear(x, weight, { bias })`, or Paddle's positional `linear(x, weight, bias)`. */
export function linear(x: Tensor, weight: Tensor, bias?: Tensor | null | LinearOptions, options?: LinearOptions): Tensor {
  let b: unknown = null;
  if (isPlainObject(bias)) {
    const o = checkOptions('linear', bias as LinearOptions, ['bias', 'name']);
    b = o.bias ?? null;
  } else {
    b = bias ?? null;
    const o = checkOptions('linear', options, ['name']);
    void o;
  }
  const xt = floatTensor('linear', 'x', x);
  const wt = floatTensor('linear', 'weight', weight);
  if (wt.ndim !== 2) {
    throw new ValueError(`linear: 'weight' must be 2-D [in_features, out_features], but its shape is ${shapeToString(wt.shape)}.`);
  }
  const K = wt.shape[0] as number;
  const N = wt.shape[1] as number;
  if (xt.ndim === 0 || xt.shape[xt.ndim - 1] !== K) {
    throw new ValueError(
      `linear: the last dimension of 'x' (shape ${shapeToString(xt.shape)}) must equal in_features = ${K} of the weight (shape ${shapeToString(wt.shape)}).`,
    );
  }
  if (xt.dtype !== wt.dtype) {
    throw new PaddleTypeError(`linear: 'x' has dtype ${xt.dtype} but 'weight' has dtype ${wt.dtype}; they must match.`);
  }
  let bt: Tensor | null = null;
  if (b !== null) {
    bt = floatTensor('linear', 'bias', b);
    if (bt.ndim !== 1 || bt.shape[0] !== N) {
      throw new ValueError(`linear: 'bias' must have shape [${N}], but its shape is ${shapeToString(bt.shape)}.`);
    }
    if (bt.dtype !== wt.dtype) {
      throw new PaddleTypeError(`linear: 'bias' has dtype ${bt.dtype} but 'weight' has dtype ${wt.dtype}; they must match.`);
    }
  }
  const dtype = wt.dtype;
  const M = K === 0 ? numelOfLeading(xt.shape) : xt.numel / K;
  const outShape = [...xt.shape.slice(0, -1), N];
  const impl = gemmImpl;
  const mm = impl.gemmNT;
  const f32 = dtype === 'float32' ? impl.gemmF32 : undefined;
  const xd = xt.data;
  const wd = wt.data;
  if (f32 !== undefined && xd instanceof Float32Array && wd instanceof Float32Array) {
    const y = new Float32Array(M * N);
    if (f32(xd, wd, y, M, N, K, false, false)) {
      if (bt !== null) {
        const bd = bt.data;
        for (let i = 0, o = 0; i < M; i++) {
          for (let j = 0; j < N; j++, o++) y[o] = (y[o] as number) + (bd[j] as number);
        }
      }
      return linearNode(xt, wt, bt, y, outShape, M, N, K, mm, f32);
    }
  }
  const acc = new Float64Array(M * N);
  mm(xd, transpose(wd, K, N), acc, M, N, K);
  const out = allocArray(dtype, M * N);
  if (bt === null) {
    out.set(acc);
  } else {
    const bd = bt.data;
    if (dtype === 'float32') {
      for (let i = 0, o = 0; i < M; i++) {
        for (let j = 0; j < N; j++, o++) out[o] = Math.fround(acc[o] as number) + (bd[j] as number);
      }
    } else {
      for (let i = 0, o = 0; i < M; i++) {
        for (let j = 0; j < N; j++, o++) out[o] = (acc[o] as number) + (bd[j] as number);
      }
    }
  }
  return linearNode(xt, wt, bt, out, outShape, M, N, K, mm, undefined);
}

/**
 * The autograd node of `linear`. With `f32` (float32 tensors and a float32 product routine),
 * `dX = dY·Wᵀ` and `dW = Xᵀ·dY` are computed in float32 straight from the stored layouts; where
 * it declines (or otherwise) they are float64 sums of `gemmNT` rounded once.
 */
function linearNode(
  xt: Tensor,
  wt: Tensor,
  bt: Tensor | null,
  out: DataArray,
  outShape: number[],
  M: number,
  N: number,
  K: number,
  mm: GemmNTFn,
  f32: GemmF32Fn | undefined,
): Tensor {
  const dtype: 'float32' | 'float64' = wt.dtype === 'float64' ? 'float64' : 'float32';
  const inputs = bt === null ? [xt, wt] : [xt, wt, bt];
  return Tensor.fromOp('linear', out, outShape, dtype, inputs, (g) => {
    const grads: (DataArray | null)[] = [null, null, null];
    const g32 = f32 !== undefined && g instanceof Float32Array ? g : undefined;
    if (!xt.stopGradient) {
      const wd = wt.data;
      const dx32 = g32 !== undefined && wd instanceof Float32Array ? new Float32Array(M * K) : undefined;
      if (f32 !== undefined && g32 !== undefined && dx32 !== undefined && f32(g32, wd as Float32Array, dx32, M, K, N, false, true)) {
        grads[0] = dx32;
      } else {
        const dx = new Float64Array(M * K);
        mm(g, wd, dx, M, K, N);
        grads[0] = round(dx, dtype);
      }
    }
    if (!wt.stopGradient) {
      const xd = xt.data;
      const dw32 = g32 !== undefined && xd instanceof Float32Array ? new Float32Array(K * N) : undefined;
      if (f32 !== undefined && g32 !== undefined && dw32 !== undefined && f32(xd as Float32Array, g32, dw32, K, N, M, true, false)) {
        grads[1] = dw32;
      } else {
        const dw = new Float64Array(K * N);
        mm(transpose(xd, M, K), transpose(g, M, N), dw, K, N, M);
        grads[1] = round(dw, dtype);
      }
    }
    if (bt !== null && !bt.stopGradient) {
      const db = new Float64Array(N);
      for (let i = 0, o = 0; i < M; i++) for (let j = 0; j < N; j++, o++) db[j] = (db[j] as number) + (g[o] as number);
      grads[2] = round(db, dtype);
    }
    return bt === null ? grads.slice(0, 2) : grads;
  });
}

function numelOfLeading(shape: readonly number[]): number {
  let n = 1;
  for (let i = 0; i < shape.length - 1; i++) n *= shape[i] as number;
  return n;
}

function round(a: Float64Array, dtype: 'float32' | 'float64'): DataArray {
  if (dtype === 'float64') return a;
  const out = new Float32Array(a.length);
  out.set(a);
  return out;
}

/**
 * `C[M,N] = A[M,P]·B[N,P]ᵀ` (row-major; every C element is a dot product of two contiguous rows),
 * with 4×4 register blocks: per step 8 loads feed 16 multiply-adds. Sums run in float64 in order
 * of p.
 */
export function gemmNT(A: DataArray, B: DataArray, C: Float64Array, M: number, N: number, P: number): void {
  const M4 = M - (M % 4);
  const N4 = N - (N % 4);
  for (let i = 0; i < M4; i += 4) {
    const a0 = i * P;
    const a1 = a0 + P;
    const a2 = a1 + P;
    const a3 = a2 + P;
    for (let j = 0; j < N4; j += 4) {
      const b0 = j * P;
      const b1 = b0 + P;
      const b2 = b1 + P;
      const b3 = b2 + P;
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
      let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
      let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      for (let p = 0; p < P; p++) {
        const x0 = A[a0 + p] as number;
        const x1 = A[a1 + p] as number;
        const x2 = A[a2 + p] as number;
        const x3 = A[a3 + p] as number;
        const y0 = B[b0 + p] as number;
        const y1 = B[b1 + p] as number;
        const y2 = B[b2 + p] as number;
        const y3 = B[b3 + p] as number;
        c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
        c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3;
        c20 += x2 * y0; c21 += x2 * y1; c22 += x2 * y2; c23 += x2 * y3;
        c30 += x3 * y0; c31 += x3 * y1; c32 += x3 * y2; c33 += x3 * y3;
      }
      let c = i * N + j;
      C[c] = c00; C[c + 1] = c01; C[c + 2] = c02; C[c + 3] = c03;
      c += N;
      C[c] = c10; C[c + 1] = c11; C[c + 2] = c12; C[c + 3] = c13;
      c += N;
      C[c] = c20; C[c + 1] = c21; C[c + 2] = c22; C[c + 3] = c23;
      c += N;
      C[c] = c30; C[c + 1] = c31; C[c + 2] = c32; C[c + 3] = c33;
    }
    for (let j = N4; j < N; j++) {
      const b0 = j * P;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let p = 0; p < P; p++) {
        const y = B[b0 + p] as number;
        s0 += (A[a0 + p] as number) * y;
        s1 += (A[a1 + p] as number) * y;
        s2 += (A[a2 + p] as number) * y;
        s3 += (A[a3 + p] as number) * y;
      }
      C[i * N + j] = s0;
      C[(i + 1) * N + j] = s1;
      C[(i + 2) * N + j] = s2;
      C[(i + 3) * N + j] = s3;
    }
  }
  for (let i = M4; i < M; i++) {
    const a0 = i * P;
    for (let j = 0; j < N; j++) {
      const b0 = j * P;
      let s = 0;
      for (let p = 0; p < P; p++) s += (A[a0 + p] as number) * (B[b0 + p] as number);
      C[i * N + j] = s;
    }
  }
}

/** The transpose of a row-major `[rows, cols]` matrix, in an array like `src`. */
export function transpose(src: DataArray, rows: number, cols: number): DataArray {
  const out = src instanceof Float32Array ? new Float32Array(rows * cols) : new Float64Array(rows * cols);
  // Blocked so both sides stay in cache.
  const BS = 32;
  for (let r0 = 0; r0 < rows; r0 += BS) {
    const r1 = Math.min(r0 + BS, rows);
    for (let c0 = 0; c0 < cols; c0 += BS) {
      const c1 = Math.min(c0 + BS, cols);
      for (let r = r0; r < r1; r++) {
        for (let c = c0; c < c1; c++) out[c * rows + r] = src[r * cols + c] as number;
      }
    }
  }
  return out;
}

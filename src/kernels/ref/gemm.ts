/**
 * The reference matrix product: plain TypeScript, the oracle of every other backend's `gemm` and
 * the product wherever WebAssembly does not run (and for float64 everywhere).
 *
 * Numbers (the kernel contract, src/kernels/types.ts `GemmCall`): every element of C is summed
 * from +0 over k = 0, 1, …, K-1 in that order, each product and each sum rounded to the dtype
 * (`fround` for float32), then the bias added. The loops below are blocked (4 rows × 4 k in
 * registers, k and column blocks for cache), but every element still sees exactly that sequence
 * of operations: storing a float32 partial sum and reloading it is the same as keeping it.
 */
import type { KernelDType } from '../types.js';
import type { ResolvedGemm } from '../validate.js';
import { withPatches } from './patches.js';

/** k rows of B per block and columns per block: a 128 × 512 float32 tile of B is 256 KiB. */
const K_BLOCK = 128;
const N_BLOCK = 512;

const fr = Math.fround;

/**
 * C[M, N] += A[M, K] · B[K, N] in float32. A is read through strides (`ars` per row, `acs` per
 * column, so a transposed A needs no copy); B and C are contiguous row-major blocks at offsets
 * `bo`, `co`. A 4-row × 4-k register block: for each output element the four k steps are applied
 * in order, each `fround(c + fround(a·b))`, which is exactly what storing after every step
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

/**
 * Writes the transpose of the row-major `[rows, cols]` matrix at `src[srcOff …]` into `dst` from
 * `dstOff` (`[cols, rows]`), blocked so both sides stay in cache. Also the WebAssembly backend's
 * packing of a transposed B that lives outside the heap.
 */
export function transposeInto(
  src: Float32Array | Float64Array,
  srcOff: number,
  dst: Float32Array<ArrayBufferLike> | Float64Array<ArrayBufferLike>,
  dstOff: number,
  rows: number,
  cols: number,
): void {
  const BS = 32;
  for (let r0 = 0; r0 < rows; r0 += BS) {
    const r1 = Math.min(r0 + BS, rows);
    for (let c0 = 0; c0 < cols; c0 += BS) {
      const c1 = Math.min(c0 + BS, cols);
      for (let r = r0; r < r1; r++) {
        for (let c = c0, sr = srcOff + r * cols; c < c1; c++) dst[dstOff + c * rows + r] = src[sr + c] as number;
      }
    }
  }
}

/** The transpose of the row-major `[rows, cols]` matrix at `src[off …]`, as a new array. */
function transposed<A extends Float32Array | Float64Array>(src: A, off: number, rows: number, cols: number): A {
  const out = (src instanceof Float32Array ? new Float32Array(rows * cols) : new Float64Array(rows * cols)) as A;
  transposeInto(src, off, out, 0, rows, cols);
  return out;
}

/**
 * `KernelBackend.gemm` in TypeScript, for a call `resolveGemm` has checked.
 * @param dtype - `'float32'` (every product and sum rounded to float32) or `'float64'`.
 * @param g - The checked call, as `resolveGemm` returns it; its C is written.
 */
export function gemmRef(dtype: KernelDType, g: ResolvedGemm): void {
  if (g.aPatches !== null || g.bPatches !== null || g.cPatches !== null || g.aImage !== null || g.cImage !== null) {
    withPatches(dtype, g, (plain) => gemmRef(dtype, plain));
    return;
  }
  const { m: M, n: N, k: K, batch } = g;
  if (M === 0 || N === 0 || batch === 0) return;
  // op(A)[i, kk] at a[ao + i·ars + kk·acs]
  const ars = g.transA ? 1 : K;
  const acs = g.transA ? M : 1;
  // B must be row-major [K, N]: a transposed B is copied once per distinct matrix
  let bT: Float32Array | Float64Array | undefined;
  let bTOff = -1;
  for (let r = 0; r < batch; r++) {
    const ao = g.aOffset + r * g.strideA;
    const co = g.cOffset + r * g.strideC;
    let b = g.b;
    let bo = g.bOffset + r * g.strideB;
    if (g.transB) {
      if (bT === undefined || bTOff !== bo) {
        bT = transposed(g.b, bo, N, K);
        bTOff = bo;
      }
      b = bT;
      bo = 0;
    }
    g.c.fill(0, co, co + M * N);
    if (dtype === 'float32') {
      gemm32(g.a as Float32Array, ao, ars, acs, b as Float32Array, bo, g.c as Float32Array, co, M, K, N);
    } else {
      gemm64(g.a as Float64Array, ao, ars, acs, b as Float64Array, bo, g.c as Float64Array, co, M, K, N);
    }
    const bias = g.bias;
    if (bias !== null) {
      const c = g.c;
      // the typed-array store rounds each sum to the dtype
      for (let i = 0, o = co; i < M; i++) for (let j = 0; j < N; j++, o++) c[o] = (c[o] as number) + (bias[j] as number);
    }
  }
}

/**
 * The WebAssembly float32 matrix product as `nn.Linear`'s product routine (see
 * src/nn/functional/linear.ts `setLinearGemm`), and the scalar statement of its numbers.
 *
 * Numbers: every element of `C = op(A)·op(B)` is accumulated in float32, starting at +0 and adding
 * the rounded products `a[i,k]·b[k,j]` for k = 0, 1, …, P-1 in that order, each multiply and add a
 * correctly rounded float32 op (no FMA). `gemmF32Ref` below is that loop in plain TypeScript; the
 * SIMD kernel (assembly/gemm.ts) matches it bit for bit. Against the float64 sum rounded once (the
 * TypeScript path), an element differs by at most γ_P·Σ_k|a[i,k]·b[k,j]|, γ_P = P·u/(1-P·u),
 * u = 2^-24. Paddle's own CPU GEMM also accumulates in float32 (in an unspecified order).
 * Float64 products keep the TypeScript `gemmNT`.
 */
import { gemmNT, type GemmNTImpl } from '../../nn/functional/linear.js';
import type { WasmBackend } from './backend.js';

/** `linearGemmName()` while the WebAssembly product routine is installed. */
export const WASM_GEMM_NAME = 'wasm-simd-f32';

/**
 * `C[M,N] = op(A)[M,P]·op(B)[P,N]` in the kernel's exact order (op as in `WasmBackend.gemmF32`),
 * scalar float32: the oracle of the SIMD kernel.
 */
export function gemmF32Ref(
  A: Float32Array,
  B: Float32Array,
  C: Float32Array,
  M: number,
  N: number,
  P: number,
  transA: boolean,
  transB: boolean,
): void {
  const fr = Math.fround;
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      let s = 0;
      for (let k = 0; k < P; k++) {
        const a = A[transA ? k * M + i : i * P + k]!;
        const b = B[transB ? j * P + k : k * N + j]!;
        s = fr(s + fr(a * b));
      }
      C[i * N + j] = s;
    }
  }
}

/** The product routine backed by `backend` (float32 in WebAssembly, float64 in TypeScript). */
export function wasmLinearGemm(backend: WasmBackend): GemmNTImpl {
  return {
    name: WASM_GEMM_NAME,
    gemmNT: (A, B, C, M, N, P) => gemmNT(A, B, C, M, N, P),
    gemmF32: (A, B, C, M, N, P, transA, transB) => backend.gemmF32(A, B, C, M, N, P, transA, transB),
  };
}

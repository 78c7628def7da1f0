/**
 * The WebAssembly SIMD float32 matrix product behind nn.Linear (src/kernels/wasm/assembly/gemm.ts,
 * `WasmBackend.gemmF32`):
 *
 * - bit for bit equal to `gemmF32Ref`, the scalar statement of its documented order (each element
 *   summed in float32 for k = 0..P-1, no FMA), over shapes with tails in every dimension and the
 *   four layouts (forward NN, dX with B transposed, dW with A transposed, and both);
 * - within γ_P·Σ|a·b| of a float64 reference (γ_P = P·u/(1-P·u), u = 2^-24: the rigorous bound for
 *   a float32 recursive dot product, Higham §3.1; ≤ 1.2e-5 relative for P ≤ 200, 4.7e-5 at P = 784);
 * - zero-copy for heap views, no heap allocation in steady state;
 * - installed as nn.Linear's product when the WASM backend is selected, removed for 'ref'.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createWasmBackend,
  gemmF32Ref,
  getWasmBackend,
  useBackend,
  WASM_GEMM_NAME,
  type WasmBackend,
} from '../../src/kernels/index.js';
import { KernelHeap } from '../../src/kernels/wasm/heap.js';
import { gemmNT, linear, linearGemmName, setLinearGemm } from '../../src/nn/functional/linear.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { rng as uniform01 } from '../helpers/rng.js';

/** Seeded uniform [-1, 1) float32 values. */
function rng(seed: number): () => number {
  const u = uniform01(seed);
  return () => Math.fround(u() * 2 - 1);
}

const U = 2 ** -24;
const gamma = (n: number): number => (n * U) / (1 - n * U);

function randF32(n: number, r: () => number): Float32Array {
  return Float32Array.from({ length: n }, r);
}

/** float64 reference of op(A)·op(B) and Σ|a·b| per element. */
function ref64(A: Float32Array, B: Float32Array, M: number, N: number, P: number, tA: boolean, tB: boolean): { c: Float64Array; abs: Float64Array } {
  const c = new Float64Array(M * N);
  const abs = new Float64Array(M * N);
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      let s = 0;
      let t = 0;
      for (let k = 0; k < P; k++) {
        const p = A[tA ? k * M + i : i * P + k]! * B[tB ? j * P + k : k * N + j]!;
        s += p;
        t += Math.abs(p);
      }
      c[i * N + j] = s;
      abs[i * N + j] = t;
    }
  }
  return { c, abs };
}

const backends: WasmBackend[] = [];
function backend(shared: boolean): WasmBackend {
  const b = createWasmBackend({ shared, initialPages: 1 });
  backends.push(b);
  return b;
}
afterAll(async () => {
  for (const b of backends) await b.dispose();
});

const DIMS = [1, 3, 5, 17, 63, 65];
const LAYOUTS: [boolean, boolean][] = [
  [false, false],
  [false, true],
  [true, false],
  [true, true],
];

describe('gemmF32: numbers', () => {
  const be = backend(typeof SharedArrayBuffer === 'function');

  it('equals the documented float32 order bit for bit and the float64 sum within γ_P·Σ|a·b| (tails in M, N, P; all layouts)', () => {
    const r = rng(11);
    let cases = 0;
    let inexact = 0;
    let worst = 0;
    for (const M of DIMS) {
      for (const N of DIMS) {
        for (const P of DIMS) {
          const [tA, tB] = LAYOUTS[cases % 4]!;
          cases++;
          const A = randF32(M * P, r);
          const B = randF32(P * N, r);
          const C = new Float32Array(M * N).fill(Number.NaN);
          expect(be.gemmF32(A, B, C, M, N, P, tA, tB)).toBe(true);
          const R = new Float32Array(M * N);
          gemmF32Ref(A, B, R, M, N, P, tA, tB);
          for (let e = 0; e < M * N; e++) {
            if (!Object.is(C[e], R[e])) {
              expect.fail(`M=${M} N=${N} P=${P} tA=${tA} tB=${tB} element ${e}: wasm ${C[e]} vs ordered reference ${R[e]}`);
            }
          }
          const { c, abs } = ref64(A, B, M, N, P, tA, tB);
          for (let e = 0; e < M * N; e++) {
            const err = Math.abs(C[e]! - c[e]!);
            if (err > 0) inexact++;
            worst = Math.max(worst, err / abs[e]!);
            if (err > gamma(P) * abs[e]!) {
              expect.fail(`M=${M} N=${N} P=${P}: |${C[e]} - ${c[e]}| = ${err} > γ_P·Σ|a·b| = ${gamma(P) * abs[e]!}`);
            }
          }
        }
      }
    }
    expect(cases).toBe(216);
    // float32 accumulation really differs from float64 sums (the comparison is not vacuous) ...
    expect(inexact).toBeGreaterThan(1000);
    // ... and stays far below the 1e-5 relative error the brief allows
    expect(worst).toBeLessThan(1e-5);
  });

  it('the demo depths (P = 784 forward, batch-long P for dW, P = 10 for dX) within γ_P', () => {
    const r = rng(12);
    for (const [M, N, P, tA, tB] of [
      [20, 37, 784, false, false], // forward X·W (784 inputs)
      [784, 37, 20, true, false], // dW = Xᵀ·dY
      [20, 256, 10, false, true], // dX = dY·Wᵀ of the 256→10 layer
    ] as const) {
      const A = randF32(M * P, r);
      const B = randF32(P * N, r);
      const C = new Float32Array(M * N);
      be.gemmF32(A, B, C, M, N, P, tA, tB);
      const R = new Float32Array(M * N);
      gemmF32Ref(A, B, R, M, N, P, tA, tB);
      expect(Array.from(C)).toEqual(Array.from(R));
      const { c, abs } = ref64(A, B, M, N, P, tA, tB);
      for (let e = 0; e < M * N; e++) expect(Math.abs(C[e]! - c[e]!)).toBeLessThanOrEqual(gamma(P) * abs[e]!);
    }
  });

  it('property: random shapes and layouts match the ordered reference (ordinary memory)', () => {
    const plain = backend(false);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (M, N, P, tA, tB, seed) => {
          const r = rng(seed);
          const A = randF32(M * P, r);
          const B = randF32(P * N, r);
          const C = new Float32Array(M * N);
          plain.gemmF32(A, B, C, M, N, P, tA, tB);
          const R = new Float32Array(M * N);
          gemmF32Ref(A, B, R, M, N, P, tA, tB);
          return C.every((v, e) => Object.is(v, R[e]));
        },
      ),
      { seed: 4242, numRuns: 60 },
    );
  });

  it('special values propagate as IEEE float32 (Inf, NaN, overflow, signed zero)', () => {
    const A = Float32Array.from([Infinity, 1, 3e38, 3e38, 0, -0]);
    const B = Float32Array.from([0, 1, 1, 1, 1, 1]);
    // op(A) [3,2], op(B) [2,3]
    const C = new Float32Array(9);
    be.gemmF32(A, B, C, 3, 3, 2, false, false);
    const R = new Float32Array(9);
    gemmF32Ref(A, B, R, 3, 3, 2, false, false);
    expect(Array.from(C).map((v) => Object.is(v, -0) ? '-0' : String(v))).toEqual(
      Array.from(R).map((v) => Object.is(v, -0) ? '-0' : String(v)),
    );
    expect(Number.isNaN(C[0])).toBe(true); // Inf·0
    expect(C[4]).toBe(Infinity); // 3e38 + 3e38 overflows in float32
  });

  it('empty dimensions: P = 0 writes zeros, M or N = 0 writes nothing; short operands throw', () => {
    const C = Float32Array.from([5, 5, 5, 5]);
    expect(be.gemmF32(new Float32Array(0), new Float32Array(0), C, 2, 2, 0, false, false)).toBe(true);
    expect(Array.from(C)).toEqual([0, 0, 0, 0]);
    const D = Float32Array.from([7]);
    be.gemmF32(new Float32Array(0), new Float32Array(3), D, 0, 3, 1, false, false);
    expect(Array.from(D)).toEqual([7]);
    expect(() => be.gemmF32(new Float32Array(5), new Float32Array(6), new Float32Array(4), 2, 2, 3, false, false)).toThrow(
      /too short/,
    );
  });
});

describe('gemmF32: heap use', () => {
  it('heap views are used in place; steady state allocates nothing; results do not depend on the path', () => {
    for (const shared of typeof SharedArrayBuffer === 'function' ? [true, false] : [false]) {
      const be = backend(shared);
      const r = rng(21);
      const M = 33;
      const N = 19;
      const P = 70;
      const A = randF32(M * P, r);
      const B = randF32(P * N, r);
      const hA = be.heap.alloc('float32', M * P);
      const hB = be.heap.alloc('float32', P * N);
      const hC = be.heap.alloc('float32', M * N);
      hA.array().set(A);
      hB.array().set(B);
      const copied = new Float32Array(M * N);
      be.gemmF32(A, B, copied, M, N, P, false, false);
      const z0 = be.stats.gemmZeroCopy;
      be.gemmF32(hA.array(), hB.array(), hC.array(), M, N, P, false, false);
      expect(be.stats.gemmZeroCopy - z0).toBe(3);
      expect(Array.from(hC.array())).toEqual(Array.from(copied));
      // C overlapping an input is written through scratch, not in place
      const hAB = be.heap.alloc('float32', 64);
      const v = hAB.array();
      v.set([1, 2, 3, 4]);
      be.gemmF32(v.subarray(0, 4), v.subarray(0, 4), v.subarray(0, 4), 2, 2, 2, false, false);
      expect(Array.from(v.subarray(0, 4))).toEqual([7, 10, 15, 22]);
      // steady state: the same or smaller shapes, copied or in place, allocate no heap block
      const before = { ...be.heap.stats };
      const calls = be.stats.gemmCalls;
      for (let i = 0; i < 5; i++) {
        be.gemmF32(A, B, copied, M, N, P, false, false);
        be.gemmF32(A, B, copied, M, N, P, true, true); // same sizes, other layouts
        be.gemmF32(hA.array(), hB.array(), hC.array(), M, N, P, false, false);
        be.gemmF32(A.subarray(0, 3 * P), B, copied, 3, N, P, false, false);
      }
      expect(be.stats.gemmCalls - calls).toBe(20);
      expect(be.heap.stats.allocations).toBe(before.allocations);
      expect(be.heap.stats.grows).toBe(before.grows);
      hA.dispose();
      hB.dispose();
      hC.dispose();
      hAB.dispose();
    }
  });

  it('declines (returns false, C untouched) when the heap cannot hold the scratch space', () => {
    const be = createWasmBackend({ shared: false, initialPages: 1, maximumPages: 1 });
    const C = new Float32Array(128 * 128).fill(3); // 3 × 64 KiB of scratch > the 64 KiB heap
    expect(be.gemmF32(new Float32Array(128 * 128), new Float32Array(128 * 128), C, 128, 128, 128, false, false)).toBe(false);
    expect(C.every((v) => v === 3)).toBe(true);
    expect(be.stats.refFallbacks).toBe(1);
  });

  it('heap storages start zeroed even when their block is reused (optimizer state relies on it)', () => {
    const heap = new KernelHeap({ shared: false, initialPages: 1, maximumPages: 2 });
    const a = heap.alloc('float32', 100);
    a.array().fill(9);
    heap.allocBytes(16); // keeps a's block from returning to the bump region
    a.dispose();
    const b = heap.alloc('float64', 50); // the same 400 bytes
    expect(b.array().every((v) => v === 0)).toBe(true);
    const off = heap.allocBytes(32);
    new Float32Array(heap.buffer, off, 8).fill(5);
    heap.freeBytes(off);
    expect(Array.from(heap.alloc('float32', 8).array())).toEqual(new Array(8).fill(0));
  });
});

describe('nn.Linear uses it on the WASM backend', () => {
  it("installed by useBackend('wasm'), removed by useBackend('ref'); a custom routine is left alone", () => {
    try {
      expect(linearGemmName()).toBe('ts');
      useBackend('wasm');
      expect(linearGemmName()).toBe(WASM_GEMM_NAME);
      useBackend('ref');
      expect(linearGemmName()).toBe('ts');
      setLinearGemm({ name: 'custom', gemmNT });
      useBackend('wasm');
      expect(linearGemmName()).toBe('custom');
      useBackend('ref');
      expect(linearGemmName()).toBe('custom');
      setLinearGemm(null);
      useBackend('auto');
      expect(linearGemmName()).toBe(WASM_GEMM_NAME);
    } finally {
      useBackend('ref');
      setLinearGemm(null);
    }
  });

  it('float32 forward and both gradients are the float32 products (+ bias rounded); float64 keeps the TypeScript path', () => {
    const r = rng(31);
    const M = 7;
    const K = 13;
    const N = 9;
    const xs = randF32(M * K, r);
    const ws = randF32(K * N, r);
    const bs = randF32(N, r);
    const gs = randF32(M * N, r);
    const run = (dtype: 'float32' | 'float64') => {
      const make = (d: Float32Array, shape: number[]) =>
        Tensor.fromArray(dtype === 'float32' ? d.slice() : Float64Array.from(d), shape, dtype).detach();
      const x = make(xs, [M, K]);
      const w = make(ws, [K, N]);
      const b = make(bs, [N]);
      for (const t of [x, w, b]) t.stopGradient = false;
      const y = linear(x, w, b);
      y.backward(make(gs, [M, N]));
      return { y: y.data, dx: (x.grad as Tensor).data, dw: (w.grad as Tensor).data };
    };
    const ts32 = run('float32');
    const ts64 = run('float64');
    try {
      useBackend('wasm');
      const be = getWasmBackend()!;
      const calls = be.stats.gemmCalls;
      const w32 = run('float32');
      expect(be.stats.gemmCalls - calls).toBe(3);
      const xy = new Float32Array(M * N);
      gemmF32Ref(xs, ws, xy, M, N, K, false, false);
      expect(Array.from(w32.y)).toEqual(Array.from(xy, (v, o) => Math.fround(v + bs[o % N]!)));
      const dx = new Float32Array(M * K);
      gemmF32Ref(gs, ws, dx, M, K, N, false, true);
      expect(Array.from(w32.dx)).toEqual(Array.from(dx));
      const dw = new Float32Array(K * N);
      gemmF32Ref(xs, gs, dw, K, N, M, true, false);
      expect(Array.from(w32.dw)).toEqual(Array.from(dw));
      // and close to the float64-accumulating TypeScript path
      for (const k of ['y', 'dx', 'dw'] as const) {
        const a = w32[k];
        const b = ts32[k];
        for (let e = 0; e < a.length; e++) expect(Math.abs(a[e]! - b[e]!)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(b[e]!)) * 4);
      }
      const w64 = run('float64');
      expect(be.stats.gemmCalls - calls).toBe(3); // float64 never reaches the float32 kernel
      for (const k of ['y', 'dx', 'dw'] as const) expect(Array.from(w64[k])).toEqual(Array.from(ts64[k]));
    } finally {
      useBackend('ref');
    }
  });
});

/**
 * The matrix product of the kernel contract (`KernelBackend.gemm`, src/kernels/types.ts
 * `GemmCall`; WebAssembly f32x4 kernel in src/kernels/wasm/assembly/gemm.ts, TypeScript reference
 * in src/kernels/ref/gemm.ts):
 *
 * - every backend equals the documented order bit for bit (`ordered` below: each element summed
 *   from +0 for k = 0..K-1, every multiply and add rounded to the dtype, then the bias), at odd
 *   shapes (1, 3, 17, 255, 1025), in all four layouts, with offsets, strides and broadcast batches;
 * - the same bits at every thread count (tiles split the output, never a sum);
 * - within γ_K·Σ|a·b| of a float64 sum (γ_K = K·u/(1-K·u), u = 2^-24; Higham §3.1);
 * - zero-copy for heap views, no heap allocation in steady state, the reference loops (same bits,
 *   counted and logged) when the heap cannot hold the scratch space;
 * - bad calls throw a ValueError/TypeError before C is written.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  configureThreads,
  refBackend,
  setNumThreads,
  threadsSupported,
  type GemmCall,
  type KernelBackend,
  type WasmBackend,
} from '../../src/kernels/index.js';
import { KernelHeap } from '../../src/kernels/wasm/heap.js';
import { setLogSink } from '../../src/log.js';
import { threadConfig } from '../../src/kernels/wasm/threads.js';
import { rng as uniform01 } from '../helpers/rng.js';
import { productTestSetup } from './helpers.js';

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

type Arr = Float32Array | Float64Array;

/** A float32 call of `batch` products with random operands (and a random bias when asked). */
function randomCall(r: () => number, M: number, N: number, K: number, tA: boolean, tB: boolean, batch: number, withBias: boolean): GemmCall<Float32Array> {
  return {
    a: randF32(batch * M * K, r),
    b: randF32(batch * K * N, r),
    c: new Float32Array(batch * M * N),
    m: M,
    n: N,
    k: K,
    transA: tA,
    transB: tB,
    batch,
    bias: withBias ? randF32(N, r) : null,
  };
}

/** The contract's order, written as plainly as possible: the oracle of every backend. */
function ordered(dtype: 'float32' | 'float64', call: GemmCall<Arr>): Arr {
  const { a, b, m: M, n: N, k: K } = call;
  const batch = call.batch ?? 1;
  const sa = call.strideA ?? M * K;
  const sb = call.strideB ?? K * N;
  const sc = call.strideC ?? M * N;
  const rd = dtype === 'float32' ? Math.fround : (x: number) => x;
  const c = call.c.slice();
  for (let r = 0; r < batch; r++) {
    const ao = (call.aOffset ?? 0) + r * sa;
    const bo = (call.bOffset ?? 0) + r * sb;
    const co = (call.cOffset ?? 0) + r * sc;
    for (let i = 0; i < M; i++) {
      for (let j = 0; j < N; j++) {
        let s = 0;
        for (let k = 0; k < K; k++) {
          const x = a[ao + (call.transA ? k * M + i : i * K + k)]!;
          const y = b[bo + (call.transB ? j * K + k : k * N + j)]!;
          s = rd(s + rd(x * y));
        }
        if (call.bias) s = rd(s + call.bias[j]!);
        c[co + i * N + j] = s;
      }
    }
  }
  return c;
}

function expectBits(got: Arr, want: Arr, what: string): void {
  expect(got.length).toBe(want.length);
  for (let e = 0; e < want.length; e++) {
    if (!Object.is(got[e], want[e])) expect.fail(`${what}, element ${e}: ${got[e]} vs ${want[e]}`);
  }
}

const wasmBackend = productTestSetup();
const canShare = typeof SharedArrayBuffer === 'function';

/** [name, backend] for every backend under test. */
function allBackends(): [string, KernelBackend][] {
  const list: [string, KernelBackend][] = [['ref', refBackend], ['wasm (ordinary memory)', wasmBackend(false)]];
  if (canShare) list.push(['wasm (shared memory)', wasmBackend(true)]);
  return list;
}

const LAYOUTS: [boolean, boolean][] = [
  [false, false],
  [false, true],
  [true, false],
  [true, true],
];

/** Odd shapes [M, N, K] from the sizes 1, 3, 17, 255, 1025 (kept to a few million multiply-adds). */
const SHAPES: [number, number, number][] = [];
for (const M of [1, 3, 17, 255, 1025]) {
  for (const N of [1, 3, 17, 255, 1025]) {
    for (const K of [1, 3, 17, 255, 1025]) if (M * N * K <= 300_000) SHAPES.push([M, N, K]);
  }
}

describe('gemm: the contract order, bit for bit, on every backend', () => {
  const list = allBackends();

  it(`odd shapes (1, 3, 17, 255, 1025 in every dimension: ${SHAPES.length} shapes), all four layouts, with and without bias`, () => {
    const r = rng(11);
    let cases = 0;
    for (const [M, N, K] of SHAPES) {
      const [tA, tB] = LAYOUTS[cases % 4]!;
      const call = randomCall(r, M, N, K, tA, tB, 1, cases % 3 === 0);
      call.c.fill(Number.NaN);
      const want = ordered('float32', call);
      for (const [name, be] of list) {
        const c = call.c.slice();
        be.gemm('float32', { ...call, c });
        expectBits(c, want, `${name} M=${M} N=${N} K=${K} tA=${tA} tB=${tB}`);
      }
      cases++;
    }
    expect(cases).toBeGreaterThan(60);
  });

  it('the 1025 sizes at the demo depth: [1025, 17]·[17, 255] and [17, 1025]ᵀ·[17, 255] (transposed A), [255, 1025]·[1025, 3]ᵀ', () => {
    const r = rng(12);
    for (const [M, N, K, tA, tB] of [
      [1025, 255, 17, false, false],
      [1025, 255, 17, true, false],
      [255, 3, 1025, false, true],
      [3, 1025, 255, true, true],
    ] as const) {
      const call: GemmCall<Float32Array> = { a: randF32(M * K, r), b: randF32(K * N, r), c: new Float32Array(M * N), m: M, n: N, k: K, transA: tA, transB: tB };
      const want = ordered('float32', call);
      for (const [name, be] of list) {
        const c = new Float32Array(M * N);
        be.gemm('float32', { ...call, c });
        expectBits(c, want, `${name} ${M}×${N}×${K}`);
      }
    }
  });

  it('batches: offsets, strides with gaps (C between the products untouched), broadcast operands (stride 0)', () => {
    const r = rng(13);
    const M = 5;
    const N = 9;
    const K = 7;
    const batch = 4;
    for (const [tA, tB] of LAYOUTS) {
      for (const [strideA, strideB] of [
        [M * K + 3, K * N + 1],
        [0, K * N],
        [M * K, 0],
      ] as const) {
        const call: GemmCall<Float32Array> = {
          a: randF32(2 + (batch - 1) * strideA + M * K, r),
          b: randF32(5 + (batch - 1) * strideB + K * N, r),
          c: new Float32Array(1 + (batch - 1) * (M * N + 4) + M * N).fill(42),
          m: M,
          n: N,
          k: K,
          transA: tA,
          transB: tB,
          aOffset: 2,
          bOffset: 5,
          cOffset: 1,
          batch,
          strideA,
          strideB,
          strideC: M * N + 4,
          bias: randF32(N, r),
        };
        const want = ordered('float32', call);
        expect(want[0]).toBe(42); // the gaps keep their values in the oracle too
        for (const [name, be] of list) {
          const c = call.c.slice();
          be.gemm('float32', { ...call, c });
          expectBits(c, want, `${name} tA=${tA} tB=${tB} strides ${strideA}/${strideB}`);
        }
      }
    }
  });

  it('float64: the same order in float64 (the WebAssembly backend runs the reference for it)', () => {
    const r = rng(14);
    for (const [M, N, K] of [[3, 17, 255], [17, 3, 1], [1, 1025, 3]] as const) {
      for (const [tA, tB] of LAYOUTS) {
        const call: GemmCall<Float64Array> = {
          a: Float64Array.from(randF32(M * K, r), (v) => v / 3),
          b: Float64Array.from(randF32(K * N, r), (v) => v / 7),
          c: new Float64Array(M * N),
          m: M,
          n: N,
          k: K,
          transA: tA,
          transB: tB,
          bias: Float64Array.from(randF32(N, r)),
        };
        const want = ordered('float64', call);
        for (const [name, be] of list) {
          const c = new Float64Array(M * N);
          be.gemm('float64', { ...call, c });
          expectBits(c, want, `${name} float64 ${M}×${N}×${K}`);
        }
      }
    }
  });

  it('property: random shapes, layouts, batches and bias match the oracle (every backend)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (M, N, K, batch, tA, tB, withBias, seed) => {
          const call = randomCall(rng(seed), M, N, K, tA, tB, batch, withBias);
          const want = ordered('float32', call);
          return list.every(([, be]) => {
            const c = new Float32Array(batch * M * N);
            be.gemm('float32', { ...call, c });
            return c.every((v, e) => Object.is(v, want[e]));
          });
        },
      ),
      { seed: 4242, numRuns: 60 },
    );
  });

  it('special values propagate as IEEE float32 (Inf, NaN, overflow, signed zero)', () => {
    const A = Float32Array.from([Infinity, 1, 3e38, 3e38, 0, -0]);
    const B = Float32Array.from([0, 1, 1, 1, 1, 1]);
    const call: GemmCall<Float32Array> = { a: A, b: B, c: new Float32Array(9), m: 3, n: 3, k: 2 };
    const want = ordered('float32', call);
    for (const [name, be] of list) {
      const c = new Float32Array(9);
      be.gemm('float32', { ...call, c });
      expectBits(c, want, name);
      expect(Number.isNaN(c[0])).toBe(true); // Inf·0
      expect(c[4]).toBe(Infinity); // 3e38 + 3e38 overflows in float32
    }
  });

  it('within γ_K·Σ|a·b| of the float64 sum, and really float32 (not a float64 sum rounded once)', () => {
    const r = rng(15);
    let inexact = 0;
    for (const [M, N, K, tA, tB] of [
      [20, 37, 784, false, false], // forward X·W (784 inputs)
      [784, 37, 20, true, false], // dW = Xᵀ·dY
      [20, 256, 10, false, true], // dX = dY·Wᵀ of the 256→10 layer
    ] as const) {
      const A = randF32(M * K, r);
      const B = randF32(K * N, r);
      const C = new Float32Array(M * N);
      wasmBackend(false).gemm('float32', { a: A, b: B, c: C, m: M, n: N, k: K, transA: tA, transB: tB });
      for (let i = 0; i < M; i++) {
        for (let j = 0; j < N; j++) {
          let s = 0;
          let t = 0;
          for (let k = 0; k < K; k++) {
            const p = A[tA ? k * M + i : i * K + k]! * B[tB ? j * K + k : k * N + j]!;
            s += p;
            t += Math.abs(p);
          }
          const err = Math.abs(C[i * N + j]! - s);
          if (err > 0 && C[i * N + j] !== Math.fround(s)) inexact++;
          expect(err).toBeLessThanOrEqual(gamma(K) * t);
        }
      }
    }
    expect(inexact).toBeGreaterThan(100);
  });

  it('empty dimensions: K = 0 writes zeros (plus the bias), M, N or batch = 0 write nothing', () => {
    for (const [name, be] of list) {
      const C = Float32Array.from([5, 5, 5, 5]);
      be.gemm('float32', { a: new Float32Array(0), b: new Float32Array(0), c: C, m: 2, n: 2, k: 0 });
      expect(Array.from(C), name).toEqual([0, 0, 0, 0]);
      be.gemm('float32', { a: new Float32Array(0), b: new Float32Array(0), c: C, m: 2, n: 2, k: 0, bias: Float32Array.from([1, 2]) });
      expect(Array.from(C), name).toEqual([1, 2, 1, 2]);
      const D = Float32Array.from([7]);
      be.gemm('float32', { a: new Float32Array(0), b: new Float32Array(3), c: D, m: 0, n: 3, k: 1 });
      be.gemm('float32', { a: new Float32Array(3), b: new Float32Array(3), c: D, m: 1, n: 1, k: 3, batch: 0 });
      expect(Array.from(D), name).toEqual([7]);
    }
  });

  it('bad calls throw before C is written: short operands, overlap, wrong array types, bad sizes', () => {
    for (const [name, be] of list) {
      const C = new Float32Array(4).fill(3);
      const bad: [GemmCall<Arr>, RegExp][] = [
        [{ a: new Float32Array(5), b: new Float32Array(6), c: C, m: 2, n: 2, k: 3 }, /operand A needs 6 elements .* has 5/],
        [{ a: new Float32Array(6), b: new Float32Array(6), c: C, m: 2, n: 2, k: 3, batch: 2 }, /operand A needs 12/],
        [{ a: new Float32Array(6), b: new Float32Array(6), c: C, m: 2, n: 2, k: 3, bias: new Float32Array(1) }, /bias needs 2/],
        [{ a: new Float64Array(6), b: new Float32Array(6), c: C, m: 2, n: 2, k: 3 }, /must be a Float32Array/],
        [{ a: new Float32Array(6), b: new Float32Array(6), c: C, m: 2.5, n: 2, k: 3 }, /'m' must be a non-negative integer/],
        [{ a: new Float32Array(6), b: new Float32Array(6), c: C.subarray(0, 4), m: 2, n: 1, k: 3, batch: 2, strideA: 0, strideB: 0, strideC: 1 }, /outputs would overlap/],
        [{ a: C.subarray(0, 4), b: new Float32Array(4), c: C, m: 2, n: 2, k: 2 }, /overlaps an input/],
        [{ a: new Float32Array(4), b: new Float32Array(4), c: C.subarray(0, 4), m: 2, n: 2, k: 2, bias: C.subarray(2, 4) }, /overlaps an input/],
      ];
      for (const [call, message] of bad) {
        expect(() => be.gemm('float32', call), name).toThrow(message);
        expect(Array.from(C), name).toEqual([3, 3, 3, 3]);
      }
    }
  });
});

describe('gemm: threads split the output, never a sum', () => {
  it.runIf(canShare && threadsSupported())('1, 2 and 3 threads give the same bits (tiles of rows, of columns, and batches of products)', async () => {
    const be = wasmBackend(true, { initialPages: 64 });
    const r = rng(21);
    const cases: GemmCall<Float32Array>[] = [];
    for (const [M, N, K, batch, tA, tB] of [
      [64, 256, 784, 1, false, false], // columns split (N ≥ M)
      [784, 256, 64, 1, true, false], // rows split
      [255, 17, 1025, 1, false, true],
      [3, 1025, 17, 1, true, true],
      [17, 33, 65, 5, false, false], // batches of products
    ] as const) {
      cases.push(randomCall(r, M, N, K, tA, tB, batch, true));
    }
    const want = cases.map((c) => {
      const out = new Float32Array(c.c.length);
      refBackend.gemm('float32', { ...c, c: out });
      return out;
    });
    configureThreads({ gemmThreshold: 0 });
    for (const threads of [1, 2, 3]) {
      setNumThreads(threads);
      await be.threadsReady();
      const before = be.stats.threadedCalls;
      cases.forEach((call, i) => {
        const c = new Float32Array(call.c.length);
        be.gemm('float32', { ...call, c });
        expectBits(c, want[i]!, `${threads} threads, case ${i}`);
      });
      expect(be.stats.threadedCalls - before).toBe(threads > 1 ? cases.length : 0);
    }
    // below the threshold a product stays on the calling thread
    configureThreads({ gemmThreshold: 64 * 256 * 784 + 1 });
    setNumThreads(2);
    const before = be.stats.threadedCalls;
    const c = new Float32Array(cases[0]!.c.length);
    be.gemm('float32', { ...cases[0]!, c });
    expect(be.stats.threadedCalls).toBe(before);
    expectBits(c, want[0]!, 'below the threshold');
  });

  it('configureThreads rejects a bad gemmThreshold', () => {
    expect(() => configureThreads({ gemmThreshold: -1 })).toThrow(/gemmThreshold must be a non-negative integer/);
    expect(() => configureThreads({ gemmThreshold: 1.5 })).toThrow(/gemmThreshold/);
  });

  it('configureThreads with one bad option applies none of them', () => {
    const before = { ...threadConfig() };
    expect(() => configureThreads({ gemmThreshold: 5, parallelThreshold: 7, chunkElements: 0 })).toThrow(/chunkElements must be a positive integer/);
    expect({ ...threadConfig() }).toEqual(before);
  });
});

describe('gemm: heap use', () => {
  it('heap views are used in place; steady state allocates nothing; the path does not change a bit', () => {
    for (const shared of canShare ? [true, false] : [false]) {
      const be = wasmBackend(shared);
      const r = rng(31);
      const M = 33;
      const N = 19;
      const K = 70;
      const A = randF32(M * K, r);
      const B = randF32(K * N, r);
      const hA = be.heap.alloc('float32', M * K);
      const hB = be.heap.alloc('float32', K * N);
      const hC = be.heap.alloc('float32', M * N);
      hA.array().set(A);
      hB.array().set(B);
      const copied = new Float32Array(M * N);
      be.gemm('float32', { a: A, b: B, c: copied, m: M, n: N, k: K });
      const z0 = be.stats.gemmZeroCopy;
      be.gemm('float32', { a: hA.array(), b: hB.array(), c: hC.array(), m: M, n: N, k: K });
      expect(be.stats.gemmZeroCopy - z0).toBe(3);
      expectBits(hC.array(), copied, 'in place vs copied');
      // a transposed B in the heap is packed by the module: same bits
      const hBt = be.heap.alloc('float32', K * N);
      const Bt = new Float32Array(K * N);
      for (let k = 0; k < K; k++) for (let j = 0; j < N; j++) Bt[j * K + k] = B[k * N + j]!;
      hBt.array().set(Bt);
      const viaT = new Float32Array(M * N);
      be.gemm('float32', { a: A, b: hBt.array(), c: viaT, m: M, n: N, k: K, transB: true });
      expectBits(viaT, copied, 'B packed from the heap');
      // steady state: after one round (which may grow the scratch for a new layout: a transposed
      // B from outside the heap is copied in before the module transposes it), the same calls,
      // copied or in place, allocate no heap block
      const round = (): void => {
        be.gemm('float32', { a: A, b: B, c: copied, m: M, n: N, k: K });
        be.gemm('float32', { a: A, b: B, c: copied, m: M, n: N, k: K, transA: true, transB: true });
        be.gemm('float32', { a: hA.array(), b: hB.array(), c: hC.array(), m: M, n: N, k: K });
        be.gemm('float32', { a: A, b: B, c: copied, m: 3, n: N, k: K });
      };
      round();
      const before = { ...be.heap.stats };
      const calls = be.stats.gemmCalls;
      for (let i = 0; i < 5; i++) round();
      expect(be.stats.gemmCalls - calls).toBe(20);
      expect(be.heap.stats.allocations).toBe(before.allocations);
      expect(be.heap.stats.grows).toBe(before.grows);
      for (const h of [hA, hB, hC, hBt]) h.dispose();
    }
  });

  it('heap operands stay right when the call itself grows an ordinary memory (their views detach mid-call)', () => {
    const r = rng(33);
    for (const [tA, tB] of LAYOUTS) {
      const be = wasmBackend(false, { initialPages: 1, maximumPages: 64 });
      const M = 400; // A from JavaScript: 400·56 floats (88 KiB) of scratch, more than the first page holds
      const N = 24;
      const K = 56;
      const hB = be.heap.alloc('float32', K * N);
      hB.array().set(randF32(K * N, r));
      const A = randF32(M * K, r);
      const want = new Float32Array(M * N);
      refBackend.gemm('float32', { a: A, b: hB.array().slice(), c: want, m: M, n: N, k: K, transA: tA, transB: tB });
      const grows = be.heap.stats.grows;
      const c = new Float32Array(M * N);
      be.gemm('float32', { a: A, b: hB.array(), c, m: M, n: N, k: K, transA: tA, transB: tB });
      expect(be.heap.stats.grows, 'the call grew the memory').toBeGreaterThan(grows);
      expectBits(c, want, `tA=${tA} tB=${tB}`);
      hB.dispose();
    }
    // a heap C with gaps between its products is written back by offset after the growth
    const be = wasmBackend(false, { initialPages: 1, maximumPages: 64 });
    const M = 300;
    const N = 8;
    const K = 60;
    const call: GemmCall<Float32Array> = { a: randF32(2 * M * K, r), b: randF32(2 * K * N, r), c: new Float32Array(2 * M * N + 5).fill(7), m: M, n: N, k: K, batch: 2, strideC: M * N + 5 };
    const want = ordered('float32', call);
    const hC = be.heap.alloc('float32', 2 * M * N + 5);
    hC.array().fill(7);
    const grows = be.heap.stats.grows;
    be.gemm('float32', { ...call, c: hC.array() });
    expect(be.heap.stats.grows, 'the call grew the memory').toBeGreaterThan(grows);
    expectBits(hC.array(), want, 'gapped heap C');
    hC.dispose();
  });

  it('runs the reference loops (same bits, counted) when the heap cannot hold the scratch space', () => {
    const be = wasmBackend(false, { initialPages: 1, maximumPages: 1 });
    const r = rng(32);
    const call: GemmCall<Float32Array> = { a: randF32(128 * 128, r), b: randF32(128 * 128, r), c: new Float32Array(128 * 128), m: 128, n: 128, k: 128 };
    const lines: string[] = [];
    const prev = setLogSink((line) => lines.push(line));
    try {
      be.gemm('float32', call); // 3 × 64 KiB of scratch > the 64 KiB heap
      be.gemm('float32', call);
    } finally {
      setLogSink(prev);
    }
    expect(be.stats.refFallbacks).toBe(2);
    // said once, with the reason and what to do
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/kernel heap reached its limit .*TypeScript reference loops .*dispose\(\)/);
    expect(be.stats.gemmCalls).toBe(0);
    const want = new Float32Array(128 * 128);
    refBackend.gemm('float32', { ...call, c: want });
    expectBits(call.c, want, 'fallback');
    expect(be.heap.lastFallbackReason).toMatch(/kernel heap reached its limit/);
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


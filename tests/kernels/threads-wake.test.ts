/**
 * `ThreadPool.wake()`: the matrix product wakes sleeping workers before it prepares its operands
 * (an empty job: nothing to claim). Wakes between, before and around jobs change no result, claim
 * no chunk, count no job, and the next job still runs on the workers.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { configureThreads, createWasmBackend, getNumThreads, refBackend, setNumThreads, threadsSupported } from '../../src/kernels/index.js';
import { threadConfig } from '../../src/kernels/wasm/threads.js';
import { rng } from './helpers.js';

const threadsAtStart = getNumThreads();
const defaults = { ...threadConfig() };
const wasm = createWasmBackend({ shared: true });
afterEach(() => configureThreads(defaults));
afterAll(async () => {
  setNumThreads(threadsAtStart);
  await wasm.dispose();
});

/** Two threads, every product split across them; returns the backend's pool (wake() is internal). */
async function twoThreads(): Promise<{ wake(): void }> {
  setNumThreads(2);
  await wasm.threadsReady();
  configureThreads({ gemmThreshold: 0 });
  return (wasm as unknown as { ensurePool(): { wake(): void } }).ensurePool();
}

/** Seeded operands of an m×k by k×n product, the reference kernel's result, and the generator. */
function product(seed: number, m: number, n: number, k: number): { r: () => number; a: Float32Array; b: Float32Array; want: Float32Array } {
  const r = rng(seed);
  const a = Float32Array.from({ length: m * k }, () => Math.fround(r() - 0.5));
  const b = Float32Array.from({ length: k * n }, () => Math.fround(r() - 0.5));
  const want = new Float32Array(m * n);
  refBackend.gemm('float32', { a, b, c: want, m, n, k });
  return { r, a, b, want };
}

describe.skipIf(!threadsSupported())('threads: wake() ahead of a job', () => {
  it('empty wakes claim nothing and count no job; products after them are the reference bits, on the workers too', async () => {
    const pool = await twoThreads();
    const [M, N, K] = [48, 64, 96];
    const { a, b, want } = product(5, M, N, K);
    const before = wasm.poolStats();
    for (let i = 0; i < 50; i++) pool.wake();
    await new Promise((done) => setTimeout(done, 5)); // let the workers see them all
    const after = wasm.poolStats();
    expect(after?.workerChunks).toBe(before?.workerChunks);
    expect(after?.jobs).toBe(before?.jobs);
    let workerChunks = after?.workerChunks ?? 0;
    let ran = false;
    for (let i = 0; i < 200 && !ran; i++) {
      pool.wake();
      const c = new Float32Array(M * N);
      wasm.gemm('float32', { a, b, c, m: M, n: N, k: K });
      expect(Array.from(c)).toEqual(Array.from(want));
      ran = (wasm.poolStats()?.workerChunks ?? 0) > workerChunks;
      workerChunks = wasm.poolStats()?.workerChunks ?? 0;
    }
    expect(ran).toBe(true);
  });
});

describe.skipIf(!threadsSupported())('threads: wake() right before a job (a worker that sees the wake late)', () => {
  it('thousands of wake-then-job pairs: no chunk claimed under the wake, every job whole', async () => {
    const pool = await twoThreads();
    const [M, N, K] = [16, 64, 24];
    const { r, a, b, want } = product(9, M, N, K);
    // a step's state too: an update applied twice (a chunk claimed twice) would show
    const n = 20_000;
    const p = wasm.heap.alloc('float32', n);
    const g = wasm.heap.alloc('float32', n);
    const ms = wasm.heap.alloc('float32', n);
    const mom = wasm.heap.alloc('float32', n);
    const mg = wasm.heap.alloc('float32', n);
    const mgr = new Float32Array(n);
    const pr = new Float32Array(n).fill(1);
    const gr = Float32Array.from({ length: n }, () => Math.fround(r() - 0.5));
    (p.array() as Float32Array).set(pr);
    (g.array() as Float32Array).set(gr);
    const msr = new Float32Array(n);
    const momr = new Float32Array(n);
    configureThreads({ parallelThreshold: 0, chunkElements: 1024 });
    const hyper = { rho: 0.9, epsilon: 1e-6, momentum: 0.5, centered: false };
    let bad = 0;
    for (let i = 0; i < 3000 && bad === 0; i++) {
      pool.wake();
      const c = new Float32Array(M * N).fill(NaN);
      wasm.gemm('float32', { a, b, c, m: M, n: N, k: K });
      for (let e = 0; e < c.length; e++) if (!Object.is(c[e], want[e])) bad++;
      if (i % 10 === 0) {
        pool.wake();
        wasm.rmspropStep('float32', [{ param: p.array() as Float32Array, grad: g.array() as Float32Array, meanSquare: ms.array() as Float32Array, moment: mom.array() as Float32Array, meanGrad: mg.array() as Float32Array, lr: 0.01 }], hyper);
        refBackend.rmspropStep('float32', [{ param: pr, grad: gr, meanSquare: msr, moment: momr, meanGrad: mgr, lr: 0.01 }], hyper);
      }
    }
    expect(bad).toBe(0);
    expect(Array.from(p.array())).toEqual(Array.from(pr));
    for (const s of [p, g, ms, mom, mg]) s.dispose();
  });
});

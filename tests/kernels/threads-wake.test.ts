/**
 * `ThreadPool.wake()`: the matrix product wakes sleeping workers before it prepares its operands
 * (an empty job: nothing to claim). Wakes between, before and around jobs change no result, claim
 * no chunk, count no job, and the next job still runs on the workers.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { configureThreads, createWasmBackend, getNumThreads, refBackend, setNumThreads, threadsSupported } from '../../src/kernels/index.js';
import { threadConfig } from '../../src/kernels/wasm/threads.js';
import { rng } from './helpers.js';

const threadsAtStart = getNumThreads();
const gemmThreshold = threadConfig().gemmThreshold;
const wasm = createWasmBackend({ shared: true });
afterAll(async () => {
  configureThreads({ gemmThreshold });
  setNumThreads(threadsAtStart);
  await wasm.dispose();
});

describe.skipIf(!threadsSupported())('threads: wake() ahead of a job', () => {
  it('empty wakes claim nothing and count no job; products after them are the reference bits, on the workers too', async () => {
    setNumThreads(2);
    await wasm.threadsReady();
    configureThreads({ gemmThreshold: 0 });
    const r = rng(5);
    const [M, N, K] = [48, 64, 96];
    const a = Float32Array.from({ length: M * K }, () => Math.fround(r() - 0.5));
    const b = Float32Array.from({ length: K * N }, () => Math.fround(r() - 0.5));
    const want = new Float32Array(M * N);
    refBackend.gemm('float32', { a, b, c: want, m: M, n: N, k: K });
    const pool = (wasm as unknown as { ensurePool(): { wake(): void } }).ensurePool();
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

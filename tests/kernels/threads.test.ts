/**
 * Worker threads: results identical to one thread (and to the reference), work really shared,
 * configuration, shutdown, and workers that never keep the process alive.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ValueError } from '../../src/errors.js';
import {
  configureThreads,
  createWasmBackend,
  getNumThreads,
  refBackend,
  setNumThreads,
  shutdownThreads,
  threadsSupported,
  type KernelDType,
  type RmspropHyper,
} from '../../src/kernels/index.js';
import { availableParallelism, threadConfig } from '../../src/kernels/wasm/threads.js';
import { cloneSlot, expectSameSlot, fillMixed, heapSlot, randomState, rng, type FloatArray, type SlotInit } from './helpers.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const initialThreads = getNumThreads(); // before anything in this process configured it
setNumThreads(2); // the tests below assume two threads (the CI machine has two cores)
const wasm = createWasmBackend({ shared: true });
const defaults = { ...threadConfig() };

afterEach(() => {
  configureThreads({ parallelThreshold: defaults.parallelThreshold, chunkElements: defaults.chunkElements });
  setNumThreads(2);
});
afterAll(() => wasm.dispose());

/** Runs `steps` steps with `threads` threads on heap copies of `inits`; returns the final state. */
function runWith(threads: number, dtype: KernelDType, inits: SlotInit[], hyper: RmspropHyper, steps: number): SlotInit[] {
  setNumThreads(threads);
  const state = inits.map((i) => heapSlot(wasm.heap, dtype, i));
  const next = rng(77);
  for (let s = 0; s < steps; s++) {
    for (const st of state) fillMixed(st.grad, next);
    wasm.rmspropStep(
      dtype,
      state.map((st, k) => ({ ...st, lr: 0.01, ...(k % 2 === 0 ? { clipMin: -1, clipMax: 1 } : { decay: { kind: 'l2' as const, coeff: 0.01 } }) })),
      hyper,
    );
  }
  return state;
}

describe.skipIf(!threadsSupported())('threads', () => {
  it('defaults to os.availableParallelism() threads', () => {
    expect(initialThreads).toBe(availableParallelism());
    expect(availableParallelism()).toBeGreaterThanOrEqual(1);
  });

  it('2 million elements: two threads give exactly the one-thread result, and workers took part', async () => {
    setNumThreads(2);
    await wasm.threadsReady();
    const hyper = { rho: 0.95, epsilon: 1e-6, momentum: 0.9, centered: true };
    for (const dtype of ['float32', 'float64'] as const) {
      const inits = [randomState(dtype, 1_500_001, 1), randomState(dtype, 500_003, 2)];
      const before = wasm.poolStats()?.workerChunks ?? 0;
      const threaded = wasm.stats.threadedCalls;
      const two = runWith(2, dtype, inits, hyper, 7);
      expect(wasm.stats.threadedCalls - threaded).toBe(7);
      const one = runWith(1, dtype, inits, hyper, 7);
      expect(wasm.stats.threadedCalls - threaded).toBe(7); // one thread: not split
      for (let k = 0; k < inits.length; k++) expectSameSlot(two[k]!, one[k]!, `${dtype} slot ${k}`);
      // workers normally take chunks in every step; on a very busy machine they may lose the
      // race for a while, so give them more steps before concluding they never work
      setNumThreads(2);
      const state = inits.map((i) => heapSlot(wasm.heap, dtype, i));
      for (let s = 0; s < 200 && (wasm.poolStats()?.workerChunks ?? 0) === before; s++) {
        wasm.rmspropStep(dtype, state.map((st) => ({ ...st, lr: 0.01 })), hyper);
      }
      expect(wasm.poolStats()!.workerChunks).toBeGreaterThan(before);
    }
  });

  it('tiny chunks across slot boundaries: identical to the reference', async () => {
    configureThreads({ parallelThreshold: 0, chunkElements: 16 });
    setNumThreads(2);
    await wasm.threadsReady();
    const lengths = [0, 1, 3, 4, 5, 7, 8, 15, 16, 17, 1023, 1024, 1025, 33, 2, 0, 64];
    for (const dtype of ['float32', 'float64'] as const) {
      for (const centered of [false, true]) {
        const hyper = { rho: 0.9, epsilon: 1e-7, momentum: 0.5, centered };
        const inits = lengths.map((n, k) => randomState(dtype, n, 100 + k));
        const refState = inits.map(cloneSlot);
        const state = inits.map((i) => heapSlot(wasm.heap, dtype, i));
        const next = rng(5);
        for (let s = 0; s < 7; s++) {
          for (let k = 0; k < state.length; k++) {
            fillMixed(refState[k]!.grad, next);
            state[k]!.grad.set(refState[k]!.grad);
          }
          refBackend.rmspropStep(dtype, refState.map((st) => ({ ...st, lr: 0.02, gradScale: 0.5 })), hyper);
          wasm.rmspropStep(dtype, state.map((st) => ({ ...st, lr: 0.02, gradScale: 0.5 })), hyper);
        }
        for (let k = 0; k < state.length; k++) expectSameSlot(state[k]!, refState[k]!, `${dtype} centered=${centered} slot ${k}`);
      }
    }
  });

  it('sum of squares over threads equals the one-thread and reference sums', () => {
    configureThreads({ parallelThreshold: 0 });
    const next = rng(9);
    for (const dtype of ['float32', 'float64'] as const) {
      const arrays = [300_001, 5, 65_536, 131_075].map((n) => {
        const a = wasm.heap.alloc(dtype, n).array() as FloatArray;
        fillMixed(a, next);
        return a;
      });
      setNumThreads(2);
      const two = wasm.sumSquares(dtype, arrays);
      setNumThreads(1);
      const one = wasm.sumSquares(dtype, arrays);
      expect(Object.is(two, one)).toBe(true);
      expect(Object.is(two, refBackend.sumSquares(dtype, arrays))).toBe(true);
    }
  });

  it('setNumThreads validates; 1 thread means not split; the name says which', () => {
    expect(() => setNumThreads(0)).toThrow(ValueError);
    expect(() => setNumThreads(1.5)).toThrow(/integer in \[1, 256\].*1\.5/);
    setNumThreads(1);
    expect(getNumThreads()).toBe(1);
    expect(wasm.name).toBe('wasm-simd');
    setNumThreads(2);
    expect(wasm.name).toBe('wasm-simd-threads');
  });

  it('shutdownThreads stops the workers; a later large step still computes correctly', async () => {
    setNumThreads(2);
    await wasm.threadsReady();
    await shutdownThreads();
    const dtype = 'float32';
    const init = randomState(dtype, 400_000, 3);
    const ref = cloneSlot(init);
    const st = heapSlot(wasm.heap, dtype, init);
    const hyper = { rho: 0.95, epsilon: 1e-6, momentum: 0, centered: false };
    wasm.rmspropStep(dtype, [{ ...st, lr: 0.01 }], hyper);
    refBackend.rmspropStep(dtype, [{ ...ref, lr: 0.01 }], hyper);
    expectSameSlot(st, ref, 'after shutdown');
  });

  it('workers never keep the process alive', () => {
    // a child process that runs threaded steps and then simply ends, without shutdownThreads()
    const script = `
      import { createWasmBackend } from './src/kernels/index.ts';
      const b = createWasmBackend({ shared: true });
      const n = 600000;
      const a = () => b.heap.alloc('float32', n).array();
      const slot = { param: a(), grad: a(), meanSquare: a(), moment: a(), meanGrad: a(), lr: 0.01 };
      slot.grad.fill(1);
      await b.threadsReady();
      for (let i = 0; i < 5; i++) b.rmspropStep('float32', [slot], { rho: 0.9, epsilon: 1e-6, momentum: 0.9, centered: false });
      process.stdout.write(String(b.stats.threadedCalls) + ' ' + String(b.poolStats().ready));
    `;
    const started = Date.now();
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.error, r.stderr).toBeUndefined();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('5 1');
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});

/**
 * Worker threads that die or fail to start: the pool notices (PoolStats, one log line each), does
 * not restart them in a loop, and steps keep giving the reference's bits on the threads that remain
 * (or on the calling thread alone). A worker dying mid-chunk stalls the job into a RuntimeError.
 *
 * The deaths are real: a worker terminated behind the pool's back (`terminateWorkerForTest`), and
 * workers running a replaced source that crashes after reporting ready, throws before it, or exits
 * in the middle of a chunk (`ThreadPool.workerSource`).
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RuntimeError } from '../../src/errors.js';
import {
  configureThreads,
  createWasmBackend,
  refBackend,
  setNumThreads,
  threadsSupported,
  type RmspropHyper,
  type WasmBackend,
} from '../../src/kernels/index.js';
import { threadConfig, threadPoolsForTest, WORKER_SOURCE, type ThreadPool } from '../../src/kernels/wasm/threads.js';
import { setLogSink, type LogSink } from '../../src/log.js';
import { cloneSlot, expectSameSlot, fillMixed, heapSlot, randomState, rng, type SlotInit } from './helpers.js';

const defaults = { ...threadConfig() };
let wasm: WasmBackend;
let lines: string[];
let previousSink: LogSink;

beforeEach(() => {
  configureThreads({ parallelThreshold: 0, chunkElements: 16 }); // every step split, many chunks
  wasm = createWasmBackend({ shared: true });
  lines = [];
  previousSink = setLogSink((line) => lines.push(line));
});

afterEach(async () => {
  await wasm.dispose(); // stops this backend's workers (whatever source they run)
  setLogSink(previousSink);
  configureThreads({ parallelThreshold: defaults.parallelThreshold, chunkElements: defaults.chunkElements });
});

afterAll(() => setNumThreads(2));

/** Starts `threads - 1` workers (running `source` if given) on this test's backend; returns its pool. */
async function startPool(threads: number, source?: string): Promise<ThreadPool> {
  setNumThreads(threads);
  await wasm.threadsReady();
  const pools = threadPoolsForTest();
  expect(pools.length).toBe(1); // this file's only backend
  const pool = pools[0]!;
  if (source !== undefined) {
    await pool.shutdown(); // the pool's own stop: not a death
    pool.workerSource = source;
    setNumThreads(threads);
    await wasm.threadsReady();
  }
  return pool;
}

/** Waits (a few ms at a time, at most 5 s) until `cond()` holds. */
async function until(cond: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 5000;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * Several threaded steps (both dtypes, plain and centered, clipping and decay) and sums of squares
 * on the wasm backend, each compared bit for bit with the reference kernels.
 */
function expectStepsMatchReference(label: string): void {
  const lengths = [40_003, 17, 1024, 9_999];
  const threadedBefore = wasm.stats.threadedCalls;
  let calls = 0;
  for (const dtype of ['float32', 'float64'] as const) {
    for (const centered of [false, true]) {
      const hyper: RmspropHyper = { rho: 0.95, epsilon: 1e-6, momentum: 0.9, centered };
      const inits = lengths.map((n, k) => randomState(dtype, n, 300 + k));
      const refState = inits.map(cloneSlot);
      const state = inits.map((i) => heapSlot(wasm.heap, dtype, i));
      const next = rng(11);
      const slots = (sts: SlotInit[]) =>
        sts.map((st, k) => ({
          ...st,
          lr: 0.01,
          ...(k % 2 === 0 ? { clipMin: -1, clipMax: 1 } : { decay: { kind: 'l2' as const, coeff: 0.01 } }),
        }));
      for (let s = 0; s < 4; s++) {
        for (let k = 0; k < state.length; k++) {
          fillMixed(refState[k]!.grad, next);
          state[k]!.grad.set(refState[k]!.grad);
        }
        refBackend.rmspropStep(dtype, slots(refState), hyper);
        wasm.rmspropStep(dtype, slots(state), hyper);
        calls++;
      }
      for (let k = 0; k < state.length; k++) expectSameSlot(state[k]!, refState[k]!, `${label}: ${dtype} centered=${centered} slot ${k}`);
      const params = state.map((st) => st.param);
      expect(Object.is(wasm.sumSquares(dtype, params), refBackend.sumSquares(dtype, params)), `${label}: ${dtype} sumSquares`).toBe(true);
      calls++;
    }
  }
  expect(wasm.stats.threadedCalls - threadedBefore, `${label}: every call went through the pool`).toBe(calls);
}

/** A worker that reports ready and then crashes with an uncaught error. */
const CRASH_AFTER_READY = `
const { parentPort } = typeof require === 'function'
  ? require('node:worker_threads')
  : process.getBuiltinModule('node:worker_threads');
parentPort.postMessage({ ready: true });
setTimeout(() => { throw new Error('injected crash after ready'); }, 30);
`;

/** A worker whose start fails (it throws before reporting ready). */
const THROW_AT_START = `throw new Error('injected start failure');`;

describe.skipIf(!threadsSupported())('threads: workers that die or fail to start', () => {
  it('a ready worker terminated behind the pool\'s back: counted, logged once, not restarted; steps give the reference bits', async () => {
    const pool = await startPool(3);
    expect(pool.stats()).toMatchObject({ alive: 2, ready: 2, died: 0, startFailures: 0, startFailed: false });

    await pool.terminateWorkerForTest(0);
    await until(() => pool.stats().died === 1, 'the death to be seen');
    const after = pool.stats();
    expect(after).toMatchObject({ alive: 1, ready: 1, died: 1, startFailures: 0, startFailed: false });
    expect(after.lastError).toBe('exit code 1');
    expect(wasm.poolStats()).toEqual(after); // what kernelInfo() reports as `pool`
    expect(lines).toEqual([
      'paddle-rmsprop: a kernel worker thread exited (code 1); large steps continue on 2 threads; it is not replaced until setNumThreads() is called.',
    ]);
    expect(await wasm.threadsReady()).toBe(1);

    expectStepsMatchReference('one of two workers dead');
    // the remaining worker still takes chunks (given enough of them; it may lose races for a while)
    const chunksBefore = pool.stats().workerChunks;
    const big = heapSlot(wasm.heap, 'float32', randomState('float32', 200_000, 9));
    for (let s = 0; s < 200 && pool.stats().workerChunks === chunksBefore; s++) {
      wasm.rmspropStep('float32', [{ ...big, lr: 0.01 }], { rho: 0.9, epsilon: 1e-6, momentum: 0, centered: false });
    }
    expect(pool.stats().workerChunks).toBeGreaterThan(chunksBefore);

    // steps did not bring it back, nor log anything more
    expect(pool.stats()).toMatchObject({ alive: 1, died: 1 });
    expect(lines.length).toBe(1);

    // setNumThreads replaces it
    setNumThreads(3);
    expect(await wasm.threadsReady()).toBe(2);
    expect(pool.stats()).toMatchObject({ alive: 2, ready: 2, died: 1 });
    expectStepsMatchReference('replaced');
  });

  it('the last worker dies: steps run on the calling thread alone, with the same bits', async () => {
    const pool = await startPool(2);
    await pool.terminateWorkerForTest(0);
    await until(() => pool.stats().died === 1, 'the death to be seen');
    expect(pool.stats()).toMatchObject({ alive: 0, ready: 0, died: 1 });
    expect(lines).toEqual([
      'paddle-rmsprop: a kernel worker thread exited (code 1); large steps continue on 1 thread; it is not replaced until setNumThreads() is called.',
    ]);
    const chunks = pool.stats().workerChunks;
    expectStepsMatchReference('no worker left');
    expect(pool.stats()).toMatchObject({ alive: 0, died: 1, workerChunks: chunks });
    expect(lines.length).toBe(1);
  });

  it('a worker that crashes by itself after ready: its error is kept and logged once (not again at its exit)', async () => {
    const pool = await startPool(2, CRASH_AFTER_READY);
    await until(() => pool.stats().died === 1, 'the crash to be seen');
    await new Promise((r) => setTimeout(r, 100)); // its 'exit' event follows the 'error' one
    const st = pool.stats();
    expect(st).toMatchObject({ alive: 0, ready: 0, died: 1, startFailures: 0, startFailed: false });
    expect(st.lastError).toContain('Error: injected crash after ready'); // with its stack
    expect(lines).toEqual([
      'paddle-rmsprop: a kernel worker thread failed (Error: injected crash after ready); large steps continue on 1 thread; it is not replaced until setNumThreads() is called.',
    ]);
    expectStepsMatchReference('after a crash');
    expect(pool.stats()).toMatchObject({ alive: 0, died: 1 }); // not restarted by the steps
    expect(lines.length).toBe(1);
  });

  it('a worker that fails to start: startFailures and startFailed, ready() resolves, no retry loop, steps single-threaded and exact', async () => {
    const pool = await startPool(2, THROW_AT_START); // resolves: the failed worker left the pool
    const st = pool.stats();
    expect(st).toMatchObject({ alive: 0, ready: 0, died: 0, startFailures: 1, startFailed: true });
    expect(st.lastError).toContain('Error: injected start failure');
    expect(lines).toEqual([
      'paddle-rmsprop: a kernel worker thread failed to start (Error: injected start failure); large steps continue on 1 thread; no more are started until setNumThreads() is called.',
    ]);
    expect(await wasm.threadsReady()).toBe(0);

    expectStepsMatchReference('start failed');
    await new Promise((r) => setTimeout(r, 50)); // a retried worker would have failed by now
    expect(pool.stats()).toMatchObject({ alive: 0, startFailures: 1, startFailed: true, workerChunks: 0 });
    expect(lines.length).toBe(1);

    // setNumThreads tries again (here with the real source, which works)
    pool.workerSource = WORKER_SOURCE;
    setNumThreads(2);
    expect(await wasm.threadsReady()).toBe(1);
    expect(pool.stats()).toMatchObject({ alive: 1, ready: 1, startFailures: 1, startFailed: false });
  });

  it('a worker that dies in the middle of a chunk: the job stalls into a RuntimeError that says so; later steps are exact', async () => {
    const marker = 'const idx = v & 0xffff;';
    expect(WORKER_SOURCE).toContain(marker);
    const pool = await startPool(2, WORKER_SOURCE.replace(marker, `${marker} process.exit(7);`));
    expect(pool.stats()).toMatchObject({ alive: 1, ready: 1 });
    pool.stallMs = 200;

    // the worker dies in the first chunk it claims; it may take a few jobs before it wins one
    const st = heapSlot(wasm.heap, 'float32', randomState('float32', 200_000, 5));
    let error: unknown;
    const started = Date.now();
    for (let s = 0; s < 100 && error === undefined; s++) {
      try {
        wasm.rmspropStep('float32', [{ ...st, lr: 0.01 }], { rho: 0.9, epsilon: 1e-6, momentum: 0.9, centered: false });
      } catch (e) {
        error = e;
      }
    }
    expect(error).toBeInstanceOf(RuntimeError);
    expect((error as Error).message).toMatch(
      /^A kernel worker thread stopped in the middle of a step: 1 of 12500 chunks were unfinished after 0\.2 s without progress \(the worker probably died or hung mid-chunk\)\. The step was only partly applied; the worker threads were shut down/,
    );
    expect(Date.now() - started).toBeLessThan(3000);
    expect(pool.stats()).toMatchObject({ alive: 0, ready: 0 });
    expect(pool.stats().lastError).toMatch(/^a job stalled: 1 of 12500 chunks/);

    await new Promise((r) => setTimeout(r, 50)); // the dead worker's exit event: already shut down, ignored
    expectStepsMatchReference('after a stall');
    expect(pool.stats()).toMatchObject({ alive: 0 }); // held until setNumThreads
    expect(lines).toEqual([]);
  });
});

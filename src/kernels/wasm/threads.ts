/**
 * Worker threads for the WebAssembly kernels: Node's worker_threads, or Web Workers on a
 * cross-origin isolated browser page (or in a worker of one); elsewhere everything runs on the
 * calling thread, and `setNumThreads` (kernels/index.ts) says why.
 *
 * Browsers. A Web Worker is started from a Blob URL of `BROWSER_WORKER_SOURCE` (a classic
 * worker; no separate file, so bundlers have nothing to resolve or copy), and receives the
 * compiled module, the shared WebAssembly.Memory and the control offset in its first message.
 * Workers start asynchronously: until one has instantiated the kernels and waits for jobs, it
 * claims nothing, so a step taken before then runs on the calling thread alone (same bits) and
 * never waits for it. A page's main thread may not block in `Atomics.wait`: there the caller
 * claims chunks like a worker and then spins on the DONE counter for the chunks workers already
 * claimed (a short tail; never for a worker that has not started). `callerCanBlock()` probes
 * this once. A worker that cannot start (a Content-Security-Policy refusing blob: workers)
 * fires `'error'` and is handled like a Node worker that failed to start. Web Workers have no
 * `'exit'` event and are never `unref`'d (a page does not exit).
 *
 * Each worker instantiates the same compiled module over the same shared memory. A job (one fused
 * step, one sum of squares, or one matrix product cut into output tiles) is cut into chunks of elements (multiples of 16, i.e. whole SIMD
 * vectors and 64-byte lines); the caller publishes the job in a control block at the bottom of the
 * heap, wakes the workers, claims chunks itself, and waits with `Atomics.wait` until every chunk is
 * done (or, on a page's main thread, spins: see Browsers). Chunks are claimed dynamically, so a worker that is slow to start or descheduled on a
 * busy machine only does less; every element's result is the same whoever computes it, so the
 * numbers do not depend on the number of threads.
 *
 * Claiming: the word NEXT holds (job tag << 16) | next chunk index, and a chunk is claimed with a
 * compare-exchange that only succeeds for the current job's tag, so a worker that wakes late for
 * an old job can never take part of a new one with stale parameters. A finished job (and the empty
 * job of `wake()`) leaves NEXT at its tag with index 0xffff, at least any chunk count: a worker
 * that read an old GEN and then the next job's fields (written before that job's NEXT) finds
 * nothing to claim under the old tag. (Left at the old job's last index, it could claim chunks of
 * a next job with more chunks under the old tag: a chunk done twice, DONE miscounted.)
 *
 * Workers are `unref`'d (they never keep the process alive) and can be stopped with
 * `shutdownThreads()`; a later large step starts them again.
 *
 * Workers that die. The pool listens to each worker's `'error'` and `'exit'` events. A worker that
 * goes away while it is in the pool (not terminated by the pool itself in `resize` or `shutdown`)
 * is removed from it at once, counted in `PoolStats` (`startFailures` if it had not yet reported
 * ready, `died` otherwise; `alive` is what is left), its reason (the error, or the exit code) is
 * kept in `lastError`, and one line goes to the library's log sink. Waiters of `ready()` still
 * resolve. Nothing else has to change for steps: the calling thread claims chunks like any worker,
 * so a job completes, with the same bits, on whatever workers remain, or on the caller alone; a
 * dead worker never claims a chunk, and `run()` only ever waits for chunks that were claimed.
 *
 * The rule that keeps a failing worker from being restarted in a loop: after any unexpected loss
 * (a worker that failed to start, a worker that died after being ready, or a stalled job, below),
 * the pool starts no more workers (`resize` only shrinks) until `setNumThreads()` is called
 * again, which is the one place a lost worker is replaced. `shutdownThreads()` does not lift this.
 *
 * A worker that dies in the middle of a chunk cannot be detected while the job runs: the calling
 * thread is blocked in `Atomics.wait` and no events are delivered to it. That chunk never
 * completes, so the job stalls; after STALL_MS (30 s) without progress `run()` shuts the
 * workers down and throws a `RuntimeError` that says so. The step's parameters are then partly
 * updated. Later steps run on the calling thread alone until `setNumThreads()` is called.
 *
 * For tests only (not re-exported by the kernels index): `threadPoolsForTest()`,
 * `ThreadPool.terminateWorkerForTest()` (an unexpected death), and the pool's `workerSource` and
 * `stallMs` fields (a worker that crashes, fails to start, or dies mid-chunk; a short stall).
 */
import { RuntimeError, ValueError } from '../../errors.js';
import { log } from '../../log.js';
import { CONTROL_OFFSET } from './heap.js';
import type { KernelExports } from './module.js';

// ---- control block: Int32 words at CONTROL_OFFSET, f64 hyper-parameters at CONTROL_OFFSET + 64
const GEN = 0;
const CMD = 1;
const TABLE = 2;
const COUNT = 3;
const TOTAL = 4;
const CHUNK = 5;
const NCHUNKS = 6;
const NEXT = 7;
const DONE = 8;
const ERR = 9;
const WORKER_CHUNKS = 10;
const OUT = 11;
const CENTERED = 12;
const READY = 13;
const EXIT = 14;
const CONTROL_INTS = 16;
const HYPER_OFFSET = 64; // bytes after CONTROL_OFFSET: rho, eps, mu and (variants) 1 − rho as f64
export const CONTROL_BYTES = HYPER_OFFSET + 4 * 8;

export const CMD_RMSPROP_F32 = 1;
export const CMD_RMSPROP_F64 = 2;
export const CMD_SUMSQ_F32 = 3;
export const CMD_SUMSQ_F64 = 4;
/** A matrix product: TABLE is its descriptor, TOTAL its output tiles (assembly/gemm.ts). */
export const CMD_GEMM_F32 = 5;
/** A framework's RMSProp variant: CENTERED holds the mode word, the fourth f64 is 1 − rho. */
export const CMD_RMSPROP_VAR_F32 = 6;
export const CMD_RMSPROP_VAR_F64 = 7;

const TAG_MASK = 0x7fff;
const MAX_CHUNKS = 0xffff;
/** A NEXT index no job reaches (counts are at most MAX_CHUNKS): nothing left to claim. */
const EXHAUSTED = 0xffff;
/** Give up on a job when no chunk completes for this long (a worker died mid-chunk). */
const STALL_MS = 30_000;

// The worker's side of the protocol, kept in step with `ThreadPool.run` below: `serveKernels`
// instantiates the module over the shared memory, says it is ready and then waits for jobs with
// `Atomics.wait` (allowed in Node workers and in Web Workers) until the pool sets EXIT.

/**
 * Iterations a worker checks for the next job before it sleeps in `Atomics.wait` (about 500 µs):
 * the jobs of a training step come a few hundred microseconds apart, and a sleeping thread takes
 * tens of microseconds to wake (OpenMP runtimes spin likewise, for longer). Measured on the demo
 * MLP's step at 2 threads (2026-12-01, interleaved runs): 100 µs of spin 1.97–2.15 ms per step
 * (median), 500 µs 1.54–1.84 ms.
 */
const WORKER_SPIN = 100_000;
/** Iterations the caller checks for the workers' last chunks before it sleeps. */
const CALLER_SPIN = 20_000;
const WORKER_LOOP = `
function serveKernels(module, memory, control, post) {
  const ex = new WebAssembly.Instance(module, { env: { memory } }).exports;
  const ctl = new Int32Array(memory.buffer, control, ${CONTROL_INTS});
  const hyp = new Float64Array(memory.buffer, control + ${HYPER_OFFSET}, 4);
  Atomics.add(ctl, ${READY}, 1);
  post({ ready: true });
  let seen = 0;
  for (;;) {
    // spin a little before sleeping: a training step issues jobs a few hundred microseconds apart,
    // and waking a sleeping thread costs tens of microseconds each time
    for (let i = 0; i < ${WORKER_SPIN} && Atomics.load(ctl, ${GEN}) === seen; i++);
    Atomics.wait(ctl, ${GEN}, seen);
    if (Atomics.load(ctl, ${EXIT}) !== 0) break;
    const gen = Atomics.load(ctl, ${GEN});
    if (gen === seen) continue;
    seen = gen;
    const tag = (gen & ${TAG_MASK}) << 16;
    const cmd = ctl[${CMD}], table = ctl[${TABLE}] >>> 0, count = ctl[${COUNT}];
    const total = ctl[${TOTAL}] >>> 0, chunk = ctl[${CHUNK}] >>> 0, n = ctl[${NCHUNKS}];
    const out = ctl[${OUT}] >>> 0, centered = ctl[${CENTERED}];
    const rho = hyp[0], eps = hyp[1], mu = hyp[2], c = hyp[3];
    for (;;) {
      const v = Atomics.load(ctl, ${NEXT});
      if ((v & ~0xffff) !== tag || (v & 0xffff) >= n) break;
      if (Atomics.compareExchange(ctl, ${NEXT}, v, v + 1) !== v) continue;
      const idx = v & 0xffff;
      const begin = idx * chunk, end = Math.min(total, begin + chunk);
      try {
        if (cmd === ${CMD_RMSPROP_F32}) ex.rmspropF32(table, count, begin, end, rho, eps, mu, centered);
        else if (cmd === ${CMD_RMSPROP_F64}) ex.rmspropF64(table, count, begin, end, rho, eps, mu, centered);
        else if (cmd === ${CMD_RMSPROP_VAR_F32}) ex.rmspropVarF32(table, count, begin, end, rho, eps, mu, c, centered);
        else if (cmd === ${CMD_RMSPROP_VAR_F64}) ex.rmspropVarF64(table, count, begin, end, rho, eps, mu, c, centered);
        else if (cmd === ${CMD_SUMSQ_F32}) ex.sumSquaresF32(table, count, begin, end, out);
        else if (cmd === ${CMD_SUMSQ_F64}) ex.sumSquaresF64(table, count, begin, end, out);
        else if (cmd === ${CMD_GEMM_F32}) ex.gemmUnitsF32(table, begin, end);
        else throw new Error('unknown kernel command ' + cmd);
      } catch (e) {
        Atomics.store(ctl, ${ERR}, 1);
        post({ error: String(e && e.stack || e) });
      }
      Atomics.add(ctl, ${WORKER_CHUNKS}, 1);
      if (Atomics.add(ctl, ${DONE}, 1) + 1 === n) Atomics.notify(ctl, ${DONE});
    }
  }
}
`;

// Node: CommonJS source evaluated with `eval: true` (works from src/ under vitest or tsx, from
// dist/, and needs no separate file). Exported for the tests only (not re-exported by the
// kernels index).
export const WORKER_SOURCE = `
'use strict';
// CommonJS normally; ESM when the parent runs with --input-type=module (execArgv is inherited)
const { workerData, parentPort } = typeof require === 'function'
  ? require('node:worker_threads')
  : process.getBuiltinModule('node:worker_threads');
${WORKER_LOOP}
serveKernels(workerData.module, workerData.memory, workerData.control, (m) => parentPort.postMessage(m));
`;

// Browsers: a classic Web Worker created from a Blob URL of this source (no separate file, so
// no bundler has anything to configure); the module, the shared memory and the control offset
// arrive in its first message. Exported for the tests only.
export const BROWSER_WORKER_SOURCE = `
'use strict';
${WORKER_LOOP}
self.onmessage = (ev) => {
  self.onmessage = null;
  const { module, memory, control } = ev.data;
  try {
    serveKernels(module, memory, control, (m) => self.postMessage(m));
  } catch (e) {
    self.postMessage({ fatal: String(e && e.stack || e) });
    self.close();
  }
};
`;

// ---- Node built-ins, reached without a static import so browsers can load this module ------

interface WorkerLike {
  ref(): void;
  unref(): void;
  terminate(): Promise<number>;
  on(event: 'message', listener: (value: unknown) => void): unknown;
  on(event: 'error' | 'exit', listener: (value: unknown) => void): unknown;
}
type WorkerCtor = new (
  source: string,
  options: { eval: true; workerData: unknown; name?: string },
) => WorkerLike;

interface NodeProcess {
  versions?: { node?: string };
  getBuiltinModule?: (id: string) => unknown;
}

function nodeProcess(): NodeProcess | undefined {
  const p = (globalThis as { process?: NodeProcess }).process;
  return typeof p?.versions?.node === 'string' ? p : undefined;
}

let workerCtor: WorkerCtor | null | undefined;
let workerCtorLoading = false;

/** The `Worker` class of node:worker_threads, or null where there is none (browsers). */
function getWorkerCtor(): WorkerCtor | null {
  if (workerCtor !== undefined) return workerCtor;
  const proc = nodeProcess();
  if (proc === undefined) return (workerCtor = null);
  if (typeof proc.getBuiltinModule === 'function') {
    const mod = proc.getBuiltinModule('node:worker_threads') as { Worker?: WorkerCtor } | undefined;
    return (workerCtor = mod?.Worker ?? null);
  }
  // Node < 20.16 has no synchronous way to reach a built-in from ESM: load it in the background
  // and stay single-threaded until it is there.
  if (!workerCtorLoading) {
    workerCtorLoading = true;
    const specifier = 'node:worker_threads';
    import(/* @vite-ignore */ specifier).then(
      (mod: { Worker?: WorkerCtor }) => {
        workerCtor = mod.Worker ?? null;
      },
      () => {
        workerCtor = null;
      },
    );
  }
  return null;
}

let cpuCount: number | undefined;

/** Logical CPUs: os.availableParallelism() in Node, navigator.hardwareConcurrency elsewhere. */
export function availableParallelism(): number {
  cpuCount ??= countCpus();
  return cpuCount;
}

function countCpus(): number {
  const proc = nodeProcess();
  if (proc !== undefined && typeof proc.getBuiltinModule === 'function') {
    const os = proc.getBuiltinModule('node:os') as
      | { availableParallelism?: () => number; cpus?: () => unknown[] }
      | undefined;
    const n = os?.availableParallelism?.() ?? os?.cpus?.().length;
    if (typeof n === 'number' && n >= 1) return n;
  }
  const hc = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator
    ?.hardwareConcurrency;
  return typeof hc === 'number' && hc >= 1 ? hc : 1;
}

// ---- Web Workers (browsers), created from a Blob URL of BROWSER_WORKER_SOURCE ---------------

interface BrowserWorker {
  postMessage(message: unknown): void;
  terminate(): void;
  addEventListener(type: 'message' | 'messageerror' | 'error', listener: (event: unknown) => void): void;
}
type BrowserWorkerCtor = new (url: string, options?: { name?: string }) => BrowserWorker;

interface BrowserGlobals {
  Worker?: BrowserWorkerCtor;
  Blob?: new (parts: string[], options?: { type?: string }) => unknown;
  URL?: { createObjectURL?: (blob: unknown) => string };
  crossOriginIsolated?: boolean;
}

/** The Web Worker class where this is not Node and one exists (a page or a worker), else null. */
function browserWorkerCtor(): BrowserWorkerCtor | null {
  if (nodeProcess() !== undefined) return null;
  const w = (globalThis as BrowserGlobals).Worker;
  return typeof w === 'function' ? w : null;
}

const blobUrls = new Map<string, string>();

/** A Blob URL of `source` (one per distinct source, kept for the life of the page). */
function blobUrl(source: string): string {
  let url = blobUrls.get(source);
  if (url === undefined) {
    const g = globalThis as BrowserGlobals;
    if (typeof g.Blob !== 'function' || typeof g.URL?.createObjectURL !== 'function') {
      throw new Error('this runtime has no Blob URLs to start a Web Worker from');
    }
    url = g.URL.createObjectURL(new g.Blob([source], { type: 'text/javascript' }));
    blobUrls.set(source, url);
  }
  return url;
}

const CSP_WORKER_HINT =
  "if the page has a Content-Security-Policy, it must allow workers from blob: URLs (worker-src 'self' blob:)";

/**
 * A Web Worker dressed as the part of Node's `Worker` the pool uses. Browsers have no `'exit'`
 * event; a worker that cannot start (a CSP refusing blob: workers, a module that does not
 * instantiate) reports through `'error'`.
 */
function startBrowserWorker(ctor: BrowserWorkerCtor, source: string, data: unknown, name: string): WorkerLike {
  const worker = new ctor(blobUrl(source), { name });
  const listeners: { message: ((v: unknown) => void)[]; error: ((v: unknown) => void)[] } = { message: [], error: [] };
  const fail = (e: unknown): void => {
    for (const l of listeners.error) l(e);
  };
  worker.addEventListener('message', (ev) => {
    const d = (ev as { data?: unknown }).data as { fatal?: string } | undefined;
    if (typeof d?.fatal === 'string') {
      fail(new Error(d.fatal.split('\n')[0]));
      return;
    }
    for (const l of listeners.message) l(d);
  });
  worker.addEventListener('error', (ev) => {
    const m = (ev as { message?: unknown }).message;
    (ev as { preventDefault?: () => void }).preventDefault?.();
    fail(new Error(`${typeof m === 'string' && m !== '' ? m : 'the Web Worker could not be started'}; ${CSP_WORKER_HINT}`));
  });
  worker.addEventListener('messageerror', () => fail(new Error('the Web Worker could not receive the kernel module or memory')));
  worker.postMessage(data);
  return {
    ref() {},
    unref() {},
    terminate() {
      worker.terminate();
      return Promise.resolve(0);
    },
    on(event: 'message' | 'error' | 'exit', listener: (value: unknown) => void) {
      if (event === 'message') listeners.message.push(listener);
      else if (event === 'error') listeners.error.push(listener);
      // 'exit': Web Workers have no such event
      return this;
    },
  };
}

// ---- where threads can run -----------------------------------------------------------------------

/** Starts one kernel worker running `source` with `data` (its module, memory and control offset). */
type StartWorker = (source: string, data: unknown, name: string) => WorkerLike;

interface ThreadEnvironment {
  /** How to start a worker here, or null where there are no threads. */
  start: StartWorker | null;
  /** The worker source for this kind of runtime. */
  source: string;
  /** Why there are no threads here (when `start` is null). */
  reason: string | undefined;
}

let browserEnv: ThreadEnvironment | undefined;

function threadEnvironment(): ThreadEnvironment {
  const Ctor = getWorkerCtor();
  if (Ctor !== null) {
    return {
      start: (source, data, name) => new Ctor(source, { eval: true, name, workerData: data }),
      source: WORKER_SOURCE,
      reason: undefined,
    };
  }
  if (nodeProcess() !== undefined) {
    return {
      start: null,
      source: WORKER_SOURCE,
      reason: workerCtorLoading && workerCtor === undefined
        ? 'node:worker_threads is still loading (Node < 20.16 loads it in the background; threads start at a later step)'
        : 'this Node.js has no node:worker_threads',
    };
  }
  if (browserEnv !== undefined) return browserEnv;
  const g = globalThis as BrowserGlobals;
  const BrowserCtor = browserWorkerCtor();
  let reason: string | undefined;
  if (BrowserCtor === null) {
    reason = 'this runtime has no Web Workers';
  } else if (g.crossOriginIsolated !== true || typeof SharedArrayBuffer !== 'function') {
    reason =
      'this page is not cross-origin isolated (crossOriginIsolated is false), so it has no shared memory for ' +
      'worker threads; serve it with the headers "Cross-Origin-Opener-Policy: same-origin" and ' +
      '"Cross-Origin-Embedder-Policy: require-corp" (or "credentialless")';
  } else if (typeof g.Blob !== 'function' || typeof g.URL?.createObjectURL !== 'function') {
    reason = 'this runtime has no Blob URLs to start Web Workers from';
  }
  browserEnv =
    reason === undefined && BrowserCtor !== null
      ? { start: (source, data, name) => startBrowserWorker(BrowserCtor, source, data, name), source: BROWSER_WORKER_SOURCE, reason }
      : { start: null, source: BROWSER_WORKER_SOURCE, reason };
  return browserEnv;
}

/**
 * True where worker threads can run kernels: Node with node:worker_threads, or a cross-origin
 * isolated browser page or worker (Web Workers over a shared WebAssembly.Memory).
 * @returns Whether this runtime can start kernel workers.
 */
export function threadsSupported(): boolean {
  return threadEnvironment().start !== null;
}

/** Why this runtime cannot run kernel threads (with the fix), or undefined where it can. */
export function threadsUnavailableReason(): string | undefined {
  return threadEnvironment().reason;
}

let callerBlocks: boolean | undefined;

/**
 * Whether this thread may block in `Atomics.wait` (Node's threads and Web Workers may; a page's
 * main thread may not, and then waits for the workers' last chunks by spinning).
 */
function callerCanBlock(): boolean {
  if (callerBlocks === undefined) {
    try {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0);
      callerBlocks = true;
    } catch {
      callerBlocks = false;
    }
  }
  return callerBlocks;
}

/** Waits until `ctl[index]` is no longer `value` or `timeoutMs` passed, without blocking. */
function spinWhileEqual(ctl: Int32Array, index: number, value: number, timeoutMs: number): void {
  const until = Date.now() + timeoutMs;
  // Atomics.pause (where it exists) tells the CPU this is a spin-wait loop
  const pause = (Atomics as { pause?: () => void }).pause;
  for (let i = 1; Atomics.load(ctl, index) === value; i++) {
    if (pause !== undefined) pause.call(Atomics);
    if ((i & 1023) === 0 && Date.now() >= until) return;
  }
}

// ---- configuration (process-wide) ---------------------------------------------------------------

const config = {
  numThreads: 0, // 0 = not set: availableParallelism()
  /** Groups with fewer elements than this run on the calling thread. */
  parallelThreshold: 131_072,
  /** The most elements per chunk of an optimizer step (a multiple of 16; see stepChunk in backend.ts). */
  chunkElements: 65_536,
  /** Matrix products with fewer multiply-adds than this run on the calling thread. */
  gemmThreshold: 1_048_576,
};

const pools = new Set<ThreadPool>();

/**
 * Sets the number of threads (the caller included) for large kernel calls; 1 = single-threaded.
 * Default: the logical CPUs. Where threads are unavailable the value is kept but calls run on one
 * thread (see `getNumThreads`). The public `setNumThreads` (kernels/index.ts) wraps this one and
 * reports when threads are impossible.
 */
export function setNumThreads(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > 256) {
    throw new ValueError(`The number of threads must be an integer in [1, 256], but received ${String(n)}.`);
  }
  config.numThreads = n;
  for (const pool of pools) {
    pool.allowRestart();
    pool.resize(n - 1);
  }
}

/**
 * The number of threads a large kernel call uses here (1 where threads are unavailable).
 * @returns The number set by `setNumThreads`, else the logical CPUs; 1 where threads are unsupported.
 */
export function getNumThreads(): number {
  if (!threadsSupported()) return 1;
  return config.numThreads === 0 ? availableParallelism() : config.numThreads;
}

/** Stops every kernel worker. Later large calls start them again unless `setNumThreads(1)`. */
export function shutdownThreads(): Promise<void> {
  const all: Promise<void>[] = [];
  for (const pool of pools) all.push(pool.shutdown());
  return Promise.all(all).then(() => undefined);
}

/**
 * Tuning for tests and benchmarks: the element count from which an optimizer call is split
 * across threads (default 131072), the most elements in one of its chunks (default 65536, rounded up to a multiple of 16; a step is cut into about 8 chunks per thread of at least 8192 elements),
 * and the multiply-adds from which a matrix product is split (default 1048576).
 * @param options - `parallelThreshold`, `chunkElements`, `gemmThreshold`; the ones left out keep their value.
 * @throws {@link errors.ValueError} when `parallelThreshold` or `gemmThreshold` is not a non-negative integer, or `chunkElements` not a positive integer.
 */
export function configureThreads(options: { parallelThreshold?: number; chunkElements?: number; gemmThreshold?: number }): void {
  const { parallelThreshold, chunkElements, gemmThreshold } = options;
  // every option is checked before any is applied: a bad one changes nothing
  if (gemmThreshold !== undefined && (!Number.isInteger(gemmThreshold) || gemmThreshold < 0)) {
    throw new ValueError(`gemmThreshold must be a non-negative integer, but received ${gemmThreshold}.`);
  }
  if (parallelThreshold !== undefined && (!Number.isInteger(parallelThreshold) || parallelThreshold < 0)) {
    throw new ValueError(`parallelThreshold must be a non-negative integer, but received ${parallelThreshold}.`);
  }
  if (chunkElements !== undefined && (!Number.isInteger(chunkElements) || chunkElements < 1)) {
    throw new ValueError(`chunkElements must be a positive integer, but received ${chunkElements}.`);
  }
  if (gemmThreshold !== undefined) config.gemmThreshold = gemmThreshold;
  if (parallelThreshold !== undefined) config.parallelThreshold = parallelThreshold;
  if (chunkElements !== undefined) config.chunkElements = Math.ceil(chunkElements / 16) * 16;
}

/** The live pools (one per backend that has used threads). Internal, for the tests. */
export function threadPoolsForTest(): readonly ThreadPool[] {
  return [...pools];
}

/** The current tuning (the live object: read it, do not keep it). */
export function threadConfig(): Readonly<{ parallelThreshold: number; chunkElements: number; gemmThreshold: number }> {
  return config;
}

// ---- the pool ------------------------------------------------------------------------------------

export interface PoolStats {
  /** Jobs split across threads. */
  jobs: number;
  /** Chunks computed by workers (the rest ran on the calling thread). */
  workerChunks: number;
  /** Workers that reported ready. */
  ready: number;
  /** Last error reported by a worker, if any (for a worker that exited: its error or exit code). */
  lastError: string | undefined;
  /** A worker failed to start; no more are started until setNumThreads is called. */
  startFailed: boolean;
  /** Workers in the pool now (started, ready or not; the calling thread not included). */
  alive: number;
  /** Workers that exited unexpectedly after they had reported ready. */
  died: number;
  /** Workers that failed or exited before they reported ready (or could not be created). */
  startFailures: number;
}

/** An error's full text (for `lastError`) and a one-line summary of it (for the log). */
function describeError(e: unknown): { full: string; line: string } {
  if (e instanceof Error) {
    return { full: e.stack ?? `${e.name}: ${e.message}`, line: `${e.name}: ${e.message}`.split('\n')[0]! };
  }
  const text = String(e);
  return { full: text, line: text.split('\n')[0]! };
}

export class ThreadPool {
  private workers: WorkerLike[] = [];
  private gen = 0;
  private readonly ctl: Int32Array;
  private readonly hyp: Float64Array;
  private readyWaiters: (() => void)[] = [];
  private readonly readySet = new Set<WorkerLike>();
  lastError: string | undefined;
  jobs = 0;
  /** A worker failed before it was ready: do not start more until asked (setNumThreads). */
  startFailed = false;
  /** Workers that exited unexpectedly after being ready. */
  died = 0;
  /** Workers that failed or exited before being ready. */
  startFailures = 0;
  /**
   * A worker was lost after being ready (or a job stalled): do not start more until asked
   * (setNumThreads), so that a worker that keeps dying is not restarted at every step.
   */
  private restartHeld = false;
  /** Milliseconds without progress after which `run()` gives up on a job (tests shorten it). */
  stallMs = STALL_MS;
  /** The source new workers run (Node's or the browsers'); tests replace it (internal, see the death tests). */
  workerSource = threadEnvironment().source;

  constructor(
    private readonly module: WebAssembly.Module,
    private readonly memory: WebAssembly.Memory,
    private readonly exports: KernelExports,
  ) {
    // The control block sits in the heap's reserved bottom; a shared memory never moves, so these
    // views stay valid after growth.
    this.ctl = new Int32Array(memory.buffer, CONTROL_OFFSET, CONTROL_INTS);
    this.hyp = new Float64Array(memory.buffer, CONTROL_OFFSET + HYPER_OFFSET, 4);
    pools.add(this);
  }

  get size(): number {
    return this.workers.length;
  }

  stats(): PoolStats {
    return {
      jobs: this.jobs,
      workerChunks: Atomics.load(this.ctl, WORKER_CHUNKS),
      ready: this.readySet.size,
      lastError: this.lastError,
      startFailed: this.startFailed,
      alive: this.workers.length,
      died: this.died,
      startFailures: this.startFailures,
    };
  }

  /** Lets `resize` start workers again after a failure or a death (called by setNumThreads). */
  allowRestart(): void {
    this.startFailed = false;
    this.restartHeld = false;
  }

  /**
   * Starts or stops workers so that `n` run (no-op where threads are unavailable, and for starting
   * after a worker failed to start, died or stalled a job, until `setNumThreads` is called again).
   */
  resize(n: number): void {
    while (this.workers.length > n) {
      const w = this.workers.pop();
      if (w !== undefined) {
        this.readySet.delete(w);
        void w.terminate();
      }
    }
    if (this.workers.length >= n || this.startFailed || this.restartHeld) return;
    const start = threadEnvironment().start;
    if (start === null) return;
    Atomics.store(this.ctl, EXIT, 0);
    while (this.workers.length < n && !this.startFailed) {
      let w: WorkerLike;
      try {
        w = start(this.workerSource, { module: this.module, memory: this.memory, control: CONTROL_OFFSET }, `paddle-rmsprop-kernels-${this.workers.length + 1}`);
      } catch (e) {
        this.lost(undefined, describeError(e));
        return;
      }
      w.on('message', (msg: unknown) => {
        const m = msg as { ready?: boolean; error?: string };
        if (m.ready === true && this.workers.includes(w)) {
          this.readySet.add(w);
          this.flushReady();
        }
        if (typeof m.error === 'string') this.lastError = m.error;
      });
      // An uncaught error ends the worker: 'error' comes first, then 'exit' (which is then no
      // longer in the pool and ignored). A terminate() or process.exit() only gives 'exit'.
      w.on('error', (e: unknown) => {
        this.lost(w, describeError(e));
      });
      w.on('exit', (code: unknown) => {
        this.lost(w, { full: `exit code ${String(code)}`, line: `code ${String(code)}`, exit: true });
      });
      w.unref();
      this.workers.push(w);
    }
  }

  /**
   * A worker went away without the pool asking (or could not be created, `w` undefined): take it
   * out, count it, remember why, hold restarts, say so once, and release `ready()` waiters.
   * Workers the pool terminated itself are no longer in `workers` and are ignored.
   */
  private lost(w: WorkerLike | undefined, reason: { full: string; line: string; exit?: boolean }): void {
    if (w !== undefined) {
      const k = this.workers.indexOf(w);
      if (k < 0) return;
      this.workers.splice(k, 1);
    }
    const wasReady = w !== undefined && this.readySet.delete(w);
    this.lastError = reason.full;
    const threads = this.workers.length + 1;
    const continues = `large steps continue on ${threads} thread${threads === 1 ? '' : 's'}`;
    const held = 'it is not replaced until setNumThreads() is called';
    if (wasReady) {
      this.died++;
      this.restartHeld = true;
      const what = reason.exit === true ? 'exited' : 'failed';
      log(`paddle-rmsprop: a kernel worker thread ${what} (${reason.line}); ${continues}; ${held}.`);
    } else {
      this.startFailures++;
      this.startFailed = true;
      log(
        `paddle-rmsprop: a kernel worker thread failed to start (${reason.line}); ${continues}; ` +
          'no more are started until setNumThreads() is called.',
      );
    }
    this.flushReady();
  }

  /**
   * Test hook (internal): terminates worker `index` behind the pool's back, as an unexpected death
   * would; resolves once the pool has seen its exit.
   */
  async terminateWorkerForTest(index: number): Promise<void> {
    const w = this.workers[index];
    if (w === undefined) throw new ValueError(`There is no kernel worker ${index} (the pool has ${this.workers.length})`);
    await w.terminate();
  }

  /** Resolves when every current worker has instantiated the kernels. */
  ready(): Promise<number> {
    if (this.readySet.size >= this.workers.length) return Promise.resolve(this.workers.length);
    // keep the process alive until the workers have said so (they are unref'd otherwise)
    for (const w of this.workers) w.ref();
    return new Promise((resolve) => {
      this.readyWaiters.push(() => resolve(this.workers.length));
    });
  }

  private flushReady(): void {
    if (this.readySet.size < this.workers.length) return;
    for (const w of this.workers) w.unref();
    const waiters = this.readyWaiters;
    this.readyWaiters = [];
    for (const w of waiters) w();
  }

  /** Stops the workers and forgets the pool (its backend is being dropped). */
  dispose(): Promise<void> {
    pools.delete(this);
    return this.shutdown();
  }

  shutdown(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    this.readySet.clear();
    Atomics.store(this.ctl, EXIT, 1);
    Atomics.add(this.ctl, GEN, 0);
    Atomics.notify(this.ctl, GEN);
    this.flushReady();
    return Promise.all(workers.map((w) => w.terminate())).then(() => undefined);
  }

  /**
   * Wakes sleeping workers ahead of a job the caller is about to publish (an empty job: they claim
   * nothing and spin for the real one). A worker asleep in `Atomics.wait` takes tens of
   * microseconds to run again; the caller calls this before its own preparation of the job
   * (copying operands into the heap, building skip lists), which then hides the wake-up.
   */
  wake(): void {
    if (this.workers.length === 0) return;
    const ctl = this.ctl;
    this.gen = this.gen >= 0x7ffffffe ? 1 : this.gen + 1;
    const tag = (this.gen & TAG_MASK) << 16;
    ctl[NCHUNKS] = 0;
    Atomics.store(ctl, NEXT, tag | EXHAUSTED); // no chunk to claim, whatever count a late worker reads
    Atomics.store(ctl, GEN, this.gen);
    Atomics.notify(ctl, GEN, this.workers.length);
  }

  /**
   * Runs one job over `total` units (elements, or blocks for sums of squares) in chunks of
   * `chunk`, on the workers and the calling thread. Returns when every chunk is done.
   */
  run(
    cmd: number,
    table: number,
    count: number,
    total: number,
    chunk: number,
    out: number,
    rho: number,
    eps: number,
    mu: number,
    centered: number,
    c = 0,
  ): void {
    const ctl = this.ctl;
    let size = chunk;
    while (Math.ceil(total / size) > MAX_CHUNKS) size *= 2;
    const n = Math.ceil(total / size);
    this.gen = this.gen >= 0x7ffffffe ? 1 : this.gen + 1;
    const gen = this.gen;
    const tag = (gen & TAG_MASK) << 16;
    ctl[CMD] = cmd;
    ctl[TABLE] = table;
    ctl[COUNT] = count;
    ctl[TOTAL] = total;
    ctl[CHUNK] = size;
    ctl[NCHUNKS] = n;
    ctl[OUT] = out;
    ctl[CENTERED] = centered;
    this.hyp[0] = rho;
    this.hyp[1] = eps;
    this.hyp[2] = mu;
    this.hyp[3] = c;
    Atomics.store(ctl, DONE, 0);
    Atomics.store(ctl, ERR, 0);
    Atomics.store(ctl, NEXT, tag); // publishes the fields above (sequentially consistent)
    Atomics.store(ctl, GEN, gen);
    Atomics.notify(ctl, GEN, this.workers.length);
    this.jobs++;

    // the calling thread claims chunks like a worker
    const ex = this.exports;
    let failure: unknown;
    for (;;) {
      const v = Atomics.load(ctl, NEXT);
      if ((v & ~0xffff) !== tag || (v & 0xffff) >= n) break;
      if (Atomics.compareExchange(ctl, NEXT, v, v + 1) !== v) continue;
      const begin = (v & 0xffff) * size;
      const end = Math.min(total, begin + size);
      try {
        if (cmd === CMD_RMSPROP_F32) ex.rmspropF32(table, count, begin, end, rho, eps, mu, centered);
        else if (cmd === CMD_RMSPROP_F64) ex.rmspropF64(table, count, begin, end, rho, eps, mu, centered);
        else if (cmd === CMD_RMSPROP_VAR_F32) ex.rmspropVarF32(table, count, begin, end, rho, eps, mu, c, centered);
        else if (cmd === CMD_RMSPROP_VAR_F64) ex.rmspropVarF64(table, count, begin, end, rho, eps, mu, c, centered);
        else if (cmd === CMD_SUMSQ_F32) ex.sumSquaresF32(table, count, begin, end, out);
        else if (cmd === CMD_SUMSQ_F64) ex.sumSquaresF64(table, count, begin, end, out);
        else ex.gemmUnitsF32(table, begin, end);
      } catch (e) {
        failure ??= e;
      }
      Atomics.add(ctl, DONE, 1);
    }

    // wait for chunks still running on workers
    let last = Atomics.load(ctl, DONE);
    let since = Date.now();
    const blocks = callerCanBlock();
    while (last < n) {
      // a page's main thread may not block: it spins on the counter instead (only for the chunks
      // workers already claimed, so never for a worker that has not started)
      // (spinning a little first: the last chunks are usually microseconds away)
      if (blocks) {
        for (let i = 0; i < CALLER_SPIN && Atomics.load(ctl, DONE) === last; i++);
        Atomics.wait(ctl, DONE, last, Math.min(1000, this.stallMs));
      }
      else spinWhileEqual(ctl, DONE, last, Math.min(1000, this.stallMs));
      const d = Atomics.load(ctl, DONE);
      if (d !== last) {
        last = d;
        since = Date.now();
      } else if (Date.now() - since > this.stallMs) {
        // a worker claimed a chunk and never finished it: it died (or hung) mid-chunk, which
        // cannot be seen while this thread is blocked here; stop them all and hold restarts
        void this.shutdown();
        this.restartHeld = true;
        const before = this.lastError;
        this.lastError =
          `a job stalled: ${n - d} of ${n} chunks were unfinished after ${this.stallMs / 1000} s without progress ` +
          '(a worker probably died or hung mid-chunk); the worker threads were shut down';
        throw new RuntimeError(
          `A kernel worker thread stopped in the middle of a step: ${n - d} of ${n} chunks were unfinished after ` +
            `${this.stallMs / 1000} s without progress (the worker probably died or hung mid-chunk). ` +
            'The step was only partly applied; the worker threads were shut down and later steps run on the ' +
            `calling thread until setNumThreads() is called.${before === undefined ? '' : ` Last worker error: ${before}`}`,
        );
      }
    }
    // Every chunk is done: mark the job exhausted for any count. A worker that saw this job's GEN
    // late (descheduled between reading GEN and the fields) may read the *next* job's fields,
    // written before its NEXT; with NEXT left at this tag's last index it would claim chunks of
    // the next job under this tag whenever that job has more chunks (computing them twice and
    // miscounting DONE). Index 0xffff is at least any count.
    Atomics.store(ctl, NEXT, tag | EXHAUSTED);
    if (failure !== undefined) throw failure;
    if (Atomics.load(ctl, ERR) !== 0) {
      throw new RuntimeError(
        `A kernel worker failed${this.lastError === undefined ? '' : `: ${this.lastError}`}.`,
      );
    }
  }
}

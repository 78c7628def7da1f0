/**
 * Kernel selection (DESIGN.md §3).
 *
 * - `'wasm'`: the WebAssembly SIMD kernels over the kernel heap, split across worker threads for
 *   large groups in Node and on cross-origin isolated browser pages (Web Workers). Installing it makes the heap the parameter allocator, so parameters,
 *   their gradients and optimizer state created afterwards live in the heap and are updated in
 *   place.
 * - `'ref'`: the plain TypeScript loops (the oracle).
 * - `'auto'` (the default, chosen at the first `getBackend()`): `'wasm'` when this runtime
 *   validates and instantiates the module, else `'ref'`.
 *
 * Which backend runs is always observable: `backendName()` (`'ref'`, `'wasm-simd'`,
 * `'wasm-simd-threads'`), and `wasmUnavailableReason()` says why WebAssembly is not used.
 *
 * Loading is synchronous (the module is embedded and compiled with `new WebAssembly.Module`), so
 * nothing needs to be awaited in Node. A runtime that refuses synchronous compilation can
 * `await initKernelsAsync()` first. Call `useBackend('auto')` (or just `getBackend()`) before
 * creating parameters to have them allocated in the heap; parameters created earlier still work
 * through the copy path.
 */
import { RuntimeError, ValueError } from '../errors.js';
import { getParameterAllocator, jsAllocator, setParameterAllocator, type Allocator } from '../tensor/storage.js';
import { refBackend } from './ref/index.js';
import type { KernelBackend } from './types.js';
import { createWasmBackend, type WasmBackend, type WasmStats } from './wasm/backend.js';
import type { HeapStats } from './wasm/heap.js';
import { compileKernelsAsync } from './wasm/module.js';
import {
  getNumThreads,
  setNumThreads as setPoolThreads,
  threadsUnavailableReason as environmentThreadsReason,
  type PoolStats,
} from './wasm/threads.js';
import { log } from '../log.js';

export type {
  GemmCall,
  ImageLayout,
  KernelBackend,
  KernelDecay,
  KernelDType,
  MaxPoolCall,
  PatchGeometry,
  RmspropHyper,
  RmspropSlot,
  RmspropVariant,
} from './types.js';
export {
  blockSumSquares,
  gemmRef,
  refBackend,
  rmspropSlotF32,
  rmspropSlotF64,
  rmspropStepRef,
  rmspropVariantSlot,
  fmaf,
  SUM_SQUARES_BLOCK,
  sumSquaresRef,
} from './ref/index.js';
export { configureThreads, getNumThreads, shutdownThreads, threadsSupported } from './wasm/threads.js';
export { createWasmBackend, WasmBackend, type WasmBackendOptions, type WasmStats } from './wasm/backend.js';
export { HeapStorage, KernelHeap, type HeapStats } from './wasm/heap.js';

/** What `useBackend` selects: the reference loops, the WebAssembly kernels, or the best available. */
export type BackendChoice = 'ref' | 'wasm' | 'auto' | 'wasm-relaxed';

let current: KernelBackend | undefined;
let wasm: WasmBackend | undefined;
let wasmReason: string | undefined;
/** The allocator that was in place before the heap was installed. */
let allocatorBeforeHeap: Allocator | undefined;
/** The process-wide WebAssembly backend, created on first use; undefined when unavailable. */
let wasmRelaxed: WasmBackend | undefined;

/** The relaxed-SIMD backend (created once), or a RuntimeError saying why this runtime has none. */
function relaxedBackend(): WasmBackend {
  if (wasmRelaxed === undefined) {
    try {
      wasmRelaxed = createWasmBackend({ relaxed: true });
    } catch (e) {
      if (typeof SharedArrayBuffer !== 'function') throw e;
      wasmRelaxed = createWasmBackend({ relaxed: true, shared: false });
    }
  }
  return wasmRelaxed;
}

function wasmBackend(): WasmBackend | undefined {
  if (wasm !== undefined || wasmReason !== undefined) return wasm;
  try {
    wasm = createWasmBackend();
  } catch (e) {
    const first = e instanceof Error ? e.message : String(e);
    if (typeof SharedArrayBuffer !== 'function') {
      wasmReason = first;
    } else {
      // e.g. a shared memory refused: single-threaded kernels over an ordinary memory
      try {
        wasm = createWasmBackend({ shared: false });
      } catch (e2) {
        wasmReason = `${first} / ${e2 instanceof Error ? e2.message : String(e2)}`;
      }
    }
  }
  return wasm;
}

let fallbackReported = false;

/**
 * The fix for a reason the WebAssembly kernels could not be compiled or instantiated: what a
 * user can change (a CSP, a runtime with SIMD), or an empty string when there is nothing to say.
 */
function wasmFallbackFix(reason: string): string {
  if (/Content.Security.Policy|unsafe-eval|wasm-eval|Refused to compile/i.test(reason)) {
    return (
      "The page's Content-Security-Policy refuses WebAssembly compilation: add 'wasm-unsafe-eval' to its " +
      "script-src (e.g. script-src 'self' 'wasm-unsafe-eval')."
    );
  }
  if (/SIMD|does not validate/i.test(reason)) {
    return (
      'This runtime lacks WebAssembly SIMD: use Node.js >= 20, Chrome/Edge >= 91, Firefox >= 89 or Safari >= 16.4 ' +
      '(and WebAssembly SIMD not disabled by a flag or policy).'
    );
  }
  if (/no WebAssembly/i.test(reason)) {
    return 'WebAssembly is disabled here (a browser policy, a jitless or lockdown mode): enable it.';
  }
  if (/kernel heap|memory/i.test(reason)) {
    return 'The runtime refused the WebAssembly memory for the kernel heap: free memory, or raise the limit it enforces.';
  }
  return '';
}

/** Says once, through the log sink, that `'auto'` fell back to the reference kernels, why and the fix. */
function reportFallbackOnce(reason: string): void {
  if (fallbackReported) return;
  fallbackReported = true;
  const fix = wasmFallbackFix(reason);
  log(
    `paddle-rmsprop: the WebAssembly SIMD kernels cannot run here (${reason.replace(/\.$/, '')}); using the ` +
      `TypeScript reference kernels (same numbers, about 10 times slower).${fix === '' ? '' : ` ${fix}`}`,
  );
}

/**
 * True when the WebAssembly SIMD kernels can run here (compiles them on first call).
 * @returns Whether the WebAssembly backend exists or could be created now.
 */
export function wasmAvailable(): boolean {
  return wasmBackend() !== undefined;
}

/**
 * Why the WebAssembly kernels cannot run here, or undefined when they can.
 * @returns The reason (no WebAssembly, no SIMD, compilation or instantiation failed), or undefined.
 */
export function wasmUnavailableReason(): string | undefined {
  wasmBackend();
  return wasmReason;
}

/**
 * Selects the kernels used from now on and returns them.
 * @param choice - `'wasm'` (the WebAssembly SIMD kernels, their heap the parameter allocator), `'ref'` (the TypeScript reference kernels, JS memory for new parameters), `'auto'` (`'wasm'` where it runs, else `'ref'`, saying why once through the log sink), or `'wasm-relaxed'` (opt-in: the WebAssembly kernels whose float32 matrix product uses relaxed SIMD's fused multiply-add, about twice as fast where the CPU has FMA; results are rounded once per multiply-add, so they are not the other backends' bits and may differ between machines; choose it before creating parameters, which then live in its own heap).
 * @returns The backend now in use.
 * @throws {@link errors.ValueError} when `choice` is not one of the four; {@link errors.RuntimeError} for `'wasm'` where the WebAssembly kernels cannot run, or `'wasm-relaxed'` where this runtime has no relaxed SIMD (nothing changes).
 */
export function useBackend(choice: BackendChoice): KernelBackend {
  if (choice !== 'ref' && choice !== 'wasm' && choice !== 'auto' && choice !== 'wasm-relaxed') {
    throw new ValueError(
      `The kernel backend must be one of 'ref', 'wasm', 'auto', 'wasm-relaxed', but received ${JSON.stringify(choice)}.`,
    );
  }
  const onAHeap = (): boolean => {
    const a = getParameterAllocator();
    return (wasm !== undefined && a === wasm.heap) || (wasmRelaxed !== undefined && a === wasmRelaxed.heap);
  };
  if (choice === 'ref') {
    if (onAHeap() && allocatorBeforeHeap !== undefined) {
      setParameterAllocator(allocatorBeforeHeap);
    }
    current = refBackend;
    return current;
  }
  if (choice === 'wasm-relaxed') {
    let backend: WasmBackend;
    try {
      backend = relaxedBackend();
    } catch (e) {
      throw new RuntimeError(`useBackend('wasm-relaxed'): ${e instanceof Error ? e.message : String(e)}`);
    }
    if (getParameterAllocator() !== backend.heap) {
      const wasOnHeap = onAHeap();
      const prev = setParameterAllocator(backend.heap);
      if (!wasOnHeap) allocatorBeforeHeap = prev;
    }
    current = backend;
    return current;
  }
  const backend = wasmBackend();
  if (backend === undefined) {
    if (choice === 'wasm') throw new RuntimeError(`useBackend('wasm'): ${wasmReason ?? 'unavailable'}`);
    reportFallbackOnce(wasmReason ?? 'unavailable');
    current = refBackend;
    return current;
  }
  if (getParameterAllocator() !== backend.heap) {
    const wasOnHeap = onAHeap();
    const prev = setParameterAllocator(backend.heap);
    if (!wasOnHeap) allocatorBeforeHeap = prev;
  }
  current = backend;
  return current;
}

/**
 * The parameter allocator the package installs on import (src/index.ts): it compiles nothing and
 * reserves nothing; the first parameter, gradient or optimizer-state allocation selects `'auto'`
 * (which, where WebAssembly runs, installs the kernel heap as the allocator) and is then served by
 * whatever allocator that selection installed. So importing the package costs a pointer
 * assignment, while every parameter still lands in the heap from the start (zero-copy steps).
 */
export const deferredAllocator: Allocator = {
  name: 'deferred (selects the kernel backend at the first allocation)',
  alloc(dtype, length) {
    if (getParameterAllocator() === deferredAllocator) {
      // the fallback if the selection installs nothing (the reference backend)
      setParameterAllocator(jsAllocator);
      getBackend();
    }
    return getParameterAllocator().alloc(dtype, length);
  },
};

/**
 * The kernels in use (selects `'auto'` on first call).
 * @returns The current backend.
 */
export function getBackend(): KernelBackend {
  return current ?? useBackend('auto');
}

/**
 * `'ref'`, `'wasm-simd'` or `'wasm-simd-threads'`: what `getBackend()` runs.
 * @returns The current backend's name (selecting `'auto'` when none is selected yet).
 */
export function backendName(): string {
  return getBackend().name;
}

/**
 * The process-wide WebAssembly backend if it exists (for its heap and statistics).
 * @returns The backend (created on first call where the kernels run), or undefined where they cannot.
 */
export function getWasmBackend(): WasmBackend | undefined {
  return wasmBackend();
}

/**
 * Why large kernel calls cannot be split across threads here, with the fix, or undefined when
 * they can: the runtime (a browser page that is not cross-origin isolated, no workers), or the
 * kernels in use (the reference kernels, or WebAssembly kernels over an ordinary, unshared memory).
 * Does not select a backend: before the first selection it speaks of what `'auto'` would select.
 * @returns The reason with its fix, or undefined.
 */
export function threadsUnavailableReason(): string | undefined {
  const env = environmentThreadsReason();
  if (env !== undefined) return env;
  const backend = current ?? wasmBackend() ?? refBackend;
  if (backend === refBackend) {
    return wasmReason === undefined
      ? "the reference kernels are selected (useBackend('ref')); threads need the WebAssembly kernels"
      : `the WebAssembly kernels cannot run here (${wasmReason.replace(/\.$/, '')}), and the reference kernels are single-threaded`;
  }
  if (wasm !== undefined && !wasm.shared) {
    return 'the kernel heap is an ordinary (unshared) WebAssembly.Memory: the runtime refused a shared one';
  }
  return undefined;
}

const threadReasonsLogged = new Set<string>();

/**
 * Sets the number of threads (the calling thread included) for large kernel calls; 1 =
 * single-threaded. Default: the logical CPUs (os.availableParallelism() in Node,
 * navigator.hardwareConcurrency on a cross-origin isolated page).
 *
 * Returns the number of threads large calls will actually use: `n` where threads can run, 1 where
 * they cannot (a page that is not cross-origin isolated, the reference kernels, ...). Asking for
 * more than one thread where that is impossible is not an error (the same code runs everywhere),
 * but it is never silent: the reason and its fix go once through the log sink (`setLogSink`) and
 * stay in `kernelInfo().threadsUnavailableReason`. Throws `ValueError` for an `n` that is not an
 * integer in [1, 256] (and then changes nothing).
 * @param n - The threads wanted, the calling thread included: an integer in [1, 256].
 * @returns The threads large calls will use: `n` where threads run, else 1.
 * @throws {@link errors.ValueError} when `n` is not an integer in [1, 256].
 */
export function setNumThreads(n: number): number {
  setPoolThreads(n);
  if (n <= 1) return 1;
  const reason = threadsUnavailableReason();
  if (reason === undefined) return getNumThreads();
  if (!threadReasonsLogged.has(reason)) {
    threadReasonsLogged.add(reason);
    log(`paddle-rmsprop: setNumThreads(${n}): large kernel calls stay on one thread: ${reason}.`);
  }
  return 1;
}

/**
 * Starts the kernel worker threads now (they otherwise start at the first large step) and
 * resolves with the number of workers ready (0 where threads are unavailable or disabled).
 * @returns A promise of the number of workers ready.
 */
export function threadsReady(): Promise<number> {
  const backend = wasmBackend();
  return backend === undefined ? Promise.resolve(0) : backend.threadsReady();
}

/**
 * For runtimes that refuse synchronous WebAssembly compilation on their main thread: compiles
 * asynchronously, then selects `'auto'`.
 * @returns A promise of the backend `'auto'` selected (the reference kernels where WebAssembly cannot run).
 */
export async function initKernelsAsync(): Promise<KernelBackend> {
  if (wasm === undefined) {
    const shared = typeof SharedArrayBuffer === 'function';
    const result = await compileKernelsAsync(shared);
    if (!result.ok && shared) await compileKernelsAsync(false);
    wasmReason = undefined;
  }
  return useBackend('auto');
}

/** What `kernelInfo()` reports: which kernels run and what they did (diagnostics). */
export interface KernelInfo {
  /** `'ref'`, `'wasm-simd'` or `'wasm-simd-threads'`. */
  backend: string;
  /**
   * Threads a large kernel call uses now: 1 without the WebAssembly threads, and only the workers
   * left (plus the caller) after workers failed to start or died.
   */
  threads: number;
  /**
   * Why large calls cannot use threads here, with the fix (see `threadsUnavailableReason`), or
   * undefined where they can.
   */
  threadsUnavailableReason: string | undefined;
  /** Why the WebAssembly kernels cannot run here, or undefined when they can. */
  wasmUnavailableReason: string | undefined;
  /** The WebAssembly backend's heap and counters, when it exists. */
  wasm:
    | {
        /** Whether the heap is a shared memory. */
        shared: boolean;
        /** Bytes the heap has reserved. */
        heapBytes: number;
        /** Bytes in live blocks. */
        heapInUse: number;
        /** The heap's counters. */
        heap: HeapStats;
        /** The kernels' call counters. */
        calls: WasmStats;
        /** The worker pool's state, once it exists. */
        pool: PoolStats | undefined;
      }
    | undefined;
}

/**
 * A snapshot of what runs and what it did, for diagnostics and tests.
 * @returns A new {@link KernelInfo}: the backend, the threads, why threads or WebAssembly are unavailable, and the WebAssembly heap's and calls' counters.
 */
export function kernelInfo(): KernelInfo {
  const backend = getBackend();
  let threads = backend === wasm && wasm.threadsEnabled() ? getNumThreads() : 1;
  const pool = wasm?.poolStats();
  // workers lost (failed to start, died) and not replaced: large calls run on those left
  if (pool !== undefined && threads > 1 && (pool.startFailures > 0 || pool.died > 0)) {
    threads = Math.min(threads, pool.alive + 1);
  }
  return {
    backend: backend.name,
    threads,
    threadsUnavailableReason: threadsUnavailableReason(),
    wasmUnavailableReason: wasmReason,
    wasm:
      wasm === undefined
        ? undefined
        : {
            shared: wasm.shared,
            heapBytes: wasm.heap.byteLength,
            heapInUse: wasm.heap.bytesInUse,
            heap: { ...wasm.heap.stats },
            calls: { ...wasm.stats },
            pool: wasm.poolStats(),
          },
  };
}

/** `paddle.memory()`: the kernel heap's size and use (cf. `tf.memory()`). */
export interface MemoryInfo {
  /** The kernels in use (`'ref'`, `'wasm-simd'`, `'wasm-simd-threads'`). */
  backend: string;
  /** Bytes the kernel heap has reserved (its WebAssembly memory); 0 without the heap. */
  heapBytes: number;
  /** Bytes in live blocks: parameters, gradients, optimizer state, kernel tables and scratch. */
  bytesInUse: number;
  /** The most bytes in use at any time. */
  peakBytesInUse: number;
  /** Of `bytesInUse`, what the kernels keep for their descriptor tables and scratch (grows to the largest call, then stays). */
  kernelScratchBytes: number;
  /** Live blocks. */
  blocks: number;
  /** Blocks handed out and returned since the start. */
  allocations: number;
  /** Blocks returned since the start. */
  frees: number;
  /** Blocks the garbage collector's finalizers had to return (owners dropped without `dispose()`). */
  finalized: number;
  /** Allocations placed in JavaScript memory because the heap could not grow (steps then copy). */
  jsFallbacks: number;
  /** Kernel calls that ran the TypeScript loops because their scratch space did not fit. */
  refFallbacks: number;
  /** Why the last fallback happened (or why there is no heap), or undefined when none did. */
  fallbackReason: string | undefined;
}

/**
 * How much of the kernel heap is reserved and in use, how many blocks are live, and how many
 * allocations fell back to JavaScript memory and why. Every block has an owner that frees it:
 * `dispose()` on parameters, layers and optimizers (or `using`).
 * @returns A new {@link MemoryInfo} snapshot.
 */
export function memory(): MemoryInfo {
  const backend = getBackend();
  const h = wasm?.heap;
  return {
    backend: backend.name,
    heapBytes: h?.byteLength ?? 0,
    bytesInUse: h?.bytesInUse ?? 0,
    peakBytesInUse: h?.stats.peakBytesInUse ?? 0,
    kernelScratchBytes: wasm?.scratchBytes ?? 0,
    blocks: h?.blockCount ?? 0,
    allocations: h?.stats.allocations ?? 0,
    frees: h?.stats.frees ?? 0,
    finalized: h?.stats.finalized ?? 0,
    jsFallbacks: h?.stats.jsFallbacks ?? 0,
    refFallbacks: wasm?.stats.refFallbacks ?? 0,
    fallbackReason: h === undefined ? wasmReason : h.lastFallbackReason,
  };
}

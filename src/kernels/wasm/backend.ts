/**
 * The WebAssembly SIMD backend: fused multi-tensor RMSProp and Σx² over the kernel heap.
 *
 * One call per group: the slots are described in a table in the heap (layout.ts) and the module
 * walks it once (split into element ranges across worker threads for large groups). Arrays that
 * are views of the heap are updated in place (zero copy); any other array is copied into scratch
 * heap space and back (correct, slower; counted in `stats.copiedArrays`). The table and scratch
 * blocks are reused, so a steady-state step allocates nothing.
 */
import { RuntimeError, ValueError } from '../../errors.js';
import { expRef, gemmRef, maxPoolRef, MODE_BUFFER, reluGradRef, reluRef, rmspropStepRef, sigmoidRef, variantMode, variantScalars } from '../ref/index.js';
import { sumSquaresRef } from '../ref/sum-squares.js';
import type { GemmCall, KernelBackend, KernelDType, MaxPoolCall, PatchGeometry, RmspropHyper, RmspropSlot } from '../types.js';
import { resolveGemm, validateArrays, validateElementwise, validateHyper, validateMaxPool, validateSlots, validateSlotScalars, type ResolvedGemm } from '../validate.js';
import { KernelHeap } from './heap.js';
import {
  DESC_BYTES,
  DESC_F64,
  DESC_U32,
  F_CLIP,
  F_L1,
  F_L2,
  F_PSCALE,
  F_SCALE,
  GEMM_BYTES,
  GEMM_KC,
  GEMM_U32 as G,
  SKIP_REC_BYTES,
  SKIP_TABLE_BYTES,
  PATCH_BYTES,
  PATCH_WORDS,
  POOL_BYTES,
  SQ_BLOCK,
  SQ_BYTES,
  SQ_U32,
} from './layout.js';
import { compileKernels, instantiateKernels, type KernelExports } from './module.js';
import {
  CMD_GEMM_F32,
  CMD_RMSPROP_F32,
  CMD_RMSPROP_F64,
  CMD_RMSPROP_VAR_F32,
  CMD_RMSPROP_VAR_F64,
  CMD_SUMSQ_F32,
  CMD_SUMSQ_F64,
  getNumThreads,
  threadConfig,
  ThreadPool,
  type PoolStats,
} from './threads.js';

/** Options of `createWasmBackend` (tests and benchmarks make backends of their own). */
export interface WasmBackendOptions {
  /** Use a shared memory (threads). Default: wherever SharedArrayBuffer exists. */
  shared?: boolean;
  /** Initial heap size in 64 KiB pages (default 16). */
  initialPages?: number;
  /** Heap size limit in pages (default 65536 = 4 GiB). */
  maximumPages?: number;
  /**
   * The relaxed-SIMD build (default false): the float32 matrix product uses a fused multiply-add
   * where the CPU has one (about twice the f32x4 rate), so its results are rounded once per
   * multiply-add instead of twice: not the kernel contract's bits, and not the same bits on every
   * machine. Needs a runtime with WebAssembly relaxed SIMD.
   */
  relaxed?: boolean;
}

/** Call counters of a {@link WasmBackend} (`kernelInfo().wasm.calls`). */
export interface WasmStats {
  /** rmspropStep calls that ran the WebAssembly kernel. */
  stepCalls: number;
  /** sumSquares calls that ran the WebAssembly kernel. */
  sumSquaresCalls: number;
  /** Slots whose arrays were all heap views (updated in place). */
  zeroCopySlots: number;
  /** Arrays copied into scratch heap space (and back when written). */
  copiedArrays: number;
  /** Calls split across worker threads. */
  threadedCalls: number;
  /** Calls that ran the reference loops because the heap could not hold the scratch space. */
  refFallbacks: number;
  /** Calls that found their arrays remembered from a recent call (no per-array re-reads). */
  planCacheHits: number;
  /** gemmF32 calls that ran the WebAssembly kernel. */
  gemmCalls: number;
  /** gemmF32 operands that were heap views (read or written in place, no copy). */
  gemmZeroCopy: number;
  /** gemmF32 calls that left out steps of k for zeros of A (assembly/gemm.ts G_SKIP; same bits). */
  gemmSkipped: number;
  /**
   * Blocks (4 rows of A × 128 values of k) of those calls that ran each row on its own steps
   * (assembly/gemm.ts SKIP_ROWS); not counted for a convolution's patch A (built in the units).
   */
  gemmRowBlocks: number;
  /** Blocks that ran the steps any of their four rows needs. */
  gemmUnionBlocks: number;
  /** Blocks that ran every step (more than 15/16 of them needed). */
  gemmDenseBlocks: number;
  /** gemmF32 calls with a patch operand (convolution: im2col / col2im in the module). */
  patchCalls: number;
  /** maxPool calls that ran the WebAssembly kernel. */
  poolCalls: number;
  /** relu / reluGrad / sigmoid / exp calls that ran the WebAssembly kernel. */
  elementwiseCalls: number;
}

const poolCleanup =
  typeof FinalizationRegistry === 'function'
    ? new FinalizationRegistry<ThreadPool>((pool) => void pool.dispose())
    : undefined;

type KernelArray = Float32Array | Float64Array;

/** A remembered all-in-heap call (see `PlanCache`): its array objects in call order and plan. */
interface CachedPlan {
  /** What else the plan depends on: the call kind, dtype and (for steps) centered. */
  key: string;
  /** Slots (steps) or arrays (Σx²) in the call. */
  n: number;
  arrays: readonly KernelArray[];
  total: number;
  /** Σx² blocks (0 for steps). */
  blocks: number;
  generation: number;
  plan: Uint32Array;
}

/**
 * The plans of the last few all-in-heap calls (an optimizer with several parameter groups calls
 * once per group, plus Σx² for norm clipping). A call whose arrays are the very objects of a
 * remembered one, made since the last growth of the heap (a typed array's type, offset and length
 * never change; only a growth of an ordinary memory can detach it), reuses its plan and skips
 * re-reading every typed array: on many small tensors those reads dominate.
 */
class PlanCache {
  private static readonly SIZE = 8;
  private entries: CachedPlan[] = [];
  constructor(private readonly heap: KernelHeap) {}

  /** The newest entry with `key` and `n` whose arrays `same` accepts. */
  find(key: string, n: number, same: (refs: readonly KernelArray[]) => boolean): CachedPlan | undefined {
    const generation = this.heap.generation;
    for (const e of this.entries) {
      if (e.key === key && e.n === n && e.generation === generation && same(e.arrays)) return e;
    }
    return undefined;
  }

  remember(key: string, n: number, arrays: readonly KernelArray[], plan: Uint32Array, total: number, blocks: number): void {
    this.entries.unshift({ key, n, arrays, total, blocks, generation: this.heap.generation, plan: plan.slice(0, n * PLAN_INTS) });
    if (this.entries.length > PlanCache.SIZE) this.entries.pop();
  }

  /** Forgets every plan (their arrays may belong to storages that were disposed). */
  clear(): void {
    this.entries = [];
  }
}

/** The five arrays of every slot, in order (what `PlanCache` compares for a step). */
function slotArrays(slots: readonly RmspropSlot<KernelArray>[]): KernelArray[] {
  const arrays = new Array<KernelArray>(slots.length * 5);
  slots.forEach((slot, s) => {
    SLOT_KEYS.forEach((k, i) => {
      arrays[s * 5 + i] = slot[k];
    });
  });
  return arrays;
}

function sameSlotArrays(refs: readonly KernelArray[], slots: readonly RmspropSlot<KernelArray>[]): boolean {
  for (let s = 0; s < slots.length; s++) {
    const slot = slots[s];
    if (slot === null || typeof slot !== 'object') return false;
    const b = s * 5;
    if (
      slot.param !== refs[b] ||
      slot.grad !== refs[b + 1] ||
      slot.meanSquare !== refs[b + 2] ||
      slot.moment !== refs[b + 3] ||
      slot.meanGrad !== refs[b + 4]
    ) {
      return false;
    }
  }
  return true;
}

function sameArrays(refs: readonly KernelArray[], arrays: readonly KernelArray[]): boolean {
  for (let a = 0; a < arrays.length; a++) if (arrays[a] !== refs[a]) return false;
  return true;
}

// per slot in `plan` (unsigned: offsets may pass 2 GiB): byte offsets of the five arrays, the
// length, and a mask of copied arrays
const PLAN_INTS = 7;
const P_LEN = 5;
const P_COPY = 6;
const SLOT_KEYS = ['param', 'grad', 'meanSquare', 'moment', 'meanGrad'] as const;
/** Plan-cache keys of a step by dtype, then Paddle's [plain, centered] or a variant's mode word. */
const STEP_KEYS = (['float32', 'float64'] as const).map((d) =>
  Array.from({ length: 64 }, (_, m) => (m === 0 ? `step/${d}` : m === 1 ? `step/${d}/centered` : `step/${d}/mode${m}`)),
);

/** The image of a product's patch operand: its geometry, elements, heap byte offset or -1. */
interface PatchImage {
  g: PatchGeometry;
  length: number;
  heapAt: number;
}

/** Scratch bytes a patch operand needs besides its matrix: geometry, image copy, float64 sums. */
function patchScratchBytes(img: PatchImage | null, withSums = false): number {
  if (img === null) return 0;
  // col2im (withSums) writes its float64 sums, rounded in place on one thread, or into a float32
  // image of their own on several
  return PATCH_BYTES + (withSums ? align16(img.length * 8) + (img.heapAt < 0 ? align16(img.length * 4) : 0) : img.heapAt < 0 ? align16(img.length * 4) : 0);
}

/** Bytes of one band of a patch A gathered inside the product (about what L2 keeps at hand). */
const PATCH_BAND_BYTES = 96 * 1024;
/**
 * Products from which A's zeros are looked for (assembly/gemm.ts G_SKIP): building the lists reads
 * A and B once, which a product this large repays many times over when A is sparse.
 */
const SKIP_MIN_MACS = 65_536;
/**
 * Fewest columns of C for the lists: a step of k left out saves N multiply-adds per row, and with
 * few columns that is not more than the scan and the list's own work cost. The demo's fc2 (N = 10)
 * on ReLU activations (half zeros) took 39–43 µs a product with lists (64–71 before the narrow
 * rows cost of assembly/gemm.ts) against 27–31 µs without (2026-12-01).
 */
const SKIP_MIN_N = 16;
/** The most scratch the skip lists may take (a batched product of huge A's runs dense). */
const SKIP_MAX_BYTES = 8 * 1024 * 1024;
/**
 * Units a threaded product is cut into per thread. Sixteen (narrow 8-column bands: B's rows read in
 * 32-byte pieces, two bands to a cache line) measured slower than four on the demo's products
 * (2026-12-01, interleaved: 2-thread step p10 2.0–2.4 vs 2.5–3.1 ms dense, 1.2–1.8 vs 1.4–2.3 ms
 * on the digits); the units are claimed dynamically, so four still balance a late thread.
 */
const TILES_PER_THREAD = 4;
/** Chunks an optimizer step is cut into per thread (same reason), each of at least MIN_STEP_CHUNK elements. */
const STEP_CHUNKS_PER_THREAD = 8;
const MIN_STEP_CHUNK = 8192;

/**
 * Elements per chunk of a threaded optimizer step of `total` elements: about STEP_CHUNKS_PER_THREAD
 * chunks per thread, at least MIN_STEP_CHUNK, at most `configureThreads`' `chunkElements`, a
 * multiple of 16 (whole f32x4/f64x2 vectors). The bits do not depend on it (the update is per element).
 */
function stepChunk(total: number, threads: number, most: number): number {
  const want = Math.ceil(total / (STEP_CHUNKS_PER_THREAD * threads) / 16) * 16;
  return Math.min(most, Math.max(MIN_STEP_CHUNK, want));
}

/**
 * Elements below which the element-wise kernels (`relu`, `reluGrad`, `sigmoid`, `exp`) stay in the
 * TypeScript loop (same bits): under this the call and the copies cost more than the loop. In the
 * demo's step (64 × 256 activations) the TypeScript ReLU loops took 100–140 µs each, the module's
 * with copies in and out about 10.
 */
const ELEMENTWISE_MIN = 1024;

/**
 * A skip record's bytes in a product of K steps of k (assembly/gemm.ts recBytesOf): five lists
 * with room for min(K, GEMM_KC) steps rounded up to 4, each after its u32 count; at most
 * SKIP_REC_BYTES.
 */
function skipRecordBytes(K: number): number {
  return Math.min(SKIP_REC_BYTES, 5 * (4 + ((Math.min(K, GEMM_KC) + 3) & ~3)));
}

function align16(bytes: number): number {
  return Math.ceil(bytes / 16) * 16;
}

/**
 * The WebAssembly SIMD backend (`useBackend('wasm')`): the fused RMSProp step, Σx² and the float32
 * matrix product over its kernel heap, on the worker pool for large calls (see the top of this file).
 */
export class WasmBackend implements KernelBackend {
  /** Its kernel heap (the parameter allocator while it is selected). */
  readonly heap: KernelHeap;
  /** Whether its heap is shared, so threads can run. */
  readonly shared: boolean;
  /** Its call counters. */
  readonly stats: WasmStats = {
    stepCalls: 0,
    sumSquaresCalls: 0,
    zeroCopySlots: 0,
    copiedArrays: 0,
    threadedCalls: 0,
    refFallbacks: 0,
    planCacheHits: 0,
    gemmCalls: 0,
    gemmZeroCopy: 0,
    gemmSkipped: 0,
    gemmRowBlocks: 0,
    gemmUnionBlocks: 0,
    gemmDenseBlocks: 0,
    patchCalls: 0,
    poolCalls: 0,
    elementwiseCalls: 0,
  };
  private readonly module: WebAssembly.Module;
  private readonly ex: KernelExports;
  private pool: ThreadPool | undefined;

  /** The descriptor table of a call (grown with slack: groups vary in size). */
  private readonly table: ScratchBlock;
  /** Copies of arrays outside the heap, and Σx² block sums. */
  private readonly scratch: ScratchBlock;
  /** gemmF32's copies of operands outside the heap. */
  private readonly gemmScratch: ScratchBlock;
  private plan = new Uint32Array(0);
  /** A variant's ρ, ε, μ, 1 − ρ for the current call (variantScalars writes them; no allocation). */
  private readonly scalars = new Float64Array(4);
  private readonly plans: PlanCache;
  private viewGeneration = -1;
  private u32: Uint32Array<ArrayBufferLike> = new Uint32Array(0);
  private i32: Int32Array<ArrayBufferLike> = new Int32Array(0);
  private f32: Float32Array<ArrayBufferLike> = new Float32Array(0);
  private f64: Float64Array<ArrayBufferLike> = new Float64Array(0);

  /**
   * Instantiates the kernels over `heap`'s memory; {@link createWasmBackend} compiles the module
   * and makes the heap.
   * @param module - The compiled kernel module (its shared or unshared build, matching the heap).
   * @param heap - The heap whose memory the kernels import (and whose blocks they work on in place).
   * @throws The runtime's `WebAssembly.LinkError` / `RangeError` when the module cannot be instantiated over this memory.
   */
  constructor(module: WebAssembly.Module, heap: KernelHeap) {
    this.module = module;
    this.heap = heap;
    this.shared = heap.shared;
    this.ex = instantiateKernels(module, heap.memory);
    const ex = this.ex;
    heap.setZeroer((dst, bytes) => ex.zeroBytes(dst, bytes));
    this.plans = new PlanCache(heap);
    this.table = new ScratchBlock(heap, (bytes) => Math.max(2 * bytes, 1024));
    this.scratch = new ScratchBlock(heap, (bytes) => bytes);
    this.gemmScratch = new ScratchBlock(heap, (bytes) => bytes);
  }

  /**
   * `'wasm-simd-threads'` when large calls are split across threads here, else `'wasm-simd'`;
   * `'wasm-relaxed-simd…'` for the relaxed build.
   */
  get name(): string {
    const base = this.relaxed ? 'wasm-relaxed-simd' : 'wasm-simd';
    return this.threadsEnabled() ? `${base}-threads` : base;
  }

  /** True for the relaxed-SIMD build (fused multiply-add in the matrix product). */
  relaxed = false;

  /**
   * True when large calls are split across worker threads here (shared heap, more than 1 thread).
   * @returns Whether the heap is shared and `getNumThreads()` is above 1.
   */
  threadsEnabled(): boolean {
    return this.shared && getNumThreads() > 1;
  }

  /**
   * Starts the workers now (they otherwise start at the first large call); resolves when ready.
   * @returns A promise of the number of workers that are ready (0 without threads; workers that failed to start are not counted).
   */
  threadsReady(): Promise<number> {
    if (!this.threadsEnabled()) return Promise.resolve(0);
    const pool = this.ensurePool();
    return pool.ready();
  }

  /**
   * The worker pool's state, or undefined before the first threaded call.
   * @returns The pool's counters (jobs, worker chunks, workers ready / alive / died, the last error), or undefined.
   */
  poolStats(): PoolStats | undefined {
    return this.pool?.stats();
  }

  /** Stops this backend's workers, drops its pool and returns its table and scratch blocks. */
  dispose(): Promise<void> {
    this.releaseScratch();
    this.plans.clear();
    const pool = this.pool;
    this.pool = undefined;
    poolCleanup?.unregister(this);
    return pool === undefined ? Promise.resolve() : pool.dispose();
  }

  /**
   * Returns the kernels' own blocks (descriptor table, scratch of the copy paths and of gemm) to
   * the heap; the next call makes them again. They are kept between calls (so steady-state calls
   * allocate nothing) and only grow; `scratchBytes` says how much they hold.
   */
  releaseScratch(): void {
    this.table.release();
    this.scratch.release();
    this.gemmScratch.release();
  }

  /** Bytes held by the kernels' own table and scratch blocks (part of the heap's bytes in use). */
  get scratchBytes(): number {
    return this.table.bytes + this.scratch.bytes + this.gemmScratch.bytes;
  }

  /**
   * The kernel contract's matrix product (`GemmCall`): float32 with the f32x4 kernel of
   * assembly/gemm.ts, float64 with the TypeScript reference (there is no float64 WebAssembly
   * product; the numbers are the contract's either way). Operands that are views of the heap are
   * used in place (B only when not transposed; C when it is one contiguous span); the others are
   * copied (a transposed B packed on the way) into one reusable scratch block, so steady-state
   * calls allocate nothing. Products of at least `threadConfig().gemmThreshold` multiply-adds
   * are split by output tiles across the worker threads (never a sum, so the bits do not depend
   * on the thread count). Only when the heap cannot hold the scratch space does a float32 call
   * run the reference loops (same numbers), counted in `refFallbacks` and reported once through
   * the log sink.
   * @param dtype - `'float32'` or `'float64'`: the element type of every array.
   * @param call - The {@link GemmCall}: sizes, operands (plain matrices, patches or image layouts), bias, batch strides; C is written.
   * @throws {@link errors.TypeError} when `dtype` is not float32/float64, the call is not an object, or an array or flag has the wrong type; {@link errors.ValueError} when a size or geometry is invalid, an operand does not lie inside its array, or C overlaps an input.
   */
  gemm(dtype: KernelDType, call: GemmCall<Float32Array | Float64Array>): void {
    const g = resolveGemm(dtype, call);
    if (dtype === 'float64' || g.m * g.n * g.batch === 0 || g.k === 0) {
      gemmRef(dtype, g);
      return;
    }
    this.gemmF32(g as ResolvedGemm<Float32Array>);
  }

  /**
   * Benchmark calibration (bench/gemm.ts): runs `iters` rounds of 96 float32 flops of f32x4
   * multiply and add with no memory traffic on the calling thread, the ceiling of the product.
   * @param iters - The number of rounds.
   * @returns A lane of the result (so that the loop cannot be optimised away); time the call for the rate.
   */
  calibrateF32x4(iters: number): number {
    return this.ex.peakF32x4(iters);
  }

  /**
   * The kernels' own single-precision fused multiply-add, `out[i] = fmaf(a[i], b[i], c[i])` (the
   * f32x4 path on groups of four, the scalar path on the tail), as the `'torch'` and `'timm'`
   * RMSProp variants compute it; tests/kernels/variants.test.ts checks it against an exact oracle.
   * @param a - Float32Array views of this backend's heap, all of one length (as `b`, `c`, `out`).
   * @param b - The second factors.
   * @param c - The addends.
   * @param out - Receives the results (may be one of the inputs).
   * @throws {@link errors.ValueError} when an array is not a Float32Array view of the heap or the lengths differ (nothing is written).
   */
  fmafF32(a: Float32Array, b: Float32Array, c: Float32Array, out: Float32Array): void {
    for (const x of [a, b, c, out]) {
      if (!(x instanceof Float32Array) || !this.heap.contains(x) || x.length !== a.length) {
        throw new ValueError('fmafF32 takes four Float32Array views of the kernel heap of one length.');
      }
    }
    this.ex.fmafF32(a.byteOffset, b.byteOffset, c.byteOffset, out.byteOffset, a.length);
  }

  /**
   * ReLU (kernel contract `relu`): float32 in the module (assembly/relu.ts, f32x4 over the bits),
   * the arrays read and written in place when they are heap views, else copied through the product
   * scratch; float64 and short arrays with the reference loop (the same bits).
   * @param dtype - `'float32'` or `'float64'`: the element type of `x` and `out`.
   * @param x - The inputs.
   * @param out - Receives the outputs; as long as `x` (may be `x`).
   * @throws {@link errors.TypeError} when `dtype` is not float32/float64 or an array is not `dtype`'s typed array; {@link errors.ValueError} when the lengths differ (nothing is written).
   */
  relu(dtype: KernelDType, x: Float32Array | Float64Array, out: Float32Array | Float64Array): void {
    this.unaryF32('relu', dtype, x, out, reluRef, (p, o, n) => this.ex.reluF32(p, o, n));
  }

  /**
   * A one-input element-wise kernel: the arguments checked, float64 and short arrays with the
   * reference loop, float32 in the module through {@link WasmBackend.elementwiseF32}.
   */
  private unaryF32(
    where: string,
    dtype: KernelDType,
    x: Float32Array | Float64Array,
    out: Float32Array | Float64Array,
    ref: (x: Float32Array | Float64Array, out: Float32Array | Float64Array) => void,
    kernel: (x: number, out: number, n: number) => void,
  ): void {
    validateElementwise(where, dtype, { x, out });
    if (dtype === 'float64' || x.length < ELEMENTWISE_MIN) {
      ref(x, out);
      return;
    }
    this.elementwiseF32([x as Float32Array], out as Float32Array, (ptrs, o, n) => kernel(ptrs[0] as number, o, n), () => ref(x, out));
  }

  /**
   * ReLU's gradient (kernel contract `reluGrad`), as {@link WasmBackend.relu} runs.
   * @param dtype - `'float32'` or `'float64'`: the element type of the arrays.
   * @param out - The forward's outputs.
   * @param g - The outputs' gradient.
   * @param gx - Receives the inputs' gradient; all three of one length (`gx` may be `g`).
   * @throws {@link errors.TypeError} when `dtype` is not float32/float64 or an array is not `dtype`'s typed array; {@link errors.ValueError} when the lengths differ (nothing is written).
   */
  reluGrad(dtype: KernelDType, out: Float32Array | Float64Array, g: Float32Array | Float64Array, gx: Float32Array | Float64Array): void {
    validateElementwise('reluGrad', dtype, { out, g, gx });
    if (dtype === 'float64' || g.length < ELEMENTWISE_MIN) {
      reluGradRef(out, g, gx);
      return;
    }
    this.elementwiseF32([out as Float32Array, g as Float32Array], gx as Float32Array, (ptrs, o, n) => this.ex.reluGradF32(ptrs[0] as number, ptrs[1] as number, o, n), () => reluGradRef(out, g, gx));
  }

  /**
   * The sigmoid (kernel contract `sigmoid`): float32 in the module (assembly/exp.ts: fdlibm's
   * exp, the function behind V8's Math.exp, then the reference's float32 steps; about half the
   * reference loop's time an element), heap views in place, else copied through the product
   * scratch; float64 and short arrays with the reference loop (the same bits).
   * @param dtype - `'float32'` or `'float64'`: the element type of `x` and `out`.
   * @param x - The inputs.
   * @param out - Receives the outputs; as long as `x` (may be `x`).
   * @throws {@link errors.TypeError} when `dtype` is not float32/float64 or an array is not `dtype`'s typed array; {@link errors.ValueError} when the lengths differ (nothing is written).
   */
  sigmoid(dtype: KernelDType, x: Float32Array | Float64Array, out: Float32Array | Float64Array): void {
    this.unaryF32('sigmoid', dtype, x, out, sigmoidRef, (p, o, n) => this.ex.sigmoidF32(p, o, n));
  }

  /**
   * e^x (kernel contract `exp`), as {@link WasmBackend.sigmoid} runs (assembly/exp.ts: fdlibm's exp,
   * the reference's Math.exp, two lanes at a time).
   * @param dtype - `'float32'` or `'float64'`: the element type of `x` and `out`.
   * @param x - The inputs.
   * @param out - Receives the outputs; as long as `x` (may be `x`).
   * @throws {@link errors.TypeError} when `dtype` is not float32/float64 or an array is not `dtype`'s typed array; {@link errors.ValueError} when the lengths differ (nothing is written).
   */
  exp(dtype: KernelDType, x: Float32Array | Float64Array, out: Float32Array | Float64Array): void {
    this.unaryF32('exp', dtype, x, out, expRef, (p, o, n) => this.ex.expF32(p, o, n));
  }

  /**
   * An element-wise float32 kernel over `inputs` into `out` (all one length): heap views in place,
   * others copied into the product scratch (and `out` back); the reference when the scratch does
   * not fit (reported as a fallback).
   */
  private elementwiseF32(inputs: readonly Float32Array[], out: Float32Array, run: (ptrs: readonly number[], out: number, n: number) => void, ref: () => void): void {
    const n = out.length;
    const heap = this.heap;
    // offsets are read before anything can grow (and detach) the memory
    const at = inputs.map((a) => (heap.contains(a) ? a.byteOffset : -1));
    const outAt = heap.contains(out) ? out.byteOffset : -1;
    const bytes = align16(n * 4);
    const need = at.reduce((s, p) => s + (p < 0 ? bytes : 0), 0) + (outAt < 0 ? bytes : 0);
    if (need > 0 && !this.gemmScratch.ensure(need)) {
      this.refFallback(need);
      ref();
      return;
    }
    this.refreshViews();
    let free = this.gemmScratch.offset;
    const ptrs = at.map((p, i) => {
      if (p >= 0) return p;
      const q = free;
      this.f32.set(inputs[i] as Float32Array, q >>> 2);
      free += bytes;
      return q;
    });
    const o = outAt >= 0 ? outAt : free;
    run(ptrs, o, n);
    if (outAt < 0) out.set(this.f32.subarray(o >>> 2, (o >>> 2) + n));
    this.stats.elementwiseCalls++;
  }

  /**
   * Max pooling (kernel contract `MaxPoolCall`): float32 in the module (branch-free running max,
   * the reference's bits), the input read in place when it is a heap view, else copied into the
   * product scratch with the bounds, the outputs copied back; float64 with the reference loop.
   * @param dtype - `'float32'` or `'float64'`: the element type of `x` and `out`.
   * @param call - The {@link MaxPoolCall}: the input planes, the window bounds, and `out` / `arg` to write.
   * @throws {@link errors.TypeError} when `dtype` is not float32/float64, the call is not an object, or an array has the wrong type; {@link errors.ValueError} when a size is not a non-negative integer, an array is too short, or a window leaves the image.
   */
  maxPool(dtype: KernelDType, call: MaxPoolCall<Float32Array | Float64Array>): void {
    validateMaxPool(dtype, call);
    if (dtype === 'float64') {
      maxPoolRef(call);
      return;
    }
    const x = call.x as Float32Array;
    const inLen = call.n * call.c * call.h * call.w;
    const outLen = call.n * call.c * call.oh * call.ow;
    const xAt = this.heap.contains(x) ? x.byteOffset : -1;
    const need = POOL_BYTES + align16(4 * (2 * call.oh + 2 * call.ow)) + (xAt < 0 ? align16(inLen * 4) : 0) + 2 * align16(outLen * 4);
    if (!this.gemmScratch.ensure(need)) {
      this.refFallback(need);
      maxPoolRef(call);
      return;
    }
    this.refreshViews();
    const desc = this.gemmScratch.offset;
    let at = desc + POOL_BYTES;
    const i32 = this.i32;
    const rowsAt = at;
    i32.set(call.rows.subarray(0, 2 * call.oh), rowsAt >>> 2);
    const colsAt = rowsAt + 8 * call.oh;
    i32.set(call.cols.subarray(0, 2 * call.ow), colsAt >>> 2);
    at += align16(4 * (2 * call.oh + 2 * call.ow));
    let xPtr = xAt;
    if (xPtr < 0) {
      xPtr = at;
      this.f32.set(x.subarray(0, inLen), at >>> 2);
      at += align16(inLen * 4);
    }
    const outAt = at;
    const argAt = at + align16(outLen * 4);
    // the descriptor (assembly/pool.ts): n, c, h, w, oh, ow, channelsLast, rows, cols
    const d = desc >>> 2;
    i32[d] = call.n;
    i32[d + 1] = call.c;
    i32[d + 2] = call.h;
    i32[d + 3] = call.w;
    i32[d + 4] = call.oh;
    i32[d + 5] = call.ow;
    i32[d + 6] = call.channelsLast ? 1 : 0;
    i32[d + 7] = rowsAt;
    i32[d + 8] = colsAt;
    this.ex.maxPoolF32(desc, xPtr, outAt, argAt);
    call.out.set(this.f32.subarray(outAt >>> 2, (outAt >>> 2) + outLen));
    call.arg.set(i32.subarray(argAt >>> 2, (argAt >>> 2) + outLen));
    this.stats.poolCalls++;
  }

  /**
   * Between NCHW channels at byte offset `image` and the rows of `batch` products of `cols`
   * columns at `rows` (`GemmCall.aImage`): one blocked transpose per image and product.
   */
  private layoutRows(image: number, rows: number, n: number, hw: number, batch: number, cols: number, toImage: boolean): void {
    const C = batch * cols;
    const P = n * hw;
    for (let r = 0; r < batch; r++) {
      for (let i = 0; i < n; i++) {
        const img = image + (i * C + r * cols) * hw * 4;
        const row = rows + (r * P + i * hw) * cols * 4;
        if (toImage) this.ex.transposeF32(row, img, hw, cols);
        else this.ex.transposeF32(img, row, cols, hw);
      }
    }
  }

  /** Fills the descriptor of a side job (assembly/gemm.ts G_MODE 1: gather, 2: col2im). */
  private writeSideJob(at: number, mode: number, patch: number, image: number, band: number, pc: number, m: number, k: number, tile: number, tiles: number): void {
    const u32 = this.u32;
    const d = at >>> 2;
    u32.fill(0, d, d + (GEMM_BYTES >>> 2));
    u32[d + G.mode] = mode;
    u32[d + G.patch] = patch;
    u32[d + G.pimage] = image;
    u32[d + G.pband] = band;
    u32[d + G.pc] = pc;
    u32[d + G.m] = m;
    u32[d + G.k] = k;
    u32[d + G.tile] = tile;
    u32[d + G.tiles] = tiles;
  }

  /** Runs `units` units of the side job at `at` on the pool (caller included). */
  private runSide(at: number, units: number): void {
    this.stats.threadedCalls++;
    this.ensurePool().run(CMD_GEMM_F32, at, 0, units, 1, 0, 0, 0, 0, 0);
  }

  /** Where the image of a patch operand is: its heap byte offset (-1 if outside the heap). */
  private patchImage(geometry: PatchGeometry | null, image: Float32Array): PatchImage | null {
    if (geometry === null) return null;
    const length = geometry.n * geometry.c * geometry.h * geometry.w;
    return { g: geometry, length, heapAt: this.heap.contains(image) ? image.byteOffset : -1 };
  }

  private writePatchGeometry(at: number, g: PatchGeometry): void {
    const u32 = this.u32;
    const d = at >>> 2;
    for (let i = 0; i < PATCH_WORDS.length; i++) u32[d + i] = g[PATCH_WORDS[i] as (typeof PATCH_WORDS)[number]];
    u32[d + PATCH_WORDS.length] = g.channelsLast ? 1 : 0;
  }

  private gemmF32(g: ResolvedGemm<Float32Array>): void {
    const { m: M, n: N, k: K, batch } = g;
    const heap = this.heap;
    // offsets are read before anything can grow (and detach) the memory
    const aSpan = (batch - 1) * g.strideA + M * K;
    const bSpan = (batch - 1) * g.strideB + K * N;
    // a patch operand is gathered into scratch from its image (copied in first unless in the heap)
    const aImg = this.patchImage(g.aPatches, g.a);
    const bImg = this.patchImage(g.bPatches, g.b);
    const cImg = this.patchImage(g.cPatches, g.c);
    // an operand stored as NCHW channels is transposed into rows in scratch (and C back)
    const aLay = g.aImage;
    const cLay = g.cImage;
    const aLayAt = aLay !== null && heap.contains(g.a) ? g.a.byteOffset : -1;
    const cLayAt = cLay !== null && heap.contains(g.c) ? g.c.byteOffset : -1;
    const aIn = aImg === null && aLay === null && heap.contains(g.a);
    const bIn = bImg === null && !g.transB && heap.contains(g.b);
    const cIn = cImg === null && cLay === null && heap.contains(g.c) && (batch === 1 || g.strideC === M * N);
    const biasIn = g.bias === null || heap.contains(g.bias);
    // a transposed B in the heap is packed by the module from its offset, read now: growing an
    // ordinary memory below detaches the caller's views (and a detached view's offset reads 0)
    const bHeapAt = g.transB && heap.contains(g.b) ? g.b.byteOffset + g.bOffset * 4 : -1;
    // likewise a heap C that is not one contiguous span (gapped strides) is written back by offset
    const cHeapAt = !cIn && heap.contains(g.c) ? g.c.byteOffset + g.cOffset * 4 : -1;
    let pa = aIn ? g.a.byteOffset + g.aOffset * 4 : 0;
    let pb = bIn ? g.b.byteOffset + g.bOffset * 4 : 0;
    let pc = cIn ? g.c.byteOffset + g.cOffset * 4 : 0;
    let pbias = g.bias !== null && biasIn ? g.bias.byteOffset : 0;
    // B packed transposed: one [K,N] matrix per product (one in all when broadcast)
    const bMats = g.strideB === 0 ? 1 : batch;
    // a patch A is gathered band by band inside the product: bands of `bandRows` rows of ~96 KiB
    const bandRows = aImg === null ? 0 : Math.min(M, Math.max(4, Math.floor(PATCH_BAND_BYTES / Math.max(1, K * 4) / 4) * 4));
    const bands = aImg === null || M === 0 ? 0 : Math.ceil(M / bandRows);
    const aBytes = aIn ? 0 : aImg !== null ? align16(batch * bands * bandRows * K * 4) : align16(aSpan * 4);
    const bBytes = bIn ? 0 : align16((g.transB ? bMats * K * N : bSpan) * 4);
    const cBytes = cIn ? 0 : align16(batch * M * N * 4);
    const biasBytes = biasIn ? 0 : align16(N * 4);
    const layoutBytes = (aLay !== null && aLayAt < 0 ? align16(aSpan * 4) : 0) + (cLay !== null && cLayAt < 0 ? align16(batch * M * N * 4) : 0);
    const patchBytes = patchScratchBytes(aImg) + patchScratchBytes(bImg) + patchScratchBytes(cImg, true) + layoutBytes;
    // the number of threads, decided before the operands are placed (gathers run on them too)
    const macs = batch * M * N * K;
    const threads = macs >= threadConfig().gemmThreshold && this.threadsEnabled() ? getNumThreads() : 1;
    // tiles: the whole product per unit on one thread; bands of rows or columns across threads
    let splitN = false;
    let tile = M;
    let tiles = 1;
    if (aImg !== null) {
      // bands of rows, each gathered by the thread that computes it
      tile = bandRows;
      tiles = bands;
    } else if (threads > 1 && batch < TILES_PER_THREAD * threads) {
      const want = Math.ceil((TILES_PER_THREAD * threads) / batch); // tiles per product, for balance
      splitN = N >= M;
      const unit = splitN ? 8 : 4;
      const extent = splitN ? N : M;
      tile = Math.max(unit, Math.ceil(extent / want / unit) * unit);
      tiles = Math.ceil(extent / tile);
    }
    const units = batch * tiles;
    // workers asleep since the last job start waking now, while this thread prepares the operands
    if (threads > 1 && units > 1) this.ensurePool().wake();
    // the zero-skip lists of A (assembly/gemm.ts G_SKIP), when the product is large enough to pay
    // for building them: one record per 4-row block of each A and block of GEMM_KC values of k
    // (a patch A: each unit builds the lists of the band it gathers, in a region of its own)
    const recordsOf = (rows: number): number => (rows >>> 2) * Math.ceil(K / GEMM_KC) * skipRecordBytes(K);
    const aCount = g.strideA === 0 ? 1 : batch; // the A's of the batch (one when broadcast)
    const skipBytes =
      M >= 4 && N >= SKIP_MIN_N && macs >= SKIP_MIN_MACS
        ? aImg !== null
          ? units * recordsOf(tile)
          : aCount * recordsOf(M)
        : 0;
    const skipLists = skipBytes > 0 && skipBytes <= SKIP_MAX_BYTES;
    // a second descriptor for the side jobs (gather of a patch B, col2im of a patch C)
    // a transposed B outside the heap is copied in whole first, then transposed by the module (a
    // JavaScript transpose's scattered stores cost 3–4× the copy and the module's blocked one)
    const stageBytes = g.transB && bHeapAt < 0 ? align16(bSpan * 4) : 0;
    const baseNeed = 2 * GEMM_BYTES + aBytes + bBytes + cBytes + biasBytes + patchBytes + stageBytes;
    const need = baseNeed + (skipLists ? align16(SKIP_TABLE_BYTES + skipBytes) : 0);
    if (!this.gemmScratch.ensure(need)) {
      this.refFallback(need);
      gemmRef('float32', g);
      return;
    }
    this.refreshViews();
    const f32 = this.f32;
    const desc = this.gemmScratch.offset;
    const sideDesc = desc + GEMM_BYTES;
    let at = desc + 2 * GEMM_BYTES;
    // patch geometries and images (and col2im's float64 sums) after the operands
    let patchAt = at + aBytes + bBytes + cBytes + biasBytes;
    const placePatches = (img: PatchImage | null, src: Float32Array, withSums: boolean): [number, number, number] => {
      if (img === null) return [0, 0, 0];
      const geom = patchAt;
      this.writePatchGeometry(geom, img.g);
      patchAt += PATCH_BYTES;
      let image = img.heapAt;
      if (image < 0 && !withSums) {
        image = patchAt;
        f32.set(src.subarray(0, img.length), image >>> 2);
        patchAt += align16(img.length * 4);
      }
      let sums = 0;
      if (withSums) {
        sums = patchAt;
        patchAt += align16(img.length * 8);
      }
      return [geom, image, sums];
    };
    let zeroCopy = 0;
    let aPatchGeom = 0;
    let aPatchImage = 0;
    if (aImg !== null) {
      pa = at; // the bands
      [aPatchGeom, aPatchImage] = placePatches(aImg, g.a, false);
      at += aBytes;
    } else if (aLay !== null) {
      pa = at;
      let image = aLayAt;
      if (image < 0) {
        image = patchAt;
        f32.set(g.a.subarray(0, aSpan), image >>> 2);
        patchAt += align16(aSpan * 4);
      }
      this.layoutRows(image, pa, aLay.n, aLay.hw, batch, g.transA ? M : K, false);
      at += aBytes;
    } else if (!aIn) {
      pa = at;
      f32.set(g.a.subarray(g.aOffset, g.aOffset + aSpan), at >>> 2);
      at += aBytes;
    } else {
      zeroCopy++;
    }
    let strideB = g.strideB;
    if (g.transB) {
      // pack each B [N,K] as [K,N] in the module (from the heap, or from B copied in at the
      // end of the scratch's operands)
      let src = bHeapAt;
      if (src < 0) {
        src = desc + baseNeed - stageBytes;
        f32.set(g.b.subarray(g.bOffset, g.bOffset + bSpan), src >>> 2);
      }
      for (let r = 0; r < bMats; r++) this.ex.transposeF32(src + r * g.strideB * 4, at + r * K * N * 4, N, K);
      pb = at;
      strideB = bMats === 1 ? 0 : K * N;
      at += bBytes;
    } else if (bImg !== null) {
      pb = at;
      const [geom, image] = placePatches(bImg, g.b, false);
      if (threads > 1) {
        // the gather as units of rows on the pool (each unit zero-fills and writes its own rows)
        const P = K;
        const rows = Math.max(1, Math.ceil(P / (4 * threads)));
        const tiles = Math.ceil(P / rows);
        this.writeSideJob(sideDesc, 1, geom, image, pb, 0, P, N, rows, tiles);
        this.runSide(sideDesc, batch * tiles);
      } else {
        this.ex.imageToRowsF32(geom, image, pb);
      }
      at += bBytes;
    } else if (!bIn) {
      pb = at;
      f32.set(g.b.subarray(g.bOffset, g.bOffset + bSpan), at >>> 2);
      at += bBytes;
    } else {
      zeroCopy++;
    }
    if (!cIn) {
      pc = at;
      at += cBytes;
    } else {
      zeroCopy++;
    }
    if (g.bias !== null && !biasIn) {
      pbias = at;
      f32.set(g.bias.subarray(0, N), at >>> 2);
      at += biasBytes;
    }
    this.stats.gemmZeroCopy += zeroCopy;

    const u32 = this.u32;
    const d = desc >>> 2;
    u32[d + G.pa] = pa;
    u32[d + G.pb] = pb;
    u32[d + G.pc] = pc;
    u32[d + G.m] = M;
    u32[d + G.n] = N;
    u32[d + G.k] = K;
    u32[d + G.aRow] = g.transA ? 4 : K * 4;
    u32[d + G.aK] = g.transA ? M * 4 : 4;
    u32[d + G.bias] = pbias;
    u32[d + G.strideA] = g.strideA * 4; // a copied A keeps its layout
    u32[d + G.strideB] = strideB * 4;
    u32[d + G.strideC] = cIn ? g.strideC * 4 : M * N * 4;
    u32[d + G.splitN] = splitN ? 1 : 0;
    u32[d + G.tile] = tile;
    u32[d + G.tiles] = tiles;
    u32[d + G.patch] = aPatchGeom;
    u32[d + G.pimage] = aPatchImage;
    u32[d + G.pband] = aPatchGeom === 0 ? 0 : pa;
    u32[d + G.mode] = 0;
    u32[d + G.skip] = 0;
    if (skipLists) {
      // lists after everything else in the scratch (G_SKIP set only when they pay): the module
      // scans the first rows (dense ones stop there), then the rest is built on the pool when the
      // product is threaded, else here
      const lists = desc + baseNeed;
      const start = -this.ex.gemmSkipListsF32(desc, lists);
      let skipped = 0;
      if (start > 0) {
        const total = aImg === null ? aCount * (M >>> 2) : start;
        const rest = total - start;
        if (rest > 0 && threads > 1 && units > 1) {
          const per = Math.ceil(rest / (TILES_PER_THREAD * threads));
          this.writeSideJob(sideDesc, 3, 0, 0, lists, desc, start, total, per, 0);
          this.ensurePool().run(CMD_GEMM_F32, sideDesc, 0, Math.ceil(rest / per), 1, 0, 0, 0, 0, 0);
        } else if (rest > 0) {
          this.ex.gemmSkipRestF32(desc, lists, start, total);
        }
        skipped = this.ex.gemmSkipFinishF32(desc, lists, batch);
      }
      if (skipped > 0) this.stats.gemmSkipped++;
      const counts = (desc + baseNeed + SKIP_TABLE_BYTES - 16) >>> 2;
      this.stats.gemmRowBlocks += u32[counts] as number;
      this.stats.gemmUnionBlocks += u32[counts + 1] as number;
      this.stats.gemmDenseBlocks += u32[counts + 2] as number;
    }
    if (threads > 1 && units > 1) {
      this.stats.threadedCalls++;
      this.ensurePool().run(CMD_GEMM_F32, desc, 0, units, 1, 0, 0, 0, 0, 0);
    } else {
      this.ex.gemmUnitsF32(desc, 0, units);
    }
    this.stats.gemmCalls++;
    if (cImg !== null) {
      // col2im: float64 sums in scratch, rounded in place, then into the image
      const [geom, image, sums] = placePatches(cImg, g.c, true);
      const N0 = cImg.g.n;
      if (threads > 1 && N0 > 1) {
        // images on the pool: each image's sums come from its own rows (same order, same bits);
        // not rounded in place (a float32 image would land on another image's float64 sums)
        const out = cImg.heapAt >= 0 ? image : patchAt;
        const per = Math.max(1, Math.ceil(N0 / (4 * threads)));
        this.writeSideJob(sideDesc, 2, geom, out, sums, pc, 0, 0, per, 0);
        this.runSide(sideDesc, Math.ceil(N0 / per));
        if (cImg.heapAt < 0) g.c.set(f32.subarray(out >>> 2, (out >>> 2) + cImg.length));
      } else {
        const out = cImg.heapAt >= 0 ? image : sums;
        this.ex.rowsToImageF32(geom, pc, sums, out);
        if (cImg.heapAt < 0) g.c.set(f32.subarray(sums >>> 2, (sums >>> 2) + cImg.length));
      }
      this.stats.patchCalls++;
      return;
    }
    if (aImg !== null || bImg !== null) this.stats.patchCalls++;
    if (cLay !== null) {
      let image = cLayAt;
      if (image < 0) {
        image = patchAt;
        patchAt += align16(batch * M * N * 4);
      }
      this.layoutRows(image, pc, cLay.n, cLay.hw, batch, N, true);
      if (cLayAt < 0) g.c.set(f32.subarray(image >>> 2, (image >>> 2) + batch * M * N));
      return;
    }
    if (!cIn) {
      // (no growth since refreshViews: f32 is still a live view)
      for (let r = 0; r < batch; r++) {
        const from = (pc >>> 2) + r * M * N;
        if (cHeapAt >= 0) f32.copyWithin((cHeapAt >>> 2) + r * g.strideC, from, from + M * N);
        else g.c.set(f32.subarray(from, from + M * N), g.cOffset + r * g.strideC);
      }
    }
  }

  rmspropStep(
    dtype: KernelDType,
    slots: readonly RmspropSlot<Float32Array | Float64Array>[],
    hyper: RmspropHyper,
  ): void {
    validateHyper(hyper);
    const n = slots.length;
    const centered = hyper.centered;
    const bpe = dtype === 'float32' ? 4 : 8;
    // a framework's variant (types.ts RmspropVariant) runs rmspropVar*; 0 is Paddle's own kernel
    const mode = hyper.variant === undefined || hyper.variant === 'paddle' ? 0 : variantMode(hyper);
    // the arrays the kernel reads or writes (bits: param, grad, meanSquare, moment, meanGrad):
    // meanGrad only when centered, moment unless the framework keeps no momentum buffer
    const used = 7 | (mode === 0 || (mode & MODE_BUFFER) !== 0 ? 8 : 0) | (centered ? 16 : 0);

    // 1. where every array lives (recorded before anything can grow the memory); the usual
    //    training loop passes the same arrays every step and reuses the remembered plan
    const key = STEP_KEYS[dtype === 'float32' ? 0 : 1]![mode === 0 ? (centered ? 1 : 0) : mode]!;
    const cached = this.plans.find(key, n, (refs) => sameSlotArrays(refs, slots));
    let plan: Uint32Array;
    let total: number;
    let copyBytes = 0;
    if (cached !== undefined) {
      validateSlotScalars(slots);
      plan = cached.plan;
      total = cached.total;
      this.stats.planCacheHits++;
    } else {
      total = validateSlots(dtype, slots);
      if (n === 0) {
        this.stats.stepCalls++;
        return;
      }
      if (this.plan.length < n * PLAN_INTS) this.plan = new Uint32Array(Math.max(n, 16) * 2 * PLAN_INTS);
      plan = this.plan;
      copyBytes = this.planStep(slots, used, plan);
      if (copyBytes === 0) this.plans.remember(key, n, slotArrays(slots), plan, total, 0);
    }

    // 2. table and scratch space (may grow the memory)
    if (!this.table.ensure(n * DESC_BYTES) || !this.scratch.ensure(copyBytes)) {
      this.refFallback(n * DESC_BYTES + copyBytes);
      rmspropStepRef(dtype, this.freshSlots(slots, n, used, plan), hyper);
      return;
    }
    this.refreshViews();
    const u32 = this.u32;
    const f64 = this.f64;
    const table = this.table.offset;

    // 3. descriptors; copy in what is not in the heap
    let scratch = this.scratch.offset;
    let start = 0;
    for (let s = 0; s < n; s++) {
      const slot = slots[s]!;
      const base = s * PLAN_INTS;
      const mask = plan[base + P_COPY]!;
      const len = plan[base + P_LEN]!;
      if (mask === 0) {
        this.stats.zeroCopySlots++;
      } else {
        for (let k = 0; k < 5; k++) {
          if ((mask & (1 << k)) === 0) continue;
          const arr = slot[SLOT_KEYS[k]!];
          if (bpe === 4) this.f32.set(arr, scratch >>> 2);
          else this.f64.set(arr, scratch >>> 3);
          plan[base + k] = scratch;
          scratch += align16(len * bpe);
          this.stats.copiedArrays++;
        }
      }
      const r32 = (table + s * DESC_BYTES) >>> 2;
      const r64 = (table + s * DESC_BYTES) >>> 3;
      u32[r32 + DESC_U32.param] = plan[base]!;
      u32[r32 + DESC_U32.grad] = plan[base + 1]!;
      u32[r32 + DESC_U32.meanSquare] = plan[base + 2]!;
      u32[r32 + DESC_U32.moment] = plan[base + 3]!;
      u32[r32 + DESC_U32.meanGrad] = plan[base + 4]!;
      u32[r32 + DESC_U32.length] = len;
      u32[r32 + DESC_U32.start] = start;
      let flags = 0;
      if (slot.clipMin !== undefined || slot.clipMax !== undefined) flags |= F_CLIP;
      if (slot.gradScale !== undefined) flags |= F_SCALE;
      if (slot.paramScale !== undefined) flags |= F_PSCALE;
      const decay = slot.decay;
      if (decay !== undefined) flags |= decay.kind === 'l1' ? F_L1 : F_L2;
      u32[r32 + DESC_U32.flags] = flags;
      f64[r64 + DESC_F64.lr] = slot.lr;
      f64[r64 + DESC_F64.clipMin] = slot.clipMin ?? -Infinity;
      f64[r64 + DESC_F64.clipMax] = slot.clipMax ?? Infinity;
      f64[r64 + DESC_F64.gradScale] = slot.gradScale ?? 1;
      f64[r64 + DESC_F64.coeff] = decay === undefined ? 0 : decay.coeff;
      f64[r64 + DESC_F64.paramScale] = slot.paramScale ?? 1;
      start += len;
    }

    // 4. one call (split across threads when large)
    const { parallelThreshold, chunkElements } = threadConfig();
    const threaded = total > 0 && total >= parallelThreshold && this.threadsEnabled();
    const chunk = threaded ? stepChunk(total, getNumThreads(), chunkElements) : 0;
    if (mode === 0) {
      const rho = Math.fround(hyper.rho);
      const eps = Math.fround(hyper.epsilon);
      const mu = Math.fround(hyper.momentum);
      const c = centered ? 1 : 0;
      if (threaded) {
        const pool = this.ensurePool();
        this.stats.threadedCalls++;
        pool.run(dtype === 'float32' ? CMD_RMSPROP_F32 : CMD_RMSPROP_F64, table, n, total, chunk, 0, rho, eps, mu, c);
      } else if (dtype === 'float32') {
        this.ex.rmspropF32(table, n, 0, total, rho, eps, mu, c);
      } else {
        this.ex.rmspropF64(table, n, 0, total, rho, eps, mu, c);
      }
    } else {
      const k = this.scalars;
      variantScalars(dtype, hyper, k);
      if (threaded) {
        const pool = this.ensurePool();
        this.stats.threadedCalls++;
        pool.run(dtype === 'float32' ? CMD_RMSPROP_VAR_F32 : CMD_RMSPROP_VAR_F64, table, n, total, chunk, 0, k[0]!, k[1]!, k[2]!, mode, k[3]!);
      } else if (dtype === 'float32') {
        this.ex.rmspropVarF32(table, n, 0, total, k[0]!, k[1]!, k[2]!, k[3]!, mode);
      } else {
        this.ex.rmspropVarF64(table, n, 0, total, k[0]!, k[1]!, k[2]!, k[3]!, mode);
      }
    }
    this.stats.stepCalls++;

    // 5. copy back what was copied in (grad is only read)
    if (copyBytes > 0) {
      for (let s = 0; s < n; s++) {
        const base = s * PLAN_INTS;
        const mask = plan[base + P_COPY]!;
        if (mask === 0) continue;
        const slot = slots[s]!;
        const len = plan[base + P_LEN]!;
        for (let k = 0; k < 5; k++) {
          if (k === 1 || (mask & (1 << k)) === 0) continue;
          const arr = slot[SLOT_KEYS[k]!];
          const at = plan[base + k]!;
          if (bpe === 4) (arr as Float32Array).set(this.f32.subarray(at >>> 2, (at >>> 2) + len));
          else (arr as Float64Array).set(this.f64.subarray(at >>> 3, (at >>> 3) + len));
        }
      }
    }
  }

  sumSquares(dtype: KernelDType, arrays: readonly (Float32Array | Float64Array)[]): number {
    const n = arrays.length;
    const heap = this.heap;
    const bpe = dtype === 'float32' ? 4 : 8;
    // as in rmspropStep: the same array objects as a recent call reuse that plan
    const key = `sumsq/${dtype}`;
    const cached = this.plans.find(key, n, (refs) => sameArrays(refs, arrays));
    let plan: Uint32Array;
    let total: number;
    let blocks = 0;
    let copyBytes = 0;
    if (cached !== undefined) {
      plan = cached.plan;
      total = cached.total;
      blocks = cached.blocks;
      this.stats.planCacheHits++;
    } else {
      total = validateArrays(dtype, arrays);
      if (n === 0 || total === 0) {
        this.stats.sumSquaresCalls++;
        return 0;
      }
      if (this.plan.length < n * PLAN_INTS) this.plan = new Uint32Array(Math.max(n, 16) * 2 * PLAN_INTS);
      plan = this.plan;
      for (let a = 0; a < n; a++) {
        const arr = arrays[a]!;
        const base = a * PLAN_INTS;
        const inHeap = heap.contains(arr);
        plan[base] = inHeap ? arr.byteOffset : 0;
        plan[base + P_LEN] = arr.length;
        plan[base + P_COPY] = inHeap ? 0 : 1;
        if (!inHeap) copyBytes += align16(arr.byteLength);
        blocks += Math.ceil(arr.length / SQ_BLOCK);
      }
      if (copyBytes === 0) this.plans.remember(key, n, arrays.slice(), plan, total, blocks);
    }
    if (!this.table.ensure(n * SQ_BYTES) || !this.scratch.ensure(copyBytes + blocks * 8)) {
      this.refFallback(n * SQ_BYTES + copyBytes + blocks * 8);
      return sumSquaresRef(this.freshArrays(arrays, n, bpe, plan));
    }
    this.refreshViews();
    const u32 = this.u32;
    const table = this.table.offset;
    const out = this.scratch.offset; // block sums first, copies after
    let scratch = out + align16(blocks * 8);
    let first = 0;
    for (let a = 0; a < n; a++) {
      const base = a * PLAN_INTS;
      const len = plan[base + P_LEN]!;
      if (plan[base + P_COPY] !== 0) {
        const arr = arrays[a]!;
        if (bpe === 4) this.f32.set(arr, scratch >>> 2);
        else this.f64.set(arr, scratch >>> 3);
        plan[base] = scratch;
        scratch += align16(len * bpe);
        this.stats.copiedArrays++;
      }
      const r = (table + a * SQ_BYTES) >>> 2;
      u32[r + SQ_U32.ptr] = plan[base]!;
      u32[r + SQ_U32.length] = len;
      u32[r + SQ_U32.first] = first;
      first += Math.ceil(len / SQ_BLOCK);
    }
    const { parallelThreshold } = threadConfig();
    if (total >= parallelThreshold && blocks > 1 && this.threadsEnabled()) {
      this.stats.threadedCalls++;
      this.ensurePool().run(
        dtype === 'float32' ? CMD_SUMSQ_F32 : CMD_SUMSQ_F64,
        table,
        n,
        blocks,
        1,
        out,
        0,
        0,
        0,
        0,
      );
    } else if (dtype === 'float32') {
      this.ex.sumSquaresF32(table, n, 0, blocks, out);
    } else {
      this.ex.sumSquaresF64(table, n, 0, blocks, out);
    }
    this.stats.sumSquaresCalls++;
    const f64 = this.f64;
    let sum = 0;
    for (let b = 0, at = out >>> 3; b < blocks; b++) sum += f64[at + b]!;
    return sum;
  }

  // ---- internals ------------------------------------------------------------------------------

  /** A call that runs the TypeScript loops because the heap cannot hold its table or scratch. */
  private refFallback(bytes: number): void {
    this.stats.refFallbacks++;
    this.heap.reportFallback(bytes, 'kernel calls whose scratch space does not fit run the TypeScript reference loops (same numbers, about 10 times slower)');
  }

  /** Fills `plan` for a group; returns the bytes of scratch space its non-heap arrays need. */
  private planStep(
    slots: readonly RmspropSlot<Float32Array | Float64Array>[],
    used: number,
    plan: Uint32Array,
  ): number {
    const heap = this.heap;
    let copyBytes = 0;
    for (let s = 0; s < slots.length; s++) {
      const slot = slots[s]!;
      const base = s * PLAN_INTS;
      let mask = 0;
      for (let k = 0; k < 5; k++) {
        const arr = slot[SLOT_KEYS[k]!];
        const unused = (used & (1 << k)) === 0;
        if (unused || heap.contains(arr)) {
          plan[base + k] = unused ? 0 : arr.byteOffset;
        } else {
          mask |= 1 << k;
          copyBytes += align16(arr.byteLength);
        }
      }
      plan[base + P_LEN] = slot.param.length;
      plan[base + P_COPY] = mask;
    }
    return copyBytes;
  }

  private ensurePool(): ThreadPool {
    if (this.pool === undefined) {
      this.pool = new ThreadPool(this.module, this.heap.memory, this.ex);
      // a backend dropped without dispose() must not leave its workers (and memory) behind
      poolCleanup?.register(this, this.pool, this);
    }
    const want = getNumThreads() - 1;
    if (this.pool.size !== want) this.pool.resize(want);
    return this.pool;
  }

  private refreshViews(): void {
    if (this.viewGeneration === this.heap.generation) return;
    const buf = this.heap.buffer;
    this.u32 = new Uint32Array(buf);
    this.i32 = new Int32Array(buf);
    this.f32 = new Float32Array(buf);
    this.f64 = new Float64Array(buf);
    this.viewGeneration = this.heap.generation;
    this.heap.stats.views += 4;
  }

  /**
   * Slots whose heap arrays are fresh views (after a growth of an ordinary memory the caller's
   * views are detached), for the reference fallback.
   */
  private freshSlots(
    slots: readonly RmspropSlot<Float32Array | Float64Array>[],
    n: number,
    used: number,
    plan: Uint32Array,
  ): RmspropSlot<Float32Array | Float64Array>[] {
    const result: RmspropSlot<Float32Array | Float64Array>[] = [];
    const buf = this.heap.buffer;
    for (let s = 0; s < n; s++) {
      const slot = slots[s]!;
      const base = s * PLAN_INTS;
      const len = plan[base + P_LEN]!;
      const mask = plan[base + P_COPY]!;
      const copy = { ...slot };
      for (let k = 0; k < 5; k++) {
        if ((used & (1 << k)) === 0 || (mask & (1 << k)) !== 0) continue;
        const at = plan[base + k]!;
        const fresh =
          slot.param instanceof Float32Array
            ? new Float32Array(buf, at, len)
            : new Float64Array(buf, at, len);
        copy[SLOT_KEYS[k]!] = fresh;
      }
      if ((used & 8) === 0) copy.moment = copy.param; // neither read nor written
      if ((used & 16) === 0) copy.meanGrad = copy.param; // not read when not centered
      result.push(copy);
    }
    return result;
  }

  private freshArrays(
    arrays: readonly (Float32Array | Float64Array)[],
    n: number,
    bpe: number,
    plan: Uint32Array,
  ): (Float32Array | Float64Array)[] {
    const buf = this.heap.buffer;
    const result: (Float32Array | Float64Array)[] = [];
    for (let a = 0; a < n; a++) {
      const base = a * PLAN_INTS;
      if (plan[base + P_COPY] !== 0) {
        result.push(arrays[a]!);
      } else {
        const at = plan[base]!;
        const len = plan[base + P_LEN]!;
        result.push(bpe === 4 ? new Float32Array(buf, at, len) : new Float64Array(buf, at, len));
      }
    }
    return result;
  }
}

/**
 * A heap block the backend keeps between calls and only grows (its descriptor table and scratch
 * space), so steady-state calls allocate nothing. `slack(bytes)` is what to reserve when it has to
 * grow (at least `bytes`; if that much cannot be had, exactly `bytes` is tried).
 */
class ScratchBlock {
  offset = 0;
  bytes = 0;
  constructor(
    private readonly heap: KernelHeap,
    private readonly slack: (bytes: number) => number,
  ) {}

  /** Makes room for `bytes`; false (and no block) when the heap cannot hold it. */
  ensure(bytes: number): boolean {
    if (bytes <= this.bytes) return true;
    this.release();
    let want = align16(Math.max(bytes, this.slack(bytes)));
    let off = this.heap.allocBytes(want);
    if (off < 0 && want > bytes) {
      want = align16(bytes);
      off = this.heap.allocBytes(want);
    }
    if (off < 0) return false;
    this.offset = off;
    this.bytes = want;
    return true;
  }

  release(): void {
    if (this.bytes > 0) this.heap.freeBytes(this.offset);
    this.bytes = 0;
  }
}

/**
 * Compiles (once), creates a heap and instantiates the kernels. Throws `RuntimeError` with the
 * reason when this runtime cannot run them.
 * @param options - {@link WasmBackendOptions}: `shared` (default: wherever SharedArrayBuffer exists), `initialPages`, `maximumPages`.
 * @returns A new backend with its own heap (install it with `useBackend`, or use the one `initKernelsAsync` makes).
 * @throws {@link errors.RuntimeError} when this runtime cannot compile the kernels (no WebAssembly or no SIMD), the heap's memory cannot be created, or the kernels cannot be instantiated; {@link errors.ValueError} when the page counts are out of range.
 */
export function createWasmBackend(options: WasmBackendOptions = {}): WasmBackend {
  const shared = options.shared ?? typeof SharedArrayBuffer === 'function';
  const relaxed = options.relaxed === true;
  const compiled = compileKernels(shared, relaxed);
  if (!compiled.ok) throw new RuntimeError(`WebAssembly kernels unavailable: ${compiled.reason}.`);
  let heap: KernelHeap;
  try {
    heap = new KernelHeap({
      shared,
      ...(options.initialPages === undefined ? {} : { initialPages: options.initialPages }),
      ...(options.maximumPages === undefined ? {} : { maximumPages: options.maximumPages }),
    });
  } catch (e) {
    if (e instanceof RuntimeError || e instanceof ValueError) throw e;
    throw new RuntimeError(
      `WebAssembly kernels unavailable: cannot create the ${shared ? 'shared ' : ''}kernel heap: ${e instanceof Error ? e.message : String(e)}.`,
    );
  }
  try {
    const backend = new WasmBackend(compiled.module, heap);
    backend.relaxed = relaxed;
    return backend;
  } catch (e) {
    throw new RuntimeError(
      `WebAssembly kernels unavailable: instantiating the kernels failed: ${e instanceof Error ? e.message : String(e)}.`,
    );
  }
}

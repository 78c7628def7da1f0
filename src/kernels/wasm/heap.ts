/**
 * The kernel heap (DESIGN.md §3): one growable `WebAssembly.Memory` (shared where the runtime
 * allows it, so worker threads update the same bytes) and a small allocator over it.
 *
 * - Blocks are 16-byte aligned and rounded up to 16 bytes. Free blocks are kept sorted by offset
 *   and coalesced; allocation is best fit among them, else a bump at the top, growing the memory
 *   by at least half its size when needed.
 * - `alloc(dtype, length)` implements the `Allocator` of src/tensor/storage.ts (zero-filled, like
 *   `allocArray`, even when the block is reused): the storage's
 *   `array()` re-acquires its typed-array view after the memory grew (a shared memory never
 *   moves, but `memory.buffer` is a new object after growth; an ordinary memory detaches the old
 *   views). `dispose()` frees the block; a `FinalizationRegistry` frees blocks whose storage was
 *   dropped without it.
 * - Ownership: every block has one owner that frees it deterministically (`Tensor.dispose()`,
 *   `Layer.dispose()`, `Optimizer.dispose()`, the backend's scratch). V8 runs finalizers only under
 *   JS-heap pressure, which this memory does not create, so the registry is a safety net only
 *   (`stats.finalized` counts what it had to free).
 * - When the memory cannot grow any more, `alloc` falls back to ordinary JavaScript storage
 *   (`location: 'js'`, counted in `stats.jsFallbacks`, the reason in `lastFallbackReason`); the
 *   kernels then copy, which is correct but slower. The first fallback is reported through the
 *   log sink (src/log.ts), naming `dispose()`.
 * - The first `HEAP_BASE` bytes are reserved: the thread pool's control block lives there.
 */
import { RuntimeError, ValueError } from '../../errors.js';
import { log } from '../../log.js';
import type { ArrayFor, DataArray, DType } from '../../tensor/dtype.js';
import { allocArray, bytesPerElement } from '../../tensor/dtype.js';
import { JsStorage, type Allocator, type Storage } from '../../tensor/storage.js';

/*
 * The WebAssembly types this package's declarations name, declared as (empty) interfaces so that
 * the published .d.ts files compile in projects without the DOM library (`lib: ["ES2022"]`);
 * where lib.dom is present they merge with its full declarations.
 */
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace WebAssembly {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface Module {}
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface Memory {}
  }
}

export const PAGE_BYTES = 65536;
/** Bytes reserved at the bottom of the heap (thread control block at `CONTROL_OFFSET`). */
export const HEAP_BASE = 1024;
export const CONTROL_OFFSET = 64;
/** The largest wasm32 memory; a shared memory needs a declared maximum. */
export const MAX_PAGES = 65536;
const ALIGN = 16;

export interface HeapOptions {
  /** A shared memory (needs SharedArrayBuffer). */
  shared: boolean;
  /** Initial size in 64 KiB pages (default 16, i.e. 1 MiB). */
  initialPages?: number;
  /** Upper bound in pages (default 65536, i.e. 4 GiB; tests use small ones). */
  maximumPages?: number;
}

/** Counters of a {@link KernelHeap} since it was made (no Paddle equivalent; cf. `tf.memory()`). */
export interface HeapStats {
  /** Blocks handed out (including the kernels' own table and scratch blocks). */
  allocations: number;
  /** Blocks returned (by `dispose()`, by the kernels, or by the finalizer). */
  frees: number;
  /** Blocks freed by the FinalizationRegistry because their storage was dropped undisposed. */
  finalized: number;
  /** Times the WebAssembly memory grew. */
  grows: number;
  /** Typed-array views created (storages re-acquiring after growth, kernel views). */
  views: number;
  /** Allocations served by ordinary JS memory because the heap could not grow. */
  jsFallbacks: number;
  /** The most bytes in live blocks at any time. */
  peakBytesInUse: number;
}

type AnyBuffer = ArrayBuffer | SharedArrayBuffer;

function makeView(dtype: DType, buffer: AnyBuffer, byteOffset: number, length: number): DataArray {
  switch (dtype) {
    case 'float32':
      return new Float32Array(buffer, byteOffset, length);
    case 'float64':
    case 'int64':
      return new Float64Array(buffer, byteOffset, length);
    case 'int32':
      return new Int32Array(buffer, byteOffset, length);
    case 'uint8':
    case 'bool':
      return new Uint8Array(buffer, byteOffset, length);
  }
}

function createMemory(
  shared: boolean,
  initial: number,
  maximum: number,
): { memory: WebAssembly.Memory; maximum: number } {
  // A shared memory reserves its maximum up front; retry smaller where 4 GiB cannot be reserved.
  let max = maximum;
  for (;;) {
    try {
      return { memory: new WebAssembly.Memory({ initial, maximum: max, shared }), maximum: max };
    } catch (e) {
      if (max <= initial || max <= 4096) throw e;
      max = Math.max(initial, max >>> 1);
    }
  }
}

/** A block of the kernel heap seen as a typed array of one dtype. */
export class HeapStorage<D extends DType> implements Storage<D> {
  readonly location = 'wasm-heap';
  private view: ArrayFor<D> | undefined;
  private generation = -1;
  private disposed = false;

  constructor(
    /** The heap the block belongs to. */
    readonly heap: KernelHeap,
    /** The dtype of the elements. */
    readonly dtype: D,
    /** The number of elements. */
    readonly length: number,
    /** Byte offset of the block in the heap (stable for the block's lifetime). */
    readonly byteOffset: number,
  ) {}

  /**
   * The elements, as a typed array view of the heap (made again after the memory grew). Do not
   * keep it across allocations.
   * @returns A typed array of `length` elements over the block.
   * @throws {@link errors.RuntimeError} after `dispose()`.
   */
  array(): ArrayFor<D> {
    if (this.disposed) {
      throw new RuntimeError(
        `This ${this.dtype} storage of length ${this.length} was disposed; its memory belongs to the heap again.`,
      );
    }
    if (this.generation !== this.heap.generation || this.view === undefined) {
      this.view = makeView(this.dtype, this.heap.buffer, this.byteOffset, this.length) as ArrayFor<D>;
      this.generation = this.heap.generation;
      this.heap.stats.views++;
    }
    return this.view;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.view = undefined;
    this.heap.release(this);
  }

  /**
   * Sets every element to zero bits (+0, false) through the heap's memset ({@link KernelHeap.zero}).
   * @throws {@link errors.RuntimeError} after `dispose()`.
   */
  zero(): void {
    if (this.disposed) this.array(); // throws the disposed-storage error
    this.heap.zero(this.byteOffset, this.length * bytesPerElement(this.dtype));
  }

  /** True once `dispose()` returned the block to the heap. */
  get isDisposed(): boolean {
    return this.disposed;
  }
}

/**
 * The kernel heap: one WebAssembly memory (shared where threads can use it) that holds
 * parameters, gradients, optimizer state and the kernels' own tables, handed out in 16-byte
 * aligned blocks by a best-fit allocator (see the top of this file). It is the parameter allocator
 * while the WebAssembly backend is selected. No Paddle equivalent (Paddle's CPU allocator).
 */
export class KernelHeap implements Allocator {
  readonly name = 'wasm-heap';
  /** The WebAssembly memory every kernel instance (and worker) imports. */
  readonly memory: WebAssembly.Memory;
  /** Whether the memory is shared (a SharedArrayBuffer: worker threads can update it). */
  readonly shared: boolean;
  /** The size limit in 64 KiB pages. */
  readonly maximumPages: number;
  /** Incremented whenever the memory grows; views made before are to be re-acquired. */
  generation = 0;
  /** Counters since the heap was made. */
  readonly stats: HeapStats = {
    allocations: 0,
    frees: 0,
    finalized: 0,
    grows: 0,
    views: 0,
    jsFallbacks: 0,
    peakBytesInUse: 0,
  };
  /** Why the last allocation could not be placed in the heap (undefined while none failed). */
  lastFallbackReason: string | undefined;
  private fallbackReported = false;
  private inUse = 0;

  private buf: AnyBuffer;
  /** Every buffer object this memory has had: views made before a growth still belong to it. */
  private readonly buffers = new WeakSet<AnyBuffer>();
  private top = HEAP_BASE;
  private readonly freeOffsets: number[] = [];
  private readonly freeSizes: number[] = [];
  private readonly blocks = new Map<number, number>();
  private readonly registry: FinalizationRegistry<number> | undefined;
  /** The kernels' memset (`zeroBytes`), once a module is instantiated over this memory. */
  private zeroer: ((dst: number, bytes: number) => void) | null = null;

  /**
   * Creates the WebAssembly memory (a shared one is retried with a smaller maximum where the
   * runtime cannot reserve it).
   * @param options - `shared`, `initialPages` (default 16, i.e. 1 MiB) and `maximumPages` (default 65536, i.e. 4 GiB), in 64 KiB pages.
   * @throws {@link errors.ValueError} unless 1 ≤ `initialPages` ≤ `maximumPages` ≤ 65536 (integers); the runtime's own error when even the smallest memory cannot be created.
   */
  constructor(options: HeapOptions) {
    const initial = options.initialPages ?? 16;
    const maximum = options.maximumPages ?? MAX_PAGES;
    if (!Number.isInteger(initial) || initial < 1 || !Number.isInteger(maximum) || maximum < initial || maximum > MAX_PAGES) {
      throw new ValueError(
        `The kernel heap needs 1 <= initialPages <= maximumPages <= ${MAX_PAGES}, but received initialPages=${initial}, maximumPages=${maximum}.`,
      );
    }
    this.shared = options.shared;
    const created = createMemory(options.shared, initial, maximum);
    this.memory = created.memory;
    this.maximumPages = created.maximum;
    this.buf = this.memory.buffer;
    this.buffers.add(this.buf);
    this.registry =
      typeof FinalizationRegistry === 'function'
        ? new FinalizationRegistry<number>((offset) => this.finalize(offset))
        : undefined;
  }

  /** The memory's current buffer (re-read after each growth). */
  get buffer(): AnyBuffer {
    return this.buf;
  }

  /** Bytes the memory has reserved now. */
  get byteLength(): number {
    return this.buf.byteLength;
  }

  /** Bytes in live blocks. */
  get bytesInUse(): number {
    return this.inUse;
  }

  /** Live blocks. */
  get blockCount(): number {
    return this.blocks.size;
  }

  /**
   * True when `view` is a view of this heap's memory (made before or after any growth).
   * @param view - Any typed array or DataView.
   * @returns Whether its buffer is (or was) this memory's.
   */
  contains(view: ArrayBufferView): boolean {
    const b = view.buffer;
    return b === this.buf || this.buffers.has(b);
  }

  /**
   * Reserves `bytes` (rounded up to 16) and returns the block's byte offset, or -1 when the
   * memory cannot grow enough.
   * @param bytes - The number of bytes wanted.
   * @returns The block's byte offset (a multiple of 16), or -1.
   */
  allocBytes(bytes: number): number {
    const size = Math.max(ALIGN, Math.ceil(bytes / ALIGN) * ALIGN);
    // best fit among the free blocks
    let best = -1;
    for (let k = 0; k < this.freeSizes.length; k++) {
      const s = this.freeSizes[k];
      if (s >= size && (best < 0 || s < this.freeSizes[best])) {
        best = k;
        if (s === size) break;
      }
    }
    let offset: number;
    if (best >= 0) {
      offset = this.freeOffsets[best];
      const rest = this.freeSizes[best] - size;
      if (rest > 0) {
        this.freeOffsets[best] = offset + size;
        this.freeSizes[best] = rest;
      } else {
        this.freeOffsets.splice(best, 1);
        this.freeSizes.splice(best, 1);
      }
    } else {
      if (!this.ensureTop(this.top + size)) return -1;
      offset = this.top;
      this.top += size;
    }
    this.blocks.set(offset, size);
    this.stats.allocations++;
    this.inUse += size;
    if (this.inUse > this.stats.peakBytesInUse) this.stats.peakBytesInUse = this.inUse;
    return offset;
  }

  /**
   * Returns a block from `allocBytes`. Freeing an unknown offset throws.
   * @param offset - The offset `allocBytes` returned.
   * @throws {@link errors.RuntimeError} when no live block starts at `offset` (a double free).
   */
  freeBytes(offset: number): void {
    const size = this.blocks.get(offset);
    if (size === undefined) {
      throw new RuntimeError(`Kernel heap: no live block at offset ${offset} (double free?).`);
    }
    this.blocks.delete(offset);
    this.stats.frees++;
    this.inUse -= size;
    this.insertFree(offset, size);
  }

  /**
   * Storage for `length` elements of `dtype`, zero-filled, in a block of the heap; when the heap
   * cannot grow enough, in JavaScript memory instead (counted in `stats.jsFallbacks`, said once
   * through the log sink).
   * @param dtype - The dtype of the elements.
   * @param length - The number of elements.
   * @returns A new zero-filled {@link HeapStorage}, or a JS storage on the fallback.
   * @throws {@link errors.ValueError} when `length` is not a non-negative integer.
   */
  alloc<D extends DType>(dtype: D, length: number): Storage<D> {
    if (!Number.isInteger(length) || length < 0) {
      throw new ValueError(`The storage length must be a non-negative integer, but received ${length}.`);
    }
    if (length === 0) return new HeapStorage(this, dtype, 0, HEAP_BASE);
    const bytes = length * bytesPerElement(dtype);
    const offset = this.allocBytes(bytes);
    if (offset < 0) {
      this.stats.jsFallbacks++;
      this.reportFallback(bytes);
      return new JsStorage(dtype, allocArray(dtype, length));
    }
    // Storages start zeroed, as `allocArray` does (optimizer accumulators rely on it); a block
    // reused from the free list (or a top given back) still holds its previous contents.
    this.zero(offset, bytes);
    const storage = new HeapStorage(this, dtype, length, offset);
    this.registry?.register(storage, offset, storage);
    return storage;
  }

  /**
   * Sets `bytes` bytes at `offset` to zero: the kernels' `memory.fill` once a module runs over this
   * memory ({@link setZeroer}), else a fill of 8-byte (or 4-byte) words: on a shared memory every
   * store of a JavaScript fill is a relaxed atomic one, and byte stores are slower still.
   * @param offset - Byte offset of the first byte (a block's offset: 16-byte aligned).
   * @param bytes - How many bytes to clear.
   */
  zero(offset: number, bytes: number): void {
    if (bytes <= 0) return;
    if (this.zeroer !== null) {
      this.zeroer(offset, bytes);
      return;
    }
    const words = offset % 8 === 0 ? bytes >>> 3 : 0;
    if (words > 0) new Float64Array(this.buf, offset, words).fill(0);
    const rest = offset + words * 8;
    const end = offset + bytes;
    if (rest < end) new Uint8Array(this.buf, rest, end - rest).fill(0);
  }

  /**
   * Gives the heap the kernels' memset (the WASM backend does, once its module is instantiated
   * over this memory), used by {@link zero} from then on.
   * @param fn - `(dst, bytes) => void`, zeroing `bytes` bytes at byte offset `dst` of this memory.
   */
  setZeroer(fn: (dst: number, bytes: number) => void): void {
    this.zeroer = fn;
  }

  /**
   * Records why `bytes` did not fit and says so once through the log sink (the first fallback of
   * this heap, with `consequence`: what runs instead).
   * @param bytes - The size of the request that did not fit.
   * @param consequence - What runs instead, for the message (default: the parameters' fallback to JavaScript memory).
   */
  reportFallback(bytes: number, consequence = 'new parameters, gradients and optimizer state now go to JavaScript memory and steps copy them (correct, several times slower)'): void {
    const mib = (b: number): string => `${(b / 1048576).toFixed(1)} MiB`;
    const limit = this.maximumPages * PAGE_BYTES;
    const why =
      this.byteLength + bytes > limit
        ? `the kernel heap reached its limit of ${mib(limit)}`
        : `the runtime refused to grow the kernel heap beyond ${mib(this.byteLength)}`;
    this.lastFallbackReason = `${why} (${mib(this.inUse)} in ${this.blocks.size} live blocks; ${mib(bytes)} requested)`;
    if (this.fallbackReported) return;
    this.fallbackReported = true;
    log(
      `paddle-rmsprop: ${this.lastFallbackReason}; ${consequence}. Release what you no longer use with dispose() on layers, optimizers and parameters (or \`using\`); paddle.memory() shows the heap.`,
    );
  }

  /**
   * Called by `HeapStorage.dispose`: returns the storage's block to the heap.
   * @param storage - A storage this heap allocated.
   * @throws {@link errors.RuntimeError} when its block is not live (freed already).
   */
  release(storage: HeapStorage<DType>): void {
    if (storage.length === 0) return;
    this.registry?.unregister(storage);
    this.freeBytes(storage.byteOffset);
  }

  /**
   * The FinalizationRegistry's cleanup: frees the block of a storage that was collected.
   * @param offset - The block's byte offset; nothing happens when it is no longer live.
   */
  finalize(offset: number): void {
    if (!this.blocks.has(offset)) return;
    this.stats.finalized++;
    this.freeBytes(offset);
  }

  private insertFree(offset: number, size: number): void {
    const offs = this.freeOffsets;
    const sizes = this.freeSizes;
    let lo = 0;
    let hi = offs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (offs[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    let start = offset;
    let end = offset + size;
    // merge with the previous and the next free block
    if (lo > 0 && offs[lo - 1] + sizes[lo - 1] === start) {
      lo--;
      start = offs[lo];
      offs.splice(lo, 1);
      sizes.splice(lo, 1);
    }
    if (lo < offs.length && offs[lo] === end) {
      end += sizes[lo];
      offs.splice(lo, 1);
      sizes.splice(lo, 1);
    }
    if (end === this.top) {
      this.top = start; // give the tail back to the bump region
    } else {
      offs.splice(lo, 0, start);
      sizes.splice(lo, 0, end - start);
    }
  }

  /** Grows the memory so that `end` bytes fit; false when it cannot. */
  private ensureTop(end: number): boolean {
    const have = this.buf.byteLength;
    if (end <= have) return true;
    const pages = have / PAGE_BYTES;
    const needed = Math.ceil((end - have) / PAGE_BYTES);
    const room = this.maximumPages - pages;
    if (needed > room) return false;
    const want = Math.min(room, Math.max(needed, pages >>> 1));
    try {
      this.memory.grow(want);
    } catch {
      try {
        this.memory.grow(needed);
      } catch {
        return false;
      }
    }
    this.buf = this.memory.buffer;
    this.buffers.add(this.buf);
    this.generation++;
    this.stats.grows++;
    return true;
  }
}

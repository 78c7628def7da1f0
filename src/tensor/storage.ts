/**
 * The one allocation interface (DESIGN.md §3). Every tensor holds its elements in a `Storage`;
 * parameters and their gradient buffers (and optimizer accumulators) are allocated through the
 * *parameter allocator*, which the WASM backend can replace with one that places blocks in a
 * shared WebAssembly heap. Ops never keep a typed array across calls that may allocate: they ask
 * the storage for its array (`array()`), which is re-acquired after the heap grows.
 */
import { RuntimeError } from '../errors.js';
import { allocArray, type ArrayFor, type DType } from './dtype.js';

/** The memory behind a Tensor: a typed array of `length` elements, in JS memory or in the kernel heap. */
export interface Storage<D extends DType = DType> {
  /** The dtype of the elements. */
  readonly dtype: D;
  /** The number of elements. */
  readonly length: number;
  /**
   * The elements, as a typed array view. Do not keep it across allocations.
   * @returns A typed array of `length` elements of the dtype's array type (Float64Array for int64, Uint8Array for bool).
   * @throws {@link errors.RuntimeError} when the storage was disposed.
   */
  array(): ArrayFor<D>;
  /** Returns the memory; the storage must not be used afterwards. Idempotent. */
  dispose(): void;
  /**
   * Sets every element to zero bits, faster than a fill of `array()` where the storage has a
   * better way (the kernel heap's memset). Optional: without it, callers fill `array()`.
   */
  zero?(): void;
  /** Where the block lives, e.g. `js` or `wasm-heap`. */
  readonly location: string;
}

/**
 * Sets every element of `storage` to zero bits: its own `zero()` where it has one (the kernel
 * heap's memset), else a fill of its array.
 * @param storage - The storage to clear.
 */
export function zeroStorage(storage: Storage): void {
  if (storage.zero !== undefined) storage.zero();
  else storage.array().fill(0);
}

/**
 * Where parameters and their gradients get their storage (the kernel heap, or JS memory): see
 * {@link setParameterAllocator}.
 */
export interface Allocator {
  /** The allocator's name, as `paddle.memory()` and the tests report it. */
  readonly name: string;
  /**
   * Storage for `length` elements of `dtype`, zero-filled.
   * @param dtype - The dtype of the elements.
   * @param length - The number of elements.
   * @returns A new zero-filled Storage.
   */
  alloc<D extends DType>(dtype: D, length: number): Storage<D>;
}

/** Ordinary ArrayBuffer-backed storage. */
export class JsStorage<D extends DType> implements Storage<D> {
  readonly location = 'js';
  private data: ArrayFor<D>;
  constructor(
    readonly dtype: D,
    data: ArrayFor<D>,
  ) {
    this.data = data;
  }
  get length(): number {
    return this.data.length;
  }
  array(): ArrayFor<D> {
    return this.data;
  }
  dispose(): void {
    /* garbage collected */
  }
}

/**
 * What a disposed tensor holds instead of its storage: same dtype and length, and every access to
 * the elements throws a `RuntimeError` naming the tensor (`who()`, e.g. `the parameter 'fc.w_0'`).
 */
export class DisposedStorage<D extends DType = DType> implements Storage<D> {
  readonly location = 'disposed';
  constructor(
    readonly dtype: D,
    readonly length: number,
    private readonly who: () => string,
  ) {}
  array(): ArrayFor<D> {
    const who = this.who();
    throw new RuntimeError(
      `${who.charAt(0).toUpperCase()}${who.slice(1)} was disposed (by its own dispose() or the dispose() of the layer or optimizer that owns it); its memory was released and it can no longer be used.`,
    );
  }
  dispose(): void {
    /* already released */
  }
}

/**
 * Another tensor's memory, seen without owning it (`detach()`): `array()` is the owner's current
 * array (so it follows a storage the owner replaces, and fails as the owner does once disposed),
 * and `dispose()` frees nothing.
 */
export class SharedStorage<D extends DType = DType> implements Storage<D> {
  constructor(
    readonly dtype: D,
    readonly length: number,
    private readonly owner: () => Storage,
  ) {}
  get location(): string {
    return this.owner().location;
  }
  array(): ArrayFor<D> {
    return this.owner().array() as ArrayFor<D>;
  }
  dispose(): void {
    /* the owner frees the memory */
  }
}

/** The allocator of ordinary JS memory (what parameters use when no kernel heap is installed). */
export const jsAllocator: Allocator = {
  name: 'js',
  alloc<D extends DType>(dtype: D, length: number): Storage<D> {
    return new JsStorage(dtype, allocArray(dtype, length));
  },
};

let parameterAllocator: Allocator = jsAllocator;

/**
 * The allocator for parameters, their gradients and optimizer state.
 * @returns The current parameter allocator ({@link jsAllocator} unless the WASM backend installed its heap's).
 */
export function getParameterAllocator(): Allocator {
  return parameterAllocator;
}

/**
 * Replaces the parameter allocator (used by the WASM backend). Affects storages allocated
 * afterwards; existing tensors keep theirs. Returns the previous allocator.
 * @param allocator - The allocator to use from now on.
 * @returns The previous allocator (to put back later).
 */
export function setParameterAllocator(allocator: Allocator): Allocator {
  const prev = parameterAllocator;
  parameterAllocator = allocator;
  return prev;
}

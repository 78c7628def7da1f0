/**
 * The eager Tensor. Elements live in a `Storage` (src/tensor/storage.ts); `data` re-acquires the
 * typed array on every access, so code must not hold it across allocations that may grow the
 * WebAssembly heap. Ops (src/ops) create tensors through `Tensor.fromOp`.
 */
import { aliasMethods } from '../alias.js';
import { AssertionError, IndexError, RuntimeError, TypeError as PaddleTypeError, ValueError } from '../errors.js';
import { checkOptions, describe, setToZeroOf, type SetToZeroArg } from '../options.js';
import {
  allocArray,
  arrayMatchesDType,
  castScalar,
  isFloatDType,
  toDType,
  type DataArray,
  type DType,
} from './dtype.js';
import {
  GradNode,
  isGradEnabled,
  runBackward,
  type BackwardFn,
  type BackwardHooks,
  type GradValue,
} from './autograd.js';
import { SelectedRows } from './selected-rows.js';
import { RunsGrad } from './runs-grad.js';
import { checkShape, numelOf, shapeEquals, shapeToString, type Shape } from './shape.js';
import { DisposedStorage, getParameterAllocator, JsStorage, SharedStorage, zeroStorage, type Storage } from './storage.js';
import { generate } from './unique-name.js';

/** A nested JS array of numbers/booleans (what `tolist()` returns and `toTensor` accepts). */
export type NestedArray = number | boolean | bigint | readonly NestedArray[];

/** Optional arguments of `Tensor.backward` (Paddle's `retain_graph`). */
export interface BackwardOptions {
  /** Keep the graph so that a second `backward()` through it works. */
  retainGraph?: boolean;
}

/**
 * `paddle.Tensor`: an eager (dygraph) n-dimensional array with autograd. Ops on Tensors record
 * what their backward needs when a gradient is required (`stopGradient: false`); `backward()`
 * accumulates into the leaves' `grad`. Values live in a typed array (`numpy()` copies them out),
 * or in the kernel heap for parameters; `dispose()` releases them.
 *
 * Make one with {@link toTensor}, {@link zeros}, {@link rand}, …; ops are functions
 * (`paddle.add(x, y)`) and methods (`x.add(y)`).
 *
 * Paddle: `paddle.Tensor`.
 *
 * @example
 * ```ts
 * const x = paddle.toTensor([[1, 2], [3, 4]], { stopGradient: false });
 * const y = x.multiply(x).sum();
 * y.backward();
 * x.grad?.numpy(); // Float32Array [2, 4, 6, 8]
 * ```
 */
export class Tensor {
  /** The element storage; replaced only by `setValue` on dtype-preserving copies. */
  storage: Storage;
  /** The size of each dimension (Paddle's `Tensor.shape`); `[]` for a 0-D tensor. */
  readonly shape: readonly number[];
  /** The element type (Paddle's `Tensor.dtype`). */
  readonly dtype: DType;
  /**
   * The tensor's name (Paddle's `Tensor.name`): generated (`generated_tensor_0`, `linear_0.w_0`)
   * unless given.
   */
  name: string;
  /**
   * Whether gradients stop here (Paddle's `stop_gradient`): `true` for data, `false` for parameters
   * and for results of ops on them.
   */
  stopGradient: boolean;
  /**
   * The op that produced this tensor (null for leaves); the autograd engine's record.
   *
   * @internal
   */
  gradNode: GradNode | null = null;
  /** Dense or row-sparse gradient of a leaf, or null when not allocated. */
  private gradValue: Tensor | SelectedRows | null = null;
  /**
   * After `clearGrad({ setToZero: true })` the zeroed gradient stays allocated but the next
   * backward overwrites it (Paddle ≈3.x "fake empty" accumulation node).
   */
  private gradIsFakeEmpty = false;
  /**
   * `clearGrad()` left the dense gradient's zero-fill for later: its buffer still holds the old
   * values, and is filled when they are read (`grad`, `gradient()`, the optimizer's
   * `gradBuffer()`) — or never, when the next backward writes the whole gradient over it (a Linear
   * weight's does; the fill was 40% of `clearGrad()` plus the memory traffic). Only while the
   * gradient tensor has not been handed out by `grad` (see `gradExposed`).
   */
  private gradZeroPending = false;
  /**
   * `grad` handed the dense gradient tensor out: the caller may keep it across a `clearGrad()` and
   * read it later, so clears fill it at once from then on (as Paddle's in-place clear does).
   */
  private gradExposed = false;
  /**
   * A released dense gradient buffer (after `clearGradient(false)`), kept to be reused by the next
   * backward so that releasing and re-creating a gradient costs no new block (issue: the kernel
   * heap is not garbage collected). Freed by `dispose()`.
   */
  private gradSpare: Tensor | null = null;
  /** The gradient buffer lent to the backward op that writes this leaf's whole gradient (`gradTarget`). */
  private lentGrad: Tensor | null = null;
  /**
   * The array `gradTarget` handed out for `lentGrad`: the op returns exactly it. Kept because a
   * kernel call that grows an unshared heap detaches the views taken before it (the op wrote the
   * gradient into the buffer by offset, but hands back the detached view), so `lentGrad.data`, a
   * fresh view by then, is not the array that comes back.
   */
  private lentView: DataArray | null = null;
  /** Set by `retainGrads()`: a non-leaf keeps the gradient a backward computes for it. */
  private retainsGradFlag = false;

  /**
   * A tensor over existing storage (not copied); most code makes tensors with `toTensor`,
   * `Tensor.fromArray` or the creation functions instead.
   * @param storage - The elements: a {@link Storage} whose dtype becomes the tensor's dtype.
   * @param shape - The shape; its product must equal `storage.length`.
   * @param opts - `name` (default: a generated `generated_tensor_N`) and `stopGradient` (Paddle's `stop_gradient`, default `true`).
   * @throws {@link errors.ValueError} when the storage's length is not the shape's element count.
   */
  constructor(storage: Storage, shape: Shape, opts: { name?: string; stopGradient?: boolean } = {}) {
    const n = numelOf(shape);
    if (storage.length !== n) {
      throw new ValueError(
        `Tensor: storage holds ${storage.length} elements but shape ${shapeToString(shape)} needs ${n}.`,
      );
    }
    this.storage = storage;
    this.shape = Object.freeze([...shape]);
    this.dtype = storage.dtype;
    this.name = opts.name ?? generate('generated_tensor');
    this.stopGradient = opts.stopGradient ?? true;
  }

  /**
   * A tensor over a typed array (not copied).
   * @param data - The elements, row-major, in the typed array of `dtype` (Float32Array for float32, Float64Array for float64 and int64, Int32Array, Uint8Array for uint8/bool, …).
   * @param shape - The shape; its product must equal `data.length`.
   * @param dtype - The dtype of the new tensor.
   * @param opts - `name` (default: a generated name) and `stopGradient` (Paddle's `stop_gradient`, default `true`).
   * @returns A new Tensor that uses `data` as its memory.
   * @throws {@link errors.TypeError} when the typed array cannot hold `dtype`; {@link errors.ValueError} when `data.length` is not the shape's element count.
   */
  static fromArray(data: DataArray, shape: Shape, dtype: DType, opts: { name?: string; stopGradient?: boolean } = {}): Tensor {
    const storage = new JsStorage(dtype, data as never) as Storage;
    if (!arrayMatchesDType(data, dtype)) {
      throw new PaddleTypeError(`Tensor.fromArray: a ${data.constructor.name} cannot hold dtype ${dtype}.`);
    }
    return new Tensor(storage, shape, opts);
  }

  /**
   * The output of an op: records `backward` when gradients are enabled and any input needs one.
   * `backward` receives the output gradient and returns one entry per input.
   * @param opName - The op's name, shown in the graph (`GradNode.name`).
   * @param data - The output's elements, row-major, in the typed array of `dtype` (not copied).
   * @param shape - The output's shape.
   * @param dtype - The output's dtype; only a float output records `backward`.
   * @param inputs - The op's tensor inputs, in the order `backward` returns their gradients.
   * @param backward - The gradient function, or null for an op without a gradient.
   * @returns A new Tensor; `stopGradient` false with a recorded grad node when gradients are enabled, the dtype is float and an input has `stopGradient` false.
   * @throws {@link errors.TypeError} when the typed array cannot hold `dtype`; {@link errors.ValueError} when `data.length` is not the shape's element count.
   */
  static fromOp(
    opName: string,
    data: DataArray,
    shape: Shape,
    dtype: DType,
    inputs: readonly Tensor[],
    backward: BackwardFn | null,
  ): Tensor {
    const out = Tensor.fromArray(data, shape, dtype);
    if (backward !== null && isGradEnabled() && isFloatDType(dtype)) {
      const needs = inputs.some((t) => !t.stopGradient);
      if (needs) {
        out.stopGradient = false;
        out.gradNode = new GradNode(opName, inputs, backward);
      }
    }
    return out;
  }

  /** The elements (a live view; re-acquire after anything that may allocate). */
  get data(): DataArray {
    return this.storage.array();
  }

  /** The number of elements (Paddle's `numel()`, as a number). */
  get numel(): number {
    return this.storage.length;
  }

  /** The number of dimensions (Paddle's `ndim`). */
  get ndim(): number {
    return this.shape.length;
  }

  /** The number of elements (Paddle's `size`). */
  get size(): number {
    return this.storage.length;
  }

  /**
   * Whether the tensor was made by the user rather than by an op that records a gradient (Paddle's
   * `is_leaf`).
   */
  get isLeaf(): boolean {
    return this.gradNode === null;
  }

  /** Paddle's `persistable` (true for parameters). */
  get persistable(): boolean {
    return false;
  }

  /** The gradient: a dense Tensor, a `SelectedRows` for sparse embeddings, or null. */
  get grad(): Tensor | SelectedRows | null {
    const g = this.gradBuffer();
    if (g instanceof Tensor) this.gradExposed = true;
    return g;
  }

  /**
   * The gradient for the library's own reads (the optimizer, clipping): as `grad`, with a pending
   * zero-fill done, but without handing the tensor out (so later clears may stay lazy).
   * @returns The gradient: a dense Tensor, a `SelectedRows`, or null.
   * @internal
   */
  gradBuffer(): Tensor | SelectedRows | null {
    const g = this.gradValue;
    if (this.gradZeroPending) {
      this.gradZeroPending = false;
      if (g instanceof Tensor) zeroStorage(g.storage);
    }
    return g;
  }

  /**
   * True when the gradient exists and is initialised (what `step()` checks).
   * @returns Whether `grad` is not null.
   */
  hasGrad(): boolean {
    return this.gradValue !== null;
  }

  /**
   * Whether this is a row-sparse tensor (Paddle's `is_selected_rows()`); always `false` for a Tensor.
   * @returns `false`.
   */
  isSelectedRows(): boolean {
    return false;
  }

  /**
   * Replaces the gradient (Paddle's internal `_set_grad_ivar`): a Tensor of the same shape and
   * dtype, a SelectedRows of matching height/width, or null. Validated before anything changes.
   * @param grad - The new gradient (its values are copied), or null to drop the gradient.
   * @throws {@link errors.ValueError} when a Tensor's shape or dtype differs from this tensor's, or a SelectedRows does not match a 2-D tensor's `[height, width]` and dtype; {@link errors.RuntimeError} after `dispose()`.
   */
  setGrad(grad: Tensor | SelectedRows | null): void {
    this.assertLive();
    if (grad === null) {
      this.releaseGrad();
      return;
    }
    if (grad instanceof SelectedRows) {
      if (this.ndim !== 2 || grad.height !== this.shape[0] || grad.width !== this.shape[1] || grad.dtype !== this.dtype) {
        throw new ValueError(
          `The sparse gradient ([${grad.height}, ${grad.width}], ${grad.dtype}) does not match the tensor '${this.name}' (${shapeToString(this.shape)}, ${this.dtype}).`,
        );
      }
      const rows = grad.clone();
      this.releaseGrad();
      this.gradValue = rows;
    } else {
      if (!shapeEquals(grad.shape, this.shape) || grad.dtype !== this.dtype) {
        throw new ValueError(
          `The gradient's shape ${shapeToString(grad.shape)} (${grad.dtype}) does not match the tensor '${this.name}' of shape ${shapeToString(this.shape)} (${this.dtype}).`,
        );
      }
      const cur = this.gradValue;
      const g = cur instanceof Tensor ? cur : this.allocGrad(false);
      g.data.set(grad.data);
      this.gradValue = g;
    }
    this.gradIsFakeEmpty = false;
    this.gradZeroPending = false;
  }

  /**
   * The array a backward op may write this leaf's *whole* gradient into, so that the result needs
   * no copy (the next `accumulateGrad` of exactly that array adopts it): the gradient buffer when
   * the gradient would start from nothing (none yet, or zero-filled by `clearGrad()`), lent to one
   * op at a time. Null when the gradient must be added to, or the tensor is not a dense leaf that
   * takes gradients. For ops (`matmulBias` asks for its weight).
   * @returns A gradient-sized array of the tensor's dtype (parameters: in the kernel heap), or null.
   * @internal
   */
  gradTarget(): DataArray | null {
    if (this.gradNode !== null || this.stopGradient || this.isDisposed || this.lentGrad !== null) return null;
    const cur = this.gradValue;
    if (cur instanceof SelectedRows) return null;
    if (cur === null) this.lentGrad = this.allocGrad(false);
    else if (this.gradIsFakeEmpty) this.lentGrad = cur;
    else return null;
    this.lentView = this.lentGrad.data;
    return this.lentView;
  }

  /**
   * A dense gradient buffer (parameters use the parameter allocator): the released one when there
   * is one, else a new block. `zeroed` asks for zeros; otherwise the caller overwrites every
   * element.
   */
  protected allocGrad(zeroed: boolean): Tensor {
    const spare = this.gradSpare;
    if (spare !== null) {
      this.gradSpare = null;
      if (zeroed) zeroStorage(spare.storage);
      return spare;
    }
    const storage = this.gradStorageAllocator()(this.dtype, this.numel);
    // Paddle's `x.grad` has stop_gradient False (its documented examples print it so).
    return new Tensor(storage, this.shape, { name: `${this.name}@GRAD`, stopGradient: false });
  }

  /** Drops the gradient; a dense buffer is kept for reuse (see `gradSpare`). */
  private releaseGrad(): void {
    this.takeBackLent();
    const cur = this.gradValue;
    this.gradValue = null;
    this.gradIsFakeEmpty = false;
    this.gradZeroPending = false;
    if (cur instanceof Tensor) this.keepAsSpare(cur);
  }

  /** Keeps a dense gradient buffer for reuse (the one spare), or frees it when there is one. */
  private keepAsSpare(buf: Tensor): void {
    if (buf.isDisposed) return;
    if (this.gradSpare === null) this.gradSpare = buf;
    else if (this.gradSpare !== buf) buf.dispose();
  }

  /** A buffer lent by `gradTarget` and not delivered (unused, or its backward threw) goes back. */
  private takeBackLent(): void {
    const lent = this.lentGrad;
    this.lentGrad = null;
    this.lentView = null;
    if (lent !== null && lent !== this.gradValue) this.keepAsSpare(lent);
  }

  protected gradStorageAllocator(): (dtype: DType, n: number) => Storage {
    return (dtype, n) => new JsStorage(dtype, allocArray(dtype, n)) as Storage;
  }

  /**
   * Adds `g` into this leaf's gradient (`+=`, or overwrite after a set-to-zero clear); called by
   * the autograd engine.
   *
   * @internal
   */
  accumulateGrad(g: GradValue): void {
    this.assertLive();
    if (g instanceof RunsGrad) g = g.toDense(this.dtype);
    if (g instanceof SelectedRows) {
      const cur = this.gradValue;
      if (cur === null || this.gradIsFakeEmpty) {
        this.releaseGrad();
        this.gradValue = g.clone();
      } else if (cur instanceof SelectedRows) {
        this.gradValue = cur.concat(g);
      } else {
        g.addInto(cur.data);
      }
      this.gradIsFakeEmpty = false;
      return;
    }
    const lent = this.lentGrad;
    // (before the length check: the array lent may have been detached by a growing heap)
    if (lent !== null && g === this.lentView) {
      // the op wrote the whole gradient into the buffer it was lent: adopt it, no copy
      this.lentGrad = null;
      this.lentView = null;
      this.gradValue = lent;
      this.gradIsFakeEmpty = false;
      this.gradZeroPending = false;
      return;
    }
    if (g.length !== this.numel) {
      throw new ValueError(
        `Gradient of ${g.length} elements cannot accumulate into '${this.name}' of shape ${shapeToString(this.shape)}.`,
      );
    }
    this.takeBackLent();
    let cur = this.gradValue;
    if (cur instanceof SelectedRows) {
      const dense = this.allocGrad(true);
      cur.addInto(dense.data);
      cur = dense;
      this.gradValue = dense;
    }
    if (cur === null) {
      const fresh = this.allocGrad(false);
      fresh.data.set(g);
      this.gradValue = fresh;
    } else if (this.gradIsFakeEmpty) {
      cur.data.set(g);
    } else {
      addInto(cur.data, g);
    }
    this.gradIsFakeEmpty = false;
    this.gradZeroPending = false;
  }

  /**
   * Paddle's `retain_grads()`: this tensor (an op's output, not a leaf) keeps the gradient later
   * backward passes compute for it in `.grad`, accumulated like a leaf's. Leaves keep theirs anyway.
   */
  retainGrads(): void {
    this.retainsGradFlag = true;
  }

  /** Whether `retainGrads()` was called on this tensor. */
  get retainsGrad(): boolean {
    return this.retainsGradFlag;
  }

  /**
   * Paddle's `clear_gradient(set_to_zero=True)`: a dense gradient is zero-filled and kept (so
   * `step()` still updates with g = 0); `false` (or `{ setToZero: false }`) releases it, so the
   * tensor has no gradient and `step()` skips it. A sparse gradient is always released. A released
   * dense buffer is reused by the next backward (no new allocation): copy a gradient you want to
   * keep across a clear (`grad.numpy()`).
   * @param setToZero - `true` (default) to zero-fill and keep a dense gradient, `false` to release it; or `{ setToZero }` (Paddle's `set_to_zero`).
   * @throws {@link errors.TypeError} when `setToZero` is neither a boolean nor `{ setToZero: boolean }`, or the object has another key.
   */
  clearGradient(setToZero?: SetToZeroArg): void {
    const zero = setToZeroOf('clear_gradient', setToZero);
    const cur = this.gradValue;
    if (cur === null) return;
    if (cur instanceof SelectedRows || !zero) {
      this.releaseGrad();
      return;
    }
    if (this.gradExposed) zeroStorage(cur.storage);
    else this.gradZeroPending = true;
    this.gradIsFakeEmpty = true;
  }

  /** True after `dispose()`. */
  get isDisposed(): boolean {
    return this.storage instanceof DisposedStorage;
  }

  /**
   * Frees the elements and the gradient buffers now (blocks of the kernel heap go back to it at
   * once, without waiting for the garbage collector). Any later use of the values throws a
   * `RuntimeError` naming this tensor; disposing twice does nothing.
   */
  dispose(): void {
    if (this.isDisposed) return;
    const grad = this.gradValue;
    const spare = this.gradSpare;
    const lent = this.lentGrad;
    this.gradValue = null;
    this.gradSpare = null;
    this.lentGrad = null;
    this.lentView = null;
    this.gradIsFakeEmpty = false;
    this.gradZeroPending = false;
    if (grad instanceof Tensor) grad.dispose();
    spare?.dispose();
    if (lent !== null && lent !== grad && lent !== spare) lent.dispose();
    const storage = this.storage;
    this.storage = new DisposedStorage(storage.dtype, storage.length, () => this.describeSelf());
    storage.dispose();
  }

  /** `using t = ...` (TypeScript 5.2+) disposes at the end of the block. */
  [Symbol.dispose](): void {
    this.dispose();
  }

  /** How errors name this tensor, e.g. `the tensor 'x'` or `the parameter 'linear_0.w_0'`. */
  protected describeSelf(): string {
    return `the tensor '${this.name}'`;
  }

  /** Throws the use-after-dispose error unless this tensor is live. */
  protected assertLive(): void {
    if (this.isDisposed) this.storage.array();
  }

  /**
   * Paddle's `backward(grad_tensor=None, retain_graph=False)`: reverse-mode differentiation from
   * this tensor. A non-scalar output is seeded with ones (as Paddle does); `gradTensor` gives an
   * explicit seed of the same shape. `retainGraph` keeps the graph so that a second backward
   * through it works (and accumulates). Accepted forms: `backward()`, `backward(g)`,
   * `backward({ retainGraph: true })`, `backward(g, { retainGraph: true })`, `backward(null, true)`.
   *
   * @param gradTensor - The seed gradient (default: ones), or the options.
   * @param options - `{ retainGraph }`, or Paddle's positional `retain_graph`.
   * @throws {@link errors.RuntimeError} when backward runs twice through a graph without
   *   `retainGraph`, or on a disposed tensor; {@link errors.TypeError} for a bad argument.
   * @example
   * ```ts
   * const loss = paddle.mean(model.forward(x));
   * loss.backward();
   * ```
   */
  backward(gradTensor?: Tensor | BackwardOptions | null, options?: BackwardOptions | boolean): void {
    let seedTensor: Tensor | null = null;
    let optionsArg: BackwardOptions | boolean | undefined = options;
    if (gradTensor instanceof Tensor) seedTensor = gradTensor;
    else if (gradTensor !== undefined && gradTensor !== null) {
      if (typeof gradTensor !== 'object' || Array.isArray(gradTensor) || options !== undefined) {
        throw new PaddleTypeError(
          `backward(): 'grad_tensor' must be a Tensor or null, but received ${describe(gradTensor)}; the options go last: backward(gradTensor, { retainGraph }) or backward({ retainGraph }).`,
        );
      }
      optionsArg = gradTensor;
    }
    const retainGraph =
      typeof optionsArg === 'boolean' ? optionsArg : (checkOptions('Tensor.backward', optionsArg, ['retainGraph']).retainGraph ?? false);
    if (typeof retainGraph !== 'boolean') {
      throw new PaddleTypeError(`backward(): 'retainGraph' must be a boolean, but received ${String(retainGraph)}.`);
    }
    if (this.stopGradient) {
      throw new RuntimeError(
        `backward() on the tensor '${this.name}' whose stopGradient is true: no gradient can flow (did an op run under noGrad, or are all inputs stopGradient?).`,
      );
    }
    let seed: DataArray;
    if (seedTensor !== null) {
      if (!shapeEquals(seedTensor.shape, this.shape)) {
        throw new ValueError(
          `backward(): grad_tensor shape ${shapeToString(seedTensor.shape)} does not match the tensor shape ${shapeToString(this.shape)}.`,
        );
      }
      seed = allocArray(this.dtype, this.numel);
      seed.set(seedTensor.data);
    } else {
      seed = allocArray(this.dtype, this.numel);
      seed.fill(1);
    }
    runBackward(this, seed, retainGraph, backwardHooks);
  }

  /**
   * A typed-array copy of the elements.
   *
   * Paddle: `Tensor.numpy()` (a typed array instead of a NumPy array; the shape is `tensor.shape`).
   *
   * @returns A new typed array of the tensor's dtype (`int64` as `Float64Array`), row-major.
   */
  numpy(): DataArray {
    return this.data.slice();
  }

  /**
   * Nested JS arrays (booleans for bool tensors).
   *
   * Paddle: `Tensor.tolist()`.
   * @returns Nested arrays of the tensor's shape (a bare number or boolean for a 0-D tensor); int64 values as numbers.
   * @throws {@link errors.RuntimeError} after `dispose()`.
   */
  tolist(): NestedArray {
    const d = this.data;
    const isBool = this.dtype === 'bool';
    const conv = (v: number): number | boolean => (isBool ? v !== 0 : v);
    if (this.shape.length === 0) return conv(d[0] as number);
    const build = (dim: number, offset: number): NestedArray[] => {
      const n = this.shape[dim] as number;
      const inner = numelOf(this.shape.slice(dim + 1));
      const out: NestedArray[] = [];
      for (let i = 0; i < n; i++) {
        out.push(dim === this.shape.length - 1 ? conv(d[offset + i] as number) : build(dim + 1, offset + i * inner));
      }
      return out;
    };
    return build(0, 0);
  }

  /**
   * Paddle's `item(*args)`: the single element (a `ValueError` unless numel is 1); `item(i)` the
   * i-th element of the flattened tensor; `item(i, j, …)` the element at that index (one index per
   * dimension). Negative indices count from the end. A bool tensor gives `true`/`false` (Paddle's
   * `True`/`False`); every other dtype a number.
   *
   * @param index - None for the single element, one flat index, or one index per dimension.
   * @returns The element.
   * @throws {@link errors.ValueError} when called without an index on a tensor of more than one
   *   element, or with a wrong number of indices; {@link errors.IndexError} for an index out of
   *   range; {@link errors.TypeError} for a non-integer index.
   */
  item(...index: number[]): number | boolean {
    const v = this.itemNumber(index);
    return this.dtype === 'bool' ? v !== 0 : v;
  }

  /** The element `item(...index)` selects, as a number (0/1 for bool). */
  private itemNumber(index: readonly number[]): number {
    const d = this.data;
    if (index.length === 0) {
      if (this.numel !== 1) {
        throw new ValueError(
          `item(): only a tensor with one element can be converted to a number, but this one has shape ${shapeToString(this.shape)} (${this.numel} elements).`,
        );
      }
      return d[0] as number;
    }
    const bad = index.find((v) => typeof v !== 'number' || !Number.isInteger(v));
    if (bad !== undefined) throw new PaddleTypeError(`item(): indices must be integers, but received ${String(bad)}.`);
    const at = (i: number, n: number, what: string): number => {
      const k = i < 0 ? i + n : i;
      if (k < 0 || k >= n) throw new IndexError(`item(): index ${i} is out of bounds for ${what} with size ${n}`);
      return k;
    };
    if (index.length === 1) return d[at(index[0] as number, this.numel, 'the flattened tensor')] as number;
    if (index.length !== this.ndim) {
      throw new ValueError(`item(): incorrect number of indices: the tensor has ${this.ndim} dimensions, but ${index.length} indices were given.`);
    }
    let flat = 0;
    index.forEach((v, k) => {
      flat = flat * (this.shape[k] as number) + at(v, this.shape[k] as number, `axis ${k}`);
    });
    return d[flat] as number;
  }

  /**
   * Paddle's `gradient()`: a copy of the gradient's values (dense), or null without a gradient.
   * @returns A new typed array of the tensor's dtype and `numel` elements (a SelectedRows gradient densified), or null.
   */
  gradient(): DataArray | null {
    const g = this.gradBuffer();
    if (g === null) return null;
    return g instanceof SelectedRows ? g.toDenseArray() : g.numpy();
  }

  /**
   * Copies values in place (Paddle's `set_value`): a Tensor of the same shape and dtype, a typed
   * array of this dtype's array type with `numel` elements, or a nested array of this shape
   * (values cast to the dtype). Paddle's errors: `AssertionError: Variable Shape not match, …` or
   * `Variable dtype not match, …`; validated fully before anything is written.
   * @param value - The new values: a Tensor, a typed array or a nested array (Paddle's `value`).
   * @throws {@link errors.AssertionError} when the shape (or typed array length) or the dtype does not match; {@link errors.ValueError} when a nested array is ragged or holds non-numbers; {@link errors.RuntimeError} after `dispose()`.
   */
  setValue(value: Tensor | DataArray | NestedArray): void {
    const problem = this.valueProblem(value);
    if (problem !== null) throw problem.kind === 'malformed' ? new ValueError(problem.message) : new AssertionError(problem.message);
    if (value instanceof Tensor) {
      this.data.set(value.data);
      return;
    }
    if (ArrayBuffer.isView(value)) {
      this.data.set(value as DataArray);
      return;
    }
    const { values } = flattenNested(value, 'value');
    const d = this.data;
    for (let i = 0; i < values.length; i++) d[i] = castScalar(values[i] as number, this.dtype);
  }

  /**
   * Why `value` cannot be written by `setValue` (Paddle's messages), or null: `shape` (a Tensor or
   * nested array of another shape, a typed array of another length), `dtype` (a Tensor of another
   * dtype, a typed array of another type), `malformed` (not rectangular, not numbers).
   *
   * @internal
   */
  valueProblem(value: unknown): { kind: 'shape' | 'dtype' | 'malformed'; message: string } | null {
    const shapeMsg = (got: readonly number[]): string =>
      `Variable Shape not match, Variable [ ${this.name} ] need tensor with shape ${shapeToString(this.shape)} but load set tensor with shape ${shapeToString(got)}`;
    const dtypeMsg = (got: string): string =>
      `Variable dtype not match, Variable [ ${this.name} ] need tensor with dtype ${this.dtype}  but load tensor with dtype ${got}`;
    if (value instanceof Tensor) {
      if (!shapeEquals(value.shape, this.shape)) return { kind: 'shape', message: shapeMsg(value.shape) };
      if (value.dtype !== this.dtype) return { kind: 'dtype', message: dtypeMsg(value.dtype) };
      return null;
    }
    if (ArrayBuffer.isView(value)) {
      if (!arrayMatchesDType(value, this.dtype)) return { kind: 'dtype', message: dtypeMsg(`a ${value.constructor.name}`) };
      const n = (value as DataArray).length;
      return n === this.numel ? null : { kind: 'shape', message: shapeMsg([n]) };
    }
    let parsed: ReturnType<typeof flattenNested>;
    try {
      parsed = flattenNested(value, 'value');
    } catch (e) {
      return { kind: 'malformed', message: `set_value of '${this.name}': ${(e as Error).message}` };
    }
    const scalarLike = parsed.shape.length <= 1 && parsed.values.length === 1 && this.numel === 1;
    if (!shapeEquals(parsed.shape, this.shape) && !scalarLike) return { kind: 'shape', message: shapeMsg(parsed.shape) };
    return null;
  }

  /**
   * Paddle's `detach()`: a new leaf outside the graph (stopGradient true) that shares this
   * tensor's memory — writing through one is seen by the other. It does not own the memory:
   * disposing it frees nothing, and it fails (naming this tensor) once this one is disposed.
   * @returns A new Tensor of the same shape and dtype over this tensor's memory.
   */
  detach(): Tensor {
    return new Tensor(new SharedStorage(this.storage.dtype, this.storage.length, () => this.storage), this.shape);
  }

  /**
   * A differentiable copy (Paddle's `clone()`).
   * @returns A new Tensor with a copy of the values; its gradient flows back to this tensor.
   * @throws {@link errors.RuntimeError} after `dispose()`.
   */
  clone(): Tensor {
    return Tensor.fromOp('clone', this.numpy(), this.shape, this.dtype, [this], (g) => [g]);
  }

  /**
   * Cast to another dtype (differentiable between float dtypes).
   *
   * Paddle: `Tensor.astype(dtype)`.
   * @param dtype - The target dtype or a Paddle alias of it (`'float32'`, `'int64'`, `'bool'`, …).
   * @returns A new Tensor of the same shape in `dtype` (a copy even when the dtype is unchanged).
   * @throws {@link errors.TypeError} when `dtype` is unknown; {@link errors.RuntimeError} after `dispose()`.
   */
  astype(dtype: DType | string): Tensor {
    const d = toDType(dtype);
    const src = this.data;
    const out = allocArray(d, src.length);
    for (let i = 0; i < src.length; i++) out[i] = castScalar(src[i] as number, d);
    const back: BackwardFn | null = isFloatDType(this.dtype) ? (g) => [g] : null;
    return Tensor.fromOp('cast', out, this.shape, d, [this], back);
  }

  /**
   * Paddle's print form without the place: `Tensor(shape=[…], dtype=…, stop_gradient=…, [values])`.
   * @returns The text, with the values as JSON of `tolist()`.
   * @throws {@link errors.RuntimeError} after `dispose()`.
   */
  toString(): string {
    return `Tensor(shape=${shapeToString(this.shape)}, dtype=${this.dtype}, stop_gradient=${this.stopGradient},\n       ${JSON.stringify(this.tolist())})`;
  }
}

/** Paddle spellings of the Tensor methods and properties (the same functions / accessors). */
export interface Tensor {
  /** Paddle's spelling of `retainGrads`: the same function. */
  retain_grads: Tensor['retainGrads'];
  /** Paddle's spelling of `clearGradient`: the same function. */
  clear_gradient: Tensor['clearGradient'];
  /** Paddle's `clear_grad`: the same function as `clearGradient`. */
  clear_grad: Tensor['clearGradient'];
  /** `clearGrad` (Paddle's `clear_grad` in camelCase): the same function as `clearGradient`. */
  clearGrad: Tensor['clearGradient'];
  /** Paddle's spelling of `setValue`: the same function. */
  set_value: Tensor['setValue'];
  /** Paddle's spelling of `stopGradient`: the same property. */
  stop_gradient: boolean;
  /** Paddle's spelling of `isLeaf`: the same value. */
  readonly is_leaf: boolean;
}
aliasMethods(Tensor, {
  retain_grads: 'retainGrads',
  clear_gradient: 'clearGradient',
  clear_grad: 'clearGradient',
  clearGrad: 'clearGradient',
  set_value: 'setValue',
  is_leaf: 'isLeaf',
});
Object.defineProperty(Tensor.prototype, 'stop_gradient', {
  get(this: Tensor): boolean {
    return this.stopGradient;
  },
  set(this: Tensor, v: boolean) {
    this.stopGradient = v;
  },
  enumerable: false,
  configurable: true,
});

/** Parameter-like tensors allocate their gradient with the parameter allocator. */
export class ParameterBase extends Tensor {
  protected override describeSelf(): string {
    return `the persistable tensor '${this.name}'`;
  }
  protected override gradStorageAllocator(): (dtype: DType, n: number) => Storage {
    return (dtype, n) => getParameterAllocator().alloc(dtype, n);
  }
  override get persistable(): boolean {
    return true;
  }
}

/** Flattens a (rectangular) nested array; a ragged or non-numeric input is a ValueError. */
export function flattenNested(
  value: unknown,
  argName: string,
): { values: number[]; shape: number[]; sawFloat: boolean; sawBool: boolean; sawNumber: boolean; sawBigInt: boolean } {
  const shape: number[] = [];
  let probe: unknown = value;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    probe = probe[0];
  }
  const values: number[] = [];
  let sawFloat = false;
  let sawBool = false;
  let sawNumber = false;
  let sawBigInt = false;
  const walk = (v: unknown, dim: number, path: string): void => {
    if (dim === shape.length) {
      if (typeof v === 'number') {
        sawNumber = true;
        if (!Number.isInteger(v)) sawFloat = true;
        values.push(v);
      } else if (typeof v === 'bigint') {
        if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(-Number.MAX_SAFE_INTEGER)) {
          throw new ValueError(`The '${argName}' holds the integer ${v} at ${argName}${path}, outside the exactly stored range (|x| <= 2^53 - 1).`);
        }
        sawBigInt = true;
        values.push(Number(v));
      } else if (typeof v === 'boolean') {
        sawBool = true;
        values.push(v ? 1 : 0);
      } else {
        throw new ValueError(`The '${argName}' must hold numbers, bigints or booleans, but ${argName}${path} is ${String(v)}.`);
      }
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[dim]) {
      throw new ValueError(
        `The '${argName}' is not rectangular: ${argName}${path} should be an array of length ${String(shape[dim])}.`,
      );
    }
    for (let i = 0; i < v.length; i++) walk(v[i], dim + 1, `${path}[${i}]`);
  };
  walk(value, 0, '');
  return { values, shape, sawFloat, sawBool, sawNumber, sawBigInt };
}

const backwardHooks: BackwardHooks = {
  accumulateLeaf(leaf, g) {
    leaf.accumulateGrad(g);
  },
  add(target, a, b, aOwned) {
    if (a instanceof SelectedRows && b instanceof SelectedRows) return a.concat(b);
    // a sum this hook made holds no -0 (it started from +0 and x + y is -0 only when both are), so
    // adding into it in place gives the bits of adding both into fresh zeros
    // (runs add into such a sum over their own elements only: RunsGrad.addInto)
    if (aOwned && !(a instanceof SelectedRows) && !(a instanceof RunsGrad) && arrayMatchesDType(a, target.dtype)) {
      if (b instanceof SelectedRows || b instanceof RunsGrad) b.addInto(a);
      else addInto(a, b);
      return a;
    }
    const out = allocArray(target.dtype, target.numel);
    for (const g of [a, b]) {
      if (g instanceof SelectedRows || g instanceof RunsGrad) g.addInto(out);
      else addInto(out, g);
    }
    return out;
  },
  toDense(target, g) {
    if (g instanceof SelectedRows) return g.toDenseArray();
    if (g instanceof RunsGrad) return g.toDense(target.dtype);
    if (arrayMatchesDType(g, target.dtype)) return g;
    const out = allocArray(target.dtype, g.length);
    out.set(g);
    return out;
  },
};

export { checkShape };

/**
 * `d[i] += g[i]` (the store rounds to d's dtype). The float32 and float64 cases have loops of their
 * own: a loop that sees one array type stays monomorphic in V8 (about 2× faster on a layer's
 * gradient than the shared loop, which also serves every integer type).
 */
function addInto(d: DataArray, g: DataArray): void {
  if (d instanceof Float32Array && g instanceof Float32Array) addIntoF32(d, g);
  else if (d instanceof Float64Array && g instanceof Float64Array) addIntoF64(d, g);
  else for (let i = 0; i < d.length; i++) d[i] = (d[i] as number) + (g[i] as number);
}

function addIntoF32(d: Float32Array, g: Float32Array): void {
  for (let i = 0; i < d.length; i++) d[i] = (d[i] as number) + (g[i] as number);
}

function addIntoF64(d: Float64Array, g: Float64Array): void {
  for (let i = 0; i < d.length; i++) d[i] = (d[i] as number) + (g[i] as number);
}

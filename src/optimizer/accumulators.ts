/**
 * The optimizer's state (spec §6, §12): the accumulator tensors of each parameter, named as Paddle
 * names them (`<param>_<optimizer name>_<kind>_<n>`), state loaded before the accumulators exist
 * (Paddle's `_accumulators_holder`), and the dense scratch gradients of row-sparse parameters.
 *
 * This store owns every block it allocates (through the parameter allocator, i.e. the kernel heap
 * when the WebAssembly backend is selected) and frees them all in `dispose()`: the kernel heap is
 * not garbage collected, so an optimizer that is dropped must give its state back explicitly.
 */
import { AssertionError, RuntimeError, TypeError as PaddleTypeError, ValueError, pyTypeName } from '../errors.js';
import type { DType } from '../tensor/dtype.js';
import { shapeEquals, shapeToString } from '../tensor/shape.js';
import { getParameterAllocator, type Storage } from '../tensor/storage.js';
import { ParameterBase, type Tensor } from '../tensor/tensor.js';
import { generate as uniqueName, peek as peekUniqueName } from '../tensor/unique-name.js';

/** An accumulator value accepted by `setStateDict`: a Tensor or anything shaped like one. */
export interface TensorLike {
  /** The shape. */
  readonly shape: readonly number[];
  /** The dtype. */
  readonly dtype: string;
  /** The values, row-major. */
  readonly data: ArrayLike<number>;
}

export function isTensorLike(v: unknown): v is TensorLike {
  if (v === null || typeof v !== 'object') return false;
  const o = v as Partial<TensorLike>;
  return Array.isArray(o.shape) && typeof o.dtype === 'string' && o.data !== undefined && typeof (o.data as { length?: unknown }).length === 'number';
}

/** Paddle's checks of a loaded state value against the accumulator it is bound to. */
export function checkLoadable(name: string, v: unknown, shape: readonly number[], dtype: DType): asserts v is TensorLike {
  if (!isTensorLike(v)) {
    throw new PaddleTypeError(`State dict value for '${name}' must be a Tensor (or an array with shape and dtype), but received ${pyTypeName(v)}.`);
  }
  if (!shapeEquals(v.shape, shape) || v.data.length !== v.shape.reduce((a, b) => a * b, 1)) {
    throw new AssertionError(
      `Variable Shape not match, Variable [ ${name} ] need tensor with shape ${shapeToString(shape)} but load set tensor with shape ${shapeToString(v.shape)}`,
    );
  }
  if (v.dtype !== dtype) {
    throw new AssertionError(
      `Variable dtype not match, Variable [ ${name} ] need tensor with dtype ${dtype}  but load tensor with dtype ${v.dtype}`,
    );
  }
}

export function writeValues(target: Tensor, v: TensorLike): void {
  const d = target.data;
  const src = v.data;
  for (let i = 0; i < d.length; i++) d[i] = src[i] as number;
}

/** Accumulators planned for a parameter's first step (validated, not yet allocated). */
export interface PendingAccumulators {
  readonly param: Tensor;
  readonly names: readonly string[];
  readonly loaded: readonly (TensorLike | null)[];
}

export class AccumulatorStore {
  /** kind → (param → accumulator tensor), in creation order. */
  private readonly byKind = new Map<string, Map<Tensor, Tensor>>();
  /** Loaded-but-not-yet-bound state (`_accumulators_holder`). */
  private holder = new Map<string, TensorLike>();
  /** Dense scratch gradients for row-sparse gradients, per parameter. */
  private readonly sparseScratch = new Map<Tensor, Storage>();

  constructor(
    /** Accumulator kinds in creation order (e.g. momentum, mean_square, mean_grad). */
    readonly kinds: readonly string[],
    /** The optimizer's name (null: none), which prefixes the kinds in accumulator names. */
    private readonly optimizerName: string | null,
  ) {}

  /** `mean_square`, or `<optimizer name>_mean_square` for a named optimizer. */
  keyOf(kind: string): string {
    return this.optimizerName !== null ? `${this.optimizerName}_${kind}` : kind;
  }

  has(p: Tensor): boolean {
    return this.byKind.get(this.kinds[0] as string)?.has(p) ?? false;
  }

  get(kind: string, p: Tensor): Tensor | undefined {
    return this.byKind.get(kind)?.get(p);
  }

  /** The accumulator tensors of `p`, in `kinds` order. */
  of(p: Tensor): readonly Tensor[] {
    return this.kinds.map((kind) => {
      const t = this.get(kind, p);
      if (t === undefined) throw new RuntimeError(`internal: accumulator ${kind} of '${p.name}' was not created`);
      return t;
    });
  }

  /** The name `p`'s accumulator of `kind` has, or the one its creation will generate. */
  nameFor(kind: string, p: Tensor): string {
    return this.get(kind, p)?.name ?? peekUniqueName(`${p.name}_${this.keyOf(kind)}`);
  }

  /** Every accumulator with its parameter: all of the first kind, then the second, … */
  *entries(): IterableIterator<[param: Tensor, accumulator: Tensor]> {
    for (const byParam of this.byKind.values()) yield* byParam.entries();
  }

  /** State loaded by `setStateDict` and not bound to an accumulator yet. */
  held(): ReadonlyMap<string, TensorLike> {
    return this.holder;
  }

  setHeld(state: Map<string, TensorLike>): void {
    this.holder = state;
  }

  /** Validates `p`'s accumulators for creation (names; held state must match). Changes nothing. */
  plan(p: Tensor): PendingAccumulators {
    const names = this.kinds.map((kind) => peekUniqueName(`${p.name}_${this.keyOf(kind)}`));
    const loaded = names.map((name) => {
      if (this.holder.size === 0) return null;
      const v = this.holder.get(name);
      if (v === undefined) throw new AssertionError(`Optimizer set error, ${name} should in state dict`);
      checkLoadable(name, v, p.shape, p.dtype);
      return v;
    });
    return { param: p, names, loaded };
  }

  /** Two parameters with one name would share accumulator names: Paddle's error, before any change. */
  static checkNamesUnique(pending: readonly PendingAccumulators[]): void {
    const all = new Set<string>();
    for (const pa of pending) {
      for (const n of pa.names) {
        if (all.has(n)) {
          throw new ValueError(`Two parameters named '${pa.param.name}' would share the accumulator name '${n}'; parameter names must be unique.`);
        }
        all.add(n);
      }
    }
  }

  /**
   * Creates the planned accumulators. Storage is allocated kind by kind (all momentum buffers,
   * then all mean squares, …) so that each kind is contiguous in the kernel heap, which the fused
   * kernel streams faster for many small tensors; names are the same as Paddle's param-by-param
   * order gives, since the counters are per prefix.
   */
  create(pending: readonly PendingAccumulators[]): void {
    this.kinds.forEach((kind, k) => {
      let byParam = this.byKind.get(kind);
      if (byParam === undefined) {
        byParam = new Map();
        this.byKind.set(kind, byParam);
      }
      for (const pa of pending) {
        const p = pa.param;
        const name = uniqueName(`${p.name}_${this.keyOf(kind)}`);
        const storage = getParameterAllocator().alloc(p.dtype, p.numel);
        const acc = new ParameterBase(storage, p.shape, { name, stopGradient: true });
        const loaded = pa.loaded[k] ?? null;
        if (loaded !== null) {
          writeValues(acc, loaded);
          this.holder.delete(name);
        }
        byParam.set(p, acc);
      }
    });
  }

  /** The dense scratch gradient of a parameter with row-sparse gradients (made once, kept). */
  scratchFor(p: Tensor): Storage {
    let s = this.sparseScratch.get(p);
    if (s === undefined) {
      s = getParameterAllocator().alloc(p.dtype, p.numel);
      this.sparseScratch.set(p, s);
    }
    return s;
  }

  /** Frees every accumulator and scratch block and forgets the held state. */
  dispose(): void {
    for (const byParam of this.byKind.values()) for (const acc of byParam.values()) acc.dispose();
    this.byKind.clear();
    for (const s of this.sparseScratch.values()) s.dispose();
    this.sparseScratch.clear();
    this.holder = new Map();
  }
}

/**
 * Helpers shared by the `paddle.compat` optimizers of PyTorch, TensorFlow, Keras, TF.js, timm and
 * Optax: the rounding of each dtype, hyper-parameter checks (every check runs before any state
 * changes), access to dense float gradients, and the state they keep in the kernel heap.
 *
 * Each optimizer's per-element RMSProp runs on the fused kernel (`KernelBackend.rmspropStep`)
 * with its framework's variant (src/kernels/types.ts `RmspropVariant`): the same recurrence as
 * Paddle's in real arithmetic, each framework's own float32 expression order operation for
 * operation (tests/compat/kernel-order.test.ts shows why Paddle's order would not do). Their state
 * tensors are allocated with the parameter allocator ({@link stateLike}: the kernel heap when the
 * WebAssembly backend is selected), so the kernel updates them in place, and each optimizer's
 * `dispose()` frees them.
 */
import { TypeError as PaddleTypeError, RuntimeError, ValueError } from '../errors.js';
import { describe } from '../options.js';
import type { FloatArray } from '../tensor/dtype.js';
import { SelectedRows } from '../tensor/selected-rows.js';
import { getBackend } from '../kernels/index.js';
import type { RmspropHyper, RmspropSlot } from '../kernels/types.js';
import { getParameterAllocator } from '../tensor/storage.js';
import { Tensor } from '../tensor/tensor.js';

/** Rounds a double to the dtype of an array: `Math.fround` for float32, identity for float64. */
export type Round = (x: number) => number;

const identity: Round = (x) => x;

/** The rounding of `dtype` (float32: `Math.fround`; float64: none). */
export function roundOf(dtype: string): Round {
  return dtype === 'float32' ? Math.fround : identity;
}

/** Range constraints of {@link checkNumber}. */
export interface NumberRule {
  /** Smallest allowed value. */
  min?: number;
  /** Largest allowed value. */
  max?: number;
  /** The lower bound itself is not allowed. */
  minExclusive?: boolean;
  /** The upper bound itself is not allowed. */
  maxExclusive?: boolean;
  /** Must be an integer. */
  integer?: boolean;
}

/**
 * Checks one numeric hyper-parameter: a `TypeError` when it is not a number or is NaN, a
 * `ValueError` when it is out of range. `undefined` passes (the default applies).
 */
export function checkNumber(where: string, name: string, value: unknown, rule: NumberRule = {}): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new PaddleTypeError(`${where}: '${name}' must be a number, but received ${describe(value)}.`);
  }
  const lowOk = rule.min === undefined || (rule.minExclusive === true ? value > rule.min : value >= rule.min);
  const highOk = rule.max === undefined || (rule.maxExclusive === true ? value < rule.max : value <= rule.max);
  if (!lowOk || !highOk || (rule.integer === true && !Number.isInteger(value))) {
    const lo = rule.min === undefined ? '' : `${rule.minExclusive === true ? '>' : '>='} ${rule.min}`;
    const hi = rule.max === undefined ? '' : `${rule.maxExclusive === true ? '<' : '<='} ${rule.max}`;
    const range = [lo, hi].filter((s) => s !== '').join(' and ');
    const kind = rule.integer === true ? 'an integer' : 'a number';
    throw new ValueError(`${where}: '${name}' must be ${kind}${range === '' ? '' : ` ${range}`}, but received ${value}.`);
  }
}

/** Checks a boolean option (`undefined` passes). */
export function checkBoolean(where: string, name: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'boolean') {
    throw new PaddleTypeError(`${where}: '${name}' must be a boolean, but received ${describe(value)}.`);
  }
}

/** Checks that `p` is a float32/float64 Tensor (what every compat optimizer updates). */
export function checkFloatTensor(where: string, p: unknown, what = 'parameter'): Tensor {
  if (!(p instanceof Tensor) || (p.dtype !== 'float32' && p.dtype !== 'float64')) {
    throw new PaddleTypeError(`${where}: every ${what} must be a float32 or float64 Tensor, but received ${describe(p)}.`);
  }
  return p;
}

/**
 * The dense gradient values of `grad` for `p` (a Tensor of p's shape and dtype), or null for a
 * missing gradient. Throws for a sparse gradient, a shape or a dtype that differs.
 */
export function denseValues(where: string, p: Tensor, grad: unknown): FloatArray | null {
  const t = denseGrad(where, p, grad);
  return t === null ? null : (t.data as FloatArray);
}

/**
 * As {@link denseValues}, the gradient Tensor itself: take its `.data` only after the step's state
 * is allocated (an allocation may grow the kernel heap, which detaches the views of an unshared
 * memory).
 */
export function denseGrad(where: string, p: Tensor, grad: unknown): Tensor | null {
  if (grad === null || grad === undefined) return null;
  if (grad instanceof SelectedRows) throw new RuntimeError(`${where} does not support sparse gradients (SelectedRows).`);
  if (!(grad instanceof Tensor)) throw new PaddleTypeError(`${where}: a gradient must be a Tensor or null, but received ${describe(grad)}.`);
  if (grad.dtype !== p.dtype || grad.shape.join(',') !== p.shape.join(',')) {
    throw new ValueError(
      `${where}: the gradient of '${p.name}' must be a ${p.dtype} Tensor of shape [${p.shape.join(', ')}], but received a ${grad.dtype} Tensor of shape [${grad.shape.join(', ')}].`,
    );
  }
  return grad;
}

/** A new Tensor of p's shape and dtype filled with `value` (an optimizer slot). */
export function fullLike(p: Tensor, value: number, name?: string): Tensor {
  const data = p.dtype === 'float32' ? new Float32Array(p.numel) : new Float64Array(p.numel);
  if (value !== 0) data.fill(value);
  return Tensor.fromArray(data, p.shape, p.dtype, name === undefined ? {} : { name });
}

/** The list of Tensors in `params`, each checked, with no repeats. */
export function paramList(where: string, params: Iterable<unknown>): Tensor[] {
  if (params === null || params === undefined || typeof (params as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function') {
    throw new PaddleTypeError(`${where}: expected an iterable of Tensors, but received ${describe(params)}.`);
  }
  const list: Tensor[] = [];
  const seen = new Set<Tensor>();
  for (const p of params) {
    const t = checkFloatTensor(where, p);
    if (seen.has(t)) throw new ValueError(`${where}: the Tensor '${t.name}' appears twice.`);
    seen.add(t);
    list.push(t);
  }
  return list;
}

/**
 * Float32 (or float64) sum of squares of `values` for the gradient-norm clips: each square
 * rounded to the dtype (`ops.square`), accumulated in float64 in index order and rounded once to the dtype: the exactly rounded norm² up to the float64
 * accumulation error (the frameworks' own float32 reductions are tree- or SIMD-ordered, so their
 * last bit is not reproducible on other hardware anyway).
 */
export function sumSquares(values: FloatArray, round: Round): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    s += round(v * v);
  }
  return round(s);
}

/**
 * A new state Tensor of p's shape and dtype filled with `value`, in the parameter allocator's
 * memory (the kernel heap while the WebAssembly backend is selected, so the fused kernel updates
 * it in place). The optimizer that makes it owns it and frees it in its `dispose()`.
 */
export function stateLike(p: Tensor, value: number, name?: string): Tensor {
  const t = new Tensor(getParameterAllocator().alloc(p.dtype, p.numel), p.shape, name === undefined ? {} : { name });
  if (value !== 0) (t.data as FloatArray).fill(value);
  return t;
}

/** A state Tensor for p holding a copy of `values` (cast to p's dtype), made by {@link stateLike}. */
export function stateFrom(p: Tensor, values: ArrayLike<number>, name?: string): Tensor {
  const t = stateLike(p, 0, name);
  const d = t.data as FloatArray;
  for (let i = 0; i < d.length; i++) d[i] = values[i] as number;
  return t;
}

/** One kernel slot: the parameter (or output), its gradient and state arrays, and its transforms. */
export type KernelSlot = RmspropSlot<Float32Array | Float64Array>;

/**
 * Runs the fused kernel over `slots` (grouped by dtype, one call per dtype so that large groups
 * are split across the worker threads): each framework's per-element RMSProp.
 */
export function kernelStep(slots: readonly KernelSlot[], hyper: RmspropHyper): void {
  let f32: KernelSlot[] | undefined;
  let f64: KernelSlot[] | undefined;
  for (const s of slots) {
    if (s.param instanceof Float32Array) (f32 ??= []).push(s);
    else (f64 ??= []).push(s);
  }
  const backend = getBackend();
  if (f32 !== undefined) backend.rmspropStep('float32', f32, hyper);
  if (f64 !== undefined) backend.rmspropStep('float64', f64, hyper);
}

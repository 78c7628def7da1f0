/**
 * Comparisons and logic (no gradient; bool results): greater_than, greater_equal, less_than,
 * less_equal, not_equal (NumPy broadcasting, operands compared in their common dtype as `equal`
 * does), logical_and/or/xor/not (non-bool operands count as `x != 0`), any / all (over axes, with
 * keepdim), isclose / allclose (|x − y| ≤ atol + rtol·|y|, NumPy's and Paddle's rule; infinities
 * of the same sign are close; NaN only with equalNan).
 */
import type { Axis } from './reduce.js';
import { TypeError as PaddleTypeError } from '../errors.js';
import { checkOptions, describe, leadingOption } from '../options.js';
import { allocArray, promote } from '../tensor/dtype.js';
import { numelOf } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';
import { applyBinary, binaryOperands, expectFloat, expectTensor, reduceToShape, valuesAs, type TensorLike } from './helpers.js';
import { broadcastXY, fnKernel } from './binary.js';
import { planAxes } from './reduce-plan.js';
import type { NameOptions } from './elementwise.js';

function compare(where: string, x: TensorLike, y: TensorLike, options: NameOptions | undefined, f: (a: number, b: number) => number): Tensor {
  checkOptions(where, options, ['name']);
  const ops = binaryOperands(where, x, y);
  const outShape = broadcastXY(where, ops.x.shape, ops.y.shape);
  const out = allocArray('bool', numelOf(outShape));
  applyBinary(fnKernel(f), valuesAs(ops.x, ops.dtype), ops.x.shape, valuesAs(ops.y, ops.dtype), ops.y.shape, outShape, out);
  return Tensor.fromOp(where, out, outShape, 'bool', [ops.x, ops.y], null);
}

/**
 * `paddle.greater_than(x, y)`: x > y elementwise.
 * @param x - The first operand, a Tensor or a number (Paddle's `x`).
 * @param y - The second operand, a Tensor or a number, broadcast against `x` (Paddle's `y`).
 * @param options - {@link NameOptions}: `name` (accepted, unused).
 * @returns A new bool Tensor of the broadcast shape.
 * @throws {@link errors.TypeError} when neither operand is a Tensor or an option is unknown; {@link errors.ValueError} when the shapes do not broadcast.
 */
export function greaterThan(x: TensorLike, y: TensorLike, options?: NameOptions): Tensor {
  return compare('greater_than', x, y, options, (a, b) => (a > b ? 1 : 0));
}
/**
 * `paddle.greater_equal(x, y)`: x ≥ y elementwise.
 * @param x - The first operand, a Tensor or a number (Paddle's `x`).
 * @param y - The second operand, a Tensor or a number, broadcast against `x` (Paddle's `y`).
 * @param options - {@link NameOptions}: `name` (accepted, unused).
 * @returns A new bool Tensor of the broadcast shape.
 * @throws {@link errors.TypeError} when neither operand is a Tensor or an option is unknown; {@link errors.ValueError} when the shapes do not broadcast.
 */
export function greaterEqual(x: TensorLike, y: TensorLike, options?: NameOptions): Tensor {
  return compare('greater_equal', x, y, options, (a, b) => (a >= b ? 1 : 0));
}
/**
 * `paddle.less_than(x, y)`: x < y elementwise.
 * @param x - The first operand, a Tensor or a number (Paddle's `x`).
 * @param y - The second operand, a Tensor or a number, broadcast against `x` (Paddle's `y`).
 * @param options - {@link NameOptions}: `name` (accepted, unused).
 * @returns A new bool Tensor of the broadcast shape.
 * @throws {@link errors.TypeError} when neither operand is a Tensor or an option is unknown; {@link errors.ValueError} when the shapes do not broadcast.
 */
export function lessThan(x: TensorLike, y: TensorLike, options?: NameOptions): Tensor {
  return compare('less_than', x, y, options, (a, b) => (a < b ? 1 : 0));
}
/**
 * `paddle.less_equal(x, y)`: x ≤ y elementwise.
 * @param x - The first operand, a Tensor or a number (Paddle's `x`).
 * @param y - The second operand, a Tensor or a number, broadcast against `x` (Paddle's `y`).
 * @param options - {@link NameOptions}: `name` (accepted, unused).
 * @returns A new bool Tensor of the broadcast shape.
 * @throws {@link errors.TypeError} when neither operand is a Tensor or an option is unknown; {@link errors.ValueError} when the shapes do not broadcast.
 */
export function lessEqual(x: TensorLike, y: TensorLike, options?: NameOptions): Tensor {
  return compare('less_equal', x, y, options, (a, b) => (a <= b ? 1 : 0));
}
/**
 * `paddle.not_equal(x, y)`: x != y elementwise (NaN is not equal to NaN, so true there).
 * @param x - The first operand, a Tensor or a number (Paddle's `x`).
 * @param y - The second operand, a Tensor or a number, broadcast against `x` (Paddle's `y`).
 * @param options - {@link NameOptions}: `name` (accepted, unused).
 * @returns A new bool Tensor of the broadcast shape.
 * @throws {@link errors.TypeError} when neither operand is a Tensor or an option is unknown; {@link errors.ValueError} when the shapes do not broadcast.
 */
export function notEqual(x: TensorLike, y: TensorLike, options?: NameOptions): Tensor {
  return compare('not_equal', x, y, options, (a, b) => (a !== b ? 1 : 0));
}

function logical(where: string, x: Tensor, y: Tensor, options: NameOptions | undefined, f: (a: boolean, b: boolean) => boolean): Tensor {
  const a = expectTensor(where, 'x', x);
  const b = expectTensor(where, 'y', y);
  // Truth values (nonzero, NaN included, as C's bool(x)) are combined.
  return compare(where, a, b, options, (p, q) => (f(p !== 0, q !== 0) ? 1 : 0));
}

/**
 * `paddle.logical_and(x, y)`: both true (nonzero) elementwise, with broadcasting.
 * @param x - The first Tensor; nonzero counts as true (Paddle's `x`).
 * @param y - The second Tensor, broadcast against `x`; nonzero counts as true (Paddle's `y`).
 * @param options - {@link NameOptions}: `name` (accepted, unused).
 * @returns A new bool Tensor of the broadcast shape.
 * @throws {@link errors.TypeError} when an operand is not a Tensor or an option is unknown; {@link errors.ValueError} when the shapes do not broadcast.
 */
export function logicalAnd(x: Tensor, y: Tensor, options?: NameOptions): Tensor {
  return logical('logical_and', x, y, options, (p, q) => p && q);
}
/**
 * `paddle.logical_or(x, y)`.
 * @param x - The first Tensor; nonzero counts as true (Paddle's `x`).
 * @param y - The second Tensor, broadcast against `x`; nonzero counts as true (Paddle's `y`).
 * @param options - {@link NameOptions}: `name` (accepted, unused).
 * @returns A new bool Tensor of the broadcast shape.
 * @throws {@link errors.TypeError} when an operand is not a Tensor or an option is unknown; {@link errors.ValueError} when the shapes do not broadcast.
 */
export function logicalOr(x: Tensor, y: Tensor, options?: NameOptions): Tensor {
  return logical('logical_or', x, y, options, (p, q) => p || q);
}
/**
 * `paddle.logical_xor(x, y)`.
 * @param x - The first Tensor; nonzero counts as true (Paddle's `x`).
 * @param y - The second Tensor, broadcast against `x`; nonzero counts as true (Paddle's `y`).
 * @param options - {@link NameOptions}: `name` (accepted, unused).
 * @returns A new bool Tensor of the broadcast shape.
 * @throws {@link errors.TypeError} when an operand is not a Tensor or an option is unknown; {@link errors.ValueError} when the shapes do not broadcast.
 */
export function logicalXor(x: Tensor, y: Tensor, options?: NameOptions): Tensor {
  return logical('logical_xor', x, y, options, (p, q) => p !== q);
}
/**
 * `paddle.logical_not(x)`: true where x is zero (false).
 * @param x - The input Tensor; nonzero counts as true (Paddle's `x`).
 * @param options - {@link NameOptions}: `name` (accepted, unused).
 * @returns A new bool Tensor of x's shape.
 * @throws {@link errors.TypeError} when `x` is not a Tensor or an option is unknown.
 */
export function logicalNot(x: Tensor, options?: NameOptions): Tensor {
  checkOptions('logical_not', options, ['name']);
  const t = expectTensor('logical_not', 'x', x);
  const src = t.data;
  const out = allocArray('bool', src.length);
  for (let i = 0; i < src.length; i++) out[i] = (src[i] as number) === 0 ? 1 : 0;
  return Tensor.fromOp('logical_not', out, t.shape, 'bool', [t], null);
}

/** Optional arguments of {@link any} and {@link all} (Paddle's `axis`, `keepdim`, `name`). */
export interface AnyAllOptions {
  /** Axis or axes (all when omitted or null). */
  axis?: number | readonly number[] | null;
  /** Keep the reduced axes as size-1 dimensions (Paddle's `keepdim`; default `false`). */
  keepdim?: boolean;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

function anyAll(where: string, x: Tensor, options: AnyAllOptions | undefined, isAny: boolean): Tensor {
  const opts = checkOptions(where, options, ['axis', 'keepdim', 'name']);
  const t = expectTensor(where, 'x', x);
  const r = planAxes(where, t, opts.axis, opts.keepdim);
  const src = t.data;
  // Count the elements that decide the answer (true ones for any, false ones for all).
  const hits = new Float64Array(src.length);
  for (let i = 0; i < src.length; i++) hits[i] = ((src[i] as number) !== 0) === isAny ? 1 : 0;
  const counts = reduceToShape(hits, t.shape, r.keepShape, 'float64');
  const out = allocArray('bool', counts.length);
  for (let i = 0; i < counts.length; i++) out[i] = ((counts[i] as number) > 0) === isAny ? 1 : 0;
  return Tensor.fromOp(where, out, r.outShape, 'bool', [t], null);
}

/**
 * `paddle.any(x, axis=None, keepdim=False)`: whether any element is true (nonzero).
 * @param x - The input Tensor; nonzero counts as true (Paddle's `x`).
 * @param axisOrOptions - The axis or axes to reduce (Paddle's `axis`; negative counts from the end; omitted/`null`: all), or the options object.
 * @param options - {@link AnyAllOptions}: `axis`, `keepdim` (default `false`), `name`.
 * @returns A new bool Tensor of x's shape without the reduced axes (kept as size 1 with `keepdim`).
 * @throws {@link errors.TypeError} when `x` is not a Tensor, `keepdim` is not a boolean, `axis` is given both positionally and in `options`, or an option is unknown; {@link errors.ValueError} when an axis is out of range or repeated.
 */
export function any(x: Tensor, axisOrOptions?: Axis | null | AnyAllOptions, options?: AnyAllOptions): Tensor {
  options = leadingOption('any', 'axis', axisOrOptions, options);
  return anyAll('any', x, options, true);
}
/**
 * `paddle.all(x, axis=None, keepdim=False)`: whether every element is true (nonzero).
 * @param x - The input Tensor; nonzero counts as true (Paddle's `x`).
 * @param axisOrOptions - The axis or axes to reduce (Paddle's `axis`; negative counts from the end; omitted/`null`: all), or the options object.
 * @param options - {@link AnyAllOptions}: `axis`, `keepdim` (default `false`), `name`.
 * @returns A new bool Tensor of x's shape without the reduced axes (kept as size 1 with `keepdim`).
 * @throws {@link errors.TypeError} when `x` is not a Tensor, `keepdim` is not a boolean, `axis` is given both positionally and in `options`, or an option is unknown; {@link errors.ValueError} when an axis is out of range or repeated.
 */
export function all(x: Tensor, axisOrOptions?: Axis | null | AnyAllOptions, options?: AnyAllOptions): Tensor {
  options = leadingOption('all', 'axis', axisOrOptions, options);
  return anyAll('all', x, options, false);
}

/**
 * Optional arguments of {@link isclose} and {@link allclose} (Paddle's `rtol`, `atol`, `equal_nan`,
 * `name`).
 */
export interface IsCloseOptions {
  /** Relative tolerance (default 1e-05). */
  rtol?: number;
  /** Absolute tolerance (default 1e-08). */
  atol?: number;
  /** NaN counts as close to NaN (default false). */
  equalNan?: boolean;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

function closeMask(where: string, x: Tensor, y: Tensor, options: IsCloseOptions | undefined): { mask: Uint8Array; shape: number[]; x: Tensor; y: Tensor } {
  const o = checkOptions(where, options, ['rtol', 'atol', 'equalNan', 'name']);
  const a = expectTensor(where, 'x', x);
  const b = expectTensor(where, 'y', y);
  expectFloat(where, 'x', a);
  expectFloat(where, 'y', b);
  const rtol = o.rtol ?? 1e-5;
  const atol = o.atol ?? 1e-8;
  const equalNan = o.equalNan ?? false;
  for (const [k, v] of [['rtol', rtol], ['atol', atol]] as const) {
    if (typeof v !== 'number') throw new PaddleTypeError(`${where}: the '${k}' must be a number, but received ${describe(v)}.`);
  }
  if (typeof equalNan !== 'boolean') {
    throw new PaddleTypeError(`${where}: the 'equalNan' must be a boolean, but received ${describe(equalNan)}.`);
  }
  const dtype = promote(a.dtype, b.dtype);
  const shape = broadcastXY(where, a.shape, b.shape);
  const mask = new Uint8Array(numelOf(shape));
  const close = (p: number, q: number): number => {
    if (p === q) return 1; // equal values, and infinities of the same sign
    if (p !== p || q !== q) return equalNan && p !== p && q !== q ? 1 : 0;
    return Math.abs(p - q) <= atol + rtol * Math.abs(q) ? 1 : 0;
  };
  applyBinary(fnKernel(close), valuesAs(a, dtype), a.shape, valuesAs(b, dtype), b.shape, shape, mask);
  return { mask, shape, x: a, y: b };
}

/**
 * `paddle.isclose(x, y, rtol=1e-05, atol=1e-08, equal_nan=False)`: elementwise, bool.
 * @param x - A float Tensor (Paddle's `x`).
 * @param y - A float Tensor broadcast against `x`, the reference in `rtol·|y|` (Paddle's `y`).
 * @param options - {@link IsCloseOptions}: `rtol` (default 1e-5), `atol` (default 1e-8), `equalNan` (Paddle's `equal_nan`, default `false`), `name`.
 * @returns A new bool Tensor of the broadcast shape.
 * @throws {@link errors.TypeError} when an operand is not a float Tensor, `rtol`/`atol` is not a number, `equalNan` is not a boolean, or an option is unknown; {@link errors.ValueError} when the shapes do not broadcast.
 */
export function isclose(x: Tensor, y: Tensor, options?: IsCloseOptions): Tensor {
  const c = closeMask('isclose', x, y, options);
  return Tensor.fromOp('isclose', c.mask, c.shape, 'bool', [c.x, c.y], null);
}

/**
 * `paddle.allclose(x, y, rtol=1e-05, atol=1e-08, equal_nan=False)`: a 0-D bool tensor.
 * @param x - A float Tensor (Paddle's `x`).
 * @param y - A float Tensor broadcast against `x`, the reference in `rtol·|y|` (Paddle's `y`).
 * @param options - {@link IsCloseOptions}: `rtol` (default 1e-5), `atol` (default 1e-8), `equalNan` (Paddle's `equal_nan`, default `false`), `name`.
 * @returns A new 0-D bool Tensor: whether every element pair is close.
 * @throws {@link errors.TypeError} when an operand is not a float Tensor, `rtol`/`atol` is not a number, `equalNan` is not a boolean, or an option is unknown; {@link errors.ValueError} when the shapes do not broadcast.
 */
export function allclose(x: Tensor, y: Tensor, options?: IsCloseOptions): Tensor {
  const c = closeMask('allclose', x, y, options);
  const out = allocArray('bool', 1);
  out[0] = c.mask.every((v) => v === 1) ? 1 : 0;
  return Tensor.fromOp('allclose', out, [], 'bool', [c.x, c.y], null);
}


export {
  greaterThan as greater_than,
  greaterEqual as greater_equal,
  lessThan as less_than,
  lessEqual as less_equal,
  notEqual as not_equal,
  logicalAnd as logical_and,
  logicalOr as logical_or,
  logicalXor as logical_xor,
  logicalNot as logical_not,
};

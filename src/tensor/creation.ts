/**
 * Tensor creation: `toTensor`, the constant fillers (`full`, `zeros`, `ones` and their `*Like`
 * forms), ranges (`arange`, `linspace`, `eye`) and random creation (`rand`, `randn`, `uniform`,
 * `normal`, `randint`), which draw from the seeded global generator of random.ts, so `seed(n)`
 * makes them reproducible.
 *
 * Calling convention (DESIGN.md §1): required arguments positional, optional ones in a trailing
 * options object. Exceptions, because Paddle code passes them positionally: `arange(start, end?,
 * step?, options?)` and `randint(low, high?, shape?, options?)`.
 */
import { TypeError as PaddleTypeError, ValueError } from '../errors.js';
import { checkOptions, describe, dtypeOrOptions, isPlainObject, leadingOption } from '../options.js';
import { allocArray, castScalar, isFloatDType, toDType, type DataArray, type DType } from './dtype.js';
import { randomInt, randomNormal, randomUniform01 } from './random.js';
import { checkShape, numelOf, shapeToString } from './shape.js';
import { flattenNested, Tensor, type NestedArray } from './tensor.js';

let defaultDType: DType = 'float32';

/**
 * `paddle.get_default_dtype()`: the float dtype used for Python floats (float32 unless set).
 * @returns `'float32'` or `'float64'`.
 */
export function getDefaultDType(): DType {
  return defaultDType;
}

/**
 * `paddle.set_default_dtype(d)`: float32 or float64.
 * @param dtype - `'float32'` or `'float64'` (Paddle's `d`).
 * @throws {@link errors.TypeError} when `dtype` is unknown or not float32/float64.
 */
export function setDefaultDType(dtype: DType | string): void {
  const d = toDType(dtype);
  if (d !== 'float32' && d !== 'float64') {
    throw new PaddleTypeError(`set_default_dtype only supports float32 and float64, but received ${d}.`);
  }
  defaultDType = d;
}

/** Optional arguments of {@link toTensor} (Paddle's `dtype`, `place`, `stop_gradient`). */
export interface ToTensorOptions {
  /** The dtype of the result (Paddle's `dtype`). */
  dtype?: DType | string;
  /** Whether the tensor stops gradients (Paddle's `stop_gradient`; default `true`). */
  stopGradient?: boolean;
  /** Paddle's `place`: accepted for compatibility and ignored (tensors live on the CPU). */
  place?: string;
}

/**
 * `paddle.to_tensor(data, dtype=None, place=None, stop_gradient=True)`. JS numbers (and nested
 * arrays of them) take the default float dtype, whether or not they are whole (JS cannot tell
 * `1` from `1.0`; Paddle's `to_tensor([1, 2])` is int64: pass `{ dtype: 'int64' }`); bigints →
 * int64; booleans → bool; typed arrays keep their type (Float32Array → float32, Float64Array → float64,
 * Int32Array → int32, Uint8Array → uint8, BigInt64Array → int64, other integer arrays → int64); a Tensor
 * is copied.
 * @param data - A number, boolean, bigint, (nested) array, typed array or Tensor (Paddle's `data`).
 * @param options - {@link ToTensorOptions}: `dtype`, `stopGradient` (Paddle's `stop_gradient`, default `true`), `place` (ignored); or the dtype alone, as a string (Paddle's positional `dtype`: `'int64'`).
 * @returns A new Tensor of the data's (nested) shape, in `dtype` or the inferred dtype.
 * @throws {@link errors.TypeError} when `data` has an unsupported type, `dtype` is unknown, or an option is unknown; {@link errors.ValueError} when nested arrays are ragged or hold non-numbers, or an int64 value is beyond 2^53 − 1.
 * @example
 * ```ts
 * const x = paddle.toTensor([[1, 2], [3, 4]]); // float32, shape [2, 2]
 * const i = paddle.toTensor([1, 2], { dtype: 'int64' }); // Paddle's to_tensor([1, 2])
 * const w = paddle.toTensor(new Float64Array([0.5, -1]), { stopGradient: false }); // float64, trainable
 * x.shape; // [2, 2]
 * ```
 */
export function toTensor(data: Tensor | DataArray | NestedArray | ArrayLike<number> | BigInt64Array, options?: ToTensorOptions | string): Tensor {
  const opts = checkOptions('to_tensor', dtypeOrOptions(options), ['dtype', 'stopGradient', 'place']);
  const wanted = opts.dtype === undefined ? undefined : toDType(opts.dtype);
  let values: ArrayLike<number>;
  let shape: number[];
  let inferred: DType;
  if (data instanceof Tensor) {
    values = data.data;
    shape = [...data.shape];
    inferred = data.dtype;
  } else if (data instanceof BigInt64Array) {
    const arr = new Float64Array(data.length);
    for (let i = 0; i < data.length; i++) {
      const v = data[i] as bigint;
      if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(-Number.MAX_SAFE_INTEGER)) {
        throw new ValueError(`to_tensor: int64 value ${v} at index ${i} is outside the exactly stored range (|x| <= 2^53 - 1).`);
      }
      arr[i] = Number(v);
    }
    values = arr;
    shape = [data.length];
    inferred = 'int64';
  } else if (ArrayBuffer.isView(data)) {
    const view = data as unknown as ArrayLike<number>;
    values = view;
    shape = [view.length];
    inferred =
      data instanceof Float32Array
        ? 'float32'
        : data instanceof Float64Array
          ? 'float64'
          : data instanceof Int32Array
            ? 'int32'
            : data instanceof Uint8Array
              ? 'uint8'
              : 'int64';
  } else if (typeof data === 'number' || typeof data === 'boolean' || Array.isArray(data)) {
    const parsed = flattenNested(data, 'data');
    values = parsed.values;
    shape = parsed.shape;
    // JS has one number type: 1 and 1.0 are the same value, so numbers take the default float
    // dtype (Paddle's `to_tensor([1.0, 2.0])`); integers come from `dtype`, bigints (`[1n, 2n]`),
    // an integer typed array or a BigInt64Array. Only all-boolean data is bool.
    inferred =
      !parsed.sawNumber && !parsed.sawBigInt && parsed.sawBool
        ? 'bool'
        : parsed.sawBigInt && !parsed.sawNumber && !parsed.sawBool
          ? 'int64'
          : defaultDType;
  } else {
    throw new PaddleTypeError(
      `to_tensor: 'data' must be a number, boolean, (nested) array, typed array or Tensor, but received ${typeof data}.`,
    );
  }
  const dtype = wanted ?? inferred;
  const out = allocArray(dtype, values.length);
  for (let i = 0; i < values.length; i++) out[i] = castScalar(Number(values[i]), dtype);
  return Tensor.fromArray(out, shape, dtype, { stopGradient: opts.stopGradient ?? true });
}

/**
 * Optional arguments of {@link full}, {@link zeros}, {@link ones} and their `*Like` forms (Paddle's
 * `dtype`, `name`).
 */
export interface FillOptions {
  /** The dtype of the result (Paddle's `dtype`). */
  dtype?: DType | string;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string;
}

/** A shape as Paddle takes it: a list of integers (or of 1-element Tensors), or an integer Tensor. */
export type ShapeLike = readonly (number | Tensor)[] | Tensor;

/** A `ShapeLike` as plain integers (`[2, t]` with t a 1-element Tensor, or an int Tensor [2, 3]). */
export function shapeOf(where: string, shape: unknown): number[] {
  if (shape instanceof Tensor) {
    if (shape.dtype !== 'int32' && shape.dtype !== 'int64') {
      throw new PaddleTypeError(`${where}: a shape Tensor must be int32 or int64, but its dtype is ${shape.dtype}.`);
    }
    return checkShape(Array.from(shape.data, Number));
  }
  if (Array.isArray(shape)) return checkShape((shape as unknown[]).map((d) => scalarOf(where, 'shape', d)));
  return checkShape(shape);
}

/** A number argument that Paddle also takes as a 1-element Tensor (`arange(paddle.to_tensor([3]), 7)`). */
export function scalarOf(where: string, argName: string, v: unknown): unknown {
  if (!(v instanceof Tensor)) return v;
  if (v.numel !== 1) {
    throw new ValueError(`${where}: the '${argName}' Tensor must hold one element, but its shape is ${shapeToString(v.shape)}.`);
  }
  return v.dtype === 'bool' ? v.item() !== 0 : v.item();
}

/**
 * A `fill_value` as Paddle takes it: a number, a boolean, a 1-element Tensor, or a string Python's
 * `float()` reads (`'0.5'`, `'inf'`, `'-nan'`, as Paddle's `full(shape, "0.5")` example writes).
 */
function fillValueOf(where: string, fillValue: unknown): number | boolean {
  let value = scalarOf(where, 'fill_value', fillValue);
  if (typeof value === 'string') {
    const t = value.trim().toLowerCase().replace(/_/g, '');
    const special = /^([+-]?)(inf|infinity|nan)$/.exec(t);
    const parsed = special !== null ? (special[2] === 'nan' ? NaN : special[1] === '-' ? -Infinity : Infinity) : /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(t) ? Number(t) : null;
    if (parsed === null) {
      throw new ValueError(`${where}: could not convert string to float: ${describe(fillValue)}.`);
    }
    value = parsed;
  }
  if (typeof value !== 'number' && typeof value !== 'boolean') {
    throw new PaddleTypeError(`${where}: the 'fill_value' must be a number, a boolean, a numeric string or a 1-element Tensor, but received ${describe(fillValue)}.`);
  }
  return value;
}

/**
 * `paddle.full(shape, fill_value, dtype=None)`: `fill_value` a number, a boolean (bool by
 * default), a numeric string (`'0.5'`) or a 1-element Tensor; the shape a list (items may be
 * 1-element Tensors) or an integer Tensor.
 * @param shape - The shape: a list of non-negative integers (items may be 1-element Tensors) or an int32/int64 Tensor (Paddle's `shape`).
 * @param fillValue - The value: a number, a boolean, a numeric string (`'0.5'`, `'inf'`) or a 1-element Tensor (Paddle's `fill_value`).
 * @param options - {@link FillOptions}: `dtype` (default: bool for a boolean, else the default float dtype), `name`; or the dtype alone, as a string (Paddle's positional `dtype`: `'int64'`).
 * @returns A new Tensor of `shape` filled with the value.
 * @throws {@link errors.TypeError} when `fillValue` is not a number, boolean, numeric string or 1-element Tensor, `dtype` is unknown, a shape Tensor is not int32/int64, or an option is unknown; {@link errors.ValueError} when a string is not numeric, a Tensor value has more than one element, or the shape is not non-negative integers.
 */
export function full(shape: ShapeLike, fillValue: number | boolean | string | Tensor, options?: FillOptions | string): Tensor {
  const opts = checkOptions('full', dtypeOrOptions(options), ['dtype', 'name']);
  const dims = shapeOf('full', shape);
  const value = fillValueOf('full', fillValue);
  const dtype = opts.dtype === undefined ? (typeof value === 'boolean' ? 'bool' : defaultDType) : toDType(opts.dtype);
  const out = allocArray(dtype, numelOf(dims));
  out.fill(castScalar(Number(value), dtype));
  return Tensor.fromArray(out, dims, dtype);
}

/**
 * `paddle.zeros(shape, dtype=None)`.
 * @param shape - The shape: a list of non-negative integers (items may be 1-element Tensors) or an int32/int64 Tensor (Paddle's `shape`).
 * @param options - {@link FillOptions}: `dtype` (default: the default float dtype), `name`; or the dtype alone, as a string (Paddle's positional `dtype`: `'int64'`).
 * @returns A new Tensor of `shape` filled with 0.
 * @throws {@link errors.TypeError} when `dtype` is unknown, a shape Tensor is not int32/int64, or an option is unknown; {@link errors.ValueError} when the shape is not non-negative integers.
 */
export function zeros(shape: ShapeLike, options?: FillOptions | string): Tensor {
  return full(shape, 0, options);
}

/**
 * `paddle.ones(shape, dtype=None)`.
 * @param shape - The shape: a list of non-negative integers (items may be 1-element Tensors) or an int32/int64 Tensor (Paddle's `shape`).
 * @param options - {@link FillOptions}: `dtype` (default: the default float dtype), `name`; or the dtype alone, as a string (Paddle's positional `dtype`: `'int64'`).
 * @returns A new Tensor of `shape` filled with 1.
 * @throws {@link errors.TypeError} when `dtype` is unknown, a shape Tensor is not int32/int64, or an option is unknown; {@link errors.ValueError} when the shape is not non-negative integers.
 */
export function ones(shape: ShapeLike, options?: FillOptions | string): Tensor {
  return full(shape, 1, options);
}

/** Paddle's spelling of `toTensor`. */
export const to_tensor = toTensor;

function expectTensorArg(where: string, x: unknown): Tensor {
  if (x instanceof Tensor) return x;
  throw new PaddleTypeError(`${where}: the argument 'x' must be a Tensor, but received ${describe(x)}.`);
}

function likeDType(x: Tensor, opts: FillOptions): DType {
  return opts.dtype === undefined || opts.dtype === null ? x.dtype : toDType(opts.dtype);
}

/**
 * `paddle.full_like(x, fill_value, dtype=None)`: x's shape (and dtype unless given).
 * @param x - The Tensor whose shape (and dtype) to take (Paddle's `x`).
 * @param fillValue - The value: a number, a boolean, a numeric string (`'0.5'`, `'inf'`) or a 1-element Tensor (Paddle's `fill_value`).
 * @param options - {@link FillOptions}: `dtype` (default: x's), `name`; or the dtype alone, as a string (Paddle's positional `dtype`: `'int64'`).
 * @returns A new Tensor of x's shape filled with the value, in `dtype` or x's dtype.
 * @throws {@link errors.TypeError} when `x` is not a Tensor, `fillValue` is not a number, boolean, numeric string or 1-element Tensor, `dtype` is unknown, or an option is unknown; {@link errors.ValueError} when a string is not numeric.
 */
export function fullLike(x: Tensor, fillValue: number | boolean | string | Tensor, options?: FillOptions | string): Tensor {
  const opts = checkOptions('full_like', dtypeOrOptions(options), ['dtype', 'name']);
  const t = expectTensorArg('full_like', x);
  const value = fillValueOf('full_like', fillValue);
  return full(t.shape, value, { dtype: likeDType(t, opts) });
}

/**
 * `paddle.zeros_like(x, dtype=None)`.
 * @param x - The Tensor whose shape (and dtype) to take (Paddle's `x`).
 * @param options - {@link FillOptions}: `dtype` (default: x's), `name`; or the dtype alone, as a string (Paddle's positional `dtype`: `'int64'`).
 * @returns A new Tensor of x's shape filled with 0, in `dtype` or x's dtype.
 * @throws {@link errors.TypeError} when `x` is not a Tensor, `dtype` is unknown, or an option is unknown.
 */
export function zerosLike(x: Tensor, options?: FillOptions | string): Tensor {
  const opts = checkOptions('zeros_like', dtypeOrOptions(options), ['dtype', 'name']);
  const t = expectTensorArg('zeros_like', x);
  return full(t.shape, 0, { dtype: likeDType(t, opts) });
}

/**
 * `paddle.ones_like(x, dtype=None)`.
 * @param x - The Tensor whose shape (and dtype) to take (Paddle's `x`).
 * @param options - {@link FillOptions}: `dtype` (default: x's), `name`; or the dtype alone, as a string (Paddle's positional `dtype`: `'int64'`).
 * @returns A new Tensor of x's shape filled with 1, in `dtype` or x's dtype.
 * @throws {@link errors.TypeError} when `x` is not a Tensor, `dtype` is unknown, or an option is unknown.
 */
export function onesLike(x: Tensor, options?: FillOptions | string): Tensor {
  const opts = checkOptions('ones_like', dtypeOrOptions(options), ['dtype', 'name']);
  const t = expectTensorArg('ones_like', x);
  return full(t.shape, 1, { dtype: likeDType(t, opts) });
}

/** Paddle's spelling of `fullLike`: the same value. */
export const full_like = fullLike;
/** Paddle's spelling of `zerosLike`: the same value. */
export const zeros_like = zerosLike;
/** Paddle's spelling of `onesLike`: the same value. */
export const ones_like = onesLike;

function expectFinite(where: string, argName: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new PaddleTypeError(`${where}: the '${argName}' must be a finite number, but received ${describe(v)}.`);
  }
  return v;
}

/**
 * `paddle.arange(start=0, end=None, step=1, dtype=None)`: `[start, end)` by `step`; with one
 * number it is `end` (from 0). dtype: int64 when all of start/end/step are integers, else the
 * default float dtype. Element i is `start + i·step`, each step rounded to the dtype (Paddle's
 * kernel computes in the output type).
 * @param start - The first value, or with no `end` the end (from 0); a number or 1-element Tensor (Paddle's `start`).
 * @param end - The exclusive end (Paddle's `end`), or the options object.
 * @param step - The increment, default 1 (Paddle's `step`), or the options object.
 * @param options - {@link FillOptions}: `dtype` (default: int64 when all are integers, else the default float dtype), `name`; or the dtype alone, as a string (Paddle's positional `dtype`: `'int64'`).
 * @returns A new 1-D Tensor of `max(0, ceil((end − start)/step))` elements.
 * @throws {@link errors.TypeError} when a bound is not a finite number, `dtype` is bool or unknown, the options object is not last, or an option is unknown; {@link errors.ValueError} when `step` is 0 or a Tensor bound has more than one element.
 */
export function arange(start: number | Tensor, end?: number | Tensor | null | FillOptions | string, step?: number | Tensor | null | FillOptions | string, options?: FillOptions | string): Tensor {
  // the options object or a dtype string may follow `end` or `step` directly (`arange(5, 'int64')`,
  // `arange(0, 5, { dtype })`); `dtypeOrOptions` below reads a string as `{ dtype }`
  if (typeof end === 'string' || isPlainObject(end)) {
    if (step !== undefined || options !== undefined) throw new PaddleTypeError('arange: the options object must come last.');
    options = end;
    end = undefined;
  } else if (typeof step === 'string' || isPlainObject(step)) {
    if (options !== undefined) throw new PaddleTypeError('arange: the options object must come last.');
    options = step;
    step = undefined;
  }
  const opts = checkOptions('arange', dtypeOrOptions(options), ['dtype', 'name']);
  let lo = expectFinite('arange', 'start', scalarOf('arange', 'start', start));
  let hi: number;
  if (end === undefined || end === null) {
    hi = lo;
    lo = 0;
  } else {
    hi = expectFinite('arange', 'end', scalarOf('arange', 'end', end));
  }
  const st = step === undefined || step === null ? 1 : expectFinite('arange', 'step', scalarOf('arange', 'step', step));
  if (st === 0) throw new ValueError('arange: the \'step\' must not be 0, but received 0.');
  const allInt = Number.isInteger(lo) && Number.isInteger(hi) && Number.isInteger(st);
  const dtype = opts.dtype === undefined ? (allInt ? 'int64' : defaultDType) : toDType(opts.dtype);
  if (dtype === 'bool') throw new PaddleTypeError('arange: the \'dtype\' must be int32, int64, float32 or float64, but received bool.');
  const n = Math.max(0, Math.ceil((hi - lo) / st));
  const out = allocArray(dtype, n);
  const s0 = castScalar(lo, dtype);
  const d = castScalar(st, dtype);
  for (let i = 0; i < n; i++) out[i] = castScalar(s0 + castScalar(i * d, dtype), dtype);
  return Tensor.fromArray(out, [n], dtype);
}

/**
 * `paddle.linspace(start, stop, num, dtype=None)`: `num` evenly spaced values including both
 * ends. Like Paddle's kernel, the first half counts up from start and the second half down from
 * stop, so both ends are exact.
 * @param start - The first value, a finite number (Paddle's `start`).
 * @param stop - The last value, a finite number (Paddle's `stop`).
 * @param num - The number of values, a positive integer (Paddle's `num`).
 * @param options - {@link FillOptions}: `dtype` (default: the default float dtype), `name`; or the dtype alone, as a string (Paddle's positional `dtype`: `'int64'`).
 * @returns A new 1-D Tensor `[num]`.
 * @throws {@link errors.TypeError} when `start`/`stop` is not a finite number, `dtype` is unknown, or an option is unknown; {@link errors.ValueError} when `num` is not a positive integer.
 */
export function linspace(start: number, stop: number, num: number, options?: FillOptions | string): Tensor {
  const opts = checkOptions('linspace', dtypeOrOptions(options), ['dtype', 'name']);
  const a = expectFinite('linspace', 'start', start);
  const b = expectFinite('linspace', 'stop', stop);
  if (typeof num !== 'number' || !Number.isInteger(num) || num < 1) {
    throw new ValueError(`linspace: the 'num' must be a positive integer, but received ${describe(num)}.`);
  }
  const dtype = opts.dtype === undefined ? defaultDType : toDType(opts.dtype);
  const out = allocArray(dtype, num);
  const fa = castScalar(a, dtype);
  const fb = castScalar(b, dtype);
  if (num === 1) {
    out[0] = fa;
  } else {
    const stepV = (fb - fa) / (num - 1);
    const half = Math.floor(num / 2);
    for (let i = 0; i < num; i++) out[i] = castScalar(i < half ? fa + stepV * i : fb - stepV * (num - 1 - i), dtype);
  }
  return Tensor.fromArray(out, [num], dtype);
}

/** Optional arguments of {@link eye} (Paddle's `num_columns`, `dtype`, `name`). */
export interface EyeOptions extends FillOptions {
  /** Number of columns (default: numRows). */
  numColumns?: number | null;
}

/**
 * `paddle.eye(num_rows, num_columns=None, dtype=None)`: ones on the diagonal. `num_columns` may
 * also come positionally (`eye(2, 3, { dtype })`, as Paddle's examples write it).
 * @param numRows - The number of rows, a non-negative integer (Paddle's `num_rows`).
 * @param options - {@link EyeOptions}: `numColumns` (Paddle's `num_columns`, default `numRows`), `dtype` (default: the default float dtype), `name`; or the dtype alone, as a string (Paddle's positional `dtype`: `'int64'`).
 * @returns A new 2-D Tensor `[numRows, numColumns]`, ones on the diagonal.
 * @throws {@link errors.TypeError} when `dtype` is unknown or an option is unknown; {@link errors.ValueError} when a size is not a non-negative integer.
 */
export function eye(numRows: number, options?: EyeOptions | string): Tensor;
/**
 * `paddle.eye(num_rows, num_columns, dtype=None)` with the columns positionally.
 * @param numRows - The number of rows, a non-negative integer (Paddle's `num_rows`).
 * @param numColumns - The number of columns (Paddle's `num_columns`; `null`/omitted: `numRows`).
 * @param options - {@link EyeOptions}: `dtype` (default: the default float dtype), `name`; or the dtype alone, as a string (Paddle's positional `dtype`: `'int64'`).
 * @returns A new 2-D Tensor `[numRows, numColumns]`, ones on the diagonal.
 * @throws {@link errors.TypeError} when `dtype` is unknown, `numColumns` is given both positionally and in `options`, or an option is unknown; {@link errors.ValueError} when a size is not a non-negative integer.
 */
export function eye(numRows: number, numColumns: number | null | undefined, options?: EyeOptions | string): Tensor;
export function eye(numRows: number, columnsOrOptions?: number | null | EyeOptions | string, options?: EyeOptions | string): Tensor {
  const first = typeof columnsOrOptions === 'string' ? { dtype: columnsOrOptions } : columnsOrOptions;
  const opts = checkOptions('eye', leadingOption('eye', 'numColumns', first, dtypeOrOptions(options)), ['numColumns', 'dtype', 'name']);
  const rows = checkDim('eye', 'num_rows', numRows);
  const cols = opts.numColumns === undefined || opts.numColumns === null ? rows : checkDim('eye', 'num_columns', opts.numColumns);
  const dtype = opts.dtype === undefined ? defaultDType : toDType(opts.dtype);
  const out = allocArray(dtype, rows * cols);
  for (let i = 0; i < Math.min(rows, cols); i++) out[i * cols + i] = 1;
  return Tensor.fromArray(out, [rows, cols], dtype);
}

function checkDim(where: string, argName: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
    throw new ValueError(`${where}: the '${argName}' must be a non-negative integer, but received ${describe(v)}.`);
  }
  return v;
}

function floatDType(where: string, value: DType | string | undefined | null): DType {
  const d = value === undefined || value === null ? defaultDType : toDType(value);
  if (!isFloatDType(d)) {
    throw new PaddleTypeError(`${where}: the 'dtype' must be float32 or float64, but received ${d}.`);
  }
  return d;
}

function fillRandom(shape: ShapeLike, dtype: DType, draw: () => number): Tensor {
  const dims = shapeOf('random', shape);
  const out = allocArray(dtype, numelOf(dims));
  for (let i = 0; i < out.length; i++) out[i] = castScalar(draw(), dtype);
  return Tensor.fromArray(out, dims, dtype);
}

/** Optional arguments of {@link rand} and {@link randn} (Paddle's `dtype`, `name`). */
export interface RandomOptions {
  /** The dtype of the result (Paddle's `dtype`). */
  dtype?: DType | string | null;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string;
}

/**
 * `paddle.rand(shape, dtype=None)`: uniform in [0, 1).
 * @param shape - The shape: a list of non-negative integers (items may be 1-element Tensors) or an int32/int64 Tensor (Paddle's `shape`).
 * @param options - {@link RandomOptions}: `dtype` (float32/float64; default: the default float dtype), `name`; or the dtype alone, as a string (Paddle's positional `dtype`: `'int64'`).
 * @returns A new float Tensor of `shape`, drawn from the global generator.
 * @throws {@link errors.TypeError} when `dtype` is not float32/float64 (or unknown), a shape Tensor is not int32/int64, or an option is unknown; {@link errors.ValueError} when the shape is not non-negative integers.
 */
export function rand(shape: ShapeLike, options?: RandomOptions | string): Tensor {
  const opts = checkOptions('rand', dtypeOrOptions(options), ['dtype', 'name']);
  return fillRandom(shape, floatDType('rand', opts.dtype), randomUniform01);
}

/**
 * `paddle.randn(shape, dtype=None)`: standard normal.
 * @param shape - The shape: a list of non-negative integers (items may be 1-element Tensors) or an int32/int64 Tensor (Paddle's `shape`).
 * @param options - {@link RandomOptions}: `dtype` (float32/float64; default: the default float dtype), `name`; or the dtype alone, as a string (Paddle's positional `dtype`: `'int64'`).
 * @returns A new float Tensor of `shape`, drawn from the global generator.
 * @throws {@link errors.TypeError} when `dtype` is not float32/float64 (or unknown), a shape Tensor is not int32/int64, or an option is unknown; {@link errors.ValueError} when the shape is not non-negative integers.
 */
export function randn(shape: ShapeLike, options?: RandomOptions | string): Tensor {
  const opts = checkOptions('randn', dtypeOrOptions(options), ['dtype', 'name']);
  return fillRandom(shape, floatDType('randn', opts.dtype), randomNormal);
}

/** Optional arguments of {@link uniform} (Paddle's `dtype`, `min`, `max`, `seed`, `name`). */
export interface UniformOptions extends RandomOptions {
  /** Lower bound (default -1). */
  min?: number;
  /** Upper bound, exclusive (default 1). */
  max?: number;
  /**
   * 0 (default): draw from the global generator. Non-zero: a private stream seeded with this
   * value, independent of the global one (Paddle's `seed` argument); same seed, same tensor.
   */
  seed?: number;
}

/**
 * `paddle.uniform(shape, dtype=None, min=-1.0, max=1.0, seed=0)`: uniform in [min, max).
 * @param shape - The shape: a list of non-negative integers (items may be 1-element Tensors) or an int32/int64 Tensor (Paddle's `shape`).
 * @param options - {@link UniformOptions}: `dtype` (float32/float64), `min` (default -1), `max` (default 1), `seed` (default 0: the global generator), `name`.
 * @returns A new float Tensor of `shape`.
 * @throws {@link errors.TypeError} when `dtype` is not float32/float64, `min`/`max` is not a finite number, or an option is unknown; {@link errors.ValueError} when `min > max`, `seed` is not a non-negative integer, or the shape is invalid.
 */
export function uniform(shape: ShapeLike, options?: UniformOptions): Tensor {
  const opts = checkOptions('uniform', options, ['dtype', 'min', 'max', 'seed', 'name']);
  const dtype = floatDType('uniform', opts.dtype);
  const lo = opts.min === undefined ? -1 : expectFinite('uniform', 'min', opts.min);
  const hi = opts.max === undefined ? 1 : expectFinite('uniform', 'max', opts.max);
  if (lo > hi) throw new ValueError(`uniform: the 'min' (${lo}) must not exceed the 'max' (${hi}).`);
  const s = opts.seed ?? 0;
  if (typeof s !== 'number' || !Number.isInteger(s) || s < 0) {
    throw new ValueError(`uniform: the 'seed' must be a non-negative integer, but received ${describe(s)}.`);
  }
  const u01 = s === 0 ? randomUniform01 : privateStream(s);
  return fillRandom(shape, dtype, () => lo + (hi - lo) * u01());
}

/**
 * A private uniform [0, 1) stream for an explicit `seed` (mulberry32 pairs giving 53-bit
 * doubles); it never touches the global generator.
 */
function privateStream(seedValue: number): () => number {
  let a = (seedValue ^ Math.floor(seedValue / 4294967296)) >>> 0;
  const next32 = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  return () => ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992;
}

/** Optional arguments of {@link normal} (Paddle's `mean`, `std`, `shape`, `name`). */
export interface NormalOptions {
  /** Mean: a number (default 0) or a float Tensor (then the output takes its shape). */
  mean?: number | Tensor;
  /** Standard deviation: a number (default 1) or a float Tensor. */
  std?: number | Tensor;
  /** Output shape; required when mean and std are numbers. */
  shape?: readonly number[] | null;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string;
}

/**
 * `paddle.normal(mean=0.0, std=1.0, shape=None)`: `mean + std·z`, z standard normal. With Tensor
 * mean/std the output has their (broadcast) shape and dtype.
 * @param options - {@link NormalOptions}: `mean` (default 0), `std` (default 1), each a number or a float Tensor; `shape` (required when both are numbers); `name`.
 * @returns A new float Tensor: the shape and dtype of the Tensor `mean`/`std`, else `shape` in the default float dtype.
 * @throws {@link errors.TypeError} when `mean`/`std` is neither a number nor a float Tensor, or an option is unknown; {@link errors.ValueError} when Tensor `mean` and `std` differ in element count, or `shape` is missing or invalid.
 */
export function normal(options?: NormalOptions): Tensor {
  const opts = checkOptions('normal', options, ['mean', 'std', 'shape', 'name']);
  const m = opts.mean ?? 0;
  const sd = opts.std ?? 1;
  for (const [k, v] of [['mean', m], ['std', sd]] as const) {
    if (!(v instanceof Tensor) && typeof v !== 'number') {
      throw new PaddleTypeError(`normal: the '${k}' must be a number or a Tensor, but received ${describe(v)}.`);
    }
    if (v instanceof Tensor && !isFloatDType(v.dtype)) {
      throw new PaddleTypeError(`normal: the '${k}' Tensor must be float32 or float64, but its dtype is ${v.dtype}.`);
    }
  }
  if (m instanceof Tensor || sd instanceof Tensor) {
    const mt = m instanceof Tensor ? m : null;
    const st = sd instanceof Tensor ? sd : null;
    const ref = (mt ?? st) as Tensor;
    if (mt !== null && st !== null && mt.numel !== st.numel) {
      throw new ValueError(`normal: the 'mean' (${mt.numel} elements) and 'std' (${st.numel} elements) must have the same number of elements.`);
    }
    const dtype: DType = mt !== null && st !== null && (mt.dtype === 'float64' || st.dtype === 'float64') ? 'float64' : ref.dtype;
    let i = 0;
    return fillRandom(ref.shape, dtype, () => {
      const mu = mt !== null ? (mt.data[i] as number) : (m as number);
      const sigma = st !== null ? (st.data[i] as number) : (sd as number);
      i++;
      return mu + sigma * randomNormal();
    });
  }
  if (opts.shape === undefined || opts.shape === null) {
    throw new ValueError("normal: the 'shape' is required when 'mean' and 'std' are numbers.");
  }
  const mu = m;
  const sigma = sd;
  return fillRandom(opts.shape, defaultDType, () => mu + sigma * randomNormal());
}

/**
 * `paddle.randint(low=0, high=None, shape=[1], dtype=None)`: integers uniform in [low, high);
 * with one bound it is `high` (from 0). dtype int64 (default) or int32.
 * @param low - The lowest value, or with no `high` the exclusive upper bound (from 0) (Paddle's `low`).
 * @param high - The exclusive upper bound (Paddle's `high`; `null`/omitted: see `low`).
 * @param shape - The shape (Paddle's `shape`; default `[1]`).
 * @param options - {@link RandomOptions}: `dtype` (`'int64'` default or `'int32'`), `name`; or the dtype alone, as a string (Paddle's positional `dtype`: `'int64'`).
 * @returns A new int64 (or int32) Tensor of `shape`, uniform in [low, high).
 * @throws {@link errors.TypeError} when `low`/`high` is not a safe integer, `dtype` is not int32/int64, or an option is unknown; {@link errors.ValueError} when `low ≥ high` or the shape is invalid.
 */
export function randint(low: number, high?: number | null, shape?: ShapeLike | null, options?: RandomOptions | string): Tensor {
  const opts = checkOptions('randint', dtypeOrOptions(options), ['dtype', 'name']);
  let lo = low;
  let hi = high;
  if (hi === undefined || hi === null) {
    hi = lo;
    lo = 0;
  }
  for (const [k, v] of [['low', lo], ['high', hi]] as const) {
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) {
      throw new PaddleTypeError(`randint: the '${k}' must be an integer, but received ${describe(v)}.`);
    }
  }
  if (hi <= lo) {
    throw new ValueError(`randint: the 'low' must be less than the 'high', but received low = ${lo}, high = ${hi}.`);
  }
  const dtype = opts.dtype === undefined || opts.dtype === null ? 'int64' : toDType(opts.dtype);
  if (dtype !== 'int64' && dtype !== 'int32') {
    throw new PaddleTypeError(`randint: the 'dtype' must be int32 or int64, but received ${dtype}.`);
  }
  const l = lo;
  const h = hi;
  return fillRandom(shape ?? [1], dtype, () => randomInt(l, h));
}

/** Paddle spellings. */
export { getDefaultDType as get_default_dtype, setDefaultDType as set_default_dtype };

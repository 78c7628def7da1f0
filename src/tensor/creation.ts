/**
 * Tensor creation: `toTensor` and the constant fillers. (Random creation and ranges live here too.)
 */
import { TypeError as PaddleTypeError, ValueError } from '../errors.js';
import { checkOptions } from '../options.js';
import { allocArray, castScalar, toDType, type DataArray, type DType } from './dtype.js';
import { checkShape, numelOf } from './shape.js';
import { flattenNested, Tensor, type NestedArray } from './tensor.js';

let defaultDType: DType = 'float32';

/** `paddle.get_default_dtype()`: the float dtype used for Python floats (float32 unless set). */
export function getDefaultDType(): DType {
  return defaultDType;
}

/** `paddle.set_default_dtype(d)`: float32 or float64. */
export function setDefaultDType(dtype: DType | string): void {
  const d = toDType(dtype);
  if (d !== 'float32' && d !== 'float64') {
    throw new PaddleTypeError(`set_default_dtype only supports float32 and float64, but received ${d}.`);
  }
  defaultDType = d;
}

export interface ToTensorOptions {
  dtype?: DType | string;
  stopGradient?: boolean;
  place?: string;
}

/**
 * `paddle.to_tensor(data, dtype=None, place=None, stop_gradient=True)`. Numbers and nested arrays
 * of numbers take the default float dtype if any element is non-integer, else int64 (Python ints);
 * booleans → bool; typed arrays keep their type (Float32Array → float32, Float64Array → float64,
 * Int32Array → int32, BigInt64Array → int64, other integer arrays → int64); a Tensor is copied.
 */
export function toTensor(data: Tensor | DataArray | NestedArray | ArrayLike<number> | BigInt64Array, options?: ToTensorOptions): Tensor {
  const opts = checkOptions('to_tensor', options, ['dtype', 'stopGradient', 'place']);
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
            : 'int64';
  } else if (typeof data === 'number' || typeof data === 'boolean' || Array.isArray(data)) {
    const parsed = flattenNested(data, 'data');
    values = parsed.values;
    shape = parsed.shape;
    inferred = parsed.sawBool && !parsed.sawFloat && parsed.values.every((v) => v === 0 || v === 1) && containsOnlyBooleans(data)
      ? 'bool'
      : parsed.sawFloat
        ? defaultDType
        : 'int64';
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

function containsOnlyBooleans(data: unknown): boolean {
  if (typeof data === 'boolean') return true;
  if (Array.isArray(data)) return data.every(containsOnlyBooleans);
  return false;
}

export interface FillOptions {
  dtype?: DType | string;
  name?: string;
}

/** `paddle.full(shape, fill_value, dtype=None)`. */
export function full(shape: readonly number[], fillValue: number | boolean, options?: FillOptions): Tensor {
  const opts = checkOptions('full', options, ['dtype', 'name']);
  const dims = checkShape(shape);
  const dtype = opts.dtype === undefined ? (typeof fillValue === 'boolean' ? 'bool' : defaultDType) : toDType(opts.dtype);
  const out = allocArray(dtype, numelOf(dims));
  out.fill(castScalar(Number(fillValue), dtype));
  return Tensor.fromArray(out, dims, dtype);
}

/** `paddle.zeros(shape, dtype=None)`. */
export function zeros(shape: readonly number[], options?: FillOptions): Tensor {
  return full(shape, 0, options);
}

/** `paddle.ones(shape, dtype=None)`. */
export function ones(shape: readonly number[], options?: FillOptions): Tensor {
  return full(shape, 1, options);
}

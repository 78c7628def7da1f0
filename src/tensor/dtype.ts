/**
 * Data types. `int64` is stored in a Float64Array: ids are exact up to 2^53 and a larger value is
 * rejected with a clear error where it enters (toTensor, setValue, cast). `uint8` and `bool` both
 * live in a Uint8Array; the tensor's dtype tells them apart. A value written to `uint8` wraps
 * modulo 256 after truncation toward zero (C's conversion, which Paddle's cast kernel performs;
 * NaN becomes 0).
 */
import { TypeError as PaddleTypeError, ValueError } from '../errors.js';

/** The element types: Paddle's names of the dtypes this port supports. */
export type DType = 'float32' | 'float64' | 'uint8' | 'int32' | 'int64' | 'bool';
/** The floating-point dtypes (what parameters and optimizer state use). */
export type FloatDType = 'float32' | 'float64';

/** The typed array each dtype's values live in. */
export interface ArrayTypeMap {
  /** 32-bit floats. */
  float32: Float32Array;
  /** 64-bit floats. */
  float64: Float64Array;
  /** 32-bit signed integers. */
  int32: Int32Array;
  /** 64-bit integers, held as float64 values (exact up to 2^53). */
  int64: Float64Array;
  /** 8-bit unsigned integers. */
  uint8: Uint8Array;
  /** Booleans as 0 and 1. */
  bool: Uint8Array;
}
/** The typed array that holds values of dtype `D`. */
export type ArrayFor<D extends DType> = ArrayTypeMap[D];
/**
 * The typed arrays that hold a dense Tensor's values (`int64` in a `Float64Array` of integers,
 * `uint8` and `bool` in a `Uint8Array`).
 */
export type DataArray = Float32Array | Float64Array | Int32Array | Uint8Array;
/** The typed arrays of the floating-point dtypes. */
export type FloatArray = Float32Array | Float64Array;

export const DTYPES: readonly DType[] = ['float32', 'float64', 'uint8', 'int32', 'int64', 'bool'];

/** Paddle accepts `paddle.float32` style names and NumPy style names; both map here. */
const ALIASES: Record<string, DType> = {
  float32: 'float32',
  float64: 'float64',
  int32: 'int32',
  int64: 'int64',
  uint8: 'uint8',
  bool: 'bool',
  'paddle.float32': 'float32',
  'paddle.float64': 'float64',
  'paddle.int32': 'int32',
  'paddle.int64': 'int64',
  'paddle.uint8': 'uint8',
  'paddle.bool': 'bool',
  fp32: 'float32',
  fp64: 'float64',
  double: 'float64',
  float: 'float32',
};

/** Normalises a dtype name; throws `TypeError` naming the argument for an unknown one. */
export function toDType(value: unknown, argName = 'dtype'): DType {
  if (typeof value === 'string') {
    const d = ALIASES[value];
    if (d !== undefined) return d;
  }
  throw new PaddleTypeError(
    `The value of '${argName}' must be one of ${DTYPES.join(', ')}, but received ${JSON.stringify(value)}.`,
  );
}

export function isFloatDType(d: DType): d is FloatDType {
  return d === 'float32' || d === 'float64';
}

export function allocArray<D extends DType>(dtype: D, length: number): ArrayFor<D>;
export function allocArray(dtype: DType, length: number): DataArray {
  switch (dtype) {
    case 'float32':
      return new Float32Array(length);
    case 'float64':
    case 'int64':
      return new Float64Array(length);
    case 'int32':
      return new Int32Array(length);
    case 'uint8':
    case 'bool':
      return new Uint8Array(length);
  }
}

/** True when `data` is the typed array that stores `dtype` (Float64Array for int64, Uint8Array for uint8 and bool). */
export function arrayMatchesDType(data: unknown, dtype: DType): boolean {
  switch (dtype) {
    case 'float32':
      return data instanceof Float32Array;
    case 'float64':
    case 'int64':
      return data instanceof Float64Array;
    case 'int32':
      return data instanceof Int32Array;
    case 'uint8':
    case 'bool':
      return data instanceof Uint8Array;
  }
}

export function bytesPerElement(dtype: DType): number {
  switch (dtype) {
    case 'float32':
    case 'int32':
      return 4;
    case 'float64':
    case 'int64':
      return 8;
    case 'uint8':
    case 'bool':
      return 1;
  }
}

/** Converts a JS number to the value the dtype stores, checking int64's exact range. */
export function castScalar(value: number, dtype: DType): number {
  switch (dtype) {
    case 'float32':
      return Math.fround(value);
    case 'float64':
      return value;
    case 'int32':
      return Number.isFinite(value) ? Math.trunc(value) | 0 : 0;
    case 'uint8':
      return Number.isFinite(value) ? Math.trunc(value) & 0xff : 0;
    case 'int64': {
      if (!Number.isFinite(value)) return 0;
      const v = Math.trunc(value);
      if (!Number.isSafeInteger(v)) {
        throw new ValueError(
          `int64 value ${value} is outside the range stored exactly (|x| <= 2^53 - 1).`,
        );
      }
      return v;
    }
    case 'bool':
      return value !== 0 ? 1 : 0;
  }
}

/** Type promotion for binary ops (Paddle promotes float32 op float64 → float64, uint8 op int32 → int32). */
export function promote(a: DType, b: DType): DType {
  if (a === b) return a;
  const rank: Record<DType, number> = { bool: 0, uint8: 1, int32: 2, int64: 3, float32: 4, float64: 5 };
  return rank[a] >= rank[b] ? a : b;
}

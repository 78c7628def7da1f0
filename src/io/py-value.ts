/**
 * The Python value model of the pickle codecs.
 *
 * | Python                        | here                                                      |
 * |-------------------------------|-----------------------------------------------------------|
 * | `None`                        | `null`                                                    |
 * | `bool`                        | `boolean`                                                 |
 * | `int`                         | `number` (a safe integer), `bigint` beyond 2^53 - 1       |
 * | `float`                       | `number` (read); write a `PyFloat` to force a float       |
 * | `str`                         | `string`                                                  |
 * | `bytes`, `bytearray`          | `Uint8Array`                                              |
 * | `list`                        | `PyValue[]`                                               |
 * | `tuple`                       | `PyTuple`                                                 |
 * | `dict`, `OrderedDict`         | `Map` (insertion order and key types kept)                |
 * | `numpy.ndarray`               | `NdArray`                                                 |
 * | numpy scalar (`np.float64`)   | `number` / `boolean` (`bigint` for a large int64 scalar)  |
 *
 * The writer also takes plain objects as dicts with string keys. A JS integer-valued number is
 * written as a Python `int`; any other number (fractional, NaN, ±Infinity, -0) as a `float`.
 */
import type { NdArray } from './ndarray.js';

/** A Python tuple. */
export class PyTuple {
  /** The tuple's items. */
  readonly items: readonly PyValue[];
  /**
   * A tuple of the items (copied and frozen).
   * @param items - The tuple's items, in order.
   */
  constructor(items: readonly PyValue[]) {
    this.items = Object.freeze([...items]);
  }
  /** The number of entries (Python's `len()`). */
  get length(): number {
    return this.items.length;
  }
}

/** Forces a Python `float` when writing (a JS `1` would otherwise be written as the int `1`). */
export class PyFloat {
  /** @param value - The number, to be written as a Python float. */
  constructor(readonly value: number) {}
}

/**
 * Makes a {@link PyTuple} (a Python tuple) of the items, for {@link pickle}.
 * @param items - The tuple's items, in order.
 * @returns A new PyTuple.
 */
export function pyTuple(...items: PyValue[]): PyTuple {
  return new PyTuple(items);
}

/**
 * Wraps a number so that {@link pickle} writes it as a Python float (a JS integer would otherwise
 * become a Python int).
 * @param value - The number.
 * @returns A new {@link PyFloat} holding it.
 */
export function pyFloat(value: number): PyFloat {
  return new PyFloat(value);
}

/** Keys a Python dict may have (hashable values). */
export type PyKey = null | boolean | number | bigint | string | PyTuple | Uint8Array;

/** A Python dict in the value model: a Map, which keeps non-string keys and insertion order. */
export type PyDict = Map<PyKey, PyValue>;

/**
 * The values {@link pickle} writes and {@link unpickle} reads: Python's None, bool, int (number or
 * bigint), float, str, bytes, tuple, list, dict, and NumPy arrays.
 */
export type PyValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | Uint8Array
  | PyFloat
  | PyValue[]
  | PyTuple
  | PyDict
  | NdArray;

/** Python's `type(x).__name__` for messages. */
export function pyTypeOf(value: unknown): string {
  if (value === null) return 'NoneType';
  switch (typeof value) {
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(value) ? 'int' : 'float';
    case 'bigint':
      return 'int';
    case 'string':
      return 'str';
    default:
      break;
  }
  if (value instanceof Uint8Array) return 'bytes';
  if (value instanceof PyFloat) return 'float';
  if (Array.isArray(value)) return 'list';
  if (value instanceof PyTuple) return 'tuple';
  if (value instanceof Map) return 'dict';
  return 'object';
}

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
  readonly items: readonly PyValue[];
  constructor(items: readonly PyValue[]) {
    this.items = Object.freeze([...items]);
  }
  get length(): number {
    return this.items.length;
  }
}

/** Forces a Python `float` when writing (a JS `1` would otherwise be written as the int `1`). */
export class PyFloat {
  constructor(readonly value: number) {}
}

export function pyTuple(...items: PyValue[]): PyTuple {
  return new PyTuple(items);
}

export function pyFloat(value: number): PyFloat {
  return new PyFloat(value);
}

/** Keys a Python dict may have (hashable values). */
export type PyKey = null | boolean | number | bigint | string | PyTuple | Uint8Array;

export type PyDict = Map<PyKey, PyValue>;

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

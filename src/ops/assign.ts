/**
 * `paddle.assign`, `paddle.add_n` and `paddle.tolist`: small ops Paddle's documentation examples
 * use (issue 18).
 */
import { TypeError as PaddleTypeError, ValueError } from '../errors.js';
import { checkOptions, describe, isPlainObject } from '../options.js';
import { toTensor } from '../tensor/creation.js';
import type { DataArray } from '../tensor/dtype.js';
import { shapeEquals, shapeToString } from '../tensor/shape.js';
import { Tensor, type NestedArray } from '../tensor/tensor.js';
import { add } from './binary.js';
import { expectTensor } from './helpers.js';

/** Optional arguments of `paddle.assign` (Paddle's `output`). */
export interface AssignOptions {
  /** A Tensor to write the values into (its shape and dtype must match); it is also returned. */
  output?: Tensor | null;
}

/**
 * `paddle.assign(x, output=None)`: a copy of `x` (a Tensor, whose gradient flows back through the
 * copy, or a number, boolean, (nested) array or typed array, as `toTensor` reads it). With
 * `output` (positionally, as Paddle's examples write `paddle.assign(out, self.back_var)`, or
 * `{ output }`), the values are written into that Tensor, which is returned.
 * @param x - The value: a Tensor, a number, a boolean, a (nested) array or a typed array (Paddle's `x`).
 * @param outputOrOptions - The Tensor to write into (Paddle's `output`), or {@link AssignOptions}: `output`.
 * @returns A copy of `x` (a Tensor's copy keeps its shape and dtype), or `output` after the values were written into it.
 * @throws {@link errors.TypeError} when `output` is not a Tensor or the options have an unknown key; {@link errors.ValueError} when `output`'s shape or dtype differs from the value's.
 */
export function assign(x: Tensor | DataArray | NestedArray, outputOrOptions?: Tensor | AssignOptions | null): Tensor {
  let output: unknown = null;
  if (outputOrOptions instanceof Tensor) output = outputOrOptions;
  else if (isPlainObject(outputOrOptions)) output = checkOptions('assign', outputOrOptions as AssignOptions, ['output']).output ?? null;
  else if (outputOrOptions !== undefined && outputOrOptions !== null) {
    throw new PaddleTypeError(`assign: 'output' must be a Tensor, but received ${describe(outputOrOptions)}.`);
  }
  if (output !== null && !(output instanceof Tensor)) {
    throw new PaddleTypeError(`assign: 'output' must be a Tensor, but received ${describe(output)}.`);
  }
  const value = x instanceof Tensor ? x.clone() : toTensor(x);
  if (output === null) return value;
  if (!shapeEquals(output.shape, value.shape) || output.dtype !== value.dtype) {
    throw new ValueError(
      `assign: the value (${shapeToString(value.shape)}, ${value.dtype}) does not match 'output' (${shapeToString(output.shape)}, ${output.dtype}).`,
    );
  }
  output.setValue(value.data);
  return output;
}

/**
 * `paddle.add_n(inputs)`: the elementwise sum of one Tensor or a list of Tensors of the same shape
 * and dtype, added left to right (each addition rounded in the dtype, as Paddle's kernel sums).
 * @param inputs - One Tensor or a non-empty list of Tensors of the same shape and dtype (Paddle's `inputs`).
 * @returns A new Tensor of the inputs' shape and dtype.
 * @throws {@link errors.TypeError} when `inputs` is not a Tensor or a non-empty list of Tensors; {@link errors.ValueError} when the shapes or dtypes differ.
 */
export function addN(inputs: Tensor | readonly Tensor[]): Tensor {
  const list = inputs instanceof Tensor ? [inputs] : Array.isArray(inputs) ? (inputs as readonly unknown[]) : null;
  if (list === null || list.length === 0) {
    throw new PaddleTypeError(`add_n: 'inputs' must be a Tensor or a non-empty list of Tensors, but received ${describe(inputs)}.`);
  }
  const ts = list.map((t, i) => expectTensor('add_n', `inputs[${i}]`, t));
  const first = ts[0] as Tensor;
  for (const [i, t] of ts.entries()) {
    if (!shapeEquals(t.shape, first.shape) || t.dtype !== first.dtype) {
      throw new ValueError(
        `add_n: every input must have the shape and dtype of inputs[0] (${shapeToString(first.shape)}, ${first.dtype}), but inputs[${i}] is (${shapeToString(t.shape)}, ${t.dtype}).`,
      );
    }
  }
  if (ts.length === 1) return first.clone();
  return ts.slice(1).reduce((acc: Tensor, t) => add(acc, t), first);
}

/**
 * `paddle.tolist(x)`: `x.tolist()` (nested arrays; booleans for bool tensors).
 * @param x - The input Tensor (Paddle's `x`).
 * @returns The values as nested arrays of numbers (booleans for a bool tensor); a 0-D tensor gives its number.
 * @throws {@link errors.TypeError} when `x` is not a Tensor.
 */
export function tolist(x: Tensor): NestedArray {
  return expectTensor('tolist', 'x', x).tolist();
}

/** Paddle's spelling of `addN`. */
export const add_n = addN;

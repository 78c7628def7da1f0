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

/** `paddle.tolist(x)`: `x.tolist()` (nested arrays; booleans for bool tensors). */
export function tolist(x: Tensor): NestedArray {
  return expectTensor('tolist', 'x', x).tolist();
}

/** Paddle's spelling of `addN`. */
export const add_n = addN;

/** Argument checks shared by the functional ops. */
import { TypeError as PaddleTypeError, ValueError } from '../../errors.js';
import { describe } from '../../options.js';
import { isFloatDType, type FloatDType } from '../../tensor/dtype.js';
import { shapeToString } from '../../tensor/shape.js';
import { Tensor } from '../../tensor/tensor.js';

/** A float (float32/float64) Tensor, else a TypeError naming the op and argument. */
export function floatTensor(where: string, argName: string, value: unknown): Tensor & { dtype: FloatDType } {
  if (!(value instanceof Tensor)) {
    throw new PaddleTypeError(`${where}: the argument '${argName}' must be a Tensor, but received ${describe(value)}.`);
  }
  if (!isFloatDType(value.dtype)) {
    throw new PaddleTypeError(
      `${where}: the argument '${argName}' must have dtype float32 or float64, but its dtype is ${value.dtype}.`,
    );
  }
  return value as Tensor & { dtype: FloatDType };
}

/** Normalises an axis in [-ndim, ndim) (ValueError naming the op, the value and the shape). */
export function axisOf(where: string, axis: unknown, shape: readonly number[], argName = 'axis'): number {
  const nd = Math.max(shape.length, 1);
  if (typeof axis !== 'number' || !Number.isInteger(axis) || axis < -nd || axis >= nd) {
    throw new ValueError(
      `${where}: '${argName}' must be an integer in [${-nd}, ${nd}) for an input of shape ${shapeToString(shape)}, but received ${describe(axis)}.`,
    );
  }
  return axis < 0 ? axis + nd : axis;
}

/** (outer, n, inner) sizes of a tensor of `shape` around `axis`. */
export function splitAt(shape: readonly number[], axis: number): [number, number, number] {
  if (shape.length === 0) return [1, 1, 1];
  let outer = 1;
  for (let i = 0; i < axis; i++) outer *= shape[i] as number;
  let inner = 1;
  for (let i = axis + 1; i < shape.length; i++) inner *= shape[i] as number;
  return [outer, shape[axis] as number, inner];
}

/**
 * How a loss combines its per-element values (Paddle's `reduction`): their mean, their sum, or none
 * (the per-element losses).
 */
export type Reduction = 'mean' | 'sum' | 'none';

/** Checks the `reduction` option with the op's own Paddle message. */
export function checkReduction(value: unknown, message: (v: string) => string): Reduction {
  if (value === undefined) return 'mean';
  if (value !== 'mean' && value !== 'sum' && value !== 'none') throw new ValueError(message(String(value)));
  return value;
}

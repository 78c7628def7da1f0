/**
 * `paddle.nn.initializer.Assign(value)`: copies `value` (a Tensor, typed array, or (nested) array
 * of numbers) into the parameter. The value must have the parameter's shape (a typed array: its
 * element count); Paddle's dygraph silently *reshapes* the parameter to the value's shape instead,
 * which is not reproduced — a mismatch is a ValueError here.
 */
import type { FloatArray } from '../../tensor/dtype.js';
import { ValueError } from '../../errors.js';
import { flattenNested, Tensor, type NestedArray } from '../../tensor/tensor.js';
import { shapeEquals, shapeToString, type Shape } from '../../tensor/shape.js';
import type { DataArray } from '../../tensor/dtype.js';
import { typeError } from '../args.js';
import { Initializer } from './initializer.js';

/** What `Assign` copies into a parameter: a Tensor, a typed array or nested number arrays. */
export type AssignValue = Tensor | DataArray | NestedArray;

/** `paddle.nn.initializer.Assign(value)`: copies `value` into the parameter, which must have the value's shape. */
export class Assign extends Initializer {
  private readonly values: Float64Array;
  private readonly valueShape: number[] | null;

  /**
   * Creates the initializer; the values are copied now (a later change to `value` is not seen).
   * @param value - A Tensor, a typed array (matched by element count) or a (nested) array of numbers (Paddle's `value`).
   * @param options - `name` (accepted, unused).
   * @throws {@link errors.TypeError} when `value` is none of these; {@link errors.ValueError} when a nested array is ragged or holds something other than numbers and booleans (the shape is checked against the parameter's when it is filled).
   */
  constructor(value: AssignValue, options?: { name?: string | null }) {
    super();
    void options;
    if (value instanceof Tensor) {
      this.values = Float64Array.from(value.data);
      this.valueShape = [...value.shape];
    } else if (ArrayBuffer.isView(value)) {
      this.values = Float64Array.from(value as DataArray);
      this.valueShape = null;
    } else if (Array.isArray(value)) {
      const parsed = flattenNested(value, 'value');
      this.values = Float64Array.from(parsed.values);
      this.valueShape = parsed.shape;
    } else {
      throw typeError('Assign', 'value', "(<class 'numpy.ndarray'>, <class 'list'>, <class 'tuple'>, <class 'paddle.Tensor'>)", value);
    }
  }

  protected generate(out: FloatArray, shape: Shape): void {
    const shapeOk = this.valueShape === null ? this.values.length === out.length : shapeEquals(this.valueShape, shape);
    if (!shapeOk) {
      throw new ValueError(
        `Assign: the value of shape ${this.valueShape === null ? `[${this.values.length}] (a typed array)` : shapeToString(this.valueShape)} does not fit the parameter of shape ${shapeToString(shape)}.`,
      );
    }
    out.set(this.values);
  }
}

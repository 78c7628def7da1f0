/** `paddle.nn.initializer.Constant(value=0.0)`: every element set to `value`. */
import type { FloatArray } from '../../tensor/dtype.js';
import { AssertionError } from '../../errors.js';
import { positionalOrOptions } from '../args.js';
import { checkNumber } from '../args.js';
import { Initializer } from './initializer.js';

/** Optional arguments of {@link nn.initializer.Constant} (Paddle's `value`). */
export interface ConstantOptions {
  /** The value every element gets (Paddle's `value`; default 0). */
  value?: number;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

/** `paddle.nn.initializer.Constant(value=0.0)`: sets every element to `value`. */
export class Constant extends Initializer {
  /** The `value` this Constant was built with (Paddle's `value`). */
  readonly value: number;

  /**
   * Creates the initializer from an options object.
   * @param options - {@link ConstantOptions}: `value` (default 0), `name`.
   * @throws {@link errors.TypeError} when `value` is not a number or an option is unknown; {@link errors.AssertionError} when `value` is `null`.
   */
  constructor(options?: ConstantOptions);
  /**
   * Creates the initializer with Paddle's positional `value`.
   * @param value - The value every element gets (Paddle's `value`, default 0).
   * @param options - `name` (accepted, unused).
   * @throws {@link errors.TypeError} when `value` is not a number, an option is unknown, or `value` is given both ways; {@link errors.AssertionError} when `value` is `null`.
   */
  constructor(value?: number, options?: { name?: string | null });
  constructor(...args: unknown[]) {
    super();
    const o = positionalOrOptions('Constant', args, ['value', 'name']);
    if (o.value === null) throw new AssertionError('Constant: value should not be None.');
    this.value = o.value === undefined ? 0.0 : checkNumber('Constant', 'value', o.value);
  }

  protected generate(out: FloatArray): void {
    out.fill(this.value);
  }
}

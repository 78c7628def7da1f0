/** `paddle.nn.initializer.Constant(value=0.0)`: every element set to `value`. */
import type { FloatArray } from '../../tensor/dtype.js';
import { AssertionError } from '../../errors.js';
import { positionalOrOptions } from '../args.js';
import { checkNumber } from '../args.js';
import { Initializer } from './initializer.js';

export interface ConstantOptions {
  value?: number;
  name?: string | null;
}

export class Constant extends Initializer {
  readonly value: number;

  constructor(options?: ConstantOptions);
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

/** `paddle.nn.initializer.Uniform(low=-1.0, high=1.0)`: i.i.d. draws from U[low, high). */
import type { FloatArray } from '../../tensor/dtype.js';
import { AssertionError } from '../../errors.js';
import { randomUniform01 } from '../../tensor/random.js';
import { checkNumber, positionalOrOptions } from '../args.js';
import { Initializer } from './initializer.js';

/** Optional arguments of {@link nn.initializer.Uniform} (Paddle's `low`, `high`). */
export interface UniformOptions {
  /** The lower bound (Paddle's `low`; default -1). */
  low?: number;
  /** The upper bound (Paddle's `high`; default 1). */
  high?: number;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

/** `paddle.nn.initializer.Uniform(low=-1.0, high=1.0)`: i.i.d. draws from U[low, high) of the global generator. */
export class Uniform extends Initializer {
  /** The `low` this Uniform was built with (Paddle's `low`). */
  readonly low: number;
  /** The `high` this Uniform was built with (Paddle's `high`). */
  readonly high: number;

  /**
   * Creates the initializer from an options object.
   * @param options - {@link UniformOptions}: `low` (default -1), `high` (default 1), `name`.
   * @throws {@link errors.TypeError} when a bound is not a number or an option is unknown; {@link errors.AssertionError} when a bound is `null` or `high < low`.
   */
  constructor(options?: UniformOptions);
  /**
   * Creates the initializer with Paddle's positional bounds (`new Uniform(-0.1, 0.1)`).
   * @param low - The lower bound (Paddle's `low`, default -1).
   * @param high - The upper bound, ≥ `low` (Paddle's `high`, default 1).
   * @param options - `name` (accepted, unused).
   * @throws {@link errors.TypeError} when a bound is not a number, an option is unknown, or a bound is given both ways; {@link errors.AssertionError} when a bound is `null` or `high < low`.
   */
  constructor(low?: number, high?: number, options?: { name?: string | null });
  constructor(...args: unknown[]) {
    super();
    const o = positionalOrOptions('Uniform', args, ['low', 'high', 'name']);
    if (o.low === null) throw new AssertionError('low should not be None');
    if (o.high === null) throw new AssertionError('high should not be None');
    this.low = o.low === undefined ? -1.0 : checkNumber('Uniform', 'low', o.low);
    this.high = o.high === undefined ? 1.0 : checkNumber('Uniform', 'high', o.high);
    if (!(this.high >= this.low)) {
      throw new AssertionError(`high should greater or equal than low (received low=${this.low}, high=${this.high})`);
    }
  }

  protected generate(out: FloatArray): void {
    fillUniform(out, this.low, this.high);
  }
}

/** `out[i] = low + (high − low)·u`, u ~ U[0, 1) from the global generator. */
export function fillUniform(out: FloatArray, low: number, high: number): void {
  const span = high - low;
  for (let i = 0; i < out.length; i++) out[i] = low + span * randomUniform01();
}

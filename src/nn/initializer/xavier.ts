/**
 * `paddle.nn.initializer.XavierUniform(fan_in=None, fan_out=None, gain=1.0)`:
 * U(−L, L) with `L = gain·√(6/(fan_in + fan_out))`; `XavierNormal(...)`: N(0, gain·√(2/(fan_in +
 * fan_out))). Fans default to `computeFans(shape)`; a zero-fan (0-element) tensor gets L = 0
 * (Paddle warns; nothing is printed here).
 */
import type { FloatArray } from '../../tensor/dtype.js';
import { checkNumber, positionalOrOptions } from '../args.js';
import type { Shape } from '../../tensor/shape.js';
import { Initializer } from './initializer.js';
import { fillNormal } from './normal.js';
import { fillUniform } from './uniform.js';

/**
 * Optional arguments of {@link nn.initializer.XavierUniform} and {@link
 * nn.initializer.XavierNormal} (Paddle's `fan_in`, `fan_out`, `gain`).
 */
export interface XavierOptions {
  /** The fan-in to use instead of the one computed from the shape (Paddle's `fan_in`). */
  fanIn?: number | null;
  /** The fan-out to use instead of the one computed from the shape (Paddle's `fan_out`). */
  fanOut?: number | null;
  /** A factor on the bound or standard deviation (Paddle's `gain`; default 1). */
  gain?: number;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

abstract class XavierBase extends Initializer {
  /** The `fanIn` this initializer was built with (Paddle's `fan_in`). */
  readonly fanIn: number | null;
  /** The `fanOut` this initializer was built with (Paddle's `fan_out`). */
  readonly fanOut: number | null;
  /** The `gain` this initializer was built with (Paddle's `gain`). */
  readonly gain: number;

  constructor(where: string, args: unknown[]) {
    super();
    const o = positionalOrOptions(where, args, ['fanIn', 'fanOut', 'gain', 'name']);
    this.fanIn = o.fanIn === undefined || o.fanIn === null ? null : checkNumber(where, 'fanIn', o.fanIn);
    this.fanOut = o.fanOut === undefined || o.fanOut === null ? null : checkNumber(where, 'fanOut', o.fanOut);
    this.gain = o.gain === undefined ? 1.0 : checkNumber(where, 'gain', o.gain);
  }

  protected fans(shape: Shape): [number, number] {
    const [fi, fo] = this.computeFans(shape);
    return [this.fanIn ?? fi, this.fanOut ?? fo];
  }
}

/**
 * `paddle.nn.initializer.XavierUniform(fan_in=None, fan_out=None, gain=1.0)`: Glorot
 * initialization, uniform in `[-limit, limit]` with `limit = gain * sqrt(6 / (fan_in + fan_out))`;
 * `nn.Linear`'s default weight initializer.
 */
export class XavierUniform extends XavierBase {
  /**
   * Creates the initializer from an options object.
   * @param options - {@link XavierOptions}: `fanIn` (Paddle's `fan_in`), `fanOut` (Paddle's `fan_out`), `gain` (default 1), `name`.
   * @throws {@link errors.TypeError} when `fanIn`, `fanOut` or `gain` is not a number, or an option is unknown.
   */
  constructor(options?: XavierOptions);
  /**
   * Creates the initializer with Paddle's positional arguments.
   * @param fanIn - The fan-in to use (Paddle's `fan_in`; omitted/`null`: from the shape).
   * @param fanOut - The fan-out to use (Paddle's `fan_out`; omitted/`null`: from the shape).
   * @param gain - A factor on the result (Paddle's `gain`, default 1).
   * @param options - `name` (accepted, unused).
   * @throws {@link errors.TypeError} when `fanIn`, `fanOut` or `gain` is not a number, or an option is unknown, or an argument is given both ways.
   */
  constructor(fanIn?: number | null, fanOut?: number | null, gain?: number, options?: { name?: string | null });
  constructor(...args: unknown[]) {
    super('XavierUniform', args);
  }

  /**
   * The bound L for a tensor of `shape`.
   * @param shape - The tensor's shape.
   * @returns `gain · √(6 / (fanIn + fanOut))`; 0 when both fans are 0.
   */
  limit(shape: Shape): number {
    const [fi, fo] = this.fans(shape);
    return fi + fo === 0 ? 0 : this.gain * Math.sqrt(6.0 / (fi + fo));
  }

  protected generate(out: FloatArray, shape: Shape): void {
    const l = this.limit(shape);
    fillUniform(out, -l, l);
  }
}

/**
 * `paddle.nn.initializer.XavierNormal(fan_in=None, fan_out=None, gain=1.0)`: Glorot initialization,
 * normal with mean 0 and `std = gain * sqrt(2 / (fan_in + fan_out))`.
 */
export class XavierNormal extends XavierBase {
  /**
   * Creates the initializer from an options object.
   * @param options - {@link XavierOptions}: `fanIn` (Paddle's `fan_in`), `fanOut` (Paddle's `fan_out`), `gain` (default 1), `name`.
   * @throws {@link errors.TypeError} when `fanIn`, `fanOut` or `gain` is not a number, or an option is unknown.
   */
  constructor(options?: XavierOptions);
  /**
   * Creates the initializer with Paddle's positional arguments.
   * @param fanIn - The fan-in to use (Paddle's `fan_in`; omitted/`null`: from the shape).
   * @param fanOut - The fan-out to use (Paddle's `fan_out`; omitted/`null`: from the shape).
   * @param gain - A factor on the result (Paddle's `gain`, default 1).
   * @param options - `name` (accepted, unused).
   * @throws {@link errors.TypeError} when `fanIn`, `fanOut` or `gain` is not a number, or an option is unknown, or an argument is given both ways.
   */
  constructor(fanIn?: number | null, fanOut?: number | null, gain?: number, options?: { name?: string | null });
  constructor(...args: unknown[]) {
    super('XavierNormal', args);
  }

  /**
   * The standard deviation for a tensor of `shape`.
   * @param shape - The tensor's shape.
   * @returns `gain · √(2 / (fanIn + fanOut))`; 0 when both fans are 0.
   */
  std(shape: Shape): number {
    const [fi, fo] = this.fans(shape);
    return fi + fo === 0 ? 0 : this.gain * Math.sqrt(2.0 / (fi + fo));
  }

  protected generate(out: FloatArray, shape: Shape): void {
    fillNormal(out, 0, this.std(shape));
  }
}

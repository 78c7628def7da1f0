/**
 * `paddle.nn.initializer.KaimingUniform(fan_in=None, negative_slope=0.0, nonlinearity='relu')`:
 * U(−L, L) with `L = gain·√(3/fan_in)`; `KaimingNormal(...)`: N(0, gain/√fan_in), where
 * `gain = calculateGain(nonlinearity, negative_slope)` (√2 for relu) and fan_in defaults to
 * `computeFans(shape)[0]` (Paddle's MSRA initializer; fan_in mode only).
 */
import type { FloatArray } from '../../tensor/dtype.js';
import { ValueError } from '../../errors.js';
import type { Shape } from '../../tensor/shape.js';
import { checkNumber, positionalOrOptions } from '../args.js';
import { calculateGain, Initializer } from './initializer.js';
import { fillNormal } from './normal.js';
import { fillUniform } from './uniform.js';

/**
 * Optional arguments of {@link nn.initializer.KaimingUniform} and {@link
 * nn.initializer.KaimingNormal} (Paddle's `fan_in`, `negative_slope`, `nonlinearity`).
 */
export interface KaimingOptions {
  /** The fan-in to use instead of the one computed from the parameter's shape (Paddle's `fan_in`). */
  fanIn?: number | null;
  /** The negative slope of the leaky ReLU that follows (Paddle's `negative_slope`; default 0). */
  negativeSlope?: number;
  /**
   * The nonlinearity whose gain is used: `'relu'` (default) or `'leaky_relu'`, … (Paddle's
   * `nonlinearity`).
   */
  nonlinearity?: string;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

abstract class KaimingBase extends Initializer {
  /** The `fanIn` this initializer was built with (Paddle's `fan_in`). */
  readonly fanIn: number | null;
  /** The `negativeSlope` this initializer was built with (Paddle's `negative_slope`). */
  readonly negativeSlope: number;
  /** The `nonlinearity` this initializer was built with (Paddle's `nonlinearity`). */
  readonly nonlinearity: string;

  constructor(where: string, args: unknown[]) {
    super();
    const o = positionalOrOptions(where, args, ['fanIn', 'negativeSlope', 'nonlinearity', 'name']);
    this.fanIn = o.fanIn === undefined || o.fanIn === null ? null : checkNumber(where, 'fanIn', o.fanIn);
    this.negativeSlope = o.negativeSlope === undefined ? 0.0 : checkNumber(where, 'negativeSlope', o.negativeSlope);
    this.nonlinearity = o.nonlinearity === undefined ? 'relu' : String(o.nonlinearity);
    calculateGain(this.nonlinearity, this.negativeSlope); // validates the nonlinearity now
  }

  protected gainAndFanIn(shape: Shape, where: string): [number, number] {
    const fanIn = this.fanIn ?? this.computeFans(shape)[0];
    if (!(fanIn > 0)) {
      throw new ValueError(`${where}: fan_in must be positive, but it is ${fanIn} for shape [${shape.join(', ')}].`);
    }
    return [calculateGain(this.nonlinearity, this.negativeSlope), fanIn];
  }
}

/**
 * `paddle.nn.initializer.KaimingUniform(fan_in=None, negative_slope=0.0, nonlinearity='relu')`: He
 * initialization, uniform in `[-limit, limit]` with `limit = gain * sqrt(3 / fan_in)`.
 */
export class KaimingUniform extends KaimingBase {
  /**
   * Creates the initializer from an options object.
   * @param options - {@link KaimingOptions}: `fanIn` (Paddle's `fan_in`; default from the shape), `negativeSlope` (Paddle's `negative_slope`, default 0), `nonlinearity` (default `'relu'`), `name`.
   * @throws {@link errors.TypeError} when `fanIn` or `negativeSlope` is not a number or an option is unknown; {@link errors.ValueError} when `nonlinearity` is not one `calculateGain` knows.
   */
  constructor(options?: KaimingOptions);
  /**
   * Creates the initializer with Paddle's positional arguments.
   * @param fanIn - The fan-in to use (Paddle's `fan_in`; omitted/`null`: `computeFans(shape)[0]`).
   * @param negativeSlope - The negative slope of a following leaky ReLU (Paddle's `negative_slope`, default 0).
   * @param nonlinearity - The activation whose gain is used (Paddle's `nonlinearity`, default `'relu'`).
   * @param options - `name` (accepted, unused).
   * @throws {@link errors.TypeError} when `fanIn` or `negativeSlope` is not a number, an option is unknown, or an argument is given both ways; {@link errors.ValueError} when `nonlinearity` is not one `calculateGain` knows.
   */
  constructor(fanIn?: number | null, negativeSlope?: number, nonlinearity?: string, options?: { name?: string | null });
  constructor(...args: unknown[]) {
    super('KaimingUniform', args);
  }

  /**
   * The bound of the uniform range for a parameter of `shape`.
   * @param shape - The parameter's shape.
   * @returns `gain · √(3 / fanIn)`.
   * @throws {@link errors.ValueError} when the fan-in is not positive.
   */
  limit(shape: Shape): number {
    const [gain, fanIn] = this.gainAndFanIn(shape, 'KaimingUniform');
    return gain * Math.sqrt(3.0 / fanIn);
  }

  protected generate(out: FloatArray, shape: Shape): void {
    if (out.length === 0) return;
    const l = this.limit(shape);
    fillUniform(out, -l, l);
  }
}

/**
 * `paddle.nn.initializer.KaimingNormal(fan_in=None, negative_slope=0.0, nonlinearity='relu')`: He
 * initialization, normal with mean 0 and `std = gain / sqrt(fan_in)`.
 */
export class KaimingNormal extends KaimingBase {
  /**
   * Creates the initializer from an options object.
   * @param options - {@link KaimingOptions}: `fanIn` (Paddle's `fan_in`; default from the shape), `negativeSlope` (Paddle's `negative_slope`, default 0), `nonlinearity` (default `'relu'`), `name`.
   * @throws {@link errors.TypeError} when `fanIn` or `negativeSlope` is not a number or an option is unknown; {@link errors.ValueError} when `nonlinearity` is not one `calculateGain` knows.
   */
  constructor(options?: KaimingOptions);
  /**
   * Creates the initializer with Paddle's positional arguments.
   * @param fanIn - The fan-in to use (Paddle's `fan_in`; omitted/`null`: `computeFans(shape)[0]`).
   * @param negativeSlope - The negative slope of a following leaky ReLU (Paddle's `negative_slope`, default 0).
   * @param nonlinearity - The activation whose gain is used (Paddle's `nonlinearity`, default `'relu'`).
   * @param options - `name` (accepted, unused).
   * @throws {@link errors.TypeError} when `fanIn` or `negativeSlope` is not a number, an option is unknown, or an argument is given both ways; {@link errors.ValueError} when `nonlinearity` is not one `calculateGain` knows.
   */
  constructor(fanIn?: number | null, negativeSlope?: number, nonlinearity?: string, options?: { name?: string | null });
  constructor(...args: unknown[]) {
    super('KaimingNormal', args);
  }

  /**
   * The standard deviation for a parameter of `shape`.
   * @param shape - The parameter's shape.
   * @returns `gain / √fanIn`.
   * @throws {@link errors.ValueError} when the fan-in is not positive.
   */
  std(shape: Shape): number {
    const [gain, fanIn] = this.gainAndFanIn(shape, 'KaimingNormal');
    return gain / Math.sqrt(fanIn);
  }

  protected generate(out: FloatArray, shape: Shape): void {
    if (out.length === 0) return;
    fillNormal(out, 0, this.std(shape));
  }
}

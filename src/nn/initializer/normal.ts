/**
 * `paddle.nn.initializer.Normal(mean=0.0, std=1.0)` and
 * `TruncatedNormal(mean=0.0, std=1.0, a=-2.0, b=2.0)` (≈3.x: `a`, `b` are absolute cut-offs, so
 * the defaults truncate a standard normal at ±2; in 2.x the cut was fixed at mean ± 2·std).
 */
import type { FloatArray } from '../../tensor/dtype.js';
import { AssertionError, ValueError } from '../../errors.js';
import { randomNormal, randomUniform01 } from '../../tensor/random.js';
import { checkNumber, positionalOrOptions } from '../args.js';
import { Initializer } from './initializer.js';

/** Optional arguments of {@link nn.initializer.Normal} (Paddle's `mean`, `std`). */
export interface NormalOptions {
  /** The mean of the distribution (Paddle's `mean`; default 0). */
  mean?: number;
  /** The standard deviation (Paddle's `std`; default 1). */
  std?: number;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

/** `paddle.nn.initializer.Normal(mean=0.0, std=1.0)`: i.i.d. draws from N(mean, std²) of the global generator. */
export class Normal extends Initializer {
  /** The `mean` this Normal was built with (Paddle's `mean`). */
  readonly mean: number;
  /** The `std` this Normal was built with (Paddle's `std`). */
  readonly std: number;

  /**
   * Creates the initializer from an options object.
   * @param options - {@link NormalOptions}: `mean` (default 0), `std` (default 1), `name`.
   * @throws {@link errors.TypeError} when `mean` or `std` is not a number or an option is unknown; {@link errors.AssertionError} when `mean` or `std` is `null`.
   */
  constructor(options?: NormalOptions);
  /**
   * Creates the initializer with Paddle's positional arguments (`new Normal(0, 0.02)`).
   * @param mean - The mean (Paddle's `mean`, default 0).
   * @param std - The standard deviation (Paddle's `std`, default 1).
   * @param options - `name` (accepted, unused).
   * @throws {@link errors.TypeError} when `mean` or `std` is not a number, an option is unknown, or an argument is given both ways; {@link errors.AssertionError} when `mean` or `std` is `null`.
   */
  constructor(mean?: number, std?: number, options?: { name?: string | null });
  constructor(...args: unknown[]) {
    super();
    const o = positionalOrOptions('Normal', args, ['mean', 'std', 'name']);
    if (o.mean === null) throw new AssertionError('mean should not be None');
    if (o.std === null) throw new AssertionError('std should not be None');
    this.mean = o.mean === undefined ? 0.0 : checkNumber('Normal', 'mean', o.mean);
    this.std = o.std === undefined ? 1.0 : checkNumber('Normal', 'std', o.std);
  }

  protected generate(out: FloatArray): void {
    fillNormal(out, this.mean, this.std);
  }
}

/** `out[i] = mean + std·z`, z ~ N(0, 1) from the global generator. */
export function fillNormal(out: FloatArray, mean: number, std: number): void {
  for (let i = 0; i < out.length; i++) out[i] = mean + std * randomNormal();
}

/** Optional arguments of {@link nn.initializer.TruncatedNormal} (Paddle's `mean`, `std`, `a`, `b`). */
export interface TruncatedNormalOptions {
  /** The mean of the distribution (Paddle's `mean`; default 0). */
  mean?: number;
  /** The standard deviation (Paddle's `std`; default 1). */
  std?: number;
  /** The lower cut-off (Paddle's `a`; default -2). */
  a?: number;
  /** The upper cut-off (Paddle's `b`; default 2). */
  b?: number;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

/** `paddle.nn.initializer.TruncatedNormal(mean=0.0, std=1.0, a=-2.0, b=2.0)`: draws from N(mean, std²) restricted to [a, b]. */
export class TruncatedNormal extends Initializer {
  /** The `mean` this TruncatedNormal was built with (Paddle's `mean`). */
  readonly mean: number;
  /** The `std` this TruncatedNormal was built with (Paddle's `std`). */
  readonly std: number;
  /** The `a` this TruncatedNormal was built with (Paddle's `a`). */
  readonly a: number;
  /** The `b` this TruncatedNormal was built with (Paddle's `b`). */
  readonly b: number;

  /**
   * Creates the initializer from an options object.
   * @param options - {@link TruncatedNormalOptions}: `mean` (default 0), `std` (default 1), `a` (default -2), `b` (default 2), `name`.
   * @throws {@link errors.TypeError} when an argument is not a number or an option is unknown; {@link errors.AssertionError} when an argument is `null`; {@link errors.ValueError} when `a ≥ b` or `std` is negative.
   */
  constructor(options?: TruncatedNormalOptions);
  /**
   * Creates the initializer with Paddle's positional arguments.
   * @param mean - The mean (Paddle's `mean`, default 0).
   * @param std - The standard deviation, ≥ 0 (Paddle's `std`, default 1).
   * @param a - The lower cut-off, an absolute value (Paddle's `a`, default -2).
   * @param b - The upper cut-off, > `a` (Paddle's `b`, default 2).
   * @param options - `name` (accepted, unused).
   * @throws {@link errors.TypeError} when an argument is not a number, an option is unknown, or an argument is given both ways; {@link errors.AssertionError} when an argument is `null`; {@link errors.ValueError} when `a ≥ b` or `std` is negative.
   */
  constructor(mean?: number, std?: number, a?: number, b?: number, options?: { name?: string | null });
  constructor(...args: unknown[]) {
    super();
    const o = positionalOrOptions('TruncatedNormal', args, ['mean', 'std', 'a', 'b', 'name']);
    for (const k of ['mean', 'std', 'a', 'b']) {
      if (o[k] === null) throw new AssertionError(`${k} should not be None`);
    }
    this.mean = o.mean === undefined ? 0.0 : checkNumber('TruncatedNormal', 'mean', o.mean);
    this.std = o.std === undefined ? 1.0 : checkNumber('TruncatedNormal', 'std', o.std);
    this.a = o.a === undefined ? -2.0 : checkNumber('TruncatedNormal', 'a', o.a);
    this.b = o.b === undefined ? 2.0 : checkNumber('TruncatedNormal', 'b', o.b);
    if (!(this.a < this.b)) {
      throw new ValueError(`TruncatedNormal: the cut-off 'a' (${this.a}) must be less than 'b' (${this.b}).`);
    }
    if (!(this.std >= 0)) {
      throw new ValueError(`TruncatedNormal: 'std' must be non-negative, but received ${this.std}.`);
    }
  }

  protected generate(out: FloatArray): void {
    const { mean, std, a, b } = this;
    if (std === 0) {
      out.fill(Math.min(Math.max(mean, a), b));
      return;
    }
    const alpha = (a - mean) / std;
    const beta = (b - mean) / std;
    for (let i = 0; i < out.length; i++) {
      const v = mean + std * truncatedStandardNormal(alpha, beta);
      // Guard the rounding of mean + std·z at the edges.
      out[i] = v < a ? a : v > b ? b : v;
    }
  }
}

/**
 * One draw of a standard normal conditioned on [alpha, beta], exactly, by rejection (C. P. Robert,
 * "Simulation of truncated normal variables", 1995): plain normal draws when the interval holds a
 * fair share of the mass, a uniform proposal for narrow intervals, an exponential proposal in a
 * tail; a lower tail is sampled as the mirror image of an upper one.
 */
export function truncatedStandardNormal(alpha: number, beta: number): number {
  if (alpha < 0.5 && beta > -0.5 && beta - alpha > 0.5) {
    for (;;) {
      const z = randomNormal();
      if (z >= alpha && z <= beta) return z;
    }
  }
  if (alpha >= 0) return upperTail(alpha, beta);
  if (beta <= 0) return -upperTail(-beta, -alpha);
  // Straddles 0 and is narrower than 0.5: uniform proposal, density ratio exp(−z²/2) ≥ e^(−1/8).
  for (;;) {
    const z = alpha + (beta - alpha) * randomUniform01();
    if (randomUniform01() <= Math.exp((-z * z) / 2)) return z;
  }
}

function upperTail(alpha: number, beta: number): number {
  if (beta * beta - alpha * alpha <= 2) {
    // Uniform proposal on [alpha, beta]; acceptance exp((α² − z²)/2) ≥ e^(−1).
    for (;;) {
      const z = alpha + (beta - alpha) * randomUniform01();
      if (randomUniform01() <= Math.exp((alpha * alpha - z * z) / 2)) return z;
    }
  }
  // Translated exponential proposal with Robert's optimal rate.
  const lambda = (alpha + Math.sqrt(alpha * alpha + 4)) / 2;
  for (;;) {
    const z = alpha - Math.log(1 - randomUniform01()) / lambda;
    if (z > beta) continue;
    const d = z - lambda;
    if (randomUniform01() <= Math.exp((-d * d) / 2)) return z;
  }
}

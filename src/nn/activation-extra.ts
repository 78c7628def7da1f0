/**
 * More activation layers: `LeakyReLU(negativeSlope)`, `SiLU`, `ELU(alpha)`, `Softplus({ beta,
 * threshold })`, `Identity`. As with `Softmax(axis)` and `GELU(approximate)`, the first optional
 * argument of LeakyReLU and ELU may be passed positionally (Paddle code does: `nn.LeakyReLU(0.2)`).
 */
import { TypeError as PaddleTypeError } from '../errors.js';
import { checkOptions, describe } from '../options.js';
import type { Tensor } from '../tensor/tensor.js';
import { positionalOrOptions } from './args.js';
import { elu, leakyRelu, silu, softplus } from './functional/activation-extra.js';
import { Layer } from './layer.js';

interface NameOnly {
  name?: string | null;
}

function numberArg(where: string, key: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number') throw new PaddleTypeError(`${where}: the '${key}' must be a number, but received ${describe(value)}.`);
  return value;
}

/** `paddle.nn.LeakyReLU(negative_slope=0.01)`. */
export class LeakyReLU extends Layer {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'LeakyReLU';

  /** The `negativeSlope` this LeakyReLU was built with (Paddle's `negative_slope`). */
  readonly negativeSlope: number;
  /**
   * Creates the layer.
   * @param options - `negativeSlope` (Paddle's `negative_slope`, default 0.01), `name`.
   * @throws {@link errors.TypeError} when `negativeSlope` is not a number or an option is unknown or repeated.
   */
  constructor(options?: { negativeSlope?: number; name?: string | null });
  /**
   * Creates the layer. with the slope positionally.
   * @param negativeSlope - The slope for x < 0 (Paddle's `negative_slope`).
   * @param options - `name` (accepted, unused).
   * @throws {@link errors.TypeError} when `negativeSlope` is not a number or an option is unknown or repeated.
   */
  constructor(negativeSlope: number, options?: NameOnly);
  constructor(...args: unknown[]) {
    const o = positionalOrOptions('LeakyReLU', args, ['negativeSlope', 'name']);
    const negativeSlope = numberArg('LeakyReLU', 'negativeSlope', o.negativeSlope, 0.01);
    super();
    this.negativeSlope = negativeSlope;
  }
  /**
   * Applies `F.leaky_relu` with `negativeSlope` to `x` (Paddle: `LeakyReLU.forward`).
   * @param x - A float Tensor of any shape.
   * @returns A new Tensor of x's shape and dtype.
   * @throws {@link errors.TypeError} when `x` is not a float Tensor.
   */
  override forward(x: Tensor): Tensor {
    return leakyRelu(x, { negativeSlope: this.negativeSlope });
  }
  override extraRepr(): string {
    return `negative_slope=${this.negativeSlope}`;
  }
}

/** `paddle.nn.SiLU()` (Paddle spells it `paddle.nn.Silu`, also exported). */
export class SiLU extends Layer {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'SiLU';

  /**
   * Creates the layer.
   * @param options - `name` (accepted, unused).
   * @throws {@link errors.TypeError} when an option is unknown.
   */
  constructor(options?: NameOnly) {
    checkOptions('SiLU', options, ['name']);
    super();
  }
  /**
   * Applies `F.silu`, x · sigmoid(x), to `x` (Paddle: `SiLU.forward`).
   * @param x - A float Tensor of any shape.
   * @returns A new Tensor of x's shape and dtype.
   * @throws {@link errors.TypeError} when `x` is not a float Tensor.
   */
  override forward(x: Tensor): Tensor {
    return silu(x);
  }
}

/** `paddle.nn.Silu()`: Paddle's spelling of the SiLU layer (the same class). */
export const Silu = SiLU;
/** `paddle.nn.Silu` as a type: the SiLU layer. */
export type Silu = SiLU;

/** `paddle.nn.ELU(alpha=1.0)`. */
export class ELU extends Layer {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'ELU';

  /** The `alpha` this ELU was built with (Paddle's `alpha`). */
  readonly alpha: number;
  /**
   * Creates the layer.
   * @param options - `alpha` (Paddle's `alpha`, default 1.0), `name`.
   * @throws {@link errors.TypeError} when `alpha` is not a number or an option is unknown or repeated.
   */
  constructor(options?: { alpha?: number; name?: string | null });
  /**
   * Creates the layer. with alpha positionally.
   * @param alpha - The scale of the negative part (Paddle's `alpha`).
   * @param options - `name` (accepted, unused).
   * @throws {@link errors.TypeError} when `alpha` is not a number or an option is unknown or repeated.
   */
  constructor(alpha: number, options?: NameOnly);
  constructor(...args: unknown[]) {
    const o = positionalOrOptions('ELU', args, ['alpha', 'name']);
    const alpha = numberArg('ELU', 'alpha', o.alpha, 1.0);
    super();
    this.alpha = alpha;
  }
  /**
   * Applies `F.elu` with `alpha` to `x` (Paddle: `ELU.forward`).
   * @param x - A float Tensor of any shape.
   * @returns A new Tensor of x's shape and dtype.
   * @throws {@link errors.TypeError} when `x` is not a float Tensor.
   */
  override forward(x: Tensor): Tensor {
    return elu(x, { alpha: this.alpha });
  }
  override extraRepr(): string {
    return `alpha=${this.alpha}`;
  }
}

/** `paddle.nn.Softplus(beta=1, threshold=20)`. */
export class Softplus extends Layer {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'Softplus';

  /** The `beta` this Softplus was built with (Paddle's `beta`). */
  readonly beta: number;
  /** The `threshold` this Softplus was built with (Paddle's `threshold`). */
  readonly threshold: number;
  /**
   * Creates the layer.
   * @param options - `beta` (default 1), `threshold` (default 20), `name`.
   * @throws {@link errors.TypeError} when `beta` or `threshold` is not a number or an option is unknown or repeated.
   */
  constructor(options?: { beta?: number; threshold?: number; name?: string | null }) {
    const o = checkOptions('Softplus', options, ['beta', 'threshold', 'name']);
    const beta = numberArg('Softplus', 'beta', o.beta, 1);
    const threshold = numberArg('Softplus', 'threshold', o.threshold, 20);
    super();
    this.beta = beta;
    this.threshold = threshold;
  }
  /**
   * Applies `F.softplus` with `beta` and `threshold` to `x` (Paddle: `Softplus.forward`).
   * @param x - A float Tensor of any shape.
   * @returns A new Tensor of x's shape and dtype.
   * @throws {@link errors.TypeError} when `x` is not a float Tensor.
   */
  override forward(x: Tensor): Tensor {
    return softplus(x, { beta: this.beta, threshold: this.threshold });
  }
  override extraRepr(): string {
    return `beta=${this.beta}, threshold=${this.threshold}`;
  }
}

/** `paddle.nn.Identity()`: returns its input (the same tensor). Paddle accepts and ignores any arguments. */
export class Identity extends Layer {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'Identity';

  /**
   * Creates the layer. Any arguments are accepted and ignored, as in Paddle.
   * @param _args - Ignored.
   */
  constructor(..._args: unknown[]) {
    super();
  }
  /**
   * Returns `x` unchanged (Paddle: `Identity.forward`).
   * @param x - Any Tensor.
   * @returns `x` itself (not a copy).
   */
  override forward(x: Tensor): Tensor {
    return x;
  }
}

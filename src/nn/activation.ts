/** Activation layers: `ReLU`, `Sigmoid`, `Tanh`, `Softmax(axis)`, `LogSoftmax(axis)`, `GELU(approximate)`. */
import { TypeError as PaddleTypeError } from '../errors.js';
import { checkOptions, describe } from '../options.js';
import type { Tensor } from '../tensor/tensor.js';
import { positionalOrOptions } from './args.js';
import { relu, sigmoid, tanh } from '../ops/elementwise.js';
import { gelu, logSoftmax, softmax } from './functional/activation.js';
import { Layer } from './layer.js';

interface NameOnly {
  name?: string | null;
}

/**
 * `paddle.nn.ReLU()`: `max(x, 0)` element-wise, as a layer. `layer.forward(x)` is
 * `paddle.nn.functional.relu(x)`.
 */
export class ReLU extends Layer {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'ReLU';

  /**
   * Creates the layer.
   * @param options - `name` (accepted, unused).
   * @throws {@link errors.TypeError} when an option is unknown.
   */
  constructor(options?: NameOnly) {
    checkOptions('ReLU', options, ['name']);
    super();
  }
  /**
   * Applies `paddle.relu`, max(x, 0), to `x` (Paddle: `ReLU.forward`).
   * @param x - A float Tensor of any shape.
   * @returns A new Tensor of x's shape and dtype.
   * @throws {@link errors.TypeError} when `x` is not a float Tensor.
   */
  override forward(x: Tensor): Tensor {
    return relu(x);
  }
}

/** `paddle.nn.Sigmoid()`: `1 / (1 + exp(-x))` element-wise, as a layer. */
export class Sigmoid extends Layer {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'Sigmoid';

  /**
   * Creates the layer.
   * @param options - `name` (accepted, unused).
   * @throws {@link errors.TypeError} when an option is unknown.
   */
  constructor(options?: NameOnly) {
    checkOptions('Sigmoid', options, ['name']);
    super();
  }
  /**
   * Applies `paddle.sigmoid`, 1 / (1 + e^−x), to `x` (Paddle: `Sigmoid.forward`).
   * @param x - A float Tensor of any shape.
   * @returns A new Tensor of x's shape and dtype.
   * @throws {@link errors.TypeError} when `x` is not a float Tensor.
   */
  override forward(x: Tensor): Tensor {
    return sigmoid(x);
  }
}

/** `paddle.nn.Tanh()`: the hyperbolic tangent element-wise, as a layer. */
export class Tanh extends Layer {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'Tanh';

  /**
   * Creates the layer.
   * @param options - `name` (accepted, unused).
   * @throws {@link errors.TypeError} when an option is unknown.
   */
  constructor(options?: NameOnly) {
    checkOptions('Tanh', options, ['name']);
    super();
  }
  /**
   * Applies `paddle.tanh` to `x` (Paddle: `Tanh.forward`).
   * @param x - A float Tensor of any shape.
   * @returns A new Tensor of x's shape and dtype.
   * @throws {@link errors.TypeError} when `x` is not a float Tensor.
   */
  override forward(x: Tensor): Tensor {
    return tanh(x);
  }
}

function axisArg(where: string, args: unknown[]): number {
  const o = positionalOrOptions(where, args, ['axis', 'name']);
  const axis = o.axis ?? -1;
  if (typeof axis !== 'number' || !Number.isInteger(axis)) {
    throw new PaddleTypeError(`${where}: 'axis' must be an integer, but received ${describe(axis)}.`);
  }
  return axis;
}

/** `paddle.nn.Softmax(axis=-1)`: `new Softmax()`, `new Softmax(1)` or `new Softmax({ axis: 1 })`. */
export class Softmax extends Layer {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'Softmax';

  /** The `axis` this Softmax was built with (Paddle's `axis`). */
  readonly axis: number;
  /**
   * Creates the layer.
   * @param options - `axis` (default -1; Paddle's `axis`), `name`.
   * @throws {@link errors.TypeError} when `axis` is not an integer or an option is unknown or repeated.
   */
  constructor(options?: { axis?: number; name?: string | null });
  /**
   * Creates the layer. with the axis positionally.
   * @param axis - The axis to normalize over (Paddle's `axis`; negative counts from the end).
   * @param options - `name` (accepted, unused).
   * @throws {@link errors.TypeError} when `axis` is not an integer or an option is unknown or repeated.
   */
  constructor(axis: number, options?: NameOnly);
  constructor(...args: unknown[]) {
    const axis = axisArg('Softmax', args);
    super();
    this.axis = axis;
  }
  /**
   * Applies `F.softmax` along `axis` (Paddle: `Softmax.forward`).
   * @param x - A float Tensor.
   * @returns A new Tensor of x's shape and dtype whose entries along `axis` sum to 1.
   * @throws {@link errors.TypeError} when `x` is not a float Tensor; {@link errors.ValueError} when `axis` is out of range for x.
   */
  override forward(x: Tensor): Tensor {
    return softmax(x, { axis: this.axis });
  }
  override extraRepr(): string {
    return `axis=${this.axis}`;
  }
}

/** `paddle.nn.LogSoftmax(axis=-1)`. */
export class LogSoftmax extends Layer {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'LogSoftmax';

  /** The `axis` this LogSoftmax was built with (Paddle's `axis`). */
  readonly axis: number;
  /**
   * Creates the layer.
   * @param options - `axis` (default -1; Paddle's `axis`), `name`.
   * @throws {@link errors.TypeError} when `axis` is not an integer or an option is unknown or repeated.
   */
  constructor(options?: { axis?: number; name?: string | null });
  /**
   * Creates the layer. with the axis positionally.
   * @param axis - The axis to normalize over (Paddle's `axis`; negative counts from the end).
   * @param options - `name` (accepted, unused).
   * @throws {@link errors.TypeError} when `axis` is not an integer or an option is unknown or repeated.
   */
  constructor(axis: number, options?: NameOnly);
  constructor(...args: unknown[]) {
    const axis = axisArg('LogSoftmax', args);
    super();
    this.axis = axis;
  }
  /**
   * Applies `F.log_softmax` along `axis` (Paddle: `LogSoftmax.forward`).
   * @param x - A float Tensor.
   * @returns A new Tensor of x's shape and dtype.
   * @throws {@link errors.TypeError} when `x` is not a float Tensor; {@link errors.ValueError} when `axis` is out of range for x.
   */
  override forward(x: Tensor): Tensor {
    return logSoftmax(x, { axis: this.axis });
  }
  override extraRepr(): string {
    return `axis=${this.axis}`;
  }
}

/** `paddle.nn.GELU(approximate=False)`: `new GELU()`, `new GELU(true)` or `new GELU({ approximate: true })`. */
export class GELU extends Layer {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'GELU';

  /** The `approximate` this GELU was built with (Paddle's `approximate`). */
  readonly approximate: boolean;
  /**
   * Creates the layer.
   * @param options - `approximate` (Paddle's `approximate`, default `false`), `name`.
   * @throws {@link errors.TypeError} when `approximate` is not a boolean or an option is unknown or repeated.
   */
  constructor(options?: { approximate?: boolean; name?: string | null });
  /**
   * Creates the layer. with `approximate` positionally.
   * @param approximate - Use the tanh approximation (Paddle's `approximate`).
   * @param options - `name` (accepted, unused).
   * @throws {@link errors.TypeError} when `approximate` is not a boolean or an option is unknown or repeated.
   */
  constructor(approximate: boolean, options?: NameOnly);
  constructor(...args: unknown[]) {
    const o = positionalOrOptions('GELU', args, ['approximate', 'name']);
    const approximate = o.approximate ?? false;
    if (typeof approximate !== 'boolean') {
      throw new PaddleTypeError(`GELU: 'approximate' must be a boolean, but received ${describe(approximate)}.`);
    }
    super();
    this.approximate = approximate;
  }
  /**
   * Applies `F.gelu` (the tanh approximation when `approximate`) to `x` (Paddle: `GELU.forward`).
   * @param x - A float Tensor of any shape.
   * @returns A new Tensor of x's shape and dtype.
   * @throws {@link errors.TypeError} when `x` is not a float Tensor.
   */
  override forward(x: Tensor): Tensor {
    return gelu(x, { approximate: this.approximate });
  }
  override extraRepr(): string {
    return `approximate=${this.approximate ? 'True' : 'False'}`;
  }
}

/**
 * `paddle.nn.MaxPool2D`, `AvgPool2D`, `AdaptiveAvgPool2D`, `AdaptiveMaxPool2D`, `MaxPool1D`,
 * `AvgPool1D`, `MaxPool3D`: layers over `nn.functional` pooling (src/nn/functional/pooling.ts,
 * adaptive-max-pool.ts, pool3d.ts), without parameters. Arguments are
 * checked when the layer is built (a pool of the test input), as far as they do not depend on x.
 */
import { TypeError as PaddleTypeError } from '../errors.js';
import { checkOptions, describe } from '../options.js';
import type { Tensor } from '../tensor/tensor.js';
import { convertToList, dataFormatOf, parsePadding, type PaddingSpec } from './functional/conv-args.js';
import {
  adaptiveAvgPool2d,
  avgPool1d,
  avgPool2d,
  maxPool1d,
  maxPool2d,
  type AdaptiveAvgPool2dOptions,
  type AvgPool1dOptions,
  type AvgPool2dOptions,
  type MaxPool1dOptions,
  type MaxPool2dOptions,
} from './functional/pooling.js';
import { adaptiveMaxPool2d, type AdaptiveMaxPool2dOptions } from './functional/adaptive-max-pool.js';
import { maxPool3d, type MaxPool3dOptions } from './functional/pool3d.js';
import { Layer } from './layer.js';

/** A kernel size, stride or output size: one number for every spatial axis, or one per axis. */
export type Size = number | readonly number[];
/** Python's repr of an int or a list of ints and Nones (`3`, `[3, None]`). */
const pyList = (v: unknown): string => (Array.isArray(v) ? `[${v.map((e) => (e === null ? 'None' : String(e))).join(', ')}]` : String(v));

/** Options every kernel-size pool has. */
interface WindowOptions {
  stride?: number | readonly number[] | null;
  padding?: PaddingSpec;
  dataFormat?: string;
}

/**
 * The kernel-size pools: the checks of kernel, stride, padding and data format when the layer is
 * built, the stored arguments and Paddle's repr.
 */
abstract class WindowPool<O extends WindowOptions> extends Layer {
  /** The kernel size the pool was built with (Paddle's `kernel_size`). */
  readonly kernelSize: Size;
  /** The options the pool was built with (Paddle's keyword arguments, camelCase). */
  readonly options: Readonly<O>;

  protected constructor(where: string, keys: readonly string[], formats: readonly [string, string], kernelSize: Size, options: O | undefined) {
    const o = (checkOptions(where, options, keys) ?? {}) as O;
    const f = dataFormatOf(o.dataFormat, formats);
    const dims = formats[0].length - 2;
    convertToList(kernelSize, dims, 'pool_size');
    if (o.stride !== undefined && o.stride !== null) convertToList(o.stride, dims, 'pool_stride');
    parsePadding(o.padding ?? 0, dims, f === formats[1]);
    super();
    this.kernelSize = kernelSize;
    this.options = { ...o };
  }

  override extraRepr(): string {
    return `kernel_size=${pyList(this.kernelSize)}, stride=${pyList(this.options.stride ?? null).replace('null', 'None')}, padding=${pyList(this.options.padding ?? 0)}`;
  }
}

const MAX_KEYS = ['stride', 'padding', 'ceilMode', 'returnMask', 'dataFormat', 'name'] as const;
const AVG_KEYS = ['stride', 'padding', 'ceilMode', 'exclusive', 'dataFormat', 'name'] as const;

/**
 * `paddle.nn.MaxPool2D(kernel_size, stride=None, padding=0, ceil_mode=False, return_mask=False,
 * data_format='NCHW')`: `new MaxPool2D(kernelSize, { stride, padding, ceilMode, returnMask,
 * dataFormat })`; with `returnMask` the forward returns `[out, mask]`.
 */
export class MaxPool2D extends WindowPool<MaxPool2dOptions> {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'MaxPool2D';

  /**
   * Creates the layer (its arguments are checked now, the input in `forward`).
   * @param kernelSize - The window size, a number or `[kh, kw]` (Paddle's `kernel_size`).
   * @param options - {@link MaxPool2dOptions}: `stride`, `padding`, `ceilMode`, `returnMask`, `dataFormat` (`'NCHW'` default or `'NHWC'`), `name`.
   * @throws {@link errors.TypeError} when `padding` has an unsupported type or an option is unknown; {@link errors.ValueError} when `kernelSize`, `stride` or `padding` has the wrong length or values, or `dataFormat` is unknown.
   */
  constructor(kernelSize: Size, options?: MaxPool2dOptions) {
    super('MaxPool2D', MAX_KEYS, ['NCHW', 'NHWC'], kernelSize, options);
  }

  /**
   * Max-pools `x` with `F.max_pool2d` and the layer's window (Paddle: `MaxPool2D.forward`).
   * @param x - The float input `[N, C, H, W]` (or NHWC).
   * @returns A new Tensor `[N, C, OH, OW]` (or NHWC) of x's dtype; with `returnMask`, `[out, mask]`, mask an int32 Tensor of out's shape holding each maximum's flat index in its H·W plane.
   * @throws {@link errors.TypeError} when `x` is not a float Tensor; {@link errors.ValueError} when x's rank is wrong (the layer's own arguments were checked at construction).
   */
  override forward(x: Tensor): Tensor | [Tensor, Tensor] {
    return maxPool2d(x, this.kernelSize, this.options);
  }
}

/**
 * `paddle.nn.MaxPool3D(kernel_size, stride=None, padding=0, return_mask=False, ceil_mode=False,
 * data_format='NCDHW')`: `new MaxPool3D(kernelSize, { stride, padding, ceilMode, returnMask,
 * dataFormat })`; with `returnMask` the forward returns `[out, mask]`.
 */
export class MaxPool3D extends WindowPool<MaxPool3dOptions> {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'MaxPool3D';

  /**
   * Creates the layer (its arguments are checked now, the input in `forward`).
   * @param kernelSize - The window size, a number or `[kd, kh, kw]` (Paddle's `kernel_size`).
   * @param options - {@link MaxPool3dOptions}: `stride`, `padding`, `ceilMode`, `returnMask`, `dataFormat` (`'NCDHW'` default or `'NDHWC'`), `name`.
   * @throws {@link errors.TypeError} when `padding` has an unsupported type or an option is unknown; {@link errors.ValueError} when `kernelSize`, `stride` or `padding` has the wrong length or values, or `dataFormat` is unknown.
   */
  constructor(kernelSize: Size, options?: MaxPool3dOptions) {
    super('MaxPool3D', MAX_KEYS, ['NCDHW', 'NDHWC'], kernelSize, options);
  }

  /**
   * Max-pools `x` with `F.max_pool3d` and the layer's window (Paddle: `MaxPool3D.forward`).
   * @param x - The float input `[N, C, D, H, W]` (or NDHWC).
   * @returns A new Tensor `[N, C, OD, OH, OW]` (or NDHWC) of x's dtype; with `returnMask`, `[out, mask]`, mask an int32 Tensor of out's shape holding each maximum's flat index in its D·H·W volume.
   * @throws {@link errors.TypeError} when `x` is not a float Tensor; {@link errors.ValueError} when x is not 5-D, no window fits, or `returnMask` is used with NDHWC (the layer's own arguments were checked at construction).
   */
  override forward(x: Tensor): Tensor | [Tensor, Tensor] {
    return maxPool3d(x, this.kernelSize, this.options);
  }
}

/**
 * `paddle.nn.AvgPool2D(kernel_size, stride=None, padding=0, ceil_mode=False, exclusive=True,
 * divisor_override=None, data_format='NCHW')`.
 */
export class AvgPool2D extends WindowPool<AvgPool2dOptions> {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'AvgPool2D';

  /**
   * Creates the layer (its arguments are checked now, the input in `forward`).
   * @param kernelSize - The window size, a number or `[kh, kw]` (Paddle's `kernel_size`).
   * @param options - {@link AvgPool2dOptions}: `stride`, `padding`, `ceilMode`, `exclusive`, `divisorOverride`, `dataFormat` (`'NCHW'` default or `'NHWC'`), `name`.
   * @throws {@link errors.TypeError} when `padding` has an unsupported type or an option is unknown; {@link errors.ValueError} when `kernelSize`, `stride` or `padding` has the wrong length or values, or `dataFormat` is unknown.
   */
  constructor(kernelSize: Size, options?: AvgPool2dOptions) {
    super('AvgPool2D', [...AVG_KEYS, 'divisorOverride'], ['NCHW', 'NHWC'], kernelSize, options);
  }

  /**
   * Average-pools `x` with `F.avg_pool2d` and the layer's window (Paddle: `AvgPool2D.forward`).
   * @param x - The float input `[N, C, H, W]` (or NHWC).
   * @returns A new Tensor `[N, C, OH, OW]` (or NHWC) of x's dtype.
   * @throws {@link errors.TypeError} when `x` is not a float Tensor; {@link errors.ValueError} when x's rank is wrong (the layer's own arguments were checked at construction).
   */
  override forward(x: Tensor): Tensor {
    return avgPool2d(x, this.kernelSize, this.options);
  }
}

/** `paddle.nn.AdaptiveAvgPool2D(output_size, data_format='NCHW')`. */
export class AdaptiveAvgPool2D extends Layer {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'AdaptiveAvgPool2D';

  /** The `outputSize` this AdaptiveAvgPool2D was built with (Paddle's `output_size`). */
  readonly outputSize: number | readonly (number | null)[];
  /** The `options` this AdaptiveAvgPool2D was built with (Paddle's `options`). */
  readonly options: Readonly<AdaptiveAvgPool2dOptions>;

  /**
   * Creates the layer (the output size is checked in `forward`).
   * @param outputSize - The output size, an integer or `[OH, OW]` (`null` keeps that input size) (Paddle's `output_size`).
   * @param options - {@link AdaptiveAvgPool2dOptions}: `dataFormat` (`'NCHW'` default or `'NHWC'`), `name`.
   * @throws {@link errors.TypeError} when an option is unknown; {@link errors.ValueError} when `dataFormat` is unknown.
   */
  constructor(outputSize: number | readonly (number | null)[], options?: AdaptiveAvgPool2dOptions) {
    const o = checkOptions('AdaptiveAvgPool2D', options, ['dataFormat', 'name']) ?? {};
    dataFormatOf(o.dataFormat, ['NCHW', 'NHWC']);
    super();
    this.outputSize = outputSize;
    this.options = { ...o };
  }

  /**
   * Average-pools `x` to the layer's output size with `F.adaptive_avg_pool2d` (Paddle: `AdaptiveAvgPool2D.forward`).
   * @param x - The float input `[N, C, H, W]` (or NHWC).
   * @returns A new Tensor `[N, C, OH, OW]` (or NHWC) of x's dtype.
   * @throws {@link errors.TypeError} when `x` is not a float Tensor; {@link errors.ValueError} when x is not 4-D or `outputSize` is not a positive integer or a pair of them (`null` entries allowed).
   */
  override forward(x: Tensor): Tensor {
    return adaptiveAvgPool2d(x, this.outputSize, this.options);
  }

  override extraRepr(): string {
    return `output_size=${pyList(this.outputSize)}`;
  }
}

/** `paddle.nn.AdaptiveMaxPool2D(output_size, return_mask=False, name=None)`; with `returnMask` the forward returns `[out, mask]`. */
export class AdaptiveMaxPool2D extends Layer {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'AdaptiveMaxPool2D';

  /** The `outputSize` this AdaptiveMaxPool2D was built with (Paddle's `output_size`). */
  readonly outputSize: number | readonly (number | null)[];
  /** The `options` this AdaptiveMaxPool2D was built with (Paddle's `return_mask`, `name`). */
  readonly options: Readonly<AdaptiveMaxPool2dOptions>;

  /**
   * Creates the layer (the output size is checked in `forward`, as Paddle does).
   * @param outputSize - The output size, an integer or `[OH, OW]` (`null` keeps that input size) (Paddle's `output_size`).
   * @param options - {@link AdaptiveMaxPool2dOptions}: `returnMask` (default `false`), `name`.
   * @throws {@link errors.TypeError} when an option is unknown or `returnMask` is not a boolean.
   */
  constructor(outputSize: number | readonly (number | null)[], options?: AdaptiveMaxPool2dOptions) {
    const o = checkOptions('AdaptiveMaxPool2D', options, ['returnMask', 'name']) ?? {};
    if (o.returnMask !== undefined && typeof o.returnMask !== 'boolean') {
      throw new PaddleTypeError(`AdaptiveMaxPool2D: 'return_mask' must be a boolean, but received ${describe(o.returnMask)}.`);
    }
    super();
    this.outputSize = outputSize;
    this.options = { ...o };
  }

  /**
   * Max-pools `x` to the layer's output size with `F.adaptive_max_pool2d` (Paddle: `AdaptiveMaxPool2D.forward`).
   * @param x - The float input `[N, C, H, W]`.
   * @returns A new Tensor `[N, C, OH, OW]` of x's dtype; with `returnMask`, `[out, mask]`, mask an int32 Tensor of out's shape holding each maximum's flat index in its H·W plane.
   * @throws {@link errors.TypeError} when `x` is not a float Tensor; {@link errors.ValueError} when x is not 4-D or `outputSize` is not a positive integer or a pair of them (`null` entries allowed).
   */
  override forward(x: Tensor): Tensor | [Tensor, Tensor] {
    return adaptiveMaxPool2d(x, this.outputSize, this.options);
  }

  override extraRepr(): string {
    return `output_size=${pyList(this.outputSize)}, return_mask=${this.options.returnMask === true ? 'True' : 'False'}`;
  }
}

/**
 * `paddle.nn.MaxPool1D(kernel_size, stride=None, padding=0, return_mask=False, ceil_mode=False,
 * data_format='NCL')`.
 */
export class MaxPool1D extends WindowPool<MaxPool1dOptions> {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'MaxPool1D';

  /**
   * Creates the layer (its arguments are checked now, the input in `forward`).
   * @param kernelSize - The window length, a number or `[k]` (Paddle's `kernel_size`).
   * @param options - {@link MaxPool1dOptions}: `stride`, `padding`, `ceilMode`, `returnMask`, `dataFormat` (`'NCL'` default or `'NLC'`), `name`.
   * @throws {@link errors.TypeError} when `padding` has an unsupported type or an option is unknown; {@link errors.ValueError} when `kernelSize`, `stride` or `padding` has the wrong length or values, or `dataFormat` is unknown.
   */
  constructor(kernelSize: Size, options?: MaxPool1dOptions) {
    super('MaxPool1D', MAX_KEYS, ['NCL', 'NLC'], kernelSize, options);
  }

  /**
   * Max-pools `x` with `F.max_pool1d` and the layer's window (Paddle: `MaxPool1D.forward`).
   * @param x - The float input `[N, C, L]` (or NLC).
   * @returns A new Tensor `[N, C, OL]` (or NLC) of x's dtype; with `returnMask`, `[out, mask]`, mask the int32 index of each maximum along L.
   * @throws {@link errors.TypeError} when `x` is not a float Tensor; {@link errors.ValueError} when x's rank is wrong (the layer's own arguments were checked at construction).
   */
  override forward(x: Tensor): Tensor | [Tensor, Tensor] {
    return maxPool1d(x, this.kernelSize, this.options);
  }
}

/**
 * `paddle.nn.AvgPool1D(kernel_size, stride=None, padding=0, exclusive=True, ceil_mode=False,
 * data_format='NCL')`.
 */
export class AvgPool1D extends WindowPool<AvgPool1dOptions> {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'AvgPool1D';

  /**
   * Creates the layer (its arguments are checked now, the input in `forward`).
   * @param kernelSize - The window length, a number or `[k]` (Paddle's `kernel_size`).
   * @param options - {@link AvgPool1dOptions}: `stride`, `padding`, `ceilMode`, `exclusive`, `dataFormat` (`'NCL'` default or `'NLC'`), `name`.
   * @throws {@link errors.TypeError} when `padding` has an unsupported type or an option is unknown; {@link errors.ValueError} when `kernelSize`, `stride` or `padding` has the wrong length or values, or `dataFormat` is unknown.
   */
  constructor(kernelSize: Size, options?: AvgPool1dOptions) {
    super('AvgPool1D', AVG_KEYS, ['NCL', 'NLC'], kernelSize, options);
  }

  /**
   * Average-pools `x` with `F.avg_pool1d` and the layer's window (Paddle: `AvgPool1D.forward`).
   * @param x - The float input `[N, C, L]` (or NLC).
   * @returns A new Tensor `[N, C, OL]` (or NLC) of x's dtype.
   * @throws {@link errors.TypeError} when `x` is not a float Tensor; {@link errors.ValueError} when x's rank is wrong (the layer's own arguments were checked at construction).
   */
  override forward(x: Tensor): Tensor {
    return avgPool1d(x, this.kernelSize, this.options);
  }
}

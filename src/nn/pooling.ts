/**
 * `paddle.nn.MaxPool2D`, `AvgPool2D`, `AdaptiveAvgPool2D`, `MaxPool1D`, `AvgPool1D`: layers over
 * `nn.functional` pooling (src/nn/functional/pooling.ts), without parameters. Arguments are
 * checked when the layer is built (a pool of the test input), as far as they do not depend on x.
 */
import { checkOptions } from '../options.js';
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
import { Layer } from './layer.js';

/** A kernel size, stride or output size: one number for every spatial axis, or one per axis. */
export type Size = number | readonly number[];
const pyList = (v: unknown): string => (Array.isArray(v) ? `[${v.join(', ')}]` : String(v));

/** The constructor's checks of kernel, stride and padding for `dims` spatial dims. */
function checkWindow(kernelSize: unknown, stride: unknown, padding: unknown, dims: number, channelLast: boolean): void {
  convertToList(kernelSize, dims, 'pool_size');
  if (stride !== undefined && stride !== null) convertToList(stride, dims, 'pool_stride');
  parsePadding(padding ?? 0, dims, channelLast);
}

/**
 * `paddle.nn.MaxPool2D(kernel_size, stride=None, padding=0, ceil_mode=False, return_mask=False,
 * data_format='NCHW')`: `new MaxPool2D(kernelSize, { stride, padding, ceilMode, returnMask,
 * dataFormat })`; with `returnMask` the forward returns `[out, mask]`.
 */
export class MaxPool2D extends Layer {
  /** The `kernelSize` this MaxPool2D was built with (Paddle's `kernel_size`). */
  readonly kernelSize: Size;
  /** The `options` this MaxPool2D was built with (Paddle's `options`). */
  readonly options: Readonly<MaxPool2dOptions>;

  constructor(kernelSize: Size, options?: MaxPool2dOptions) {
    const o = checkOptions('MaxPool2D', options, ['stride', 'padding', 'ceilMode', 'returnMask', 'dataFormat', 'name']) ?? {};
    const f = dataFormatOf(o.dataFormat, ['NCHW', 'NHWC']);
    checkWindow(kernelSize, o.stride, o.padding, 2, f === 'NHWC');
    super();
    this.kernelSize = kernelSize;
    this.options = { ...o };
  }

  override forward(x: Tensor): Tensor | [Tensor, Tensor] {
    return maxPool2d(x, this.kernelSize, this.options);
  }

  override extraRepr(): string {
    return `kernel_size=${pyList(this.kernelSize)}, stride=${pyList(this.options.stride ?? null).replace('null', 'None')}, padding=${pyList(this.options.padding ?? 0)}`;
  }
}

/**
 * `paddle.nn.AvgPool2D(kernel_size, stride=None, padding=0, ceil_mode=False, exclusive=True,
 * divisor_override=None, data_format='NCHW')`.
 */
export class AvgPool2D extends Layer {
  /** The `kernelSize` this AvgPool2D was built with (Paddle's `kernel_size`). */
  readonly kernelSize: Size;
  /** The `options` this AvgPool2D was built with (Paddle's `options`). */
  readonly options: Readonly<AvgPool2dOptions>;

  constructor(kernelSize: Size, options?: AvgPool2dOptions) {
    const o = checkOptions('AvgPool2D', options, ['stride', 'padding', 'ceilMode', 'exclusive', 'divisorOverride', 'dataFormat', 'name']) ?? {};
    const f = dataFormatOf(o.dataFormat, ['NCHW', 'NHWC']);
    checkWindow(kernelSize, o.stride, o.padding, 2, f === 'NHWC');
    super();
    this.kernelSize = kernelSize;
    this.options = { ...o };
  }

  override forward(x: Tensor): Tensor {
    return avgPool2d(x, this.kernelSize, this.options);
  }

  override extraRepr(): string {
    return `kernel_size=${pyList(this.kernelSize)}, stride=${pyList(this.options.stride ?? null).replace('null', 'None')}, padding=${pyList(this.options.padding ?? 0)}`;
  }
}

/** `paddle.nn.AdaptiveAvgPool2D(output_size, data_format='NCHW')`. */
export class AdaptiveAvgPool2D extends Layer {
  /** The `outputSize` this AdaptiveAvgPool2D was built with (Paddle's `output_size`). */
  readonly outputSize: number | readonly (number | null)[];
  /** The `options` this AdaptiveAvgPool2D was built with (Paddle's `options`). */
  readonly options: Readonly<AdaptiveAvgPool2dOptions>;

  constructor(outputSize: number | readonly (number | null)[], options?: AdaptiveAvgPool2dOptions) {
    const o = checkOptions('AdaptiveAvgPool2D', options, ['dataFormat', 'name']) ?? {};
    dataFormatOf(o.dataFormat, ['NCHW', 'NHWC']);
    super();
    this.outputSize = outputSize;
    this.options = { ...o };
  }

  override forward(x: Tensor): Tensor {
    return adaptiveAvgPool2d(x, this.outputSize, this.options);
  }

  override extraRepr(): string {
    return `output_size=${pyList(this.outputSize)}`;
  }
}

/**
 * `paddle.nn.MaxPool1D(kernel_size, stride=None, padding=0, return_mask=False, ceil_mode=False,
 * data_format='NCL')`.
 */
export class MaxPool1D extends Layer {
  /** The `kernelSize` this MaxPool1D was built with (Paddle's `kernel_size`). */
  readonly kernelSize: Size;
  /** The `options` this MaxPool1D was built with (Paddle's `options`). */
  readonly options: Readonly<MaxPool1dOptions>;

  constructor(kernelSize: Size, options?: MaxPool1dOptions) {
    const o = checkOptions('MaxPool1D', options, ['stride', 'padding', 'ceilMode', 'returnMask', 'dataFormat', 'name']) ?? {};
    const f = dataFormatOf(o.dataFormat, ['NCL', 'NLC']);
    checkWindow(kernelSize, o.stride, o.padding as PaddingSpec | undefined, 1, f === 'NLC');
    super();
    this.kernelSize = kernelSize;
    this.options = { ...o };
  }

  override forward(x: Tensor): Tensor | [Tensor, Tensor] {
    return maxPool1d(x, this.kernelSize, this.options);
  }
}

/**
 * `paddle.nn.AvgPool1D(kernel_size, stride=None, padding=0, exclusive=True, ceil_mode=False,
 * data_format='NCL')`.
 */
export class AvgPool1D extends Layer {
  /** The `kernelSize` this AvgPool1D was built with (Paddle's `kernel_size`). */
  readonly kernelSize: Size;
  /** The `options` this AvgPool1D was built with (Paddle's `options`). */
  readonly options: Readonly<AvgPool1dOptions>;

  constructor(kernelSize: Size, options?: AvgPool1dOptions) {
    const o = checkOptions('AvgPool1D', options, ['stride', 'padding', 'ceilMode', 'exclusive', 'dataFormat', 'name']) ?? {};
    const f = dataFormatOf(o.dataFormat, ['NCL', 'NLC']);
    checkWindow(kernelSize, o.stride, o.padding, 1, f === 'NLC');
    super();
    this.kernelSize = kernelSize;
    this.options = { ...o };
  }

  override forward(x: Tensor): Tensor {
    return avgPool1d(x, this.kernelSize, this.options);
  }
}

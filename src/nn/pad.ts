/**
 * `paddle.nn.Pad1D`, `Pad2D`, `Pad3D` and `ZeroPad2D`: layers over `nn.functional.pad` with the
 * spatial pad order ([left, right], [left, right, top, bottom], [left, right, top, bottom, front,
 * back]); an integer `padding` pads every side of every spatial dim by it.
 */
import { TypeError as PaddleTypeError, ValueError } from '../errors.js';
import { checkOptions, describe, leadingOption } from '../options.js';
import { Tensor } from '../tensor/tensor.js';
import { intList } from '../ops/helpers.js';
import { pad, type PadDataFormat, type PadMode } from './functional/pad.js';
import { Layer } from './layer.js';

/**
 * Optional arguments of {@link nn.Pad1D}, {@link nn.Pad2D}, {@link nn.Pad3D} (Paddle's `value`,
 * `data_format`, `name`).
 */
export interface PadLayerOptions {
  /** 'constant' (default), 'reflect', 'replicate', 'circular'. */
  mode?: PadMode;
  /** The fill value of 'constant' mode (default 0). */
  value?: number;
  /**
   * The input layout: channels first (`'NCL'`, `'NCHW'`, `'NCDHW'`, default) or last (Paddle's
   * `data_format`).
   */
  dataFormat?: PadDataFormat;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

/** The padding as a list of 2·dims integers (an integer: the same on every side). */
function paddingList(where: string, padding: unknown, dims: number): number[] {
  if (typeof padding === 'number') {
    if (!Number.isInteger(padding)) throw new PaddleTypeError(`${where}: the 'padding' must be an integer or a list of integers, but received ${padding}.`);
    return new Array<number>(2 * dims).fill(padding);
  }
  const list = intList(where, 'padding', padding);
  if (list.length !== 2 * dims) {
    throw new ValueError(`${where}: the 'padding' must be an integer or a list of ${2 * dims} integers, but received ${list.length} ([${list.join(', ')}]).`);
  }
  return list;
}

abstract class PadND extends Layer {
  /** The `padding` this layer was built with (Paddle's `padding`). */
  readonly padding: number[];
  /** The `mode` this layer was built with (Paddle's `mode`). */
  readonly mode: PadMode;
  /** The `value` this layer was built with (Paddle's `value`). */
  readonly value: number;
  /** The `dataFormat` this layer was built with (Paddle's `data_format`). */
  readonly dataFormat: PadDataFormat;

  protected constructor(where: string, dims: number, formats: readonly PadDataFormat[], padding: unknown, modeOrOptions: unknown, options: PadLayerOptions | undefined) {
    const o = checkOptions(where, leadingOption(where, 'mode', modeOrOptions, options), ['mode', 'value', 'dataFormat', 'name']);
    const list = paddingList(where, padding, dims);
    const format = o.dataFormat ?? (formats[0] as PadDataFormat);
    if (!formats.includes(format)) {
      throw new ValueError(`${where}: the 'data_format' must be one of ${formats.map((f) => `'${f}'`).join(', ')}, but received ${describe(format)}.`);
    }
    super();
    this.padding = list;
    this.mode = o.mode ?? 'constant';
    this.value = o.value ?? 0;
    this.dataFormat = format;
  }

  /**
   * Pads `x` with `F.pad` and the layer's padding, mode, value and data format (Paddle: `Pad1D/Pad2D/Pad3D.forward`).
   * @param x - The input in the layer's data format: 3-D for Pad1D, 4-D for Pad2D, 5-D for Pad3D ('constant' mode also pads the trailing dims of an input of another rank).
   * @returns A new Tensor of x's dtype, each padded dimension grown (or cropped, for negative pads) by its pads.
   * @throws {@link errors.TypeError} when `x` is not a Tensor; {@link errors.ValueError} when, in 'reflect'/'replicate'/'circular' mode, x's rank does not fit the data format, or a pad is invalid for the mode and dimension (e.g. 'reflect' pads not smaller than the dimension).
   */
  override forward(x: Tensor): Tensor {
    return pad(x, this.padding, { mode: this.mode, value: this.value, dataFormat: this.dataFormat });
  }

  override extraRepr(): string {
    return `padding=[${this.padding.join(', ')}], mode=${this.mode}, value=${this.value}, data_format=${this.dataFormat}`;
  }
}

/** `paddle.nn.Pad1D(padding, mode='constant', value=0.0, data_format='NCL')`. */
export class Pad1D extends PadND {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'Pad1D';

  /**
   * Creates the layer.
   * @param padding - An integer (every side) or a list of 2 integers, last spatial dim first, or an int Tensor (Paddle's `padding`).
   * @param modeOrOptions - The mode (Paddle's `mode`: `'constant'` default, `'reflect'`, `'replicate'`, `'circular'`), or the options object.
   * @param options - {@link PadLayerOptions}: `mode`, `value` (default 0), `dataFormat` (`'NCL'` default or `'NLC'`), `name`.
   * @throws {@link errors.TypeError} when `padding` is not integers, `mode` is given twice, or an option is unknown; {@link errors.ValueError} when `padding` has the wrong length or `dataFormat` is not one this layer takes.
   */
  constructor(padding: number | readonly number[] | Tensor, modeOrOptions?: PadMode | PadLayerOptions, options?: PadLayerOptions) {
    super('Pad1D', 1, ['NCL', 'NLC'], padding, modeOrOptions, options);
  }
}

/** `paddle.nn.Pad2D(padding, mode='constant', value=0.0, data_format='NCHW')`. */
export class Pad2D extends PadND {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'Pad2D';

  /**
   * Creates the layer.
   * @param padding - An integer (every side) or a list of 4 integers, last spatial dim first, or an int Tensor (Paddle's `padding`).
   * @param modeOrOptions - The mode (Paddle's `mode`: `'constant'` default, `'reflect'`, `'replicate'`, `'circular'`), or the options object.
   * @param options - {@link PadLayerOptions}: `mode`, `value` (default 0), `dataFormat` (`'NCHW'` default or `'NHWC'`), `name`.
   * @throws {@link errors.TypeError} when `padding` is not integers, `mode` is given twice, or an option is unknown; {@link errors.ValueError} when `padding` has the wrong length or `dataFormat` is not one this layer takes.
   */
  constructor(padding: number | readonly number[] | Tensor, modeOrOptions?: PadMode | PadLayerOptions, options?: PadLayerOptions) {
    super('Pad2D', 2, ['NCHW', 'NHWC'], padding, modeOrOptions, options);
  }
}

/** `paddle.nn.Pad3D(padding, mode='constant', value=0.0, data_format='NCDHW')`. */
export class Pad3D extends PadND {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'Pad3D';

  /**
   * Creates the layer.
   * @param padding - An integer (every side) or a list of 6 integers, last spatial dim first, or an int Tensor (Paddle's `padding`).
   * @param modeOrOptions - The mode (Paddle's `mode`: `'constant'` default, `'reflect'`, `'replicate'`, `'circular'`), or the options object.
   * @param options - {@link PadLayerOptions}: `mode`, `value` (default 0), `dataFormat` (`'NCDHW'` default or `'NDHWC'`), `name`.
   * @throws {@link errors.TypeError} when `padding` is not integers, `mode` is given twice, or an option is unknown; {@link errors.ValueError} when `padding` has the wrong length or `dataFormat` is not one this layer takes.
   */
  constructor(padding: number | readonly number[] | Tensor, modeOrOptions?: PadMode | PadLayerOptions, options?: PadLayerOptions) {
    super('Pad3D', 3, ['NCDHW', 'NDHWC'], padding, modeOrOptions, options);
  }
}

/** `paddle.nn.ZeroPad2D(padding, data_format='NCHW')`. */
export class ZeroPad2D extends PadND {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'ZeroPad2D';

  /**
   * Creates the layer.
   * @param padding - An integer (every side) or a list of 4 integers `[left, right, top, bottom]`, or an int Tensor (Paddle's `padding`).
   * @param options - `dataFormat` (`'NCHW'` default or `'NHWC'`), `name`.
   * @throws {@link errors.TypeError} when `padding` is not integers or an option is unknown; {@link errors.ValueError} when `padding` has the wrong length or `dataFormat` is unknown.
   */
  constructor(padding: number | readonly number[] | Tensor, options?: { dataFormat?: 'NCHW' | 'NHWC'; name?: string | null }) {
    super('ZeroPad2D', 2, ['NCHW', 'NHWC'], padding, checkOptions('ZeroPad2D', options, ['dataFormat', 'name']), undefined);
  }
}

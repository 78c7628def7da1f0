/**
 * `paddle.nn.Conv1D`, `Conv2D`, `Conv1DTranspose`, `Conv2DTranspose` over
 * `nn.functional.conv*` (src/nn/functional/conv.ts).
 *
 * Parameters as Paddle names and shapes them: `weight` [out, in/groups, *kernel] (transposed:
 * [in, out/groups, *kernel]) and `bias` [out] (`conv2d_0.w_0`, `conv2d_0.b_0`; state-dict keys
 * `weight`, `bias`). Default initializers as Paddle's `_ConvNd`: the weight of a convolution is
 * Normal(0, √(2 / (in_channels · ∏kernel))) (in_channels, not in/groups, as Paddle), the weight
 * of a transposed convolution XavierUniform over its fans, the bias zeros.
 */
import { AssertionError, TypeError as PaddleTypeError, ValueError } from '../errors.js';
import { checkOptions, describe } from '../options.js';
import { getDefaultDType } from '../tensor/creation.js';
import type { Parameter } from '../tensor/parameter.js';
import type { Tensor } from '../tensor/tensor.js';
import { preflightAttrs } from './common.js';
import { conv1d, conv1dTranspose, conv2d, conv2dTranspose, type Conv2dTransposeOptions } from './functional/conv.js';
import { convertToList, parsePadding, type PaddingSpec } from './functional/conv-args.js';
import { pad } from './functional/pad.js';
import { Normal } from './initializer/normal.js';
import { Layer } from './layer.js';
import type { ParamAttrLike } from './param-attr.js';

/**
 * How a convolution layer pads its input (Paddle's `padding_mode`): zeros, the reflection, the
 * replicated edge, or the wrapped-around opposite edge.
 */
export type PaddingMode = 'zeros' | 'reflect' | 'replicate' | 'circular';

/** Options of `Conv1D` / `Conv2D` (Paddle's keyword arguments, camelCase). */
export interface ConvLayerOptions<F extends string> {
  /** The stride, one number or one per spatial axis (Paddle's `stride`; default 1). */
  stride?: number | readonly number[];
  /**
   * The padding: a number, one per axis, pairs per axis, or `'SAME'` / `'VALID'` (Paddle's
   * `padding`; default 0).
   */
  padding?: PaddingSpec;
  /** The spacing of the kernel taps, one number or one per axis (Paddle's `dilation`; default 1). */
  dilation?: number | readonly number[];
  /** The number of groups the channels are split into (Paddle's `groups`; default 1). */
  groups?: number;
  /** 'zeros' (default), or pad with F.pad's 'reflect' / 'replicate' / 'circular' first (integer padding only). */
  paddingMode?: PaddingMode;
  /** The weight's {@link ParamAttr} (or its name, or `false` where allowed); Paddle's `weight_attr`. */
  weightAttr?: ParamAttrLike;
  /** The bias's {@link ParamAttr} (or its name); `false` builds no bias. Paddle's `bias_attr`. */
  biasAttr?: ParamAttrLike;
  /**
   * The layout of the input: channels first (`'NCL'`, `'NCHW'`, `'NCDHW'`, default) or last
   * (Paddle's `data_format`).
   */
  dataFormat?: F;
}

/** Options of `Conv1DTranspose` / `Conv2DTranspose`. */
export interface ConvTransposeLayerOptions<F extends string> extends Omit<ConvLayerOptions<F>, 'paddingMode'> {
  /** Extra size added to one side of each output axis (Paddle's `output_padding`; default 0). */
  outputPadding?: number | readonly number[];
}

const CONV_KEYS = ['stride', 'padding', 'dilation', 'groups', 'paddingMode', 'weightAttr', 'biasAttr', 'dataFormat'] as const;
const TRANSPOSE_KEYS = ['stride', 'padding', 'outputPadding', 'dilation', 'groups', 'weightAttr', 'biasAttr', 'dataFormat'] as const;
const MODES: readonly PaddingMode[] = ['zeros', 'reflect', 'replicate', 'circular'];

function intArg(where: string, name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new PaddleTypeError(`${where}: '${name}' must be an integer, but received ${describe(v)}.`);
  if (v <= 0) throw new ValueError(`${where}: '${name}' must be positive, but received ${v}.`);
  return v;
}

/** Python's repr of a list for `extraRepr` (`[3, 3]`). */
const pyList = (l: readonly number[]): string => `[${l.join(', ')}]`;

/** Paddle's `_ConvNd`: argument checks, the parameters and the repr. */
abstract class ConvNd extends Layer {
  /** The kernel Parameter, in Paddle's layout (Paddle's `weight`). */
  readonly weight: Parameter;
  /** The bias Parameter, one value per output channel, or null without one (Paddle's `bias`). */
  readonly bias: Parameter | null;
  /** The `inChannels` this layer was built with (Paddle's `in_channels`). */
  readonly inChannels: number;
  /** The `outChannels` this layer was built with (Paddle's `out_channels`). */
  readonly outChannels: number;
  /** The `kernelSize` this layer was built with (Paddle's `kernel_size`). */
  readonly kernelSize: number[];
  /** The `stride` this layer was built with (Paddle's `stride`). */
  readonly stride: number[];
  /** The `padding` this layer was built with (Paddle's `padding`). */
  readonly padding: PaddingSpec;
  /** The `dilation` this layer was built with (Paddle's `dilation`). */
  readonly dilation: number[];
  /** The `groups` this layer was built with (Paddle's `groups`). */
  readonly groups: number;
  /** The `paddingMode` this layer was built with (Paddle's `padding_mode`). */
  readonly paddingMode: PaddingMode;
  /** The `outputPadding` this layer was built with (Paddle's `output_padding`). */
  readonly outputPadding: number | readonly number[];
  /** The `dataFormat` this layer was built with (Paddle's `data_format`). */
  readonly dataFormat: string;
  /** F.pad's pad list for a non-'zeros' padding mode ([left, right, top, bottom]). */
  protected readonly modePad: number[] | null;

  protected constructor(
    where: string,
    dims: 1 | 2,
    transposed: boolean,
    inChannels: number,
    outChannels: number,
    kernelSize: number | readonly number[],
    o: ConvTransposeLayerOptions<string> & { paddingMode?: PaddingMode },
  ) {
    const inC = intArg(where, 'in_channels', inChannels);
    const outC = intArg(where, 'out_channels', outChannels);
    const groups = intArg(where, 'groups', o.groups ?? 1);
    const mode = o.paddingMode ?? 'zeros';
    if (!MODES.includes(mode)) {
      throw new ValueError(`padding_mode must be one of {'zeros', 'reflect', 'replicate', 'circular'}, but got padding_mode='${String(mode)}'`);
    }
    const padding = o.padding ?? 0;
    if (mode !== 'zeros' && typeof padding !== 'number') {
      throw new PaddleTypeError("when padding_mode in ['reflect', 'replicate', 'circular'], type of padding must be int");
    }
    const format = o.dataFormat ?? (dims === 1 ? 'NCL' : 'NCHW');
    const allowed = dims === 1 ? ['NCL', 'NLC'] : ['NCHW', 'NHWC'];
    if (!allowed.includes(format)) {
      throw new ValueError(`data_format must be one of {'NHWC', 'NCHW', 'NDHWC', 'NCDHW', 'NLC', 'NCL'}, but got data_format='${String(format)}'`);
    }
    const channelLast = format === 'NHWC' || format === 'NLC';
    const stride = convertToList(o.stride ?? 1, dims, 'stride');
    const dilation = convertToList(o.dilation ?? 1, dims, 'dilation');
    const kernel = convertToList(kernelSize, dims, 'kernel_size');
    if (kernel.some((k) => k <= 0)) throw new ValueError(`${where}: the 'kernel_size' must be positive, but received ${pyList(kernel)}.`);
    parsePadding(padding, dims, channelLast); // Paddle's _update_padding_nd errors, up front
    if (!transposed && inC % groups !== 0) throw new ValueError('in_channels must be divisible by groups.');
    if (transposed && outC % groups !== 0) {
      throw new ValueError(`${where}: out_channels (${outC}) must be divisible by groups (${groups}).`);
    }
    if (o.weightAttr === false) throw new AssertionError('weight_attr should not be False in Conv.');
    preflightAttrs([o.weightAttr, o.biasAttr]);
    super();
    this._dtype = getDefaultDType();
    this.inChannels = inC;
    this.outChannels = outC;
    this.kernelSize = kernel;
    this.stride = stride;
    this.padding = padding;
    this.dilation = dilation;
    this.groups = groups;
    this.paddingMode = mode;
    this.outputPadding = o.outputPadding ?? 0;
    this.dataFormat = format;
    this.modePad = mode === 'zeros' ? null : convertToList(padding, dims, 'padding').reverse().flatMap((p) => [p, p]);
    const shape = transposed ? [inC, outC / groups, ...kernel] : [outC, inC / groups, ...kernel];
    const std = Math.sqrt(2.0 / (kernel.reduce((a, b) => a * b, 1) * inC));
    this.weight = this.addParameter(
      'weight',
      this.createParameter(shape, { attr: o.weightAttr, isBias: false, defaultInitializer: transposed ? null : new Normal(0.0, std) }) as Parameter,
    );
    this.bias = this.addParameter('bias', this.createParameter([outC], { attr: o.biasAttr, isBias: true }));
  }

  /** x padded by the padding mode (the identity for 'zeros'). */
  protected padded(x: Tensor): Tensor {
    if (this.modePad === null) return x;
    return pad(x, this.modePad, { mode: this.paddingMode as Exclude<PaddingMode, 'zeros'>, dataFormat: this.dataFormat as 'NCHW' });
  }

  /** The options of the forward convolution (a padding mode's padding is applied by `padded`). */
  protected convOptions(): { stride: number[]; padding: PaddingSpec; dilation: number[]; groups: number } {
    return { stride: this.stride, padding: this.modePad === null ? this.padding : 0, dilation: this.dilation, groups: this.groups };
  }

  /** The options of the transposed convolution; an output size replaces the output padding, as Paddle's. */
  protected transposeOptions(outputSize: number | readonly number[] | null | undefined): Omit<Conv2dTransposeOptions, 'dataFormat' | 'bias'> {
    return {
      stride: this.stride,
      padding: this.padding,
      outputPadding: outputSize === undefined || outputSize === null ? this.outputPadding : 0,
      dilation: this.dilation,
      groups: this.groups,
      outputSize: outputSize ?? null,
    };
  }

  /** Paddle's `extra_repr`. */
  override extraRepr(): string {
    let s = `${this.inChannels}, ${this.outChannels}, kernel_size=${pyList(this.kernelSize)}`;
    if (this.stride.some((v) => v !== 1)) s += `, stride=${pyList(this.stride)}`;
    if (this.padding !== 0) s += `, padding=${typeof this.padding === 'string' ? this.padding : JSON.stringify(this.padding).replace(/,/g, ', ')}`;
    if (this.paddingMode !== 'zeros') s += `, padding_mode=${this.paddingMode}`;
    if (this.outputPadding !== 0) s += `, output_padding=${JSON.stringify(this.outputPadding).replace(/,/g, ', ')}`;
    if (this.dilation.some((v) => v !== 1)) s += `, dilation=${pyList(this.dilation)}`;
    if (this.groups !== 1) s += `, groups=${this.groups}`;
    return `${s}, data_format=${this.dataFormat}`;
  }
}

/**
 * `paddle.nn.Conv2D(in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1,
 * groups=1, padding_mode='zeros', weight_attr=None, bias_attr=None, data_format='NCHW')`:
 * `new Conv2D(inChannels, outChannels, kernelSize, { stride, padding, dilation, groups,
 * paddingMode, weightAttr, biasAttr, dataFormat })`.
 */
export class Conv2D extends ConvNd {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'Conv2D';

  /**
   * Creates the layer and its parameters.
   * @param inChannels - The input channels C, a positive integer (Paddle's `in_channels`).
   * @param outChannels - The output channels O, a positive integer (Paddle's `out_channels`).
   * @param kernelSize - The kernel size, a number or `[kh, kw]` (Paddle's `kernel_size`).
   * @param options - {@link ConvLayerOptions}: `stride` (default 1), `padding` (default 0), `dilation` (default 1), `groups` (default 1), `paddingMode` (Paddle's `padding_mode`, default `'zeros'`), `weightAttr`, `biasAttr` (`false`: no bias), `dataFormat` (`'NCHW'` default or `'NHWC'`).
   * @throws {@link errors.TypeError} when a channel count or `groups` is not an integer, `padding` is not an integer with a non-'zeros' `paddingMode`, an attr is invalid, or an option is unknown; {@link errors.ValueError} when a size is not positive, the channels are not divisible by `groups`, `paddingMode` is unknown, or `dataFormat` is unknown; {@link errors.AssertionError} when `weightAttr` is `false`.
   */
  constructor(inChannels: number, outChannels: number, kernelSize: number | readonly number[], options?: ConvLayerOptions<'NCHW' | 'NHWC'>) {
    super('Conv2D', 2, false, inChannels, outChannels, kernelSize, checkOptions('Conv2D', options, CONV_KEYS) ?? {});
  }

  /**
   * Convolves `x` with `F.conv2d` (after padding it by `paddingMode` when that is not `'zeros'`) (Paddle: `Conv2D.forward`).
   * @param x - The float input `[N, C, H, W]` (or `[N, H, W, C]` for NHWC) of the layer's dtype, C = `inChannels`.
   * @returns A new Tensor `[N, O, OH, OW]` (or NHWC), O = `outChannels`.
   * @throws {@link errors.TypeError} when `x` is not a float Tensor or its dtype differs from the weight's; {@link errors.ValueError} when x's rank or channel count does not fit the layer, or the output would be empty.
   */
  override forward(x: Tensor): Tensor {
    return conv2d(this.padded(x), this.weight, this.bias, { ...this.convOptions(), dataFormat: this.dataFormat as 'NCHW' | 'NHWC' });
  }
}

/**
 * `paddle.nn.Conv1D(in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1,
 * groups=1, padding_mode='zeros', weight_attr=None, bias_attr=None, data_format='NCL')`.
 */
export class Conv1D extends ConvNd {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'Conv1D';

  /**
   * Creates the layer and its parameters.
   * @param inChannels - The input channels C, a positive integer (Paddle's `in_channels`).
   * @param outChannels - The output channels O, a positive integer (Paddle's `out_channels`).
   * @param kernelSize - The kernel length, a number or `[k]` (Paddle's `kernel_size`).
   * @param options - {@link ConvLayerOptions}: `stride` (default 1), `padding` (default 0), `dilation` (default 1), `groups` (default 1), `paddingMode` (Paddle's `padding_mode`, default `'zeros'`), `weightAttr`, `biasAttr` (`false`: no bias), `dataFormat` (`'NCL'` default or `'NLC'`).
   * @throws {@link errors.TypeError} when a channel count or `groups` is not an integer, `padding` is not an integer with a non-'zeros' `paddingMode`, an attr is invalid, or an option is unknown; {@link errors.ValueError} when a size is not positive, the channels are not divisible by `groups`, `paddingMode` is unknown, or `dataFormat` is unknown; {@link errors.AssertionError} when `weightAttr` is `false`.
   */
  constructor(inChannels: number, outChannels: number, kernelSize: number | readonly number[], options?: ConvLayerOptions<'NCL' | 'NLC'>) {
    super('Conv1D', 1, false, inChannels, outChannels, kernelSize, checkOptions('Conv1D', options, CONV_KEYS) ?? {});
  }

  /**
   * Convolves `x` with `F.conv1d` (after padding it by `paddingMode` when that is not `'zeros'`) (Paddle: `Conv1D.forward`).
   * @param x - The float input `[N, C, L]` (or `[N, L, C]` for NLC) of the layer's dtype, C = `inChannels`.
   * @returns A new Tensor `[N, O, OL]` (or NLC), O = `outChannels`.
   * @throws {@link errors.TypeError} when `x` is not a float Tensor or its dtype differs from the weight's; {@link errors.ValueError} when x's rank or channel count does not fit the layer, or the output would be empty.
   */
  override forward(x: Tensor): Tensor {
    return conv1d(this.padded(x), this.weight, this.bias, { ...this.convOptions(), dataFormat: this.dataFormat as 'NCL' | 'NLC' });
  }
}

/**
 * `paddle.nn.Conv2DTranspose(in_channels, out_channels, kernel_size, stride=1, padding=0,
 * output_padding=0, dilation=1, groups=1, weight_attr=None, bias_attr=None, data_format='NCHW')`;
 * `forward(x, outputSize?)` (with an output size the layer's output padding is not used, as Paddle).
 */
export class Conv2DTranspose extends ConvNd {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'Conv2DTranspose';

  /**
   * Creates the layer and its parameters.
   * @param inChannels - The input channels C, a positive integer (Paddle's `in_channels`).
   * @param outChannels - The output channels O, a positive integer (Paddle's `out_channels`).
   * @param kernelSize - The kernel size, a number or `[kh, kw]` (Paddle's `kernel_size`).
   * @param options - {@link ConvTransposeLayerOptions}: `stride`, `padding`, `outputPadding` (Paddle's `output_padding`), `dilation`, `groups`, `weightAttr`, `biasAttr` (`false`: no bias), `dataFormat` (`'NCHW'` default or `'NHWC'`).
   * @throws {@link errors.TypeError} when a channel count or `groups` is not an integer, an attr is invalid, or an option is unknown; {@link errors.ValueError} when a size is not positive, the channels are not divisible by `groups`, or `dataFormat` is unknown; {@link errors.AssertionError} when `weightAttr` is `false`.
   */
  constructor(inChannels: number, outChannels: number, kernelSize: number | readonly number[], options?: ConvTransposeLayerOptions<'NCHW' | 'NHWC'>) {
    super('Conv2DTranspose', 2, true, inChannels, outChannels, kernelSize, checkOptions('Conv2DTranspose', options, TRANSPOSE_KEYS) ?? {});
  }

  /**
   * Applies the transposed convolution `F.conv2d_transpose` (Paddle: `Conv2DTranspose.forward(x, output_size=None)`).
   * @param x - The float input `[N, C, H, W]` (or NHWC) of the layer's dtype, C = `inChannels`.
   * @param outputSize - The output's spatial size, a number or `[OH, OW]` (Paddle's `output_size`; given, it replaces the layer's `outputPadding`); omitted/`null`: computed from the input.
   * @returns A new Tensor `[N, O, OH, OW]` (or NHWC), O = `outChannels`.
   * @throws {@link errors.TypeError} when `x` is not a float Tensor or its dtype differs from the weight's; {@link errors.ValueError} when x's rank or channel count does not fit the layer, `outputSize` is out of range for the stride, or the output would be empty.
   */
  override forward(x: Tensor, outputSize?: number | readonly number[] | null): Tensor {
    return conv2dTranspose(x, this.weight, this.bias, { ...this.transposeOptions(outputSize), dataFormat: this.dataFormat as 'NCHW' | 'NHWC' });
  }
}

/**
 * `paddle.nn.Conv1DTranspose(in_channels, out_channels, kernel_size, stride=1, padding=0,
 * output_padding=0, groups=1, dilation=1, weight_attr=None, bias_attr=None, data_format='NCL')`.
 */
export class Conv1DTranspose extends ConvNd {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'Conv1DTranspose';

  /**
   * Creates the layer and its parameters.
   * @param inChannels - The input channels C, a positive integer (Paddle's `in_channels`).
   * @param outChannels - The output channels O, a positive integer (Paddle's `out_channels`).
   * @param kernelSize - The kernel length, a number or `[k]` (Paddle's `kernel_size`).
   * @param options - {@link ConvTransposeLayerOptions}: `stride`, `padding`, `outputPadding` (Paddle's `output_padding`), `dilation`, `groups`, `weightAttr`, `biasAttr` (`false`: no bias), `dataFormat` (`'NCL'` default or `'NLC'`).
   * @throws {@link errors.TypeError} when a channel count or `groups` is not an integer, an attr is invalid, or an option is unknown; {@link errors.ValueError} when a size is not positive, the channels are not divisible by `groups`, or `dataFormat` is unknown; {@link errors.AssertionError} when `weightAttr` is `false`.
   */
  constructor(inChannels: number, outChannels: number, kernelSize: number | readonly number[], options?: ConvTransposeLayerOptions<'NCL' | 'NLC'>) {
    super('Conv1DTranspose', 1, true, inChannels, outChannels, kernelSize, checkOptions('Conv1DTranspose', options, TRANSPOSE_KEYS) ?? {});
  }

  /**
   * Applies the transposed convolution `F.conv1d_transpose` (Paddle: `Conv1DTranspose.forward(x, output_size=None)`).
   * @param x - The float input `[N, C, L]` (or NLC) of the layer's dtype, C = `inChannels`.
   * @param outputSize - The output length, a number or `[OL]` (Paddle's `output_size`; given, it replaces the layer's `outputPadding`); omitted/`null`: computed from the input.
   * @returns A new Tensor `[N, O, OL]` (or NLC), O = `outChannels`.
   * @throws {@link errors.TypeError} when `x` is not a float Tensor or its dtype differs from the weight's; {@link errors.ValueError} when x's rank or channel count does not fit the layer, `outputSize` is out of range for the stride, or the output would be empty.
   */
  override forward(x: Tensor, outputSize?: number | readonly number[] | null): Tensor {
    return conv1dTranspose(x, this.weight, this.bias, { ...this.transposeOptions(outputSize), dataFormat: this.dataFormat as 'NCL' | 'NLC' });
  }
}

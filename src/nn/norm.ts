/**
 * Normalization layers: `paddle.nn.BatchNorm1D`, `BatchNorm2D`, `BatchNorm3D`, the older
 * `BatchNorm`, `LayerNorm` and `GroupNorm` (the kernels are in `functional/norm.ts`).
 *
 * Parameters and state-dict keys are Paddle's: `weight` (Constant 1) and `bias` (Constant 0), and
 * for batch norm the running statistics `_mean` (Constant 0) and `_variance` (Constant 1). As in
 * Paddle these two are *parameters* created with `ParamAttr(trainable=False)` (so they appear in
 * `parameters()`, with `stopGradient` true, and an optimizer skips them), named
 * `<layer>.w_1` / `.w_2`, or `<name>_mean` / `<name>_variance` when the layer is given a `name`.
 * The layer's `training` flag (`train()` / `eval()`) picks batch or running statistics.
 */
import { TypeError as PaddleTypeError, ValueError } from '../errors.js';
import { checkOptions, describe } from '../options.js';
import { getDefaultDType } from '../tensor/creation.js';
import type { Parameter } from '../tensor/parameter.js';
import { Tensor } from '../tensor/tensor.js';
import { numelOf } from '../tensor/shape.js';
import { positiveInt, preflightAttrs } from './common.js';
import { relu, sigmoid, tanh } from '../ops/elementwise.js';
import { gelu } from './functional/activation.js';
import { elu, leakyRelu, silu, softplus } from './functional/activation-extra.js';
import {
  batchNormOp,
  checkGroups,
  groupNorm,
  groupNormChannelsLast,
  layerNorm,
  normalizedShapeList,
  type NormDataFormat,
} from './functional/norm.js';
import { Constant } from './initializer/constant.js';
import { Layer } from './layer.js';
import { ParamAttr, type ParamAttrLike } from './param-attr.js';

/** Python's repr of a float the way Paddle's extra_repr prints it (`1e-05`, `0.9`). */
function pyNum(x: number): string {
  if (x !== 0 && Math.abs(x) < 1e-4) {
    const [m = '', e = '0'] = x.toExponential().split('e');
    const n = Number(e);
    return `${m}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  return String(x);
}

function numberOption(where: string, argName: string, value: unknown, fallback: number): number {
  const v = value ?? fallback;
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new PaddleTypeError(`${where}: '${argName}' must be a finite number, but received ${describe(v)}.`);
  }
  return v;
}

/** The learning-rate-0 rule of Paddle's GroupNorm: such a weight/bias gets `stop_gradient`. */
function frozenByLr(attr: ParamAttrLike): boolean {
  return attr instanceof ParamAttr && attr.learningRate === 0;
}

// -----------------------------------------------------------------------------------------------
// Batch normalization

/** Options of `BatchNorm1D` / `BatchNorm2D` / `BatchNorm3D` (Paddle's keyword arguments). */
export interface BatchNormLayerOptions {
  /** running = momentum·running + (1 − momentum)·batch (default 0.9). */
  momentum?: number;
  /** Added to the variance for stability (Paddle's `epsilon`; default 1e-5). */
  epsilon?: number;
  /** ParamAttr of `weight`; false: no weight (scale 1). */
  weightAttr?: ParamAttrLike;
  /** ParamAttr of `bias`; false: no bias. */
  biasAttr?: ParamAttrLike;
  /**
   * The layout of the input: channels first (`'NCL'`, `'NCHW'`, `'NCDHW'`, default) or last
   * (Paddle's `data_format`).
   */
  dataFormat?: NormDataFormat;
  /** true: always the running statistics; false: always the batch's; null (default): by `training`. */
  useGlobalStats?: boolean | null;
  /** Names the running statistics `<name>_mean` / `<name>_variance`. */
  name?: string | null;
}

const BN_KEYS = ['momentum', 'epsilon', 'weightAttr', 'biasAttr', 'dataFormat', 'useGlobalStats', 'name'] as const;

/** What every batch norm layer holds: weight, bias, and the running `_mean` / `_variance`. */
abstract class BatchNormLayerBase extends Layer {
  /** The scale Parameter γ, or null when not learned (Paddle's `weight`). */
  readonly weight: Parameter | null;
  /** The shift Parameter β, or null when not learned (Paddle's `bias`). */
  readonly bias: Parameter | null;
  /** The running mean, a buffer (Paddle's `_mean`). */
  readonly _mean: Parameter;
  /** The running variance, a buffer (Paddle's `_variance`). */
  readonly _variance: Parameter;
  /** The `numFeatures` this layer was built with (Paddle's `num_features`). */
  readonly numFeatures: number;
  /** The weight of the running statistics in their update (Paddle's `momentum`). */
  momentum: number;
  /** Added to the variance for stability (Paddle's `epsilon`). */
  epsilon: number;
  /** The `name` the layer was built with (Paddle's `name`), or null. */
  readonly name: string | null;

  protected constructor(
    where: string,
    numChannels: number,
    momentum: number,
    epsilon: number,
    attrs: { weight: ParamAttrLike; bias: ParamAttrLike; mean: string | null; variance: string | null },
    name: string | null,
    dtype: string,
  ) {
    const c = positiveInt(where, 'num_features', numChannels);
    if (c <= 0) throw new ValueError(`${where}: 'num_features' must be positive, but received ${c}.`);
    const weightAttr = attrs.weight;
    const biasAttr = attrs.bias;
    const meanAttr = new ParamAttr({ name: attrs.mean, initializer: new Constant(0), trainable: false });
    const varAttr = new ParamAttr({ name: attrs.variance, initializer: new Constant(1), trainable: false });
    preflightAttrs([weightAttr, biasAttr, meanAttr, varAttr]);
    super();
    this._dtype = dtype === 'float64' ? 'float64' : 'float32';
    this.numFeatures = c;
    this.momentum = momentum;
    this.epsilon = epsilon;
    this.name = name;
    const one = new Constant(1);
    this.weight = this.addParameter('weight', weightAttr === false ? null : this.createParameter([c], { attr: weightAttr, defaultInitializer: one }));
    this.bias = this.addParameter('bias', biasAttr === false ? null : this.createParameter([c], { attr: biasAttr, isBias: true }));
    this._mean = this.addParameter('_mean', this.createParameter([c], { attr: meanAttr }));
    this._variance = this.addParameter('_variance', this.createParameter([c], { attr: varAttr }));
  }
}

/**
 * Paddle's `_BatchNormBase(num_features, momentum=0.9, epsilon=1e-05, weight_attr=None,
 * bias_attr=None, data_format='NCHW', use_global_stats=None, name=None)`, the base of
 * BatchNorm1D/2D/3D. `forward` calls `F.batch_norm` with `training: this.training`.
 */
abstract class BatchNormND extends BatchNormLayerBase {
  /** The `dataFormat` this layer was built with (Paddle's `data_format`). */
  readonly dataFormat: NormDataFormat;
  /** The `useGlobalStats` this layer was built with (Paddle's `use_global_stats`). */
  readonly useGlobalStats: boolean | null;
  private readonly channelsLast: boolean;

  protected constructor(where: string, numFeatures: number, options: BatchNormLayerOptions | undefined, defaultFormat: NormDataFormat) {
    const o = checkOptions(where, options, BN_KEYS);
    const fmt = o.dataFormat ?? defaultFormat;
    const channelsLast = new.target.checkFormat(fmt);
    const ugs = o.useGlobalStats ?? null;
    if (ugs !== null && typeof ugs !== 'boolean') {
      throw new PaddleTypeError(`${where}: 'use_global_stats' must be a boolean or None, but received ${describe(ugs)}.`);
    }
    const momentum = numberOption(where, 'momentum', o.momentum, 0.9);
    const epsilon = numberOption(where, 'epsilon', o.epsilon, 1e-5);
    const name = o.name ?? null;
    const attrs = { weight: o.weightAttr, bias: o.biasAttr, mean: name === null ? null : `${name}_mean`, variance: name === null ? null : `${name}_variance` };
    super(where, numFeatures, momentum, epsilon, attrs, name, getDefaultDType());
    this.dataFormat = fmt;
    this.useGlobalStats = ugs;
    this.channelsLast = channelsLast;
  }

  /**
   * Paddle's `_check_data_format`: returns whether the channels are last (ValueError otherwise).
   * @param fmt - The data format to check.
   * @returns `true` for a channels-last format, `false` for channels first.
   * @throws {@link errors.ValueError} when `fmt` is not a format of this layer (in the subclasses).
   */
  static checkFormat(fmt: unknown): boolean {
    void fmt;
    return false;
  }

  /** Paddle's `_check_input_dim` (ValueError with Paddle's message). */
  protected abstract checkInputDim(input: Tensor): void;

  /**
   * Normalizes `input` per channel with `F.batch_norm`: in training mode with the batch statistics (updating the running mean and variance by `momentum`), in eval mode (or with `useGlobalStats`) with the running ones (Paddle: `BatchNorm1D/2D/3D.forward`).
   * @param input - A float Tensor of the layer's dtype with `numFeatures` channels: `[N, C]`/`[N, C, L]` for BatchNorm1D, 4-D for BatchNorm2D, 5-D for BatchNorm3D (channels last with an NLC/NHWC/NDHWC data format).
   * @returns A new Tensor of input's shape and dtype.
   * @throws {@link errors.ValueError} when input's rank does not fit the layer or its channel count is not `numFeatures`; {@link errors.TypeError} when `input` is not a float Tensor of the layer's dtype.
   */
  override forward(input: Tensor): Tensor {
    if (input instanceof Tensor) this.checkInputDim(input);
    const ugs = this.useGlobalStats;
    return batchNormOp(this.constructor.name, input, this._mean, this._variance, this.weight, this.bias, {
      isTest: !this.training,
      momentum: Math.fround(this.momentum),
      epsilon: Math.fround(this.epsilon),
      channelsLast: this.channelsLast,
      useGlobalStats: ugs ?? !this.training,
      trainableStatistics: ugs === null ? false : !ugs,
    });
  }

  override extraRepr(): string {
    let s = `num_features=${this.numFeatures}, momentum=${pyNum(this.momentum)}, epsilon=${pyNum(this.epsilon)}`;
    if (this.dataFormat !== 'NCHW') s += `, data_format=${this.dataFormat}`;
    if (this.name !== null) s += `, name=${this.name}`;
    return s;
  }
}

/**
 * `paddle.nn.BatchNorm1D(num_features, momentum=0.9, epsilon=1e-05, weight_attr=None,
 * bias_attr=None, data_format='NCL', use_global_stats=None, name=None)`: `new
 * BatchNorm1D(numFeatures, { momentum, epsilon, weightAttr, biasAttr, dataFormat, useGlobalStats,
 * name })` over `[N, C]` or `[N, C, L]` (`'NC'`/`'NCL'`) or `[N, L, C]` (`'NLC'`).
 */
export class BatchNorm1D extends BatchNormND {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'BatchNorm1D';

  /**
   * Creates the layer, its parameters and running statistics.
   * @param numFeatures - The channels C, a positive integer (Paddle's `num_features`).
   * @param options - {@link BatchNormLayerOptions}: `momentum` (default 0.9), `epsilon` (default 1e-5), `weightAttr`, `biasAttr` (`false`: none), `dataFormat` (`'NCL'` default, `'NC'` or `'NLC'`), `useGlobalStats` (Paddle's `use_global_stats`), `name`.
   * @throws {@link errors.TypeError} when `numFeatures` is not an integer, `momentum`/`epsilon` is not a finite number, `useGlobalStats` is not a boolean or null, an attr is invalid, or an option is unknown; {@link errors.ValueError} when `numFeatures` is not positive, `dataFormat` is not one this layer takes, or a parameter name is already used.
   */
  constructor(numFeatures: number, options?: BatchNormLayerOptions) {
    super('BatchNorm1D', numFeatures, options, 'NCL');
  }
  /**
   * Checks a data format of BatchNorm1D (Paddle's `_check_data_format`).
   * @param fmt - The data format: `'NC'`, `'NCL'` (or `'NCHW'`) or `'NLC'` (or `'NHWC'`).
   * @returns Whether the channels are last (`'NLC'`/`'NHWC'`).
   * @throws {@link errors.ValueError} when `fmt` is another value.
   */
  static override checkFormat(fmt: unknown): boolean {
    if (fmt === 'NCHW' || fmt === 'NC' || fmt === 'NCL') return false;
    if (fmt === 'NHWC' || fmt === 'NLC') return true;
    throw new ValueError('expected NC , NCL, NLC or None for data_format input');
  }
  protected checkInputDim(input: Tensor): void {
    if (input.ndim !== 2 && input.ndim !== 3) throw new ValueError(`expected 2D or 3D input (got ${input.ndim}D input)`);
  }
}

/**
 * `paddle.nn.BatchNorm2D(num_features, momentum=0.9, epsilon=1e-05, weight_attr=None,
 * bias_attr=None, data_format='NCHW', use_global_stats=None, name=None)` over `[N, C, H, W]`
 * (`'NCHW'`) or `[N, H, W, C]` (`'NHWC'`).
 */
export class BatchNorm2D extends BatchNormND {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'BatchNorm2D';

  /**
   * Creates the layer, its parameters and running statistics.
   * @param numFeatures - The channels C, a positive integer (Paddle's `num_features`).
   * @param options - {@link BatchNormLayerOptions}: `momentum` (default 0.9), `epsilon` (default 1e-5), `weightAttr`, `biasAttr` (`false`: none), `dataFormat` (`'NCHW'` default or `'NHWC'`), `useGlobalStats` (Paddle's `use_global_stats`), `name`.
   * @throws {@link errors.TypeError} when `numFeatures` is not an integer, `momentum`/`epsilon` is not a finite number, `useGlobalStats` is not a boolean or null, an attr is invalid, or an option is unknown; {@link errors.ValueError} when `numFeatures` is not positive, `dataFormat` is not one this layer takes, or a parameter name is already used.
   */
  constructor(numFeatures: number, options?: BatchNormLayerOptions) {
    super('BatchNorm2D', numFeatures, options, 'NCHW');
  }
  /**
   * Checks a data format of BatchNorm2D (Paddle's `_check_data_format`).
   * @param fmt - The data format: `'NCHW'` or `'NHWC'`.
   * @returns Whether the channels are last (`'NHWC'`).
   * @throws {@link errors.ValueError} when `fmt` is another value.
   */
  static override checkFormat(fmt: unknown): boolean {
    if (fmt === 'NCHW') return false;
    if (fmt === 'NHWC') return true;
    throw new ValueError('expected NCHW or NHWC for data_format input');
  }
  protected checkInputDim(input: Tensor): void {
    if (input.ndim !== 4) throw new ValueError(`expected 4D input (got ${input.ndim}D input)`);
  }
}

/**
 * `paddle.nn.BatchNorm3D(num_features, momentum=0.9, epsilon=1e-05, weight_attr=None,
 * bias_attr=None, data_format='NCDHW', use_global_stats=None, name=None)` over 5-D input.
 */
export class BatchNorm3D extends BatchNormND {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'BatchNorm3D';

  /**
   * Creates the layer, its parameters and running statistics.
   * @param numFeatures - The channels C, a positive integer (Paddle's `num_features`).
   * @param options - {@link BatchNormLayerOptions}: `momentum` (default 0.9), `epsilon` (default 1e-5), `weightAttr`, `biasAttr` (`false`: none), `dataFormat` (`'NCDHW'` default or `'NDHWC'`), `useGlobalStats` (Paddle's `use_global_stats`), `name`.
   * @throws {@link errors.TypeError} when `numFeatures` is not an integer, `momentum`/`epsilon` is not a finite number, `useGlobalStats` is not a boolean or null, an attr is invalid, or an option is unknown; {@link errors.ValueError} when `numFeatures` is not positive, `dataFormat` is not one this layer takes, or a parameter name is already used.
   */
  constructor(numFeatures: number, options?: BatchNormLayerOptions) {
    super('BatchNorm3D', numFeatures, options, 'NCDHW');
  }
  /**
   * Checks a data format of BatchNorm3D (Paddle's `_check_data_format`).
   * @param fmt - The data format: `'NCDHW'` or `'NDHWC'`.
   * @returns Whether the channels are last (`'NDHWC'`).
   * @throws {@link errors.ValueError} when `fmt` is another value.
   */
  static override checkFormat(fmt: unknown): boolean {
    if (fmt === 'NCDHW') return false;
    if (fmt === 'NDHWC') return true;
    throw new ValueError('expected NCDHW, NDHWC or None for data_format input');
  }
  protected checkInputDim(input: Tensor): void {
    if (input.ndim !== 5) throw new ValueError(`expected 5D input (got ${input.ndim}D input)`);
  }
}

/** Options of the older `BatchNorm` layer. */
export interface BatchNormOlderOptions {
  /** An activation applied to the output: 'relu', 'sigmoid', 'tanh', 'leaky_relu', 'elu', 'silu', 'softplus', 'gelu' or null. */
  act?: string | null;
  /** Starts the layer in eval mode (`training = !isTest`). */
  isTest?: boolean;
  /** The weight of the running statistics in their update (Paddle's `momentum`; default 0.9). */
  momentum?: number;
  /** Added to the variance for stability (Paddle's `epsilon`; default 1e-5). */
  epsilon?: number;
  /** The scale's ParamAttr (Paddle's `param_attr`). */
  paramAttr?: ParamAttrLike;
  /** The bias's {@link ParamAttr} (or its name); `false` builds no bias. Paddle's `bias_attr`. */
  biasAttr?: ParamAttrLike;
  /** The dtype of the result (Paddle's `dtype`). */
  dtype?: 'float32' | 'float64';
  /** The input layout, `'NCHW'` (default) or `'NHWC'` (Paddle's `data_layout`). */
  dataLayout?: 'NCHW' | 'NHWC';
  /** Paddle's `in_place`; accepted, results are always new tensors. */
  inPlace?: boolean;
  /** The name of the running-mean buffer (Paddle's `moving_mean_name`). */
  movingMeanName?: string | null;
  /** The name of the running-variance buffer (Paddle's `moving_variance_name`). */
  movingVarianceName?: string | null;
  /** Paddle's `do_model_average_for_mean_and_var`; accepted, unused. */
  doModelAverageForMeanAndVar?: boolean;
  /** Normalize with the running statistics also in training (Paddle's `use_global_stats`). */
  useGlobalStats?: boolean;
  /** Normalize with the batch statistics also in eval mode (Paddle's `trainable_statistics`). */
  trainableStatistics?: boolean;
}

const ACTS: Record<string, (x: Tensor) => Tensor> = { relu, sigmoid, tanh, leaky_relu: leakyRelu, elu, silu, softplus, gelu };

/**
 * The older `paddle.nn.BatchNorm(num_channels, act=None, is_test=False, momentum=0.9,
 * epsilon=1e-05, param_attr=None, bias_attr=None, dtype='float32', data_layout='NCHW',
 * in_place=False, moving_mean_name=None, moving_variance_name=None,
 * do_model_average_for_mean_and_var=True, use_global_stats=False, trainable_statistics=False)`:
 * the same op with Paddle's raw flags (`is_test = !training`). `inPlace` has no effect (Paddle's
 * dygraph ignores it too).
 */
export class BatchNorm extends BatchNormLayerBase {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'BatchNorm';

  /** The `act` this layer was built with (Paddle's `act`). */
  readonly act: string | null;
  /** The `dataLayout` this layer was built with (Paddle's `data_layout`). */
  readonly dataLayout: 'NCHW' | 'NHWC';
  /** The `useGlobalStats` this layer was built with (Paddle's `use_global_stats`). */
  readonly useGlobalStats: boolean;
  /** The `trainableStatistics` this layer was built with (Paddle's `trainable_statistics`). */
  readonly trainableStatistics: boolean;

  /**
   * Creates the layer, its parameters and running statistics.
   * @param numChannels - The channels C, a positive integer (Paddle's `num_channels`).
   * @param options - {@link BatchNormOlderOptions}: `act`, `isTest`, `momentum`, `epsilon`, `paramAttr`, `biasAttr`, `dtype`, `dataLayout`, `inPlace`, `movingMeanName`, `movingVarianceName`, `doModelAverageForMeanAndVar`, `useGlobalStats`, `trainableStatistics` (Paddle's snake_case names).
   * @throws {@link errors.TypeError} when `numChannels` is not an integer, `dtype` is not float32/float64, a flag is not a boolean, `momentum`/`epsilon` is not a finite number, an attr is invalid, or an option is unknown; {@link errors.ValueError} when `numChannels` is not positive, `act` or `dataLayout` is unknown, or a parameter name is already used.
   */
  constructor(numChannels: number, options?: BatchNormOlderOptions) {
    const o = checkOptions('BatchNorm', options, [
      'act', 'isTest', 'momentum', 'epsilon', 'paramAttr', 'biasAttr', 'dtype', 'dataLayout', 'inPlace',
      'movingMeanName', 'movingVarianceName', 'doModelAverageForMeanAndVar', 'useGlobalStats', 'trainableStatistics',
    ]);
    const act = o.act ?? null;
    if (act !== null && !(act in ACTS)) {
      throw new ValueError(`BatchNorm: 'act' must be one of ${Object.keys(ACTS).join(', ')} or None, but received ${describe(act)}.`);
    }
    const layout = o.dataLayout ?? 'NCHW';
    if (layout !== 'NCHW' && layout !== 'NHWC') throw new ValueError(`BatchNorm: 'data_layout' must be 'NCHW' or 'NHWC', but received ${describe(layout)}.`);
    const dtype = o.dtype ?? 'float32';
    if (dtype !== 'float32' && dtype !== 'float64') throw new PaddleTypeError(`BatchNorm: 'dtype' must be 'float32' or 'float64', but received ${describe(dtype)}.`);
    const flags = ['isTest', 'useGlobalStats', 'trainableStatistics', 'inPlace', 'doModelAverageForMeanAndVar'] as const;
    for (const k of flags) {
      if (o[k] !== undefined && typeof o[k] !== 'boolean') throw new PaddleTypeError(`BatchNorm: '${k}' must be a boolean, but received ${describe(o[k])}.`);
    }
    const momentum = numberOption('BatchNorm', 'momentum', o.momentum, 0.9);
    const epsilon = numberOption('BatchNorm', 'epsilon', o.epsilon, 1e-5);
    const attrs = { weight: o.paramAttr, bias: o.biasAttr, mean: o.movingMeanName ?? null, variance: o.movingVarianceName ?? null };
    super('BatchNorm', numChannels, momentum, epsilon, attrs, null, dtype);
    this.act = act;
    this.dataLayout = layout;
    this.useGlobalStats = o.useGlobalStats ?? false;
    this.trainableStatistics = o.trainableStatistics ?? false;
    this.training = !(o.isTest ?? false);
  }

  /**
   * Normalizes `input` per channel as the BatchNorm1D/2D/3D layers do, then applies `act` if one was given (Paddle: the older `BatchNorm.forward`).
   * @param input - A float Tensor of the layer's dtype, 2-D to 5-D, with `numChannels` channels at axis 1 (or last with `dataLayout: 'NHWC'`).
   * @returns A new Tensor of input's shape and dtype.
   * @throws {@link errors.TypeError} when `input` is not a float Tensor of the layer's dtype; {@link errors.ValueError} when `input` has fewer than 2 or more than 5 dimensions, or its channel count is not `numChannels`.
   */
  override forward(input: Tensor): Tensor {
    const y = batchNormOp('BatchNorm', input, this._mean, this._variance, this.weight, this.bias, {
      isTest: !this.training,
      momentum: Math.fround(this.momentum),
      epsilon: Math.fround(this.epsilon),
      channelsLast: this.dataLayout === 'NHWC',
      useGlobalStats: this.useGlobalStats,
      trainableStatistics: this.trainableStatistics,
    });
    return this.act === null ? y : (ACTS[this.act] as (x: Tensor) => Tensor)(y);
  }
}

// -----------------------------------------------------------------------------------------------
// LayerNorm

/** Options of `LayerNorm`. */
export interface LayerNormLayerOptions {
  /** Added to the variance for stability (Paddle's `epsilon`; default 1e-5). */
  epsilon?: number;
  /** ParamAttr of `weight` (shape [numel(normalized_shape)], Constant 1); false: none. */
  weightAttr?: ParamAttrLike;
  /** ParamAttr of `bias` (Constant 0); false: none. */
  biasAttr?: ParamAttrLike;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

/**
 * `paddle.nn.LayerNorm(normalized_shape, epsilon=1e-05, weight_attr=None, bias_attr=None,
 * name=None)`: `new LayerNorm(normalizedShape, { epsilon, weightAttr, biasAttr, name })`.
 * `weight` and `bias` are 1-D of size numel(normalized_shape), as in Paddle (not of the shape
 * itself); `false` leaves them out.
 */
export class LayerNorm extends Layer {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'LayerNorm';

  /** The scale Parameter γ, or null when not learned (Paddle's `weight`). */
  readonly weight: Parameter | null;
  /** The shift Parameter β, or null when not learned (Paddle's `bias`). */
  readonly bias: Parameter | null;
  /** The `normalizedShape` this LayerNorm was built with (Paddle's `normalized_shape`). */
  readonly normalizedShape: number[];
  /** The `epsilon` this LayerNorm was built with (Paddle's `epsilon`). */
  readonly epsilon: number;
  /** The `name` the LayerNorm was built with (Paddle's `name`), or null. */
  readonly name: string | null;

  /**
   * Creates the layer and its parameters.
   * @param normalizedShape - The trailing dims to normalize over, an integer or a list of positive integers (Paddle's `normalized_shape`).
   * @param options - {@link LayerNormLayerOptions}: `epsilon` (default 1e-5), `weightAttr`, `biasAttr` (`false`: none), `name`.
   * @throws {@link errors.TypeError} when `epsilon` is not a finite number, an attr is invalid, or an option is unknown; {@link errors.ValueError} when `normalizedShape` is not positive integers or a parameter name is already used.
   */
  constructor(normalizedShape: number | readonly number[], options?: LayerNormLayerOptions) {
    const o = checkOptions('LayerNorm', options, ['epsilon', 'weightAttr', 'biasAttr', 'name']);
    const ns = normalizedShapeList(normalizedShape);
    ns.forEach((d, i) => {
      if (!(d > 0)) throw new ValueError(`LayerNorm: normalized_shape[${i}] must be positive, but received ${d}.`);
    });
    const epsilon = numberOption('LayerNorm', 'epsilon', o.epsilon, 1e-5);
    preflightAttrs([o.weightAttr, o.biasAttr]);
    super();
    this._dtype = getDefaultDType();
    this.normalizedShape = ns;
    this.epsilon = epsilon;
    this.name = o.name ?? null;
    const m = numelOf(ns);
    this.weight = this.addParameter('weight', o.weightAttr === false ? null : this.createParameter([m], { attr: o.weightAttr, defaultInitializer: new Constant(1) }));
    this.bias = this.addParameter('bias', o.biasAttr === false ? null : this.createParameter([m], { attr: o.biasAttr, isBias: true }));
  }

  /**
   * Normalizes `input` over its trailing `normalizedShape` dims with `F.layer_norm`, then scales and shifts by `weight`/`bias` (Paddle: `LayerNorm.forward`).
   * @param input - A float Tensor of the layer's dtype whose trailing dims equal `normalizedShape`, with at least one leading dim.
   * @returns A new Tensor of input's shape and dtype.
   * @throws {@link errors.TypeError} when `input` is not a float Tensor of the layer's dtype; {@link errors.ValueError} when input's trailing dims do not match `normalizedShape` or leave no leading dim.
   */
  override forward(input: Tensor): Tensor {
    return layerNorm(input, this.normalizedShape, { weight: this.weight, bias: this.bias, epsilon: this.epsilon });
  }

  override extraRepr(): string {
    return `normalized_shape=[${this.normalizedShape.join(', ')}], epsilon=${pyNum(this.epsilon)}`;
  }
}

// -----------------------------------------------------------------------------------------------
// GroupNorm

/** Options of `GroupNorm`. */
export interface GroupNormLayerOptions {
  /** Added to the variance for stability (Paddle's `epsilon`; default 1e-5). */
  epsilon?: number;
  /** ParamAttr of `weight` ([num_channels], Constant 1); false: a constant 1 that is not trained. */
  weightAttr?: ParamAttrLike;
  /** ParamAttr of `bias` (Constant 0); false: a constant 0 that is not trained. */
  biasAttr?: ParamAttrLike;
  /**
   * The layout of the input: channels first (`'NCL'`, `'NCHW'`, `'NCDHW'`, default) or last
   * (Paddle's `data_format`).
   */
  dataFormat?: 'NCL' | 'NCHW' | 'NCDHW' | 'NLC' | 'NHWC' | 'NDHWC';
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

/**
 * `paddle.nn.GroupNorm(num_groups, num_channels, epsilon=1e-05, weight_attr=None, bias_attr=None,
 * data_format='NCHW', name=None)`: `new GroupNorm(numGroups, numChannels, { epsilon, weightAttr,
 * biasAttr, dataFormat, name })`. As in Paddle (3.x), `weightAttr: false` / `biasAttr: false` still
 * create the parameter (Constant 1 / 0) with `stopGradient` set, and a ParamAttr with learning
 * rate 0 freezes it the same way.
 */
export class GroupNorm extends Layer {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'GroupNorm';

  /** The scale Parameter γ (Paddle's `weight`). */
  readonly weight: Parameter;
  /** The shift Parameter β (Paddle's `bias`). */
  readonly bias: Parameter;
  /** The `numGroups` this GroupNorm was built with (Paddle's `num_groups`). */
  readonly numGroups: number;
  /** The `numChannels` this GroupNorm was built with (Paddle's `num_channels`). */
  readonly numChannels: number;
  /** The `epsilon` this GroupNorm was built with (Paddle's `epsilon`). */
  readonly epsilon: number;
  /** The `dataFormat` this GroupNorm was built with (Paddle's `data_format`). */
  readonly dataFormat: 'NCL' | 'NCHW' | 'NCDHW' | 'NLC' | 'NHWC' | 'NDHWC';
  /** The `name` the GroupNorm was built with (Paddle's `name`), or null. */
  readonly name: string | null;

  /**
   * Creates the layer and its parameters.
   * @param numGroups - The number of channel groups, dividing `numChannels` (Paddle's `num_groups`).
   * @param numChannels - The channels C (Paddle's `num_channels`).
   * @param options - {@link GroupNormLayerOptions}: `epsilon` (default 1e-5), `weightAttr`, `biasAttr` (`false`: none), `dataFormat` (default `'NCHW'`), `name`.
   * @throws {@link errors.TypeError} when a count is not an integer, `epsilon` is not a finite number, an attr is invalid, or an option is unknown; {@link errors.ValueError} when `dataFormat` is unknown, `numGroups` is not in [1, C] or does not divide C, or a parameter name is already used.
   */
  constructor(numGroups: number, numChannels: number, options?: GroupNormLayerOptions) {
    const o = checkOptions('GroupNorm', options, ['epsilon', 'weightAttr', 'biasAttr', 'dataFormat', 'name']);
    const g = positiveInt('GroupNorm', 'num_groups', numGroups);
    const c = positiveInt('GroupNorm', 'num_channels', numChannels);
    const fmt = o.dataFormat ?? 'NCHW';
    const channelsLast = groupNormChannelsLast(fmt);
    checkGroups(g, c, channelsLast ? 'NHWC' : 'NCHW');
    const epsilon = numberOption('GroupNorm', 'epsilon', o.epsilon, 1e-5);
    const wAttr = o.weightAttr === false ? null : o.weightAttr;
    const bAttr = o.biasAttr === false ? null : o.biasAttr;
    preflightAttrs([wAttr, bAttr]);
    super();
    this._dtype = getDefaultDType();
    this.numGroups = g;
    this.numChannels = c;
    this.epsilon = epsilon;
    this.dataFormat = fmt;
    this.name = o.name ?? null;
    this.weight = this.addParameter('weight', this.createParameter([c], { attr: wAttr, defaultInitializer: new Constant(1) }));
    this.bias = this.addParameter('bias', this.createParameter([c], { attr: bAttr, isBias: true }));
    if (o.weightAttr === false || frozenByLr(o.weightAttr)) this.weight.stopGradient = true;
    if (o.biasAttr === false || frozenByLr(o.biasAttr)) this.bias.stopGradient = true;
  }

  /**
   * Normalizes `input` over `numGroups` groups of channels with `F.group_norm`, then scales and shifts per channel (Paddle: `GroupNorm.forward`).
   * @param input - A float Tensor of the layer's dtype, at least 2-D, with `numChannels` channels at axis 1 (or last for NHWC).
   * @returns A new Tensor of input's shape and dtype.
   * @throws {@link errors.TypeError} when `input` is not a float Tensor of the layer's dtype; {@link errors.ValueError} when `input` has fewer than 2 dimensions or its channel count is not `numChannels`.
   */
  override forward(input: Tensor): Tensor {
    return groupNorm(input, this.numGroups, { epsilon: this.epsilon, weight: this.weight, bias: this.bias, dataFormat: this.dataFormat });
  }

  override extraRepr(): string {
    return `num_groups=${this.numGroups}, num_channels=${this.numChannels}, epsilon=${pyNum(this.epsilon)}`;
  }
}

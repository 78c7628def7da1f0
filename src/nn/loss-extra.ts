/**
 * More loss layers: `NLLLoss`, `BCELoss`, `BCEWithLogitsLoss`, `SmoothL1Loss`, `KLDivLoss`
 * (see functional/loss-extra.ts for the math). Options are checked at construction, with the
 * functional form's messages; `forward(input, label)`.
 */
import { checkOptions } from '../options.js';
import type { Tensor } from '../tensor/tensor.js';
import { checkReduction } from './functional/checks.js';
import {
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  checkKlReduction,
  klDiv,
  nllLoss,
  smoothL1Loss,
  type BinaryCrossEntropyOptions,
  type BinaryCrossEntropyWithLogitsOptions,
  type KlDivOptions,
  type NllLossOptions,
  type SmoothL1LossOptions,
} from './functional/loss-extra.js';
import { Layer } from './layer.js';

const rmsg = (op: string) => (v: string): string =>
  `The value of 'reduction' in ${op} should be 'sum', 'mean' or 'none', but received ${v}, which is not allowed.`;

/** `paddle.nn.NLLLoss(weight=None, ignore_index=-100, reduction='mean')`. */
export class NLLLoss extends Layer {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'NLLLoss';

  private readonly options: NllLossOptions;
  /**
   * Creates the layer (the options are checked now, the inputs in `forward`).
   * @param options - {@link NllLossOptions}: `weight`, `ignoreIndex` (default -100), `reduction` (default `'mean'`), `name`.
   * @throws {@link errors.TypeError} when an option is unknown; {@link errors.ValueError} when `reduction` is unknown.
   */
  constructor(options?: NllLossOptions) {
    const o = checkOptions('NLLLoss', options, ['weight', 'ignoreIndex', 'reduction', 'name']);
    checkReduction(o.reduction, rmsg('nll_loss'));
    super();
    this.options = { ...o };
    delete this.options.name;
  }
  /**
   * Computes `F.nll_loss` with the layer's options (Paddle: `NLLLoss.forward`).
   * @param input - Float log-probabilities `[N, C]` or `[N, C, d1, …]`.
   * @param label - int64/int32 class ids `[N]` or `[N, d1, …]`.
   * @returns A new Tensor of input's dtype: 0-D for 'mean'/'sum', the label's shape for 'none'.
   * @throws {@link errors.TypeError} when `input`/`weight` is not a float Tensor, `label` is not an int32/int64 Tensor, or `ignoreIndex` is not an integer; {@link errors.ValueError} when `input` has fewer than 2 dimensions, the label's or weight's shape does not match, or a label is out of range.
   */
  override forward(input: Tensor, label: Tensor): Tensor {
    return nllLoss(input, label, this.options);
  }
}

/** `paddle.nn.BCELoss(weight=None, reduction='mean')`. */
export class BCELoss extends Layer {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'BCELoss';

  private readonly options: BinaryCrossEntropyOptions;
  /**
   * Creates the layer (the options are checked now, the inputs in `forward`).
   * @param options - {@link BinaryCrossEntropyOptions}: `weight`, `reduction` (default `'mean'`), `name`.
   * @throws {@link errors.TypeError} when an option is unknown; {@link errors.ValueError} when `reduction` is unknown.
   */
  constructor(options?: BinaryCrossEntropyOptions) {
    const o = checkOptions('BCELoss', options, ['weight', 'reduction', 'name']);
    checkReduction(o.reduction, rmsg('BCELoss'));
    super();
    this.options = { ...o };
    delete this.options.name;
  }
  /**
   * Computes `F.binary_cross_entropy` with the layer's options (Paddle: `BCELoss.forward`).
   * @param input - Float probabilities in [0, 1].
   * @param label - The float target, of input's shape.
   * @returns A new Tensor of input's dtype: 0-D for 'mean'/'sum', input's shape for 'none'.
   * @throws {@link errors.TypeError} when `input`, `label` or `weight` is not a float Tensor; {@link errors.ValueError} when an input value is outside [0, 1], the shapes differ or `weight` does not broadcast.
   */
  override forward(input: Tensor, label: Tensor): Tensor {
    return binaryCrossEntropy(input, label, this.options);
  }
}

/** `paddle.nn.BCEWithLogitsLoss(weight=None, reduction='mean', pos_weight=None)`. */
export class BCEWithLogitsLoss extends Layer {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'BCEWithLogitsLoss';

  private readonly options: BinaryCrossEntropyWithLogitsOptions;
  /**
   * Creates the layer (the options are checked now, the inputs in `forward`).
   * @param options - {@link BinaryCrossEntropyWithLogitsOptions}: `weight`, `reduction` (default `'mean'`), `posWeight`, `name`.
   * @throws {@link errors.TypeError} when an option is unknown; {@link errors.ValueError} when `reduction` is unknown.
   */
  constructor(options?: BinaryCrossEntropyWithLogitsOptions) {
    const o = checkOptions('BCEWithLogitsLoss', options, ['weight', 'reduction', 'posWeight', 'name']);
    checkReduction(o.reduction, rmsg('BCEWithLogitsLoss'));
    super();
    this.options = { ...o };
    delete this.options.name;
  }
  /**
   * Computes `F.binary_cross_entropy_with_logits` with the layer's options (Paddle: `BCEWithLogitsLoss.forward`).
   * @param logit - The float logits.
   * @param label - The float target, of logit's shape; -100 marks an ignored element.
   * @returns A new Tensor of logit's dtype: 0-D for 'mean'/'sum', logit's shape for 'none'.
   * @throws {@link errors.TypeError} when `logit`, `label`, `weight` or `posWeight` is not a float Tensor; {@link errors.ValueError} when the shapes differ, or `weight`/`posWeight` does not broadcast.
   */
  override forward(logit: Tensor, label: Tensor): Tensor {
    return binaryCrossEntropyWithLogits(logit, label, this.options);
  }
}

/** `paddle.nn.SmoothL1Loss(reduction='mean', delta=1.0)`. */
export class SmoothL1Loss extends Layer {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'SmoothL1Loss';

  private readonly options: SmoothL1LossOptions;
  /**
   * Creates the layer (the options are checked now, the inputs in `forward`).
   * @param options - {@link SmoothL1LossOptions}: `reduction` (default `'mean'`), `delta` (default 1.0), `name`.
   * @throws {@link errors.TypeError} when an option is unknown; {@link errors.ValueError} when `reduction` is unknown.
   */
  constructor(options?: SmoothL1LossOptions) {
    const o = checkOptions('SmoothL1Loss', options, ['reduction', 'delta', 'name']);
    checkReduction(o.reduction, rmsg('SmoothL1Loss'));
    super();
    this.options = { ...o };
    delete this.options.name;
  }
  /**
   * Computes `F.smooth_l1_loss` with the layer's `delta` and `reduction` (Paddle: `SmoothL1Loss.forward`).
   * @param input - The float prediction.
   * @param label - The float target, of input's shape.
   * @returns A new Tensor of input's dtype: 0-D for 'mean'/'sum', input's shape for 'none'.
   * @throws {@link errors.TypeError} when `input` or `label` is not a float Tensor, or `delta` is not a number; {@link errors.ValueError} when the shapes differ.
   */
  override forward(input: Tensor, label: Tensor): Tensor {
    return smoothL1Loss(input, label, this.options);
  }
}

/** `paddle.nn.KLDivLoss(reduction='mean', log_target=False)`. */
export class KLDivLoss extends Layer {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'KLDivLoss';

  private readonly options: KlDivOptions;
  /**
   * Creates the layer (the options are checked now, the inputs in `forward`).
   * @param options - {@link KlDivOptions}: `reduction` (default `'mean'`; also `'batchmean'`), `logTarget` (default `false`), `name`.
   * @throws {@link errors.TypeError} when an option is unknown; {@link errors.ValueError} when `reduction` is unknown.
   */
  constructor(options?: KlDivOptions) {
    const o = checkOptions('KLDivLoss', options, ['reduction', 'logTarget', 'name']);
    checkKlReduction(o.reduction);
    super();
    this.options = { ...o };
    delete this.options.name;
  }
  /**
   * Computes `F.kl_div` with the layer's `reduction` and `logTarget` (Paddle: `KLDivLoss.forward`).
   * @param input - Float log-probabilities.
   * @param label - The float target probabilities (log-probabilities with `logTarget`), of input's shape.
   * @returns A new Tensor of input's dtype: 0-D for 'mean'/'sum', input's shape for 'none'.
   * @throws {@link errors.TypeError} when `input` or `label` is not a float Tensor, or `logTarget` is not a boolean; {@link errors.ValueError} when the shapes differ.
   */
  override forward(input: Tensor, label: Tensor): Tensor {
    return klDiv(input, label, this.options);
  }
}

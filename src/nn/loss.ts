/** Loss layers: `CrossEntropyLoss`, `MSELoss`, `L1Loss` (see functional/loss.ts for the math). */
import { checkOptions } from '../options.js';
import type { NestedArray, Tensor } from '../tensor/tensor.js';
import { checkReduction, type Reduction } from './functional/checks.js';
import { crossEntropy, l1Loss, mseLoss, type CrossEntropyOptions } from './functional/loss.js';
import { Layer } from './layer.js';

/**
 * `paddle.nn.CrossEntropyLoss(weight=None, ignore_index=-100, reduction='mean', soft_label=False,
 * axis=-1, use_softmax=True, label_smoothing=0.0)`; `forward(input, label)`.
 */
export class CrossEntropyLoss extends Layer {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'CrossEntropyLoss';

  private readonly options: CrossEntropyOptions;

  /**
   * Creates the layer (the options are checked now, the inputs in `forward`).
   * @param options - {@link CrossEntropyOptions}: `weight`, `ignoreIndex`, `reduction` (default `'mean'`), `softLabel`, `axis`, `useSoftmax`, `labelSmoothing`, `name`.
   * @throws {@link errors.TypeError} when an option is unknown; {@link errors.ValueError} when `reduction` is unknown.
   */
  constructor(options?: CrossEntropyOptions) {
    const o = checkOptions('CrossEntropyLoss', options, [
      'weight',
      'ignoreIndex',
      'reduction',
      'softLabel',
      'axis',
      'useSoftmax',
      'labelSmoothing',
      'name',
    ]);
    checkReduction(
      o.reduction,
      (v) => `The value of 'reduction' in softmax_cross_entropyshould be 'sum', 'mean' or 'none', but received ${v}, which is not allowed.`,
    );
    super();
    this.options = { ...o };
  }

  /**
   * Computes `F.cross_entropy` with the layer's options (Paddle: `CrossEntropyLoss.forward`).
   * @param input - The float logits (probabilities with `useSoftmax: false`), classes along `axis`.
   * @param label - int32/int64 class ids (input's shape without the class axis, or with it of size 1, as a Tensor or nested array), or with `softLabel` a float distribution of input's shape.
   * @returns A new Tensor of input's dtype: 0-D for 'mean'/'sum'; for 'none', the label's shape (hard) or input's with the class axis of size 1 (soft).
   * @throws {@link errors.TypeError} when `input`/`weight` is not a float Tensor, hard labels are not int32/int64, or an option has the wrong type; {@link errors.ValueError} when `labelSmoothing` is outside [0, 1], `input` is 0-D, `axis` is out of range, the shapes of `label` or `weight` do not match, or a label is out of range; {@link errors.NotImplementedError} for `labelSmoothing` with `ignoreIndex` ≥ 0.
   */
  override forward(input: Tensor, label: Tensor | NestedArray): Tensor {
    return crossEntropy(input, label, this.options);
  }
}

/** `paddle.nn.MSELoss(reduction='mean')`; `forward(input, label)`. */
export class MSELoss extends Layer {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'MSELoss';

  /** The `reduction` this MSELoss was built with (Paddle's `reduction`). */
  readonly reduction: Reduction;
  /**
   * Creates the layer (the options are checked now, the inputs in `forward`).
   * @param options - `reduction` (`'mean'` default, `'sum'` or `'none'`), `name`.
   * @throws {@link errors.TypeError} when an option is unknown; {@link errors.ValueError} when `reduction` is unknown.
   */
  constructor(options?: { reduction?: Reduction; name?: string | null }) {
    const o = checkOptions('MSELoss', options, ['reduction', 'name']);
    const reduction = checkReduction(
      o.reduction,
      (v) => `'reduction' in 'MSELoss' should be 'sum', 'mean' or 'none', but received ${v}.`,
    );
    super();
    this.reduction = reduction;
  }
  /**
   * Computes `F.mse_loss`, the squared error reduced by `reduction` (Paddle: `MSELoss.forward`).
   * @param input - The float prediction.
   * @param label - The float target, broadcast against `input`.
   * @returns A new Tensor of input's dtype: 0-D for 'mean'/'sum', the broadcast shape for 'none'.
   * @throws {@link errors.TypeError} when `input` or `label` is not a float Tensor; {@link errors.ValueError} when the shapes do not broadcast.
   */
  override forward(input: Tensor, label: Tensor): Tensor {
    return mseLoss(input, label, { reduction: this.reduction });
  }
}

/** `paddle.nn.L1Loss(reduction='mean')`; `forward(input, label)`. */
export class L1Loss extends Layer {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'L1Loss';

  /** The `reduction` this L1Loss was built with (Paddle's `reduction`). */
  readonly reduction: Reduction;
  /**
   * Creates the layer (the options are checked now, the inputs in `forward`).
   * @param options - `reduction` (`'mean'` default, `'sum'` or `'none'`), `name`.
   * @throws {@link errors.TypeError} when an option is unknown; {@link errors.ValueError} when `reduction` is unknown.
   */
  constructor(options?: { reduction?: Reduction; name?: string | null }) {
    const o = checkOptions('L1Loss', options, ['reduction', 'name']);
    const reduction = checkReduction(
      o.reduction,
      (v) => `The value of 'reduction' in L1Loss should be 'sum', 'mean' or 'none', but received ${v}, which is not allowed.`,
    );
    super();
    this.reduction = reduction;
  }
  /**
   * Computes `F.l1_loss`, the absolute error reduced by `reduction` (Paddle: `L1Loss.forward`).
   * @param input - The float prediction.
   * @param label - The float target, broadcast against `input`.
   * @returns A new Tensor of input's dtype: 0-D for 'mean'/'sum', the broadcast shape for 'none'.
   * @throws {@link errors.TypeError} when `input` or `label` is not a float Tensor; {@link errors.ValueError} when the shapes do not broadcast.
   */
  override forward(input: Tensor, label: Tensor): Tensor {
    return l1Loss(input, label, { reduction: this.reduction });
  }
}

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

  override forward(input: Tensor, label: Tensor | NestedArray): Tensor {
    return crossEntropy(input, label, this.options);
  }
}

/** `paddle.nn.MSELoss(reduction='mean')`; `forward(input, label)`. */
export class MSELoss extends Layer {
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
  override forward(input: Tensor, label: Tensor): Tensor {
    return mseLoss(input, label, { reduction: this.reduction });
  }
}

/** `paddle.nn.L1Loss(reduction='mean')`; `forward(input, label)`. */
export class L1Loss extends Layer {
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
  override forward(input: Tensor, label: Tensor): Tensor {
    return l1Loss(input, label, { reduction: this.reduction });
  }
}

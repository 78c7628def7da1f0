/**
 * `paddle.nn.Unfold` (Paddle's python/paddle/nn/layer/common.py): the layer form of
 * `F.unfold` (src/nn/functional/fold.ts), without parameters. Its arguments are checked when the
 * layer is built.
 */
import { checkOptions } from '../options.js';
import type { Tensor } from '../tensor/tensor.js';
import { unfold, unfoldArgs, type Size2 } from './functional/fold.js';
import { Layer } from './layer.js';

/** Options of `nn.Unfold` (Paddle's `dilations`, `paddings`, `strides`, `name`). */
export interface UnfoldLayerOptions {
  /** The spacing of the kernel taps, `[dh, dw]` or one integer (Paddle's `dilations`; default 1). */
  dilations?: Size2;
  /** Zero padding: one integer, `[ph, pw]`, or `[top, left, bottom, right]` (Paddle's `paddings`; default 0). */
  paddings?: Size2;
  /** The step between blocks, `[sh, sw]` or one integer (Paddle's `strides`; default 1). */
  strides?: Size2;
  /** Shown in the repr (Paddle's `name`); no other effect. */
  name?: string | null;
}

/** Python's repr of an int or a list of ints (`3`, `[3, 3]`). */
const pyRepr = (v: Size2): string => (Array.isArray(v) ? `[${v.join(', ')}]` : String(v));

/**
 * `paddle.nn.Unfold(kernel_sizes, dilations=1, paddings=0, strides=1, name=None)`:
 * `new Unfold(kernelSizes, { dilations, paddings, strides, name })`; `forward(x)` is
 * `F.unfold(x, kernelSizes, { strides, paddings, dilations })`.
 */
export class Unfold extends Layer {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'Unfold';

  /** The block size this Unfold was built with (Paddle's `kernel_sizes`). */
  readonly kernelSizes: Size2;
  /** Paddle's `dilations` (default 1). */
  readonly dilations: Size2;
  /** Paddle's `paddings` (default 0). */
  readonly paddings: Size2;
  /** Paddle's `strides` (default 1). */
  readonly strides: Size2;
  /** Paddle's `name` (null: none). */
  readonly name: string | null;

  /**
   * Creates the layer (its arguments are checked now, the input in `forward`).
   * @param kernelSizes - The block size, `[kh, kw]` or one integer (Paddle's `kernel_sizes`).
   * @param options - {@link UnfoldLayerOptions}: `dilations` (default 1), `paddings` (default 0), `strides` (default 1), `name`.
   * @throws {@link errors.AssertionError} when a size is not an integer or a list of two; {@link errors.TypeError} when a size holds a non-integer or an option is unknown; {@link errors.ValueError} when `paddings` is not 1, 2 or 4 non-negative integers, or a kernel size, stride or dilation is not positive.
   */
  constructor(kernelSizes: Size2, options?: UnfoldLayerOptions) {
    const o = checkOptions('Unfold', options, ['dilations', 'paddings', 'strides', 'name']);
    unfoldArgs(kernelSizes, o.strides, o.paddings, o.dilations);
    super();
    this.kernelSizes = kernelSizes;
    this.dilations = o.dilations ?? 1;
    this.paddings = o.paddings ?? 0;
    this.strides = o.strides ?? 1;
    this.name = o.name ?? null;
  }

  /**
   * The sliding blocks of `x` (Paddle: `Unfold.forward`).
   * @param x - The float input `[N, C, H, W]`.
   * @returns A new Tensor `[N, C·kh·kw, OH·OW]` of x's dtype.
   * @throws {@link errors.TypeError} when `x` is not a float32/float64 Tensor; {@link errors.AssertionError} when x is not 4-D; {@link errors.ValueError} when no block fits.
   */
  override forward(x: Tensor): Tensor {
    return unfold(x, this.kernelSizes, { strides: this.strides, paddings: this.paddings, dilations: this.dilations });
  }

  override extraRepr(): string {
    const name = this.name !== null && this.name !== '' ? `, name=${this.name}` : '';
    return `kernel_size=${pyRepr(this.kernelSizes)}, dilation=${pyRepr(this.dilations)}, padding=${pyRepr(this.paddings)}, stride=${pyRepr(this.strides)}${name}`;
  }
}

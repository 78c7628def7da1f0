/**
 * `paddle.nn.functional.unfold` (Paddle's python/paddle/nn/functional/common.py; the "im2col" of
 * batched images): x `[N, C, H, W]` → `[N, C·kh·kw, L]`, L = OH·OW. Entry `(c·kh + i)·kw + j` of
 * block `oh·OW + ow` is `x[n, c, oh·sh − pt + i·dh, ow·sw − pl + j·dw]`, zero in the padding.
 *
 * It is the convolution's patch matrix (src/ops/patches.ts `im2row`, rows `n·L + l`, columns in
 * the same order) with its two trailing axes swapped, so its backward is the patch matrix's
 * adjoint (col2im, float64 sums rounded once) through the transpose.
 */
import { AssertionError, TypeError as PaddleTypeError, ValueError } from '../../errors.js';
import { checkOptions, describe } from '../../options.js';
import { Tensor } from '../../tensor/tensor.js';
import { reshape, transpose } from '../../ops/manipulation.js';
import { im2row, type PatchGeometry } from '../../ops/patches.js';

/** A size given as one integer for both spatial axes or as `[h, w]`. */
export type Size2 = number | readonly number[];

/** Optional arguments of `F.unfold` (Paddle's `strides`, `paddings`, `dilations`, `name`). */
export interface UnfoldOptions {
  /** The step between blocks, `[sh, sw]` or one integer (Paddle's `strides`; default 1). */
  strides?: Size2;
  /**
   * Zero padding: one integer, `[ph, pw]`, or `[top, left, bottom, right]` (Paddle's `paddings`;
   * default 0).
   */
  paddings?: Size2;
  /** The spacing of the kernel taps, `[dh, dw]` or one integer (Paddle's `dilations`; default 1). */
  dilations?: Size2;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

/** An integer or a list of two integers (Paddle asserts it), as `[a, b]`. */
function pair(v: unknown, name: string): [number, number] {
  const list = typeof v === 'number' ? [v, v] : v;
  if (!Array.isArray(list) || list.length !== 2) throw new AssertionError(`${name} should either be an integer or a list/tuple of two integers`);
  for (const e of list) {
    if (typeof e !== 'number' || !Number.isInteger(e)) throw new PaddleTypeError(`unfold: the '${name}' must be integers, but received ${describe(v)}.`);
  }
  return list as [number, number];
}

/** Paddle's four paddings `[top, left, bottom, right]` from an integer, 2 or 4 integers. */
function paddings4(v: unknown): [number, number, number, number] {
  let p: unknown[];
  if (typeof v === 'number') p = [v, v, v, v];
  else if (Array.isArray(v)) {
    if (v.length === 2) p = [...v, ...v];
    else if (v.length === 4) p = [...v];
    else throw new ValueError('paddings should either be an integer or a list/tuple of 2 or 4 integers');
  } else throw new ValueError('Unexpected type of paddings, it should be either an integer or a list/tupleof 2 or 4 integers');
  for (const e of p) {
    if (typeof e !== 'number' || !Number.isInteger(e) || e < 0) throw new ValueError(`unfold: the paddings must be non-negative integers, but received ${describe(v)}.`);
  }
  return p as [number, number, number, number];
}

/** The block geometry of `unfold`'s arguments (all checked). */
export interface UnfoldArgs {
  kh: number;
  kw: number;
  sh: number;
  sw: number;
  /** Paddings `[top, left, bottom, right]`. */
  pads: [number, number, number, number];
  dh: number;
  dw: number;
}

/**
 * Checks `unfold`'s sizes as Paddle does and returns them as numbers (shared with `nn.Unfold`,
 * which checks them when it is built).
 * @param kernelSizes - Paddle's `kernel_sizes`.
 * @param strides - Paddle's `strides`.
 * @param paddings - Paddle's `paddings`.
 * @param dilations - Paddle's `dilations`.
 * @returns The geometry.
 * @throws {@link errors.AssertionError} when a size is not an integer or a list of two; {@link errors.TypeError} when a size holds a non-integer; {@link errors.ValueError} when `paddings` is not 1, 2 or 4 non-negative integers, or a kernel size, stride or dilation is not positive.
 */
export function unfoldArgs(kernelSizes: unknown, strides: unknown, paddings: unknown, dilations: unknown): UnfoldArgs {
  const [kh, kw] = pair(kernelSizes, 'kernel_sizes');
  const [sh, sw] = pair(strides ?? 1, 'strides');
  const pads = paddings4(paddings ?? 0);
  const [dh, dw] = pair(dilations ?? 1, 'dilations');
  for (const [name, a, b] of [['kernel_sizes', kh, kw], ['strides', sh, sw], ['dilations', dh, dw]] as const) {
    if (a <= 0 || b <= 0) throw new ValueError(`unfold: the ${name} must be positive, but received [${a}, ${b}].`);
  }
  return { kh, kw, sh, sw, pads, dh, dw };
}

/**
 * `paddle.nn.functional.unfold(x, kernel_sizes, strides=1, paddings=0, dilations=1, name=None)`:
 * `unfold(x, kernelSizes, { strides, paddings, dilations })`.
 * @param x - The float input `[N, C, H, W]` (Paddle's `x`).
 * @param kernelSizes - The block size, `[kh, kw]` or one integer (Paddle's `kernel_sizes`).
 * @param options - {@link UnfoldOptions}: `strides` (default 1), `paddings` (default 0; 1, 2 or 4 integers, the 4 as `[top, left, bottom, right]`), `dilations` (default 1), `name`.
 * @returns A new Tensor `[N, C·kh·kw, OH·OW]` of x's dtype, OH = (H + top + bottom − (dh·(kh − 1) + 1))/sh + 1 rounded down (OW likewise).
 * @throws {@link errors.AssertionError} when x is not 4-D or a size is not an integer or a list of two; {@link errors.TypeError} when `x` is not a float32/float64 Tensor, a size holds a non-integer, or an option is unknown; {@link errors.ValueError} when `paddings` is not 1, 2 or 4 non-negative integers, a kernel size, stride or dilation is not positive, or no block fits.
 */
export function unfold(x: Tensor, kernelSizes: Size2, options?: UnfoldOptions): Tensor {
  const o = checkOptions('unfold', options, ['strides', 'paddings', 'dilations', 'name']);
  if (!(x instanceof Tensor)) throw new PaddleTypeError(`unfold: the argument 'x' must be a Tensor, but received ${describe(x)}.`);
  if (x.dtype !== 'float32' && x.dtype !== 'float64') {
    throw new PaddleTypeError(`unfold: the argument 'x' must have dtype float32 or float64, but its dtype is ${x.dtype}.`);
  }
  if (x.ndim !== 4) throw new AssertionError('input should be the format of [N, C, H, W]');
  const { kh, kw, sh, sw, pads, dh, dw } = unfoldArgs(kernelSizes, o.strides, o.paddings, o.dilations);
  const [pt, pl, pb, pr] = pads;
  const [n, c, h, w] = x.shape as [number, number, number, number];
  const oh = Math.floor((h + pt + pb - (dh * (kh - 1) + 1)) / sh) + 1;
  const ow = Math.floor((w + pl + pr - (dw * (kw - 1) + 1)) / sw) + 1;
  if (oh <= 0 || ow <= 0) {
    throw new ValueError(
      `unfold: the calculated output size (${oh}, ${ow}) must be positive: input [${x.shape.join(', ')}], kernel_sizes [${kh}, ${kw}], ` +
        `strides [${sh}, ${sw}], paddings [${pt}, ${pl}, ${pb}, ${pr}], dilations [${dh}, ${dw}].`,
    );
  }
  const g: PatchGeometry = { n, c, h, w, kh, kw, sh, sw, dh, dw, pt, pl, oh, ow, groups: 1, channelsLast: false };
  const rows = im2row(x, g); // [N·L, C·kh·kw]
  return transpose(reshape(rows, [n, oh * ow, c * kh * kw]), [0, 2, 1]);
}

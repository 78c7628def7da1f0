/**
 * `paddle.nn.functional.adaptive_max_pool2d`, with the semantics of Paddle's CPU
 * `max_pool2d_with_index` kernel in adaptive mode (the dygraph path of Paddle's Python function):
 *
 * - window rows `[floor(i·H/OH), ceil((i+1)·H/OH))`, columns likewise (windows may overlap);
 * - the output is the largest element of the window, found by a strict `>` scan from −FLT_MAX in
 *   row-major order, so the first of equal maxima wins; the mask holds its flat index `r·W + c` in
 *   the H·W plane (int32, as Paddle's);
 * - the gradient goes to that element, added in x's dtype (overlapping windows accumulate);
 * - NCHW only (Paddle's function has no `data_format`), float32 or float64 input.
 *
 * Kept out of pooling.ts (the window pools) so that file's kernels can change on their own.
 */
import { TypeError as PaddleTypeError, ValueError } from '../../errors.js';
import { checkOptions, describe } from '../../options.js';
import { Tensor } from '../../tensor/tensor.js';
import { maxPoolWindows } from '../../ops/pool.js';
import { adaptiveBounds } from './pooling.js';

/** Optional arguments of `F.adaptiveMaxPool2d` (Paddle's `return_mask`, `name`). */
export interface AdaptiveMaxPool2dOptions {
  /** Also return the int32 index of each maximum in its H·W plane (Paddle's `return_mask`; default `false`). */
  returnMask?: boolean;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}


/** The output sizes `[OH, OW]`: an integer for both, or a pair whose `null` entries keep the input size. */
function outputSizes(outputSize: unknown, h: number, w: number): [number, number] {
  let sizes: readonly unknown[];
  if (typeof outputSize === 'number') sizes = [outputSize, outputSize];
  else if (Array.isArray(outputSize) && outputSize.length === 2) sizes = outputSize;
  else throw new ValueError(`adaptive_max_pool2d: the 'output_size' must be an integer or a list of 2 integers (or None), but received ${describe(outputSize)}.`);
  const one = (v: unknown, input: number): number => {
    if (v === null || v === undefined) return input;
    if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) {
      throw new ValueError(`adaptive_max_pool2d: each 'output_size' must be a positive integer or None, but received ${describe(v)}.`);
    }
    return v;
  };
  return [one(sizes[0], h), one(sizes[1], w)];
}

/**
 * `paddle.nn.functional.adaptive_max_pool2d(x, output_size, return_mask=False, name=None)`:
 * `adaptiveMaxPool2d(x, outputSize, { returnMask })`; with `returnMask` returns `[out, mask]`.
 * @param x - The float input `[N, C, H, W]` (Paddle's `x`).
 * @param outputSize - The output size, an integer or `[OH, OW]` (`null` keeps that input size) (Paddle's `output_size`).
 * @param options - {@link AdaptiveMaxPool2dOptions}: `returnMask` (default `false`), `name`.
 * @returns A new Tensor `[N, C, OH, OW]` of x's dtype.
 * @throws {@link errors.TypeError} when `x` is not a float32/float64 Tensor, `returnMask` is not a boolean, or an option is unknown; {@link errors.ValueError} when x is not 4-D or `outputSize` is not a positive integer or a pair of them.
 */
export function adaptiveMaxPool2d(x: Tensor, outputSize: number | readonly (number | null)[], options?: AdaptiveMaxPool2dOptions & { returnMask?: false }): Tensor;
/**
 * `adaptiveMaxPool2d` with `returnMask: true`: the output and the int32 mask (each maximum's flat
 * index in its H·W plane), both `[N, C, OH, OW]`.
 * @param x - The float input `[N, C, H, W]` (Paddle's `x`).
 * @param outputSize - The output size, an integer or `[OH, OW]` (`null` keeps that input size) (Paddle's `output_size`).
 * @param options - {@link AdaptiveMaxPool2dOptions} with `returnMask: true`.
 * @returns `[out, mask]`.
 * @throws {@link errors.TypeError} when `x` is not a float32/float64 Tensor or an option is unknown; {@link errors.ValueError} when x is not 4-D or `outputSize` is invalid.
 */
export function adaptiveMaxPool2d(x: Tensor, outputSize: number | readonly (number | null)[], options: AdaptiveMaxPool2dOptions & { returnMask: true }): [Tensor, Tensor];
/**
 * `adaptiveMaxPool2d` with `returnMask` known only at run time.
 * @param x - The float input `[N, C, H, W]` (Paddle's `x`).
 * @param outputSize - The output size, an integer or `[OH, OW]` (`null` keeps that input size) (Paddle's `output_size`).
 * @param options - {@link AdaptiveMaxPool2dOptions}.
 * @returns The output, or `[out, mask]` with `returnMask`.
 * @throws {@link errors.TypeError} when `x` is not a float32/float64 Tensor or an option is unknown; {@link errors.ValueError} when x is not 4-D or `outputSize` is invalid.
 */
export function adaptiveMaxPool2d(x: Tensor, outputSize: number | readonly (number | null)[], options?: AdaptiveMaxPool2dOptions): Tensor | [Tensor, Tensor];
export function adaptiveMaxPool2d(x: Tensor, outputSize: number | readonly (number | null)[], options?: AdaptiveMaxPool2dOptions): Tensor | [Tensor, Tensor] {
  const o = checkOptions('adaptive_max_pool2d', options, ['returnMask', 'name']);
  if (!(x instanceof Tensor)) throw new PaddleTypeError(`adaptive_max_pool2d: the argument 'x' must be a Tensor, but received ${describe(x)}.`);
  if (x.dtype !== 'float32' && x.dtype !== 'float64') {
    throw new PaddleTypeError(`adaptive_max_pool2d: the argument 'x' must have dtype float32 or float64, but its dtype is ${x.dtype}.`);
  }
  // Paddle's _check_input(x, 4)
  if (x.ndim !== 4) throw new ValueError(`Excepted Input X is 4-D tensor, but received ${x.ndim}-D <class 'paddle.Tensor'>`);
  const returnMask = o.returnMask ?? false;
  if (typeof returnMask !== 'boolean') throw new PaddleTypeError(`adaptive_max_pool2d: 'return_mask' must be a boolean, but received ${describe(returnMask)}.`);
  const [n, c, h, w] = x.shape as [number, number, number, number];
  const [oh, ow] = outputSizes(outputSize, h, w);
  const rows = adaptiveBounds(oh, h);
  const cols = adaptiveBounds(ow, w);
  const shape = [n, c, oh, ow];
  // the kernel contract's max pooling over these windows (branch-free in WASM), NCHW
  const { y, arg } = maxPoolWindows(x, { n, c, h, w, oh, ow, channelsLast: false, rows, cols }, shape);
  if (!returnMask) return y;
  const mask = new Int32Array(arg.length);
  const plane = oh * ow;
  for (let k = 0; k < arg.length; k++) {
    const a = arg[k] as number;
    mask[k] = a < 0 ? -1 : a - Math.floor(k / plane) * h * w;
  }
  return [y, Tensor.fromArray(mask, shape, 'int32')];
}

export { adaptiveMaxPool2d as adaptive_max_pool2d };

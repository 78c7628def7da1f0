/**
 * `paddle.nn.functional.max_pool3d`, with the semantics of Paddle's CPU Pool3dFunctor (max) and
 * MaxPool3dGradFunctor, the 3-D form of max_pool2d (src/nn/functional/pooling.ts):
 *
 * - windows along each of D, H, W: `[o·s − pad_before, min(that + k, in))`, clamped below at 0;
 *   output size `(in − k + before + after) / s + 1`, rounded down, or up with `ceilMode`;
 * - the largest element of the window from −FLT_MAX by a strict `>` scan in (d, h, w) order, so
 *   padding never wins and the first of equal maxima does; its gradient goes to that element,
 *   added in x's dtype;
 * - `returnMask` (NCDHW only, as Paddle): the int32 flat index `d·H·W + h·W + w` in the volume.
 *
 * Kept out of pooling.ts (the 2-D pools) so that file's kernels can change on their own.
 */
import { TypeError as PaddleTypeError, ValueError } from '../../errors.js';
import { checkOptions, describe } from '../../options.js';
import { allocArray } from '../../tensor/dtype.js';
import { Tensor } from '../../tensor/tensor.js';
import { argMaxBackward } from '../../ops/pool.js';
import { convertToList, dataFormatOf, parsePadding, poolOutputSize, resolvePadding, type PaddingSpec } from './conv-args.js';

/** The layouts of a 5-D input: channels first (`NCDHW`) or last (`NDHWC`); Paddle's `data_format`. */
export type DataFormat3D = 'NCDHW' | 'NDHWC';

/**
 * Optional arguments of `F.maxPool3d` (Paddle's `stride`, `padding`, `ceil_mode`, `return_mask`,
 * `data_format`, `name`).
 */
export interface MaxPool3dOptions {
  /** The window step, one number or `[sd, sh, sw]` (Paddle's `stride`; default: the kernel size). */
  stride?: number | readonly number[] | null;
  /**
   * The padding: a number, one per axis, `[before, after]` per axis flattened (6 numbers), pairs
   * per axis including batch and channel, or `'SAME'` / `'VALID'` (Paddle's `padding`; default 0).
   */
  padding?: PaddingSpec;
  /** Round the output size up instead of down (Paddle's `ceil_mode`; default `false`). */
  ceilMode?: boolean;
  /** Also return the int32 index of each maximum in its D·H·W volume, NCDHW only (Paddle's `return_mask`; default `false`). */
  returnMask?: boolean;
  /** `'NCDHW'` (default) or `'NDHWC'` (Paddle's `data_format`). */
  dataFormat?: DataFormat3D;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

/** Float32 max: Paddle starts a max window at −FLT_MAX. */
const NEG_FLT_MAX = -3.4028234663852886e38;

function bounds(outSize: number, inSize: number, k: number, s: number, padBefore: number): Int32Array {
  const b = new Int32Array(2 * outSize);
  for (let o = 0; o < outSize; o++) {
    const start = o * s - padBefore;
    b[2 * o] = Math.max(start, 0);
    b[2 * o + 1] = Math.min(start + k, inSize);
  }
  return b;
}

function boolOption(name: string, v: unknown): boolean {
  if (v === undefined) return false;
  if (typeof v !== 'boolean') throw new PaddleTypeError(`max_pool3d: '${name}' must be a boolean, but received ${describe(v)}.`);
  return v;
}

/**
 * `paddle.nn.functional.max_pool3d(x, kernel_size, stride=None, padding=0, ceil_mode=False,
 * return_mask=False, data_format='NCDHW', name=None)`: `maxPool3d(x, kernelSize, { stride,
 * padding, ceilMode, returnMask, dataFormat })`; with `returnMask` returns `[out, mask]`.
 * @param x - The float input `[N, C, D, H, W]` (or NDHWC) (Paddle's `x`).
 * @param kernelSize - The window size, a number or `[kd, kh, kw]` (Paddle's `kernel_size`).
 * @param options - {@link MaxPool3dOptions}: `stride` (default: the kernel size), `padding` (default 0), `ceilMode` (default `false`), `returnMask` (default `false`), `dataFormat` (`'NCDHW'` default or `'NDHWC'`), `name`.
 * @returns A new Tensor `[N, C, OD, OH, OW]` (or NDHWC) of x's dtype.
 * @throws {@link errors.TypeError} when `x` is not a float32/float64 Tensor, a flag is not a boolean, or an option is unknown; {@link errors.ValueError} when x is not 5-D, `kernelSize`/`stride` is not positive, `padding` or `dataFormat` is invalid, `ceilMode` is used with 'same'/'valid' padding, `returnMask` is used with NDHWC, or no window fits.
 */
export function maxPool3d(x: Tensor, kernelSize: number | readonly number[], options?: MaxPool3dOptions & { returnMask?: false }): Tensor;
/**
 * `maxPool3d` with `returnMask: true`: the output and the int32 mask (each maximum's flat index in
 * its D·H·W volume), both `[N, C, OD, OH, OW]`.
 * @param x - The float input `[N, C, D, H, W]` (Paddle's `x`).
 * @param kernelSize - The window size, a number or `[kd, kh, kw]` (Paddle's `kernel_size`).
 * @param options - {@link MaxPool3dOptions} with `returnMask: true`.
 * @returns `[out, mask]`.
 * @throws {@link errors.TypeError} when `x` is not a float32/float64 Tensor or an option is invalid; {@link errors.ValueError} when an argument is invalid (see the first overload).
 */
export function maxPool3d(x: Tensor, kernelSize: number | readonly number[], options: MaxPool3dOptions & { returnMask: true }): [Tensor, Tensor];
/**
 * `maxPool3d` with `returnMask` known only at run time.
 * @param x - The float input `[N, C, D, H, W]` (or NDHWC) (Paddle's `x`).
 * @param kernelSize - The window size, a number or `[kd, kh, kw]` (Paddle's `kernel_size`).
 * @param options - {@link MaxPool3dOptions}.
 * @returns The output, or `[out, mask]` with `returnMask`.
 * @throws {@link errors.TypeError} when `x` is not a float32/float64 Tensor or an option is invalid; {@link errors.ValueError} when an argument is invalid (see the first overload).
 */
export function maxPool3d(x: Tensor, kernelSize: number | readonly number[], options?: MaxPool3dOptions): Tensor | [Tensor, Tensor];
export function maxPool3d(x: Tensor, kernelSize: number | readonly number[], options?: MaxPool3dOptions): Tensor | [Tensor, Tensor] {
  const o = checkOptions('max_pool3d', options, ['stride', 'padding', 'ceilMode', 'returnMask', 'dataFormat', 'name']);
  const format = dataFormatOf(o.dataFormat, ['NCDHW', 'NDHWC']);
  if (!(x instanceof Tensor)) throw new PaddleTypeError(`max_pool3d: the argument 'x' must be a Tensor, but received ${describe(x)}.`);
  if (x.dtype !== 'float32' && x.dtype !== 'float64') {
    throw new PaddleTypeError(`max_pool3d: the argument 'x' must have dtype float32 or float64, but its dtype is ${x.dtype}.`);
  }
  if (x.ndim !== 5) throw new ValueError(`Expected input.dim() == 5 [(5-D Tensor)], but received x of shape [${x.shape.join(', ')}] (${x.ndim}-D).`);
  const ceil = boolOption('ceil_mode', o.ceilMode);
  const returnMask = boolOption('return_mask', o.returnMask);
  const channelsLast = format === 'NDHWC';
  if (channelsLast && returnMask) throw new ValueError('When setting return_mask to true, data_format must be set to NCDHW in API:max_pool3d');
  const kernel = convertToList(kernelSize, 3, 'pool_size');
  const strides = o.stride === undefined || o.stride === null ? [...kernel] : convertToList(o.stride, 3, 'pool_stride');
  for (const [name, list] of [['kernel_size', kernel], ['stride', strides]] as const) {
    if (list.some((v) => v <= 0)) throw new ValueError(`max_pool3d: the '${name}' must be positive, but received [${list.join(', ')}].`);
  }
  const p = parsePadding(o.padding ?? 0, 3, channelsLast);
  if (p.algorithm !== 'EXPLICIT' && ceil) {
    throw new ValueError(`When Attr(padding) is "${p.algorithm}", Attr(ceil_mode) must be False. Received ceil_mode: True.`);
  }
  const [n, c, d, h, w] = (channelsLast ? [x.shape[0], x.shape[4], x.shape[1], x.shape[2], x.shape[3]] : x.shape) as [number, number, number, number, number];
  const dims = [d, h, w];
  const pads = resolvePadding(p, dims, kernel, strides);
  const outs = dims.map((size, i) => poolOutputSize(size, kernel[i] as number, (pads[i] as [number, number])[0], (pads[i] as [number, number])[1], strides[i] as number, ceil));
  const [od, oh, ow] = outs as [number, number, number];
  const [bd, bh, bw] = dims.map((size, i) => bounds(outs[i] as number, size, kernel[i] as number, strides[i] as number, (pads[i] as [number, number])[0])) as [Int32Array, Int32Array, Int32Array];
  // element strides: channel step and the d/h/w steps of input and output
  const inC = channelsLast ? 1 : d * h * w;
  const inW = channelsLast ? c : 1;
  const outC = channelsLast ? 1 : od * oh * ow;
  const outW = channelsLast ? c : 1;
  const src = x.data;
  const count = n * c * od * oh * ow;
  const out = allocArray(x.dtype, count);
  const arg = new Int32Array(count); // flat input index of the max, −1 when no element beats −FLT_MAX
  const mask = returnMask ? new Int32Array(count) : null;
  for (let b = 0; b < n; b++) {
    for (let ch = 0; ch < c; ch++) {
      const inP = b * c * d * h * w + ch * inC;
      const outP = b * c * od * oh * ow + ch * outC;
      for (let i = 0; i < od; i++) {
        for (let j = 0; j < oh; j++) {
          for (let k = 0; k < ow; k++) {
            let best = NEG_FLT_MAX;
            let at = -1;
            let pos = -1;
            for (let z = bd[2 * i] as number; z < (bd[2 * i + 1] as number); z++) {
              for (let r = bh[2 * j] as number; r < (bh[2 * j + 1] as number); r++) {
                for (let col = bw[2 * k] as number; col < (bw[2 * k + 1] as number); col++) {
                  const vol = (z * h + r) * w + col;
                  const e = inP + vol * inW;
                  const v = src[e] as number;
                  if (v > best) {
                    best = v;
                    at = e;
                    pos = vol;
                  }
                }
              }
            }
            const ov = outP + ((i * oh + j) * ow + k) * outW;
            out[ov] = best;
            arg[ov] = at;
            if (mask !== null) mask[ov] = pos;
          }
        }
      }
    }
  }
  const shape = channelsLast ? [n, od, oh, ow, c] : [n, c, od, oh, ow];
  const y = Tensor.fromOp('max_pool3d', out, shape, x.dtype, [x], argMaxBackward(x, arg));
  return mask === null ? y : [y, Tensor.fromArray(mask, shape, 'int32')];
}

export { maxPool3d as max_pool3d };

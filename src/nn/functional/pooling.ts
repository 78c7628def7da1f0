/**
 * `paddle.nn.functional.max_pool2d`, `avg_pool2d`, `adaptive_avg_pool2d`, `max_pool1d`,
 * `avg_pool1d`, with Paddle's CPU kernels' semantics (Pool2dFunctor):
 *
 * - window rows `[ph·s − pad_top, min(that + k, H))`, clamped below at 0 (the padding after is
 *   only counted in the output size); the same for columns;
 * - output size `(H − k + pad_top + pad_bottom) / s + 1`, rounded down, or up with `ceilMode`
 *   (Paddle keeps a last ceil-mode window that starts in the padding, where PyTorch drops it);
 * - max: the largest element of the window (padding never wins); its gradient goes to the first
 *   element of the window equal to the output, in row-major order;
 * - avg: the window sum over `exclusive ? the elements inside the image : kh·kw`; with
 *   `divisorOverride` the result is then scaled by `kh·kw / divisorOverride` (as Paddle's Python);
 * - adaptive avg: rows `[floor(i·H/OH), ceil((i+1)·H/OH))`.
 *
 * 1-D pools are the 2-D ones over a height of 1. Sums accumulate in float64 and are rounded
 * once into the dtype.
 */
import { TypeError as PaddleTypeError, ValueError } from '../../errors.js';
import { checkOptions, describe } from '../../options.js';
import { allocArray } from '../../tensor/dtype.js';
import { Tensor } from '../../tensor/tensor.js';
import type { BackwardFn } from '../../tensor/autograd.js';
import { needsGrad } from '../../ops/binary.js';
import { reshape } from '../../ops/manipulation.js';
import { maxPoolWindows, type PoolWindows } from '../../ops/pool.js';
import { convertToList, dataFormatOf, parsePadding, poolOutputSize, resolvePadding, type DataFormat1D, type DataFormat2D, type PaddingSpec } from './conv-args.js';

/**
 * Optional arguments of `F.maxPool2d` (Paddle's `stride`, `padding`, `ceil_mode`, `return_mask`,
 * `data_format`, `name`).
 */
export interface MaxPool2dOptions {
  /** An integer or [sh, sw]; default: the kernel size. */
  stride?: number | readonly number[] | null;
  /** 'same', 'valid', an integer, [ph, pw], [top, bottom, left, right], or 4 pairs (default 0). */
  padding?: PaddingSpec;
  /** Round the output size up instead of down (Paddle's `ceil_mode`; default `false`). */
  ceilMode?: boolean;
  /** Also return the argmax indices (`h·W + w` within each plane, int32). */
  returnMask?: boolean;
  /**
   * The layout of the input: channels first (`'NCL'`, `'NCHW'`, `'NCDHW'`, default) or last
   * (Paddle's `data_format`).
   */
  dataFormat?: DataFormat2D;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

/**
 * Optional arguments of `F.avgPool2d` (Paddle's `stride`, `padding`, `ceil_mode`, `exclusive`,
 * `divisor_override`, `data_format`, `name`).
 */
export interface AvgPool2dOptions {
  /** The stride (Paddle's `stride`; default: the kernel size). */
  stride?: number | readonly number[] | null;
  /**
   * The padding: a number, one per axis, pairs per axis, or `'SAME'` / `'VALID'` (Paddle's
   * `padding`; default 0).
   */
  padding?: PaddingSpec;
  /** Round the output size up instead of down (Paddle's `ceil_mode`; default `false`). */
  ceilMode?: boolean;
  /** Divide by the elements inside the image (true, default) or by kh·kw. */
  exclusive?: boolean;
  /** Divide each window's sum by this instead of its size (Paddle's `divisor_override`). */
  divisorOverride?: number | null;
  /**
   * The layout of the input: channels first (`'NCL'`, `'NCHW'`, `'NCDHW'`, default) or last
   * (Paddle's `data_format`).
   */
  dataFormat?: DataFormat2D;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

/** Optional arguments of `F.maxPool1d` (Paddle's `stride`, `padding`, `ceil_mode`, `return_mask`, `name`). */
export interface MaxPool1dOptions extends Omit<MaxPool2dOptions, 'dataFormat'> {
  /**
   * The layout of the input: channels first (`'NCL'`, `'NCHW'`, `'NCDHW'`, default) or last
   * (Paddle's `data_format`).
   */
  dataFormat?: DataFormat1D;
}

/** Optional arguments of `F.avgPool1d` (Paddle's `stride`, `padding`, `ceil_mode`, `exclusive`, `name`). */
export interface AvgPool1dOptions extends Omit<AvgPool2dOptions, 'dataFormat' | 'divisorOverride'> {
  /**
   * The layout of the input: channels first (`'NCL'`, `'NCHW'`, `'NCDHW'`, default) or last
   * (Paddle's `data_format`).
   */
  dataFormat?: DataFormat1D;
}

/** Optional arguments of `F.adaptiveAvgPool2d` (Paddle's `data_format`, `name`). */
export interface AdaptiveAvgPool2dOptions {
  /**
   * The layout of the input: channels first (`'NCL'`, `'NCHW'`, `'NCDHW'`, default) or last
   * (Paddle's `data_format`).
   */
  dataFormat?: DataFormat2D;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

/** The pooling geometry over planes of an [N, C, H, W] / [N, H, W, C] tensor (the kernel contract's windows). */
type PoolGeometry = PoolWindows;

function bounds(outSize: number, inSize: number, k: number, s: number, padBefore: number): Int32Array {
  const b = new Int32Array(2 * outSize);
  for (let o = 0; o < outSize; o++) {
    const start = o * s - padBefore;
    b[2 * o] = Math.max(start, 0);
    b[2 * o + 1] = Math.min(start + k, inSize);
  }
  return b;
}

/** Adaptive windows: output o covers input [floor(o·H/OH), ceil((o+1)·H/OH)) (Paddle's AdaptStartIndex / AdaptEndIndex). */
export function adaptiveBounds(outSize: number, inSize: number): Int32Array {
  const b = new Int32Array(2 * outSize);
  for (let o = 0; o < outSize; o++) {
    b[2 * o] = Math.floor((o * inSize) / outSize);
    b[2 * o + 1] = Math.ceil(((o + 1) * inSize) / outSize);
  }
  return b;
}

/** Element strides of the layout: (n, c) plane offsets of input and output, row and column steps. */
interface Strides {
  inPlane: (n: number, c: number) => number;
  outPlane: (n: number, c: number) => number;
  sH: number;
  sW: number;
  oH: number;
  oW: number;
}

function stridesOf(g: PoolGeometry): Strides {
  if (g.channelsLast) {
    return {
      inPlane: (n, c) => n * g.h * g.w * g.c + c,
      outPlane: (n, c) => n * g.oh * g.ow * g.c + c,
      sH: g.w * g.c, sW: g.c, oH: g.ow * g.c, oW: g.c,
    };
  }
  return {
    inPlane: (n, c) => (n * g.c + c) * g.h * g.w,
    outPlane: (n, c) => (n * g.c + c) * g.oh * g.ow,
    sH: g.w, sW: 1, oH: g.ow, oW: 1,
  };
}

function maxPoolOp(x: Tensor, g: PoolGeometry, outShape: number[], returnMask: boolean): Tensor | [Tensor, Tensor] {
  const { y, arg } = maxPoolWindows(x, g, outShape);
  if (!returnMask) return y;
  // the mask is the index within the plane: h·W + w
  const sW = g.channelsLast ? g.c : 1;
  const planeOf = (o: number): number => {
    if (!g.channelsLast) return Math.floor(o / (g.oh * g.ow)) * g.h * g.w;
    const n = Math.floor(o / (g.oh * g.ow * g.c));
    return n * g.h * g.w * g.c + (o % g.c);
  };
  const mask = new Int32Array(arg.length);
  for (let o = 0; o < arg.length; o++) {
    const a = arg[o] as number;
    mask[o] = a < 0 ? -1 : (a - planeOf(o)) / sW;
  }
  return [y, Tensor.fromArray(mask, outShape, 'int32')];
}

/**
 * Average pooling: each window's sum divided by `divisor` (null: by its element count, the
 * exclusive and adaptive rule), then multiplied by `post` (the divisor_override scale).
 * `forward` true computes the output from `src`; false scatters the output gradient `src` into
 * `acc` (the backward).
 */
function avgPass(g: PoolGeometry, src: ArrayLike<number>, dst: { [i: number]: number }, divisor: number | null, post: number, forward: boolean): void {
  const S = stridesOf(g);
  const { rows, cols } = g;
  const { sH, sW, oH, oW } = S;
  for (let n = 0; n < g.n; n++) {
    for (let ch = 0; ch < g.c; ch++) {
      const inP = S.inPlane(n, ch);
      const outP = S.outPlane(n, ch);
      for (let i = 0; i < g.oh; i++) {
        const r0 = rows[2 * i] as number;
        const r1 = rows[2 * i + 1] as number;
        for (let j = 0; j < g.ow; j++) {
          const c0 = cols[2 * j] as number;
          const c1 = cols[2 * j + 1] as number;
          const size = divisor ?? (r1 - r0) * (c1 - c0);
          const o = outP + i * oH + j * oW;
          if (forward) {
            let s = 0;
            for (let r = r0; r < r1; r++) {
              const rowBase = inP + r * sH;
              for (let c = c0; c < c1; c++) s += src[rowBase + c * sW] as number;
            }
            dst[o] = (s / size) * post;
          } else {
            const v = ((src[o] as number) / size) * post;
            for (let r = r0; r < r1; r++) {
              const rowBase = inP + r * sH;
              for (let c = c0; c < c1; c++) dst[rowBase + c * sW] = (dst[rowBase + c * sW] as number) + v;
            }
          }
        }
      }
    }
  }
}

function avgPoolOp(x: Tensor, g: PoolGeometry, outShape: number[], divisor: number | null, post: number): Tensor {
  const out = allocArray(x.dtype, g.n * g.c * g.oh * g.ow);
  avgPass(g, x.data, out, divisor, post, true);
  const back: BackwardFn = (gr) => {
    if (!needsGrad(x)) return [null];
    const acc = new Float64Array(x.numel);
    avgPass(g, gr, acc, divisor, post, false);
    const gx = allocArray(x.dtype, x.numel);
    gx.set(acc);
    return [gx];
  };
  return Tensor.fromOp('avg_pool2d', out, outShape, x.dtype, [x], back);
}

function floatInput(where: string, x: unknown, rank: number): Tensor {
  if (!(x instanceof Tensor)) throw new PaddleTypeError(`${where}: the argument 'x' must be a Tensor, but received ${describe(x)}.`);
  if (x.dtype !== 'float32' && x.dtype !== 'float64') {
    throw new PaddleTypeError(`${where}: the argument 'x' must have dtype float32 or float64, but its dtype is ${x.dtype}.`);
  }
  if (x.ndim !== rank) {
    throw new ValueError(`Expected ${rank === 4 ? 'input.dim() == 4' : 'input.dim() == 3'} [(${rank}-D Tensor)], but received x of shape [${x.shape.join(', ')}] (${x.ndim}-D).`);
  }
  return x;
}

function boolOption(where: string, name: string, v: unknown, dflt: boolean): boolean {
  if (v === undefined) return dflt;
  if (typeof v !== 'boolean') throw new PaddleTypeError(`${where}: '${name}' must be a boolean, but received ${describe(v)}.`);
  return v;
}

interface Window2d {
  g: PoolGeometry;
  kernel: [number, number];
  outShape: number[];
}

/** The windows of a kernel/stride/padding pool over a 4-D x. */
function windows(where: string, x: Tensor, kernelSize: unknown, stride: unknown, padding: unknown, ceilMode: boolean, channelsLast: boolean): Window2d {
  const kernel = convertToList(kernelSize, 2, 'pool_size') as [number, number];
  const strides = stride === undefined || stride === null ? [...kernel] : convertToList(stride, 2, 'pool_stride');
  for (const [name, list] of [['kernel_size', kernel], ['stride', strides]] as const) {
    if (list.some((v) => v <= 0)) throw new ValueError(`${where}: the '${name}' must be positive, but received [${list.join(', ')}].`);
  }
  const p = parsePadding(padding ?? 0, 2, channelsLast);
  if (p.algorithm !== 'EXPLICIT' && ceilMode) {
    throw new ValueError(`When Attr(padding) is "${p.algorithm}", Attr(ceil_mode) must be False. Received ceil_mode: True.`);
  }
  const [n, c, h, w] = channelsLast ? [x.shape[0], x.shape[3], x.shape[1], x.shape[2]] : x.shape;
  const pads = resolvePadding(p, [h as number, w as number], kernel, strides);
  const [[pt, pb], [pl, pr]] = pads as [[number, number], [number, number]];
  const oh = poolOutputSize(h as number, kernel[0], pt, pb, strides[0] as number, ceilMode);
  const ow = poolOutputSize(w as number, kernel[1], pl, pr, strides[1] as number, ceilMode);
  const g: PoolGeometry = {
    n: n as number, c: c as number, h: h as number, w: w as number, oh, ow, channelsLast,
    rows: bounds(oh, h as number, kernel[0], strides[0] as number, pt),
    cols: bounds(ow, w as number, kernel[1], strides[1] as number, pl),
  };
  return { g, kernel, outShape: channelsLast ? [g.n, oh, ow, g.c] : [g.n, g.c, oh, ow] };
}

const MAX_KEYS = ['stride', 'padding', 'ceilMode', 'returnMask', 'dataFormat', 'name'] as const;
const AVG_KEYS = ['stride', 'padding', 'ceilMode', 'exclusive', 'divisorOverride', 'dataFormat', 'name'] as const;

/**
 * `paddle.nn.functional.max_pool2d(x, kernel_size, stride=None, padding=0, ceil_mode=False,
 * return_mask=False, data_format='NCHW')`: `maxPool2d(x, kernelSize, { stride, padding, ceilMode,
 * returnMask, dataFormat })`; with `returnMask` returns `[out, mask]`.
 * @param x - The float input `[N, C, H, W]` (or NHWC) (Paddle's `x`).
 * @param kernelSize - The window size, a number or `[kh, kw]` (Paddle's `kernel_size`).
 * @param options - {@link MaxPool2dOptions}: `stride` (default: the kernel size), `padding` (default 0), `ceilMode` (default `false`), `returnMask` (default `false`), `dataFormat` (`'NCHW'` default or `'NHWC'`), `name`.
 * @returns A new Tensor `[N, C, OH, OW]` (or NHWC) of x's dtype.
 * @throws {@link errors.TypeError} when `x` is not a float Tensor, a flag is not a boolean, or an option is unknown; {@link errors.ValueError} when x's rank is wrong, `kernelSize`/`stride` is not positive, `padding` or `dataFormat` is invalid, or `ceilMode` is used with 'same'/'valid' padding.
 */
export function maxPool2d(x: Tensor, kernelSize: number | readonly number[], options?: MaxPool2dOptions & { returnMask?: false }): Tensor;
/**
 * `maxPool2d(x, kernelSize, { returnMask: true, … })`: the output and the positions of the maxima.
 * @param x - The float input `[N, C, H, W]` (or NHWC) (Paddle's `x`).
 * @param kernelSize - The window size, a number or `[kh, kw]` (Paddle's `kernel_size`).
 * @param options - {@link MaxPool2dOptions}: `stride` (default: the kernel size), `padding` (default 0), `ceilMode` (default `false`), `returnMask` (default `false`), `dataFormat` (`'NCHW'` default or `'NHWC'`), `name`.
 * @returns `[out, mask]`: the pooled Tensor `[N, C, OH, OW]` (or NHWC) of x's dtype and an int32 Tensor of the same shape with each maximum's flat index in its H·W plane.
 * @throws {@link errors.TypeError} when `x` is not a float Tensor, a flag is not a boolean, or an option is unknown; {@link errors.ValueError} when x's rank is wrong, `kernelSize`/`stride` is not positive, `padding` or `dataFormat` is invalid, or `ceilMode` is used with 'same'/'valid' padding.
 */
export function maxPool2d(x: Tensor, kernelSize: number | readonly number[], options: MaxPool2dOptions & { returnMask: true }): [Tensor, Tensor];
/**
 * `maxPool2d(x, kernelSize, options)` with `returnMask` not known statically.
 * @param x - The float input `[N, C, H, W]` (or NHWC) (Paddle's `x`).
 * @param kernelSize - The window size, a number or `[kh, kw]` (Paddle's `kernel_size`).
 * @param options - {@link MaxPool2dOptions}: `stride` (default: the kernel size), `padding` (default 0), `ceilMode` (default `false`), `returnMask` (default `false`), `dataFormat` (`'NCHW'` default or `'NHWC'`), `name`.
 * @returns The pooled Tensor, or `[out, mask]` with `returnMask`.
 * @throws {@link errors.TypeError} when `x` is not a float Tensor, a flag is not a boolean, or an option is unknown; {@link errors.ValueError} when x's rank is wrong, `kernelSize`/`stride` is not positive, `padding` or `dataFormat` is invalid, or `ceilMode` is used with 'same'/'valid' padding.
 */
export function maxPool2d(x: Tensor, kernelSize: number | readonly number[], options?: MaxPool2dOptions): Tensor | [Tensor, Tensor];
export function maxPool2d(x: Tensor, kernelSize: number | readonly number[], options?: MaxPool2dOptions): Tensor | [Tensor, Tensor] {
  const o = checkOptions('max_pool2d', options, MAX_KEYS) ?? {};
  const format = dataFormatOf(o.dataFormat, ['NCHW', 'NHWC']);
  const X = floatInput('max_pool2d', x, 4);
  const ceil = boolOption('max_pool2d', 'ceil_mode', o.ceilMode, false);
  const mask = boolOption('max_pool2d', 'return_mask', o.returnMask, false);
  const { g, outShape } = windows('max_pool2d', X, kernelSize, o.stride, o.padding, ceil, format === 'NHWC');
  return maxPoolOp(X, g, outShape, mask);
}

/**
 * `paddle.nn.functional.avg_pool2d(x, kernel_size, stride=None, padding=0, ceil_mode=False,
 * exclusive=True, divisor_override=None, data_format='NCHW')`.
 * @param x - The float input `[N, C, H, W]` (or NHWC) (Paddle's `x`).
 * @param kernelSize - The window size, a number or `[kh, kw]` (Paddle's `kernel_size`).
 * @param options - {@link AvgPool2dOptions}: `stride` (default: the kernel size), `padding` (default 0), `ceilMode` (default `false`), `exclusive` (default `true`), `divisorOverride` (Paddle's `divisor_override`), `dataFormat` (`'NCHW'` default or `'NHWC'`), `name`.
 * @returns A new Tensor `[N, C, OH, OW]` (or NHWC) of x's dtype.
 * @throws {@link errors.TypeError} when `x` is not a float Tensor, a flag is not a boolean, or an option is unknown; {@link errors.ValueError} when x's rank is wrong, `kernelSize`/`stride` is not positive, `padding` or `dataFormat` is invalid, `divisorOverride` is not a positive number, or `ceilMode` is used with 'same'/'valid' padding.
 */
export function avgPool2d(x: Tensor, kernelSize: number | readonly number[], options?: AvgPool2dOptions): Tensor {
  const o = checkOptions('avg_pool2d', options, AVG_KEYS) ?? {};
  const format = dataFormatOf(o.dataFormat, ['NCHW', 'NHWC']);
  const X = floatInput('avg_pool2d', x, 4);
  const ceil = boolOption('avg_pool2d', 'ceil_mode', o.ceilMode, false);
  const exclusive = boolOption('avg_pool2d', 'exclusive', o.exclusive, true);
  const div = o.divisorOverride ?? null;
  if (div !== null && (typeof div !== 'number' || !(div > 0))) {
    throw new ValueError(`avg_pool2d: the 'divisor_override' must be a positive number, but received ${describe(div)}.`);
  }
  const { g, kernel, outShape } = windows('avg_pool2d', X, kernelSize, o.stride, o.padding, ceil, format === 'NHWC');
  const area = kernel[0] * kernel[1];
  return avgPoolOp(X, g, outShape, exclusive ? null : area, div === null ? 1 : area / div);
}

/** The output size of one adaptive dim (an integer, or null/undefined for the input's size). */
function adaptiveSize(v: unknown, input: number): number {
  if (v === null || v === undefined) return input;
  if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) {
    throw new ValueError(`adaptive_avg_pool2d: each 'output_size' must be a positive integer or None, but received ${describe(v)}.`);
  }
  return v;
}

/**
 * `paddle.nn.functional.adaptive_avg_pool2d(x, output_size, data_format='NCHW')`: `outputSize` an
 * integer or [OH, OW] (null keeps that input dim).
 * @param x - The float input `[N, C, H, W]` (or NHWC) (Paddle's `x`).
 * @param outputSize - The output size, an integer or `[OH, OW]` (`null` keeps that input size) (Paddle's `output_size`).
 * @param options - {@link AdaptiveAvgPool2dOptions}: `dataFormat` (`'NCHW'` default or `'NHWC'`), `name`.
 * @returns A new Tensor `[N, C, OH, OW]` (or NHWC) of x's dtype.
 * @throws {@link errors.TypeError} when `x` is not a float Tensor or an option is unknown; {@link errors.ValueError} when x is not 4-D, `outputSize` is not a positive integer or a pair of them, or `dataFormat` is invalid.
 */
export function adaptiveAvgPool2d(x: Tensor, outputSize: number | readonly (number | null)[], options?: AdaptiveAvgPool2dOptions): Tensor {
  const o = checkOptions('adaptive_avg_pool2d', options, ['dataFormat', 'name']) ?? {};
  const format = dataFormatOf(o.dataFormat, ['NCHW', 'NHWC']);
  const X = floatInput('adaptive_avg_pool2d', x, 4);
  const channelsLast = format === 'NHWC';
  const [n, c, h, w] = channelsLast ? [X.shape[0], X.shape[3], X.shape[1], X.shape[2]] : X.shape;
  let sizes: unknown[];
  if (typeof outputSize === 'number') sizes = [outputSize, outputSize];
  else if (Array.isArray(outputSize) && outputSize.length === 2) sizes = outputSize;
  else throw new ValueError(`The output_size's length must be 2. Received: ${describe(outputSize)}`);
  const oh = adaptiveSize(sizes[0], h as number);
  const ow = adaptiveSize(sizes[1], w as number);
  const g: PoolGeometry = {
    n: n as number, c: c as number, h: h as number, w: w as number, oh, ow, channelsLast,
    rows: adaptiveBounds(oh, h as number),
    cols: adaptiveBounds(ow, w as number),
  };
  return avgPoolOp(X, g, channelsLast ? [g.n, oh, ow, g.c] : [g.n, g.c, oh, ow], null, 1);
}

/** A 1-D pool as the 2-D one over a height of 1. */
function pool1d<T>(where: string, x: Tensor, format: DataFormat1D, kernelSize: unknown, stride: unknown, padding: unknown, run: (x4: Tensor, k: number[], s: number[] | null, p: PaddingSpec, f: DataFormat2D) => T): T {
  const X = floatInput(where, x, 3);
  const channelsLast = format === 'NLC';
  const k = [1, ...convertToList(kernelSize, 1, 'pool_size')];
  const s = stride === undefined || stride === null ? null : [1, ...convertToList(stride, 1, 'pool_stride')];
  const p = parsePadding(padding ?? 0, 1, channelsLast);
  const p2: PaddingSpec = p.algorithm === 'EXPLICIT' ? [0, 0, ...(p.pads[0] as [number, number])] : p.algorithm;
  const [n, a, b] = X.shape as [number, number, number];
  const x4 = reshape(X, channelsLast ? [n, 1, a, b] : [n, a, 1, b]);
  return run(x4, k, s === null ? [1, k[1] as number] : s, p2, channelsLast ? 'NHWC' : 'NCHW');
}

/**
 * `paddle.nn.functional.max_pool1d(x, kernel_size, stride=None, padding=0, return_mask=False,
 * ceil_mode=False, data_format='NCL')` (with `returnMask`: `[out, mask]`, mask = the index along L).
 * @param x - The float input `[N, C, L]` (or NLC) (Paddle's `x`).
 * @param kernelSize - The window length, a number or `[k]` (Paddle's `kernel_size`).
 * @param options - {@link MaxPool1dOptions}: `stride` (default: the kernel size), `padding` (default 0), `ceilMode` (default `false`), `returnMask` (default `false`), `dataFormat` (`'NCL'` default or `'NLC'`), `name`.
 * @returns A new Tensor `[N, C, OL]` (or NLC) of x's dtype; with `returnMask`, `[out, mask]` with mask the int32 index along L.
 * @throws {@link errors.TypeError} when `x` is not a float Tensor, a flag is not a boolean, or an option is unknown; {@link errors.ValueError} when x's rank is wrong, `kernelSize`/`stride` is not positive, `padding` or `dataFormat` is invalid, or `ceilMode` is used with 'same'/'valid' padding.
 */
export function maxPool1d(x: Tensor, kernelSize: number | readonly number[], options?: MaxPool1dOptions): Tensor | [Tensor, Tensor] {
  const o = checkOptions('max_pool1d', options, MAX_KEYS) ?? {};
  const format = dataFormatOf(o.dataFormat, ['NCL', 'NLC']);
  return pool1d('max_pool1d', x, format, kernelSize, o.stride, o.padding, (x4, k, s, p, f) => {
    const r = maxPool2d(x4, k, { stride: s, padding: p, ceilMode: o.ceilMode ?? false, returnMask: o.returnMask ?? false, dataFormat: f });
    const drop = (t: Tensor): Tensor => reshape(t, f === 'NHWC' ? [t.shape[0] as number, t.shape[2] as number, t.shape[3] as number] : [t.shape[0] as number, t.shape[1] as number, t.shape[3] as number]);
    return Array.isArray(r) ? ([drop(r[0]), drop(r[1])] as [Tensor, Tensor]) : drop(r);
  });
}

/**
 * `paddle.nn.functional.avg_pool1d(x, kernel_size, stride=None, padding=0, exclusive=True,
 * ceil_mode=False, data_format='NCL')`.
 * @param x - The float input `[N, C, L]` (or NLC) (Paddle's `x`).
 * @param kernelSize - The window length, a number or `[k]` (Paddle's `kernel_size`).
 * @param options - {@link AvgPool1dOptions}: `stride` (default: the kernel size), `padding` (default 0), `ceilMode` (default `false`), `exclusive` (default `true`), `dataFormat` (`'NCL'` default or `'NLC'`), `name`.
 * @returns A new Tensor `[N, C, OL]` (or NLC) of x's dtype.
 * @throws {@link errors.TypeError} when `x` is not a float Tensor, a flag is not a boolean, or an option is unknown; {@link errors.ValueError} when x's rank is wrong, `kernelSize`/`stride` is not positive, `padding` or `dataFormat` is invalid, or `ceilMode` is used with 'same'/'valid' padding.
 */
export function avgPool1d(x: Tensor, kernelSize: number | readonly number[], options?: AvgPool1dOptions): Tensor {
  const o = checkOptions('avg_pool1d', options, ['stride', 'padding', 'ceilMode', 'exclusive', 'dataFormat', 'name']) ?? {};
  const format = dataFormatOf(o.dataFormat, ['NCL', 'NLC']);
  return pool1d('avg_pool1d', x, format, kernelSize, o.stride, o.padding, (x4, k, s, p, f) => {
    const y = avgPool2d(x4, k, { stride: s, padding: p, ceilMode: o.ceilMode ?? false, exclusive: o.exclusive ?? true, dataFormat: f });
    return reshape(y, f === 'NHWC' ? [y.shape[0] as number, y.shape[2] as number, y.shape[3] as number] : [y.shape[0] as number, y.shape[1] as number, y.shape[3] as number]);
  });
}

export {
  maxPool2d as max_pool2d,
  avgPool2d as avg_pool2d,
  adaptiveAvgPool2d as adaptive_avg_pool2d,
  maxPool1d as max_pool1d,
  avgPool1d as avg_pool1d,
};

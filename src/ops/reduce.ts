/**
 * Reductions: sum, mean, max, min (axis: number | number[] | undefined, keepdim) and argmax,
 * argmin. Sums accumulate in float64 and round once into the result dtype (so a float32 sum or
 * mean is the correctly rounded value of the float64 sum, not Paddle's float32 tree order);
 * max/min propagate NaN. Gradients: sum broadcasts g back; mean broadcasts g / n; max/min send g to
 * every element equal to the result (ties each get the full gradient, as Paddle's reduce_max_grad).
 */
import { TypeError as PaddleTypeError, ValueError } from '../errors.js';
import { checkOptions, describe, leadingOption } from '../options.js';
import { planAxes } from './reduce-plan.js';
import { allocArray, castScalar, isFloatDType, toDType, type DType } from '../tensor/dtype.js';
import { numelOf, shapeToString } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';
import type { BackwardFn } from '../tensor/autograd.js';
import { broadcastTo, expectFloat, expectTensor, normalizeAxisOf, planBroadcast, reduceToShape, roundedTo } from './helpers.js';
import { needsGrad } from './binary.js';

/** One axis or several; negative axes count from the end. */
export type Axis = number | readonly number[];

/** Optional arguments of the reductions `mean`, `max`, `min`, … (Paddle's `axis`, `keepdim`, `name`). */
export interface ReduceOptions {
  /** Axis or axes to reduce (all when omitted or null). Negative axes count from the end. */
  axis?: Axis | null;
  /** Keep reduced axes as size-1 dimensions. */
  keepdim?: boolean;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string;
}

/** Optional arguments of {@link sum} (Paddle's `axis`, `dtype`, `keepdim`, `name`). */
export interface SumOptions extends ReduceOptions {
  /** Result dtype (default: x's dtype; bool and int32 sum to int64, as Paddle). */
  dtype?: DType | string | null;
}

/**
 * `paddle.sum(x, axis=None, dtype=None, keepdim=False)`.
 * @param x - The input Tensor (Paddle's `x`).
 * @param axisOrOptions - The axis or axes to reduce (Paddle's `axis`; negative counts from the end; omitted/`null`: all), or the options object.
 * @param options - {@link SumOptions}: `axis`, `dtype` (the result dtype), `keepdim` (default `false`), `name`.
 * @returns A new Tensor of x's shape without the reduced axes (kept as size 1 with `keepdim`); in `dtype` if given, else int64 for bool/int32 input, else x's dtype.
 * @throws {@link errors.TypeError} when `x` is not a Tensor, `keepdim` is not a boolean, `axis` is given both positionally and in `options`, or an option is unknown; {@link errors.ValueError} when an axis is out of range or repeated.
 */
export function sum(x: Tensor, axisOrOptions?: Axis | null | SumOptions, options?: SumOptions): Tensor {
  options = leadingOption('sum', 'axis', axisOrOptions, options);
  const opts = checkOptions('sum', options, ['axis', 'keepdim', 'dtype', 'name']);
  const t = expectTensor('sum', 'x', x);
  const r = planAxes('sum', t, opts.axis, opts.keepdim);
  const dtype: DType =
    opts.dtype !== undefined && opts.dtype !== null
      ? toDType(opts.dtype)
      : t.dtype === 'bool' || t.dtype === 'int32'
        ? 'int64'
        : t.dtype;
  const sums = reduceToShape(t.data, t.shape, r.keepShape, 'float64');
  const out = allocArray(dtype, sums.length);
  for (let i = 0; i < sums.length; i++) out[i] = castScalar(sums[i] as number, dtype);
  const back: BackwardFn = (g) => [needsGrad(t) ? broadcastTo(g, r.keepShape, t.shape, t.dtype) : null];
  return Tensor.fromOp('sum', out, r.outShape, dtype, [t], isFloatDType(dtype) ? back : null);
}

/**
 * `paddle.mean(x, axis=None, keepdim=False)` (float tensors).
 * @param x - The input Tensor (Paddle's `x`).
 * @param axisOrOptions - The axis or axes to reduce (Paddle's `axis`; negative counts from the end; omitted/`null`: all), or the options object.
 * @param options - {@link ReduceOptions}: `axis`, `keepdim` (default `false`), `name`.
 * @returns A new Tensor of x's shape without the reduced axes (kept as size 1 with `keepdim`), in x's dtype.
 * @throws {@link errors.TypeError} when `x` is not a float Tensor, `keepdim` is not a boolean, `axis` is given both positionally and in `options`, or an option is unknown; {@link errors.ValueError} when an axis is out of range or repeated.
 */
export function mean(x: Tensor, axisOrOptions?: Axis | null | ReduceOptions, options?: ReduceOptions): Tensor {
  options = leadingOption('mean', 'axis', axisOrOptions, options);
  const opts = checkOptions('mean', options, ['axis', 'keepdim', 'name']);
  const t = expectTensor('mean', 'x', x);
  expectFloat('mean', 'x', t);
  const r = planAxes('mean', t, opts.axis, opts.keepdim);
  const sums = reduceToShape(t.data, t.shape, r.keepShape, 'float64');
  const out = allocArray(t.dtype, sums.length);
  for (let i = 0; i < sums.length; i++) out[i] = (sums[i] as number) / r.count;
  const n = r.count;
  const back: BackwardFn = (g) => {
    if (!needsGrad(t)) return [null];
    const scaled = new Float64Array(g.length);
    for (let i = 0; i < g.length; i++) scaled[i] = (g[i] as number) / n;
    return [broadcastTo(scaled, r.keepShape, t.shape, t.dtype)];
  };
  return Tensor.fromOp('mean', out, r.outShape, t.dtype, [t], back);
}

/** Paddle's older name for `mean` (used by the seed document). */
export const reduce_mean = mean;

/**
 * `paddle.max(x, axis=None, keepdim=False)`.
 * @param x - The input Tensor (Paddle's `x`).
 * @param axisOrOptions - The axis or axes to reduce (Paddle's `axis`; negative counts from the end; omitted/`null`: all), or the options object.
 * @param options - {@link ReduceOptions}: `axis`, `keepdim` (default `false`), `name`.
 * @returns A new Tensor of x's shape without the reduced axes (kept as size 1 with `keepdim`), in x's dtype.
 * @throws {@link errors.TypeError} when `x` is not a Tensor, `keepdim` is not a boolean, `axis` is given both positionally and in `options`, or an option is unknown; {@link errors.ValueError} when an axis is out of range or repeated, or `x` has no elements.
 */
export function max(x: Tensor, axisOrOptions?: Axis | null | ReduceOptions, options?: ReduceOptions): Tensor {
  options = leadingOption('max', 'axis', axisOrOptions, options);
  return extremum('max', x, options, true);
}

/**
 * `paddle.min(x, axis=None, keepdim=False)`.
 * @param x - The input Tensor (Paddle's `x`).
 * @param axisOrOptions - The axis or axes to reduce (Paddle's `axis`; negative counts from the end; omitted/`null`: all), or the options object.
 * @param options - {@link ReduceOptions}: `axis`, `keepdim` (default `false`), `name`.
 * @returns A new Tensor of x's shape without the reduced axes (kept as size 1 with `keepdim`), in x's dtype.
 * @throws {@link errors.TypeError} when `x` is not a Tensor, `keepdim` is not a boolean, `axis` is given both positionally and in `options`, or an option is unknown; {@link errors.ValueError} when an axis is out of range or repeated, or `x` has no elements.
 */
export function min(x: Tensor, axisOrOptions?: Axis | null | ReduceOptions, options?: ReduceOptions): Tensor {
  options = leadingOption('min', 'axis', axisOrOptions, options);
  return extremum('min', x, options, false);
}

function extremum(where: string, x: Tensor, options: ReduceOptions | undefined, isMax: boolean): Tensor {
  const opts = checkOptions(where, options, ['axis', 'keepdim', 'name']);
  const t = expectTensor(where, 'x', x);
  const r = planAxes(where, t, opts.axis, opts.keepdim);
  if (t.numel === 0) {
    throw new ValueError(`${where}: cannot reduce a tensor with zero elements (shape ${shapeToString(t.shape)}).`);
  }
  const src = t.data;
  const acc = new Float64Array(numelOf(r.keepShape)).fill(isMax ? -Infinity : Infinity);
  const plan = planBroadcast([r.keepShape], t.shape);
  const to = plan.offsets[0] as Int32Array;
  const st = plan.innerStrides[0] as number;
  const inner = plan.inner;
  for (let row = 0, o = 0; row < plan.rows; row++, o += inner) {
    const base = to[row] as number;
    for (let j = 0; j < inner; j++) {
      const k = base + j * st;
      const v = src[o + j] as number;
      const cur = acc[k] as number;
      if (v !== v || (isMax ? v > cur : v < cur)) acc[k] = cur !== cur ? cur : v;
    }
  }
  const out = roundedTo(acc, t.dtype);
  const back: BackwardFn = (g) => {
    if (!needsGrad(t)) return [null];
    const xs = t.data;
    const ext = broadcastTo(out, r.keepShape, t.shape, 'float64');
    const gb = broadcastTo(g, r.keepShape, t.shape, 'float64');
    const gx = allocArray(t.dtype, xs.length);
    for (let i = 0; i < xs.length; i++) gx[i] = (xs[i] as number) === (ext[i] as number) ? (gb[i] as number) : 0;
    return [gx];
  };
  return Tensor.fromOp(where, out, r.outShape, t.dtype, [t], back);
}

/** Optional arguments of {@link argmax} and {@link argmin} (Paddle's `axis`, `keepdim`, `dtype`, `name`). */
export interface ArgOptions {
  /** The axis (the flattened tensor when omitted or null). */
  axis?: number | null;
  /** Keep the reduced axis as a size-1 dimension (Paddle's `keepdim`; default `false`). */
  keepdim?: boolean;
  /** int64 (default) or int32. */
  dtype?: DType | string;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string;
}

/**
 * `paddle.argmax(x, axis=None, keepdim=False, dtype='int64')`: first index of the maximum.
 * @param x - The input Tensor (Paddle's `x`).
 * @param axisOrOptions - The axis to search (Paddle's `axis`; negative counts from the end; omitted/`null`: the flattened tensor), or the options object.
 * @param options - {@link ArgOptions}: `axis`, `keepdim` (default `false`), `dtype` (`'int64'` default, or `'int32'`), `name`.
 * @returns A new int64 (or `dtype`) Tensor of indices: x's shape without `axis` (size 1 with `keepdim`); 0-D when `axis` is omitted (all sizes 1 with `keepdim`).
 * @throws {@link errors.TypeError} when `x` is not a Tensor, `dtype` is not int32/int64, `keepdim` is not a boolean or an option is unknown; {@link errors.ValueError} when `axis` is out of range or `x` has no elements.
 */
export function argmax(x: Tensor, axisOrOptions?: number | null | ArgOptions, options?: ArgOptions): Tensor {
  options = leadingOption('argmax', 'axis', axisOrOptions, options);
  return argExtremum('argmax', x, options, true);
}

/**
 * `paddle.argmin(x, axis=None, keepdim=False, dtype='int64')`: first index of the minimum.
 * @param x - The input Tensor (Paddle's `x`).
 * @param axisOrOptions - The axis to search (Paddle's `axis`; negative counts from the end; omitted/`null`: the flattened tensor), or the options object.
 * @param options - {@link ArgOptions}: `axis`, `keepdim` (default `false`), `dtype` (`'int64'` default, or `'int32'`), `name`.
 * @returns A new int64 (or `dtype`) Tensor of indices: x's shape without `axis` (size 1 with `keepdim`); 0-D when `axis` is omitted (all sizes 1 with `keepdim`).
 * @throws {@link errors.TypeError} when `x` is not a Tensor, `dtype` is not int32/int64, `keepdim` is not a boolean or an option is unknown; {@link errors.ValueError} when `axis` is out of range or `x` has no elements.
 */
export function argmin(x: Tensor, axisOrOptions?: number | null | ArgOptions, options?: ArgOptions): Tensor {
  options = leadingOption('argmin', 'axis', axisOrOptions, options);
  return argExtremum('argmin', x, options, false);
}

function argExtremum(where: string, x: Tensor, options: ArgOptions | undefined, isMax: boolean): Tensor {
  const opts = checkOptions(where, options, ['axis', 'keepdim', 'dtype', 'name']);
  const t = expectTensor(where, 'x', x);
  const dtype = opts.dtype === undefined ? 'int64' : toDType(opts.dtype);
  if (dtype !== 'int64' && dtype !== 'int32') {
    throw new PaddleTypeError(`${where}: the 'dtype' must be int32 or int64, but received ${describe(opts.dtype)}.`);
  }
  if (opts.keepdim !== undefined && typeof opts.keepdim !== 'boolean') {
    throw new PaddleTypeError(`${where}: the 'keepdim' must be a boolean, but received ${describe(opts.keepdim)}.`);
  }
  if (t.numel === 0) {
    throw new ValueError(`${where}: cannot reduce a tensor with zero elements (shape ${shapeToString(t.shape)}).`);
  }
  const keepdim = opts.keepdim ?? false;
  let outer: number;
  let n: number;
  let inner: number;
  let outShape: number[];
  if (opts.axis === undefined || opts.axis === null) {
    outer = 1;
    n = t.numel;
    inner = 1;
    outShape = keepdim ? t.shape.map(() => 1) : [];
  } else {
    const a = normalizeAxisOf(where, opts.axis, t.ndim);
    outer = numelOf(t.shape.slice(0, a));
    n = t.ndim === 0 ? 1 : (t.shape[a] as number);
    inner = numelOf(t.shape.slice(a + 1));
    outShape = keepdim ? t.shape.map((d, i) => (i === a ? 1 : d)) : t.shape.filter((_, i) => i !== a);
  }
  const src = t.data;
  const out = allocArray(dtype, outer * inner);
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < inner; j++) {
      const base = o * n * inner + j;
      let best = src[base] as number;
      let bi = 0;
      if (best === best) {
        for (let k = 1; k < n; k++) {
          const v = src[base + k * inner] as number;
          if (v !== v) {
            bi = k;
            break;
          }
          if (isMax ? v > best : v < best) {
            best = v;
            bi = k;
          }
        }
      }
      out[o * inner + j] = bi;
    }
  }
  return Tensor.fromOp(where, out, outShape, dtype, [t], null);
}


/**
 * `paddle.nn.functional` activations: softmax, log_softmax, gelu (relu, sigmoid and tanh are the
 * ops of src/ops/elementwise.ts, re-exported under nn.functional). Each is one
 * fused op over typed arrays: values are computed in float64 and rounded once into the input's
 * dtype; the backward uses the saved output (or input) the way Paddle's kernels do.
 * softmax / log_softmax subtract the maximum along the axis, so large logits neither overflow nor
 * lose the small ones.
 */
import { allocArray, toDType, type DataArray, type FloatDType } from '../../tensor/dtype.js';
import { Tensor } from '../../tensor/tensor.js';
import { isPlainObject, positionalOrOptions } from '../args.js';
import { checkOptions } from '../../options.js';
import { TypeError as PaddleTypeError } from '../../errors.js';
import { axisOf, floatTensor, splitAt } from './checks.js';
import { erfc } from './math.js';

/** Optional arguments of `F.softmax` and `F.logSoftmax` (Paddle's `axis`, `dtype`, `name`). */
export interface SoftmaxOptions {
  /** The axis the softmax normalizes over (Paddle's `axis`; default -1). */
  axis?: number;
  /** Cast the input to this dtype first (Paddle's `dtype`; default: the input's). */
  dtype?: string | null;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

function softmaxArgs(where: string, x: Tensor, args: unknown[]): { t: Tensor & { dtype: FloatDType }; axis: number } {
  const o = positionalOrOptions(where, args, ['axis', 'dtype', 'name']);
  let t: Tensor = floatTensorOrCastable(where, x);
  if (o.dtype !== undefined && o.dtype !== null) {
    const d = toDType(o.dtype);
    if (d !== 'float32' && d !== 'float64') {
      throw new PaddleTypeError(`${where}: 'dtype' must be float32 or float64, but received ${String(o.dtype)}.`);
    }
    if (d !== t.dtype) t = t.astype(d);
  }
  const ft = floatTensor(where, 'x', t);
  const axis = axisOf(where, o.axis ?? -1, ft.shape);
  return { t: ft, axis };
}

function floatTensorOrCastable(where: string, x: unknown): Tensor {
  if (!(x instanceof Tensor)) {
    throw new PaddleTypeError(`${where}: the argument 'x' must be a Tensor, but received ${typeof x}.`);
  }
  return x;
}

/**
 * Softmax along `axis` of `src` viewed as (outer, n, inner); writes probabilities (or log-probs)
 * into `out`. Returns nothing; both loops subtract the row maximum first.
 */
function softmaxKernel(src: DataArray, out: DataArray, outer: number, n: number, inner: number, log: boolean): void {
  const row = new Float64Array(n);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * n * inner + i;
      let max = -Infinity;
      for (let c = 0; c < n; c++) {
        const v = src[base + c * inner] as number;
        row[c] = v;
        if (v > max || v !== v) max = v;
      }
      if (max === -Infinity) max = 0; // all −inf: e^(−inf − 0) = 0, giving NaN like Paddle's 0/0
      let sum = 0;
      for (let c = 0; c < n; c++) {
        const e = Math.exp((row[c] as number) - max);
        if (!log) row[c] = e;
        sum += e;
      }
      if (log) {
        // (x − max) − log Σ: no cancellation against a large max.
        const ls = Math.log(sum);
        for (let c = 0; c < n; c++) out[base + c * inner] = (row[c] as number) - max - ls;
      } else {
        for (let c = 0; c < n; c++) out[base + c * inner] = (row[c] as number) / sum;
      }
    }
  }
}

/**
 * `softmax(x, { axis = -1, dtype })`, or `softmax(x, axis)`. Gradient `y·(g − Σ g·y)`.
 * @param x - A float Tensor (Paddle's `x`).
 * @param options - {@link SoftmaxOptions}: `axis` (default -1; negative counts from the end), `dtype` (float32/float64 to cast to first), `name`.
 * @returns A new Tensor of x's shape, in x's dtype (or `dtype`).
 * @throws {@link errors.TypeError} when `x` is not a float Tensor, `dtype` is not float32/float64, or the options are unknown or repeated; {@link errors.ValueError} when `axis` is out of range.
 */
export function softmax(x: Tensor, options?: SoftmaxOptions): Tensor;
/**
 * `softmax(x, axis)`: the axis positionally.
 * @param x - A float Tensor (Paddle's `x`).
 * @param axis - The axis to normalize over (Paddle's `axis`; negative counts from the end).
 * @param options - `dtype` (float32/float64 to cast to first), `name`.
 * @returns A new Tensor of x's shape, in x's dtype (or `dtype`).
 * @throws {@link errors.TypeError} when `x` is not a float Tensor, `dtype` is not float32/float64, or the options are unknown or repeated; {@link errors.ValueError} when `axis` is out of range.
 */
export function softmax(x: Tensor, axis: number, options?: Omit<SoftmaxOptions, 'axis'>): Tensor;
export function softmax(x: Tensor, ...args: unknown[]): Tensor {
  const { t, axis } = softmaxArgs('softmax', x, args);
  const [outer, n, inner] = splitAt(t.shape, axis);
  const out = allocArray(t.dtype, t.numel);
  softmaxKernel(t.data, out, outer, n, inner, false);
  return Tensor.fromOp('softmax', out, t.shape, t.dtype, [t], (g) => {
    const gx = allocArray(t.dtype, g.length);
    for (let o = 0; o < outer; o++) {
      for (let i = 0; i < inner; i++) {
        const base = o * n * inner + i;
        let dot = 0;
        for (let c = 0; c < n; c++) dot += (g[base + c * inner] as number) * (out[base + c * inner] as number);
        for (let c = 0; c < n; c++) {
          const k = base + c * inner;
          gx[k] = (out[k] as number) * ((g[k] as number) - dot);
        }
      }
    }
    return [gx];
  });
}

/**
 * `log_softmax(x, { axis = -1, dtype })`, or `logSoftmax(x, axis)`. Gradient `g − e^y·Σ g`.
 * @param x - A float Tensor (Paddle's `x`).
 * @param options - {@link SoftmaxOptions}: `axis` (default -1; negative counts from the end), `dtype` (float32/float64 to cast to first), `name`.
 * @returns A new Tensor of x's shape, in x's dtype (or `dtype`).
 * @throws {@link errors.TypeError} when `x` is not a float Tensor, `dtype` is not float32/float64, or the options are unknown or repeated; {@link errors.ValueError} when `axis` is out of range.
 */
export function logSoftmax(x: Tensor, options?: SoftmaxOptions): Tensor;
/**
 * `logSoftmax(x, axis)`: the axis positionally.
 * @param x - A float Tensor (Paddle's `x`).
 * @param axis - The axis to normalize over (Paddle's `axis`; negative counts from the end).
 * @param options - `dtype` (float32/float64 to cast to first), `name`.
 * @returns A new Tensor of x's shape, in x's dtype (or `dtype`).
 * @throws {@link errors.TypeError} when `x` is not a float Tensor, `dtype` is not float32/float64, or the options are unknown or repeated; {@link errors.ValueError} when `axis` is out of range.
 */
export function logSoftmax(x: Tensor, axis: number, options?: Omit<SoftmaxOptions, 'axis'>): Tensor;
export function logSoftmax(x: Tensor, ...args: unknown[]): Tensor {
  const { t, axis } = softmaxArgs('log_softmax', x, args);
  const [outer, n, inner] = splitAt(t.shape, axis);
  const out = allocArray(t.dtype, t.numel);
  softmaxKernel(t.data, out, outer, n, inner, true);
  return Tensor.fromOp('log_softmax', out, t.shape, t.dtype, [t], (g) => {
    const gx = allocArray(t.dtype, g.length);
    for (let o = 0; o < outer; o++) {
      for (let i = 0; i < inner; i++) {
        const base = o * n * inner + i;
        let sum = 0;
        for (let c = 0; c < n; c++) sum += g[base + c * inner] as number;
        for (let c = 0; c < n; c++) {
          const k = base + c * inner;
          gx[k] = (g[k] as number) - Math.exp(out[k] as number) * sum;
        }
      }
    }
    return [gx];
  });
}

/** Optional arguments of `F.gelu` (Paddle's `approximate`, `name`). */
export interface GeluOptions {
  /** Use the tanh approximation of GELU (Paddle's `approximate`; default `false`). */
  approximate?: boolean;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

const SQRT1_2 = Math.SQRT1_2;
const INV_SQRT_2PI = 0.3989422804014327;
const SQRT_2_OVER_PI = 0.7978845608028654;

/**
 * `gelu(x, { approximate = false })`: exact `0.5·x·(1 + erf(x/√2))` or the tanh approximation
 * `0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))`. Also `gelu(x, true)`.
 * @param x - A float Tensor (Paddle's `x`).
 * @param options - {@link GeluOptions}: `approximate` (default `false`), `name`; or the `approximate` boolean itself.
 * @returns A new Tensor of x's shape and dtype.
 * @throws {@link errors.TypeError} when `x` is not a float Tensor, `approximate` is not a boolean, or an option is unknown.
 */
export function gelu(x: Tensor, options?: GeluOptions | boolean): Tensor {
  const o = isPlainObject(options) || options === undefined ? checkOptions('gelu', options as GeluOptions | undefined, ['approximate', 'name']) : { approximate: options };
  const approximate = o.approximate ?? false;
  if (typeof approximate !== 'boolean') {
    throw new PaddleTypeError(`gelu: 'approximate' must be a boolean, but received ${String(approximate)}.`);
  }
  const t = floatTensor('gelu', 'x', x);
  const src = t.data;
  const out = allocArray(t.dtype, src.length);
  for (let i = 0; i < src.length; i++) {
    const v = src[i] as number;
    if (approximate) {
      out[i] = 0.5 * v * (1 + Math.tanh(SQRT_2_OVER_PI * (v + 0.044715 * v * v * v)));
    } else {
      out[i] = 0.5 * v * erfc(-v * SQRT1_2);
    }
  }
  return Tensor.fromOp('gelu', out, t.shape, t.dtype, [t], (g) => {
    const xs = t.data;
    const gx = allocArray(t.dtype, g.length);
    for (let i = 0; i < g.length; i++) {
      const v = xs[i] as number;
      let d: number;
      if (approximate) {
        const th = Math.tanh(SQRT_2_OVER_PI * (v + 0.044715 * v * v * v));
        d = 0.5 * (1 + th) + 0.5 * v * (1 - th * th) * SQRT_2_OVER_PI * (1 + 3 * 0.044715 * v * v);
      } else {
        d = 0.5 * erfc(-v * SQRT1_2) + v * INV_SQRT_2PI * Math.exp(-0.5 * v * v);
      }
      gx[i] = (g[i] as number) * d;
    }
    return [gx];
  });
}

export { logSoftmax as log_softmax };

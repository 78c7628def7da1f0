/**
 * Reductions and scans: prod, var, std, logsumexp (over axes, with keepdim) and cumsum (along one
 * axis, or the flattened tensor). Accumulation is in float64 with one rounding into the result
 * dtype, as in reduce.ts.
 *
 * Gradients: prod sends g·Π(others) (exact with zeros: one zero in a group gets the product of
 * the rest, every other element 0); var: g·2(x − mean)/(n − ddof); std: g·(x − mean)/((n − ddof)·std);
 * logsumexp: g·e^(x − out); cumsum: the reversed cumulative sum of g.
 */
import { TypeError as PaddleTypeError } from '../errors.js';
import { checkOptions, describe, leadingOption } from '../options.js';
import { allocArray, castScalar, isFloatDType, toDType, type DataArray, type DType } from '../tensor/dtype.js';
import { numelOf } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';
import type { BackwardFn } from '../tensor/autograd.js';
import { expectFloat, expectTensor, normalizeAxisOf, planBroadcast } from './helpers.js';
import { needsGrad } from './binary.js';
import { planAxes, type ReductionPlan } from './reduce-plan.js';
import type { Axis } from './reduce.js';

/** For each element of a tensor of `shape`, the index of its group in `keepShape` (its reduction output). */
function groupOf(shape: readonly number[], keepShape: readonly number[]): Int32Array {
  const n = numelOf(shape);
  const grp = new Int32Array(n);
  if (n === 0 || numelOf(keepShape) === 1) return grp;
  const plan = planBroadcast([keepShape], shape);
  const to = plan.offsets[0] as Int32Array;
  const st = plan.innerStrides[0] as number;
  for (let r = 0, o = 0; r < plan.rows; r++, o += plan.inner) {
    const base = to[r] as number;
    for (let j = 0; j < plan.inner; j++) grp[o + j] = base + j * st;
  }
  return grp;
}

function rounded(acc: Float64Array, dtype: DType): DataArray {
  if (dtype === 'float64') return acc;
  const out = allocArray(dtype, acc.length);
  for (let i = 0; i < acc.length; i++) out[i] = castScalar(acc[i] as number, dtype);
  return out;
}

/** Optional arguments of {@link prod} (Paddle's `axis`, `keepdim`, `dtype`, `name`). */
export interface ProdOptions {
  /** The axis to work along (Paddle's `axis`); a negative axis counts from the end. */
  axis?: Axis | null;
  /** Keep the reduced axes as size-1 dimensions (Paddle's `keepdim`; default `false`). */
  keepdim?: boolean;
  /** Result dtype (default: x's dtype; int32 and bool give int64, as Paddle). */
  dtype?: DType | string | null;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

/**
 * `paddle.prod(x, axis=None, keepdim=False, dtype=None)`: the product over axes.
 * @param x - The input Tensor (Paddle's `x`).
 * @param axisOrOptions - The axis or axes to reduce (Paddle's `axis`; negative counts from the end; omitted/`null`: all), or the options object.
 * @param options - {@link ProdOptions}: `axis`, `keepdim` (default `false`), `dtype` (the result dtype), `name`.
 * @returns A new Tensor of x's shape without the reduced axes (kept as size 1 with `keepdim`); in `dtype` if given, else int64 for bool/int32 input, else x's dtype.
 * @throws {@link errors.TypeError} when `x` is not a Tensor, `keepdim` is not a boolean, `axis` is given both positionally and in `options`, `dtype` is not a known dtype, or an option is unknown; {@link errors.ValueError} when an axis is out of range or repeated.
 */
export function prod(x: Tensor, axisOrOptions?: Axis | null | ProdOptions, options?: ProdOptions): Tensor {
  options = leadingOption('prod', 'axis', axisOrOptions, options);
  const opts = checkOptions('prod', options, ['axis', 'keepdim', 'dtype', 'name']);
  const t = expectTensor('prod', 'x', x);
  const r = planAxes('prod', t, opts.axis, opts.keepdim);
  const dtype: DType =
    opts.dtype !== undefined && opts.dtype !== null ? toDType(opts.dtype) : t.dtype === 'bool' || t.dtype === 'int32' ? 'int64' : t.dtype;
  const src = t.data;
  const grp = groupOf(t.shape, r.keepShape);
  const m = numelOf(r.keepShape);
  const acc = new Float64Array(m).fill(1);
  for (let i = 0; i < src.length; i++) {
    const k = grp[i] as number;
    acc[k] = (acc[k] as number) * (src[i] as number);
  }
  const back: BackwardFn = (g) => {
    if (!needsGrad(t)) return [null];
    const xs = t.data;
    // Per group: the number of zeros and the product of the nonzero elements.
    const zeros = new Int32Array(m);
    const rest = new Float64Array(m).fill(1);
    for (let i = 0; i < xs.length; i++) {
      const k = grp[i] as number;
      const v = xs[i] as number;
      if (v === 0) zeros[k] = (zeros[k] as number) + 1;
      else rest[k] = (rest[k] as number) * v;
    }
    const gx = allocArray(t.dtype, xs.length);
    for (let i = 0; i < xs.length; i++) {
      const k = grp[i] as number;
      const v = xs[i] as number;
      const z = zeros[k] as number;
      const others = z === 0 ? (rest[k] as number) / v : z === 1 && v === 0 ? (rest[k] as number) : 0;
      gx[i] = (g[k] as number) * others;
    }
    return [gx];
  };
  return Tensor.fromOp('prod', rounded(acc, dtype), r.outShape, dtype, [t], isFloatDType(dtype) && isFloatDType(t.dtype) ? back : null);
}

/**
 * Optional arguments of {@link variance} and {@link std} (Paddle's `axis`, `unbiased`, `keepdim`,
 * `name`).
 */
export interface VarOptions {
  /** The axis to work along (Paddle's `axis`); a negative axis counts from the end. */
  axis?: Axis | null;
  /** Divide by n − 1 (default true) instead of n. */
  unbiased?: boolean;
  /** Keep the reduced axes as size-1 dimensions (Paddle's `keepdim`; default `false`). */
  keepdim?: boolean;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

/** Group means and the sum of squared deviations (two passes, float64). */
function moments(where: string, x: unknown, options: VarOptions | undefined): { t: Tensor; r: ReductionPlan; grp: Int32Array; mu: Float64Array; v: Float64Array; div: number } {
  const opts = checkOptions(where, options, ['axis', 'unbiased', 'keepdim', 'name']);
  const t = expectTensor(where, 'x', x);
  expectFloat(where, 'x', t);
  const unbiased = opts.unbiased ?? true;
  if (typeof unbiased !== 'boolean') {
    throw new PaddleTypeError(`${where}: the 'unbiased' must be a boolean, but received ${describe(unbiased)}.`);
  }
  const r = planAxes(where, t, opts.axis, opts.keepdim);
  const grp = groupOf(t.shape, r.keepShape);
  const m = numelOf(r.keepShape);
  const src = t.data;
  const mu = new Float64Array(m);
  for (let i = 0; i < src.length; i++) mu[grp[i] as number] += src[i] as number;
  for (let k = 0; k < m; k++) mu[k] = (mu[k] as number) / r.count;
  const v = new Float64Array(m);
  for (let i = 0; i < src.length; i++) {
    const d = (src[i] as number) - (mu[grp[i] as number] as number);
    v[grp[i] as number] += d * d;
  }
  const div = unbiased ? r.count - 1 : r.count;
  for (let k = 0; k < m; k++) v[k] = (v[k] as number) / div;
  return { t, r, grp, mu, v, div };
}

/**
 * The op of a dispersion `out` per group (var or std) whose gradient is
 * `g · factor · (x − μ) / den[group]` (var: factor 2, den = div; std: factor 1, den = div · s).
 */
function dispersionOp(where: string, m: ReturnType<typeof moments>, out: Float64Array, factor: number, den: (k: number) => number): Tensor {
  const { t, r, grp, mu } = m;
  const back: BackwardFn = (g) => {
    if (!needsGrad(t)) return [null];
    const xs = t.data;
    const gx = allocArray(t.dtype, xs.length);
    for (let i = 0; i < xs.length; i++) {
      const k = grp[i] as number;
      gx[i] = ((g[k] as number) * factor * ((xs[i] as number) - (mu[k] as number))) / den(k);
    }
    return [gx];
  };
  return Tensor.fromOp(where, rounded(out, t.dtype), r.outShape, t.dtype, [t], back);
}

/**
 * `paddle.var(x, axis=None, unbiased=True, keepdim=False)`: the variance over axes.
 * @param x - A float Tensor (Paddle's `x`).
 * @param axisOrOptions - The axis or axes to reduce (Paddle's `axis`; negative counts from the end; omitted/`null`: all), or the options object.
 * @param options - {@link VarOptions}: `axis`, `unbiased` (default `true`: divide by n − 1), `keepdim` (default `false`), `name`.
 * @returns A new Tensor of x's shape without the reduced axes (kept as size 1 with `keepdim`), in x's dtype.
 * @throws {@link errors.TypeError} when `x` is not a float Tensor, `unbiased` or `keepdim` is not a boolean, `axis` is given both positionally and in `options`, or an option is unknown; {@link errors.ValueError} when an axis is out of range or repeated.
 */
export function variance(x: Tensor, axisOrOptions?: Axis | null | VarOptions, options?: VarOptions): Tensor {
  options = leadingOption('var', 'axis', axisOrOptions, options);
  const m = moments('var', x, options);
  return dispersionOp('var', m, m.v, 2, () => m.div);
}

/**
 * `paddle.std(x, axis=None, unbiased=True, keepdim=False)`: the standard deviation over axes.
 * @param x - A float Tensor (Paddle's `x`).
 * @param axisOrOptions - The axis or axes to reduce (Paddle's `axis`; negative counts from the end; omitted/`null`: all), or the options object.
 * @param options - {@link VarOptions}: `axis`, `unbiased` (default `true`: divide by n − 1), `keepdim` (default `false`), `name`.
 * @returns A new Tensor of x's shape without the reduced axes (kept as size 1 with `keepdim`), in x's dtype.
 * @throws {@link errors.TypeError} when `x` is not a float Tensor, `unbiased` or `keepdim` is not a boolean, `axis` is given both positionally and in `options`, or an option is unknown; {@link errors.ValueError} when an axis is out of range or repeated.
 */
export function std(x: Tensor, axisOrOptions?: Axis | null | VarOptions, options?: VarOptions): Tensor {
  options = leadingOption('std', 'axis', axisOrOptions, options);
  const m = moments('std', x, options);
  const s = m.v.map(Math.sqrt);
  return dispersionOp('std', m, s, 1, (k) => m.div * (s[k] as number));
}

/** Optional arguments of {@link logsumexp} (Paddle's `axis`, `keepdim`, `name`). */
export interface LogsumexpOptions {
  /** The axis to work along (Paddle's `axis`); a negative axis counts from the end. */
  axis?: Axis | null;
  /** Keep the reduced axes as size-1 dimensions (Paddle's `keepdim`; default `false`). */
  keepdim?: boolean;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

/**
 * `paddle.logsumexp(x, axis=None, keepdim=False)`: max + log Σ e^(x − max), stable.
 * @param x - A float Tensor (Paddle's `x`).
 * @param axisOrOptions - The axis or axes to reduce (Paddle's `axis`; negative counts from the end; omitted/`null`: all), or the options object.
 * @param options - {@link LogsumexpOptions}: `axis`, `keepdim` (default `false`), `name`.
 * @returns A new Tensor of x's shape without the reduced axes (kept as size 1 with `keepdim`), in x's dtype.
 * @throws {@link errors.TypeError} when `x` is not a float Tensor, `keepdim` is not a boolean, `axis` is given both positionally and in `options`, or an option is unknown; {@link errors.ValueError} when an axis is out of range or repeated.
 */
export function logsumexp(x: Tensor, axisOrOptions?: Axis | null | LogsumexpOptions, options?: LogsumexpOptions): Tensor {
  options = leadingOption('logsumexp', 'axis', axisOrOptions, options);
  const opts = checkOptions('logsumexp', options, ['axis', 'keepdim', 'name']);
  const t = expectTensor('logsumexp', 'x', x);
  expectFloat('logsumexp', 'x', t);
  const r = planAxes('logsumexp', t, opts.axis, opts.keepdim);
  const grp = groupOf(t.shape, r.keepShape);
  const m = numelOf(r.keepShape);
  const src = t.data;
  const mx = new Float64Array(m).fill(-Infinity);
  for (let i = 0; i < src.length; i++) {
    const k = grp[i] as number;
    const v = src[i] as number;
    if (v > (mx[k] as number) || v !== v) mx[k] = v;
  }
  const acc = new Float64Array(m);
  for (let k = 0; k < m; k++) if (!Number.isFinite(mx[k] as number)) mx[k] = (mx[k] as number) !== (mx[k] as number) ? NaN : 0;
  for (let i = 0; i < src.length; i++) {
    const k = grp[i] as number;
    acc[k] += Math.exp((src[i] as number) - (mx[k] as number));
  }
  for (let k = 0; k < m; k++) acc[k] = (mx[k] as number) + Math.log(acc[k] as number);
  const back: BackwardFn = (g) => {
    if (!needsGrad(t)) return [null];
    const xs = t.data;
    const gx = allocArray(t.dtype, xs.length);
    for (let i = 0; i < xs.length; i++) {
      const k = grp[i] as number;
      gx[i] = (g[k] as number) * Math.exp((xs[i] as number) - (acc[k] as number));
    }
    return [gx];
  };
  return Tensor.fromOp('logsumexp', rounded(acc, t.dtype), r.outShape, t.dtype, [t], back);
}

/** Optional arguments of {@link cumsum} (Paddle's `axis`, `dtype`, `name`). */
export interface CumsumOptions {
  /** The axis (the flattened tensor when omitted or null). */
  axis?: number | null;
  /** Result dtype (default x's). */
  dtype?: DType | string | null;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

/** Running sums along the middle axis of a tensor viewed as (outer, n, inner); `reverse` runs backwards. */
function scan(src: DataArray, out: DataArray, outer: number, n: number, inner: number, reverse: boolean): void {
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < inner; j++) {
      let s = 0;
      for (let c = 0; c < n; c++) {
        const k = o * n * inner + (reverse ? n - 1 - c : c) * inner + j;
        s += src[k] as number;
        out[k] = s;
      }
    }
  }
}

/**
 * `paddle.cumsum(x, axis=None, dtype=None)`: the cumulative sum (flattened when axis is omitted).
 * @param x - The input Tensor (Paddle's `x`).
 * @param axisOrOptions - The axis to scan (Paddle's `axis`; negative counts from the end; omitted/`null`: the flattened tensor), or the options object.
 * @param options - {@link CumsumOptions}: `axis`, `dtype` (the result dtype), `name`.
 * @returns A new Tensor of x's shape (1-D `[x.numel]` when `axis` is omitted); in `dtype` if given, else int64 for bool input, else x's dtype.
 * @throws {@link errors.TypeError} when `x` is not a Tensor, `dtype` is not a known dtype, `axis` is given both positionally and in `options`, or an option is unknown; {@link errors.ValueError} when `axis` is out of range.
 */
export function cumsum(x: Tensor, axisOrOptions?: number | null | CumsumOptions, options?: CumsumOptions): Tensor {
  options = leadingOption('cumsum', 'axis', axisOrOptions, options);
  const opts = checkOptions('cumsum', options, ['axis', 'dtype', 'name']);
  const t = expectTensor('cumsum', 'x', x);
  const dtype: DType = opts.dtype !== undefined && opts.dtype !== null ? toDType(opts.dtype) : t.dtype === 'bool' ? 'int64' : t.dtype;
  const flat = opts.axis === undefined || opts.axis === null;
  const shape = flat ? [t.numel] : [...t.shape];
  const axis = flat ? 0 : normalizeAxisOf('cumsum', opts.axis, t.ndim);
  const outer = numelOf(shape.slice(0, axis));
  const n = shape.length === 0 ? 1 : (shape[axis] as number);
  const inner = numelOf(shape.slice(axis + 1));
  const acc = new Float64Array(t.numel);
  scan(t.data, acc, outer, n, inner, false);
  const back: BackwardFn = (g) => {
    if (!needsGrad(t)) return [null];
    const gacc = new Float64Array(g.length);
    scan(g, gacc, outer, n, inner, true);
    return [rounded(gacc, t.dtype)];
  };
  const ok = isFloatDType(dtype) && isFloatDType(t.dtype);
  return Tensor.fromOp('cumsum', rounded(acc, dtype), shape, dtype, [t], ok ? back : null);
}

export { variance as var };

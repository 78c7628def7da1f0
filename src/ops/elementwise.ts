/**
 * More unary elementwise ops: tanh, sigmoid, relu (the top-level `paddle.tanh` …; nn.functional
 * re-exports these), rsqrt, sin, cos, floor, round, and the predicates isnan, isinf, isfinite.
 * Each value is computed in float64 and rounded once into the output dtype; the backward is
 * g · f′ from the saved input and output.
 *
 * Dtype rules (Paddle's kernels): tanh/sigmoid/relu take float tensors only (TypeError naming the
 * dtype); rsqrt/sin/cos of an integer tensor give the default float dtype (like sqrt); floor and
 * round keep the dtype (identity on integers) and have a zero gradient; the predicates give bool.
 */
import { TypeError as PaddleTypeError } from '../errors.js';
import { checkOptions, describe } from '../options.js';
import { getDefaultDType } from '../tensor/creation.js';
import { allocArray, isFloatDType, type DataArray, type DType } from '../tensor/dtype.js';
import { Tensor } from '../tensor/tensor.js';
import type { BackwardFn } from '../tensor/autograd.js';
import { expectFloat, expectTensor, valuesAs } from './helpers.js';
import { needsGrad } from './binary.js';
import { getBackend, type KernelDType } from '../kernels/index.js';

/** The optional `name` that Paddle's element-wise ops take. */
export interface NameOptions {
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

/** Which dtypes an op accepts and what it returns. */
type DTypeRule = 'float' | 'toFloat' | 'same' | 'bool';

export interface UnarySpec {
  /** The value, from the input element (in float64). */
  f: (v: number) => number;
  /** The derivative from the input and output elements; null: no gradient; 'zero': a zero gradient. */
  df: ((v: number, y: number) => number) | null | 'zero';
  rule: DTypeRule;
}

/**
 * Applies `spec` elementwise to `xv` (the one driver of this file). Checks the options (only
 * `name`) and the tensor first; `where` names the op in errors.
 */
export function mapUnary(where: string, xv: unknown, options: NameOptions | undefined, spec: UnarySpec): Tensor {
  checkOptions(where, options, ['name']);
  const x = expectTensor(where, 'x', xv);
  if (spec.rule === 'float') expectFloat(where, 'x', x);
  const dtype: DType =
    spec.rule === 'bool' ? 'bool' : spec.rule === 'toFloat' && !isFloatDType(x.dtype) ? getDefaultDType() : x.dtype;
  const a = spec.rule === 'bool' ? x.data : valuesAs(x, dtype);
  const out = allocArray(dtype, a.length);
  const f = spec.f;
  for (let i = 0; i < a.length; i++) out[i] = f(a[i] as number);
  const df = spec.df;
  let back: BackwardFn | null = null;
  if (df === 'zero') back = () => [needsGrad(x) ? allocArray(x.dtype, x.numel) : null];
  else if (df !== null) {
    back = (g) => {
      if (!needsGrad(x)) return [null];
      const xs: DataArray = x.data;
      const gx = allocArray(x.dtype, g.length);
      for (let i = 0; i < g.length; i++) gx[i] = (g[i] as number) * df(xs[i] as number, out[i] as number);
      return [gx];
    };
  }
  return Tensor.fromOp(where, out, x.shape, dtype, [x], back);
}

/** σ(v) = 1/(1 + e^(−v)) without overflow for very negative v (shared with nn.functional's silu/softplus). */
export const sigmoidScalar = (v: number): number => (v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v)));
/** Round half away from zero (C's std::round, Paddle's round kernel); Math.round is exact on |v|. */
const roundHalfAway = (v: number): number => (v < 0 ? -Math.round(-v) : Math.round(v));

/*
 * tanh, sigmoid and relu sit in every model's forward and backward, so they have loops of their
 * own rather than going through `mapUnary`'s per-element callbacks (about 1.5–2× slower); the
 * numbers are the same: f in float64, rounded once; g · f′(y).
 */
function activationInput(where: string, xv: unknown, options: NameOptions | undefined): { t: Tensor; src: DataArray; out: DataArray } {
  checkOptions(where, options, ['name']);
  const t = expectTensor(where, 'x', xv);
  expectFloat(where, 'x', t);
  const src = t.data;
  return { t, src, out: allocArray(t.dtype, src.length) };
}

function activationOutput(where: string, t: Tensor, out: DataArray, grad: (g: DataArray, gx: DataArray) => void): Tensor {
  return Tensor.fromOp(where, out, t.shape, t.dtype, [t], (g) => {
    if (!needsGrad(t)) return [null];
    const gx = allocArray(t.dtype, g.length);
    grad(g, gx);
    return [gx];
  });
}

/**
 * `paddle.tanh(x)`; gradient g·(1 − y²).
 * @param x - The input Tensor (Paddle's `x`).
 * @param options - {@link NameOptions}: `name` (accepted, unused).
 * @returns A new Tensor of x's shape and dtype.
 * @throws {@link errors.TypeError} when `x` is not a float Tensor or `options` has an unknown key.
 */
export function tanh(x: Tensor, options?: NameOptions): Tensor {
  const { t, src, out } = activationInput('tanh', x, options);
  for (let i = 0; i < src.length; i++) out[i] = Math.tanh(src[i] as number);
  return activationOutput('tanh', t, out, (g, gx) => {
    for (let i = 0; i < g.length; i++) {
      const y = out[i] as number;
      gx[i] = (g[i] as number) * (1 - y * y);
    }
  });
}

/**
 * `paddle.nn.functional.sigmoid(x)` = 1/(1 + e^(−x)) (also `paddle.sigmoid`); gradient g·y·(1 − y).
 * Paddle's kernel evaluates `1 / (1 + exp(-x))` in the tensor's dtype, each operation rounded
 * (float32: e^(−x), 1 + ·, 1 / · each rounded to float32), and so does this: its documented
 * outputs then match to the last digit.
 * @param x - The input Tensor (Paddle's `x`).
 * @param options - {@link NameOptions}: `name` (accepted, unused).
 * @returns A new Tensor of x's shape and dtype.
 * @throws {@link errors.TypeError} when `x` is not a float Tensor or `options` has an unknown key.
 */
export function sigmoid(x: Tensor, options?: NameOptions): Tensor {
  const { t, src, out } = activationInput('sigmoid', x, options);
  // a float tensor (activationInput checked): its arrays are the kernel dtype's
  getBackend().sigmoid(t.dtype as KernelDType, src as Float32Array | Float64Array, out as Float32Array | Float64Array);
  return activationOutput('sigmoid', t, out, (g, gx) => {
    for (let i = 0; i < g.length; i++) {
      const y = out[i] as number;
      gx[i] = (g[i] as number) * (y * (1 - y));
    }
  });
}

/**
 * `paddle.nn.functional.relu(x)` = max(x, 0) (NaN stays NaN); gradient g·(y > 0).
 * @param x - The input Tensor (Paddle's `x`).
 * @param options - {@link NameOptions}: `name` (accepted, unused).
 * @returns A new Tensor of x's shape and dtype.
 * @throws {@link errors.TypeError} when `x` is not a float Tensor or `options` has an unknown key.
 */
export function relu(x: Tensor, options?: NameOptions): Tensor {
  const { t, src, out } = activationInput('relu', x, options);
  // a float tensor (activationInput checked): its arrays are the kernel dtype's
  const dtype = t.dtype as KernelDType;
  type F = Float32Array | Float64Array;
  getBackend().relu(dtype, src as F, out as F);
  // Paddle's relu_grad: dout · (out > 0), so a NaN dout stays NaN
  return activationOutput('relu', t, out, (g, gx) => getBackend().reluGrad(dtype, out as F, g as F, gx as F));
}

/**
 * `paddle.rsqrt(x)` = 1/√x; gradient −g·y³/2.
 * @param x - The input Tensor (Paddle's `x`).
 * @param options - {@link NameOptions}: `name` (accepted, unused).
 * @returns A new Tensor of x's shape; x's dtype if float, else the default float dtype.
 * @throws {@link errors.TypeError} when `x` is not a Tensor or `options` has an unknown key.
 */
export function rsqrt(x: Tensor, options?: NameOptions): Tensor {
  return mapUnary('rsqrt', x, options, { f: (v) => 1 / Math.sqrt(v), df: (_v, y) => -0.5 * y * y * y, rule: 'toFloat' });
}

/**
 * `paddle.sin(x)`; gradient g·cos(x).
 * @param x - The input Tensor (Paddle's `x`).
 * @param options - {@link NameOptions}: `name` (accepted, unused).
 * @returns A new Tensor of x's shape; x's dtype if float, else the default float dtype.
 * @throws {@link errors.TypeError} when `x` is not a Tensor or `options` has an unknown key.
 */
export function sin(x: Tensor, options?: NameOptions): Tensor {
  return mapUnary('sin', x, options, { f: Math.sin, df: (v) => Math.cos(v), rule: 'toFloat' });
}

/**
 * `paddle.cos(x)`; gradient −g·sin(x).
 * @param x - The input Tensor (Paddle's `x`).
 * @param options - {@link NameOptions}: `name` (accepted, unused).
 * @returns A new Tensor of x's shape; x's dtype if float, else the default float dtype.
 * @throws {@link errors.TypeError} when `x` is not a Tensor or `options` has an unknown key.
 */
export function cos(x: Tensor, options?: NameOptions): Tensor {
  return mapUnary('cos', x, options, { f: Math.cos, df: (v) => -Math.sin(v), rule: 'toFloat' });
}

/**
 * `paddle.floor(x)`; zero gradient (Paddle's floor_grad).
 * @param x - The input Tensor (Paddle's `x`).
 * @param options - {@link NameOptions}: `name` (accepted, unused).
 * @returns A new Tensor of x's shape and dtype.
 * @throws {@link errors.TypeError} when `x` is not a Tensor or `options` has an unknown key.
 */
export function floor(x: Tensor, options?: NameOptions): Tensor {
  return mapUnary('floor', x, options, { f: Math.floor, df: 'zero', rule: 'same' });
}

/** Optional arguments of {@link round} (Paddle's `decimals`, `name`). */
export interface RoundOptions extends NameOptions {
  /** Decimal places (default 0; negative rounds to tens, hundreds, …). */
  decimals?: number;
}

/**
 * `paddle.round(x, decimals=0)`: halves round away from zero (2.5 → 3, −2.5 → −3); with
 * `decimals`, round(x·10^d)/10^d as Paddle's kernel. Zero gradient.
 * @param x - The input Tensor (Paddle's `x`).
 * @param options - {@link RoundOptions}: `decimals` (default 0), `name`.
 * @returns A new Tensor of x's shape and dtype.
 * @throws {@link errors.TypeError} when `x` is not a Tensor, `decimals` is not an integer, or `options` has an unknown key.
 */
export function round(x: Tensor, options?: RoundOptions): Tensor {
  const o = checkOptions('round', options, ['decimals', 'name']);
  const d = o.decimals ?? 0;
  if (typeof d !== 'number' || !Number.isInteger(d)) {
    throw new PaddleTypeError(`round: the 'decimals' must be an integer, but received ${describe(d)}.`);
  }
  const p = Math.pow(10, d);
  const f = d === 0 ? roundHalfAway : (v: number): number => roundHalfAway(v * p) / p;
  return mapUnary('round', x, undefined, { f, df: 'zero', rule: 'same' });
}

/**
 * `paddle.isnan(x)`: bool tensor.
 * @param x - The input Tensor (Paddle's `x`).
 * @param options - {@link NameOptions}: `name` (accepted, unused).
 * @returns A new bool Tensor of x's shape.
 * @throws {@link errors.TypeError} when `x` is not a Tensor or `options` has an unknown key.
 */
export function isnan(x: Tensor, options?: NameOptions): Tensor {
  return mapUnary('isnan', x, options, { f: (v) => (v !== v ? 1 : 0), df: null, rule: 'bool' });
}

/**
 * `paddle.isinf(x)`: bool tensor, true at ±inf.
 * @param x - The input Tensor (Paddle's `x`).
 * @param options - {@link NameOptions}: `name` (accepted, unused).
 * @returns A new bool Tensor of x's shape.
 * @throws {@link errors.TypeError} when `x` is not a Tensor or `options` has an unknown key.
 */
export function isinf(x: Tensor, options?: NameOptions): Tensor {
  return mapUnary('isinf', x, options, { f: (v) => (v === Infinity || v === -Infinity ? 1 : 0), df: null, rule: 'bool' });
}

/**
 * `paddle.isfinite(x)`: bool tensor, false at NaN and ±inf.
 * @param x - The input Tensor (Paddle's `x`).
 * @param options - {@link NameOptions}: `name` (accepted, unused).
 * @returns A new bool Tensor of x's shape.
 * @throws {@link errors.TypeError} when `x` is not a Tensor or `options` has an unknown key.
 */
export function isfinite(x: Tensor, options?: NameOptions): Tensor {
  return mapUnary('isfinite', x, options, { f: (v) => (Number.isFinite(v) ? 1 : 0), df: null, rule: 'bool' });
}

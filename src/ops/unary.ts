/**
 * Unary elementwise ops: neg, abs, sqrt, square, exp, log, sign, clip, scale. Forward and backward
 * together; each result is computed in float64 and stored into the output dtype (one rounding per
 * arithmetic step, as float32 hardware does). sqrt/exp/log of an integer tensor give the default
 * float dtype.
 */
import { TypeError as PaddleTypeError, ValueError } from '../errors.js';
import { checkOptions, describe, leadingOption } from '../options.js';
import { getDefaultDType, scalarOf } from '../tensor/creation.js';
import { allocArray, castScalar, isFloatDType, type DataArray, type DType } from '../tensor/dtype.js';
import { Tensor } from '../tensor/tensor.js';
import type { BackwardFn } from '../tensor/autograd.js';
import { expectTensor, valuesAs } from './helpers.js';
import { needsGrad } from './binary.js';
import { getBackend } from '../kernels/index.js';

type Loop = (a: DataArray, out: DataArray) => void;
/** Computes the input gradient into `gx` (an array of x's dtype) from g, x and the output. */
type GradLoop = (g: DataArray, x: DataArray, out: DataArray, gx: DataArray) => void;

function unary(name: string, xv: unknown, loop: Loop, grad: GradLoop | null, floatResult = false): Tensor {
  const x = expectTensor(name, 'x', xv);
  const dtype: DType = floatResult && !isFloatDType(x.dtype) ? getDefaultDType() : x.dtype;
  const a = valuesAs(x, dtype);
  const out = allocArray(dtype, a.length);
  loop(a, out);
  const back: BackwardFn | null =
    grad === null
      ? null
      : (g) => {
          if (!needsGrad(x)) return [null];
          const gx = allocArray(x.dtype, g.length);
          grad(g, x.data, out, gx);
          return [gx];
        };
  return Tensor.fromOp(name, out, x.shape, dtype, [x], back);
}

/**
 * `paddle.neg(x)`: −x.
 * @param x - The input Tensor (Paddle's `x`).
 * @returns A new Tensor of x's shape and dtype.
 * @throws {@link errors.TypeError} when `x` is not a Tensor.
 */
export function neg(x: Tensor): Tensor {
  return unary(
    'neg',
    x,
    (a, out) => {
      for (let i = 0; i < a.length; i++) out[i] = -(a[i] as number);
    },
    (g, _x, _o, gx) => {
      for (let i = 0; i < g.length; i++) gx[i] = -(g[i] as number);
    },
  );
}

/**
 * `paddle.abs(x)`: |x|; gradient g · sign(x) (0 at 0, as Paddle).
 * @param x - The input Tensor (Paddle's `x`).
 * @returns A new Tensor of x's shape and dtype.
 * @throws {@link errors.TypeError} when `x` is not a Tensor.
 */
export function abs(x: Tensor): Tensor {
  return unary(
    'abs',
    x,
    (a, out) => {
      for (let i = 0; i < a.length; i++) out[i] = Math.abs(a[i] as number);
    },
    (g, xs, _o, gx) => {
      for (let i = 0; i < g.length; i++) {
        const v = xs[i] as number;
        gx[i] = v > 0 ? (g[i] as number) : v < 0 ? -(g[i] as number) : 0;
      }
    },
  );
}

/**
 * `paddle.sqrt(x)`: √x; gradient g · 0.5 / out.
 * @param x - The input Tensor (Paddle's `x`).
 * @returns A new Tensor of x's shape; x's dtype if float, else the default float dtype.
 * @throws {@link errors.TypeError} when `x` is not a Tensor.
 */
export function sqrt(x: Tensor): Tensor {
  return unary(
    'sqrt',
    x,
    (a, out) => {
      for (let i = 0; i < a.length; i++) out[i] = Math.sqrt(a[i] as number);
    },
    (g, _x, out, gx) => {
      for (let i = 0; i < g.length; i++) gx[i] = (0.5 * (g[i] as number)) / (out[i] as number);
    },
    true,
  );
}

/**
 * `paddle.square(x)`: x²; gradient 2 · x · g.
 * @param x - The input Tensor (Paddle's `x`).
 * @returns A new Tensor of x's shape and dtype.
 * @throws {@link errors.TypeError} when `x` is not a Tensor.
 */
export function square(x: Tensor): Tensor {
  return unary(
    'square',
    x,
    (a, out) => {
      for (let i = 0; i < a.length; i++) {
        const v = a[i] as number;
        out[i] = v * v;
      }
    },
    (g, xs, _o, gx) => {
      for (let i = 0; i < g.length; i++) gx[i] = 2 * (xs[i] as number) * (g[i] as number);
    },
  );
}

/**
 * `paddle.exp(x)`: eˣ; gradient g · out.
 * @param x - The input Tensor (Paddle's `x`).
 * @returns A new Tensor of x's shape; x's dtype if float, else the default float dtype.
 * @throws {@link errors.TypeError} when `x` is not a Tensor.
 */
export function exp(x: Tensor): Tensor {
  return unary(
    'exp',
    x,
    (a, out) => {
      // float arrays of the output's type: the kernel (Math.exp's bits); others the loop
      if ((a instanceof Float32Array && out instanceof Float32Array) || (a instanceof Float64Array && out instanceof Float64Array)) {
        getBackend().exp(out instanceof Float32Array ? 'float32' : 'float64', a, out);
      } else {
        for (let i = 0; i < a.length; i++) out[i] = Math.exp(a[i] as number);
      }
    },
    (g, _x, out, gx) => {
      for (let i = 0; i < g.length; i++) gx[i] = (g[i] as number) * (out[i] as number);
    },
    true,
  );
}

/**
 * `paddle.log(x)`: natural logarithm; gradient g / x.
 * @param x - The input Tensor (Paddle's `x`).
 * @returns A new Tensor of x's shape; x's dtype if float, else the default float dtype.
 * @throws {@link errors.TypeError} when `x` is not a Tensor.
 */
export function log(x: Tensor): Tensor {
  return unary(
    'log',
    x,
    (a, out) => {
      for (let i = 0; i < a.length; i++) out[i] = Math.log(a[i] as number);
    },
    (g, xs, _o, gx) => {
      for (let i = 0; i < g.length; i++) gx[i] = (g[i] as number) / (xs[i] as number);
    },
    true,
  );
}

/**
 * `paddle.sign(x)`: −1, 0 or 1 (NaN stays NaN); its gradient is zero.
 * @param x - The input Tensor (Paddle's `x`).
 * @returns A new Tensor of x's shape and dtype.
 * @throws {@link errors.TypeError} when `x` is not a Tensor.
 */
export function sign(x: Tensor): Tensor {
  return unary(
    'sign',
    x,
    (a, out) => {
      for (let i = 0; i < a.length; i++) {
        const v = a[i] as number;
        out[i] = v > 0 ? 1 : v < 0 ? -1 : v;
      }
    },
    () => {
      /* the gradient of sign is zero: gx stays as allocated */
    },
  );
}

/** Optional arguments of {@link clip} (Paddle's `min`, `max`, `name`). */
export interface ClipOptions {
  /** Lower bound (none when omitted). */
  min?: number | null;
  /** Upper bound (none when omitted). */
  max?: number | null;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string;
}

/**
 * `paddle.clip(x, min=None, max=None)`: clamps into [min, max] (`clip(x, -1, 1)` or
 * `clip(x, { min: -1, max: 1 })`). The bounds are rounded to x's
 * dtype. Gradient as Paddle: g where min < x < max (strictly), else 0.
 * @param x - The input Tensor (Paddle's `x`).
 * @param minOrOptions - The lower bound (Paddle's `min`; `null`/omitted: none), or a {@link ClipOptions} object.
 * @param maxArg - The upper bound (Paddle's `max`; `null`/omitted: none).
 * @param options - {@link ClipOptions}: `min`, `max`, `name`.
 * @returns A new Tensor of x's shape and dtype.
 * @throws {@link errors.TypeError} when `x` is not a Tensor, a bound is not a number, or a bound is given both positionally and in `options`; {@link errors.ValueError} when `min > max`.
 */
export function clip(x: Tensor, minOrOptions?: number | null | ClipOptions, maxArg?: number | null, options?: ClipOptions): Tensor {
  // Paddle code writes clip(x, min, max) positionally
  let merged = leadingOption<ClipOptions>('clip', 'min', minOrOptions, options);
  if (maxArg !== undefined) merged = leadingOption<ClipOptions>('clip', 'max', maxArg, merged);
  const opts = checkOptions('clip', merged, ['min', 'max', 'name']);
  const t = expectTensor('clip', 'x', x);
  const bound = (key: 'min' | 'max'): number | null => {
    const v: unknown = opts[key];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'number') {
      throw new PaddleTypeError(`clip: the '${key}' must be a number, but received ${describe(v)}.`);
    }
    return castScalar(v, t.dtype);
  };
  const lo = bound('min');
  const hi = bound('max');
  if (lo !== null && hi !== null && lo > hi) {
    throw new ValueError(`clip: 'max' should be greater than or equal to 'min', but received min = ${String(opts.min)}, max = ${String(opts.max)}.`);
  }
  const min = lo ?? -Infinity;
  const max = hi ?? Infinity;
  return unary(
    'clip',
    t,
    (a, out) => {
      for (let i = 0; i < a.length; i++) {
        const v = a[i] as number;
        out[i] = v < min ? min : v > max ? max : v;
      }
    },
    (g, xs, _o, gx) => {
      for (let i = 0; i < g.length; i++) {
        const v = xs[i] as number;
        gx[i] = v > min && v < max ? (g[i] as number) : 0;
      }
    },
  );
}

/** Optional arguments of {@link scale} (Paddle's `scale`, `bias`, `bias_after_scale`, `name`). */
export interface ScaleOptions {
  /** Multiplier (default 1); a number or a 1-element Tensor. */
  scale?: number | Tensor;
  /** Added term (default 0); a number or a 1-element Tensor. */
  bias?: number | Tensor;
  /** true (default): scale · x + bias; false: scale · (x + bias). */
  biasAfterScale?: boolean;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string;
}

/**
 * `paddle.scale(x, scale=1.0, bias=0.0, bias_after_scale=True)`. Two rounded steps, like
 * Paddle's kernel: `(x · scale) + bias` or `(x + bias) · scale`. Gradient: scale · g.
 * @param x - The input Tensor (Paddle's `x`).
 * @param options - {@link ScaleOptions}: `scale` (default 1), `bias` (default 0), `biasAfterScale` (default `true`), `name`.
 * @returns A new Tensor of x's shape and dtype.
 * @throws {@link errors.TypeError} when `x` is not a Tensor, an option has the wrong type (`scale`/`bias` not a number or 1-element Tensor, `biasAfterScale` not a boolean) or is unknown.
 */
export function scale(x: Tensor, options?: ScaleOptions): Tensor {
  const opts = checkOptions('scale', options, ['scale', 'bias', 'biasAfterScale', 'name']);
  const t = expectTensor('scale', 'x', x);
  const num = (key: 'scale' | 'bias', dflt: number): number => {
    const v = scalarOf('scale', key, opts[key]);
    if (v !== undefined && typeof v !== 'number') {
      throw new PaddleTypeError(`scale: the '${key}' must be a number or a 1-element Tensor, but received ${describe(v)}.`);
    }
    return v ?? dflt;
  };
  const sv = num('scale', 1);
  const bv = num('bias', 0);
  if (opts.biasAfterScale !== undefined && typeof opts.biasAfterScale !== 'boolean') {
    throw new PaddleTypeError(`scale: the 'biasAfterScale' must be a boolean, but received ${describe(opts.biasAfterScale)}.`);
  }
  const s = castScalar(sv, t.dtype);
  const b = castScalar(bv, t.dtype);
  const after = opts.biasAfterScale ?? true;
  return unary(
    'scale',
    t,
    (a, out) => {
      if (after) {
        for (let i = 0; i < a.length; i++) out[i] = (a[i] as number) * s;
        for (let i = 0; i < a.length; i++) out[i] = (out[i] as number) + b;
      } else {
        for (let i = 0; i < a.length; i++) out[i] = (a[i] as number) + b;
        for (let i = 0; i < a.length; i++) out[i] = (out[i] as number) * s;
      }
    },
    (g, _x, _o, gx) => {
      for (let i = 0; i < g.length; i++) gx[i] = (g[i] as number) * s;
    },
  );
}

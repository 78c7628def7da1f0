/**
 * More `paddle.nn.functional` activations: leaky_relu, silu, elu, softplus, and `normalize`
 * (Lp normalisation along an axis). The activations are elementwise ops through the shared driver
 * of src/ops/elementwise.ts (one float64 evaluation, one rounding into the input's float dtype);
 * normalize is composed from differentiable ops, so its gradient is theirs.
 */
import { TypeError as PaddleTypeError, ValueError } from '../../errors.js';
import { describe } from '../../options.js';
import type { Tensor } from '../../tensor/tensor.js';
import { mapUnary, sigmoidScalar as sig } from '../../ops/elementwise.js';
import { abs, sqrt, square } from '../../ops/unary.js';
import { divide, maximum, pow } from '../../ops/binary.js';
import { sum } from '../../ops/reduce.js';
import { positionalOrOptions } from '../args.js';
import { floatTensor } from './checks.js';

function numberOpt(where: string, key: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number') {
    throw new PaddleTypeError(`${where}: the '${key}' must be a number, but received ${describe(value)}.`);
  }
  return value;
}

/** Optional arguments of `F.leakyRelu` (Paddle's `negative_slope`, `name`). */
export interface LeakyReluOptions {
  /** Slope for x < 0 (default 0.01). */
  negativeSlope?: number;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

/**
 * `leaky_relu(x, negative_slope=0.01)`: x for x > 0, else slope·x; also `leakyRelu(x, 0.2)`.
 * @param x - A float Tensor (Paddle's `x`).
 * @param options - {@link LeakyReluOptions}: `negativeSlope` (Paddle's `negative_slope`, default 0.01), `name`.
 * @returns A new Tensor of x's shape and dtype.
 * @throws {@link errors.TypeError} when `x` is not a float Tensor, `negativeSlope` is not a number, or an option is unknown.
 */
export function leakyRelu(x: Tensor, options?: LeakyReluOptions): Tensor;
/**
 * `leakyRelu(x, negativeSlope)`: the slope positionally.
 * @param x - A float Tensor (Paddle's `x`).
 * @param negativeSlope - The slope for x < 0 (Paddle's `negative_slope`).
 * @param options - `name` (accepted, unused).
 * @returns A new Tensor of x's shape and dtype.
 * @throws {@link errors.TypeError} when `x` is not a float Tensor, `negativeSlope` is not a number, or an option is unknown.
 */
export function leakyRelu(x: Tensor, negativeSlope: number, options?: { name?: string | null }): Tensor;
export function leakyRelu(x: Tensor, ...args: unknown[]): Tensor {
  const o = positionalOrOptions('leaky_relu', args, ['negativeSlope', 'name']);
  const a = numberOpt('leaky_relu', 'negativeSlope', o.negativeSlope, 0.01);
  return mapUnary('leaky_relu', x, undefined, { f: (v) => (v > 0 ? v : v * a), df: (v) => (v > 0 ? 1 : a), rule: 'float' });
}

/**
 * `silu(x)` = x·σ(x); gradient σ(x)·(1 + x·(1 − σ(x))).
 * @param x - A float Tensor (Paddle's `x`).
 * @param options - `name` (accepted, unused).
 * @returns A new Tensor of x's shape and dtype.
 * @throws {@link errors.TypeError} when `x` is not a float Tensor, or an option is unknown.
 */
export function silu(x: Tensor, options?: { name?: string | null }): Tensor {
  return mapUnary('silu', x, options, {
    f: (v) => v * sig(v),
    df: (v) => {
      const s = sig(v);
      return s * (1 + v * (1 - s));
    },
    rule: 'float',
  });
}

/** Optional arguments of `F.elu` (Paddle's `alpha`, `name`). */
export interface EluOptions {
  /** Scale of the negative part (default 1.0). */
  alpha?: number;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

/**
 * `elu(x, alpha=1.0)`: x for x > 0, else α·(eˣ − 1); also `elu(x, 0.5)`.
 * @param x - A float Tensor (Paddle's `x`).
 * @param options - {@link EluOptions}: `alpha` (default 1.0), `name`.
 * @returns A new Tensor of x's shape and dtype.
 * @throws {@link errors.TypeError} when `x` is not a float Tensor, `alpha` is not a number, or an option is unknown.
 */
export function elu(x: Tensor, options?: EluOptions): Tensor;
/**
 * `elu(x, alpha)`: alpha positionally.
 * @param x - A float Tensor (Paddle's `x`).
 * @param alpha - The scale of the negative part (Paddle's `alpha`).
 * @param options - `name` (accepted, unused).
 * @returns A new Tensor of x's shape and dtype.
 * @throws {@link errors.TypeError} when `x` is not a float Tensor, `alpha` is not a number, or an option is unknown.
 */
export function elu(x: Tensor, alpha: number, options?: { name?: string | null }): Tensor;
export function elu(x: Tensor, ...args: unknown[]): Tensor {
  const o = positionalOrOptions('elu', args, ['alpha', 'name']);
  const alpha = numberOpt('elu', 'alpha', o.alpha, 1.0);
  return mapUnary('elu', x, undefined, {
    f: (v) => (v > 0 ? v : alpha * Math.expm1(v)),
    df: (v) => (v > 0 ? 1 : alpha * Math.exp(v)),
    rule: 'float',
  });
}

/** Optional arguments of `F.softplus` (Paddle's `beta`, `threshold`, `name`). */
export interface SoftplusOptions {
  /** Default 1. */
  beta?: number;
  /** Above beta·x > threshold the result is x itself (default 20). */
  threshold?: number;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

/**
 * `softplus(x, beta=1, threshold=20)` = log(1 + e^(β·x))/β, or x where β·x > threshold.
 * @param x - A float Tensor (Paddle's `x`).
 * @param options - {@link SoftplusOptions}: `beta` (default 1), `threshold` (default 20), `name`.
 * @returns A new Tensor of x's shape and dtype.
 * @throws {@link errors.TypeError} when `x` is not a float Tensor, `beta` or `threshold` is not a number, or an option is unknown.
 */
export function softplus(x: Tensor, options?: SoftplusOptions): Tensor {
  const o = positionalOrOptions('softplus', options === undefined ? [] : [options], ['beta', 'threshold', 'name']);
  const beta = numberOpt('softplus', 'beta', o.beta, 1);
  const threshold = numberOpt('softplus', 'threshold', o.threshold, 20);
  // Paddle's kernel: x·β > threshold ? x : log(1 + exp(x·β)) / β, in the tensor's dtype with each
  // operation rounded (β and threshold cast to it), which this follows for float32.
  const f = (x as { dtype?: unknown }).dtype === 'float32' ? Math.fround : (v: number): number => v;
  const b = f(beta);
  const th = f(threshold);
  return mapUnary('softplus', x, undefined, {
    f: (v) => {
      const z = f(b * v);
      return z > th ? v : f(f(Math.log(f(1 + f(Math.exp(z))))) / b);
    },
    df: (v) => {
      const z = beta * v;
      return z > threshold ? 1 : sig(z);
    },
    rule: 'float',
  });
}

/** Optional arguments of `F.normalize` (Paddle's `p`, `axis`, `epsilon`, `name`). */
export interface NormalizeOptions {
  /** The norm's exponent (default 2). */
  p?: number;
  /** The axis normalised (default 1). */
  axis?: number;
  /** Lower bound of the norm (default 1e-12). */
  epsilon?: number;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

/**
 * `normalize(x, p=2, axis=1, epsilon=1e-12)`: x / max(‖x‖_p along axis, ε).
 * @param x - A float Tensor (Paddle's `x`).
 * @param options - {@link NormalizeOptions}: `p` (default 2), `axis` (default 1), `epsilon` (default 1e-12), `name`.
 * @returns A new Tensor of x's shape and dtype.
 * @throws {@link errors.TypeError} when `x` is not a float Tensor, `p`/`epsilon` is not a number, `axis` is not an integer, or an option is unknown; {@link errors.ValueError} when `axis` is out of range (for 1-D x: not 0 or -1).
 */
export function normalize(x: Tensor, options?: NormalizeOptions): Tensor {
  const o = positionalOrOptions('normalize', options === undefined ? [] : [options], ['p', 'axis', 'epsilon', 'name']);
  const t = floatTensor('normalize', 'x', x);
  const p = numberOpt('normalize', 'p', o.p, 2);
  const epsilon = numberOpt('normalize', 'epsilon', o.epsilon, 1e-12);
  const axis = o.axis ?? 1;
  if (typeof axis !== 'number' || !Number.isInteger(axis)) {
    throw new PaddleTypeError(`normalize: the 'axis' must be an integer, but received ${describe(axis)}.`);
  }
  if (t.ndim === 1 && axis !== 0 && axis !== -1) {
    throw new ValueError(`Axis must be 0 or -1 when x is a 1-D tensor, but received axis = ${axis}`);
  }
  const norm =
    p === 2
      ? sqrt(sum(square(t), { axis, keepdim: true }))
      : pow(sum(pow(abs(t), p), { axis, keepdim: true }), 1 / p);
  return divide(t, maximum(norm, epsilon));
}

export { leakyRelu as leaky_relu };

/**
 * `paddle.linalg.norm(x, p='fro', axis=None, keepdim=False)` (also `paddle.norm`, `x.norm()`):
 * vector p-norms over one axis or the whole (flattened) tensor, the Frobenius norm over all
 * axes or a pair of axes, and Paddle 3's ±inf / ±1 matrix norms. The vector norms are one op
 * with its backward (Paddle's p_norm_grad: a zero norm gives a zero gradient; ±inf gives the
 * gradient to every element attaining the extreme), accumulating in float64 and rounding once;
 * the matrix norms are composed of abs, sum and max/min.
 */
import { NotImplementedError, TypeError as PaddleTypeError, ValueError } from '../errors.js';
import { checkOptions, describe, leadingOption } from '../options.js';
import { allocArray, type DataArray } from '../tensor/dtype.js';
import { Tensor } from '../tensor/tensor.js';
import type { BackwardFn } from '../tensor/autograd.js';
import { broadcastTo, expectFloat, expectTensor } from './helpers.js';
import { needsGrad } from './binary.js';
import { planAxes } from './reduce-plan.js';
import { max, min, sum } from './reduce.js';
import { abs } from './unary.js';
import { reshape } from './manipulation.js';

/** What `p` may be: 'fro', 'nuc' (not implemented) or a number (incl. ±Infinity and 0). */
export type NormP = 'fro' | 'nuc' | number;

/** Optional arguments of `paddle.linalg.norm` (Paddle's `axis`, `keepdim`, `name`). */
export interface NormOptions {
  /** 'fro' (default), or a vector order: any number, Infinity, -Infinity, 0. */
  p?: NormP | null;
  /** null (default): all axes; an axis: a vector norm along it; two axes: a matrix norm. */
  axis?: number | readonly number[] | null;
  /** Keep the reduced axes as size-1 dimensions (Paddle's `keepdim`; default `false`). */
  keepdim?: boolean;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

/** The vector norm of order p over the reduced groups; `group[i]` is x[i]'s result element. */
function pnorm(x: Tensor, p: number, keepShape: number[], outShape: number[]): Tensor {
  const n = keepShape.reduce((a, b) => a * b, 1);
  const iota = new Float64Array(n).map((_, i) => i);
  const group = broadcastTo(iota, keepShape, x.shape, 'float64');
  const src = x.data;
  const acc = new Float64Array(n);
  if (p === Infinity || p === -Infinity) acc.fill(p === Infinity ? -Infinity : Infinity);
  for (let i = 0; i < src.length; i++) {
    const a = Math.abs(src[i] as number);
    const g = group[i] as number;
    if (p === Infinity) acc[g] = Math.max(acc[g] as number, a);
    else if (p === -Infinity) acc[g] = Math.min(acc[g] as number, a);
    else if (p === 0) acc[g] = (acc[g] as number) + (a !== 0 ? 1 : 0);
    else if (p === 2) acc[g] = (acc[g] as number) + a * a;
    else if (p === 1) acc[g] = (acc[g] as number) + a;
    else acc[g] = (acc[g] as number) + a ** p;
  }
  const norms = new Float64Array(n);
  for (let g = 0; g < n; g++) {
    const s = acc[g] as number;
    norms[g] = p === Infinity || p === -Infinity || p === 0 || p === 1 ? s : p === 2 ? Math.sqrt(s) : s ** (1 / p);
  }
  const out = allocArray(x.dtype, n);
  out.set(norms);
  const back: BackwardFn = (gout) => {
    if (!needsGrad(x) || p === 0) return [needsGrad(x) ? allocArray(x.dtype, x.numel) : null];
    const gx: DataArray = allocArray(x.dtype, x.numel);
    for (let i = 0; i < src.length; i++) {
      const v = src[i] as number;
      const g = group[i] as number;
      const y = norms[g] as number;
      const dy = gout[g] as number;
      const sg = Math.sign(v);
      let d: number;
      if (p === Infinity || p === -Infinity) d = Math.abs(v) === y ? sg * dy : 0;
      else if (p === 1) d = sg * dy;
      else if (y === 0) d = 0;
      else if (p === 2) d = (v / y) * dy;
      else d = sg * Math.abs(v) ** (p - 1) * y ** (1 - p) * dy;
      gx[i] = d;
    }
    return [gx];
  };
  return Tensor.fromOp('p_norm', out, outShape, x.dtype, [x], back);
}

/**
 * Paddle 3's matrix norms over the axes [r, c]: inf / -inf the max / min over r of the row sums
 * Σ_c |x|, 1 / -1 the max / min over c of the column sums Σ_r |x| (composed of abs, sum, max/min,
 * so the gradient is theirs). ±2 (singular values) is a NotImplementedError.
 */
function matrixNorm(x: Tensor, p: number, axes: readonly number[], outShape: number[]): Tensor {
  const [r, c] = axes.map((a) => (a < 0 ? a + x.ndim : a)) as [number, number];
  const byRows = p === Infinity || p === -Infinity;
  if (!byRows && p !== 1 && p !== -1) {
    throw new NotImplementedError(`norm: matrix norms of order ${String(p)} over two axes are not implemented (Paddle's are inf, -inf, 1, -1, 'fro', 'nuc', 2, -2; here: inf, -inf, 1, -1, 'fro').`);
  }
  const sums = sum(abs(x), { axis: byRows ? c : r, keepdim: true });
  const pick = p > 0 ? max : min;
  return reshape(pick(sums, { axis: byRows ? r : c, keepdim: true }), outShape);
}

/**
 * `paddle.linalg.norm(x, p='fro', axis=None, keepdim=False)`. `p` may be passed positionally
 * (`norm(x, 2)`, `norm(x, 2, { axis: 1 })`) or in the options.
 * - `axis` null: 'fro' is √Σx² over all elements; a number p is the vector p-norm of x flattened.
 * - `axis` a number: the vector norm along it ('fro' is the 2-norm).
 * - `axis` two numbers [r, c]: a matrix norm: 'fro'; inf / -inf (max / min row sum of |x|), 1 / -1
 *   (max / min column sum), as Paddle 3; 'nuc' and ±2 (singular values) are a NotImplementedError.
 * Vector orders: Infinity (max |x|), -Infinity (min |x|), 0 (count of non-zeros; zero gradient),
 * any other number p: (Σ|x|^p)^(1/p).
 */
export function norm(x: Tensor, pOrOptions?: NormP | null | NormOptions, options?: NormOptions): Tensor {
  const opts = checkOptions('norm', leadingOption('norm', 'p', pOrOptions, options), ['p', 'axis', 'keepdim', 'name']);
  const t = expectTensor('norm', 'x', x);
  expectFloat('norm', 'x', t);
  const p = opts.p ?? 'fro';
  if (typeof p === 'string') {
    if (p !== 'fro' && p !== 'nuc') throw new ValueError(`norm: the 'p' must be 'fro', 'nuc' or a number, but received ${describe(p)}.`);
  } else if (typeof p !== 'number' || Number.isNaN(p)) {
    throw new PaddleTypeError(`norm: the 'p' must be 'fro', 'nuc' or a number, but received ${describe(p)}.`);
  }
  const axis = opts.axis ?? null;
  const axes = axis === null ? null : typeof axis === 'number' ? [axis] : Array.isArray(axis) ? [...(axis as number[])] : axis;
  if (axes !== null && (!Array.isArray(axes) || axes.length === 0 || axes.length > 2)) {
    throw new ValueError(`norm: the 'axis' must be null, an integer or a list of 1 or 2 integers, but received ${describe(axis)}.`);
  }
  if (p === 'nuc') throw new NotImplementedError(`norm: the nuclear norm (p='nuc') is not implemented.`);
  const r = planAxes('norm', t, axes, opts.keepdim);
  if (axes !== null && axes.length === 2 && p !== 'fro') return matrixNorm(t, p, axes as number[], r.outShape);
  return pnorm(t, p === 'fro' ? 2 : p, r.keepShape, r.outShape);
}

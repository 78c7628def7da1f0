/**
 * `paddle.linalg.norm(x, p='fro', axis=None, keepdim=False)` (also `paddle.norm`, `x.norm()`):
 * vector p-norms over one axis or the whole (flattened) tensor, the Frobenius norm over all
 * axes or a pair of axes, Paddle 3's ±inf / ±1 matrix norms, and the singular-value norms ±2 and
 * 'nuc' (one-sided Jacobi SVD in float64). The vector norms are one op
 * with its backward (Paddle's p_norm_grad: a zero norm gives a zero gradient; ±inf gives the
 * gradient to every element attaining the extreme), accumulating in float64 and rounding once;
 * the matrix norms are composed of abs, sum and max/min.
 */
import { TypeError as PaddleTypeError, ValueError } from '../errors.js';
import { checkOptions, describe, leadingOption } from '../options.js';
import { allocArray, type DataArray } from '../tensor/dtype.js';
import { Tensor } from '../tensor/tensor.js';
import type { BackwardFn } from '../tensor/autograd.js';
import { broadcastTo, expectFloat, expectTensor } from './helpers.js';
import { needsGrad } from './binary.js';
import { planAxes } from './reduce-plan.js';
import { max, min, sum } from './reduce.js';
import { abs } from './unary.js';
import { reshape, transpose } from './manipulation.js';

/** What `p` may be: 'fro', 'nuc' or a number (incl. ±Infinity and 0). */
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
 * Singular values of the m×n row-major matrix `a` (float64), descending, with the left and right
 * singular vectors: one-sided Jacobi (Hestenes) on the columns of `a` (of `aᵀ` when m < n), so
 * a = Σ s_i · u_i v_iᵀ with u (m×k) and v (n×k) column-major by singular value, k = min(m, n).
 */
export function singularValues(a: Float64Array, m: number, n: number): { s: Float64Array; u: Float64Array; v: Float64Array; k: number } {
  const tall = m >= n;
  const p = tall ? m : n; // rows of W
  const q = tall ? n : m; // columns of W: W = a (tall) or aᵀ
  const w = new Float64Array(p * q); // column-major: w[j * p + i]
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const val = a[i * n + j] as number;
      if (tall) w[j * p + i] = val;
      else w[i * p + j] = val;
    }
  }
  const vv = new Float64Array(q * q); // column-major rotations
  for (let j = 0; j < q; j++) vv[j * q + j] = 1;
  for (let sweep = 0; sweep < 80; sweep++) {
    let rotated = false;
    for (let i = 0; i < q - 1; i++) {
      for (let j = i + 1; j < q; j++) {
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let r = 0; r < p; r++) {
          const wi = w[i * p + r] as number;
          const wj = w[j * p + r] as number;
          alpha += wi * wi;
          beta += wj * wj;
          gamma += wi * wj;
        }
        if (gamma === 0 || Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const sn = c * t;
        for (let r = 0; r < p; r++) {
          const wi = w[i * p + r] as number;
          const wj = w[j * p + r] as number;
          w[i * p + r] = c * wi - sn * wj;
          w[j * p + r] = sn * wi + c * wj;
        }
        for (let r = 0; r < q; r++) {
          const vi = vv[i * q + r] as number;
          const vj = vv[j * q + r] as number;
          vv[i * q + r] = c * vi - sn * vj;
          vv[j * q + r] = sn * vi + c * vj;
        }
      }
    }
    if (!rotated) break;
  }
  const sig = new Float64Array(q);
  for (let j = 0; j < q; j++) {
    let ss = 0;
    for (let r = 0; r < p; r++) ss += (w[j * p + r] as number) ** 2;
    sig[j] = Math.sqrt(ss);
  }
  const order = Array.from({ length: q }, (_, j) => j).sort((x, y) => (sig[y] as number) - (sig[x] as number));
  const s = new Float64Array(q);
  const left = new Float64Array(p * q); // W's normalised columns
  const right = new Float64Array(q * q);
  order.forEach((j, k) => {
    const sj = sig[j] as number;
    s[k] = sj;
    for (let r = 0; r < p; r++) left[k * p + r] = sj === 0 ? 0 : (w[j * p + r] as number) / sj;
    for (let r = 0; r < q; r++) right[k * q + r] = vv[j * q + r] as number;
  });
  // a = W (tall): u = left, v = right; a = Wᵀ: u = right, v = left.
  return tall ? { s, u: left, v: right, k: q } : { s, u: right, v: left, k: q };
}

/**
 * The singular-value matrix norms of a [B, m, n] tensor, one per matrix: 2 (the largest singular
 * value), -2 (the smallest), 'nuc' (their sum). Computed in float64 and rounded once; the
 * gradient is Σ_i ∂norm/∂s_i · u_i v_iᵀ (Paddle's svd-based norm gradient).
 */
function singularNorm(x: Tensor, which: 2 | -2 | 'nuc'): Tensor {
  const [b, m, n] = x.shape as [number, number, number];
  const src = x.data;
  const mats = Array.from({ length: b }, (_, k) => singularValues(Float64Array.from(src.subarray(k * m * n, (k + 1) * m * n) as ArrayLike<number>), m, n));
  const out = allocArray(x.dtype, b);
  mats.forEach((d, k) => {
    out[k] = which === 'nuc' ? d.s.reduce((acc, v) => acc + v, 0) : which === 2 ? (d.s[0] as number) : (d.s[d.k - 1] as number);
  });
  const back: BackwardFn = (gout) => {
    if (!needsGrad(x)) return [null];
    const gx = allocArray(x.dtype, x.numel);
    mats.forEach((d, k) => {
      const dy = gout[k] as number;
      const rows = m;
      const picked = which === 'nuc' ? Array.from({ length: d.k }, (_, i) => i).filter((i) => (d.s[i] as number) > 0) : [which === 2 ? 0 : d.k - 1];
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < n; j++) {
          let acc = 0;
          for (const l of picked) acc += (d.u[l * m + i] as number) * (d.v[l * n + j] as number);
          gx[k * m * n + i * n + j] = acc * dy;
        }
      }
    });
    return [gx];
  };
  return Tensor.fromOp('p_norm', out, [b], x.dtype, [x], back);
}

/**
 * The matrix norms over the axes [r, c]: inf / -inf the max / min over r of the row sums Σ_c |x|,
 * 1 / -1 the max / min over c of the column sums Σ_r |x| (composed of abs, sum, max/min, so the
 * gradient is theirs, as Paddle 3); 2 / -2 / 'nuc' from the singular values (`singularNorm`, on
 * x with [r, c] moved last).
 */
function matrixNorm(x: Tensor, p: number | 'nuc', axes: readonly number[], outShape: number[]): Tensor {
  const [r, c] = axes.map((a) => (a < 0 ? a + x.ndim : a)) as [number, number];
  if (p === 2 || p === -2 || p === 'nuc') {
    const rest = x.shape.map((_, i) => i).filter((i) => i !== r && i !== c);
    const moved = transpose(x, [...rest, r, c]);
    const batch = rest.reduce((acc, i) => acc * (x.shape[i] as number), 1);
    const flat = reshape(moved, [batch, x.shape[r] as number, x.shape[c] as number]);
    return reshape(singularNorm(flat, p), outShape);
  }
  const byRows = p === Infinity || p === -Infinity;
  if (!byRows && p !== 1 && p !== -1) {
    throw new ValueError(`norm: a matrix norm over two axes takes p in 'fro', 'nuc', inf, -inf, 1, -1, 2, -2, but received ${String(p)}.`);
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
 *   (max / min column sum), as Paddle 3; 2 / -2 (largest / smallest singular value) and 'nuc'
 *   (their sum; also for a 2-D x without axis).
 * Vector orders: Infinity (max |x|), -Infinity (min |x|), 0 (count of non-zeros; zero gradient),
 * any other number p: (Σ|x|^p)^(1/p).
 * @param x - A float Tensor (Paddle's `x`).
 * @param pOrOptions - The order (Paddle's `p`): 'fro' (default), 'nuc' or a number (±Infinity and 0 included), or the options object.
 * @param options - {@link NormOptions}: `p`, `axis` (null, one axis or two axes), `keepdim` (default `false`), `name`.
 * @returns A new Tensor of x's dtype: x's shape without the reduced axes (kept as size 1 with `keepdim`).
 * @throws {@link errors.TypeError} when `x` is not a float Tensor, `p` is neither a string nor a number, `keepdim` is not a boolean, `p` is given both positionally and in `options`, or an option is unknown; {@link errors.ValueError} when `p` is an unknown string or not valid for the axes, or `axis` is not null, one or two in-range axes.
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
  if (p === 'nuc' && (axes === null ? t.ndim !== 2 : axes.length !== 2)) {
    throw new ValueError(`norm: the nuclear norm (p='nuc') needs two axes (or a 2-D x), but received axis ${describe(axis)} for a ${t.ndim}-D x.`);
  }
  const matrixAxes = axes !== null && axes.length === 2 ? (axes as number[]) : p === 'nuc' ? [0, 1] : null;
  const r = planAxes('norm', t, matrixAxes ?? axes, opts.keepdim);
  if (matrixAxes !== null && p !== 'fro') return matrixNorm(t, p, matrixAxes, r.outShape);
  if (p === 'nuc') throw new ValueError(`norm: p='nuc' needs a matrix.`);
  return pnorm(t, p === 'fro' ? 2 : p, r.keepShape, r.outShape);
}

/**
 * Sorting, searching and scattering: sort, argsort, topk (along one axis; NaN sorts last in
 * ascending and first in descending order, as Paddle's CPU kernel; ties keep their input order),
 * masked_select, gather_nd, scatter. Values picked from x are gathers (gradient scatter-added
 * back, slicing.ts `gatherByMap`); indices are int64 and carry no gradient.
 */
import { IndexError, TypeError as PaddleTypeError, ValueError } from '../errors.js';
import { checkOptions, describe, leadingOption } from '../options.js';
import { allocArray, type DataArray } from '../tensor/dtype.js';
import { broadcastShapes, numelOf, shapeEquals, shapeToString, stridesOf } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';
import type { BackwardFn } from '../tensor/autograd.js';
import { broadcastTo, expectTensor, normalizeAxisOf } from './helpers.js';
import { needsGrad } from './binary.js';
import { gatherByMap } from './slicing.js';

/** (outer, n, inner) of `shape` around `axis` (a 0-D tensor is one line of one element). */
function lines(shape: readonly number[], axis: number): [number, number, number] {
  if (shape.length === 0) return [1, 1, 1];
  return [numelOf(shape.slice(0, axis)), shape[axis] as number, numelOf(shape.slice(axis + 1))];
}

function boolOpt(where: string, key: string, v: unknown, fallback: boolean): boolean {
  if (v === undefined) return fallback;
  if (typeof v !== 'boolean') throw new PaddleTypeError(`${where}: the '${key}' must be a boolean, but received ${describe(v)}.`);
  return v;
}

/**
 * For every line along `axis`, the positions (0..n−1) of its first `k` elements in sorted order;
 * returns flat input indices (`pick`) and in-line positions (`pos`), laid out like the output
 * (the axis of size k).
 */
function sortLines(x: Tensor, axis: number, k: number, descending: boolean): { pick: Int32Array; pos: Int32Array } {
  const [outer, n, inner] = lines(x.shape, axis);
  const src = x.data;
  const pick = new Int32Array(outer * k * inner);
  const pos = new Int32Array(outer * k * inner);
  const order = new Array<number>(n);
  const vals = new Float64Array(n);
  const cmp = descending
    ? (a: number, b: number): number => {
        const p = vals[a] as number;
        const q = vals[b] as number;
        if (p !== p) return q !== q ? 0 : -1;
        if (q !== q) return 1;
        return p > q ? -1 : p < q ? 1 : 0;
      }
    : (a: number, b: number): number => {
        const p = vals[a] as number;
        const q = vals[b] as number;
        if (p !== p) return q !== q ? 0 : 1;
        if (q !== q) return -1;
        return p < q ? -1 : p > q ? 1 : 0;
      };
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < inner; j++) {
      const base = o * n * inner + j;
      for (let c = 0; c < n; c++) {
        order[c] = c;
        vals[c] = src[base + c * inner] as number;
      }
      order.sort(cmp); // Array.prototype.sort is stable
      const obase = o * k * inner + j;
      for (let c = 0; c < k; c++) {
        pick[obase + c * inner] = base + (order[c] as number) * inner;
        pos[obase + c * inner] = order[c] as number;
      }
    }
  }
  return { pick, pos };
}

function int64Of(pos: Int32Array): DataArray {
  const out = allocArray('int64', pos.length);
  for (let i = 0; i < pos.length; i++) out[i] = pos[i] as number;
  return out;
}

/**
 * Optional arguments of {@link sort} and {@link argsort} (Paddle's `axis`, `descending`, `stable`,
 * `name`).
 */
export interface SortOptions {
  /** The axis (default -1). */
  axis?: number;
  /** Largest first (default false). */
  descending?: boolean;
  /** Accepted for Paddle compatibility; the sort is always stable. */
  stable?: boolean;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

function sortArgs(where: string, x: unknown, options: SortOptions | undefined): { t: Tensor; axis: number; descending: boolean } {
  const o = checkOptions(where, options, ['axis', 'descending', 'stable', 'name']);
  const t = expectTensor(where, 'x', x);
  const axis = normalizeAxisOf(where, o.axis ?? -1, t.ndim);
  boolOpt(where, 'stable', o.stable, false);
  return { t, axis, descending: boolOpt(where, 'descending', o.descending, false) };
}

/**
 * `paddle.sort(x, axis=-1, descending=False, stable=False)`: sorted values.
 * @param x - The input Tensor (Paddle's `x`).
 * @param axisOrOptions - The axis to sort along (Paddle's `axis`, default -1; negative counts from the end), or the options object.
 * @param options - {@link SortOptions}: `axis`, `descending` (default `false`), `stable` (default `false`; the sort is always stable), `name`.
 * @returns A new Tensor of x's shape and dtype, sorted along `axis`.
 * @throws {@link errors.TypeError} when `x` is not a Tensor, `descending`/`stable` is not a boolean, `axis` is given both positionally and in `options`, or an option is unknown; {@link errors.ValueError} when `axis` is out of range.
 */
export function sort(x: Tensor, axisOrOptions?: number | SortOptions, options?: SortOptions): Tensor {
  options = leadingOption('sort', 'axis', axisOrOptions, options);
  const { t, axis, descending } = sortArgs('sort', x, options);
  const { pick } = sortLines(t, axis, lines(t.shape, axis)[1], descending);
  return gatherByMap('sort', t, t.shape, pick);
}

/**
 * `paddle.argsort(x, axis=-1, descending=False, stable=False)`: int64 indices that sort x.
 * @param x - The input Tensor (Paddle's `x`).
 * @param axisOrOptions - The axis to sort along (Paddle's `axis`, default -1; negative counts from the end), or the options object.
 * @param options - {@link SortOptions}: `axis`, `descending` (default `false`), `stable` (default `false`; the sort is always stable), `name`.
 * @returns A new int64 Tensor of x's shape: the positions along `axis` that sort x.
 * @throws {@link errors.TypeError} when `x` is not a Tensor, `descending`/`stable` is not a boolean, `axis` is given both positionally and in `options`, or an option is unknown; {@link errors.ValueError} when `axis` is out of range.
 */
export function argsort(x: Tensor, axisOrOptions?: number | SortOptions, options?: SortOptions): Tensor {
  options = leadingOption('argsort', 'axis', axisOrOptions, options);
  const { t, axis, descending } = sortArgs('argsort', x, options);
  const { pos } = sortLines(t, axis, lines(t.shape, axis)[1], descending);
  return Tensor.fromOp('argsort', int64Of(pos), t.shape, 'int64', [t], null);
}

/** Optional arguments of {@link topk} (Paddle's `axis`, `largest`, `sorted`, `name`). */
export interface TopkOptions {
  /** The axis (default -1). */
  axis?: number;
  /** The k largest (default true) or smallest. */
  largest?: boolean;
  /** Accepted for Paddle compatibility; results are always sorted. */
  sorted?: boolean;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

/**
 * `paddle.topk(x, k, axis=-1, largest=True, sorted=True)`: `[values, indices]` (int64).
 * @param x - The input Tensor (Paddle's `x`).
 * @param k - How many elements to keep, an integer in [1, size of `axis`] or a 1-element Tensor (Paddle's `k`).
 * @param options - {@link TopkOptions}: `axis` (default -1), `largest` (default `true`), `sorted` (default `true`; results are always sorted), `name`.
 * @returns `[values, indices]`: x's shape with `axis` of size k; values in x's dtype, indices int64.
 * @throws {@link errors.TypeError} when `x` is not a Tensor, `largest`/`sorted` is not a boolean, or an option is unknown; {@link errors.ValueError} when `axis` is out of range or `k` is not in [1, size of `axis`].
 */
export function topk(x: Tensor, k: number | Tensor, options?: TopkOptions): [Tensor, Tensor] {
  const o = checkOptions('topk', options, ['axis', 'largest', 'sorted', 'name']);
  const t = expectTensor('topk', 'x', x);
  const kk = k instanceof Tensor ? k.item() : k;
  const axis = normalizeAxisOf('topk', o.axis ?? -1, t.ndim);
  const largest = boolOpt('topk', 'largest', o.largest, true);
  boolOpt('topk', 'sorted', o.sorted, true);
  const n = lines(t.shape, axis)[1];
  if (typeof kk !== 'number' || !Number.isInteger(kk) || kk < 1 || kk > n) {
    throw new ValueError(
      `topk: the 'k' must be an integer in [1, ${n}] (the size of axis ${axis} of x of shape ${shapeToString(t.shape)}), but received ${describe(kk)}.`,
    );
  }
  const { pick, pos } = sortLines(t, axis, kk, largest);
  const outShape = t.ndim === 0 ? [] : t.shape.map((d, i) => (i === axis ? kk : d));
  return [gatherByMap('topk', t, outShape, pick), Tensor.fromOp('topk', int64Of(pos), outShape, 'int64', [t], null)];
}

/**
 * `paddle.masked_select(x, mask)`: the elements of x where the bool `mask` is true, as a 1-D
 * tensor (x and mask broadcast together).
 * @param x - The input Tensor (Paddle's `x`).
 * @param mask - A bool Tensor broadcast with x (Paddle's `mask`).
 * @param options - `name` (accepted, unused).
 * @returns A new 1-D Tensor of x's dtype holding the selected elements in row-major order.
 * @throws {@link errors.TypeError} when `x` or `mask` is not a Tensor, `mask` is not bool, or an option is unknown; {@link errors.ValueError} when the shapes do not broadcast.
 */
export function maskedSelect(x: Tensor, mask: Tensor, options?: { name?: string | null }): Tensor {
  checkOptions('masked_select', options, ['name']);
  const t = expectTensor('masked_select', 'x', x);
  const m = expectTensor('masked_select', 'mask', mask);
  if (m.dtype !== 'bool') {
    throw new PaddleTypeError(`masked_select: the 'mask' must be a bool Tensor, but its dtype is ${m.dtype}.`);
  }
  const shape = broadcastShapes(t.shape, m.shape, "masked_select ('x', 'mask')");
  const iota = new Float64Array(t.numel).map((_, i) => i);
  const src = broadcastTo(iota, t.shape, shape, 'float64');
  const mb = broadcastTo(m.data, m.shape, shape, 'bool');
  let count = 0;
  for (let i = 0; i < mb.length; i++) if ((mb[i] as number) !== 0) count++;
  const map = new Int32Array(count);
  for (let i = 0, j = 0; i < mb.length; i++) if ((mb[i] as number) !== 0) map[j++] = src[i] as number;
  return gatherByMap('masked_select', t, [count], map);
}

function intIndex(where: string, index: unknown): Tensor {
  const ix = expectTensor(where, 'index', index);
  if (ix.dtype !== 'int32' && ix.dtype !== 'int64') {
    throw new PaddleTypeError(`${where}: the 'index' must have dtype int32 or int64, but its dtype is ${ix.dtype}.`);
  }
  return ix;
}

/**
 * `paddle.gather_nd(x, index)`: index of shape [..., k] (k ≤ x.ndim) picks x[i0, …, ik−1, :];
 * the result has shape index.shape[:-1] + x.shape[k:].
 * @param x - The input Tensor (Paddle's `x`).
 * @param index - An int32/int64 Tensor `[..., k]` with k ≤ x.ndim; negative indices count from the end (Paddle's `index`).
 * @param options - `name` (accepted, unused).
 * @returns A new Tensor of x's dtype, shape `index.shape[:-1] + x.shape[k:]`.
 * @throws {@link errors.TypeError} when `x` or `index` is not a Tensor, `index` is not int32/int64, or an option is unknown; {@link errors.ValueError} when `index` is 0-D or its last dimension exceeds x.ndim; {@link errors.IndexError} when an index is out of range.
 */
export function gatherNd(x: Tensor, index: Tensor, options?: { name?: string | null }): Tensor {
  checkOptions('gather_nd', options, ['name']);
  const t = expectTensor('gather_nd', 'x', x);
  const ix = intIndex('gather_nd', index);
  if (ix.ndim === 0) throw new ValueError(`gather_nd: the 'index' must have at least one dimension, but it is 0-D.`);
  const k = ix.shape[ix.ndim - 1] as number;
  if (k > t.ndim) {
    throw new ValueError(
      `gather_nd: the last dimension of 'index' (${k}) must not exceed the rank of x (${t.ndim}, shape ${shapeToString(t.shape)}).`,
    );
  }
  const strides = stridesOf(t.shape);
  const inner = numelOf(t.shape.slice(k));
  const rows = ix.numel / Math.max(k, 1);
  const nrows = k === 0 ? numelOf(ix.shape.slice(0, -1)) : rows;
  const ids = ix.data;
  const map = new Int32Array(nrows * inner);
  for (let r = 0; r < nrows; r++) {
    let base = 0;
    for (let j = 0; j < k; j++) {
      const v = ids[r * k + j] as number;
      const dim = t.shape[j] as number;
      if (v < -dim || v >= dim) {
        throw new IndexError(`gather_nd: index[${r}][${j}] = ${v} is out of range [${-dim}, ${dim}) for axis ${j} of x of shape ${shapeToString(t.shape)}.`);
      }
      base += (v < 0 ? v + dim : v) * (strides[j] as number);
    }
    for (let i = 0; i < inner; i++) map[r * inner + i] = base + i;
  }
  return gatherByMap('gather_nd', t, [...ix.shape.slice(0, -1), ...t.shape.slice(k)], map);
}

/** Optional arguments of {@link scatter} (Paddle's `overwrite`, `name`). */
export interface ScatterOptions {
  /** true (default): indexed rows are replaced (the last duplicate wins); false: the updates of duplicates are summed into zeroed rows. */
  overwrite?: boolean;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

/**
 * `paddle.scatter(x, index, updates, overwrite=True)`: a copy of x with rows `index[i]` (1-D
 * index) set from `updates[i]`. Gradients as Paddle's scatter_grad: x gets g with indexed rows
 * zeroed; updates get the rows of g at `index`.
 * @param x - The input Tensor (Paddle's `x`).
 * @param index - A 0-D or 1-D int32/int64 Tensor of row ids in [0, x.shape[0]) (Paddle's `index`).
 * @param updates - The new rows, of x's dtype and shape `[index.numel, ...x.shape[1:]]` (Paddle's `updates`).
 * @param options - {@link ScatterOptions}: `overwrite` (default `true`; `false`: the indexed rows are zeroed, then every update is added), `name`.
 * @returns A new Tensor of x's shape and dtype.
 * @throws {@link errors.TypeError} when an argument is not a Tensor, `index` is not int32/int64, `updates` has another dtype, or an option is wrong or unknown; {@link errors.ValueError} when `x` is 0-D, `index` has more than 1 dimension or `updates` has the wrong shape; {@link errors.IndexError} when an index is out of range.
 */
export function scatter(x: Tensor, index: Tensor, updates: Tensor, options?: ScatterOptions): Tensor {
  const o = checkOptions('scatter', options, ['overwrite', 'name']);
  const t = expectTensor('scatter', 'x', x);
  const ix = intIndex('scatter', index);
  const u = expectTensor('scatter', 'updates', updates);
  const overwrite = boolOpt('scatter', 'overwrite', o.overwrite, true);
  if (t.ndim === 0) throw new ValueError(`scatter: the 'x' must have at least one dimension, but it is 0-D.`);
  if (ix.ndim > 1) throw new ValueError(`scatter: the 'index' must be 0-D or 1-D, but its shape is ${shapeToString(ix.shape)}.`);
  if (u.dtype !== t.dtype) {
    throw new PaddleTypeError(`scatter: the 'updates' must have the dtype of x (${t.dtype}), but its dtype is ${u.dtype}.`);
  }
  const m = ix.numel;
  const expected = [m, ...t.shape.slice(1)];
  if (!shapeEquals(u.shape, expected) && !(ix.ndim === 0 && shapeEquals(u.shape, t.shape.slice(1)))) {
    throw new ValueError(
      `scatter: the 'updates' of x of shape ${shapeToString(t.shape)} and an index of ${m} entries must have shape ${shapeToString(expected)}, but its shape is ${shapeToString(u.shape)}.`,
    );
  }
  const n = t.shape[0] as number;
  const inner = numelOf(t.shape.slice(1));
  const ids = ix.data;
  for (let i = 0; i < m; i++) {
    const v = ids[i] as number;
    if (v < 0 || v >= n) {
      throw new IndexError(
        `The index is out of bounds, please check whether the dimensions of index and input meet the requirements. It should be less than [${n}] and greater than or equal to 0, but received [${v}] (index[${i}]).`,
      );
    }
  }
  const out = t.data.slice();
  const ud = u.data;
  if (!overwrite) for (let i = 0; i < m; i++) out.fill(0, (ids[i] as number) * inner, ((ids[i] as number) + 1) * inner);
  for (let i = 0; i < m; i++) {
    const d = (ids[i] as number) * inner;
    for (let j = 0; j < inner; j++) out[d + j] = overwrite ? (ud[i * inner + j] as number) : (out[d + j] as number) + (ud[i * inner + j] as number);
  }
  const back: BackwardFn = (g) => {
    let gx: DataArray | null = null;
    if (needsGrad(t)) {
      gx = allocArray(t.dtype, g.length);
      gx.set(g);
      for (let i = 0; i < m; i++) gx.fill(0, (ids[i] as number) * inner, ((ids[i] as number) + 1) * inner);
    }
    let gu: DataArray | null = null;
    if (needsGrad(u)) {
      gu = allocArray(u.dtype, u.numel);
      for (let i = 0; i < m; i++) gu.set(g.subarray((ids[i] as number) * inner, ((ids[i] as number) + 1) * inner), i * inner);
    }
    return [gx, gu];
  };
  return Tensor.fromOp('scatter', out, t.shape, t.dtype, [t, u], back);
}

export { maskedSelect as masked_select, gatherNd as gather_nd };

/**
 * The shapes of a reduction over `axis` (number, list, or all when omitted/null) with `keepdim`,
 * shared by the reductions of reduce.ts, logic.ts and statistics.ts.
 */
import { TypeError as PaddleTypeError } from '../errors.js';
import { describe } from '../options.js';
import type { Tensor } from '../tensor/tensor.js';
import { normalizeAxes } from './helpers.js';

export interface ReductionPlan {
  /** Sorted unique reduced axes. */
  axes: number[];
  /** x's shape with reduced axes set to 1. */
  keepShape: number[];
  /** The result's shape (keepShape when keepdim, else without the reduced axes). */
  outShape: number[];
  /** Elements reduced into each result element. */
  count: number;
}

export function planAxes(where: string, x: Tensor, axis: unknown, keepdim: unknown): ReductionPlan {
  if (keepdim !== undefined && typeof keepdim !== 'boolean') {
    throw new PaddleTypeError(`${where}: the 'keepdim' must be a boolean, but received ${describe(keepdim)}.`);
  }
  const axes = normalizeAxes(where, axis, x.ndim);
  const keepShape = x.shape.map((d, i) => (axes.includes(i) ? 1 : d));
  const outShape = keepdim === true ? keepShape : x.shape.filter((_, i) => !axes.includes(i));
  let count = 1;
  for (const a of axes) count *= x.shape[a] as number;
  return { axes, keepShape, outShape, count };
}

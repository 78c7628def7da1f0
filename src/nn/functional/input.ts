/**
 * `paddle.nn.functional.embedding(x, weight, padding_idx=None, sparse=False)` (spec §14): a row
 * lookup `out[..., :] = weight[id, :]` that outputs zeros for `padding_idx` ids. Ids are an
 * int32/int64 Tensor or a (nested) array of integers; every id is checked against
 * `[0, num_embeddings)` before anything is computed.
 *
 * Backward (Paddle's CPU embedding_grad kernels):
 * - dense: a zero table with the output-grad rows added at their ids in order of appearance
 *   (duplicates accumulate, in the weight's dtype), **skipping `padding_idx`**;
 * - `sparse: true`: a `SelectedRows` with `rows` = the ids exactly as given (order, duplicates
 *   and padding ids kept), `values` = the output-grad rows verbatim, `height` = num_embeddings.
 */
import { TypeError as PaddleTypeError, ValueError } from '../../errors.js';
import { checkOptions, describe } from '../../options.js';
import { allocArray, type FloatDType } from '../../tensor/dtype.js';
import { SelectedRows } from '../../tensor/selected-rows.js';
import { shapeToString } from '../../tensor/shape.js';
import { flattenNested, Tensor, type NestedArray } from '../../tensor/tensor.js';
import { floatTensor } from './checks.js';

/** Optional arguments of `F.embedding` (Paddle's `padding_idx`, `sparse`, `name`). */
export interface EmbeddingOptions {
  /**
   * Row whose output is zeros and whose gradient is not accumulated (Paddle's `padding_idx`;
   * negative counts from the end).
   */
  paddingIdx?: number | null;
  /**
   * Produce a row-sparse gradient (`SelectedRows`) instead of a dense one (Paddle's `sparse`;
   * default `false`).
   */
  sparse?: boolean;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

/** Ids as a flat list of integers plus their shape; a TypeError for non-integer input. */
export function readIds(where: string, x: Tensor | NestedArray | ArrayLike<number>): { ids: ArrayLike<number>; shape: number[] } {
  if (x instanceof Tensor) {
    if (x.dtype !== 'int32' && x.dtype !== 'int64') {
      throw new PaddleTypeError(
        `The data type of 'input' in ${where} must be ['uint8', 'int8', 'int16', 'int32', 'int64'], but received ${x.dtype}. Make integer ids with paddle.toTensor(ids, { dtype: 'int64' }) (plain JS numbers give the default float dtype).`,
      );
    }
    return { ids: x.data, shape: [...x.shape] };
  }
  if (x instanceof Int32Array || x instanceof Uint8Array || x instanceof Uint16Array || x instanceof Int16Array || x instanceof Int8Array || x instanceof Uint32Array) {
    return { ids: x, shape: [x.length] };
  }
  if (Array.isArray(x) || typeof x === 'number') {
    const parsed = flattenNested(x, 'x');
    parsed.values.forEach((v, i) => {
      if (!Number.isInteger(v)) {
        throw new PaddleTypeError(`${where}: ids must be integers, but element ${i} of 'x' is ${v}.`);
      }
    });
    return { ids: parsed.values, shape: parsed.shape };
  }
  throw new PaddleTypeError(`${where}: 'x' must be an int32/int64 Tensor or an array of integer ids, but received ${describe(x)}.`);
}

/** Paddle's normalisation: null → -1 (none); negative → n + idx; then the range check. */
export function normalizePaddingIdx(paddingIdx: unknown, n: number): number {
  if (paddingIdx === undefined || paddingIdx === null) return -1;
  if (typeof paddingIdx !== 'number' || !Number.isInteger(paddingIdx)) {
    throw new PaddleTypeError(`padding_idx must be an integer or None, but received ${describe(paddingIdx)}.`);
  }
  const p = paddingIdx >= 0 ? paddingIdx : n + paddingIdx;
  // Paddle checks the *normalised* value, so padding_idx = -(n + 1) becomes -1 ("no padding").
  if (p >= n || p < -n) throw new ValueError(`padding_idx must be within [-${n}, ${n})`);
  return p;
}

/**
 * `paddle.nn.functional.embedding(x, weight, padding_idx=None, sparse=False)`: the rows of `weight`
 * selected by the int64 ids in `x` (output shape `[...x.shape, embeddingDim]`); the gradient
 * accumulates into the selected rows (row-sparse with `sparse: true`). Throws a TypeError for
 * non-integer ids and a ValueError for ids out of range.
 * @param x - The ids: an int32/int64 Tensor or a (nested) array of integers in [0, num_embeddings) (Paddle's `x`).
 * @param weight - The float table `[num_embeddings, embedding_dim]` (Paddle's `weight`).
 * @param options - {@link EmbeddingOptions}: `paddingIdx` (Paddle's `padding_idx`; negative counts from the end), `sparse` (default `false`), `name`.
 * @returns A new Tensor `[...x.shape, embedding_dim]` of weight's dtype.
 * @throws {@link errors.TypeError} when the ids are not integers, `weight` is not a float Tensor, `paddingIdx` is not an integer, `sparse` is not a boolean, or an option is unknown; {@link errors.ValueError} when `weight` is not 2-D, or an id or `paddingIdx` is out of range.
 */
export function embedding(x: Tensor | NestedArray | ArrayLike<number>, weight: Tensor, options?: EmbeddingOptions): Tensor {
  const o = checkOptions('embedding', options, ['paddingIdx', 'sparse', 'name']);
  const w = floatTensor('embedding', 'weight', weight);
  if (w.ndim !== 2) {
    throw new ValueError(`embedding: 'weight' must be 2-D [num_embeddings, embedding_dim], but its shape is ${shapeToString(w.shape)}.`);
  }
  const sparse = o.sparse ?? false;
  if (typeof sparse !== 'boolean') {
    throw new PaddleTypeError(`embedding: 'sparse' must be a boolean, but received ${describe(sparse)}.`);
  }
  const V = w.shape[0] as number;
  const pad = normalizePaddingIdx(o.paddingIdx, V);
  const { ids, shape } = readIds('embedding', x);
  const n = ids.length;
  for (let t = 0; t < n; t++) {
    const id = ids[t] as number;
    if (!(id >= 0 && id < V)) {
      throw new ValueError(
        `Variable value (input) of OP(fluid.layers.embedding) expected >= 0 and < ${V}, but got ${id}. Please check input value. (id at flat position ${t} of the input of shape ${shapeToString(shape)})`,
      );
    }
  }
  return embeddingLookup(Array.from(ids), shape, w, pad, sparse);
}

/** The lookup op itself (ids already validated). */
export function embeddingLookup(ids: readonly number[], idsShape: readonly number[], w: Tensor & { dtype: FloatDType }, pad: number, sparse: boolean): Tensor {
  const V = w.shape[0] as number;
  const D = w.shape[1] as number;
  const n = ids.length;
  const dtype = w.dtype;
  const table = w.data as Float32Array | Float64Array;
  const out = allocArray(dtype, n * D);
  for (let t = 0; t < n; t++) {
    const id = ids[t] as number;
    if (id === pad) continue;
    out.set(table.subarray(id * D, id * D + D), t * D);
  }
  return Tensor.fromOp('embedding', out, [...idsShape, D], dtype, [w], (g) => {
    if (sparse) {
      const values = allocArray(dtype, n * D);
      values.set(g);
      return [new SelectedRows([...ids], values, V, D, dtype)];
    }
    const grad = allocArray(dtype, V * D);
    for (let t = 0; t < n; t++) {
      const id = ids[t] as number;
      if (id === pad) continue;
      const base = id * D;
      const src = t * D;
      for (let j = 0; j < D; j++) grad[base + j] = (grad[base + j] as number) + (g[src + j] as number);
    }
    return [grad];
  });
}

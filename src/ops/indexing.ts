/**
 * Indexing ops: gather, indexSelect (rows/slices picked by an integer index along an axis; the
 * backward scatter-adds, so repeated indices accumulate) and where (elementwise choice with
 * broadcasting).
 */
import { IndexError, TypeError as PaddleTypeError, ValueError } from '../errors.js';
import { checkOptions, describe } from '../options.js';
import { allocArray, type DataArray } from '../tensor/dtype.js';
import { numelOf, shapeToString } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';
import type { BackwardFn } from '../tensor/autograd.js';
import {
  broadcastAll,
  expectTensor,
  expectTensorLike,
  normalizeAxisOf,
  planBroadcast,
  reduceToShape,
  resultDType,
  scalarTensor,
  valuesAs,
  type TensorLike,
} from './helpers.js';
import { needsGrad } from './binary.js';

/** Optional arguments of {@link gather} (Paddle's `axis`, `name`). */
export interface GatherOptions {
  /** The axis to index (default 0). */
  axis?: number | null;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string;
}

/** The index as integers; validated against `n` (IndexError naming the position and value). */
function readIndex(where: string, index: unknown, n: number): { ids: Int32Array; is0D: boolean } {
  let values: ArrayLike<number>;
  let is0D = false;
  if (index instanceof Tensor) {
    if (index.dtype !== 'int32' && index.dtype !== 'int64') {
      throw new PaddleTypeError(`${where}: the 'index' must have dtype int32 or int64, but its dtype is ${index.dtype}.`);
    }
    if (index.ndim > 1) {
      throw new ValueError(`${where}: the 'index' must be 0-D or 1-D, but its shape is ${shapeToString(index.shape)}.`);
    }
    is0D = index.ndim === 0;
    values = index.data;
  } else if (Array.isArray(index)) {
    const list: unknown[] = index;
    list.forEach((v, i) => {
      if (typeof v !== 'number' || !Number.isInteger(v)) {
        throw new PaddleTypeError(`${where}: the 'index' must hold integers, but index[${i}] is ${describe(v)}.`);
      }
    });
    values = list as number[];
  } else {
    throw new PaddleTypeError(`${where}: the 'index' must be an integer Tensor or an array of integers, but received ${describe(index)}.`);
  }
  const ids = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v < 0 || v >= n) {
      throw new IndexError(`${where}: index[${i}] = ${v} is out of range [0, ${n}) for the indexed axis.`);
    }
    ids[i] = v;
  }
  return { ids, is0D };
}

function take(where: string, xv: unknown, index: unknown, axisArg: unknown): Tensor {
  const x = expectTensor(where, 'x', xv);
  if (x.ndim === 0) throw new ValueError(`${where}: the 'x' must have at least one dimension, but it is 0-D.`);
  const axis = normalizeAxisOf(where, axisArg ?? 0, x.ndim);
  const n = x.shape[axis] as number;
  const { ids, is0D } = readIndex(where, index, n);
  const outer = numelOf(x.shape.slice(0, axis));
  const inner = numelOf(x.shape.slice(axis + 1));
  const m = ids.length;
  const src = x.data;
  const out = allocArray(x.dtype, outer * m * inner);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < m; i++) {
      const s = (o * n + (ids[i] as number)) * inner;
      out.set(src.subarray(s, s + inner), (o * m + i) * inner);
    }
  }
  const outShape = [...x.shape];
  if (is0D) outShape.splice(axis, 1);
  else outShape[axis] = m;
  const back: BackwardFn = (g) => {
    if (!needsGrad(x)) return [null];
    const acc = new Float64Array(x.numel);
    for (let o = 0; o < outer; o++) {
      for (let i = 0; i < m; i++) {
        const d = (o * n + (ids[i] as number)) * inner;
        const s = (o * m + i) * inner;
        for (let j = 0; j < inner; j++) acc[d + j] = (acc[d + j] as number) + (g[s + j] as number);
      }
    }
    if (x.dtype === 'float64') return [acc];
    const gx = allocArray(x.dtype, acc.length);
    gx.set(acc);
    return [gx];
  };
  return Tensor.fromOp(where, out, outShape, x.dtype, [x], back);
}

/**
 * `paddle.gather(x, index, axis=None)`: slices of x along `axis` (default 0) at `index` (a 1-D
 * int32/int64 Tensor or an array of integers; a 0-D index removes the axis). Out-of-range ids
 * throw an IndexError.
 * @param x - The Tensor to index, at least 1-D (Paddle's `x`).
 * @param index - The positions along `axis`: a 0-D or 1-D int32/int64 Tensor or an array of integers (Paddle's `index`).
 * @param options - {@link GatherOptions}: `axis` (default 0; negative counts from the end), `name`.
 * @returns A new Tensor of x's dtype: x's shape with `axis` of size `index.length` (removed for a 0-D index).
 * @throws {@link errors.TypeError} when `x` is not a Tensor, `index` is not int32/int64 integers, or an option is unknown; {@link errors.ValueError} when `x` is 0-D, `index` is not 0-D/1-D or `axis` is out of range; {@link errors.IndexError} when an index is out of range.
 */
export function gather(x: Tensor, index: Tensor | readonly number[], options?: GatherOptions): Tensor {
  const opts = checkOptions('gather', options, ['axis', 'name']);
  return take('gather', x, index, opts.axis);
}

/** Optional arguments of {@link indexSelect} (Paddle's `axis`, `name`). */
export interface IndexSelectOptions {
  /** The axis to index (default 0). */
  axis?: number;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string;
}

/**
 * `paddle.index_select(x, index, axis=0)`.
 * @param x - The Tensor to index, at least 1-D (Paddle's `x`).
 * @param index - The positions along `axis`: a 1-D int32/int64 Tensor or an array of integers (Paddle's `index`).
 * @param options - {@link IndexSelectOptions}: `axis` (default 0; negative counts from the end), `name`.
 * @returns A new Tensor of x's dtype: x's shape with `axis` of size `index.length`.
 * @throws {@link errors.TypeError} when `x` is not a Tensor, `index` is not int32/int64 integers, or an option is unknown; {@link errors.ValueError} when `x` is 0-D, `index` is not 1-D or `axis` is out of range; {@link errors.IndexError} when an index is out of range.
 */
export function indexSelect(x: Tensor, index: Tensor | readonly number[], options?: IndexSelectOptions): Tensor {
  const opts = checkOptions('index_select', options, ['axis', 'name']);
  if (index instanceof Tensor && index.ndim !== 1) {
    throw new ValueError(`index_select: the 'index' must be 1-D, but its shape is ${shapeToString(index.shape)}.`);
  }
  return take('index_select', x, index, opts.axis);
}

/** Paddle's spelling of `indexSelect`. */
export const index_select = indexSelect;

/**
 * Paddle's `where(condition)` (= `nonzero(condition, as_tuple=True)`): for each axis, an int64
 * Tensor of shape [n, 1] with the coordinates of the n true elements, in row-major order.
 */
function nonzeroPerAxis(c: Tensor): Tensor[] {
  const d = c.data;
  const hits: number[] = [];
  for (let i = 0; i < d.length; i++) if (d[i] !== 0) hits.push(i);
  const nd = Math.max(c.ndim, 1);
  const coords = Array.from({ length: nd }, () => new Float64Array(hits.length));
  hits.forEach((flat, k) => {
    let rest = flat;
    for (let a = nd - 1; a >= 0; a--) {
      const size = c.ndim === 0 ? 1 : (c.shape[a] as number);
      (coords[a] as Float64Array)[k] = rest % size;
      rest = Math.floor(rest / size);
    }
  });
  return coords.map((arr) => Tensor.fromArray(arr, [hits.length, 1], 'int64'));
}

/**
 * `paddle.where(condition, x, y)`: `x` where condition is true, else `y`, broadcasting all three;
 * `paddle.where(condition)`: the indices of the true elements, one [n, 1] int64 Tensor per axis.
 * `condition` is a bool Tensor; x and y are Tensors or numbers. Gradients: g·cond to x, g·!cond
 * to y, reduced to their shapes.
 * @param condition - A bool Tensor (Paddle's `condition`).
 * @returns One int64 Tensor `[n, 1]` per axis of `condition`, the coordinates of its n true elements.
 * @throws {@link errors.TypeError} when `condition` is not a bool Tensor.
 */
export function where(condition: Tensor): Tensor[];
/**
 * `paddle.where(condition, x, y)`: `x` where `condition` is true, else `y`, broadcasting all three.
 * @param condition - A bool Tensor (Paddle's `condition`).
 * @param x - The values where `condition` is true, a Tensor or a number (Paddle's `x`).
 * @param y - The values where `condition` is false, a Tensor or a number (Paddle's `y`).
 * @returns A new Tensor of the broadcast shape, in the promoted dtype of `x` and `y`.
 * @throws {@link errors.TypeError} when `condition` is not a bool Tensor, only one of `x` and `y` is given, or `x`/`y` is neither a Tensor nor a number; {@link errors.ValueError} when the shapes do not broadcast.
 */
export function where(condition: Tensor, x: TensorLike, y: TensorLike): Tensor;
export function where(condition: Tensor, x?: TensorLike, y?: TensorLike): Tensor | Tensor[] {
  const c = expectTensor('where', 'condition', condition);
  if (c.dtype !== 'bool') {
    throw new PaddleTypeError(`where: the 'condition' must be a bool Tensor, but its dtype is ${c.dtype}.`);
  }
  if (x === undefined && y === undefined) return nonzeroPerAxis(c);
  if (x === undefined || y === undefined) {
    throw new PaddleTypeError("where: pass both 'x' and 'y', or neither (then the indices of the true elements are returned).");
  }
  const xl = expectTensorLike('where', 'x', x);
  const yl = expectTensorLike('where', 'y', y);
  if (!(xl instanceof Tensor) && !(yl instanceof Tensor)) {
    const dt = Number.isInteger(xl) && Number.isInteger(yl) ? 'int64' : 'float32';
    return where(c, scalarTensor(xl, dt), yl);
  }
  const dtype = resultDType(xl, yl);
  const X = xl instanceof Tensor ? xl : scalarTensor(xl, dtype);
  const Y = yl instanceof Tensor ? yl : scalarTensor(yl, dtype);
  const outShape = broadcastAll('where (condition, x, y)', [c.shape, X.shape, Y.shape]);
  const plan = planBroadcast([c.shape, X.shape, Y.shape], outShape);
  const cond = c.data;
  const a = valuesAs(X, dtype);
  const b = valuesAs(Y, dtype);
  const out = allocArray(dtype, plan.numel);
  const [co, ao, bo] = plan.offsets as [Int32Array, Int32Array, Int32Array];
  const [cs, as, bs] = plan.innerStrides as [number, number, number];
  const inner = plan.inner;
  // The condition broadcast to the output, kept for the backward.
  const mask = new Uint8Array(plan.numel);
  for (let r = 0, o = 0; r < plan.rows; r++, o += inner) {
    const ci = co[r] as number;
    const ai = ao[r] as number;
    const bi = bo[r] as number;
    for (let j = 0; j < inner; j++) {
      const m = (cond[ci + j * cs] as number) !== 0;
      mask[o + j] = m ? 1 : 0;
      out[o + j] = m ? (a[ai + j * as] as number) : (b[bi + j * bs] as number);
    }
  }
  const back: BackwardFn = (g) => {
    const pick = (t: Tensor, want: number): DataArray | null => {
      if (!needsGrad(t)) return null;
      const full = new Float64Array(g.length);
      for (let i = 0; i < g.length; i++) full[i] = mask[i] === want ? (g[i] as number) : 0;
      return reduceToShape(full, outShape, t.shape, t.dtype);
    };
    return [null, pick(X, 1), pick(Y, 0)];
  };
  return Tensor.fromOp('where', out, outShape, dtype, [c, X, Y], back);
}

/**
 * Shape manipulation: reshape, flatten, squeeze, unsqueeze, transpose, concat, stack. Results are
 * copies (never views), so writing into an op's output never changes its input. Backward passes
 * move the gradient back through the inverse rearrangement.
 */
import { TypeError as PaddleTypeError, ValueError } from '../errors.js';
import { checkOptions, describe, leadingOption } from '../options.js';
import { allocArray, type DataArray } from '../tensor/dtype.js';
import { numelOf, shapeToString, stridesOf, type Shape } from '../tensor/shape.js';
import { scalarOf } from '../tensor/creation.js';
import { Tensor } from '../tensor/tensor.js';
import type { BackwardFn } from '../tensor/autograd.js';
import { expectTensor, intList, normalizeAxes, normalizeAxisOf } from './helpers.js';
import { needsGrad } from './binary.js';

/** Same elements, new shape (a copy); the gradient passes through unchanged. */
function relabel(name: string, x: Tensor, shape: Shape): Tensor {
  const back: BackwardFn = (g) => [needsGrad(x) ? g : null];
  return Tensor.fromOp(name, x.data.slice(), shape, x.dtype, [x], back);
}

/**
 * `paddle.reshape(x, shape)`: `-1` infers one dimension, `0` copies x's dimension at the same
 * index (Paddle's rule). A shape that cannot hold x's elements is a ValueError.
 * @param x - The input Tensor (Paddle's `x`).
 * @param shape - The new shape: integers (or 1-element Tensors), or an int32/int64 Tensor; `-1` infers one dimension, `0` copies x's (Paddle's `shape`).
 * @returns A new Tensor (a copy) of the new shape and x's dtype.
 * @throws {@link errors.TypeError} when `x` is not a Tensor or `shape` is not a list of integers; {@link errors.ValueError} when `shape` has more than one `-1`, a negative entry, or cannot hold x's elements.
 */
export function reshape(x: Tensor, shape: readonly (number | Tensor)[] | Tensor): Tensor {
  const t = expectTensor('reshape', 'x', x);
  const dims = intList('reshape', 'shape', shape);
  const out = new Array<number>(dims.length);
  let infer = -1;
  let known = 1;
  for (let i = 0; i < dims.length; i++) {
    const d = dims[i] as number;
    if (d === -1) {
      if (infer !== -1) {
        throw new ValueError(`reshape: only one dimension of 'shape' can be -1, but received ${shapeToString(dims)}.`);
      }
      infer = i;
      continue;
    }
    if (d === 0) {
      if (i >= t.ndim) {
        throw new ValueError(
          `reshape: shape[${i}] is 0 (copy x's dimension) but x of shape ${shapeToString(t.shape)} has only ${t.ndim} dimensions (received ${shapeToString(dims)}).`,
        );
      }
      out[i] = t.shape[i] as number;
    } else if (d < 0) {
      throw new ValueError(`reshape: shape[${i}] must be positive, 0 or -1, but received ${d} (in ${shapeToString(dims)}).`);
    } else {
      out[i] = d;
    }
    known *= out[i] as number;
  }
  if (infer !== -1) {
    if (known === 0 || t.numel % known !== 0) {
      throw new ValueError(
        `reshape: cannot infer the -1 dimension of ${shapeToString(dims)} for x of shape ${shapeToString(t.shape)} (${t.numel} elements).`,
      );
    }
    out[infer] = t.numel / known;
  } else if (known !== t.numel) {
    throw new ValueError(
      `reshape: the shape ${shapeToString(dims)} holds ${known} elements, but x of shape ${shapeToString(t.shape)} has ${t.numel}.`,
    );
  }
  return relabel('reshape', t, out);
}

/** Optional arguments of {@link flatten} (Paddle's `start_axis`, `stop_axis`, `name`). */
export interface FlattenOptions {
  /** First axis to flatten (default 0). */
  startAxis?: number;
  /** Last axis to flatten, inclusive (default -1). */
  stopAxis?: number;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string;
}

/**
 * `paddle.flatten(x, start_axis=0, stop_axis=-1)`; a 0-D tensor becomes shape [1].
 * @param x - The input Tensor (Paddle's `x`).
 * @param options - {@link FlattenOptions}: `startAxis` (Paddle's `start_axis`, default 0), `stopAxis` (Paddle's `stop_axis`, default -1), `name`.
 * @returns A new Tensor of x's dtype with the axes `startAxis..stopAxis` merged into one.
 * @throws {@link errors.TypeError} when `x` is not a Tensor or an option is unknown; {@link errors.ValueError} when an axis is out of range or `stopAxis` comes before `startAxis`.
 */
export function flatten(x: Tensor, options?: FlattenOptions): Tensor {
  const opts = checkOptions('flatten', options, ['startAxis', 'stopAxis', 'name']);
  const t = expectTensor('flatten', 'x', x);
  if (t.ndim === 0) return relabel('flatten', t, [1]);
  const start = normalizeAxisOf('flatten', opts.startAxis ?? 0, t.ndim, 'startAxis');
  const stop = normalizeAxisOf('flatten', opts.stopAxis ?? -1, t.ndim, 'stopAxis');
  if (start > stop) {
    throw new ValueError(
      `flatten: the 'stopAxis' (${String(opts.stopAxis ?? -1)}) must not come before the 'startAxis' (${String(opts.startAxis ?? 0)}) for x of shape ${shapeToString(t.shape)}.`,
    );
  }
  const shape = [...t.shape.slice(0, start), numelOf(t.shape.slice(start, stop + 1)), ...t.shape.slice(stop + 1)];
  return relabel('flatten', t, shape);
}

/** Optional arguments of {@link squeeze} (Paddle's `axis`, `name`). */
export interface SqueezeOptions {
  /** Axes to remove; axes whose size is not 1 are left alone (Paddle). All size-1 axes when omitted. */
  axis?: number | readonly number[] | null;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string;
}

/**
 * `paddle.squeeze(x, axis=None)`.
 * @param x - The input Tensor (Paddle's `x`).
 * @param options - {@link SqueezeOptions}: `axis` (the axes to drop if of size 1; omitted/`null`: every size-1 axis), `name`.
 * @returns A new Tensor of x's dtype without the selected size-1 axes (other listed axes stay).
 * @throws {@link errors.TypeError} when `x` is not a Tensor or an option is unknown; {@link errors.ValueError} when an axis is out of range or repeated.
 */
export function squeeze(x: Tensor, options?: SqueezeOptions): Tensor {
  const opts = checkOptions('squeeze', options, ['axis', 'name']);
  const t = expectTensor('squeeze', 'x', x);
  const axes = opts.axis === undefined || opts.axis === null ? null : normalizeAxes('squeeze', opts.axis, t.ndim);
  const shape = t.shape.filter((d, i) => !(d === 1 && (axes === null || axes.includes(i))));
  return relabel('squeeze', t, shape);
}

/**
 * `paddle.unsqueeze(x, axis)`: inserts size-1 axes, in order, each index in the growing shape.
 * @param x - The input Tensor (Paddle's `x`).
 * @param axis - The position or positions of the new size-1 axes, a number, an array or an int Tensor (Paddle's `axis`; negative counts from the end).
 * @returns A new Tensor of x's dtype with the size-1 axes inserted.
 * @throws {@link errors.TypeError} when `x` is not a Tensor or `axis` is not integers; {@link errors.ValueError} when an axis is out of range.
 */
export function unsqueeze(x: Tensor, axis: number | readonly (number | Tensor)[] | Tensor): Tensor {
  const t = expectTensor('unsqueeze', 'x', x);
  const list = typeof axis === 'number' ? [axis] : intList('unsqueeze', 'axis', axis);
  const shape = [...t.shape];
  for (const a of list) {
    const rank = shape.length + 1;
    if (!Number.isInteger(a) || a < -rank || a >= rank) {
      throw new ValueError(
        `unsqueeze: the 'axis' ${String(a)} is out of range [${-rank}, ${rank}) for a tensor of shape ${shapeToString(shape)}.`,
      );
    }
    shape.splice(a < 0 ? a + rank : a, 0, 1);
  }
  return relabel('unsqueeze', t, shape);
}

/** Copies `src` (of `shape`) into a new array with axes permuted by `perm`. */
function permute(src: DataArray, shape: Shape, perm: readonly number[]): DataArray {
  const n = src.length;
  const out = allocArray(dtypeOfArray(src), n) as DataArray;
  if (n === 0) return out;
  const nd = shape.length;
  const st = stridesOf(shape);
  const oshape = perm.map((p) => shape[p] as number);
  const ostrides = perm.map((p) => st[p] as number); // input stride of each output axis
  if (nd === 0) {
    out[0] = src[0] as number;
    return out;
  }
  const last = nd - 1;
  const lastN = oshape[last] as number;
  const lastS = ostrides[last] as number;
  const idx = new Array<number>(nd).fill(0);
  let base = 0;
  for (let o = 0; o < n; o += lastN) {
    for (let j = 0; j < lastN; j++) out[o + j] = src[base + j * lastS] as number;
    for (let d = last - 1; d >= 0; d--) {
      idx[d] = (idx[d] as number) + 1;
      base += ostrides[d] as number;
      if ((idx[d] as number) < (oshape[d] as number)) break;
      base -= (ostrides[d] as number) * (oshape[d] as number);
      idx[d] = 0;
    }
  }
  return out;
}

function dtypeOfArray(a: DataArray): 'float32' | 'float64' | 'int32' | 'bool' {
  return a instanceof Float32Array ? 'float32' : a instanceof Float64Array ? 'float64' : a instanceof Int32Array ? 'int32' : 'bool';
}

/**
 * `paddle.transpose(x, perm)`: a permutation of x's axes (its length must equal x.ndim).
 * @param x - The input Tensor (Paddle's `x`).
 * @param perm - A permutation of x's axes, of length `x.ndim` (Paddle's `perm`; negative entries count from the end).
 * @returns A new Tensor (a copy) of x's dtype, with shape `perm.map((a) => x.shape[a])`.
 * @throws {@link errors.TypeError} when `x` is not a Tensor or `perm` is not integers; {@link errors.ValueError} when `perm` has the wrong length, an out-of-range entry or is not a permutation.
 */
export function transpose(x: Tensor, perm: readonly number[]): Tensor {
  const t = expectTensor('transpose', 'x', x);
  const p = intList('transpose', 'perm', perm);
  if (p.length !== t.ndim) {
    throw new ValueError(
      `transpose: the 'perm' must have one entry per dimension of x (${t.ndim} for shape ${shapeToString(t.shape)}), but received [${p.join(', ')}].`,
    );
  }
  const norm = p.map((a) => {
    if (a < -t.ndim || a >= t.ndim) {
      throw new ValueError(`transpose: the 'perm' entry ${a} is out of range [${-t.ndim}, ${t.ndim}) (perm [${p.join(', ')}]).`);
    }
    return a < 0 ? a + t.ndim : a;
  });
  if (new Set(norm).size !== norm.length) {
    throw new ValueError(`transpose: the 'perm' must be a permutation of the axes, but received [${p.join(', ')}].`);
  }
  const inverse = new Array<number>(norm.length);
  norm.forEach((a, i) => (inverse[a] = i));
  const outShape = norm.map((a) => t.shape[a] as number);
  const out = permute(t.data, t.shape, norm);
  const back: BackwardFn = (g) => [needsGrad(t) ? permute(g, outShape, inverse) : null];
  return Tensor.fromOp('transpose', out, outShape, t.dtype, [t], back);
}

function expectTensorList(where: string, value: unknown): Tensor[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new PaddleTypeError(`${where}: the 'x' must be a non-empty array of Tensors, but received ${describe(value)}.`);
  }
  const list: unknown[] = value;
  return list.map((v, i) => {
    if (!(v instanceof Tensor)) {
      throw new PaddleTypeError(`${where}: x[${i}] must be a Tensor, but received ${describe(v)}.`);
    }
    if (v.dtype !== (list[0] as Tensor).dtype) {
      throw new PaddleTypeError(
        `${where}: all inputs must have the same dtype, but x[0] is ${(list[0] as Tensor).dtype} and x[${i}] is ${v.dtype}.`,
      );
    }
    return v;
  });
}

/** The optional `axis` (and `name`) of `concat`, `stack`, `unsqueeze` and the like. */
export interface AxisOptions {
  /** The axis (default 0); Paddle also takes a 1-element Tensor. */
  axis?: number | Tensor;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string;
}

/**
 * `paddle.concat(x, axis=0)`: joins tensors along an existing axis.
 * @param x - A non-empty array of Tensors of one dtype (Paddle's `x`).
 * @param axisOrOptions - The axis to join along (Paddle's `axis`, default 0; negative counts from the end; a number or 1-element Tensor), or the options object.
 * @param options - {@link AxisOptions}: `axis`, `name`.
 * @returns A new Tensor of the inputs' dtype, their shape with the `axis` sizes added.
 * @throws {@link errors.TypeError} when `x` is not a non-empty array of Tensors of one dtype, `axis` is given both positionally and in `options`, or an option is unknown; {@link errors.ValueError} when an input is 0-D, `axis` is out of range, or the shapes differ outside `axis`.
 */
export function concat(x: readonly Tensor[], axisOrOptions?: number | AxisOptions, options?: AxisOptions): Tensor {
  options = leadingOption('concat', 'axis', axisOrOptions, options);
  const opts = checkOptions('concat', options, ['axis', 'name']);
  const xs = expectTensorList('concat', x);
  const first = xs[0] as Tensor;
  if (first.ndim === 0) {
    throw new ValueError('concat: 0-D tensors cannot be concatenated; use stack.');
  }
  const axis = normalizeAxisOf('concat', scalarOf('concat', 'axis', opts.axis ?? 0), first.ndim);
  xs.forEach((t, i) => {
    if (t.ndim !== first.ndim || t.shape.some((d, k) => k !== axis && d !== first.shape[k])) {
      throw new ValueError(
        `concat: x[${i}] of shape ${shapeToString(t.shape)} does not match x[0] of shape ${shapeToString(first.shape)} outside axis ${axis}.`,
      );
    }
  });
  const outer = numelOf(first.shape.slice(0, axis));
  const inner = numelOf(first.shape.slice(axis + 1));
  const sizes = xs.map((t) => (t.shape[axis] as number) * inner);
  const rowLen = sizes.reduce((p, q) => p + q, 0);
  const outShape = [...first.shape];
  outShape[axis] = xs.reduce((p, t) => p + (t.shape[axis] as number), 0);
  const out = allocArray(first.dtype, outer * rowLen);
  let off = 0;
  xs.forEach((t, k) => {
    const src = t.data;
    const sz = sizes[k] as number;
    for (let o = 0; o < outer; o++) out.set(src.subarray(o * sz, (o + 1) * sz), o * rowLen + off);
    off += sz;
  });
  const back: BackwardFn = (g) => {
    let start = 0;
    return xs.map((t, k) => {
      const sz = sizes[k] as number;
      const s0 = start;
      start += sz;
      if (!needsGrad(t)) return null;
      const gx = allocArray(t.dtype, outer * sz);
      for (let o = 0; o < outer; o++) gx.set(g.subarray(o * rowLen + s0, o * rowLen + s0 + sz), o * sz);
      return gx;
    });
  };
  return Tensor.fromOp('concat', out, outShape, first.dtype, xs, back);
}

/**
 * `paddle.stack(x, axis=0)`: joins same-shape tensors along a new axis.
 * @param x - A non-empty array of Tensors of one dtype (Paddle's `x`).
 * @param axisOrOptions - Where the new axis goes (Paddle's `axis`, default 0; in [-(ndim+1), ndim+1)), or the options object.
 * @param options - {@link AxisOptions}: `axis`, `name`.
 * @returns A new Tensor of the inputs' dtype and shape with a new axis of size `x.length` at `axis`.
 * @throws {@link errors.TypeError} when `x` is not a non-empty array of Tensors of one dtype, `axis` is given both positionally and in `options`, or an option is unknown; {@link errors.ValueError} when the shapes differ or `axis` is out of range.
 */
export function stack(x: readonly Tensor[], axisOrOptions?: number | AxisOptions, options?: AxisOptions): Tensor {
  options = leadingOption('stack', 'axis', axisOrOptions, options);
  const opts = checkOptions('stack', options, ['axis', 'name']);
  const xs = expectTensorList('stack', x);
  const first = xs[0] as Tensor;
  xs.forEach((t, i) => {
    if (t.ndim !== first.ndim || t.shape.some((d, k) => d !== first.shape[k])) {
      throw new ValueError(
        `stack: all inputs must have the same shape, but x[${i}] has shape ${shapeToString(t.shape)} and x[0] has ${shapeToString(first.shape)}.`,
      );
    }
  });
  const axis = normalizeAxisOf('stack', opts.axis ?? 0, first.ndim + 1);
  const outer = numelOf(first.shape.slice(0, axis));
  const inner = numelOf(first.shape.slice(axis));
  const k = xs.length;
  const outShape = [...first.shape.slice(0, axis), k, ...first.shape.slice(axis)];
  const out = allocArray(first.dtype, outer * k * inner);
  xs.forEach((t, i) => {
    const src = t.data;
    for (let o = 0; o < outer; o++) out.set(src.subarray(o * inner, (o + 1) * inner), (o * k + i) * inner);
  });
  const back: BackwardFn = (g) =>
    xs.map((t, i) => {
      if (!needsGrad(t)) return null;
      const gx = allocArray(t.dtype, outer * inner);
      for (let o = 0; o < outer; o++) gx.set(g.subarray((o * k + i) * inner, (o * k + i + 1) * inner), o * inner);
      return gx;
    });
  return Tensor.fromOp('stack', out, outShape, first.dtype, xs, back);
}

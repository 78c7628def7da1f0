/**
 * Shape ops that pick, repeat or reorder elements: slice, split, chunk, expand, broadcast_to,
 * tile, flip, t. Every one is a gather through an index map (output element → input element),
 * built per axis; results are copies, and the backward scatter-adds g through the same map
 * (float64 accumulation, so elements repeated by expand/tile sum their gradients).
 */
import { TypeError as PaddleTypeError, ValueError } from '../errors.js';
import { checkOptions, describe, leadingOption } from '../options.js';
import { allocArray } from '../tensor/dtype.js';
import { numelOf, shapeToString, stridesOf } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';
import type { BackwardFn } from '../tensor/autograd.js';
import { RunsGrad } from '../tensor/runs-grad.js';
import { expectTensor, intList, normalizeAxes, normalizeAxisOf } from './helpers.js';
import { needsGrad } from './binary.js';
import { transpose } from './manipulation.js';
import type { NameOptions } from './elementwise.js';

/**
 * The flat input index of each output element, where output axis d at position j contributes
 * `sel[d][j]` (an input offset: the picked index times the input stride, 0 on broadcast axes).
 */
function indexMap(outShape: readonly number[], sel: readonly Int32Array[]): Int32Array {
  const n = numelOf(outShape);
  const map = new Int32Array(n);
  const nd = outShape.length;
  if (n === 0) return map;
  if (nd === 0) return map;
  const last = sel[nd - 1] as Int32Array;
  const lastN = outShape[nd - 1] as number;
  const idx = new Array<number>(nd).fill(0);
  let base = 0;
  for (let d = 0; d < nd - 1; d++) base += (sel[d] as Int32Array)[0] as number;
  for (let o = 0; o < n; o += lastN) {
    for (let j = 0; j < lastN; j++) map[o + j] = base + (last[j] as number);
    for (let d = nd - 2; d >= 0; d--) {
      const s = sel[d] as Int32Array;
      base -= s[idx[d] as number] as number;
      idx[d] = (idx[d] as number) + 1;
      if ((idx[d] as number) < (outShape[d] as number)) {
        base += s[idx[d] as number] as number;
        break;
      }
      idx[d] = 0;
      base += s[0] as number;
    }
  }
  return map;
}

/** The op `out[i] = x[map[i]]`, with the scatter-add backward (also used by search.ts). */
export function gatherByMap(name: string, x: Tensor, outShape: readonly number[], map: Int32Array): Tensor {
  const src = x.data;
  const out = allocArray(x.dtype, map.length);
  for (let i = 0; i < map.length; i++) out[i] = src[map[i] as number] as number;
  const back: BackwardFn = (g) => {
    if (!needsGrad(x)) return [null];
    const acc = new Float64Array(x.numel);
    for (let i = 0; i < map.length; i++) acc[map[i] as number] += g[i] as number;
    if (x.dtype === 'float64') return [acc];
    const gx = allocArray(x.dtype, acc.length);
    gx.set(acc);
    return [gx];
  };
  return Tensor.fromOp(name, out, outShape, x.dtype, [x], back);
}

/**
 * The op `out = x[box]`: along every axis d the contiguous range [starts[d], starts[d] +
 * outShape[d]) (slice, split, chunk). The same values and gradient as {@link gatherByMap} through
 * the box's index map, without building it: the box is runs of contiguous input elements (the
 * last axis cut short, times every axis after it), copied run by run. A box picks each input
 * element at most once, so the map's backward (a float64 sum of one term per element, rounded to
 * x's dtype) is g scattered into zeros, kept as its runs (tensor/runs-grad.ts) until a whole
 * array is needed; a -0 in g reads +0 there, as 0 + (-0) gives.
 */
function gatherBox(name: string, x: Tensor, outShape: readonly number[], starts: readonly number[]): Tensor {
  const shape = x.shape;
  const nd = shape.length;
  const strides = stridesOf(shape);
  const n = numelOf(outShape);
  // the last axis the box cuts short: below it every run is contiguous in x
  let cut = nd - 1;
  while (cut >= 0 && outShape[cut] === shape[cut]) cut--;
  const run = cut < 0 ? n : (outShape[cut] as number) * (cut + 1 < nd ? (strides[cut] as number) : 1);
  const runs = run === 0 ? 0 : n / run;
  // the input offset of each run (its index over the axes before `cut`, odometer order)
  const offs = new Int32Array(runs);
  if (runs > 0) {
    const idx = new Array<number>(Math.max(cut, 0)).fill(0);
    let base = 0;
    for (let d = 0; d < nd; d++) base += (starts[d] as number) * (strides[d] as number);
    for (let r = 0; r < runs; r++) {
      offs[r] = base;
      for (let d = cut - 1; d >= 0; d--) {
        idx[d] = (idx[d] as number) + 1;
        base += strides[d] as number;
        if ((idx[d] as number) < (outShape[d] as number)) break;
        base -= (idx[d] as number) * (strides[d] as number);
        idx[d] = 0;
      }
    }
  }
  const src = x.data;
  const out = allocArray(x.dtype, n);
  for (let r = 0; r < runs; r++) {
    const off = offs[r] as number;
    if (run >= 16) out.set(src.subarray(off, off + run), r * run);
    else for (let j = 0; j < run; j++) out[r * run + j] = src[off + j] as number;
  }
  // the input's gradient is g's runs in place (RunsGrad: made whole when needed, `v + 0` each)
  const back: BackwardFn = (g) => [needsGrad(x) ? new RunsGrad(x.numel, run, offs, g) : null];
  return Tensor.fromOp(name, out, outShape, x.dtype, [x], back);
}

/** Per-axis offsets selecting `start, start + step, …` (`size` of them) along an axis of stride `stride`. */
function range(start: number, size: number, stride: number, step = 1): Int32Array {
  const r = new Int32Array(size);
  for (let j = 0; j < size; j++) r[j] = (start + j * step) * stride;
  return r;
}

/** Every index of each axis of x: the identity selection. */
function identitySel(shape: readonly number[]): Int32Array[] {
  const st = stridesOf(shape);
  return shape.map((d, i) => range(0, d, st[i] as number));
}

/**
 * `paddle.slice(input, axes, starts, ends)`: along each listed axis keep [start, end); negative
 * values count from the end, and both are clamped to [0, dim] (Paddle's rule, so an empty range
 * gives a zero-size axis). The rank is kept.
 * @param input - The input Tensor (Paddle's `input`).
 * @param axes - The axes to slice (Paddle's `axes`; negative counts from the end).
 * @param starts - The start of each range, integers or an int Tensor (Paddle's `starts`; negative counts from the end).
 * @param ends - The (exclusive) end of each range (Paddle's `ends`; negative counts from the end).
 * @returns A new Tensor of x's rank and dtype, each sliced axis of size `end − start` after clamping.
 * @throws {@link errors.TypeError} when `input` is not a Tensor or `axes`/`starts`/`ends` are not integers; {@link errors.ValueError} when their lengths differ, or an axis is out of range or repeated.
 */
export function slice(
  input: Tensor,
  axes: readonly number[],
  starts: readonly (number | Tensor)[] | Tensor,
  ends: readonly (number | Tensor)[] | Tensor,
): Tensor {
  const x = expectTensor('slice', 'input', input);
  const ax = intList('slice', 'axes', axes);
  const st = intList('slice', 'starts', starts);
  const en = intList('slice', 'ends', ends);
  if (st.length !== ax.length || en.length !== ax.length) {
    throw new ValueError(
      `slice: the length of 'starts' (${st.length}) and 'ends' (${en.length}) must equal the length of 'axes' (${ax.length}).`,
    );
  }
  const outShape = [...x.shape];
  const from = new Array<number>(x.ndim).fill(0);
  const seen = new Set<number>();
  ax.forEach((a0, k) => {
    const a = normalizeAxisOf('slice', a0, x.ndim, 'axes');
    if (seen.has(a)) throw new ValueError(`slice: the 'axes' lists axis ${a0} more than once ([${ax.join(', ')}]).`);
    seen.add(a);
    const dim = x.shape[a] as number;
    const clamp = (v: number): number => Math.min(Math.max(v < 0 ? v + dim : v, 0), dim);
    const s = clamp(st[k] as number);
    const e = clamp(en[k] as number);
    const size = Math.max(e - s, 0);
    outShape[a] = size;
    from[a] = s;
  });
  return gatherBox('slice', x, outShape, from);
}

/** Optional arguments of {@link split} and {@link chunk} (Paddle's `axis`, `name`). */
export interface SplitOptions {
  /** The axis (default 0). */
  axis?: number | Tensor;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

/** The section sizes of `num_or_sections` for an axis of size `dim` (Paddle's checks and messages). */
function sections(where: string, numOrSections: unknown, dim: number, shape: readonly number[], axis: number): number[] {
  if (typeof numOrSections === 'number') {
    if (!Number.isInteger(numOrSections) || numOrSections <= 0) {
      throw new ValueError(`${where}: the 'num_or_sections' must be a positive integer or a list of integers, but received ${describe(numOrSections)}.`);
    }
    if (dim % numOrSections !== 0) {
      throw new ValueError(
        `The input's size along the split dimension must be evenly divisible by Attr(num_or_sections). But received Attr(num_or_sections) = ${numOrSections}, input(X)'s shape = ${shapeToString(shape)}, Attr(dim) = ${axis}.`,
      );
    }
    return new Array<number>(numOrSections).fill(dim / numOrSections);
  }
  const list = intList(where, 'num_or_sections', numOrSections);
  if (list.length === 0) throw new ValueError(`${where}: the 'num_or_sections' must not be empty.`);
  let infer = -1;
  let known = 0;
  list.forEach((v, i) => {
    if (v === -1) {
      if (infer !== -1) {
        throw new ValueError(`Only one value of 'num_or_section' in split can be -1. But received num_or_section[${i}] is also -1.`);
      }
      infer = i;
    } else if (v < 0) {
      throw new ValueError(`${where}: num_or_sections[${i}] must be non-negative or -1, but received ${v}.`);
    } else known += v;
  });
  const out = [...list];
  if (infer !== -1) {
    if (known > dim) {
      throw new ValueError(`${where}: the sections [${list.join(', ')}] add up to more than the size ${dim} of axis ${axis}.`);
    }
    out[infer] = dim - known;
  } else if (known !== dim) {
    throw new ValueError(
      `The sum of Attr(num_or_sections) must be equal to the size of the input along the split dimension (${dim}, axis ${axis} of shape ${shapeToString(shape)}), but received the sections [${list.join(', ')}] adding up to ${known}.`,
    );
  }
  return out;
}

function splitInto(where: string, x: Tensor, sizes: readonly number[], axis: number): Tensor[] {
  let start = 0;
  return sizes.map((size) => {
    const outShape = [...x.shape];
    outShape[axis] = size;
    const starts = new Array<number>(x.ndim).fill(0);
    starts[axis] = start;
    start += size;
    return gatherBox(where, x, outShape, starts);
  });
}

function splitAxis(where: string, x: Tensor, axis: unknown): number {
  if (x.ndim === 0) throw new ValueError(`${where}: the 'x' must have at least one dimension, but it is 0-D.`);
  const a = axis instanceof Tensor ? axis.item() : (axis ?? 0);
  return normalizeAxisOf(where, a, x.ndim);
}

/**
 * `paddle.split(x, num_or_sections, axis=0)`: `num_or_sections` is a number of equal parts (which
 * must divide the axis) or a list of sizes (one may be -1).
 * @param x - The input Tensor (Paddle's `x`).
 * @param numOrSections - A number of equal parts (must divide the axis) or a list of section sizes, one may be -1 (Paddle's `num_or_sections`).
 * @param axisOrOptions - The axis to split (Paddle's `axis`, default 0; negative counts from the end; a number or 1-element Tensor), or the options object.
 * @param options - {@link SplitOptions}: `axis`, `name`.
 * @returns New Tensors of x's dtype, x's shape with `axis` of each part's size.
 * @throws {@link errors.TypeError} when `x` is not a Tensor, `axis` is given both positionally and in `options`, or an option is unknown; {@link errors.ValueError} when `x` is 0-D, `axis` is out of range, or the sections are invalid or do not fit the axis.
 */
export function split(x: Tensor, numOrSections: number | readonly number[], axisOrOptions?: number | SplitOptions, options?: SplitOptions): Tensor[] {
  options = leadingOption('split', 'axis', axisOrOptions, options);
  const opts = checkOptions('split', options, ['axis', 'name']);
  const t = expectTensor('split', 'x', x);
  const axis = splitAxis('split', t, opts.axis);
  return splitInto('split', t, sections('split', numOrSections, t.shape[axis] as number, t.shape, axis), axis);
}

/**
 * `paddle.chunk(x, chunks, axis=0)`: `chunks` equal parts (which must divide the axis).
 * @param x - The input Tensor (Paddle's `x`).
 * @param chunks - The number of equal parts (must divide the axis; Paddle's `chunks`).
 * @param axisOrOptions - The axis to split (Paddle's `axis`, default 0; negative counts from the end; a number or 1-element Tensor), or the options object.
 * @param options - {@link SplitOptions}: `axis`, `name`.
 * @returns New Tensors of x's dtype, x's shape with `axis` of each part's size.
 * @throws {@link errors.TypeError} when `x` is not a Tensor, `chunks` is not an integer, `axis` is given both positionally and in `options`, or an option is unknown; {@link errors.ValueError} when `x` is 0-D, `axis` is out of range, or `chunks` is not positive or does not divide the axis.
 */
export function chunk(x: Tensor, chunks: number, axisOrOptions?: number | SplitOptions, options?: SplitOptions): Tensor[] {
  options = leadingOption('chunk', 'axis', axisOrOptions, options);
  const opts = checkOptions('chunk', options, ['axis', 'name']);
  const t = expectTensor('chunk', 'x', x);
  if (typeof chunks !== 'number' || !Number.isInteger(chunks)) {
    throw new PaddleTypeError(`chunk: the 'chunks' must be an integer, but received ${describe(chunks)}.`);
  }
  const axis = splitAxis('chunk', t, opts.axis);
  return splitInto('chunk', t, sections('chunk', chunks, t.shape[axis] as number, t.shape, axis), axis);
}

/** Broadcasts x to `shape` (-1 keeps x's dimension); new leading axes may be added. */
function expandTo(where: string, input: unknown, shape: unknown): Tensor {
  const x = expectTensor(where, 'x', input);
  const dims = intList(where, 'shape', shape);
  if (dims.length < x.ndim) {
    throw new ValueError(
      `${where}: the number of elements (${dims.length}) of 'shape' must be greater than or equal to the rank (${x.ndim}) of the input ${shapeToString(x.shape)}.`,
    );
  }
  const lead = dims.length - x.ndim;
  const strides = stridesOf(x.shape);
  const outShape: number[] = [];
  const sel: Int32Array[] = [];
  dims.forEach((d, i) => {
    const xi = i - lead;
    const xd = xi >= 0 ? (x.shape[xi] as number) : 1;
    let od = d;
    if (d === -1) {
      if (xi < 0) throw new ValueError(`${where}: the value -1 in 'shape' is not allowed for a new leading dimension (shape[${i}] of ${shapeToString(dims)}).`);
      od = xd;
    } else if (d < 0) {
      throw new ValueError(`${where}: the elements of 'shape' must be positive or -1, but shape[${i}] is ${d}.`);
    } else if (xd !== 1 && xd !== d) {
      throw new ValueError(
        `The value (${xd}) of the non-singleton dimension does not match the corresponding value (${d}) in shape for ${where} op (x of shape ${shapeToString(x.shape)}, shape ${shapeToString(dims)}).`,
      );
    }
    outShape.push(od);
    sel.push(xd === 1 ? new Int32Array(od) : range(0, od, strides[xi] as number));
  });
  return gatherByMap(where, x, outShape, indexMap(outShape, sel));
}

/**
 * `paddle.expand(x, shape)`: broadcasts x to `shape` (-1 keeps a dimension).
 * @param x - The input Tensor (Paddle's `x`).
 * @param shape - The target shape, integers or an int Tensor; -1 keeps x's dimension (Paddle's `shape`).
 * @returns A new Tensor (a copy) of x's dtype and the target shape.
 * @throws {@link errors.TypeError} when `x` is not a Tensor or `shape` is not integers; {@link errors.ValueError} when `shape` has fewer entries than `x.ndim`, a non-positive entry other than -1 (or -1 on a new axis), or a size that a non-1 dimension of x does not match.
 */
export function expand(x: Tensor, shape: readonly number[] | Tensor): Tensor {
  return expandTo('expand', x, shape);
}

/**
 * `paddle.broadcast_to(x, shape)`: as `expand`.
 * @param x - The input Tensor (Paddle's `x`).
 * @param shape - The target shape, integers or an int Tensor; -1 keeps x's dimension (Paddle's `shape`).
 * @returns A new Tensor (a copy) of x's dtype and the target shape.
 * @throws {@link errors.TypeError} when `x` is not a Tensor or `shape` is not integers; {@link errors.ValueError} when `shape` has fewer entries than `x.ndim`, a non-positive entry other than -1 (or -1 on a new axis), or a size that a non-1 dimension of x does not match.
 */
export function broadcastTo(x: Tensor, shape: readonly number[] | Tensor): Tensor {
  return expandTo('broadcast_to', x, shape);
}

/**
 * `paddle.tile(x, repeat_times)`: repeats x along each axis. A shorter `repeat_times` is padded
 * with leading 1s; a longer one gives x leading size-1 axes.
 * @param x - The input Tensor (Paddle's `x`).
 * @param repeatTimes - The repetitions per axis, positive integers or an int Tensor (Paddle's `repeat_times`).
 * @returns A new Tensor of x's dtype, each dimension times its repetition (leading 1s padding the shorter of the two).
 * @throws {@link errors.TypeError} when `x` is not a Tensor or `repeatTimes` is not integers; {@link errors.ValueError} when a repetition is not positive.
 */
export function tile(x: Tensor, repeatTimes: readonly number[] | Tensor): Tensor {
  const t = expectTensor('tile', 'x', x);
  const reps = intList('tile', 'repeat_times', repeatTimes);
  reps.forEach((r, i) => {
    if (r <= 0) {
      throw new ValueError(`tile: all elements of 'repeat_times' must be positive, but repeat_times[${i}] is ${r}.`);
    }
  });
  const nd = Math.max(reps.length, t.ndim);
  const xs = [...new Array<number>(nd - t.ndim).fill(1), ...t.shape];
  const rs = [...new Array<number>(nd - reps.length).fill(1), ...reps];
  const strides = stridesOf(xs);
  const outShape = xs.map((d, i) => d * (rs[i] as number));
  const sel = outShape.map((od, i) => {
    const d = xs[i] as number;
    const s = new Int32Array(od);
    for (let j = 0; j < od; j++) s[j] = (j % d) * (strides[i] as number);
    return s;
  });
  return gatherByMap('tile', t, outShape, indexMap(outShape, sel));
}

/**
 * `paddle.flip(x, axis)`: reverses the order along each listed axis.
 * @param x - The input Tensor (Paddle's `x`).
 * @param axis - The axis or axes to reverse (Paddle's `axis`; negative counts from the end).
 * @returns A new Tensor of x's shape and dtype.
 * @throws {@link errors.TypeError} when `x` is not a Tensor or `axis` is not an integer or a list of integers; {@link errors.ValueError} when an axis is out of range or repeated.
 */
export function flip(x: Tensor, axis: number | readonly number[]): Tensor {
  const t = expectTensor('flip', 'x', x);
  if (axis === undefined || axis === null) {
    throw new PaddleTypeError(`flip: the 'axis' must be an integer or a list of integers, but received ${describe(axis)}.`);
  }
  const axes = normalizeAxes('flip', axis, t.ndim);
  const strides = stridesOf(t.shape);
  const sel = identitySel(t.shape);
  for (const a of axes) {
    const d = t.shape[a] as number;
    sel[a] = range(d - 1, d, strides[a] as number, -1);
  }
  return gatherByMap('flip', t, t.shape, indexMap(t.shape, sel));
}

/**
 * `paddle.t(input)`: the transpose of a 2-D tensor; a 0-D or 1-D tensor is returned itself (as Paddle).
 * @param input - A Tensor of at most 2 dimensions (Paddle's `input`).
 * @param options - {@link NameOptions}: `name` (accepted, unused).
 * @returns The transposed 2-D Tensor (a copy), or `input` itself when it is 0-D or 1-D.
 * @throws {@link errors.TypeError} when `input` is not a Tensor or an option is unknown; {@link errors.ValueError} when `input` has more than 2 dimensions.
 */
export function t(input: Tensor, options?: NameOptions): Tensor {
  checkOptions('t', options, ['name']);
  const x = expectTensor('t', 'input', input);
  if (x.ndim > 2) {
    throw new ValueError(
      `Input(input) only support N-D (N<=2) tensor, but received length of Input(input) is ${x.ndim}. Perhaps you can use paddle.tensor.transpose() instead.`,
    );
  }
  return x.ndim < 2 ? x : transpose(x, [1, 0]);
}

export { broadcastTo as broadcast_to };

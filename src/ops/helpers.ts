/**
 * Shared machinery of the differentiable ops: argument checks, scalar operands, broadcasting
 * plans, the elementwise drivers and the reduction of a broadcast gradient back to an input shape.
 *
 * Numerics: an op computes in float64 (JS numbers) and stores into the output dtype's typed array,
 * so a single float32 arithmetic step (+ − × ÷ √) is correctly rounded, exactly as float32
 * hardware would give it. Reductions (sums over axes, the reduction of a broadcast gradient)
 * accumulate in float64 and round once at the end.
 */
import { TypeError as PaddleTypeError, ValueError } from '../errors.js';
import { describe } from '../options.js';
import { getDefaultDType } from '../tensor/creation.js';
import { allocArray, arrayMatchesDType, castScalar, isFloatDType, promote, type DataArray, type DType } from '../tensor/dtype.js';
import { broadcastShapes, numelOf, shapeEquals, shapeToString, stridesOf, type Shape } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';

/** A tensor operand or a Python-style scalar. */
export type TensorLike = Tensor | number;

/** Throws a TypeError naming the argument unless `value` is a Tensor. */
export function expectTensor(where: string, argName: string, value: unknown): Tensor {
  if (value instanceof Tensor) return value;
  throw new PaddleTypeError(
    `${where}: the argument '${argName}' must be a Tensor, but received ${describe(value)}.`,
  );
}

/** Throws a TypeError unless `value` is a Tensor or a JS number (a boolean counts as 0/1). */
export function expectTensorLike(where: string, argName: string, value: unknown): TensorLike {
  if (value instanceof Tensor) return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  throw new PaddleTypeError(
    `${where}: the argument '${argName}' must be a Tensor or a number, but received ${describe(value)}.`,
  );
}

/** Throws a TypeError unless the tensor has a float dtype (float32/float64). */
export function expectFloat(where: string, argName: string, t: Tensor): void {
  if (!isFloatDType(t.dtype)) {
    throw new PaddleTypeError(
      `${where}: the argument '${argName}' must have dtype float32 or float64, but its dtype is ${t.dtype}.`,
    );
  }
}

/**
 * The dtype a binary op computes in. Two tensors promote (float32 with float64 → float64; an
 * integer with a float → the float). A scalar takes the tensor's dtype, except that a
 * non-integer scalar with an integer/bool tensor gives the default float dtype, and an integer
 * scalar with a bool tensor gives int64 (Python's `True + 1 == 2`).
 */
export function resultDType(x: TensorLike, y: TensorLike): DType {
  if (x instanceof Tensor && y instanceof Tensor) return promote(x.dtype, y.dtype);
  const t = x instanceof Tensor ? x : (y as Tensor);
  const s = x instanceof Tensor ? (y as number) : x;
  if (isFloatDType(t.dtype)) return t.dtype;
  if (!Number.isInteger(s)) return getDefaultDType();
  return t.dtype === 'bool' ? 'int64' : t.dtype;
}

/** A number operand as a 0-D constant tensor of `dtype` (rounded to it, as Paddle does). */
export function scalarTensor(value: number, dtype: DType): Tensor {
  const arr = allocArray(dtype, 1);
  arr[0] = castScalar(value, dtype);
  return Tensor.fromArray(arr, [], dtype);
}

/** Two operands as tensors of their common dtype; throws if neither is a Tensor. */
export function binaryOperands(where: string, xv: unknown, yv: unknown): { x: Tensor; y: Tensor; dtype: DType } {
  const x = expectTensorLike(where, 'x', xv);
  const y = expectTensorLike(where, 'y', yv);
  if (!(x instanceof Tensor) && !(y instanceof Tensor)) {
    throw new PaddleTypeError(`${where}: at least one of 'x' and 'y' must be a Tensor, but received ${describe(xv)} and ${describe(yv)}.`);
  }
  const dtype = resultDType(x, y);
  return {
    x: x instanceof Tensor ? x : scalarTensor(x, dtype),
    y: y instanceof Tensor ? y : scalarTensor(y, dtype),
    dtype,
  };
}

/** The values of `t` in `dtype` (the array itself when the dtype already matches). */
export function valuesAs(t: Tensor, dtype: DType): DataArray {
  const d = t.data;
  if (t.dtype === dtype || (isFloatDType(t.dtype) && dtype === 'float64' && d instanceof Float64Array)) return d;
  const out = allocArray(dtype, d.length);
  for (let i = 0; i < d.length; i++) out[i] = castScalar(d[i] as number, dtype);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Broadcasting plans

/**
 * How k inputs map onto a broadcast output, after dropping size-1 dimensions and merging
 * dimensions that are contiguous for every input. The output is walked as `rows` runs of
 * `inner` contiguous elements; run r of input k starts at `offsets[k][r]` and advances by
 * `innerStrides[k]` (0: broadcast along the run, 1: contiguous).
 */
export interface BroadcastPlan {
  readonly outShape: number[];
  readonly numel: number;
  readonly rows: number;
  readonly inner: number;
  readonly offsets: Int32Array[];
  readonly innerStrides: number[];
}

/** Plans the walk of `shapes` broadcast to `outShape` (each must broadcast to it). */
export function planBroadcast(shapes: readonly Shape[], outShape: Shape): BroadcastPlan {
  const n = outShape.length;
  const numel = numelOf(outShape);
  // Strides of every input aligned to the output dims (0 where broadcast).
  const dims: number[] = [];
  const strides: number[][] = shapes.map(() => []);
  const full = shapes.map((s) => {
    const st = stridesOf(s);
    const aligned = new Array<number>(n).fill(0);
    for (let i = 0; i < s.length; i++) {
      const oi = n - s.length + i;
      aligned[oi] = (s[i] as number) === 1 ? 0 : (st[i] as number);
    }
    return aligned;
  });
  for (let i = 0; i < n; i++) {
    const d = outShape[i] as number;
    if (d === 1) continue;
    const last = dims.length - 1;
    // Merge with the previous kept dim when contiguous for every input.
    if (last >= 0 && full.every((f, k) => (strides[k] as number[])[last] === (f[i] as number) * d)) {
      dims[last] = (dims[last] as number) * d;
      full.forEach((f, k) => {
        (strides[k] as number[])[last] = f[i] as number;
      });
      continue;
    }
    dims.push(d);
    full.forEach((f, k) => (strides[k] as number[]).push(f[i] as number));
  }
  if (numel === 0) {
    return { outShape: [...outShape], numel, rows: 0, inner: 0, offsets: shapes.map(() => new Int32Array(0)), innerStrides: shapes.map(() => 1) };
  }
  if (dims.length === 0) {
    return { outShape: [...outShape], numel, rows: 1, inner: 1, offsets: shapes.map(() => new Int32Array(1)), innerStrides: shapes.map(() => 1) };
  }
  const inner = dims[dims.length - 1] as number;
  const innerStrides = strides.map((s) => s[s.length - 1] as number);
  const outerDims = dims.slice(0, -1);
  const rows = numelOf(outerDims);
  const offsets = strides.map((s) => {
    const off = new Int32Array(rows);
    const outer = s.slice(0, -1);
    const idx = new Array<number>(outerDims.length).fill(0);
    let cur = 0;
    for (let r = 0; r < rows; r++) {
      off[r] = cur;
      // Increment the multi-index (last outer dim fastest).
      for (let d = outerDims.length - 1; d >= 0; d--) {
        idx[d] = (idx[d] as number) + 1;
        cur += outer[d] as number;
        if ((idx[d] as number) < (outerDims[d] as number)) break;
        cur -= (outer[d] as number) * (outerDims[d] as number);
        idx[d] = 0;
      }
    }
    return off;
  });
  return { outShape: [...outShape], numel, rows, inner, offsets, innerStrides };
}

/** The broadcast shape of several shapes (ValueError naming the op and the shapes). */
export function broadcastAll(where: string, shapes: readonly Shape[]): number[] {
  let out: number[] = [...(shapes[0] ?? [])];
  for (let i = 1; i < shapes.length; i++) out = broadcastShapes(out, shapes[i] as Shape, where);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Elementwise drivers

/** Contiguous loops of one binary elementwise function. `s` is a scalar operand. */
export interface BinaryKernelOf<A extends DataArray> {
  vv(a: A, ia: number, b: A, ib: number, out: A, o: number, n: number): void;
  vs(a: A, ia: number, s: number, out: A, o: number, n: number): void;
  sv(s: number, b: A, ib: number, out: A, o: number, n: number): void;
}

/**
 * An elementwise binary kernel: loops over runs of every array type, and optionally the same
 * loops for float32 operands and output only (`f32`), which V8 compiles for that one array type
 * (a loop that sees several typed-array types runs about twice as slow per element).
 */
export interface BinaryKernel extends BinaryKernelOf<DataArray> {
  f32?: BinaryKernelOf<Float32Array>;
}

/**
 * `out = f(a, b)` with `a` of `aShape` and `b` of `bShape` broadcast to `outShape`. Same shapes
 * and single-element operands run one contiguous loop; otherwise runs from a broadcast plan.
 */
export function applyBinary(
  k: BinaryKernel,
  a: DataArray,
  aShape: Shape,
  b: DataArray,
  bShape: Shape,
  outShape: Shape,
  out: DataArray,
): DataArray {
  if (k.f32 !== undefined && a instanceof Float32Array && b instanceof Float32Array && out instanceof Float32Array) {
    return applyBinaryWith(k.f32, a, aShape, b, bShape, outShape, out);
  }
  return applyBinaryWith(k, a, aShape, b, bShape, outShape, out);
}

function applyBinaryWith<A extends DataArray>(k: BinaryKernelOf<A>, a: A, aShape: Shape, b: A, bShape: Shape, outShape: Shape, out: A): A {
  const n = out.length;
  if (n === 0) return out;
  // Two operands with the output's element count broadcast to it with the same layout.
  if (a.length === n && b.length === n) {
    k.vv(a, 0, b, 0, out, 0, n);
    return out;
  }
  if (b.length === 1 && a.length === n) {
    k.vs(a, 0, b[0] as number, out, 0, n);
    return out;
  }
  if (a.length === 1 && b.length === n) {
    k.sv(a[0] as number, b, 0, out, 0, n);
    return out;
  }
  const plan = planBroadcast([aShape, bShape], outShape);
  const inner = plan.inner;
  const ao = plan.offsets[0] as Int32Array;
  const bo = plan.offsets[1] as Int32Array;
  const sa = plan.innerStrides[0] as number;
  const sb = plan.innerStrides[1] as number;
  for (let r = 0, o = 0; r < plan.rows; r++, o += inner) {
    const ia = ao[r] as number;
    const ib = bo[r] as number;
    if (sa === 1 && sb === 1) k.vv(a, ia, b, ib, out, o, inner);
    else if (sa === 1) k.vs(a, ia, b[ib] as number, out, o, inner);
    else k.sv(a[ia] as number, b, ib, out, o, inner);
  }
  return out;
}

/**
 * Sums `full` (of `fullShape`) down to `target` (a shape that broadcasts to `fullShape`),
 * accumulating in float64 and rounding once into `dtype`. The gradient of a broadcast input.
 */
export function reduceToShape(full: DataArray, fullShape: Shape, target: Shape, dtype: DType): DataArray {
  if (shapeEquals(fullShape, target) || (full.length === numelOf(target) && full.length <= 1)) {
    if (arrayMatchesDType(full, dtype)) return full;
    const out = allocArray(dtype, full.length);
    out.set(full);
    return out;
  }
  const acc = new Float64Array(numelOf(target));
  if (isTrailing(target, fullShape) && acc.length > 1) {
    // the target is the trailing dims (a bias's gradient): sums over the leading rows, row by row
    // (the general walk's order), in a loop the engine compiles for the one array type
    sumRows(full, acc);
  } else if (acc.length === 1) {
    let s = 0;
    for (let i = 0; i < full.length; i++) s += full[i] as number;
    acc[0] = s;
  } else {
    const plan = planBroadcast([target], fullShape);
    const to = plan.offsets[0] as Int32Array;
    const st = plan.innerStrides[0] as number;
    const inner = plan.inner;
    for (let r = 0, o = 0; r < plan.rows; r++, o += inner) {
      const t = to[r] as number;
      if (st === 1) {
        for (let j = 0; j < inner; j++) acc[t + j] = (acc[t + j] as number) + (full[o + j] as number);
      } else {
        let s = 0;
        for (let j = 0; j < inner; j++) s += full[o + j] as number;
        acc[t] = (acc[t] as number) + s;
      }
    }
  }
  return roundedTo(acc, dtype);
}

/** float64 sums rounded once into `dtype` (the sums themselves for float64). */
export function roundedTo(acc: Float64Array, dtype: DType): DataArray {
  if (dtype === 'float64') return acc;
  const out = allocArray(dtype, acc.length);
  out.set(acc);
  return out;
}

/** Whether `target` is exactly the last `target.length` dims of `full`. */
function isTrailing(target: Shape, full: Shape): boolean {
  const lead = full.length - target.length;
  if (lead < 0) return false;
  for (let i = 0; i < target.length; i++) if (target[i] !== full[lead + i]) return false;
  return true;
}

/**
 * acc[j] += full[r·n + j] for every row r in order (n = acc.length). Four rows per pass over acc:
 * `acc + r0 + r1 + r2 + r3` is evaluated left to right, so each column's float64 sum takes the
 * same steps as one row at a time, with a quarter of acc's loads and stores (2.5× faster).
 */
function sumRows(full: DataArray, acc: Float64Array): void {
  const n = acc.length;
  const rows = full.length / n;
  let r = 0;
  for (; r + 4 <= rows; r += 4) {
    const o0 = r * n;
    const o1 = o0 + n;
    const o2 = o1 + n;
    const o3 = o2 + n;
    for (let j = 0; j < n; j++) {
      acc[j] = (acc[j] as number) + (full[o0 + j] as number) + (full[o1 + j] as number) + (full[o2 + j] as number) + (full[o3 + j] as number);
    }
  }
  for (; r < rows; r++) {
    const o = r * n;
    for (let j = 0; j < n; j++) acc[j] = (acc[j] as number) + (full[o + j] as number);
  }
}

/** Copies `src` (of `srcShape`, broadcastable) into a new array of `outShape` and `dtype`. */
export function broadcastTo(src: DataArray, srcShape: Shape, outShape: Shape, dtype: DType): DataArray {
  const n = numelOf(outShape);
  const out = allocArray(dtype, n);
  if (n === 0) return out;
  if (src.length === n) {
    out.set(src);
    return out;
  }
  if (src.length === 1) {
    out.fill(src[0] as number);
    return out;
  }
  const plan = planBroadcast([srcShape], outShape);
  const so = plan.offsets[0] as Int32Array;
  const ss = plan.innerStrides[0] as number;
  const inner = plan.inner;
  for (let r = 0, o = 0; r < plan.rows; r++, o += inner) {
    const s = so[r] as number;
    if (ss === 1) out.set(src.subarray(s, s + inner), o);
    else out.fill(src[s] as number, o, o + inner);
  }
  return out;
}


/** An array of `dtype` for a gradient of `shape` computed over `outShape`: f64 when it will be reduced. */
export function gradScratch(inputShape: Shape, outShape: Shape, dtype: DType): DataArray {
  return shapeEquals(inputShape, outShape) ? allocArray(dtype, numelOf(outShape)) : new Float64Array(numelOf(outShape));
}

// ---------------------------------------------------------------------------------------------
// Axes

/**
 * Normalises `axis` (number, array of numbers, or undefined/null for all axes) against `ndim`;
 * returns sorted unique axes. A repeated or out-of-range axis is a ValueError naming it.
 */
export function normalizeAxes(where: string, axis: unknown, ndim: number, argName = 'axis'): number[] {
  if (axis === undefined || axis === null) return Array.from({ length: ndim }, (_, i) => i);
  const list: unknown[] = Array.isArray(axis) ? axis : [axis];
  if (Array.isArray(axis) && axis.length === 0) return Array.from({ length: ndim }, (_, i) => i);
  const seen = new Set<number>();
  for (const a of list) {
    const lo = -Math.max(ndim, 1);
    const hi = Math.max(ndim, 1);
    if (typeof a !== 'number' || !Number.isInteger(a) || a < lo || a >= hi) {
      throw new ValueError(
        `${where}: the '${argName}' must be an integer (or a list of integers) in [${lo}, ${hi}) for a ${ndim}-D tensor, but received ${describe(a)}${Array.isArray(axis) ? ` in [${axis.map(String).join(', ')}]` : ''}.`,
      );
    }
    const n = ndim === 0 ? 0 : a < 0 ? a + ndim : a;
    if (seen.has(n)) {
      throw new ValueError(`${where}: the '${argName}' lists axis ${a} more than once ([${list.map(String).join(', ')}]).`);
    }
    seen.add(n);
  }
  return ndim === 0 ? [] : [...seen].sort((p, q) => p - q);
}

/** Normalises one axis in [-ndim, ndim) (ValueError naming the op and the value). */
export function normalizeAxisOf(where: string, axis: unknown, ndim: number, argName = 'axis'): number {
  const lo = -Math.max(ndim, 1);
  const hi = Math.max(ndim, 1);
  if (typeof axis !== 'number' || !Number.isInteger(axis) || axis < lo || axis >= hi) {
    throw new ValueError(
      `${where}: the '${argName}' must be an integer in [${lo}, ${hi}) for a ${ndim}-D tensor, but received ${describe(axis)}.`,
    );
  }
  return axis < 0 ? axis + Math.max(ndim, 1) : axis;
}

export { shapeToString };

/**
 * A list of integers given as an array (whose items may be 1-element Tensors, as Paddle allows)
 * or an int32/int64 Tensor; a TypeError naming the argument otherwise.
 */
export function intList(where: string, argName: string, value: unknown): number[] {
  if (value instanceof Tensor) {
    if (value.dtype !== 'int32' && value.dtype !== 'int64') {
      throw new PaddleTypeError(`${where}: the '${argName}' Tensor must be int32 or int64, but its dtype is ${value.dtype}.`);
    }
    return Array.from(value.data, Number);
  }
  if (!Array.isArray(value)) {
    throw new PaddleTypeError(`${where}: the '${argName}' must be an array of integers, but received ${describe(value)}.`);
  }
  const list: unknown[] = value;
  return list.map((v, i) => {
    if (v instanceof Tensor && v.numel === 1) v = v.item();
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      throw new PaddleTypeError(`${where}: the '${argName}' must be an array of integers, but ${argName}[${i}] is ${describe(v)}.`);
    }
    return v;
  });
}

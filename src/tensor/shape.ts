/** Shape utilities: validation, element counts, strides, NumPy broadcasting. */
import { ValueError } from '../errors.js';

/** A tensor's shape: the size of each dimension. */
export type Shape = readonly number[];

/** Validates a shape argument: an array of non-negative integers (a clear error names `argName`). */
export function checkShape(shape: unknown, argName = 'shape'): number[] {
  if (!Array.isArray(shape)) {
    throw new ValueError(
      `The '${argName}' must be an array of non-negative integers, but received ${String(shape)}.`,
    );
  }
  const out: number[] = [];
  for (let i = 0; i < shape.length; i++) {
    const d: unknown = shape[i];
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 0) {
      throw new ValueError(
        `The '${argName}' must be an array of non-negative integers, but ${argName}[${i}] is ${String(d)} (received [${shape.map(String).join(', ')}]).`,
      );
    }
    out.push(d);
  }
  return out;
}

export function numelOf(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Row-major (C order) strides in elements. */
export function stridesOf(shape: Shape): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i] as number;
  }
  return s;
}

export function shapeEquals(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function shapeToString(shape: Shape): string {
  return `[${shape.join(', ')}]`;
}

/** NumPy broadcasting of two shapes; throws ValueError naming both when incompatible. */
export function broadcastShapes(a: Shape, b: Shape, opName = 'broadcast'): number[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const da = i < n - a.length ? 1 : (a[i - (n - a.length)] as number);
    const db = i < n - b.length ? 1 : (b[i - (n - b.length)] as number);
    if (da === db || db === 1) out[i] = da;
    else if (da === 1) out[i] = db;
    else {
      throw new ValueError(
        `${opName}: the shapes ${shapeToString(a)} and ${shapeToString(b)} cannot be broadcast together (dimension ${i}: ${da} vs ${db}).`,
      );
    }
  }
  return out;
}

/** Normalises an axis in [-ndim, ndim) to [0, ndim); throws ValueError otherwise. */
export function normalizeAxis(axis: number, ndim: number, argName = 'axis'): number {
  if (!Number.isInteger(axis) || axis < -Math.max(ndim, 1) || axis >= Math.max(ndim, 1)) {
    throw new ValueError(
      `The '${argName}' must be an integer in [${-Math.max(ndim, 1)}, ${Math.max(ndim, 1)}), but received ${String(axis)}.`,
    );
  }
  return axis < 0 ? axis + Math.max(ndim, 1) : axis;
}

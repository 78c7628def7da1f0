/**
 * Binary elementwise ops with NumPy broadcasting: add, subtract, multiply, divide, pow, maximum,
 * minimum. Each computes in float64 and stores into the result dtype (one correctly rounded
 * float32 step per element for + − × ÷); the backward reduces a broadcast gradient back to the
 * input's shape (float64 accumulation, one rounding).
 *
 * Operands may be numbers on either side (like Python's `x + 2` / `2 - x`); a number takes the
 * tensor's dtype (see `resultDType`).
 */
import { TypeError as PaddleTypeError, ValueError } from '../errors.js';
import { getDefaultDType } from '../tensor/creation.js';
import { allocArray, isFloatDType, type DataArray, type DType } from '../tensor/dtype.js';
import { numelOf, shapeToString, type Shape } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';
import type { BackwardFn } from '../tensor/autograd.js';
import {
  applyBinary,
  binaryOperands,
  gradScratch,
  reduceToShape,
  valuesAs,
  type BinaryKernel,
  type BinaryKernelOf,
  type TensorLike,
} from './helpers.js';

/** True when gradient should flow into `t`. */
export function needsGrad(t: Tensor): boolean {
  return !t.stopGradient && isFloatDType(t.dtype);
}

/** The broadcast shape of x and y, or a ValueError naming both arguments. */
export function broadcastXY(where: string, x: Shape, y: Shape): number[] {
  const n = Math.max(x.length, y.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const dx = i < n - x.length ? 1 : (x[i - (n - x.length)] as number);
    const dy = i < n - y.length ? 1 : (y[i - (n - y.length)] as number);
    if (dx === dy || dy === 1) out[i] = dx;
    else if (dx === 1) out[i] = dy;
    else {
      throw new ValueError(
        `${where}: the shape of 'x' ${shapeToString(x)} and the shape of 'y' ${shapeToString(y)} cannot be broadcast together (dimension ${i - n} is ${dx} vs ${dy}).`,
      );
    }
  }
  return out;
}

interface Forward {
  x: Tensor;
  y: Tensor;
  dtype: DType;
  outShape: number[];
  out: DataArray;
}

function forward(where: string, xv: unknown, yv: unknown, k: BinaryKernel, floatOnly = false, keepsBool = false): Forward {
  const ops = binaryOperands(where, xv, yv);
  let dtype = ops.dtype;
  // Paddle's add and multiply keep bool (logical or / and); other arithmetic on two bools counts
  // them as integers (Python: True - True == 0).
  const boolOut = dtype === 'bool' && keepsBool;
  if (dtype === 'bool') dtype = 'int64';
  if (floatOnly && !isFloatDType(dtype)) dtype = getDefaultDType();
  const outShape = broadcastXY(where, ops.x.shape, ops.y.shape);
  const out = allocArray(dtype, numelOf(outShape));
  applyBinary(k, valuesAs(ops.x, dtype), ops.x.shape, valuesAs(ops.y, dtype), ops.y.shape, outShape, out);
  if (boolOut) {
    const b = allocArray('bool', out.length);
    for (let i = 0; i < out.length; i++) b[i] = out[i] !== 0 ? 1 : 0;
    return { x: ops.x, y: ops.y, dtype: 'bool', outShape, out: b };
  }
  return { x: ops.x, y: ops.y, dtype, outShape, out };
}

/** `gradOf(t)` = reduce( g ∘ other ) to t's shape, with `k` the elementwise combination. */
function combineGrad(k: BinaryKernel, g: DataArray, outShape: Shape, other: DataArray, otherShape: Shape, t: Tensor): DataArray {
  const scratch = gradScratch(t.shape, outShape, t.dtype);
  applyBinary(k, g, outShape, other, otherShape, outShape, scratch);
  return reduceToShape(scratch, outShape, t.shape, t.dtype);
}

/** A kernel from a scalar function (used in backward passes, where speed matters less). */
export function fnKernel(f: (a: number, b: number) => number): BinaryKernel {
  return {
    vv(a, ia, b, ib, out, o, n) {
      for (let j = 0; j < n; j++) out[o + j] = f(a[ia + j] as number, b[ib + j] as number);
    },
    vs(a, ia, s, out, o, n) {
      for (let j = 0; j < n; j++) out[o + j] = f(a[ia + j] as number, s);
    },
    sv(s, b, ib, out, o, n) {
      for (let j = 0; j < n; j++) out[o + j] = f(s, b[ib + j] as number);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Kernels (explicit loops so each is monomorphic and inlined by the JIT).

/**
 * The float32-only loops of +, −, ×, ÷ (BinaryKernel.f32): the same expressions (each result
 * rounded once by the Float32Array store), in functions that only ever see Float32Arrays.
 */
function f32Loops(op: '+' | '-' | '*' | '/'): BinaryKernelOf<Float32Array> {
  return {
    vv(a, ia, b, ib, out, o, n) {
      if (op === '+') for (let j = 0; j < n; j++) out[o + j] = (a[ia + j] as number) + (b[ib + j] as number);
      else if (op === '-') for (let j = 0; j < n; j++) out[o + j] = (a[ia + j] as number) - (b[ib + j] as number);
      else if (op === '*') for (let j = 0; j < n; j++) out[o + j] = (a[ia + j] as number) * (b[ib + j] as number);
      else for (let j = 0; j < n; j++) out[o + j] = (a[ia + j] as number) / (b[ib + j] as number);
    },
    vs(a, ia, s, out, o, n) {
      if (op === '+') for (let j = 0; j < n; j++) out[o + j] = (a[ia + j] as number) + s;
      else if (op === '-') for (let j = 0; j < n; j++) out[o + j] = (a[ia + j] as number) - s;
      else if (op === '*') for (let j = 0; j < n; j++) out[o + j] = (a[ia + j] as number) * s;
      else for (let j = 0; j < n; j++) out[o + j] = (a[ia + j] as number) / s;
    },
    sv(s, b, ib, out, o, n) {
      if (op === '+') for (let j = 0; j < n; j++) out[o + j] = s + (b[ib + j] as number);
      else if (op === '-') for (let j = 0; j < n; j++) out[o + j] = s - (b[ib + j] as number);
      else if (op === '*') for (let j = 0; j < n; j++) out[o + j] = s * (b[ib + j] as number);
      else for (let j = 0; j < n; j++) out[o + j] = s / (b[ib + j] as number);
    },
  };
}

export const addKernel: BinaryKernel = {
  f32: f32Loops('+'),
  vv(a, ia, b, ib, out, o, n) {
    for (let j = 0; j < n; j++) out[o + j] = (a[ia + j] as number) + (b[ib + j] as number);
  },
  vs(a, ia, s, out, o, n) {
    for (let j = 0; j < n; j++) out[o + j] = (a[ia + j] as number) + s;
  },
  sv(s, b, ib, out, o, n) {
    for (let j = 0; j < n; j++) out[o + j] = s + (b[ib + j] as number);
  },
};

export const subKernel: BinaryKernel = {
  f32: f32Loops('-'),
  vv(a, ia, b, ib, out, o, n) {
    for (let j = 0; j < n; j++) out[o + j] = (a[ia + j] as number) - (b[ib + j] as number);
  },
  vs(a, ia, s, out, o, n) {
    for (let j = 0; j < n; j++) out[o + j] = (a[ia + j] as number) - s;
  },
  sv(s, b, ib, out, o, n) {
    for (let j = 0; j < n; j++) out[o + j] = s - (b[ib + j] as number);
  },
};

export const mulKernel: BinaryKernel = {
  f32: f32Loops('*'),
  vv(a, ia, b, ib, out, o, n) {
    for (let j = 0; j < n; j++) out[o + j] = (a[ia + j] as number) * (b[ib + j] as number);
  },
  vs(a, ia, s, out, o, n) {
    for (let j = 0; j < n; j++) out[o + j] = (a[ia + j] as number) * s;
  },
  sv(s, b, ib, out, o, n) {
    for (let j = 0; j < n; j++) out[o + j] = s * (b[ib + j] as number);
  },
};

export const divKernel: BinaryKernel = {
  f32: f32Loops('/'),
  vv(a, ia, b, ib, out, o, n) {
    for (let j = 0; j < n; j++) out[o + j] = (a[ia + j] as number) / (b[ib + j] as number);
  },
  vs(a, ia, s, out, o, n) {
    for (let j = 0; j < n; j++) out[o + j] = (a[ia + j] as number) / s;
  },
  sv(s, b, ib, out, o, n) {
    for (let j = 0; j < n; j++) out[o + j] = s / (b[ib + j] as number);
  },
};

const powKernel = fnKernel(Math.pow);

const maxKernel: BinaryKernel = {
  vv(a, ia, b, ib, out, o, n) {
    for (let j = 0; j < n; j++) {
      const p = a[ia + j] as number;
      const q = b[ib + j] as number;
      out[o + j] = p > q || p !== p ? p : q;
    }
  },
  vs(a, ia, s, out, o, n) {
    for (let j = 0; j < n; j++) {
      const p = a[ia + j] as number;
      out[o + j] = p > s || p !== p ? p : s;
    }
  },
  sv(s, b, ib, out, o, n) {
    for (let j = 0; j < n; j++) {
      const q = b[ib + j] as number;
      out[o + j] = s > q || s !== s ? s : q;
    }
  },
};

const minKernel: BinaryKernel = {
  vv(a, ia, b, ib, out, o, n) {
    for (let j = 0; j < n; j++) {
      const p = a[ia + j] as number;
      const q = b[ib + j] as number;
      out[o + j] = p < q || p !== p ? p : q;
    }
  },
  vs(a, ia, s, out, o, n) {
    for (let j = 0; j < n; j++) {
      const p = a[ia + j] as number;
      out[o + j] = p < s || p !== p ? p : s;
    }
  },
  sv(s, b, ib, out, o, n) {
    for (let j = 0; j < n; j++) {
      const q = b[ib + j] as number;
      out[o + j] = s < q || s !== s ? s : q;
    }
  },
};

const negDivKernel = fnKernel((t, b) => -(t / b));

// ---------------------------------------------------------------------------------------------
// Ops

/**
 * `paddle.add(x, y)`: x + y with broadcasting.
 * @param x - The first operand, a Tensor or a number (Paddle's `x`).
 * @param y - The second operand, a Tensor or a number, broadcast against `x` (Paddle's `y`).
 * @returns A new Tensor of the broadcast shape, in the promoted dtype (bool + bool stays bool).
 * @throws {@link errors.TypeError} when neither operand is a Tensor (or one is neither a Tensor nor a number); {@link errors.ValueError} when the shapes do not broadcast.
 */
export function add(x: TensorLike, y: TensorLike): Tensor {
  const f = forward('add', x, y, addKernel, false, true);
  const back: BackwardFn = (g) => [
    needsGrad(f.x) ? reduceToShape(g, f.outShape, f.x.shape, f.x.dtype) : null,
    needsGrad(f.y) ? reduceToShape(g, f.outShape, f.y.shape, f.y.dtype) : null,
  ];
  return Tensor.fromOp('add', f.out, f.outShape, f.dtype, [f.x, f.y], back);
}

/**
 * `paddle.subtract(x, y)`: x − y with broadcasting.
 * @param x - The first operand, a Tensor or a number (Paddle's `x`).
 * @param y - The second operand, a Tensor or a number, broadcast against `x` (Paddle's `y`).
 * @returns A new Tensor of the broadcast shape, in the promoted dtype (bool operands give int64).
 * @throws {@link errors.TypeError} when neither operand is a Tensor (or one is neither a Tensor nor a number); {@link errors.ValueError} when the shapes do not broadcast.
 */
export function subtract(x: TensorLike, y: TensorLike): Tensor {
  const f = forward('subtract', x, y, subKernel);
  const back: BackwardFn = (g) => {
    let gy: DataArray | null = null;
    if (needsGrad(f.y)) {
      const scratch = gradScratch(f.y.shape, f.outShape, f.y.dtype);
      for (let i = 0; i < g.length; i++) scratch[i] = -(g[i] as number);
      gy = reduceToShape(scratch, f.outShape, f.y.shape, f.y.dtype);
    }
    return [needsGrad(f.x) ? reduceToShape(g, f.outShape, f.x.shape, f.x.dtype) : null, gy];
  };
  return Tensor.fromOp('subtract', f.out, f.outShape, f.dtype, [f.x, f.y], back);
}

/**
 * `paddle.multiply(x, y)`: x · y elementwise with broadcasting.
 * @param x - The first operand, a Tensor or a number (Paddle's `x`).
 * @param y - The second operand, a Tensor or a number, broadcast against `x` (Paddle's `y`).
 * @returns A new Tensor of the broadcast shape, in the promoted dtype (bool × bool stays bool).
 * @throws {@link errors.TypeError} when neither operand is a Tensor (or one is neither a Tensor nor a number); {@link errors.ValueError} when the shapes do not broadcast.
 */
export function multiply(x: TensorLike, y: TensorLike): Tensor {
  const f = forward('multiply', x, y, mulKernel, false, true);
  const back: BackwardFn = (g) => [
    needsGrad(f.x) ? combineGrad(mulKernel, g, f.outShape, valuesAs(f.y, f.dtype), f.y.shape, f.x) : null,
    needsGrad(f.y) ? combineGrad(mulKernel, g, f.outShape, valuesAs(f.x, f.dtype), f.x.shape, f.y) : null,
  ];
  return Tensor.fromOp('multiply', f.out, f.outShape, f.dtype, [f.x, f.y], back);
}

/**
 * `paddle.divide(x, y)`: x / y with broadcasting. Integer operands divide as floats (the result
 * has the default float dtype), like Python's `/`.
 * @param x - The first operand, a Tensor or a number (Paddle's `x`).
 * @param y - The second operand, a Tensor or a number, broadcast against `x` (Paddle's `y`).
 * @returns A new Tensor of the broadcast shape; a float dtype (integer operands give the default float dtype).
 * @throws {@link errors.TypeError} when neither operand is a Tensor (or one is neither a Tensor nor a number); {@link errors.ValueError} when the shapes do not broadcast.
 */
export function divide(x: TensorLike, y: TensorLike): Tensor {
  const f = forward('divide', x, y, divKernel, true);
  const out = f.out;
  const back: BackwardFn = (g) => {
    const b = valuesAs(f.y, f.dtype);
    const gx = needsGrad(f.x) ? combineGrad(divKernel, g, f.outShape, b, f.y.shape, f.x) : null;
    let gy: DataArray | null = null;
    if (needsGrad(f.y)) {
      // dy = −g · out / y (Paddle's DivGradDY), in float64 then rounded.
      const t = new Float64Array(g.length);
      mulKernel.vv(g, 0, out, 0, t, 0, g.length);
      gy = combineGrad(negDivKernel, t, f.outShape, b, f.y.shape, f.y);
    }
    return [gx, gy];
  };
  return Tensor.fromOp('divide', out, f.outShape, f.dtype, [f.x, f.y], back);
}

/**
 * `paddle.pow(x, y)`: x ** y, `y` a number or a Tensor (broadcast). Gradients:
 * dx = g · y · x^(y−1), dy = g · ln(x) · x^y.
 * @param x - The base, a Tensor (Paddle's `x`).
 * @param y - The exponent, a number or a Tensor broadcast against `x` (Paddle's `y`).
 * @returns A new Tensor of the broadcast shape, in the promoted dtype of `x` and `y` (a number takes the tensor's dtype).
 * @throws {@link errors.TypeError} when `x` is not a Tensor; {@link errors.ValueError} when the shapes do not broadcast.
 */
export function pow(x: Tensor, y: TensorLike): Tensor {
  if (!(x instanceof Tensor)) {
    throw new PaddleTypeError(`pow: the argument 'x' must be a Tensor, but received ${typeof x === 'number' ? String(x) : typeof x}.`);
  }
  const f = forward('pow', x, y, powKernel);
  const out = f.out;
  const back: BackwardFn = (g) => {
    const a = valuesAs(f.x, f.dtype);
    const b = valuesAs(f.y, f.dtype);
    let gx: DataArray | null = null;
    let gy: DataArray | null = null;
    if (needsGrad(f.x)) {
      // y · x^(y−1) over the output shape, then times g.
      const d = new Float64Array(g.length);
      applyBinary(fnKernel((p, q) => q * Math.pow(p, q - 1)), a, f.x.shape, b, f.y.shape, f.outShape, d);
      gx = combineGrad(mulKernel, g, f.outShape, d, f.outShape, f.x);
    }
    if (needsGrad(f.y)) {
      const d = new Float64Array(g.length);
      applyBinary(fnKernel((p, q) => Math.log(p) * Math.pow(p, q)), a, f.x.shape, b, f.y.shape, f.outShape, d);
      gy = combineGrad(mulKernel, g, f.outShape, d, f.outShape, f.y);
    }
    return [gx, gy];
  };
  return Tensor.fromOp('pow', out, f.outShape, f.dtype, [f.x, f.y], back);
}

/**
 * `paddle.maximum(x, y)`: elementwise max with broadcasting (NaN propagates). Gradient as Paddle:
 * dx = g · (x > y), dy = g · (x ≤ y), so a tie sends the gradient to y.
 * @param x - The first operand, a Tensor or a number (Paddle's `x`).
 * @param y - The second operand, a Tensor or a number, broadcast against `x` (Paddle's `y`).
 * @returns A new Tensor of the broadcast shape, in the promoted dtype of `x` and `y` (a number takes the tensor's dtype).
 * @throws {@link errors.TypeError} when neither operand is a Tensor (or one is neither a Tensor nor a number); {@link errors.ValueError} when the shapes do not broadcast.
 */
export function maximum(x: TensorLike, y: TensorLike): Tensor {
  return minMax('maximum', x, y, maxKernel, (p, q) => (p > q ? 1 : 0));
}

/**
 * `paddle.minimum(x, y)`: elementwise min; dx = g · (x < y), dy = g · (x ≥ y).
 * @param x - The first operand, a Tensor or a number (Paddle's `x`).
 * @param y - The second operand, a Tensor or a number, broadcast against `x` (Paddle's `y`).
 * @returns A new Tensor of the broadcast shape, in the promoted dtype of `x` and `y` (a number takes the tensor's dtype).
 * @throws {@link errors.TypeError} when neither operand is a Tensor (or one is neither a Tensor nor a number); {@link errors.ValueError} when the shapes do not broadcast.
 */
export function minimum(x: TensorLike, y: TensorLike): Tensor {
  return minMax('minimum', x, y, minKernel, (p, q) => (p < q ? 1 : 0));
}

function minMax(name: string, x: TensorLike, y: TensorLike, k: BinaryKernel, pickX: (p: number, q: number) => number): Tensor {
  const f = forward(name, x, y, k);
  const back: BackwardFn = (g) => {
    const a = valuesAs(f.x, f.dtype);
    const b = valuesAs(f.y, f.dtype);
    const mask = new Float64Array(g.length);
    applyBinary(fnKernel(pickX), a, f.x.shape, b, f.y.shape, f.outShape, mask);
    const gx = needsGrad(f.x) ? combineGrad(mulKernel, g, f.outShape, mask, f.outShape, f.x) : null;
    let gy: DataArray | null = null;
    if (needsGrad(f.y)) {
      const scratch = gradScratch(f.y.shape, f.outShape, f.y.dtype);
      for (let i = 0; i < g.length; i++) scratch[i] = (mask[i] as number) === 1 ? 0 : (g[i] as number);
      gy = reduceToShape(scratch, f.outShape, f.y.shape, f.y.dtype);
    }
    return [gx, gy];
  };
  return Tensor.fromOp(name, f.out, f.outShape, f.dtype, [f.x, f.y], back);
}

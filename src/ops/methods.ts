/**
 * Method forms of the ops on Tensor (`x.add(y)`, `x.matmul(y)`, `x.sum({ axis })`, ...), added to
 * the Tensor class by module augmentation and installed on its prototype once, when this module is
 * imported (src/ops/index.ts imports it). Each method is the namespace function with `this` as x;
 * Paddle snake_case spellings (`index_select`) are the same function objects.
 */
import type { DType } from '../tensor/dtype.js';
import { Tensor, type NestedArray } from '../tensor/tensor.js';
import { add, divide, maximum, minimum, multiply, pow, subtract } from './binary.js';
import { cast } from './cast.js';
import { equal } from './compare.js';
import type { TensorLike } from './helpers.js';
import { gather, indexSelect, type GatherOptions, type IndexSelectOptions } from './indexing.js';
import {
  flatten,
  reshape,
  squeeze,
  transpose,
  unsqueeze,
  type FlattenOptions,
  type SqueezeOptions,
} from './manipulation.js';
import { matmul, type MatmulOptions } from './matmul.js';
import { argmax, argmin, max, mean, min, sum, type ArgOptions, type Axis, type ReduceOptions, type SumOptions } from './reduce.js';
import { abs, clip, exp, log, neg, scale, sign, sqrt, square, type ClipOptions, type ScaleOptions } from './unary.js';
import { cos, floor, isfinite, isinf, isnan, round, rsqrt, sigmoid, sin, tanh, type RoundOptions } from './elementwise.js';
import {
  all,
  allclose,
  any,
  greaterEqual,
  greaterThan,
  isclose,
  lessEqual,
  lessThan,
  logicalAnd,
  logicalNot,
  logicalOr,
  logicalXor,
  notEqual,
  type AnyAllOptions,
  type IsCloseOptions,
} from './logic.js';
import { broadcastTo, chunk, expand, flip, slice, split, t, tile, type SplitOptions } from './slicing.js';
import { cumsum, logsumexp, prod, std, variance, type CumsumOptions, type LogsumexpOptions, type ProdOptions, type VarOptions } from './statistics.js';
import { argsort, gatherNd, maskedSelect, scatter, sort, topk, type ScatterOptions, type SortOptions, type TopkOptions } from './search.js';
import { bmm, dot, outer } from './linalg.js';
import { getitem, setitem, type Index } from './getitem.js';
import { norm, type NormOptions, type NormP } from './norm.js';

/** The op methods every Tensor has once `src/ops` is imported. */
export interface TensorOpMethods {
  add(y: TensorLike): Tensor;
  subtract(y: TensorLike): Tensor;
  multiply(y: TensorLike): Tensor;
  divide(y: TensorLike): Tensor;
  pow(y: TensorLike): Tensor;
  maximum(y: TensorLike): Tensor;
  minimum(y: TensorLike): Tensor;
  equal(y: TensorLike): Tensor;
  neg(): Tensor;
  abs(): Tensor;
  sqrt(): Tensor;
  square(): Tensor;
  exp(): Tensor;
  log(): Tensor;
  sign(): Tensor;
  clip(minOrOptions?: number | null | ClipOptions, max?: number | null, options?: ClipOptions): Tensor;
  scale(options?: ScaleOptions): Tensor;
  matmul(y: Tensor, options?: MatmulOptions): Tensor;
  sum(axisOrOptions?: Axis | null | SumOptions, options?: SumOptions): Tensor;
  mean(axisOrOptions?: Axis | null | ReduceOptions, options?: ReduceOptions): Tensor;
  max(axisOrOptions?: Axis | null | ReduceOptions, options?: ReduceOptions): Tensor;
  min(axisOrOptions?: Axis | null | ReduceOptions, options?: ReduceOptions): Tensor;
  argmax(axisOrOptions?: number | null | ArgOptions, options?: ArgOptions): Tensor;
  argmin(axisOrOptions?: number | null | ArgOptions, options?: ArgOptions): Tensor;
  reshape(shape: readonly (number | Tensor)[] | Tensor): Tensor;
  flatten(options?: FlattenOptions): Tensor;
  transpose(perm: readonly number[]): Tensor;
  squeeze(options?: SqueezeOptions): Tensor;
  unsqueeze(axis: number | readonly number[]): Tensor;
  gather(index: Tensor | readonly number[], options?: GatherOptions): Tensor;
  indexSelect(index: Tensor | readonly number[], options?: IndexSelectOptions): Tensor;
  index_select(index: Tensor | readonly number[], options?: IndexSelectOptions): Tensor;
  cast(dtype: DType | string): Tensor;
  tanh(): Tensor;
  sigmoid(): Tensor;
  rsqrt(): Tensor;
  sin(): Tensor;
  cos(): Tensor;
  floor(): Tensor;
  round(options?: RoundOptions): Tensor;
  isnan(): Tensor;
  isinf(): Tensor;
  isfinite(): Tensor;
  greaterThan(y: TensorLike): Tensor;
  greater_than(y: TensorLike): Tensor;
  greaterEqual(y: TensorLike): Tensor;
  greater_equal(y: TensorLike): Tensor;
  lessThan(y: TensorLike): Tensor;
  less_than(y: TensorLike): Tensor;
  lessEqual(y: TensorLike): Tensor;
  less_equal(y: TensorLike): Tensor;
  notEqual(y: TensorLike): Tensor;
  not_equal(y: TensorLike): Tensor;
  logicalAnd(y: Tensor): Tensor;
  logical_and(y: Tensor): Tensor;
  logicalOr(y: Tensor): Tensor;
  logical_or(y: Tensor): Tensor;
  logicalXor(y: Tensor): Tensor;
  logical_xor(y: Tensor): Tensor;
  logicalNot(): Tensor;
  logical_not(): Tensor;
  any(axisOrOptions?: Axis | null | AnyAllOptions, options?: AnyAllOptions): Tensor;
  all(axisOrOptions?: Axis | null | AnyAllOptions, options?: AnyAllOptions): Tensor;
  isclose(y: Tensor, options?: IsCloseOptions): Tensor;
  allclose(y: Tensor, options?: IsCloseOptions): Tensor;
  slice(axes: readonly number[], starts: readonly number[] | Tensor, ends: readonly number[] | Tensor): Tensor;
  split(numOrSections: number | readonly number[], axisOrOptions?: number | SplitOptions, options?: SplitOptions): Tensor[];
  chunk(chunks: number, axisOrOptions?: number | SplitOptions, options?: SplitOptions): Tensor[];
  expand(shape: readonly number[] | Tensor): Tensor;
  broadcastTo(shape: readonly number[] | Tensor): Tensor;
  broadcast_to(shape: readonly number[] | Tensor): Tensor;
  tile(repeatTimes: readonly number[] | Tensor): Tensor;
  flip(axis: number | readonly number[]): Tensor;
  t(): Tensor;
  prod(axisOrOptions?: Axis | null | ProdOptions, options?: ProdOptions): Tensor;
  std(axisOrOptions?: Axis | null | VarOptions, options?: VarOptions): Tensor;
  var(axisOrOptions?: Axis | null | VarOptions, options?: VarOptions): Tensor;
  logsumexp(axisOrOptions?: Axis | null | LogsumexpOptions, options?: LogsumexpOptions): Tensor;
  cumsum(axisOrOptions?: number | null | CumsumOptions, options?: CumsumOptions): Tensor;
  sort(axisOrOptions?: number | SortOptions, options?: SortOptions): Tensor;
  argsort(axisOrOptions?: number | SortOptions, options?: SortOptions): Tensor;
  topk(k: number | Tensor, options?: TopkOptions): [Tensor, Tensor];
  maskedSelect(mask: Tensor): Tensor;
  masked_select(mask: Tensor): Tensor;
  gatherNd(index: Tensor): Tensor;
  gather_nd(index: Tensor): Tensor;
  scatter(index: Tensor, updates: Tensor, options?: ScatterOptions): Tensor;
  bmm(y: Tensor): Tensor;
  dot(y: Tensor): Tensor;
  outer(y: Tensor): Tensor;
  /** Paddle's `x[index]` (src/ops/getitem.ts): `x.get('1:3, :, 0')`, `x.get(mask)`, `x.get([idx, ':'])`. */
  get(index: Index): Tensor;
  /** Paddle's `x[index] = value`, in place; returns x. */
  set(index: Index, value: number | boolean | NestedArray | Tensor): Tensor;
  /** `paddle.linalg.norm(x, p, axis, keepdim)` as a method (Paddle's `Tensor.norm`). */
  norm(pOrOptions?: NormP | NormOptions, options?: NormOptions): Tensor;
}

/** Read-only properties every Tensor has once `src/ops` is imported: `x.T` (Paddle's `Tensor.T`, all axes reversed). */
export interface TensorOpGetters {
  readonly T: Tensor;
}

declare module '../tensor/tensor.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Tensor extends TensorOpMethods, TensorOpGetters {}
}

type MethodTable = {
  [K in keyof TensorOpMethods]: (this: Tensor, ...args: Parameters<TensorOpMethods[K]>) => ReturnType<TensorOpMethods[K]>;
};

/** One function object per method that has a Paddle snake_case spelling too. */
type Method<K extends keyof TensorOpMethods> = MethodTable[K];
const greaterThanMethod: Method<'greaterThan'> = function (y) {
  return greaterThan(this, y);
};
const greaterEqualMethod: Method<'greaterEqual'> = function (y) {
  return greaterEqual(this, y);
};
const lessThanMethod: Method<'lessThan'> = function (y) {
  return lessThan(this, y);
};
const lessEqualMethod: Method<'lessEqual'> = function (y) {
  return lessEqual(this, y);
};
const notEqualMethod: Method<'notEqual'> = function (y) {
  return notEqual(this, y);
};
const logicalAndMethod: Method<'logicalAnd'> = function (y) {
  return logicalAnd(this, y);
};
const logicalOrMethod: Method<'logicalOr'> = function (y) {
  return logicalOr(this, y);
};
const logicalXorMethod: Method<'logicalXor'> = function (y) {
  return logicalXor(this, y);
};
const logicalNotMethod: Method<'logicalNot'> = function () {
  return logicalNot(this);
};
const broadcastToMethod: Method<'broadcastTo'> = function (shape) {
  return broadcastTo(this, shape);
};
const maskedSelectMethod: Method<'maskedSelect'> = function (mask) {
  return maskedSelect(this, mask);
};
const gatherNdMethod: Method<'gatherNd'> = function (index) {
  return gatherNd(this, index);
};

const indexSelectMethod = function (this: Tensor, index: Tensor | readonly number[], options?: IndexSelectOptions): Tensor {
  return indexSelect(this, index, options);
};

const methods: MethodTable = {
  add(y) {
    return add(this, y);
  },
  subtract(y) {
    return subtract(this, y);
  },
  multiply(y) {
    return multiply(this, y);
  },
  divide(y) {
    return divide(this, y);
  },
  pow(y) {
    return pow(this, y);
  },
  maximum(y) {
    return maximum(this, y);
  },
  minimum(y) {
    return minimum(this, y);
  },
  equal(y) {
    return equal(this, y);
  },
  neg() {
    return neg(this);
  },
  abs() {
    return abs(this);
  },
  sqrt() {
    return sqrt(this);
  },
  square() {
    return square(this);
  },
  exp() {
    return exp(this);
  },
  log() {
    return log(this);
  },
  sign() {
    return sign(this);
  },
  clip(minOrOptions, max, options) {
    return clip(this, minOrOptions, max, options);
  },
  scale(options) {
    return scale(this, options);
  },
  matmul(y, options) {
    return matmul(this, y, options);
  },
  sum(axisOrOptions, options) {
    return sum(this, axisOrOptions, options);
  },
  mean(axisOrOptions, options) {
    return mean(this, axisOrOptions, options);
  },
  max(axisOrOptions, options) {
    return max(this, axisOrOptions, options);
  },
  min(axisOrOptions, options) {
    return min(this, axisOrOptions, options);
  },
  argmax(axisOrOptions, options) {
    return argmax(this, axisOrOptions, options);
  },
  argmin(axisOrOptions, options) {
    return argmin(this, axisOrOptions, options);
  },
  reshape(shape) {
    return reshape(this, shape);
  },
  flatten(options) {
    return flatten(this, options);
  },
  transpose(perm) {
    return transpose(this, perm);
  },
  squeeze(options) {
    return squeeze(this, options);
  },
  unsqueeze(axis) {
    return unsqueeze(this, axis);
  },
  gather(index, options) {
    return gather(this, index, options);
  },
  indexSelect: indexSelectMethod,
  index_select: indexSelectMethod,
  cast(dtype) {
    return cast(this, dtype);
  },
  tanh() {
    return tanh(this);
  },
  sigmoid() {
    return sigmoid(this);
  },
  rsqrt() {
    return rsqrt(this);
  },
  sin() {
    return sin(this);
  },
  cos() {
    return cos(this);
  },
  floor() {
    return floor(this);
  },
  round(options) {
    return round(this, options);
  },
  isnan() {
    return isnan(this);
  },
  isinf() {
    return isinf(this);
  },
  isfinite() {
    return isfinite(this);
  },
  greaterThan: greaterThanMethod,
  greater_than: greaterThanMethod,
  greaterEqual: greaterEqualMethod,
  greater_equal: greaterEqualMethod,
  lessThan: lessThanMethod,
  less_than: lessThanMethod,
  lessEqual: lessEqualMethod,
  less_equal: lessEqualMethod,
  notEqual: notEqualMethod,
  not_equal: notEqualMethod,
  logicalAnd: logicalAndMethod,
  logical_and: logicalAndMethod,
  logicalOr: logicalOrMethod,
  logical_or: logicalOrMethod,
  logicalXor: logicalXorMethod,
  logical_xor: logicalXorMethod,
  logicalNot: logicalNotMethod,
  logical_not: logicalNotMethod,
  any(axisOrOptions, options) {
    return any(this, axisOrOptions, options);
  },
  all(axisOrOptions, options) {
    return all(this, axisOrOptions, options);
  },
  isclose(y, options) {
    return isclose(this, y, options);
  },
  allclose(y, options) {
    return allclose(this, y, options);
  },
  slice(axes, starts, ends) {
    return slice(this, axes, starts, ends);
  },
  split(numOrSections, axisOrOptions, options) {
    return split(this, numOrSections, axisOrOptions, options);
  },
  chunk(chunks, axisOrOptions, options) {
    return chunk(this, chunks, axisOrOptions, options);
  },
  expand(shape) {
    return expand(this, shape);
  },
  broadcastTo: broadcastToMethod,
  broadcast_to: broadcastToMethod,
  tile(repeatTimes) {
    return tile(this, repeatTimes);
  },
  flip(axis) {
    return flip(this, axis);
  },
  t() {
    return t(this);
  },
  prod(axisOrOptions, options) {
    return prod(this, axisOrOptions, options);
  },
  std(axisOrOptions, options) {
    return std(this, axisOrOptions, options);
  },
  var(axisOrOptions, options) {
    return variance(this, axisOrOptions, options);
  },
  logsumexp(axisOrOptions, options) {
    return logsumexp(this, axisOrOptions, options);
  },
  cumsum(axisOrOptions, options) {
    return cumsum(this, axisOrOptions, options);
  },
  sort(axisOrOptions, options) {
    return sort(this, axisOrOptions, options);
  },
  argsort(axisOrOptions, options) {
    return argsort(this, axisOrOptions, options);
  },
  topk(k, options) {
    return topk(this, k, options);
  },
  maskedSelect: maskedSelectMethod,
  masked_select: maskedSelectMethod,
  gatherNd: gatherNdMethod,
  gather_nd: gatherNdMethod,
  scatter(index, updates, options) {
    return scatter(this, index, updates, options);
  },
  bmm(y) {
    return bmm(this, y);
  },
  dot(y) {
    return dot(this, y);
  },
  outer(y) {
    return outer(this, y);
  },
  get(index) {
    return getitem(this, index);
  },
  set(index, value) {
    return setitem(this, index, value);
  },
  norm(pOrOptions, options) {
    return norm(this, pOrOptions, options);
  },
};

for (const [name, fn] of Object.entries(methods)) {
  Object.defineProperty(Tensor.prototype, name, { value: fn, writable: true, configurable: true, enumerable: false });
}

// `x.T`: all axes reversed (Paddle's Tensor.T; for a 2-D tensor the transpose, like `t`).
Object.defineProperty(Tensor.prototype, 'T', {
  get(this: Tensor): Tensor {
    return transpose(this, Array.from({ length: this.ndim }, (_, i) => this.ndim - 1 - i));
  },
  configurable: true,
  enumerable: false,
});

/** The names of the installed methods (for tests and documentation). */
export const TENSOR_METHOD_NAMES: readonly string[] = Object.keys(methods);

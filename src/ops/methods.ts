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
  /** Method form of `paddle.add`: `x.add(...args)` is `paddle.add(x, ...args)` (Paddle: `Tensor.add`). */
  add(y: TensorLike): Tensor;
  /**
   * Method form of `paddle.subtract`: `x.subtract(...args)` is `paddle.subtract(x, ...args)`
   * (Paddle: `Tensor.subtract`).
   */
  subtract(y: TensorLike): Tensor;
  /**
   * Method form of `paddle.multiply`: `x.multiply(...args)` is `paddle.multiply(x, ...args)`
   * (Paddle: `Tensor.multiply`).
   */
  multiply(y: TensorLike): Tensor;
  /**
   * Method form of `paddle.divide`: `x.divide(...args)` is `paddle.divide(x, ...args)` (Paddle:
   * `Tensor.divide`).
   */
  divide(y: TensorLike): Tensor;
  /** Method form of `paddle.pow`: `x.pow(...args)` is `paddle.pow(x, ...args)` (Paddle: `Tensor.pow`). */
  pow(y: TensorLike): Tensor;
  /**
   * Method form of `paddle.maximum`: `x.maximum(...args)` is `paddle.maximum(x, ...args)` (Paddle:
   * `Tensor.maximum`).
   */
  maximum(y: TensorLike): Tensor;
  /**
   * Method form of `paddle.minimum`: `x.minimum(...args)` is `paddle.minimum(x, ...args)` (Paddle:
   * `Tensor.minimum`).
   */
  minimum(y: TensorLike): Tensor;
  /**
   * Method form of `paddle.equal`: `x.equal(...args)` is `paddle.equal(x, ...args)` (Paddle:
   * `Tensor.equal`).
   */
  equal(y: TensorLike): Tensor;
  /** Method form of `paddle.neg`: `x.neg(...args)` is `paddle.neg(x, ...args)` (Paddle: `Tensor.neg`). */
  neg(): Tensor;
  /** Method form of `paddle.abs`: `x.abs(...args)` is `paddle.abs(x, ...args)` (Paddle: `Tensor.abs`). */
  abs(): Tensor;
  /** Method form of `paddle.sqrt`: `x.sqrt(...args)` is `paddle.sqrt(x, ...args)` (Paddle: `Tensor.sqrt`). */
  sqrt(): Tensor;
  /**
   * Method form of `paddle.square`: `x.square(...args)` is `paddle.square(x, ...args)` (Paddle:
   * `Tensor.square`).
   */
  square(): Tensor;
  /** Method form of `paddle.exp`: `x.exp(...args)` is `paddle.exp(x, ...args)` (Paddle: `Tensor.exp`). */
  exp(): Tensor;
  /** Method form of `paddle.log`: `x.log(...args)` is `paddle.log(x, ...args)` (Paddle: `Tensor.log`). */
  log(): Tensor;
  /** Method form of `paddle.sign`: `x.sign(...args)` is `paddle.sign(x, ...args)` (Paddle: `Tensor.sign`). */
  sign(): Tensor;
  /** Method form of `paddle.clip`: `x.clip(...args)` is `paddle.clip(x, ...args)` (Paddle: `Tensor.clip`). */
  clip(minOrOptions?: number | null | ClipOptions, max?: number | null, options?: ClipOptions): Tensor;
  /**
   * Method form of `paddle.scale`: `x.scale(...args)` is `paddle.scale(x, ...args)` (Paddle:
   * `Tensor.scale`).
   */
  scale(options?: ScaleOptions): Tensor;
  /**
   * Method form of `paddle.matmul`: `x.matmul(...args)` is `paddle.matmul(x, ...args)` (Paddle:
   * `Tensor.matmul`).
   */
  matmul(y: Tensor, options?: MatmulOptions): Tensor;
  /** Method form of `paddle.sum`: `x.sum(...args)` is `paddle.sum(x, ...args)` (Paddle: `Tensor.sum`). */
  sum(axisOrOptions?: Axis | null | SumOptions, options?: SumOptions): Tensor;
  /** Method form of `paddle.mean`: `x.mean(...args)` is `paddle.mean(x, ...args)` (Paddle: `Tensor.mean`). */
  mean(axisOrOptions?: Axis | null | ReduceOptions, options?: ReduceOptions): Tensor;
  /** Method form of `paddle.max`: `x.max(...args)` is `paddle.max(x, ...args)` (Paddle: `Tensor.max`). */
  max(axisOrOptions?: Axis | null | ReduceOptions, options?: ReduceOptions): Tensor;
  /** Method form of `paddle.min`: `x.min(...args)` is `paddle.min(x, ...args)` (Paddle: `Tensor.min`). */
  min(axisOrOptions?: Axis | null | ReduceOptions, options?: ReduceOptions): Tensor;
  /**
   * Method form of `paddle.argmax`: `x.argmax(...args)` is `paddle.argmax(x, ...args)` (Paddle:
   * `Tensor.argmax`).
   */
  argmax(axisOrOptions?: number | null | ArgOptions, options?: ArgOptions): Tensor;
  /**
   * Method form of `paddle.argmin`: `x.argmin(...args)` is `paddle.argmin(x, ...args)` (Paddle:
   * `Tensor.argmin`).
   */
  argmin(axisOrOptions?: number | null | ArgOptions, options?: ArgOptions): Tensor;
  /**
   * Method form of `paddle.reshape`: `x.reshape(...args)` is `paddle.reshape(x, ...args)` (Paddle:
   * `Tensor.reshape`).
   */
  reshape(shape: readonly (number | Tensor)[] | Tensor): Tensor;
  /**
   * Method form of `paddle.flatten`: `x.flatten(...args)` is `paddle.flatten(x, ...args)` (Paddle:
   * `Tensor.flatten`).
   */
  flatten(options?: FlattenOptions): Tensor;
  /**
   * Method form of `paddle.transpose`: `x.transpose(...args)` is `paddle.transpose(x, ...args)`
   * (Paddle: `Tensor.transpose`).
   */
  transpose(perm: readonly number[]): Tensor;
  /**
   * Method form of `paddle.squeeze`: `x.squeeze(...args)` is `paddle.squeeze(x, ...args)` (Paddle:
   * `Tensor.squeeze`).
   */
  squeeze(options?: SqueezeOptions): Tensor;
  /**
   * Method form of `paddle.unsqueeze`: `x.unsqueeze(...args)` is `paddle.unsqueeze(x, ...args)`
   * (Paddle: `Tensor.unsqueeze`).
   */
  unsqueeze(axis: number | readonly (number | Tensor)[] | Tensor): Tensor;
  /**
   * Method form of `paddle.gather`: `x.gather(...args)` is `paddle.gather(x, ...args)` (Paddle:
   * `Tensor.gather`).
   */
  gather(index: Tensor | readonly number[], options?: GatherOptions): Tensor;
  /**
   * Method form of `paddle.indexSelect`: `x.indexSelect(...args)` is `paddle.indexSelect(x,
   * ...args)` (Paddle: `Tensor.index_select`).
   */
  indexSelect(index: Tensor | readonly number[], options?: IndexSelectOptions): Tensor;
  /** Paddle's spelling of `indexSelect`: the same method. */
  index_select(index: Tensor | readonly number[], options?: IndexSelectOptions): Tensor;
  /** Method form of `paddle.cast`: `x.cast(...args)` is `paddle.cast(x, ...args)` (Paddle: `Tensor.cast`). */
  cast(dtype: DType | string): Tensor;
  /** Method form of `paddle.tanh`: `x.tanh(...args)` is `paddle.tanh(x, ...args)` (Paddle: `Tensor.tanh`). */
  tanh(): Tensor;
  /**
   * Method form of `paddle.sigmoid`: `x.sigmoid(...args)` is `paddle.sigmoid(x, ...args)` (Paddle:
   * `Tensor.sigmoid`).
   */
  sigmoid(): Tensor;
  /**
   * Method form of `paddle.rsqrt`: `x.rsqrt(...args)` is `paddle.rsqrt(x, ...args)` (Paddle:
   * `Tensor.rsqrt`).
   */
  rsqrt(): Tensor;
  /** Method form of `paddle.sin`: `x.sin(...args)` is `paddle.sin(x, ...args)` (Paddle: `Tensor.sin`). */
  sin(): Tensor;
  /** Method form of `paddle.cos`: `x.cos(...args)` is `paddle.cos(x, ...args)` (Paddle: `Tensor.cos`). */
  cos(): Tensor;
  /**
   * Method form of `paddle.floor`: `x.floor(...args)` is `paddle.floor(x, ...args)` (Paddle:
   * `Tensor.floor`).
   */
  floor(): Tensor;
  /**
   * Method form of `paddle.round`: `x.round(...args)` is `paddle.round(x, ...args)` (Paddle:
   * `Tensor.round`).
   */
  round(options?: RoundOptions): Tensor;
  /**
   * Method form of `paddle.isnan`: `x.isnan(...args)` is `paddle.isnan(x, ...args)` (Paddle:
   * `Tensor.isnan`).
   */
  isnan(): Tensor;
  /**
   * Method form of `paddle.isinf`: `x.isinf(...args)` is `paddle.isinf(x, ...args)` (Paddle:
   * `Tensor.isinf`).
   */
  isinf(): Tensor;
  /**
   * Method form of `paddle.isfinite`: `x.isfinite(...args)` is `paddle.isfinite(x, ...args)`
   * (Paddle: `Tensor.isfinite`).
   */
  isfinite(): Tensor;
  /**
   * Method form of `paddle.greaterThan`: `x.greaterThan(...args)` is `paddle.greaterThan(x,
   * ...args)` (Paddle: `Tensor.greater_than`).
   */
  greaterThan(y: TensorLike): Tensor;
  /** Paddle's spelling of `greaterThan`: the same method. */
  greater_than(y: TensorLike): Tensor;
  /**
   * Method form of `paddle.greaterEqual`: `x.greaterEqual(...args)` is `paddle.greaterEqual(x,
   * ...args)` (Paddle: `Tensor.greater_equal`).
   */
  greaterEqual(y: TensorLike): Tensor;
  /** Paddle's spelling of `greaterEqual`: the same method. */
  greater_equal(y: TensorLike): Tensor;
  /**
   * Method form of `paddle.lessThan`: `x.lessThan(...args)` is `paddle.lessThan(x, ...args)`
   * (Paddle: `Tensor.less_than`).
   */
  lessThan(y: TensorLike): Tensor;
  /** Paddle's spelling of `lessThan`: the same method. */
  less_than(y: TensorLike): Tensor;
  /**
   * Method form of `paddle.lessEqual`: `x.lessEqual(...args)` is `paddle.lessEqual(x, ...args)`
   * (Paddle: `Tensor.less_equal`).
   */
  lessEqual(y: TensorLike): Tensor;
  /** Paddle's spelling of `lessEqual`: the same method. */
  less_equal(y: TensorLike): Tensor;
  /**
   * Method form of `paddle.notEqual`: `x.notEqual(...args)` is `paddle.notEqual(x, ...args)`
   * (Paddle: `Tensor.not_equal`).
   */
  notEqual(y: TensorLike): Tensor;
  /** Paddle's spelling of `notEqual`: the same method. */
  not_equal(y: TensorLike): Tensor;
  /**
   * Method form of `paddle.logicalAnd`: `x.logicalAnd(...args)` is `paddle.logicalAnd(x, ...args)`
   * (Paddle: `Tensor.logical_and`).
   */
  logicalAnd(y: Tensor): Tensor;
  /** Paddle's spelling of `logicalAnd`: the same method. */
  logical_and(y: Tensor): Tensor;
  /**
   * Method form of `paddle.logicalOr`: `x.logicalOr(...args)` is `paddle.logicalOr(x, ...args)`
   * (Paddle: `Tensor.logical_or`).
   */
  logicalOr(y: Tensor): Tensor;
  /** Paddle's spelling of `logicalOr`: the same method. */
  logical_or(y: Tensor): Tensor;
  /**
   * Method form of `paddle.logicalXor`: `x.logicalXor(...args)` is `paddle.logicalXor(x, ...args)`
   * (Paddle: `Tensor.logical_xor`).
   */
  logicalXor(y: Tensor): Tensor;
  /** Paddle's spelling of `logicalXor`: the same method. */
  logical_xor(y: Tensor): Tensor;
  /**
   * Method form of `paddle.logicalNot`: `x.logicalNot(...args)` is `paddle.logicalNot(x, ...args)`
   * (Paddle: `Tensor.logical_not`).
   */
  logicalNot(): Tensor;
  /** Paddle's spelling of `logicalNot`: the same method. */
  logical_not(): Tensor;
  /** Method form of `paddle.any`: `x.any(...args)` is `paddle.any(x, ...args)` (Paddle: `Tensor.any`). */
  any(axisOrOptions?: Axis | null | AnyAllOptions, options?: AnyAllOptions): Tensor;
  /** Method form of `paddle.all`: `x.all(...args)` is `paddle.all(x, ...args)` (Paddle: `Tensor.all`). */
  all(axisOrOptions?: Axis | null | AnyAllOptions, options?: AnyAllOptions): Tensor;
  /**
   * Method form of `paddle.isclose`: `x.isclose(...args)` is `paddle.isclose(x, ...args)` (Paddle:
   * `Tensor.isclose`).
   */
  isclose(y: Tensor, options?: IsCloseOptions): Tensor;
  /**
   * Method form of `paddle.allclose`: `x.allclose(...args)` is `paddle.allclose(x, ...args)`
   * (Paddle: `Tensor.allclose`).
   */
  allclose(y: Tensor, options?: IsCloseOptions): Tensor;
  /**
   * Method form of `paddle.slice`: `x.slice(...args)` is `paddle.slice(x, ...args)` (Paddle:
   * `Tensor.slice`).
   */
  slice(axes: readonly number[], starts: readonly (number | Tensor)[] | Tensor, ends: readonly (number | Tensor)[] | Tensor): Tensor;
  /**
   * Method form of `paddle.split`: `x.split(...args)` is `paddle.split(x, ...args)` (Paddle:
   * `Tensor.split`).
   */
  split(numOrSections: number | readonly number[], axisOrOptions?: number | SplitOptions, options?: SplitOptions): Tensor[];
  /**
   * Method form of `paddle.chunk`: `x.chunk(...args)` is `paddle.chunk(x, ...args)` (Paddle:
   * `Tensor.chunk`).
   */
  chunk(chunks: number, axisOrOptions?: number | SplitOptions, options?: SplitOptions): Tensor[];
  /**
   * Method form of `paddle.expand`: `x.expand(...args)` is `paddle.expand(x, ...args)` (Paddle:
   * `Tensor.expand`).
   */
  expand(shape: readonly number[] | Tensor): Tensor;
  /**
   * Method form of `paddle.broadcastTo`: `x.broadcastTo(...args)` is `paddle.broadcastTo(x,
   * ...args)` (Paddle: `Tensor.broadcast_to`).
   */
  broadcastTo(shape: readonly number[] | Tensor): Tensor;
  /** Paddle's spelling of `broadcastTo`: the same method. */
  broadcast_to(shape: readonly number[] | Tensor): Tensor;
  /** Method form of `paddle.tile`: `x.tile(...args)` is `paddle.tile(x, ...args)` (Paddle: `Tensor.tile`). */
  tile(repeatTimes: readonly number[] | Tensor): Tensor;
  /** Method form of `paddle.flip`: `x.flip(...args)` is `paddle.flip(x, ...args)` (Paddle: `Tensor.flip`). */
  flip(axis: number | readonly number[]): Tensor;
  /** Method form of `paddle.t`: `x.t(...args)` is `paddle.t(x, ...args)` (Paddle: `Tensor.t`). */
  t(): Tensor;
  /** Method form of `paddle.prod`: `x.prod(...args)` is `paddle.prod(x, ...args)` (Paddle: `Tensor.prod`). */
  prod(axisOrOptions?: Axis | null | ProdOptions, options?: ProdOptions): Tensor;
  /** Method form of `paddle.std`: `x.std(...args)` is `paddle.std(x, ...args)` (Paddle: `Tensor.std`). */
  std(axisOrOptions?: Axis | null | VarOptions, options?: VarOptions): Tensor;
  /** Method form of `paddle.var`: `x.var(...args)` is `paddle.var(x, ...args)` (Paddle: `Tensor.var`). */
  var(axisOrOptions?: Axis | null | VarOptions, options?: VarOptions): Tensor;
  /**
   * Method form of `paddle.logsumexp`: `x.logsumexp(...args)` is `paddle.logsumexp(x, ...args)`
   * (Paddle: `Tensor.logsumexp`).
   */
  logsumexp(axisOrOptions?: Axis | null | LogsumexpOptions, options?: LogsumexpOptions): Tensor;
  /**
   * Method form of `paddle.cumsum`: `x.cumsum(...args)` is `paddle.cumsum(x, ...args)` (Paddle:
   * `Tensor.cumsum`).
   */
  cumsum(axisOrOptions?: number | null | CumsumOptions, options?: CumsumOptions): Tensor;
  /** Method form of `paddle.sort`: `x.sort(...args)` is `paddle.sort(x, ...args)` (Paddle: `Tensor.sort`). */
  sort(axisOrOptions?: number | SortOptions, options?: SortOptions): Tensor;
  /**
   * Method form of `paddle.argsort`: `x.argsort(...args)` is `paddle.argsort(x, ...args)` (Paddle:
   * `Tensor.argsort`).
   */
  argsort(axisOrOptions?: number | SortOptions, options?: SortOptions): Tensor;
  /** Method form of `paddle.topk`: `x.topk(...args)` is `paddle.topk(x, ...args)` (Paddle: `Tensor.topk`). */
  topk(k: number | Tensor, options?: TopkOptions): [Tensor, Tensor];
  /**
   * Method form of `paddle.maskedSelect`: `x.maskedSelect(...args)` is `paddle.maskedSelect(x,
   * ...args)` (Paddle: `Tensor.masked_select`).
   */
  maskedSelect(mask: Tensor): Tensor;
  /** Paddle's spelling of `maskedSelect`: the same method. */
  masked_select(mask: Tensor): Tensor;
  /**
   * Method form of `paddle.gatherNd`: `x.gatherNd(...args)` is `paddle.gatherNd(x, ...args)`
   * (Paddle: `Tensor.gather_nd`).
   */
  gatherNd(index: Tensor): Tensor;
  /** Paddle's spelling of `gatherNd`: the same method. */
  gather_nd(index: Tensor): Tensor;
  /**
   * Method form of `paddle.scatter`: `x.scatter(...args)` is `paddle.scatter(x, ...args)` (Paddle:
   * `Tensor.scatter`).
   */
  scatter(index: Tensor, updates: Tensor, options?: ScatterOptions): Tensor;
  /** Method form of `paddle.bmm`: `x.bmm(...args)` is `paddle.bmm(x, ...args)` (Paddle: `Tensor.bmm`). */
  bmm(y: Tensor): Tensor;
  /** Method form of `paddle.dot`: `x.dot(...args)` is `paddle.dot(x, ...args)` (Paddle: `Tensor.dot`). */
  dot(y: Tensor): Tensor;
  /**
   * Method form of `paddle.outer`: `x.outer(...args)` is `paddle.outer(x, ...args)` (Paddle:
   * `Tensor.outer`).
   */
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
  /** The transpose with the axes reversed (Paddle's `Tensor.T`); `paddle.t` for 2-D. */
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

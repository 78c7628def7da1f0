/**
 * Method forms of the ops on Tensor (`x.add(y)`, `x.matmul(y)`, `x.sum({ axis })`, ...), added to
 * the Tensor class by module augmentation and installed on its prototype once, when this module is
 * imported (src/ops/index.ts imports it). Each method is the namespace function with `this` as x;
 * Paddle snake_case spellings (`index_select`) are the same function objects.
 */
import type { DType } from '../tensor/dtype.js';
import { Tensor } from '../tensor/tensor.js';
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
import { argmax, argmin, max, mean, min, sum, type ArgOptions, type ReduceOptions, type SumOptions } from './reduce.js';
import { abs, clip, exp, log, neg, scale, sign, sqrt, square, type ClipOptions, type ScaleOptions } from './unary.js';

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
  clip(options?: ClipOptions): Tensor;
  scale(options?: ScaleOptions): Tensor;
  matmul(y: Tensor, options?: MatmulOptions): Tensor;
  sum(options?: SumOptions): Tensor;
  mean(options?: ReduceOptions): Tensor;
  max(options?: ReduceOptions): Tensor;
  min(options?: ReduceOptions): Tensor;
  argmax(options?: ArgOptions): Tensor;
  argmin(options?: ArgOptions): Tensor;
  reshape(shape: readonly number[] | Tensor): Tensor;
  flatten(options?: FlattenOptions): Tensor;
  transpose(perm: readonly number[]): Tensor;
  squeeze(options?: SqueezeOptions): Tensor;
  unsqueeze(axis: number | readonly number[]): Tensor;
  gather(index: Tensor | readonly number[], options?: GatherOptions): Tensor;
  indexSelect(index: Tensor | readonly number[], options?: IndexSelectOptions): Tensor;
  index_select(index: Tensor | readonly number[], options?: IndexSelectOptions): Tensor;
  cast(dtype: DType | string): Tensor;
}

declare module '../tensor/tensor.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Tensor extends TensorOpMethods {}
}

type MethodTable = { [K in keyof TensorOpMethods]: (this: Tensor, ...args: Parameters<TensorOpMethods[K]>) => Tensor };

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
  clip(options) {
    return clip(this, options);
  },
  scale(options) {
    return scale(this, options);
  },
  matmul(y, options) {
    return matmul(this, y, options);
  },
  sum(options) {
    return sum(this, options);
  },
  mean(options) {
    return mean(this, options);
  },
  max(options) {
    return max(this, options);
  },
  min(options) {
    return min(this, options);
  },
  argmax(options) {
    return argmax(this, options);
  },
  argmin(options) {
    return argmin(this, options);
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
};

for (const [name, fn] of Object.entries(methods)) {
  Object.defineProperty(Tensor.prototype, name, { value: fn, writable: true, configurable: true, enumerable: false });
}

/** The names of the installed methods (for tests and documentation). */
export const TENSOR_METHOD_NAMES: readonly string[] = Object.keys(methods);

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
  /**
   * Method form of `paddle.add`: `x.add(...args)` is `paddle.add(x, ...args)` (Paddle: `Tensor.add`).
   * @param y - The second operand, a Tensor or a number, broadcast against this tensor (Paddle's `y`).
   * @returns A new Tensor of the broadcast shape, in the promoted dtype (bool + bool stays bool).
   * @throws {@link errors.TypeError} when `y` is neither a Tensor nor a number; {@link errors.ValueError} when the shapes do not broadcast.
   */
  add(y: TensorLike): Tensor;
  /**
   * Method form of `paddle.subtract`: `x.subtract(...args)` is `paddle.subtract(x, ...args)`
   * (Paddle: `Tensor.subtract`).
   * @param y - The second operand, a Tensor or a number, broadcast against this tensor (Paddle's `y`).
   * @returns A new Tensor of the broadcast shape, in the promoted dtype (bool operands give int64).
   * @throws {@link errors.TypeError} when `y` is neither a Tensor nor a number; {@link errors.ValueError} when the shapes do not broadcast.
   */
  subtract(y: TensorLike): Tensor;
  /**
   * Method form of `paddle.multiply`: `x.multiply(...args)` is `paddle.multiply(x, ...args)`
   * (Paddle: `Tensor.multiply`).
   * @param y - The second operand, a Tensor or a number, broadcast against this tensor (Paddle's `y`).
   * @returns A new Tensor of the broadcast shape, in the promoted dtype (bool × bool stays bool).
   * @throws {@link errors.TypeError} when `y` is neither a Tensor nor a number; {@link errors.ValueError} when the shapes do not broadcast.
   */
  multiply(y: TensorLike): Tensor;
  /**
   * Method form of `paddle.divide`: `x.divide(...args)` is `paddle.divide(x, ...args)` (Paddle:
   * `Tensor.divide`).
   * @param y - The second operand, a Tensor or a number, broadcast against this tensor (Paddle's `y`).
   * @returns A new Tensor of the broadcast shape; a float dtype (integer operands give the default float dtype).
   * @throws {@link errors.TypeError} when `y` is neither a Tensor nor a number; {@link errors.ValueError} when the shapes do not broadcast.
   */
  divide(y: TensorLike): Tensor;
  /**
   * Method form of `paddle.pow`: `x.pow(...args)` is `paddle.pow(x, ...args)` (Paddle: `Tensor.pow`).
   * @param y - The exponent, a number or a Tensor broadcast against this tensor (Paddle's `y`).
   * @returns A new Tensor of the broadcast shape, in the promoted dtype of this tensor and `y` (a number takes the tensor's dtype).
   * @throws {@link errors.TypeError} when `y` is neither a Tensor nor a number; {@link errors.ValueError} when the shapes do not broadcast.
   */
  pow(y: TensorLike): Tensor;
  /**
   * Method form of `paddle.maximum`: `x.maximum(...args)` is `paddle.maximum(x, ...args)` (Paddle:
   * `Tensor.maximum`).
   * @param y - The second operand, a Tensor or a number, broadcast against this tensor (Paddle's `y`).
   * @returns A new Tensor of the broadcast shape, in the promoted dtype of this tensor and `y` (a number takes the tensor's dtype).
   * @throws {@link errors.TypeError} when `y` is neither a Tensor nor a number; {@link errors.ValueError} when the shapes do not broadcast.
   */
  maximum(y: TensorLike): Tensor;
  /**
   * Method form of `paddle.minimum`: `x.minimum(...args)` is `paddle.minimum(x, ...args)` (Paddle:
   * `Tensor.minimum`).
   * @param y - The second operand, a Tensor or a number, broadcast against this tensor (Paddle's `y`).
   * @returns A new Tensor of the broadcast shape, in the promoted dtype of this tensor and `y` (a number takes the tensor's dtype).
   * @throws {@link errors.TypeError} when `y` is neither a Tensor nor a number; {@link errors.ValueError} when the shapes do not broadcast.
   */
  minimum(y: TensorLike): Tensor;
  /**
   * Method form of `paddle.equal`: `x.equal(...args)` is `paddle.equal(x, ...args)` (Paddle:
   * `Tensor.equal`).
   * @param y - The second operand, a Tensor or a number, broadcast against this tensor (Paddle's `y`).
   * @returns A new bool Tensor of the broadcast shape.
   * @throws {@link errors.TypeError} when `y` is neither a Tensor nor a number; {@link errors.ValueError} when the shapes do not broadcast.
   */
  equal(y: TensorLike): Tensor;
  /**
   * Method form of `paddle.neg`: `x.neg(...args)` is `paddle.neg(x, ...args)` (Paddle: `Tensor.neg`).
   * @returns A new Tensor of this tensor's shape and dtype.
   */
  neg(): Tensor;
  /**
   * Method form of `paddle.abs`: `x.abs(...args)` is `paddle.abs(x, ...args)` (Paddle: `Tensor.abs`).
   * @returns A new Tensor of this tensor's shape and dtype.
   */
  abs(): Tensor;
  /**
   * Method form of `paddle.sqrt`: `x.sqrt(...args)` is `paddle.sqrt(x, ...args)` (Paddle: `Tensor.sqrt`).
   * @returns A new Tensor of this tensor's shape; this tensor's dtype if float, else the default float dtype.
   */
  sqrt(): Tensor;
  /**
   * Method form of `paddle.square`: `x.square(...args)` is `paddle.square(x, ...args)` (Paddle:
   * `Tensor.square`).
   * @returns A new Tensor of this tensor's shape and dtype.
   */
  square(): Tensor;
  /**
   * Method form of `paddle.exp`: `x.exp(...args)` is `paddle.exp(x, ...args)` (Paddle: `Tensor.exp`).
   * @returns A new Tensor of this tensor's shape; this tensor's dtype if float, else the default float dtype.
   */
  exp(): Tensor;
  /**
   * Method form of `paddle.log`: `x.log(...args)` is `paddle.log(x, ...args)` (Paddle: `Tensor.log`).
   * @returns A new Tensor of this tensor's shape; this tensor's dtype if float, else the default float dtype.
   */
  log(): Tensor;
  /**
   * Method form of `paddle.sign`: `x.sign(...args)` is `paddle.sign(x, ...args)` (Paddle: `Tensor.sign`).
   * @returns A new Tensor of this tensor's shape and dtype.
   */
  sign(): Tensor;
  /**
   * Method form of `paddle.clip`: `x.clip(...args)` is `paddle.clip(x, ...args)` (Paddle: `Tensor.clip`).
   * @param minOrOptions - The lower bound (Paddle's `min`; `null`/omitted: none), or a {@link ClipOptions} object.
   * @param max - The upper bound (Paddle's `max`; `null`/omitted: none).
   * @param options - {@link ClipOptions}: `min`, `max`, `name`.
   * @returns A new Tensor of this tensor's shape and dtype.
   * @throws {@link errors.TypeError} when a bound is not a number, or a bound is given both positionally and in `options`; {@link errors.ValueError} when `min > max`.
   */
  clip(minOrOptions?: number | null | ClipOptions, max?: number | null, options?: ClipOptions): Tensor;
  /**
   * Method form of `paddle.scale`: `x.scale(...args)` is `paddle.scale(x, ...args)` (Paddle:
   * `Tensor.scale`).
   * @param options - {@link ScaleOptions}: `scale` (default 1), `bias` (default 0), `biasAfterScale` (default `true`), `name`.
   * @returns A new Tensor of this tensor's shape and dtype.
   * @throws {@link errors.TypeError} when an option has the wrong type (`scale`/`bias` not a number or 1-element Tensor, `biasAfterScale` not a boolean) or is unknown.
   */
  scale(options?: ScaleOptions): Tensor;
  /**
   * Method form of `paddle.matmul`: `x.matmul(...args)` is `paddle.matmul(x, ...args)` (Paddle:
   * `Tensor.matmul`).
   * @param y - The right operand, a Tensor of at least 1 dimension (Paddle's `y`).
   * @param options - {@link MatmulOptions}: `transposeX` (Paddle's `transpose_x`, default `false`), `transposeY` (Paddle's `transpose_y`, default `false`), `name`.
   * @returns A new Tensor `[...batch, M, N]` (a 1-D operand's added dimension removed), in the common dtype (float64 > float32 > int64).
   * @throws {@link errors.TypeError} when `y` is not a Tensor, this tensor or `y` is bool, a transpose flag is not a boolean, or an option is unknown; {@link errors.ValueError} when an operand is 0-D, the inner dimensions differ or the batch dimensions do not broadcast.
   */
  matmul(y: Tensor, options?: MatmulOptions): Tensor;
  /**
   * Method form of `paddle.sum`: `x.sum(...args)` is `paddle.sum(x, ...args)` (Paddle: `Tensor.sum`).
   * @param axisOrOptions - The axis or axes to reduce (Paddle's `axis`; negative counts from the end; omitted/`null`: all), or the options object.
   * @param options - {@link SumOptions}: `axis`, `dtype` (the result dtype), `keepdim` (default `false`), `name`.
   * @returns A new Tensor of this tensor's shape without the reduced axes (kept as size 1 with `keepdim`); in `dtype` if given, else int64 for bool/int32 input, else this tensor's dtype.
   * @throws {@link errors.TypeError} when `keepdim` is not a boolean, `axis` is given both positionally and in `options`, or an option is unknown; {@link errors.ValueError} when an axis is out of range or repeated.
   */
  sum(axisOrOptions?: Axis | null | SumOptions, options?: SumOptions): Tensor;
  /**
   * Method form of `paddle.mean`: `x.mean(...args)` is `paddle.mean(x, ...args)` (Paddle: `Tensor.mean`).
   * @param axisOrOptions - The axis or axes to reduce (Paddle's `axis`; negative counts from the end; omitted/`null`: all), or the options object.
   * @param options - {@link ReduceOptions}: `axis`, `keepdim` (default `false`), `name`.
   * @returns A new Tensor of this tensor's shape without the reduced axes (kept as size 1 with `keepdim`), in this tensor's dtype.
   * @throws {@link errors.TypeError} when this tensor is not a float Tensor, `keepdim` is not a boolean, `axis` is given both positionally and in `options`, or an option is unknown; {@link errors.ValueError} when an axis is out of range or repeated.
   */
  mean(axisOrOptions?: Axis | null | ReduceOptions, options?: ReduceOptions): Tensor;
  /**
   * Method form of `paddle.max`: `x.max(...args)` is `paddle.max(x, ...args)` (Paddle: `Tensor.max`).
   * @param axisOrOptions - The axis or axes to reduce (Paddle's `axis`; negative counts from the end; omitted/`null`: all), or the options object.
   * @param options - {@link ReduceOptions}: `axis`, `keepdim` (default `false`), `name`.
   * @returns A new Tensor of this tensor's shape without the reduced axes (kept as size 1 with `keepdim`), in this tensor's dtype.
   * @throws {@link errors.TypeError} when `keepdim` is not a boolean, `axis` is given both positionally and in `options`, or an option is unknown; {@link errors.ValueError} when an axis is out of range or repeated, or this tensor has no elements.
   */
  max(axisOrOptions?: Axis | null | ReduceOptions, options?: ReduceOptions): Tensor;
  /**
   * Method form of `paddle.min`: `x.min(...args)` is `paddle.min(x, ...args)` (Paddle: `Tensor.min`).
   * @param axisOrOptions - The axis or axes to reduce (Paddle's `axis`; negative counts from the end; omitted/`null`: all), or the options object.
   * @param options - {@link ReduceOptions}: `axis`, `keepdim` (default `false`), `name`.
   * @returns A new Tensor of this tensor's shape without the reduced axes (kept as size 1 with `keepdim`), in this tensor's dtype.
   * @throws {@link errors.TypeError} when `keepdim` is not a boolean, `axis` is given both positionally and in `options`, or an option is unknown; {@link errors.ValueError} when an axis is out of range or repeated, or this tensor has no elements.
   */
  min(axisOrOptions?: Axis | null | ReduceOptions, options?: ReduceOptions): Tensor;
  /**
   * Method form of `paddle.argmax`: `x.argmax(...args)` is `paddle.argmax(x, ...args)` (Paddle:
   * `Tensor.argmax`).
   * @param axisOrOptions - The axis to search (Paddle's `axis`; negative counts from the end; omitted/`null`: the flattened tensor), or the options object.
   * @param options - {@link ArgOptions}: `axis`, `keepdim` (default `false`), `dtype` (`'int64'` default, or `'int32'`), `name`.
   * @returns A new int64 (or `dtype`) Tensor of indices: this tensor's shape without `axis` (size 1 with `keepdim`); 0-D when `axis` is omitted (all sizes 1 with `keepdim`).
   * @throws {@link errors.TypeError} when `dtype` is not int32/int64, `keepdim` is not a boolean or an option is unknown; {@link errors.ValueError} when `axis` is out of range or this tensor has no elements.
   */
  argmax(axisOrOptions?: number | null | ArgOptions, options?: ArgOptions): Tensor;
  /**
   * Method form of `paddle.argmin`: `x.argmin(...args)` is `paddle.argmin(x, ...args)` (Paddle:
   * `Tensor.argmin`).
   * @param axisOrOptions - The axis to search (Paddle's `axis`; negative counts from the end; omitted/`null`: the flattened tensor), or the options object.
   * @param options - {@link ArgOptions}: `axis`, `keepdim` (default `false`), `dtype` (`'int64'` default, or `'int32'`), `name`.
   * @returns A new int64 (or `dtype`) Tensor of indices: this tensor's shape without `axis` (size 1 with `keepdim`); 0-D when `axis` is omitted (all sizes 1 with `keepdim`).
   * @throws {@link errors.TypeError} when `dtype` is not int32/int64, `keepdim` is not a boolean or an option is unknown; {@link errors.ValueError} when `axis` is out of range or this tensor has no elements.
   */
  argmin(axisOrOptions?: number | null | ArgOptions, options?: ArgOptions): Tensor;
  /**
   * Method form of `paddle.reshape`: `x.reshape(...args)` is `paddle.reshape(x, ...args)` (Paddle:
   * `Tensor.reshape`).
   * @param shape - The new shape: integers (or 1-element Tensors), or an int32/int64 Tensor; `-1` infers one dimension, `0` copies this tensor's (Paddle's `shape`).
   * @returns A new Tensor (a copy) of the new shape and this tensor's dtype.
   * @throws {@link errors.TypeError} when `shape` is not a list of integers; {@link errors.ValueError} when `shape` has more than one `-1`, a negative entry, or cannot hold this tensor's elements.
   */
  reshape(shape: readonly (number | Tensor)[] | Tensor): Tensor;
  /**
   * Method form of `paddle.flatten`: `x.flatten(...args)` is `paddle.flatten(x, ...args)` (Paddle:
   * `Tensor.flatten`).
   * @param options - {@link FlattenOptions}: `startAxis` (Paddle's `start_axis`, default 0), `stopAxis` (Paddle's `stop_axis`, default -1), `name`.
   * @returns A new Tensor of this tensor's dtype with the axes `startAxis..stopAxis` merged into one.
   * @throws {@link errors.TypeError} when an option is unknown; {@link errors.ValueError} when an axis is out of range or `stopAxis` comes before `startAxis`.
   */
  flatten(options?: FlattenOptions): Tensor;
  /**
   * Method form of `paddle.transpose`: `x.transpose(...args)` is `paddle.transpose(x, ...args)`
   * (Paddle: `Tensor.transpose`).
   * @param perm - A permutation of this tensor's axes, of length `x.ndim` (Paddle's `perm`; negative entries count from the end).
   * @returns A new Tensor (a copy) of this tensor's dtype, with shape `perm.map((a) => x.shape[a])`.
   * @throws {@link errors.TypeError} when `perm` is not integers; {@link errors.ValueError} when `perm` has the wrong length, an out-of-range entry or is not a permutation.
   */
  transpose(perm: readonly number[]): Tensor;
  /**
   * Method form of `paddle.squeeze`: `x.squeeze(...args)` is `paddle.squeeze(x, ...args)` (Paddle:
   * `Tensor.squeeze`).
   * @param options - {@link SqueezeOptions}: `axis` (the axes to drop if of size 1; omitted/`null`: every size-1 axis), `name`.
   * @returns A new Tensor of this tensor's dtype without the selected size-1 axes (other listed axes stay).
   * @throws {@link errors.TypeError} when an option is unknown; {@link errors.ValueError} when an axis is out of range or repeated.
   */
  squeeze(options?: SqueezeOptions): Tensor;
  /**
   * Method form of `paddle.unsqueeze`: `x.unsqueeze(...args)` is `paddle.unsqueeze(x, ...args)`
   * (Paddle: `Tensor.unsqueeze`).
   * @param axis - The position or positions of the new size-1 axes, a number, an array or an int Tensor (Paddle's `axis`; negative counts from the end).
   * @returns A new Tensor of this tensor's dtype with the size-1 axes inserted.
   * @throws {@link errors.TypeError} when `axis` is not integers; {@link errors.ValueError} when an axis is out of range.
   */
  unsqueeze(axis: number | readonly (number | Tensor)[] | Tensor): Tensor;
  /**
   * Method form of `paddle.gather`: `x.gather(...args)` is `paddle.gather(x, ...args)` (Paddle:
   * `Tensor.gather`).
   * @param index - The positions along `axis`: a 0-D or 1-D int32/int64 Tensor or an array of integers (Paddle's `index`).
   * @param options - {@link GatherOptions}: `axis` (default 0; negative counts from the end), `name`.
   * @returns A new Tensor of this tensor's dtype: this tensor's shape with `axis` of size `index.length` (removed for a 0-D index).
   * @throws {@link errors.TypeError} when `index` is not int32/int64 integers, or an option is unknown; {@link errors.ValueError} when this tensor is 0-D, `index` is not 0-D/1-D or `axis` is out of range; {@link errors.IndexError} when an index is out of range.
   */
  gather(index: Tensor | readonly number[], options?: GatherOptions): Tensor;
  /**
   * Method form of `paddle.indexSelect`: `x.indexSelect(...args)` is `paddle.indexSelect(x,
   * ...args)` (Paddle: `Tensor.index_select`).
   * @param index - The positions along `axis`: a 1-D int32/int64 Tensor or an array of integers (Paddle's `index`).
   * @param options - {@link IndexSelectOptions}: `axis` (default 0; negative counts from the end), `name`.
   * @returns A new Tensor of this tensor's dtype: this tensor's shape with `axis` of size `index.length`.
   * @throws {@link errors.TypeError} when `index` is not int32/int64 integers, or an option is unknown; {@link errors.ValueError} when this tensor is 0-D, `index` is not 1-D or `axis` is out of range; {@link errors.IndexError} when an index is out of range.
   */
  indexSelect(index: Tensor | readonly number[], options?: IndexSelectOptions): Tensor;
  /**
   * Paddle's spelling of `indexSelect`: the same method.
   * @param index - The positions along `axis`: a 1-D int32/int64 Tensor or an array of integers (Paddle's `index`).
   * @param options - {@link IndexSelectOptions}: `axis` (default 0; negative counts from the end), `name`.
   * @returns A new Tensor of this tensor's dtype: this tensor's shape with `axis` of size `index.length`.
   * @throws {@link errors.TypeError} when `index` is not int32/int64 integers, or an option is unknown; {@link errors.ValueError} when this tensor is 0-D, `index` is not 1-D or `axis` is out of range; {@link errors.IndexError} when an index is out of range.
   */
  index_select(index: Tensor | readonly number[], options?: IndexSelectOptions): Tensor;
  /**
   * Method form of `paddle.cast`: `x.cast(...args)` is `paddle.cast(x, ...args)` (Paddle: `Tensor.cast`).
   * @param dtype - The target dtype, e.g. `'float32'`, `'int64'`, `'bool'` (Paddle's `dtype`).
   * @returns A new Tensor of this tensor's shape in `dtype`.
   * @throws {@link errors.TypeError} when `dtype` is not a known dtype; {@link errors.ValueError} when an int64 value would leave the exactly stored range (|v| > 2^53 − 1).
   */
  cast(dtype: DType | string): Tensor;
  /**
   * Method form of `paddle.tanh`: `x.tanh(...args)` is `paddle.tanh(x, ...args)` (Paddle: `Tensor.tanh`).
   * @returns A new Tensor of this tensor's shape and dtype.
   * @throws {@link errors.TypeError} when this tensor is not a float Tensor.
   */
  tanh(): Tensor;
  /**
   * Method form of `paddle.sigmoid`: `x.sigmoid(...args)` is `paddle.sigmoid(x, ...args)` (Paddle:
   * `Tensor.sigmoid`).
   * @returns A new Tensor of this tensor's shape and dtype.
   * @throws {@link errors.TypeError} when this tensor is not a float Tensor.
   */
  sigmoid(): Tensor;
  /**
   * Method form of `paddle.rsqrt`: `x.rsqrt(...args)` is `paddle.rsqrt(x, ...args)` (Paddle:
   * `Tensor.rsqrt`).
   * @returns A new Tensor of this tensor's shape; this tensor's dtype if float, else the default float dtype.
   */
  rsqrt(): Tensor;
  /**
   * Method form of `paddle.sin`: `x.sin(...args)` is `paddle.sin(x, ...args)` (Paddle: `Tensor.sin`).
   * @returns A new Tensor of this tensor's shape; this tensor's dtype if float, else the default float dtype.
   */
  sin(): Tensor;
  /**
   * Method form of `paddle.cos`: `x.cos(...args)` is `paddle.cos(x, ...args)` (Paddle: `Tensor.cos`).
   * @returns A new Tensor of this tensor's shape; this tensor's dtype if float, else the default float dtype.
   */
  cos(): Tensor;
  /**
   * Method form of `paddle.floor`: `x.floor(...args)` is `paddle.floor(x, ...args)` (Paddle:
   * `Tensor.floor`).
   * @returns A new Tensor of this tensor's shape and dtype.
   */
  floor(): Tensor;
  /**
   * Method form of `paddle.round`: `x.round(...args)` is `paddle.round(x, ...args)` (Paddle:
   * `Tensor.round`).
   * @param options - {@link RoundOptions}: `decimals` (default 0), `name`.
   * @returns A new Tensor of this tensor's shape and dtype.
   * @throws {@link errors.TypeError} when `decimals` is not an integer, or `options` has an unknown key.
   */
  round(options?: RoundOptions): Tensor;
  /**
   * Method form of `paddle.isnan`: `x.isnan(...args)` is `paddle.isnan(x, ...args)` (Paddle:
   * `Tensor.isnan`).
   * @returns A new bool Tensor of this tensor's shape.
   */
  isnan(): Tensor;
  /**
   * Method form of `paddle.isinf`: `x.isinf(...args)` is `paddle.isinf(x, ...args)` (Paddle:
   * `Tensor.isinf`).
   * @returns A new bool Tensor of this tensor's shape.
   */
  isinf(): Tensor;
  /**
   * Method form of `paddle.isfinite`: `x.isfinite(...args)` is `paddle.isfinite(x, ...args)`
   * (Paddle: `Tensor.isfinite`).
   * @returns A new bool Tensor of this tensor's shape.
   */
  isfinite(): Tensor;
  /**
   * Method form of `paddle.greaterThan`: `x.greaterThan(...args)` is `paddle.greaterThan(x,
   * ...args)` (Paddle: `Tensor.greater_than`).
   * @param y - The second operand, a Tensor or a number, broadcast against this tensor (Paddle's `y`).
   * @returns A new bool Tensor of the broadcast shape.
   * @throws {@link errors.TypeError} when `y` is neither a Tensor nor a number; {@link errors.ValueError} when the shapes do not broadcast.
   */
  greaterThan(y: TensorLike): Tensor;
  /**
   * Paddle's spelling of `greaterThan`: the same method.
   * @param y - The second operand, a Tensor or a number, broadcast against this tensor (Paddle's `y`).
   * @returns A new bool Tensor of the broadcast shape.
   * @throws {@link errors.TypeError} when `y` is neither a Tensor nor a number; {@link errors.ValueError} when the shapes do not broadcast.
   */
  greater_than(y: TensorLike): Tensor;
  /**
   * Method form of `paddle.greaterEqual`: `x.greaterEqual(...args)` is `paddle.greaterEqual(x,
   * ...args)` (Paddle: `Tensor.greater_equal`).
   * @param y - The second operand, a Tensor or a number, broadcast against this tensor (Paddle's `y`).
   * @returns A new bool Tensor of the broadcast shape.
   * @throws {@link errors.TypeError} when `y` is neither a Tensor nor a number; {@link errors.ValueError} when the shapes do not broadcast.
   */
  greaterEqual(y: TensorLike): Tensor;
  /**
   * Paddle's spelling of `greaterEqual`: the same method.
   * @param y - The second operand, a Tensor or a number, broadcast against this tensor (Paddle's `y`).
   * @returns A new bool Tensor of the broadcast shape.
   * @throws {@link errors.TypeError} when `y` is neither a Tensor nor a number; {@link errors.ValueError} when the shapes do not broadcast.
   */
  greater_equal(y: TensorLike): Tensor;
  /**
   * Method form of `paddle.lessThan`: `x.lessThan(...args)` is `paddle.lessThan(x, ...args)`
   * (Paddle: `Tensor.less_than`).
   * @param y - The second operand, a Tensor or a number, broadcast against this tensor (Paddle's `y`).
   * @returns A new bool Tensor of the broadcast shape.
   * @throws {@link errors.TypeError} when `y` is neither a Tensor nor a number; {@link errors.ValueError} when the shapes do not broadcast.
   */
  lessThan(y: TensorLike): Tensor;
  /**
   * Paddle's spelling of `lessThan`: the same method.
   * @param y - The second operand, a Tensor or a number, broadcast against this tensor (Paddle's `y`).
   * @returns A new bool Tensor of the broadcast shape.
   * @throws {@link errors.TypeError} when `y` is neither a Tensor nor a number; {@link errors.ValueError} when the shapes do not broadcast.
   */
  less_than(y: TensorLike): Tensor;
  /**
   * Method form of `paddle.lessEqual`: `x.lessEqual(...args)` is `paddle.lessEqual(x, ...args)`
   * (Paddle: `Tensor.less_equal`).
   * @param y - The second operand, a Tensor or a number, broadcast against this tensor (Paddle's `y`).
   * @returns A new bool Tensor of the broadcast shape.
   * @throws {@link errors.TypeError} when `y` is neither a Tensor nor a number; {@link errors.ValueError} when the shapes do not broadcast.
   */
  lessEqual(y: TensorLike): Tensor;
  /**
   * Paddle's spelling of `lessEqual`: the same method.
   * @param y - The second operand, a Tensor or a number, broadcast against this tensor (Paddle's `y`).
   * @returns A new bool Tensor of the broadcast shape.
   * @throws {@link errors.TypeError} when `y` is neither a Tensor nor a number; {@link errors.ValueError} when the shapes do not broadcast.
   */
  less_equal(y: TensorLike): Tensor;
  /**
   * Method form of `paddle.notEqual`: `x.notEqual(...args)` is `paddle.notEqual(x, ...args)`
   * (Paddle: `Tensor.not_equal`).
   * @param y - The second operand, a Tensor or a number, broadcast against this tensor (Paddle's `y`).
   * @returns A new bool Tensor of the broadcast shape.
   * @throws {@link errors.TypeError} when `y` is neither a Tensor nor a number; {@link errors.ValueError} when the shapes do not broadcast.
   */
  notEqual(y: TensorLike): Tensor;
  /**
   * Paddle's spelling of `notEqual`: the same method.
   * @param y - The second operand, a Tensor or a number, broadcast against this tensor (Paddle's `y`).
   * @returns A new bool Tensor of the broadcast shape.
   * @throws {@link errors.TypeError} when `y` is neither a Tensor nor a number; {@link errors.ValueError} when the shapes do not broadcast.
   */
  not_equal(y: TensorLike): Tensor;
  /**
   * Method form of `paddle.logicalAnd`: `x.logicalAnd(...args)` is `paddle.logicalAnd(x, ...args)`
   * (Paddle: `Tensor.logical_and`).
   * @param y - The second Tensor, broadcast against this tensor; nonzero counts as true (Paddle's `y`).
   * @returns A new bool Tensor of the broadcast shape.
   * @throws {@link errors.TypeError} when `y` is not a Tensor; {@link errors.ValueError} when the shapes do not broadcast.
   */
  logicalAnd(y: Tensor): Tensor;
  /**
   * Paddle's spelling of `logicalAnd`: the same method.
   * @param y - The second Tensor, broadcast against this tensor; nonzero counts as true (Paddle's `y`).
   * @returns A new bool Tensor of the broadcast shape.
   * @throws {@link errors.TypeError} when `y` is not a Tensor; {@link errors.ValueError} when the shapes do not broadcast.
   */
  logical_and(y: Tensor): Tensor;
  /**
   * Method form of `paddle.logicalOr`: `x.logicalOr(...args)` is `paddle.logicalOr(x, ...args)`
   * (Paddle: `Tensor.logical_or`).
   * @param y - The second Tensor, broadcast against this tensor; nonzero counts as true (Paddle's `y`).
   * @returns A new bool Tensor of the broadcast shape.
   * @throws {@link errors.TypeError} when `y` is not a Tensor; {@link errors.ValueError} when the shapes do not broadcast.
   */
  logicalOr(y: Tensor): Tensor;
  /**
   * Paddle's spelling of `logicalOr`: the same method.
   * @param y - The second Tensor, broadcast against this tensor; nonzero counts as true (Paddle's `y`).
   * @returns A new bool Tensor of the broadcast shape.
   * @throws {@link errors.TypeError} when `y` is not a Tensor; {@link errors.ValueError} when the shapes do not broadcast.
   */
  logical_or(y: Tensor): Tensor;
  /**
   * Method form of `paddle.logicalXor`: `x.logicalXor(...args)` is `paddle.logicalXor(x, ...args)`
   * (Paddle: `Tensor.logical_xor`).
   * @param y - The second Tensor, broadcast against this tensor; nonzero counts as true (Paddle's `y`).
   * @returns A new bool Tensor of the broadcast shape.
   * @throws {@link errors.TypeError} when `y` is not a Tensor; {@link errors.ValueError} when the shapes do not broadcast.
   */
  logicalXor(y: Tensor): Tensor;
  /**
   * Paddle's spelling of `logicalXor`: the same method.
   * @param y - The second Tensor, broadcast against this tensor; nonzero counts as true (Paddle's `y`).
   * @returns A new bool Tensor of the broadcast shape.
   * @throws {@link errors.TypeError} when `y` is not a Tensor; {@link errors.ValueError} when the shapes do not broadcast.
   */
  logical_xor(y: Tensor): Tensor;
  /**
   * Method form of `paddle.logicalNot`: `x.logicalNot(...args)` is `paddle.logicalNot(x, ...args)`
   * (Paddle: `Tensor.logical_not`).
   * @returns A new bool Tensor of this tensor's shape.
   */
  logicalNot(): Tensor;
  /**
   * Paddle's spelling of `logicalNot`: the same method.
   * @returns A new bool Tensor of this tensor's shape.
   */
  logical_not(): Tensor;
  /**
   * Method form of `paddle.any`: `x.any(...args)` is `paddle.any(x, ...args)` (Paddle: `Tensor.any`).
   * @param axisOrOptions - The axis or axes to reduce (Paddle's `axis`; negative counts from the end; omitted/`null`: all), or the options object.
   * @param options - {@link AnyAllOptions}: `axis`, `keepdim` (default `false`), `name`.
   * @returns A new bool Tensor of this tensor's shape without the reduced axes (kept as size 1 with `keepdim`).
   * @throws {@link errors.TypeError} when `keepdim` is not a boolean, `axis` is given both positionally and in `options`, or an option is unknown; {@link errors.ValueError} when an axis is out of range or repeated.
   */
  any(axisOrOptions?: Axis | null | AnyAllOptions, options?: AnyAllOptions): Tensor;
  /**
   * Method form of `paddle.all`: `x.all(...args)` is `paddle.all(x, ...args)` (Paddle: `Tensor.all`).
   * @param axisOrOptions - The axis or axes to reduce (Paddle's `axis`; negative counts from the end; omitted/`null`: all), or the options object.
   * @param options - {@link AnyAllOptions}: `axis`, `keepdim` (default `false`), `name`.
   * @returns A new bool Tensor of this tensor's shape without the reduced axes (kept as size 1 with `keepdim`).
   * @throws {@link errors.TypeError} when `keepdim` is not a boolean, `axis` is given both positionally and in `options`, or an option is unknown; {@link errors.ValueError} when an axis is out of range or repeated.
   */
  all(axisOrOptions?: Axis | null | AnyAllOptions, options?: AnyAllOptions): Tensor;
  /**
   * Method form of `paddle.isclose`: `x.isclose(...args)` is `paddle.isclose(x, ...args)` (Paddle:
   * `Tensor.isclose`).
   * @param y - A float Tensor broadcast against this tensor, the reference in `rtol·|y|` (Paddle's `y`).
   * @param options - {@link IsCloseOptions}: `rtol` (default 1e-5), `atol` (default 1e-8), `equalNan` (Paddle's `equal_nan`, default `false`), `name`.
   * @returns A new bool Tensor of the broadcast shape.
   * @throws {@link errors.TypeError} when this tensor or `y` is not a float Tensor, `rtol`/`atol` is not a number, `equalNan` is not a boolean, or an option is unknown; {@link errors.ValueError} when the shapes do not broadcast.
   */
  isclose(y: Tensor, options?: IsCloseOptions): Tensor;
  /**
   * Method form of `paddle.allclose`: `x.allclose(...args)` is `paddle.allclose(x, ...args)`
   * (Paddle: `Tensor.allclose`).
   * @param y - A float Tensor broadcast against this tensor, the reference in `rtol·|y|` (Paddle's `y`).
   * @param options - {@link IsCloseOptions}: `rtol` (default 1e-5), `atol` (default 1e-8), `equalNan` (Paddle's `equal_nan`, default `false`), `name`.
   * @returns A new 0-D bool Tensor: whether every element pair is close.
   * @throws {@link errors.TypeError} when this tensor or `y` is not a float Tensor, `rtol`/`atol` is not a number, `equalNan` is not a boolean, or an option is unknown; {@link errors.ValueError} when the shapes do not broadcast.
   */
  allclose(y: Tensor, options?: IsCloseOptions): Tensor;
  /**
   * Method form of `paddle.slice`: `x.slice(...args)` is `paddle.slice(x, ...args)` (Paddle:
   * `Tensor.slice`).
   * @param axes - The axes to slice (Paddle's `axes`; negative counts from the end).
   * @param starts - The start of each range, integers or an int Tensor (Paddle's `starts`; negative counts from the end).
   * @param ends - The (exclusive) end of each range (Paddle's `ends`; negative counts from the end).
   * @returns A new Tensor of this tensor's rank and dtype, each sliced axis of size `end − start` after clamping.
   * @throws {@link errors.TypeError} when `axes`/`starts`/`ends` are not integers; {@link errors.ValueError} when their lengths differ, or an axis is out of range or repeated.
   */
  slice(axes: readonly number[], starts: readonly (number | Tensor)[] | Tensor, ends: readonly (number | Tensor)[] | Tensor): Tensor;
  /**
   * Method form of `paddle.split`: `x.split(...args)` is `paddle.split(x, ...args)` (Paddle:
   * `Tensor.split`).
   * @param numOrSections - A number of equal parts (must divide the axis) or a list of section sizes, one may be -1 (Paddle's `num_or_sections`).
   * @param axisOrOptions - The axis to split (Paddle's `axis`, default 0; negative counts from the end; a number or 1-element Tensor), or the options object.
   * @param options - {@link SplitOptions}: `axis`, `name`.
   * @returns New Tensors of this tensor's dtype, this tensor's shape with `axis` of each part's size.
   * @throws {@link errors.TypeError} when `axis` is given both positionally and in `options`, or an option is unknown; {@link errors.ValueError} when this tensor is 0-D, `axis` is out of range, or the sections are invalid or do not fit the axis.
   */
  split(numOrSections: number | readonly number[], axisOrOptions?: number | SplitOptions, options?: SplitOptions): Tensor[];
  /**
   * Method form of `paddle.chunk`: `x.chunk(...args)` is `paddle.chunk(x, ...args)` (Paddle:
   * `Tensor.chunk`).
   * @param chunks - The number of equal parts (must divide the axis; Paddle's `chunks`).
   * @param axisOrOptions - The axis to split (Paddle's `axis`, default 0; negative counts from the end; a number or 1-element Tensor), or the options object.
   * @param options - {@link SplitOptions}: `axis`, `name`.
   * @returns New Tensors of this tensor's dtype, this tensor's shape with `axis` of each part's size.
   * @throws {@link errors.TypeError} when `chunks` is not an integer, `axis` is given both positionally and in `options`, or an option is unknown; {@link errors.ValueError} when this tensor is 0-D, `axis` is out of range, or `chunks` is not positive or does not divide the axis.
   */
  chunk(chunks: number, axisOrOptions?: number | SplitOptions, options?: SplitOptions): Tensor[];
  /**
   * Method form of `paddle.expand`: `x.expand(...args)` is `paddle.expand(x, ...args)` (Paddle:
   * `Tensor.expand`).
   * @param shape - The target shape, integers or an int Tensor; -1 keeps this tensor's dimension (Paddle's `shape`).
   * @returns A new Tensor (a copy) of this tensor's dtype and the target shape.
   * @throws {@link errors.TypeError} when `shape` is not integers; {@link errors.ValueError} when `shape` has fewer entries than `x.ndim`, a non-positive entry other than -1 (or -1 on a new axis), or a size that a non-1 dimension of x does not match.
   */
  expand(shape: readonly number[] | Tensor): Tensor;
  /**
   * Method form of `paddle.broadcastTo`: `x.broadcastTo(...args)` is `paddle.broadcastTo(x,
   * ...args)` (Paddle: `Tensor.broadcast_to`).
   * @param shape - The target shape, integers or an int Tensor; -1 keeps this tensor's dimension (Paddle's `shape`).
   * @returns A new Tensor (a copy) of this tensor's dtype and the target shape.
   * @throws {@link errors.TypeError} when `shape` is not integers; {@link errors.ValueError} when `shape` has fewer entries than `x.ndim`, a non-positive entry other than -1 (or -1 on a new axis), or a size that a non-1 dimension of x does not match.
   */
  broadcastTo(shape: readonly number[] | Tensor): Tensor;
  /**
   * Paddle's spelling of `broadcastTo`: the same method.
   * @param shape - The target shape, integers or an int Tensor; -1 keeps this tensor's dimension (Paddle's `shape`).
   * @returns A new Tensor (a copy) of this tensor's dtype and the target shape.
   * @throws {@link errors.TypeError} when `shape` is not integers; {@link errors.ValueError} when `shape` has fewer entries than `x.ndim`, a non-positive entry other than -1 (or -1 on a new axis), or a size that a non-1 dimension of x does not match.
   */
  broadcast_to(shape: readonly number[] | Tensor): Tensor;
  /**
   * Method form of `paddle.tile`: `x.tile(...args)` is `paddle.tile(x, ...args)` (Paddle: `Tensor.tile`).
   * @param repeatTimes - The repetitions per axis, positive integers or an int Tensor (Paddle's `repeat_times`).
   * @returns A new Tensor of this tensor's dtype, each dimension times its repetition (leading 1s padding the shorter of the two).
   * @throws {@link errors.TypeError} when `repeatTimes` is not integers; {@link errors.ValueError} when a repetition is not positive.
   */
  tile(repeatTimes: readonly number[] | Tensor): Tensor;
  /**
   * Method form of `paddle.flip`: `x.flip(...args)` is `paddle.flip(x, ...args)` (Paddle: `Tensor.flip`).
   * @param axis - The axis or axes to reverse (Paddle's `axis`; negative counts from the end).
   * @returns A new Tensor of this tensor's shape and dtype.
   * @throws {@link errors.TypeError} when `axis` is not an integer or a list of integers; {@link errors.ValueError} when an axis is out of range or repeated.
   */
  flip(axis: number | readonly number[]): Tensor;
  /**
   * Method form of `paddle.t`: `x.t(...args)` is `paddle.t(x, ...args)` (Paddle: `Tensor.t`).
   * @returns The transposed 2-D Tensor (a copy), or this tensor itself when it is 0-D or 1-D.
   * @throws {@link errors.ValueError} when this tensor has more than 2 dimensions.
   */
  t(): Tensor;
  /**
   * Method form of `paddle.prod`: `x.prod(...args)` is `paddle.prod(x, ...args)` (Paddle: `Tensor.prod`).
   * @param axisOrOptions - The axis or axes to reduce (Paddle's `axis`; negative counts from the end; omitted/`null`: all), or the options object.
   * @param options - {@link ProdOptions}: `axis`, `keepdim` (default `false`), `dtype` (the result dtype), `name`.
   * @returns A new Tensor of this tensor's shape without the reduced axes (kept as size 1 with `keepdim`); in `dtype` if given, else int64 for bool/int32 input, else this tensor's dtype.
   * @throws {@link errors.TypeError} when `keepdim` is not a boolean, `axis` is given both positionally and in `options`, `dtype` is not a known dtype, or an option is unknown; {@link errors.ValueError} when an axis is out of range or repeated.
   */
  prod(axisOrOptions?: Axis | null | ProdOptions, options?: ProdOptions): Tensor;
  /**
   * Method form of `paddle.std`: `x.std(...args)` is `paddle.std(x, ...args)` (Paddle: `Tensor.std`).
   * @param axisOrOptions - The axis or axes to reduce (Paddle's `axis`; negative counts from the end; omitted/`null`: all), or the options object.
   * @param options - {@link VarOptions}: `axis`, `unbiased` (default `true`: divide by n − 1), `keepdim` (default `false`), `name`.
   * @returns A new Tensor of this tensor's shape without the reduced axes (kept as size 1 with `keepdim`), in this tensor's dtype.
   * @throws {@link errors.TypeError} when this tensor is not a float Tensor, `unbiased` or `keepdim` is not a boolean, `axis` is given both positionally and in `options`, or an option is unknown; {@link errors.ValueError} when an axis is out of range or repeated.
   */
  std(axisOrOptions?: Axis | null | VarOptions, options?: VarOptions): Tensor;
  /**
   * Method form of `paddle.var`: `x.var(...args)` is `paddle.var(x, ...args)` (Paddle: `Tensor.var`).
   * @param axisOrOptions - The axis or axes to reduce (Paddle's `axis`; negative counts from the end; omitted/`null`: all), or the options object.
   * @param options - {@link VarOptions}: `axis`, `unbiased` (default `true`: divide by n − 1), `keepdim` (default `false`), `name`.
   * @returns A new Tensor of this tensor's shape without the reduced axes (kept as size 1 with `keepdim`), in this tensor's dtype.
   * @throws {@link errors.TypeError} when this tensor is not a float Tensor, `unbiased` or `keepdim` is not a boolean, `axis` is given both positionally and in `options`, or an option is unknown; {@link errors.ValueError} when an axis is out of range or repeated.
   */
  var(axisOrOptions?: Axis | null | VarOptions, options?: VarOptions): Tensor;
  /**
   * Method form of `paddle.logsumexp`: `x.logsumexp(...args)` is `paddle.logsumexp(x, ...args)`
   * (Paddle: `Tensor.logsumexp`).
   * @param axisOrOptions - The axis or axes to reduce (Paddle's `axis`; negative counts from the end; omitted/`null`: all), or the options object.
   * @param options - {@link LogsumexpOptions}: `axis`, `keepdim` (default `false`), `name`.
   * @returns A new Tensor of this tensor's shape without the reduced axes (kept as size 1 with `keepdim`), in this tensor's dtype.
   * @throws {@link errors.TypeError} when this tensor is not a float Tensor, `keepdim` is not a boolean, `axis` is given both positionally and in `options`, or an option is unknown; {@link errors.ValueError} when an axis is out of range or repeated.
   */
  logsumexp(axisOrOptions?: Axis | null | LogsumexpOptions, options?: LogsumexpOptions): Tensor;
  /**
   * Method form of `paddle.cumsum`: `x.cumsum(...args)` is `paddle.cumsum(x, ...args)` (Paddle:
   * `Tensor.cumsum`).
   * @param axisOrOptions - The axis to scan (Paddle's `axis`; negative counts from the end; omitted/`null`: the flattened tensor), or the options object.
   * @param options - {@link CumsumOptions}: `axis`, `dtype` (the result dtype), `name`.
   * @returns A new Tensor of this tensor's shape (1-D `[x.numel]` when `axis` is omitted); in `dtype` if given, else int64 for bool input, else this tensor's dtype.
   * @throws {@link errors.TypeError} when `dtype` is not a known dtype, `axis` is given both positionally and in `options`, or an option is unknown; {@link errors.ValueError} when `axis` is out of range.
   */
  cumsum(axisOrOptions?: number | null | CumsumOptions, options?: CumsumOptions): Tensor;
  /**
   * Method form of `paddle.sort`: `x.sort(...args)` is `paddle.sort(x, ...args)` (Paddle: `Tensor.sort`).
   * @param axisOrOptions - The axis to sort along (Paddle's `axis`, default -1; negative counts from the end), or the options object.
   * @param options - {@link SortOptions}: `axis`, `descending` (default `false`), `stable` (default `false`; the sort is always stable), `name`.
   * @returns A new Tensor of this tensor's shape and dtype, sorted along `axis`.
   * @throws {@link errors.TypeError} when `descending`/`stable` is not a boolean, `axis` is given both positionally and in `options`, or an option is unknown; {@link errors.ValueError} when `axis` is out of range.
   */
  sort(axisOrOptions?: number | SortOptions, options?: SortOptions): Tensor;
  /**
   * Method form of `paddle.argsort`: `x.argsort(...args)` is `paddle.argsort(x, ...args)` (Paddle:
   * `Tensor.argsort`).
   * @param axisOrOptions - The axis to sort along (Paddle's `axis`, default -1; negative counts from the end), or the options object.
   * @param options - {@link SortOptions}: `axis`, `descending` (default `false`), `stable` (default `false`; the sort is always stable), `name`.
   * @returns A new int64 Tensor of this tensor's shape: the positions along `axis` that sort x.
   * @throws {@link errors.TypeError} when `descending`/`stable` is not a boolean, `axis` is given both positionally and in `options`, or an option is unknown; {@link errors.ValueError} when `axis` is out of range.
   */
  argsort(axisOrOptions?: number | SortOptions, options?: SortOptions): Tensor;
  /**
   * Method form of `paddle.topk`: `x.topk(...args)` is `paddle.topk(x, ...args)` (Paddle: `Tensor.topk`).
   * @param k - How many elements to keep, an integer in [1, size of `axis`] or a 1-element Tensor (Paddle's `k`).
   * @param options - {@link TopkOptions}: `axis` (default -1), `largest` (default `true`), `sorted` (default `true`; results are always sorted), `name`.
   * @returns `[values, indices]`: this tensor's shape with `axis` of size k; values in this tensor's dtype, indices int64.
   * @throws {@link errors.TypeError} when `largest`/`sorted` is not a boolean, or an option is unknown; {@link errors.ValueError} when `axis` is out of range or `k` is not in [1, size of `axis`].
   */
  topk(k: number | Tensor, options?: TopkOptions): [Tensor, Tensor];
  /**
   * Method form of `paddle.maskedSelect`: `x.maskedSelect(...args)` is `paddle.maskedSelect(x,
   * ...args)` (Paddle: `Tensor.masked_select`).
   * @param mask - A bool Tensor broadcast with x (Paddle's `mask`).
   * @returns A new 1-D Tensor of this tensor's dtype holding the selected elements in row-major order.
   * @throws {@link errors.TypeError} when `mask` is not a bool Tensor; {@link errors.ValueError} when the shapes do not broadcast.
   */
  maskedSelect(mask: Tensor): Tensor;
  /**
   * Paddle's spelling of `maskedSelect`: the same method.
   * @param mask - A bool Tensor broadcast with x (Paddle's `mask`).
   * @returns A new 1-D Tensor of this tensor's dtype holding the selected elements in row-major order.
   * @throws {@link errors.TypeError} when `mask` is not a bool Tensor; {@link errors.ValueError} when the shapes do not broadcast.
   */
  masked_select(mask: Tensor): Tensor;
  /**
   * Method form of `paddle.gatherNd`: `x.gatherNd(...args)` is `paddle.gatherNd(x, ...args)`
   * (Paddle: `Tensor.gather_nd`).
   * @param index - An int32/int64 Tensor `[..., k]` with k ≤ x.ndim; negative indices count from the end (Paddle's `index`).
   * @returns A new Tensor of this tensor's dtype, shape `index.shape[:-1] + x.shape[k:]`.
   * @throws {@link errors.TypeError} when `index` is not an int32/int64 Tensor; {@link errors.ValueError} when `index` is 0-D or its last dimension exceeds x.ndim; {@link errors.IndexError} when an index is out of range.
   */
  gatherNd(index: Tensor): Tensor;
  /**
   * Paddle's spelling of `gatherNd`: the same method.
   * @param index - An int32/int64 Tensor `[..., k]` with k ≤ x.ndim; negative indices count from the end (Paddle's `index`).
   * @returns A new Tensor of this tensor's dtype, shape `index.shape[:-1] + x.shape[k:]`.
   * @throws {@link errors.TypeError} when `index` is not an int32/int64 Tensor; {@link errors.ValueError} when `index` is 0-D or its last dimension exceeds x.ndim; {@link errors.IndexError} when an index is out of range.
   */
  gather_nd(index: Tensor): Tensor;
  /**
   * Method form of `paddle.scatter`: `x.scatter(...args)` is `paddle.scatter(x, ...args)` (Paddle:
   * `Tensor.scatter`).
   * @param index - A 0-D or 1-D int32/int64 Tensor of row ids in [0, x.shape[0]) (Paddle's `index`).
   * @param updates - The new rows, of this tensor's dtype and shape `[index.numel, ...x.shape[1:]]` (Paddle's `updates`).
   * @param options - {@link ScatterOptions}: `overwrite` (default `true`; `false`: the indexed rows are zeroed, then every update is added), `name`.
   * @returns A new Tensor of this tensor's shape and dtype.
   * @throws {@link errors.TypeError} when `index` or `updates` is not a Tensor, `index` is not int32/int64, `updates` has another dtype, or an option is wrong or unknown; {@link errors.ValueError} when this tensor is 0-D, `index` has more than 1 dimension or `updates` has the wrong shape; {@link errors.IndexError} when an index is out of range.
   */
  scatter(index: Tensor, updates: Tensor, options?: ScatterOptions): Tensor;
  /**
   * Method form of `paddle.bmm`: `x.bmm(...args)` is `paddle.bmm(x, ...args)` (Paddle: `Tensor.bmm`).
   * @param y - A 3-D Tensor `[B, K, N]` (Paddle's `y`).
   * @returns A new Tensor `[B, M, N]` (matmul's dtype).
   * @throws {@link errors.TypeError} when `y` is not a Tensor; {@link errors.ValueError} when an operand is not 3-D or the batch or inner sizes differ.
   */
  bmm(y: Tensor): Tensor;
  /**
   * Method form of `paddle.dot`: `x.dot(...args)` is `paddle.dot(x, ...args)` (Paddle: `Tensor.dot`).
   * @param y - A Tensor of this tensor's shape (Paddle's `y`).
   * @returns A new 0-D Tensor for 1-D operands, `[N]` for 2-D `[N, K]` operands.
   * @throws {@link errors.TypeError} when `y` is not a Tensor; {@link errors.ValueError} when the operands are not 1-D/2-D or their shapes differ.
   */
  dot(y: Tensor): Tensor;
  /**
   * Method form of `paddle.outer`: `x.outer(...args)` is `paddle.outer(x, ...args)` (Paddle:
   * `Tensor.outer`).
   * @param y - A Tensor, flattened (Paddle's `y`).
   * @returns A new Tensor `[x.numel, y.numel]` (matmul's dtype).
   * @throws {@link errors.TypeError} when `y` is not a Tensor, or this tensor or `y` is bool.
   */
  outer(y: Tensor): Tensor;
  /**
   * Paddle's `x[index]` (src/ops/getitem.ts): `x.get('1:3, :, 0')`, `x.get(mask)`, `x.get([idx, ':'])`.
   * @param index - The subscript: a string in Python's syntax (`'1:3, :, 0'`), or an array of items (ints, slice strings, `null`, int/bool Tensors, nested lists); see {@link Index}.
   * @returns A new Tensor (a copy) of this tensor's dtype with NumPy's result shape.
   * @throws {@link errors.IndexError} when an index is out of bounds, there are too many indices or more than one `...`, or an item is not a valid index; {@link errors.ValueError} when a string item cannot be parsed or a slice step is 0.
   */
  get(index: Index): Tensor;
  /**
   * Paddle's `x[index] = value`, in place; returns x.
   * @param index - The subscript: a string in Python's syntax (`'1:3, :, 0'`), or an array of items (ints, slice strings, `null`, int/bool Tensors, nested lists); see {@link Index}.
   * @param value - A number, boolean, nested array or Tensor, cast to this tensor's dtype and broadcast to the indexed shape.
   * @returns `x` (this tensor) itself, after the write.
   * @throws {@link errors.IndexError} when an index is out of bounds, there are too many indices or more than one `...`, or an item is not a valid index; {@link errors.ValueError} when a string item cannot be parsed or a slice step is 0, `value` does not broadcast to the indexed shape, or this tensor is a leaf that needs a gradient; {@link errors.NotImplementedError} when this tensor is another op's output in a graph that records gradients.
   */
  set(index: Index, value: number | boolean | NestedArray | Tensor): Tensor;
  /**
   * `paddle.linalg.norm(x, p, axis, keepdim)` as a method (Paddle's `Tensor.norm`).
   * @param pOrOptions - The order (Paddle's `p`): 'fro' (default), 'nuc' or a number (±Infinity and 0 included), or the options object.
   * @param options - {@link NormOptions}: `p`, `axis` (null, one axis or two axes), `keepdim` (default `false`), `name`.
   * @returns A new Tensor of this tensor's dtype: this tensor's shape without the reduced axes (kept as size 1 with `keepdim`).
   * @throws {@link errors.TypeError} when this tensor is not a float Tensor, `p` is neither a string nor a number, `keepdim` is not a boolean, `p` is given both positionally and in `options`, or an option is unknown; {@link errors.ValueError} when `p` is an unknown string or not valid for the axes, or `axis` is not null, one or two in-range axes.
   */
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

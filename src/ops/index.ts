/**
 * The differentiable ops (DESIGN.md §2: `ops → tensor`). Importing this module also installs the
 * method forms on Tensor (src/ops/methods.ts).
 */
import './methods.js';

export { add, subtract, multiply, divide, pow, maximum, minimum } from './binary.js';
export { neg, abs, sqrt, square, exp, log, sign, clip, scale } from './unary.js';
export type { ClipOptions, ScaleOptions } from './unary.js';
export { matmul } from './matmul.js';
export type { MatmulOptions } from './matmul.js';
export { sum, mean, reduce_mean, max, min, argmax, argmin } from './reduce.js';
export type { Axis, ReduceOptions, SumOptions, ArgOptions } from './reduce.js';
export { reshape, flatten, squeeze, unsqueeze, transpose, concat, stack } from './manipulation.js';
export type { FlattenOptions, SqueezeOptions, AxisOptions } from './manipulation.js';
export { gather, indexSelect, index_select, where } from './indexing.js';
export type { GatherOptions, IndexSelectOptions } from './indexing.js';
export { equal } from './compare.js';
export { cast, detach } from './cast.js';
export { assign, addN, add_n, tolist } from './assign.js';
export type { AssignOptions } from './assign.js';
export { tanh, sigmoid, relu, rsqrt, sin, cos, floor, round, isnan, isinf, isfinite } from './elementwise.js';
export type { NameOptions, RoundOptions } from './elementwise.js';
export {
  greaterThan,
  greater_than,
  greaterEqual,
  greater_equal,
  lessThan,
  less_than,
  lessEqual,
  less_equal,
  notEqual,
  not_equal,
  logicalAnd,
  logical_and,
  logicalOr,
  logical_or,
  logicalXor,
  logical_xor,
  logicalNot,
  logical_not,
  any,
  all,
  isclose,
  allclose,
} from './logic.js';
export type { AnyAllOptions, IsCloseOptions } from './logic.js';
export { slice, split, chunk, expand, broadcastTo, broadcast_to, tile, flip, t } from './slicing.js';
export type { SplitOptions } from './slicing.js';
export { prod, std, variance, var, logsumexp, cumsum } from './statistics.js';
export type { ProdOptions, VarOptions, LogsumexpOptions, CumsumOptions } from './statistics.js';
export { sort, argsort, topk, maskedSelect, masked_select, gatherNd, gather_nd, scatter } from './search.js';
export type { SortOptions, TopkOptions, ScatterOptions } from './search.js';
export { bmm, dot, outer } from './linalg.js';
export type { TensorLike } from './helpers.js';
export { TENSOR_METHOD_NAMES } from './methods.js';
export type { TensorOpMethods } from './methods.js';
export { getitem, setitem } from './getitem.js';
export type { Index, IndexItem, SliceItem } from './getitem.js';
export { einsum } from './einsum.js';
export { norm } from './norm.js';
export type { NormOptions, NormP } from './norm.js';
export * as linalg from './linalg-namespace.js';

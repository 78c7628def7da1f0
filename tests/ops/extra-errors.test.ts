/**
 * The error table of the ops added for issue 12: error class and message (Paddle's wording where
 * Paddle has one), for bad dtypes, shapes, axes, options and indices.
 */
import { describe, expect, it } from 'vitest';
import { IndexError, TypeError as PaddleTypeError, ValueError } from '../../src/errors.js';
import * as ops from '../../src/ops/index.js';
import { toTensor } from '../../src/tensor/creation.js';
import type { Tensor } from '../../src/tensor/tensor.js';
import { expectError } from '../helpers/errors.js';

const x = toTensor([[1, 2, 3], [4, 5, 6]], { dtype: 'float32', stopGradient: false });
const i64 = (v: number[] | number[][]): Tensor => toTensor(v, { dtype: 'int64' });
const bad = <T>(v: unknown): T => v as T;

type Row = [string, () => unknown, new (...args: never[]) => Error, RegExp];

const table: Row[] = [
  ['tanh of integers', () => ops.tanh(i64([1])), PaddleTypeError, /^tanh: the argument 'x' must have dtype float32 or float64, but its dtype is int64\.$/],
  ['relu of a non-tensor', () => ops.relu(bad(3)), PaddleTypeError, /^relu: the argument 'x' must be a Tensor, but received 3\.$/],
  ['sin unknown option', () => ops.sin(x, bad({ axis: 1 })), PaddleTypeError, /^sin got an unexpected option 'axis'\. Valid options: 'name'\.$/],
  ['comparison broadcast', () => ops.greater_than(x, toTensor([1, 2], { dtype: 'float32' })), ValueError, /^greater_than: the shape of 'x' \[2, 3\] and the shape of 'y' \[2\] cannot be broadcast together/],
  ['comparison of two numbers', () => ops.lessThan(bad(1), bad(2)), PaddleTypeError, /less_than: at least one of 'x' and 'y' must be a Tensor/],
  ['logical of a number', () => ops.logical_and(x, bad(1)), PaddleTypeError, /^logical_and: the argument 'y' must be a Tensor, but received 1\.$/],
  ['any axis', () => ops.any(x, { axis: 2 }), ValueError, /^any: the 'axis' must be an integer \(or a list of integers\) in \[-2, 2\) for a 2-D tensor, but received 2\.$/],
  ['all keepdim', () => ops.all(x, { keepdim: bad('yes') }), PaddleTypeError, /^all: the 'keepdim' must be a boolean, but received "yes"\.$/],
  ['allclose of integers', () => ops.allclose(i64([1]), i64([1])), PaddleTypeError, /^allclose: the argument 'x' must have dtype float32 or float64, but its dtype is int64\.$/],
  ['isclose rtol type', () => ops.isclose(x, x, { rtol: bad('1') }), PaddleTypeError, /^isclose: the 'rtol' must be a number, but received "1"\.$/],
  ['isclose snake_case option', () => ops.isclose(x, x, bad({ equal_nan: true })), PaddleTypeError, /'equal_nan'\. Did you mean 'equalNan' \(Paddle's 'equal_nan'\)\?/],
  ['slice lengths', () => ops.slice(x, [0, 1], [0], [1, 2]), ValueError, /^slice: the length of 'starts' \(1\) and 'ends' \(2\) must equal the length of 'axes' \(2\)\.$/],
  ['slice axis', () => ops.slice(x, [2], [0], [1]), ValueError, /^slice: the 'axes' must be an integer in \[-2, 2\) for a 2-D tensor, but received 2\.$/],
  ['slice non-integer', () => ops.slice(x, [0], [0.5], [1]), PaddleTypeError, /^slice: the 'starts' must be an array of integers, but starts\[0\] is 0\.5\.$/],
  ['split not divisible', () => ops.split(x, 2, { axis: 1 }), ValueError, /^The input's size along the split dimension must be evenly divisible by Attr\(num_or_sections\)\. But received Attr\(num_or_sections\) = 2, input\(X\)'s shape = \[2, 3\], Attr\(dim\) = 1\.$/],
  ['split two -1', () => ops.split(x, [-1, -1, 1], { axis: 1 }), ValueError, /^Only one value of 'num_or_section' in split can be -1\. But received num_or_section\[1\] is also -1\.$/],
  ['split sum', () => ops.split(x, [1, 1], { axis: 1 }), ValueError, /^The sum of Attr\(num_or_sections\) must be equal to the size of the input along the split dimension \(3/],
  ['chunk not an integer', () => ops.chunk(x, bad('2')), PaddleTypeError, /^chunk: the 'chunks' must be an integer, but received "2"\.$/],
  ['expand mismatch', () => ops.expand(x, [2, 4]), ValueError, /^The value \(3\) of the non-singleton dimension does not match the corresponding value \(4\) in shape for expand op/],
  ['broadcast_to rank', () => ops.broadcast_to(x, [3]), ValueError, /^broadcast_to: the number of elements \(1\) of 'shape' must be greater than or equal to the rank \(2\)/],
  ['tile zero', () => ops.tile(x, [1, 0]), ValueError, /^tile: all elements of 'repeat_times' must be positive, but repeat_times\[1\] is 0\.$/],
  ['flip axis', () => ops.flip(x, 3), ValueError, /^flip: the 'axis' must be an integer.*received 3\.$/],
  ['t of 3-D', () => ops.t(toTensor([[[1]]])), ValueError, /^Input\(input\) only support N-D \(N<=2\) tensor, but received length of Input\(input\) is 3\. Perhaps you can use paddle\.tensor\.transpose\(\) instead\.$/],
  ['var of integers', () => ops.var(i64([1, 2])), PaddleTypeError, /^var: the argument 'x' must have dtype float32 or float64, but its dtype is int64\.$/],
  ['std unbiased type', () => ops.std(x, { unbiased: bad(1) }), PaddleTypeError, /^std: the 'unbiased' must be a boolean, but received 1\.$/],
  ['prod axis repeated', () => ops.prod(x, { axis: [0, -2] }), ValueError, /^prod: the 'axis' lists axis -2 more than once \(\[0, -2\]\)\.$/],
  ['logsumexp option', () => ops.logsumexp(x, bad({ keep_dim: true })), PaddleTypeError, /^logsumexp got an unexpected option 'keep_dim'/],
  ['cumsum axis', () => ops.cumsum(x, { axis: -3 }), ValueError, /^cumsum: the 'axis' must be an integer in \[-2, 2\) for a 2-D tensor, but received -3\.$/],
  ['topk k too large', () => ops.topk(x, 4), ValueError, /^topk: the 'k' must be an integer in \[1, 3\] \(the size of axis 1 of x of shape \[2, 3\]\), but received 4\.$/],
  ['sort descending type', () => ops.sort(x, { descending: bad('no') }), PaddleTypeError, /^sort: the 'descending' must be a boolean, but received "no"\.$/],
  ['masked_select mask dtype', () => ops.masked_select(x, i64([1, 0, 1])), PaddleTypeError, /^masked_select: the 'mask' must be a bool Tensor, but its dtype is int64\.$/],
  ['masked_select broadcast', () => ops.masked_select(x, toTensor([true, false])), ValueError, /^masked_select \('x', 'mask'\): the shapes \[2, 3\] and \[2\] cannot be broadcast together/],
  ['gather_nd index dtype', () => ops.gather_nd(x, toTensor([[0]], { dtype: 'float32' })), PaddleTypeError, /^gather_nd: the 'index' must have dtype int32 or int64, but its dtype is float32\.$/],
  ['gather_nd index too long', () => ops.gather_nd(x, i64([[0, 0, 0]])), ValueError, /^gather_nd: the last dimension of 'index' \(3\) must not exceed the rank of x \(2, shape \[2, 3\]\)\.$/],
  ['gather_nd out of range', () => ops.gather_nd(x, i64([[0, 3]])), IndexError, /^gather_nd: index\[0\]\[1\] = 3 is out of range \[-3, 3\) for axis 1/],
  ['scatter out of range', () => ops.scatter(x, i64([2]), toTensor([[1, 2, 3]], { dtype: 'float32' })), IndexError, /^The index is out of bounds, please check whether the dimensions of index and input meet the requirements\. It should be less than \[2\] and greater than or equal to 0, but received \[2\]/],
  ['scatter updates shape', () => ops.scatter(x, i64([1]), toTensor([[1, 2]], { dtype: 'float32' })), ValueError, /^scatter: the 'updates' .* must have shape \[1, 3\], but its shape is \[1, 2\]\.$/],
  ['scatter updates dtype', () => ops.scatter(x, i64([1]), toTensor([[1, 2, 3]], { dtype: 'float64' })), PaddleTypeError, /^scatter: the 'updates' must have the dtype of x \(float32\), but its dtype is float64\.$/],
  ['bmm rank', () => ops.bmm(x, x), ValueError, /^x and y should be 3-dimensional\. But received x's dimension: \[2, 3\], y's dimension: \[2, 3\]$/],
  ['bmm width', () => ops.bmm(toTensor([[[1, 2]]]), toTensor([[[1, 2]]])), ValueError, /^x's width must be equal with y's height\. But received x's shape: \[1, 1, 2\], y's shape: \[1, 1, 2\]$/],
  ['bmm batch', () => ops.bmm(toTensor([[[1]], [[2]]]), toTensor([[[1]]])), ValueError, /^x's batch \(shape\[0\]\) must be equal with y's batch \(shape\[0\]\)\. But received x's shape: \[2, 1, 1\], y's shape: \[1, 1, 1\]$/],
  ['dot shapes', () => ops.dot(x, toTensor([1, 2, 3], { dtype: 'float32' })), ValueError, /^dot: 'x' and 'y' must be 1-D or 2-D tensors of the same shape, but received x of shape \[2, 3\] and y of shape \[3\]\.$/],
];

describe('error table (issue 12 ops)', () => {
  for (const [name, f, kind, message] of table) {
    it(name, () => {
      expectError(f, kind, message, name);
    });
  }
  it('a failed call records nothing: x has no gradient graph hanging off it', () => {
    expect(() => ops.split(x, 2, { axis: 1 })).toThrow();
    expect(x.grad).toBeNull();
  });
});

/**
 * The error table: every bad argument gets the right error class and a message naming the argument
 * and the value received, and is raised before anything is computed or recorded.
 */
import { describe, expect, it } from 'vitest';
import { IndexError, TypeError as PaddleTypeError, ValueError } from '../../src/errors.js';
import * as ops from '../../src/ops/index.js';
import { toTensor } from '../../src/tensor/creation.js';
import type { Tensor } from '../../src/tensor/tensor.js';
import { expectError } from '../helpers/errors.js';

const x = toTensor([[1, 2, 3], [4, 5, 6]], { dtype: 'float32', stopGradient: false });
const i64 = toTensor([1, 2], { dtype: 'int64' });
const bad = <T>(v: unknown): T => v as T;

type Row = [string, () => unknown, new (...args: never[]) => Error, RegExp];

const table: Row[] = [
  ['broadcast mismatch', () => ops.add(x, toTensor([1, 2, 3, 4], { dtype: 'float32' })), ValueError, /add: the shape of 'x' \[2, 3\] and the shape of 'y' \[4\] cannot be broadcast/],
  ['broadcast mismatch (method)', () => x.multiply(toTensor([[1], [2], [3]], { dtype: 'float32' })), ValueError, /multiply.*\[2, 3\].*\[3, 1\]/],
  ['non-tensor operand', () => ops.add(bad('a'), x), PaddleTypeError, /add: the argument 'x' must be a Tensor or a number, but received "a"/],
  ['two numbers', () => ops.subtract(1, 2), PaddleTypeError, /at least one of 'x' and 'y' must be a Tensor/],
  ['pow base not a tensor', () => ops.pow(bad(2), x), PaddleTypeError, /pow: the argument 'x' must be a Tensor/],
  ['axis out of range', () => ops.sum(x, { axis: 2 }), ValueError, /sum: the 'axis' must be an integer.*\[-2, 2\).*received 2/],
  ['axis repeated', () => ops.mean(x, { axis: [1, -1] }), ValueError, /mean: the 'axis' lists axis -1 more than once/],
  ['axis not an integer', () => ops.max(x, { axis: 0.5 }), ValueError, /max: the 'axis'.*received 0.5/],
  ['keepdim not boolean', () => ops.sum(x, { keepdim: bad(1) }), PaddleTypeError, /'keepdim' must be a boolean, but received 1/],
  ['unknown option (snake_case)', () => ops.sum(x, bad({ keep_dim: true })), PaddleTypeError, /sum got an unexpected option 'keep_dim'/],
  ['mean of integers', () => ops.mean(i64), PaddleTypeError, /mean: the argument 'x' must have dtype float32 or float64, but its dtype is int64/],
  ['max of empty', () => ops.max(toTensor([], { dtype: 'float32' })), ValueError, /zero elements/],
  ['argmax dtype', () => ops.argmax(x, { dtype: 'float32' }), PaddleTypeError, /argmax: the 'dtype' must be int32 or int64, but received "float32"/],
  ['argmax axis', () => ops.argmax(x, { axis: -3 }), ValueError, /argmax: the 'axis'.*received -3/],
  ['reshape size', () => ops.reshape(x, [4, 4]), ValueError, /reshape: the shape \[4, 4\] holds 16 elements, but x of shape \[2, 3\] has 6/],
  ['reshape two -1', () => ops.reshape(x, [-1, -1]), ValueError, /only one dimension of 'shape' can be -1/],
  ['reshape -1 impossible', () => ops.reshape(x, [4, -1]), ValueError, /cannot infer the -1 dimension of \[4, -1\]/],
  ['reshape negative', () => ops.reshape(x, [-2, 3]), ValueError, /shape\[0\] must be positive, 0 or -1, but received -2/],
  ['reshape 0 past ndim', () => ops.reshape(x, [6, 1, 0]), ValueError, /shape\[2\] is 0/],
  ['reshape non-integer', () => ops.reshape(x, [2.5, 2]), PaddleTypeError, /shape\[0\] is 2.5/],
  ['flatten axes order', () => ops.flatten(x, { startAxis: 1, stopAxis: 0 }), ValueError, /flatten: the 'stopAxis' \(0\) must not come before the 'startAxis' \(1\)/],
  ['unsqueeze axis', () => ops.unsqueeze(x, 4), ValueError, /unsqueeze: the 'axis' 4 is out of range \[-3, 3\)/],
  ['squeeze axis', () => ops.squeeze(x, { axis: 5 }), ValueError, /squeeze: the 'axis'.*received 5/],
  ['transpose length', () => ops.transpose(x, [0]), ValueError, /transpose: the 'perm' must have one entry per dimension of x \(2 for shape \[2, 3\]\), but received \[0\]/],
  ['transpose duplicate', () => ops.transpose(x, [1, 1]), ValueError, /permutation.*\[1, 1\]/],
  ['concat shapes', () => ops.concat([x, toTensor([[1, 2]], { dtype: 'float32' })]), ValueError, /concat: x\[1\] of shape \[1, 2\] does not match x\[0\] of shape \[2, 3\] outside axis 0/],
  ['concat dtypes', () => ops.concat([x, i64]), PaddleTypeError, /same dtype.*float32.*int64/],
  ['concat empty', () => ops.concat([]), PaddleTypeError, /non-empty array of Tensors/],
  ['concat axis', () => ops.concat([x, x], { axis: 2 }), ValueError, /concat: the 'axis'.*received 2/],
  ['stack shapes', () => ops.stack([x, toTensor([1], { dtype: 'float32' })]), ValueError, /stack: all inputs must have the same shape, but x\[1\] has shape \[1\]/],
  ['gather out of range', () => ops.gather(x, [0, 2]), IndexError, /gather: index\[1\] = 2 is out of range \[0, 2\)/],
  ['gather negative', () => ops.gather(x, toTensor([-1], { dtype: 'int64' })), IndexError, /index\[0\] = -1/],
  ['gather float index', () => ops.gather(x, toTensor([0.5], { dtype: 'float32' })), PaddleTypeError, /'index' must have dtype int32 or int64, but its dtype is float32/],
  ['gather 2-D index', () => ops.gather(x, toTensor([[0]], { dtype: 'int64' })), ValueError, /'index' must be 0-D or 1-D/],
  ['index_select 0-D index', () => ops.indexSelect(x, toTensor(0, { dtype: 'int64' })), ValueError, /index_select: the 'index' must be 1-D/],
  ['where condition dtype', () => ops.where(toTensor([1, 0], { dtype: 'int64' }), x, x), PaddleTypeError, /where: the 'condition' must be a bool Tensor, but its dtype is int64/],
  ['where broadcast', () => ops.where(toTensor([true, false]), x, 0), ValueError, /where.*\[2\].*\[2, 3\]/],
  ['clip bounds', () => ops.clip(x, { min: 2, max: 1 }), ValueError, /clip: 'max' should be greater than or equal to 'min', but received min = 2, max = 1/],
  ['clip bound type', () => ops.clip(x, { min: bad('0') }), PaddleTypeError, /clip: the 'min' must be a number, but received "0"/],
  ['scale type', () => ops.scale(x, { scale: bad('2') }), PaddleTypeError, /scale: the 'scale' must be a number or a 1-element Tensor, but received "2"/],
  ['scale snake_case option', () => ops.scale(x, bad({ bias_after_scale: false })), PaddleTypeError, /'bias_after_scale'.*Did you mean 'biasAfterScale'/],
  ['cast dtype', () => ops.cast(x, 'float16'), PaddleTypeError, /'dtype' must be one of .*received "float16"/],
  ['sqrt of a non-tensor', () => ops.sqrt(bad([4])), PaddleTypeError, /sqrt: the argument 'x' must be a Tensor, but received an array of length 1/],
];

describe('errors', () => {
  it.each(table)('%s', (_name, fn, cls, msg) => {
    expectError(fn, cls, msg);
  });

  it('a failing op leaves its inputs untouched and records nothing', () => {
    const p = toTensor([1, 2, 3], { dtype: 'float32', stopGradient: false });
    const before = Array.from(p.data);
    expect(() => ops.add(p, toTensor([1, 2], { dtype: 'float32' }))).toThrow(ValueError);
    expect(() => ops.gather(p, [3])).toThrow(IndexError);
    expect(Array.from(p.data)).toEqual(before);
    expect(p.grad).toBeNull();
    ops.sum(p).backward();
    expect((p.grad as Tensor).tolist()).toEqual([1, 1, 1]);
  });
});

/**
 * Conventions of the issue 12 ops that the NumPy fixtures do not show: dtype rules, Paddle's
 * aliases and method forms, `t`/`T`, ties and NaN in sorting, empty and 0-D inputs.
 */
import { describe, expect, it } from 'vitest';
import { TypeError as PaddleTypeError } from '../../src/errors.js';
import * as ops from '../../src/ops/index.js';
import { TENSOR_METHOD_NAMES } from '../../src/ops/index.js';
import * as paddle from '../../src/index.js';
import { toTensor } from '../../src/tensor/creation.js';
import { Tensor } from '../../src/tensor/tensor.js';

const f32 = (v: unknown): Tensor => toTensor(v as number[], { dtype: 'float32' });
const i64 = (v: unknown): Tensor => toTensor(v as number[], { dtype: 'int64' });

describe('dtype rules', () => {
  it('rsqrt/sin/cos of integers give the default float dtype; floor/round keep integers', () => {
    expect(ops.rsqrt(i64([4])).dtype).toBe('float32');
    expect(ops.sin(i64([0])).tolist()).toEqual([0]);
    expect(ops.floor(i64([3, -2])).dtype).toBe('int64');
    expect(ops.round(f32([2.5, -2.5, -0.4])).tolist()).toEqual([3, -3, -0]);
    expect(() => ops.round(f32([1]), { decimals: 0.5 })).toThrow(PaddleTypeError);
  });
  it('comparisons and predicates give bool; a number operand takes the tensor dtype', () => {
    const c = ops.greater_equal(f32([0.1, 0.2]), 0.1);
    expect(c.dtype).toBe('bool');
    expect(c.tolist()).toEqual([true, true]); // 0.1 is rounded to float32 like x[0]
    expect(ops.not_equal(f32([NaN]), f32([NaN])).tolist()).toEqual([true]);
    expect(ops.logical_and(f32([0, 2, NaN]), i64([1, 1, 1])).tolist()).toEqual([false, true, true]);
    expect(ops.any(toTensor([], { dtype: 'bool' })).tolist()).toBe(false);
    expect(ops.all(toTensor([], { dtype: 'bool' })).tolist()).toBe(true);
    expect(ops.allclose(f32([1, 2]), toTensor([1, 2], { dtype: 'float64' })).shape).toEqual([]);
  });
  it('prod and cumsum of int32/bool give int64 (Paddle); no graph for integer results', () => {
    const x = toTensor([1, 2, 3], { dtype: 'int32' });
    expect(ops.prod(x).dtype).toBe('int64');
    expect(ops.prod(x).item()).toBe(6);
    expect(ops.cumsum(toTensor([true, false, true])).tolist()).toEqual([1, 1, 2]);
    expect(ops.prod(f32([1, 2]), { dtype: 'float64' }).dtype).toBe('float64');
  });
  it('argsort/topk indices are int64 with no gradient', () => {
    const x = toTensor([3, 1, 2], { dtype: 'float64', stopGradient: false });
    const [v, i] = ops.topk(x, 2);
    expect(i.dtype).toBe('int64');
    expect(i.stopGradient).toBe(true);
    expect(v.stopGradient).toBe(false);
  });
});

describe('sorting: ties and NaN', () => {
  it('ties keep input order; NaN last ascending, first descending', () => {
    const x = f32([2, NaN, 1, 2, 1]);
    expect(ops.argsort(x).tolist()).toEqual([2, 4, 0, 3, 1]);
    expect(ops.argsort(x, { descending: true }).tolist()).toEqual([1, 0, 3, 2, 4]);
    expect(ops.topk(f32([5, 7, 7, 1]), 2)[1].tolist()).toEqual([1, 2]);
  });
  it('0-D and empty inputs', () => {
    expect(ops.sort(toTensor(3.5)).item()).toBe(3.5);
    expect(ops.cumsum(toTensor([], { dtype: 'float32' })).shape).toEqual([0]);
    expect(ops.slice(f32([1, 2, 3]), [0], [2], [1]).shape).toEqual([0]);
    expect(ops.masked_select(f32([1, 2]), toTensor([false, false])).shape).toEqual([0]);
  });
});

describe('names, aliases, method forms', () => {
  it('snake_case spellings are the same functions', () => {
    expect(ops.greater_than).toBe(ops.greaterThan);
    expect(ops.logical_not).toBe(ops.logicalNot);
    expect(ops.broadcast_to).toBe(ops.broadcastTo);
    expect(ops.masked_select).toBe(ops.maskedSelect);
    expect(ops.gather_nd).toBe(ops.gatherNd);
    expect(ops.var).toBe(ops.variance);
    expect(paddle.nn.functional.leaky_relu).toBe(paddle.nn.functional.leakyRelu);
    expect(paddle.nn.functional.one_hot).toBe(paddle.nn.functional.oneHot);
    // paddle.tanh and paddle.nn.functional.tanh are one implementation
    expect(paddle.nn.functional.tanh).toBe(paddle.tanh);
    expect(Tensor.prototype.greater_than).toBe(Tensor.prototype.greaterThan);
    expect(Tensor.prototype.masked_select).toBe(Tensor.prototype.maskedSelect);
    for (const name of ['tanh', 'slice', 'topk', 'var', 'logical_or', 'gather_nd', 'outer']) expect(TENSOR_METHOD_NAMES).toContain(name);
  });
  it('t returns a 0-D/1-D input itself; T reverses all axes and is a non-enumerable getter', () => {
    const v = f32([1, 2]);
    expect(ops.t(v)).toBe(v);
    const x = f32([[[1, 2, 3]], [[4, 5, 6]]]);
    expect(x.T.shape).toEqual([3, 1, 2]);
    expect(x.T.tolist()).toEqual([[[1, 4]], [[2, 5]], [[3, 6]]]);
    const desc = Object.getOwnPropertyDescriptor(Tensor.prototype, 'T');
    expect(desc?.get).toBeTypeOf('function');
    expect(desc?.enumerable).toBe(false);
  });
  it('methods chain like the functions', () => {
    const x = f32([[1, -2], [3, 4]]);
    expect(x.abs().square().sqrt().tolist()).toEqual([[1, 2], [3, 4]]);
    expect(x.greater_than(0).logical_not().tolist()).toEqual([[false, true], [false, false]]);
    expect(x.flip(1).tile([1, 2]).tolist()).toEqual([[-2, 1, -2, 1], [4, 3, 4, 3]]);
    expect(x.split(2, { axis: 1 }).map((p) => p.tolist())).toEqual([[[1], [3]], [[-2], [4]]]);
    expect(x.cumsum({ axis: 0 }).prod().item()).toBe(1 * -2 * 4 * 2);
  });
});

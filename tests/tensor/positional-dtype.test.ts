/**
 * Paddle code passes `dtype` positionally to the creation functions (`paddle.zeros([2, 3],
 * 'int64')`, `paddle.randint(0, 10, [64, 1], 'int64')`, `paddle.to_tensor([1, 2], 'float64')`): a
 * dtype string in the options' place means `{ dtype }`, with the same result as the object form,
 * and an unknown dtype string is Paddle's TypeError.
 */
import { describe, expect, it } from 'vitest';
import * as paddle from '../../src/index.js';

describe('creation functions take the dtype positionally, as Paddle code writes it', () => {
  const same = (a: paddle.Tensor, b: paddle.Tensor): void => {
    expect(a.dtype).toBe(b.dtype);
    expect(a.shape).toEqual(b.shape);
    expect(Array.from(a.data as ArrayLike<number>)).toEqual(Array.from(b.data as ArrayLike<number>));
  };

  it('deterministic ones: toTensor, full, zeros, ones, *Like, arange, linspace, eye', () => {
    same(paddle.toTensor([1, 2], 'float64'), paddle.toTensor([1, 2], { dtype: 'float64' }));
    same(paddle.full([2], 3, 'int32'), paddle.full([2], 3, { dtype: 'int32' }));
    same(paddle.zeros([2, 3], 'int64'), paddle.zeros([2, 3], { dtype: 'int64' }));
    same(paddle.ones([2], 'float64'), paddle.ones([2], { dtype: 'float64' }));
    const x = paddle.toTensor([1.5, 2.5]);
    same(paddle.fullLike(x, 7, 'int32'), paddle.fullLike(x, 7, { dtype: 'int32' }));
    same(paddle.zerosLike(x, 'float64'), paddle.zerosLike(x, { dtype: 'float64' }));
    same(paddle.onesLike(x, 'int64'), paddle.onesLike(x, { dtype: 'int64' }));
    same(paddle.arange(0, 10, 2, 'float32'), paddle.arange(0, 10, 2, { dtype: 'float32' }));
    same(paddle.arange(5, 'float64'), paddle.arange(5, { dtype: 'float64' }));
    same(paddle.arange(1, 5, 'int32'), paddle.arange(1, 5, { dtype: 'int32' }));
    same(paddle.linspace(0, 1, 5, 'float64'), paddle.linspace(0, 1, 5, { dtype: 'float64' }));
    same(paddle.eye(3, 2, 'int32'), paddle.eye(3, 2, { dtype: 'int32' }));
    same(paddle.eye(2, 'float64'), paddle.eye(2, { dtype: 'float64' }));
    expect(paddle.zeros([2], 'int64').dtype).toBe('int64');
  });

  it('arange: the dtype string after start, end or step, or after a null end; it comes last', () => {
    const got = (t: paddle.Tensor): [string, readonly number[], number[]] => [t.dtype, t.shape, Array.from(t.data as ArrayLike<number>)];
    expect(got(paddle.arange(0, 5, 'float32'))).toEqual(['float32', [5], [0, 1, 2, 3, 4]]);
    expect(got(paddle.arange(5, 'float32'))).toEqual(['float32', [5], [0, 1, 2, 3, 4]]);
    expect(got(paddle.arange(0, 10, 2, 'float32'))).toEqual(['float32', [5], [0, 2, 4, 6, 8]]);
    expect(got(paddle.arange(5, null, 'float64'))).toEqual(['float64', [5], [0, 1, 2, 3, 4]]);
    same(paddle.arange(0, 5, 'float32'), paddle.arange(0, 5, { dtype: 'float32' }));
    same(paddle.arange(5, 'float32'), paddle.arange(5, { dtype: 'float32' }));
    const last = 'arange: the options object must come last.';
    expect(() => paddle.arange(5, 'float32', 2)).toThrow(last);
    expect(() => paddle.arange(5, 'float32', undefined, 'int64')).toThrow(last);
    expect(() => paddle.arange(0, 5, 'float32', 'int64')).toThrow(last);
    expect(() => paddle.arange(0, 5, { dtype: 'float32' }, { dtype: 'int64' })).toThrow(last);
    expect(() => paddle.arange(0, 5, 'float32', 'int64')).toThrow(paddle.errors.TypeError);
    expect(() => paddle.arange(5, 'float17')).toThrow(paddle.errors.TypeError);
    expect(() => paddle.arange(0, 5, 'bool')).toThrow("arange: the 'dtype' must be int32, int64, float32 or float64, but received bool.");
    expect(() => paddle.arange(0, 5, 1, 'name')).toThrow(paddle.errors.TypeError);
  });

  it('random ones draw the same numbers as the object form', () => {
    paddle.seed(4);
    const a = paddle.randint(0, 10, [64, 1], 'int64');
    const r = paddle.rand([3], 'float64');
    const n = paddle.randn([3], 'float64');
    paddle.seed(4);
    same(a, paddle.randint(0, 10, [64, 1], { dtype: 'int64' }));
    same(r, paddle.rand([3], { dtype: 'float64' }));
    same(n, paddle.randn([3], { dtype: 'float64' }));
    expect(paddle.randint(0, 3, [2], 'int32').dtype).toBe('int32');
  });

  it('an unknown or wrong dtype string is a TypeError', () => {
    expect(() => paddle.zeros([2], 'float17')).toThrow(paddle.errors.TypeError);
    expect(() => paddle.randint(0, 10, [2], 'float32')).toThrow(/int32 or int64/);
    expect(() => paddle.rand([2], 'int64')).toThrow(paddle.errors.TypeError);
  });
});

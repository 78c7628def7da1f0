/** paddle.assign, paddle.add_n and paddle.tolist (issue 18: Paddle's examples use them). */
import { describe, expect, it } from 'vitest';
import * as paddle from '../../src/index.js';

const { toTensor } = paddle;

describe('assign', () => {
  it('copies a Tensor (the gradient flows back) or builds one from data', () => {
    const x = toTensor([[1, 0], [1, 1]], { dtype: 'int32' });
    const y = paddle.assign(x);
    expect(y).not.toBe(x);
    expect([y.dtype, y.tolist()]).toEqual(['int32', [[1, 0], [1, 1]]]);
    const w = toTensor([1, 2], { stopGradient: false });
    paddle.sum(paddle.multiply(paddle.assign(w), toTensor(3))).backward();
    expect((w.grad as paddle.Tensor).tolist()).toEqual([3, 3]);
    expect(paddle.assign(new Float64Array([1.5])).dtype).toBe('float64');
  });

  it('writes into output (positional, as Paddle examples pass it, or { output }) and returns it', () => {
    const out = paddle.zeros([2]);
    expect(paddle.assign(toTensor([3, 4]), out)).toBe(out);
    expect(out.tolist()).toEqual([3, 4]);
    paddle.assign([5, 6], { output: out });
    expect(out.tolist()).toEqual([5, 6]);
    expect(() => paddle.assign(toTensor([1, 2, 3]), out)).toThrow(/does not match 'output'/);
    expect(out.tolist()).toEqual([5, 6]);
    expect(() => paddle.assign(toTensor([1]), 3 as never)).toThrow(paddle.errors.TypeError);
    expect(() => paddle.assign(toTensor([1]), { out } as never)).toThrow(/unexpected option 'out'/);
  });
});

describe('add_n', () => {
  it('sums a list of same-shape tensors left to right, with gradients to each', () => {
    // inputs2 = [paddle.to_tensor(np.ones([2, 2]), stop_gradient=False) ...] * 10; paddle.add_n(inputs2)
    const xs = Array.from({ length: 10 }, () => toTensor([[1, 1], [1, 1]], { stopGradient: false }));
    const s = paddle.add_n(xs);
    expect(s.tolist()).toEqual([[10, 10], [10, 10]]);
    paddle.sum(s).backward();
    for (const x of xs) expect((x.grad as paddle.Tensor).tolist()).toEqual([[1, 1], [1, 1]]);
    const f = [0.1, 0.2, 0.3].map((v) => toTensor([v]));
    expect(paddle.addN(f).item()).toBe(Math.fround(Math.fround(Math.fround(0.1) + Math.fround(0.2)) + Math.fround(0.3)));
    expect(paddle.add_n(toTensor([7])).tolist()).toEqual([7]);
    expect(() => paddle.add_n([toTensor([1]), toTensor([1, 2])])).toThrow(/inputs\[1\] is \(\[2\], float32\)/);
    expect(() => paddle.add_n([])).toThrow(paddle.errors.TypeError);
  });
});

describe('tolist', () => {
  it('is x.tolist()', () => {
    // t = paddle.to_tensor([0,1,2,3,4]); paddle.tolist(t)  →  [0, 1, 2, 3, 4]
    expect(paddle.tolist(toTensor([0, 1, 2, 3, 4], { dtype: 'int64' }))).toEqual([0, 1, 2, 3, 4]);
    expect(() => paddle.tolist([1] as never)).toThrow(paddle.errors.TypeError);
  });
});

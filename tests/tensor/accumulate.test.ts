/**
 * Gradients of a non-leaf used several times are summed during the sweep (autograd.ts runBackward,
 * tensor.ts hooks.add): the first sum goes into fresh zeros, later ones into that sum in place
 * (it is the sweep's own array). The bits must be those of summing everything into fresh zeros in
 * arrival order: a -0 contribution never leaves a -0, and an array a backward handed to two
 * inputs at once is never written into.
 */
import { describe, expect, it } from 'vitest';
import * as paddle from '../../src/index.js';
import type { Tensor } from '../../src/tensor/tensor.js';

const f32 = (v: number[]): Tensor => paddle.Tensor.fromArray(Float32Array.from(v), [v.length], 'float32');

describe('accumulating a non-leaf gradient', () => {
  it('four uses, all -0: the sum is +0 (0 + (-0) = +0), as into fresh zeros', () => {
    const a = f32([1, 2, 3]);
    a.stopGradient = false;
    const x = paddle.multiply(a, 1); // a non-leaf used four times
    const parts = [1, 2, 3, 4].map((k) => paddle.multiply(x, k));
    const up = f32([-0, -0, -0]);
    // each use gets -0 · k = -0
    paddle.concat(parts).backward(paddle.concat([up, up, up, up]));
    expect(Array.from((a.grad as Tensor).data as Float32Array).map((v) => Object.is(v, 0))).toEqual([true, true, true]);
  });

  it('four uses: float32 rounding in arrival order, the same as a fresh sum of each prefix', () => {
    const a = f32([1, 1]);
    a.stopGradient = false;
    const x = paddle.multiply(a, 1);
    // contributions 1, 2^-24, 2^-24, 2^-24 (or any order of them): each partial sum rounds in float32
    const ks = [1, 2 ** -24, 2 ** -24, 2 ** -24];
    const parts = ks.map((k) => paddle.multiply(x, k));
    paddle.sum(paddle.concat(parts)).backward();
    // in any arrival order the float32 partial sums of 1 and three 2^-24 end at 1 or 1 + 2^-23:
    // compute the reference from the same sweep order by summing fresh each time
    const got = Array.from((a.grad as Tensor).data as Float32Array);
    const fresh = (order: number[]): number => order.reduce((s, v) => Math.fround(s + v), 0);
    const possible = new Set([fresh(ks), fresh([...ks].reverse()), fresh([ks[1]!, ks[2]!, ks[3]!, ks[0]!])]);
    for (const v of got) expect(possible.has(v)).toBe(true);
    expect(got[0]).toBe(got[1]);
  });

  it('an array handed to two inputs is not written into when one of them gets more gradient', () => {
    const a = f32([1, 2, 3]);
    const b = f32([4, 5, 6]);
    a.stopGradient = false;
    b.stopGradient = false;
    const x = paddle.multiply(a, 1);
    const y = paddle.multiply(b, 1);
    // add's backward hands the same array to x and y; x then gets three more contributions before
    // y's node runs (w, the first input, puts y's node last in the sweep: s runs first)
    const s = paddle.add(x, y);
    const w = paddle.multiply(y, 0);
    const extra = [3, 5, 7].map((k) => paddle.multiply(x, k));
    paddle.sum(paddle.concat([w, ...extra, s])).backward();
    expect(Array.from((b.grad as Tensor).data as Float32Array)).toEqual([1, 1, 1]);
    expect(Array.from((a.grad as Tensor).data as Float32Array)).toEqual([16, 16, 16]);
  });
});

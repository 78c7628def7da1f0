/**
 * A leaf lends its gradient buffer to the backward op that writes its whole gradient
 * (`Tensor.gradTarget`, asked by `matmulBias` — nn.Linear — for the weight): the product is written
 * straight into `w.grad` (in the kernel heap for parameters: no copy out, no add), with the same
 * bits as before; when the gradient must be added to (a second use, or accumulation across
 * backwards), the ordinary path adds.
 */
import { describe, expect, it } from 'vitest';
import * as paddle from '../../src/index.js';

function gradOf(t: paddle.Tensor): Float32Array {
  return (t.grad as paddle.Tensor).data as Float32Array;
}

/** Linear's weight gradient the plain way: xᵀ·g with matmul (no lending). */
function plainDW(x: paddle.Tensor, g: paddle.Tensor): number[] {
  return Array.from(paddle.matmul(x, g, { transposeX: true }).data);
}

describe('gradient buffers lent to the op that writes them whole', () => {
  it('Linear: dW is written into w.grad (same array from step to step) with the bits of xᵀ·g', () => {
    paddle.seed(3);
    const fc = new paddle.nn.Linear(5, 4);
    const x = paddle.rand([6, 5]);
    const g = paddle.rand([6, 4]);
    let first: Float32Array | null = null;
    for (const clear of ['zero', 'release', 'zero'] as const) {
      fc.forward(x).backward(g);
      const dw = gradOf(fc.weight);
      expect(Array.from(dw)).toEqual(plainDW(x, g));
      if (first === null) first = dw;
      else expect(dw).toBe(first); // the buffer is reused, whichever way the gradient was cleared
      if (clear === 'zero') fc.clearGradients(true);
      else fc.clearGradients(false);
    }
  });

  it('a second backward without clearing adds (the buffer holds a gradient: not lent)', () => {
    paddle.seed(4);
    const fc = new paddle.nn.Linear(3, 3);
    const x = paddle.rand([2, 3]);
    const g = paddle.rand([2, 3]);
    fc.forward(x).backward(g);
    fc.forward(x).backward(g);
    const once = plainDW(x, g);
    expect(Array.from(gradOf(fc.weight))).toEqual(once.map((v) => Math.fround(v + v)));
  });

  it('the same weight twice in one graph: one contribution is written, the other added', () => {
    paddle.seed(5);
    const fc = new paddle.nn.Linear(3, 3);
    const x = paddle.rand([2, 3]);
    const h = fc.forward(x);
    const y = fc.forward(h);
    paddle.sum(y).backward();
    // the reference: the same graph with the weight copied into two separate leaves
    const rows = [0, 1, 2].map((r) => Array.from(fc.weight.data.subarray(3 * r, 3 * r + 3)));
    const w1 = paddle.toTensor(rows, { dtype: 'float32', stopGradient: false });
    const w2 = paddle.toTensor(rows, { dtype: 'float32', stopGradient: false });
    const b = paddle.toTensor(Array.from(fc.bias!.data), { dtype: 'float32' });
    const h2 = paddle.add(paddle.matmul(x, w1), b);
    paddle.sum(paddle.add(paddle.matmul(h2, w2), b)).backward();
    const g1 = Array.from(gradOf(w1));
    const g2 = Array.from(gradOf(w2));
    const got = Array.from(gradOf(fc.weight));
    // either order of the two contributions is one float32 add
    for (let i = 0; i < got.length; i++) expect([Math.fround(g1[i]! + g2[i]!), Math.fround(g2[i]! + g1[i]!)]).toContain(got[i]);
  });

  it('a tensor that takes no gradient, a non-leaf and a disposed tensor lend nothing', () => {
    const a = paddle.rand([2, 2]);
    expect(a.gradTarget()).toBeNull(); // stopGradient
    const p = paddle.rand([2, 2]);
    p.stopGradient = false;
    const q = paddle.multiply(p, p);
    expect(q.gradTarget()).toBeNull(); // non-leaf
    const lent = p.gradTarget();
    expect(lent).not.toBeNull();
    expect(p.gradTarget()).toBeNull(); // one loan at a time
    p.dispose();
    expect(p.gradTarget()).toBeNull();
  });
});

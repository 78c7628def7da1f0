/**
 * `clearGrad()` (set_to_zero) leaves a dense gradient's zero-fill for later when nobody holds the
 * gradient tensor: the fill happens when the values are read (`grad`, `gradient()`, the
 * optimizer), or never when the next backward writes the whole gradient (a Linear weight's). What a
 * user sees must be exactly Paddle's eager clear: zeros wherever the gradient is read, zeros in a
 * gradient tensor held across the clear, and steps that update with g = 0 for parameters the next
 * backward does not reach. The oracle is the same run with every gradient read through `grad`
 * (which hands the tensor out, so every clear fills at once).
 */
import { describe, expect, it } from 'vitest';
import * as paddle from '../../src/index.js';

const bitsOf = (a: ArrayLike<number>): number[] => Array.from(new Uint32Array(Float32Array.from(a).buffer));

class TwoBranch extends paddle.nn.Layer {
  readonly a = this.addSublayer('a', new paddle.nn.Linear(6, 5));
  readonly b = this.addSublayer('b', new paddle.nn.Linear(6, 5));
  readonly head = this.addSublayer('head', new paddle.nn.Linear(5, 3));

  /** Branch `b` takes part only on odd steps: its parameters then keep a cleared (zero) gradient. */
  override forward(x: paddle.Tensor, useB = true): paddle.Tensor {
    const h = useB ? paddle.add(this.a.forward(x), this.b.forward(x)) : this.a.forward(x);
    return this.head.forward(paddle.nn.functional.relu(h));
  }
}

/** Eight RMSProp steps (momentum: a zero gradient still moves the parameter); `touch` reads every `grad` each step. */
function run(touch: boolean): number[][] {
  paddle.seed(11);
  const model = new TwoBranch();
  const opt = new paddle.optimizer.RMSProp(0.01, { parameters: model.parameters(), momentum: 0.9, centered: true });
  const x = paddle.rand([4, 6]);
  for (let step = 0; step < 8; step++) {
    const loss = paddle.mean(model.forward(x, step % 2 === 1));
    loss.backward();
    if (touch) for (const p of model.parameters()) void p.grad;
    opt.step();
    opt.clearGrad();
  }
  const out = model.parameters().map((p) => bitsOf(p.data as Float32Array));
  opt.dispose();
  model.dispose();
  return out;
}

describe('clearGrad() zero-fills lazily, and nobody can tell', () => {
  it('steps over parameters the next backward does not reach update with g = 0, bit for bit as with an eager clear', () => {
    const lazy = run(false);
    const eager = run(true);
    // (stale values in the skipped branch's buffers instead of zeros would move it differently)
    expect(lazy).toEqual(eager);
  });

  it('grad and gradient() read zeros after a clear', () => {
    paddle.seed(2);
    const fc = new paddle.nn.Linear(3, 2);
    paddle.sum(fc.forward(paddle.rand([4, 3]))).backward();
    fc.clearGradients();
    expect(Array.from(fc.weight.gradient() as Float32Array)).toEqual(new Array(6).fill(0));
    expect(Array.from((fc.bias?.grad as paddle.Tensor).data)).toEqual([0, 0]);
    expect(Array.from((fc.weight.grad as paddle.Tensor).data)).toEqual(new Array(6).fill(0));
  });

  it('a gradient tensor held across a clear reads zeros, as after Paddle’s in-place clear', () => {
    paddle.seed(5);
    const fc = new paddle.nn.Linear(3, 2);
    const opt = new paddle.optimizer.RMSProp(0.1, { parameters: fc.parameters() });
    paddle.sum(fc.forward(paddle.rand([4, 3]))).backward();
    const held = fc.weight.grad as paddle.Tensor;
    expect(Array.from(held.data).some((v) => v !== 0)).toBe(true);
    opt.clearGrad();
    expect(Array.from(held.data)).toEqual(new Array(6).fill(0));
    // and later clears keep filling it at once
    paddle.sum(fc.forward(paddle.rand([4, 3]))).backward();
    expect(Array.from(held.data).some((v) => v !== 0)).toBe(true);
    opt.clearGrad();
    expect(Array.from(held.data)).toEqual(new Array(6).fill(0));
    opt.dispose();
    fc.dispose();
  });

  it('a backward after a lazy clear gives the fresh gradient (overwritten, not added to old values)', () => {
    paddle.seed(7);
    const fc = new paddle.nn.Linear(4, 3);
    const opt = new paddle.optimizer.RMSProp(0.1, { parameters: fc.parameters() });
    const x1 = paddle.rand([5, 4]);
    const x2 = paddle.rand([5, 4]);
    paddle.sum(fc.forward(x1)).backward();
    opt.clearGrad();
    paddle.sum(fc.forward(x2)).backward();
    const lazy = fc.parameters().map((p) => bitsOf(p.gradient() as Float32Array));
    // the same gradients from fresh parameters (no history)
    paddle.seed(7);
    const fresh = new paddle.nn.Linear(4, 3);
    paddle.sum(fresh.forward(x2)).backward();
    expect(lazy).toEqual(fresh.parameters().map((p) => bitsOf(p.gradient() as Float32Array)));
    opt.dispose();
    fc.dispose();
    fresh.dispose();
  });

  it('setGrad, clearGrad(false) and dispose after a lazy clear behave as after an eager one', () => {
    const w = paddle.toTensor([1, 2, 3], { stopGradient: false });
    paddle.sum(paddle.multiply(w, w)).backward();
    w.clearGradient();
    w.setGrad(paddle.toTensor([4, 5, 6]));
    expect(Array.from(w.gradient() as Float32Array)).toEqual([4, 5, 6]);
    w.clearGradient();
    paddle.sum(w).backward();
    expect(Array.from(w.gradient() as Float32Array)).toEqual([1, 1, 1]);
    w.clearGradient();
    w.clearGradient(false);
    expect(w.grad).toBeNull();
    paddle.sum(paddle.multiply(w, w)).backward();
    expect(Array.from(w.gradient() as Float32Array)).toEqual([2, 4, 6]);
    w.clearGradient();
    w.dispose();
    expect(w.isDisposed).toBe(true);
  });
});

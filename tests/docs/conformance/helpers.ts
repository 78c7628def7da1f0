/** Short spellings the twins share: `T` is `paddle.toTensor`, `I` an int64 tensor, `F` is `paddle.nn.functional`. */
import * as paddle from '../../../src/index.js';
import type { Doc } from './harness.js';

export const T = paddle.toTensor;
export const F = paddle.nn.functional;

/** `paddle.to_tensor([1, 2])` in Python is int64 (JS numbers are floats: the dtype is explicit). */
export function I(data: paddle.NestedArray, options: { stopGradient?: boolean } = {}): paddle.Tensor {
  return paddle.toTensor(data, { dtype: 'int64', ...options });
}

/** Python's `repr` of a float (`500.0`, `0.005000000000000001`), for formatted lines. */
export { pyFloatRepr as pyFloat } from '../../../src/optimizer/lr/py-math.js';

/**
 * The twin shared by paddle.max's and paddle.min's examples (the same program with the op swapped):
 * each reduction, backward, the result and x.grad printed, the gradient cleared.
 */
export function reduceWithGradExample(doc: Doc, op: typeof paddle.max): void {
  const x = T([[0.2, 0.3, 0.5, 0.9], [0.1, 0.2, 0.6, 0.7]], { dtype: 'float64', stopGradient: false });
  for (const f of [() => op(x), () => op(x, { axis: 0 }), () => op(x, { axis: -1 }), () => op(x, { axis: 1, keepdim: true })]) {
    const r = f();
    r.backward();
    doc.out(r);
    doc.out(x.grad);
    x.clearGrad();
  }
  const y = T([[[1, 2], [3, 4]], [[5, 6], [7, 8]]], { dtype: 'float64', stopGradient: false });
  for (const axis of [[1, 2], [0, 1]]) {
    const r = op(y, { axis });
    r.backward();
    doc.out(r);
    doc.out(y.grad);
    y.clearGrad();
  }
}

/**
 * The twin shared by the initializer examples of the same shape (Normal, TruncatedNormal, Uniform,
 * XavierNormal, XavierUniform): a Linear(2, 2) whose weight and bias use `make()`, the random
 * weight, bias and output compared by shape and dtype.
 */
export function linearWithInitializer(doc: Doc, make: () => paddle.nn.initializer.Initializer): paddle.nn.Linear {
  const data = paddle.ones([3, 1, 2], { dtype: 'float32' });
  const weightAttr = new paddle.ParamAttr({ name: 'linear_weight', initializer: make() });
  const biasAttr = new paddle.ParamAttr({ name: 'linear_bias', initializer: make() });
  const linear = new paddle.nn.Linear(2, 2, { weightAttr, biasAttr });
  doc.seq([linear.weight], { random: true });
  doc.seq([linear.bias], { random: true });
  doc.random(linear.forward(data));
  paddle.nn.resetParameterNames();
  return linear;
}

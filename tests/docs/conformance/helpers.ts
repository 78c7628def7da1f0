/** Short spellings the twins share: `T` is `paddle.toTensor`, `I` an int64 tensor, `F` is `paddle.nn.functional`. */
import * as paddle from '../../../src/index.js';

export const T = paddle.toTensor;
export const F = paddle.nn.functional;

/** `paddle.to_tensor([1, 2])` in Python is int64 (JS numbers are floats: the dtype is explicit). */
export function I(data: paddle.NestedArray, options: { stopGradient?: boolean } = {}): paddle.Tensor {
  return paddle.toTensor(data, { dtype: 'int64', ...options });
}

/** Python's `repr` of a float (`500.0`, `0.005000000000000001`), for formatted lines. */
export { pyFloatRepr as pyFloat } from '../../../src/optimizer/lr/py-math.js';

/**
 * `cast` (dtype conversion, differentiable between float dtypes: the gradient is converted back
 * to the input's dtype) and `detach`.
 */
import { allocArray, castScalar, isFloatDType, toDType, type DType } from '../tensor/dtype.js';
import { Tensor } from '../tensor/tensor.js';
import type { BackwardFn } from '../tensor/autograd.js';
import { expectTensor } from './helpers.js';
import { needsGrad } from './binary.js';

/**
 * `paddle.cast(x, dtype)`. Float → int truncates toward zero; int64 values beyond 2^53 are a
 * ValueError (see dtype.ts); anything → bool is `x != 0`.
 * @param x - The input Tensor (Paddle's `x`).
 * @param dtype - The target dtype, e.g. `'float32'`, `'int64'`, `'bool'` (Paddle's `dtype`).
 * @returns A new Tensor of x's shape in `dtype`.
 * @throws {@link errors.TypeError} when `x` is not a Tensor or `dtype` is not a known dtype; {@link errors.ValueError} when an int64 value would leave the exactly stored range (|v| > 2^53 − 1).
 */
export function cast(x: Tensor, dtype: DType | string): Tensor {
  const t = expectTensor('cast', 'x', x);
  const d = toDType(dtype, 'dtype');
  const src = t.data;
  const out = allocArray(d, src.length);
  for (let i = 0; i < src.length; i++) out[i] = castScalar(src[i] as number, d);
  const back: BackwardFn | null = isFloatDType(t.dtype)
    ? (g) => {
        if (!needsGrad(t)) return [null];
        const gx = allocArray(t.dtype, g.length);
        gx.set(g);
        return [gx];
      }
    : null;
  return Tensor.fromOp('cast', out, t.shape, d, [t], back);
}

/**
 * `paddle.detach(x)`: `x.detach()`, a leaf with stopGradient true that shares x's memory.
 * @param x - The input Tensor (Paddle's `x`).
 * @returns A Tensor of x's shape and dtype that shares x's memory, with `stopGradient` true.
 * @throws {@link errors.TypeError} when `x` is not a Tensor.
 */
export function detach(x: Tensor): Tensor {
  return expectTensor('detach', 'x', x).detach();
}

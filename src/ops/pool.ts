/**
 * Max pooling as a differentiable op over the kernel contract (`KernelBackend.maxPool`,
 * `MaxPoolCall` in src/kernels/types.ts): Paddle's Pool2dFunctor forward and
 * MaxPool2dGradFunctor backward (the gradient goes to the element the forward chose, added in
 * the dtype). The windows (their bounds) are computed by the caller (nn/functional/pooling.ts).
 */
import { allocArray } from '../tensor/dtype.js';
import { Tensor } from '../tensor/tensor.js';
import type { BackwardFn } from '../tensor/autograd.js';
import { needsGrad } from './binary.js';
import { getBackend, type MaxPoolCall } from '../kernels/index.js';

/** The windows of a max pooling: `MaxPoolCall` without its arrays. */
export type PoolWindows = Omit<MaxPoolCall<Float32Array>, 'x' | 'out' | 'arg'>;

/**
 * The max of every window of the float32/float64 image `x`, shaped `outShape`, and the flat input
 * index each came from (−1 where no element beat −FLT_MAX).
 */
export function maxPoolWindows(x: Tensor, g: PoolWindows, outShape: number[]): { y: Tensor; arg: Int32Array } {
  const dtype = x.dtype === 'float64' ? 'float64' : 'float32';
  const count = g.n * g.c * g.oh * g.ow;
  const out = allocArray(dtype, count) as Float32Array | Float64Array;
  const arg = new Int32Array(count);
  getBackend().maxPool(dtype, { ...g, x: x.data as Float32Array, out, arg });
  return { y: Tensor.fromOp('max_pool2d', out, outShape, x.dtype, [x], argMaxBackward(x, arg)), arg };
}

/**
 * The backward of a max pooling that chose, for output o, input element `arg[o]` (−1: none):
 * the gradient added there in the dtype (Paddle's MaxPool2dGradFunctor / MaxPool3dGradFunctor).
 */
export function argMaxBackward(x: Tensor, arg: Int32Array): BackwardFn {
  return (gr) => {
    if (!needsGrad(x)) return [null];
    const gx = allocArray(x.dtype, x.numel);
    for (let o = 0; o < arg.length; o++) {
      const a = arg[o] as number;
      if (a >= 0) gx[a] = (gx[a] as number) + (gr[o] as number);
    }
    return [gx];
  };
}

/**
 * `paddle.nn.functional.linear(x, weight, bias=None)`: `y = x·W + b` with W of shape
 * `[in, out]` (Paddle's layout, transposed vs PyTorch) over any leading dims of x.
 *
 * As in Paddle, it is `matmul(x, W)` followed by `add(·, b)`: the product goes through the kernel
 * contract (`KernelBackend.gemm`, src/kernels/types.ts: each element summed in the dtype in order
 * of k, no FMA, then `b` added and rounded once), so the numbers are the same on every kernel
 * backend and at every thread count, and equal to `paddle.add(paddle.matmul(x, w), b)` bit for
 * bit, gradients included (`db = Σ_rows dY`, summed in float64 and rounded once); with a bias the
 * two are one op whose product adds it in its epilogue (`matmulBias`). Leading dimensions of x are
 * flattened into the rows of one product.
 */
import { TypeError as PaddleTypeError, ValueError } from '../../errors.js';
import { shapeToString } from '../../tensor/shape.js';
import type { Tensor } from '../../tensor/tensor.js';
import { checkOptions } from '../../options.js';
import { reshape } from '../../ops/manipulation.js';
import { matmul, matmulBias } from '../../ops/matmul.js';
import { isPlainObject } from '../args.js';
import { floatTensor } from './checks.js';

/** Optional arguments of `F.linear` (Paddle's `bias`, `name`). */
export interface LinearOptions {
  /** The bias, added to every row (Paddle's `bias`; default none). */
  bias?: Tensor | null;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

/**
 * `linear(x, weight, { bias })`, or Paddle's positional `linear(x, weight, bias)`.
 * @param x - A float Tensor `[..., in_features]` (Paddle's `x`).
 * @param weight - A 2-D Tensor `[in_features, out_features]` of x's dtype (Paddle's `weight`).
 * @param bias - The bias `[out_features]` (Paddle's `bias`; `null`/omitted: none), or {@link LinearOptions}: `bias`, `name`.
 * @param options - {@link LinearOptions}: `name` (when `bias` is given positionally).
 * @returns A new Tensor `[..., out_features]` of x's dtype.
 * @throws {@link errors.TypeError} when `x`, `weight` or `bias` is not a float Tensor, their dtypes differ, or an option is unknown; {@link errors.ValueError} when `weight` is not 2-D, x's last dimension is not `in_features` (or x is 0-D), or `bias` is not `[out_features]`.
 */
export function linear(x: Tensor, weight: Tensor, bias?: Tensor | null | LinearOptions, options?: LinearOptions): Tensor {
  let b: unknown = null;
  if (isPlainObject(bias)) {
    const o = checkOptions('linear', bias as LinearOptions, ['bias', 'name']);
    b = o.bias ?? null;
  } else {
    b = bias ?? null;
    const o = checkOptions('linear', options, ['name']);
    void o;
  }
  const xt = floatTensor('linear', 'x', x);
  const wt = floatTensor('linear', 'weight', weight);
  if (wt.ndim !== 2) {
    throw new ValueError(`linear: 'weight' must be 2-D [in_features, out_features], but its shape is ${shapeToString(wt.shape)}.`);
  }
  const K = wt.shape[0] as number;
  const N = wt.shape[1] as number;
  if (xt.ndim === 0 || xt.shape[xt.ndim - 1] !== K) {
    throw new ValueError(
      `linear: the last dimension of 'x' (shape ${shapeToString(xt.shape)}) must equal in_features = ${K} of the weight (shape ${shapeToString(wt.shape)}).`,
    );
  }
  if (xt.dtype !== wt.dtype) {
    throw new PaddleTypeError(`linear: 'x' has dtype ${xt.dtype} but 'weight' has dtype ${wt.dtype}; they must match.`);
  }
  let bt: Tensor | null = null;
  if (b !== null) {
    bt = floatTensor('linear', 'bias', b);
    if (bt.ndim !== 1 || bt.shape[0] !== N) {
      throw new ValueError(`linear: 'bias' must have shape [${N}], but its shape is ${shapeToString(bt.shape)}.`);
    }
    if (bt.dtype !== wt.dtype) {
      throw new PaddleTypeError(`linear: 'bias' has dtype ${bt.dtype} but 'weight' has dtype ${wt.dtype}; they must match.`);
    }
  }
  const flat = xt.ndim !== 2;
  const rows = xt.shape.slice(0, -1).reduce((p, d) => p * d, 1);
  const x2 = flat ? reshape(xt, [rows, K]) : xt;
  const y = bt === null ? matmul(x2, wt) : matmulBias(x2, wt, bt);
  return flat ? reshape(y, [...xt.shape.slice(0, -1), N]) : y;
}

/**
 * Products built on matmul (so their numbers and gradients are matmul's): bmm (batched, both
 * 3-D, Paddle's shape checks and messages), dot (1-D, or row-wise for 2-D), outer.
 */
import { ValueError } from '../errors.js';
import { checkOptions } from '../options.js';
import { shapeEquals, shapeToString } from '../tensor/shape.js';
import type { Tensor } from '../tensor/tensor.js';
import { expectTensor } from './helpers.js';
import { multiply } from './binary.js';
import { matmul } from './matmul.js';
import { reshape } from './manipulation.js';
import { sum } from './reduce.js';
import type { NameOptions } from './elementwise.js';

/**
 * `paddle.bmm(x, y)`: [B, M, K] · [B, K, N] → [B, M, N].
 * @param x - A 3-D Tensor `[B, M, K]` (Paddle's `x`).
 * @param y - A 3-D Tensor `[B, K, N]` (Paddle's `y`).
 * @param options - {@link NameOptions}: `name` (accepted, unused).
 * @returns A new Tensor `[B, M, N]` (matmul's dtype).
 * @throws {@link errors.TypeError} when an operand is not a Tensor or an option is unknown; {@link errors.ValueError} when an operand is not 3-D or the batch or inner sizes differ.
 */
export function bmm(x: Tensor, y: Tensor, options?: NameOptions): Tensor {
  checkOptions('bmm', options, ['name']);
  const a = expectTensor('bmm', 'x', x);
  const b = expectTensor('bmm', 'y', y);
  const xs = shapeToString(a.shape);
  const ys = shapeToString(b.shape);
  if (a.ndim !== 3 || b.ndim !== 3) {
    throw new ValueError(`x and y should be 3-dimensional. But received x's dimension: ${xs}, y's dimension: ${ys}`);
  }
  if (a.shape[2] !== b.shape[1]) {
    throw new ValueError(`x's width must be equal with y's height. But received x's shape: ${xs}, y's shape: ${ys}`);
  }
  if (a.shape[0] !== b.shape[0]) {
    throw new ValueError(`x's batch (shape[0]) must be equal with y's batch (shape[0]). But received x's shape: ${xs}, y's shape: ${ys}`);
  }
  return matmul(a, b);
}

/**
 * `paddle.dot(x, y)`: Σ x·y for 1-D operands (a 0-D result), row by row for 2-D ([N]).
 * @param x - A 1-D or 2-D Tensor (Paddle's `x`).
 * @param y - A Tensor of x's shape (Paddle's `y`).
 * @param options - {@link NameOptions}: `name` (accepted, unused).
 * @returns A new 0-D Tensor for 1-D operands, `[N]` for 2-D `[N, K]` operands.
 * @throws {@link errors.TypeError} when an operand is not a Tensor or an option is unknown; {@link errors.ValueError} when the operands are not 1-D/2-D or their shapes differ.
 */
export function dot(x: Tensor, y: Tensor, options?: NameOptions): Tensor {
  checkOptions('dot', options, ['name']);
  const a = expectTensor('dot', 'x', x);
  const b = expectTensor('dot', 'y', y);
  if (a.ndim < 1 || a.ndim > 2 || !shapeEquals(a.shape, b.shape)) {
    throw new ValueError(
      `dot: 'x' and 'y' must be 1-D or 2-D tensors of the same shape, but received x of shape ${shapeToString(a.shape)} and y of shape ${shapeToString(b.shape)}.`,
    );
  }
  return sum(multiply(a, b), { axis: -1 });
}

/**
 * `paddle.outer(x, y)`: x and y flattened, x[i]·y[j] of shape [x.numel, y.numel].
 * @param x - A Tensor, flattened (Paddle's `x`).
 * @param y - A Tensor, flattened (Paddle's `y`).
 * @param options - {@link NameOptions}: `name` (accepted, unused).
 * @returns A new Tensor `[x.numel, y.numel]` (matmul's dtype).
 * @throws {@link errors.TypeError} when an operand is not a Tensor or is bool, or an option is unknown.
 */
export function outer(x: Tensor, y: Tensor, options?: NameOptions): Tensor {
  checkOptions('outer', options, ['name']);
  const a = expectTensor('outer', 'x', x);
  const b = expectTensor('outer', 'y', y);
  return matmul(reshape(a, [-1, 1]), reshape(b, [1, -1]));
}

/**
 * Comparisons (no gradient): `equal`, with broadcasting; the result is a bool tensor. Operands are
 * compared in their common dtype (a number operand takes the tensor's dtype, see `resultDType`).
 */
import { allocArray } from '../tensor/dtype.js';
import { numelOf } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';
import { applyBinary, binaryOperands, valuesAs, type BinaryKernel, type TensorLike } from './helpers.js';
import { broadcastXY } from './binary.js';

const eqKernel: BinaryKernel = {
  vv(a, ia, b, ib, out, o, n) {
    for (let j = 0; j < n; j++) out[o + j] = (a[ia + j] as number) === (b[ib + j] as number) ? 1 : 0;
  },
  vs(a, ia, s, out, o, n) {
    for (let j = 0; j < n; j++) out[o + j] = (a[ia + j] as number) === s ? 1 : 0;
  },
  sv(s, b, ib, out, o, n) {
    for (let j = 0; j < n; j++) out[o + j] = s === (b[ib + j] as number) ? 1 : 0;
  },
};

/**
 * `paddle.equal(x, y)`: elementwise x == y as a bool tensor (NaN is not equal to NaN).
 * @param x - The first operand, a Tensor or a number (Paddle's `x`).
 * @param y - The second operand, a Tensor or a number, broadcast against `x` (Paddle's `y`).
 * @returns A new bool Tensor of the broadcast shape.
 * @throws {@link errors.TypeError} when neither operand is a Tensor; {@link errors.ValueError} when the shapes do not broadcast.
 */
export function equal(x: TensorLike, y: TensorLike): Tensor {
  const ops = binaryOperands('equal', x, y);
  const outShape = broadcastXY('equal', ops.x.shape, ops.y.shape);
  const out = allocArray('bool', numelOf(outShape));
  applyBinary(eqKernel, valuesAs(ops.x, ops.dtype), ops.x.shape, valuesAs(ops.y, ops.dtype), ops.y.shape, outShape, out);
  return Tensor.fromOp('equal', out, outShape, 'bool', [ops.x, ops.y], null);
}

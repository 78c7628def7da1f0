/** The reference backend: plain TypeScript, the oracle and the fallback. */
import type { GemmCall, KernelBackend, KernelDType, MaxPoolCall, RmspropHyper, RmspropSlot } from '../types.js';
import { resolveGemm, validateArrays, validateElementwise, validateHyper, validateMaxPool, validateSlots } from '../validate.js';
import { reluGradRef, reluRef } from './relu.js';
import { expRef, sigmoidRef } from './exp.js';
import { maxPoolRef } from './pool.js';
import { gemmRef } from './gemm.js';
import { rmspropSlotF32, rmspropSlotF64, rmspropVariantSlot } from './rmsprop.js';
import { sumSquaresRef } from './sum-squares.js';

export { gemmRef } from './gemm.js';
export { maxPoolRef } from './pool.js';
export { reluGradRef, reluRef } from './relu.js';
export { expRef, sigmoidRef } from './exp.js';
export { rmspropSlotF32, rmspropSlotF64, rmspropVariantSlot, variantMode, variantScalars, VARIANT_CODE, MODE_BUFFER, MODE_CENTERED } from './rmsprop.js';
export { fmaf } from './fma.js';
export { blockSumSquares, sumSquaresRef, SUM_SQUARES_BLOCK } from './sum-squares.js';

/**
 * Runs a group of slots with the reference loops (after the shared argument checks).
 * @param dtype - `'float32'` or `'float64'`: the element type of every array.
 * @param slots - One {@link RmspropSlot} per parameter, updated in place.
 * @param hyper - The shared hyper-parameters ({@link RmspropHyper}).
 * @throws {@link errors.TypeError} when `dtype` is not float32/float64, an array is not `dtype`'s typed array, or a scalar or `hyper` field has the wrong type; {@link errors.ValueError} when a slot's arrays differ in length or a decay kind is not `'l1'`/`'l2'`.
 */
export function rmspropStepRef(
  dtype: KernelDType,
  slots: readonly RmspropSlot<Float32Array | Float64Array>[],
  hyper: RmspropHyper,
): void {
  validateHyper(hyper);
  validateSlots(dtype, slots);
  if (hyper.variant !== undefined && hyper.variant !== 'paddle') {
    for (const slot of slots) rmspropVariantSlot(dtype, slot, hyper);
  } else if (dtype === 'float32') {
    for (const slot of slots) rmspropSlotF32(slot as RmspropSlot<Float32Array>, hyper);
  } else {
    for (const slot of slots) rmspropSlotF64(slot as RmspropSlot<Float64Array>, hyper);
  }
}

/** The reference backend (`useBackend('ref')`): plain TypeScript loops, the oracle of the others. */
export const refBackend: KernelBackend = {
  name: 'ref',
  rmspropStep: rmspropStepRef,
  sumSquares(dtype: KernelDType, arrays: readonly (Float32Array | Float64Array)[]): number {
    validateArrays(dtype, arrays);
    return sumSquaresRef(arrays);
  },
  gemm(dtype: KernelDType, call: GemmCall<Float32Array | Float64Array>): void {
    gemmRef(dtype, resolveGemm(dtype, call));
  },
  maxPool(dtype: KernelDType, call: MaxPoolCall<Float32Array | Float64Array>): void {
    validateMaxPool(dtype, call);
    maxPoolRef(call);
  },
  relu(dtype: KernelDType, x: Float32Array | Float64Array, out: Float32Array | Float64Array): void {
    validateElementwise('relu', dtype, { x, out });
    reluRef(x, out);
  },
  reluGrad(dtype: KernelDType, out: Float32Array | Float64Array, g: Float32Array | Float64Array, gx: Float32Array | Float64Array): void {
    validateElementwise('reluGrad', dtype, { out, g, gx });
    reluGradRef(out, g, gx);
  },
  sigmoid(dtype: KernelDType, x: Float32Array | Float64Array, out: Float32Array | Float64Array): void {
    validateElementwise('sigmoid', dtype, { x, out });
    sigmoidRef(x, out);
  },
  exp(dtype: KernelDType, x: Float32Array | Float64Array, out: Float32Array | Float64Array): void {
    validateElementwise('exp', dtype, { x, out });
    expRef(x, out);
  },
};

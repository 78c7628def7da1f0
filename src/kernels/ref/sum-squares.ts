/**
 * Reference Σx², in float64, in the fixed order every backend uses (so the result does not depend
 * on the backend or on the number of threads):
 * - each array is cut into blocks of `SUM_SQUARES_BLOCK` elements;
 * - inside a block, element i goes to lane i mod 4 (`lane += x·x`, x·x exact for float32 input),
 *   and the block's sum is (l0 + l2) + (l1 + l3), the order of two f64x2 accumulators;
 * - the total adds the block sums one by one, arrays in order, blocks in order.
 */

/** Elements per block; equals SQ_BLOCK of the WebAssembly module. */
export const SUM_SQUARES_BLOCK = 65536;

/**
 * Σx² of arr[i0..i1) with four lanes (i0 a multiple of 4).
 * @param arr - The array.
 * @param i0 - The first element, a multiple of 4 (relative to the array's start).
 * @param i1 - The end, exclusive.
 * @returns The block's sum `(l0 + l2) + (l1 + l3)`, in float64.
 */
export function blockSumSquares(arr: Float32Array | Float64Array, i0: number, i1: number): number {
  let l0 = 0;
  let l1 = 0;
  let l2 = 0;
  let l3 = 0;
  let i = i0;
  for (; i + 4 <= i1; i += 4) {
    const x0 = arr[i];
    const x1 = arr[i + 1];
    const x2 = arr[i + 2];
    const x3 = arr[i + 3];
    l0 += x0 * x0;
    l1 += x1 * x1;
    l2 += x2 * x2;
    l3 += x3 * x3;
  }
  if (i < i1) l0 += arr[i] * arr[i];
  if (i + 1 < i1) l1 += arr[i + 1] * arr[i + 1];
  if (i + 2 < i1) l2 += arr[i + 2] * arr[i + 2];
  return l0 + l2 + (l1 + l3);
}

/**
 * Σx² over all arrays in the contract's fixed order (blocks of SUM_SQUARES_BLOCK, summed in float64).
 * No argument checks (the backends' `sumSquares` validates first).
 * @param arrays - The arrays, summed in order.
 * @returns The total, a float64 number (0 for no elements).
 */
export function sumSquaresRef(arrays: readonly (Float32Array | Float64Array)[]): number {
  let total = 0;
  for (const arr of arrays) {
    for (let b = 0; b < arr.length; b += SUM_SQUARES_BLOCK) {
      total += blockSumSquares(arr, b, Math.min(arr.length, b + SUM_SQUARES_BLOCK));
    }
  }
  return total;
}

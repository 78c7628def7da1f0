/**
 * `reduceToShape` (every broadcast gradient, the bias gradient of Linear and conv): the fast path
 * for a trailing target (sum over leading rows, four rows per pass) must take the same float64
 * steps as the row-by-row walk — values spread over 2^±40 make any other order show.
 */
import { describe, expect, it } from 'vitest';
import { reduceToShape } from '../../src/ops/helpers.js';

function rand(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The reference: float64 sums over rows 0, 1, … in order, rounded once into the dtype. */
function rowByRow(full: Float32Array | Float64Array, n: number, dtype: 'float32' | 'float64'): number[] {
  const acc = new Float64Array(n);
  for (let o = 0; o < full.length; o += n) for (let j = 0; j < n; j++) acc[j] = (acc[j] as number) + (full[o + j] as number);
  return Array.from(dtype === 'float32' ? Float32Array.from(acc) : acc);
}

describe('reduceToShape over leading rows', () => {
  for (const dtype of ['float32', 'float64'] as const) {
    for (const [shape, target] of [
      [[64, 256], [256]],
      [[7, 5], [5]],
      [[3, 1, 9], [1, 9]],
      [[2, 3, 4], [3, 4]],
      [[2, 3, 4], [4]],
      [[5, 2], [2]],
    ] as [number[], number[]][]) {
      it(`${dtype} [${shape.join(', ')}] → [${target.join(', ')}]: the row-by-row float64 sums, bit for bit`, () => {
        const r = rand(shape.reduce((p, d) => p * d, 1) + target.length);
        const len = shape.reduce((p, d) => p * d, 1);
        const full = dtype === 'float32' ? new Float32Array(len) : new Float64Array(len);
        for (let i = 0; i < len; i++) full[i] = (r() - 0.5) * 2 ** Math.floor(r() * 80 - 40);
        const n = target.reduce((p, d) => p * d, 1);
        const got = Array.from(reduceToShape(full, shape, target, dtype));
        expect(got).toEqual(rowByRow(full, n, dtype));
      });
    }
  }
});

/**
 * `fmaf`: C's single-precision fused multiply-add, `a·b + c` rounded once to float32, from double
 * arithmetic. The WebAssembly kernel's scalar `fmaf1` (assembly/rmsprop.ts) takes the same steps;
 * its f64x2 `fmaf2` rounds the double sum to odd instead (branch-free); all three are correctly
 * rounded, so they agree bit for bit (tests/kernels/variants.test.ts checks each against an exact
 * BigInt oracle).
 */

const f32 = Math.fround;
/** 2^128 − 2^103, the float32 midpoint between FLT_MAX and 2^128 (a finite double). */
const OVERFLOW_MIDPOINT = 2 ** 128 - 2 ** 103;
const FLT_MAX = f32(3.4028234663852886e38);

/**
 * `fmaf(a, b, c)`: a × b + c rounded once to float32 (what `_mm256_fmadd_ps` computes), for
 * float32 inputs. The product is exact in a double; the sum is rounded to a double s and then to
 * float32 r, which differs from one rounding only when s lands on a float32 midpoint: then the
 * sign of the sum's rounding error (TwoSum) decides. The midpoint test is arithmetic: `2s − r`
 * (exact) is a float32 exactly when s lies halfway between r and that neighbour. At the top of
 * the range r is ±Infinity and the neighbour ±FLT_MAX: s is a midpoint only when |s| = 2^128 − 2^103.
 * @param a - A float32 value (a number that `Math.fround` leaves unchanged).
 * @param b - A float32 value.
 * @param c - A float32 value.
 * @returns `a × b + c` rounded once to float32 (C's `fmaf`).
 */
export function fmaf(a: number, b: number, c: number): number {
  const p = a * b;
  const s = p + c;
  const r = f32(s);
  if (r === s) return r;
  let n: number;
  if (Number.isFinite(r)) {
    n = 2 * s - r; // r's other neighbour, if s is a midpoint
    if (f32(n) !== n) return r; // not a midpoint
  } else {
    if (Math.abs(s) !== OVERFLOW_MIDPOINT) return r; // NaN, or past the last midpoint
    n = s > 0 ? FLT_MAX : -FLT_MAX;
  }
  const bb = s - p;
  const err = p - (s - bb) + (c - bb);
  if (err === 0) return r; // an exact tie: fround already rounded to even
  return (err > 0) === (n > r) ? n : r;
}

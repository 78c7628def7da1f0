/**
 * One closeness helper with NumPy semantics: |a − e| ≤ atol + rtol·|e|, lengths checked, NaN
 * equal only to NaN and only when `equalNan` is set, the first failing index reported.
 * `exact` compares bit for bit (Object.is, so -0 and 0 differ only when `signedZero`).
 *
 * Tolerance table (never loosened to make a test pass):
 * | case                                   | rule                       |
 * |----------------------------------------|----------------------------|
 * | float32 golden without norm clipping   | exact (bit for bit)        |
 * | golden with ClipGradByNorm/GlobalNorm  | rtol 1e-6, atol 0          |
 * | WASM vs reference kernel               | exact                      |
 * | float64 finite-difference grad checks  | rtol 1e-6, atol 1e-8       |
 */
export interface CloseOptions {
  rtol?: number;
  atol?: number;
  equalNan?: boolean;
  exact?: boolean;
}

export function closeMismatch(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  opts: CloseOptions = {},
): string | null {
  if (actual.length !== expected.length) {
    return `length ${actual.length} != expected ${expected.length}`;
  }
  const rtol = opts.rtol ?? 1e-7;
  const atol = opts.atol ?? 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i] as number;
    const e = expected[i] as number;
    if (Number.isNaN(a) || Number.isNaN(e)) {
      if (Number.isNaN(a) && Number.isNaN(e) && opts.equalNan === true) continue;
      return `index ${i}: actual ${a}, expected ${e}`;
    }
    if (opts.exact === true) {
      if (a !== e) return `index ${i}: actual ${a}, expected ${e} (exact)`;
      continue;
    }
    if (!(Math.abs(a - e) <= atol + rtol * Math.abs(e))) {
      return `index ${i}: actual ${a}, expected ${e} (|diff| ${Math.abs(a - e)} > ${atol} + ${rtol}·|e|)`;
    }
  }
  return null;
}

export function expectClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  opts: CloseOptions = {},
  what = 'values',
): void {
  const m = closeMismatch(actual, expected, opts);
  if (m !== null) throw new Error(`${what}: ${m}`);
}

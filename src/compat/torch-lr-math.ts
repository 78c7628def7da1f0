/**
 * Correctly rounded `cos` and `pow` for the PyTorch learning-rate schedulers (src/compat/torch-lr.ts).
 *
 * PyTorch's schedulers compute in Python floats with glibc's `cos` and `pow`, which are within
 * 0.52 ulp and in practice return the correctly rounded double; V8's `Math.cos` and `**` (fdlibm
 * ports) are within 1 ulp and differ from glibc in about 3% of `cos(π·k/T)` and 9% of `γ**n`
 * (measured over the schedules' arguments). To reproduce PyTorch's float64 learning rates bit for
 * bit, these functions compute in 320-bit fixed point with BigInt and round once to a double. They
 * run once per scheduler step per parameter group, so their cost (tens of microseconds) does not
 * matter.
 */

const FRAC = 320n;
const FRAC_N = 320;
const ONE = 1n << FRAC;

function bitLength(v: bigint): number {
  return v === 0n ? 0 : v.toString(2).length;
}

const pow2Buf = new DataView(new ArrayBuffer(8));

/** 2^k as a double, exactly, for k in [-1074, 1023]; 0 or Infinity outside. */
function pow2(k: number): number {
  if (k > 1023) return Infinity;
  if (k < -1074) return 0;
  if (k >= -1022) {
    pow2Buf.setUint32(0, (k + 1023) << 20);
    pow2Buf.setUint32(4, 0);
  } else {
    const shift = k + 1074; // subnormal: bit `shift` of the 52-bit fraction
    pow2Buf.setUint32(0, shift >= 32 ? 1 << (shift - 32) : 0);
    pow2Buf.setUint32(4, shift < 32 ? 2 ** shift : 0);
  }
  return pow2Buf.getFloat64(0);
}

/** `num / den · 2^exp2` (num ≥ 0, den > 0) rounded once to the nearest double, ties to even. */
function roundToDouble(num: bigint, den: bigint, exp2: number): number {
  if (num === 0n) return 0;
  const shift = 66 - (bitLength(num) - bitLength(den));
  if (shift > 0) num <<= BigInt(shift);
  else den <<= BigInt(-shift);
  exp2 -= shift;
  const q = num / den;
  const sticky = num % den !== 0n;
  const len = bitLength(q);
  const drop = Math.max(len - 53, -1074 - exp2);
  if (drop <= 0) return Number(q) * pow2(exp2); // cannot happen with 66 bits, kept for safety
  const d = BigInt(drop);
  let mant = q >> d;
  const rest = q & ((1n << d) - 1n);
  const half = 1n << (d - 1n);
  if (rest > half || (rest === half && (sticky || (mant & 1n) === 1n))) mant += 1n;
  const e = exp2 + drop;
  // split the scaling so that neither factor over- or underflows on its own
  if (e > 0) return Number(mant) * pow2(Math.min(e, 1023)) * pow2(Math.max(e - 1023, 0));
  return Number(mant) * pow2(Math.max(e, -1074)) * (e < -1074 ? pow2(e + 1074) : 1);
}

/** A finite double as `m · 2^e` with integer m ≥ 0 (the sign is returned apart). */
function decompose(x: number): { neg: boolean; m: bigint; e: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const neg = hi >>> 31 === 1;
  const biased = (hi >>> 20) & 0x7ff;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased === 0) return { neg, m: frac, e: -1074 };
  return { neg, m: frac | (1n << 52n), e: biased - 1075 };
}

/** |x| in fixed point (x finite; bits below 2^-320 are truncated). */
function toFixed(x: number): bigint {
  const { m, e } = decompose(x);
  const s = e + FRAC_N;
  return s >= 0 ? m << BigInt(s) : m >> BigInt(-s);
}

function mulFixed(a: bigint, b: bigint): bigint {
  return (a * b) >> FRAC;
}

/** atan(1/n) or atanh(1/n) in fixed point (`hyperbolic`), by their series. */
function arcSeries(n: bigint, hyperbolic: boolean): bigint {
  const n2 = n * n;
  let power = ONE / n;
  let sum = power;
  for (let k = 1n; power !== 0n; k++) {
    power /= n2;
    const term = power / (2n * k + 1n);
    sum += hyperbolic || k % 2n === 0n ? term : -term;
  }
  return sum;
}

const PI = 16n * arcSeries(5n, false) - 4n * arcSeries(239n, false);
const HALF_PI = PI >> 1n;
const LN2 = 2n * arcSeries(3n, true);

/** cos(r) and sin(r) in fixed point for |r| ≤ π/4. */
function cosSin(r: bigint): [bigint, bigint] {
  const r2 = mulFixed(r, r);
  let c = ONE;
  let s = r;
  let termC = ONE;
  let termS = r;
  for (let k = 1n; termC !== 0n || termS !== 0n; k++) {
    termC = -mulFixed(termC, r2) / ((2n * k - 1n) * (2n * k));
    termS = -mulFixed(termS, r2) / ((2n * k) * (2n * k + 1n));
    c += termC;
    s += termS;
  }
  return [c, s];
}

function fromFixed(v: bigint): number {
  return v < 0n ? -roundToDouble(-v, 1n, -FRAC_N) : roundToDouble(v, 1n, -FRAC_N);
}

/**
 * `cos(x)` correctly rounded (what glibc's `cos`, and so Python's `math.cos`, returns), for
 * |x| < 2^40; beyond that, and for non-finite x, `Math.cos`.
 */
export function cos(x: number): number {
  if (!Number.isFinite(x) || Math.abs(x) >= 2 ** 40) return Math.cos(x);
  const X = toFixed(x); // cos is even
  const n = (X + (HALF_PI >> 1n)) / HALF_PI;
  const r = X - n * HALF_PI;
  const [c, s] = cosSin(r);
  switch (Number(n % 4n)) {
    case 0:
      return fromFixed(c);
    case 1:
      return fromFixed(-s);
    case 2:
      return fromFixed(-c);
    default:
      return fromFixed(s);
  }
}

/** ln(x) in fixed point for a positive finite double x. */
function lnFixed(x: number): bigint {
  const { m, e } = decompose(x);
  // x = m · 2^e; normalise m to [1, 2) in fixed point: x = M · 2^k
  const len = bitLength(m);
  const k = e + len - 1;
  const M = (m << FRAC) >> BigInt(len - 1);
  // ln M = 2 atanh((M − 1) / (M + 1))
  const t = ((M - ONE) << FRAC) / (M + ONE);
  const t2 = mulFixed(t, t);
  let power = t;
  let sum = t;
  for (let j = 1n; power !== 0n; j++) {
    power = mulFixed(power, t2);
    sum += power / (2n * j + 1n);
  }
  return 2n * sum + BigInt(k) * LN2;
}

/** exp(z) for z in fixed point, as a correctly rounded double. */
function expFixed(z: bigint): number {
  // z = k ln2 + r, |r| ≤ ln2 / 2
  const k = (z >= 0n ? z + (LN2 >> 1n) : z - (LN2 >> 1n)) / LN2;
  const r = z - k * LN2;
  let term = ONE;
  let sum = ONE;
  for (let j = 1n; term !== 0n; j++) {
    term = mulFixed(term, r) / j;
    sum += term;
  }
  return roundToDouble(sum, 1n, Number(k) - FRAC_N);
}

/**
 * `x ** y` as Python computes it for floats (C `pow`), correctly rounded: exactly for an integer
 * y (|y| ≤ 4096), through 320-bit logarithms otherwise. Special cases as IEEE `pow` (which
 * `Math.pow` follows); Python raises where C returns ±Infinity for 0 ** negative and returns a
 * complex number for a negative base with a fractional exponent, cases the schedulers never reach.
 */
export function pow(x: number, y: number): number {
  if (y === 0) return 1;
  if (!Number.isFinite(x) || !Number.isFinite(y) || x === 0 || Number.isNaN(x)) return Math.pow(x, y);
  if (x === 1) return 1;
  if (Number.isInteger(y) && Math.abs(y) <= 4096) {
    const { neg, m, e } = decompose(x);
    const n = Math.abs(y);
    const mn = m ** BigInt(n);
    const sign = neg && n % 2 === 1 ? -1 : 1;
    if (y > 0) return sign * roundToDouble(mn, 1n, e * n);
    return sign * roundToDouble(1n, mn, -e * n);
  }
  if (x < 0) return Math.pow(x, y); // NaN, as C
  const z = toFixedSigned(y);
  const lnx = lnFixed(x);
  const prod = (z * lnx) >> FRAC;
  if (prod > 1100n * ONE) return Infinity;
  if (prod < -1200n * ONE) return 0;
  return expFixed(prod);
}

function toFixedSigned(y: number): bigint {
  const v = toFixed(y);
  return y < 0 ? -v : v;
}

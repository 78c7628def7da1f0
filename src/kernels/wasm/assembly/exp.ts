// AssemblyScript source of e^x and the sigmoid of the kernel contract (`KernelBackend.exp`,
// `KernelBackend.sigmoid`, src/kernels/types.ts), compiled by scripts/build-wasm.mjs through
// rmsprop.ts.
//
// The references (src/kernels/ref/exp.ts) compute float32's e^x and 1 / (1 + e^(−x)) with
// JavaScript's Math.exp, each operation rounded to float32. V8's Math.exp is fdlibm's
// __ieee754_exp (V8 src/base/ieee754.cc), double operations only, no fused multiply-add. Here that
// function is ported operation for operation, twice: `expEdge` with fdlibm's branches (any input,
// one at a time) and `exp2F64` two lanes at a time without branches for the common range (2^-28 ≤
// |x| < 708); both return fdlibm's double for every input. The float32 steps after it (round, add,
// divide: a double operation rounded to float32 once gives the float32 operation's result, as
// 53 ≥ 2·24 + 2) are the reference's. tests/kernels/exp.test.ts compares them.

// fdlibm's constants (e_exp.c)
const O_THRESHOLD: f64 = 7.09782712893383973096e2;
const U_THRESHOLD: f64 = -7.45133219101941108420e2;
const LN2_HI: f64 = 6.93147180369123816490e-1;
const LN2_LO: f64 = 1.90821492927058770002e-10;
const INV_LN2: f64 = 1.44269504088896338700;
const P1: f64 = 1.66666666666666019037e-1;
const P2: f64 = -2.77777777770155933842e-3;
const P3: f64 = 6.61375632143793436117e-5;
const P4: f64 = -1.65339022054652515390e-6;
const P5: f64 = 4.13813679705723846039e-8;
const E: f64 = 2.718281828459045;
const HUGE: f64 = 1.0e300;
const TWOM1000: f64 = 9.33263618503218878990e-302;
const TWO1023: f64 = 8.988465674311579539e307;

/** fdlibm's e^x (__ieee754_exp) operation for operation, with its branches (every input; exp2F64 for the common range). */
function expEdge(x: f64): f64 {
  const bits = reinterpret<u64>(x);
  const sign = <u32>(bits >> 63);
  const hx = <u32>(bits >> 32) & 0x7fffffff;
  if (hx >= 0x40862e42) {
    // |x| ≥ 709.78…: NaN, ±∞, overflow, underflow
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | <u32>bits) != 0) return x + x;
      return sign == 0 ? x : 0.0;
    }
    if (x > O_THRESHOLD) return HUGE * HUGE;
    if (x < U_THRESHOLD) return TWOM1000 * TWOM1000;
  }
  let hi: f64 = 0;
  let lo: f64 = 0;
  let k: i32 = 0;
  if (hx > 0x3fd62e42) {
    // |x| > 0.5·ln 2: x = k·ln 2 + r
    if (hx < 0x3ff0a2b2) {
      if (x == 1.0) return E;
      hi = x - (sign == 0 ? LN2_HI : -LN2_HI);
      lo = sign == 0 ? LN2_LO : -LN2_LO;
      k = 1 - <i32>sign - <i32>sign;
    } else {
      k = <i32>(INV_LN2 * x + (sign == 0 ? 0.5 : -0.5));
      const t = <f64>k;
      hi = x - t * LN2_HI;
      lo = t * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    // |x| < 2^-28
    if (HUGE + x > 1.0) return 1.0 + x;
  }
  const t = x * x;
  const twopk = reinterpret<f64>(<u64>(<u32>(0x3ff00000 + ((k >= -1021 ? k : k + 1000) << 20))) << 32);
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k == 0) return 1.0 - ((x * c) / (c - 2.0) - x);
  const y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi);
  if (k >= -1021) {
    if (k == 1024) return y * 2.0 * TWO1023;
    return y * twopk;
  }
  return y * twopk * TWOM1000;
}

/**
 * fdlibm's e^x for two doubles at once, for lanes with 2^-28 ≤ |x| < 708 (the caller sends the
 * others to expEdge): the three ways of reducing x (k = 0 below ½·ln 2, k = ±1 below 1½·ln 2,
 * else k = trunc(x/ln 2 ± ½)) are all computed and the right one picked per lane, with fdlibm's
 * operations: hi − lo is x itself where k = 0 (lo = 0), and (x·c)/(c − 2) is −((x·c)/(2 − c))
 * exactly (negation commutes with rounding). The thresholds compare the high words, as fdlibm's.
 */
@inline
function exp2F64(x: v128): v128 {
  const ax = v128.and(x, i64x2.splat(0x7fffffffffffffff));
  const neg = i64x2.lt_s(x, i64x2.splat(0));
  const mid = i64x2.lt_s(ax, i64x2.splat(0x3ff0a2b200000000)); // |x| < 1½·ln 2
  const reduced = i64x2.ge_s(ax, i64x2.splat(0x3fd62e4300000000)); // |x| > ½·ln 2
  const half = v128.bitselect(f64x2.splat(-0.5), f64x2.splat(0.5), neg);
  const kc = f64x2.convert_low_i32x4_s(i32x4.trunc_sat_f64x2_s_zero(f64x2.add(f64x2.mul(f64x2.splat(INV_LN2), x), half)));
  const one = v128.bitselect(f64x2.splat(-1.0), f64x2.splat(1.0), neg);
  const tk = v128.and(v128.bitselect(one, kc, mid), reduced); // 0 (+0.0) where not reduced
  const hiB = f64x2.sub(x, v128.bitselect(f64x2.splat(-LN2_HI), f64x2.splat(LN2_HI), neg));
  const loB = v128.bitselect(f64x2.splat(-LN2_LO), f64x2.splat(LN2_LO), neg);
  const hiC = f64x2.sub(x, f64x2.mul(tk, f64x2.splat(LN2_HI)));
  const loC = f64x2.mul(tk, f64x2.splat(LN2_LO));
  const hi = v128.bitselect(v128.bitselect(hiB, hiC, mid), x, reduced);
  const lo = v128.and(v128.bitselect(loB, loC, mid), reduced);
  const r = f64x2.sub(hi, lo);
  const t = f64x2.mul(r, r);
  let p = f64x2.splat(P5);
  p = f64x2.add(f64x2.splat(P4), f64x2.mul(t, p));
  p = f64x2.add(f64x2.splat(P3), f64x2.mul(t, p));
  p = f64x2.add(f64x2.splat(P2), f64x2.mul(t, p));
  p = f64x2.add(f64x2.splat(P1), f64x2.mul(t, p));
  const c = f64x2.sub(r, f64x2.mul(t, p));
  const q = f64x2.div(f64x2.mul(r, c), f64x2.sub(f64x2.splat(2.0), c));
  const oneD = f64x2.splat(1.0);
  const yA = f64x2.sub(oneD, f64x2.sub(f64x2.neg(q), r));
  // 2^k from k's bits: ((k + 1023) << 52), k within [−1021, 1021] here
  const kI = i64x2.extend_low_i32x4_s(i32x4.trunc_sat_f64x2_s_zero(tk));
  const twopk = i64x2.shl(i64x2.add(kI, i64x2.splat(1023)), 52);
  const yK = f64x2.mul(f64x2.sub(oneD, f64x2.sub(f64x2.sub(lo, q), hi)), twopk);
  const y = v128.bitselect(yK, yA, reduced);
  return v128.bitselect(f64x2.splat(E), y, f64x2.eq(x, oneD));
}

/** Whether every lane of four float32 values lies in 2^-28 ≤ |v| < 708 (exp4's range; exact bounds). */
@inline
function inRange4(v: v128): bool {
  const a = v128.and(v, i32x4.splat(0x7fffffff));
  return i32x4.all_true(v128.and(i32x4.ge_s(a, i32x4.splat(0x31800000)), i32x4.lt_s(a, i32x4.splat(0x44310000))));
}

/** e^v for four float32 values in inRange4's range (promoted exactly to double), each rounded to float32. */
@inline
function exp4(v: v128): v128 {
  const e01 = f32x4.demote_f64x2_zero(exp2F64(f64x2.promote_low_f32x4(v)));
  const e23 = f32x4.demote_f64x2_zero(exp2F64(f64x2.promote_low_f32x4(i32x4.shuffle(v, v, 2, 3, 0, 1))));
  return i32x4.shuffle(e01, e23, 0, 1, 4, 5);
}

/** out = e^x over n float32 values, rounded to float32 (the reference's `Math.exp` stored in a Float32Array). */
export function expF32(x: usize, out: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const v = v128.load(x + (<usize>i << 2));
    if (inRange4(v)) v128.store(out + (<usize>i << 2), exp4(v));
    else for (let j = i; j < i + 4; j++) exp1(x, out, j);
  }
  for (; i < n; i++) exp1(x, out, i);
}

/** Element i of expF32 through fdlibm's branches. */
@inline
function exp1(x: usize, out: usize, i: i32): void {
  store<f32>(out + (<usize>i << 2), <f32>expEdge(<f64>load<f32>(x + (<usize>i << 2))));
}

/** out = 1 / (1 + e^(−x)) over n float32 values, each operation rounded to float32 (the reference's). */
export function sigmoidF32(x: usize, out: usize, n: i32): void {
  const one = f32x4.splat(1.0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const v = f32x4.neg(v128.load(x + (<usize>i << 2)));
    if (inRange4(v)) v128.store(out + (<usize>i << 2), f32x4.div(one, f32x4.add(one, exp4(v))));
    else for (let j = i; j < i + 4; j++) sigmoid1(x, out, j);
  }
  for (; i < n; i++) sigmoid1(x, out, i);
}

/** Element i of sigmoidF32 through fdlibm's branches. */
@inline
function sigmoid1(x: usize, out: usize, i: i32): void {
  const e = <f32>expEdge(-<f64>load<f32>(x + (<usize>i << 2)));
  store<f32>(out + (<usize>i << 2), <f32>1.0 / (<f32>1.0 + e));
}

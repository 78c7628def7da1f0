// AssemblyScript source of the fused RMSProp kernels (compiled by scripts/build-wasm.mjs, not by tsc).
//
// Arithmetic follows spec/paddle-semantics.md §7 and src/kernels/ref/rmsprop.ts operation for
// operation: every binary op is one IEEE op in the element type T (f32x4 / f64x2 lanes, or the
// scalar op in the tails), no FMA, no reassociation. WebAssembly float ops are correctly rounded
// and keep subnormals, so SIMD lanes, scalar tails and the reference agree bit for bit; only NaN
// payloads may differ (compare with Object.is).
//
// The module owns no memory and allocates nothing: it imports the kernel heap, reads a descriptor
// table written by the TypeScript side, and updates the arrays in place. Layout constants are
// mirrored in ../layout.ts and checked against the exported globals when the module is loaded.

// ---- descriptor table of a fused RMSProp step: one 80-byte record per slot ---------------------
export const DESC_BYTES: i32 = 80;
const O_PARAM: usize = 0; // u32 byte offsets of the five arrays
const O_GRAD: usize = 4;
const O_MS: usize = 8;
const O_MOM: usize = 12;
const O_MG: usize = 16;
const O_LEN: usize = 20; // u32 element count
const O_START: usize = 24; // u32 index of the slot's first element in the group (prefix sum)
const O_FLAGS: usize = 28; // u32 gradient transforms, F_* below
const O_LR: usize = 32; // f64 fields, rounded to T by the kernel
const O_CMIN: usize = 40;
const O_CMAX: usize = 48;
const O_SCALE: usize = 56;
const O_COEFF: usize = 64;
const O_PSCALE: usize = 72; // transform 0: the parameter times T(paramScale) (F_PSCALE)

export const F_CLIP: u32 = 1;
export const F_SCALE: u32 = 2;
export const F_L1: u32 = 4;
export const F_L2: u32 = 8;
export const F_PSCALE: u32 = 16;

// ---- descriptor table of a sum of squares: one 16-byte record per array -------------------------
export const SQ_BYTES: i32 = 16;
const SQ_PTR: usize = 0; // u32 byte offset
const SQ_LEN: usize = 4; // u32 element count
const SQ_FIRST: usize = 8; // u32 index of the array's first block among all blocks
export const SQ_BLOCK: i32 = 65536; // elements per block; each block sum is one f64

/** The last record whose u32 field at `field` is <= `key` (records are sorted by it). */
@inline
function findRecord(table: usize, count: i32, stride: usize, field: usize, key: u32): i32 {
  let lo: i32 = 0;
  let hi: i32 = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (load<u32>(table + <usize>mid * stride + field) <= key) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// ---- RMSProp ------------------------------------------------------------------------------------

/**
 * Elements [lo, hi) of one slot. `centered` and `transform` are compile-time constants at each
 * inlined call site, so each of the four loops carries only the work it needs.
 */
@inline
function slotKernel<T>(
  rec: usize,
  lo: usize,
  hi: usize,
  rho: T,
  eps: T,
  mu: T,
  c: T,
  centered: bool,
  transform: bool,
): void {
  const size: usize = sizeof<T>();
  const lanes: usize = 16 / size;
  const pP = <usize>load<u32>(rec, O_PARAM);
  const pG = <usize>load<u32>(rec, O_GRAD);
  const pMs = <usize>load<u32>(rec, O_MS);
  const pMom = <usize>load<u32>(rec, O_MOM);
  const pMg = <usize>load<u32>(rec, O_MG);
  const lr = <T>load<f64>(rec, O_LR);
  const flags = load<u32>(rec, O_FLAGS);
  const cmin = <T>load<f64>(rec, O_CMIN);
  const cmax = <T>load<f64>(rec, O_CMAX);
  const scale = <T>load<f64>(rec, O_SCALE);
  const coeff = <T>load<f64>(rec, O_COEFF);
  const pscale = <T>load<f64>(rec, O_PSCALE);

  const rhoV = v128.splat<T>(rho);
  const epsV = v128.splat<T>(eps);
  const muV = v128.splat<T>(mu);
  const cV = v128.splat<T>(c);
  const lrV = v128.splat<T>(lr);
  const cminV = v128.splat<T>(cmin);
  const cmaxV = v128.splat<T>(cmax);
  const scaleV = v128.splat<T>(scale);
  const coeffV = v128.splat<T>(coeff);
  const pscaleV = v128.splat<T>(pscale);
  const zeroV = v128.splat<T>(<T>0);
  const oneV = v128.splat<T>(<T>1);

  let i = lo;
  for (; i + lanes <= hi; i += lanes) {
    const off = i * size;
    let p = v128.load(pP + off);
    let g = v128.load(pG + off);
    if (transform) {
      if (flags & F_PSCALE) p = v128.mul<T>(p, pscaleV);
      if (flags & F_CLIP) {
        // g < min ? min : g > max ? max : g  (NaN passes)
        const upper = v128.bitselect(cmaxV, g, v128.gt<T>(g, cmaxV));
        g = v128.bitselect(cminV, upper, v128.lt<T>(g, cminV));
      }
      if (flags & F_SCALE) g = v128.mul<T>(g, scaleV);
      if (flags & F_L2) {
        g = v128.add<T>(g, v128.mul<T>(coeffV, p));
      } else if (flags & F_L1) {
        // sign(p) = (p > 0 ? 1 : 0) - (p < 0 ? 1 : 0): +0 for ±0 and NaN
        const s = v128.sub<T>(
          v128.and(v128.gt<T>(p, zeroV), oneV),
          v128.and(v128.lt<T>(p, zeroV), oneV),
        );
        g = v128.add<T>(g, v128.mul<T>(coeffV, s));
      }
    }
    const ms = v128.add<T>(
      v128.mul<T>(rhoV, v128.load(pMs + off)),
      v128.mul<T>(v128.mul<T>(cV, g), g),
    );
    v128.store(pMs + off, ms);
    let denom: v128;
    if (centered) {
      const mg = v128.add<T>(v128.mul<T>(rhoV, v128.load(pMg + off)), v128.mul<T>(cV, g));
      v128.store(pMg + off, mg);
      denom = v128.sqrt<T>(v128.add<T>(v128.sub<T>(ms, v128.mul<T>(mg, mg)), epsV));
    } else {
      denom = v128.sqrt<T>(v128.add<T>(ms, epsV));
    }
    const mom = v128.add<T>(
      v128.mul<T>(muV, v128.load(pMom + off)),
      v128.div<T>(v128.mul<T>(lrV, g), denom),
    );
    v128.store(pMom + off, mom);
    v128.store(pP + off, v128.sub<T>(p, mom));
  }

  for (; i < hi; i++) {
    const off = i * size;
    let p = load<T>(pP + off);
    let g = load<T>(pG + off);
    if (transform) {
      if (flags & F_PSCALE) p = p * pscale;
      if (flags & F_CLIP) g = g < cmin ? cmin : g > cmax ? cmax : g;
      if (flags & F_SCALE) g = g * scale;
      if (flags & F_L2) {
        g = g + coeff * p;
      } else if (flags & F_L1) {
        const s: T = (p > <T>0 ? <T>1 : <T>0) - (p < <T>0 ? <T>1 : <T>0);
        g = g + coeff * s;
      }
    }
    const ms: T = rho * load<T>(pMs + off) + c * g * g; // (c·g)·g, left to right
    store<T>(pMs + off, ms);
    let denom: T;
    if (centered) {
      const mg: T = rho * load<T>(pMg + off) + c * g;
      store<T>(pMg + off, mg);
      denom = sqrt<T>(ms - mg * mg + eps);
    } else {
      denom = sqrt<T>(ms + eps);
    }
    const mom: T = mu * load<T>(pMom + off) + (lr * g) / denom;
    store<T>(pMom + off, mom);
    store<T>(pP + off, p - mom);
  }
}

/** Paddle's step over elements [lo, hi) of one slot: one of the four loops of `slotKernel`. */
@inline
function paddleSlot<T>(rec: usize, lo: usize, hi: usize, rho: T, eps: T, mu: T, c: T, centered: bool): void {
  const transform = load<u32>(rec, O_FLAGS) != 0;
  if (centered) {
    if (transform) slotKernel<T>(rec, lo, hi, rho, eps, mu, c, true, true);
    else slotKernel<T>(rec, lo, hi, rho, eps, mu, c, true, false);
  } else {
    if (transform) slotKernel<T>(rec, lo, hi, rho, eps, mu, c, false, true);
    else slotKernel<T>(rec, lo, hi, rho, eps, mu, c, false, false);
  }
}

/**
 * The walk shared by Paddle's step and the frameworks' variants: elements [begin, end) of a group,
 * slot by slot (slot d holds elements start_d .. start_d + len_d; records are sorted by start), each
 * slot over its part [lo, hi) in slot indices. `paddle` is a compile-time constant at each call
 * site: Paddle's step (`mode`: M_CENTERED or 0), or a framework's variant (`mode`: variant |
 * M_CENTERED | M_BUFFER, see `variantDispatch`).
 */
@inline
function walkSlots<T>(
  table: usize,
  count: i32,
  begin: u32,
  end: u32,
  rho: T,
  eps: T,
  mu: T,
  c: T,
  paddle: bool,
  mode: i32,
): void {
  if (count <= 0 || begin >= end) return;
  const stride = <usize>DESC_BYTES;
  for (let d = findRecord(table, count, stride, O_START, begin); d < count; d++) {
    const rec = table + <usize>d * stride;
    const start = load<u32>(rec, O_START);
    if (start >= end) break;
    const len = load<u32>(rec, O_LEN);
    const lo = <usize>(max<u32>(begin, start) - start);
    const stop = start + len;
    const hi = <usize>((stop < end ? stop : end) - start);
    if (lo >= hi) continue;
    if (paddle) paddleSlot<T>(rec, lo, hi, rho, eps, mu, c, (mode & M_CENTERED) != 0);
    else variantDispatch<T>(rec, lo, hi, rho, eps, mu, c, mode);
  }
}

/**
 * One fused RMSProp step over the elements [begin, end) of a group of float32 slots, numbered
 * consecutively through the table (slot d holds elements start_d .. start_d + len_d). `rho`, `eps`
 * and `mu` arrive float32-rounded; they are exact in f32.
 */
export function rmspropF32(
  table: usize,
  count: i32,
  begin: u32,
  end: u32,
  rho: f64,
  eps: f64,
  mu: f64,
  centered: i32,
): void {
  const r = <f32>rho;
  walkSlots<f32>(table, count, begin, end, r, <f32>eps, <f32>mu, <f32>1 - r, true, centered != 0 ? M_CENTERED : 0);
}

/** As `rmspropF32` for float64 slots; `rho`, `eps`, `mu` are float32-rounded values used as f64. */
export function rmspropF64(
  table: usize,
  count: i32,
  begin: u32,
  end: u32,
  rho: f64,
  eps: f64,
  mu: f64,
  centered: i32,
): void {
  walkSlots<f64>(table, count, begin, end, rho, eps, mu, 1 - rho, true, centered != 0 ? M_CENTERED : 0);
}

// ---- the frameworks' RMSProp variants -----------------------------------------------------------
//
// The same descriptor table and slot walk (`walkSlots`) as Paddle's step; each element follows
// src/kernels/ref/rmsprop.ts `rmspropVariantSlot` operation for operation. The element function is
// written once over V, which is v128 (the f32x4 / f64x2 lanes) or T itself (the scalar tail): the
// helpers below pick the vector or the scalar instruction at compile time, so lanes and tails
// cannot drift apart. `mode` packs the variant (low 4 bits), M_CENTERED and M_BUFFER.

export const V_TORCH: i32 = 1;
export const V_KERAS: i32 = 2;
export const V_TFJS: i32 = 3;
export const V_TF1: i32 = 4;
export const V_TIMM: i32 = 5; // lr inside the momentum buffer
export const V_TIMM_LR_OUT: i32 = 6;
export const V_OPTAX: i32 = 7; // ε inside the square root
export const V_OPTAX_EPS_OUT: i32 = 8;
export const M_CENTERED: i32 = 16;
export const M_BUFFER: i32 = 32;

/** 2^128 − 2^103: the float32 midpoint between FLT_MAX and 2^128 (a finite f64). */
const OVF_MID: f64 = 340282356779733661637539395458142568448.0;
const FLT_MAX_D: f64 = 340282346638528859811704183484516925440.0;

@inline function vadd<T, V>(a: V, b: V): V {
  if (isVector<V>()) return v128.add<T>(a, b);
  else return a + b;
}
@inline function vsub<T, V>(a: V, b: V): V {
  if (isVector<V>()) return v128.sub<T>(a, b);
  else return a - b;
}
@inline function vmul<T, V>(a: V, b: V): V {
  if (isVector<V>()) return v128.mul<T>(a, b);
  else return a * b;
}
@inline function vdiv<T, V>(a: V, b: V): V {
  if (isVector<V>()) return v128.div<T>(a, b);
  else return a / b;
}
@inline function vsqrt<T, V>(a: V): V {
  if (isVector<V>()) return v128.sqrt<T>(a);
  else return sqrt<T>(a);
}
@inline function vneg<T, V>(a: V): V {
  if (isVector<V>()) return v128.neg<T>(a);
  else return -a;
}
@inline function vsplat<T, V>(x: T): V {
  if (isVector<V>()) return v128.splat<T>(x);
  else return <V>x;
}
/** g < min ? min : g > max ? max : g (NaN passes). */
@inline function vclip<T, V>(g: V, lo: V, hi: V): V {
  if (isVector<V>()) {
    const upper = v128.bitselect(hi, g, v128.gt<T>(g, hi));
    return v128.bitselect(lo, upper, v128.lt<T>(g, lo));
  } else return g < lo ? lo : g > hi ? hi : g;
}
/** sign(p) = (p > 0 ? 1 : 0) − (p < 0 ? 1 : 0): +0 for ±0 and NaN. */
@inline function vsign<T, V>(p: V): V {
  if (isVector<V>()) {
    const one = v128.splat<T>(<T>1);
    const zero = v128.splat<T>(<T>0);
    return v128.sub<T>(v128.and(v128.gt<T>(p, zero), one), v128.and(v128.lt<T>(p, zero), one));
  } else return <V>((p > <V>0 ? <T>1 : <T>0) - (p < <V>0 ? <T>1 : <T>0));
}

/**
 * fmaf(a, b, c) for float32 a, b, c: a·b + c rounded once (src/kernels/ref/fma.ts, the same
 * steps; the lanes use fmaf2 below). The product is exact in f64; the f64 sum s rounds to f32 correctly unless s is a
 * float32 midpoint (the only case where two roundings differ from one), and then the sign of the
 * sum's rounding error (TwoSum) decides. A midpoint n = 2s − r is recognised by being a float32;
 * at the top of the range the midpoint 2^128 − 2^103 has FLT_MAX for its lower neighbour.
 * The scalar tails use it (not inlined: it is large and runs on at most three elements per slot).
 */
function fmaf1(a: f32, b: f32, c: f32): f32 {
  const p = <f64>a * <f64>b;
  const cd = <f64>c;
  const s = p + cd;
  const r = <f32>s;
  const rd = <f64>r;
  if (rd == s) return r;
  let n: f64;
  if (abs<f64>(rd) < Infinity) {
    n = 2 * s - rd;
    if (<f64><f32>n != n) return r;
  } else {
    if (abs<f64>(s) != OVF_MID) return r; // NaN, or beyond the midpoint
    n = copysign<f64>(FLT_MAX_D, s);
  }
  const bb = s - p;
  const err = p - (s - bb) + (cd - bb);
  if (err == 0) return r;
  return err > 0 == n > rd ? <f32>n : r;
}

/**
 * fmaf on two lanes of f64 (promoted float32 values). Most sums are not float32 midpoints and
 * are returned as they are (the caller's demote rounds them correctly); otherwise by rounding to
 * odd: the exact
 * sum p + c (p = a·b is exact in f64) is s + err (TwoSum); when err ≠ 0 and s's last bit is even,
 * s moves one ulp towards err onto its odd neighbour. Rounding that round-to-odd f64 to float32
 * (the caller's demote) is then the correctly rounded a·b + c (53 ≥ 24 + 2 bits: Boldo and
 * Melquiond, "Emulation of FMA and correctly rounded sums: proved algorithms using rounding to
 * odd", IEEE TC 2008), subnormal results and the overflow threshold included. Non-finite sums are
 * left alone. Correctly rounded like fmaf1, so the lanes and the tail agree bit for bit (both are
 * checked against an exact oracle).
 */
@inline function fmaf2(a: v128, b: v128, c: v128): v128 {
  const p = f64x2.mul(a, b);
  const s = f64x2.add(p, c);
  // Rounding s to float32 is already right unless s is a float32 midpoint (the only case where
  // two roundings differ from one): for a normal float32 its low 29 bits are then 1 << 28; tiny
  // sums (|s| < 2^-126, not 0) take the careful way too.
  const maybe = v128.or(
    i64x2.eq(v128.and(s, i64x2.splat(0x1fffffff)), i64x2.splat(0x10000000)),
    v128.and(f64x2.lt(f64x2.abs(s), f64x2.splat(1.1754943508222875e-38)), f64x2.ne(s, f64x2.splat(0))),
  );
  if (!v128.any_true(maybe)) return s;
  const bb = f64x2.sub(s, p);
  const err = f64x2.add(f64x2.sub(p, f64x2.sub(s, bb)), f64x2.sub(c, bb));
  const one = i64x2.splat(1);
  const fix = v128.and(
    v128.and(f64x2.ne(err, f64x2.splat(0)), i64x2.eq(v128.and(s, one), i64x2.splat(0))),
    f64x2.lt(f64x2.abs(s), f64x2.splat(Infinity)),
  );
  // towards err: +1 on the bits when err has s's sign (away from zero), −1 otherwise
  const away = i64x2.ge_s(v128.xor(s, err), i64x2.splat(0));
  const step = v128.bitselect(one, i64x2.splat(-1), away);
  return i64x2.add(s, v128.and(step, fix));
}

/** fmaf1 on four f32 lanes. */
@inline function fmaf4(a: v128, b: v128, c: v128): v128 {
  const lo = fmaf2(f64x2.promote_low_f32x4(a), f64x2.promote_low_f32x4(b), f64x2.promote_low_f32x4(c));
  const hi = fmaf2(
    f64x2.promote_low_f32x4(v128.shuffle<f32>(a, a, 2, 3, 2, 3)),
    f64x2.promote_low_f32x4(v128.shuffle<f32>(b, b, 2, 3, 2, 3)),
    f64x2.promote_low_f32x4(v128.shuffle<f32>(c, c, 2, 3, 2, 3)),
  );
  return v128.shuffle<f32>(f32x4.demote_f64x2_zero(lo), f32x4.demote_f64x2_zero(hi), 0, 1, 4, 5); // the rounding to float32
}

/**
 * out[i] = fmaf(a[i], b[i], c[i]) for i < n (byte offsets of float32 arrays): fmaf4 on groups of
 * four, fmaf1 on the tail. Only the tests call it (tests/kernels/variants.test.ts checks both
 * paths against an exact oracle).
 */
export function fmafF32(a: usize, b: usize, c: usize, out: usize, n: i32): void {
  let i: usize = 0;
  const len = <usize>n;
  for (; i + 4 <= len; i += 4) {
    const off = i << 2;
    v128.store(out + off, fmaf4(v128.load(a + off), v128.load(b + off), v128.load(c + off)));
  }
  for (; i < len; i++) {
    const off = i << 2;
    store<f32>(out + off, fmaf1(load<f32>(a + off), load<f32>(b + off), load<f32>(c + off)));
  }
}

/** PyTorch's fused multiply-add: one rounding in float32 (fmaf), `a·b + c` in float64. */
@inline function vfma<T, V>(a: V, b: V, c: V): V {
  if (sizeof<T>() == 8) return vadd<T, V>(vmul<T, V>(a, b), c);
  if (isVector<V>()) return fmaf4(a, b, c);
  else return <V>fmaf1(<f32>a, <f32>b, <f32>c);
}

/** Elements [lo, hi) of one slot with the variant `variant`; V is v128 (lanes) or T (scalar). */
@inline function variantRange<T, V>(
  rec: usize,
  lo: usize,
  hi: usize,
  step: usize,
  rhoS: T,
  epsS: T,
  muS: T,
  cS: T,
  variant: i32,
  centered: bool,
  buffer: bool,
): usize {
  const size: usize = sizeof<T>();
  const pP = <usize>load<u32>(rec, O_PARAM);
  const pG = <usize>load<u32>(rec, O_GRAD);
  const pMs = <usize>load<u32>(rec, O_MS);
  const pMom = <usize>load<u32>(rec, O_MOM);
  const pMg = <usize>load<u32>(rec, O_MG);
  const flags = load<u32>(rec, O_FLAGS);
  const lrS = <T>load<f64>(rec, O_LR);
  const rho = vsplat<T, V>(rhoS);
  const eps = vsplat<T, V>(epsS);
  const mu = vsplat<T, V>(muS);
  const c = vsplat<T, V>(cS);
  const lr = vsplat<T, V>(lrS);
  const negLr = vsplat<T, V>(-lrS);
  const one = vsplat<T, V>(<T>1);
  const cmin = vsplat<T, V>(<T>load<f64>(rec, O_CMIN));
  const cmax = vsplat<T, V>(<T>load<f64>(rec, O_CMAX));
  const scale = vsplat<T, V>(<T>load<f64>(rec, O_SCALE));
  const coeff = vsplat<T, V>(<T>load<f64>(rec, O_COEFF));
  const pscale = vsplat<T, V>(<T>load<f64>(rec, O_PSCALE));
  const fused = variant == V_TORCH || variant == V_TIMM || variant == V_TIMM_LR_OUT;

  let i = lo;
  for (; i + step <= hi; i += step) {
    const off = i * size;
    let p = load<V>(pP + off);
    let g = load<V>(pG + off);
    // transforms 0-3 (types.ts RmspropSlot), loop-invariant branches
    if (flags != 0) {
      if (flags & F_PSCALE) p = vmul<T, V>(p, pscale);
      if (flags & F_CLIP) g = vclip<T, V>(g, cmin, cmax);
      if (flags & F_SCALE) g = vmul<T, V>(g, scale);
      if (flags & F_L2) {
        g = fused ? vfma<T, V>(p, coeff, g) : vadd<T, V>(g, vmul<T, V>(coeff, p));
      } else if (flags & F_L1) {
        g = vadd<T, V>(g, vmul<T, V>(coeff, vsign<T, V>(p)));
      }
    }
    const ms0 = load<V>(pMs + off);
    const gg = vmul<T, V>(g, g);
    let ms: V;
    if (variant == V_TORCH) ms = vfma<T, V>(vmul<T, V>(c, g), g, vmul<T, V>(ms0, rho));
    else if (variant == V_TF1) ms = vadd<T, V>(ms0, vmul<T, V>(vsub<T, V>(gg, ms0), c));
    else if (variant == V_TIMM || variant == V_TIMM_LR_OUT) ms = vfma<T, V>(vsub<T, V>(gg, ms0), c, ms0);
    else ms = vadd<T, V>(vmul<T, V>(rho, ms0), vmul<T, V>(c, gg)); // Keras, TF.js, Optax
    store<V>(pMs + off, ms);
    let v = ms; // the variance estimate under the square root
    let mg: V = ms;
    if (centered) {
      const mg0 = load<V>(pMg + off);
      if (variant == V_TORCH) mg = vfma<T, V>(g, c, vmul<T, V>(mg0, rho));
      else if (variant == V_TF1) mg = vadd<T, V>(mg0, vmul<T, V>(vsub<T, V>(g, mg0), c));
      else if (variant == V_TIMM || variant == V_TIMM_LR_OUT) mg = vfma<T, V>(vsub<T, V>(g, mg0), c, mg0);
      else mg = vadd<T, V>(vmul<T, V>(rho, mg0), vmul<T, V>(c, g));
      store<V>(pMg + off, mg);
      if (fused) v = vfma<T, V>(vneg<T, V>(mg), mg, ms);
      else if (variant != V_TFJS) v = vsub<T, V>(ms, vmul<T, V>(mg, mg));
    }
    if (variant == V_TORCH) {
      const avg = vadd<T, V>(vsqrt<T, V>(v), eps);
      if (buffer) {
        const b = vadd<T, V>(vmul<T, V>(load<V>(pMom + off), mu), vdiv<T, V>(g, avg));
        store<V>(pMom + off, b);
        p = vfma<T, V>(b, negLr, p);
      } else p = vadd<T, V>(p, vdiv<T, V>(vmul<T, V>(negLr, g), avg));
    } else if (variant == V_OPTAX || variant == V_OPTAX_EPS_OUT) {
      const den = variant == V_OPTAX ? vsqrt<T, V>(vadd<T, V>(v, eps)) : vadd<T, V>(vsqrt<T, V>(v), eps);
      let u = vmul<T, V>(negLr, vmul<T, V>(vdiv<T, V>(one, den), g));
      if (buffer) {
        u = vadd<T, V>(u, vmul<T, V>(mu, load<V>(pMom + off)));
        store<V>(pMom + off, u);
      }
      p = u; // Optax's update, not the parameter
    } else {
      // Keras, TF.js, TF1, timm: ε inside the square root
      let den: V;
      if (variant == V_TFJS && centered) den = vsqrt<T, V>(vsub<T, V>(ms, vadd<T, V>(vmul<T, V>(mg, mg), eps)));
      else den = vsqrt<T, V>(vadd<T, V>(v, eps));
      if (variant == V_TIMM_LR_OUT && buffer) {
        const b = vadd<T, V>(vmul<T, V>(load<V>(pMom + off), mu), vdiv<T, V>(g, den));
        store<V>(pMom + off, b);
        p = vfma<T, V>(b, negLr, p);
      } else if (buffer) {
        const b = vadd<T, V>(vmul<T, V>(load<V>(pMom + off), mu), vdiv<T, V>(vmul<T, V>(lr, g), den));
        store<V>(pMom + off, b);
        p = vsub<T, V>(p, b);
      } else if (variant == V_KERAS) {
        p = vsub<T, V>(p, vdiv<T, V>(vmul<T, V>(lr, g), den));
      } else {
        p = vadd<T, V>(p, vdiv<T, V>(vmul<T, V>(negLr, g), den)); // timm without momentum
      }
    }
    store<V>(pP + off, p);
  }
  return i;
}

@inline
function variantSlot<T>(
  rec: usize,
  lo: usize,
  hi: usize,
  rho: T,
  eps: T,
  mu: T,
  c: T,
  variant: i32,
  centered: bool,
  buffer: bool,
): void {
  const lanes: usize = 16 / sizeof<T>();
  const i = variantRange<T, v128>(rec, lo, hi, lanes, rho, eps, mu, c, variant, centered, buffer);
  variantRange<T, T>(rec, i, hi, 1, rho, eps, mu, c, variant, centered, buffer);
}

/** One slot range with compile-time variant, centered and buffer (the dispatch below). */
@inline
function variantDispatch<T>(rec: usize, lo: usize, hi: usize, rho: T, eps: T, mu: T, c: T, mode: i32): void {
  const v = mode & 15;
  const cen = (mode & M_CENTERED) != 0; // a loop-invariant branch inside the loops
  const buf = (mode & M_BUFFER) != 0;
  // each (variant, buffer) a loop of its own; variants that always keep a buffer (TF.js, TF1) or
  // do not differ without one (timm's lr placement) share their instantiations
  if (v == V_TORCH) {
    if (buf) variantSlot<T>(rec, lo, hi, rho, eps, mu, c, V_TORCH, cen, true);
    else variantSlot<T>(rec, lo, hi, rho, eps, mu, c, V_TORCH, cen, false);
  } else if (v == V_KERAS) {
    if (buf) variantSlot<T>(rec, lo, hi, rho, eps, mu, c, V_KERAS, cen, true);
    else variantSlot<T>(rec, lo, hi, rho, eps, mu, c, V_KERAS, cen, false);
  } else if (v == V_TFJS) {
    if (cen) variantSlot<T>(rec, lo, hi, rho, eps, mu, c, V_TFJS, true, true);
    else variantSlot<T>(rec, lo, hi, rho, eps, mu, c, V_KERAS, false, true); // the same operations
  } else if (v == V_TF1) {
    variantSlot<T>(rec, lo, hi, rho, eps, mu, c, V_TF1, cen, true);
  } else if (v == V_TIMM || v == V_TIMM_LR_OUT) {
    if (!buf) variantSlot<T>(rec, lo, hi, rho, eps, mu, c, V_TIMM, cen, false);
    else if (v == V_TIMM) variantSlot<T>(rec, lo, hi, rho, eps, mu, c, V_TIMM, cen, true);
    else variantSlot<T>(rec, lo, hi, rho, eps, mu, c, V_TIMM_LR_OUT, cen, true);
  } else if (v == V_OPTAX) {
    if (buf) variantSlot<T>(rec, lo, hi, rho, eps, mu, c, V_OPTAX, cen, true);
    else variantSlot<T>(rec, lo, hi, rho, eps, mu, c, V_OPTAX, cen, false);
  } else if (v == V_OPTAX_EPS_OUT) {
    if (buf) variantSlot<T>(rec, lo, hi, rho, eps, mu, c, V_OPTAX_EPS_OUT, cen, true);
    else variantSlot<T>(rec, lo, hi, rho, eps, mu, c, V_OPTAX_EPS_OUT, cen, false);
  } else {
    unreachable();
  }
}

/**
 * One step of a framework's RMSProp (`mode`: variant | M_CENTERED | M_BUFFER) over the elements
 * [begin, end) of a group of float32 slots. `rho`, `eps`, `mu` and `c` (1 − ρ) arrive already
 * rounded to f32 by the variant's rule (ref/rmsprop.ts `variantScalars`).
 */
export function rmspropVarF32(table: usize, count: i32, begin: u32, end: u32, rho: f64, eps: f64, mu: f64, c: f64, mode: i32): void {
  walkSlots<f32>(table, count, begin, end, <f32>rho, <f32>eps, <f32>mu, <f32>c, false, mode);
}

/** As `rmspropVarF32` for float64 slots. */
export function rmspropVarF64(table: usize, count: i32, begin: u32, end: u32, rho: f64, eps: f64, mu: f64, c: f64, mode: i32): void {
  walkSlots<f64>(table, count, begin, end, rho, eps, mu, c, false, mode);
}

// ---- sum of squares -----------------------------------------------------------------------------

/**
 * Σx² of elements [i0, i1) (i0 a multiple of 4) in f64 with four lanes: element i goes to lane
 * i & 3, and the block sum is (l0 + l2) + (l1 + l3). src/kernels/ref/sum-squares.ts does the same.
 */
@inline
function blockSum<T>(ptr: usize, i0: usize, i1: usize): f64 {
  const size: usize = sizeof<T>();
  let a01 = f64x2.splat(0);
  let a23 = f64x2.splat(0);
  let i = i0;
  for (; i + 4 <= i1; i += 4) {
    let x01: v128;
    let x23: v128;
    if (size == 4) {
      const v = v128.load(ptr + i * 4);
      x01 = f64x2.promote_low_f32x4(v);
      x23 = f64x2.promote_low_f32x4(v128.shuffle<f32>(v, v, 2, 3, 2, 3));
    } else {
      x01 = v128.load(ptr + i * 8);
      x23 = v128.load(ptr + i * 8 + 16);
    }
    a01 = f64x2.add(a01, f64x2.mul(x01, x01));
    a23 = f64x2.add(a23, f64x2.mul(x23, x23));
  }
  let l0 = f64x2.extract_lane(a01, 0);
  let l1 = f64x2.extract_lane(a01, 1);
  let l2 = f64x2.extract_lane(a23, 0);
  // the tail has at most 3 elements, in lanes 0, 1, 2
  if (i < i1) {
    const x = <f64>load<T>(ptr + i * size);
    l0 = l0 + x * x;
  }
  if (i + 1 < i1) {
    const x = <f64>load<T>(ptr + (i + 1) * size);
    l1 = l1 + x * x;
  }
  if (i + 2 < i1) {
    const x = <f64>load<T>(ptr + (i + 2) * size);
    l2 = l2 + x * x;
  }
  const l3 = f64x2.extract_lane(a23, 1);
  return l0 + l2 + (l1 + l3);
}

@inline
function sumSquares<T>(table: usize, count: i32, bBegin: u32, bEnd: u32, out: usize): void {
  if (count <= 0 || bBegin >= bEnd) return;
  const stride = <usize>SQ_BYTES;
  const block = <u32>SQ_BLOCK;
  for (let d = findRecord(table, count, stride, SQ_FIRST, bBegin); d < count; d++) {
    const rec = table + <usize>d * stride;
    const first = load<u32>(rec, SQ_FIRST);
    if (first >= bEnd) break;
    const len = load<u32>(rec, SQ_LEN);
    const nb = (len + block - 1) / block;
    const ptr = <usize>load<u32>(rec, SQ_PTR);
    const b0 = max<u32>(bBegin, first) - first;
    const stop = first + nb;
    const b1 = (stop < bEnd ? stop : bEnd) - first;
    for (let b = b0; b < b1; b++) {
      const i0 = b * block;
      const i1 = min<u32>(len, i0 + block);
      store<f64>(out + <usize>(first + b) * 8, blockSum<T>(ptr, <usize>i0, <usize>i1));
    }
  }
}

/** Writes the f64 sum of squares of every block in [bBegin, bEnd) to out[block] (float32 arrays). */
export function sumSquaresF32(table: usize, count: i32, bBegin: u32, bEnd: u32, out: usize): void {
  sumSquares<f32>(table, count, bBegin, bEnd, out);
}

/** As `sumSquaresF32` for float64 arrays. */
export function sumSquaresF64(table: usize, count: i32, bBegin: u32, bEnd: u32, out: usize): void {
  sumSquares<f64>(table, count, bBegin, bEnd, out);
}

// ---- float32 matrix product of the kernel contract (gemm.ts) ------------------------------------
export { GEMM_BYTES, GEMM_KC, SKIP_REC_BYTES, SKIP_TABLE_BYTES, gemmSkipFinishF32, gemmSkipListsF32, gemmSkipRestF32, gemmUnitsF32, peakF32x4, transposeF32, zeroBytes } from './gemm';
export { PATCH_BYTES, imageToRowsF32, rowsToImageF32 } from './patches';
export { POOL_BYTES, maxPoolF32 } from './pool';
export { reluF32, reluGradF32 } from './relu';
export { expF32, sigmoidF32 } from './exp';

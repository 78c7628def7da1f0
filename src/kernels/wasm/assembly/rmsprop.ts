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

export const F_CLIP: u32 = 1;
export const F_SCALE: u32 = 2;
export const F_L1: u32 = 4;
export const F_L2: u32 = 8;

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

  const rhoV = v128.splat<T>(rho);
  const epsV = v128.splat<T>(eps);
  const muV = v128.splat<T>(mu);
  const cV = v128.splat<T>(c);
  const lrV = v128.splat<T>(lr);
  const cminV = v128.splat<T>(cmin);
  const cmaxV = v128.splat<T>(cmax);
  const scaleV = v128.splat<T>(scale);
  const coeffV = v128.splat<T>(coeff);
  const zeroV = v128.splat<T>(<T>0);
  const oneV = v128.splat<T>(<T>1);

  let i = lo;
  for (; i + lanes <= hi; i += lanes) {
    const off = i * size;
    const p = v128.load(pP + off);
    let g = v128.load(pG + off);
    if (transform) {
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
    const p = load<T>(pP + off);
    let g = load<T>(pG + off);
    if (transform) {
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

@inline
function rmsprop<T>(
  table: usize,
  count: i32,
  begin: u32,
  end: u32,
  rho: T,
  eps: T,
  mu: T,
  centered: bool,
): void {
  if (count <= 0 || begin >= end) return;
  const c: T = <T>1 - rho;
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
    const transform = load<u32>(rec, O_FLAGS) != 0;
    if (centered) {
      if (transform) slotKernel<T>(rec, lo, hi, rho, eps, mu, c, true, true);
      else slotKernel<T>(rec, lo, hi, rho, eps, mu, c, true, false);
    } else {
      if (transform) slotKernel<T>(rec, lo, hi, rho, eps, mu, c, false, true);
      else slotKernel<T>(rec, lo, hi, rho, eps, mu, c, false, false);
    }
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
  rmsprop<f32>(table, count, begin, end, <f32>rho, <f32>eps, <f32>mu, centered != 0);
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
  rmsprop<f64>(table, count, begin, end, rho, eps, mu, centered != 0);
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
export { GEMM_BYTES, GEMM_KC, SKIP_REC_BYTES, gemmSkipListsF32, gemmUnitsF32, peakF32x4, transposeF32, zeroBytes } from './gemm';
export { PATCH_BYTES, imageToRowsF32, rowsToImageF32 } from './patches';
export { POOL_BYTES, maxPoolF32 } from './pool';

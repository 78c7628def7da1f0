// AssemblyScript source of convolution's data movement (im2col with the patches as rows, and its
// adjoint col2im), compiled by scripts/build-wasm.mjs through rmsprop.ts. The gather copies exactly
// (one loop, gatherRowsF32, for a band of rows or the whole matrix), and the scatter is the
// TypeScript reference's loop (src/kernels/ref/patches.ts) one for one: it adds in float64 in the
// same order (output position p, then channel, kernel row i,
// kernel column j), so both give the same bits (tests/kernels/patches.test.ts).
//
// A geometry descriptor is PATCH_BYTES of i32 words (mirrored in src/kernels/wasm/layout.ts):
// n, c, h, w, kh, kw, sh, sw, dh, dw, pt, pl, oh, ow, groups, channelsLast.

export const PATCH_BYTES: i32 = 64;

@inline
function word(desc: usize, i: i32): i32 {
  return load<i32>(desc + (<usize>i << 2));
}

/** First valid kernel tap of a window starting at `start` (dilation d): ceil(-start / d) or 0. */
@inline
function tapLo(start: i32, d: i32): i32 {
  if (start >= 0) return 0;
  return d == 1 ? -start : (d - 1 - start) / d; // no division in the common case
}

/** One past the last valid tap of a window starting at `start` in a dim of `size`, at least lo. */
@inline
function tapHi(start: i32, k: i32, d: i32, size: i32, lo: i32): i32 {
  const room = size - 1 - start;
  const hi = room < 0 ? 0 : min(k, (d == 1 ? room : room / d) + 1);
  return max(lo, hi);
}

/**
 * acc (f64 image, zero-filled by the caller) += every patch entry of the f32 rows, for images
 * [n0, n1): the reference's loop order (output position p, channel, kernel row i, column j).
 */
@inline
function scatter(desc: usize, acc64: usize, rows: usize, n0: i32, n1: i32): void {
  const N = word(desc, 0);
  const C = word(desc, 1);
  const H = word(desc, 2);
  const W = word(desc, 3);
  const KH = word(desc, 4);
  const KW = word(desc, 5);
  const SH = word(desc, 6);
  const SW = word(desc, 7);
  const DH = word(desc, 8);
  const DW = word(desc, 9);
  const PT = word(desc, 10);
  const PL = word(desc, 11);
  const OH = word(desc, 12);
  const OW = word(desc, 13);
  const G = word(desc, 14);
  const last = word(desc, 15) != 0;
  const sN = C * H * W;
  const sC = last ? 1 : H * W;
  const sH = last ? W * C : W;
  const sW = last ? C : 1;
  const P = N * OH * OW;
  const cg = C / G;
  const kk = KH * KW;
  const kg = cg * kk;
  const colStep = SW * sW;
  const jStep = DW * sW;
  const rowStep = DH * sH;
  let p = n0 * OH * OW;
  for (let n = n0; n < n1; n++) {
    for (let oh = 0; oh < OH; oh++) {
      const ih0 = oh * SH - PT;
      const iLo = tapLo(ih0, DH);
      const iHi = tapHi(ih0, KH, DH, H, iLo);
      const base = n * sN + ih0 * sH - PL * sW;
      for (let ow = 0; ow < OW; ow++, p++) {
        const start = ow * SW - PL;
        const lo = tapLo(start, DW);
        const hi = tapHi(start, KW, DW, W, lo);
        const pk = p * kg;
        let img = base + ow * colStep;
        for (let c = 0; c < C; c++, img += sC) {
          const q = c / cg;
          const row = q * P * kg + (c - q * cg) * kk + pk;
          for (let i = iLo; i < iHi; i++) {
            const d = row + i * KW;
            const e = img + i * rowStep;
            if (jStep == 1) {
              // contiguous taps: 2 sums a vector (each sum still gets its terms in the same order)
              const src = rows + (<usize>(d + lo) << 2);
              const acc = acc64 + (<usize>(e + lo) << 3);
              const n = <usize>(hi - lo);
              let t: usize = 0;
              for (; t + 2 <= n; t += 2) {
                const at = acc + (t << 3);
                v128.store(at, f64x2.add(v128.load(at), f64x2.promote_low_f32x4(v128.load64_zero(src + (t << 2)))));
              }
              for (; t < n; t++) {
                const at = acc + (t << 3);
                store<f64>(at, load<f64>(at) + <f64>load<f32>(src + (t << 2)));
              }
            } else {
              for (let j = lo; j < hi; j++) {
                const at = acc64 + (<usize>(e + j * jStep) << 3);
                store<f64>(at, load<f64>(at) + <f64>load<f32>(rows + (<usize>(d + j) << 2)));
              }
            }
          }
        }
      }
    }
  }
}

/** rows ← the patch matrix of the float32 image (all groups; see the header): each group's rows. */
export function imageToRowsF32(desc: usize, image: usize, rows: usize): void {
  const P = word(desc, 0) * word(desc, 12) * word(desc, 13);
  const G = word(desc, 14);
  const groupBytes = <usize>P * <usize>(word(desc, 1) / G) * <usize>word(desc, 4) * <usize>word(desc, 5) * 4;
  for (let q = 0; q < G; q++) gatherRowsF32(desc, image, rows + <usize>q * groupBytes, q, 0, P);
}

/**
 * out (float32, the image) ← col2im of the float32 rows, summed in float64 at `acc` (image-sized
 * scratch, 8-byte aligned) and rounded once. `out` may be `acc` itself (the float32 values are
 * written behind the float64 ones they come from).
 */
export function rowsToImageF32(desc: usize, rows: usize, acc: usize, out: usize): void {
  rowsToImagesF32(desc, rows, acc, out, 0, word(desc, 0));
}

/**
 * rowsToImageF32 for images [n0, n1) only: each image's sums come from its own rows, in the same
 * order, so images can be summed by different threads with the same bits.
 */
export function rowsToImagesF32(desc: usize, rows: usize, acc: usize, out: usize, n0: i32, n1: i32): void {
  const plane = <usize>word(desc, 1) * <usize>word(desc, 2) * <usize>word(desc, 3);
  const first = <usize>n0 * plane;
  const len = <usize>(n1 - n0) * plane;
  memory.fill(acc + (first << 3), 0, len << 3);
  scatter(desc, acc, rows, n0, n1);
  for (let i: usize = first; i < first + len; i++) store<f32>(out + (i << 2), <f32>load<f64>(acc + (i << 3)));
}

/**
 * Rows [p0, p1) of group q's patch matrix, written contiguously at `dst` ([p1 - p0, C/g·kh·kw],
 * zero-filled here): what the matrix product gathers per band of output rows when A is a patch
 * matrix (assembly/gemm.ts), so the band is used while it is in cache. Exact copies, as
 * imageToRowsF32.
 */
export function gatherRowsF32(desc: usize, image: usize, dst: usize, q: i32, p0: i32, p1: i32): void {
  const C = word(desc, 1);
  const H = word(desc, 2);
  const W = word(desc, 3);
  const KH = word(desc, 4);
  const KW = word(desc, 5);
  const SH = word(desc, 6);
  const SW = word(desc, 7);
  const DH = word(desc, 8);
  const DW = word(desc, 9);
  const PT = word(desc, 10);
  const PL = word(desc, 11);
  const OH = word(desc, 12);
  const OW = word(desc, 13);
  const G = word(desc, 14);
  const last = word(desc, 15) != 0;
  const sN = C * H * W;
  const sC = last ? 1 : H * W;
  const sH = last ? W * C : W;
  const sW = last ? C : 1;
  const cg = C / G;
  const kk = KH * KW;
  const kg = cg * kk;
  const jStep = DW * sW;
  const rowStep = DH * sH;
  memory.fill(dst, 0, <usize>(p1 - p0) * <usize>kg * 4);
  const ohw = OH * OW;
  let n = p0 / ohw;
  let oh = (p0 - n * ohw) / OW;
  let ow = p0 - n * ohw - oh * OW;
  let row = dst;
  for (let p = p0; p < p1; p++, row += <usize>kg << 2) {
    const ih0 = oh * SH - PT;
    const iLo = tapLo(ih0, DH);
    const iHi = tapHi(ih0, KH, DH, H, iLo);
    const start = ow * SW - PL;
    const lo = tapLo(start, DW);
    const hi = tapHi(start, KW, DW, W, lo);
    let img = n * sN + q * cg * sC + ih0 * sH + start * sW;
    for (let c = 0; c < cg; c++, img += sC) {
      for (let i = iLo; i < iHi; i++) {
        const d = row + (<usize>(c * kk + i * KW + lo) << 2);
        const e = img + i * rowStep + lo * jStep;
        if (jStep == 1) {
          const src = image + (<usize>e << 2);
          const len = <usize>(hi - lo) << 2;
          let b: usize = 0;
          for (; b + 16 <= len; b += 16) v128.store(d + b, v128.load(src + b));
          for (; b < len; b += 4) store<f32>(d + b, load<f32>(src + b));
        } else {
          for (let j = 0; j < hi - lo; j++) store<f32>(d + (<usize>j << 2), load<f32>(image + (<usize>(e + j * jStep) << 2)));
        }
      }
    }
    if (++ow == OW) {
      ow = 0;
      if (++oh == OH) {
        oh = 0;
        n++;
      }
    }
  }
}

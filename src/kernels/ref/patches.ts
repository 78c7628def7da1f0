/**
 * The data movement of convolution as a matrix product ("im2col", with the patches as rows),
 * over flat typed arrays: the reference that the WebAssembly kernels (assembly/patches.ts) follow
 * loop for loop, and what the `ref` backend runs.
 *
 * - `imageToRows`: the patch matrix (`PatchGeometry` in types.ts says which entry is which);
 *   exact copies, 0 in the padding.
 * - `rowsToImage`: its adjoint (col2im): every patch entry summed back into its image position in
 *   float64, in row order (p, then channel, then kernel row i, then column j), rounded once.
 */
import type { KernelDType, PatchGeometry } from '../types.js';
import type { ResolvedGemm } from '../validate.js';

/** Element strides of the image [n, c, h, w] in its layout. */
function imageStrides(g: PatchGeometry): [number, number, number, number] {
  return g.channelsLast ? [g.h * g.w * g.c, 1, g.w * g.c, g.c] : [g.c * g.h * g.w, g.h * g.w, g.w, 1];
}

/** Elements of the patch matrix of `g` (all groups). */
export function patchRowsLength(g: PatchGeometry): number {
  return g.n * g.oh * g.ow * g.c * g.kh * g.kw;
}

/** Elements of the image of `g`. */
export function patchImageLength(g: PatchGeometry): number {
  return g.n * g.c * g.h * g.w;
}

/** The valid kernel taps [lo, hi) of a window starting at `start` (in a dim of `size`, dilation d). */
function taps(start: number, k: number, d: number, size: number): [number, number] {
  const lo = start >= 0 ? 0 : Math.ceil(-start / d);
  const hi = Math.min(k, Math.floor((size - 1 - start) / d) + 1);
  return [lo, Math.max(lo, hi)];
}

/**
 * The loop bounds shared by the gather and the scatter: per output column its valid taps
 * [jLo, jHi), per input channel its patch-matrix offset (its group's block plus its place in the
 * row), and the strides.
 */
interface PatchPlan {
  jLo: Int32Array;
  jHi: Int32Array;
  cOff: Int32Array;
  /** Patch-matrix row length (C/g·kh·kw). */
  kg: number;
  sN: number;
  sC: number;
  sH: number;
  /** Image elements between neighbouring output columns (sw·sW) and kernel taps (dw·sW). */
  colStep: number;
  jStep: number;
  sW: number;
}

function patchPlan(g: PatchGeometry): PatchPlan {
  const [sN, sC, sH, sW] = imageStrides(g);
  const P = g.n * g.oh * g.ow;
  const cg = g.c / g.groups;
  const kk = g.kh * g.kw;
  const kg = cg * kk;
  const jLo = new Int32Array(g.ow);
  const jHi = new Int32Array(g.ow);
  for (let ow = 0; ow < g.ow; ow++) [jLo[ow], jHi[ow]] = taps(ow * g.sw - g.pl, g.kw, g.dw, g.w);
  const cOff = new Int32Array(g.c);
  for (let c = 0; c < g.c; c++) {
    const q = Math.floor(c / cg);
    cOff[c] = q * P * kg + (c - q * cg) * kk;
  }
  return { jLo, jHi, cOff, kg, sN, sC, sH, sW, colStep: g.sw * sW, jStep: g.dw * sW };
}

/**
 * rows (zero-filled by the caller) ← the patches of `image`, output position by output position;
 * for patch column k = (c·kh + i)·kw + j only the taps inside the image are visited, the rest is
 * padding. The image column of output `ow` starts at `ow·sw − pl`.
 */
export function imageToRows(g: PatchGeometry, image: ArrayLike<number>, rows: { [i: number]: number }): void {
  const { jLo, jHi, cOff, kg, sN, sC, sH, sW, colStep, jStep } = patchPlan(g);
  const { kw, dh } = g;
  const rowStep = dh * sH;
  let p = 0;
  for (let n = 0; n < g.n; n++) {
    for (let oh = 0; oh < g.oh; oh++) {
      const ih0 = oh * g.sh - g.pt;
      const [iLo, iHi] = taps(ih0, g.kh, dh, g.h);
      const base = n * sN + ih0 * sH - g.pl * sW;
      for (let ow = 0; ow < g.ow; ow++, p++) {
        const lo = jLo[ow] as number;
        const hi = jHi[ow] as number;
        const pk = p * kg;
        let img = base + ow * colStep;
        for (let c = 0; c < g.c; c++, img += sC) {
          const row = (cOff[c] as number) + pk;
          for (let i = iLo; i < iHi; i++) {
            const d = row + i * kw;
            const e = img + i * rowStep;
            for (let j = lo; j < hi; j++) rows[d + j] = image[e + j * jStep] as number;
          }
        }
      }
    }
  }
}

/**
 * acc (the image, zero-filled by the caller) += every patch entry at its image position:
 * imageToRows' adjoint, over the same loops. They are written twice on purpose: each inner loop
 * then sees one pair of array types (V8 keeps such a loop monomorphic).
 */
export function rowsToImage(g: PatchGeometry, rows: ArrayLike<number>, acc: Float64Array): void {
  const { jLo, jHi, cOff, kg, sN, sC, sH, sW, colStep, jStep } = patchPlan(g);
  const { kw, dh } = g;
  const rowStep = dh * sH;
  let p = 0;
  for (let n = 0; n < g.n; n++) {
    for (let oh = 0; oh < g.oh; oh++) {
      const ih0 = oh * g.sh - g.pt;
      const [iLo, iHi] = taps(ih0, g.kh, dh, g.h);
      const base = n * sN + ih0 * sH - g.pl * sW;
      for (let ow = 0; ow < g.ow; ow++, p++) {
        const lo = jLo[ow] as number;
        const hi = jHi[ow] as number;
        const pk = p * kg;
        let img = base + ow * colStep;
        for (let c = 0; c < g.c; c++, img += sC) {
          const row = (cOff[c] as number) + pk;
          for (let i = iLo; i < iHi; i++) {
            const d = row + i * kw;
            const e = img + i * rowStep;
            for (let j = lo; j < hi; j++) acc[e + j * jStep] = (acc[e + j * jStep] as number) + (rows[d + j] as number);
          }
        }
      }
    }
  }
}

/**
 * Runs `product` on the plain form of a product with patch operands: A / B materialised as their
 * patch matrices, C into a patch matrix that is then summed into the image (`rowsToImage`, rounded
 * once). What the reference computes, and what every other backend must equal.
 */
export function withPatches(dtype: KernelDType, g: ResolvedGemm, product: (plain: ResolvedGemm) => void): void {
  const alloc = (length: number): Float32Array | Float64Array => (dtype === 'float32' ? new Float32Array(length) : new Float64Array(length));
  let { a, b } = g;
  const aCols = g.transA ? g.m : g.k;
  if (g.aImage !== null) {
    a = alloc(g.batch * g.aImage.n * g.aImage.hw * aCols);
    imageLayout(g.a, a, g.aImage, g.batch, aCols, false);
  } else if (g.aPatches !== null) {
    a = alloc(patchRowsLength(g.aPatches));
    imageToRows(g.aPatches, g.a, a);
  }
  if (g.bPatches !== null) {
    b = alloc(patchRowsLength(g.bPatches));
    imageToRows(g.bPatches, g.b, b);
  }
  const c = g.cPatches !== null ? alloc(patchRowsLength(g.cPatches)) : g.cImage !== null ? alloc(g.batch * g.m * g.n) : g.c;
  product({ ...g, a, b, c, aPatches: null, bPatches: null, cPatches: null, aImage: null, cImage: null });
  if (g.cImage !== null) imageLayout(g.c, c, g.cImage, g.batch, g.n, true);
  if (g.cPatches !== null) {
    const acc = new Float64Array(patchImageLength(g.cPatches));
    rowsToImage(g.cPatches, c, acc);
    g.c.set(acc);
  }
}

/**
 * Between an NCHW tensor (`image`) and the rows of `batch` products of `cols` channels each
 * (`rows`: product r's `[n·hw, cols]`, see `GemmCall.aImage`): rows ← image, or image ← rows
 * when `toImage`. Exact copies.
 */
export function imageLayout(image: Float32Array | Float64Array, rows: Float32Array | Float64Array, l: { n: number; hw: number }, batch: number, cols: number, toImage: boolean): void {
  const C = batch * cols;
  const P = l.n * l.hw;
  for (let r = 0; r < batch; r++) {
    for (let i = 0; i < l.n; i++) {
      for (let o = 0; o < cols; o++) {
        const img = (i * C + r * cols + o) * l.hw;
        const row = (r * P + i * l.hw) * cols + o;
        if (toImage) for (let s = 0; s < l.hw; s++) image[img + s] = rows[row + s * cols] as number;
        else for (let s = 0; s < l.hw; s++) rows[row + s * cols] = image[img + s] as number;
      }
    }
  }
}

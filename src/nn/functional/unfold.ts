/**
 * The data movement of convolution as a matrix product ("im2col", here with the patches as
 * rows), over flat typed arrays, and the differentiable ops built on it. A convolution is
 * `rows[N·OH·OW, C·kh·kw] · W[O, C·kh·kw]ᵀ` through `paddle.matmul`, so every multiply-add of
 * forward and backward runs in whatever GEMM `matmul` uses. Patches as rows keep every transpose
 * that matmul makes on the small weight (forward: Wᵀ; backward: dW), never on the patches.
 *
 * With `groups` g the patch matrix is `[g, N·OH·OW, C/g·kh·kw]` (one batch per group) and the
 * weight `[g, O/g, C/g·kh·kw]`, so one batched product does all groups.
 *
 * - `im2row(x)`: row `p = (n·OH + oh)·OW + ow` of group `q` holds, at column `k − q·K/g` with
 *   `k = (c·kh + i)·kw + j`, `x[n, c, oh·sh − pt + i·dh, ow·sw − pl + j·dw]` (0 in the padding);
 *   x is NCHW or NHWC, read through strides. Its backward is `row2im` (a scatter-add).
 * - `row2im(rows)`: the adjoint, summing each patch entry back into its image position (the
 *   forward of the transposed convolution). Its backward is `im2row`.
 * - `fromRows(y, bias)`: the product `[g, N·H·W, C/g]` laid out as NCHW / NHWC plus a
 *   per-channel bias; `toRows(x)` the inverse layout (the input of the transposed convolution).
 *
 * Sums accumulate in float64 and are rounded once into the dtype.
 */
import { allocArray, type DataArray, type DType } from '../../tensor/dtype.js';
import { Tensor } from '../../tensor/tensor.js';
import type { BackwardFn } from '../../tensor/autograd.js';
import { needsGrad } from '../../ops/binary.js';

/** One convolution's geometry: the image, the window, the output grid and the groups. */
export interface ConvGeometry {
  n: number;
  c: number;
  h: number;
  w: number;
  kh: number;
  kw: number;
  sh: number;
  sw: number;
  dh: number;
  dw: number;
  /** Padding before the first row / column (the padding after is implied by oh / ow). */
  pt: number;
  pl: number;
  oh: number;
  ow: number;
  groups: number;
  /** The image is NHWC (else NCHW). */
  channelsLast: boolean;
}

/** Element strides of the image [n, c, h, w] in its layout. */
function imageStrides(g: ConvGeometry): [number, number, number, number] {
  return g.channelsLast ? [g.h * g.w * g.c, 1, g.w * g.c, g.c] : [g.c * g.h * g.w, g.h * g.w, g.w, 1];
}

/** The shape of the patch matrix: [N·OH·OW, C·kh·kw], or [g, N·OH·OW, C/g·kh·kw]. */
export function rowsShape(g: ConvGeometry): number[] {
  const p = g.n * g.oh * g.ow;
  const kg = (g.c / g.groups) * g.kh * g.kw;
  return g.groups === 1 ? [p, kg] : [g.groups, p, kg];
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
  sW: number;
  /** Image elements between neighbouring output columns (sw·sW) and kernel taps (dw·sW). */
  colStep: number;
  jStep: number;
}

function patchPlan(g: ConvGeometry): PatchPlan {
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
 * rows (zero-filled) ← the patches of `image`, output position by output position (rows are
 * written in order); for patch column k = (c·kh + i)·kw + j only the taps inside the image are
 * visited, the rest is padding. The image column of output `ow` starts at `ow·sw − pl`.
 */
function gatherPatches(g: ConvGeometry, image: DataArray, rows: DataArray): void {
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
 * acc (the image, zero-filled) += every patch entry at its image position: gatherPatches' adjoint,
 * over the same loops. They are written twice on purpose: each inner loop then sees one pair of
 * array types (V8 keeps such a loop monomorphic).
 */
function scatterPatches(g: ConvGeometry, rows: ArrayLike<number>, acc: Float64Array): void {
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

function rounded(acc: Float64Array, dtype: DType): DataArray {
  if (dtype === 'float64') return acc;
  const out = allocArray(dtype, acc.length);
  out.set(acc);
  return out;
}

function im2rowArray(image: DataArray, g: ConvGeometry, dtype: DType): DataArray {
  const rows = allocArray(dtype, g.n * g.oh * g.ow * g.c * g.kh * g.kw);
  gatherPatches(g, image, rows);
  return rows;
}

function row2imArray(rows: DataArray, g: ConvGeometry, dtype: DType): DataArray {
  const acc = new Float64Array(g.n * g.c * g.h * g.w);
  scatterPatches(g, rows, acc);
  return rounded(acc, dtype);
}

/** The patch matrix of image `x` (shape `rowsShape(g)`). */
export function im2row(x: Tensor, g: ConvGeometry): Tensor {
  const out = im2rowArray(x.data, g, x.dtype);
  const back: BackwardFn = (gr) => [needsGrad(x) ? row2imArray(gr, g, x.dtype) : null];
  return Tensor.fromOp('im2row', out, rowsShape(g), x.dtype, [x], back);
}

/** The image of `g` ([N, C, H, W] or [N, H, W, C]) summed from the patch matrix `rows`. */
export function row2im(rows: Tensor, g: ConvGeometry): Tensor {
  const out = row2imArray(rows.data, g, rows.dtype);
  const shape = g.channelsLast ? [g.n, g.h, g.w, g.c] : [g.n, g.c, g.h, g.w];
  const back: BackwardFn = (gr) => [needsGrad(rows) ? im2rowArray(gr, g, rows.dtype) : null];
  return Tensor.fromOp('row2im', out, shape, rows.dtype, [rows], back);
}

/** Sizes of a layout change between an image [N, C, HW] / [N, HW, C] and rows [g, N·HW, C/g]. */
interface Layout {
  n: number;
  c: number;
  hw: number;
  groups: number;
  channelsLast: boolean;
}

/**
 * rows [g, N·HW, C/g] → image (`toImage`, plus `bias[channel]` when given, each sum rounded once),
 * or image → rows.
 */
function relayout(src: ArrayLike<number>, dst: DataArray, l: Layout, toImage: boolean, bias: ArrayLike<number> | null = null): void {
  const { n, c, hw, groups } = l;
  const cg = c / groups;
  const P = n * hw;
  const imgStep = l.channelsLast ? c : 1;
  for (let q = 0; q < groups; q++) {
    for (let b = 0; b < n; b++) {
      for (let cc = 0; cc < cg; cc++) {
        const ch = q * cg + cc;
        // image element (b, ch, s) at imgBase + s·imgStep; rows element at rowBase + s·cg
        const imgBase = l.channelsLast ? b * hw * c + ch : (b * c + ch) * hw;
        const rowBase = (q * P + b * hw) * cg + cc;
        if (!toImage) {
          for (let s = 0; s < hw; s++) dst[rowBase + s * cg] = src[imgBase + s * imgStep] as number;
        } else if (bias === null) {
          for (let s = 0; s < hw; s++) dst[imgBase + s * imgStep] = src[rowBase + s * cg] as number;
        } else {
          const v = bias[ch] as number;
          for (let s = 0; s < hw; s++) dst[imgBase + s * imgStep] = (src[rowBase + s * cg] as number) + v;
        }
      }
    }
  }
}

/**
 * The image x ([N, C, H, W] or [N, H, W, C]) as rows: [N·H·W, C], or [g, N·H·W, C/g].
 */
export function toRows(x: Tensor, groups: number, channelsLast: boolean): Tensor {
  const [n, c, hw] = channelsLast
    ? [x.shape[0] as number, x.shape[3] as number, (x.shape[1] as number) * (x.shape[2] as number)]
    : [x.shape[0] as number, x.shape[1] as number, (x.shape[2] as number) * (x.shape[3] as number)];
  const l: Layout = { n, c, hw, groups, channelsLast };
  const out = allocArray(x.dtype, x.numel);
  relayout(x.data, out, l, false);
  const back: BackwardFn = (g) => {
    if (!needsGrad(x)) return [null];
    const gx = allocArray(x.dtype, x.numel);
    relayout(g, gx, l, true);
    return [gx];
  };
  const shape = groups === 1 ? [n * hw, c] : [groups, n * hw, c / groups];
  return Tensor.fromOp('to_rows', out, shape, x.dtype, [x], back);
}

/**
 * The product rows `y` ([N·H·W, C] or [g, N·H·W, C/g]) as an image [N, C, H, W] (or
 * [N, H, W, C]) plus `bias[c]` on channel c (each sum rounded once, as Paddle's separate add).
 * The bias gradient is the sum over everything but the channel.
 */
export function fromRows(y: Tensor, bias: Tensor | null, n: number, c: number, h: number, w: number, groups: number, channelsLast: boolean): Tensor {
  const l: Layout = { n, c, hw: h * w, groups, channelsLast };
  const out = allocArray(y.dtype, y.numel);
  relayout(y.data, out, l, true, bias === null ? null : bias.data);
  const shape = channelsLast ? [n, h, w, c] : [n, c, h, w];
  const back: BackwardFn = (g) => {
    let gy: DataArray | null = null;
    if (needsGrad(y)) {
      gy = allocArray(y.dtype, y.numel);
      relayout(g, gy, l, false);
    }
    if (bias === null) return [gy];
    let gb: DataArray | null = null;
    if (needsGrad(bias)) {
      gb = rounded(sumBias(g, l), bias.dtype);
    }
    return [gy, gb];
  };
  return Tensor.fromOp('conv_output', out, shape, y.dtype, bias === null ? [y] : [y, bias], back);
}

/** The per-channel sums of the image `g`. */
function sumBias(g: ArrayLike<number>, l: Layout): Float64Array {
  const acc = new Float64Array(l.c);
  if (l.channelsLast) {
    const m = l.n * l.hw;
    for (let p = 0, i = 0; p < m; p++) for (let ch = 0; ch < l.c; ch++, i++) acc[ch] = (acc[ch] as number) + (g[i] as number);
    return acc;
  }
  for (let bi = 0, i = 0; bi < l.n; bi++) {
    for (let ch = 0; ch < l.c; ch++) {
      let s = 0;
      for (let k = 0; k < l.hw; k++, i++) s += g[i] as number;
      acc[ch] = (acc[ch] as number) + s;
    }
  }
  return acc;
}

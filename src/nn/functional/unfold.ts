/**
 * The data movement of convolution as a matrix product ("im2col"), over flat typed arrays, and
 * the differentiable ops built on it. Convolution is `W[O, C·kh·kw] · cols[C·kh·kw, N·OH·OW]`
 * through `paddle.matmul`, so every multiply-add runs in whatever GEMM `matmul` uses.
 *
 * - `im2col(x)`: the columns of a 4-D image (NCHW or NHWC, read through strides): row
 *   `(c·kh + i)·kw + j`, column `(n·OH + oh)·OW + ow` holds `x[n, c, oh·sh − pt + i·dh,
 *   ow·sw − pl + j·dw]`, 0 in the padding. Its backward is `col2im` (a scatter-add).
 * - `col2im(cols)`: the adjoint, summing every column entry back into its image position (the
 *   forward of the transposed convolution). Its backward is `im2col`.
 * - `channelMatrix(x)`: [N, C, H, W] (or NHWC) → [C, N·H·W], and `fromChannelMatrix(y, bias)`
 *   the inverse layout plus a per-channel bias: the layouts around the product.
 *
 * Sums accumulate in float64 and are rounded once into the dtype.
 */
import { allocArray, type DataArray, type DType } from '../../tensor/dtype.js';
import type { Shape } from '../../tensor/shape.js';
import { Tensor } from '../../tensor/tensor.js';
import type { BackwardFn } from '../../tensor/autograd.js';
import { needsGrad } from '../../ops/binary.js';

/** One convolution's geometry: the image, the window and the output grid. */
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
  /** The image is NHWC (else NCHW). */
  channelsLast: boolean;
}

/** Element strides of the image [n, c, h, w] in its layout. */
function imageStrides(g: ConvGeometry): [number, number, number, number] {
  return g.channelsLast ? [g.h * g.w * g.c, 1, g.w * g.c, g.c] : [g.c * g.h * g.w, g.h * g.w, g.w, 1];
}

/** Rows × columns of the column matrix. */
export function colsSize(g: ConvGeometry): [number, number] {
  return [g.c * g.kh * g.kw, g.n * g.oh * g.ow];
}

/**
 * Walks every (row, image plane position) pair of the column matrix: calls `visit(colStart,
 * srcBase, step, lo, hi)` once per (row, n, oh) whose image row is inside the image, where the
 * column entries `colStart + ow` for ow in [lo, hi) map to image elements `srcBase + ow·step`.
 * The entries outside [lo, hi) and the skipped rows are padding.
 */
function forEachSpan(g: ConvGeometry, visit: (col: number, src: number, step: number, lo: number, hi: number) => void): void {
  const [sN, sC, sH, sW] = imageStrides(g);
  const L = g.oh * g.ow;
  const ncols = g.n * L;
  const step = g.sw * sW;
  let row = 0;
  for (let c = 0; c < g.c; c++) {
    for (let i = 0; i < g.kh; i++) {
      const offH = i * g.dh - g.pt;
      for (let j = 0; j < g.kw; j++, row++) {
        const offW = j * g.dw - g.pl;
        // ow·sw + offW in [0, w)  ⇔  ow in [lo, hi)
        const lo = Math.max(0, Math.ceil(-offW / g.sw));
        const hi = Math.min(g.ow, Math.floor((g.w - 1 - offW) / g.sw) + 1);
        if (lo >= hi) continue;
        for (let n = 0; n < g.n; n++) {
          for (let oh = 0; oh < g.oh; oh++) {
            const ih = oh * g.sh + offH;
            if (ih < 0 || ih >= g.h) continue;
            visit(row * ncols + n * L + oh * g.ow, n * sN + c * sC + ih * sH + offW * sW, step, lo, hi);
          }
        }
      }
    }
  }
}

/** cols (zero-filled, [C·kh·kw, N·OH·OW]) ← the windows of `src`. */
export function im2colInto(src: DataArray, g: ConvGeometry, cols: DataArray): void {
  forEachSpan(g, (col, base, step, lo, hi) => {
    for (let ow = lo; ow < hi; ow++) cols[col + ow] = src[base + ow * step] as number;
  });
}

/** acc (the image, zero-filled) += every column entry at its image position. */
export function col2imInto(cols: ArrayLike<number>, g: ConvGeometry, acc: Float64Array): void {
  forEachSpan(g, (col, base, step, lo, hi) => {
    for (let ow = lo; ow < hi; ow++) {
      const k = base + ow * step;
      acc[k] = (acc[k] as number) + (cols[col + ow] as number);
    }
  });
}

function imageNumel(g: ConvGeometry): number {
  return g.n * g.c * g.h * g.w;
}

function rounded(acc: Float64Array, dtype: DType): DataArray {
  if (dtype === 'float64') return acc;
  const out = allocArray(dtype, acc.length);
  out.set(acc);
  return out;
}

function im2colArray(src: DataArray, g: ConvGeometry, dtype: DType): DataArray {
  const [r, c] = colsSize(g);
  const cols = allocArray(dtype, r * c);
  im2colInto(src, g, cols);
  return cols;
}

function col2imArray(cols: ArrayLike<number>, g: ConvGeometry, dtype: DType): DataArray {
  const acc = new Float64Array(imageNumel(g));
  col2imInto(cols, g, acc);
  return rounded(acc, dtype);
}

/** The column matrix of image `x` as a Tensor of `shape` (any shape holding C·kh·kw × N·OH·OW). */
export function im2col(x: Tensor, g: ConvGeometry, shape: Shape): Tensor {
  const out = im2colArray(x.data, g, x.dtype);
  const back: BackwardFn = (gr) => [needsGrad(x) ? col2imArray(gr, g, x.dtype) : null];
  return Tensor.fromOp('im2col', out, shape, x.dtype, [x], back);
}

/** The image of `g` (shape [N, C, H, W] or [N, H, W, C]) summed from column matrix `cols`. */
export function col2im(cols: Tensor, g: ConvGeometry): Tensor {
  const out = col2imArray(cols.data, g, cols.dtype);
  const shape = g.channelsLast ? [g.n, g.h, g.w, g.c] : [g.n, g.c, g.h, g.w];
  const back: BackwardFn = (gr) => [needsGrad(cols) ? im2colArray(gr, g, cols.dtype) : null];
  return Tensor.fromOp('col2im', out, shape, cols.dtype, [cols], back);
}

/** [N, C, HW] ↔ [C, N, HW] (NCHW) or [N·HW, C] ↔ [C, N·HW] (NHWC); `toCN` picks the direction. */
function relayout(src: ArrayLike<number>, dst: DataArray, n: number, c: number, hw: number, channelsLast: boolean, toCN: boolean): void {
  if (!channelsLast) {
    for (let b = 0; b < n; b++) {
      for (let ch = 0; ch < c; ch++) {
        const nchw = (b * c + ch) * hw;
        const cn = (ch * n + b) * hw;
        const [from, to] = toCN ? [nchw, cn] : [cn, nchw];
        for (let k = 0; k < hw; k++) dst[to + k] = src[from + k] as number;
      }
    }
    return;
  }
  const m = n * hw;
  for (let p = 0; p < m; p++) {
    for (let ch = 0; ch < c; ch++) {
      if (toCN) dst[ch * m + p] = src[p * c + ch] as number;
      else dst[p * c + ch] = src[ch * m + p] as number;
    }
  }
}

/** [N, C, H, W] (or [N, H, W, C]) → [C, N·H·W] with the given `shape` (any holding that many). */
export function channelMatrix(x: Tensor, channelsLast: boolean, shape: Shape): Tensor {
  const [n, c, hw] = channelsLast
    ? [x.shape[0] as number, x.shape[3] as number, (x.shape[1] as number) * (x.shape[2] as number)]
    : [x.shape[0] as number, x.shape[1] as number, (x.shape[2] as number) * (x.shape[3] as number)];
  const out = allocArray(x.dtype, x.numel);
  relayout(x.data, out, n, c, hw, channelsLast, true);
  const back: BackwardFn = (g) => {
    if (!needsGrad(x)) return [null];
    const gx = allocArray(x.dtype, x.numel);
    relayout(g, gx, n, c, hw, channelsLast, false);
    return [gx];
  };
  return Tensor.fromOp('channel_matrix', out, shape, x.dtype, [x], back);
}

/**
 * The inverse of `channelMatrix`: `y` holds [C, N·H·W] (any shape of that size); the result is
 * [N, C, H, W] (or [N, H, W, C]) plus `bias[c]` on channel c (each sum rounded once, as Paddle's
 * separate add). The bias gradient is the sum over everything but the channel.
 */
export function fromChannelMatrix(y: Tensor, bias: Tensor | null, n: number, c: number, h: number, w: number, channelsLast: boolean): Tensor {
  const hw = h * w;
  const out = allocArray(y.dtype, y.numel);
  relayout(y.data, out, n, c, hw, channelsLast, false);
  if (bias !== null) {
    const b = bias.data;
    if (channelsLast) {
      for (let p = 0; p < n * hw; p++) for (let ch = 0; ch < c; ch++) out[p * c + ch] = (out[p * c + ch] as number) + (b[ch] as number);
    } else {
      for (let bi = 0; bi < n; bi++) {
        for (let ch = 0; ch < c; ch++) {
          const v = b[ch] as number;
          const o = (bi * c + ch) * hw;
          for (let k = 0; k < hw; k++) out[o + k] = (out[o + k] as number) + v;
        }
      }
    }
  }
  const shape = channelsLast ? [n, h, w, c] : [n, c, h, w];
  const inputs = bias === null ? [y] : [y, bias];
  const back: BackwardFn = (g) => {
    let gy: DataArray | null = null;
    if (needsGrad(y)) {
      gy = allocArray(y.dtype, y.numel);
      relayout(g, gy, n, c, hw, channelsLast, true);
    }
    if (bias === null) return [gy];
    let gb: DataArray | null = null;
    if (needsGrad(bias)) {
      const acc = new Float64Array(c);
      if (channelsLast) {
        for (let p = 0; p < n * hw; p++) for (let ch = 0; ch < c; ch++) acc[ch] = (acc[ch] as number) + (g[p * c + ch] as number);
      } else {
        for (let bi = 0; bi < n; bi++) {
          for (let ch = 0; ch < c; ch++) {
            const o = (bi * c + ch) * hw;
            let s = 0;
            for (let k = 0; k < hw; k++) s += g[o + k] as number;
            acc[ch] = (acc[ch] as number) + s;
          }
        }
      }
      gb = rounded(acc, bias.dtype);
    }
    return [gy, gb];
  };
  return Tensor.fromOp('conv_output', out, shape, y.dtype, inputs, back);
}

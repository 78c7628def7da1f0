/**
 * Convolution's differentiable data movement and products over patch matrices ("im2col" with the
 * patches as rows; `PatchGeometry` in src/kernels/types.ts says which entry is which):
 *
 * - `im2row(x)` / `row2im(rows)`: the patch matrix as a tensor, and its adjoint (col2im, float64
 *   sums rounded once); each the other's backward. The transposed convolution uses them.
 * - `patchProduct(x, w, g)`: `im2row(x) · wᵀ` per group, without the patch matrix ever becoming a
 *   tensor: the kernel backend gathers it inside the product (`GemmCall.aPatches`), and the
 *   backward's products gather it again (`bPatches`, for dW) or sum their rows straight into the
 *   image (`cPatches`, for dX). The numbers are those of `matmul(im2row(x), w, {transposeY})`
 *   followed by `row2im` in the backward, bit for bit, on every backend (same products, same sums).
 */
import { TypeError as PaddleTypeError } from '../errors.js';
import { allocArray, type DataArray } from '../tensor/dtype.js';
import { Tensor } from '../tensor/tensor.js';
import type { BackwardFn } from '../tensor/autograd.js';
import { needsGrad } from './binary.js';
import { roundedTo } from './helpers.js';
import { getBackend, type PatchGeometry } from '../kernels/index.js';
import { imageToRows, patchImageLength, patchRowsLength, rowsToImage } from '../kernels/ref/patches.js';

export type { PatchGeometry };

/** The shape of the patch matrix: [N·OH·OW, C·kh·kw], or [g, N·OH·OW, C/g·kh·kw]. */
export function rowsShape(g: PatchGeometry): number[] {
  const p = g.n * g.oh * g.ow;
  const kg = (g.c / g.groups) * g.kh * g.kw;
  return g.groups === 1 ? [p, kg] : [g.groups, p, kg];
}

function imageShape(g: PatchGeometry): number[] {
  return g.channelsLast ? [g.n, g.h, g.w, g.c] : [g.n, g.c, g.h, g.w];
}

function im2rowArray(image: DataArray, g: PatchGeometry, x: Tensor): DataArray {
  const rows = allocArray(x.dtype, patchRowsLength(g));
  imageToRows(g, image, rows);
  return rows;
}

function row2imArray(rows: ArrayLike<number>, g: PatchGeometry, like: Tensor): DataArray {
  const acc = new Float64Array(patchImageLength(g));
  rowsToImage(g, rows, acc);
  return roundedTo(acc, like.dtype);
}

/** The patch matrix of image `x` (shape `rowsShape(g)`). */
export function im2row(x: Tensor, g: PatchGeometry): Tensor {
  const out = im2rowArray(x.data, g, x);
  const back: BackwardFn = (gr) => [needsGrad(x) ? row2imArray(gr, g, x) : null];
  return Tensor.fromOp('im2row', out, rowsShape(g), x.dtype, [x], back);
}

/** The image of `g` ([N, C, H, W] or [N, H, W, C]) summed from the patch matrix `rows`. */
export function row2im(rows: Tensor, g: PatchGeometry): Tensor {
  const out = row2imArray(rows.data, g, rows);
  const back: BackwardFn = (gr) => [needsGrad(rows) ? im2rowArray(gr, g, rows) : null];
  return Tensor.fromOp('row2im', out, imageShape(g), rows.dtype, [rows], back);
}

/**
 * `im2row(x) · wᵀ` per group: x the image of `g`, w `[O, C/g·kh·kw]` (groups 1) or
 * `[g, O/g, C/g·kh·kw]`, both float32 or both float64; the result `[N·OH·OW, O]` or
 * `[g, N·OH·OW, O/g]` (matmul's shapes). Differentiable in x and w.
 */
export function patchProduct(x: Tensor, w: Tensor, g: PatchGeometry): Tensor {
  const dtype = x.dtype;
  if ((dtype !== 'float32' && dtype !== 'float64') || w.dtype !== dtype) {
    throw new PaddleTypeError(`conv: the input and the weight must both be float32 or both float64, but received ${x.dtype} and ${w.dtype}.`);
  }
  const P = g.n * g.oh * g.ow;
  const kg = (g.c / g.groups) * g.kh * g.kw;
  const og = (w.numel / g.groups / kg) | 0;
  const G = g.groups;
  const out = allocArray(dtype, G * P * og) as Float32Array | Float64Array;
  getBackend().gemm(dtype, { a: x.data as Float32Array, b: w.data as Float32Array, c: out, m: P, n: og, k: kg, transB: true, batch: G, strideB: og * kg, aPatches: g });
  const back: BackwardFn = (gy) => {
    const gyData = gy as Float32Array | Float64Array;
    let gx: Float32Array | Float64Array | null = null;
    let gw: Float32Array | Float64Array | null = null;
    // operands are read now (not at forward time): a heap that grew has replaced its views
    if (needsGrad(x)) {
      gx = allocArray(dtype, patchImageLength(g)) as Float32Array | Float64Array;
      getBackend().gemm(dtype, { a: gyData, b: w.data as Float32Array, c: gx, m: P, n: kg, k: og, batch: G, strideA: P * og, strideB: og * kg, cPatches: g });
    }
    if (needsGrad(w)) {
      gw = allocArray(dtype, w.numel) as Float32Array | Float64Array;
      getBackend().gemm(dtype, { a: gyData, b: x.data as Float32Array, c: gw, m: og, n: kg, k: P, transA: true, batch: G, strideA: P * og, strideC: og * kg, bPatches: g });
    }
    return [gx, gw];
  };
  return Tensor.fromOp('conv_product', out, G === 1 ? [P, og] : [G, P, og], dtype, [x, w], back);
}

/** A convolution output's layout: n images, c channels, hw positions, channels last or first. */
export interface ChannelLayout {
  n: number;
  c: number;
  hw: number;
  channelsLast: boolean;
}

/**
 * The per-channel sums of the image `g` (a convolution's bias gradient): float64, per image the
 * plane's sum (four interleaved partial sums) added to the channel's (NCHW), or position by
 * position (NHWC).
 */
export function channelSums(g: ArrayLike<number>, l: ChannelLayout): Float64Array {
  const acc = new Float64Array(l.c);
  if (l.channelsLast) {
    const m = l.n * l.hw;
    for (let p = 0, i = 0; p < m; p++) for (let ch = 0; ch < l.c; ch++, i++) acc[ch] = (acc[ch] as number) + (g[i] as number);
    return acc;
  }
  // per plane four running sums (positions k ≡ 0, 1, 2, 3 mod 4), combined as (s0 + s1) + (s2 + s3):
  // four independent chains of additions instead of one (the loop was bound by the add latency)
  const hw4 = l.hw - (l.hw % 4);
  for (let bi = 0, i = 0; bi < l.n; bi++) {
    for (let ch = 0; ch < l.c; ch++, i += l.hw) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let k = 0;
      for (; k < hw4; k += 4) {
        s0 += g[i + k] as number;
        s1 += g[i + k + 1] as number;
        s2 += g[i + k + 2] as number;
        s3 += g[i + k + 3] as number;
      }
      if (k < l.hw) s0 += g[i + k] as number;
      if (k + 1 < l.hw) s1 += g[i + k + 1] as number;
      if (k + 2 < l.hw) s2 += g[i + k + 2] as number;
      acc[ch] = (acc[ch] as number) + ((s0 + s1) + (s2 + s3));
    }
  }
  return acc;
}

/**
 * A whole ungrouped convolution in three products of the kernel backend: `x` the image of `g`
 * (groups 1), `w` `[O, C·kh·kw]`, `bias` `[O]` or null, all of one float dtype; the result is the
 * output image `[N, O, OH, OW]` (or `[N, OH, OW, O]`). The patch matrix is gathered inside the
 * forward product and the dW product, the bias added in the forward product's epilogue, the
 * output (and the output gradient) moved between NCHW and the product's rows by the backend
 * (`GemmCall.cImage` / `aImage`), dX summed straight into the image (`cPatches`). The numbers are
 * those of `fromRows(patchProduct(x, w), bias)` bit for bit (same products, same sums, the bias
 * added once after each sum).
 */
export function convProduct(x: Tensor, w: Tensor, bias: Tensor | null, g: PatchGeometry): Tensor {
  const dtype = x.dtype;
  if ((dtype !== 'float32' && dtype !== 'float64') || w.dtype !== dtype || (bias !== null && bias.dtype !== dtype) || g.groups !== 1) {
    throw new PaddleTypeError(`conv: an ungrouped convolution of float32 or float64 operands of one dtype expected, but received ${x.dtype}, ${w.dtype}${bias === null ? '' : `, ${bias.dtype}`} with ${g.groups} groups.`);
  }
  const P = g.n * g.oh * g.ow;
  const K = g.c * g.kh * g.kw;
  const O = (w.numel / K) | 0;
  const hw = g.oh * g.ow;
  const image = g.channelsLast ? null : { n: g.n, hw };
  const out = allocArray(dtype, P * O) as Float32Array | Float64Array;
  const b = bias === null ? null : (bias.data as Float32Array);
  getBackend().gemm(dtype, { a: x.data as Float32Array, b: w.data as Float32Array, c: out, m: P, n: O, k: K, transB: true, aPatches: g, cImage: image, bias: b });
  const shape = g.channelsLast ? [g.n, g.oh, g.ow, O] : [g.n, O, g.oh, g.ow];
  const back: BackwardFn = (gy) => {
    const gyData = gy as Float32Array | Float64Array;
    let gx: Float32Array | Float64Array | null = null;
    let gw: Float32Array | Float64Array | null = null;
    let gb: DataArray | null = null;
    // operands are read now (not at forward time): a heap that grew has replaced its views
    if (needsGrad(x)) {
      gx = allocArray(dtype, patchImageLength(g)) as Float32Array | Float64Array;
      getBackend().gemm(dtype, { a: gyData, aImage: image, b: w.data as Float32Array, c: gx, m: P, n: K, k: O, cPatches: g });
    }
    if (needsGrad(w)) {
      gw = allocArray(dtype, w.numel) as Float32Array | Float64Array;
      getBackend().gemm(dtype, { a: gyData, aImage: image, b: x.data as Float32Array, c: gw, m: O, n: K, k: P, transA: true, bPatches: g });
    }
    if (bias !== null && needsGrad(bias)) {
      gb = roundedTo(channelSums(gyData, { n: g.n, c: O, hw, channelsLast: g.channelsLast }), dtype);
    }
    return bias === null ? [gx, gw] : [gx, gw, gb];
  };
  return Tensor.fromOp('conv2d', out, shape, dtype, bias === null ? [x, w] : [x, w, bias], back);
}

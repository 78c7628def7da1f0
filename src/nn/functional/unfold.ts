/**
 * Layout changes between convolution images and the rows of its matrix products: `fromRows(y,
 * bias)` lays the product `[g, N·H·W, C/g]` out as NCHW / NHWC plus a per-channel bias; `toRows(x)`
 * is the inverse layout (the input of the transposed convolution). The patch matrix itself
 * (`im2row`, `row2im`, and the product that gathers it inside the kernel, `patchProduct`) is in
 * src/ops/patches.ts, over the kernel contract's `PatchGeometry`.
 *
 * Sums accumulate in float64 and are rounded once into the dtype.
 */
import { allocArray, type DataArray, type DType } from '../../tensor/dtype.js';
import { Tensor } from '../../tensor/tensor.js';
import type { BackwardFn } from '../../tensor/autograd.js';
import { needsGrad } from '../../ops/binary.js';
import type { PatchGeometry } from '../../ops/patches.js';

export { convProduct, im2row, patchProduct, row2im, rowsShape } from '../../ops/patches.js';
import { roundedTo } from '../../ops/helpers.js';
import { channelSums } from '../../ops/patches.js';

/** One convolution's geometry: the image, the window, the output grid and the groups. */
export type ConvGeometry = PatchGeometry;

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
      gb = roundedTo(channelSums(g, l), bias.dtype);
    }
    return [gy, gb];
  };
  return Tensor.fromOp('conv_output', out, shape, y.dtype, bias === null ? [y] : [y, bias], back);
}


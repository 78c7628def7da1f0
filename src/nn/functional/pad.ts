/**
 * `paddle.nn.functional.pad(x, pad, mode='constant', value=0.0, data_format=None,
 * pad_from_left_axis=True)`. Paddle's pad order (3.x documentation):
 * - mode 'constant' and `pad` of length 2·N (N = x.ndim): pairs [before, after] for dims 0, 1, …
 *   in order (`padFromLeftAxis: false`: from the last dim backwards);
 * - `pad` of length 2·(N−2), N in 3..5, or any mode other than 'constant': the spatial dims of
 *   `dataFormat` (NCL/NLC, NCHW/NHWC, NCDHW/NDHWC; default by rank, channels first), from the
 *   LAST spatial dim backwards: [left, right, top, bottom, front, back];
 * - mode 'constant' and any other even length ≤ 2·N: from the last dim backwards.
 * Modes: 'constant' (`value`), 'reflect' (mirror without the edge; each pad < the dim),
 * 'replicate' (edge value), 'circular' (wrap; each pad ≤ the dim). Negative constant pads crop.
 * One op: every output element reads one input element (or the constant); the backward
 * scatter-adds into x (replicated and reflected elements accumulate).
 */
import { TypeError as PaddleTypeError, ValueError } from '../../errors.js';
import { checkOptions, describe, leadingOption } from '../../options.js';
import { allocArray, castScalar } from '../../tensor/dtype.js';
import { numelOf, shapeToString, stridesOf } from '../../tensor/shape.js';
import { Tensor } from '../../tensor/tensor.js';
import type { BackwardFn } from '../../tensor/autograd.js';
import { expectTensor, intList } from '../../ops/helpers.js';
import { needsGrad } from '../../ops/binary.js';

/**
 * How `F.pad` fills the border (Paddle's `mode`): a constant, the reflection, the replicated edge,
 * or the wrapped-around opposite edge.
 */
export type PadMode = 'constant' | 'reflect' | 'replicate' | 'circular';
/**
 * The input layouts `F.pad` accepts (Paddle's `data_format`): channels first or last, for 3-, 4-
 * and 5-D inputs.
 */
export type PadDataFormat = 'NCL' | 'NLC' | 'NCHW' | 'NHWC' | 'NCDHW' | 'NDHWC';

/** Optional arguments of `F.pad` (Paddle's `value`, `data_format`, `pad_from_left_axis`, `name`). */
export interface PadOptions {
  /** 'constant' (default), 'reflect', 'replicate', 'circular'. */
  mode?: PadMode;
  /** The fill value of 'constant' mode (default 0). */
  value?: number;
  /** The layout naming the spatial dims (default: NCL, NCHW or NCDHW by rank). */
  dataFormat?: PadDataFormat | null;
  /** For a full-length (2·N) constant pad: true (default) pads dim 0 first, false the last dim first. */
  padFromLeftAxis?: boolean;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

const FORMATS: Record<number, readonly PadDataFormat[]> = { 3: ['NCL', 'NLC'], 4: ['NCHW', 'NHWC'], 5: ['NCDHW', 'NDHWC'] };

/** [before, after] per dim of x, from Paddle's pad list. */
function padPairs(x: Tensor, pad: number[], mode: PadMode, format: PadDataFormat | null, fromLeft: boolean): [number, number][] {
  const n = x.ndim;
  const pairs: [number, number][] = x.shape.map(() => [0, 0]);
  if (pad.length % 2 !== 0) throw new ValueError(`pad: the length of 'pad' must be even, but received ${pad.length} ([${pad.join(', ')}]).`);
  const spatial = mode !== 'constant' || (pad.length === 2 * (n - 2) && n >= 3 && n <= 5);
  if (spatial) {
    const formats = FORMATS[n];
    if (formats === undefined) {
      throw new ValueError(`pad: mode '${mode}' pads the spatial dims of a 3-D, 4-D or 5-D input, but x has shape ${shapeToString(x.shape)}.`);
    }
    const f = format ?? (formats[0] as PadDataFormat);
    if (!formats.includes(f)) {
      throw new ValueError(`pad: the 'data_format' of a ${n}-D input must be one of ${formats.map((s) => `'${s}'`).join(', ')}, but received ${describe(format)}.`);
    }
    if (pad.length !== 2 * (n - 2)) {
      throw new ValueError(`pad: in mode '${mode}' the length of 'pad' must be ${2 * (n - 2)} for a ${n}-D input, but received ${pad.length} ([${pad.join(', ')}]).`);
    }
    const channelsLast = f.endsWith('C');
    const lastSpatial = channelsLast ? n - 2 : n - 1;
    for (let k = 0; k < n - 2; k++) pairs[lastSpatial - k] = [pad[2 * k] as number, pad[2 * k + 1] as number];
    return pairs;
  }
  if (pad.length > 2 * n) throw new ValueError(`pad: the length of 'pad' (${pad.length}) must not exceed twice the rank of x (${n}, shape ${shapeToString(x.shape)}).`);
  if (pad.length === 2 * n && fromLeft) {
    for (let d = 0; d < n; d++) pairs[d] = [pad[2 * d] as number, pad[2 * d + 1] as number];
  } else {
    for (let k = 0; k < pad.length / 2; k++) pairs[n - 1 - k] = [pad[2 * k] as number, pad[2 * k + 1] as number];
  }
  return pairs;
}

/** Source index along one dim for output position o (−1: the constant). */
function sourceIndex(mode: PadMode, o: number, before: number, size: number): number {
  const i = o - before;
  if (i >= 0 && i < size) return i;
  switch (mode) {
    case 'constant':
      return -1;
    case 'replicate':
      return i < 0 ? 0 : size - 1;
    case 'reflect':
      return i < 0 ? -i : 2 * (size - 1) - i;
    case 'circular':
      return ((i % size) + size) % size;
  }
}

/**
 * `paddle.nn.functional.pad` (see the module comment for the order of `pad`).
 * @param x - The input Tensor (Paddle's `x`).
 * @param pad - The pad amounts, integers or an int Tensor, in Paddle's order (see above; Paddle's `pad`).
 * @param modeOrOptions - The mode (Paddle's `mode`: `'constant'` default, `'reflect'`, `'replicate'`, `'circular'`), or the options object.
 * @param options - {@link PadOptions}: `mode`, `value` (default 0), `dataFormat` (Paddle's `data_format`), `padFromLeftAxis` (Paddle's `pad_from_left_axis`, default `true`), `name`.
 * @returns A new Tensor of x's dtype and rank, each dimension grown (or cropped) by its pads.
 * @throws {@link errors.TypeError} when `x` is not a Tensor, `pad` is not integers, `value` is not a number, `padFromLeftAxis` is not a boolean, `mode` is given twice, or an option is unknown; {@link errors.ValueError} when `mode`/`dataFormat` is unknown or does not fit x's rank, the length of `pad` is wrong, or a pad is invalid for its mode and dimension.
 */
export function pad(x: Tensor, pad: readonly number[] | Tensor, modeOrOptions?: PadMode | PadOptions, options?: PadOptions): Tensor {
  const o = checkOptions('pad', leadingOption('pad', 'mode', modeOrOptions, options), ['mode', 'value', 'dataFormat', 'padFromLeftAxis', 'name']);
  const t = expectTensor('pad', 'x', x);
  const list = intList('pad', 'pad', pad);
  const mode = o.mode ?? 'constant';
  if (!['constant', 'reflect', 'replicate', 'circular'].includes(mode)) {
    throw new ValueError(`pad: the 'mode' must be one of 'constant', 'reflect', 'replicate', 'circular', but received ${describe(mode)}.`);
  }
  const value = o.value ?? 0;
  if (typeof value !== 'number') throw new PaddleTypeError(`pad: the 'value' must be a number, but received ${describe(value)}.`);
  const fromLeft = o.padFromLeftAxis ?? true;
  if (typeof fromLeft !== 'boolean') throw new PaddleTypeError(`pad: the 'padFromLeftAxis' must be a boolean, but received ${describe(fromLeft)}.`);
  const pairs = padPairs(t, list, mode, o.dataFormat ?? null, fromLeft);
  const outShape = t.shape.map((d, i) => d + (pairs[i] as [number, number])[0] + (pairs[i] as [number, number])[1]);
  pairs.forEach(([b, a], i) => {
    const d = t.shape[i] as number;
    if ((outShape[i] as number) < 0) throw new ValueError(`pad: the pads [${b}, ${a}] of dim ${i} (size ${d}) leave a negative size.`);
    if (mode === 'constant') return;
    if (b < 0 || a < 0) throw new ValueError(`pad: mode '${mode}' needs non-negative pads, but dim ${i} has [${b}, ${a}].`);
    if (mode === 'reflect' && (b >= d || a >= d)) {
      throw new ValueError(`pad: in 'reflect' mode each pad must be less than the size of its dim, but dim ${i} of size ${d} has pads [${b}, ${a}].`);
    }
    if ((mode === 'replicate' || mode === 'circular') && d === 0 && b + a > 0) {
      throw new ValueError(`pad: mode '${mode}' cannot pad the empty dim ${i}.`);
    }
    if (mode === 'circular' && (b > d || a > d)) {
      throw new ValueError(`pad: in 'circular' mode each pad must not exceed the size of its dim, but dim ${i} of size ${d} has pads [${b}, ${a}].`);
    }
  });
  // The flat source of each output element: a cartesian sum of per-dim offsets (−1: constant).
  const strides = stridesOf(t.shape);
  let map = Int32Array.of(0);
  outShape.forEach((od, d) => {
    const [b] = pairs[d] as [number, number];
    const next = new Int32Array(map.length * od);
    for (let i = 0, k = 0; i < map.length; i++) {
      const m = map[i] as number;
      for (let j = 0; j < od; j++) {
        const s = sourceIndex(mode, j, b, t.shape[d] as number);
        next[k++] = m < 0 || s < 0 ? -1 : m + s * (strides[d] as number);
      }
    }
    map = next;
  });
  const src = t.data;
  const out = allocArray(t.dtype, numelOf(outShape));
  const fill = castScalar(value, t.dtype);
  for (let i = 0; i < map.length; i++) {
    const m = map[i] as number;
    out[i] = m < 0 ? fill : (src[m] as number);
  }
  const back: BackwardFn = (g) => {
    if (!needsGrad(t)) return [null];
    const acc = new Float64Array(t.numel);
    for (let i = 0; i < map.length; i++) {
      const m = map[i] as number;
      if (m >= 0) acc[m] = (acc[m] as number) + (g[i] as number);
    }
    const gx = allocArray(t.dtype, acc.length);
    gx.set(acc);
    return [gx];
  };
  return Tensor.fromOp('pad', out, outShape, t.dtype, [t], back);
}

/**
 * `paddle.nn.functional.dropout` and the flatten used by `nn.Flatten`.
 *
 * dropout (Paddle's phi kernel): in training, element i is kept when its uniform draw u ≥ p
 * (draws from the global seeded generator, so `paddle.seed` reproduces the mask);
 * `upscale_in_train` (default) scales kept elements by 1/(1 − p) and is the identity in
 * evaluation; `downscale_in_infer` keeps them unscaled in training and multiplies by (1 − p) in
 * evaluation. `p = 0` returns `x` itself; `p = 1` gives zeros.
 */
import { TypeError as PaddleTypeError, ValueError } from '../../errors.js';
import { allocArray } from '../../tensor/dtype.js';
import { randomUniform01 } from '../../tensor/random.js';
import { Tensor } from '../../tensor/tensor.js';
import { positionalOrOptions } from '../args.js';
import { axisOf, floatTensor } from './checks.js';
import { broadcastTo } from '../../ops/helpers.js';

/** Optional arguments of `F.dropout` (Paddle's `p`, `training`, `mode`, `name`). */
export interface DropoutOptions {
  /** The probability of zeroing an element (Paddle's `p`; default 0.5). */
  p?: number;
  /**
   * The axes the dropout mask varies along (Paddle's `axis`; default: all): one mask value is
   * drawn per index of these axes and shared along the others (`axis: 0` drops whole rows).
   */
  axis?: number | readonly number[] | null;
  /** Apply dropout (`true`, default) or return the input unchanged (Paddle's `training`). */
  training?: boolean;
  /** `'upscale_in_train'` (default) or `'downscale_in_infer'` (Paddle's `mode`). */
  mode?: 'upscale_in_train' | 'downscale_in_infer';
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

/**
 * `dropout(x, { p = 0.5, axis, training = true, mode })`, or `dropout(x, p, { axis, training, mode })`.
 * @param x - A float Tensor (Paddle's `x`).
 * @param options - {@link DropoutOptions}: `p` (default 0.5), `axis` (the axes a mask is drawn along; the others share it), `training` (default `true`), `mode` (`'upscale_in_train'` default, or `'downscale_in_infer'`), `name`.
 * @returns A new Tensor of x's shape and dtype (`x` itself when `p` is 0).
 * @throws {@link errors.TypeError} when `x` is not a float Tensor, `p` is not a number, `training` is not a boolean, `axis` is not integers, or the options are unknown or repeated; {@link errors.ValueError} when `p` is outside [0, 1], `mode` is unknown, or an axis is out of range or repeated.
 */
export function dropout(x: Tensor, options?: DropoutOptions): Tensor;
/**
 * `dropout(x, p, options)`: the probability positionally.
 * @param x - A float Tensor (Paddle's `x`).
 * @param p - The probability of zeroing an element, in [0, 1] (Paddle's `p`).
 * @param options - {@link DropoutOptions} without `p`: `axis`, `training`, `mode`, `name`.
 * @returns A new Tensor of x's shape and dtype (`x` itself when `p` is 0).
 * @throws {@link errors.TypeError} when `x` is not a float Tensor, `p` is not a number, `training` is not a boolean, `axis` is not integers, or the options are unknown or repeated; {@link errors.ValueError} when `p` is outside [0, 1], `mode` is unknown, or an axis is out of range or repeated.
 */
export function dropout(x: Tensor, p: number, options?: Omit<DropoutOptions, 'p'>): Tensor;
export function dropout(x: Tensor, ...args: unknown[]): Tensor {
  const o = positionalOrOptions('dropout', args, ['p', 'axis', 'training', 'mode', 'name']);
  const { p, mode } = checkDropoutArgs(o.p, o.mode);
  const training = o.training ?? true;
  if (typeof training !== 'boolean') {
    throw new PaddleTypeError(`dropout: 'training' must be a boolean, but received ${String(training)}.`);
  }
  const t = floatTensor('dropout', 'x', x);
  const axes = o.axis === undefined || o.axis === null ? null : dropoutAxes(o.axis, t.shape);
  if (p === 0) return t;
  const dtype = t.dtype;
  const src = t.data;
  const n = src.length;
  const out = allocArray(dtype, n);
  // The factor applied to kept elements, in the dtype (Paddle's static_cast<T>(1 − p)).
  const keepScale = dtype === 'float32' ? Math.fround(1 - p) : 1 - p;
  if (!training) {
    if (mode === 'upscale_in_train') {
      out.set(src);
      return Tensor.fromOp('dropout', out, t.shape, dtype, [t], (g) => [g]);
    }
    for (let i = 0; i < n; i++) out[i] = (src[i] as number) * keepScale;
    return Tensor.fromOp('dropout', out, t.shape, dtype, [t], (g) => {
      const gx = allocArray(dtype, g.length);
      for (let i = 0; i < g.length; i++) gx[i] = (g[i] as number) * keepScale;
      return [gx];
    });
  }
  // One draw per element, or (with `axis`) per index of those axes, shared along the others.
  const maskShape = axes === null ? t.shape : t.shape.map((d, i) => (axes.includes(i) ? d : 1));
  const drawn = new Uint8Array(maskShape.reduce((a, b) => a * b, 1));
  if (p < 1) for (let i = 0; i < drawn.length; i++) drawn[i] = randomUniform01() < p ? 0 : 1;
  const mask = axes === null ? drawn : (broadcastTo(drawn, maskShape, t.shape, 'bool') as Uint8Array);
  const upscale = mode === 'upscale_in_train';
  for (let i = 0; i < n; i++) {
    if (mask[i] === 0) continue;
    out[i] = upscale ? (src[i] as number) / keepScale : (src[i] as number);
  }
  return Tensor.fromOp('dropout', out, t.shape, dtype, [t], (g) => {
    const gx = allocArray(dtype, g.length);
    for (let i = 0; i < g.length; i++) {
      if (mask[i] === 0) continue;
      gx[i] = upscale ? (g[i] as number) / keepScale : (g[i] as number);
    }
    return [gx];
  });
}

/** Paddle's dropout `axis`: an axis or a list of distinct axes of x. */
function dropoutAxes(axis: unknown, shape: readonly number[]): number[] {
  const list = typeof axis === 'number' ? [axis] : Array.isArray(axis) ? (axis as unknown[]) : null;
  if (list === null || list.length === 0) {
    throw new PaddleTypeError(`dropout: 'axis' must be an integer or a list of integers, but received ${String(axis)}.`);
  }
  const axes = list.map((a) => axisOf('dropout', a, shape));
  if (new Set(axes).size !== axes.length) throw new ValueError(`dropout: 'axis' has a repeated axis: [${list.join(', ')}].`);
  return axes;
}

export function checkDropoutArgs(pv: unknown, modev: unknown): { p: number; mode: 'upscale_in_train' | 'downscale_in_infer' } {
  const p = pv ?? 0.5;
  if (typeof p !== 'number') throw new PaddleTypeError(`p argument should be a number, but received ${String(p)}.`);
  if (!(p >= 0 && p <= 1)) throw new ValueError(`p argument should between 0 and 1, but received ${p}.`);
  const mode = modev ?? 'upscale_in_train';
  if (mode !== 'upscale_in_train' && mode !== 'downscale_in_infer') {
    throw new ValueError(`mode argument should be 'downscale_in_infer' or 'upscale_in_train', but received ${String(mode)}.`);
  }
  return { p, mode };
}

/**
 * `paddle.flatten(x, start_axis=0, stop_axis=-1)` semantics: dims start..stop merged into one.
 * A differentiable copy (the gradient is reshaped back).
 */
export function flatten(x: Tensor, startAxis = 0, stopAxis = -1): Tensor {
  if (!(x instanceof Tensor)) throw new PaddleTypeError(`flatten: 'x' must be a Tensor, but received ${typeof x}.`);
  if (x.ndim === 0) {
    return Tensor.fromOp('flatten', x.numpy(), [1], x.dtype, [x], (g) => [g]);
  }
  const s = axisOf('flatten', startAxis, x.shape, 'start_axis');
  const e = axisOf('flatten', stopAxis, x.shape, 'stop_axis');
  if (s > e) {
    throw new ValueError(`The stop_axis should be greater than or equal to start_axis (start_axis=${startAxis}, stop_axis=${stopAxis}).`);
  }
  let merged = 1;
  for (let i = s; i <= e; i++) merged *= x.shape[i] as number;
  const shape = [...x.shape.slice(0, s), merged, ...x.shape.slice(e + 1)];
  return Tensor.fromOp('flatten', x.numpy(), shape, x.dtype, [x], (g) => [g]);
}

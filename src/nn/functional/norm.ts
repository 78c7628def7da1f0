/**
 * `paddle.nn.functional.batch_norm`, `layer_norm` and `group_norm` (the feature normalizations;
 * `src/ops/norm.ts` is the unrelated vector norm `paddle.linalg.norm`).
 *
 * One kernel serves all three. The input is viewed as `[outer, C, inner]` (element
 * `(o·C + c)·inner + s`); every element belongs to one *statistics group* and reads weight/bias at
 * its channel `c`:
 * - batch_norm, channels first (`NC`, `NCL`, `NCHW`, `NCDHW`): `[N, C, spatial]`, group `c`;
 *   channels last (`NLC`, `NHWC`, `NDHWC`, and any 2-D input): `[N·spatial, C, 1]`, group `c`;
 * - layer_norm: `[rows, M, 1]` (M = the numel of `normalized_shape`), group = row, weight index
 *   = position in the row;
 * - group_norm: channels first `[N, C, spatial]`, channels last `[N·spatial, C, 1]`; group
 *   `n·G + c / (C/G)`.
 *
 * Arithmetic in float64, rounded once into the input's dtype, following Paddle's CPU kernels:
 * batch_norm and layer_norm take the variance in two passes, mean((x − μ)²) (biased);
 * group_norm in one, max(E[x²] − μ², 0) (paddle/phi/kernels/cpu/group_norm_kernel.cc);
 * y = (x − μ)/√(σ² + ε)·w + b. Paddle passes `epsilon` and `momentum` as C++ `float`
 * attributes, so both are rounded to float32 first (also for float64 inputs): ε = 1e-5 is used as
 * 9.99999974737875e-6 and momentum 0.9 as 0.899999976158142. PyTorch keeps them in double.
 *
 * Backward with batch statistics (per group of m elements, x̂ the normalized input,
 * d = dy·w): dx = (d − mean(d) − x̂·mean(d·x̂))/√(σ² + ε); with running statistics
 * (batch_norm in eval or `use_global_stats`) the statistics are constants: dx = d/√(σ² + ε).
 * dw = Σ dy·x̂, db = Σ dy over the elements of each channel.
 */
import { AssertionError, TypeError as PaddleTypeError, ValueError } from '../../errors.js';
import { checkOptions, describe } from '../../options.js';
import { allocArray, type FloatDType } from '../../tensor/dtype.js';
import { numelOf, shapeToString } from '../../tensor/shape.js';
import { Tensor } from '../../tensor/tensor.js';
import type { BackwardFn } from '../../tensor/autograd.js';
import { needsGrad } from '../../ops/binary.js';
import { floatTensor } from './checks.js';

/** The data formats `batch_norm` and `group_norm` accept. */
export type NormDataFormat = 'NC' | 'NCL' | 'NCHW' | 'NCDHW' | 'NLC' | 'NHWC' | 'NDHWC';

const BATCH_FORMATS: readonly NormDataFormat[] = ['NC', 'NCL', 'NCHW', 'NCDHW', 'NLC', 'NHWC', 'NDHWC'];
const GROUP_FORMATS: readonly string[] = ['NCL', 'NCHW', 'NCDHW', 'NLC', 'NHWC', 'NDHWC'];

/** The view of x the kernel works on, and which statistics group each (o, c) belongs to. */
interface NormLayout {
  outer: number;
  channels: number;
  inner: number;
  /** Number of statistics groups. */
  groups: number;
  /** The statistics group of element row (o, c). */
  groupOf: (o: number, c: number) => number;
}

interface NormStats {
  /** Per group: mean and 1/√(var + ε); null → computed from the batch. */
  mean: Float64Array;
  var: Float64Array;
}

/**
 * The shared kernel: y = (x − μ_g)·r_g·w_c + b_c with r_g = 1/√(σ²_g + ε). `given` holds
 * constant statistics (running mean/variance); otherwise they come from x (two-pass variance, or
 * one-pass when `onePass`). Returns y and the batch statistics it used.
 */
function normKernel(
  name: string,
  x: Tensor & { dtype: FloatDType },
  layout: NormLayout,
  weight: Tensor | null,
  bias: Tensor | null,
  epsilon: number,
  given: NormStats | null,
  onePass: boolean,
): { y: Tensor; stats: NormStats } {
  const { outer, channels: C, inner, groups } = layout;
  const xs = x.data;
  const n = xs.length;
  const rowGroup = new Int32Array(outer * C);
  for (let o = 0; o < outer; o++) for (let c = 0; c < C; c++) rowGroup[o * C + c] = layout.groupOf(o, c);
  const count = groups === 0 ? 0 : n / groups;
  let mean: Float64Array;
  let variance: Float64Array;
  if (given !== null) {
    mean = given.mean;
    variance = given.var;
  } else {
    mean = new Float64Array(groups);
    variance = new Float64Array(groups);
    const sq = new Float64Array(groups);
    for (let r = 0; r < outer * C; r++) {
      const g = rowGroup[r] as number;
      let s = 0;
      let q = 0;
      for (let i = r * inner; i < (r + 1) * inner; i++) {
        const v = xs[i] as number;
        s += v;
        q += v * v;
      }
      mean[g] = (mean[g] as number) + s;
      sq[g] = (sq[g] as number) + q;
    }
    for (let g = 0; g < groups; g++) mean[g] = (mean[g] as number) / count;
    if (onePass) {
      for (let g = 0; g < groups; g++) {
        const m = mean[g] as number;
        variance[g] = Math.max((sq[g] as number) / count - m * m, 0);
      }
    } else {
      for (let r = 0; r < outer * C; r++) {
        const g = rowGroup[r] as number;
        const m = mean[g] as number;
        let q = 0;
        for (let i = r * inner; i < (r + 1) * inner; i++) {
          const d = (xs[i] as number) - m;
          q += d * d;
        }
        variance[g] = (variance[g] as number) + q;
      }
      for (let g = 0; g < groups; g++) variance[g] = (variance[g] as number) / count;
    }
  }
  const rstd = new Float64Array(groups);
  for (let g = 0; g < groups; g++) rstd[g] = 1 / Math.sqrt((variance[g] as number) + epsilon);
  const w = weight === null ? null : weight.data;
  const b = bias === null ? null : bias.data;
  const xhat = new Float64Array(n);
  const out = allocArray(x.dtype, n);
  for (let r = 0; r < outer * C; r++) {
    const g = rowGroup[r] as number;
    const c = r % C;
    const m = mean[g] as number;
    const rs = rstd[g] as number;
    const wc = w === null ? 1 : (w[c] as number);
    const bc = b === null ? 0 : (b[c] as number);
    for (let i = r * inner; i < (r + 1) * inner; i++) {
      const h = ((xs[i] as number) - m) * rs;
      xhat[i] = h;
      out[i] = h * wc + bc;
    }
  }
  const batchStats = given === null;
  const back: BackwardFn = (gy) => {
    const gx = needsGrad(x) ? allocArray(x.dtype, n) : null;
    const gw = weight !== null && needsGrad(weight) ? new Float64Array(C) : null;
    const gb = bias !== null && needsGrad(bias) ? new Float64Array(C) : null;
    if (gw !== null || gb !== null) {
      for (let r = 0; r < outer * C; r++) {
        const c = r % C;
        let sw = 0;
        let sb = 0;
        for (let i = r * inner; i < (r + 1) * inner; i++) {
          sw += (gy[i] as number) * (xhat[i] as number);
          sb += gy[i] as number;
        }
        if (gw !== null) gw[c] = (gw[c] as number) + sw;
        if (gb !== null) gb[c] = (gb[c] as number) + sb;
      }
    }
    if (gx !== null) {
      // d = dy·w; with batch statistics subtract the group means of d and of d·x̂·x̂.
      const sumD = new Float64Array(groups);
      const sumDH = new Float64Array(groups);
      if (batchStats) {
        for (let r = 0; r < outer * C; r++) {
          const g = rowGroup[r] as number;
          const wc = w === null ? 1 : (w[r % C] as number);
          let s1 = 0;
          let s2 = 0;
          for (let i = r * inner; i < (r + 1) * inner; i++) {
            const d = (gy[i] as number) * wc;
            s1 += d;
            s2 += d * (xhat[i] as number);
          }
          sumD[g] = (sumD[g] as number) + s1;
          sumDH[g] = (sumDH[g] as number) + s2;
        }
      }
      for (let r = 0; r < outer * C; r++) {
        const g = rowGroup[r] as number;
        const wc = w === null ? 1 : (w[r % C] as number);
        const rs = rstd[g] as number;
        const md = batchStats ? (sumD[g] as number) / count : 0;
        const mdh = batchStats ? (sumDH[g] as number) / count : 0;
        for (let i = r * inner; i < (r + 1) * inner; i++) {
          gx[i] = ((gy[i] as number) * wc - md - (xhat[i] as number) * mdh) * rs;
        }
      }
    }
    const res: (Float64Array | Float32Array | null)[] = [gx as Float64Array | Float32Array | null];
    if (weight !== null) res.push(gw);
    if (bias !== null) res.push(gb);
    return res;
  };
  const inputs = [x, ...(weight === null ? [] : [weight]), ...(bias === null ? [] : [bias])];
  return { y: Tensor.fromOp(name, out, x.shape, x.dtype, inputs, back), stats: { mean, var: variance } };
}

/** An optional float Tensor argument (null/undefined → null) of x's dtype. */
function optionalParam(where: string, argName: string, value: unknown, dtype: FloatDType): Tensor | null {
  if (value === null || value === undefined) return null;
  const t = floatTensor(where, argName, value);
  if (t.dtype !== dtype) {
    throw new PaddleTypeError(`${where}: the '${argName}' must have the dtype of x (${dtype}), but its dtype is ${t.dtype}.`);
  }
  return t;
}

/** Paddle passes epsilon and momentum as C++ float attributes. */
function floatAttr(where: string, argName: string, value: unknown, fallback: number): number {
  const v = value ?? fallback;
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new PaddleTypeError(`${where}: '${argName}' must be a finite number, but received ${describe(v)}.`);
  }
  return Math.fround(v);
}

function boolArg(where: string, argName: string, value: unknown, fallback: boolean): boolean {
  const v = value ?? fallback;
  if (typeof v !== 'boolean') throw new PaddleTypeError(`${where}: '${argName}' must be a boolean, but received ${describe(v)}.`);
  return v;
}

/** [outer, C, inner] of x for a channels-first or channels-last layout. */
function channelView(shape: readonly number[], channelsLast: boolean): [number, number, number] {
  const C = (channelsLast ? shape[shape.length - 1] : shape[1]) as number;
  const inner = channelsLast ? 1 : numelOf(shape.slice(2));
  return [numelOf(shape) / Math.max(C * inner, 1), C, inner];
}

// -----------------------------------------------------------------------------------------------
// batch_norm

/** Options of `batchNorm` (Paddle's keyword arguments after `running_var`). */
export interface BatchNormOptions {
  /** Per-class rescaling weights, a Tensor of shape `[C]` (Paddle's `weight`). */
  weight?: Tensor | null;
  /** The shift, shape `[C]` (Paddle's `bias`; default none). */
  bias?: Tensor | null;
  /** Train mode: batch statistics, running statistics updated (default false). */
  training?: boolean;
  /** running = momentum·running + (1 − momentum)·batch (default 0.9). */
  momentum?: number;
  /** Added to the variance for stability (Paddle's `epsilon`; default 1e-5). */
  epsilon?: number;
  /**
   * The layout of the input: channels first (`'NCL'`, `'NCHW'`, `'NCDHW'`, default) or last
   * (Paddle's `data_format`).
   */
  dataFormat?: NormDataFormat;
  /** true: the running statistics; false: the batch's; null (default): `!training`. */
  useGlobalStats?: boolean | null;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

/** The arguments of Paddle's `batch_norm` op (what `F.batch_norm` and `nn.BatchNorm` pass it). */
export interface BatchNormAttrs {
  isTest: boolean;
  momentum: number;
  epsilon: number;
  channelsLast: boolean;
  useGlobalStats: boolean;
  trainableStatistics: boolean;
}

/**
 * Paddle's `batch_norm` op (paddle/phi/kernels/cpu/batch_norm_kernel.cc): global (running)
 * statistics when `(isTest && !trainableStatistics) || useGlobalStats`, else the batch's, and then
 * the running mean and variance are updated in place with the *biased* batch variance
 * (PyTorch updates with the unbiased one). A batch of one element per channel is passed through
 * unchanged and updates nothing, as Paddle's kernel does.
 */
export function batchNormOp(
  where: string,
  xv: unknown,
  runningMean: unknown,
  runningVar: unknown,
  weightv: unknown,
  biasv: unknown,
  attrs: BatchNormAttrs,
): Tensor {
  const x = floatTensor(where, 'x', xv);
  const nd = x.ndim;
  if (nd < 2) {
    throw new ValueError(
      `ShapeError: the dimension of input X must greater than or equal to 2. But received: the shape of input X = [${x.shape.join(', ')}], the dimension of input X =[${nd}]`,
    );
  }
  if (nd > 5) {
    throw new ValueError(
      `ShapeError: the dimension of input X must smaller than or equal to 5. But received: the shape of input X = [${x.shape.join(', ')}], the dimension of input X = [${nd}]`,
    );
  }
  // A 2-D input is [N, C] whatever the format (Paddle treats NCHW 2-D as NHWC).
  const channelsLast = attrs.channelsLast || nd === 2;
  const [outer, C, inner] = channelView(x.shape, channelsLast);
  const weight = optionalParam(where, 'weight', weightv, x.dtype);
  const bias = optionalParam(where, 'bias', biasv, x.dtype);
  for (const [argName, t] of [['scale', weight], ['bias', bias]] as const) {
    if (t === null) continue;
    if (t.ndim !== 1) {
      throw new ValueError(
        `ShapeError: the dimension of ${argName} must equal to 1.But received: the shape of ${argName} is [${t.shape.join(', ')}], the dimension of ${argName} is [${t.ndim}]`,
      );
    }
    if (t.shape[0] !== C) {
      throw new ValueError(`ShapeError: the shape of ${argName} must equal to [${C}]But received: the shape of ${argName} is [${t.shape[0]}]`);
    }
  }
  const rm = floatTensor(where, 'running_mean', runningMean);
  const rv = floatTensor(where, 'running_var', runningVar);
  for (const [argName, t] of [['running_mean', rm], ['running_var', rv]] as const) {
    if (t.numel !== C || t.ndim !== 1) {
      throw new ValueError(`${where}: the '${argName}' must have shape [${C}] (the channels of x ${shapeToString(x.shape)}), but its shape is ${shapeToString(t.shape)}.`);
    }
  }
  const global = (attrs.isTest && !attrs.trainableStatistics) || attrs.useGlobalStats;
  const layout: NormLayout = { outer, channels: C, inner, groups: C, groupOf: (_o, c) => c };
  if (global) {
    const stats = { mean: Float64Array.from(rm.data), var: Float64Array.from(rv.data) };
    return normKernel('batch_norm', x, layout, weight, bias, attrs.epsilon, stats, false).y;
  }
  if (outer * inner === 1) {
    return Tensor.fromOp('batch_norm', x.numpy(), x.shape, x.dtype, [x], (g) => [g]);
  }
  const { y, stats } = normKernel('batch_norm', x, layout, weight, bias, attrs.epsilon, null, false);
  const m = attrs.momentum;
  const rmd = rm.data;
  const rvd = rv.data;
  for (let c = 0; c < C; c++) {
    rmd[c] = (rmd[c] as number) * m + (stats.mean[c] as number) * (1 - m);
    rvd[c] = (rvd[c] as number) * m + (stats.var[c] as number) * (1 - m);
  }
  return y;
}

/**
 * Paddle's `paddle.nn.functional.batch_norm(x, running_mean, running_var, weight=None,
 * bias=None, training=False, momentum=0.9, epsilon=1e-05, data_format='NCHW',
 * use_global_stats=None, name=None)`: `batchNorm(x, runningMean, runningVar, { weight, bias,
 * training, momentum, epsilon, dataFormat, useGlobalStats })`. In training (batch statistics) the
 * running tensors are updated in place: running = momentum·running + (1 − momentum)·batch, with
 * the biased batch variance. `useGlobalStats: false` with `training: false` still uses (and
 * tracks) the batch statistics (Paddle's `trainable_statistics`).
 * @param x - The float input, 2-D to 5-D, channels at axis 1 (or last) (Paddle's `x`).
 * @param runningMean - The float running mean `[C]`, updated in place in training (Paddle's `running_mean`).
 * @param runningVar - The float running variance `[C]`, updated in place in training (Paddle's `running_var`).
 * @param options - {@link BatchNormOptions}: `weight`, `bias` (`[C]`), `training` (default `false`), `momentum` (default 0.9), `epsilon` (default 1e-5), `dataFormat` (default `'NCHW'`), `useGlobalStats` (Paddle's `use_global_stats`), `name`.
 * @returns A new Tensor of x's shape and dtype.
 * @throws {@link errors.AssertionError} when x has fewer than 2 dimensions; {@link errors.TypeError} when a tensor argument is not a float Tensor of x's dtype, `momentum`/`epsilon` is not a finite number, a flag is not a boolean, or an option is unknown; {@link errors.ValueError} when `dataFormat` is unknown, x has more than 5 dimensions, or a `[C]` argument has another shape.
 */
export function batchNorm(x: Tensor, runningMean: Tensor, runningVar: Tensor, options?: BatchNormOptions): Tensor {
  const o = checkOptions('batch_norm', options, ['weight', 'bias', 'training', 'momentum', 'epsilon', 'dataFormat', 'useGlobalStats', 'name']);
  if (x instanceof Tensor && x.ndim < 2) throw new AssertionError('input dim must be larger than 1');
  const fmt = o.dataFormat ?? 'NCHW';
  if (!BATCH_FORMATS.includes(fmt)) {
    throw new ValueError(`data_format must be one of 'NC', 'NCL', 'NCHW', 'NCDHW', 'NLC', 'NHWC', 'NDHWC' but receive ${String(fmt)}`);
  }
  const training = boolArg('batch_norm', 'training', o.training, false);
  const ugs = o.useGlobalStats ?? null;
  if (ugs !== null && typeof ugs !== 'boolean') {
    throw new PaddleTypeError(`batch_norm: 'use_global_stats' must be a boolean or None, but received ${describe(ugs)}.`);
  }
  return batchNormOp('batch_norm', x, runningMean, runningVar, o.weight, o.bias, {
    isTest: !training,
    momentum: floatAttr('batch_norm', 'momentum', o.momentum, 0.9),
    epsilon: floatAttr('batch_norm', 'epsilon', o.epsilon, 1e-5),
    channelsLast: fmt[1] !== 'C',
    useGlobalStats: ugs ?? !training,
    trainableStatistics: ugs === null ? false : !ugs,
  });
}

// -----------------------------------------------------------------------------------------------
// layer_norm

/** Options of `layerNorm`. */
export interface LayerNormOptions {
  /** 1-D, of size numel(normalized_shape). */
  weight?: Tensor | null;
  /** The shift, of the normalized shape (Paddle's `bias`; default none). */
  bias?: Tensor | null;
  /** Added to the variance for stability (Paddle's `epsilon`; default 1e-5). */
  epsilon?: number;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

/** `normalized_shape` as a list (an integer → [n]); Paddle's ValueError otherwise. */
export function normalizedShapeList(value: unknown): number[] {
  if (typeof value === 'number' && Number.isInteger(value)) return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isInteger(v))) return [...(value as number[])];
  throw new ValueError('`normalized_shape` should be int, list of ints or tuple of ints.');
}

/**
 * Paddle's `paddle.nn.functional.layer_norm(x, normalized_shape, weight=None, bias=None,
 * epsilon=1e-05, name=None)`: `layerNorm(x, normalizedShape, { weight, bias, epsilon })`.
 * Normalizes over the trailing dims named by `normalized_shape` (an integer or a list); weight
 * and bias are 1-D of their numel. Paddle's checks: the trailing dims must equal
 * `normalized_shape`, at least one leading dim must remain, 0 ≤ epsilon ≤ 0.001.
 * @param x - The float input (Paddle's `x`).
 * @param normalizedShape - The trailing dims to normalize over, an integer or a list (Paddle's `normalized_shape`).
 * @param options - {@link LayerNormOptions}: `weight`, `bias` (1-D of the normalized numel), `epsilon` (default 1e-5, in [0, 0.001]), `name`.
 * @returns A new Tensor of x's shape and dtype.
 * @throws {@link errors.TypeError} when `x`, `weight` or `bias` is not a float Tensor of x's dtype, `epsilon` is not a finite number, or an option is unknown; {@link errors.ValueError} when `normalizedShape` is not integers, does not match x's trailing dims or leaves no leading dim, `epsilon` is outside [0, 0.001], or `weight`/`bias` has the wrong shape.
 */
export function layerNorm(x: Tensor, normalizedShape: number | readonly number[], options?: LayerNormOptions): Tensor {
  const o = checkOptions('layer_norm', options, ['weight', 'bias', 'epsilon', 'name']);
  const t = floatTensor('layer_norm', 'x', x);
  const ns = normalizedShapeList(normalizedShape);
  const begin = t.ndim - ns.length;
  if (begin < 0 || ns.some((d, i) => t.shape[begin + i] !== d)) {
    const s = `[${ns.join(', ')}]`;
    throw new ValueError(`Given normalized_shape is ${s}, expected input with shape [*, ${s.slice(1)}, but got input shape [${t.shape.join(', ')}]`);
  }
  if (begin <= 0) {
    throw new ValueError(`'begin_norm_axis' in Op(LayerNorm) should begreater than zero. But received [${begin}].`);
  }
  const eps = floatAttr('layer_norm', 'epsilon', o.epsilon, 1e-5);
  if (!(eps >= 0 && eps <= Math.fround(0.001))) {
    throw new ValueError(`'epsilon' in Op(LayerNorm) should be between0.0 and 0.001, But received [${o.epsilon}].`);
  }
  const M = numelOf(ns);
  const weight = optionalParam('layer_norm', 'weight', o.weight, t.dtype);
  const bias = optionalParam('layer_norm', 'bias', o.bias, t.dtype);
  for (const [argName, p] of [['Scale', weight], ['Bias', bias]] as const) {
    if (p === null) continue;
    if (p.ndim !== 1) {
      throw new ValueError(`The dimensions of Input(${argName}) must be 1, but received dimensions ofInput(${argName}) is [${p.ndim}]`);
    }
    if (p.shape[0] !== M) {
      throw new ValueError(
        `The first dimension value of Input(${argName}) must equal to be thesecond dimension value of the flattened 2D matrix of Input(X),But received the first dimension value of Input(${argName}) is[${p.shape[0]}], the second dimension value of the flattened 2D matrix of Input(${argName}) is [${M}].`,
      );
    }
  }
  const rows = numelOf(t.shape.slice(0, begin));
  const layout: NormLayout = { outer: rows, channels: M, inner: 1, groups: rows, groupOf: (r) => r };
  return normKernel('layer_norm', t, layout, weight, bias, eps, null, false).y;
}

// -----------------------------------------------------------------------------------------------
// group_norm

/** Options of `groupNorm`. */
export interface GroupNormOptions {
  /** Added to the variance for stability (Paddle's `epsilon`; default 1e-5). */
  epsilon?: number;
  /** 1-D, of size C. */
  weight?: Tensor | null;
  /** The shift, shape `[C]` (Paddle's `bias`; default none). */
  bias?: Tensor | null;
  /**
   * The layout of the input: channels first (`'NCL'`, `'NCHW'`, `'NCDHW'`, default) or last
   * (Paddle's `data_format`).
   */
  dataFormat?: 'NCL' | 'NCHW' | 'NCDHW' | 'NLC' | 'NHWC' | 'NDHWC';
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

/** Paddle's GroupNorm data_format check; returns whether the channels are last. */
export function groupNormChannelsLast(fmt: unknown): boolean {
  if (typeof fmt !== 'string' || !GROUP_FORMATS.includes(fmt)) throw new ValueError(`unsupported data layout:${String(fmt)}`);
  return fmt[1] !== 'C';
}

/** Paddle's group_norm checks of `groups` against the channel count. */
export function checkGroups(groups: number, C: number, layoutName: string): void {
  if (groups > C) {
    throw new ValueError(
      `The Attr(groups) of Op(group_norm) must be less than or equal to the number of channels. But received: groups is [${groups}], channels is [${C}], the Attr(data_layout) is [${layoutName}]. The error may come from wrong data_layout setting.`,
    );
  }
  if (groups < 1) {
    throw new ValueError(`The Attr(groups) of Op(group_norm) must be greater than or equal to 1. But received: groups is [${groups}].`);
  }
  if (C % groups !== 0) {
    throw new ValueError(`Expected number of channels in input to be divisible by num_groups, but got input channel is ${C} and num_groups is ${groups}`);
  }
}

/**
 * Paddle's `paddle.nn.functional.group_norm(x, num_groups, epsilon=1e-05, weight=None, bias=None,
 * data_format='NCHW', name=None)`: `groupNorm(x, numGroups, { epsilon, weight, bias, dataFormat })`.
 * The C channels split into `numGroups` groups of C/numGroups; each sample's group is normalized
 * over its channels and spatial positions (variance max(E[x²] − μ², 0), as Paddle's CPU kernel).
 * @param x - The float input, at least 2-D, channels at axis 1 (or last) (Paddle's `x`).
 * @param numGroups - The number of channel groups, dividing C (Paddle's `num_groups`).
 * @param options - {@link GroupNormOptions}: `epsilon` (default 1e-5), `weight`, `bias` (`[C]`), `dataFormat` (default `'NCHW'`), `name`.
 * @returns A new Tensor of x's shape and dtype.
 * @throws {@link errors.TypeError} when `x`, `weight` or `bias` is not a float Tensor of x's dtype, `numGroups` is not an integer, `epsilon` is not a finite number, or an option is unknown; {@link errors.ValueError} when `dataFormat` is unknown, x has fewer than 2 dimensions, `numGroups` is not in [1, C] or does not divide C, or `weight`/`bias` is not `[C]`.
 */
export function groupNorm(x: Tensor, numGroups: number, options?: GroupNormOptions): Tensor {
  const o = checkOptions('group_norm', options, ['epsilon', 'weight', 'bias', 'dataFormat', 'name']);
  const channelsLast = groupNormChannelsLast(o.dataFormat ?? 'NCHW');
  const t = floatTensor('group_norm', 'x', x);
  if (typeof numGroups !== 'number' || !Number.isInteger(numGroups)) {
    throw new PaddleTypeError(`group_norm: 'num_groups' must be an integer, but received ${describe(numGroups)}.`);
  }
  if (t.ndim < 2) {
    throw new ValueError(
      `The Input(X)'s dimension of Op(group_norm) must be greater than 1. But received: ${t.ndim}-D Tensor, which shape is [${t.shape.join(', ')}].`,
    );
  }
  const layoutName = channelsLast ? 'NHWC' : 'NCHW';
  const [outer, C, inner] = channelView(t.shape, channelsLast);
  checkGroups(numGroups, C, layoutName);
  const weight = optionalParam('group_norm', 'weight', o.weight, t.dtype);
  const bias = optionalParam('group_norm', 'bias', o.bias, t.dtype);
  for (const [argName, p] of [['Scale', weight], ['Bias', bias]] as const) {
    if (p === null) continue;
    if (p.ndim !== 1) {
      throw new ValueError(
        `The Input(${argName}) of Op(group_norm) should be 1-D Tensor. But received: ${p.ndim}-D Tensor, the shape of Input(${argName}) is [${p.shape.join(', ')}].`,
      );
    }
    if (p.shape[0] !== C) {
      throw new ValueError(
        `The Input(${argName})'s first dimension size of Op(group_norm) must be equal to the number of channels. But received: the Input(${argName})'s first dimension size is [${p.shape[0]}], the channels is [${C}], the Attr(data_layout) is [${layoutName}]. The error may come from wrong data_layout setting.`,
      );
    }
  }
  const eps = floatAttr('group_norm', 'epsilon', o.epsilon, 1e-5);
  const N = t.shape[0] as number;
  const perSample = N === 0 ? 1 : outer / N;
  const perGroup = C / numGroups;
  const layout: NormLayout = {
    outer,
    channels: C,
    inner,
    groups: N * numGroups,
    groupOf: (oi, c) => Math.floor(oi / perSample) * numGroups + Math.floor(c / perGroup),
  };
  return normKernel('group_norm', t, layout, weight, bias, eps, null, true).y;
}

export { batchNorm as batch_norm, layerNorm as layer_norm, groupNorm as group_norm };

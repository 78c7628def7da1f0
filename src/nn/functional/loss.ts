/**
 * `paddle.nn.functional` losses: cross_entropy (softmax + cross entropy fused, hard or soft labels),
 * mse_loss, l1_loss, square_error_cost. Each is one op computing in float64 and rounding once
 * into the input's dtype; the reduction is part of the op.
 *
 * cross_entropy, as Paddle ≈3.x (python/paddle/nn/functional/loss.py + the
 * cross_entropy_with_softmax kernels):
 * - hard labels: int32/int64, shape = input shape without the class axis, or with it of size 1;
 *   each label must be in [0, C) or equal `ignoreIndex` (checked before anything is computed).
 *   loss_i = logsumexp(x_i) − x_i[label_i] (computed stably; Paddle's CPU kernel takes
 *   log(softmax) and differs only where a probability underflows), 0 for ignored labels;
 *   with `weight`, loss_i ·= weight[label_i];
 * - soft labels (`softLabel: true`, label of the input's shape): loss_i = −Σ_c label_c·log p_c;
 *   with `weight`, loss_i ·= Σ_c label_c·weight_c;
 * - `useSoftmax: false`: the input already holds probabilities; log is clamped to ±1e20 like
 *   Paddle's TolerableValue;
 * - reduction 'none' keeps the label's shape (hard) or the input's shape with the class axis 1
 *   (soft); 'sum' sums; 'mean' divides by: Σ weight[label] over non-ignored samples when a weight
 *   is given (0 → 1), else the non-ignored count when ignoreIndex ≥ 0 (0 → 1), else the number of
 *   loss elements (ignored ones included, as Paddle's mean_all does);
 * - gradient w.r.t. the logits: (softmax − onehot(label))·g (soft: (softmax − label)·g, which
 *   assumes labels summing to 1, as Paddle's kernel does), times the sample weight; no gradient
 *   flows into the label.
 */
import { NotImplementedError, TypeError as PaddleTypeError, ValueError } from '../../errors.js';
import { checkOptions, describe } from '../../options.js';
import { allocArray, isFloatDType, type DataArray, type FloatDType } from '../../tensor/dtype.js';
import { broadcastShapes, numelOf, shapeEquals, shapeToString } from '../../tensor/shape.js';
import { Tensor, type NestedArray } from '../../tensor/tensor.js';
import { toTensor } from '../../tensor/creation.js';
import { axisOf, checkReduction, floatTensor, splitAt, type Reduction } from './checks.js';
import { readIds } from './input.js';
import { broadcastTo, reduceToShape } from '../../ops/helpers.js';

/**
 * Optional arguments of `F.crossEntropy` (Paddle's `weight`, `ignore_index`, `reduction`,
 * `soft_label`, `axis`, `use_softmax`, `label_smoothing`, `name`).
 */
export interface CrossEntropyOptions {
  /** Per-class rescaling weights, a Tensor of shape `[C]` (Paddle's `weight`). */
  weight?: Tensor | null;
  /** A label value whose samples contribute nothing (Paddle's `ignore_index`; default -100). */
  ignoreIndex?: number;
  /**
   * How the per-element losses are combined: `'mean'` (default), `'sum'` or `'none'` (Paddle's
   * `reduction`).
   */
  reduction?: Reduction;
  /**
   * Labels are per-class probabilities of the input's shape instead of class ids (Paddle's
   * `soft_label`; default `false`).
   */
  softLabel?: boolean;
  /** The axis to work along (Paddle's `axis`); a negative axis counts from the end. */
  axis?: number;
  /**
   * Apply softmax to the input first (`true`, default); `false` when the input already holds
   * probabilities (Paddle's `use_softmax`).
   */
  useSoftmax?: boolean;
  /**
   * Mix the one-hot labels with a uniform distribution by this amount in [0, 1) (Paddle's
   * `label_smoothing`; default 0).
   */
  labelSmoothing?: number;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

const CE_KEYS = ['weight', 'ignoreIndex', 'reduction', 'softLabel', 'axis', 'useSoftmax', 'labelSmoothing', 'name'] as const;

/** Paddle's TolerableValue: ±inf → ±1e20 (NaN passes). */
function tolerable(v: number): number {
  return v === Infinity ? 1e20 : v === -Infinity ? -1e20 : v;
}

/**
 * Paddle's label_smooth kernel for one element: `T(1 − ε)·y + T(ε / C)` with ε a float32
 * attribute, in the label's dtype T.
 */
function labelSmooth(y: number, epsilon: number, C: number, dtype: FloatDType): number {
  const eps = Math.fround(epsilon);
  const keep = Math.fround(1 - eps);
  const spread = Math.fround(eps / C);
  return dtype === 'float32' ? Math.fround(Math.fround(keep * y) + spread) : keep * y + spread;
}

/**
 * `paddle.nn.functional.cross_entropy(input, label, weight=None, ignore_index=-100,
 * reduction='mean', soft_label=False, axis=-1, use_softmax=True, label_smoothing=0.0)`: softmax
 * cross entropy of logits against int64 class ids (or soft labels), with Paddle's weighting and
 * reduction. Throws a TypeError for float class ids (make them int64) and a ValueError for
 * mismatched shapes or labels out of range.
 * @param input - The float logits (probabilities with `useSoftmax: false`), classes along `axis` (Paddle's `input`).
 * @param label - int32/int64 class ids (input's shape without the class axis, or with it of size 1), or with `softLabel` a float distribution of input's shape (Paddle's `label`).
 * @param options - {@link CrossEntropyOptions}: `weight`, `ignoreIndex` (default -100), `reduction` (default `'mean'`), `softLabel`, `axis` (default -1), `useSoftmax` (default `true`), `labelSmoothing` (default 0), `name`.
 * @returns A new Tensor of input's dtype: 0-D for 'mean'/'sum'; for 'none', the label's shape (hard) or input's with the class axis of size 1 (soft).
 * @throws {@link errors.TypeError} when `input`/`weight` is not a float Tensor, hard labels are not int32/int64, an option has the wrong type, or an option is unknown; {@link errors.ValueError} when `reduction` is unknown, `labelSmoothing` is outside [0, 1], `input` is 0-D, `axis` is out of range, shapes of `label` or `weight` do not match, or a label is out of range; {@link errors.NotImplementedError} for `labelSmoothing` with `ignoreIndex` ≥ 0.
 */
export function crossEntropy(input: Tensor, label: Tensor | NestedArray, options?: CrossEntropyOptions): Tensor {
  const o = checkOptions('cross_entropy', options, CE_KEYS);
  const reduction = checkReduction(
    o.reduction,
    (v) => `The value of 'reduction' in softmax_cross_entropyshould be 'sum', 'mean' or 'none', but received ${v}, which is not allowed.`,
  );
  const ignoreIndex = o.ignoreIndex ?? -100;
  if (typeof ignoreIndex !== 'number' || !Number.isInteger(ignoreIndex)) {
    throw new PaddleTypeError(`cross_entropy: 'ignoreIndex' must be an integer, but received ${describe(ignoreIndex)}.`);
  }
  let softLabel = o.softLabel ?? false;
  const useSoftmax = o.useSoftmax ?? true;
  const labelSmoothing = o.labelSmoothing ?? 0.0;
  for (const [k, v] of [['softLabel', softLabel], ['useSoftmax', useSoftmax]] as const) {
    if (typeof v !== 'boolean') throw new PaddleTypeError(`cross_entropy: '${k}' must be a boolean, but received ${describe(v)}.`);
  }
  if (typeof labelSmoothing !== 'number' || !(labelSmoothing >= 0 && labelSmoothing <= 1)) {
    throw new ValueError(`cross_entropy: 'labelSmoothing' must be a number in [0, 1], but received ${describe(labelSmoothing)}.`);
  }
  if (ignoreIndex > 0 && softLabel) {
    throw new ValueError(
      `When soft_label == True, the value of 'ignore_index' in softmax_cross_entropyshould be '-100', but received ${ignoreIndex}, which is not allowed.`,
    );
  }
  const x = floatTensor('cross_entropy', 'input', input);
  if (x.ndim === 0) throw new ValueError('The dimension of input should be larger than zero!');
  const dtype = x.dtype;
  const axis = axisOf('cross_entropy', o.axis ?? -1, x.shape);
  const [outer, C, inner] = splitAt(x.shape, axis);
  const rows = outer * inner;
  // Plain JS labels: class indices (int64) for hard labels, probabilities for soft ones.
  let lt: Tensor;
  if (label instanceof Tensor) lt = label;
  else if (softLabel) lt = toTensor(label as NestedArray);
  else {
    const { ids, shape } = readIds('cross_entropy', label as NestedArray);
    lt = Tensor.fromArray(Float64Array.from(ids), shape, 'int64');
  }

  let weight: (Tensor & { dtype: FloatDType }) | null = null;
  if (o.weight !== undefined && o.weight !== null) {
    weight = floatTensor('cross_entropy', 'weight', o.weight);
    if (weight.numel !== C || weight.ndim !== 1) {
      throw new ValueError(
        `input's class_dimension(${C}) must equal to weight's class_dimension(${weight.shape[weight.ndim - 1] ?? 1}) when weight is provided (weight shape ${shapeToString(weight.shape)}).`,
      );
    }
  }
  const wData = weight === null ? null : Float64Array.from(weight.data);

  // Labels: hard → one class index per row; soft → a distribution per row (axis layout of x).
  let hard: Float64Array | null = null;
  let soft: Float64Array | null = null;
  let outShape: number[];
  const reducedShape = x.shape.map((d, i) => (i === axis ? 1 : d));
  if (labelSmoothing > 0 && !softLabel) {
    if (ignoreIndex >= 0) {
      throw new NotImplementedError('cross_entropy: labelSmoothing together with ignoreIndex >= 0 is not supported.');
    }
  }
  // With label smoothing Paddle takes a label of the input's shape as a (one-hot) distribution
  // whatever softLabel says, and smooths it in the label's dtype.
  if (labelSmoothing > 0 && !softLabel && lt.ndim === x.ndim && isFloatDType(lt.dtype) && shapeEquals(lt.shape, x.shape)) softLabel = true;
  if (softLabel) {
    const sl = floatTensor('cross_entropy', 'label', lt);
    if (!shapeEquals(sl.shape, x.shape)) {
      throw new ValueError(
        `cross_entropy: with softLabel the label must have the input's shape ${shapeToString(x.shape)}, but its shape is ${shapeToString(sl.shape)}.`,
      );
    }
    soft = Float64Array.from(sl.data);
    if (labelSmoothing > 0) for (let i = 0; i < soft.length; i++) soft[i] = labelSmooth(soft[i] as number, labelSmoothing, C, sl.dtype);
    outShape = reducedShape;
  } else {
    if (lt.dtype !== 'int32' && lt.dtype !== 'int64') {
      throw new PaddleTypeError(`cross_entropy: hard labels must be an int32 or int64 tensor, but the label's dtype is ${lt.dtype}. Make integer labels with paddle.toTensor(labels, { dtype: 'int64' }) (plain JS numbers give the default float dtype), or pass { softLabel: true } for class probabilities.`);
    }
    const sameRank = lt.ndim === x.ndim;
    const expected = sameRank ? reducedShape : x.shape.filter((_, i) => i !== axis);
    if (!(sameRank || lt.ndim === x.ndim - 1) || !shapeEquals(lt.shape, expected)) {
      throw new ValueError(
        `Expected nput_dims - 1 = label_dims or input_dims == label_dims (got nput_dims${x.ndim}, label_dims${lt.ndim}); the label of an input of shape ${shapeToString(x.shape)} must have shape ${shapeToString(x.shape.filter((_, i) => i !== axis))} or ${shapeToString(reducedShape)}, but its shape is ${shapeToString(lt.shape)}.`,
      );
    }
    const ld = lt.data;
    hard = new Float64Array(rows);
    for (let r = 0; r < rows; r++) {
      const v = ld[r] as number;
      if (!((v >= 0 && v < C) || v === ignoreIndex)) {
        throw new ValueError(
          `The value of label expected >= 0 and < ${C}, or == ${ignoreIndex}, but got ${v}. Please check label value. (label at flat position ${r})`,
        );
      }
      hard[r] = v;
    }
    outShape = [...lt.shape];
    if (labelSmoothing > 0) {
      // Paddle: one_hot then label_smooth → soft labels (1 − ε)·onehot + ε/C.
      soft = new Float64Array(x.numel);
      for (let oo = 0; oo < outer; oo++) {
        for (let i = 0; i < inner; i++) {
          const r = oo * inner + i;
          const base = oo * C * inner + i;
          // one_hot gives float32; label_smooth runs in float32; then astype(input.dtype)
          for (let c = 0; c < C; c++) soft[base + c * inner] = labelSmooth(c === hard[r] ? 1 : 0, labelSmoothing, C, 'float32');
        }
      }
      hard = null;
      softLabel = true;
      if (lt.ndim === x.ndim - 1) outShape = x.shape.filter((_, i) => i !== axis);
    }
  }

  // Forward: per-row loss (float64), the row's log-normaliser (softmax) and sample weight.
  const xd = x.data;
  const lossRow = new Float64Array(rows);
  const lse = new Float64Array(rows);
  const rowWeight = new Float64Array(rows).fill(1);
  for (let oo = 0; oo < outer; oo++) {
    for (let i = 0; i < inner; i++) {
      const r = oo * inner + i;
      const base = oo * C * inner + i;
      if (hard !== null && hard[r] === ignoreIndex) {
        rowWeight[r] = 0;
        continue;
      }
      if (useSoftmax) {
        let max = -Infinity;
        for (let c = 0; c < C; c++) {
          const v = xd[base + c * inner] as number;
          if (v > max || v !== v) max = v;
        }
        if (max === -Infinity) max = 0;
        let s = 0;
        for (let c = 0; c < C; c++) s += Math.exp((xd[base + c * inner] as number) - max);
        const l = max + Math.log(s);
        lse[r] = l;
        if (hard !== null) {
          lossRow[r] = l - (xd[base + (hard[r] as number) * inner] as number);
        } else {
          const sl = soft as Float64Array;
          let acc = 0;
          for (let c = 0; c < C; c++) {
            const q = sl[base + c * inner] as number;
            if (q !== 0) acc -= q * ((xd[base + c * inner] as number) - l);
          }
          lossRow[r] = acc;
        }
      } else if (hard !== null) {
        lossRow[r] = -tolerable(Math.log(xd[base + (hard[r] as number) * inner] as number));
      } else {
        const sl = soft as Float64Array;
        let acc = 0;
        for (let c = 0; c < C; c++) {
          const q = sl[base + c * inner] as number;
          if (q !== 0) acc -= q * tolerable(Math.log(xd[base + c * inner] as number));
        }
        lossRow[r] = acc;
      }
      if (wData !== null) {
        if (hard !== null) {
          rowWeight[r] = wData[hard[r] as number] as number;
        } else {
          const sl = soft as Float64Array;
          let ws = 0;
          for (let c = 0; c < C; c++) ws += (sl[base + c * inner] as number) * (wData[c] as number);
          rowWeight[r] = ws;
        }
        lossRow[r] = (lossRow[r] as number) * (rowWeight[r] as number);
      }
    }
  }

  // Reduction.
  let denom = 1;
  if (reduction === 'mean') {
    if (wData !== null) {
      let ws = 0;
      for (let r = 0; r < rows; r++) ws += rowWeight[r] as number;
      denom = ws === 0 ? 1 : ws;
    } else if (hard !== null && ignoreIndex >= 0) {
      let cnt = 0;
      for (let r = 0; r < rows; r++) if (hard[r] !== ignoreIndex) cnt++;
      denom = cnt === 0 ? 1 : cnt;
    } else {
      denom = rows;
    }
  }
  let out: DataArray;
  let shape: number[];
  if (reduction === 'none') {
    out = allocArray(dtype, rows);
    out.set(lossRow);
    shape = outShape;
  } else {
    let s = 0;
    for (let r = 0; r < rows; r++) s += lossRow[r] as number;
    out = allocArray(dtype, 1);
    out[0] = reduction === 'mean' ? s / denom : s;
    shape = [];
  }

  const inputs = weight === null ? [x] : [x, weight];
  return Tensor.fromOp('cross_entropy', out, shape, dtype, inputs, (g) => {
    const xs = x.data;
    const gx = allocArray(dtype, x.numel);
    for (let oo = 0; oo < outer; oo++) {
      for (let i = 0; i < inner; i++) {
        const r = oo * inner + i;
        const base = oo * C * inner + i;
        if (hard !== null && hard[r] === ignoreIndex) continue;
        const gl = (reduction === 'none' ? (g[r] as number) : (g[0] as number) / denom) * (rowWeight[r] as number);
        if (useSoftmax) {
          const l = lse[r] as number;
          for (let c = 0; c < C; c++) {
            const k = base + c * inner;
            const p = Math.exp((xs[k] as number) - l);
            const target = hard !== null ? (c === hard[r] ? 1 : 0) : ((soft as Float64Array)[k] as number);
            gx[k] = (p - target) * gl;
          }
        } else if (hard !== null) {
          const k = base + (hard[r] as number) * inner;
          gx[k] = -gl / (xs[k] as number);
        } else {
          for (let c = 0; c < C; c++) {
            const k = base + c * inner;
            gx[k] = (-((soft as Float64Array)[k] as number) / (xs[k] as number)) * gl;
          }
        }
      }
    }
    return weight === null ? [gx] : [gx, null];
  });
}

// ---------------------------------------------------------------------------------------------
// Elementwise regression losses

/** Optional arguments of `F.mseLoss` and `F.l1Loss` (Paddle's `reduction`, `name`). */
export interface RegressionLossOptions {
  /**
   * How the per-element losses are combined: `'mean'` (default), `'sum'` or `'none'` (Paddle's
   * `reduction`).
   */
  reduction?: Reduction;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

type Pointwise = (d: number) => number;

/**
 * f(input − label) elementwise (NumPy broadcasting), then reduced. `df` is f's derivative; the
 * label gets −df·g when it requires a gradient.
 */
function pointwiseLoss(
  where: string,
  input: Tensor,
  label: Tensor,
  reduction: Reduction,
  f: Pointwise,
  df: Pointwise,
): Tensor {
  const x = floatTensor(where, 'input', input);
  const y = floatTensor(where, 'label', label);
  const dtype: FloatDType = x.dtype === 'float64' || y.dtype === 'float64' ? 'float64' : 'float32';
  const shape = broadcastShapes(x.shape, y.shape, where);
  const n = numelOf(shape);
  const xa = broadcastTo(x.data, x.shape, shape, 'float64');
  const ya = broadcastTo(y.data, y.shape, shape, 'float64');
  const f32 = dtype === 'float32';
  // d = input − label rounded into the dtype (Paddle's subtract), then f(d) rounded.
  const diff = new Float64Array(n);
  const vals = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d0 = (xa[i] as number) - (ya[i] as number);
    const d = f32 ? Math.fround(d0) : d0;
    diff[i] = d;
    const v = f(d);
    vals[i] = f32 ? Math.fround(v) : v;
  }
  let out: DataArray;
  let outShape: number[];
  if (reduction === 'none') {
    out = allocArray(dtype, n);
    out.set(vals);
    outShape = shape;
  } else {
    let s = 0;
    for (let i = 0; i < n; i++) s += vals[i] as number;
    out = allocArray(dtype, 1);
    out[0] = reduction === 'mean' ? s / n : s;
    outShape = [];
  }
  return Tensor.fromOp(where, out, outShape, dtype, [x, y], (g) => {
    const gd = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const go = reduction === 'none' ? (g[i] as number) : reduction === 'mean' ? (g[0] as number) / n : (g[0] as number);
      gd[i] = go * df(diff[i] as number);
    }
    const gx = x.stopGradient ? null : reduceToShape(gd, shape, x.shape, x.dtype);
    let gy: DataArray | null = null;
    if (!y.stopGradient) {
      const neg = new Float64Array(n);
      for (let i = 0; i < n; i++) neg[i] = -(gd[i] as number);
      gy = reduceToShape(neg, shape, y.shape, y.dtype);
    }
    return [gx, gy];
  });
}

const square: Pointwise = (d) => d * d;
const dSquare: Pointwise = (d) => 2 * d;
const abs: Pointwise = (d) => Math.abs(d);
const dAbs: Pointwise = (d) => (d > 0 ? 1 : d < 0 ? -1 : d === 0 ? 0 : d);

/**
 * `mse_loss(input, label, reduction='mean')`: mean((input − label)²).
 * @param input - The float prediction (Paddle's `input`).
 * @param label - The float target, broadcast against `input` (Paddle's `label`).
 * @param options - {@link RegressionLossOptions}: `reduction` (`'mean'` default, `'sum'` or `'none'`), `name`.
 * @returns A new Tensor of input's dtype: 0-D for 'mean'/'sum', the broadcast shape for 'none'.
 * @throws {@link errors.TypeError} when `input` or `label` is not a float Tensor or an option is unknown; {@link errors.ValueError} when `reduction` is unknown or the shapes do not broadcast.
 */
export function mseLoss(input: Tensor, label: Tensor, options?: RegressionLossOptions): Tensor {
  const o = checkOptions('mse_loss', options, ['reduction', 'name']);
  const reduction = checkReduction(
    o.reduction,
    (v) => `'reduction' in 'mse_loss' should be 'sum', 'mean' or 'none', but received ${v}.`,
  );
  return pointwiseLoss('mse_loss', input, label, reduction, square, dSquare);
}

/**
 * `l1_loss(input, label, reduction='mean')`: mean(|input − label|); gradient sign(d) (0 at 0).
 * @param input - The float prediction (Paddle's `input`).
 * @param label - The float target, broadcast against `input` (Paddle's `label`).
 * @param options - {@link RegressionLossOptions}: `reduction` (`'mean'` default, `'sum'` or `'none'`), `name`.
 * @returns A new Tensor of input's dtype: 0-D for 'mean'/'sum', the broadcast shape for 'none'.
 * @throws {@link errors.TypeError} when `input` or `label` is not a float Tensor or an option is unknown; {@link errors.ValueError} when `reduction` is unknown or the shapes do not broadcast.
 */
export function l1Loss(input: Tensor, label: Tensor, options?: RegressionLossOptions): Tensor {
  const o = checkOptions('l1_loss', options, ['reduction', 'name']);
  const reduction = checkReduction(
    o.reduction,
    (v) => `The value of 'reduction' in L1Loss should be 'sum', 'mean' or 'none', but received ${v}, which is not allowed.`,
  );
  return pointwiseLoss('l1_loss', input, label, reduction, abs, dAbs);
}

/**
 * `square_error_cost(input, label)`: (input − label)² elementwise, no reduction.
 * @param input - The float prediction (Paddle's `input`).
 * @param label - The float target, broadcast against `input` (Paddle's `label`).
 * @returns A new Tensor of the broadcast shape, in input's dtype.
 * @throws {@link errors.TypeError} when `input` or `label` is not a float Tensor; {@link errors.ValueError} when the shapes do not broadcast.
 */
export function squareErrorCost(input: Tensor, label: Tensor): Tensor {
  return pointwiseLoss('square_error_cost', input, label, 'none', square, dSquare);
}

export {
  crossEntropy as cross_entropy,
  mseLoss as mse_loss,
  l1Loss as l1_loss,
  squareErrorCost as square_error_cost,
};

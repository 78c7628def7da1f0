/**
 * More `paddle.nn.functional` losses: binary_cross_entropy, binary_cross_entropy_with_logits,
 * nll_loss, smooth_l1_loss, kl_div, and one_hot. Each loss is one op computing in float64, with
 * each element's loss rounded into the input's dtype (Paddle's elementwise kernel) and the
 * reduction accumulated in float64 and rounded once.
 *
 * Paddle's rules reproduced:
 * - binary_cross_entropy: input in [0, 1] (ValueError otherwise, as the kernel's check); each log
 *   clamped at −100; gradient g·(x − y)/max(x·(1 − x), 1e-12); `weight` multiplies each element.
 * - binary_cross_entropy_with_logits: (1 − y)·x + w_pos·(log(1 + e^(−|x|)) + max(−x, 0)) with
 *   w_pos = (posWeight − 1)·y + 1 (1 without posWeight); labels equal to −100 are ignored (0).
 * - smooth_l1_loss (Paddle's huber loss, NOT divided by delta): 0.5·d² for |d| < δ, else
 *   δ·|d| − 0.5·δ².
 * - kl_div: y·(log y − x) where y > 0, else 0 (logTarget: eʸ·(y − x)); 'batchmean' divides the
 *   sum by the batch size (shape[0]).
 * - nll_loss: −w[c]·x[n, c, …]; ignored labels give 0; 'mean' divides by Σ w over non-ignored
 *   labels (a zero total gives the plain sum, 0).
 * No gradient flows into labels except for smooth_l1_loss (Paddle's huber_loss_grad has one).
 */
import { TypeError as PaddleTypeError, ValueError } from '../../errors.js';
import { checkOptions, describe } from '../../options.js';
import { allocArray, type DataArray, type FloatDType } from '../../tensor/dtype.js';
import { broadcastShapes, shapeEquals, shapeToString } from '../../tensor/shape.js';
import { Tensor } from '../../tensor/tensor.js';
import { broadcastTo, reduceToShape } from '../../ops/helpers.js';
import { sigmoidScalar } from '../../ops/elementwise.js';
import { checkReduction, floatTensor, type Reduction } from './checks.js';

/**
 * How `F.klDiv` combines its per-element losses (Paddle's `reduction`): a `Reduction`, or
 * `'batchmean'` (the sum divided by the batch size).
 */
export type KlReduction = Reduction | 'batchmean';

/** An elementwise loss term and its derivatives at (x, y, i). */
interface Term {
  f(x: number, y: number, i: number): number;
  dx(x: number, y: number, i: number): number;
  /** The derivative in the label, when the label gets a gradient. */
  dy?: (x: number, y: number, i: number) => number;
}

const rmsg = (op: string) => (v: string): string =>
  `The value of 'reduction' in ${op} should be 'sum', 'mean' or 'none', but received ${v}, which is not allowed.`;

/**
 * loss_i = round(f(x_i, y_i)) (· weight_i, broadcast), reduced. x and y must have the same shape.
 * `divisor` replaces the element count of 'mean' (kl_div's batchmean).
 */
function elementLoss(
  where: string,
  input: unknown,
  label: unknown,
  weight: unknown,
  reduction: KlReduction,
  term: Term,
  argNames: readonly [string, string] = ['input', 'label'],
): Tensor {
  const x = floatTensor(where, argNames[0], input);
  const y = floatTensor(where, argNames[1], label);
  if (!shapeEquals(x.shape, y.shape)) {
    throw new ValueError(
      `${where}: the shape of '${argNames[0]}' ${shapeToString(x.shape)} must equal the shape of '${argNames[1]}' ${shapeToString(y.shape)}.`,
    );
  }
  const dtype: FloatDType = x.dtype;
  const f32 = dtype === 'float32';
  const n = x.numel;
  let w: (Tensor & { dtype: FloatDType }) | null = null;
  let wa: DataArray | null = null;
  if (weight !== undefined && weight !== null) {
    w = floatTensor(where, 'weight', weight);
    if (!shapeEquals(broadcastShapes(x.shape, w.shape, `${where} ('input', 'weight')`), x.shape)) {
      throw new ValueError(`${where}: the 'weight' of shape ${shapeToString(w.shape)} must broadcast to the input's shape ${shapeToString(x.shape)}.`);
    }
    wa = broadcastTo(w.data, w.shape, x.shape, 'float64');
  }
  const xs = x.data;
  const ys = y.data;
  const raw = new Float64Array(n);
  const vals = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v0 = term.f(xs[i] as number, ys[i] as number, i);
    const v = f32 ? Math.fround(v0) : v0;
    raw[i] = v;
    const vw = wa === null ? v : v * (wa[i] as number);
    vals[i] = f32 ? Math.fround(vw) : vw;
  }
  const divisor = reduction === 'batchmean' ? (x.ndim > 0 ? (x.shape[0] as number) : 1) : n;
  let out: DataArray;
  let outShape: number[];
  if (reduction === 'none') {
    out = allocArray(dtype, n);
    out.set(vals);
    outShape = [...x.shape];
  } else {
    let s = 0;
    for (let i = 0; i < n; i++) s += vals[i] as number;
    out = allocArray(dtype, 1);
    out[0] = reduction === 'sum' ? s : s / divisor;
    outShape = [];
  }
  const inputs: Tensor[] = w === null ? [x, y] : [x, y, w];
  return Tensor.fromOp(where, out, outShape, dtype, inputs, (g) => {
    const go = (i: number): number => (reduction === 'none' ? (g[i] as number) : reduction === 'sum' ? (g[0] as number) : (g[0] as number) / divisor);
    const grads: (DataArray | null)[] = [null, null, null];
    if (!x.stopGradient) {
      const gx = allocArray(x.dtype, n);
      for (let i = 0; i < n; i++) gx[i] = go(i) * term.dx(xs[i] as number, ys[i] as number, i) * (wa === null ? 1 : (wa[i] as number));
      grads[0] = gx;
    }
    if (!y.stopGradient && term.dy !== undefined) {
      const gy = allocArray(y.dtype, n);
      for (let i = 0; i < n; i++) gy[i] = go(i) * term.dy(xs[i] as number, ys[i] as number, i) * (wa === null ? 1 : (wa[i] as number));
      grads[1] = gy;
    }
    if (w !== null && !w.stopGradient) {
      const gw = new Float64Array(n);
      for (let i = 0; i < n; i++) gw[i] = go(i) * (raw[i] as number);
      grads[2] = reduceToShape(gw, x.shape, w.shape, w.dtype);
    }
    return w === null ? grads.slice(0, 2) : grads;
  });
}

/** Optional arguments of `F.binaryCrossEntropy` (Paddle's `weight`, `reduction`, `name`). */
export interface BinaryCrossEntropyOptions {
  /** Rescales each element's loss (broadcast to the input's shape). */
  weight?: Tensor | null;
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

/**
 * `binary_cross_entropy(input, label, weight=None, reduction='mean')`: input holds probabilities.
 * @param input - Float probabilities in [0, 1] (Paddle's `input`).
 * @param label - The float target, of input's shape (Paddle's `label`).
 * @param options - {@link BinaryCrossEntropyOptions}: `weight` (broadcast to input), `reduction` (`'mean'` default, `'sum'` or `'none'`), `name`.
 * @returns A new Tensor of input's dtype: 0-D for 'mean'/'sum', input's shape for 'none'.
 * @throws {@link errors.TypeError} when an argument is not a float Tensor or an option is unknown; {@link errors.ValueError} when `reduction` is unknown, an input value is outside [0, 1], the shapes differ or `weight` does not broadcast.
 */
export function binaryCrossEntropy(input: Tensor, label: Tensor, options?: BinaryCrossEntropyOptions): Tensor {
  const o = checkOptions('binary_cross_entropy', options, ['weight', 'reduction', 'name']);
  const reduction = checkReduction(o.reduction, rmsg('binary_cross_entropy'));
  const x = floatTensor('binary_cross_entropy', 'input', input);
  const xs = x.data;
  for (let i = 0; i < xs.length; i++) {
    const v = xs[i] as number;
    if (v < 0) throw new ValueError(`Illegal input, input must be greater than  or equal to 0 (input[${i}] = ${v}).`);
    if (v > 1) throw new ValueError(`Illegal input, input must be less than or equal to 1 (input[${i}] = ${v}).`);
  }
  return elementLoss('binary_cross_entropy', x, label, o.weight, reduction, {
    f: (p, y) => (y - 1) * Math.max(Math.log(1 - p), -100) - y * Math.max(Math.log(p), -100),
    dx: (p, y) => (p - y) / Math.max((1 - p) * p, 1e-12),
  });
}

/**
 * Optional arguments of `F.binaryCrossEntropyWithLogits` (Paddle's `weight`, `reduction`,
 * `pos_weight`, `name`).
 */
export interface BinaryCrossEntropyWithLogitsOptions extends BinaryCrossEntropyOptions {
  /** Weight of the positive examples (broadcast to the label's shape). */
  posWeight?: Tensor | null;
}

/**
 * `binary_cross_entropy_with_logits(logit, label, weight=None, reduction='mean', pos_weight=None)`:
 * sigmoid and binary cross entropy fused, stable for large |logit|.
 * @param logit - The float logits (Paddle's `logit`).
 * @param label - The float target, of logit's shape; -100 marks an ignored element (Paddle's `label`).
 * @param options - {@link BinaryCrossEntropyWithLogitsOptions}: `weight`, `reduction` (`'mean'` default, `'sum'` or `'none'`), `posWeight` (Paddle's `pos_weight`), `name`.
 * @returns A new Tensor of logit's dtype: 0-D for 'mean'/'sum', logit's shape for 'none'.
 * @throws {@link errors.TypeError} when an argument is not a float Tensor or an option is unknown; {@link errors.ValueError} when `reduction` is unknown, the shapes differ, or `weight`/`posWeight` does not broadcast.
 */
export function binaryCrossEntropyWithLogits(logit: Tensor, label: Tensor, options?: BinaryCrossEntropyWithLogitsOptions): Tensor {
  const where = 'binary_cross_entropy_with_logits';
  const o = checkOptions(where, options, ['weight', 'reduction', 'posWeight', 'name']);
  const reduction = checkReduction(o.reduction, rmsg(where));
  const x = floatTensor(where, 'logit', logit);
  let pw: DataArray | null = null;
  if (o.posWeight !== undefined && o.posWeight !== null) {
    const p = floatTensor(where, 'posWeight', o.posWeight);
    if (!shapeEquals(broadcastShapes(x.shape, p.shape, `${where} ('logit', 'posWeight')`), x.shape)) {
      throw new ValueError(`${where}: the 'posWeight' of shape ${shapeToString(p.shape)} must broadcast to the logit's shape ${shapeToString(x.shape)}.`);
    }
    pw = broadcastTo(p.data, p.shape, x.shape, 'float64');
  }
  const lw = (y: number, i: number): number => (pw === null ? 1 : ((pw[i] as number) - 1) * y + 1);
  const IGNORE = -100;
  return elementLoss(
    where,
    x,
    label,
    o.weight,
    reduction,
    {
      f: (v, y, i) => (y === IGNORE ? 0 : (1 - y) * v + lw(y, i) * (Math.log1p(Math.exp(-Math.abs(v))) + Math.max(-v, 0))),
      // d/dx: (1 − y) − w_pos·σ(−x)
      dx: (v, y, i) => {
        if (y === IGNORE) return 0;
        return 1 - y - lw(y, i) * sigmoidScalar(-v);
      },
    },
    ['logit', 'label'],
  );
}

/** Optional arguments of `F.smoothL1Loss` (Paddle's `reduction`, `delta`, `name`). */
export interface SmoothL1LossOptions {
  /**
   * How the per-element losses are combined: `'mean'` (default), `'sum'` or `'none'` (Paddle's
   * `reduction`).
   */
  reduction?: Reduction;
  /** The switch point between the quadratic and linear parts (default 1.0). */
  delta?: number;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

/**
 * `smooth_l1_loss(input, label, reduction='mean', delta=1.0)`.
 * @param input - The float prediction (Paddle's `input`).
 * @param label - The float target, of input's shape (Paddle's `label`).
 * @param options - {@link SmoothL1LossOptions}: `reduction` (`'mean'` default, `'sum'` or `'none'`), `delta` (default 1.0), `name`.
 * @returns A new Tensor of input's dtype: 0-D for 'mean'/'sum', input's shape for 'none'.
 * @throws {@link errors.TypeError} when an argument is not a float Tensor, `delta` is not a number, or an option is unknown; {@link errors.ValueError} when `reduction` is unknown or the shapes differ.
 */
export function smoothL1Loss(input: Tensor, label: Tensor, options?: SmoothL1LossOptions): Tensor {
  const o = checkOptions('smooth_l1_loss', options, ['reduction', 'delta', 'name']);
  const reduction = checkReduction(o.reduction, rmsg('smooth_l1_loss'));
  const delta = o.delta ?? 1.0;
  if (typeof delta !== 'number') {
    throw new PaddleTypeError(`smooth_l1_loss: the 'delta' must be a number, but received ${describe(delta)}.`);
  }
  const dd = (d: number): number => (Math.abs(d) < delta ? d : d > 0 ? delta : d < 0 ? -delta : d);
  return elementLoss('smooth_l1_loss', input, label, undefined, reduction, {
    f: (x, y) => {
      const a = Math.abs(x - y);
      return a < delta ? 0.5 * a * a : delta * a - 0.5 * delta * delta;
    },
    dx: (x, y) => dd(x - y),
    dy: (x, y) => -dd(x - y),
  });
}

/** Optional arguments of `F.klDiv` (Paddle's `reduction`, `log_target`, `name`). */
export interface KlDivOptions {
  /** 'mean' (default), 'batchmean', 'sum' or 'none'. */
  reduction?: KlReduction;
  /** The label holds log-probabilities (default false). */
  logTarget?: boolean;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

export function checkKlReduction(value: unknown): KlReduction {
  if (value === undefined) return 'mean';
  if (value !== 'mean' && value !== 'sum' && value !== 'none' && value !== 'batchmean') {
    throw new ValueError(
      `The value of 'reduction' in kl_div should be 'sum', 'mean', 'batchmean' or 'none', but received ${String(value)}, which is not allowed.`,
    );
  }
  return value;
}

/**
 * `kl_div(input, label, reduction='mean', log_target=False)`: input holds log-probabilities.
 * @param input - Float log-probabilities (Paddle's `input`).
 * @param label - The float target probabilities (log-probabilities with `logTarget`), of input's shape (Paddle's `label`).
 * @param options - {@link KlDivOptions}: `reduction` (`'mean'` default, `'batchmean'`, `'sum'` or `'none'`), `logTarget` (Paddle's `log_target`, default `false`), `name`.
 * @returns A new Tensor of input's dtype: 0-D for 'mean'/'sum', input's shape for 'none'.
 * @throws {@link errors.TypeError} when an argument is not a float Tensor, `logTarget` is not a boolean, or an option is unknown; {@link errors.ValueError} when `reduction` is unknown or the shapes differ.
 */
export function klDiv(input: Tensor, label: Tensor, options?: KlDivOptions): Tensor {
  const o = checkOptions('kl_div', options, ['reduction', 'logTarget', 'name']);
  const reduction = checkKlReduction(o.reduction);
  const logTarget = o.logTarget ?? false;
  if (typeof logTarget !== 'boolean') {
    throw new PaddleTypeError(`kl_div: the 'logTarget' must be a boolean, but received ${describe(logTarget)}.`);
  }
  const term: Term = logTarget
    ? { f: (x, y) => Math.exp(y) * (y - x), dx: (_x, y) => -Math.exp(y) }
    : { f: (x, y) => (y > 0 ? y * (Math.log(y) - x) : 0), dx: (_x, y) => (y > 0 ? -y : 0) };
  return elementLoss('kl_div', input, label, undefined, reduction, term);
}

/** Optional arguments of `F.nllLoss` (Paddle's `weight`, `ignore_index`, `reduction`, `name`). */
export interface NllLossOptions {
  /** A weight per class (1-D, length C). */
  weight?: Tensor | null;
  /** A label value that contributes nothing (default -100). */
  ignoreIndex?: number;
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

/**
 * `nll_loss(input, label, weight=None, ignore_index=-100, reduction='mean')`: input of shape
 * [N, C] or [N, C, d1, …] (log-probabilities), label of shape [N] or [N, d1, …] (int64/int32).
 * @param input - Float log-probabilities `[N, C]` or `[N, C, d1, …]` (Paddle's `input`).
 * @param label - int64/int32 class ids `[N]` or `[N, d1, …]` (Paddle's `label`).
 * @param options - {@link NllLossOptions}: `weight` (`[C]`), `ignoreIndex` (Paddle's `ignore_index`, default -100), `reduction` (`'mean'` default, `'sum'` or `'none'`), `name`.
 * @returns A new Tensor of input's dtype: 0-D for 'mean'/'sum', the label's shape for 'none'.
 * @throws {@link errors.TypeError} when `input`/`weight` is not a float Tensor, `label` is not an int32/int64 Tensor, `ignoreIndex` is not an integer, or an option is unknown; {@link errors.ValueError} when `reduction` is unknown, `input` has fewer than 2 dimensions, the label's or weight's shape does not match, or a label is out of range.
 */
export function nllLoss(input: Tensor, label: Tensor, options?: NllLossOptions): Tensor {
  const o = checkOptions('nll_loss', options, ['weight', 'ignoreIndex', 'reduction', 'name']);
  const reduction = checkReduction(o.reduction, rmsg('nll_loss'));
  const ignoreIndex = o.ignoreIndex ?? -100;
  if (typeof ignoreIndex !== 'number' || !Number.isInteger(ignoreIndex)) {
    throw new PaddleTypeError(`nll_loss: the 'ignoreIndex' must be an integer, but received ${describe(ignoreIndex)}.`);
  }
  const x = floatTensor('nll_loss', 'input', input);
  if (!(label instanceof Tensor)) {
    throw new PaddleTypeError(`nll_loss: the argument 'label' must be a Tensor, but received ${describe(label)}.`);
  }
  if (label.dtype !== 'int64' && label.dtype !== 'int32') {
    throw new PaddleTypeError(`nll_loss: the 'label' must have dtype int64 (or int32), but its dtype is ${label.dtype}.`);
  }
  if (x.ndim === 0) throw new ValueError('Input should not be 0D tensor.');
  if (x.ndim < 2) throw new ValueError(`Expected 2 or more dimensions (got ${x.ndim})`);
  const N = x.shape[0] as number;
  const C = x.shape[1] as number;
  if (C < 1) throw new ValueError(`Expected 1 or more classess (got num classes${C})`);
  const expected = [N, ...x.shape.slice(2)];
  if (!shapeEquals(label.shape, expected)) {
    throw new ValueError(
      `Expected input batch_size (${N}) to match label batch_size (${label.shape[0] ?? 'none'}); the label of an input of shape ${shapeToString(x.shape)} must have shape ${shapeToString(expected)}, but its shape is ${shapeToString(label.shape)}.`,
    );
  }
  let w: (Tensor & { dtype: FloatDType }) | null = null;
  if (o.weight !== undefined && o.weight !== null) {
    w = floatTensor('nll_loss', 'weight', o.weight);
    if (w.ndim !== 1 || w.numel !== C) {
      throw new ValueError(`nll_loss: the 'weight' must be 1-D with one entry per class (${C}), but its shape is ${shapeToString(w.shape)}.`);
    }
  }
  const inner = x.numel / Math.max(N * C, 1);
  const rows = N * inner;
  const lab = label.data;
  const xs = x.data;
  const wd = w === null ? null : w.data;
  const rowW = new Float64Array(rows);
  const idx = new Int32Array(rows).fill(-1);
  const loss = new Float64Array(rows);
  let total = 0;
  for (let r = 0; r < rows; r++) {
    const c = lab[r] as number;
    if (c === ignoreIndex) continue;
    if (!(c >= 0 && c < C)) {
      throw new ValueError(`Label value is out of range. Expected label value in range of [0, ${C}), but received value is ${c}.`);
    }
    const n = Math.floor(r / inner);
    const k = (n * C + c) * inner + (r % inner);
    const cw = wd === null ? 1 : (wd[c] as number);
    idx[r] = k;
    rowW[r] = cw;
    loss[r] = -(xs[k] as number) * cw;
    total += cw;
  }
  const dtype = x.dtype;
  let out: DataArray;
  let outShape: number[];
  const denom = reduction === 'mean' && total !== 0 ? total : 1;
  if (reduction === 'none') {
    out = allocArray(dtype, rows);
    out.set(loss);
    outShape = [...label.shape];
  } else {
    let s = 0;
    for (let r = 0; r < rows; r++) s += loss[r] as number;
    out = allocArray(dtype, 1);
    out[0] = s / denom;
    outShape = [];
  }
  const inputs: Tensor[] = w === null ? [x] : [x, w];
  return Tensor.fromOp('nll_loss', out, outShape, dtype, inputs, (g) => {
    const gx = allocArray(dtype, x.numel);
    for (let r = 0; r < rows; r++) {
      const k = idx[r] as number;
      if (k < 0) continue;
      const go = reduction === 'none' ? (g[r] as number) : (g[0] as number) / denom;
      gx[k] = -go * (rowW[r] as number);
    }
    return w === null ? [gx] : [gx, null];
  });
}

/**
 * `one_hot(x, num_classes)`: an integer tensor of class ids → float32 of shape
 * x.shape + [num_classes] (no gradient).
 * @param x - An int32/int64 Tensor of class ids in [0, numClasses) (Paddle's `x`).
 * @param numClasses - The number of classes, a positive integer (Paddle's `num_classes`).
 * @param options - `name` (accepted, unused).
 * @returns A new float32 Tensor `[...x.shape, numClasses]`.
 * @throws {@link errors.TypeError} when `x` is not an int32/int64 Tensor or an option is unknown; {@link errors.ValueError} when `numClasses` is not a positive integer or an id is out of range.
 */
export function oneHot(x: Tensor, numClasses: number, options?: { name?: string | null }): Tensor {
  checkOptions('one_hot', options, ['name']);
  if (!(x instanceof Tensor)) {
    throw new PaddleTypeError(`one_hot: the argument 'x' must be a Tensor, but received ${describe(x)}.`);
  }
  if (x.dtype !== 'int32' && x.dtype !== 'int64') {
    throw new PaddleTypeError(`one_hot: the argument 'x' must have dtype int32 or int64, but its dtype is ${x.dtype}.`);
  }
  if (typeof numClasses !== 'number' || !Number.isInteger(numClasses) || numClasses < 1) {
    throw new ValueError(`one_hot: the 'num_classes' must be a positive integer, but received ${describe(numClasses)}.`);
  }
  const ids = x.data;
  const out = allocArray('float32', ids.length * numClasses);
  for (let i = 0; i < ids.length; i++) {
    const v = ids[i] as number;
    if (v < 0) {
      throw new ValueError(`Illegal index value, Input(input) value should be at least 0, but received input (${v}) less than 0`);
    }
    if (v >= numClasses) {
      throw new ValueError(
        `Illegal index value, Input(input) value should be less than Input(depth), but received input (${v}) not less than depth (${numClasses})`,
      );
    }
    out[i * numClasses + v] = 1;
  }
  return Tensor.fromOp('one_hot', out, [...x.shape, numClasses], 'float32', [x], null);
}

export {
  binaryCrossEntropy as binary_cross_entropy,
  binaryCrossEntropyWithLogits as binary_cross_entropy_with_logits,
  smoothL1Loss as smooth_l1_loss,
  klDiv as kl_div,
  nllLoss as nll_loss,
  oneHot as one_hot,
};

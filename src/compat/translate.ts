/**
 * `compat.translate(from, to, hyper)`: maps RMSProp hyper-parameters between the conventions of
 * Paddle, PyTorch, Keras 3, TF1, TF.js, timm and Optax, and lists where the two cannot give the
 * same trajectory, each with a bound on the difference.
 *
 * The bounds are *open-loop*: both runs see the same gradient sequence g₁, g₂, … (they do not
 * feed back through the parameters), per element. Write η for the learning rate, ρ for the
 * mean-square decay, μ for the momentum, v_t for the smaller of the two runs' mean squares after
 * step t (without ε), and B = η/√(1−ρ). Because v_t ≥ (1−ρ)·g_t² whatever the initial mean square,
 * every non-centered increment η·g/√(v+…) has magnitude ≤ B, and the two runs' increments have
 * the same sign, so no per-step difference exceeds B. An *increment* difference e_t passes through
 * the momentum buffer, so the parameters differ after T steps by at most Σ e_t / (1−μ).
 */
import { TypeError as PaddleTypeError, ValueError } from '../errors.js';
import { describe } from '../options.js';
import { checkNumber } from './shared.js';

/** A framework's RMSProp convention. */
export type Convention = 'paddle' | 'torch' | 'keras' | 'tf1' | 'tfjs' | 'timm' | 'optax';

/** What distinguishes one convention's RMSProp (the README's table is made of these). */
export interface ConventionInfo {
  /** The API this describes. */
  api: string;
  /** Option names: learning rate, mean-square decay, ε, momentum, weight decay (null: none). */
  names: {
    /** The learning rate's option name. */
    lr: string;
    /** The mean-square decay's (ρ, α or `decay`). */
    decay: string;
    /** ε's. */
    eps: string;
    /** The momentum's. */
    momentum: string;
    /** The weight decay's (null: the convention has none). */
    weightDecay: string | null;
  };
  /** Defaults of those (null: required or none). */
  defaults: {
    /** The default learning rate (null: required). */
    lr: number | null;
    /** The default mean-square decay. */
    decay: number;
    /** The default ε. */
    eps: number;
    /** The default momentum (null: none). */
    momentum: number | null;
  };
  /** ε inside the square root (`√(v+ε)`) or outside (`√v + ε`); Optax: its `epsInSqrt`. */
  epsPlacement: 'inside' | 'outside';
  /** The mean square's initial value (Optax: its `initialScale`). */
  initialMeanSquare: number;
  /** The learning rate is inside the momentum buffer (`buf = μ·buf + η·u; θ −= buf`) or outside (`θ −= η·buf`). */
  lrInMomentum: boolean;
  /** Weight decay: added to the gradient (L2), applied to the weights (decoupled), either, or none. */
  weightDecay: 'coupled' | 'decoupled' | 'coupled or decoupled' | 'none';
  /** The centered denominator: `v − ḡ² + ε` (or PyTorch's `√(v − ḡ²) + ε`), or TF.js's `v − (ḡ² + ε)`. */
  centeredEps: 'added' | 'subtracted';
}

/** The conventions, by name. */
export const CONVENTIONS: Readonly<Record<Convention, ConventionInfo>> = {
  paddle: {
    api: 'paddle.optimizer.RMSProp(learning_rate, rho=0.95, epsilon=1e-6, momentum=0.0, centered=False, weight_decay=None)',
    names: { lr: 'learningRate', decay: 'rho', eps: 'epsilon', momentum: 'momentum', weightDecay: 'weightDecay' },
    defaults: { lr: null, decay: 0.95, eps: 1e-6, momentum: 0 },
    epsPlacement: 'inside',
    initialMeanSquare: 0,
    lrInMomentum: true,
    weightDecay: 'coupled',
    centeredEps: 'added',
  },
  torch: {
    api: 'torch.optim.RMSprop(params, lr=0.01, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0, centered=False)',
    names: { lr: 'lr', decay: 'alpha', eps: 'eps', momentum: 'momentum', weightDecay: 'weightDecay' },
    defaults: { lr: 0.01, decay: 0.99, eps: 1e-8, momentum: 0 },
    epsPlacement: 'outside',
    initialMeanSquare: 0,
    lrInMomentum: false,
    weightDecay: 'coupled',
    centeredEps: 'added',
  },
  keras: {
    api: 'keras.optimizers.RMSprop(learning_rate=0.001, rho=0.9, momentum=0.0, epsilon=1e-7, centered=False, weight_decay=None, ...)',
    names: { lr: 'learningRate', decay: 'rho', eps: 'epsilon', momentum: 'momentum', weightDecay: 'weightDecay' },
    defaults: { lr: 0.001, decay: 0.9, eps: 1e-7, momentum: 0 },
    epsPlacement: 'inside',
    initialMeanSquare: 0,
    lrInMomentum: true,
    weightDecay: 'decoupled',
    centeredEps: 'added',
  },
  tf1: {
    api: 'tf.compat.v1.train.RMSPropOptimizer(learning_rate, decay=0.9, momentum=0.0, epsilon=1e-10, centered=False)',
    names: { lr: 'learningRate', decay: 'decay', eps: 'epsilon', momentum: 'momentum', weightDecay: null },
    defaults: { lr: null, decay: 0.9, eps: 1e-10, momentum: 0 },
    epsPlacement: 'inside',
    initialMeanSquare: 1,
    lrInMomentum: true,
    weightDecay: 'none',
    centeredEps: 'added',
  },
  tfjs: {
    api: 'tf.train.rmsprop(learningRate, decay=0.9, momentum=0.0, epsilon=null (1e-7), centered=false)',
    names: { lr: 'learningRate', decay: 'decay', eps: 'epsilon', momentum: 'momentum', weightDecay: null },
    defaults: { lr: null, decay: 0.9, eps: 1e-7, momentum: 0 },
    epsPlacement: 'inside',
    initialMeanSquare: 0,
    lrInMomentum: true,
    weightDecay: 'none',
    centeredEps: 'subtracted',
  },
  timm: {
    api: 'timm.optim.RMSpropTF(params, lr=1e-2, alpha=0.9, eps=1e-10, weight_decay=0, momentum=0., centered=False, decoupled_decay=False, lr_in_momentum=True)',
    names: { lr: 'lr', decay: 'alpha', eps: 'eps', momentum: 'momentum', weightDecay: 'weightDecay' },
    defaults: { lr: 0.01, decay: 0.9, eps: 1e-10, momentum: 0 },
    epsPlacement: 'inside',
    initialMeanSquare: 1,
    lrInMomentum: true,
    weightDecay: 'coupled or decoupled',
    centeredEps: 'added',
  },
  optax: {
    api: 'optax.rmsprop(learning_rate, decay=0.9, eps=1e-8, initial_scale=0., eps_in_sqrt=True, centered=False, momentum=None, nesterov=False, bias_correction=False)',
    names: { lr: 'learningRate', decay: 'decay', eps: 'eps', momentum: 'momentum', weightDecay: null },
    defaults: { lr: null, decay: 0.9, eps: 1e-8, momentum: null },
    epsPlacement: 'inside',
    initialMeanSquare: 0,
    lrInMomentum: true,
    weightDecay: 'none',
    centeredEps: 'added',
  },
};

/** Extra options a convention knows beyond the common five, and the value meaning "off". */
const EXTRAS: Record<Convention, Record<string, boolean | number | null>> = {
  paddle: {},
  torch: { maximize: false },
  keras: { clipnorm: null, clipvalue: null, globalClipnorm: null, useEma: false, emaMomentum: 0.99, emaOverwriteFrequency: null, gradientAccumulationSteps: null },
  tf1: {},
  tfjs: {},
  timm: { decoupledDecay: false, lrInMomentum: true },
  optax: { initialScale: 0, epsInSqrt: true, nesterov: false, biasCorrection: false },
};

/** What a bound is evaluated at (per element, after step t of the open-loop runs). */
export interface BoundState {
  /** The step, from 1. */
  t: number;
  /** The smaller of the two runs' mean squares after step t (without ε), ≥ 0. */
  v: number;
  /** max over k ≤ t of |η_k − η_t| (a learning-rate schedule; 0 or omitted for a constant rate). */
  lrChange?: number;
}

/** One place where the two conventions cannot give the same trajectory. */
export interface Mismatch {
  /** What differs. */
  kind: 'epsPlacement' | 'initialMeanSquare' | 'lrPlacement' | 'weightDecay' | 'centeredEpsilon' | 'rounding' | 'unsupported';
  /** A sentence saying what differs and what to do. */
  message: string;
  /** The bound as a formula (see the module comment for the symbols), or why there is none. */
  bound: string;
  /**
   * `'increment'`: `perStep` bounds the difference of the step's increment (it then passes through
   * the momentum buffer); `'step'`: it bounds the difference of the parameter's change itself.
   */
  scope: 'increment' | 'step';
  /** The bound at one step, or null where none follows from the hyper-parameters. */
  perStep: ((s: BoundState) => number) | null;
}

/** The result of {@link translate}. */
export interface TranslateResult {
  /** The hyper-parameters under the target's names (its option object; `learningRate`/`lr` included). */
  options: Record<string, number | boolean | null>;
  /** Where the two conventions differ (empty: the same real-number trajectory and rounding order). */
  mismatches: Mismatch[];
  /**
   * The open-loop bound on |θ_from − θ_to| after the given steps (one {@link BoundState} per step,
   * in order): Σ_t (Σ increment bounds)/(1−μ) + Σ_t (Σ step bounds). Infinity when a mismatch has no
   * bound. Float32 runs add their own rounding of θ (at most 1 ulp of |θ| per step) on top.
   * @param states - One {@link BoundState} per step taken (t, the smaller mean square v, the learning-rate change), in order.
   * @returns The bound (0 when there is no mismatch, Infinity when a mismatch has no bound).
   */
  trajectoryBound(states: readonly BoundState[]): number;
}

const U = 2 ** -24;

interface Canonical {
  lr: number | null;
  decay: number;
  eps: number;
  momentum: number;
  centered: boolean;
  weightDecay: number;
  extras: Record<string, boolean | number | null>;
}

function isConvention(x: unknown): x is Convention {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(CONVENTIONS, x);
}

/** The effective semantics of a convention with its options. */
function semantics(c: Convention, h: Canonical): { epsInside: boolean; ms0: number; lrInside: boolean; wd: 'coupled' | 'decoupled' | 'none'; centeredEps: 'added' | 'subtracted' } {
  const info = CONVENTIONS[c];
  const epsInside = c === 'optax' ? h.extras.epsInSqrt !== false : info.epsPlacement === 'inside';
  const ms0 = c === 'optax' ? Number(h.extras.initialScale ?? 0) : info.initialMeanSquare;
  const lrInside = c === 'timm' ? h.extras.lrInMomentum !== false : info.lrInMomentum;
  const wd = h.weightDecay === 0 ? 'none' : c === 'timm' ? (h.extras.decoupledDecay === true ? 'decoupled' : 'coupled') : info.weightDecay === 'coupled or decoupled' ? 'coupled' : info.weightDecay;
  return { epsInside, ms0, lrInside, wd, centeredEps: info.centeredEps };
}

/**
 * Maps RMSProp hyper-parameters from one framework's convention to another's, and lists where the
 * two cannot give the same trajectory (ε placement, initial mean square, learning rate inside or
 * outside the momentum buffer, decoupled vs coupled weight decay, TF.js's centered ε, options the
 * target lacks), each with a bound on the difference (see the module comment for the symbols).
 * Missing options take the source's defaults; the learning rate is required unless the source has
 * a default.
 *
 * @param from - The source convention.
 * @param to - The target convention.
 * @param hyper - The source's options, under its names (e.g. PyTorch's `{ lr, alpha, eps }`).
 * @returns {@link TranslateResult}.
 * @throws {@link errors.ValueError} for an unknown convention, an option the source does not have,
 *   or a missing learning rate; {@link errors.TypeError} for a non-number.
 *
 * @example
 * ```ts
 * const { options, mismatches } = paddle.compat.translate('torch', 'paddle', { lr: 0.01, alpha: 0.99, eps: 1e-8, momentum: 0.9 });
 * // options: { learningRate: 0.01, rho: 0.99, epsilon: 1e-8, momentum: 0.9, centered: false, weightDecay: 0 }
 * // mismatches: epsPlacement (ε outside vs inside the root)
 * ```
 */
export function translate(from: Convention, to: Convention, hyper: Record<string, number | boolean | null | undefined> = {}): TranslateResult {
  if (!isConvention(from)) throw new ValueError(`compat.translate: unknown convention ${describe(from)}; expected one of ${Object.keys(CONVENTIONS).join(', ')}.`);
  if (!isConvention(to)) throw new ValueError(`compat.translate: unknown convention ${describe(to)}; expected one of ${Object.keys(CONVENTIONS).join(', ')}.`);
  if (typeof hyper !== 'object' || hyper === null || Array.isArray(hyper)) throw new PaddleTypeError(`compat.translate: hyper must be an object, but received ${describe(hyper)}.`);
  const src = CONVENTIONS[from];
  const known = new Set([src.names.lr, src.names.decay, src.names.eps, src.names.momentum, 'centered', ...(src.names.weightDecay === null ? [] : [src.names.weightDecay]), ...Object.keys(EXTRAS[from])]);
  for (const k of Object.keys(hyper)) {
    if (!known.has(k)) throw new ValueError(`compat.translate: '${k}' is not an option of ${from}'s RMSProp; its options are ${[...known].map((n) => `'${n}'`).join(', ')}.`);
  }
  const where = `compat.translate(${from})`;
  for (const k of [src.names.lr, src.names.decay, src.names.eps, src.names.momentum, src.names.weightDecay]) {
    if (k !== null && hyper[k] !== null) checkNumber(where, k, hyper[k], { min: 0 });
  }
  if (hyper.centered !== undefined && typeof hyper.centered !== 'boolean') throw new PaddleTypeError(`${where}: 'centered' must be a boolean, but received ${describe(hyper.centered)}.`);
  const num = (k: string, d: number | null): number | null => (typeof hyper[k] === 'number' ? (hyper[k] as number) : d);
  const lr = num(src.names.lr, src.defaults.lr);
  if (lr === null) throw new ValueError(`compat.translate: ${from} has no default learning rate; pass '${src.names.lr}'.`);
  const extras: Record<string, boolean | number | null> = { ...EXTRAS[from] };
  for (const k of Object.keys(EXTRAS[from])) {
    const v = hyper[k];
    if (v !== undefined) {
      if (typeof EXTRAS[from][k] === 'boolean' && typeof v !== 'boolean') throw new PaddleTypeError(`${where}: '${k}' must be a boolean, but received ${describe(v)}.`);
      if (typeof v === 'number') checkNumber(where, k, v, { min: 0 });
      extras[k] = v;
    }
  }
  const h: Canonical = {
    lr,
    decay: num(src.names.decay, src.defaults.decay) as number,
    eps: num(src.names.eps, src.defaults.eps) as number,
    momentum: num(src.names.momentum, null) ?? 0,
    centered: hyper.centered === true,
    weightDecay: src.names.weightDecay === null ? 0 : (num(src.names.weightDecay, 0) ?? 0),
    extras,
  };

  // ---- the target's options
  const dst = CONVENTIONS[to];
  const options: Record<string, number | boolean | null> = {
    [dst.names.lr]: h.lr,
    [dst.names.decay]: h.decay,
    [dst.names.eps]: h.eps,
    [dst.names.momentum]: to === 'optax' && h.momentum === 0 ? null : h.momentum,
    centered: h.centered,
  };
  if (dst.names.weightDecay !== null) options[dst.names.weightDecay] = h.weightDecay;
  const a = semantics(from, h);
  const targetExtras: Record<string, boolean | number | null> = {};
  // Carry what can be carried: keep the source's ε placement, initial mean square and lr placement where the target has the switch.
  if (to === 'optax') {
    targetExtras.epsInSqrt = a.epsInside;
    targetExtras.initialScale = a.ms0;
    if (from === 'optax') Object.assign(targetExtras, { nesterov: extras.nesterov, biasCorrection: extras.biasCorrection });
  }
  if (to === 'timm') {
    targetExtras.lrInMomentum = a.lrInside;
    targetExtras.decoupledDecay = a.wd === 'decoupled';
  }
  if (from === to) Object.assign(targetExtras, extras);
  Object.assign(options, targetExtras);
  const hb: Canonical = { ...h, extras: { ...EXTRAS[to], ...targetExtras } };
  const b = semantics(to, hb);

  // ---- mismatches
  const mismatches: Mismatch[] = [];
  const B = lr / Math.sqrt(1 - h.decay);
  const boundedB = (x: number): number => (Number.isFinite(B) ? B * Math.min(1, x) : Infinity);
  if (a.epsInside !== b.epsInside) {
    const e = h.eps;
    const m = Math.max(Math.sqrt(e), e);
    mismatches.push({
      kind: 'epsPlacement',
      message: `${from} adds ε ${a.epsInside ? 'inside' : 'outside'} the square root, ${to} ${b.epsInside ? 'inside' : 'outside'}: the denominators √(v+ε) and √v+ε differ by at most max(√ε, ε); they agree closely once √v ≫ max(√ε, ε).`,
      bound: 'increment: B·min(1, max(√ε, ε)/√v_t)',
      scope: 'increment',
      perStep: (s) => boundedB(m / Math.sqrt(s.v)),
    });
  }
  if (a.ms0 !== b.ms0) {
    const d = Math.abs(a.ms0 - b.ms0);
    const epsIn = a.epsInside && b.epsInside ? h.eps : 0;
    mismatches.push({
      kind: 'initialMeanSquare',
      message: `${from} starts the mean square at ${a.ms0}, ${to} at ${b.ms0}: the mean squares differ by exactly ρ^t·${d} after t steps (in real arithmetic), so early steps differ most${b.ms0 === 1 || a.ms0 === 1 ? ' (the run from 1 takes much smaller first steps when |g| ≪ 1)' : ''}.`,
      bound: `increment: B·min(1, ρ^t·${d}/(2·(v_t + ε_inside)))`,
      scope: 'increment',
      perStep: (s) => boundedB((Math.pow(h.decay, s.t) * d) / (2 * (s.v + epsIn))),
    });
  }
  if (a.lrInside !== b.lrInside && h.momentum > 0) {
    const k = 1 / ((1 - h.momentum) * Math.sqrt(1 - h.decay));
    mismatches.push({
      kind: 'lrPlacement',
      message: `${from} keeps the learning rate ${a.lrInside ? 'inside' : 'outside'} the momentum buffer, ${to} ${b.lrInside ? 'inside' : 'outside'}: the same trajectory (up to rounding) while the learning rate is constant; under a schedule, old increments keep their old rate on one side and take the new rate on the other.`,
      bound: 'step: max_k|η_k − η_t| / ((1−μ)·√(1−ρ)); 0 for a constant learning rate',
      scope: 'step',
      perStep: (s) => (s.lrChange ?? 0) * k,
    });
  }
  if (a.wd !== b.wd) {
    const target = b.wd === 'none' && dst.names.weightDecay === null ? `${to} has no weight decay option` : `${to} uses ${b.wd === 'none' ? 'none' : b.wd}`;
    mismatches.push({
      kind: 'weightDecay',
      message: `${from} applies ${a.wd} weight decay (${a.wd === 'coupled' ? 'λ·θ added to the gradient, then normalised' : a.wd === 'decoupled' ? 'θ ← θ − η·λ·θ, not normalised' : 'none'}), ${target}: different regularisers, not a re-parametrisation.`,
      bound: 'step: 2·B + η·λ·|θ| (no useful bound: the two regularisers differ)',
      scope: 'step',
      perStep: null,
    });
  }
  if (h.centered && a.centeredEps !== b.centeredEps) {
    mismatches.push({
      kind: 'centeredEpsilon',
      message: `TF.js's centered RMSProp subtracts ε (√(v − (ḡ² + ε))) where ${a.centeredEps === 'subtracted' ? to : from} adds it: the result is NaN wherever v − ḡ² < ε.`,
      bound: 'increment: η·|g|·(1/√(w−ε) − 1/√(w+ε)) with w = v − ḡ² > ε; none otherwise',
      scope: 'increment',
      perStep: null,
    });
  }
  if (h.centered && (a.epsInside !== b.epsInside || a.ms0 !== b.ms0)) {
    for (const m of mismatches) {
      if (m.kind === 'epsPlacement' || m.kind === 'initialMeanSquare') {
        m.perStep = null;
        m.bound += ' (non-centered only: centered, |g|/√(v − ḡ²) is not bounded by the hyper-parameters)';
      }
    }
  }
  for (const [k, v] of Object.entries(hyper)) {
    if (from === to || !(k in EXTRAS[from]) || k in targetExtras) continue;
    if (['initialScale', 'epsInSqrt', 'lrInMomentum', 'decoupledDecay', 'emaMomentum'].includes(k)) continue;
    const off = EXTRAS[from][k];
    if (v === off || v === undefined) continue;
    const hint = to === 'paddle' && (k === 'clipnorm' || k === 'globalClipnorm' || k === 'clipvalue') ? ` (Paddle: gradClip: new nn.${k === 'clipnorm' ? 'ClipGradByNorm' : k === 'globalClipnorm' ? 'ClipGradByGlobalNorm' : 'ClipGradByValue'}(…))` : '';
    mismatches.push({
      kind: 'unsupported',
      message: `${from}'s '${k}' (${String(v)}) has no counterpart in ${to}'s RMSProp${hint}.`,
      bound: 'none',
      scope: 'step',
      perStep: null,
    });
  }
  if (from !== to && mismatches.length === 0) {
    mismatches.push({
      kind: 'rounding',
      message: `${from} and ${to} follow the same real-number trajectory, but compute it in another float32 order (e.g. ρ·v + (1−ρ)·g² vs v + (g² − v)·(1−ρ), or 1−ρ rounded from ρ vs from its float32 value).`,
      bound: 'increment: B·u·(2ρ/(1−ρ) + 2t + 12), u = 2⁻²⁴, plus 1 ulp of |θ| per step',
      scope: 'increment',
      perStep: (s) => boundedB(U * ((2 * h.decay) / (1 - h.decay) + 2 * s.t + 12)),
    });
  }
  const momentum = h.momentum;
  return {
    options,
    mismatches,
    trajectoryBound(states) {
      let total = 0;
      for (const m of mismatches) {
        if (m.perStep === null) return Infinity;
        let sum = 0;
        for (const s of states) sum += m.perStep(s);
        total += m.scope === 'increment' ? sum / (1 - momentum) : sum;
      }
      return total;
    },
  };
}

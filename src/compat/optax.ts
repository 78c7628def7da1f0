/**
 * `compat.optax`: Optax's RMSProp as a chain of gradient transformations over lists of this
 * library's Tensors (a list plays the part of Optax's pytree): `init(params)` gives a state,
 * `update(updates, state, params?)` gives new updates and a new state (nothing is modified in
 * place), `applyUpdates(params, updates)` adds them.
 *
 * From optax/_src/alias.py `rmsprop`: `chain(scale_by_rms | scale_by_stddev (centered),
 * scale_by_learning_rate, trace (momentum given))`, and optax/_src/transform.py:
 *
 * ```
 * scale_by_rms:     nu = (1 - decay) * g**2 + decay * nu            nu starts at initial_scale
 *                   nu_hat = nu / (1 - decay**count)              bias_correction only
 *                   u = rsqrt(nu_hat + eps) * g    (eps_in_sqrt)  or  1 / (sqrt(nu_hat) + eps) * g
 * scale_by_stddev:  mu = (1 - decay) * g + decay * mu;  nu as above
 *                   u = rsqrt(nu_hat - mu_hat**2 + eps) * g    or  1 / (sqrt(nu_hat - mu_hat**2) + eps) * g
 * scale(-lr):       u = -lr * u                       (a schedule: -lr(count), count from 0)
 * trace:            t = u + momentum * t;  u = t   (nesterov: u = u + momentum * t)
 * apply_updates:    p = p + u
 * ```
 *
 * Each op is rounded to the dtype; Python floats are weakly typed, so `decay`, `1 - decay`, `eps`
 * and `-lr` are each rounded once from the double, and `rsqrt(x)` is `1/sqrt(x)` (XLA's CPU
 * lowering); `decay**count` is the float32 rounding of the double power. Optax keeps the learning
 * rate inside the momentum trace; by default ε sits inside the square root as in Paddle, with
 * `epsInSqrt: false` outside as in PyTorch.
 *
 * Where it runs: `rmsprop(...)`'s `update` is one pass of the fused RMSProp kernel (its `'optax'`
 * variant, WebAssembly SIMD and threads when selected) whenever its chain is exactly RMSProp's,
 * i.e. without `biasCorrection` and `nesterov`; with either, and for every chain assembled by hand
 * from `scaleByRms`, `scaleByStddev`, `scaleByLearningRate`, `trace`, `identity` and `chain`, each
 * transformation is its own TypeScript loop. `applyUpdates` is a TypeScript loop.
 */
import { TypeError as PaddleTypeError, ValueError } from '../errors.js';
import { checkOptions, describe } from '../options.js';
import type { FloatArray } from '../tensor/dtype.js';
import { Tensor } from '../tensor/tensor.js';
import { checkBoolean, checkNumber, checkFloatTensor, fullLike, kernelStep, roundOf, type KernelSlot } from './shared.js';

/** A learning-rate schedule: called with the step count (from 0). */
export type Schedule = (count: number) => number;

/**
 * The state of one transformation: named lists of Tensors (one per parameter) and counters.
 * Treat it as opaque and pass it back to `update`.
 */
export interface TransformState {
  /** The transformation's name (`scale_by_rms`, `trace`, …). */
  readonly kind: string;
  /** Step counter (Optax's `count`), where the transformation keeps one. */
  readonly count?: number;
  /** Per-parameter buffers by Optax's field names (`nu`, `mu`, `trace`). */
  readonly buffers: Readonly<Record<string, readonly Tensor[]>>;
}

/** The state of a {@link chain}: one state per transformation. */
export interface ChainState {
  /** The chain's name. */
  readonly kind: 'chain';
  /** The inner states, in the chain's order. */
  readonly inner: readonly OptState[];
}

/** Any transformation's state. */
export type OptState = TransformState | ChainState;

/** Optax's `GradientTransformation`: a pair of pure functions. */
export interface GradientTransformation {
  /**
   * The initial state for `params`.
   *
   * @param params - The parameters (float32/float64 Tensors).
   * @returns A new state: the transformation's buffers (new Tensors shaped like the parameters) and step count, or for a chain the states of its transformations.
   * @throws {@link errors.TypeError} when `params` is not an array of float32/float64 Tensors (checked by the transformations that keep buffers).
   */
  init(params: readonly Tensor[]): OptState;
  /**
   * Transforms `updates` (the gradients, for the first transformation of a chain).
   *
   * @param updates - One Tensor per parameter.
   * @param state - The state from `init` or the previous `update`.
   * @param params - The parameters (unused by RMSProp's transformations).
   * @returns The new updates and the new state.
   */
  update(updates: readonly Tensor[], state: OptState, params?: readonly Tensor[]): [Tensor[], OptState];
}

/** Options of {@link rmsprop}: `optax.rmsprop`'s keyword arguments in camelCase. */
export interface RmspropOptions {
  /** Learning rate, or a schedule of the step count (required). */
  learningRate: number | Schedule;
  /** Decay of the moving averages (default 0.9). */
  decay?: number;
  /** ε (default 1e-8). */
  eps?: number;
  /** Initial value of the mean square `nu` (default 0). */
  initialScale?: number;
  /** ε inside the square root (default true) or added after it. */
  epsInSqrt?: boolean;
  /** Centered variant, `scale_by_stddev` (default false). */
  centered?: boolean;
  /** Momentum of the `trace` (default null: no trace). */
  momentum?: number | null;
  /** Nesterov momentum (default false). */
  nesterov?: boolean;
  /** Divide the averages by `1 − decay^count` (default false). */
  biasCorrection?: boolean;
}

/** Options of {@link scaleByRms} and {@link scaleByStddev}. */
export interface ScaleByRmsOptions {
  /** Decay of the moving averages (default 0.9). */
  decay?: number;
  /** ε (default 1e-8). */
  eps?: number;
  /** Initial value of `nu` (default 0). */
  initialScale?: number;
  /** ε inside the square root (default true). */
  epsInSqrt?: boolean;
  /** Bias correction (default false). */
  biasCorrection?: boolean;
}

/** Options of {@link trace}. */
export interface TraceOptions {
  /** The trace's decay, i.e. the momentum (required). */
  decay: number;
  /** Nesterov momentum (default false). */
  nesterov?: boolean;
}

const WHERE = 'compat.optax';

function checkTensors(where: string, list: unknown, what: string): Tensor[] {
  if (!Array.isArray(list)) throw new PaddleTypeError(`${where}: ${what} must be an array of Tensors, but received ${describe(list)}.`);
  return list.map((t) => checkFloatTensor(where, t, what === 'params' ? 'parameter' : 'update'));
}

/** The state's buffers, checked against the updates (same count, shapes, dtypes). */
function buffersOf(where: string, state: OptState, kind: string, names: readonly string[], updates: readonly Tensor[]): Record<string, readonly Tensor[]> {
  if (typeof state !== 'object' || state === null || state.kind !== kind) {
    throw new ValueError(`${where}: expected the state of ${kind}, but received ${describe(state)}${typeof state === 'object' && state !== null ? ` of kind '${String(state.kind)}'` : ''}.`);
  }
  const s = state as TransformState;
  for (const n of names) {
    const b = s.buffers[n];
    if (b === undefined || b.length !== updates.length) throw new ValueError(`${where}: the state's '${n}' holds ${b?.length ?? 0} Tensors for ${updates.length} updates.`);
    b.forEach((t, i) => {
      const u = updates[i] as Tensor;
      if (t.dtype !== u.dtype || t.shape.join(',') !== u.shape.join(',')) {
        throw new ValueError(`${where}: update ${i} is a ${u.dtype} Tensor of shape [${u.shape.join(', ')}], but its state is ${t.dtype} [${t.shape.join(', ')}].`);
      }
    });
  }
  return s.buffers;
}

/** A new array of g's type and length (every element is written by the caller). */
function empty(g: FloatArray): FloatArray {
  return g instanceof Float32Array ? new Float32Array(g.length) : new Float64Array(g.length);
}

function like(t: Tensor, data: FloatArray): Tensor {
  return Tensor.fromArray(data, t.shape, t.dtype);
}

/** Optax's `safe_increment` of an int32 counter: saturates at the int32 maximum. */
function safeIncrement(count: number): number {
  return count >= 2147483647 ? count : count + 1;
}

function checkScaleOptions(where: string, o: ScaleByRmsOptions): Required<ScaleByRmsOptions> {
  checkNumber(where, 'decay', o.decay, { min: 0, max: 1 });
  checkNumber(where, 'eps', o.eps, { min: 0 });
  checkNumber(where, 'initialScale', o.initialScale, { min: 0 });
  checkBoolean(where, 'epsInSqrt', o.epsInSqrt);
  checkBoolean(where, 'biasCorrection', o.biasCorrection);
  return { decay: o.decay ?? 0.9, eps: o.eps ?? 1e-8, initialScale: o.initialScale ?? 0, epsInSqrt: o.epsInSqrt ?? true, biasCorrection: o.biasCorrection ?? false };
}

const SCALE_KEYS = ['decay', 'eps', 'initialScale', 'epsInSqrt', 'biasCorrection'] as const;

/**
 * `optax.scale_by_rms`: divides the updates by the root of the running mean square.
 *
 * @param options - {@link ScaleByRmsOptions}.
 * @returns The transformation.
 * @throws {@link errors.TypeError} for an unknown option or a non-number; {@link errors.ValueError} for a value out of range.
 */
export function scaleByRms(options?: ScaleByRmsOptions): GradientTransformation {
  return scaleBy('scale_by_rms', false, checkScaleOptions(`${WHERE}.scaleByRms`, checkOptions(`${WHERE}.scaleByRms`, options, SCALE_KEYS)));
}

/**
 * `optax.scale_by_stddev`: divides the updates by the root of the running variance `nu − mu²`.
 *
 * @param options - {@link ScaleByRmsOptions}.
 * @returns The transformation.
 * @throws {@link errors.TypeError} for an unknown option or a non-number; {@link errors.ValueError} for a value out of range.
 */
export function scaleByStddev(options?: ScaleByRmsOptions): GradientTransformation {
  return scaleBy('scale_by_stddev', true, checkScaleOptions(`${WHERE}.scaleByStddev`, checkOptions(`${WHERE}.scaleByStddev`, options, SCALE_KEYS)));
}

function scaleBy(kind: string, centered: boolean, o: Required<ScaleByRmsOptions>): GradientTransformation {
  const where = `${WHERE}.${kind}`;
  const names = centered ? ['mu', 'nu'] : ['nu'];
  return {
    init(params) {
      const ps = checkTensors(where, params, 'params');
      const buffers: Record<string, Tensor[]> = { nu: ps.map((p) => fullLike(p, roundOf(p.dtype)(o.initialScale))) };
      if (centered) buffers.mu = ps.map((p) => fullLike(p, 0));
      return o.biasCorrection ? { kind, count: 0, buffers } : { kind, buffers };
    },
    update(updates, state) {
      const us = checkTensors(where, updates, 'updates');
      const bufs = buffersOf(where, state, kind, names, us);
      const count = safeIncrement((state as TransformState).count ?? 0);
      const newNu: Tensor[] = [];
      const newMu: Tensor[] = [];
      const out = us.map((u, k) => {
        const r = roundOf(u.dtype);
        const g = u.data as FloatArray;
        const d = r(o.decay);
        const c = r(1 - o.decay);
        const eps = r(o.eps);
        const nuOld = ((bufs.nu as Tensor[])[k] as Tensor).data as FloatArray;
        const muOld = centered ? (((bufs.mu as Tensor[])[k] as Tensor).data as FloatArray) : null;
        const nu = empty(g);
        const mu = centered ? empty(g) : null;
        const res = empty(g);
        // 1 - decay**count in the dtype (float32: the rounding of the double power)
        const bc = o.biasCorrection ? r(1 - r(Math.pow(d, count))) : 1;
        for (let i = 0; i < g.length; i++) {
          const gi = g[i] as number;
          const n = r(r(c * r(gi * gi)) + r(d * (nuOld[i] as number)));
          nu[i] = n;
          const nHat = o.biasCorrection ? r(n / bc) : n;
          let x = nHat;
          if (mu !== null && muOld !== null) {
            const m = r(r(c * gi) + r(d * (muOld[i] as number)));
            mu[i] = m;
            const mHat = o.biasCorrection ? r(m / bc) : m;
            x = r(nHat - r(mHat * mHat));
          }
          const scaling = o.epsInSqrt ? r(1 / r(Math.sqrt(r(x + eps)))) : r(1 / r(r(Math.sqrt(x)) + eps));
          res[i] = r(scaling * gi);
        }
        newNu.push(like(u, nu));
        if (mu !== null) newMu.push(like(u, mu));
        return like(u, res);
      });
      const buffers: Record<string, Tensor[]> = centered ? { mu: newMu, nu: newNu } : { nu: newNu };
      const next: TransformState = o.biasCorrection ? { kind, count, buffers } : { kind, buffers };
      return [out, next];
    },
  };
}

/**
 * `optax.scale_by_learning_rate(learning_rate)`: multiplies the updates by `-learningRate` (or by
 * `-schedule(count)`, the count starting at 0).
 *
 * @param learningRate - A number or a schedule.
 * @returns The transformation.
 * @throws {@link errors.TypeError} for a non-number; {@link errors.ValueError} for a negative rate.
 */
export function scaleByLearningRate(learningRate: number | Schedule): GradientTransformation {
  const where = `${WHERE}.scaleByLearningRate`;
  if (typeof learningRate !== 'function') checkNumber(where, 'learningRate', learningRate, { min: 0 });
  const kind = typeof learningRate === 'function' ? 'scale_by_schedule' : 'scale';
  return {
    init() {
      return typeof learningRate === 'function' ? { kind, count: 0, buffers: {} } : { kind, buffers: {} };
    },
    update(updates, state) {
      const us = checkTensors(where, updates, 'updates');
      buffersOf(where, state, kind, [], us);
      let step: number;
      let next: TransformState;
      if (typeof learningRate === 'function') {
        const count = (state as TransformState).count ?? 0;
        const lr = learningRate(count);
        checkNumber(`${where} (the schedule's value at ${count})`, 'learningRate', lr);
        step = -lr;
        next = { kind, count: safeIncrement(count), buffers: {} };
      } else {
        step = -learningRate;
        next = state as TransformState;
      }
      const out = us.map((u) => {
        const r = roundOf(u.dtype);
        const s = r(step);
        const g = u.data as FloatArray;
        const res = empty(g);
        for (let i = 0; i < g.length; i++) res[i] = r(s * (g[i] as number));
        return like(u, res);
      });
      return [out, next];
    },
  };
}

/**
 * `optax.trace(decay, nesterov=False)`: momentum, `t = u + decay·t`.
 *
 * @param options - {@link TraceOptions}.
 * @returns The transformation.
 * @throws {@link errors.TypeError} for an unknown option or a non-number; {@link errors.ValueError} for a negative decay.
 */
export function trace(options: TraceOptions): GradientTransformation {
  const where = `${WHERE}.trace`;
  const o = checkOptions(where, options, ['decay', 'nesterov']);
  if (o.decay === undefined) throw new PaddleTypeError(`${where}: 'decay' is required.`);
  checkNumber(where, 'decay', o.decay, { min: 0 });
  checkBoolean(where, 'nesterov', o.nesterov);
  const nesterov = o.nesterov ?? false;
  const kind = 'trace';
  return {
    init(params) {
      return { kind, buffers: { trace: checkTensors(where, params, 'params').map((p) => fullLike(p, 0)) } };
    },
    update(updates, state) {
      const us = checkTensors(where, updates, 'updates');
      const bufs = buffersOf(where, state, kind, ['trace'], us);
      const newTrace: Tensor[] = [];
      const out = us.map((u, k) => {
        const r = roundOf(u.dtype);
        const mu = r(o.decay);
        const g = u.data as FloatArray;
        const old = ((bufs.trace as Tensor[])[k] as Tensor).data as FloatArray;
        const t = empty(g);
        for (let i = 0; i < g.length; i++) t[i] = r((g[i] as number) + r(mu * (old[i] as number)));
        newTrace.push(like(u, t));
        if (!nesterov) return like(u, t.slice()); // the trace and the update are two arrays, as in Optax
        const res = empty(g);
        for (let i = 0; i < g.length; i++) res[i] = r((g[i] as number) + r(mu * (t[i] as number)));
        return like(u, res);
      });
      return [out, { kind, buffers: { trace: newTrace } }];
    },
  };
}

/**
 * `optax.identity()`: returns the updates unchanged.
 *
 * @returns The transformation.
 */
export function identity(): GradientTransformation {
  return {
    init: () => ({ kind: 'identity', buffers: {} }),
    update: (updates, state) => [[...updates], state],
  };
}

/**
 * `optax.chain(*transforms)`: applies the transformations in order, each to the previous one's
 * updates.
 *
 * @param transforms - The transformations.
 * @returns The chained transformation (its state is a {@link ChainState}).
 */
export function chain(...transforms: GradientTransformation[]): GradientTransformation {
  return {
    init(params) {
      return { kind: 'chain', inner: transforms.map((t) => t.init(params)) };
    },
    update(updates, state, params) {
      if (typeof state !== 'object' || state === null || state.kind !== 'chain' || (state as ChainState).inner.length !== transforms.length) {
        throw new ValueError(`${WHERE}.chain: expected the state of a chain of ${transforms.length} transformations, but received ${describe(state)}.`);
      }
      let us: Tensor[] = [...updates];
      const inner: OptState[] = [];
      transforms.forEach((t, i) => {
        const [u, s] = t.update(us, (state as ChainState).inner[i] as OptState, params);
        us = u;
        inner.push(s);
      });
      return [us, { kind: 'chain', inner }];
    },
  };
}

/**
 * `optax.rmsprop(...)`: `chain(scale_by_rms` (or `scale_by_stddev` when centered)`,
 * scale_by_learning_rate, trace` (when `momentum` is given)`)`.
 *
 * @param options - {@link RmspropOptions}; `learningRate` is required.
 * @returns The transformation.
 * @throws {@link errors.TypeError} for an unknown option, a missing learning rate or a non-number;
 *   {@link errors.ValueError} for a value out of range.
 *
 * @example
 * ```ts
 * const tx = paddle.compat.optax.rmsprop({ learningRate: 1e-3, momentum: 0.9 });
 * let state = tx.init(params);
 * const [updates, next] = tx.update(grads, state);
 * state = next;
 * paddle.compat.optax.applyUpdates(params, updates, { inPlace: true });
 * ```
 */
export function rmsprop(options: RmspropOptions): GradientTransformation {
  const where = `${WHERE}.rmsprop`;
  const o = checkOptions(where, options, ['learningRate', 'decay', 'eps', 'initialScale', 'epsInSqrt', 'centered', 'momentum', 'nesterov', 'biasCorrection']);
  if (o.learningRate === undefined) throw new PaddleTypeError(`${where}: 'learningRate' is required.`);
  checkBoolean(where, 'centered', o.centered);
  checkBoolean(where, 'nesterov', o.nesterov);
  if (o.momentum !== null) checkNumber(where, 'momentum', o.momentum, { min: 0 });
  const scaleOptions: ScaleByRmsOptions = {};
  for (const k of SCALE_KEYS) if (o[k] !== undefined) (scaleOptions as Record<string, unknown>)[k] = o[k];
  checkScaleOptions(where, scaleOptions);
  const lr = scaleByLearningRate(o.learningRate);
  const first = o.centered === true ? scaleByStddev(scaleOptions) : scaleByRms(scaleOptions);
  const last = o.momentum === undefined || o.momentum === null ? identity() : trace({ decay: o.momentum, nesterov: o.nesterov ?? false });
  const tx = chain(first, lr, last);
  if (o.biasCorrection === true || o.nesterov === true) return tx; // the chain, transformation by transformation
  const s = checkScaleOptions(where, scaleOptions);
  return { init: tx.init, update: (updates, state) => fusedUpdate(updates, state, o.learningRate, s, o.centered === true, o.momentum ?? null) };
}

/**
 * `rmsprop`'s chain in one pass of the fused RMSProp kernel (its `'optax'` variant: the same
 * operations as scale_by_rms / scale_by_stddev, scale(−lr) and trace, each rounded to the dtype),
 * with the chain's checks and errors and the same new state. Optax is functional: the new `nu`,
 * `mu` and `trace` are copies of the old ones updated in place by the kernel, and the updates are
 * new Tensors, so these arrays are ordinary JS memory that the kernel copies in and out.
 */
function fusedUpdate(
  updates: readonly Tensor[],
  state: OptState,
  learningRate: number | Schedule,
  o: Required<ScaleByRmsOptions>,
  centered: boolean,
  momentum: number | null,
): [Tensor[], OptState] {
  if (typeof state !== 'object' || state === null || state.kind !== 'chain' || (state as ChainState).inner.length !== 3) {
    throw new ValueError(`${WHERE}.chain: expected the state of a chain of 3 transformations, but received ${describe(state)}.`);
  }
  const [s0, s1, s2] = (state as ChainState).inner as [OptState, OptState, OptState];
  const kind = centered ? 'scale_by_stddev' : 'scale_by_rms';
  const us = checkTensors(`${WHERE}.${kind}`, updates, 'updates');
  const bufs = buffersOf(`${WHERE}.${kind}`, s0, kind, centered ? ['mu', 'nu'] : ['nu'], us);
  // scale_by_learning_rate: a number, or the schedule at its count
  const lrWhere = `${WHERE}.scaleByLearningRate`;
  const lrKind = typeof learningRate === 'function' ? 'scale_by_schedule' : 'scale';
  buffersOf(lrWhere, s1, lrKind, [], us);
  let lr: number;
  let next1: OptState;
  if (typeof learningRate === 'function') {
    const count = (s1 as TransformState).count ?? 0;
    lr = learningRate(count);
    checkNumber(`${lrWhere} (the schedule's value at ${count})`, 'learningRate', lr);
    next1 = { kind: lrKind, count: safeIncrement(count), buffers: {} };
  } else {
    lr = learningRate;
    next1 = s1;
  }
  const traces = momentum === null ? null : (buffersOf(`${WHERE}.trace`, s2, 'trace', ['trace'], us).trace as Tensor[]);
  const newNu: Tensor[] = [];
  const newMu: Tensor[] = [];
  const newTrace: Tensor[] = [];
  const slots: KernelSlot[] = [];
  const out = us.map((u, k) => {
    const g = u.data as FloatArray;
    const res = empty(g);
    const nu = (((bufs.nu as Tensor[])[k] as Tensor).data as FloatArray).slice();
    const mu = centered ? (((bufs.mu as Tensor[])[k] as Tensor).data as FloatArray).slice() : res;
    const t = traces === null ? res : ((traces[k] as Tensor).data as FloatArray).slice();
    newNu.push(like(u, nu));
    if (centered) newMu.push(like(u, mu));
    if (traces !== null) newTrace.push(like(u, t));
    slots.push({ param: res, grad: g, meanSquare: nu, moment: t, meanGrad: mu, lr });
    return like(u, res);
  });
  kernelStep(slots, {
    rho: o.decay,
    epsilon: o.eps,
    momentum: momentum ?? 0,
    centered,
    variant: 'optax',
    momentumBuffer: momentum !== null,
    epsInSqrt: o.epsInSqrt,
  });
  const next0: TransformState = { kind, buffers: centered ? { mu: newMu, nu: newNu } : { nu: newNu } };
  const next2: OptState = traces === null ? s2 : { kind: 'trace', buffers: { trace: newTrace } };
  return [out, { kind: 'chain', inner: [next0, next1, next2] }];
}

/** Options of {@link applyUpdates}. */
export interface ApplyUpdatesOptions {
  /** Write `p + u` into the parameters (for Parameters a model holds) instead of new Tensors (default false). */
  inPlace?: boolean;
}

/**
 * `optax.apply_updates(params, updates)`: `p + u` per parameter, rounded to the parameter's
 * dtype. Returns new Tensors (Optax is functional), or writes into `params` with `inPlace: true`
 * and returns them.
 *
 * @param params - The parameters.
 * @param updates - One update per parameter, of its shape.
 * @param options - {@link ApplyUpdatesOptions}.
 * @returns The updated parameters.
 * @throws {@link errors.ValueError} when the counts or shapes differ (before anything changes).
 */
export function applyUpdates(params: readonly Tensor[], updates: readonly Tensor[], options?: ApplyUpdatesOptions): Tensor[] {
  const where = `${WHERE}.applyUpdates`;
  const o = checkOptions(where, options, ['inPlace']);
  checkBoolean(where, 'inPlace', o.inPlace);
  const ps = checkTensors(where, params, 'params');
  const us = checkTensors(where, updates, 'updates');
  if (ps.length !== us.length) throw new ValueError(`${where}: ${ps.length} parameters but ${us.length} updates.`);
  ps.forEach((p, i) => {
    const u = us[i] as Tensor;
    if (p.shape.join(',') !== u.shape.join(',')) throw new ValueError(`${where}: parameter ${i} has shape [${p.shape.join(', ')}], its update [${u.shape.join(', ')}].`);
  });
  return ps.map((p, k) => {
    const r = roundOf(p.dtype);
    const x = p.data as FloatArray;
    const u = (us[k] as Tensor).data as FloatArray;
    const out = o.inPlace === true ? x : x.slice();
    for (let i = 0; i < x.length; i++) out[i] = r((x[i] as number) + (u[i] as number));
    return o.inPlace === true ? p : like(p, out);
  });
}

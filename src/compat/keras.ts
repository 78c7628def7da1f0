/**
 * `compat.keras`: Keras 3's `keras.optimizers.RMSprop` over this library's Tensors, with Keras 3's
 * order of work per `apply` (keras/src/optimizers/base_optimizer.py `apply` and
 * `_backend_apply_gradients`): drop missing gradients, then either accumulate
 * (`gradient_accumulation_steps`) or clip (`_clip_gradients`), apply decoupled weight decay
 * (`_apply_weight_decay`: `v ← v − v·wd·lr`) and run `update_step`
 * (keras/src/optimizers/rmsprop.py); then the EMA of the weights
 * (`_update_model_variables_moving_average`, optional overwrite), then `iterations += 1`.
 *
 * Arithmetic: every op rounded to the variable's dtype, constants as Keras converts them (Python
 * floats are weakly typed: `rho`, `1 - rho`, `epsilon`, `momentum` are each rounded once from the
 * double; the learning rate is a float32 variable, cast to the variable's dtype). ε is inside the
 * square root and the learning rate inside the momentum buffer, as in Paddle, but the mean square
 * is `ρ·v + (1−ρ)·g²` with `1−ρ` rounded from the exact ρ, not Paddle's `ρ·v + ((1−ρ)·g)·g`.
 *
 * Where it runs: `update_step` on the fused RMSProp kernel with its `'keras'` variant (WebAssembly
 * SIMD and threads when selected), on variables kept in the kernel heap (free them with
 * `dispose()`); the clipping, decoupled weight decay, gradient accumulation and EMA are
 * TypeScript loops (whole-tensor or not per-element RMSProp).
 */
import { TypeError as PaddleTypeError, ValueError } from '../errors.js';
import { log } from '../log.js';
import { checkOptions, describe } from '../options.js';
import type { FloatArray } from '../tensor/dtype.js';
import { Tensor } from '../tensor/tensor.js';
import { checkBoolean, checkNumber, denseGrad, kernelStep, paramList, roundOf, stateLike, sumSquares, type KernelSlot } from './shared.js';

/** A learning-rate schedule: Keras calls it with the optimizer's `iterations` before each update. */
export type LearningRateSchedule = (iterations: number) => number;

/**
 * Options of {@link RMSprop}: Keras 3's keyword arguments in camelCase, with Keras's defaults
 * (`learning_rate=0.001, rho=0.9, momentum=0.0, epsilon=1e-7, centered=False, weight_decay=None,
 * clipnorm=None, clipvalue=None, global_clipnorm=None, use_ema=False, ema_momentum=0.99,
 * ema_overwrite_frequency=None, gradient_accumulation_steps=None`).
 */
export interface RMSpropOptions {
  /** Learning rate, or a schedule called with `iterations` (default 0.001). */
  learningRate?: number | LearningRateSchedule;
  /** Discount of the mean square (default 0.9). */
  rho?: number;
  /** Momentum factor; 0 keeps no momentum variable (default 0). */
  momentum?: number;
  /** Added to the mean square inside the square root (default 1e-7). */
  epsilon?: number;
  /** Divide by the estimated variance `v − ḡ²` instead of `v` (default false). */
  centered?: boolean;
  /** Decoupled weight decay `v ← v − v·wd·lr` before each update (default null: none). */
  weightDecay?: number | null;
  /** Clip each gradient to this L2 norm (default null). At most one of the three clips. */
  clipnorm?: number | null;
  /** Clip each gradient element to [−clipvalue, clipvalue] (default null). */
  clipvalue?: number | null;
  /** Clip all gradients together to this global L2 norm (default null). */
  globalClipnorm?: number | null;
  /** Keep an exponential moving average of the weights (default false). */
  useEma?: boolean;
  /** The EMA's momentum, in [0, 1] (default 0.99). */
  emaMomentum?: number;
  /** Overwrite the weights with their EMA every this many iterations (default null: never). */
  emaOverwriteFrequency?: number | null;
  /** Update every this many calls with the mean of the accumulated gradients, ≥ 2 (default null). */
  gradientAccumulationSteps?: number | null;
}

const KEYS = [
  'learningRate',
  'rho',
  'momentum',
  'epsilon',
  'centered',
  'weightDecay',
  'clipnorm',
  'clipvalue',
  'globalClipnorm',
  'useEma',
  'emaMomentum',
  'emaOverwriteFrequency',
  'gradientAccumulationSteps',
] as const;
const WHERE = 'compat.keras.RMSprop';

/** Resolved settings of a {@link RMSprop} (Keras's attributes). */
interface Settings {
  rho: number;
  momentum: number;
  epsilon: number;
  centered: boolean;
  weightDecay: number | null;
  clipnorm: number | null;
  clipvalue: number | null;
  globalClipnorm: number | null;
  useEma: boolean;
  emaMomentum: number;
  emaOverwriteFrequency: number | null;
  gradientAccumulationSteps: number | null;
}

function checkLearningRate(where: string, lr: unknown): void {
  if (typeof lr === 'function') return;
  checkNumber(where, 'learningRate', lr, { min: 0 });
}

/**
 * Keras 3's RMSprop (see the module comment for the exact order of work). Variables are this
 * library's float32/float64 Tensors (usually Parameters), updated in place; gradients are Tensors
 * of the same shape and dtype, or null (skipped, as Keras skips `None`).
 *
 * Keras: `keras.optimizers.RMSprop(learning_rate=0.001, rho=0.9, momentum=0.0, epsilon=1e-07,
 * centered=False, weight_decay=None, clipnorm=None, clipvalue=None, global_clipnorm=None,
 * use_ema=False, ema_momentum=0.99, ema_overwrite_frequency=None, gradient_accumulation_steps=None)`.
 *
 * @example
 * ```ts
 * const lin = new paddle.nn.Linear(8, 4);
 * const opt = new paddle.compat.keras.RMSprop({ learningRate: 1e-3, momentum: 0.9, weightDecay: 4e-5 });
 * paddle.mean(lin.forward(x)).backward();
 * opt.applyGradients(lin.parameters().map((p) => [p.grad as paddle.Tensor, p]));
 * // or: opt.step(lin.parameters())
 * ```
 */
export class RMSprop {
  /** Resolved hyper-parameters. */
  private readonly s: Settings;
  private lr: number | LearningRateSchedule;
  private iter = 0;
  private vars: Tensor[] = [];
  private readonly index = new Map<Tensor, number>();
  /** Keras's `velocities`: the running mean square of each variable. */
  readonly velocities: Tensor[] = [];
  /** Keras's `momentums` (when `momentum > 0`). */
  readonly momentums: Tensor[] = [];
  /** Keras's `average_gradients` (when `centered`). */
  readonly averageGradients: Tensor[] = [];
  /** Keras's `_accumulated_gradients` (when `gradientAccumulationSteps` is set). */
  readonly accumulatedGradients: Tensor[] = [];
  /** Keras's `_model_variables_moving_average` (when `useEma`). */
  readonly modelVariablesMovingAverage: Tensor[] = [];

  /**
   * @param options - {@link RMSpropOptions}.
   * @throws {@link errors.TypeError} for an unknown option or a non-number; {@link errors.ValueError}
   *   for a value out of range or more than one of `clipnorm`, `clipvalue`, `globalClipnorm` (Keras's
   *   message).
   */
  constructor(options?: RMSpropOptions) {
    const o = checkOptions(WHERE, options, KEYS);
    checkLearningRate(WHERE, o.learningRate);
    checkNumber(WHERE, 'rho', o.rho, { min: 0, max: 1 });
    checkNumber(WHERE, 'momentum', o.momentum, { min: 0 });
    checkNumber(WHERE, 'epsilon', o.epsilon, { min: 0 });
    checkBoolean(WHERE, 'centered', o.centered);
    for (const k of ['weightDecay', 'clipnorm', 'clipvalue', 'globalClipnorm'] as const) {
      if (o[k] !== null) checkNumber(WHERE, k, o[k], { min: 0 });
    }
    checkBoolean(WHERE, 'useEma', o.useEma);
    checkNumber(WHERE, 'emaMomentum', o.emaMomentum, { min: 0, max: 1 });
    if (o.emaOverwriteFrequency !== null) checkNumber(WHERE, 'emaOverwriteFrequency', o.emaOverwriteFrequency, { min: 1, integer: true });
    if (o.gradientAccumulationSteps !== null) checkNumber(WHERE, 'gradientAccumulationSteps', o.gradientAccumulationSteps, { min: 2, integer: true });
    const clips = (['clipnorm', 'clipvalue', 'globalClipnorm'] as const).filter((k) => o[k] !== undefined && o[k] !== null);
    if (clips.length > 1) {
      throw new ValueError(
        `Only one of \`clipnorm\`, \`clipvalue\` and \`global_clipnorm\` can be set. Received: clipnorm=${String(o.clipnorm ?? 'None')}, clipvalue=${String(o.clipvalue ?? 'None')}, global_clipnorm=${String(o.globalClipnorm ?? 'None')}`,
      );
    }
    this.lr = o.learningRate ?? 0.001;
    this.s = {
      rho: o.rho ?? 0.9,
      momentum: o.momentum ?? 0,
      epsilon: o.epsilon ?? 1e-7,
      centered: o.centered ?? false,
      weightDecay: o.weightDecay ?? null,
      clipnorm: o.clipnorm ?? null,
      clipvalue: o.clipvalue ?? null,
      globalClipnorm: o.globalClipnorm ?? null,
      useEma: o.useEma ?? false,
      emaMomentum: o.emaMomentum ?? 0.99,
      emaOverwriteFrequency: o.emaOverwriteFrequency ?? null,
      gradientAccumulationSteps: o.gradientAccumulationSteps ?? null,
    };
  }

  /** Completed `apply` calls (Keras's `optimizer.iterations`). */
  get iterations(): number {
    return this.iter;
  }

  /** Whether {@link RMSprop.build} has run (on the first `apply` with variables). */
  get built(): boolean {
    return this.vars.length > 0;
  }

  /** The variables the optimizer was built with (Keras's `_trainable_variables`). */
  get trainableVariables(): readonly Tensor[] {
    return this.vars;
  }

  /**
   * The current learning rate as Keras uses it: the float32 value of the number, or of the
   * schedule at `iterations`.
   */
  get learningRate(): number {
    return Math.fround(typeof this.lr === 'function' ? this.lr(this.iter) : this.lr);
  }

  /**
   * Sets the learning rate (a number, or a schedule of `iterations`).
   *
   * @throws {@link errors.TypeError} for a non-number; {@link errors.ValueError} for a negative one.
   */
  set learningRate(value: number | LearningRateSchedule) {
    checkLearningRate(`${WHERE}.learningRate`, value);
    this.lr = value;
  }

  /**
   * Creates the optimizer's variables for `variables` (Keras's `build(var_list)`): velocities at 0,
   * momentums and average gradients when used, gradient accumulators and EMA averages when
   * configured. A second call does nothing, as in Keras.
   *
   * @param variables - The trainable variables (float32/float64 Tensors).
   * @throws {@link errors.TypeError} for a variable that is not a float Tensor; {@link errors.ValueError} for a repeated one.
   */
  build(variables: Iterable<Tensor>): void {
    const list = paramList(`${WHERE}.build`, variables);
    if (this.built) return;
    if (list.length === 0) throw new ValueError(`${WHERE}.build: the variable list is empty.`);
    this.vars = list;
    list.forEach((v, i) => {
      this.index.set(v, i);
      this.velocities.push(stateLike(v, 0, `${v.name}_velocity`));
      if (this.s.momentum > 0) this.momentums.push(stateLike(v, 0, `${v.name}_momentum`));
      if (this.s.centered) this.averageGradients.push(stateLike(v, 0, `${v.name}_average_gradient`));
      if (this.s.gradientAccumulationSteps !== null) this.accumulatedGradients.push(stateLike(v, 0, `${v.name}_gradient_accumulator`));
      if (this.s.useEma) this.modelVariablesMovingAverage.push(stateLike(v, 0, `${v.name}_average`));
    });
  }

  /**
   * Keras's `optimizer.apply_gradients(grads_and_vars)`: `apply` over the pairs' gradients and
   * variables.
   *
   * @param gradsAndVars - `[gradient | null, variable]` pairs.
   * @returns `iterations` after the call.
   * @throws As {@link RMSprop.apply}.
   */
  applyGradients(gradsAndVars: Iterable<readonly [Tensor | null, Tensor]>): number {
    const pairs = [...gradsAndVars];
    for (const pair of pairs) {
      if (!Array.isArray(pair) || pair.length !== 2) {
        throw new PaddleTypeError(`${WHERE}.applyGradients: expected [gradient, variable] pairs, but received ${describe(pair)}.`);
      }
    }
    this.apply(
      pairs.map((p) => p[0]),
      pairs.map((p) => p[1]),
    );
    return this.iter;
  }

  /**
   * Keras's `optimizer.apply(grads, trainable_variables)`: one optimizer iteration (see the module
   * comment for its order). The first call builds the optimizer on `variables`; later calls take a
   * subset of them, or no `variables` (then `grads` are matched one to one with the built ones).
   * Everything is checked before anything changes.
   *
   * @param grads - One gradient (Tensor) or null per variable.
   * @param variables - The variables (default: those the optimizer was built with).
   * @throws {@link errors.ValueError} for no gradient at all, an unknown variable, a gradient of
   *   another shape or dtype, or a length mismatch (Keras's messages); {@link errors.RuntimeError}
   *   for a sparse gradient.
   */
  apply(grads: readonly (Tensor | null)[], variables?: Iterable<Tensor>): void {
    if (!Array.isArray(grads)) throw new PaddleTypeError(`${WHERE}.apply: grads must be an array, but received ${describe(grads)}.`);
    if (grads.length === 0) return;
    let vars: Tensor[];
    if (variables === undefined) {
      if (!this.built) {
        throw new ValueError(
          'When passing `grads` without `variables`, the optimizer must already be built on a list of variables. Call `optimizer.build(trainable_variables)` first. ',
        );
      }
      if (grads.length !== this.vars.length) {
        throw new ValueError(
          `When passing \`grads\` as a list of gradient tensors, the gradients must match \`optimizer.variables\` one-to-on. Received a list of ${grads.length} gradients, but the optimizer is tracking ${this.vars.length} trainable variables.`,
        );
      }
      vars = this.vars;
    } else {
      vars = paramList(`${WHERE}.apply`, variables);
      if (vars.length !== grads.length) throw new ValueError(`${WHERE}.apply: received ${grads.length} gradients for ${vars.length} variables.`);
      if (this.built) {
        for (const v of vars) {
          if (!this.index.has(v)) {
            throw new ValueError(
              `Unknown variable: '${v.name}'. This optimizer can only be called for the variables it was originally built with. When working with a new set of variables, you should recreate a new optimizer instance.`,
            );
          }
        }
      }
    }
    // _filter_empty_gradients, and every gradient checked before anything changes.
    const gts: Tensor[] = [];
    const vs: Tensor[] = [];
    const missing: string[] = [];
    vars.forEach((v, i) => {
      const g = denseGrad(WHERE, v, grads[i]);
      if (g === null) missing.push(v.name);
      else {
        gts.push(g);
        vs.push(v);
      }
    });
    if (gts.length === 0) throw new ValueError('No gradients provided for any variable.');
    if (!this.built) this.build(vars);
    if (missing.length > 0) {
      log(`${WHERE}: Gradients do not exist for variables ${JSON.stringify(missing)} when minimizing the loss.`);
    }
    // the values only now: building may have grown the kernel heap
    this.applyGradientsInternal(
      gts.map((g) => g.data as FloatArray),
      vs,
    );
    this.iter += 1;
  }

  /**
   * One iteration over the variables that have a gradient (`p.grad`): `apply` with
   * `variables.map((p) => p.grad)`. A convenience, not in Keras.
   *
   * @param variables - The variables (default: those the optimizer was built with).
   * @throws As {@link RMSprop.apply}.
   */
  step(variables?: Iterable<Tensor>): void {
    const vars = variables === undefined ? this.vars : paramList(`${WHERE}.step`, variables);
    if (vars.length === 0) throw new ValueError(`${WHERE}.step: no variables (pass them, or build the optimizer first).`);
    this.apply(
      vars.map((v) => v.grad as Tensor | null),
      vars,
    );
  }

  /**
   * Keras's `finalize_variable_values(var_list)`: with `useEma`, overwrites the variables with
   * their moving averages; otherwise does nothing.
   *
   * @param variables - The variables (default: those the optimizer was built with).
   * @throws {@link errors.ValueError} when the list's length differs from the built variables'.
   */
  finalizeVariableValues(variables?: Iterable<Tensor>): void {
    if (!this.s.useEma) return;
    const vars = variables === undefined ? this.vars : paramList(`${WHERE}.finalizeVariableValues`, variables);
    this.overwriteWithAverage(vars);
  }

  private overwriteWithAverage(vars: readonly Tensor[]): void {
    if (vars.length !== this.modelVariablesMovingAverage.length) {
      throw new ValueError(
        `The length of model variables (${vars.length}) to override does not match the length of model variables stored in the optimizer (${this.modelVariablesMovingAverage.length}). Please check if the optimizer was called on your model.`,
      );
    }
    vars.forEach((v, i) => (v.data as FloatArray).set((this.modelVariablesMovingAverage[i] as Tensor).data as FloatArray));
  }

  /** `_backend_apply_gradients`: accumulation or clip + decay + update, then the EMA. */
  private applyGradientsInternal(gs: FloatArray[], vs: Tensor[]): void {
    const steps = this.s.gradientAccumulationSteps;
    if (steps !== null) {
      const accs = vs.map((v) => (this.accumulatedGradients[this.index.get(v) as number] as Tensor).data as FloatArray);
      if ((this.iter + 1) % steps === 0) {
        const mean = gs.map((g, k) => {
          const r = roundOf((vs[k] as Tensor).dtype);
          const acc = accs[k] as FloatArray;
          const out = g.slice();
          for (let i = 0; i < out.length; i++) out[i] = r(r((g[i] as number) + (acc[i] as number)) / steps);
          return out;
        });
        this.clipDecayUpdate(mean, vs);
        for (const a of this.accumulatedGradients) (a.data as FloatArray).fill(0);
      } else {
        gs.forEach((g, k) => {
          const r = roundOf((vs[k] as Tensor).dtype);
          const acc = accs[k] as FloatArray;
          for (let i = 0; i < acc.length; i++) acc[i] = r((g[i] as number) + (acc[i] as number));
        });
      }
    } else {
      this.clipDecayUpdate(gs, vs);
    }
    if (this.s.useEma) {
      this.vars.forEach((v, k) => {
        const r = roundOf(v.dtype);
        const x = v.data as FloatArray;
        const avg = (this.modelVariablesMovingAverage[k] as Tensor).data as FloatArray;
        // momentum = cast(iterations != 0) * ema_momentum; average = momentum*average + (1 - momentum)*var
        const m = this.iter !== 0 ? r(this.s.emaMomentum) : 0;
        const c = r(1 - m);
        for (let i = 0; i < x.length; i++) avg[i] = r(r(m * (avg[i] as number)) + r(c * (x[i] as number)));
      });
      const freq = this.s.emaOverwriteFrequency;
      if (freq !== null && (this.iter + 1) % freq === 0) this.overwriteWithAverage(this.vars);
    }
  }

  private clipDecayUpdate(gsIn: FloatArray[], vs: Tensor[]): void {
    const gs = this.clipGradients(gsIn, vs);
    const lr32 = this.learningRate;
    if (this.s.weightDecay !== null) {
      vs.forEach((v) => {
        const r = roundOf(v.dtype);
        const wd = r(this.s.weightDecay as number);
        const lr = r(lr32);
        const x = v.data as FloatArray;
        for (let i = 0; i < x.length; i++) {
          const p = x[i] as number;
          x[i] = r(p - r(r(p * wd) * lr));
        }
      });
    }
    const slots = vs.map((v, k) => this.updateSlot(gs[k] as FloatArray, v, lr32));
    const { rho, momentum, epsilon, centered } = this.s;
    kernelStep(slots, { rho, epsilon, momentum, centered, variant: 'keras', momentumBuffer: momentum > 0 });
  }

  /** `_clip_gradients`: clipnorm, else global_clipnorm, else clipvalue. Returns new arrays when clipping. */
  private clipGradients(gs: FloatArray[], vs: Tensor[]): FloatArray[] {
    const { clipnorm, globalClipnorm, clipvalue } = this.s;
    if (clipnorm !== null && clipnorm > 0) {
      return gs.map((g, k) => {
        const r = roundOf((vs[k] as Tensor).dtype);
        const l2sum = sumSquares(g, r);
        const l2norm = l2sum > 0 ? r(Math.sqrt(l2sum)) : l2sum;
        const cn = r(clipnorm);
        const den = Math.max(l2norm, cn);
        const out = g.slice();
        for (let i = 0; i < out.length; i++) out[i] = r(r((g[i] as number) * cn) / den);
        return out;
      });
    }
    if (globalClipnorm !== null && globalClipnorm > 0) {
      const r = roundOf(vs.some((v) => v.dtype === 'float32') ? 'float32' : 'float64');
      let total = 0;
      gs.forEach((g, k) => (total += sumSquares(g, roundOf((vs[k] as Tensor).dtype))));
      const useNorm = r(Math.sqrt(r(total)));
      const cn = r(globalClipnorm);
      const scaleForFinite = r(cn * Math.min(r(1 / useNorm), r(1 / globalClipnorm)));
      const scale = r(scaleForFinite + r(useNorm - useNorm));
      return gs.map((g, k) => {
        const rv = roundOf((vs[k] as Tensor).dtype);
        const s = rv(scale);
        const out = g.slice();
        for (let i = 0; i < out.length; i++) out[i] = rv((g[i] as number) * s);
        return out;
      });
    }
    if (clipvalue !== null && clipvalue > 0) {
      return gs.map((g, k) => {
        const r = roundOf((vs[k] as Tensor).dtype);
        const hi = r(clipvalue);
        const lo = -hi;
        const out = g.slice();
        for (let i = 0; i < out.length; i++) {
          const x = out[i] as number;
          out[i] = x < lo ? lo : x > hi ? hi : x;
        }
        return out;
      });
    }
    return gs;
  }

  /**
   * keras/src/optimizers/rmsprop.py `update_step` of one variable as a kernel slot: the fused
   * kernel's `'keras'` variant computes it, each op rounded to the variable's dtype.
   */
  private updateSlot(g: FloatArray, v: Tensor, lr32: number): KernelSlot {
    const k = this.index.get(v) as number;
    const x = v.data as FloatArray;
    return {
      param: x,
      grad: g,
      meanSquare: (this.velocities[k] as Tensor).data as FloatArray,
      moment: this.s.momentum > 0 ? ((this.momentums[k] as Tensor).data as FloatArray) : x,
      meanGrad: this.s.centered ? ((this.averageGradients[k] as Tensor).data as FloatArray) : x,
      lr: lr32,
    };
  }

  /**
   * Frees the optimizer's variables (velocities, momentums, average gradients, accumulators,
   * moving averages; kept in the kernel heap while the WebAssembly backend is selected, which is
   * not garbage collected). The optimizer is unbuilt afterwards: the next `apply` builds it again.
   */
  dispose(): void {
    for (const list of [this.velocities, this.momentums, this.averageGradients, this.accumulatedGradients, this.modelVariablesMovingAverage]) {
      for (const t of list) t.dispose();
      list.length = 0;
    }
    this.vars = [];
    this.index.clear();
  }
}

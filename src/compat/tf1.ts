/**
 * `compat.tf1`: TensorFlow 1's `tf.compat.v1.train.RMSPropOptimizer` over this library's Tensors.
 *
 * Slots as tensorflow/python/training/rmsprop.py `_create_slots` makes them: `rms` initialised to
 * **1.0**, `momentum` to 0 (always kept, also with momentum 0), `mg` to 0 when centered. The
 * hyper-parameters are float32 tensors (`_prepare`), cast to the variable's dtype. The update is
 * the CPU kernel of tensorflow/core/kernels/training_ops.cc, each Eigen op rounded to the dtype:
 *
 * ```
 * ApplyRMSProp:          ms += (grad.square() - ms) * (1 - rho)
 *                        mom = mom * momentum + (grad * lr) / (ms + epsilon).sqrt()
 *                        var -= mom
 * ApplyCenteredRMSProp:  ms += (grad.square() - ms) * (1 - rho)
 *                        mg += (grad - mg) * (1 - rho)
 *                        mom = mom * momentum + (grad * lr) / ((ms - mg.square()) + epsilon).sqrt()
 *                        var -= mom
 * ```
 *
 * ε inside the square root and the learning rate in the momentum buffer, as Paddle's kernel; the
 * mean-square line is another expression (`ms + (g² − ms)(1−ρ)`, not `ρ·ms + ((1−ρ)g)g`): the
 * update runs on the fused RMSProp kernel with its `'tf1'` variant, on slots kept in the kernel
 * heap (free them with `dispose()`).
 */
import { TypeError as PaddleTypeError, ValueError } from '../errors.js';
import { checkOptions, describe } from '../options.js';
import type { FloatArray } from '../tensor/dtype.js';
import type { Tensor } from '../tensor/tensor.js';
import { checkBoolean, checkNumber, checkFloatTensor, denseGrad, kernelStep, paramList, stateLike, type KernelSlot } from './shared.js';

/** Options of {@link RMSProp}: `tf.compat.v1.train.RMSPropOptimizer`'s keyword arguments. */
export interface RMSPropOptions {
  /** Discounting factor of the mean square (default 0.9). */
  decay?: number;
  /** Momentum factor (default 0). */
  momentum?: number;
  /** Added inside the square root (default 1e-10). */
  epsilon?: number;
  /** Normalise by the estimated variance (default false). */
  centered?: boolean;
}

/** The slots of one variable (TF1's `get_slot(var, name)`). */
export interface RMSPropSlots {
  /** `rms`: the mean square, initialised to 1.0. */
  rms: Tensor;
  /** `momentum`: the update buffer (learning rate included), initialised to 0. */
  momentum: Tensor;
  /** `mg`: the mean gradient (centered only). */
  mg?: Tensor;
}

const WHERE = 'compat.tf1.RMSProp';

/**
 * TF1's RMSProp (see the module comment). A learning rate and options at construction;
 * `applyGradients` (or `step` over the `.grad` of each variable) updates in place.
 *
 * TF1: `tf.compat.v1.train.RMSPropOptimizer(learning_rate, decay=0.9, momentum=0.0,
 * epsilon=1e-10, use_locking=False, centered=False, name='RMSProp')`.
 *
 * @example
 * ```ts
 * const opt = new paddle.compat.tf1.RMSProp(0.01, { momentum: 0.9 });
 * opt.applyGradients(lin.parameters().map((p) => [p.grad, p]));
 * ```
 */
export class RMSProp {
  /** The learning rate (editable; used as float32, as TF1's `learning_rate` tensor). */
  learningRate: number;
  /** Discounting factor. */
  readonly decay: number;
  /** Momentum factor. */
  readonly momentum: number;
  /** ε. */
  readonly epsilon: number;
  /** Centered variant. */
  readonly centered: boolean;
  private readonly slots = new Map<Tensor, RMSPropSlots>();

  /**
   * @param learningRate - The learning rate (≥ 0).
   * @param options - {@link RMSPropOptions}.
   * @throws {@link errors.TypeError} for an unknown option or a non-number; {@link errors.ValueError} for a value out of range.
   */
  constructor(learningRate: number, options?: RMSPropOptions) {
    const o = checkOptions(WHERE, options, ['decay', 'momentum', 'epsilon', 'centered']);
    if (learningRate === undefined) throw new PaddleTypeError(`${WHERE}: 'learningRate' is required.`);
    checkNumber(WHERE, 'learningRate', learningRate, { min: 0 });
    checkNumber(WHERE, 'decay', o.decay, { min: 0, max: 1 });
    checkNumber(WHERE, 'momentum', o.momentum, { min: 0 });
    checkNumber(WHERE, 'epsilon', o.epsilon, { min: 0 });
    checkBoolean(WHERE, 'centered', o.centered);
    this.learningRate = learningRate;
    this.decay = o.decay ?? 0.9;
    this.momentum = o.momentum ?? 0;
    this.epsilon = o.epsilon ?? 1e-10;
    this.centered = o.centered ?? false;
  }

  /**
   * The slots of `variable` (created at its first update), or undefined.
   *
   * TF1: `optimizer.get_slot(var, name)` (`rms`, `momentum`, `mg`).
   *
   * @param variable - A variable this optimizer updated.
   * @returns The variable's {@link RMSPropSlots} (the live Tensors `rms`, `momentum` and, when centered, `mg`), or undefined before its first update.
   */
  getSlots(variable: Tensor): RMSPropSlots | undefined {
    return this.slots.get(variable);
  }

  /**
   * Applies `[gradient, variable]` pairs (TF1's `apply_gradients(grads_and_vars)`); pairs whose
   * gradient is null are skipped. Everything is checked before anything changes.
   *
   * @param gradsAndVars - The pairs.
   * @throws {@link errors.ValueError} when no pair has a gradient (TF1's message) or a gradient
   *   differs from its variable in shape or dtype; {@link errors.RuntimeError} for a sparse one.
   */
  applyGradients(gradsAndVars: Iterable<readonly [Tensor | null, Tensor]>): void {
    checkNumber(`${WHERE}.learningRate`, 'learningRate', this.learningRate, { min: 0 });
    const work: [Tensor, Tensor][] = [];
    const vars: Tensor[] = [];
    for (const pair of gradsAndVars) {
      if (!Array.isArray(pair) || pair.length !== 2) {
        throw new PaddleTypeError(`${WHERE}.applyGradients: expected [gradient, variable] pairs, but received ${describe(pair)}.`);
      }
      const v = checkFloatTensor(WHERE, pair[1], 'variable');
      vars.push(v);
      const g = denseGrad(WHERE, v, pair[0]);
      if (g !== null) work.push([g, v]);
    }
    if (work.length === 0) throw new ValueError(`No gradients provided for any variable: ${JSON.stringify(vars.map((v) => v.name))}.`);
    if (new Set(work.map((w) => w[1])).size !== work.length) throw new ValueError(`${WHERE}.applyGradients: a variable appears twice.`);
    // the slots first (an allocation may grow the kernel heap, which detaches earlier views of an
    // unshared memory), then the arrays
    for (const [, v] of work) this.slotsOf(v);
    const slots: KernelSlot[] = [];
    for (const [g, v] of work) slots.push(this.kernelSlot(g.data as FloatArray, v));
    kernelStep(slots, { rho: this.decay, epsilon: this.epsilon, momentum: this.momentum, centered: this.centered, variant: 'tf1' });
  }

  /**
   * Frees the slots (kept in the kernel heap while the WebAssembly backend is selected; the heap
   * is not garbage collected) and forgets them. Not in TF1.
   */
  dispose(): void {
    for (const s of this.slots.values()) {
      s.rms.dispose();
      s.momentum.dispose();
      s.mg?.dispose();
    }
    this.slots.clear();
  }

  /**
   * One step over the variables that have a gradient (`p.grad`). A convenience, not in TF1.
   *
   * @param variables - The variables (e.g. `layer.parameters()`).
   * @throws As {@link RMSProp.applyGradients}.
   */
  step(variables: Iterable<Tensor>): void {
    const list = paramList(`${WHERE}.step`, variables);
    this.applyGradients(list.map((p) => [p.grad as Tensor | null, p] as const));
  }

  /** The slots of one variable, created at its first update. */
  private slotsOf(v: Tensor): RMSPropSlots {
    let s = this.slots.get(v);
    if (s === undefined) {
      s = { rms: stateLike(v, 1, `${v.name}/RMSProp`), momentum: stateLike(v, 0, `${v.name}/RMSProp_1`) };
      if (this.centered) s.mg = stateLike(v, 0, `${v.name}/RMSProp_2`);
      this.slots.set(v, s);
    }
    return s;
  }

  /** The kernel slot of one variable (its slots made by `slotsOf`). */
  private kernelSlot(g: FloatArray, v: Tensor): KernelSlot {
    const s = this.slotsOf(v);
    const x = v.data as FloatArray;
    // the learning rate is a float32 tensor cast to the dtype
    return { param: x, grad: g, meanSquare: s.rms.data as FloatArray, moment: s.momentum.data as FloatArray, meanGrad: s.mg === undefined ? x : (s.mg.data as FloatArray), lr: Math.fround(this.learningRate) };
  }
}

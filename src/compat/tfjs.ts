/**
 * `compat.tfjs`: TensorFlow.js's `tf.train.rmsprop` over this library's float32 Tensors, with
 * tfjs-core/src/optimizers/rmsprop_optimizer.ts's `applyGradients` (TF.js 4.x): mean square,
 * momentum and mean gradient initialised to 0, state kept **by position** in the list of
 * gradients (as TF.js does), and each op rounded to float32 as the cpu backend stores it:
 *
 * ```
 * ms  = ms * decay + square(g) * (1 - decay)
 * mg  = mg * decay + g * (1 - decay)                               (centered)
 * mom = mom * momentum + (g * lr) / sqrt(ms + epsilon)
 *     = mom * momentum + (g * lr) / sqrt(ms - (square(mg) + epsilon))   (centered: ε subtracted)
 * var = var - mom
 * ```
 *
 * TF.js's centered variant subtracts ε (`sub(ms, add(square(mg), epsilon))`) where TensorFlow adds
 * it; this reproduces TF.js, NaN included when `ms − mg² < ε`. The mean square is
 * `ms·ρ + g²·(1−ρ)` with `1−ρ` rounded from the exact ρ: the update runs on the fused RMSProp
 * kernel with its `'tfjs'` variant, on slots kept in the kernel heap (free them with `dispose()`).
 */
import { TypeError as PaddleTypeError } from '../errors.js';
import { describe } from '../options.js';
import type { FloatArray } from '../tensor/dtype.js';
import { Tensor } from '../tensor/tensor.js';
import { checkBoolean, checkNumber, checkFloatTensor, denseGrad, kernelStep, paramList, stateLike, type KernelSlot } from './shared.js';

/** One entry of {@link RMSPropOptimizer.applyGradients}: a variable and its gradient (or null). */
export interface VariableGradient {
  /** The variable (a float32 Tensor), updated in place. */
  variable: Tensor;
  /** Its gradient, or null (skipped, as TF.js skips a missing gradient). */
  gradient: Tensor | null;
}

/** A saved optimizer weight as TF.js's `getWeights()` names it. */
export interface NamedWeight {
  /** `iter`, `<variable>/rms`, `<variable>/momentum` or `<variable>/mg`. */
  name: string;
  /** The value (the live Tensor for the slots, a new scalar for `iter`). */
  tensor: Tensor;
}

const WHERE = 'compat.tfjs.rmsprop';

/** TF.js's `RMSPropOptimizer` (made by {@link rmsprop}). */
export class RMSPropOptimizer {
  /** Completed `applyGradients` calls (TF.js's `iterations`). */
  iterations = 0;
  private readonly ms: (Tensor | undefined)[] = [];
  private readonly mom: (Tensor | undefined)[] = [];
  private readonly mg: (Tensor | undefined)[] = [];

  /**
   * Use {@link rmsprop}.
   *
   * @param learningRate - Learning rate.
   * @param decay - Discount of the mean square.
   * @param momentum - Momentum factor.
   * @param epsilon - ε (inside the square root).
   * @param centered - Centered variant.
   */
  constructor(
    readonly learningRate: number,
    readonly decay: number,
    readonly momentum: number,
    readonly epsilon: number,
    readonly centered: boolean,
  ) {}

  /**
   * TF.js's `applyGradients(variableGradients)`: updates each variable in list order; the i-th
   * entry uses the i-th slots (created at first use, even for a null gradient, as TF.js does).
   * Everything is checked before anything changes.
   *
   * @param variableGradients - The entries.
   * @throws {@link errors.TypeError} for a variable that is not a float32 Tensor;
   *   {@link errors.ValueError} for a gradient of another shape or dtype.
   */
  applyGradients(variableGradients: readonly VariableGradient[]): void {
    if (!Array.isArray(variableGradients)) {
      throw new PaddleTypeError(`${WHERE}: applyGradients expects an array of { variable, gradient }, but received ${describe(variableGradients)}.`);
    }
    const work = variableGradients.map((e: unknown) => {
      if (typeof e !== 'object' || e === null || !('variable' in e)) {
        throw new PaddleTypeError(`${WHERE}: applyGradients expects { variable, gradient } entries, but received ${describe(e)}.`);
      }
      const entry = e as VariableGradient;
      const v = checkFloatTensor(WHERE, entry.variable, 'variable');
      if (v.dtype !== 'float32') throw new PaddleTypeError(`${WHERE}: TF.js optimizes float32 variables only, but '${v.name}' is ${v.dtype}.`);
      return { v, g: denseGrad(WHERE, v, entry.gradient) };
    });
    // the slots first (an allocation may grow the kernel heap, which detaches earlier views of an
    // unshared memory), then the arrays
    work.forEach(({ v }, i) => {
      this.ms[i] ??= stateLike(v, 0, `${v.name}/rms`);
      this.mom[i] ??= stateLike(v, 0, `${v.name}/momentum`);
      if (this.centered) this.mg[i] ??= stateLike(v, 0, `${v.name}/mg`);
    });
    const slots: KernelSlot[] = [];
    work.forEach(({ v, g }, i) => {
      if (g === null) return;
      const ms = this.ms[i] as Tensor;
      const mom = this.mom[i] as Tensor;
      const x = v.data as FloatArray;
      const mg = this.centered ? ((this.mg[i] as Tensor).data as FloatArray) : x;
      slots.push({ param: x, grad: g.data as FloatArray, meanSquare: ms.data as FloatArray, moment: mom.data as FloatArray, meanGrad: mg, lr: this.learningRate });
    });
    kernelStep(slots, { rho: this.decay, epsilon: this.epsilon, momentum: this.momentum, centered: this.centered, variant: 'tfjs' });
    this.iterations += 1;
  }

  /**
   * Frees the slots (kept in the kernel heap while the WebAssembly backend is selected; the heap
   * is not garbage collected) and forgets them. TF.js's `dispose()`.
   */
  dispose(): void {
    for (const list of [this.ms, this.mom, this.mg]) {
      for (const t of list) t?.dispose();
      list.length = 0;
    }
  }

  /**
   * One step over `variables` with their `.grad` (entries in that order). A convenience.
   *
   * @param variables - The variables (the same order on every call).
   * @throws As {@link RMSPropOptimizer.applyGradients}.
   */
  step(variables: Iterable<Tensor>): void {
    this.applyGradients(paramList(`${WHERE}.step`, variables).map((p) => ({ variable: p, gradient: p.grad as Tensor | null })));
  }

  /**
   * The slots in TF.js's `getWeights()` order: the iteration count, every mean square, every
   * momentum, then (centered) every mean gradient.
   *
   * @returns The named weights (slot Tensors are live).
   */
  getWeights(): NamedWeight[] {
    const out: NamedWeight[] = [{ name: 'iter', tensor: Tensor.fromArray(new Float32Array([this.iterations]), [], 'float32') }];
    for (const list of this.centered ? [this.ms, this.mom, this.mg] : [this.ms, this.mom]) {
      for (const t of list) if (t !== undefined) out.push({ name: t.name, tensor: t });
    }
    return out;
  }
}

/**
 * TF.js's `tf.train.rmsprop(learningRate, decay = 0.9, momentum = 0.0, epsilon = null, centered =
 * false)`: an {@link RMSPropOptimizer}. A null ε is the cpu/wasm backends' `backend.epsilon()`,
 * 1e-7.
 *
 * @param learningRate - Learning rate (required).
 * @param decay - Discount of the mean square (default 0.9).
 * @param momentum - Momentum factor (default 0).
 * @param epsilon - ε, inside the square root (default null: 1e-7).
 * @param centered - Centered variant (default false; note TF.js subtracts ε there).
 * @returns The optimizer.
 * @throws {@link errors.TypeError} when `learningRate` is missing or a value is not a number;
 *   {@link errors.ValueError} for a value out of range.
 *
 * @example
 * ```ts
 * const opt = paddle.compat.tfjs.rmsprop(0.01, 0.9, 0.9);
 * opt.applyGradients([{ variable: w, gradient: w.grad }]);
 * ```
 */
export function rmsprop(learningRate: number, decay = 0.9, momentum = 0, epsilon: number | null = null, centered = false): RMSPropOptimizer {
  if (learningRate === undefined || learningRate === null) throw new PaddleTypeError('learningRate for RMSPropOptimizer must be defined.');
  checkNumber(WHERE, 'learningRate', learningRate, { min: 0 });
  checkNumber(WHERE, 'decay', decay, { min: 0, max: 1 });
  checkNumber(WHERE, 'momentum', momentum, { min: 0 });
  if (epsilon !== null) checkNumber(WHERE, 'epsilon', epsilon, { min: 0 });
  checkBoolean(WHERE, 'centered', centered);
  return new RMSPropOptimizer(learningRate, decay, momentum, epsilon ?? 1e-7, centered);
}

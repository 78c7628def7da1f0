/** `paddle.optimizer.lr.NoamDecay` (spec §13.2): the Transformer warm-up schedule. */
import { ValueError } from '../../errors.js';
import { checkOptions } from '../../options.js';
import { requireNumber } from './checks.js';
import { LR_SCHEDULER_OPTION_KEYS, LRScheduler, type LRSchedulerOptions } from './lr-scheduler.js';
import { pow, pyMin, pyRepr } from './py-math.js';

export interface NoamDecayOptions extends LRSchedulerOptions {
  /** Default 1.0. */
  learningRate?: number;
}

/** `lr = base_lr · d_model^-0.5 · min(e^-0.5, warmup_steps^-1.5 · e)`, with `e^-0.5` read as 1 at e = 0. * @param baseLr - The factor on the schedule (Paddle's `learning_rate`).
 * @param dModel - The model's width (Paddle's `d_model`).
 * @param warmupSteps - The warm-up length (Paddle's `warmup_steps`).
 * @param epoch - The epoch e (Paddle's `epoch`).
 * @returns The rate at epoch e.
 */
export function noamDecayLr(baseLr: number, dModel: number, warmupSteps: number, epoch: number): number {
  const a = epoch === 0 ? 1 : pow(epoch, -0.5);
  const b = pow(warmupSteps, -1.5) * epoch;
  return baseLr * pow(dModel, -0.5) * pyMin(a, b);
}

/**
 * `paddle.optimizer.lr.NoamDecay(d_model, warmup_steps, learning_rate=1.0, last_epoch=-1,
 * verbose=False)`: the Transformer schedule,
 * `lr = learning_rate * d_model ** -0.5 * min(epoch ** -0.5, epoch * warmup_steps ** -1.5)`.
 *
 * @example
 * ```ts
 * const scheduler = new paddle.optimizer.lr.NoamDecay(512, 4000);
 * // scheduler.call() in epochs 0, 1, 2, …: 0, 1.74693e-7, 3.49386e-7
 * scheduler.step(); // once per epoch
 * ```
 */
export class NoamDecay extends LRScheduler {
  /** The `dModel` this NoamDecay was built with (Paddle's `d_model`). */
  readonly dModel: number;
  /** The `warmupSteps` this NoamDecay was built with (Paddle's `warmup_steps`). */
  readonly warmupSteps: number;

  /**
   * Creates the scheduler (and, as Paddle, takes its first step).
   * @param dModel - The model dimension, > 0 (Paddle's `d_model`).
   * @param warmupSteps - The warm-up steps, > 0 (Paddle's `warmup_steps`).
   * @param options - `learningRate` (Paddle's `learning_rate`, default 1.0), `lastEpoch` (Paddle's `last_epoch`, default -1), `verbose` (default `false`).
   * @throws {@link errors.TypeError} when `learningRate`/`dModel`/`warmupSteps` is not a number, `lastEpoch`/`verbose` has the wrong type, or an option is unknown; {@link errors.ValueError} when `learningRate` is negative or not finite, or `dModel`/`warmupSteps` is not positive.
   */
  constructor(dModel: number, warmupSteps: number, options: NoamDecayOptions = {}) {
    const { learningRate = 1.0, ...base } = checkOptions('NoamDecay', options, [
      'learningRate',
      ...LR_SCHEDULER_OPTION_KEYS,
    ]);
    requireNumber('NoamDecay', 'd_model', dModel);
    requireNumber('NoamDecay', 'warmup_steps', warmupSteps);
    if (dModel <= 0) throw new ValueError('d_model should be grater than 0');
    // Paddle has no check here and fails at construction on 0 ** -1.5 (ZeroDivisionError) or on
    // a complex power of a negative number (TypeError).
    if (!(warmupSteps > 0)) {
      throw new ValueError(`'warmup_steps' must be greater than 0, but received ${pyRepr(warmupSteps)}.`);
    }
    super(learningRate, base);
    this.dModel = dModel;
    this.warmupSteps = warmupSteps;
    if (new.target === NoamDecay) this.step();
  }

  /**
   * Noam's schedule at `lastEpoch`.
   * @returns The learning rate at `lastEpoch`.
   */
  override getLr(): number {
    return noamDecayLr(this.baseLr, this.dModel, this.warmupSteps, this.lastEpoch);
  }
}

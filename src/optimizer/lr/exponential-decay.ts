/** `paddle.optimizer.lr.ExponentialDecay` (spec §13.2). */
import { checkOptions } from '../../options.js';
import { assertArg, requireNumber } from './checks.js';
import { LR_SCHEDULER_OPTION_KEYS, LRScheduler, type LRSchedulerOptions } from './lr-scheduler.js';
import { pow } from './py-math.js';

/** Optional arguments of {@link optimizer.lr.ExponentialDecay} (Paddle's `last_epoch`, `verbose`). */
export type ExponentialDecayOptions = LRSchedulerOptions;

/** `lr = base_lr · gamma^e` (from the base rate, despite the docstring's `last_lr · gamma`). * @param baseLr - The initial rate (Paddle's `learning_rate`).
 * @param gamma - The factor per epoch (Paddle's `gamma`).
 * @param epoch - The epoch e (Paddle's `epoch`).
 * @returns The rate at epoch e.
 */
export function exponentialDecayLr(baseLr: number, gamma: number, epoch: number): number {
  return baseLr * pow(gamma, epoch);
}

/**
 * `paddle.optimizer.lr.ExponentialDecay(learning_rate, gamma, last_epoch=-1, verbose=False)`:
 * `lr = learning_rate * gamma ** epoch`.
 *
 * @example
 * ```ts
 * const scheduler = new paddle.optimizer.lr.ExponentialDecay(0.5, 0.9);
 * // scheduler.call() in epochs 0, 1, 2, …: 0.5, 0.45, 0.405
 * scheduler.step(); // once per epoch
 * ```
 */
export class ExponentialDecay extends LRScheduler {
  /** The `gamma` this ExponentialDecay was built with (Paddle's `gamma`). */
  readonly gamma: number;

  /**
   * Creates the scheduler (and, as Paddle, takes its first step).
   * @param learningRate - The initial learning rate, a finite number ≥ 0 (Paddle's `learning_rate`).
   * @param gamma - The decay rate, in (0, 1) (Paddle's `gamma`).
   * @param options - `lastEpoch` (Paddle's `last_epoch`, default -1), `verbose` (default `false`).
   * @throws {@link errors.TypeError} when `learningRate`/`gamma` is not a number, `lastEpoch`/`verbose` has the wrong type, or an option is unknown; {@link errors.ValueError} when `learningRate` is negative or not finite; {@link errors.AssertionError} when `gamma` is not in (0, 1).
   */
  constructor(learningRate: number, gamma: number, options: ExponentialDecayOptions = {}) {
    const base = checkOptions('ExponentialDecay', options, LR_SCHEDULER_OPTION_KEYS);
    requireNumber('ExponentialDecay', 'gamma', gamma);
    assertArg(
      gamma > 0 && gamma < 1,
      "'gamma' must be in interval (0.0, 1.0) so that the learning rate will decay",
      gamma,
    );
    super(learningRate, base);
    this.gamma = gamma;
    if (new.target === ExponentialDecay) this.step();
  }

  /**
   * `baseLr · gamma^lastEpoch`.
   * @returns The learning rate at `lastEpoch`.
   */
  override getLr(): number {
    return exponentialDecayLr(this.baseLr, this.gamma, this.lastEpoch);
  }
}

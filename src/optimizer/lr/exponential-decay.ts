/** `paddle.optimizer.lr.ExponentialDecay` (spec §13.2). */
import { checkOptions } from '../../options.js';
import { assertArg, requireNumber } from './checks.js';
import { LR_SCHEDULER_OPTION_KEYS, LRScheduler, type LRSchedulerOptions } from './lr-scheduler.js';
import { pow } from './py-math.js';

/** Optional arguments of {@link optimizer.lr.ExponentialDecay} (Paddle's `last_epoch`, `verbose`). */
export type ExponentialDecayOptions = LRSchedulerOptions;

/** `lr = base_lr · gamma^e` (from the base rate, despite the docstring's `last_lr · gamma`). */
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

  override getLr(): number {
    return exponentialDecayLr(this.baseLr, this.gamma, this.lastEpoch);
  }
}

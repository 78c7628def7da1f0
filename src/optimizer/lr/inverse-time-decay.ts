/** `paddle.optimizer.lr.InverseTimeDecay` (spec §13.2). */
import { checkOptions } from '../../options.js';
import { requireNumber } from './checks.js';
import { LR_SCHEDULER_OPTION_KEYS, LRScheduler, type LRSchedulerOptions } from './lr-scheduler.js';

/** Optional arguments of {@link optimizer.lr.InverseTimeDecay} (Paddle's `last_epoch`, `verbose`). */
export type InverseTimeDecayOptions = LRSchedulerOptions;

/** `lr = base_lr / (1 + gamma · e)`. * @param baseLr - The initial rate (Paddle's `learning_rate`).
 * @param gamma - The decay rate (Paddle's `gamma`).
 * @param epoch - The epoch e (Paddle's `epoch`).
 * @returns The rate at epoch e.
 */
export function inverseTimeDecayLr(baseLr: number, gamma: number, epoch: number): number {
  return baseLr / (1 + gamma * epoch);
}

/**
 * `paddle.optimizer.lr.InverseTimeDecay(learning_rate, gamma, last_epoch=-1, verbose=False)`:
 * `lr = learning_rate / (1 + gamma * epoch)`.
 *
 * @example
 * ```ts
 * const scheduler = new paddle.optimizer.lr.InverseTimeDecay(0.5, 0.1);
 * // scheduler.call() in epochs 0, 1, 2, …: 0.5, 0.454545, 0.416667
 * scheduler.step(); // once per epoch
 * ```
 */
export class InverseTimeDecay extends LRScheduler {
  /** The `gamma` this InverseTimeDecay was built with (Paddle's `gamma`). */
  readonly gamma: number;

  /**
   * Creates the scheduler (and, as Paddle, takes its first step). Paddle checks nothing about `gamma`.
   * @param learningRate - The initial learning rate, a finite number ≥ 0 (Paddle's `learning_rate`).
   * @param gamma - The decay rate (Paddle's `gamma`).
   * @param options - `lastEpoch` (Paddle's `last_epoch`, default -1), `verbose` (default `false`).
   * @throws {@link errors.TypeError} when `learningRate`/`gamma` is not a number, `lastEpoch`/`verbose` has the wrong type, or an option is unknown; {@link errors.ValueError} when `learningRate` is negative or not finite.
   */
  constructor(learningRate: number, gamma: number, options: InverseTimeDecayOptions = {}) {
    const base = checkOptions('InverseTimeDecay', options, LR_SCHEDULER_OPTION_KEYS);
    requireNumber('InverseTimeDecay', 'gamma', gamma);
    super(learningRate, base);
    this.gamma = gamma;
    if (new.target === InverseTimeDecay) this.step();
  }

  /**
   * `baseLr / (1 + gamma · lastEpoch)`.
   * @returns The learning rate at `lastEpoch`.
   */
  override getLr(): number {
    return inverseTimeDecayLr(this.baseLr, this.gamma, this.lastEpoch);
  }
}

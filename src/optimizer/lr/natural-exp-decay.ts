/** `paddle.optimizer.lr.NaturalExpDecay` (spec §13.2). */
import { checkOptions } from '../../options.js';
import { assertArg, requireNumber } from './checks.js';
import { LR_SCHEDULER_OPTION_KEYS, LRScheduler, type LRSchedulerOptions } from './lr-scheduler.js';
import { exp } from './py-math.js';

/** Optional arguments of {@link optimizer.lr.NaturalExpDecay} (Paddle's `last_epoch`, `verbose`). */
export type NaturalExpDecayOptions = LRSchedulerOptions;

/** `lr = base_lr · exp(−gamma · e)`. * @param baseLr - The initial rate (Paddle's `learning_rate`).
 * @param gamma - The decay rate (Paddle's `gamma`).
 * @param epoch - The epoch e (Paddle's `epoch`).
 * @returns The rate at epoch e.
 */
export function naturalExpDecayLr(baseLr: number, gamma: number, epoch: number): number {
  return baseLr * exp(-1 * gamma * epoch);
}

/**
 * `paddle.optimizer.lr.NaturalExpDecay(learning_rate, gamma, last_epoch=-1, verbose=False)`:
 * `lr = learning_rate * exp(-gamma * epoch)`.
 *
 * @example
 * ```ts
 * const scheduler = new paddle.optimizer.lr.NaturalExpDecay(0.5, 0.1);
 * // scheduler.call() in epochs 0, 1, 2, …: 0.5, 0.452419, 0.409365
 * scheduler.step(); // once per epoch
 * ```
 */
export class NaturalExpDecay extends LRScheduler {
  /** The `gamma` this NaturalExpDecay was built with (Paddle's `gamma`). */
  readonly gamma: number;

  /**
   * Creates the scheduler (and, as Paddle, takes its first step).
   * @param learningRate - The initial learning rate, a finite number ≥ 0 (Paddle's `learning_rate`).
   * @param gamma - The decay rate, > 0 (Paddle's `gamma`).
   * @param options - `lastEpoch` (Paddle's `last_epoch`, default -1), `verbose` (default `false`).
   * @throws {@link errors.TypeError} when `learningRate`/`gamma` is not a number, `lastEpoch`/`verbose` has the wrong type, or an option is unknown; {@link errors.ValueError} when `learningRate` is negative or not finite; {@link errors.AssertionError} when `gamma` is not positive.
   */
  constructor(learningRate: number, gamma: number, options: NaturalExpDecayOptions = {}) {
    const base = checkOptions('NaturalExpDecay', options, LR_SCHEDULER_OPTION_KEYS);
    requireNumber('NaturalExpDecay', 'gamma', gamma);
    assertArg(gamma > 0, "'gamma' must be a positive number so that the learning rate will decay", gamma);
    super(learningRate, base);
    this.gamma = gamma;
    if (new.target === NaturalExpDecay) this.step();
  }

  /**
   * `baseLr · exp(−gamma · lastEpoch)`.
   * @returns The learning rate at `lastEpoch`.
   */
  override getLr(): number {
    return naturalExpDecayLr(this.baseLr, this.gamma, this.lastEpoch);
  }
}

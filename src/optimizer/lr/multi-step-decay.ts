/** `paddle.optimizer.lr.MultiStepDecay` (spec §13.2). */
import { ValueError } from '../../errors.js';
import { checkOptions } from '../../options.js';
import { requireNumber, requireNumberList } from './checks.js';
import { LR_SCHEDULER_OPTION_KEYS, LRScheduler, type LRSchedulerOptions } from './lr-scheduler.js';
import { pow } from './py-math.js';

export interface MultiStepDecayOptions extends LRSchedulerOptions {
  /** Default 0.1; must be < 1. */
  gamma?: number;
}

/** `lr = base_lr · gamma^i` for the first `i` with `e < milestones[i]`, else `base_lr · gamma^len(milestones)`. * @param baseLr - The initial rate (Paddle's `learning_rate`).
 * @param milestones - The increasing epochs at which the rate drops (Paddle's `milestones`).
 * @param gamma - The factor of each drop (Paddle's `gamma`).
 * @param epoch - The epoch e (Paddle's `epoch`).
 * @returns The rate at epoch e.
 */
export function multiStepDecayLr(
  baseLr: number,
  milestones: readonly number[],
  gamma: number,
  epoch: number,
): number {
  for (let i = 0; i < milestones.length; i++) {
    if (epoch < (milestones[i] as number)) return baseLr * pow(gamma, i);
  }
  return baseLr * pow(gamma, milestones.length);
}

/**
 * `paddle.optimizer.lr.MultiStepDecay(learning_rate, milestones, gamma=0.1, last_epoch=-1,
 * verbose=False)`: the rate times `gamma` at each milestone epoch.
 *
 * @example
 * ```ts
 * const scheduler = new paddle.optimizer.lr.MultiStepDecay(0.5, [2, 4], { gamma: 0.1 });
 * // scheduler.call() in epochs 0, 1, 2, …: 0.5, 0.5, 0.05, 0.05, 0.005
 * scheduler.step(); // once per epoch
 * ```
 */
export class MultiStepDecay extends LRScheduler {
  /** The `milestones` this MultiStepDecay was built with (Paddle's `milestones`). */
  readonly milestones: readonly number[];
  /** The `gamma` this MultiStepDecay was built with (Paddle's `gamma`). */
  readonly gamma: number;

  /**
   * Creates the scheduler (and, as Paddle, takes its first step).
   * @param learningRate - The initial learning rate, a finite number ≥ 0 (Paddle's `learning_rate`).
   * @param milestones - Increasing epochs at which the rate is multiplied by `gamma` (Paddle's `milestones`).
   * @param options - `gamma` (default 0.1, < 1), `lastEpoch` (Paddle's `last_epoch`, default -1), `verbose` (default `false`).
   * @throws {@link errors.TypeError} when `learningRate`/`gamma` is not a number, `milestones` is not a list of numbers, `lastEpoch`/`verbose` has the wrong type, or an option is unknown; {@link errors.ValueError} when `learningRate` is negative or not finite, `milestones` is not increasing, or `gamma` ≥ 1.
   */
  constructor(learningRate: number, milestones: readonly number[], options: MultiStepDecayOptions = {}) {
    const { gamma = 0.1, ...base } = checkOptions('MultiStepDecay', options, [
      'gamma',
      ...LR_SCHEDULER_OPTION_KEYS,
    ]);
    requireNumberList('MultiStepDecay', 'milestones', milestones);
    if (!milestones.every((m, i) => i === 0 || (milestones[i - 1] as number) < m)) {
      throw new ValueError('The elements of milestones must be incremented');
    }
    requireNumber('MultiStepDecay', 'gamma', gamma);
    if (gamma >= 1.0) throw new ValueError('gamma should be < 1.0.');
    super(learningRate, base);
    this.milestones = [...milestones];
    this.gamma = gamma;
    if (new.target === MultiStepDecay) this.step();
  }

  /**
   * `baseLr · gamma^(milestones passed)`.
   * @returns The learning rate at `lastEpoch`.
   */
  override getLr(): number {
    return multiStepDecayLr(this.baseLr, this.milestones, this.gamma, this.lastEpoch);
  }
}

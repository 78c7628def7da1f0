/** `paddle.optimizer.lr.LinearLR` (spec §13.2): a linear ramp of the rate's factor. */
import { ValueError } from '../../errors.js';
import { checkOptions } from '../../options.js';
import { requireNumber } from './checks.js';
import { LR_SCHEDULER_OPTION_KEYS, LRScheduler, type LRSchedulerOptions } from './lr-scheduler.js';
import { pyRepr } from './py-math.js';

export interface LinearLROptions extends LRSchedulerOptions {
  /** The first rate is `learningRate · startFactor`; in (0, 1]. Default 1/3. */
  startFactor?: number;
  /** The rate reached after `totalSteps`: `learningRate · endFactor`; in [0, 1]. Default 1.0. */
  endFactor?: number;
}

/**
 * Recursive, as in Paddle: e = 0 → `base_lr · start`; e > total → the previous rate; else
 * `last_lr · (1 + (end − start) / (total·start + (e − 1)·(end − start)))`. There is no closed
 * form, so `step(epoch)` applies one recursion step at the new epoch, not a jump (Paddle's too).
 *
 * @example
 * ```ts
 * const scheduler = new paddle.optimizer.lr.LinearLR(0.5, 4, { startFactor: 0.5, endFactor: 1 });
 * // scheduler.call() in epochs 0, 1, 2, …: 0.25, 0.3125, 0.375, 0.4375, 0.5
 * scheduler.step(); // once per epoch
 * ```
 */
export class LinearLR extends LRScheduler {
  /** The `totalSteps` this LinearLR was built with (Paddle's `total_steps`). */
  readonly totalSteps: number;
  /** The `startFactor` this LinearLR was built with (Paddle's `start_factor`). */
  readonly startFactor: number;
  /** The `endFactor` this LinearLR was built with (Paddle's `end_factor`). */
  readonly endFactor: number;

  /**
   * Creates the scheduler (and, as Paddle, takes its first step).
   * @param learningRate - The initial learning rate, a finite number ≥ 0 (Paddle's `learning_rate`).
   * @param totalSteps - The steps over which the factor goes from start to end, > 0 (Paddle's `total_steps`).
   * @param options - `startFactor` (Paddle's `start_factor`, default 1/3), `endFactor` (Paddle's `end_factor`, default 1.0), `lastEpoch` (Paddle's `last_epoch`, default -1), `verbose` (default `false`).
   * @throws {@link errors.TypeError} when `learningRate`/`totalSteps`/`startFactor`/`endFactor` is not a number, `lastEpoch`/`verbose` has the wrong type, or an option is unknown; {@link errors.ValueError} when `learningRate` is negative or not finite, `startFactor` is not in (0, 1], `endFactor` is not in [0, 1], or `totalSteps` is not positive.
   */
  constructor(learningRate: number, totalSteps: number, options: LinearLROptions = {}) {
    const {
      startFactor = 1.0 / 3,
      endFactor = 1.0,
      ...base
    } = checkOptions('LinearLR', options, ['startFactor', 'endFactor', ...LR_SCHEDULER_OPTION_KEYS]);
    requireNumber('LinearLR', 'start_factor', startFactor);
    requireNumber('LinearLR', 'end_factor', endFactor);
    requireNumber('LinearLR', 'total_steps', totalSteps);
    if (startFactor > 1.0 || startFactor <= 0) {
      throw new ValueError(
        `\`start_factor\` must be greater than 0 and less or equal to 1, but got ${pyRepr(startFactor)}`,
      );
    }
    if (endFactor > 1.0 || endFactor < 0) {
      throw new ValueError(`\`end_factor\` must be greater than 0 and less than 1, but got ${pyRepr(endFactor)}`);
    }
    if (totalSteps <= 0) throw new ValueError(`\`total_steps\` must be greater than 0, but got ${pyRepr(totalSteps)}`);
    super(learningRate, base);
    this.totalSteps = totalSteps;
    this.startFactor = startFactor;
    this.endFactor = endFactor;
    if (new.target === LinearLR) this.step();
  }

  /**
   * Paddle's recursive form: `baseLr · startFactor` at epoch 0, then the ramp towards `baseLr · endFactor` over `totalSteps` steps, then constant.
   * @returns The learning rate at `lastEpoch`.
   */
  override getLr(): number {
    const e = this.lastEpoch;
    if (e === 0) return this.baseLr * this.startFactor;
    if (e > this.totalSteps) return this.lastLr;
    const rampStart = this.totalSteps * this.startFactor;
    const slope = this.endFactor - this.startFactor;
    return this.lastLr * (1.0 + slope / (rampStart + (e - 1) * slope));
  }
}

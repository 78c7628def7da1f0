/** `paddle.optimizer.lr.StepDecay` (spec §13.2). */
import { TypeError as PaddleTypeError, ValueError, pyTypeName } from '../../errors.js';
import { checkOptions } from '../../options.js';
import { assertArg, requireNumber } from './checks.js';
import { LR_SCHEDULER_OPTION_KEYS, LRScheduler, type LRSchedulerOptions } from './lr-scheduler.js';
import { floorDiv, pow } from './py-math.js';

export interface StepDecayOptions extends LRSchedulerOptions {
  /** Default 0.1; must be < 1. */
  gamma?: number;
}

/** `lr = base_lr · gamma^(e // step_size)`. * @param baseLr - The initial rate (Paddle's `learning_rate`).
 * @param stepSize - The epochs between drops (Paddle's `step_size`).
 * @param gamma - The factor of each drop (Paddle's `gamma`).
 * @param epoch - The epoch e (Paddle's `epoch`).
 * @returns The rate at epoch e.
 */
export function stepDecayLr(baseLr: number, stepSize: number, gamma: number, epoch: number): number {
  return baseLr * pow(gamma, floorDiv(epoch, stepSize));
}

/**
 * `paddle.optimizer.lr.StepDecay(learning_rate, step_size, gamma=0.1, last_epoch=-1,
 * verbose=False)`: the rate times `gamma` every `step_size` epochs,
 * `lr = learning_rate * gamma ** floor(epoch / step_size)`.
 *
 * @example
 * ```ts
 * const scheduler = new paddle.optimizer.lr.StepDecay(0.5, 5, { gamma: 0.8 });
 * scheduler.call(); // 0.5; after 5 step() calls, 0.4
 * ```
 */
export class StepDecay extends LRScheduler {
  /** The `stepSize` this StepDecay was built with (Paddle's `step_size`). */
  readonly stepSize: number;
  /** The `gamma` this StepDecay was built with (Paddle's `gamma`). */
  readonly gamma: number;

  /**
   * Creates the scheduler (and, as Paddle, takes its first step).
   * @param learningRate - The initial learning rate, a finite number ≥ 0 (Paddle's `learning_rate`).
   * @param stepSize - The epochs between decays, a positive integer (Paddle's `step_size`).
   * @param options - `gamma` (default 0.1, < 1), `lastEpoch` (Paddle's `last_epoch`, default -1), `verbose` (default `false`).
   * @throws {@link errors.TypeError} when `learningRate`/`gamma` is not a number, `stepSize` is not an integer, `lastEpoch`/`verbose` has the wrong type, or an option is unknown; {@link errors.ValueError} when `learningRate` is negative or not finite, or `gamma` ≥ 1; {@link errors.AssertionError} when `stepSize` is not positive.
   */
  constructor(learningRate: number, stepSize: number, options: StepDecayOptions = {}) {
    const { gamma = 0.1, ...base } = checkOptions('StepDecay', options, ['gamma', ...LR_SCHEDULER_OPTION_KEYS]);
    if (typeof stepSize !== 'number' || !Number.isInteger(stepSize)) {
      throw new PaddleTypeError(
        `The type of 'step_size' must be 'int', but received ${pyTypeName(stepSize)}.`,
      );
    }
    requireNumber('StepDecay', 'gamma', gamma);
    if (gamma >= 1.0) throw new ValueError('gamma should be < 1.0.');
    assertArg(stepSize > 0, "'step_size' must be a positive integer", stepSize);
    super(learningRate, base);
    this.stepSize = stepSize;
    this.gamma = gamma;
    if (new.target === StepDecay) this.step();
  }

  /**
   * `baseLr · gamma^(lastEpoch // stepSize)`.
   * @returns The learning rate at `lastEpoch`.
   */
  override getLr(): number {
    return stepDecayLr(this.baseLr, this.stepSize, this.gamma, this.lastEpoch);
  }
}

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

/** `lr = base_lr · gamma^(e // step_size)`. */
export function stepDecayLr(baseLr: number, stepSize: number, gamma: number, epoch: number): number {
  return baseLr * pow(gamma, floorDiv(epoch, stepSize));
}

export class StepDecay extends LRScheduler {
  /** The `stepSize` this StepDecay was built with (Paddle's `step_size`). */
  readonly stepSize: number;
  /** The `gamma` this StepDecay was built with (Paddle's `gamma`). */
  readonly gamma: number;

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

  override getLr(): number {
    return stepDecayLr(this.baseLr, this.stepSize, this.gamma, this.lastEpoch);
  }
}

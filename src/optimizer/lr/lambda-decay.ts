/** `paddle.optimizer.lr.LambdaDecay` (spec §13.2). */
import { checkOptions } from '../../options.js';
import { callNumberFunction, requireFunction } from './checks.js';
import { LR_SCHEDULER_OPTION_KEYS, LRScheduler, type LRSchedulerOptions } from './lr-scheduler.js';

/** Optional arguments of {@link optimizer.lr.LambdaDecay} (Paddle's `last_epoch`, `verbose`). */
export type LambdaDecayOptions = LRSchedulerOptions;

export class LambdaDecay extends LRScheduler {
  /** The `lrLambda` this LambdaDecay was built with (Paddle's `lr_lambda`). */
  readonly lrLambda: (epoch: number) => number;

  /** `lr = base_lr · lrLambda(e)`; `lrLambda` must return a number (checked at each step). */
  constructor(learningRate: number, lrLambda: (epoch: number) => number, options: LambdaDecayOptions = {}) {
    const base = checkOptions('LambdaDecay', options, LR_SCHEDULER_OPTION_KEYS);
    requireFunction('LambdaDecay', 'lr_lambda', lrLambda);
    super(learningRate, base);
    this.lrLambda = lrLambda;
    if (new.target === LambdaDecay) this.step();
  }

  override getLr(): number {
    return this.baseLr * callNumberFunction('LambdaDecay', 'lr_lambda', this.lrLambda, this.lastEpoch);
  }
}

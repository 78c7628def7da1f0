/** `paddle.optimizer.lr.MultiplicativeDecay` (spec §13.2). */
import { checkOptions } from '../../options.js';
import { callNumberFunction, requireFunction } from './checks.js';
import { LR_SCHEDULER_OPTION_KEYS, LRScheduler, type LRSchedulerOptions } from './lr-scheduler.js';

/** Optional arguments of {@link optimizer.lr.MultiplicativeDecay} (Paddle's `last_epoch`, `verbose`). */
export type MultiplicativeDecayOptions = LRSchedulerOptions;

export class MultiplicativeDecay extends LRScheduler {
  /** The `lrLambda` this MultiplicativeDecay was built with (Paddle's `lr_lambda`). */
  readonly lrLambda: (epoch: number) => number;

  /**
   * `lr = base_lr · lrLambda(1) · lrLambda(2) · … · lrLambda(e)`, recomputed from the base rate at
   * every step as Paddle does (so `step(epoch)` agrees with stepping there one by one).
   */
  constructor(learningRate: number, lrLambda: (epoch: number) => number, options: MultiplicativeDecayOptions = {}) {
    const base = checkOptions('MultiplicativeDecay', options, LR_SCHEDULER_OPTION_KEYS);
    requireFunction('MultiplicativeDecay', 'lr_lambda', lrLambda);
    super(learningRate, base);
    this.lrLambda = lrLambda;
    if (new.target === MultiplicativeDecay) this.step();
  }

  override getLr(): number {
    let lr = this.baseLr;
    for (let epoch = 1; epoch <= this.lastEpoch; epoch++) {
      lr = lr * callNumberFunction('MultiplicativeDecay', 'lr_lambda', this.lrLambda, epoch);
    }
    return lr;
  }
}

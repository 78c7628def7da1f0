/** `paddle.optimizer.lr.MultiplicativeDecay` (spec §13.2). */
import { TypeError as PaddleTypeError, pyTypeName } from '../../errors.js';
import { checkOptions } from '../../options.js';
import { callNumberFunction } from './checks.js';
import { LR_SCHEDULER_OPTION_KEYS, LRScheduler, type LRSchedulerOptions } from './lr-scheduler.js';

export type MultiplicativeDecayOptions = LRSchedulerOptions;

export class MultiplicativeDecay extends LRScheduler {
  readonly lrLambda: (epoch: number) => number;

  /**
   * `lr = base_lr · lrLambda(1) · lrLambda(2) · … · lrLambda(e)`, recomputed from the base rate at
   * every step as Paddle does (so `step(epoch)` agrees with stepping there one by one).
   */
  constructor(learningRate: number, lrLambda: (epoch: number) => number, options: MultiplicativeDecayOptions = {}) {
    const base = checkOptions('MultiplicativeDecay', options, LR_SCHEDULER_OPTION_KEYS);
    if (typeof lrLambda !== 'function') {
      throw new PaddleTypeError(
        `The type of 'lr_lambda' in 'MultiplicativeDecay' must be 'function', but received ${pyTypeName(lrLambda)}.`,
      );
    }
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

/** `paddle.optimizer.lr.MultiplicativeDecay` (spec §13.2). */
import { checkOptions } from '../../options.js';
import { callNumberFunction, requireFunction } from './checks.js';
import { LR_SCHEDULER_OPTION_KEYS, LRScheduler, type LRSchedulerOptions } from './lr-scheduler.js';

/** Optional arguments of {@link optimizer.lr.MultiplicativeDecay} (Paddle's `last_epoch`, `verbose`). */
export type MultiplicativeDecayOptions = LRSchedulerOptions;

/**
 * `paddle.optimizer.lr.MultiplicativeDecay(learning_rate, lr_lambda, last_epoch=-1,
 * verbose=False)`: each epoch multiplies the previous rate by `lr_lambda(epoch)`.
 *
 * @example
 * ```ts
 * const scheduler = new paddle.optimizer.lr.MultiplicativeDecay(0.5, () => 0.9);
 * // scheduler.call() in epochs 0, 1, 2, …: 0.5, 0.45, 0.405
 * scheduler.step(); // once per epoch
 * ```
 */
export class MultiplicativeDecay extends LRScheduler {
  /** The `lrLambda` this MultiplicativeDecay was built with (Paddle's `lr_lambda`). */
  readonly lrLambda: (epoch: number) => number;

  /**
   * `lr = base_lr · lrLambda(1) · lrLambda(2) · … · lrLambda(e)`, recomputed from the base rate at
   * every step as Paddle does (so `step(epoch)` agrees with stepping there one by one).
   */
  /**
   * Creates the scheduler (and, as Paddle, takes its first step).
   * @param learningRate - The initial learning rate, a finite number ≥ 0 (Paddle's `learning_rate`).
   * @param lrLambda - Maps an epoch to the factor applied to the previous rate (Paddle's `lr_lambda`).
   * @param options - `lastEpoch` (Paddle's `last_epoch`, default -1), `verbose` (default `false`).
   * @throws {@link errors.TypeError} when `learningRate` is not a number, `lrLambda` is not a function, `lastEpoch`/`verbose` has the wrong type, or an option is unknown; {@link errors.ValueError} when `learningRate` is negative or not finite.
   */
  constructor(learningRate: number, lrLambda: (epoch: number) => number, options: MultiplicativeDecayOptions = {}) {
    const base = checkOptions('MultiplicativeDecay', options, LR_SCHEDULER_OPTION_KEYS);
    requireFunction('MultiplicativeDecay', 'lr_lambda', lrLambda);
    super(learningRate, base);
    this.lrLambda = lrLambda;
    if (new.target === MultiplicativeDecay) this.step();
  }

  /**
   * `baseLr · Π lrLambda(e)` over e = 1 … `lastEpoch`.
   * @returns The learning rate at `lastEpoch`.
   * @throws {@link errors.TypeError} when `lrLambda` does not return a number; what `lrLambda` throws.
   */
  override getLr(): number {
    let lr = this.baseLr;
    for (let epoch = 1; epoch <= this.lastEpoch; epoch++) {
      lr = lr * callNumberFunction('MultiplicativeDecay', 'lr_lambda', this.lrLambda, epoch);
    }
    return lr;
  }
}

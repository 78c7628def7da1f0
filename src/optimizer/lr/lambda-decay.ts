/** `paddle.optimizer.lr.LambdaDecay` (spec §13.2). */
import { checkOptions } from '../../options.js';
import { callNumberFunction, requireFunction } from './checks.js';
import { LR_SCHEDULER_OPTION_KEYS, LRScheduler, type LRSchedulerOptions } from './lr-scheduler.js';

/** Optional arguments of {@link optimizer.lr.LambdaDecay} (Paddle's `last_epoch`, `verbose`). */
export type LambdaDecayOptions = LRSchedulerOptions;

/**
 * `paddle.optimizer.lr.LambdaDecay(learning_rate, lr_lambda, last_epoch=-1, verbose=False)`:
 * `lr = learning_rate * lr_lambda(epoch)`.
 *
 * @example
 * ```ts
 * const scheduler = new paddle.optimizer.lr.LambdaDecay(0.5, (epoch) => 0.95 ** epoch);
 * // scheduler.call() in epochs 0, 1, 2, …: 0.5, 0.475, 0.45125
 * scheduler.step(); // once per epoch
 * ```
 */
export class LambdaDecay extends LRScheduler {
  /** The `lrLambda` this LambdaDecay was built with (Paddle's `lr_lambda`). */
  readonly lrLambda: (epoch: number) => number;

  /**
   * Creates the scheduler (and, as Paddle, takes its first step). `lr = base_lr · lrLambda(e)`; `lrLambda` must return a number (checked at each step).
   * @param learningRate - The initial learning rate, a finite number ≥ 0 (Paddle's `learning_rate`).
   * @param lrLambda - Maps an epoch to the factor applied to `learningRate` (Paddle's `lr_lambda`).
   * @param options - `lastEpoch` (Paddle's `last_epoch`, default -1), `verbose` (default `false`).
   * @throws {@link errors.TypeError} when `learningRate` is not a number, `lrLambda` is not a function, `lastEpoch`/`verbose` has the wrong type, or an option is unknown; {@link errors.ValueError} when `learningRate` is negative or not finite.
   */
  constructor(learningRate: number, lrLambda: (epoch: number) => number, options: LambdaDecayOptions = {}) {
    const base = checkOptions('LambdaDecay', options, LR_SCHEDULER_OPTION_KEYS);
    requireFunction('LambdaDecay', 'lr_lambda', lrLambda);
    super(learningRate, base);
    this.lrLambda = lrLambda;
    if (new.target === LambdaDecay) this.step();
  }

  /**
   * `baseLr · lrLambda(lastEpoch)`.
   * @returns The learning rate at `lastEpoch`.
   * @throws {@link errors.TypeError} when `lrLambda` does not return a number; what `lrLambda` throws.
   */
  override getLr(): number {
    return this.baseLr * callNumberFunction('LambdaDecay', 'lr_lambda', this.lrLambda, this.lastEpoch);
  }
}

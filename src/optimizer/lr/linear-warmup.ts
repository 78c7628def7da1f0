/** `paddle.optimizer.lr.LinearWarmup` (spec §13.2): a linear ramp before a rate or another scheduler. */
import { AssertionError, KeyError, TypeError as PaddleTypeError } from '../../errors.js';
import { checkOptions } from '../../options.js';
import { assertArg, requireNumber } from './checks.js';
import {
  LR_SCHEDULER_OPTION_KEYS,
  LRScheduler,
  isLRScheduler,
  type LRSchedulerOptions,
  type LRStateDict,
} from './lr-scheduler.js';
import { pyStr } from './py-math.js';

/** Optional arguments of {@link optimizer.lr.LinearWarmup} (Paddle's `last_epoch`, `verbose`). */
export type LinearWarmupOptions = LRSchedulerOptions;

/** The key under which `stateDict()` nests the wrapped scheduler's state. */
const NESTED_KEY = 'LinearWarmup_LR';

/** The warm-up ramp: `(end_lr − start_lr) · e / warmup_steps + start_lr`, for `e < warmup_steps`. * @param startLr - The rate at epoch 0 (Paddle's `start_lr`).
 * @param endLr - The rate at the end of the warm-up (Paddle's `end_lr`).
 * @param warmupSteps - The warm-up length (Paddle's `warmup_steps`).
 * @param epoch - The epoch e, < `warmupSteps`.
 * @returns The rate at epoch e.
 */
export function linearWarmupLr(startLr: number, endLr: number, warmupSteps: number, epoch: number): number {
  return ((endLr - startLr) * epoch) / warmupSteps + startLr;
}

/**
 * `paddle.optimizer.lr.LinearWarmup(learning_rate, warmup_steps, start_lr, end_lr, last_epoch=-1,
 * verbose=False)`: a linear ramp from `start_lr` to `end_lr` over `warmup_steps`, then
 * `learning_rate` (a number, or a scheduler that then runs on).
 *
 * @example
 * ```ts
 * const scheduler = new paddle.optimizer.lr.LinearWarmup(0.5, 3, 0, 0.5);
 * // scheduler.call() in epochs 0, 1, 2, …: 0, 0.166667, 0.333333, 0.5
 * scheduler.step(); // once per epoch
 * ```
 */
export class LinearWarmup extends LRScheduler {
  /** What follows the warm-up: a fixed rate, or a scheduler stepped to `e − warmupSteps`. */
  readonly learningRate: number | LRScheduler;
  /** The `warmupSteps` this LinearWarmup was built with (Paddle's `warmup_steps`). */
  readonly warmupSteps: number;
  /** The `startLr` this LinearWarmup was built with (Paddle's `start_lr`). */
  readonly startLr: number;
  /** The `endLr` this LinearWarmup was built with (Paddle's `end_lr`). */
  readonly endLr: number;

  /**
   * Creates the scheduler (and, as Paddle, takes its first step). `baseLr` is `startLr` (Paddle passes it to the base constructor).
   * @param learningRate - The rate after warm-up: a number or an LRScheduler that takes over (Paddle's `learning_rate`).
   * @param warmupSteps - The warm-up steps, a positive integer (Paddle's `warmup_steps`).
   * @param startLr - The rate at step 0 (Paddle's `start_lr`).
   * @param endLr - The rate at the end of warm-up, > `startLr` (Paddle's `end_lr`).
   * @param options - `lastEpoch` (Paddle's `last_epoch`, default -1), `verbose` (default `false`).
   * @throws {@link errors.TypeError} when `learningRate` is neither a number nor an LRScheduler, `warmupSteps`/`startLr`/`endLr` is not a number, `lastEpoch`/`verbose` has the wrong type, or an option is unknown; {@link errors.AssertionError} when `warmupSteps` is not a positive integer or `endLr` ≤ `startLr`; {@link errors.ValueError} when `startLr` is negative or not finite.
   */
  constructor(
    learningRate: number | LRScheduler,
    warmupSteps: number,
    startLr: number,
    endLr: number,
    options: LinearWarmupOptions = {},
  ) {
    const base = checkOptions('LinearWarmup', options, LR_SCHEDULER_OPTION_KEYS);
    if (typeof learningRate !== 'number' && !isLRScheduler(learningRate)) {
      throw new PaddleTypeError(
        `the type of learning_rate should be [int, float or LRScheduler], the current type is ${pyStr(learningRate)}`,
      );
    }
    requireNumber('LinearWarmup', 'warmup_steps', warmupSteps);
    assertArg(
      warmupSteps > 0 && Number.isInteger(warmupSteps),
      "'warmup_steps' must be a positive integer",
      warmupSteps,
    );
    requireNumber('LinearWarmup', 'start_lr', startLr);
    requireNumber('LinearWarmup', 'end_lr', endLr);
    if (!(endLr > startLr)) {
      throw new AssertionError(`end_lr ${pyStr(endLr)} must be greater than start_lr ${pyStr(startLr)}`);
    }
    super(startLr, base);
    this.learningRate = learningRate;
    this.warmupSteps = warmupSteps;
    this.startLr = startLr;
    this.endLr = endLr;
    if (new.target === LinearWarmup) this.step();
  }

  /**
   * During the warm-up, the ramp; after it, the fixed rate or the wrapped scheduler's (stepping it).
   * @returns The learning rate at `lastEpoch`.
   * @throws What the wrapped scheduler's `step` throws.
   */
  override getLr(): number {
    if (this.lastEpoch < this.warmupSteps) {
      return linearWarmupLr(this.startLr, this.endLr, this.warmupSteps, this.lastEpoch);
    }
    if (typeof this.learningRate === 'number') return this.learningRate;
    this.learningRate.step(this.lastEpoch - this.warmupSteps);
    return this.learningRate.call();
  }

  /**
   * The base state plus, for a wrapped scheduler, its state under `LinearWarmup_LR`.
   * @returns A new object `{ last_epoch, last_lr, … }`, with `LinearWarmup_LR` for a wrapped scheduler.
   * @throws {@link errors.AssertionError} when a state value is a Tensor of more than one element.
   */
  override stateDict(): LRStateDict {
    const stateDict = super.stateDict();
    if (isLRScheduler(this.learningRate)) stateDict[NESTED_KEY] = this.learningRate.stateDict();
    return stateDict;
  }

  /**
   * Throws what `setStateDict` would throw for `stateDict`, changing nothing (the wrapped scheduler's state included).
   * @param stateDict - A state dict, as `stateDict()` returns it.
   * @throws {@link errors.TypeError} when `stateDict` is not an object or a value is not a number; {@link errors.RuntimeError} when a key is missing; {@link errors.KeyError} when `LinearWarmup_LR` is missing for a wrapped scheduler.
   */
  override checkStateDict(stateDict: LRStateDict): void {
    super.checkStateDict(stateDict);
    if (!isLRScheduler(this.learningRate)) return;
    if (!Object.hasOwn(stateDict, NESTED_KEY)) throw new KeyError(`'${NESTED_KEY}'`);
    this.learningRate.checkStateDict(stateDict[NESTED_KEY] as LRStateDict);
  }

  /**
   * Restores the base state and the wrapped scheduler's. The base class warns about the extra
   * `LinearWarmup_LR` entry, as Paddle's does.
   * @param stateDict - A state dict, as `stateDict()` returns it (Paddle's `state_dict`).
   * @throws {@link errors.TypeError} when `stateDict` is not an object or a value is not a number; {@link errors.RuntimeError} when a key is missing; {@link errors.KeyError} when `LinearWarmup_LR` is missing for a wrapped scheduler. Nothing changes when it throws.
   */
  override setStateDict(stateDict: LRStateDict): void {
    this.checkStateDict(stateDict);
    super.setStateDict(stateDict);
    if (isLRScheduler(this.learningRate)) {
      this.learningRate.setStateDict(stateDict[NESTED_KEY] as LRStateDict);
    }
  }
}

/** `paddle.optimizer.lr.ReduceOnPlateau` (spec §13.2): cut the rate when a metric stops improving. */
import { AssertionError, TypeError as PaddleTypeError, ValueError, pyTypeName } from '../../errors.js';
import { checkOptions } from '../../options.js';
import { checkEpoch, requireNumber, requireString } from './checks.js';
import { LRScheduler, isScalarTensorLike, type ScalarTensorLike } from './lr-scheduler.js';
import { pyMax } from './py-math.js';

/**
 * Optional arguments of {@link optimizer.lr.ReduceOnPlateau} (Paddle's `mode`, `factor`,
 * `patience`, `threshold`, `threshold_mode`, `cooldown`, `min_lr`, `epsilon`, `verbose`).
 */
export interface ReduceOnPlateauOptions {
  /** `'min'`: reduce when the metric stops falling; `'max'`: when it stops rising. Default `'min'`. */
  mode?: string;
  /** The rate is multiplied by this; must be < 1. Default 0.1. */
  factor?: number;
  /** Epochs without improvement tolerated before reducing. Default 10. */
  patience?: number;
  /** The least change that counts as improvement. Default 1e-4. */
  threshold?: number;
  /** `'rel'` (threshold relative to the best) or `'abs'`. Default `'rel'`. */
  thresholdMode?: string;
  /** Epochs to wait after a reduction before counting again. Default 0. */
  cooldown?: number;
  /** The floor of the rate. Default 0. */
  minLr?: number;
  /** Reductions smaller than this are skipped. Default 1e-8. */
  epsilon?: number;
  /** Print Paddle's line when the rate is reduced. Default false. */
  verbose?: boolean;
}

/** A metric: a number, or a one-element tensor (read with `item()`). */
export type Metric = number | ScalarTensorLike;

const OPTION_KEYS = [
  'mode',
  'factor',
  'patience',
  'threshold',
  'thresholdMode',
  'cooldown',
  'minLr',
  'epsilon',
  'verbose',
] as const;

/**
 * Whether `current` improves on `best` (Paddle's `_is_better`): for 'min'/'rel'
 * `current < best − best·threshold`, 'min'/'abs' `current < best − threshold`, and the mirror
 * images for 'max'.
 * @param mode - `'min'` or `'max'` (Paddle's `mode`).
 * @param thresholdMode - `'rel'` or `'abs'` (Paddle's `threshold_mode`).
 * @param threshold - The margin (Paddle's `threshold`).
 * @param current - The new metric.
 * @param best - The best metric so far.
 * @returns Whether `current` improves on `best` by more than the margin.
 */
export function isBetter(
  mode: 'min' | 'max',
  thresholdMode: 'rel' | 'abs',
  threshold: number,
  current: number,
  best: number,
): boolean {
  if (mode === 'min' && thresholdMode === 'rel') return current < best - best * threshold;
  if (mode === 'min') return current < best - threshold;
  if (thresholdMode === 'rel') return current > best + best * threshold;
  return current > best + threshold;
}

/**
 * Unlike the other schedulers it has no `lastEpoch` option and takes no step at construction
 * (`lastEpoch` starts at 0), does not check the sign of the learning rate, and is stepped with the
 * metric: `step(metrics, epoch?)`.
 *
 * Differences from Paddle, both only visible with tensors: a tensor metric is read as a float64
 * number with `item()`, so comparisons happen in float64 (Paddle compares a float32 tensor in
 * float32), and `best` holds that number rather than the tensor.
 *
 * @example
 * ```ts
 * const scheduler = new paddle.optimizer.lr.ReduceOnPlateau(0.5, { patience: 1, factor: 0.5 });
 * for (const loss of [1.0, 0.9, 0.9, 0.9, 0.9]) scheduler.step(loss);
 * // the rate after each step: 0.5, 0.5, 0.5, 0.25, 0.25
 * ```
 */
export class ReduceOnPlateau extends LRScheduler {
  /** The `mode` this ReduceOnPlateau was built with (Paddle's `mode`). */
  readonly mode: 'min' | 'max';
  /** The `factor` this ReduceOnPlateau was built with (Paddle's `factor`). */
  readonly factor: number;
  /** The `patience` this ReduceOnPlateau was built with (Paddle's `patience`). */
  readonly patience: number;
  /** The `threshold` this ReduceOnPlateau was built with (Paddle's `threshold`). */
  readonly threshold: number;
  /** The `thresholdMode` this ReduceOnPlateau was built with (Paddle's `threshold_mode`). */
  readonly thresholdMode: 'rel' | 'abs';
  /** The `cooldown` this ReduceOnPlateau was built with (Paddle's `cooldown`). */
  readonly cooldown: number;
  /** The `minLr` this ReduceOnPlateau was built with (Paddle's `min_lr`). */
  readonly minLr: number;
  /** The `epsilon` this ReduceOnPlateau was built with (Paddle's `epsilon`). */
  readonly epsilon: number;
  /** Epochs left of the cool-down after a reduction (Paddle's `cooldown_counter`). */
  cooldownCounter = 0;
  /** The best metric so far; null before the first step. */
  best: number | null = null;
  /** Epochs in a row without improvement (Paddle's `num_bad_epochs`). */
  numBadEpochs = 0;

  /**
   * Creates the scheduler (it starts at `learningRate`, epoch 0).
   * @param learningRate - The initial learning rate (Paddle's `learning_rate`).
   * @param options - `mode` (`'min'` default or `'max'`), `factor` (default 0.1, < 1), `patience` (default 10), `threshold` (default 1e-4), `thresholdMode` (Paddle's `threshold_mode`: `'rel'` default or `'abs'`), `cooldown` (default 0), `minLr` (Paddle's `min_lr`, default 0), `epsilon` (default 1e-8), `verbose` (default `false`).
   * @throws {@link errors.TypeError} when `learningRate` or a numeric option is not a number, `mode`/`thresholdMode` is not a string, `verbose` is not a boolean, or an option is unknown; {@link errors.ValueError} when `mode` or `thresholdMode` is unknown, or `factor` ≥ 1.
   */
  constructor(learningRate: number, options: ReduceOnPlateauOptions = {}) {
    const {
      mode = 'min',
      factor = 0.1,
      patience = 10,
      threshold = 1e-4,
      thresholdMode = 'rel',
      cooldown = 0,
      minLr = 0,
      epsilon = 1e-8,
      verbose = false,
    } = checkOptions('ReduceOnPlateau', options, OPTION_KEYS);
    requireString('ReduceOnPlateau', 'mode', mode);
    const lowerMode = mode.toLowerCase();
    if (lowerMode !== 'min' && lowerMode !== 'max') throw new ValueError(`mode: ${lowerMode} is unknown!`);
    requireNumber('ReduceOnPlateau', 'factor', factor);
    if (factor >= 1.0) throw new ValueError('new_lr = origin_lr * gamma and gamma should be < 1.0.');
    requireString('ReduceOnPlateau', 'threshold_mode', thresholdMode);
    const lowerThresholdMode = thresholdMode.toLowerCase();
    if (lowerThresholdMode !== 'rel' && lowerThresholdMode !== 'abs') {
      throw new ValueError(`threshold mode: ${lowerThresholdMode} is unknown!`);
    }
    if (typeof learningRate !== 'number') {
      throw new PaddleTypeError(
        `The type of 'learning_rate' in 'ReduceOnPlateau' must be 'float', but received ${pyTypeName(learningRate)}.`,
      );
    }
    requireNumber('ReduceOnPlateau', 'patience', patience);
    requireNumber('ReduceOnPlateau', 'threshold', threshold);
    requireNumber('ReduceOnPlateau', 'cooldown', cooldown);
    requireNumber('ReduceOnPlateau', 'min_lr', minLr);
    requireNumber('ReduceOnPlateau', 'epsilon', epsilon);
    // Paddle does not call the base constructor here (no negative-rate check, no initial step):
    // build the base from neutral values and set the fields as Paddle's __init__ does.
    super(0, { lastEpoch: 0, verbose });
    this.baseLr = learningRate;
    this.lastLr = learningRate;
    this.mode = lowerMode;
    this.factor = factor;
    this.patience = patience;
    this.threshold = threshold;
    this.thresholdMode = lowerThresholdMode;
    this.cooldown = cooldown;
    this.minLr = minLr;
    this.epsilon = epsilon;
  }

  /**
   * The keys `stateDict()` saves (Paddle's `keys`).
   * @returns `['cooldown_counter', 'best', 'num_bad_epochs', 'last_epoch', 'last_lr']`.
   */
  override stateKeys(): string[] {
    return ['cooldown_counter', 'best', 'num_bad_epochs', 'last_epoch', 'last_lr'];
  }

  protected override checkStateValue(key: string, value: unknown): void {
    if (key === 'best' && value === null) return;
    super.checkStateValue(key, value);
  }

  /**
   * Feeds one metric (a number, or a one-element tensor) and advances to `epoch` (default: the
   * next one). During a cooldown the metric is ignored. The metric is checked before anything
   * changes (Paddle advances the epoch first).
   * @param metrics - The monitored value: a number, or a one-element Tensor (Paddle's `metrics`).
   * @param epoch - The epoch to record (Paddle's `epoch`); omitted/`null`: `lastEpoch + 1`.
   * @throws {@link errors.TypeError} when `metrics` is neither a number nor a Tensor, or `epoch` is neither a number nor `null`; {@link errors.AssertionError} when `metrics` is a Tensor of more than one element.
   */
  override step(metrics: Metric | null | undefined, epoch?: number | null): void {
    const current = readMetric(metrics);
    checkEpoch(epoch);
    this.lastEpoch = epoch ?? this.lastEpoch + 1;
    if (this.cooldownCounter > 0) {
      this.cooldownCounter -= 1;
      return;
    }
    if (this.best === null || isBetter(this.mode, this.thresholdMode, this.threshold, current, this.best)) {
      this.best = current;
      this.numBadEpochs = 0;
    } else {
      this.numBadEpochs += 1;
    }
    if (this.numBadEpochs > this.patience) {
      this.cooldownCounter = this.cooldown;
      this.numBadEpochs = 0;
      const newLr = pyMax(this.lastLr * this.factor, this.minLr);
      if (this.lastLr - newLr > this.epsilon) {
        this.lastLr = newLr;
        this.announce();
      }
    }
  }
}

function readMetric(metrics: unknown): number {
  if (typeof metrics === 'number') return metrics;
  if (isScalarTensorLike(metrics)) {
    if (metrics.numel !== 1) {
      throw new AssertionError(
        `the size of metrics must be 1, but the current metrics.size is ${metrics.numel}. Maybe that you should call paddle.mean to process it first.`,
      );
    }
    return Number(metrics.item());
  }
  throw new PaddleTypeError(
    `metrics must be 'int', 'float', 'np.float64', 'numpy.ndarray' or 'paddle.Tensor', but receive ${pyTypeName(metrics)}`,
  );
}

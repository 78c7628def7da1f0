/** `paddle.optimizer.lr.PiecewiseDecay` (spec §13.2), and its older name `PiecewiseLR`. */
import { ValueError } from '../../errors.js';
import { checkOptions } from '../../options.js';
import { requireNumberList } from './checks.js';
import { LR_SCHEDULER_OPTION_KEYS, LRScheduler, type LRSchedulerOptions } from './lr-scheduler.js';

/** Optional arguments of {@link optimizer.lr.PiecewiseDecay} (Paddle's `last_epoch`, `verbose`). */
export type PiecewiseDecayOptions = LRSchedulerOptions;

/**
 * `values[i]` for the first `i` with `epoch < boundaries[i]`, else the *last* value (even when
 * `values` has more than `boundaries.length + 1` entries).
 * @param boundaries - The increasing epochs at which the rate changes (Paddle's `boundaries`).
 * @param values - The rate of each interval (Paddle's `values`).
 * @param epoch - The epoch e (Paddle's `epoch`).
 * @returns The rate at epoch e.
 */
export function piecewiseDecayLr(
  boundaries: readonly number[],
  values: readonly number[],
  epoch: number,
): number {
  for (let i = 0; i < boundaries.length; i++) {
    if (epoch < (boundaries[i] as number)) return values[i] as number;
  }
  return values[values.length - 1] as number;
}

/**
 * `paddle.optimizer.lr.PiecewiseDecay(boundaries, values, last_epoch=-1, verbose=False)`:
 * `values[i]` until epoch `boundaries[i]`, then the next value.
 *
 * @example
 * ```ts
 * const scheduler = new paddle.optimizer.lr.PiecewiseDecay([2, 4], [0.5, 0.1, 0.01]);
 * // scheduler.call() in epochs 0, 1, 2, …: 0.5, 0.5, 0.1, 0.1, 0.01
 * scheduler.step(); // once per epoch
 * ```
 */
export class PiecewiseDecay extends LRScheduler {
  /** The `boundaries` this PiecewiseDecay was built with (Paddle's `boundaries`). */
  readonly boundaries: readonly number[];
  /** The `values` this PiecewiseDecay was built with (Paddle's `values`). */
  readonly values: readonly number[];

  /**
   * Creates the scheduler (and, as Paddle, takes its first step). `baseLr` keeps the unused default 0.1, as in Paddle.
   * @param boundaries - The epochs where the rate changes (Paddle's `boundaries`).
   * @param values - The rates, one more than `boundaries` (Paddle's `values`).
   * @param options - `lastEpoch` (Paddle's `last_epoch`, default -1), `verbose` (default `false`).
   * @throws {@link errors.TypeError} when `boundaries`/`values` is not a list of numbers, `lastEpoch`/`verbose` has the wrong type, or an option is unknown; {@link errors.ValueError} when `boundaries` is empty or `values` does not have one more element.
   */
  constructor(boundaries: readonly number[], values: readonly number[], options: PiecewiseDecayOptions = {}) {
    const base = checkOptions(new.target.name, options, LR_SCHEDULER_OPTION_KEYS);
    requireNumberList('PiecewiseDecay', 'boundaries', boundaries);
    requireNumberList('PiecewiseDecay', 'values', values);
    if (boundaries.length === 0) throw new ValueError('The boundaries cannot be empty.');
    if (values.length <= boundaries.length) {
      throw new ValueError(
        `The values have one more element than boundaries, but received len(values) [${values.length}] < len(boundaries) + 1 [${boundaries.length + 1}].`,
      );
    }
    super(0.1, base);
    this.boundaries = [...boundaries];
    this.values = [...values];
    if (new.target === PiecewiseDecay) this.step();
  }

  /**
   * The value of the interval `lastEpoch` falls in.
   * @returns The learning rate at `lastEpoch`.
   */
  override getLr(): number {
    return piecewiseDecayLr(this.boundaries, this.values, this.lastEpoch);
  }
}

/**
 * `PiecewiseDecay` under its Paddle 2.0-beta name (`paddle.optimizer.PiecewiseLR`), which older
 * code calls as `PiecewiseLR(boundaries, values, last_epoch)`: the third argument may be that
 * epoch as a number, or the options object. Verbose lines name the class `PiecewiseLR`, as the
 * old class did.
 */
export class PiecewiseLR extends PiecewiseDecay {
  /**
   * Creates the scheduler (and, as Paddle, takes its first step).
   * @param boundaries - The epochs where the rate changes (Paddle's `boundaries`).
   * @param values - The rates, one more than `boundaries` (Paddle's `values`).
   * @param lastEpochOrOptions - The last epoch (Paddle's `last_epoch`), or the options: `lastEpoch` (Paddle's `last_epoch`, default -1), `verbose` (default `false`).
   * @throws {@link errors.TypeError} when `boundaries`/`values` is not a list of numbers, `lastEpoch`/`verbose` has the wrong type, or an option is unknown; {@link errors.ValueError} when `boundaries` is empty or `values` does not have one more element.
   */
  constructor(
    boundaries: readonly number[],
    values: readonly number[],
    lastEpochOrOptions: number | PiecewiseDecayOptions = {},
  ) {
    super(
      boundaries,
      values,
      typeof lastEpochOrOptions === 'number' ? { lastEpoch: lastEpochOrOptions } : lastEpochOrOptions,
    );
    if (new.target === PiecewiseLR) this.step();
  }
}

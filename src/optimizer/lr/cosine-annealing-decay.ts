/** `paddle.optimizer.lr.CosineAnnealingDecay` (spec §13.2): SGDR's cosine annealing, without restarts. */
import { checkOptions } from '../../options.js';
import { assertArg, requireInteger, requireNumber } from './checks.js';
import { LR_SCHEDULER_OPTION_KEYS, LRScheduler, type LRSchedulerOptions } from './lr-scheduler.js';
import { cos, mod } from './py-math.js';

export interface CosineAnnealingDecayOptions extends LRSchedulerOptions {
  /** The least learning rate. Default 0. */
  etaMin?: number;
}

/** The closed form, used by `step(epoch)`: `eta_min + (base_lr − eta_min) · (1 + cos(π·e/T_max)) / 2`. * @param baseLr - The initial rate (Paddle's `base_lr`).
 * @param TMax - Half the cosine's period (Paddle's `T_max`).
 * @param etaMin - The lowest rate (Paddle's `eta_min`).
 * @param epoch - The epoch e (Paddle's `epoch`).
 * @returns The rate at epoch e.
 */
export function cosineAnnealingLr(baseLr: number, TMax: number, etaMin: number, epoch: number): number {
  return etaMin + ((baseLr - etaMin) * (1 + cos((Math.PI * epoch) / TMax))) / 2;
}

/**
 * `step()` follows Paddle's recursive form from the previous rate:
 * e = 0 → `base_lr`; `(e − 1 − T_max) mod 2·T_max = 0` → `last_lr + (base_lr − eta_min)·(1 − cos(π/T_max))/2`;
 * else `(1 + cos(π·e/T_max)) / (1 + cos(π·(e−1)/T_max)) · (last_lr − eta_min) + eta_min`.
 * Mathematically it equals the closed form that `step(epoch)` uses; numerically the two drift
 * apart by rounding (about 1e-16 relative per step).
 *
 * @example
 * ```ts
 * const scheduler = new paddle.optimizer.lr.CosineAnnealingDecay(0.5, 10);
 * // scheduler.call() in epochs 0, 1, 2, …: 0.5, 0.487764, 0.452254, 0.396946
 * scheduler.step(); // once per epoch
 * ```
 */
export class CosineAnnealingDecay extends LRScheduler {
  /** The `TMax` this CosineAnnealingDecay was built with (Paddle's `TMax`). */
  readonly TMax: number;
  /** The `etaMin` this CosineAnnealingDecay was built with (Paddle's `eta_min`). */
  readonly etaMin: number;

  /**
   * Creates the scheduler (and, as Paddle, takes its first step).
   * @param learningRate - The initial learning rate, a finite number ≥ 0 (Paddle's `learning_rate`).
   * @param TMax - The half-period in epochs, a positive integer (Paddle's `T_max`).
   * @param options - `etaMin` (Paddle's `eta_min`, default 0), `lastEpoch` (Paddle's `last_epoch`, default -1), `verbose` (default `false`).
   * @throws {@link errors.TypeError} when `learningRate`/`etaMin` is not a number, `TMax` is not an integer, `lastEpoch`/`verbose` has the wrong type, or an option is unknown; {@link errors.ValueError} when `learningRate` is negative or not finite; {@link errors.AssertionError} when `TMax` is not positive.
   */
  constructor(learningRate: number, TMax: number, options: CosineAnnealingDecayOptions = {}) {
    const { etaMin = 0, ...base } = checkOptions('CosineAnnealingDecay', options, [
      'etaMin',
      ...LR_SCHEDULER_OPTION_KEYS,
    ]);
    requireInteger('CosineAnnealingDecay', 'T_max', TMax);
    requireNumber('CosineAnnealingDecay', 'eta_min', etaMin);
    assertArg(TMax > 0, "'T_max' must be a positive integer", TMax);
    super(learningRate, base);
    this.TMax = TMax;
    this.etaMin = etaMin;
    if (new.target === CosineAnnealingDecay) this.step();
  }

  /**
   * The rate at `lastEpoch` by Paddle's recursive form (from `lastLr`; `step(epoch)` uses the closed form `cosineAnnealingLr`).
   * @returns The learning rate at `lastEpoch`.
   */
  override getLr(): number {
    const e = this.lastEpoch;
    const T = this.TMax;
    if (e === 0) return this.baseLr;
    if (mod(e - 1 - T, 2 * T) === 0) {
      return this.lastLr + ((this.baseLr - this.etaMin) * (1 - cos(Math.PI / T))) / 2;
    }
    return (
      ((1 + cos((Math.PI * e) / T)) / (1 + cos((Math.PI * (e - 1)) / T))) * (this.lastLr - this.etaMin) +
      this.etaMin
    );
  }

  protected override getClosedFormLr(): number {
    return cosineAnnealingLr(this.baseLr, this.TMax, this.etaMin, this.lastEpoch);
  }
}

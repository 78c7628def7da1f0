/** `paddle.optimizer.lr.CosineAnnealingWarmRestarts` (spec §13.2): SGDR, cosine cycles growing by `TMult`. */
import { ValueError } from '../../errors.js';
import { checkOptions } from '../../options.js';
import { checkEpoch, requireNumber } from './checks.js';
import { LR_SCHEDULER_OPTION_KEYS, LRScheduler, type LRSchedulerOptions } from './lr-scheduler.js';
import { cos, intPow, logBase, mod, pyRepr } from './py-math.js';

export interface CosineAnnealingWarmRestartsOptions extends LRSchedulerOptions {
  /** Each cycle is `TMult` times longer than the one before; an integer ≥ 1. Default 1. */
  TMult?: number;
  /** The least learning rate. Default 0. */
  etaMin?: number;
}

/** `eta_min + (base_lr − eta_min) · (1 + cos(π · T_cur / T_i)) / 2`. * @param baseLr - The initial rate (Paddle's `base_lr`).
 * @param etaMin - The lowest rate (Paddle's `eta_min`).
 * @param TCur - The epochs since the last restart (Paddle's `T_cur`).
 * @param TI - The length of the current period (Paddle's `T_i`).
 * @returns The rate.
 */
export function warmRestartsLr(baseLr: number, etaMin: number, TCur: number, TI: number): number {
  return etaMin + ((baseLr - etaMin) * (1 + cos((Math.PI * TCur) / TI))) / 2;
}

/**
 * Where epoch `epoch` falls, computed from scratch (Paddle's `step(epoch)`): `[T_cur, T_i]`.
 * For `TMult > 1` the cycle index is `int(log(epoch/T_0 · (TMult − 1) + 1, TMult))`, with
 * Python's float log, so it inherits that log's rounding (e.g. `log(243, 3)` is 4.999999999999999).
 * @param T0 - The first period (Paddle's `T_0`).
 * @param TMult - The factor each period grows by (Paddle's `T_mult`).
 * @param epoch - The epoch, ≥ 0.
 * @returns `[T_cur, T_i]` at `epoch`.
 */
export function warmRestartsPosition(T0: number, TMult: number, epoch: number): [number, number] {
  if (epoch < T0) return [epoch, T0];
  if (TMult === 1) return [mod(epoch, T0), T0];
  const n = Math.trunc(logBase((epoch / T0) * (TMult - 1) + 1, TMult));
  return [epoch - (T0 * (intPow(TMult, n) - 1)) / (TMult - 1), T0 * intPow(TMult, n)];
}

/**
 * `step()` advances `TCur` by one and wraps it once when it reaches `TI` (growing `TI` by
 * `TMult`); `step(epoch)` places the epoch from scratch. As in Paddle, `stateDict()` saves only
 * `last_epoch` and `last_lr`, not `TCur`/`TI`: a restored scheduler resumes correctly with
 * `step(epoch)`, but plain `step()` continues from the cycle position it was constructed with.
 *
 * @example
 * ```ts
 * const scheduler = new paddle.optimizer.lr.CosineAnnealingWarmRestarts(0.5, 2, { TMult: 2 });
 * // scheduler.call() in epochs 0, 1, 2, …: 0.5, 0.25, 0.5, 0.426777
 * scheduler.step(); // once per epoch
 * ```
 */
export class CosineAnnealingWarmRestarts extends LRScheduler {
  /** The `T0` this CosineAnnealingWarmRestarts was built with (Paddle's `T0`). */
  readonly T0: number;
  /** The `TMult` this CosineAnnealingWarmRestarts was built with (Paddle's `TMult`). */
  readonly TMult: number;
  /** The `etaMin` this CosineAnnealingWarmRestarts was built with (Paddle's `eta_min`). */
  readonly etaMin: number;
  /** The length of the current cycle. */
  TI: number;
  /** The position in the current cycle. */
  TCur: number;

  /**
   * Creates the scheduler (and, as Paddle, takes its first step).
   * @param learningRate - The initial learning rate, a finite number ≥ 0 (Paddle's `learning_rate`).
   * @param T0 - The epochs until the first restart, a positive integer (Paddle's `T_0`).
   * @param options - `TMult` (Paddle's `T_mult`, default 1), `etaMin` (Paddle's `eta_min`, default 0), `lastEpoch` (Paddle's `last_epoch`, default -1), `verbose` (default `false`).
   * @throws {@link errors.TypeError} when `learningRate`/`T0`/`TMult`/`etaMin` is not a number, `lastEpoch`/`verbose` has the wrong type, or an option is unknown; {@link errors.ValueError} when `learningRate` is negative or not finite, `T0` is not a positive integer, or `TMult` is not an integer ≥ 1.
   */
  constructor(learningRate: number, T0: number, options: CosineAnnealingWarmRestartsOptions = {}) {
    const { TMult = 1, etaMin = 0, ...base } = checkOptions('CosineAnnealingWarmRestarts', options, [
      'TMult',
      'etaMin',
      ...LR_SCHEDULER_OPTION_KEYS,
    ]);
    requireNumber('CosineAnnealingWarmRestarts', 'T_0', T0);
    requireNumber('CosineAnnealingWarmRestarts', 'T_mult', TMult);
    if (T0 <= 0 || !Number.isInteger(T0)) throw new ValueError(`Expected positive integer T_0, but got ${pyRepr(T0)}`);
    if (TMult < 1 || !Number.isInteger(TMult)) {
      throw new ValueError(`Expected integer T_mult >= 1, but got ${pyRepr(TMult)}`);
    }
    requireNumber('CosineAnnealingWarmRestarts', 'eta_min', etaMin);
    super(learningRate, base);
    this.T0 = T0;
    this.TI = T0;
    this.TMult = TMult;
    this.etaMin = etaMin;
    this.TCur = this.lastEpoch;
    if (new.target === CosineAnnealingWarmRestarts) this.step();
  }

  /**
   * The rate at the current position in the period (`TCur` of `TI`).
   * @returns The learning rate at `lastEpoch`.
   */
  override getLr(): number {
    return warmRestartsLr(this.baseLr, this.etaMin, this.TCur, this.TI);
  }

  /**
   * Advances to `epoch` (default: the next one), restarting the period when it ends (Paddle: `CosineAnnealingWarmRestarts.step`).
   * @param epoch - The epoch to move to, ≥ 0, possibly fractional (Paddle's `epoch`); omitted/`null`: the next one.
   * @throws {@link errors.TypeError} when `epoch` is neither a number nor `null`; {@link errors.ValueError} when `epoch` is negative.
   */
  override step(epoch?: number | null): void {
    checkEpoch(epoch);
    if (typeof epoch === 'number' && epoch < 0) {
      throw new ValueError(`Expected non-negative epoch, but got ${pyRepr(epoch)}`);
    }
    let target = epoch ?? null;
    if (target === null && this.lastEpoch < 0) target = 0;
    if (target === null) {
      target = this.lastEpoch + 1;
      this.TCur = this.TCur + 1;
      if (this.TCur >= this.TI) {
        this.TCur = this.TCur - this.TI;
        this.TI = this.TI * this.TMult;
      }
    } else {
      [this.TCur, this.TI] = warmRestartsPosition(this.T0, this.TMult, target);
    }
    this.lastEpoch = Math.floor(target);
    this.lastLr = this.getLr();
    this.announce();
  }
}

/** `paddle.optimizer.lr.PolynomialDecay` (spec §13.2). */
import { checkOptions } from '../../options.js';
import { assertArg, requireBoolean, requireNumber } from './checks.js';
import { LR_SCHEDULER_OPTION_KEYS, LRScheduler, type LRSchedulerOptions } from './lr-scheduler.js';
import { pow, pyMin } from './py-math.js';

export interface PolynomialDecayOptions extends LRSchedulerOptions {
  /** Default 0.0001. */
  endLr?: number;
  /** Default 1.0. */
  power?: number;
  /** Restart the decay every `decaySteps` epochs, over a horizon that grows. Default false. */
  cycle?: boolean;
}

/**
 * `lr = (base_lr − end_lr) · (1 − E/D)^power + end_lr` with, when cycling,
 * `D = decay_steps · ceil(e / decay_steps)` (the ceil read as 1 at e = 0) and `E = e`, and
 * otherwise `D = decay_steps`, `E = min(e, decay_steps)`.
 * @param baseLr - The initial rate (Paddle's `learning_rate`).
 * @param decaySteps - The decay length (Paddle's `decay_steps`).
 * @param endLr - The final rate (Paddle's `end_lr`).
 * @param power - The polynomial's power (Paddle's `power`).
 * @param cycle - Whether the decay restarts after `decaySteps` (Paddle's `cycle`).
 * @param epoch - The epoch e (Paddle's `epoch`).
 * @returns The rate at epoch e.
 */
export function polynomialDecayLr(
  baseLr: number,
  decaySteps: number,
  endLr: number,
  power: number,
  cycle: boolean,
  epoch: number,
): number {
  let e = epoch;
  let d = decaySteps;
  if (cycle) d = decaySteps * (epoch === 0 ? 1 : Math.ceil(epoch / decaySteps));
  else e = pyMin(epoch, decaySteps);
  return (baseLr - endLr) * pow(1 - e / d, power) + endLr;
}

/**
 * `paddle.optimizer.lr.PolynomialDecay(learning_rate, decay_steps, end_lr=0.0001, power=1.0,
 * cycle=False, last_epoch=-1, verbose=False)`: from `learning_rate` to `end_lr` along
 * `(1 - epoch / decay_steps) ** power` (restarting every `decay_steps` with `cycle`).
 *
 * @example
 * ```ts
 * const scheduler = new paddle.optimizer.lr.PolynomialDecay(0.5, 4, { endLr: 0.1 });
 * // scheduler.call() in epochs 0, 1, 2, …: 0.5, 0.4, 0.3, 0.2, 0.1
 * scheduler.step(); // once per epoch
 * ```
 */
export class PolynomialDecay extends LRScheduler {
  /** The `decaySteps` this PolynomialDecay was built with (Paddle's `decay_steps`). */
  readonly decaySteps: number;
  /** The `endLr` this PolynomialDecay was built with (Paddle's `end_lr`). */
  readonly endLr: number;
  /** The `power` this PolynomialDecay was built with (Paddle's `power`). */
  readonly power: number;
  /** The `cycle` this PolynomialDecay was built with (Paddle's `cycle`). */
  readonly cycle: boolean;

  /**
   * Creates the scheduler (and, as Paddle, takes its first step).
   * @param learningRate - The initial learning rate, a finite number ≥ 0 (Paddle's `learning_rate`).
   * @param decaySteps - The steps over which the rate decays, a positive integer (Paddle's `decay_steps`).
   * @param options - `endLr` (Paddle's `end_lr`, default 1e-4), `power` (default 1.0, > 0), `cycle` (default `false`), `lastEpoch` (Paddle's `last_epoch`, default -1), `verbose` (default `false`).
   * @throws {@link errors.TypeError} when `learningRate`/`decaySteps`/`endLr`/`power` is not a number, `cycle` is not a boolean, `lastEpoch`/`verbose` has the wrong type, or an option is unknown; {@link errors.AssertionError} when `decaySteps` is not a positive integer or `power` ≤ 0; {@link errors.ValueError} when `learningRate` is negative or not finite.
   */
  constructor(learningRate: number, decaySteps: number, options: PolynomialDecayOptions = {}) {
    const {
      endLr = 0.0001,
      power = 1.0,
      cycle = false,
      ...base
    } = checkOptions('PolynomialDecay', options, ['endLr', 'power', 'cycle', ...LR_SCHEDULER_OPTION_KEYS]);
    requireNumber('PolynomialDecay', 'decay_steps', decaySteps);
    assertArg(
      decaySteps > 0 && Number.isInteger(decaySteps),
      "'decay_steps' must be a positive integer",
      decaySteps,
    );
    requireNumber('PolynomialDecay', 'end_lr', endLr);
    requireNumber('PolynomialDecay', 'power', power);
    assertArg(power > 0, "'power' must be greater than 0.0 so that the learning rate will decay", power);
    requireBoolean('PolynomialDecay', 'cycle', cycle);
    super(learningRate, base);
    this.decaySteps = decaySteps;
    this.endLr = endLr;
    this.power = power;
    this.cycle = cycle;
    if (new.target === PolynomialDecay) this.step();
  }

  /**
   * The polynomial decay at `lastEpoch`.
   * @returns The learning rate at `lastEpoch`.
   */
  override getLr(): number {
    return polynomialDecayLr(this.baseLr, this.decaySteps, this.endLr, this.power, this.cycle, this.lastEpoch);
  }
}

/** `paddle.optimizer.lr.OneCycleLR` (spec §13.2): up to a peak, then down below the start. */
import { TypeError as PaddleTypeError, ValueError, pyTypeName } from '../../errors.js';
import { checkOptions } from '../../options.js';
import { requireBoolean } from './checks.js';
import { LR_SCHEDULER_OPTION_KEYS, LRScheduler, type LRSchedulerOptions } from './lr-scheduler.js';
import { cos, pyRepr, pyStr } from './py-math.js';

export interface OneCycleLROptions extends LRSchedulerOptions {
  /** The initial rate is `maxLearningRate / divideFactor`. Default 25. */
  divideFactor?: number;
  /** The final rate. Default 0.0001. */
  endLearningRate?: number;
  /**
   * The fraction of the steps spent rising, in [0, 1]. Default 0.3. (Paddle also rejects an `int`
   * here, e.g. `0`; JavaScript cannot tell `0` from `0.0`, so any number in range is accepted.)
   */
  phasePct?: number;
  /** `'cos'` or `'linear'`. Default `'cos'`. */
  annealStrategy?: string;
  /** Rise, fall back to the initial rate, then fall to the end rate (the paper's schedule). Default false. */
  threePhase?: boolean;
}

/** How {@link optimizer.lr.OneCycleLR} anneals between phases (Paddle's `anneal_strategy`). */
export type AnnealStrategy = 'cos' | 'linear';

/** The phases of a one-cycle schedule, as Paddle lays them out. */
export interface OneCyclePhases {
  /** Start step of each phase, then the end (`[0, p·T−1, T−1, T−1]` or `[0, p·T−1, 2p·T−2, T−1, T−1]`). */
  readonly stepConfig: readonly number[];
  /** Steps in each phase (the last one repeated for the final step). */
  readonly stepsSize: readonly number[];
  /** The rate at each phase boundary. */
  readonly lrConfig: readonly number[];
}

/**
 * The phases of {@link optimizer.lr.OneCycleLR} (end step, start and end rate of each), as Paddle
 * computes them; `OneCycleLR` and the trainer share it.
 * @param initialLr - The starting rate (`maxLr / divideFactor`).
 * @param maxLr - The peak rate (Paddle's `max_learning_rate`).
 * @param minLr - The final rate (Paddle's `end_learning_rate`).
 * @param totalSteps - The steps of the cycle (Paddle's `total_steps`).
 * @param phasePct - The fraction of the steps spent rising (Paddle's `phase_pct`).
 * @param threePhase - Whether to use three phases (Paddle's `three_phase`).
 * @returns The phase boundaries, lengths and rates.
 */
export function oneCyclePhases(
  initialLr: number,
  maxLr: number,
  minLr: number,
  totalSteps: number,
  phasePct: number,
  threePhase: boolean,
): OneCyclePhases {
  const T = totalSteps;
  const p = phasePct;
  if (threePhase) {
    const s = [0, p * T - 1, 2 * p * T - 2, T - 1, T - 1];
    const [s0, s1, s2, s3] = s as [number, number, number, number];
    return { stepConfig: s, stepsSize: [s1 - s0, s2 - s1, s3 - s2, s3 - s2], lrConfig: [initialLr, maxLr, initialLr, minLr] };
  }
  const s = [0, p * T - 1, T - 1, T - 1];
  const [s0, s1, s2] = s as [number, number, number];
  return { stepConfig: s, stepsSize: [s1 - s0, s2 - s1, s2 - s1], lrConfig: [initialLr, maxLr, minLr] };
}

/** Cosine annealing from `start` to `end` at fraction `pct`: `end + (start − end)/2 · (cos(π·pct) + 1)`. * @param start - The rate at `pct` 0.
 * @param end - The rate at `pct` 1.
 * @param pct - The fraction of the phase done, in [0, 1].
 * @returns The rate.
 */
export function cosAnnealing(start: number, end: number, pct: number): number {
  return end + ((start - end) / 2.0) * (cos(Math.PI * pct) + 1);
}

/** Linear annealing: `(end − start)·pct + start`. * @param start - The rate at `pct` 0.
 * @param end - The rate at `pct` 1.
 * @param pct - The fraction of the phase done, in [0, 1].
 * @returns The rate.
 */
export function linearAnnealing(start: number, end: number, pct: number): number {
  return (end - start) * pct + start;
}

/**
 * The rate at step `e`: the first phase `i` whose end step is ≥ e (the last phase takes every
 * later step), annealed from `lrConfig[i]` to `lrConfig[i+1]` at `(e − start_i) / size_i`.
 * Throws past `totalSteps` (`e == totalSteps` is allowed and extrapolates), and where Python
 * would divide by a phase of zero steps (`phase_pct · total_steps == 1`, or `phase_pct == 1` at
 * the last step).
 * @param phases - From `oneCyclePhases`.
 * @param anneal - `'cos'` or `'linear'` (Paddle's `anneal_strategy`).
 * @param totalSteps - The steps of the cycle (Paddle's `total_steps`).
 * @param epoch - The step.
 * @returns The rate at `epoch`.
 * @throws {@link errors.ValueError} when `epoch` is past `totalSteps`.
 */
export function oneCycleLr(phases: OneCyclePhases, anneal: AnnealStrategy, totalSteps: number, epoch: number): number {
  if (epoch > totalSteps) {
    throw new ValueError(
      `Tried to step ${pyRepr(epoch)} times. However the number of total steps is ${pyRepr(totalSteps)}`,
    );
  }
  const { stepConfig, stepsSize, lrConfig } = phases;
  const last = lrConfig.length - 2;
  for (let i = 0; i <= last; i++) {
    if (epoch <= (stepConfig[i + 1] as number) || i === last) {
      const size = stepsSize[i] as number;
      if (size === 0) {
        throw new ValueError(`float division by zero: phase ${i} of the one-cycle schedule has 0 steps.`);
      }
      const pct = (epoch - (stepConfig[i] as number)) / size;
      const start = lrConfig[i] as number;
      const end = lrConfig[i + 1] as number;
      return anneal === 'cos' ? cosAnnealing(start, end, pct) : linearAnnealing(start, end, pct);
    }
  }
  throw new Error('unreachable: the last phase takes every step');
}

/**
 * `paddle.optimizer.lr.OneCycleLR(max_learning_rate, total_steps, divide_factor=25.0,
 * end_learning_rate=0.0001, phase_pct=0.3, anneal_strategy='cos', three_phase=False,
 * last_epoch=-1, verbose=False)`: up from `max_learning_rate / divide_factor` to the peak, then
 * down to `end_learning_rate`, over `total_steps` (one `step()` per batch).
 *
 * @example
 * ```ts
 * const scheduler = new paddle.optimizer.lr.OneCycleLR(0.5, 10);
 * // scheduler.call() in epochs 0, 1, 2, …: 0.02, 0.26, 0.5, 0.475247
 * scheduler.step(); // once per epoch
 * ```
 */
export class OneCycleLR extends LRScheduler {
  /** The `maxLr` this OneCycleLR was built with (Paddle's `max_lr`). */
  readonly maxLr: number;
  /** The `totalSteps` this OneCycleLR was built with (Paddle's `total_steps`). */
  readonly totalSteps: number;
  /** The `annealStrategy` this OneCycleLR was built with (Paddle's `anneal_strategy`). */
  readonly annealStrategy: AnnealStrategy;
  /** The phases computed at construction (see {@link optimizer.lr.oneCyclePhases}). */
  readonly phases: OneCyclePhases;

  /**
   * Creates the scheduler (and, as Paddle, takes its first step).
   * @param maxLearningRate - The peak rate, ≥ 0 (Paddle's `max_learning_rate`).
   * @param totalSteps - The steps of the whole cycle, a positive integer (Paddle's `total_steps`).
   * @param options - `divideFactor` (Paddle's `divide_factor`, default 25: initial rate = max / divideFactor), `endLearningRate` (Paddle's `end_learning_rate`, default 1e-4), `phasePct` (Paddle's `phase_pct`, default 0.3), `annealStrategy` (`'cos'` default or `'linear'`), `threePhase` (Paddle's `three_phase`, default `false`), `lastEpoch` (Paddle's `last_epoch`, default -1), `verbose` (default `false`).
   * @throws {@link errors.TypeError} when a rate, `phasePct` or `divideFactor` is not a number, `totalSteps` is not an integer, `threePhase` is not a boolean, `lastEpoch`/`verbose` has the wrong type, or an option is unknown; {@link errors.ValueError} when a rate is negative, `totalSteps` is not positive, `phasePct` is outside [0, 1] (or ≥ 0.5 with `threePhase`), `divideFactor` is 0, `annealStrategy` is unknown, or the initial rate (max / divideFactor) is negative or not finite.
   */
  constructor(maxLearningRate: number, totalSteps: number, options: OneCycleLROptions = {}) {
    const {
      divideFactor = 25.0,
      endLearningRate = 0.0001,
      phasePct = 0.3,
      annealStrategy = 'cos',
      threePhase = false,
      ...base
    } = checkOptions('OneCycleLR', options, [
      'divideFactor',
      'endLearningRate',
      'phasePct',
      'annealStrategy',
      'threePhase',
      ...LR_SCHEDULER_OPTION_KEYS,
    ]);
    if (typeof maxLearningRate !== 'number') {
      throw new PaddleTypeError(
        `'max_learning_rate' must be 'float' or 'int', but received ${pyTypeName(maxLearningRate)}`,
      );
    }
    if (maxLearningRate < 0) throw new ValueError("'max_learning_rate' must be a positive integer.");
    if (typeof endLearningRate !== 'number') {
      throw new PaddleTypeError(
        `'end_learning_rate' must be 'float' or 'int', but received ${pyTypeName(endLearningRate)}`,
      );
    }
    if (endLearningRate < 0) throw new ValueError("'end_learning_rate' must be a positive integer.");
    if (typeof totalSteps !== 'number' || !Number.isInteger(totalSteps)) {
      throw new PaddleTypeError(`'total_step' must be 'int', but received ${pyTypeName(totalSteps)}`);
    }
    if (totalSteps <= 0) throw new ValueError("'total_step' must be a positive integer.");
    if (typeof phasePct !== 'number') {
      throw new PaddleTypeError(`'phase_pct' must be 'float', but received ${pyTypeName(phasePct)}`);
    }
    if (phasePct < 0 || phasePct > 1) {
      throw new ValueError(`'phase_pct' must be between 0 and 1, but received ${pyRepr(phasePct)}`);
    }
    if (typeof divideFactor !== 'number') {
      throw new PaddleTypeError(
        `'divide_factor' must be 'float' or 'int', but received ${pyTypeName(divideFactor)}`,
      );
    }
    // Python raises ZeroDivisionError on max_learning_rate / 0.0.
    if (divideFactor === 0) throw new ValueError("float division by zero: 'divide_factor' is 0.");
    requireBoolean('OneCycleLR', 'three_phase', threePhase);
    if (threePhase && phasePct >= 0.5) {
      throw new ValueError("When three_phase is True, 'phase_pct' must be less than 0.5");
    }
    if (annealStrategy !== 'cos' && annealStrategy !== 'linear') {
      throw new ValueError(
        `'anneal_strategy' must by one of 'cos' or 'linear', but received ${pyStr(annealStrategy)}`,
      );
    }
    const initialLr = maxLearningRate / divideFactor;
    super(initialLr, base);
    this.maxLr = maxLearningRate;
    this.totalSteps = totalSteps;
    this.annealStrategy = annealStrategy;
    this.phases = oneCyclePhases(initialLr, maxLearningRate, endLearningRate, totalSteps, phasePct, threePhase);
    if (new.target === OneCycleLR) this.step();
  }

  /**
   * The one-cycle rate at `lastEpoch`.
   * @returns The learning rate at `lastEpoch`.
   * @throws {@link errors.ValueError} when `lastEpoch` is past `totalSteps` (stepping too often).
   */
  override getLr(): number {
    return oneCycleLr(this.phases, this.annealStrategy, this.totalSteps, this.lastEpoch);
  }
}

/** `paddle.optimizer.lr.CyclicLR` (spec §13.2): triangular cycles between two rates. */
import { TypeError as PaddleTypeError, ValueError, pyTypeName } from '../../errors.js';
import { checkOptions } from '../../options.js';
import { callNumberFunction, requireFunction } from './checks.js';
import { LR_SCHEDULER_OPTION_KEYS, LRScheduler, type LRSchedulerOptions } from './lr-scheduler.js';
import { floorDiv, pow, pyRepr } from './py-math.js';

/** The cycle shapes of {@link optimizer.lr.CyclicLR} (Paddle's `mode`). */
export type CyclicMode = 'triangular' | 'triangular2' | 'exp_range';
/**
 * What `scaleFn` of {@link optimizer.lr.CyclicLR} is evaluated on: the cycle number or the
 * iteration (Paddle's `scale_mode`).
 */
export type ScaleMode = 'cycle' | 'iterations';

export interface CyclicLROptions extends LRSchedulerOptions {
  /** Steps spent falling; default `stepSizeUp`. */
  stepSizeDown?: number;
  /** `'triangular'`, `'triangular2'` or `'exp_range'`; ignored when `scaleFn` is given. Default `'triangular'`. */
  mode?: string;
  /**
   * `exp_range`'s base: the amplitude is scaled by `expGamma^iterations`. Default 1.0. (Paddle
   * rejects an `int` here, e.g. `1`; JavaScript cannot tell `1` from `1.0`, so any number is accepted.)
   */
  expGamma?: number;
  /** A custom amplitude scale of the cycle number or the iteration; replaces `mode`. */
  scaleFn?: (x: number) => number;
  /** What `scaleFn` receives: `'cycle'` (1, 2, ...) or `'iterations'` (the epoch). Default `'cycle'`. */
  scaleMode?: string;
}

/** The built-in amplitude scales; `exp_range` is evaluated on iterations whatever `scaleMode` says. */
function builtinScale(mode: CyclicMode, expGamma: number): { scaleFn: (x: number) => number; scaleMode: ScaleMode } {
  switch (mode) {
    case 'triangular':
      return { scaleFn: () => 1.0, scaleMode: 'cycle' };
    case 'triangular2':
      return { scaleFn: (x) => 1 / pow(2.0, x - 1), scaleMode: 'cycle' };
    case 'exp_range':
      return { scaleFn: (x) => pow(expGamma, x), scaleMode: 'iterations' };
  }
}

/**
 * The position in the cycle and the triangle height there: `cycle = 1 + e // cycle_size`,
 * `x = 1 + e/cycle_size − cycle`, height `x/up_pct` rising, `(1 − x)/(1 − up_pct)` falling.
 * @param cycleSize - The steps of one cycle (up plus down).
 * @param stepUpPct - The fraction of the cycle spent rising.
 * @param epoch - The step.
 * @returns The cycle number and the height in it.
 */
export function cyclicPosition(
  cycleSize: number,
  stepUpPct: number,
  epoch: number,
): {
  /** The cycle number, from 1 (Paddle's `cycle`). */
  cycle: number;
  /** Where in the cycle the epoch falls, 0 at the ends and 1 at the peak. */
  height: number;
} {
  const cycle = 1 + floorDiv(epoch, cycleSize);
  const x = 1.0 + epoch / cycleSize - cycle;
  const height = x <= stepUpPct ? x / stepUpPct : (1 - x) / (1 - stepUpPct);
  return { cycle, height };
}

/**
 * `paddle.optimizer.lr.CyclicLR(base_learning_rate, max_learning_rate, step_size_up,
 * step_size_down=None, mode='triangular', exp_gamma=1.0, scale_fn=None, scale_mode='cycle',
 * last_epoch=-1, verbose=False)`: the rate climbs from the base to the maximum over `step_size_up`
 * steps and back over `step_size_down`, the amplitude scaled per cycle by `mode` or `scale_fn`.
 *
 * @example
 * ```ts
 * const scheduler = new paddle.optimizer.lr.CyclicLR(0.1, 0.5, 2);
 * // scheduler.call() in epochs 0, 1, 2, …: 0.1, 0.3, 0.5, 0.3
 * scheduler.step(); // once per epoch
 * ```
 */
export class CyclicLR extends LRScheduler {
  /** The `maxLr` this CyclicLR was built with (Paddle's `max_lr`). */
  readonly maxLr: number;
  /** Steps in one cycle: `step_size_up + step_size_down` (Paddle's `cycle_size`). */
  readonly cycleSize: number;
  /** The rising part of a cycle, as a fraction of it (Paddle's `step_up_pct`). */
  readonly stepUpPct: number;
  /** `max_learning_rate - base_learning_rate` (Paddle's `amplitude`). */
  readonly amplitude: number;
  /** The `mode` this CyclicLR was built with (Paddle's `mode`). */
  readonly mode: string;
  /** The `gamma` this CyclicLR was built with (Paddle's `gamma`). */
  readonly gamma: number;
  /** The amplitude's scale per cycle or iteration: the given `scaleFn`, or the mode's (Paddle's `scale_fn`). */
  readonly scaleFn: (x: number) => number;
  /** The `scaleMode` this CyclicLR was built with (Paddle's `scale_mode`). */
  readonly scaleMode: ScaleMode;

  /**
   * Creates the scheduler (and, as Paddle, takes its first step). `lr = base_lr + amplitude · height · scaleFn(cycle or e)`, amplitude `max_lr − base_lr`.
   * @param baseLearningRate - The lower rate of the cycle, a finite number ≥ 0 (Paddle's `base_learning_rate`).
   * @param maxLearningRate - The upper rate of the cycle, ≥ 0 (Paddle's `max_learning_rate`).
   * @param stepSizeUp - The steps of the rising half, a positive integer (Paddle's `step_size_up`).
   * @param options - `stepSizeDown` (Paddle's `step_size_down`, default `stepSizeUp`), `mode` (`'triangular'` default, `'triangular2'`, `'exp_range'`), `expGamma` (Paddle's `exp_gamma`, default 1.0), `scaleFn` (Paddle's `scale_fn`), `scaleMode` (`'cycle'` default or `'iterations'`), `lastEpoch` (Paddle's `last_epoch`, default -1), `verbose` (default `false`).
   * @throws {@link errors.TypeError} when a rate or `expGamma` is not a number, a step size is not an integer, `scaleFn` is not a function, `lastEpoch`/`verbose` has the wrong type, or an option is unknown; {@link errors.ValueError} when a rate is negative (or `baseLearningRate` not finite), a step size is not positive, `mode` is unknown without `scaleFn`, or `scaleMode` is unknown.
   */
  constructor(
    baseLearningRate: number,
    maxLearningRate: number,
    stepSizeUp: number,
    options: CyclicLROptions = {},
  ) {
    const {
      stepSizeDown,
      mode = 'triangular',
      expGamma = 1.0,
      scaleFn,
      scaleMode = 'cycle',
      ...base
    } = checkOptions('CyclicLR', options, [
      'stepSizeDown',
      'mode',
      'expGamma',
      'scaleFn',
      'scaleMode',
      ...LR_SCHEDULER_OPTION_KEYS,
    ]);
    if (typeof maxLearningRate !== 'number') {
      throw new PaddleTypeError(
        `'max_learning_rate' must be 'float' or 'int', but received ${pyTypeName(maxLearningRate)}`,
      );
    }
    if (maxLearningRate < 0) {
      throw new ValueError(`'max_learning_rate' must be a positive integer, but received ${pyRepr(maxLearningRate)}`);
    }
    if (typeof stepSizeUp !== 'number' || !Number.isInteger(stepSizeUp)) {
      throw new PaddleTypeError(`The type of 'step_size_up' must be int, but received ${pyTypeName(stepSizeUp)}`);
    }
    if (stepSizeUp <= 0) {
      throw new ValueError(`'step_size_up' must be a positive integer, but received ${pyRepr(stepSizeUp)}`);
    }
    if (stepSizeDown !== undefined && stepSizeDown !== null) {
      if (typeof stepSizeDown !== 'number' || !Number.isInteger(stepSizeDown)) {
        throw new PaddleTypeError(
          `The type of 'step_size_down' must be int, but received ${pyTypeName(stepSizeDown)}`,
        );
      }
      if (stepSizeDown <= 0) {
        throw new ValueError(`'step_size_down' must be a positive integer, but received ${pyRepr(stepSizeDown)}`);
      }
    }
    if (typeof expGamma !== 'number') {
      throw new PaddleTypeError(`The type of 'exp_gamma' must be float, but received ${pyTypeName(expGamma)}`);
    }
    const up = stepSizeUp;
    const down = stepSizeDown ?? up;
    const cycleSize = up + down;
    const builtin = mode === 'triangular' || mode === 'triangular2' || mode === 'exp_range';
    if (!builtin && (scaleFn === undefined || scaleFn === null)) {
      throw new ValueError(
        "'mode' is invalid and 'scale_fn' is not specified, make sure one of 'mode' or 'scale_fn' is valid",
      );
    }
    if (scaleMode !== 'cycle' && scaleMode !== 'iterations') {
      throw new ValueError("'scale_mode' must be one of 'cycle' or 'iterations");
    }
    let scale: { scaleFn: (x: number) => number; scaleMode: ScaleMode };
    if (scaleFn === undefined || scaleFn === null) {
      scale = builtinScale(mode as CyclicMode, expGamma);
    } else {
      requireFunction('CyclicLR', 'scale_fn', scaleFn);
      scale = { scaleFn, scaleMode };
    }
    super(baseLearningRate, base);
    this.maxLr = maxLearningRate;
    this.cycleSize = cycleSize;
    this.stepUpPct = up / cycleSize;
    this.amplitude = maxLearningRate - baseLearningRate;
    this.mode = mode;
    this.gamma = expGamma;
    this.scaleFn = scale.scaleFn;
    this.scaleMode = scale.scaleMode;
    if (new.target === CyclicLR) this.step();
  }

  /**
   * `baseLr + amplitude · height · scaleFn(cycle or iteration)`.
   * @returns The learning rate at `lastEpoch`.
   * @throws {@link errors.TypeError} when `scaleFn` does not return a number.
   */
  override getLr(): number {
    const iterations = this.lastEpoch;
    const { cycle, height } = cyclicPosition(this.cycleSize, this.stepUpPct, iterations);
    const scaleArg = this.scaleMode === 'cycle' ? cycle : iterations;
    return this.baseLr + this.amplitude * height * callNumberFunction('CyclicLR', 'scale_fn', this.scaleFn, scaleArg);
  }
}

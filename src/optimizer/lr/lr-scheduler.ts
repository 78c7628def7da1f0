/**
 * `paddle.optimizer.lr.LRScheduler`, the base of every learning-rate scheduler (spec §13.1).
 *
 * A scheduler holds `lastEpoch` and `lastLr`; `step()` advances the epoch and recomputes the
 * learning rate with `getLr()`, which each subclass implements. The optimizer reads `call()`
 * (Paddle's `scheduler()`) at every `optimizer.step()`.
 *
 * Construction takes one `step()`, as Paddle's `__init__` does, so a fresh scheduler sits at
 * epoch 0 (or `lastEpoch + 1`). In Python a subclass sets its fields *before* calling the base
 * `__init__`; in TypeScript it can only set them after `super()` returns. So the initial step is
 * taken by the most-derived constructor: every constructor here ends with
 * `if (new.target === ThisClass) this.step();`, and so should a user subclass's:
 *
 * ```ts
 * class MyStepDecay extends LRScheduler {
 *   readonly stepSize: number;
 *   constructor(learningRate: number, stepSize: number, options: LRSchedulerOptions = {}) {
 *     super(learningRate, options);
 *     this.stepSize = stepSize;
 *     if (new.target === MyStepDecay) this.step();
 *   }
 *   override getLr(): number {
 *     return this.baseLr * 0.1 ** Math.floor(this.lastEpoch / this.stepSize);
 *   }
 * }
 * ```
 */
import {
  AssertionError,
  NotImplementedError,
  RuntimeError,
  TypeError as PaddleTypeError,
  ValueError,
  pyTypeName,
} from '../../errors.js';
import { log } from '../../log.js';
import { checkOptions, describe, snakeToCamel } from '../../options.js';
import { checkEpoch } from './checks.js';
import { pyFloatRepr, pyRepr } from './py-math.js';

/** The options every scheduler shares (Paddle's `last_epoch=-1, verbose=False`). */
export interface LRSchedulerOptions {
  /** The index of the last epoch; construction steps once from it. Default -1 (start at 0). */
  lastEpoch?: number;
  /** Print Paddle's `Epoch {e}: {Class} set learning rate to {lr}.` through `log()` on each step. */
  verbose?: boolean;
}

/** Keys of {@link LRSchedulerOptions}, for subclasses' `checkOptions` lists. */
export const LR_SCHEDULER_OPTION_KEYS = ['lastEpoch', 'verbose'] as const;

/** A scheduler's state: Paddle's snake_case keys (`last_epoch`, `last_lr`, ...). */
export type LRStateDict = Record<string, unknown>;

/** A one-element tensor as the schedulers accept it (a `Tensor` fits; so does anything alike). */
export interface ScalarTensorLike {
  /** The element count (a learning rate given as a Tensor must have one). */
  readonly numel: number;
  /**
   * The single value.
   * @returns The value.
   */
  item(): number | boolean;
}

/**
 * Whether `x` looks like a Tensor as far as the schedulers need (a `numel` and an `item()`).
 * @param x - Any value.
 * @returns `true` for a Tensor or anything alike.
 */
export function isScalarTensorLike(x: unknown): x is ScalarTensorLike {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as { numel?: unknown }).numel === 'number' &&
    typeof (x as { item?: unknown }).item === 'function'
  );
}

const UNUSED_VALUES_WARNING =
  "There are some unused values in state_dict. Maybe the optimizer have different 'LearningRateDecay' when invoking state_dict and set_dict";

/**
 * `paddle.optimizer.lr.LRScheduler`: the base of the 18 learning-rate schedulers. `call()` gives
 * the current rate, `step()` advances one epoch (or sets it), and `stateDict()` /
 * `setStateDict()` save and restore it (an optimizer saves its scheduler under `LR_Scheduler`).
 * Pass a scheduler as an optimizer's learning rate and call `scheduler.step()` once per epoch (or
 * per step, as the schedule intends).
 *
 * Paddle: `paddle.optimizer.lr.LRScheduler(learning_rate=0.1, last_epoch=-1, verbose=False)`.
 *
 * @example
 * ```ts
 * const scheduler = new paddle.optimizer.lr.StepDecay(0.5, 5, { gamma: 0.8 });
 * const opt = new paddle.optimizer.RMSProp(scheduler, { parameters: linear.parameters() });
 * for (let epoch = 0; epoch < 20; epoch++) {
 *   // ... train one epoch: loss.backward(); opt.step(); opt.clearGrad();
 *   scheduler.step();
 * }
 * ```
 */
export class LRScheduler {
  /** The initial learning rate (`float(learning_rate)`). */
  baseLr: number;
  /** The learning rate of the current epoch: what `call()` returns. */
  lastLr: number;
  /** The current epoch. */
  lastEpoch: number;
  /** Report each new rate through the log sink (Paddle's `verbose`). */
  verbose: boolean;

  /**
   * Sets the base rate and epoch; a subclass's constructor then takes the first `step()`.
   * @param learningRate - The initial learning rate, a finite number ≥ 0 (Paddle's `learning_rate`, default 0.1).
   * @param options - `lastEpoch` (Paddle's `last_epoch`, default -1), `verbose` (default `false`).
   * @throws {@link errors.TypeError} when `learningRate` is not a number, `lastEpoch`/`verbose` has the wrong type, or an option is unknown; {@link errors.ValueError} when `learningRate` is negative or not finite; {@link errors.NotImplementedError} when the bare base class is constructed (its `getLr` is abstract).
   */
  constructor(learningRate: number = 0.1, options: LRSchedulerOptions = {}) {
    const { lastEpoch = -1, verbose = false } = checkOptions(
      'LRScheduler',
      options,
      LR_SCHEDULER_OPTION_KEYS,
    );
    checkLearningRate(learningRate);
    if (typeof lastEpoch !== 'number') {
      throw new PaddleTypeError(
        `The type of 'last_epoch' must be 'int', but received ${pyTypeName(lastEpoch)}.`,
      );
    }
    if (typeof verbose !== 'boolean') {
      throw new PaddleTypeError(
        `The type of 'verbose' must be 'bool', but received ${pyTypeName(verbose)}.`,
      );
    }
    this.baseLr = learningRate;
    this.lastLr = learningRate;
    this.lastEpoch = lastEpoch;
    this.verbose = verbose;
    // The bare base class steps here, and so throws NotImplementedError as Paddle's does.
    if (new.target === LRScheduler) this.step();
  }

  /**
   * The current learning rate (Paddle's `scheduler()`).
   * @returns `lastLr`.
   */
  call(): number {
    return this.lastLr;
  }

  /**
   * Advances to `epoch` (default: the next one) and recomputes the learning rate; call it after
   * `optimizer.step()`. With an explicit epoch, a subclass's closed form is used where it has one.
   * If computing the rate throws, the scheduler is left as it was.
   * @param epoch - The epoch to move to (Paddle's `epoch`); omitted/`null`: `lastEpoch + 1`.
   * @throws {@link errors.TypeError} when `epoch` is neither a number nor `null`; what `getLr` throws (e.g. {@link errors.NotImplementedError} for the bare base class), with `lastEpoch` restored.
   */
  step(epoch?: number | null): void {
    checkEpoch(epoch);
    const previous = this.lastEpoch;
    let lr: number;
    try {
      if (epoch === undefined || epoch === null) {
        this.lastEpoch = previous + 1;
        lr = this.getLr();
      } else {
        this.lastEpoch = epoch;
        lr = this.getClosedFormLr();
      }
    } catch (error) {
      this.lastEpoch = previous;
      throw error;
    }
    this.lastLr = lr;
    this.announce();
  }

  /**
   * The learning rate at `lastEpoch`. Subclasses implement it; the base class throws.
   * @returns The learning rate (in a subclass).
   * @throws {@link errors.NotImplementedError} in the base class.
   */
  getLr(): number {
    throw new NotImplementedError(
      `${this.constructor.name}.getLr() is not implemented: a subclass of LRScheduler must implement getLr().`,
    );
  }

  /** What `step(epoch)` uses: a closed form where the subclass has one (Paddle's `_get_closed_form_lr`). */
  protected getClosedFormLr(): number {
    return this.getLr();
  }

  /** Prints Paddle's verbose line for the current epoch and rate, if `verbose`. */
  protected announce(): void {
    if (!this.verbose) return;
    log(
      `Epoch ${pyRepr(this.lastEpoch)}: ${this.constructor.name} set learning rate to ${pyFloatRepr(this.lastLr)}.`,
    );
  }

  /**
   * The keys `stateDict()` saves: Paddle's snake_case names of the fields (`last_epoch` is `lastEpoch`).
   * @returns `['last_epoch', 'last_lr']` here; subclasses add theirs (Paddle's `keys`).
   */
  stateKeys(): string[] {
    return ['last_epoch', 'last_lr'];
  }

  /**
   * The scheduler's state under Paddle's keys; a one-element tensor value is saved as a number.
   * @returns A new object `{ last_epoch, last_lr, … }` (Paddle's `state_dict()`).
   * @throws {@link errors.AssertionError} when a state value is a Tensor of more than one element.
   */
  stateDict(): LRStateDict {
    const stateDict: LRStateDict = {};
    for (const key of this.stateKeys()) {
      let value = this.fields()[snakeToCamel(key)];
      if (value === undefined) continue;
      if (isScalarTensorLike(value)) {
        if (value.numel !== 1) throw new AssertionError('numel of Tensor in state_dict must be 1');
        value = Number(value.item());
      }
      stateDict[key] = value;
    }
    return stateDict;
  }

  /**
   * Throws what `setStateDict` would throw for `stateDict`, changing nothing: a `RuntimeError`
   * for a missing key (Paddle's message), a `TypeError` for a value that is not a number.
   * @param stateDict - A state dict, as `stateDict()` returns it.
   * @throws {@link errors.TypeError} when `stateDict` is not an object or a value is not a number; {@link errors.RuntimeError} when a key of `stateKeys()` is missing.
   */
  checkStateDict(stateDict: LRStateDict): void {
    if (typeof stateDict !== 'object' || stateDict === null || Array.isArray(stateDict)) {
      throw new PaddleTypeError(
        `set_state_dict: the state dict must be an object, but received ${describe(stateDict)}.`,
      );
    }
    for (const key of this.stateKeys()) {
      if (!Object.hasOwn(stateDict, key)) {
        throw new RuntimeError(
          `Please check whether state_dict is correct for optimizer. Can't find [ ${key} ] in state_dict`,
        );
      }
      this.checkStateValue(key, stateDict[key]);
    }
  }

  /** A state value must be a number; a subclass may accept more (ReduceOnPlateau's `best` may be null). */
  protected checkStateValue(key: string, value: unknown): void {
    if (typeof value !== 'number') {
      throw new PaddleTypeError(
        `set_state_dict: '${key}' must be a number, but received ${describe(value)}.`,
      );
    }
  }

  /**
   * Loads a state dict saved by `stateDict()`: every key of `stateKeys()` is copied; nothing is
   * recomputed. Extra entries are ignored with Paddle's warning (through `log()`). Checks
   * everything first, so a bad dict leaves the scheduler unchanged.
   * @param stateDict - A state dict, as `stateDict()` returns it (Paddle's `state_dict`).
   * @throws {@link errors.TypeError} when `stateDict` is not an object or a value is not a number; {@link errors.RuntimeError} when a key of `stateKeys()` is missing. Nothing changes when it throws.
   */
  setStateDict(stateDict: LRStateDict): void {
    this.checkStateDict(stateDict);
    const keys = this.stateKeys();
    for (const key of keys) this.fields()[snakeToCamel(key)] = stateDict[key];
    if (Object.keys(stateDict).length > keys.length) log(UNUSED_VALUES_WARNING);
  }

  private fields(): Record<string, unknown> {
    return this as unknown as Record<string, unknown>;
  }
}

/** Paddle's spellings, defined once. */
export interface LRScheduler {
  /** Paddle's spelling of `getLr`: the same function. */
  get_lr: LRScheduler['getLr'];
  /** Paddle's spelling of `stateDict`: the same function. */
  state_dict: LRScheduler['stateDict'];
  /** Paddle's spelling of `setStateDict`: the same function. */
  set_state_dict: LRScheduler['setStateDict'];
  /** Paddle's older `set_dict`: the same function as `setStateDict`. */
  set_dict: LRScheduler['setStateDict'];
  /** Paddle's spelling of `stateKeys`: the same function. */
  state_keys: LRScheduler['stateKeys'];
  /** Paddle's spelling of `lastEpoch`: the same value. */
  last_epoch: number;
  /** Paddle's spelling of `lastLr`: the same value. */
  last_lr: number;
  /** Paddle's spelling of `baseLr`: the same value. */
  base_lr: number;
}

// The method aliases resolve through `this`, so on a subclass `s.get_lr` *is* `s.getLr` (the
// subclass's override), not the base method. (Paddle binds `set_dict` to the base
// `set_state_dict`, so its `LinearWarmup.set_dict` skips the nested scheduler; here it does not.)
for (const [alias, method] of [
  ['get_lr', 'getLr'],
  ['state_dict', 'stateDict'],
  ['set_state_dict', 'setStateDict'],
  ['set_dict', 'setStateDict'],
  ['state_keys', 'stateKeys'],
] as const) {
  Object.defineProperty(LRScheduler.prototype, alias, {
    get(this: LRScheduler) {
      return this[method];
    },
    configurable: true,
  });
}
for (const [alias, field] of [
  ['last_epoch', 'lastEpoch'],
  ['last_lr', 'lastLr'],
  ['base_lr', 'baseLr'],
] as const) {
  Object.defineProperty(LRScheduler.prototype, alias, {
    get(this: LRScheduler) {
      return this[field];
    },
    set(this: LRScheduler, value: number) {
      this[field] = value;
    },
    configurable: true,
  });
}

/** Whether `x` is a learning-rate scheduler (Paddle's `isinstance(x, LRScheduler)`). * @param x - Any value.
 * @returns `true` for an instance of LRScheduler or a subclass.
 */
export function isLRScheduler(x: unknown): x is LRScheduler {
  return x instanceof LRScheduler;
}

/** The base constructor's checks on `learning_rate` (Paddle's messages). */
function checkLearningRate(learningRate: unknown): asserts learningRate is number {
  if (typeof learningRate !== 'number') {
    throw new PaddleTypeError(
      `The type of learning rate must be float, but received ${pyTypeName(learningRate)}`,
    );
  }
  checkLearningRateValue(learningRate);
}

/**
 * The one rule for a learning rate, in schedulers, optimizers and `setLr`: a finite number
 * ≥ 0 (Paddle's LRScheduler rejects negative rates; NaN and ±Infinity, which Paddle lets through
 * into NaN parameters, are rejected too). Paddle's message.
 * @param learningRate - The rate to check.
 * @throws {@link errors.ValueError} when it is negative, NaN or infinite.
 */
export function checkLearningRateValue(learningRate: number): void {
  if (learningRate < 0) throw new ValueError(`Invalid learning rate: ${pyRepr(learningRate)}`);
  if (!Number.isFinite(learningRate)) {
    throw new ValueError(`Invalid learning rate: ${pyRepr(learningRate)} (a learning rate must be a finite number >= 0)`);
  }
}

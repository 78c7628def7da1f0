/**
 * `compat.torch.lr_scheduler`: PyTorch 1.13's `torch.optim.lr_scheduler` classes over
 * {@link RMSprop} (`compat.torch.RMSprop`), with PyTorch's conventions and float64 values bit for bit:
 *
 * - Construction sets `initial_lr` in every parameter group (PyTorch's `group.setdefault`, here
 *   `group.initialLr`) and performs the initial step (`last_epoch` becomes 0 and the groups' `lr`
 *   the schedule's first value); `lastEpoch` other than -1 resumes and needs `initialLr` in every
 *   group (PyTorch's KeyError otherwise).
 * - `step()` goes after `optimizer.step()` (calling it before logs PyTorch's warning through
 *   `paddle.setLogSink`). Without an epoch argument it uses PyTorch's chainable `get_lr`, which
 *   updates the groups' current `lr` recursively (so `lr * γ * γ …`, not `initial_lr * γ^n`);
 *   `step(epoch)`, deprecated in PyTorch, uses `_get_closed_form_lr` where the class has one.
 * - `getLastLr()` / `get_last_lr()`, `stateDict()` / `loadStateDict()` with PyTorch's keys (the
 *   scheduler's `__dict__` without the optimizer; functions are saved as null, as PyTorch saves
 *   plain functions and lambdas).
 *
 * Values are doubles computed in PyTorch's order; `math.cos` and `**` are reproduced with the
 * correctly rounded implementations Paddle's schedulers use (src/optimizer/lr/py-math.ts), where V8's `Math.cos` and `**` differ from glibc
 * in the last bit in a few percent of cases. glibc itself is not always correctly rounded: in
 * about 0.1% of the arguments `cos(π·k/T)` of the cosine schedules it is 1 ulp off, and there
 * PyTorch's value differs from this one by 1 ulp (tests/compat/torch-lr.test.ts lists where).
 */
import { KeyError, TypeError as PaddleTypeError, ValueError } from '../errors.js';
import { log } from '../log.js';
import { checkOptions, describe } from '../options.js';
import { cos, floorDiv, intPow, logBase, mod as pyMod, pow } from '../optimizer/lr/py-math.js';
import { RMSprop, type RMSpropGroup } from './torch.js';

/** A value in a scheduler's state dict: what PyTorch's pickled `__dict__` holds. */
export type SchedulerStateValue = number | boolean | string | null | SchedulerStateValue[] | { [key: string]: SchedulerStateValue };

/** A scheduler's state dict in PyTorch's layout (keys are PyTorch's attribute names). */
export type SchedulerStateDict = { [key: string]: SchedulerStateValue };

/** The options every epoch-based scheduler takes: PyTorch's `last_epoch` and `verbose`. */
export interface SchedulerOptions {
  /** The index of the last epoch when resuming (default -1: start). */
  lastEpoch?: number;
  /** Log each update (`Adjusting learning rate of group 0 to 1.0000e-02.`) through `paddle.setLogSink`. */
  verbose?: boolean;
}

/** A function of the epoch giving a factor (PyTorch's `lr_lambda`). */
export type LrLambda = (epoch: number) => number;

const PI = Math.PI;

const EPOCH_DEPRECATION_WARNING =
  'The epoch parameter in `scheduler.step()` was not necessary and is being deprecated where possible. Please use `scheduler.step()` to step the scheduler. During the deprecation, if epoch is different from None, the closed form is used instead of the new chainable form, where available. Please open an issue if you are unable to replicate your use case: https://github.com/pytorch/pytorch/issues/new/choose.';

const warned = new Set<string>();

/** Python's `warnings.warn` with the default filter: each message once per process. */
function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  log(`UserWarning: ${message}`);
}

/** Python's `'{:.4e}'.format(x)`. */
function format4e(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
  const [m, e] = x.toExponential(4).split('e') as [string, string];
  const exp = Number(e);
  return `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

/** Python's `'%.2f' % epoch` for a float epoch, `'%.5d' % epoch` for an int. */
function formatEpoch(epoch: number): string {
  if (!Number.isInteger(epoch)) return epoch.toFixed(2);
  const digits = String(Math.abs(epoch)).padStart(5, '0');
  return epoch < 0 ? `-${digits}` : digits;
}

function checkNumber(where: string, name: string, v: unknown): number {
  if (typeof v !== 'number' || Number.isNaN(v)) throw new PaddleTypeError(`${where}: '${name}' must be a number, but received ${describe(v)}.`);
  return v;
}

function checkInt(where: string, name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new PaddleTypeError(`${where}: '${name}' must be an integer, but received ${describe(v)}.`);
  return v;
}

function checkBool(where: string, name: string, v: unknown): boolean {
  if (typeof v !== 'boolean') throw new PaddleTypeError(`${where}: '${name}' must be a boolean, but received ${describe(v)}.`);
  return v;
}

function checkOptimizer(optimizer: unknown): RMSprop {
  if (!(optimizer instanceof RMSprop)) {
    const name = optimizer === null || optimizer === undefined ? String(optimizer) : ((optimizer as { constructor?: { name?: string } }).constructor?.name ?? typeof optimizer);
    throw new PaddleTypeError(`${name} is not an Optimizer`);
  }
  return optimizer;
}

/** A per-group parameter: one value for every group, or a list with one per group (PyTorch's `_format_param`). */
function formatParam(where: string, name: string, optimizer: RMSprop, param: number | readonly number[]): number[] {
  if (Array.isArray(param)) {
    if (param.length !== optimizer.paramGroups.length) {
      throw new ValueError(`expected ${optimizer.paramGroups.length} values for ${name}, got ${param.length}`);
    }
    return param.map((v) => checkNumber(where, name, v));
  }
  return optimizer.paramGroups.map(() => checkNumber(where, name, param));
}

function clone<T extends SchedulerStateValue>(v: T): T {
  if (Array.isArray(v)) return v.map((x) => clone(x)) as T;
  if (v !== null && typeof v === 'object') {
    const out: { [key: string]: SchedulerStateValue } = {};
    for (const [k, x] of Object.entries(v)) out[k] = clone(x);
    return out as T;
  }
  return v;
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** State-dict keys that hold one number per parameter group. */
const PER_GROUP = new Set(['base_lrs', '_last_lr', 'min_lrs', 'max_lrs', 'base_momentums', 'max_momentums']);

/** One attribute of a scheduler as its state dict holds it: PyTorch's name, and this class's property. */
type Field = readonly [py: string, prop: string];

/**
 * What every scheduler here shares: the optimizer, the last learning rates, and the state dict in
 * PyTorch's layout.
 */
export abstract class SchedulerBase {
  /** The optimizer whose groups' `lr` the scheduler sets. */
  readonly optimizer: RMSprop;
  /** The learning rates the last step set, one per group (PyTorch's `_last_lr`). */
  protected lastLr: number[] = [];

  /** @param optimizer - The `compat.torch.RMSprop` to schedule. */
  protected constructor(optimizer: RMSprop) {
    this.optimizer = optimizer;
  }

  /** The attributes saved in the state dict, in PyTorch's `__dict__` order. */
  protected abstract fields(): readonly Field[];

  /**
   * The learning rates the last step set, one per parameter group (PyTorch's `get_last_lr()`).
   *
   * @returns A copy of the list.
   */
  getLastLr(): number[] {
    return [...this.lastLr];
  }

  /**
   * The scheduler's state in PyTorch's layout: its attributes by PyTorch's names, without the
   * optimizer (PyTorch's `state_dict()`); functions are saved as null.
   *
   * @returns A new object (deep copies of lists).
   */
  stateDict(): SchedulerStateDict {
    const out: SchedulerStateDict = {};
    const self = this as unknown as Record<string, SchedulerStateValue>;
    for (const [py, prop] of this.fields()) out[py] = clone(self[prop] as SchedulerStateValue);
    return out;
  }

  /**
   * Restores a state dict from {@link SchedulerBase.stateDict}, or from PyTorch (`torch.load` of
   * `scheduler.state_dict()` through `paddle.io.loadTorch`): each known key's value, checked to have
   * the current value's kind before anything changes; unknown keys are ignored. Load the
   * optimizer's state dict too: the groups' `lr` and `initial_lr` live there.
   *
   * @param stateDict - The state dict.
   * @throws {@link errors.TypeError} when the argument is not an object or a value has the wrong
   *   kind; {@link errors.ValueError} when a per-group list's length differs from the number of groups.
   */
  loadStateDict(stateDict: SchedulerStateDict): void {
    const updates = this.checkState(stateDict);
    this.applyState(updates);
  }

  /** Checks a state dict against this scheduler's fields; returns the [prop, value] pairs to set. */
  protected checkState(stateDict: SchedulerStateDict): [string, SchedulerStateValue][] {
    const where = `${this.constructor.name}.loadStateDict`;
    if (typeof stateDict !== 'object' || stateDict === null || Array.isArray(stateDict)) {
      throw new PaddleTypeError(`${where}: expected a state dict (an object), but received ${describe(stateDict)}.`);
    }
    const self = this as unknown as Record<string, SchedulerStateValue>;
    const updates: [string, SchedulerStateValue][] = [];
    for (const [py, prop] of this.fields()) {
      if (!(py in stateDict)) continue;
      const v = stateDict[py] as SchedulerStateValue;
      const cur = self[prop];
      const curKind = kindOf(cur);
      const kind = kindOf(v);
      const numberLike = (k: string): boolean => k === 'number' || k === 'boolean';
      if (kind !== curKind && !(numberLike(kind) && numberLike(curKind)) && cur !== null && v !== null) {
        throw new PaddleTypeError(`${where}: '${py}' must be a ${curKind}, but received ${describe(v)}.`);
      }
      if (PER_GROUP.has(py) && Array.isArray(v) && v.length !== this.optimizer.paramGroups.length) {
        throw new ValueError(`${where}: '${py}' must hold one value per parameter group (${this.optimizer.paramGroups.length}), but received ${v.length}.`);
      }
      if (Array.isArray(v) && Array.isArray(cur) && py !== 'lr_lambdas' && py !== '_schedulers') {
        for (const x of v) {
          if (typeof x !== 'number' && x !== null && typeof x !== 'object') throw new PaddleTypeError(`${where}: '${py}' must hold numbers, but received ${describe(x)}.`);
        }
      }
      updates.push([prop, typeof cur === 'number' && typeof v === 'boolean' ? Number(v) : v]);
    }
    return updates;
  }

  /** Sets checked values. */
  protected applyState(updates: [string, SchedulerStateValue][]): void {
    const self = this as unknown as Record<string, SchedulerStateValue>;
    for (const [prop, v] of updates) self[prop] = clone(v);
  }

  /** PyTorch's spelling of {@link SchedulerBase.getLastLr}: the same function. */
  get get_last_lr(): () => number[] {
    return this.getLastLr;
  }
  /** PyTorch's spelling of {@link SchedulerBase.stateDict}: the same function. */
  get state_dict(): () => SchedulerStateDict {
    return this.stateDict;
  }
  /** PyTorch's spelling of {@link SchedulerBase.loadStateDict}: the same function. */
  get load_state_dict(): (stateDict: SchedulerStateDict) => void {
    return this.loadStateDict;
  }
}

/**
 * PyTorch's `_LRScheduler`: the base of the epoch-based schedulers. Subclasses give `getLr()` (the
 * chainable form) and, where PyTorch has one, `closedFormLr()`.
 */
export abstract class LRScheduler extends SchedulerBase {
  /** The groups' `initial_lr` at construction (PyTorch's `base_lrs`). */
  baseLrs: number[];
  /** The number of steps taken; 0 after construction (PyTorch's `last_epoch`). */
  lastEpoch: number;
  /** Log each update. */
  verbose: boolean;
  /** Calls of `step()`, including the constructor's (PyTorch's `_step_count`). */
  protected stepCountValue = 0;
  /** Whether `getLr()` runs inside `step()` (PyTorch's `_get_lr_called_within_step`). */
  protected getLrCalledWithinStep = false;

  /**
   * @param optimizer - The optimizer.
   * @param options - {@link SchedulerOptions}.
   * @param where - The class name, for messages.
   * @param prepare - Changes to the optimizer's groups to make once the arguments are checked.
   */
  protected constructor(optimizer: RMSprop, options: SchedulerOptions, where: string, prepare?: () => void) {
    super(checkOptimizer(optimizer));
    const lastEpoch = options.lastEpoch === undefined ? -1 : checkInt(where, 'lastEpoch', options.lastEpoch);
    const verbose = options.verbose === undefined ? false : checkBool(where, 'verbose', options.verbose);
    prepare?.();
    if (lastEpoch === -1) {
      for (const g of optimizer.paramGroups) if (g.initialLr === undefined) g.initialLr = g.lr;
    } else {
      optimizer.paramGroups.forEach((g, i) => {
        if (g.initialLr === undefined) throw new KeyError(`param 'initial_lr' is not specified in param_groups[${i}] when resuming an optimizer`);
      });
    }
    this.baseLrs = optimizer.paramGroups.map((g) => g.initialLr as number);
    this.lastEpoch = lastEpoch;
    this.verbose = verbose;
  }

  /** PyTorch's `_initial_step`: resets the step counts and performs a step. Subclass constructors call it last. */
  initialStep(): void {
    this.optimizer.stepCount = 0;
    this.stepCountValue = 0;
    this.step();
  }

  /** The groups' current learning rates. */
  protected groupLrs(): number[] {
    return this.optimizer.paramGroups.map((g) => g.lr);
  }

  /**
   * The learning rates of the current epoch by PyTorch's chainable formula (PyTorch's `get_lr()`),
   * from the groups' current `lr`. Called outside `step()` it logs PyTorch's warning (use
   * {@link SchedulerBase.getLastLr}).
   *
   * @returns One learning rate per group.
   */
  getLr(): number[] {
    if (!this.getLrCalledWithinStep) warnOnce('To get the last learning rate computed by the scheduler, please use `get_last_lr()`.');
    return this.computeLr();
  }

  /** The chainable formula. */
  protected abstract computeLr(): number[];

  /** The closed form of the schedule at `lastEpoch`, where PyTorch has one (`_get_closed_form_lr`). */
  protected closedFormLr(): number[] | undefined {
    return undefined;
  }

  /**
   * Advances the schedule by one epoch and sets every group's `lr` (PyTorch's `step()`); call it
   * after `optimizer.step()`. With `epoch` (deprecated in PyTorch; logs its warning), jumps to that
   * epoch and uses the closed form where there is one.
   *
   * @param epoch - The epoch to jump to.
   * @throws {@link errors.TypeError} when `epoch` is not a number.
   */
  step(epoch?: number): void {
    if (epoch !== undefined) checkNumber(this.constructor.name, 'epoch', epoch);
    if (this.stepCountValue === 1 && this.optimizer.stepCount < 1) {
      warnOnce(
        'Detected call of `lr_scheduler.step()` before `optimizer.step()`. In PyTorch 1.1.0 and later, you should call them in the opposite order: `optimizer.step()` before `lr_scheduler.step()`.  Failure to do this will result in PyTorch skipping the first value of the learning rate schedule. See more details at https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate',
      );
    }
    this.stepCountValue += 1;
    let values: number[];
    const savedEpoch = this.lastEpoch;
    this.getLrCalledWithinStep = true;
    try {
      if (epoch === undefined) {
        this.lastEpoch += 1;
        values = this.getLr();
      } else {
        warnOnce(EPOCH_DEPRECATION_WARNING);
        this.lastEpoch = epoch;
        values = this.closedFormLr() ?? this.getLr();
      }
    } catch (e) {
      this.lastEpoch = savedEpoch;
      this.stepCountValue -= 1;
      throw e;
    } finally {
      this.getLrCalledWithinStep = false;
    }
    this.setLrs(values, epoch);
  }

  /** Writes the new learning rates into the groups (and logs them when verbose). */
  protected setLrs(values: number[], epoch: number | undefined): void {
    this.optimizer.paramGroups.forEach((g, i) => {
      const lr = values[i] as number;
      g.lr = lr;
      this.printLr(i, lr, epoch);
    });
    this.lastLr = this.groupLrs();
  }

  /** PyTorch's `print_lr`. */
  protected printLr(group: number, lr: number, epoch: number | undefined): void {
    if (!this.verbose) return;
    if (epoch === undefined) log(`Adjusting learning rate of group ${group} to ${format4e(lr)}.`);
    else log(`Epoch ${formatEpoch(epoch)}: adjusting learning rate of group ${group} to ${format4e(lr)}.`);
  }

  /** The base fields, after the subclass's own ones (`own`), in PyTorch's order. */
  protected baseFields(own: readonly Field[]): readonly Field[] {
    return [
      ...own,
      ['base_lrs', 'baseLrs'],
      ['last_epoch', 'lastEpoch'],
      ['verbose', 'verbose'],
      ['_step_count', 'stepCountValue'],
      ['_get_lr_called_within_step', 'getLrCalledWithinStep'],
      ['_last_lr', 'lastLr'],
    ];
  }

  /** PyTorch's spelling of {@link LRScheduler.getLr}: the same function. */
  get get_lr(): () => number[] {
    return this.getLr;
  }
}

// ------------------------------------------------------------------------------------------

/** Options of {@link LambdaLR} and {@link MultiplicativeLR}. */
export type LambdaLROptions = SchedulerOptions;

function lambdas(where: string, optimizer: RMSprop, lrLambda: LrLambda | readonly LrLambda[]): LrLambda[] {
  checkOptimizer(optimizer);
  if (Array.isArray(lrLambda)) {
    if (lrLambda.length !== optimizer.paramGroups.length) throw new ValueError(`Expected ${optimizer.paramGroups.length} lr_lambdas, but got ${lrLambda.length}`);
    for (const f of lrLambda) if (typeof f !== 'function') throw new PaddleTypeError(`${where}: 'lrLambda' must hold functions, but received ${describe(f)}.`);
    return [...(lrLambda as LrLambda[])];
  }
  if (typeof lrLambda !== 'function') throw new PaddleTypeError(`${where}: 'lrLambda' must be a function or a list of functions, but received ${describe(lrLambda)}.`);
  return optimizer.paramGroups.map(() => lrLambda as LrLambda);
}

/**
 * The base of {@link LambdaLR} and {@link MultiplicativeLR}: their functions are saved as null in
 * the state dict (PyTorch saves plain functions and lambdas so), and a saved object is merged into
 * the function's properties on load (PyTorch's callable objects).
 */
export abstract class LambdaScheduler extends LRScheduler {
  /** The functions, one per group (PyTorch's `lr_lambdas`). */
  lrLambdas: LrLambda[];

  /**
   * @param optimizer - The optimizer.
   * @param lrLambda - A function of the epoch, or one per group.
   * @param options - {@link LambdaLROptions}.
   * @param where - The class name, for messages.
   */
  protected constructor(optimizer: RMSprop, lrLambda: LrLambda | readonly LrLambda[], options: LambdaLROptions | undefined, where: string) {
    const fns = lambdas(where, optimizer, lrLambda);
    super(optimizer, checkOptions(where, options, ['lastEpoch', 'verbose']), where);
    this.lrLambdas = fns;
  }

  protected fields(): readonly Field[] {
    return this.baseFields([]);
  }

  /** The state dict, with `lr_lambdas: [null, …]` last (PyTorch's layout). @returns A new object. */
  override stateDict(): SchedulerStateDict {
    return { ...super.stateDict(), lr_lambdas: this.lrLambdas.map(() => null) };
  }

  /**
   * Restores a state dict; an object in `lr_lambdas` is merged into that group's function.
   *
   * @param stateDict - The state dict.
   * @throws {@link errors.TypeError} for a value of the wrong kind.
   */
  override loadStateDict(stateDict: SchedulerStateDict): void {
    const updates = this.checkState(stateDict);
    const saved = (stateDict as { lr_lambdas?: unknown }).lr_lambdas;
    if (saved !== undefined && !Array.isArray(saved)) throw new PaddleTypeError(`${this.constructor.name}.loadStateDict: 'lr_lambdas' must be a list, but received ${describe(saved)}.`);
    this.applyState(updates);
    (saved ?? []).forEach((entry: unknown, i: number) => {
      const fn = this.lrLambdas[i];
      if (entry !== null && typeof entry === 'object' && fn !== undefined) Object.assign(fn, entry);
    });
  }
}

/**
 * Sets each group's learning rate to its initial lr times `lrLambda(epoch)`. PyTorch:
 * `torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda, last_epoch=-1, verbose=False)`.
 */
export class LambdaLR extends LambdaScheduler {
  /**
   * @param optimizer - The optimizer.
   * @param lrLambda - A function of the epoch, or one per group.
   * @param options - {@link LambdaLROptions}.
   * @throws {@link errors.ValueError} when the list's length differs from the number of groups.
   */
  constructor(optimizer: RMSprop, lrLambda: LrLambda | readonly LrLambda[], options?: LambdaLROptions) {
    super(optimizer, lrLambda, options, 'LambdaLR');
    this.initialStep();
  }

  protected computeLr(): number[] {
    return this.baseLrs.map((base, i) => base * (this.lrLambdas[i] as LrLambda)(this.lastEpoch));
  }
}

/**
 * Multiplies each group's learning rate by `lrLambda(epoch)` every epoch after the first. PyTorch:
 * `torch.optim.lr_scheduler.MultiplicativeLR(optimizer, lr_lambda, last_epoch=-1, verbose=False)`.
 */
export class MultiplicativeLR extends LambdaScheduler {
  /**
   * @param optimizer - The optimizer.
   * @param lrLambda - A function of the epoch, or one per group.
   * @param options - {@link LambdaLROptions}.
   * @throws {@link errors.ValueError} when the list's length differs from the number of groups.
   */
  constructor(optimizer: RMSprop, lrLambda: LrLambda | readonly LrLambda[], options?: LambdaLROptions) {
    super(optimizer, lrLambda, options, 'MultiplicativeLR');
    this.initialStep();
  }

  protected computeLr(): number[] {
    if (this.lastEpoch > 0) return this.optimizer.paramGroups.map((g, i) => g.lr * (this.lrLambdas[i] as LrLambda)(this.lastEpoch));
    return this.groupLrs();
  }
}

/** Options of {@link StepLR}. */
export interface StepLROptions extends SchedulerOptions {
  /** Multiplicative factor of the decay (default 0.1). */
  gamma?: number;
}

/**
 * Multiplies each group's learning rate by `gamma` every `stepSize` epochs. PyTorch:
 * `torch.optim.lr_scheduler.StepLR(optimizer, step_size, gamma=0.1, last_epoch=-1, verbose=False)`.
 */
export class StepLR extends LRScheduler {
  /** The period of the decay in epochs (PyTorch's `step_size`). */
  stepSize: number;
  /** The factor. */
  gamma: number;

  /**
   * @param optimizer - The optimizer.
   * @param stepSize - The period of the decay (a positive integer).
   * @param options - {@link StepLROptions}.
   * @throws {@link errors.ValueError} for a step size below 1 (where PyTorch fails at its first
   *   decay with ZeroDivisionError); {@link errors.TypeError} for a non-number.
   */
  constructor(optimizer: RMSprop, stepSize: number, options?: StepLROptions) {
    const o = checkOptions('StepLR', options, ['gamma', 'lastEpoch', 'verbose']);
    const size = checkInt('StepLR', 'stepSize', stepSize);
    if (size < 1) throw new ValueError(`StepLR: step_size must be a positive integer, but got ${size}`);
    const gamma = o.gamma === undefined ? 0.1 : checkNumber('StepLR', 'gamma', o.gamma);
    super(optimizer, o, 'StepLR');
    this.stepSize = size;
    this.gamma = gamma;
    this.initialStep();
  }

  protected fields(): readonly Field[] {
    return this.baseFields([
      ['step_size', 'stepSize'],
      ['gamma', 'gamma'],
    ]);
  }

  protected computeLr(): number[] {
    if (this.lastEpoch === 0 || pyMod(this.lastEpoch, this.stepSize) !== 0) return this.groupLrs();
    return this.groupLrs().map((lr) => lr * this.gamma);
  }

  protected override closedFormLr(): number[] {
    return this.baseLrs.map((base) => base * pow(this.gamma, floorDiv(this.lastEpoch, this.stepSize)));
  }
}

/** Options of {@link MultiStepLR}. */
export interface MultiStepLROptions extends SchedulerOptions {
  /** Multiplicative factor of the decay (default 0.1). */
  gamma?: number;
}

/**
 * Multiplies each group's learning rate by `gamma` at each milestone epoch (by `gamma^k` at a
 * milestone listed k times). PyTorch: `torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones,
 * gamma=0.1, last_epoch=-1, verbose=False)`.
 */
export class MultiStepLR extends LRScheduler {
  /** Milestone epoch → how many times it was listed (PyTorch's `Counter`, a dict in the state dict). */
  milestones: { [epoch: string]: number };
  /** The factor. */
  gamma: number;

  /**
   * @param optimizer - The optimizer.
   * @param milestones - Epoch indices (integers).
   * @param options - {@link MultiStepLROptions}.
   * @throws {@link errors.TypeError} for a milestone that is not an integer.
   */
  constructor(optimizer: RMSprop, milestones: readonly number[], options?: MultiStepLROptions) {
    const o = checkOptions('MultiStepLR', options, ['gamma', 'lastEpoch', 'verbose']);
    if (!Array.isArray(milestones)) throw new PaddleTypeError(`MultiStepLR: 'milestones' must be a list of integers, but received ${describe(milestones)}.`);
    const counter: { [epoch: string]: number } = {};
    for (const m of milestones) {
      checkInt('MultiStepLR', 'milestones', m);
      counter[String(m)] = (counter[String(m)] ?? 0) + 1;
    }
    const gamma = o.gamma === undefined ? 0.1 : checkNumber('MultiStepLR', 'gamma', o.gamma);
    super(optimizer, o, 'MultiStepLR');
    this.milestones = counter;
    this.gamma = gamma;
    this.initialStep();
  }

  protected fields(): readonly Field[] {
    return this.baseFields([
      ['milestones', 'milestones'],
      ['gamma', 'gamma'],
    ]);
  }

  protected computeLr(): number[] {
    const count = this.milestones[String(this.lastEpoch)];
    if (count === undefined) return this.groupLrs();
    return this.groupLrs().map((lr) => lr * pow(this.gamma, count));
  }

  protected override closedFormLr(): number[] {
    let passed = 0;
    for (const [m, c] of Object.entries(this.milestones)) if (Number(m) <= this.lastEpoch) passed += c;
    return this.baseLrs.map((base) => base * pow(this.gamma, passed));
  }
}

/** Options of {@link ConstantLR}. */
export interface ConstantLROptions extends SchedulerOptions {
  /** The factor until the milestone, in [0, 1] (default 1/3). */
  factor?: number;
  /** The number of epochs the factor applies (default 5). */
  totalIters?: number;
}

/**
 * Multiplies each group's learning rate by `factor` until epoch `totalIters`. PyTorch:
 * `torch.optim.lr_scheduler.ConstantLR(optimizer, factor=1/3, total_iters=5, last_epoch=-1, verbose=False)`.
 */
export class ConstantLR extends LRScheduler {
  /** The factor. */
  factor: number;
  /** The milestone (PyTorch's `total_iters`). */
  totalIters: number;

  /**
   * @param optimizer - The optimizer.
   * @param options - {@link ConstantLROptions}.
   * @throws {@link errors.ValueError} for a factor outside [0, 1] (PyTorch's message).
   */
  constructor(optimizer: RMSprop, options?: ConstantLROptions) {
    const o = checkOptions('ConstantLR', options, ['factor', 'totalIters', 'lastEpoch', 'verbose']);
    const factor = o.factor === undefined ? 1.0 / 3 : checkNumber('ConstantLR', 'factor', o.factor);
    if (factor > 1.0 || factor < 0) throw new ValueError('Constant multiplicative factor expected to be between 0 and 1.');
    const totalIters = o.totalIters === undefined ? 5 : checkInt('ConstantLR', 'totalIters', o.totalIters);
    super(optimizer, o, 'ConstantLR');
    this.factor = factor;
    this.totalIters = totalIters;
    this.initialStep();
  }

  protected fields(): readonly Field[] {
    return this.baseFields([
      ['factor', 'factor'],
      ['total_iters', 'totalIters'],
    ]);
  }

  protected computeLr(): number[] {
    if (this.lastEpoch === 0) return this.groupLrs().map((lr) => lr * this.factor);
    if (this.lastEpoch !== this.totalIters) return this.groupLrs();
    return this.groupLrs().map((lr) => lr * (1.0 / this.factor));
  }

  protected override closedFormLr(): number[] {
    return this.baseLrs.map((base) => base * (this.factor + (this.lastEpoch >= this.totalIters ? 1 : 0) * (1 - this.factor)));
  }
}

/** Options of {@link LinearLR}. */
export interface LinearLROptions extends SchedulerOptions {
  /** The factor at the first epoch, in [0, 1] (default 1/3). */
  startFactor?: number;
  /** The factor at `totalIters` and after, in [0, 1] (default 1). */
  endFactor?: number;
  /** The number of epochs of the ramp (default 5). */
  totalIters?: number;
}

/**
 * Ramps each group's learning rate linearly from `startFactor` to `endFactor` times its initial lr
 * over `totalIters` epochs. PyTorch: `torch.optim.lr_scheduler.LinearLR(optimizer,
 * start_factor=1/3, end_factor=1.0, total_iters=5, last_epoch=-1, verbose=False)`.
 */
export class LinearLR extends LRScheduler {
  /** The first factor. */
  startFactor: number;
  /** The last factor. */
  endFactor: number;
  /** The length of the ramp. */
  totalIters: number;

  /**
   * @param optimizer - The optimizer.
   * @param options - {@link LinearLROptions}.
   * @throws {@link errors.ValueError} for a factor outside [0, 1] (PyTorch's messages).
   */
  constructor(optimizer: RMSprop, options?: LinearLROptions) {
    const o = checkOptions('LinearLR', options, ['startFactor', 'endFactor', 'totalIters', 'lastEpoch', 'verbose']);
    const start = o.startFactor === undefined ? 1.0 / 3 : checkNumber('LinearLR', 'startFactor', o.startFactor);
    const end = o.endFactor === undefined ? 1.0 : checkNumber('LinearLR', 'endFactor', o.endFactor);
    if (start > 1.0 || start < 0) throw new ValueError('Starting multiplicative factor expected to be between 0 and 1.');
    if (end > 1.0 || end < 0) throw new ValueError('Ending multiplicative factor expected to be between 0 and 1.');
    const totalIters = o.totalIters === undefined ? 5 : checkInt('LinearLR', 'totalIters', o.totalIters);
    super(optimizer, o, 'LinearLR');
    this.startFactor = start;
    this.endFactor = end;
    this.totalIters = totalIters;
    this.initialStep();
  }

  protected fields(): readonly Field[] {
    return this.baseFields([
      ['start_factor', 'startFactor'],
      ['end_factor', 'endFactor'],
      ['total_iters', 'totalIters'],
    ]);
  }

  protected computeLr(): number[] {
    if (this.lastEpoch === 0) return this.groupLrs().map((lr) => lr * this.startFactor);
    if (this.lastEpoch > this.totalIters) return this.groupLrs();
    const d = this.endFactor - this.startFactor;
    return this.groupLrs().map((lr) => lr * (1 + d / (this.totalIters * this.startFactor + (this.lastEpoch - 1) * d)));
  }

  protected override closedFormLr(): number[] {
    const d = this.endFactor - this.startFactor;
    return this.baseLrs.map((base) => base * (this.startFactor + (d * Math.min(this.totalIters, this.lastEpoch)) / this.totalIters));
  }
}

/** Options of {@link ExponentialLR}. */
export type ExponentialLROptions = SchedulerOptions;

/**
 * Multiplies each group's learning rate by `gamma` every epoch. PyTorch:
 * `torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma, last_epoch=-1, verbose=False)`.
 */
export class ExponentialLR extends LRScheduler {
  /** The factor. */
  gamma: number;

  /**
   * @param optimizer - The optimizer.
   * @param gamma - The factor.
   * @param options - {@link ExponentialLROptions}.
   */
  constructor(optimizer: RMSprop, gamma: number, options?: ExponentialLROptions) {
    const o = checkOptions('ExponentialLR', options, ['lastEpoch', 'verbose']);
    const g = checkNumber('ExponentialLR', 'gamma', gamma);
    super(optimizer, o, 'ExponentialLR');
    this.gamma = g;
    this.initialStep();
  }

  protected fields(): readonly Field[] {
    return this.baseFields([['gamma', 'gamma']]);
  }

  protected computeLr(): number[] {
    if (this.lastEpoch === 0) return this.groupLrs();
    return this.groupLrs().map((lr) => lr * this.gamma);
  }

  protected override closedFormLr(): number[] {
    return this.baseLrs.map((base) => base * pow(this.gamma, this.lastEpoch));
  }
}

/** Options of {@link PolynomialLR}. */
export interface PolynomialLROptions extends SchedulerOptions {
  /** The number of epochs of the decay (default 5). */
  totalIters?: number;
  /** The power of the polynomial (default 1). */
  power?: number;
}

/**
 * Decays each group's learning rate by a polynomial to 0 at `totalIters`. PyTorch:
 * `torch.optim.lr_scheduler.PolynomialLR(optimizer, total_iters=5, power=1.0, last_epoch=-1, verbose=False)`.
 */
export class PolynomialLR extends LRScheduler {
  /** The length of the decay. */
  totalIters: number;
  /** The power. */
  power: number;

  /**
   * @param optimizer - The optimizer.
   * @param options - {@link PolynomialLROptions}.
   */
  constructor(optimizer: RMSprop, options?: PolynomialLROptions) {
    const o = checkOptions('PolynomialLR', options, ['totalIters', 'power', 'lastEpoch', 'verbose']);
    const totalIters = o.totalIters === undefined ? 5 : checkInt('PolynomialLR', 'totalIters', o.totalIters);
    const power = o.power === undefined ? 1.0 : checkNumber('PolynomialLR', 'power', o.power);
    super(optimizer, o, 'PolynomialLR');
    this.totalIters = totalIters;
    this.power = power;
    this.initialStep();
  }

  protected fields(): readonly Field[] {
    return this.baseFields([
      ['total_iters', 'totalIters'],
      ['power', 'power'],
    ]);
  }

  protected computeLr(): number[] {
    if (this.lastEpoch === 0 || this.lastEpoch > this.totalIters) return this.groupLrs();
    const decay = pow((1.0 - this.lastEpoch / this.totalIters) / (1.0 - (this.lastEpoch - 1) / this.totalIters), this.power);
    return this.groupLrs().map((lr) => lr * decay);
  }

  protected override closedFormLr(): number[] {
    return this.baseLrs.map((base) => base * pow(1.0 - Math.min(this.totalIters, this.lastEpoch) / this.totalIters, this.power));
  }
}

/** Options of {@link CosineAnnealingLR}. */
export interface CosineAnnealingLROptions extends SchedulerOptions {
  /** The minimum learning rate (default 0). */
  etaMin?: number;
}

/**
 * Anneals each group's learning rate from its initial lr to `etaMin` along a half cosine over
 * `TMax` epochs (then back up, periodically), by PyTorch's recursive formula. PyTorch:
 * `torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max, eta_min=0, last_epoch=-1, verbose=False)`.
 */
export class CosineAnnealingLR extends LRScheduler {
  /** The half period (PyTorch's `T_max`). */
  TMax: number;
  /** The minimum learning rate (PyTorch's `eta_min`). */
  etaMin: number;

  /**
   * @param optimizer - The optimizer.
   * @param TMax - The half period in epochs.
   * @param options - {@link CosineAnnealingLROptions}.
   * @throws {@link errors.ValueError} for `TMax` 0 (PyTorch divides by it).
   */
  constructor(optimizer: RMSprop, TMax: number, options?: CosineAnnealingLROptions) {
    const o = checkOptions('CosineAnnealingLR', options, ['etaMin', 'lastEpoch', 'verbose']);
    const t = checkNumber('CosineAnnealingLR', 'TMax', TMax);
    if (t === 0) throw new ValueError('CosineAnnealingLR: T_max must not be 0 (float division by zero)');
    const etaMin = o.etaMin === undefined ? 0 : checkNumber('CosineAnnealingLR', 'etaMin', o.etaMin);
    super(optimizer, o, 'CosineAnnealingLR');
    this.TMax = t;
    this.etaMin = etaMin;
    this.initialStep();
  }

  protected fields(): readonly Field[] {
    return this.baseFields([
      ['T_max', 'TMax'],
      ['eta_min', 'etaMin'],
    ]);
  }

  protected computeLr(): number[] {
    const e = this.lastEpoch;
    const T = this.TMax;
    const etaMin = this.etaMin;
    if (e === 0) return this.groupLrs();
    if (this.stepCountValue === 1 && e > 0) return this.baseLrs.map((base) => etaMin + ((base - etaMin) * (1 + cos((e * PI) / T))) / 2);
    if (pyMod(e - 1 - T, 2 * T) === 0) return this.groupLrs().map((lr, i) => lr + (((this.baseLrs[i] as number) - etaMin) * (1 - cos(PI / T))) / 2);
    return this.groupLrs().map((lr) => ((1 + cos((PI * e) / T)) / (1 + cos((PI * (e - 1)) / T))) * (lr - etaMin) + etaMin);
  }

  protected override closedFormLr(): number[] {
    return this.baseLrs.map((base) => this.etaMin + ((base - this.etaMin) * (1 + cos((PI * this.lastEpoch) / this.TMax))) / 2);
  }
}

/** Options of {@link CosineAnnealingWarmRestarts}. */
export interface CosineAnnealingWarmRestartsOptions extends SchedulerOptions {
  /** The factor by which the period grows after each restart, an integer ≥ 1 (default 1). */
  TMult?: number;
  /** The minimum learning rate (default 0). */
  etaMin?: number;
}

/**
 * Cosine annealing with warm restarts (SGDR): the period starts at `T0` epochs and is multiplied by
 * `TMult` at each restart. PyTorch: `torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(optimizer,
 * T_0, T_mult=1, eta_min=0, last_epoch=-1, verbose=False)`.
 */
export class CosineAnnealingWarmRestarts extends LRScheduler {
  /** The first period (PyTorch's `T_0`). */
  T0: number;
  /** The current period (PyTorch's `T_i`). */
  Ti: number;
  /** The growth factor of the period (PyTorch's `T_mult`). */
  TMult: number;
  /** The minimum learning rate (PyTorch's `eta_min`). */
  etaMin: number;
  /** The epochs since the last restart (PyTorch's `T_cur`; fractional after `step(epoch)` with a fraction). */
  TCur: number;

  /**
   * @param optimizer - The optimizer.
   * @param T0 - The first period, a positive integer.
   * @param options - {@link CosineAnnealingWarmRestartsOptions}.
   * @throws {@link errors.ValueError} for `T0` < 1 or `TMult` < 1 or not integers (PyTorch's messages).
   */
  constructor(optimizer: RMSprop, T0: number, options?: CosineAnnealingWarmRestartsOptions) {
    const o = checkOptions('CosineAnnealingWarmRestarts', options, ['TMult', 'etaMin', 'lastEpoch', 'verbose']);
    if (typeof T0 !== 'number' || T0 <= 0 || !Number.isInteger(T0)) throw new ValueError(`Expected positive integer T_0, but got ${describe(T0)}`);
    const TMult = o.TMult === undefined ? 1 : o.TMult;
    if (typeof TMult !== 'number' || TMult < 1 || !Number.isInteger(TMult)) throw new ValueError(`Expected integer T_mult >= 1, but got ${describe(TMult)}`);
    const etaMin = o.etaMin === undefined ? 0 : checkNumber('CosineAnnealingWarmRestarts', 'etaMin', o.etaMin);
    const lastEpoch = o.lastEpoch === undefined ? -1 : checkInt('CosineAnnealingWarmRestarts', 'lastEpoch', o.lastEpoch);
    super(optimizer, o, 'CosineAnnealingWarmRestarts');
    this.T0 = T0;
    this.Ti = T0;
    this.TMult = TMult;
    this.etaMin = etaMin;
    this.TCur = lastEpoch;
    this.initialStep();
  }

  protected fields(): readonly Field[] {
    return this.baseFields([
      ['T_0', 'T0'],
      ['T_i', 'Ti'],
      ['T_mult', 'TMult'],
      ['eta_min', 'etaMin'],
      ['T_cur', 'TCur'],
    ]);
  }

  protected computeLr(): number[] {
    return this.baseLrs.map((base) => this.etaMin + ((base - this.etaMin) * (1 + cos((PI * this.TCur) / this.Ti))) / 2);
  }

  /**
   * Advances by one epoch, or jumps to `epoch` (fractional epochs allowed: call it after every batch
   * with `epoch + i / iters`), and sets every group's `lr`. PyTorch's `step(epoch=None)`.
   *
   * @param epoch - The epoch to jump to (≥ 0).
   * @throws {@link errors.ValueError} for a negative epoch (PyTorch's message).
   */
  override step(epoch?: number): void {
    let e = epoch;
    if (e !== undefined) {
      checkNumber('CosineAnnealingWarmRestarts', 'epoch', e);
      if (e < 0) throw new ValueError(`Expected non-negative epoch, but got ${e}`);
    }
    if (e === undefined && this.lastEpoch < 0) e = 0;
    if (e === undefined) {
      e = this.lastEpoch + 1;
      this.TCur = this.TCur + 1;
      if (this.TCur >= this.Ti) {
        this.TCur = this.TCur - this.Ti;
        this.Ti = this.Ti * this.TMult;
      }
    } else if (e >= this.T0) {
      if (this.TMult === 1) this.TCur = pyMod(e, this.T0);
      else {
        const n = Math.trunc(logBase((e / this.T0) * (this.TMult - 1) + 1, this.TMult));
        this.TCur = e - (this.T0 * (intPow(this.TMult, n) - 1)) / (this.TMult - 1);
        this.Ti = this.T0 * intPow(this.TMult, n);
      }
    } else {
      this.Ti = this.T0;
      this.TCur = e;
    }
    this.lastEpoch = Math.floor(e);
    this.getLrCalledWithinStep = true;
    let values: number[];
    try {
      values = this.getLr();
    } finally {
      this.getLrCalledWithinStep = false;
    }
    this.setLrs(values, epoch);
  }
}

/** Options of {@link CyclicLR}. */
export interface CyclicLROptions extends SchedulerOptions {
  /** Iterations in the increasing half of a cycle (default 2000). */
  stepSizeUp?: number;
  /** Iterations in the decreasing half (default `stepSizeUp`). */
  stepSizeDown?: number;
  /** `'triangular'` (default), `'triangular2'` or `'exp_range'`; ignored with `scaleFn`. */
  mode?: 'triangular' | 'triangular2' | 'exp_range';
  /** The base of `'exp_range'` scaling, `gamma^iterations` (default 1). */
  gamma?: number;
  /** A custom scaling policy, in [0, 1] for x ≥ 0. */
  scaleFn?: (x: number) => number;
  /** Whether `scaleFn` takes the cycle number (`'cycle'`, default) or the iteration (`'iterations'`). */
  scaleMode?: 'cycle' | 'iterations';
  /** Cycle the momentum inversely to the learning rate (default true). */
  cycleMomentum?: boolean;
  /** Lower momentum boundary, or one per group (default 0.8). */
  baseMomentum?: number | readonly number[];
  /** Upper momentum boundary, or one per group (default 0.9). */
  maxMomentum?: number | readonly number[];
}

/**
 * The cyclical learning rate policy (CLR) between `baseLr` and `maxLr`, stepped after every batch;
 * cycles the groups' momentum inversely by default. PyTorch: `torch.optim.lr_scheduler.CyclicLR(
 * optimizer, base_lr, max_lr, step_size_up=2000, step_size_down=None, mode='triangular', gamma=1.0,
 * scale_fn=None, scale_mode='cycle', cycle_momentum=True, base_momentum=0.8, max_momentum=0.9,
 * last_epoch=-1, verbose=False)`. Its state dict leaves out the scaling function (PyTorch 1.13's
 * holds a weak method reference that cannot be pickled).
 */
export class CyclicLR extends LRScheduler {
  /** The upper boundaries, one per group (PyTorch's `max_lrs`). */
  maxLrs: number[];
  /** The length of a cycle (PyTorch's `total_size`). */
  totalSize: number;
  /** The fraction of the cycle spent increasing (PyTorch's `step_ratio`). */
  stepRatio: number;
  /** The policy. */
  mode: string;
  /** The base of `'exp_range'`. */
  gamma: number;
  /** `'cycle'` or `'iterations'` (PyTorch's `scale_mode`). */
  scaleMode: string;
  /** Whether the momentum cycles (PyTorch's `cycle_momentum`). */
  cycleMomentum: boolean;
  /** The lower momentum boundaries (PyTorch's `base_momentums`). */
  baseMomentums: number[] = [];
  /** The upper momentum boundaries (PyTorch's `max_momentums`). */
  maxMomentums: number[] = [];
  /** The custom scaling policy, if any (PyTorch's `_scale_fn_custom`; not saved). */
  private readonly scaleFnCustom: ((x: number) => number) | undefined;

  /**
   * @param optimizer - The optimizer.
   * @param baseLr - The lower boundary, or one per group.
   * @param maxLr - The upper boundary, or one per group.
   * @param options - {@link CyclicLROptions}.
   * @throws {@link errors.ValueError} for an unknown mode without `scaleFn`, or lists whose length
   *   differs from the number of groups (PyTorch's messages).
   */
  constructor(optimizer: RMSprop, baseLr: number | readonly number[], maxLr: number | readonly number[], options?: CyclicLROptions) {
    const where = 'CyclicLR';
    const o = checkOptions(where, options, [
      'stepSizeUp',
      'stepSizeDown',
      'mode',
      'gamma',
      'scaleFn',
      'scaleMode',
      'cycleMomentum',
      'baseMomentum',
      'maxMomentum',
      'lastEpoch',
      'verbose',
    ]);
    const opt = checkOptimizer(optimizer);
    const baseLrs = formatParam(where, 'base_lr', opt, baseLr);
    const maxLrs = formatParam(where, 'max_lr', opt, maxLr);
    const up = o.stepSizeUp === undefined ? 2000 : checkNumber(where, 'stepSizeUp', o.stepSizeUp);
    const down = o.stepSizeDown === undefined ? up : checkNumber(where, 'stepSizeDown', o.stepSizeDown);
    const mode = o.mode ?? 'triangular';
    if (o.scaleFn !== undefined && typeof o.scaleFn !== 'function') throw new PaddleTypeError(`${where}: 'scaleFn' must be a function, but received ${describe(o.scaleFn)}.`);
    if (!['triangular', 'triangular2', 'exp_range'].includes(mode) && o.scaleFn === undefined) throw new ValueError('mode is invalid and scale_fn is None');
    const gamma = o.gamma === undefined ? 1.0 : checkNumber(where, 'gamma', o.gamma);
    const scaleMode = o.scaleFn === undefined ? (mode === 'exp_range' ? 'iterations' : 'cycle') : (o.scaleMode ?? 'cycle');
    const cycleMomentum = o.cycleMomentum === undefined ? true : checkBool(where, 'cycleMomentum', o.cycleMomentum);
    const lastEpoch = o.lastEpoch ?? -1;
    const baseMomentums = cycleMomentum ? formatParam(where, 'base_momentum', opt, o.baseMomentum ?? 0.8) : [];
    const maxMomentums = cycleMomentum ? formatParam(where, 'max_momentum', opt, o.maxMomentum ?? 0.9) : [];
    super(opt, o, where, () => {
      if (lastEpoch === -1) opt.paramGroups.forEach((g, i) => (g.lr = baseLrs[i] as number));
      if (cycleMomentum && lastEpoch === -1) opt.paramGroups.forEach((g, i) => (g.momentum = baseMomentums[i] as number));
    });
    this.maxLrs = maxLrs;
    this.totalSize = up + down;
    this.stepRatio = up / this.totalSize;
    this.mode = mode;
    this.gamma = gamma;
    this.scaleFnCustom = o.scaleFn;
    this.scaleMode = scaleMode;
    this.cycleMomentum = cycleMomentum;
    if (cycleMomentum) {
      this.baseMomentums = opt.paramGroups.map((g) => g.momentum);
      this.maxMomentums = maxMomentums;
    }
    this.initialStep();
    this.baseLrs = baseLrs;
  }

  protected fields(): readonly Field[] {
    const own: Field[] = [
      ['max_lrs', 'maxLrs'],
      ['total_size', 'totalSize'],
      ['step_ratio', 'stepRatio'],
      ['mode', 'mode'],
      ['gamma', 'gamma'],
      ['scale_mode', 'scaleMode'],
      ['cycle_momentum', 'cycleMomentum'],
    ];
    if (this.cycleMomentum) own.push(['base_momentums', 'baseMomentums'], ['max_momentums', 'maxMomentums']);
    return this.baseFields(own);
  }

  private scaleFn(x: number): number {
    if (this.scaleFnCustom !== undefined) return this.scaleFnCustom(x);
    if (this.mode === 'triangular') return 1.0;
    if (this.mode === 'triangular2') return 1 / pow(2.0, x - 1);
    return pow(this.gamma, x);
  }

  protected computeLr(): number[] {
    const cycle = Math.floor(1 + this.lastEpoch / this.totalSize);
    const x = 1.0 + this.lastEpoch / this.totalSize - cycle;
    const scale = x <= this.stepRatio ? x / this.stepRatio : (x - 1) / (this.stepRatio - 1);
    const arg = this.scaleMode === 'cycle' ? cycle : this.lastEpoch;
    const lrs = this.baseLrs.map((base, i) => base + ((this.maxLrs[i] as number) - base) * scale * this.scaleFn(arg));
    if (this.cycleMomentum) {
      const momentums = this.baseMomentums.map((b, i) => {
        const m = this.maxMomentums[i] as number;
        return m - (m - b) * scale * this.scaleFn(arg);
      });
      this.optimizer.paramGroups.forEach((g, i) => (g.momentum = momentums[i] as number));
    }
    return lrs;
  }
}

/** Options of {@link OneCycleLR}: `totalSteps`, or `epochs` and `stepsPerEpoch`. */
export interface OneCycleLROptions extends SchedulerOptions {
  /** The number of steps in the cycle. */
  totalSteps?: number;
  /** With `stepsPerEpoch`: `totalSteps = epochs · stepsPerEpoch`. */
  epochs?: number;
  /** With `epochs`. */
  stepsPerEpoch?: number;
  /** The fraction of the cycle spent increasing the learning rate (default 0.3). */
  pctStart?: number;
  /** `'cos'` (default) or `'linear'`. */
  annealStrategy?: 'cos' | 'linear';
  /** Cycle the momentum inversely to the learning rate (default true: sets the groups' `momentum`). */
  cycleMomentum?: boolean;
  /** Lower momentum boundary, or one per group (default 0.85). */
  baseMomentum?: number | readonly number[];
  /** Upper momentum boundary, or one per group (default 0.95). */
  maxMomentum?: number | readonly number[];
  /** `initial_lr = max_lr / divFactor` (default 25). */
  divFactor?: number;
  /** `min_lr = initial_lr / finalDivFactor` (default 1e4). */
  finalDivFactor?: number;
  /** Use three phases, as the original paper (default false: fastai's two). */
  threePhase?: boolean;
}

/** One phase of {@link OneCycleLR} (PyTorch's `_schedule_phases` entries, with its keys). */
export interface OneCyclePhase {
  /** The last step of the phase. */
  end_step: number;
  /** The group key the learning rate starts from. */
  start_lr: 'initial_lr' | 'max_lr' | 'min_lr';
  /** The group key the learning rate ends at. */
  end_lr: 'initial_lr' | 'max_lr' | 'min_lr';
  /** The group key the momentum starts from. */
  start_momentum: 'max_momentum' | 'base_momentum';
  /** The group key the momentum ends at. */
  end_momentum: 'max_momentum' | 'base_momentum';
}

const GROUP_KEY: { [k in OneCyclePhase['start_lr'] | OneCyclePhase['start_momentum']]: keyof RMSpropGroup } = {
  initial_lr: 'initialLr',
  max_lr: 'maxLr',
  min_lr: 'minLr',
  max_momentum: 'maxMomentum',
  base_momentum: 'baseMomentum',
};

/**
 * The 1cycle policy: the learning rate rises from `maxLr / divFactor` to `maxLr`, then falls to
 * `initial_lr / finalDivFactor`, stepped after every batch; the momentum cycles inversely by
 * default. PyTorch: `torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr, total_steps=None,
 * epochs=None, steps_per_epoch=None, pct_start=0.3, anneal_strategy='cos', cycle_momentum=True,
 * base_momentum=0.85, max_momentum=0.95, div_factor=25.0, final_div_factor=1e4,
 * three_phase=False, last_epoch=-1, verbose=False)`. Not chainable. Its state dict names the
 * annealing function by a string (`anneal_func: 'cos'`), where PyTorch 1.13 pickles a bound method.
 */
export class OneCycleLR extends LRScheduler {
  /** The number of steps in the cycle (PyTorch's `total_steps`). */
  totalSteps: number;
  /** The phases (PyTorch's `_schedule_phases`). */
  schedulePhases: OneCyclePhase[];
  /** `'cos'` or `'linear'`. */
  annealFunc: string;
  /** Whether the momentum cycles (PyTorch's `cycle_momentum`). */
  cycleMomentum: boolean;
  /** Always false here: RMSprop has `momentum`, not `betas` (PyTorch's `use_beta1`). */
  useBeta1 = false;

  /**
   * @param optimizer - The optimizer.
   * @param maxLr - The peak learning rate, or one per group.
   * @param options - {@link OneCycleLROptions}.
   * @throws {@link errors.ValueError} for missing or non-positive step counts, `pctStart` outside
   *   [0, 1], an unknown strategy, or lists of the wrong length (PyTorch's messages).
   */
  constructor(optimizer: RMSprop, maxLr: number | readonly number[], options?: OneCycleLROptions) {
    const where = 'OneCycleLR';
    const o = checkOptions(where, options, [
      'totalSteps',
      'epochs',
      'stepsPerEpoch',
      'pctStart',
      'annealStrategy',
      'cycleMomentum',
      'baseMomentum',
      'maxMomentum',
      'divFactor',
      'finalDivFactor',
      'threePhase',
      'lastEpoch',
      'verbose',
    ]);
    const opt = checkOptimizer(optimizer);
    let totalSteps: number;
    const posInt = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v > 0;
    if (o.totalSteps === undefined && o.epochs === undefined && o.stepsPerEpoch === undefined) {
      throw new ValueError('You must define either total_steps OR (epochs AND steps_per_epoch)');
    } else if (o.totalSteps !== undefined) {
      if (!posInt(o.totalSteps)) throw new ValueError(`Expected positive integer total_steps, but got ${describe(o.totalSteps)}`);
      totalSteps = o.totalSteps;
    } else {
      if (!posInt(o.epochs)) throw new ValueError(`Expected positive integer epochs, but got ${describe(o.epochs)}`);
      if (!posInt(o.stepsPerEpoch)) throw new ValueError(`Expected positive integer steps_per_epoch, but got ${describe(o.stepsPerEpoch)}`);
      totalSteps = (o.epochs as number) * (o.stepsPerEpoch as number);
    }
    const pct = o.pctStart ?? 0.3;
    if (typeof pct !== 'number' || pct < 0 || pct > 1 || Number.isNaN(pct)) throw new ValueError(`Expected float between 0 and 1 pct_start, but got ${describe(pct)}`);
    const strategy = o.annealStrategy ?? 'cos';
    if (strategy !== 'cos' && strategy !== 'linear') throw new ValueError(`anneal_strategy must by one of 'cos' or 'linear', instead got ${String(strategy)}`);
    const phases: OneCyclePhase[] = o.threePhase === true
      ? [
          { end_step: pct * totalSteps - 1, start_lr: 'initial_lr', end_lr: 'max_lr', start_momentum: 'max_momentum', end_momentum: 'base_momentum' },
          { end_step: 2 * pct * totalSteps - 2, start_lr: 'max_lr', end_lr: 'initial_lr', start_momentum: 'base_momentum', end_momentum: 'max_momentum' },
          { end_step: totalSteps - 1, start_lr: 'initial_lr', end_lr: 'min_lr', start_momentum: 'max_momentum', end_momentum: 'max_momentum' },
        ]
      : [
          { end_step: pct * totalSteps - 1, start_lr: 'initial_lr', end_lr: 'max_lr', start_momentum: 'max_momentum', end_momentum: 'base_momentum' },
          { end_step: totalSteps - 1, start_lr: 'max_lr', end_lr: 'min_lr', start_momentum: 'base_momentum', end_momentum: 'max_momentum' },
        ];
    if (o.threePhase !== undefined) checkBool(where, 'threePhase', o.threePhase);
    const maxLrs = formatParam(where, 'max_lr', opt, maxLr);
    const divFactor = o.divFactor === undefined ? 25 : checkNumber(where, 'divFactor', o.divFactor);
    const finalDivFactor = o.finalDivFactor === undefined ? 1e4 : checkNumber(where, 'finalDivFactor', o.finalDivFactor);
    const cycleMomentum = o.cycleMomentum === undefined ? true : checkBool(where, 'cycleMomentum', o.cycleMomentum);
    const maxMomentums = cycleMomentum ? formatParam(where, 'max_momentum', opt, o.maxMomentum ?? 0.95) : [];
    const baseMomentums = cycleMomentum ? formatParam(where, 'base_momentum', opt, o.baseMomentum ?? 0.85) : [];
    const lastEpoch = o.lastEpoch ?? -1;
    super(opt, o, where, () => {
      if (lastEpoch !== -1) return;
      opt.paramGroups.forEach((g, i) => {
        g.initialLr = (maxLrs[i] as number) / divFactor;
        g.maxLr = maxLrs[i] as number;
        g.minLr = g.initialLr / finalDivFactor;
        if (cycleMomentum) {
          g.momentum = maxMomentums[i] as number;
          g.maxMomentum = maxMomentums[i] as number;
          g.baseMomentum = baseMomentums[i] as number;
        }
      });
    });
    this.totalSteps = totalSteps;
    this.schedulePhases = phases;
    this.annealFunc = strategy;
    this.cycleMomentum = cycleMomentum;
    this.initialStep();
  }

  protected fields(): readonly Field[] {
    const own: Field[] = [
      ['total_steps', 'totalSteps'],
      ['_schedule_phases', 'schedulePhases'],
      ['anneal_func', 'annealFunc'],
      ['cycle_momentum', 'cycleMomentum'],
    ];
    if (this.cycleMomentum) own.push(['use_beta1', 'useBeta1']);
    return this.baseFields(own);
  }

  private anneal(start: number, end: number, pct: number): number {
    if (this.annealFunc === 'cos') return end + ((start - end) / 2.0) * (cos(PI * pct) + 1);
    return (end - start) * pct + start;
  }

  protected computeLr(): number[] {
    const stepNum = this.lastEpoch;
    if (stepNum > this.totalSteps) throw new ValueError(`Tried to step ${stepNum + 1} times. The specified number of total steps is ${this.totalSteps}`);
    const lrs: number[] = [];
    const momentums: number[] = [];
    for (const group of this.optimizer.paramGroups) {
      let start = 0;
      for (const [i, phase] of this.schedulePhases.entries()) {
        const end = phase.end_step;
        if (stepNum <= end || i === this.schedulePhases.length - 1) {
          const pct = (stepNum - start) / (end - start);
          const get = (k: keyof typeof GROUP_KEY): number => {
            const v = group[GROUP_KEY[k]];
            if (typeof v !== 'number') throw new KeyError(`'${k}'`);
            return v;
          };
          lrs.push(this.anneal(get(phase.start_lr), get(phase.end_lr), pct));
          if (this.cycleMomentum) momentums.push(this.anneal(get(phase.start_momentum), get(phase.end_momentum), pct));
          break;
        }
        start = phase.end_step;
      }
    }
    if (this.cycleMomentum) this.optimizer.paramGroups.forEach((g, i) => (g.momentum = momentums[i] as number));
    return lrs;
  }
}

// ------------------------------------------------------------------------------------------

/**
 * Runs several schedulers one after the other: `schedulers[i]` from `milestones[i - 1]` on (each
 * restarted at its milestone with `step(0)`, as PyTorch does). PyTorch:
 * `torch.optim.lr_scheduler.SequentialLR(optimizer, schedulers, milestones, last_epoch=-1, verbose=False)`.
 */
export class SequentialLR extends SchedulerBase {
  /** The schedulers. */
  readonly schedulers: LRScheduler[];
  /** The epochs at which the next scheduler takes over. */
  milestones: number[];
  /** The epoch counter. */
  lastEpoch: number;

  /**
   * @param optimizer - The optimizer all the schedulers belong to.
   * @param schedulers - The schedulers, one more than the milestones.
   * @param milestones - Increasing epochs.
   * @param options - {@link SchedulerOptions} (`verbose` does nothing, as in PyTorch).
   * @throws {@link errors.ValueError} for a scheduler of another optimizer or a wrong number of
   *   milestones (PyTorch's messages).
   */
  constructor(optimizer: RMSprop, schedulers: readonly LRScheduler[], milestones: readonly number[], options?: SchedulerOptions) {
    const o = checkOptions('SequentialLR', options, ['lastEpoch', 'verbose']);
    super(checkOptimizer(optimizer));
    if (!Array.isArray(schedulers) || schedulers.length === 0) throw new ValueError(`SequentialLR: 'schedulers' must be a non-empty list of schedulers, but received ${describe(schedulers)}.`);
    schedulers.forEach((s, i) => {
      if (!(s instanceof LRScheduler)) throw new PaddleTypeError(`SequentialLR: schedulers[${i}] is not an LRScheduler (${describe(s)}).`);
      if (s.optimizer !== optimizer) {
        throw new ValueError(`Sequential Schedulers expects all schedulers to belong to the same optimizer, but got schedulers at index ${i} to be different than the optimizer passed in.`);
      }
    });
    if (!Array.isArray(milestones) || milestones.length !== schedulers.length - 1) {
      throw new ValueError(
        `Sequential Schedulers expects number of schedulers provided to be one more than the number of milestone points, but got number of schedulers ${schedulers.length} and the number of milestones to be equal to ${Array.isArray(milestones) ? milestones.length : describe(milestones)}`,
      );
    }
    for (const m of milestones) checkInt('SequentialLR', 'milestones', m);
    const lastEpoch = o.lastEpoch === undefined ? -1 : checkInt('SequentialLR', 'lastEpoch', o.lastEpoch);
    for (const g of optimizer.paramGroups) {
      if (g.initialLr === undefined) throw new KeyError("'initial_lr'");
    }
    this.schedulers = [...schedulers];
    this.milestones = [...milestones];
    this.lastEpoch = lastEpoch + 1;
    for (const g of optimizer.paramGroups) g.lr = g.initialLr as number;
    for (const s of this.schedulers) s.lastEpoch -= 1;
    (this.schedulers[0] as LRScheduler).initialStep();
    this.lastLr = (this.schedulers[0] as LRScheduler).getLastLr();
  }

  protected fields(): readonly Field[] {
    return [
      ['_milestones', 'milestones'],
      ['last_epoch', 'lastEpoch'],
      ['_last_lr', 'lastLr'],
    ];
  }

  /** Advances by one epoch: steps the scheduler whose interval the epoch is in (PyTorch's `step()`). */
  step(): void {
    this.lastEpoch += 1;
    let idx = 0;
    while (idx < this.milestones.length && (this.milestones[idx] as number) <= this.lastEpoch) idx++;
    const scheduler = this.schedulers[idx] as LRScheduler;
    if (idx > 0 && this.milestones[idx - 1] === this.lastEpoch) scheduler.step(0);
    else scheduler.step();
    this.lastLr = scheduler.getLastLr();
  }

  /** The state with each scheduler's state dict under `_schedulers` (PyTorch's layout). @returns A new object. */
  override stateDict(): SchedulerStateDict {
    return { ...super.stateDict(), _schedulers: this.schedulers.map((s) => s.stateDict()) };
  }

  /**
   * Restores {@link SequentialLR.stateDict}'s output, the schedulers' states included.
   *
   * @param stateDict - The state dict.
   * @throws {@link errors.TypeError} / {@link errors.ValueError} for a malformed state dict.
   */
  override loadStateDict(stateDict: SchedulerStateDict): void {
    loadNested(this, stateDict, this.schedulers);
  }
}

function loadNested(self: SchedulerBase, stateDict: SchedulerStateDict, schedulers: readonly SchedulerBase[]): void {
  const subs = (stateDict as { _schedulers?: unknown })._schedulers;
  if (subs !== undefined && (!Array.isArray(subs) || subs.length !== schedulers.length)) {
    throw new ValueError(`${self.constructor.name}.loadStateDict: '_schedulers' must be a list of ${schedulers.length} state dicts, but received ${describe(subs)}.`);
  }
  // check everything first: a failing nested load must change nothing
  const before = [self, ...schedulers].map((s) => s.stateDict());
  try {
    (SchedulerBase.prototype.loadStateDict as (sd: SchedulerStateDict) => void).call(self, stateDict);
    (subs as SchedulerStateDict[] | undefined)?.forEach((sd, i) => (schedulers[i] as SchedulerBase).loadStateDict(sd));
  } catch (e) {
    [self, ...schedulers].forEach((s, i) => (SchedulerBase.prototype.loadStateDict as (sd: SchedulerStateDict) => void).call(s, before[i] as SchedulerStateDict));
    throw e;
  }
}

/**
 * Steps several schedulers together, each on the learning rate the previous one set. PyTorch:
 * `torch.optim.lr_scheduler.ChainedScheduler(schedulers)`.
 */
export class ChainedScheduler extends SchedulerBase {
  /** The schedulers. */
  readonly schedulers: LRScheduler[];

  /**
   * @param schedulers - Chainable schedulers of one optimizer.
   * @throws {@link errors.ValueError} for schedulers of different optimizers (PyTorch's message).
   */
  constructor(schedulers: readonly LRScheduler[]) {
    if (!Array.isArray(schedulers) || schedulers.length === 0 || !schedulers.every((s) => s instanceof LRScheduler)) {
      throw new PaddleTypeError(`ChainedScheduler: 'schedulers' must be a non-empty list of schedulers, but received ${describe(schedulers)}.`);
    }
    const first = schedulers[0] as LRScheduler;
    schedulers.forEach((s, i) => {
      if (s.optimizer !== first.optimizer) {
        throw new ValueError(`ChainedScheduler expects all schedulers to belong to the same optimizer, but got schedulers at index 0 and ${i} to be different`);
      }
    });
    super(first.optimizer);
    this.schedulers = [...schedulers];
    this.lastLr = this.optimizer.paramGroups.map((g) => g.lr);
  }

  protected fields(): readonly Field[] {
    return [['_last_lr', 'lastLr']];
  }

  /** Steps every scheduler in order (PyTorch's `step()`). */
  step(): void {
    for (const s of this.schedulers) s.step();
    this.lastLr = this.optimizer.paramGroups.map((g) => g.lr);
  }

  /** The state with each scheduler's state dict under `_schedulers` (PyTorch's layout). @returns A new object. */
  override stateDict(): SchedulerStateDict {
    return { ...super.stateDict(), _schedulers: this.schedulers.map((s) => s.stateDict()) };
  }

  /**
   * Restores {@link ChainedScheduler.stateDict}'s output, the schedulers' states included.
   *
   * @param stateDict - The state dict.
   * @throws {@link errors.TypeError} / {@link errors.ValueError} for a malformed state dict.
   */
  override loadStateDict(stateDict: SchedulerStateDict): void {
    loadNested(this, stateDict, this.schedulers);
  }
}

/** Options of {@link ReduceLROnPlateau}. */
export interface ReduceLROnPlateauOptions {
  /** `'min'` (default): reduce when the metric stops decreasing; `'max'`: when it stops increasing. */
  mode?: 'min' | 'max';
  /** The factor of a reduction, < 1 (default 0.1). */
  factor?: number;
  /** Epochs without improvement tolerated before a reduction (default 10). */
  patience?: number;
  /** The threshold of a significant improvement (default 1e-4). */
  threshold?: number;
  /** `'rel'` (default): relative to the best value; `'abs'`: absolute. */
  thresholdMode?: 'rel' | 'abs';
  /** Epochs to wait after a reduction before counting again (default 0). */
  cooldown?: number;
  /** A lower bound on the learning rate, or one per group (default 0). */
  minLr?: number | readonly number[];
  /** A reduction smaller than this is skipped (default 1e-8). */
  eps?: number;
  /** Log each reduction through `paddle.setLogSink`. */
  verbose?: boolean;
}

/**
 * Reduces each group's learning rate by `factor` when a metric has not improved for `patience`
 * epochs. PyTorch: `torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode='min', factor=0.1,
 * patience=10, threshold=1e-4, threshold_mode='rel', cooldown=0, min_lr=0, eps=1e-8, verbose=False)`.
 */
export class ReduceLROnPlateau extends SchedulerBase {
  /** The factor. */
  factor: number;
  /** The lower bounds, one per group (PyTorch's `min_lrs`). */
  minLrs: number[];
  /** The patience. */
  patience: number;
  /** Log reductions. */
  verbose: boolean;
  /** The cooldown length. */
  cooldown: number;
  /** Epochs of cooldown left (PyTorch's `cooldown_counter`). */
  cooldownCounter = 0;
  /** `'min'` or `'max'`. */
  mode: string;
  /** The threshold. */
  threshold: number;
  /** `'rel'` or `'abs'` (PyTorch's `threshold_mode`). */
  thresholdMode: string;
  /** The best metric so far. */
  best: number;
  /** Epochs without improvement (PyTorch's `num_bad_epochs`). */
  numBadEpochs = 0;
  /** The worst value for the mode: ±Infinity (PyTorch's `mode_worse`). */
  modeWorse: number;
  /** The minimum reduction. */
  eps: number;
  /** The epoch counter. */
  lastEpoch = 0;

  /**
   * @param optimizer - The optimizer.
   * @param options - {@link ReduceLROnPlateauOptions}.
   * @throws {@link errors.ValueError} for `factor` ≥ 1, an unknown mode or threshold mode, or a
   *   `minLr` list of the wrong length (PyTorch's messages).
   */
  constructor(optimizer: RMSprop, options?: ReduceLROnPlateauOptions) {
    const where = 'ReduceLROnPlateau';
    const o = checkOptions(where, options, ['mode', 'factor', 'patience', 'threshold', 'thresholdMode', 'cooldown', 'minLr', 'eps', 'verbose']);
    const factor = o.factor === undefined ? 0.1 : checkNumber(where, 'factor', o.factor);
    if (factor >= 1.0) throw new ValueError('Factor should be < 1.0.');
    const opt = checkOptimizer(optimizer);
    let minLrs: number[];
    if (Array.isArray(o.minLr)) {
      if (o.minLr.length !== opt.paramGroups.length) throw new ValueError(`expected ${opt.paramGroups.length} min_lrs, got ${o.minLr.length}`);
      minLrs = o.minLr.map((v) => checkNumber(where, 'minLr', v));
    } else {
      const v = o.minLr === undefined ? 0 : checkNumber(where, 'minLr', o.minLr);
      minLrs = opt.paramGroups.map(() => v);
    }
    const mode = o.mode ?? 'min';
    const thresholdMode = o.thresholdMode ?? 'rel';
    if (mode !== 'min' && mode !== 'max') throw new ValueError(`mode ${String(mode)} is unknown!`);
    if (thresholdMode !== 'rel' && thresholdMode !== 'abs') throw new ValueError(`threshold mode ${String(thresholdMode)} is unknown!`);
    super(opt);
    this.factor = factor;
    this.minLrs = minLrs;
    this.patience = o.patience === undefined ? 10 : checkNumber(where, 'patience', o.patience);
    this.verbose = o.verbose === undefined ? false : checkBool(where, 'verbose', o.verbose);
    this.cooldown = o.cooldown === undefined ? 0 : checkNumber(where, 'cooldown', o.cooldown);
    this.mode = mode;
    this.threshold = o.threshold === undefined ? 1e-4 : checkNumber(where, 'threshold', o.threshold);
    this.thresholdMode = thresholdMode;
    this.eps = o.eps === undefined ? 1e-8 : checkNumber(where, 'eps', o.eps);
    this.modeWorse = mode === 'min' ? Infinity : -Infinity;
    this.best = this.modeWorse;
  }

  protected fields(): readonly Field[] {
    const f: Field[] = [
      ['factor', 'factor'],
      ['min_lrs', 'minLrs'],
      ['patience', 'patience'],
      ['verbose', 'verbose'],
      ['cooldown', 'cooldown'],
      ['cooldown_counter', 'cooldownCounter'],
      ['mode', 'mode'],
      ['threshold', 'threshold'],
      ['threshold_mode', 'thresholdMode'],
      ['best', 'best'],
      ['num_bad_epochs', 'numBadEpochs'],
      ['mode_worse', 'modeWorse'],
      ['eps', 'eps'],
      ['last_epoch', 'lastEpoch'],
    ];
    if (this.lastLr.length > 0) f.push(['_last_lr', 'lastLr']);
    return f;
  }

  /** Whether the cooldown is running (PyTorch's `in_cooldown`). */
  get inCooldown(): boolean {
    return this.cooldownCounter > 0;
  }

  /**
   * Whether `a` improves on `best` by the threshold (PyTorch's `is_better`).
   *
   * @param a - A metric value.
   * @param best - The best so far.
   * @returns True for a significant improvement.
   */
  isBetter(a: number, best: number): boolean {
    if (this.mode === 'min' && this.thresholdMode === 'rel') return a < best * (1 - this.threshold);
    if (this.mode === 'min') return a < best - this.threshold;
    if (this.thresholdMode === 'rel') return a > best * (this.threshold + 1);
    return a > best + this.threshold;
  }

  /**
   * Records the epoch's metric and reduces the learning rates after `patience` epochs without
   * improvement (PyTorch's `step(metrics)`).
   *
   * @param metrics - The metric: a number, or a one-element Tensor-like with `item()`.
   * @param epoch - The epoch (deprecated in PyTorch; logs its warning).
   * @throws {@link errors.TypeError} when the metric is not a number.
   */
  step(metrics: number | { item(): number | boolean }, epoch?: number): void {
    const current = typeof metrics === 'number' ? metrics : typeof metrics === 'object' && metrics !== null && typeof metrics.item === 'function' ? Number(metrics.item()) : NaN;
    if (typeof current !== 'number' || (Number.isNaN(current) && typeof metrics !== 'number')) {
      throw new PaddleTypeError(`float() argument must be a string or a number, not ${describe(metrics)}`);
    }
    let e: number;
    if (epoch === undefined) e = this.lastEpoch + 1;
    else {
      e = checkNumber('ReduceLROnPlateau', 'epoch', epoch);
      warnOnce(EPOCH_DEPRECATION_WARNING);
    }
    this.lastEpoch = e;
    if (this.isBetter(current, this.best)) {
      this.best = current;
      this.numBadEpochs = 0;
    } else this.numBadEpochs += 1;
    if (this.inCooldown) {
      this.cooldownCounter -= 1;
      this.numBadEpochs = 0;
    }
    if (this.numBadEpochs > this.patience) {
      this.reduceLr(e);
      this.cooldownCounter = this.cooldown;
      this.numBadEpochs = 0;
    }
    this.lastLr = this.optimizer.paramGroups.map((g) => g.lr);
  }

  private reduceLr(epoch: number): void {
    this.optimizer.paramGroups.forEach((g, i) => {
      const old = g.lr;
      const next = Math.max(old * this.factor, this.minLrs[i] as number);
      if (old - next > this.eps) {
        g.lr = next;
        if (this.verbose) log(`Epoch ${formatEpoch(epoch)}: reducing learning rate of group ${i} to ${format4e(next)}.`);
      }
    });
  }

  /**
   * Restores a state dict, then re-derives `mode_worse` from the mode (PyTorch's `load_state_dict`).
   *
   * @param stateDict - The state dict.
   * @throws {@link errors.ValueError} for an unknown mode or threshold mode.
   */
  override loadStateDict(stateDict: SchedulerStateDict): void {
    const updates = this.checkState(stateDict);
    const mode = (stateDict as { mode?: unknown }).mode ?? this.mode;
    const thresholdMode = (stateDict as { threshold_mode?: unknown }).threshold_mode ?? this.thresholdMode;
    if (mode !== 'min' && mode !== 'max') throw new ValueError(`mode ${String(mode)} is unknown!`);
    if (thresholdMode !== 'rel' && thresholdMode !== 'abs') throw new ValueError(`threshold mode ${String(thresholdMode)} is unknown!`);
    if ('_last_lr' in stateDict && this.lastLr.length === 0) updates.push(['lastLr', stateDict._last_lr as SchedulerStateValue]);
    this.applyState(updates);
    this.modeWorse = this.mode === 'min' ? Infinity : -Infinity;
  }
}

/**
 * The `Optimizer` base (spec §2–§6, §10–§12): construction, learning-rate plumbing, clearing
 * gradients, ownership, and the step pipeline (skip → clip → regularize → learning rate →
 * kernel). Beside it: groups.ts (parameter groups), accumulators.ts (the state it owns, created
 * lazily and named as Paddle names them), state-dict.ts (state dicts).
 *
 * Atomicity: every public method validates everything it will touch before it changes anything,
 * so a call that throws leaves parameters, gradients and optimizer state bit-identical.
 */
import { aliasMethods } from '../alias.js';
import {
  AssertionError,
  AttributeError,
  RuntimeError,
  TypeError as PaddleTypeError,
  ValueError,
  pyTypeName,
} from '../errors.js';
import type { WeightDecayRegularizer } from '../regularizer/index.js';
import { noGrad } from '../tensor/autograd.js';
import type { DType, FloatArray, FloatDType } from '../tensor/dtype.js';
import { Parameter, type ParameterDecay } from '../tensor/parameter.js';
import { SelectedRows } from '../tensor/selected-rows.js';
import { shapeEquals, shapeToString } from '../tensor/shape.js';
import { zeroStorage } from '../tensor/storage.js';
import { Tensor } from '../tensor/tensor.js';
import { getDefaultDType } from '../tensor/creation.js';
import { checkOptions, setToZeroOf, type SetToZeroArg } from '../options.js';
import { AccumulatorStore, type PendingAccumulators } from './accumulators.js';
import { ClipGradBase, ClipGradByGlobalNorm, type ClipEntry } from './clip.js';
import { NO_TRANSFORM, applyTransform, type GradTransform } from './grad-transform.js';
import { resolveGroups, toRegularizer, type BaseParamGroup, type ResolvedGroup, type WeightDecay } from './groups.js';
import { LRScheduler, checkLearningRateValue } from './lr/lr-scheduler.js';
import { collectState, expectedKeys, loadState, type OptimizerStateDict, type SetOptimizerStateOptions } from './state-dict.js';

export { toRegularizer };
export type { BaseParamGroup, ResolvedGroup, WeightDecay };
export type {
  NamedParameterSource,
  OptimizerStateDict,
  SchedulerState,
  SetOptimizerStateOptions,
  TensorLike,
} from './state-dict.js';

/**
 * The optional arguments every optimizer takes (Paddle's `parameters`, `weight_decay`, `grad_clip`,
 * `name`).
 */
export interface BaseOptimizerOptions<G extends BaseParamGroup> {
  /**
   * The parameters to update, or parameter groups (Paddle's `parameters`): an array of Tensors or
   * of `{ params, ...overrides }` groups.
   */
  parameters?: readonly Tensor[] | readonly G[] | Iterable<Tensor> | null;
  /**
   * Weight decay for every parameter without a regularizer of its own: a number (L2) or an
   * `L1Decay` / `L2Decay` (Paddle's `weight_decay`).
   */
  weightDecay?: WeightDecay | null;
  /**
   * Gradient clipping applied before the update: `ClipGradByValue`, `ClipGradByNorm` or
   * `ClipGradByGlobalNorm` (Paddle's `grad_clip`).
   */
  gradClip?: ClipGradBase | null;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

/** One parameter ready for the kernel in this step. */
export interface PreparedEntry {
  readonly param: Tensor;
  /** Dense gradient (the param's own grad buffer, or a scratch buffer for a sparse grad). */
  readonly grad: () => FloatArray;
  readonly transform: GradTransform;
  readonly decay: ParameterDecay | null;
  readonly lr: number;
}

function isTensor(v: unknown): v is Tensor {
  return v instanceof Tensor;
}

function castToDType(dtype: DType, v: number): number {
  return dtype === 'float32' ? Math.fround(v) : v;
}

/** Per-parameter attributes Paddle keeps on the parameter (ParamAttr). */
function paramLrScale(p: Tensor): number {
  return p instanceof Parameter ? p.optimizeAttr.learningRate : 1.0;
}
function paramRegularizer(p: Tensor): ParameterDecay | null {
  return p instanceof Parameter ? p.regularizer : null;
}
function paramNeedClip(p: Tensor): boolean {
  return p instanceof Parameter ? p.needClip : true;
}

/**
 * `paddle.optimizer.Optimizer`: the base of {@link optimizer.RMSProp}. It holds the parameters (or
 * parameter groups), the learning rate or scheduler, weight decay and gradient clipping, and runs
 * each `step()` as clip → decay → update, leaving parameters and state untouched when a step
 * throws. It owns its accumulators in the kernel heap: `dispose()` releases them.
 *
 * Paddle: `paddle.optimizer.Optimizer(learning_rate, parameters=None, weight_decay=None,
 * grad_clip=None, name=None)`; construct a subclass such as `RMSProp`.
 */
export abstract class Optimizer<G extends BaseParamGroup = BaseParamGroup> {
  /** Accumulator kinds this optimizer keeps, in creation order (e.g. momentum, mean_square, mean_grad). */
  protected abstract readonly accumulatorKinds: readonly string[];

  protected readonly groups: readonly ResolvedGroup<G>[];
  protected readonly usesGroups: boolean;
  protected readonly regularization: WeightDecayRegularizer | null;
  protected readonly gradClip: ClipGradBase | null;
  /** The `name` the Optimizer was built with (Paddle's `name`), or null. */
  readonly name: string | null;
  /** dtype of the learning rate: the first parameter's (spec §5). */
  protected readonly lrDType: DType;
  protected learningRate: number | LRScheduler;

  /** The accumulators, held state and sparse scratch: owned, freed by `dispose()`. Created lazily. */
  private store: AccumulatorStore | undefined;
  private disposed = false;

  /**
   * Checks and stores what every optimizer takes; a subclass's constructor (e.g. `RMSProp`) calls it after checking its own hyper-parameters.
   * @param learningRate - A finite number ≥ 0, or an LRScheduler (Paddle's `learning_rate`).
   * @param options - {@link BaseOptimizerOptions}: `parameters` (Tensors or parameter groups; required), `weightDecay`, `gradClip`, `name`.
   * @param className - The subclass's name, for messages (`'RMSProp'`).
   * @param groupKeys - The keys a parameter group may override.
   * @throws {@link errors.AttributeError} when `parameters` is missing; {@link errors.TypeError} when `parameters` is a Tensor, a dict or holds a non-Tensor, the learning rate is neither a number nor an LRScheduler, `gradClip` is not a clip, or `weightDecay` has the wrong type; {@link errors.ValueError} when the learning rate is negative or not finite, `weightDecay` is NaN, a parameter is listed twice, or a group is invalid.
   */
  constructor(
    learningRate: number | LRScheduler,
    options: BaseOptimizerOptions<G>,
    private readonly className: string,
    groupKeys: readonly string[],
  ) {
    const parameters = options.parameters;
    // §2.1: parameters must be an iterable of tensors or a list of group dicts.
    let list: readonly (Tensor | G)[];
    if (parameters === undefined || parameters === null) {
      throw new AttributeError('parameters argument given to the Optimizer should not be None in dygraph mode.');
    }
    if (isTensor(parameters)) {
      throw new PaddleTypeError(
        `\`parameters\` argument given to the optimizer should be an iterable of paddle Tensors, but got argument type is \`${pyTypeName(parameters)}\`.`,
      );
    }
    if (typeof (parameters as Iterable<unknown>)[Symbol.iterator] !== 'function') {
      throw new PaddleTypeError(
        '`parameters` argument should not get dict type, if parameter groups is needed, please set `parameters` as list of dict',
      );
    }
    list = [...(parameters as Iterable<Tensor | G>)];
    this.name = options.name ?? null;
    // §2.4: learning rate.
    if (!(typeof learningRate === 'number' || learningRate instanceof LRScheduler)) {
      throw new PaddleTypeError(`learning rate should be float or LRScheduler, got ${pyTypeName(learningRate)} here`);
    }
    if (typeof learningRate === 'number') checkLearningRateValue(learningRate);
    // §2.5: grad_clip.
    if (options.gradClip !== undefined && options.gradClip !== null && !(options.gradClip instanceof ClipGradBase)) {
      throw new PaddleTypeError("'grad_clip' should be an instance of GradientClipBase's derived class");
    }
    this.gradClip = options.gradClip ?? null;
    // §2.6: weight_decay (a number is L2Decay; anything else is rejected here rather than at step).
    this.regularization = toRegularizer(options.weightDecay, className);
    // Groups (§3) or a flat list.
    const first = list[0];
    this.usesGroups = first !== undefined && !isTensor(first) && typeof first === 'object';
    if (this.usesGroups) {
      this.groups = resolveGroups(list as readonly G[], {
        className,
        groupKeys,
        defaultClip: this.gradClip,
        validateGroup: (group, index) => this.validateGroup(group, index),
      });
    } else {
      const params: Tensor[] = [];
      const seen = new Set<Tensor>();
      list.forEach((p, i) => {
        if (!isTensor(p)) {
          throw new PaddleTypeError(
            `\`parameters\` must hold paddle Tensors, but parameters[${i}] is ${pyTypeName(p)}.`,
          );
        }
        if (seen.has(p)) {
          throw new ValueError(`The parameter '${p.name}' was passed twice in \`parameters\` (again at index ${i}); pass each parameter once.`);
        }
        seen.add(p);
        params.push(p);
      });
      this.groups = [{ params, raw: null, clip: this.gradClip, groupDecay: null }];
    }
    const firstParam = this.groups[0]?.params[0];
    this.lrDType = firstParam !== undefined ? firstParam.dtype : getDefaultDType();
    this.learningRate = learningRate;
  }

  /** Subclass hook: validates a group's own hyper-parameters. */
  protected abstract validateGroup(group: G, index: number): void;

  /** Subclass hook: runs the update kernel for prepared entries of one group. */
  protected abstract update(group: ResolvedGroup<G>, entries: readonly PreparedEntry[], accumulatorsOf: (p: Tensor) => readonly Tensor[]): void;

  /** Every parameter, in order (flattened over groups). */
  get parameterList(): readonly Tensor[] {
    return this.groups.flatMap((g) => g.params);
  }

  // ---------------------------------------------------------------- learning rate (§5)

  /**
   * `get_lr()`: the float learning rate, or the scheduler's `last_lr`. Ignores group/param scales.
   *
   * Paddle: `Optimizer.get_lr()`.
   *
   * @returns The learning rate the next `step()` uses.
   */
  getLr(): number {
    return typeof this.learningRate === 'number' ? this.learningRate : this.learningRate.lastLr;
  }

  /**
   * `set_lr(value)`: only without a scheduler.
   *
   * Paddle: `Optimizer.set_lr(value)`.
   *
   * @param value - The new learning rate, a finite number ≥ 0.
   * @throws {@link errors.TypeError} when `value` is not a number; {@link errors.RuntimeError}
   *   when the optimizer has a scheduler; {@link errors.ValueError} for a negative or non-finite rate.
   */
  setLr(value: number): void {
    if (typeof value !== 'number') {
      throw new PaddleTypeError(`The type of 'value' in optimizer.set_lr must be float, but received ${pyTypeName(value)}.`);
    }
    if (this.learningRate instanceof LRScheduler) {
      throw new RuntimeError("optimizer's learning rate can't be LRScheduler when invoke this API, because this will lead to conflict.");
    }
    checkLearningRateValue(value);
    this.learningRate = value;
  }

  /**
   * `set_lr_scheduler(scheduler)`.
   *
   * Paddle: `Optimizer.set_lr_scheduler(scheduler)`.
   *
   * @param scheduler - The scheduler that gives the learning rate from now on.
   * @throws {@link errors.TypeError} when `scheduler` is not an `LRScheduler`.
   */
  setLrScheduler(scheduler: LRScheduler): void {
    if (!(scheduler instanceof LRScheduler)) {
      throw new PaddleTypeError(
        `The type of 'scheduler' in optimizer.set_lr_schduler must be LRScheduler, but received ${pyTypeName(scheduler)}.`,
      );
    }
    this.learningRate = scheduler;
  }

  /** The global LR as stored in the LR tensor's dtype (0.01 → 0.0099999998 for float32). */
  protected globalLr(): number {
    return castToDType(this.lrDType, this.getLr());
  }

  // ---------------------------------------------------------------- gradients (§10, §11)

  /**
   * `clear_grad(set_to_zero=True)` on every parameter with stopGradient false: `true` zero-fills
   * the gradients (the next `step()` still updates with g = 0); `false` — positional as in Paddle,
   * or `{ setToZero: false }` — releases them, and the next `step()` skips those parameters.
   *
   * Paddle: `Optimizer.clear_grad(set_to_zero=True)`.
   *
   * @param setToZero - `true` (default) zero-fills, `false` releases; positionally or as `{ setToZero }`.
   * @throws {@link errors.TypeError} when `setToZero` is not a boolean; {@link errors.RuntimeError} after `dispose()`.
   */
  clearGrad(setToZero?: SetToZeroArg): void {
    this.assertLive();
    const zero = setToZeroOf('clearGrad', setToZero);
    for (const p of this.parameterList) if (!p.stopGradient) p.clearGradient(zero);
  }

  /**
   * `clear_gradients`: the same method as `clearGrad`.
   * @param setToZero - `true` (default) zero-fills, `false` releases; positionally or as `{ setToZero }`.
   * @throws {@link errors.TypeError} when `setToZero` is not a boolean; {@link errors.RuntimeError} after `dispose()`.
   */
  clearGradients(setToZero?: SetToZeroArg): void {
    this.clearGrad(setToZero);
  }

  // ---------------------------------------------------------------- ownership

  /** True after `dispose()`. */
  get isDisposed(): boolean {
    return this.disposed;
  }

  /**
   * Frees the optimizer's state now: every accumulator (`momentum`, `mean_square`, …) and scratch
   * buffer goes back to the kernel heap. The parameters are not touched (their layer owns them).
   * Any later call throws a `RuntimeError`; disposing twice does nothing.
   */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.store?.dispose();
    this.store = undefined;
  }

  /** `using opt = new RMSProp(...)` (TypeScript 5.2+) disposes at the end of the block. */
  [Symbol.dispose](): void {
    this.dispose();
  }

  private assertLive(): void {
    if (this.disposed) {
      throw new RuntimeError(
        `This ${this.className} optimizer${this.name !== null ? ` '${this.name}'` : ''} was disposed (dispose() released its accumulators); create a new optimizer to continue.`,
      );
    }
  }

  /** The accumulator store (made at first use, when the subclass's kinds are known). */
  private get state(): AccumulatorStore {
    this.assertLive();
    this.store ??= new AccumulatorStore(this.accumulatorKinds, this.name);
    return this.store;
  }

  // ---------------------------------------------------------------- step (§4)

  /**
   * Applies one update to every parameter that has a gradient.
   *
   * Paddle: `Optimizer.step()`. Clipping, weight decay and the update run in Paddle's order; if
   * anything throws, no parameter and no state has changed.
   *
   * @throws {@link errors.TypeError} when given an argument (a PyTorch-style closure);
   *   {@link errors.RuntimeError} after `dispose()`.
   * @example
   * ```ts
   * loss.backward();
   * opt.step();
   * opt.clearGrad();
   * ```
   */
  step(): void {
    this.assertLive();
    // JavaScript callers may pass what other frameworks take (PyTorch's closure)
    if (arguments.length > 0) {
      const closure = typeof (arguments as IArguments)[0] === 'function';
      throw new PaddleTypeError(
        `${this.className}.step() takes no arguments (received ${closure ? 'a closure, as in PyTorch' : arguments.length}); Paddle computes the loss and its gradients first: loss.backward(); opt.step().`,
      );
    }
    noGrad(() => this.applyGroups(this.groups));
  }

  /**
   * `minimize(loss, startup_program=None, parameters=None, no_grad_set=None)`: in dygraph it does
   * not run backward; it updates from the existing gradients of `parameters` (default: the
   * optimizer's) as one flat list. Returns `[optimizeOps, paramsGrads]` (ops are always empty).
   * @param loss - The loss Tensor, after `loss.backward()` (Paddle's `loss`).
   * @param options - `parameters` (the Tensors to update; default the optimizer's), `noGradSet` (Paddle's `no_grad_set`: Tensors or names to skip).
   * @returns `[[], [[param, grad], …]]` for the parameters updated.
   * @throws {@link errors.TypeError} when `loss` is a function or an option is unknown; {@link errors.AssertionError} when `loss` is not a Tensor; {@link errors.ValueError} with parameter groups and no `parameters`; {@link errors.RuntimeError} after `dispose()`.
   */
  minimize(
    loss: Tensor,
    options?: { parameters?: readonly Tensor[]; noGradSet?: Iterable<Tensor | string> },
  ): [[], [Tensor, Tensor | SelectedRows][]] {
    this.assertLive();
    if (typeof loss === 'function') {
      throw new PaddleTypeError(
        `${this.className}.minimize(loss) takes the loss Tensor after loss.backward(), not a function (as in TF.js): loss.backward(); opt.minimize(loss).`,
      );
    }
    if (!(loss instanceof Tensor)) throw new AssertionError('The loss should be an Tensor.');
    options = checkOptions('minimize', options, ['parameters', 'noGradSet']);
    let params: readonly Tensor[];
    if (options?.parameters !== undefined) params = options.parameters;
    else if (this.usesGroups) {
      throw new ValueError('minimize() treats the parameter list as flat and does not support parameter groups; call step() instead or pass { parameters }.');
    } else params = this.parameterList;
    const excluded = new Set<Tensor | string>(options?.noGradSet ?? []);
    const chosen = params.filter((p) => !excluded.has(p) && !excluded.has(p.name) && p.hasGrad() && !p.stopGradient);
    const pairs: [Tensor, Tensor | SelectedRows][] = chosen.map((p) => [p, p.grad as Tensor | SelectedRows]);
    noGrad(() => this.applyGroups([{ params: chosen, raw: null, clip: this.gradClip, groupDecay: null }]));
    return [[], pairs];
  }

  private applyGroups(groups: readonly ResolvedGroup<G>[]): void {
    // Phase 1: validate and plan everything (no state changes).
    const lr = this.globalLr();
    const plans = groups.map((g) => this.prepareGroup(g, lr));
    // Phase 2: commit. Accumulators are created for every planned parameter, group by group.
    for (const plan of plans) this.state.create(plan.pending);
    for (let i = 0; i < groups.length; i++) {
      const plan = plans[i] as { entries: PreparedEntry[] };
      if (plan.entries.length === 0) continue;
      this.update(groups[i] as ResolvedGroup<G>, plan.entries, (p) => this.accumulatorsOf(p));
    }
  }

  private prepareGroup(group: ResolvedGroup<G>, lr: number): { entries: PreparedEntry[]; pending: PendingAccumulators[] } {
    for (const p of group.params) {
      if (p.isDisposed) {
        throw new RuntimeError(
          `${this.className}.step(): the parameter '${p.name}' was disposed (its layer or the parameter itself); dispose this optimizer too and create a new one for the parameters that remain.`,
        );
      }
    }
    const live = group.params.filter((p) => !p.stopGradient && p.hasGrad());
    for (const p of live) this.checkGradShape(p);
    // Clip (§9): plans over (merged) gradient values.
    const grads = live.map((p) => p.gradBuffer());
    const sparse = grads.map((g) => (g instanceof SelectedRows ? g : null));
    const merged = sparse.map((s) => (s === null ? null : s.merge()));
    let transforms: GradTransform[] = live.map(() => NO_TRANSFORM);
    if (group.clip !== null) {
      const entries: ClipEntry[] = live.map((p, i) => ({
        needClip: paramNeedClip(p),
        values: merged[i] != null ? (merged[i] as SelectedRows).values : ((grads[i] as Tensor).data as FloatArray),
      }));
      transforms = group.clip.plan(entries);
    }
    const globalClip = group.clip instanceof ClipGradByGlobalNorm;
    const entries: PreparedEntry[] = live.map((p, i) => {
      const decay = this.regularizerFor(group, p);
      const scale = group.raw !== null ? (group.raw.learningRate ?? 1.0) : paramLrScale(p);
      const lrScaled = scale === 1.0 ? lr : castToDType(this.lrDType, lr * castToDType(this.lrDType, scale));
      const transform = transforms[i] ?? NO_TRANSFORM;
      const sp = sparse[i] ?? null;
      if (sp === null) {
        const g = grads[i] as Tensor;
        return { param: p, grad: () => g.data as FloatArray, transform, decay, lr: castToDType(p.dtype, lrScaled) };
      }
      // Row-sparse: apply the clip to the rows in JS (merged rows; the global-norm factor scales
      // the rows as given), then scatter into a dense scratch gradient (absent rows are 0).
      const rowsSource = globalClip ? sp : (merged[i] as SelectedRows);
      const values = applyTransform(rowsSource.values, transform);
      const rows = new SelectedRows(rowsSource.rows, values, rowsSource.height, rowsSource.width, rowsSource.dtype);
      return {
        param: p,
        grad: () => {
          const scratch = this.state.scratchFor(p);
          zeroStorage(scratch);
          const arr = scratch.array() as FloatArray;
          rows.addInto(arr);
          return arr;
        },
        transform: NO_TRANSFORM,
        decay,
        lr: castToDType(p.dtype, lrScaled),
      };
    });
    const state = this.state;
    const pending = live.filter((p) => !state.has(p)).map((p) => state.plan(p));
    AccumulatorStore.checkNamesUnique(pending);
    return { entries, pending };
  }

  private checkGradShape(p: Tensor): void {
    const g = p.gradBuffer();
    if (g instanceof SelectedRows) {
      if (p.ndim !== 2 || g.height !== p.shape[0] || g.width !== p.shape[1] || g.dtype !== p.dtype) {
        throw new ValueError(
          `The sparse gradient of '${p.name}' ([${g.height}, ${g.width}], ${g.dtype}) does not match the parameter (${shapeToString(p.shape)}, ${p.dtype}).`,
        );
      }
    } else if (g !== null && (!shapeEquals(g.shape, p.shape) || g.dtype !== p.dtype)) {
      throw new ValueError(
        `The gradient of '${p.name}' has shape ${shapeToString(g.shape)} (${g.dtype}) but the parameter has shape ${shapeToString(p.shape)} (${p.dtype}).`,
      );
    }
    if (p.dtype !== 'float32' && p.dtype !== 'float64') {
      throw new PaddleTypeError(`${this.className} supports float32 and float64 parameters; '${p.name}' is ${p.dtype}.`);
    }
  }

  /** §8: group weight_decay (group mode) or ParamAttr regularizer (flat mode), else the optimizer's. */
  private regularizerFor(group: ResolvedGroup<G>, p: Tensor): ParameterDecay | null {
    if (group.raw !== null) {
      return group.groupDecay ?? this.regularization;
    }
    return paramRegularizer(p) ?? this.regularization;
  }

  /** The accumulator tensors of `p`, in `accumulatorKinds` order. */
  protected accumulatorsOf(p: Tensor): readonly Tensor[] {
    return this.state.of(p);
  }

  // ---------------------------------------------------------------- state dicts (§12, state-dict.ts)

  /**
   * `state_dict()`: the accumulator tensors (live, as Paddle returns them) keyed by name — all of
   * the first kind, then the second, … — plus `LR_Scheduler`. Empty before the first step.
   *
   * Paddle: `Optimizer.state_dict()`.
   *
   * @returns The state, ready for `paddle.save(…, 'model.pdopt')`.
   * @throws {@link errors.RuntimeError} after `dispose()`.
   */
  stateDict(): OptimizerStateDict {
    return collectState(this.state, this.scheduler());
  }

  /**
   * `set_state_dict(state_dict)`: restores the scheduler and every existing accumulator (which
   * must all be present with the right shape and dtype); the rest is held and bound when the
   * accumulators are created. Validated in full before anything changes. With `{ nameTable,
   * layer }`, state saved by a model whose parameters were named differently is matched by
   * structured names.
   *
   * Paddle: `Optimizer.set_state_dict(state_dict)`.
   *
   * @param stateDict - A state dict from `stateDict()`, or from
   *   `paddle.load(path, { as: 'optimizerStateDict' })`.
   * @param options - `{ nameTable, layer }` to match by structured names.
   * @throws {@link errors.KeyError} / {@link errors.ValueError} / {@link errors.AssertionError} for a
   *   missing accumulator, a wrong shape or dtype, or bad scheduler state (nothing is changed);
   *   {@link errors.RuntimeError} after `dispose()`.
   * @example
   * ```ts
   * opt.setStateDict(await paddle.load('model.pdopt', { as: 'optimizerStateDict' }));
   * ```
   */
  setStateDict(stateDict: OptimizerStateDict, options?: SetOptimizerStateOptions): void {
    loadState(this.state, this.scheduler(), stateDict, options);
  }

  /**
   * The accumulator names this optimizer binds for each parameter: existing accumulators' names,
   * or the names the next creation will generate (`<param>_<name>_<acc>_<n>`).
   * @returns The names, kind by kind (all `momentum` names, then `mean_square`, …), each kind in parameter order.
   * @throws {@link errors.RuntimeError} after `dispose()`.
   */
  expectedStateKeys(): string[] {
    return expectedKeys(this.state, this.parameterList);
  }

  private scheduler(): LRScheduler | null {
    return this.learningRate instanceof LRScheduler ? this.learningRate : null;
  }
}


export interface Optimizer {
  /** Paddle's spelling of `clearGrad`: the same function. */
  clear_grad: Optimizer['clearGrad'];
  /** Paddle's spelling of `clearGradients`: the same function. */
  clear_gradients: Optimizer['clearGradients'];
  /** Paddle's spelling of `getLr`: the same function. */
  get_lr: Optimizer['getLr'];
  /** Paddle's spelling of `setLr`: the same function. */
  set_lr: Optimizer['setLr'];
  /** Paddle's spelling of `setLrScheduler`: the same function. */
  set_lr_scheduler: Optimizer['setLrScheduler'];
  /** Paddle's spelling of `stateDict`: the same function. */
  state_dict: Optimizer['stateDict'];
  /** Paddle's spelling of `setStateDict`: the same function. */
  set_state_dict: Optimizer['setStateDict'];
}
aliasMethods(Optimizer, {
  clear_grad: 'clearGrad',
  clear_gradients: 'clearGradients',
  get_lr: 'getLr',
  set_lr: 'setLr',
  set_lr_scheduler: 'setLrScheduler',
  state_dict: 'stateDict',
  set_state_dict: 'setStateDict',
});

export type { FloatDType };

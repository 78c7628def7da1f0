/**
 * The `Optimizer` base (spec §2–§6, §10–§12): parameter groups, the step pipeline
 * (skip → clip → regularize → learning rate → kernel), lazily created accumulators named as
 * Paddle names them, learning-rate plumbing and state dicts.
 *
 * Atomicity: every public method validates everything it will touch before it changes anything,
 * so a call that throws leaves parameters, gradients and optimizer state bit-identical.
 */
import { aliasMethods } from '../alias.js';
import {
  AssertionError,
  AttributeError,
  KeyError,
  RuntimeError,
  TypeError as PaddleTypeError,
  ValueError,
  pyTypeName,
} from '../errors.js';
import { L2Decay, WeightDecayRegularizer } from '../regularizer/index.js';
import { noGrad } from '../tensor/autograd.js';
import type { DType, FloatArray, FloatDType } from '../tensor/dtype.js';
import { Parameter } from '../tensor/parameter.js';
import { SelectedRows } from '../tensor/selected-rows.js';
import { shapeEquals, shapeToString } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';
import { getDefaultDType } from '../tensor/creation.js';
import { checkOptions, setToZeroOf, type SetToZeroArg } from '../options.js';
import { AccumulatorStore, checkLoadable, isTensorLike, writeValues, type PendingAccumulators, type TensorLike } from './accumulators.js';
import { ClipGradBase, ClipGradByGlobalNorm, type ClipEntry } from './clip.js';
import { NO_TRANSFORM, applyTransform, type GradTransform } from './grad-transform.js';
import { LRScheduler } from './lr/lr-scheduler.js';

export type WeightDecay = number | WeightDecayRegularizer;

/** Keys every parameter group accepts; subclasses add their hyper-parameters. */
export interface BaseParamGroup {
  params: Tensor | readonly Tensor[];
  /** A *scale* of the optimizer's learning rate (Paddle: group `learning_rate`). */
  learningRate?: number;
  /** A number means L2Decay(number); null falls back to the optimizer's (spec §3). */
  weightDecay?: WeightDecay | null;
  /** null disables clipping for the group; absent uses the optimizer's. */
  gradClip?: ClipGradBase | null;
}

export interface BaseOptimizerOptions<G extends BaseParamGroup> {
  parameters?: readonly Tensor[] | readonly G[] | Iterable<Tensor> | null;
  weightDecay?: WeightDecay | null;
  gradClip?: ClipGradBase | null;
  name?: string | null;
}

/** The scheduler's state under `LR_Scheduler`. */
export type SchedulerState = ReturnType<LRScheduler['stateDict']>;

export type { TensorLike };

/**
 * `stateDict()` result: accumulator tensors keyed by their Paddle names
 * (`linear_0.w_0_momentum_0`, …), plus `LR_Scheduler` when a scheduler is in use.
 */
export interface OptimizerStateDict {
  [name: string]: Tensor | TensorLike | SchedulerState | undefined;
  LR_Scheduler?: SchedulerState;
}

/** Anything with Paddle's structured parameter keys (a `Layer`). */
export interface NamedParameterSource {
  namedParameters(): Iterable<readonly [string, Tensor]>;
}

/** `setStateDict` options for state saved by a model built with other parameter names. */
export interface SetOptimizerStateOptions {
  /** The saved model's `StructuredToParameterName@@` table (structured key → parameter name). */
  nameTable?: Readonly<Record<string, string>>;
  /** The model being loaded, whose structured keys the table is matched against. */
  layer?: NamedParameterSource;
}

/** A group as the optimizer keeps it: parameters and what each resolves to. */
export interface ResolvedGroup<G extends BaseParamGroup> {
  readonly params: readonly Tensor[];
  /** The raw group (hyper-parameter overrides), or null in flat mode. */
  readonly raw: G | null;
  readonly clip: ClipGradBase | null;
  /** Group mode: the group's `weightDecay` as a regularizer (null when absent or null). */
  readonly groupDecay: WeightDecayRegularizer | null;
}

/** One parameter ready for the kernel in this step. */
export interface PreparedEntry {
  readonly param: Tensor;
  /** Dense gradient (the param's own grad buffer, or a scratch buffer for a sparse grad). */
  readonly grad: () => FloatArray;
  readonly transform: GradTransform;
  readonly decay: WeightDecayRegularizer | null;
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
function paramRegularizer(p: Tensor): WeightDecayRegularizer | null {
  return p instanceof Parameter ? p.regularizer : null;
}
function paramNeedClip(p: Tensor): boolean {
  return p instanceof Parameter ? p.needClip : true;
}

export function toRegularizer(value: unknown, where: string): WeightDecayRegularizer | null {
  if (value === undefined || value === null) return null;
  if (value instanceof WeightDecayRegularizer) return value;
  if (typeof value === 'number') {
    if (Number.isNaN(value)) throw new ValueError(`${where}: weight_decay must not be NaN.`);
    return new L2Decay(value);
  }
  throw new PaddleTypeError(
    `${where}: weight_decay must be a number, an L1Decay/L2Decay or null, but received ${pyTypeName(value)}.`,
  );
}

export abstract class Optimizer<G extends BaseParamGroup = BaseParamGroup> {
  /** Accumulator kinds this optimizer keeps, in creation order (e.g. momentum, mean_square, mean_grad). */
  protected abstract readonly accumulatorKinds: readonly string[];

  protected readonly groups: readonly ResolvedGroup<G>[];
  protected readonly usesGroups: boolean;
  protected readonly regularization: WeightDecayRegularizer | null;
  protected readonly gradClip: ClipGradBase | null;
  readonly name: string | null;
  /** dtype of the learning rate: the first parameter's (spec §5). */
  protected readonly lrDType: DType;
  protected learningRate: number | LRScheduler;

  /** The accumulators, held state and sparse scratch: owned, freed by `dispose()`. Created lazily. */
  private store: AccumulatorStore | undefined;
  private disposed = false;

  constructor(
    learningRate: number | LRScheduler,
    options: BaseOptimizerOptions<G>,
    private readonly className: string,
    private readonly groupKeys: readonly string[],
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
    if (typeof learningRate === 'number' && Number.isNaN(learningRate)) {
      throw new ValueError('learning_rate must be a number, but received NaN.');
    }
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
      this.groups = this.resolveGroups(list as readonly G[]);
    } else {
      const params: Tensor[] = [];
      list.forEach((p, i) => {
        if (!isTensor(p)) {
          throw new PaddleTypeError(
            `\`parameters\` must hold paddle Tensors, but parameters[${i}] is ${pyTypeName(p)}.`,
          );
        }
        params.push(p);
      });
      this.groups = [{ params, raw: null, clip: this.gradClip, groupDecay: null }];
    }
    const firstParam = this.groups[0]?.params[0];
    this.lrDType = firstParam !== undefined ? firstParam.dtype : getDefaultDType();
    this.learningRate = learningRate;
  }

  private resolveGroups(list: readonly G[]): ResolvedGroup<G>[] {
    const seen = new Set<Tensor>();
    const out: ResolvedGroup<G>[] = [];
    list.forEach((group, gi) => {
      if (group === null || typeof group !== 'object' || isTensor(group)) {
        throw new PaddleTypeError(`parameter group ${gi} must be an object with 'params', but received ${pyTypeName(group)}.`);
      }
      if (!('params' in group)) {
        throw new AssertionError('params should be set in parameters if parameter groups are optimized in different options');
      }
      for (const key of Object.keys(group)) {
        if (!this.groupKeys.includes(key)) {
          const camel = key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
          const hint = camel !== key && this.groupKeys.includes(camel) ? ` Did you mean '${camel}' (Paddle's '${key}')?` : '';
          throw new PaddleTypeError(
            `${this.className}: parameter group ${gi} has an unexpected key '${key}'.${hint} Valid keys: ${this.groupKeys.map((k) => `'${k}'`).join(', ')}.`,
          );
        }
      }
      const rawParams: unknown = group.params;
      let params: Tensor[];
      if (isTensor(rawParams)) params = [rawParams];
      else if (rawParams instanceof Set) {
        throw new PaddleTypeError('optimizer parameters should be in ordered collections,but received set, please use list instead.');
      } else if (rawParams !== null && typeof rawParams === 'object' && typeof (rawParams as Iterable<unknown>)[Symbol.iterator] === 'function') {
        params = [...(rawParams as Iterable<Tensor>)];
      } else {
        throw new PaddleTypeError(`parameter group ${gi}: 'params' must be a Tensor or a list of Tensors, but received ${pyTypeName(rawParams)}.`);
      }
      params.forEach((p, i) => {
        if (!isTensor(p)) {
          throw new PaddleTypeError(`parameter group ${gi}: params[${i}] is ${pyTypeName(p)}, not a Tensor.`);
        }
        if (seen.has(p)) throw new ValueError('some parameters appear in more than one parameter group');
        seen.add(p);
      });
      if (group.learningRate !== undefined && (typeof group.learningRate !== 'number' || Number.isNaN(group.learningRate))) {
        throw new PaddleTypeError(`parameter group ${gi}: learningRate must be a number, but received ${String(group.learningRate)}.`);
      }
      const groupDecay = toRegularizer(group.weightDecay, `${this.className} parameter group ${gi}`);
      if (group.gradClip !== undefined && group.gradClip !== null && !(group.gradClip instanceof ClipGradBase)) {
        throw new PaddleTypeError("'grad_clip' should be an instance of GradientClipBase's derived class");
      }
      this.validateGroup(group, gi);
      const clip = 'gradClip' in group ? (group.gradClip ?? null) : this.gradClip;
      out.push({ params, raw: { ...group }, clip, groupDecay });
    });
    return out;
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

  /** `get_lr()`: the float learning rate, or the scheduler's `last_lr`. Ignores group/param scales. */
  getLr(): number {
    return typeof this.learningRate === 'number' ? this.learningRate : this.learningRate.lastLr;
  }

  /** `set_lr(value)`: only without a scheduler. */
  setLr(value: number): void {
    if (typeof value !== 'number') {
      throw new PaddleTypeError(`The type of 'value' in optimizer.set_lr must be float, but received ${pyTypeName(value)}.`);
    }
    if (this.learningRate instanceof LRScheduler) {
      throw new RuntimeError("optimizer's learning rate can't be LRScheduler when invoke this API, because this will lead to conflict.");
    }
    if (Number.isNaN(value)) throw new ValueError('set_lr: the learning rate must not be NaN.');
    this.learningRate = value;
  }

  /** `set_lr_scheduler(scheduler)`. */
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
   */
  clearGrad(setToZero?: SetToZeroArg): void {
    this.assertLive();
    const zero = setToZeroOf('clearGrad', setToZero);
    for (const p of this.parameterList) if (!p.stopGradient) p.clearGradient(zero);
  }

  /** `clear_gradients`: the same method as `clearGrad`. */
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

  /** Applies one update to every parameter that has a gradient. */
  step(): void {
    this.assertLive();
    noGrad(() => this.applyGroups(this.groups));
  }

  /**
   * `minimize(loss, startup_program=None, parameters=None, no_grad_set=None)`: in dygraph it does
   * not run backward; it updates from the existing gradients of `parameters` (default: the
   * optimizer's) as one flat list. Returns `[optimizeOps, paramsGrads]` (ops are always empty).
   */
  minimize(
    loss: Tensor,
    options?: { parameters?: readonly Tensor[]; noGradSet?: Iterable<Tensor | string> },
  ): [[], [Tensor, Tensor | SelectedRows][]] {
    this.assertLive();
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
    const sparse = live.map((p) => (p.grad instanceof SelectedRows ? p.grad : null));
    const merged = sparse.map((s) => (s === null ? null : s.merge()));
    let transforms: GradTransform[] = live.map(() => NO_TRANSFORM);
    if (group.clip !== null) {
      const entries: ClipEntry[] = live.map((p, i) => ({
        needClip: paramNeedClip(p),
        values: merged[i] != null ? (merged[i] as SelectedRows).values : ((p.grad as Tensor).data as FloatArray),
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
        const g = p.grad as Tensor;
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
          const arr = scratch.array() as FloatArray;
          arr.fill(0);
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
    const g = p.grad;
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
  private regularizerFor(group: ResolvedGroup<G>, p: Tensor): WeightDecayRegularizer | null {
    if (group.raw !== null) {
      return group.groupDecay ?? this.regularization;
    }
    return paramRegularizer(p) ?? this.regularization;
  }

  /** The accumulator tensors of `p`, in `accumulatorKinds` order. */
  protected accumulatorsOf(p: Tensor): readonly Tensor[] {
    return this.state.of(p);
  }

  // ---------------------------------------------------------------- state dicts (§12)

  /**
   * `state_dict()`: the accumulator tensors (live, as Paddle returns them) keyed by name — all of
   * the first kind, then the second, … — plus `LR_Scheduler`. Empty before the first step.
   */
  stateDict(): OptimizerStateDict {
    const state = this.state;
    const out: OptimizerStateDict = {};
    let any = false;
    for (const [, t] of state.entries()) {
      out[t.name] = t;
      any = true;
    }
    if (!any) for (const [k, v] of state.held()) out[k] = v;
    if (this.learningRate instanceof LRScheduler) out.LR_Scheduler = this.learningRate.stateDict();
    return out;
  }

  /**
   * `set_state_dict(state_dict)`: restores the scheduler and every existing accumulator (which
   * must all be present with the right shape and dtype); the rest is held and bound when the
   * accumulators are created. Validated in full before anything changes.
   */
  setStateDict(stateDict: OptimizerStateDict, options?: SetOptimizerStateOptions): void {
    const state = this.state;
    if (stateDict === null || typeof stateDict !== 'object' || Array.isArray(stateDict) || isTensor(stateDict)) {
      throw new PaddleTypeError(`set_state_dict expects a dict, but received ${pyTypeName(stateDict)}.`);
    }
    if (options !== undefined) {
      checkOptions('set_state_dict', options, ['nameTable', 'layer']);
      if (options.nameTable === undefined || options.layer === undefined) {
        throw new PaddleTypeError("set_state_dict: the options 'nameTable' and 'layer' go together (the saved model's StructuredToParameterName@@ table and the model being loaded).");
      }
      stateDict = this.renameByStructure(stateDict, options.nameTable, options.layer);
    }
    const scheduler = this.learningRate instanceof LRScheduler ? this.learningRate : null;
    if (scheduler !== null && !('LR_Scheduler' in stateDict)) throw new KeyError("'LR_Scheduler'");
    const rest = new Map<string, TensorLike>();
    for (const [k, v] of Object.entries(stateDict)) {
      if (k === 'LR_Scheduler' || k === 'master_weights' || k === 'StructuredToParameterName@@') continue;
      if (!isTensorLike(v)) {
        throw new PaddleTypeError(`State dict type ${pyTypeName(v)} not supprt (key '${k}').`);
      }
      rest.set(k, v);
    }
    // Every created accumulator must be present and compatible.
    const writes: [Tensor, TensorLike][] = [];
    for (const [p, acc] of state.entries()) {
      const v = rest.get(acc.name);
      if (v === undefined) throw new AssertionError(`optimizer Tensor ${acc.name} not found`);
      checkLoadable(acc.name, v, p.shape, p.dtype);
      writes.push([acc, v]);
    }
    if (scheduler !== null) {
      const snapshot = scheduler.stateDict();
      try {
        scheduler.setStateDict(stateDict.LR_Scheduler as SchedulerState);
      } catch (e) {
        scheduler.setStateDict(snapshot);
        throw e;
      }
    }
    for (const [acc, v] of writes) writeValues(acc, v);
    state.setHeld(rest);
  }
  /**
   * The accumulator names this optimizer binds for each parameter: existing accumulators' names,
   * or the names the next creation will generate (`<param>_<name>_<acc>_<n>`).
   */
  expectedStateKeys(): string[] {
    const state = this.state;
    const out: string[] = [];
    for (const kind of this.accumulatorKinds) {
      for (const p of this.parameterList) {
        out.push(state.nameFor(kind, p));
      }
    }
    return out;
  }

  /**
   * Paddle keys optimizer state by generated names (`linear_0.w_0_momentum_0`), which depend on
   * the order layers and optimizers were created in. A model rebuilt in another process may name
   * its parameters differently; the saved model's name table (structured key → parameter name,
   * `StructuredToParameterName@@` of its `.pdparams`) and the new layer's structured keys give
   * the correspondence, and each saved `<old param>_<acc key>_<n>` becomes the name this
   * optimizer binds for the new parameter.
   */
  private renameByStructure(
    stateDict: OptimizerStateDict,
    nameTable: Readonly<Record<string, string>>,
    layer: NamedParameterSource,
  ): OptimizerStateDict {
    const state = this.state;
    const oldToNew = new Map<string, Tensor>();
    const missing: string[] = [];
    const seen = new Set<string>();
    for (const [key, p] of layer.namedParameters()) {
      seen.add(key);
      const old = nameTable[key];
      if (typeof old !== 'string') missing.push(key);
      else oldToNew.set(old, p);
    }
    const unexpected = Object.keys(nameTable).filter((k) => !seen.has(k));
    if (missing.length > 0 || unexpected.length > 0) {
      throw new ValueError(
        `set_state_dict: the name table does not match the layer's structure. Missing keys: [${missing.join(', ')}]. Unexpected keys: [${unexpected.join(', ')}].`,
      );
    }
    const oldNames = [...oldToNew.keys()].sort((a, b) => b.length - a.length);
    const out: OptimizerStateDict = {};
    const unmatched: string[] = [];
    for (const [key, value] of Object.entries(stateDict)) {
      if (value === undefined) continue;
      if (key === 'LR_Scheduler' || key === 'master_weights' || key === 'StructuredToParameterName@@') {
        (out as Record<string, unknown>)[key] = value;
        continue;
      }
      const old = oldNames.find((n) => key.startsWith(`${n}_`));
      const rest = old === undefined ? null : /^(.*)_\d+$/.exec(key.slice(old.length + 1));
      const kind = rest === null ? undefined : this.accumulatorKinds.find((k) => rest[1] === state.keyOf(k));
      if (old === undefined || kind === undefined) {
        unmatched.push(key);
        continue;
      }
      const p = oldToNew.get(old) as Tensor;
      out[state.nameFor(kind, p)] = value;
    }
    if (unmatched.length > 0) {
      throw new ValueError(
        `set_state_dict: these state entries belong to no parameter of the name table: [${unmatched.join(', ')}].`,
      );
    }
    return out;
  }
}


export interface Optimizer {
  clear_grad: Optimizer['clearGrad'];
  clear_gradients: Optimizer['clearGradients'];
  get_lr: Optimizer['getLr'];
  set_lr: Optimizer['setLr'];
  set_lr_scheduler: Optimizer['setLrScheduler'];
  state_dict: Optimizer['stateDict'];
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

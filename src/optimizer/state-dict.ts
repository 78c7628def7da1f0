/**
 * Optimizer state dicts (spec §12): `state_dict()` collects the accumulators by their Paddle names
 * plus `LR_Scheduler`; `set_state_dict()` validates every existing accumulator and the scheduler
 * state before writing anything, and holds the rest until the accumulators are created; state saved
 * by a model with other generated parameter names is matched through its structured name table.
 */
import { AssertionError, KeyError, TypeError as PaddleTypeError, ValueError, pyTypeName } from '../errors.js';
import { checkOptions } from '../options.js';
import { Tensor } from '../tensor/tensor.js';
import { checkLoadable, isTensorLike, writeValues, type AccumulatorStore, type TensorLike } from './accumulators.js';
import type { LRScheduler } from './lr/lr-scheduler.js';

/** The scheduler's state under `LR_Scheduler`. */
export type SchedulerState = ReturnType<LRScheduler['stateDict']>;

export type { TensorLike };

/**
 * `stateDict()` result: accumulator tensors keyed by their Paddle names
 * (`linear_0.w_0_momentum_0`, …), plus `LR_Scheduler` when a scheduler is in use.
 */
export interface OptimizerStateDict {
  [name: string]: Tensor | TensorLike | SchedulerState | undefined;
  /** The learning-rate scheduler's state, when the optimizer has a scheduler (Paddle's `LR_Scheduler` key). */
  LR_Scheduler?: SchedulerState;
}

/** Anything with Paddle's structured parameter keys (a `Layer`). */
export interface NamedParameterSource {
  /**
   * The `[structured name, parameter]` pairs (a Layer's `namedParameters()`).
   * @returns The pairs, e.g. `['fc1.weight', p]`.
   */
  namedParameters(): Iterable<readonly [string, Tensor]>;
}

/** `setStateDict` options for state saved by a model built with other parameter names. */
export interface SetOptimizerStateOptions {
  /** The saved model's `StructuredToParameterName@@` table (structured key → parameter name). */
  nameTable?: Readonly<Record<string, string>>;
  /** The model being loaded, whose structured keys the table is matched against. */
  layer?: NamedParameterSource;
}

/** Keys of a state dict that are not accumulators. */
function isMetaKey(key: string): boolean {
  return key === 'LR_Scheduler' || key === 'master_weights' || key === 'StructuredToParameterName@@';
}

/**
 * `state_dict()`: the accumulator tensors (live, as Paddle returns them) keyed by name — all of
 * the first kind, then the second, … — plus `LR_Scheduler`. Before the first step: the held state.
 */
export function collectState(store: AccumulatorStore, scheduler: LRScheduler | null): OptimizerStateDict {
  const out: OptimizerStateDict = {};
  let any = false;
  for (const [, t] of store.entries()) {
    out[t.name] = t;
    any = true;
  }
  if (!any) for (const [k, v] of store.held()) out[k] = v;
  if (scheduler !== null) out.LR_Scheduler = scheduler.stateDict();
  return out;
}

/**
 * `set_state_dict(state_dict)`: restores the scheduler and every existing accumulator (which
 * must all be present with the right shape and dtype); the rest is held and bound when the
 * accumulators are created. Validated in full before anything changes.
 */
export function loadState(
  store: AccumulatorStore,
  scheduler: LRScheduler | null,
  stateDict: OptimizerStateDict,
  options: SetOptimizerStateOptions | undefined,
): void {
  if (stateDict === null || typeof stateDict !== 'object' || Array.isArray(stateDict) || stateDict instanceof Tensor) {
    throw new PaddleTypeError(`set_state_dict expects a dict, but received ${pyTypeName(stateDict)}.`);
  }
  if (options !== undefined) {
    checkOptions('set_state_dict', options, ['nameTable', 'layer']);
    if (options.nameTable === undefined || options.layer === undefined) {
      throw new PaddleTypeError("set_state_dict: the options 'nameTable' and 'layer' go together (the saved model's StructuredToParameterName@@ table and the model being loaded).");
    }
    stateDict = renameByStructure(store, stateDict, options.nameTable, options.layer);
  }
  if (scheduler !== null && !('LR_Scheduler' in stateDict)) throw new KeyError("'LR_Scheduler'");
  const rest = new Map<string, TensorLike>();
  for (const [k, v] of Object.entries(stateDict)) {
    if (isMetaKey(k)) continue;
    if (!isTensorLike(v)) {
      throw new PaddleTypeError(`State dict type ${pyTypeName(v)} not supprt (key '${k}').`);
    }
    rest.set(k, v);
  }
  // Every created accumulator must be present and compatible.
  const writes: [Tensor, TensorLike][] = [];
  for (const [p, acc] of store.entries()) {
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
  store.setHeld(rest);
}

/**
 * The accumulator names bound for each parameter, kind by kind: existing accumulators' names, or
 * the names the next creation will generate (`<param>_<name>_<acc>_<n>`).
 */
export function expectedKeys(store: AccumulatorStore, params: readonly Tensor[]): string[] {
  return store.kinds.flatMap((kind) => params.map((p) => store.nameFor(kind, p)));
}

/**
 * Paddle keys optimizer state by generated names (`linear_0.w_0_momentum_0`), which depend on
 * the order layers and optimizers were created in. A model rebuilt in another process may name
 * its parameters differently; the saved model's name table (structured key → parameter name,
 * `StructuredToParameterName@@` of its `.pdparams`) and the new layer's structured keys give
 * the correspondence, and each saved `<old param>_<acc key>_<n>` becomes the name this
 * optimizer binds for the new parameter.
 */
function renameByStructure(
  store: AccumulatorStore,
  stateDict: OptimizerStateDict,
  nameTable: Readonly<Record<string, string>>,
  layer: NamedParameterSource,
): OptimizerStateDict {
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
    if (isMetaKey(key)) {
      (out as Record<string, unknown>)[key] = value;
      continue;
    }
    const old = oldNames.find((n) => key.startsWith(`${n}_`));
    const rest = old === undefined ? null : /^(.*)_\d+$/.exec(key.slice(old.length + 1));
    const kind = rest === null ? undefined : store.kinds.find((k) => rest[1] === store.keyOf(k));
    if (old === undefined || kind === undefined) {
      unmatched.push(key);
      continue;
    }
    const p = oldToNew.get(old) as Tensor;
    out[store.nameFor(kind, p)] = value;
  }
  if (unmatched.length > 0) {
    throw new ValueError(
      `set_state_dict: these state entries belong to no parameter of the name table: [${unmatched.join(', ')}].`,
    );
  }
  return out;
}

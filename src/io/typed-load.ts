/**
 * `load(path, { as })`: the loaded value checked at run time to be a state dict, and typed as one,
 * so that `layer.setStateDict(await paddle.load(p, { as: 'stateDict' }))` compiles without a cast
 * (`load` alone returns {@link Loaded}, which includes `null`, numbers, arrays, …).
 */
import { ValueError } from '../errors.js';
import { describe } from '../options.js';
import { Tensor } from '../tensor/tensor.js';
import type { Loaded } from './from-py.js';

/** A dict as `load` returns it by default (a plain object). */
export type LoadedDict = { [key: string]: Loaded };

/**
 * What `load(path, { as: 'stateDict' })` returns: structured name → Tensor, the contents of a
 * `.pdparams` file (a `Layer`'s `stateDict()`); assignable to `Layer.setStateDict`'s argument.
 */
export type LoadedStateDict = Record<string, Tensor>;

/**
 * What `load(path, { as: 'optimizerStateDict' })` returns: the contents of a `.pdopt` file, each
 * accumulator Tensor under its Paddle name (`linear_0.w_0_moment_0`, …), plus the scheduler's
 * state under `LR_Scheduler` and, from mixed-precision Paddle runs, `master_weights` (dicts);
 * assignable to `Optimizer.setStateDict`'s argument.
 */
export interface LoadedOptimizerStateDict {
  [name: string]: Tensor | LoadedDict | undefined;
  /** The learning-rate scheduler's `stateDict()`, when one was in use. */
  LR_Scheduler?: LoadedDict;
}

/** The kinds of value `load`'s `as` option checks for. */
export type LoadAs = 'stateDict' | 'optimizerStateDict';

/** The dict-valued keys of an optimizer state dict (everything else is a Tensor). */
const OPTIMIZER_DICT_KEYS = new Set(['LR_Scheduler', 'master_weights']);

function isPlainDict(v: Loaded): v is LoadedDict {
  if (typeof v !== 'object' || v === null) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Whether the `as` option value is one of {@link LoadAs}. */
export function isLoadAs(v: unknown): v is LoadAs {
  return v === 'stateDict' || v === 'optimizerStateDict';
}

/**
 * Checks that `value` (what `load` produced with `dictAs: 'object'` and Tensors, not NdArrays) is
 * the kind of state dict `as` names (`load`'s overloads give it that type); otherwise a
 * `ValueError` naming the file (or "the bytes") and the first key that does not fit.
 */
export function checkLoadedAs(value: Loaded, as: LoadAs, where: string, path: string | null): void {
  const what = as === 'stateDict' ? 'a state dict (every value a Tensor)' : 'an optimizer state dict (Tensors, and LR_Scheduler / master_weights dicts)';
  const source = path === null ? 'the bytes' : path;
  const fail = (why: string): ValueError => new ValueError(`${where}: ${source} does not hold ${what}: ${why}. Load it without 'as' to see what it holds.`);
  if (!isPlainDict(value)) throw fail(`it holds ${describe(value)}`);
  for (const [key, v] of Object.entries(value)) {
    if (v instanceof Tensor) continue;
    if (as === 'optimizerStateDict' && OPTIMIZER_DICT_KEYS.has(key) && isPlainDict(v)) continue;
    throw fail(`'${key}' holds ${describe(v)}`);
  }
}

/**
 * Paddle's `unique_name` generator: process-wide counters per key (`linear` → `linear_0`,
 * `linear_1`, …). `guard(fn)` runs `fn` with a fresh set of counters and restores the old ones,
 * like `paddle.utils.unique_name.guard()`.
 */
import { TypeError as PaddleTypeError } from '../errors.js';

let counters = new Map<string, number>();
/** The prefix of the current generator (`guard('A', fn)`: `Afc_0`); '' outside such a guard. */
let prefix = '';

/**
 * `paddle.utils.unique_name.generate(key)`: `key_0`, `key_1`, … , a new name for each call with the
 * same key (prefixed inside `guard(prefix, fn)`).
 * @param key - The name's stem (Paddle's `key`), e.g. `'linear'`.
 * @returns `${prefix}${key}_${n}`, n counting the earlier calls with this key in the current guard.
 */
export function generate(key: string): string {
  const n = counters.get(key) ?? 0;
  counters.set(key, n + 1);
  return `${prefix}${key}_${n}`;
}

/**
 * Other name registries that follow the generator's scope (e.g. the explicit parameter names of
 * createParameter): `guard` saves, clears and afterwards restores them too.
 */
export interface NameScopeHook {
  /**
   * The state to restore after the guard.
   * @returns Anything; `restore` receives it back.
   */
  save(): unknown;
  /** Resets the state at the start of the guard. */
  clear(): void;
  /**
   * Puts back the state `save` returned.
   * @param saved - What `save()` returned when the guard began.
   */
  restore(saved: unknown): void;
}
const hooks: NameScopeHook[] = [];

/**
 * Registers a function {@link guard} calls to save and restore another counter along with the names
 * (used by the layers' name scopes).
 * @param hook - The registry's save / clear / restore functions; kept for the life of the process.
 */
export function registerNameScopeHook(hook: NameScopeHook): void {
  hooks.push(hook);
}

/**
 * `paddle.utils.unique_name.guard(new_generator=None)`: runs `fn` with fresh name counters and
 * restores the previous ones afterwards, so names generated inside start from `_0` again. With a
 * prefix (Paddle's `guard('A')`), the names generated inside start with it (`Afc_0`). Returns
 * what `fn` returns.
 * @param fn - The code to run with fresh counters.
 * @returns What `fn` returns (the counters are restored also when it throws).
 * @throws {@link errors.TypeError} when `fn` is not a function.
 */
export function guard<T>(fn: () => T): T;
/**
 * `paddle.utils.unique_name.guard(new_generator)` with a prefix: runs `fn` with fresh name
 * counters, the names generated inside starting with `newPrefix` (`guard('A', fn)`: `Afc_0`), and
 * restores the previous counters and prefix afterwards.
 * @param newPrefix - The prefix of the names generated inside (Paddle's `new_generator` as a string).
 * @param fn - The code to run with fresh counters.
 * @returns What `fn` returns (the counters are restored also when it throws).
 * @throws {@link errors.TypeError} when `newPrefix` is not a string or `fn` is not a function.
 */
export function guard<T>(newPrefix: string, fn: () => T): T;
export function guard<T>(prefixOrFn: string | (() => T), maybeFn?: () => T): T {
  const fn = typeof prefixOrFn === 'function' ? prefixOrFn : maybeFn;
  if (typeof fn !== 'function' || (typeof prefixOrFn !== 'function' && typeof prefixOrFn !== 'string')) {
    throw new PaddleTypeError('unique_name.guard: expected guard(fn) or guard(prefix: string, fn).');
  }
  const saved = counters;
  const savedPrefix = prefix;
  const savedHooks = hooks.map((h) => h.save());
  counters = new Map();
  prefix = typeof prefixOrFn === 'string' ? prefixOrFn : '';
  for (const h of hooks) h.clear();
  try {
    return fn();
  } finally {
    counters = saved;
    prefix = savedPrefix;
    hooks.forEach((h, i) => h.restore(savedHooks[i]));
  }
}

/** Resets every counter (tests). */
export function reset(): void {
  counters = new Map();
}

/**
 * What `generate(key)` would return next, without advancing the counter.
 * @param key - The name's stem, as passed to `generate`.
 * @returns The next name for `key`, e.g. `'linear_3'`.
 */
export function peek(key: string): string {
  return `${prefix}${key}_${counters.get(key) ?? 0}`;
}

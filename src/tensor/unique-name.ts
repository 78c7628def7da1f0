/**
 * Paddle's `unique_name` generator: process-wide counters per key (`linear` → `linear_0`,
 * `linear_1`, …). `guard(fn)` runs `fn` with a fresh set of counters and restores the old ones,
 * like `paddle.utils.unique_name.guard()`.
 */
let counters = new Map<string, number>();

/**
 * `paddle.utils.unique_name.generate(key)`: `key_0`, `key_1`, … , a new name for each call with the
 * same key.
 */
export function generate(key: string): string {
  const n = counters.get(key) ?? 0;
  counters.set(key, n + 1);
  return `${key}_${n}`;
}

/**
 * Other name registries that follow the generator's scope (e.g. the explicit parameter names of
 * createParameter): `guard` saves, clears and afterwards restores them too.
 */
export interface NameScopeHook {
  /** The state to restore after the guard. */
  save(): unknown;
  /** Resets the state at the start of the guard. */
  clear(): void;
  /** Puts back the state `save` returned. */
  restore(saved: unknown): void;
}
const hooks: NameScopeHook[] = [];

/**
 * Registers a function {@link guard} calls to save and restore another counter along with the names
 * (used by the layers' name scopes).
 */
export function registerNameScopeHook(hook: NameScopeHook): void {
  hooks.push(hook);
}

/**
 * `paddle.utils.unique_name.guard()`: runs `fn` with fresh name counters and restores the previous
 * ones afterwards, so names generated inside start from `_0` again. Returns what `fn` returns.
 */
export function guard<T>(fn: () => T): T {
  const saved = counters;
  const savedHooks = hooks.map((h) => h.save());
  counters = new Map();
  for (const h of hooks) h.clear();
  try {
    return fn();
  } finally {
    counters = saved;
    hooks.forEach((h, i) => h.restore(savedHooks[i]));
  }
}

/** Resets every counter (tests). */
export function reset(): void {
  counters = new Map();
}

/** What `generate(key)` would return next, without advancing the counter. */
export function peek(key: string): string {
  return `${key}_${counters.get(key) ?? 0}`;
}

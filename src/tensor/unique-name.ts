/**
 * Paddle's `unique_name` generator: process-wide counters per key (`linear` → `linear_0`,
 * `linear_1`, …). `guard(fn)` runs `fn` with a fresh set of counters and restores the old ones,
 * like `paddle.utils.unique_name.guard()`.
 */
let counters = new Map<string, number>();

export function generate(key: string): string {
  const n = counters.get(key) ?? 0;
  counters.set(key, n + 1);
  return `${key}_${n}`;
}

export function guard<T>(fn: () => T): T {
  const saved = counters;
  counters = new Map();
  try {
    return fn();
  } finally {
    counters = saved;
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

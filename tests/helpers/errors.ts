import { expect } from 'vitest';

/**
 * Calls `fn` and asserts it throws an instance of `kind` whose message matches `message` (a
 * RegExp) or equals it (a string). Returns the error.
 */
export function expectError(fn: () => unknown, kind: abstract new (...args: never[]) => unknown, message: RegExp | string, label?: string): Error {
  let caught: unknown = null;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, label).toBeInstanceOf(kind);
  const text = (caught as Error).message;
  if (typeof message === 'string') expect(text, label).toBe(message);
  else expect(text, label).toMatch(message);
  return caught as Error;
}

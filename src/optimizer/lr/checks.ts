/**
 * Argument checks shared by the schedulers. The type checks word their messages as Paddle does
 * ("The type of 'T_max' in 'CosineAnnealingDecay' must be 'int', but received <class 'float'>."),
 * so they serve Paddle's own checks of that form and also cover what Python rejects without a
 * check of its own (a string where a number belongs fails at the first comparison in Python, and
 * would not in JavaScript).
 *
 * JavaScript has one number type: where Paddle requires an `int` these require
 * `Number.isInteger`, and where Paddle requires a `float` specifically (OneCycleLR's `phase_pct`,
 * CyclicLR's `exp_gamma`) any number is accepted, since `1` and `1.0` are the same value.
 */
import { AssertionError, TypeError as PaddleTypeError, pyTypeName } from '../../errors.js';
import { describe } from '../../options.js';
import { pyStr } from './py-math.js';

function typeError(where: string, name: string, expected: string, value: unknown): PaddleTypeError {
  return new PaddleTypeError(
    `The type of '${name}' in '${where}' must be '${expected}', but received ${pyTypeName(value)}.`,
  );
}

export function requireNumber(where: string, name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number') throw typeError(where, name, 'float, int', value);
}

export function requireInteger(where: string, name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw typeError(where, name, 'int', value);
}

export function requireBoolean(where: string, name: string, value: unknown): asserts value is boolean {
  if (typeof value !== 'boolean') throw typeError(where, name, 'bool', value);
}

export function requireString(where: string, name: string, value: unknown): asserts value is string {
  if (typeof value !== 'string') throw typeError(where, name, 'str', value);
}

export function requireFunction(
  where: string,
  name: string,
  value: unknown,
): asserts value is (x: number) => number {
  if (typeof value !== 'function') throw typeError(where, name, 'function', value);
}

/** An array of numbers (Paddle: a Python list or tuple of numbers). */
export function requireNumberList(
  where: string,
  name: string,
  value: unknown,
): asserts value is readonly number[] {
  if (!Array.isArray(value)) throw typeError(where, name, 'tuple, list', value);
  for (const v of value as unknown[]) {
    if (typeof v !== 'number') {
      throw new PaddleTypeError(
        `The elements of '${name}' in '${where}' must be numbers, but received ${pyTypeName(v)}.`,
      );
    }
  }
}

/** The `epoch` of `step(epoch)`: a number, or null/undefined for the next epoch. */
export function checkEpoch(epoch: unknown): asserts epoch is number | null | undefined {
  if (epoch !== undefined && epoch !== null && typeof epoch !== 'number') {
    throw new PaddleTypeError(`step(): 'epoch' must be a number or null, but received ${describe(epoch)}.`);
  }
}

/** Paddle's `assert cond, message`, with the value received appended. */
export function assertArg(condition: boolean, message: string, value: unknown): asserts condition {
  if (!condition) throw new AssertionError(`${message}, but received ${pyStr(value)}.`);
}

/** Calls a user function of the epoch (`lr_lambda`, `scale_fn`) and checks it returned a number. */
export function callNumberFunction(
  where: string,
  name: string,
  fn: (x: number) => number,
  x: number,
): number {
  const result: unknown = fn(x);
  if (typeof result !== 'number') {
    throw new PaddleTypeError(
      `'${name}' in '${where}' must return a number, but returned ${pyTypeName(result)} for ${pyStr(x)}.`,
    );
  }
  return result;
}

/**
 * Argument helpers shared by src/nn: the "positional or options object" form of constructors
 * whose first optional argument Paddle code usually passes positionally (`Uniform(-1, 1)`,
 * `Dropout(0.5)`, `Softmax(1)`), Paddle's `check_type` message, and small validators.
 */
import { TypeError as PaddleTypeError, pyTypeName } from '../errors.js';
import { checkOptions, describe, isPlainObject } from '../options.js';

/**
 * Resolves `args` either as one options object (`{ low: -1, high: 1 }`, checked with
 * `checkOptions` against `names`) or as Paddle's positional order (`-1, 1`). A trailing options
 * object after positional values is merged in (`Dropout(0.5, { mode })`), and a key given both
 * ways is a TypeError.
 */
export function positionalOrOptions(where: string, args: readonly unknown[], names: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let positional = args;
  const last = args[args.length - 1];
  if (isPlainObject(last)) {
    positional = args.slice(0, -1);
    const opts = checkOptions(where, last, names) as Record<string, unknown>;
    Object.assign(out, opts);
  }
  if (positional.length > names.length) {
    throw new PaddleTypeError(
      `${where} takes at most ${names.length} positional arguments (${names.join(', ')}), but received ${positional.length}.`,
    );
  }
  positional.forEach((v, i) => {
    const key = names[i] as string;
    if (v === undefined) return;
    if (key in out) {
      throw new PaddleTypeError(`${where} got the argument '${key}' both positionally and in the options object.`);
    }
    out[key] = v;
  });
  return out;
}

export { isPlainObject };

/** Paddle's `check_type` TypeError: "The type of 'x' in Op must be ..., but received <class '...'>." */
export function typeError(where: string, argName: string, expected: string, value: unknown): PaddleTypeError {
  return new PaddleTypeError(
    `The type of '${argName}' in ${where} must be ${expected}, but received ${pyTypeName(value)}.`,
  );
}

/** A number (TypeError otherwise). */
export function checkNumber(where: string, argName: string, value: unknown): number {
  if (typeof value !== 'number') {
    throw new PaddleTypeError(`${where}: '${argName}' must be a number, but received ${describe(value)}.`);
  }
  return value;
}

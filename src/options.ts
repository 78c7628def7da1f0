/**
 * Validation of the trailing options object of every public call (DESIGN.md §1): unknown keys
 * throw, naming the valid keys, and the camelCase spelling when a Paddle snake_case key was used.
 */
import { TypeError as PaddleTypeError } from './errors.js';

/** `weight_decay` → `weightDecay`. */
export function snakeToCamel(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/**
 * Throws `TypeError` if `options` is not a plain object or has a key outside `allowed`.
 * `where` names the call, e.g. `RMSProp` or `ParamAttr`. Returns the options (or `{}`).
 */
export function checkOptions<T extends object>(
  where: string,
  options: T | undefined | null,
  allowed: readonly string[],
): T {
  if (options === undefined || options === null) return {} as T;
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new PaddleTypeError(
      `${where}: the options argument must be an object, but received ${describe(options)}.`,
    );
  }
  for (const key of Object.keys(options)) {
    if (allowed.includes(key)) continue;
    const camel = snakeToCamel(key);
    const hint =
      camel !== key && allowed.includes(camel) ? ` Did you mean '${camel}' (Paddle's '${key}')?` : '';
    throw new PaddleTypeError(
      `${where} got an unexpected option '${key}'.${hint} Valid options: ${allowed.map((k) => `'${k}'`).join(', ')}.`,
    );
  }
  return options;
}

/**
 * The options object of a creation function, whose `dtype` Paddle code often passes positionally
 * (`paddle.zeros([2, 3], 'int64')`, `paddle.randint(0, 10, [64, 1], 'int64')`): a dtype string in
 * the options' place means `{ dtype }`; anything else is returned as it is (for `checkOptions`).
 * @param options - The options object, a dtype string, or nothing.
 * @returns The options object.
 */
export function dtypeOrOptions<T extends object>(options: T | string | undefined | null): T | undefined | null {
  return typeof options === 'string' ? ({ dtype: options } as unknown as T) : options;
}

/** A short description of a value for error messages: the value itself for scalars. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value === 'function') return 'a function';
  const name = (value as { constructor?: { name?: string } }).constructor?.name;
  return name !== undefined && name !== 'Object' ? `a ${name}` : 'an object';
}

/** What the clear-gradient methods accept: Paddle's positional `set_to_zero`, or `{ setToZero }`. */
export type SetToZeroArg =
  | boolean
  | {
      /** Zero-fill the gradients (`true`, default) or release them (Paddle's `set_to_zero`). */
      setToZero?: boolean;
    }
  | undefined
  | null;

/**
 * Reads the `set_to_zero` argument of `clear_grad` / `clear_gradients` / `clear_gradient`
 * (default true). Paddle passes it positionally (`opt.clear_grad(False)`), so a boolean is taken
 * as is; an options object is checked like every other.
 */
export function setToZeroOf(where: string, arg: SetToZeroArg): boolean {
  if (typeof arg === 'boolean') return arg;
  const o = checkOptions(where, arg, ['setToZero']);
  const v = o.setToZero ?? true;
  if (typeof v !== 'boolean') {
    throw new PaddleTypeError(`${where}: 'setToZero' must be a boolean, but received ${describe(v)}.`);
  }
  return v;
}

/** A plain `{ ... }` object (what an options argument is), not an array, typed array or instance. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || ArrayBuffer.isView(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Paddle code passes the first optional argument of many calls positionally (`paddle.sum(x, 1)`,
 * `paddle.concat(xs, 1)`, `F.softmax(x, -1)`): `first` is either that argument (merged into
 * `options` under `key`) or the options object itself. Returns the options to check as usual;
 * giving `key` both ways, or an options object followed by another, is a TypeError.
 */
export function leadingOption<O extends object>(where: string, key: string, first: unknown, options: O | undefined | null): O | undefined {
  if (isPlainObject(first)) {
    if (options !== undefined && options !== null) {
      throw new PaddleTypeError(`${where}: pass '${key}' positionally followed by an options object, or one options object, not two objects.`);
    }
    return first as O;
  }
  if (first === undefined) return options ?? undefined;
  if (options !== undefined && options !== null && typeof options === 'object' && key in options) {
    throw new PaddleTypeError(`${where} got the argument '${key}' both positionally and in the options object.`);
  }
  return { ...(options ?? {}), [key]: first } as O;
}

/**
 * Error classes that mirror Paddle's (Python's) exception kinds, so ported code and tests can
 * check the same kind Paddle raises. Each sets `name` to the Python class name.
 *
 * `TypeError` extends the built-in `TypeError`, and `IndexError` the built-in `RangeError`, so
 * `instanceof` checks against the JavaScript built-ins keep working too.
 */

export class ValueError extends Error {
  /** The class name, `'ValueError'`, as Python prints it. */
  override name = 'ValueError';
}

/**
 * Paddle's `TypeError` (Python's): an argument of the wrong type, or an unknown option key. Extends
 * the built-in `TypeError`, so `instanceof TypeError` holds too.
 */
class PaddleTypeError extends globalThis.TypeError {
  /** The class name, `'TypeError'`, as Python prints it. */
  override name = 'TypeError';
}
export { PaddleTypeError as TypeError };

/**
 * Paddle's `AssertionError`: a failed check Paddle makes with `assert` (for example `Variable Shape
 * not match` in `setValue` and `setStateDict`).
 */
export class AssertionError extends Error {
  /** The class name, `'AssertionError'`, as Python prints it. */
  override name = 'AssertionError';
}

/**
 * Paddle's `RuntimeError`: the operation cannot run in this state (for example a disposed Tensor,
 * or `backward()` through a freed graph).
 */
export class RuntimeError extends Error {
  /** The class name, `'RuntimeError'`, as Python prints it. */
  override name = 'RuntimeError';
}

/**
 * Paddle's `NotImplementedError`: a form Paddle defines that this port does not support (named in
 * the message).
 */
export class NotImplementedError extends Error {
  /** The class name, `'NotImplementedError'`, as Python prints it. */
  override name = 'NotImplementedError';
}

/** Paddle's `KeyError` (Python's): a missing key, for example in a state dict. */
export class KeyError extends Error {
  /** The class name, `'KeyError'`, as Python prints it. */
  override name = 'KeyError';
}

/** Paddle's `IndexError` (Python's): an index or axis out of range. Extends the built-in `RangeError`. */
export class IndexError extends RangeError {
  /** The class name, `'IndexError'`, as Python prints it. */
  override name = 'IndexError';
}

/**
 * Paddle's `AttributeError` (Python's): an attribute that does not exist, for example a layer's
 * unregistered name.
 */
export class AttributeError extends Error {
  /** The class name, `'AttributeError'`, as Python prints it. */
  override name = 'AttributeError';
}

/**
 * Python's `type(x)` as Paddle's messages print it, e.g. `<class 'str'>`.
 * @param value - Any JS value.
 * @returns The Python type the value stands for: `<class 'int'>` (integers, bigints), `<class 'float'>`, `<class 'str'>`, `<class 'bool'>`, `<class 'NoneType'>` (null, undefined), `<class 'list'>` (arrays), `<class 'dict'>` (plain objects), else `<class '` + the constructor's name + `'>`.
 */
export function pyTypeName(value: unknown): string {
  if (value === null || value === undefined) return "<class 'NoneType'>";
  switch (typeof value) {
    case 'number':
      return Number.isInteger(value) ? "<class 'int'>" : "<class 'float'>";
    case 'string':
      return "<class 'str'>";
    case 'boolean':
      return "<class 'bool'>";
    case 'function':
      return "<class 'function'>";
    case 'bigint':
      return "<class 'int'>";
    default:
      break;
  }
  if (Array.isArray(value)) return "<class 'list'>";
  const ctor = (value as { constructor?: { name?: string } }).constructor;
  const name = ctor?.name;
  if (name === undefined || name === 'Object') return "<class 'dict'>";
  return `<class '${name}'>`;
}

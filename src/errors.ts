/**
 * Error classes that mirror Paddle's (Python's) exception kinds, so ported code and tests can
 * check the same kind Paddle raises. Each sets `name` to the Python class name.
 *
 * `TypeError` extends the built-in `TypeError`, and `IndexError` the built-in `RangeError`, so
 * `instanceof` checks against the JavaScript built-ins keep working too.
 */

export class ValueError extends Error {
  override name = 'ValueError';
}

class PaddleTypeError extends globalThis.TypeError {
  override name = 'TypeError';
}
export { PaddleTypeError as TypeError };

export class AssertionError extends Error {
  override name = 'AssertionError';
}

export class RuntimeError extends Error {
  override name = 'RuntimeError';
}

export class NotImplementedError extends Error {
  override name = 'NotImplementedError';
}

export class KeyError extends Error {
  override name = 'KeyError';
}

export class IndexError extends RangeError {
  override name = 'IndexError';
}

export class AttributeError extends Error {
  override name = 'AttributeError';
}

/** Python's `type(x)` as Paddle's messages print it, e.g. `<class 'str'>`. */
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

/**
 * The pickle opcodes this package reads and writes (CPython's Lib/pickle.py names), one table for
 * pickle-read.ts and pickle-write.ts. Frozen, so that the JIT may fold `OP.X` to its byte.
 */
export const OP = Object.freeze({
  PROTO: 0x80,
  FRAME: 0x95,
  STOP: 0x2e,
  MARK: 0x28,
  POP: 0x30,
  POP_MARK: 0x31,
  DUP: 0x32,
  NONE: 0x4e,
  NEWTRUE: 0x88,
  NEWFALSE: 0x89,
  BININT: 0x4a,
  BININT1: 0x4b,
  BININT2: 0x4d,
  LONG1: 0x8a,
  LONG4: 0x8b,
  BINFLOAT: 0x47,
  SHORT_BINUNICODE: 0x8c,
  BINUNICODE: 0x58,
  BINUNICODE8: 0x8d,
  SHORT_BINSTRING: 0x55,
  BINSTRING: 0x54,
  SHORT_BINBYTES: 0x43,
  BINBYTES: 0x42,
  BINBYTES8: 0x8e,
  BYTEARRAY8: 0x96,
  EMPTY_DICT: 0x7d,
  EMPTY_LIST: 0x5d,
  EMPTY_TUPLE: 0x29,
  TUPLE: 0x74,
  TUPLE1: 0x85,
  TUPLE2: 0x86,
  TUPLE3: 0x87,
  LIST: 0x6c,
  DICT: 0x64,
  APPEND: 0x61,
  APPENDS: 0x65,
  SETITEM: 0x73,
  SETITEMS: 0x75,
  BINPUT: 0x71,
  LONG_BINPUT: 0x72,
  MEMOIZE: 0x94,
  BINGET: 0x68,
  LONG_BINGET: 0x6a,
  GLOBAL: 0x63,
  STACK_GLOBAL: 0x93,
  REDUCE: 0x52,
  NEWOBJ: 0x81,
  BUILD: 0x62,
  BINPERSID: 0x51,
} as const);

const NAMES: ReadonlyMap<number, string> = new Map(Object.entries(OP).map(([k, v]) => [v, k]));

/** An opcode byte for messages: `'}' (0x7d, EMPTY_DICT)`, `0xff`. */
export function opName(code: number): string {
  const c = String.fromCharCode(code);
  const name = NAMES.get(code);
  const hex = `0x${code.toString(16).padStart(2, '0')}`;
  const printable = code >= 0x20 && code < 0x7f;
  if (printable) return `'${c}' (${name === undefined ? hex : `${hex}, ${name}`})`;
  return name === undefined ? hex : `${hex} (${name})`;
}

/** A tiny pickle assembler for hand-made (often hostile) test streams. */

export type Piece = number | string | Uint8Array | readonly Piece[];

const enc = new TextEncoder();

/** Concatenates opcodes (numbers are single bytes), raw strings (latin1) and byte arrays. */
export function asm(...pieces: Piece[]): Uint8Array {
  const out: number[] = [];
  const add = (p: Piece): void => {
    if (typeof p === 'number') out.push(p & 0xff);
    else if (typeof p === 'string') for (let i = 0; i < p.length; i++) out.push(p.charCodeAt(i) & 0xff);
    else if (p instanceof Uint8Array) for (const b of p) out.push(b);
    else for (const q of p) add(q);
  };
  pieces.forEach(add);
  return Uint8Array.from(out);
}

export const u32 = (n: number): Uint8Array => {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n >>> 0, true);
  return b;
};
export const i32 = (n: number): Uint8Array => {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setInt32(0, n, true);
  return b;
};
export const u64 = (n: bigint): Uint8Array => {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, n, true);
  return b;
};

export const PROTO4 = [0x80, 4];
export const STOP = 0x2e;
export const MARK = 0x28;
export const MEMOIZE = 0x94;
export const BINGET = (i: number): Piece => [0x68, i];
export const NONE = 0x4e;
export const TUPLE = 0x74;
export const TUPLE1 = 0x85;
export const TUPLE2 = 0x86;
export const TUPLE3 = 0x87;
export const EMPTY_TUPLE = 0x29;
export const EMPTY_LIST = 0x5d;
export const EMPTY_DICT = 0x7d;
export const APPEND = 0x61;
export const SETITEM = 0x73;
export const REDUCE = 0x52;
export const BUILD = 0x62;
export const POP = 0x30;
export const NEWFALSE = 0x89;
export const NEWTRUE = 0x88;
export const BININT1 = (n: number): Piece => [0x4b, n];
export const BININT = (n: number): Piece => [0x4a, i32(n)];

/** SHORT_BINUNICODE or BINUNICODE of a string. */
export function str(s: string): Piece {
  const b = enc.encode(s);
  return b.length < 256 ? [0x8c, b.length, b] : [0x58, u32(b.length), b];
}

export function bytes(b: Uint8Array): Piece {
  return b.length < 256 ? [0x43, b.length, b] : [0x42, u32(b.length), b];
}

export function global(module: string, name: string): Piece {
  return [0x63, `${module}\n${name}\n`];
}

/** numpy dtype('<f4')-style construction and state. */
export function dtype(typestr = 'f4', order = '<'): Piece {
  return [
    global('numpy', 'dtype'),
    str(typestr),
    NEWFALSE,
    NEWTRUE,
    TUPLE3,
    REDUCE,
    MARK,
    BININT1(3),
    str(order),
    NONE,
    NONE,
    NONE,
    BININT(-1),
    BININT(-1),
    BININT1(0),
    TUPLE,
    BUILD,
  ];
}

/** A complete ndarray: _reconstruct + BUILD with the given shape pieces and raw data. */
export function ndarray(shape: Piece[], data: Uint8Array, dt: Piece = dtype()): Piece {
  return [
    global('numpy.core.multiarray', '_reconstruct'),
    global('numpy', 'ndarray'),
    BININT1(0),
    TUPLE1,
    bytes(Uint8Array.of(0x62)),
    TUPLE3,
    REDUCE,
    MARK,
    BININT1(1),
    MARK,
    ...shape,
    TUPLE,
    dt,
    NEWFALSE,
    bytes(data),
    TUPLE,
    BUILD,
  ];
}

export function f32bytes(values: number[]): Uint8Array {
  return new Uint8Array(Float32Array.from(values).buffer);
}

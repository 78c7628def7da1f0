/**
 * A pickler for the Python value model (src/io/py-value.ts), writing protocol 2, 3 or 4 in the
 * shape CPython's `pickle.dump` gives a dict of NumPy arrays: each `NdArray` becomes
 * `numpy.core.multiarray._reconstruct(numpy.ndarray, (0,), b'b')` plus the BUILD state
 * `(1, shape, dtype('<f4'), False, raw_bytes)`, so `pickle.load` with NumPy 1.x or 2.x reads the
 * same arrays. Strings, containers, globals and dtypes are memoized as CPython does (strings by
 * value), and protocol 4 output is framed the same way (64 KiB frames, large payloads unframed).
 */
import { TypeError as PaddleTypeError, ValueError } from '../errors.js';
import { checkOptions, describe } from '../options.js';
import type { DType } from '../tensor/dtype.js';
import { encodeElements, isNdArray, numpyTypestr, type NdArray } from './ndarray.js';
import { OP } from './opcodes.js';
import { PyFloat, PyTuple } from './py-value.js';

/** Options of {@link pickle}: the protocol (2–4, default 4). */
export interface PickleOptions {
  /** Pickle protocol, an int in 2..4 (Paddle's range). Default 4. */
  protocol?: number;
}

/** The module path written for `_reconstruct`: readable by NumPy 1.x and 2.x. */
export const NUMPY_MULTIARRAY = 'numpy.core.multiarray';

const FRAME_SIZE_TARGET = 64 * 1024;
const FRAME_SIZE_MIN = 4;
const BATCHSIZE = 1000;
/** Deepest container nesting written: what the reader accepts by default. */
const MAX_DEPTH = 1000;

/**
 * Paddle's checks of the `protocol` argument (python/paddle/framework/io.py).
 * @param protocol - The value passed as `protocol`.
 * @returns The protocol, an integer in 2..4.
 * @throws {@link errors.ValueError} with Paddle's messages when it is not an integer (`The 'protocol' MUST be \`int\``) or not in 2..4 (`Expected 1<'protocol'<5`).
 */
export function checkProtocol(protocol: unknown): number {
  if (typeof protocol !== 'number' || !Number.isInteger(protocol)) {
    const t =
      typeof protocol === 'number' ? "<class 'float'>" : typeof protocol === 'string' ? "<class 'str'>" : `<class '${protocol === null ? 'NoneType' : typeof protocol}'>`;
    throw new ValueError(`The 'protocol' MUST be \`int\`, but received ${t}`);
  }
  if (protocol < 2 || protocol > 4) {
    throw new ValueError(`Expected 1<'protocol'<5, but received protocol=${protocol}`);
  }
  return protocol;
}

/** A growable byte buffer. */
class Buf {
  bytes = new Uint8Array(256);
  length = 0;
  private ensure(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    let cap = this.bytes.length * 2;
    while (cap < this.length + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }
  byte(b: number): void {
    this.ensure(1);
    this.bytes[this.length++] = b;
  }
  u32(n: number): void {
    this.ensure(4);
    const b = this.bytes;
    let o = this.length;
    b[o++] = n & 0xff;
    b[o++] = (n >>> 8) & 0xff;
    b[o++] = (n >>> 16) & 0xff;
    b[o++] = (n >>> 24) & 0xff;
    this.length = o;
  }
  write(src: Uint8Array): void {
    this.ensure(src.length);
    this.bytes.set(src, this.length);
    this.length += src.length;
  }
  take(): Uint8Array {
    const out = this.bytes.slice(0, this.length);
    this.length = 0;
    return out;
  }
}

const utf8 = new TextEncoder();

function le32(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n >>> 0, true);
  return b;
}

function le64(n: number): Uint8Array {
  const b = new Uint8Array(8);
  const v = new DataView(b.buffer);
  v.setUint32(0, n % 4294967296, true);
  v.setUint32(4, Math.floor(n / 4294967296), true);
  return b;
}

/** Python's `pickle.encode_long`: minimal little-endian two's complement. */
function encodeLong(x: bigint): Uint8Array {
  if (x === 0n) return new Uint8Array(0);
  const bitLength = (x < 0n ? -x : x).toString(2).length;
  let nbytes = (bitLength >> 3) + 1;
  const mod = 1n << BigInt(8 * nbytes);
  let u = x < 0n ? mod + x : x;
  const out = new Uint8Array(nbytes);
  for (let i = 0; i < nbytes; i++) {
    out[i] = Number(u & 0xffn);
    u >>= 8n;
  }
  if (x < 0n && nbytes > 1 && out[nbytes - 1] === 0xff && ((out[nbytes - 2] as number) & 0x80) !== 0) {
    nbytes -= 1;
    return out.slice(0, nbytes);
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

const LONE_SURROGATE = /\p{Cs}/u;

/**
 * A reference to the global `module.name`, written with GLOBAL (pickle-based formats such as
 * PyTorch's: `torch.FloatStorage` in a storage's persistent id). Not read back by {@link unpickle}.
 */
export class PyGlobal {
  constructor(
    /** The module, e.g. `'torch'`. */
    readonly module: string,
    /** The attribute, e.g. `'FloatStorage'`. */
    readonly name: string,
  ) {}
}

/** The call `module.name(*args)`, written as GLOBAL, the argument tuple and REDUCE (memoized). */
export class PyReduce {
  constructor(
    /** The function called on load. */
    readonly fn: PyGlobal,
    /** Its positional arguments. */
    readonly args: readonly unknown[],
  ) {}
}

/** A persistent id: `pid` is written, then BINPERSID (the loader's `persistent_load(pid)`). */
export class PyPersistentId {
  constructor(
    /** The id, e.g. PyTorch's `('storage', torch.FloatStorage, '0', 'cpu', numel)`. */
    readonly pid: unknown,
  ) {}
}

class Pickler {
  private readonly out: Uint8Array[] = [];
  /** The current protocol-4 frame (null when not framing). */
  private frame: Buf | null = null;
  /** Direct output outside frames (protocols 2 and 3). */
  private readonly direct = new Buf();
  private nextMemo = 0;
  private readonly memoByIdentity = new Map<object, number>();
  private readonly memoByString = new Map<string, number>();
  /** CPython caches empty and one-byte `bytes` objects, so equal ones are one memo entry. */
  private readonly memoSmallBytes = new Map<number, number>();
  private readonly memoGlobals = new Map<string, number>();
  private readonly memoDTypes = new Map<DType, number>();
  private readonly active = new Set<object>();

  constructor(private readonly proto: number) {}

  // ---------------------------------------------------------------- output and framing
  private sink(): Buf {
    return this.frame ?? this.direct;
  }
  private op(code: number): void {
    this.sink().byte(code);
  }
  private raw(b: Uint8Array): void {
    this.sink().write(b);
  }
  private u32(n: number): void {
    this.sink().u32(n);
  }
  private commitFrame(force: boolean): void {
    const f = this.frame;
    if (f === null) return;
    if (f.length >= FRAME_SIZE_TARGET || (force && f.length > 0)) {
      const data = f.take();
      if (data.length >= FRAME_SIZE_MIN) {
        const hdr = new Uint8Array(9);
        hdr[0] = OP.FRAME;
        hdr.set(le64(data.length), 1);
        this.out.push(hdr);
      }
      this.out.push(data);
    }
  }
  /** Header and payload of a large bytes/str object, written outside any frame. */
  private writeLarge(header: Uint8Array, payload: Uint8Array): void {
    if (this.frame !== null) {
      this.commitFrame(true);
      this.out.push(header, payload);
    } else {
      // Unframed protocols: flush what precedes, then keep the payload as its own chunk.
      this.out.push(this.direct.take(), header, payload);
    }
  }

  dump(value: unknown): Uint8Array {
    this.direct.byte(OP.PROTO);
    this.direct.byte(this.proto);
    if (this.proto >= 4) {
      this.out.push(this.direct.take());
      this.frame = new Buf();
    }
    this.save(value, 0);
    this.op(OP.STOP);
    if (this.frame !== null) {
      this.commitFrame(true);
    } else {
      this.out.push(this.direct.take());
    }
    let total = 0;
    for (const c of this.out) total += c.length;
    const res = new Uint8Array(total);
    let off = 0;
    for (const c of this.out) {
      res.set(c, off);
      off += c.length;
    }
    return res;
  }

  // ---------------------------------------------------------------- memo
  private memoize(): number {
    const idx = this.nextMemo++;
    if (this.proto >= 4) this.op(OP.MEMOIZE);
    else if (idx < 256) {
      this.op(OP.BINPUT);
      this.op(idx);
    } else {
      this.op(OP.LONG_BINPUT);
      this.u32(idx);
    }
    return idx;
  }
  private get(idx: number): void {
    if (idx < 256) {
      this.op(OP.BINGET);
      this.op(idx);
    } else {
      this.op(OP.LONG_BINGET);
      this.u32(idx);
    }
  }

  // ---------------------------------------------------------------- values
  /** Where the value being saved sits (built only for error messages). */
  private readonly trail: { key: unknown; index: boolean }[] = [];
  private where(): string {
    if (this.trail.length === 0) return 'the root';
    return this.trail
      .map(({ key, index }) => `[${index ? String(key) : typeof key === 'string' ? JSON.stringify(key) : describe(key)}]`)
      .join('');
  }
  private saveChild(v: unknown, depth: number, key: unknown, index: boolean): void {
    this.trail.push({ key, index });
    this.save(v, depth);
    this.trail.pop();
  }

  private save(v: unknown, depth: number): void {
    this.saveInner(v, depth);
    // Like the C pickler, a full frame is committed at an object boundary.
    this.commitFrame(false);
  }

  private saveInner(v: unknown, depth: number): void {
    if (v === null) return this.op(OP.NONE);
    switch (typeof v) {
      case 'boolean':
        return this.op(v ? OP.NEWTRUE : OP.NEWFALSE);
      case 'number':
        if (Number.isSafeInteger(v) && !Object.is(v, -0)) return this.saveInt(v);
        return this.saveFloat(v);
      case 'bigint':
        return this.saveInt(v);
      case 'string':
        return this.saveStr(v);
      default:
        break;
    }
    if (v instanceof PyFloat) {
      if (typeof v.value !== 'number') throw new PaddleTypeError(`pickle: PyFloat at ${this.where()} holds ${describe(v.value)}, not a number.`);
      return this.saveFloat(v.value);
    }
    if (typeof v !== 'object') {
      throw new PaddleTypeError(`pickle: cannot save ${describe(v)} (at ${this.where()}): not a Python value.`);
    }
    if (this.active.has(v)) {
      throw new ValueError(`pickle: the value contains a reference cycle (at ${this.where()}); state dicts cannot.`);
    }
    const memo = this.memoByIdentity.get(v);
    if (memo !== undefined) return this.get(memo);
    if (v instanceof Uint8Array) return this.saveBytes(v, v);
    if (isNdArray(v)) return this.saveNdArray(v);
    if (v instanceof PyGlobal) return this.saveGlobal(v.module, v.name);
    if (v instanceof PyPersistentId) {
      this.saveChild(v.pid, depth + 1, 'persistent id', false);
      return this.op(OP.BINPERSID);
    }
    if (v instanceof PyReduce) {
      this.saveGlobal(v.fn.module, v.fn.name);
      this.active.add(v);
      try {
        this.saveTuple(v.args, depth, null);
      } finally {
        this.active.delete(v);
      }
      this.op(OP.REDUCE);
      this.memoByIdentity.set(v, this.memoize());
      return;
    }
    if (depth >= MAX_DEPTH) {
      throw new ValueError(`pickle: containers are nested deeper than ${MAX_DEPTH} levels (at ${this.where()}).`);
    }
    this.active.add(v);
    try {
      if (Array.isArray(v)) this.saveList(v, depth);
      else if (v instanceof PyTuple) this.saveTuple(v.items, depth, v);
      else if (v instanceof Map) this.saveDict([...v.entries()], depth, v);
      else if (isPlainObject(v)) this.saveDict(Object.entries(v), depth, v);
      else {
        throw new PaddleTypeError(
          `pickle: cannot save ${describe(v)} (at ${this.where()}); supported: null, boolean, number, bigint, string, Uint8Array, PyFloat, arrays, PyTuple, Map, plain objects and NdArray.`,
        );
      }
    } finally {
      this.active.delete(v);
    }
  }

  /** A Python int: a safe-integer number or a bigint. */
  private saveInt(x: number | bigint): void {
    const n = typeof x === 'number' ? x : x >= -0x80000000n && x <= 0x7fffffffn ? Number(x) : null;
    if (n !== null) {
      if (n >= 0 && n <= 0xff) {
        this.op(OP.BININT1);
        this.op(n);
        return;
      }
      if (n >= 0 && n <= 0xffff) {
        this.op(OP.BININT2);
        this.op(n & 0xff);
        this.op(n >> 8);
        return;
      }
      if (n >= -0x80000000 && n <= 0x7fffffff) {
        this.op(OP.BININT);
        this.u32(n);
        return;
      }
    }
    const enc = encodeLong(BigInt(x));
    if (enc.length < 256) {
      this.op(OP.LONG1);
      this.op(enc.length);
    } else {
      this.op(OP.LONG4);
      this.u32(enc.length);
    }
    this.raw(enc);
  }

  private saveFloat(x: number): void {
    const b = new Uint8Array(9);
    b[0] = OP.BINFLOAT;
    new DataView(b.buffer).setFloat64(1, x, false);
    this.raw(b);
  }

  /**
   * `byValue`: equal strings share one memo entry. Off for array payloads (distinct objects in
   * CPython, and too large to keep as map keys), except the empty and one-character strings
   * CPython caches.
   */
  private saveStr(s: string, byValue = true): void {
    const shared = byValue || s.length <= 1;
    const m = shared ? this.memoByString.get(s) : undefined;
    if (m !== undefined) return this.get(m);
    const enc = this.encodeStr(s);
    const n = enc.length;
    if (n <= 0xff && this.proto >= 4) {
      this.op(OP.SHORT_BINUNICODE);
      this.op(n);
      this.raw(enc);
    } else if (n > 0xffffffff && this.proto >= 4) {
      this.writeLarge(Uint8Array.of(OP.BINUNICODE8, ...le64(n)), enc);
    } else if (n > 0xffffffff) {
      throw new ValueError(`pickle: protocol ${this.proto} cannot hold a string over 4 GiB; use protocol 4.`);
    } else if (n >= FRAME_SIZE_TARGET) {
      this.writeLarge(Uint8Array.of(OP.BINUNICODE, ...le32(n)), enc);
    } else {
      this.op(OP.BINUNICODE);
      this.u32(n);
      this.raw(enc);
    }
    const idx = this.memoize();
    if (shared) this.memoByString.set(s, idx);
  }

  /** `identity` is the caller's object (for the memo), or null for a transient buffer. */
  private saveBytes(b: Uint8Array, identity: object | null): void {
    const small = b.length === 0 ? -1 : b.length === 1 ? (b[0] as number) : null;
    if (small !== null) {
      const m = this.memoSmallBytes.get(small);
      if (m !== undefined) return this.get(m);
    }
    if (this.proto < 3) {
      if (b.length === 0) {
        this.saveGlobal('builtins', 'bytes');
        this.op(OP.EMPTY_TUPLE);
      } else {
        // _codecs.encode(str(b, 'latin1'), 'latin1'), as CPython's protocol 2 writes bytes.
        this.saveGlobal('_codecs', 'encode');
        if (b.length <= 1) this.saveStr(latin1String(b), false);
        else this.saveLatin1Payload(b);
        this.saveStr('latin1');
        this.op(OP.TUPLE2);
        this.memoize();
      }
      this.op(OP.REDUCE);
    } else {
      const n = b.length;
      if (n <= 0xff) {
        this.op(OP.SHORT_BINBYTES);
        this.op(n);
        this.raw(b);
      } else if (n > 0xffffffff && this.proto >= 4) {
        this.writeLarge(Uint8Array.of(OP.BINBYTES8, ...le64(n)), b);
      } else if (n > 0xffffffff) {
        throw new ValueError(`pickle: protocol ${this.proto} cannot hold bytes over 4 GiB; use protocol 4.`);
      } else if (n >= FRAME_SIZE_TARGET) {
        this.writeLarge(Uint8Array.of(OP.BINBYTES, ...le32(n)), b);
      } else {
        this.op(OP.BINBYTES);
        this.u32(n);
        this.raw(b);
      }
    }
    const idx = this.memoize();
    if (small !== null) this.memoSmallBytes.set(small, idx);
    if (identity !== null) this.memoByIdentity.set(identity, idx);
  }

  /** UTF-8 of `s`; short ASCII strings skip TextEncoder. A lone surrogate is a ValueError. */
  private encodeStr(s: string): Uint8Array {
    if (s.length <= 64) {
      const out = new Uint8Array(s.length);
      let ascii = true;
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0x80) {
          ascii = false;
          break;
        }
        out[i] = c;
      }
      if (ascii) return out;
    }
    if (LONE_SURROGATE.test(s)) {
      throw new ValueError(`pickle: the string at ${this.where()} contains a lone UTF-16 surrogate.`);
    }
    return utf8.encode(s);
  }

  /**
   * `str(b, 'latin1')` as BINUNICODE, encoded straight from the bytes (each byte ≥ 0x80 is two
   * UTF-8 bytes) without building the JS string. Memoized, never shared by value (see saveStr).
   */
  private saveLatin1Payload(b: Uint8Array): void {
    let n = b.length;
    for (let i = 0; i < b.length; i++) if ((b[i] as number) >= 0x80) n++;
    const enc = new Uint8Array(n);
    let o = 0;
    for (let i = 0; i < b.length; i++) {
      const c = b[i] as number;
      if (c < 0x80) enc[o++] = c;
      else {
        enc[o++] = 0xc0 | (c >> 6);
        enc[o++] = 0x80 | (c & 0x3f);
      }
    }
    if (n > 0xffffffff) throw new ValueError('pickle: protocol 2 cannot hold an array over 2 GiB; use protocol 4.');
    if (n >= FRAME_SIZE_TARGET) this.writeLarge(Uint8Array.of(OP.BINUNICODE, ...le32(n)), enc);
    else {
      this.op(OP.BINUNICODE);
      this.u32(n);
      this.raw(enc);
    }
    this.memoize();
  }

  private saveGlobal(module: string, name: string): void {
    const key = `${module}\n${name}`;
    const m = this.memoGlobals.get(key);
    if (m !== undefined) return this.get(m);
    if (this.proto >= 4) {
      this.saveStr(module);
      this.saveStr(name);
      this.op(OP.STACK_GLOBAL);
    } else {
      // Protocol 2 writes Python-2 module names (pickle's fix_imports).
      const mod = this.proto < 3 && module === 'builtins' ? '__builtin__' : module;
      this.op(OP.GLOBAL);
      this.raw(utf8.encode(`${mod}\n${name}\n`));
    }
    this.memoGlobals.set(key, this.memoize());
  }

  private saveTuple(items: readonly unknown[], depth: number, identity: object | null): void {
    const n = items.length;
    if (n === 0) return this.op(OP.EMPTY_TUPLE);
    if (n <= 3) {
      items.forEach((it, i) => this.saveChild(it, depth + 1, i, true));
      this.op(n === 1 ? OP.TUPLE1 : n === 2 ? OP.TUPLE2 : OP.TUPLE3);
    } else {
      this.op(OP.MARK);
      items.forEach((it, i) => this.saveChild(it, depth + 1, i, true));
      this.op(OP.TUPLE);
    }
    const idx = this.memoize();
    if (identity !== null) this.memoByIdentity.set(identity, idx);
  }

  private saveList(items: readonly unknown[], depth: number): void {
    this.op(OP.EMPTY_LIST);
    this.memoByIdentity.set(items, this.memoize());
    for (let start = 0; start < items.length; start += BATCHSIZE) {
      const end = Math.min(items.length, start + BATCHSIZE);
      if (end - start > 1) {
        this.op(OP.MARK);
        for (let i = start; i < end; i++) this.saveChild(items[i], depth + 1, i, true);
        this.op(OP.APPENDS);
      } else {
        this.saveChild(items[start], depth + 1, start, true);
        this.op(OP.APPEND);
      }
    }
  }

  private saveDict(entries: [unknown, unknown][], depth: number, identity: object): void {
    this.op(OP.EMPTY_DICT);
    this.memoByIdentity.set(identity, this.memoize());
    for (let start = 0; start < entries.length; start += BATCHSIZE) {
      const end = Math.min(entries.length, start + BATCHSIZE);
      const batch = end - start > 1;
      if (batch) this.op(OP.MARK);
      for (let i = start; i < end; i++) {
        const [k, v] = entries[i] as [unknown, unknown];
        this.trail.push({ key: k, index: false });
        this.checkKey(k);
        this.save(k, depth + 1);
        this.save(v, depth + 1);
        this.trail.pop();
      }
      this.op(batch ? OP.SETITEMS : OP.SETITEM);
    }
  }

  private checkKey(k: unknown): void {
    if (
      k === null ||
      typeof k === 'string' ||
      typeof k === 'number' ||
      typeof k === 'bigint' ||
      typeof k === 'boolean' ||
      k instanceof PyTuple ||
      k instanceof PyFloat ||
      k instanceof Uint8Array
    ) {
      return;
    }
    throw new PaddleTypeError(`pickle: unhashable dict key ${describe(k)} at ${this.where()}.`);
  }

  private saveDType(dtype: DType): void {
    const m = this.memoDTypes.get(dtype);
    if (m !== undefined) return this.get(m);
    const { typestr, byteorder } = numpyTypestr(dtype);
    this.saveGlobal('numpy', 'dtype');
    this.saveStr(typestr);
    this.op(OP.NEWFALSE);
    this.op(OP.NEWTRUE);
    this.op(OP.TUPLE3);
    this.memoize();
    this.op(OP.REDUCE);
    this.memoDTypes.set(dtype, this.memoize());
    // State (3, byteorder, None, None, None, -1, -1, 0).
    this.op(OP.MARK);
    this.saveInt(3);
    this.saveStr(byteorder);
    this.op(OP.NONE);
    this.op(OP.NONE);
    this.op(OP.NONE);
    this.saveInt(-1);
    this.saveInt(-1);
    this.saveInt(0);
    this.op(OP.TUPLE);
    this.memoize();
    this.op(OP.BUILD);
  }

  private saveNdArray(a: NdArray): void {
    const data = (() => {
      try {
        return encodeElements(a);
      } catch (e) {
        if (e instanceof ValueError) throw new ValueError(`pickle: ${e.message} (array at ${this.where()})`);
        throw e;
      }
    })();
    this.saveGlobal(NUMPY_MULTIARRAY, '_reconstruct');
    // (numpy.ndarray, (0,), b'b')
    this.saveGlobal('numpy', 'ndarray');
    this.saveInt(0);
    this.op(OP.TUPLE1);
    this.memoize();
    this.saveBytes(Uint8Array.of(0x62), null);
    this.op(OP.TUPLE3);
    this.memoize();
    this.op(OP.REDUCE);
    this.memoByIdentity.set(a, this.memoize());
    // State (1, shape, dtype, False, raw).
    this.op(OP.MARK);
    this.saveInt(1);
    this.saveShape(a.shape);
    this.saveDType(a.dtype);
    this.op(OP.NEWFALSE);
    this.saveBytes(data, null);
    this.op(OP.TUPLE);
    this.memoize();
    this.op(OP.BUILD);
  }

  private saveShape(shape: readonly number[]): void {
    const n = shape.length;
    if (n === 0) return this.op(OP.EMPTY_TUPLE);
    if (n > 3) this.op(OP.MARK);
    for (const d of shape) this.saveInt(d);
    this.op(n === 1 ? OP.TUPLE1 : n === 2 ? OP.TUPLE2 : n === 3 ? OP.TUPLE3 : OP.TUPLE);
    this.memoize();
  }
}

function latin1String(b: Uint8Array): string {
  let s = '';
  const CHUNK = 8192;
  for (let i = 0; i < b.length; i += CHUNK) s += String.fromCharCode(...b.subarray(i, Math.min(b.length, i + CHUNK)));
  return s;
}

/**
 * Pickles a Python-model value (see src/io/py-value.ts) with `protocol` 2..4 (default 4).
 * Throws `TypeError` for a JS value with no Python counterpart, `ValueError` for a cycle, a
 * lone surrogate or an unrepresentable int64.
 * @param value - The value: null, boolean, number, bigint, string, Uint8Array, PyFloat, arrays, PyTuple, Map, plain objects and NdArray, nested.
 * @param options - {@link PickleOptions}: `protocol` (default 4).
 * @returns The pickle's bytes (what Python's `pickle.dumps(obj, protocol)` gives for the same value).
 * @throws {@link errors.TypeError} for a value or dict key with no Python counterpart, a PyFloat holding a non-number, or an unknown option; {@link errors.ValueError} for a bad protocol, a reference cycle, nesting deeper than 1000, a lone UTF-16 surrogate, an int64 element beyond 2^53 − 1, or a string, bytes or array too large for the protocol.
 */
export function pickle(value: unknown, options: PickleOptions = {}): Uint8Array {
  const o = checkOptions('pickle', options, ['protocol']);
  const protocol = checkProtocol(o.protocol === undefined ? 4 : o.protocol);
  return new Pickler(protocol).dump(value);
}

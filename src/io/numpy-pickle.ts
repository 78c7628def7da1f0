/**
 * NumPy arrays, dtypes and scalars as `pickle.dump` writes them (`_reconstruct` + BUILD,
 * `_frombuffer` for protocol 5, `numpy.dtype` + BUILD, `multiarray.scalar`), rebuilt as data only:
 * supported dtypes, byte lengths checked against shape × itemsize before decoding, every array
 * charged to the reader's budget (widening included).
 */
import { ValueError } from '../errors.js';
import { latin1Encode, type ByteReader } from './byte-reader.js';
import { UnpicklingError } from './errors.js';
import { COST } from './limits.js';
import {
  checkedNumel,
  decodeElements,
  elementTypeOfNumpy,
  fortranToC,
  itemSizeOf,
  type ElementType,
  type NdArray,
} from './ndarray.js';
import { PyTuple } from './py-value.js';

/** A `numpy.dtype` under construction / constructed. Never part of a result. */
export class NpDType {
  byteorder = '=';
  built = false;
  constructor(
    readonly typestr: string,
    readonly kind: string,
    readonly itemsize: number,
  ) {}
  get element(): ElementType {
    const t = elementTypeOfNumpy(this.kind, this.itemsize);
    if (t === null) throw new UnpicklingError(`numpy dtype '${this.typestr}' is not supported.`);
    return t;
  }
  get littleEndian(): boolean {
    return this.byteorder !== '>';
  }
}

/** The object `_reconstruct` returns; BUILD fills it in place. */
export interface MutableNdArray {
  dtype: NdArray['dtype'];
  shape: readonly number[];
  data: NdArray['data'];
  sourceDType?: string;
}

const SUPPORTED_DTYPE_NOTE =
  'supported: float16/32/64, int8/16/32/64, uint8/16/32/64, bool';

/** A shared placeholder for arrays awaiting BUILD (never part of a result). */
const NO_DATA = new Uint8Array(0);

/** The NumPy calls and BUILDs of one unpickling. */
export class NumpyReconstruction {
  /** Arrays made by `_reconstruct` still waiting for their BUILD. */
  private readonly pending = new Set<MutableNdArray>();

  constructor(
    private readonly r: ByteReader,
    /** Names a value's Python type for messages. */
    private readonly kindOf: (v: unknown) => string,
  ) {}

  get pendingCount(): number {
    return this.pending.size;
  }

  /** `_reconstruct(numpy.ndarray, (0,), b'b')`: an empty array that BUILD fills. */
  reconstruct(qualname: string, a: readonly unknown[], clsIsNdarray: boolean, at: number): MutableNdArray {
    if (a.length !== 3) this.r.fail(`${qualname} takes 3 arguments, got ${a.length}`, at);
    const [, shape, code] = a;
    if (!clsIsNdarray) this.r.fail(`${qualname}: only numpy.ndarray can be reconstructed`, at);
    if (!(shape instanceof PyTuple) || !(code instanceof Uint8Array || typeof code === 'string')) {
      this.r.fail(`${qualname}: malformed arguments`, at);
    }
    this.r.charge(COST.ndarray, 'an array');
    const arr: MutableNdArray = { dtype: 'bool', shape: [0], data: NO_DATA };
    this.pending.add(arr);
    return arr;
  }

  /** `numpy.dtype(spec, align, copy)`. */
  dtype(a: readonly unknown[], at: number): NpDType {
    if (a.length < 1 || a.length > 3) this.r.fail(`numpy.dtype takes 1 to 3 arguments, got ${a.length}`, at);
    const spec = a[0];
    if (typeof spec !== 'string') this.r.fail('numpy.dtype: the type must be given as a str', at);
    for (let i = 1; i < a.length; i++) {
      if (typeof a[i] !== 'boolean' && a[i] !== 0 && a[i] !== 1) this.r.fail('numpy.dtype: align/copy must be bools', at);
    }
    this.r.charge(COST.object, 'a numpy dtype');
    return parseDTypeSpec(spec, (m) => this.r.fail(m, at));
  }

  /** `multiarray.scalar(dtype, bytes)`: a number, boolean or bigint. */
  scalar(qualname: string, a: readonly unknown[], at: number): number | boolean | bigint {
    if (a.length !== 2) this.r.fail(`${qualname} takes 2 arguments, got ${a.length}`, at);
    const [dt, raw] = a;
    if (!(dt instanceof NpDType)) this.r.fail(`${qualname}: the first argument must be a numpy.dtype`, at);
    const bytes = this.rawBytes(raw, `${qualname}`, at);
    const el = dt.element;
    if (bytes.length !== itemSizeOf(el)) {
      this.r.fail(`${qualname}: a ${dt.typestr} scalar needs ${itemSizeOf(el)} bytes, got ${bytes.length}`, at);
    }
    this.r.charge(COST.number, 'a numpy scalar');
    return scalarValue(bytes, el, dt.littleEndian);
  }

  /** `_frombuffer(buffer, dtype, shape, order)` (protocol 5). */
  frombuffer(qualname: string, a: readonly unknown[], at: number): MutableNdArray {
    if (a.length !== 4) this.r.fail(`${qualname} takes 4 arguments, got ${a.length}`, at);
    const [buf, dt, shape, order] = a;
    if (!(dt instanceof NpDType)) this.r.fail(`${qualname}: the dtype argument must be a numpy.dtype`, at);
    if (!(shape instanceof PyTuple)) this.r.fail(`${qualname}: the shape must be a tuple`, at);
    if (order !== 'C' && order !== 'F') this.r.fail(`${qualname}: order must be 'C' or 'F'`, at);
    const bytes = this.rawBytes(buf, qualname, at);
    return this.makeArray(shape.items, dt, order === 'F', bytes, qualname, at);
  }

  private rawBytes(raw: unknown, where: string, at: number): Uint8Array {
    if (raw instanceof Uint8Array) return raw;
    if (typeof raw === 'string') {
      // Python-2 str payloads arrive latin1-decoded (paddle.load uses encoding='latin1').
      this.r.charge(COST.typedArray + raw.length, where);
      return latin1Encode(raw, (m) => this.r.fail(m, at));
    }
    return this.r.fail(`${where}: the raw data must be bytes, got ${this.kindOf(raw)}`, at);
  }

  private makeArray(
    shapeItems: readonly unknown[],
    dt: NpDType,
    fortran: boolean,
    bytes: Uint8Array,
    where: string,
    at: number,
  ): MutableNdArray {
    let numel: number;
    try {
      numel = checkedNumel(shapeItems, where);
    } catch (e) {
      if (e instanceof ValueError) this.r.fail(e.message, at);
      throw e;
    }
    const el = dt.element;
    const size = itemSizeOf(el);
    if (bytes.length !== numel * size) {
      this.r.fail(
        `${where}: buffer size does not match array size: shape (${shapeItems.join(', ')}) of ${dt.typestr} needs ${numel * size} bytes, got ${bytes.length}`,
        at,
      );
    }
    // Widening can grow the data up to 4x (int8 → int32).
    this.r.charge(COST.ndarray + numel * Math.max(4, size), 'an array');
    const dec = decodeElements(bytes, el, numel, dt.littleEndian);
    const shape = Object.freeze((shapeItems as number[]).slice());
    const data = fortran ? fortranToC(dec.data, shape) : dec.data;
    if (fortran) this.r.charge(numel * Math.max(4, size), 'an array');
    const out: MutableNdArray = { dtype: dec.dtype, shape, data };
    if (dec.sourceDType !== undefined) out.sourceDType = dec.sourceDType;
    return out;
  }

  /** BUILD on a dtype or on an array awaiting its state; false when `target` is neither. */
  build(target: unknown, state: unknown, at: number): boolean {
    if (target instanceof NpDType) {
      if (target.built) this.r.fail('BUILD: numpy.dtype state set twice', at);
      if (!(state instanceof PyTuple) || (state.length !== 8 && state.length !== 9)) {
        this.r.fail(`BUILD: unsupported numpy.dtype state (${SUPPORTED_DTYPE_NOTE})`, at);
      }
      const s = state.items;
      const endian = s[1];
      if (typeof s[0] !== 'number' || typeof endian !== 'string' || !['<', '>', '|', '='].includes(endian)) {
        this.r.fail('BUILD: malformed numpy.dtype state', at);
      }
      if (s[2] !== null || s[3] !== null || s[4] !== null) {
        this.r.fail(`BUILD: structured or sub-array numpy dtypes are not supported (${SUPPORTED_DTYPE_NOTE})`, at);
      }
      target.byteorder = endian;
      target.built = true;
      return true;
    }
    if (typeof target === 'object' && target !== null && this.pending.has(target as MutableNdArray)) {
      const arr = target as MutableNdArray;
      if (!(state instanceof PyTuple) || (state.length !== 5 && state.length !== 4)) {
        this.r.fail('BUILD: numpy.ndarray state must be a tuple (version, shape, dtype, is_fortran, data)', at);
      }
      const s = state.length === 5 ? state.items.slice(1) : state.items;
      const [shape, dt, fortran, raw] = s;
      if (state.length === 5 && typeof state.items[0] !== 'number') this.r.fail('BUILD: malformed numpy.ndarray state', at);
      if (!(shape instanceof PyTuple)) this.r.fail('BUILD: numpy.ndarray shape must be a tuple', at);
      if (!(dt instanceof NpDType)) this.r.fail('BUILD: numpy.ndarray dtype must be a numpy.dtype', at);
      if (typeof fortran !== 'boolean' && fortran !== 0 && fortran !== 1) this.r.fail('BUILD: malformed is_fortran flag', at);
      if (Array.isArray(raw)) this.r.fail(`BUILD: object arrays are not supported (${SUPPORTED_DTYPE_NOTE})`, at);
      const bytes = this.rawBytes(raw, 'numpy.ndarray', at);
      const made = this.makeArray(shape.items, dt, fortran === true || fortran === 1, bytes, 'numpy.ndarray', at);
      arr.dtype = made.dtype;
      arr.shape = made.shape;
      arr.data = made.data;
      if (made.sourceDType !== undefined) arr.sourceDType = made.sourceDType;
      this.pending.delete(arr);
      return true;
    }
    return false;
  }
}

function parseDTypeSpec(spec: string, fail: (m: string) => never): NpDType {
  const m = /^([<>|=]?)([a-zA-Z?])(\d*)$/.exec(spec);
  if (m === null) return fail(`numpy dtype '${spec}' is not supported (${SUPPORTED_DTYPE_NOTE})`);
  let kind = m[2] as string;
  let size = m[3] === '' ? NaN : Number(m[3]);
  if (kind === '?') {
    kind = 'b';
    size = 1;
  }
  if (!Number.isInteger(size) || elementTypeOfNumpy(kind, size) === null) {
    return fail(`numpy dtype '${spec}' is not supported (${SUPPORTED_DTYPE_NOTE})`);
  }
  const dt = new NpDType(spec, kind, size);
  const order = m[1] as string;
  if (order !== '') dt.byteorder = order;
  return dt;
}

function scalarValue(bytes: Uint8Array, el: ElementType, littleEndian: boolean): number | boolean | bigint {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const le = littleEndian;
  switch (el) {
    case 'bool':
      return bytes[0] !== 0;
    case 'float16': {
      const dec = decodeElements(bytes, 'float16', 1, le);
      return dec.data[0] as number;
    }
    case 'bfloat16':
      return new Float32Array(new Uint32Array([v.getUint16(0, le) << 16]).buffer)[0] as number;
    case 'float32':
      return v.getFloat32(0, le);
    case 'float64':
      return v.getFloat64(0, le);
    case 'int8':
      return v.getInt8(0);
    case 'uint8':
      return v.getUint8(0);
    case 'int16':
      return v.getInt16(0, le);
    case 'uint16':
      return v.getUint16(0, le);
    case 'int32':
      return v.getInt32(0, le);
    case 'uint32':
      return v.getUint32(0, le);
    case 'int64':
    case 'uint64': {
      const big = el === 'int64' ? v.getBigInt64(0, le) : v.getBigUint64(0, le);
      return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
    }
  }
}

/**
 * Reads one pickle from `bytes` (bytes after its STOP opcode are ignored, as `pickle.loads`
 * does). Throws `UnpicklingError` for malformed or disallowed input, or input that would cross
 * a limit of src/io/limits.ts, and `ValueError` for values this library cannot represent (e.g. an
 * int64 array element beyond 2^53).
 */

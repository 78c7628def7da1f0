/**
 * `NdArray`: the neutral array value of the file formats (what a NumPy `ndarray` in a pickle, or a
 * tensor in a safetensors file, becomes). It does not depend on `Tensor`.
 *
 * The element types are the library's dtypes (src/tensor/dtype.ts); `int64` lives in a
 * `Float64Array` and is exact up to 2^53. Narrower types found in files are widened exactly on read
 * (float16/bfloat16 → float32, int8/int16/uint16 → int32, uint32 → int64) and the original
 * type is kept in `sourceDType`; a 64-bit integer beyond 2^53 - 1 is a `ValueError`.
 */
import { RuntimeError, TypeError as PaddleTypeError, ValueError } from '../errors.js';
import { describe } from '../options.js';
import { arrayMatchesDType, DTYPES, type ArrayFor, type DataArray, type DType } from '../tensor/dtype.js';

/**
 * A NumPy array as `load` reads it with `returnNumpy: true` (Paddle's `return_numpy=True` gives
 * `numpy.ndarray`): dtype, shape and a typed array, row-major.
 */
export interface NdArray<D extends DType = DType> {
  /** The element type, as a paddle dtype name. */
  readonly dtype: D;
  /** Row-major (C order) shape; `[]` for a 0-d array. */
  readonly shape: readonly number[];
  /** The elements in C order; `data.length` is the product of `shape`. */
  readonly data: ArrayFor<D>;
  /** The element type stored in the file when it was widened on read, e.g. `'float16'`. */
  readonly sourceDType?: string;
}

/** Element types that can appear in files. The last ones are widened to a `DType` on read. */
export type ElementType =
  | DType
  | 'float16'
  | 'bfloat16'
  | 'int8'
  | 'int16'
  | 'uint8'
  | 'uint16'
  | 'uint32'
  | 'uint64';

/** NumPy ships at most 64 dimensions (NPY_MAXDIMS); more is treated as a malformed file. */
export const MAX_NDIM = 64;

const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function requireLittleEndianHost(): void {
  if (!HOST_LITTLE_ENDIAN) {
    throw new RuntimeError('paddle-rmsprop io: big-endian hosts are not supported.');
  }
}

export function itemSizeOf(type: ElementType): number {
  switch (type) {
    case 'bool':
    case 'int8':
    case 'uint8':
      return 1;
    case 'float16':
    case 'bfloat16':
    case 'int16':
    case 'uint16':
      return 2;
    case 'float32':
    case 'int32':
    case 'uint32':
      return 4;
    case 'float64':
    case 'int64':
    case 'uint64':
      return 8;
  }
}


/** Checks a shape: at most 64 dims of non-negative safe integers; returns the element count. */
export function checkedNumel(shape: readonly unknown[], where: string): number {
  if (shape.length > MAX_NDIM) {
    throw new ValueError(`${where}: an array may have at most ${MAX_NDIM} dimensions, but the shape has ${shape.length}.`);
  }
  let n = 1;
  for (let i = 0; i < shape.length; i++) {
    const d = shape[i];
    if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0) {
      throw new ValueError(
        `${where}: shape[${i}] must be a non-negative integer, but received ${describe(d)}.`,
      );
    }
    n *= d;
  }
  if (!Number.isSafeInteger(n)) {
    throw new ValueError(`${where}: the shape [${shape.join(', ')}] has more than 2^53 elements.`);
  }
  return n;
}

/**
 * Builds an `NdArray` over `data` (not copied), checking that the typed array can hold `dtype`,
 * that the shape is valid and that it matches the element count. `dtype` defaults from the array:
 * Float32Array → float32, Float64Array → float64, Int32Array → int32, Uint8Array → bool.
 * @param data - The elements, row-major, in the typed array of `dtype` (Float64Array for int64, Uint8Array for uint8/bool).
 * @param shape - The shape: at most 64 non-negative integers whose product is `data.length`.
 * @param dtype - The element type.
 * @returns A new {@link NdArray} `{ dtype, shape, data }` (the shape frozen, `data` itself).
 * @throws {@link errors.TypeError} when `dtype` is unknown, the typed array cannot hold it, or `shape` is not an array; {@link errors.ValueError} when the shape is invalid or does not match the element count, or an int64 element is not an integer with |x| ≤ 2^53 − 1.
 */
export function ndarray<D extends DType>(data: ArrayFor<D>, shape: readonly number[], dtype: D): NdArray<D>;
/**
 * Builds an `NdArray` over `data` (not copied), the dtype taken from the array when not given:
 * Float32Array → float32, Float64Array → float64, Int32Array → int32, Uint8Array → bool.
 * @param data - The elements, row-major: a Float32Array, Float64Array, Int32Array or Uint8Array.
 * @param shape - The shape: at most 64 non-negative integers whose product is `data.length`.
 * @param dtype - The element type (default: from the array, as above).
 * @returns A new {@link NdArray} `{ dtype, shape, data }` (the shape frozen, `data` itself).
 * @throws {@link errors.TypeError} when `dtype` is unknown, the typed array cannot hold it (or, without `dtype`, is of another type), or `shape` is not an array; {@link errors.ValueError} when the shape is invalid or does not match the element count, or an int64 element is not an integer with |x| ≤ 2^53 − 1.
 */
export function ndarray(data: DataArray, shape: readonly number[], dtype?: DType): NdArray;
export function ndarray(data: DataArray, shape: readonly number[], dtype?: DType): NdArray {
  const d = dtype ?? defaultDType(data);
  if (!DTYPES.includes(d)) {
    throw new PaddleTypeError(`ndarray: dtype must be one of ${DTYPES.join(', ')}, but received ${describe(d)}.`);
  }
  if (!arrayMatchesDType(data, d)) {
    throw new PaddleTypeError(`ndarray: a ${describe(data).replace(/^an? /, '')} cannot hold dtype ${d}.`);
  }
  if (!Array.isArray(shape)) {
    throw new PaddleTypeError(`ndarray: shape must be an array of non-negative integers, but received ${describe(shape)}.`);
  }
  const n = checkedNumel(shape, 'ndarray');
  if (n !== data.length) {
    throw new ValueError(`ndarray: shape [${shape.join(', ')}] needs ${n} elements, but the data holds ${data.length}.`);
  }
  if (d === 'int64') {
    const a = data as Float64Array;
    for (let i = 0; i < a.length; i++) {
      if (!Number.isSafeInteger(a[i])) {
        throw new ValueError(`ndarray: int64 element ${i} is ${String(a[i])}, not an integer with |x| <= 2^53 - 1.`);
      }
    }
  }
  return { dtype: d, shape: Object.freeze([...shape]), data };
}

function defaultDType(data: unknown): DType {
  if (data instanceof Float32Array) return 'float32';
  if (data instanceof Float64Array) return 'float64';
  if (data instanceof Int32Array) return 'int32';
  if (data instanceof Uint8Array) return 'bool';
  throw new PaddleTypeError(
    `ndarray: data must be a Float32Array, Float64Array, Int32Array or Uint8Array, but received ${describe(data)}.`,
  );
}

/**
 * Structural check: a plain `{ dtype, shape, data }` value whose parts agree.
 * @param value - Any value.
 * @returns Whether `value` has a known `dtype`, a `data` typed array that can hold it, and a shape of non-negative integers whose product is `data.length`.
 */
export function isNdArray(value: unknown): value is NdArray {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { dtype?: unknown; shape?: unknown; data?: unknown };
  if (typeof v.dtype !== 'string' || !DTYPES.includes(v.dtype as DType)) return false;
  if (!Array.isArray(v.shape) || !arrayMatchesDType(v.data, v.dtype as DType)) return false;
  let n = 1;
  for (const d of v.shape as unknown[]) {
    if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0) return false;
    n *= d;
  }
  return n === (v.data as DataArray).length;
}

export function numelOfNd(a: NdArray): number {
  return a.data.length;
}

// ---------------------------------------------------------------------------------------------
// Decoding raw little/big-endian bytes into the library's typed arrays.

const F16_EXP = new Float64Array(32);
for (let e = 0; e < 32; e++) F16_EXP[e] = 2 ** (e - 15);

function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 31) return frac === 0 ? sign * Infinity : NaN;
  return sign * (F16_EXP[exp] as number) * (1 + frac / 1024);
}

function int64Error(lo: number, hi: number, index: number, unsigned: boolean): ValueError {
  const big = unsigned
    ? (BigInt(hi >>> 0) << 32n) + BigInt(lo >>> 0)
    : (BigInt(hi | 0) << 32n) + BigInt(lo >>> 0);
  return new ValueError(
    `${unsigned ? 'uint64' : 'int64'} element ${index} is ${big.toString()}, outside the range stored exactly (|x| <= 2^53 - 1; int64 lives in a Float64Array).`,
  );
}

/**
 * Decodes `numel` elements of `type` from `bytes` (exactly `numel × itemsize` bytes, copied) into
 * the library's typed array, widening narrow types. `littleEndian: false` byte-swaps.
 * @param bytes - The encoded elements.
 * @param type - The element type in the file (e.g. `'float16'`, `'uint64'`).
 * @param numel - The number of elements.
 * @param littleEndian - Whether the bytes are little-endian (default `true`).
 * @returns The dtype the elements are held as, a new typed array, and `sourceDType` when the type was widened.
 * @throws {@link errors.ValueError} when `bytes.length` is not `numel × itemsize`, or a 64-bit integer is beyond 2^53 − 1; {@link errors.RuntimeError} on a big-endian host.
 */
export function decodeElements(
  bytes: Uint8Array,
  type: ElementType,
  numel: number,
  littleEndian = true,
): {
  /** The paddle dtype the elements are held as. */
  dtype: DType;
  /** The elements. */
  data: DataArray;
  /** The NumPy type when it is not a paddle dtype (its values converted to `dtype`). */
  sourceDType?: string;
} {
  requireLittleEndianHost();
  const size = itemSizeOf(type);
  if (bytes.length !== numel * size) {
    throw new ValueError(`decodeElements: ${numel} ${type} elements need ${numel * size} bytes, but ${bytes.length} are present.`);
  }
  // An aligned little-endian copy of the bytes.
  const buf = new Uint8Array(bytes.length);
  if (littleEndian || size === 1) {
    buf.set(bytes);
  } else {
    for (let i = 0; i < bytes.length; i += size) {
      for (let k = 0; k < size; k++) buf[i + k] = bytes[i + size - 1 - k] as number;
    }
  }
  const ab = buf.buffer;
  switch (type) {
    case 'float32':
      return { dtype: 'float32', data: new Float32Array(ab) };
    case 'float64':
      return { dtype: 'float64', data: new Float64Array(ab) };
    case 'int32':
      return { dtype: 'int32', data: new Int32Array(ab) };
    case 'bool': {
      for (let i = 0; i < buf.length; i++) if (buf[i] !== 0) buf[i] = 1;
      return { dtype: 'bool', data: buf };
    }
    case 'float16': {
      const src = new Uint16Array(ab);
      const out = new Float32Array(numel);
      for (let i = 0; i < numel; i++) out[i] = halfToFloat(src[i] as number);
      return { dtype: 'float32', data: out, sourceDType: 'float16' };
    }
    case 'bfloat16': {
      const src = new Uint16Array(ab);
      const bits = new Uint32Array(numel);
      for (let i = 0; i < numel; i++) bits[i] = (src[i] as number) << 16;
      return { dtype: 'float32', data: new Float32Array(bits.buffer), sourceDType: 'bfloat16' };
    }
    case 'int8':
      return { dtype: 'int32', data: Int32Array.from(new Int8Array(ab)), sourceDType: 'int8' };
    case 'uint8':
      return { dtype: 'uint8', data: buf };
    case 'int16':
      return { dtype: 'int32', data: Int32Array.from(new Int16Array(ab)), sourceDType: 'int16' };
    case 'uint16':
      return { dtype: 'int32', data: Int32Array.from(new Uint16Array(ab)), sourceDType: 'uint16' };
    case 'uint32':
      return { dtype: 'int64', data: Float64Array.from(new Uint32Array(ab)), sourceDType: 'uint32' };
    case 'int64':
    case 'uint64': {
      const words = new Uint32Array(ab);
      const out = new Float64Array(numel);
      const unsigned = type === 'uint64';
      for (let i = 0; i < numel; i++) {
        const lo = words[2 * i] as number;
        const hiU = words[2 * i + 1] as number;
        const hi = unsigned ? hiU : hiU | 0;
        // Exact for |hi| < 2^21, i.e. |value| < 2^53.
        if (hi >= 0x200000 || hi < -0x200000) throw int64Error(lo, hiU, i, unsigned);
        const v = hi * 4294967296 + lo;
        if (!Number.isSafeInteger(v)) throw int64Error(lo, hiU, i, unsigned);
        out[i] = v;
      }
      return unsigned
        ? { dtype: 'int64', data: out, sourceDType: 'uint64' }
        : { dtype: 'int64', data: out };
    }
  }
}

/**
 * The little-endian bytes of an array's elements (a new buffer).
 * @param a - The array (bool elements are written as 0/1, int64 as two 32-bit words).
 * @returns A new Uint8Array of `numel × itemsize` bytes.
 * @throws {@link errors.ValueError} when an int64 element is not an integer with |x| ≤ 2^53 − 1; {@link errors.RuntimeError} on a big-endian host.
 */
export function encodeElements(a: NdArray): Uint8Array {
  requireLittleEndianHost();
  const d = a.data;
  switch (a.dtype) {
    case 'float32':
    case 'float64':
    case 'int32':
    case 'uint8':
      return new Uint8Array(d.buffer.slice(d.byteOffset, d.byteOffset + d.byteLength));
    case 'bool': {
      const out = new Uint8Array(d.length);
      for (let i = 0; i < d.length; i++) out[i] = d[i] !== 0 ? 1 : 0;
      return out;
    }
    case 'int64': {
      const words = new Uint32Array(d.length * 2);
      for (let i = 0; i < d.length; i++) {
        const v = d[i] as number;
        if (!Number.isSafeInteger(v)) {
          throw new ValueError(`int64 element ${i} is ${String(v)}, not an integer with |x| <= 2^53 - 1.`);
        }
        const hi = Math.floor(v / 4294967296);
        words[2 * i] = v - hi * 4294967296;
        words[2 * i + 1] = hi >>> 0;
      }
      return new Uint8Array(words.buffer);
    }
  }
}

/** Reorders data stored in Fortran (column-major) order into C order, in a new array. */
export function fortranToC<T extends DataArray>(data: T, shape: readonly number[]): T {
  const n = data.length;
  const nd = shape.length;
  if (nd < 2 || n === 0) return data;
  const out = new (data.constructor as new (len: number) => T)(n);
  const fStride = new Array<number>(nd);
  let acc = 1;
  for (let k = 0; k < nd; k++) {
    fStride[k] = acc;
    acc *= shape[k] as number;
  }
  const idx = new Array<number>(nd).fill(0);
  let src = 0;
  for (let i = 0; i < n; i++) {
    out[i] = data[src] as number;
    // Advance the C-order odometer, tracking the Fortran offset.
    for (let k = nd - 1; k >= 0; k--) {
      const next = (idx[k] as number) + 1;
      if (next < (shape[k] as number)) {
        idx[k] = next;
        src += fStride[k] as number;
        break;
      }
      src -= (next - 1) * (fStride[k] as number);
      idx[k] = 0;
    }
  }
  return out;
}

/** NumPy's type string (`'f4'`) and byte-order character for a library dtype. */
export function numpyTypestr(dtype: DType): { typestr: string; byteorder: '<' | '|' } {
  switch (dtype) {
    case 'float32':
      return { typestr: 'f4', byteorder: '<' };
    case 'float64':
      return { typestr: 'f8', byteorder: '<' };
    case 'int32':
      return { typestr: 'i4', byteorder: '<' };
    case 'int64':
      return { typestr: 'i8', byteorder: '<' };
    case 'uint8':
      return { typestr: 'u1', byteorder: '|' };
    case 'bool':
      return { typestr: 'b1', byteorder: '|' };
  }
}

/** Maps a NumPy kind + itemsize (`'f'`, 2) to an element type, or null when unsupported. */
export function elementTypeOfNumpy(kind: string, itemsize: number): ElementType | null {
  switch (kind) {
    case 'f':
      return itemsize === 2 ? 'float16' : itemsize === 4 ? 'float32' : itemsize === 8 ? 'float64' : null;
    case 'i':
      return itemsize === 1 ? 'int8' : itemsize === 2 ? 'int16' : itemsize === 4 ? 'int32' : itemsize === 8 ? 'int64' : null;
    case 'u':
      return itemsize === 1 ? 'uint8' : itemsize === 2 ? 'uint16' : itemsize === 4 ? 'uint32' : itemsize === 8 ? 'uint64' : null;
    case 'b':
      return itemsize === 1 ? 'bool' : null;
    default:
      return null;
  }
}



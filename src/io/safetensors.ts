/**
 * The safetensors format: an 8-byte little-endian header length N, N bytes of UTF-8 JSON
 * `{"__metadata__": {str: str}, name: {"dtype": "F32", "shape": [..], "data_offsets": [b, e]}}`
 * (padded with spaces), then the little-endian, C-order tensor bytes.
 *
 * The reader validates as the reference implementation (huggingface/safetensors) does, and a
 * little more: header length ≤ `maxHeaderSize` (default 100 MB, the reference's) and within the
 * file, a JSON object starting with `{`, at most `maxTensors` tensors (default 100,000), known
 * dtypes (looked up in a `Map`: `"__proto__"` is just unknown), shapes and offsets written as
 * non-negative integer literals (`4.0` and `4e0` are refused, as serde's `usize` does), offsets
 * that tile the data section from 0 to its end in order without gaps or overlaps, and
 * `end - begin = numel × itemsize` for each tensor. The header JSON is read by an iterative parser
 * (src/io/json.ts) nested at most 64 deep whose objects are charged to a budget of 16 × the
 * header size + 1 MiB, so reading costs time and memory linear in the file. Errors are
 * `SafetensorsError` (a `ValueError`).
 */
import { ValueError } from '../errors.js';
import { checkOptions, describe } from '../options.js';
import type { DType } from '../tensor/dtype.js';
import { SafetensorsError } from './errors.js';
import { parseJson } from './json.js';
import {
  Budget,
  BUDGET_SLACK,
  checkLimit,
  DEFAULT_MAX_TENSORS,
  JSON_EXPANSION,
  MAX_HEADER_JSON_DEPTH,
  MAX_HEADER_SIZE,
} from './limits.js';
import { checkedNumel, decodeElements, encodeElements, isNdArray, itemSizeOf, type ElementType, type NdArray } from './ndarray.js';

export { MAX_HEADER_SIZE };

/** The limits of {@link readSafetensors} (the same as `load`'s `maxHeaderSize`, `maxTensors`, `maxDepth`). */
export interface SafetensorsReadOptions {
  /** The largest header accepted, in bytes. Default 100,000,000 (the reference's bound). */
  maxHeaderSize?: number;
  /** The most tensors a header may list. Default 100,000. */
  maxTensors?: number;
}

const READ_OPTION_KEYS = ['maxHeaderSize', 'maxTensors'] as const;
/** Fields whose numbers must be written as non-negative integers (serde's `usize`). */
const INTEGER_KEYS: ReadonlySet<string> = new Set(['shape', 'data_offsets']);

/** What a safetensors file holds: named arrays in file order, and the `__metadata__` strings. */
export interface SafetensorsContent {
  /** Tensors in the order of their data in the file. */
  tensors: Map<string, NdArray>;
  /** The `__metadata__` map, or null when absent. */
  metadata: Map<string, string> | null;
}

/** A Map, not an object literal: a dtype such as `"__proto__"` must not find `Object.prototype`. */
const READ_TYPES: ReadonlyMap<string, ElementType> = new Map<string, ElementType>([
  ['BOOL', 'bool'],
  ['U8', 'uint8'],
  ['I8', 'int8'],
  ['I16', 'int16'],
  ['U16', 'uint16'],
  ['F16', 'float16'],
  ['BF16', 'bfloat16'],
  ['I32', 'int32'],
  ['U32', 'uint32'],
  ['F32', 'float32'],
  ['F64', 'float64'],
  ['I64', 'int64'],
  ['U64', 'uint64'],
]);

const WRITE_TYPES: Readonly<Record<DType, string>> = {
  bool: 'BOOL',
  uint8: 'U8',
  int32: 'I32',
  float32: 'F32',
  float64: 'F64',
  int64: 'I64',
};

/** The reference's dtype order (increasing alignment); the writer sorts by it, descending. */
const DTYPE_RANK: Readonly<Record<string, number>> = {
  BOOL: 0,
  U8: 1,
  I8: 2,
  F8_E5M2: 3,
  F8_E4M3: 4,
  I16: 5,
  U16: 6,
  F16: 7,
  BF16: 8,
  I32: 9,
  U32: 10,
  F32: 11,
  F64: 12,
  I64: 13,
  U64: 14,
};

function fail(message: string): never {
  throw new SafetensorsError(`safetensors: ${message}`);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An own property of a parsed JSON object (never one inherited from `Object.prototype`). */
function own(o: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

function isNatural(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

interface Entry {
  name: string;
  type: ElementType;
  shape: number[];
  numel: number;
  begin: number;
  end: number;
}

/**
 * Parses and validates a safetensors file held in memory. Python: `safetensors.numpy.load(data)`.
 * @param bytes - The whole file.
 * @param options - {@link SafetensorsReadOptions}: `maxHeaderSize`, `maxTensors`.
 * @returns The tensors (new arrays, narrow types widened, in the order of their data) and the `__metadata__` strings or null.
 * @throws {@link io.SafetensorsError} when `bytes` is not a Uint8Array, or the file is malformed or exceeds a limit (the reference's error kind named in the message, e.g. `HeaderTooLarge`); {@link errors.TypeError} for an unknown option or a limit that is not a number; {@link errors.ValueError} for a limit that is not a positive integer.
 */
export function readSafetensors(bytes: Uint8Array, options?: SafetensorsReadOptions): SafetensorsContent {
  const opts = checkOptions('readSafetensors', options, READ_OPTION_KEYS);
  const maxHeaderSize = checkLimit('readSafetensors', 'maxHeaderSize', opts.maxHeaderSize, true) ?? MAX_HEADER_SIZE;
  const maxTensors = checkLimit('readSafetensors', 'maxTensors', opts.maxTensors, true) ?? DEFAULT_MAX_TENSORS;
  if (!(bytes instanceof Uint8Array)) fail(`expected a Uint8Array, but received ${describe(bytes)}.`);
  if (bytes.length < 8) fail(`the file has ${bytes.length} bytes, fewer than the 8-byte header length (HeaderTooSmall).`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lo = view.getUint32(0, true);
  const hi = view.getUint32(4, true);
  const n = hi * 4294967296 + lo;
  if (n > maxHeaderSize) {
    fail(`the declared header length ${hi >= 0x200000 ? '≥ 2^53' : n} exceeds the limit of ${maxHeaderSize} bytes (HeaderTooLarge; the maxHeaderSize option raises it).`);
  }
  if (8 + n > bytes.length) {
    fail(`the declared header length ${n} runs past the end of the ${bytes.length}-byte file (InvalidHeaderLength).`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + n));
  } catch {
    fail('the header is not valid UTF-8 (InvalidHeader).');
  }
  if (!text.startsWith('{')) fail('the header is not a JSON object: it does not start with "{" (InvalidHeaderStart).');
  const jsonBudget = JSON_EXPANSION * n + BUDGET_SLACK;
  let count = 0;
  const header = parseJson(text, {
    maxDepth: MAX_HEADER_JSON_DEPTH,
    integerKeys: INTEGER_KEYS,
    budget: new Budget(jsonBudget, (what) =>
      fail(`the header's JSON would take more than ${jsonBudget} bytes (16 × its size + 1 MiB) at ${what} (InvalidHeaderDeserialization).`),
    ),
    onRootKey: (key) => {
      if (key !== '__metadata__' && ++count > maxTensors) fail(`the header lists more than ${maxTensors} tensors (the maxTensors option raises the limit).`);
    },
    fail: (m) => fail(`the header's JSON: ${m} (InvalidHeaderDeserialization).`),
  });
  if (!isRecord(header)) fail('the header is not a JSON object (InvalidHeaderDeserialization).');

  let metadata: Map<string, string> | null = null;
  const entries: Entry[] = [];
  for (const [name, info] of Object.entries(header)) {
    if (name === '__metadata__') {
      if (info === null) continue;
      if (!isRecord(info)) fail('"__metadata__" must be an object of strings (InvalidHeaderDeserialization).');
      metadata = new Map();
      for (const [k, v] of Object.entries(info)) {
        if (typeof v !== 'string') fail(`"__metadata__"[${JSON.stringify(k)}] must be a string, but is ${describe(v)} (InvalidHeaderDeserialization).`);
        metadata.set(k, v);
      }
      continue;
    }
    if (entries.length >= maxTensors) fail(`the header lists more than ${maxTensors} tensors (the maxTensors option raises the limit).`);
    if (!isRecord(info)) fail(`the entry for tensor ${JSON.stringify(name)} is not an object (InvalidHeaderDeserialization).`);
    const dtype = own(info, 'dtype');
    const shape = own(info, 'shape');
    const offsets = own(info, 'data_offsets');
    if (typeof dtype !== 'string') fail(`tensor ${JSON.stringify(name)}: "dtype" must be a string (InvalidHeaderDeserialization).`);
    const type = READ_TYPES.get(dtype);
    if (type === undefined) {
      fail(`tensor ${JSON.stringify(name)}: dtype ${JSON.stringify(dtype)} is not supported (supported: ${[...READ_TYPES.keys()].join(', ')}).`);
    }
    if (!Array.isArray(shape)) fail(`tensor ${JSON.stringify(name)}: "shape" must be an array of non-negative integers (InvalidHeaderDeserialization).`);
    shape.forEach((d, i) => {
      if (!isNatural(d)) {
        fail(`tensor ${JSON.stringify(name)}: shape[${i}] must be a non-negative integer, but received ${describe(d)} (InvalidHeaderDeserialization).`);
      }
    });
    let numel: number;
    try {
      numel = checkedNumel(shape, `tensor ${JSON.stringify(name)}`);
    } catch (e) {
      if (e instanceof ValueError) fail(`${e.message} (ValidationOverflow / InvalidHeaderDeserialization).`);
      throw e;
    }
    if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isNatural)) {
      fail(`tensor ${JSON.stringify(name)}: "data_offsets" must be two non-negative integers (InvalidHeaderDeserialization).`);
    }
    entries.push({ name, type, shape: shape as number[], numel, begin: offsets[0] as number, end: offsets[1] as number });
  }

  entries.sort((a, b) => a.begin - b.begin || a.end - b.end);
  const dataStart = 8 + n;
  const dataLength = bytes.length - dataStart;
  let cursor = 0;
  for (const e of entries) {
    if (e.begin !== cursor || e.end < e.begin) {
      fail(
        `tensor "${e.name}": data_offsets [${e.begin}, ${e.end}] ${e.begin < cursor ? 'overlap the previous tensor' : e.end < e.begin ? 'end before they begin' : 'leave a gap after the previous tensor'} (InvalidOffset).`,
      );
    }
    const need = e.numel * itemSizeOf(e.type);
    if (e.end - e.begin !== need) {
      fail(`tensor "${e.name}": shape [${e.shape.join(', ')}] of ${e.type} needs ${need} bytes but data_offsets span ${e.end - e.begin} (TensorInvalidInfo).`);
    }
    if (e.end > dataLength) fail(`tensor "${e.name}": data_offsets end at ${e.end}, past the ${dataLength} data bytes (MetadataIncompleteBuffer).`);
    cursor = e.end;
  }
  if (cursor !== dataLength) fail(`the tensors cover ${cursor} of the ${dataLength} data bytes (MetadataIncompleteBuffer).`);

  const tensors = new Map<string, NdArray>();
  for (const e of entries) {
    const raw = bytes.subarray(dataStart + e.begin, dataStart + e.end);
    let dec;
    try {
      dec = decodeElements(raw, e.type, e.numel, true);
    } catch (err) {
      if (err instanceof ValueError) throw new ValueError(`safetensors: tensor "${e.name}": ${err.message}`);
      throw err;
    }
    const arr: NdArray =
      dec.sourceDType !== undefined
        ? { dtype: dec.dtype, shape: Object.freeze(e.shape.slice()), data: dec.data, sourceDType: dec.sourceDType }
        : { dtype: dec.dtype, shape: Object.freeze(e.shape.slice()), data: dec.data };
    tensors.set(e.name, arr);
  }
  return { tensors, metadata };
}

function utf8Compare(a: string, b: string): number {
  // Code-point order equals UTF-8 byte order.
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done === true) return y.done === true ? 0 : -1;
    if (y.done === true) return 1;
    const cx = (x.value as string).codePointAt(0) as number;
    const cy = (y.value as string).codePointAt(0) as number;
    if (cx !== cy) return cx - cy;
  }
}

/**
 * Serializes arrays (a Map or a plain object of `NdArray`) with optional string metadata, as the
 * reference writer does: sorted by descending dtype alignment then name, header padded to a
 * multiple of 8 bytes.
 * Python: `safetensors.numpy.save(tensors, metadata)`.
 * @param tensors - The named arrays ({@link NdArray}s), as a Map or a plain object.
 * @param metadata - The `__metadata__` strings (a Map or a plain object of strings), or null (default) for none.
 * @returns The file's bytes.
 * @throws {@link errors.ValueError} when a name is not a string or is `__metadata__`, a value is not an NdArray, metadata maps something other than strings to strings, or an int64 element is beyond 2^53 − 1.
 */
export function writeSafetensors(
  tensors: ReadonlyMap<string, NdArray> | Readonly<Record<string, NdArray>>,
  metadata: ReadonlyMap<string, string> | Readonly<Record<string, string>> | null = null,
): Uint8Array {
  const list: [string, NdArray][] = tensors instanceof Map ? [...tensors.entries()] : Object.entries(tensors);
  for (const [name, a] of list) {
    if (typeof name !== 'string') throw new ValueError(`safetensors: tensor names must be strings, but received ${describe(name)}.`);
    if (name === '__metadata__') throw new ValueError('safetensors: "__metadata__" cannot be used as a tensor name.');
    if (!isNdArray(a)) throw new ValueError(`safetensors: the value for "${name}" is ${describe(a)}, not an NdArray.`);
  }
  const meta: [string, string][] =
    metadata === null ? [] : metadata instanceof Map ? [...metadata.entries()] : Object.entries(metadata);
  for (const [k, v] of meta) {
    if (typeof k !== 'string' || typeof v !== 'string') {
      throw new ValueError(`safetensors: metadata must map strings to strings, but "${String(k)}" maps to ${describe(v)}.`);
    }
  }
  list.sort(
    ([na, a], [nb, b]) => (DTYPE_RANK[WRITE_TYPES[b.dtype]] as number) - (DTYPE_RANK[WRITE_TYPES[a.dtype]] as number) || utf8Compare(na, nb),
  );
  // The header is assembled by hand so that names keep the written order (a JS object would put
  // integer-like names first).
  const payloads: Uint8Array[] = [];
  const parts: string[] = [];
  if (metadata !== null) {
    parts.push(`"__metadata__":{${meta.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`);
  }
  let offset = 0;
  for (const [name, a] of list) {
    const data = encodeElements(a);
    payloads.push(data);
    const info = { dtype: WRITE_TYPES[a.dtype], shape: [...a.shape], data_offsets: [offset, offset + data.length] };
    parts.push(`${JSON.stringify(name)}:${JSON.stringify(info)}`);
    offset += data.length;
  }
  const json = new TextEncoder().encode(`{${parts.join(',')}}`);
  const padded = json.length + ((8 - (json.length % 8)) % 8);
  const out = new Uint8Array(8 + padded + offset);
  const view = new DataView(out.buffer);
  view.setUint32(0, padded % 4294967296, true);
  view.setUint32(4, Math.floor(padded / 4294967296), true);
  out.set(json, 8);
  out.fill(0x20, 8 + json.length, 8 + padded);
  let pos = 8 + padded;
  for (const p of payloads) {
    out.set(p, pos);
    pos += p.length;
  }
  return out;
}

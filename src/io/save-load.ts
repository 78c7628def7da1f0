/**
 * `paddle.save` / `paddle.load` (python/paddle/framework/io.py), over the codecs of src/io.
 *
 * Saving (pickle format, Paddle's `.pdparams` / `.pdopt`):
 * - a *state dict* (a dict whose values are all Tensors, or dicts holding no Tensor at any depth,
 *   such as `LR_Scheduler`) goes through Paddle's `_legacy_save`: a new plain dict in key order
 *   where each Tensor becomes a NumPy array (same dtype and shape) and every other value is kept,
 *   then `"StructuredToParameterName@@"` → `{key: tensor.name}` for the Tensor keys. With
 *   protocol 2 or 3, arrays over (2^30 − 1) bytes are split into `key@@.i` slices listed under
 *   `"UnpackBigParamInfor@@"`;
 * - anything else goes through Paddle's generic pickler: each Tensor becomes the tuple
 *   `(tensor.name, ndarray)`; a Layer is a `ValueError`, a SelectedRows a `NotImplementedError`.
 * - Inside `LR_Scheduler`, the number values of `last_lr` and `best` are written as Python
 *   floats (Paddle's schedulers keep floats there; a JS `1` would otherwise become the int `1`).
 *
 * Loading: `pickle.load`, then Paddle's post-processing: split arrays are reassembled; if the dict
 * has `"StructuredToParameterName@@"`, each listed array becomes a Tensor named from the table
 * and the table is dropped (kept with `keepNameTable`); otherwise `(str, ndarray)` tuples become
 * named Tensors, or, when there are none, every array becomes a Tensor. `returnNumpy: true` keeps
 * `NdArray`s instead of Tensors. Dicts come back as plain objects (`dictAs: 'map'` keeps `Map`s,
 * which preserve integer-like key order and non-string keys).
 *
 * The safetensors format (`.safetensors`, or `format: 'safetensors'`) holds the tensors of a
 * state dict; the name table, the key order and the non-tensor entries (JSON-able values such as
 * `LR_Scheduler`) travel in `__metadata__["paddle"]` as JSON.
 */
import {
  KeyError,
  NotImplementedError,
  TypeError as PaddleTypeError,
  ValueError,
} from '../errors.js';
import { checkOptions, describe } from '../options.js';
import { SelectedRows } from '../tensor/selected-rows.js';
import { bytesPerElement } from '../tensor/dtype.js';
import { Tensor } from '../tensor/tensor.js';
import { UnpicklingError } from './errors.js';
import { FromPy, shapeTop, toTensor, type Loaded, type LoadConfig } from './from-py.js';
import { checkSavePath, readFileBytes, readFileBytesSync, writeFileAtomic, writeFileAtomicSync } from './fs.js';
import { NAME_TABLE_KEY, SAFETENSORS_META_KEY, UNPACK_INFO_KEY } from './keys.js';
import { Budget, checkLimit, COST } from './limits.js';
import { checkedNumel, isNdArray, ndarray, type NdArray } from './ndarray.js';
import { unpickleBudgeted, type UnpickleOptions } from './pickle-read.js';
import { checkProtocol, pickle } from './pickle-write.js';
import { PyFloat, PyTuple, type PyKey, type PyValue } from './py-value.js';
import { writeSafetensors } from './safetensors.js';
import { decodeSafetensors } from './safetensors-load.js';
import { checkLoadedAs, isLoadAs, type LoadAs, type LoadedOptimizerStateDict, type LoadedStateDict } from './typed-load.js';

export { NAME_TABLE_KEY, SAFETENSORS_META_KEY, UNPACK_INFO_KEY };
export type { Loaded };
export type { LoadAs, LoadedDict, LoadedOptimizerStateDict, LoadedStateDict } from './typed-load.js';

/** The file formats `save` writes: Paddle's pickle (`.pdparams`, `.pdopt`) or safetensors. */
export type SaveFormat = 'pickle' | 'safetensors';

/**
 * Optional arguments of {@link save}, {@link saveSync} and {@link saveBytes} (Paddle's `protocol`
 * and configs, camelCase).
 */
export interface SaveOptions {
  /** Pickle protocol, an int in 2..4 (default 4). */
  protocol?: number;
  /** Deprecated Paddle spelling of `protocol`; when given it wins, as in Paddle. */
  pickleProtocol?: number;
  /** Paddle's binary LoDTensor format: only `false` is supported. */
  useBinaryFormat?: boolean;
  /** Default: `'safetensors'` for a `.safetensors` path, otherwise `'pickle'`. */
  format?: SaveFormat;
  /** Extra `__metadata__` strings for the safetensors format. */
  metadata?: Record<string, string>;
}

/**
 * Optional arguments of {@link load}, {@link loadSync} and {@link loadBytes} (Paddle's
 * `return_numpy`, `keep_name_table`, camelCase), plus the reader's limits and `as`.
 */
export interface LoadOptions {
  /** Keep arrays as `NdArray` instead of making Tensors (Paddle's `return_numpy`). */
  returnNumpy?: boolean;
  /** Keep the `"StructuredToParameterName@@"` entry (Paddle's `keep_name_table`). */
  keepNameTable?: boolean;
  /** Default: by extension for paths, by content for bytes. */
  format?: SaveFormat;
  /** `'object'` (default): dicts become plain objects; `'map'`: `Map`s. */
  dictAs?: 'object' | 'map';
  /**
   * Pickle: what the objects created while reading may cost, as a multiple of the file size
   * (plus 1 MiB); see src/io/limits.ts. Default 32; a file beyond it is an `UnpicklingError`.
   */
  maxExpansion?: number;
  /** Pickle (and the JSON of Paddle's safetensors metadata): deepest container nesting. Default 1000. */
  maxDepth?: number;
  /** Safetensors: the largest header accepted, in bytes. Default 100,000,000 (the reference's). */
  maxHeaderSize?: number;
  /** Safetensors: the most tensors a header may list. Default 100,000. */
  maxTensors?: number;
  /**
   * Check at run time that the file holds a state dict, and type the result as one (no Paddle
   * equivalent; Python needs no cast): `'stateDict'` (every value a Tensor, a `.pdparams`:
   * {@link LoadedStateDict}) or `'optimizerStateDict'` (a `.pdopt`: {@link LoadedOptimizerStateDict}).
   * Anything else in the file is a `ValueError`. Not with `returnNumpy`, `keepNameTable` or
   * `dictAs: 'map'`.
   */
  as?: LoadAs;
}

/** {@link LoadOptions} with `as: 'stateDict'`: what makes `load` return a {@link LoadedStateDict}. */
export type LoadStateDictOptions = LoadOptions & {
  /** Check for, and type as, a layer's state dict. */
  as: 'stateDict';
};
/** {@link LoadOptions} with `as: 'optimizerStateDict'`: `load` returns a {@link LoadedOptimizerStateDict}. */
export type LoadOptimizerStateDictOptions = LoadOptions & {
  /** Check for, and type as, an optimizer's state dict. */
  as: 'optimizerStateDict';
};

const SAVE_KEYS = ['protocol', 'pickleProtocol', 'useBinaryFormat', 'format', 'metadata'] as const;
const LOAD_KEYS = ['returnNumpy', 'keepNameTable', 'format', 'dictAs', 'maxExpansion', 'maxDepth', 'maxHeaderSize', 'maxTensors', 'as'] as const;

/** Deepest container nesting `save` writes (what the reader accepts). */
const MAX_SAVE_DEPTH = 1000;

/** The float fields of Paddle's LR scheduler state dicts. */
const SCHEDULER_FLOAT_KEYS = new Set(['last_lr', 'best']);

// ------------------------------------------------------------------------------------------
// Recognising values

type Dict = Map<unknown, unknown> | Record<string, unknown>;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** A dict: a Map or a plain object that is not an `NdArray` (which is a plain object too). */
function isDict(v: unknown): v is Dict {
  return v instanceof Map || (isPlainObject(v) && !isNdArray(v));
}

/** Entries of a dict; `undefined` values of plain objects are skipped (as JSON does). */
function entriesOf(d: Dict): [unknown, unknown][] {
  if (d instanceof Map) return [...d.entries()];
  return Object.entries(d).filter(([, v]) => v !== undefined);
}

/** `paddle.nn.Layer`, recognised by shape (src/nn may not be loaded). */
function isLayer(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || v instanceof Tensor) return false;
  const o = v as Record<string, unknown>;
  return typeof o['forward'] === 'function' && typeof o['parameters'] === 'function' &&
    (typeof o['stateDict'] === 'function' || typeof o['state_dict'] === 'function');
}

function childrenOf(v: unknown): unknown[] | null {
  if (Array.isArray(v)) return v;
  if (v instanceof PyTuple) return v.items as unknown[];
  if (isDict(v)) return entriesOf(v).map(([, x]) => x);
  return null;
}

/** Paddle's `_contain_x` for Tensor/Layer, raising on SelectedRows; linear on shared values. */
function containsPaddleObject(root: unknown): boolean {
  const seen = new Set<unknown>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v instanceof SelectedRows) throw new NotImplementedError("`paddle.save` do not support saving 'SelectedRows'.");
    if (v instanceof Tensor || isLayer(v)) return true;
    if (typeof v !== 'object' || v === null || seen.has(v)) continue;
    seen.add(v);
    const c = childrenOf(v);
    if (c !== null) for (const x of c) stack.push(x);
  }
  return false;
}

/**
 * Paddle's `_is_state_dict`.
 * @param obj - The value passed to `save`.
 * @returns True for a dict (a Map or plain object) whose values are all Tensors, or dicts holding no Tensor or Layer.
 * @throws {@link errors.NotImplementedError} when a value is a SelectedRows (Paddle's "`paddle.save` do not support saving 'SelectedRows'.").
 */
export function isStateDict(obj: unknown): boolean {
  if (!isDict(obj)) return false;
  for (const [, value] of entriesOf(obj)) {
    if (isDict(value)) {
      for (const [, v] of entriesOf(value)) if (containsPaddleObject(v)) return false;
    } else if (!(value instanceof Tensor)) {
      if (value instanceof SelectedRows) throw new NotImplementedError("`paddle.save` do not support saving 'SelectedRows'.");
      return false;
    }
  }
  return true;
}

// ------------------------------------------------------------------------------------------
// JS values → the Python value model

function tensorToNd(t: Tensor, path: string): NdArray {
  try {
    return ndarray(t.numpy(), [...t.shape], t.dtype);
  } catch (e) {
    if (e instanceof ValueError) throw new ValueError(`paddle.save: the tensor at ${path}: ${e.message}`);
    throw e;
  }
}

/**
 * Converts a JS value to the pickle model. `tensorMode` says what a Tensor becomes: an array
 * (state-dict path) or the tuple `(name, array)` (generic path). Shared values stay shared.
 */
class ToPy {
  private readonly memo = new Map<object, PyValue>();
  private readonly active = new Set<object>();
  /** Keys from the root to the value being converted (made into a path only for messages). */
  private readonly trail: { key: unknown; index: boolean }[] = [];
  constructor(private readonly tensorMode: 'array' | 'tuple') {}

  where(): string {
    if (this.trail.length === 0) return 'the root';
    return this.trail
      .map(({ key, index }) => `[${index ? String(key) : typeof key === 'string' ? JSON.stringify(key) : describe(key)}]`)
      .join('');
  }

  /** Converts `v`, found under `key` of its parent (`index`: a list/tuple position). */
  child(v: unknown, key: unknown, index: boolean, floatKeys: boolean, depth: number): PyValue {
    this.trail.push({ key, index });
    const out = this.convert(v, floatKeys, index ? undefined : key, depth);
    this.trail.pop();
    return out;
  }

  convert(v: unknown, floatKeys = false, key: unknown = undefined, depth = 0): PyValue {
    if (v === null) return null;
    switch (typeof v) {
      case 'boolean':
      case 'bigint':
      case 'string':
        return v;
      case 'number':
        return floatKeys && typeof key === 'string' && SCHEDULER_FLOAT_KEYS.has(key) ? new PyFloat(v) : v;
      case 'undefined':
        throw new PaddleTypeError(`paddle.save: the value at ${this.where()} is undefined, which has no Python counterpart (use null for None).`);
      case 'function':
      case 'symbol':
        throw new PaddleTypeError(`paddle.save: cannot save ${describe(v)} (at ${this.where()}).`);
      default:
        break;
    }
    const obj = v as object;
    const hit = this.memo.get(obj);
    if (hit !== undefined) return hit;
    if (obj instanceof SelectedRows) throw new NotImplementedError("`paddle.save` do not support saving 'SelectedRows'.");
    if (isLayer(obj)) throw new ValueError('paddle do not support saving `paddle.nn.Layer` object.');
    let out: PyValue;
    if (obj instanceof Tensor) {
      const nd = tensorToNd(obj, this.where());
      out = this.tensorMode === 'array' ? nd : new PyTuple([obj.name, nd]);
    } else if (obj instanceof PyFloat || obj instanceof Uint8Array || isNdArray(obj)) {
      out = obj as PyValue;
    } else if (ArrayBuffer.isView(obj)) {
      throw new PaddleTypeError(
        `paddle.save: cannot save a ${obj.constructor.name} (at ${this.where()}); wrap typed arrays with ndarray(data, shape, dtype) or toTensor().`,
      );
    } else if (Array.isArray(obj) || obj instanceof PyTuple || isDict(obj)) {
      if (depth >= MAX_SAVE_DEPTH) {
        throw new ValueError(`paddle.save: containers are nested deeper than ${MAX_SAVE_DEPTH} levels (at ${this.where()}).`);
      }
      if (this.active.has(obj)) throw new ValueError(`paddle.save: the value contains a reference cycle (at ${this.where()}).`);
      this.active.add(obj);
      try {
        if (Array.isArray(obj)) {
          const list: PyValue[] = new Array<PyValue>(obj.length);
          for (let i = 0; i < obj.length; i++) list[i] = this.child(obj[i], i, true, floatKeys, depth + 1);
          out = list;
        } else if (obj instanceof PyTuple) {
          out = new PyTuple(obj.items.map((x, i) => this.child(x, i, true, floatKeys, depth + 1)));
        } else {
          const m = new Map<PyKey, PyValue>();
          for (const [k, x] of entriesOf(obj as Dict)) {
            this.trail.push({ key: k, index: false });
            const pk = this.key(k);
            this.trail.pop();
            m.set(pk, this.child(x, k, false, floatKeys || k === 'LR_Scheduler', depth + 1));
          }
          out = m;
        }
      } finally {
        this.active.delete(obj);
      }
    } else {
      throw new PaddleTypeError(`paddle.save: cannot save ${describe(obj)} (at ${this.where()}); it has no Python counterpart.`);
    }
    this.memo.set(obj, out);
    return out;
  }

  private key(k: unknown): PyKey {
    if (k === null || typeof k === 'string' || typeof k === 'number' || typeof k === 'bigint' || typeof k === 'boolean') return k;
    if (k instanceof PyTuple) return this.convert(k) as PyTuple;
    throw new PaddleTypeError(`paddle.save: unhashable dict key ${describe(k)} at ${this.where()}.`);
  }
}

/**
 * Paddle's `_unpack_saved_dict`: splits arrays over `maxBytes` for protocols 2 and 3.
 * @param saved - The dict to write, changed in place: each array over `maxBytes` is replaced by its 1-D slices `<key>@@.<i>`, listed under `UnpackBigParamInfor@@`.
 * @param protocol - The pickle protocol; 4 and above split nothing.
 * @param maxBytes - The largest slice in bytes (default 2^30 − 1, Paddle's).
 * @returns `saved`.
 */
export function unpackSavedDict(saved: Map<PyKey, PyValue>, protocol: number, maxBytes = 2 ** 30 - 1): Map<PyKey, PyValue> {
  if (protocol >= 4) return saved;
  const info = new Map<PyKey, PyValue>();
  const parts = new Map<PyKey, PyValue>();
  for (const [key, value] of saved) {
    if (!isNdArray(value)) continue;
    const itemsize = bytesPerElement(value.dtype);
    const maxElements = Math.floor(maxBytes / itemsize);
    const n = value.data.length;
    if (n <= maxElements) continue;
    const slices: string[] = [];
    for (let i = 0; i * maxElements < n; i++) {
      const name = `${String(key)}@@.${i}`;
      slices.push(name);
      const part = value.data.slice(i * maxElements, Math.min(n, (i + 1) * maxElements));
      parts.set(name, ndarray(part, [part.length], value.dtype));
    }
    info.set(key, new Map<PyKey, PyValue>([
      ['OriginShape', new PyTuple([...value.shape])],
      ['slices', slices],
    ]));
  }
  if (info.size === 0) return saved;
  for (const [key, value] of info) {
    saved.delete(key);
    for (const name of (value as Map<PyKey, PyValue>).get('slices') as string[]) saved.set(name, parts.get(name) as PyValue);
  }
  saved.set(UNPACK_INFO_KEY, info);
  return saved;
}

/**
 * Paddle's `_pack_loaded_dict`: reassembles arrays split by `unpackSavedDict`. The slices of all
 * entries must be distinct arrays of one dtype whose element counts add up to `OriginShape`
 * exactly; each reassembled array is charged to `budget` (the reader's, see src/io/limits.ts).
 * @param obj - The loaded dict, changed in place: the slices are replaced by the reassembled arrays and the `UnpackBigParamInfor@@` table is removed — all of it or, when anything throws, nothing (every entry is checked and reassembled before the dict is touched).
 * @param budget - The reader's expansion budget, or none.
 * @returns `obj` (unchanged when it has no `UnpackBigParamInfor@@` table).
 * @throws {@link errors.ValueError} when the table is malformed (a slice listed twice or reused, not an array, of another dtype, or element counts that do not add up to `OriginShape`); {@link errors.KeyError} when a listed slice is missing; whatever `budget` throws when it is exhausted.
 */
export function packLoadedDict(obj: Map<PyKey, PyValue>, budget?: Budget): Map<PyKey, PyValue> {
  const info = obj.get(UNPACK_INFO_KEY);
  if (info === undefined) return obj;
  function bad(m: string): never {
    throw new ValueError(`paddle.load: malformed "${UNPACK_INFO_KEY}" table: ${m}`);
  }
  if (!(info instanceof Map)) bad('it is not a dict');
  const used = new Set<string>();
  /** Each slice array and the name it was first listed under: a memo reference must not be reused. */
  const arrays = new Map<NdArray, string>();
  const removes: string[] = [];
  const joined: [PyKey, NdArray][] = [];
  for (const [key, value] of info as Map<PyKey, PyValue>) {
    if (!(value instanceof Map)) bad(`the entry for ${describe(key)} is not a dict`);
    const v = value as Map<PyKey, PyValue>;
    const slices = v.get('slices');
    const shapeV = v.get('OriginShape');
    if (!Array.isArray(slices) || !slices.every((s) => typeof s === 'string')) bad(`"slices" of ${describe(key)} is not a list of str`);
    const shape = shapeV instanceof PyTuple ? shapeV.items : shapeV;
    if (!Array.isArray(shape) || !shape.every((d) => typeof d === 'number' && Number.isSafeInteger(d) && d >= 0)) {
      bad(`"OriginShape" of ${describe(key)} is not a tuple of non-negative ints`);
    }
    let want: number;
    try {
      want = checkedNumel(shape, `"OriginShape" of ${describe(key)}`);
    } catch (e) {
      if (e instanceof ValueError) bad(e.message);
      throw e;
    }
    const parts: NdArray[] = [];
    for (const s of slices as string[]) {
      if (used.has(s)) bad(`slice "${s}" is listed twice`);
      used.add(s);
      const part = obj.get(s);
      if (part === undefined) throw new KeyError(`'${s}'`);
      if (!isNdArray(part)) bad(`slice "${s}" is not an array`);
      const first = arrays.get(part);
      if (first !== undefined) bad(`slice "${s}" is the same array as slice "${first}"; the slices of a split parameter must be distinct arrays`);
      arrays.set(part, s);
      if (parts.length > 0 && (parts[0] as NdArray).dtype !== part.dtype) bad(`slice "${s}" has dtype ${part.dtype}, not ${(parts[0] as NdArray).dtype}`);
      parts.push(part);
    }
    if (parts.length === 0) bad(`no slices for ${describe(key)}`);
    const total = parts.reduce((a, p) => a + p.data.length, 0);
    if (total !== want) bad(`cannot reshape array of size ${total} into shape (${(shape as number[]).join(', ')})`);
    const first = parts[0] as NdArray;
    budget?.charge(COST.ndarray + total * first.data.BYTES_PER_ELEMENT, `reassembling the split parameter ${describe(key)}`);
    const data = new (first.data.constructor as new (n: number) => NdArray['data'])(total);
    let off = 0;
    for (const p of parts) {
      data.set(p.data, off);
      off += p.data.length;
    }
    joined.push([key, { dtype: first.dtype, shape: Object.freeze([...(shape as number[])]), data } as NdArray]);
    for (const s of slices as string[]) removes.push(s);
  }
  for (const [key, array] of joined) obj.set(key, array);
  for (const k of removes) obj.delete(k);
  obj.delete(UNPACK_INFO_KEY);
  return obj;
}

function buildPickle(obj: unknown, protocol: number): Uint8Array {
  if (isStateDict(obj)) {
    // _legacy_save: arrays for Tensors, other values kept, then the name table.
    const conv = new ToPy('array');
    const saved = new Map<PyKey, PyValue>();
    const table = new Map<PyKey, PyValue>();
    for (const [k, v] of entriesOf(obj as Dict)) {
      if (!(k === null || typeof k === 'string' || typeof k === 'number' || typeof k === 'bigint' || typeof k === 'boolean')) {
        throw new PaddleTypeError(`paddle.save: unsupported dict key ${describe(k)}.`);
      }
      saved.set(k, conv.child(v, k, false, k === 'LR_Scheduler', 1));
      if (v instanceof Tensor) table.set(k, v.name);
    }
    saved.set(NAME_TABLE_KEY, table);
    return pickle(unpackSavedDict(saved, protocol), { protocol });
  }
  return pickle(new ToPy('tuple').convert(obj), { protocol });
}

function buildSafetensors(obj: unknown, metadata: Record<string, string> | undefined): Uint8Array {
  if (!isDict(obj)) {
    throw new PaddleTypeError(`paddle.save: the safetensors format holds a dict of tensors, but received ${describe(obj)}.`);
  }
  const tensors = new Map<string, NdArray>();
  const names: Record<string, string> = {};
  const extra: [string, unknown][] = [];
  const order: string[] = [];
  for (const [k, v] of entriesOf(obj)) {
    if (typeof k !== 'string') throw new PaddleTypeError(`paddle.save: safetensors keys must be strings, but received ${describe(k)}.`);
    if (k === NAME_TABLE_KEY) continue;
    order.push(k);
    if (v instanceof Tensor) {
      tensors.set(k, tensorToNd(v, JSON.stringify(k)));
      names[k] = v.name;
    } else if (isNdArray(v)) {
      tensors.set(k, v);
    } else {
      checkJsonable(v, `[${JSON.stringify(k)}]`);
      extra.push([k, v]);
    }
  }
  const meta = new Map<string, string>(Object.entries(metadata ?? {}));
  meta.set(SAFETENSORS_META_KEY, JSON.stringify({ order, names, extra: Object.fromEntries(extra) }));
  return writeSafetensors(tensors, meta);
}

function checkJsonable(v: unknown, path: string): void {
  const seen = new Set<unknown>();
  const walk = (x: unknown, p: string, depth: number): void => {
    if (depth > 100) throw new ValueError(`paddle.save: the value at ${p} is nested too deeply for safetensors metadata.`);
    if (x === null || typeof x === 'string' || typeof x === 'boolean') return;
    if (typeof x === 'number') {
      if (!Number.isFinite(x)) throw new ValueError(`paddle.save: ${String(x)} at ${p} cannot be stored in safetensors metadata (JSON); use the pickle format.`);
      return;
    }
    if (typeof x === 'object' && (Array.isArray(x) || isPlainObject(x))) {
      // JSON would copy a shared value at every reference (exponentially for a DAG): refuse it.
      if (seen.has(x)) {
        throw new ValueError(`paddle.save: ${p} is a shared or cyclic reference, which safetensors metadata (JSON) cannot hold; use the pickle format.`);
      }
      seen.add(x);
      if (Array.isArray(x)) x.forEach((y, i) => walk(y, `${p}[${i}]`, depth + 1));
      else for (const [k, y] of Object.entries(x)) if (y !== undefined) walk(y, `${p}[${JSON.stringify(k)}]`, depth + 1);
      return;
    }
    throw new PaddleTypeError(
      `paddle.save: the safetensors format holds tensors plus JSON values, but ${p} is ${describe(x)}; use the pickle format.`,
    );
  };
  walk(v, path, 0);
}

function formatForPath(path: string, format: SaveFormat | undefined): SaveFormat {
  if (format !== undefined) return format;
  return /\.safetensors$/i.test(path) ? 'safetensors' : 'pickle';
}

function checkFormat(format: unknown, where: string): SaveFormat | undefined {
  if (format === undefined || format === 'pickle' || format === 'safetensors') return format;
  throw new ValueError(`${where}: 'format' must be 'pickle' or 'safetensors', but received ${describe(format)}.`);
}

function encode(obj: unknown, options: SaveOptions | undefined, where: string, path: string | null): Uint8Array {
  const opts = checkOptions(where, options, SAVE_KEYS);
  if (opts.useBinaryFormat !== undefined && typeof opts.useBinaryFormat !== 'boolean') {
    throw new PaddleTypeError(`Type of \`use_binary_format\` should be bool, but received ${describe(opts.useBinaryFormat)}.`);
  }
  if (opts.useBinaryFormat === true) {
    throw new NotImplementedError(`${where}: useBinaryFormat (Paddle's C++ LoDTensor format) is not supported; use the pickle format.`);
  }
  const format = checkFormat(opts.format, where) ?? (path === null ? 'pickle' : formatForPath(path, undefined));
  const protocol = checkProtocol(opts.pickleProtocol ?? opts.protocol ?? 4);
  if (format === 'safetensors') return buildSafetensors(obj, opts.metadata);
  if (opts.metadata !== undefined) throw new ValueError(`${where}: 'metadata' applies to the safetensors format only.`);
  return buildPickle(obj, protocol);
}

// ------------------------------------------------------------------------------------------
// The Python value model → what load returns

function isNameArrayTuple(v: unknown): v is PyTuple {
  return v instanceof PyTuple && v.length === 2 && typeof v.items[0] === 'string' && isNdArray(v.items[1]);
}

function containsNameArrayTuple(root: PyValue): boolean {
  const seen = new Set<unknown>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (isNameArrayTuple(v)) return true;
    if (typeof v !== 'object' || v === null || seen.has(v)) continue;
    seen.add(v);
    // Loops, not push(...v): a list may hold more items than a call may take arguments.
    if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (v instanceof PyTuple) for (const x of v.items) stack.push(x);
    else if (v instanceof Map) for (const x of v.values()) stack.push(x);
  }
  return false;
}

/** Paddle's post-processing of `pickle.load`'s result. */
function postProcess(result: PyValue, cfg: LoadConfig, budget: Budget): Loaded {
  const tensors = new Map<NdArray, Tensor>();
  const asTensor = (a: NdArray, name: string | null): Loaded => {
    if (cfg.returnNumpy) return a;
    let t = tensors.get(a);
    if (t === undefined) {
      t = toTensor(a, name);
      tensors.set(a, t);
    }
    return t;
  };
  if (result instanceof Map) {
    packLoadedDict(result, budget);
    if (result.has(NAME_TABLE_KEY)) {
      const table = result.get(NAME_TABLE_KEY);
      if (!(table instanceof Map)) {
        throw new UnpicklingError(`paddle.load: "${NAME_TABLE_KEY}" is ${describe(table)}, not a dict.`);
      }
      const named = new Map<NdArray, string>();
      for (const [key, name] of table) {
        if (!result.has(key)) throw new KeyError(typeof key === 'string' ? `'${key}'` : String(key));
        const v = result.get(key);
        if (isNdArray(v)) {
          if (typeof name !== 'string') {
            throw new UnpicklingError(`paddle.load: "${NAME_TABLE_KEY}" maps ${describe(key)} to ${describe(name)}, not a str.`);
          }
          if (!named.has(v)) named.set(v, name);
        }
      }
      if (!cfg.keepNameTable) result.delete(NAME_TABLE_KEY);
      // Only the entries the table lists become Tensors (their own value, not nested ones).
      const top = new Map<PyKey, Loaded>();
      const inner = new FromPy(cfg, () => undefined);
      for (const [k, v] of result) {
        const name = isNdArray(v) ? named.get(v) : undefined;
        top.set(k, name !== undefined ? asTensor(v as NdArray, name) : inner.convert(v));
      }
      return shapeTop(top, cfg);
    }
  }
  const tupleMode = containsNameArrayTuple(result);
  const conv = new FromPy(cfg, (v) => {
    if (tupleMode) {
      if (isNameArrayTuple(v)) return cfg.returnNumpy ? (v.items[1] as NdArray) : asTensor(v.items[1] as NdArray, v.items[0] as string);
      return undefined;
    }
    return isNdArray(v) ? asTensor(v, null) : undefined;
  });
  return conv.convert(result);
}

/**
 * Safetensors when the first 8 bytes are a plausible header length followed by `{`; otherwise
 * pickle (whose streams start with PROTO 0x80; the 8th byte of a pickle is never `{` after a
 * zero high half of such a length).
 */
function sniffFormat(bytes: Uint8Array): SaveFormat {
  if (bytes.length >= 9 && bytes[8] === 0x7b && bytes[4] === 0 && bytes[5] === 0 && bytes[6] === 0 && bytes[7] === 0) {
    const n = new DataView(bytes.buffer, bytes.byteOffset, 8).getUint32(0, true);
    if (n >= 2 && 8 + n <= bytes.length) return 'safetensors';
  }
  return 'pickle';
}

function decode(bytes: Uint8Array, options: LoadOptions | undefined, where: string, path: string | null): Loaded {
  const opts = checkOptions(where, options, LOAD_KEYS);
  const as = checkAs(opts, where);
  const format = checkFormat(opts.format, where) ?? (path !== null && /\.safetensors$/i.test(path) ? 'safetensors' : sniffFormat(bytes));
  const value = decodeValue(bytes, opts, format, where, path);
  if (as !== undefined) checkLoadedAs(value, as, where, path);
  return value;
}

/** The `as` option, checked, with the options it excludes. */
function checkAs(opts: LoadOptions, where: string): LoadAs | undefined {
  const as: unknown = opts.as;
  if (as === undefined) return undefined;
  if (!isLoadAs(as)) throw new ValueError(`${where}: 'as' must be 'stateDict' or 'optimizerStateDict', but received ${describe(as)}.`);
  const excluded = [['returnNumpy: true', opts.returnNumpy === true], ['keepNameTable: true', opts.keepNameTable === true], ["dictAs: 'map'", opts.dictAs === 'map']] as const;
  for (const [k, v] of excluded) {
    if (v) throw new ValueError(`${where}: 'as' gives Tensors in a plain object, so it cannot be combined with ${k}; load without 'as' for that.`);
  }
  return as;
}

function decodeValue(bytes: Uint8Array, opts: LoadOptions, format: SaveFormat, where: string, path: string | null): Loaded {
  if (opts.dictAs !== undefined && opts.dictAs !== 'object' && opts.dictAs !== 'map') {
    throw new ValueError(`${where}: 'dictAs' must be 'object' or 'map', but received ${describe(opts.dictAs)}.`);
  }
  for (const k of ['returnNumpy', 'keepNameTable'] as const) {
    if (opts[k] !== undefined && typeof opts[k] !== 'boolean') {
      throw new PaddleTypeError(`${where}: '${k}' must be a boolean, but received ${describe(opts[k])}.`);
    }
  }
  const cfg: LoadConfig = {
    returnNumpy: opts.returnNumpy ?? false,
    keepNameTable: opts.keepNameTable ?? false,
    dictAs: opts.dictAs ?? 'object',
    maxExpansion: checkLimit(where, 'maxExpansion', opts.maxExpansion, false),
    maxDepth: checkLimit(where, 'maxDepth', opts.maxDepth, true),
    maxHeaderSize: checkLimit(where, 'maxHeaderSize', opts.maxHeaderSize, true),
    maxTensors: checkLimit(where, 'maxTensors', opts.maxTensors, true),
  };
  if (format === 'safetensors') return decodeSafetensors(bytes, cfg);
  const limits: UnpickleOptions = {};
  if (cfg.maxExpansion !== undefined) limits.maxExpansion = cfg.maxExpansion;
  if (cfg.maxDepth !== undefined) limits.maxDepth = cfg.maxDepth;
  try {
    // Split parameters are reassembled on the unpickler's budget.
    const { value, budget } = unpickleBudgeted(bytes, limits);
    return postProcess(value, cfg, budget);
  } catch (e) {
    if (e instanceof UnpicklingError && path !== null) {
      throw new UnpicklingError(`\`paddle.load\` can not parse the file:${path}: ${e.message}`);
    }
    throw e;
  }
}

// ------------------------------------------------------------------------------------------
// Public API

/**
 * Writes `obj` to `path` in Paddle's format, atomically (a temporary file renamed over `path`;
 * parent directories are created). Node only; {@link saveBytes} gives the bytes in browsers.
 *
 * Paddle: `paddle.save(obj, path, protocol=4)`. A state dict (`layer.stateDict()`,
 * `opt.stateDict()`) is written as Paddle's `.pdparams` / `.pdopt` pickle, which Python's
 * `paddle.load` reads; a `.safetensors` path (or `format: 'safetensors'`) writes safetensors.
 *
 * @param obj - A state dict, a Tensor, or nested arrays / plain objects / Maps of them and of
 *   numbers, strings, booleans, bigints and `null`.
 * @param path - The file to write.
 * @param options - {@link SaveOptions}: `protocol` (2–4), `format`, safetensors `metadata`.
 * @returns A promise that settles once the file is in place.
 * @throws {@link errors.ValueError} when `path` is not a string or ends in a separator, or `obj` is a
 *   Layer (save its `stateDict()`); {@link errors.NotImplementedError} for a `SelectedRows`;
 *   {@link errors.TypeError} for an unknown option or a value Paddle cannot pickle.
 * @example
 * ```ts
 * const linear = new paddle.nn.Linear(4, 2);
 * const opt = new paddle.optimizer.RMSProp(0.01, { parameters: linear.parameters() });
 * await paddle.save(linear.stateDict(), 'ckpt/model.pdparams');
 * await paddle.save(opt.stateDict(), 'ckpt/model.pdopt');
 * ```
 */
export async function save(obj: unknown, path: string, options?: SaveOptions): Promise<void> {
  checkSavePath(checkPathArg(path, 'paddle.save'));
  const data = encode(obj, options, 'paddle.save', path);
  await writeFileAtomic(path, data);
}

/**
 * Synchronous {@link save} (Node ≥ 20.16): the same file, written before it returns.
 *
 * Paddle: `paddle.save(obj, path)`.
 *
 * @param obj - What to save (see {@link save}).
 * @param path - The file to write.
 * @param options - {@link SaveOptions}.
 * @throws The errors of {@link save}.
 */
export function saveSync(obj: unknown, path: string, options?: SaveOptions): void {
  checkSavePath(checkPathArg(path, 'paddle.save'));
  const data = encode(obj, options, 'paddle.save', path);
  writeFileAtomicSync(path, data);
}

/**
 * `paddle.save` to memory: the bytes a file would hold (pickle unless `format` says otherwise),
 * for browsers or any storage of your own. {@link loadBytes} reads them back.
 *
 * Paddle: `paddle.save(obj, io.BytesIO())`.
 *
 * @param obj - What to save (see {@link save}).
 * @param options - {@link SaveOptions}.
 * @returns The file's bytes.
 * @throws The errors of {@link save} about `obj` and the options.
 * @example
 * ```ts
 * const bytes = paddle.saveBytes(linear.stateDict());
 * linear.setStateDict(paddle.loadBytes(bytes, { as: 'stateDict' }));
 * ```
 */
export function saveBytes(obj: unknown, options?: SaveOptions): Uint8Array {
  return encode(obj, options, 'paddle.save', null);
}

/**
 * Reads a `.pdparams` / `.pdopt` file checked to be a layer's state dict, typed
 * {@link LoadedStateDict} so that it goes straight into `layer.setStateDict`.
 *
 * Paddle: `layer.set_state_dict(paddle.load(path))`.
 *
 * @param path - The file to read.
 * @param options - {@link LoadOptions} with `as: 'stateDict'`.
 * @returns Structured name → Tensor.
 * @throws {@link errors.ValueError} when the file holds anything else (naming the first key that
 *   is not a Tensor), besides the errors of the untyped form.
 * @example
 * ```ts
 * await paddle.save(linear.stateDict(), 'model.pdparams');
 * linear.setStateDict(await paddle.load('model.pdparams', { as: 'stateDict' }));
 * ```
 */
export function load(path: string, options: LoadStateDictOptions): Promise<LoadedStateDict>;
/**
 * Reads a `.pdopt` file checked to be an optimizer's state dict, typed
 * {@link LoadedOptimizerStateDict} so that it goes straight into `opt.setStateDict`.
 *
 * Paddle: `opt.set_state_dict(paddle.load(path))`.
 *
 * @param path - The file to read.
 * @param options - {@link LoadOptions} with `as: 'optimizerStateDict'`.
 * @returns Accumulator Tensors by Paddle name, and `LR_Scheduler` when one was saved.
 * @throws {@link errors.ValueError} when the file holds anything else.
 * @example
 * ```ts
 * opt.setStateDict(await paddle.load('model.pdopt', { as: 'optimizerStateDict' }));
 * ```
 */
export function load(path: string, options: LoadOptimizerStateDictOptions): Promise<LoadedOptimizerStateDict>;
/**
 * Reads a file written by Paddle's `paddle.save` (or {@link save}): pickle `.pdparams` / `.pdopt`
 * files with Paddle's post-processing (named Tensors, split parameters reassembled), or
 * safetensors. Node only; {@link loadBytes} reads bytes in browsers. The reader is restricted
 * (only NumPy's array globals) and its time and memory are bounded by the file's size; the
 * options `maxExpansion`, `maxDepth`, `maxHeaderSize`, `maxTensors` raise the limits.
 *
 * Paddle: `paddle.load(path, return_numpy=False, keep_name_table=False)`.
 *
 * @typeParam T - What the caller asserts the file holds, unchecked (default {@link Loaded});
 *   prefer `as: 'stateDict'`, which checks.
 * @param path - The file to read.
 * @param options - {@link LoadOptions}.
 * @returns The saved object: dicts as plain objects (or Maps with `dictAs: 'map'`), arrays as
 *   Tensors (or {@link NdArray}s with `returnNumpy`).
 * @throws {@link io.UnpicklingError} / {@link io.SafetensorsError} for a malformed or hostile file
 *   (naming the limit it exceeds); {@link errors.ValueError} when `path` is not a string;
 *   {@link errors.TypeError} for an unknown option; Node's `ENOENT` error for a missing file.
 * @example
 * ```ts
 * const sd = await paddle.load('model.pdparams', { keepNameTable: true });
 * const arrays = await paddle.load('model.pdparams', { returnNumpy: true });
 * ```
 */
export function load<T = Loaded>(path: string, options?: LoadOptions): Promise<T>;
export async function load(path: string, options?: LoadOptions): Promise<unknown> {
  checkOptions('paddle.load', options, LOAD_KEYS);
  const bytes = await readFileBytes(checkPathArg(path, 'paddle.load'));
  return decode(bytes, options, 'paddle.load', path);
}

/**
 * Synchronous {@link load} of a layer's state dict (Node ≥ 20.16), checked and typed.
 *
 * Paddle: `paddle.load(path)`.
 *
 * @param path - The file to read.
 * @param options - {@link LoadOptions} with `as: 'stateDict'`.
 * @returns Structured name → Tensor.
 * @throws {@link errors.ValueError} when the file holds anything else.
 */
export function loadSync(path: string, options: LoadStateDictOptions): LoadedStateDict;
/**
 * Synchronous {@link load} of an optimizer's state dict (Node ≥ 20.16), checked and typed.
 *
 * Paddle: `paddle.load(path)`.
 *
 * @param path - The file to read.
 * @param options - {@link LoadOptions} with `as: 'optimizerStateDict'`.
 * @returns Accumulator Tensors by Paddle name, and `LR_Scheduler`.
 * @throws {@link errors.ValueError} when the file holds anything else.
 */
export function loadSync(path: string, options: LoadOptimizerStateDictOptions): LoadedOptimizerStateDict;
/**
 * Synchronous {@link load} (Node ≥ 20.16).
 *
 * Paddle: `paddle.load(path, return_numpy=False, keep_name_table=False)`.
 *
 * @typeParam T - What the caller asserts the file holds, unchecked (default {@link Loaded}).
 * @param path - The file to read.
 * @param options - {@link LoadOptions}.
 * @returns The saved object.
 * @throws The errors of {@link load}.
 */
export function loadSync<T = Loaded>(path: string, options?: LoadOptions): T;
export function loadSync(path: string, options?: LoadOptions): unknown {
  checkOptions('paddle.load', options, LOAD_KEYS);
  const bytes = readFileBytesSync(checkPathArg(path, 'paddle.load'));
  return decode(bytes, options, 'paddle.load', path);
}

/**
 * {@link loadBytes} of a layer's state dict, checked and typed.
 *
 * Paddle: `paddle.load(io.BytesIO(data))`.
 *
 * @param bytes - The bytes of a `.pdparams` or `.safetensors` file.
 * @param options - {@link LoadOptions} with `as: 'stateDict'`.
 * @returns Structured name → Tensor.
 * @throws {@link errors.ValueError} when the bytes hold anything else.
 */
export function loadBytes(bytes: Uint8Array, options: LoadStateDictOptions): LoadedStateDict;
/**
 * {@link loadBytes} of an optimizer's state dict, checked and typed.
 *
 * Paddle: `paddle.load(io.BytesIO(data))`.
 *
 * @param bytes - The bytes of a `.pdopt` file.
 * @param options - {@link LoadOptions} with `as: 'optimizerStateDict'`.
 * @returns Accumulator Tensors by Paddle name, and `LR_Scheduler`.
 * @throws {@link errors.ValueError} when the bytes hold anything else.
 */
export function loadBytes(bytes: Uint8Array, options: LoadOptimizerStateDictOptions): LoadedOptimizerStateDict;
/**
 * `paddle.load` from memory, for browsers or storage of your own (the format is sniffed from the
 * bytes unless `format` is given).
 *
 * Paddle: `paddle.load(io.BytesIO(data))`.
 *
 * @typeParam T - What the caller asserts the bytes hold, unchecked (default {@link Loaded}).
 * @param bytes - A file's bytes.
 * @param options - {@link LoadOptions}.
 * @returns The saved object.
 * @throws {@link errors.TypeError} when `bytes` is not a `Uint8Array`; the errors of {@link load}.
 * @example
 * ```ts
 * const bytes = new Uint8Array(await (await fetch('model.pdparams')).arrayBuffer());
 * model.setStateDict(paddle.loadBytes(bytes, { as: 'stateDict' }));
 * ```
 */
export function loadBytes<T = Loaded>(bytes: Uint8Array, options?: LoadOptions): T;
export function loadBytes(bytes: Uint8Array, options?: LoadOptions): unknown {
  if (!(bytes instanceof Uint8Array)) {
    throw new PaddleTypeError(`paddle.load: expected a Uint8Array, but received ${describe(bytes)}.`);
  }
  return decode(bytes, options, 'paddle.load', null);
}

function checkPathArg(path: unknown, where: string): string {
  if (typeof path !== 'string') {
    throw new ValueError(`${where}: only supports file paths (a string), but got ${describe(path)}`);
  }
  return path;
}

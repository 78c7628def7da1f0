/**
 * PyTorch checkpoints: `loadTorch` reads what `torch.save` writes (the zip format of PyTorch ≥ 1.6:
 * `<archive>/data.pkl`, `<archive>/data/<key>` storages, `version`, `byteorder`; and the legacy format
 * of older PyTorch: five pickles then the storages) and `saveTorch`
 * writes files `torch.load` reads, with `weights_only=True` too (see {@link saveTorch} for
 * PyTorch 1.13's float limitation).
 *
 * Reading goes through the same restricted, budgeted unpickler as `paddle.load`, with PyTorch's
 * tensor-rebuild globals as its only allow-list (src/io/torch-pickle.ts) inside a bounded zip
 * reader (src/io/zip-read.ts): hostile files are refused with a `ZipError` or `UnpicklingError`,
 * in time linear in the file and memory bounded by `maxExpansion` × its size.
 */
import { TypeError as PaddleTypeError, ValueError } from '../errors.js';
import { checkOptions, describe } from '../options.js';
import { Tensor } from '../tensor/tensor.js';
import { UnpicklingError, ZipError } from './errors.js';
import { FromPy, toTensor, type Loaded, type LoadConfig } from './from-py.js';
import { checkSavePath, readFileBytes, readFileBytesSync, writeFileAtomic, writeFileAtomicSync } from './fs.js';
import { checkLimit } from './limits.js';
import { encodeElements, isNdArray, ndarray, type NdArray } from './ndarray.js';
import { unpickleBudgeted, type UnpickleOptions } from './pickle-read.js';
import { pickle, PyGlobal, PyPersistentId, PyReduce } from './pickle-write.js';
import { PyFloat, PyTuple, type PyKey, type PyValue } from './py-value.js';
import { TorchPickle } from './torch-pickle.js';
import { checkLoadedAs, type LoadedDict, type LoadedStateDict } from './typed-load.js';
import { writeZip, type ZipEntry } from './zip-write.js';
import { ZipArchive } from './zip-read.js';

/** The kinds of value `loadTorch`'s `as` option checks for. */
export type LoadTorchAs = 'stateDict' | 'optimizerStateDict';

/**
 * Optional arguments of {@link loadTorch}, {@link loadTorchSync} and {@link loadTorchBytes}
 * (PyTorch's `torch.load(f, map_location=None, weights_only=True)` has no counterparts: the
 * tensors land in this library's memory, and the reader is always restricted).
 */
export interface LoadTorchOptions {
  /** Keep tensors as `NdArray` instead of making Tensors (like `paddle.load`'s `returnNumpy`). */
  returnNumpy?: boolean;
  /** `'object'` (default): dicts become plain objects (int keys as strings); `'map'`: `Map`s. */
  dictAs?: 'object' | 'map';
  /** What the objects created may cost, as a multiple of the file size (plus 1 MiB). Default 32. */
  maxExpansion?: number;
  /** Deepest container nesting accepted. Default 1000. */
  maxDepth?: number;
  /**
   * Check at run time and type the result: `'stateDict'` (a module's `state_dict()`: every value
   * a Tensor, {@link LoadedStateDict}) or `'optimizerStateDict'` (a `torch.optim` optimizer's
   * `state_dict()`, {@link TorchOptimizerStateDict}). Not with `returnNumpy` or `dictAs: 'map'`.
   */
  as?: LoadTorchAs;
}

/** {@link LoadTorchOptions} with `as: 'stateDict'`. */
export type LoadTorchStateDictOptions = LoadTorchOptions & {
  /** Check for, and type as, a layer's state dict. */
  as: 'stateDict';
};
/** {@link LoadTorchOptions} with `as: 'optimizerStateDict'`. */
export type LoadTorchOptimizerStateDictOptions = LoadTorchOptions & {
  /** Check for, and type as, an optimizer's state dict. */
  as: 'optimizerStateDict';
};

/**
 * A `torch.optim` optimizer's `state_dict()` as {@link loadTorch} returns it: `state` keyed by
 * parameter index (as a string), each entry's tensors (`square_avg`, `momentum_buffer`,
 * `grad_avg` for RMSprop; `step` a 0-d Tensor since PyTorch 1.12, a number before), and
 * `param_groups` with each group's hyper-parameters and the indices of its `params`.
 */
export interface TorchOptimizerStateDict {
  /** Per-parameter state by index. */
  state: { [index: string]: { [key: string]: Tensor | number | boolean | null } };
  /** The parameter groups: hyper-parameters (`lr`, `alpha`, `eps`, …) and `params` indices. */
  param_groups: TorchParamGroup[];
}

/** One of a `torch.optim` state dict's `param_groups`. */
export interface TorchParamGroup {
  /** The indices (into `state`) of the group's parameters. */
  params: number[];
  /** The group's hyper-parameters, under PyTorch's names. */
  [key: string]: Loaded;
}

const LOAD_KEYS = ['returnNumpy', 'dictAs', 'maxExpansion', 'maxDepth', 'as'] as const;
const WHERE = 'paddle.io.loadTorch';
const SAVE_WHERE = 'paddle.io.saveTorch';
/** The `version` record PyTorch's `torch.save` writes (and the most recent this reader knows). */
const FORMAT_VERSION = 3;
/** The legacy format's magic number, `torch.serialization.MAGIC_NUMBER`, pickled as LONG1. */
const LEGACY_MAGIC = Uint8Array.of(0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19);

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

function decode(bytes: Uint8Array, options: LoadTorchOptions | undefined, path: string | null): Loaded {
  const opts = checkOptions(WHERE, options, LOAD_KEYS);
  const maxExpansion = checkLimit(WHERE, 'maxExpansion', opts.maxExpansion, false);
  const maxDepth = checkLimit(WHERE, 'maxDepth', opts.maxDepth, true);
  const as = opts.as;
  if (as !== undefined && as !== 'stateDict' && as !== 'optimizerStateDict') {
    throw new ValueError(`${WHERE}: 'as' must be 'stateDict' or 'optimizerStateDict', but received ${describe(as)}.`);
  }
  if (opts.dictAs !== undefined && opts.dictAs !== 'object' && opts.dictAs !== 'map') {
    throw new ValueError(`${WHERE}: 'dictAs' must be 'object' or 'map', but received ${describe(opts.dictAs)}.`);
  }
  if (as !== undefined && (opts.returnNumpy === true || opts.dictAs === 'map')) {
    throw new ValueError(`${WHERE}: 'as' cannot be combined with returnNumpy or dictAs: 'map'.`);
  }
  const unpickleOptions: { maxExpansion?: number; maxDepth?: number } = {};
  if (maxExpansion !== undefined) unpickleOptions.maxExpansion = maxExpansion;
  if (maxDepth !== undefined) unpickleOptions.maxDepth = maxDepth;
  let value: PyValue;
  if (startsWith(bytes, LEGACY_MAGIC)) value = readLegacy(bytes, unpickleOptions);
  else if (bytes.length >= 1 && bytes[0] === 0x80) {
    throw new UnpicklingError(`${WHERE}: this is a bare pickle, not a torch.save checkpoint (a Paddle .pdparams file? use paddle.load).`);
  } else value = readZipped(bytes, unpickleOptions);
  const returnNumpy = opts.returnNumpy === true;
  const cfg: LoadConfig = {
    returnNumpy,
    keepNameTable: false,
    dictAs: opts.dictAs ?? 'object',
    maxExpansion,
    maxDepth,
    maxHeaderSize: undefined,
    maxTensors: undefined,
  };
  const out = new FromPy(cfg, (v) => (isNdArray(v) && !returnNumpy ? toTensor(v, null) : undefined)).convert(value);
  if (as === 'stateDict') checkLoadedAs(out, 'stateDict', WHERE, path);
  if (as === 'optimizerStateDict') checkOptimizerStateDict(out, path);
  return out;
}

/** The zip format (PyTorch >= 1.6): `<archive>/data.pkl` over the `<archive>/data/<key>` records. */
function readZipped(bytes: Uint8Array, unpickleOptions: UnpickleOptions): PyValue {
  const zip = ZipArchive.open(bytes);
  const names = zip.names;
  const first = names[0];
  const slash = first === undefined ? -1 : first.indexOf('/');
  if (first === undefined || slash <= 0) throw new ZipError(`${WHERE}: the archive's records are not in a top-level directory, as torch.save writes them.`);
  const prefix = first.slice(0, slash + 1);
  if (zip.has(`${prefix}constants.pkl`)) {
    throw new ZipError(`${WHERE}: this is a TorchScript archive (torch.jit.save), not a torch.save checkpoint.`);
  }
  if (!zip.has(`${prefix}data.pkl`)) throw new ZipError(`${WHERE}: the archive has no '${prefix}data.pkl' record.`);
  const versionName = zip.has(`${prefix}version`) ? `${prefix}version` : `${prefix}.data/version`;
  if (!zip.has(versionName)) throw new ZipError(`${WHERE}: the archive has no '${prefix}version' record.`);
  const version = new TextDecoder().decode(zip.read(versionName)).trim();
  if (!/^[0-9]{1,3}$/.test(version) || Number(version) < 1 || Number(version) > FORMAT_VERSION) {
    throw new ZipError(`${WHERE}: unsupported archive version ${JSON.stringify(version.slice(0, 16))} (this reader knows 1 to ${FORMAT_VERSION}).`);
  }
  let littleEndian = true;
  if (zip.has(`${prefix}byteorder`)) {
    const order = new TextDecoder().decode(zip.read(`${prefix}byteorder`));
    if (order !== 'little' && order !== 'big') {
      throw new ZipError(`${WHERE}: the byteorder record must be 'little' or 'big', not ${JSON.stringify(order.slice(0, 16))}.`);
    }
    littleEndian = order === 'little';
  }
  return unpickleBudgeted(zip.read(`${prefix}data.pkl`), unpickleOptions, {
    ext: new TorchPickle({ zip, prefix }, littleEndian),
    budgetBase: bytes.length,
  }).value;
}

/** `torch.serialization.PROTOCOL_VERSION` of the legacy format. */
const LEGACY_PROTOCOL = 1001;

/**
 * The legacy format (`torch.save(..., _use_new_zipfile_serialization=False)`, PyTorch < 1.6):
 * five pickles (the magic number, the protocol 1001, `sys_info`, the object, the sorted storage
 * keys) and then each storage as an int64 element count and its elements.
 */
function readLegacy(bytes: Uint8Array, unpickleOptions: UnpickleOptions): PyValue {
  const fail = (m: string): never => {
    throw new UnpicklingError(`${WHERE}: legacy format: ${m}.`);
  };
  let pos = 0;
  const next = (): PyValue => {
    if (pos >= bytes.length) fail('the file ends before all its pickles');
    const r = unpickleBudgeted(bytes.subarray(pos), unpickleOptions);
    pos += r.end;
    return r.value;
  };
  next(); // the magic number, checked by the caller
  const protocol = next();
  if (protocol !== LEGACY_PROTOCOL) fail(`protocol version ${describe(protocol)}, expected ${LEGACY_PROTOCOL}`);
  const info = next();
  const little = info instanceof Map ? info.get('little_endian') : undefined;
  if (typeof little !== 'boolean') fail('sys_info has no little_endian flag');
  const ext = new TorchPickle('legacy', little as boolean);
  const main = unpickleBudgeted(bytes.subarray(pos), unpickleOptions, { ext, budgetBase: bytes.length });
  pos += main.end;
  const keys = next();
  const end = ext.readLegacyStorages(keys, bytes, pos, fail);
  if (end !== bytes.length) fail(`${bytes.length - end} bytes follow the last storage`);
  return main.value;
}

function isPlainDict(v: unknown): v is LoadedDict {
  if (typeof v !== 'object' || v === null) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function checkOptimizerStateDict(v: Loaded, path: string | null): void {
  const fail = (why: string): ValueError =>
    new ValueError(`${WHERE}: ${path ?? 'the bytes'} does not hold a torch.optim state dict ({ state, param_groups }): ${why}. Load it without 'as' to see what it holds.`);
  if (!isPlainDict(v)) throw fail(`it holds ${describe(v)}`);
  const { state, param_groups: groups } = v;
  if (!isPlainDict(state)) throw fail(`'state' holds ${describe(state)}`);
  for (const [k, entry] of Object.entries(state)) {
    if (!isPlainDict(entry)) throw fail(`state['${k}'] holds ${describe(entry)}`);
    for (const [f, x] of Object.entries(entry)) {
      if (!(x instanceof Tensor) && typeof x !== 'number' && typeof x !== 'boolean' && x !== null) throw fail(`state['${k}'].${f} holds ${describe(x)}`);
    }
  }
  if (!Array.isArray(groups)) throw fail(`'param_groups' holds ${describe(groups)}`);
  groups.forEach((g, i) => {
    if (!isPlainDict(g) || !Array.isArray(g.params) || !g.params.every((p) => typeof p === 'number' && Number.isSafeInteger(p))) {
      throw fail(`param_groups[${i}] is not a dict with a list of int 'params'`);
    }
  });
}

function checkPath(path: unknown, where: string): string {
  if (typeof path !== 'string') throw new ValueError(`${where}: only supports file paths (a string), but got ${describe(path)}`);
  return path;
}

/**
 * Reads a PyTorch checkpoint checked to be a module's `state_dict()`, typed {@link LoadedStateDict}
 * so that it goes straight into `layer.setStateDict` when the names and shapes match (PyTorch's
 * `Linear.weight` is `[out, in]`, Paddle's `[in, out]`: transpose it first).
 *
 * PyTorch: `model.load_state_dict(torch.load(path, weights_only=True))`.
 *
 * @param path - A file written by `torch.save`.
 * @param options - {@link LoadTorchOptions} with `as: 'stateDict'`.
 * @returns Parameter name → Tensor.
 * @throws {@link errors.ValueError} when the file holds anything else, besides the errors of the untyped form.
 */
export function loadTorch(path: string, options: LoadTorchStateDictOptions): Promise<LoadedStateDict>;
/**
 * Reads a PyTorch checkpoint checked to be a `torch.optim` optimizer's `state_dict()`.
 *
 * PyTorch: `optimizer.load_state_dict(torch.load(path))`.
 *
 * @param path - A file written by `torch.save`.
 * @param options - {@link LoadTorchOptions} with `as: 'optimizerStateDict'`.
 * @returns `{ state, param_groups }` with Tensors.
 * @throws {@link errors.ValueError} when the file holds anything else, besides the errors of the untyped form.
 */
export function loadTorch(path: string, options: LoadTorchOptimizerStateDictOptions): Promise<TorchOptimizerStateDict>;
/**
 * Reads a checkpoint written by PyTorch's `torch.save` (the zip format of PyTorch ≥ 1.6, and the
 * legacy format of older versions or `_use_new_zipfile_serialization=False`): dense CPU
 * tensors of float32/64, float16/bfloat16 (widened to float32), int64/32/16/8, uint8 and bool, in
 * dicts, lists and tuples. Strided views become contiguous copies; tensors sharing a storage are
 * copied apart. Node only; {@link loadTorchBytes} reads bytes in browsers. The reader is restricted
 * (only PyTorch's tensor-rebuild globals) and bounded by the file's size.
 *
 * PyTorch: `torch.load(path, weights_only=True)`.
 *
 * @typeParam T - What the caller asserts the file holds, unchecked (default {@link Loaded}).
 * @param path - A file written by `torch.save`.
 * @param options - {@link LoadTorchOptions}.
 * @returns The saved object: dicts as plain objects (int keys as strings) or Maps, tensors as Tensors or NdArrays.
 * @throws {@link io.ZipError} for a malformed, compressed or inconsistent zip container;
 *   {@link io.UnpicklingError} for a malformed or disallowed pickle (any global outside the
 *   allow-list, a view outside its storage, a legacy file whose storages disagree with its pickle)
 *   or one beyond the limits;
 *   {@link errors.ValueError} when `path` is not a string; {@link errors.TypeError} for an unknown option.
 */
export function loadTorch<T = Loaded>(path: string, options?: LoadTorchOptions): Promise<T>;
export async function loadTorch(path: string, options?: LoadTorchOptions): Promise<unknown> {
  checkOptions(WHERE, options, LOAD_KEYS);
  const p = checkPath(path, WHERE);
  return decode(await readFileBytes(p), options, p);
}

/**
 * Synchronous {@link loadTorch} of a module's `state_dict()`, checked and typed.
 *
 * PyTorch: `torch.load(path, weights_only=True)`.
 *
 * @param path - A file written by `torch.save`.
 * @param options - {@link LoadTorchOptions} with `as: 'stateDict'`.
 * @returns Parameter name → Tensor.
 * @throws The errors of {@link loadTorch}.
 */
export function loadTorchSync(path: string, options: LoadTorchStateDictOptions): LoadedStateDict;
/**
 * Synchronous {@link loadTorch} of an optimizer's `state_dict()`, checked and typed.
 *
 * PyTorch: `torch.load(path)`.
 *
 * @param path - A file written by `torch.save`.
 * @param options - {@link LoadTorchOptions} with `as: 'optimizerStateDict'`.
 * @returns `{ state, param_groups }`.
 * @throws The errors of {@link loadTorch}.
 */
export function loadTorchSync(path: string, options: LoadTorchOptimizerStateDictOptions): TorchOptimizerStateDict;
/**
 * Synchronous {@link loadTorch} (Node ≥ 20.16).
 *
 * PyTorch: `torch.load(path, weights_only=True)`.
 *
 * @typeParam T - What the caller asserts the file holds, unchecked.
 * @param path - A file written by `torch.save`.
 * @param options - {@link LoadTorchOptions}.
 * @returns The saved object.
 * @throws The errors of {@link loadTorch}.
 */
export function loadTorchSync<T = Loaded>(path: string, options?: LoadTorchOptions): T;
export function loadTorchSync(path: string, options?: LoadTorchOptions): unknown {
  checkOptions(WHERE, options, LOAD_KEYS);
  const p = checkPath(path, WHERE);
  return decode(readFileBytesSync(p), options, p);
}

/**
 * {@link loadTorch} of a module's `state_dict()` from memory, checked and typed.
 *
 * PyTorch: `torch.load(io.BytesIO(data), weights_only=True)`.
 *
 * @param bytes - The bytes of a `torch.save` file.
 * @param options - {@link LoadTorchOptions} with `as: 'stateDict'`.
 * @returns Parameter name → Tensor.
 * @throws The errors of {@link loadTorch}.
 */
export function loadTorchBytes(bytes: Uint8Array, options: LoadTorchStateDictOptions): LoadedStateDict;
/**
 * {@link loadTorch} of an optimizer's `state_dict()` from memory, checked and typed.
 *
 * PyTorch: `torch.load(io.BytesIO(data))`.
 *
 * @param bytes - The bytes of a `torch.save` file.
 * @param options - {@link LoadTorchOptions} with `as: 'optimizerStateDict'`.
 * @returns `{ state, param_groups }`.
 * @throws The errors of {@link loadTorch}.
 */
export function loadTorchBytes(bytes: Uint8Array, options: LoadTorchOptimizerStateDictOptions): TorchOptimizerStateDict;
/**
 * {@link loadTorch} from memory, for browsers or storage of your own.
 *
 * PyTorch: `torch.load(io.BytesIO(data), weights_only=True)`.
 *
 * @typeParam T - What the caller asserts the bytes hold, unchecked.
 * @param bytes - The bytes of a `torch.save` file.
 * @param options - {@link LoadTorchOptions}.
 * @returns The saved object.
 * @throws {@link errors.TypeError} when `bytes` is not a `Uint8Array`; the errors of {@link loadTorch}.
 * @example
 * ```ts
 * const sd = paddle.io.loadTorchBytes(bytes, { as: 'stateDict' });
 * ```
 */
export function loadTorchBytes<T = Loaded>(bytes: Uint8Array, options?: LoadTorchOptions): T;
export function loadTorchBytes(bytes: Uint8Array, options?: LoadTorchOptions): unknown {
  if (!(bytes instanceof Uint8Array)) throw new PaddleTypeError(`${WHERE}: expected a Uint8Array, but received ${describe(bytes)}.`);
  return decode(bytes, options, null);
}

// ------------------------------------------------------------------------------------------
// Saving

const STORAGE_CLASS: Readonly<Record<NdArray['dtype'], string>> = {
  float32: 'FloatStorage',
  float64: 'DoubleStorage',
  int64: 'LongStorage',
  int32: 'IntStorage',
  uint8: 'ByteStorage',
  bool: 'BoolStorage',
};
const REBUILD = new PyGlobal('torch._utils', '_rebuild_tensor_v2');
const ORDERED_DICT = new PyGlobal('collections', 'OrderedDict');
const MAX_SAVE_DEPTH = 1000;
/** A canonical non-negative integer: how a JS object spells PyTorch's int keys (`state[0]`). */
const INT_KEY = /^(0|[1-9][0-9]{0,15})$/;

/** JS values → the pickle model with PyTorch's tensors; the storages collected in order. */
class ToTorch {
  readonly storages: Uint8Array[] = [];
  private readonly memo = new Map<object, unknown>();
  private readonly active = new Set<object>();

  convert(v: unknown, depth: number, where: string): unknown {
    if (v === null || typeof v === 'boolean' || typeof v === 'string' || typeof v === 'bigint') return v;
    if (typeof v === 'number') return v;
    if (typeof v !== 'object') throw new PaddleTypeError(`${SAVE_WHERE}: cannot save ${describe(v)} at ${where}.`);
    if (v instanceof PyFloat) return v;
    if (v instanceof Uint8Array) throw new PaddleTypeError(`${SAVE_WHERE}: bytes at ${where} cannot be loaded with weights_only=True; save a Tensor.`);
    const seen = this.memo.get(v);
    if (seen !== undefined) return seen;
    if (this.active.has(v)) throw new ValueError(`${SAVE_WHERE}: the value contains a reference cycle (at ${where}).`);
    if (depth >= MAX_SAVE_DEPTH) throw new ValueError(`${SAVE_WHERE}: containers are nested deeper than ${MAX_SAVE_DEPTH} levels (at ${where}).`);
    let out: unknown;
    if (v instanceof Tensor) out = this.tensor(ndarray(v.numpy(), [...v.shape], v.dtype));
    else if (isNdArray(v)) out = this.tensor(v);
    else {
      this.active.add(v);
      try {
        out = this.container(v, depth, where);
      } finally {
        this.active.delete(v);
      }
    }
    this.memo.set(v, out);
    return out;
  }

  private container(v: object, depth: number, where: string): unknown {
    if (Array.isArray(v)) return v.map((x: unknown, i) => this.convert(x, depth + 1, `${where}[${i}]`));
    if (v instanceof PyTuple) return new PyTuple(v.items.map((x, i) => this.convert(x, depth + 1, `${where}[${i}]`) as never));
    if (v instanceof Map) {
      const m = new Map<PyKey, unknown>();
      for (const [k, x] of v as Map<unknown, unknown>) {
        if (!(k === null || ['string', 'number', 'bigint', 'boolean'].includes(typeof k) || k instanceof PyTuple)) {
          throw new PaddleTypeError(`${SAVE_WHERE}: unhashable dict key ${describe(k)} at ${where}.`);
        }
        m.set(k as PyKey, this.convert(x, depth + 1, `${where}[${String(k)}]`));
      }
      return m;
    }
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) {
      throw new PaddleTypeError(`${SAVE_WHERE}: cannot save ${describe(v)} at ${where}; save Tensors, numbers, strings, booleans, null, arrays, plain objects and Maps (a Layer: its stateDict()).`);
    }
    const m = new Map<PyKey, unknown>();
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (x === undefined) continue;
      m.set(INT_KEY.test(k) ? Number(k) : k, this.convert(x, depth + 1, `${where}[${JSON.stringify(k)}]`));
    }
    return m;
  }

  private tensor(a: NdArray): PyReduce {
    const key = String(this.storages.length);
    this.storages.push(encodeElements(a));
    const numel = a.data.length;
    const strides: number[] = [];
    let s = 1;
    for (let i = a.shape.length - 1; i >= 0; i--) {
      strides.unshift(s);
      s *= a.shape[i] as number;
    }
    const pid = new PyPersistentId(new PyTuple(['storage', new PyGlobal('torch', STORAGE_CLASS[a.dtype]) as never, key, 'cpu', numel]));
    return new PyReduce(REBUILD, [pid, 0, new PyTuple([...a.shape]), new PyTuple(strides), false, new PyReduce(ORDERED_DICT, [])]);
  }
}

function encodeTorch(obj: unknown): Uint8Array {
  const t = new ToTorch();
  const value = t.convert(obj, 0, 'the root');
  const entries: ZipEntry[] = [{ name: 'archive/data.pkl', data: pickle(value, { protocol: 2 }) }];
  entries.push({ name: 'archive/byteorder', data: new TextEncoder().encode('little') });
  t.storages.forEach((data, i) => entries.push({ name: `archive/data/${i}`, data }));
  entries.push({ name: 'archive/version', data: new TextEncoder().encode(`${FORMAT_VERSION}\n`) });
  return writeZip(entries);
}

/**
 * Writes `obj` in `torch.save`'s zip format (pickle protocol 2, one storage per Tensor, data
 * aligned to 64 bytes), which `torch.load` reads. A plain object's canonical integer keys (`'0'`,
 * `'17'`) are written as Python ints, since a `torch.optim` state dict keys `state` by int (use a
 * `Map` to keep such string keys); a number is written as a Python int when it is integral, else
 * as a float (`pyFloat(1)` forces a float). PyTorch 1.13's `torch.load(f)` reads every such file
 * (checked by tests/io/torch-save.test.ts and scripts/gen-torch-fixtures.py), and
 * `torch.load(f, weights_only=True)` those without float values (model state dicts): its
 * weights-only reader has no opcode for floats (BINFLOAT), so it refuses optimizer state dicts,
 * `torch.save`'s own included. Later PyTorch versions, whose weights-only reader has BINFLOAT,
 * are expected to read them all (not tested here: only 1.13 is installed). Node only; {@link saveTorchBytes} in browsers.
 *
 * PyTorch: `torch.save(obj, path)`.
 *
 * @param obj - A state dict (`layer.stateDict()`), a `torch.optim`-layout optimizer state dict,
 *   or nested arrays / plain objects / Maps of Tensors, numbers, strings, booleans and `null`.
 * @param path - The file to write (atomically; parent directories are created).
 * @returns A promise that settles once the file is in place.
 * @throws {@link errors.TypeError} for a value PyTorch's weights-only reader cannot hold;
 *   {@link errors.ValueError} for a cycle, or a path that is not a string.
 * @example
 * ```ts
 * await paddle.io.saveTorch(linear.stateDict(), 'model.pt');
 * ```
 */
export async function saveTorch(obj: unknown, path: string): Promise<void> {
  checkSavePath(checkPath(path, SAVE_WHERE));
  await writeFileAtomic(path, encodeTorch(obj));
}

/**
 * Synchronous {@link saveTorch} (Node ≥ 20.16).
 *
 * PyTorch: `torch.save(obj, path)`.
 *
 * @param obj - What to save (see {@link saveTorch}).
 * @param path - The file to write.
 * @throws The errors of {@link saveTorch}.
 */
export function saveTorchSync(obj: unknown, path: string): void {
  checkSavePath(checkPath(path, SAVE_WHERE));
  writeFileAtomicSync(path, encodeTorch(obj));
}

/**
 * {@link saveTorch} to memory: the bytes of the `.pt` file.
 *
 * PyTorch: `torch.save(obj, io.BytesIO())`.
 *
 * @param obj - What to save (see {@link saveTorch}).
 * @returns The file's bytes.
 * @throws The errors of {@link saveTorch} about `obj`.
 */
export function saveTorchBytes(obj: unknown): Uint8Array {
  return encodeTorch(obj);
}

/**
 * The pickle of a `torch.save` checkpoint (a zip archive's `<archive>/data.pkl`, or the main pickle
 * of the legacy format) read by the restricted unpickler
 * (src/io/pickle-read.ts) with PyTorch's tensor-rebuild globals as its only allow-list, like
 * `torch.load(weights_only=True)` (torch/_weights_only_unpickler.py) but narrower:
 *
 * - `torch._utils._rebuild_tensor_v2(storage, offset, size, stride, requires_grad, hooks[, metadata])`
 *   and `torch._utils._rebuild_tensor(storage, offset, size, stride)`: a dense CPU tensor, as a
 *   contiguous row-major copy of the view (any non-negative strides and offset, checked to stay
 *   inside the storage); `hooks` must be an empty `OrderedDict`;
 * - `torch._utils._rebuild_parameter(data, requires_grad, hooks)` (and `_with_state`): the tensor;
 * - `torch.{Float,Double,Half,BFloat16,Long,Int,Short,Char,Byte,Bool}Storage`, only inside the
 *   persistent id `('storage', torch.XStorage, key, location, numel)`, whose bytes are the
 *   archive's entry `<archive>/data/<key>` (exactly numel × itemsize bytes), or, in the legacy
 *   format, `(..., numel, None)` with the bytes in the section after the pickles;
 * - `collections.OrderedDict` (and BUILD of an OrderedDict's `_metadata`, ignored).
 *
 * Narrow types are widened as everywhere in src/io (float16/bfloat16 → float32, int8/int16 →
 * int32, the file's type kept in `sourceDType`). Each storage is decoded once and each tensor's
 * copy is charged to the budget before it is allocated, so a file's views cannot multiply memory
 * beyond `maxExpansion` × its size.
 */
import { COST } from './limits.js';
import { checkedNumel, decodeElements, itemSizeOf, type ElementType, type NdArray } from './ndarray.js';
import { GlobalRef, type ExtensionContext, type PickleExtension } from './pickle-read.js';
import { PyTuple } from './py-value.js';
import type { ZipArchive } from './zip-read.js';
import type { DataArray } from '../tensor/dtype.js';
import { ValueError } from '../errors.js';

/** PyTorch's legacy storage classes and the element type each holds. */
export const TORCH_STORAGES: ReadonlyMap<string, ElementType> = new Map<string, ElementType>([
  ['FloatStorage', 'float32'],
  ['DoubleStorage', 'float64'],
  ['HalfStorage', 'float16'],
  ['BFloat16Storage', 'bfloat16'],
  ['LongStorage', 'int64'],
  ['IntStorage', 'int32'],
  ['ShortStorage', 'int16'],
  ['CharStorage', 'int8'],
  ['ByteStorage', 'uint8'],
  ['BoolStorage', 'bool'],
]);

const GLOBALS: ReadonlyMap<string, string> = new Map<string, string>([
  ['torch._utils _rebuild_tensor_v2', 'rebuild_v2'],
  ['torch._utils _rebuild_tensor', 'rebuild'],
  ['torch._utils _rebuild_parameter', 'parameter'],
  ['torch._utils _rebuild_parameter_with_state', 'parameter'],
  ...[...TORCH_STORAGES.keys()].map((k): [string, string] => [`torch ${k}`, `storage:${k}`]),
]);

const ALLOWED =
  'a torch.save checkpoint may only reference torch._utils._rebuild_tensor_v2 / _rebuild_tensor / _rebuild_parameter, the torch.*Storage classes of float, double, half, bfloat16, long, int, short, char, byte and bool tensors (in persistent ids), and collections.OrderedDict';

/** A storage loaded by `persistent_load`: its elements, decoded once. Never part of a result. */
class TorchStorage {
  /** Whether a tensor covering the whole storage took `decoded.data` as its own (no copy). */
  handedOver = false;
  constructor(
    readonly key: string,
    readonly element: ElementType,
    readonly numel: number,
    /** The elements; null until the legacy format's storage section is read. */
    public decoded: Decoded | null,
  ) {}
}

type Decoded = { dtype: NdArray['dtype']; data: DataArray; sourceDType?: string };
type OutTensor = { dtype: NdArray['dtype']; shape: readonly number[]; data: DataArray; sourceDType?: string };

/**
 * Where the storages' bytes are: the zip archive's records under `prefix` (`'archive/'`), or, for
 * the legacy format, the section after the pickles ({@link TorchPickle.readLegacyStorages}).
 */
export type StorageSource = { zip: ZipArchive; prefix: string } | 'legacy';

/** A key of `<archive>/data/`: what PyTorch writes (decimal indices), no path separators. */
const KEY = /^[A-Za-z0-9_.-]{1,64}$/;

/** The unpickler extension for one checkpoint: its storages, and the tensors it rebuilds. */
export class TorchPickle implements PickleExtension {
  readonly globals = GLOBALS;
  readonly allowed = ALLOWED;
  private readonly storages = new Map<string, TorchStorage>();
  /** The tensors rebuilt (what `_rebuild_parameter` accepts). */
  private readonly tensors = new WeakSet<object>();
  /** Legacy format: copies to make once the storages are read. */
  private readonly pending: (() => void)[] = [];

  constructor(
    private readonly source: StorageSource,
    /** The archive's `byteorder` record (PyTorch ≥ 2.0; 1.13 writes little-endian only), or the legacy `sys_info`. */
    private readonly littleEndian: boolean,
  ) {}

  /**
   * The legacy format's storage section, `bytes[pos..]`: for each key of `keys` (the pickled list
   * that follows the main pickle), an int64 element count and the elements. Every key must be a
   * storage the pickle declared, with the same count; then the tensors' copies are made.
   *
   * @returns The position after the section.
   */
  readLegacyStorages(keys: unknown, bytes: Uint8Array, pos: number, fail: (m: string) => never): number {
    if (!Array.isArray(keys) || !keys.every((k) => typeof k === 'string')) fail('the storage key list must be a list of str');
    const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (const key of keys as string[]) {
      const s = this.storages.get(key);
      if (s === undefined) fail(`the storage section lists '${key.slice(0, 64)}', which the pickle never references`);
      if (s.decoded !== null) fail(`the storage section lists '${key}' twice`);
      if (pos + 8 > bytes.length) fail(`storage '${key}': the file ends before its element count`);
      // The int64 count, as two 32-bit words in the file's byte order.
      const first = v.getUint32(pos, this.littleEndian);
      const second = v.getUint32(pos + 4, this.littleEndian);
      const numel = this.littleEndian ? second * 4294967296 + first : first * 4294967296 + second;
      if (numel !== s.numel) fail(`storage '${key}' holds ${numel} elements where the pickle declared ${s.numel}`);
      const nbytes = numel * itemSizeOf(s.element);
      if (pos + 8 + nbytes > bytes.length) fail(`storage '${key}': the file ends inside its ${nbytes} bytes`);
      s.decoded = decodeElements(bytes.subarray(pos + 8, pos + 8 + nbytes), s.element, numel, this.littleEndian);
      pos += 8 + nbytes;
    }
    for (const s of this.storages.values()) if (s.decoded === null) fail(`storage '${s.key}' is missing from the storage section`);
    for (const make of this.pending) make();
    return pos;
  }

  persistentLoad(pid: unknown, ctx: ExtensionContext): unknown {
    if (!(pid instanceof PyTuple)) return ctx.fail('persistent_load: the id must be a tuple');
    const [type, cls, key, location, numel] = pid.items as readonly unknown[];
    if (type !== 'storage') return ctx.fail(`persistent_load: only storages are allowed, not ${describeId(type)}`);
    const legacy = this.source === 'legacy';
    if (pid.length !== (legacy ? 6 : 5)) {
      return ctx.fail(`persistent_load: a storage id has ${legacy ? '6 items (legacy format)' : '5 items (zip format)'}, got ${pid.length}`);
    }
    if (legacy && pid.items[5] !== null) return ctx.fail('persistent_load: storage views (view_metadata) of the legacy format are not supported');
    if (!(cls instanceof GlobalRef) || !cls.tag.startsWith('storage:')) {
      return ctx.fail('persistent_load: the storage type must be a torch.*Storage class');
    }
    if (typeof key !== 'string' || !KEY.test(key)) return ctx.fail('persistent_load: malformed storage key');
    if (typeof location !== 'string') return ctx.fail('persistent_load: the location must be a str');
    if (typeof numel !== 'number' || !Number.isSafeInteger(numel) || numel < 0) {
      return ctx.fail('persistent_load: the element count must be a non-negative int');
    }
    const element = TORCH_STORAGES.get(cls.tag.slice('storage:'.length)) as ElementType;
    const known = this.storages.get(key);
    if (known !== undefined) {
      if (known.element !== element || known.numel !== numel) {
        ctx.fail(`persistent_load: storage '${key}' is referenced as ${known.numel} ${known.element} and as ${numel} ${element} elements`);
      }
      return known;
    }
    const nbytes = numel * itemSizeOf(element);
    let decoded: Decoded | null = null;
    if (this.source !== 'legacy') {
      const name = `${this.source.prefix}data/${key}`;
      const size = this.source.zip.size(name);
      if (size === undefined) return ctx.fail(`persistent_load: the archive has no record '${name}' for storage '${key}'`);
      if (size !== nbytes) {
        return ctx.fail(`persistent_load: storage '${key}' declares ${numel} ${element} elements (${nbytes} bytes) but its record holds ${size} bytes`);
      }
      ctx.charge(COST.typedArray + numel * Math.max(4, itemSizeOf(element)), 'a storage');
      decoded = decodeElements(this.source.zip.read(name), element, numel, this.littleEndian);
    } else {
      // Decoded after the pickles; charged now, before anything is allocated.
      ctx.charge(COST.typedArray + numel * Math.max(4, itemSizeOf(element)), 'a storage');
    }
    const s = new TorchStorage(key, element, numel, decoded);
    this.storages.set(key, s);
    return s;
  }

  call(tag: string, args: readonly unknown[], ctx: ExtensionContext): unknown {
    switch (tag) {
      case 'rebuild_v2': {
        if (args.length !== 6 && args.length !== 7) return ctx.fail(`_rebuild_tensor_v2 takes 6 or 7 arguments, got ${args.length}`);
        const [storage, offset, size, stride, requiresGrad, hooks, metadata] = args;
        if (typeof requiresGrad !== 'boolean') return ctx.fail('_rebuild_tensor_v2: requires_grad must be a bool');
        checkHooks(hooks, '_rebuild_tensor_v2', ctx);
        if (metadata !== undefined && metadata !== null && !(metadata instanceof Map)) {
          return ctx.fail('_rebuild_tensor_v2: metadata must be None or a dict');
        }
        return this.rebuild(storage, offset, size, stride, '_rebuild_tensor_v2', ctx);
      }
      case 'rebuild': {
        if (args.length !== 4) return ctx.fail(`_rebuild_tensor takes 4 arguments, got ${args.length}`);
        const [storage, offset, size, stride] = args;
        return this.rebuild(storage, offset, size, stride, '_rebuild_tensor', ctx);
      }
      case 'parameter': {
        if (args.length !== 3 && args.length !== 4) return ctx.fail(`_rebuild_parameter takes 3 or 4 arguments, got ${args.length}`);
        const [data, requiresGrad, hooks, state] = args;
        if (typeof data !== 'object' || data === null || !this.tensors.has(data)) return ctx.fail('_rebuild_parameter: data must be a tensor');
        if (typeof requiresGrad !== 'boolean') return ctx.fail('_rebuild_parameter: requires_grad must be a bool');
        checkHooks(hooks, '_rebuild_parameter', ctx);
        if (state !== undefined && state !== null && !(state instanceof Map)) {
          return ctx.fail('_rebuild_parameter_with_state: the state must be None or a dict');
        }
        return data;
      }
      default:
        // A storage class called directly, as in torch.FloatStorage(...).
        return ctx.fail(`torch.${tag.replace(/^storage:/, '')} may only appear in a persistent id`);
    }
  }

  build(target: unknown, state: unknown, ctx: ExtensionContext): boolean {
    // OrderedDict.__reduce__ carries the instance's attributes (a state dict's `_metadata`).
    if (target instanceof Map && state instanceof Map) {
      ctx.charge(0, 'BUILD');
      return true;
    }
    return false;
  }

  leafError(v: object): string | null {
    return v instanceof TorchStorage ? `the pickle returns the torch storage '${v.key}' itself, not a tensor` : null;
  }

  private rebuild(storage: unknown, offset: unknown, size: unknown, stride: unknown, fn: string, ctx: ExtensionContext): NdArray {
    if (!(storage instanceof TorchStorage)) return ctx.fail(`${fn}: the storage argument is not a storage from persistent_load`);
    if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0) {
      return ctx.fail(`${fn}: storage_offset must be a non-negative int`);
    }
    if (!(size instanceof PyTuple) || !(stride instanceof PyTuple) || size.length !== stride.length) {
      return ctx.fail(`${fn}: size and stride must be tuples of equal length`);
    }
    let numel: number;
    try {
      numel = checkedNumel(size.items, fn);
    } catch (e) {
      if (e instanceof ValueError) return ctx.fail(e.message);
      throw e;
    }
    const shape = size.items as readonly number[];
    const strides: number[] = [];
    for (let i = 0; i < stride.length; i++) {
      const s = stride.items[i];
      if (typeof s !== 'number' || !Number.isSafeInteger(s) || s < 0) {
        return ctx.fail(`${fn}: stride[${i}] must be a non-negative int, got ${String(s)}`);
      }
      strides.push(s);
    }
    let contiguous = true;
    if (numel > 0) {
      // The view's last element must lie inside the storage.
      let last = offset;
      let expect = 1;
      for (let i = shape.length - 1; i >= 0; i--) {
        const d = shape[i] as number;
        const s = strides[i] as number;
        if (d > 1) {
          if (s > storage.numel) return ctx.fail(`${fn}: stride[${i}] = ${s} reaches beyond the storage of ${storage.numel} elements`);
          last += (d - 1) * s;
          if (s !== expect) contiguous = false;
        }
        expect *= d;
      }
      if (last >= storage.numel) {
        return ctx.fail(`${fn}: the view (offset ${offset}, size (${shape.join(', ')}), stride (${strides.join(', ')})) reaches element ${last} of a storage of ${storage.numel}`);
      }
    }
    // The first tensor that is the whole storage takes its decoded array; later views copy it.
    const handOver = contiguous && offset === 0 && numel === storage.numel && !storage.handedOver;
    if (handOver) storage.handedOver = true;
    ctx.charge(COST.ndarray + (handOver ? 0 : numel * Math.max(4, itemSizeOf(storage.element))), 'a tensor');
    const kind = decodeElements(new Uint8Array(0), storage.element, 0);
    const out: OutTensor = { dtype: kind.dtype, shape: Object.freeze(shape.slice()), data: kind.data };
    if (kind.sourceDType !== undefined) out.sourceDType = kind.sourceDType;
    const make = (): void => {
      const src = (storage.decoded as Decoded).data;
      if (handOver) out.data = src;
      else out.data = contiguous || numel === 0 ? src.slice(offset, offset + numel) : gather(src, offset, shape, strides, numel);
    };
    if (storage.decoded === null) this.pending.push(make);
    else make();
    this.tensors.add(out);
    return out as NdArray;
  }
}

function checkHooks(hooks: unknown, fn: string, ctx: ExtensionContext): void {
  if (!(hooks instanceof Map) || hooks.size !== 0) ctx.fail(`${fn}: backward_hooks must be an empty OrderedDict (hooks are code)`);
}

function describeId(v: unknown): string {
  return typeof v === 'string' ? `'${v.slice(0, 40)}'` : `a ${typeof v}`;
}

/**
 * The elements of a strided view (numel > 0, at least one dimension), in row-major order: the last
 * dimension in an inner loop, an odometer over the others.
 */
function gather(src: DataArray, offset: number, shape: readonly number[], strides: readonly number[], numel: number): DataArray {
  const Ctor = src.constructor as new (n: number) => DataArray;
  const out = new Ctor(numel);
  const last = shape.length - 1;
  const lastN = shape[last] as number;
  const lastS = strides[last] as number;
  const idx = new Array<number>(last).fill(0);
  let base = offset;
  for (let o = 0; o < numel; o += lastN) {
    for (let j = 0, q = base; j < lastN; j++, q += lastS) out[o + j] = src[q] as number;
    for (let d = last - 1; d >= 0; d--) {
      idx[d] = (idx[d] as number) + 1;
      base += strides[d] as number;
      if ((idx[d] as number) < (shape[d] as number)) break;
      base -= (shape[d] as number) * (strides[d] as number);
      idx[d] = 0;
    }
  }
  return out;
}

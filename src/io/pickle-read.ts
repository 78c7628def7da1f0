/**
 * A restricted unpickler: an interpreter for the pickle opcodes (protocols 2–5) that
 * `pickle.dump` emits for a state dict of NumPy arrays, which never executes anything.
 *
 * Only these globals are resolved, each to a fixed, data-only behaviour:
 * `numpy.core.multiarray._reconstruct` / `numpy._core.multiarray._reconstruct`, `numpy.ndarray`,
 * `numpy.dtype`, `numpy.core.multiarray.scalar` / `numpy._core.multiarray.scalar`,
 * `numpy.core.numeric._frombuffer` / `numpy._core.numeric._frombuffer` (protocol 5 arrays),
 * `collections.OrderedDict`, `_codecs.encode` (protocol-2 bytes) and `builtins.bytes` /
 * `builtins.bytearray` (also spelled `__builtin__`). Any other global, an unknown opcode, a
 * truncated or malformed stream is an `UnpicklingError` (a `ValueError`).
 *
 * Safety properties:
 * - one linear pass; every opcode does O(1) work or work proportional to bytes it consumes or
 *   stack items it pops; the final validation walk visits each container once;
 * - every declared length is checked against the bytes present before anything is allocated, and
 *   array byte lengths against shape × itemsize;
 * - every object created (containers, marks, memo entries, strings, numbers, dict entries, decoded
 *   arrays, `_codecs.encode` results) is charged its approximate heap size against a budget of
 *   `maxExpansion` × the input size plus 1 MiB (src/io/limits.ts), so neither memo references
 *   nor runs of one-byte opcodes (`}`, `]`, `(`) can multiply memory or time;
 * - the result must be acyclic, nested at most `maxDepth` levels, and made only of model values
 *   (src/io/py-value.ts): no dtype or class objects escape.
 */
import { ByteReader, latin1Encode } from './byte-reader.js';
import { UnpicklingError } from './errors.js';
import { Budget, checkLimit, COST, DEFAULT_MAX_DEPTH, DEFAULT_MAX_EXPANSION } from './limits.js';
import { NpDType, NumpyReconstruction } from './numpy-pickle.js';
import { OP, opName } from './opcodes.js';
import { PyTuple, type PyKey, type PyValue } from './py-value.js';

/** The limits of {@link unpickle} (the same as `load`'s `maxExpansion` and `maxDepth`). */
export interface UnpickleOptions {
  /**
   * The objects created may cost this multiple of the input size (plus 1 MiB), counted as in
   * src/io/limits.ts. Default 32 (an honest file needs at most ~31: one-element arrays; real
   * arrays 2–11).
   */
  maxExpansion?: number;
  /** Deepest container nesting accepted in the result. Default 1000. */
  maxDepth?: number;
}

const HIGHEST_PROTOCOL = 5;

type GlobalKind =
  | 'reconstruct'
  | 'scalar'
  | 'frombuffer'
  | 'ndarray'
  | 'dtype'
  | 'OrderedDict'
  | 'encode'
  | 'bytes'
  | 'bytearray'
  | 'ext';

const ALLOWED_GLOBALS: ReadonlyMap<string, GlobalKind> = new Map<string, GlobalKind>([
  ['numpy.core.multiarray _reconstruct', 'reconstruct'],
  ['numpy._core.multiarray _reconstruct', 'reconstruct'],
  ['numpy.core.multiarray scalar', 'scalar'],
  ['numpy._core.multiarray scalar', 'scalar'],
  ['numpy.core.numeric _frombuffer', 'frombuffer'],
  ['numpy._core.numeric _frombuffer', 'frombuffer'],
  ['numpy ndarray', 'ndarray'],
  ['numpy dtype', 'dtype'],
  ['collections OrderedDict', 'OrderedDict'],
  ['_codecs encode', 'encode'],
  ['builtins bytes', 'bytes'],
  ['__builtin__ bytes', 'bytes'],
  ['builtins bytearray', 'bytearray'],
  ['__builtin__ bytearray', 'bytearray'],
]);

/** A resolved global (a function or class of the allow-list). Never part of a result. */
export class GlobalRef {
  constructor(
    readonly kind: GlobalKind,
    readonly qualname: string,
    /** For an extension's global (`kind` `'ext'`): the tag its `globals` map gave it. */
    readonly tag = '',
  ) {}
}

/** What an extension's hooks may do: refuse the input, charge the reader's budget. */
export interface ExtensionContext {
  /** Throws an `UnpicklingError` located at the current opcode. */
  fail(message: string): never;
  /** Charges `n` bytes for `what` to the budget (refusing once it is spent). */
  charge(n: number, what: string): void;
}

/**
 * A file format built on pickle (PyTorch's `torch.save`, src/io/torch-pickle.ts): its allow-list
 * replaces NumPy's (only `collections.OrderedDict` stays), and it gives BINPERSID, REDUCE of its
 * globals and BUILD on its objects a data-only meaning. Every hook charges the budget for what it
 * creates and reports malformed input through `ctx.fail` (an `UnpicklingError`).
 */
export interface PickleExtension {
  /** `'module name'` → a tag handed to `call`: the globals a file may reference. */
  readonly globals: ReadonlyMap<string, string>;
  /** What a file may reference, for the message refusing any other global. */
  readonly allowed: string;
  /** BINPERSID: the object the persistent id `pid` stands for. */
  persistentLoad(pid: unknown, ctx: ExtensionContext): unknown;
  /** REDUCE of the global tagged `tag` with the argument tuple's items. */
  call(tag: string, args: readonly unknown[], ctx: ExtensionContext): unknown;
  /** BUILD on `target`; false when the extension does not handle it. */
  build(target: unknown, state: unknown, ctx: ExtensionContext): boolean;
  /** Why `v` (an object the extension made) may not be part of a result, or null when it may. */
  leafError(v: object): string | null;
}

class Unpickler {
  private readonly r: ByteReader;
  private stack: unknown[] = [];
  private readonly metastack: unknown[][] = [];
  /**
   * The memo: dense indices (what CPython writes) in an array, any others in a Map. `memoCount`
   * is Python's `len(memo)`, the index MEMOIZE uses.
   */
  private readonly memoDense: unknown[] = [];
  private readonly memoSparse = new Map<number, unknown>();
  private memoCount = 0;
  private readonly np: NumpyReconstruction;

  constructor(
    bytes: Uint8Array,
    private readonly maxDepth: number,
    maxExpansion: number,
    private readonly ext: PickleExtension | null = null,
    budgetBase = bytes.length,
  ) {
    this.r = new ByteReader(bytes, maxExpansion, budgetBase);
    this.np = new NumpyReconstruction(this.r, kindOf);
  }

  get budget(): Budget {
    return this.r.budget;
  }

  /** The reader's position: after `run()`, the byte after STOP (where a following pickle starts). */
  get position(): number {
    return this.r.pos;
  }

  private fail(message: string, at = this.r.pos): never {
    return this.r.fail(message, at);
  }

  private charge(n: number, what: string): void {
    this.r.budget.charge(n, what);
  }

  private context(at: number): ExtensionContext {
    return { fail: (m) => this.fail(m, at), charge: (n, what) => this.charge(n, what) };
  }

  // ------------------------------------------------------------------ stack helpers
  /** Every value pushed costs a slot (and its later slot in a list or tuple is charged there). */
  private push(v: unknown): void {
    this.charge(COST.slot, 'a stack entry');
    this.stack.push(v);
  }
  private pop(op: string): unknown {
    if (this.stack.length === 0) this.fail(`${op}: stack underflow`);
    return this.stack.pop();
  }
  private top(op: string): unknown {
    if (this.stack.length === 0) this.fail(`${op}: stack underflow`);
    return this.stack[this.stack.length - 1];
  }
  private popMark(op: string): unknown[] {
    const items = this.stack;
    const prev = this.metastack.pop();
    if (prev === undefined) this.fail(`${op}: no MARK on the stack`);
    this.stack = prev;
    return items;
  }
  private memoPut(idx: number): void {
    const v = this.top('PUT');
    if (idx < this.memoDense.length) {
      this.memoDense[idx] = v;
    } else if (idx === this.memoDense.length && !this.memoSparse.has(idx)) {
      this.charge(COST.memo, 'a memo entry');
      this.memoDense.push(v);
      this.memoCount++;
    } else {
      if (!this.memoSparse.has(idx)) {
        this.charge(COST.sparseMemo, 'a memo entry');
        this.memoCount++;
      }
      this.memoSparse.set(idx, v);
    }
  }

  // ------------------------------------------------------------------ main loop
  run(): PyValue {
    const b = this.r.bytes;
    for (;;) {
      if (this.r.pos >= b.length) this.fail('pickle data was truncated: no STOP opcode');
      const at = this.r.pos;
      const code = b[this.r.pos++] as number;
      switch (code) {
        case OP.PROTO: {
          const v = this.r.u8();
          if (v > HIGHEST_PROTOCOL) this.fail(`unsupported pickle protocol: ${v}`, at);
          break;
        }
        case OP.FRAME: {
          // Framing is advisory; the declared frame must be present.
          const n = this.r.u64();
          this.r.need(n, 'a frame');
          break;
        }
        case OP.STOP: {
          if (this.metastack.length !== 0) this.fail('STOP with an unclosed MARK', at);
          if (this.stack.length !== 1) this.fail(`STOP with ${this.stack.length} values on the stack (expected 1)`, at);
          if (this.np.pendingCount !== 0) {
            this.fail('a numpy array created by _reconstruct never received its state (BUILD)', at);
          }
          return this.finish(this.stack[0]);
        }
        case OP.MARK:
          this.charge(COST.mark, 'a MARK');
          this.metastack.push(this.stack);
          this.stack = [];
          break;
        case OP.POP:
          if (this.stack.length > 0) this.stack.pop();
          else this.popMark('POP');
          break;
        case OP.POP_MARK:
          this.popMark('POP_MARK');
          break;
        case OP.DUP:
          this.push(this.top('DUP'));
          break;
        case OP.NONE:
          this.push(null);
          break;
        case OP.NEWTRUE:
          this.push(true);
          break;
        case OP.NEWFALSE:
          this.push(false);
          break;
        case OP.BININT:
          this.push(this.r.i32());
          break;
        case OP.BININT1:
          this.push(this.r.u8());
          break;
        case OP.BININT2:
          this.push(this.r.u16());
          break;
        case OP.LONG1:
          this.charge(COST.number, 'an integer');
          this.push(this.r.readLong(this.r.u8()));
          break;
        case OP.LONG4: {
          const n = this.r.i32();
          if (n < 0) this.fail(`LONG4: negative byte count ${n}`, at);
          this.charge(COST.number, 'an integer');
          this.push(this.r.readLong(n));
          break;
        }
        case OP.BINFLOAT: {
          // Big-endian.
          this.r.need(8, 'BINFLOAT');
          this.charge(COST.number, 'a float');
          this.push(this.r.view.getFloat64(this.r.pos, false));
          this.r.pos += 8;
          break;
        }
        case OP.SHORT_BINUNICODE:
          this.push(this.r.takeUtf8(this.r.u8()));
          break;
        case OP.BINUNICODE:
          this.push(this.r.takeUtf8(this.r.u32()));
          break;
        case OP.BINUNICODE8:
          this.push(this.r.takeUtf8(this.r.u64()));
          break;
        case OP.SHORT_BINSTRING: // Python-2 str, decoded as latin1 (paddle.load's encoding)
          this.push(this.r.takeLatin1(this.r.u8()));
          break;
        case OP.BINSTRING: {
          const n = this.r.i32();
          if (n < 0) this.fail(`BINSTRING: negative length ${n}`, at);
          this.push(this.r.takeLatin1(n));
          break;
        }
        case OP.SHORT_BINBYTES:
          this.push(this.r.take(this.r.u8(), 'SHORT_BINBYTES'));
          break;
        case OP.BINBYTES:
          this.push(this.r.take(this.r.u32(), 'BINBYTES'));
          break;
        case OP.BINBYTES8:
          this.push(this.r.take(this.r.u64(), 'BINBYTES8'));
          break;
        case OP.BYTEARRAY8:
          this.push(this.r.take(this.r.u64(), 'BYTEARRAY8'));
          break;
        case OP.EMPTY_DICT:
          this.charge(COST.dict, 'a dict');
          this.push(new Map<PyKey, PyValue>());
          break;
        case OP.EMPTY_LIST:
          this.charge(COST.list, 'a list');
          this.push([]);
          break;
        case OP.EMPTY_TUPLE:
          this.push(this.tuple([]));
          break;
        case OP.TUPLE1:
          this.push(this.tuple([this.pop('TUPLE1') as PyValue]));
          break;
        case OP.TUPLE2: {
          const y = this.pop('TUPLE2');
          const x = this.pop('TUPLE2');
          this.push(this.tuple([x as PyValue, y as PyValue]));
          break;
        }
        case OP.TUPLE3: {
          const z = this.pop('TUPLE3');
          const y = this.pop('TUPLE3');
          const x = this.pop('TUPLE3');
          this.push(this.tuple([x as PyValue, y as PyValue, z as PyValue]));
          break;
        }
        case OP.TUPLE:
          this.push(this.tuple(this.popMark('TUPLE') as PyValue[]));
          break;
        case OP.LIST: // the MARK's stack array becomes the list; charged at MARK
          this.push(this.popMark('LIST'));
          break;
        case OP.DICT: {
          const items = this.popMark('DICT');
          this.charge(COST.dict, 'a dict');
          const d = new Map<PyKey, PyValue>();
          this.setItems(d, items, 'DICT');
          this.push(d);
          break;
        }
        case OP.APPEND: {
          const v = this.pop('APPEND');
          const list = this.listAt('APPEND');
          this.charge(COST.slot, 'a list item');
          list.push(v);
          break;
        }
        case OP.APPENDS: {
          const items = this.popMark('APPENDS');
          const list = this.listAt('APPENDS');
          this.charge(COST.slot * items.length, 'list items');
          for (const it of items) list.push(it);
          break;
        }
        case OP.SETITEM: {
          const v = this.pop('SETITEM');
          const k = this.pop('SETITEM');
          this.setItems(this.dictAt('SETITEM'), [k, v], 'SETITEM');
          break;
        }
        case OP.SETITEMS: {
          const items = this.popMark('SETITEMS');
          this.setItems(this.dictAt('SETITEMS'), items, 'SETITEMS');
          break;
        }
        case OP.BINPUT:
          this.memoPut(this.r.u8());
          break;
        case OP.LONG_BINPUT:
          this.memoPut(this.r.u32());
          break;
        case OP.MEMOIZE:
          this.memoPut(this.memoCount);
          break;
        case OP.BINGET:
          this.push(this.memoGet(this.r.u8(), at));
          break;
        case OP.LONG_BINGET:
          this.push(this.memoGet(this.r.u32(), at));
          break;
        case OP.GLOBAL: {
          const module = this.r.readLine();
          const name = this.r.readLine();
          this.charge(COST.object, 'a global');
          this.push(this.resolveGlobal(module, name, at));
          break;
        }
        case OP.STACK_GLOBAL: {
          const name = this.pop('STACK_GLOBAL');
          const module = this.pop('STACK_GLOBAL');
          if (typeof name !== 'string' || typeof module !== 'string') {
            this.fail('STACK_GLOBAL requires str module and name', at);
          }
          this.charge(COST.object, 'a global');
          this.push(this.resolveGlobal(module, name, at));
          break;
        }
        case OP.REDUCE: {
          const args = this.pop('REDUCE');
          const fn = this.pop('REDUCE');
          this.push(this.reduce(fn, args, at));
          break;
        }
        case OP.NEWOBJ: {
          const args = this.pop('NEWOBJ');
          const cls = this.pop('NEWOBJ');
          if (!(cls instanceof GlobalRef) || cls.kind !== 'OrderedDict' || !(args instanceof PyTuple) || args.length !== 0) {
            this.fail(`NEWOBJ is only supported for collections.OrderedDict()`, at);
          }
          this.charge(COST.dict, 'a dict');
          this.push(new Map<PyKey, PyValue>());
          break;
        }
        case OP.BINPERSID: {
          if (this.ext === null) this.fail(`unsupported or unknown pickle opcode ${opName(code)}: a state-dict pickle has no persistent ids`, at);
          const pid = this.pop('BINPERSID');
          this.push(this.ext.persistentLoad(pid, this.context(at)));
          break;
        }
        case OP.BUILD: {
          const state = this.pop('BUILD');
          const target = this.top('BUILD');
          if (!(this.ext === null ? this.np.build(target, state, at) : this.ext.build(target, state, this.context(at)))) {
            this.fail(`BUILD is only supported on numpy arrays and dtypes, not on a ${kindOf(target)}`, at);
          }
          break;
        }
        default:
          this.fail(`unsupported or unknown pickle opcode ${opName(code)}`, at);
      }
    }
  }

  private memoGet(idx: number, at: number): unknown {
    if (idx < this.memoDense.length) return this.memoDense[idx];
    if (!this.memoSparse.has(idx)) this.fail(`memo value not found at index ${idx}`, at);
    return this.memoSparse.get(idx);
  }

  private listAt(op: string): unknown[] {
    const t = this.top(op);
    if (!Array.isArray(t)) this.fail(`${op} target is not a list`);
    return t;
  }

  private dictAt(op: string): Map<PyKey, PyValue> {
    const t = this.top(op);
    if (!(t instanceof Map)) this.fail(`${op} target is not a dict`);
    return t as Map<PyKey, PyValue>;
  }

  /** A tuple: its object and its frozen copy of the items. */
  private tuple(items: PyValue[]): PyTuple {
    this.charge(COST.tuple + COST.slot * items.length, 'a tuple');
    return new PyTuple(items);
  }

  private setItems(d: Map<PyKey, PyValue>, items: unknown[], op: string): void {
    if (items.length % 2 !== 0) this.fail(`${op}: odd number of items (${items.length})`);
    this.charge((COST.dictEntry * items.length) / 2, 'dict entries');
    for (let i = 0; i < items.length; i += 2) {
      const k = items[i];
      if (!isHashable(k)) this.fail(`${op}: unhashable dict key of type ${kindOf(k)}`);
      d.set(k, items[i + 1] as PyValue);
    }
  }

  private resolveGlobal(module: string, name: string, at: number): GlobalRef {
    const key = `${module} ${name}`;
    if (this.ext !== null) {
      const tag = this.ext.globals.get(key);
      if (tag !== undefined) return new GlobalRef('ext', `${module}.${name}`, tag);
      if (key === 'collections OrderedDict') return new GlobalRef('OrderedDict', 'collections.OrderedDict');
      this.fail(`global '${module}.${name}' is forbidden: ${this.ext.allowed}`, at);
    }
    const kind = ALLOWED_GLOBALS.get(key);
    if (kind === undefined) {
      this.fail(
        `global '${module}.${name}' is forbidden: a state-dict file may only reference numpy arrays, dtypes and scalars, collections.OrderedDict and bytes`,
        at,
      );
    }
    return new GlobalRef(kind, `${module}.${name}`);
  }

  // ------------------------------------------------------------------ calls
  private reduce(fn: unknown, args: unknown, at: number): unknown {
    if (!(fn instanceof GlobalRef)) this.fail(`REDUCE: the callable is a ${kindOf(fn)}, not an allowed global`, at);
    if (!(args instanceof PyTuple)) this.fail(`REDUCE: arguments of ${fn.qualname} must be a tuple`, at);
    const a = args.items as readonly unknown[];
    switch (fn.kind) {
      case 'reconstruct': {
        const cls = a[0];
        return this.np.reconstruct(fn.qualname, a, cls instanceof GlobalRef && cls.kind === 'ndarray', at);
      }
      case 'dtype':
        return this.np.dtype(a, at);
      case 'scalar':
        return this.np.scalar(fn.qualname, a, at);
      case 'frombuffer':
        return this.np.frombuffer(fn.qualname, a, at);
      case 'OrderedDict': {
        this.charge(COST.dict, 'a dict');
        const d = new Map<PyKey, PyValue>();
        if (a.length === 0) return d;
        // OrderedDict([[k, v], ...]) as older picklers wrote it.
        const items = a[0];
        if (a.length !== 1 || !Array.isArray(items)) this.fail('collections.OrderedDict: unsupported arguments', at);
        for (const pair of items as unknown[]) {
          const kv = pair instanceof PyTuple ? pair.items : pair;
          if (!Array.isArray(kv) || kv.length !== 2) this.fail('collections.OrderedDict: items must be pairs', at);
          this.setItems(d, kv as unknown[], 'OrderedDict');
        }
        return d;
      }
      case 'encode': {
        // _codecs.encode(str, 'latin1'): how protocol 2 writes bytes.
        const [s, enc] = a;
        if (a.length !== 2 || typeof s !== 'string' || typeof enc !== 'string') {
          this.fail('_codecs.encode: expected (str, encoding)', at);
        }
        const e = enc.toLowerCase().replace(/[-_ ]/g, '');
        if (e !== 'latin1' && e !== 'iso88591' && e !== 'l1') {
          this.fail(`_codecs.encode: only the latin1 encoding is supported, got '${enc}'`, at);
        }
        this.charge(COST.typedArray + s.length, '_codecs.encode');
        return latin1Encode(s, (m) => this.fail(m, at));
      }
      case 'bytes':
      case 'bytearray': {
        this.charge(COST.typedArray, fn.qualname);
        if (a.length === 0) return new Uint8Array(0);
        const src = a[0];
        if (a.length === 1 && src instanceof Uint8Array) {
          this.charge(src.length, fn.qualname);
          return src.slice();
        }
        return this.fail(`${fn.qualname}: only () or (bytes,) arguments are supported`, at);
      }
      case 'ndarray':
        return this.fail('numpy.ndarray cannot be called directly', at);
      case 'ext':
        if (this.ext === null) return this.fail(`${fn.qualname} cannot be called here`, at);
        return this.ext.call(fn.tag, a, this.context(at));
    }
  }

  // ------------------------------------------------------------------ final validation
  /**
   * Checks the result iteratively: only model values, no cycles, bounded depth. Each container
   * is expanded once, so shared references cost O(1).
   */
  private finish(root: unknown): PyValue {
    const done = new Set<object>();
    const onPath = new Set<object>();
    type Frame = { node: object; children: unknown[]; i: number };
    const frames: Frame[] = [];
    const enter = (v: unknown): void => {
      if (!isContainer(v)) {
        checkLeaf(v, (m) => this.fail(m, this.r.bytes.length));
        const why = this.ext !== null && typeof v === 'object' && v !== null ? this.ext.leafError(v) : null;
        if (why !== null) this.fail(why, this.r.bytes.length);
        return;
      }
      if (done.has(v)) return;
      if (onPath.has(v)) this.fail('the pickle contains a reference cycle, which a state dict never has', this.r.bytes.length);
      if (frames.length >= this.maxDepth) {
        this.fail(`containers are nested deeper than ${this.maxDepth} levels`, this.r.bytes.length);
      }
      onPath.add(v);
      frames.push({ node: v, children: childrenOf(v), i: 0 });
    };
    enter(root);
    while (frames.length > 0) {
      const f = frames[frames.length - 1] as Frame;
      if (f.i < f.children.length) {
        enter(f.children[f.i++]);
      } else {
        frames.pop();
        onPath.delete(f.node);
        done.add(f.node);
      }
    }
    return root as PyValue;
  }
}

function isContainer(v: unknown): v is unknown[] | PyTuple | Map<unknown, unknown> {
  return Array.isArray(v) || v instanceof PyTuple || v instanceof Map;
}

function childrenOf(v: unknown[] | PyTuple | Map<unknown, unknown>): unknown[] {
  if (Array.isArray(v)) return v;
  if (v instanceof PyTuple) return v.items as unknown[];
  const out: unknown[] = [];
  for (const [k, val] of v) out.push(k, val);
  return out;
}

function checkLeaf(v: unknown, fail: (m: string) => never): void {
  if (v === null || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'bigint' || typeof v === 'string') return;
  if (v instanceof Uint8Array) return;
  if (v instanceof GlobalRef) fail(`the pickle returns the object ${v.qualname} itself, which is not data`);
  if (v instanceof NpDType) fail('the pickle returns a bare numpy.dtype object, which is not supported as a value');
  if (typeof v === 'object') return; // a completed ndarray
  fail(`unexpected value of type ${typeof v}`);
}

function isHashable(k: unknown): k is PyKey {
  return (
    k === null ||
    typeof k === 'boolean' ||
    typeof k === 'number' ||
    typeof k === 'bigint' ||
    typeof k === 'string' ||
    k instanceof PyTuple ||
    k instanceof Uint8Array
  );
}

function kindOf(v: unknown): string {
  if (v instanceof GlobalRef) return v.qualname;
  if (v instanceof NpDType) return 'numpy.dtype';
  if (v === null) return 'None';
  if (Array.isArray(v)) return 'list';
  if (v instanceof Map) return 'dict';
  if (v instanceof PyTuple) return 'tuple';
  if (v instanceof Uint8Array) return 'bytes';
  if (typeof v === 'object') return 'numpy.ndarray';
  return typeof v;
}

/**
 * Reads a Python pickle (protocols 2–5) into the neutral value model, with the restricted unpickler
 * `load` uses: only NumPy's array globals, bounded time and memory. Python: `pickle.loads`.
 * @param bytes - The pickle.
 * @param options - {@link UnpickleOptions}: `maxExpansion` (default 32), `maxDepth` (default 1000).
 * @returns The value: null, booleans, numbers, bigints, strings, Uint8Array, arrays, PyTuple, Map and NdArray (see src/io/py-value.ts).
 * @throws {@link io.UnpicklingError} when `bytes` is not a Uint8Array, is empty, truncated or malformed, is not protocol 2 or higher, names a global outside the allow-list, or exceeds the expansion budget or `maxDepth`; {@link errors.TypeError} / {@link errors.ValueError} for a limit option that is not a positive number.
 */
export function unpickle(bytes: Uint8Array, options: UnpickleOptions = {}): PyValue {
  return unpickleBudgeted(bytes, options).value;
}

/**
 * `unpickle`, also returning the budget left for what the caller derives from the value. `format`:
 * a pickle-based file format's extension of the allow-list, and the size of the whole file its
 * budget is proportional to.
 */
export function unpickleBudgeted(
  bytes: Uint8Array,
  options: UnpickleOptions = {},
  format: { ext: PickleExtension; budgetBase: number } | null = null,
): { value: PyValue; budget: Budget; end: number } {
  if (!(bytes instanceof Uint8Array)) {
    throw new UnpicklingError(`unpickle expects a Uint8Array, but received ${kindOf(bytes)}.`);
  }
  const maxExpansion = checkLimit('unpickle', 'maxExpansion', options.maxExpansion, false) ?? DEFAULT_MAX_EXPANSION;
  const maxDepth = checkLimit('unpickle', 'maxDepth', options.maxDepth, true) ?? DEFAULT_MAX_DEPTH;
  if (bytes.length === 0) throw new UnpicklingError('pickle data was truncated: the input is empty');
  if (bytes[0] !== 0x80) {
    throw new UnpicklingError(
      `not a pickle of protocol 2 or higher: the data starts with ${opName(bytes[0] as number)}, not the PROTO opcode 0x80 (a .pdparams/.pdopt file, or a safetensors file read as pickle?)`,
    );
  }
  const u = format === null ? new Unpickler(bytes, maxDepth, maxExpansion) : new Unpickler(bytes, maxDepth, maxExpansion, format.ext, format.budgetBase);
  const value = u.run();
  return { value, budget: u.budget, end: u.position };
}

/**
 * The hostile corpus of issue 11 ("loader bombs"): small files that once cost far more time or
 * memory than their size, or ended in an undocumented `RangeError`. Each case is generated (no
 * binary files in the repository); `scale` shrinks the large ones (the fuzz tests use small seeds).
 * scripts/make-hostile-corpus.ts writes them to a directory for measurements by hand.
 *
 * `expect`: the documented error class a case must be refused with (and a message pattern naming
 * the limit), or `'either'` where loading within the bounds is as good as a refusal.
 */

export type Refusal = 'UnpicklingError' | 'SafetensorsError' | 'ValueError';

export interface HostileCase {
  name: string;
  format: 'pickle' | 'safetensors';
  /** What the file is and what it used to cost. */
  summary: string;
  expect: { refused: Refusal; message: RegExp } | 'either';
  make: () => Uint8Array;
}

/** A growable byte buffer with the pickle and safetensors pieces the corpus needs. */
export class Sink {
  private buf = new Uint8Array(1 << 16);
  length = 0;

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.length + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  op(...codes: number[]): this {
    this.reserve(codes.length);
    for (const c of codes) this.buf[this.length++] = c & 0xff;
    return this;
  }

  raw(b: Uint8Array): this {
    this.reserve(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
    return this;
  }

  /** `count` copies of the byte `code`. */
  repeat(code: number, count: number): this {
    this.reserve(count);
    this.buf.fill(code, this.length, this.length + count);
    this.length += count;
    return this;
  }

  u32(n: number): this {
    this.reserve(4);
    new DataView(this.buf.buffer).setUint32(this.length, n >>> 0, true);
    this.length += 4;
    return this;
  }

  i32(n: number): this {
    this.reserve(4);
    new DataView(this.buf.buffer).setInt32(this.length, n, true);
    this.length += 4;
    return this;
  }

  /** SHORT_BINUNICODE / BINUNICODE. */
  str(s: string): this {
    const b = new TextEncoder().encode(s);
    if (b.length < 256) this.op(0x8c, b.length);
    else this.op(0x58).u32(b.length);
    return this.raw(b);
  }

  /** SHORT_BINBYTES / BINBYTES. */
  bytes(b: Uint8Array): this {
    if (b.length < 256) this.op(0x43, b.length);
    else this.op(0x42).u32(b.length);
    return this.raw(b);
  }

  /** An int: BININT1, BININT or (beyond 2^31) LONG1 of 8 bytes. */
  int(n: number): this {
    if (n >= 0 && n < 256) return this.op(0x4b, n);
    if (n >= -(2 ** 31) && n < 2 ** 31) return this.op(0x4a).i32(n);
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigInt64(0, BigInt(n), true);
    return this.op(0x8a, 8).raw(b);
  }

  global(module: string, name: string): this {
    return this.op(0x63).raw(new TextEncoder().encode(`${module}\n${name}\n`));
  }

  /** A float32 numpy array of shape (n,) over `data` (n × 4 bytes), as NumPy pickles it. */
  f32array(data: Uint8Array): this {
    this.global('numpy.core.multiarray', '_reconstruct').global('numpy', 'ndarray');
    this.int(0).op(0x85).bytes(Uint8Array.of(0x62)).op(0x87, 0x52);
    this.op(0x28).int(1).int(data.length / 4).op(0x85);
    this.global('numpy', 'dtype').str('f4').op(0x89, 0x88, 0x87, 0x52);
    this.op(0x28).int(3).str('<').op(0x4e, 0x4e, 0x4e).int(-1).int(-1).int(0).op(0x74, 0x62);
    return this.op(0x89).bytes(data).op(0x74, 0x62);
  }

  done(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

const PROTO = (p: number): number[] => [0x80, p];
const MARK = 0x28;
const STOP = 0x2e;
const SETITEM = 0x73;
const SETITEMS = 0x75;
const APPENDS = 0x65;
const EMPTY_DICT = 0x7d;
const EMPTY_LIST = 0x5d;
const LONG_BINPUT = 0x72;
const LONG_BINGET = 0x6a;

/**
 * A state dict with `big@@.0 … big@@.{count-1}` and an `UnpackBigParamInfor@@` entry for "big"
 * of `OriginShape (originShape,)`. `distinct`: each slice its own array (of `elements` float32
 * zeros); otherwise one array referenced `count` times through the memo.
 */
export function splitPickle(opts: { elements: number; count: number; originShape: number; distinct: boolean }): Uint8Array {
  const s = new Sink().op(...PROTO(4), EMPTY_DICT, MARK);
  const payload = new Uint8Array(opts.elements * 4);
  for (let i = 0; i < opts.count; i++) {
    s.str(`big@@.${i}`);
    if (opts.distinct || i === 0) {
      s.f32array(payload);
      if (i === 0) s.op(LONG_BINPUT).u32(1);
    } else {
      s.op(LONG_BINGET).u32(1);
    }
  }
  s.str('UnpackBigParamInfor@@').op(EMPTY_DICT).str('big').op(EMPTY_DICT);
  s.str('OriginShape').int(opts.originShape).op(0x85, SETITEM);
  s.str('slices').op(EMPTY_LIST, MARK);
  for (let i = 0; i < opts.count; i++) s.str(`big@@.${i}`);
  s.op(APPENDS, SETITEM, SETITEM);
  return s.op(SETITEMS, STOP).done();
}

/** `\x80\x02](` + `count` × `code` + `e.`: a list of `count` empty containers. */
export function containerRun(code: number, count: number): Uint8Array {
  return new Sink().op(...PROTO(2), EMPTY_LIST, MARK).repeat(code, count).op(APPENDS, STOP).done();
}

/** The safetensors layout around a header text and data bytes. */
export function safetensors(header: string, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const h = new TextEncoder().encode(header);
  const out = new Uint8Array(8 + h.length + data.length);
  new DataView(out.buffer).setUint32(0, h.length, true);
  out.set(h, 8);
  out.set(data, 8 + h.length);
  return out;
}

/** A header listing `count` zero-size float32 tensors. */
export function zeroTensors(count: number): Uint8Array {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(`"t${i}":{"dtype":"F32","shape":[0],"data_offsets":[0,0]}`);
  return safetensors(`{${parts.join(',')}}`);
}

/** A safetensors file whose `__metadata__["paddle"]` JSON string is `paddle`. */
function paddleMeta(paddle: string): Uint8Array {
  return safetensors(`{"__metadata__":{"paddle":${JSON.stringify(paddle)}},"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}`, new Uint8Array(4));
}

const nested = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

/** The corpus; `scale` (0 < scale ≤ 1) shrinks the counts of the large cases. */
export function hostileCorpus(scale = 1): HostileCase[] {
  const n = (x: number): number => Math.max(1, Math.round(x * scale));
  const MB = 1 << 20;
  return [
    {
      name: 'split-shared-1000',
      format: 'pickle',
      summary: 'a 1M-float32 array referenced 1,000 times as big@@.0..999 (memo GET), OriginShape (1e9,): once a 1e9-element tensor (3.4 s, 7.6 GB)',
      expect: { refused: 'ValueError', message: /is the same array as slice .*distinct arrays/ },
      make: () => splitPickle({ elements: n(1_000_000), count: 1000, originShape: n(1_000_000) * 1000, distinct: false }),
    },
    {
      name: 'split-shared-5000',
      format: 'pickle',
      summary: 'the same with 5,000 slices: once an undocumented RangeError',
      expect: { refused: 'ValueError', message: /is the same array as slice .*distinct arrays/ },
      make: () => splitPickle({ elements: n(1_000_000), count: 5000, originShape: n(1_000_000) * 5000, distinct: false }),
    },
    {
      name: 'split-size-mismatch',
      format: 'pickle',
      summary: 'distinct slices whose sizes do not add up to OriginShape',
      expect: { refused: 'ValueError', message: /cannot reshape array of size 30 into shape \(1000000000\)/ },
      make: () => splitPickle({ elements: 10, count: 3, originShape: 1e9, distinct: true }),
    },
    {
      name: 'split-huge-origin-shape',
      format: 'pickle',
      summary: 'OriginShape beyond 2^53 elements',
      expect: { refused: 'ValueError', message: /not a tuple of non-negative ints|more than 2\^53 elements/ },
      make: () => splitPickle({ elements: 10, count: 2, originShape: 2 ** 60, distinct: true }),
    },
    {
      name: 'empty-dicts',
      format: 'pickle',
      summary: "'\\x80\\x02](' + 4 MB of '}' + 'e.': once ~25 s and GBs (10 MB: 58 s, 4.3 GB)",
      expect: { refused: 'UnpicklingError', message: /would expand the pickle beyond .*maxExpansion/ },
      make: () => containerRun(EMPTY_DICT, n(4 * MB)),
    },
    {
      name: 'empty-lists',
      format: 'pickle',
      summary: "the same with ']' (empty lists)",
      expect: { refused: 'UnpicklingError', message: /would expand the pickle beyond/ },
      make: () => containerRun(EMPTY_LIST, n(4 * MB)),
    },
    {
      name: 'empty-tuples',
      format: 'pickle',
      summary: "the same with ')' (empty tuples)",
      expect: { refused: 'UnpicklingError', message: /would expand the pickle beyond/ },
      make: () => containerRun(0x29, n(4 * MB)),
    },
    {
      name: 'marks',
      format: 'pickle',
      summary: "4 MB of '(' (MARK: a new stack each)",
      expect: { refused: 'UnpicklingError', message: /would expand the pickle beyond/ },
      make: () => new Sink().op(...PROTO(2)).repeat(MARK, n(4 * MB)).op(STOP).done(),
    },
    {
      name: 'empty-bytes',
      format: 'pickle',
      summary: "2 MB of SHORT_BINBYTES b'' (a typed array per 2 bytes)",
      expect: { refused: 'UnpicklingError', message: /would expand the pickle beyond/ },
      make: () => {
        const s = new Sink().op(...PROTO(4), EMPTY_LIST, MARK);
        for (let i = 0; i < n(MB); i++) s.op(0x43, 0);
        return s.op(APPENDS, STOP).done();
      },
    },
    {
      name: 'dup-slots',
      format: 'pickle',
      summary: "a list of 4M references to None made by DUP ('2')",
      expect: 'either',
      make: () => new Sink().op(...PROTO(2), EMPTY_LIST, MARK, 0x4e).repeat(0x32, n(4 * MB)).op(APPENDS, STOP).done(),
    },
    {
      name: 'sparse-memo',
      format: 'pickle',
      summary: '700k LONG_BINPUTs at scattered memo indices',
      expect: 'either',
      make: () => {
        const s = new Sink().op(...PROTO(4), 0x4e);
        for (let i = 0; i < n(700_000); i++) s.op(LONG_BINPUT).u32((i * 2654435761) >>> 1);
        return s.op(STOP).done();
      },
    },
    {
      name: 'short-strings',
      format: 'pickle',
      summary: 'a list of 1M two-character strings',
      expect: 'either',
      make: () => {
        const s = new Sink().op(...PROTO(4), EMPTY_LIST, MARK);
        for (let i = 0; i < n(1_000_000); i++) s.op(0x8c, 2, 97 + (i % 26), 97 + ((i >> 5) % 26));
        return s.op(APPENDS, STOP).done();
      },
    },
    {
      name: 'codecs-encode-memo',
      format: 'pickle',
      summary: 'one 256 KiB str encoded 10,000 times through the memo (_codecs.encode)',
      expect: { refused: 'UnpicklingError', message: /would expand the pickle beyond/ },
      make: () => {
        const s = new Sink().op(...PROTO(4)).global('_codecs', 'encode').op(0x94);
        s.str('x'.repeat(1 << 18)).op(0x94).str('latin1').op(0x94, 0x30, 0x30, 0x30, EMPTY_LIST);
        for (let i = 0; i < 10000; i++) s.op(0x68, 0, 0x68, 1, 0x68, 2, 0x86, 0x52, 0x30);
        return s.op(STOP).done();
      },
    },
    {
      name: 'deep-lists',
      format: 'pickle',
      summary: 'lists nested 100,000 deep',
      // The budget (a list per byte) or the depth limit, whichever comes first.
      expect: { refused: 'UnpicklingError', message: /nested deeper than 1000 levels|would expand the pickle beyond/ },
      make: () => new Sink().op(...PROTO(4)).repeat(EMPTY_LIST, n(100_000)).repeat(0x61, n(100_000) - 1).op(STOP).done(),
    },
    {
      name: 'st-zero-tensors-over-limit',
      format: 'safetensors',
      summary: 'a header listing 100,001 zero-size tensors (the 100 MB one with 1.67M took 26 s and 2.1 GB)',
      expect: { refused: 'SafetensorsError', message: /more than 100000 tensors .*maxTensors/ },
      make: () => zeroTensors(100_001),
    },
    {
      name: 'st-zero-tensors',
      format: 'safetensors',
      summary: 'a header listing 50,000 zero-size tensors (under the limit: loads)',
      expect: 'either',
      make: () => zeroTensors(n(50_000)),
    },
    {
      name: 'st-nested-metadata',
      format: 'safetensors',
      summary: "2,000 nested '[' in __metadata__: once a RangeError",
      expect: { refused: 'SafetensorsError', message: /nested deeper than 64 levels/ },
      make: () => safetensors(`{"__metadata__":{"x":${nested(2000)}}}`),
    },
    {
      name: 'st-nested-extra-field',
      format: 'safetensors',
      summary: 'an unknown tensor field nested 100,000 deep',
      expect: { refused: 'SafetensorsError', message: /nested deeper than 64 levels/ },
      make: () => safetensors(`{"w":{"dtype":"F32","shape":[0],"data_offsets":[0,0],"x":${nested(n(100_000))}}}`),
    },
    {
      name: 'st-proto-dtype',
      format: 'safetensors',
      summary: 'dtype "__proto__": once looked up through the prototype chain',
      expect: { refused: 'SafetensorsError', message: /dtype "__proto__" is not supported/ },
      make: () => safetensors('{"w":{"dtype":"__proto__","shape":[1],"data_offsets":[0,4]}}', new Uint8Array(4)),
    },
    {
      name: 'st-constructor-dtype',
      format: 'safetensors',
      summary: 'dtype "constructor"',
      expect: { refused: 'SafetensorsError', message: /dtype "constructor" is not supported/ },
      make: () => safetensors('{"w":{"dtype":"constructor","shape":[1],"data_offsets":[0,4]}}', new Uint8Array(4)),
    },
    {
      name: 'st-float-shape',
      format: 'safetensors',
      summary: 'shape [4.0]: once accepted',
      expect: { refused: 'SafetensorsError', message: /"w" → "shape" holds the number 4\.0, not a non-negative integer/ },
      make: () => safetensors('{"w":{"dtype":"F32","shape":[4.0],"data_offsets":[0,16]}}', new Uint8Array(16)),
    },
    {
      name: 'st-exponent-offsets',
      format: 'safetensors',
      summary: 'data_offsets [0, 1.6e1]',
      expect: { refused: 'SafetensorsError', message: /"data_offsets" holds the number 1\.6e1/ },
      make: () => safetensors('{"w":{"dtype":"F32","shape":[4],"data_offsets":[0,1.6e1]}}', new Uint8Array(16)),
    },
    {
      name: 'st-header-length-huge',
      format: 'safetensors',
      summary: 'a declared header length of 2^31 in a small file',
      expect: { refused: 'SafetensorsError', message: /header length/ },
      make: () => {
        const b = safetensors('{}');
        new DataView(b.buffer).setUint32(0, 2 ** 31, true);
        return b;
      },
    },
    {
      name: 'st-paddle-meta-deep',
      format: 'safetensors',
      summary: 'Paddle metadata JSON nested 100,000 deep: once a stack overflow (RangeError)',
      expect: { refused: 'ValueError', message: /nested deeper than 1000 levels/ },
      make: () => paddleMeta(`{"order":["w"],"names":{},"extra":{"x":${nested(n(100_000))}}}`),
    },
    {
      name: 'st-paddle-meta-empty-objects',
      format: 'safetensors',
      summary: 'Paddle metadata JSON of 1M empty objects',
      expect: 'either',
      make: () => paddleMeta(`{"order":["w","x"],"names":{},"extra":{"x":[${Array(n(1_000_000)).fill('{}').join(',')}]}}`),
    },
  ];
}

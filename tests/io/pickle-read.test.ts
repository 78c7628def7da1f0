import { describe, expect, it } from 'vitest';
import { ValueError } from '../../src/errors.js';
import { UnpicklingError } from '../../src/io/errors.js';
import { isNdArray, type NdArray } from '../../src/io/ndarray.js';
import { unpickle } from '../../src/io/pickle-read.js';
import { PyTuple } from '../../src/io/py-value.js';
import {
  APPEND,
  asm,
  BINGET,
  BININT,
  BININT1,
  BUILD,
  bytes,
  dtype,
  EMPTY_DICT,
  EMPTY_LIST,
  EMPTY_TUPLE,
  f32bytes,
  global,
  i32,
  MARK,
  MEMOIZE,
  ndarray,
  NONE,
  POP,
  PROTO4,
  REDUCE,
  SETITEM,
  STOP,
  str,
  TUPLE,
  TUPLE1,
  TUPLE2,
  u32,
  u64,
} from './asm.js';
import { expectedOf, expectPy, fixture } from './helpers.js';

const READABLE = [
  'linear.p2.pdparams',
  'linear.p3.pdparams',
  'linear.p4.pdparams',
  'rmsprop.p2.pdopt',
  'rmsprop.p4.pdopt',
  'numpy1.p2.pdparams',
  'numpy1.p3.pdparams',
  'numpy1.p4.pdparams',
  'numpy1-rmsprop.p2.pdopt',
  'numpy1-rmsprop.p3.pdopt',
  'numpy1-rmsprop.p4.pdopt',
  'generic.p4.pdparams',
  'tensor.p4.pdtensor',
  'bare.p4.pdparams',
  'mixed.p2.pkl',
  'mixed.p3.pkl',
  'mixed.p4.pkl',
  'mixed.p5.pkl',
];

describe('unpickle: files written by CPython pickle + NumPy', () => {
  it.each(READABLE)('%s reads to the values Python pickled', (name) => {
    expectPy(unpickle(fixture(name)), expectedOf(name));
  });

  it('split.p2.pdparams reads to the raw split layout (slices + UnpackBigParamInfor@@)', () => {
    expectPy(unpickle(fixture('split.p2.pdparams')), expectedOf('split.p2.pdparams#raw'));
  });

  it('keeps shared references shared (one array object, one list object)', () => {
    const v = unpickle(fixture('shared.p4.pkl')) as Map<string, unknown>;
    expect(v.get('a')).toBe(v.get('b'));
    expect(v.get('l1')).toBe(v.get('l2'));
    expect(v.get('l1')).toEqual([1, 2]);
  });

  it('keeps dict insertion order and key types (int 1 and str "1" are different keys)', () => {
    const v = unpickle(fixture('mixed.p4.pkl')) as Map<string, unknown>;
    const m = v.get('int_keys') as Map<unknown, unknown>;
    expect([...m.keys()]).toEqual([2, 1, '1']);
    expect(m.get(1)).toBe('one');
    expect(m.get('1')).toBe('str-one');
  });

  it('widens float16 / int8 / uint32 exactly and records the stored type', () => {
    const v = unpickle(fixture('mixed.p4.pkl')) as Map<string, NdArray>;
    const f16 = v.get('f16') as NdArray;
    expect(f16.dtype).toBe('float32');
    expect(f16.sourceDType).toBe('float16');
    expect(Array.from(f16.data)).toEqual([0.5, -2, 65504, Math.fround(5.960464477539063e-8), Infinity]);
    expect((v.get('u32') as NdArray).dtype).toBe('int64');
    expect(Array.from((v.get('u32') as NdArray).data)).toEqual([0, 4294967295]);
  });

  it('reorders a Fortran-order array to C order and byte-swaps a big-endian one', () => {
    const v = unpickle(fixture('mixed.p5.pkl')) as Map<string, NdArray>;
    const f = v.get('fortran') as NdArray;
    expect([...f.shape]).toEqual([2, 3, 4]);
    expect(Array.from(f.data)).toEqual(Array.from({ length: 24 }, (_, i) => i));
    const be = v.get('bigendian') as NdArray;
    expect(Array.from(be.data)).toEqual([0, 1 / 3, 2 / 3, 1, 4 / 3]);
  });
});

describe('unpickle: well-formed files holding values the library cannot represent', () => {
  it('an int64 beyond 2^53 is a ValueError naming the value', () => {
    const err = catchErr(() => unpickle(fixture('int64-overflow.p4.pkl')));
    expect(err).toBeInstanceOf(ValueError);
    expect(err).not.toBeInstanceOf(UnpicklingError);
    expect(err.message).toContain('9007199254740992');
  });
  it('a uint64 beyond 2^53 is a ValueError', () => {
    expect(catchErr(() => unpickle(fixture('uint64-overflow.p4.pkl'))).message).toContain('18446744073709551615');
  });
  it.each([
    ['complex.p4.pkl', "'c8'"],
    ['object-array.p4.pkl', "'O8'"],
    ['str-array.p4.pkl', "'U2'"],
  ])('%s: the dtype is rejected by name', (name, dt) => {
    const err = catchErr(() => unpickle(fixture(name)));
    expect(err).toBeInstanceOf(UnpicklingError);
    expect(err.message).toContain(dt);
  });
});

function catchErr(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

/** Each hostile stream, and the message fragment of the UnpicklingError it must raise. */
const HOSTILE: [string, Uint8Array, RegExp][] = [
  ['os.system via GLOBAL', asm(PROTO4, global('os', 'system'), str('echo pwned'), TUPLE1, REDUCE, STOP), /global 'os\.system' is forbidden/],
  ['builtins.eval via STACK_GLOBAL', asm(PROTO4, str('builtins'), str('eval'), 0x93, STOP), /global 'builtins\.eval' is forbidden/],
  ['builtins.getattr', asm(PROTO4, global('builtins', 'getattr'), STOP), /forbidden/],
  ['numpy.load', asm(PROTO4, global('numpy', 'load'), STOP), /forbidden/],
  ['subprocess.Popen via NEWOBJ', asm(PROTO4, global('subprocess', 'Popen'), EMPTY_TUPLE, 0x81, STOP), /forbidden/],
  ['_reconstruct of a non-ndarray class', asm(PROTO4, global('numpy.core.multiarray', '_reconstruct'), global('collections', 'OrderedDict'), BININT1(0), TUPLE1, bytes(Uint8Array.of(0x62)), 0x87, REDUCE, STOP), /only numpy\.ndarray/],
  ['_codecs.encode with another codec', asm(PROTO4, global('_codecs', 'encode'), str('x'), str('rot13'), TUPLE2, REDUCE, STOP), /only the latin1 encoding/],
  ['calling a non-global', asm(PROTO4, EMPTY_LIST, EMPTY_TUPLE, REDUCE, STOP), /not an allowed global/],
  ['INST (protocol 0 class instance)', asm(PROTO4, 0x69, 'os\nsystem\n', STOP), /unknown pickle opcode 'i'/],
  ['OBJ', asm(PROTO4, MARK, 0x6f, STOP), /unknown pickle opcode 'o'/],
  ['PERSID', asm(PROTO4, 0x50, 'x\n', STOP), /unknown pickle opcode 'P'/],
  ['BINPERSID', asm(PROTO4, NONE, 0x51, STOP), /unknown pickle opcode 'Q'/],
  ['EXT1', asm(PROTO4, 0x82, 1, STOP), /0x82/],
  ['NEWOBJ_EX', asm(PROTO4, 0x92, STOP), /0x92/],
  ['NEXT_BUFFER (out-of-band)', asm([0x80, 5], 0x97, STOP), /0x97/],
  ['EMPTY_SET', asm(PROTO4, 0x8f, STOP), /0x8f/],
  ['byte 0xff', asm(PROTO4, 0xff), /0xff/],
  ['unsupported protocol 6', asm([0x80, 6], NONE, STOP), /unsupported pickle protocol: 6/],
  ['text that is not a pickle (wrong magic)', asm('hello world'), /not a pickle of protocol 2 or higher: the data starts with 'h'/],
  ['a protocol-0 pickle', asm('(dp0\n.'), /not a pickle of protocol 2/],
  ['empty input', new Uint8Array(0), /empty/],
  ['no STOP', asm(PROTO4, NONE), /no STOP/],
  ['BINBYTES8 declaring 2^60 bytes', asm(PROTO4, 0x8e, u64(1n << 60n), STOP), /truncated/],
  ['BINUNICODE declaring 4 GiB', asm(PROTO4, 0x58, u32(0xffffffff), 'abc'), /truncated/],
  ['FRAME declaring 2^63 bytes', asm(PROTO4, 0x95, u64(1n << 63n), NONE, STOP), /truncated/],
  ['LONG4 declaring 2^31-1 bytes', asm(PROTO4, 0x8b, i32(0x7fffffff), STOP), /larger than this reader accepts/],
  ['BINSTRING with a negative length', asm([0x80, 2], 0x54, i32(-5), STOP), /negative/],
  ['a string that is not UTF-8 (lone surrogate)', asm(PROTO4, 0x8c, 3, [0xed, 0xa0, 0x80], STOP), /not valid UTF-8/],
  ['BINGET of a missing memo entry', asm(PROTO4, BINGET(7), STOP), /memo value not found at index 7/],
  ['APPEND to a dict', asm(PROTO4, EMPTY_DICT, NONE, APPEND, STOP), /APPEND target is not a list/],
  ['SETITEM on a list', asm(PROTO4, EMPTY_LIST, NONE, NONE, SETITEM, STOP), /SETITEM target is not a dict/],
  ['a list as a dict key', asm(PROTO4, EMPTY_DICT, EMPTY_LIST, NONE, SETITEM, STOP), /unhashable dict key/],
  ['BUILD on a dict', asm(PROTO4, EMPTY_DICT, EMPTY_DICT, BUILD, STOP), /BUILD is only supported/],
  ['POP on an empty stack', asm(PROTO4, POP, STOP), /no MARK/],
  ['STOP with two values', asm(PROTO4, NONE, NONE, STOP), /2 values on the stack/],
  ['STOP with an open MARK', asm(PROTO4, MARK, NONE, STOP), /unclosed MARK/],
  ['TUPLE without MARK', asm(PROTO4, NONE, TUPLE, STOP), /no MARK/],
  ['a bare dtype as the result', asm(PROTO4, dtype(), STOP), /bare numpy\.dtype/],
  ['a class as the result', asm(PROTO4, global('numpy', 'ndarray'), STOP), /numpy\.ndarray itself/],
  ['an array that never gets BUILD', asm(PROTO4, global('numpy.core.multiarray', '_reconstruct'), global('numpy', 'ndarray'), BININT1(0), TUPLE1, bytes(Uint8Array.of(0x62)), 0x87, REDUCE, STOP), /never received its state/],
  ['a negative dimension', asm(PROTO4, ndarray([BININT(-1)], f32bytes([1])), STOP), /shape\[0\] must be a non-negative integer, but received -1/],
  ['a float dimension', asm(PROTO4, ndarray([[0x47, new Uint8Array([0x3f, 0xf8, 0, 0, 0, 0, 0, 0])]], f32bytes([1])), STOP), /shape\[0\] must be a non-negative integer, but received 1\.5/],
  ['a str dimension', asm(PROTO4, ndarray([str('3')], f32bytes([1, 2, 3])), STOP), /shape\[0\] must be a non-negative integer/],
  ['dims whose product exceeds the data', asm(PROTO4, ndarray([BININT(1 << 20), BININT(1 << 20)], f32bytes([1])), STOP), /buffer size does not match array size/],
  ['dims whose product exceeds 2^53', asm(PROTO4, ndarray([BININT(1 << 30), BININT(1 << 30), BININT(1 << 30)], f32bytes([1])), STOP), /more than 2\^53 elements/],
  ['65 dimensions', asm(PROTO4, ndarray(Array.from({ length: 65 }, () => BININT1(1)), f32bytes([1])), STOP), /at most 64 dimensions/],
  ['data shorter than shape × itemsize', asm(PROTO4, ndarray([BININT1(3)], f32bytes([1, 2])), STOP), /needs 12 bytes, got 8/],
  ['a structured dtype state', asm(PROTO4, global('numpy', 'dtype'), str('f4'), TUPLE1, REDUCE, MARK, BININT1(3), str('<'), NONE, EMPTY_TUPLE, NONE, BININT(-1), BININT(-1), BININT1(0), TUPLE, BUILD, STOP), /structured or sub-array/],
  ['a self-containing list (cycle)', asm(PROTO4, EMPTY_LIST, MEMOIZE, BINGET(0), APPEND, STOP), /reference cycle/],
];

describe('unpickle: hostile and malformed streams are rejected with UnpicklingError', () => {
  it.each(HOSTILE)('%s', (_name, data, message) => {
    const err = catchErr(() => unpickle(data));
    expect(err).toBeInstanceOf(UnpicklingError);
    expect(err).toBeInstanceOf(ValueError);
    expect(err.message).toMatch(message);
  });

  it('a valid hand-assembled array reads (the assembler itself is sound)', () => {
    const v = unpickle(asm(PROTO4, ndarray([BININT1(2)], f32bytes([1.5, -2])), STOP));
    expect(isNdArray(v)).toBe(true);
    expect(Array.from((v as NdArray).data)).toEqual([1.5, -2]);
  });

  it('every proper prefix of a valid file is rejected as truncated or incomplete', () => {
    const data = fixture('rmsprop.p4.pdopt');
    for (let n = 0; n < data.length; n++) {
      const err = catchErr(() => unpickle(data.subarray(0, n)));
      expect(err, `prefix of ${n} bytes`).toBeInstanceOf(UnpicklingError);
    }
  });

  it('bytes after STOP are ignored, as pickle.loads does', () => {
    const data = asm(fixture('linear.p4.pdparams'), 'garbage');
    expect(unpickle(data)).toBeInstanceOf(Map);
  });

  it('refuses to multiply a memoized payload (expansion bomb) long before memory runs out', () => {
    // One 256 KiB string, then 10 000 calls of _codecs.encode on it through the memo: 2.5 GiB if
    // executed naively. The budget stops it after a few dozen calls.
    const big = 'x'.repeat(1 << 18);
    const call = [BINGET(0), BINGET(1), BINGET(2), TUPLE2, REDUCE, POP];
    const data = asm(
      PROTO4,
      global('_codecs', 'encode'), MEMOIZE,
      str(big), MEMOIZE,
      str('latin1'), MEMOIZE,
      POP, POP, POP,
      EMPTY_LIST,
      Array.from({ length: 10000 }, () => call),
      STOP,
    );
    const t0 = performance.now();
    const err = catchErr(() => unpickle(data));
    expect(err).toBeInstanceOf(UnpicklingError);
    expect(err.message).toMatch(/would expand the pickle beyond/);
    expect(performance.now() - t0).toBeLessThan(5000); // a hang guard, not a benchmark
  });

  it('the same bomb through numpy BUILD (one payload, many arrays) is refused too', () => {
    const payload = new Uint8Array(1 << 18);
    const arr = [
      BINGET(0), BINGET(1), BININT1(0), TUPLE1, BINGET(2), 0x87, REDUCE,
      MARK, BININT1(1), BININT(1 << 16), TUPLE1, BINGET(3), NEWFALSE_, BINGET(4), TUPLE, BUILD,
      POP,
    ];
    const data = asm(
      PROTO4,
      global('numpy.core.multiarray', '_reconstruct'), MEMOIZE, POP,
      global('numpy', 'ndarray'), MEMOIZE, POP,
      bytes(Uint8Array.of(0x62)), MEMOIZE, POP,
      dtype(), MEMOIZE, POP,
      [0x42, u32(payload.length), payload], MEMOIZE, POP,
      Array.from({ length: 2000 }, () => arr),
      NONE,
      STOP,
    );
    expect(catchErr(() => unpickle(data)).message).toMatch(/would expand the pickle beyond/);
  });

  it('nesting deeper than maxDepth is rejected; shallower nesting is accepted', () => {
    const nested = (depth: number): Uint8Array =>
      asm(PROTO4, Array.from({ length: depth }, () => EMPTY_LIST), Array.from({ length: depth - 1 }, () => APPEND), STOP);
    expect(catchErr(() => unpickle(nested(1500))).message).toMatch(/nested deeper than 1000 levels/);
    let v = unpickle(nested(900)) as unknown[];
    let depth = 1;
    while (v.length > 0) {
      v = v[0] as unknown[];
      depth++;
    }
    expect(depth).toBe(900);
    expect(catchErr(() => unpickle(nested(50), { maxDepth: 10 })).message).toMatch(/deeper than 10/);
  });

  it('a DAG with exponential path count is validated in linear time', () => {
    // l0 = [], l_{i+1} = [l_i, l_i]: 2^60 paths, 61 nodes.
    const parts: unknown[] = [PROTO4, EMPTY_LIST, MEMOIZE];
    for (let i = 0; i < 60; i++) parts.push(EMPTY_LIST, MARK, BINGET(i), BINGET(i), 0x65, MEMOIZE, POP);
    parts.push(POP, BINGET(60), STOP);
    const t0 = performance.now();
    const v = unpickle(asm(...(parts as never[])));
    expect(Array.isArray(v)).toBe(true);
    expect(performance.now() - t0).toBeLessThan(1000); // a hang guard
  });
});

const NEWFALSE_ = 0x89;

describe('unpickle: opcode coverage', () => {
  it('reads LONG1 / LONG4 integers (sign, width, bigint beyond 2^53)', () => {
    expect(unpickle(asm(PROTO4, 0x8a, 0, STOP))).toBe(0);
    expect(unpickle(asm(PROTO4, 0x8a, 1, 0xff, STOP))).toBe(-1);
    expect(unpickle(asm(PROTO4, 0x8a, 2, [0x00, 0x80], STOP))).toBe(-32768);
    expect(unpickle(asm(PROTO4, 0x8a, 8, [0, 0, 0, 0, 0, 0, 0x20, 0], STOP))).toBe(2n ** 53n);
    expect(unpickle(asm(PROTO4, 0x8a, 7, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x1f], STOP))).toBe(2 ** 53 - 1);
    expect(unpickle(asm(PROTO4, 0x8b, i32(9), [0, 0, 0, 0, 0, 0, 0, 0, 1], STOP))).toBe(1n << 64n);
  });

  it('reads protocol-2 Python-2 strings (BINSTRING) as latin1 text, and ndarray data given as text', () => {
    expect(unpickle(asm([0x80, 2], 0x55, 2, [0x61, 0xe9], STOP))).toBe('aé');
    const data = f32bytes([1, 2]);
    const latin = String.fromCharCode(...data);
    const arr = unpickle(
      asm(
        [0x80, 2],
        global('numpy.core.multiarray', '_reconstruct'), global('numpy', 'ndarray'), BININT1(0), TUPLE1, 0x55, 1, 'b', 0x87, REDUCE,
        MARK, BININT1(1), BININT1(2), TUPLE1, dtype(), NEWFALSE_, 0x54, i32(latin.length), latin, TUPLE, BUILD,
        STOP,
      ),
    ) as NdArray;
    expect(Array.from(arr.data)).toEqual([1, 2]);
  });

  it('reads DICT / LIST / TUPLE with marks, DUP, POP_MARK, OrderedDict via REDUCE and NEWOBJ', () => {
    const v = unpickle(
      asm(
        PROTO4,
        MARK,
        MARK, str('a'), BININT1(1), 0x64, // DICT {'a': 1}
        MARK, BININT1(1), BININT1(2), 0x6c, // LIST [1, 2]
        MARK, NONE, 0x31, // MARK None POP_MARK: nothing
        BININT1(7), 0x32, TUPLE2, // DUP: (7, 7)
        global('collections', 'OrderedDict'), EMPTY_TUPLE, REDUCE, str('k'), NONE, SETITEM,
        global('collections', 'OrderedDict'), EMPTY_TUPLE, 0x81,
        TUPLE,
        STOP,
      ),
    ) as PyTuple;
    expect(v).toBeInstanceOf(PyTuple);
    expect(v.items.length).toBe(5);
    expect(v.items[0]).toEqual(new Map([['a', 1]]));
    expect(v.items[1]).toEqual([1, 2]);
    expect((v.items[2] as PyTuple).items).toEqual([7, 7]);
    expect(v.items[3]).toEqual(new Map([['k', null]]));
    expect(v.items[4]).toEqual(new Map());
  });

  it("memo: sparse BINPUT indices, overwrites, and MEMOIZE at Python's len(memo)", () => {
    const v = unpickle(
      asm(
        PROTO4,
        MARK,
        str('a'), [0x71, 5], // BINPUT 5: len(memo) = 1
        str('b'), MEMOIZE, // index 1: len = 2
        str('c'), [0x71, 0], // index 0: len = 3
        str('x'), [0x71, 5], // overwrite 5: len stays 3
        str('d'), MEMOIZE, // index 3
        str('e'), [0x72, u32(70000)], // LONG_BINPUT 70000
        BINGET(5), BINGET(1), BINGET(0), BINGET(3), [0x6a, u32(70000)],
        TUPLE,
        STOP,
      ),
    ) as PyTuple;
    expect(v.items).toEqual(['a', 'b', 'c', 'x', 'd', 'e', 'x', 'b', 'c', 'd', 'e']);
  });

  it('reads bytes via builtins.bytes / bytearray and protocol-5 BYTEARRAY8', () => {
    expect(unpickle(asm([0x80, 2], global('__builtin__', 'bytes'), EMPTY_TUPLE, REDUCE, STOP))).toEqual(new Uint8Array(0));
    expect(unpickle(asm(PROTO4, global('builtins', 'bytearray'), bytes(Uint8Array.of(1, 2)), TUPLE1, REDUCE, STOP))).toEqual(Uint8Array.of(1, 2));
    expect(unpickle(asm([0x80, 5], 0x96, u64(2n), [9, 8], STOP))).toEqual(Uint8Array.of(9, 8));
  });
});

describe('packLoadedDict: all or nothing', () => {
  it('a malformed second entry (or an exhausted budget) leaves the dict exactly as it was', async () => {
    const { packLoadedDict, UNPACK_INFO_KEY } = await import('../../src/io/save-load.js');
    const arr = (values: number[]): NdArray => ({ dtype: 'float32', shape: Object.freeze([values.length]), data: Float32Array.from(values) }) as NdArray;
    const make = (): Map<string | number, unknown> =>
      new Map<string | number, unknown>([
        ['w@@.0', arr([1, 2])],
        ['w@@.1', arr([3, 4])],
        ['v@@.0', arr([5, 6, 7])],
        [
          UNPACK_INFO_KEY,
          new Map<string, unknown>([
            ['w', new Map<string, unknown>([['OriginShape', new PyTuple([2, 2])], ['slices', ['w@@.0', 'w@@.1']]])],
            // 3 elements cannot make shape (2, 2): the second entry is bad
            ['v', new Map<string, unknown>([['OriginShape', new PyTuple([2, 2])], ['slices', ['v@@.0']]])],
          ]),
        ],
      ]);
    const obj = make();
    const before = [...obj.entries()];
    expect(() => packLoadedDict(obj as never)).toThrow(ValueError);
    expect([...obj.entries()]).toEqual(before);
    expect(obj.has('w')).toBe(false);
    // and a budget that runs out on the second entry
    const ok = make();
    ((ok.get(UNPACK_INFO_KEY) as Map<string, Map<string, unknown>>).get('v') as Map<string, unknown>).set('OriginShape', new PyTuple([3]));
    const kept = [...ok.entries()];
    let calls = 0;
    const budget = { charge: () => { if (++calls === 2) throw new RangeError('budget'); } }; // runs out on the second entry
    expect(() => packLoadedDict(ok as never, budget as never)).toThrow(RangeError);
    expect([...ok.entries()]).toEqual(kept);
    // the same dict with room: both joined, slices and table gone
    packLoadedDict(ok as never);
    expect([...ok.keys()].sort()).toEqual(['v', 'w']);
    expect(Array.from((ok.get('w') as NdArray).data)).toEqual([1, 2, 3, 4]);
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ValueError } from '../../src/errors.js';
import { SafetensorsError } from '../../src/io/errors.js';
import { ndarray, type NdArray } from '../../src/io/ndarray.js';
import { readSafetensors, writeSafetensors } from '../../src/io/safetensors.js';
import { expectedOf, expectNd, expectPy, fixture, havePythonNumpy, pythonRead, scratchDir } from './helpers.js';

const scratch = scratchDir();
afterAll(() => scratch.cleanup());

type Exp = { tensors: never; metadata: Record<string, string> | null };

describe('readSafetensors: files written like the reference serializer', () => {
  it.each(['plain.safetensors', 'wide.safetensors'])('%s', (name) => {
    const got = readSafetensors(fixture(name));
    const exp = expectedOf(name) as unknown as Exp;
    // Expected lists the tensors in insertion order; the reader returns file (offset) order.
    const byName = new Map((exp.tensors as unknown as { $dict: [string, never][] }).$dict);
    expect(new Set(got.tensors.keys())).toEqual(new Set(byName.keys()));
    for (const [k, v] of got.tensors) expectPy(v, byName.get(k) as never, k);
    expect(got.metadata === null ? null : Object.fromEntries(got.metadata)).toEqual(exp.metadata);
  });

  it('returns tensors in data-offset order (the writer sorts by dtype alignment, then name)', () => {
    const got = readSafetensors(fixture('plain.safetensors'));
    expect([...got.tensors.keys()]).toEqual(['step', 'bias', 'weight', 'mask']);
  });
});

describe('writeSafetensors → readSafetensors', () => {
  const tensors = new Map<string, NdArray>([
    ['b', ndarray(Float32Array.from([1, NaN, -Infinity]), [3])],
    ['a', ndarray(Float64Array.from([0.1, -0]), [2, 1])],
    ['ids', ndarray(Float64Array.from([2 ** 53 - 1, -7]), [2], 'int64')],
    ['n', ndarray(Int32Array.from([5]), [])],
    ['m', ndarray(Uint8Array.from([1, 0]), [2])],
    ['0', ndarray(new Float32Array(0), [0, 2])],
  ]);

  it('round-trips dtypes, shapes (0-d, empty), values and metadata', () => {
    const bytes = writeSafetensors(tensors, { format: 'pt', note: 'ünïcode' });
    const back = readSafetensors(bytes);
    expect(back.metadata).toEqual(new Map([['format', 'pt'], ['note', 'ünïcode']]));
    for (const [k, v] of tensors) {
      const r = back.tensors.get(k) as NdArray;
      expect(r.dtype, k).toBe(v.dtype);
      expect([...r.shape], k).toEqual([...v.shape]);
      expect(Array.from(r.data).map(String), k).toEqual(Array.from(v.data).map(String));
    }
  });

  it('lays out the file as the reference does: 8-byte aligned header, descending alignment then name', () => {
    const bytes = writeSafetensors(tensors);
    const n = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    expect((8 + n) % 8).toBe(0);
    expect([...readSafetensors(bytes).tensors.keys()]).toEqual(['ids', 'a', '0', 'b', 'n', 'm']);
    const header = new TextDecoder().decode(bytes.subarray(8, 8 + n));
    expect(header.startsWith('{"ids":{"dtype":"I64","shape":[2],"data_offsets":[0,16]}')).toBe(true);
  });

  it('matches the reference test vector byte for byte (attn.0, F32 [1,2,3])', () => {
    const bytes = writeSafetensors({ 'attn.0': ndarray(Float32Array.from([0, 1, 2, 3, 4, 5]), [1, 2, 3]) });
    // From huggingface/safetensors tensor.rs `test_serialization`.
    const want = [
      64, 0, 0, 0, 0, 0, 0, 0, 123, 34, 97, 116, 116, 110, 46, 48, 34, 58, 123, 34, 100, 116, 121, 112, 101, 34, 58, 34,
      70, 51, 50, 34, 44, 34, 115, 104, 97, 112, 101, 34, 58, 91, 49, 44, 50, 44, 51, 93, 44, 34, 100, 97, 116, 97, 95,
      111, 102, 102, 115, 101, 116, 115, 34, 58, 91, 48, 44, 50, 52, 93, 125, 125, 0, 0, 0, 0, 0, 0, 128, 63, 0, 0, 0,
      64, 0, 0, 64, 64, 0, 0, 128, 64, 0, 0, 160, 64,
    ];
    expect(Array.from(bytes)).toEqual(want);
    expect(Array.from(writeSafetensors({}))).toEqual([8, 0, 0, 0, 0, 0, 0, 0, 123, 125, 32, 32, 32, 32, 32, 32]);
  });

  it('rejects what cannot be written', () => {
    expect(() => writeSafetensors({ x: new Float32Array(2) as never })).toThrow(/not an NdArray/);
    expect(() => writeSafetensors({ __metadata__: ndarray(new Float32Array(1), [1]) })).toThrow(/cannot be used as a tensor name/);
    expect(() => writeSafetensors({}, { a: 1 as never })).toThrow(/strings to strings/);
  });

  it.skipIf(!havePythonNumpy())('python3 (json + struct + NumPy, reference rules) reads what we write', () => {
    const file = join(scratch.dir, 'ours.safetensors');
    writeFileSync(file, writeSafetensors(tensors, { format: 'np' }));
    const py = pythonRead(file, 'safetensors') as { tensors: { $dict: [string, never][] }; metadata: unknown };
    expect(py.metadata).toEqual({ format: 'np' });
    const byName = new Map(py.tensors.$dict);
    expect(byName.size).toBe(tensors.size);
    for (const [k, v] of tensors) expectPy(v, byName.get(k) as never, k);
  });
});

/** Builds a file from a header object (or raw header text) and a data section. */
function file(header: unknown, data: Uint8Array = new Uint8Array(0), rawLen?: bigint): Uint8Array {
  const text = typeof header === 'string' ? header : JSON.stringify(header);
  const h = new TextEncoder().encode(text);
  const out = new Uint8Array(8 + h.length + data.length);
  new DataView(out.buffer).setBigUint64(0, rawLen ?? BigInt(h.length), true);
  out.set(h, 8);
  out.set(data, 8 + h.length);
  return out;
}

const F = (dtype: string, shape: unknown, offsets: unknown): unknown => ({ dtype, shape, data_offsets: offsets });

const MALFORMED: [string, Uint8Array, RegExp][] = [
  ['fewer than 8 bytes', new Uint8Array(5), /HeaderTooSmall/],
  ['header length 2^40', file({}, new Uint8Array(0), 1n << 40n), /HeaderTooLarge/],
  ['header length over 100 MB', file({}, new Uint8Array(0), 100_000_001n), /HeaderTooLarge/],
  ['header length past the end', file({}, new Uint8Array(0), 1000n), /InvalidHeaderLength/],
  ['header not UTF-8', file('{"a":1}').map((b, i) => (i === 9 ? 0xff : b)), /InvalidHeader\)/],
  ['header not starting with {', file(' {}'), /InvalidHeaderStart/],
  ['header not JSON', file('{"a": '), /InvalidHeaderDeserialization/],
  ['header a JSON array', file('[1]'.padStart(3)), /InvalidHeaderStart|not a JSON object/],
  ['__metadata__ with a number', file({ __metadata__: { a: 1 } }), /must be a string/],
  ['tensor entry not an object', file({ t: 5 }), /not an object/],
  ['unknown dtype', file({ t: F('C64', [1], [0, 8]) }, new Uint8Array(8)), /dtype "C64" is not supported/],
  ['fp8 dtype', file({ t: F('F8_E4M3', [1], [0, 1]) }, new Uint8Array(1)), /dtype "F8_E4M3" is not supported/],
  ['negative dimension', file({ t: F('F32', [-1], [0, 4]) }, new Uint8Array(4)), /"t" → "shape" holds the number -1, not a non-negative integer/],
  ['fractional dimension', file({ t: F('F32', [1.5], [0, 4]) }, new Uint8Array(4)), /"t" → "shape" holds the number 1.5, not a non-negative integer/],
  ['dimension as a string', file({ t: F('F32', ['2'], [0, 8]) }, new Uint8Array(8)), /shape\[0\] must be a non-negative integer/],
  ['shape overflowing 2^53', file({ t: F('F32', [2 ** 30, 2 ** 30, 2 ** 30], [0, 4]) }, new Uint8Array(4)), /more than 2\^53 elements/],
  ['shape not an array', file({ t: F('F32', 3, [0, 12]) }, new Uint8Array(12)), /"shape" must be an array/],
  ['offsets with one number', file({ t: F('F32', [1], [0]) }, new Uint8Array(4)), /two non-negative integers/],
  ['negative offset', file({ t: F('F32', [1], [-4, 0]) }, new Uint8Array(4)), /"data_offsets" holds the number -4, not a non-negative integer/],
  ['end before begin', file({ t: F('F32', [0], [0, 0]), u: F('F32', [1], [4, 0]) }, new Uint8Array(4)), /InvalidOffset/],
  ['size ≠ shape × itemsize', file({ t: F('F32', [2], [0, 4]) }, new Uint8Array(4)), /needs 8 bytes but data_offsets span 4 \(TensorInvalidInfo\)/],
  ['gap between tensors', file({ t: F('F32', [1], [0, 4]), u: F('F32', [1], [8, 12]) }, new Uint8Array(12)), /gap.*InvalidOffset/],
  ['overlapping tensors', file({ t: F('F32', [2], [0, 8]), u: F('F32', [1], [4, 8]) }, new Uint8Array(8)), /overlap.*InvalidOffset/],
  ['first tensor not at 0', file({ t: F('F32', [1], [4, 8]) }, new Uint8Array(8)), /InvalidOffset/],
  ['data past the end of the file', file({ t: F('F32', [4], [0, 16]) }, new Uint8Array(8)), /MetadataIncompleteBuffer/],
  ['trailing bytes after the last tensor', file({ t: F('F32', [1], [0, 4]) }, new Uint8Array(12)), /cover 4 of the 12 data bytes \(MetadataIncompleteBuffer\)/],
  ['duplicate names (the JSON parser keeps the last: a gap)', file('{"t":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"t":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}', new Uint8Array(8)), /InvalidOffset/],
];

describe('readSafetensors: malformed headers', () => {
  it.each(MALFORMED)('%s', (_name, bytes, message) => {
    let err: unknown;
    try {
      readSafetensors(bytes);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SafetensorsError);
    expect(err).toBeInstanceOf(ValueError);
    expect((err as Error).message).toMatch(message);
  });

  it('an I64 beyond 2^53 is a ValueError naming the tensor', () => {
    const data = new Uint8Array(8);
    new DataView(data.buffer).setBigInt64(0, 2n ** 60n, true);
    expect(() => readSafetensors(file({ big: F('I64', [1], [0, 8]) }, data))).toThrow(/tensor "big".*1152921504606846976/);
  });

  it('widened types keep exact values (F16, BF16, U8, I16, U32)', () => {
    const got = readSafetensors(fixture('wide.safetensors'));
    expectNd(got.tensors.get('bf'), { dtype: 'float32', source: 'bfloat16', shape: [3], data: ['1', '-2.5', '0.15625'] });
  });
});

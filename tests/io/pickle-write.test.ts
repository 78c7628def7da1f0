import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TypeError as PaddleTypeError, ValueError } from '../../src/errors.js';
import { ndarray, type NdArray } from '../../src/io/ndarray.js';
import { unpickle } from '../../src/io/pickle-read.js';
import { checkProtocol, pickle } from '../../src/io/pickle-write.js';
import { PyFloat, pyTuple, type PyKey, type PyValue } from '../../src/io/py-value.js';
import { expectPy, fixture, havePythonNumpy, pythonRead, scratchDir, toTagged } from './helpers.js';

const scratch = scratchDir();
afterAll(() => scratch.cleanup());
const PY = havePythonNumpy();

function stripSource(j: unknown): unknown {
  return JSON.parse(JSON.stringify(j, (k, v: unknown) => (k === 'source' ? undefined : v)));
}

/** A value touching every part of the model this library writes. */
function sample(): Map<PyKey, PyValue> {
  const m = new Map<PyKey, PyValue>();
  m.set('w', ndarray(Float32Array.from([0.5, -1.25, 3, Math.fround(0.1), NaN, -Infinity]), [2, 3]));
  m.set('d', ndarray(Float64Array.from([Math.PI, -0, 1e-300]), [3]));
  m.set('i32', ndarray(Int32Array.from([-(2 ** 31), 2 ** 31 - 1]), [2, 1]));
  m.set('i64', ndarray(Float64Array.from([2 ** 53 - 1, -(2 ** 53 - 1), -5]), [3], 'int64'));
  m.set('b', ndarray(Uint8Array.from([1, 0, 1, 1]), [2, 2]));
  m.set('scalar', ndarray(Float32Array.from([7]), []));
  m.set('empty', ndarray(new Float32Array(0), [0, 4]));
  m.set('nd5', ndarray(new Float32Array(32).fill(1), [2, 2, 2, 2, 2]));
  m.set('LR_Scheduler', new Map<PyKey, PyValue>([['last_epoch', 3], ['last_lr', new PyFloat(1)]]));
  m.set(1, 'int key');
  m.set('1', 'str key');
  m.set(pyTuple(1, 2), 'tuple key');
  m.set('ints', [0, 255, 256, 65535, 65536, -1, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 53 - 1, 2n ** 64n, -(2n ** 70n), -128n]);
  m.set('floats', [0.1, -0, Infinity, -Infinity, NaN, 1.5, new PyFloat(2)]);
  m.set('misc', pyTuple(null, true, false, 'żółw 🐢', '', Uint8Array.of(0, 255), new Uint8Array(0), Uint8Array.of(0x62)));
  m.set('big tuple', pyTuple(1, 2, 3, 4, 5));
  // A plain object is written as a dict with string keys.
  m.set('nested', { a: [[1, 2], { b: null }] } as unknown as PyValue);
  return m;
}

describe('pickle: protocol argument (Paddle messages)', () => {
  it.each([2, 3, 4])('accepts protocol %i', (p) => {
    expect(checkProtocol(p)).toBe(p);
  });
  it.each([
    [1, "Expected 1<'protocol'<5, but received protocol=1"],
    [5, "Expected 1<'protocol'<5, but received protocol=5"],
    [-3, "Expected 1<'protocol'<5, but received protocol=-3"],
    [2.5, "The 'protocol' MUST be `int`, but received <class 'float'>"],
    ['4', "The 'protocol' MUST be `int`, but received <class 'str'>"],
    [null, "The 'protocol' MUST be `int`, but received <class 'NoneType'>"],
  ])('rejects %s with ValueError', (p, message) => {
    expect(() => pickle({}, { protocol: p as number })).toThrow(ValueError);
    expect(() => pickle({}, { protocol: p as number })).toThrow(message);
  });
});

describe('pickle → unpickle round trip', () => {
  it.each([2, 3, 4])('protocol %i keeps every value, key type and key order', (protocol) => {
    const v = sample();
    const back = unpickle(pickle(v, { protocol }));
    // PyFloat(1) is read back as the number 1 (the tagged form tells ints from floats by value).
    const want = toTagged(v);
    expect(stripSource(toTagged(back))).toEqual(stripSource(want));
  });

  it.each([2, 3, 4])('protocol %i: re-writing CPython fixtures (NumPy 1.x names) is byte-identical', (p) => {
    for (const name of [`numpy1.p${p}.pdparams`, `numpy1-rmsprop.p${p}.pdopt`]) {
      const original = fixture(name);
      expect(Buffer.from(pickle(unpickle(original), { protocol: p })).equals(Buffer.from(original)), name).toBe(true);
    }
  });

  it('shared containers and arrays are written once and read back shared', () => {
    const arr = ndarray(Float32Array.from([1, 2]), [2]);
    const list: PyValue[] = [1];
    const back = unpickle(pickle(new Map<PyKey, PyValue>([['a', arr], ['b', arr], ['l1', list], ['l2', list]]))) as Map<string, unknown>;
    expect(back.get('a')).toBe(back.get('b'));
    expect(back.get('l1')).toBe(back.get('l2'));
  });

  it('rejects JS values without a Python counterpart (TypeError) and cycles (ValueError)', () => {
    expect(() => pickle({ a: undefined })).toThrow(PaddleTypeError);
    expect(() => pickle({ a: () => 1 })).toThrow(/cannot save a function/);
    expect(() => pickle([Symbol('s')])).toThrow(PaddleTypeError);
    expect(() => pickle(new Float32Array(2))).toThrow(/cannot save a Float32Array/);
    expect(() => pickle(new Date(0))).toThrow(/cannot save a Date/);
    expect(() => pickle(new Map([[[1], 2]]))).toThrow(/unhashable dict key/);
    const cyc: unknown[] = [];
    cyc.push(cyc);
    expect(() => pickle(cyc)).toThrow(ValueError);
    expect(() => pickle(cyc)).toThrow(/reference cycle/);
    expect(() => pickle('\ud800')).toThrow(/lone UTF-16 surrogate/);
    const bad = { dtype: 'int64', shape: [1], data: Float64Array.of(2 ** 53) } as unknown as NdArray;
    expect(() => pickle({ x: bad })).toThrow(ValueError);
  });

  it('a structure nested deeper than 1000 levels is a ValueError, not a stack overflow', () => {
    let v: unknown[] = [];
    for (let i = 0; i < 5000; i++) v = [v];
    expect(() => pickle(v)).toThrow(/nested deeper than 1000/);
  });
});

describe.skipIf(!PY)('pickle: python3 + NumPy read what we write (skipped without python3/NumPy)', () => {
  it.each([2, 3, 4])('protocol %i: pickle.load gives the same arrays, names and values', (protocol) => {
    const v = sample();
    const file = join(scratch.dir, `sample.p${protocol}.pkl`);
    writeFileSync(file, pickle(v, { protocol }));
    expectPy(v, pythonRead(file, 'pickle') as never);
    expectPy(v, pythonRead(file, 'paddle') as never);
  });

  it.each([2, 3, 4])('protocol %i: our bytes equal CPython pickle.dumps of the loaded value, frames included', (protocol) => {
    // Many small arrays (frames are cut at 64 KiB boundaries) and one 256 KiB array (written
    // outside frames), plus names, floats and a scheduler dict.
    const m = new Map<PyKey, PyValue>();
    for (let i = 0; i < 700; i++) {
      m.set(`layer_${i}.w_0`, ndarray(Float32Array.from({ length: 7 + (i % 5) }, (_, k) => i + k / 8), [7 + (i % 5)]));
      m.set(`layer_${i}.step`, i % 3 === 0 ? 1.5 * i : i * 100003);
    }
    m.set('big', ndarray(new Float64Array(1 << 15).map((_, k) => k / 3), [1 << 15]));
    m.set('LR_Scheduler', new Map<PyKey, PyValue>([['last_epoch', 3], ['last_lr', 0.05]]));
    const ours = pickle(m, { protocol });
    const file = join(scratch.dir, `frames.p${protocol}.pkl`);
    writeFileSync(file, ours);
    const theirs = execFileSync('python3', [join(__dirname, 'py-read.py'), 'redump', String(protocol), file], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    expect(ours.length).toBeGreaterThan(3 * 65536);
    expect(Buffer.from(ours).toString('hex') === theirs).toBe(true);
  });
});

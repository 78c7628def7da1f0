/** Shared helpers of the io tests: fixtures, expected-value matching, python3 detection. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { isNdArray, type NdArray } from '../../src/io/ndarray.js';
import { PyFloat, PyTuple, type PyValue } from '../../src/io/py-value.js';

const HERE = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = join(HERE, '..', 'fixtures', 'io');

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const EXPECTED = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')) as {
  values: Record<string, Json>;
};

export function expectedOf(name: string): Json {
  const v = EXPECTED.values[name];
  if (v === undefined) throw new Error(`no expected value for ${name}`);
  return v;
}

export function parseNum(s: string): number {
  if (s === 'nan') return NaN;
  if (s === 'inf') return Infinity;
  if (s === '-inf') return -Infinity;
  return Number(s);
}

/**
 * Asserts that `actual` (the unpickler's model value) equals the tagged expected JSON written by
 * scripts/make-io-fixtures.py. Floats compare with Object.is (NaN equals NaN, -0 differs from 0).
 */
export function expectPy(actualIn: unknown, exp: Json, path = '$'): void {
  // A PyFloat is the float it wraps; a plain object is a dict with string keys.
  const actual: unknown =
    actualIn instanceof PyFloat
      ? actualIn.value
      : typeof actualIn === 'object' && actualIn !== null && !isNdArray(actualIn) && Object.getPrototypeOf(actualIn) === Object.prototype
        ? new Map(Object.entries(actualIn))
        : actualIn;
  if (exp === null) {
    expect(actual, path).toBeNull();
    return;
  }
  if (typeof exp === 'string') {
    expect(actual, path).toBe(exp);
    return;
  }
  if (typeof exp !== 'object' || Array.isArray(exp)) throw new Error(`bad expected value at ${path}`);
  const [tag] = Object.keys(exp);
  const body = (exp as Record<string, Json>)[tag as string] as Json;
  switch (tag) {
    case '$bool':
      expect(actual, path).toBe(body);
      return;
    case '$int': {
      const big = BigInt(body as string);
      if (typeof actual === 'bigint') expect(actual, path).toBe(big);
      else if (big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER)) {
        expect(actual, path).toBe(Number(big));
      } else {
        expect(actual, path).toBe(big);
      }
      return;
    }
    case '$float':
      expect(Object.is(actual, parseNum(body as string)), `${path}: ${String(actual)} vs ${String(body)}`).toBe(true);
      return;
    case '$bytes': {
      expect(actual, path).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(actual as Uint8Array).toString('hex'), path).toBe(body);
      return;
    }
    case '$list': {
      expect(Array.isArray(actual), `${path} is a list`).toBe(true);
      const a = actual as unknown[];
      const e = body as Json[];
      expect(a.length, `${path}.length`).toBe(e.length);
      e.forEach((x, i) => expectPy(a[i], x, `${path}[${i}]`));
      return;
    }
    case '$tuple': {
      expect(actual, path).toBeInstanceOf(PyTuple);
      const a = (actual as PyTuple).items;
      const e = body as Json[];
      expect(a.length, `${path}.length`).toBe(e.length);
      e.forEach((x, i) => expectPy(a[i], x, `${path}[${i}]`));
      return;
    }
    case '$dict': {
      expect(actual, path).toBeInstanceOf(Map);
      const m = actual as Map<unknown, unknown>;
      const e = body as [Json, Json][];
      expect(m.size, `${path}.size`).toBe(e.length);
      const keys = [...m.keys()];
      e.forEach(([k, v], i) => {
        expectPy(keys[i], k, `${path}.keys[${i}]`);
        expectPy(m.get(keys[i]), v, `${path}[${String(keys[i])}]`);
      });
      return;
    }
    case '$nd':
      expectNd(actual, body as { dtype: string; source: string | null; shape: number[]; data: string[] }, path);
      return;
    default:
      throw new Error(`unknown tag ${String(tag)} at ${path}`);
  }
}

export function expectNd(
  actual: unknown,
  e: { dtype: string; source: string | null; shape: number[]; data: string[] },
  path = '$',
): void {
  expect(isNdArray(actual), `${path} is an NdArray`).toBe(true);
  const a = actual as NdArray;
  expect(a.dtype, `${path}.dtype`).toBe(e.dtype);
  expect([...a.shape], `${path}.shape`).toEqual(e.shape);
  expect(a.sourceDType, `${path}.sourceDType`).toBe(e.source ?? undefined);
  expect(a.data.length, `${path}.length`).toBe(e.data.length);
  for (let i = 0; i < e.data.length; i++) {
    const want = parseNum(e.data[i] as string);
    const got = a.data[i] as number;
    if (!Object.is(got, want)) {
      throw new Error(`${path}.data[${i}]: got ${String(got)}, expected ${String(want)} (${e.data[i] as string})`);
    }
  }
}

/** Converts a model value back to the tagged JSON form (for comparing with python3's view). */
export function toTagged(v: PyValue | unknown): Json {
  if (v === null) return null;
  if (v instanceof PyFloat) return toTagged(v.value);
  if (typeof v === 'object' && !isNdArray(v) && Object.getPrototypeOf(v) === Object.prototype) return toTagged(new Map(Object.entries(v)));
  if (typeof v === 'boolean') return { $bool: v };
  if (typeof v === 'bigint') return { $int: v.toString() };
  if (typeof v === 'number') return Number.isInteger(v) && !Object.is(v, -0) ? { $int: String(v) } : { $float: floatRepr(v) };
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array) return { $bytes: Buffer.from(v).toString('hex') };
  if (Array.isArray(v)) return { $list: v.map(toTagged) };
  if (v instanceof PyTuple) return { $tuple: v.items.map(toTagged) };
  if (v instanceof Map) return { $dict: [...v.entries()].map(([k, x]) => [toTagged(k), toTagged(x)]) };
  if (isNdArray(v)) {
    return {
      $nd: {
        dtype: v.dtype,
        source: v.sourceDType ?? null,
        shape: [...v.shape],
        data: Array.from(v.data as ArrayLike<number>, (x) => (v.dtype.startsWith('float') ? floatRepr(x) : String(x))),
      },
    };
  }
  throw new Error(`cannot tag ${String(v)}`);
}

function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  return String(x);
}

let pythonChecked: boolean | null = null;
/** True when `python3` with NumPy can run here. */
export function havePythonNumpy(): boolean {
  if (pythonChecked === null) {
    const r = spawnSync('python3', ['-c', 'import numpy, pickle'], { stdio: 'ignore' });
    pythonChecked = r.status === 0;
    if (!pythonChecked) {
      process.stdout.write('tests/io: python3 with NumPy is not available; the Python round-trip tests are skipped.\n');
    }
  }
  return pythonChecked;
}

/** Runs tests/io/py-read.py on a file and returns its JSON output. */
export function pythonRead(file: string, mode: 'pickle' | 'safetensors' | 'paddle'): Json {
  const out = execFileSync('python3', [join(HERE, 'py-read.py'), mode, file], { encoding: 'utf8' });
  return JSON.parse(out) as Json;
}

/** A scratch directory inside the repository (tests never touch files outside it). */
export function scratchDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(HERE, '.tmp-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

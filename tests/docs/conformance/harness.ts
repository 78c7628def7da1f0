/**
 * The conformance suite of Paddle's documentation examples (issue 18): each area file
 * (`<area>.test.ts`) lists Paddle's docstring examples, in Paddle's doctest text, each with its
 * TypeScript twin. The twin hands each value the Python example shows to `doc.out(value)`, in
 * order; the harness reads the documented output from the Python text and compares (shape, dtype,
 * stop_gradient, values to the printed digits). Every documented output must be consumed, so a
 * twin cannot silently leave one out.
 *
 * Random examples: `doc.random(t)` checks shape and dtype only (`random: 'seeded'` when Paddle's
 * example seeds its generator: our xoshiro128** stream differs from Paddle's Philox/MT streams).
 *
 * Under vitest each area becomes a `describe` with one `it` per ported example; imported through
 * table.ts `loadAreas` (by coverage.test.ts and `scripts/conformance-table.ts`) it only registers
 * its cases, so the same twins can be run to write and check docs/conformance.md.
 */
import { describe, expect, it } from 'vitest';
import { Tensor } from '../../../src/index.js';
import { doctestOutputs, parseOutput, parseSeq, type PyLit, type PyNum, type PyOut, type PyTensor } from './pyout.js';

/** Why an example has no TypeScript twin. */
export type NotPortableReason =
  | 'static-graph' // paddle.static / Program / Executor: no static graph here
  | 'complex-dtype' // complex64/complex128 tensors
  | 'sparse' // sparse COO/CSR tensors
  | 'dtype' // a dtype this package does not have (float16, bfloat16, int8, int16, uint16, …)
  | 'device' // GPU/XPU places, CUDA-only behaviour
  | 'javascript' // JavaScript cannot express it (operator overloading, `with`, numpy interop, …)
  | 'missing-api' // uses a Paddle API this package does not export (named in `why`)
  | 'file-system' // writes files under paths the example picks; covered by tests/io instead
  | 'not-reproduced'; // documented behaviour this package deliberately does not reproduce (`why` says what)

export interface Case {
  /** Paddle's public name: `paddle.add`, `paddle.nn.Linear`, `paddle.Tensor.item`, … */
  api: string;
  /** Paddle's docstring example, as in Paddle's source (doctest `>>>` / `...` lines and outputs). */
  python: string;
  /** The TypeScript twin. */
  run?: (doc: Doc) => void;
  /** Documented values are random: only shape and dtype are compared. */
  random?: 'unseeded' | 'seeded';
  /** No twin: why (the example is listed in the table, not run). */
  notPortable?: { reason: NotPortableReason; why: string };
  /** Something the table should say about this example (a documented difference, a spelling). */
  note?: string;
}

export interface AreaDef {
  /** File name stem: `tensor-math` for tensor-math.test.ts. */
  area: string;
  /** Paddle's source files the examples come from (under python/paddle/). */
  sources: string[];
  cases: Case[];
}

/** Registered areas, in import order (the table script imports every area file). */
export const AREAS: AreaDef[] = [];

/** What a run of one twin established. */
export interface CaseResult {
  outputs: number;
  /**
   * Elements that matched the printed digits only within a few units in the last place of the
   * float dtype (Paddle's CPU kernels use vectorised approximations for some functions, e.g.
   * Eigen's rational tanh; ours round the double result once), and the largest such distance.
   */
  ulpOnly: number;
  maxUlp: number;
  /** Outputs compared by shape and dtype only (random values). */
  shapeOnly: number;
  /** Outputs not compared, each with the reason (a complex64 line, an object's address, …). */
  skipped: string[];
}

/** The handle a twin uses to compare its values with the documented outputs, in order. */
export class Doc {
  private readonly outputs: string[];
  private next = 0;
  readonly result: CaseResult = { outputs: 0, ulpOnly: 0, maxUlp: 0, shapeOnly: 0, skipped: [] };

  constructor(readonly c: Case) {
    this.outputs = doctestOutputs(c.python);
  }

  private take(what: string): string {
    const text = this.outputs[this.next];
    if (text === undefined) throw new Error(`${this.c.api}: ${what}: the example documents only ${this.outputs.length} outputs`);
    this.next++;
    this.result.outputs++;
    return text;
  }

  /** The next documented output must equal `value` (a Tensor, number, boolean, string or array). */
  out(value: unknown): void {
    const text = this.take('out');
    const parsed = parseOutput(text);
    const where = `${this.c.api}, output ${this.next}: ${text.split('\n')[0] ?? ''}`;
    compare(value, parsed, where, this.result);
  }

  /**
   * The next documented output prints several values (`print(name, param)` in a loop): `items`
   * are they, in order; bare words as strings. `random`: tensors compared by shape, dtype and
   * stop_gradient only, and numeric lists by length (seeded random values: streams differ).
   */
  seq(items: readonly unknown[], options: { random?: boolean } = {}): void {
    const text = this.take('seq');
    const where = `${this.c.api}, output ${this.next}`;
    const expected = parseSeq(text);
    expect(items.length, `${where}: number of printed values`).toBe(expected.length);
    expected.forEach((e, i) => {
      if (options.random === true && e.kind === 'tensor') {
        const t = items[i] as Tensor;
        expect(t, `${where}[${i}]`).toBeInstanceOf(Tensor);
        expect([t.shape, t.dtype, t.stopGradient], `${where}[${i}]: shape, dtype, stop_gradient`).toEqual([e.shape, e.dtype, e.stopGradient ?? t.stopGradient]);
        this.result.shapeOnly++;
      } else if (options.random === true && e.kind === 'list') {
        expect(Array.isArray(items[i]), `${where}[${i}]: a list`).toBe(true);
      } else {
        compareLit(items[i], e, `${where}[${i}]`, this.result);
      }
    });
  }

  /**
   * The next documented output is compared by the twin's own assertions just before (five
   * formatted lines of a loop, say); `what` names them in failures.
   */
  checked(what: string): void {
    this.take(what);
  }

  /** The next documented output is random: compare its shape and dtype only. */
  random(value: Tensor): void {
    const parsed = parseOutput(this.take('random'));
    const where = `${this.c.api}, output ${this.next}`;
    if (parsed.kind !== 'tensor') throw new Error(`${where}: the documented output is not a Tensor`);
    expect(value, where).toBeInstanceOf(Tensor);
    expect(value.shape, `${where}: shape`).toEqual(parsed.shape);
    expect(value.dtype, `${where}: dtype`).toBe(parsed.dtype);
    this.result.shapeOnly++;
  }

  /** The next documented output is `<class 'paddle.Tensor'>` (Python's `type(x)`): `value` is an instance of that class. */
  isA(value: unknown, ctor: abstract new (...args: never[]) => unknown): void {
    const text = this.take('isA');
    const m = /^<class '(?:[\w.]+\.)?(\w+)'>$/.exec(text);
    if (m === null) throw new Error(`${this.c.api}: output ${this.next} is not a class: ${text}`);
    expect(value, `${this.c.api}, output ${this.next}`).toBeInstanceOf(ctor);
    expect(ctor.name, `${this.c.api}, output ${this.next}: class name`).toBe(m[1]);
  }

  /** The next documented output is not compared; `why` goes into the table. */
  skip(why: string): void {
    this.take('skip');
    this.result.skipped.push(why);
  }

  /** Called after the twin: every documented output was compared. */
  finish(): void {
    expect(this.next, `${this.c.api}: outputs compared of the ${this.outputs.length} documented`).toBe(this.outputs.length);
  }
}

/** The most float ulps (beyond the printed rounding) an element may differ by; the table lists every use. */
export const MAX_ULPS = 4;

function ulpOf(v: number, dtype: string): number {
  const a = Math.abs(v);
  if (a === 0 || !Number.isFinite(a)) return 0;
  const e = Math.floor(Math.log2(a));
  return 2 ** (e - (dtype === 'float32' ? 23 : 52));
}

function compareNum(actual: number, e: PyNum, dtype: string, where: string, result: CaseResult): void {
  if (Number.isNaN(e.value) || !Number.isFinite(e.value) || e.decimals < 0) {
    // nan, ±inf, and integers (or floats printed without digits: Paddle prints `2.` only when
    // exact, and `-0.` for a negative zero)
    expect(actual, where).toBe(e.value);
    return;
  }
  const printed = 0.5 * 10 ** -e.decimals * (1 + 1e-9);
  const diff = Math.abs(actual - e.value);
  if (diff <= printed) return;
  const ulp = dtype === 'float32' || dtype === 'float64' ? ulpOf(e.value, dtype) : 0;
  const ulps = ulp > 0 ? Math.ceil((diff - printed) / ulp) : Infinity;
  if (ulps <= MAX_ULPS) {
    result.ulpOnly++;
    result.maxUlp = Math.max(result.maxUlp, ulps);
    return;
  }
  expect.fail(`${where}: ${actual} differs from the documented ${e.value} (printed to ${e.decimals} decimals)`);
}

function compareTensor(value: unknown, e: PyTensor, where: string, result: CaseResult): void {
  expect(value, `${where}: a Tensor`).toBeInstanceOf(Tensor);
  const t = value as Tensor;
  expect(t.shape, `${where}: shape`).toEqual(e.shape);
  expect(t.dtype, `${where}: dtype`).toBe(e.dtype);
  if (e.stopGradient !== null) expect(t.stopGradient, `${where}: stop_gradient`).toBe(e.stopGradient);
  const data = t.data;
  expect(data.length, `${where}: numel`).toBe(e.values.length);
  e.values.forEach((ev, i) => {
    const a = data[i] as number;
    if (ev.kind === 'bool') expect(a !== 0, `${where}: element ${i}`).toBe(ev.value);
    else compareNum(a, ev, t.dtype, `${where}: element ${i}`, result);
  });
}

function compare(value: unknown, e: PyOut, where: string, result: CaseResult): void {
  switch (e.kind) {
    case 'tensor':
      compareTensor(value, e, where, result);
      return;
    case 'raw':
      // Text (a Layer's repr, a formatted line): compared with runs of whitespace made one space.
      expect(String(value).replace(/\s+/g, ' ').trim(), where).toBe(e.text.replace(/\s+/g, ' ').trim());
      return;
    default:
      compareLit(value, e, where, result);
  }
}

function compareLit(value: unknown, e: PyLit | PyTensor, where: string, result: CaseResult): void {
  if (e.kind === 'tensor') {
    compareTensor(value, e, where, result);
    return;
  }
  switch (e.kind) {
    case 'num':
      expect(typeof value, `${where}: a number`).toBe('number');
      compareNum(value as number, e, 'float64', where, result);
      return;
    case 'bool':
      expect(value, where).toBe(e.value);
      return;
    case 'none':
      expect(value, where).toBeNull();
      return;
    case 'str':
      expect(value, where).toBe(e.value);
      return;
    case 'list': {
      // A Tensor against a printed list is `print(t.numpy())`: compared through tolist().
      const arr = value instanceof Tensor ? value.tolist() : ArrayBuffer.isView(value) ? Array.from(value as unknown as ArrayLike<number>) : value;
      expect(Array.isArray(arr), `${where}: an array`).toBe(true);
      const items = arr as unknown[];
      expect(items.length, `${where}: length`).toBe(e.items.length);
      e.items.forEach((it, i) => compareLit(items[i], it, `${where}[${i}]`, result));
    }
  }
}

/** Runs one twin and checks that it compared every documented output. */
export function runCase(c: Case): CaseResult {
  if (c.run === undefined) throw new Error(`${c.api}: no twin to run`);
  const doc = new Doc(c);
  c.run(doc);
  doc.finish();
  return doc.result;
}

/** Registers an area; under vitest, one `it` per ported example. */
export function conformance(def: AreaDef): AreaDef {
  AREAS.push(def);
  // Imported for the table (table.ts loadAreas, or outside vitest): register nothing.
  const listOnly = (globalThis as { __conformanceListOnly?: boolean }).__conformanceListOnly === true;
  if (process.env['VITEST'] !== undefined && !listOnly) {
    describe(`${def.area}: Paddle's documentation examples (${def.sources.join(', ')})`, () => {
      def.cases.forEach((c, i) => {
        if (c.run === undefined) return;
        const same = def.cases.filter((o, j) => o.api === c.api && j < i).length;
        it(same === 0 ? c.api : `${c.api} (${same + 1})`, () => {
          runCase(c);
        });
      });
    });
  }
  return def;
}

/** Dedents a Python example written inside a template literal. */
export function py(strings: TemplateStringsArray): string {
  // raw text keeps the backslash of an escaped backtick (\`name\` in Paddle's comments): drop it
  const text = (strings.raw[0] ?? '').replace(/\\`/g, '`').replace(/^\n/, '').replace(/\s+$/, '');
  const lines = text.split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => (/^ */.exec(l) as RegExpExecArray)[0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

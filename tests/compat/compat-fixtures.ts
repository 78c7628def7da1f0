/**
 * Loads the trajectories written by scripts/gen-compat-fixtures.py (tests/fixtures/compat/) and
 * compares this library's parameters with them bit for bit.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Tensor } from '../../src/tensor/tensor.js';

/** One case: hyper-parameters (the framework's Python names), data, and the expected trajectory. */
export interface Case {
  name: string;
  dtype: 'float32' | 'float64';
  shapes: number[][];
  hyper: Record<string, number | boolean | null | number[]>;
  init: number[][];
  grads: (number[] | null)[][];
  params: number[][][];
  state: Record<string, number[][]>;
}

/** tests/fixtures/compat/. */
export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'compat');
const DIR = FIXTURES;

export function loadCases(framework: 'keras' | 'tf1' | 'timm' | 'optax'): Case[] {
  return (JSON.parse(readFileSync(join(DIR, `${framework}.json`), 'utf8')) as { cases: Case[] }).cases;
}

function array(dtype: Case['dtype'], values: number[]): Float32Array | Float64Array {
  return dtype === 'float32' ? Float32Array.from(values) : Float64Array.from(values);
}

/** Fresh Tensors holding the case's initial parameters. */
export function initialParams(c: Case): Tensor[] {
  return c.init.map((v, i) => Tensor.fromArray(array(c.dtype, v), c.shapes[i] as number[], c.dtype, { name: `p${i}` }));
}

/** The case's gradients at step t (null where the generator left one out). */
export function gradsAt(c: Case, t: number): (Tensor | null)[] {
  return (c.grads[t] as (number[] | null)[]).map((g, i) => (g === null ? null : Tensor.fromArray(array(c.dtype, g), c.shapes[i] as number[], c.dtype)));
}

/**
 * The elements of `got` that differ from `want` (Object.is: -0 and NaN exact), as readable lines;
 * empty when every bit matches.
 */
export function diff(label: string, got: readonly (Tensor | ArrayLike<number>)[], want: readonly number[][]): string[] {
  const bad: string[] = [];
  if (got.length !== want.length) return [`${label}: ${got.length} arrays, expected ${want.length}`];
  got.forEach((g, i) => {
    const data = g instanceof Tensor ? g.data : g;
    const w = want[i] as number[];
    if (data.length !== w.length) bad.push(`${label}[${i}]: length ${data.length}, expected ${w.length}`);
    for (let j = 0; j < w.length; j++) {
      if (!Object.is(data[j], w[j])) bad.push(`${label}[${i}][${j}]: ${String(data[j])} != ${String(w[j])}`);
    }
  });
  return bad;
}

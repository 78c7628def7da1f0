/**
 * Loader and runner of the NumPy fixtures of scripts/make-ops-extra-fixtures.py
 * (tests/fixtures/ops-extra/cases.json), shared by tests/ops/extra-fixtures.test.ts and
 * tests/nn/extra-fixtures.test.ts.
 *
 * Tolerances (written before running, never loosened):
 * | run                                   | rule                                    |
 * |---------------------------------------|-----------------------------------------|
 * | float64 inputs vs NumPy float64       | rtol 1e-12, atol 1e-14                  |
 * | float32 inputs vs NumPy float64       | rtol 1e-5, atol 1e-6 (results are float32) |
 * | bool / integer results                | exact                                   |
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { Tensor } from '../../src/tensor/tensor.js';
import { allocArray, type DType } from '../../src/tensor/dtype.js';
import { expectClose } from '../helpers/close.js';

type Enc = { dtype: 'float64' | 'int64' | 'bool'; shape: number[]; data: (number | string | boolean)[] };
export interface Case {
  op: string;
  inputs: Record<string, Enc>;
  params: Record<string, unknown>;
  expected: Enc[];
}

export const CASES: Case[] = (
  JSON.parse(readFileSync(new URL('../fixtures/ops-extra/cases.json', import.meta.url), 'utf8')) as { cases: Case[] }
).cases;

const num = (v: number | string): number => (v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : (v as number));

export function decode(e: Enc, floatDType: 'float32' | 'float64' = 'float64'): Tensor {
  const dtype: DType = e.dtype === 'float64' ? floatDType : e.dtype;
  const arr = allocArray(dtype, e.data.length);
  e.data.forEach((v, i) => (arr[i] = e.dtype === 'bool' ? (v === true ? 1 : 0) : num(v as number | string)));
  return Tensor.fromArray(arr, e.shape, dtype);
}

export type Runner = (ins: Record<string, Tensor>, p: Record<string, unknown>) => Tensor | Tensor[];

/** Runs `c` through `run` with float inputs in `floatDType` and compares with the NumPy result. */
export function checkCase(c: Case, run: Runner, floatDType: 'float32' | 'float64'): void {
  const ins: Record<string, Tensor> = {};
  for (const [k, v] of Object.entries(c.inputs)) ins[k] = decode(v, floatDType);
  const got = run(ins, c.params);
  const outs = Array.isArray(got) ? got : [got];
  expect(outs.length, `${c.op}: number of results`).toBe(c.expected.length);
  c.expected.forEach((e, i) => {
    const t = outs[i] as Tensor;
    const what = `${c.op} ${JSON.stringify(c.params)} [${floatDType}] result ${i}`;
    expect(t.shape, `${what}: shape`).toEqual(e.shape);
    const want = e.data.map((v) => (e.dtype === 'bool' ? (v === true ? 1 : 0) : num(v as number | string)));
    if (e.dtype === 'float64') {
      expect(t.dtype, `${what}: dtype`).toBe(floatDType);
      const tol = floatDType === 'float64' ? { rtol: 1e-12, atol: 1e-14 } : { rtol: 1e-5, atol: 1e-6 };
      expectClose(Array.from(t.data, Number), want, { ...tol, equalNan: true }, what);
    } else {
      expect(t.dtype, `${what}: dtype`).toBe(e.dtype);
      expectClose(Array.from(t.data, Number), want, { exact: true }, what);
    }
  });
}

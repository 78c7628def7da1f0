/**
 * Loader and runner of the NumPy fixtures of scripts/gen-conv-fixtures.py
 * (tests/fixtures/conv/cases.json), shared by tests/nn/conv-fixtures.test.ts and
 * tests/nn/pool-fixtures.test.ts. Each case holds the inputs, the output, a weight G and the
 * gradients of L = Σ out·G with respect to every input.
 *
 * Tolerances (written before running, never loosened):
 * | run                                 | rule                     |
 * |-------------------------------------|--------------------------|
 * | float64 vs NumPy float64            | rtol 1e-12, atol 1e-13   |
 * | float32 vs NumPy float64            | rtol 1e-5, atol 1e-5 (sums of ≤ 50 products of values in [−1, 1]) |
 * | max-pool mask                       | exact                    |
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { Tensor } from '../../src/tensor/tensor.js';
import { expectClose } from '../helpers/close.js';

export interface Enc {
  shape: number[];
  data: number[];
}

export interface FixtureCase {
  op: string;
  params: Record<string, unknown>;
  kernel?: number | number[];
  outputSize?: number | (number | null)[];
  inputs: Record<string, Enc>;
  out: Enc;
  grads: Record<string, Enc>;
  mask?: Enc;
}

export const FIXTURES: FixtureCase[] = (
  JSON.parse(readFileSync(new URL('../fixtures/conv/cases.json', import.meta.url), 'utf8')) as { cases: FixtureCase[] }
).cases;

export function decode(e: Enc, dtype: 'float32' | 'float64', stopGradient = true): Tensor {
  const arr = dtype === 'float64' ? Float64Array.from(e.data) : Float32Array.from(e.data);
  return Tensor.fromArray(arr, e.shape, dtype, { stopGradient });
}

export type FixtureRunner = (ins: Record<string, Tensor>, c: FixtureCase) => Tensor | [Tensor, Tensor];

/** Runs `c` in `dtype`: the output, its shape, the gradient of every input, and the mask if any. */
export function checkFixture(c: FixtureCase, run: FixtureRunner, dtype: 'float32' | 'float64'): void {
  const tol = dtype === 'float64' ? { rtol: 1e-12, atol: 1e-13 } : { rtol: 1e-5, atol: 1e-5 };
  const ins: Record<string, Tensor> = {};
  for (const [k, v] of Object.entries(c.inputs)) if (k !== 'G') ins[k] = decode(v, dtype, false);
  const got = run(ins, c);
  const out = Array.isArray(got) ? got[0] : got;
  const what = `${c.op} ${JSON.stringify(c.params)} [${dtype}]`;
  expect(out.shape, `${what}: shape`).toEqual(c.out.shape);
  expect(out.dtype).toBe(dtype);
  expectClose(Array.from(out.data, Number), c.out.data, tol, `${what}: out`);
  if (c.mask !== undefined) {
    expect(Array.isArray(got), `${what}: mask returned`).toBe(true);
    const mask = (got as [Tensor, Tensor])[1];
    expect(mask.dtype).toBe('int32');
    expectClose(Array.from(mask.data, Number), c.mask.data, { exact: true }, `${what}: mask`);
  }
  out.backward(decode(c.inputs.G as Enc, dtype));
  for (const [k, e] of Object.entries(c.grads)) {
    const g = (ins[k] as Tensor).grad;
    expect(g, `${what}: grad of ${k}`).toBeInstanceOf(Tensor);
    expectClose(Array.from((g as Tensor).data, Number), e.data, tol, `${what}: grad of ${k}`);
  }
}

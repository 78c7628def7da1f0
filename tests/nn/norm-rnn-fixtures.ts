/**
 * Loader of the fixtures of scripts/gen-norm-rnn-fixtures.py (tests/fixtures/norm-rnn/), shared by
 * tests/nn/norm*.test.ts and tests/nn/rnn*.test.ts.
 *
 * Tolerances (written before running, never loosened):
 * | run                                        | rule                    |
 * |--------------------------------------------|-------------------------|
 * | float64 forward and gradients vs NumPy/torch float64 | rtol 1e-10, atol 1e-12 |
 * | float32 inputs vs float64 reference        | rtol 1e-4, atol 1e-5    |
 * | finite differences (float64)               | rtol 1e-6, atol 1e-8    |
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
  name: string;
  inputs: Record<string, Enc>;
  expected: Record<string, Enc>;
  params: Record<string, unknown>;
  weights?: Record<string, Enc>;
  dweights?: Record<string, Enc>;
}

const dir = new URL('../fixtures/norm-rnn/', import.meta.url);

export const CASES: FixtureCase[] = (JSON.parse(readFileSync(new URL('cases.json', dir), 'utf8')) as { cases: FixtureCase[] }).cases;

export const CHECKPOINTS = JSON.parse(readFileSync(new URL('checkpoints.json', dir), 'utf8')) as {
  lstm: { x: Enc; out: Enc; h: Enc; c: Enc; keys: string[] };
  bn: { x: Enc; y_eval: Enc; keys: string[] };
};

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, dir)));
}

export const F64 = { rtol: 1e-10, atol: 1e-12 };
export const F32 = { rtol: 1e-4, atol: 1e-5 };
export const GC = { rtol: 1e-6, atol: 1e-8 };

/** A tensor of the encoded values (float64 unless asked), a leaf that needs a gradient when `grad`. */
export function tensorOf(e: Enc, dtype: 'float32' | 'float64' = 'float64', grad = false): Tensor {
  const data = dtype === 'float64' ? Float64Array.from(e.data) : Float32Array.from(e.data);
  return Tensor.fromArray(data, e.shape, dtype, { stopGradient: !grad });
}

/** Asserts `t` has the encoded shape and values. */
export function expectEnc(t: Tensor | null | undefined, e: Enc | undefined, tol: { rtol: number; atol: number }, what: string): void {
  expect(t, what).toBeInstanceOf(Tensor);
  expect(e, `${what}: expected value`).toBeDefined();
  expect((t as Tensor).shape, `${what}: shape`).toEqual((e as Enc).shape);
  expectClose(Array.from((t as Tensor).data, Number), (e as Enc).data, tol, what);
}

/** Σ out·w as a scalar tensor built from ops (so backward seeds every output with w). */
export function weighted(out: Tensor, w: Enc): Tensor {
  return out.multiply(tensorOf(w, out.dtype as 'float32' | 'float64')).sum();
}

export function casesOf(op: string): FixtureCase[] {
  const cs = CASES.filter((c) => c.op === op);
  if (cs.length === 0) throw new Error(`no fixture for ${op}`);
  return cs;
}

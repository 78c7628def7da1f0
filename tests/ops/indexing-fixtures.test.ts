/**
 * Indexing (getitem), einsum, linalg.norm and nn.functional.pad against NumPy float64
 * (scripts/make-ops-indexing-fixtures.py → tests/fixtures/ops-indexing/cases.json), each case
 * with float64 and with float32 inputs; tolerances as tests/ops/fixture-cases.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as paddle from '../../src/index.js';
import type { Tensor } from '../../src/tensor/tensor.js';
import { checkCase, type Case, type Runner } from './fixture-cases.js';

const CASES: Case[] = (
  JSON.parse(readFileSync(new URL('../fixtures/ops-indexing/cases.json', import.meta.url), 'utf8')) as { cases: Case[] }
).cases;

const RUNNERS: Record<string, Runner> = {
  getitem: (ins, p) => {
    const x = ins.x as Tensor;
    if (typeof p.index === 'string') return x.get(p.index);
    const items = (p.items as unknown[]).map((it) =>
      it !== null && typeof it === 'object' ? (ins[(it as { input: string }).input] as Tensor) : (it as number | string | null),
    );
    return paddle.getitem(x, items);
  },
  einsum: (ins, p) => {
    const operands = Object.keys(ins).sort().map((k) => ins[k] as Tensor);
    return paddle.einsum(p.equation as string, ...operands);
  },
  norm: ({ x }, p) => {
    const order = p.p === 'inf' ? Infinity : p.p === '-inf' ? -Infinity : (p.p as number | 'fro');
    return paddle.linalg.norm(x as Tensor, order, { axis: p.axis as number | number[] | null, keepdim: p.keepdim as boolean });
  },
  pad: ({ x }, p) => {
    const { pad, ...rest } = p;
    return paddle.nn.functional.pad(x as Tensor, pad as number[], rest);
  },
};

describe('indexing, einsum, norm, pad against NumPy fixtures', () => {
  it('has cases for every op', () => {
    expect(new Set(CASES.map((c) => c.op))).toEqual(new Set(Object.keys(RUNNERS)));
  });
  for (const dtype of ['float64', 'float32'] as const) {
    for (const c of CASES) {
      it(`${c.op} ${JSON.stringify(c.params)} (${dtype})`, () => checkCase(c, RUNNERS[c.op] as Runner, dtype));
    }
  }
});

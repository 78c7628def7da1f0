/**
 * relu's float32 forward and backward run over the values' bits without a branch on the data
 * (src/ops/elementwise.ts reluBitsF32 / reluGradBitsF32): the same bits as the plain float
 * expressions (`v > 0 ? v : NaN-kept : 0` and `out > 0 ? g : g·0`), which the float64 path still
 * evaluates, on the special values (±0, NaN of both signs, ±Infinity, subnormals, ±FLT_MAX) and on
 * a long random mix.
 */
import { expect, it } from 'vitest';
import * as paddle from '../../src/index.js';
import { rng } from '../helpers/rng.js';

const SPECIAL = [0, -0, 1, -1, NaN, -NaN, Infinity, -Infinity, 1e-45, -1e-45, 3.4028234663852886e38, -3.4028234663852886e38, 0.5, -0.5];

function check(vals: number[], gvals: number[]): void {
  const x = paddle.toTensor(vals, { dtype: 'float32', stopGradient: false });
  const x64 = paddle.toTensor(vals, { dtype: 'float64', stopGradient: false });
  const y = paddle.nn.functional.relu(x);
  const y64 = paddle.nn.functional.relu(x64);
  for (let i = 0; i < vals.length; i++) {
    if (!Object.is(y.data[i], Math.fround(y64.data[i] as number))) expect.fail(`forward x=${vals[i]}: ${y.data[i]} vs ${y64.data[i]}`);
  }
  y.backward(paddle.toTensor(gvals, { dtype: 'float32' }));
  y64.backward(paddle.toTensor(gvals, { dtype: 'float64' }));
  for (let i = 0; i < vals.length; i++) {
    const got = (x.grad as paddle.Tensor).data[i];
    const want = Math.fround((x64.grad as paddle.Tensor).data[i] as number);
    if (!Object.is(got, want)) expect.fail(`backward x=${vals[i]} g=${gvals[i]}: ${got} vs ${want}`);
  }
}

it('relu float32 (branch-free bits) = the plain expressions, on special values', () => {
  const g = [1, -2, NaN, Infinity, -Infinity, -0, 0, 3, -3, 5, NaN, 1, -1, 0.25];
  check(SPECIAL, g);
  check(SPECIAL, [...g].reverse());
  check(SPECIAL, SPECIAL);
});

it('relu float32 = the plain expressions on 100,000 random values mixed with special ones', () => {
  const r = rng(5);
  const pick = (): number => {
    const u = r();
    return u < 0.1 ? (SPECIAL[Math.floor(r() * SPECIAL.length)] as number) : Math.fround((r() - 0.5) * 10 ** Math.floor(r() * 8 - 4));
  };
  const vals = Array.from({ length: 100_000 }, pick);
  const gvals = Array.from({ length: 100_000 }, pick);
  check(vals, gvals);
});

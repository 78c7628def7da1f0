/**
 * max_pool2d, avg_pool2d, adaptive_avg_pool2d, max_pool1d, avg_pool1d (functional and layer
 * forms) against NumPy float64 references of Paddle's CPU pooling (scripts/gen-conv-fixtures.py):
 * outputs, masks and input gradients, in float64 and float32.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as nn from '../../src/nn/index.js';
import { getDefaultDType, setDefaultDType } from '../../src/tensor/creation.js';
import type { Tensor } from '../../src/tensor/tensor.js';
import { checkFixture, FIXTURES, type FixtureRunner } from './conv-fixtures.js';

const F = nn.functional;
type P = Record<string, unknown>;
type K = number | number[];
const withMask = (c: { op: string; params: P }): P => (c.op.startsWith('max') ? { ...c.params, returnMask: true } : c.params);

const RUNNERS: Record<string, FixtureRunner> = {
  max_pool2d: ({ x }, c) => F.max_pool2d(x as Tensor, c.kernel as K, withMask(c)),
  avg_pool2d: ({ x }, c) => F.avg_pool2d(x as Tensor, c.kernel as K, c.params),
  max_pool1d: ({ x }, c) => F.max_pool1d(x as Tensor, c.kernel as K, withMask(c)),
  avg_pool1d: ({ x }, c) => F.avg_pool1d(x as Tensor, c.kernel as K, c.params),
  adaptive_avg_pool2d: ({ x }, c) => F.adaptive_avg_pool2d(x as Tensor, c.outputSize as number, c.params),
};

const LAYERS: Record<string, FixtureRunner> = {
  max_pool2d: ({ x }, c) => new nn.MaxPool2D(c.kernel as K, withMask(c)).forward(x as Tensor),
  avg_pool2d: ({ x }, c) => new nn.AvgPool2D(c.kernel as K, c.params).forward(x as Tensor),
  max_pool1d: ({ x }, c) => new nn.MaxPool1D(c.kernel as K, withMask(c)).forward(x as Tensor),
  avg_pool1d: ({ x }, c) => new nn.AvgPool1D(c.kernel as K, c.params).forward(x as Tensor),
  adaptive_avg_pool2d: ({ x }, c) => new nn.AdaptiveAvgPool2D(c.outputSize as number, c.params).forward(x as Tensor),
};

const mine = FIXTURES.filter((c) => c.op in RUNNERS);

describe('poolings against NumPy', () => {
  it('has fixtures for every op', () => {
    for (const op of Object.keys(RUNNERS)) expect(mine.some((c) => c.op === op), op).toBe(true);
  });
  for (const dtype of ['float64', 'float32'] as const) {
    for (const c of mine) it(`${c.op} ${JSON.stringify(c.params)} (${dtype})`, () => checkFixture(c, RUNNERS[c.op] as FixtureRunner, dtype));
  }
});

describe('the pooling layers compute the fixtures', () => {
  let dtype = getDefaultDType();
  beforeAll(() => {
    dtype = getDefaultDType();
    setDefaultDType('float64');
  });
  afterAll(() => setDefaultDType(dtype));
  for (const c of mine) it(`${c.op} ${JSON.stringify(c.params)}`, () => checkFixture(c, LAYERS[c.op] as FixtureRunner, 'float64'));
});

describe('max pooling without a mask returns one tensor', () => {
  it('functional and layer', () => {
    const c = mine.find((k) => k.op === 'max_pool2d')!;
    const run: FixtureRunner = ({ x }) => F.max_pool2d(x as Tensor, c.kernel as K, c.params);
    const { mask: _m, ...noMask } = c;
    void _m;
    checkFixture(noMask, run, 'float64');
    checkFixture(noMask, ({ x }) => new nn.MaxPool2D(c.kernel as K, c.params).forward(x as Tensor), 'float64');
  });
});

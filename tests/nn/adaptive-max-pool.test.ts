/**
 * `F.adaptive_max_pool2d` and `nn.AdaptiveMaxPool2D` against NumPy float64 references of Paddle's
 * CPU max_pool2d_with_index kernel in adaptive mode (scripts/gen-adaptive-max-pool-fixtures.py):
 * outputs, int32 masks and input gradients (overlapping windows accumulate), in float64 and
 * float32; Paddle's argument errors; the layer's repr (and AdaptiveAvgPool2D's `None`).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as nn from '../../src/nn/index.js';
import { TypeError as PaddleTypeError, ValueError } from '../../src/errors.js';
import { getDefaultDType, setDefaultDType, toTensor } from '../../src/tensor/creation.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { checkFixture, type FixtureCase, type FixtureRunner } from './conv-fixtures.js';

const F = nn.functional;
const CASES: FixtureCase[] = (
  JSON.parse(readFileSync(new URL('../fixtures/conv/adaptive-max-pool.json', import.meta.url), 'utf8')) as { cases: FixtureCase[] }
).cases;
type Size = number | (number | null)[];

const functional: FixtureRunner = ({ x }, c) => F.adaptive_max_pool2d(x as Tensor, c.outputSize as Size, { returnMask: true });
const layer: FixtureRunner = ({ x }, c) => new nn.AdaptiveMaxPool2D(c.outputSize as Size, { returnMask: true }).forward(x as Tensor);

describe('adaptive_max_pool2d against NumPy', () => {
  it('has the six fixtures', () => {
    expect(CASES.map((c) => JSON.stringify(c.outputSize))).toEqual(['3', '[4,3]', '[2,null]', '[4,2]', '1', '[5,7]']);
  });
  for (const dtype of ['float64', 'float32'] as const) {
    for (const c of CASES) it(`output_size=${JSON.stringify(c.outputSize)} (${dtype})`, () => checkFixture(c, functional, dtype));
  }
});

describe('nn.AdaptiveMaxPool2D computes the fixtures', () => {
  let dtype = getDefaultDType();
  beforeAll(() => {
    dtype = getDefaultDType();
    setDefaultDType('float64');
  });
  afterAll(() => setDefaultDType(dtype));
  for (const c of CASES) it(`output_size=${JSON.stringify(c.outputSize)}`, () => checkFixture(c, layer, 'float64'));
});

describe('adaptive max pooling without a mask', () => {
  it('returns one tensor, the same values (functional and layer)', () => {
    const c = CASES[0] as FixtureCase;
    const { mask: _m, ...noMask } = c;
    void _m;
    checkFixture(noMask, ({ x }) => F.adaptiveMaxPool2d(x as Tensor, 3), 'float64');
    checkFixture(noMask, ({ x }) => new nn.AdaptiveMaxPool2D(3).forward(x as Tensor), 'float64');
    const y = F.adaptive_max_pool2d(toTensor([[[[1, 2], [3, 4]]]], { dtype: 'float32' }), 1);
    expect(Array.isArray(y)).toBe(false);
    expect((y as Tensor).tolist()).toEqual([[[[4]]]]);
  });
});

describe("adaptive_max_pool2d's argument errors (Paddle's)", () => {
  const x = toTensor([[[[1, 2], [3, 4]]]], { dtype: 'float32' });
  it('a 3-D input: ValueError with _check_input\'s message', () => {
    expect(() => F.adaptive_max_pool2d(toTensor([[[1, 2]]], { dtype: 'float32' }), 1)).toThrow(ValueError);
    expect(() => F.adaptive_max_pool2d(toTensor([[[1, 2]]], { dtype: 'float32' }), 1)).toThrow("Excepted Input X is 4-D tensor, but received 3-D <class 'paddle.Tensor'>");
  });
  it('an integer input, a non-Tensor: TypeError', () => {
    expect(() => F.adaptive_max_pool2d(toTensor([[[[1, 2]]]], { dtype: 'int64' }), 1)).toThrow(PaddleTypeError);
    expect(() => F.adaptive_max_pool2d([[[[1]]]] as unknown as Tensor, 1)).toThrow(PaddleTypeError);
  });
  it('bad output sizes: ValueError', () => {
    for (const s of [0, -1, 1.5, [1], [1, 2, 3], [1, 0]] as unknown as Size[]) expect(() => F.adaptive_max_pool2d(x, s), JSON.stringify(s)).toThrow(ValueError);
  });
  it('unknown or ill-typed options: TypeError, naming the camelCase key', () => {
    expect(() => F.adaptive_max_pool2d(x, 1, { return_mask: true } as never)).toThrow(/returnMask/);
    expect(() => F.adaptive_max_pool2d(x, 1, { returnMask: 1 } as never)).toThrow(PaddleTypeError);
    expect(() => new nn.AdaptiveMaxPool2D(1, { returnMask: 'yes' } as never)).toThrow(PaddleTypeError);
    expect(() => new nn.AdaptiveMaxPool2D(1, { dataFormat: 'NCHW' } as never)).toThrow(PaddleTypeError);
  });
  it('leaves the input untouched', () => {
    const before = Array.from(x.data);
    F.adaptive_max_pool2d(x, [2, 1], { returnMask: true });
    expect(Array.from(x.data)).toEqual(before);
  });
});

describe('reprs', () => {
  it("AdaptiveMaxPool2D as Paddle's extra_repr", () => {
    expect(new nn.AdaptiveMaxPool2D(3).extraRepr()).toBe('output_size=3, return_mask=False');
    expect(new nn.AdaptiveMaxPool2D([3, null], { returnMask: true }).extraRepr()).toBe('output_size=[3, None], return_mask=True');
  });
  it('AdaptiveAvgPool2D prints a None output size as Python does (not null)', () => {
    expect(new nn.AdaptiveAvgPool2D([null, 4]).extraRepr()).toBe('output_size=[None, 4]');
  });
});

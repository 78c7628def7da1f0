/**
 * `F.unfold` and `nn.Unfold` against NumPy float64 references of Paddle's unfold (im2col)
 * (scripts/gen-unfold-fixtures.py): outputs and input gradients in float64 and float32, the
 * 1/2/4-integer paddings ([top, left, bottom, right]), dilations and strides; Paddle's argument
 * errors; the layer's repr.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as nn from '../../src/nn/index.js';
import { AssertionError, TypeError as PaddleTypeError, ValueError } from '../../src/errors.js';
import { getDefaultDType, setDefaultDType, toTensor } from '../../src/tensor/creation.js';
import type { Tensor } from '../../src/tensor/tensor.js';
import { checkFixture, type FixtureCase, type FixtureRunner } from './conv-fixtures.js';

const F = nn.functional;
const CASES: FixtureCase[] = (
  JSON.parse(readFileSync(new URL('../fixtures/conv/unfold.json', import.meta.url), 'utf8')) as { cases: FixtureCase[] }
).cases;
type K = number | number[];

const functional: FixtureRunner = ({ x }, c) => F.unfold(x as Tensor, c.kernel as K, c.params);
const layer: FixtureRunner = ({ x }, c) => new nn.Unfold(c.kernel as K, c.params).forward(x as Tensor);

describe('unfold against NumPy', () => {
  it('has the five fixtures', () => expect(CASES.length).toBe(5));
  for (const dtype of ['float64', 'float32'] as const) {
    for (const c of CASES) it(`kernel ${JSON.stringify(c.kernel)} ${JSON.stringify(c.params)} (${dtype})`, () => checkFixture(c, functional, dtype));
  }
});

describe('nn.Unfold computes the fixtures', () => {
  let dtype = getDefaultDType();
  beforeAll(() => {
    dtype = getDefaultDType();
    setDefaultDType('float64');
  });
  afterAll(() => setDefaultDType(dtype));
  for (const c of CASES) it(`kernel ${JSON.stringify(c.kernel)} ${JSON.stringify(c.params)}`, () => checkFixture(c, layer, 'float64'));
});

describe('unfold by hand', () => {
  it('a 1×1×3×3 image into its four 2×2 blocks, column by column', () => {
    const x = toTensor([[[[1, 2, 3], [4, 5, 6], [7, 8, 9]]]], { dtype: 'float32' });
    expect(F.unfold(x, 2).tolist()).toEqual([[[1, 2, 4, 5], [2, 3, 5, 6], [4, 5, 7, 8], [5, 6, 8, 9]]]);
  });
});

describe("unfold's argument errors (Paddle's)", () => {
  const x = toTensor([[[[1, 2], [3, 4]]]], { dtype: 'float32' });
  it('a 3-D input: AssertionError', () => {
    expect(() => F.unfold(toTensor([[[1, 2]]], { dtype: 'float32' }), 1)).toThrow(AssertionError);
    expect(() => F.unfold(toTensor([[[1, 2]]], { dtype: 'float32' }), 1)).toThrow('input should be the format of [N, C, H, W]');
  });
  it('sizes that are not an integer or two: AssertionError; non-integers: TypeError; not positive: ValueError', () => {
    expect(() => F.unfold(x, [1, 1, 1])).toThrow(AssertionError);
    expect(() => F.unfold(x, 1, { strides: [1] })).toThrow('strides should either be an integer or a list/tuple of two integers');
    expect(() => F.unfold(x, 1.5)).toThrow(PaddleTypeError);
    expect(() => F.unfold(x, 0)).toThrow(ValueError);
    expect(() => F.unfold(x, 1, { dilations: [1, 0] })).toThrow(ValueError);
  });
  it('paddings of 3 integers, negative paddings: ValueError', () => {
    expect(() => F.unfold(x, 1, { paddings: [1, 1, 1] })).toThrow('paddings should either be an integer or a list/tuple of 2 or 4 integers');
    expect(() => F.unfold(x, 1, { paddings: -1 })).toThrow(ValueError);
  });
  it('no block fits: ValueError', () => expect(() => F.unfold(x, 3)).toThrow(ValueError));
  it('integer input, unknown options: TypeError', () => {
    expect(() => F.unfold(toTensor([[[[1]]]], { dtype: 'int64' }), 1)).toThrow(PaddleTypeError);
    expect(() => F.unfold(x, 1, { kernel_sizes: 1 } as never)).toThrow(PaddleTypeError);
    expect(() => new nn.Unfold(1, { stride: 1 } as never)).toThrow(PaddleTypeError);
  });
  it('the layer checks its arguments when built', () => {
    expect(() => new nn.Unfold([2, 2, 2])).toThrow(AssertionError);
    expect(() => new nn.Unfold(2, { paddings: [1, 2, 3] })).toThrow(ValueError);
  });
});

describe('nn.Unfold repr', () => {
  it("as Paddle's extra_repr", () => {
    expect(new nn.Unfold([3, 3]).extraRepr()).toBe('kernel_size=[3, 3], dilation=1, padding=0, stride=1');
    expect(new nn.Unfold(2, { dilations: [1, 2], paddings: [0, 1, 0, 1], strides: 2, name: 'u' }).extraRepr()).toBe(
      'kernel_size=2, dilation=[1, 2], padding=[0, 1, 0, 1], stride=2, name=u',
    );
  });
});

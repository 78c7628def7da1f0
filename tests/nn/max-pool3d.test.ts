/**
 * `F.max_pool3d` and `nn.MaxPool3D` against NumPy float64 references of Paddle's CPU 3-D max
 * pooling (scripts/gen-max-pool3d-fixtures.py): outputs, int32 masks (NCDHW) and input gradients
 * in float64 and float32, with strides, explicit / SAME / pair paddings, ceil mode and NDHWC;
 * Paddle's argument errors; the layer's repr.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as nn from '../../src/nn/index.js';
import { TypeError as PaddleTypeError, ValueError } from '../../src/errors.js';
import { getDefaultDType, setDefaultDType, toTensor, zeros } from '../../src/tensor/creation.js';
import type { Tensor } from '../../src/tensor/tensor.js';
import { checkFixture, type FixtureCase, type FixtureRunner } from './conv-fixtures.js';

const F = nn.functional;
const CASES: FixtureCase[] = (
  JSON.parse(readFileSync(new URL('../fixtures/conv/max-pool3d.json', import.meta.url), 'utf8')) as { cases: FixtureCase[] }
).cases;
type K = number | number[];
const withMask = (c: FixtureCase): Record<string, unknown> => (c.mask === undefined ? c.params : { ...c.params, returnMask: true });

const functional: FixtureRunner = ({ x }, c) => F.max_pool3d(x as Tensor, c.kernel as K, withMask(c));
const layer: FixtureRunner = ({ x }, c) => new nn.MaxPool3D(c.kernel as K, withMask(c)).forward(x as Tensor);

describe('max_pool3d against NumPy', () => {
  it('has the six fixtures, five with masks', () => {
    expect(CASES.length).toBe(6);
    expect(CASES.filter((c) => c.mask !== undefined).length).toBe(5);
  });
  for (const dtype of ['float64', 'float32'] as const) {
    for (const c of CASES) it(`kernel ${JSON.stringify(c.kernel)} ${JSON.stringify(c.params)} (${dtype})`, () => checkFixture(c, functional, dtype));
  }
});

describe('nn.MaxPool3D computes the fixtures', () => {
  let dtype = getDefaultDType();
  beforeAll(() => {
    dtype = getDefaultDType();
    setDefaultDType('float64');
  });
  afterAll(() => setDefaultDType(dtype));
  for (const c of CASES) it(`kernel ${JSON.stringify(c.kernel)} ${JSON.stringify(c.params)}`, () => checkFixture(c, layer, 'float64'));
});

describe('max_pool3d without a mask', () => {
  it('returns one tensor with the same values', () => {
    const c = CASES[0] as FixtureCase;
    const { mask: _m, ...noMask } = c;
    void _m;
    checkFixture(noMask, ({ x }) => F.maxPool3d(x as Tensor, c.kernel as K, c.params), 'float64');
  });
  it('the first of equal maxima wins, in the mask and the gradient', () => {
    const x = toTensor([[[[[1, 1], [1, 1]], [[1, 1], [1, 1]]]]], { dtype: 'float64', stopGradient: false });
    const [y, mask] = F.max_pool3d(x, 2, { returnMask: true });
    expect(mask.tolist()).toEqual([[[[[0]]]]]);
    y.backward();
    expect((x.grad as Tensor).tolist()).toEqual([[[[[1, 0], [0, 0]], [[0, 0], [0, 0]]]]]);
  });
  it('padding never wins over negative values', () => {
    const x = toTensor([[[[[-3, -2], [-5, -4]]]]], { dtype: 'float32' });
    expect(F.max_pool3d(x, [1, 2, 2], { padding: [0, 1, 1] }).tolist()).toEqual([[[[[-3, -2], [-5, -4]]]]]);
  });
});

describe("max_pool3d's argument errors (Paddle's)", () => {
  const x = zeros([1, 1, 2, 2, 2]);
  it('return_mask with NDHWC', () => {
    expect(() => F.max_pool3d(x, 1, { returnMask: true, dataFormat: 'NDHWC' })).toThrow('When setting return_mask to true, data_format must be set to NCDHW in API:max_pool3d');
  });
  it('an unknown data format, a 4-D input, no window that fits (C++ truncation: k 3 over 2 still gives one), ceil_mode with SAME', () => {
    expect(() => F.max_pool3d(x, 1, { dataFormat: 'NCHW' as never })).toThrow("Attr(data_format) should be 'NCDHW' or 'NDHWC'. Received Attr(data_format): NCHW.");
    expect(() => F.max_pool3d(zeros([1, 1, 2, 2]), 1)).toThrow(ValueError);
    expect(() => F.max_pool3d(x, 5, { stride: 1 })).toThrow('the output size must be greater than 0');
    expect(() => F.max_pool3d(x, 1, { padding: 'same', ceilMode: true })).toThrow('When Attr(padding) is "SAME", Attr(ceil_mode) must be False. Received ceil_mode: True.');
    expect(() => F.max_pool3d(x, [1, 1])).toThrow(ValueError);
  });
  it('integer input, ill-typed flags, unknown options: TypeError', () => {
    expect(() => F.max_pool3d(toTensor([[[[[1]]]]], { dtype: 'int64' }), 1)).toThrow(PaddleTypeError);
    expect(() => F.max_pool3d(x, 1, { ceilMode: 1 } as never)).toThrow(PaddleTypeError);
    expect(() => F.max_pool3d(x, 1, { return_mask: true } as never)).toThrow(/returnMask/);
    expect(() => new nn.MaxPool3D(2, { exclusive: true } as never)).toThrow(PaddleTypeError);
  });
  it('the layer checks its window when built', () => {
    expect(() => new nn.MaxPool3D([2, 2])).toThrow(ValueError);
    expect(() => new nn.MaxPool3D(2, { dataFormat: 'NHWC' as never })).toThrow(ValueError);
  });
});

describe('nn.MaxPool3D repr', () => {
  it("as Paddle's extra_repr", () => {
    expect(new nn.MaxPool3D(2).extraRepr()).toBe('kernel_size=2, stride=None, padding=0');
    expect(new nn.MaxPool3D([2, 3, 2], { stride: 1, padding: [1, 0, 1] }).extraRepr()).toBe('kernel_size=[2, 3, 2], stride=1, padding=[1, 0, 1]');
  });
});

/**
 * conv2d, conv1d, conv2d_transpose and conv1d_transpose (functional and layer forms) against
 * NumPy float64 references written from Paddle's definitions (scripts/gen-conv-fixtures.py):
 * outputs and the gradients of x, weight and bias, in float64 and float32, through both GEMM
 * routines of matmul (the installed WebAssembly one and the TypeScript kernel).
 *
 * PyTorch is not used: its transposed-convolution weight is [in, out/groups, kh, kw] as Paddle's,
 * but its padding='same' splits odd padding the other way for even kernels and refuses strides,
 * and its ceil-mode pooling drops a last window that starts in the padding, which Paddle keeps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as nn from '../../src/nn/index.js';
import { backendName, useBackend } from '../../src/kernels/index.js';
import { getDefaultDType, setDefaultDType } from '../../src/tensor/creation.js';
import type { Tensor } from '../../src/tensor/tensor.js';
import { checkFixture, FIXTURES, type FixtureCase, type FixtureRunner } from './conv-fixtures.js';

const F = nn.functional;
type P = Record<string, unknown>;

const RUNNERS: Record<string, FixtureRunner> = {
  conv2d: ({ x, weight, bias }, c) => F.conv2d(x as Tensor, weight as Tensor, bias ?? null, c.params as P),
  conv1d: ({ x, weight, bias }, c) => F.conv1d(x as Tensor, weight as Tensor, { ...(c.params as P), bias: bias ?? null }),
  conv2d_transpose: ({ x, weight, bias }, c) => F.conv2d_transpose(x as Tensor, weight as Tensor, bias ?? null, c.params as P),
  conv1d_transpose: ({ x, weight, bias }, c) => F.conv1d_transpose(x as Tensor, weight as Tensor, bias ?? null, c.params as P),
};

const mine = FIXTURES.filter((c) => c.op in RUNNERS);

describe('convolutions against NumPy', () => {
  it('has fixtures for every op', () => {
    for (const op of Object.keys(RUNNERS)) expect(mine.some((c) => c.op === op), op).toBe(true);
  });
  for (const dtype of ['float64', 'float32'] as const) {
    for (const c of mine) it(`${c.op} ${JSON.stringify(c.params)} (${dtype})`, () => checkFixture(c, RUNNERS[c.op] as FixtureRunner, dtype));
  }
});

describe('float32 convolutions on the reference kernels too', () => {
  beforeAll(() => {
    useBackend('ref');
  });
  afterAll(() => {
    useBackend('auto');
  });
  it('runs the TypeScript kernels', () => expect(backendName()).toBe('ref'));
  for (const c of mine) it(`${c.op} ${JSON.stringify(c.params)}`, () => checkFixture(c, RUNNERS[c.op] as FixtureRunner, 'float32'));
});

/** The layer whose forward is the case's functional call, with the fixture's weight and bias set. */
function layerFor(c: FixtureCase, ins: Record<string, Tensor>): nn.Layer & { weight: Tensor; bias: Tensor | null } {
  const w = ins.weight as Tensor;
  const p = { ...c.params } as P;
  const groups = (p.groups as number | undefined) ?? 1;
  const k = w.shape.slice(2);
  const biasAttr = ins.bias === undefined ? { biasAttr: false as const } : {};
  delete p.outputSize;
  switch (c.op) {
    case 'conv2d':
      return new nn.Conv2D(w.shape[1]! * groups, w.shape[0]!, k, { ...p, ...biasAttr });
    case 'conv1d':
      return new nn.Conv1D(w.shape[1]! * groups, w.shape[0]!, k, { ...p, ...biasAttr });
    case 'conv2d_transpose':
      return new nn.Conv2DTranspose(w.shape[0]!, w.shape[1]! * groups, k, { ...p, ...biasAttr });
    default:
      return new nn.Conv1DTranspose(w.shape[0]!, w.shape[1]! * groups, k, { ...p, ...biasAttr });
  }
}

describe('the layers compute the fixtures', () => {
  let dtype = getDefaultDType();
  beforeAll(() => {
    dtype = getDefaultDType();
    setDefaultDType('float64');
  });
  afterAll(() => setDefaultDType(dtype));
  for (const c of mine) {
    it(`${c.op} layer ${JSON.stringify(c.params)}`, () => {
      const run: FixtureRunner = (ins) => {
        const layer = layerFor(c, ins);
        layer.weight.setValue(ins.weight as Tensor);
        if (layer.bias !== null) layer.bias.setValue(ins.bias as Tensor);
        // Gradients land on the layer's parameters: hand them back under the fixture's names.
        ins.weight = layer.weight;
        if (layer.bias !== null) ins.bias = layer.bias;
        const outputSize = c.params.outputSize as number | number[] | undefined;
        return outputSize === undefined ? (layer.forward(ins.x) as Tensor) : ((layer as nn.Conv2DTranspose).forward(ins.x as Tensor, outputSize) as Tensor);
      };
      checkFixture(c, run, 'float64');
    });
  }
});

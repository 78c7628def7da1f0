/**
 * Float64 central-difference gradient checks of getitem (every index form; duplicates
 * accumulate), einsum, linalg.norm and nn.functional.pad, plus float32 gradients keeping the
 * input dtype and hand-derived accumulation cases.
 */
import { describe, expect, it } from 'vitest';
import * as paddle from '../../src/index.js';
import type { Tensor } from '../../src/tensor/tensor.js';
import { gradcheck, leaf } from './gradcheck.js';

const i64 = (v: number[] | number[][]): Tensor => paddle.toTensor(v, { dtype: 'int64' });

describe('gradcheck: getitem', () => {
  const table: [string, paddle.Index][] = [
    ['slices and an int', '1:3, :, 0'],
    ['ellipsis and a negative int', '..., -1'],
    ['None', ':, None, ::2'],
    ['negative steps', '::-1, 3:0:-2'],
    ['an int list with duplicates', '[0, 2, 0, 0], 1:'],
    ['two int lists, not adjacent', '[2, 0], :, [1, 3]'],
    ['an int tensor with duplicates', [i64([[1, 1], [0, 1]])]],
    ['a bool mask', [':', paddle.toTensor([true, false, true, true])]],
  ];
  for (const [name, index] of table) {
    it(name, () => gradcheck((x) => paddle.getitem(x, index), [leaf([3, 4, 5], 3)]));
  }
  it('a mask over two axes, and the method form', () => {
    const mask = paddle.toTensor([[true, false, true, false], [false, false, true, true], [true, true, false, false]]);
    gradcheck((x) => x.get(mask), [leaf([3, 4, 5], 4)]);
  });
  it('duplicates accumulate: x[[0, 0, 1]].sum() gives [2, 1, 0] (hand-derived)', () => {
    const x = paddle.toTensor([1, 2, 3], { dtype: 'float32', stopGradient: false });
    x.get([[0, 0, 1]]).sum().backward();
    expect((x.grad as Tensor).dtype).toBe('float32');
    expect(Array.from((x.grad as Tensor).data)).toEqual([2, 1, 0]);
  });
});

describe('gradcheck: setitem (the value gets the written positions; duplicates: the last write)', () => {
  it('slices, broadcasting, duplicate int positions and a chain of assignments', () => {
    gradcheck(
      (v, u) => {
        const out = paddle.ones([3, 4], { dtype: 'float64' });
        out.set('1:, ::2', v);
        out.set([[0, 0, 2], [1, 1, 3]], u);
        out.set('0, 3', 7);
        return out.multiply(out);
      },
      [leaf([2, 1], 41), leaf([3], 42)],
    );
  });
});

describe('gradcheck: einsum', () => {
  const table: [string, number[][]][] = [
    ['ij->ji', [[3, 4]]],
    ['ij->', [[3, 4]]],
    ['ij->j', [[3, 4]]],
    ['bij,bjk->bik', [[2, 3, 4], [2, 4, 2]]],
    ['i,j->ij', [[3], [4]]],
    ['i,i->', [[4], [4]]],
    ['ij,jk,kl->il', [[2, 3], [3, 4], [4, 2]]],
    ['bn,anm,bm->ba', [[2, 3], [2, 3, 4], [2, 4]]],
    ['...ij,...jk->...ik', [[2, 1, 3, 2], [4, 2, 3]]],
    ['ii (trace)', [[3, 3]]],
    ['iji->j', [[3, 2, 3]]],
  ];
  for (const [eq, shapes] of table) {
    it(eq, () => gradcheck((...xs) => paddle.einsum(eq.split(' ')[0] as string, ...xs), shapes.map((s, k) => leaf(s, 10 + k))));
  }
});

describe('gradcheck: linalg.norm', () => {
  // Distinct magnitudes (no ties for ±inf), away from zero, both signs.
  const distinctAbs = (_v: number, i: number): number => (((i * 7) % 24) * 0.1 + 0.3) * (i % 3 === 0 ? -1 : 1);
  const table: [string, paddle.NormP, paddle.NormOptions][] = [
    ['fro', 'fro', {}],
    ['fro over two axes', 'fro', { axis: [0, 2] }],
    ['2 along an axis', 2, { axis: 1 }],
    ['1', 1, { axis: 0, keepdim: true }],
    ['3', 3, { axis: -1 }],
    ['0.5', 0.5, { axis: 1 }],
    ['inf', Infinity, { axis: 1 }],
    ['-inf', -Infinity, {}],
    ['matrix inf', Infinity, { axis: [1, 2] }],
    ['matrix -1', -1, { axis: [0, 2], keepdim: true }],
  ];
  for (const [name, p, o] of table) {
    it(name, () => gradcheck((x) => paddle.linalg.norm(x, p, o), [leaf([2, 3, 4], 21, -2, 2, distinctAbs)]));
  }
  it('a zero norm has a zero gradient; p = 0 has a zero gradient', () => {
    const x = paddle.zeros([3], { dtype: 'float64' });
    x.stopGradient = false;
    paddle.linalg.norm(x, 2).backward();
    expect(Array.from((x.grad as Tensor).data)).toEqual([0, 0, 0]);
    const y = paddle.toTensor([1, 0, 2], { dtype: 'float64', stopGradient: false });
    paddle.linalg.norm(y, 0).backward();
    expect(Array.from((y.grad as Tensor).data)).toEqual([0, 0, 0]);
  });
});

describe('gradcheck: nn.functional.pad', () => {
  const F = paddle.nn.functional;
  const table: [string, number[], paddle.nn.functional.PadOptions][] = [
    ['constant, full length', [1, 0, 0, 2, 1, 1, 0, 1], { value: 2 }],
    ['constant NCHW', [1, 2, 0, 1], {}],
    ['reflect', [2, 1, 1, 2], { mode: 'reflect' }],
    ['replicate', [2, 1, 1, 3], { mode: 'replicate' }],
    ['circular NHWC', [1, 1, 2, 0], { mode: 'circular', dataFormat: 'NHWC' }],
  ];
  for (const [name, pad, o] of table) {
    it(name, () => gradcheck((x) => F.pad(x, pad, o), [leaf([1, 2, 3, 4], 31)]));
  }
  it('replicate accumulates the edge (hand-derived): pad [2, 0] of [a, b] gives grads [3, 1]', () => {
    const x = paddle.toTensor([[[1, 2]]], { dtype: 'float32', stopGradient: false });
    F.pad(x, [2, 0], 'replicate').sum().backward();
    expect(Array.from((x.grad as Tensor).data)).toEqual([3, 1]);
  });
});

/**
 * getitem/setitem semantics beyond the fixtures (setitem in place, broadcasting, the graph rules,
 * Paddle doc examples), and the error table of indexing, einsum, linalg.norm and pad.
 */
import { describe, expect, it } from 'vitest';
import * as paddle from '../../src/index.js';
import { IndexError, NotImplementedError, TypeError as PaddleTypeError, ValueError } from '../../src/errors.js';
import type { Tensor } from '../../src/tensor/tensor.js';

const f64 = (v: unknown): Tensor => paddle.toTensor(v as number[], { dtype: 'float64' });
const i64 = (v: number[] | number[][]): Tensor => paddle.toTensor(v, { dtype: 'int64' });
const bad = <T>(v: unknown): T => v as T;

describe('getitem', () => {
  it("Paddle's indexing guide: ndim_1_tensor[-1], [:3], [6:], [3:6], [::3], [::-1]", () => {
    const t = paddle.toTensor([0, 1, 2, 3, 4, 5, 6, 7, 8], { dtype: 'int64' });
    expect(t.get(-1).tolist()).toEqual(8);
    expect(t.get(':3').tolist()).toEqual([0, 1, 2]);
    expect(t.get('6:').tolist()).toEqual([6, 7, 8]);
    expect(t.get('3:6').tolist()).toEqual([3, 4, 5]);
    expect(t.get('::3').tolist()).toEqual([0, 3, 6]);
    expect(t.get('::-1').tolist()).toEqual([8, 7, 6, 5, 4, 3, 2, 1, 0]);
  });
  it('the string and the array forms agree; a nested array is a list index', () => {
    const x = paddle.arange(0, 24, 1, { dtype: 'float64' }).reshape([2, 3, 4]);
    expect(x.get([1, ':', '::-2']).tolist()).toEqual(x.get('1, :, ::-2').tolist());
    expect(x.get([null, '...', 0]).shape).toEqual([1, 2, 3]);
    expect(x.get([[1, 0]]).tolist()).toEqual(x.get('[1, 0]').tolist());
    expect(x.get([0, 2]).tolist()).toEqual([8, 9, 10, 11]);
    expect(x.get([[true, false]]).shape).toEqual([1, 3, 4]);
    expect(x.get('0,').shape).toEqual([3, 4]);
  });
  it('int dtypes index and keep their dtype; results are copies', () => {
    const x = i64([[1, 2], [3, 4]]);
    const y = x.get('0');
    expect(y.dtype).toBe('int64');
    y.set('0', 9);
    expect(x.tolist()).toEqual([[1, 2], [3, 4]]);
  });
});

describe('setitem', () => {
  it('slices, broadcasting, masks and int arrays, in place (returns x)', () => {
    const x = paddle.zeros([3, 4], { dtype: 'float32' });
    expect(x.set('1:, ::2', 5)).toBe(x);
    expect(x.tolist()).toEqual([[0, 0, 0, 0], [5, 0, 5, 0], [5, 0, 5, 0]]);
    paddle.setitem(x, '0', paddle.toTensor([1, 2, 3, 4]));
    x.set(':, -1', [[7], [8], [9]].flat());
    expect(x.tolist()).toEqual([[1, 2, 3, 7], [5, 0, 5, 8], [5, 0, 5, 9]]);
    x.set(x.greaterThan(4), 0);
    expect(x.tolist()).toEqual([[1, 2, 3, 0], [0, 0, 0, 0], [0, 0, 0, 0]]);
    x.set([[0, 2], [1, 3]], paddle.toTensor([6, 7]));
    expect(x.get([[0, 2], [1, 3]]).tolist()).toEqual([6, 7]);
  });
  it('values are cast to the dtype of x', () => {
    const x = i64([1, 2, 3]);
    x.set('1', 2.7);
    expect(x.tolist()).toEqual([1, 2, 3]);
    const y = paddle.zeros([2], { dtype: 'float32' });
    y.set('0', f64([0.1]));
    expect(y.data[0]).toBe(Math.fround(0.1));
  });
  it('a leaf that needs a gradient: Paddle\'s error; under noGrad it writes', () => {
    const w = paddle.toTensor([1, 2, 3], { stopGradient: false });
    expect(() => w.set('0', 5)).toThrow(ValueError);
    expect(() => w.set('0', 5)).toThrow(/^\(InvalidArgument\) Leaf Tensor \(.*\) that doesn't stop gradient can't use inplace strategy\.$/);
    paddle.noGrad(() => w.set('0', 5));
    expect(w.tolist()).toEqual([5, 2, 3]);
  });
  it("into the output of another op in a graph: NotImplementedError (that op's backward may read x)", () => {
    const w = paddle.toTensor([1, 2, 3], { stopGradient: false });
    const y = w.multiply(2);
    expect(() => y.set('0', 1)).toThrow(NotImplementedError);
    expect(() => y.set('0', 1)).toThrow(/the output of the op 'multiply' in a graph, is not supported/);
  });
  it("a value that needs a gradient: x joins the graph (Paddle's set_value gradient)", () => {
    // out = zeros([3]); out[0] = w[1]; out[1:] = w[0] * 3; out[2] = w[2]  →  out = [w1, 3·w0, w2]
    const w = paddle.toTensor([1, 2, 3], { stopGradient: false });
    const out = paddle.zeros([3]);
    out.set('0', w.get('1'));
    out.set('1:', w.get('0').multiply(3));
    out.set('2', w.get('2'));
    expect(out.tolist()).toEqual([2, 3, 3]);
    expect(out.stopGradient).toBe(false);
    out.multiply(paddle.toTensor([1, 10, 100])).sum().backward();
    // d/dw0 = 3·10 (position 2 was overwritten by w2), d/dw1 = 1, d/dw2 = 100
    expect((w.grad as Tensor).tolist()).toEqual([30, 1, 100]);
  });
});

describe('linalg.norm: the Paddle documentation example', () => {
  // x = paddle.arange(24, dtype="float32").reshape([2, 3, 4]) - 12
  const x = paddle.arange(24, { dtype: 'float32' }).reshape([2, 3, 4]).subtract(12);
  const near = (t: Tensor, want: number[]): void => {
    Array.from(t.data).forEach((v, i) => expect(Math.abs(v - (want[i] as number))).toBeLessThan(1e-5 * Math.max(1, Math.abs(want[i] as number))));
  };
  it("p='fro' over [0, 1], p=2 along -1, inf, -inf, and matrix_norm's inf over [1, 2]", () => {
    near(paddle.linalg.norm(x, 'fro', { axis: [0, 1] }), [17.43559647, 16.91153526, 16.73320007, 16.91153526]);
    const p2 = paddle.linalg.norm(x, 2, { axis: -1 });
    expect(p2.shape).toEqual([2, 3]);
    near(p2, [21.11871147, 13.19090557, 5.47722578, 3.7416575, 11.22497177, 19.1311264]);
    expect(paddle.linalg.norm(x, Infinity).item()).toBe(12);
    expect(paddle.linalg.norm(x, -Infinity).item()).toBe(0);
    expect(paddle.linalg.norm(x, Infinity, { axis: 0 }).tolist()).toEqual([[12, 11, 10, 9], [8, 7, 6, 7], [8, 9, 10, 11]]);
    // max over rows of the row sums of |x|: [42, 26, 10] and [6, 22, 38]
    expect(paddle.linalg.norm(x, Infinity, { axis: [1, 2] }).tolist()).toEqual([42, 38]);
    expect(x.norm().item()).toBe(34); // √(Σ_{k≤12} k² + Σ_{k≤11} k²) = √1156
    expect(paddle.norm).toBe(paddle.linalg.norm);
  });
});

type Row = [string, () => unknown, new (...args: never[]) => Error, RegExp];
const x = paddle.arange(0, 24, 1, { dtype: 'float32' }).reshape([2, 3, 4]);
const errors: Row[] = [
  ['int out of range', () => x.get('2'), IndexError, /^index 2 is out of bounds for axis 0 with size 2\.$/],
  ['negative out of range', () => x.get(':, -4'), IndexError, /^index -4 is out of bounds for axis 1 with size 3\.$/],
  ['too many indices', () => x.get('0, 0, 0, 0'), IndexError, /^too many indices for tensor: tensor is 3-dimensional, but 4 were indexed\.$/],
  ['two ellipses', () => x.get('..., 0, ...'), IndexError, /^An index can only have a single ellipsis \('\.\.\.'\)\.$/],
  ['step zero', () => x.get('::0'), ValueError, /^slice step cannot be zero\.$/],
  ['unparsable', () => x.get('a:b'), ValueError, /^getitem: cannot parse 'a' in the index "a:b"/],
  ['float index tensor', () => x.get(paddle.toTensor([0.5])), IndexError, /integer \(int32, int64\) or bool type, but its dtype is float32\.$/],
  ['float number', () => x.get(0.5), IndexError, /^getitem: only integers, slices/],
  ['index tensor out of range', () => x.get(['...', i64([0, 4])]), IndexError, /^index 4 is out of bounds for axis 2 with size 4\.$/],
  ['mask shape', () => x.get(paddle.toTensor([true, false, true])), IndexError, /^The shape of the boolean index \[3\] does not match the indexed tensor/],
  ['arrays not broadcastable', () => x.get([i64([0, 1]), i64([0, 1, 2])]), ValueError, /cannot be broadcast together/],
  ['set: shape mismatch', () => paddle.zeros([2, 3]).set('0', [1, 2]), ValueError, /^setitem: the value of shape \[2\] cannot be broadcast to the indexed shape \[3\]\.$/],
  ['einsum operand count', () => paddle.einsum('ij,jk', x), ValueError, /^einsum: the equation 'ij,jk' has 2 input subscripts, but 1 operands were given\.$/],
  ['einsum rank', () => paddle.einsum('ij->i', x), ValueError, /^einsum: the subscripts 'ij' of operand 0 name 2 dimensions, but the operand has shape \[2, 3, 4\]\.$/],
  ['einsum sizes', () => paddle.einsum('ij,ij->', paddle.ones([2, 3]), paddle.ones([3, 2])), ValueError, /^einsum: the dimension 'i' of operand 1 has size 3, but another operand gives it size 2\.$/],
  ['einsum output label', () => paddle.einsum('ij->k', paddle.ones([2, 3])), ValueError, /output subscript 'k' does not appear/],
  ['einsum diagonal sizes', () => paddle.einsum('ii->i', paddle.ones([2, 3])), ValueError, /^einsum: the label 'i' repeated in the subscripts 'ii' of operand 0 names axes of different sizes \(shape \[2, 3\]\)\.$/],
  ['norm p string', () => paddle.linalg.norm(x, bad('max')), ValueError, /^norm: the 'p' must be 'fro', 'nuc' or a number, but received "max"\.$/],
  ['norm nuc one axis', () => paddle.linalg.norm(x, 'nuc', { axis: 0 }), ValueError, /nuclear norm \(p='nuc'\) needs two axes/],
  ['norm matrix order', () => paddle.linalg.norm(x, 3, { axis: [0, 1] }), ValueError, /a matrix norm over two axes takes p in/],
  ['norm three axes', () => paddle.linalg.norm(x, 'fro', { axis: [0, 1, 2] }), ValueError, /^norm: the 'axis' must be null, an integer or a list of 1 or 2 integers/],
  ['norm axis range', () => paddle.linalg.norm(x, 2, { axis: 3 }), ValueError, /^norm: the 'axis' must be an integer/],
  ['norm integers', () => paddle.linalg.norm(i64([1, 2])), PaddleTypeError, /must have dtype float32 or float64/],
  ['norm snake option', () => paddle.linalg.norm(x, 2, bad({ keep_dim: true })), PaddleTypeError, /^norm got an unexpected option 'keep_dim'/],
  ['pad odd length', () => paddle.nn.functional.pad(x, [1]), ValueError, /^pad: the length of 'pad' must be even, but received 1/],
  ['pad too long', () => paddle.nn.functional.pad(x, [1, 1, 1, 1, 1, 1, 1, 1]), ValueError, /must not exceed twice the rank/],
  ['pad reflect too wide', () => paddle.nn.functional.pad(x, [4, 0], 'reflect'), ValueError, /^pad: in 'reflect' mode each pad must be less than the size of its dim, but dim 2 of size 4 has pads \[4, 0\]\.$/],
  ['pad reflect length', () => paddle.nn.functional.pad(x, [1, 1, 1, 1], 'reflect'), ValueError, /^pad: in mode 'reflect' the length of 'pad' must be 2 for a 3-D input/],
  ['pad mode on 2-D', () => paddle.nn.functional.pad(paddle.ones([2, 2]), [1, 1], 'replicate'), ValueError, /pads the spatial dims of a 3-D, 4-D or 5-D input/],
  ['pad data format', () => paddle.nn.functional.pad(x, [1, 1], { mode: 'reflect', dataFormat: 'NCHW' }), ValueError, /^pad: the 'data_format' of a 3-D input must be one of 'NCL', 'NLC'/],
  ['pad mode name', () => paddle.nn.functional.pad(x, [1, 1], bad('edge')), ValueError, /^pad: the 'mode' must be one of/],
  ['pad snake option', () => paddle.nn.functional.pad(x, [1, 1], bad({ data_format: 'NCL' })), PaddleTypeError, /Did you mean 'dataFormat'/],
];
describe('errors', () => {
  for (const [name, fn, kind, msg] of errors) {
    it(name, () => {
      expect(fn).toThrow(kind);
      expect(fn).toThrow(msg);
    });
  }
});

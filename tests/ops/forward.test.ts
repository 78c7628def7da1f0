/**
 * Forward values against hand-computed expectations, dtype rules, float32 rounding, Paddle's
 * gradient conventions at ties and bounds, and the method forms.
 */
import { describe, expect, it } from 'vitest';
import * as ops from '../../src/ops/index.js';
import { TENSOR_METHOD_NAMES } from '../../src/ops/index.js';
import { toTensor } from '../../src/tensor/creation.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { rng } from './gradcheck.js';

const f32 = (v: unknown): Tensor => toTensor(v as number[], { dtype: 'float32' });
const f64 = (v: unknown): Tensor => toTensor(v as number[], { dtype: 'float64' });
const grad = (t: Tensor): unknown => (t.grad as Tensor).tolist();
const param = (v: unknown, dtype: 'float32' | 'float64' = 'float64'): Tensor => toTensor(v as number[], { dtype, stopGradient: false });

describe('binary elementwise values and broadcasting', () => {
  it('[3,1] + [1,4], [2,3] * [3], scalars on either side', () => {
    expect(ops.add(f32([[1], [2], [3]]), f32([[10, 20, 30, 40]])).tolist()).toEqual([
      [11, 21, 31, 41],
      [12, 22, 32, 42],
      [13, 23, 33, 43],
    ]);
    expect(ops.multiply(f32([[1, 2, 3], [4, 5, 6]]), f32([2, 0, -1])).tolist()).toEqual([[2, 0, -3], [8, 0, -6]]);
    expect(ops.subtract(10, f32([1, 2])).tolist()).toEqual([9, 8]);
    expect(ops.divide(f32([1, 2]), 4).tolist()).toEqual([0.25, 0.5]);
    expect(ops.pow(f32([1, 2, 3]), 2).tolist()).toEqual([1, 4, 9]);
    expect(ops.pow(f32([4, 9]), f32([0.5, 0.5])).tolist()).toEqual([2, 3]);
    expect(ops.maximum(f32([1, 5, NaN]), f32([3, 2, 0])).tolist()).toEqual([3, 5, NaN]);
    expect(ops.minimum(f32([1, 5]), 2).tolist()).toEqual([1, 2]);
  });

  it('0-D and empty operands', () => {
    const s = ops.add(toTensor(1.5), toTensor(2.25));
    expect(s.shape).toEqual([]);
    expect(s.item()).toBe(3.75);
    const e = ops.add(Tensor.fromArray(new Float32Array(0), [0, 3], 'float32'), f32([1, 2, 3]));
    expect(e.shape).toEqual([0, 3]);
  });

  it('float32 results are the correctly rounded value of each single step', () => {
    const r = rng(3);
    const n = 2000;
    const a = new Float32Array(n).map(() => (r() - 0.5) * 1e3);
    const b = new Float32Array(n).map(() => (r() - 0.5) * 1e-2 + 1e-3);
    const x = Tensor.fromArray(a, [n], 'float32');
    const y = Tensor.fromArray(b, [n], 'float32');
    const cases: [Tensor, (p: number, q: number) => number][] = [
      [ops.add(x, y), (p, q) => p + q],
      [ops.subtract(x, y), (p, q) => p - q],
      [ops.multiply(x, y), (p, q) => p * q],
      [ops.divide(x, y), (p, q) => p / q],
    ];
    for (const [t, f] of cases) {
      expect(t.data).toBeInstanceOf(Float32Array);
      for (let i = 0; i < n; i++) expect(t.data[i]).toBe(Math.fround(f(a[i] as number, b[i] as number)));
    }
    // A number operand is rounded to float32 first, as Paddle does: 0.1 → 0.100000001490116…
    expect(ops.multiply(f32([1]), 0.1).item()).toBe(Math.fround(0.1));
  });

  it('dtype rules: promotion, scalars, integer division', () => {
    expect(ops.add(f32([1]), f64([1])).dtype).toBe('float64');
    expect(ops.add(toTensor([1, 2], { dtype: 'int64' }), 3).dtype).toBe('int64');
    expect(ops.add(toTensor([1, 2], { dtype: 'int64' }), 0.5).dtype).toBe('float32');
    expect(ops.add(toTensor([true]), 1).dtype).toBe('int64');
    expect(ops.add(toTensor([true, true]), toTensor([true, false])).tolist()).toEqual([true, true]); // Paddle's add keeps bool
    expect(ops.add(toTensor([1], { dtype: 'int32' }), f32([1])).dtype).toBe('float32');
    const q = ops.divide(toTensor([7, 8], { dtype: 'int64' }), toTensor([2, 4], { dtype: 'int64' }));
    expect(q.dtype).toBe('float32');
    expect(q.tolist()).toEqual([3.5, 2]);
  });

  it('gradient conventions: maximum sends a tie to y, minimum likewise', () => {
    const x = param([1, 2, 3]);
    const y = param([2, 2, 2]);
    ops.maximum(x, y).sum().backward();
    expect(grad(x)).toEqual([0, 0, 1]);
    expect(grad(y)).toEqual([1, 1, 0]);
    const a = param([1, 2, 3]);
    const b = param([2, 2, 2]);
    ops.minimum(a, b).sum().backward();
    expect(grad(a)).toEqual([1, 0, 0]);
    expect(grad(b)).toEqual([0, 1, 1]);
  });

  it('the broadcast gradient is summed back: d/db Σ(x + b) = rows of x', () => {
    const x = param([[1, 2], [3, 4], [5, 6]], 'float32');
    const b = param([0, 0], 'float32');
    ops.add(x, b).sum().backward();
    expect(grad(b)).toEqual([3, 3]);
    expect((b.grad as Tensor).dtype).toBe('float32');
  });

  it('equal compares in the common dtype and gives bool', () => {
    const e = ops.equal(f32([1, 2, NaN]), f32([1, 3, NaN]));
    expect(e.dtype).toBe('bool');
    expect(e.tolist()).toEqual([true, false, false]);
    expect(ops.equal(toTensor([[1], [2]], { dtype: 'int64' }), toTensor([1, 2], { dtype: 'int64' })).tolist()).toEqual([[true, false], [false, true]]);
  });
});

describe('unary ops', () => {
  it('values', () => {
    expect(ops.neg(f32([1, -2])).tolist()).toEqual([-1, 2]);
    expect(ops.abs(f32([-1.5, 0, 2])).tolist()).toEqual([1.5, 0, 2]);
    expect(ops.sqrt(f32([4, 2])).tolist()).toEqual([2, Math.fround(Math.SQRT2)]);
    expect(ops.square(toTensor([3, -4], { dtype: 'int64' })).tolist()).toEqual([9, 16]);
    expect(ops.exp(f64([0, 1])).tolist()).toEqual([1, Math.E]);
    expect(ops.log(f64([1, Math.E])).tolist()).toEqual([0, 1]);
    expect(ops.sign(f32([-3, 0, 2])).tolist()).toEqual([-1, 0, 1]);
    expect(ops.clip(f32([-2, 0.5, 3]), { min: -1, max: 1 }).tolist()).toEqual([-1, 0.5, 1]);
    expect(ops.clip(f32([-2, 3]), { max: 0 }).tolist()).toEqual([-2, 0]);
  });
  it('sqrt/exp/log of integers give float32; neg/abs/square keep the dtype', () => {
    expect(ops.sqrt(toTensor([4, 9], { dtype: 'int64' })).dtype).toBe('float32');
    expect(ops.exp(toTensor([0], { dtype: 'int64' })).dtype).toBe('float32');
    expect(ops.abs(toTensor([-4], { dtype: 'int64' })).dtype).toBe('int64');
  });
  it('scale rounds two steps like Paddle: (x·s) + b, or (x + b)·s', () => {
    const x = f32([0.1]);
    const s = Math.fround(3);
    const b = Math.fround(0.7);
    const x0 = Math.fround(0.1);
    expect(ops.scale(x, { scale: 3, bias: 0.7 }).item()).toBe(Math.fround(Math.fround(x0 * s) + b));
    expect(ops.scale(x, { scale: 3, bias: 0.7, biasAfterScale: false }).item()).toBe(Math.fround(Math.fround(x0 + b) * s));
    expect(ops.scale(f32([1, 2])).tolist()).toEqual([1, 2]);
  });
  it('gradients at kinks follow Paddle: abs′(0) = 0, clip passes strictly inside (min, max)', () => {
    const a = param([0, -2, 3]);
    ops.abs(a).sum().backward();
    expect(grad(a)).toEqual([0, -1, 1]);
    const c = param([-1, 0, 1, 2]);
    ops.clip(c, { min: -1, max: 1 }).sum().backward();
    expect(grad(c)).toEqual([0, 1, 0, 0]);
  });
});

describe('reductions', () => {
  const x = f32([[1, 2, 3], [4, 5, 6]]);
  it('sum / mean / max / min over axes with keepdim', () => {
    expect(ops.sum(x).tolist()).toBe(21);
    expect(ops.sum(x).shape).toEqual([]);
    expect(ops.sum(x, { axis: 0 }).tolist()).toEqual([5, 7, 9]);
    expect(ops.sum(x, { axis: -1, keepdim: true }).tolist()).toEqual([[6], [15]]);
    expect(ops.sum(x, { axis: [0, 1], keepdim: true }).shape).toEqual([1, 1]);
    expect(ops.mean(x, { axis: 1 }).tolist()).toEqual([2, 5]);
    expect(ops.reduce_mean).toBe(ops.mean);
    expect(ops.max(x, { axis: 0 }).tolist()).toEqual([4, 5, 6]);
    expect(ops.min(x, { axis: 1, keepdim: true }).tolist()).toEqual([[1], [4]]);
    expect(ops.max(f32([1, NaN, 3])).tolist()).toBeNaN();
  });
  it('sum dtypes: bool and int32 sum to int64; dtype option', () => {
    expect(ops.sum(toTensor([true, true, false])).tolist()).toBe(2);
    expect(ops.sum(toTensor([true])).dtype).toBe('int64');
    expect(ops.sum(toTensor([1, 2], { dtype: 'int32' })).dtype).toBe('int64');
    expect(ops.sum(x, { dtype: 'float64' }).dtype).toBe('float64');
  });
  it('float32 sums accumulate in float64 and round once', () => {
    // 2^24 + 1 + 1 + … is not representable step by step in float32; the float64 sum is exact.
    const v = new Float32Array(9).fill(1);
    v[0] = 16777216;
    const s = ops.sum(Tensor.fromArray(v, [9], 'float32')).item();
    expect(s).toBe(16777224);
    const m = ops.mean(Tensor.fromArray(v, [9], 'float32')).item();
    expect(m).toBe(Math.fround(16777224 / 9));
  });
  it('max/min gradients reach every tied element', () => {
    const p = param([[1, 3, 3], [2, 0, 2]]);
    ops.max(p, { axis: 1 }).sum().backward();
    expect(grad(p)).toEqual([[0, 1, 1], [1, 0, 1]]);
  });
  it('argmax / argmin: first of ties, flattened by default, int64', () => {
    const t = f32([[1, 7, 7], [9, 0, 9]]);
    const a = ops.argmax(t);
    expect(a.dtype).toBe('int64');
    expect(a.shape).toEqual([]);
    expect(a.item()).toBe(3);
    expect(ops.argmax(t, { axis: 1 }).tolist()).toEqual([1, 0]);
    expect(ops.argmin(t, { axis: 0, keepdim: true }).tolist()).toEqual([[0, 1, 0]]);
    expect(ops.argmax(t, { axis: 1, dtype: 'int32' }).dtype).toBe('int32');
    expect(ops.argmax(t, { keepdim: true }).shape).toEqual([1, 1]);
  });
});

describe('shape manipulation and indexing', () => {
  const x = f32([[1, 2, 3], [4, 5, 6]]);
  it('reshape with 0 and -1; results are copies', () => {
    expect(ops.reshape(x, [0, -1]).shape).toEqual([2, 3]);
    expect(ops.reshape(x, [-1]).tolist()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ops.reshape(Tensor.fromArray(new Float32Array(24), [2, 3, 4], 'float32'), [0, -1]).shape).toEqual([2, 12]);
    expect(ops.reshape(x, [-1, 2, 1]).shape).toEqual([3, 2, 1]);
    const r = ops.reshape(x, [6]);
    r.data[0] = 100;
    expect(x.data[0]).toBe(1);
  });
  it('flatten, squeeze (non-1 axes ignored), unsqueeze (sequential)', () => {
    const t = Tensor.fromArray(new Float32Array(24), [2, 3, 4], 'float32');
    expect(ops.flatten(t).shape).toEqual([24]);
    expect(ops.flatten(t, { startAxis: 1 }).shape).toEqual([2, 12]);
    expect(ops.flatten(t, { startAxis: 0, stopAxis: 1 }).shape).toEqual([6, 4]);
    expect(ops.flatten(toTensor(1.5)).shape).toEqual([1]);
    const s = Tensor.fromArray(new Float32Array(6), [1, 3, 1, 2], 'float32');
    expect(ops.squeeze(s).shape).toEqual([3, 2]);
    expect(ops.squeeze(s, { axis: [1, 2] }).shape).toEqual([1, 3, 2]);
    expect(ops.unsqueeze(Tensor.fromArray(new Float32Array(50), [5, 10], 'float32'), [0, 2]).shape).toEqual([1, 5, 1, 10]);
    expect(ops.unsqueeze(x, -1).shape).toEqual([2, 3, 1]);
  });
  it('transpose, concat, stack', () => {
    expect(ops.transpose(x, [1, 0]).tolist()).toEqual([[1, 4], [2, 5], [3, 6]]);
    const t = toTensor([[[1, 2], [3, 4]], [[5, 6], [7, 8]]], { dtype: 'int64' });
    expect(ops.transpose(t, [2, 0, 1]).tolist()).toEqual([[[1, 3], [5, 7]], [[2, 4], [6, 8]]]);
    expect(ops.concat([x, f32([[7, 8, 9]])]).tolist()).toEqual([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    expect(ops.concat([x, f32([[0], [0]])], { axis: -1 }).tolist()).toEqual([[1, 2, 3, 0], [4, 5, 6, 0]]);
    expect(ops.stack([f32([1, 2]), f32([3, 4])]).tolist()).toEqual([[1, 2], [3, 4]]);
    expect(ops.stack([f32([1, 2]), f32([3, 4])], { axis: 1 }).tolist()).toEqual([[1, 3], [2, 4]]);
  });
  it('gather / indexSelect / where', () => {
    const idx = toTensor([1, 0, 1], { dtype: 'int64' });
    expect(ops.gather(x, idx).tolist()).toEqual([[4, 5, 6], [1, 2, 3], [4, 5, 6]]);
    expect(ops.gather(x, [2, 0], { axis: 1 }).tolist()).toEqual([[3, 1], [6, 4]]);
    expect(ops.gather(x, toTensor(1, { dtype: 'int64' })).tolist()).toEqual([4, 5, 6]);
    expect(ops.indexSelect(x, toTensor([2], { dtype: 'int32' }), { axis: 1 }).tolist()).toEqual([[3], [6]]);
    expect(ops.index_select).toBe(ops.indexSelect);
    const cond = toTensor([[true, false, true]]);
    expect(ops.where(cond, x, 0).tolist()).toEqual([[1, 0, 3], [4, 0, 6]]);
    expect(ops.where(cond, 1, x).tolist()).toEqual([[1, 2, 1], [1, 5, 1]]);
  });
  it('gather backward accumulates repeated ids; where splits the gradient', () => {
    const e = param([[1, 1], [2, 2], [3, 3]], 'float32');
    ops.gather(e, [2, 0, 2]).sum().backward();
    expect(grad(e)).toEqual([[1, 1], [0, 0], [2, 2]]);
    const a = param([1, 2, 3]);
    const b = param([[0, 0, 0], [0, 0, 0]]);
    ops.where(toTensor([true, false, true]), a, b).sum().backward();
    expect(grad(a)).toEqual([2, 0, 2]);
    expect(grad(b)).toEqual([[0, 1, 0], [0, 1, 0]]);
  });
  it('cast: truncation toward zero, bool, and the gradient back in the input dtype', () => {
    expect(ops.cast(f32([-1.7, 2.9]), 'int64').tolist()).toEqual([-1, 2]);
    expect(ops.cast(f32([0, -0.5]), 'bool').tolist()).toEqual([false, true]);
    const p = param([1.5, 2.5], 'float32');
    ops.cast(p, 'float64').sum().backward();
    expect((p.grad as Tensor).dtype).toBe('float32');
    expect(grad(p)).toEqual([1, 1]);
    const d = ops.detach(p);
    expect(d.stopGradient).toBe(true);
  });
});

describe('method forms', () => {
  it('every op method is installed on Tensor.prototype, non-enumerable', () => {
    for (const name of TENSOR_METHOD_NAMES) {
      const desc = Object.getOwnPropertyDescriptor(Tensor.prototype, name);
      expect(desc?.value, name).toBeTypeOf('function');
      expect(desc?.enumerable, name).toBe(false);
    }
    expect(Tensor.prototype.index_select).toBe(Tensor.prototype.indexSelect);
  });
  it('methods compute what the functions compute, and chain with gradients', () => {
    const x = f32([[1, 2], [3, 4]]);
    const w = param([[1, 0], [0, 2]], 'float32');
    expect(x.matmul(w).tolist()).toEqual(ops.matmul(x, w).tolist());
    expect(x.add(1).multiply(2).subtract(x).divide(2).tolist()).toEqual([[1.5, 2], [2.5, 3]]);
    expect(x.sum({ axis: 1 }).tolist()).toEqual([3, 7]);
    expect(x.mean().item()).toBe(2.5);
    expect(x.max().item()).toBe(4);
    expect(x.reshape([4]).argmax().item()).toBe(3);
    expect(x.transpose([1, 0]).flatten().tolist()).toEqual([1, 3, 2, 4]);
    expect(x.unsqueeze(0).squeeze().shape).toEqual([2, 2]);
    expect(x.gather([1]).tolist()).toEqual([[3, 4]]);
    expect(x.pow(2).sqrt().tolist()).toEqual([[1, 2], [3, 4]]);
    expect(x.clip({ min: 2, max: 3 }).neg().abs().tolist()).toEqual([[2, 2], [3, 3]]);
    expect(x.scale({ scale: 2, bias: 1 }).tolist()).toEqual([[3, 5], [7, 9]]);
    expect(x.equal(2).tolist()).toEqual([[false, true], [false, false]]);
    expect(x.cast('int32').dtype).toBe('int32');
    x.matmul(w).square().mean().backward();
    // xW = [[1, 4], [3, 8]]; d mean((xW)²)/d(xW) = xW / 2 = [[0.5, 2], [1.5, 4]];
    // dW = xᵀ · that = [[1·0.5 + 3·1.5, 1·2 + 3·4], [2·0.5 + 4·1.5, 2·2 + 4·4]].
    expect(grad(w)).toEqual([[5, 14], [7, 20]]);
  });
});

describe("bool arithmetic follows Paddle's dtypes", () => {
  it('multiply and add of two bool tensors stay bool (and / or); subtract counts them as int64', () => {
    const a = toTensor([true, true, false, false]);
    const b = toTensor([true, false, true, false]);
    const m = ops.multiply(a, b);
    expect(m.dtype).toBe('bool');
    expect(m.tolist()).toEqual([true, false, false, false]);
    const s = ops.add(a, b);
    expect(s.dtype).toBe('bool');
    expect(s.tolist()).toEqual([true, true, true, false]);
    expect(ops.subtract(a, b).dtype).toBe('int64');
    expect(ops.multiply(a, 2).dtype).toBe('int64');
  });
});

describe("Paddle's first optional argument positionally", () => {
  const x = toTensor([[1, 2, 3], [4, 5, 6]], { dtype: 'float64' });
  it('reductions: the axis (then options); the same as { axis }', () => {
    for (const [name, f] of [
      ['sum', ops.sum],
      ['mean', ops.mean],
      ['max', ops.max],
      ['min', ops.min],
      ['prod', ops.prod],
      ['logsumexp', ops.logsumexp],
      ['std', ops.std],
      ['var', ops.var],
    ] as const) {
      const a = (f as (x: Tensor, a?: unknown, o?: unknown) => Tensor)(x, 1);
      const b = (f as (x: Tensor, a?: unknown) => Tensor)(x, { axis: 1 });
      expect([name, a.tolist()]).toEqual([name, b.tolist()]);
    }
    expect(ops.sum(x, 0, { keepdim: true }).shape).toEqual([1, 3]);
    expect(ops.sum(x, [0, 1]).item()).toBe(21);
    expect(x.sum(1).tolist()).toEqual([6, 15]);
    expect(x.mean(0, { keepdim: true }).tolist()).toEqual([[2.5, 3.5, 4.5]]);
    expect(ops.argmax(x, 1).tolist()).toEqual([2, 2]);
    expect(ops.cumsum(x, 1).tolist()).toEqual([[1, 3, 6], [4, 9, 15]]);
    expect(ops.sort(toTensor([3, 1, 2], { dtype: 'float64' }), 0).tolist()).toEqual([1, 2, 3]);
    const b = toTensor([[true, false]]);
    expect(ops.any(b, 1).tolist()).toEqual([true]);
    expect(ops.all(b, 1).tolist()).toEqual([false]);
  });
  it('concat, stack, split and chunk take the axis; clip takes min and max', () => {
    expect(ops.concat([x, x], 1).shape).toEqual([2, 6]);
    expect(ops.stack([x, x], 1).shape).toEqual([2, 2, 3]);
    expect(ops.split(x, 3, 1).map((t) => t.shape)).toEqual([[2, 1], [2, 1], [2, 1]]);
    expect(ops.chunk(x, 2, 0).length).toBe(2);
    expect(x.split(3, 1).length).toBe(3);
    expect(ops.clip(x, 2, 5).tolist()).toEqual([[2, 2, 3], [4, 5, 5]]);
    expect(ops.clip(x, null, 2).tolist()).toEqual([[1, 2, 2], [2, 2, 2]]);
    expect(x.clip(2, 5).tolist()).toEqual([[2, 2, 3], [4, 5, 5]]);
    expect(ops.clip(x, { min: 2 }).tolist()).toEqual([[2, 2, 3], [4, 5, 6]]);
  });
  it('the same argument both ways, or two objects, is a TypeError', () => {
    expect(() => ops.sum(x, 1, { axis: 0 })).toThrow(/'axis' both positionally and in the options object/);
    expect(() => ops.sum(x, { axis: 1 }, { keepdim: true })).toThrow(/not two objects/);
    expect(() => ops.sum(x, 1, { axs: 1 } as never)).toThrow(/unexpected option 'axs'/);
  });
});

describe('clip(x, min, max, options)', () => {
  it('a bound given both positionally and in the options is a TypeError', () => {
    const x = toTensor([1, 5], { dtype: 'float64' });
    expect(() => ops.clip(x, 1, 2, { min: 3 })).toThrow(/'min' both positionally and in the options object/);
    expect(() => ops.clip(x, 1, 2, { max: 3 })).toThrow(/'max' both positionally and in the options object/);
    expect(ops.clip(x, 2, 4, { name: 'c' }).tolist()).toEqual([2, 4]);
  });
});

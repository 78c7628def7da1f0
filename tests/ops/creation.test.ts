/**
 * Tensor creation: constant fillers, ranges, and seeded random creation (same seed → same tensor;
 * an explicit `uniform` seed never disturbs the global stream).
 */
import { describe, expect, it } from 'vitest';
import { TypeError as PaddleTypeError, ValueError } from '../../src/errors.js';
import {
  arange,
  eye,
  full,
  full_like,
  fullLike,
  linspace,
  normal,
  ones,
  ones_like,
  onesLike,
  rand,
  randint,
  randn,
  to_tensor,
  toTensor,
  uniform,
  zeros,
  zeros_like,
  zerosLike,
} from '../../src/tensor/creation.js';
import { seed } from '../../src/tensor/random.js';
import type { Tensor } from '../../src/tensor/tensor.js';

const stats = (t: Tensor): { mean: number; std: number; min: number; max: number } => {
  const d = Array.from(t.data);
  const mean = d.reduce((p, q) => p + q, 0) / d.length;
  const std = Math.sqrt(d.reduce((p, q) => p + (q - mean) ** 2, 0) / d.length);
  return { mean, std, min: Math.min(...d), max: Math.max(...d) };
};

describe('constant creation', () => {
  it('full / zeros / ones and the *Like forms', () => {
    expect(full([2], 3).tolist()).toEqual([3, 3]);
    expect(full([2], 3).dtype).toBe('float32');
    expect(full([1], true).dtype).toBe('bool');
    expect(zeros([2, 1], { dtype: 'int64' }).tolist()).toEqual([[0], [0]]);
    expect(ones([]).tolist()).toBe(1);
    const x = toTensor([[1, 2, 3]], { dtype: 'float64' });
    expect(zerosLike(x).tolist()).toEqual([[0, 0, 0]]);
    expect(zerosLike(x).dtype).toBe('float64');
    expect(onesLike(x, { dtype: 'int32' }).dtype).toBe('int32');
    expect(fullLike(x, 0.5).tolist()).toEqual([[0.5, 0.5, 0.5]]);
    expect([full_like, zeros_like, ones_like, to_tensor]).toEqual([fullLike, zerosLike, onesLike, toTensor]);
  });
});

describe('ranges', () => {
  it('arange: one bound, integer and float steps, negative steps', () => {
    expect(arange(5).tolist()).toEqual([0, 1, 2, 3, 4]);
    expect(arange(5).dtype).toBe('int64');
    expect(arange(2, 8, 3).tolist()).toEqual([2, 5]);
    expect(arange(5, 0, -2).tolist()).toEqual([5, 3, 1]);
    expect(arange(3, 1).tolist()).toEqual([]);
    const f = arange(0, 1, 0.1);
    expect(f.dtype).toBe('float32');
    expect(f.shape).toEqual([10]);
    // Each element is start + i·step with step rounded to float32 and every step rounded.
    const s = Math.fround(0.1);
    expect(Array.from(f.data)).toEqual(Array.from({ length: 10 }, (_, i) => Math.fround(Math.fround(i * s))));
    expect(arange(0, 3, 1, { dtype: 'float64' }).dtype).toBe('float64');
  });
  it('linspace: both ends exact, evenly spaced', () => {
    expect(linspace(0, 1, 5).tolist()).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(linspace(2, 3, 1).tolist()).toEqual([2]);
    const l = linspace(0.1, 0.7, 7);
    expect(l.data[0]).toBe(Math.fround(0.1));
    expect(l.data[6]).toBe(Math.fround(0.7));
    expect(linspace(0, 1, 3, { dtype: 'float64' }).dtype).toBe('float64');
  });
  it('eye', () => {
    expect(eye(2).tolist()).toEqual([[1, 0], [0, 1]]);
    expect(eye(2, { numColumns: 3, dtype: 'int64' }).tolist()).toEqual([[1, 0, 0], [0, 1, 0]]);
  });
});

describe('random creation', () => {
  it('seed(n) makes every random creator reproducible', () => {
    const draw = (): number[][] => [
      Array.from(rand([5]).data),
      Array.from(randn([5]).data),
      Array.from(uniform([5], { min: 2, max: 3 }).data),
      Array.from(normal({ mean: 1, std: 2, shape: [5] }).data),
      Array.from(randint(0, 100, [5]).data),
    ];
    seed(123);
    const a = draw();
    seed(123);
    const b = draw();
    seed(124);
    const c = draw();
    expect(a).toEqual(b);
    expect(a[0]).not.toEqual(c[0]);
  });
  it('distributions: ranges and moments (fixed seed)', () => {
    seed(7);
    const u = stats(rand([20000]));
    expect(u.min).toBeGreaterThanOrEqual(0);
    expect(u.max).toBeLessThan(1);
    expect(u.mean).toBeCloseTo(0.5, 1);
    const n = stats(randn([20000], { dtype: 'float64' }));
    expect(n.mean).toBeCloseTo(0, 1);
    expect(n.std).toBeCloseTo(1, 1);
    const v = stats(uniform([20000], { min: -3, max: 5 }));
    expect(v.min).toBeGreaterThanOrEqual(-3);
    expect(v.max).toBeLessThan(5);
    expect(v.mean).toBeCloseTo(1, 0);
    const g = stats(normal({ mean: 10, std: 0.5, shape: [20000] }));
    expect(g.mean).toBeCloseTo(10, 1);
    expect(g.std).toBeCloseTo(0.5, 1);
    const r = randint(-2, 3, [20000]);
    const rs = stats(r);
    expect(r.dtype).toBe('int64');
    expect([rs.min, rs.max]).toEqual([-2, 2]);
    expect(Array.from(r.data).every(Number.isInteger)).toBe(true);
    expect(Array.from(randint(3, null, [100]).data).every((x) => x >= 0 && x < 3)).toBe(true);
  });
  it('dtypes: default float32, float64 on request; randint int32 on request', () => {
    expect(rand([1]).dtype).toBe('float32');
    expect(rand([1]).data).toBeInstanceOf(Float32Array);
    expect(randn([1], { dtype: 'float64' }).dtype).toBe('float64');
    expect(randint(0, 2, [1], { dtype: 'int32' }).dtype).toBe('int32');
  });
  it('uniform with an explicit seed is reproducible and leaves the global stream alone', () => {
    seed(5);
    const plain = Array.from(rand([4]).data);
    seed(5);
    const own1 = Array.from(uniform([6], { seed: 99 }).data);
    const after = Array.from(rand([4]).data);
    const own2 = Array.from(uniform([6], { seed: 99 }).data);
    expect(after).toEqual(plain);
    expect(own1).toEqual(own2);
    expect(Array.from(uniform([6], { seed: 100 }).data)).not.toEqual(own1);
  });
  it('normal with Tensor mean / std takes their shape', () => {
    seed(1);
    const m = toTensor([[0, 100], [200, 300]], { dtype: 'float64' });
    const t = normal({ mean: m, std: 0.001 });
    expect(t.shape).toEqual([2, 2]);
    expect(t.dtype).toBe('float64');
    const d = Array.from(t.data);
    [0, 100, 200, 300].forEach((mu, i) => expect(Math.abs((d[i] as number) - mu)).toBeLessThan(0.01));
  });
  it('rejects bad arguments', () => {
    expect(() => rand([2], { dtype: 'int64' })).toThrow(PaddleTypeError);
    expect(() => rand([2, -1])).toThrow(ValueError);
    expect(() => rand([2], { seed: 1 } as never)).toThrow(/unexpected option 'seed'/);
    expect(() => randint(5, 5)).toThrow(/'low' must be less than the 'high'.*low = 5, high = 5/);
    expect(() => randint(0, 2.5)).toThrow(PaddleTypeError);
    expect(() => uniform([2], { min: 2, max: 1 })).toThrow(ValueError);
    expect(() => normal({ mean: 0 })).toThrow(/'shape' is required/);
    expect(() => arange(0, 5, 0)).toThrow(/step/);
    expect(() => linspace(0, 1, 0)).toThrow(/'num'.*0/);
    expect(() => eye(-1)).toThrow(/num_rows.*-1/);
    expect(() => zerosLike([1, 2] as never)).toThrow(/'x' must be a Tensor/);
  });
});

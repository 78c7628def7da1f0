import { describe, expect, it } from 'vitest';
import { AssertionError, TypeError as PaddleTypeError, ValueError } from '../../src/errors.js';
import * as nn from '../../src/nn/index.js';
import { seed } from '../../src/tensor/random.js';
import { Parameter } from '../../src/tensor/parameter.js';
import { toTensor } from '../../src/tensor/creation.js';

const I = nn.initializer;

function filled(init: nn.initializer.Initializer, shape: number[], dtype: 'float32' | 'float64' = 'float64'): Float64Array {
  const p = new Parameter(shape, dtype, { name: 'init_probe' });
  init.forward(p);
  return Float64Array.from(p.data);
}

function stats(v: Float64Array): { mean: number; std: number; min: number; max: number } {
  let s = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const x of v) {
    s += x;
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  const mean = s / v.length;
  let q = 0;
  for (const x of v) q += (x - mean) ** 2;
  return { mean, std: Math.sqrt(q / v.length), min, max };
}

describe('fans and gains', () => {
  it('computes fans like Paddle _compute_fans', () => {
    expect(I.computeFans([])).toEqual([1, 1]);
    expect(I.computeFans([7])).toEqual([7, 7]);
    expect(I.computeFans([784, 256])).toEqual([784, 256]);
    // conv kernel [out_c, in_c, kh, kw]
    expect(I.computeFans([8, 3, 5, 5])).toEqual([75, 200]);
  });
  it('calculateGain', () => {
    expect(I.calculateGain('relu')).toBe(Math.SQRT2);
    expect(I.calculateGain('tanh')).toBe(5 / 3);
    expect(I.calculateGain('leaky_relu')).toBe(Math.sqrt(2 / (1 + 0.01 ** 2)));
    expect(I.calculateGain('leaky_relu', 1)).toBe(1);
    expect(I.calculateGain('conv2d')).toBe(1);
    expect(I.calculateGain('selu')).toBe(0.75);
    expect(() => I.calculateGain('swish')).toThrow(ValueError);
    expect(I.calculate_gain).toBe(I.calculateGain);
  });
});

describe('initializer distributions (seeded)', () => {
  const N = 200 * 100; // 20,000 draws: standard error of a mean of U(-1,1) ≈ 0.004

  it('Constant and Uniform', () => {
    expect(Array.from(filled(new I.Constant(), [3]))).toEqual([0, 0, 0]);
    expect(Array.from(filled(new I.Constant(2.5), [2]))).toEqual([2.5, 2.5]);
    expect(Array.from(filled(new I.Constant({ value: -1 }), [2]))).toEqual([-1, -1]);
    seed(11);
    const u = stats(filled(new I.Uniform(-0.5, 1.5), [200, 100]));
    expect(u.min).toBeGreaterThanOrEqual(-0.5);
    expect(u.max).toBeLessThan(1.5);
    expect(Math.abs(u.mean - 0.5)).toBeLessThan(0.02);
    expect(Math.abs(u.std - 2 / Math.sqrt(12))).toBeLessThan(0.02);
    const d = stats(filled(new I.Uniform(), [N]));
    expect(d.min).toBeGreaterThanOrEqual(-1);
    expect(d.max).toBeLessThan(1);
  });

  it('Normal and TruncatedNormal', () => {
    seed(12);
    const n = stats(filled(new I.Normal(1, 2), [N]));
    expect(Math.abs(n.mean - 1)).toBeLessThan(0.05);
    expect(Math.abs(n.std - 2)).toBeLessThan(0.05);
    const t = stats(filled(new I.TruncatedNormal(), [N]));
    expect(t.min).toBeGreaterThanOrEqual(-2);
    expect(t.max).toBeLessThanOrEqual(2);
    expect(Math.abs(t.mean)).toBeLessThan(0.03);
    // Std of N(0,1) truncated at ±2 is 0.8796.
    expect(Math.abs(t.std - 0.8796)).toBeLessThan(0.02);
    const s = stats(filled(new I.TruncatedNormal({ mean: 0, std: 1, a: 3, b: 3.5 }), [2000]));
    expect(s.min).toBeGreaterThanOrEqual(3);
    expect(s.max).toBeLessThanOrEqual(3.5);
    // Mean of N(0,1) on [3, 3.5] is (φ(3) − φ(3.5)) / (Φ(3.5) − Φ(3)) = 3.2035.
    expect(Math.abs(s.mean - 3.2035)).toBeLessThan(0.02);
    const far = stats(filled(new I.TruncatedNormal({ a: -12, b: -8 }), [500]));
    expect(far.max).toBeLessThanOrEqual(-8);
    expect(far.min).toBeGreaterThanOrEqual(-12);
    // Mean of the far tail ≈ −(8 + 1/8 − …) ≈ −8.12.
    expect(Math.abs(far.mean + 8.12)).toBeLessThan(0.03);
    expect(() => new I.TruncatedNormal({ a: 1, b: 1 })).toThrow(ValueError);
  });

  it('XavierUniform / XavierNormal use gain·sqrt(6|2 / (fan_in + fan_out))', () => {
    seed(13);
    const lim = Math.sqrt(6 / (784 + 256));
    expect(new I.XavierUniform().limit([784, 256])).toBe(lim);
    const u = stats(filled(new I.XavierUniform(), [784, 256]));
    expect(u.max).toBeLessThanOrEqual(lim);
    expect(u.min).toBeGreaterThanOrEqual(-lim);
    expect(u.max).toBeGreaterThan(lim * 0.99);
    expect(Math.abs(u.std - lim / Math.sqrt(3))).toBeLessThan(0.01 * lim);
    expect(new I.XavierUniform(10, 20, 2).limit([3, 3])).toBe(2 * Math.sqrt(6 / 30));
    expect(new I.XavierUniform({ fanIn: 10, gain: 3 }).limit([3, 5])).toBe(3 * Math.sqrt(6 / 15));
    const n = stats(filled(new I.XavierNormal(), [300, 200]));
    expect(Math.abs(n.std - Math.sqrt(2 / 500)) / Math.sqrt(2 / 500)).toBeLessThan(0.02);
    expect(new I.XavierUniform().limit([0])).toBe(0);
    expect(filled(new I.XavierUniform(), [0]).length).toBe(0);
  });

  it('Kaiming defaults: fan_in mode, relu gain', () => {
    seed(14);
    const ku = new I.KaimingUniform();
    expect(ku.limit([100, 30])).toBe(Math.SQRT2 * Math.sqrt(3 / 100));
    const u = stats(filled(ku, [100, 300]));
    expect(u.max).toBeLessThanOrEqual(ku.limit([100, 300]));
    const kn = new I.KaimingNormal();
    expect(kn.std([50, 4])).toBe(Math.SQRT2 / Math.sqrt(50));
    const n = stats(filled(kn, [50, 400]));
    expect(Math.abs(n.std - kn.std([50, 400])) / kn.std([50, 400])).toBeLessThan(0.02);
    expect(new I.KaimingNormal({ fanIn: 8, nonlinearity: 'tanh' }).std([2, 2])).toBe(5 / 3 / Math.sqrt(8));
    expect(new I.KaimingUniform(null, 0.2, 'leaky_relu').limit([9, 1])).toBe(Math.sqrt(2 / 1.04) * Math.sqrt(3 / 9));
    expect(() => new I.KaimingUniform({ nonlinearity: 'swish' })).toThrow(ValueError);
  });

  it('the Linear weight is U(±sqrt(6/(in+out))) and the Embedding weight uses its own fans', () => {
    seed(15);
    const l = new nn.Linear(30, 10);
    const lim = Math.sqrt(6 / 40);
    const w = stats(Float64Array.from(l.weight.data));
    expect(w.max).toBeLessThanOrEqual(lim);
    expect(w.min).toBeGreaterThanOrEqual(-lim);
    expect(w.max - w.min).toBeGreaterThan(1.8 * lim);
    const e = new nn.Embedding(1000, 8);
    const el = Math.sqrt(6 / 1008);
    const es = stats(Float64Array.from(e.weight.data));
    expect(es.max).toBeLessThanOrEqual(el);
    expect(es.max).toBeGreaterThan(0.95 * el);
  });

  it('float32 parameters receive the float64 draws rounded once', () => {
    seed(16);
    const a = filled(new I.Normal(), [64], 'float64');
    seed(16);
    const b = filled(new I.Normal(), [64], 'float32');
    expect(Array.from(b)).toEqual(Array.from(a, (v) => Math.fround(v)));
  });
});

describe('determinism with paddle.seed', () => {
  it('same seed, same parameters; different seed, different parameters', () => {
    const make = (): number[] => {
      const l = new nn.Linear(4, 3);
      const e = new nn.Embedding(6, 2);
      return [...l.weight.data, ...e.weight.data];
    };
    seed(2024);
    const a = make();
    seed(2024);
    const b = make();
    seed(2025);
    const c = make();
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
    const makers: (() => nn.initializer.Initializer)[] = [
      () => new I.Uniform(),
      () => new I.Normal(),
      () => new I.TruncatedNormal(),
      () => new I.XavierUniform(),
      () => new I.XavierNormal(),
      () => new I.KaimingUniform(),
      () => new I.KaimingNormal(),
    ];
    for (const make of makers) {
      seed(3);
      const x = filled(make(), [5, 4]);
      seed(3);
      const y = filled(make(), [5, 4]);
      expect(Array.from(y)).toEqual(Array.from(x));
    }
  });
});

describe('Assign and argument errors', () => {
  it('Assign copies a value of the parameter shape', () => {
    expect(Array.from(filled(new I.Assign([[1, 2], [3, 4]]), [2, 2]))).toEqual([1, 2, 3, 4]);
    expect(Array.from(filled(new I.Assign(new Float32Array([5, 6])), [2]))).toEqual([5, 6]);
    expect(Array.from(filled(new I.Assign(toTensor([7, 8, 9])), [3]))).toEqual([7, 8, 9]);
    const l = new nn.Linear(2, 1, { weightAttr: new nn.ParamAttr({ initializer: new I.Assign([[2], [3]]) }) });
    expect(Array.from(l.weight.data)).toEqual([2, 3]);
    expect(() => filled(new I.Assign([1, 2, 3]), [2, 2])).toThrow(ValueError);
    expect(() => new I.Assign('x' as never)).toThrow(PaddleTypeError);
  });

  it('rejects bad arguments', () => {
    expect(() => new I.Uniform(1, -1)).toThrow(AssertionError);
    expect(() => new I.Uniform({ low: 'a' } as never)).toThrow(PaddleTypeError);
    expect(() => new I.Normal({ mean: 0, sd: 1 } as never)).toThrow(/unexpected option 'sd'/);
    expect(() => new I.Constant(null as never)).toThrow(AssertionError);
    expect(() => new I.XavierUniform({ fan_in: 3 } as never)).toThrow(/Did you mean 'fanIn'/);
    expect(() => Reflect.construct(I.Uniform, [0, 1, 2, 3])).toThrow(PaddleTypeError);
    expect(() => new I.Constant(1).forward('p' as never)).toThrow(PaddleTypeError);
  });
});

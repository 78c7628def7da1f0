import { describe, expect, it } from 'vitest';
import { TypeError as PaddleTypeError, ValueError } from '../../src/errors.js';
import * as nn from '../../src/nn/index.js';
import { erf, erfc } from '../../src/nn/functional/math.js';
import { toTensor } from '../../src/tensor/creation.js';
import { seed } from '../../src/tensor/random.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { expectClose } from '../helpers/close.js';
import { gradcheck, leaf } from '../ops/gradcheck.js';

const F = nn.functional;
const GC = { rtol: 1e-6, atol: 1e-8 };

describe('activations: values', () => {
  it('relu, sigmoid, tanh by hand', () => {
    const x = toTensor([-2, -0.5, 0, 0.5, 3], { dtype: 'float64' });
    expect(F.relu(x).tolist()).toEqual([0, 0, 0, 0.5, 3]);
    expectClose(F.sigmoid(x).data, [-2, -0.5, 0, 0.5, 3].map((v) => 1 / (1 + Math.exp(-v))), { rtol: 1e-15 });
    expectClose(F.tanh(x).data, [-2, -0.5, 0, 0.5, 3].map(Math.tanh), { rtol: 0, atol: 0 });
    // sigmoid does not overflow for very negative inputs
    const s = F.sigmoid(toTensor([-1000, 1000], { dtype: 'float64' }));
    expect(Array.from(s.data)).toEqual([0, 1]);
    expect(F.relu(toTensor([NaN], { dtype: 'float32' })).data[0]).toBeNaN();
  });

  it('gelu exact and approximate against reference values', () => {
    const xs = [-3, -1, -0.1, 0, 0.5, 2];
    // 0.5·x·erfc(−x/√2) = 0.5·x·(1 + erf(x/√2)), computed with Python's math.erfc
    const exact = [-0.004049694094890287, -0.15865525393145707, -0.0460172162722971, 0, 0.34573123063700656, 1.9544997361036416];
    const approx = xs.map((v) => 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v ** 3))));
    const x = toTensor(xs, { dtype: 'float64' });
    expectClose(F.gelu(x).data, exact, { rtol: 1e-14, atol: 1e-300 });
    expectClose(F.gelu(x, { approximate: true }).data, approx, { rtol: 1e-15 });
    expectClose(new nn.GELU(true).forward(x).data, approx, { rtol: 1e-15 });
    expect(new nn.GELU().toString()).toBe('GELU(approximate=False)');
  });

  it('erf/erfc match Python math.erf/math.erfc', () => {
    const table: [number, number, number][] = [
      [0.5, 0.5204998778130465, 0.4795001221869535],
      [1, 0.8427007929497149, 0.15729920705028513],
      [2, 0.9953222650189527, 0.004677734981047266],
      [3, 0.9999779095030014, 2.209049699858544e-5],
      [-1.5, -0.9661051464753108, 1.9661051464753108],
      [5, 0.9999999999984626, 1.5374597944280349e-12],
    ];
    for (const [x, e, c] of table) {
      // within one ulp
      expect(Math.abs(erf(x) - e)).toBeLessThanOrEqual(2.3e-16 * Math.abs(e));
      expect(Math.abs(erfc(x) - c) / c).toBeLessThan(1e-13);
    }
  });
});

describe('activations: gradcheck (float64)', () => {
  const x = (): Tensor => leaf([3, 4], 21, -3, 3, (v) => (Math.abs(v) < 0.05 ? v + 0.2 : v));
  it('relu, sigmoid, tanh, gelu', () => {
    gradcheck((a) => F.relu(a), [x()], GC);
    gradcheck((a) => F.sigmoid(a), [x()], GC);
    gradcheck((a) => F.tanh(a), [x()], GC);
    gradcheck((a) => F.gelu(a), [x()], GC);
    gradcheck((a) => F.gelu(a, { approximate: true }), [x()], GC);
  });
  it('softmax and logSoftmax along every axis', () => {
    for (const axis of [0, 1, 2, -1]) {
      gradcheck((a) => F.softmax(a, { axis }), [leaf([2, 3, 4], 30 + axis)], GC);
      gradcheck((a) => F.logSoftmax(a, axis), [leaf([2, 3, 4], 40 + axis)], GC);
    }
  });
});

describe('softmax / logSoftmax', () => {
  it('rows sum to one along the axis and match a hand computation', () => {
    const x = toTensor([[1, 2, 3], [0, 0, 0]], { dtype: 'float64' });
    const e = [Math.exp(1), Math.exp(2), Math.exp(3)];
    const z = e[0]! + e[1]! + e[2]!;
    expectClose(F.softmax(x).data, [e[0]! / z, e[1]! / z, e[2]! / z, 1 / 3, 1 / 3, 1 / 3], { rtol: 1e-15 });
    const col = F.softmax(x, 0);
    expectClose(col.data, [1 / (1 + Math.exp(-1)), 1 / (1 + Math.exp(-2)), 1 / (1 + Math.exp(-3)), 1 / (1 + Math.exp(1)), 1 / (1 + Math.exp(2)), 1 / (1 + Math.exp(3))], { rtol: 1e-15 });
    expectClose(F.log_softmax(x).data, [1 - Math.log(z), 2 - Math.log(z), 3 - Math.log(z), -Math.log(3), -Math.log(3), -Math.log(3)], { rtol: 1e-15 });
  });

  it('is stable for very large and very negative logits (float32 and float64)', () => {
    for (const dtype of ['float32', 'float64'] as const) {
      const x = toTensor([[1000, 1001, 1002], [-1e4, 0, -1e4], [1e38, 1e38, -1e38]], { dtype });
      const p = F.softmax(x);
      const lp = F.logSoftmax(x);
      for (const v of [...p.data, ...lp.data]) expect(Number.isFinite(v)).toBe(true);
      const z = 1 + Math.exp(-1) + Math.exp(-2);
      expectClose(Array.from(p.data).slice(0, 3), [Math.exp(-2) / z, Math.exp(-1) / z, 1 / z], { rtol: dtype === 'float32' ? 1e-7 : 1e-15 });
      expectClose(Array.from(lp.data).slice(0, 3), [-2 - Math.log(z), -1 - Math.log(z), -Math.log(z)], { rtol: dtype === 'float32' ? 1e-7 : 1e-15 });
      // −1e4 relative to 0: log-prob is exactly −1e4 (no −inf), prob 0.
      expect(lp.data[3]).toBe(-1e4);
      expect(p.data[4]).toBe(1);
      expect(Array.from(p.data).slice(6)).toEqual([0.5, 0.5, 0]);
    }
  });

  it('layers and the dtype option', () => {
    const x = toTensor([[1, 2], [3, 5]], { dtype: 'float32' });
    expect(new nn.Softmax(0).forward(x).tolist()).toEqual(F.softmax(x, { axis: 0 }).tolist());
    expect(new nn.LogSoftmax({ axis: -1 }).forward(x).tolist()).toEqual(F.logSoftmax(x).tolist());
    expect(F.softmax(x, { dtype: 'float64' }).dtype).toBe('float64');
    expect(() => F.softmax(x, { axis: 2 })).toThrow(ValueError);
    expect(() => F.softmax(x, { axes: 1 } as never)).toThrow(PaddleTypeError);
    expect(() => new nn.Softmax(1.5)).toThrow(PaddleTypeError);
    expect(() => F.relu(toTensor([1, 2], { dtype: 'int64' }))).toThrow(/float32 or float64/);
  });
});

describe('dropout', () => {
  it('upscale_in_train: keeps u ≥ p, scales by 1/(1 − p); identity in eval; seeded', () => {
    const x = Tensor.fromArray(new Float32Array(1000).fill(2), [1000], 'float32', { stopGradient: false });
    seed(5);
    const y = F.dropout(x, 0.3);
    seed(5);
    const y2 = F.dropout(x, { p: 0.3 });
    expect(Array.from(y2.data)).toEqual(Array.from(y.data));
    const kept = Array.from(y.data).filter((v) => v !== 0);
    expect(kept.every((v) => v === Math.fround(2 / Math.fround(0.7)))).toBe(true);
    expect(Math.abs(kept.length / 1000 - 0.7)).toBeLessThan(0.06);
    y.backward();
    const g = (x.grad as Tensor).data;
    for (let i = 0; i < 1000; i++) expect(g[i]).toBe(y.data[i] === 0 ? 0 : Math.fround(1 / Math.fround(0.7)));
    expect(Array.from(F.dropout(x, 0.3, { training: false }).data)).toEqual(Array.from(x.data));
    expect(F.dropout(x, 0)).toBe(x);
    expect(Array.from(F.dropout(x, 1).data).every((v) => v === 0)).toBe(true);
  });

  it('downscale_in_infer: unscaled in training, × (1 − p) in eval', () => {
    const x = toTensor([1, 2, 3, 4], { dtype: 'float64' });
    seed(9);
    const y = F.dropout(x, { p: 0.5, mode: 'downscale_in_infer' });
    for (let i = 0; i < 4; i++) expect([0, x.data[i]]).toContain(y.data[i]);
    expect(F.dropout(x, 0.25, { training: false, mode: 'downscale_in_infer' }).tolist()).toEqual([0.75, 1.5, 2.25, 3]);
  });

  it('the Dropout layer follows train/eval', () => {
    const d = new nn.Dropout(0.5);
    const x = toTensor(new Array(64).fill(1), { dtype: 'float32' });
    seed(1);
    expect(Array.from(d.forward(x).data).some((v) => v === 0)).toBe(true);
    d.eval();
    expect(Array.from(d.forward(x).data)).toEqual(Array.from(x.data));
    expect(d.toString()).toBe('Dropout(p=0.5, axis=None, mode=upscale_in_train)');
    expect(new nn.Dropout({ p: 0.1, mode: 'downscale_in_infer' }).mode).toBe('downscale_in_infer');
    expect(() => new nn.Dropout(1.5)).toThrow(ValueError);
    expect(() => new nn.Dropout('0.5' as never)).toThrow(PaddleTypeError);
    expect(() => new nn.Dropout({ mode: 'train' } as never)).toThrow(/mode argument should be/);
    expect(() => new nn.Dropout(0.5, { p: 0.2 } as never)).toThrow(/both positionally/);
  });
});

describe('Flatten', () => {
  it('merges start..stop axes (default 1..-1) and passes gradients back', () => {
    const x = leaf([2, 3, 4], 3);
    expect(new nn.Flatten().forward(x).shape).toEqual([2, 12]);
    expect(new nn.Flatten(0, 1).forward(x).shape).toEqual([6, 4]);
    expect(new nn.Flatten({ startAxis: -2 }).forward(x).shape).toEqual([2, 12]);
    gradcheck((a) => F.sigmoid(new nn.Flatten().forward(a)), [x], GC);
    expect(() => new nn.Flatten(2, 1).forward(x)).toThrow(ValueError);
  });
});

/**
 * compat.translate: the name mapping between conventions, the list of mismatches, and the bounds
 * checked numerically. The structural bounds (ε placement, initial mean square, learning rate in or
 * out of the momentum buffer) are checked against an exact-arithmetic (float64) simulation of the
 * two conventions over random open-loop gradient sequences; the rounding bound against this
 * library's float32 optimizers (paddle.optimizer.RMSProp vs compat.keras.RMSprop, compat.tf1 vs
 * compat.timm).
 */
import { describe, expect, it } from 'vitest';
import { TypeError as PaddleTypeError, ValueError } from '../../src/errors.js';
import { CONVENTIONS, translate, type BoundState, type Convention } from '../../src/compat/translate.js';
import { RMSprop as KerasRMSprop } from '../../src/compat/keras.js';
import { RMSProp as Tf1RMSProp } from '../../src/compat/tf1.js';
import { RMSpropTF } from '../../src/compat/timm.js';
import { Tensor } from '../../src/tensor/tensor.js';
import * as paddle from '../../src/index.js';

function kinds(from: Convention, to: Convention, hyper: Record<string, number | boolean | null> = {}): string[] {
  return translate(from, to, hyper).mismatches.map((m) => m.kind);
}

describe('compat.translate: names and mismatches', () => {
  it('maps PyTorch to Paddle (alpha → rho, eps → epsilon, lr → learningRate)', () => {
    const r = translate('torch', 'paddle', { lr: 0.01, alpha: 0.99, eps: 1e-8, momentum: 0.9, weightDecay: 1e-4 });
    expect(r.options).toEqual({ learningRate: 0.01, rho: 0.99, epsilon: 1e-8, momentum: 0.9, centered: false, weightDecay: 1e-4 });
    expect(r.mismatches.map((m) => m.kind)).toEqual(['epsPlacement', 'lrPlacement']);
  });

  it('fills the source defaults and names every convention the way its API does', () => {
    expect(translate('keras', 'tf1', {}).options).toEqual({ learningRate: 0.001, decay: 0.9, epsilon: 1e-7, momentum: 0, centered: false });
    expect(translate('timm', 'torch').options).toEqual({ lr: 0.01, alpha: 0.9, eps: 1e-10, momentum: 0, centered: false, weightDecay: 0 });
    expect(translate('paddle', 'optax', { learningRate: 0.1 }).options).toEqual({ learningRate: 0.1, decay: 0.95, eps: 1e-6, momentum: null, centered: false, epsInSqrt: true, initialScale: 0 });
    expect(translate('torch', 'timm', { lr: 0.1, momentum: 0.9 }).options).toMatchObject({ lr: 0.1, alpha: 0.99, eps: 1e-8, lrInMomentum: false, decoupledDecay: false });
    expect(Object.keys(CONVENTIONS)).toEqual(['paddle', 'torch', 'keras', 'tf1', 'tfjs', 'timm', 'optax']);
  });

  it('lists the structural differences of each pair', () => {
    expect(kinds('paddle', 'keras', { learningRate: 0.1 })).toEqual(['rounding']);
    expect(kinds('tf1', 'paddle', { learningRate: 0.1 })).toEqual(['initialMeanSquare']);
    expect(kinds('tf1', 'timm', { learningRate: 0.1 })).toEqual(['rounding']);
    expect(kinds('torch', 'tf1', { lr: 0.1 })).toEqual(['epsPlacement', 'initialMeanSquare']);
    expect(kinds('torch', 'timm', { lr: 0.1, momentum: 0.9 })).toEqual(['epsPlacement', 'initialMeanSquare']); // timm's lrInMomentum carried over
    // epsInSqrt: false carries PyTorch's ε; the trace keeps the learning rate inside:
    expect(kinds('torch', 'optax', { lr: 0.1, momentum: 0.9 })).toEqual(['lrPlacement']);
    expect(kinds('torch', 'optax', { lr: 0.1 })).toEqual(['rounding']);
    expect(translate('torch', 'optax', { lr: 0.1, momentum: 0.9 }).options).toMatchObject({ epsInSqrt: false, initialScale: 0, momentum: 0.9 });
    expect(kinds('optax', 'torch', { learningRate: 0.1, epsInSqrt: false, momentum: 0.9 })).toEqual(['lrPlacement']);
    expect(kinds('keras', 'torch', { weightDecay: 0.01 })).toEqual(['epsPlacement', 'weightDecay']);
    expect(kinds('tfjs', 'tf1', { learningRate: 0.1, centered: true })).toEqual(['initialMeanSquare', 'centeredEpsilon']);
    expect(kinds('keras', 'keras', {})).toEqual([]);
  });

  it('says which Keras options have no counterpart, with the Paddle clip to use instead', () => {
    const r = translate('keras', 'paddle', { learningRate: 0.01, clipnorm: 1, useEma: true });
    expect(r.mismatches.map((m) => m.kind)).toEqual(['unsupported', 'unsupported']);
    expect(r.mismatches[0]?.message).toMatch(/'clipnorm' \(1\) has no counterpart in paddle's RMSProp \(Paddle: gradClip: new nn\.ClipGradByNorm/);
    expect(r.trajectoryBound([{ t: 1, v: 1 }])).toBe(Infinity);
  });

  it('refuses unknown conventions, unknown or NaN options, and a missing learning rate', () => {
    expect(() => translate('mxnet' as Convention, 'paddle', {})).toThrow(ValueError);
    expect(() => translate('torch', 'paddle', { rho: 0.9 })).toThrow(/'rho' is not an option of torch's RMSProp/);
    expect(() => translate('torch', 'paddle', { alpha: Number.NaN })).toThrow(PaddleTypeError);
    expect(() => translate('torch', 'paddle', { centered: 1 as unknown as boolean })).toThrow(PaddleTypeError);
    expect(() => translate('paddle', 'torch', { rho: 0.9 })).toThrow(/has no default learning rate; pass 'learningRate'/);
  });
});

// ---- the bounds, numerically -------------------------------------------------------------

interface Sem {
  epsInside: boolean;
  ms0: number;
  lrInside: boolean;
}

const SEM: Record<'paddle' | 'torch' | 'tf1' | 'optaxOut', Sem> = {
  paddle: { epsInside: true, ms0: 0, lrInside: true },
  torch: { epsInside: false, ms0: 0, lrInside: false },
  tf1: { epsInside: true, ms0: 1, lrInside: true },
  optaxOut: { epsInside: false, ms0: 0, lrInside: true },
};

/** Exact-arithmetic (float64) RMSProp with one convention's structure; returns θ and v per step. */
function simulate(s: Sem, h: { rho: number; eps: number; mu: number }, grads: number[], lrs: number[]): { theta: number[]; v: number[] } {
  let v = s.ms0;
  let buf = 0;
  let theta = 0;
  const out = { theta: [] as number[], v: [] as number[] };
  grads.forEach((g, t) => {
    const lr = lrs[t] as number;
    v = h.rho * v + (1 - h.rho) * g * g;
    const u = g / (s.epsInside ? Math.sqrt(v + h.eps) : Math.sqrt(v) + h.eps);
    if (s.lrInside) {
      buf = h.mu * buf + lr * u;
      theta -= buf;
    } else {
      buf = h.mu * buf + u;
      theta -= lr * buf;
    }
    out.theta.push(theta);
    out.v.push(v);
  });
  return out;
}

function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe('compat.translate: the bounds hold (and are not vacuous)', () => {
  const pairs: [keyof typeof SEM, keyof typeof SEM, Convention, Convention, Record<string, number | boolean>][] = [
    ['torch', 'paddle', 'torch', 'paddle', {}],
    ['tf1', 'paddle', 'tf1', 'paddle', {}],
    ['torch', 'tf1', 'torch', 'tf1', {}],
    ['optaxOut', 'torch', 'optax', 'torch', { epsInSqrt: false }],
  ];
  for (const [a, b, from, to, extra] of pairs) {
    it(`${from} → ${to}: 250 random open-loop runs of 60 steps stay within trajectoryBound`, () => {
      const rand = lcg(17 + from.length * 7 + to.length);
      let tightest = 0;
      for (let run = 0; run < 250; run++) {
        const rho = [0.9, 0.95, 0.99][run % 3] as number;
        const eps = 10 ** -(2 + Math.floor(rand() * 8)); // 1e-2 … 1e-9
        const mu = [0, 0.5, 0.9][Math.floor(run / 3) % 3] as number;
        const schedule = run % 4 === 0;
        const lr0 = 10 ** -(1 + rand() * 3);
        const T = 60;
        const scale = 10 ** (rand() * 6 - 5);
        const grads = Array.from({ length: T }, () => (rand() * 2 - 1) * scale * 10 ** (rand() * 2 - 1));
        const lrs = Array.from({ length: T }, (_, t) => (schedule ? lr0 * 0.93 ** t : lr0));
        const names = CONVENTIONS[from].names;
        const hyper: Record<string, number | boolean> = { [names.lr]: lr0, [names.decay]: rho, [names.eps]: eps, [names.momentum]: mu, ...extra };
        const tr = translate(from, to, hyper);
        const A = simulate(SEM[a], { rho, eps, mu }, grads, lrs);
        const B = simulate(SEM[b], { rho, eps, mu }, grads, lrs);
        const states: BoundState[] = [];
        for (let t = 0; t < T; t++) {
          const lrChange = Math.max(...lrs.slice(0, t + 1).map((x) => Math.abs(x - (lrs[t] as number))));
          states.push({ t: t + 1, v: Math.min(A.v[t] as number, B.v[t] as number), lrChange });
          if (t % 4 !== 0 && t !== T - 1) continue; // (the bound is O(t) to evaluate)
          const bound = tr.trajectoryBound(states);
          const d = Math.abs((A.theta[t] as number) - (B.theta[t] as number));
          // slack: the float64 rounding of the simulation itself (the bound is exact-arithmetic)
          const slack = 1e-12 * (Math.abs(A.theta[t] as number) + Math.abs(B.theta[t] as number));
          expect(d, `run ${run} step ${t + 1}`).toBeLessThanOrEqual(bound * (1 + 1e-9) + slack);
          if (bound > 0) tightest = Math.max(tightest, d / bound);
        }
      }
      // the bound is attained within a factor of 20 somewhere: not vacuous
      expect(tightest).toBeGreaterThan(0.05);
    });
  }

  it('rounding only: Paddle RMSProp vs compat.keras (float32, 50 steps) within the rounding bound + 1 ulp of |θ| per step', () => {
    const rand = lcg(5);
    const n = 64;
    const T = 50;
    const init = Float32Array.from({ length: n }, () => rand() * 2 - 1);
    const p = paddle.createParameter([n], 'float32');
    p.data.set(init);
    const k = Tensor.fromArray(Float32Array.from(init), [n], 'float32');
    const hyper = { learningRate: 0.01, rho: 0.95, epsilon: 1e-6, momentum: 0.9 };
    const popt = new paddle.optimizer.RMSProp(hyper.learningRate, { rho: hyper.rho, epsilon: hyper.epsilon, momentum: hyper.momentum, parameters: [p] });
    const tr = translate('paddle', 'keras', hyper);
    expect(tr.options).toMatchObject({ learningRate: 0.01, rho: 0.95, epsilon: 1e-6, momentum: 0.9 });
    const kopt = new KerasRMSprop(tr.options as Record<string, number>);
    const states: BoundState[] = [];
    let worst = 0;
    let differs = 0;
    for (let t = 0; t < T; t++) {
      const g = Float32Array.from({ length: n }, () => (rand() * 2 - 1) * 10 ** (rand() * 4 - 3));
      p.setGrad(Tensor.fromArray(Float32Array.from(g), [n], 'float32'));
      popt.step();
      kopt.apply([Tensor.fromArray(Float32Array.from(g), [n], 'float32')], [k]);
      states.push({ t: t + 1, v: 0 });
      const maxTheta = Math.max(...Array.from(p.data, Math.abs), ...Array.from(k.data, Math.abs));
      const bound = tr.trajectoryBound(states) + (t + 1) * maxTheta * 2 ** -23;
      for (let i = 0; i < n; i++) {
        const d = Math.abs((p.data[i] as number) - (k.data[i] as number));
        if (d > 0) differs++;
        worst = Math.max(worst, d / bound);
      }
    }
    expect(worst).toBeLessThanOrEqual(1);
    expect(differs).toBeGreaterThan(0); // the two float32 orders do give other bits
  });

  it('rounding only: compat.tf1 vs compat.timm (TF order, ms from 1; timm with PyTorch FMA) within the bound', () => {
    const rand = lcg(11);
    const n = 40;
    const T = 40;
    const init = Float32Array.from({ length: n }, () => rand() * 2 - 1);
    const a = Tensor.fromArray(Float32Array.from(init), [n], 'float32');
    const b = Tensor.fromArray(Float32Array.from(init), [n], 'float32');
    const tr = translate('tf1', 'timm', { learningRate: 0.02, decay: 0.9, epsilon: 1e-8, momentum: 0.9 });
    expect(tr.options).toMatchObject({ lr: 0.02, alpha: 0.9, eps: 1e-8, momentum: 0.9, lrInMomentum: true });
    const tf1 = new Tf1RMSProp(0.02, { decay: 0.9, epsilon: 1e-8, momentum: 0.9 });
    const timm = new RMSpropTF([b], { lr: 0.02, alpha: 0.9, eps: 1e-8, momentum: 0.9 });
    const states: BoundState[] = [];
    for (let t = 0; t < T; t++) {
      const g = Float32Array.from({ length: n }, () => (rand() * 2 - 1) * 10 ** (rand() * 3 - 2));
      a.setGrad(Tensor.fromArray(Float32Array.from(g), [n], 'float32'));
      b.setGrad(Tensor.fromArray(Float32Array.from(g), [n], 'float32'));
      tf1.step([a]);
      timm.step();
      states.push({ t: t + 1, v: 0 });
      const maxTheta = Math.max(...Array.from(a.data, Math.abs), ...Array.from(b.data, Math.abs));
      const bound = tr.trajectoryBound(states) + (t + 1) * maxTheta * 2 ** -23;
      for (let i = 0; i < n; i++) expect(Math.abs((a.data[i] as number) - (b.data[i] as number))).toBeLessThanOrEqual(bound);
    }
  });
});

/**
 * Evidence that the fused kernel's variants are each framework's RMSProp, bit for bit, and why
 * Paddle's own order would not do. The raw kernel (`getBackend().rmspropStep` with a `variant`,
 * not the compat classes) is run on each framework's recorded trajectories: PyTorch 1.13's own
 * checkpoints and trajectories (tests/fixtures/torch), TF.js 4.22 running in this process, and
 * the NumPy models of the Keras 3, TF1, timm and Optax sources (tests/fixtures/compat); every
 * parameter after every step and the final state agree bit for bit. With `variant: 'paddle'`
 * (ρ·v + ((1−ρ)·g)·g with 1−ρ from the float32 ρ) the same runs give other bits: on 4,096
 * elements, 5 steps (ρ 0.9, ε 1e-7, μ 0.9), a sizeable share of the parameters differ, by
 * rounding only.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { RMSprop, type RMSpropStateDict } from '../../src/compat/torch.js';
import { loadTorchSync } from '../../src/io/torch.js';
import { getBackend, type RmspropHyper, type RmspropSlot } from '../../src/kernels/index.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { loadCases, type Case } from './compat-fixtures.js';

type FloatArray = Float32Array | Float64Array;
type Extras = Partial<Pick<RmspropSlot<FloatArray>, 'decay' | 'paramScale' | 'gradScale'>>;

const arr = (dtype: 'float32' | 'float64', v: ArrayLike<number>): FloatArray => (dtype === 'float32' ? Float32Array.from(v) : Float64Array.from(v));

/** The raw kernel over one fixture case: returns the parameters after each step and the state. */
function kernelRun(
  c: Case,
  ms0: number,
  hyper: RmspropHyper,
  lr: number,
  extras: Extras = {},
  optax = false,
): { params: FloatArray[][]; ms: FloatArray[]; mom: FloatArray[]; mg: FloatArray[] } {
  const d = c.dtype;
  const params = c.init.map((v) => arr(d, v));
  const ms = params.map((p) => arr(d, p).fill(ms0));
  const mom = params.map((p) => arr(d, p).fill(0));
  const mg = params.map((p) => arr(d, p).fill(0));
  const out: FloatArray[][] = [];
  const r = d === 'float32' ? Math.fround : (x: number): number => x;
  for (const step of c.grads) {
    const updates = params.map((p) => arr(d, p));
    const slots = params.map((p, i) => ({
      param: optax ? (updates[i] as FloatArray) : p,
      grad: arr(d, step[i] as number[]),
      meanSquare: ms[i] as FloatArray,
      moment: mom[i] as FloatArray,
      meanGrad: mg[i] as FloatArray,
      lr,
      ...extras,
    }));
    getBackend().rmspropStep(d, slots, hyper);
    if (optax) params.forEach((p, i) => p.forEach((x, j) => (p[j] = r(x + (updates[i] as FloatArray)[j]!)))); // apply_updates
    out.push(params.map((p) => p.slice()));
  }
  return { params: out, ms, mom, mg };
}

function sameBits(got: readonly FloatArray[], want: readonly number[][], label: string): void {
  const bad: string[] = [];
  got.forEach((g, i) => want[i]!.forEach((w, j) => (Object.is(g[j], w) ? undefined : bad.push(`${label}[${i}][${j}]: ${g[j]} != ${w}`))));
  expect(bad.slice(0, 5), label).toEqual([]);
}

interface FixtureCheck {
  framework: 'keras' | 'tf1' | 'timm' | 'optax';
  name: string;
  ms0: number;
  hyper: RmspropHyper;
  lr: number;
  extras?: Extras;
  /** Final state arrays by fixture key → which kernel array holds it. */
  state: Record<string, 'ms' | 'mom' | 'mg'>;
}

const f = Math.fround;
const CHECKS: FixtureCheck[] = [
  { framework: 'keras', name: 'plain', ms0: 0, lr: f(0.001), hyper: { rho: 0.9, epsilon: 1e-7, momentum: 0, centered: false, variant: 'keras', momentumBuffer: false }, state: { velocities: 'ms' } },
  { framework: 'keras', name: 'momentum_centered', ms0: 0, lr: f(0.01), hyper: { rho: 0.95, epsilon: 1e-6, momentum: 0.9, centered: true, variant: 'keras' }, state: { velocities: 'ms', momentums: 'mom', averageGradients: 'mg' } },
  { framework: 'tf1', name: 'plain', ms0: 1, lr: f(0.01), hyper: { rho: 0.9, epsilon: 1e-10, momentum: 0, centered: false, variant: 'tf1' }, state: { rms: 'ms', momentum: 'mom' } },
  { framework: 'tf1', name: 'momentum', ms0: 1, lr: f(0.005), hyper: { rho: 0.95, epsilon: 1e-6, momentum: 0.9, centered: false, variant: 'tf1' }, state: { rms: 'ms', momentum: 'mom' } },
  { framework: 'tf1', name: 'centered_momentum', ms0: 1, lr: f(0.01), hyper: { rho: 0.9, epsilon: 0.001, momentum: 0.5, centered: true, variant: 'tf1' }, state: { rms: 'ms', momentum: 'mom', mg: 'mg' } },
  { framework: 'tf1', name: 'float64_momentum', ms0: 1, lr: f(0.01), hyper: { rho: 0.9, epsilon: 1e-10, momentum: 0.9, centered: false, variant: 'tf1' }, state: { rms: 'ms', momentum: 'mom' } },
  { framework: 'timm', name: 'plain', ms0: 1, lr: 0.01, hyper: { rho: 0.9, epsilon: 1e-10, momentum: 0, centered: false, variant: 'timm', momentumBuffer: false }, state: { square_avg: 'ms' } },
  {
    framework: 'timm',
    name: 'momentum_lr_in_momentum',
    ms0: 1,
    lr: 0.016,
    extras: { decay: { kind: 'l2', coeff: 1e-5 } },
    hyper: { rho: 0.9, epsilon: 0.001, momentum: 0.9, centered: false, variant: 'timm' },
    state: { square_avg: 'ms', momentum_buffer: 'mom' },
  },
  { framework: 'timm', name: 'momentum_lr_outside', ms0: 1, lr: 0.01, hyper: { rho: 0.9, epsilon: 1e-10, momentum: 0.9, centered: false, variant: 'timm', lrInMomentum: false }, state: { square_avg: 'ms', momentum_buffer: 'mom' } },
  {
    framework: 'timm',
    name: 'centered_momentum_decay',
    ms0: 1,
    lr: 0.01,
    extras: { decay: { kind: 'l2', coeff: 0.01 } },
    hyper: { rho: 0.95, epsilon: 1e-6, momentum: 0.5, centered: true, variant: 'timm' },
    state: { square_avg: 'ms', momentum_buffer: 'mom', grad_avg: 'mg' },
  },
  { framework: 'timm', name: 'decoupled_decay', ms0: 1, lr: 0.02, extras: { paramScale: 1 - 0.02 * 0.1 }, hyper: { rho: 0.9, epsilon: 1e-10, momentum: 0.9, centered: false, variant: 'timm' }, state: { square_avg: 'ms', momentum_buffer: 'mom' } },
  { framework: 'optax', name: 'plain', ms0: 0, lr: 0.01, hyper: { rho: 0.9, epsilon: 1e-8, momentum: 0, centered: false, variant: 'optax', momentumBuffer: false }, state: { nu: 'ms' } },
  { framework: 'optax', name: 'momentum', ms0: 0, lr: 0.01, hyper: { rho: 0.95, epsilon: 1e-8, momentum: 0.9, centered: false, variant: 'optax' }, state: { nu: 'ms', trace: 'mom' } },
  { framework: 'optax', name: 'float64_momentum', ms0: 0, lr: 0.01, hyper: { rho: 0.9, epsilon: 1e-8, momentum: 0.9, centered: false, variant: 'optax' }, state: { nu: 'ms', trace: 'mom' } },
];

describe("each variant of the raw kernel is its framework's RMSProp, bit for bit", () => {
  for (const check of CHECKS) {
    it(`${check.framework} ${check.name}: every step's parameters and the final state`, () => {
      const c = loadCases(check.framework).find((x) => x.name === check.name)!;
      expect(c, 'fixture case').toBeDefined();
      const run = kernelRun(c, check.ms0, check.hyper, check.lr, check.extras, check.framework === 'optax');
      run.params.forEach((p, t) => sameBits(p, c.params[t]!, `step ${t + 1}`));
      for (const [key, which] of Object.entries(check.state)) sameBits(run[which], c.state[key]!, key);
    });
  }

  for (const name of ['plain', 'centered', 'maximize']) {
    it(`torch ${name}: PyTorch 1.13's own run continued on the raw kernel (4 steps after its 3)`, () => {
      const FIX = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'torch');
      const ck = loadTorchSync<{ model: Record<string, Tensor>; optimizer: RMSpropStateDict }>(join(FIX, `rmsprop_${name}.pt`));
      const exp = JSON.parse(readFileSync(join(FIX, `rmsprop_${name}.json`), 'utf8')) as {
        names: string[];
        steps: { grads: Record<string, number[]>; params: Record<string, number[]> }[];
      };
      const loaded = exp.names.map((n) => ck.model[n] as Tensor);
      const opt = new RMSprop(loaded); // only to read PyTorch's state dict
      opt.loadStateDict(ck.optimizer);
      const g = opt.paramGroups[0]!;
      const params = loaded.map((p) => Float32Array.from(p.data as Float32Array));
      const st = loaded.map((p) => opt.state.get(p)!);
      const ms = st.map((s) => Float32Array.from(s.square_avg.data as Float32Array));
      const mom = st.map((s) => (s.momentum_buffer ? Float32Array.from(s.momentum_buffer.data as Float32Array) : null));
      const mg = st.map((s) => (s.grad_avg ? Float32Array.from(s.grad_avg.data as Float32Array) : null));
      const hyper: RmspropHyper = { rho: g.alpha, epsilon: g.eps, momentum: g.momentum, centered: g.centered, variant: 'torch', momentumBuffer: g.momentum > 0 };
      exp.steps.forEach((step, k) => {
        const slots = params.map((p, i) => ({
          param: p,
          grad: Float32Array.from(step.grads[exp.names[i]!]!),
          meanSquare: ms[i]!,
          moment: mom[i] ?? p,
          meanGrad: mg[i] ?? p,
          lr: g.lr,
          ...(g.maximize ? { gradScale: -1 } : {}),
          ...(g.weightDecay !== 0 ? { decay: { kind: 'l2' as const, coeff: g.weightDecay } } : {}),
        }));
        getBackend().rmspropStep('float32', slots, hyper);
        sameBits(params, exp.names.map((n) => step.params[n]!.map((x) => f(x))), `step ${k + 4}`);
      });
      opt.dispose();
    });
  }

  describe('TF.js 4.22 (cpu backend) in this process', () => {
    beforeAll(async () => {
      await tf.setBackend('cpu');
      await tf.ready();
    });
    for (const [lr, decay, momentum, eps, centered] of [
      [0.01, 0.9, 0, 1e-7, false],
      [0.005, 0.95, 0.9, 1e-7, false],
      [0.01, 0.9, 0.5, 1e-8, true],
    ] as const) {
      it(`rmsprop(${lr}, ${decay}, ${momentum}, ${eps}, ${centered}): 8 steps, variables and slots`, async () => {
        let s = 12345;
        const next = (): number => ((s = (s * 1103515245 + 12345) % 2147483648), s / 2147483648);
        const n = 37;
        const init = Float32Array.from({ length: n }, () => next() * 2 - 1);
        const theirs = tf.train.rmsprop(lr, decay, momentum, eps, centered);
        const tv = tf.variable(tf.tensor(init, [n], 'float32'), true, `kernel_order_${lr}_${decay}_${momentum}_${String(centered)}`);
        const p = Float32Array.from(init);
        const ms = new Float32Array(n);
        const mom = new Float32Array(n);
        const mg = new Float32Array(n);
        for (let t = 0; t < 8; t++) {
          const g = Float32Array.from({ length: n }, () => (next() * 2 - 1) * 10 ** (next() * 3 - 2));
          tf.tidy(() => theirs.applyGradients([{ name: tv.name, tensor: tf.tensor(g, [n], 'float32') }]));
          getBackend().rmspropStep('float32', [{ param: p, grad: g, meanSquare: ms, moment: mom, meanGrad: mg, lr }], { rho: decay, epsilon: eps, momentum, centered, variant: 'tfjs' });
          sameBits([p], [Array.from(await tv.data())], `step ${t + 1}`);
        }
        const weights = await theirs.getWeights();
        sameBits([ms, mom, ...(centered ? [mg] : [])], await Promise.all(weights.slice(1).map(async (w) => Array.from(await w.tensor.data()))), 'slots');
        theirs.dispose();
        tv.dispose();
      });
    }
  });
});

// ---- why not Paddle's order: the same runs, Paddle's kernel against each variant ----------------

const N = 4096;
const STEPS = 5;
const LR = 0.01;
const RHO = 0.9;
const EPS = 1e-7;
const MU = 0.9;

function stream(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}
const rand = stream(3);
const init = Float32Array.from({ length: N }, () => rand() * 2 - 1);
const grads = Array.from({ length: STEPS }, () => Float32Array.from({ length: N }, () => (rand() * 2 - 1) * 10 ** (rand() * 4 - 3)));

function run(ms0: number, hyper: RmspropHyper, lr: number): Float32Array {
  const param = Float32Array.from(init);
  const meanSquare = new Float32Array(N).fill(ms0);
  const moment = new Float32Array(N);
  const meanGrad = new Float32Array(N);
  for (const g of grads) getBackend().rmspropStep('float32', [{ param, grad: g, meanSquare, moment, meanGrad, lr }], hyper);
  return param;
}

describe("Paddle's order is each framework's RMSProp in real arithmetic, not in float32", () => {
  const base = { rho: RHO, epsilon: EPS, momentum: MU, centered: false };
  for (const [variant, ms0, lr] of [
    ['keras', 0, f(LR)],
    ['tfjs', 0, LR],
    ['tf1', 1, f(LR)],
    ['timm', 1, LR],
  ] as const) {
    it(`${variant}: same trajectory within rounding, other bits (mean square from ${ms0})`, () => {
      const k = run(ms0, base, lr);
      const v = run(ms0, { ...base, variant }, lr);
      let differ = 0;
      let worst = 0;
      for (let i = 0; i < N; i++) {
        if (k[i] !== v[i]) differ++;
        worst = Math.max(worst, Math.abs(k[i]! - v[i]!));
      }
      expect(worst).toBeLessThan(1e-6); // |θ| < 1, five steps of at most 0.03 each: rounding only
      expect(differ / N).toBeGreaterThan(0.01);
    });
  }
});

/**
 * The golden trajectories (fixtures/, copied from the shared golden data) that the kernels alone
 * reproduce: dense gradients, a constant learning rate (times a ParamAttr multiplier), value
 * clipping and L1/L2 decay fused into the step. Bit for bit, on every backend.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createWasmBackend,
  refBackend,
  type KernelBackend,
  type KernelDType,
  type RmspropSlot,
} from '../../src/kernels/index.js';
import { expectSameBits, newArray, type FloatArray } from './helpers.js';

interface Decay {
  type: 'L1Decay' | 'L2Decay';
  coeff: number;
}
interface GoldenCase {
  name: string;
  dtype: KernelDType;
  optimizer: {
    learning_rate: number;
    rho?: number;
    epsilon?: number;
    momentum?: number;
    centered?: boolean;
    weight_decay?: number | Decay;
    grad_clip?: { type: string; max: number; min: number | null };
  };
  params: { name: string; shape: number[]; init: number[]; lr_mult?: number; regularizer?: Decay }[];
  steps: {
    grads: Record<string, number[]>;
    learning_rate: number;
    expected: {
      params: Record<string, number[]>;
      accumulators: Record<string, { momentum: number[]; mean_square: number[]; mean_grad: number[] }>;
    };
  }[];
}

const dir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const cases: GoldenCase[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as GoldenCase);

const wasm = createWasmBackend({ shared: true });
afterAll(() => wasm.dispose());

function decayOf(d: Decay | number | undefined): RmspropSlot<FloatArray>['decay'] {
  if (d === undefined) return undefined;
  if (typeof d === 'number') return { kind: 'l2', coeff: d };
  return { kind: d.type === 'L1Decay' ? 'l1' : 'l2', coeff: d.coeff };
}

function run(c: GoldenCase, backend: KernelBackend): void {
  const o = c.optimizer;
  const hyper = {
    rho: o.rho ?? 0.95,
    epsilon: o.epsilon ?? 1e-6,
    momentum: o.momentum ?? 0,
    centered: o.centered ?? false,
  };
  const round = c.dtype === 'float32' ? Math.fround : (x: number) => x;
  const state = new Map<string, { param: FloatArray; meanSquare: FloatArray; moment: FloatArray; meanGrad: FloatArray }>();
  for (const p of c.params) {
    const n = p.init.length;
    const param = newArray(c.dtype, n);
    param.set(p.init);
    state.set(p.name, { param, meanSquare: newArray(c.dtype, n), moment: newArray(c.dtype, n), meanGrad: newArray(c.dtype, n) });
  }
  for (const [k, step] of c.steps.entries()) {
    const slots: RmspropSlot<FloatArray>[] = [];
    for (const p of c.params) {
      const g = step.grads[p.name];
      if (g === undefined) continue; // no gradient: not stepped
      const st = state.get(p.name)!;
      const grad = newArray(c.dtype, g.length);
      grad.set(g);
      const lr32 = round(step.learning_rate);
      const slot: RmspropSlot<FloatArray> = {
        ...st,
        grad,
        lr: p.lr_mult === undefined || p.lr_mult === 1 ? lr32 : round(lr32 * round(p.lr_mult)),
      };
      const clip = o.grad_clip;
      if (clip !== undefined) {
        expect(clip.type).toBe('ClipGradByValue');
        slot.clipMax = clip.max;
        slot.clipMin = clip.min ?? -clip.max;
      }
      const decay = decayOf(p.regularizer ?? o.weight_decay);
      if (decay !== undefined) slot.decay = decay;
      slots.push(slot);
    }
    backend.rmspropStep(c.dtype, slots, hyper);
    for (const [name, expected] of Object.entries(step.expected.params)) {
      const st = state.get(name)!;
      const label = `${c.name} step ${k + 1} ${name}`;
      expectSameBits(st.param, Float64Array.from(expected), `${label} param`);
      const acc = step.expected.accumulators[name];
      if (acc === undefined) continue;
      expectSameBits(st.moment, Float64Array.from(acc.momentum), `${label} momentum`);
      expectSameBits(st.meanSquare, Float64Array.from(acc.mean_square), `${label} mean_square`);
      expectSameBits(st.meanGrad, Float64Array.from(acc.mean_grad), `${label} mean_grad`);
    }
  }
}

describe('golden trajectories through the kernels', () => {
  it('has the copied cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });
  for (const c of cases) {
    it(`${c.name}: ref`, () => run(c, refBackend));
    it(`${c.name}: wasm (copy path)`, () => {
      const before = wasm.stats.copiedArrays;
      run(c, wasm);
      expect(wasm.stats.copiedArrays).toBeGreaterThan(before);
    });
  }
});

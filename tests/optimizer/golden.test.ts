/**
 * Golden RMSProp trajectories (tests/fixtures/golden, copied from the shared reference data; schema
 * in its README) run through the public API: parameters made with `createParameter` and their
 * ParamAttr, gradients produced by `backward()` of `sum(p * G)` (dense) or of an Embedding lookup
 * (row-sparse), then `step()`; parameters and all three accumulators compared after every step.
 * Float32 cases without norm clipping must match bit for bit; norm clipping within rtol 1e-6.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as paddle from '../../src/index.js';
import { expectClose } from '../helpers/close.js';

type Json = Record<string, unknown>;
interface Reg {
  type: 'L1Decay' | 'L2Decay';
  coeff: number;
}
interface ParamSpec {
  name: string;
  shape: number[];
  init: number[];
  lr_mult?: number;
  regularizer?: Reg;
  need_clip?: boolean;
  trainable?: boolean;
}
interface SparseGrad {
  rows: number[];
  values: number[];
}
interface Step {
  grads: Record<string, number[] | SparseGrad>;
  learning_rate: number;
  expected: {
    params: Record<string, number[]>;
    accumulators: Record<string, { momentum: number[]; mean_square: number[]; mean_grad: number[] }>;
  };
}
interface GoldenCase {
  name: string;
  description: string;
  dtype: 'float32' | 'float64';
  optimizer: Json;
  groups?: Json[];
  params: ParamSpec[];
  steps: Step[];
}

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, '..', 'fixtures', 'golden');
const cases: GoldenCase[] = readdirSync(fixtures)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(fixtures, f), 'utf8')) as GoldenCase);

function regularizer(r: Reg | number | undefined): paddle.regularizer.WeightDecayRegularizer | number | undefined {
  if (r === undefined || typeof r === 'number') return r;
  return r.type === 'L1Decay' ? new paddle.regularizer.L1Decay(r.coeff) : new paddle.regularizer.L2Decay(r.coeff);
}

function gradClip(c: Json | undefined): paddle.nn.ClipGradBase | undefined {
  if (c === undefined) return undefined;
  switch (c['type']) {
    case 'ClipGradByValue':
      return new paddle.nn.ClipGradByValue(c['max'] as number, (c['min'] as number | null) ?? undefined);
    case 'ClipGradByNorm':
      return new paddle.nn.ClipGradByNorm(c['clip_norm'] as number);
    case 'ClipGradByGlobalNorm':
      return new paddle.nn.ClipGradByGlobalNorm(c['clip_norm'] as number);
    default:
      throw new Error(`unknown clip ${String(c['type'])}`);
  }
}

function isSparse(g: number[] | SparseGrad): g is SparseGrad {
  return !Array.isArray(g);
}

/** Runs one case; returns after checking every step. */
function runCase(c: GoldenCase): void {
  paddle.utils.uniqueName.guard(() => {
    const sparseNames = new Set(
      c.steps.flatMap((s) => Object.entries(s.grads).filter(([, g]) => isSparse(g)).map(([n]) => n)),
    );
    const params = new Map<string, paddle.Tensor>();
    const embeddings = new Map<string, paddle.nn.Embedding>();
    for (const spec of c.params) {
      const attr = new paddle.ParamAttr({
        name: spec.name,
        ...(spec.lr_mult !== undefined ? { learningRate: spec.lr_mult } : {}),
        ...(spec.regularizer !== undefined ? { regularizer: regularizer(spec.regularizer) as paddle.regularizer.WeightDecayRegularizer } : {}),
        ...(spec.need_clip !== undefined ? { needClip: spec.need_clip } : {}),
        ...(spec.trainable !== undefined ? { trainable: spec.trainable } : {}),
      });
      let p: paddle.Tensor;
      if (sparseNames.has(spec.name)) {
        const emb = new paddle.nn.Embedding(spec.shape[0] as number, spec.shape[1] as number, { sparse: true, weightAttr: attr });
        embeddings.set(spec.name, emb);
        p = emb.weight;
      } else {
        p = paddle.createParameter(spec.shape, c.dtype, { attr });
      }
      p.setValue(paddle.toTensor(spec.init, { dtype: c.dtype }).reshape(spec.shape));
      params.set(spec.name, p);
    }
    const o = c.optimizer;
    const lrSpec = o['learning_rate'] as number | Json;
    const scheduler =
      typeof lrSpec === 'number'
        ? null
        : new paddle.optimizer.lr.StepDecay(lrSpec['learning_rate'] as number, lrSpec['step_size'] as number, {
            gamma: lrSpec['gamma'] as number,
          });
    const parameters =
      c.groups === undefined
        ? [...params.values()]
        : c.groups.map((g) => ({
            params: (g['params'] as string[]).map((n) => params.get(n) as paddle.Tensor),
            ...(g['learning_rate'] !== undefined ? { learningRate: g['learning_rate'] as number } : {}),
            ...(g['weight_decay'] !== undefined ? { weightDecay: regularizer(g['weight_decay'] as Reg | number) as paddle.optimizer.WeightDecay } : {}),
            ...(g['momentum'] !== undefined ? { momentum: g['momentum'] as number } : {}),
            ...(g['centered'] !== undefined ? { centered: g['centered'] as boolean } : {}),
            ...(g['rho'] !== undefined ? { rho: g['rho'] as number } : {}),
            ...(g['epsilon'] !== undefined ? { epsilon: g['epsilon'] as number } : {}),
          }));
    const opt = new paddle.optimizer.RMSProp(scheduler ?? (lrSpec as number), {
      parameters,
      ...(o['rho'] !== undefined ? { rho: o['rho'] as number } : {}),
      ...(o['epsilon'] !== undefined ? { epsilon: o['epsilon'] as number } : {}),
      ...(o['momentum'] !== undefined ? { momentum: o['momentum'] as number } : {}),
      ...(o['centered'] !== undefined ? { centered: o['centered'] as boolean } : {}),
      ...(o['weight_decay'] !== undefined ? { weightDecay: regularizer(o['weight_decay'] as Reg | number) as paddle.optimizer.WeightDecay } : {}),
      ...(o['grad_clip'] !== undefined ? { gradClip: gradClip(o['grad_clip'] as Json) as paddle.nn.ClipGradBase } : {}),
    });
    const normClip = ['ClipGradByNorm', 'ClipGradByGlobalNorm'].includes(String((o['grad_clip'] as Json | undefined)?.['type']));
    const tol = normClip ? { rtol: 1e-6, atol: 0 } : { exact: true };

    c.steps.forEach((step, si) => {
      // Parameters missing from `grads` have no gradient in this step.
      opt.clearGrad({ setToZero: false });
      for (const [name, g] of Object.entries(step.grads)) {
        const p = params.get(name) as paddle.Tensor;
        if (isSparse(g)) {
          const emb = embeddings.get(name) as paddle.nn.Embedding;
          const width = p.shape[1] as number;
          const out = emb.forward(paddle.toTensor(g.rows, { dtype: 'int64' }));
          const G = paddle.toTensor(g.values, { dtype: c.dtype }).reshape([g.rows.length, width]);
          paddle.sum(paddle.multiply(out, G)).backward();
        } else {
          const G = paddle.toTensor(g, { dtype: c.dtype }).reshape([...p.shape]);
          paddle.sum(paddle.multiply(p, G)).backward();
        }
      }
      expect(opt.getLr()).toBe(step.learning_rate);
      opt.step();
      scheduler?.step();
      const sd = opt.stateDict();
      for (const [name, want] of Object.entries(step.expected.params)) {
        expectClose((params.get(name) as paddle.Tensor).numpy(), want, tol, `${c.name} step ${si} param ${name}`);
      }
      for (const [name, accs] of Object.entries(step.expected.accumulators)) {
        for (const kind of ['momentum', 'mean_square', 'mean_grad'] as const) {
          const t = sd[`${name}_${kind}_0`];
          expect(t, `${c.name}: accumulator ${name}_${kind}_0 in the state dict`).toBeInstanceOf(paddle.Tensor);
          expectClose((t as paddle.Tensor).numpy(), accs[kind], tol, `${c.name} step ${si} ${name}_${kind}_0`);
        }
      }
      // Accumulators exist only for parameters that have had a gradient.
      const expectedKeys = Object.keys(step.expected.accumulators).flatMap((n) =>
        ['momentum', 'mean_square', 'mean_grad'].map((k) => `${n}_${k}_0`),
      );
      expect(Object.keys(sd).filter((k) => k !== 'LR_Scheduler').sort()).toEqual(expectedKeys.sort());
    });
  });
}

describe('golden RMSProp trajectories (reference kernel)', () => {
  it('has every case of the shared golden set', () => {
    expect(cases.length).toBe(19);
  });
  for (const c of cases) {
    it(`${c.name}: ${c.description}`, () => {
      paddle.kernels.useBackend('ref');
      try {
        runCase(c);
      } finally {
        paddle.kernels.useBackend('auto');
      }
    });
  }
});

describe('golden RMSProp trajectories (WASM kernel)', () => {
  for (const c of cases) {
    it(`${c.name}`, () => {
      paddle.kernels.useBackend('wasm');
      try {
        expect(paddle.kernels.backendName()).toMatch(/^wasm/);
        runCase(c);
      } finally {
        paddle.kernels.useBackend('auto');
      }
    });
  }
});

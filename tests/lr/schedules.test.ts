/**
 * Each scheduler against the reference formulas of reference.ts, over 40 epochs and several
 * argument sets (other than the Python fixtures' ones): equal bit for bit, except LinearWarmup,
 * whose reference is the docstring's `start + (end − start)·(e/W)` (Paddle compares it with
 * assertAlmostEqual): within 1e-12 relative.
 */
import { describe, expect, it } from 'vitest';
import { build, expectAllClose, implicit, run, type Kwargs } from './helpers.js';
import { simulate } from './reference.js';

const N = 40;
const epochs = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);

const CASES: [string, Kwargs, (number | null)[]][] = [
  ['NoamDecay', { d_model: 1, warmup_steps: 1 }, implicit(N)],
  ['NoamDecay', { d_model: 256, warmup_steps: 25, learning_rate: 0.5 }, implicit(N)],
  ['NoamDecay', { d_model: 3.5, warmup_steps: 40, last_epoch: -1 }, epochs(5, 45)],
  ['PiecewiseDecay', { boundaries: [1], values: [0.3, 0.03] }, implicit(N)],
  ['PiecewiseDecay', { boundaries: [0, 4, 4.5, 31], values: [9, 8, 7, 6, 5, 4, 3] }, implicit(N)],
  ['PiecewiseDecay', { boundaries: [10, 20], values: [0.1, 0.01, 0.001], last_epoch: 15 }, implicit(N)],
  ['NaturalExpDecay', { learning_rate: 2, gamma: 0.001 }, implicit(N)],
  ['NaturalExpDecay', { learning_rate: 0.1, gamma: 2.5 }, implicit(N)],
  ['NaturalExpDecay', { learning_rate: 0.3, gamma: 0.25 }, epochs(3, 43).reverse()],
  ['InverseTimeDecay', { learning_rate: 1, gamma: 0 }, implicit(N)],
  ['InverseTimeDecay', { learning_rate: 0.05, gamma: 0.5, last_epoch: 7 }, implicit(N)],
  ['InverseTimeDecay', { learning_rate: 0.3, gamma: 0.07 }, epochs(0, N).map((e) => (e * 7) % 31)],
  ['PolynomialDecay', { learning_rate: 1, decay_steps: 1 }, implicit(N)],
  ['PolynomialDecay', { learning_rate: 0.2, decay_steps: 9, end_lr: 0.02, power: 3, cycle: true }, implicit(N)],
  ['PolynomialDecay', { learning_rate: 0.2, decay_steps: 30, power: 0.3 }, implicit(N)],
  ['ExponentialDecay', { learning_rate: 1, gamma: 0.5 }, implicit(N)],
  ['ExponentialDecay', { learning_rate: 0.01, gamma: 0.999 }, implicit(N)],
  ['ExponentialDecay', { learning_rate: 0.7, gamma: 0.77, last_epoch: 20 }, implicit(N)],
  ['MultiStepDecay', { learning_rate: 1, milestones: [0, 1, 2, 3] }, implicit(N)],
  ['MultiStepDecay', { learning_rate: 0.3, milestones: [5, 17, 33], gamma: 0.5 }, implicit(N)],
  ['MultiStepDecay', { learning_rate: 0.3, milestones: [], gamma: 0.5 }, implicit(N)],
  ['StepDecay', { learning_rate: 1, step_size: 1 }, implicit(N)],
  ['StepDecay', { learning_rate: 0.05, step_size: 3, gamma: 0.9 }, implicit(N)],
  ['StepDecay', { learning_rate: 0.05, step_size: 4, gamma: 0.7, last_epoch: 2 }, implicit(N)],
  ['LambdaDecay', { learning_rate: 1, lr_lambda: 'inv1p' }, implicit(N)],
  ['LambdaDecay', { learning_rate: 0.02, lr_lambda: 'pow095', last_epoch: 9 }, implicit(N)],
  ['LambdaDecay', { learning_rate: 0.02, lr_lambda: 'cos10' }, implicit(N)],
  ['MultiplicativeDecay', { learning_rate: 1, lr_lambda: 'pow095' }, implicit(N)],
  ['MultiplicativeDecay', { learning_rate: 0.2, lr_lambda: 'cos10' }, implicit(N)],
  ['MultiplicativeDecay', { learning_rate: 0.2, lr_lambda: 'inv1p', last_epoch: 4 }, epochs(0, N).reverse()],
  ['CosineAnnealingDecay', { learning_rate: 1, T_max: 1 }, implicit(N)],
  ['CosineAnnealingDecay', { learning_rate: 0.05, T_max: 6, eta_min: 0.005 }, implicit(N)],
  ['CosineAnnealingDecay', { learning_rate: 0.05, T_max: 17 }, implicit(N)],
  ['CosineAnnealingDecay', { learning_rate: 0.05, T_max: 6, eta_min: 0.001 }, [...implicit(10), 3, ...implicit(10), 40, 2, ...implicit(10)]],
  ['OneCycleLR', { max_learning_rate: 2, total_steps: 50 }, implicit(50)],
  ['OneCycleLR', { max_learning_rate: 0.1, total_steps: 45, phase_pct: 0.45, three_phase: true, anneal_strategy: 'linear' }, implicit(45)],
  ['OneCycleLR', { max_learning_rate: 0.1, total_steps: 33, divide_factor: 3.5, end_learning_rate: 0, phase_pct: 0.1 }, implicit(33)],
  ['OneCycleLR', { max_learning_rate: 0.1, total_steps: 30, phase_pct: 0 }, implicit(30)],
  ['CyclicLR', { base_learning_rate: 0.1, max_learning_rate: 0.4, step_size_up: 1 }, implicit(N)],
  ['CyclicLR', { base_learning_rate: 0.1, max_learning_rate: 0.4, step_size_up: 6, step_size_down: 3, mode: 'triangular2' }, implicit(N)],
  ['CyclicLR', { base_learning_rate: 0.5, max_learning_rate: 0.1, step_size_up: 7, mode: 'exp_range', exp_gamma: 0.9 }, implicit(N)],
  ['CyclicLR', { base_learning_rate: 0.1, max_learning_rate: 0.4, step_size_up: 3, scale_fn: 'inv1p', scale_mode: 'iterations' }, implicit(N)],
  ['LinearLR', { learning_rate: 1, total_steps: 1 }, implicit(N)],
  ['LinearLR', { learning_rate: 0.3, total_steps: 33, start_factor: 0.5, end_factor: 0 }, implicit(N)],
  ['LinearLR', { learning_rate: 0.3, total_steps: 10, start_factor: 0.2 }, [...implicit(5), 8, ...implicit(30)]],
  ['CosineAnnealingWarmRestarts', { learning_rate: 1, T_0: 1 }, implicit(N)],
  ['CosineAnnealingWarmRestarts', { learning_rate: 0.2, T_0: 4, T_mult: 2, eta_min: 0.01 }, implicit(N)],
  ['CosineAnnealingWarmRestarts', { learning_rate: 0.2, T_0: 3, T_mult: 2 }, [0.5, 7, 2.5, 100, ...implicit(N)]],
  ['CosineAnnealingWarmRestarts', { learning_rate: 0.2, T_0: 6, last_epoch: 3 }, implicit(N)],
  ['LinearWarmup', { learning_rate: 0.1, warmup_steps: 1, start_lr: 0, end_lr: 0.2 }, implicit(N)],
  ['LinearWarmup', { learning_rate: 0.1, warmup_steps: 30, start_lr: 0.001, end_lr: 0.1 }, implicit(N)],
  [
    'LinearWarmup',
    { learning_rate: { class: 'StepDecay', config: { learning_rate: 0.3, step_size: 4, gamma: 0.5 } }, warmup_steps: 7, start_lr: 0.03, end_lr: 0.3 },
    implicit(N),
  ],
  [
    'LinearWarmup',
    { learning_rate: { class: 'OneCycleLR', config: { max_learning_rate: 0.3, total_steps: 40 } }, warmup_steps: 5, start_lr: 0, end_lr: 0.3 },
    implicit(N),
  ],
  ['ReduceOnPlateau', { learning_rate: 1 }, Array.from({ length: N }, () => 1)],
  ['ReduceOnPlateau', { learning_rate: 0.1, mode: 'max', patience: 0, factor: 0.5, min_lr: 0.01 }, epochs(0, N).map((i) => Math.cos(i / 3))],
  ['ReduceOnPlateau', { learning_rate: 0.1, patience: 2, cooldown: 3, threshold: 0.1, epsilon: 0.02 }, epochs(0, N).map((i) => 10 - Math.sqrt(i))],
  ['ReduceOnPlateau', { learning_rate: 0.1, mode: 'max', threshold_mode: 'abs', threshold: 0.5, patience: 1 }, epochs(0, N).map((i) => i % 7)],
];

describe('schedulers follow the reference formulas', () => {
  it('cover all seventeen schedulers, each with three or more argument sets, over 30+ epochs', () => {
    const counts = new Map<string, number>();
    for (const [cls, , steps] of CASES) {
      counts.set(cls, (counts.get(cls) ?? 0) + 1);
      expect(steps.length).toBeGreaterThanOrEqual(30);
    }
    expect(counts.size).toBe(17);
    for (const n of counts.values()) expect(n).toBeGreaterThanOrEqual(3);
  });

  it.each(CASES.map(([cls, k, steps]) => [`${cls} ${JSON.stringify(k)}`, cls, k, steps] as const))(
    '%s',
    (_name, cls, k, steps) => {
      const actual = run(build(cls, k), steps);
      const expected = simulate(cls, k, steps);
      if (cls === 'LinearWarmup') expectAllClose(actual, expected, 1e-12);
      else expect(actual).toEqual(expected);
    },
  );
});

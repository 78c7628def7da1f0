/**
 * Properties over random arguments (fast-check, seeded):
 *  - every schedule with a rate that depends only on the epoch follows the reference formulas;
 *  - for those, n `step()` calls land exactly where one `step(n)` does;
 *  - CosineAnnealingDecay's recursion stays within rounding of its closed form, but is not equal;
 *  - CosineAnnealingWarmRestarts agrees for T_mult = 1, and for T_mult > 1 except where Python's
 *    float log lands a restart epoch one cycle early (as in Paddle).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as lr from '../../src/optimizer/lr/index.js';
import { LAMBDAS, build, implicit, run, type Kwargs } from './helpers.js';
import { simulate } from './reference.js';

const SEED = 20240611;
const params = { seed: SEED, numRuns: 60 };

const rate = fc.double({ min: 1e-4, max: 5, noNaN: true });
const unit = (min: number, max: number) => fc.double({ min, max, noNaN: true });
const lastEpoch = fc.option(fc.integer({ min: -1, max: 12 }), { nil: undefined });
const sortedInts = (minLength: number) =>
  fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { minLength, maxLength: 6 }).map((a) => [...a].sort((x, y) => x - y));
const lambdaName = fc.constantFrom(...Object.keys(LAMBDAS));

/** Drops undefined entries (an absent keyword argument). */
const defined = (k: Kwargs): Kwargs => Object.fromEntries(Object.entries(k).filter(([, v]) => v !== undefined));

/** Random Paddle keyword arguments of each scheduler whose rate depends only on the epoch. */
const CLOSED_FORM_ARGS: Record<string, fc.Arbitrary<Kwargs>> = {
  NoamDecay: fc.record({ d_model: unit(1e-3, 1e3), warmup_steps: fc.integer({ min: 1, max: 200 }), learning_rate: rate, last_epoch: lastEpoch }),
  PiecewiseDecay: sortedInts(1).chain((boundaries) =>
    fc.record({
      boundaries: fc.constant(boundaries),
      values: fc.array(rate, { minLength: boundaries.length + 1, maxLength: boundaries.length + 3 }),
      last_epoch: lastEpoch,
    }),
  ),
  NaturalExpDecay: fc.record({ learning_rate: rate, gamma: unit(1e-3, 2), last_epoch: lastEpoch }),
  InverseTimeDecay: fc.record({ learning_rate: rate, gamma: unit(0, 2), last_epoch: lastEpoch }),
  PolynomialDecay: fc.record({
    learning_rate: rate,
    decay_steps: fc.integer({ min: 1, max: 30 }),
    end_lr: unit(0, 1e-2),
    power: unit(0.1, 3),
    cycle: fc.boolean(),
    last_epoch: lastEpoch,
  }),
  ExponentialDecay: fc.record({ learning_rate: rate, gamma: unit(0.01, 0.999), last_epoch: lastEpoch }),
  MultiStepDecay: fc.record({ learning_rate: rate, milestones: sortedInts(0), gamma: unit(0.01, 0.99), last_epoch: lastEpoch }),
  StepDecay: fc.record({ learning_rate: rate, step_size: fc.integer({ min: 1, max: 20 }), gamma: unit(0.01, 0.99), last_epoch: lastEpoch }),
  LambdaDecay: fc.record({ learning_rate: rate, lr_lambda: lambdaName, last_epoch: lastEpoch }),
  MultiplicativeDecay: fc.record({ learning_rate: rate, lr_lambda: lambdaName, last_epoch: lastEpoch }),
  OneCycleLR: fc
    .record({
      max_learning_rate: rate,
      total_steps: fc.integer({ min: 80, max: 200 }),
      divide_factor: unit(1, 50),
      end_learning_rate: unit(0, 1e-3),
      phase_pct: unit(0.05, 0.45),
      anneal_strategy: fc.constantFrom('cos', 'linear'),
      three_phase: fc.boolean(),
    })
    // phase_pct · total_steps == 1 would divide by zero (an error, tested elsewhere).
    .filter((k) => (k['phase_pct'] as number) * (k['total_steps'] as number) !== 1),
  CyclicLR: fc.record({
    base_learning_rate: rate,
    max_learning_rate: rate,
    step_size_up: fc.integer({ min: 1, max: 20 }),
    step_size_down: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
    mode: fc.constantFrom('triangular', 'triangular2', 'exp_range'),
    exp_gamma: unit(0.5, 1),
    scale_fn: fc.option(lambdaName, { nil: undefined }),
    scale_mode: fc.constantFrom('cycle', 'iterations'),
    last_epoch: lastEpoch,
  }),
  LinearWarmup: fc.record({
    learning_rate: fc.oneof(rate, fc.constant({ class: 'NaturalExpDecay', config: { learning_rate: 0.4, gamma: 0.2 } })),
    warmup_steps: fc.integer({ min: 1, max: 30 }),
    start_lr: unit(0, 0.1),
    end_lr: unit(0.2, 1),
    last_epoch: lastEpoch,
  }),
};

describe('closed-form schedules over random arguments', () => {
  for (const [cls, args] of Object.entries(CLOSED_FORM_ARGS)) {
    it(`${cls} follows the reference formula for 60 epochs`, () => {
      fc.assert(
        fc.property(args.map(defined), (k) => {
          const steps = implicit(60);
          const actual = run(build(cls, k), steps);
          const expected = simulate(cls, k, steps);
          if (cls === 'LinearWarmup') {
            actual.forEach((a, i) => expect(Math.abs(a - (expected[i] as number))).toBeLessThanOrEqual(1e-12 * Math.abs(expected[i] as number)));
          } else {
            expect(actual).toEqual(expected);
          }
        }),
        params,
      );
    });

    it(`${cls}: n step() calls equal one step(n)`, () => {
      fc.assert(
        fc.property(args.map(defined), fc.integer({ min: 0, max: 70 }), (k, n) => {
          const stepped = build(cls, k);
          for (let i = 0; i < n; i++) stepped.step();
          const jumped = build(cls, k);
          jumped.step(stepped.lastEpoch);
          expect(jumped.lastEpoch).toBe(stepped.lastEpoch);
          expect(jumped.lastLr).toBe(stepped.lastLr);
        }),
        params,
      );
    });
  }
});

describe('CosineAnnealingDecay: recursion and closed form', () => {
  it('n step() calls stay within 1e-12·base_lr of step(n), which uses the closed form', () => {
    fc.assert(
      fc.property(rate, fc.integer({ min: 1, max: 40 }), unit(0, 1), fc.integer({ min: 0, max: 200 }), (base, TMax, etaFrac, n) => {
        const etaMin = base * etaFrac * 0.5;
        const stepped = new lr.CosineAnnealingDecay(base, TMax, { etaMin });
        for (let i = 0; i < n; i++) stepped.step();
        const jumped = new lr.CosineAnnealingDecay(base, TMax, { etaMin });
        jumped.step(n);
        expect(Math.abs(stepped.lastLr - jumped.lastLr)).toBeLessThanOrEqual(1e-12 * base);
      }),
      params,
    );
  });

  it('but they are not bit-identical (Paddle compares them with assertAlmostEqual)', () => {
    const stepped = new lr.CosineAnnealingDecay(0.5, 10);
    const closed: number[] = [];
    const recursive: number[] = [];
    for (let e = 1; e <= 40; e++) {
      stepped.step();
      recursive.push(stepped.lastLr);
      const jumped = new lr.CosineAnnealingDecay(0.5, 10);
      jumped.step(e);
      closed.push(jumped.lastLr);
    }
    expect(recursive.filter((v, i) => v !== closed[i]).length).toBeGreaterThan(0);
  });
});

describe('CosineAnnealingWarmRestarts: step(epoch) against stepping there', () => {
  const walk = (T0: number, TMult: number, to: number) => {
    const stepped = new lr.CosineAnnealingWarmRestarts(0.1, T0, { TMult });
    const mismatches: number[] = [];
    for (let e = 1; e <= to; e++) {
      stepped.step();
      const jumped = new lr.CosineAnnealingWarmRestarts(0.1, T0, { TMult });
      jumped.step(e);
      if (jumped.lastLr !== stepped.lastLr) mismatches.push(e);
    }
    return mismatches;
  };

  it('agree exactly for T_mult = 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), (T0) => {
        expect(walk(T0, 1, 60)).toEqual([]);
      }),
      params,
    );
  });

  it('agree for T_mult > 1 except at restarts where the float log rounds down', () => {
    // Restarts of T_0 = 2, T_mult = 3 fall at 2, 8, 26, 80, 242: log(243)/log(3) is
    // 4.999999999999999 in Python, so step(242) places epoch 242 at the end of the previous
    // cycle (the minimum rate) instead of the start of the next (the base rate). Paddle does the same.
    expect(walk(2, 3, 300)).toEqual([242]);
    const jumped = new lr.CosineAnnealingWarmRestarts(0.1, 2, { TMult: 3 });
    jumped.step(242);
    expect([jumped.TCur, jumped.TI, jumped.lastLr]).toEqual([162, 162, 0]);
    expect(walk(1, 2, 300)).toEqual([]);
    expect(walk(3, 2, 300)).toEqual([]);
  });
});

it('LinearLR is recursive: step(n) applies one recursion step at epoch n, not the n-step value', () => {
  const stepped = new lr.LinearLR(0.5, 10);
  for (let i = 0; i < 5; i++) stepped.step();
  const jumped = new lr.LinearLR(0.5, 10);
  jumped.step(5);
  // From epoch 0 (0.5/3), one factor at e = 5: 1 + (2/3) / (10/3 + 4·2/3).
  expect(jumped.lastLr).toBe((0.5 * (1.0 / 3)) * (1.0 + (1 - 1 / 3) / (10 * (1 / 3) + 4 * (1 - 1 / 3))));
  expect(jumped.lastLr).not.toBe(stepped.lastLr);
});

/**
 * State round trips: stop a scheduler mid-schedule, save its state dict (through JSON, as a file
 * would), load it into a freshly constructed twin, and both continue identically.
 */
import { describe, expect, it } from 'vitest';
import * as lr from '../../src/optimizer/lr/index.js';
import { build, captureLog, type Kwargs } from './helpers.js';

const CONFIGS: [string, Kwargs][] = [
  ['NoamDecay', { d_model: 0.01, warmup_steps: 100 }],
  ['PiecewiseDecay', { boundaries: [3, 6, 9, 15, 20], values: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6] }],
  ['NaturalExpDecay', { learning_rate: 0.5, gamma: 0.1 }],
  ['InverseTimeDecay', { learning_rate: 0.5, gamma: 0.1 }],
  ['PolynomialDecay', { learning_rate: 0.5, decay_steps: 8, cycle: true }],
  ['ExponentialDecay', { learning_rate: 0.5, gamma: 0.9 }],
  ['MultiStepDecay', { learning_rate: 0.5, milestones: [3, 6, 9, 15, 20], gamma: 0.8 }],
  ['StepDecay', { learning_rate: 0.5, step_size: 2, gamma: 0.8 }],
  ['LambdaDecay', { learning_rate: 0.5, lr_lambda: 'pow095' }],
  ['MultiplicativeDecay', { learning_rate: 0.5, lr_lambda: 'const095' }],
  ['CosineAnnealingDecay', { learning_rate: 0.5, T_max: 10, eta_min: 0.01 }],
  ['OneCycleLR', { max_learning_rate: 0.1, total_steps: 40, three_phase: true }],
  ['CyclicLR', { base_learning_rate: 0.5, max_learning_rate: 1.0, step_size_up: 15, step_size_down: 5, mode: 'triangular2' }],
  ['LinearLR', { learning_rate: 0.5, total_steps: 20 }],
  ['LinearWarmup', { learning_rate: 0.5, warmup_steps: 10, start_lr: 0, end_lr: 0.5 }],
];

const viaJson = (sd: lr.LRStateDict): lr.LRStateDict => JSON.parse(JSON.stringify(sd)) as lr.LRStateDict;

describe('save mid-schedule, load into a fresh scheduler, continue', () => {
  const log = captureLog();

  it.each(CONFIGS)('%s', (cls, k) => {
    const original = build(cls, k);
    for (let i = 0; i < 7; i++) original.step();
    const sd = viaJson(original.stateDict());
    expect(Object.keys(sd)).toEqual(['last_epoch', 'last_lr']);
    const restored = build(cls, k);
    restored.setStateDict(sd);
    expect(restored.stateDict()).toEqual(original.stateDict());
    for (let i = 0; i < 30; i++) {
      original.step();
      restored.step();
      expect([restored.lastEpoch, restored.lastLr]).toEqual([original.lastEpoch, original.lastLr]);
    }
    expect(log.lines).toEqual([]);
  });

  it('LinearWarmup around a scheduler: the nested state travels under LinearWarmup_LR', () => {
    const make = () => new lr.LinearWarmup(new lr.PiecewiseDecay([3, 6], [0.5, 0.2, 0.1]), 10, 0, 0.5);
    const original = make();
    for (let i = 0; i < 14; i++) original.step();
    const sd = viaJson(original.stateDict());
    expect(sd).toEqual({ last_epoch: 14, last_lr: 0.2, LinearWarmup_LR: { last_epoch: 4, last_lr: 0.2 } });
    const restored = make();
    restored.setStateDict(sd);
    // What Paddle's test checks: the outer and the inner scheduler's epoch and rate.
    const inner = (s: lr.LinearWarmup) => s.learningRate as lr.LRScheduler;
    expect([restored.lastEpoch, restored.lastLr]).toEqual([original.lastEpoch, original.lastLr]);
    expect([inner(restored).lastEpoch, inner(restored).lastLr]).toEqual([inner(original).lastEpoch, inner(original).lastLr]);
    // Paddle's base set_state_dict warns about the extra nested entry.
    expect(log.lines).toEqual([
      "There are some unused values in state_dict. Maybe the optimizer have different 'LearningRateDecay' when invoking state_dict and set_dict",
    ]);
    for (let i = 0; i < 20; i++) {
      original.step();
      restored.step();
      expect(restored.lastLr).toBe(original.lastLr);
      expect(inner(restored).lastEpoch).toBe(inner(original).lastEpoch);
    }
  });

  it('ReduceOnPlateau: cooldown_counter, best, num_bad_epochs, last_epoch, last_lr', () => {
    const metrics = Array.from({ length: 60 }, (_, i) => Math.sin(i));
    const make = () => new lr.ReduceOnPlateau(1.0, { factor: 0.5, patience: 3, cooldown: 1 });
    const original = make();
    expect(original.stateDict()).toEqual({ cooldown_counter: 0, best: null, num_bad_epochs: 0, last_epoch: 0, last_lr: 1.0 });
    for (const m of metrics.slice(0, 20)) original.step(m);
    const sd = viaJson(original.stateDict());
    expect(Object.keys(sd)).toEqual(['cooldown_counter', 'best', 'num_bad_epochs', 'last_epoch', 'last_lr']);
    expect(sd['last_lr']).toBeLessThan(1);
    const restored = make();
    restored.setStateDict(sd);
    expect([restored.cooldownCounter, restored.best, restored.numBadEpochs, restored.lastEpoch, restored.lastLr]).toEqual([
      original.cooldownCounter,
      original.best,
      original.numBadEpochs,
      original.lastEpoch,
      original.lastLr,
    ]);
    for (const m of metrics.slice(20)) {
      original.step(m);
      restored.step(m);
      expect(restored.stateDict()).toEqual(original.stateDict());
    }
  });

  it('ReduceOnPlateau loads best = null (saved before the first step)', () => {
    const s = new lr.ReduceOnPlateau(0.5);
    s.step(3);
    s.setStateDict(viaJson(new lr.ReduceOnPlateau(0.5).stateDict()));
    expect(s.best).toBeNull();
    expect(s.lastEpoch).toBe(0);
  });

  it('CosineAnnealingWarmRestarts: T_cur and T_i are not saved (as in Paddle)', () => {
    const make = () => new lr.CosineAnnealingWarmRestarts(0.1, 3, { TMult: 2 });
    const original = make();
    for (let i = 0; i < 5; i++) original.step();
    const restored = make();
    restored.setStateDict(viaJson(original.stateDict()));
    expect([restored.TCur, restored.TI]).toEqual([0, 3]);
    // step(epoch) places the epoch from scratch, so explicit epochs continue identically...
    for (let e = 6; e < 40; e++) {
      original.step(e);
      restored.step(e);
      expect(restored.lastLr).toBe(original.lastLr);
    }
    // ...but plain step() resumes from the cycle position the twin was constructed with.
    const a = make();
    for (let i = 0; i < 5; i++) a.step();
    const b = make();
    b.setStateDict(viaJson(a.stateDict()));
    a.step();
    b.step();
    expect(b.lastEpoch).toBe(a.lastEpoch);
    expect(b.lastLr).not.toBe(a.lastLr);
  });

  it('extra entries are loaded around and warned about once', () => {
    const s = new lr.StepDecay(0.5, 2);
    s.setStateDict({ last_epoch: 4, last_lr: 0.32, something: 1 });
    expect([s.lastEpoch, s.lastLr]).toEqual([4, 0.32]);
    expect(log.lines.length).toBe(1);
  });

  it('set_dict and set_state_dict are the loading method, state_dict the saving one', () => {
    const s = new lr.LinearWarmup(new lr.StepDecay(0.5, 2), 3, 0, 0.5);
    for (let i = 0; i < 6; i++) s.step();
    const t = new lr.LinearWarmup(new lr.StepDecay(0.5, 2), 3, 0, 0.5);
    t.set_dict(s.state_dict());
    expect(t.state_dict()).toEqual(s.state_dict());
    expect((t.learningRate as lr.LRScheduler).lastEpoch).toBe(3);
  });
});

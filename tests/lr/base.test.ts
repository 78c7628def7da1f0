/** The LRScheduler contract: construction, stepping, aliases, verbose output, options. */
import { describe, expect, it } from 'vitest';
import { NotImplementedError } from '../../src/errors.js';
import * as lr from '../../src/optimizer/lr/index.js';
import { pow } from '../../src/optimizer/lr/py-math.js';
import { toTensor } from '../../src/tensor/creation.js';
import { captureLog } from './helpers.js';

describe('construction takes one step', () => {
  it('from last_epoch -1 to epoch 0, or from last_epoch k to k + 1', () => {
    const fresh = new lr.ExponentialDecay(0.5, 0.5);
    expect([fresh.lastEpoch, fresh.lastLr, fresh.baseLr]).toEqual([0, 0.5, 0.5]);
    const resumed = new lr.ExponentialDecay(0.5, 0.5, { lastEpoch: 2 });
    expect([resumed.lastEpoch, resumed.lastLr]).toEqual([3, 0.0625]);
  });

  it('NoamDecay starts at 0; PiecewiseDecay keeps the unused base rate 0.1', () => {
    expect(new lr.NoamDecay(0.01, 100).call()).toBe(0);
    expect(new lr.PiecewiseDecay([2], [0.3, 0.03]).baseLr).toBe(0.1);
  });

  it('ReduceOnPlateau takes none: epoch 0, the given rate, even a negative one (as Paddle)', () => {
    const s = new lr.ReduceOnPlateau(-0.5, { mode: 'MAX', thresholdMode: 'Abs' });
    expect([s.lastEpoch, s.lastLr, s.baseLr, s.mode, s.thresholdMode]).toEqual([0, -0.5, -0.5, 'max', 'abs']);
    expect(() => s.getLr()).toThrow(NotImplementedError);
  });

  it('copies array arguments and leaves the options object alone', () => {
    const boundaries = [2, 4];
    const options = { lastEpoch: 1 };
    const s = new lr.PiecewiseDecay(boundaries, [1, 2, 3], options);
    boundaries[0] = 100;
    expect(s.boundaries).toEqual([2, 4]);
    expect(options).toEqual({ lastEpoch: 1 });
  });
});

describe('step', () => {
  it('step(epoch) sets the epoch; only CosineAnnealingDecay switches to its closed form', () => {
    const cosine = new lr.CosineAnnealingDecay(0.5, 10);
    cosine.step(3);
    expect(cosine.lastLr).toBe(lr.cosineAnnealingLr(0.5, 10, 0, 3));
    const linear = new lr.LinearLR(0.5, 10);
    linear.step(3); // get_lr at epoch 3, from the previous rate
    expect(linear.lastEpoch).toBe(3);
    expect(linear.lastLr).toBe((0.5 * (1 / 3)) * (1 + (2 / 3) / (10 / 3 + 2 * (2 / 3))));
  });

  it('step(null) is step()', () => {
    const s = new lr.StepDecay(0.5, 1, { gamma: 0.5 });
    s.step(null);
    expect([s.lastEpoch, s.lastLr]).toEqual([1, 0.25]);
  });

  it('OneCycleLR may reach total_steps, where it extrapolates the last phase', () => {
    const s = new lr.OneCycleLR(1.0, 10);
    expect(s.lastEpoch).toBe(0);
    s.step(10);
    expect(s.lastLr).toBe(lr.oneCycleLr(s.phases, 'cos', 10, 10));
  });

  it("LinearWarmup's get_lr steps the wrapped scheduler (Paddle's test_linear_warmp)", () => {
    const natural = new lr.NaturalExpDecay(0.5, 0.1);
    const warmup = new lr.LinearWarmup(natural, 10, 0.0, 0.1);
    for (let idx = 0; idx < 30; idx++) {
      if (idx >= 10) {
        expect(warmup.getLr()).toBe(natural.getLr());
        natural.step();
      }
      warmup.step();
    }
  });

  it('ReduceOnPlateau takes a one-element tensor, and an explicit epoch', () => {
    const s = new lr.ReduceOnPlateau(1.0, { patience: 0, factor: 0.5 });
    s.step(toTensor([2], { dtype: 'float32' }));
    s.step(toTensor(3, { dtype: 'float64' }), 10);
    expect([s.best, s.lastEpoch, s.lastLr, s.numBadEpochs]).toEqual([2, 10, 0.5, 0]);
    s.step({ numel: 1, item: () => 1.5 });
    expect([s.best, s.lastEpoch]).toEqual([1.5, 11]);
  });

  it('ReduceOnPlateau ignores metrics during a cooldown and respects min_lr and epsilon', () => {
    const s = new lr.ReduceOnPlateau(1.0, { patience: 0, factor: 0.5, cooldown: 2, minLr: 0.3, epsilon: 0.1 });
    s.step(1); // best 1
    s.step(2); // bad: 1.0 → 0.5, cooldown 2
    s.step(0); // cooling, metric ignored
    s.step(0); // cooling
    expect([s.best, s.lastLr, s.cooldownCounter]).toEqual([1, 0.5, 0]);
    s.step(5); // bad: max(0.25, 0.3) = 0.3, and 0.5 − 0.3 > 0.1
    expect(s.lastLr).toBe(0.3);
    s.step(5);
    s.step(5);
    s.step(5); // bad again, but 0.3 − 0.3 is not > 0.1: unchanged
    expect(s.lastLr).toBe(0.3);
  });
});

describe("Paddle's spellings", () => {
  it('method aliases are the (overriding) methods themselves', () => {
    const s = new lr.StepDecay(0.5, 2);
    expect(s.get_lr).toBe(s.getLr);
    expect(s.get_lr).toBe(lr.StepDecay.prototype.getLr);
    expect(s.state_dict).toBe(lr.LRScheduler.prototype.stateDict);
    expect(s.set_state_dict).toBe(s.setStateDict);
    expect(s.set_dict).toBe(s.setStateDict);
    expect(s.state_keys()).toEqual(['last_epoch', 'last_lr']);
    const w = new lr.LinearWarmup(s, 2, 0, 0.5);
    expect(w.state_dict).toBe(lr.LinearWarmup.prototype.stateDict);
    expect(w.get_lr()).toBe(0);
  });

  it('last_epoch, last_lr and base_lr read and write the fields', () => {
    const s = new lr.StepDecay(0.5, 2);
    expect([s.last_epoch, s.last_lr, s.base_lr]).toEqual([0, 0.5, 0.5]);
    s.last_epoch = 5;
    s.base_lr = 1;
    s.last_lr = 0.25;
    expect([s.lastEpoch, s.baseLr, s.call()]).toEqual([5, 1, 0.25]);
    s.step();
    expect(s.call()).toBe(pow(0.1, 3)); // 1 · gamma^(6 // 2)
  });

  it('aliases are not own or enumerable properties', () => {
    const s = new lr.StepDecay(0.5, 2);
    expect(Object.keys(s)).not.toContain('last_epoch');
    expect(Object.keys(s)).not.toContain('get_lr');
  });
});

describe('isLRScheduler', () => {
  it('recognises schedulers only', () => {
    expect(lr.isLRScheduler(new lr.StepDecay(0.5, 2))).toBe(true);
    expect(lr.isLRScheduler(new lr.ReduceOnPlateau(0.5))).toBe(true);
    expect(lr.isLRScheduler(0.1)).toBe(false);
    expect(lr.isLRScheduler({ lastLr: 0.1, step() {}, call: () => 0.1 })).toBe(false);
    expect(lr.isLRScheduler(null)).toBe(false);
  });
});

describe('verbose', () => {
  const log = captureLog();

  it("prints Paddle's line at construction and each step, with Python's float repr", () => {
    const s = new lr.ExponentialDecay(0.001, 0.01, { verbose: true });
    s.step();
    s.step(5);
    expect(log.lines).toEqual([
      'Epoch 0: ExponentialDecay set learning rate to 0.001.',
      'Epoch 1: ExponentialDecay set learning rate to 1e-05.',
      'Epoch 5: ExponentialDecay set learning rate to 1.0000000000000002e-13.',
    ]);
  });

  it('prints an integer rate as a float, and the floor of a fractional epoch', () => {
    const s = new lr.CosineAnnealingWarmRestarts(1, 4, { verbose: true });
    s.step(2.5);
    expect(log.lines[0]).toBe('Epoch 0: CosineAnnealingWarmRestarts set learning rate to 1.0.');
    expect(log.lines[1]).toMatch(/^Epoch 2: CosineAnnealingWarmRestarts set learning rate to 0\.\d+\.$/);
  });

  it('PiecewiseLR prints its own name; ReduceOnPlateau prints only when it reduces', () => {
    new lr.PiecewiseLR([1], [0.5, 0.25], { verbose: true });
    const r = new lr.ReduceOnPlateau(1, { patience: 0, verbose: true });
    r.step(1);
    r.step(1);
    expect(log.lines).toEqual([
      'Epoch 0: PiecewiseLR set learning rate to 0.5.',
      'Epoch 2: ReduceOnPlateau set learning rate to 0.1.',
    ]);
  });

  it('can be switched on later, and stays silent when off', () => {
    const s = new lr.StepDecay(0.5, 2);
    s.step();
    expect(log.lines).toEqual([]);
    s.verbose = true;
    s.step();
    expect(log.lines).toEqual(['Epoch 2: StepDecay set learning rate to 0.05.']);
  });
});

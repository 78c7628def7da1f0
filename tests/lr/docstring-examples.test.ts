/**
 * The dygraph example of every scheduler docstring in Paddle's lr.py, with `verbose=True`: the
 * lines printed (through `log()`) must be the ones Python prints, computed by
 * fixtures/generate.py with correctly rounded math. Python's own glibc differs on one line of
 * the 1,526: OneCycleLR's epoch 76, where glibc's cos(π·47/70) is misrounded (the exact value lies
 * 0.50018 of the way from glibc's result to the correctly rounded one), so Paddle prints
 * 0.24362600626091727 and this library 0.2436260062609172.
 * (The static-graph examples have no counterpart here.) Plus the base class's subclassing
 * example and the seed document's `PiecewiseLR(bd, value, 0)`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as lr from '../../src/optimizer/lr/index.js';
import { floorDiv, pow } from '../../src/optimizer/lr/py-math.js';
import { toTensor } from '../../src/tensor/creation.js';
import { build, captureLog, type Kwargs } from './helpers.js';

interface Example {
  class: string;
  kwargs: Kwargs;
  steps: (number | null)[];
  lines: string[];
  glibc_lines?: string[];
}
const examples = (
  JSON.parse(readFileSync(new URL('./fixtures/schedules.json', import.meta.url), 'utf8')) as {
    docstring_examples: Example[];
  }
).docstring_examples;

describe('docstring examples print what Paddle prints', () => {
  const log = captureLog();

  it('cover every scheduler but ReduceOnPlateau (below)', () => {
    const schedulers = Object.entries(lr)
      .filter(([k, v]) => typeof v === 'function' && /^[A-Z]/.test(k))
      .map(([k]) => k)
      .filter((k) => !['LRScheduler', 'ReduceOnPlateau', 'PiecewiseLR'].includes(k));
    expect(examples.map((e) => e.class).sort()).toEqual(schedulers.sort());
  });

  it("differ from glibc's on exactly one line", () => {
    const differing = examples.flatMap((e) =>
      e.glibc_lines === undefined ? [] : e.lines.filter((line, i) => line !== e.glibc_lines?.[i]),
    );
    expect(differing).toEqual(['Epoch 76: OneCycleLR set learning rate to 0.2436260062609172.']);
    expect(examples.reduce((n, e) => n + e.lines.length, 0)).toBe(1526);
  });

  it.each(examples.map((e) => [e.class, e] as const))('%s', (_name, example) => {
    const scheduler = build(example.class, example.kwargs);
    for (const arg of example.steps) scheduler.step(arg);
    expect(log.lines).toEqual(example.lines);
  });

  it('ReduceOnPlateau(learning_rate=1.0, factor=0.5, patience=5, verbose=True), stepped with a loss tensor', () => {
    const scheduler = new lr.ReduceOnPlateau(1.0, { factor: 0.5, patience: 5, verbose: true });
    expect(log.lines).toEqual([]); // no initial step, nothing printed
    for (let batch = 0; batch < 100; batch++) {
      const loss = toTensor([batch < 10 ? 10 - batch : 1], { dtype: 'float32' });
      scheduler.step(loss);
    }
    // The loss falls for 10 steps, then stays: a halving every 6 epochs from epoch 16.
    expect(log.lines.length).toBe(15);
    expect(log.lines[0]).toBe('Epoch 16: ReduceOnPlateau set learning rate to 0.5.');
    expect(log.lines[1]).toBe('Epoch 22: ReduceOnPlateau set learning rate to 0.25.');
    expect(log.lines[14]).toBe('Epoch 100: ReduceOnPlateau set learning rate to 3.0517578125e-05.');
    expect(scheduler.best).toBe(1);
    expect(scheduler.lastEpoch).toBe(100);
  });
});

describe("LRScheduler's docstring: a StepDecay written as a subclass", () => {
  class StepDecay extends lr.LRScheduler {
    readonly stepSize: number;
    readonly gamma: number;

    constructor(
      learningRate: number,
      stepSize: number,
      { gamma = 0.1, lastEpoch = -1, verbose = false }: { gamma?: number; lastEpoch?: number; verbose?: boolean } = {},
    ) {
      if (!Number.isInteger(stepSize)) throw new TypeError("The type of 'step_size' must be 'int'");
      if (gamma >= 1.0) throw new RangeError('gamma should be < 1.0.');
      super(learningRate, { lastEpoch, verbose });
      this.stepSize = stepSize;
      this.gamma = gamma;
      if (new.target === StepDecay) this.step();
    }

    override getLr(): number {
      const i = floorDiv(this.lastEpoch, this.stepSize);
      return this.baseLr * pow(this.gamma, i);
    }
  }

  it('behaves as the built-in StepDecay, including the initial step and the state dict', () => {
    const mine = new StepDecay(0.5, 3, { gamma: 0.7 });
    const builtin = new lr.StepDecay(0.5, 3, { gamma: 0.7 });
    expect(mine.lastEpoch).toBe(0);
    for (let i = 0; i < 30; i++) {
      expect(mine.call()).toBe(builtin.call());
      mine.step();
      builtin.step();
    }
    expect(mine.stateDict()).toEqual(builtin.stateDict());
    expect(mine.get_lr()).toBe(builtin.get_lr());
  });

  describe('verbose', () => {
    const log = captureLog();
    it('prints its own class name', () => {
      const scheduler = new StepDecay(0.5, 3, { verbose: true });
      scheduler.step();
      expect(log.lines).toEqual([
        'Epoch 0: StepDecay set learning rate to 0.5.',
        'Epoch 1: StepDecay set learning rate to 0.5.',
      ]);
    });
  });
});

describe("the seed document's PiecewiseLR(bd, value, last_epoch)", () => {
  const bd = [2, 4, 6, 8];
  const value = [0.2, 0.4, 0.6, 0.8, 1.0];
  const rates = (scheduler: lr.LRScheduler): number[] =>
    Array.from({ length: 12 }, () => {
      const rate = scheduler.call();
      scheduler.step();
      return rate;
    });

  it('takes last_epoch positionally or in the options, and is a PiecewiseDecay', () => {
    const positional = new lr.PiecewiseLR(bd, value, 0);
    const options = new lr.PiecewiseLR(bd, value, { lastEpoch: 0 });
    expect(positional).toBeInstanceOf(lr.PiecewiseDecay);
    expect(rates(positional)).toEqual(rates(options));
  });

  it('gives the rates of Paddle semantics: last_epoch 0 starts at epoch 1', () => {
    expect(rates(new lr.PiecewiseLR(bd, value, 0))).toEqual([0.2, 0.4, 0.4, 0.6, 0.6, 0.8, 0.8, 1.0, 1.0, 1.0, 1.0, 1.0]);
    // The document's list is the default last_epoch's.
    expect(rates(new lr.PiecewiseLR(bd, value))).toEqual([0.2, 0.2, 0.4, 0.4, 0.6, 0.6, 0.8, 0.8, 1.0, 1.0, 1.0, 1.0]);
  });
});

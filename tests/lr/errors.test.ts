/**
 * Every invalid argument of spec §13 with its error kind and message (Paddle's where Paddle has
 * one; "received ..." appended to Paddle's bare asserts), and the checks this library adds where
 * Python would fail on its own. A failing step leaves the scheduler as it was.
 */
import { describe, expect, it } from 'vitest';
import {
  AssertionError,
  KeyError,
  NotImplementedError,
  RuntimeError,
  TypeError as PTypeError,
  ValueError,
} from '../../src/errors.js';
import * as lr from '../../src/optimizer/lr/index.js';
import { toTensor } from '../../src/tensor/creation.js';

type ErrorClass = new (...args: never[]) => Error;
type Row = [string, () => unknown, ErrorClass, string];

/** Throws exactly `kind` with exactly `message`. */
function expectError(thunk: () => unknown, kind: ErrorClass, message: string): void {
  let caught: unknown;
  try {
    thunk();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(kind);
  expect((caught as Error).message).toBe(message);
  expect((caught as Error).name).toBe(kind.name === 'PaddleTypeError' ? 'TypeError' : kind.name);
}

const S = 'test' as unknown as number; // a string where Paddle takes a number
const F = (x: number) => x;

const ROWS: Row[] = [
  // LRScheduler
  ['LRScheduler() has no get_lr', () => new lr.LRScheduler(), NotImplementedError, 'LRScheduler.getLr() is not implemented: a subclass of LRScheduler must implement getLr().'],
  ['learning rate not a number', () => new lr.StepDecay(S, 2), PTypeError, "The type of learning rate must be float, but received <class 'str'>"],
  ['negative learning rate', () => new lr.StepDecay(-1, 2), ValueError, 'Invalid learning rate: -1'],
  ['negative float learning rate', () => new lr.ExponentialDecay(-0.5, 0.5), ValueError, 'Invalid learning rate: -0.5'],
  ['last_epoch not a number', () => new lr.StepDecay(0.1, 2, { lastEpoch: S }), PTypeError, "The type of 'last_epoch' must be 'int', but received <class 'str'>."],
  ['verbose not a boolean', () => new lr.StepDecay(0.1, 2, { verbose: 1 as unknown as boolean }), PTypeError, "The type of 'verbose' must be 'bool', but received <class 'int'>."],
  ['unknown option', () => new lr.StepDecay(0.1, 2, { gama: 0.5 } as never), PTypeError, "StepDecay got an unexpected option 'gama'. Valid options: 'gamma', 'lastEpoch', 'verbose'."],
  ['snake_case option', () => new lr.StepDecay(0.1, 2, { last_epoch: 3 } as never), PTypeError, "StepDecay got an unexpected option 'last_epoch'. Did you mean 'lastEpoch' (Paddle's 'last_epoch')? Valid options: 'gamma', 'lastEpoch', 'verbose'."],
  ['options not an object', () => new lr.StepDecay(0.1, 2, 0.5 as never), PTypeError, 'StepDecay: the options argument must be an object, but received 0.5.'],
  ['step(epoch) not a number', () => new lr.StepDecay(0.1, 2).step('3' as never), PTypeError, 'step(): \'epoch\' must be a number or null, but received "3".'],

  // NoamDecay
  ['NoamDecay d_model = 0', () => new lr.NoamDecay(0, 100), ValueError, 'd_model should be grater than 0'],
  ['NoamDecay d_model < 0', () => new lr.NoamDecay(-1, 100), ValueError, 'd_model should be grater than 0'],
  ['NoamDecay warmup_steps = 0', () => new lr.NoamDecay(1, 0), ValueError, "'warmup_steps' must be greater than 0, but received 0."],
  ['NoamDecay d_model not a number', () => new lr.NoamDecay(S, 10), PTypeError, "The type of 'd_model' in 'NoamDecay' must be 'float, int', but received <class 'str'>."],

  // PiecewiseDecay
  ['PiecewiseDecay empty boundaries', () => new lr.PiecewiseDecay([], []), ValueError, 'The boundaries cannot be empty.'],
  ['PiecewiseDecay empty values', () => new lr.PiecewiseDecay([100, 200], []), ValueError, 'The values have one more element than boundaries, but received len(values) [0] < len(boundaries) + 1 [3].'],
  ['PiecewiseDecay values too short', () => new lr.PiecewiseDecay([100, 200], [0.5, 0.1]), ValueError, 'The values have one more element than boundaries, but received len(values) [2] < len(boundaries) + 1 [3].'],
  ['PiecewiseDecay boundaries not a list', () => new lr.PiecewiseDecay('3' as never, [1, 2]), PTypeError, "The type of 'boundaries' in 'PiecewiseDecay' must be 'tuple, list', but received <class 'str'>."],
  ['PiecewiseDecay a value not a number', () => new lr.PiecewiseDecay([3], [0.1, '0.2'] as never), PTypeError, "The elements of 'values' in 'PiecewiseDecay' must be numbers, but received <class 'str'>."],
  ['PiecewiseLR a bad third argument', () => new lr.PiecewiseLR([3], [0.1, 0.2], 'x' as never), PTypeError, 'PiecewiseLR: the options argument must be an object, but received "x".'],

  // NaturalExpDecay, InverseTimeDecay, ExponentialDecay
  ['NaturalExpDecay gamma = 0', () => new lr.NaturalExpDecay(0.5, 0), AssertionError, "'gamma' must be a positive number so that the learning rate will decay, but received 0."],
  ['NaturalExpDecay gamma < 0', () => new lr.NaturalExpDecay(0.5, -0.1), AssertionError, "'gamma' must be a positive number so that the learning rate will decay, but received -0.1."],
  ['InverseTimeDecay gamma not a number', () => new lr.InverseTimeDecay(0.5, S), PTypeError, "The type of 'gamma' in 'InverseTimeDecay' must be 'float, int', but received <class 'str'>."],
  ['ExponentialDecay gamma = 1', () => new lr.ExponentialDecay(0.5, 1), AssertionError, "'gamma' must be in interval (0.0, 1.0) so that the learning rate will decay, but received 1."],
  ['ExponentialDecay gamma = 0', () => new lr.ExponentialDecay(0.5, 0), AssertionError, "'gamma' must be in interval (0.0, 1.0) so that the learning rate will decay, but received 0."],
  ['ExponentialDecay gamma > 1', () => new lr.ExponentialDecay(0.5, 1.5), AssertionError, "'gamma' must be in interval (0.0, 1.0) so that the learning rate will decay, but received 1.5."],

  // PolynomialDecay
  ['PolynomialDecay decay_steps = 0', () => new lr.PolynomialDecay(0.5, 0), AssertionError, "'decay_steps' must be a positive integer, but received 0."],
  ['PolynomialDecay decay_steps not an integer', () => new lr.PolynomialDecay(0.5, 2.5), AssertionError, "'decay_steps' must be a positive integer, but received 2.5."],
  ['PolynomialDecay power = 0', () => new lr.PolynomialDecay(0.5, 10, { power: 0 }), AssertionError, "'power' must be greater than 0.0 so that the learning rate will decay, but received 0."],
  ['PolynomialDecay cycle not a boolean', () => new lr.PolynomialDecay(0.5, 10, { cycle: 1 as never }), PTypeError, "The type of 'cycle' in 'PolynomialDecay' must be 'bool', but received <class 'int'>."],

  // LinearWarmup
  ['LinearWarmup learning_rate a string', () => new lr.LinearWarmup('test' as never, 10, 0, 0.5), PTypeError, 'the type of learning_rate should be [int, float or LRScheduler], the current type is test'],
  ['LinearWarmup warmup_steps = 0', () => new lr.LinearWarmup(0.5, 0, 0, 0.5), AssertionError, "'warmup_steps' must be a positive integer, but received 0."],
  ['LinearWarmup warmup_steps not an integer', () => new lr.LinearWarmup(0.5, 1.5, 0, 0.5), AssertionError, "'warmup_steps' must be a positive integer, but received 1.5."],
  ['LinearWarmup end_lr <= start_lr', () => new lr.LinearWarmup(0.5, 10, 0.5, 0.1), AssertionError, 'end_lr 0.1 must be greater than start_lr 0.5'],
  ['LinearWarmup end_lr == start_lr', () => new lr.LinearWarmup(0.5, 10, 1, 1), AssertionError, 'end_lr 1 must be greater than start_lr 1'],
  ['LinearWarmup negative start_lr', () => new lr.LinearWarmup(0.5, 10, -0.1, 0.5), ValueError, 'Invalid learning rate: -0.1'],

  // MultiStepDecay
  ['MultiStepDecay learning rate a string', () => new lr.MultiStepDecay(S, [1, 2, 3]), PTypeError, "The type of learning rate must be float, but received <class 'str'>"],
  ['MultiStepDecay milestones a string', () => new lr.MultiStepDecay(0.5, 'test' as never), PTypeError, "The type of 'milestones' in 'MultiStepDecay' must be 'tuple, list', but received <class 'str'>."],
  ['MultiStepDecay milestones decreasing', () => new lr.MultiStepDecay(0.5, [3, 2, 1]), ValueError, 'The elements of milestones must be incremented'],
  ['MultiStepDecay milestones repeated', () => new lr.MultiStepDecay(0.5, [1, 1]), ValueError, 'The elements of milestones must be incremented'],
  ['MultiStepDecay gamma = 2', () => new lr.MultiStepDecay(0.5, [1, 2, 3], { gamma: 2 }), ValueError, 'gamma should be < 1.0.'],

  // StepDecay
  ['StepDecay step_size a float', () => new lr.StepDecay(0.5, 2.5), PTypeError, "The type of 'step_size' must be 'int', but received <class 'float'>."],
  ['StepDecay step_size a string', () => new lr.StepDecay(0.5, S), PTypeError, "The type of 'step_size' must be 'int', but received <class 'str'>."],
  ['StepDecay gamma = 1', () => new lr.StepDecay(0.5, 2, { gamma: 1.0 }), ValueError, 'gamma should be < 1.0.'],
  ['StepDecay step_size = 0', () => new lr.StepDecay(0.5, 0), AssertionError, "'step_size' must be a positive integer, but received 0."],

  // LambdaDecay, MultiplicativeDecay
  ['LambdaDecay lr_lambda a string', () => new lr.LambdaDecay(0.5, 'test' as never), PTypeError, "The type of 'lr_lambda' in 'LambdaDecay' must be 'function', but received <class 'str'>."],
  ['MultiplicativeDecay lr_lambda a number', () => new lr.MultiplicativeDecay(0.5, 0.95 as never), PTypeError, "The type of 'lr_lambda' in 'MultiplicativeDecay' must be 'function', but received <class 'float'>."],
  ['LambdaDecay lr_lambda returning a string', () => new lr.LambdaDecay(0.5, (() => 'x') as never), PTypeError, "'lr_lambda' in 'LambdaDecay' must return a number, but returned <class 'str'> for 0."],

  // ReduceOnPlateau
  ['ReduceOnPlateau factor = 2', () => new lr.ReduceOnPlateau(1.0, { factor: 2.0 }), ValueError, 'new_lr = origin_lr * gamma and gamma should be < 1.0.'],
  ['ReduceOnPlateau mode', () => new lr.ReduceOnPlateau(1.0, { mode: 'test' }), ValueError, 'mode: test is unknown!'],
  ['ReduceOnPlateau mode, lowered', () => new lr.ReduceOnPlateau(1.0, { mode: 'TeSt' }), ValueError, 'mode: test is unknown!'],
  ['ReduceOnPlateau threshold_mode', () => new lr.ReduceOnPlateau(1.0, { thresholdMode: 'test' }), ValueError, 'threshold mode: test is unknown!'],
  ['ReduceOnPlateau learning rate a string', () => new lr.ReduceOnPlateau(S), PTypeError, "The type of 'learning_rate' in 'ReduceOnPlateau' must be 'float', but received <class 'str'>."],
  ['ReduceOnPlateau mode not a string', () => new lr.ReduceOnPlateau(1.0, { mode: 1 as never }), PTypeError, "The type of 'mode' in 'ReduceOnPlateau' must be 'str', but received <class 'int'>."],
  ['ReduceOnPlateau step("test")', () => new lr.ReduceOnPlateau(0.5).step('test' as never), PTypeError, "metrics must be 'int', 'float', 'np.float64', 'numpy.ndarray' or 'paddle.Tensor', but receive <class 'str'>"],
  ['ReduceOnPlateau step() without a metric', () => new lr.ReduceOnPlateau(0.5).step(undefined), PTypeError, "metrics must be 'int', 'float', 'np.float64', 'numpy.ndarray' or 'paddle.Tensor', but receive <class 'NoneType'>"],
  ['ReduceOnPlateau step(2-element tensor)', () => new lr.ReduceOnPlateau(0.5).step(toTensor([1, 2])), AssertionError, 'the size of metrics must be 1, but the current metrics.size is 2. Maybe that you should call paddle.mean to process it first.'],
  ['ReduceOnPlateau unknown option lastEpoch', () => new lr.ReduceOnPlateau(0.5, { lastEpoch: 3 } as never), PTypeError, "ReduceOnPlateau got an unexpected option 'lastEpoch'. Valid options: 'mode', 'factor', 'patience', 'threshold', 'thresholdMode', 'cooldown', 'minLr', 'epsilon', 'verbose'."],

  // CosineAnnealingDecay
  ['CosineAnnealingDecay T_max a float', () => new lr.CosineAnnealingDecay(0.5, 2.5), PTypeError, "The type of 'T_max' in 'CosineAnnealingDecay' must be 'int', but received <class 'float'>."],
  ['CosineAnnealingDecay eta_min a string', () => new lr.CosineAnnealingDecay(0.5, 10, { etaMin: S }), PTypeError, "The type of 'eta_min' in 'CosineAnnealingDecay' must be 'float, int', but received <class 'str'>."],
  ['CosineAnnealingDecay T_max = 0', () => new lr.CosineAnnealingDecay(0.5, 0), AssertionError, "'T_max' must be a positive integer, but received 0."],

  // OneCycleLR
  ['OneCycleLR max_learning_rate a string', () => new lr.OneCycleLR(S, 20), PTypeError, "'max_learning_rate' must be 'float' or 'int', but received <class 'str'>"],
  ['OneCycleLR max_learning_rate < 0', () => new lr.OneCycleLR(-1.5, 20), ValueError, "'max_learning_rate' must be a positive integer."],
  ['OneCycleLR end_learning_rate a string', () => new lr.OneCycleLR(0.1, 20, { endLearningRate: S }), PTypeError, "'end_learning_rate' must be 'float' or 'int', but received <class 'str'>"],
  ['OneCycleLR end_learning_rate < 0', () => new lr.OneCycleLR(0.1, 20, { endLearningRate: -1 }), ValueError, "'end_learning_rate' must be a positive integer."],
  ['OneCycleLR total_steps a string', () => new lr.OneCycleLR(0.1, S), PTypeError, "'total_step' must be 'int', but received <class 'str'>"],
  ['OneCycleLR total_steps a float', () => new lr.OneCycleLR(0.1, 20.5), PTypeError, "'total_step' must be 'int', but received <class 'float'>"],
  ['OneCycleLR total_steps < 0', () => new lr.OneCycleLR(0.1, -10), ValueError, "'total_step' must be a positive integer."],
  ['OneCycleLR phase_pct a string', () => new lr.OneCycleLR(0.1, 20, { phasePct: S }), PTypeError, "'phase_pct' must be 'float', but received <class 'str'>"],
  ['OneCycleLR phase_pct > 1', () => new lr.OneCycleLR(0.1, 20, { phasePct: 1.5 }), ValueError, "'phase_pct' must be between 0 and 1, but received 1.5"],
  ['OneCycleLR divide_factor a string', () => new lr.OneCycleLR(0.1, 20, { divideFactor: S }), PTypeError, "'divide_factor' must be 'float' or 'int', but received <class 'str'>"],
  ['OneCycleLR divide_factor = 0', () => new lr.OneCycleLR(0.1, 20, { divideFactor: 0 }), ValueError, "float division by zero: 'divide_factor' is 0."],
  ['OneCycleLR anneal_strategy', () => new lr.OneCycleLR(0.1, 20, { annealStrategy: 'test' }), ValueError, "'anneal_strategy' must by one of 'cos' or 'linear', but received test"],
  ['OneCycleLR three_phase with phase_pct 0.6', () => new lr.OneCycleLR(0.1, 20, { phasePct: 0.6, threePhase: true }), ValueError, "When three_phase is True, 'phase_pct' must be less than 0.5"],
  ['OneCycleLR phase_pct · total_steps == 1', () => new lr.OneCycleLR(0.1, 10, { phasePct: 0.1 }), ValueError, 'float division by zero: phase 0 of the one-cycle schedule has 0 steps.'],

  // CyclicLR
  ['CyclicLR max_learning_rate a string', () => new lr.CyclicLR(0.5, S, 10), PTypeError, "'max_learning_rate' must be 'float' or 'int', but received <class 'str'>"],
  ['CyclicLR max_learning_rate < 0', () => new lr.CyclicLR(0.5, -1, 10), ValueError, "'max_learning_rate' must be a positive integer, but received -1"],
  ['CyclicLR step_size_up a string', () => new lr.CyclicLR(0.5, 1.0, S), PTypeError, "The type of 'step_size_up' must be int, but received <class 'str'>"],
  ['CyclicLR step_size_up < 0', () => new lr.CyclicLR(0.5, 1.0, -1), ValueError, "'step_size_up' must be a positive integer, but received -1"],
  ['CyclicLR step_size_down a string', () => new lr.CyclicLR(0.5, 1.0, 500, { stepSizeDown: S }), PTypeError, "The type of 'step_size_down' must be int, but received <class 'str'>"],
  ['CyclicLR step_size_down < 0', () => new lr.CyclicLR(0.5, 1.0, 500, { stepSizeDown: -1 }), ValueError, "'step_size_down' must be a positive integer, but received -1"],
  ['CyclicLR exp_gamma a string', () => new lr.CyclicLR(0.5, 1.0, 5, { expGamma: S }), PTypeError, "The type of 'exp_gamma' must be float, but received <class 'str'>"],
  ['CyclicLR mode', () => new lr.CyclicLR(0.5, 1.0, 500, { stepSizeDown: 500, mode: 'test' }), ValueError, "'mode' is invalid and 'scale_fn' is not specified, make sure one of 'mode' or 'scale_fn' is valid"],
  ['CyclicLR scale_mode', () => new lr.CyclicLR(0.5, 1.0, 500, { scaleMode: 'test' }), ValueError, "'scale_mode' must be one of 'cycle' or 'iterations"],
  // Paddle's own test passes step_size_down=-1 too, which fails first.
  ['CyclicLR scale_mode (Paddle test)', () => new lr.CyclicLR(0.5, 1.0, 500, { stepSizeDown: -1, scaleMode: 'test' }), ValueError, "'step_size_down' must be a positive integer, but received -1"],
  ['CyclicLR scale_fn not a function', () => new lr.CyclicLR(0.5, 1.0, 5, { scaleFn: 3 as never }), PTypeError, "The type of 'scale_fn' in 'CyclicLR' must be 'function', but received <class 'int'>."],
  ['CyclicLR base_learning_rate a string', () => new lr.CyclicLR(S, 1.0, 5), PTypeError, "The type of learning rate must be float, but received <class 'str'>"],
  ['CyclicLR base_learning_rate < 0', () => new lr.CyclicLR(-0.5, 1.0, 5), ValueError, 'Invalid learning rate: -0.5'],

  // LinearLR
  ['LinearLR start_factor = 0', () => new lr.LinearLR(0.5, 5, { startFactor: 0 }), ValueError, '`start_factor` must be greater than 0 and less or equal to 1, but got 0'],
  ['LinearLR start_factor > 1', () => new lr.LinearLR(0.5, 5, { startFactor: 1.5 }), ValueError, '`start_factor` must be greater than 0 and less or equal to 1, but got 1.5'],
  ['LinearLR end_factor < 0', () => new lr.LinearLR(0.5, 5, { endFactor: -0.1 }), ValueError, '`end_factor` must be greater than 0 and less than 1, but got -0.1'],
  ['LinearLR end_factor > 1', () => new lr.LinearLR(0.5, 5, { endFactor: 1.5 }), ValueError, '`end_factor` must be greater than 0 and less than 1, but got 1.5'],
  ['LinearLR total_steps = 0', () => new lr.LinearLR(0.5, 0), ValueError, '`total_steps` must be greater than 0, but got 0'],

  // CosineAnnealingWarmRestarts
  ['CosineAnnealingWarmRestarts T_0 < 0', () => new lr.CosineAnnealingWarmRestarts(0.5, -1), ValueError, 'Expected positive integer T_0, but got -1'],
  ['CosineAnnealingWarmRestarts T_0 not an integer', () => new lr.CosineAnnealingWarmRestarts(0.5, 1.5), ValueError, 'Expected positive integer T_0, but got 1.5'],
  ['CosineAnnealingWarmRestarts T_mult < 1', () => new lr.CosineAnnealingWarmRestarts(0.5, 1, { TMult: -1 }), ValueError, 'Expected integer T_mult >= 1, but got -1'],
  ['CosineAnnealingWarmRestarts T_mult not an integer', () => new lr.CosineAnnealingWarmRestarts(0.5, 1, { TMult: 1.5 }), ValueError, 'Expected integer T_mult >= 1, but got 1.5'],
  ['CosineAnnealingWarmRestarts step(-1)', () => new lr.CosineAnnealingWarmRestarts(0.5, 2).step(-1), ValueError, 'Expected non-negative epoch, but got -1'],
];

describe('invalid arguments', () => {
  it.each(ROWS)('%s', (_name, thunk, kind, message) => {
    expectError(thunk, kind, message);
  });

  it("Paddle's TypeError is also JavaScript's TypeError", () => {
    expect(() => new lr.StepDecay(0.5, 2.5)).toThrow(TypeError);
  });
});

describe('a failing step leaves the scheduler unchanged', () => {
  it('OneCycleLR past total_steps (total_steps itself is allowed)', () => {
    const s = new lr.OneCycleLR(0.1, 20);
    for (let i = 0; i < 20; i++) s.step();
    const before = s.stateDict();
    expectError(() => s.step(), ValueError, 'Tried to step 21 times. However the number of total steps is 20');
    expect(s.stateDict()).toEqual(before);
    expectError(() => s.step(25), ValueError, 'Tried to step 25 times. However the number of total steps is 20');
    expect(s.stateDict()).toEqual(before);
  });

  it('OneCycleLR with phase_pct = 1: the last step divides by a phase of zero steps', () => {
    const s = new lr.OneCycleLR(0.1, 10, { phasePct: 1.0 });
    for (let i = 0; i < 9; i++) s.step();
    expectError(() => s.step(), ValueError, 'float division by zero: phase 1 of the one-cycle schedule has 0 steps.');
    expect(s.lastEpoch).toBe(9);
  });

  it('ReduceOnPlateau with a bad metric', () => {
    const s = new lr.ReduceOnPlateau(0.5);
    s.step(1);
    const before = s.stateDict();
    expect(() => s.step('x' as never)).toThrow(PTypeError);
    expect(s.stateDict()).toEqual(before);
  });

  it('CosineAnnealingWarmRestarts with a negative epoch', () => {
    const s = new lr.CosineAnnealingWarmRestarts(0.5, 3, { TMult: 2 });
    s.step();
    const before = [s.lastEpoch, s.lastLr, s.TCur, s.TI];
    expect(() => s.step(-2)).toThrow(ValueError);
    expect([s.lastEpoch, s.lastLr, s.TCur, s.TI]).toEqual(before);
  });

  it('LambdaDecay whose lambda throws', () => {
    let fail = false;
    const s = new lr.LambdaDecay(0.5, (e) => {
      if (fail) throw new Error('boom');
      return 1 / (1 + e);
    });
    s.step();
    fail = true;
    expect(() => s.step()).toThrow('boom');
    expect([s.lastEpoch, s.lastLr]).toEqual([1, 0.25]);
  });
});

describe('state dict errors', () => {
  it('a missing key is a RuntimeError, and nothing is loaded', () => {
    const s = new lr.StepDecay(0.5, 2);
    expectError(
      () => s.setStateDict({ last_epoch: 7 }),
      RuntimeError,
      "Please check whether state_dict is correct for optimizer. Can't find [ last_lr ] in state_dict",
    );
    expect(s.lastEpoch).toBe(0);
  });

  it('ReduceOnPlateau needs all five keys', () => {
    const s = new lr.ReduceOnPlateau(0.5);
    expectError(
      () => s.setStateDict({ last_epoch: 1, last_lr: 0.1 }),
      RuntimeError,
      "Please check whether state_dict is correct for optimizer. Can't find [ cooldown_counter ] in state_dict",
    );
  });

  it('a value that is not a number is a TypeError', () => {
    const s = new lr.StepDecay(0.5, 2);
    expectError(() => s.setStateDict({ last_epoch: '3', last_lr: 0.5 }), PTypeError, 'set_state_dict: \'last_epoch\' must be a number, but received "3".');
    expectError(() => s.setStateDict(null as never), PTypeError, 'set_state_dict: the state dict must be an object, but received null.');
  });

  it("LinearWarmup around a scheduler needs 'LinearWarmup_LR' (KeyError), checked before loading anything", () => {
    const s = new lr.LinearWarmup(new lr.StepDecay(0.5, 2), 3, 0, 0.5);
    expectError(() => s.setStateDict({ last_epoch: 9, last_lr: 0.1 }), KeyError, "'LinearWarmup_LR'");
    expectError(
      () => s.setStateDict({ last_epoch: 9, last_lr: 0.1, LinearWarmup_LR: { last_epoch: 2 } }),
      RuntimeError,
      "Please check whether state_dict is correct for optimizer. Can't find [ last_lr ] in state_dict",
    );
    expect([s.lastEpoch, (s.learningRate as lr.LRScheduler).lastEpoch]).toEqual([0, 0]);
  });

  it('a tensor of more than one element cannot be saved', () => {
    const s = new lr.StepDecay(0.5, 2);
    s.lastLr = toTensor([0.1, 0.2]) as never;
    expectError(() => s.stateDict(), AssertionError, 'numel of Tensor in state_dict must be 1');
  });
});

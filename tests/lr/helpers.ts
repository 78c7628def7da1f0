/**
 * Test helpers: build a scheduler from Paddle's keyword arguments (as the fixtures and Paddle's
 * own tests write them), run a list of steps, capture log lines.
 */
import { afterEach, beforeEach } from 'vitest';
import { setLogSink } from '../../src/log.js';
import * as lr from '../../src/optimizer/lr/index.js';
import { cos, pow } from '../../src/optimizer/lr/py-math.js';
import { snakeToCamel } from '../../src/options.js';

/** Named epoch functions shared with fixtures/generate.py (`**` is Python's, i.e. correctly rounded). */
export const LAMBDAS: Record<string, (x: number) => number> = {
  pow095: (x) => pow(0.95, x),
  const095: () => 0.95,
  inv1p: (x) => 1 / (1 + x),
  cos10: (x) => (1 + cos((Math.PI * x) / 10)) / 2,
};

/** Paddle's required (positional) arguments of each scheduler, in order. */
export const POSITIONAL: Record<string, readonly string[]> = {
  NoamDecay: ['d_model', 'warmup_steps'],
  PiecewiseDecay: ['boundaries', 'values'],
  NaturalExpDecay: ['learning_rate', 'gamma'],
  InverseTimeDecay: ['learning_rate', 'gamma'],
  PolynomialDecay: ['learning_rate', 'decay_steps'],
  LinearWarmup: ['learning_rate', 'warmup_steps', 'start_lr', 'end_lr'],
  ExponentialDecay: ['learning_rate', 'gamma'],
  MultiStepDecay: ['learning_rate', 'milestones'],
  StepDecay: ['learning_rate', 'step_size'],
  LambdaDecay: ['learning_rate', 'lr_lambda'],
  MultiplicativeDecay: ['learning_rate', 'lr_lambda'],
  ReduceOnPlateau: ['learning_rate'],
  CosineAnnealingDecay: ['learning_rate', 'T_max'],
  OneCycleLR: ['max_learning_rate', 'total_steps'],
  CyclicLR: ['base_learning_rate', 'max_learning_rate', 'step_size_up'],
  LinearLR: ['learning_rate', 'total_steps'],
  CosineAnnealingWarmRestarts: ['learning_rate', 'T_0'],
};

export type Kwargs = Record<string, unknown>;
type SchedulerClass = new (...args: unknown[]) => lr.LRScheduler;

/** A value of the kwargs: lambdas by name, nested schedulers as `{ class, config }`. */
function convert(key: string, value: unknown): unknown {
  if ((key === 'lr_lambda' || key === 'scale_fn') && typeof value === 'string') {
    const fn = LAMBDAS[value];
    if (fn === undefined) throw new Error(`unknown lambda ${value}`);
    return fn;
  }
  if (key === 'learning_rate' && typeof value === 'object' && value !== null && 'class' in value) {
    const nested = value as { class: string; config: Kwargs };
    return build(nested.class, nested.config);
  }
  return value;
}

/** `new lr[cls](...required, { ...optional in camelCase })` from Paddle keyword arguments. */
export function build(cls: string, kwargs: Kwargs): lr.LRScheduler {
  const ctor = (lr as unknown as Record<string, SchedulerClass>)[cls];
  const positional = POSITIONAL[cls];
  if (ctor === undefined || positional === undefined) throw new Error(`unknown scheduler ${cls}`);
  const args = positional.map((k) => convert(k, kwargs[k]));
  const options: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(kwargs)) {
    if (!positional.includes(k)) options[snakeToCamel(k)] = convert(k, v);
  }
  return new ctor(...args, options);
}

/** The rate after construction, then after each step (`null`: `step()`, a number: `step(n)`, or a metric). */
export function run(scheduler: lr.LRScheduler, steps: readonly (number | null)[]): number[] {
  const out = [scheduler.call()];
  for (const arg of steps) {
    (scheduler.step as (arg: number | null) => void)(arg);
    out.push(scheduler.call());
  }
  return out;
}

export const implicit = (n: number): null[] => Array.from({ length: n }, () => null);

/** Collects `log()` lines during each test of the enclosing `describe`. */
export function captureLog(): { lines: string[] } {
  const captured = { lines: [] as string[] };
  let previous: ((line: string) => void) | null = null;
  beforeEach(() => {
    captured.lines.length = 0;
    previous = setLogSink((line) => captured.lines.push(line));
  });
  afterEach(() => {
    setLogSink(previous);
  });
  return captured;
}

/** |a − e| <= rtol·|e| elementwise, reporting the first failing index. */
export function expectAllClose(actual: readonly number[], expected: readonly number[], rtol: number): void {
  if (actual.length !== expected.length) throw new Error(`length ${actual.length} != ${expected.length}`);
  actual.forEach((a, i) => {
    const e = expected[i] as number;
    if (!(Math.abs(a - e) <= rtol * Math.abs(e))) {
      throw new Error(`index ${i}: ${a} vs expected ${e} (rtol ${rtol})`);
    }
  });
}

/**
 * One optimizer trajectory: `paddle.optimizer.RMSProp` on a float32 parameter `p = [x, y]`,
 * minimising one of the test functions by autograd, with the chosen scheduler (stepped after
 * every optimizer step) and gradient clip.
 */
import * as paddle from '../../src/index.js';
import type { TestFunction } from './functions.js';

export const SCHEDULERS = ['none', 'StepDecay', 'CosineAnnealingDecay', 'ExponentialDecay'] as const;
/** The schedulers of the scheduler select. */
export type SchedulerKind = (typeof SCHEDULERS)[number];

export const CLIPS = ['none', 'ClipGradByValue', 'ClipGradByNorm', 'ClipGradByGlobalNorm'] as const;
/** The gradient clips of the clipping select. */
export type ClipKind = (typeof CLIPS)[number];

/** Everything a trajectory depends on besides the function and the start. */
export interface RunConfig {
  lr: number;
  rho: number;
  epsilon: number;
  momentum: number;
  centered: boolean;
  scheduler: SchedulerKind;
  clip: ClipKind;
  /** The clip's threshold (ClipGradByValue clips to [−v, v]). */
  clipValue: number;
  steps: number;
}

/** RMSProp's defaults in Paddle, with the function's learning rate and step count. */
export function defaultConfig(fn: TestFunction): RunConfig {
  return { lr: fn.lr, rho: 0.95, epsilon: 1e-6, momentum: 0, centered: false, scheduler: 'none', clip: 'none', clipValue: 1, steps: fn.steps };
}

/** StepDecay's step size: the learning rate halves four times over the run. */
export function stepDecaySize(steps: number): number {
  return Math.max(1, Math.round(steps / 4));
}
/** ExponentialDecay's gamma. */
export const EXPONENTIAL_GAMMA = 0.99;
/** StepDecay's gamma. */
export const STEP_GAMMA = 0.5;

/** The scheduler of `c` as the library's class (null: constant learning rate). */
export function makeScheduler(c: RunConfig): paddle.optimizer.lr.LRScheduler | null {
  const { lr } = paddle.optimizer;
  switch (c.scheduler) {
    case 'none':
      return null;
    case 'StepDecay':
      return new lr.StepDecay(c.lr, stepDecaySize(c.steps), { gamma: STEP_GAMMA });
    case 'CosineAnnealingDecay':
      return new lr.CosineAnnealingDecay(c.lr, c.steps);
    case 'ExponentialDecay':
      return new lr.ExponentialDecay(c.lr, EXPONENTIAL_GAMMA);
  }
}

/** The gradient clip of `c` (null: none). */
export function makeClip(c: RunConfig): paddle.nn.ClipGradByValue | paddle.nn.ClipGradByNorm | paddle.nn.ClipGradByGlobalNorm | null {
  switch (c.clip) {
    case 'none':
      return null;
    case 'ClipGradByValue':
      return new paddle.nn.ClipGradByValue(c.clipValue);
    case 'ClipGradByNorm':
      return new paddle.nn.ClipGradByNorm(c.clipValue);
    case 'ClipGradByGlobalNorm':
      return new paddle.nn.ClipGradByGlobalNorm(c.clipValue);
  }
}

/** The iterates of one run. */
export interface Trajectory {
  /** x of the iterates: the start, then the parameter after each step (float32 values). */
  xs: number[];
  /** y of the iterates. */
  ys: number[];
  /** f at each iterate, as the float32 forward pass computed it. */
  values: number[];
  /** The learning rate of each step. */
  lrs: number[];
  /** Set when the run stopped early (the iterate left any sensible range). */
  diverged: boolean;
}

/** Past this the plot is meaningless and float32 overflows soon. */
const FAR = 1e4;

/** Runs RMSProp from `start` on `fn` for `c.steps` steps. */
export function runTrajectory(fn: TestFunction, start: readonly [number, number], c: RunConfig): Trajectory {
  // A fresh name scope: the parameter and accumulator names do not grow run after run.
  return paddle.utils.uniqueName.guard(() => {
    const p = paddle.createParameter([2], 'float32', { defaultInitializer: new paddle.nn.initializer.Assign([start[0], start[1]]) });
    const scheduler = makeScheduler(c);
    const opt = new paddle.optimizer.RMSProp(scheduler ?? c.lr, {
      parameters: [p],
      rho: c.rho,
      epsilon: c.epsilon,
      momentum: c.momentum,
      centered: c.centered,
      gradClip: makeClip(c),
    });
    const t: Trajectory = { xs: [p.data[0] as number], ys: [p.data[1] as number], values: [], lrs: [], diverged: false };
    try {
      for (let i = 0; i < c.steps; i++) {
        const loss = fn.loss(p);
        t.values.push(Number(loss.item()));
        t.lrs.push(opt.getLr());
        loss.backward();
        opt.step();
        opt.clearGrad();
        scheduler?.step();
        const x = p.data[0] as number;
        const y = p.data[1] as number;
        t.xs.push(x);
        t.ys.push(y);
        if (!(Math.abs(x) < FAR && Math.abs(y) < FAR)) {
          t.diverged = true;
          break;
        }
      }
      if (!t.diverged) t.values.push(Number(paddle.noGrad(() => fn.loss(p)).item()));
    } finally {
      opt.dispose();
      p.dispose();
    }
    return t;
  });
}

/**
 * `paddle.optimizer.lr`: the learning-rate schedulers (spec §13). Each module also exports its
 * schedule as a pure function of the epoch (optax style) where the schedule has one.
 */
export {
  LRScheduler,
  LR_SCHEDULER_OPTION_KEYS,
  isLRScheduler,
  isScalarTensorLike,
  type LRSchedulerOptions,
  type LRStateDict,
  type ScalarTensorLike,
} from './lr-scheduler.js';
export { NoamDecay, noamDecayLr, type NoamDecayOptions } from './noam-decay.js';
export { PiecewiseDecay, PiecewiseLR, piecewiseDecayLr, type PiecewiseDecayOptions } from './piecewise-decay.js';
export { NaturalExpDecay, naturalExpDecayLr, type NaturalExpDecayOptions } from './natural-exp-decay.js';
export { InverseTimeDecay, inverseTimeDecayLr, type InverseTimeDecayOptions } from './inverse-time-decay.js';
export { PolynomialDecay, polynomialDecayLr, type PolynomialDecayOptions } from './polynomial-decay.js';
export { LinearWarmup, linearWarmupLr, type LinearWarmupOptions } from './linear-warmup.js';
export { ExponentialDecay, exponentialDecayLr, type ExponentialDecayOptions } from './exponential-decay.js';
export { MultiStepDecay, multiStepDecayLr, type MultiStepDecayOptions } from './multi-step-decay.js';
export { StepDecay, stepDecayLr, type StepDecayOptions } from './step-decay.js';
export { LambdaDecay, type LambdaDecayOptions } from './lambda-decay.js';
export { MultiplicativeDecay, type MultiplicativeDecayOptions } from './multiplicative-decay.js';
export {
  ReduceOnPlateau,
  isBetter,
  type Metric,
  type ReduceOnPlateauOptions,
} from './reduce-on-plateau.js';
export {
  CosineAnnealingDecay,
  cosineAnnealingLr,
  type CosineAnnealingDecayOptions,
} from './cosine-annealing-decay.js';
export {
  OneCycleLR,
  cosAnnealing,
  linearAnnealing,
  oneCycleLr,
  oneCyclePhases,
  type AnnealStrategy,
  type OneCycleLROptions,
  type OneCyclePhases,
} from './one-cycle-lr.js';
export {
  CyclicLR,
  cyclicPosition,
  type CyclicLROptions,
  type CyclicMode,
  type ScaleMode,
} from './cyclic-lr.js';
export { LinearLR, type LinearLROptions } from './linear-lr.js';
export {
  CosineAnnealingWarmRestarts,
  warmRestartsLr,
  warmRestartsPosition,
  type CosineAnnealingWarmRestartsOptions,
} from './cosine-annealing-warm-restarts.js';

/** `paddle.optimizer`: RMSProp, the Optimizer base, and the `lr` scheduler namespace. */
export { RMSProp } from './rmsprop.js';
export type { RMSPropOptions, RMSPropParamGroup } from './rmsprop.js';
export { Optimizer } from './optimizer.js';
export type {
  BaseOptimizerOptions,
  BaseParamGroup,
  OptimizerStateDict,
  SchedulerState,
  TensorLike,
  WeightDecay,
  NamedParameterSource,
  SetOptimizerStateOptions,
} from './optimizer.js';
export * as lr from './lr/index.js';
/** The seed document's older name (`paddle.optimizer.PiecewiseLR`). */
export { PiecewiseLR } from './lr/index.js';

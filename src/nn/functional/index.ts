/** `paddle.nn.functional` (camelCase names plus Paddle's snake_case spellings). */
export { softmax, logSoftmax, log_softmax, gelu } from './activation.js';
// One implementation of these three for `paddle.*` and `paddle.nn.functional.*` (src/ops/elementwise.ts).
export { relu, sigmoid, tanh } from '../../ops/elementwise.js';
export type { SoftmaxOptions, GeluOptions } from './activation.js';
export { linear, type LinearOptions } from './linear.js';
export { embedding, type EmbeddingOptions } from './input.js';
export { dropout, type DropoutOptions } from './common.js';
export {
  crossEntropy,
  cross_entropy,
  mseLoss,
  mse_loss,
  l1Loss,
  l1_loss,
  squareErrorCost,
  square_error_cost,
} from './loss.js';
export type { CrossEntropyOptions, RegressionLossOptions } from './loss.js';
export type { Reduction } from './checks.js';
export { leakyRelu, leaky_relu, silu, elu, softplus, normalize } from './activation-extra.js';
export type { LeakyReluOptions, EluOptions, SoftplusOptions, NormalizeOptions } from './activation-extra.js';
export {
  binaryCrossEntropy,
  binary_cross_entropy,
  binaryCrossEntropyWithLogits,
  binary_cross_entropy_with_logits,
  nllLoss,
  nll_loss,
  smoothL1Loss,
  smooth_l1_loss,
  klDiv,
  kl_div,
  oneHot,
  one_hot,
} from './loss-extra.js';
export type {
  BinaryCrossEntropyOptions,
  BinaryCrossEntropyWithLogitsOptions,
  NllLossOptions,
  SmoothL1LossOptions,
  KlDivOptions,
  KlReduction,
} from './loss-extra.js';
export { pad } from './pad.js';
export type { PadOptions, PadMode, PadDataFormat } from './pad.js';
export { conv1d, conv2d, conv1dTranspose, conv1d_transpose, conv2dTranspose, conv2d_transpose } from './conv.js';
export type { Conv1dOptions, Conv2dOptions, Conv1dTransposeOptions, Conv2dTransposeOptions } from './conv.js';
export type { PaddingSpec, DataFormat1D, DataFormat2D } from './conv-args.js';
export {
  maxPool1d,
  max_pool1d,
  maxPool2d,
  max_pool2d,
  avgPool1d,
  avg_pool1d,
  avgPool2d,
  avg_pool2d,
  adaptiveAvgPool2d,
  adaptive_avg_pool2d,
} from './pooling.js';
export type { MaxPool1dOptions, MaxPool2dOptions, AvgPool1dOptions, AvgPool2dOptions, AdaptiveAvgPool2dOptions } from './pooling.js';
export { adaptiveMaxPool2d, adaptive_max_pool2d, type AdaptiveMaxPool2dOptions } from './adaptive-max-pool.js';
export { batchNorm, batch_norm, layerNorm, layer_norm, groupNorm, group_norm } from './norm.js';
export type { BatchNormOptions, LayerNormOptions, GroupNormOptions, NormDataFormat } from './norm.js';
export { unfold, type UnfoldOptions } from './fold.js';
export { maxPool3d, max_pool3d, type MaxPool3dOptions, type DataFormat3D } from './pool3d.js';

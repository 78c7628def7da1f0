/**
 * `paddle.nn`: layers, containers, activations, losses, ParamAttr, the `initializer` and
 * `functional` namespaces.
 *
 * `ClipGradByValue`, `ClipGradByNorm` and `ClipGradByGlobalNorm` also live here (Paddle keeps them
 * under `paddle.nn`); they are written in src/optimizer/clip.ts.
 */
export {
  ClipGradBase,
  ClipGradByValue,
  ClipGradByNorm,
  ClipGradByGlobalNorm,
  GradientClipBase,
  GradientClipByValue,
  GradientClipByNorm,
  GradientClipByGlobalNorm,
} from '../optimizer/clip.js';
export type { ClipGradByGlobalNormOptions, ClipEntry, ParamGradPair, GradLike } from '../optimizer/clip.js';
export { Layer, convertCamelToSnake } from './layer.js';
export type { LayerOptions, LayerCreateParameterOptions, StateDict, StateValue, SetStateDictOptions, ForwardPreHook, ForwardPostHook, HookRemoveHelper } from './layer.js';
export { Sequential, LayerList, LayerDict, ParameterList } from './container.js';
export type { LayerDictInit } from './container.js';
export { Pad1D, Pad2D, Pad3D, ZeroPad2D } from './pad.js';
export type { PadLayerOptions } from './pad.js';
export { Linear, Embedding, Dropout, Flatten } from './common.js';
export type { LinearLayerOptions, EmbeddingLayerOptions, DropoutLayerOptions } from './common.js';
export { ReLU, Sigmoid, Tanh, Softmax, LogSoftmax, GELU } from './activation.js';
export { Conv1D, Conv2D, Conv1DTranspose, Conv2DTranspose } from './conv.js';
export type { ConvLayerOptions, ConvTransposeLayerOptions, PaddingMode } from './conv.js';
export { MaxPool1D, MaxPool2D, AvgPool1D, AvgPool2D, AdaptiveAvgPool2D, AdaptiveMaxPool2D, MaxPool3D } from './pooling.js';
export type { Size as PoolingSize } from './pooling.js';
export { Unfold, type UnfoldLayerOptions } from './fold.js';
export type { Size2 } from './functional/fold.js';
export type { Mode as RNNMode } from './rnn.js';
export { BatchNorm, BatchNorm1D, BatchNorm2D, BatchNorm3D, LayerNorm, GroupNorm } from './norm.js';
export type { BatchNormLayerOptions, BatchNormOlderOptions, LayerNormLayerOptions, GroupNormLayerOptions } from './norm.js';
export { RNNCellBase, SimpleRNNCell, LSTMCell, GRUCell, RNN, BiRNN, RNNBase, SimpleRNN, LSTM, GRU } from './rnn.js';
export type {
  RNNState,
  InitialStatesOptions,
  RNNCellOptions,
  SimpleRNNCellOptions,
  LSTMCellOptions,
  RNNWrapperOptions,
  RNNDirection,
  RNNNetworkOptions,
  SimpleRNNOptions,
  LSTMOptions,
} from './rnn.js';
export { CrossEntropyLoss, MSELoss, L1Loss } from './loss.js';
export { LeakyReLU, SiLU, Silu, ELU, Softplus, Identity } from './activation-extra.js';
export { NLLLoss, BCELoss, BCEWithLogitsLoss, SmoothL1Loss, KLDivLoss } from './loss-extra.js';
export { ParamAttr } from './param-attr.js';
export type { ParamAttrOptions, ParamAttrLike } from './param-attr.js';
export { createParameter, create_parameter, resetParameterNames, isParameterNameUsed } from './create-parameter.js';
export type { CreateParameterOptions } from './create-parameter.js';
export * as initializer from './initializer/index.js';
export * as functional from './functional/index.js';

/**
 * `paddle.compat`: other frameworks' optimizers over this library's Tensors, each with its own
 * framework's arithmetic (issue 17): `compat.torch` (PyTorch's RMSprop and state-dict layout),
 * `compat.keras` (Keras 3), `compat.tf1` (`tf.compat.v1.train.RMSPropOptimizer`), `compat.tfjs`
 * (TensorFlow.js), `compat.timm` (`RMSpropTF`), `compat.optax` (Optax's transformations), and
 * `compat.translate`, which maps hyper-parameters between these conventions and says where two of
 * them cannot give the same trajectory. Also importable alone as `paddle-rmsprop/compat`.
 */
export * as torch from './torch.js';
export * as keras from './keras.js';
export * as tf1 from './tf1.js';
export * as tfjs from './tfjs.js';
export * as timm from './timm.js';
export * as optax from './optax.js';
export { translate, CONVENTIONS, type BoundState, type Convention, type ConventionInfo, type Mismatch, type TranslateResult } from './translate.js';

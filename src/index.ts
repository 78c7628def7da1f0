/// <reference lib="esnext.disposable" preserve="true" />
// Symbol.dispose (`using`) is named by the declarations: the lib reference gives it to consumers
// compiling with lib ES2022 and without @types/node (tests/package/pack.test.ts).
/**
 * paddle-rmsprop: the `paddle` namespace. Re-exports only (DESIGN.md §2).
 *
 *   import * as paddle from 'paddle-rmsprop';
 *
 * Importing this module also installs the Tensor method forms of the ops (src/ops/methods.ts).
 */

// Tensors, autograd, creation.
export { Tensor, ParameterBase } from './tensor/tensor.js';
export type { NestedArray, BackwardOptions } from './tensor/tensor.js';
export type { GradValue, BackwardFn } from './tensor/autograd.js';
export type { Shape } from './tensor/shape.js';
export type { SetToZeroArg } from './options.js';
export { Parameter } from './tensor/parameter.js';
export type { ParameterInit, ParameterDecay } from './tensor/parameter.js';
export { SelectedRows } from './tensor/selected-rows.js';
export type { RunsGrad } from './tensor/runs-grad.js';
export { noGrad, no_grad, isGradEnabled, is_grad_enabled, setGradEnabled, set_grad_enabled } from './tensor/autograd.js';
export type { DType, FloatDType, DataArray, FloatArray, ArrayFor, ArrayTypeMap } from './tensor/dtype.js';
export { seed, initialSeed } from './tensor/random.js';
export {
  getDefaultDType,
  get_default_dtype,
  setDefaultDType,
  set_default_dtype,
  toTensor,
  to_tensor,
  full,
  zeros,
  ones,
  fullLike,
  full_like,
  zerosLike,
  zeros_like,
  onesLike,
  ones_like,
  arange,
  linspace,
  eye,
  rand,
  randn,
  uniform,
  normal,
  randint,
} from './tensor/creation.js';
export type {
  ToTensorOptions,
  ShapeLike,
  FillOptions,
  EyeOptions,
  RandomOptions,
  UniformOptions,
  NormalOptions,
} from './tensor/creation.js';
export { getParameterAllocator, setParameterAllocator, jsAllocator } from './tensor/storage.js';
export type { Storage, Allocator } from './tensor/storage.js';

// Differentiable ops (paddle.add, paddle.matmul, ..., and paddle.reduce_mean from older Paddle).
export * from './ops/index.js';

// Layers, parameters, regularizers, optimizers.
export * as nn from './nn/index.js';
export { ParamAttr, createParameter, create_parameter } from './nn/index.js';
export * as regularizer from './regularizer/index.js';
export * as optimizer from './optimizer/index.js';

// Checkpoints (paddle.save / paddle.load) and the file formats.
export { save, load, saveSync, loadSync, saveBytes, loadBytes } from './io/index.js';
export * as io from './io/index.js';
// Other frameworks' optimizers over our tensors (issue 17): paddle.compat.torch.RMSprop, ...
export * as compat from './compat/index.js';

// Kernel backends (reference TypeScript, WebAssembly SIMD, threads).
export * as kernels from './kernels/index.js';

// Memory of the kernel heap (paddle.memory(), cf. tf.memory()).
export { memory } from './kernels/index.js';
export type { MemoryInfo } from './kernels/index.js';

// Device (CPU only) and kernel thread count.
export * as device from './device.js';
export { setDevice, set_device, getDevice, get_device } from './device.js';

// Utilities, errors, output.
export * as utils from './utils.js';
export * as errors from './errors.js';
export { setLogSink } from './log.js';
export type { LogSink } from './log.js';

// The kernel backend is selected automatically ('auto': WebAssembly SIMD where it validates,
// else the reference loops) at the first parameter allocation or kernel call, not on import:
// importing only installs the deferred parameter allocator, so that parameters, their gradients
// and the optimizer state are allocated in the kernel heap from the start and every step is
// zero-copy. `paddle.kernels.useBackend(...)` chooses explicitly; which one runs is
// `paddle.kernels.backendName()`.
import { deferredAllocator } from './kernels/index.js';
import { getParameterAllocator, jsAllocator, setParameterAllocator } from './tensor/storage.js';
if (getParameterAllocator() === jsAllocator) setParameterAllocator(deferredAllocator);

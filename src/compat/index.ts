/**
 * `paddle.compat`: other frameworks' optimizers over this library's Tensors, each with its own
 * framework's arithmetic and state-dict layout (issue 17). `compat.torch`: PyTorch's.
 */
export * as torch from './torch.js';

/**
 * Checkpoint files: `paddle.save` / `paddle.load` of Paddle's `.pdparams` / `.pdopt` pickles and
 * of safetensors, plus the Tensor-free codecs they stand on.
 *
 * ```ts
 * await save(linear.stateDict(), 'ckpt/model.pdparams');          // protocol 4, like Paddle
 * await save(opt.stateDict(), 'ckpt/opt.pdopt', { protocol: 2 });
 * const sd = await load('ckpt/model.pdparams', { as: 'stateDict' }); // checked: named Tensors
 * const bytes = saveBytes(sd);                                      // browsers: bytes in/out
 * const again = loadBytes(bytes, { returnNumpy: true });            // NdArray values
 * ```
 *
 * Layers:
 * - typed-load.ts: the `as` option's run-time check and the state-dict types it returns;
 * - save-load.ts: Paddle's semantics (state-dict detection, name table, split parameters,
 *   `(name, ndarray)` tuples) and the file variants, over from-py.ts (the value model → Tensors
 *   and plain objects, iteratively), safetensors-load.ts (a safetensors file with Paddle's extras)
 *   and keys.ts (Paddle's reserved keys);
 * - pickle-read.ts / pickle-write.ts: a restricted unpickler (allow-listed NumPy globals only,
 *   bounded allocation, depth and time) and a CPython-compatible pickler (protocols 2–4), over
 *   opcodes.ts (one opcode table), byte-reader.ts (the reader's cursor and budget) and
 *   numpy-pickle.ts (NumPy arrays, dtypes and scalars rebuilt as data);
 * - torch.ts: PyTorch's `torch.save` zip checkpoints (`loadTorch`, `saveTorch`), over zip-read.ts /
 *   zip-write.ts (a bounded stored-only zip codec) and torch-pickle.ts (the unpickler's allow-list
 *   of PyTorch's tensor-rebuild globals and storages);
 * - safetensors.ts / json.ts: the safetensors codec with the reference implementation's
 *   validation, its header scanned for depth, size and integer fields before `JSON.parse`;
 * - limits.ts: every reader limit, its default and the load option that raises it;
 * - ndarray.ts / py-value.ts: the neutral value model (no Tensor dependency);
 * - fs.ts: Node file access reached lazily, atomic writes.
 */
export {
  save,
  saveSync,
  saveBytes,
  load,
  loadSync,
  loadBytes,
  isStateDict,
  packLoadedDict,
  unpackSavedDict,
  NAME_TABLE_KEY,
  UNPACK_INFO_KEY,
  SAFETENSORS_META_KEY,
} from './save-load.js';
export type {
  SaveOptions,
  LoadOptions,
  LoadStateDictOptions,
  LoadOptimizerStateDictOptions,
  SaveFormat,
  Loaded,
  LoadAs,
  LoadedDict,
  LoadedStateDict,
  LoadedOptimizerStateDict,
} from './save-load.js';
export { loadTorch, loadTorchSync, loadTorchBytes, saveTorch, saveTorchSync, saveTorchBytes } from './torch.js';
export type {
  LoadTorchOptions,
  LoadTorchStateDictOptions,
  LoadTorchOptimizerStateDictOptions,
  LoadTorchAs,
  TorchOptimizerStateDict,
  TorchParamGroup,
} from './torch.js';
export { UnpicklingError, SafetensorsError, ZipError } from './errors.js';
export { ndarray, isNdArray, decodeElements, encodeElements, MAX_NDIM } from './ndarray.js';
export type { NdArray, ElementType } from './ndarray.js';
export { PyTuple, PyFloat, pyTuple, pyFloat } from './py-value.js';
export type { PyValue, PyKey, PyDict } from './py-value.js';
export { unpickle } from './pickle-read.js';
export {
  DEFAULT_MAX_EXPANSION,
  DEFAULT_MAX_DEPTH,
  DEFAULT_MAX_TENSORS,
  MAX_HEADER_JSON_DEPTH,
  JSON_EXPANSION,
} from './limits.js';
export type { Budget } from './limits.js';
export type { UnpickleOptions } from './pickle-read.js';
export { pickle, checkProtocol, NUMPY_MULTIARRAY } from './pickle-write.js';
export type { PickleOptions } from './pickle-write.js';
export { readSafetensors, writeSafetensors, MAX_HEADER_SIZE } from './safetensors.js';
export type { SafetensorsContent, SafetensorsReadOptions } from './safetensors.js';

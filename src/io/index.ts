/**
 * Checkpoint files: `save` / `load` of Paddle's `.pdparams` / `.pdopt` pickles and of
 * safetensors, plus the Tensor-free codecs they stand on.
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
export type { SaveOptions, LoadOptions, SaveFormat, Loaded } from './save-load.js';
export { UnpicklingError, SafetensorsError } from './errors.js';
export { ndarray, isNdArray, decodeElements, encodeElements, MAX_NDIM } from './ndarray.js';
export type { NdArray, ElementType } from './ndarray.js';
export { PyTuple, PyFloat, pyTuple, pyFloat } from './py-value.js';
export type { PyValue, PyKey, PyDict } from './py-value.js';
export { unpickle } from './pickle-read.js';
export type { UnpickleOptions } from './pickle-read.js';
export { pickle, checkProtocol, NUMPY_MULTIARRAY } from './pickle-write.js';
export type { PickleOptions } from './pickle-write.js';
export { readSafetensors, writeSafetensors, MAX_HEADER_SIZE } from './safetensors.js';
export type { SafetensorsContent } from './safetensors.js';

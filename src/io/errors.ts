/**
 * Error kinds of the file-format layer. Every failure to read a file is a `ValueError` (Python's
 * `pickle.UnpicklingError` is not one, but `paddle.load` reports unparsable files as `ValueError`):
 *
 * - `UnpicklingError`: the pickle stream is malformed, truncated, uses an opcode this restricted
 *   reader does not implement, names a global outside the allow-list, or would expand beyond what
 *   the file's size justifies.
 * - `SafetensorsError`: the safetensors header or layout is invalid.
 * - `ZipError`: the zip container of a PyTorch checkpoint (`torch.save`'s format) is malformed,
 *   truncated, compressed, encrypted or inconsistent (entries outside the file or overlapping).
 * - plain `ValueError`: the file is well formed but holds a value this library cannot represent
 *   (an int64 beyond 2^53, a complex or string array, ...).
 */
import { ValueError } from '../errors.js';

export class UnpicklingError extends ValueError {
  /** The class name, `'UnpicklingError'`, as Python prints it. */
  override name = 'UnpicklingError';
}

export class SafetensorsError extends ValueError {
  /** The class name, `'SafetensorsError'`, as Python prints it. */
  override name = 'SafetensorsError';
}

/**
 * A malformed or unsupported zip container of a PyTorch checkpoint (Python: `zipfile.BadZipFile`,
 * PyTorch's `PytorchStreamReader failed ...` `RuntimeError`); a `ValueError`.
 */
export class ZipError extends ValueError {
  /** The error's class name, `'ZipError'` (Python's `zipfile.BadZipFile`). */
  override name = 'ZipError';
}

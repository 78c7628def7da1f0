/**
 * The readers' resource limits, in one place. A file is refused (never half-loaded) when it
 * would cross one of them, with an error naming the limit and the option that raises it:
 *
 * | limit                  | default        | option (`load` / `loadBytes`) | error              |
 * |------------------------|----------------|-------------------------------|--------------------|
 * | pickle expansion       | 32 × file size + 1 MiB | `maxExpansion`        | `UnpicklingError`  |
 * | pickle nesting         | 1000 levels    | `maxDepth`                    | `UnpicklingError`  |
 * | safetensors header     | 100,000,000 B  | `maxHeaderSize`               | `SafetensorsError` |
 * | safetensors tensors    | 100,000        | `maxTensors`                  | `SafetensorsError` |
 * | safetensors JSON depth | 64 levels      | (fixed: a valid header has 3) | `SafetensorsError` |
 * | safetensors JSON size  | 16 × header size + 1 MiB | (fixed)             | `SafetensorsError` |
 * | safetensors numbers    | integer literals | (fixed: shapes and offsets) | `SafetensorsError` |
 * | Paddle metadata JSON   | 16 × its size + 1 MiB, `maxDepth` levels | `maxDepth` | `ValueError` |
 *
 * The *expansion budget* is charged for every object a reader creates, not only for array
 * payloads: each container, memo entry, string, number, mark, dict entry and array costs its
 * approximate V8 heap size (`COST` below, measured on Node 20 x64) plus its payload, and the
 * reassembly of split parameters (`UnpackBigParamInfor@@`) is charged too (its slices must be
 * distinct arrays whose sizes add up to `OriginShape`). Since each charge also stands for a
 * bounded amount of work, the time of a read is linear in the file size as well. Arrays whose
 * bytes are present in the file cost their decoded size (up to 4× the bytes for widened types),
 * so an honest file stays below the budget; one built of empty containers or memo references
 * does not. The conversion of the result (Tensors, plain objects) allocates at most a few times
 * what the budget admitted.
 */
import { TypeError as PaddleTypeError, ValueError } from '../errors.js';
import { describe } from '../options.js';

/**
 * The pickle budget factor. An honest Paddle file needs at most about 31: a state dict of
 * one-element arrays written with protocol 4 (54 bytes of pickle each, ~1.7 KB of objects: the
 * array, its four memoized tuples, its bytes). Files of real-sized arrays need 2–11.
 */
export const DEFAULT_MAX_EXPANSION = 32;
/** The budget factor of the safetensors header JSON (and of Paddle's metadata JSON in it). */
export const JSON_EXPANSION = 16;
/**
 * The default `maxDepth` of `load`: the deepest container nesting a file may have (1000, CPython's
 * recursion limit).
 */
export const DEFAULT_MAX_DEPTH = 1000;
/** The reference implementation's bound on the safetensors header. */
export const MAX_HEADER_SIZE = 100_000_000;
/** The default `maxTensors` of `load`: the most tensors a safetensors header may list. */
export const DEFAULT_MAX_TENSORS = 100_000;
/** The deepest JSON nesting a safetensors header may have (64); not an option. */
export const MAX_HEADER_JSON_DEPTH = 64;
/** Budget bytes granted to every input on top of `maxExpansion` × its size. */
export const BUDGET_SLACK = 1 << 20;

/** Charged bytes per created object (approximate V8 heap sizes, x64, Node 20). */
export const COST = {
  /** A reference held by a stack, list or tuple. */
  slot: 8,
  /** A boxed number (float, big integer). */
  number: 16,
  /** A string's header; its characters are charged on top. */
  string: 24,
  list: 40,
  tuple: 96,
  /** An empty `Map` (its hash table included). */
  dict: 192,
  dictEntry: 32,
  /** A MARK: a fresh stack array and its slot in the metastack (measured: RSS grows ~1.7× an array's size). */
  mark: 64,
  memo: 8,
  sparseMemo: 64,
  /** A resolved global or dtype object. */
  object: 64,
  /** A typed array with its ArrayBuffer, before its payload. */
  typedArray: 192,
  /** An `NdArray` (object, frozen shape, typed array), before its payload. */
  ndarray: 320,
} as const;

/** A byte budget: `charge` calls `refuse(what)` (which throws) once the total exceeds `limit`. */
export class Budget {
  private left: number;
  constructor(
    /** The total number of bytes the budget admits. */
    readonly limit: number,
    private readonly refuse: (what: string) => never,
  ) {
    this.left = limit;
  }

  /** Bytes still available. */
  get remaining(): number {
    return this.left;
  }

  /**
   * Charges `n` bytes for `what`; refuses once the budget is exhausted.
   * @param n - The bytes charged.
   * @param what - What they are for, named in the refusal.
   * @throws What the budget's `refuse` function throws (an {@link io.UnpicklingError}, {@link io.SafetensorsError} or {@link errors.ValueError}, by reader) when less than nothing is left.
   */
  charge(n: number, what: string): void {
    this.left -= n;
    if (this.left < 0) this.refuse(what);
  }
}

/** Validates a limit option: a positive number (`integer`: a positive safe integer), or undefined. */
export function checkLimit(where: string, name: string, value: unknown, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number') {
    throw new PaddleTypeError(`${where}: '${name}' must be a number, but received ${describe(value)}.`);
  }
  const ok = integer ? Number.isSafeInteger(value) && value > 0 : value > 0 && !Number.isNaN(value);
  if (!ok) {
    throw new ValueError(`${where}: '${name}' must be a positive ${integer ? 'integer' : 'number'}, but received ${describe(value)}.`);
  }
  return value;
}

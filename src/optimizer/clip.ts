/**
 * `paddle.nn.ClipGradByValue`, `ClipGradByNorm`, `ClipGradByGlobalNorm` (spec §9).
 *
 * Each clip has two faces:
 * - `call(paramsGrads)`: Paddle's `clip(params_grads)`, usable on its own: returns a new list of
 *   `[param, newGrad]` pairs (pairs whose grad is null are dropped; `param.grad` is untouched).
 * - `plan(entries)`: the transform per gradient, as data (src/optimizer/grad-transform.ts), which
 *   the optimizer fuses into its update kernel. `call` is `plan` + `applyTransform`, so both give
 *   the same numbers.
 */
import { AssertionError, TypeError as PaddleTypeError, ValueError } from '../errors.js';
import { getBackend } from '../kernels/index.js';
import { checkOptions } from '../options.js';
import type { FloatArray } from '../tensor/dtype.js';
import { SelectedRows } from '../tensor/selected-rows.js';
import { Tensor } from '../tensor/tensor.js';
import { applyTransform, NO_TRANSFORM, type GradTransform } from './grad-transform.js';

/** What a clip needs to know of one (param, grad) pair. `values` are the (merged) gradient values. */
export interface ClipEntry {
  /** Whether the parameter takes part in clipping (its `needClip`). */
  readonly needClip: boolean;
  /** The gradient's values. */
  readonly values: FloatArray;
}

/** A gradient: a dense Tensor, or a row-sparse `SelectedRows` (from `Embedding({ sparse: true })`). */
export type GradLike = Tensor | SelectedRows;
/**
 * A `(parameter, gradient)` pair as Paddle's clips take them; the gradient is null when the
 * parameter has none.
 */
export type ParamGradPair = readonly [Tensor, GradLike | null];

/**
 * The base of Paddle's gradient clips ({@link nn.ClipGradByValue}, {@link nn.ClipGradByNorm},
 * {@link nn.ClipGradByGlobalNorm}): `call(paramsGrads)` returns the clipped pairs, and an
 * optimizer given one as `gradClip` applies it before every update.
 *
 * Paddle: `paddle.nn.ClipGradBase`.
 */
export abstract class ClipGradBase {
  /**
   * The transform for each entry, in order (as data, so that the optimizer can fuse it into the
   * update kernel).
   *
   * @internal
   */
  abstract plan(entries: readonly ClipEntry[]): GradTransform[];

  /**
   * Paddle's `clip(params_grads)`: new gradients, input untouched, null grads dropped.
   * @param paramsGrads - `[parameter, gradient]` pairs; a `null` gradient drops the pair (Paddle's `params_grads`).
   * @returns New `[parameter, clipped gradient]` pairs (a SelectedRows gradient stays one).
   */
  call(paramsGrads: readonly ParamGradPair[]): [Tensor, GradLike][] {
    const kept: [Tensor, GradLike][] = [];
    for (const [p, g] of paramsGrads) if (g !== null && g !== undefined) kept.push([p, g]);
    const merged = kept.map(([, g]) => (g instanceof SelectedRows ? g.merge() : null));
    const entries: ClipEntry[] = kept.map(([p, g], i) => ({
      needClip: needClipOf(p),
      values: (merged[i] ?? null) !== null ? (merged[i] as SelectedRows).values : ((g as Tensor).data as FloatArray),
    }));
    const plans = this.plan(entries);
    return kept.map(([p, g], i) => {
      const t = plans[i] ?? NO_TRANSFORM;
      if (g instanceof SelectedRows) {
        // Value and per-tensor norm clips work on the merged rows; the global-norm factor scales
        // the gradient as given (spec §9).
        const base = this instanceof ClipGradByGlobalNorm ? g : (merged[i] as SelectedRows);
        const values = applyTransform(base.values, t);
        return [p, new SelectedRows(base.rows, values, base.height, base.width, base.dtype)];
      }
      const values = applyTransform(g.data as FloatArray, t);
      return [p, Tensor.fromArray(values, g.shape, g.dtype, { name: `${g.name}` })];
    });
  }

  /**
   * Paddle's spelling of applying a clip: `clip(params_grads)`.
   * @param paramsGrads - `[parameter, gradient]` pairs (Paddle's `params_grads`).
   * @returns What `call` returns.
   */
  __call__(paramsGrads: readonly ParamGradPair[]): [Tensor, GradLike][] {
    return this.call(paramsGrads);
  }
}

function needClipOf(p: Tensor): boolean {
  const v = (p as Tensor & { needClip?: unknown }).needClip;
  return typeof v === 'boolean' ? v : true;
}

function checkFinite(value: unknown, what: string, cls: string): number {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new PaddleTypeError(`${cls}: '${what}' must be a number, but received ${String(value)}.`);
  }
  return value;
}

/** Rounds to the dtype of the values array. */
function castLike(values: FloatArray, v: number): number {
  return values instanceof Float32Array ? Math.fround(v) : v;
}

function sumSquares(values: FloatArray): number {
  return getBackend().sumSquares(values instanceof Float32Array ? 'float32' : 'float64', [values]);
}

/**
 * `paddle.nn.ClipGradByValue(max, min=None)`: clamps every gradient element into [min, max].
 *
 * @example
 * ```ts
 * const clip = new paddle.nn.ClipGradByValue(1.0); // min defaults to -max
 * const opt = new paddle.optimizer.RMSProp(0.1, { parameters: linear.parameters(), gradClip: clip });
 * ```
 */
export class ClipGradByValue extends ClipGradBase {
  /** The `max` this ClipGradByValue was built with (Paddle's `max`). */
  readonly max: number;
  /** The `min` this ClipGradByValue was built with (Paddle's `min`). */
  readonly min: number;

  /**
   * Creates the clip.
   * @param max - The upper bound (Paddle's `max`).
   * @param min - The lower bound (Paddle's `min`; omitted/`null`: `-max`, which needs `max > 0`).
   * @throws {@link errors.TypeError} when a bound is not a number (or is NaN); {@link errors.AssertionError} when `min` is omitted and `max ≤ 0`; {@link errors.ValueError} when `min > max`.
   */
  constructor(max: number, min?: number | null) {
    super();
    const hi = checkFinite(max, 'max', 'ClipGradByValue');
    let lo: number;
    if (min === undefined || min === null) {
      if (!(hi > 0.0)) {
        throw new AssertionError(`ClipGradByValue: max must be greater than 0 when min is None, but received max = ${hi}.`);
      }
      lo = -hi;
    } else {
      lo = checkFinite(min, 'min', 'ClipGradByValue');
    }
    if (lo > hi) {
      throw new ValueError(
        `max should be greater than or equal to min. But received min = ${lo.toFixed(6)}, max = ${hi.toFixed(6)}`,
      );
    }
    this.max = hi;
    this.min = lo;
  }

  plan(entries: readonly ClipEntry[]): GradTransform[] {
    return entries.map((e) => (e.needClip ? { kind: 'value', min: this.min, max: this.max } : NO_TRANSFORM));
  }

  /**
   * Paddle's `__str__`.
   * @returns E.g. `Clip Gradient By Value, min = -1.000000, max=1.000000`.
   */
  override toString(): string {
    return `Clip Gradient By Value, min = ${this.min.toFixed(6)}, max=${this.max.toFixed(6)}`;
  }
}

/**
 * `paddle.nn.ClipGradByNorm(clip_norm)`: rescales each gradient whose L2 norm exceeds clipNorm.
 *
 * @example
 * ```ts
 * const opt = new paddle.optimizer.RMSProp(0.1, {
 *   parameters: linear.parameters(),
 *   gradClip: new paddle.nn.ClipGradByNorm(1.0),
 * });
 * ```
 */
export class ClipGradByNorm extends ClipGradBase {
  /** The `clipNorm` this ClipGradByNorm was built with (Paddle's `clip_norm`). */
  readonly clipNorm: number;

  /**
   * Creates the clip.
   * @param clipNorm - The largest L2 norm a gradient keeps (Paddle's `clip_norm`).
   * @throws {@link errors.TypeError} when `clipNorm` is not a number (or is NaN).
   */
  constructor(clipNorm: number) {
    super();
    this.clipNorm = checkFinite(clipNorm, 'clip_norm', 'ClipGradByNorm');
  }

  plan(entries: readonly ClipEntry[]): GradTransform[] {
    return entries.map((e) => {
      if (!e.needClip) return NO_TRANSFORM;
      const v = e.values;
      // Kernel (clip_by_norm_kernel_impl.h), in the gradient dtype T.
      const n = castLike(v, Math.sqrt(castLike(v, sumSquares(v))));
      const maxNorm = castLike(v, this.clipNorm);
      if (n <= maxNorm) return NO_TRANSFORM; // factor exactly 1
      const eps = n <= 1e-30 ? castLike(v, 1e-6) : 0;
      return { kind: 'scale', scale: castLike(v, maxNorm / castLike(v, n + eps)) };
    });
  }

  /**
   * Paddle's `__str__`.
   * @returns E.g. `Gradient Clip By Norm, clip_norm=1.000000`.
   */
  override toString(): string {
    return `Gradient Clip By Norm, clip_norm=${this.clipNorm.toFixed(6)}`;
  }
}

/** Optional arguments of {@link nn.ClipGradByGlobalNorm} (Paddle's `group_name`, `auto_skip_clip`). */
export interface ClipGradByGlobalNormOptions {
  /** The group whose global norm is computed (Paddle's `group_name`; default `'default_group'`). */
  groupName?: string;
  /**
   * Skip the scaling when the global norm is within `clipNorm` (Paddle's `auto_skip_clip`; default
   * `false`).
   */
  autoSkipClip?: boolean;
}

/**
 * `paddle.nn.ClipGradByGlobalNorm(clip_norm, group_name='default_group', auto_skip_clip=False)`:
 * scales all clippable gradients by `clipNorm / max(globalNorm, clipNorm)`. In an optimizer with
 * parameter groups the norm is computed per group (spec §3).
 *
 * @example
 * ```ts
 * const opt = new paddle.optimizer.RMSProp(0.1, {
 *   parameters: linear.parameters(),
 *   gradClip: new paddle.nn.ClipGradByGlobalNorm(1.0),
 * });
 * ```
 */
export class ClipGradByGlobalNorm extends ClipGradBase {
  /** The `clipNorm` this ClipGradByGlobalNorm was built with (Paddle's `clip_norm`). */
  readonly clipNorm: number;
  /** The `groupName` this ClipGradByGlobalNorm was built with (Paddle's `group_name`). */
  readonly groupName: string;
  /** The `autoSkipClip` this ClipGradByGlobalNorm was built with (Paddle's `auto_skip_clip`). */
  readonly autoSkipClip: boolean;

  /**
   * Creates the clip.
   * @param clipNorm - The largest global L2 norm of all the clipped gradients together (Paddle's `clip_norm`).
   * @param options - {@link ClipGradByGlobalNormOptions}: `groupName` (Paddle's `group_name`, default `'default_group'`), `autoSkipClip` (Paddle's `auto_skip_clip`, default `false`).
   * @throws {@link errors.TypeError} when `clipNorm` is not a number (or is NaN) or an option is unknown; {@link errors.AssertionError} when `autoSkipClip` is not a boolean.
   */
  constructor(clipNorm: number, options?: ClipGradByGlobalNormOptions) {
    super();
    const opts = checkOptions('ClipGradByGlobalNorm', options, ['groupName', 'autoSkipClip']);
    this.clipNorm = checkFinite(clipNorm, 'clip_norm', 'ClipGradByGlobalNorm');
    if (opts.autoSkipClip !== undefined && typeof opts.autoSkipClip !== 'boolean') {
      throw new AssertionError(`ClipGradByGlobalNorm: auto_skip_clip must be a bool, but received ${String(opts.autoSkipClip)}.`);
    }
    this.groupName = opts.groupName ?? 'default_group';
    this.autoSkipClip = opts.autoSkipClip ?? false;
  }

  plan(entries: readonly ClipEntry[]): GradTransform[] {
    let sum32 = 0;
    let sum64 = 0;
    let any32 = false;
    let any64 = false;
    for (const e of entries) {
      if (!e.needClip) continue;
      const s = castLike(e.values, sumSquares(e.values));
      if (e.values instanceof Float32Array) {
        sum32 += s;
        any32 = true;
      } else {
        sum64 += s;
        any64 = true;
      }
    }
    if (!any32 && !any64) return entries.map(() => NO_TRANSFORM);
    // sum dtype: float64 when any float64 gradient takes part, else float32.
    const cast = any64 ? (v: number) => v : Math.fround;
    const total = cast(cast(sum32) + sum64);
    const globalNorm = cast(Math.sqrt(total));
    const maxNorm = cast(this.clipNorm);
    let factor: number;
    if (this.autoSkipClip) {
      if (!(globalNorm > maxNorm)) return entries.map(() => NO_TRANSFORM);
      factor = cast(maxNorm / globalNorm);
    } else {
      factor = cast(maxNorm / Math.max(globalNorm, maxNorm));
    }
    return entries.map((e) => (e.needClip ? { kind: 'scale', scale: castLike(e.values, factor) } : NO_TRANSFORM));
  }

  /**
   * Paddle's `__str__`.
   * @returns E.g. `Gradient Clip By GlobalNorm, global_norm=1.000000`.
   */
  override toString(): string {
    return `Gradient Clip By GlobalNorm, global_norm=${this.clipNorm.toFixed(6)}`;
  }
}

/** Paddle 2.x aliases. */
export {
  ClipGradBase as GradientClipBase,
  ClipGradByValue as GradientClipByValue,
  ClipGradByNorm as GradientClipByNorm,
  ClipGradByGlobalNorm as GradientClipByGlobalNorm,
};

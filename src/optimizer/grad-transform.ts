/**
 * Gradient transforms that clipping produces (spec §9), as data, so the optimizer can fuse them
 * into the update kernel and the standalone clip classes can apply them in JS with the *same*
 * arithmetic: value clip `g < min ? min : g > max ? max : g` (NaN passes), or a scale `g·s`
 * rounded to the gradient dtype.
 */
import type { FloatArray } from '../tensor/dtype.js';

export type GradTransform =
  | { readonly kind: 'none' }
  | { readonly kind: 'value'; readonly min: number; readonly max: number }
  | { readonly kind: 'scale'; readonly scale: number };

export const NO_TRANSFORM: GradTransform = { kind: 'none' };

/** Rounds a JS number to the array's element type. */
export function roundTo(arr: FloatArray, v: number): number {
  return arr instanceof Float32Array ? Math.fround(v) : v;
}

/** Applies a transform, returning a new array (the input is never modified). */
export function applyTransform(grad: FloatArray, t: GradTransform): FloatArray {
  const out = grad.slice();
  if (t.kind === 'value') {
    const lo = roundTo(out, t.min);
    const hi = roundTo(out, t.max);
    for (let i = 0; i < out.length; i++) {
      const g = out[i] as number;
      out[i] = g < lo ? lo : g > hi ? hi : g;
    }
  } else if (t.kind === 'scale') {
    const s = roundTo(out, t.scale);
    for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) * s;
  }
  return out;
}

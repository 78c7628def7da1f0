/**
 * Finite-difference gradient checking, reusable by any test of a differentiable op or layer.
 *
 *   gradcheck((a, b) => add(a, b), [leaf([3, 1], 1), leaf([1, 4], 2)]);
 *
 * The function's output is contracted with a fixed pseudo-random weight tensor w (so every output
 * element matters, with different weights): L = Σ w · fn(inputs). The analytic gradient comes
 * from `out.backward(w)`; the numeric one from central differences of L, computed under noGrad,
 * for every element of every input that has `stopGradient === false`. Inputs should be float64.
 * Throws an Error naming the input, the flat index and both values at the first mismatch
 * (|analytic − numeric| > atol + rtol·|numeric|).
 */
import { noGrad } from '../../src/tensor/autograd.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { rng } from '../helpers/rng.js';
export { rng };

export interface GradcheckOptions {
  /** Finite-difference step (default 1e-6). */
  eps?: number;
  /** Absolute tolerance (default 1e-6). */
  atol?: number;
  /** Relative tolerance (default 1e-5). */
  rtol?: number;
  /** Seed of the output weights (default 7). */
  seed?: number;
}

/**
 * A float64 leaf tensor (stopGradient false) of `shape` with values uniform in [lo, hi), from
 * `seed`. `transform` can reshape values (e.g. keep them away from a kink).
 */
export function leaf(shape: readonly number[], seed: number, lo = -2, hi = 2, transform?: (v: number, i: number) => number): Tensor {
  const r = rng(seed);
  let n = 1;
  for (const d of shape) n *= d;
  const data = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = lo + (hi - lo) * r();
    data[i] = transform === undefined ? v : transform(v, i);
  }
  return Tensor.fromArray(data, shape, 'float64', { stopGradient: false });
}

function weights(n: number, seed: number): Float64Array {
  const r = rng(seed);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = 0.5 + r(); // in [0.5, 1.5): no accidental cancellation
  return w;
}

function contract(out: Tensor, w: Float64Array): number {
  const d = out.data;
  let s = 0;
  for (let i = 0; i < d.length; i++) s += (d[i] as number) * (w[i] as number);
  return s;
}

export function gradcheck(fn: (...inputs: Tensor[]) => Tensor, inputs: readonly Tensor[], options: GradcheckOptions = {}): void {
  const eps = options.eps ?? 1e-6;
  const atol = options.atol ?? 1e-6;
  const rtol = options.rtol ?? 1e-5;
  for (const t of inputs) t.clearGradient(false);
  const out = fn(...inputs);
  const w = weights(out.numel, options.seed ?? 7);
  const wt = Tensor.fromArray(out.dtype === 'float32' ? Float32Array.from(w) : w.slice(), out.shape, out.dtype);
  if (out.stopGradient) throw new Error('gradcheck: the output does not require a gradient (no input is differentiable?)');
  out.backward(wt);
  inputs.forEach((t, k) => {
    if (t.stopGradient) return;
    const g = t.grad;
    const analytic = g instanceof Tensor ? g.data : null;
    const d = t.data;
    for (let i = 0; i < d.length; i++) {
      const orig = d[i] as number;
      d[i] = orig + eps;
      const up = noGrad(() => contract(fn(...inputs), w));
      d[i] = orig - eps;
      const down = noGrad(() => contract(fn(...inputs), w));
      d[i] = orig;
      const numeric = (up - down) / (2 * eps);
      const a = analytic === null ? 0 : (analytic[i] as number);
      if (!(Math.abs(a - numeric) <= atol + rtol * Math.abs(numeric))) {
        throw new Error(
          `gradcheck: input ${k} (shape [${t.shape.join(', ')}]) element ${i}: analytic ${a} vs numeric ${numeric}` +
            (analytic === null ? ' (no gradient was produced)' : ''),
        );
      }
    }
  });
}

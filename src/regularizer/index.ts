/**
 * `paddle.regularizer`: L1Decay and L2Decay (spec §8). A regularizer turns a parameter into the
 * decay term added to its gradient after clipping: L2 `coeff·p`, L1 `coeff·sign(p)` (sign(0) = 0).
 * Each op is rounded to the parameter dtype, like Paddle's `scale`/`sign` + `add_n`.
 */
import { AssertionError, TypeError as PaddleTypeError } from '../errors.js';
import type { FloatArray } from '../tensor/dtype.js';

/** The two kinds of weight decay: L1 (`coeff * sign(param)`) and L2 (`coeff * param`). */
export type DecayKind = 'l1' | 'l2';

/**
 * Paddle's `WeightDecayRegularizer`: the base of {@link regularizer.L1Decay} and {@link
 * regularizer.L2Decay}, the gradient term an optimizer adds for a parameter.
 */
export abstract class WeightDecayRegularizer {
  /** Which decay this is, `'l1'` or `'l2'`. */
  abstract readonly kind: DecayKind;
  /** The decay coefficient (Paddle's `coeff`). */
  readonly coeff: number;

  /**
   * Checks and keeps the coefficient.
   * @param coeff - The decay coefficient (Paddle's `coeff`).
   * @param className - The subclass's name, for the error messages (`'L1Decay'`, `'L2Decay'`).
   * @throws {@link errors.AssertionError} when `coeff` is null or undefined; {@link errors.TypeError} when it is not a number.
   */
  constructor(coeff: number, className: string) {
    if (coeff === null || coeff === undefined) {
      throw new AssertionError(`${className}: coeff must not be None.`);
    }
    if (typeof coeff !== 'number') {
      throw new PaddleTypeError(`${className}: coeff must be a number, but received ${typeof coeff}.`);
    }
    this.coeff = coeff;
  }

  /**
   * Returns `grad + term(param)` as a new array in the param dtype (param before the update).
   * @param param - The parameter's values (Float32Array: every op rounded to float32; Float64Array).
   * @param grad - The gradient, of the same length.
   * @returns A new array of the param's type: `grad + coeff·param` (L2) or `grad + coeff·sign(param)` (L1).
   */
  apply(param: FloatArray, grad: FloatArray): FloatArray {
    const f32 = param instanceof Float32Array;
    const out = f32 ? new Float32Array(grad.length) : new Float64Array(grad.length);
    const c = f32 ? Math.fround(this.coeff) : this.coeff;
    for (let i = 0; i < out.length; i++) {
      const p = param[i] as number;
      const term = this.kind === 'l2' ? c * p : c * (p > 0 ? 1 : p < 0 ? -1 : 0);
      // Storing into a Float32Array rounds: fround(g + fround(term)).
      out[i] = (grad[i] as number) + (f32 ? Math.fround(term) : term);
    }
    return out;
  }

  /**
   * Paddle's repr, such as `L2Decay, coeff=0.000100`.
   * @returns The class name and the coefficient with six decimals.
   */
  abstract toString(): string;
}

/** `paddle.regularizer.L2Decay(coeff=0.0)`: adds `coeff·p` to the gradient. */
export class L2Decay extends WeightDecayRegularizer {
  /** `'l2'`. */
  readonly kind = 'l2' as const;
  /**
   * `paddle.regularizer.L2Decay(coeff=0.0)`.
   * @param coeff - The decay coefficient (Paddle's `coeff`, default 0).
   * @throws {@link errors.AssertionError} when `coeff` is null; {@link errors.TypeError} when it is not a number.
   */
  constructor(coeff = 0.0) {
    super(coeff, 'L2Decay');
  }
  /**
   * Paddle's repr: `L2Decay, coeff=…`.
   * @returns `L2Decay, coeff=` and the coefficient with six decimals (Python's `%f`).
   */
  override toString(): string {
    return `L2Decay, coeff=${this.coeff.toFixed(6)}`;
  }
}

/** `paddle.regularizer.L1Decay(coeff=0.0)`: adds `coeff·sign(p)` to the gradient. */
export class L1Decay extends WeightDecayRegularizer {
  /** `'l1'`. */
  readonly kind = 'l1' as const;
  /**
   * `paddle.regularizer.L1Decay(coeff=0.0)`.
   * @param coeff - The decay coefficient (Paddle's `coeff`, default 0).
   * @throws {@link errors.AssertionError} when `coeff` is null; {@link errors.TypeError} when it is not a number.
   */
  constructor(coeff = 0.0) {
    super(coeff, 'L1Decay');
  }
  /**
   * Paddle's repr: `L1Decay, coeff=…`.
   * @returns `L1Decay, coeff=` and the coefficient with six decimals (Python's `%f`).
   */
  override toString(): string {
    return `L1Decay, coeff=${this.coeff.toFixed(6)}`;
  }
}

/**
 * Base class of the parameter initializers (`paddle.nn.initializer.Initializer`) and the fan /
 * gain helpers shared by Xavier and Kaiming. An initializer fills a tensor **in place**
 * (`init.forward(param)`, Paddle's `init(param)`) drawing from the global seeded generator of
 * src/tensor/random.ts, so `paddle.seed(n)` makes every initialisation reproducible.
 */
import type { FloatArray } from '../../tensor/dtype.js';
import { ValueError } from '../../errors.js';
import { castScalar, isFloatDType, type DType } from '../../tensor/dtype.js';
import { numelOf, type Shape } from '../../tensor/shape.js';
import { Tensor } from '../../tensor/tensor.js';
import { TypeError as PaddleTypeError } from '../../errors.js';
import { describe } from '../../options.js';

/**
 * The base of the parameter initializers (Paddle's `paddle.nn.initializer.Initializer`): a subclass
 * implements `generate`; `forward(param)` fills the tensor in place.
 */
export abstract class Initializer {
  /**
   * Fills `param` in place and returns it. Values are computed in float64 and rounded once into
   * the tensor's dtype, written straight into its storage (integer dtypes go through a float64
   * temporary and Paddle's cast).
   *
   * Paddle: `initializer(param)`.
   *
   * @param param - The Tensor or Parameter to fill.
   * @returns `param` itself, filled.
   * @throws {@link errors.TypeError} when `param` is not a Tensor; {@link errors.ValueError} when the subclass cannot fill that shape (`Assign` of another shape, Kaiming with a fan-in ≤ 0).
   */
  forward(param: Tensor): Tensor {
    if (!(param instanceof Tensor)) {
      throw new PaddleTypeError(`${this.constructor.name}.forward: expected a Tensor or Parameter, but received ${describe(param)}.`);
    }
    if (isFloatDType(param.dtype)) {
      // straight into the tensor's storage: each float64 value is rounded once on assignment,
      // and creating a parameter costs no temporary of its size
      this.generate(param.data as FloatArray, param.shape, param.dtype);
      return param;
    }
    const values = new Float64Array(numelOf(param.shape));
    this.generate(values, param.shape, param.dtype);
    const data = param.data;
    for (let i = 0; i < values.length; i++) data[i] = castScalar(values[i] as number, param.dtype);
    return param;
  }

  /**
   * Writes the initial values for a tensor of `shape` into `out` (the tensor's own float32 or
   * float64 storage: write each element once, computed in float64, and never read it back).
   */
  protected abstract generate(out: FloatArray, shape: Shape, dtype: DType): void;

  /** Paddle's `_compute_fans` (see `computeFans`). */
  protected computeFans(shape: Shape): [fanIn: number, fanOut: number] {
    return computeFans(shape);
  }
}

/**
 * Paddle's `_compute_fans`: 0-D → (1, 1); `[n]` → (n, n); `[a, b]` → (a, b) (a Linear weight is
 * `[in, out]`); ≥3-D (a conv kernel `[out_c, in_c, ...k]`) → (`in_c·Πk`, `out_c·Πk`).
 * @param shape - A parameter's shape.
 * @returns `[fanIn, fanOut]`.
 */
export function computeFans(shape: Shape): [number, number] {
  if (shape.length === 0) return [1, 1];
  if (shape.length === 1) return [shape[0] as number, shape[0] as number];
  if (shape.length === 2) return [shape[0] as number, shape[1] as number];
  const receptive = numelOf(shape.slice(2));
  return [(shape[1] as number) * receptive, (shape[0] as number) * receptive];
}

/**
 * `paddle.nn.initializer.calculate_gain(nonlinearity, param=None)`: the recommended gain of an
 * activation (`relu` → √2, `tanh` → 5/3, `leaky_relu` → √(2/(1+slope²)) with slope 0.01 when
 * `param` is omitted, `selu` → 3/4, linear/conv/sigmoid → 1).
 * @param nonlinearity - `'sigmoid'`, `'linear'`, `'conv1d'`…`'conv3d_transpose'`, `'tanh'`, `'relu'`, `'leaky_relu'` or `'selu'` (Paddle's `nonlinearity`).
 * @param param - The negative slope for `'leaky_relu'` (Paddle's `param`; default 0.01).
 * @returns The gain.
 * @throws {@link errors.TypeError} when `param` is neither a number nor a boolean; {@link errors.ValueError} when `nonlinearity` is unknown.
 */
export function calculateGain(nonlinearity: string, param?: number | boolean | null): number {
  let p = 0.01;
  if (param !== undefined && param !== null) {
    if (typeof param !== 'number' && typeof param !== 'boolean') {
      throw new PaddleTypeError(`calculate_gain: 'param' must be a number or a boolean, but received ${describe(param)}.`);
    }
    p = Number(param);
  }
  switch (nonlinearity) {
    case 'sigmoid':
    case 'linear':
    case 'conv1d':
    case 'conv2d':
    case 'conv3d':
    case 'conv1d_transpose':
    case 'conv2d_transpose':
    case 'conv3d_transpose':
      return 1;
    case 'tanh':
      return 5.0 / 3;
    case 'relu':
      return Math.sqrt(2.0);
    case 'leaky_relu':
      return Math.sqrt(2.0 / (1 + p ** 2));
    case 'selu':
      return 3.0 / 4;
    default:
      throw new ValueError(`nonlinearity function ${String(nonlinearity)} is not suppported now.`);
  }
}

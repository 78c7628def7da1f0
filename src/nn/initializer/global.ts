/**
 * `paddle.nn.initializer.set_global_initializer(weight_init, bias_init=None)`: initializers that
 * replace the defaults of every parameter created afterwards (a ParamAttr initializer still wins).
 * `setGlobalInitializer(null)` clears both.
 */
import { isPlainObject, typeError } from '../args.js';
import { checkOptions } from '../../options.js';
import { Initializer } from './initializer.js';

let globalWeight: Initializer | null = null;
let globalBias: Initializer | null = null;

const EXPECTED = "(<class 'paddle.nn.initializer.initializer.Initializer'>, <class 'NoneType'>)";

/**
 * `paddle.nn.initializer.set_global_initializer(weight_init, bias_init=None)`: the initializers
 * parameters get when neither their ParamAttr nor their layer names one; `null` restores the
 * defaults.
 * @param weightInit - The initializer of weights (Paddle's `weight_init`), or `null`.
 * @param biasInit - The initializer of biases (Paddle's `bias_init`; default `null`), or `{ biasInit }`.
 * @throws {@link errors.TypeError} when an argument is neither an Initializer nor `null`, or the options object has an unknown key.
 */
export function setGlobalInitializer(
  weightInit: Initializer | null,
  biasInit?: Initializer | null | { biasInit?: Initializer | null },
): void {
  let bias: unknown = biasInit;
  if (isPlainObject(biasInit)) {
    bias = checkOptions('set_global_initializer', biasInit, ['biasInit']).biasInit;
  }
  if (!(weightInit === null || weightInit === undefined || weightInit instanceof Initializer)) {
    throw typeError('set_global_initializer', 'weight_init', EXPECTED, weightInit);
  }
  if (!(bias === null || bias === undefined || bias instanceof Initializer)) {
    throw typeError('set_global_initializer', 'bias_init', EXPECTED, bias);
  }
  globalWeight = weightInit ?? null;
  globalBias = (bias as Initializer | null | undefined) ?? null;
}

/**
 * The global weight initializer, or null.
 * @returns What `setGlobalInitializer` set for weights, or `null`.
 */
export function globalWeightInitializer(): Initializer | null {
  return globalWeight;
}

/**
 * The global bias initializer, or null.
 * @returns What `setGlobalInitializer` set for biases, or `null`.
 */
export function globalBiasInitializer(): Initializer | null {
  return globalBias;
}

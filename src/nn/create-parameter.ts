/**
 * Parameter creation (Paddle's `LayerHelperBase.create_parameter` and `paddle.create_parameter`,
 * spec §14).
 *
 * Names: an explicit ParamAttr name is used as is; otherwise `unique_name.generate(owner + '.w')`
 * (or `'.b'` for a bias) → `linear_0.w_0`, `create_parameter_0.b_0`.
 * Initializer precedence: ParamAttr initializer > global initializer (set_global_initializer,
 * weight or bias) > `defaultInitializer` > XavierUniform (weights) / Constant(0) (biases).
 * Explicit names must be unique: a repeat is Paddle's ValueError "parameter name [..] have be been
 * used. ...". Paddle's dygraph checker is process-global (reset only by `unique_name.guard`) and
 * also records generated names; here only explicit names are recorded, because
 * `unique_name.guard()`/`reset()` (src/tensor/unique-name.ts) restart the generated names without
 * telling this registry. `resetParameterNames()` clears it (tests).
 */
import { AssertionError, TypeError as PaddleTypeError, ValueError } from '../errors.js';
import { checkOptions, describe } from '../options.js';
import { isFloatDType, toDType, type DType } from '../tensor/dtype.js';
import { Parameter } from '../tensor/parameter.js';
import { generate, registerNameScopeHook } from '../tensor/unique-name.js';
import { typeError } from './args.js';
import { Constant } from './initializer/constant.js';
import { globalBiasInitializer, globalWeightInitializer } from './initializer/global.js';
import { Initializer } from './initializer/initializer.js';
import { XavierUniform } from './initializer/xavier.js';
import { ParamAttr, type ParamAttrLike } from './param-attr.js';

let usedNames = new Set<string>();
// unique_name.guard() gives a fresh scope for explicit names too (Paddle's guard switches the
// whole name generator).
registerNameScopeHook({
  save: () => usedNames,
  clear: () => {
    usedNames = new Set();
  },
  restore: (saved) => {
    usedNames = saved as Set<string>;
  },
});

/** True if `name` was already taken by a parameter created with an explicit name. * @param name - A parameter name.
 * @returns Whether a parameter was created with that explicit name.
 */
export function isParameterNameUsed(name: string): boolean {
  return usedNames.has(name);
}

/** Forgets every recorded explicit parameter name (tests, or a fresh "program"). */
export function resetParameterNames(): void {
  usedNames.clear();
}

/**
 * The core of parameter creation for an owner name (`linear_0`, `create_parameter_0`). Returns
 * null when the attr converts to `false` (no parameter). Everything is validated before the
 * parameter is allocated.
 */
export function createParameterFor(
  owner: string,
  attrLike: ParamAttrLike,
  shape: readonly number[],
  dtype: DType,
  isBias: boolean,
  defaultInitializer: Initializer | null,
): Parameter | null {
  const converted = ParamAttr.toAttr(attrLike);
  if (converted === false) return null;
  if (!Array.isArray(shape)) {
    throw typeError('create_parameter', 'shape', "(<class 'list'>, <class 'tuple'>, <class 'numpy.ndarray'>)", shape);
  }
  shape.forEach((size: unknown, i) => {
    if (typeof size !== 'number' || !Number.isInteger(size)) {
      throw typeError('create_parameter', 'item of shape', "(<class 'int'>, ...)", size);
    }
    if (!(size > 0)) {
      throw new AssertionError(
        `Expected every dim's size to be larger than 0, but the size of the ${i}-th dim is ${size}`,
      );
    }
  });
  if (defaultInitializer !== null && !(defaultInitializer instanceof Initializer)) {
    throw typeError(
      'create_parameter',
      'default_initializer',
      "(<class 'NoneType'>, <class 'paddle.nn.initializer.initializer.Initializer'>)",
      defaultInitializer,
    );
  }
  const globalInit = isBias ? globalBiasInitializer() : globalWeightInitializer();
  const fallback = globalInit ?? defaultInitializer;
  let init = converted.initializer ?? fallback;
  if (init === null) {
    if (!isFloatDType(dtype)) {
      throw new PaddleTypeError(
        `Can not create parameter with default initializer when dtype is not ['float16', 'float32', 'float64', 'bfloat16', 'float'] type (received ${dtype}). Set default_initializer to fit the parameter dtype!`,
      );
    }
    init = isBias ? new Constant(0.0) : new XavierUniform();
  }
  const explicit = converted.name;
  if (explicit !== null && usedNames.has(explicit)) {
    throw new ValueError(
      `parameter name [${explicit}] have be been used. In dygraph mode, the name of parameter can't be same.Please check the parameter attr value passed to self.create_parameter or constructor of dygraph Layers`,
    );
  }
  const name = explicit ?? generate(`${owner}.${isBias ? 'b' : 'w'}`);
  const param = new Parameter(shape, dtype, {
    name,
    trainable: converted.trainable,
    learningRate: converted.learningRate,
    regularizer: converted.regularizer,
    needClip: converted.needClip,
    isBias,
  });
  try {
    init.forward(param);
  } catch (e) {
    param.dispose();
    throw e;
  }
  if (explicit !== null) usedNames.add(explicit);
  return param;
}

/**
 * Optional arguments of {@link createParameter} (Paddle's `name`, `attr`, `is_bias`,
 * `default_initializer`).
 */
export interface CreateParameterOptions {
  /** The parameter's name (Paddle's `name`); a unique one is generated when omitted. */
  name?: string | null;
  /** The parameter's {@link ParamAttr} (Paddle's `attr`). */
  attr?: ParamAttr | null;
  /** Whether the parameter is a bias: its default initializer is then zeros (Paddle's `is_bias`). */
  isBias?: boolean;
  /** The initializer used when the ParamAttr names none (Paddle's `default_initializer`). */
  defaultInitializer?: Initializer | null;
}

/**
 * `paddle.create_parameter(shape, dtype, name=None, attr=None, is_bias=False,
 * default_initializer=None)`. Without an attr, `name` names the parameter; with an attr that has
 * no name, the parameter is called `<name or create_parameter_N>.w_M` (Paddle's LayerHelper).
 * @param shape - The parameter's shape, positive integers (Paddle's `shape`).
 * @param dtype - Its dtype, e.g. `'float32'` (Paddle's `dtype`).
 * @param options - {@link CreateParameterOptions}: `name`, `attr`, `isBias` (Paddle's `is_bias`, default `false`), `defaultInitializer` (Paddle's `default_initializer`).
 * @returns The new Parameter, initialized (trainable unless the attr says otherwise).
 * @throws {@link errors.TypeError} when `shape` is not a list of integers, `dtype` is unknown, `name` is not a string, `attr` is not a ParamAttr, `isBias` is not a boolean, `defaultInitializer` is not an Initializer, a float-only default meets an integer dtype, or an option is unknown; {@link errors.AssertionError} when a size is not positive; {@link errors.ValueError} when the explicit name is already used.
 * @example
 * ```ts
 * const w = paddle.createParameter([3, 4], 'float32', { defaultInitializer: new paddle.nn.initializer.Constant(0.5) });
 * ```
 */
export function createParameter(shape: readonly number[], dtype: DType | string, options?: CreateParameterOptions): Parameter {
  const o = checkOptions('create_parameter', options, ['name', 'attr', 'isBias', 'defaultInitializer']);
  const d = toDType(dtype);
  const attr = o.attr ?? null;
  if (attr !== null && !(attr instanceof ParamAttr)) {
    throw typeError('create_parameter', 'attr', "(<class 'NoneType'>, <class 'paddle.ParamAttr'>)", attr);
  }
  const name = o.name ?? null;
  if (name !== null && typeof name !== 'string') {
    throw new PaddleTypeError(`create_parameter: 'name' must be a string, but received ${describe(name)}.`);
  }
  const isBias = o.isBias ?? false;
  if (typeof isBias !== 'boolean') {
    throw new PaddleTypeError(`create_parameter: 'isBias' must be a boolean, but received ${describe(isBias)}.`);
  }
  if (!Array.isArray(shape)) {
    throw typeError('create_parameter', 'shape', "(<class 'list'>, <class 'tuple'>, <class 'numpy.ndarray'>)", shape);
  }
  const owner = name ?? generate('create_parameter');
  const p = createParameterFor(owner, attr ?? new ParamAttr({ name }), shape, d, isBias, o.defaultInitializer ?? null);
  return p as Parameter;
}

export { createParameter as create_parameter };

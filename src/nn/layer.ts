/**
 * `paddle.nn.Layer`: the base class of every layer (spec §14 naming).
 *
 * Naming: the name scope defaults to the class name in snake case (`Linear` → `linear`,
 * `MyLayer` → `my_layer`, `ReLU` → `re_lu`), and the full name is
 * `unique_name.generate(scope)` → `linear_0`, `linear_1`, …; parameters made by
 * `createParameter` are named `<full name>.w_N` / `.b_N` unless their ParamAttr names them.
 *
 * Registration. Python's `self.fc = Linear(...)` registers through `__setattr__`. JavaScript has
 * no such hook (short of a Proxy), so two equivalent ways are offered:
 *
 * - explicit, returning what it registers (preferred; the order is the call order):
 *   ```ts
 *   class MLP extends paddle.nn.Layer {
 *     fc1 = this.addSublayer('fc1', new paddle.nn.Linear(4, 8));
 *     scale = this.addParameter('scale', this.createParameter([8]));
 *     override forward(x: Tensor): Tensor { ... }
 *   }
 *   ```
 * - by assignment, as ported Paddle code does (`this.fc1 = new Linear(4, 8)` in the constructor):
 *   every traversal (`parameters()`, `stateDict()`, `children()`, …) first registers the layer's
 *   own properties that hold a Layer or Parameter not registered yet, under the property name and
 *   in property order; a property re-assigned to a new Layer/Parameter replaces its entry. Plain
 *   tensors are not turned into buffers (use `registerBuffer`), and arrays are not scanned (use
 *   `LayerList`).
 *
 * Registering again under the same name replaces the entry in place (Paddle's re-assignment);
 * `null` removes what it holds from `parameters()`/`stateDict()` but keeps the slot (and stops
 * the property of that name from being registered again).
 * Traversal orders are Paddle's: own parameters, own persistable buffers, then each sublayer
 * depth-first in registration order; shared parameters/sublayers are listed once.
 */
import { AssertionError, KeyError, NotImplementedError, TypeError as PaddleTypeError, ValueError } from '../errors.js';
import { aliasMethods } from '../alias.js';
import { checkOptions, describe, setToZeroOf, type SetToZeroArg } from '../options.js';
import { toDType, type DType } from '../tensor/dtype.js';
import { Parameter } from '../tensor/parameter.js';
import { shapeEquals, shapeToString } from '../tensor/shape.js';
import { flattenNested, Tensor, type NestedArray } from '../tensor/tensor.js';
import type { DataArray } from '../tensor/dtype.js';
import { generate } from '../tensor/unique-name.js';
import { log } from '../log.js';
import { isPlainObject } from './args.js';
import { createParameterFor } from './create-parameter.js';
import type { Initializer } from './initializer/initializer.js';
import type { ParamAttrLike } from './param-attr.js';

/** Optional arguments of the {@link nn.Layer} constructor (Paddle's `name_scope`, `dtype`). */
export interface LayerOptions {
  /**
   * The prefix of the layer's full name and of its parameters' names (Paddle's `name_scope`;
   * default: the class name in snake_case).
   */
  nameScope?: string | null;
  /** The dtype of the parameters the layer creates (Paddle's `dtype`; default float32). */
  dtype?: DType | string;
}

/**
 * Optional arguments of `Layer.createParameter` (Paddle's `attr`, `dtype`, `is_bias`,
 * `default_initializer`).
 */
export interface LayerCreateParameterOptions {
  /** The parameter's {@link ParamAttr} (Paddle's `attr`). */
  attr?: ParamAttrLike;
  /** The parameter's dtype (Paddle's `dtype`; default: the layer's). */
  dtype?: DType | string | null;
  /** Whether the parameter is a bias: its default initializer is then zeros (Paddle's `is_bias`). */
  isBias?: boolean;
  /** The initializer used when the ParamAttr names none (Paddle's `default_initializer`). */
  defaultInitializer?: Initializer | null;
}

/** `hook(layer, inputs)`: may return replacement inputs (an array, or one input). */
export type ForwardPreHook = (layer: Layer, inputs: unknown[]) => unknown;
/** `hook(layer, inputs, output)`: may return a replacement output. */
export type ForwardPostHook = (layer: Layer, inputs: unknown[], output: unknown) => unknown;
/** What the hook registrations return (Paddle's `HookRemoveHelper`). */
export interface HookRemoveHelper {
  /** The hook's id, unique in the process. */
  readonly id: number;
  /** Unregisters the hook (Paddle's `HookRemoveHelper.remove`); removing twice does nothing. */
  remove(): void;
}
let nextHookId = 0;

/** A state dict: structured name → tensor (plain object, insertion-ordered). */
export type StateDict = Record<string, Tensor>;

/** What `setStateDict` accepts per key. */
export type StateValue = Tensor | DataArray | NestedArray;

/** Optional arguments of `Layer.setStateDict` (Paddle's `use_structured_name`, and `strict`). */
export interface SetStateDictOptions {
  /** Match by structured name (`fc1.weight`, default) or by parameter name (`linear_0.w_0`). */
  useStructuredName?: boolean;
  /**
   * false (default, Paddle's behaviour): a missing or mismatched key is skipped with Paddle's
   * warning `Skip loading for <key>. …` through the log sink, and the rest is loaded. true: any
   * missing, unexpected or mismatched key is a ValueError and nothing is changed.
   */
  strict?: boolean;
}

/** The name table `paddle.save` adds to a `.pdparams` (structured key → parameter name); not a state entry. */
const NAME_TABLE_KEY = 'StructuredToParameterName@@';

/**
 * Python's `re.sub('(.)([A-Z][a-z]+)', r'\1_\2')` then `re.sub('([a-z])([A-Z])', r'\1_\2')`, lower-cased.
 * @param name - A class name, e.g. `'BatchNorm2D'`.
 * @returns The snake-case name, e.g. `'batch_norm2d'` (Paddle's own rule, used for the default name scope).
 */
export function convertCamelToSnake(name: string): string {
  const s1 = name.replace(/(.)([A-Z][a-z]+)/g, '$1_$2');
  return s1.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
}

/**
 * `paddle.nn.Layer`: the base of every layer. Subclass it, create sublayers and parameters in the
 * constructor (assigning a Layer or Parameter to a property registers it, as Paddle's
 * `__setattr__` does) and implement `forward`. It names its parameters (`linear_0.w_0`), walks
 * its sublayers (`parameters()`, `namedParameters()`, `sublayers()`), switches `train()` /
 * `eval()`, saves and loads state dicts, and owns its parameters' memory (`dispose()`, or `using`).
 *
 * Paddle: `paddle.nn.Layer(name_scope=None, dtype='float32')`.
 *
 * @example
 * ```ts
 * class MLP extends paddle.nn.Layer {
 *   fc1 = new paddle.nn.Linear(784, 256);
 *   fc2 = new paddle.nn.Linear(256, 10);
 *   override forward(x: paddle.Tensor): paddle.Tensor {
 *     return this.fc2.forward(paddle.nn.functional.relu(this.fc1.forward(x)));
 *   }
 * }
 * const model = new MLP();
 * const opt = new paddle.optimizer.RMSProp(0.001, { parameters: model.parameters() });
 * await paddle.save(model.stateDict(), 'mlp.pdparams');
 * model.setStateDict(await paddle.load('mlp.pdparams', { as: 'stateDict' }));
 * ```
 */
export class Layer {
  /** Train mode (true) or eval mode (false); set recursively by `train()` / `eval()`. */
  training = true;
  private readonly fullNameValue: string;
  /** The dtype of the parameters this layer creates (Paddle's `Layer._dtype`). */
  protected _dtype: DType;
  private readonly paramMap = new Map<string, Parameter | null>();
  private readonly bufferMap = new Map<string, Tensor | null>();
  /**
   * Paddle's class name of a layer class, from which its default name scope and so its parameter
   * names are made (`Linear` → `linear_0.w_0`). Every built-in layer sets it on its own class, so a
   * bundler that minifies class names changes no name; a class that does not set it itself (your
   * own subclasses) uses its JavaScript class name, as Paddle uses the Python one.
   */
  static readonly layerName: string = 'Layer';

  private readonly nonPersistable = new Set<string>();
  private readonly sublayerMap = new Map<string, Layer | null>();
  private readonly preHooks = new Map<number, ForwardPreHook>();
  private readonly postHooks = new Map<number, ForwardPostHook>();
  private hooksInstalled = false;

  /**
   * `new Layer()`, `new Layer('my_scope')` or `new Layer({ nameScope, dtype })`.
   * @param options - The name scope as a string (Paddle's `name_scope`), or {@link LayerOptions}: `nameScope`, `dtype` (default `'float32'`).
   * @throws {@link errors.TypeError} when `nameScope` is not a string, `dtype` is unknown, or an option is unknown.
   */
  constructor(options?: LayerOptions | string | null) {
    const o: LayerOptions = typeof options === 'string' ? { nameScope: options } : checkOptions('Layer', options, ['nameScope', 'dtype']);
    let scope = o.nameScope ?? null;
    if (scope !== null && typeof scope !== 'string') {
      throw new PaddleTypeError(`Layer: 'nameScope' must be a string, but received ${describe(scope)}.`);
    }
    if (scope === null) {
      // Paddle's class name when the class sets one itself (built-in layers do: a bundler that
      // minifies class names would otherwise rename every parameter), else the JavaScript name
      const cls = this.constructor as typeof Layer;
      const own = Object.prototype.hasOwnProperty.call(cls, 'layerName') ? cls.layerName : undefined;
      scope = convertCamelToSnake(own ?? cls.name);
    }
    this.fullNameValue = generate(scope);
    this._dtype = toDType(o.dtype ?? 'float32');
  }

  /**
   * The unique full name, e.g. `linear_0` (Paddle's `full_name()`).
   * @returns The full name, e.g. `linear_0`.
   */
  fullName(): string {
    return this.fullNameValue;
  }

  /**
   * The computation; subclasses override it.
   *
   * Paddle: `Layer.forward(*inputs)`; where Python calls `layer(x)`, call `layer.forward(x)` (the
   * forward hooks run around it).
   *
   * @param inputs - What the subclass's forward takes.
   * @returns What the subclass's forward returns.
   * @throws {@link errors.NotImplementedError} when a subclass does not override it.
   */
  forward(...inputs: unknown[]): unknown {
    void inputs;
    throw new NotImplementedError(`${this.constructor.name}.forward is not implemented.`);
  }

  /**
   * Layers have no backward of their own (Paddle raises the same).
   * @throws {@link errors.ValueError} always.
   */
  backward(): never {
    throw new ValueError("Layer shouldn't implement backward");
  }

  // ---------------------------------------------------------------------------------------
  // Registration

  /**
   * Creates a parameter named after this layer (`<full name>.w_N` / `.b_N`) with the layer's
   * dtype unless `dtype` is given. Returns null when `attr` is false. Does not register it: pass
   * it to `addParameter`.
   * @param shape - The parameter's shape, positive integers (Paddle's `shape`).
   * @param options - {@link LayerCreateParameterOptions}: `attr` (Paddle's `attr`; `false`: no parameter), `dtype` (default the layer's), `isBias` (Paddle's `is_bias`, default `false`), `defaultInitializer` (Paddle's `default_initializer`).
   * @returns The new Parameter, initialized; `null` when `attr` is `false`.
   * @throws {@link errors.TypeError} when `shape` is not a list of integers, `dtype` is unknown, `isBias` is not a boolean, `attr`/`defaultInitializer` has the wrong type, a float-only default initializer meets an integer dtype, or an option is unknown; {@link errors.AssertionError} when a size is not positive; {@link errors.ValueError} when the attr's explicit name is already used.
   */
  createParameter(shape: readonly number[], options?: LayerCreateParameterOptions & { attr?: Exclude<ParamAttrLike, boolean> | true }): Parameter;
  createParameter(shape: readonly number[], options?: LayerCreateParameterOptions): Parameter | null;
  createParameter(shape: readonly number[], options?: LayerCreateParameterOptions): Parameter | null {
    const o = checkOptions('Layer.create_parameter', options, ['attr', 'dtype', 'isBias', 'defaultInitializer']);
    const attr = o.attr === '' ? null : o.attr;
    const dtype = o.dtype === undefined || o.dtype === null ? this._dtype : toDType(o.dtype);
    const isBias = o.isBias ?? false;
    if (typeof isBias !== 'boolean') {
      throw new PaddleTypeError(`Layer.create_parameter: 'isBias' must be a boolean, but received ${describe(isBias)}.`);
    }
    return createParameterFor(this.fullNameValue, attr, shape, dtype, isBias, o.defaultInitializer ?? null);
  }

  /**
   * Registers (or replaces, or with null clears) a parameter under `name`; returns it.
   * @param name - The attribute name, non-empty and without `.` (Paddle's `name`).
   * @param parameter - The Parameter, or `null` to clear the entry (Paddle's `parameter`).
   * @returns `parameter`.
   * @throws {@link errors.TypeError} when `name` is not a string or `parameter` is neither a Parameter nor `null`; {@link errors.KeyError} when `name` is empty, contains `.`, or is already a sublayer or buffer.
   */
  addParameter<P extends Parameter | null>(name: string, parameter: P): P {
    if (typeof name !== 'string') {
      throw new PaddleTypeError(`The name of parameter should be a string, but received ${describe(name)}.`);
    }
    if (name.includes('.')) {
      throw new KeyError(
        'The name of parameter can not contain `.`, because when you access the newly added parameter in the form of `self.**.**`, it will cause AttributeError.',
      );
    }
    if (name === '') throw new KeyError('The name of parameter can not be empty.');
    if (this.sublayerMap.has(name) || this.bufferMap.has(name)) {
      throw new KeyError(`The parameter '${name}' already exists.`);
    }
    if (parameter !== null && !(parameter instanceof Parameter)) {
      throw new PaddleTypeError(`The parameter to be added should be a Parameter, but received ${describe(parameter)}.`);
    }
    this.paramMap.set(name, parameter);
    this.exposeAttribute(name, this.paramMap);
    return parameter;
  }

  /**
   * Registers (or replaces, or with null clears) a sublayer under `name`; returns it.
   * @param name - The attribute name (Paddle's `name`).
   * @param sublayer - The Layer, or `null` to clear the entry (Paddle's `sublayer`).
   * @returns `sublayer`.
   * @throws {@link errors.TypeError} when `name` is not a string; {@link errors.AssertionError} when `sublayer` is neither a Layer nor `null`; {@link errors.KeyError} when `name` is already a parameter or buffer.
   */
  addSublayer<L extends Layer | null>(name: string, sublayer: L): L {
    if (typeof name !== 'string') {
      throw new PaddleTypeError(`The name of sublayer should be a string, but received ${describe(name)}.`);
    }
    if (sublayer !== null && !(sublayer instanceof Layer)) {
      throw new AssertionError(`add_sublayer: the sublayer '${name}' must be a Layer or null, but received ${describe(sublayer)}.`);
    }
    if (this.paramMap.has(name) || this.bufferMap.has(name)) {
      throw new KeyError(`The sublayer '${name}' already exists as a parameter or buffer.`);
    }
    this.sublayerMap.set(name, sublayer);
    this.exposeAttribute(name, this.sublayerMap);
    return sublayer;
  }

  /**
   * Registers a buffer (a non-trainable tensor, e.g. running statistics). Persistable buffers
   * (default) appear in `stateDict()` after the layer's own parameters.
   * @param name - The attribute name, non-empty and without `.` (Paddle's `name`).
   * @param tensor - The Tensor, or `null` to clear the entry (Paddle's `tensor`).
   * @param options - `persistable` (default `true`: saved in `stateDict()`).
   * @returns `tensor`.
   * @throws {@link errors.TypeError} when `name` is not a string, `tensor` is neither a Tensor nor `null`, or an option is unknown; {@link errors.KeyError} when `name` is empty, contains `.`, or is already a parameter or sublayer.
   */
  registerBuffer<T extends Tensor | null>(name: string, tensor: T, options?: { persistable?: boolean }): T {
    const o = checkOptions('Layer.register_buffer', options, ['persistable']);
    if (typeof name !== 'string') {
      throw new PaddleTypeError(`The name of buffer should be a string, but received ${describe(name)}.`);
    }
    if (name.includes('.')) {
      throw new KeyError(
        'The name of buffer can not contain `.`, because when you access the newly added buffer in the form of `self.**.**`, it will cause AttributeError.',
      );
    }
    if (name === '') throw new KeyError('The name of buffer can not be empty.');
    if (this.paramMap.has(name) || this.sublayerMap.has(name)) throw new KeyError(`attribute '${name}' already exists.`);
    if (tensor !== null && !(tensor instanceof Tensor)) {
      throw new PaddleTypeError(`The registered buffer should be a Paddle.Tensor, but received ${describe(tensor)}.`);
    }
    this.bufferMap.set(name, tensor);
    this.exposeAttribute(name, this.bufferMap);
    if (o.persistable ?? true) this.nonPersistable.delete(name);
    else this.nonPersistable.add(name);
    return tensor;
  }

  /**
   * Registers the own properties holding a Layer or Parameter that is not registered yet (see
   * the module comment). Idempotent; called at the start of every traversal.
   */
  private syncAttributes(): void {
    const self = this as unknown as Record<string, unknown>;
    for (const key of Object.keys(self)) {
      const v = self[key];
      if (v instanceof Parameter) {
        if (this.holds(v) || this.sublayerMap.has(key) || this.bufferMap.has(key)) continue;
        if (this.paramMap.has(key) && this.paramMap.get(key) === null) continue;
        this.paramMap.set(key, v);
      } else if (v instanceof Layer && v !== this) {
        if (this.holds(v) || this.paramMap.has(key) || this.bufferMap.has(key)) continue;
        if (this.sublayerMap.has(key) && this.sublayerMap.get(key) === null) continue;
        this.sublayerMap.set(key, v);
      }
    }
  }

  private holds(v: Parameter | Layer): boolean {
    if (v instanceof Parameter) {
      for (const p of this.paramMap.values()) if (p === v) return true;
      return false;
    }
    for (const l of this.sublayerMap.values()) if (l === v) return true;
    return false;
  }

  /**
   * Makes `layer.<name>` read what was registered under `name` (Paddle's `self.name` after
   * `add_parameter` / `add_sublayer` / `register_buffer`), unless the layer already has such a
   * property (a class field assigned from the call, or a method).
   */
  private exposeAttribute(name: string, map: ReadonlyMap<string, unknown>): void {
    if (name in this) return;
    Object.defineProperty(this, name, {
      get: () => map.get(name),
      configurable: true,
      enumerable: false,
    });
  }

  // ---------------------------------------------------------------------------------------
  // Forward hooks

  /**
   * Paddle's `register_forward_pre_hook(hook)`: `hook(layer, inputs)` runs before each `forward`;
   * returning a value (an array of inputs, or a single input) replaces the inputs. Returns a handle
   * whose `remove()` unregisters it.
   * @param hook - `(layer, inputs) => newInputs | undefined` (Paddle's `hook`).
   * @returns A handle `{ id, remove() }`.
   * @throws {@link errors.TypeError} when `hook` is not a function.
   */
  registerForwardPreHook(hook: ForwardPreHook): HookRemoveHelper {
    return this.addHook(this.preHooks, hook, 'register_forward_pre_hook');
  }

  /**
   * Paddle's `register_forward_post_hook(hook)`: `hook(layer, inputs, output)` runs after each
   * `forward`; returning a value replaces the output. Returns a handle with `remove()`.
   * @param hook - `(layer, inputs, output) => newOutput | undefined` (Paddle's `hook`).
   * @returns A handle `{ id, remove() }`.
   * @throws {@link errors.TypeError} when `hook` is not a function.
   */
  registerForwardPostHook(hook: ForwardPostHook): HookRemoveHelper {
    return this.addHook(this.postHooks, hook, 'register_forward_post_hook');
  }

  private addHook<H>(map: Map<number, H>, hook: H, where: string): HookRemoveHelper {
    if (typeof hook !== 'function') {
      throw new PaddleTypeError(`${where}: the hook must be a function, but received ${describe(hook)}.`);
    }
    const id = nextHookId++;
    map.set(id, hook);
    this.installHooks();
    return { id, remove: () => void map.delete(id) };
  }

  /** Wraps this layer's `forward` (once) so that the hooks run around it, as Paddle's `__call__`. */
  private installHooks(): void {
    if (this.hooksInstalled) return;
    this.hooksInstalled = true;
    const original = this.forward;
    const wrapped = (...inputs: unknown[]): unknown => {
      let args = inputs;
      for (const h of [...this.preHooks.values()]) {
        const r = h(this, args);
        if (r !== undefined && r !== null) args = Array.isArray(r) ? r : [r];
      }
      let out = original.apply(this, args);
      for (const h of [...this.postHooks.values()]) {
        const r = h(this, args, out);
        if (r !== undefined && r !== null) out = r;
      }
      return out;
    };
    Object.defineProperty(this, 'forward', { value: wrapped, writable: true, configurable: true, enumerable: false });
  }

  // ---------------------------------------------------------------------------------------
  // Traversal

  /**
   * `[prefix, layer]` for this layer (if asked) and every sublayer, depth-first, each once.
   * @param options - `prefix` (default `''`), `includeSelf` (Paddle's `include_self`, default `false`).
   * @returns `[structured name, layer]` pairs, depth-first.
   * @throws {@link errors.TypeError} when an option is unknown.
   */
  namedSublayers(options?: { prefix?: string; includeSelf?: boolean }): [string, Layer][] {
    const o = checkOptions('Layer.named_sublayers', options, ['prefix', 'includeSelf']);
    const out: [string, Layer][] = [];
    const seen = new Set<Layer>();
    const stack: [string, Layer, boolean][] = [[o.prefix ?? '', this, o.includeSelf ?? false]];
    while (stack.length > 0) {
      const [prefix, layer, include] = stack.pop() as [string, Layer, boolean];
      if (include) {
        if (seen.has(layer)) continue;
        seen.add(layer);
        out.push([prefix, layer]);
      }
      layer.syncAttributes();
      const children = [...layer.sublayerMap.entries()].filter((e): e is [string, Layer] => e[1] !== null);
      for (let i = children.length - 1; i >= 0; i--) {
        const [key, child] = children[i] as [string, Layer];
        stack.push([prefix === '' ? key : `${prefix}.${key}`, child, true]);
      }
    }
    return out;
  }

  /**
   * Every sublayer (depth-first), optionally with this layer first.
   * @param options - `includeSelf` (Paddle's `include_self`, default `false`).
   * @returns The layers, depth-first, each once.
   * @throws {@link errors.TypeError} when an option is unknown.
   */
  sublayers(options?: { includeSelf?: boolean }): Layer[] {
    const o = checkOptions('Layer.sublayers', options, ['includeSelf']);
    return this.namedSublayers({ includeSelf: o.includeSelf ?? false }).map((e) => e[1]);
  }

  /**
   * The direct children with their names.
   * @returns `[name, layer]` for each direct sublayer, in registration order, each once.
   */
  namedChildren(): [string, Layer][] {
    this.syncAttributes();
    const seen = new Set<Layer>();
    const out: [string, Layer][] = [];
    for (const [name, layer] of this.sublayerMap) {
      if (layer === null || seen.has(layer)) continue;
      seen.add(layer);
      out.push([name, layer]);
    }
    return out;
  }

  /**
   * The direct sublayers, in registration order (Paddle's `children()`).
   * @returns The direct sublayers.
   */
  children(): Layer[] {
    return this.namedChildren().map((e) => e[1]);
  }

  /**
   * `[structured name, parameter]` pairs: own parameters, then sublayers', each parameter once.
   * @param options - `prefix` (default `''`), `includeSublayers` (Paddle's `include_sublayers`, default `true`).
   * @returns `[structured name, parameter]` pairs, e.g. `['fc1.weight', p]`.
   * @throws {@link errors.TypeError} when an option is unknown.
   */
  namedParameters(options?: { prefix?: string; includeSublayers?: boolean }): [string, Parameter][] {
    const o = checkOptions('Layer.named_parameters', options, ['prefix', 'includeSublayers']);
    this.syncAttributes();
    const prefix = o.prefix ?? '';
    const layers: [string, Layer][] = (o.includeSublayers ?? true) ? this.namedSublayers({ prefix, includeSelf: true }) : [[prefix, this]];
    const seen = new Set<Parameter>();
    const out: [string, Parameter][] = [];
    for (const [lp, layer] of layers) {
      for (const [key, p] of layer.paramMap) {
        if (p === null || seen.has(p)) continue;
        seen.add(p);
        out.push([lp === '' ? key : `${lp}.${key}`, p]);
      }
    }
    return out;
  }

  /**
   * All parameters (what an optimizer takes as `parameters`).
   *
   * Paddle: `Layer.parameters(include_sublayers=True)`.
   *
   * @param options - `includeSublayers` (default `true`).
   * @returns The parameters, each once, in registration order.
   * @throws {@link errors.TypeError} when an option is unknown.
   */
  parameters(options?: { includeSublayers?: boolean }): Parameter[] {
    const o = checkOptions('Layer.parameters', options, ['includeSublayers']);
    return this.namedParameters({ includeSublayers: o.includeSublayers ?? true }).map((e) => e[1]);
  }

  /**
   * `[structured name, buffer]` pairs (all buffers, persistable or not).
   * @param options - `prefix` (default `''`), `includeSublayers` (Paddle's `include_sublayers`, default `true`).
   * @returns `[structured name, buffer]` pairs, each buffer once.
   * @throws {@link errors.TypeError} when an option is unknown.
   */
  namedBuffers(options?: { prefix?: string; includeSublayers?: boolean }): [string, Tensor][] {
    const o = checkOptions('Layer.named_buffers', options, ['prefix', 'includeSublayers']);
    const prefix = o.prefix ?? '';
    const layers: [string, Layer][] = (o.includeSublayers ?? true) ? this.namedSublayers({ prefix, includeSelf: true }) : [[prefix, this]];
    const seen = new Set<Tensor>();
    const out: [string, Tensor][] = [];
    for (const [lp, layer] of layers) {
      for (const [key, b] of layer.bufferMap) {
        if (b === null || seen.has(b)) continue;
        seen.add(b);
        out.push([lp === '' ? key : `${lp}.${key}`, b]);
      }
    }
    return out;
  }

  /**
   * All buffers.
   * @param options - `includeSublayers` (Paddle's `include_sublayers`, default `true`).
   * @returns The buffers, each once.
   * @throws {@link errors.TypeError} when an option is unknown.
   */
  buffers(options?: { includeSublayers?: boolean }): Tensor[] {
    const o = checkOptions('Layer.buffers', options, ['includeSublayers']);
    return this.namedBuffers({ includeSublayers: o.includeSublayers ?? true }).map((e) => e[1]);
  }

  /**
   * Calls `fn` on every sublayer (depth-first, children first) and then on this layer.
   * @param fn - Called with each layer (Paddle's `fn`), e.g. to re-initialize weights.
   * @returns This layer.
   */
  apply(fn: (layer: Layer) => void): this {
    for (const child of this.children()) child.apply(fn);
    fn(this);
    return this;
  }

  // ---------------------------------------------------------------------------------------
  // Modes and gradients

  /**
   * Train mode for this layer and every sublayer; returns this.
   * @returns This layer.
   */
  train(): this {
    for (const l of this.sublayers({ includeSelf: true })) l.training = true;
    return this;
  }

  /**
   * Eval mode for this layer and every sublayer; returns this.
   * @returns This layer.
   */
  eval(): this {
    for (const l of this.sublayers({ includeSelf: true })) l.training = false;
    return this;
  }

  /**
   * Paddle's `clear_gradients(set_to_zero=True)` on every trainable parameter: `true` zero-fills,
   * `false` (positional as in Paddle, or `{ setToZero: false }`) releases the gradients.
   * @param setToZero - `true` (default) zero-fills the gradients, `false` releases them; a boolean or `{ setToZero }` (Paddle's `set_to_zero`).
   * @throws {@link errors.TypeError} when `setToZero` is not a boolean or the options object has an unknown key.
   */
  clearGradients(setToZero?: SetToZeroArg): void {
    const zero = setToZeroOf('Layer.clear_gradients', setToZero);
    for (const p of this.parameters()) if (p.trainable) p.clearGradient(zero);
  }

  // ---------------------------------------------------------------------------------------
  // Ownership

  /**
   * Frees every parameter and buffer of this layer and its sublayers now (values and gradients;
   * blocks of the kernel heap go back to it at once). The layer owns its parameters: a parameter
   * shared with another layer is freed too. Any later use of a parameter throws a `RuntimeError`
   * naming it; disposing twice does nothing. Dispose the optimizer of these parameters as well.
   */
  dispose(): void {
    for (const p of this.parameters()) p.dispose();
    for (const b of this.buffers()) b.dispose();
  }

  /** `using model = new MyLayer()` (TypeScript 5.2+) disposes at the end of the block. */
  [Symbol.dispose](): void {
    this.dispose();
  }

  // ---------------------------------------------------------------------------------------
  // State dicts

  /**
   * Parameters and persistable buffers by structured name (`fc1.weight`, `0.bias`): own entries
   * first, then each sublayer's. The values are the parameter tensors themselves (Paddle's
   * `keep_vars=True`), not copies.
   *
   * Paddle: `Layer.state_dict(destination=None, include_sublayers=True, structured_name_prefix='')`.
   *
   * @param options - `includeSublayers` (default `true`), `structuredNamePrefix` (default `''`).
   * @returns Structured name → Tensor, ready for `paddle.save(…, 'model.pdparams')`.
   * @throws {@link errors.TypeError} when an option is unknown.
   */
  stateDict(options?: { includeSublayers?: boolean; structuredNamePrefix?: string }): StateDict {
    const o = checkOptions('Layer.state_dict', options, ['includeSublayers', 'structuredNamePrefix']);
    const dest: StateDict = {};
    this.fillStateDict(dest, o.includeSublayers ?? true, o.structuredNamePrefix ?? '');
    return dest;
  }

  private fillStateDict(dest: StateDict, includeSublayers: boolean, prefix: string): void {
    this.syncAttributes();
    for (const [name, p] of this.paramMap) if (p !== null) dest[prefix + name] = p;
    for (const [name, b] of this.bufferMap) {
      if (b !== null && !this.nonPersistable.has(name)) dest[prefix + name] = b;
    }
    if (!includeSublayers) return;
    for (const [name, layer] of this.sublayerMap) {
      if (layer !== null) layer.fillStateDict(dest, includeSublayers, `${prefix}${name}.`);
    }
  }

  /**
   * Copies values from `stateDict` (structured name → Tensor / typed array / nested array; a
   * plain object or a Map) into this layer's parameters and buffers, in place, as Paddle's
   * `set_state_dict`: a key that is missing or has another shape is skipped with a warning
   * (`Skip loading for fc.weight. fc.weight is not found in the provided dict.`) through the log
   * sink; a value of another dtype is Paddle's `AssertionError: Variable dtype not match`;
   * `StructuredToParameterName@@` (the name table of a `.pdparams`) is ignored. Everything is
   * checked before anything is written. `{ strict: true }` makes any mismatch a ValueError.
   * Returns Paddle's `[missingKeys, unexpectedKeys]`.
   *
   * Paddle: `Layer.set_state_dict(state_dict, use_structured_name=True)`.
   *
   * @param stateDict - Structured name → value, for example
   *   `await paddle.load('model.pdparams', { as: 'stateDict' })`.
   * @param options - `useStructuredName` (default `true`), `strict` (default `false`).
   * @returns `[missingKeys, unexpectedKeys]`.
   * @throws {@link errors.AssertionError} for a value of another dtype; {@link errors.ValueError}
   *   for any mismatch with `strict: true`; {@link errors.TypeError} when `stateDict` is not an object
   *   or a Map. Nothing is written when it throws.
   */
  setStateDict(
    stateDict: Readonly<Record<string, StateValue>> | ReadonlyMap<string, StateValue>,
    options?: SetStateDictOptions,
  ): [missingKeys: string[], unexpectedKeys: string[]] {
    const o = checkOptions('Layer.set_state_dict', options, ['useStructuredName', 'strict']);
    const useStructured = o.useStructuredName ?? true;
    const strict = o.strict ?? false;
    let entries: Map<string, StateValue>;
    if (stateDict instanceof Map) entries = new Map(stateDict);
    else if (isPlainObject(stateDict)) entries = new Map(Object.entries(stateDict));
    else throw new PaddleTypeError(`set_state_dict: 'state_dict' must be an object or a Map, but received ${describe(stateDict)}.`);
    entries.delete(NAME_TABLE_KEY);

    const absent: string[] = [];
    const mismatched: string[] = [];
    const problems: string[] = [];
    const skipped: string[] = [];
    const matched = new Set<string>();
    const writes: [Tensor, StateValue][] = [];
    for (const [key, target] of Object.entries(this.stateDict())) {
      const keyName = useStructured ? key : target.name;
      const value = entries.get(keyName);
      if (value === undefined || value === null) {
        absent.push(keyName);
        skipped.push(`Skip loading for ${key}. ${keyName} is not found in the provided dict.`);
        continue;
      }
      const problem = checkStateValue(keyName, value, target);
      if (problem !== null) {
        if (problem.kind === 'dtype' && !strict) throw new AssertionError(target.valueProblem(value)?.message ?? problem.message);
        mismatched.push(keyName);
        problems.push(problem.message);
        skipped.push(`Skip loading for ${key}. ${problem.message}.`);
        continue;
      }
      matched.add(keyName);
      writes.push([target, value]);
    }
    // As Paddle: a mismatched key counts as missing, and every key not loaded as unexpected.
    const missing = [...absent, ...mismatched];
    const unexpected = [...entries.keys()].filter((k) => !matched.has(k));
    if (strict && (missing.length > 0 || unexpected.length > 0)) {
      const parts: string[] = [];
      if (absent.length > 0) parts.push(`missing keys: [${absent.join(', ')}]`);
      const extra = unexpected.filter((k) => !mismatched.includes(k));
      if (extra.length > 0) parts.push(`unexpected keys: [${extra.join(', ')}]`);
      if (problems.length > 0) parts.push(`mismatched: ${problems.join('; ')}`);
      throw new ValueError(
        `set_state_dict of ${this.fullNameValue}: the state dict does not match the layer, nothing was loaded (${parts.join('; ')}). Pass { strict: false } to load the matching entries only.`,
      );
    }
    for (const line of skipped) log(`UserWarning: ${line}`);
    for (const [target, value] of writes) target.setValue(value);
    return [missing, unexpected];
  }

  // ---------------------------------------------------------------------------------------
  // Printing

  /**
   * Extra text inside the layer's repr (e.g. `in_features=2, out_features=2, dtype=float32`).
   * @returns The text; `''` for the base class (subclasses return their arguments, as Paddle prints them).
   */
  extraRepr(): string {
    return '';
  }

  /**
   * The layer's structure as Paddle prints it: the class name, `extraRepr()`, and the sublayers indented.
   * @returns E.g. `Linear(in_features=2, out_features=2, dtype=float32)`, or a multi-line text with the sublayers.
   */
  toString(): string {
    const extra = this.extraRepr();
    const extraLines = extra === '' ? [] : extra.split('\n');
    this.syncAttributes();
    const subLines: string[] = [];
    for (const [name, layer] of this.sublayerMap) {
      if (layer === null) continue;
      subLines.push(`(${name}): ${indent(layer.toString(), 2)}`);
    }
    let s = `${this.constructor.name}(`;
    if (extraLines.length > 1) s += `\n  ${extraLines.join('\n  ')}\n`;
    else if (extraLines.length === 1) s += extraLines[0] as string;
    if (subLines.length > 0) s += `\n  ${subLines.join('\n  ')}\n`;
    return `${s})`;
  }
}

function indent(text: string, n: number): string {
  const lines = text.split('\n');
  if (lines.length === 1) return text;
  const pad = ' '.repeat(n);
  return [lines[0], ...lines.slice(1).map((l) => pad + l)].join('\n');
}

/** Null when `value` can be written into `target`, else what is wrong, in Paddle's words, naming the key. */
function checkStateValue(key: string, value: StateValue, target: Tensor): { kind: 'shape' | 'dtype' | 'malformed'; message: string } | null {
  let shape: readonly number[] | null;
  let dtype: string | null = null;
  if (value instanceof Tensor) {
    shape = value.shape;
    dtype = value.dtype;
  } else if (ArrayBuffer.isView(value)) {
    shape = null;
    dtype = value instanceof Float32Array ? 'float32' : value instanceof Float64Array ? 'float64' : value instanceof Int32Array ? 'int32' : null;
    if (value.length !== target.numel) {
      return { kind: 'shape', message: `${key} receives ${value.length} elements (a typed array), but the expected shape is ${shapeToString(target.shape)}` };
    }
  } else {
    try {
      shape = flattenNested(value, key).shape;
    } catch (e) {
      return { kind: 'malformed', message: `${key} is not a tensor or a rectangular array of numbers (${(e as Error).message})` };
    }
  }
  if (shape !== null && !shapeEquals(shape, target.shape)) {
    return { kind: 'shape', message: `${key} receives a shape ${shapeToString(shape)}, but the expected shape is ${shapeToString(target.shape)}` };
  }
  if (dtype !== null && dtype !== target.dtype && !(dtype === 'float64' && target.dtype === 'int64')) {
    return { kind: 'dtype', message: `${key} receives dtype ${dtype}, but the expected dtype is ${target.dtype}` };
  }
  return null;
}

export interface Layer {
  /** Paddle's spelling of `fullName`: the same function. */
  full_name: Layer['fullName'];
  /** Paddle's spelling of `createParameter`: the same function. */
  create_parameter: Layer['createParameter'];
  /** Paddle's spelling of `addParameter`: the same function. */
  add_parameter: Layer['addParameter'];
  /** Paddle's spelling of `addSublayer`: the same function. */
  add_sublayer: Layer['addSublayer'];
  /** Paddle's spelling of `registerBuffer`: the same function. */
  register_buffer: Layer['registerBuffer'];
  /** Paddle's spelling of `registerForwardPreHook`: the same function. */
  register_forward_pre_hook: Layer['registerForwardPreHook'];
  /** Paddle's spelling of `registerForwardPostHook`: the same function. */
  register_forward_post_hook: Layer['registerForwardPostHook'];
  /** Paddle's spelling of `namedSublayers`: the same function. */
  named_sublayers: Layer['namedSublayers'];
  /** Paddle's spelling of `namedChildren`: the same function. */
  named_children: Layer['namedChildren'];
  /** Paddle's spelling of `namedParameters`: the same function. */
  named_parameters: Layer['namedParameters'];
  /** Paddle's spelling of `namedBuffers`: the same function. */
  named_buffers: Layer['namedBuffers'];
  /** Paddle's spelling of `clearGradients`: the same function. */
  clear_gradients: Layer['clearGradients'];
  /** Paddle's spelling of `stateDict`: the same function. */
  state_dict: Layer['stateDict'];
  /** Paddle's spelling of `setStateDict`: the same function. */
  set_state_dict: Layer['setStateDict'];
  /** Paddle's older `set_dict`: the same function as `setStateDict`. */
  set_dict: Layer['setStateDict'];
  /** Paddle's older `load_dict`: the same function as `setStateDict`. */
  load_dict: Layer['setStateDict'];
  /** Paddle's spelling of `extraRepr`: the same function. */
  extra_repr: Layer['extraRepr'];
}

aliasMethods(Layer, {
  full_name: 'fullName',
  create_parameter: 'createParameter',
  add_parameter: 'addParameter',
  add_sublayer: 'addSublayer',
  register_buffer: 'registerBuffer',
  register_forward_pre_hook: 'registerForwardPreHook',
  register_forward_post_hook: 'registerForwardPostHook',
  named_sublayers: 'namedSublayers',
  named_children: 'namedChildren',
  named_parameters: 'namedParameters',
  named_buffers: 'namedBuffers',
  clear_gradients: 'clearGradients',
  state_dict: 'stateDict',
  set_state_dict: 'setStateDict',
  set_dict: 'setStateDict',
  load_dict: 'setStateDict',
  extra_repr: 'extraRepr',
});

/** `paddle.nn.Sequential`, `paddle.nn.LayerList`, `paddle.nn.LayerDict` and `paddle.nn.ParameterList`. */
import { AssertionError, IndexError, KeyError, TypeError as PaddleTypeError } from '../errors.js';
import { describe } from '../options.js';
import { Parameter } from '../tensor/parameter.js';
import type { Tensor } from '../tensor/tensor.js';
import { Layer } from './layer.js';

type Forwardable = { forward(input: unknown): unknown };

/**
 * Paddle code indexes containers (`model[0]`, `layers[-1]` is `at(-1)` here): the container is
 * wrapped in a Proxy whose only job is to answer integer keys with `at(i)`; every other property
 * (and every write) goes to the container itself.
 */
function indexable<T extends { at(index: number): unknown }>(target: T): T {
  return new Proxy(target, {
    get(t, key, receiver) {
      if (isIndexKey(key)) return t.at(Number(key));
      return Reflect.get(t, key, receiver) as unknown;
    },
    has(t, key) {
      if (isIndexKey(key)) return Number(key) < (t as unknown as { length: number }).length;
      return Reflect.has(t, key);
    },
  });
}

/** `'0'`, `'12'`: a canonical non-negative integer key (every other property access skips the regex). */
function isIndexKey(key: string | symbol): key is string {
  if (typeof key !== 'string' || key.length === 0) return false;
  const c = key.charCodeAt(0);
  return c >= 48 && c <= 57 && /^(0|[1-9][0-9]*)$/.test(key);
}

/**
 * `paddle.nn.Sequential(*layers)`: `new Sequential(l1, l2)` registers the layers as `'0'`, `'1'`,
 * …; `new Sequential(['fc', l1], ['act', l2])` under the given names. `forward` feeds each
 * layer's output to the next. `seq[0]` / `seq.at(-1)`, `seq.length` and `for (const l of seq)`
 * work as Paddle's `seq[0]`, `seq[-1]`, `len(seq)` and iteration.
 */
export class Sequential extends Layer {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'Sequential';

  readonly [index: number]: Layer;

  /**
   * Creates the container and registers the layers.
   * @param layers - Layers (registered as `'0'`, `'1'`, …) or `[name, Layer]` pairs (Paddle's `*layers`).
   * @throws {@link errors.AssertionError} when an argument is neither a Layer nor a `[name, Layer]` pair.
   */
  constructor(...layers: (Layer | readonly [string, Layer])[]) {
    for (const [i, l] of layers.entries()) {
      const layer = Array.isArray(l) ? (l as readonly [string, Layer])[1] : l;
      if (!(layer instanceof Layer)) {
        throw new AssertionError(`Sequential: argument ${i} must be a Layer or a [name, Layer] pair, but received ${describe(l)}.`);
      }
    }
    super();
    layers.forEach((l, i) => {
      if (Array.isArray(l)) this.addSublayer((l as readonly [string, Layer])[0], (l as readonly [string, Layer])[1]);
      else this.addSublayer(String(i), l as Layer);
    });
    return indexable(this);
  }

  /**
   * Feeds `input` through the layers in order, each output the next layer's input (Paddle: `Sequential.forward`).
   * @param input - The first layer's input.
   * @returns The last layer's output (`input` itself when the container is empty).
   * @throws What a layer's `forward` throws for its input.
   */
  override forward(input: Tensor): Tensor {
    let x: unknown = input;
    for (const layer of this.children()) x = (layer as unknown as Forwardable).forward(x);
    return x as Tensor;
  }

  /** The number of entries (Python's `len()`). */
  get length(): number {
    return this.namedChildren().length;
  }

  /**
   * The i-th layer (negative counts from the end); IndexError when out of range.
   * @param index - An integer position; negative counts from the end.
   * @returns The layer at `index`.
   * @throws {@link errors.IndexError} when `index` is not an integer or is out of range.
   */
  at(index: number): Layer {
    const kids = this.children();
    const i = index < 0 ? index + kids.length : index;
    if (!Number.isInteger(index) || i < 0 || i >= kids.length) {
      throw new IndexError(`index ${index} is out of range`);
    }
    return kids[i] as Layer;
  }

  /**
   * Iterates the layers in order (Python's `for layer in model`).
   * @returns An iterator over the layers.
   */
  [Symbol.iterator](): Iterator<Layer> {
    return this.children()[Symbol.iterator]();
  }
}

/**
 * `paddle.nn.LayerList(sublayers=None)`: a list of layers registered as `'0'`, `'1'`, ….
 * `list[0]` / `list.at(-1)`, `list.length` and iteration work as in Paddle.
 */
export class LayerList extends Layer {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'LayerList';

  readonly [index: number]: Layer;
  private items: Layer[] = [];

  /**
   * Creates the list and appends the layers.
   * @param sublayers - The initial layers (Paddle's `sublayers`; `null`/omitted: none).
   * @throws {@link errors.TypeError} when an element is not a Layer.
   */
  constructor(sublayers?: Iterable<Layer> | null) {
    const list = sublayers === undefined || sublayers === null ? [] : [...sublayers];
    for (const [i, l] of list.entries()) {
      if (!(l instanceof Layer)) throw new PaddleTypeError(`LayerList: element ${i} must be a Layer, but received ${describe(l)}.`);
    }
    super();
    for (const l of list) this.append(l);
    return indexable(this);
  }

  /**
   * Appends a layer at the end (Paddle's `LayerList.append`). Returns this list.
   * @param sublayer - The layer, registered under the next index (Paddle's `sublayer`).
   * @returns This list.
   * @throws {@link errors.TypeError} when `sublayer` is not a Layer.
   */
  append(sublayer: Layer): this {
    if (!(sublayer instanceof Layer)) throw new PaddleTypeError(`LayerList.append: expected a Layer, but received ${describe(sublayer)}.`);
    this.addSublayer(String(this.items.length), sublayer);
    this.items.push(sublayer);
    return this;
  }

  /**
   * Paddle's `insert(index, sublayer)`: puts `sublayer` before position `index` (negative counts
   * from the end; clamped like Python's `list.insert`); the layers after it move up one name.
   * @param index - The position, an integer (Paddle's `index`).
   * @param sublayer - The layer to insert (Paddle's `sublayer`).
   * @returns This list.
   * @throws {@link errors.TypeError} when `index` is not an integer or `sublayer` is not a Layer.
   */
  insert(index: number, sublayer: Layer): this {
    if (typeof index !== 'number' || !Number.isInteger(index)) {
      throw new PaddleTypeError(`LayerList.insert: the index must be an integer, but received ${describe(index)}.`);
    }
    if (!(sublayer instanceof Layer)) throw new PaddleTypeError(`LayerList.insert: expected a Layer, but received ${describe(sublayer)}.`);
    const n = this.items.length;
    const at = Math.min(Math.max(index < 0 ? index + n : index, 0), n);
    this.items.splice(at, 0, sublayer);
    // re-register from `at`: names '0'…'n-1' keep their places, 'n' is appended
    for (let k = at; k < this.items.length; k++) this.addSublayer(String(k), this.items[k] as Layer);
    return this;
  }

  /**
   * Appends every layer of `sublayers`, in order (Python's `list.extend`; Paddle's
   * `LayerList.extend`). Returns this list.
   * @param sublayers - The layers to append (Paddle's `sublayers`).
   * @returns This list.
   * @throws {@link errors.TypeError} when an element is not a Layer (the elements before it stay appended).
   */
  extend(sublayers: Iterable<Layer>): this {
    for (const l of sublayers) this.append(l);
    return this;
  }

  /** The number of entries (Python's `len()`). */
  get length(): number {
    return this.items.length;
  }

  /**
   * The layer at `index`; a negative index counts from the end (Python's `model[-1]`). Throws an
   * IndexError out of range.
   * @param index - An integer position; negative counts from the end.
   * @returns The layer at `index`.
   * @throws {@link errors.IndexError} when `index` is not an integer or is out of range.
   */
  at(index: number): Layer {
    const i = index < 0 ? index + this.items.length : index;
    if (!Number.isInteger(index) || i < 0 || i >= this.items.length) throw new IndexError(`index ${index} is out of range`);
    return this.items[i] as Layer;
  }

  /**
   * Iterates the layers in order (Python's `for layer in model`).
   * @returns An iterator over the layers.
   */
  [Symbol.iterator](): Iterator<Layer> {
    return this.items[Symbol.iterator]();
  }
}

/** What `LayerDict` takes: a LayerDict, a Map, a plain object (insertion order) or `[name, layer]` pairs. */
export type LayerDictInit = LayerDict | ReadonlyMap<string, Layer> | Readonly<Record<string, Layer>> | Iterable<readonly [string, Layer]>;

function entriesOf(where: string, sublayers: LayerDictInit): [string, Layer][] {
  let list: [string, unknown][];
  if (sublayers instanceof LayerDict) list = sublayers.items();
  else if (sublayers instanceof Map) list = [...(sublayers as ReadonlyMap<string, Layer>)];
  else if (typeof (sublayers as Iterable<unknown>)[Symbol.iterator] === 'function') {
    list = [...(sublayers as Iterable<unknown>)].map((e, i) => {
      if (!Array.isArray(e) || e.length !== 2) {
        throw new PaddleTypeError(`${where}: element ${i} must be a [name, Layer] pair, but received ${describe(e)}.`);
      }
      return [e[0] as string, e[1] as unknown];
    });
  } else if (sublayers !== null && typeof sublayers === 'object') list = Object.entries(sublayers);
  else throw new PaddleTypeError(`${where}: the sublayers must be a Map, an object or [name, Layer] pairs, but received ${describe(sublayers)}.`);
  for (const [k, l] of list) {
    if (typeof k !== 'string') throw new PaddleTypeError(`${where}: the key ${describe(k)} must be a string.`);
    if (!(l instanceof Layer)) throw new PaddleTypeError(`${where}: the value of '${k}' must be a Layer, but received ${describe(l)}.`);
  }
  return list as [string, Layer][];
}

/**
 * `paddle.nn.LayerDict(sublayers=None)`: layers by name, registered under their keys (state-dict
 * keys `name.param`), in insertion order. Paddle's `d[key]` / `d[key] = l` / `del d[key]` /
 * `key in d` / `len(d)` are `get(key)` / `set(key, l)` / `delete(key)` / `has(key)` / `length`;
 * `update`, `keys`, `values`, `items`, `pop`, `clear` as in Paddle; iteration yields the keys.
 * A key popped and set again keeps its first position in `namedChildren()`/`stateDict()` (its
 * position in `keys()` is the new one).
 */
export class LayerDict extends Layer {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'LayerDict';

  private readonly entries = new Map<string, Layer>();

  /**
   * Creates the dict and sets the layers in order.
   * @param sublayers - A Map, a plain object or `[name, Layer]` pairs (Paddle's `sublayers`; `null`/omitted: none).
   * @throws {@link errors.TypeError} when `sublayers` has another type, a key is not a string, or a value is not a Layer.
   */
  constructor(sublayers?: LayerDictInit | null) {
    const list = sublayers === undefined || sublayers === null ? [] : entriesOf('LayerDict', sublayers);
    super();
    for (const [k, l] of list) this.set(k, l);
  }

  /**
   * Paddle's `d[key]`; a KeyError when absent.
   * @param key - The layer's name.
   * @returns The layer under `key`.
   * @throws {@link errors.KeyError} when `key` is absent.
   */
  get(key: string): Layer {
    const l = this.entries.get(key);
    if (l === undefined) throw new KeyError(`'${key}'`);
    return l;
  }

  /**
   * Paddle's `d[key] = sublayer` (replaces an existing key in place).
   * @param key - The layer's name.
   * @param sublayer - The layer.
   * @returns This dict.
   * @throws {@link errors.TypeError} when `sublayer` is not a Layer; {@link errors.KeyError} when `key` is already a parameter or buffer of the dict.
   */
  set(key: string, sublayer: Layer): this {
    if (!(sublayer instanceof Layer)) throw new PaddleTypeError(`LayerDict: the value of '${key}' must be a Layer, but received ${describe(sublayer)}.`);
    this.addSublayer(key, sublayer);
    this.entries.set(key, sublayer);
    return this;
  }

  /**
   * Paddle's `key in d`.
   * @param key - The layer's name.
   * @returns Whether a layer is stored under `key`.
   */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  /**
   * Paddle's `del d[key]`; a KeyError when absent.
   * @param key - The layer's name.
   * @throws {@link errors.KeyError} when `key` is absent.
   */
  delete(key: string): void {
    this.pop(key);
  }

  /**
   * Removes and returns the layer under `key`; a KeyError when absent.
   * @param key - The layer's name.
   * @returns The removed layer.
   * @throws {@link errors.KeyError} when `key` is absent.
   */
  pop(key: string): Layer {
    const l = this.get(key);
    this.entries.delete(key);
    this.addSublayer(key, null);
    return l;
  }

  /** Removes every layer (Paddle's `LayerDict.clear`). */
  clear(): void {
    for (const k of [...this.entries.keys()]) this.pop(k);
  }

  /**
   * Adds or replaces the given layers (a Map, an object, or [name, layer] pairs), in order.
   * @param sublayers - A LayerDict, a Map, a plain object or `[name, Layer]` pairs (Paddle's `sublayers`).
   * @returns This dict.
   * @throws {@link errors.TypeError} when `sublayers` has another type, an element is not a `[name, Layer]` pair, a key is not a string, or a value is not a Layer (nothing is added then).
   */
  update(sublayers: LayerDictInit): this {
    for (const [k, l] of entriesOf('LayerDict.update', sublayers)) this.set(k, l);
    return this;
  }

  /**
   * The keys, in insertion order (Paddle's `LayerDict.keys`).
   * @returns The keys.
   */
  keys(): string[] {
    return [...this.entries.keys()];
  }

  /**
   * The layers, in insertion order (Paddle's `LayerDict.values`).
   * @returns The layers.
   */
  values(): Layer[] {
    return [...this.entries.values()];
  }

  /**
   * The `[key, layer]` pairs, in insertion order (Paddle's `LayerDict.items`).
   * @returns The `[key, layer]` pairs.
   */
  items(): [string, Layer][] {
    return [...this.entries.entries()];
  }

  /** The number of entries (Python's `len()`). */
  get length(): number {
    return this.entries.size;
  }

  /**
   * Iterates the keys in insertion order (Python's `for key in layer_dict`).
   * @returns An iterator over the keys.
   */
  [Symbol.iterator](): Iterator<string> {
    return this.keys()[Symbol.iterator]();
  }
}

/**
 * `paddle.nn.ParameterList(parameters=None)`: parameters registered as `'0'`, `'1'`, … (so they
 * appear in `parameters()` and in the state dict under those names). `list[0]` / `list.at(-1)`,
 * `append`, `length` and iteration as in Paddle; `set(i, p)` is Paddle's `list[i] = p`.
 */
export class ParameterList extends Layer {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'ParameterList';

  readonly [index: number]: Parameter;
  private readonly items: Parameter[] = [];

  /**
   * Creates the list and appends the parameters.
   * @param parameters - The initial Parameters (Paddle's `parameters`; `null`/omitted: none).
   * @throws {@link errors.TypeError} when an element is not a Parameter.
   */
  constructor(parameters?: Iterable<Parameter> | null) {
    const list = parameters === undefined || parameters === null ? [] : [...parameters];
    for (const [i, p] of list.entries()) {
      if (!(p instanceof Parameter)) throw new PaddleTypeError(`ParameterList: element ${i} must be a Parameter, but received ${describe(p)}.`);
    }
    super();
    for (const p of list) this.append(p);
    return indexable(this);
  }

  /**
   * Appends a parameter at the end (Paddle's `ParameterList.append`). Returns this list.
   * @param parameter - The Parameter, registered under the next index (Paddle's `parameter`).
   * @returns This list.
   * @throws {@link errors.TypeError} when `parameter` is not a Parameter.
   */
  append(parameter: Parameter): this {
    if (!(parameter instanceof Parameter)) throw new PaddleTypeError(`ParameterList.append: expected a Parameter, but received ${describe(parameter)}.`);
    this.addParameter(String(this.items.length), parameter);
    this.items.push(parameter);
    return this;
  }

  /**
   * The parameter at `index`; a negative index counts from the end. Throws an IndexError out of range.
   * @param index - An integer position; negative counts from the end.
   * @returns The parameter at `index`.
   * @throws {@link errors.IndexError} when `index` is not an integer or is out of range.
   */
  at(index: number): Parameter {
    const i = index < 0 ? index + this.items.length : index;
    if (!Number.isInteger(index) || i < 0 || i >= this.items.length) throw new IndexError(`index ${index} is out of range`);
    return this.items[i] as Parameter;
  }

  /**
   * Paddle's `list[i] = parameter`.
   * @param index - An integer position; negative counts from the end.
   * @param parameter - The new Parameter.
   * @returns This list.
   * @throws {@link errors.IndexError} when `index` is not an integer or is out of range; {@link errors.TypeError} when `parameter` is not a Parameter.
   */
  set(index: number, parameter: Parameter): this {
    this.at(index); // range check
    if (!(parameter instanceof Parameter)) throw new PaddleTypeError(`ParameterList: expected a Parameter, but received ${describe(parameter)}.`);
    // The position itself: the same Parameter may sit at several indices (Python's [p] * 4).
    const i = index < 0 ? index + this.items.length : index;
    this.addParameter(String(i), parameter);
    this.items[i] = parameter;
    return this;
  }

  /** The number of entries (Python's `len()`). */
  get length(): number {
    return this.items.length;
  }

  /**
   * Iterates the parameters in order (Python's `for p in parameter_list`).
   * @returns An iterator over the parameters.
   */
  [Symbol.iterator](): Iterator<Parameter> {
    return this.items[Symbol.iterator]();
  }
}

/** `paddle.nn.Sequential` and `paddle.nn.LayerList`. */
import { AssertionError, IndexError, TypeError as PaddleTypeError } from '../errors.js';
import { describe } from '../options.js';
import type { Tensor } from '../tensor/tensor.js';
import { Layer } from './layer.js';

type Forwardable = { forward(input: unknown): unknown };

/**
 * Paddle code indexes containers (`model[0]`, `layers[-1]` is `at(-1)` here): the container is
 * wrapped in a Proxy whose only job is to answer integer keys with `at(i)`; every other property
 * (and every write) goes to the container itself.
 */
function indexable<T extends { at(index: number): Layer }>(target: T): T {
  return new Proxy(target, {
    get(t, key, receiver) {
      if (typeof key === 'string' && /^(0|[1-9][0-9]*)$/.test(key)) return t.at(Number(key));
      return Reflect.get(t, key, receiver) as unknown;
    },
    has(t, key) {
      if (typeof key === 'string' && /^(0|[1-9][0-9]*)$/.test(key)) return Number(key) < (t as unknown as { length: number }).length;
      return Reflect.has(t, key);
    },
  });
}

/**
 * `paddle.nn.Sequential(*layers)`: `new Sequential(l1, l2)` registers the layers as `'0'`, `'1'`,
 * …; `new Sequential(['fc', l1], ['act', l2])` under the given names. `forward` feeds each
 * layer's output to the next. `seq[0]` / `seq.at(-1)`, `seq.length` and `for (const l of seq)`
 * work as Paddle's `seq[0]`, `seq[-1]`, `len(seq)` and iteration.
 */
export class Sequential extends Layer {
  readonly [index: number]: Layer;

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

  override forward(input: Tensor): Tensor {
    let x: unknown = input;
    for (const layer of this.children()) x = (layer as unknown as Forwardable).forward(x);
    return x as Tensor;
  }

  get length(): number {
    return this.namedChildren().length;
  }

  /** The i-th layer (negative counts from the end); IndexError when out of range. */
  at(index: number): Layer {
    const kids = this.children();
    const i = index < 0 ? index + kids.length : index;
    if (!Number.isInteger(index) || i < 0 || i >= kids.length) {
      throw new IndexError(`index ${index} is out of range`);
    }
    return kids[i] as Layer;
  }

  [Symbol.iterator](): Iterator<Layer> {
    return this.children()[Symbol.iterator]();
  }
}

/**
 * `paddle.nn.LayerList(sublayers=None)`: a list of layers registered as `'0'`, `'1'`, ….
 * `list[0]` / `list.at(-1)`, `list.length` and iteration work as in Paddle.
 */
export class LayerList extends Layer {
  readonly [index: number]: Layer;
  private items: Layer[] = [];

  constructor(sublayers?: Iterable<Layer> | null) {
    const list = sublayers === undefined || sublayers === null ? [] : [...sublayers];
    for (const [i, l] of list.entries()) {
      if (!(l instanceof Layer)) throw new PaddleTypeError(`LayerList: element ${i} must be a Layer, but received ${describe(l)}.`);
    }
    super();
    for (const l of list) this.append(l);
    return indexable(this);
  }

  append(sublayer: Layer): this {
    if (!(sublayer instanceof Layer)) throw new PaddleTypeError(`LayerList.append: expected a Layer, but received ${describe(sublayer)}.`);
    this.addSublayer(String(this.items.length), sublayer);
    this.items.push(sublayer);
    return this;
  }

  extend(sublayers: Iterable<Layer>): this {
    for (const l of sublayers) this.append(l);
    return this;
  }

  get length(): number {
    return this.items.length;
  }

  at(index: number): Layer {
    const i = index < 0 ? index + this.items.length : index;
    if (!Number.isInteger(index) || i < 0 || i >= this.items.length) throw new IndexError(`index ${index} is out of range`);
    return this.items[i] as Layer;
  }

  [Symbol.iterator](): Iterator<Layer> {
    return this.items[Symbol.iterator]();
  }
}

/**
 * The Python value model → what `load` returns: dicts as plain objects (or Maps with
 * `dictAs: 'map'`), arrays as Tensors or NdArrays; converted without recursion, each shared node
 * once.
 */
import { ValueError } from '../errors.js';
import { describe } from '../options.js';
import { Tensor } from '../tensor/tensor.js';
import { isNdArray, type NdArray } from './ndarray.js';
import { PyFloat, PyTuple, type PyKey, type PyValue } from './py-value.js';

/** What `load` can return (a dict is a plain object, or a Map with `dictAs: 'map'`). */
export type Loaded =
  | null
  | boolean
  | number
  | bigint
  | string
  | Uint8Array
  | Tensor
  | NdArray
  | PyTuple
  | Loaded[]
  | { [key: string]: Loaded }
  | Map<PyKey, Loaded>;

export interface LoadConfig {
  returnNumpy: boolean;
  keepNameTable: boolean;
  dictAs: 'object' | 'map';
  maxExpansion: number | undefined;
  maxDepth: number | undefined;
  maxHeaderSize: number | undefined;
  maxTensors: number | undefined;
}

export function toTensor(a: NdArray, name: string | null): Tensor {
  return Tensor.fromArray(a.data, a.shape, a.dtype, name === null ? {} : { name });
}

/** Containers and arrays: the values `FromPy` converts once and memoizes. */
function isNode(v: PyValue): v is PyValue & object {
  return typeof v === 'object' && v !== null && !(v instanceof Uint8Array) && !(v instanceof PyFloat);
}

function scalarOf(v: PyValue): Loaded {
  return v instanceof PyFloat ? v.value : (v as Loaded);
}

/** Converts the result tree once per node (shared nodes stay shared), applying `leaf` to arrays/tuples. */
export class FromPy {
  private readonly memo = new Map<object, Loaded>();
  constructor(
    private readonly cfg: LoadConfig,
    private readonly leaf: (v: NdArray | PyTuple) => Loaded | undefined,
  ) {}

  /**
   * Converts `root` without recursion (nesting is bounded by the reader's `maxDepth`, never by
   * the JS stack): containers are visited depth first and built in post-order, each once.
   */
  convert(root: PyValue): Loaded {
    if (!isNode(root)) return scalarOf(root);
    const stack: { v: PyValue & object; expanded: boolean }[] = [{ v: root, expanded: false }];
    while (stack.length > 0) {
      const f = stack[stack.length - 1] as { v: PyValue & object; expanded: boolean };
      if (this.memo.has(f.v)) {
        stack.pop();
      } else if (!f.expanded) {
        f.expanded = true;
        const children = Array.isArray(f.v) ? f.v : f.v instanceof PyTuple ? f.v.items : f.v instanceof Map ? f.v.values() : [];
        for (const x of children) if (isNode(x) && !this.memo.has(x)) stack.push({ v: x, expanded: false });
      } else {
        stack.pop();
        this.memo.set(f.v, this.build(f.v));
      }
    }
    return this.memo.get(root) as Loaded;
  }

  /** A converted child: a scalar, or a container already built. */
  private get(x: PyValue): Loaded {
    return isNode(x) ? (this.memo.get(x) as Loaded) : scalarOf(x);
  }

  private build(v: PyValue & object): Loaded {
    if (isNdArray(v)) return this.leaf(v) ?? v;
    if (v instanceof PyTuple) return this.leaf(v) ?? new PyTuple(v.items.map((x) => this.get(x) as PyValue));
    if (Array.isArray(v)) return v.map((x) => this.get(x));
    if (!(v instanceof Map)) return v as Loaded;
    if (this.cfg.dictAs === 'map') {
      const m = new Map<PyKey, Loaded>();
      for (const [k, x] of v) m.set(k, this.get(x));
      return m;
    }
    const o: { [key: string]: Loaded } = {};
    for (const [k, x] of v) {
      let key: string;
      if (typeof k === 'string') key = k;
      else if ((typeof k === 'number' && Number.isInteger(k)) || typeof k === 'bigint') key = String(k);
      else {
        throw new ValueError(
          `paddle.load: a dict key of type ${describe(k)} cannot become a plain-object key; pass { dictAs: 'map' }.`,
        );
      }
      if (Object.hasOwn(o, key)) {
        throw new ValueError(`paddle.load: the dict keys ${JSON.stringify(key)} (str) and ${key} (int) collide in a plain object; pass { dictAs: 'map' }.`);
      }
      setOwn(o, key, this.get(x));
    }
    return o;
  }
}

/** `o[key] = value`, except that a "__proto__" key becomes an ordinary own property. */
function setOwn(o: { [key: string]: Loaded }, key: string, value: Loaded): void {
  if (key === '__proto__') Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  else o[key] = value;
}

/** The top-level dict of the name-table path, as object or Map. */
export function shapeTop(top: Map<PyKey, Loaded>, cfg: LoadConfig): Loaded {
  if (cfg.dictAs === 'map') return top;
  // Reuse FromPy's key rules on a dict whose values are already converted.
  const o: { [key: string]: Loaded } = {};
  for (const [k, v] of top) {
    let key: string;
    if (typeof k === 'string') key = k;
    else if ((typeof k === 'number' && Number.isInteger(k)) || typeof k === 'bigint') key = String(k);
    else throw new ValueError(`paddle.load: a dict key of type ${describe(k)} cannot become a plain-object key; pass { dictAs: 'map' }.`);
    if (Object.hasOwn(o, key)) {
      throw new ValueError(`paddle.load: the dict keys ${JSON.stringify(key)} (str) and ${key} (int) collide in a plain object; pass { dictAs: 'map' }.`);
    }
    setOwn(o, key, v);
  }
  return o;
}

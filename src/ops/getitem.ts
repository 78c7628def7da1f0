/**
 * Python/NumPy indexing, Paddle's `x[...]` and `x[...] = v`, as `getitem(x, index)` /
 * `x.get(index)` and `setitem(x, index, value)` / `x.set(index, value)`.
 *
 * An index is Python's subscript written one of two ways:
 * - a string in Python's syntax: `'1:3, :, 0'`, `'..., -1'`, `':, None'`, `'::-1'`, `'[0, 2], 1'`
 *   (ints, negative ints, `a:b:c` with any part omitted and negative steps, `...`, `None`,
 *   bracketed int lists);
 * - an array, one entry per comma-separated item (Python's tuple): a number (an int), a string
 *   holding one item (`':'`, `'1:3'`, `'::-1'`, `'...'`, `'None'`), `null` (None), a Tensor (int
 *   → advanced index, bool → mask), or a nested array (a Python list: ints, or booleans for a
 *   mask). A number, `null` or a Tensor alone is a one-item index. So `x[[0, 2]]` (a list) is
 *   `x.get([[0, 2]])`, while `x.get([0, 2])` is `x[0, 2]`.
 *
 * Semantics are NumPy's (which Paddle follows): slices clamp; an int removes its axis; `None`
 * inserts a size-1 axis; one `...` fills the unindexed axes; a bool mask over k axes becomes k
 * int index arrays (its true positions); int arrays (and, beside them, ints) broadcast together,
 * and their result axes stand where the first of them stood when they are adjacent, in front
 * otherwise. Every index resolves to one map from output element to input element: the getter
 * is `gatherByMap` (slicing.ts), so its backward scatter-adds (duplicates accumulate); the setter
 * writes through the same map (the last duplicate wins) and records Paddle's set_value gradient
 * when the value needs one. Results are copies, not views.
 */
import { IndexError, NotImplementedError, ValueError } from '../errors.js';
import { describe } from '../options.js';
import { GradNode, isGradEnabled, type BackwardFn } from '../tensor/autograd.js';
import { allocArray, castScalar, isFloatDType, type DataArray } from '../tensor/dtype.js';
import { toTensor } from '../tensor/creation.js';
import { broadcastShapes, numelOf, shapeToString, stridesOf } from '../tensor/shape.js';
import { Tensor, type NestedArray } from '../tensor/tensor.js';
import { broadcastTo, expectTensor, reduceToShape } from './helpers.js';
import { needsGrad } from './binary.js';
import { gatherByMap } from './slicing.js';

/** A slice `start:stop:step` (null parts omitted). */
export interface SliceItem {
  /** The first index, or null for the start of the axis (Python's `start`). */
  readonly start: number | null;
  /** The index after the last, or null for the end of the axis (Python's `stop`). */
  readonly stop: number | null;
  /** The stride, or null for 1 (Python's `step`); negative walks backwards. */
  readonly step: number | null;
}
type Item = number | SliceItem | null | 'ellipsis' | Tensor;
/** One item of an array index. */
export type IndexItem = number | string | null | Tensor | NestedArray;
/** What `getitem`/`setitem` accept. */
export type Index = string | number | null | Tensor | readonly IndexItem[];

const INT = /^[+-]?\d+$/;

function parseInt1(where: string, s: string, whole: string): number {
  if (!INT.test(s)) throw new ValueError(`${where}: cannot parse '${s}' in the index ${JSON.stringify(whole)} (an int, a slice a:b:c, '...', 'None' or a list [i, j] was expected).`);
  return Number(s);
}

/** One item of the string syntax. */
function parseItem(where: string, s: string, whole: string): Item {
  const t = s.trim();
  if (t === '...') return 'ellipsis';
  if (t === 'None') return null;
  if (t.startsWith('[') && t.endsWith(']')) {
    const body = t.slice(1, -1).trim();
    const list = body === '' ? [] : body.split(',').map((p) => parseInt1(where, p.trim(), whole));
    return toTensor(list, { dtype: 'int64' });
  }
  if (t.includes(':')) {
    const parts = t.split(':');
    if (parts.length > 3) throw new ValueError(`${where}: cannot parse '${t}' in the index ${JSON.stringify(whole)} (a slice has at most two ':').`);
    const [a, b, c] = parts.map((p) => (p.trim() === '' ? null : parseInt1(where, p.trim(), whole)));
    return { start: a ?? null, stop: b ?? null, step: c ?? null };
  }
  return parseInt1(where, t, whole);
}

/** Splits a string index at the commas outside brackets. */
function parseString(where: string, s: string): Item[] {
  if (s.trim() === '') return [];
  const items: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '[') depth++;
    if (ch === ']') depth--;
    if (ch === ',' && depth === 0) {
      items.push(cur);
      cur = '';
    } else cur += ch;
  }
  items.push(cur);
  // Python allows one trailing comma: 'x[0,]'.
  if (items.length > 1 && (items[items.length - 1] as string).trim() === '') items.pop();
  return items.map((p) => parseItem(where, p, s));
}

function fromArrayItem(where: string, v: unknown): Item {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) throw new IndexError(`${where}: only integers, slices (':'), ellipsis ('...'), None and integer or boolean Tensors are valid indices, but received ${v}.`);
    return v;
  }
  if (typeof v === 'string') {
    const items = parseString(where, v);
    if (items.length !== 1) throw new ValueError(`${where}: the string item ${JSON.stringify(v)} must hold one index item; write the whole index as one string or one array entry per item.`);
    return items[0] as Item;
  }
  if (v instanceof Tensor) return v;
  if (Array.isArray(v)) {
    const flat = (v as unknown[]).flat(Infinity);
    const isBool = flat.length > 0 && flat.every((e) => typeof e === 'boolean');
    return toTensor(v as NestedArray, { dtype: isBool ? 'bool' : 'int64' });
  }
  if (typeof v === 'boolean') {
    throw new IndexError(`${where}: a Python bool index is not supported; use a bool Tensor mask.`);
  }
  throw new IndexError(`${where}: only integers, slices (':'), ellipsis ('...'), None and integer or boolean Tensors are valid indices, but received ${describe(v)}.`);
}

function toItems(where: string, index: unknown): Item[] {
  if (typeof index === 'string') return parseString(where, index);
  if (Array.isArray(index)) return (index as unknown[]).map((v) => fromArrayItem(where, v));
  return [fromArrayItem(where, index)];
}

/** The resolved index: output shape and, for each output element, its flat input index. */
export interface IndexPlan {
  readonly shape: number[];
  readonly map: Int32Array;
}

/** Output dimension kinds while planning: a basic axis (its offsets) or the advanced block. */
type Dim = { size: number; offsets: Int32Array } | 'advanced';

/** Resolves `index` against `shape` (NumPy's rules; Paddle's/NumPy's error wording). */
export function planIndex(where: string, shape: readonly number[], index: unknown): IndexPlan {
  const raw = toItems(where, index);
  // Bool masks become one int index per axis they cover.
  const items: Item[] = [];
  const ellipses = raw.filter((r) => r === 'ellipsis').length;
  if (ellipses > 1) throw new IndexError("An index can only have a single ellipsis ('...').");
  const consumed = raw.reduce<number>((n, r) => {
    if (r === null || r === 'ellipsis') return n;
    if (r instanceof Tensor && r.dtype === 'bool') return n + Math.max(r.ndim, 1);
    return n + 1;
  }, 0);
  if (consumed > shape.length) {
    throw new IndexError(`too many indices for tensor: tensor is ${shape.length}-dimensional, but ${consumed} were indexed.`);
  }
  for (const r of raw) {
    if (r === 'ellipsis') {
      for (let k = 0; k < shape.length - consumed; k++) items.push({ start: null, stop: null, step: null });
    } else items.push(r);
  }
  if (ellipses === 0) for (let k = consumed; k < shape.length; k++) items.push({ start: null, stop: null, step: null });

  const strides = stridesOf(shape);
  const dims: Dim[] = [];
  let axis = 0;
  let base = 0;
  // Advanced parts: per covered axis, the flat offsets (idx * stride) over their own shape.
  const adv: { offsets: Float64Array; shape: number[] }[] = [];
  const hasArray = items.some((it) => it instanceof Tensor);
  const addAdvanced = (offsets: Float64Array, s: number[]): void => {
    // Consecutive advanced items share one marker: one marker in the end means adjacent.
    if (dims[dims.length - 1] !== 'advanced') dims.push('advanced');
    adv.push({ offsets, shape: s });
  };
  for (const it of items) {
    if (it === null) {
      dims.push({ size: 1, offsets: new Int32Array(1) });
      continue;
    }
    if (typeof it === 'number') {
      const n = shape[axis] as number;
      if (it < -n || it >= n) throw new IndexError(`index ${it} is out of bounds for axis ${axis} with size ${n}.`);
      const i = it < 0 ? it + n : it;
      if (hasArray) addAdvanced(Float64Array.of(i * (strides[axis] as number)), []);
      else base += i * (strides[axis] as number);
      axis++;
      continue;
    }
    if (it instanceof Tensor) {
      if (it.dtype === 'bool') {
        const k = Math.max(it.ndim, 1);
        const covered = shape.slice(axis, axis + k);
        const ms = it.ndim === 0 ? [1] : [...it.shape];
        if (ms.some((d, j) => d !== covered[j])) {
          throw new IndexError(
            `The shape of the boolean index ${shapeToString(it.shape)} does not match the indexed tensor at axes ${axis}..${axis + k - 1} (shape ${shapeToString(shape)}).`,
          );
        }
        const mstr = stridesOf(ms);
        const m = it.data;
        let count = 0;
        for (let i = 0; i < m.length; i++) if ((m[i] as number) !== 0) count++;
        const offs = new Float64Array(count);
        for (let i = 0, c = 0; i < m.length; i++) {
          if ((m[i] as number) === 0) continue;
          let off = 0;
          for (let j = 0; j < k; j++) off += Math.floor(i / (mstr[j] as number)) % (ms[j] as number) * (strides[axis + j] as number);
          offs[c++] = off;
        }
        addAdvanced(offs, [count]);
        axis += k;
        continue;
      }
      if (it.dtype !== 'int32' && it.dtype !== 'int64') {
        throw new IndexError(`${where}: Tensors used as indices must be of integer (int32, int64) or bool type, but its dtype is ${it.dtype}.`);
      }
      const n = shape[axis] as number;
      const d = it.data;
      const offs = new Float64Array(d.length);
      for (let i = 0; i < d.length; i++) {
        const v = d[i] as number;
        if (v < -n || v >= n) throw new IndexError(`index ${v} is out of bounds for axis ${axis} with size ${n}.`);
        offs[i] = (v < 0 ? v + n : v) * (strides[axis] as number);
      }
      addAdvanced(offs, [...it.shape]);
      axis++;
      continue;
    }
    if (it === 'ellipsis') continue;
    // A slice, Python's rules (slice.indices).
    const n = shape[axis] as number;
    const step = it.step ?? 1;
    if (step === 0) throw new ValueError('slice step cannot be zero.');
    let start: number;
    let stop: number;
    if (step > 0) {
      start = it.start === null ? 0 : it.start < 0 ? Math.max(it.start + n, 0) : Math.min(it.start, n);
      stop = it.stop === null ? n : it.stop < 0 ? Math.max(it.stop + n, 0) : Math.min(it.stop, n);
    } else {
      start = it.start === null ? n - 1 : it.start < 0 ? Math.max(it.start + n, -1) : Math.min(it.start, n - 1);
      stop = it.stop === null ? -1 : it.stop < 0 ? Math.max(it.stop + n, -1) : Math.min(it.stop, n - 1);
    }
    const size = step > 0 ? Math.max(Math.ceil((stop - start) / step), 0) : Math.max(Math.ceil((start - stop) / -step), 0);
    const offsets = new Int32Array(size);
    for (let j = 0; j < size; j++) offsets[j] = (start + j * step) * (strides[axis] as number);
    dims.push({ size, offsets });
    axis++;
  }

  // The advanced block: broadcast the parts, sum their offsets; placed where the first stood
  // when the parts were adjacent, in front otherwise.
  let advShape: number[] = [];
  let advOffsets = new Int32Array(0);
  if (adv.length > 0) {
    advShape = adv.reduce<number[]>((s, a) => broadcastShapes(s, a.shape, `${where} (shape mismatch: indexing arrays could not be broadcast together)`), []);
    const n = numelOf(advShape);
    const acc = new Float64Array(n);
    for (const a of adv) {
      const b = broadcastTo(a.offsets, a.shape, advShape, 'float64');
      for (let i = 0; i < n; i++) acc[i] = (acc[i] as number) + (b[i] as number);
    }
    advOffsets = Int32Array.from(acc);
    if (dims.filter((d) => d === 'advanced').length > 1) {
      const rest = dims.filter((d) => d !== 'advanced');
      dims.splice(0, dims.length, 'advanced', ...rest);
    }
  }
  // The map: the cartesian sum of the dims' offsets.
  const outShape: number[] = [];
  let map = Int32Array.of(base);
  for (const d of dims) {
    const offs = d === 'advanced' ? advOffsets : d.offsets;
    if (d === 'advanced') outShape.push(...advShape);
    else outShape.push(d.size);
    const next = new Int32Array(map.length * offs.length);
    for (let i = 0, o = 0; i < map.length; i++) {
      const m = map[i] as number;
      for (let j = 0; j < offs.length; j++) next[o++] = m + (offs[j] as number);
    }
    map = next;
  }
  return { shape: outShape, map };
}

/**
 * Paddle's `x[index]` (see the module comment for the index forms): `getitem(x, '1:3, :, 0')`,
 * `getitem(x, '..., -1')`, `getitem(x, mask)`, `getitem(x, [idx, ':'])`. Differentiable.
 * @param x - The Tensor to index.
 * @param index - The subscript: a string in Python's syntax (`'1:3, :, 0'`), or an array of items (ints, slice strings, `null`, int/bool Tensors, nested lists); see {@link Index}.
 * @returns A new Tensor (a copy) of x's dtype with NumPy's result shape.
 * @throws {@link errors.TypeError} when `x` is not a Tensor; {@link errors.IndexError} when an index is out of bounds, there are too many indices or more than one `...`, or an item is not a valid index; {@link errors.ValueError} when a string item cannot be parsed or a slice step is 0.
 */
export function getitem(x: Tensor, index: Index): Tensor {
  const t = expectTensor('getitem', 'x', x);
  const plan = planIndex('getitem', t.shape, index);
  return gatherByMap('getitem', t, plan.shape, plan.map);
}

/** The graph nodes recorded by setitem: their backward never reads x's values, so x may be assigned again. */
const SETITEM_NODES = new WeakSet<GradNode>();

/**
 * Paddle's `x[index] = value`, in place; returns x. `value` (a number, nested array or Tensor,
 * cast to x's dtype) broadcasts to the indexed shape; with duplicate positions the last write
 * wins. Autograd as Paddle's set_value: when `value` needs a gradient (and x is a float tensor)
 * x joins the graph (`out = paddle.zeros(…); out[i] = y`): y gets the gradient of the positions
 * it wrote, and x's earlier history the gradient of the others. On a leaf that needs a gradient
 * it is Paddle's error; into the output of another op in a graph (whose backward may read the
 * overwritten values) a NotImplementedError: assign under `noGrad`, or use concat / where.
 * @param x - The Tensor to write into (in place).
 * @param index - The subscript: a string in Python's syntax (`'1:3, :, 0'`), or an array of items (ints, slice strings, `null`, int/bool Tensors, nested lists); see {@link Index}.
 * @param value - A number, boolean, nested array or Tensor, cast to x's dtype and broadcast to the indexed shape.
 * @returns `x` itself, after the write.
 * @throws {@link errors.TypeError} when `x` is not a Tensor; {@link errors.IndexError} when an index is out of bounds, there are too many indices or more than one `...`, or an item is not a valid index; {@link errors.ValueError} when a string item cannot be parsed or a slice step is 0, `value` does not broadcast to the indexed shape, or `x` is a leaf that needs a gradient; {@link errors.NotImplementedError} when `x` is another op's output in a graph that records gradients.
 */
export function setitem(x: Tensor, index: Index, value: number | boolean | NestedArray | Tensor): Tensor {
  const t = expectTensor('setitem', 'x', x);
  const grad = isGradEnabled();
  const xInGraph = grad && !t.stopGradient;
  if (xInGraph) {
    if (t.isLeaf) {
      throw new ValueError(`(InvalidArgument) Leaf Tensor (${t.name}) that doesn't stop gradient can't use inplace strategy.`);
    }
    if (!SETITEM_NODES.has(t.gradNode as GradNode)) {
      throw new NotImplementedError(
        `setitem: in-place assignment into '${t.name}', the output of the op '${(t.gradNode as GradNode).opName}' in a graph, is not supported (its backward may read the overwritten values); assign under paddle.noGrad, or build the tensor with paddle.concat / paddle.where.`,
      );
    }
  }
  const v = value instanceof Tensor ? value : typeof value === 'boolean' ? toTensor(value ? 1 : 0) : toTensor(value as NestedArray, { dtype: t.dtype });
  const plan = planIndex('setitem', t.shape, index);
  const mismatch = (): ValueError =>
    new ValueError(`setitem: the value of shape ${shapeToString(v.shape)} cannot be broadcast to the indexed shape ${shapeToString(plan.shape)}.`);
  let vShape: number[];
  try {
    vShape = broadcastShapes(v.shape, plan.shape, 'setitem');
  } catch {
    throw mismatch();
  }
  const src = broadcastTo(v.data, v.shape, vShape, 'float64');
  if (src.length !== plan.map.length) throw mismatch();
  const d = t.data;
  const map = plan.map;
  for (let i = 0; i < map.length; i++) d[map[i] as number] = castScalar(src[i] as number, t.dtype);

  const vNeeds = grad && needsGrad(v);
  if (!isFloatDType(t.dtype) || (!vNeeds && !xInGraph)) return t;
  // Record: inputs are x's previous version (when in a graph) and v (when it needs a gradient).
  const winner = new Int32Array(t.numel).fill(-1);
  for (let i = 0; i < map.length; i++) winner[map[i] as number] = i;
  const inputs: Tensor[] = [];
  let prev: Tensor | null = null;
  if (xInGraph) {
    prev = Tensor.fromArray(allocArray(t.dtype, t.numel), t.shape, t.dtype, { stopGradient: false });
    prev.gradNode = t.gradNode;
    inputs.push(prev);
  }
  if (vNeeds) inputs.push(v);
  const back: BackwardFn = (g) => {
    const out: (DataArray | null)[] = [];
    if (prev !== null) {
      const gp = allocArray(t.dtype, g.length);
      for (let k = 0; k < g.length; k++) gp[k] = (winner[k] as number) < 0 ? (g[k] as number) : 0;
      out.push(gp);
    }
    if (vNeeds) {
      const full = new Float64Array(map.length);
      for (let k = 0; k < winner.length; k++) {
        const w = winner[k] as number;
        if (w >= 0) full[w] = g[k] as number;
      }
      out.push(reduceToShape(full, vShape, v.shape, v.dtype));
    }
    return out;
  };
  const node = new GradNode('setitem', inputs, back);
  SETITEM_NODES.add(node);
  t.gradNode = node;
  t.stopGradient = false;
  return t;
}

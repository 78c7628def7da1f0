/**
 * `paddle.load` of a safetensors file: the tensors, and Paddle's extras (name table, key order,
 * non-tensor entries) from `__metadata__["paddle"]`, a JSON string read under the same bounds as
 * the header (src/io/json.ts: depth `maxDepth`, a budget of 16 × its length + 1 MiB).
 */
import { ValueError } from '../errors.js';
import { FromPy, shapeTop, toTensor, type Loaded, type LoadConfig } from './from-py.js';
import { parseJson } from './json.js';
import { NAME_TABLE_KEY, SAFETENSORS_META_KEY } from './keys.js';
import { Budget, BUDGET_SLACK, DEFAULT_MAX_DEPTH, JSON_EXPANSION } from './limits.js';
import type { PyKey, PyValue } from './py-value.js';
import { readSafetensors, type SafetensorsReadOptions } from './safetensors.js';

/** JSON (from `JSON.parse`) to the Python value model, objects as dicts; iterative, each node once. */
function jsonToPy(root: unknown): PyValue {
  const made = new Map<object, PyValue>();
  const get = (x: unknown): PyValue => (typeof x === 'object' && x !== null ? (made.get(x) as PyValue) : (x as PyValue));
  if (typeof root !== 'object' || root === null) return root as PyValue;
  const stack: { v: object; expanded: boolean }[] = [{ v: root, expanded: false }];
  while (stack.length > 0) {
    const f = stack[stack.length - 1] as { v: object; expanded: boolean };
    if (!f.expanded) {
      f.expanded = true;
      for (const x of Object.values(f.v)) if (typeof x === 'object' && x !== null) stack.push({ v: x as object, expanded: false });
      continue;
    }
    stack.pop();
    if (Array.isArray(f.v)) made.set(f.v, f.v.map(get));
    else made.set(f.v, new Map(Object.entries(f.v).map(([k, y]) => [k, get(y)] as [PyKey, PyValue])));
  }
  return made.get(root) as PyValue;
}

export function decodeSafetensors(bytes: Uint8Array, cfg: LoadConfig): Loaded {
  const readOptions: SafetensorsReadOptions = {};
  if (cfg.maxHeaderSize !== undefined) readOptions.maxHeaderSize = cfg.maxHeaderSize;
  if (cfg.maxTensors !== undefined) readOptions.maxTensors = cfg.maxTensors;
  const { tensors, metadata } = readSafetensors(bytes, readOptions);
  const raw = metadata?.get(SAFETENSORS_META_KEY);
  const top = new Map<PyKey, Loaded>();
  if (raw === undefined) {
    // A file from another tool: every tensor becomes a Tensor, in file order.
    for (const [k, a] of tensors) top.set(k, cfg.returnNumpy ? a : toTensor(a, null));
    return shapeTop(top, cfg);
  }
  const where = `paddle.load: __metadata__["${SAFETENSORS_META_KEY}"]`;
  // The iterative parser: nesting bounded by maxDepth (not by the JS stack), objects charged to a
  // budget of 16 × the string's length + 1 MiB, objects as Maps (the Python dicts they stand for).
  const limit = JSON_EXPANSION * raw.length + BUDGET_SLACK;
  const info = parseJson(raw, {
    maxDepth: cfg.maxDepth ?? DEFAULT_MAX_DEPTH,
    budget: new Budget(limit, (what) => {
      throw new ValueError(`${where} would take more than ${limit} bytes (16 × its length + 1 MiB) at ${what}.`);
    }),
    fail: (m) => {
      throw new ValueError(`${where} is not valid JSON: ${m}.`);
    },
  }) as { order?: unknown; names?: unknown; extra?: unknown } | null;
  if (
    typeof info !== 'object' || info === null || Array.isArray(info) ||
    !Array.isArray(info.order) || !info.order.every((k) => typeof k === 'string') ||
    typeof info.names !== 'object' || info.names === null ||
    typeof info.extra !== 'object' || info.extra === null
  ) {
    throw new ValueError(`${where} is malformed.`);
  }
  const order = info.order as string[];
  const names = new Map(Object.entries(info.names as Record<string, unknown>));
  const extra = new Map(Object.entries(info.extra as Record<string, unknown>));
  const inner = new FromPy(cfg, () => undefined);
  const table = new Map<PyKey, Loaded>();
  const keys = new Set(order);
  for (const k of tensors.keys()) keys.add(k);
  for (const k of keys) {
    if (top.has(k)) continue;
    const a = tensors.get(k);
    if (a !== undefined) {
      const name = names.get(k);
      if (typeof name === 'string') {
        top.set(k, cfg.returnNumpy ? a : toTensor(a, name));
        table.set(k, name);
      } else {
        top.set(k, a);
      }
    } else if (extra.has(k)) {
      top.set(k, inner.convert(jsonToPy(extra.get(k))));
    } else {
      throw new ValueError(`paddle.load: __metadata__["${SAFETENSORS_META_KEY}"] lists ${JSON.stringify(k)}, which the file does not hold.`);
    }
  }
  if (cfg.keepNameTable) top.set(NAME_TABLE_KEY, cfg.dictAs === 'map' ? table : Object.fromEntries(table) as Loaded);
  return shapeTop(top, cfg);
}

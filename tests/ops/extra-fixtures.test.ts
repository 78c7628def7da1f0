/**
 * The ops added for issue 12 against NumPy (float64 truth from scripts/make-ops-extra-fixtures.py),
 * each case run with float64 and with float32 inputs.
 */
import { describe, it } from 'vitest';
import * as ops from '../../src/ops/index.js';
import type { Tensor } from '../../src/tensor/tensor.js';
import { CASES, checkCase, type Runner } from './fixture-cases.js';

const n = (v: unknown): number => v as number;
const arr = (v: unknown): number[] => v as number[];
const opt = <T>(p: Record<string, unknown>): T => p as T;

export const OP_RUNNERS: Record<string, Runner> = {
  tanh: ({ x }) => ops.tanh(x as Tensor),
  sigmoid: ({ x }) => ops.sigmoid(x as Tensor),
  relu: ({ x }) => ops.relu(x as Tensor),
  rsqrt: ({ x }) => ops.rsqrt(x as Tensor),
  sin: ({ x }) => ops.sin(x as Tensor),
  cos: ({ x }) => ops.cos(x as Tensor),
  floor: ({ x }) => ops.floor(x as Tensor),
  round: ({ x }, p) => ops.round(x as Tensor, p),
  isnan: ({ x }) => ops.isnan(x as Tensor),
  isinf: ({ x }) => ops.isinf(x as Tensor),
  isfinite: ({ x }) => ops.isfinite(x as Tensor),
  greater_than: ({ x, y }) => ops.greater_than(x as Tensor, y as Tensor),
  greater_equal: ({ x, y }) => ops.greaterEqual(x as Tensor, y as Tensor),
  less_than: ({ x, y }) => ops.less_than(x as Tensor, y as Tensor),
  less_equal: ({ x, y }) => (x as Tensor).less_equal(y as Tensor),
  not_equal: ({ x, y }) => (x as Tensor).notEqual(y as Tensor),
  logical_and: ({ x, y }) => ops.logical_and(x as Tensor, y as Tensor),
  logical_or: ({ x, y }) => ops.logicalOr(x as Tensor, y as Tensor),
  logical_xor: ({ x, y }) => (x as Tensor).logical_xor(y as Tensor),
  logical_not: ({ x }) => ops.logical_not(x as Tensor),
  any: ({ x }, p) => ops.any(x as Tensor, opt(p)),
  all: ({ x }, p) => (x as Tensor).all(opt(p)),
  isclose: ({ x, y }, p) => ops.isclose(x as Tensor, y as Tensor, opt(p)),
  allclose: ({ x, y }, p) => ops.allclose(x as Tensor, y as Tensor, opt(p)),
  slice: ({ x }, p) => ops.slice(x as Tensor, arr(p.axes), arr(p.starts), arr(p.ends)),
  split: ({ x }, p) => ops.split(x as Tensor, p.num as number | number[], { axis: n(p.axis) }),
  chunk: ({ x }, p) => (x as Tensor).chunk(n(p.chunks), { axis: n(p.axis) }),
  expand: ({ x }, p) => ops.expand(x as Tensor, arr(p.shape)),
  broadcast_to: ({ x }, p) => ops.broadcast_to(x as Tensor, arr(p.shape)),
  tile: ({ x }, p) => ops.tile(x as Tensor, arr(p.repeat)),
  flip: ({ x }, p) => ops.flip(x as Tensor, arr(p.axis)),
  t: ({ x }) => ops.t(x as Tensor),
  T: ({ x }) => (x as Tensor).T,
  prod: ({ x }, p) => ops.prod(x as Tensor, opt(p)),
  var: ({ x }, p) => ops.var(x as Tensor, opt(p)),
  std: ({ x }, p) => (x as Tensor).std(opt(p)),
  logsumexp: ({ x }, p) => ops.logsumexp(x as Tensor, opt(p)),
  cumsum: ({ x }, p) => ops.cumsum(x as Tensor, opt(p)),
  sort: ({ x }, p) => ops.sort(x as Tensor, opt(p)),
  argsort: ({ x }, p) => ops.argsort(x as Tensor, opt(p)),
  topk: ({ x }, p) => {
    const { k, ...rest } = p;
    return ops.topk(x as Tensor, n(k), opt(rest));
  },
  masked_select: ({ x, mask }) => ops.masked_select(x as Tensor, mask as Tensor),
  gather_nd: ({ x, index }) => ops.gather_nd(x as Tensor, index as Tensor),
  scatter: ({ x, index, updates }, p) => ops.scatter(x as Tensor, index as Tensor, updates as Tensor, opt(p)),
  bmm: ({ x, y }) => ops.bmm(x as Tensor, y as Tensor),
  dot: ({ x, y }) => ops.dot(x as Tensor, y as Tensor),
  outer: ({ x, y }) => ops.outer(x as Tensor, y as Tensor),
};

/** Cases whose float32 run is not meaningful (differences below float32 resolution decide them). */
const F64_ONLY = new Set(['isclose', 'allclose']);

describe('ops against NumPy fixtures', () => {
  const mine = CASES.filter((c) => c.op in OP_RUNNERS);
  it('covers every op of the table', () => {
    const seen = new Set(mine.map((c) => c.op));
    for (const op of Object.keys(OP_RUNNERS)) if (!seen.has(op)) throw new Error(`no fixture for ${op}`);
  });
  for (const dtype of ['float64', 'float32'] as const) {
    for (const c of mine) {
      if (dtype === 'float32' && F64_ONLY.has(c.op)) continue;
      it(`${c.op} ${JSON.stringify(c.params)} (${dtype})`, () => checkCase(c, OP_RUNNERS[c.op] as Runner, dtype));
    }
  }
});

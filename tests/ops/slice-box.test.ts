/**
 * slice, split and chunk copy runs of the input (ops/slicing.ts gatherBox) instead of gathering
 * through an index map: checked against getitem with the same ranges, which still gathers through
 * the map (gatherByMap), on random shapes — values of every dtype, and gradients bit for bit with
 * an upstream gradient holding ±0 (a -0 comes back as +0 either way), float32 and float64.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as paddle from '../../src/index.js';
import type { Tensor } from '../../src/tensor/tensor.js';

type Box = { shape: number[]; ranges: [number, number][] };

/** A shape of rank 1–4 (dims 0–5) and a range [s, e) inside each axis. */
const boxes = fc
  .array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 4 })
  .chain((shape) =>
    fc
      .tuple(...shape.map((d) => fc.tuple(fc.integer({ min: 0, max: d }), fc.integer({ min: 0, max: d }))))
      .map((pairs): Box => ({ shape, ranges: pairs.map(([a, b]) => [Math.min(a, b), Math.max(a, b)]) })),
  );

function values(n: number, seed: number, signedZeros: boolean): number[] {
  const out: number[] = [];
  let a = seed >>> 0;
  for (let i = 0; i < n; i++) {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    const v = a / 2 ** 31 - 1;
    out.push(signedZeros && i % 3 === 0 ? (i % 2 === 0 ? -0 : 0) : v);
  }
  return out;
}

/** The input gradient and output of `pick(x)` for the upstream gradient `up`. */
function run(shape: number[], dtype: 'float32' | 'float64', pick: (x: Tensor) => Tensor, up: number[], seed: number): { out: number[]; grad: number[] } {
  const n = shape.reduce((p, d) => p * d, 1);
  const arr = (v: number[]): Float32Array | Float64Array => (dtype === 'float32' ? Float32Array.from(v) : Float64Array.from(v));
  const xl = paddle.Tensor.fromArray(arr(values(n, seed, false)), shape, dtype);
  xl.stopGradient = false;
  const y = pick(xl);
  y.backward(paddle.Tensor.fromArray(arr(up.slice(0, y.numel)), y.shape, dtype));
  return { out: Array.from(y.data as Float32Array | Float64Array), grad: Array.from((xl.grad as Tensor).data as Float32Array | Float64Array) };
}

const same = (a: number[], b: number[]): boolean => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

describe('slice and split copy runs: the same values and gradients as the index-map gather', () => {
  it('slice over random boxes, float32 and float64, ±0 in the upstream gradient', () => {
    fc.assert(
      fc.property(boxes, fc.integer({ min: 1, max: 1000 }), ({ shape, ranges }, seed) => {
        const index = ranges.map(([s, e]) => `${s}:${e}`).join(', ');
        const up = values(shape.reduce((p, d) => p * d, 1), seed + 1, true);
        for (const dtype of ['float32', 'float64'] as const) {
          const box = run(shape, dtype, (x) => paddle.slice(x, shape.map((_, i) => i), ranges.map((r) => r[0]), ranges.map((r) => r[1])), up, seed);
          const map = run(shape, dtype, (x) => paddle.getitem(x, index), up, seed);
          if (!same(box.out, map.out) || !same(box.grad, map.grad)) return false;
          // a -0 upstream gradient comes back as +0 (the scatter adds into zeros)
          if (box.grad.some((v) => Object.is(v, -0))) return false;
        }
        return true;
      }),
      { numRuns: 200, seed: 20261201 },
    );
  });

  it('slice keeps integer and bool values (no gradient)', () => {
    const x = paddle.arange(0, 60, 1, { dtype: 'int64' }).reshape([3, 4, 5]);
    expect(Array.from(paddle.slice(x, [1, 2], [1, 2], [3, 4]).data)).toEqual(Array.from(paddle.getitem(x, ':, 1:3, 2:4').data));
    const b = paddle.greaterThan(x, paddle.toTensor(29, { dtype: 'int64' }));
    expect(Array.from(paddle.slice(b, [0], [1], [3]).data)).toEqual(Array.from(paddle.getitem(b, '1:3').data));
  });

  it('split and chunk along every axis into 1–6 pieces: values and the summed gradient (pieces add into one array)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 4 }),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 1000 }),
        (shape, axisSeed, pieceSeed, seed) => {
          const axis = axisSeed % shape.length;
          const dim = shape[axis] as number;
          const p = 1 + (pieceSeed % dim);
          // p sections of sizes ⌊dim/p⌋ or one more
          const sections = Array.from({ length: p }, (_, i) => Math.floor((dim * (i + 1)) / p) - Math.floor((dim * i) / p));
          const bounds = sections.map((_, i) => sections.slice(0, i).reduce((a, b) => a + b, 0));
          const up = values(shape.reduce((q, d) => q * d, 1), seed + 7, true);
          const index = (s: number, e: number): string => shape.map((_, i) => (i === axis ? `${s}:${e}` : ':')).join(', ');
          for (const dtype of ['float32', 'float64'] as const) {
            // each piece weighted by its own factor (3 + i) so every gradient piece differs, then joined
            const viaSplit = run(shape, dtype, (x) => paddle.concat(paddle.split(x, sections, axis).map((t, i) => paddle.multiply(t, 3 + i)), axis), up, seed);
            const viaMap = run(shape, dtype, (x) => paddle.concat(sections.map((n, i) => paddle.multiply(paddle.getitem(x, index(bounds[i]!, bounds[i]! + n)), 3 + i)), axis), up, seed);
            if (!same(viaSplit.out, viaMap.out) || !same(viaSplit.grad, viaMap.grad)) return false;
            // the same through a non-leaf used by every piece and once more whole (a sum of runs and a dense gradient)
            const twice = (pick: (x: Tensor) => Tensor[]) => run(shape, dtype, (x) => {
              const h = paddle.multiply(x, 1);
              return paddle.concat([...pick(h).map((t, i) => paddle.multiply(t, 3 + i)), h], axis);
            }, [...up, ...up.map((v) => -v)], seed);
            const a = twice((h) => paddle.split(h, sections, axis));
            const b = twice((h) => sections.map((n, i) => paddle.getitem(h, index(bounds[i]!, bounds[i]! + n))));
            if (!same(a.out, b.out) || !same(a.grad, b.grad)) return false;
          }
          const x = paddle.Tensor.fromArray(Float32Array.from(values(shape.reduce((q, d) => q * d, 1), seed, false)), shape, 'float32');
          const pieces = paddle.chunk(x, 1, axis);
          return pieces.length === 1 && same(Array.from(pieces[0]!.data as Float32Array), Array.from(x.data as Float32Array));
        },
      ),
      { numRuns: 100, seed: 20261202 },
    );
  });
});

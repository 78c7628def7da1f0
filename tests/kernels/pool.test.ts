/**
 * Max pooling of the kernel contract (`KernelBackend.maxPool`, `MaxPoolCall` in
 * src/kernels/types.ts; reference src/kernels/ref/pool.ts, WebAssembly assembly/pool.ts): every
 * backend gives the plain loop's values and indices bit for bit, with NaN (never wins), ties (the
 * first in row-major order wins), −Infinity and −FLT_MAX (nothing beats −FLT_MAX: index −1), empty
 * windows, NCHW and NHWC, inputs inside and outside the heap; bad calls throw before writing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createWasmBackend, refBackend, type KernelBackend, type MaxPoolCall, type WasmBackend } from '../../src/kernels/index.js';
import { rng } from '../helpers/rng.js';

const NEG_FLT_MAX = -3.4028234663852886e38;

function bounds(out: number, size: number, k: number, s: number, pad: number): Int32Array {
  const b = new Int32Array(2 * out);
  for (let o = 0; o < out; o++) {
    b[2 * o] = Math.max(o * s - pad, 0);
    b[2 * o + 1] = Math.min(o * s - pad + k, size);
  }
  return b;
}

/** The contract, written as plainly as possible. */
function plain(call: MaxPoolCall<Float32Array | Float64Array>): { out: number[]; arg: number[] } {
  const { n, c, h, w, oh, ow, channelsLast: last } = call;
  const out = new Array<number>(n * c * oh * ow);
  const arg = new Array<number>(n * c * oh * ow);
  const at = (b: number, ch: number, y: number, x: number, H: number, W: number): number => (last ? ((b * H + y) * W + x) * c + ch : ((b * c + ch) * H + y) * W + x);
  for (let b = 0; b < n; b++) {
    for (let ch = 0; ch < c; ch++) {
      for (let i = 0; i < oh; i++) {
        for (let j = 0; j < ow; j++) {
          let best = NEG_FLT_MAX;
          let idx = -1;
          for (let y = call.rows[2 * i]!; y < call.rows[2 * i + 1]!; y++) {
            for (let x = call.cols[2 * j]!; x < call.cols[2 * j + 1]!; x++) {
              const e = at(b, ch, y, x, h, w);
              if (call.x[e]! > best) {
                best = call.x[e]!;
                idx = e;
              }
            }
          }
          out[at(b, ch, i, j, oh, ow)] = best;
          arg[at(b, ch, i, j, oh, ow)] = idx;
        }
      }
    }
  }
  return { out, arg };
}

const backends: WasmBackend[] = [];
afterAll(async () => {
  for (const b of backends) await b.dispose();
});
function allBackends(): [string, KernelBackend & Partial<WasmBackend>][] {
  const list: [string, KernelBackend & Partial<WasmBackend>][] = [['ref', refBackend]];
  for (const shared of typeof SharedArrayBuffer === 'function' ? [false, true] : [false]) {
    const b = createWasmBackend({ shared, initialPages: 1 });
    backends.push(b);
    list.push([`wasm (${shared ? 'shared' : 'ordinary'} memory)`, b]);
  }
  return list;
}

describe('maxPool: the contract on every backend', () => {
  const list = allBackends();
  const cases: [string, number, number, number, number, number, number, number, boolean][] = [
    // name, n, c, h, w, k, s, pad, channelsLast
    ['2×2 stride 2 (the demo)', 3, 4, 28, 28, 2, 2, 0, false],
    ['3×3 stride 2 pad 1', 2, 3, 9, 7, 3, 2, 1, false],
    ['NHWC 3×3 stride 1 pad 1', 2, 5, 6, 5, 3, 1, 1, true],
    ['window in the padding only (ceil mode)', 1, 2, 3, 3, 2, 2, 0, false],
  ];
  for (const [name, n, c, h, w, k, s, pad, last] of cases) {
    it(name, () => {
      const r = rng(h * 31 + w);
      const oh = Math.ceil((h + 2 * pad - k) / s) + 1;
      const ow = Math.ceil((w + 2 * pad - k) / s) + 1;
      const x = new Float32Array(n * c * h * w);
      for (let i = 0; i < x.length; i++) {
        const u = r();
        // ties, NaN, −Infinity, −FLT_MAX and ordinary values
        x[i] = u < 0.05 ? Number.NaN : u < 0.1 ? -Infinity : u < 0.15 ? NEG_FLT_MAX : u < 0.4 ? Math.round(u * 4) : Math.fround(u - 0.5);
      }
      const call = { x, out: new Float32Array(n * c * oh * ow), arg: new Int32Array(n * c * oh * ow), n, c, h, w, oh, ow, channelsLast: last, rows: bounds(oh, h, k, s, pad), cols: bounds(ow, w, k, s, pad) };
      const want = plain(call);
      expect(want.arg.some((a) => a === -1) || name !== 'window in the padding only (ceil mode)').toBe(true);
      for (const [bname, be] of list) {
        for (const inHeap of be.heap === undefined ? [false] : [false, true]) {
          const xs = inHeap ? be.heap!.alloc('float32', x.length).array() : x;
          if (inHeap) xs.set(x);
          const out = new Float32Array(call.out.length).fill(7);
          const arg = new Int32Array(call.arg.length).fill(7);
          be.maxPool('float32', { ...call, x: xs, out, arg });
          for (let o = 0; o < out.length; o++) {
            if (!Object.is(out[o], want.out[o]) || arg[o] !== want.arg[o]) {
              expect.fail(`${bname}${inHeap ? ' (heap)' : ''} output ${o}: ${out[o]}@${arg[o]} vs ${want.out[o]}@${want.arg[o]}`);
            }
          }
          // float64 runs the same loop
          const out64 = new Float64Array(out.length);
          be.maxPool('float64', { ...call, x: Float64Array.from(x), out: out64, arg });
          expect(Array.from(arg)).toEqual(want.arg);
        }
      }
    });
  }

  it('bad calls throw before writing', () => {
    const x = new Float32Array(16);
    const base = { x, out: new Float32Array(4).fill(3), arg: new Int32Array(4), n: 1, c: 1, h: 4, w: 4, oh: 2, ow: 2, channelsLast: false, rows: bounds(2, 4, 2, 2, 0), cols: bounds(2, 4, 2, 2, 0) };
    const bad: [MaxPoolCall<Float32Array>, RegExp][] = [
      [{ ...base, h: 5 }, /x needs 20 elements/],
      [{ ...base, rows: Int32Array.from([0, 2, 2, 5]) }, /leaves the image/],
      [{ ...base, cols: new Int32Array(2) }, /needs 4 bounds/],
      [{ ...base, oh: 3 }, /out and arg need 6/],
      [{ ...base, arg: new Float32Array(4) as unknown as Int32Array }, /'arg' must be an Int32Array/],
    ];
    for (const [bname, be] of list) {
      for (const [call, message] of bad) {
        expect(() => be.maxPool('float32', call), bname).toThrow(message);
        expect(Array.from(base.out)).toEqual([3, 3, 3, 3]);
      }
    }
  });
});

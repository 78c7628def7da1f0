/**
 * The kernel contract's ReLU pair (`relu`, `reluGrad`): the WebAssembly kernels (assembly/relu.ts,
 * f32x4 over the bits) against the reference loops (src/kernels/ref/relu.ts) bit for bit, on the
 * values where the two could part (±0, ±∞, NaNs with payloads and signs, subnormals, the largest
 * floats), every tail length around the 4-lane groups and the size below which the module is not
 * called, heap views in place and ordinary arrays copied, in place (out = x, gx = g), and the
 * arguments checked before anything is written. Then the op: paddle.nn.functional.relu forward and
 * backward give the same bits on both backends.
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as paddle from '../../src/index.js';
import { refBackend, useBackend, type WasmBackend } from '../../src/kernels/index.js';
import { productTestSetup, rng } from './helpers.js';

const wasm = productTestSetup();

const SPECIAL_BITS = [0x00000000, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000, 0x7f800001, 0xff812345, 0x00000001, 0x80000001, 0x007fffff, 0x807fffff, 0x7f7fffff, 0xff7fffff, 0x3f800000, 0xbf800000];

/** n float32 values: the special ones spread through seeded random ones of both signs. */
function values(n: number, r: () => number): Float32Array {
  const out = new Float32Array(n);
  const bits = new Uint32Array(out.buffer);
  for (let i = 0; i < n; i++) {
    const u = r();
    if (u < 0.2) bits[i] = SPECIAL_BITS[Math.floor(r() * SPECIAL_BITS.length)]!;
    else out[i] = Math.fround((r() - 0.5) * 8);
  }
  return out;
}

function expectBits(got: Float32Array, want: Float32Array, what: string): void {
  const g = new Uint32Array(got.buffer, got.byteOffset, got.length);
  const w = new Uint32Array(want.buffer, want.byteOffset, want.length);
  for (let i = 0; i < g.length; i++) {
    // a NaN's payload may differ where the result is computed (g·0), never whether it is NaN
    if (Number.isNaN(got[i]) && Number.isNaN(want[i])) continue;
    if (g[i] !== w[i]) expect.fail(`${what}, element ${i}: 0x${g[i]!.toString(16)} vs 0x${w[i]!.toString(16)}`);
  }
}

const LENGTHS = [1024, 1025, 1026, 1027, 1028, 4099, 16384, 100_003];

describe('kernel relu / reluGrad: the module gives the reference bits', () => {
  for (const shared of [false, true]) {
    it(`${shared ? 'shared' : 'ordinary'} memory: copied arrays, every tail, special values`, () => {
      const be = wasm(shared);
      const r = rng(shared ? 71 : 70);
      for (const n of LENGTHS) {
        const x = values(n, r);
        const g = values(n, r);
        const want = new Float32Array(n);
        refBackend.relu('float32', x, want);
        const got = new Float32Array(n);
        const calls = be.stats.elementwiseCalls;
        be.relu('float32', x, got);
        expect(be.stats.elementwiseCalls).toBe(calls + 1);
        expectBits(got, want, `relu n=${n}`);
        // the gradient against an output with every kind of value (not only relu's)
        const o = values(n, r);
        const gWant = new Float32Array(n);
        refBackend.reluGrad('float32', o, g, gWant);
        const gGot = new Float32Array(n);
        be.reluGrad('float32', o, g, gGot);
        expectBits(gGot, gWant, `reluGrad n=${n}`);
      }
    });
  }

  it('heap views are read and written in place; out = x and gx = g work; no heap block in steady state', () => {
    const be = wasm(true);
    const r = rng(72);
    const n = 5003;
    const x = values(n, r);
    const g = values(n, r);
    const want = new Float32Array(n);
    refBackend.relu('float32', x, want);
    const gWant = new Float32Array(n);
    refBackend.reluGrad('float32', want, g, gWant);
    const hx = be.heap.alloc('float32', n);
    const hg = be.heap.alloc('float32', n);
    hx.array().set(x);
    hg.array().set(g);
    be.relu('float32', hx.array(), hx.array());
    expectBits(hx.array(), want, 'relu in place in the heap');
    be.reluGrad('float32', hx.array(), hg.array(), hg.array());
    expectBits(hg.array(), gWant, 'reluGrad in place in the heap');
    const y = x.slice();
    be.relu('float32', y, y);
    expectBits(y, want, 'relu in place, copied');
    const before = { ...be.heap.stats };
    for (let i = 0; i < 3; i++) be.relu('float32', x, new Float32Array(n));
    expect(be.heap.stats.allocations).toBe(before.allocations);
    hx.dispose();
    hg.dispose();
  });

  it('float64 and short arrays take the reference loop (same bits); bad arguments change nothing', () => {
    const be = wasm(false);
    const r = rng(73);
    const x64 = Float64Array.from(values(2000, r));
    x64[3] = -0;
    const a = new Float64Array(2000);
    const b = new Float64Array(2000);
    refBackend.relu('float64', x64, a);
    be.relu('float64', x64, b);
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(Object.is(b[3], 0)).toBe(true);
    const calls = be.stats.elementwiseCalls;
    const short = values(100, r);
    const s = new Float32Array(100);
    be.relu('float32', short, s);
    expect(be.stats.elementwiseCalls).toBe(calls);
    const w = new Float32Array(100);
    refBackend.relu('float32', short, w);
    expectBits(s, w, 'short');
    for (const backend of [be, refBackend]) {
      const out = new Float32Array(2000).fill(7);
      expect(() => backend.relu('float32', new Float32Array(2001), out)).toThrow(/one length/);
      expect(() => backend.relu('float32', new Float64Array(2000) as unknown as Float32Array, out)).toThrow(/must be a Float32Array/);
      expect(() => backend.reluGrad('float32', new Float32Array(2000), new Float32Array(2000), new Float32Array(3))).toThrow(/one length/);
      expect(() => backend.relu('float16' as 'float32', out, out)).toThrow(/dtype/);
      expect(out.every((v) => v === 7)).toBe(true);
    }
  });
});

describe('paddle.nn.functional.relu on each backend', () => {
  afterAll(() => void useBackend('auto'));

  function run(backend: 'ref' | 'wasm', x: Float32Array, g: Float32Array): Float32Array[] {
    useBackend(backend);
    const t = paddle.Tensor.fromArray(x.slice(), [64, x.length / 64], 'float32');
    t.stopGradient = false;
    const y = paddle.nn.functional.relu(t);
    paddle.sum(paddle.multiply(y, paddle.Tensor.fromArray(g.slice(), [64, x.length / 64], 'float32'))).backward();
    return [y.data as Float32Array, (t.grad as paddle.Tensor).data as Float32Array];
  }

  it('forward and backward: the same bits (the demo\'s 64 × 256 activations)', () => {
    const r = rng(74);
    const x = values(64 * 256, r);
    const g = Float32Array.from({ length: x.length }, () => Math.fround(r() - 0.5));
    const [y0, gx0] = run('ref', x, g);
    const be = useBackend('wasm') as WasmBackend;
    const calls = be.stats.elementwiseCalls;
    const [y1, gx1] = run('wasm', x, g);
    expect(be.stats.elementwiseCalls).toBe(calls + 2);
    expectBits(y1!, y0!, 'relu output');
    expectBits(gx1!, gx0!, 'relu gradient');
  });
});

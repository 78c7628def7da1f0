/**
 * The kernel contract's exp and sigmoid: the WebAssembly kernels (assembly/exp.ts: fdlibm's exp,
 * the function behind V8's Math.exp, then float32 steps) against the reference loops
 * (src/kernels/ref/exp.ts, Math.exp) bit for bit — NaN payloads included — on a sweep of
 * float32 bit patterns, the edges of every branch of fdlibm's exp (|x| around 2^-28, ½·ln 2,
 * 1½·ln 2, x = ±1, the overflow and underflow thresholds, the largest k, subnormal results),
 * ±0, ±∞, NaNs, subnormals; heap views in place and ordinary arrays copied, out = x, and the
 * arguments checked before anything is written. Then the ops: paddle.nn.functional.sigmoid and
 * paddle.exp forward and backward on both backends.
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as paddle from '../../src/index.js';
import { refBackend, useBackend } from '../../src/kernels/index.js';
import { productTestSetup } from './helpers.js';

const wasm = productTestSetup();

/** Float32 values at and around the branch points of fdlibm's exp, for e^(−x) (both signs). */
function edges(): Float32Array {
  const points = [
    0, 2 ** -28, 0.5 * Math.LN2, 1.5 * Math.LN2, 1, 2, 20, 87.3, 88.7, 89, 103.9, 104, 150, 700, 709.08, 709.5, 709.78, 709.79, 745.13, 745.14, 1e4, 3.4e38,
  ];
  const out: number[] = [];
  const f = new Float32Array(1);
  const u = new Uint32Array(f.buffer);
  for (const p of points) {
    for (const s of [1, -1]) {
      f[0] = s * p;
      const b = u[0]!;
      // the float32 at the point and its 8 neighbours on each side
      for (let d = -8; d <= 8; d++) {
        u[0] = (b + d) >>> 0;
        out.push(f[0]!);
      }
    }
  }
  return Float32Array.from(out);
}

const SPECIAL_BITS = [0x00000000, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000, 0x7f800001, 0xff812345, 0x7fa00001, 0x00000001, 0x80000001, 0x007fffff, 0x807fffff, 0x7f7fffff, 0xff7fffff];

/**
 * Every `stride`-th float32 bit pattern (NaNs and infinities included; mostly huge or tiny values,
 * fdlibm's branches), 200,000 activation-like values (normal × 4 and uniform in ±30: the
 * four-lane path, with now and then a zero among them sending a group to the branches), then the
 * edges and the special values.
 */
function sweep(stride: number, seed: number): Float32Array {
  const n = Math.floor(2 ** 32 / stride);
  const m = 200_000;
  const e = edges();
  const out = new Float32Array(n + m + e.length + SPECIAL_BITS.length);
  const bits = new Uint32Array(out.buffer);
  for (let i = 0; i < n; i++) bits[i] = (i * stride) >>> 0;
  let s = seed;
  const rnd = (): number => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
  for (let i = 0; i < m; i++) {
    const u = rnd();
    out[n + i] = i % 997 === 0 ? 0 : i % 2 === 0 ? Math.sqrt(-2 * Math.log(u + 1e-300)) * Math.cos(2 * Math.PI * rnd()) * 4 : (u - 0.5) * 60;
  }
  out.set(e, n + m);
  bits.set(SPECIAL_BITS, n + m + e.length);
  return out;
}

function expectBits(got: Float32Array, want: Float32Array, x: Float32Array, what: string): void {
  const g = new Uint32Array(got.buffer, got.byteOffset, got.length);
  const w = new Uint32Array(want.buffer, want.byteOffset, want.length);
  for (let i = 0; i < g.length; i++) {
    if (g[i] !== w[i]) expect.fail(`${what}(${x[i]}): 0x${g[i]!.toString(16)} vs 0x${w[i]!.toString(16)}`);
  }
}

describe('kernel exp and sigmoid: the module gives the reference bits', () => {
  for (const kernel of ['exp', 'sigmoid'] as const) {
    for (const shared of [false, true]) {
      it(`${kernel}, ${shared ? 'shared' : 'ordinary'} memory: a sweep of float32 bit patterns and the edges of fdlibm's exp, copied and in place`, () => {
        const be = wasm(shared);
        const x = sweep(shared ? 65_537 : 65_521, shared ? 12 : 11);
        const want = new Float32Array(x.length);
        refBackend[kernel]('float32', x, want);
        const got = new Float32Array(x.length);
        const calls = be.stats.elementwiseCalls;
        be[kernel]('float32', x, got);
        expect(be.stats.elementwiseCalls).toBe(calls + 1);
        expectBits(got, want, x, `${kernel} copied`);
        // heap views, in place (out = x)
        const h = be.heap.alloc('float32', x.length);
        h.array().set(x);
        be[kernel]('float32', h.array() as Float32Array, h.array() as Float32Array);
        expect(be.stats.elementwiseCalls).toBe(calls + 2);
        expectBits(h.array() as Float32Array, want, x, `${kernel} heap, in place`);
        h.dispose();
      });
    }
  }

  it('float64 and short arrays take the reference loop; bad arguments write nothing', () => {
    const be = wasm(true);
    const calls = be.stats.elementwiseCalls;
    const x64 = Float64Array.from([-800, -1, 0, 1, 800, Number.NaN]);
    const o64 = new Float64Array(6);
    be.sigmoid('float64', x64, o64);
    expect(Array.from(o64)).toEqual(Array.from(x64, (v) => 1 / (1 + Math.exp(-v))));
    be.exp('float64', x64, o64);
    expect(Array.from(o64)).toEqual(Array.from(x64, (v) => Math.exp(v)));
    const x = edges().subarray(0, 100);
    const o = new Float32Array(100);
    be.sigmoid('float32', x, o);
    const w = new Float32Array(100);
    refBackend.sigmoid('float32', x, w);
    expectBits(o, w, x, 'short');
    expect(be.stats.elementwiseCalls).toBe(calls);
    const out = new Float32Array(4).fill(7);
    expect(() => be.sigmoid('float32', new Float32Array(5), out)).toThrow(paddle.errors.ValueError);
    expect(() => be.sigmoid('float32', new Float64Array(4), out)).toThrow(paddle.errors.TypeError);
    expect(Array.from(out)).toEqual([7, 7, 7, 7]);
  });
});

describe('paddle.nn.functional.sigmoid and paddle.exp: the same bits on both backends', () => {
  afterAll(() => void useBackend('auto'));

  function run(backend: 'ref' | 'wasm', op: (t: paddle.Tensor) => paddle.Tensor, x: Float32Array): { y: Float32Array; gx: Float32Array } {
    useBackend(backend);
    const t = paddle.Tensor.fromArray(x.slice(), [x.length], 'float32');
    t.stopGradient = false;
    const y = op(t);
    paddle.sum(paddle.multiply(y, y)).backward();
    return { y: (y.data as Float32Array).slice(), gx: ((t.grad as paddle.Tensor).data as Float32Array).slice() };
  }

  for (const [name, op] of [['sigmoid', (t: paddle.Tensor) => paddle.nn.functional.sigmoid(t)], ['exp', (t: paddle.Tensor) => paddle.exp(t)]] as const) {
    it(`${name}: forward and backward over edges and random values`, () => {
      const e = edges().filter((v) => Number.isFinite(v) && Math.abs(v) < 80);
      const x = new Float32Array(4096);
      let s = 9;
      for (let i = 0; i < x.length; i++) {
        s = (Math.imul(s, 1103515245) + 12345) >>> 0;
        x[i] = i < e.length ? e[i]! : (s / 2 ** 32 - 0.5) * 40;
      }
      const a = run('ref', op, x);
      const b = run('wasm', op, x);
      expectBits(b.y, a.y, x, `${name} forward`);
      expectBits(b.gx, a.gx, x, `${name} backward`);
    });
  }
});

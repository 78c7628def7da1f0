/**
 * Convolution's patch operands of the matrix product (`GemmCall.aPatches` / `bPatches` /
 * `cPatches`, src/kernels/types.ts; reference src/kernels/ref/patches.ts, WebAssembly
 * src/kernels/wasm/assembly/patches.ts):
 *
 * - the patch matrix equals its definition (an independent naive im2col written here from the
 *   `PatchGeometry` documentation), over strides, dilations, padding, groups, NCHW and NHWC;
 * - every backend gives the bits of the plain product over the materialised matrix (A and B as
 *   patches), and col2im sums in float64 in row order rounded once (C as patches), with the image
 *   inside or outside the heap, at 1, 2 and 3 threads;
 * - bad geometries or dimensions throw before anything is written.
 */
import { describe, expect, it } from 'vitest';
import {
  configureThreads,
  refBackend,
  setNumThreads,
  threadsSupported,
  type GemmCall,
  type KernelBackend,
  type PatchGeometry,
  type WasmBackend,
} from '../../src/kernels/index.js';
import { imageToRows, patchImageLength, patchRowsLength } from '../../src/kernels/ref/patches.js';
import { rng as uniform01 } from '../helpers/rng.js';
import { productTestSetup } from './helpers.js';

function rand(n: number, seed: number): Float32Array {
  const u = uniform01(seed);
  return Float32Array.from({ length: n }, () => Math.fround(u() * 2 - 1));
}

function expectBits(got: ArrayLike<number>, want: ArrayLike<number>, what: string): void {
  expect(got.length, what).toBe(want.length);
  for (let e = 0; e < want.length; e++) {
    if (!Object.is(got[e], want[e])) expect.fail(`${what}, element ${e}: ${got[e]} vs ${want[e]}`);
  }
}

/** A geometry with the output grid PyTorch/Paddle's formula gives for padding (pt, pb, pl, pr). */
function geometry(n: number, c: number, h: number, w: number, k: [number, number], s: [number, number], d: [number, number], pad: [number, number, number, number], groups: number, channelsLast: boolean): PatchGeometry {
  const oh = Math.floor((h + pad[0] + pad[1] - d[0] * (k[0] - 1) - 1) / s[0]) + 1;
  const ow = Math.floor((w + pad[2] + pad[3] - d[1] * (k[1] - 1) - 1) / s[1]) + 1;
  return { n, c, h, w, kh: k[0], kw: k[1], sh: s[0], sw: s[1], dh: d[0], dw: d[1], pt: pad[0], pl: pad[2], oh, ow, groups, channelsLast };
}

const GEOMETRIES: [string, PatchGeometry][] = [
  ['demo conv1 (1→, 5×5, pad 2)', geometry(3, 1, 28, 28, [5, 5], [1, 1], [1, 1], [2, 2, 2, 2], 1, false)],
  ['demo conv2 (16→, 5×5, no pad)', geometry(2, 16, 14, 14, [5, 5], [1, 1], [1, 1], [0, 0, 0, 0], 1, false)],
  ['stride 2, dilation 2, uneven padding', geometry(2, 3, 9, 11, [3, 2], [2, 3], [2, 1], [1, 2, 0, 3], 1, false)],
  ['groups 3, NHWC', geometry(2, 6, 7, 5, [3, 3], [1, 2], [1, 1], [1, 1, 2, 0], 3, true)],
  ['depthwise (groups = channels), 1×1 output columns', geometry(1, 4, 5, 3, [3, 3], [1, 1], [1, 1], [1, 1, 0, 0], 4, false)],
  ['window larger than the image (padding only)', geometry(1, 2, 2, 2, [5, 5], [1, 1], [1, 1], [2, 2, 2, 2], 1, true)],
];

/** The definition in types.ts, as plainly as possible. */
function naiveRows(g: PatchGeometry, x: Float32Array): Float32Array {
  const P = g.n * g.oh * g.ow;
  const cg = g.c / g.groups;
  const kg = cg * g.kh * g.kw;
  const out = new Float32Array(g.groups * P * kg);
  const at = (n: number, c: number, y: number, z: number): number =>
    g.channelsLast ? ((n * g.h + y) * g.w + z) * g.c + c : ((n * g.c + c) * g.h + y) * g.w + z;
  for (let q = 0; q < g.groups; q++) {
    for (let n = 0; n < g.n; n++) {
      for (let oh = 0; oh < g.oh; oh++) {
        for (let ow = 0; ow < g.ow; ow++) {
          const p = (n * g.oh + oh) * g.ow + ow;
          for (let cc = 0; cc < cg; cc++) {
            for (let i = 0; i < g.kh; i++) {
              for (let j = 0; j < g.kw; j++) {
                const y = oh * g.sh - g.pt + i * g.dh;
                const z = ow * g.sw - g.pl + j * g.dw;
                const inside = y >= 0 && y < g.h && z >= 0 && z < g.w;
                out[(q * P + p) * kg + (cc * g.kh + i) * g.kw + j] = inside ? x[at(n, q * cg + cc, y, z)]! : 0;
              }
            }
          }
        }
      }
    }
  }
  return out;
}

/** col2im as plainly as possible: float64 sums in row order, rounded once. */
function naiveImage(g: PatchGeometry, rows: Float32Array): Float32Array {
  const P = g.n * g.oh * g.ow;
  const cg = g.c / g.groups;
  const kg = cg * g.kh * g.kw;
  const acc = new Float64Array(patchImageLength(g));
  const at = (n: number, c: number, y: number, z: number): number =>
    g.channelsLast ? ((n * g.h + y) * g.w + z) * g.c + c : ((n * g.c + c) * g.h + y) * g.w + z;
  for (let n = 0; n < g.n; n++) {
    for (let oh = 0; oh < g.oh; oh++) {
      for (let ow = 0; ow < g.ow; ow++) {
        const p = (n * g.oh + oh) * g.ow + ow;
        for (let c = 0; c < g.c; c++) {
          const q = Math.floor(c / cg);
          const cc = c - q * cg;
          for (let i = 0; i < g.kh; i++) {
            for (let j = 0; j < g.kw; j++) {
              const y = oh * g.sh - g.pt + i * g.dh;
              const z = ow * g.sw - g.pl + j * g.dw;
              if (y < 0 || y >= g.h || z < 0 || z >= g.w) continue;
              acc[at(n, c, y, z)] += rows[(q * P + p) * kg + (cc * g.kh + i) * g.kw + j]!;
            }
          }
        }
      }
    }
  }
  return Float32Array.from(acc);
}

const wasm = productTestSetup();
const canShare = typeof SharedArrayBuffer === 'function';
function allBackends(): [string, KernelBackend & Partial<WasmBackend>][] {
  const list: [string, KernelBackend & Partial<WasmBackend>][] = [['ref', refBackend]];
  for (const shared of canShare ? [false, true] : [false]) list.push([`wasm (${shared ? 'shared' : 'ordinary'} memory)`, wasm(shared)]);
  return list;
}

/** The three patch products of a convolution with `o` output channels over geometry g. */
function convCalls(g: PatchGeometry, o: number, seed: number): { fwd: GemmCall<Float32Array>; dw: GemmCall<Float32Array>; dx: GemmCall<Float32Array>; rows: Float32Array } {
  const P = g.n * g.oh * g.ow;
  const kg = (g.c / g.groups) * g.kh * g.kw;
  const og = o / g.groups;
  const x = rand(patchImageLength(g), seed);
  const w = rand(g.groups * og * kg, seed + 1);
  const gy = rand(g.groups * P * og, seed + 2);
  const rows = naiveRows(g, x);
  return {
    rows,
    // y[q] = rows[q] · w[q]ᵀ
    fwd: { a: x, b: w, c: new Float32Array(g.groups * P * og), m: P, n: og, k: kg, transB: true, batch: g.groups, strideB: og * kg, aPatches: g },
    // dw[q] = gy[q]ᵀ · rows[q]
    dw: { a: gy, b: x, c: new Float32Array(g.groups * og * kg), m: og, n: kg, k: P, transA: true, batch: g.groups, strideA: P * og, strideC: og * kg, bPatches: g },
    // dx = col2im(gy[q] · w[q])
    dx: { a: gy, b: w, c: new Float32Array(patchImageLength(g)).fill(Number.NaN), m: P, n: kg, k: og, batch: g.groups, strideA: P * og, strideB: og * kg, cPatches: g },
  };
}

/** The plain products over the materialised patch matrix, on the reference. */
function plainResults(call: ReturnType<typeof convCalls>, g: PatchGeometry): { fwd: Float32Array; dw: Float32Array; dx: Float32Array } {
  const { rows } = call;
  const fwd = new Float32Array(call.fwd.c.length);
  refBackend.gemm('float32', { ...call.fwd, a: rows, aPatches: null, c: fwd });
  const dw = new Float32Array(call.dw.c.length);
  refBackend.gemm('float32', { ...call.dw, b: rows, bPatches: null, c: dw });
  const dRows = new Float32Array(rows.length);
  refBackend.gemm('float32', { ...call.dx, cPatches: null, c: dRows });
  return { fwd, dw, dx: naiveImage(g, dRows) };
}

describe('patch operands of gemm (convolution)', () => {
  it('the reference patch matrix is the definition (strides, dilation, padding, groups, NHWC)', () => {
    GEOMETRIES.forEach(([name, g], i) => {
      const x = rand(patchImageLength(g), 100 + i);
      const rows = new Float32Array(patchRowsLength(g));
      imageToRows(g, x, rows);
      expectBits(rows, naiveRows(g, x), name);
    });
  });

  const list = allBackends();
  it('every backend: A and B as patches = the plain product over the patch matrix; C as patches = col2im in float64', () => {
    GEOMETRIES.forEach(([name, g], i) => {
      const o = 2 * g.groups;
      const call = convCalls(g, o, 200 + 10 * i);
      const want = plainResults(call, g);
      for (const [bname, be] of list) {
        const fwd = new Float32Array(call.fwd.c.length).fill(Number.NaN);
        be.gemm('float32', { ...call.fwd, c: fwd });
        expectBits(fwd, want.fwd, `${bname} ${name} forward`);
        const dw = new Float32Array(call.dw.c.length).fill(Number.NaN);
        be.gemm('float32', { ...call.dw, c: dw });
        expectBits(dw, want.dw, `${bname} ${name} dW`);
        const dx = new Float32Array(call.dx.c.length).fill(Number.NaN);
        be.gemm('float32', { ...call.dx, c: dx });
        expectBits(dx, want.dx, `${bname} ${name} dX`);
        if (be.stats !== undefined) expect(be.stats.patchCalls).toBeGreaterThan(0);
      }
    });
  });

  it('float64: the reference path on every backend, same values as the plain product', () => {
    const g = GEOMETRIES[2]![1];
    const call = convCalls(g, 2, 300);
    const x = Float64Array.from(call.fwd.a);
    const w = Float64Array.from(call.fwd.b);
    const rows = Float64Array.from(call.rows);
    const want = new Float64Array(call.fwd.c.length);
    refBackend.gemm('float64', { ...call.fwd, a: rows, b: w, c: want, aPatches: null });
    for (const [bname, be] of list) {
      const got = new Float64Array(want.length);
      be.gemm('float64', { ...call.fwd, a: x, b: w, c: got });
      expectBits(got, want, `${bname} float64`);
    }
  });

  it('images in the heap are read and written in place, with the same bits', () => {
    for (const [bname, be] of list) {
      if (be.heap === undefined) continue;
      const g = GEOMETRIES[3]![1];
      const call = convCalls(g, 6, 400);
      const want = plainResults(call, g);
      const hx = be.heap.alloc('float32', patchImageLength(g));
      hx.array().set(call.fwd.a);
      const fwd = new Float32Array(call.fwd.c.length);
      be.gemm('float32', { ...call.fwd, a: hx.array(), c: fwd });
      expectBits(fwd, want.fwd, `${bname} heap image forward`);
      const dw = new Float32Array(call.dw.c.length);
      be.gemm('float32', { ...call.dw, b: hx.array(), c: dw });
      expectBits(dw, want.dw, `${bname} heap image dW`);
      const hdx = be.heap.alloc('float32', patchImageLength(g));
      be.gemm('float32', { ...call.dx, c: hdx.array() });
      expectBits(hdx.array(), want.dx, `${bname} heap image dX`);
      hx.dispose();
      hdx.dispose();
    }
  });

  it.runIf(canShare && threadsSupported())('1, 2 and 3 threads give the same bits', async () => {
    const be = wasm(true, { initialPages: 64 });
    const g = geometry(4, 8, 14, 14, [5, 5], [1, 1], [1, 1], [0, 0, 0, 0], 1, false);
    const call = convCalls(g, 16, 500);
    const want = plainResults(call, g);
    configureThreads({ gemmThreshold: 0 });
    for (const threads of [1, 2, 3]) {
      setNumThreads(threads);
      await be.threadsReady();
      for (const key of ['fwd', 'dw', 'dx'] as const) {
        const c = new Float32Array(call[key].c.length);
        const before = be.stats.threadedCalls;
        be.gemm('float32', { ...call[key], c });
        expectBits(c, want[key], `${threads} threads ${key}`);
        // dW's gather and dX's col2im run on the pool too, as jobs of their own
        expect(be.stats.threadedCalls - before, `${threads} threads ${key}`).toBe(threads === 1 ? 0 : key === 'fwd' ? 1 : 2);
      }
    }
  });

  it('bad patch calls throw before anything is written', () => {
    const g = GEOMETRIES[1]![1];
    const call = convCalls(g, 4, 600);
    const bad: [GemmCall<Float32Array>, RegExp][] = [
      [{ ...call.fwd, m: call.fwd.m + 1 }, /patch matrix/],
      [{ ...call.fwd, transA: true }, /not transposed/],
      [{ ...call.fwd, a: call.fwd.a.subarray(1) }, /image of 'aPatches' needs/],
      [{ ...call.fwd, aPatches: { ...g, groups: 3 } }, /cannot be split into 3 groups/],
      [{ ...call.fwd, aPatches: { ...g, kh: 0 } }, /'aPatches.kh' must be an integer >= 1/],
      [{ ...call.dx, bias: new Float32Array(call.dx.n) }, /takes no bias/],
      [{ ...call.dx, aImage: { n: g.n, hw: g.oh * g.ow + 1 } }, /'aImage' stores/],
      [{ ...call.fwd, cImage: { n: g.n, hw: -1 } }, /'cImage.hw' must be a non-negative integer/],
      [{ ...call.fwd, cImage: { n: g.n, hw: g.oh * g.ow }, cOffset: 1 }, /'cImage' stores/],
    ];
    // C's image sharing memory with A
    const shared = new Float32Array(patchImageLength(g) + call.dx.a.length).fill(7);
    shared.set(call.dx.a);
    const overlapping: GemmCall<Float32Array> = { ...call.dx, a: shared.subarray(0, call.dx.a.length), c: shared.subarray(0, patchImageLength(g)) };
    for (const [, be] of list) {
      for (const [c, message] of bad) {
        const out = new Float32Array(c.c.length).fill(7);
        expect(() => be.gemm('float32', { ...c, c: out })).toThrow(message);
        expect(out.every((v) => v === 7)).toBe(true);
      }
      const before = shared.slice();
      expect(() => be.gemm('float32', overlapping)).toThrow(/overlaps an input/);
      expectBits(shared, before, 'overlapping call');
    }
  });
});

/** Shared helpers of the kernel tests: seeded inputs and a bitwise comparison. */
import { afterAll, afterEach, expect } from 'vitest';
import { configureThreads, createWasmBackend, getNumThreads, setNumThreads, type KernelDType, type RmspropSlot, type WasmBackend } from '../../src/kernels/index.js';
import { threadConfig } from '../../src/kernels/wasm/threads.js';
import { rng } from '../helpers/rng.js';
export { rng };

export type FloatArray = Float32Array | Float64Array;
export type Slot = RmspropSlot<FloatArray>;

export function newArray(dtype: KernelDType, n: number): FloatArray {
  return dtype === 'float32' ? new Float32Array(n) : new Float64Array(n);
}

/**
 * Fills with a mix that reaches the corners of the arithmetic: ±0, subnormals, negatives, tiny
 * and large magnitudes, and ordinary values. `nonNegative` keeps values ≥ 0 (mean squares).
 */
export function fillMixed(arr: FloatArray, next: () => number, nonNegative = false): void {
  if (arr.length > TILE) {
    // large arrays: tile a seeded pattern of TILE values (TILE is odd, so the pattern visits
    // every SIMD lane position), starting at a seeded offset; much faster than drawing each
    const pattern = arr instanceof Float32Array ? new Float32Array(TILE) : new Float64Array(TILE);
    fillMixed(pattern, next, nonNegative);
    let at = Math.floor(next() * TILE);
    for (let i = 0; i < arr.length; ) {
      const take = Math.min(TILE - at, arr.length - i);
      arr.set(pattern.subarray(at, at + take), i);
      i += take;
      at = 0;
    }
    return;
  }
  const f64 = arr instanceof Float64Array;
  const sub = f64 ? 1e-310 : 1e-40; // subnormal in the dtype
  // one draw has 32 random bits; float64 values get 64 so that their mantissas are full
  const draw = f64 ? () => next() + next() / 4294967296 : next;
  for (let i = 0; i < arr.length; i++) {
    const u = next();
    const sign = nonNegative || next() < 0.5 ? 1 : -1;
    let v: number;
    if (u < 0.06) v = 0;
    else if (u < 0.08) v = -0;
    else if (u < 0.14) v = sub * (1 + 100 * draw());
    else if (u < 0.2) v = 1e-20 * draw();
    else if (u < 0.24) v = 1e4 * draw();
    else v = (draw() - 0.5) * 4;
    arr[i] = nonNegative ? Math.abs(v) : sign * v;
  }
}

const TILE = 65537;

/** Fills with smooth random values in [-scale, scale). */
export function fillUniform(arr: FloatArray, next: () => number, scale = 1): void {
  for (let i = 0; i < arr.length; i++) arr[i] = (next() * 2 - 1) * scale;
}

export interface SlotInit {
  param: FloatArray;
  grad: FloatArray;
  meanSquare: FloatArray;
  moment: FloatArray;
  meanGrad: FloatArray;
}

/** Random initial state for a slot of length n (mean squares ≥ 0). */
export function randomState(dtype: KernelDType, n: number, seed: number): SlotInit {
  const next = rng(seed);
  const make = (nonNegative = false): FloatArray => {
    const a = newArray(dtype, n);
    fillMixed(a, next, nonNegative);
    return a;
  };
  return {
    param: make(),
    grad: make(),
    meanSquare: make(true),
    moment: make(),
    meanGrad: make(),
  };
}

/** Copies `init` into arrays made by `alloc` (heap storages, or plain arrays). */
export function materialize(init: SlotInit, alloc: (src: FloatArray) => FloatArray): SlotInit {
  return {
    param: alloc(init.param),
    grad: alloc(init.grad),
    meanSquare: alloc(init.meanSquare),
    moment: alloc(init.moment),
    meanGrad: alloc(init.meanGrad),
  };
}

export function cloneArray(src: FloatArray): FloatArray {
  return src.slice();
}

/** A copy of every array of a slot (in JS memory). */
export function cloneSlot(init: SlotInit): SlotInit {
  return materialize(init, cloneArray);
}

/** A copy of every array of a slot in `heap` (zero-copy views for the WASM kernels). */
export function heapSlot(heap: { alloc(dtype: KernelDType, n: number): { array(): unknown } }, dtype: KernelDType, init: SlotInit): SlotInit {
  return materialize(init, (src) => {
    const a = heap.alloc(dtype, src.length).array() as FloatArray;
    a.set(src);
    return a;
  });
}

/**
 * Asserts `actual` equals `expected` element by element with Object.is (so -0 ≠ +0, NaN = NaN,
 * any NaN payload); reports the first differing index.
 */
export function expectSameBits(actual: FloatArray, expected: FloatArray, label: string): void {
  expect(actual.length, `${label}: length`).toBe(expected.length);
  // fast path: identical bytes (same dtype); otherwise element by element, where NaNs with
  // different payloads still count as equal
  if (
    actual.BYTES_PER_ELEMENT === expected.BYTES_PER_ELEMENT &&
    Buffer.compare(
      new Uint8Array(actual.buffer, actual.byteOffset, actual.byteLength),
      new Uint8Array(expected.buffer, expected.byteOffset, expected.byteLength),
    ) === 0
  ) {
    return;
  }
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) {
      expect.fail(
        `${label}: first difference at index ${i} of ${expected.length}: got ${actual[i]}, expected ${expected[i]}`,
      );
    }
  }
}

export const STATE_KEYS = ['param', 'grad', 'meanSquare', 'moment', 'meanGrad'] as const;

export function expectSameSlot(actual: SlotInit, expected: SlotInit, label: string): void {
  for (const k of STATE_KEYS) expectSameBits(actual[k], expected[k], `${label} ${k}`);
}

/**
 * The per-file setup of the product tests: `wasm(shared)` makes a WASM backend disposed after the
 * file, and after each test the thread count and `gemmThreshold` go back to what they were.
 * Call it at the top level of a test file.
 * @returns The backend factory.
 */
export function productTestSetup(): (shared: boolean, options?: { initialPages?: number; maximumPages?: number }) => WasmBackend {
  const backends: WasmBackend[] = [];
  const gemmThreshold = threadConfig().gemmThreshold;
  const threadsAtStart = getNumThreads();
  afterEach(() => {
    configureThreads({ gemmThreshold });
    setNumThreads(threadsAtStart);
  });
  afterAll(async () => {
    for (const b of backends) await b.dispose();
  });
  return (shared, options = {}) => {
    const b = createWasmBackend({ shared, initialPages: 1, ...options });
    backends.push(b);
    return b;
  };
}

/**
 * The kernel heap: allocator, growth and views, dispose/finalization, the copy path against the
 * zero-copy path, growth in the middle of training, ordinary (non-shared) memory, and a steady
 * state that allocates nothing.
 */
import { describe, expect, it } from 'vitest';
import { RuntimeError, ValueError } from '../../src/errors.js';
import {
  createWasmBackend,
  HeapStorage,
  KernelHeap,
  refBackend,
  setNumThreads,
  type KernelDType,
  type WasmBackend,
} from '../../src/kernels/index.js';
import { HEAP_BASE } from '../../src/kernels/wasm/heap.js';
import type { Storage } from '../../src/tensor/storage.js';
import { cloneSlot, expectSameSlot, fillMixed, randomState, rng, STATE_KEYS, type FloatArray, type SlotInit } from './helpers.js';

describe('allocator', () => {
  it('aligns to 16 bytes, reuses freed blocks, coalesces neighbours', () => {
    const heap = new KernelHeap({ shared: false, initialPages: 1, maximumPages: 4 });
    const a = heap.allocBytes(1);
    const b = heap.allocBytes(17);
    const c = heap.allocBytes(16);
    const d = heap.allocBytes(100);
    expect([a, b, c, d].every((o) => o % 16 === 0 && o >= HEAP_BASE)).toBe(true);
    expect(b - a).toBe(16);
    expect(c - b).toBe(32);
    expect(heap.bytesInUse).toBe(16 + 32 + 16 + 112);
    heap.freeBytes(b);
    heap.freeBytes(c);
    // the two freed neighbours merged into one 48-byte hole: a 48-byte block fits exactly there
    expect(heap.allocBytes(48)).toBe(b);
    heap.freeBytes(d); // the top block: the bump pointer comes back
    expect(heap.allocBytes(16)).toBe(d);
    expect(() => heap.freeBytes(12345)).toThrow(RuntimeError);
    expect(() => heap.freeBytes(a + 1)).toThrow(/no live block/);
  });

  it('best fit: the smallest hole that fits', () => {
    const heap = new KernelHeap({ shared: false, initialPages: 1, maximumPages: 1 });
    const big = heap.allocBytes(256);
    heap.allocBytes(16); // separator
    const small = heap.allocBytes(64);
    heap.allocBytes(16);
    heap.freeBytes(big);
    heap.freeBytes(small);
    expect(heap.allocBytes(48)).toBe(small);
    expect(heap.allocBytes(200)).toBe(big);
  });

  it('storages: views of the right type, zero length, dispose is idempotent, then array() throws', () => {
    const heap = new KernelHeap({ shared: true, initialPages: 1, maximumPages: 8 });
    expect(heap.alloc('float32', 3).array()).toBeInstanceOf(Float32Array);
    expect(heap.alloc('float64', 3).array()).toBeInstanceOf(Float64Array);
    expect(heap.alloc('int64', 3).array()).toBeInstanceOf(Float64Array);
    expect(heap.alloc('int32', 3).array()).toBeInstanceOf(Int32Array);
    expect(heap.alloc('bool', 3).array()).toBeInstanceOf(Uint8Array);
    const empty = heap.alloc('float32', 0);
    expect(empty.array().length).toBe(0);
    expect(heap.contains(empty.array())).toBe(true);
    empty.dispose();
    const s = heap.alloc('float32', 10);
    expect(s.location).toBe('wasm-heap');
    expect(s.length).toBe(10);
    s.array().fill(7);
    const inUse = heap.bytesInUse;
    s.dispose();
    s.dispose();
    expect(heap.bytesInUse).toBe(inUse - 48);
    expect(() => s.array()).toThrow(RuntimeError);
    expect(() => heap.alloc('float32', -1)).toThrow(ValueError);
    expect(() => new KernelHeap({ shared: false, initialPages: 0 })).toThrow(ValueError);
  });

  it('the finalization cleanup frees a dropped storage block once', () => {
    const heap = new KernelHeap({ shared: false, initialPages: 1, maximumPages: 1 });
    const s = heap.alloc('float64', 4) as HeapStorage<'float64'>;
    const inUse = heap.bytesInUse;
    heap.finalize(s.byteOffset); // what the FinalizationRegistry calls when s is collected
    expect(heap.bytesInUse).toBe(inUse - 32);
    expect(heap.stats.finalized).toBe(1);
    heap.finalize(s.byteOffset); // already free: nothing
    expect(heap.stats.finalized).toBe(1);
  });

  it('grows, and storages re-acquire their views with the contents intact', () => {
    for (const shared of [true, false]) {
      const heap = new KernelHeap({ shared, initialPages: 1, maximumPages: 64 });
      const s = heap.alloc('float32', 1000);
      s.array().set(Float32Array.from({ length: 1000 }, (_, i) => i * 0.5));
      const old = s.array();
      const gen = heap.generation;
      const big = heap.alloc('float64', 100_000); // 800 KB > 64 KB: grows
      expect(heap.generation).toBe(gen + 1);
      expect(heap.stats.grows).toBe(1);
      expect(big.location).toBe('wasm-heap');
      const fresh = s.array();
      expect(fresh === old).toBe(false);
      expect(heap.contains(old)).toBe(true); // a view made before the growth still belongs to it
      expect(fresh[999]).toBe(499.5);
      if (shared) expect(old[999]).toBe(499.5); // a shared memory never moves
      else expect(old.length).toBe(0); // an ordinary memory detached the old buffer
      expect(heap.byteLength % 65536).toBe(0);
    }
  });

  it('falls back to JS storage when the heap cannot grow', () => {
    const heap = new KernelHeap({ shared: true, initialPages: 1, maximumPages: 2 });
    const s = heap.alloc('float32', 100_000);
    expect(s.location).toBe('js');
    expect(s.array()).toBeInstanceOf(Float32Array);
    expect(heap.stats.jsFallbacks).toBe(1);
    expect(heap.allocBytes(1 << 20)).toBe(-1);
  });
});

// ---- the backend over the heap ------------------------------------------------------------------

function heapState(backend: WasmBackend, dtype: KernelDType, init: SlotInit): Record<keyof SlotInit, Storage> {
  const out = {} as Record<keyof SlotInit, Storage>;
  for (const k of STATE_KEYS) {
    out[k] = backend.heap.alloc(dtype, init[k].length);
    (out[k].array() as FloatArray).set(init[k]);
  }
  return out;
}

function views(st: Record<keyof SlotInit, Storage>): SlotInit {
  return {
    param: st.param.array() as FloatArray,
    grad: st.grad.array() as FloatArray,
    meanSquare: st.meanSquare.array() as FloatArray,
    moment: st.moment.array() as FloatArray,
    meanGrad: st.meanGrad.array() as FloatArray,
  };
}

describe('copy path and zero-copy path', () => {
  for (const dtype of ['float32', 'float64'] as const) {
    it(`${dtype}: heap arrays, plain arrays and a mix give identical results`, () => {
      const backend = createWasmBackend({ shared: true });
      const lengths = [1, 5, 17, 1025, 4099];
      const hyper = { rho: 0.9, epsilon: 1e-6, momentum: 0.9, centered: true };
      const inits = lengths.map((n, k) => randomState(dtype, n, 40 + k));
      const zero = inits.map((i) => heapState(backend, dtype, i));
      const plain = inits.map(cloneSlot);
      const mixedHeap = inits.map((i) => heapState(backend, dtype, i));
      const mixed = inits.map(cloneSlot);
      const ref = inits.map(cloneSlot);
      const next = rng(8);
      for (let step = 0; step < 7; step++) {
        for (let k = 0; k < inits.length; k++) {
          fillMixed(ref[k]!.grad, next);
          for (const st of [views(zero[k]!), plain[k]!, views(mixedHeap[k]!), mixed[k]!]) st.grad.set(ref[k]!.grad);
        }
        const z = backend.stats.zeroCopySlots;
        const c = backend.stats.copiedArrays;
        backend.rmspropStep(dtype, zero.map((st) => ({ ...views(st), lr: 0.01 })), hyper);
        expect(backend.stats.zeroCopySlots - z).toBe(lengths.length);
        expect(backend.stats.copiedArrays - c).toBe(0);
        backend.rmspropStep(dtype, plain.map((st) => ({ ...st, lr: 0.01 })), hyper);
        expect(backend.stats.copiedArrays - c).toBe(5 * lengths.length);
        // param and grad from the heap, the state in plain arrays
        backend.rmspropStep(
          dtype,
          mixed.map((st, k) => {
            const h = views(mixedHeap[k]!);
            return { ...st, param: h.param, grad: h.grad, lr: 0.01 };
          }),
          hyper,
        );
        refBackend.rmspropStep(dtype, ref.map((st) => ({ ...st, lr: 0.01 })), hyper);
      }
      for (let k = 0; k < inits.length; k++) {
        expectSameSlot(views(zero[k]!), ref[k]!, `zero-copy ${k}`);
        expectSameSlot(plain[k]!, ref[k]!, `copy ${k}`);
        const h = views(mixedHeap[k]!);
        expectSameSlot({ ...mixed[k]!, param: h.param, grad: h.grad }, ref[k]!, `mixed ${k}`);
      }
      void backend.dispose();
    });
  }

  it('not centered: meanGrad is neither copied nor written', () => {
    const backend = createWasmBackend({ shared: true });
    const init = randomState('float32', 33, 1);
    const st = cloneSlot(init);
    const c = backend.stats.copiedArrays;
    backend.rmspropStep('float32', [{ ...st, lr: 0.01 }], { rho: 0.9, epsilon: 1e-6, momentum: 0, centered: false });
    expect(backend.stats.copiedArrays - c).toBe(4);
    expect(Array.from(st.meanGrad)).toEqual(Array.from(init.meanGrad));
    expect(Array.from(st.grad)).toEqual(Array.from(init.grad));
  });

  it('uses the reference loops when the heap cannot hold the scratch space', () => {
    const backend = createWasmBackend({ shared: true, initialPages: 1, maximumPages: 2 });
    const init = randomState('float64', 20_000, 2); // 5 × 160 KB to copy: more than 128 KB
    const st = cloneSlot(init);
    const ref = cloneSlot(init);
    const hyper = { rho: 0.95, epsilon: 1e-6, momentum: 0.5, centered: true };
    backend.rmspropStep('float64', [{ ...st, lr: 0.1 }], hyper);
    refBackend.rmspropStep('float64', [{ ...ref, lr: 0.1 }], hyper);
    expect(backend.stats.refFallbacks).toBe(1);
    expectSameSlot(st, ref, 'fallback');
    expect(backend.sumSquares('float64', [st.param])).toBe(refBackend.sumSquares('float64', [ref.param]));
    expect(backend.stats.refFallbacks).toBe(2);
  });
});

describe('heap growth in the middle of training', () => {
  for (const shared of [true, false]) {
    it(`${shared ? 'shared' : 'ordinary'} memory: views re-acquired, results unchanged`, () => {
      const backend = createWasmBackend({ shared, initialPages: 4, maximumPages: 1024 });
      const dtype = 'float32';
      const lengths = [3, 1000, 2049];
      const inits = lengths.map((n, k) => randomState(dtype, n, 60 + k));
      const heapSt = inits.map((i) => heapState(backend, dtype, i));
      const ref = inits.map(cloneSlot);
      const hyper = { rho: 0.95, epsilon: 1e-6, momentum: 0.9, centered: false };
      const next = rng(12);
      const extra: Storage[] = [];
      let grewAt = -1;
      for (let step = 0; step < 8; step++) {
        if (step === 4) {
          // a new layer appears: allocations that grow the memory
          const gen = backend.heap.generation;
          extra.push(backend.heap.alloc('float64', 200_000), backend.heap.alloc('float32', 300_000));
          expect(backend.heap.generation).toBeGreaterThan(gen);
          grewAt = step;
        }
        for (let k = 0; k < inits.length; k++) {
          fillMixed(ref[k]!.grad, next);
          views(heapSt[k]!).grad.set(ref[k]!.grad);
        }
        backend.rmspropStep(dtype, heapSt.map((st) => ({ ...views(st), lr: 0.01 })), hyper);
        refBackend.rmspropStep(dtype, ref.map((st) => ({ ...st, lr: 0.01 })), hyper);
        for (let k = 0; k < inits.length; k++) expectSameSlot(views(heapSt[k]!), ref[k]!, `step ${step + 1} slot ${k}`);
      }
      expect(grewAt).toBe(4);
      expect(extra.every((s) => s.location === 'wasm-heap')).toBe(true);
      expect(backend.heap.stats.grows).toBeGreaterThanOrEqual(1);
      void backend.dispose();
    });
  }

  it('a step whose own table needs growth, with stale shared views passed in, is still right', () => {
    const backend = createWasmBackend({ shared: true, initialPages: 1, maximumPages: 1024 });
    const dtype = 'float64';
    // 1000 tiny slots: the descriptor table (80 KB) does not fit in the 64 KB memory
    const inits = Array.from({ length: 1000 }, (_, k) => randomState(dtype, 1 + (k % 5), 500 + k));
    const heapSt = inits.map((i) => heapState(backend, dtype, i));
    const ref = inits.map(cloneSlot);
    const hyper = { rho: 0.9, epsilon: 1e-6, momentum: 0.5, centered: true };
    const gen = backend.heap.generation;
    backend.rmspropStep(dtype, heapSt.map((st) => ({ ...views(st), lr: 0.01 })), hyper);
    expect(backend.heap.generation).toBeGreaterThan(gen);
    expect(backend.stats.zeroCopySlots).toBe(1000); // the stale views were recognised as heap views
    refBackend.rmspropStep(dtype, ref.map((st) => ({ ...st, lr: 0.01 })), hyper);
    for (let k = 0; k < inits.length; k++) expectSameSlot(views(heapSt[k]!), ref[k]!, `slot ${k}`);
  });
});

describe('ordinary (non-shared) memory backend', () => {
  it('runs single-threaded even when threads are requested', () => {
    setNumThreads(2);
    const backend = createWasmBackend({ shared: false });
    expect(backend.shared).toBe(false);
    expect(backend.name).toBe('wasm-simd');
    const init = randomState('float32', 300_000, 4);
    const st = heapState(backend, 'float32', init);
    const ref = cloneSlot(init);
    const hyper = { rho: 0.95, epsilon: 1e-6, momentum: 0.9, centered: true };
    backend.rmspropStep('float32', [{ ...views(st), lr: 0.01, clipMin: -1, clipMax: 1 }], hyper);
    refBackend.rmspropStep('float32', [{ ...ref, lr: 0.01, clipMin: -1, clipMax: 1 }], hyper);
    expect(backend.stats.threadedCalls).toBe(0);
    expectSameSlot(views(st), ref, 'plain memory');
  });
});

describe('steady state allocates nothing', () => {
  it('50 steps: heap size, blocks, allocations and views unchanged', () => {
    const backend = createWasmBackend({ shared: true });
    const dtype = 'float32';
    const storages = [5, 100, 1025, 300_000].map((n, k) => heapState(backend, dtype, randomState(dtype, n, 90 + k)));
    // the optimizer's slot objects, built once and reused (views re-acquired only after growth)
    const slots = storages.map((st) => ({ ...views(st), lr: 0.01, decay: { kind: 'l2' as const, coeff: 0.01 } }));
    const hyper = { rho: 0.95, epsilon: 1e-6, momentum: 0.9, centered: true };
    backend.rmspropStep(dtype, slots, hyper); // warm-up: allocates the descriptor table once
    backend.sumSquares(dtype, slots.map((s) => s.grad));
    const heap = backend.heap;
    const before = {
      bytes: heap.byteLength,
      blocks: heap.blockCount,
      inUse: heap.bytesInUse,
      stats: { ...heap.stats },
      copied: backend.stats.copiedArrays,
    };
    for (let i = 0; i < 50; i++) {
      backend.rmspropStep(dtype, slots, hyper);
      backend.sumSquares(dtype, slots.map((s) => s.grad));
    }
    expect(heap.byteLength).toBe(before.bytes);
    expect(heap.blockCount).toBe(before.blocks);
    expect(heap.bytesInUse).toBe(before.inUse);
    expect(heap.stats).toEqual(before.stats); // no allocation, growth or new view
    expect(backend.stats.copiedArrays).toBe(before.copied);
    expect(backend.stats.stepCalls).toBe(51);
    expect(backend.stats.planCacheHits).toBe(100); // every step and every sum found its plan
    void backend.dispose();
  });
});

describe('remembered groups (the same arrays again skip the per-array reads)', () => {
  it('hits on the same arrays, misses on a change, after growth, and still validates scalars', () => {
    const backend = createWasmBackend({ shared: true, initialPages: 2, maximumPages: 1024 });
    const dtype = 'float32';
    const inits = [7, 1030, 64].map((n, k) => randomState(dtype, n, 300 + k));
    const st = inits.map((i) => heapState(backend, dtype, i));
    const ref = inits.map(cloneSlot);
    const hyper = { rho: 0.9, epsilon: 1e-6, momentum: 0.9, centered: true };
    const stepBoth = (lr: number) => {
      backend.rmspropStep(dtype, st.map((s) => ({ ...views(s), lr })), hyper);
      refBackend.rmspropStep(dtype, ref.map((s) => ({ ...s, lr })), hyper);
    };
    stepBoth(0.01);
    expect(backend.stats.planCacheHits).toBe(0);
    stepBoth(0.02); // new slot objects, same arrays: hit, and the new lr is used
    expect(backend.stats.planCacheHits).toBe(1);
    // a different hyper-parameter layout (not centered) is a different plan
    backend.rmspropStep(dtype, st.map((s) => ({ ...views(s), lr: 0.01 })), { ...hyper, centered: false });
    refBackend.rmspropStep(dtype, ref.map((s) => ({ ...s, lr: 0.01 })), { ...hyper, centered: false });
    expect(backend.stats.planCacheHits).toBe(1);
    // one array replaced: miss
    const moved = backend.heap.alloc(dtype, 1030);
    (moved.array() as Float32Array).set(views(st[1]!).moment);
    st[1]!.moment = moved;
    stepBoth(0.01);
    expect(backend.stats.planCacheHits).toBe(1);
    stepBoth(0.01);
    expect(backend.stats.planCacheHits).toBe(2);
    // growth: views re-acquired, the old plan is not trusted
    const gen = backend.heap.generation;
    backend.heap.alloc('float64', 1_000_000);
    expect(backend.heap.generation).toBeGreaterThan(gen);
    stepBoth(0.01);
    expect(backend.stats.planCacheHits).toBe(2);
    for (let k = 0; k < inits.length; k++) expectSameSlot(views(st[k]!), ref[k]!, `slot ${k}`);
    // a remembered group still checks its scalars
    const slots = st.map((s) => ({ ...views(s), lr: 0.01 }));
    backend.rmspropStep(dtype, slots, hyper);
    const hits = backend.stats.planCacheHits;
    expect(() =>
      backend.rmspropStep(dtype, slots.map((s, k) => (k === 2 ? { ...s, lr: '0.1' as unknown as number } : s)), hyper),
    ).toThrow(/slots\[2\]\.lr must be a number/); // same arrays: found, then the scalars checked
    expect(backend.stats.planCacheHits).toBe(hits);
    // and an array swapped for a bad one misses, so the full checks run
    expect(() =>
      backend.rmspropStep(dtype, slots.map((s, k) => (k === 1 ? { ...s, grad: new Float32Array(3) } : s)), hyper),
    ).toThrow(/slots\[1\]\.grad must have the length/);
    // sums of squares remember their arrays too
    const grads = st.map((s) => views(s).grad);
    const first = backend.sumSquares(dtype, grads);
    const h2 = backend.stats.planCacheHits;
    expect(backend.sumSquares(dtype, [...grads])).toBe(first);
    expect(backend.stats.planCacheHits).toBe(h2 + 1);
    expect(first).toBe(refBackend.sumSquares(dtype, grads));
    void backend.dispose();
  });
});

describe('zero(): clearing bytes of the heap', () => {
  /** Fills `bytes` bytes at `off` with 0xff, zeroes [off + from, off + to), and reads them all back. */
  function clearSpan(heap: KernelHeap, bytes: number, from: number, to: number): number[] {
    const off = heap.allocBytes(bytes);
    new Uint8Array(heap.buffer, off, bytes).fill(0xff);
    heap.zero(off + from, to - from);
    const out = Array.from(new Uint8Array(heap.buffer, off, bytes));
    heap.freeBytes(off);
    return out;
  }
  const expected = (bytes: number, from: number, to: number): number[] =>
    Array.from({ length: bytes }, (_, i) => (i >= from && i < to ? 0 : 0xff));

  it('clears exactly the bytes asked: the JavaScript fill (no module yet) and the kernels’ memset', () => {
    const plain = new KernelHeap({ shared: false, initialPages: 1, maximumPages: 2 });
    const shared = new KernelHeap({ shared: true, initialPages: 1, maximumPages: 2 });
    const be = createWasmBackend({ shared: true, initialPages: 1 });
    for (const heap of [plain, shared, be.heap]) {
      for (const [from, to] of [[0, 64], [0, 13], [4, 61], [8, 9], [3, 3], [16, 48]] as const) {
        expect(clearSpan(heap, 64, from, to)).toEqual(expected(64, from, to));
      }
    }
    void be.dispose();
  });

  it('HeapStorage.zero() clears its elements only, and throws after dispose()', () => {
    const be = createWasmBackend({ shared: false, initialPages: 1 });
    const a = be.heap.alloc('float32', 7) as HeapStorage<'float32'>;
    const b = be.heap.alloc('float32', 5) as HeapStorage<'float32'>;
    a.array().fill(3);
    b.array().fill(4);
    a.zero();
    expect(Array.from(a.array())).toEqual(new Array(7).fill(0));
    expect(Array.from(b.array())).toEqual(new Array(5).fill(4));
    a.dispose();
    expect(() => a.zero()).toThrow(RuntimeError);
    b.dispose();
    void be.dispose();
  });
});

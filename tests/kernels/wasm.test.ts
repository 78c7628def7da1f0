/**
 * Differential tests: the WebAssembly SIMD kernels against the reference, bit for bit (Object.is
 * per element) on the parameters and every state buffer, over several steps, at lengths that hit
 * the SIMD tails, for every variant × dtype × gradient transform.
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  createWasmBackend,
  refBackend,
  type KernelDType,
  type RmspropHyper,
  type RmspropSlot,
} from '../../src/kernels/index.js';
import type { Storage } from '../../src/tensor/storage.js';
import {
  expectSameBits,
  expectSameSlot,
  fillMixed,
  newArray,
  randomState,
  rng,
  STATE_KEYS,
  type FloatArray,
  type SlotInit,
} from './helpers.js';

const wasm = createWasmBackend({ shared: true });
afterAll(() => wasm.dispose());

const LENGTHS = [0, 1, 3, 4, 5, 7, 8, 15, 16, 17, 1023, 1024, 1025];
const STEPS = 7;

const VARIANTS: { name: string; momentum: number; centered: boolean }[] = [
  { name: 'plain', momentum: 0, centered: false },
  { name: 'momentum', momentum: 0.9, centered: false },
  { name: 'centered', momentum: 0, centered: true },
  { name: 'centered+momentum', momentum: 0.5, centered: true },
];

type Transform = Pick<RmspropSlot<FloatArray>, 'clipMin' | 'clipMax' | 'gradScale' | 'decay'>;
const TRANSFORMS: Record<string, Transform> = {
  none: {},
  clip: { clipMin: -0.5, clipMax: 0.75 },
  scale: { gradScale: 0.3 },
  l1: { decay: { kind: 'l1', coeff: 0.05 } },
  l2: { decay: { kind: 'l2', coeff: 0.01 } },
  'clip+scale+l2': { clipMin: -1, clipMax: 1, gradScale: 0.7, decay: { kind: 'l2', coeff: 0.1 } },
  'clip+l1': { clipMin: -0.25, clipMax: 0.25, decay: { kind: 'l1', coeff: 0.5 } },
  // min > max (the optimizer rejects it; the kernels still agree on the ternary's answer)
  'clip inverted': { clipMin: 0.5, clipMax: -0.5 },
};

function inDtype(t: Transform, dtype: KernelDType): Transform {
  // the optimizer passes the scale already in the dtype (the kernel would round it anyway)
  if (t.gradScale === undefined || dtype === 'float64') return t;
  return { ...t, gradScale: Math.fround(t.gradScale) };
}

/** Heap-resident copies of a slot's arrays (zero-copy path); keeps the storages for cleanup. */
class HeapSlots {
  readonly storages: Storage[] = [];
  constructor(readonly dtype: KernelDType) {}
  copy(init: SlotInit): { storages: Record<keyof SlotInit, Storage> } {
    const storages = {} as Record<keyof SlotInit, Storage>;
    for (const k of STATE_KEYS) {
      const st = wasm.heap.alloc(this.dtype, init[k].length);
      (st.array() as FloatArray).set(init[k]);
      storages[k] = st;
      this.storages.push(st);
    }
    return { storages };
  }
  dispose(): void {
    for (const s of this.storages) s.dispose();
  }
}

function viewsOf(s: Record<keyof SlotInit, Storage>): SlotInit {
  return {
    param: s.param.array() as FloatArray,
    grad: s.grad.array() as FloatArray,
    meanSquare: s.meanSquare.array() as FloatArray,
    moment: s.moment.array() as FloatArray,
    meanGrad: s.meanGrad.array() as FloatArray,
  };
}

/**
 * Runs `steps` steps of the same group on the reference (plain arrays) and on the WASM backend
 * (heap arrays), with fresh seeded gradients each step, and compares everything after each step.
 */
function differential(
  dtype: KernelDType,
  lengths: readonly number[],
  hyper: RmspropHyper,
  transformOf: (slot: number) => Transform,
  seed: number,
  steps = STEPS,
): void {
  const heap = new HeapSlots(dtype);
  try {
    const refState = lengths.map((n, s) => randomState(dtype, n, seed * 1000 + s));
    const wasmStorages = refState.map((init) => heap.copy(init).storages);
    const lrs = lengths.map((_, s) => (dtype === 'float32' ? Math.fround(0.01 * (s + 1)) : 0.01 * (s + 1)));
    const gradRng = rng(seed);
    for (let step = 0; step < steps; step++) {
      // fresh gradients, the same for both
      for (let s = 0; s < lengths.length; s++) {
        fillMixed(refState[s]!.grad, gradRng);
        (wasmStorages[s]!.grad.array() as FloatArray).set(refState[s]!.grad);
      }
      const refSlots = refState.map((st, s) => ({ ...st, lr: lrs[s]!, ...inDtype(transformOf(s), dtype) }));
      const wasmSlots = wasmStorages.map((st, s) => ({ ...viewsOf(st), lr: lrs[s]!, ...inDtype(transformOf(s), dtype) }));
      const calls = wasm.stats.stepCalls;
      const zeroCopy = wasm.stats.zeroCopySlots;
      refBackend.rmspropStep(dtype, refSlots, hyper);
      wasm.rmspropStep(dtype, wasmSlots, hyper);
      expect(wasm.stats.stepCalls, 'the WASM kernel ran').toBe(calls + 1);
      expect(wasm.stats.zeroCopySlots - zeroCopy, 'in place').toBe(lengths.length);
      for (let s = 0; s < lengths.length; s++) {
        expectSameSlot(viewsOf(wasmStorages[s]!), refState[s]!, `${dtype} step ${step + 1} slot ${s} (n=${lengths[s]})`);
      }
    }
  } finally {
    heap.dispose();
  }
}

describe('WASM vs ref, all SIMD tail lengths as one group', () => {
  for (const dtype of ['float32', 'float64'] as const) {
    for (const v of VARIANTS) {
      for (const [tname, t] of Object.entries(TRANSFORMS)) {
        it(`${dtype} ${v.name} ${tname}`, () => {
          const hyper = { rho: 0.95, epsilon: 1e-6, momentum: v.momentum, centered: v.centered };
          differential(dtype, LENGTHS, hyper, () => t, LENGTHS.length + v.momentum * 10 + tname.length);
        });
      }
    }
  }
});

describe('WASM vs ref, other hyper-parameters and mixed slots', () => {
  const names = Object.keys(TRANSFORMS);
  for (const dtype of ['float32', 'float64'] as const) {
    it(`${dtype}: a different transform and lr per slot, unusual ρ/ε/μ`, () => {
      const hyper = { rho: 0.3, epsilon: 0.1, momentum: 0.99, centered: true };
      differential(dtype, [...LENGTHS, ...LENGTHS], hyper, (s) => TRANSFORMS[names[s % names.length]!]!, 99);
    });
    it(`${dtype}: ρ = 1, ε = 0 (NaN from 0/0 where g = 0)`, () => {
      differential(dtype, LENGTHS, { rho: 1, epsilon: 0, momentum: 0.9, centered: false }, () => ({}), 5);
    });
  }

  it('NaN, infinities and extremes propagate the same way', () => {
    for (const dtype of ['float32', 'float64'] as const) {
      const big = dtype === 'float32' ? 3.4028234663852886e38 : Number.MAX_VALUE;
      const specials = [NaN, Infinity, -Infinity, big, -big, 0, -0, 1e-45, -1e-45, 5e-324, 1, -1, 0.5];
      const n = 67;
      const next = rng(11);
      const mk = (nonNeg = false): FloatArray => {
        const a = newArray(dtype, n);
        for (let i = 0; i < n; i++) {
          const v = specials[Math.floor(next() * specials.length)]!;
          a[i] = nonNeg ? Math.abs(v) : v;
        }
        return a;
      };
      for (const centered of [false, true]) {
        for (const t of Object.values(TRANSFORMS)) {
          const init: SlotInit = { param: mk(), grad: mk(), meanSquare: mk(true), moment: mk(), meanGrad: mk() };
          const ref = { ...init, param: init.param.slice(), meanSquare: init.meanSquare.slice(), moment: init.moment.slice(), meanGrad: init.meanGrad.slice() };
          const hyper = { rho: 0.9, epsilon: 1e-8, momentum: 0.5, centered };
          const heap = new HeapSlots(dtype);
          const st = heap.copy(init).storages;
          for (let k = 0; k < 3; k++) {
            refBackend.rmspropStep(dtype, [{ ...ref, lr: 0.01, ...t }], hyper);
            wasm.rmspropStep(dtype, [{ ...viewsOf(st), lr: 0.01, ...t }], hyper);
          }
          expectSameSlot(viewsOf(st), ref, `${dtype} specials centered=${centered}`);
          heap.dispose();
        }
      }
    }
  });
});

describe('WASM vs ref at ~2 million elements', () => {
  const N = 2_000_003;
  const names = Object.keys(TRANSFORMS);
  let k = 0;
  for (const dtype of ['float32', 'float64'] as const) {
    for (const v of VARIANTS) {
      const tname = names[k++ % names.length]!;
      it(`${dtype} ${v.name} ${tname}, ${N} elements in two slots`, () => {
        const hyper = { rho: 0.95, epsilon: 1e-6, momentum: v.momentum, centered: v.centered };
        const threaded = wasm.stats.threadedCalls;
        differential(dtype, [N - 1025, 1025], hyper, () => TRANSFORMS[tname]!, 1234 + k, STEPS);
        if (wasm.threadsEnabled()) expect(wasm.stats.threadedCalls).toBeGreaterThan(threaded);
      });
    }
  }
});

describe('sum of squares, WASM vs ref', () => {
  for (const dtype of ['float32', 'float64'] as const) {
    it(`${dtype}: tail lengths, several arrays, blocks, heap and plain arrays`, () => {
      const next = rng(21);
      const lengths = [...LENGTHS, 65535, 65536, 65537, 200_003];
      const arrays = lengths.map((n) => {
        const a = newArray(dtype, n);
        fillMixed(a, next);
        return a;
      });
      const storages = arrays.map((a) => {
        const st = wasm.heap.alloc(dtype, a.length);
        (st.array() as FloatArray).set(a);
        return st;
      });
      // one array at a time (a single block's sum is the total: nothing can hide a lane-order
      // difference), then all together
      for (let k = 0; k < arrays.length; k++) {
        const want = refBackend.sumSquares(dtype, [arrays[k]!]);
        expectSameBits(
          Float64Array.of(wasm.sumSquares(dtype, [arrays[k]!]), wasm.sumSquares(dtype, [storages[k]!.array() as FloatArray])),
          Float64Array.of(want, want),
          `Σx² of array ${k} (n=${lengths[k]})`,
        );
      }
      const expected = refBackend.sumSquares(dtype, arrays);
      const calls = wasm.stats.sumSquaresCalls;
      const fromHeap = wasm.sumSquares(dtype, storages.map((s) => s.array() as FloatArray));
      const copied = wasm.sumSquares(dtype, arrays);
      const mixed = wasm.sumSquares(dtype, arrays.map((a, i) => (i % 2 === 0 ? a : (storages[i]!.array() as FloatArray))));
      expect(wasm.stats.sumSquaresCalls).toBe(calls + 3);
      expectSameBits(Float64Array.of(fromHeap, copied, mixed), Float64Array.of(expected, expected, expected), 'Σx²');
      expect(wasm.sumSquares(dtype, [])).toBe(0);
      expect(wasm.sumSquares(dtype, [newArray(dtype, 0)])).toBe(0);
      for (const s of storages) s.dispose();
    });
  }
});

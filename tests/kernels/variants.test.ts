/**
 * The frameworks' RMSProp variants (types.ts RmspropVariant): the WebAssembly kernel equals the
 * reference bit for bit on every output and state array (f32x4 / f64x2 lanes and scalar tails,
 * zero-copy and copied arrays, 1 and 2 threads, float32 and float64, special values), the
 * variant contract is validated, Paddle's default path is untouched, and the kernels' fmaf is a
 * correctly rounded fused multiply-add (checked against an exact BigInt oracle on hard cases).
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { TypeError as PaddleTypeError, ValueError } from '../../src/errors.js';
import {
  configureThreads,
  createWasmBackend,
  fmaf,
  refBackend,
  setNumThreads,
  threadsSupported,
  type KernelDType,
  type RmspropHyper,
  type RmspropSlot,
} from '../../src/kernels/index.js';
import { threadConfig } from '../../src/kernels/wasm/threads.js';
import { cloneSlot, expectSameBits, expectSameSlot, fillMixed, heapSlot, randomState, rng, type FloatArray, type SlotInit } from './helpers.js';

const wasm = createWasmBackend({ shared: threadsSupported() });
const defaults = { ...threadConfig() };
afterEach(() => {
  configureThreads({ parallelThreshold: defaults.parallelThreshold, chunkElements: defaults.chunkElements });
  setNumThreads(1);
});
afterAll(() => wasm.dispose());

/** Every variant configuration the contract allows (besides Paddle's). */
const CONFIGS: RmspropHyper[] = [];
for (const centered of [false, true]) {
  for (const momentumBuffer of [true, false]) {
    CONFIGS.push({ rho: 0.99, epsilon: 1e-8, momentum: momentumBuffer ? 0.9 : 0, centered, variant: 'torch', momentumBuffer });
    CONFIGS.push({ rho: 0.9, epsilon: 1e-7, momentum: momentumBuffer ? 0.9 : 0, centered, variant: 'keras', momentumBuffer });
    for (const lrInMomentum of [true, false]) {
      CONFIGS.push({ rho: 0.9, epsilon: 1e-3, momentum: momentumBuffer ? 0.9 : 0, centered, variant: 'timm', momentumBuffer, lrInMomentum });
    }
    for (const epsInSqrt of [true, false]) {
      CONFIGS.push({ rho: 0.9, epsilon: 1e-8, momentum: 0.8, centered, variant: 'optax', momentumBuffer, epsInSqrt });
    }
  }
  CONFIGS.push({ rho: 0.9, epsilon: 1e-7, momentum: 0.9, centered, variant: 'tfjs' });
  CONFIGS.push({ rho: 0.95, epsilon: 1e-10, momentum: 0.5, centered, variant: 'tf1' });
}

function label(h: RmspropHyper): string {
  const extra = [h.centered ? 'centered' : '', h.momentumBuffer === false ? 'no buffer' : 'buffer', h.lrInMomentum === false ? 'lr outside' : '', h.epsInSqrt === false ? 'eps outside' : ''];
  return `${h.variant} ${extra.filter((x) => x !== '').join(', ')}`;
}

/** Slots over `inits` with every transform combination in turn (odd lengths: the scalar tails). */
function slotsOf(states: SlotInit[], variant: string): RmspropSlot<FloatArray>[] {
  return states.map((st, k) => {
    const slot: RmspropSlot<FloatArray> = { ...st, lr: [0.01, 0.003, 1e-4][k % 3]! };
    if (k % 4 === 1) Object.assign(slot, { clipMin: -0.5, clipMax: 2 });
    if (k % 4 === 2) Object.assign(slot, { gradScale: -1, decay: { kind: 'l2', coeff: 1e-2 } });
    if (k % 4 === 3) Object.assign(slot, { paramScale: 1 - 0.01 * 1e-2, decay: { kind: variant === 'torch' ? 'l2' : 'l1', coeff: 3e-3 } });
    return slot;
  });
}

/** Special values among the mixed ones: NaN, ±Infinity, the largest finite values. */
function sprinkle(a: FloatArray, next: () => number): void {
  const big = a instanceof Float32Array ? 3.4028234663852886e38 : Number.MAX_VALUE;
  const specials = [NaN, Infinity, -Infinity, big, -big];
  for (let i = 0; i < a.length; i++) if (next() < 0.01) a[i] = specials[Math.floor(next() * specials.length)]!;
}

const LENGTHS = [1, 2, 3, 5, 7, 13, 64, 1031];

function initsFor(dtype: KernelDType, seed: number): SlotInit[] {
  const next = rng(seed + 1000);
  return LENGTHS.map((n, k) => {
    const s = randomState(dtype, n, seed * 31 + k);
    sprinkle(s.param, next);
    sprinkle(s.grad, next);
    return s;
  });
}

/** Runs 3 steps on `states` with `backend`, fresh seeded gradients each step. */
function run(backend: typeof refBackend, dtype: KernelDType, states: SlotInit[], hyper: RmspropHyper): void {
  const next = rng(4242);
  for (let step = 0; step < 3; step++) {
    for (const st of states) {
      fillMixed(st.grad, next);
      sprinkle(st.grad, next);
    }
    backend.rmspropStep(dtype, slotsOf(states, hyper.variant ?? 'paddle'), hyper);
  }
}

describe('RMSProp variants: WebAssembly equals the reference bit for bit', () => {
  for (const dtype of ['float32', 'float64'] as const) {
    for (const hyper of CONFIGS) {
      it(`${dtype} ${label(hyper)}: heap (zero-copy) and JS (copied) arrays`, () => {
        const inits = initsFor(dtype, CONFIGS.indexOf(hyper) + (dtype === 'float32' ? 0 : 100));
        const ref = inits.map(cloneSlot);
        run(refBackend, dtype, ref, hyper);
        const zeroCopy = inits.map((i) => heapSlot(wasm.heap, dtype, i));
        const copied = inits.map(cloneSlot);
        const before = { ...wasm.stats };
        run(wasm, dtype, zeroCopy, hyper);
        run(wasm, dtype, copied, hyper);
        expect(wasm.stats.refFallbacks).toBe(before.refFallbacks);
        expect(wasm.stats.zeroCopySlots - before.zeroCopySlots).toBe(3 * LENGTHS.length);
        expect(wasm.stats.copiedArrays).toBeGreaterThan(before.copiedArrays);
        for (let k = 0; k < inits.length; k++) {
          expectSameSlot(zeroCopy[k]!, ref[k]!, `zero-copy slot ${k} (length ${LENGTHS[k]})`);
          expectSameSlot(copied[k]!, ref[k]!, `copied slot ${k} (length ${LENGTHS[k]})`);
        }
        // the run changed something everywhere it should
        expect(ref.at(-1)!.param).not.toEqual(inits.at(-1)!.param);
        if (hyper.momentumBuffer === false) expectSameBits(ref.at(-1)!.moment, inits.at(-1)!.moment, 'moment untouched without a buffer');
        if (!hyper.centered) expectSameBits(ref.at(-1)!.meanGrad, inits.at(-1)!.meanGrad, 'meanGrad untouched when not centered');
      });
    }
  }

  it.skipIf(!threadsSupported())('1 and 2 threads give the reference bits (chunks cut through slots at odd places)', async () => {
    setNumThreads(2);
    await wasm.threadsReady();
    configureThreads({ parallelThreshold: 0, chunkElements: 17 });
    for (const dtype of ['float32', 'float64'] as const) {
      for (const hyper of CONFIGS) {
        const inits = initsFor(dtype, 7 + CONFIGS.indexOf(hyper));
        const ref = inits.map(cloneSlot);
        run(refBackend, dtype, ref, hyper);
        for (const threads of [1, 2]) {
          setNumThreads(threads);
          const threaded = wasm.stats.threadedCalls;
          const st = inits.map((i) => heapSlot(wasm.heap, dtype, i));
          run(wasm, dtype, st, hyper);
          expect(wasm.stats.threadedCalls - threaded).toBe(threads === 2 ? 3 : 0);
          for (let k = 0; k < inits.length; k++) expectSameSlot(st[k]!, ref[k]!, `${dtype} ${label(hyper)} ${threads} thread(s) slot ${k}`);
        }
      }
    }
  });

  it("Paddle's default path keeps its bits: variant 'paddle' and no variant are the same step", () => {
    for (const dtype of ['float32', 'float64'] as const) {
      const inits = initsFor(dtype, 3);
      const a = inits.map((i) => heapSlot(wasm.heap, dtype, i));
      const b = inits.map((i) => heapSlot(wasm.heap, dtype, i));
      const r = inits.map(cloneSlot);
      run(wasm, dtype, a, { rho: 0.95, epsilon: 1e-6, momentum: 0.9, centered: true });
      run(wasm, dtype, b, { rho: 0.95, epsilon: 1e-6, momentum: 0.9, centered: true, variant: 'paddle' });
      run(refBackend, dtype, r, { rho: 0.95, epsilon: 1e-6, momentum: 0.9, centered: true });
      for (let k = 0; k < inits.length; k++) {
        expectSameSlot(a[k]!, b[k]!, `${dtype} slot ${k}`);
        expectSameSlot(a[k]!, r[k]!, `${dtype} slot ${k} vs ref`);
      }
    }
  });

  it('validates the variant fields before touching anything', () => {
    const st = cloneSlot(randomState('float32', 5, 1));
    const before = cloneSlot(st);
    const slots = [{ ...st, lr: 0.01 }];
    const base = { rho: 0.9, epsilon: 1e-7, momentum: 0, centered: false };
    const bad: [Record<string, unknown>, typeof ValueError | typeof PaddleTypeError, RegExp][] = [
      [{ variant: 'jax' }, ValueError, /hyper\.variant must be one of 'paddle', 'torch'/],
      [{ variant: 'torch', momentumBuffer: 1 }, PaddleTypeError, /momentumBuffer must be a boolean/],
      [{ variant: 'tfjs', momentumBuffer: false }, ValueError, /cannot be false for the variant 'tfjs'/],
      [{ momentumBuffer: false }, ValueError, /cannot be false for the variant 'paddle'/],
      [{ variant: 'torch', lrInMomentum: false }, ValueError, /'timm' only/],
      [{ variant: 'keras', epsInSqrt: false }, ValueError, /'optax' only/],
    ];
    for (const backend of [refBackend, wasm]) {
      for (const [extra, type, message] of bad) {
        expect(() => backend.rmspropStep('float32', slots, { ...base, ...extra } as RmspropHyper)).toThrow(type);
        expect(() => backend.rmspropStep('float32', slots, { ...base, ...extra } as RmspropHyper)).toThrow(message);
      }
      expect(() => backend.rmspropStep('float32', [{ ...slots[0]!, paramScale: '1' as unknown as number }], { ...base, variant: 'timm' })).toThrow(/paramScale must be a number/);
    }
    expectSameSlot(st, before, 'nothing changed');
  });
});

// ---- fmaf against an exact oracle -------------------------------------------------------------

const view = new DataView(new ArrayBuffer(4));
/** A float32 value as m·2^e with an integer m (sign included). */
function parts(x: number): [bigint, number] {
  view.setFloat32(0, x);
  const bits = view.getUint32(0);
  const sign = bits >>> 31 ? -1n : 1n;
  const exp = (bits >>> 23) & 0xff;
  const frac = bits & 0x7fffff;
  return exp === 0 ? [sign * BigInt(frac), -149] : [sign * BigInt(frac | 0x800000), exp - 150];
}

/** a·b + c rounded once to float32 (ties to even), computed exactly with BigInt. Finite inputs. */
function exactFmaf(a: number, b: number, c: number): number {
  const [ma, ea] = parts(a);
  const [mb, eb] = parts(b);
  const [mc, ec] = parts(c);
  const x = ma * mb * (1n << BigInt(ea + eb + 298)) + mc * (1n << BigInt(ec + 298)); // value · 2^298
  if (x === 0n) return Math.fround(a * b + c); // the sign of an exact zero: IEEE's rule, as in double
  const neg = x < 0n;
  const m = neg ? -x : x;
  const len = m.toString(2).length;
  const shift = Math.max(len - 24, 149);
  let q = m >> BigInt(shift);
  const rem = m - (q << BigInt(shift));
  const half = 1n << BigInt(shift - 1);
  if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
  const mag = Number(q) * 2 ** (shift - 298);
  const v = mag >= 2 ** 128 ? Infinity : mag;
  return neg ? -v : v;
}

const f = Math.fround;
const FLT_MAX = f(3.4028234663852886e38);

/** Hard cases: midpoints reached by the double sum (both directions), exact ties, overflow, subnormals. */
function hardCases(): [number, number, number][] {
  const out: [number, number, number][] = [];
  const next = rng(99);
  for (let t = 0; t < 600; t++) {
    const m = Math.floor(next() * 200) - 120; // scale of the product
    const j = 12 + Math.floor(next() * 12);
    const sa = next() < 0.5 ? 1 : -1;
    // p = ±2^m·(1 − 2^-2j): just below a half ulp of c; c's mantissa odd or even
    const a = f(sa * (1 + 2 ** -j));
    const b = f((1 - 2 ** -j) * 2 ** m);
    const k = Math.floor(next() * 2 ** 23);
    const sc = next() < 0.5 ? 1 : -1;
    const c = f(sc * (2 ** 23 + k) * 2 ** (m + 1));
    out.push([a, b, c], [a, f(b * (1 + 2 ** -23)), c], [a, b, f(-c)]);
    // p = ±2^m·(1 + 2^-j)^2 has a bit far below: just above the half ulp
    out.push([f(1 + 2 ** -j), f((1 + 2 ** -j) * 2 ** m), c]);
  }
  // exact ties: 25-bit integers
  for (let t = 0; t < 200; t++) {
    const a = f(4097 + 2 * Math.floor(next() * 2000));
    out.push([a, a, 0], [a, a, f(2 ** 24)], [a, -a, f(3)]);
  }
  // the top of the range: the midpoint 2^128 − 2^103 from below and above, and Infinity
  out.push(
    [f(1 + 2 ** -20), f((1 - 2 ** -20) * 2 ** 103), FLT_MAX],
    [f(-(1 + 2 ** -20)), f((1 - 2 ** -20) * 2 ** 103), -FLT_MAX],
    [f(1 + 2 ** -20), f((1 + 2 ** -20) * 2 ** 103), FLT_MAX],
    [f(2 ** 64), f(2 ** 64), FLT_MAX],
    [f(2 ** 63), f(2 ** 64), FLT_MAX],
    [FLT_MAX, f(2), -FLT_MAX],
    [f(2 ** 103), f(1), FLT_MAX],
  );
  // subnormal results and operands
  for (let t = 0; t < 300; t++) {
    const a = f((next() - 0.5) * 2 ** -60);
    const b = f((next() - 0.5) * 2 ** -70);
    const c = f((next() - 0.5) * 2 ** -140);
    out.push([a, b, c], [f(next() * 1e-45 * 50), f(next() * 4), f(-next() * 1e-44)]);
  }
  // random, and cancellation c ≈ −a·b
  for (let t = 0; t < 2000; t++) {
    const a = f((next() - 0.5) * 2 ** (Math.floor(next() * 60) - 30));
    const b = f((next() - 0.5) * 2 ** (Math.floor(next() * 60) - 30));
    out.push([a, b, f((next() - 0.5) * 2 ** (Math.floor(next() * 60) - 30))], [a, b, f(-a * b)]);
  }
  return out;
}

describe('fmaf: one correct rounding of a·b + c', () => {
  const cases = hardCases();
  const expected = cases.map(([a, b, c]) => exactFmaf(a, b, c));

  it('the oracle sees double rounding: fround(a·b + c) is wrong on some of these cases', () => {
    const wrong = cases.filter(([a, b, c], i) => !Object.is(f(a * b + c), expected[i]));
    expect(wrong.length).toBeGreaterThan(100);
    // the top of the range: the double sum is the midpoint 2^128 − 2^103, the true value below it
    expect(f(f(1 + 2 ** -20) * f((1 - 2 ** -20) * 2 ** 103) + FLT_MAX)).toBe(Infinity);
    expect(exactFmaf(f(1 + 2 ** -20), f((1 - 2 ** -20) * 2 ** 103), FLT_MAX)).toBe(FLT_MAX);
  });

  it('the reference fmaf (TypeScript) equals the oracle', () => {
    cases.forEach(([a, b, c], i) => {
      if (!Object.is(fmaf(a, b, c), expected[i])) expect.fail(`fmaf(${a}, ${b}, ${c}) = ${fmaf(a, b, c)}, expected ${expected[i]}`);
    });
  });

  it('the WebAssembly fmaf (f32x4 lanes and the scalar tail) equals the oracle', () => {
    const n = cases.length; // not a multiple of 4 after the odd offset below: both paths run
    for (const offset of [0, 1, 3]) {
      const m = n - offset;
      const arrays = [0, 1, 2, 3].map(() => wasm.heap.alloc('float32', m));
      const [a, b, c, out] = arrays.map((s) => s.array() as Float32Array) as [Float32Array, Float32Array, Float32Array, Float32Array];
      for (let i = 0; i < m; i++) [a[i], b[i], c[i]] = cases[i + offset]!;
      wasm.fmafF32(a, b, c, out);
      for (let i = 0; i < m; i++) {
        if (!Object.is(out[i], expected[i + offset])) expect.fail(`wasm fmaf(${a[i]}, ${b[i]}, ${c[i]}) = ${out[i]}, expected ${expected[i + offset]} (index ${i}, ${i < m - (m % 4) ? 'lanes' : 'tail'})`);
      }
      for (const s of arrays) s.dispose();
    }
  });

  it('NaN and infinite operands give what fmaf gives', () => {
    const specials: [number, number, number][] = [
      [NaN, 1, 1],
      [Infinity, 0, 1],
      [Infinity, 1, -Infinity],
      [Infinity, 2, 3],
      [-0, 0, -0],
      [0, -1, 0],
    ];
    const want = [NaN, NaN, NaN, Infinity, -0, 0];
    specials.forEach(([a, b, c], i) => expect(Object.is(fmaf(a, b, c), want[i]) || (Number.isNaN(want[i]!) && Number.isNaN(fmaf(a, b, c)))).toBe(true));
    const arrays = [0, 1, 2, 3].map(() => wasm.heap.alloc('float32', specials.length));
    const [a, b, c, out] = arrays.map((s) => s.array() as Float32Array) as [Float32Array, Float32Array, Float32Array, Float32Array];
    specials.forEach(([x, y, z], i) => ((a[i] = x), (b[i] = y), (c[i] = z)));
    wasm.fmafF32(a, b, c, out);
    want.forEach((w, i) => expect(Number.isNaN(w) ? Number.isNaN(out[i]!) : Object.is(out[i], w)).toBe(true));
    for (const s of arrays) s.dispose();
  });
});

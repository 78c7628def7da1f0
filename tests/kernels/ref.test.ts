/**
 * The reference kernel against hand-derived values, the semantics of spec §7–§9, argument errors
 * and a few laws. The WebAssembly kernels are checked against this one in wasm.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TypeError as PaddleTypeError, ValueError } from '../../src/errors.js';
import {
  blockSumSquares,
  refBackend,
  rmspropSlotF32,
  rmspropSlotF64,
  sumSquaresRef,
  SUM_SQUARES_BLOCK,
  type RmspropHyper,
  type RmspropSlot,
} from '../../src/kernels/index.js';
import { expectSameBits, rng } from './helpers.js';

const f = Math.fround;

function slot64(p: number[], g: number[], lr: number, extra: Partial<RmspropSlot<Float64Array>> = {}) {
  const n = p.length;
  return {
    param: Float64Array.from(p),
    grad: Float64Array.from(g),
    meanSquare: new Float64Array(n),
    moment: new Float64Array(n),
    meanGrad: new Float64Array(n),
    lr,
    ...extra,
  };
}

function slot32(p: number[], g: number[], lr: number, extra: Partial<RmspropSlot<Float32Array>> = {}) {
  const n = p.length;
  return {
    param: Float32Array.from(p),
    grad: Float32Array.from(g),
    meanSquare: new Float32Array(n),
    moment: new Float32Array(n),
    meanGrad: new Float32Array(n),
    lr,
    ...extra,
  };
}

describe('hand-derived two-step values', () => {
  // float64, ρ = 0.5 (exact in float32, so c = 0.5), ε = 0, μ = 0.5, η = 0.5, p = 1, g = 2.
  const hyper = { rho: 0.5, epsilon: 0, momentum: 0.5, centered: false };

  it('uncentered with momentum', () => {
    const s = slot64([1], [2], 0.5);
    // step 1: ms = 0.5·0 + (0.5·2)·2 = 2;  mom = 0.5·0 + (0.5·2)/√2 = 0.7071067811865475
    //         p = 1 − 0.7071067811865475 = 0.29289321881345254
    rmspropSlotF64(s, hyper);
    expect(s.meanSquare[0]).toBe(2);
    expect(s.moment[0]).toBe(0.7071067811865475);
    expect(s.param[0]).toBe(0.29289321881345254);
    // step 2: ms = 0.5·2 + 2 = 3;  mom = 0.5·0.7071067811865475 + 1/√3 = 0.9309036597828996
    //         p = 0.29289321881345254 − 0.9309036597828996 = −0.638010440969447
    rmspropSlotF64(s, hyper);
    expect(s.meanSquare[0]).toBe(3);
    expect(s.moment[0]).toBe(0.9309036597828996);
    expect(s.param[0]).toBe(-0.638010440969447);
    expect(s.meanGrad[0]).toBe(0); // untouched when not centered
    expect(s.grad[0]).toBe(2); // never written
  });

  it('centered with momentum', () => {
    const s = slot64([1], [2], 0.5);
    const centered = { ...hyper, centered: true };
    // step 1: ms = 2; mg = 0.5·0 + 0.5·2 = 1; denom = √((2 − 1·1) + 0) = 1; mom = 1/1 = 1; p = 0
    rmspropSlotF64(s, centered);
    expect([s.meanSquare[0], s.meanGrad[0], s.moment[0], s.param[0]]).toEqual([2, 1, 1, 0]);
    // step 2: ms = 3; mg = 0.5 + 1 = 1.5; denom = √(3 − 2.25) = √0.75 = 0.8660254037844386
    //         mom = 0.5·1 + 1/0.8660254037844386 = 1.6547005383792517; p = 0 − mom
    rmspropSlotF64(s, centered);
    expect(s.meanSquare[0]).toBe(3);
    expect(s.meanGrad[0]).toBe(1.5);
    expect(s.moment[0]).toBe(1.6547005383792517);
    expect(s.param[0]).toBe(-1.6547005383792517);
  });

  it('float32 with Paddle defaults (ρ 0.95, ε 1e-6, μ 0), lr 0.01, p = g = 1', () => {
    // ρ = f32(0.95) = 0.949999988079071, c = f32(1 − ρ) = 0.050000011920928955,
    // ε = f32(1e-6) = 9.999999974752427e-7, η = f32(0.01) = 0.009999999776482582
    const s = slot32([1], [1], f(0.01));
    const hyper32 = { rho: 0.95, epsilon: 1e-6, momentum: 0, centered: false };
    // step 1: ms = c = 0.050000011920928955; denom = f32(√(ms + ε)) = 0.223609060049057
    //         mom = f32(η/denom) = 0.044720906764268875; p = f32(1 − mom) = 0.9552791118621826
    rmspropSlotF32(s, hyper32);
    expect(s.meanSquare[0]).toBe(0.050000011920928955);
    expect(s.moment[0]).toBe(0.044720906764268875);
    expect(s.param[0]).toBe(0.9552791118621826);
    // step 2: ms = f32(ρ·ms + c) = 0.0975000262260437; denom = 0.3122515380382538
    //         mom = 0·mom + η/denom = 0.03202546387910843; p = 0.9232536554336548
    rmspropSlotF32(s, hyper32);
    expect(s.meanSquare[0]).toBe(0.0975000262260437);
    expect(s.moment[0]).toBe(0.03202546387910843);
    expect(s.param[0]).toBe(0.9232536554336548);
  });
});

describe('spec §7 details', () => {
  it('float64 still rounds ρ, ε and μ to float32 first', () => {
    // ρ = 0.9 → 0.8999999761581421, so c = 1 − ρ = 0.10000002384185791 (not 0.09999999999999998)
    const s = slot64([0], [1], 1);
    rmspropSlotF64(s, { rho: 0.9, epsilon: 0, momentum: 0, centered: false });
    expect(s.meanSquare[0]).toBe(0.10000002384185791);
    expect(s.moment[0]).toBe(1 / Math.sqrt(0.10000002384185791));
    // ε = 1e-6 → 9.999999974752427e-7 and μ = 0.1 → 0.10000000149011612
    const t = slot64([0], [0], 1, { moment: Float64Array.of(1), meanSquare: Float64Array.of(0) });
    rmspropSlotF64(t, { rho: 0.5, epsilon: 1e-6, momentum: 0.1, centered: false });
    expect(t.moment[0]).toBe(0.10000000149011612); // 0.1(f32)·1 + (1·0)/√ε
  });

  it('a negative radicand gives NaN, not a clamp', () => {
    // centered, g = 0, mg = 10: ms = 0, mg = ρ·10, radicand = 0 − (ρ·10)² + ε < 0
    const s = slot32([1], [0], f(0.01), { meanGrad: Float32Array.of(10) });
    rmspropSlotF32(s, { rho: 0.95, epsilon: 1e-6, momentum: 0, centered: true });
    expect(Number.isNaN(s.moment[0])).toBe(true);
    expect(Number.isNaN(s.param[0])).toBe(true);
  });

  it('momentum 0 still computes 0·mom: an infinite moment becomes NaN', () => {
    const s = slot64([1], [1], 0.1, { moment: Float64Array.of(Infinity) });
    rmspropSlotF64(s, { rho: 0.95, epsilon: 1e-6, momentum: 0, centered: false });
    expect(Number.isNaN(s.moment[0])).toBe(true);
  });

  it('ε = 0 with ms = 0 and g = 0 gives 0/0 = NaN, as Paddle', () => {
    const s = slot32([1], [0], f(0.01));
    rmspropSlotF32(s, { rho: 0.95, epsilon: 0, momentum: 0, centered: false });
    expect(Number.isNaN(s.param[0])).toBe(true);
  });

  it('every float32 op is rounded: differs from the same formula in float64', () => {
    const p = [0.1, -0.7, 3.3];
    const g = [0.3, 0.2, -1.1];
    const hyper = { rho: 0.95, epsilon: 1e-6, momentum: 0.9, centered: true };
    const a = slot32(p, g, f(0.01));
    const b = slot64(p.map(f), g.map(f), f(0.01));
    for (let k = 0; k < 3; k++) {
      rmspropSlotF32(a, hyper);
      rmspropSlotF64(b, hyper);
    }
    // float32 results are not the float64 ones rounded once at the end
    let differ = 0;
    for (let i = 0; i < 3; i++) if (a.param[i] !== f(b.param[i])) differ++;
    for (let i = 0; i < 3; i++) if (a.meanSquare[i] !== f(b.meanSquare[i])) differ++;
    expect(differ).toBeGreaterThan(0);
    for (let i = 0; i < 3; i++) expect(a.param[i]).toBeCloseTo(b.param[i], 5);
  });
});

describe('fused gradient transforms (spec §8, §9)', () => {
  const hyper: RmspropHyper = { rho: 0.5, epsilon: 0, momentum: 0, centered: false };
  /** The gradient the kernel used, recovered from ms = 0.5·0 + (0.5·g)·g with ms₀ = 0. */
  function usedGradMagnitude(ms: number): number {
    return Math.sqrt(ms / 0.5);
  }

  it('value clip: bounds, NaN passes, bounds rounded to the dtype', () => {
    const s = slot32([0, 0, 0, 0], [5, -5, 0.25, NaN], 1, { clipMin: -0.5, clipMax: 0.3 });
    rmspropSlotF32(s, hyper);
    // g = [f32(0.3), −0.5, 0.25, NaN] → ms = (0.5·g)·g
    expect(s.meanSquare[0]).toBe(f(f(0.5 * f(0.3)) * f(0.3)));
    expect(s.meanSquare[1]).toBe(0.125);
    expect(s.meanSquare[2]).toBe(0.03125);
    expect(s.meanSquare[3]).toBeNaN();
    expect(Math.sign(s.param[0])).toBe(-1); // p = −mom, mom has the sign of g
    expect(Math.sign(s.param[1])).toBe(1);
    // one bound only: the other is infinite
    const t = slot64([0, 0], [5, -5], 1, { clipMax: 2 });
    rmspropSlotF64(t, hyper);
    expect(usedGradMagnitude(t.meanSquare[0])).toBe(2);
    expect(usedGradMagnitude(t.meanSquare[1])).toBe(5);
  });

  it('order is clip → scale → decay, decay uses p before the update', () => {
    // g = 4 → clip 1 → ×0.5 = 0.5 → + 0.25·p(=2) = 1
    const s = slot64([2], [4], 1, { clipMin: -1, clipMax: 1, gradScale: 0.5, decay: { kind: 'l2', coeff: 0.25 } });
    rmspropSlotF64(s, hyper);
    expect(s.meanSquare[0]).toBe(0.5); // (0.5·1)·1
    // mom = (1·1)/√0.5 = 1/0.7071067811865476 = 1.414213562373095 (one ulp below √2)
    // p = 2 − mom = 0.5857864376269051
    expect(s.moment[0]).toBe(1.414213562373095);
    expect(s.param[0]).toBe(0.5857864376269051);
  });

  it('L1 decay adds coeff·sign(p), with sign(±0) = 0', () => {
    const s = slot64([3, -3, 0, -0], [0, 0, 0, 0], 1, { decay: { kind: 'l1', coeff: 0.5 } });
    rmspropSlotF64(s, hyper);
    // g = [0.5, −0.5, 0, 0] → ms = 0.5·g² = [0.125, 0.125, 0, 0]
    expect(Array.from(s.meanSquare)).toEqual([0.125, 0.125, 0, 0]);
  });

  it('L2 decay in float32 rounds coeff·p and the sum', () => {
    const coeff = 0.01;
    const p = 0.7;
    const g = 0.3;
    const s = slot32([p], [g], 1, { decay: { kind: 'l2', coeff } });
    rmspropSlotF32(s, hyper);
    const used = f(f(g) + f(f(coeff) * f(p)));
    expect(s.meanSquare[0]).toBe(f(f(0.5 * used) * used));
  });

  it('the gradient array is never written', () => {
    const s = slot32([1, 2], [5, -5], 1, { clipMin: -1, clipMax: 1, gradScale: 0.5, decay: { kind: 'l1', coeff: 1 } });
    rmspropSlotF32(s, { rho: 0.9, epsilon: 1e-6, momentum: 0.9, centered: true });
    expect(Array.from(s.grad)).toEqual([5, -5]);
  });
});

describe('golden-free laws (fast-check)', () => {
  const finite32 = fc.float({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });

  it('mean square stays ≥ 0 for finite gradients (uncentered)', () => {
    fc.assert(
      fc.property(
        fc.array(finite32, { minLength: 1, maxLength: 20 }),
        fc.float({ min: 0, max: 1, noNaN: true }),
        (g, rho) => {
          const s = slot32(g.map(() => 0), g, f(0.01));
          rmspropSlotF32(s, { rho, epsilon: 1e-6, momentum: 0.5, centered: false });
          rmspropSlotF32(s, { rho, epsilon: 1e-6, momentum: 0.5, centered: false });
          return Array.from(s.meanSquare).every((v) => v >= 0);
        },
      ),
    );
  });

  it('zero gradient and zero momentum leave the parameters unchanged (ε > 0)', () => {
    fc.assert(
      fc.property(
        fc.array(finite32, { minLength: 1, maxLength: 20 }),
        fc.boolean(),
        (p, centered) => {
          const s = slot32(p, p.map(() => 0), f(0.1));
          const before = s.param.slice();
          rmspropSlotF32(s, { rho: 0.95, epsilon: 1e-6, momentum: 0.9, centered });
          return s.param.every((v, i) => Object.is(v, before[i]));
        },
      ),
    );
  });
});

describe('argument errors leave everything untouched', () => {
  const hyper = { rho: 0.95, epsilon: 1e-6, momentum: 0, centered: false };
  const good = () => slot32([1, 2], [1, 1], 0.1);

  it('length mismatch → ValueError naming the array', () => {
    const a = good();
    const b = { ...good(), moment: new Float32Array(3) };
    expect(() => refBackend.rmspropStep('float32', [a, b], hyper)).toThrow(ValueError);
    expect(() => refBackend.rmspropStep('float32', [a, b], hyper)).toThrow(/slots\[1\]\.moment.*length 3/);
    expect(Array.from(a.param)).toEqual([1, 2]); // the first slot was not stepped either
  });

  it('wrong array type or dtype → TypeError', () => {
    const a = good();
    expect(() => refBackend.rmspropStep('float64', [a], hyper)).toThrow(PaddleTypeError);
    expect(() => refBackend.rmspropStep('float64', [a], hyper)).toThrow(/Float64Array.*Float32Array/);
    expect(() => refBackend.rmspropStep('float16' as 'float32', [a], hyper)).toThrow(PaddleTypeError);
    expect(() =>
      refBackend.rmspropStep('float32', [{ ...a, grad: [1, 2] as unknown as Float32Array }], hyper),
    ).toThrow(/slots\[0\]\.grad.*Array/);
    expect(() => refBackend.rmspropStep('float32', [{ ...a, decay: { kind: 'l3' as 'l1', coeff: 1 } }], hyper)).toThrow(
      ValueError,
    );
    expect(() => refBackend.rmspropStep('float32', [a], { ...hyper, centered: 1 as unknown as boolean })).toThrow(
      PaddleTypeError,
    );
    expect(() => refBackend.sumSquares('float32', [new Float64Array(2)])).toThrow(/arrays\[0\]/);
    expect(Array.from(a.param)).toEqual([1, 2]);
  });
});

describe('sum of squares', () => {
  it('is the documented lane order, in float64', () => {
    const a = Float32Array.of(1, 2, 3, 4, 5, 6, 7);
    // lanes: l0 = 1 + 25, l1 = 4 + 36, l2 = 9 + 49, l3 = 16 → (26 + 58) + (40 + 16) = 140
    expect(sumSquaresRef([a])).toBe(140);
    expect(refBackend.sumSquares('float32', [a, Float32Array.of(0.5)])).toBe(140.25);
    expect(refBackend.sumSquares('float64', [])).toBe(0);
    // float32 inputs are squared exactly in float64
    const x = f(0.1);
    expect(sumSquaresRef([Float32Array.of(x)])).toBe(x * x);
  });

  it('adds block sums one by one', () => {
    const next = rng(7);
    const a = new Float64Array(SUM_SQUARES_BLOCK * 2 + 5);
    for (let i = 0; i < a.length; i++) a[i] = next() * 2 - 1;
    let expected = 0;
    expected += blockSumSquares(a, 0, SUM_SQUARES_BLOCK);
    expected += blockSumSquares(a, SUM_SQUARES_BLOCK, 2 * SUM_SQUARES_BLOCK);
    expected += blockSumSquares(a, 2 * SUM_SQUARES_BLOCK, a.length);
    expect(sumSquaresRef([a])).toBe(expected);
    let naive = 0;
    for (const v of a) naive += v * v;
    expect(Math.abs(sumSquaresRef([a]) - naive) / naive).toBeLessThan(1e-12);
  });

  it('is unaffected by where an array starts', () => {
    const next = rng(3);
    const a = new Float32Array(101);
    for (let i = 0; i < a.length; i++) a[i] = next();
    expectSameBits(
      Float64Array.of(sumSquaresRef([a.subarray(1)])),
      Float64Array.of(sumSquaresRef([a.slice(1)])),
      'subarray',
    );
  });
});

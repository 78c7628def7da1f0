/**
 * The global seeded random generator behind every random draw (creation ops and initializers).
 * `seed(n)` makes them reproducible. Algorithm: xoshiro128** seeded through splitmix32; doubles
 * take 53 random bits. (Paddle's own generator streams are not reproduced: same seed, same
 * numbers *here*, not the same numbers as Paddle.)
 */
import { ValueError } from '../errors.js';

class Xoshiro128 {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  private spare: number | null = null;

  constructor(seed: number) {
    this.reseed(seed);
  }

  reseed(seed: number): void {
    let x = seed >>> 0;
    const hi = Math.floor(seed / 4294967296) >>> 0;
    const next = (): number => {
      x = (x + 0x9e3779b9) | 0;
      let z = x ^ hi;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
    this.spare = null;
  }

  nextU32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  nextDouble(): number {
    const a = this.nextU32() >>> 5;
    const b = this.nextU32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** Standard normal (Box–Muller, caching the second value). */
  nextNormal(): number {
    if (this.spare !== null) {
      const v = this.spare;
      this.spare = null;
      return v;
    }
    let u = 0;
    while (u === 0) u = this.nextDouble();
    const v = this.nextDouble();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

function defaultSeed(): number {
  const c = (globalThis as { crypto?: { getRandomValues?(a: Uint32Array): Uint32Array } }).crypto;
  if (c?.getRandomValues !== undefined) return c.getRandomValues(new Uint32Array(1))[0] as number;
  return Date.now() >>> 0;
}

let currentSeed = defaultSeed();
const generator = new Xoshiro128(currentSeed);

/**
 * `paddle.seed(n)`: reseeds the global generator. Returns the seed.
 * @param value - The seed, a non-negative safe integer (Paddle's `seed`).
 * @returns `value`.
 * @throws {@link errors.ValueError} when `value` is not a non-negative safe integer.
 */
export function seed(value: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || !Number.isSafeInteger(value)) {
    throw new ValueError(`The 'seed' must be a non-negative integer, but received ${String(value)}.`);
  }
  currentSeed = value;
  generator.reseed(value);
  return value;
}

/**
 * The seed the global generator was last given by {@link seed} (Paddle's `Generator.initial_seed()`
 * of the default generator).
 * @returns The seed last passed to {@link seed}, or the random seed chosen at startup if none was.
 */
export function initialSeed(): number {
  return currentSeed;
}

/**
 * Uniform double in [0, 1).
 * @returns A number in [0, 1) from the global generator.
 */
export function randomUniform01(): number {
  return generator.nextDouble();
}

/**
 * Standard normal double.
 * @returns A standard normal number from the global generator.
 */
export function randomNormal(): number {
  return generator.nextNormal();
}

/**
 * Uniform integer in [low, high).
 * @param low - The lowest value (inclusive).
 * @param high - The upper bound (exclusive).
 * @returns An integer in [low, high) from the global generator.
 */
export function randomInt(low: number, high: number): number {
  return low + Math.floor(generator.nextDouble() * (high - low));
}

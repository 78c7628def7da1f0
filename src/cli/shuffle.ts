/**
 * Seeded orderings of the training digits. Each epoch's order depends only on (seed, epoch), so a
 * resumed run visits the digits exactly as an uninterrupted one would. The generator is
 * mulberry32 (a 32-bit state, plenty for shuffling); the library's global generator is left to
 * the weight initialisers.
 */

/** A uniform [0, 1) stream from a 32-bit seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes several integers into one 32-bit seed. */
export function mixSeed(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x01000193);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
  }
  return h >>> 0;
}

/** A Fisher–Yates shuffle of `0 .. n-1` (or of `items`) driven by `seed`. */
export function permutation(n: number, seed: number): Uint32Array;
export function permutation(items: Uint32Array, seed: number): Uint32Array;
export function permutation(nOrItems: number | Uint32Array, seed: number): Uint32Array {
  const out = typeof nOrItems === 'number' ? Uint32Array.from({ length: nOrItems }, (_, i) => i) : Uint32Array.from(nOrItems);
  const rand = mulberry32(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = out[i] as number;
    out[i] = out[j] as number;
    out[j] = t;
  }
  return out;
}

/** The training rows a run uses: all, or the first `limit` of a seeded order (every class). */
export function trainingSubset(count: number, limit: number | null, seed: number): Uint32Array {
  if (limit === null || limit >= count) return Uint32Array.from({ length: count }, (_, i) => i);
  return permutation(count, mixSeed(seed, 0x5eed)).slice(0, limit);
}

/** The order in which epoch `epoch` (0-based) visits `rows`. */
export function epochOrder(rows: Uint32Array, seed: number, epoch: number): Uint32Array {
  return permutation(rows, mixSeed(seed, epoch + 1));
}

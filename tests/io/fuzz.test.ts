/**
 * Mutation fuzzing of the readers: valid files get byte flips, truncations, insertions (random
 * bytes and pickle opcodes), deletions and duplicated ranges. Every outcome must be either a
 * valid value or one of the documented error kinds, within a time bound per input (a hang guard,
 * not a benchmark), and no result may hold more bytes than the input can justify.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyError, ValueError } from '../../src/errors.js';
import { isNdArray } from '../../src/io/ndarray.js';
import { unpickle } from '../../src/io/pickle-read.js';
import { PyTuple } from '../../src/io/py-value.js';
import { readSafetensors } from '../../src/io/safetensors.js';
import { loadBytes, saveBytes } from '../../src/io/save-load.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { fixture } from './helpers.js';
import { hostileCorpus } from './hostile-corpus.js';

const HANG_GUARD_MS = 1000;

const PICKLES = [
  'linear.p2.pdparams',
  'linear.p3.pdparams',
  'rmsprop.p4.pdopt',
  'mixed.p2.pkl',
  'mixed.p4.pkl',
  'mixed.p5.pkl',
  'split.p2.pdparams',
  'generic.p4.pdparams',
  'shared.p4.pkl',
].map((n) => fixture(n));

const SAFETENSORS = [fixture('plain.safetensors'), fixture('wide.safetensors'), saveBytes(
  { a: Tensor.fromArray(Float32Array.from([1, 2]), [2], 'float32', { name: 'a_0' }), LR_Scheduler: { last_epoch: 1, last_lr: 0.5 } },
  { format: 'safetensors' },
)];

/** The hostile corpus (issue 11) at a small scale, as seeds: each ≤ 128 KB. */
const HOSTILE = hostileCorpus(0.002)
  .map((c) => ({ name: c.name, format: c.format, bytes: c.make() }))
  .filter((c) => c.bytes.length <= 128 * 1024);

/** Opcodes worth splicing in: containers, memo, calls, long lengths. */
const OPCODES = [
  0x80, 0x95, 0x2e, 0x28, 0x30, 0x31, 0x32, 0x4e, 0x88, 0x89, 0x4a, 0x4b, 0x4d, 0x8a, 0x8b, 0x47, 0x8c, 0x58, 0x8d,
  0x55, 0x54, 0x43, 0x42, 0x8e, 0x96, 0x7d, 0x5d, 0x29, 0x85, 0x86, 0x87, 0x74, 0x6c, 0x64, 0x61, 0x65, 0x73, 0x75,
  0x71, 0x72, 0x94, 0x68, 0x6a, 0x63, 0x93, 0x52, 0x81, 0x62, 0xff,
];

type Mutation =
  | { kind: 'flip'; at: number; value: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: readonly number[] }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number; to: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.oneof(
      fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 9 }),
      fc.array(fc.constantFrom(...OPCODES), { minLength: 1, maxLength: 6 }),
      // A length field of 0xff.. bytes: declared sizes far beyond the input.
      fc.constantFrom([0xff, 0xff, 0xff, 0xff], [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f], [0x00, 0x00, 0x00, 0x80]),
    ),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 16 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }), to: fc.nat() }),
);

function mutate(src: Uint8Array, muts: Mutation[]): Uint8Array {
  let b = Array.from(src);
  for (const m of muts) {
    const at = b.length === 0 ? 0 : m.at % (b.length + 1);
    switch (m.kind) {
      case 'flip':
        if (b.length > 0) b[at % b.length] = m.value;
        break;
      case 'truncate':
        b = b.slice(0, at);
        break;
      case 'insert':
        b.splice(at, 0, ...m.bytes);
        break;
      case 'delete':
        b.splice(at, m.length);
        break;
      case 'duplicate': {
        const chunk = b.slice(at, at + m.length);
        b.splice(b.length === 0 ? 0 : m.to % (b.length + 1), 0, ...chunk);
        break;
      }
    }
  }
  return Uint8Array.from(b);
}

/** Bytes held by a result (arrays, bytes, strings), each object counted once. */
function heldBytes(root: unknown): number {
  const seen = new Set<unknown>();
  const stack = [root];
  let total = 0;
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') total += v.length;
    if (typeof v !== 'object' || v === null || seen.has(v)) continue;
    seen.add(v);
    if (v instanceof Tensor) total += v.numel * 8;
    else if (v instanceof Uint8Array) total += v.length;
    else if (isNdArray(v)) total += v.data.byteLength;
    else if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (v instanceof PyTuple) for (const x of v.items) stack.push(x);
    else if (v instanceof Map) for (const [k, x] of v) stack.push(k, x);
    else for (const x of Object.values(v)) stack.push(x);
  }
  return total;
}

/** Structural validity of a model value: every array consistent with its shape. */
function checkValid(root: unknown): void {
  const seen = new Set<unknown>();
  const stack = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null || seen.has(v)) continue;
    seen.add(v);
    if (v instanceof Tensor) {
      expect(v.numpy().length).toBe(v.shape.reduce((a, d) => a * d, 1));
    } else if (v instanceof Uint8Array) {
      continue;
    } else if ('dtype' in v && 'data' in v) {
      expect(isNdArray(v), 'a well-formed NdArray').toBe(true);
    } else if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (v instanceof PyTuple) for (const x of v.items) stack.push(x);
    else if (v instanceof Map) for (const [k, x] of v) stack.push(k, x);
    else for (const x of Object.values(v)) stack.push(x);
  }
}

function run(
  reader: (b: Uint8Array) => unknown,
  input: Uint8Array,
  allowed: (e: unknown) => boolean,
): void {
  const t0 = performance.now();
  let result: unknown;
  let threw: unknown = null;
  try {
    result = reader(input);
  } catch (e) {
    threw = e;
  }
  const ms = performance.now() - t0;
  expect(ms, 'hang guard').toBeLessThan(HANG_GUARD_MS);
  if (threw !== null) {
    if (!allowed(threw)) throw new Error(`undocumented error kind: ${String(threw)}`, { cause: threw });
    return;
  }
  checkValid(result);
  // Widening (int8 → int32) and Tensor accounting (8 bytes/element) bound the factor.
  expect(heldBytes(result)).toBeLessThanOrEqual(32 * input.length + 1024);
}

const isValueError = (e: unknown): boolean => e instanceof ValueError;
const isLoadError = (e: unknown): boolean => e instanceof ValueError || e instanceof KeyError;

const muts = fc.array(mutation, { minLength: 1, maxLength: 4 });

describe('fuzz: mutated files give a valid value or a documented error, quickly', () => {
  it('unpickle (UnpicklingError / ValueError only)', () => {
    fc.assert(
      fc.property(fc.nat({ max: PICKLES.length - 1 }), muts, (i, m) => {
        run((b) => unpickle(b), mutate(PICKLES[i] as Uint8Array, m), isValueError);
      }),
      { seed: 20240607, numRuns: 3000 },
    );
  });

  it('loadBytes with Paddle post-processing (ValueError family or KeyError)', () => {
    fc.assert(
      fc.property(fc.nat({ max: PICKLES.length - 1 }), muts, fc.boolean(), (i, m, returnNumpy) => {
        run((b) => loadBytes(b, { returnNumpy, format: 'pickle' }), mutate(PICKLES[i] as Uint8Array, m), isLoadError);
      }),
      { seed: 7, numRuns: 800 },
    );
  });

  it('readSafetensors and loadBytes on safetensors (SafetensorsError / ValueError)', () => {
    fc.assert(
      fc.property(fc.nat({ max: SAFETENSORS.length - 1 }), muts, (i, m) => {
        const input = mutate(SAFETENSORS[i] as Uint8Array, m);
        run((b) => readSafetensors(b), input, isValueError);
        run((b) => loadBytes(b, { format: 'safetensors' }), input, isLoadError);
      }),
      { seed: 99, numRuns: 1000 },
    );
  });

  it('the hostile corpus as seeds: loadBytes gives a value or a documented error, quickly', () => {
    expect(HOSTILE.length).toBeGreaterThan(15);
    for (const c of HOSTILE) run((b) => loadBytes(b, { format: c.format }), c.bytes, isLoadError);
    fc.assert(
      fc.property(fc.nat({ max: HOSTILE.length - 1 }), muts, fc.boolean(), (i, m, returnNumpy) => {
        const c = HOSTILE[i] as (typeof HOSTILE)[number];
        run((b) => loadBytes(b, { format: c.format, returnNumpy }), mutate(c.bytes, m), isLoadError);
      }),
      { seed: 11, numRuns: 400 },
    );
  });

  it('the mutator does produce accepted inputs too (the property is not vacuous)', () => {
    let ok = 0;
    let failed = 0;
    fc.assert(
      fc.property(fc.nat({ max: PICKLES.length - 1 }), muts, (i, m) => {
        try {
          unpickle(mutate(PICKLES[i] as Uint8Array, m));
          ok++;
        } catch {
          failed++;
        }
      }),
      { seed: 20240607, numRuns: 1500 },
    );
    // Seeded, so these counts are fixed; most mutations break a small file's structure.
    expect(ok).toBeGreaterThan(20);
    expect(failed).toBeGreaterThan(1000);
  });
});

/**
 * Zeros of A in the WebAssembly product (assembly/gemm.ts G_SKIP): a step k whose four A values of
 * a 4-row block are all ±0 is left out. The contract's sum is unchanged (s + (±0) = s for every s
 * the loop holds, since s is never -0) as long as B is finite — with an ∞ or a NaN in B the
 * product must still give 0·∞ = NaN, so then nothing is skipped. Checked against the reference
 * backend (itself checked against the contract's plain loop in gemm.test.ts) bit for bit: sparse
 * A with +0 and -0, every layout, odd shapes around the 4-row blocks and the 128-value k blocks,
 * batches with strides and broadcasts, bias, 1 and 2 threads; and that the skip path really ran
 * (`stats.gemmSkipped`) where it should, and not where it must not.
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as paddle from '../../src/index.js';
import { configureThreads, refBackend, setNumThreads, useBackend, type GemmCall, type WasmBackend } from '../../src/kernels/index.js';
import { rng as uniform01 } from '../helpers/rng.js';
import { productTestSetup } from './helpers.js';

const wasm = productTestSetup();

/** Values in [-1, 1), a `zeros` fraction of them ±0 (half of those -0), in runs as in images. */
function sparse(n: number, zeros: number, r: () => number): Float32Array {
  const out = new Float32Array(n);
  let run = 0;
  for (let i = 0; i < n; i++) {
    if (run === 0 && r() < zeros) run = 1 + Math.floor(r() * 12);
    if (run > 0) {
      out[i] = r() < 0.5 ? 0 : -0;
      run--;
    } else out[i] = Math.fround(r() * 2 - 1);
  }
  return out;
}

function call(r: () => number, M: number, N: number, K: number, opts: Partial<GemmCall<Float32Array>> & { zeros?: number } = {}): GemmCall<Float32Array> {
  const batch = opts.batch ?? 1;
  const sa = opts.strideA ?? M * K;
  const sb = opts.strideB ?? K * N;
  const { zeros = 0.7, ...rest } = opts;
  return {
    a: sparse(Math.max(1, (batch - 1) * sa + M * K), zeros, r),
    b: Float32Array.from({ length: Math.max(1, (batch - 1) * sb + K * N) }, () => Math.fround(r() * 2 - 1)),
    c: new Float32Array(batch * M * N),
    m: M,
    n: N,
    k: K,
    ...rest,
  };
}

/** Runs `c` on the WASM backend and on the reference; returns whether the skip path ran. */
function expectSameAsRef(be: WasmBackend, c: GemmCall<Float32Array>, what: string): boolean {
  const want = c.c.slice();
  refBackend.gemm('float32', { ...c, c: want });
  const before = be.stats.gemmSkipped;
  be.gemm('float32', c);
  for (let e = 0; e < want.length; e++) {
    if (!Object.is(c.c[e], want[e])) expect.fail(`${what}, element ${e}: ${c.c[e]} vs ${want[e]}`);
  }
  return be.stats.gemmSkipped > before;
}

/** [M, N, K]: odd sizes around the 4-row blocks and the 128-value k blocks, each ≥ 65,536 multiply-adds and N ≥ 16 (where the lists are built). */
const SHAPES: [number, number, number][] = [
  [4, 130, 130],
  [64, 256, 784],
  [17, 17, 1025],
  [5, 33, 513],
  [7, 40, 300],
  [255, 17, 64],
  [9, 1025, 20],
  [784, 256, 64],
];

describe('gemm: zeros of A left out, same bits', () => {
  for (const shared of [false, true]) {
    it(`${shared ? 'shared' : 'ordinary'} memory: every layout, odd shapes, bias; the skip path runs`, () => {
      const be = wasm(shared);
      const r = uniform01(shared ? 21 : 20);
      let skipped = 0;
      for (const [M, N, K] of SHAPES) {
        for (const [transA, transB] of [[false, false], [true, false], [false, true], [true, true]] as const) {
          const c = call(r, M, N, K, { transA, transB, bias: Float32Array.from({ length: N }, () => Math.fround(r() - 0.5)) });
          if (expectSameAsRef(be, c, `[${M}, ${N}, ${K}] transA ${transA} transB ${transB}`)) skipped++;
        }
      }
      // every one of these is large enough and sparse enough
      expect(skipped).toBe(SHAPES.length * 4);
    });
  }

  it('batches: strided, broadcast A, broadcast B, with offsets', () => {
    const be = wasm(true);
    const r = uniform01(7);
    const [M, N, K] = [12, 40, 150];
    for (const [strideA, strideB] of [[M * K, K * N], [0, K * N], [M * K, 0], [M * K + 5, K * N + 3]]) {
      const c = call(r, M, N, K, { batch: 3, strideA, strideB });
      expect(expectSameAsRef(be, c, `strides ${strideA}/${strideB}`)).toBe(true);
    }
  });

  it('all-zero blocks give +0 (+ bias), and -0 values of B do not leak a -0', () => {
    const be = wasm(false);
    const r = uniform01(3);
    const c = call(r, 16, 24, 200, { zeros: 1 });
    c.a.fill(0);
    for (let i = 0; i < c.a.length; i += 7) c.a[i] = -0;
    for (let i = 0; i < c.b.length; i += 3) c.b[i] = -c.b[i]! * 0; // ±0 in B as well
    expect(expectSameAsRef(be, c, 'all zeros')).toBe(true);
    expect(Array.from(c.c).every((v) => Object.is(v, 0))).toBe(true);
  });

  it('an ∞ or a NaN in B turns the skip off (0·∞ = NaN must show), on every thread count', async () => {
    const be = wasm(true);
    const r = uniform01(9);
    for (const threads of [1, 2]) {
      setNumThreads(threads);
      await be.threadsReady?.();
      configureThreads({ gemmThreshold: 0 });
      for (const bad of [Infinity, -Infinity, NaN]) {
        // bands of columns (N ≥ M): each band checks its own columns of B; the one holding the ∞
        // runs dense, the others still skip
        const c = call(r, 32, 48, 300);
        c.b[5 * 48 + 7] = bad; // row k = 5, column 7
        for (let i = 0; i < 32; i++) c.a[i * 300 + 5] = 0; // every row's a[i, 5] is 0: 0·bad
        expectSameAsRef(be, c, `B holds ${bad}, ${threads} thread(s), column bands`);
        for (let i = 0; i < 32; i++) expect(Number.isNaN(c.c[i * 48 + 7])).toBe(true);
        // bands of rows (M > N): B is checked once before the product, which then runs dense
        const d = call(r, 300, 16, 40);
        d.b[3 * 16 + 2] = bad;
        for (let i = 0; i < 300; i++) d.a[i * 40 + 3] = 0;
        expect(expectSameAsRef(be, d, `B holds ${bad}, ${threads} thread(s), row bands`)).toBe(false);
        for (let i = 0; i < 300; i++) expect(Number.isNaN(d.c[i * 16 + 2])).toBe(true);
      }
    }
  });

  it('NaN and ∞ in A are values like any other (never skipped)', () => {
    const be = wasm(false);
    const r = uniform01(4);
    const c = call(r, 20, 32, 140);
    c.a[3] = NaN;
    c.a[140 * 5 + 9] = Infinity;
    c.a[140 * 9 + 100] = -Infinity;
    expect(expectSameAsRef(be, c, 'NaN/∞ in A')).toBe(true);
  });

  it('dense A builds lists and skips nothing; small products do not look', () => {
    const be = wasm(false);
    const r = uniform01(5);
    expect(expectSameAsRef(be, call(r, 64, 64, 64, { zeros: 0 }), 'dense')).toBe(false);
    expect(expectSameAsRef(be, call(r, 8, 8, 8), 'small')).toBe(false);
  });

  it('2 threads give the 1-thread bits with the skip on', async () => {
    const be = wasm(true);
    const r = uniform01(8);
    const c1 = call(r, 64, 256, 784);
    const c2 = { ...c1, c: new Float32Array(c1.c.length) };
    setNumThreads(1);
    expect(expectSameAsRef(be, c1, '1 thread')).toBe(true);
    setNumThreads(2);
    await be.threadsReady?.();
    configureThreads({ gemmThreshold: 0 });
    const jobs = be.stats.threadedCalls;
    expect(expectSameAsRef(be, c2, '2 threads')).toBe(true);
    if (be.threadsEnabled()) expect(be.stats.threadedCalls).toBe(jobs + 1);
    expect(Array.from(c2.c)).toEqual(Array.from(c1.c));
  });
});

describe('gemm: blocks run row by row, on their union, or dense (same bits)', () => {
  /** Modes of the blocks the last call built (`skips`: whether the skip path must run; null: either). */
  function modes(be: WasmBackend, c: GemmCall<Float32Array>, what: string, skips: boolean | null = true): { rows: number; union: number; dense: number } {
    const s = be.stats;
    const [r0, u0, d0] = [s.gemmRowBlocks, s.gemmUnionBlocks, s.gemmDenseBlocks];
    const ran = expectSameAsRef(be, c, what);
    if (skips !== null) expect(ran).toBe(skips);
    return { rows: s.gemmRowBlocks - r0, union: s.gemmUnionBlocks - u0, dense: s.gemmDenseBlocks - d0 };
  }

  /**
   * A whose rows have zeros at different steps (row i keeps a step when (k + 3i) % period < keep):
   * the union of four rows is dense, each row alone sparse; one row of every 8 needs every step
   * and row 2 none.
   */
  function staggered(M: number, K: number, transA: boolean, period: number, keep: number, r: () => number): Float32Array {
    const a = new Float32Array(M * K);
    for (let i = 0; i < M; i++) {
      for (let k = 0; k < K; k++) {
        const needed = i % 8 === 5 || (i !== 2 && (k + 3 * i) % period < keep);
        const v = needed ? Math.fround(r() * 2 - 1) : r() < 0.5 ? 0 : -0;
        a[transA ? k * M + i : i * K + k] = v;
      }
    }
    return a;
  }

  for (const transA of [false, true]) {
    it(`rows with zeros at different steps run row by row${transA ? ' (A stored transposed)' : ''}: tails of 32/8/4/1 columns, k blocks, bias, 1 and 2 threads`, async () => {
      const be = wasm(true);
      const r = uniform01(transA ? 51 : 50);
      // N = 32 + 8 + 4 + 1 (every column tail of the 1-row kernel), K over three blocks of 128
      for (const [M, N, K] of [[16, 45, 300], [64, 256, 784], [13, 77, 129]] as const) {
        const base = call(r, M, N, K, { transA, bias: Float32Array.from({ length: N }, () => Math.fround(r() - 0.5)) });
        base.a = staggered(M, K, transA, 4, 1, r);
        for (const threads of [1, 2]) {
          setNumThreads(threads);
          await be.threadsReady?.();
          configureThreads({ gemmThreshold: threads === 1 ? 1 << 30 : 0 });
          const c = { ...base, c: new Float32Array(M * N) };
          const m = modes(be, c, `[${M}, ${N}, ${K}] ${threads} thread(s)`);
          expect(m.rows).toBeGreaterThan(0);
          // on 2 threads the smaller shapes split into bands of 8 or 16 columns, where a row
          // costs more (ROWS_COST_NARROW) and a block of one step may take its union
          if (threads === 1) expect(m.union + m.dense).toBe(0);
        }
      }
      setNumThreads(1);
    });
  }

  it('rows with the same zeros run on their union; a block needing nearly every step runs dense', () => {
    const be = wasm(false);
    const r = uniform01(52);
    const [M, N, K] = [16, 40, 256];
    const c = call(r, M, N, K);
    // the same steps zero in every row (as an image's empty border): the union is as sparse as a row
    for (let i = 0; i < M; i++) for (let k = 0; k < K; k++) c.a[i * K + k] = k % 3 === 0 ? Math.fround(r() - 0.5) : 0;
    const same = modes(be, c, 'same zeros');
    expect(same).toEqual({ rows: 0, union: (M / 4) * 2, dense: 0 });
    // one zero step in 128: dense
    for (let i = 0; i < M; i++) for (let k = 0; k < K; k++) c.a[i * K + k] = k % 128 === 7 ? 0 : Math.fround(r() - 0.5);
    const dense = modes(be, { ...c, c: new Float32Array(M * N) }, 'nearly dense', false);
    // the scan stops once the first eighth of the row blocks (here: one, of two k blocks) ran dense
    expect(dense).toEqual({ rows: 0, union: 0, dense: 2 });
    // dense first rows, zeros further down: not looked at, runs dense, the same bits
    for (let i = 8; i < M; i++) for (let k = 0; k < K; k++) c.a[i * K + k] = 0;
    expect(modes(be, { ...c, c: new Float32Array(M * N) }, 'dense first rows', false)).toEqual({ rows: 0, union: 0, dense: 2 });
    // and the other way round: sparse first rows, every block is looked at
    const d = call(r, M, N, K, { zeros: 0 });
    for (let k = 0; k < K; k++) d.a[k] = d.a[K + k] = 0;
    const mixed = modes(be, d, 'sparse first rows');
    expect(mixed.rows + mixed.union + mixed.dense).toBe((M / 4) * 2);
    expect(mixed.dense).toBe((M / 4 - 1) * 2);
  });

  it('a row alone costs more over fewer than 32 columns: half-zero rows run row by row over 40 columns, not over 24', () => {
    const be = wasm(false);
    const r = uniform01(54);
    // every value ±0 or not with even odds, each on its own: a row needs half the steps, the union
    // of four ~15/16 of them (rows cost 9/8 of the 4-row kernel per row over 32 columns, 2 below)
    const half = (M: number, N: number, K: number): GemmCall<Float32Array> => {
      const c = call(r, M, N, K, { zeros: 0 });
      for (let e = 0; e < c.a.length; e++) if (r() < 0.5) c.a[e] = r() < 0.5 ? 0 : -0;
      return c;
    };
    const wide = modes(be, half(32, 40, 256), 'N = 40');
    expect(wide.rows).toBe(16);
    const narrow = modes(be, half(32, 24, 256), 'N = 24', null);
    expect(narrow.rows).toBe(0);
    expect(narrow.union + narrow.dense).toBe(16);
  });

  it('fewer than 16 columns build no lists (a step left out saves too little), with the same bits', () => {
    const be = wasm(true);
    const r = uniform01(55);
    for (const transA of [false, true]) {
      // 95% zeros: with 16 columns the lists run; with 15 or 10 (the demo's fc2) they are not built
      expect(expectSameAsRef(be, call(r, 64, 16, 256, { zeros: 0.95, transA }), 'N = 16')).toBe(true);
      for (const N of [15, 10]) {
        const before = be.stats.gemmRowBlocks + be.stats.gemmUnionBlocks + be.stats.gemmDenseBlocks;
        expect(expectSameAsRef(be, call(r, 64, N, 256, { zeros: 0.95, transA }), `N = ${N}`)).toBe(false);
        expect(be.stats.gemmRowBlocks + be.stats.gemmUnionBlocks + be.stats.gemmDenseBlocks).toBe(before);
      }
    }
  });

  it('the demo\'s shapes on image-like data mix the three and give the reference\'s bits; on 2 threads the pool builds the lists (the same ones)', async () => {
    const be = wasm(true);
    const r = uniform01(53);
    const c = call(r, 64, 256, 784, { zeros: 0.8 });
    const d = call(r, 784, 256, 64, { zeros: 0.8, transA: true });
    // a batch with broadcast B: the parallel build walks row blocks across the batch's A's
    const e = call(r, 20, 64, 300, { zeros: 0.8, batch: 3, strideB: 0 });
    const seen: { rows: number; union: number; dense: number }[][] = [];
    for (const threads of [1, 2]) {
      setNumThreads(threads);
      await be.threadsReady?.();
      configureThreads({ gemmThreshold: threads === 1 ? 1 << 30 : 0 });
      const fwd = modes(be, { ...c, c: new Float32Array(c.c.length) }, `forward, ${threads} thread(s)`);
      expect(fwd.rows + fwd.union + fwd.dense).toBe(16 * 7);
      const dW = modes(be, { ...d, c: new Float32Array(d.c.length) }, `dW, ${threads} thread(s)`);
      expect(dW.rows + dW.union + dW.dense).toBe(196);
      expect(fwd.rows + dW.rows).toBeGreaterThan(0);
      const batched = modes(be, { ...e, c: new Float32Array(e.c.length) }, `batch, ${threads} thread(s)`);
      expect(batched.rows + batched.union + batched.dense).toBe(3 * 5 * 3);
      seen.push([fwd, dW, batched]);
    }
    expect(seen[1]).toEqual(seen[0]);
  });
});

describe('convolution: a patch A builds its lists band by band inside the units', () => {
  afterAll(() => void useBackend('auto'));

  /** conv2d's output and its input/weight gradients on one backend, from the same values. */
  function conv(backend: 'ref' | 'wasm', x: Float32Array, xs: number[], w: Float32Array, ws: number[], b: Float32Array): { out: number[][]; skipped: number } {
    const be = useBackend(backend);
    const before = backend === 'wasm' ? (be as WasmBackend).stats.gemmSkipped : 0;
    const xt = paddle.Tensor.fromArray(x.slice(), xs, 'float32');
    const wt = paddle.Tensor.fromArray(w.slice(), ws, 'float32');
    const bt = paddle.Tensor.fromArray(b.slice(), [ws[0]!], 'float32');
    for (const t of [xt, wt, bt]) t.stopGradient = false;
    const y = paddle.nn.functional.conv2d(xt, wt, { bias: bt, padding: 2 });
    paddle.sum(paddle.multiply(y, y)).backward();
    const out = [y, xt.grad as paddle.Tensor, wt.grad as paddle.Tensor, bt.grad as paddle.Tensor].map((t) => Array.from(t.data as Float32Array));
    return { out, skipped: backend === 'wasm' ? (be as WasmBackend).stats.gemmSkipped - before : 0 };
  }

  for (const threads of [1, 2]) {
    it(`image-like input (mostly zeros, ±0), the demo's conv1 and conv2 shapes, ${threads} thread(s): the reference's bits`, async () => {
      const r = uniform01(40 + threads);
      for (const [n, c, hw, o] of [[8, 1, 28, 16], [4, 16, 14, 32]] as const) {
        const x = sparse(n * c * hw * hw, 0.8, r);
        const w = Float32Array.from({ length: o * c * 25 }, () => Math.fround(r() - 0.5));
        const b = Float32Array.from({ length: o }, () => Math.fround(r() - 0.5));
        const want = conv('ref', x, [n, c, hw, hw], w, [o, c, 5, 5], b);
        setNumThreads(threads);
        configureThreads({ gemmThreshold: 0 });
        const got = conv('wasm', x, [n, c, hw, hw], w, [o, c, 5, 5], b);
        expect(got.skipped).toBeGreaterThan(0);
        for (const [i, part] of ['output', 'x.grad', 'w.grad', 'b.grad'].entries()) {
          const g = got.out[i]!;
          const e = want.out[i]!;
          expect(g.length).toBe(e.length);
          for (let j = 0; j < e.length; j++) if (!Object.is(g[j], e[j])) expect.fail(`[${n}, ${c}, ${hw}, ${hw}] → ${o}: ${part}[${j}] ${g[j]} vs ${e[j]}`);
        }
        // an ∞ in the weight: 0·∞ must still give NaN where the patch is zero
        w[3] = Infinity;
        const wantInf = conv('ref', x, [n, c, hw, hw], w, [o, c, 5, 5], b);
        const gotInf = conv('wasm', x, [n, c, hw, hw], w, [o, c, 5, 5], b);
        const y1 = gotInf.out[0]!;
        const y0 = wantInf.out[0]!;
        for (let j = 0; j < y0.length; j++) if (!Object.is(y1[j], y0[j])) expect.fail(`with ∞ in w: output[${j}] ${y1[j]} vs ${y0[j]}`);
      }
    });
  }
});

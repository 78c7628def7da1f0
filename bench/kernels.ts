/**
 * The fused RMSProp step against its peers, float32, in one process: nanoseconds per element
 * (median over runs) for a step over N elements held as 100 tensors and as 10,000 tensors.
 *
 * - kernels/ref: the reference TypeScript loop (Math.fround after every op), plain arrays.
 * - WASM SIMD, 1 thread / all threads: the WebAssembly backend over the kernel heap (zero copy),
 *   arrays allocated kind by kind (all params, then all grads, then each accumulator), the order
 *   an optimizer that creates accumulators per kind gets; one extra row shows per-tensor
 *   interleaved allocation for the small tensors.
 * - unfused JS: the same arithmetic as one pass per operation over Float32Arrays (what an
 *   op-by-op library does, without its dispatch costs).
 * - TF.js: `tf.train.rmsprop` on @tensorflow/tfjs-backend-wasm (N elements) and on
 *   @tensorflow/tfjs-backend-cpu (N/10 elements; it is slow).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import {
  getNumThreads,
  getWasmBackend,
  refBackend,
  setNumThreads,
  threadsReady,
  useBackend,
  type RmspropHyper,
  type RmspropSlot,
} from '../src/kernels/index.js';
import type { Storage } from '../src/tensor/storage.js';
import { addSection, measure, type BenchContext, type BenchTable, type Measurement } from './registry.js';

interface Variant {
  name: string;
  hyper: RmspropHyper;
}
const VARIANTS: Variant[] = [
  { name: 'plain', hyper: { rho: 0.95, epsilon: 1e-6, momentum: 0, centered: false } },
  { name: 'momentum', hyper: { rho: 0.95, epsilon: 1e-6, momentum: 0.9, centered: false } },
  { name: 'centered+momentum', hyper: { rho: 0.95, epsilon: 1e-6, momentum: 0.9, centered: true } },
];
const LR = Math.fround(0.001);

type Slot = RmspropSlot<Float32Array>;

/** Deterministic values in [-1, 1) without subnormals (they would time the FPU, not the code). */
function fillValues(a: Float32Array, seed: number): void {
  let x = seed >>> 0 || 1;
  for (let i = 0; i < a.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    a[i] = ((x >>> 0) / 4294967296) * 2 - 1 || 0.5;
  }
}

function sizes(total: number, tensors: number): number[] {
  const per = Math.floor(total / tensors);
  return Array.from({ length: tensors }, (_, k) => (k < total - per * tensors ? per + 1 : per));
}

function jsSlots(lengths: number[]): Slot[] {
  return lengths.map((n, k) => {
    const param = new Float32Array(n);
    const grad = new Float32Array(n);
    fillValues(param, 2 * k + 1);
    fillValues(grad, 2 * k + 2);
    return { param, grad, meanSquare: new Float32Array(n), moment: new Float32Array(n), meanGrad: new Float32Array(n), lr: LR };
  });
}

/** Heap slots; `kindMajor` allocates all params, then all grads, ... (else tensor by tensor). */
function heapSlots(lengths: number[], kindMajor: boolean): { slots: Slot[]; storages: Storage[] } {
  const heap = getWasmBackend()!.heap;
  const storages: Storage[] = [];
  const alloc = (n: number): Storage<'float32'> => {
    const s = heap.alloc('float32', n);
    if (s.location !== 'wasm-heap') throw new Error('bench: the kernel heap is full');
    storages.push(s);
    return s;
  };
  const keys = ['param', 'grad', 'meanSquare', 'moment', 'meanGrad'] as const;
  const st: Record<(typeof keys)[number], Storage<'float32'>[]> = { param: [], grad: [], meanSquare: [], moment: [], meanGrad: [] };
  if (kindMajor) {
    for (const k of keys) for (const n of lengths) st[k].push(alloc(n));
  } else {
    for (const n of lengths) for (const k of keys) st[k].push(alloc(n));
  }
  const slots = lengths.map((_, t) => {
    const slot: Slot = {
      param: st.param[t]!.array(),
      grad: st.grad[t]!.array(),
      meanSquare: st.meanSquare[t]!.array(),
      moment: st.moment[t]!.array(),
      meanGrad: st.meanGrad[t]!.array(),
      lr: LR,
    };
    fillValues(slot.param, 2 * t + 1);
    fillValues(slot.grad, 2 * t + 2);
    return slot;
  });
  return { slots, storages };
}

function resetState(slots: Slot[]): void {
  for (const s of slots) {
    s.meanSquare.fill(0);
    s.moment.fill(0);
    s.meanGrad.fill(0);
  }
}

/** One step as one pass per operation (temporaries preallocated; stores round to float32). */
function unfusedStep(slots: Slot[], hyper: RmspropHyper, t: Float32Array, u: Float32Array): void {
  const rho = Math.fround(hyper.rho);
  const eps = Math.fround(hyper.epsilon);
  const mu = Math.fround(hyper.momentum);
  const c = Math.fround(1 - rho);
  for (const { param: p, grad: g, meanSquare: ms, moment: mom, meanGrad: mg, lr } of slots) {
    const n = p.length;
    for (let i = 0; i < n; i++) t[i] = c * g[i]!;
    for (let i = 0; i < n; i++) t[i] = t[i]! * g[i]!;
    for (let i = 0; i < n; i++) ms[i] = rho * ms[i]!;
    for (let i = 0; i < n; i++) ms[i] = ms[i]! + t[i]!;
    if (hyper.centered) {
      for (let i = 0; i < n; i++) mg[i] = rho * mg[i]!;
      for (let i = 0; i < n; i++) t[i] = c * g[i]!;
      for (let i = 0; i < n; i++) mg[i] = mg[i]! + t[i]!;
      for (let i = 0; i < n; i++) t[i] = mg[i]! * mg[i]!;
      for (let i = 0; i < n; i++) t[i] = ms[i]! - t[i]!;
      for (let i = 0; i < n; i++) t[i] = t[i]! + eps;
    } else {
      for (let i = 0; i < n; i++) t[i] = ms[i]! + eps;
    }
    for (let i = 0; i < n; i++) t[i] = Math.sqrt(t[i]!);
    for (let i = 0; i < n; i++) u[i] = lr * g[i]!;
    for (let i = 0; i < n; i++) u[i] = u[i]! / t[i]!;
    for (let i = 0; i < n; i++) mom[i] = mu * mom[i]!;
    for (let i = 0; i < n; i++) mom[i] = mom[i]! + u[i]!;
    for (let i = 0; i < n; i++) p[i] = p[i]! - mom[i]!;
  }
}

type Results = Map<string, Map<string, Measurement>>; // row → variant → measurement

/** Slowest peers first, then ours; 100 tensors before 10,000 within each. */
function orderRows(rows: string[]): string[] {
  const rank = (row: string): number => {
    const order = ['TF.js tf.train.rmsprop, tfjs-backend-cpu', 'unfused JS', 'kernels/ref', 'TF.js tf.train.rmsprop, tfjs-backend-wasm', 'WASM SIMD, 1 thread', 'WASM SIMD'];
    const k = order.findIndex((o) => row.startsWith(o));
    const extra = row.includes('interleaved') ? 0.5 : row.includes('copy path') ? 0.6 : 0;
    return (k < 0 ? order.length : k) * 10 + extra + (row.includes('10,000') ? 0.1 : 0);
  };
  return [...rows].sort((a, b) => rank(a) - rank(b));
}

function record(results: Results, row: string, variant: string, m: Measurement): void {
  let r = results.get(row);
  if (r === undefined) results.set(row, (r = new Map()));
  r.set(variant, m);
}

async function tfjsRows(
  ctx: BenchContext,
  results: Results,
  backend: 'wasm' | 'cpu',
  total: number,
  tensors: number,
  row: string,
  budgetMs: number,
): Promise<void> {
  await tf.setBackend(backend);
  await tf.ready();
  const lengths = sizes(total, tensors);
  const vars = lengths.map((n, k) => {
    const a = new Float32Array(n);
    fillValues(a, 2 * k + 1);
    return tf.variable(tf.tensor1d(a), true, `bench_${backend}_${tensors}_${k}`);
  });
  const grads = lengths.map((n, k) => {
    const a = new Float32Array(n);
    fillValues(a, 2 * k + 2);
    return tf.tensor1d(a);
  });
  const list = vars.map((v, k) => ({ name: v.name, tensor: grads[k]! }));
  for (const v of VARIANTS) {
    ctx.progress(`${row} ${v.name}`);
    const h = v.hyper;
    const opt = tf.train.rmsprop(LR, h.rho, h.momentum, h.epsilon, h.centered);
    const m = measure(() => opt.applyGradients(list), { warmup: 1, budgetMs, minRuns: 2 });
    ctx.consume((vars[0]!.dataSync() as Float32Array)[0]!);
    record(results, row, v.name, m);
    opt.dispose();
  }
  for (const v of vars) v.dispose();
  for (const g of grads) g.dispose();
}

async function run(ctx: BenchContext): Promise<BenchTable[]> {
  const N = ctx.quick ? 2_000_000 : 10_000_000;
  const NCPU = N / 10;
  const LAYOUTS = [100, 10_000];
  const budget = ctx.quick ? 300 : 1500;
  const results: Results = new Map();
  const sizeLabel = (n: number, t: number) => `${n / 1e6}M as ${t.toLocaleString('en-US')}`;

  // ---- WebAssembly backend -----------------------------------------------------------------
  useBackend('wasm');
  const wasm = getWasmBackend()!;
  const allThreads = getNumThreads();
  for (const tensors of LAYOUTS) {
    const { slots, storages } = heapSlots(sizes(N, tensors), true);
    for (const threads of allThreads > 1 ? [1, allThreads] : [1]) {
      setNumThreads(threads);
      await threadsReady();
      const row = `WASM SIMD, ${threads === 1 ? '1 thread' : `${threads} threads`}|${sizeLabel(N, tensors)}`;
      for (const v of VARIANTS) {
        ctx.progress(`${row} ${v.name}`);
        resetState(slots);
        const m = measure(() => wasm.rmspropStep('float32', slots, v.hyper), { budgetMs: budget });
        ctx.consume(slots[0]!.param[0]! + slots[slots.length - 1]!.param[0]!);
        record(results, row, v.name, m);
      }
    }
    for (const s of storages) s.dispose();
  }
  {
    // small tensors allocated tensor by tensor (param, grad, ms, mom, mg of one, then the next)
    const tensors = 10_000;
    const { slots, storages } = heapSlots(sizes(N, tensors), false);
    setNumThreads(allThreads);
    await threadsReady();
    const row = `WASM SIMD, ${allThreads} threads, interleaved allocation|${sizeLabel(N, tensors)}`;
    for (const v of VARIANTS) {
      ctx.progress(`${row} ${v.name}`);
      resetState(slots);
      const m = measure(() => wasm.rmspropStep('float32', slots, v.hyper), { budgetMs: budget });
      ctx.consume(slots[0]!.param[0]!);
      record(results, row, v.name, m);
    }
    for (const s of storages) s.dispose();
  }
  const copyRow = `WASM SIMD, ${allThreads} threads, arrays outside the heap (copy path)|${sizeLabel(N, 100)}`;

  // thread scaling where the arrays fit in the last-level cache and where they do not
  const scaling: BenchTable = {
    title: 'WASM thread scaling, momentum variant, 100 tensors (traffic: 4 arrays read + 3 written = 28 B/element)',
    columns: ['elements', 'threads', 'ns/element', 'GB/s moved', 'speedup'],
    rows: [],
    notes: [
      'In cache the step is compute-bound (f32x4 sqrt and division share one unit); at 10M it streams 280 MB per step and is bound by memory bandwidth.',
    ],
  };
  for (const total of ctx.quick ? [N / 10, N] : [1_000_000, N]) {
    const { slots, storages } = heapSlots(sizes(total, 100), true);
    const v = VARIANTS[1]!;
    let oneNs = NaN;
    for (const threads of allThreads > 1 ? [1, allThreads] : [1]) {
      setNumThreads(threads);
      await threadsReady();
      ctx.progress(`scaling ${total} ${threads}`);
      const m = measure(() => wasm.rmspropStep('float32', slots, v.hyper), { budgetMs: budget, warmup: 5 });
      ctx.consume(slots[0]!.param[0]!);
      const ns = (m.medianMs * 1e6) / total;
      if (threads === 1) oneNs = ns;
      scaling.rows.push([sizeLabel(total, 100), threads, ns.toFixed(3), (28 / ns).toFixed(1), `${(oneNs / ns).toFixed(2)}×`]);
    }
    for (const s of storages) s.dispose();
  }

  // ---- plain JavaScript ----------------------------------------------------------------------
  for (const tensors of LAYOUTS) {
    const lengths = sizes(N, tensors);
    const slots = jsSlots(lengths);
    const refRow = `kernels/ref (TypeScript)|${sizeLabel(N, tensors)}`;
    for (const v of VARIANTS) {
      ctx.progress(`${refRow} ${v.name}`);
      resetState(slots);
      const m = measure(() => refBackend.rmspropStep('float32', slots, v.hyper), { warmup: 1, budgetMs: budget, minRuns: 3 });
      ctx.consume(slots[0]!.param[0]!);
      record(results, refRow, v.name, m);
    }
    const maxLen = Math.max(...lengths);
    const t = new Float32Array(maxLen);
    const u = new Float32Array(maxLen);
    const unfusedRow = `unfused JS (one pass per op)|${sizeLabel(N, tensors)}`;
    for (const v of VARIANTS) {
      ctx.progress(`${unfusedRow} ${v.name}`);
      resetState(slots);
      const m = measure(() => unfusedStep(slots, v.hyper, t, u), { warmup: 1, budgetMs: budget, minRuns: 3 });
      ctx.consume(slots[0]!.param[0]!);
      record(results, unfusedRow, v.name, m);
    }
    if (tensors === 100) {
      setNumThreads(allThreads);
      for (const v of VARIANTS) {
        ctx.progress(`${copyRow} ${v.name}`);
        resetState(slots);
        const m = measure(() => wasm.rmspropStep('float32', slots, v.hyper), { budgetMs: budget });
        ctx.consume(slots[0]!.param[0]!);
        record(results, copyRow, v.name, m);
      }
    }
  }

  // ---- TF.js -----------------------------------------------------------------------------------
  let tfjsNote = '';
  for (const tensors of LAYOUTS) {
    await tfjsRows(ctx, results, 'wasm', N, tensors, `TF.js tf.train.rmsprop, tfjs-backend-wasm|${sizeLabel(N, tensors)}`, budget);
  }
  {
    await tf.setBackend('wasm');
    const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
    const mt = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
    tfjsNote = `TF.js ${tf.version_core}: tfjs-backend-wasm with SIMD ${simd ? 'on' : 'off'}, multithreading ${mt ? 'on' : 'off'} in Node; with momentum 0 TF.js skips the momentum buffer (less work than Paddle's 0·mom).`;
  }
  for (const tensors of LAYOUTS) {
    await tfjsRows(ctx, results, 'cpu', NCPU, tensors, `TF.js tf.train.rmsprop, tfjs-backend-cpu|${sizeLabel(NCPU, tensors)}`, budget);
  }

  // ---- tables ----------------------------------------------------------------------------------
  const nsPerElement = (row: string, variant: string): number => {
    const m = results.get(row)?.get(variant);
    if (m === undefined) return NaN;
    const n = Number(row.split('|')[1]!.split('M')[0]) * 1e6;
    return (m.medianMs * 1e6) / n;
  };
  const refFor = (row: string): string => `kernels/ref (TypeScript)|${sizeLabel(N, row.includes('10,000') ? 10_000 : 100)}`;
  const fmt = (x: number): string => (x >= 10 ? x.toFixed(1) : x.toFixed(2));
  const main: BenchTable = {
    title: `RMSProp step, float32: ns per element (median), and speedup over kernels/ref with the same tensor count`,
    columns: ['implementation', 'elements', ...VARIANTS.map((v) => v.name)],
    rows: orderRows([...results.keys()]).map((row) => {
      const [impl, size] = row.split('|') as [string, string];
      return [
        impl,
        size,
        ...VARIANTS.map((v) => {
          const ns = nsPerElement(row, v.name);
          const speedup = nsPerElement(refFor(row), v.name) / ns;
          return `${fmt(ns)} (${speedup.toFixed(1)}×)`;
        }),
      ];
    }),
    notes: [
      `Threads: all = ${allThreads} (os.availableParallelism()). WASM rows update heap arrays in place unless noted.`,
      tfjsNote,
    ],
  };

  const ratio = (a: string, b: string) => VARIANTS.map((v) => nsPerElement(a, v.name) / nsPerElement(b, v.name));
  const range = (xs: number[]) => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}×`;
  const one = `WASM SIMD, 1 thread|${sizeLabel(N, 100)}`;
  const all = `WASM SIMD, ${allThreads} threads|${sizeLabel(N, 100)}`;
  const allSmall = `WASM SIMD, ${allThreads} threads|${sizeLabel(N, 10_000)}`;
  const oneSmall = `WASM SIMD, 1 thread|${sizeLabel(N, 10_000)}`;
  const targets: [string, number[], number, 'min' | 'max'][] = [
    ['WASM 1 thread vs TF.js wasm (100 tensors): speedup', ratio(`TF.js tf.train.rmsprop, tfjs-backend-wasm|${sizeLabel(N, 100)}`, one), 7, 'min'],
    ['WASM 1 thread vs kernels/ref (100 tensors): speedup', ratio(refFor(one), one), 7, 'min'],
    ['WASM all threads vs 1 thread (100 tensors): speedup', ratio(one, all), 1.8, 'min'],
    ['WASM 10,000 tensors vs 100 tensors (1 thread): ns/el ratio', ratio(oneSmall, one), 2, 'max'],
    ['WASM 10,000 tensors vs 100 tensors (all threads): ns/el ratio', ratio(allSmall, all), 2, 'max'],
  ];
  const targetTable: BenchTable = {
    title: 'Targets (per variant: plain, momentum, centered+momentum)',
    columns: ['target', 'measured (range over variants)', 'goal', 'met'],
    rows: targets.map(([name, xs, goal, kind]) => [
      name,
      `${range(xs)} (${xs.map((x) => x.toFixed(2)).join(' / ')})`,
      kind === 'min' ? `≥ ${goal}×` : `≤ ${goal}×`,
      xs.every((x) => (kind === 'min' ? x >= goal : x <= goal)) ? 'yes' : 'no',
    ]),
  };
  if (allThreads === 1) targetTable.notes = ['Only one thread here: the thread targets cannot be measured.'];
  return [main, targetTable, scaling];
}

addSection('kernels', run, `fused RMSProp step vs TF.js and plain JS (float32)`);

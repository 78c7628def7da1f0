/**
 * The kernel contract's float32 matrix product (`KernelBackend.gemm`, WebAssembly f32x4, no FMA)
 * alone, at the demo MLP's shapes and at square sizes, on 1 and 2 threads, against the ceiling of
 * f32x4 arithmetic without FMA on one core here (measured by the module's calibration loop: 12
 * independent multiply-then-add chains, no memory traffic). Operands live in the kernel heap, as
 * parameters do (zero copy); the reference backend's TypeScript loop is shown once for scale.
 * The demo's fc1 products run twice: on dense values, and with X = the demo's digits (81% zero
 * pixels), whose all-zero steps the product leaves out (assembly/gemm.ts G_SKIP, same bits).
 *
 * `npm run bench -- gemm`.
 */
import { configureThreads, getNumThreads, getWasmBackend, refBackend, setNumThreads, type GemmCall } from '../src/kernels/index.js';
import { threadConfig } from '../src/kernels/wasm/threads.js';
import { compileKernels } from '../src/kernels/wasm/module.js';
import { Worker } from 'node:worker_threads';
import { gatherBatch, loadMnist } from '../src/cli/mnist.js';
import { permutation } from '../src/cli/shuffle.js';
import { addSection, measure, type BenchContext, type BenchTable } from './registry.js';

function values(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let a = seed >>> 0;
  for (let i = 0; i < n; i++) {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    out[i] = a / 2 ** 31 - 1;
  }
  return out;
}

/**
 * GFLOP/s of f32x4 multiply + add on the calling thread, from the fastest of the timed runs (on a
 * shared VM the median mixes in time the host takes away; the fastest run is the machine's rate).
 */
function peakGflops(ctx: BenchContext): number {
  const be = getWasmBackend();
  if (be === undefined) return Number.NaN;
  const iters = 1_000_000;
  be.calibrateF32x4(1000);
  const m = measure(() => ctx.consume(be.calibrateF32x4(iters)), { warmup: 1, budgetMs: ctx.quick ? 200 : 1000, minRuns: 5 });
  return (iters * 96) / (m.minMs * 1e6);
}

// each worker instantiates the plain module over a memory of its own and, released together with
// the other through a shared flag, runs the calibration loop and reports when it started and ended
const CEILING_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const memory = new WebAssembly.Memory({ initial: 64, maximum: 65536 });
const ex = new WebAssembly.Instance(workerData.module, { env: { memory } }).exports;
const flag = new Int32Array(workerData.flag);
parentPort.on('message', (m) => {
  ex.peakF32x4(1000);
  parentPort.postMessage('ready');
  Atomics.wait(flag, 0, m.gen - 1);
  const t0 = performance.timeOrigin + performance.now();
  const lane = ex.peakF32x4(m.iters);
  parentPort.postMessage([t0, performance.timeOrigin + performance.now(), lane]);
});`;

/**
 * GFLOP/s of the same calibration loop on two threads at once (two workers released together):
 * what two cores of this machine give, the ceiling of a two-thread product. From the fastest run;
 * a run's time is from the earlier start to the later end. NaN where workers are unavailable.
 */
async function twoCoreGflops(ctx: BenchContext): Promise<number> {
  const compiled = compileKernels(false);
  if (!compiled.ok) return Number.NaN;
  const flag = new SharedArrayBuffer(4);
  const ctl = new Int32Array(flag);
  const workers = [0, 1].map(() => new Worker(CEILING_WORKER, { eval: true, workerData: { module: compiled.module, flag } }));
  const next = (w: Worker): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const fail = (e: Error): void => reject(e);
      w.once('error', fail);
      w.once('message', (m: unknown) => {
        w.off('error', fail);
        resolve(m);
      });
    });
  const iters = 1_000_000;
  let best = 0;
  try {
    const runs = ctx.quick ? 3 : 15;
    for (let gen = 1; gen <= runs; gen++) {
      const ready = workers.map(next);
      for (const w of workers) w.postMessage({ gen, iters });
      await Promise.all(ready);
      const done = workers.map(next);
      Atomics.store(ctl, 0, gen);
      Atomics.notify(ctl, 0);
      const spans = (await Promise.all(done)) as [number, number, number][];
      for (const s of spans) ctx.consume(s[2]);
      const ms = Math.max(spans[0]![1], spans[1]![1]) - Math.min(spans[0]![0], spans[1]![0]);
      best = Math.max(best, (2 * iters * 96) / (ms * 1e6));
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return best;
}

export async function runGemmBench(ctx: BenchContext): Promise<BenchTable> {
  const be = getWasmBackend();
  if (be === undefined) {
    return { columns: ['note'], rows: [['WebAssembly is unavailable here: no gemm benchmark']] };
  }
  const peak = peakGflops(ctx);
  const peak2 = await twoCoreGflops(ctx);
  // the demo's first batch of digits (as bench/e2e.ts's demoBatch), when the optional package is here
  let digits: Float32Array | null = null;
  try {
    const { train } = loadMnist();
    digits = gatherBatch(train, permutation(train.count, 7), 0, 64).x;
  } catch {
    digits = null;
  }
  // [name, M, N, K, transA, transB, A = the digits]
  const shapes: [string, number, number, number, boolean, boolean, boolean][] = [
    ['demo fc1 forward X·W', 64, 256, 784, false, false, false],
    ['demo fc1 dW = Xᵀ·dY', 784, 256, 64, true, false, false],
    ['demo fc2 dX = dY·W2ᵀ', 64, 256, 10, false, true, false],
    ['square 256', 256, 256, 256, false, false, false],
    ['square 512', 512, 512, 512, false, false, false],
  ];
  if (digits !== null) {
    shapes.splice(2, 0, ['demo fc1 forward X·W, X = digits', 64, 256, 784, false, false, true], ['demo fc1 dW = Xᵀ·dY, X = digits', 784, 256, 64, true, false, true]);
  }
  if (!ctx.quick) shapes.push(['square 1024', 1024, 1024, 1024, false, false, false]);
  const threadsBefore = getNumThreads();
  const thresholdBefore = threadConfig().gemmThreshold;
  const rows: (string | number)[][] = [];
  const budget = ctx.quick ? 150 : 800;
  try {
    for (const [name, M, N, K, tA, tB, fromDigits] of shapes) {
      const a = be.heap.alloc('float32', M * K);
      const b = be.heap.alloc('float32', K * N);
      const c = be.heap.alloc('float32', M * N);
      // the digits batch is X [64, 784]: A itself for the forward, Aᵀ (stored as X) for dW
      a.array().set(fromDigits && digits !== null ? digits : values(M * K, 1));
      b.array().set(values(K * N, 2));
      const flops = 2 * M * N * K;
      const call = (): GemmCall<Float32Array> => ({ a: a.array() as Float32Array, b: b.array() as Float32Array, c: c.array() as Float32Array, m: M, n: N, k: K, transA: tA, transB: tB });
      let one = 0;
      for (const threads of [1, 2]) {
        setNumThreads(threads);
        await be.threadsReady();
        ctx.progress(`gemm: ${name}, ${threads} thread${threads === 1 ? '' : 's'}`);
        const m = measure(() => be.gemm('float32', call()), { warmup: 3, budgetMs: budget, minRuns: 5 });
        const ms = m.medianMs;
        if (threads === 1) one = ms;
        const best = flops / (m.minMs * 1e6);
        rows.push([
          `${name} [${M}×${K}]·[${K}×${N}]${tA ? ' (Aᵀ)' : ''}${tB ? ' (Bᵀ)' : ''}`,
          threads,
          ms.toFixed(3),
          (flops / (ms * 1e6)).toFixed(1),
          best.toFixed(1),
          `${((100 * best) / peak).toFixed(0)}%`,
          threads === 2 && Number.isFinite(peak2) ? `${((100 * best) / peak2).toFixed(0)}%` : '',
          threads === 1 ? '1.00×' : `${(one / ms).toFixed(2)}×`,
        ]);
      }
      if (name === 'square 256') {
        const cr = new Float32Array(M * N);
        const ms = measure(() => refBackend.gemm('float32', { ...call(), c: cr }), { warmup: 1, budgetMs: budget, minRuns: 3 }).medianMs;
        rows.push([`${name} on the reference backend (TypeScript)`, 1, ms.toFixed(3), (flops / (ms * 1e6)).toFixed(1), '', '', '', '']);
      }
      a.dispose();
      b.dispose();
      c.dispose();
    }
  } finally {
    setNumThreads(threadsBefore);
    configureThreads({ gemmThreshold: thresholdBefore });
  }
  return {
    title: `float32 matrix product (KernelBackend.gemm, f32x4 without FMA); f32x4 ceiling measured here: one core ${peak.toFixed(1)} GFLOP/s, two cores ${peak2.toFixed(1)} (${(peak2 / peak).toFixed(2)}×)`,
    columns: ['product', 'threads', 'ms (median)', 'GFLOP/s (median)', 'GFLOP/s (fastest run)', 'fastest vs the one-core ceiling', 'fastest vs the two-core ceiling', 'vs 1 thread (median)'],
    rows,
    notes: [
      'Operands in the kernel heap (as parameters are); one call each, median of the timed runs. Products of at least configureThreads({ gemmThreshold }) multiply-adds (default 1,048,576) are split into output tiles across the worker pool; the bits are the same at every thread count.',
      'Rows with X = digits: the demo\'s first batch (81% zero pixels); the product leaves out the steps of k whose four A values of a 4-row block are all zero (61% of the forward\'s, 72% of dW\'s), with the same bits; their GFLOP/s count the dense product\'s flops (what a dense BLAS does for the same result). Without the optional mnist package these rows are left out.',
      'The ceiling is the module\'s calibration loop (12 independent f32x4 multiply-then-add chains, nothing loaded or stored) on the calling thread, from its fastest run; the products are compared with it run for run (fastest to fastest), since on a shared VM the median includes time the host takes away. The two-core ceiling is the same loop on two workers released together (from the earlier start to the later end, fastest run): what this machine\'s two cores give at once, which on a VM can be less than twice one.',
    ],
  };
}

addSection('gemm', runGemmBench, 'the float32 matrix product alone, 1 and 2 threads, vs the f32x4 ceiling');

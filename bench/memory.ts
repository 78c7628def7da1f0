/**
 * Memory of the kernel heap (issue 10): what `paddle.memory()` says while the demo's MLP
 * (784-256-10, batch 64 of real digits, RMSProp lr 2e-3 rho 0.95, ClipGradByGlobalNorm(1) as the
 * demo) trains for many steps in each way of clearing gradients, and over many build / step /
 * dispose cycles, with a comparison of models that are just dropped (left to the finalizers).
 *
 * `npm run bench -- memory` (registered as the `memory` section), or standalone:
 * `npx tsx bench/memory.ts [--quick]`. With `node --expose-gc` (e.g.
 * `node --expose-gc --import tsx bench/index.ts memory`) the "without dispose()" row also shows
 * what the garbage collector's finalizers give back.
 */
import { pathToFileURL } from 'node:url';
import { gatherBatch, IMAGE_SIZE, loadMnist, type Digits } from '../src/cli/mnist.js';
import { MLP } from '../src/cli/model.js';
import { permutation } from '../src/cli/shuffle.js';
import * as paddle from '../src/index.js';
import { addSection, formatTable, type BenchContext, type BenchTable } from './registry.js';

const BATCH = 64;
const LR = 2e-3;
const RHO = 0.95;
const CLIP_NORM = 1;
/** Steps per timing window; the step time reported is the median over windows of ms / step. */
const WINDOW = 200;

const MODES = ['opt.clearGrad()', 'opt.clear_grad(false)', 'model.clear_gradients(false)'] as const;
type ClearMode = (typeof MODES)[number];

const MODE_LABEL: Record<ClearMode, string> = {
  'opt.clearGrad()': '`opt.clearGrad()` (set to zero)',
  'opt.clear_grad(false)': '`opt.clear_grad(false)` (release)',
  'model.clear_gradients(false)': '`model.clear_gradients(false)` (release)',
};

interface Data {
  train: Digits;
  order: Uint32Array;
  batches: number;
}

function loadData(): Data {
  const { train } = loadMnist();
  return { train, order: permutation(train.count, 7), batches: Math.floor(train.count / BATCH) };
}

interface Run {
  model: MLP;
  opt: paddle.optimizer.RMSProp;
}

/** The demo's model and optimizer (src/cli/train.ts build(): momentum 0, not centered, no decay). */
function build(): Run {
  paddle.seed(1);
  const model = new MLP();
  const opt = new paddle.optimizer.RMSProp(LR, {
    parameters: model.parameters(),
    rho: RHO,
    momentum: 0,
    centered: false,
    weightDecay: null,
    gradClip: new paddle.nn.ClipGradByGlobalNorm(CLIP_NORM),
  });
  return { model, opt };
}

function clear(mode: ClearMode, run: Run): void {
  switch (mode) {
    case 'opt.clearGrad()':
      run.opt.clearGrad();
      break;
    case 'opt.clear_grad(false)':
      run.opt.clear_grad(false);
      break;
    case 'model.clear_gradients(false)':
      run.model.clear_gradients(false);
      break;
  }
}

/** One step of the demo's loop on batch `k` (cycling through the shuffled digits); returns the loss. */
function trainStep(run: Run, data: Data, k: number, mode: ClearMode): number {
  const { x, y } = gatherBatch(data.train, data.order, (k % data.batches) * BATCH, BATCH);
  const logits = run.model.forward(paddle.Tensor.fromArray(x, [BATCH, IMAGE_SIZE], 'float32'));
  const loss = paddle.nn.functional.crossEntropy(logits, paddle.Tensor.fromArray(y, [BATCH], 'int32'));
  loss.backward();
  run.opt.step();
  clear(mode, run);
  return Number(loss.item());
}

/** Lets queued FinalizationRegistry callbacks run (they never run inside a synchronous loop). */
function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const MIB = 2 ** 20;
const mib = (bytes: number): string => (bytes / MIB).toFixed(2);
const int = (n: number): string => n.toLocaleString('en-US');
const signed = (n: number): string => (n > 0 ? `+${int(n)}` : int(n));

interface ModeResult {
  mode: ClearMode;
  before: paddle.MemoryInfo;
  at100: paddle.MemoryInfo;
  at1000: paddle.MemoryInfo;
  atEnd: paddle.MemoryInfo;
  afterDispose: paddle.MemoryInfo;
  stepMs: number;
  lastLoss: number;
}

async function steadyState(ctx: BenchContext, data: Data, mode: ClearMode, steps: number): Promise<ModeResult> {
  await turn();
  const before = paddle.memory();
  const run = build();
  let at100 = before;
  let at1000 = before;
  let loss = 0;
  const perStep: number[] = [];
  let t0 = performance.now();
  for (let s = 1; s <= steps; s++) {
    loss = trainStep(run, data, s - 1, mode);
    if (s === 100) at100 = paddle.memory();
    if (s === 1000) at1000 = paddle.memory();
    if (s % WINDOW === 0) {
      perStep.push((performance.now() - t0) / WINDOW);
      ctx.consume(loss);
      if (s % 5000 === 0) ctx.progress(`memory: ${mode}, step ${int(s)} of ${int(steps)}, loss ${loss.toFixed(4)}`);
      await turn();
      t0 = performance.now();
    }
  }
  const atEnd = paddle.memory();
  run.opt.dispose();
  run.model.dispose();
  await turn();
  const afterDispose = paddle.memory();
  return { mode, before, at100, at1000, atEnd, afterDispose, stepMs: median(perStep), lastLoss: loss };
}

interface CycleResult {
  label: string;
  cycles: number;
  before: paddle.MemoryInfo;
  after1: paddle.MemoryInfo;
  afterN: paddle.MemoryInfo;
  msPerCycle: number;
}

const excl = (m: paddle.MemoryInfo): number => m.bytesInUse - m.kernelScratchBytes;

/** `cycles` times: build the demo MLP + RMSProp, one training step, then dispose both (or drop them). */
async function cycles(ctx: BenchContext, data: Data, n: number, dispose: boolean, room: number): Promise<CycleResult & { stoppedEarly: boolean }> {
  await turn();
  const before = paddle.memory();
  let after1 = before;
  let done = 0;
  let stoppedEarly = false;
  let perCycle = 0;
  const t0 = performance.now();
  for (let c = 0; c < n; c++) {
    // a dropped model keeps its blocks until the collector finalizes it: stay well inside the heap
    if (!dispose && c > 0 && excl(paddle.memory()) + 4 * perCycle > room) {
      stoppedEarly = true;
      break;
    }
    const run = build();
    ctx.consume(trainStep(run, data, c, 'opt.clearGrad()'));
    if (dispose) {
      run.opt.dispose();
      run.model.dispose();
    }
    done++;
    if (c === 0) {
      after1 = paddle.memory();
      perCycle = Math.max(excl(after1) - excl(before), 0);
    }
    if (paddle.memory().jsFallbacks > before.jsFallbacks) {
      stoppedEarly = true;
      break;
    }
  }
  const msPerCycle = (performance.now() - t0) / Math.max(done, 1);
  const afterN = paddle.memory();
  return { label: dispose ? '`opt.dispose(); model.dispose()`' : 'without `dispose()` (dropped)', cycles: done, before, after1, afterN, msPerCycle, stoppedEarly };
}

export async function runMemoryBench(ctx: BenchContext): Promise<BenchTable[]> {
  const wasm = paddle.kernels.getWasmBackend();
  if (wasm === undefined || paddle.kernels.getBackend() !== wasm) {
    console.log(`memory: skipped, the kernels are '${paddle.kernels.backendName()}' (no kernel heap${wasm === undefined ? `: ${paddle.kernels.wasmUnavailableReason() ?? 'unavailable'}` : ''})`);
    console.log('');
    return [];
  }
  const steps = ctx.quick ? 2_000 : 20_000;
  const nCycles = ctx.quick ? 200 : 2_000;
  const nDrops = ctx.quick ? 50 : 200;
  ctx.progress('memory: loading the digits');
  const data = loadData();

  // 1. steady state, per clear mode
  const modes: ModeResult[] = [];
  for (const mode of MODES) {
    ctx.progress(`memory: ${int(steps)} steps with ${mode}`);
    modes.push(await steadyState(ctx, data, mode, steps));
  }
  const steadyTable: BenchTable = {
    title: `Kernel heap over ${int(steps)} training steps of the demo MLP (784-256-10, batch ${BATCH}, RMSProp lr 2e-3 rho ${RHO}, ClipGradByGlobalNorm(${CLIP_NORM.toFixed(1)}) as the demo), per clear mode`,
    columns: [
      'clear mode',
      'in use before build, MiB',
      'after step 100, MiB',
      'after step 1,000, MiB',
      `after step ${int(steps)}, MiB`,
      'after dispose(), MiB',
      `blocks handed out, steps 100..${int(steps)}`,
      'finalized Δ',
      'jsFallbacks Δ',
      `ms / step (median of ${WINDOW}-step windows)`,
    ],
    rows: modes.map((r) => [
      MODE_LABEL[r.mode],
      mib(r.before.bytesInUse),
      mib(r.at100.bytesInUse),
      mib(r.at1000.bytesInUse),
      mib(r.atEnd.bytesInUse),
      mib(r.afterDispose.bytesInUse),
      int(r.atEnd.allocations - r.at100.allocations),
      int(r.afterDispose.finalized - r.before.finalized),
      int(r.afterDispose.jsFallbacks - r.before.jsFallbacks),
      r.stepMs.toFixed(3),
    ]),
    notes: [
      `Bytes in use are the whole heap's (\`paddle.memory().bytesInUse\`), including the kernels' own table and scratch (${mib(modes[modes.length - 1]!.atEnd.kernelScratchBytes)} MiB after the last run, kept between calls). "blocks handed out" is the \`allocations\` delta from step 100 to the last step (0 = steady state allocates nothing); "finalized Δ" counts blocks the garbage collector's finalizers returned during the mode (the loop yields to the event loop after every window so they could run), "jsFallbacks Δ" allocations that had to go to JavaScript memory. Heap reserved at the end: ${mib(modes[modes.length - 1]!.afterDispose.heapBytes)} MiB; backend ${modes[0]!.before.backend}. Digits cycle through ${data.batches} shuffled batches of the ${int(data.train.count)} training images; the step time includes gathering the batch. Losses at the last step: ${modes.map((r) => r.lastLoss.toFixed(4)).join(', ')}.`,
    ],
  };

  // 2. build / step / dispose cycles, then the same without dispose()
  ctx.progress(`memory: ${int(nCycles)} build / step / dispose cycles`);
  const maxBytes = wasm.heap.maximumPages * 65536;
  const withDispose = await cycles(ctx, data, nCycles, true, maxBytes);
  ctx.progress(`memory: ${int(nDrops)} build / step cycles without dispose()`);
  const dropped = await cycles(ctx, data, nDrops, false, maxBytes / 2);
  // give the dropped models back: through the collector if it is exposed, else they stay
  const gc = globalThis.gc;
  let afterGc: paddle.MemoryInfo | undefined;
  if (gc !== undefined) {
    for (let i = 0; i < 5; i++) {
      gc();
      await turn();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    afterGc = paddle.memory();
  } else {
    await turn();
  }
  const droppedEnd = afterGc ?? paddle.memory();

  const cycleRow = (r: CycleResult, finalizedEnd: paddle.MemoryInfo): (string | number)[] => [
    r.label,
    int(r.cycles),
    int(excl(r.before)),
    int(excl(r.after1)),
    int(excl(r.afterN)),
    mib(r.afterN.kernelScratchBytes),
    `${int(r.before.blocks)} / ${int(r.afterN.blocks)}`,
    `${mib(r.before.heapBytes)} / ${mib(r.afterN.heapBytes)}`,
    int(finalizedEnd.finalized - r.before.finalized),
    r.msPerCycle.toFixed(2),
  ];
  const perModel = dropped.cycles > 0 ? (excl(dropped.afterN) - excl(dropped.before)) / dropped.cycles : 0;
  const notes = [
    `Bytes in use exclude the kernels' own table and scratch blocks (\`kernelScratchBytes\`, shown separately; they grow to the largest call and stay). Each cycle: build MLP + RMSProp (seed 1), one training step on a batch of digits, \`opt.clearGrad()\`, then \`opt.dispose(); model.dispose()\` — or nothing, in the last row.`,
    `With dispose(): ${signed(excl(withDispose.afterN) - excl(withDispose.before))} bytes in use and ${signed(withDispose.afterN.blocks - withDispose.before.blocks)} blocks after ${int(withDispose.cycles)} cycles (scratch included: ${signed(withDispose.afterN.bytesInUse - withDispose.before.bytesInUse)} bytes), heap ${withDispose.afterN.heapBytes === withDispose.before.heapBytes ? 'never grew' : `grew by ${mib(withDispose.afterN.heapBytes - withDispose.before.heapBytes)} MiB`}${withDispose.stoppedEarly ? ' (stopped early: an allocation fell back to JavaScript memory)' : ''}.`,
    `Without dispose(): ${int(dropped.cycles)} dropped models hold ${int(excl(dropped.afterN) - excl(dropped.before))} bytes (${mib(excl(dropped.afterN) - excl(dropped.before))} MiB, ${mib(perModel)} MiB per model + optimizer + gradients) in ${signed(dropped.afterN.blocks - dropped.before.blocks)} blocks until the garbage collector's finalizers return them; the heap's reservation grew to ${mib(dropped.afterN.heapBytes)} MiB and a WebAssembly memory never shrinks.${dropped.stoppedEarly ? ` Stopped early after ${int(dropped.cycles)} of ${int(nDrops)} cycles to stay inside the heap.` : ''}`,
    afterGc !== undefined
      ? `global.gc() (×5, with turns of the event loop for the finalizers): ${int(excl(afterGc))} bytes still in use (${signed(excl(afterGc) - excl(dropped.before))} vs before the drops), ${int(afterGc.finalized - dropped.before.finalized)} blocks finalized, ${int(afterGc.blocks)} blocks live.`
      : `global.gc is not exposed (run node with --expose-gc to collect them here): right after the loop ${int(excl(droppedEnd))} bytes are in use and ${int(droppedEnd.finalized - dropped.before.finalized)} blocks were finalized; the rest waits for V8's next major collection.`,
  ];
  const cycleTable: BenchTable = {
    title: `Build / step / dispose cycles (${int(nCycles)} cycles of the demo MLP + RMSProp, one training step each)`,
    columns: [
      'per cycle',
      'cycles',
      'bytes in use before',
      'after 1 cycle',
      'after all cycles',
      'kernel scratch after, MiB',
      'blocks before / after',
      'heap reserved before / after, MiB',
      'finalized Δ',
      'ms / cycle',
    ],
    rows: [cycleRow(withDispose, withDispose.afterN), cycleRow(dropped, droppedEnd)],
    notes,
  };
  return [steadyTable, cycleTable];
}

addSection('memory', runMemoryBench, 'the kernel heap over long training runs and build / dispose cycles');

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  let checksum = 0;
  const tables = await runMemoryBench({
    quick: process.argv.includes('--quick'),
    progress: (line) => process.stderr.write(`  … ${line}\n`),
    consume: (v) => {
      if (Number.isFinite(v)) checksum += v;
    },
  });
  for (const t of tables) console.log(`${formatTable(t)}\n`);
  console.log(`checksum ${checksum.toPrecision(8)}`);
}

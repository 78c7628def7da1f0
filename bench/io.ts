/**
 * Checkpoint loading (issue 11): load time and peak memory per MB of file for honest Paddle
 * checkpoints (written with the public save API) beside every kind of loader bomb of the hostile
 * corpus (tests/io/hostile-corpus.ts). Each file is loaded with `loadBytes` in its own child process
 * (tests/io/hostile-worker.ts, the worker the hostile tests use), so the peak resident memory
 * reported is that file's alone.
 *
 * `npm run bench -- io` (registered as the `io` section), or standalone:
 * `npx tsx bench/io.ts [--quick]`. `--quick` builds the corpus at the scale the tests use (0.25)
 * and a smaller "large" honest file.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MLP } from '../src/cli/model.js';
import * as paddle from '../src/index.js';
import { DEFAULT_MAX_EXPANSION, DEFAULT_MAX_TENSORS, JSON_EXPANSION } from '../src/io/index.js';
import { BUDGET_SLACK } from '../src/io/limits.js';
import { hostileCorpus } from '../tests/io/hostile-corpus.js';
import { addSection, formatTable, type BenchContext, type BenchTable } from './registry.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WORKER = join(ROOT, 'tests', 'io', 'hostile-worker.ts');
/** The scale tests/io/hostile.test.ts builds the corpus at; `--quick` uses it too. */
const QUICK_SCALE = 0.25;
const WORKER_TIMEOUT_MS = 180_000;
const MIB = 2 ** 20;
/** Below this size the per-MB ratios are dominated by the fixed 1 MiB slack and process noise. */
const RATIO_MIN_BYTES = 256 * 1024;

type Format = 'pickle' | 'safetensors';

interface BenchFile {
  name: string;
  kind: 'honest' | 'bomb';
  format: Format;
  make: () => Uint8Array;
}

/** The line tests/io/hostile-worker.ts prints per file. */
interface WorkerReport {
  path: string;
  ms: number;
  growthKiB: number;
  resetPeak: boolean;
  error: { name: string; message: string } | null;
}

interface Row {
  file: BenchFile;
  size: number;
  report: WorkerReport | null;
  crashed: string | null;
}

/** A Layer of `n` Linear(1024, 1024): 4 MiB of float32 weights each. */
function wideStack(n: number): paddle.nn.Sequential {
  const layers: paddle.nn.Layer[] = [];
  for (let i = 0; i < n; i++) layers.push(new paddle.nn.Linear(1024, 1024));
  return new paddle.nn.Sequential(...layers);
}

/** The demo MLP and RMSProp (lr 2e-3, rho 0.95) after one step on a random batch of 64. */
function demoAfterOneStep(): { model: MLP; opt: paddle.optimizer.RMSProp } {
  paddle.seed(1);
  const model = new MLP();
  const opt = new paddle.optimizer.RMSProp(2e-3, { parameters: model.parameters(), rho: 0.95 });
  const x = paddle.randn([64, 784]);
  const labels = Int32Array.from({ length: 64 }, (_, i) => (i * 7) % 10);
  const loss = paddle.nn.functional.crossEntropy(model.forward(x), paddle.Tensor.fromArray(labels, [64], 'int32'));
  loss.backward();
  opt.step();
  opt.clearGrad();
  return { model, opt };
}

/** `count` one-element float32 parameters, as a state dict `p.0 … p.{count-1}`. */
function manySmall(count: number): Record<string, paddle.Tensor> {
  const sd: Record<string, paddle.Tensor> = {};
  for (let i = 0; i < count; i++) sd[`p.${i}`] = paddle.Tensor.fromArray(Float32Array.of(i / count), [1], 'float32', { name: `param_${i}` });
  return sd;
}

function honestFiles(quick: boolean): BenchFile[] {
  const wide = quick ? 2 : 6;
  const small = 20_000;
  const files: BenchFile[] = [];
  const both = (name: string, build: () => unknown, pickleExt: string): void => {
    files.push({ name: `${name}${pickleExt}`, kind: 'honest', format: 'pickle', make: () => paddle.saveBytes(build()) });
    files.push({ name: `${name}.safetensors`, kind: 'honest', format: 'safetensors', make: () => paddle.saveBytes(build(), { format: 'safetensors' }) });
  };
  both('mlp-784-256-10', () => demoAfterOneStep().model.stateDict(), '.pdparams');
  both('rmsprop-after-1-step', () => demoAfterOneStep().opt.stateDict(), '.pdopt');
  both(`linear-1024x1024-x${wide}`, () => {
    paddle.seed(2);
    return wideStack(wide).stateDict();
  }, '.pdparams');
  both(`${small / 1000}k-one-element`, () => manySmall(small), '.pdparams');
  return files;
}

function bombFiles(scale: number): BenchFile[] {
  return hostileCorpus(scale).map((c) => ({
    name: `${c.name}.${c.format === 'pickle' ? 'pkl' : 'safetensors'}`,
    kind: 'bomb',
    format: c.format,
    make: c.make,
  }));
}

/** Loads one file in a fresh worker process, as scripts/make-hostile-corpus.ts does. */
function runWorker(path: string, format: Format): Promise<{ report: WorkerReport | null; crashed: string | null }> {
  const args = ['--expose-gc', '--max-old-space-size=8192', '--stack-size=984', '--import', 'tsx', WORKER, JSON.stringify([{ path, format }])];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: WORKER_TIMEOUT_MS, maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      if (err !== null || last === '') {
        const why = err === null ? 'no report' : err.killed ? `killed after ${WORKER_TIMEOUT_MS / 1000} s` : `exit ${String(err.code ?? err.signal)}`;
        const detail = stderr.trim().split('\n').filter((l) => l.trim() !== '').pop() ?? '';
        resolve({ report: null, crashed: `worker crashed (${why})${detail === '' ? '' : `: ${detail}`}` });
        return;
      }
      resolve({ report: JSON.parse(last) as WorkerReport, crashed: null });
    });
  });
}

const cell = (s: string): string => s.replace(/\s+/g, ' ').replace(/\|/g, '\\|');

/** The error class and the first words of its message (the whole message is up to 500 chars). */
function outcome(r: Row): string {
  if (r.crashed !== null) return cell(r.crashed.slice(0, 120));
  const e = r.report?.error ?? null;
  if (e === null) return 'loaded';
  const words = e.message.split(/\s+/).slice(0, 10).join(' ');
  const short = words.length > 90 ? `${words.slice(0, 90)}…` : words.length < e.message.length ? `${words} …` : words;
  return cell(`${e.name}: ${short}`);
}

const mb = (bytes: number): number => bytes / MIB;

function fmtSize(bytes: number): string {
  const m = mb(bytes);
  return m >= 10 ? m.toFixed(1) : m >= 0.01 ? m.toFixed(2) : m.toFixed(5);
}

function toRow(r: Row): (string | number)[] {
  const rep = r.report;
  const growthMB = rep === null ? null : rep.growthKiB / 1024;
  const ratiosShown = rep !== null && r.size >= RATIO_MIN_BYTES;
  return [
    `${r.file.kind === 'honest' ? 'honest' : 'bomb'}: \`${r.file.name}\``,
    r.file.format,
    fmtSize(r.size),
    outcome(r),
    rep === null ? '—' : rep.ms.toFixed(1),
    growthMB === null ? '—' : growthMB.toFixed(1),
    ratiosShown && growthMB !== null ? (growthMB / mb(r.size)).toFixed(1) : '—',
    ratiosShown ? (rep.ms / mb(r.size)).toFixed(1) : '—',
  ];
}

export async function runIoBench(ctx: BenchContext): Promise<BenchTable> {
  const scale = ctx.quick ? QUICK_SCALE : 1;
  const files = [...honestFiles(ctx.quick), ...bombFiles(scale)];
  const dir = mkdtempSync(join(tmpdir(), 'paddle-bench-io-'));
  const rows: Row[] = [];
  try {
    for (const [i, file] of files.entries()) {
      const bytes = file.make();
      const path = join(dir, file.name);
      writeFileSync(path, bytes);
      ctx.progress(`io: ${i + 1}/${files.length} ${file.name} (${fmtSize(bytes.length)} MB)`);
      const { report, crashed } = await runWorker(path, file.format);
      if (report !== null) ctx.consume(report.ms);
      rows.push({ file, size: bytes.length, report, crashed });
      rmSync(path, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const honest = rows.filter((r) => r.file.kind === 'honest' && r.report !== null && r.size >= RATIO_MIN_BYTES);
  const worstHonest = honest.reduce((m, r) => Math.max(m, (r.report as WorkerReport).growthKiB / 1024 / mb(r.size)), 0);
  const bombs = rows.filter((r) => r.file.kind === 'bomb');
  const refused = bombs.filter((r) => r.report?.error != null).length;
  const loaded = bombs.filter((r) => r.report !== null && r.report.error === null).length;
  const crashed = rows.filter((r) => r.crashed !== null).length;
  const slowest = bombs.reduce((m, r) => Math.max(m, r.report?.ms ?? 0), 0);
  const biggest = bombs.reduce((m, r) => Math.max(m, (r.report?.growthKiB ?? 0) / 1024), 0);
  const perMB = (r: Row): number => (r.report === null || r.size < RATIO_MIN_BYTES ? 0 : r.report.growthKiB / 1024 / mb(r.size));
  const worstBomb = bombs.reduce((m, r) => Math.max(m, perMB(r)), 0);
  const resetPeak = rows.every((r) => r.report === null || r.report.resetPeak);

  return {
    title: `Loading honest checkpoints and the hostile corpus (${bombs.length} bombs at scale ${scale}${ctx.quick ? ', the tests\' scale' : ', full size'}), one child process per file`,
    columns: ['file', 'format', 'size (MB)', 'outcome', 'load time (ms)', 'peak RSS growth (MB)', 'RSS growth per MB of file', 'ms per MB'],
    rows: rows.map(toRow),
    notes: [
      `Each file is written to a temporary directory and loaded with \`loadBytes(bytes, { format })\` (Tensors, not NumPy arrays) in its own \`node --expose-gc --max-old-space-size=8192 --stack-size=984\` process (tests/io/hostile-worker.ts); load time is that call alone, and peak RSS growth is the peak resident memory during the call (${resetPeak ? 'VmHWM after resetting it through /proc/self/clear_refs' : 'the process\'s maxRSS'}) minus the resident memory after the file was read, so the file's own bytes are not counted. MB = 2^20 bytes; the per-MB ratios are left out ("—") below ${RATIO_MIN_BYTES / 1024} KiB, where the fixed slack and a few MB of allocator noise dominate. Honest files come from the public save API: the demo MLP (784-256-10) and its RMSProp (lr 2e-3, rho 0.95) state after one step, ${ctx.quick ? 2 : 6} × Linear(1024, 1024), and 20,000 one-element parameters, each as a protocol-4 pickle and as safetensors. ` +
        `The bounds (docs/architecture.md §6, src/io/limits.ts): the unpickler charges every object it creates (containers, marks, memo entries, strings, numbers, dict entries, arrays, split-parameter reassembly) its approximate heap size against ${DEFAULT_MAX_EXPANSION} × file size + ${BUDGET_SLACK / MIB} MiB (\`maxExpansion\`), and nesting against \`maxDepth\` (1000), so a pickle's time and memory are linear in its size: honest state dicts need 2–11× (one-element arrays up to ~31×), while empty containers, marks and memo references would need far more and are refused with an \`UnpicklingError\` before they grow; a safetensors header is at most 100 MB, lists at most ${DEFAULT_MAX_TENSORS.toLocaleString('en-US')} tensors, is scanned before \`JSON.parse\` (depth ≤ 64, ${JSON_EXPANSION}× its size + 1 MiB), and Paddle's metadata JSON is bounded the same way (\`ValueError\`). ` +
        `In this run: ${refused} of ${bombs.length} bombs refused, ${loaded} loaded within the bounds (the cases where loading is as good as a refusal), ${crashed} worker crash${crashed === 1 ? '' : 'es'}; the slowest bomb took ${slowest.toFixed(0)} ms and the largest peak growth of a bomb was ${biggest.toFixed(1)} MB and its largest RSS growth per MB of file ${worstBomb.toFixed(1)}, against at most ${worstHonest.toFixed(1)} per MB for the honest files (of ${RATIO_MIN_BYTES / 1024} KiB or more); RSS growth includes the Tensors built from the result and V8's heap slack, which the budget does not count.`,
    ],
  };
}

addSection('io', runIoBench, 'checkpoint load time and peak memory per MB: honest files vs the hostile corpus');

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  let checksum = 0;
  const table = await runIoBench({
    quick: process.argv.includes('--quick'),
    progress: (line) => process.stderr.write(`  … ${line}\n`),
    consume: (v) => {
      if (Number.isFinite(v)) checksum += v;
    },
  });
  console.log(`${formatTable(table)}\n`);
  console.log(`checksum ${checksum.toPrecision(8)}`);
}

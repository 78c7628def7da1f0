/**
 * The compat optimizers against the frameworks they reproduce, on the same machine in one run:
 * one `step()` of `paddle.compat.torch.RMSprop` (PyTorch 1.13's arithmetic, bit for bit, on the
 * fused WebAssembly kernel's `'torch'` variant, parameter and state in the kernel heap) over one
 * float32 parameter of 1M and 10M elements, plain and momentum + centered, at 1 and 2 kernel
 * threads, and on the TypeScript reference kernel (what runs without WebAssembly), vs
 *
 * - PyTorch 1.13's own `torch.optim.RMSprop` (`_single_tensor_rmsprop`, the default `foreach=None`
 *   path) through `/usr/bin/python3` (Debian's python3-torch), at 1 and 2 intra-op threads. Where no
 *   python3 imports torch, those rows say so in one line and the rest runs.
 * - TF.js 4.22's `tf.train.rmsprop` (`applyGradients`) on @tensorflow/tfjs-backend-wasm and
 *   @tensorflow/tfjs-backend-cpu, in this process.
 *
 * A second table times the other compat optimizers' step at 1M elements on the kernel, 1 and 2
 * threads (`compat.tfjs.rmsprop` next to TF.js's own; Keras 3, TF1, timm and Optax have no peer
 * that runs on this machine, so their rows have none).
 *
 * The gradient is set once and every run steps the same parameter (the values drift; the work per
 * step does not). Medians of ms per step; TF.js runs on one thread.
 *
 * `npm run bench -- compat` (`--quick` for 1M only and short budgets).
 */
import { execFileSync } from 'node:child_process';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import * as keras from '../src/compat/keras.js';
import * as optax from '../src/compat/optax.js';
import * as tf1 from '../src/compat/tf1.js';
import * as tfjsCompat from '../src/compat/tfjs.js';
import * as timm from '../src/compat/timm.js';
import { RMSprop } from '../src/compat/torch.js';
import { getNumThreads, setNumThreads, threadsReady, useBackend, wasmAvailable } from '../src/kernels/index.js';
import { getParameterAllocator } from '../src/tensor/storage.js';
import { ParameterBase, Tensor } from '../src/tensor/tensor.js';
import { addSection, measure, type BenchContext, type BenchTable } from './registry.js';

interface Config {
  name: string;
  momentum: number;
  centered: boolean;
}
const CONFIGS: Config[] = [
  { name: 'plain', momentum: 0, centered: false },
  { name: 'momentum+centered', momentum: 0.9, centered: true },
];
const LR = 0.01;
const ALPHA = 0.99;
const EPS = 1e-8;

/** Deterministic values in [-1, 1) (an LCG), so every implementation sees the same numbers. */
function fill(a: Float32Array, seed: number): void {
  let s = seed >>> 0;
  for (let i = 0; i < a.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    a[i] = s / 2 ** 31 - 1;
  }
}

const PYTHON = String.raw`
import json, statistics, sys, time
import torch
n, momentum, centered, threads, budget = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3] == '1', int(sys.argv[4]), float(sys.argv[5])
torch.set_num_threads(threads)
g = torch.Generator().manual_seed(0)
p = torch.nn.Parameter(torch.rand(n, generator=g) * 2 - 1)
p.grad = torch.rand(n, generator=g) * 2 - 1
opt = torch.optim.RMSprop([p], lr=0.01, alpha=0.99, eps=1e-8, momentum=momentum, centered=centered)
for _ in range(2):
    opt.step()
times = []
start = time.perf_counter()
while len(times) < 5 or (len(times) < 200 and (time.perf_counter() - start) * 1000 < budget):
    t0 = time.perf_counter()
    opt.step()
    times.append((time.perf_counter() - t0) * 1000)
print(json.dumps({'torch': torch.__version__, 'ms': statistics.median(times), 'check': float(p[0])}))
`;

function torchPython(): string | undefined {
  for (const py of ['/usr/bin/python3', 'python3']) {
    try {
      execFileSync(py, ['-c', 'import torch'], { stdio: 'ignore', timeout: 60_000 });
      return py;
    } catch {
      // next
    }
  }
  return undefined;
}

/** A float32 parameter from the parameter allocator (the kernel heap under the WASM backend), its gradient set. */
function parameter(n: number): { p: Tensor; g: Tensor } {
  const p = new ParameterBase(getParameterAllocator().alloc('float32', n), [n], { stopGradient: false });
  fill(p.data as Float32Array, 1);
  const g = new ParameterBase(getParameterAllocator().alloc('float32', n), [n]);
  fill(g.data as Float32Array, 2);
  p.setGrad(g);
  return { p, g };
}

/** Where a row's kernel runs: the WebAssembly kernel at 1 or 2 threads, or the TypeScript reference. */
type Where = 1 | 2 | 'ref';

async function select(where: Where): Promise<void> {
  useBackend(where === 'ref' ? 'ref' : 'wasm');
  if (where !== 'ref') {
    setNumThreads(where);
    await threadsReady();
  }
}

async function oursMs(ctx: BenchContext, n: number, c: Config, budgetMs: number, where: Where): Promise<number> {
  await select(where);
  const { p, g } = parameter(n);
  const opt = new RMSprop([p], { lr: LR, alpha: ALPHA, eps: EPS, momentum: c.momentum, centered: c.centered });
  const m = measure(() => opt.step(), { warmup: 2, budgetMs, minRuns: 3 });
  ctx.consume(p.data[0] as number);
  opt.dispose();
  p.dispose();
  g.dispose();
  return m.medianMs;
}

async function tfjsMs(ctx: BenchContext, backend: 'wasm' | 'cpu', n: number, c: Config, budgetMs: number): Promise<number> {
  await tf.setBackend(backend);
  await tf.ready();
  const a = new Float32Array(n);
  fill(a, 1);
  const g = new Float32Array(n);
  fill(g, 2);
  const v = tf.variable(tf.tensor1d(a), true, `compat_${backend}_${n}_${c.name}`);
  const grad = tf.tensor1d(g);
  const opt = tf.train.rmsprop(LR, ALPHA, c.momentum, EPS, c.centered);
  const list = [{ name: v.name, tensor: grad }];
  const m = measure(() => opt.applyGradients(list), { warmup: 1, budgetMs, minRuns: 2 });
  ctx.consume((v.dataSync() as Float32Array)[0] as number);
  opt.dispose();
  v.dispose();
  grad.dispose();
  return m.medianMs;
}

type Other = 'compat.tfjs.rmsprop' | 'compat.keras.RMSprop' | 'compat.tf1.RMSProp' | 'compat.timm.RMSpropTF' | 'compat.optax.rmsprop';
const OTHERS: Other[] = ['compat.tfjs.rmsprop', 'compat.keras.RMSprop', 'compat.tf1.RMSProp', 'compat.timm.RMSpropTF', 'compat.optax.rmsprop'];

/** One step of another compat optimizer over one parameter with its gradient set; and its cleanup. */
function otherStep(kind: Other, p: Tensor, g: Tensor, c: Config): [() => void, () => void] {
  switch (kind) {
    case 'compat.tfjs.rmsprop': {
      const opt = tfjsCompat.rmsprop(LR, ALPHA, c.momentum, EPS, c.centered);
      const list = [{ variable: p, gradient: g }];
      return [() => opt.applyGradients(list), () => opt.dispose()];
    }
    case 'compat.keras.RMSprop': {
      const opt = new keras.RMSprop({ learningRate: LR, rho: ALPHA, momentum: c.momentum, epsilon: EPS, centered: c.centered });
      const list = [[g, p]] as const;
      return [() => void opt.applyGradients(list), () => opt.dispose()];
    }
    case 'compat.tf1.RMSProp': {
      const opt = new tf1.RMSProp(LR, { decay: ALPHA, momentum: c.momentum, epsilon: EPS, centered: c.centered });
      const list = [[g, p]] as const;
      return [() => opt.applyGradients(list), () => opt.dispose()];
    }
    case 'compat.timm.RMSpropTF': {
      const opt = new timm.RMSpropTF([p], { lr: LR, alpha: ALPHA, eps: EPS, momentum: c.momentum, centered: c.centered });
      return [() => void opt.step(), () => opt.dispose()];
    }
    case 'compat.optax.rmsprop': {
      // functional: update returns new updates and a new state (JS arrays, copied through the kernel)
      const tx = optax.rmsprop({ learningRate: LR, decay: ALPHA, eps: EPS, centered: c.centered, momentum: c.momentum === 0 ? null : c.momentum });
      let state = tx.init([p]);
      return [
        () => {
          const [u, next] = tx.update([g], state);
          state = next;
          optax.applyUpdates([p], u, { inPlace: true });
        },
        () => undefined,
      ];
    }
  }
}

async function otherMs(ctx: BenchContext, kind: Other, n: number, c: Config, budgetMs: number, where: Where): Promise<number> {
  await select(where);
  const { p, g } = parameter(n);
  const [step, done] = otherStep(kind, p, g, c);
  const m = measure(step, { warmup: 2, budgetMs, minRuns: 3 });
  ctx.consume(p.data[0] as number);
  done();
  p.dispose();
  g.dispose();
  return m.medianMs;
}

export async function runCompatBench(ctx: BenchContext): Promise<BenchTable[]> {
  if (!wasmAvailable()) throw new Error('bench compat: the WebAssembly kernels are unavailable here');
  const threadsBefore = getNumThreads();
  const sizes = ctx.quick ? [1_000_000] : [1_000_000, 10_000_000];
  const budget = ctx.quick ? 300 : 1500;
  const py = torchPython();
  const rows: (string | number)[][] = [];
  const notes: string[] = [];
  const tfjsAt1M = new Map<string, number>();
  let torchVersion = '';
  for (const n of sizes) {
    for (const c of CONFIGS) {
      const label = `${n / 1e6}M, ${c.name}`;
      ctx.progress(`compat: compat.torch.RMSprop ${label}`);
      const ours = await oursMs(ctx, n, c, budget, 1);
      const row = (impl: string, ms: number | undefined): void => {
        rows.push([label, impl, ms === undefined ? 'n/a' : ms.toFixed(2), ms === undefined ? 'n/a' : ((ms * 1e6) / n).toFixed(2), ms === undefined ? 'n/a' : `${(ms / ours).toFixed(2)}×`]);
      };
      row('paddle.compat.torch.RMSprop (fused WASM kernel, 1 thread)', ours);
      ctx.progress(`compat: compat.torch.RMSprop ${label}, 2 threads`);
      row('paddle.compat.torch.RMSprop (fused WASM kernel, 2 threads)', await oursMs(ctx, n, c, budget, 2));
      ctx.progress(`compat: compat.torch.RMSprop ${label}, reference kernel`);
      row('paddle.compat.torch.RMSprop (TypeScript reference kernel, no WASM)', await oursMs(ctx, n, c, budget, 'ref'));
      if (py !== undefined) {
        for (const threads of [1, 2]) {
          ctx.progress(`compat: PyTorch torch.optim.RMSprop ${label}, ${threads} thread(s)`);
          const out = execFileSync(py, ['-c', PYTHON, String(n), String(c.momentum), c.centered ? '1' : '0', String(threads), String(budget)], { encoding: 'utf8', timeout: 600_000 });
          const r = JSON.parse(out.trim().split('\n').pop() ?? '{}') as { torch: string; ms: number; check: number };
          torchVersion = r.torch;
          ctx.consume(r.check);
          row(`PyTorch ${r.torch} torch.optim.RMSprop, ${threads} thread${threads === 1 ? '' : 's'}`, r.ms);
        }
      }
      for (const backend of ['wasm', 'cpu'] as const) {
        ctx.progress(`compat: TF.js tf.train.rmsprop ${backend} ${label}`);
        const ms = await tfjsMs(ctx, backend, n, c, budget);
        if (n === 1_000_000) tfjsAt1M.set(`${backend}|${c.name}`, ms);
        row(`TF.js ${tf.version_core} tf.train.rmsprop, tfjs-backend-${backend}`, ms);
      }
    }
  }
  if (py === undefined) notes.push('PyTorch rows skipped: no python3 here imports torch (install the peer with `apt-get install python3-torch`).');
  else notes.push(`PyTorch ${torchVersion} from ${py} (its CPU kernels, default foreach=None path).`);
  notes.push(
    '"vs ours" is the row\'s time over paddle.compat.torch.RMSprop\'s on the WASM kernel at 1 thread (above 1× means slower than ours). Same hyper-parameters everywhere (lr 0.01, alpha/decay 0.99, eps 1e-8); TF.js puts eps inside the square root, which costs the same. Parameter, gradient and state in the kernel heap (zero-copy).',
  );
  const otherRows: (string | number)[][] = [];
  for (const c of CONFIGS) {
    for (const kind of OTHERS) {
      for (const threads of [1, 2] as const) {
        ctx.progress(`compat: ${kind} 1M, ${c.name}, ${threads} thread(s)`);
        const ms = await otherMs(ctx, kind, 1_000_000, c, budget, threads);
        const peer = kind === 'compat.tfjs.rmsprop' ? tfjsAt1M.get(`wasm|${c.name}`) : undefined;
        otherRows.push([`1M, ${c.name}`, `${kind} (kernel, ${threads} thread${threads === 1 ? '' : 's'})`, ms.toFixed(2), ms.toFixed(2), peer === undefined ? 'no peer here' : `${(peer / ms).toFixed(2)}× (tfjs-backend-wasm ${peer.toFixed(2)} ms)`]);
      }
    }
  }
  setNumThreads(threadsBefore);
  return [
    {
      title: 'One RMSprop step on one float32 parameter: paddle.compat.torch.RMSprop vs PyTorch and TF.js',
      columns: ['size, variant', 'implementation', 'ms / step', 'ns / element', 'vs ours'],
      rows,
      notes,
    },
    {
      title: 'The other compat optimizers, one step at 1M float32 elements on the fused kernel (each its framework\'s variant)',
      columns: ['size, variant', 'implementation', 'ms / step', 'ns / element', "the framework's own vs this"],
      rows: otherRows,
      notes: [
        '"the framework\'s own vs this" above 1× means the framework\'s own step is slower. Keras 3, TF1, timm and JAX/Optax do not run on this machine (no TensorFlow, timm or JAX installed).',
        'compat.optax.rmsprop is functional: each update makes new updates and state (JS arrays the kernel copies in and out), then applyUpdates (TypeScript, inPlace) adds them.',
      ],
    },
  ];
}

addSection('compat', runCompatBench, 'compat.torch.RMSprop step vs PyTorch 1.13 torch.optim.RMSprop and TF.js tf.train.rmsprop (1M, 10M)');

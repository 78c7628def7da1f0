/**
 * A recurrent network's training step against PyTorch: `paddle.nn.LSTM` / `GRU` (one layer,
 * batch 32, 20 steps, 64 → 128) with a Linear head on the last step's output, softmax
 * cross-entropy, backward, RMSProp and the loss read back, in paddle-rmsprop and in PyTorch
 * (through `python3`, bench/torch_rnn.py: `torch.nn.LSTM` / `GRU`, whose CPU kernels fuse each
 * step's gates), at 1 and 2 threads. Inputs are seeded random on each side (timing only).
 *
 * Our recurrent layers are composed of ops (nn/rnn.ts): one matmul per step for all gates, the
 * gates split, sigmoid/tanh and products elementwise, autograd summing the pieces' gradients.
 * Where no python3 imports torch, the PyTorch rows say how to install it.
 *
 * `npm run bench -- rnn-torch`.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as paddle from '../src/index.js';
import { findTorchPython } from './e2e-torch.js';
import { addSection, measure, type BenchContext, type BenchTable } from './registry.js';

const here = dirname(fileURLToPath(import.meta.url));
const [B, S, I, H] = [32, 20, 64, 128];

/** Median and fastest ms of our training step for `cell`. */
function ours(ctx: BenchContext, cell: 'lstm' | 'gru', budgetMs: number): { stepMs: number; fastestMs: number } {
  paddle.seed(1);
  const rnn = cell === 'lstm' ? new paddle.nn.LSTM(I, H) : new paddle.nn.GRU(I, H);
  const head = new paddle.nn.Linear(H, 10);
  const opt = new paddle.optimizer.RMSProp(1e-3, { parameters: [...rnn.parameters(), ...head.parameters()], rho: 0.95, epsilon: 1e-6 });
  const x = paddle.randn([B, S, I]);
  const y = paddle.randint(0, 10, [B], { dtype: 'int64' });
  const step = (): void => {
    const [out] = rnn.forward(x);
    const last = paddle.reshape(paddle.slice(out, [1], [S - 1], [S]), [B, H]);
    const loss = paddle.nn.functional.crossEntropy(head.forward(last), y);
    loss.backward();
    opt.step();
    opt.clearGrad();
    ctx.consume(Number(loss.item()));
  };
  for (let i = 0; i < 3; i++) step();
  const m = measure(step, { warmup: 0, budgetMs, minRuns: 5 });
  opt.dispose();
  rnn.dispose();
  head.dispose();
  return { stepMs: m.medianMs, fastestMs: m.minMs };
}

export async function runRnnTorchBench(ctx: BenchContext): Promise<BenchTable> {
  const py = findTorchPython();
  const budget = ctx.quick ? 400 : 3000;
  const threadsBefore = paddle.kernels.getNumThreads();
  const rows: (string | number)[][] = [];
  try {
    for (const cell of ['lstm', 'gru'] as const) {
      for (const threads of [1, 2]) {
        paddle.kernels.setNumThreads(threads);
        await paddle.kernels.threadsReady();
        const what = `${cell.toUpperCase()}, ${threads} thread${threads === 1 ? '' : 's'}`;
        ctx.progress(`rnn-torch: paddle-rmsprop, ${what}`);
        const o = ours(ctx, cell, budget);
        let torch: { torch: string; stepMs: number; fastestMs: number } | null = null;
        if (py !== undefined) {
          ctx.progress(`rnn-torch: PyTorch, ${what}`);
          const out = execFileSync(py, [join(here, 'torch_rnn.py'), '--cell', cell, '--threads', String(threads), '--budget-ms', String(budget)], { encoding: 'utf8', timeout: 300_000 });
          torch = JSON.parse(out.trim().split('\n').pop() ?? '{}') as { torch: string; stepMs: number; fastestMs: number };
        }
        rows.push([cell.toUpperCase(), 'paddle-rmsprop', threads, o.stepMs.toFixed(2), o.fastestMs.toFixed(2), torch === null ? 'n/a' : `${(torch.stepMs / o.stepMs).toFixed(2)}×`]);
        rows.push(
          torch === null
            ? [cell.toUpperCase(), 'PyTorch: skipped (no python3 here imports torch; `apt-get install python3-torch libopenblas0-pthread`)', threads, 'n/a', 'n/a', 'n/a']
            : [cell.toUpperCase(), `PyTorch ${torch.torch}`, threads, torch.stepMs.toFixed(2), torch.fastestMs.toFixed(2), '1.00×'],
        );
      }
    }
  } finally {
    paddle.kernels.setNumThreads(threadsBefore);
  }
  return {
    title: `A recurrent training step (batch ${B}, ${S} steps, ${I} → ${H}, Linear head, cross-entropy, RMSProp) vs PyTorch`,
    columns: ['cell', 'implementation', 'threads', 'ms / step (median)', 'ms (fastest)', 'vs PyTorch (median)'],
    rows,
    notes: ['"vs PyTorch" > 1 means faster. PyTorch\'s torch.nn.LSTM/GRU run fused CPU kernels per step; ours are composed of ops (matmul, split, sigmoid, tanh, elementwise products) with autograd.'],
  };
}

addSection('rnn-torch', runRnnTorchBench, 'an LSTM and a GRU training step vs PyTorch, 1 and 2 threads');

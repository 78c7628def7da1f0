/**
 * End to end against PyTorch: the demo MLP's training step (784-256-10, ReLU, softmax
 * cross-entropy, batch 64 of real digits, forward + backward + RMSProp + loss read back) in
 * paddle-rmsprop and in PyTorch (through `python3`, bench/torch_mlp.py), same batch, same initial
 * weights, at 1 and 2 threads each, interleaved in one run.
 *
 * Twice: on the demo's digits (81% of the pixels are 0, and our product leaves out the steps whose
 * A values are all zero: assembly/gemm.ts G_SKIP, same bits) and on dense inputs (uniform random
 * pixels, where nothing is left out), so the table shows what the sparsity gives and what is left
 * without it. PyTorch's dense BLAS does the same work on both.
 *
 * PyTorch is Debian's `python3-torch` (1.13) with `libopenblas0-pthread` (without OpenBLAS it
 * runs the reference BLAS and is no fair peer); the BLAS it loaded is reported. Where no python3
 * can import torch, the section prints one line saying how to install it and skips.
 *
 * `npm run bench -- e2e-torch`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MLP } from '../src/cli/model.js';
import * as paddle from '../src/index.js';
import { demoBatch, paddleRun } from './e2e.js';
import { addSection, type BenchContext, type BenchTable } from './registry.js';

const here = dirname(fileURLToPath(import.meta.url));

interface TorchResult {
  torch: string;
  threads: number;
  stepMs: number;
  loss: number;
  blas: string;
}

/** The first python3 that imports torch (Debian's lives in /usr/bin/python3), or undefined. */
export function findTorchPython(): string | undefined {
  for (const py of ['python3', '/usr/bin/python3']) {
    try {
      execFileSync(py, ['-c', 'import torch'], { stdio: 'ignore', timeout: 60_000 });
      return py;
    } catch {
      // next
    }
  }
  return undefined;
}

function bytesOf(a: ArrayBufferView): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

export async function runE2eTorchBench(ctx: BenchContext): Promise<BenchTable> {
  const py = findTorchPython();
  if (py === undefined) {
    return {
      columns: ['note'],
      rows: [['skipped: no python3 here imports torch (install the peer with `apt-get install python3-torch libopenblas0-pthread`)']],
    };
  }
  const budget = ctx.quick ? 400 : 3000;
  const batch = demoBatch();
  // the initial weights, as the demo makes them (seed 1), written for Python
  const dir = mkdtempSync(join(tmpdir(), 'paddle-rmsprop-e2e-torch-'));
  const threadsBefore = paddle.kernels.getNumThreads();
  const rows: (string | number)[][] = [];
  try {
    paddle.seed(1);
    const model = new MLP();
    const ps = model.parameters();
    ['w1', 'b1', 'w2', 'b2'].forEach((name, i) => writeFileSync(join(dir, `${name}.bin`), bytesOf(ps[i]!.data as Float32Array)));
    model.dispose();
    writeFileSync(join(dir, 'y.bin'), bytesOf(batch.y));
    // dense inputs: uniform [0, 1) pixels (seeded), no zeros for the product to leave out
    paddle.seed(2);
    const dense = { ...batch, x: paddle.rand([batch.x.length]).data as Float32Array };
    const results: { input: 'digits' | 'dense'; ours: number; loss: number; torch: TorchResult }[] = [];
    for (const [input, b] of [['digits', batch], ['dense', dense]] as const) {
      writeFileSync(join(dir, 'x.bin'), bytesOf(b.x));
      for (const threads of [1, 2]) {
        paddle.kernels.setNumThreads(threads);
        await paddle.kernels.threadsReady();
        const t = `${threads} thread${threads === 1 ? '' : 's'}, ${input} inputs`;
        ctx.progress(`e2e-torch: paddle-rmsprop, ${t}`);
        const ours = paddleRun(ctx, b, budget, false).result;
        ctx.progress(`e2e-torch: PyTorch, ${t}`);
        const out = execFileSync(py, [join(here, 'torch_mlp.py'), '--data', dir, '--threads', String(threads), '--budget-ms', String(budget)], {
          encoding: 'utf8',
          timeout: 300_000,
        });
        const torch = JSON.parse(out.trim().split('\n').pop() ?? '{}') as TorchResult;
        results.push({ input, ours: ours.stepMs, loss: ours.loss, torch });
      }
    }
    // the opt-in relaxed-SIMD backend (fused multiply-add), in a Node that validates it
    const relaxed: ({ stepMs: number; loss: number; backend: string } | { error: string })[] = [];
    for (const threads of [1, 2]) {
      ctx.progress(`e2e-torch: paddle-rmsprop wasm-relaxed (node --experimental-wasm-relaxed-simd), ${threads} thread${threads === 1 ? '' : 's'}`);
      try {
        const out = execFileSync(process.execPath, ['--experimental-wasm-relaxed-simd', '--import', 'tsx', join(here, 'e2e-relaxed-child.ts'), String(threads), String(budget)], {
          encoding: 'utf8',
          timeout: 300_000,
        });
        relaxed.push(JSON.parse(out.trim().split('\n').pop() ?? '{}') as { stepMs: number; loss: number; backend: string });
      } catch (e) {
        relaxed.push({ error: e instanceof Error ? e.message : String(e) });
      }
    }
    const flops = 2 * 64 * (784 * 256 + 256 * 10) * 2 + 2 * 64 * 256 * 10; // forward, dW1, dW2, dX2
    for (const [i, r] of results.entries()) {
      const threads = (i % 2) + 1;
      rows.push([r.input, `paddle-rmsprop (${paddle.kernels.backendName()})`, threads, r.ours.toFixed(2), (flops / (r.ours * 1e6)).toFixed(1), `${(r.torch.stepMs / r.ours).toFixed(2)}×`, r.loss.toFixed(4)]);
      const rx = r.input === 'digits' ? relaxed[i] : undefined;
      if (rx !== undefined && 'stepMs' in rx) {
        rows.push([r.input, `paddle-rmsprop opt-in ${rx.backend} (FMA; Node flag)`, threads, rx.stepMs.toFixed(2), (flops / (rx.stepMs * 1e6)).toFixed(1), `${(r.torch.stepMs / rx.stepMs).toFixed(2)}×`, rx.loss.toFixed(4)]);
      } else if (rx !== undefined) {
        rows.push([r.input, `paddle-rmsprop opt-in wasm-relaxed: ${rx.error.slice(0, 80)}`, threads, 'n/a', 'n/a', 'n/a', 'n/a']);
      }
      rows.push([r.input, `PyTorch ${r.torch.torch} (${r.torch.blas})`, r.torch.threads, r.torch.stepMs.toFixed(2), (flops / (r.torch.stepMs * 1e6)).toFixed(1), '1.00×', r.torch.loss.toFixed(4)]);
    }
  } finally {
    paddle.kernels.setNumThreads(threadsBefore);
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    title: 'The demo MLP training step (784-256-10, batch 64) vs PyTorch, 1 and 2 threads',
    columns: ['inputs', 'implementation', 'threads', 'ms / step', 'GFLOP/s of the products', 'vs PyTorch (same threads, same inputs)', 'loss at step 10'],
    rows,
    notes: [
      '"vs PyTorch" > 1 means faster. Same batch, same initial weights, lr 2e-3, rho/alpha 0.95, epsilon 1e-6, no momentum; PyTorch puts epsilon outside the square root, so its loss differs in late digits. GFLOP/s counts the four matrix products of a step (forward, dW of both layers, dX of the second) over the whole step time, as dense products (the multiply-adds our product leaves out for zeros of A are counted as done).',
      'digits: the demo batch (81% of the pixels are 0; fc1\'s forward and weight gradient leave out 61% and 72% of their steps of k, with the same bits). dense: uniform random pixels (nothing left out).',
      "The opt-in row is useBackend('wasm-relaxed') (the product's multiply-add fused by relaxed SIMD; not the other backends' bits) in a child Node started with --experimental-wasm-relaxed-simd, as Node 20 validates relaxed SIMD only behind that flag.",
    ],
  };
}

addSection('e2e-torch', runE2eTorchBench, 'the demo MLP step vs PyTorch (python3-torch + OpenBLAS), 1 and 2 threads');

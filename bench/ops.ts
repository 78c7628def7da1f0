/**
 * Op benchmarks: a 256×256 float32 matmul on the selected kernel backend (WebAssembly under
 * bench/index.ts) and on the reference backend, a Linear(784, 256)-like forward + backward at batch
 * 64 (x[64, 784] · W[784, 256] + b, then backward of the mean) as matmul + add and as nn.Linear,
 * reported as ms per iteration and GFLOP/s; plus two elementwise cases (same-shape add of 1M
 * elements, broadcast bias add). The kernel's product alone is bench/gemm.ts. When
 * @tensorflow/tfjs-core with the cpu backend can be loaded, the same matmul runs there too, as the
 * peer a JavaScript user would otherwise reach for.
 *
 * Standalone: `npx tsx bench/ops.ts [--quick]`. As a module: `runOpsBench()` returns the rows.
 */
import { pathToFileURL } from 'node:url';
import { backendName, getBackend, useBackend } from '../src/kernels/index.js';
import { Linear } from '../src/nn/index.js';
import { addSection } from './registry.js';
import { add, matmul, mean } from '../src/ops/index.js';
import { rand } from '../src/tensor/creation.js';
import { Parameter } from '../src/tensor/parameter.js';
import { seed } from '../src/tensor/random.js';
import type { Tensor } from '../src/tensor/tensor.js';

export interface OpsBenchRow {
  name: string;
  /** Milliseconds per iteration (median of the timed batches). */
  ms: number;
  /** Floating-point operations per iteration (0 when not meaningful). */
  flops: number;
  gflops: number;
  impl: string;
}

export interface OpsBenchOptions {
  /** Fewer iterations (a smoke run). */
  quick?: boolean;
}

/** Median ms per call of `fn`, over `batches` timed batches after a warm-up. */
function time(fn: () => unknown, targetMs: number, batches: number): number {
  let sink = 0;
  const t0 = performance.now();
  let warm = 0;
  while (performance.now() - t0 < targetMs / 2 || warm < 3) {
    sink += Number(fn() !== undefined);
    warm++;
  }
  const per = Math.max(1, Math.round(warm / 2 / batches) || 1);
  const samples: number[] = [];
  for (let b = 0; b < batches; b++) {
    const s = performance.now();
    for (let i = 0; i < per; i++) sink += Number(fn() !== undefined);
    samples.push((performance.now() - s) / per);
  }
  if (sink < 0) throw new Error('unreachable');
  samples.sort((p, q) => p - q);
  return samples[Math.floor(samples.length / 2)] as number;
}

function row(name: string, ms: number, flops: number, impl = 'paddle-rmsprop (TS)'): OpsBenchRow {
  return { name, ms, flops, gflops: flops > 0 ? flops / ms / 1e6 : 0, impl };
}

export async function runOpsBench(options: OpsBenchOptions = {}): Promise<OpsBenchRow[]> {
  const target = options.quick === true ? 200 : 1500;
  const batches = options.quick === true ? 3 : 7;
  seed(2024);
  const rows: OpsBenchRow[] = [];
  getBackend(); // select 'auto' now (as under bench/index.ts), so every row below sees the same routines

  // 256 × 256 float32 matmul, with the installed float32 routine and with the TypeScript kernel
  const a = rand([256, 256]);
  const b = rand([256, 256]);
  let check = 0;
  const matmulRow = (): number =>
    time(() => {
      const c = matmul(a, b);
      check += c.data[0] as number;
      return c;
    }, target, batches);
  const selected = backendName();
  rows.push(row('matmul 256x256 f32', matmulRow(), 2 * 256 ** 3, `paddle.matmul, ${selected}`));
  if (selected !== 'ref') rows.push(row('matmul 256x256 f32', onRef(matmulRow), 2 * 256 ** 3, 'paddle.matmul, ref'));

  // Linear(784, 256) forward + backward at batch 64
  const x = rand([64, 784]);
  const W = new Parameter([784, 256], 'float32', { name: 'bench_ops_w' });
  W.setValue(rand([784, 256], {}).numpy());
  const bias = new Parameter([256], 'float32', { name: 'bench_ops_b' });
  const step = (): Tensor => {
    const loss = mean(add(matmul(x, W), bias));
    loss.backward();
    W.clearGradient(true);
    bias.clearGradient(true);
    check += Number(loss.item());
    return loss;
  };
  // forward 2·B·I·O, backward dW another 2·B·I·O (x needs no gradient)
  rows.push(row('Linear(784,256) fwd+bwd, batch 64', time(step, target, batches), 2 * 2 * 64 * 784 * 256, `paddle.matmul, ${selected}`));

  // Elementwise
  const big1 = rand([1 << 20]);
  const big2 = rand([1 << 20]);
  rows.push(row('add 1M f32 (same shape)', time(() => add(big1, big2), target, batches), 1 << 20));
  const h = rand([64, 256]);
  rows.push(row('add [64,256] + [256] (broadcast)', time(() => add(h, bias), target, batches), 64 * 256));

  // Peer: tfjs-core cpu backend matmul (optional)
  try {
    const tf = await import('@tensorflow/tfjs-core');
    await import('@tensorflow/tfjs-backend-cpu');
    await tf.setBackend('cpu');
    await tf.ready();
    const ta = tf.tensor2d(a.numpy() as Float32Array, [256, 256]);
    const tb = tf.tensor2d(b.numpy() as Float32Array, [256, 256]);
    rows.push(
      row(
        'matmul 256x256 f32',
        time(() => {
          const c = tf.matMul(ta, tb);
          check += (c.dataSync()[0] as number) ?? 0;
          c.dispose();
          return c;
        }, target, batches),
        2 * 256 ** 3,
        'tfjs-core 4.22 cpu backend',
      ),
    );
  } catch {
    // peer not loadable: skip it
  }
  {
    // The same Linear(784, 256) forward + backward through nn.Linear, on the selected backend and on 'ref'
    const layer = new Linear(784, 256);
    const xb = rand([64, 784], { dtype: 'float32' });
    const linearStep = (): Tensor => {
      layer.clearGradients();
      const y = mean(layer.forward(xb));
      y.backward();
      check += Number(y.item());
      return y;
    };
    const flops = 2 * 2 * 64 * 784 * 256;
    rows.push(row('nn.Linear(784,256) fwd+bwd, batch 64', time(linearStep, target, batches), flops, `nn.Linear, ${selected}`));
    if (selected !== 'ref') rows.push(row('nn.Linear(784,256) fwd+bwd, batch 64', onRef(() => time(linearStep, target, batches)), flops, 'nn.Linear, ref'));
  }
  if (!Number.isFinite(check)) throw new Error('bench produced a non-finite checksum');
  return rows;
}

/** Runs `fn` on the reference backend, then selects 'auto' again. */
function onRef<T>(fn: () => T): T {
  useBackend('ref');
  try {
    return fn();
  } finally {
    useBackend('auto');
  }
}

export function formatOpsBench(rows: readonly OpsBenchRow[]): string[] {
  return rows.map(
    (r) =>
      `${r.name.padEnd(36)} ${r.impl.padEnd(30)} ${r.ms.toFixed(3).padStart(9)} ms/iter` +
      (r.flops > 0 && r.flops > 1e6 ? `  ${r.gflops.toFixed(2).padStart(6)} GFLOP/s` : ''),
  );
}

addSection(
  'ops',
  async (ctx) => {
    const rows = await runOpsBench({ quick: ctx.quick });
    for (const r of rows) ctx.consume(r.ms);
    return {
      columns: ['case', 'implementation', 'ms / iteration', 'GFLOP/s'],
      rows: rows.map((r) => [r.name, r.impl, r.ms.toFixed(3), r.flops > 1e6 ? r.gflops.toFixed(2) : '']),
    };
  },
  'matmul, Linear forward+backward, elementwise (issue 2)',
);

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const rows = await runOpsBench({ quick: process.argv.includes('--quick') });
  for (const line of formatOpsBench(rows)) console.log(line);
}

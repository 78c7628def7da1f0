/**
 * The workloads of the `browser` bench section (bench/browser.ts), run by the same code in Node
 * and, bundled, on a page in Chromium: the RMSProp step (float32, one parameter of 1M and of 10M
 * elements, momentum 0.9, gradients held fixed) and the demo MLP's training step (784-256-10,
 * ReLU, softmax cross-entropy, batch 64 of fixed pseudo-random inputs: forward, backward, update,
 * loss read back), each at the thread counts asked for.
 */
import * as paddle from '../src/index.js';
import { measure } from './registry.js';

/** One measured (workload, thread count). */
export interface BrowserBenchRow {
  workload: string;
  /** Threads asked for, and what setNumThreads returned. */
  threads: number;
  effective: number;
  medianMs: number;
  minMs: number;
  runs: number;
  backend: string;
}

/** What one environment measured. */
export interface BrowserBenchResult {
  rows: BrowserBenchRow[];
  /** The fastest loss value read back (consumed by the checksum). */
  checksum: number;
  error?: string;
}

function fill(n: number, seed: number): Float32Array {
  let x = seed >>> 0 || 1;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = ((x >>> 0) / 4294967296) * 2 - 1 || 0.5;
  }
  return out;
}

class MLP extends paddle.nn.Layer {
  readonly fc1 = this.addSublayer('fc1', new paddle.nn.Linear(784, 256));
  readonly fc2 = this.addSublayer('fc2', new paddle.nn.Linear(256, 10));
  override forward(x: paddle.Tensor): paddle.Tensor {
    return this.fc2.forward(paddle.nn.functional.relu(this.fc1.forward(x)));
  }
}

/** Runs every workload at each of `threads` (in this order); `budgetMs` per measurement. */
export async function runBrowserBench(threads: readonly number[], budgetMs: number): Promise<BrowserBenchResult> {
  const rows: BrowserBenchRow[] = [];
  let checksum = 0;
  for (const t of threads) {
    const effective = paddle.device.setNumThreads(t);
    await paddle.kernels.threadsReady();
    const backend = paddle.kernels.backendName();
    const row = (workload: string, m: { medianMs: number; minMs: number; runs: number }): void => {
      rows.push({ workload, threads: t, effective, backend, medianMs: m.medianMs, minMs: m.minMs, runs: m.runs });
    };

    for (const n of [1_000_000, 10_000_000]) {
      const p = paddle.createParameter([n], 'float32');
      (p.data as Float32Array).set(fill(n, 7));
      paddle.sum(paddle.multiply(p, paddle.Tensor.fromArray(fill(n, 9), [n], 'float32'))).backward();
      const opt = new paddle.optimizer.RMSProp(1e-3, { parameters: [p], rho: 0.95, epsilon: 1e-6, momentum: 0.9 });
      const m = measure(
        () => {
          opt.step();
        },
        { warmup: 3, budgetMs, minRuns: 5 },
      );
      checksum += (p.data as Float32Array)[0]!;
      row(`RMSProp step, ${n / 1e6}M parameters (momentum)`, m);
      opt.dispose();
      p.dispose();
    }

    paddle.seed(1);
    const model = new MLP();
    const opt = new paddle.optimizer.RMSProp(2e-3, { parameters: model.parameters(), rho: 0.95, epsilon: 1e-6 });
    const xs = fill(64 * 784, 3).map((v) => (v + 1) / 2);
    const ys = Int32Array.from({ length: 64 }, (_, i) => (i * 7) % 10);
    let loss = 0;
    const m = measure(
      () => {
        const l = paddle.nn.functional.crossEntropy(
          model.forward(paddle.Tensor.fromArray(xs.slice(), [64, 784], 'float32')),
          paddle.Tensor.fromArray(ys.slice(), [64], 'int32'),
        );
        l.backward();
        opt.step();
        opt.clearGrad();
        loss = Number(l.item());
      },
      { warmup: 3, budgetMs, minRuns: 5 },
    );
    checksum += loss;
    row('demo MLP training step (784-256-10, batch 64)', m);
    opt.dispose();
    model.dispose();
  }
  return { rows, checksum };
}

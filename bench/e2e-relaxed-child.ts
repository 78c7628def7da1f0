/**
 * Run by bench/e2e-torch.ts in a Node started with --experimental-wasm-relaxed-simd: the demo MLP
 * step (bench/e2e.ts paddleRun) on the opt-in relaxed-SIMD backend at the given thread count.
 * Prints one JSON line: { stepMs, loss, backend } or { error }.
 *
 * Usage: node --experimental-wasm-relaxed-simd --import tsx bench/e2e-relaxed-child.ts <threads> <budgetMs>
 */
import * as paddle from '../src/index.js';
import { demoBatch, paddleRun } from './e2e.js';

const threads = Number(process.argv[2] ?? 1);
const budget = Number(process.argv[3] ?? 3000);
try {
  paddle.kernels.useBackend('wasm-relaxed');
  paddle.kernels.setNumThreads(threads);
  await paddle.kernels.threadsReady();
  let sink = 0;
  const { result } = paddleRun({ quick: false, progress: () => undefined, consume: (v) => (sink += v) }, demoBatch(), budget, false);
  process.stdout.write(`${JSON.stringify({ stepMs: result.stepMs, loss: result.loss, backend: paddle.kernels.backendName(), sink })}\n`);
} catch (e) {
  process.stdout.write(`${JSON.stringify({ error: e instanceof Error ? e.message : String(e) })}\n`);
}
process.exit(0);

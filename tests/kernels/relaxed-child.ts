/**
 * Run by tests/kernels/relaxed.test.ts in a Node started with --experimental-wasm-relaxed-simd:
 * the opt-in relaxed-SIMD backend's products against a float64 sum (within the float32 bound of
 * a K-term sum), that it does fuse (some bits differ from the exact build), and an MLP step on it.
 * Prints one JSON line.
 */
import * as paddle from '../../src/index.js';
import * as k from '../../src/kernels/index.js';

const out: Record<string, unknown> = {};
const be = k.useBackend('wasm-relaxed');
out.name = be.name;
const U = 2 ** -24;
let worst = 0;
let differs = 0;
let total = 0;
let seed = 7;
const rnd = (): number => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return Math.fround(seed / 2147483648 - 0.5);
};
for (const [M, N, K] of [[64, 256, 784], [17, 33, 255], [1025, 8, 3], [5, 1025, 17]] as const) {
  const a = Float32Array.from({ length: M * K }, rnd);
  const b = Float32Array.from({ length: K * N }, rnd);
  const c = new Float32Array(M * N);
  const exact = new Float32Array(M * N);
  be.gemm('float32', { a, b, c, m: M, n: N, k: K });
  k.refBackend.gemm('float32', { a, b, c: exact, m: M, n: N, k: K });
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      let s = 0;
      let abs = 0;
      for (let q = 0; q < K; q++) {
        s += (a[i * K + q] as number) * (b[q * N + j] as number);
        abs += Math.abs((a[i * K + q] as number) * (b[q * N + j] as number));
      }
      const bound = ((K * U) / (1 - K * U)) * abs + U * Math.abs(s);
      worst = Math.max(worst, Math.abs((c[i * N + j] as number) - s) / (bound || 1));
      if (!Object.is(c[i * N + j], exact[i * N + j])) differs++;
      total++;
    }
  }
}
out.worstOverBound = worst;
out.differs = differs;
out.total = total;
// a training step on the relaxed backend: parameters live in its heap, the loss falls
paddle.seed(1);
const fc = new paddle.nn.Linear(20, 3);
const opt = new paddle.optimizer.RMSProp(0.01, { parameters: fc.parameters() });
const x = paddle.rand([32, 20]);
const y = paddle.randint(0, 3, [32, 1], { dtype: 'int64' });
const losses: number[] = [];
for (let s = 0; s < 30; s++) {
  const loss = paddle.nn.functional.cross_entropy(fc.forward(x), y);
  losses.push(Number(loss.item()));
  loss.backward();
  opt.step();
  opt.clearGrad();
}
out.lossFirst = losses[0];
out.lossLast = losses[losses.length - 1];
out.heap = fc.weight.storage.location;
process.stdout.write(`${JSON.stringify(out)}\n`);
process.exit(0);

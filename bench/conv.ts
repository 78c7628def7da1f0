/**
 * Convolution: `F.conv2d` forward, and forward + backward, at the two layers of the demo CNN
 * (batch 64 of 28×28 digits: conv 5×5 1→16 on 28×28 with padding 2, conv 5×5 16→32 on 14×14
 * without), in
 * paddle-rmsprop (im2row + `paddle.matmul`, whose float32 GEMM the kernel backend installs) and in
 * TF.js 4.22 (`tf.conv2d`, NHWC, gradients via `tf.grads`) on @tensorflow/tfjs-backend-wasm, same
 * shapes, same run. The backward is of Σ out·G: the weight and bias gradients, and the input
 * gradient where the demo needs one (the second layer; the first layer's input is the data).
 * TF.js's wasm backend has no Conv2DBackpropFilter kernel (a weight gradient throws "not
 * registered"), so its backward column says n/a. (Its cpu backend has one, but took 19 s and 55 s
 * per forward + backward here, 2026-11-30, too slow to belong in a short bench.)
 *
 * `npm run bench -- conv`, or standalone: `npx tsx bench/conv.ts [--quick]`.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { conv2DGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Conv2D_grad.js';
import { multiplyGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Multiply_grad.js';
import { sumGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Sum_grad.js';
import { addGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Add_grad.js';
import { pathToFileURL } from 'node:url';
import * as paddle from '../src/index.js';
import { addSection, formatTable, measure, type BenchContext, type BenchTable } from './registry.js';

for (const g of [conv2DGradConfig, multiplyGradConfig, sumGradConfig, addGradConfig]) {
  if (tf.getGradient(g.kernelName) === undefined) tf.registerGradient(g);
}

interface Shape {
  name: string;
  n: number;
  cin: number;
  hw: number;
  cout: number;
  k: number;
  pad: number;
  /** The input needs a gradient (every layer but the first). */
  inputGrad: boolean;
}

const SHAPES: Shape[] = [
  { name: 'conv1 64×1×28×28 ⊛ 16×1×5×5, padding 2', n: 64, cin: 1, hw: 28, cout: 16, k: 5, pad: 2, inputGrad: false },
  { name: 'conv2 64×16×14×14 ⊛ 32×16×5×5', n: 64, cin: 16, hw: 14, cout: 32, k: 5, pad: 0, inputGrad: true },
];

/** Multiply-adds of the forward product; the backward does one (dW) or two (dW, dx) more. */
function flops(s: Shape, backward: boolean): number {
  const o = s.hw + 2 * s.pad - s.k + 1;
  const fwd = 2 * s.n * o * o * s.cout * s.cin * s.k * s.k;
  return backward ? fwd * (s.inputGrad ? 3 : 2) : fwd;
}

function uniform(n: number, seed: number): Float32Array {
  let x = seed >>> 0;
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    a[i] = x / 2 ** 32 - 0.5;
  }
  return a;
}

interface Row {
  impl: string;
  shape: string;
  fwdMs: number;
  /** NaN where the backend cannot compute the backward. */
  bwdMs: number;
  fwdFlops: number;
  bwdFlops: number;
}

function paddleRows(ctx: BenchContext, s: Shape, budgetMs: number): Row {
  const o = s.hw + 2 * s.pad - s.k + 1;
  const x = paddle.Tensor.fromArray(uniform(s.n * s.cin * s.hw * s.hw, 1), [s.n, s.cin, s.hw, s.hw], 'float32', { stopGradient: !s.inputGrad });
  const w = paddle.Tensor.fromArray(uniform(s.cout * s.cin * s.k * s.k, 2), [s.cout, s.cin, s.k, s.k], 'float32', { stopGradient: false });
  const b = paddle.Tensor.fromArray(uniform(s.cout, 3), [s.cout], 'float32', { stopGradient: false });
  const G = paddle.Tensor.fromArray(uniform(s.n * s.cout * o * o, 4), [s.n, s.cout, o, o], 'float32');
  const fwd = measure(() => paddle.noGrad(() => ctx.consume(paddle.nn.functional.conv2d(x, w, b, { padding: s.pad }).data[0] as number)), { budgetMs });
  const both = measure(
    () => {
      paddle.nn.functional.conv2d(x, w, b, { padding: s.pad }).backward(G);
      ctx.consume((w.grad as paddle.Tensor).data[0] as number);
      w.clearGradient(false);
      b.clearGradient(false);
      x.clearGradient(false);
    },
    { budgetMs },
  );
  return { impl: `paddle-rmsprop (kernels: ${paddle.kernels.backendName()})`, shape: s.name, fwdMs: fwd.medianMs, bwdMs: both.medianMs, fwdFlops: flops(s, false), bwdFlops: flops(s, true) };
}

async function tfjsRows(ctx: BenchContext, s: Shape, budgetMs: number, label: string): Promise<Row> {
  const o = s.hw + 2 * s.pad - s.k + 1;
  const x = tf.tensor4d(uniform(s.n * s.cin * s.hw * s.hw, 1), [s.n, s.hw, s.hw, s.cin]);
  const w = tf.tensor4d(uniform(s.cout * s.cin * s.k * s.k, 2), [s.k, s.k, s.cin, s.cout]);
  const b = tf.tensor1d(uniform(s.cout, 3));
  const G = tf.tensor4d(uniform(s.n * s.cout * o * o, 4), [s.n, o, o, s.cout]);
  const fwd = measure(() => {
    const y = tf.tidy(() => tf.add(tf.conv2d(x, w, 1, s.pad === 0 ? 'valid' : 'same'), b));
    ctx.consume((y.dataSync()[0] as number) ?? 0);
    y.dispose();
  }, { budgetMs });
  const loss = (xi: tf.Tensor, wi: tf.Tensor, bi: tf.Tensor): tf.Scalar => tf.sum(tf.mul(tf.add(tf.conv2d(xi as tf.Tensor4D, wi as tf.Tensor4D, 1, s.pad === 0 ? 'valid' : 'same'), bi), G));
  if (tf.getKernel('Conv2DBackpropFilter', tf.getBackend()) === undefined) {
    tf.dispose([x, w, b, G]);
    return { impl: label, shape: s.name, fwdMs: fwd.medianMs, bwdMs: NaN, fwdFlops: flops(s, false), bwdFlops: flops(s, true) };
  }
  const both = measure(() => {
    const grads = s.inputGrad ? tf.grads(loss)([x, w, b]) : tf.grads((wi: tf.Tensor, bi: tf.Tensor) => loss(x, wi, bi))([w, b]);
    ctx.consume((grads[grads.length - 2]?.dataSync()[0] as number) ?? 0);
    for (const g of grads) g.dispose();
  }, { budgetMs });
  tf.dispose([x, w, b, G]);
  return { impl: label, shape: s.name, fwdMs: fwd.medianMs, bwdMs: both.medianMs, fwdFlops: flops(s, false), bwdFlops: flops(s, true) };
}

export async function runConvBench(ctx: BenchContext): Promise<BenchTable> {
  const budget = ctx.quick ? 300 : 1500;
  paddle.kernels.getBackend();
  const rows: Row[] = [];
  for (const s of SHAPES) {
    ctx.progress(`conv: paddle-rmsprop ${s.name}`);
    rows.push(paddleRows(ctx, s, budget));
  }
  await tf.setBackend('wasm');
  await tf.ready();
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const mt = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
  const label = `TF.js ${tf.version_core} wasm (SIMD ${simd === true ? 'on' : 'off'}, threads ${mt === true ? 'on' : 'off'})`;
  for (const s of SHAPES) {
    ctx.progress(`conv: ${label} ${s.name}`);
    rows.push(await tfjsRows(ctx, s, budget, label));
  }
  const wasm = (r: Row): Row => rows.find((q) => q.shape === r.shape && q.impl === label) as Row;
  const fmt = (ms: number): string => (Number.isNaN(ms) ? 'n/a' : ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
  const rate = (f: number, ms: number): string => (Number.isNaN(ms) ? 'n/a' : (f / ms / 1e6).toFixed(1));
  return {
    title: "conv2d at the demo CNN's shapes (float32, batch 64)",
    columns: ['layer', 'implementation', 'forward ms', 'GFLOP/s', 'vs TF.js wasm', 'forward + backward ms', 'GFLOP/s'],
    rows: rows.map((r) => [r.shape, r.impl, fmt(r.fwdMs), rate(r.fwdFlops, r.fwdMs), `${(wasm(r).fwdMs / r.fwdMs).toFixed(2)}×`, fmt(r.bwdMs), rate(r.bwdFlops, r.bwdMs)]),
    notes: [
      'Forward: conv2d + bias. Forward + backward: the forward, then the gradients of Σ out·G for the weight, the bias and (conv2) the input.',
      'GFLOP/s counts the multiply-adds of the products only (2 per multiply-add); "vs TF.js wasm" > 1 means a faster forward than TF.js on its wasm backend.',
      "TF.js's wasm backend registers no Conv2DBackpropFilter kernel, so it cannot compute a convolution's weight gradient (n/a).",
    ],
  };
}

addSection('conv', runConvBench, 'conv2d forward and backward at the demo CNN\'s shapes, vs TF.js wasm');

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const quick = process.argv.includes('--quick');
  const table = await runConvBench({ quick, progress: (l) => process.stderr.write(`  … ${l}\n`), consume: () => undefined });
  console.log(formatTable(table));
}

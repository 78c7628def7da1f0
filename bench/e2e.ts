/**
 * End to end: one training step of the demo's MLP (784-256-10, ReLU, softmax cross-entropy,
 * batch 64 of real digits) — forward, backward, RMSProp update, loss read back — in
 * paddle-rmsprop and in TF.js (`tf.train.rmsprop` on @tensorflow/tfjs-backend-wasm and -cpu),
 * same batch, same initial weights, same hyper-parameters (lr 2e-3, rho/decay 0.95, epsilon 1e-6,
 * no momentum), in one process. Also the optimizer update alone (gradients held fixed), to show
 * where the time goes.
 *
 * `npm run bench -- e2e` (registered as the `e2e` section), or standalone:
 * `npx tsx bench/e2e.ts [--quick]`.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
// tfjs-core alone registers no gradients (the @tensorflow/tfjs umbrella imports all of them, through
// directory imports Node's ESM loader refuses); the ones this model's backward needs:
import { addGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Add_grad.js';
import { batchMatMulGradConfig } from '@tensorflow/tfjs-core/dist/gradients/BatchMatMul_grad.js';
import { castGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Cast_grad.js';
import { divGradConfig } from '@tensorflow/tfjs-core/dist/gradients/RealDiv_grad.js';
import { expGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Exp_grad.js';
import { logGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Log_grad.js';
import { maxGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Max_grad.js';
import { multiplyGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Multiply_grad.js';
import { negGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Neg_grad.js';
import { reluGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Relu_grad.js';
import { reshapeGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Reshape_grad.js';
import { subGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Sub_grad.js';
import { sumGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Sum_grad.js';
import { pathToFileURL } from 'node:url';
import { gatherBatch, IMAGE_SIZE, loadMnist, NUM_CLASSES } from '../src/cli/mnist.js';
import { HIDDEN, MLP } from '../src/cli/model.js';
import { permutation } from '../src/cli/shuffle.js';
import * as paddle from '../src/index.js';
import { addSection, formatTable, measure, type BenchContext, type BenchTable } from './registry.js';

for (const g of [addGradConfig, batchMatMulGradConfig, castGradConfig, divGradConfig, expGradConfig, logGradConfig, maxGradConfig, multiplyGradConfig, negGradConfig, reluGradConfig, reshapeGradConfig, subGradConfig, sumGradConfig]) {
  if (tf.getGradient(g.kernelName) === undefined) tf.registerGradient(g);
}

const BATCH = 64;
const LR = 2e-3;
const RHO = 0.95;
const EPS = 1e-6;
/** Steps run from the shared initial weights before timing; their last loss is reported. */
const CHECK_STEPS = 10;

export interface Batch {
  x: Float32Array;
  y: Int32Array;
  oneHot: Float32Array;
}

export function demoBatch(): Batch {
  const { train } = loadMnist();
  const { x, y } = gatherBatch(train, permutation(train.count, 7), 0, BATCH);
  const oneHot = new Float32Array(BATCH * NUM_CLASSES);
  y.forEach((label, i) => {
    oneHot[i * NUM_CLASSES + label] = 1;
  });
  return { x, y, oneHot };
}

export interface Result {
  name: string;
  stepMs: number;
  updateMs: number;
  /** Loss of step CHECK_STEPS from the shared initial weights. */
  loss: number;
}

/** paddle-rmsprop: the demo's step (optionally with its global-norm clip). */
export function paddleRun(ctx: BenchContext, batch: Batch, budgetMs: number, clip: boolean): { result: Result; init: Float32Array[] } {
  paddle.kernels.getBackend();
  paddle.seed(1);
  const model = new MLP();
  const init = model.parameters().map((p) => Float32Array.from(p.data as Float32Array));
  const opt = new paddle.optimizer.RMSProp(LR, {
    parameters: model.parameters(),
    rho: RHO,
    epsilon: EPS,
    gradClip: clip ? new paddle.nn.ClipGradByGlobalNorm(1) : null,
  });
  let loss = 0;
  // the batch's tensors are built once, as the PyTorch and TF.js steps hold theirs (a training
  // loop building a batch per step pays that in every library: `npm run demo` times it)
  const x = paddle.Tensor.fromArray(batch.x.slice(), [BATCH, IMAGE_SIZE], 'float32');
  const y = paddle.Tensor.fromArray(batch.y.slice(), [BATCH], 'int32');
  const step = (): void => {
    const l = paddle.nn.functional.crossEntropy(model.forward(x), y);
    l.backward();
    opt.step();
    opt.clearGrad();
    loss = Number(l.item());
    ctx.consume(loss);
  };
  for (let i = 0; i < CHECK_STEPS; i++) step();
  const lossAtCheck = loss;
  const m = measure(step, { warmup: 0, budgetMs });
  // The update alone: one backward to fill the gradients, then step() over and over.
  const l = paddle.nn.functional.crossEntropy(model.forward(x), y);
  l.backward();
  const u = measure(
    () => {
      opt.step();
      ctx.consume((model.fc2.bias?.data[0] as number) ?? 0);
    },
    { warmup: 3, budgetMs: budgetMs / 2 },
  );
  opt.clearGrad();
  opt.dispose();
  model.dispose();
  const name = `paddle-rmsprop (kernels: ${paddle.kernels.backendName()})${clip ? ' + ClipGradByGlobalNorm(1), as the demo' : ''}`;
  return { result: { name, stepMs: m.medianMs, updateMs: u.medianMs, loss: lossAtCheck }, init };
}

/** TF.js: the same MLP as tf.variables, `optimizer.minimize` with tf.train.rmsprop. */
async function tfjsRun(ctx: BenchContext, backend: 'wasm' | 'cpu', batch: Batch, init: Float32Array[], budgetMs: number): Promise<Result> {
  await tf.setBackend(backend);
  await tf.ready();
  const [w1, b1, w2, b2] = [
    tf.variable(tf.tensor2d(init[0] as Float32Array, [IMAGE_SIZE, HIDDEN])),
    tf.variable(tf.tensor1d(init[1] as Float32Array)),
    tf.variable(tf.tensor2d(init[2] as Float32Array, [HIDDEN, NUM_CLASSES])),
    tf.variable(tf.tensor1d(init[3] as Float32Array)),
  ] as [tf.Variable, tf.Variable, tf.Variable, tf.Variable];
  const opt = tf.train.rmsprop(LR, RHO, 0, EPS, false);
  let loss = 0;
  // built once, as in the other libraries' steps
  const x = tf.tensor2d(batch.x, [BATCH, IMAGE_SIZE]);
  const labels = tf.tensor2d(batch.oneHot, [BATCH, NUM_CLASSES]);
  const step = (): void => {
    const value = tf.tidy(() => {
      return opt.minimize(() => {
        const logits = tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(x, w1), b1)), w2), b2);
        return tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;
      }, true) as tf.Scalar;
    });
    loss = value.dataSync()[0] as number;
    value.dispose();
    ctx.consume(loss);
  };
  for (let i = 0; i < CHECK_STEPS; i++) step();
  const lossAtCheck = loss;
  const m = measure(step, { warmup: 0, budgetMs });
  // The update alone, with fixed gradients.
  const grads = tf.tidy(() => {
    return tf.variableGrads(() => {
      const logits = tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(x, w1), b1)), w2), b2);
      return tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;
    }).grads;
  });
  const u = measure(
    () => {
      opt.applyGradients(grads);
      ctx.consume(b2.dataSync()[0] as number);
    },
    { warmup: 3, budgetMs: budgetMs / 2 },
  );
  tf.dispose(Object.values(grads));
  opt.dispose();
  tf.dispose([w1, b1, w2, b2, x, labels]);
  let label = `TF.js ${tf.version_core} tf.train.rmsprop, tfjs-backend-${backend}`;
  if (backend === 'wasm') {
    const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
    const mt = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
    label += ` (SIMD ${simd === true ? 'on' : 'off'}, threads ${mt === true ? 'on' : 'off'})`;
  }
  return { name: label, stepMs: m.medianMs, updateMs: u.medianMs, loss: lossAtCheck };
}

export async function runE2eBench(ctx: BenchContext): Promise<BenchTable> {
  const budget = ctx.quick ? 300 : 3000;
  ctx.progress('e2e: loading the digits');
  const batch = demoBatch();
  ctx.progress('e2e: paddle-rmsprop');
  const plain = paddleRun(ctx, batch, budget, false);
  const clipped = paddleRun(ctx, batch, budget, true);
  ctx.progress('e2e: TF.js wasm');
  const wasm = await tfjsRun(ctx, 'wasm', batch, plain.init, budget);
  ctx.progress('e2e: TF.js cpu');
  const cpu = await tfjsRun(ctx, 'cpu', batch, plain.init, budget);
  const rows = [plain.result, clipped.result, wasm, cpu];
  const fmt = (ms: number): string => ms.toFixed(ms < 1 ? 3 : 2);
  return {
    title: `One training step of the demo MLP (784-256-10, batch ${BATCH}): forward, backward, RMSProp, loss read back`,
    columns: ['implementation', 'ms / step', 'steps / s', 'vs TF.js wasm', 'update alone, ms', `loss at step ${CHECK_STEPS}`],
    rows: rows.map((r) => [r.name, fmt(r.stepMs), (1000 / r.stepMs).toFixed(0), `${(wasm.stepMs / r.stepMs).toFixed(2)}×`, fmt(r.updateMs), r.loss.toFixed(4)]),
    notes: [
      `"vs TF.js wasm" > 1 means faster than TF.js on its wasm backend. Same batch of 64 real digits, same initial weights, lr ${LR}, rho ${RHO}, epsilon ${EPS}, no momentum; the first ${CHECK_STEPS} steps (untimed) start from the same weights, and their last loss is shown (TF.js puts epsilon outside the square root, Paddle inside, and sums in another order, so late digits may differ); the clipped row clips as the demo does.`,
      '"update alone": the optimizer applying fixed gradients to the 203,530 parameters (paddle-rmsprop step(), TF.js applyGradients).',
    ],
  };
}

addSection('e2e', runE2eBench, 'one training step of the demo MLP vs TF.js');

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  let checksum = 0;
  const table = await runE2eBench({
    quick: process.argv.includes('--quick'),
    progress: (line) => process.stderr.write(`  … ${line}\n`),
    consume: (v) => {
      if (Number.isFinite(v)) checksum += v;
    },
  });
  console.log(formatTable(table));
  console.log(`\nchecksum ${checksum.toPrecision(8)}`);
}

/**
 * One phase of the exact-resume test, run in its own process by resume.test.ts:
 *   full   — n + m steps uninterrupted
 *   first  — n steps, then paddle.save of model and optimizer
 *   second — a fresh process builds the model with *different* parameter names (a decoy layer is
 *            created first), loads both files (optimizer state matched by structured names), and
 *            runs the remaining m steps
 * Each phase writes result-<phase>.json: every parameter and accumulator, as base64 bytes, keyed
 * by structured name.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as paddle from '../../src/index.js';

const N = 3;
const M = 4;
const [phase, dir] = process.argv.slice(2) as [string, string];

class Model extends paddle.nn.Layer {
  emb: paddle.nn.Embedding;
  fc: paddle.nn.Linear;
  constructor() {
    super();
    this.emb = this.addSublayer('emb', new paddle.nn.Embedding(12, 4, { sparse: true }));
    this.fc = this.addSublayer(
      'fc',
      new paddle.nn.Linear(4, 3, { weightAttr: new paddle.ParamAttr({ regularizer: new paddle.regularizer.L2Decay(0.01) }) }),
    );
  }
  override forward(ids: paddle.Tensor): paddle.Tensor {
    return this.fc.forward(this.emb.forward(ids));
  }
}

function build(): { model: Model; opt: paddle.optimizer.RMSProp; scheduler: paddle.optimizer.lr.StepDecay } {
  paddle.seed(7);
  const model = new Model();
  const scheduler = new paddle.optimizer.lr.StepDecay(0.05, 2, { gamma: 0.5 });
  const opt = new paddle.optimizer.RMSProp(scheduler, {
    parameters: model.parameters(),
    momentum: 0.9,
    centered: true,
    gradClip: new paddle.nn.ClipGradByGlobalNorm(1.0),
  });
  return { model, opt, scheduler };
}

function trainStep(k: number, model: Model, opt: paddle.optimizer.RMSProp, scheduler: paddle.optimizer.lr.StepDecay): void {
  const ids = paddle.toTensor([k % 12, (3 * k + 1) % 12, (5 * k + 2) % 12, k % 12], { dtype: 'int64' });
  const target = paddle.toTensor(
    Array.from({ length: 12 }, (_, i) => Math.sin(k + i)),
    { dtype: 'float32' },
  ).reshape([4, 3]);
  const loss = paddle.mean(paddle.square(paddle.subtract(model.forward(ids), target)));
  loss.backward();
  opt.step();
  opt.clearGrad();
  scheduler.step();
}

function b64(t: paddle.Tensor): string {
  const a = t.numpy();
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

function dump(model: Model, opt: paddle.optimizer.RMSProp, file: string): void {
  const sd = opt.stateDict();
  const out: Record<string, string | number> = {};
  for (const [key, p] of model.namedParameters()) {
    out[key] = b64(p);
    for (const kind of ['momentum', 'mean_square', 'mean_grad']) {
      const name = Object.keys(sd).find((k) => k.startsWith(`${p.name}_${kind}_`));
      if (name === undefined) throw new Error(`no ${kind} for ${p.name}`);
      out[`${key}/${kind}`] = b64(sd[name] as paddle.Tensor);
    }
  }
  out['last_epoch'] = (sd.LR_Scheduler as { last_epoch: number }).last_epoch;
  writeFileSync(join(dir, file), JSON.stringify(out, null, 1));
}

if (phase === 'full') {
  const { model, opt, scheduler } = build();
  for (let k = 0; k < N + M; k++) trainStep(k, model, opt, scheduler);
  dump(model, opt, 'result-full.json');
} else if (phase === 'first') {
  const { model, opt, scheduler } = build();
  for (let k = 0; k < N; k++) trainStep(k, model, opt, scheduler);
  await paddle.save(model.stateDict(), join(dir, 'model.pdparams'));
  await paddle.save(opt.stateDict(), join(dir, 'model.pdopt'));
} else if (phase === 'second') {
  // Different creation order: this decoy takes linear_0 / embedding_0, so the real model's
  // parameters are named linear_1.w_0, … and the saved accumulator names no longer line up.
  new paddle.nn.Linear(2, 2);
  new paddle.nn.Embedding(3, 2);
  const { model, opt, scheduler } = build();
  const saved = (await paddle.load(join(dir, 'model.pdparams'), { keepNameTable: true })) as Record<string, unknown>;
  const nameTable = saved['StructuredToParameterName@@'] as Record<string, string>;
  delete saved['StructuredToParameterName@@'];
  model.setStateDict(saved as paddle.nn.StateDict);
  const optState = (await paddle.load(join(dir, 'model.pdopt'))) as paddle.optimizer.OptimizerStateDict;
  opt.setStateDict(optState, { nameTable, layer: model });
  for (let k = N; k < N + M; k++) trainStep(k, model, opt, scheduler);
  dump(model, opt, 'result-second.json');
} else {
  throw new Error(`unknown phase ${phase}`);
}

/**
 * `paddle-rmsprop train`: trains the 784-256-10 MLP (or, with `--model cnn`, the small CNN of
 * src/cli/model.ts) on the `mnist` package's digits with
 * RMSProp, a learning-rate schedule and global-norm clipping; checkpoints and charts after every
 * epoch; `--resume` continues from the checkpoint in `--out`.
 *
 * `runTrain(argv, io)` is the whole command, in-process (tests call it directly); it resolves
 * with the exit status: 0 done, 2 bad input or `--out` in use, 130 interrupted (io.signal
 * aborted), 1 failure (a failed save among them).
 *
 * The run holds the lock on `--out` (lock.ts) from before it reads the checkpoint until it ends;
 * taking it, it sweeps what interrupted saves left there (checkpoint.ts).
 */
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as paddle from '../index.js';
import { flagName, parseTrainArgs, TRAIN_HELP, UsageError, type TrainArgs, type TrainConfig } from './args.js';
import { renderChart } from './chart.js';
import { FILES, readCheckpoint, SaveError, sweep, writeCheckpoint, type Checkpoint, type SaveHooks } from './checkpoint.js';
import type { EpochRecord, History } from './history.js';
import { acquireLock, pidAlive, type Lock } from './lock.js';
import { gatherBatch, IMAGE_SIZE, loadMnist, NUM_CLASSES, type Digits } from './mnist.js';
import { createModel, MODEL_NAMES, type CNN, type MLP } from './model.js';
import { formatDuration, formatInt, formatSeconds, percent, plural, Progress, type TextOutput } from './progress.js';
import { epochOrder, trainingSubset } from './shuffle.js';

export interface TrainIO {
  stdout: TextOutput;
  stderr: { write(chunk: string): unknown };
  /** Aborting it (Ctrl-C) stops training at the next step; the last checkpoint stays. */
  signal?: AbortSignal;
  /** Milliseconds (default `performance.now`). */
  now?: () => number;
  /** Test seams of the checkpoint saves (an ENOSPC writer, a step callback). */
  save?: SaveHooks;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERRUPTED = 130;

/** StepDecay of the `step` schedule: halve every 3 epochs. */
const STEP_SIZE = 3;
const STEP_GAMMA = 0.5;
/**
 * Test digits per forward pass: the CNN's patch matrices grow with the batch (1,000 digits would
 * need 160 MB of them, which the kernel heap's product scratch would then keep).
 */
const EVAL_BATCH: Readonly<Record<TrainConfig['model'], number>> = { mlp: 1000, cnn: 200 };

/** Settings that a resumed run may change (everything else must match the checkpoint). */
const RESUMABLE_CHANGES: ReadonlySet<keyof TrainConfig> = new Set(['epochs']);

/**
 * The schedule, and whether it advances per optimizer step (else per epoch). `planEpochs` is the
 * number of epochs the schedule's shape was planned for: the first run's --epochs, kept when a
 * resumed run changes --epochs (cosine's T_max, onecycle's total steps).
 */
function makeScheduler(c: TrainConfig, stepsPerEpoch: number, planEpochs: number): { scheduler: paddle.optimizer.lr.LRScheduler | null; perStep: boolean } {
  switch (c.scheduler) {
    case 'none':
      return { scheduler: null, perStep: false };
    case 'step':
      return { scheduler: new paddle.optimizer.lr.StepDecay(c.lr, STEP_SIZE, { gamma: STEP_GAMMA }), perStep: false };
    case 'cosine':
      return { scheduler: new paddle.optimizer.lr.CosineAnnealingDecay(c.lr, planEpochs), perStep: false };
    case 'onecycle':
      return { scheduler: new paddle.optimizer.lr.OneCycleLR(c.lr, planEpochs * stepsPerEpoch), perStep: true };
  }
}

/**
 * The settings of a resumed run: the checkpoint's, with the explicit flags checked against them.
 * --epochs may change; the schedule keeps its plan (`planEpochs`), so the epochs already trained
 * stay what they were: cosine continues CosineAnnealingDecay's formula past T_max (as Paddle's
 * does), step and none need no plan, and onecycle, which cannot step past its total steps, cannot
 * be extended.
 */
function resumeConfig(args: TrainArgs, saved: TrainConfig, planEpochs: number, dir: string): TrainConfig {
  for (const key of args.explicit) {
    if (RESUMABLE_CHANGES.has(key)) continue;
    if (args.config[key] !== saved[key]) {
      throw new UsageError(
        `--resume: ${flagName(key)} ${String(args.config[key])} differs from the checkpoint's ${String(saved[key])} in ${dir}; a resumed run keeps its settings (only --epochs may change)`,
      );
    }
  }
  const config: TrainConfig = { ...saved, epochs: args.explicit.has('epochs') ? args.config.epochs : saved.epochs };
  if (config.scheduler === 'onecycle' && config.epochs > planEpochs) {
    throw new UsageError(
      `--resume: the onecycle schedule of the checkpoint in ${dir} ends after ${plural(planEpochs, 'epoch')} and cannot be extended; resume with --epochs ${planEpochs} or less, or start a new run`,
    );
  }
  return config;
}

function describeRun(c: TrainConfig, planEpochs: number): string {
  const parts = [`RMSProp lr ${c.lr}`, `rho ${c.rho}`];
  if (c.momentum !== 0) parts.push(`momentum ${c.momentum}`);
  if (c.centered) parts.push('centered');
  if (c.weightDecay !== 0) parts.push(`weight decay ${c.weightDecay}`);
  const planned = (c.scheduler === 'cosine' || c.scheduler === 'onecycle') && planEpochs !== c.epochs ? ` planned for ${planEpochs} epochs` : '';
  parts.push(c.scheduler === 'none' ? 'constant lr' : `${c.scheduler} schedule${planned}`);
  parts.push(c.clipNorm > 0 ? `clip-norm ${c.clipNorm}` : 'no clipping');
  parts.push(`batch ${c.batchSize}`, `seed ${c.seed}`);
  return parts.join(', ');
}

/** Index of the largest of `NUM_CLASSES` logits in row `r`. */
function argmaxRow(logits: ArrayLike<number>, r: number): number {
  let best = 0;
  let bestValue = -Infinity;
  for (let c = 0; c < NUM_CLASSES; c++) {
    const v = logits[r * NUM_CLASSES + c] as number;
    if (v > bestValue) {
      bestValue = v;
      best = c;
    }
  }
  return best;
}

function countCorrect(logits: ArrayLike<number>, labels: Int32Array): number {
  let correct = 0;
  for (let r = 0; r < labels.length; r++) if (argmaxRow(logits, r) === labels[r]) correct++;
  return correct;
}

function batchTensors(set: Digits, order: ArrayLike<number>, start: number, n: number): { x: paddle.Tensor; y: paddle.Tensor; labels: Int32Array } {
  const { x, y } = gatherBatch(set, order, start, n);
  return { x: paddle.Tensor.fromArray(x, [n, IMAGE_SIZE], 'float32'), y: paddle.Tensor.fromArray(y, [n], 'int32'), labels: y };
}

/** Mean loss and accuracy on `set`, without gradients. */
function evaluate(model: MLP | CNN, kind: TrainConfig['model'], set: Digits): { loss: number; acc: number } {
  const batch = EVAL_BATCH[kind];
  const order = Uint32Array.from({ length: set.count }, (_, i) => i);
  let lossSum = 0;
  let correct = 0;
  paddle.noGrad(() => {
    for (let start = 0; start < set.count; start += batch) {
      const n = Math.min(batch, set.count - start);
      const { x, y, labels } = batchTensors(set, order, start, n);
      const logits = model.forward(x);
      lossSum += Number(paddle.nn.functional.crossEntropy(logits, y, { reduction: 'sum' }).item());
      correct += countCorrect(logits.data, labels);
    }
  });
  return { loss: lossSum / set.count, acc: correct / set.count };
}

/** Creates `--out` up front, so an unusable directory is reported before any training. */
function prepareOutDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (e) {
    throw new UsageError(`--out ${dir}: cannot write there (${(e as { code?: string }).code ?? (e as Error).message})`);
  }
}

/** Lets pending events (a SIGINT, a redraw) run between steps. */
function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A checkpoint's two files, decoded and checked by `paddle.loadBytes`'s typed overloads. */
interface DecodedCheckpoint {
  params: paddle.io.LoadedStateDict;
  opt: paddle.io.LoadedOptimizerStateDict;
}

function decodeCheckpoint(ckpt: Checkpoint, dir: string): DecodedCheckpoint {
  // A file that does not parse is not a checkpoint file; one that parses to anything but the
  // state dict it should hold is refused by the `as` check (a ValueError naming the first bad key).
  const unusable = (name: string, e: unknown): UsageError => {
    const unreadable = e instanceof paddle.io.UnpicklingError || e instanceof paddle.io.SafetensorsError;
    const what = unreadable ? 'is not a Paddle checkpoint file' : 'does not hold a state dict';
    return new UsageError(`--resume: cannot use the checkpoint in ${dir}: ${name} ${what} (${(e as Error).message})`);
  };
  let params: paddle.io.LoadedStateDict;
  let opt: paddle.io.LoadedOptimizerStateDict;
  try {
    params = paddle.loadBytes(ckpt.params, { as: 'stateDict' });
  } catch (e) {
    throw unusable(FILES.params, e);
  }
  try {
    opt = paddle.loadBytes(ckpt.opt, { as: 'optimizerStateDict' });
  } catch (e) {
    throw unusable(FILES.opt, e);
  }
  return { params, opt };
}

/**
 * Restores model and optimizer; checks up front that the optimizer state has, for every
 * parameter, its momentum / mean_square / mean_grad of the parameter's shape (RMSProp binds them
 * only at the first step, where a mismatch would surface mid-run).
 */
function restore(model: MLP | CNN, kind: TrainConfig['model'], opt: paddle.optimizer.RMSProp, state: DecodedCheckpoint, dir: string): void {
  const fail = (why: string): UsageError => new UsageError(`--resume: cannot use the checkpoint in ${dir}: ${why}`);
  try {
    model.setStateDict(state.params, { strict: true });
  } catch (e) {
    throw fail(`${FILES.params} does not fit the ${MODEL_NAMES[kind].noun} (${(e as Error).message})`);
  }
  // expectedStateKeys() lists, kind by kind, one name per parameter in parameter order.
  const params = opt.parameterList;
  const kinds = ['momentum', 'mean_square', 'mean_grad'];
  opt.expectedStateKeys().forEach((key, i) => {
    const p = params[i % params.length] as paddle.Tensor;
    const kind = kinds[Math.floor(i / params.length)] as string;
    const v = state.opt[key];
    if (!(v instanceof paddle.Tensor) || v.shape.join() !== p.shape.join() || v.dtype !== p.dtype) {
      throw fail(`${FILES.opt} holds no ${kind} (${key}) of shape [${p.shape.join(', ')}] for ${p.name}`);
    }
  });
  try {
    opt.setStateDict(state.opt);
  } catch (e) {
    throw fail(`${FILES.opt} does not fit this optimizer (${(e as Error).message})`);
  }
}

interface Run {
  config: TrainConfig;
  /** Epochs the schedule was planned for (see makeScheduler). */
  planEpochs: number;
  out: string;
  model: MLP | CNN;
  opt: paddle.optimizer.RMSProp;
  scheduler: paddle.optimizer.lr.LRScheduler | null;
  perStep: boolean;
  history: History;
  epoch: number;
  step: number;
}

/**
 * Builds the model and optimizer as a fresh process would name them (see `guard`); also the
 * playground's (playground/src/mnist-ui.ts), so the page trains exactly the demo's setup.
 * @param config - The run's settings.
 * @param stepsPerEpoch - Optimizer steps per epoch (for per-step schedules).
 * @param planEpochs - The epochs the schedule is planned for (see `makeScheduler`).
 * @returns The model, the optimizer, its scheduler (or null) and whether the scheduler steps per batch.
 */
export function buildTraining(config: TrainConfig, stepsPerEpoch: number, planEpochs: number): Pick<Run, 'model' | 'opt' | 'scheduler' | 'perStep'> {
  // Parameter and accumulator names come from process-wide counters; a fresh counter scope makes
  // them `linear_0.w_0`, `linear_0.w_0_momentum_0`, ... in every run, so a checkpoint loads into
  // any later run, in this process or another.
  return paddle.utils.uniqueName.guard(() => {
    paddle.seed(config.seed);
    const model = createModel(config.model);
    const { scheduler, perStep } = makeScheduler(config, stepsPerEpoch, planEpochs);
    const opt = new paddle.optimizer.RMSProp(scheduler ?? config.lr, {
      parameters: model.parameters(),
      rho: config.rho,
      momentum: config.momentum,
      centered: config.centered,
      weightDecay: config.weightDecay > 0 ? config.weightDecay : null,
      gradClip: config.clipNorm > 0 ? new paddle.nn.ClipGradByGlobalNorm(config.clipNorm) : null,
    });
    return { model, opt, scheduler, perStep };
  });
}

function chartOf(run: Run): string {
  const last = run.history.epochs[run.history.epochs.length - 1];
  const c = run.config;
  const sub = [`RMSProp lr ${c.lr} (${c.scheduler === 'none' ? 'constant' : c.scheduler})`, c.clipNorm > 0 ? `clip-norm ${c.clipNorm}` : 'no clipping', `batch ${c.batchSize}`];
  if (c.momentum !== 0) sub.push(`momentum ${c.momentum}`);
  if (c.centered) sub.push('centered');
  if (last !== undefined) sub.push(`test accuracy ${percent(last.testAcc)} after ${plural(last.epoch, 'epoch')}`);
  const seconds = run.history.epochs.reduce((a, e) => a + e.seconds, 0);
  if (last !== undefined) sub.push(`${formatSeconds(seconds)} of training`);
  return renderChart(run.history, { title: `paddle-rmsprop: ${MODEL_NAMES[c.model].title} on MNIST digits`, subtitle: sub.join(' · ') });
}

function saveRun(run: Run, lock: Lock, hooks: SaveHooks | undefined): void {
  const beforeCommit = (): void => {
    lock.check(); // never commit into a directory another trainer has taken over
    hooks?.beforeCommit?.();
  };
  writeCheckpoint(
    run.out,
    {
      epoch: run.epoch,
      step: run.step,
      config: run.config,
      planEpochs: run.planEpochs,
      history: run.history,
      params: paddle.saveBytes(run.model.stateDict()),
      opt: paddle.saveBytes(run.opt.stateDict()),
      chart: chartOf(run),
    },
    { ...hooks, beforeCommit },
  );
}

async function train(args: TrainArgs, io: TrainIO): Promise<number> {
  // A missing directory has no checkpoint to resume (and is not created for nothing).
  if (args.resume && !existsSync(args.out)) readCheckpoint(args.out);
  prepareOutDir(args.out);
  const lock = acquireLock(args.out);
  try {
    return await trainLocked(args, io, lock);
  } finally {
    lock.release();
  }
}

async function trainLocked(args: TrainArgs, io: TrainIO, lock: Lock): Promise<number> {
  const now = io.now ?? (() => performance.now());
  const t0 = now();
  const progress = new Progress(io.stdout, now);
  if (lock.tookOver !== null) {
    progress.line(`took over the lock on ${args.out} from pid ${lock.tookOver.pid} (started ${lock.tookOver.started}), which no longer runs`);
  }
  const swept = sweep(args.out, pidAlive);
  if (swept.length > 0) {
    progress.line(`removed ${swept.length} leftover${swept.length === 1 ? '' : 's'} of an interrupted save from ${args.out}: ${swept.join(', ')}`);
  }
  const ckpt = args.resume ? readCheckpoint(args.out) : null;
  const replacing = ckpt === null && existsSync(join(args.out, FILES.meta));
  // Checkpoints of earlier versions have no planEpochs: they could not change a planned schedule's epochs.
  const planEpochs = ckpt !== null ? (ckpt.meta.planEpochs ?? ckpt.meta.config.epochs) : args.config.epochs;
  const config = ckpt !== null ? resumeConfig(args, ckpt.meta.config, planEpochs, args.out) : args.config;
  const saved = ckpt !== null ? decodeCheckpoint(ckpt, args.out) : null;

  const data = loadMnist();
  const rows = trainingSubset(data.train.count, config.limit, config.seed);
  const stepsPerEpoch = Math.ceil(rows.length / config.batchSize);
  if (ckpt !== null && ckpt.meta.history.stepsPerEpoch !== stepsPerEpoch) {
    throw new UsageError(`--resume: the checkpoint in ${args.out} has ${ckpt.meta.history.stepsPerEpoch} steps per epoch, this run ${stepsPerEpoch}`);
  }
  paddle.kernels.getBackend(); // before the parameters exist, so they live in the kernel heap
  const run: Run = {
    config,
    planEpochs,
    out: args.out,
    ...buildTraining(config, stepsPerEpoch, planEpochs),
    history: ckpt !== null ? ckpt.meta.history : { epochs: [], stepLoss: [], stepsPerEpoch },
    epoch: ckpt?.meta.epoch ?? 0,
    step: ckpt?.meta.step ?? 0,
  };
  // The model and optimizer own kernel-heap blocks: give them back however the run ends (the
  // CLI also runs in-process, e.g. under tests).
  try {
    if (saved !== null) restore(run.model, config.model, run.opt, saved, args.out);

    const nParams = run.model.parameters().reduce((a, p) => a + p.numel, 0);
    progress.line(
      `MNIST digits from the mnist package: ${formatInt(rows.length)} train / ${formatInt(data.test.count)} test · ${MODEL_NAMES[config.model].title} (${formatInt(nParams)} parameters) · kernels: ${paddle.kernels.backendName()}`,
    );
    progress.line(`${describeRun(config, planEpochs)} · ${plural(config.epochs, 'epoch')} × ${plural(stepsPerEpoch, 'step')}`);
    if (ckpt !== null) progress.line(`resuming from ${args.out} at epoch ${run.epoch}, step ${run.step}`);
    if (replacing) progress.line(`starting afresh: the checkpoint in ${args.out} will be replaced after epoch 1 (--resume continues it instead)`);
    if (run.epoch >= config.epochs) {
      progress.line(`nothing to do: the checkpoint in ${args.out} already has ${run.epoch} of ${plural(config.epochs, 'epoch')}`);
      return EXIT_OK;
    }

    const interrupted = (): boolean => io.signal?.aborted === true;
    let trainSeconds = 0;
    for (; run.epoch < config.epochs; ) {
      const order = epochOrder(rows, config.seed, run.epoch);
      progress.startEpoch(run.epoch + 1, config.epochs, rows.length);
      const te = now();
      let lossSum = 0;
      let correct = 0;
      let seen = 0;
      let lr = 0;
      for (let start = 0; start < rows.length; start += config.batchSize) {
        await tick();
        if (interrupted()) {
          progress.line(
            run.epoch > 0
              ? `interrupted in epoch ${run.epoch + 1}; the checkpoint of epoch ${run.epoch} in ${args.out} is intact (continue with --resume)`
              : `interrupted in epoch 1; no checkpoint was written yet`,
          );
          return EXIT_INTERRUPTED;
        }
        const n = Math.min(config.batchSize, rows.length - start);
        const { x, y, labels } = batchTensors(data.train, order, start, n);
        lr = run.opt.getLr();
        // The first step creates RMSProp's accumulators, named (like the parameters in build())
        // in a fresh counter scope: `linear_0.w_0_momentum_0`, ... whatever ran before.
        const loss = paddle.utils.uniqueName.guard(() => {
          const logits = run.model.forward(x);
          const l = paddle.nn.functional.crossEntropy(logits, y);
          l.backward();
          run.opt.step();
          run.opt.clearGrad();
          correct += countCorrect(logits.data, labels);
          return Number(l.item());
        });
        if (run.perStep) run.scheduler?.step();
        run.step++;
        run.history.stepLoss.push(loss);
        lossSum += loss * n;
        seen += n;
        progress.update(seen, lossSum / seen, correct / seen);
      }
      const seconds = (now() - te) / 1000;
      trainSeconds += seconds;
      if (!run.perStep) run.scheduler?.step();
      const test = evaluate(run.model, config.model, data.test);
      const record: EpochRecord = {
        epoch: run.epoch + 1,
        trainLoss: lossSum / seen,
        trainAcc: correct / seen,
        testLoss: test.loss,
        testAcc: test.acc,
        lr,
        seconds,
      };
      run.history.epochs.push(record);
      run.epoch++;
      saveRun(run, lock, io.save);
      progress.endEpoch(record, seen / seconds);
    }

    const total = (now() - t0) / 1000;
    const last = run.history.epochs[run.history.epochs.length - 1] as EpochRecord;
    const correctTest = Math.round(last.testAcc * data.test.count);
    progress.line(
      `done: test accuracy ${percent(last.testAcc)} (${formatInt(correctTest)}/${formatInt(data.test.count)}) after ${plural(run.epoch, 'epoch')}, ${plural(run.step, 'step')} · ${total < 60 ? formatSeconds(total) : formatDuration(total)} total (${formatSeconds(trainSeconds)} of it training)`,
    );
    progress.line(`wrote ${[FILES.params, FILES.opt, FILES.meta, FILES.chart].map((f) => join(args.out, f)).join(', ')}`);
    return EXIT_OK;
  } finally {
    run.opt.dispose();
    run.model.dispose();
  }
}

/** The `train` command. Never throws: bad input is one line on stderr and status 2. */
export async function runTrain(argv: readonly string[], io: TrainIO): Promise<number> {
  try {
    const args = parseTrainArgs(argv);
    if (args === null) {
      io.stdout.write(TRAIN_HELP);
      return EXIT_OK;
    }
    return await train(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`paddle-rmsprop: ${e.message}\n`);
      return EXIT_USAGE;
    }
    if (e instanceof SaveError) {
      io.stderr.write(`paddle-rmsprop: ${e.message}${e.code !== undefined ? ` (${e.code})` : ''}\n`);
      return EXIT_FAILURE;
    }
    const err = e as { name?: string; message?: string; code?: string };
    io.stderr.write(`paddle-rmsprop: training failed: ${err.name ?? 'Error'}: ${err.message ?? String(e)}${err.code !== undefined ? ` (${err.code})` : ''}\n`);
    return EXIT_FAILURE;
  }
}


/**
 * The trainer's checkpoint in `--out`:
 *
 * - `model.pdparams`: the MLP's state dict, `model.pdopt`: RMSProp's (accumulators and
 *   `LR_Scheduler`), both Paddle pickles written by the library's `paddle.save` encoder;
 * - `checkpoint.json`: epoch, step, the run's settings, its history, and the SHA-256 of both
 *   files, so a set whose files do not belong together is refused on `--resume`;
 * - `curves.svg`: the chart.
 *
 * Every file is first written in full to a temporary name in the same directory, and only then
 * are all of them renamed over the old ones, `checkpoint.json` last. An interrupted run
 * therefore leaves the previous complete checkpoint (or at worst, if killed between two renames,
 * a set that `--resume` recognises as mismatched, never a half-written file).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONFIG, SCHEDULERS, UsageError, type TrainConfig } from './args.js';
import type { EpochRecord, History } from './history.js';

export const FILES = {
  params: 'model.pdparams',
  opt: 'model.pdopt',
  meta: 'checkpoint.json',
  chart: 'curves.svg',
} as const;

export const FORMAT = 'paddle-rmsprop-train-checkpoint/1';

export interface FileDigest {
  sha256: string;
  bytes: number;
}

export interface CheckpointMeta {
  format: typeof FORMAT;
  /** Completed epochs. */
  epoch: number;
  /** Completed optimizer steps. */
  step: number;
  config: TrainConfig;
  history: History;
  files: { [FILES.params]: FileDigest; [FILES.opt]: FileDigest };
  savedAt: string;
}

export interface Checkpoint {
  meta: CheckpointMeta;
  params: Uint8Array;
  opt: Uint8Array;
}

export function digest(bytes: Uint8Array): FileDigest {
  return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
}

/** Writes every file to a temporary name, then renames them into place in the given order. */
export function writeFilesAtomically(dir: string, files: readonly (readonly [name: string, data: Uint8Array | string])[]): void {
  mkdirSync(dir, { recursive: true });
  const tag = `.tmp-${process.pid}`;
  const written: string[] = [];
  try {
    for (const [name, data] of files) {
      const tmp = join(dir, name + tag);
      writeFileSync(tmp, data);
      written.push(tmp);
    }
  } catch (e) {
    for (const tmp of written) rmSync(tmp, { force: true });
    throw e;
  }
  for (const [name] of files) renameSync(join(dir, name + tag), join(dir, name));
}

export function writeCheckpoint(
  dir: string,
  state: { epoch: number; step: number; config: TrainConfig; history: History; params: Uint8Array; opt: Uint8Array; chart: string },
): void {
  const meta: CheckpointMeta = {
    format: FORMAT,
    epoch: state.epoch,
    step: state.step,
    config: state.config,
    history: state.history,
    files: { [FILES.params]: digest(state.params), [FILES.opt]: digest(state.opt) },
    savedAt: new Date().toISOString(),
  };
  writeFilesAtomically(dir, [
    [FILES.params, state.params],
    [FILES.opt, state.opt],
    [FILES.chart, state.chart],
    [FILES.meta, `${JSON.stringify(meta, null, 1)}\n`],
  ]);
}

function bad(dir: string, why: string): UsageError {
  return new UsageError(`--resume: cannot use the checkpoint in ${dir}: ${why}`);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isNum = (v: unknown): v is number => typeof v === 'number';

/** The stored settings, checked key by key against the types of TrainConfig. */
function checkConfig(v: unknown): string | null {
  if (!isObject(v)) return 'config is missing';
  for (const key of Object.keys(DEFAULT_CONFIG) as (keyof TrainConfig)[]) {
    const x = v[key];
    const ok =
      key === 'centered'
        ? typeof x === 'boolean'
        : key === 'scheduler'
          ? typeof x === 'string' && (SCHEDULERS as readonly string[]).includes(x)
          : key === 'limit'
            ? x === null || (isCount(x) && x > 0)
            : key === 'epochs' || key === 'batchSize'
              ? isCount(x) && x > 0
              : key === 'seed'
                ? isCount(x)
                : isNum(x) && Number.isFinite(x);
    if (!ok) return `config.${key} is ${JSON.stringify(x)}`;
  }
  return null;
}

function checkHistory(v: unknown, epoch: number, step: number): string | null {
  if (!isObject(v)) return 'history is missing';
  const { epochs, stepLoss, stepsPerEpoch } = v;
  if (!Array.isArray(epochs) || epochs.length !== epoch) return `history has ${Array.isArray(epochs) ? epochs.length : 'no'} epochs, expected ${epoch}`;
  const fields: (keyof EpochRecord)[] = ['epoch', 'trainLoss', 'trainAcc', 'testLoss', 'testAcc', 'lr', 'seconds'];
  for (const [i, e] of epochs.entries()) {
    if (!isObject(e) || e['epoch'] !== i + 1 || !fields.every((f) => isNum(e[f]))) return `history.epochs[${i}] is malformed`;
  }
  if (!Array.isArray(stepLoss) || stepLoss.length !== step || !stepLoss.every(isNum)) return 'history.stepLoss does not match the step count';
  if (!isCount(stepsPerEpoch) || stepsPerEpoch === 0) return 'history.stepsPerEpoch is malformed';
  return null;
}

/** Reads and checks the checkpoint in `dir`; every problem is a UsageError naming it. */
export function readCheckpoint(dir: string): Checkpoint {
  const metaPath = join(dir, FILES.meta);
  let text: string;
  try {
    text = readFileSync(metaPath, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT') throw bad(dir, `${FILES.meta} not found (train without --resume first)`);
    throw bad(dir, `${FILES.meta} is unreadable (${code ?? (e as Error).message})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw bad(dir, `${FILES.meta} is not valid JSON`);
  }
  if (!isObject(parsed) || parsed['format'] !== FORMAT) throw bad(dir, `${FILES.meta} is not a paddle-rmsprop training checkpoint`);
  const { epoch, step } = parsed;
  if (!isCount(epoch) || !isCount(step)) throw bad(dir, `${FILES.meta} has no valid epoch/step`);
  const problem = checkConfig(parsed['config']) ?? checkHistory(parsed['history'], epoch, step);
  if (problem !== null) throw bad(dir, `${FILES.meta}: ${problem}`);
  const files = parsed['files'];
  const blobs: Uint8Array[] = [];
  for (const name of [FILES.params, FILES.opt]) {
    const want = isObject(files) ? files[name] : undefined;
    if (!isObject(want) || typeof want['sha256'] !== 'string') throw bad(dir, `${FILES.meta} lists no digest for ${name}`);
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(join(dir, name));
    } catch (e) {
      throw bad(dir, `${name} is unreadable (${(e as { code?: string }).code ?? (e as Error).message})`);
    }
    if (digest(bytes).sha256 !== want['sha256']) {
      throw bad(dir, `${name} does not match ${FILES.meta} (changed, or from another save)`);
    }
    blobs.push(bytes);
  }
  return { meta: parsed as unknown as CheckpointMeta, params: blobs[0] as Uint8Array, opt: blobs[1] as Uint8Array };
}

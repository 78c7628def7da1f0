/**
 * The trainer's checkpoint in `--out`. A checkpoint is a *set* of four files:
 *
 * - `model.pdparams`: the MLP's state dict, `model.pdopt`: RMSProp's (accumulators and
 *   `LR_Scheduler`), both Paddle pickles written by the library's `paddle.save` encoder;
 * - `checkpoint.json`: epoch, step, the run's settings, its history, and the SHA-256 of both
 *   files, so a set whose files do not belong together is refused on `--resume`;
 * - `curves.svg`: the chart.
 *
 * On disk (`out/` = `--out`):
 *
 *     out/sets/epoch-0003/{model.pdparams,model.pdopt,checkpoint.json,curves.svg}   one complete set
 *     out/current -> sets/epoch-0003                                                the commit pointer
 *     out/model.pdparams -> current/model.pdparams   (and the other three alike)   what users read
 *     out/.lock                                                                    the trainer's lock (lock.ts)
 *
 * A save writes the four files (each fsynced) into `out/sets/.epoch-000N.tmp-<pid>/`, renames
 * that directory to `out/sets/epoch-000N`, then points a new symlink `out/.current.tmp-<pid>`
 * at it and renames it over `out/current`: that one rename(2) is the commit. Only then are the
 * older sets removed. A process killed at any instant therefore leaves `current` naming either
 * the previous complete set or the new one, never a mix, and since the four visible names are
 * fixed symlinks through `current`, they switch together too. Whatever a killed save left
 * behind (temporary directories and links, a complete set that was never committed) is removed
 * by `sweep` when the next trainer takes the lock; a save that fails (ENOSPC, ...) removes its
 * own partial files before reporting.
 *
 * A directory written by an earlier version (the four files as plain files, no `current`) is
 * still read by `--resume`; its files are replaced by the links at the first save.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONFIG, MODELS, SCHEDULERS, UsageError, type TrainConfig } from './args.js';
import type { EpochRecord, History } from './history.js';

export const FILES = {
  params: 'model.pdparams',
  opt: 'model.pdopt',
  meta: 'checkpoint.json',
  chart: 'curves.svg',
} as const;

/** Names inside `--out` besides the four files. */
export const LAYOUT = {
  /** Directory of the sets, one subdirectory per saved epoch. */
  sets: 'sets',
  /** Symlink to the committed set, relative (`sets/epoch-0003`). */
  current: 'current',
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
  /**
   * Epochs the learning-rate schedule was planned for: the first run's --epochs, kept when a
   * resumed run changes --epochs (cosine's T_max, onecycle's total steps / steps per epoch).
   * Absent in checkpoints of earlier versions, where it is `config.epochs`.
   */
  planEpochs?: number;
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

/** Steps of a save, in order, as reported to `SaveHooks.onStep` (tests kill the process there). */
export const SAVE_STEPS = [
  'begin',
  `wrote ${FILES.params}`,
  `wrote ${FILES.opt}`,
  `wrote ${FILES.chart}`,
  `wrote ${FILES.meta}`,
  'set renamed',
  'pointer made',
  'committed',
  'linked',
  'pruned',
] as const;
export type SaveStep = (typeof SAVE_STEPS)[number];

/** Test seams of a save: the file writer (to inject ENOSPC) and a callback at every step. */
export interface SaveHooks {
  /** Writes one whole new file (default: create exclusively, write, fsync, close). */
  writeFile?: (path: string, data: Uint8Array | string) => void;
  onStep?: (step: SaveStep) => void;
  /** Called just before the commit; throwing aborts the save (the lock check). */
  beforeCommit?: () => void;
}

/** A save that failed before its commit; its partial files are already removed. */
export class SaveError extends Error {
  override name = 'SaveError';
  readonly code: string | undefined;
  constructor(message: string, code: string | undefined) {
    super(message);
    this.code = code;
  }
}

const errCode = (e: unknown): string | undefined => (typeof e === 'object' && e !== null ? (e as { code?: string }).code : undefined);

function defaultWriteFile(path: string, data: Uint8Array | string): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const fd = openSync(path, 'wx');
  try {
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a directory's entries (a rename in it) durable; not every platform can, hence best effort. */
function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    /* e.g. Windows: directories cannot be opened */
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (e) {
    if (errCode(e) === 'ENOENT' || errCode(e) === 'ENOTDIR') return null;
    throw e;
  }
}

/** The target of `out/current` (`sets/epoch-0003`), or null when there is none (no save yet, or the old layout). */
export function currentTarget(out: string): string | null {
  const st = lstatOrNull(join(out, LAYOUT.current));
  if (st === null || !st.isSymbolicLink()) return null;
  return readlinkSync(join(out, LAYOUT.current));
}

const pad = (n: number): string => String(n).padStart(4, '0');
/** Temporaries of a save: `<name>.tmp-<pid>` (also the old layout's `model.pdparams.tmp-<pid>`). */
const TMP_RE = /\.tmp-(\d+)$/;

/** Atomically (re)points the symlink `path` at `target`: a temporary link renamed over it. */
function replaceSymlink(out: string, name: string, target: string, type?: 'dir' | 'file'): void {
  const tmp = join(out, `.${name}.tmp-${process.pid}`);
  rmSync(tmp, { force: true });
  symlinkSync(target, tmp, type);
  try {
    renameSync(tmp, join(out, name));
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Points `out/<file>` at `current/<file>` for the four files, where that is not so yet. */
function linkVisibleFiles(out: string): void {
  for (const name of Object.values(FILES)) {
    const target = join(LAYOUT.current, name);
    const path = join(out, name);
    const st = lstatOrNull(path);
    if (st?.isSymbolicLink() === true && readlinkSync(path) === target) continue;
    replaceSymlink(out, name, target, 'file');
  }
}

/**
 * Writes a new complete set and commits it (see the header). A failure before the commit removes
 * the new set's files and throws a SaveError saying so; the previous set stays current. Failures
 * after the commit (refreshing links, removing old sets) are left to the next save or start.
 */
export function writeCheckpoint(
  out: string,
  state: { epoch: number; step: number; config: TrainConfig; planEpochs: number; history: History; params: Uint8Array; opt: Uint8Array; chart: string },
  hooks: SaveHooks = {},
): void {
  const step = hooks.onStep ?? ((): void => undefined);
  const writeFile = hooks.writeFile ?? defaultWriteFile;
  step('begin');
  const meta: CheckpointMeta = {
    format: FORMAT,
    epoch: state.epoch,
    step: state.step,
    config: state.config,
    planEpochs: state.planEpochs,
    history: state.history,
    files: { [FILES.params]: digest(state.params), [FILES.opt]: digest(state.opt) },
    savedAt: new Date().toISOString(),
  };
  const setsDir = join(out, LAYOUT.sets);
  const previous = currentTarget(out);
  // A fresh name: a new run may save epoch 1 while the previous run's epoch-0001 is still current.
  let name = `epoch-${pad(state.epoch)}`;
  for (let i = 2; join(LAYOUT.sets, name) === previous; i++) name = `epoch-${pad(state.epoch)}-${i}`;
  const target = join(LAYOUT.sets, name);
  const tmpDir = join(setsDir, `.${name}.tmp-${process.pid}`);
  const finalDir = join(setsDir, name);
  let renamed = false;
  try {
    mkdirSync(setsDir, { recursive: true });
    rmSync(tmpDir, { recursive: true, force: true });
    mkdirSync(tmpDir);
    const files: [string, Uint8Array | string][] = [
      [FILES.params, state.params],
      [FILES.opt, state.opt],
      [FILES.chart, state.chart],
      [FILES.meta, `${JSON.stringify(meta, null, 1)}\n`],
    ];
    for (const [file, data] of files) {
      writeFile(join(tmpDir, file), data);
      step(`wrote ${file}` as SaveStep);
    }
    fsyncDir(tmpDir);
    rmSync(finalDir, { recursive: true, force: true }); // an uncommitted set of a killed save
    renameSync(tmpDir, finalDir);
    renamed = true;
    fsyncDir(setsDir);
    step('set renamed');
    hooks.beforeCommit?.();
    const pointer = join(out, `.${LAYOUT.current}.tmp-${process.pid}`);
    rmSync(pointer, { force: true });
    symlinkSync(target, pointer, 'dir');
    step('pointer made');
    try {
      renameSync(pointer, join(out, LAYOUT.current));
    } catch (e) {
      rmSync(pointer, { force: true });
      throw e;
    }
  } catch (e) {
    rmSync(renamed ? finalDir : tmpDir, { recursive: true, force: true });
    const code = errCode(e);
    const why = code === 'ENOSPC' ? 'no space left on device' : (e as Error).message;
    const kept = previous !== null ? `the previous checkpoint (${previous}) stays current` : 'there is no earlier checkpoint';
    throw new SaveError(`cannot save the checkpoint of epoch ${state.epoch} in ${out}: ${why}; removed its partial files, ${kept}`, code);
  }
  fsyncDir(out);
  step('committed');
  try {
    linkVisibleFiles(out);
  } catch {
    /* the set is committed and `--resume` reads through `current`; the next save retries */
  }
  step('linked');
  for (const entry of readdirSync(setsDir)) {
    if (entry !== name) rmSync(join(setsDir, entry), { recursive: true, force: true });
  }
  step('pruned');
}

/**
 * Removes what interrupted saves left in `out`: temporary files, links and set directories, and
 * sets that were never committed. Only for the holder of the lock (no other trainer writes
 * there); the lock's own temporaries are left to their (live) owners. Returns the removed names.
 */
export function sweep(out: string, isAlive: (pid: number) => boolean): string[] {
  const removed: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(out);
  } catch {
    return removed;
  }
  for (const entry of entries) {
    const m = TMP_RE.exec(entry);
    if (m === null) continue;
    if (entry.startsWith('.lock.') && isAlive(Number(m[1]))) continue;
    rmSync(join(out, entry), { recursive: true, force: true });
    removed.push(entry);
  }
  const setsDir = join(out, LAYOUT.sets);
  const current = currentTarget(out);
  let sets: string[] = [];
  try {
    sets = readdirSync(setsDir);
  } catch {
    /* no sets yet */
  }
  for (const entry of sets) {
    if (current !== null && join(LAYOUT.sets, entry) === current) continue;
    rmSync(join(setsDir, entry), { recursive: true, force: true });
    removed.push(join(LAYOUT.sets, entry));
  }
  return removed;
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
      key === 'model'
        ? x === undefined || (typeof x === 'string' && (MODELS as readonly string[]).includes(x))
        : key === 'centered'
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

/**
 * Reads and checks the checkpoint in `dir`; every problem is a UsageError naming it. The files
 * are read from the set that `current` names (resolved once, so a save committing meanwhile
 * cannot mix two sets), or from `dir` itself in the old layout.
 */
export function readCheckpoint(dir: string): Checkpoint {
  let target: string | null;
  try {
    target = currentTarget(dir);
  } catch (e) {
    throw bad(dir, `${LAYOUT.current} is unreadable (${errCode(e) ?? (e as Error).message})`);
  }
  const setDir = target !== null ? join(dir, target) : dir;
  const metaPath = join(setDir, FILES.meta);
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
  const plan = parsed['planEpochs'];
  const problem =
    checkConfig(parsed['config']) ??
    (plan === undefined || (isCount(plan) && plan > 0) ? null : `planEpochs is ${JSON.stringify(plan)}`) ??
    checkHistory(parsed['history'], epoch, step);
  if (problem !== null) throw bad(dir, `${FILES.meta}: ${problem}`);
  // Checkpoints written before --model existed hold the MLP.
  const config = parsed['config'] as Record<string, unknown>;
  config['model'] ??= 'mlp';
  const files = parsed['files'];
  const blobs: Uint8Array[] = [];
  for (const name of [FILES.params, FILES.opt]) {
    const want = isObject(files) ? files[name] : undefined;
    if (!isObject(want) || typeof want['sha256'] !== 'string') throw bad(dir, `${FILES.meta} lists no digest for ${name}`);
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(join(setDir, name));
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

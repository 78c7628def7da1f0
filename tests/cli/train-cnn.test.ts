/**
 * `paddle-rmsprop train --model cnn` end to end, in-process on 192 training digits (3 steps an
 * epoch, to keep the suite fast): the checkpoint records the model and holds the CNN's Paddle
 * keys, --resume continues it (the model comes from the checkpoint) and reproduces an
 * uninterrupted run byte for byte, a different --model on resume is a usage error, and
 * checkpoints written before --model existed resume as the MLP.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CNN_DEFAULTS, CNN_LR, parseTrainArgs, UsageError } from '../../src/cli/args.js';
import { FILES, type CheckpointMeta } from '../../src/cli/checkpoint.js';
import { runTrain } from '../../src/cli/train.js';
import * as paddle from '../../src/index.js';
import { captureIO, tempDir } from './helpers.js';

const SMALL = ['--limit', '192', '--batch-size', '64', '--seed', '5'];
const meta = (dir: string): CheckpointMeta => JSON.parse(readFileSync(join(dir, FILES.meta), 'utf8')) as CheckpointMeta;

async function train(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIO();
  const code = await runTrain(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('--model parsing', () => {
  it('cnn starts from lr 1e-3 without clipping unless --lr / --clip-norm are given; mlp is the default', () => {
    expect(parseTrainArgs([])?.config).toMatchObject({ model: 'mlp', lr: 2e-3, clipNorm: 1 });
    expect(CNN_DEFAULTS).toEqual({ lr: 1e-3, clipNorm: 0 });
    const cnn = parseTrainArgs(['--model', 'cnn']);
    expect(cnn?.config).toMatchObject({ model: 'cnn', lr: CNN_LR, clipNorm: 0 });
    expect(cnn?.explicit.has('lr')).toBe(false);
    expect(cnn?.explicit.has('clipNorm')).toBe(false);
    expect(parseTrainArgs(['--lr', '0.01', '--model', 'cnn', '--clip-norm', '2'])?.config).toMatchObject({ lr: 0.01, clipNorm: 2 });
    expect(parseTrainArgs(['--clip-norm', '2', '--model', 'cnn'])?.config.clipNorm).toBe(2);
    expect(() => parseTrainArgs(['--model', 'rnn'])).toThrow(new UsageError("--model must be one of mlp, cnn, but received 'rnn'"));
  });
});

describe('paddle-rmsprop train --model cnn (192 digits, 3 steps an epoch)', () => {
  let tmp: ReturnType<typeof tempDir>;
  let straight = '';
  let first = { code: -1, out: '', err: '' };

  beforeAll(async () => {
    tmp = tempDir('cnn');
    straight = join(tmp.dir, 'straight');
    first = await train(['--model', 'cnn', ...SMALL, '--epochs', '2', '--out', straight]);
  });
  afterAll(() => tmp.cleanup());

  it('trains the CNN and records the model in the checkpoint', () => {
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/CNN conv5x5x16-pool-conv5x5x32-pool-linear \(21,258 parameters\)/);
    expect(first.out).toMatch(/RMSProp lr 0\.001, .* no clipping/);
    const m = meta(straight);
    expect(m.config).toMatchObject({ model: 'cnn', lr: CNN_LR, clipNorm: 0, epochs: 2, limit: 192 });
    expect(m.history.stepLoss).toHaveLength(6);
    expect(m.history.stepLoss.every(Number.isFinite)).toBe(true);
    const params = paddle.loadSync(join(straight, FILES.params)) as Record<string, paddle.Tensor>;
    const keys = Object.keys(params).filter((k) => !k.includes('@@'));
    expect(keys).toEqual(['conv1.weight', 'conv1.bias', 'conv2.weight', 'conv2.bias', 'fc.weight', 'fc.bias']);
    expect(params['conv2.weight']?.shape).toEqual([32, 16, 5, 5]);
    expect(readFileSync(join(straight, FILES.chart), 'utf8')).toContain('CNN conv5x5x16-pool-conv5x5x32-pool-linear on MNIST digits');
  });

  it('--resume continues the CNN (model from the checkpoint) byte-identical to an uninterrupted run', async () => {
    const resumed = join(tmp.dir, 'resumed');
    // The same run (cosine over 2 epochs), interrupted once epoch 1 is saved.
    const stop = new AbortController();
    const io = captureIO({ signal: stop.signal, onOut: (chunk) => (/epoch 1\/2 /.test(chunk) ? stop.abort() : undefined) });
    expect(await runTrain(['--model', 'cnn', ...SMALL, '--epochs', '2', '--out', resumed], io)).toBe(130);
    const b = await train(['--resume', '--out', resumed]);
    expect(b.err).toBe('');
    expect(b.code).toBe(0);
    expect(b.out).toMatch(/resuming from .* at epoch 1, step 3/);
    for (const f of [FILES.params, FILES.opt]) {
      expect(readFileSync(join(resumed, f)).equals(readFileSync(join(straight, f))), f).toBe(true);
    }
    expect(meta(resumed).config.model).toBe('cnn');
  });

  it('resuming with a different --model is a usage error that changes nothing', async () => {
    const other = join(tmp.dir, 'other');
    cpSync(straight, other, { recursive: true, verbatimSymlinks: true });
    const before = readFileSync(join(other, FILES.params));
    const r = await train(['--resume', '--model', 'mlp', '--epochs', '3', '--out', other]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`paddle-rmsprop: --resume: --model mlp differs from the checkpoint's cnn in ${other}; a resumed run keeps its settings (only --epochs may change)\n`);
    expect(readFileSync(join(other, FILES.params)).equals(before)).toBe(true);
  });

  it('a checkpoint written before --model existed resumes as the MLP', async () => {
    const old = join(tmp.dir, 'old');
    expect((await train([...SMALL, '--epochs', '1', '--out', old])).code).toBe(0);
    const m = meta(old);
    const { model, ...olderConfig } = m.config;
    expect(model).toBe('mlp');
    writeFileSync(join(old, FILES.meta), JSON.stringify({ ...m, config: olderConfig }));
    const r = await train(['--resume', '--epochs', '2', '--out', old]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/MLP 784-256-10/);
    expect(meta(old).config.model).toBe('mlp');
    // And a CNN flag against it names the MLP it holds.
    const r2 = await train(['--resume', '--model', 'cnn', '--out', old]);
    expect(r2.code).toBe(2);
    expect(r2.err).toMatch(/--model cnn differs from the checkpoint's mlp/);
  });
});

/**
 * The trainer end to end, in-process on 256 training digits: outputs, Ctrl-C, --resume (which
 * must reproduce an uninterrupted run byte for byte), refused checkpoints; and once as a real
 * subprocess receiving SIGINT.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digest, FILES, readCheckpoint, type CheckpointMeta } from '../../src/cli/checkpoint.js';
import { runTrain } from '../../src/cli/train.js';
import * as paddle from '../../src/index.js';
import { formatSeconds } from '../../src/cli/progress.js';
import { captureIO, REPO, tempDir } from './helpers.js';

const { loadSync, saveBytes, Tensor } = paddle;
const { CosineAnnealingDecay, oneCycleLr, oneCyclePhases, stepDecayLr } = paddle.optimizer.lr;

const SMALL = ['--limit', '256', '--batch-size', '64', '--epochs', '2', '--seed', '3'];

const meta = (dir: string): CheckpointMeta => JSON.parse(readFileSync(join(dir, FILES.meta), 'utf8')) as CheckpointMeta;
const bytes = (dir: string, name: string): Buffer => readFileSync(join(dir, name));

describe('paddle-rmsprop train (256 digits, 2 epochs × 4 steps)', () => {
  // Made in beforeAll, not at collection: a filtered run (-t) skips afterAll of skipped suites.
  let tmp: ReturnType<typeof tempDir>;
  let straight = '';
  let resumed = '';
  let straightOut = '';

  beforeAll(async () => {
    tmp = tempDir('train');
    straight = join(tmp.dir, 'straight');
    resumed = join(tmp.dir, 'resumed');
    const io = captureIO();
    const code = await runTrain([...SMALL, '--out', straight], io);
    straightOut = io.out();
    expect(io.err()).toBe('');
    expect(code).toBe(0);
  });
  afterAll(() => tmp.cleanup());

  it('writes the checkpoint, its JSON and an SVG chart, and reports test accuracy', () => {
    for (const f of Object.values(FILES)) expect(existsSync(join(straight, f)), f).toBe(true);
    expect(readdirSync(straight).filter((f) => f.includes('.tmp-'))).toEqual([]);

    const m = meta(straight);
    expect(m.epoch).toBe(2);
    expect(m.step).toBe(8);
    expect(m.config).toMatchObject({ epochs: 2, batchSize: 64, limit: 256, seed: 3, scheduler: 'cosine', clipNorm: 1 });
    expect(m.history.epochs.map((e) => e.epoch)).toEqual([1, 2]);
    expect(m.history.stepLoss).toHaveLength(8);
    expect(m.files[FILES.params].sha256).toBe(digest(bytes(straight, FILES.params)).sha256);
    // Training works even on 256 digits: the loss falls and the digits are far above chance.
    const first = m.history.stepLoss[0] as number;
    const last = m.history.stepLoss[7] as number;
    expect(first).toBeGreaterThan(1.5);
    expect(last).toBeLessThan(first);
    expect(m.history.epochs[1]?.testAcc).toBeGreaterThan(0.5);
    // The lr of epoch 2 follows CosineAnnealingDecay(0.002, T_max=2) at epoch 1: 0.001.
    expect(m.history.epochs.map((e) => e.lr)).toEqual([0.002, 0.002 * (1 + Math.cos(Math.PI / 2)) / 2]);

    const params = loadSync<Record<string, paddle.Tensor>>(join(straight, FILES.params));
    expect(Object.fromEntries(Object.entries(params).map(([k, t]) => [k, t.shape]))).toEqual({
      'fc1.weight': [784, 256],
      'fc1.bias': [256],
      'fc2.weight': [256, 10],
      'fc2.bias': [10],
    });

    const svg = readFileSync(join(straight, FILES.chart), 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg.match(/<path d="M[\d.]+,[\d.]+(L[\d.]+,[\d.]+)+"/g)?.length).toBeGreaterThanOrEqual(4);

    expect(straightOut).toMatch(/^MNIST digits from the mnist package: 256 train \/ 1,756 test/);
    expect(straightOut).toMatch(/\nepoch 1\/2 {2}loss \d\.\d{4} {2}acc [\d.]+% {2}\| {2}test loss \d\.\d{4} {2}acc [\d.]+%/);
    expect(straightOut).toMatch(/\ndone: test accuracy \d+\.\d\d% \([\d,]+\/1,756\) after 2 epochs, 8 steps/);
    expect(straightOut).not.toContain('\r'); // not a terminal: plain lines only
  });

  it('Ctrl-C keeps the last complete checkpoint; --resume then ends exactly where the uninterrupted run did', async () => {
    const controller = new AbortController();
    const io = captureIO({
      signal: controller.signal,
      onOut: (chunk) => {
        if (chunk.startsWith('epoch 1/2 ')) controller.abort();
      },
    });
    expect(await runTrain([...SMALL, '--out', resumed], io)).toBe(130);
    expect(io.out()).toContain(`interrupted in epoch 2; the checkpoint of epoch 1 in ${resumed} is intact (continue with --resume)`);
    const m1 = meta(resumed);
    expect([m1.epoch, m1.step]).toEqual([1, 4]);
    expect(() => readCheckpoint(resumed)).not.toThrow();

    // The saved optimizer state is real: RMSProp's mean squares are non-zero, the scheduler moved on.
    const opt = loadSync<Record<string, unknown>>(join(resumed, FILES.opt));
    const ms = opt['linear_0.w_0_mean_square_0'];
    expect(ms).toBeInstanceOf(Tensor);
    expect((ms as paddle.Tensor).shape).toEqual([784, 256]);
    expect((ms as paddle.Tensor).data.some((v) => v > 0)).toBe(true);
    expect(opt['LR_Scheduler']).toEqual({ last_epoch: 1, last_lr: 0.001 });

    const io2 = captureIO();
    expect(await runTrain(['--out', resumed, '--resume'], io2)).toBe(0);
    expect(io2.err()).toBe('');
    expect(io2.out()).toContain(`resuming from ${resumed} at epoch 1, step 4`);
    expect(io2.out()).toMatch(/\nepoch 2\/2 /);
    expect(io2.out()).not.toMatch(/\nepoch 1\/2 /);
    const m2 = meta(resumed);
    expect([m2.epoch, m2.step]).toEqual([2, 8]);
    // Same shuffles, same restored accumulators and schedule: the same bytes as the straight run.
    expect(m2.history.stepLoss).toEqual(meta(straight).history.stepLoss);
    expect(bytes(resumed, FILES.params).equals(bytes(straight, FILES.params))).toBe(true);
    expect(bytes(resumed, FILES.opt).equals(bytes(straight, FILES.opt))).toBe(true);

    // Resuming a finished run has nothing to do.
    const io3 = captureIO();
    expect(await runTrain(['--out', resumed, '--resume'], io3)).toBe(0);
    expect(io3.out()).toContain(`nothing to do: the checkpoint in ${resumed} already has 2 of 2 epochs`);
  });

  it('refuses unusable or mismatched checkpoints with one line and status 2', async () => {
    const refuse = async (argv: string[], message: string | RegExp): Promise<void> => {
      const io = captureIO();
      expect(await runTrain(argv, io), argv.join(' ')).toBe(2);
      expect(io.err().split('\n')).toHaveLength(2);
      expect(io.err()).toMatch(message);
      expect(io.out()).toBe('');
    };
    const copy = (name: string): string => {
      const dir = join(tmp.dir, name);
      cpSync(straight, dir, { recursive: true, verbatimSymlinks: true });
      return dir;
    };

    await refuse(['--resume', '--out', join(tmp.dir, 'nowhere')], /checkpoint\.json not found \(train without --resume first\)/);
    await refuse(['--resume', '--out', straight, '--lr', '0.5'], `--lr 0.5 differs from the checkpoint's 0.002 in ${straight}`);
    await refuse(['--resume', '--out', straight, '--centered'], /--centered true differs from the checkpoint's false/);

    const torn = copy('torn');
    appendFileSync(join(torn, FILES.opt), 'x');
    await refuse(['--resume', '--out', torn], /model\.pdopt does not match checkpoint\.json/);

    const garbled = copy('garbled');
    writeFileSync(join(garbled, FILES.meta), '{"format": ');
    await refuse(['--resume', '--out', garbled], /checkpoint\.json is not valid JSON/);

    const foreign = copy('foreign');
    writeFileSync(join(foreign, FILES.meta), JSON.stringify({ ...meta(foreign), format: 'something-else' }));
    await refuse(['--resume', '--out', foreign], /is not a paddle-rmsprop training checkpoint/);

    // Consistent files (digests updated) that do not fit the model or the optimizer.
    const wrongModel = copy('wrong-model');
    const small = saveBytes({ 'fc1.weight': Tensor.fromArray(new Float32Array(4), [2, 2], 'float32') });
    writeFileSync(join(wrongModel, FILES.params), small);
    const mm = meta(wrongModel);
    mm.files[FILES.params] = digest(small);
    writeFileSync(join(wrongModel, FILES.meta), JSON.stringify(mm));
    await refuse(['--resume', '--out', wrongModel], /model\.pdparams does not fit the 784-256-10 MLP/);

    const wrongOpt = copy('wrong-opt');
    const noState = saveBytes({ LR_Scheduler: { last_epoch: 2, last_lr: 0 } });
    writeFileSync(join(wrongOpt, FILES.opt), noState);
    const mo = meta(wrongOpt);
    mo.files[FILES.opt] = digest(noState);
    writeFileSync(join(wrongOpt, FILES.meta), JSON.stringify(mo));
    await refuse(['--resume', '--out', wrongOpt], /model\.pdopt holds no momentum \(linear_0\.w_0_momentum_0\) of shape \[784, 256\] for linear_0\.w_0/);

    const aFile = join(tmp.dir, 'a-file');
    writeFileSync(aFile, '');
    await refuse(['--out', aFile, '--limit', '64'], `--out ${aFile}: cannot write there (EEXIST)`);

    const notPickle = copy('not-pickle');
    writeFileSync(join(notPickle, FILES.params), 'hello');
    const mp = meta(notPickle);
    mp.files[FILES.params] = digest(Buffer.from('hello'));
    writeFileSync(join(notPickle, FILES.meta), JSON.stringify(mp));
    await refuse(['--resume', '--out', notPickle], /model\.pdparams is not a Paddle checkpoint file/);
  });

  it('a fresh run into a directory holding a checkpoint says it will replace it', async () => {
    const dir = join(tmp.dir, 'again');
    cpSync(straight, dir, { recursive: true, verbatimSymlinks: true });
    const io = captureIO();
    expect(await runTrain(['--limit', '64', '--epochs', '1', '--out', dir], io)).toBe(0);
    expect(io.out()).toContain(`starting afresh: the checkpoint in ${dir} will be replaced after epoch 1 (--resume continues it instead)`);
    expect(meta(dir).config.limit).toBe(64);
  });

  it('wires each schedule as planned: lr of each epoch (its last step for onecycle)', async () => {
    // 64 digits in batches of 32: 2 steps per epoch, 4 epochs.
    const spe = 2;
    const lrs = async (scheduler: string): Promise<number[]> => {
      const dir = join(tmp.dir, `sched-${scheduler}`);
      const io = captureIO();
      expect(await runTrain(['--limit', '64', '--batch-size', '32', '--epochs', '4', '--lr', '0.01', '--scheduler', scheduler, '--out', dir], io)).toBe(0);
      return meta(dir).history.epochs.map((e) => e.lr);
    };
    expect(await lrs('none')).toEqual([0.01, 0.01, 0.01, 0.01]);
    expect(await lrs('step')).toEqual([0, 1, 2, 3].map((e) => stepDecayLr(0.01, 3, 0.5, e)));
    const phases = oneCyclePhases(0.01 / 25, 0.01, 0.0001, 4 * spe, 0.3, false);
    expect(await lrs('onecycle')).toEqual([1, 2, 3, 4].map((e) => oneCycleLr(phases, 'cos', 4 * spe, e * spe - 1)));
  });

  it('resume restores every accumulator and a per-step schedule (momentum, centered, decay, onecycle)', async () => {
    const flags = ['--limit', '64', '--batch-size', '32', '--epochs', '3', '--scheduler', 'onecycle', '--momentum', '0.5', '--centered', '--weight-decay', '0.001'];
    const whole = join(tmp.dir, 'onecycle-whole');
    const parts = join(tmp.dir, 'onecycle-parts');
    expect(await runTrain([...flags, '--out', whole], captureIO())).toBe(0);
    const controller = new AbortController();
    const io = captureIO({ signal: controller.signal, onOut: (c) => c.startsWith('epoch 1/3 ') && controller.abort() });
    expect(await runTrain([...flags, '--out', parts], io)).toBe(130);
    expect(await runTrain(['--resume', '--out', parts], captureIO())).toBe(0);
    expect(bytes(parts, FILES.params).equals(bytes(whole, FILES.params))).toBe(true);
    expect(bytes(parts, FILES.opt).equals(bytes(whole, FILES.opt))).toBe(true);
  });

  it('--resume may raise --epochs: cosine keeps its T_max and goes on past it as Paddle does; onecycle refuses', async () => {
    const flags = ['--limit', '64', '--batch-size', '32', '--seed', '5'];
    const at = async (dir: string, argv: string[]): Promise<string> => {
      const io = captureIO();
      expect(await runTrain([...argv, '--out', dir], io), io.err()).toBe(0);
      expect(io.err()).toBe('');
      return io.out();
    };
    // Two runs of 2 epochs; one raised to 5 at once, the other to 3 then 5: the plan (T_max 2) is
    // kept across resumes, so both end on the same bytes.
    const once = join(tmp.dir, 'raise-once');
    const twice = join(tmp.dir, 'raise-twice');
    await at(once, [...flags, '--epochs', '2']);
    await at(twice, [...flags, '--epochs', '2']);
    const old = join(tmp.dir, 'raise-old');
    cpSync(twice, old, { recursive: true, verbatimSymlinks: true });
    const first = meta(once);
    expect(first.planEpochs).toBe(2);
    const out = await at(once, ['--resume', '--epochs', '5']);
    expect(out).toContain('cosine schedule planned for 2 epochs');
    expect(out).toContain('5 epochs × 2 steps');
    await at(twice, ['--resume', '--epochs', '3']);
    await at(twice, ['--resume', '--epochs', '5']);
    const m = meta(once);
    expect([m.epoch, m.step, m.config.epochs, m.planEpochs]).toEqual([5, 10, 5, 2]);
    expect(meta(twice).history.stepLoss).toEqual(m.history.stepLoss);
    expect(bytes(twice, FILES.params).equals(bytes(once, FILES.params))).toBe(true);
    expect(bytes(twice, FILES.opt).equals(bytes(once, FILES.opt))).toBe(true);
    // The epochs already trained are untouched ...
    expect(m.history.epochs.slice(0, 2)).toEqual(first.history.epochs);
    expect(m.history.stepLoss.slice(0, 4)).toEqual(first.history.stepLoss);
    // ... and the lr of every epoch is Paddle's CosineAnnealingDecay(0.002, T_max=2) stepped on
    // past T_max: 0.002, 0.001, 0 (eta_min), 0.001, 0.002.
    const cosine = new CosineAnnealingDecay(0.002, 2);
    const want: number[] = [];
    for (let e = 0; e < 5; e++) {
      want.push(cosine.lastLr);
      cosine.step();
    }
    expect(m.history.epochs.map((e) => e.lr)).toEqual(want);
    expect(want.map((v) => Number(v.toPrecision(12)))).toEqual([0.002, 0.001, 0, 0.001, 0.002]);

    // A checkpoint of an earlier version (no planEpochs) planned its schedule for config.epochs.
    const mo = meta(old);
    delete mo.planEpochs;
    writeFileSync(join(old, FILES.meta), JSON.stringify(mo));
    expect(await at(old, ['--resume', '--epochs', '5'])).toContain('cosine schedule planned for 2 epochs');
    expect(meta(old).planEpochs).toBe(2);
    expect(bytes(old, FILES.params).equals(bytes(once, FILES.params))).toBe(true);

    // onecycle cannot step past its total steps: raising is refused, with one line.
    const cycle = join(tmp.dir, 'raise-onecycle');
    await at(cycle, [...flags, '--epochs', '2', '--scheduler', 'onecycle']);
    const io = captureIO();
    expect(await runTrain(['--resume', '--out', cycle, '--epochs', '3'], io)).toBe(2);
    expect(io.err()).toBe(
      `paddle-rmsprop: --resume: the onecycle schedule of the checkpoint in ${cycle} ends after 2 epochs and cannot be extended; resume with --epochs 2 or less, or start a new run\n`,
    );
    expect(await at(cycle, ['--resume', '--epochs', '2'])).toContain('nothing to do');
  });

  it('says "1 epoch" and sub-second durations in the summary and the chart', async () => {
    const dir = join(tmp.dir, 'one-epoch');
    let t = 0;
    const io = { ...captureIO(), now: () => (t += 7) }; // every clock read: 7 ms later
    expect(await runTrain(['--limit', '32', '--batch-size', '32', '--epochs', '1', '--out', dir], io)).toBe(0);
    const out = io.out();
    expect(out).toContain(' · 1 epoch × 1 step\n');
    const m = meta(dir);
    const trained = formatSeconds(m.history.epochs[0]?.seconds ?? Number.NaN);
    expect(trained).toMatch(/^0\.\d+ s$/);
    expect(out).toMatch(new RegExp(`\\ndone: test accuracy [\\d.]+% \\([\\d,]+/1,756\\) after 1 epoch, 1 step · 0\\.\\d+ s total \\(${trained.replace('.', '\\.')} of it training\\)\\n`));
    expect(out).not.toMatch(/\b1 epochs\b|\b1 steps\b/);
    const svg = readFileSync(join(dir, FILES.chart), 'utf8');
    expect(svg).toMatch(new RegExp(`after 1 epoch · ${trained.replace('.', '\\.')} of training</text>`));
    expect(svg).not.toMatch(/1 epochs| 0 s of training/);
  });

  it('draws a live progress bar on a terminal', async () => {
    const io = captureIO({ tty: true, columns: 120 });
    expect(await runTrain(['--limit', '128', '--epochs', '1', '--out', join(tmp.dir, 'tty')], io)).toBe(0);
    const out = io.out();
    expect(out).toMatch(/\r\x1b\[2Kepoch 1\/1 [█░]+ +\d+% \| loss \d\.\d{4} \| acc [\d.]+% \| [\d,]+ samples\/s \| ETA \d+:\d\d/);
    expect(out).toMatch(/\r\x1b\[2Kepoch 1\/1 {2}loss/); // the bar is replaced by the epoch's line
  });
});

describe('the paddle-rmsprop binary', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => {
    tmp = tempDir('sigint');
  });
  afterAll(() => tmp.cleanup());

  it('on SIGINT stops with status 130 and leaves a complete checkpoint', async () => {
    const out = join(tmp.dir, 'run');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'train', '--limit', '256', '--epochs', '40', '--out', out], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (!sent && /\nepoch {2}1\/40 /.test(stdout)) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(sent, stdout + stderr).toBe(true);
    expect(stderr).toBe('');
    expect(code).toBe(130);
    expect(stdout).toMatch(/interrupted in epoch \d+; the checkpoint of epoch \d+ in .* is intact/);
    const ckpt = readCheckpoint(out);
    expect(ckpt.meta.epoch).toBeGreaterThanOrEqual(1);
    expect(ckpt.meta.epoch).toBeLessThan(40);
    expect(readdirSync(out).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});

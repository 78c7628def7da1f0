/**
 * The trainer's checkpoint sets and its lock on `--out`: the on-disk layout, one trainer per
 * directory (live, stale, foreign and lost locks; a real second process), the sweep of what
 * killed saves leave, ENOSPC, and directories of the earlier layout. (SIGKILL at random
 * instants: crash.test.ts.)
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILES, LAYOUT, readCheckpoint, type SaveHooks } from '../../src/cli/checkpoint.js';
import { LOCK_FILE } from '../../src/cli/lock.js';
import { runTrain } from '../../src/cli/train.js';
import { captureIO, REPO, tempDir } from './helpers.js';

const TINY = ['--limit', '64', '--batch-size', '64', '--seed', '7', '--scheduler', 'step']; // step: --epochs may grow on --resume

const ls = (dir: string): string[] => readdirSync(dir).sort();
const visible = [...Object.values(FILES), LAYOUT.current, LAYOUT.sets].sort();

/** A process that has exited: its pid is (almost surely) free. */
async function deadPid(): Promise<number> {
  const p = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise((resolve) => p.on('close', resolve));
  return p.pid as number;
}

function writeLock(dir: string, lock: { pid: number; host: string; started: string }): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, LOCK_FILE), `${JSON.stringify(lock)}\n`);
}

describe('checkpoint sets and the lock on --out', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => {
    tmp = tempDir('safety');
  });
  afterAll(() => tmp.cleanup());

  it('keeps one complete set per directory, reached through current and four fixed links', async () => {
    const dir = join(tmp.dir, 'layout');
    expect(await runTrain([...TINY, '--epochs', '2', '--out', dir], captureIO())).toBe(0);
    expect(ls(dir)).toEqual(visible); // no lock, no temporaries
    expect(readlinkSync(join(dir, LAYOUT.current))).toBe(join(LAYOUT.sets, 'epoch-0002'));
    expect(ls(join(dir, LAYOUT.sets))).toEqual(['epoch-0002']);
    for (const f of Object.values(FILES)) {
      expect(lstatSync(join(dir, f)).isSymbolicLink()).toBe(true);
      expect(readlinkSync(join(dir, f))).toBe(join(LAYOUT.current, f));
      expect(readFileSync(join(dir, f)).equals(readFileSync(join(dir, LAYOUT.sets, 'epoch-0002', f)))).toBe(true);
    }
    // A fresh run's epoch 1 does not collide with the previous run's sets.
    expect(await runTrain([...TINY, '--epochs', '1', '--out', dir], captureIO())).toBe(0);
    expect(readlinkSync(join(dir, LAYOUT.current))).toBe(join(LAYOUT.sets, 'epoch-0001'));
    expect(await runTrain([...TINY, '--epochs', '1', '--out', dir], captureIO())).toBe(0);
    expect(readlinkSync(join(dir, LAYOUT.current))).toBe(join(LAYOUT.sets, 'epoch-0001-2'));
    expect(ls(join(dir, LAYOUT.sets))).toEqual(['epoch-0001-2']);
    expect(readCheckpoint(dir).meta.epoch).toBe(1);
  });

  it('a second trainer on a held directory exits 2 with one line naming the holder', async () => {
    const dir = join(tmp.dir, 'held');
    const started = '2026-11-30T12:00:00.000Z';
    writeLock(dir, { pid: process.pid === 1 ? process.ppid : 1, host: hostname(), started }); // pid 1 always runs
    const io = captureIO();
    expect(await runTrain([...TINY, '--out', dir], io)).toBe(2);
    expect(io.err()).toBe(`paddle-rmsprop: ${dir} is in use by another trainer (pid ${process.pid === 1 ? process.ppid : 1}, started ${started})\n`);
    expect(io.out()).toBe('');
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true); // not ours to remove
    expect(ls(dir)).toEqual([LOCK_FILE]);

    // Another host's lock cannot be checked from here: it holds.
    writeLock(dir, { pid: 12345, host: 'elsewhere', started });
    const io2 = captureIO();
    expect(await runTrain([...TINY, '--resume', '--out', dir], io2)).toBe(2);
    expect(io2.err()).toBe(`paddle-rmsprop: ${dir} is in use by another trainer (pid 12345 on elsewhere, started ${started})\n`);

    // A file that is no lock of ours is not taken over either.
    writeFileSync(join(dir, LOCK_FILE), '');
    const io3 = captureIO();
    expect(await runTrain([...TINY, '--out', dir], io3)).toBe(2);
    expect(io3.err()).toMatch(/is in use by another trainer \(.*\.lock is not a trainer's lock file; remove it if no trainer runs there\)\n$/);
  });

  it('takes over a stale lock (dead pid) and removes it at the end', async () => {
    const dir = join(tmp.dir, 'stale');
    const pid = await deadPid();
    writeLock(dir, { pid, host: hostname(), started: '2026-11-30T12:00:00.000Z' });
    const io = captureIO();
    expect(await runTrain([...TINY, '--epochs', '1', '--out', dir], io)).toBe(0);
    expect(io.out()).toContain(`took over the lock on ${dir} from pid ${pid} (started 2026-11-30T12:00:00.000Z), which no longer runs`);
    expect(ls(dir)).toEqual(visible);
  });

  it('does not commit once another trainer has taken the lock', async () => {
    const dir = join(tmp.dir, 'lost');
    expect(await runTrain([...TINY, '--epochs', '1', '--out', dir], captureIO())).toBe(0);
    const thief = `${JSON.stringify({ pid: 1, host: hostname(), started: 'x' })}\n`;
    const save: SaveHooks = { onStep: (step) => step === 'set renamed' && writeFileSync(join(dir, LOCK_FILE), thief) };
    const io = { ...captureIO(), save };
    expect(await runTrain([...TINY, '--epochs', '2', '--resume', '--out', dir], io)).toBe(1);
    expect(io.err()).toMatch(/^paddle-rmsprop: cannot save the checkpoint of epoch 2 in .*: lost the lock on .*\.lock now belongs to pid 1; removed its partial files, the previous checkpoint \(sets\/epoch-0001\) stays current\n$/);
    expect(readCheckpoint(dir).meta.epoch).toBe(1);
    expect(ls(join(dir, LAYOUT.sets))).toEqual(['epoch-0001']);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(thief); // left to its owner
  });

  it('two real trainers: the second exits 2 naming the first; SIGINT releases the lock', async () => {
    const dir = join(tmp.dir, 'two');
    const first = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'train', '--limit', '128', '--epochs', '200', '--out', dir], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    first.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const running = new Promise<void>((resolve) =>
      first.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        if (/\nepoch {3}1\/200 /.test(stdout)) resolve();
      }),
    );
    const closed = new Promise<number | null>((resolve) => first.on('close', resolve));
    await Promise.race([running, closed]);
    expect(stdout + stderr).toMatch(/\nepoch {3}1\/200 /);

    const io = captureIO();
    expect(await runTrain(['--limit', '128', '--out', dir], io)).toBe(2);
    expect(io.err()).toMatch(new RegExp(`^paddle-rmsprop: ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is in use by another trainer \\(pid ${first.pid}, started \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\\)\\n$`));
    const resumeIo = captureIO();
    expect(await runTrain(['--resume', '--out', dir], resumeIo)).toBe(2); // --resume too, before reading anything
    expect(resumeIo.err()).toContain(`is in use by another trainer (pid ${first.pid}`);

    first.kill('SIGINT');
    expect(await closed).toBe(130);
    expect(stderr).toBe('');
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    expect(readCheckpoint(dir).meta.epoch).toBeGreaterThanOrEqual(1);
  });

  it('sweeps what killed saves left when the next trainer starts', async () => {
    const dir = join(tmp.dir, 'sweep');
    expect(await runTrain([...TINY, '--epochs', '1', '--out', dir], captureIO())).toBe(0);
    const dead = await deadPid();
    writeFileSync(join(dir, `${FILES.params}.tmp-${dead}`), 'old layout temporary');
    mkdirSync(join(dir, LAYOUT.sets, `.epoch-0002.tmp-${dead}`));
    writeFileSync(join(dir, LAYOUT.sets, `.epoch-0002.tmp-${dead}`, FILES.params), 'half');
    cpSync(join(dir, LAYOUT.sets, 'epoch-0001'), join(dir, LAYOUT.sets, 'epoch-0002'), { recursive: true }); // complete, never committed
    symlinkSync(join(LAYOUT.sets, 'epoch-0002'), join(dir, `.${LAYOUT.current}.tmp-${dead}`));
    writeFileSync(join(dir, `${LOCK_FILE}.tmp-${dead}`), '{}');
    writeFileSync(join(dir, `${LOCK_FILE}.tmp-${process.ppid}`), '{}'); // a live process's (a trainer racing for the lock): kept
    const io = captureIO();
    expect(await runTrain(['--resume', '--epochs', '1', '--out', dir], io)).toBe(0);
    expect(io.out()).toMatch(new RegExp(`removed 5 leftovers of an interrupted save from ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
    expect(ls(dir)).toEqual([...visible, `${LOCK_FILE}.tmp-${process.ppid}`].sort());
    expect(ls(join(dir, LAYOUT.sets))).toEqual(['epoch-0001']);
    rmSync(join(dir, `${LOCK_FILE}.tmp-${process.ppid}`));
  });

  it('ENOSPC: the failed save removes its partial files, says so, and retries add nothing', async () => {
    const dir = join(tmp.dir, 'enospc');
    let failures = 0;
    const full: SaveHooks = {
      writeFile: (path, data) => {
        if (path.endsWith(FILES.opt) && !path.includes('epoch-0001')) {
          writeFileSync(path, typeof data === 'string' ? data.slice(0, 10) : data.subarray(0, 1000)); // what fitted
          failures++;
          throw Object.assign(new Error(`ENOSPC: no space left on device, write`), { code: 'ENOSPC' });
        }
        writeFileSync(path, data);
      },
    };
    const line = `paddle-rmsprop: cannot save the checkpoint of epoch 2 in ${dir}: no space left on device; removed its partial files, the previous checkpoint (sets/epoch-0001) stays current (ENOSPC)\n`;
    const io = { ...captureIO(), save: full };
    expect(await runTrain([...TINY, '--epochs', '3', '--out', dir], io)).toBe(1);
    expect(io.err()).toBe(line);
    for (let retry = 0; retry < 3; retry++) {
      const again = { ...captureIO(), save: full };
      expect(await runTrain(['--resume', '--out', dir], again)).toBe(1);
      expect(again.err()).toBe(line);
    }
    expect(failures).toBe(4);
    expect(ls(dir)).toEqual(visible);
    expect(ls(join(dir, LAYOUT.sets))).toEqual(['epoch-0001']);
    expect(readCheckpoint(dir).meta.epoch).toBe(1);
    // Space again: the run continues from epoch 1.
    const io2 = captureIO();
    expect(await runTrain(['--resume', '--out', dir], io2)).toBe(0);
    expect(io2.out()).toContain('resuming from');
    expect(readCheckpoint(dir).meta.epoch).toBe(3);
    expect(ls(join(dir, LAYOUT.sets))).toEqual(['epoch-0003']);
  });

  it('resumes a directory of the earlier layout (plain files) and converts it at the first save', async () => {
    const dir = join(tmp.dir, 'legacy');
    const src = join(tmp.dir, 'legacy-src');
    expect(await runTrain([...TINY, '--epochs', '1', '--out', src], captureIO())).toBe(0);
    mkdirSync(dir);
    for (const f of Object.values(FILES)) cpSync(join(src, LAYOUT.sets, 'epoch-0001', f), join(dir, f));
    expect(readCheckpoint(dir).meta.epoch).toBe(1);
    const io = captureIO();
    expect(await runTrain(['--resume', '--epochs', '2', '--out', dir], io)).toBe(0);
    expect(io.err()).toBe('');
    expect(ls(dir)).toEqual(visible);
    expect(lstatSync(join(dir, FILES.meta)).isSymbolicLink()).toBe(true);
    expect(readCheckpoint(dir).meta.epoch).toBe(2);
  });
});

/**
 * `paddle-rmsprop` as src/cli/main.ts runs it, plus a killer for tests/cli/crash.test.ts:
 *
 *     node --import tsx tests/cli/crash-child.ts <mode> train <flags...>
 *
 * - `trace`: prints `save <n> <step> <ms>` on stderr at every step of every save (ms since the
 *   save's begin), to measure how long a save takes;
 * - `after:<n>:<us>`: when save number n begins, a worker thread sleeps `us` microseconds and
 *   sends this process SIGKILL: a kill at an instant independent of what the main thread does;
 * - `at:<n>:<step>`: SIGKILL at the given step of save n (one of SAVE_STEPS), synchronously.
 */
import { writeSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { SaveStep } from '../../src/cli/checkpoint.js';
import { runCli } from '../../src/cli/run.js';

const [mode = 'trace', ...argv] = process.argv.slice(2);
let saves = 0;
let began = 0;
let onStep: (step: SaveStep) => void;

function killNow(): never {
  process.kill(process.pid, 'SIGKILL');
  // SIGKILL to oneself is delivered before the call returns on Linux; never run on regardless.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  throw new Error('not killed');
}

if (mode === 'trace') {
  onStep = (step) => {
    if (step === 'begin') {
      saves++;
      began = performance.now();
    }
    writeSync(2, `save ${saves} ${step} ${(performance.now() - began).toFixed(3)}\n`);
  };
} else if (mode.startsWith('after:')) {
  const [, n, us] = mode.split(':');
  // The worker waits on a shared flag, so it wakes while the main thread is inside the (synchronous) save.
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(
    `const { workerData: { flag, us } } = require('node:worker_threads');
     Atomics.wait(flag, 0, 0);
     const until = process.hrtime.bigint() + BigInt(us) * 1000n;
     while (process.hrtime.bigint() < until);
     process.kill(process.pid, 'SIGKILL');`,
    { eval: true, workerData: { flag, us: Number(us) } },
  );
  worker.unref();
  onStep = (step) => {
    if (step !== 'begin' || ++saves !== Number(n)) return;
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  };
} else if (mode.startsWith('at:')) {
  const [, n, step] = mode.split(':');
  onStep = (s) => {
    if (s === 'begin') saves++;
    if (saves === Number(n) && s === step) killNow();
  };
} else {
  throw new Error(`crash-child: unknown mode ${mode}`);
}

process.exitCode = await runCli(argv, { stdout: process.stdout, stderr: process.stderr, save: { onStep } });

/**
 * Exact resume across processes (issue 6): train n steps with RMSProp (momentum, centered, a
 * StepDecay schedule, global-norm clipping, L2 decay via ParamAttr, a row-sparse embedding), save
 * model and optimizer with paddle.save, load both in a fresh process whose parameters carry other
 * generated names, train m more steps: every parameter and accumulator is bit-identical to an
 * uninterrupted n + m run.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const worker = join(here, 'worker.ts');
const dir = mkdtempSync(join(tmpdir(), 'paddle-rmsprop-resume-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function phase(name: string): void {
  execFileSync(process.execPath, ['--import', 'tsx', worker, name, dir], { stdio: 'pipe', cwd: join(here, '..', '..') });
}

describe('exact resume in a fresh process', () => {
  it('n steps, save, load in a new process (renamed parameters), m steps = n + m steps, bit for bit', () => {
    phase('full');
    phase('first');
    phase('second');
    const full = JSON.parse(readFileSync(join(dir, 'result-full.json'), 'utf8')) as Record<string, string | number>;
    const resumed = JSON.parse(readFileSync(join(dir, 'result-second.json'), 'utf8')) as Record<string, string | number>;
    expect(Object.keys(full).length).toBe(1 + 3 * 4); // 3 parameters × (value + 3 accumulators) + epoch
    expect(resumed).toEqual(full);
    expect(full['last_epoch']).toBe(7);
  }, 120_000);
});

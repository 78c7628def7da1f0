/** Runs every example under examples/ (the twins of Paddle's RMSProp doc examples) and checks what it prints. */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as paddle from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const examplesDir = join(here, '..', 'examples');

async function run(file: string): Promise<string[]> {
  const mod = (await import(join(examplesDir, file))) as { main: (print: (l: string) => void) => void };
  const lines: string[] = [];
  paddle.seed(2024);
  mod.main((l) => lines.push(l));
  return lines;
}

describe('examples (twins of the RMSProp documentation)', () => {
  it('covers every example file', () => {
    const files = readdirSync(examplesDir).filter((f) => f.startsWith('rmsprop-') && f.endsWith('.ts')).sort();
    expect(files).toEqual([
      'rmsprop-class.ts',
      'rmsprop-clear-gradients.ts',
      'rmsprop-get-lr.ts',
      'rmsprop-minimize.ts',
      'rmsprop-param-groups.ts',
      'rmsprop-set-lr-scheduler.ts',
      'rmsprop-set-lr.ts',
      'rmsprop-step.ts',
    ]);
  });

  it('class example: one step with weight decay', async () => {
    const [line] = await run('rmsprop-class.ts');
    expect(line).toMatch(/^loss -?\d+\.\d{6}, weight linear_\d+\.w_0 updated$/);
  });

  it('step(): every bias element moves by -lr·g/sqrt((1-rho)·g² + eps) with g = 2', async () => {
    const [line] = await run('rmsprop-step.ts');
    const moved = Number((line as string).replace('bias moved by ', ''));
    const expected = Math.fround(-Math.fround(Math.fround(0.01) * 2) / Math.fround(Math.sqrt(Math.fround(Math.fround(Math.fround(Math.fround(1 - Math.fround(0.95)) * 2) * 2) + Math.fround(1e-6)))));
    expect(moved).toBeCloseTo(expected, 6);
  });

  it('minimize(): applies the existing gradients and returns the pairs', async () => {
    const [line] = await run('rmsprop-minimize.ts');
    expect(line).toMatch(/^optimize ops: 0, updated: linear_\d+\.w_0, linear_\d+\.b_0$/);
  });

  it('clear_gradients(): gradients kept and zero-filled', async () => {
    expect(await run('rmsprop-clear-gradients.ts')).toEqual(['weight grad after clear_gradients: all zero = true']);
  });

  it('set_lr(): prints current lr is 0.2 … 0.6', async () => {
    expect(await run('rmsprop-set-lr.ts')).toEqual([
      'current lr is 0.2',
      'current lr is 0.3',
      'current lr is 0.4',
      'current lr is 0.5',
      'current lr is 0.6',
    ]);
  });

  it('set_lr_scheduler(): 0.5 then 0.1', async () => {
    expect(await run('rmsprop-set-lr-scheduler.ts')).toEqual(['current lr is 0.5', 'current lr is 0.1']);
  });

  it('get_lr(): 0.001, then PiecewiseLR with last_epoch 0 (as written) and with the default', async () => {
    expect(await run('rmsprop-get-lr.ts')).toEqual([
      '0.001',
      // As the document writes it (last_epoch=0): the constructor's step already moved to epoch 1.
      'PiecewiseLR(bd, value, last_epoch=0): 0.2, 0.4, 0.4, 0.6, 0.6, 0.8, 0.8, 1, 1, 1, 1, 1',
      // The document's claimed list, which is what the default last_epoch gives.
      'PiecewiseLR(bd, value) (default last_epoch=-1): 0.2, 0.2, 0.4, 0.4, 0.6, 0.6, 0.8, 0.8, 1, 1, 1, 1',
    ]);
  });

  it('parameter groups: the second group trains at 0.1 × 0.1 = 0.01', async () => {
    const lines = await run('rmsprop-param-groups.ts');
    const m = /linear_1 bias step ([\d.]+), linear_2 bias step ([\d.]+)/.exec(lines[1] as string);
    expect(m).not.toBeNull();
    const d1 = Number((m as RegExpExecArray)[1]);
    const d2 = Number((m as RegExpExecArray)[2]);
    // First step from zero state: |Δ| = lr·|g|/sqrt(0.05·g² + 1e-6) ≤ lr/sqrt(0.05).
    expect(d1).toBeGreaterThan(0.3);
    expect(d1).toBeLessThanOrEqual(0.4473);
    expect(d2).toBeGreaterThan(0.03);
    expect(d2).toBeLessThanOrEqual(0.04473);
  });
});

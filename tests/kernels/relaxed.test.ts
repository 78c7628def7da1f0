/**
 * The opt-in relaxed-SIMD backend (`useBackend('wasm-relaxed')`): its matrix product uses a fused
 * multiply-add (rounded once), so it is not bit-reproducible; it is checked against the float64
 * sum within the float32 bound of a K-term sum, shown to fuse (bits differ from the exact build),
 * and used for training. Node 20 validates relaxed SIMD only behind a flag: in this process it
 * must refuse with the reason and the fix and change nothing; the checks run in a child started
 * with --experimental-wasm-relaxed-simd.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getBackend, useBackend } from '../../src/kernels/index.js';

const supported = (() => {
  try {
    useBackend('wasm-relaxed');
    useBackend('auto');
    return true;
  } catch {
    return false;
  }
})();

describe("useBackend('wasm-relaxed')", () => {
  it.runIf(!supported)('where the runtime has no relaxed SIMD: a RuntimeError with the reason and the fix, nothing changed', () => {
    const before = getBackend();
    expect(() => useBackend('wasm-relaxed')).toThrow(/relaxed SIMD.*--experimental-wasm-relaxed-simd/);
    expect(getBackend()).toBe(before);
  });

  it('with relaxed SIMD (a Node started with --experimental-wasm-relaxed-simd): fused products within the float32 bound, training works', () => {
    const child = resolve(__dirname, 'relaxed-child.ts');
    const r = spawnSync(process.execPath, ['--experimental-wasm-relaxed-simd', '--import', 'tsx', child], { encoding: 'utf8', cwd: resolve(__dirname, '../..'), timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout.trim().split('\n').pop() as string) as Record<string, number | string>;
    expect(out.name).toMatch(/^wasm-relaxed-simd/);
    expect(out.worstOverBound as number).toBeLessThanOrEqual(1);
    // fused: a good share of the elements round differently from the exact build
    expect(out.differs as number).toBeGreaterThan((out.total as number) / 10);
    expect(out.lossLast as number).toBeLessThan(out.lossFirst as number);
    expect(out.heap).toBe('wasm-heap');
  });
});

/**
 * Child process of tests/io/hostile.test.ts (and scripts/make-hostile-corpus.ts --measure):
 * loads each file given as JSON `[{ path, format }]` in argv[2] with `loadBytes` and prints one
 * JSON line per file: `{ path, ms, growthKiB, error }`, where `growthKiB` is the peak resident
 * memory during the load minus the resident memory before it. On Linux the peak is reset between
 * files (`/proc/self/clear_refs`); elsewhere the caller passes one file per process.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadBytes } from '../../src/io/save-load.js';

const files = JSON.parse(process.argv[2] ?? '[]') as { path: string; format: 'pickle' | 'safetensors' }[];
const gc = (globalThis as { gc?: () => void }).gc;

function procStatusKiB(field: string): number | null {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/self/status', 'utf8'));
    return m === null ? null : Number(m[1]);
  } catch {
    return null;
  }
}

function resetPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

for (const f of files) {
  const bytes = new Uint8Array(readFileSync(f.path));
  gc?.();
  const reset = resetPeak();
  const before = procStatusKiB('VmRSS') ?? process.memoryUsage().rss / 1024;
  const t0 = performance.now();
  let error: { name: string; message: string } | null = null;
  try {
    loadBytes(bytes, { format: f.format });
  } catch (e) {
    error = e instanceof Error ? { name: e.name, message: e.message.slice(0, 500) } : { name: typeof e, message: String(e) };
  }
  const ms = performance.now() - t0;
  const peak = (reset ? procStatusKiB('VmHWM') : null) ?? process.resourceUsage().maxRSS;
  process.stdout.write(`${JSON.stringify({ path: f.path, ms, growthKiB: Math.max(0, peak - before), resetPeak: reset, error })}\n`);
}

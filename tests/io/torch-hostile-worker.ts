/**
 * Child process of tests/io/torch-hostile.test.ts: loads each `.pt` file named in argv[2] (a JSON
 * array of paths) with `loadTorchBytes` and prints one JSON line per file `{ path, ms, growthKiB,
 * error }`, the peak resident memory growth measured as in tests/io/hostile-worker.ts (the peak is
 * reset between files through /proc/self/clear_refs on Linux; one file per process elsewhere).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadTorchBytes } from '../../src/io/torch.js';

const files = JSON.parse(process.argv[2] ?? '[]') as string[];
const gc = (globalThis as { gc?: () => void }).gc;

function statusKiB(field: string): number | null {
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

for (const path of files) {
  const bytes = new Uint8Array(readFileSync(path));
  gc?.();
  const reset = resetPeak();
  const before = statusKiB('VmRSS') ?? process.memoryUsage().rss / 1024;
  const t0 = performance.now();
  let error: { name: string; message: string } | null = null;
  try {
    loadTorchBytes(bytes);
  } catch (e) {
    error = e instanceof Error ? { name: e.name, message: e.message.slice(0, 300) } : { name: typeof e, message: String(e) };
  }
  const ms = performance.now() - t0;
  const peak = (reset ? statusKiB('VmHWM') : null) ?? process.resourceUsage().maxRSS;
  process.stdout.write(`${JSON.stringify({ path, ms, growthKiB: Math.max(0, peak - before), resetPeak: reset, error })}\n`);
}

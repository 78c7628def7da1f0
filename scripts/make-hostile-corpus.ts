/**
 * Writes the hostile corpus of tests/io/hostile-corpus.ts (issue 11, "loader bombs") to a
 * directory, and with --measure loads each file in a child process and prints its time, peak
 * memory growth and outcome:
 *
 *   node --import tsx scripts/make-hostile-corpus.ts [dir] [--measure]
 *
 * (default dir: $TMPDIR/paddle-hostile-corpus). --measure runs each file in its own process, so
 * the peak memory reported is that file's alone.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostileCorpus } from '../tests/io/hostile-corpus.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dirArg = process.argv.slice(2).find((a) => !a.startsWith('--'));
const out = resolve(dirArg ?? join(tmpdir(), 'paddle-hostile-corpus'));
const measure = process.argv.includes('--measure');
mkdirSync(out, { recursive: true });
for (const c of hostileCorpus()) {
  const path = join(out, `${c.name}.${c.format === 'pickle' ? 'pkl' : 'safetensors'}`);
  const bytes = c.make();
  writeFileSync(path, bytes);
  if (!measure) {
    console.log(`${path} (${bytes.length} bytes): ${c.summary}`);
    continue;
  }
  let line: string;
  try {
    line = execFileSync(
      process.execPath,
      ['--expose-gc', '--max-old-space-size=8192', '--stack-size=984', '--import', 'tsx', join(root, 'tests/io/hostile-worker.ts'), JSON.stringify([{ path, format: c.format }])],
      { cwd: root, encoding: 'utf8', timeout: 180_000 },
    );
  } catch (e) {
    line = JSON.stringify({ crashed: String((e as Error).message).slice(0, 200) });
  }
  const r = JSON.parse(line.trim().split('\n').pop() ?? '{}') as { ms?: number; growthKiB?: number; error?: { name: string; message: string } | null; crashed?: string };
  const outcome = r.crashed ?? (r.error === null || r.error === undefined ? 'loaded' : `${r.error.name}: ${r.error.message.slice(0, 140)}`);
  console.log(`${c.name}\t${bytes.length}\t${r.ms?.toFixed(0) ?? '-'} ms\t${r.growthKiB !== undefined ? (r.growthKiB / 1024).toFixed(0) : '-'} MiB\t${outcome}`);
}

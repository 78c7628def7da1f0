/**
 * Issue 11, loader bombs: every file of the hostile corpus (tests/io/hostile-corpus.ts) is refused
 * with its documented error class and a message naming the limit, or loaded, within 2 s and a
 * bounded peak memory growth, measured in child processes (tests/io/hostile-worker.ts). In-process
 * tests then check the limits' options.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TypeError as PaddleTypeError, ValueError } from '../../src/errors.js';
import { SafetensorsError, UnpicklingError } from '../../src/io/errors.js';
import { readSafetensors } from '../../src/io/safetensors.js';
import { loadBytes, saveBytes } from '../../src/io/save-load.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { containerRun, hostileCorpus, safetensors, splitPickle, zeroTensors, type HostileCase } from './hostile-corpus.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const WORKER = join(HERE, 'hostile-worker.ts');

/** A quarter-size corpus: the same shapes, quick enough beside the other test files on 2 cores. */
const SCALE = 0.25;
const TIME_LIMIT_MS = 2000;
const rssLimitKiB = (size: number): number => (200 * 2 ** 20 + 16 * size) / 1024;

interface Report {
  path: string;
  ms: number;
  growthKiB: number;
  resetPeak: boolean;
  error: { name: string; message: string } | null;
}

function runWorker(files: { path: string; format: string }[]): Promise<Report[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', WORKER, JSON.stringify(files)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`worker exited with ${String(code)}: ${err.slice(0, 2000)}`));
      else resolve(out.trim().split('\n').map((l) => JSON.parse(l) as Report));
    });
  });
}

const corpus = hostileCorpus(SCALE);
const dir = mkdtempSync(join(tmpdir(), 'paddle-hostile-'));
const sizes = new Map<string, number>();
const reports = new Map<string, Report>();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  const files = corpus.map((c) => {
    const path = join(dir, c.name);
    const bytes = c.make();
    writeFileSync(path, bytes);
    sizes.set(c.name, bytes.length);
    return { path, format: c.format, name: c.name };
  });
  // Linux resets the peak between files, so two workers share the corpus; elsewhere one file
  // per process, two at a time.
  const batches: (typeof files)[] = [];
  if (existsSync('/proc/self/clear_refs')) {
    batches.push(files.filter((_, i) => i % 2 === 0), files.filter((_, i) => i % 2 === 1));
  } else {
    for (const f of files) batches.push([f]);
  }
  const queue = [...batches];
  const lanes = [0, 1].map(async () => {
    for (let b = queue.shift(); b !== undefined; b = queue.shift()) {
      const rs = await runWorker(b.map(({ path, format }) => ({ path, format })));
      let batch = rs;
      // A platform without a resettable peak measured only the first file of a batch correctly.
      if (rs.some((r) => !r.resetPeak) && b.length > 1) batch = await Promise.all(b.map(async (f) => (await runWorker([f]))[0] as Report));
      batch.forEach((r, i) => reports.set((b[i] as { name: string }).name, r));
    }
  });
  await Promise.all(lanes);
}, 120_000);

describe('the hostile corpus: refused with a documented error, or loaded, in bounded time and memory', () => {
  it.each(corpus.map((c) => [c.name, c] as [string, HostileCase]))('%s', (name, c) => {
    const r = reports.get(name) as Report;
    expect(r, 'a report from the worker').toBeDefined();
    const size = sizes.get(name) as number;
    if (c.expect === 'either') {
      if (r.error !== null) expect(['UnpicklingError', 'SafetensorsError', 'ValueError'], r.error.message).toContain(r.error.name);
    } else {
      expect(r.error, 'refused').not.toBeNull();
      expect(r.error?.name, r.error?.message).toBe(c.expect.refused);
      expect(r.error?.message).toMatch(c.expect.message);
    }
    expect(r.ms, `${c.summary}: time`).toBeLessThan(TIME_LIMIT_MS);
    expect(r.growthKiB, `${c.summary}: peak memory growth (KiB) for ${size} bytes`).toBeLessThan(rssLimitKiB(size));
  });
});

function refusal(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a refusal');
}

describe('the limits are options where an honest file may need more', () => {
  it('maxExpansion raises the pickle budget; the default refuses, naming the option', () => {
    const bomb = containerRun(0x7d, 200_000); // 200 KB of '}'
    const e = refusal(() => loadBytes(bomb, { format: 'pickle' }));
    expect(e).toBeInstanceOf(UnpicklingError);
    expect(e.message).toMatch(/maxExpansion 32 × the input size \+ 1048576; a larger maxExpansion option raises it/);
    const list = loadBytes<unknown[]>(bomb, { format: 'pickle', maxExpansion: 256 });
    expect(list).toHaveLength(200_000);
  });

  it('maxDepth lowers or raises the nesting limit (deep results convert without recursion)', () => {
    const depth = 20_000;
    const b = new Uint8Array(2 + 2 * depth);
    b.set([0x80, 4]);
    b.fill(0x5d, 2, 2 + depth);
    b.fill(0x61, 2 + depth, 1 + 2 * depth);
    b[b.length - 1] = 0x2e;
    expect(refusal(() => loadBytes(b, { format: 'pickle', maxExpansion: 64 })).message).toMatch(/nested deeper than 1000 levels/);
    let v = loadBytes<unknown[]>(b, { format: 'pickle', maxExpansion: 64, maxDepth: depth });
    let d = 1;
    while (v.length > 0) {
      v = v[0] as unknown[];
      d++;
    }
    expect(d).toBe(depth);
  });

  it('maxTensors and maxHeaderSize bound a safetensors header; raising them admits an honest file', () => {
    const file = zeroTensors(1000);
    expect(refusal(() => readSafetensors(file, { maxTensors: 999 })).message).toMatch(/more than 999 tensors \(the maxTensors option raises the limit\)/);
    expect(readSafetensors(file, { maxTensors: 1000 }).tensors.size).toBe(1000);
    const e = refusal(() => loadBytes(file, { format: 'safetensors', maxHeaderSize: 1000 }));
    expect(e).toBeInstanceOf(SafetensorsError);
    expect(e.message).toMatch(/exceeds the limit of 1000 bytes \(HeaderTooLarge; the maxHeaderSize option raises it\)/);
    expect(Object.keys(loadBytes(file, { format: 'safetensors', maxTensors: 1000 }) as object)).toHaveLength(1000);
  });

  it('limit options are validated', () => {
    expect(refusal(() => loadBytes(zeroTensors(1), { maxTensors: 0 }))).toBeInstanceOf(ValueError);
    expect(refusal(() => loadBytes(zeroTensors(1), { maxTensors: 1.5 })).message).toMatch(/'maxTensors' must be a positive integer, but received 1.5/);
    expect(refusal(() => loadBytes(zeroTensors(1), { maxExpansion: '16' as never }))).toBeInstanceOf(PaddleTypeError);
    expect(refusal(() => loadBytes(zeroTensors(1), { maxExpansion: NaN }))).toBeInstanceOf(ValueError);
    expect(refusal(() => readSafetensors(zeroTensors(1), { max_tensors: 1 } as never)).message).toMatch(/Did you mean 'maxTensors'/);
  });

  it('split parameters: distinct slices reassemble; shared ones and wrong totals are refused', () => {
    const ok = loadBytes<Record<string, { shape: number[]; data: Float32Array }>>(
      splitPickle({ elements: 10, count: 3, originShape: 30, distinct: true }),
      { format: 'pickle', returnNumpy: true },
    );
    expect(Object.keys(ok)).toEqual(['big']);
    expect([...(ok.big as { shape: number[] }).shape]).toEqual([30]);
    const shared = refusal(() => loadBytes(splitPickle({ elements: 10, count: 3, originShape: 30, distinct: false }), { format: 'pickle' }));
    expect(shared).toBeInstanceOf(ValueError);
    expect(shared.message).toMatch(/slice "big@@.1" is the same array as slice "big@@.0"/);
    expect(refusal(() => loadBytes(splitPickle({ elements: 10, count: 3, originShape: 31, distinct: true }), { format: 'pickle' })).message).toMatch(
      /cannot reshape array of size 30 into shape \(31\)/,
    );
  });

  it('the reassembly of split parameters is charged to the budget', () => {
    // Three distinct 1 MB slices: a 3 MB file whose payloads (3 MB) and arrays (3 MB) fit a
    // budget of 2 × 3 MB + 1 MiB, but not with their reassembly (3 MB more).
    const file = splitPickle({ elements: 262_144, count: 3, originShape: 3 * 262_144, distinct: true });
    expect(Object.keys(loadBytes(file, { format: 'pickle' }) as object)).toEqual(['big']);
    const e = refusal(() => loadBytes(file, { format: 'pickle', maxExpansion: 2 }));
    expect(e).toBeInstanceOf(UnpicklingError);
    expect(e.message).toMatch(/reassembling the split parameter "big" would expand the pickle beyond/);
  });

  it('honest files fit the default budget: 40,000 one-element tensors (the costliest layout), a 4 MB tensor', () => {
    const many: Record<string, Tensor> = {};
    for (let i = 0; i < 40_000; i++) many[`p${i}`] = Tensor.fromArray(Float32Array.of(i), [1], 'float32', { name: `t_${i}` });
    for (const protocol of [2, 4]) {
      const back = loadBytes<Record<string, Tensor>>(saveBytes(many, { protocol }));
      expect(Object.keys(back)).toHaveLength(40_000);
    }
    const big = { w: Tensor.fromArray(new Float32Array(1 << 20), [1024, 1024], 'float32', { name: 'w' }) };
    for (const protocol of [2, 3, 4]) expect((loadBytes<Record<string, Tensor>>(saveBytes(big, { protocol }), { maxExpansion: 4 }).w as Tensor).shape).toEqual([1024, 1024]);
    const st = saveBytes(many, { format: 'safetensors' });
    expect(Object.keys(loadBytes(st, { format: 'safetensors' }) as object)).toHaveLength(40_000);
  });

  it('safetensors: dtypes are own entries of the table, shapes and offsets integer literals', () => {
    for (const dtype of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const e = refusal(() => readSafetensors(safetensors(`{"w":{"dtype":"${dtype}","shape":[1],"data_offsets":[0,4]}}`, new Uint8Array(4))));
      expect(e).toBeInstanceOf(SafetensorsError);
      expect(e.message).toContain(`dtype "${dtype}" is not supported`);
    }
    for (const dim of ['4.0', '4e0', '0.4e1', '-0', '4E+0']) {
      const e = refusal(() => readSafetensors(safetensors(`{"w":{"dtype":"F32","shape":[${dim}],"data_offsets":[0,16]}}`, new Uint8Array(16))));
      expect(e.message).toContain(`the value at "w" → "shape" holds the number ${dim}, not a non-negative integer`);
    }
    const ok = readSafetensors(safetensors('{"w":{"dtype":"F32","shape":[4],"data_offsets":[0,16],"extra":[1.5,{"a":null}]}}', new Uint8Array(16)));
    expect([...(ok.tensors.get('w') as unknown as { shape: number[] }).shape]).toEqual([4]);
    // "__proto__" as a tensor name or metadata key is plain data.
    const proto = readSafetensors(safetensors('{"__metadata__":{"__proto__":"x"},"__proto__":{"dtype":"U8","shape":[1],"data_offsets":[0,1]}}', new Uint8Array(1)));
    expect([...proto.tensors.keys()]).toEqual(['__proto__']);
    expect(proto.metadata?.get('__proto__')).toBe('x');
  });

  it('safetensors: JSON nesting and syntax errors are SafetensorsError, never RangeError', () => {
    const deep = (d: number): string => '['.repeat(d) + ']'.repeat(d);
    for (const header of [
      `{"__metadata__":{"x":${deep(2000)}}}`,
      `{"w":{"dtype":"F32","shape":[0],"data_offsets":[0,0],"x":${deep(200_000)}}}`,
      `{"w":${'{"a":'.repeat(100)}1${'}'.repeat(100)}}`,
      '{"w":{"dtype":"F32","shape":[0],"data_offsets":[0,0]},}',
      '{"w":{"dtype":"F32","shape":[01],"data_offsets":[0,0]}}',
      '{"w":"\\x"}',
      '{"w":"a\nb"}',
      '{"w":[1 2]}',
      '{"w":nul}',
      '{} x',
    ]) {
      const e = refusal(() => readSafetensors(safetensors(header)));
      expect(e, header.slice(0, 60)).toBeInstanceOf(SafetensorsError);
    }
  });
});

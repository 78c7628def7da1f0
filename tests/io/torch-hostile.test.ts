/**
 * Hostile `.pt` files, generated here: each is refused with its documented error class (ZipError
 * for the container, UnpicklingError for the pickle and the tensors it declares) and a message
 * naming the fault, quickly, and without touching the input. The budget cases show that views of
 * a small storage cannot allocate beyond maxExpansion × the file size.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ValueError } from '../../src/errors.js';
import { UnpicklingError, ZipError } from '../../src/io/errors.js';
import { pickle, PyGlobal, PyPersistentId, PyReduce } from '../../src/io/pickle-write.js';
import { PyTuple } from '../../src/io/py-value.js';
import { loadTorchBytes, saveTorchBytes } from '../../src/io/torch.js';
import { writeZip, type ZipEntry } from '../../src/io/zip-write.js';
import { Tensor } from '../../src/tensor/tensor.js';

const OD = new PyGlobal('collections', 'OrderedDict');
const V2 = new PyGlobal('torch._utils', '_rebuild_tensor_v2');
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

function pid(cls: string, key: string, numel: number): PyPersistentId {
  return new PyPersistentId(new PyTuple(['storage', new PyGlobal('torch', cls) as never, key, 'cpu', numel]));
}

/** `_rebuild_tensor_v2(storage, offset, size, stride, False, OrderedDict())`. */
function tensor(p: PyPersistentId, offset: number, size: number[], stride: number[], hooks: unknown = new PyReduce(OD, [])): PyReduce {
  return new PyReduce(V2, [p, offset, new PyTuple(size), new PyTuple(stride), false, hooks]);
}

function archive(value: unknown, storages: Uint8Array[] = [], extra: ZipEntry[] = []): Uint8Array {
  return writeZip([
    { name: 'archive/data.pkl', data: pickle(value, { protocol: 2 }) },
    ...storages.map((data, i) => ({ name: `archive/data/${i}`, data })),
    { name: 'archive/version', data: enc('3\n') },
    ...extra,
  ]);
}

const f32 = (...xs: number[]): Uint8Array => new Uint8Array(new Float32Array(xs).buffer);

/** A valid file to mutate: { w: [4] float32 }. */
function valid(): Uint8Array {
  return archive(new Map([['w', tensor(pid('FloatStorage', '0', 4), 0, [4], [1])]]), [f32(1, 2, 3, 4)]);
}

/** Offsets of the end record and of the first central directory entry. */
function layout(b: Uint8Array): { eocd: number; cd: number; v: DataView } {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const eocd = b.length - 22;
  return { eocd, cd: v.getUint32(eocd + 16, true), v };
}

/** Loads `bytes`, expecting `cls` with a message matching `msg`, within 1 s, input untouched. */
function refused(bytes: Uint8Array, cls: typeof ZipError | typeof UnpicklingError, msg: RegExp, options: { maxExpansion?: number } = {}): void {
  const copy = bytes.slice();
  const t0 = performance.now();
  let err: unknown = null;
  try {
    loadTorchBytes(bytes, options);
  } catch (e) {
    err = e;
  }
  expect(performance.now() - t0).toBeLessThan(1000);
  expect(err).toBeInstanceOf(cls);
  expect(err).toBeInstanceOf(ValueError);
  expect((err as Error).message).toMatch(msg);
  expect(bytes).toEqual(copy);
}

/** Flips every `step`-th byte of `good` in turn: each variant loads or fails with a ValueError. */
function flipEachByte(good: Uint8Array, step: number): void {
  for (let i = 0; i < good.length; i += step) {
    const b = good.slice();
    b[i] = (b[i] as number) ^ 0x5a;
    try {
      loadTorchBytes(b);
    } catch (e) {
      expect(e, `byte ${i}`).toBeInstanceOf(ValueError);
    }
  }
}

describe('loadTorch: hostile zip containers are refused with ZipError', () => {
  it('the valid base file loads', () => {
    const sd = loadTorchBytes(valid(), { as: 'stateDict' });
    expect(Array.from((sd.w as Tensor).data as Float32Array)).toEqual([1, 2, 3, 4]);
  });

  it('truncated files and garbage', () => {
    const b = valid();
    refused(b.subarray(0, b.length - 10), ZipError, /end-of-central-directory/);
    refused(b.subarray(0, 100), ZipError, /end-of-central-directory/);
    refused(new Uint8Array(10), ZipError, /too short/);
    refused(enc('PK\x03\x04 not really a zip archive at all, just text........'), ZipError, /end-of-central-directory/);
  });

  it('a central directory outside the file', () => {
    const b = valid();
    const { eocd, v } = layout(b);
    v.setUint32(eocd + 16, 0x7fff0000, true);
    refused(b, ZipError, /central directory .* lies outside the file/);
  });

  it('an entry count the central directory cannot hold', () => {
    const b = valid();
    const { eocd, v } = layout(b);
    v.setUint16(eocd + 8, 5000, true);
    v.setUint16(eocd + 10, 5000, true);
    refused(b, ZipError, /cannot fit/);
  });

  it('a huge declared entry size (a "bomb" without compression)', () => {
    const b = valid();
    const { cd, v } = layout(b);
    v.setUint32(cd + 20, 0x7fffffff, true);
    v.setUint32(cd + 24, 0x7fffffff, true);
    refused(b, ZipError, /beyond the data area/);
  });

  it('compressed and encrypted entries', () => {
    const b = valid();
    layout(b).v.setUint16(layout(b).cd + 10, 8, true);
    refused(b, ZipError, /compressed \(method 8\)/);
    const c = valid();
    layout(c).v.setUint16(layout(c).cd + 8, 0x0801, true);
    refused(c, ZipError, /encrypted/);
  });

  it('a zip64 marker without its records', () => {
    const b = valid();
    const { eocd, v } = layout(b);
    v.setUint32(eocd + 16, 0xffffffff, true);
    refused(b, ZipError, /zip64/);
  });

  it('overlapping entries (the overlapping-files zip bomb)', () => {
    // Two central entries pointing at the same local header would make one storage many.
    const b = archive(new Map([['w', tensor(pid('FloatStorage', '0', 4), 0, [4], [1])]]), [f32(1, 2, 3, 4)], [{ name: 'archive/data/1', data: f32(5, 6, 7, 8) }]);
    const { cd, v } = layout(b);
    // Walk to the entries of data/0 and data/1 and point the second at the first's local header.
    let p = cd;
    const offsets: number[] = [];
    const at: number[] = [];
    for (let i = 0; i < 4; i++) {
      at.push(p);
      offsets.push(v.getUint32(p + 42, true));
      p += 46 + v.getUint16(p + 28, true);
    }
    v.setUint32((at[3] as number) + 42, offsets[1] as number, true);
    refused(b, ZipError, /disagrees|overlap/);
  });

  it('a corrupt storage (CRC-32)', () => {
    const b = valid();
    const { cd, v } = layout(b);
    // The second entry is data/0: flip a byte of its data.
    const second = cd + 46 + v.getUint16(cd + 28, true);
    const local = v.getUint32(second + 42, true);
    const dataAt = local + 30 + v.getUint16(local + 26, true) + v.getUint16(local + 28, true);
    b[dataAt] = (b[dataAt] as number) ^ 0xff;
    refused(b, ZipError, /CRC-32/);
  });

  it('missing records, unknown versions, TorchScript archives', () => {
    refused(writeZip([{ name: 'archive/version', data: enc('3\n') }]), ZipError, /no 'archive\/data.pkl'/);
    refused(writeZip([{ name: 'archive/data.pkl', data: pickle(1, { protocol: 2 }) }]), ZipError, /no 'archive\/version'/);
    const v99 = writeZip([
      { name: 'archive/data.pkl', data: pickle(1, { protocol: 2 }) },
      { name: 'archive/version', data: enc('99\n') },
    ]);
    refused(v99, ZipError, /unsupported archive version "99"/);
    const big = writeZip([
      { name: 'archive/data.pkl', data: pickle(1, { protocol: 2 }) },
      { name: 'archive/byteorder', data: enc('middle') },
      { name: 'archive/version', data: enc('3\n') },
    ]);
    refused(big, ZipError, /byteorder/);
    const ts = writeZip([
      { name: 'm/data.pkl', data: pickle(1, { protocol: 2 }) },
      { name: 'm/constants.pkl', data: pickle(1, { protocol: 2 }) },
      { name: 'm/version', data: enc('3\n') },
    ]);
    refused(ts, ZipError, /TorchScript/);
    refused(writeZip([{ name: 'data.pkl', data: pickle(1, { protocol: 2 }) }]), ZipError, /top-level directory/);
  });

  it('bare pickles are named, not read as checkpoints', () => {
    refused(pickle({ a: 1 }, { protocol: 2 }), UnpicklingError, /bare pickle/);
  });
});

/** A legacy-format file: magic, protocol, sys_info, the object, the keys, then the storages. */
function legacyFile(value: unknown, keys: unknown, storages: Uint8Array, protocol = 1001, little: unknown = true): Uint8Array {
  const parts = [
    pickle(0x1950a86a20f9469cfc6cn, { protocol: 2 }),
    pickle(protocol, { protocol: 2 }),
    pickle(new Map<string, unknown>([['protocol_version', protocol], ['little_endian', little]]), { protocol: 2 }),
    pickle(value, { protocol: 2 }),
    pickle(keys, { protocol: 2 }),
    storages,
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function legacyPid(key: string, numel: number, view: unknown = null): PyPersistentId {
  return new PyPersistentId(new PyTuple(['storage', new PyGlobal('torch', 'FloatStorage') as never, key, 'cpu', numel, view as never]));
}

/** An int64 element count and float32 elements, as the legacy storage section holds them. */
function section(...xs: number[]): Uint8Array {
  const b = new Uint8Array(8 + 4 * xs.length);
  new DataView(b.buffer).setUint32(0, xs.length, true);
  b.set(f32(...xs), 8);
  return b;
}

describe('loadTorch: hostile legacy-format files are refused with UnpicklingError', () => {
  const w = (n = 2, view: unknown = null): PyReduce => tensor(legacyPid('k', n, view) as never, 0, [2], [1]);

  it('the valid base file loads', () => {
    const sd = loadTorchBytes(legacyFile(new Map([['w', w()]]), ['k'], section(1, 2)), { as: 'stateDict' });
    expect(Array.from((sd.w as Tensor).data as Float32Array)).toEqual([1, 2]);
  });

  it('a wrong protocol or sys_info, truncation, trailing bytes', () => {
    const ok = legacyFile(new Map([['w', w()]]), ['k'], section(1, 2));
    refused(ok.subarray(0, 14), UnpicklingError, /truncated|ends before/);
    refused(ok.subarray(0, ok.length - 3), UnpicklingError, /ends inside its 8 bytes/);
    refused(legacyFile(new Map([['w', w()]]), ['k'], section(1, 2), 1000), UnpicklingError, /protocol version 1000/);
    refused(legacyFile(new Map([['w', w()]]), ['k'], section(1, 2), 1001, 'yes'), UnpicklingError, /little_endian/);
    const extra = new Uint8Array(ok.length + 4);
    extra.set(ok);
    refused(extra, UnpicklingError, /4 bytes follow the last storage/);
  });

  it('storage sections that disagree with the pickle', () => {
    refused(legacyFile(new Map([['w', w()]]), ['k'], section(1, 2, 3)), UnpicklingError, /holds 3 elements where the pickle declared 2/);
    refused(legacyFile(new Map([['w', w()]]), ['other'], section(1, 2)), UnpicklingError, /never references/);
    refused(legacyFile(new Map([['w', w()]]), [], new Uint8Array(0)), UnpicklingError, /missing from the storage section/);
    refused(legacyFile(new Map([['w', w()]]), ['k', 'k'], section(1, 2)), UnpicklingError, /twice/);
    refused(legacyFile(new Map([['w', w()]]), 'k', section(1, 2)), UnpicklingError, /list of str/);
    refused(legacyFile(new Map([['w', w(2, new PyTuple(['v', 0, 2]))]]), ['k'], section(1, 2)), UnpicklingError, /view_metadata/);
    refused(legacyFile(new Map([['w', tensor(legacyPid('k', 2), 0, [3], [1])]]), ['k'], section(1, 2)), UnpicklingError, /reaches element 2/);
  });

  it('a huge declared storage is refused before the storage section is read', () => {
    refused(legacyFile(new Map([['w', w(2 ** 40)]]), ['k'], section(1, 2)), UnpicklingError, /would expand/);
  });

  it('a legacy file with one byte flipped anywhere is refused with a ValueError or read', () => {
    flipEachByte(legacyFile(new Map([['w', w()]]), ['k'], section(1, 2)), 1);
  });
});

describe('loadTorch: hostile pickles are refused with UnpicklingError', () => {
  it('globals outside the allow-list (code execution, NumPy, torch classes)', () => {
    refused(archive(new PyReduce(new PyGlobal('os', 'system'), ['echo pwned'])), UnpicklingError, /global 'os.system' is forbidden/);
    refused(archive(new PyReduce(new PyGlobal('builtins', 'eval'), ['1'])), UnpicklingError, /forbidden/);
    refused(archive(new PyReduce(new PyGlobal('numpy.core.multiarray', '_reconstruct'), [])), UnpicklingError, /forbidden/);
    refused(archive(new PyReduce(new PyGlobal('torch.nn.modules.linear', 'Linear'), [])), UnpicklingError, /forbidden/);
    refused(archive(new PyReduce(new PyGlobal('torch', 'FloatStorage'), [])), UnpicklingError, /only appear in a persistent id/);
  });

  it('persistent ids other than storages, and bare storages as values', () => {
    refused(archive(new PyPersistentId(new PyTuple(['module', 'x']))), UnpicklingError, /only storages are allowed/);
    refused(archive(new PyPersistentId('storage')), UnpicklingError, /must be a tuple/);
    refused(archive(new Map([['s', pid('FloatStorage', '0', 4)]]), [f32(1, 2, 3, 4)]), UnpicklingError, /storage '0' itself/);
    refused(archive(pid('FloatStorage', '../../etc/passwd', 4)), UnpicklingError, /malformed storage key/);
  });

  it('storages that disagree with their records', () => {
    refused(archive(tensor(pid('FloatStorage', '0', 4), 0, [4], [1])), UnpicklingError, /no record 'archive\/data\/0'/);
    refused(archive(tensor(pid('FloatStorage', '0', 1000), 0, [4], [1]), [f32(1, 2, 3, 4)]), UnpicklingError, /declares 1000 float32 elements .* holds 16 bytes/);
    const twice = new Map([
      ['a', tensor(pid('FloatStorage', '0', 4), 0, [4], [1])],
      ['b', tensor(pid('IntStorage', '0', 4), 0, [4], [1])],
    ]);
    refused(archive(twice, [f32(1, 2, 3, 4)]), UnpicklingError, /referenced as 4 float32 and as 4 int32/);
  });

  it('views outside their storage, negative strides and offsets', () => {
    const s = [f32(1, 2, 3, 4)];
    refused(archive(tensor(pid('FloatStorage', '0', 4), 0, [5], [1]), s), UnpicklingError, /reaches element 4 of a storage of 4/);
    refused(archive(tensor(pid('FloatStorage', '0', 4), 3, [2], [1]), s), UnpicklingError, /reaches element 4/);
    refused(archive(tensor(pid('FloatStorage', '0', 4), 0, [2, 2], [3, 1]), s), UnpicklingError, /reaches element 4/);
    refused(archive(tensor(pid('FloatStorage', '0', 4), 0, [2], [-1]), s), UnpicklingError, /stride\[0\] must be a non-negative int/);
    refused(archive(tensor(pid('FloatStorage', '0', 4), -1, [2], [1]), s), UnpicklingError, /storage_offset/);
    refused(archive(tensor(pid('FloatStorage', '0', 4), 0, [2], [1, 1]), s), UnpicklingError, /equal length/);
    refused(archive(tensor(pid('FloatStorage', '0', 4), 0, [2], [2 ** 40]), s), UnpicklingError, /reaches beyond the storage/);
  });

  it('backward hooks (code) are refused', () => {
    const hooks = new PyReduce(OD, [[new PyTuple([0, new PyGlobal('os', 'system') as never])] as never]);
    refused(archive(tensor(pid('FloatStorage', '0', 4), 0, [4], [1], hooks), [f32(1, 2, 3, 4)]), UnpicklingError, /forbidden/);
    const nonEmpty = new PyReduce(OD, [[new PyTuple([0, 1])] as never]);
    refused(archive(tensor(pid('FloatStorage', '0', 4), 0, [4], [1], nonEmpty), [f32(1, 2, 3, 4)]), UnpicklingError, /backward_hooks must be an empty OrderedDict/);
  });

  it('stride-0 views of a tiny storage cannot allocate beyond the budget', () => {
    // 2^40 elements declared over one float: refused before any allocation.
    const huge = archive(tensor(pid('FloatStorage', '0', 1), 0, [2 ** 20, 2 ** 20], [0, 0]), [f32(1)]);
    refused(huge, UnpicklingError, /would expand the pickle beyond what its \d+ bytes justify/);
    // 2000 memo references to one 4096-element view: one copy, shared (as in PyTorch).
    const p = pid('FloatStorage', '0', 1);
    const view = tensor(p, 0, [64, 64], [0, 0]);
    const shared = loadTorchBytes<Tensor[]>(archive(Array.from({ length: 2000 }, () => view), [f32(1)]));
    expect(shared).toHaveLength(2000);
    expect(shared[1999]).toBe(shared[0]);
    // Distinct views each cost their copy: the same file refused, a larger maxExpansion admits it.
    const distinct = archive(Array.from({ length: 200 }, () => tensor(p, 0, [64, 64], [0, 0])), [f32(1)]);
    refused(distinct, UnpicklingError, /maxExpansion/);
    const ok = loadTorchBytes<Tensor[]>(distinct, { maxExpansion: 100_000 });
    expect(ok).toHaveLength(200);
    expect(Array.from((ok[0] as Tensor).data as Float32Array).every((x) => x === 1)).toBe(true);
  });

  it('a saveTorch file with one byte flipped anywhere is refused or read, never crashes', () => {
    flipEachByte(saveTorchBytes({ a: Tensor.fromArray(new Float32Array([1, 2, 3]), [3], 'float32'), b: [1, 'x', null] }), 3);
  });
});

describe('loadTorch: large hostile files in a child process, bounded in time and peak memory', () => {
  const HERE = dirname(fileURLToPath(import.meta.url));
  const MiB = 2 ** 20;
  // The hostile corpus's bound (tests/io/hostile.test.ts): 200 MiB plus 16 × the file size.
  const limitKiB = (size: number): number => (200 * MiB + 16 * size) / 1024;

  it('bombs are refused, an honest 16 MiB file loads, each under 2 s and the memory bound', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paddle-torch-hostile-'));
    try {
      const p = pid('FloatStorage', '0', 1);
      const cases: { name: string; bytes: Uint8Array; refused: RegExp | null }[] = [
        // 2^36 elements (256 GiB of float32) declared over one float.
        { name: 'stride0', bytes: archive(tensor(p, 0, [2 ** 18, 2 ** 18], [0, 0]), [f32(1)]), refused: /would expand/ },
        // 10,000 distinct 64×64 stride-0 views of one float: 160 MiB of copies from a ~0.5 MB file.
        { name: 'views', bytes: archive(Array.from({ length: 10_000 }, () => tensor(p, 0, [64, 64], [0, 0])), [f32(1)]), refused: /would expand/ },
        // An entry claiming 2 GiB in a small file.
        { name: 'size', bytes: (() => { const b = valid(); const { cd, v } = layout(b); v.setUint32(cd + 20, 0x7fffffff, true); v.setUint32(cd + 24, 0x7fffffff, true); return b; })(), refused: /beyond the data area/ },
        { name: 'honest', bytes: saveTorchBytes({ w: Tensor.fromArray(new Float32Array(4 * MiB).fill(0.5), [2048, 2048], 'float32') }), refused: null },
      ];
      const paths = cases.map((c) => {
        const path = join(dir, `${c.name}.pt`);
        writeFileSync(path, c.bytes);
        return path;
      });
      const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(HERE, 'torch-hostile-worker.ts'), JSON.stringify(paths)], {
        cwd: join(HERE, '..', '..'),
        encoding: 'utf8',
      });
      expect(r.status, r.stderr).toBe(0);
      const reports = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { ms: number; growthKiB: number; error: { name: string; message: string } | null });
      cases.forEach((c, i) => {
        const rep = reports[i] as (typeof reports)[number];
        if (c.refused === null) expect(rep.error, c.name).toBeNull();
        else {
          expect(['UnpicklingError', 'ZipError'], c.name).toContain(rep.error?.name);
          expect(rep.error?.message, c.name).toMatch(c.refused);
        }
        expect(rep.ms, `${c.name}: time`).toBeLessThan(2000);
        expect(rep.growthKiB, `${c.name}: peak growth for ${c.bytes.length} bytes`).toBeLessThan(limitKiB(c.bytes.length));
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

/**
 * paddle.io.saveTorch: the zip layout torch.save writes (records, 64-byte alignment, protocol-2
 * pickle with _rebuild_tensor_v2 and storage persistent ids), round trips through loadTorch, and,
 * where /usr/bin/python3 has PyTorch, torch.load(weights_only=True) of the result (the generator
 * scripts/gen-torch-fixtures.py checks the same once, with the optimizer files too).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { TypeError as PaddleTypeError, ValueError } from '../../src/errors.js';
import { pyFloat } from '../../src/io/py-value.js';
import { loadTorch, loadTorchBytes, loadTorchSync, saveTorch, saveTorchBytes, saveTorchSync } from '../../src/io/torch.js';
import { ZipArchive } from '../../src/io/zip-read.js';
import { Tensor } from '../../src/tensor/tensor.js';
import * as paddle from '../../src/index.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const FIX = join(HERE, '..', 'fixtures', 'torch');
const dir = mkdtempSync(join(tmpdir(), 'paddle-torch-save-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const t = (data: number[], shape: number[], dtype: 'float32' | 'float64' | 'int32' | 'int64' | 'uint8' | 'bool' = 'float32'): Tensor => {
  const arr =
    dtype === 'float32' ? new Float32Array(data) : dtype === 'float64' || dtype === 'int64' ? new Float64Array(data) : dtype === 'int32' ? new Int32Array(data) : new Uint8Array(data);
  return Tensor.fromArray(arr, shape, dtype);
};

const values = (x: unknown): number[] => Array.from((x as Tensor).data as ArrayLike<number>);

describe('saveTorch: the layout torch.save writes', () => {
  it('records: data.pkl, byteorder, one storage per tensor, version "3"; data aligned to 64 bytes', () => {
    const bytes = saveTorchBytes({ a: t([1, 2, 3], [3]), b: t([4], [1, 1], 'int64') });
    const zip = ZipArchive.open(bytes);
    expect(zip.names).toEqual(['archive/data.pkl', 'archive/byteorder', 'archive/data/0', 'archive/data/1', 'archive/version']);
    expect(new TextDecoder().decode(zip.read('archive/version'))).toBe('3\n');
    expect(new TextDecoder().decode(zip.read('archive/byteorder'))).toBe('little');
    for (const n of zip.names) expect(zip.read(n).byteOffset % 64, n).toBe(0);
    expect(Array.from(new Float32Array(zip.read('archive/data/0').slice().buffer))).toEqual([1, 2, 3]);
    const pkl = new TextDecoder('latin1').decode(zip.read('archive/data.pkl'));
    expect(pkl.startsWith('\x80\x02')).toBe(true);
    expect(pkl).toContain('ctorch._utils\n_rebuild_tensor_v2\n');
    expect(pkl).toContain('ctorch\nFloatStorage\n');
    expect(pkl).toContain('ctorch\nLongStorage\n');
    expect(pkl).toContain('Q'); // BINPERSID
  });

  it('equal inputs give equal bytes', () => {
    const sd = { w: t([1, 2], [2]) };
    expect(saveTorchBytes(sd)).toEqual(saveTorchBytes(sd));
  });
});

describe('saveTorch → loadTorch round trips', () => {
  it('every dtype, shapes (0-d, empty), nested containers, int and string keys', () => {
    const obj = {
      f32: t([1.5, -2, 3.25], [3]),
      f64: t([Math.PI], [], 'float64'),
      i64: t([2 ** 40, -(2 ** 53 - 1)], [2], 'int64'),
      i32: t([7, -8, 2 ** 31 - 1, -(2 ** 31)], [2, 2], 'int32'),
      u8: t([0, 255], [2], 'uint8'),
      b: t([1, 0, 1], [3], 'bool'),
      empty: t([], [0, 3]),
      nested: { list: [1, 2.5, 'x', null, true], map: new Map<number | string, unknown>([[3, 'three'], ['k', t([9], [1])]]) },
      state: { 0: { step: 3 }, 10: { step: 4 } },
      '01': 'a string key, not an int',
    };
    const back = loadTorchBytes<Record<string, unknown>>(saveTorchBytes(obj));
    for (const k of ['f32', 'f64', 'i64', 'i32', 'u8', 'b', 'empty']) {
      const a = obj[k as keyof typeof obj] as Tensor;
      const r = back[k] as Tensor;
      expect(r.dtype, k).toBe(a.dtype);
      expect([...r.shape], k).toEqual([...a.shape]);
      expect(values(r), k).toEqual(values(a));
    }
    const nested = back.nested as { list: unknown[]; map: Record<string, unknown> };
    expect(nested.list).toEqual([1, 2.5, 'x', null, true]);
    expect(nested.map['3']).toBe('three');
    expect(values(nested.map.k)).toEqual([9]);
    expect(back['01']).toBe('a string key, not an int');
    // Canonical integer keys of plain objects are written as Python ints, as torch.optim needs.
    const m = loadTorchBytes<Map<unknown, unknown>>(saveTorchBytes(obj), { dictAs: 'map' });
    expect([...(m.get('state') as Map<unknown, unknown>).keys()]).toEqual([0, 10]);
    expect(m.has('01')).toBe(true);
  });

  it('a tensor saved twice is one storage, loaded as one Tensor', () => {
    const w = t([1, 2], [2]);
    const bytes = saveTorchBytes({ a: w, b: w });
    expect(ZipArchive.open(bytes).names.filter((n) => n.startsWith('archive/data/'))).toEqual(['archive/data/0']);
    const back = loadTorchBytes<Record<string, Tensor>>(bytes);
    expect(back.a).toBe(back.b);
  });

  it('the PyTorch fixtures survive saveTorch → loadTorch unchanged', () => {
    for (const name of ['model_state.pt', 'rmsprop_centered.pt']) {
      const a = loadTorchSync<Record<string, unknown>>(join(FIX, name), { returnNumpy: true });
      const b = loadTorchBytes<Record<string, unknown>>(saveTorchBytes(a), { returnNumpy: true });
      expect(JSON.stringify(b, replacer)).toBe(JSON.stringify(a, replacer));
    }
  });

  it('async and sync files; atomic write into new directories', async () => {
    const sd = new paddle.nn.Linear(3, 2).stateDict();
    await saveTorch(sd, join(dir, 'a', 'model.pt'));
    saveTorchSync(sd, join(dir, 'b', 'model.pt'));
    expect(readFileSync(join(dir, 'a', 'model.pt'))).toEqual(readFileSync(join(dir, 'b', 'model.pt')));
    const back = await loadTorch(join(dir, 'a', 'model.pt'), { as: 'stateDict' });
    expect(Object.keys(back)).toEqual(Object.keys(sd));
    for (const k of Object.keys(sd)) expect(values(back[k])).toEqual(values(sd[k]));
  });

  it('refuses what PyTorch could not hold, changing nothing', () => {
    expect(() => saveTorchBytes({ f: () => 1 })).toThrow(PaddleTypeError);
    expect(() => saveTorchBytes({ layer: new paddle.nn.Linear(2, 2) })).toThrow(/stateDict/);
    expect(() => saveTorchBytes({ raw: new Uint8Array(2) })).toThrow(/weights_only/);
    const cyc: Record<string, unknown> = {};
    cyc.self = cyc;
    expect(() => saveTorchBytes(cyc)).toThrow(ValueError);
    expect(() => saveTorchSync({}, 3 as never)).toThrow(ValueError);
    expect(existsSync(join(dir, 'never.pt'))).toBe(false);
  });
});

/** Typed arrays as lists; `sourceDType` dropped (float16/bfloat16 are written back as float32). */
function replacer(k: string, v: unknown): unknown {
  if (k === 'sourceDType') return undefined;
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
  return v;
}

/** Whether /usr/bin/python3 can import torch (Debian's python3-torch). */
function havePythonTorch(): boolean {
  if (!existsSync('/usr/bin/python3')) return false;
  const ok = spawnSync('/usr/bin/python3', ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;
  if (!ok) process.stdout.write('tests/io/torch-save: /usr/bin/python3 has no torch; the PyTorch read-back is skipped (the TypeScript round trips above still run).\n');
  return ok;
}

describe('saveTorch files in PyTorch', () => {
  it.runIf(havePythonTorch())('torch.load(weights_only=True) reads a state dict of every dtype; torch.load reads floats', () => {
    const path = join(dir, 'py.pt');
    saveTorchSync(
      {
        w: t([1.5, -2, 3.25, 4], [2, 2]),
        d: t([Math.PI], [], 'float64'),
        l: t([2 ** 40, -5], [2], 'int64'),
        i: t([7], [1], 'int32'),
        u: t([255], [1], 'uint8'),
        b: t([1, 0], [2], 'bool'),
      },
      path,
    );
    const floats = join(dir, 'floats.pt');
    saveTorchSync({ state: { 0: { step: 2 } }, param_groups: [{ lr: pyFloat(0.5), params: [0] }] }, floats);
    const script = `
import torch, sys
sd = torch.load(sys.argv[1], weights_only=True)
assert list(sd) == ['w', 'd', 'l', 'i', 'u', 'b'], list(sd)
assert sd['w'].tolist() == [[1.5, -2.0], [3.25, 4.0]] and sd['w'].dtype == torch.float32
assert sd['d'].item() == 3.141592653589793 and sd['d'].dtype == torch.float64 and sd['d'].dim() == 0
assert sd['l'].tolist() == [2**40, -5] and sd['l'].dtype == torch.int64
assert sd['i'].dtype == torch.int32 and sd['u'].dtype == torch.uint8 and sd['u'].item() == 255
assert sd['b'].tolist() == [True, False]
o = torch.load(sys.argv[2])
assert o == {'state': {0: {'step': 2}}, 'param_groups': [{'lr': 0.5, 'params': [0]}]}, o
print('ok')
`;
    const r = spawnSync('/usr/bin/python3', ['-c', script, path, floats], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('ok');
  });
});

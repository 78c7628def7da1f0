import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  KeyError,
  NotImplementedError,
  TypeError as PaddleTypeError,
  ValueError,
} from '../../src/errors.js';
import { UnpicklingError } from '../../src/io/errors.js';
import { isNdArray, ndarray, type NdArray } from '../../src/io/ndarray.js';
import { unpickle } from '../../src/io/pickle-read.js';
import { pickle } from '../../src/io/pickle-write.js';
import { PyTuple, type PyKey, type PyValue } from '../../src/io/py-value.js';
import { readSafetensors } from '../../src/io/safetensors.js';
import {
  load,
  loadBytes,
  loadSync,
  NAME_TABLE_KEY,
  save,
  saveBytes,
  saveSync,
  unpackSavedDict,
} from '../../src/io/save-load.js';
import { Parameter } from '../../src/tensor/parameter.js';
import { SelectedRows } from '../../src/tensor/selected-rows.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { expectedOf, fixture, havePythonNumpy, parseNum, pythonRead, scratchDir } from './helpers.js';

const scratch = scratchDir();
afterAll(() => scratch.cleanup());

type NdJson = { $nd: { dtype: string; shape: number[]; data: string[] } };

/** The arrays of a fixture's expected dict, by key. */
function expectedArrays(name: string): Map<string, NdJson['$nd']> {
  const d = (expectedOf(name) as unknown as { $dict: [string, unknown][] }).$dict;
  const out = new Map<string, NdJson['$nd']>();
  for (const [k, v] of d) if (typeof v === 'object' && v !== null && '$nd' in v) out.set(k, (v as NdJson).$nd);
  return out;
}

function param(e: NdJson['$nd'], name: string): Parameter {
  const p = new Parameter(e.shape, e.dtype as 'float32', { name });
  p.data.set(e.data.map(parseNum));
  return p;
}

/** The Linear state dict of the fixtures, as Parameters named like Paddle's. */
function linearStateDict(): Record<string, Tensor> {
  const a = expectedArrays('linear.p4.pdparams');
  return {
    weight: param(a.get('weight') as NdJson['$nd'], 'linear_0.w_0'),
    bias: param(a.get('bias') as NdJson['$nd'], 'linear_0.b_0'),
  };
}

/** The RMSProp optimizer state dict of the fixtures (accumulators named as their keys). */
function rmspropStateDict(): Record<string, unknown> {
  const sd: Record<string, unknown> = {};
  for (const [k, e] of expectedArrays('rmsprop.p4.pdopt')) {
    sd[k] = Tensor.fromArray(Float32Array.from(e.data.map(parseNum)), e.shape, 'float32', { name: k });
  }
  sd['LR_Scheduler'] = { last_epoch: 3, last_lr: 0.05 };
  return sd;
}

/** JSON.stringify support for Maps, bigints, typed arrays and PyTuples (for equality checks). */
function replacer(_k: string, v: unknown): unknown {
  if (v instanceof Map) return { map: [...v.entries()] };
  if (typeof v === 'bigint') return `${v}n`;
  if (ArrayBuffer.isView(v)) return Array.from(v as Float32Array, String);
  if (v instanceof PyTuple) return { tuple: v.items };
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  return v;
}

function values(t: unknown): number[] {
  expect(t).toBeInstanceOf(Tensor);
  return Array.from((t as Tensor).numpy());
}

describe('save: Paddle state dicts are written exactly as paddle.save writes them', () => {
  it.each([2, 3, 4])('Linear state dict, protocol %i: byte-identical to CPython+NumPy 1.x pickle.dump', (p) => {
    const ours = saveBytes(linearStateDict(), { protocol: p });
    expect(Buffer.from(ours).equals(Buffer.from(fixture(`numpy1.p${p}.pdparams`)))).toBe(true);
  });

  it.each([2, 3, 4])('RMSProp state dict with LR_Scheduler, protocol %i: byte-identical', (p) => {
    const ours = saveBytes(rmspropStateDict(), { protocol: p });
    expect(Buffer.from(ours).equals(Buffer.from(fixture(`numpy1-rmsprop.p${p}.pdopt`)))).toBe(true);
  });

  it('the default protocol is 4, and the name table follows the tensors', () => {
    const raw = unpickle(saveBytes(linearStateDict())) as Map<string, unknown>;
    expect(saveBytes(linearStateDict())[1]).toBe(4);
    expect([...raw.keys()]).toEqual(['weight', 'bias', NAME_TABLE_KEY]);
    expect(raw.get(NAME_TABLE_KEY)).toEqual(new Map([['weight', 'linear_0.w_0'], ['bias', 'linear_0.b_0']]));
    expect(isNdArray(raw.get('weight'))).toBe(true);
  });

  it('LR_Scheduler floats stay Python floats even when integral (last_lr = 1 → 1.0)', () => {
    const bytes = saveBytes({ LR_Scheduler: { last_epoch: 2, last_lr: 1, best: 0 } });
    const hex = Buffer.from(bytes).toString('hex');
    const float1 = '473ff0000000000000'; // BINFLOAT 1.0
    const float0 = '470000000000000000'; // BINFLOAT 0.0
    expect(hex).toContain(float1);
    expect(hex).toContain(float0);
    expect(hex).toContain('4b02'); // BININT1 2: last_epoch stays an int
  });

  it('split: protocols 2/3 cut arrays over the byte bound into slices (layout of _unpack_saved_dict)', () => {
    const a = expectedArrays('split.p2.pdparams');
    const saved = new Map<PyKey, PyValue>([
      ['weight', ndarray(Float32Array.from((a.get('weight') as NdJson['$nd']).data.map(parseNum)), [3, 5])],
      ['bias', ndarray(Float32Array.from((a.get('bias') as NdJson['$nd']).data.map(parseNum)), [2])],
      [NAME_TABLE_KEY, new Map<PyKey, PyValue>([['weight', 'fc.w_0'], ['bias', 'fc.b_0']])],
    ]);
    const ours = pickle(unpackSavedDict(saved as never, 2, 16), { protocol: 2 });
    const theirs = Buffer.from(fixture('split.p2.pdparams')).toString('latin1').replaceAll('numpy._core.multiarray', 'numpy.core.multiarray');
    expect(Buffer.from(ours).toString('latin1') === theirs).toBe(true);
    expect(unpackSavedDict(new Map(saved) as never, 4, 16)).toEqual(new Map(saved));
  });

  it('a dict holding an NdArray is not a state dict (Paddle: an ndarray value is not a Tensor)', () => {
    const bytes = saveBytes({ w: ndarray(Float32Array.from([1, 2]), [2]) });
    expect((unpickle(bytes) as Map<string, unknown>).has(NAME_TABLE_KEY)).toBe(false);
    // Without a name table or (name, array) tuples, paddle.load turns every array into a Tensor.
    expect(loadBytes<Record<string, unknown>>(bytes)['w']).toBeInstanceOf(Tensor);
  });

  it('the generic path pickles each Tensor as (name, ndarray); shared tensors stay one tuple', () => {
    const t = Tensor.fromArray(Float64Array.from([1, 2]), [2], 'float64', { name: 'x_0' });
    const raw = unpickle(saveBytes({ model: { w: t }, again: t, epoch: 100 })) as Map<string, PyValue>;
    const tup = (raw.get('model') as Map<string, PyValue>).get('w') as PyTuple;
    expect(tup).toBeInstanceOf(PyTuple);
    expect(tup.items[0]).toBe('x_0');
    expect(raw.get('again')).toBe(tup);
    expect(raw.get('epoch')).toBe(100);
    expect(raw.has(NAME_TABLE_KEY)).toBe(false);
    const bare = unpickle(saveBytes(t)) as PyTuple;
    expect(bare.items[0]).toBe('x_0');
  });
});

describe('load: Paddle post-processing of the loaded pickle', () => {
  it.each(['linear.p2.pdparams', 'linear.p3.pdparams', 'linear.p4.pdparams', 'numpy1.p4.pdparams'])(
    '%s: named Tensors, name table removed',
    (name) => {
      const sd = loadBytes<Record<string, Tensor>>(fixture(name));
      expect(Object.keys(sd)).toEqual(['weight', 'bias']);
      const a = expectedArrays(name);
      expect(sd['weight']?.name).toBe('linear_0.w_0');
      expect(sd['bias']?.name).toBe('linear_0.b_0');
      expect([...(sd['weight'] as Tensor).shape]).toEqual([3, 2]);
      expect((sd['weight'] as Tensor).dtype).toBe('float32');
      expect(values(sd['weight'])).toEqual((a.get('weight') as NdJson['$nd']).data.map(parseNum));
      expect((sd['weight'] as Tensor).stopGradient).toBe(true);
    },
  );

  it('keepNameTable keeps the table; returnNumpy gives NdArrays; dictAs map gives Maps', () => {
    const kept = loadBytes<Record<string, unknown>>(fixture('linear.p4.pdparams'), { keepNameTable: true });
    expect(kept[NAME_TABLE_KEY]).toEqual({ weight: 'linear_0.w_0', bias: 'linear_0.b_0' });
    const np = loadBytes<Record<string, NdArray>>(fixture('linear.p4.pdparams'), { returnNumpy: true });
    expect(isNdArray(np['weight'])).toBe(true);
    const m = loadBytes<Map<string, unknown>>(fixture('linear.p4.pdparams'), { dictAs: 'map' });
    expect(m).toBeInstanceOf(Map);
    expect([...m.keys()]).toEqual(['weight', 'bias']);
  });

  it('RMSProp .pdopt: accumulators become Tensors named from the table; LR_Scheduler is untouched', () => {
    for (const name of ['rmsprop.p2.pdopt', 'rmsprop.p4.pdopt']) {
      const sd = loadBytes<Record<string, unknown>>(fixture(name));
      const keys = [...expectedArrays(name).keys()];
      expect(Object.keys(sd)).toEqual([...keys, 'LR_Scheduler']);
      for (const k of keys) expect((sd[k] as Tensor).name).toBe(k);
      expect(sd['LR_Scheduler']).toEqual({ last_epoch: 3, last_lr: 0.05 });
    }
  });

  it('split parameters are reassembled (and land after the other keys, as in Paddle)', () => {
    const sd = loadBytes<Record<string, Tensor>>(fixture('split.p2.pdparams'));
    expect(Object.keys(sd)).toEqual(['bias', 'weight']);
    expect([...(sd['weight'] as Tensor).shape]).toEqual([3, 5]);
    expect((sd['weight'] as Tensor).name).toBe('fc.w_0');
    const a = expectedArrays('split.p2.pdparams');
    expect(values(sd['weight'])).toEqual((a.get('weight') as NdJson['$nd']).data.map(parseNum));
  });

  it('generic pickles: (name, ndarray) tuples become named Tensors; other values stay', () => {
    const g = loadBytes<{ model: Record<string, Tensor>; epoch: number; tag: string }>(fixture('generic.p4.pdparams'));
    expect(g.model['w']?.name).toBe('linear_1.w_0');
    expect(g.model['b']?.name).toBe('linear_1.b_0');
    expect(g.epoch).toBe(100);
    expect(g.tag).toBe('ckpt');
    const t = loadBytes<Tensor>(fixture('tensor.p4.pdtensor'));
    expect(t.name).toBe('t_0');
    expect(t.dtype).toBe('float64');
    expect(values(t)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(loadBytes<NdArray>(fixture('tensor.p4.pdtensor'), { returnNumpy: true }).dtype).toBe('float64');
  });

  it('Paddle-2.0 pickles without table or tuples: every ndarray becomes a Tensor', () => {
    const b = loadBytes<{ w: Tensor; nested: Tensor[] }>(fixture('bare.p4.pdparams'));
    expect(b.w).toBeInstanceOf(Tensor);
    expect(b.nested[0]).toBeInstanceOf(Tensor);
    expect(b.nested[0]?.dtype).toBe('int32');
  });

  it('round trip of live tensors: values, dtypes, shapes, names; int64 and bool too', () => {
    const sd = {
      w: Tensor.fromArray(Float32Array.from([NaN, Infinity, -0, 1.5]), [2, 2], 'float32', { name: 'w_0' }),
      ids: Tensor.fromArray(Float64Array.from([2 ** 53 - 1, -3]), [2], 'int64', { name: 'ids_0' }),
      mask: Tensor.fromArray(Uint8Array.from([1, 0]), [2], 'bool', { name: 'mask_0' }),
      s: Tensor.fromArray(Float64Array.from([3]), [], 'float64', { name: 's_0' }),
    };
    for (const protocol of [2, 3, 4]) {
      const back = loadBytes<Record<string, Tensor>>(saveBytes(sd, { protocol }));
      for (const [k, t] of Object.entries(sd)) {
        const r = back[k] as Tensor;
        expect(r.name).toBe(t.name);
        expect(r.dtype).toBe(t.dtype);
        expect([...r.shape]).toEqual([...t.shape]);
        expect(Array.from(r.numpy()).map(String)).toEqual(Array.from(t.numpy()).map(String));
      }
    }
  });

  it("nesting: 1000 levels save and load (the reader's bound), 1001 is a ValueError before writing", () => {
    const nested = (n: number): unknown => {
      let v: unknown = [];
      for (let i = 1; i < n; i++) v = [v];
      return v;
    };
    let back = loadBytes<unknown[]>(saveBytes(nested(1000)));
    let depth = 1;
    while (back.length > 0) {
      back = back[0] as unknown[];
      depth++;
    }
    expect(depth).toBe(1000);
    expect(() => saveBytes(nested(1001))).toThrow(/nested deeper than 1000 levels/);
    expect(() => saveBytes({ a: nested(1000) })).toThrow(/nested deeper than 1000 levels/);
    expect(() => saveBytes(nested(100000))).toThrow(ValueError);
  });

  it('wide values: 300 000 list items and dict keys load without exhausting call arguments', () => {
    const list = Array.from({ length: 300000 }, (_, i) => i);
    const dict = new Map<PyKey, PyValue>(list.map((i) => [`k${i}`, i]));
    const back = loadBytes<{ l: number[]; d: Record<string, number> }>(saveBytes({ l: list, d: dict }));
    expect(back.l.length).toBe(300000);
    expect(back.l[299999]).toBe(299999);
    expect(Object.keys(back.d).length).toBe(300000);
  });

  it('reads from a view at a non-zero, unaligned byte offset (pickle and safetensors)', () => {
    for (const src of [fixture('mixed.p4.pkl'), fixture('wide.safetensors'), fixture('rmsprop.p2.pdopt')]) {
      const buf = new Uint8Array(src.length + 3);
      buf.set(src, 3);
      const view = buf.subarray(3);
      expect(JSON.stringify(loadBytes(view, { returnNumpy: true, dictAs: 'map' }), replacer)).toBe(
        JSON.stringify(loadBytes(src, { returnNumpy: true, dictAs: 'map' }), replacer),
      );
    }
  });

  it('dict keys: integer keys become strings in objects, need dictAs map when they collide', () => {
    const bytes = pickle(new Map<PyKey, PyValue>([[2, 'a'], ['x', 'b']]));
    expect(loadBytes(bytes)).toEqual({ 2: 'a', x: 'b' });
    const clash = pickle(new Map<PyKey, PyValue>([[1, 'a'], ['1', 'b']]));
    expect(() => loadBytes(clash)).toThrow(/pass \{ dictAs: 'map' \}/);
    expect(loadBytes<Map<unknown, unknown>>(clash, { dictAs: 'map' }).get(1)).toBe('a');
    const proto = pickle(new Map<PyKey, PyValue>([['__proto__', 'p']]));
    const o = loadBytes<Record<string, unknown>>(proto);
    expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
    expect(Object.keys(o)).toEqual(['__proto__']);
  });
});

describe('save/load: errors (documented kinds, Paddle messages)', () => {
  it('protocol and option checks', () => {
    expect(() => saveBytes({}, { protocol: 5 })).toThrow("Expected 1<'protocol'<5, but received protocol=5");
    expect(() => saveBytes({}, { protocol: 2.5 })).toThrow(ValueError);
    expect(() => saveBytes({}, { pickleProtocol: 1, protocol: 4 })).toThrow('protocol=1');
    expect(() => saveBytes({}, { protocl: 4 } as never)).toThrow(PaddleTypeError);
    expect(() => saveBytes({}, { use_binary_format: true } as never)).toThrow(/Did you mean 'useBinaryFormat'/);
    expect(() => saveBytes({}, { useBinaryFormat: 1 } as never)).toThrow('Type of `use_binary_format` should be bool');
    expect(() => saveBytes({}, { useBinaryFormat: true })).toThrow(NotImplementedError);
    expect(() => loadBytes(fixture('linear.p4.pdparams'), { return_numpy: true } as never)).toThrow(/returnNumpy/);
    expect(() => loadBytes(fixture('linear.p4.pdparams'), { returnNumpy: 1 } as never)).toThrow(PaddleTypeError);
  });

  it('Layers, SelectedRows and values with no Python counterpart', () => {
    const layer = { forward: () => 0, parameters: () => [], stateDict: () => ({}) };
    expect(() => saveBytes({ m: layer })).toThrow('paddle do not support saving `paddle.nn.Layer` object.');
    const sr = new SelectedRows([0], Float32Array.from([1]), 2, 1, 'float32');
    expect(() => saveBytes({ g: sr })).toThrow(NotImplementedError);
    expect(() => saveBytes({ g: sr })).toThrow("`paddle.save` do not support saving 'SelectedRows'.");
    expect(() => saveBytes({ a: 1, f: () => 1 })).toThrow(PaddleTypeError);
    expect(() => saveBytes([new Float32Array(1)])).toThrow(/wrap typed arrays/);
  });

  it('a name table naming a missing key is a KeyError; a non-dict table an UnpicklingError', () => {
    const missing = pickle(new Map<PyKey, PyValue>([[NAME_TABLE_KEY, new Map<PyKey, PyValue>([['w', 'w_0']])]]));
    expect(() => loadBytes(missing)).toThrow(KeyError);
    const notDict = pickle(new Map<PyKey, PyValue>([[NAME_TABLE_KEY, 3]]));
    expect(() => loadBytes(notDict)).toThrow(UnpicklingError);
  });

  it('an undefined object property is skipped as JSON does; undefined elsewhere is an error', () => {
    expect(loadBytes(saveBytes({ a: 1, b: undefined }))).toEqual({ a: 1 });
    expect(() => saveBytes([undefined])).toThrow(/undefined/);
  });
});

describe('save/load: files (Node)', () => {
  it('save creates parent directories, writes atomically, load reads back (async and sync)', async () => {
    const path = join(scratch.dir, 'a', 'b', 'linear.pdparams');
    await save(linearStateDict(), path);
    expect(readdirSync(join(scratch.dir, 'a', 'b'))).toEqual(['linear.pdparams']);
    expect(Buffer.from(readFileSync(path)).equals(Buffer.from(fixture('numpy1.p4.pdparams')))).toBe(true);
    const sd = await load<Record<string, Tensor>>(path);
    expect(sd['weight']?.name).toBe('linear_0.w_0');
    const p2 = join(scratch.dir, 'sync', 'opt.pdopt');
    saveSync(rmspropStateDict(), p2, { protocol: 2 });
    expect(Buffer.from(readFileSync(p2)).equals(Buffer.from(fixture('numpy1-rmsprop.p2.pdopt')))).toBe(true);
    expect(loadSync<Record<string, unknown>>(p2)['LR_Scheduler']).toEqual({ last_epoch: 3, last_lr: 0.05 });
    // Overwrite in place; no temporary files are left behind.
    saveSync({ x: 1 }, p2);
    expect(loadSync(p2)).toEqual({ x: 1 });
    expect(readdirSync(join(scratch.dir, 'sync'))).toEqual(['opt.pdopt']);
  });

  it('a failed save leaves an existing file untouched', () => {
    const path = join(scratch.dir, 'keep.pdparams');
    writeFileSync(path, 'old');
    expect(() => saveSync({ f: () => 1 }, path)).toThrow(PaddleTypeError);
    expect(readFileSync(path, 'utf8')).toBe('old');
  });

  it("path errors use Paddle's messages", async () => {
    expect(() => saveSync({}, join(scratch.dir, 'dir') + '/')).toThrow(
      'The input path MUST be format of dirname/filename [dirname\\filename in Windows system], but received filename is empty string.',
    );
    expect(() => saveSync({}, '')).toThrow(/filename is empty string/);
    const missing = join(scratch.dir, 'nope.pdparams');
    expect(() => loadSync(missing)).toThrow(`The \`\`path\`\` (${missing}) to load model not exists.`);
    await expect(load(missing)).rejects.toThrow(ValueError);
    expect(() => loadSync(scratch.dir)).toThrow(/is a directory/);
  });

  it('a corrupt file names the path in its UnpicklingError', () => {
    const path = join(scratch.dir, 'bad.pdparams');
    writeFileSync(path, fixture('linear.p4.pdparams').subarray(0, 40));
    expect(() => loadSync(path)).toThrow(UnpicklingError);
    expect(() => loadSync(path)).toThrow(`\`paddle.load\` can not parse the file:${path}`);
  });

  it('.safetensors: state dict with LR_Scheduler round-trips, names and key order kept', async () => {
    const path = join(scratch.dir, 'opt.safetensors');
    const sd = rmspropStateDict();
    await save(sd, path, { metadata: { note: 'x' } });
    const raw = readSafetensors(readFileSync(path));
    expect(raw.metadata?.get('note')).toBe('x');
    expect(raw.tensors.size).toBe(6);
    const back = await load<Record<string, unknown>>(path);
    expect(Object.keys(back)).toEqual(Object.keys(sd));
    for (const [k, v] of Object.entries(sd)) {
      if (v instanceof Tensor) {
        expect((back[k] as Tensor).name).toBe(v.name);
        expect(values(back[k])).toEqual(Array.from(v.numpy()));
      }
    }
    expect(back['LR_Scheduler']).toEqual({ last_epoch: 3, last_lr: 0.05 });
    const kept = loadSync<Record<string, unknown>>(path, { keepNameTable: true });
    expect(Object.keys(kept[NAME_TABLE_KEY] as object)).toHaveLength(6);
    // Format by option, bytes sniffed.
    expect(Object.keys(loadBytes<object>(saveBytes(sd, { format: 'safetensors' })))).toEqual(Object.keys(sd));
    expect(() => saveBytes({ a: new Date(0) }, { format: 'safetensors' })).toThrow(/use the pickle format/);
    expect(() => saveBytes({ a: NaN }, { format: 'safetensors' })).toThrow(/JSON/);
    const shared = { x: 1 };
    expect(() => saveBytes({ a: [shared, shared] }, { format: 'safetensors' })).toThrow(/shared or cyclic reference/);
  });

  it('loadBytes tells safetensors from pickle by content, whatever the header length byte', () => {
    for (const pad of [0, 60, 130, 213]) {
      // Metadata of varying length moves the header length across 0x80 (a PROTO look-alike).
      const bytes = saveBytes({ w: Tensor.fromArray(Float32Array.from([1]), [1], 'float32') }, {
        format: 'safetensors',
        metadata: { pad: 'x'.repeat(pad) },
      });
      expect(Object.keys(loadBytes<object>(bytes)), `pad ${pad}, header byte ${bytes[0]}`).toEqual(['w']);
      if (pad === 213) expect(bytes[0]).toBe(0x80);
    }
    expect(loadBytes(saveBytes({ w: 1 }))).toEqual({ w: 1 });
  });

  it('.safetensors from another tool: every tensor becomes a Tensor, in file order', () => {
    const sd = loadBytes<Record<string, Tensor>>(fixture('plain.safetensors'));
    expect(Object.keys(sd)).toEqual(['step', 'bias', 'weight', 'mask']);
    expect(sd['step']?.dtype).toBe('int64');
    expect(sd['mask']?.dtype).toBe('bool');
    expect(existsSync(join(scratch.dir, 'plain.safetensors'))).toBe(false);
  });

  it.skipIf(!havePythonNumpy())('python3 reads our .pdparams as paddle.load would (pickle.load, latin1)', async () => {
    for (const protocol of [2, 3, 4]) {
      const path = join(scratch.dir, `py.p${protocol}.pdparams`);
      await save(rmspropStateDict(), path, { protocol });
      const py = pythonRead(path, 'paddle') as unknown as { $dict: [string, unknown][] };
      const keys = py.$dict.map(([k]) => k);
      expect(keys).toEqual([...expectedArrays('rmsprop.p4.pdopt').keys(), 'LR_Scheduler', NAME_TABLE_KEY]);
      expect(py.$dict.at(-2)?.[1]).toEqual({ $dict: [['last_epoch', { $int: '3' }], ['last_lr', { $float: '0.05' }]] });
      const table = py.$dict.at(-1)?.[1] as { $dict: [string, string][] };
      for (const [k, v] of table.$dict) expect(v).toBe(k);
    }
  });
});

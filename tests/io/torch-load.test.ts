/**
 * paddle.io.loadTorch on files written by PyTorch 1.13's torch.save (tests/fixtures/torch, made
 * by scripts/gen-torch-fixtures.py): every dtype, views sharing a storage (a transpose, a strided
 * slice with an offset), 0-d and empty tensors, and torch.optim.RMSprop checkpoints.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ValueError } from '../../src/errors.js';
import type { NdArray } from '../../src/io/ndarray.js';
import { loadTorch, loadTorchBytes, loadTorchSync, type TorchOptimizerStateDict } from '../../src/io/torch.js';
import { Tensor } from '../../src/tensor/tensor.js';
import * as paddle from '../../src/index.js';

const FIX = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'torch');
const fixture = (name: string): string => join(FIX, name);
type Expected = Record<string, { dtype: string; shape: number[]; values: (number | boolean)[] }>;
const expected = JSON.parse(readFileSync(fixture('model_state.json'), 'utf8')) as Expected;

/** The library dtype a PyTorch dtype is read as. */
const READ_AS: Record<string, string> = {
  float32: 'float32',
  float64: 'float64',
  float16: 'float32',
  bfloat16: 'float32',
  int64: 'int64',
  int32: 'int32',
  uint8: 'uint8',
  bool: 'bool',
};

describe('loadTorch: a module state_dict written by torch.save', () => {
  it('reads every tensor with its dtype, shape and values, in the file order', () => {
    const sd = loadTorchSync(fixture('model_state.pt'), { as: 'stateDict' });
    expect(Object.keys(sd)).toEqual(Object.keys(expected));
    for (const [k, e] of Object.entries(expected)) {
      const t = sd[k] as Tensor;
      expect(t, k).toBeInstanceOf(Tensor);
      expect(t.dtype, k).toBe(READ_AS[e.dtype]);
      expect([...t.shape], k).toEqual(e.shape);
      const want = e.values.map((v) => (typeof v === 'boolean' ? Number(v) : v));
      expect(Array.from(t.data as ArrayLike<number>), k).toEqual(want);
    }
  });

  it('copies strided views out of their shared storage (transpose, offset slice)', () => {
    const sd = loadTorchSync(fixture('model_state.pt'), { as: 'stateDict' });
    const base = Array.from((sd.base as Tensor).data as Float32Array);
    expect(base).toEqual(Array.from({ length: 24 }, (_, i) => i / 8));
    // base.t(): element [i][j] is base[j][i].
    const t = Array.from((sd.base_t as Tensor).data as Float32Array);
    expect(t[1 * 4 + 2]).toBe(base[2 * 6 + 1]);
    // base[1:3, 1::2] = rows 1-2, columns 1, 3, 5.
    expect(Array.from((sd.base_slice as Tensor).data as Float32Array)).toEqual([7, 9, 11, 13, 15, 17].map((i) => i / 8));
    // The copies are independent: writing one leaves the others.
    (sd.base_t as Tensor).data[0] = 99;
    expect((sd.base as Tensor).data[0]).toBe(0);
  });

  it('keeps the file type of widened tensors with returnNumpy, and Maps with dictAs', () => {
    const nd = loadTorchSync<Record<string, NdArray>>(fixture('model_state.pt'), { returnNumpy: true });
    expect(nd.f16?.dtype).toBe('float32');
    expect(nd.f16?.sourceDType).toBe('float16');
    expect(nd.bf16?.sourceDType).toBe('bfloat16');
    expect(nd.f32).toBeUndefined();
    const m = loadTorchSync<Map<string, unknown>>(fixture('model_state.pt'), { dictAs: 'map' });
    expect(m).toBeInstanceOf(Map);
    expect([...m.keys()]).toEqual(Object.keys(expected));
  });

  it('reads the legacy (non-zip, pre-1.6) format of the same state dict identically', () => {
    const zip = loadTorchSync<Record<string, NdArray>>(fixture('model_state.pt'), { returnNumpy: true });
    const legacy = loadTorchSync<Record<string, NdArray>>(fixture('model_state_legacy.pt'), { returnNumpy: true });
    expect(Object.keys(legacy)).toEqual(Object.keys(zip));
    for (const [k, a] of Object.entries(zip)) {
      const b = legacy[k] as NdArray;
      expect(b.dtype, k).toBe(a.dtype);
      expect(b.shape, k).toEqual(a.shape);
      expect(Array.from(b.data as ArrayLike<number>), k).toEqual(Array.from(a.data as ArrayLike<number>));
    }
  });

  it('async, sync and bytes forms agree', async () => {
    const a = await loadTorch(fixture('model_state.pt'), { as: 'stateDict' });
    const b = loadTorchBytes(new Uint8Array(readFileSync(fixture('model_state.pt'))), { as: 'stateDict' });
    expect(Object.keys(a)).toEqual(Object.keys(b));
    for (const k of Object.keys(a)) expect(Array.from((a[k] as Tensor).data as ArrayLike<number>)).toEqual(Array.from((b[k] as Tensor).data as ArrayLike<number>));
  });

  it('goes into a Paddle layer (PyTorch Linear weights are [out, in], Paddle [in, out])', () => {
    const sd = loadTorchSync(fixture('model_state.pt'), { as: 'stateDict' });
    const lin = new paddle.nn.Linear(4, 2);
    const w = sd['fc2.weight'] as Tensor;
    lin.setStateDict({ weight: paddle.transpose(w, [1, 0]), bias: sd['fc2.bias'] as Tensor });
    const x = paddle.toTensor([[1, 2, 3, 4]], { dtype: 'float32' });
    const y = Array.from(lin.forward(x).data as Float32Array);
    const wv = w.data as Float32Array;
    const bv = (sd['fc2.bias'] as Tensor).data as Float32Array;
    for (let o = 0; o < 2; o++) {
      let acc = bv[o] as number;
      for (let i = 0; i < 4; i++) acc += (wv[o * 4 + i] as number) * (i + 1);
      expect(y[o]).toBeCloseTo(acc, 5);
    }
  });

  it("'as' refuses what is not the asked kind, naming the key", () => {
    expect(() => loadTorchSync(fixture('rmsprop_plain.pt'), { as: 'stateDict' })).toThrow(ValueError);
    expect(() => loadTorchSync(fixture('rmsprop_plain.pt'), { as: 'stateDict' })).toThrow(/'model' holds/);
    expect(() => loadTorchSync(fixture('model_state.pt'), { as: 'optimizerStateDict' })).toThrow(/'state' holds/);
    expect(() => loadTorchSync(fixture('model_state.pt'), { as: 'stateDict', returnNumpy: true })).toThrow(ValueError);
    expect(() => loadTorchSync(fixture('model_state.pt'), { bogus: 1 } as never)).toThrow(/bogus/);
  });
});

describe('loadTorch: torch.optim.RMSprop checkpoints', () => {
  for (const name of ['plain', 'centered', 'maximize']) {
    it(`${name}: the optimizer state dict in PyTorch's layout`, () => {
      const ck = loadTorchSync<{ model: Record<string, Tensor>; optimizer: TorchOptimizerStateDict; epoch: number }>(fixture(`rmsprop_${name}.pt`));
      const exp = JSON.parse(readFileSync(fixture(`rmsprop_${name}.json`), 'utf8')) as { hyper: Record<string, number | boolean>; names: string[] };
      expect(ck.epoch).toBe(3);
      expect(Object.keys(ck.model)).toEqual(exp.names);
      const { state, param_groups: groups } = ck.optimizer;
      expect(groups).toHaveLength(1);
      const g = groups[0] as Record<string, unknown>;
      expect(g.params).toEqual([0, 1, 2, 3]);
      const hyper = { lr: 0.01, alpha: 0.99, eps: 1e-8, weight_decay: 0, momentum: 0, centered: false, maximize: false, ...exp.hyper };
      for (const [k, v] of Object.entries(hyper)) expect(g[k], k).toBe(v);
      expect(g.foreach).toBeNull();
      expect(Object.keys(state)).toEqual(['0', '1', '2', '3']);
      exp.names.forEach((n, i) => {
        const s = state[String(i)] as Record<string, unknown>;
        expect(s.step).toBe(3);
        const shape = [...(ck.model[n] as Tensor).shape];
        expect([...(s.square_avg as Tensor).shape]).toEqual(shape);
        expect('momentum_buffer' in s).toBe((hyper.momentum as number) > 0);
        expect('grad_avg' in s).toBe(hyper.centered);
        // After three steps with nonzero gradients the mean square is positive.
        expect(Array.from((s.square_avg as Tensor).data as Float32Array).every((x) => x > 0)).toBe(true);
      });
      const checked = loadTorchSync(fixture(`rmsprop_${name}.pt`));
      expect(checked).toBeTypeOf('object');
    });
  }

  it("'as: optimizerStateDict' accepts the optimizer part once saved alone", () => {
    const ck = loadTorchSync<{ optimizer: TorchOptimizerStateDict }>(fixture('rmsprop_centered.pt'));
    const bytes = paddle.io.saveTorchBytes(ck.optimizer);
    const osd = loadTorchBytes(bytes, { as: 'optimizerStateDict' });
    expect(Object.keys(osd.state)).toEqual(['0', '1', '2', '3']);
    expect((osd.state['0']?.grad_avg as Tensor).shape).toEqual([4, 8]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TypeError as PaddleTypeError, ValueError } from '../../src/errors.js';
import * as nn from '../../src/nn/index.js';
import { setDefaultDType, toTensor } from '../../src/tensor/creation.js';
import { SelectedRows } from '../../src/tensor/selected-rows.js';
import { Tensor } from '../../src/tensor/tensor.js';

/** An Embedding whose row r is [10r, 10r + 1, ...]. */
function table(n: number, d: number, options: nn.EmbeddingLayerOptions = {}): nn.Embedding {
  const e = new nn.Embedding(n, d, options);
  const w = e.weight.data;
  for (let r = 0; r < n; r++) for (let j = 0; j < d; j++) w[r * d + j] = 10 * r + j;
  return e;
}

/** Output-grad seed with distinct values g[t, j] = t + 1 + j/10. */
function seed(nIds: number, d: number): Tensor {
  return Tensor.fromArray(Float32Array.from({ length: nIds * d }, (_, i) => Math.floor(i / d) + 1 + (i % d) / 10), [nIds, d], 'float32');
}

describe('Embedding forward', () => {
  it('looks up rows for int64/int32 tensors and plain arrays, shape ids.shape + [dim]', () => {
    const e = table(5, 3);
    const out = e.forward(toTensor([[4, 0], [2, 2]], { dtype: 'int64' }));
    expect(out.shape).toEqual([2, 2, 3]);
    expect(out.tolist()).toEqual([
      [[40, 41, 42], [0, 1, 2]],
      [[20, 21, 22], [20, 21, 22]],
    ]);
    expect(e.forward(toTensor([1, 3], { dtype: 'int32' })).tolist()).toEqual([[10, 11, 12], [30, 31, 32]]);
    expect(e.forward([3]).tolist()).toEqual([[30, 31, 32]]);
  });

  it('zeroes the padding row at construction and outputs zeros for padding ids', () => {
    const e = new nn.Embedding(4, 2, { paddingIdx: 1 });
    expect(Array.from(e.weight.data.subarray(2, 4))).toEqual([0, 0]);
    expect(Array.from(e.weight.data.subarray(0, 2)).some((v) => v !== 0)).toBe(true);
    // Even if the padding row later changes (a sparse update touches it), lookups give zeros.
    e.weight.data.fill(5, 2, 4);
    expect((e.forward([1, 0]).tolist() as number[][])[0]).toEqual([0, 0]);
  });

  it('normalises a negative paddingIdx to n + paddingIdx', () => {
    const e = table(4, 2, { paddingIdx: -1 });
    expect(e.paddingIdx).toBe(-1);
    expect(e.forward([3, 2]).tolist()).toEqual([[0, 0], [20, 21]]);
    expect(e.toString()).toBe('Embedding(4, 2, padding_idx=-1)');
  });
});

describe('Embedding dense backward', () => {
  it('accumulates duplicate ids in order of appearance and skips padding_idx', () => {
    const e = table(5, 2, { paddingIdx: 4 });
    const ids = [1, 3, 1, 4, 1, 0];
    const out = e.forward(ids);
    out.backward(seed(ids.length, 2));
    const g = e.weight.grad as Tensor;
    expect(g).toBeInstanceOf(Tensor);
    // rows: 0 ← t5 (6, 6.1); 1 ← t0 + t2 + t4 = (1+3+5, 1.1+3.1+5.1); 3 ← t1; 4 (padding) stays 0.
    const expected = new Float32Array(10);
    const add = (row: number, t: number): void => {
      expected[row * 2] = Math.fround((expected[row * 2] as number) + (t + 1));
      expected[row * 2 + 1] = Math.fround((expected[row * 2 + 1] as number) + Math.fround(t + 1 + 0.1));
    };
    add(1, 0);
    add(3, 1);
    add(1, 2);
    add(1, 4);
    add(0, 5);
    expect(Array.from(g.data)).toEqual(Array.from(expected));
    expect(Array.from(g.data.subarray(8, 10))).toEqual([0, 0]);
  });

  it('gradient equals the one-hot matmul formulation (property, float64)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
        fc.option(fc.nat(), { nil: undefined }),
        (n, d, raw, padRaw) => {
          setDefaultDType('float64');
          let e: nn.Embedding;
          try {
            e = new nn.Embedding(n, d, padRaw === undefined ? {} : { paddingIdx: padRaw % n });
          } finally {
            setDefaultDType('float32');
          }
          const ids = raw.map((v) => v % n);
          const g = Float64Array.from({ length: ids.length * d }, (_, i) => ((i * 7) % 5) - 2 + i / 8);
          e.forward(ids).backward(Tensor.fromArray(g, [ids.length, d], 'float64'));
          const expected = new Float64Array(n * d);
          ids.forEach((id, t) => {
            if (padRaw !== undefined && id === padRaw % n) return;
            for (let j = 0; j < d; j++) expected[id * d + j] = (expected[id * d + j] as number) + (g[t * d + j] as number);
          });
          expect(Array.from((e.weight.grad as Tensor).data)).toEqual(Array.from(expected));
        },
      ),
      { seed: 42, numRuns: 60 },
    );
  });
});

describe('Embedding sparse backward', () => {
  it('returns SelectedRows with rows = ids as given (duplicates, order, padding kept), verbatim values, height = n', () => {
    const e = table(6, 2, { sparse: true, paddingIdx: 2 });
    const ids = [[5, 2], [5, 0]];
    const out = e.forward(toTensor(ids, { dtype: 'int64' }));
    const s = seed(4, 2);
    out.backward(Tensor.fromArray(s.numpy(), [2, 2, 2], 'float32'));
    const g = e.weight.grad as SelectedRows;
    expect(g).toBeInstanceOf(SelectedRows);
    expect(g.rows).toEqual([5, 2, 5, 0]);
    expect(g.height).toBe(6);
    expect(g.width).toBe(2);
    expect(g.dtype).toBe('float32');
    expect(Array.from(g.values)).toEqual(Array.from(s.data));
    // Merging sums the duplicate row 5; the padding row keeps its gradient in the sparse case.
    const m = g.merge();
    expect(m.rows).toEqual([0, 2, 5]);
    expect(Array.from(m.values)).toEqual([4, Math.fround(4.1), 2, Math.fround(2.1), 4, Math.fround(Math.fround(1.1) + Math.fround(3.1))]);
  });

  it('accumulates a second sparse backward by concatenation', () => {
    const e = table(4, 1, { sparse: true });
    e.forward([1, 1]).backward();
    e.forward([3]).backward();
    const g = e.weight.grad as SelectedRows;
    expect(g.rows).toEqual([1, 1, 3]);
    expect(Array.from(g.values)).toEqual([1, 1, 1]);
  });
});

describe('Embedding errors', () => {
  it('checks constructor arguments with Paddle messages', () => {
    const bad: [() => unknown, new (...a: never[]) => Error, string | RegExp][] = [
      [() => new nn.Embedding(0, 3), ValueError, 'num_embeddings must be gather than 0'],
      [() => new nn.Embedding(3, 0), ValueError, 'embedding_dim must be gather than 0'],
      [() => new nn.Embedding(3, 2, { paddingIdx: 3 }), ValueError, 'padding_idx must be within [-3, 3)'],
      [() => new nn.Embedding(3, 2, { paddingIdx: -7 }), ValueError, 'padding_idx must be within [-3, 3)'],
      [() => new nn.Embedding(3, 2, { paddingIdx: 1.5 }), PaddleTypeError, /padding_idx/],
      [() => new nn.Embedding(3.5, 2), PaddleTypeError, /num_embeddings/],
      [() => new nn.Embedding(3, 2, { sparse: 1 } as never), PaddleTypeError, /sparse/],
      [() => new nn.Embedding(3, 2, { padding_idx: 0 } as never), PaddleTypeError, /Did you mean 'paddingIdx'/],
      [() => new nn.Embedding(3, 2, { maxNorm: 1 } as never), PaddleTypeError, /unexpected option 'maxNorm'/],
    ];
    for (const [fn, cls, msg] of bad) {
      expect(fn).toThrow(cls);
      expect(fn).toThrow(msg);
    }
  });

  it('Paddle quirk: padding_idx = -(n + 1) normalises to -1, i.e. no padding', () => {
    const e = table(3, 1, { paddingIdx: -4 });
    expect(e.forward([0, 1, 2]).tolist()).toEqual([[0], [10], [20]]);
  });

  it('rejects out-of-range and non-integer ids before computing anything', () => {
    const e = table(4, 2);
    expect(() => e.forward([0, 4])).toThrow(ValueError);
    expect(() => e.forward([0, 4])).toThrow(/expected >= 0 and < 4, but got 4/);
    expect(() => e.forward(toTensor([[1], [-1]], { dtype: 'int64' }))).toThrow(/but got -1.*flat position 1/);
    expect(() => e.forward(toTensor([0.5], { dtype: 'float32' }))).toThrow(PaddleTypeError);
    expect(() => e.forward([0.5])).toThrow(PaddleTypeError);
    expect(e.weight.grad).toBeNull();
    expect(() => nn.functional.embedding([0], toTensor([1, 2], { dtype: 'float32' }))).toThrow(/2-D/);
  });
});

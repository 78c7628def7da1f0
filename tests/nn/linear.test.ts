import { describe, expect, it } from 'vitest';
import { TypeError as PaddleTypeError, ValueError } from '../../src/errors.js';
import * as nn from '../../src/nn/index.js';
import { gemmNT, linearGemmName, setLinearGemm, transpose } from '../../src/nn/functional/linear.js';
import { setDefaultDType, toTensor } from '../../src/tensor/creation.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { gradcheck, leaf, rng } from '../ops/gradcheck.js';

const F = nn.functional;

function linear64(inF: number, outF: number, seedW: number, withBias = true): nn.Linear {
  setDefaultDType('float64');
  try {
    const l = new nn.Linear(inF, outF, withBias ? {} : { biasAttr: false });
    const r = rng(seedW);
    l.weight.data.set(Float64Array.from({ length: inF * outF }, () => r() * 2 - 1));
    l.bias?.data.set(Float64Array.from({ length: outF }, () => r() * 2 - 1));
    return l;
  } finally {
    setDefaultDType('float32');
  }
}

describe('Linear forward/backward by hand', () => {
  it('y = x·W + b with W of shape [in, out]', () => {
    const l = linear64(2, 3, 1);
    l.weight.setValue([[1, 2, 3], [4, 5, 6]]);
    l.bias?.setValue([0.5, -1, 2]);
    const x = toTensor([[1, 2], [3, 4]], { dtype: 'float64', stopGradient: false });
    const y = l.forward(x);
    expect(y.shape).toEqual([2, 3]);
    // [1,2]·W = [9, 12, 15]; [3,4]·W = [19, 26, 33]; plus b.
    expect(y.tolist()).toEqual([[9.5, 11, 17], [19.5, 25, 35]]);
    y.backward();
    // Seed of ones: dW = xᵀ·1 = [[4,4,4],[6,6,6]]; db = [2,2,2]; dx = 1·Wᵀ = row sums of W.
    expect((l.weight.grad as Tensor).tolist()).toEqual([[4, 4, 4], [6, 6, 6]]);
    expect((l.bias?.grad as Tensor).tolist()).toEqual([2, 2, 2]);
    expect((x.grad as Tensor).tolist()).toEqual([[6, 15], [6, 15]]);
  });

  it('accepts any leading dims and a 1-D input', () => {
    const l = linear64(3, 2, 2);
    const x = leaf([2, 4, 3], 5);
    const y = l.forward(x);
    expect(y.shape).toEqual([2, 4, 2]);
    const flat = l.forward(Tensor.fromArray(x.numpy(), [8, 3], 'float64'));
    expect(Array.from(y.data)).toEqual(Array.from(flat.data));
    const v = l.forward(Tensor.fromArray(Float64Array.from([1, 0, 0]), [3], 'float64'));
    expect(v.shape).toEqual([2]);
    const w = l.weight.data;
    const b = l.bias?.data as Float64Array;
    expect(Array.from(v.data)).toEqual([(w[0] as number) + (b[0] as number), (w[1] as number) + (b[1] as number)]);
  });

  it('computes only the gradients that are needed and accumulates across backward calls', () => {
    const l = linear64(3, 2, 3);
    const x = Tensor.fromArray(Float64Array.from([1, 2, 3]), [1, 3], 'float64');
    l.forward(x).backward();
    l.forward(x).backward();
    expect(x.grad).toBeNull();
    expect((l.weight.grad as Tensor).tolist()).toEqual([[2, 2], [4, 4], [6, 6]]);
    expect((l.bias?.grad as Tensor).tolist()).toEqual([2, 2]);
    l.clearGradients();
    expect((l.weight.grad as Tensor).tolist()).toEqual([[0, 0], [0, 0], [0, 0]]);
  });
});

describe('Linear gradcheck (float64, sizes hitting the 4×4 block remainders)', () => {
  const cases: [number, number, number][] = [
    [1, 1, 1],
    [5, 7, 6],
    [9, 4, 13],
    [4, 8, 4],
    [3, 17, 5],
  ];
  for (const [M, K, N] of cases) {
    it(`M=${M} K=${K} N=${N}`, () => {
      const x = leaf([M, K], M * 100 + K);
      const w = leaf([K, N], K * 100 + N);
      const b = leaf([N], N + 7);
      gradcheck((a, ww, bb) => F.linear(a, ww, bb), [x, w, b], { rtol: 1e-6, atol: 1e-8 });
      gradcheck((a, ww) => F.linear(a, ww), [x, w], { rtol: 1e-6, atol: 1e-8 });
    });
  }

  it('an MLP (Linear → ReLU → Linear → Tanh) end to end', () => {
    const l1 = linear64(4, 5, 11);
    const l2 = linear64(5, 3, 12);
    const model = new nn.Sequential(l1, new nn.ReLU(), l2, new nn.Tanh());
    const x = leaf([6, 4], 13, -1, 1);
    gradcheck((a, w1, b1, w2, b2) => {
      void w1, b1, w2, b2;
      return model.forward(a);
    }, [x, l1.weight, l1.bias as Tensor, l2.weight, l2.bias as Tensor], { rtol: 1e-6, atol: 1e-8 });
  });
});

describe('Linear float32 numerics', () => {
  it('rounds x·W (float64 sums in order of k) into float32, then adds b rounded again', () => {
    const M = 6;
    const K = 9;
    const N = 5;
    const r = rng(99);
    const xs = Float32Array.from({ length: M * K }, () => r() * 2 - 1);
    const l = new nn.Linear(K, N);
    l.bias?.data.set(Float32Array.from({ length: N }, () => r()));
    const y = l.forward(Tensor.fromArray(xs, [M, K], 'float32'));
    const w = l.weight.data;
    const b = l.bias?.data as Float32Array;
    const expected = new Float32Array(M * N);
    for (let i = 0; i < M; i++) {
      for (let j = 0; j < N; j++) {
        let s = 0;
        for (let k = 0; k < K; k++) s += (xs[i * K + k] as number) * (w[k * N + j] as number);
        expected[i * N + j] = Math.fround(s) + (b[j] as number);
      }
    }
    expect(y.dtype).toBe('float32');
    expect(Array.from(y.data)).toEqual(Array.from(expected));
  });

  it('gemmNT and transpose agree with a naive product for odd sizes', () => {
    for (const [M, N, P] of [[7, 5, 3], [4, 4, 4], [1, 9, 2], [10, 3, 11]] as const) {
      const r = rng(M * N * P);
      const A = Float64Array.from({ length: M * P }, () => r() - 0.5);
      const B = Float64Array.from({ length: N * P }, () => r() - 0.5);
      const C = new Float64Array(M * N);
      gemmNT(A, B, C, M, N, P);
      for (let i = 0; i < M; i++) {
        for (let j = 0; j < N; j++) {
          let s = 0;
          for (let p = 0; p < P; p++) s += (A[i * P + p] as number) * (B[j * P + p] as number);
          expect(C[i * N + j]).toBe(s);
        }
      }
      const T = transpose(A, M, P);
      for (let i = 0; i < M; i++) for (let p = 0; p < P; p++) expect(T[p * M + i]).toBe(A[i * P + p]);
    }
  });
});

describe('Linear errors', () => {
  it('rejects bad constructor arguments before taking a name', () => {
    const bad: [() => unknown, new (...a: never[]) => Error][] = [
      [() => new nn.Linear(0, 3), ValueError],
      [() => new nn.Linear(2, -1), ValueError],
      [() => new nn.Linear(2.5, 3), PaddleTypeError],
      [() => new nn.Linear('2' as never, 3), PaddleTypeError],
      [() => new nn.Linear(2, 3, { bias_attr: false } as never), PaddleTypeError],
      [() => new nn.Linear(2, 3, { weightAttr: 7 as never }), PaddleTypeError],
    ];
    for (const [fn, cls] of bad) expect(fn).toThrow(cls);
    expect(() => new nn.Linear(2, 3, { bias_attr: false } as never)).toThrow(/Did you mean 'biasAttr'/);
  });

  it('rejects mismatched inputs with messages naming the shapes and dtypes', () => {
    const l = new nn.Linear(3, 2);
    expect(() => l.forward(toTensor([[1, 2]], { dtype: 'float32' }))).toThrow(ValueError);
    expect(() => l.forward(toTensor([[1, 2]], { dtype: 'float32' }))).toThrow(/in_features = 3/);
    expect(() => l.forward(toTensor([[1, 2, 3]], { dtype: 'float64' }))).toThrow(PaddleTypeError);
    expect(() => l.forward(toTensor([[1, 2, 3]], { dtype: 'int64' }))).toThrow(/float32 or float64/);
    expect(() => F.linear(toTensor([1, 2, 3], { dtype: 'float32' }), toTensor([1, 2, 3], { dtype: 'float32' }))).toThrow(/2-D/);
    expect(() => F.linear(toTensor([1], { dtype: 'float32' }), l.weight)).toThrow(ValueError);
    expect(() => F.linear(toTensor([1, 2, 3], { dtype: 'float32' }), l.weight, toTensor([1, 2, 3], { dtype: 'float32' }))).toThrow(/bias/);
  });
});

describe('replaceable product routine', () => {
  it('linear runs every product through the registered routine and restores the TypeScript one', () => {
    const l = linear64(5, 3, 40);
    const x = leaf([6, 5], 41);
    const reference = l.forward(x);
    reference.backward();
    const gw = (l.weight.grad as Tensor).numpy();
    const gx = (x.grad as Tensor).numpy();
    l.clearGradients({ setToZero: false });
    x.clearGradient(false);
    const calls: [number, number, number][] = [];
    const prev = setLinearGemm({
      name: 'spy',
      gemmNT: (A, B, C, M, N, P) => {
        calls.push([M, N, P]);
        gemmNT(A, B, C, M, N, P);
      },
    });
    try {
      expect(linearGemmName()).toBe('spy');
      const y = l.forward(x);
      y.backward();
      expect(Array.from(y.data)).toEqual(Array.from(reference.data));
      expect(Array.from((l.weight.grad as Tensor).data)).toEqual(Array.from(gw));
      expect(Array.from((x.grad as Tensor).data)).toEqual(Array.from(gx));
      // forward X·W, dX = dY·W (rows of W), dW = Xᵀ·dY
      expect(calls).toEqual([[6, 3, 5], [6, 5, 3], [5, 3, 6]]);
    } finally {
      setLinearGemm(prev.name === 'ts' ? null : prev);
    }
    expect(linearGemmName()).toBe('ts');
  });
});

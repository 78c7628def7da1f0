import { describe, expect, it } from 'vitest';
import { TypeError as PaddleTypeError, ValueError } from '../../src/errors.js';
import * as nn from '../../src/nn/index.js';
import { useBackend } from '../../src/kernels/index.js';
import { add, matmul } from '../../src/ops/index.js';
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
  it('sums x·W in float32 in order of k (each product and sum rounded), then adds b rounded again', () => {
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
        for (let k = 0; k < K; k++) s = Math.fround(s + Math.fround((xs[i * K + k] as number) * (w[k * N + j] as number)));
        expected[i * N + j] = s + (b[j] as number);
      }
    }
    expect(y.dtype).toBe('float32');
    expect(Array.from(y.data)).toEqual(Array.from(expected));
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

describe('one product on every backend: Linear is matmul + add', () => {
  /** Raw bytes of a tensor's data (NaN payloads and -0 included). */
  const bytes = (t: Tensor): number[] => Array.from(new Uint8Array((t.data as Float32Array).slice().buffer));

  /** Forward and the three gradients of a float32 Linear, through `F.linear` or matmul + add. */
  function run(composed: boolean): number[][] {
    const r = rng(123);
    const M = 37;
    const K = 70;
    const N = 19;
    const mk = (shape: number[]) => {
      const t = Tensor.fromArray(Float32Array.from({ length: shape.reduce((p, d) => p * d, 1) }, () => r() * 2 - 1), shape, 'float32');
      t.stopGradient = false;
      return t;
    };
    const x = mk([M, K]);
    const w = mk([K, N]);
    const b = mk([N]);
    const y = composed ? add(matmul(x, w), b) : F.linear(x, w, b);
    y.backward(Tensor.fromArray(Float32Array.from({ length: M * N }, () => r() - 0.5), [M, N], 'float32'));
    return [bytes(y), bytes(x.grad as Tensor), bytes(w.grad as Tensor), bytes(b.grad as Tensor)];
  }

  it("the same bits on the 'ref' and 'wasm' backends, forward and gradients, and equal to paddle.add(paddle.matmul(x, w), b)", () => {
    try {
      useBackend('ref');
      const ref = run(false);
      expect(run(true)).toEqual(ref);
      useBackend('wasm');
      expect(run(false)).toEqual(ref);
      expect(run(true)).toEqual(ref);
    } finally {
      useBackend('ref');
    }
  });
});

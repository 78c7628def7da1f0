/** Paddle's documentation examples for this area, each beside its TypeScript twin (harness.ts). */
import { expect } from 'vitest';
import * as paddle from '../../../src/index.js';
import { conformance, py } from './harness.js';
import { I, T } from './helpers.js';

export default conformance({
  area: 'tensor-random',
  sources: ["framework/random.py", "tensor/random.py"],
  cases: [
    {
      api: 'paddle.normal',
      python: py`
      >>> import paddle

      >>> out1 = paddle.normal(shape=[2, 3])
      >>> print(out1)
      >>> # doctest: +SKIP("Random output")
      Tensor(shape=[2, 3], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[-0.85107994, -0.85490644, -1.35941815],
       [-0.55500370,  0.20964541,  2.24193954]])
      >>> # doctest: -SKIP

      >>> mean_tensor = paddle.to_tensor([1.0, 2.0, 3.0])
      >>> out2 = paddle.normal(mean=mean_tensor)
      >>> print(out2)
      >>> # doctest: +SKIP("Random output")
      Tensor(shape=[3], dtype=float32, place=Place(cpu), stop_gradient=True,
      [1.05411839, 3.71514320, 3.42665267])
      >>> # doctest: -SKIP

      >>> std_tensor = paddle.to_tensor([1.0, 2.0, 3.0])
      >>> out3 = paddle.normal(mean=mean_tensor, std=std_tensor)
      >>> print(out3)
      >>> # doctest: +SKIP("Random output")
      Tensor(shape=[3], dtype=float32, place=Place(cpu), stop_gradient=True,
      [0.48646951, 0.00815189, 3.74022293])
      >>> # doctest: -SKIP
      `,
      random: 'unseeded',
      run: (doc) => {
        doc.random(paddle.normal({ shape: [2, 3] }));
        const meanTensor = T([1.0, 2.0, 3.0]);
        doc.random(paddle.normal({ mean: meanTensor }));
        const stdTensor = T([1.0, 2.0, 3.0]);
        doc.random(paddle.normal({ mean: meanTensor, std: stdTensor }));
      },
    },
    {
      api: 'paddle.rand',
      python: py`
      >>> import paddle

      >>> # example 1: attr shape is a list which doesn't contain Tensor.
      >>> out1 = paddle.rand(shape=[2, 3])
      >>> print(out1)
      >>> # doctest: +SKIP("Random output")
      Tensor(shape=[2, 3], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[0.68532258, 0.69431782, 0.44835982],
       [0.13204314, 0.48128194, 0.36574543]])
      >>> # doctest: -SKIP

      >>> # example 2: attr shape is a list which contains Tensor.
      >>> dim1 = paddle.to_tensor(2, 'int64')
      >>> dim2 = paddle.to_tensor(3, 'int32')
      >>> out2 = paddle.rand(shape=[dim1, dim2, 2])
      >>> print(out2)
      >>> # doctest: +SKIP("Random output")
      Tensor(shape=[2, 3, 2], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[[0.62102991, 0.45255184],
        [0.81386960, 0.22463219],
        [0.87946558, 0.28097662]],
       [[0.36565998, 0.63203937],
        [0.58640617, 0.92696166],
        [0.85060406, 0.38138932]]])
      >>> # doctest: -SKIP

      >>> # example 3: attr shape is a Tensor, the data type must be int64 or int32.
      >>> shape_tensor = paddle.to_tensor([2, 3])
      >>> out3 = paddle.rand(shape_tensor)
      >>> print(out3)
      >>> # doctest: +SKIP("Random output")
      Tensor(shape=[2, 3], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[0.77650446, 0.12870903, 0.05153799],
       [0.27029657, 0.03963696, 0.42487794]])
      >>> # doctest: -SKIP
      `,
      random: 'unseeded',
      run: (doc) => {
        doc.random(paddle.rand([2, 3]));
        const dim1 = T(2, { dtype: 'int64' });
        const dim2 = T(3, { dtype: 'int32' });
        doc.random(paddle.rand([dim1, dim2, 2]));
        doc.random(paddle.rand(I([2, 3])));
      },
    },
    {
      api: 'paddle.randint',
      python: py`
      >>> import paddle

      >>> # example 1:
      >>> # attr shape is a list which doesn't contain Tensor.
      >>> out1 = paddle.randint(low=-5, high=5, shape=[2, 3])
      >>> print(out1)
      >>> # doctest: +SKIP("Random output")
      Tensor(shape=[2, 3], dtype=int64, place=Place(cpu), stop_gradient=True,
      [[-1,  4,  4],
       [-2, -5, -2]])
      >>> # doctest: -SKIP

      >>> # example 2:
      >>> # attr shape is a list which contains Tensor.
      >>> dim1 = paddle.to_tensor(2, 'int64')
      >>> dim2 = paddle.to_tensor(3, 'int32')
      >>> out2 = paddle.randint(low=-5, high=5, shape=[dim1, dim2])
      >>> print(out2)
      >>> # doctest: +SKIP("Random output")
      Tensor(shape=[2, 3], dtype=int64, place=Place(cpu), stop_gradient=True,
      [[-4, -4,  2],
       [-3, -1, -5]])
      >>> # doctest: -SKIP

      >>> # example 3:
      >>> # attr shape is a Tensor
      >>> shape_tensor = paddle.to_tensor([2, 3])
      >>> out3 = paddle.randint(low=-5, high=5, shape=shape_tensor)
      >>> print(out3)
      >>> # doctest: +SKIP("Random output")
      Tensor(shape=[2, 3], dtype=int64, place=Place(cpu), stop_gradient=True,
      [[-1,  4, -3],
       [ 1,  2, -1]])
      >>> # doctest: -SKIP

      >>> # example 4:
      >>> # data type is int32
      >>> out4 = paddle.randint(low=-5, high=5, shape=[3], dtype='int32')
      >>> print(out4)
      >>> # doctest: +SKIP("Random output")
      Tensor(shape=[3], dtype=int32, place=Place(cpu), stop_gradient=True,
      [4, 4, 0])
      >>> # doctest: -SKIP

      >>> # example 5:
      >>> # Input only one parameter
      >>> # low=0, high=10, shape=[1], dtype='int64'
      >>> out5 = paddle.randint(10)
      >>> print(out5)
      >>> # doctest: +SKIP("Random output")
      Tensor(shape=[1], dtype=int64, place=Place(cpu), stop_gradient=True,
      [7])
      >>> # doctest: -SKIP
      `,
      random: 'unseeded',
      run: (doc) => {
        doc.random(paddle.randint(-5, 5, [2, 3]));
        const dim1 = T(2, { dtype: 'int64' });
        const dim2 = T(3, { dtype: 'int32' });
        doc.random(paddle.randint(-5, 5, [dim1, dim2]));
        doc.random(paddle.randint(-5, 5, I([2, 3])));
        doc.random(paddle.randint(-5, 5, [3], { dtype: 'int32' }));
        const out5 = paddle.randint(10);
        expect(Array.from(out5.data).every((v) => v >= 0 && v < 10)).toBe(true);
        doc.random(out5);
      },
    },
    {
      api: 'paddle.randn',
      python: py`
      >>> import paddle

      >>> # example 1: attr shape is a list which doesn't contain Tensor.
      >>> out1 = paddle.randn(shape=[2, 3])
      >>> print(out1)
      >>> # doctest: +SKIP("Random output")
      Tensor(shape=[2, 3], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[-0.29270014, -0.02925120, -1.07807338],
       [ 1.19966674, -0.46673676, -0.18050613]])
      >>> # doctest: -SKIP

      >>> # example 2: attr shape is a list which contains Tensor.
      >>> dim1 = paddle.to_tensor(2, 'int64')
      >>> dim2 = paddle.to_tensor(3, 'int32')
      >>> out2 = paddle.randn(shape=[dim1, dim2, 2])
      >>> print(out2)
      >>> # doctest: +SKIP("Random output")
      Tensor(shape=[2, 3, 2], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[[-0.26019713,  0.54994684],
        [ 0.46403214, -1.41178775],
        [-0.15682915, -0.26639181]],
       [[ 0.01364388, -2.81676364],
        [ 0.86996621,  0.07524570],
        [ 0.21443737,  0.90938759]]])
      >>> # doctest: -SKIP

      >>> # example 3: attr shape is a Tensor, the data type must be int64 or int32.
      >>> shape_tensor = paddle.to_tensor([2, 3])
      >>> out3 = paddle.randn(shape_tensor)
      >>> print(out3)
      >>> # doctest: +SKIP("Random output")
      Tensor(shape=[2, 3], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[ 0.57575506, -1.60349274, -0.27124876],
       [ 1.08381045,  0.81270242, -0.26763600]])
      >>> # doctest: -SKIP
      `,
      random: 'unseeded',
      run: (doc) => {
        doc.random(paddle.randn([2, 3]));
        const dim1 = T(2, { dtype: 'int64' });
        const dim2 = T(3, { dtype: 'int32' });
        doc.random(paddle.randn([dim1, dim2, 2]));
        doc.random(paddle.randn(I([2, 3])));
      },
    },
    {
      api: 'paddle.seed',
      python: py`
      >>> import paddle
      >>> gen = paddle.seed(102)
      `,
      run: (doc) => {
        paddle.seed(102);
        expect(paddle.initialSeed()).toBe(102);
      },
    },
    {
      api: 'paddle.uniform',
      python: py`
      >>> import paddle

      >>> # example 1:
      >>> # attr shape is a list which doesn't contain Tensor.
      >>> out1 = paddle.uniform(shape=[3, 4])
      >>> print(out1)
      >>> # doctest: +SKIP("Random output")
      Tensor(shape=[3, 4], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[ 0.38170254, -0.47945309,  0.39794648, -0.94233936],
       [-0.85296679, -0.76094693,  0.10565400,  0.59155810],
       [ 0.11681318, -0.42144555, -0.81596589,  0.62113667]])
      >>> # doctest: -SKIP

      >>> # example 2:
      >>> # attr shape is a list which contains Tensor.
      >>> dim1 = paddle.to_tensor(2, 'int64')
      >>> dim2 = paddle.to_tensor(3, 'int32')
      >>> out2 = paddle.uniform(shape=[dim1, dim2])
      >>> print(out2)
      >>> # doctest: +SKIP("Random output")
      Tensor(shape=[2, 3], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[-0.00294012, -0.07210171, -0.44236207],
       [ 0.70089281,  0.21500075, -0.22084606]])
      >>> # doctest: -SKIP

      >>> # example 3:
      >>> # attr shape is a Tensor, the data type must be int64 or int32.
      >>> shape_tensor = paddle.to_tensor([2, 3])
      >>> out3 = paddle.uniform(shape_tensor)
      >>> print(out3)
      >>> # doctest: +SKIP("Random output")
      Tensor(shape=[2, 3], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[-0.60801756,  0.32448411,  0.90269291],
       [-0.66421294, -0.95218551, -0.51022208]])
      >>> # doctest: -SKIP
      `,
      random: 'unseeded',
      run: (doc) => {
        const out1 = paddle.uniform([3, 4]);
        expect(Array.from(out1.data).every((v) => v >= -1 && v < 1)).toBe(true);
        doc.random(out1);
        const dim1 = T(2, { dtype: 'int64' });
        const dim2 = T(3, { dtype: 'int32' });
        doc.random(paddle.uniform([dim1, dim2]));
        doc.random(paddle.uniform(I([2, 3])));
      },
    },
  ],
});

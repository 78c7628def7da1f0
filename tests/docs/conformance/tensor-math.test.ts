/** Paddle's documentation examples for this area, each beside its TypeScript twin (harness.ts). */
import { expect } from 'vitest';
import * as paddle from '../../../src/index.js';
import { conformance, py } from './harness.js';
import { F, I, reduceWithGradExample, T } from './helpers.js';

export default conformance({
  area: 'tensor-math',
  sources: ["tensor/math.py", "tensor/ops.py"],
  cases: [
    {
      api: 'paddle.abs',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([-0.4, -0.2, 0.1, 0.3])
      >>> out = paddle.abs(x)
      >>> print(out)
      Tensor(shape=[4], dtype=float32, place=Place(cpu), stop_gradient=True,
      [0.40000001, 0.20000000, 0.10000000, 0.30000001])
      `,
      run: (doc) => {
        const x = T([-0.4, -0.2, 0.1, 0.3]);
        doc.out(paddle.abs(x));
      },
    },
    {
      api: 'paddle.add',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([2, 3, 4], 'float64')
      >>> y = paddle.to_tensor([1, 5, 2], 'float64')
      >>> z = paddle.add(x, y)
      >>> print(z)
      Tensor(shape=[3], dtype=float64, place=Place(cpu), stop_gradient=True,
      [3., 8., 6.])
      `,
      run: (doc) => {
        const x = T([2, 3, 4], { dtype: 'float64' });
        const y = T([1, 5, 2], { dtype: 'float64' });
        doc.out(paddle.add(x, y));
      },
    },
    {
      api: 'paddle.all',
      python: py`
      >>> import paddle

      >>> # x is a bool Tensor with following elements:
      >>> #    [[True, False]
      >>> #     [True, True]]
      >>> x = paddle.to_tensor([[1, 0], [1, 1]], dtype='int32')
      >>> x
      Tensor(shape=[2, 2], dtype=int32, place=Place(cpu), stop_gradient=True,
      [[1, 0],
       [1, 1]])
      >>> x = paddle.cast(x, 'bool')

      >>> # out1 should be False
      >>> out1 = paddle.all(x)
      >>> out1
      Tensor(shape=[], dtype=bool, place=Place(cpu), stop_gradient=True,
      False)

      >>> # out2 should be [True, False]
      >>> out2 = paddle.all(x, axis=0)
      >>> out2
      Tensor(shape=[2], dtype=bool, place=Place(cpu), stop_gradient=True,
      [True , False])

      >>> # keepdim=False, out3 should be [False, True], out.shape should be (2,)
      >>> out3 = paddle.all(x, axis=-1)
      >>> out3
      Tensor(shape=[2], dtype=bool, place=Place(cpu), stop_gradient=True,
      [False, True ])

      >>> # keepdim=True, out4 should be [[False], [True]], out.shape should be (2, 1)
      >>> out4 = paddle.all(x, axis=1, keepdim=True)
      >>> out4
      Tensor(shape=[2, 1], dtype=bool, place=Place(cpu), stop_gradient=True,
      [[False],
       [True ]])
      `,
      run: (doc) => {
        let x = T([[1, 0], [1, 1]], { dtype: 'int32' });
        doc.out(x);
        x = paddle.cast(x, 'bool');
        doc.out(paddle.all(x));
        doc.out(paddle.all(x, { axis: 0 }));
        doc.out(paddle.all(x, { axis: -1 }));
        doc.out(paddle.all(x, { axis: 1, keepdim: true }));
      },
    },
    {
      api: 'paddle.any',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([[1, 0], [1, 1]], dtype='int32')
      >>> x = paddle.assign(x)
      >>> x
      Tensor(shape=[2, 2], dtype=int32, place=Place(cpu), stop_gradient=True,
      [[1, 0],
       [1, 1]])
      >>> x = paddle.cast(x, 'bool')
      >>> # x is a bool Tensor with following elements:
      >>> #    [[True, False]
      >>> #     [True, True]]

      >>> # out1 should be True
      >>> out1 = paddle.any(x)
      >>> out1
      Tensor(shape=[], dtype=bool, place=Place(cpu), stop_gradient=True,
      True)

      >>> # out2 should be [True, True]
      >>> out2 = paddle.any(x, axis=0)
      >>> out2
      Tensor(shape=[2], dtype=bool, place=Place(cpu), stop_gradient=True,
      [True, True])

      >>> # keepdim=False, out3 should be [True, True], out.shape should be (2,)
      >>> out3 = paddle.any(x, axis=-1)
      >>> out3
      Tensor(shape=[2], dtype=bool, place=Place(cpu), stop_gradient=True,
      [True, True])

      >>> # keepdim=True, result should be [[True], [True]], out.shape should be (2,1)
      >>> out4 = paddle.any(x, axis=1, keepdim=True)
      >>> out4
      Tensor(shape=[2, 1], dtype=bool, place=Place(cpu), stop_gradient=True,
      [[True],
       [True]])
      `,
      run: (doc) => {
        let x = T([[1, 0], [1, 1]], { dtype: 'int32' });
        x = paddle.assign(x);
        doc.out(x);
        x = paddle.cast(x, 'bool');
        doc.out(paddle.any(x));
        doc.out(paddle.any(x, { axis: 0 }));
        doc.out(paddle.any(x, { axis: -1 }));
        doc.out(paddle.any(x, { axis: 1, keepdim: true }));
      },
    },
    {
      api: 'paddle.clip',
      python: py`
      >>> import paddle

      >>> x1 = paddle.to_tensor([[1.2, 3.5], [4.5, 6.4]], 'float32')
      >>> out1 = paddle.clip(x1, min=3.5, max=5.0)
      >>> out1
      Tensor(shape=[2, 2], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[3.50000000, 3.50000000],
       [4.50000000, 5.        ]])
      >>> out2 = paddle.clip(x1, min=2.5)
      >>> out2
      Tensor(shape=[2, 2], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[2.50000000, 3.50000000],
       [4.50000000, 6.40000010]])
      `,
      run: (doc) => {
        const x1 = T([[1.2, 3.5], [4.5, 6.4]], { dtype: 'float32' });
        doc.out(paddle.clip(x1, { min: 3.5, max: 5.0 }));
        doc.out(paddle.clip(x1, { min: 2.5 }));
      },
    },
    {
      api: 'paddle.cos',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([-0.4, -0.2, 0.1, 0.3])
      >>> out = paddle.cos(x)
      >>> print(out)
      Tensor(shape=[4], dtype=float32, place=Place(cpu), stop_gradient=True,
      [0.92106098, 0.98006660, 0.99500418, 0.95533651])
      `,
      run: (doc) => {
        doc.out(paddle.cos(T([-0.4, -0.2, 0.1, 0.3])));
      },
    },
    {
      api: 'paddle.cumsum',
      python: py`
      >>> import paddle

      >>> data = paddle.arange(12)
      >>> data = paddle.reshape(data, (3, 4))

      >>> y = paddle.cumsum(data)
      >>> y
      Tensor(shape=[12], dtype=int64, place=Place(cpu), stop_gradient=True,
      [0 , 1 , 3 , 6 , 10, 15, 21, 28, 36, 45, 55, 66])

      >>> y = paddle.cumsum(data, axis=0)
      >>> y
      Tensor(shape=[3, 4], dtype=int64, place=Place(cpu), stop_gradient=True,
      [[0 , 1 , 2 , 3 ],
       [4 , 6 , 8 , 10],
       [12, 15, 18, 21]])

      >>> y = paddle.cumsum(data, axis=-1)
      >>> y
      Tensor(shape=[3, 4], dtype=int64, place=Place(cpu), stop_gradient=True,
      [[0 , 1 , 3 , 6 ],
       [4 , 9 , 15, 22],
       [8 , 17, 27, 38]])

      >>> y = paddle.cumsum(data, dtype='float64')
      >>> assert y.dtype == paddle.float64
      `,
      run: (doc) => {
        let data = paddle.arange(12);
        data = paddle.reshape(data, [3, 4]);
        doc.out(paddle.cumsum(data));
        doc.out(paddle.cumsum(data, { axis: 0 }));
        doc.out(paddle.cumsum(data, { axis: -1 }));
        const y = paddle.cumsum(data, { dtype: 'float64' });
        expect(y.dtype).toBe('float64');
      },
    },
    {
      api: 'paddle.divide',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([2, 3, 4], dtype='float64')
      >>> y = paddle.to_tensor([1, 5, 2], dtype='float64')
      >>> z = paddle.divide(x, y)
      >>> print(z)
      Tensor(shape=[3], dtype=float64, place=Place(cpu), stop_gradient=True,
      [2.        , 0.60000000, 2.        ])
      `,
      run: (doc) => {
        doc.out(paddle.divide(T([2, 3, 4], { dtype: 'float64' }), T([1, 5, 2], { dtype: 'float64' })));
      },
    },
    {
      api: 'paddle.exp',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([-0.4, -0.2, 0.1, 0.3])
      >>> out = paddle.exp(x)
      >>> print(out)
      Tensor(shape=[4], dtype=float32, place=Place(cpu), stop_gradient=True,
      [0.67032003, 0.81873077, 1.10517097, 1.34985888])
      `,
      run: (doc) => {
        doc.out(paddle.exp(T([-0.4, -0.2, 0.1, 0.3])));
      },
    },
    {
      api: 'paddle.floor',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([-0.4, -0.2, 0.1, 0.3])
      >>> out = paddle.floor(x)
      >>> print(out)
      Tensor(shape=[4], dtype=float32, place=Place(cpu), stop_gradient=True,
      [-1., -1.,  0.,  0.])
      `,
      run: (doc) => {
        doc.out(paddle.floor(T([-0.4, -0.2, 0.1, 0.3])));
      },
    },
    {
      api: 'paddle.isfinite',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([float('-inf'), -2, 3.6, float('inf'), 0, float('-nan'), float('nan')])
      >>> out = paddle.isfinite(x)
      >>> out
      Tensor(shape=[7], dtype=bool, place=Place(cpu), stop_gradient=True,
      [False, True , True , False, True , False, False])
      `,
      run: (doc) => {
        doc.out(paddle.isfinite(T([-Infinity, -2, 3.6, Infinity, 0, NaN, NaN])));
      },
    },
    {
      api: 'paddle.isinf',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([float('-inf'), -2, 3.6, float('inf'), 0, float('-nan'), float('nan')])
      >>> out = paddle.isinf(x)
      >>> out
      Tensor(shape=[7], dtype=bool, place=Place(cpu), stop_gradient=True,
      [True , False, False, True , False, False, False])
      `,
      run: (doc) => {
        doc.out(paddle.isinf(T([-Infinity, -2, 3.6, Infinity, 0, NaN, NaN])));
      },
    },
    {
      api: 'paddle.isnan',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([float('-inf'), -2, 3.6, float('inf'), 0, float('-nan'), float('nan')])
      >>> out = paddle.isnan(x)
      >>> out
      Tensor(shape=[7], dtype=bool, place=Place(cpu), stop_gradient=True,
      [False, False, False, False, False, True , True ])
      `,
      run: (doc) => {
        doc.out(paddle.isnan(T([-Infinity, -2, 3.6, Infinity, 0, NaN, NaN])));
      },
    },
    {
      api: 'paddle.log',
      python: py`
      >>> import paddle

      >>> x = [[2, 3, 4], [7, 8, 9]]
      >>> x = paddle.to_tensor(x, dtype='float32')
      >>> print(paddle.log(x))
      Tensor(shape=[2, 3], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[0.69314718, 1.09861231, 1.38629436],
       [1.94591010, 2.07944155, 2.19722462]])
      `,
      run: (doc) => {
        doc.out(paddle.log(T([[2, 3, 4], [7, 8, 9]], { dtype: 'float32' })));
      },
    },
    {
      api: 'paddle.logsumexp',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([[-1.5, 0., 2.], [3., 1.2, -2.4]])
      >>> out1 = paddle.logsumexp(x)
      >>> out1
      Tensor(shape=[], dtype=float32, place=Place(cpu), stop_gradient=True,
      3.46912265)
      >>> out2 = paddle.logsumexp(x, 1)
      >>> out2
      Tensor(shape=[2], dtype=float32, place=Place(cpu), stop_gradient=True,
      [2.15317822, 3.15684605])
      `,
      run: (doc) => {
        const x = T([[-1.5, 0, 2], [3, 1.2, -2.4]]);
        doc.out(paddle.logsumexp(x));
        doc.out(paddle.logsumexp(x, 1));
      },
    },
    {
      api: 'paddle.max',
      python: py`
      >>> import paddle

      >>> # data_x is a Tensor with shape [2, 4]
      >>> # the axis is a int element
      >>> x = paddle.to_tensor([[0.2, 0.3, 0.5, 0.9],
      ...                       [0.1, 0.2, 0.6, 0.7]],
      ...                       dtype='float64', stop_gradient=False)
      >>> result1 = paddle.max(x)
      >>> result1.backward()
      >>> result1
      Tensor(shape=[], dtype=float64, place=Place(cpu), stop_gradient=False,
      0.90000000)
      >>> x.grad
      Tensor(shape=[2, 4], dtype=float64, place=Place(cpu), stop_gradient=False,
      [[0., 0., 0., 1.],
       [0., 0., 0., 0.]])

      >>> x.clear_grad()
      >>> result2 = paddle.max(x, axis=0)
      >>> result2.backward()
      >>> result2
      Tensor(shape=[4], dtype=float64, place=Place(cpu), stop_gradient=False,
      [0.20000000, 0.30000000, 0.60000000, 0.90000000])
      >>> x.grad
      Tensor(shape=[2, 4], dtype=float64, place=Place(cpu), stop_gradient=False,
      [[1., 1., 0., 1.],
       [0., 0., 1., 0.]])

      >>> x.clear_grad()
      >>> result3 = paddle.max(x, axis=-1)
      >>> result3.backward()
      >>> result3
      Tensor(shape=[2], dtype=float64, place=Place(cpu), stop_gradient=False,
      [0.90000000, 0.70000000])
      >>> x.grad
      Tensor(shape=[2, 4], dtype=float64, place=Place(cpu), stop_gradient=False,
      [[0., 0., 0., 1.],
       [0., 0., 0., 1.]])

      >>> x.clear_grad()
      >>> result4 = paddle.max(x, axis=1, keepdim=True)
      >>> result4.backward()
      >>> result4
      Tensor(shape=[2, 1], dtype=float64, place=Place(cpu), stop_gradient=False,
      [[0.90000000],
       [0.70000000]])
      >>> x.grad
      Tensor(shape=[2, 4], dtype=float64, place=Place(cpu), stop_gradient=False,
      [[0., 0., 0., 1.],
       [0., 0., 0., 1.]])

      >>> # data_y is a Tensor with shape [2, 2, 2]
      >>> # the axis is list
      >>> y = paddle.to_tensor([[[1.0, 2.0], [3.0, 4.0]],
      ...                         [[5.0, 6.0], [7.0, 8.0]]],
      ...                         dtype='float64', stop_gradient=False)
      >>> result5 = paddle.max(y, axis=[1, 2])
      >>> result5.backward()
      >>> result5
      Tensor(shape=[2], dtype=float64, place=Place(cpu), stop_gradient=False,
      [4., 8.])
      >>> y.grad
      Tensor(shape=[2, 2, 2], dtype=float64, place=Place(cpu), stop_gradient=False,
      [[[0., 0.],
        [0., 1.]],
       [[0., 0.],
        [0., 1.]]])

      >>> y.clear_grad()
      >>> result6 = paddle.max(y, axis=[0, 1])
      >>> result6.backward()
      >>> result6
      Tensor(shape=[2], dtype=float64, place=Place(cpu), stop_gradient=False,
      [7., 8.])
      >>> y.grad
      Tensor(shape=[2, 2, 2], dtype=float64, place=Place(cpu), stop_gradient=False,
      [[[0., 0.],
        [0., 0.]],
       [[0., 0.],
        [1., 1.]]])
      `,
      run: (doc) => {
        reduceWithGradExample(doc, paddle.max);
      },
    },
    {
      api: 'paddle.maximum',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([[1, 2], [7, 8]])
      >>> y = paddle.to_tensor([[3, 4], [5, 6]])
      >>> res = paddle.maximum(x, y)
      >>> print(res)
      Tensor(shape=[2, 2], dtype=int64, place=Place(cpu), stop_gradient=True,
      [[3, 4],
       [7, 8]])

      >>> x = paddle.to_tensor([[1, 2, 3], [1, 2, 3]])
      >>> y = paddle.to_tensor([3, 0, 4])
      >>> res = paddle.maximum(x, y)
      >>> print(res)
      Tensor(shape=[2, 3], dtype=int64, place=Place(cpu), stop_gradient=True,
      [[3, 2, 4],
       [3, 2, 4]])

      >>> x = paddle.to_tensor([2, 3, 5], dtype='float32')
      >>> y = paddle.to_tensor([1, float("nan"), float("nan")], dtype='float32')
      >>> res = paddle.maximum(x, y)
      >>> print(res)
      Tensor(shape=[3], dtype=float32, place=Place(cpu), stop_gradient=True,
      [2. , nan, nan])

      >>> x = paddle.to_tensor([5, 3, float("inf")], dtype='float32')
      >>> y = paddle.to_tensor([1, -float("inf"), 5], dtype='float32')
      >>> res = paddle.maximum(x, y)
      >>> print(res)
      Tensor(shape=[3], dtype=float32, place=Place(cpu), stop_gradient=True,
      [5.  , 3.  , inf.])
      `,
      run: (doc) => {
        doc.out(paddle.maximum(I([[1, 2], [7, 8]]), I([[3, 4], [5, 6]])));
        doc.out(paddle.maximum(I([[1, 2, 3], [1, 2, 3]]), I([3, 0, 4])));
        doc.out(paddle.maximum(T([2, 3, 5], { dtype: 'float32' }), T([1, NaN, NaN], { dtype: 'float32' })));
        doc.out(paddle.maximum(T([5, 3, Infinity], { dtype: 'float32' }), T([1, -Infinity, 5], { dtype: 'float32' })));
      },
    },
    {
      api: 'paddle.min',
      python: py`
      >>> import paddle

      >>> # data_x is a Tensor with shape [2, 4]
      >>> # the axis is a int element
      >>> x = paddle.to_tensor([[0.2, 0.3, 0.5, 0.9],
      ...                       [0.1, 0.2, 0.6, 0.7]],
      ...                       dtype='float64', stop_gradient=False)
      >>> result1 = paddle.min(x)
      >>> result1.backward()
      >>> result1
      Tensor(shape=[], dtype=float64, place=Place(cpu), stop_gradient=False,
      0.10000000)
      >>> x.grad
      Tensor(shape=[2, 4], dtype=float64, place=Place(cpu), stop_gradient=False,
      [[0., 0., 0., 0.],
       [1., 0., 0., 0.]])

      >>> x.clear_grad()
      >>> result2 = paddle.min(x, axis=0)
      >>> result2.backward()
      >>> result2
      Tensor(shape=[4], dtype=float64, place=Place(cpu), stop_gradient=False,
      [0.10000000, 0.20000000, 0.50000000, 0.70000000])
      >>> x.grad
      Tensor(shape=[2, 4], dtype=float64, place=Place(cpu), stop_gradient=False,
      [[0., 0., 1., 0.],
       [1., 1., 0., 1.]])

      >>> x.clear_grad()
      >>> result3 = paddle.min(x, axis=-1)
      >>> result3.backward()
      >>> result3
      Tensor(shape=[2], dtype=float64, place=Place(cpu), stop_gradient=False,
      [0.20000000, 0.10000000])
      >>> x.grad
      Tensor(shape=[2, 4], dtype=float64, place=Place(cpu), stop_gradient=False,
      [[1., 0., 0., 0.],
       [1., 0., 0., 0.]])

      >>> x.clear_grad()
      >>> result4 = paddle.min(x, axis=1, keepdim=True)
      >>> result4.backward()
      >>> result4
      Tensor(shape=[2, 1], dtype=float64, place=Place(cpu), stop_gradient=False,
      [[0.20000000],
       [0.10000000]])
      >>> x.grad
      Tensor(shape=[2, 4], dtype=float64, place=Place(cpu), stop_gradient=False,
      [[1., 0., 0., 0.],
       [1., 0., 0., 0.]])

      >>> # data_y is a Tensor with shape [2, 2, 2]
      >>> # the axis is list
      >>> y = paddle.to_tensor([[[1.0, 2.0], [3.0, 4.0]],
      ...                       [[5.0, 6.0], [7.0, 8.0]]],
      ...                       dtype='float64', stop_gradient=False)
      >>> result5 = paddle.min(y, axis=[1, 2])
      >>> result5.backward()
      >>> result5
      Tensor(shape=[2], dtype=float64, place=Place(cpu), stop_gradient=False,
      [1., 5.])
      >>> y.grad
      Tensor(shape=[2, 2, 2], dtype=float64, place=Place(cpu), stop_gradient=False,
      [[[1., 0.],
        [0., 0.]],
       [[1., 0.],
        [0., 0.]]])

      >>> y.clear_grad()
      >>> result6 = paddle.min(y, axis=[0, 1])
      >>> result6.backward()
      >>> result6
      Tensor(shape=[2], dtype=float64, place=Place(cpu), stop_gradient=False,
      [1., 2.])
      >>> y.grad
      Tensor(shape=[2, 2, 2], dtype=float64, place=Place(cpu), stop_gradient=False,
      [[[1., 1.],
        [0., 0.]],
       [[0., 0.],
        [0., 0.]]])
      `,
      run: (doc) => {
        reduceWithGradExample(doc, paddle.min);
      },
    },
    {
      api: 'paddle.minimum',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([[1, 2], [7, 8]])
      >>> y = paddle.to_tensor([[3, 4], [5, 6]])
      >>> res = paddle.minimum(x, y)
      >>> print(res)
      Tensor(shape=[2, 2], dtype=int64, place=Place(cpu), stop_gradient=True,
      [[1, 2],
       [5, 6]])

      >>> x = paddle.to_tensor([[[1, 2, 3], [1, 2, 3]]])
      >>> y = paddle.to_tensor([3, 0, 4])
      >>> res = paddle.minimum(x, y)
      >>> print(res)
      Tensor(shape=[1, 2, 3], dtype=int64, place=Place(cpu), stop_gradient=True,
      [[[1, 0, 3],
        [1, 0, 3]]])

      >>> x = paddle.to_tensor([2, 3, 5], dtype='float32')
      >>> y = paddle.to_tensor([1, float("nan"), float("nan")], dtype='float32')
      >>> res = paddle.minimum(x, y)
      >>> print(res)
      Tensor(shape=[3], dtype=float32, place=Place(cpu), stop_gradient=True,
      [1. , nan, nan])

      >>> x = paddle.to_tensor([5, 3, float("inf")], dtype='float64')
      >>> y = paddle.to_tensor([1, -float("inf"), 5], dtype='float64')
      >>> res = paddle.minimum(x, y)
      >>> print(res)
      Tensor(shape=[3], dtype=float64, place=Place(cpu), stop_gradient=True,
      [ 1.  , -inf.,  5.  ])
      `,
      run: (doc) => {
        doc.out(paddle.minimum(I([[1, 2], [7, 8]]), I([[3, 4], [5, 6]])));
        doc.out(paddle.minimum(I([[[1, 2, 3], [1, 2, 3]]]), I([3, 0, 4])));
        doc.out(paddle.minimum(T([2, 3, 5], { dtype: 'float32' }), T([1, NaN, NaN], { dtype: 'float32' })));
        doc.out(paddle.minimum(T([5, 3, Infinity], { dtype: 'float64' }), T([1, -Infinity, 5], { dtype: 'float64' })));
      },
    },
    {
      api: 'paddle.multiply',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([[1, 2], [3, 4]])
      >>> y = paddle.to_tensor([[5, 6], [7, 8]])
      >>> res = paddle.multiply(x, y)
      >>> print(res)
      Tensor(shape=[2, 2], dtype=int64, place=Place(cpu), stop_gradient=True,
      [[5 , 12],
       [21, 32]])
      >>> x = paddle.to_tensor([[[1, 2, 3], [1, 2, 3]]])
      >>> y = paddle.to_tensor([2])
      >>> res = paddle.multiply(x, y)
      >>> print(res)
      Tensor(shape=[1, 2, 3], dtype=int64, place=Place(cpu), stop_gradient=True,
      [[[2, 4, 6],
        [2, 4, 6]]])
      `,
      run: (doc) => {
        doc.out(paddle.multiply(I([[1, 2], [3, 4]]), I([[5, 6], [7, 8]])));
        doc.out(paddle.multiply(I([[[1, 2, 3], [1, 2, 3]]]), I([2])));
      },
    },
    {
      api: 'paddle.neg',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([-0.4, -0.2, 0.1, 0.3])
      >>> out = paddle.neg(x)
      >>> out
      Tensor(shape=[4], dtype=float32, place=Place(cpu), stop_gradient=True,
      [ 0.40000001,  0.20000000, -0.10000000, -0.30000001])
      `,
      run: (doc) => {
        doc.out(paddle.neg(T([-0.4, -0.2, 0.1, 0.3])));
      },
    },
    {
      api: 'paddle.outer',
      python: py`
      >>> import paddle
      >>> x = paddle.arange(1, 4).astype('float32')
      >>> y = paddle.arange(1, 6).astype('float32')
      >>> out = paddle.outer(x, y)
      >>> print(out)
      Tensor(shape=[3, 5], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[1. , 2. , 3. , 4. , 5. ],
       [2. , 4. , 6. , 8. , 10.],
       [3. , 6. , 9. , 12., 15.]])
      `,
      run: (doc) => {
        const x = paddle.arange(1, 4).astype('float32');
        const y = paddle.arange(1, 6).astype('float32');
        doc.out(paddle.outer(x, y));
      },
    },
    {
      api: 'paddle.pow',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([1, 2, 3], dtype='float32')

      >>> # example 1: y is a float or int
      >>> res = paddle.pow(x, 2)
      >>> print(res)
      Tensor(shape=[3], dtype=float32, place=Place(cpu), stop_gradient=True,
      [1., 4., 9.])
      >>> res = paddle.pow(x, 2.5)
      >>> print(res)
      Tensor(shape=[3], dtype=float32, place=Place(cpu), stop_gradient=True,
      [1.         , 5.65685415 , 15.58845711])

      >>> # example 2: y is a Tensor
      >>> y = paddle.to_tensor([2], dtype='float32')
      >>> res = paddle.pow(x, y)
      >>> print(res)
      Tensor(shape=[3], dtype=float32, place=Place(cpu), stop_gradient=True,
      [1., 4., 9.])
      `,
      run: (doc) => {
        const x = T([1, 2, 3], { dtype: 'float32' });
        doc.out(paddle.pow(x, 2));
        doc.out(paddle.pow(x, 2.5));
        doc.out(paddle.pow(x, T([2], { dtype: 'float32' })));
      },
    },
    {
      api: 'paddle.prod',
      python: py`
      >>> import paddle

      >>> # the axis is a int element
      >>> x = paddle.to_tensor([[0.2, 0.3, 0.5, 0.9],
      ...                       [0.1, 0.2, 0.6, 0.7]])
      >>> out1 = paddle.prod(x)
      >>> out1
      Tensor(shape=[], dtype=float32, place=Place(cpu), stop_gradient=True,
      0.00022680)

      >>> out2 = paddle.prod(x, -1)
      >>> out2
      Tensor(shape=[2], dtype=float32, place=Place(cpu), stop_gradient=True,
      [0.02700000, 0.00840000])

      >>> out3 = paddle.prod(x, 0)
      >>> out3
      Tensor(shape=[4], dtype=float32, place=Place(cpu), stop_gradient=True,
      [0.02000000, 0.06000000, 0.30000001, 0.63000000])

      >>> out4 = paddle.prod(x, 0, keepdim=True)
      >>> out4
      Tensor(shape=[1, 4], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[0.02000000, 0.06000000, 0.30000001, 0.63000000]])

      >>> out5 = paddle.prod(x, 0, dtype='int64')
      >>> out5
      Tensor(shape=[4], dtype=int64, place=Place(cpu), stop_gradient=True,
      [0, 0, 0, 0])

      >>> # the axis is list
      >>> y = paddle.to_tensor([[[1.0, 2.0], [3.0, 4.0]],
      ...                         [[5.0, 6.0], [7.0, 8.0]]])
      >>> out6 = paddle.prod(y, [0, 1])
      >>> out6
      Tensor(shape=[2], dtype=float32, place=Place(cpu), stop_gradient=True,
      [105., 384.])

      >>> out7 = paddle.prod(y, (1, 2))
      >>> out7
      Tensor(shape=[2], dtype=float32, place=Place(cpu), stop_gradient=True,
      [24.  , 1680.])
      `,
      run: (doc) => {
        const x = T([[0.2, 0.3, 0.5, 0.9], [0.1, 0.2, 0.6, 0.7]]);
        doc.out(paddle.prod(x));
        doc.out(paddle.prod(x, -1));
        doc.out(paddle.prod(x, 0));
        doc.out(paddle.prod(x, 0, { keepdim: true }));
        doc.out(paddle.prod(x, 0, { dtype: 'int64' }));
        const y = T([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]);
        doc.out(paddle.prod(y, [0, 1]));
        doc.out(paddle.prod(y, [1, 2]));
      },
    },
    {
      api: 'paddle.round',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([-0.5, -0.2, 0.6, 1.5])
      >>> out = paddle.round(x)
      >>> print(out)
      Tensor(shape=[4], dtype=float32, place=Place(cpu), stop_gradient=True,
      [-1., -0.,  1.,  2.])
      `,
      run: (doc) => {
        doc.out(paddle.round(T([-0.5, -0.2, 0.6, 1.5])));
      },
    },
    {
      api: 'paddle.rsqrt',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([0.1, 0.2, 0.3, 0.4])
      >>> out = paddle.rsqrt(x)
      >>> print(out)
      Tensor(shape=[4], dtype=float32, place=Place(cpu), stop_gradient=True,
      [3.16227770, 2.23606801, 1.82574177, 1.58113885])
      `,
      run: (doc) => {
        doc.out(paddle.rsqrt(T([0.1, 0.2, 0.3, 0.4])));
      },
    },
    {
      api: 'paddle.scale',
      python: py`
          >>> # scale as a float32 number
          >>> import paddle

          >>> data = paddle.arange(6).astype("float32").reshape([2, 3])
          >>> print(data)
          Tensor(shape=[2, 3], dtype=float32, place=Place(cpu), stop_gradient=True,
          [[0., 1., 2.],
           [3., 4., 5.]])
          >>> res = paddle.scale(data, scale=2.0, bias=1.0)
          >>> print(res)
          Tensor(shape=[2, 3], dtype=float32, place=Place(cpu), stop_gradient=True,
          [[1. , 3. , 5. ],
           [7. , 9. , 11.]])

          >>> # scale with parameter scale as a Tensor
          >>> import paddle

          >>> data = paddle.arange(6).astype("float32").reshape([2, 3])
          >>> print(data)
          Tensor(shape=[2, 3], dtype=float32, place=Place(cpu), stop_gradient=True,
          [[0., 1., 2.],
           [3., 4., 5.]])
          >>> factor = paddle.to_tensor([2], dtype='float32')
          >>> res = paddle.scale(data, scale=factor, bias=1.0)
          >>> print(res)
          Tensor(shape=[2, 3], dtype=float32, place=Place(cpu), stop_gradient=True,
          [[1. , 3. , 5. ],
           [7. , 9. , 11.]])
      `,
      run: (doc) => {
        let data = paddle.arange(6).astype('float32').reshape([2, 3]);
        doc.out(data);
        doc.out(paddle.scale(data, { scale: 2.0, bias: 1.0 }));
        data = paddle.arange(6).astype('float32').reshape([2, 3]);
        doc.out(data);
        const factor = T([2], { dtype: 'float32' });
        doc.out(paddle.scale(data, { scale: factor, bias: 1.0 }));
      },
    },
    {
      api: 'paddle.sigmoid',
      python: py`
      >>> import paddle
      >>> import paddle.nn.functional as F

      >>> x = paddle.to_tensor([-0.4, -0.2, 0.1, 0.3])
      >>> out = F.sigmoid(x)
      >>> print(out)
      Tensor(shape=[4], dtype=float32, place=Place(cpu), stop_gradient=True,
      [0.40131235, 0.45016602, 0.52497917, 0.57444251])
      `,
      run: (doc) => {
        doc.out(F.sigmoid(T([-0.4, -0.2, 0.1, 0.3])));
      },
    },
    {
      api: 'paddle.sign',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([3.0, 0.0, -2.0, 1.7], dtype='float32')
      >>> out = paddle.sign(x=x)
      >>> out
      Tensor(shape=[4], dtype=float32, place=Place(cpu), stop_gradient=True,
      [ 1.,  0., -1.,  1.])
      `,
      run: (doc) => {
        doc.out(paddle.sign(T([3.0, 0.0, -2.0, 1.7], { dtype: 'float32' })));
      },
    },
    {
      api: 'paddle.sin',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([-0.4, -0.2, 0.1, 0.3])
      >>> out = paddle.sin(x)
      >>> print(out)
      Tensor(shape=[4], dtype=float32, place=Place(cpu), stop_gradient=True,
      [-0.38941833, -0.19866933,  0.09983342,  0.29552022])
      `,
      run: (doc) => {
        doc.out(paddle.sin(T([-0.4, -0.2, 0.1, 0.3])));
      },
    },
    {
      api: 'paddle.sqrt',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([0.1, 0.2, 0.3, 0.4])
      >>> out = paddle.sqrt(x)
      >>> print(out)
      Tensor(shape=[4], dtype=float32, place=Place(cpu), stop_gradient=True,
      [0.31622776, 0.44721359, 0.54772258, 0.63245553])
      `,
      run: (doc) => {
        doc.out(paddle.sqrt(T([0.1, 0.2, 0.3, 0.4])));
      },
    },
    {
      api: 'paddle.square',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([-0.4, -0.2, 0.1, 0.3])
      >>> out = paddle.square(x)
      >>> print(out)
      Tensor(shape=[4], dtype=float32, place=Place(cpu), stop_gradient=True,
      [0.16000001, 0.04000000, 0.01000000, 0.09000000])
      `,
      run: (doc) => {
        doc.out(paddle.square(T([-0.4, -0.2, 0.1, 0.3])));
      },
    },
    {
      api: 'paddle.subtract',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([[1, 2], [7, 8]])
      >>> y = paddle.to_tensor([[5, 6], [3, 4]])
      >>> res = paddle.subtract(x, y)
      >>> print(res)
      Tensor(shape=[2, 2], dtype=int64, place=Place(cpu), stop_gradient=True,
      [[-4, -4],
       [ 4,  4]])

      >>> x = paddle.to_tensor([[[1, 2, 3], [1, 2, 3]]])
      >>> y = paddle.to_tensor([1, 0, 4])
      >>> res = paddle.subtract(x, y)
      >>> print(res)
      Tensor(shape=[1, 2, 3], dtype=int64, place=Place(cpu), stop_gradient=True,
      [[[ 0,  2, -1],
        [ 0,  2, -1]]])

      >>> x = paddle.to_tensor([2, float('nan'), 5], dtype='float32')
      >>> y = paddle.to_tensor([1, 4, float('nan')], dtype='float32')
      >>> res = paddle.subtract(x, y)
      >>> print(res)
      Tensor(shape=[3], dtype=float32, place=Place(cpu), stop_gradient=True,
      [1. , nan, nan])

      >>> x = paddle.to_tensor([5, float('inf'), -float('inf')], dtype='float64')
      >>> y = paddle.to_tensor([1, 4, 5], dtype='float64')
      >>> res = paddle.subtract(x, y)
      >>> print(res)
      Tensor(shape=[3], dtype=float64, place=Place(cpu), stop_gradient=True,
      [ 4.  ,  inf., -inf.])
      `,
      run: (doc) => {
        doc.out(paddle.subtract(I([[1, 2], [7, 8]]), I([[5, 6], [3, 4]])));
        doc.out(paddle.subtract(I([[[1, 2, 3], [1, 2, 3]]]), I([1, 0, 4])));
        doc.out(paddle.subtract(T([2, NaN, 5], { dtype: 'float32' }), T([1, 4, NaN], { dtype: 'float32' })));
        doc.out(paddle.subtract(T([5, Infinity, -Infinity], { dtype: 'float64' }), T([1, 4, 5], { dtype: 'float64' })));
      },
    },
    {
      api: 'paddle.sum',
      python: py`
      >>> import paddle

      >>> # x is a Tensor with following elements:
      >>> #    [[0.2, 0.3, 0.5, 0.9]
      >>> #     [0.1, 0.2, 0.6, 0.7]]
      >>> # Each example is followed by the corresponding output tensor.
      >>> x = paddle.to_tensor([[0.2, 0.3, 0.5, 0.9],
      ...                       [0.1, 0.2, 0.6, 0.7]])
      >>> out1 = paddle.sum(x)
      >>> out1
      Tensor(shape=[], dtype=float32, place=Place(cpu), stop_gradient=True,
      3.50000000)
      >>> out2 = paddle.sum(x, axis=0)
      >>> out2
      Tensor(shape=[4], dtype=float32, place=Place(cpu), stop_gradient=True,
      [0.30000001, 0.50000000, 1.10000002, 1.59999990])
      >>> out3 = paddle.sum(x, axis=-1)
      >>> out3
      Tensor(shape=[2], dtype=float32, place=Place(cpu), stop_gradient=True,
      [1.89999998, 1.60000002])
      >>> out4 = paddle.sum(x, axis=1, keepdim=True)
      >>> out4
      Tensor(shape=[2, 1], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[1.89999998],
       [1.60000002]])

      >>> # y is a Tensor with shape [2, 2, 2] and elements as below:
      >>> #      [[[1, 2], [3, 4]],
      >>> #      [[5, 6], [7, 8]]]
      >>> # Each example is followed by the corresponding output tensor.
      >>> y = paddle.to_tensor([[[1, 2], [3, 4]],
      ...                       [[5, 6], [7, 8]]])
      >>> out5 = paddle.sum(y, axis=[1, 2])
      >>> out5
      Tensor(shape=[2], dtype=int64, place=Place(cpu), stop_gradient=True,
      [10, 26])
      >>> out6 = paddle.sum(y, axis=[0, 1])
      >>> out6
      Tensor(shape=[2], dtype=int64, place=Place(cpu), stop_gradient=True,
      [16, 20])

      >>> # x is a Tensor with following elements:
      >>> #    [[True, True, True, True]
      >>> #     [False, False, False, False]]
      >>> # Each example is followed by the corresponding output tensor.
      >>> x = paddle.to_tensor([[True, True, True, True],
      ...                       [False, False, False, False]])
      >>> out7 = paddle.sum(x)
      >>> out7
      Tensor(shape=[], dtype=int64, place=Place(cpu), stop_gradient=True,
      4)
      >>> out8 = paddle.sum(x, axis=0)
      >>> out8
      Tensor(shape=[4], dtype=int64, place=Place(cpu), stop_gradient=True,
      [1, 1, 1, 1])
      >>> out9 = paddle.sum(x, axis=1)
      >>> out9
      Tensor(shape=[2], dtype=int64, place=Place(cpu), stop_gradient=True,
      [4, 0])
      `,
      run: (doc) => {
        const x = T([[0.2, 0.3, 0.5, 0.9], [0.1, 0.2, 0.6, 0.7]]);
        doc.out(paddle.sum(x));
        doc.out(paddle.sum(x, { axis: 0 }));
        doc.out(paddle.sum(x, { axis: -1 }));
        doc.out(paddle.sum(x, { axis: 1, keepdim: true }));
        const y = I([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]);
        doc.out(paddle.sum(y, { axis: [1, 2] }));
        doc.out(paddle.sum(y, { axis: [0, 1] }));
        const b = T([[true, true, true, true], [false, false, false, false]]);
        doc.out(paddle.sum(b));
        doc.out(paddle.sum(b, { axis: 0 }));
        doc.out(paddle.sum(b, { axis: 1 }));
      },
    },
    {
      api: 'paddle.tanh',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([-0.4, -0.2, 0.1, 0.3])
      >>> out = paddle.tanh(x)
      >>> out
      Tensor(shape=[4], dtype=float32, place=Place(cpu), stop_gradient=True,
      [-0.37994900, -0.19737528,  0.09966799,  0.29131261])
      `,
      run: (doc) => {
        doc.out(paddle.tanh(T([-0.4, -0.2, 0.1, 0.3])));
      },
    },
    {
      api: 'paddle.nn.functional.sigmoid',
      python: py`
      >>> import paddle
      >>> import paddle.nn.functional as F

      >>> x = paddle.to_tensor([-0.4, -0.2, 0.1, 0.3])
      >>> out = F.sigmoid(x)
      >>> print(out)
      Tensor(shape=[4], dtype=float32, place=Place(cpu), stop_gradient=True,
      [0.40131235, 0.45016602, 0.52497917, 0.57444251])
      `,
      run: (doc) => {
        doc.out(F.sigmoid(T([-0.4, -0.2, 0.1, 0.3])));
      },
    },
    {
      api: 'paddle.nn.functional.tanh',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([-0.4, -0.2, 0.1, 0.3])
      >>> out = paddle.tanh(x)
      >>> out
      Tensor(shape=[4], dtype=float32, place=Place(cpu), stop_gradient=True,
      [-0.37994900, -0.19737528,  0.09966799,  0.29131261])
      `,
      run: (doc) => {
        doc.out(F.tanh(T([-0.4, -0.2, 0.1, 0.3])));
      },
    },
    {
      api: 'paddle.add_n',
      python: py`
      >>> import paddle

      >>> input0 = paddle.to_tensor([[1, 2, 3], [4, 5, 6]], dtype='float32')
      >>> input1 = paddle.to_tensor([[7, 8, 9], [10, 11, 12]], dtype='float32')
      >>> output = paddle.add_n([input0, input1])
      >>> output
      Tensor(shape=[2, 3], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[8. , 10., 12.],
       [14., 16., 18.]])
      `,
      run: (doc) => {
        const input0 = T([[1, 2, 3], [4, 5, 6]], { dtype: 'float32' });
        const input1 = T([[7, 8, 9], [10, 11, 12]], { dtype: 'float32' });
        doc.out(paddle.add_n([input0, input1]));
      },
    },
  ],
});

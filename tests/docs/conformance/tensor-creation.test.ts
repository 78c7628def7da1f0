/** Paddle's documentation examples for this area, each beside its TypeScript twin (harness.ts). */
import { expect } from 'vitest';
import * as paddle from '../../../src/index.js';
import { conformance, py } from './harness.js';
import { I, T } from './helpers.js';

export default conformance({
  area: 'tensor-creation',
  sources: ["framework/framework.py", "tensor/creation.py"],
  cases: [
    {
      api: 'paddle.arange',
      python: py`
      >>> import paddle

      >>> out1 = paddle.arange(5)
      >>> print(out1.numpy())
      [0 1 2 3 4]

      >>> out2 = paddle.arange(3, 9, 2.0)
      >>> print(out2.numpy())
      [3. 5. 7.]

      >>> # use 4.999 instead of 5.0 to avoid floating point rounding errors
      >>> out3 = paddle.arange(4.999, dtype='float32')
      >>> print(out3.numpy())
      [0. 1. 2. 3. 4.]

      >>> start_var = paddle.to_tensor(3)
      >>> out4 = paddle.arange(start_var, 7)
      >>> print(out4.numpy())
      [3 4 5 6]
      `,
      run: (doc) => {
        doc.out(paddle.arange(5).numpy());
        doc.out(paddle.arange(3, 9, 2.0).numpy());
        doc.out(paddle.arange(4.999, { dtype: 'float32' }).numpy());
        const startVar = I(3);
        doc.out(paddle.arange(startVar, 7).numpy());
      },
    },
    {
      api: 'paddle.create_parameter',
      python: py`
      >>> import paddle
      >>> paddle.enable_static()
      >>> W = paddle.create_parameter(shape=[784, 200], dtype='float32')
      `,
      notPortable: { reason: 'static-graph', why: "the example builds a static-graph Program (paddle.enable_static()); paddle.createParameter in dygraph is covered by tests/nn" },
    },
    {
      api: 'paddle.eye',
      python: py`
      >>> import paddle

      >>> data = paddle.eye(3, dtype='int32')
      >>> print(data.numpy())
      [[1 0 0]
       [0 1 0]
       [0 0 1]]
      >>> data = paddle.eye(2, 3, dtype='int32')
      >>> print(data.numpy())
      [[1 0 0]
       [0 1 0]]
      `,
      run: (doc) => {
        doc.out(paddle.eye(3, { dtype: 'int32' }).tolist());
        doc.out(paddle.eye(2, 3, { dtype: 'int32' }).tolist());
      },
    },
    {
      api: 'paddle.full',
      python: py`
      >>> import paddle

      >>> # shape is a list/tuple
      >>> data1 = paddle.full(shape=[3, 2], fill_value=1.)
      >>> print(data1.numpy())
      [[1. 1.]
       [1. 1.]
       [1. 1.]]

      >>> # shape is a Tensor
      >>> shape = paddle.to_tensor([3, 2])
      >>> data2 = paddle.full(shape=shape, fill_value=2.)
      >>> print(data2.numpy())
      [[2. 2.]
       [2. 2.]
       [2. 2.]]

      >>> # shape is a Tensor List
      >>> shape = [paddle.to_tensor(3), paddle.to_tensor(2)]
      >>> data3 = paddle.full(shape=shape, fill_value=3.)
      >>> print(data3.numpy())
      [[3. 3.]
       [3. 3.]
       [3. 3.]]

      >>> # fill_value is a Tensor.
      >>> val = paddle.full([], 2.0, "float32")
      >>> data5 = paddle.full(shape=[3, 2], fill_value=val)
      >>> print(data5.numpy())
      [[2. 2.]
       [2. 2.]
       [2. 2.]]
      `,
      run: (doc) => {
        doc.out(paddle.full([3, 2], 1.0).tolist());
        let shape: paddle.Tensor | paddle.Tensor[] = I([3, 2]);
        doc.out(paddle.full(shape, 2.0).tolist());
        shape = [I(3), I(2)];
        doc.out(paddle.full(shape, 3.0).tolist());
        const val = paddle.full([], 2.0, { dtype: 'float32' });
        doc.out(paddle.full([3, 2], val).tolist());
      },
    },
    {
      api: 'paddle.full_like',
      python: py`
      >>> import paddle

      >>> input = paddle.full(shape=[2, 3], fill_value=0.0, dtype='float32', name='input')
      >>> output = paddle.full_like(input, 2.0)
      >>> print(output.numpy())
      [[2. 2. 2.]
       [2. 2. 2.]]
      `,
      run: (doc) => {
        const input = paddle.full([2, 3], 0.0, { dtype: 'float32', name: 'input' });
        doc.out(paddle.full_like(input, 2.0).tolist());
      },
    },
    {
      api: 'paddle.get_default_dtype',
      python: py`
      >>> import paddle
      >>> paddle.get_default_dtype()
      `,
      run: (doc) => {
        expect(paddle.get_default_dtype()).toBe('float32');
      },
    },
    {
      api: 'paddle.linspace',
      python: py`
      >>> import paddle
      >>> data = paddle.linspace(0, 10, 5, 'float32')
      >>> print(data.numpy())
      [0. 2.5 5. 7.5 10.]
      >>> data = paddle.linspace(0, 10, 1, 'float32')
      >>> print(data.numpy())
      [0.]
      `,
      run: (doc) => {
        doc.out(paddle.linspace(0, 10, 5, { dtype: 'float32' }).numpy());
        doc.out(paddle.linspace(0, 10, 1, { dtype: 'float32' }).numpy());
      },
    },
    {
      api: 'paddle.ones',
      python: py`
      >>> import paddle

      >>> # shape is a list/tuple
      >>> data1 = paddle.ones(shape=[3, 2])
      >>> print(data1.numpy())
      [[1. 1.]
       [1. 1.]
       [1. 1.]]

      >>> # shape is a Tensor
      >>> shape = paddle.to_tensor([3, 2])
      >>> data2 = paddle.ones(shape=shape)
      >>> print(data2.numpy())
      [[1. 1.]
       [1. 1.]
       [1. 1.]]

      >>> # shape is a Tensor List
      >>> shape = [paddle.to_tensor(3), paddle.to_tensor(2)]
      >>> data3 = paddle.ones(shape=shape)
      >>> print(data3.numpy())
      [[1. 1.]
       [1. 1.]
       [1. 1.]]
      `,
      run: (doc) => {
        doc.out(paddle.ones([3, 2]).tolist());
        doc.out(paddle.ones(I([3, 2])).tolist());
        doc.out(paddle.ones([I(3), I(2)]).tolist());
      },
    },
    {
      api: 'paddle.ones_like',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([1,2,3])
      >>> out1 = paddle.ones_like(x)
      >>> print(out1.numpy())
      [1 1 1]
      >>> out2 = paddle.ones_like(x, dtype='int32')
      >>> print(out2.numpy())
      [1 1 1]
      `,
      run: (doc) => {
        const x = I([1, 2, 3]);
        doc.out(paddle.ones_like(x).numpy());
        const out2 = paddle.ones_like(x, { dtype: 'int32' });
        expect(out2.dtype).toBe('int32');
        doc.out(out2.numpy());
      },
    },
    {
      api: 'paddle.set_default_dtype',
      python: py`
      >>> import paddle
      >>> paddle.set_default_dtype("float32")
      `,
      run: (doc) => {
        paddle.set_default_dtype('float32');
        expect(paddle.getDefaultDType()).toBe('float32');
      },
    },
    {
      api: 'paddle.to_tensor',
      python: py`
      >>> import paddle

      >>> type(paddle.to_tensor(1))
      <class 'paddle.Tensor'>

      >>> paddle.to_tensor(1)
      Tensor(shape=[], dtype=int64, place=Place(cpu), stop_gradient=True,
      1)

      >>> x = paddle.to_tensor(1, stop_gradient=False)
      >>> print(x)
      Tensor(shape=[], dtype=int64, place=Place(cpu), stop_gradient=False,
      1)

      >>> paddle.to_tensor(x)  # A new tensor will be created with default stop_gradient=True
      Tensor(shape=[], dtype=int64, place=Place(cpu), stop_gradient=True,
      1)

      >>> paddle.to_tensor([[0.1, 0.2], [0.3, 0.4]], place=paddle.CPUPlace(), stop_gradient=False)
      Tensor(shape=[2, 2], dtype=float32, place=Place(cpu), stop_gradient=False,
      [[0.10000000, 0.20000000],
       [0.30000001, 0.40000001]])

      >>> type(paddle.to_tensor([[1+1j, 2], [3+2j, 4]], dtype='complex64'))
      <class 'paddle.Tensor'>

      >>> paddle.to_tensor([[1+1j, 2], [3+2j, 4]], dtype='complex64')
      Tensor(shape=[2, 2], dtype=complex64, place=Place(cpu), stop_gradient=True,
      [[(1+1j), (2+0j)],
       [(3+2j), (4+0j)]])
      `,
      note: "JS numbers carry no int/float distinction: Python's to_tensor(1) (int64) is toTensor(1, { dtype: 'int64' }); the complex64 lines are not ported (no complex dtype)",
      run: (doc) => {
        doc.isA(I(1), paddle.Tensor);
        doc.out(I(1));
        const x = I(1, { stopGradient: false });
        doc.out(x);
        doc.out(T(x));
        doc.out(T([[0.1, 0.2], [0.3, 0.4]], { place: 'cpu', stopGradient: false }));
        doc.skip('complex64 tensor: no complex dtype');
        doc.skip('complex64 tensor: no complex dtype');
      },
    },
    {
      api: 'paddle.zeros',
      python: py`
      >>> import paddle

      >>> # shape is a list/tuple
      >>> data1 = paddle.zeros(shape=[3, 2])
      >>> print(data1.numpy())
      [[0. 0.]
       [0. 0.]
       [0. 0.]]

      >>> # shape is a Tensor
      >>> shape = paddle.to_tensor([3, 2])
      >>> data2 = paddle.zeros(shape=shape)
      >>> print(data2.numpy())
      [[0. 0.]
       [0. 0.]
       [0. 0.]]

      >>> # shape is a Tensor List
      >>> shape = [paddle.to_tensor(3), paddle.to_tensor(2)]
      >>> data3 = paddle.zeros(shape=shape)
      >>> print(data3.numpy())
      [[0. 0.]
       [0. 0.]
       [0. 0.]]
      `,
      run: (doc) => {
        doc.out(paddle.zeros([3, 2]).tolist());
        doc.out(paddle.zeros(I([3, 2])).tolist());
        doc.out(paddle.zeros([I(3), I(2)]).tolist());
      },
    },
    {
      api: 'paddle.zeros_like',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([1, 2, 3])
      >>> out1 = paddle.zeros_like(x)
      >>> print(out1.numpy())
      [0 0 0]
      >>> out2 = paddle.zeros_like(x, dtype='int32')
      >>> print(out2.numpy())
      [0 0 0]
      `,
      run: (doc) => {
        const x = I([1, 2, 3]);
        doc.out(paddle.zeros_like(x).numpy());
        const out2 = paddle.zeros_like(x, { dtype: 'int32' });
        expect(out2.dtype).toBe('int32');
        doc.out(out2.numpy());
      },
    },
    {
      api: 'paddle.assign',
      python: py`
      >>> import paddle
      >>> import numpy as np
      >>> data = paddle.full(shape=[3, 2], fill_value=2.5, dtype='float64')
      >>> print(data.numpy())
      [[2.5 2.5]
       [2.5 2.5]
       [2.5 2.5]]
      >>> array = np.array([[1, 1],
      ...                     [3, 4],
      ...                     [1, 3]]).astype(np.int64)
      >>> result1 = paddle.zeros(shape=[3, 3], dtype='float32')
      >>> paddle.assign(array, result1)
      >>> print(result1.numpy())
      [[1 1]
       [3 4]
       [1 3]]
      >>> result2 = paddle.assign(data)
      >>> print(result2.numpy())
      [[2.5 2.5]
       [2.5 2.5]
       [2.5 2.5]]
      >>> result3 = paddle.assign(np.array([[2.5, 2.5], [2.5, 2.5], [2.5, 2.5]], dtype='float32'))
      >>> print(result3.numpy())
      [[2.5 2.5]
       [2.5 2.5]
       [2.5 2.5]]
      `,
      note: "np.array(...).astype(np.int64) is an int64 tensor here",
      run: (doc) => {
        const data = paddle.full([3, 2], 2.5, { dtype: 'float64' });
        doc.out(data.tolist());
        const array = I([[1, 1], [3, 4], [1, 3]]);
        const result1 = paddle.zeros([3, 3], { dtype: 'float32' });
        expect(() => paddle.assign(array, result1)).toThrow(paddle.errors.ValueError);
        doc.skip("assign into an output of another shape and dtype: Paddle reshapes and retypes the output, here a ValueError");
        doc.out(paddle.assign(data).tolist());
        doc.out(paddle.assign(new Float32Array([2.5, 2.5, 2.5, 2.5, 2.5, 2.5])).reshape([3, 2]).tolist());
      },
    },
  ],
});

/** Paddle's documentation examples for this area, each beside its TypeScript twin (harness.ts). */
import * as paddle from '../../../src/index.js';
import { conformance, py } from './harness.js';
import { I, T } from './helpers.js';

export default conformance({
  area: 'tensor-logic',
  sources: ["tensor/logic.py"],
  cases: [
    {
      api: 'paddle.allclose',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([10000., 1e-07])
      >>> y = paddle.to_tensor([10000.1, 1e-08])
      >>> result1 = paddle.allclose(x, y, rtol=1e-05, atol=1e-08, equal_nan=False, name="ignore_nan")
      >>> print(result1)
      Tensor(shape=[], dtype=bool, place=Place(cpu), stop_gradient=True,
      False)
      >>> result2 = paddle.allclose(x, y, rtol=1e-05, atol=1e-08, equal_nan=True, name="equal_nan")
      >>> print(result2)
      Tensor(shape=[], dtype=bool, place=Place(cpu), stop_gradient=True,
      False)
      >>> x = paddle.to_tensor([1.0, float('nan')])
      >>> y = paddle.to_tensor([1.0, float('nan')])
      >>> result1 = paddle.allclose(x, y, rtol=1e-05, atol=1e-08, equal_nan=False, name="ignore_nan")
      >>> print(result1)
      Tensor(shape=[], dtype=bool, place=Place(cpu), stop_gradient=True,
      False)
      >>> result2 = paddle.allclose(x, y, rtol=1e-05, atol=1e-08, equal_nan=True, name="equal_nan")
      >>> print(result2)
      Tensor(shape=[], dtype=bool, place=Place(cpu), stop_gradient=True,
      True)
      `,
      run: (doc) => {
        let x = T([10000, 1e-7]);
        let y = T([10000.1, 1e-8]);
        doc.out(paddle.allclose(x, y, { rtol: 1e-5, atol: 1e-8, equalNan: false, name: 'ignore_nan' }));
        doc.out(paddle.allclose(x, y, { rtol: 1e-5, atol: 1e-8, equalNan: true, name: 'equal_nan' }));
        x = T([1.0, NaN]);
        y = T([1.0, NaN]);
        doc.out(paddle.allclose(x, y, { rtol: 1e-5, atol: 1e-8, equalNan: false, name: 'ignore_nan' }));
        doc.out(paddle.allclose(x, y, { rtol: 1e-5, atol: 1e-8, equalNan: true, name: 'equal_nan' }));
      },
    },
    {
      api: 'paddle.equal',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([1, 2, 3])
      >>> y = paddle.to_tensor([1, 3, 2])
      >>> result1 = paddle.equal(x, y)
      >>> print(result1)
      Tensor(shape=[3], dtype=bool, place=Place(cpu), stop_gradient=True,
      [True , False, False])
      `,
      run: (doc) => {
        doc.out(paddle.equal(I([1, 2, 3]), I([1, 3, 2])));
      },
    },
    {
      api: 'paddle.greater_equal',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([1, 2, 3])
      >>> y = paddle.to_tensor([1, 3, 2])
      >>> result1 = paddle.greater_equal(x, y)
      >>> print(result1)
      Tensor(shape=[3], dtype=bool, place=Place(cpu), stop_gradient=True,
      [True , False, True ])
      `,
      run: (doc) => {
        doc.out(paddle.greater_equal(I([1, 2, 3]), I([1, 3, 2])));
      },
    },
    {
      api: 'paddle.greater_than',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([1, 2, 3])
      >>> y = paddle.to_tensor([1, 3, 2])
      >>> result1 = paddle.greater_than(x, y)
      >>> print(result1)
      Tensor(shape=[3], dtype=bool, place=Place(cpu), stop_gradient=True,
      [False, False, True ])
      `,
      run: (doc) => {
        doc.out(paddle.greater_than(I([1, 2, 3]), I([1, 3, 2])));
      },
    },
    {
      api: 'paddle.isclose',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([10000., 1e-07])
      >>> y = paddle.to_tensor([10000.1, 1e-08])
      >>> result1 = paddle.isclose(x, y, rtol=1e-05, atol=1e-08,
      ...                          equal_nan=False, name="ignore_nan")
      >>> print(result1)
      Tensor(shape=[2], dtype=bool, place=Place(cpu), stop_gradient=True,
      [True , False])
      >>> result2 = paddle.isclose(x, y, rtol=1e-05, atol=1e-08,
      ...                          equal_nan=True, name="equal_nan")
      >>> print(result2)
      Tensor(shape=[2], dtype=bool, place=Place(cpu), stop_gradient=True,
      [True , False])
      >>> x = paddle.to_tensor([1.0, float('nan')])
      >>> y = paddle.to_tensor([1.0, float('nan')])
      >>> result1 = paddle.isclose(x, y, rtol=1e-05, atol=1e-08,
      ...                          equal_nan=False, name="ignore_nan")
      >>> print(result1)
      Tensor(shape=[2], dtype=bool, place=Place(cpu), stop_gradient=True,
      [True , False])
      >>> result2 = paddle.isclose(x, y, rtol=1e-05, atol=1e-08,
      ...                          equal_nan=True, name="equal_nan")
      >>> print(result2)
      Tensor(shape=[2], dtype=bool, place=Place(cpu), stop_gradient=True,
      [True, True])
      `,
      run: (doc) => {
        let x = T([10000, 1e-7]);
        let y = T([10000.1, 1e-8]);
        doc.out(paddle.isclose(x, y, { rtol: 1e-5, atol: 1e-8, equalNan: false, name: 'ignore_nan' }));
        doc.out(paddle.isclose(x, y, { rtol: 1e-5, atol: 1e-8, equalNan: true, name: 'equal_nan' }));
        x = T([1.0, NaN]);
        y = T([1.0, NaN]);
        doc.out(paddle.isclose(x, y, { rtol: 1e-5, atol: 1e-8, equalNan: false, name: 'ignore_nan' }));
        doc.out(paddle.isclose(x, y, { rtol: 1e-5, atol: 1e-8, equalNan: true, name: 'equal_nan' }));
      },
    },
    {
      api: 'paddle.less_equal',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([1, 2, 3])
      >>> y = paddle.to_tensor([1, 3, 2])
      >>> result1 = paddle.less_equal(x, y)
      >>> print(result1)
      Tensor(shape=[3], dtype=bool, place=Place(cpu), stop_gradient=True,
      [True , True , False])
      `,
      run: (doc) => {
        doc.out(paddle.less_equal(I([1, 2, 3]), I([1, 3, 2])));
      },
    },
    {
      api: 'paddle.less_than',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([1, 2, 3])
      >>> y = paddle.to_tensor([1, 3, 2])
      >>> result1 = paddle.less_than(x, y)
      >>> print(result1)
      Tensor(shape=[3], dtype=bool, place=Place(cpu), stop_gradient=True,
      [False, True , False])
      `,
      run: (doc) => {
        doc.out(paddle.less_than(I([1, 2, 3]), I([1, 3, 2])));
      },
    },
    {
      api: 'paddle.logical_and',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([True])
      >>> y = paddle.to_tensor([True, False, True, False])
      >>> res = paddle.logical_and(x, y)
      >>> print(res)
      Tensor(shape=[4], dtype=bool, place=Place(cpu), stop_gradient=True,
      [True , False, True , False])
      `,
      run: (doc) => {
        doc.out(paddle.logical_and(T([true]), T([true, false, true, false])));
      },
    },
    {
      api: 'paddle.logical_not',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([True, False, True, False])
      >>> res = paddle.logical_not(x)
      >>> print(res)
      Tensor(shape=[4], dtype=bool, place=Place(cpu), stop_gradient=True,
      [False, True , False, True ])
      `,
      run: (doc) => {
        doc.out(paddle.logical_not(T([true, false, true, false])));
      },
    },
    {
      api: 'paddle.logical_or',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([True, False], dtype="bool").reshape([2, 1])
      >>> y = paddle.to_tensor([True, False, True, False], dtype="bool").reshape([2, 2])
      >>> res = paddle.logical_or(x, y)
      >>> print(res)
      Tensor(shape=[2, 2], dtype=bool, place=Place(cpu), stop_gradient=True,
      [[True , True ],
       [True , False]])
      `,
      run: (doc) => {
        const x = T([true, false], { dtype: 'bool' }).reshape([2, 1]);
        const y = T([true, false, true, false], { dtype: 'bool' }).reshape([2, 2]);
        doc.out(paddle.logical_or(x, y));
      },
    },
    {
      api: 'paddle.logical_xor',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([True, False], dtype="bool").reshape([2, 1])
      >>> y = paddle.to_tensor([True, False, True, False], dtype="bool").reshape([2, 2])
      >>> res = paddle.logical_xor(x, y)
      >>> print(res)
      Tensor(shape=[2, 2], dtype=bool, place=Place(cpu), stop_gradient=True,
      [[False, True ],
       [True , False]])
      `,
      run: (doc) => {
        const x = T([true, false], { dtype: 'bool' }).reshape([2, 1]);
        const y = T([true, false, true, false], { dtype: 'bool' }).reshape([2, 2]);
        doc.out(paddle.logical_xor(x, y));
      },
    },
    {
      api: 'paddle.not_equal',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([1, 2, 3])
      >>> y = paddle.to_tensor([1, 3, 2])
      >>> result1 = paddle.not_equal(x, y)
      >>> print(result1)
      Tensor(shape=[3], dtype=bool, place=Place(cpu), stop_gradient=True,
      [False, True , True ])
      `,
      run: (doc) => {
        doc.out(paddle.not_equal(I([1, 2, 3]), I([1, 3, 2])));
      },
    },
  ],
});

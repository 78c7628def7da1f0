/** Paddle's documentation examples for this area, each beside its TypeScript twin (harness.ts). */
import * as paddle from '../../../src/index.js';
import { conformance, py } from './harness.js';
import { T } from './helpers.js';

export default conformance({
  area: 'tensor-stat',
  sources: ["tensor/stat.py"],
  cases: [
    {
      api: 'paddle.mean',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([[[1., 2., 3., 4.],
      ...                        [5., 6., 7., 8.],
      ...                        [9., 10., 11., 12.]],
      ...                       [[13., 14., 15., 16.],
      ...                        [17., 18., 19., 20.],
      ...                        [21., 22., 23., 24.]]])
      >>> out1 = paddle.mean(x)
      >>> print(out1.numpy())
      12.5
      >>> out2 = paddle.mean(x, axis=-1)
      >>> print(out2.numpy())
      [[ 2.5  6.5 10.5]
       [14.5 18.5 22.5]]
      >>> out3 = paddle.mean(x, axis=-1, keepdim=True)
      >>> print(out3.numpy())
      [[[ 2.5]
        [ 6.5]
        [10.5]]
       [[14.5]
        [18.5]
        [22.5]]]
      >>> out4 = paddle.mean(x, axis=[0, 2])
      >>> print(out4.numpy())
      [ 8.5 12.5 16.5]
      `,
      run: (doc) => {
        const x = T([[[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]], [[13, 14, 15, 16], [17, 18, 19, 20], [21, 22, 23, 24]]]);
        doc.out(paddle.mean(x).item());
        doc.out(paddle.mean(x, { axis: -1 }).tolist());
        doc.out(paddle.mean(x, { axis: -1, keepdim: true }).tolist());
        doc.out(paddle.mean(x, { axis: [0, 2] }).numpy());
      },
    },
    {
      api: 'paddle.std',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([[1.0, 2.0, 3.0], [1.0, 4.0, 5.0]])
      >>> out1 = paddle.std(x)
      >>> print(out1.numpy())
      1.6329932
      >>> out2 = paddle.std(x, unbiased=False)
      >>> print(out2.numpy())
      1.490712
      >>> out3 = paddle.std(x, axis=1)
      >>> print(out3.numpy())
      [1.       2.081666]
      `,
      run: (doc) => {
        const x = T([[1.0, 2.0, 3.0], [1.0, 4.0, 5.0]]);
        doc.out(paddle.std(x).item());
        doc.out(paddle.std(x, { unbiased: false }).item());
        doc.out(paddle.std(x, { axis: 1 }).numpy());
      },
    },
    {
      api: 'paddle.var',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([[1.0, 2.0, 3.0], [1.0, 4.0, 5.0]])
      >>> out1 = paddle.var(x)
      >>> print(out1.numpy())
      2.6666667
      >>> out2 = paddle.var(x, axis=1)
      >>> print(out2.numpy())
      [1.         4.3333335]
      `,
      run: (doc) => {
        const x = T([[1.0, 2.0, 3.0], [1.0, 4.0, 5.0]]);
        doc.out(paddle.var(x).item());
        doc.out(paddle.var(x, { axis: 1 }).numpy());
      },
    },
  ],
});

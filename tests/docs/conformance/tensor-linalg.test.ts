/** Paddle's documentation examples for this area, each beside its TypeScript twin (harness.ts). */
import * as paddle from '../../../src/index.js';
import { conformance, py } from './harness.js';
import { I, T } from './helpers.js';

export default conformance({
  area: 'tensor-linalg',
  sources: ["tensor/einsum.py", "tensor/linalg.py"],
  cases: [
    {
      api: 'paddle.bmm',
      python: py`
      >>> import paddle

      >>> # In imperative mode:
      >>> # size x: (2, 2, 3) and y: (2, 3, 2)
      >>> x = paddle.to_tensor([[[1.0, 1.0, 1.0],
      ...                     [2.0, 2.0, 2.0]],
      ...                     [[3.0, 3.0, 3.0],
      ...                     [4.0, 4.0, 4.0]]])
      >>> y = paddle.to_tensor([[[1.0, 1.0],[2.0, 2.0],[3.0, 3.0]],
      ...                     [[4.0, 4.0],[5.0, 5.0],[6.0, 6.0]]])
      >>> out = paddle.bmm(x, y)
      >>> print(out)
      Tensor(shape=[2, 2, 2], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[[6. , 6. ],
        [12., 12.]],
       [[45., 45.],
        [60., 60.]]])
      `,
      run: (doc) => {
        const x = T([[[1, 1, 1], [2, 2, 2]], [[3, 3, 3], [4, 4, 4]]]);
        const y = T([[[1, 1], [2, 2], [3, 3]], [[4, 4], [5, 5], [6, 6]]]);
        doc.out(paddle.bmm(x, y));
      },
    },
    {
      api: 'paddle.dot',
      python: py`
      >>> import paddle

      >>> # 1-D Tensor * 1-D Tensor
      >>> x = paddle.to_tensor([1, 2, 3])
      >>> y = paddle.to_tensor([4, 5, 6])
      >>> z = paddle.dot(x, y)
      >>> print(z)
      Tensor(shape=[], dtype=int64, place=Place(cpu), stop_gradient=True,
      32)

      >>> # 2-D Tensor * 2-D Tensor
      >>> x = paddle.to_tensor([[1, 2, 3], [2, 4, 6]])
      >>> y = paddle.to_tensor([[4, 5, 6], [4, 5, 6]])
      >>> z = paddle.dot(x, y)
      >>> print(z)
      Tensor(shape=[2], dtype=int64, place=Place(cpu), stop_gradient=True,
      [32, 64])
      `,
      run: (doc) => {
        doc.out(paddle.dot(I([1, 2, 3]), I([4, 5, 6])));
        doc.out(paddle.dot(I([[1, 2, 3], [2, 4, 6]]), I([[4, 5, 6], [4, 5, 6]])));
      },
    },
    {
      api: 'paddle.einsum',
      python: py`
      >>> import paddle
      >>> paddle.seed(102)
      >>> x = paddle.rand([4])
      >>> y = paddle.rand([5])

      >>> # sum
      >>> print(paddle.einsum('i->', x))
      Tensor(shape=[], dtype=float32, place=Place(cpu), stop_gradient=True,
      1.81225157)

      >>> # dot
      >>> print(paddle.einsum('i,i->', x, x))
      Tensor(shape=[], dtype=float32, place=Place(cpu), stop_gradient=True,
      1.13530672)

      >>> # outer
      >>> print(paddle.einsum("i,j->ij", x, y))
      Tensor(shape=[4, 5], dtype=float32, place=Place(cpu), stop_gradient=True,
             [[0.26443148, 0.05962684, 0.25360870, 0.21900642, 0.56994802],
              [0.20955276, 0.04725220, 0.20097610, 0.17355499, 0.45166403],
              [0.35836059, 0.08080698, 0.34369346, 0.29680005, 0.77240014],
              [0.00484230, 0.00109189, 0.00464411, 0.00401047, 0.01043695]])

      >>> A = paddle.rand([2, 3, 2])
      >>> B = paddle.rand([2, 2, 3])

      >>> # transpose
      >>> print(paddle.einsum('ijk->kji', A))
      Tensor(shape=[2, 3, 2], dtype=float32, place=Place(cpu), stop_gradient=True,
             [[[0.50882483, 0.56067896],
               [0.84598064, 0.36310029],
               [0.55289471, 0.33273944]],
              [[0.04836850, 0.73811269],
               [0.29769155, 0.28137168],
               [0.84636718, 0.67521429]]])

      >>> # batch matrix multiplication
      >>> print(paddle.einsum('ijk, ikl->ijl', A,B))
      Tensor(shape=[2, 3, 3], dtype=float32, place=Place(cpu), stop_gradient=True,
             [[[0.36321065, 0.42009076, 0.40849245],
               [0.74353045, 0.79189068, 0.81345987],
               [0.90488225, 0.79786193, 0.93451476]],
              [[0.12680580, 1.06945944, 0.79821426],
               [0.07774551, 0.55068684, 0.44512171],
               [0.08053084, 0.80583858, 0.56031936]]])

      >>> # Ellipsis transpose
      >>> print(paddle.einsum('...jk->...kj', A))
      Tensor(shape=[2, 2, 3], dtype=float32, place=Place(cpu), stop_gradient=True,
             [[[0.50882483, 0.84598064, 0.55289471],
               [0.04836850, 0.29769155, 0.84636718]],
              [[0.56067896, 0.36310029, 0.33273944],
               [0.73811269, 0.28137168, 0.67521429]]])

      >>> # Ellipsis batch matrix multiplication
      >>> print(paddle.einsum('...jk, ...kl->...jl', A,B))
      Tensor(shape=[2, 3, 3], dtype=float32, place=Place(cpu), stop_gradient=True,
             [[[0.36321065, 0.42009076, 0.40849245],
               [0.74353045, 0.79189068, 0.81345987],
               [0.90488225, 0.79786193, 0.93451476]],
              [[0.12680580, 1.06945944, 0.79821426],
               [0.07774551, 0.55068684, 0.44512171],
               [0.08053084, 0.80583858, 0.56031936]]])
      `,
      random: 'seeded',
      run: (doc) => {
        paddle.seed(102);
        const x = paddle.rand([4]);
        const y = paddle.rand([5]);
        doc.random(paddle.einsum('i->', x));
        doc.random(paddle.einsum('i,i->', x, x));
        doc.random(paddle.einsum('i,j->ij', x, y));
        const A = paddle.rand([2, 3, 2]);
        const B = paddle.rand([2, 2, 3]);
        doc.random(paddle.einsum('ijk->kji', A));
        doc.random(paddle.einsum('ijk, ikl->ijl', A, B));
        doc.random(paddle.einsum('...jk->...kj', A));
        doc.random(paddle.einsum('...jk, ...kl->...jl', A, B));
      },
    },
    {
      api: 'paddle.matmul',
      python: py`
      >>> import paddle

      >>> # vector * vector
      >>> x = paddle.rand([10])
      >>> y = paddle.rand([10])
      >>> z = paddle.matmul(x, y)
      >>> print(z.shape)
      []

      >>> # matrix * vector
      >>> x = paddle.rand([10, 5])
      >>> y = paddle.rand([5])
      >>> z = paddle.matmul(x, y)
      >>> print(z.shape)
      [10]

      >>> # batched matrix * broadcasted vector
      >>> x = paddle.rand([10, 5, 2])
      >>> y = paddle.rand([2])
      >>> z = paddle.matmul(x, y)
      >>> print(z.shape)
      [10, 5]

      >>> # batched matrix * batched matrix
      >>> x = paddle.rand([10, 5, 2])
      >>> y = paddle.rand([10, 2, 5])
      >>> z = paddle.matmul(x, y)
      >>> print(z.shape)
      [10, 5, 5]

      >>> # batched matrix * broadcasted matrix
      >>> x = paddle.rand([10, 1, 5, 2])
      >>> y = paddle.rand([1, 3, 2, 5])
      >>> z = paddle.matmul(x, y)
      >>> print(z.shape)
      [10, 3, 5, 5]
      `,
      run: (doc) => {
        doc.out(paddle.matmul(paddle.rand([10]), paddle.rand([10])).shape);
        doc.out(paddle.matmul(paddle.rand([10, 5]), paddle.rand([5])).shape);
        doc.out(paddle.matmul(paddle.rand([10, 5, 2]), paddle.rand([2])).shape);
        doc.out(paddle.matmul(paddle.rand([10, 5, 2]), paddle.rand([10, 2, 5])).shape);
        doc.out(paddle.matmul(paddle.rand([10, 1, 5, 2]), paddle.rand([1, 3, 2, 5])).shape);
      },
    },
    {
      api: 'paddle.norm',
      python: py`
      >>> import paddle
      >>> x = paddle.arange(24, dtype="float32").reshape([2, 3, 4]) - 12
      >>> print(x)
      Tensor(shape=[2, 3, 4], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[[-12., -11., -10., -9. ],
        [-8. , -7. , -6. , -5. ],
        [-4. , -3. , -2. , -1. ]],
       [[ 0. ,  1. ,  2. ,  3. ],
        [ 4. ,  5. ,  6. ,  7. ],
        [ 8. ,  9. ,  10.,  11.]]])

      >>> # compute frobenius norm along last two dimensions.
      >>> out_fro = paddle.linalg.norm(x, p='fro', axis=[0,1])
      >>> print(out_fro)
      Tensor(shape=[4], dtype=float32, place=Place(cpu), stop_gradient=True,
      [17.43559647, 16.91153526, 16.73320007, 16.91153526])

      >>> # compute 2-order vector norm along last dimension.
      >>> out_pnorm = paddle.linalg.norm(x, p=2, axis=-1)
      >>> print(out_pnorm)
      Tensor(shape=[2, 3], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[21.11871147, 13.19090557, 5.47722578 ],
       [3.74165750 , 11.22497177, 19.13112640]])

      >>> # compute 2-order  norm along [0,1] dimension.
      >>> out_pnorm = paddle.linalg.norm(x, p=2, axis=[0,1])
      >>> print(out_pnorm)
      Tensor(shape=[4], dtype=float32, place=Place(cpu), stop_gradient=True,
      [15.75857544, 14.97978878, 14.69693947, 14.97978973])

      >>> # compute inf-order  norm
      >>> out_pnorm = paddle.linalg.norm(x, p=float("inf"))
      >>> print(out_pnorm)
      Tensor(shape=[], dtype=float32, place=Place(cpu), stop_gradient=True,
      12.)

      >>> out_pnorm = paddle.linalg.norm(x, p=float("inf"), axis=0)
      >>> print(out_pnorm)
      Tensor(shape=[3, 4], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[12., 11., 10., 9. ],
       [8. , 7. , 6. , 7. ],
       [8. , 9. , 10., 11.]])

      >>> # compute -inf-order  norm
      >>> out_pnorm = paddle.linalg.norm(x, p=-float("inf"))
      >>> print(out_pnorm)
      Tensor(shape=[], dtype=float32, place=Place(cpu), stop_gradient=True,
      0.)

      >>> out_pnorm = paddle.linalg.norm(x, p=-float("inf"), axis=0)
      >>> print(out_pnorm)
      Tensor(shape=[3, 4], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[0., 1., 2., 3.],
       [4., 5., 6., 5.],
       [4., 3., 2., 1.]])
      `,
      note: "the example calls paddle.linalg.norm (the same function as paddle.norm)",
      run: (doc) => {
        const x = paddle.subtract(paddle.arange(24, { dtype: 'float32' }).reshape([2, 3, 4]), T(12));
        doc.out(x);
        doc.out(paddle.linalg.norm(x, { p: 'fro', axis: [0, 1] }));
        doc.out(paddle.linalg.norm(x, { p: 2, axis: -1 }));
        doc.out(paddle.linalg.norm(x, { p: 2, axis: [0, 1] }));
        doc.out(paddle.linalg.norm(x, { p: Infinity }));
        doc.out(paddle.linalg.norm(x, { p: Infinity, axis: 0 }));
        doc.out(paddle.linalg.norm(x, { p: -Infinity }));
        doc.out(paddle.linalg.norm(x, { p: -Infinity, axis: 0 }));
      },
    },
    {
      api: 'paddle.t',
      python: py`
      >>> import paddle

      >>> # Example 1 (0-D tensor)
      >>> x = paddle.to_tensor([0.79])
      >>> out = paddle.t(x)
      >>> print(out)
      Tensor(shape=[1], dtype=float32, place=Place(cpu), stop_gradient=True,
      [0.79000002])

      >>> # Example 2 (1-D tensor)
      >>> x = paddle.to_tensor([0.79, 0.84, 0.32])
      >>> out2 = paddle.t(x)
      >>> print(out2)
      Tensor(shape=[3], dtype=float32, place=Place(cpu), stop_gradient=True,
      [0.79000002, 0.83999997, 0.31999999])
      >>> print(paddle.t(x).shape)
      [3]

      >>> # Example 3 (2-D tensor)
      >>> x = paddle.to_tensor([[0.79, 0.84, 0.32],
      ...                       [0.64, 0.14, 0.57]])
      >>> print(x.shape)
      [2, 3]
      >>> out3 = paddle.t(x)
      >>> print(out3)
      Tensor(shape=[3, 2], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[0.79000002, 0.63999999],
       [0.83999997, 0.14000000],
       [0.31999999, 0.56999999]])
      >>> print(paddle.t(x).shape)
      [3, 2]
      `,
      run: (doc) => {
        const x = T([0.79]);
        doc.out(paddle.t(x));
        const x2 = T([0.79, 0.84, 0.32]);
        doc.out(paddle.t(x2));
        doc.out(paddle.t(x2).shape);
        const x3 = T([[0.79, 0.84, 0.32], [0.64, 0.14, 0.57]]);
        doc.out(x3.shape);
        doc.out(paddle.t(x3));
        doc.out(paddle.t(x3).shape);
      },
    },
    {
      api: 'paddle.transpose',
      python: py`
      >>> import paddle

      >>> x = paddle.randn([2, 3, 4])
      >>> x_transposed = paddle.transpose(x, perm=[1, 0, 2])
      >>> print(x_transposed.shape)
      [3, 2, 4]
      `,
      run: (doc) => {
        const x = paddle.randn([2, 3, 4]);
        doc.out(paddle.transpose(x, [1, 0, 2]).shape);
      },
    },
  ],
});

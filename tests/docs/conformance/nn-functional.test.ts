/** Paddle's documentation examples for this area, each beside its TypeScript twin (harness.ts). */
import { expect } from 'vitest';
import * as paddle from '../../../src/index.js';
import { conformance, py } from './harness.js';
import { F, I, T } from './helpers.js';

export default conformance({
  area: 'nn-functional',
  sources: ["nn/functional/activation.py", "nn/functional/common.py", "nn/functional/input.py", "nn/functional/loss.py", "nn/functional/norm.py"],
  cases: [
    {
      api: 'paddle.relu',
      python: py`
      >>> import paddle
      >>> import paddle.nn.functional as F

      >>> x = paddle.to_tensor([-2, 0, 1], dtype='float32')
      >>> out = F.relu(x)
      >>> print(out)
      Tensor(shape=[3], dtype=float32, place=Place(cpu), stop_gradient=True,
      [0., 0., 1.])
      `,
      run: (doc) => {
        doc.out(F.relu(T([-2, 0, 1], { dtype: 'float32' })));
      },
    },
    {
      api: 'paddle.nn.functional.binary_cross_entropy',
      python: py`
      >>> import paddle

      >>> input = paddle.to_tensor([0.5, 0.6, 0.7], 'float32')
      >>> label = paddle.to_tensor([1.0, 0.0, 1.0], 'float32')
      >>> output = paddle.nn.functional.binary_cross_entropy(input, label)
      >>> print(output)
      Tensor(shape=[], dtype=float32, place=Place(cpu), stop_gradient=True,
              0.65537095)
      `,
      run: (doc) => {
        const input = T([0.5, 0.6, 0.7], { dtype: 'float32' });
        const label = T([1.0, 0.0, 1.0], { dtype: 'float32' });
        doc.out(F.binary_cross_entropy(input, label));
      },
    },
    {
      api: 'paddle.nn.functional.binary_cross_entropy_with_logits',
      python: py`
      >>> import paddle

      >>> logit = paddle.to_tensor([5.0, 1.0, 3.0])
      >>> label = paddle.to_tensor([1.0, 0.0, 1.0])
      >>> output = paddle.nn.functional.binary_cross_entropy_with_logits(logit, label)
      >>> print(output)
      Tensor(shape=[], dtype=float32, place=Place(cpu), stop_gradient=True,
              0.45618808)
      `,
      run: (doc) => {
        doc.out(F.binary_cross_entropy_with_logits(T([5.0, 1.0, 3.0]), T([1.0, 0.0, 1.0])));
      },
    },
    {
      api: 'paddle.nn.functional.cross_entropy',
      python: py`
          >>> # hard labels
          >>> import paddle
          >>> paddle.seed(99999)
          >>> N=100
          >>> C=200
          >>> reduction='mean'
          >>> input =  paddle.rand([N, C], dtype='float64')
          >>> label =  paddle.randint(0, C, shape=[N], dtype='int64')
          >>> weight = paddle.rand([C], dtype='float64')

          >>> cross_entropy_loss = paddle.nn.loss.CrossEntropyLoss(
          ...     weight=weight, reduction=reduction)
          >>> dy_ret = cross_entropy_loss(
          ...                             input,
          ...                             label)

          >>> print(dy_ret)
          Tensor(shape=[], dtype=float64, place=Place(cpu), stop_gradient=True,
                 5.35419278)

          >>> # soft labels
          >>> # case1: soft labels without label_smoothing
          >>> import paddle
          >>> paddle.seed(99999)
          >>> axis = -1
          >>> N = 4
          >>> C = 3
          >>> shape = [N, C]
          >>> reduction='mean'
          >>> weight = None
          >>> logits = paddle.uniform(shape, dtype='float64', min=0.1, max=1.0)
          >>> labels = paddle.uniform(shape, dtype='float64', min=0.1, max=1.0)
          >>> labels /= paddle.sum(labels, axis=axis, keepdim=True)
          >>> paddle_loss_mean = paddle.nn.functional.cross_entropy(
          ...                                                         logits,
          ...                                                         labels,
          ...                                                         soft_label=True,
          ...                                                         axis=axis,
          ...                                                         weight=weight,
          ...                                                         reduction=reduction)
          >>> print(paddle_loss_mean)
          Tensor(shape=[], dtype=float64, place=Place(cpu), stop_gradient=True,
                 1.12801195)

          >>> # case2: soft labels with label_smoothing
          >>> import paddle
          >>> paddle.seed(99999)
          >>> axis = -1
          >>> N = 4
          >>> C = 3
          >>> shape = [N, C]
          >>> label_smoothing = 0.4
          >>> reduction='mean'
          >>> weight = None
          >>> logits = paddle.uniform(shape, dtype='float64', min=0.1, max=1.0)
          >>> integer_labels = paddle.randint(low=0, high=C, shape=[N], dtype='int64')
          >>> one_hot_labels = paddle.nn.functional.one_hot(integer_labels, C).astype('float32')

          >>> # integer labels
          >>> paddle_integer_loss_mean = paddle.nn.functional.cross_entropy(
          ...                                                         logits,
          ...                                                         integer_labels,
          ...                                                         axis=axis,
          ...                                                         weight=weight,
          ...                                                         label_smoothing=label_smoothing,
          ...                                                         reduction=reduction)
          >>> print(paddle_integer_loss_mean)
          Tensor(shape=[], dtype=float64, place=Place(cpu), stop_gradient=True,
          1.08317309)

          >>> # one_hot labels
          >>> paddle_one_hot_loss_mean = paddle.nn.functional.cross_entropy(
          ...                                                         logits,
          ...                                                         one_hot_labels,
          ...                                                         axis=axis,
          ...                                                         weight=weight,
          ...                                                         label_smoothing=label_smoothing,
          ...                                                         reduction=reduction)
          >>> print(paddle_one_hot_loss_mean)
          Tensor(shape=[], dtype=float64, place=Place(cpu), stop_gradient=True,
          1.08317309)
      `,
      random: 'seeded',
      run: (doc) => {
        paddle.seed(99999);
        let N = 100;
        let C = 200;
        const input = paddle.rand([N, C], { dtype: 'float64' });
        const label = paddle.randint(0, C, [N], { dtype: 'int64' });
        const weight = paddle.rand([C], { dtype: 'float64' });
        const crossEntropyLoss = new paddle.nn.CrossEntropyLoss({ weight, reduction: 'mean' });
        doc.random(crossEntropyLoss.forward(input, label));
        paddle.seed(99999);
        N = 4;
        C = 3;
        let logits = paddle.uniform([N, C], { dtype: 'float64', min: 0.1, max: 1.0 });
        let labels = paddle.uniform([N, C], { dtype: 'float64', min: 0.1, max: 1.0 });
        labels = paddle.divide(labels, paddle.sum(labels, { axis: -1, keepdim: true }));
        doc.random(F.cross_entropy(logits, labels, { softLabel: true, axis: -1, weight: null, reduction: 'mean' }));
        paddle.seed(99999);
        logits = paddle.uniform([N, C], { dtype: 'float64', min: 0.1, max: 1.0 });
        const integerLabels = paddle.randint(0, C, [N], { dtype: 'int64' });
        const oneHotLabels = F.one_hot(integerLabels, C).astype('float32');
        const a = F.cross_entropy(logits, integerLabels, { axis: -1, weight: null, labelSmoothing: 0.4, reduction: 'mean' });
        doc.random(a);
        const b = F.cross_entropy(logits, oneHotLabels, { axis: -1, weight: null, labelSmoothing: 0.4, reduction: 'mean' });
        doc.random(b);
        expect(b.item()).toBeCloseTo(a.item() as number, 6); // the example's point: both label forms agree
      },
    },
    {
      api: 'paddle.nn.functional.dropout',
      python: py`
      >>> import paddle
      >>> paddle.seed(2023)
      >>> x = paddle.to_tensor([[1,2,3], [4,5,6]]).astype(paddle.float32)
      >>> y_train = paddle.nn.functional.dropout(x, 0.5)
      >>> y_test = paddle.nn.functional.dropout(x, 0.5, training=False)
      >>> y_0 = paddle.nn.functional.dropout(x, axis=0)
      >>> y_1 = paddle.nn.functional.dropout(x, axis=1)
      >>> y_01 = paddle.nn.functional.dropout(x, axis=[0,1])
      >>> print(x)
      Tensor(shape=[2, 3], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[1., 2., 3.],
       [4., 5., 6.]])
      >>> print(y_train)
      Tensor(shape=[2, 3], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[2., 4., 0.],
      [8., 0., 0.]])
      >>> print(y_test)
      Tensor(shape=[2, 3], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[1., 2., 3.],
       [4., 5., 6.]])
      >>> print(y_0)
      Tensor(shape=[2, 3], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[2., 4., 6.],
       [8. , 10., 12.]])
      >>> print(y_1)
      Tensor(shape=[2, 3], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[2. , 4. , 6. ],
       [8. , 10., 12.]])
      >>> print(y_01)
      Tensor(shape=[2, 3], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[0., 0., 6.],
       [0., 0., 0.]])
      `,
      random: 'seeded',
      run: (doc) => {
        paddle.seed(2023);
        const x = I([[1, 2, 3], [4, 5, 6]]).astype('float32');
        const yTrain = F.dropout(x, 0.5);
        const yTest = F.dropout(x, 0.5, { training: false });
        const y0 = F.dropout(x, { axis: 0 });
        const y1 = F.dropout(x, { axis: 1 });
        const y01 = F.dropout(x, { axis: [0, 1] });
        doc.out(x);
        doc.random(yTrain);
        doc.out(yTest);
        doc.random(y0);
        doc.random(y1);
        doc.random(y01);
      },
    },
    {
      api: 'paddle.nn.functional.elu',
      python: py`
      >>> import paddle
      >>> import paddle.nn.functional as F

      >>> x = paddle.to_tensor([[-1., 6.], [1., 15.6]])
      >>> out = F.elu(x, alpha=0.2)
      >>> print(out)
      Tensor(shape=[2, 2], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[-0.12642412,  6.        ],
       [ 1.        , 15.60000038]])
      `,
      run: (doc) => {
        doc.out(F.elu(T([[-1, 6], [1, 15.6]]), 0.2));
      },
    },
    {
      api: 'paddle.nn.functional.embedding',
      python: py`
      >>> import paddle
      >>> import paddle.nn as nn

      >>> x0 = paddle.arange(3, 6).reshape((3, 1)).astype(paddle.int64)
      >>> w0 = paddle.full(shape=(10, 3), fill_value=2).astype(paddle.float32)

      >>> x = paddle.to_tensor(x0, stop_gradient=False)
      >>> print(x.numpy())
      [[3]
       [4]
       [5]]
      >>> print(x.shape)
      [3, 1]

      >>> w = paddle.to_tensor(w0, stop_gradient=False)
      >>> print(w.numpy())
      [[2. 2. 2.]
       [2. 2. 2.]
       [2. 2. 2.]
       [2. 2. 2.]
       [2. 2. 2.]
       [2. 2. 2.]
       [2. 2. 2.]
       [2. 2. 2.]
       [2. 2. 2.]
       [2. 2. 2.]]
      >>> print(w.shape)
      [10, 3]

      >>> emb = nn.functional.embedding(
      ...         x=x, weight=w, sparse=True, name="embedding")
      >>> print(emb.numpy())
      [[[2. 2. 2.]]
       [[2. 2. 2.]]
       [[2. 2. 2.]]]
      >>> print(emb.shape)
      [3, 1, 3]
      `,
      run: (doc) => {
        const x0 = paddle.arange(3, 6).reshape([3, 1]).astype('int64');
        const w0 = paddle.full([10, 3], 2).astype('float32');
        const x = T(x0, { stopGradient: false });
        doc.out(x.tolist());
        doc.out(x.shape);
        const w = T(w0, { stopGradient: false });
        doc.out(w.tolist());
        doc.out(w.shape);
        const emb = F.embedding(x, w, { sparse: true, name: 'embedding' });
        doc.out(emb.tolist());
        doc.out(emb.shape);
      },
    },
    {
      api: 'paddle.nn.functional.gelu',
      python: py`
      >>> import paddle
      >>> import paddle.nn.functional as F

      >>> x = paddle.to_tensor([[-1, 0.5], [1, 1.5]])
      >>> out1 = F.gelu(x)
      >>> print(out1)
      Tensor(shape=[2, 2], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[-0.15865529,  0.34573123],
       [ 0.84134471,  1.39978933]])
      >>> out2 = F.gelu(x, True)
      >>> print(out2)
      Tensor(shape=[2, 2], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[-0.15880796,  0.34571400],
       [ 0.84119201,  1.39957154]])
      `,
      note: "F.gelu(x, True) is F.gelu(x, true) (approximate)",
      run: (doc) => {
        const x = T([[-1, 0.5], [1, 1.5]]);
        doc.out(F.gelu(x));
        doc.out(F.gelu(x, true));
      },
    },
    {
      api: 'paddle.nn.functional.kl_div',
      python: py`
      >>> import paddle
      >>> import paddle.nn.functional as F
      >>> paddle.seed(2023)

      >>> shape = (5, 20)

      >>> # input(x) should be a distribution in the log space
      >>> x = F.log_softmax(paddle.randn(shape), axis=1).astype('float32')

      >>> target = paddle.uniform(shape, min=-10, max=10).astype('float32')

      >>> # 'batchmean' reduction, loss shape will be [], who is 0-D Tensor
      >>> pred_loss = F.kl_div(x, target, reduction='batchmean')
      >>> print(pred_loss.shape)
      []

      >>> # 'mean' reduction, loss shape will be [], who is 0-D Tensor
      >>> pred_loss = F.kl_div(x, target, reduction='mean')
      >>> print(pred_loss.shape)
      []

      >>> # 'sum' reduction, loss shape will be [], who is 0-D Tensor
      >>> pred_loss = F.kl_div(x, target, reduction='sum')
      >>> print(pred_loss.shape)
      []

      >>> # 'none' reduction, loss shape is same with input shape
      >>> pred_loss = F.kl_div(x, target, reduction='none')
      >>> print(pred_loss.shape)
      [5, 20]

      >>> # if label is in the log space, set log_target = True
      >>> target = paddle.uniform(shape, min=0, max=10).astype('float32')
      >>> log_target = paddle.log(target)
      >>> pred_loss_1 = F.kl_div(x, target, reduction='none')
      >>> pred_loss_2 = F.kl_div(x, log_target, reduction='none', log_target=True)
      >>> print(paddle.allclose(pred_loss_1, pred_loss_2))
      Tensor(shape=[], dtype=bool, place=Place(cpu), stop_gradient=True,
      True)
      `,
      run: (doc) => {
        paddle.seed(2023);
        const shape = [5, 20];
        const x = F.log_softmax(paddle.randn(shape), 1).astype('float32');
        let target = paddle.uniform(shape, { min: -10, max: 10 }).astype('float32');
        doc.out(F.kl_div(x, target, { reduction: 'batchmean' }).shape);
        doc.out(F.kl_div(x, target, { reduction: 'mean' }).shape);
        doc.out(F.kl_div(x, target, { reduction: 'sum' }).shape);
        doc.out(F.kl_div(x, target, { reduction: 'none' }).shape);
        target = paddle.uniform(shape, { min: 0, max: 10 }).astype('float32');
        const logTarget = paddle.log(target);
        const predLoss1 = F.kl_div(x, target, { reduction: 'none' });
        const predLoss2 = F.kl_div(x, logTarget, { reduction: 'none', logTarget: true });
        doc.out(paddle.allclose(predLoss1, predLoss2));
      },
    },
    {
      api: 'paddle.nn.functional.l1_loss',
      python: py`
      >>> import paddle

      >>> input = paddle.to_tensor([[1.5, 0.8], [0.2, 1.3]])
      >>> label = paddle.to_tensor([[1.7, 1], [0.4, 0.5]])

      >>> l1_loss = paddle.nn.functional.l1_loss(input, label)
      >>> print(l1_loss)
      Tensor(shape=[], dtype=float32, place=Place(cpu), stop_gradient=True,
              0.34999999)

      >>> l1_loss = paddle.nn.functional.l1_loss(input, label, reduction='none')
      >>> print(l1_loss)
      Tensor(shape=[2, 2], dtype=float32, place=Place(cpu), stop_gradient=True,
              [[0.20000005, 0.19999999],
               [0.20000000, 0.79999995]])

      >>> l1_loss = paddle.nn.functional.l1_loss(input, label, reduction='sum')
      >>> print(l1_loss)
      Tensor(shape=[], dtype=float32, place=Place(cpu), stop_gradient=True,
              1.39999998)
      `,
      run: (doc) => {
        const input = T([[1.5, 0.8], [0.2, 1.3]]);
        const label = T([[1.7, 1], [0.4, 0.5]]);
        doc.out(F.l1_loss(input, label));
        doc.out(F.l1_loss(input, label, { reduction: 'none' }));
        doc.out(F.l1_loss(input, label, { reduction: 'sum' }));
      },
    },
    {
      api: 'paddle.nn.functional.leaky_relu',
      python: py`
      >>> import paddle
      >>> import paddle.nn.functional as F

      >>> x = paddle.to_tensor([-2., 0., 1.])
      >>> out = F.leaky_relu(x)
      >>> print(out)
      Tensor(shape=[3], dtype=float32, place=Place(cpu), stop_gradient=True,
      [-0.02000000,  0.        ,  1.        ])
      `,
      run: (doc) => {
        doc.out(F.leaky_relu(T([-2, 0, 1])));
      },
    },
    {
      api: 'paddle.nn.functional.linear',
      python: py`
      >>> import paddle
      >>> paddle.seed(2023)
      >>> x = paddle.randn((3, 2), dtype="float32")
      >>> print(x)
      Tensor(shape=[3, 2], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[ 0.06132207,  1.11349595],
       [ 0.41906244, -0.24858207],
       [-1.85169315, -1.50370061]])
      >>> weight = paddle.full(shape=[2, 4], fill_value="0.5", dtype="float32", name="weight")
      >>> print(weight)
      Tensor(shape=[2, 4], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[0.50000000, 0.50000000, 0.50000000, 0.50000000],
       [0.50000000, 0.50000000, 0.50000000, 0.50000000]])
      >>> bias = paddle.ones(shape=[4], dtype="float32", name="bias")
      >>> print(bias)
      Tensor(shape=[4], dtype=float32, place=Place(cpu), stop_gradient=True,
      [1., 1., 1., 1.])
      >>> y = paddle.nn.functional.linear(x, weight, bias)
      >>> print(y)
      Tensor(shape=[3, 4], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[ 1.58740902,  1.58740902,  1.58740902,  1.58740902],
       [ 1.08524013,  1.08524013,  1.08524013,  1.08524013],
       [-0.67769694, -0.67769694, -0.67769694, -0.67769694]])
      `,
      random: 'seeded',
      run: (doc) => {
        paddle.seed(2023);
        const x = paddle.randn([3, 2], { dtype: 'float32' });
        doc.random(x);
        const weight = paddle.full([2, 4], '0.5', { dtype: 'float32', name: 'weight' });
        doc.out(weight);
        const bias = paddle.ones([4], { dtype: 'float32', name: 'bias' });
        doc.out(bias);
        const y = F.linear(x, weight, bias);
        doc.random(y);
        const xs = x.tolist() as number[][];
        expect(y.tolist()).toEqual(xs.map((r) => Array(4).fill(Math.fround(Math.fround(Math.fround((r[0] as number) * 0.5) + Math.fround((r[1] as number) * 0.5)) + 1))));
      },
    },
    {
      api: 'paddle.nn.functional.log_softmax',
      python: py`
      >>> import paddle
      >>> import paddle.nn.functional as F
      >>> x = [[[-2.0, 3.0, -4.0, 5.0],
      ...       [3.0, -4.0, 5.0, -6.0],
      ...       [-7.0, -8.0, 8.0, 9.0]],
      ...      [[1.0, -2.0, -3.0, 4.0],
      ...       [-5.0, 6.0, 7.0, -8.0],
      ...       [6.0, 7.0, 8.0, 9.0]]]
      >>> x = paddle.to_tensor(x)
      >>> out1 = F.log_softmax(x)
      >>> out2 = F.log_softmax(x, dtype='float64')
      >>> #out1's data type is float32; out2's data type is float64
      >>> #out1 and out2's value is as follows:
      >>> print(out1)
      Tensor(shape=[2, 3, 4], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[[-7.12783957 , -2.12783957 , -9.12783909 , -0.12783945 ],
        [-2.12705135 , -9.12705135 , -0.12705141 , -11.12705135],
        [-16.31326103, -17.31326103, -1.31326187 , -0.31326184 ]],
       [[-3.05181193 , -6.05181217 , -7.05181217 , -0.05181199 ],
        [-12.31326675, -1.31326652 , -0.31326646 , -15.31326675],
        [-3.44018984 , -2.44018984 , -1.44018972 , -0.44018975 ]]])
      >>> print(out2)
      Tensor(shape=[2, 3, 4], dtype=float64, place=Place(cpu), stop_gradient=True,
      [[[-7.12783948 , -2.12783948 , -9.12783948 , -0.12783948 ],
        [-2.12705141 , -9.12705141 , -0.12705141 , -11.12705141],
        [-16.31326180, -17.31326180, -1.31326180 , -0.31326180 ]],
       [[-3.05181198 , -6.05181198 , -7.05181198 , -0.05181198 ],
        [-12.31326640, -1.31326640 , -0.31326640 , -15.31326640],
        [-3.44018970 , -2.44018970 , -1.44018970 , -0.44018970 ]]])
      `,
      run: (doc) => {
        const x = T([[[-2.0, 3.0, -4.0, 5.0], [3.0, -4.0, 5.0, -6.0], [-7.0, -8.0, 8.0, 9.0]], [[1.0, -2.0, -3.0, 4.0], [-5.0, 6.0, 7.0, -8.0], [6.0, 7.0, 8.0, 9.0]]]);
        doc.out(F.log_softmax(x));
        doc.out(F.log_softmax(x, { dtype: 'float64' }));
      },
    },
    {
      api: 'paddle.nn.functional.mse_loss',
      python: py`
      >>> import paddle
      >>> mse_loss = paddle.nn.loss.MSELoss()
      >>> input = paddle.to_tensor(1.5)
      >>> label = paddle.to_tensor(1.7)
      >>> output = mse_loss(input, label)
      >>> print(output)
      Tensor(shape=[], dtype=float32, place=Place(cpu), stop_gradient=True,
             0.04000002)
      `,
      run: (doc) => {
        const mseLoss = new paddle.nn.MSELoss();
        doc.out(mseLoss.forward(T(1.5), T(1.7)));
      },
    },
    {
      api: 'paddle.nn.functional.nll_loss',
      python: py`
      >>> import paddle
      >>> from paddle.nn.functional import nll_loss
      >>> log_softmax = paddle.nn.LogSoftmax(axis=1)

      >>> input = paddle.to_tensor([[0.88103855, 0.9908683 , 0.6226845 ],
      ...     [0.53331435, 0.07999352, 0.8549948 ],
      ...     [0.25879037, 0.39530203, 0.698465  ],
      ...     [0.73427284, 0.63575995, 0.18827209],
      ...     [0.05689114, 0.0862954 , 0.6325046 ]], "float32")
      >>> log_out = log_softmax(input)
      >>> label = paddle.to_tensor([0, 2, 1, 1, 0], "int64")
      >>> result = nll_loss(log_out, label)
      >>> print(result)
      Tensor(shape=[], dtype=float32, place=Place(cpu), stop_gradient=True,
             1.07202101)
      `,
      run: (doc) => {
        const logSoftmax = new paddle.nn.LogSoftmax(1);
        const input = T([[0.88103855, 0.9908683, 0.6226845], [0.53331435, 0.07999352, 0.8549948], [0.25879037, 0.39530203, 0.698465], [0.73427284, 0.63575995, 0.18827209], [0.05689114, 0.0862954, 0.6325046]], { dtype: 'float32' });
        const logOut = logSoftmax.forward(input);
        const label = I([0, 2, 1, 1, 0]);
        doc.out(F.nll_loss(logOut, label));
      },
    },
    {
      api: 'paddle.nn.functional.normalize',
      python: py`
      >>> import paddle
      >>> import paddle.nn.functional as F

      >>> paddle.disable_static()
      >>> x = paddle.arange(6, dtype="float32").reshape([2,3])
      >>> y = F.normalize(x)
      >>> print(y)
      Tensor(shape=[2, 3], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[0.        , 0.44721359, 0.89442718],
       [0.42426404, 0.56568539, 0.70710671]])

      >>> y = F.normalize(x, p=1.5)
      >>> print(y)
      Tensor(shape=[2, 3], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[0.        , 0.40862012, 0.81724024],
       [0.35684016, 0.47578689, 0.59473360]])

      >>> y = F.normalize(x, axis=0)
      >>> print(y)
      Tensor(shape=[2, 3], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[0.        , 0.24253564, 0.37139067],
       [1.        , 0.97014254, 0.92847669]])
      `,
      run: (doc) => {
        const x = paddle.arange(6, { dtype: 'float32' }).reshape([2, 3]);
        doc.out(F.normalize(x));
        doc.out(F.normalize(x, { p: 1.5 }));
        doc.out(F.normalize(x, { axis: 0 }));
      },
    },
    {
      api: 'paddle.nn.functional.one_hot',
      python: py`
      >>> import paddle
      >>> # Correspond to the first example above, where label.shape is 4 and one_hot_label.shape is [4, 4].
      >>> label = paddle.to_tensor([1, 1, 3, 0], dtype='int64')
      >>> print(label.shape)
      [4]
      >>> one_hot_label = paddle.nn.functional.one_hot(label, num_classes=4)
      >>> print(one_hot_label.shape)
      [4, 4]
      >>> print(one_hot_label)
      Tensor(shape=[4, 4], dtype=float32, place=Place(cpu), stop_gradient=True,
             [[0., 1., 0., 0.],
              [0., 1., 0., 0.],
              [0., 0., 0., 1.],
              [1., 0., 0., 0.]])
      `,
      run: (doc) => {
        const label = I([1, 1, 3, 0]);
        doc.out(label.shape);
        const oneHotLabel = F.one_hot(label, 4);
        doc.out(oneHotLabel.shape);
        doc.out(oneHotLabel);
      },
    },
    {
      api: 'paddle.nn.functional.pad',
      python: py`
      >>> import paddle
      >>> import paddle.nn.functional as F

      >>> # example 1
      >>> x_shape = (1, 1, 3)
      >>> x = paddle.arange(paddle.prod(paddle.to_tensor(x_shape)), dtype="float32").reshape(x_shape) + 1
      >>> y = F.pad(x, [0, 0, 0, 0, 2, 3], value=1, mode='constant', data_format="NCL")
      >>> print(y)
      Tensor(shape=[1, 1, 8], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[[1., 1., 1., 2., 3., 1., 1., 1.]]])

      >>> # example 2
      >>> x_shape = (1, 1, 3)
      >>> x = paddle.arange(paddle.prod(paddle.to_tensor(x_shape)), dtype="float32").reshape(x_shape) + 1
      >>> y = F.pad(x, [2, 3], value=1, mode='constant', data_format="NCL")
      >>> print(y)
      Tensor(shape=[1, 1, 8], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[[1., 1., 1., 2., 3., 1., 1., 1.]]])

      >>> # example 3
      >>> x_shape = (1, 1, 2, 3)
      >>> x = paddle.arange(paddle.prod(paddle.to_tensor(x_shape)), dtype="float32").reshape(x_shape) + 1
      >>> y = F.pad(x, [1, 2, 1, 1], value=1, mode='circular')
      >>> print(y)
      Tensor(shape=[1, 1, 4, 6], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[[[6., 4., 5., 6., 4., 5.],
         [3., 1., 2., 3., 1., 2.],
         [6., 4., 5., 6., 4., 5.],
         [3., 1., 2., 3., 1., 2.]]]])
      `,
      run: (doc) => {
        const ramp = (shape: number[]): paddle.Tensor => paddle.add(paddle.arange(paddle.prod(I(shape)), { dtype: 'float32' }).reshape(shape), T(1));
        doc.out(F.pad(ramp([1, 1, 3]), [0, 0, 0, 0, 2, 3], { value: 1, mode: 'constant', dataFormat: 'NCL' }));
        doc.out(F.pad(ramp([1, 1, 3]), [2, 3], { value: 1, mode: 'constant', dataFormat: 'NCL' }));
        doc.out(F.pad(ramp([1, 1, 2, 3]), [1, 2, 1, 1], { value: 1, mode: 'circular' }));
      },
    },
    {
      api: 'paddle.nn.functional.relu',
      python: py`
      >>> import paddle
      >>> import paddle.nn.functional as F

      >>> x = paddle.to_tensor([-2, 0, 1], dtype='float32')
      >>> out = F.relu(x)
      >>> print(out)
      Tensor(shape=[3], dtype=float32, place=Place(cpu), stop_gradient=True,
      [0., 0., 1.])
      `,
      run: (doc) => {
        doc.out(F.relu(T([-2, 0, 1], { dtype: 'float32' })));
      },
    },
    {
      api: 'paddle.nn.functional.silu',
      python: py`
      >>> import paddle
      >>> import paddle.nn.functional as F

      >>> x = paddle.to_tensor([1.0, 2.0, 3.0, 4.0])
      >>> out = F.silu(x)
      >>> print(out)
      Tensor(shape=[4], dtype=float32, place=Place(cpu), stop_gradient=True,
      [0.73105860, 1.76159406, 2.85772228, 3.92805505])
      `,
      run: (doc) => {
        doc.out(F.silu(T([1.0, 2.0, 3.0, 4.0])));
      },
    },
    {
      api: 'paddle.nn.functional.smooth_l1_loss',
      python: py`
      >>> import paddle
      >>> paddle.seed(2023)

      >>> input = paddle.rand([3, 3]).astype('float32')
      >>> label = paddle.rand([3, 3]).astype('float32')
      >>> output = paddle.nn.functional.smooth_l1_loss(input, label)
      >>> print(output)
      Tensor(shape=[], dtype=float32, place=Place(cpu), stop_gradient=True,
              0.08307374)
      `,
      random: 'seeded',
      run: (doc) => {
        paddle.seed(2023);
        const input = paddle.rand([3, 3]).astype('float32');
        const label = paddle.rand([3, 3]).astype('float32');
        doc.random(F.smooth_l1_loss(input, label));
      },
    },
    {
      api: 'paddle.nn.functional.softmax',
      python: py`
      >>> import paddle
      >>> import paddle.nn.functional as F

      >>> x = paddle.to_tensor([[[2.0, 3.0, 4.0, 5.0],
      ...                        [3.0, 4.0, 5.0, 6.0],
      ...                        [7.0, 8.0, 8.0, 9.0]],
      ...                       [[1.0, 2.0, 3.0, 4.0],
      ...                        [5.0, 6.0, 7.0, 8.0],
      ...                        [6.0, 7.0, 8.0, 9.0]]],dtype='float32')
      >>> out1 = F.softmax(x)
      >>> out2 = F.softmax(x, dtype='float64')
      >>> #out1's data type is float32; out2's data type is float64
      >>> #out1 and out2's value is as follows:
      >>> print(out1)
      >>> print(out2)
      Tensor(shape=[2, 3, 4], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[[0.03205860, 0.08714432, 0.23688284, 0.64391428],
        [0.03205860, 0.08714432, 0.23688284, 0.64391428],
        [0.07232949, 0.19661194, 0.19661194, 0.53444666]],
       [[0.03205860, 0.08714432, 0.23688284, 0.64391428],
        [0.03205860, 0.08714432, 0.23688284, 0.64391428],
        [0.03205860, 0.08714432, 0.23688284, 0.64391428]]])
      Tensor(shape=[2, 3, 4], dtype=float64, place=Place(cpu), stop_gradient=True,
      [[[0.03205860, 0.08714432, 0.23688282, 0.64391426],
        [0.03205860, 0.08714432, 0.23688282, 0.64391426],
        [0.07232949, 0.19661193, 0.19661193, 0.53444665]],
       [[0.03205860, 0.08714432, 0.23688282, 0.64391426],
        [0.03205860, 0.08714432, 0.23688282, 0.64391426],
        [0.03205860, 0.08714432, 0.23688282, 0.64391426]]])
      `,
      run: (doc) => {
        const x = T([[[2.0, 3.0, 4.0, 5.0], [3.0, 4.0, 5.0, 6.0], [7.0, 8.0, 8.0, 9.0]], [[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [6.0, 7.0, 8.0, 9.0]]], { dtype: 'float32' });
        const out1 = F.softmax(x);
        const out2 = F.softmax(x, { dtype: 'float64' });
        doc.seq([out1, out2]);
      },
    },
    {
      api: 'paddle.nn.functional.softplus',
      python: py`
      >>> import paddle
      >>> import paddle.nn.functional as F

      >>> x = paddle.to_tensor([-0.4, -0.2, 0.1, 0.3], dtype='float32')
      >>> out = F.softplus(x)
      >>> print(out)
      Tensor(shape=[4], dtype=float32, place=Place(cpu), stop_gradient=True,
      [0.51301527, 0.59813893, 0.74439669, 0.85435522])
      `,
      run: (doc) => {
        doc.out(F.softplus(T([-0.4, -0.2, 0.1, 0.3], { dtype: 'float32' })));
      },
    },
    {
      api: 'paddle.nn.functional.square_error_cost',
      python: py`
      >>> import paddle
      >>> input = paddle.to_tensor([1.1, 1.9])
      >>> label = paddle.to_tensor([1.0, 2.0])
      >>> output = paddle.nn.functional.square_error_cost(input, label)
      >>> print(output)
      Tensor(shape=[2], dtype=float32, place=Place(cpu), stop_gradient=True,
              [0.01000000, 0.01000000])
      `,
      run: (doc) => {
        doc.out(F.square_error_cost(T([1.1, 1.9]), T([1.0, 2.0])));
      },
    },
  ],
});

/** Paddle's documentation examples for this area, each beside its TypeScript twin (harness.ts). */
import { expect } from 'vitest';
import * as paddle from '../../../src/index.js';
import { conformance, py } from './harness.js';
import { F, I, T } from './helpers.js';

export default conformance({
  area: 'nn-layer',
  sources: ["nn/layer/activation.py", "nn/layer/common.py", "nn/layer/container.py", "nn/layer/layers.py", "nn/layer/loss.py"],
  cases: [
    {
      api: 'paddle.nn.Silu',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([1.0, 2.0, 3.0, 4.0])
      >>> m = paddle.nn.Silu()
      >>> out = m(x)
      >>> print(out)
      Tensor(shape=[4], dtype=float32, place=Place(cpu), stop_gradient=True,
      [0.73105860, 1.76159406, 2.85772228, 3.92805505])
      `,
      run: (doc) => {
        const m = new paddle.nn.Silu();
        doc.out(m.forward(T([1.0, 2.0, 3.0, 4.0])));
      },
    },
    {
      api: 'paddle.nn.BCELoss',
      python: py`
      >>> import paddle

      >>> input = paddle.to_tensor([0.5, 0.6, 0.7])
      >>> label = paddle.to_tensor([1.0, 0.0, 1.0])
      >>> bce_loss = paddle.nn.BCELoss()
      >>> output = bce_loss(input, label)
      >>> print(output)
      Tensor(shape=[], dtype=float32, place=Place(cpu), stop_gradient=True,
      0.65537095)
      `,
      run: (doc) => {
        const bceLoss = new paddle.nn.BCELoss();
        doc.out(bceLoss.forward(T([0.5, 0.6, 0.7]), T([1.0, 0.0, 1.0])));
      },
    },
    {
      api: 'paddle.nn.BCEWithLogitsLoss',
      python: py`
      >>> import paddle

      >>> logit = paddle.to_tensor([5.0, 1.0, 3.0], dtype="float32")
      >>> label = paddle.to_tensor([1.0, 0.0, 1.0], dtype="float32")
      >>> bce_logit_loss = paddle.nn.BCEWithLogitsLoss()
      >>> output = bce_logit_loss(logit, label)
      >>> print(output)
      Tensor(shape=[], dtype=float32, place=Place(cpu), stop_gradient=True,
      0.45618808)
      `,
      run: (doc) => {
        const loss = new paddle.nn.BCEWithLogitsLoss();
        doc.out(loss.forward(T([5.0, 1.0, 3.0], { dtype: 'float32' }), T([1.0, 0.0, 1.0], { dtype: 'float32' })));
      },
    },
    {
      api: 'paddle.nn.CrossEntropyLoss',
      python: py`
          >>> # hard labels
          >>> import paddle
          >>> paddle.seed(2023)
          >>> N=100
          >>> C=200
          >>> reduction='mean'
          >>> input =  paddle.rand([N, C], dtype='float64')
          >>> label =  paddle.randint(0, C, shape=[N], dtype='int64')
          >>> weight = paddle.rand([C], dtype='float64')

          >>> cross_entropy_loss = paddle.nn.loss.CrossEntropyLoss(
          ...     weight=weight, reduction=reduction)
          >>> dy_ret = cross_entropy_loss(input, label)
          >>> print(dy_ret)
          Tensor(shape=[], dtype=float64, place=Place(cpu), stop_gradient=True,
          5.33697682)

          >>> # soft labels
          >>> import paddle
          >>> paddle.seed(2023)
          >>> axis = -1
          >>> N = 4
          >>> C = 3
          >>> shape = [N, C]
          >>> reduction='mean'
          >>> weight = None
          >>> logits = paddle.uniform(shape, dtype='float64', min=0.1, max=1.0)
          >>> # case1: soft labels without label_smoothing
          >>> labels = paddle.uniform(shape, dtype='float64', min=0.1, max=1.0)
          >>> labels /= paddle.sum(labels, axis=axis, keepdim=True)
          >>> cross_entropy_loss = paddle.nn.loss.CrossEntropyLoss(
          ...     weight=weight, reduction=reduction, soft_label=True, label_smoothing=0.0)
          >>> dy_ret = cross_entropy_loss(logits, labels)
          >>> print(dy_ret)
          Tensor(shape=[], dtype=float64, place=Place(cpu), stop_gradient=True,
          1.14554912)

          >>> # case2: soft labels with label_smoothing
          >>> import paddle
          >>> paddle.seed(2023)
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

          >>> cross_entropy_loss = paddle.nn.loss.CrossEntropyLoss(
          ...     weight=weight, reduction=reduction, label_smoothing=label_smoothing)

          >>> # integer labels
          >>> integer_label_dy_ret = cross_entropy_loss(logits, integer_labels)
          >>> print(integer_label_dy_ret)
          Tensor(shape=[], dtype=float64, place=Place(cpu), stop_gradient=True,
          1.10520368)

          >>> # one_hot labels
          >>> one_hot_label_dy_ret = cross_entropy_loss(logits, one_hot_labels)
          >>> print(one_hot_label_dy_ret)
          Tensor(shape=[], dtype=float64, place=Place(cpu), stop_gradient=True,
          1.10520368)
      `,
      random: 'seeded',
      run: (doc) => {
        paddle.seed(2023);
        let N = 100;
        let C = 200;
        const input = paddle.rand([N, C], { dtype: 'float64' });
        const label = paddle.randint(0, C, [N], { dtype: 'int64' });
        const weight = paddle.rand([C], { dtype: 'float64' });
        let loss = new paddle.nn.CrossEntropyLoss({ weight, reduction: 'mean' });
        doc.random(loss.forward(input, label));
        paddle.seed(2023);
        N = 4;
        C = 3;
        let logits = paddle.uniform([N, C], { dtype: 'float64', min: 0.1, max: 1.0 });
        let labels = paddle.uniform([N, C], { dtype: 'float64', min: 0.1, max: 1.0 });
        labels = paddle.divide(labels, paddle.sum(labels, { axis: -1, keepdim: true }));
        loss = new paddle.nn.CrossEntropyLoss({ weight: null, reduction: 'mean', softLabel: true, labelSmoothing: 0.0 });
        doc.random(loss.forward(logits, labels));
        paddle.seed(2023);
        logits = paddle.uniform([N, C], { dtype: 'float64', min: 0.1, max: 1.0 });
        const integerLabels = paddle.randint(0, C, [N], { dtype: 'int64' });
        const oneHotLabels = F.one_hot(integerLabels, C).astype('float32');
        loss = new paddle.nn.CrossEntropyLoss({ weight: null, reduction: 'mean', labelSmoothing: 0.4 });
        const a = loss.forward(logits, integerLabels);
        doc.random(a);
        const b = loss.forward(logits, oneHotLabels);
        doc.random(b);
        expect(b.item()).toBeCloseTo(a.item() as number, 6);
      },
    },
    {
      api: 'paddle.nn.Dropout',
      python: py`
      >>> import paddle
      >>> paddle.seed(2023)

      >>> x = paddle.to_tensor([[1, 2, 3], [4, 5, 6]], dtype="float32")
      >>> m = paddle.nn.Dropout(p=0.5)

      >>> y_train = m(x)
      >>> print(y_train)
      Tensor(shape=[2, 3], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[2., 4., 0.],
       [8., 0., 0.]])

      >>> m.eval()  # switch the model to test phase
      >>> y_test = m(x)
      >>> print(y_test)
      Tensor(shape=[2, 3], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[1., 2., 3.],
       [4., 5., 6.]])
      `,
      random: 'seeded',
      run: (doc) => {
        paddle.seed(2023);
        const x = T([[1, 2, 3], [4, 5, 6]], { dtype: 'float32' });
        const m = new paddle.nn.Dropout(0.5);
        const yTrain = m.forward(x);
        expect(Array.from(yTrain.data).every((v, i) => v === 0 || v === 2 * (x.data[i] as number))).toBe(true);
        doc.random(yTrain);
        m.eval();
        doc.out(m.forward(x));
      },
    },
    {
      api: 'paddle.nn.ELU',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([[-1. ,6.], [1., 15.6]])
      >>> m = paddle.nn.ELU(0.2)
      >>> out = m(x)
      >>> print(out)
      Tensor(shape=[2, 2], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[-0.12642412,  6.        ],
       [ 1.        , 15.60000038]])
      `,
      run: (doc) => {
        doc.out(new paddle.nn.ELU(0.2).forward(T([[-1, 6], [1, 15.6]])));
      },
    },
    {
      api: 'paddle.nn.Embedding',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([[0], [1], [3]], dtype="int64", stop_gradient=False)
      >>> embedding = paddle.nn.Embedding(4, 3, sparse=True)

      >>> w0 = paddle.to_tensor([[0., 0., 0.],
      ...                        [1., 1., 1.],
      ...                        [2., 2., 2.],
      ...                        [3., 3., 3.]], dtype="float32")
      >>> embedding.weight.set_value(w0)
      >>> print(embedding.weight)
      Parameter containing:
      Tensor(shape=[4, 3], dtype=float32, place=Place(cpu), stop_gradient=False,
      [[0., 0., 0.],
       [1., 1., 1.],
       [2., 2., 2.],
       [3., 3., 3.]])

      >>> adam = paddle.optimizer.Adam(parameters=[embedding.weight], learning_rate=0.01)
      >>> adam.clear_grad()

      >>> out = embedding(x)
      >>> print(out)
      Tensor(shape=[3, 1, 3], dtype=float32, place=Place(cpu), stop_gradient=False,
      [[[0., 0., 0.]],
       [[1., 1., 1.]],
       [[3., 3., 3.]]])

      >>> out.backward()
      >>> adam.step()
      `,
      note: "Adam is not in this package: RMSProp steps the sparse gradient",
      run: (doc) => {
        const x = I([[0], [1], [3]], { stopGradient: false });
        const embedding = new paddle.nn.Embedding(4, 3, { sparse: true });
        const w0 = T([[0, 0, 0], [1, 1, 1], [2, 2, 2], [3, 3, 3]], { dtype: 'float32' });
        embedding.weight.set_value(w0);
        doc.out(embedding.weight);
        const opt = new paddle.optimizer.RMSProp(0.01, { parameters: [embedding.weight] });
        opt.clear_grad();
        const out = embedding.forward(x);
        doc.out(out);
        out.backward();
        opt.step();
      },
    },
    {
      api: 'paddle.nn.Flatten',
      python: py`
      >>> import paddle

      >>> inp = paddle.ones([5, 2, 3, 4]).astype('float32')
      >>> flatten = paddle.nn.Flatten(start_axis=1, stop_axis=2)
      >>> y = flatten(inp)
      >>> print(y.shape)
      [5, 6, 4]
      `,
      run: (doc) => {
        const inp = paddle.ones([5, 2, 3, 4]).astype('float32');
        doc.out(new paddle.nn.Flatten(1, 2).forward(inp).shape);
      },
    },
    {
      api: 'paddle.nn.GELU',
      python: py`
      >>> import paddle
      >>> x = paddle.to_tensor([[-1, 0.5],[1, 1.5]])
      >>> m = paddle.nn.GELU()
      >>> out = m(x)
      >>> print(out)
      Tensor(shape=[2, 2], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[-0.15865529,  0.34573123],
       [ 0.84134471,  1.39978933]])
      >>> m = paddle.nn.GELU(True)
      >>> out = m(x)
      >>> print(out)
      Tensor(shape=[2, 2], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[-0.15880796,  0.34571400],
       [ 0.84119201,  1.39957154]])
      `,
      run: (doc) => {
        const x = T([[-1, 0.5], [1, 1.5]]);
        doc.out(new paddle.nn.GELU().forward(x));
        doc.out(new paddle.nn.GELU(true).forward(x));
      },
    },
    {
      api: 'paddle.nn.Identity',
      python: py`
      >>> import paddle
      >>> paddle.seed(100)

      >>> input_tensor = paddle.randn(shape=[3, 2])
      >>> layer = paddle.nn.Identity()
      >>> out = layer(input_tensor)
      >>> print(input_tensor)
      Tensor(shape=[3, 2], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[-1.41661501,  0.25904641],
       [ 0.00979547, -0.30324230],
       [-1.34256756, -0.76540256]])
      >>> print(out)
      Tensor(shape=[3, 2], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[-1.41661501,  0.25904641],
       [ 0.00979547, -0.30324230],
       [-1.34256756, -0.76540256]])
      `,
      random: 'seeded',
      run: (doc) => {
        paddle.seed(100);
        const inputTensor = paddle.randn([3, 2]);
        const out = new paddle.nn.Identity().forward(inputTensor);
        doc.random(inputTensor);
        doc.random(out);
        expect(out.tolist()).toEqual(inputTensor.tolist());
      },
    },
    {
      api: 'paddle.nn.KLDivLoss',
      python: py`
      >>> import paddle
      >>> import paddle.nn as nn

      >>> shape = (5, 20)
      >>> x = paddle.uniform(shape, min=-10, max=10).astype('float32')
      >>> target = paddle.uniform(shape, min=-10, max=10).astype('float32')

      >>> # 'batchmean' reduction, loss shape will be []
      >>> kldiv_criterion = nn.KLDivLoss(reduction='batchmean')
      >>> pred_loss = kldiv_criterion(x, target)
      >>> print(pred_loss.shape)
      []

      >>> # 'mean' reduction, loss shape will be []
      >>> kldiv_criterion = nn.KLDivLoss(reduction='mean')
      >>> pred_loss = kldiv_criterion(x, target)
      >>> print(pred_loss.shape)
      []

      >>> # 'sum' reduction, loss shape will be []
      >>> kldiv_criterion = nn.KLDivLoss(reduction='sum')
      >>> pred_loss = kldiv_criterion(x, target)
      >>> print(pred_loss.shape)
      []

      >>> # 'none' reduction, loss shape is same with X shape
      >>> kldiv_criterion = nn.KLDivLoss(reduction='none')
      >>> pred_loss = kldiv_criterion(x, target)
      >>> print(pred_loss.shape)
      [5, 20]

      >>> # if label is in the log space, set log_target = True
      >>> target = paddle.uniform(shape, min=0, max=10).astype('float32')
      >>> log_target = paddle.log(target)
      >>> kldiv_criterion_1 = nn.KLDivLoss(reduction='none')
      >>> kldiv_criterion_2 = nn.KLDivLoss(reduction='none', log_target=True)
      >>> pred_loss_1 = kldiv_criterion_1(x, target)
      >>> pred_loss_2 = kldiv_criterion_2(x, log_target)
      >>> print(paddle.allclose(pred_loss_1, pred_loss_2))
      Tensor(shape=[], dtype=bool, place=Place(cpu), stop_gradient=True,
      True)
      `,
      run: (doc) => {
        const shape = [5, 20];
        const x = paddle.uniform(shape, { min: -10, max: 10 }).astype('float32');
        let target = paddle.uniform(shape, { min: -10, max: 10 }).astype('float32');
        for (const reduction of ['batchmean', 'mean', 'sum', 'none'] as const) {
          doc.out(new paddle.nn.KLDivLoss({ reduction }).forward(x, target).shape);
        }
        target = paddle.uniform(shape, { min: 0, max: 10 }).astype('float32');
        const logTarget = paddle.log(target);
        const predLoss1 = new paddle.nn.KLDivLoss({ reduction: 'none' }).forward(x, target);
        const predLoss2 = new paddle.nn.KLDivLoss({ reduction: 'none', logTarget: true }).forward(x, logTarget);
        doc.out(paddle.allclose(predLoss1, predLoss2));
      },
    },
    {
      api: 'paddle.nn.L1Loss',
      python: py`
      >>> import paddle

      >>> input = paddle.to_tensor([[1.5, 0.8], [0.2, 1.3]])
      >>> label = paddle.to_tensor([[1.7, 1], [0.4, 0.5]])

      >>> l1_loss = paddle.nn.L1Loss()
      >>> output = l1_loss(input, label)
      >>> print(output)
      Tensor(shape=[], dtype=float32, place=Place(cpu), stop_gradient=True,
      0.34999999)

      >>> l1_loss = paddle.nn.L1Loss(reduction='sum')
      >>> output = l1_loss(input, label)
      >>> print(output)
      Tensor(shape=[], dtype=float32, place=Place(cpu), stop_gradient=True,
      1.39999998)

      >>> l1_loss = paddle.nn.L1Loss(reduction='none')
      >>> output = l1_loss(input, label)
      >>> print(output)
      Tensor(shape=[2, 2], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[0.20000005, 0.19999999],
       [0.20000000, 0.79999995]])
      `,
      run: (doc) => {
        const input = T([[1.5, 0.8], [0.2, 1.3]]);
        const label = T([[1.7, 1], [0.4, 0.5]]);
        doc.out(new paddle.nn.L1Loss().forward(input, label));
        doc.out(new paddle.nn.L1Loss({ reduction: 'sum' }).forward(input, label));
        doc.out(new paddle.nn.L1Loss({ reduction: 'none' }).forward(input, label));
      },
    },
    {
      api: 'paddle.nn.Layer',
      python: py`
      >>> import paddle
      >>> paddle.seed(100)

      >>> class MyLayer(paddle.nn.Layer):
      ...     def __init__(self):
      ...         super().__init__()
      ...         self._linear = paddle.nn.Linear(1, 1)
      ...         self._dropout = paddle.nn.Dropout(p=0.5)
      ...
      ...     def forward(self, input):
      ...         temp = self._linear(input)
      ...         temp = self._dropout(temp)
      ...         return temp
      ...
      >>> x = paddle.randn([10, 1], 'float32')
      >>> mylayer = MyLayer()
      >>> mylayer.eval()  # set mylayer._dropout to eval mode
      >>> out = mylayer(x)
      >>> mylayer.train()  # set mylayer._dropout to train mode
      >>> out = mylayer(x)
      >>> print(out)
      Tensor(shape=[10, 1], dtype=float32, place=Place(cpu), stop_gradient=False,
      [[-3.44879317],
       [ 0.        ],
       [ 0.        ],
       [-0.73825276],
       [ 0.        ],
       [ 0.        ],
       [ 0.64444798],
       [-3.22185946],
       [ 0.        ],
       [-0.68077987]])
      `,
      random: 'seeded',
      run: (doc) => {
        paddle.seed(100);
        class MyLayer extends paddle.nn.Layer {
          _linear = this.addSublayer('_linear', new paddle.nn.Linear(1, 1));
          _dropout = this.addSublayer('_dropout', new paddle.nn.Dropout(0.5));
          override forward(input: paddle.Tensor): paddle.Tensor {
            return this._dropout.forward(this._linear.forward(input));
          }
        }
        const x = paddle.randn([10, 1], { dtype: 'float32' });
        const mylayer = new MyLayer();
        mylayer.eval();
        const evalOut = mylayer.forward(x);
        mylayer.train();
        const out = mylayer.forward(x);
        expect(Array.from(out.data).every((v, i) => v === 0 || v === Math.fround(2 * (evalOut.data[i] as number)))).toBe(true);
        doc.random(out);
      },
    },
    {
      api: 'paddle.nn.LayerDict',
      python: py`
      >>> import paddle
      >>> import numpy as np
      >>> from collections import OrderedDict

      >>> sublayers = OrderedDict([
      ...     ('conv1d', paddle.nn.Conv1D(3, 2, 3)),
      ...     ('conv2d', paddle.nn.Conv2D(3, 2, 3)),
      ...     ('conv3d', paddle.nn.Conv3D(4, 6, (3, 3, 3))),
      >>> ])

      >>> layers_dict = paddle.nn.LayerDict(sublayers=sublayers)

      >>> l = layers_dict['conv1d']

      >>> for k in layers_dict:
      ...     l = layers_dict[k]
      ...
      >>> print(len(layers_dict))
      3

      >>> del layers_dict['conv2d']
      >>> print(len(layers_dict))
      2

      >>> conv1d = layers_dict.pop('conv1d')
      >>> print(len(layers_dict))
      1

      >>> layers_dict.clear()
      >>> print(len(layers_dict))
      0
      `,
      note: "Conv1D/Conv2D are other work's layers, Conv3D is not in this package: the dict holds Conv1D, Conv2D and a Linear in its place; `del d[k]` is d.delete(k)",
      run: (doc) => {
        const sublayers: [string, paddle.nn.Layer][] = [
          ['conv1d', new paddle.nn.Conv1D(3, 2, 3)],
          ['conv2d', new paddle.nn.Conv2D(3, 2, 3)],
          ['conv3d', new paddle.nn.Linear(4, 6)],
        ];
        const layersDict = new paddle.nn.LayerDict(sublayers);
        let l = layersDict.get('conv1d');
        for (const k of layersDict.keys()) l = layersDict.get(k);
        expect(l).toBe(sublayers[2]?.[1]);
        doc.out(layersDict.length);
        layersDict.delete('conv2d');
        doc.out(layersDict.length);
        layersDict.pop('conv1d');
        doc.out(layersDict.length);
        layersDict.clear();
        doc.out(layersDict.length);
      },
    },
    {
      api: 'paddle.nn.LayerList',
      python: py`
      >>> import paddle

      >>> class MyLayer(paddle.nn.Layer):
      ...     def __init__(self):
      ...         super().__init__()
      ...         self.linears = paddle.nn.LayerList(
      ...             [paddle.nn.Linear(10, 10) for i in range(10)])
      ...
      ...     def forward(self, x):
      ...         # LayerList can act as an iterable, or be indexed using ints
      ...         for i, l in enumerate(self.linears):
      ...             x = self.linears[i // 2](x) + l(x)
      ...         return x
      `,
      run: (doc) => {
        class MyLayer extends paddle.nn.Layer {
          linears = this.addSublayer('linears', new paddle.nn.LayerList(Array.from({ length: 10 }, () => new paddle.nn.Linear(10, 10))));
          override forward(x: paddle.Tensor): paddle.Tensor {
            [...this.linears].forEach((l, i) => {
              x = paddle.add((this.linears.at(Math.floor(i / 2)) as paddle.nn.Linear).forward(x), (l as paddle.nn.Linear).forward(x));
            });
            return x;
          }
        }
        expect(new MyLayer().forward(paddle.ones([2, 10])).shape).toEqual([2, 10]);
      },
    },
    {
      api: 'paddle.nn.LeakyReLU',
      python: py`
      >>> import paddle

      >>> m = paddle.nn.LeakyReLU()
      >>> x = paddle.to_tensor([-2.0, 0, 1])
      >>> out = m(x)
      >>> print(out)
      Tensor(shape=[3], dtype=float32, place=Place(cpu), stop_gradient=True,
      [-0.02000000,  0.        ,  1.        ])
      `,
      run: (doc) => {
        doc.out(new paddle.nn.LeakyReLU().forward(T([-2.0, 0, 1])));
      },
    },
    {
      api: 'paddle.nn.Linear',
      python: py`
      >>> import paddle
      >>> paddle.seed(100)

      >>> # Define the linear layer.
      >>> weight_attr = paddle.ParamAttr(
      ...     name="weight",
      ...     initializer=paddle.nn.initializer.Constant(value=0.5))
      >>> bias_attr = paddle.ParamAttr(
      ...     name="bias",
      ...     initializer=paddle.nn.initializer.Constant(value=1.0))
      >>> linear = paddle.nn.Linear(2, 4, weight_attr=weight_attr, bias_attr=bias_attr)
      >>> print(linear.weight)
      Parameter containing:
      Tensor(shape=[2, 4], dtype=float32, place=Place(cpu), stop_gradient=False,
      [[0.50000000, 0.50000000, 0.50000000, 0.50000000],
       [0.50000000, 0.50000000, 0.50000000, 0.50000000]])

      >>> print(linear.bias)
      Parameter containing:
      Tensor(shape=[4], dtype=float32, place=Place(cpu), stop_gradient=False,
      [1., 1., 1., 1.])

      >>> x = paddle.randn((3, 2), dtype="float32")
      >>> y = linear(x)
      >>> print(y)
      Tensor(shape=[3, 4], dtype=float32, place=Place(cpu), stop_gradient=False,
      [[ 0.42121571,  0.42121571,  0.42121571,  0.42121571],
       [ 0.85327661,  0.85327661,  0.85327661,  0.85327661],
       [-0.05398512, -0.05398512, -0.05398512, -0.05398512]])
      `,
      run: (doc) => {
        paddle.seed(100);
        const weightAttr = new paddle.ParamAttr({ name: 'weight', initializer: new paddle.nn.initializer.Constant(0.5) });
        const biasAttr = new paddle.ParamAttr({ name: 'bias', initializer: new paddle.nn.initializer.Constant(1.0) });
        const linear = new paddle.nn.Linear(2, 4, { weightAttr, biasAttr });
        doc.out(linear.weight);
        doc.out(linear.bias);
        const x = paddle.randn([3, 2], { dtype: 'float32' });
        const y = linear.forward(x);
        doc.random(y);
        paddle.nn.resetParameterNames();
      },
    },
    {
      api: 'paddle.nn.LogSoftmax',
      python: py`
      >>> import paddle

      >>> x = [[[-2.0,  3.0, -4.0,  5.0],
      ...       [ 3.0, -4.0,  5.0, -6.0],
      ...       [-7.0, -8.0,  8.0,  9.0]],
      ...      [[ 1.0, -2.0, -3.0,  4.0],
      ...       [-5.0,  6.0,  7.0, -8.0],
      ...       [ 6.0,  7.0,  8.0,  9.0]]]
      >>> m = paddle.nn.LogSoftmax()
      >>> x = paddle.to_tensor(x)
      >>> out = m(x)
      >>> print(out)
      Tensor(shape=[2, 3, 4], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[[-7.12783957 , -2.12783957 , -9.12783909 , -0.12783945 ],
        [-2.12705135 , -9.12705135 , -0.12705141 , -11.12705135],
        [-16.31326103, -17.31326103, -1.31326187 , -0.31326184 ]],
       [[-3.05181193 , -6.05181217 , -7.05181217 , -0.05181199 ],
        [-12.31326675, -1.31326652 , -0.31326646 , -15.31326675],
        [-3.44018984 , -2.44018984 , -1.44018972 , -0.44018975 ]]])
      `,
      run: (doc) => {
        const x = T([[[-2.0, 3.0, -4.0, 5.0], [3.0, -4.0, 5.0, -6.0], [-7.0, -8.0, 8.0, 9.0]], [[1.0, -2.0, -3.0, 4.0], [-5.0, 6.0, 7.0, -8.0], [6.0, 7.0, 8.0, 9.0]]]);
        doc.out(new paddle.nn.LogSoftmax().forward(x));
      },
    },
    {
      api: 'paddle.nn.MSELoss',
      python: py`
      >>> import paddle
      >>> mse_loss = paddle.nn.loss.MSELoss()
      >>> input = paddle.to_tensor([1.5])
      >>> label = paddle.to_tensor([1.7])
      >>> output = mse_loss(input, label)
      >>> print(output)
      Tensor(shape=[], dtype=float32, place=Place(cpu), stop_gradient=True,
      0.04000002)
      `,
      run: (doc) => {
        doc.out(new paddle.nn.MSELoss().forward(T([1.5]), T([1.7])));
      },
    },
    {
      api: 'paddle.nn.NLLLoss',
      python: py`
      >>> import paddle

      >>> nll_loss = paddle.nn.loss.NLLLoss()
      >>> log_softmax = paddle.nn.LogSoftmax(axis=1)

      >>> input = paddle.to_tensor([[0.88103855, 0.9908683 , 0.6226845 ],
      ...                           [0.53331435, 0.07999352, 0.8549948 ],
      ...                           [0.25879037, 0.39530203, 0.698465  ],
      ...                           [0.73427284, 0.63575995, 0.18827209],
      ...                           [0.05689114, 0.0862954 , 0.6325046 ]], "float32")
      >>> log_out = log_softmax(input)
      >>> label = paddle.to_tensor([0, 2, 1, 1, 0], "int64")
      >>> result = nll_loss(log_out, label)
      >>> print(result)
      Tensor(shape=[], dtype=float32, place=Place(cpu), stop_gradient=True,
      1.07202101)
      `,
      run: (doc) => {
        const nllLoss = new paddle.nn.NLLLoss();
        const logSoftmax = new paddle.nn.LogSoftmax(1);
        const input = T([[0.88103855, 0.9908683, 0.6226845], [0.53331435, 0.07999352, 0.8549948], [0.25879037, 0.39530203, 0.698465], [0.73427284, 0.63575995, 0.18827209], [0.05689114, 0.0862954, 0.6325046]], { dtype: 'float32' });
        doc.out(nllLoss.forward(logSoftmax.forward(input), I([0, 2, 1, 1, 0])));
      },
    },
    {
      api: 'paddle.nn.Pad1D',
      python: py`
      >>> import paddle
      >>> import paddle.nn as nn

      >>> input_shape = (1, 2, 3)
      >>> pad = [1, 2]
      >>> mode = "constant"
      >>> data = paddle.arange(paddle.prod(paddle.to_tensor(input_shape)), dtype="float32").reshape(input_shape) + 1
      >>> my_pad = nn.Pad1D(padding=pad, mode=mode)
      >>> result = my_pad(data)
      >>> print(result)
      Tensor(shape=[1, 2, 6], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[[0., 1., 2., 3., 0., 0.],
        [0., 4., 5., 6., 0., 0.]]])
      `,
      run: (doc) => {
        const shape = [1, 2, 3];
        const data = paddle.add(paddle.arange(paddle.prod(I(shape)), { dtype: 'float32' }).reshape(shape), T(1));
        doc.out(new paddle.nn.Pad1D([1, 2], 'constant').forward(data));
      },
    },
    {
      api: 'paddle.nn.Pad2D',
      python: py`
      >>> import paddle
      >>> import paddle.nn as nn

      >>> input_shape = (1, 1, 2, 3)
      >>> pad = [1, 0, 1, 2]
      >>> mode = "constant"
      >>> data = paddle.arange(paddle.prod(paddle.to_tensor(input_shape)), dtype="float32").reshape(input_shape) + 1
      >>> my_pad = nn.Pad2D(padding=pad, mode=mode)
      >>> result = my_pad(data)
      >>> print(result)
      Tensor(shape=[1, 1, 5, 4], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[[[0., 0., 0., 0.],
         [0., 1., 2., 3.],
         [0., 4., 5., 6.],
         [0., 0., 0., 0.],
         [0., 0., 0., 0.]]]])
      `,
      run: (doc) => {
        const shape = [1, 1, 2, 3];
        const data = paddle.add(paddle.arange(paddle.prod(I(shape)), { dtype: 'float32' }).reshape(shape), T(1));
        doc.out(new paddle.nn.Pad2D([1, 0, 1, 2], 'constant').forward(data));
      },
    },
    {
      api: 'paddle.nn.Pad3D',
      python: py`
      >>> import paddle
      >>> import paddle.nn as nn

      >>> input_shape = (1, 1, 1, 2, 3)
      >>> pad = [1, 0, 1, 2, 0, 0]
      >>> mode = "constant"
      >>> data = paddle.arange(paddle.prod(paddle.to_tensor(input_shape)), dtype="float32").reshape(input_shape) + 1
      >>> my_pad = nn.Pad3D(padding=pad, mode=mode)
      >>> result = my_pad(data)
      >>> print(result)
      Tensor(shape=[1, 1, 1, 5, 4], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[[[[0., 0., 0., 0.],
          [0., 1., 2., 3.],
          [0., 4., 5., 6.],
          [0., 0., 0., 0.],
          [0., 0., 0., 0.]]]]])
      `,
      run: (doc) => {
        const shape = [1, 1, 1, 2, 3];
        const data = paddle.add(paddle.arange(paddle.prod(I(shape)), { dtype: 'float32' }).reshape(shape), T(1));
        doc.out(new paddle.nn.Pad3D([1, 0, 1, 2, 0, 0], 'constant').forward(data));
      },
    },
    {
      api: 'paddle.nn.ParameterList',
      python: py`
      >>> import paddle

      >>> class MyLayer(paddle.nn.Layer):
      ...     def __init__(self, num_stacked_param):
      ...         super().__init__()
      ...         # create ParameterList with iterable Parameters
      ...         self.params = paddle.nn.ParameterList(
      ...             [paddle.create_parameter(
      ...                 shape=[2, 2], dtype='float32')] * num_stacked_param)
      ...
      ...     def forward(self, x):
      ...         for i, p in enumerate(self.params):
      ...             tmp = self._helper.create_variable_for_type_inference('float32')
      ...             self._helper.append_op(
      ...                 type="mul",
      ...                 inputs={"X": x,
      ...                         "Y": p},
      ...                 outputs={"Out": tmp},
      ...                 attrs={"x_num_col_dims": 1,
      ...                         "y_num_col_dims": 1})
      ...             x = tmp
      ...         return x
      ...
      >>> x = paddle.uniform(shape=[5, 2], dtype='float32')
      >>> num_stacked_param = 4
      >>> model = MyLayer(num_stacked_param)
      >>> print(len(model.params))
      4
      >>> res = model(x)
      >>> print(res.shape)
      [5, 2]

      >>> replaced_param = paddle.create_parameter(shape=[2, 3], dtype='float32')
      >>> model.params[num_stacked_param - 1] = replaced_param  # replace last param
      >>> res = model(x)
      >>> print(res.shape)
      [5, 3]
      >>> model.params.append(paddle.create_parameter(shape=[3, 4], dtype='float32'))  # append param
      >>> print(len(model.params))
      5
      >>> res = model(x)
      >>> print(res.shape)
      [5, 4]
      `,
      note: "the example's forward appends a static-graph 'mul' op through self._helper; the twin multiplies with paddle.matmul; `model.params[i] = p` is params.set(i, p)",
      run: (doc) => {
        class MyLayer extends paddle.nn.Layer {
          params: paddle.nn.ParameterList;
          constructor(numStackedParam: number) {
            super();
            const p = paddle.createParameter([2, 2], 'float32');
            this.params = this.addSublayer('params', new paddle.nn.ParameterList(Array.from({ length: numStackedParam }, () => p)));
          }
          override forward(x: paddle.Tensor): paddle.Tensor {
            for (const p of this.params) x = paddle.matmul(x, p);
            return x;
          }
        }
        const x = paddle.uniform([5, 2], { dtype: 'float32' });
        const numStackedParam = 4;
        const model = new MyLayer(numStackedParam);
        doc.out(model.params.length);
        doc.out(model.forward(x).shape);
        model.params.set(numStackedParam - 1, paddle.createParameter([2, 3], 'float32'));
        doc.out(model.forward(x).shape);
        model.params.append(paddle.createParameter([3, 4], 'float32'));
        doc.out(model.params.length);
        doc.out(model.forward(x).shape);
      },
    },
    {
      api: 'paddle.nn.ReLU',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([-2., 0., 1.])
      >>> m = paddle.nn.ReLU()
      >>> out = m(x)
      >>> print(out)
      Tensor(shape=[3], dtype=float32, place=Place(cpu), stop_gradient=True,
      [0., 0., 1.])
      `,
      run: (doc) => {
        doc.out(new paddle.nn.ReLU().forward(T([-2, 0, 1])));
      },
    },
    {
      api: 'paddle.nn.Sequential',
      python: py`
      >>> import paddle

      >>> data = paddle.uniform(shape=[30, 10], dtype='float32')
      >>> # create Sequential with iterable Layers
      >>> model1 = paddle.nn.Sequential(
      ...     paddle.nn.Linear(10, 1), paddle.nn.Linear(1, 2)
      >>> )
      >>> model1[0]  # access the first layer
      >>> res1 = model1(data)  # sequential execution

      >>> # create Sequential with name Layer pairs
      >>> model2 = paddle.nn.Sequential(
      ...     ('l1', paddle.nn.Linear(10, 2)),
      ...     ('l2', paddle.nn.Linear(2, 3))
      >>> )
      >>> model2['l1']  # access l1 layer
      >>> model2.add_sublayer('l3', paddle.nn.Linear(3, 3))  # add sublayer
      >>> res2 = model2(data)  # sequential execution
      `,
      note: "model2['l1'] works as written (a named child is a property); add_sublayer is addSublayer",
      run: (doc) => {
        const data = paddle.uniform([30, 10], { dtype: 'float32' });
        const model1 = new paddle.nn.Sequential(new paddle.nn.Linear(10, 1), new paddle.nn.Linear(1, 2));
        expect(model1[0]).toBeInstanceOf(paddle.nn.Linear);
        expect(model1.forward(data).shape).toEqual([30, 2]);
        const model2 = new paddle.nn.Sequential(['l1', new paddle.nn.Linear(10, 2)], ['l2', new paddle.nn.Linear(2, 3)]);
        expect((model2 as unknown as Record<string, unknown>)['l1']).toBe(model2.at(0));
        model2.addSublayer('l3', new paddle.nn.Linear(3, 3));
        expect(model2.forward(data).shape).toEqual([30, 3]);
      },
    },
    {
      api: 'paddle.nn.Sigmoid',
      python: py`
      >>> import paddle

      >>> m = paddle.nn.Sigmoid()
      >>> x = paddle.to_tensor([1.0, 2.0, 3.0, 4.0])
      >>> out = m(x)
      >>> print(out)
      Tensor(shape=[4], dtype=float32, place=Place(cpu), stop_gradient=True,
      [0.73105860, 0.88079703, 0.95257413, 0.98201376])
      `,
      run: (doc) => {
        doc.out(new paddle.nn.Sigmoid().forward(T([1.0, 2.0, 3.0, 4.0])));
      },
    },
    {
      api: 'paddle.nn.SmoothL1Loss',
      python: py`
      >>> import paddle
      >>> paddle.seed(2023)
      >>> input = paddle.rand([3, 3]).astype("float32")
      >>> label = paddle.rand([3, 3]).astype("float32")
      >>> loss = paddle.nn.SmoothL1Loss()
      >>> output = loss(input, label)
      >>> print(output)
      Tensor(shape=[], dtype=float32, place=Place(cpu), stop_gradient=True,
      0.08307374)
      `,
      random: 'seeded',
      run: (doc) => {
        paddle.seed(2023);
        const input = paddle.rand([3, 3]).astype('float32');
        const label = paddle.rand([3, 3]).astype('float32');
        doc.random(new paddle.nn.SmoothL1Loss().forward(input, label));
      },
    },
    {
      api: 'paddle.nn.Softmax',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([[[2.0, 3.0, 4.0, 5.0],
      ...                        [3.0, 4.0, 5.0, 6.0],
      ...                        [7.0, 8.0, 8.0, 9.0]],
      ...                       [[1.0, 2.0, 3.0, 4.0],
      ...                        [5.0, 6.0, 7.0, 8.0],
      ...                        [6.0, 7.0, 8.0, 9.0]]], dtype='float32')
      >>> m = paddle.nn.Softmax()
      >>> out = m(x)
      >>> print(out)
      Tensor(shape=[2, 3, 4], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[[0.03205860, 0.08714432, 0.23688284, 0.64391428],
        [0.03205860, 0.08714432, 0.23688284, 0.64391428],
        [0.07232949, 0.19661194, 0.19661194, 0.53444666]],
       [[0.03205860, 0.08714432, 0.23688284, 0.64391428],
        [0.03205860, 0.08714432, 0.23688284, 0.64391428],
        [0.03205860, 0.08714432, 0.23688284, 0.64391428]]])
      `,
      run: (doc) => {
        const x = T([[[2.0, 3.0, 4.0, 5.0], [3.0, 4.0, 5.0, 6.0], [7.0, 8.0, 8.0, 9.0]], [[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [6.0, 7.0, 8.0, 9.0]]], { dtype: 'float32' });
        doc.out(new paddle.nn.Softmax().forward(x));
      },
    },
    {
      api: 'paddle.nn.Softplus',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([-0.4, -0.2, 0.1, 0.3], dtype='float32')
      >>> m = paddle.nn.Softplus()
      >>> out = m(x)
      >>> print(out)
      Tensor(shape=[4], dtype=float32, place=Place(cpu), stop_gradient=True,
      [0.51301527, 0.59813893, 0.74439669, 0.85435522])
      `,
      run: (doc) => {
        doc.out(new paddle.nn.Softplus().forward(T([-0.4, -0.2, 0.1, 0.3], { dtype: 'float32' })));
      },
    },
    {
      api: 'paddle.nn.Tanh',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([-0.4, -0.2, 0.1, 0.3])
      >>> m = paddle.nn.Tanh()
      >>> out = m(x)
      >>> print(out)
      Tensor(shape=[4], dtype=float32, place=Place(cpu), stop_gradient=True,
      [-0.37994900, -0.19737528,  0.09966799,  0.29131261])
      `,
      run: (doc) => {
        doc.out(new paddle.nn.Tanh().forward(T([-0.4, -0.2, 0.1, 0.3])));
      },
    },
    {
      api: 'paddle.nn.ZeroPad2D',
      python: py`
      >>> import paddle
      >>> import paddle.nn as nn

      >>> input_shape = paddle.to_tensor([1, 1, 2, 3])
      >>> pad = [1, 0, 1, 2]
      >>> data = paddle.arange(paddle.prod(input_shape), dtype="float32").reshape(input_shape) + 1
      >>> my_pad = nn.ZeroPad2D(padding=pad)
      >>> result = my_pad(data)
      >>> print(result)
      Tensor(shape=[1, 1, 5, 4], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[[[0., 0., 0., 0.],
         [0., 1., 2., 3.],
         [0., 4., 5., 6.],
         [0., 0., 0., 0.],
         [0., 0., 0., 0.]]]])
      `,
      run: (doc) => {
        const inputShape = I([1, 1, 2, 3]);
        const data = paddle.add(paddle.arange(paddle.prod(inputShape), { dtype: 'float32' }).reshape(inputShape), T(1));
        doc.out(new paddle.nn.ZeroPad2D([1, 0, 1, 2]).forward(data));
      },
    },
    {
      api: 'paddle.nn.Layer.train',
      python: py`
      >>> import paddle
      >>> paddle.seed(100)

      >>> class MyLayer(paddle.nn.Layer):
      ...     def __init__(self):
      ...         super().__init__()
      ...         self._linear = paddle.nn.Linear(1, 1)
      ...         self._dropout = paddle.nn.Dropout(p=0.5)
      ...
      ...     def forward(self, input):
      ...         temp = self._linear(input)
      ...         temp = self._dropout(temp)
      ...         return temp
      ...
      >>> x = paddle.randn([10, 1], 'float32')
      >>> mylayer = MyLayer()
      >>> mylayer.eval()  # set mylayer._dropout to eval mode
      >>> out = mylayer(x)
      >>> mylayer.train()  # set mylayer._dropout to train mode
      >>> out = mylayer(x)
      >>> print(out)
      Tensor(shape=[10, 1], dtype=float32, place=Place(cpu), stop_gradient=False,
      [[-3.44879317],
       [ 0.        ],
       [ 0.        ],
       [-0.73825276],
       [ 0.        ],
       [ 0.        ],
       [ 0.64444798],
       [-3.22185946],
       [ 0.        ],
       [-0.68077987]])
      `,
      random: 'seeded',
      run: (doc) => {
        paddle.seed(100);
        const linear = new paddle.nn.Linear(1, 1);
        const dropout = new paddle.nn.Dropout(0.5);
        const mylayer = new paddle.nn.Sequential(['_linear', linear], ['_dropout', dropout]);
        const x = paddle.randn([10, 1], { dtype: 'float32' });
        mylayer.eval();
        expect(dropout.training).toBe(false);
        mylayer.forward(x);
        mylayer.train();
        expect(dropout.training).toBe(true);
        doc.random(mylayer.forward(x));
      },
    },
    {
      api: 'paddle.nn.Layer.eval',
      python: py`
      >>> import paddle
      >>> paddle.seed(100)
      >>> class MyLayer(paddle.nn.Layer):
      ...     def __init__(self):
      ...         super().__init__()
      ...         self._linear = paddle.nn.Linear(1, 1)
      ...         self._dropout = paddle.nn.Dropout(p=0.5)
      ...
      ...     def forward(self, input):
      ...         temp = self._linear(input)
      ...         temp = self._dropout(temp)
      ...         return temp
      ...
      >>> x = paddle.randn([10, 1], 'float32')
      >>> mylayer = MyLayer()
      >>> mylayer.eval()  # set mylayer._dropout to eval mode
      >>> out = mylayer(x)
      >>> print(out)
      Tensor(shape=[10, 1], dtype=float32, place=Place(cpu), stop_gradient=False,
      [[-1.72439659],
       [ 0.31532824],
       [ 0.01192369],
       [-0.36912638],
       [-1.63426113],
       [-0.93169814],
       [ 0.32222399],
       [-1.61092973],
       [ 0.77209264],
       [-0.34038994]])
      `,
      random: 'seeded',
      run: (doc) => {
        paddle.seed(100);
        const linear = new paddle.nn.Linear(1, 1);
        const mylayer = new paddle.nn.Sequential(['_linear', linear], ['_dropout', new paddle.nn.Dropout(0.5)]);
        const x = paddle.randn([10, 1], { dtype: 'float32' });
        mylayer.eval();
        const out = mylayer.forward(x);
        expect(out.tolist()).toEqual(linear.forward(x).tolist());
        doc.random(out);
      },
    },
    {
      api: 'paddle.nn.Layer.apply',
      python: py`
      >>> import paddle
      >>> import paddle.nn as nn
      >>> paddle.seed(2023)

      >>> net = nn.Sequential(nn.Linear(2, 2), nn.Linear(2, 2))

      >>> def init_weights(layer):
      ...     if type(layer) == nn.Linear:
      ...         print('before init weight:', layer.weight.numpy())
      ...         new_weight = paddle.full(shape=layer.weight.shape, dtype=layer.weight.dtype, fill_value=0.9)
      ...         layer.weight.set_value(new_weight)
      ...         print('after init weight:', layer.weight.numpy())
      ...
      >>> net.apply(init_weights)

      >>> print(net.state_dict())
      before init weight: [[ 0.89611185  0.04935038]
                           [-0.5888344   0.99266374]]
      after init weight: [[0.9 0.9]
                          [0.9 0.9]]
      before init weight: [[-0.18615901 -0.22924072]
                           [ 1.1517721   0.59859073]]
      after init weight: [[0.9 0.9]
                          [0.9 0.9]]
      OrderedDict([('0.weight', Parameter containing:
      Tensor(shape=[2, 2], dtype=float32, place=Place(cpu), stop_gradient=False,
      [[0.89999998, 0.89999998],
       [0.89999998, 0.89999998]])), ('0.bias', Parameter containing:
      Tensor(shape=[2], dtype=float32, place=Place(cpu), stop_gradient=False,
      [0., 0.])), ('1.weight', Parameter containing:
      Tensor(shape=[2, 2], dtype=float32, place=Place(cpu), stop_gradient=False,
      [[0.89999998, 0.89999998],
       [0.89999998, 0.89999998]])), ('1.bias', Parameter containing:
      Tensor(shape=[2], dtype=float32, place=Place(cpu), stop_gradient=False,
      [0., 0.]))])
      `,
      random: 'seeded',
      run: (doc) => {
        paddle.seed(2023);
        const net = new paddle.nn.Sequential(new paddle.nn.Linear(2, 2), new paddle.nn.Linear(2, 2));
        const printed: unknown[] = [];
        net.apply((layer) => {
          if (layer instanceof paddle.nn.Linear) {
            printed.push('before', 'init', 'weight:', layer.weight.tolist());
            layer.weight.set_value(paddle.full(layer.weight.shape, 0.9, { dtype: layer.weight.dtype }));
            printed.push('after', 'init', 'weight:', layer.weight.tolist());
          }
        });
        const stateDict = Object.entries(net.state_dict());
        expect(stateDict.map(([k]) => k)).toEqual(['0.weight', '0.bias', '1.weight', '1.bias']);
        expect(stateDict[0]?.[1]?.tolist()).toEqual([[Math.fround(0.9), Math.fround(0.9)], [Math.fround(0.9), Math.fround(0.9)]]);
        doc.seq([...printed, stateDict], { random: true });
      },
    },
    {
      api: 'paddle.nn.Layer.full_name',
      python: py`
      >>> import paddle

      >>> class LinearNet(paddle.nn.Layer):
      ...     def __init__(self):
      ...         super().__init__(name_scope = "demo_linear_net")
      ...         self._linear = paddle.nn.Linear(1, 1)
      ...
      ...     def forward(self, x):
      ...         return self._linear(x)
      ...
      >>> linear_net = LinearNet()
      >>> print(linear_net.full_name())
      demo_linear_net_0
      `,
      run: (doc) => {
        class LinearNet extends paddle.nn.Layer {
          _linear = this.addSublayer('_linear', new paddle.nn.Linear(1, 1));
          constructor() {
            super({ nameScope: 'demo_linear_net' });
          }
          override forward(x: paddle.Tensor): paddle.Tensor {
            return this._linear.forward(x);
          }
        }
        doc.out(new LinearNet().full_name());
      },
    },
    {
      api: 'paddle.nn.Layer.register_forward_post_hook',
      python: py`
      >>> import paddle
      >>> import numpy as np

      >>> # the forward_post_hook change the output of the layer: output = output * 2
      >>> def forward_post_hook(layer, input, output):
      ...     # user can use layer, input and output for information statistics tasks
      ...
      ...     # change the output
      ...     return output * 2
      ...
      >>> linear = paddle.nn.Linear(13, 5)

      >>> # register the hook
      >>> forward_post_hook_handle = linear.register_forward_post_hook(forward_post_hook)

      >>> value1 = np.arange(26).reshape(2, 13).astype("float32")
      >>> in1 = paddle.to_tensor(value1)

      >>> out0 = linear(in1)

      >>> # remove the hook
      >>> forward_post_hook_handle.remove()

      >>> out1 = linear(in1)

      >>> # hook change the linear's output to output * 2, so out0 is equal to out1 * 2.
      >>> assert (out0.numpy() == (out1.numpy()) * 2).any()
      `,
      run: (doc) => {
        const linear = new paddle.nn.Linear(13, 5);
        const handle = linear.register_forward_post_hook((_layer, _input, output) => paddle.multiply(output as paddle.Tensor, T(2)));
        const in1 = paddle.arange(26, { dtype: 'float32' }).reshape([2, 13]);
        const out0 = linear.forward(in1);
        handle.remove();
        const out1 = linear.forward(in1);
        expect(Array.from(out0.data).some((v, i) => v === (out1.data[i] as number) * 2)).toBe(true);
      },
    },
    {
      api: 'paddle.nn.Layer.register_forward_pre_hook',
      python: py`
      >>> import paddle
      >>> import numpy as np

      >>> # the forward_pre_hook change the input of the layer: input = input * 2
      >>> def forward_pre_hook(layer, input):
      ...     # user can use layer and input for information statistics tasks
      ...
      ...     # change the input
      ...     input_return = (input[0] * 2)
      ...     return input_return
      ...
      >>> linear = paddle.nn.Linear(13, 5)

      >>> # register the hook
      >>> forward_pre_hook_handle = linear.register_forward_pre_hook(forward_pre_hook)

      >>> value0 = np.arange(26).reshape(2, 13).astype("float32")
      >>> in0 = paddle.to_tensor(value0)
      >>> out0 = linear(in0)

      >>> # remove the hook
      >>> forward_pre_hook_handle.remove()

      >>> value1 = value0 * 2
      >>> in1 = paddle.to_tensor(value1)
      >>> out1 = linear(in1)

      >>> # hook change the linear's input to input * 2, so out0 is equal to out1.
      >>> assert (out0.numpy() == out1.numpy()).any()
      `,
      run: (doc) => {
        const linear = new paddle.nn.Linear(13, 5);
        const handle = linear.register_forward_pre_hook((_layer, input) => paddle.multiply(input[0] as paddle.Tensor, T(2)));
        const value0 = paddle.arange(26, { dtype: 'float32' }).reshape([2, 13]);
        const out0 = linear.forward(value0);
        handle.remove();
        const out1 = linear.forward(paddle.multiply(value0, T(2)));
        expect(Array.from(out0.data).some((v, i) => v === out1.data[i])).toBe(true);
      },
    },
    {
      api: 'paddle.nn.Layer.create_parameter',
      python: py`
      >>> import paddle
      >>> paddle.seed(2023)

      >>> class MyLayer(paddle.nn.Layer):
      ...     def __init__(self):
      ...         super().__init__()
      ...         self._linear = paddle.nn.Linear(1, 1)
      ...         w_tmp = self.create_parameter([1,1])
      ...         self.add_parameter("w_tmp", w_tmp)
      ...
      ...     def forward(self, input):
      ...         return self._linear(input)
      ...
      >>> mylayer = MyLayer()
      >>> for name, param in mylayer.named_parameters():
      ...     print(name, param)      # will print w_tmp,_linear.weight,_linear.bias
      w_tmp Parameter containing:
      Tensor(shape=[1, 1], dtype=float32, place=Place(cpu), stop_gradient=False,
      [[0.06979191]])
      _linear.weight Parameter containing:
      Tensor(shape=[1, 1], dtype=float32, place=Place(cpu), stop_gradient=False,
      [[1.26729357]])
      _linear.bias Parameter containing:
      Tensor(shape=[1], dtype=float32, place=Place(cpu), stop_gradient=False,
      [0.])
      `,
      random: 'seeded',
      run: (doc) => {
        paddle.seed(2023);
        class MyLayer extends paddle.nn.Layer {
          _linear: paddle.nn.Linear;
          constructor() {
            super();
            this._linear = this.addSublayer('_linear', new paddle.nn.Linear(1, 1));
            this.addParameter('w_tmp', this.createParameter([1, 1]));
          }
          override forward(input: paddle.Tensor): paddle.Tensor {
            return this._linear.forward(input);
          }
        }
        doc.seq(new MyLayer().named_parameters().flat(), { random: true });
      },
    },
    {
      api: 'paddle.nn.Layer.create_variable',
      python: py`
      >>> import paddle

      >>> class MyLinear(paddle.nn.Layer):
      ...     def __init__(self,
      ...                 in_features,
      ...                 out_features):
      ...         super().__init__()
      ...         self.linear = paddle.nn.Linear( 10, 10)
      ...
      ...         self.back_var = self.create_variable(name = "linear_tmp_0", dtype=self._dtype)
      ...
      ...     def forward(self, input):
      ...         out = self.linear(input)
      ...         paddle.assign( out, self.back_var)
      ...
      ...         return out
      `,
      notPortable: { reason: 'missing-api', why: "Layer.create_variable is not in this package (the example's forward assigns its result to a variable the layer created)" },
    },
    {
      api: 'paddle.nn.Layer.create_tensor',
      python: py`
      >>> import paddle

      >>> class MyLinear(paddle.nn.Layer):
      ...     def __init__(self,
      ...                  in_features,
      ...                  out_features):
      ...         super().__init__()
      ...         self.linear = paddle.nn.Linear(10, 10)
      ...
      ...         self.back_var = self.create_tensor(name = "linear_tmp_0", dtype=self._dtype)
      ...
      ...     def forward(self, input):
      ...         out = self.linear(input)
      ...         paddle.assign(out, self.back_var)
      ...
      ...         return out
      `,
      notPortable: { reason: 'missing-api', why: "Layer.create_tensor is not in this package (the example's forward assigns its result to a tensor the layer created)" },
    },
    {
      api: 'paddle.nn.Layer.parameters',
      python: py`
      >>> import paddle
      >>> paddle.seed(100)

      >>> linear = paddle.nn.Linear(1, 1)
      >>> print(linear.parameters())
      [Parameter containing:
      Tensor(shape=[1, 1], dtype=float32, place=Place(cpu), stop_gradient=False,
      [[0.18551230]]), Parameter containing:
      Tensor(shape=[1], dtype=float32, place=Place(cpu), stop_gradient=False,
      [0.])]
      `,
      random: 'seeded',
      run: (doc) => {
        paddle.seed(100);
        const linear = new paddle.nn.Linear(1, 1);
        doc.seq([linear.parameters()], { random: true });
      },
    },
    {
      api: 'paddle.nn.Layer.astype',
      python: py`
      >>> import paddle
      >>> import paddle.nn as nn
      >>> weight_attr = paddle.ParamAttr(name="weight",initializer=paddle.nn.initializer.Constant(value=1.5))
      >>> bias_attr = paddle.ParamAttr(name="bias",initializer=paddle.nn.initializer.Constant(value=2.5))

      >>> linear = paddle.nn.Linear(2, 2, weight_attr=weight_attr, bias_attr=bias_attr).to(device="cpu",dtype="float32")
      >>> print(linear)
      Linear(in_features=2, out_features=2, dtype=float32)
      >>> print(linear.parameters())
      [Parameter containing:
      Tensor(shape=[2, 2], dtype=float32, place=Place(cpu), stop_gradient=False,
          [[1.50000000, 1.50000000],
              [1.50000000, 1.50000000]]), Parameter containing:
      Tensor(shape=[2], dtype=float32, place=Place(cpu), stop_gradient=False,
          [2.50000000, 2.50000000])]

      >>> linear=linear.astype("int8")
      >>> print(linear)
      Linear(in_features=2, out_features=2, dtype=paddle.int8)
      >>> print(linear.parameters())
      [Parameter containing:
      Tensor(shape=[2, 2], dtype=int8, place=Place(cpu), stop_gradient=False,
          [[1, 1],
              [1, 1]]), Parameter containing:
      Tensor(shape=[2], dtype=int8, place=Place(cpu), stop_gradient=False,
          [2, 2])]
      `,
      notPortable: { reason: 'missing-api', why: "Layer.to(device, dtype) and Layer.astype are not in this package (and the example casts to int8, a dtype it does not have)" },
    },
    {
      api: 'paddle.nn.Layer.children',
      python: py`
      >>> import paddle

      >>> linear1 = paddle.nn.Linear(10, 3)
      >>> linear2 = paddle.nn.Linear(3, 10, bias_attr=False)
      >>> model = paddle.nn.Sequential(linear1, linear2)

      >>> layer_list = list(model.children())

      >>> print(layer_list)
      [Linear(in_features=10, out_features=3, dtype=float32), Linear(in_features=3, out_features=10, dtype=float32)]
      `,
      run: (doc) => {
        const model = new paddle.nn.Sequential(new paddle.nn.Linear(10, 3), new paddle.nn.Linear(3, 10, { biasAttr: false }));
        doc.out(`[${model.children().map(String).join(', ')}]`);
      },
    },
    {
      api: 'paddle.nn.Layer.named_children',
      python: py`
      >>> import paddle

      >>> linear1 = paddle.nn.Linear(10, 3)
      >>> linear2 = paddle.nn.Linear(3, 10, bias_attr=False)
      >>> model = paddle.nn.Sequential(linear1, linear2)
      >>> for prefix, layer in model.named_children():
      ...     print(prefix, layer)
      0 Linear(in_features=10, out_features=3, dtype=float32)
      1 Linear(in_features=3, out_features=10, dtype=float32)
      `,
      run: (doc) => {
        const model = new paddle.nn.Sequential(new paddle.nn.Linear(10, 3), new paddle.nn.Linear(3, 10, { biasAttr: false }));
        doc.out(model.named_children().map(([prefix, layer]) => `${prefix} ${String(layer)}`).join('\n'));
      },
    },
    {
      api: 'paddle.nn.Layer.sublayers',
      python: py`
      >>> import paddle

      >>> class MyLayer(paddle.nn.Layer):
      ...     def __init__(self):
      ...         super().__init__()
      ...         self._linear = paddle.nn.Linear(1, 1)
      ...         self._dropout = paddle.nn.Dropout(p=0.5)
      ...
      ...     def forward(self, input):
      ...         temp = self._linear(input)
      ...         temp = self._dropout(temp)
      ...         return temp
      ...
      >>> mylayer = MyLayer()
      >>> print(mylayer.sublayers())
      [Linear(in_features=1, out_features=1, dtype=float32), Dropout(p=0.5, axis=None, mode=upscale_in_train)]
      `,
      run: (doc) => {
        class MyLayer extends paddle.nn.Layer {
          _linear = this.addSublayer('_linear', new paddle.nn.Linear(1, 1));
          _dropout = this.addSublayer('_dropout', new paddle.nn.Dropout(0.5));
        }
        doc.out(`[${new MyLayer().sublayers().map(String).join(', ')}]`);
      },
    },
    {
      api: 'paddle.nn.Layer.named_parameters',
      python: py`
      >>> import paddle
      >>> paddle.seed(100)

      >>> fc1 = paddle.nn.Linear(10, 3)
      >>> fc2 = paddle.nn.Linear(3, 10, bias_attr=False)
      >>> model = paddle.nn.Sequential(fc1, fc2)
      >>> for name, param in model.named_parameters():
      ...     print(name, param)
      0.weight Parameter containing:
      Tensor(shape=[10, 3], dtype=float32, place=Place(cpu), stop_gradient=False,
      [[ 0.07276392, -0.39791510, -0.66356444],
       [ 0.02143478, -0.18519843, -0.32485050],
       [-0.42249614,  0.08450919, -0.66838276],
       [ 0.38208580, -0.24303678,  0.55127048],
       [ 0.47745085,  0.62117910, -0.08336520],
       [-0.28653207,  0.47237599, -0.05868882],
       [-0.14385653,  0.29945642,  0.12832761],
       [-0.21237159,  0.38539791, -0.62760031],
       [ 0.02637231,  0.20621127,  0.43255770],
       [-0.19984481, -0.26259184, -0.29696006]])
      0.bias Parameter containing:
      Tensor(shape=[3], dtype=float32, place=Place(cpu), stop_gradient=False,
      [0., 0., 0.])
      1.weight Parameter containing:
      Tensor(shape=[3, 10], dtype=float32, place=Place(cpu), stop_gradient=False,
      [[ 0.01985580, -0.40268910,  0.41172385, -0.47249708, -0.09002256,
       -0.00533628, -0.52048630,  0.62360322,  0.20848787, -0.02033746],
       [ 0.58281910,  0.12841827,  0.12907702,  0.02325618, -0.07746267,
       0.31950659, -0.37924835, -0.59209681, -0.11732036, -0.58378261],
       [-0.62100595,  0.22293305,  0.28229684, -0.03687060, -0.59323978,
       0.08411229,  0.53275704,  0.40431368,  0.03171402, -0.17922515]])
      `,
      random: 'seeded',
      run: (doc) => {
        paddle.seed(100);
        const model = new paddle.nn.Sequential(new paddle.nn.Linear(10, 3), new paddle.nn.Linear(3, 10, { biasAttr: false }));
        doc.seq(model.named_parameters().flat(), { random: true });
      },
    },
    {
      api: 'paddle.nn.Layer.named_sublayers',
      python: py`
      >>> import paddle

      >>> fc1 = paddle.nn.Linear(10, 3)
      >>> fc2 = paddle.nn.Linear(3, 10, bias_attr=False)
      >>> model = paddle.nn.Sequential(fc1, fc2)
      >>> for prefix, layer in model.named_sublayers():
      ...     print(prefix, layer)
      0 Linear(in_features=10, out_features=3, dtype=float32)
      1 Linear(in_features=3, out_features=10, dtype=float32)
      `,
      run: (doc) => {
        const model = new paddle.nn.Sequential(new paddle.nn.Linear(10, 3), new paddle.nn.Linear(3, 10, { biasAttr: false }));
        doc.out(model.named_sublayers().map(([prefix, layer]) => `${prefix} ${String(layer)}`).join('\n'));
      },
    },
    {
      api: 'paddle.nn.Layer.register_buffer',
      python: py`
      >>> import numpy as np
      >>> import paddle

      >>> linear = paddle.nn.Linear(10, 3)
      >>> value = np.array([0]).astype("float32")
      >>> buffer = paddle.to_tensor(value)
      >>> linear.register_buffer("buf_name", buffer, persistable=True)

      >>> # get the buffer by attribute.
      >>> print(linear.buf_name)
      Tensor(shape=[1], dtype=float32, place=Place(cpu), stop_gradient=True,
      [0.])
      `,
      run: (doc) => {
        const linear = new paddle.nn.Linear(10, 3);
        const buffer = T(new Float32Array([0]));
        linear.register_buffer('buf_name', buffer, { persistable: true });
        doc.out((linear as unknown as Record<string, unknown>)['buf_name']);
      },
    },
    {
      api: 'paddle.nn.Layer.buffers',
      python: py`
      >>> import numpy as np
      >>> import paddle

      >>> linear = paddle.nn.Linear(10, 3)
      >>> value = np.array([0]).astype("float32")
      >>> buffer = paddle.to_tensor(value)
      >>> linear.register_buffer("buf_name", buffer, persistable=True)

      >>> print(linear.buffers())
      [Tensor(shape=[1], dtype=float32, place=Place(cpu), stop_gradient=True,
      [0.])]
      `,
      run: (doc) => {
        const linear = new paddle.nn.Linear(10, 3);
        linear.register_buffer('buf_name', T(new Float32Array([0])), { persistable: true });
        doc.out(linear.buffers());
      },
    },
    {
      api: 'paddle.nn.Layer.named_buffers',
      python: py`
      >>> import numpy as np
      >>> import paddle

      >>> fc1 = paddle.nn.Linear(10, 3)
      >>> buffer1 = paddle.to_tensor(np.array([0]).astype("float32"))
      >>> # register a tensor as buffer by specific \`persistable\`
      >>> fc1.register_buffer("buf_name_1", buffer1, persistable=True)

      >>> fc2 = paddle.nn.Linear(3, 10)
      >>> buffer2 = paddle.to_tensor(np.array([1]).astype("float32"))
      >>> # register a buffer by assigning an attribute with Tensor.
      >>> # The \`persistable\` can only be False by this way.
      >>> fc2.buf_name_2 = buffer2

      >>> model = paddle.nn.Sequential(fc1, fc2)

      >>> # get all named buffers
      >>> for name, buffer in model.named_buffers():
      ...     print(name, buffer)
      0.buf_name_1 Tensor(shape=[1], dtype=float32, place=Place(cpu), stop_gradient=True,
      [0.])
      1.buf_name_2 Tensor(shape=[1], dtype=float32, place=Place(cpu), stop_gradient=True,
      [1.])
      `,
      note: "`fc2.buf_name_2 = buffer2` (a plain Tensor attribute becoming a buffer) is registerBuffer(name, t, { persistable: false }) here: JavaScript assignment has no hook",
      run: (doc) => {
        const fc1 = new paddle.nn.Linear(10, 3);
        fc1.register_buffer('buf_name_1', T(new Float32Array([0])), { persistable: true });
        const fc2 = new paddle.nn.Linear(3, 10);
        fc2.register_buffer('buf_name_2', T(new Float32Array([1])), { persistable: false });
        const model = new paddle.nn.Sequential(fc1, fc2);
        doc.seq(model.named_buffers().flat());
      },
    },
    {
      api: 'paddle.nn.Layer.clear_gradients',
      python: py`
      >>> import paddle
      >>> import numpy as np

      >>> value = np.arange(26).reshape(2, 13).astype("float32")
      >>> a = paddle.to_tensor(value)
      >>> linear = paddle.nn.Linear(13, 5)
      >>> adam = paddle.optimizer.Adam(learning_rate=0.01,
      ...                              parameters=linear.parameters())
      >>> out = linear(a)
      >>> out.backward()
      >>> adam.step()
      >>> linear.clear_gradients()
      `,
      note: "Adam is not in this package: RMSProp",
      run: (doc) => {
        const a = paddle.arange(26, { dtype: 'float32' }).reshape([2, 13]);
        const linear = new paddle.nn.Linear(13, 5);
        const opt = new paddle.optimizer.RMSProp(0.01, { parameters: linear.parameters() });
        linear.forward(a).backward();
        opt.step();
        linear.clear_gradients();
        expect(Array.from((linear.weight.grad as paddle.Tensor).data).every((v) => v === 0)).toBe(true);
      },
    },
    {
      api: 'paddle.nn.Layer.add_sublayer',
      python: py`
      >>> import paddle

      >>> class MySequential(paddle.nn.Layer):
      ...     def __init__(self, *layers):
      ...         super().__init__()
      ...         if len(layers) > 0 and isinstance(layers[0], tuple):
      ...             for name, layer in layers:
      ...                 self.add_sublayer(name, layer)
      ...         else:
      ...             for idx, layer in enumerate(layers):
      ...                 self.add_sublayer(str(idx), layer)
      ...
      ...     def forward(self, input):
      ...         for layer in self._sub_layers.values():
      ...             input = layer(input)
      ...         return input
      ...
      >>> fc1 = paddle.nn.Linear(10, 3)
      >>> fc2 = paddle.nn.Linear(3, 10, bias_attr=False)
      >>> model = MySequential(fc1, fc2)
      >>> for prefix, layer in model.named_sublayers():
      ...     print(prefix, layer)
      0 Linear(in_features=10, out_features=3, dtype=float32)
      1 Linear(in_features=3, out_features=10, dtype=float32)
      `,
      run: (doc) => {
        class MySequential extends paddle.nn.Layer {
          constructor(...layers: paddle.nn.Layer[]) {
            super();
            layers.forEach((layer, idx) => this.add_sublayer(String(idx), layer));
          }
          override forward(input: paddle.Tensor): paddle.Tensor {
            for (const layer of this.children()) input = layer.forward(input) as paddle.Tensor;
            return input;
          }
        }
        const model = new MySequential(new paddle.nn.Linear(10, 3), new paddle.nn.Linear(3, 10, { biasAttr: false }));
        doc.out(model.named_sublayers().map(([prefix, layer]) => `${prefix} ${String(layer)}`).join('\n'));
      },
    },
    {
      api: 'paddle.nn.Layer.add_parameter',
      python: py`
      >>> import paddle
      >>> paddle.seed(100)

      >>> class MyLayer(paddle.nn.Layer):
      ...     def __init__(self):
      ...         super().__init__()
      ...         self._linear = paddle.nn.Linear(1, 1)
      ...         w_tmp = self.create_parameter([1,1])
      ...         self.add_parameter("w_tmp", w_tmp)
      ...
      ...     def forward(self, input):
      ...         return self._linear(input)
      ...
      >>> mylayer = MyLayer()
      >>> for name, param in mylayer.named_parameters():
      ...     print(name, param)
      w_tmp Parameter containing:
      Tensor(shape=[1, 1], dtype=float32, place=Place(cpu), stop_gradient=False,
      [[-1.01448846]])
      _linear.weight Parameter containing:
      Tensor(shape=[1, 1], dtype=float32, place=Place(cpu), stop_gradient=False,
      [[0.18551230]])
      _linear.bias Parameter containing:
      Tensor(shape=[1], dtype=float32, place=Place(cpu), stop_gradient=False,
      [0.])
      `,
      random: 'seeded',
      run: (doc) => {
        paddle.seed(100);
        class MyLayer extends paddle.nn.Layer {
          _linear: paddle.nn.Linear;
          constructor() {
            super();
            this._linear = this.addSublayer('_linear', new paddle.nn.Linear(1, 1));
            this.add_parameter('w_tmp', this.createParameter([1, 1]));
          }
        }
        doc.seq(new MyLayer().named_parameters().flat(), { random: true });
      },
    },
    {
      api: 'paddle.nn.Layer.__dir__',
      python: py`
      >>> import paddle
      >>> import numpy as np

      >>> class Mylayer(paddle.nn.Layer):
      ...     def __init__(self):
      ...         super().__init__()
      ...         self.linear1 = paddle.nn.Linear(10, 10)
      ...         self.linear2 = paddle.nn.Linear(5, 5)
      ...         self.conv2d = paddle.nn.Conv2D(3, 2, 3)
      ...         self.embedding = paddle.nn.Embedding(128, 16)
      ...         self.h_0 = paddle.to_tensor(np.zeros([10, 10]).astype('float32'))
      ...
      >>> mylayer = Mylayer()
      >>> print(dir(mylayer))
      ['__call__', '__class__', '__delattr__', '__dict__', ..., 'training']
      `,
      notPortable: { reason: 'javascript', why: "Python's dir() lists attribute names; JavaScript has Object.keys / the prototype chain, with different names (and the example's Conv2D/Embedding layers print nothing comparable)" },
    },
    {
      api: 'paddle.nn.Layer.to_static_state_dict',
      python: py`
      >>> import paddle

      >>> emb = paddle.nn.Embedding(10, 10)

      >>> state_dict = emb.to_static_state_dict()
      >>> paddle.save( state_dict, "paddle_dy.pdparams")
      `,
      notPortable: { reason: 'missing-api', why: "Layer.to_static_state_dict is not in this package (state_dict is)" },
    },
    {
      api: 'paddle.nn.Layer.state_dict',
      python: py`
      >>> import paddle

      >>> emb = paddle.nn.Embedding(10, 10)

      >>> state_dict = emb.state_dict()
      >>> paddle.save( state_dict, "paddle_dy.pdparams")
      `,
      note: "the file is bytes in memory (saveBytes) instead of paddle_dy.pdparams in the working directory",
      run: (doc) => {
        const emb = new paddle.nn.Embedding(10, 10);
        const stateDict = emb.state_dict();
        expect(Object.keys(stateDict)).toEqual(['weight']);
        expect(paddle.saveBytes(stateDict).length).toBeGreaterThan(400);
      },
    },
    {
      api: 'paddle.nn.Layer.set_state_dict',
      python: py`
      >>> import paddle

      >>> emb = paddle.nn.Embedding(10, 10)

      >>> state_dict = emb.state_dict()
      >>> paddle.save(state_dict, "paddle_dy.pdparams")
      >>> para_state_dict = paddle.load("paddle_dy.pdparams")
      >>> emb.set_state_dict(para_state_dict)
      `,
      note: "the file is bytes in memory (saveBytes/loadBytes) instead of paddle_dy.pdparams in the working directory",
      run: (doc) => {
        const emb = new paddle.nn.Embedding(10, 10);
        const bytes = paddle.saveBytes(emb.state_dict());
        const paraStateDict = paddle.loadBytes(bytes) as Record<string, paddle.Tensor>;
        const other = new paddle.nn.Embedding(10, 10);
        other.set_state_dict(paraStateDict);
        expect(other.weight.tolist()).toEqual(emb.weight.tolist());
      },
    },
    {
      api: 'paddle.nn.Layer.to',
      python: py`
      >>> import paddle
      >>> paddle.seed(2023)

      >>> linear=paddle.nn.Linear(2, 2)
      >>> linear.weight
      >>> print(linear.weight)
      Parameter containing:
      Tensor(shape=[2, 2], dtype=float32, place=Place(gpu:0), stop_gradient=False,
      [[ 0.89611185,  0.04935038],
       [-0.58883440,  0.99266374]])

      >>> linear.to(dtype='float64')
      >>> linear.weight
      >>> print(linear.weight)
      Parameter containing:
      Tensor(shape=[2, 2], dtype=float64, place=Place(gpu:0), stop_gradient=False,
      [[ 0.89611185,  0.04935038],
       [-0.58883440,  0.99266374]])

      >>> linear.to(device='cpu')
      >>> linear.weight
      >>> print(linear.weight)
      Parameter containing:
      Tensor(shape=[2, 2], dtype=float64, place=Place(cpu), stop_gradient=False,
      [[ 0.89611185,  0.04935038],
       [-0.58883440,  0.99266374]])

      >>> # doctest: +REQUIRES(env:GPU)
      >>> linear.to(device=paddle.CUDAPinnedPlace(), blocking=False)
      >>> linear.weight
      >>> print(linear.weight)
      Tensor(shape=[2, 2], dtype=float64, place=Place(gpu_pinned), stop_gradient=False,
      [[ 0.89611185,  0.04935038],
       [-0.58883440,  0.99266374]])
      `,
      notPortable: { reason: 'missing-api', why: "Layer.to(device, dtype) is not in this package (and the example's places are GPU ones)" },
    },
    {
      api: 'paddle.nn.Layer.float',
      python: py`
      >>> import paddle

      >>> class Model(paddle.nn.Layer):
      ...     def __init__(self):
      ...         super().__init__()
      ...         self.linear = paddle.nn.Linear(1, 1)
      ...         self.dropout = paddle.nn.Dropout(p=0.5)
      ...
      ...     def forward(self, input):
      ...         out = self.linear(input)
      ...         out = self.dropout(out)
      ...         return out
      ...
      >>> model = Model()
      >>> model.float()
      Model(
          (linear): Linear(in_features=1, out_features=1, dtype=paddle.float32)
          (dropout): Dropout(p=0.5, axis=None, mode=upscale_in_train)
      )
      `,
      notPortable: { reason: 'missing-api', why: "Layer.float() is not in this package" },
    },
    {
      api: 'paddle.nn.Layer.float16',
      python: py`
      >>> # doctest: +SKIP('Paddle compiled by the user does not support float16, so keep original data type.')
      >>> import paddle

      >>> class Model(paddle.nn.Layer):
      ...     def __init__(self):
      ...         super().__init__()
      ...         self.linear = paddle.nn.Linear(1, 1)
      ...         self.dropout = paddle.nn.Dropout(p=0.5)
      ...
      ...     def forward(self, input):
      ...         out = self.linear(input)
      ...         out = self.dropout(out)
      ...         return out
      ...
      >>> model = Model()
      >>> model.float16()
      Model(
          (linear): Linear(in_features=1, out_features=1, dtype=float32)
          (dropout): Dropout(p=0.5, axis=None, mode=upscale_in_train)
      )
      `,
      notPortable: { reason: 'dtype', why: "float16 is not a dtype of this package (the example is skipped in Paddle's own doctest run too)" },
    },
    {
      api: 'paddle.nn.Layer.bfloat16',
      python: py`
      >>> # doctest: +SKIP('bfloat need V100 compile')
      >>> import paddle

      >>> class Model(paddle.nn.Layer):
      ...     def __init__(self):
      ...         super().__init__()
      ...         self.linear = paddle.nn.Linear(1, 1)
      ...         self.dropout = paddle.nn.Dropout(p=0.5)
      ...
      ...     def forward(self, input):
      ...         out = self.linear(input)
      ...         out = self.dropout(out)
      ...         return out
      ...
      >>> model = Model()
      >>> model.bfloat16()
      >>> #UserWarning: Paddle compiled by the user does not support bfloat16, so keep original data type.
      Model(
          (linear): Linear(in_features=1, out_features=1, dtype=float32)
          (dropout): Dropout(p=0.5, axis=None, mode=upscale_in_train)
      )
      `,
      notPortable: { reason: 'dtype', why: "bfloat16 is not a dtype of this package" },
    },
  ],
});

/** Paddle's documentation examples for this area, each beside its TypeScript twin (harness.ts). */
import { expect } from 'vitest';
import * as paddle from '../../../src/index.js';
import { conformance, py } from './harness.js';
import { linearWithInitializer } from './helpers.js';

export default conformance({
  area: 'nn-initializer',
  sources: ["base/initializer.py", "nn/initializer/assign.py", "nn/initializer/constant.py", "nn/initializer/initializer.py", "nn/initializer/kaiming.py", "nn/initializer/normal.py", "nn/initializer/uniform.py", "nn/initializer/xavier.py"],
  cases: [
    {
      api: 'paddle.nn.initializer.Assign',
      python: py`
      >>> import paddle
      >>> import numpy as np

      >>> # numpy array
      >>> data_1 = paddle.ones(shape=[1, 2], dtype='float32')
      >>> weight_attr_1 = paddle.framework.ParamAttr(
      ...     name="linear_weight_1",
      ...     initializer=paddle.nn.initializer.Assign(np.array([2, 2])))
      >>> bias_attr_1 = paddle.framework.ParamAttr(
      ...     name="linear_bias_1",
      ...     initializer=paddle.nn.initializer.Assign(np.array([2])))
      >>> linear_1 = paddle.nn.Linear(2, 2, weight_attr=weight_attr_1, bias_attr=bias_attr_1)
      >>> print(linear_1.weight.numpy())
      [2. 2.]
      >>> print(linear_1.bias.numpy())
      [2.]

      >>> res_1 = linear_1(data_1)
      >>> print(res_1.numpy())
      [6.]

      >>> # python list
      >>> data_2 = paddle.ones(shape=[1, 2], dtype='float32')
      >>> weight_attr_2 = paddle.framework.ParamAttr(
      ...     name="linear_weight_2",
      ...     initializer=paddle.nn.initializer.Assign([2, 2]))
      >>> bias_attr_2 = paddle.framework.ParamAttr(
      ...     name="linear_bias_2",
      ...     initializer=paddle.nn.initializer.Assign([2]))
      >>> linear_2 = paddle.nn.Linear(2, 2, weight_attr=weight_attr_2, bias_attr=bias_attr_2)
      >>> print(linear_2.weight.numpy())
      [2. 2.]
      >>> print(linear_2.bias.numpy())
      [2.]

      >>> res_2 = linear_2(data_2)
      >>> print(res_2.numpy())
      [6.]

      >>> # tensor
      >>> data_3 = paddle.ones(shape=[1, 2], dtype='float32')
      >>> weight_attr_3 = paddle.framework.ParamAttr(
      ...     name="linear_weight_3",
      ...     initializer=paddle.nn.initializer.Assign(paddle.full([2], 2)))
      >>> bias_attr_3 = paddle.framework.ParamAttr(
      ...     name="linear_bias_3",
      ...     initializer=paddle.nn.initializer.Assign(paddle.full([1], 2)))
      >>> linear_3 = paddle.nn.Linear(2, 2, weight_attr=weight_attr_3, bias_attr=bias_attr_3)
      >>> print(linear_3.weight.numpy())
      [2. 2.]
      >>> print(linear_3.bias.numpy())
      [2.]

      >>> res_3 = linear_3(data_3)
      >>> print(res_3.numpy())
      [6.]
      `,
      notPortable: { reason: 'not-reproduced', why: "the example assigns a 2-element array to Linear(2, 2)'s [2, 2] weight and Paddle's Assign then changes the weight's shape to [2] (the documented weight is [2. 2.] and the output [6.] has shape [1]); here the value must fit the parameter's shape (ValueError), and Assign with fitting values is covered by tests/nn" },
    },
    {
      api: 'paddle.nn.initializer.Constant',
      python: py`
      >>> import paddle
      >>> import paddle.nn as nn

      >>> paddle.seed(2023)
      >>> data = paddle.rand([30, 10, 2], dtype='float32')
      >>> linear = nn.Linear(2,
      ...                     4,
      ...                     weight_attr=nn.initializer.Constant(value=2.0))
      >>> res = linear(data)
      >>> print(linear.weight)
      Parameter containing:
      Tensor(shape=[2, 4], dtype=float32, place=Place(cpu), stop_gradient=False,
      [[2., 2., 2., 2.],
       [2., 2., 2., 2.]])
      `,
      run: (doc) => {
        paddle.seed(2023);
        const data = paddle.rand([30, 10, 2], { dtype: 'float32' });
        const linear = new paddle.nn.Linear(2, 4, { weightAttr: new paddle.nn.initializer.Constant(2.0) });
        linear.forward(data);
        doc.out(linear.weight);
      },
    },
    {
      api: 'paddle.nn.initializer.KaimingNormal',
      python: py`
      >>> import paddle
      >>> import paddle.nn as nn

      >>> linear = nn.Linear(2, 4, weight_attr=nn.initializer.KaimingNormal())
      >>> data = paddle.rand([30, 10, 2], dtype='float32')
      >>> res = linear(data)
      `,
      run: (doc) => {
        const linear = new paddle.nn.Linear(2, 4, { weightAttr: new paddle.nn.initializer.KaimingNormal() });
        const data = paddle.rand([30, 10, 2], { dtype: 'float32' });
        expect(linear.forward(data).shape).toEqual([30, 10, 4]);
      },
    },
    {
      api: 'paddle.nn.initializer.KaimingUniform',
      python: py`
      >>> import paddle
      >>> import paddle.nn as nn

      >>> linear = nn.Linear(2, 4, weight_attr=nn.initializer.KaimingUniform())
      >>> data = paddle.rand([30, 10, 2], dtype='float32')
      >>> res = linear(data)
      `,
      run: (doc) => {
        const linear = new paddle.nn.Linear(2, 4, { weightAttr: new paddle.nn.initializer.KaimingUniform() });
        const data = paddle.rand([30, 10, 2], { dtype: 'float32' });
        expect(linear.forward(data).shape).toEqual([30, 10, 4]);
      },
    },
    {
      api: 'paddle.nn.initializer.Normal',
      python: py`
      >>> import paddle

      >>> data = paddle.ones(shape=[3, 1, 2], dtype='float32')
      >>> weight_attr = paddle.framework.ParamAttr(
      ...     name="linear_weight",
      ...     initializer=paddle.nn.initializer.Normal(mean=0.0, std=2.0))
      >>> bias_attr = paddle.framework.ParamAttr(
      ...     name="linear_bias",
      ...     initializer=paddle.nn.initializer.Normal(mean=0.0, std=2.0))
      >>> # doctest: +SKIP('name has been used')
      >>> linear = paddle.nn.Linear(2, 2, weight_attr=weight_attr, bias_attr=bias_attr)
      >>> print(linear.weight)
      Parameter containing:
      Tensor(shape=[2, 2], dtype=float32, place=Place(cpu), stop_gradient=False,
      [[ 2.1973135 -2.2697184],
       [-1.9104223 -1.0541488]])
      >>> print(linear.bias)
      Parameter containing:
      Tensor(shape=[2], dtype=float32, place=Place(cpu), stop_gradient=False,
      [ 0.7885926  -0.74719954])
      >>> res = linear(data)
      >>> print(res)
      Tensor(shape=[3, 1, 2], dtype=float32, place=Place(cpu), stop_gradient=False,
      [[[ 1.0754838 -4.071067 ]],
       [[ 1.0754838 -4.071067 ]],
       [[ 1.0754838 -4.071067 ]]])
      `,
      random: 'unseeded',
      run: (doc) => {
        linearWithInitializer(doc, () => new paddle.nn.initializer.Normal({ mean: 0.0, std: 2.0 }));
      },
    },
    {
      api: 'paddle.nn.initializer.TruncatedNormal',
      python: py`
      >>> import paddle

      >>> data = paddle.ones(shape=[3, 1, 2], dtype='float32')
      >>> weight_attr = paddle.framework.ParamAttr(
      ...     name="linear_weight",
      ...     initializer=paddle.nn.initializer.TruncatedNormal(mean=0.0, std=2.0))
      >>> bias_attr = paddle.framework.ParamAttr(
      ...     name="linear_bias",
      ...     initializer=paddle.nn.initializer.TruncatedNormal(mean=0.0, std=2.0))
      >>> # doctest: +SKIP('name has been used')
      >>> linear = paddle.nn.Linear(2, 2, weight_attr=weight_attr, bias_attr=bias_attr)
      >>> print(linear.weight)
      Parameter containing:
      Tensor(shape=[2, 2], dtype=float32, place=Place(cpu), stop_gradient=False,
      [[-1.0981836  1.4140984],
       [ 3.1390522 -2.8266568]])
      >>> print(linear.bias)
      Parameter containing:
      Tensor(shape=[2], dtype=float32, place=Place(cpu), stop_gradient=False,
      [ -2.1546738  -1.6570673])
      >>> res = linear(data)
      >>> print(res)
      Tensor(shape=[3, 1, 2], dtype=float32, place=Place(cpu), stop_gradient=False,
      [[[-0.11380529 -3.0696259 ]],
       [[-0.11380529 -3.0696259 ]],
       [[-0.11380529 -3.0696259 ]]])
      `,
      random: 'unseeded',
      run: (doc) => {
        const linear = linearWithInitializer(doc, () => new paddle.nn.initializer.TruncatedNormal({ mean: 0.0, std: 2.0 }));
        expect(Array.from(linear.weight.data).every((v) => Math.abs(v) <= 4)).toBe(true);
      },
    },
    {
      api: 'paddle.nn.initializer.Uniform',
      python: py`
      >>> import paddle
      >>> paddle.seed(1)
      >>> data = paddle.ones(shape=[3, 1, 2], dtype='float32')
      >>> weight_attr = paddle.framework.ParamAttr(
      ...     name="linear_weight",
      ...     initializer=paddle.nn.initializer.Uniform(low=-0.5, high=0.5))
      >>> bias_attr = paddle.framework.ParamAttr(
      ...     name="linear_bias",
      ...     initializer=paddle.nn.initializer.Uniform(low=-0.5, high=0.5))
      >>> linear = paddle.nn.Linear(2, 2, weight_attr=weight_attr, bias_attr=bias_attr)
      >>> print(linear.weight)
      Parameter containing:
      Tensor(shape=[2, 2], dtype=float32, place=Place(cpu), stop_gradient=False,
      [[-0.48212373,  0.26492310],
       [ 0.17605734, -0.45379421]])

      >>> print(linear.bias)
      Parameter containing:
      Tensor(shape=[2], dtype=float32, place=Place(cpu), stop_gradient=False,
      [-0.11236754,  0.46462214])

      >>> res = linear(data)
      >>> print(res)
      Tensor(shape=[3, 1, 2], dtype=float32, place=Place(cpu), stop_gradient=False,
      [[[-0.41843393,  0.27575102]],
       [[-0.41843393,  0.27575102]],
       [[-0.41843393,  0.27575102]]])
      `,
      random: 'seeded',
      run: (doc) => {
        paddle.seed(1);
        const linear = linearWithInitializer(doc, () => new paddle.nn.initializer.Uniform(-0.5, 0.5));
        expect(Array.from(linear.weight.data).every((v) => v >= -0.5 && v <= 0.5)).toBe(true);
      },
    },
    {
      api: 'paddle.nn.initializer.XavierNormal',
      python: py`
      >>> import paddle
      >>> paddle.seed(1)
      >>> data = paddle.ones(shape=[3, 1, 2], dtype='float32')
      >>> weight_attr = paddle.framework.ParamAttr(
      ...     name="linear_weight",
      ...     initializer=paddle.nn.initializer.XavierNormal())
      >>> bias_attr = paddle.framework.ParamAttr(
      ...     name="linear_bias",
      ...     initializer=paddle.nn.initializer.XavierNormal())
      >>> linear = paddle.nn.Linear(2, 2, weight_attr=weight_attr, bias_attr=bias_attr)
      >>> print(linear.weight)
      Parameter containing:
      Tensor(shape=[2, 2], dtype=float32, place=Place(cpu), stop_gradient=False,
      [[-0.21607460,  0.08382989],
       [ 0.29147008, -0.07049121]])

      >>> print(linear.bias)
      Parameter containing:
      Tensor(shape=[2], dtype=float32, place=Place(cpu), stop_gradient=False,
      [1.06076419, 0.87684733])

      >>> res = linear(data)
      >>> print(res)
      Tensor(shape=[3, 1, 2], dtype=float32, place=Place(cpu), stop_gradient=False,
      [[[1.13615966, 0.89018601]],
       [[1.13615966, 0.89018601]],
       [[1.13615966, 0.89018601]]])
      `,
      random: 'seeded',
      run: (doc) => {
        paddle.seed(1);
        linearWithInitializer(doc, () => new paddle.nn.initializer.XavierNormal());
      },
    },
    {
      api: 'paddle.nn.initializer.XavierUniform',
      python: py`
      >>> import paddle
      >>> paddle.seed(1)
      >>> data = paddle.ones(shape=[3, 1, 2], dtype='float32')
      >>> weight_attr = paddle.framework.ParamAttr(
      ...     name="linear_weight",
      ...     initializer=paddle.nn.initializer.XavierUniform())
      >>> bias_attr = paddle.framework.ParamAttr(
      ...     name="linear_bias",
      ...     initializer=paddle.nn.initializer.XavierUniform())
      >>> linear = paddle.nn.Linear(2, 2, weight_attr=weight_attr, bias_attr=bias_attr)
      >>> print(linear.weight)
      Parameter containing:
      Tensor(shape=[2, 2], dtype=float32, place=Place(cpu), stop_gradient=False,
      [[-1.18095720,  0.64892638],
       [ 0.43125069, -1.11156428]])
      >>> print(linear.bias)
      Parameter containing:
      Tensor(shape=[2], dtype=float32, place=Place(cpu), stop_gradient=False,
      [-0.27524316,  1.13808715])

      >>> res = linear(data)
      >>> print(res)
      Tensor(shape=[3, 1, 2], dtype=float32, place=Place(cpu), stop_gradient=False,
      [[[-1.02494967,  0.67544925]],
       [[-1.02494967,  0.67544925]],
       [[-1.02494967,  0.67544925]]])
      `,
      random: 'seeded',
      run: (doc) => {
        paddle.seed(1);
        const linear = linearWithInitializer(doc, () => new paddle.nn.initializer.XavierUniform());
        expect(Array.from(linear.weight.data).every((v) => Math.abs(v) <= Math.sqrt(6 / 4))).toBe(true);
      },
    },
    {
      api: 'paddle.nn.initializer.calculate_gain',
      python: py`
      >>> import paddle

      >>> gain = paddle.nn.initializer.calculate_gain('tanh')
      >>> print(gain)
      1.6666666666666667
      >>> # 5.0 / 3
      >>> gain = paddle.nn.initializer.calculate_gain('leaky_relu', param=1.0)
      >>> print(gain)
      1.0
      >>> # math.sqrt(2.0 / (1+param^2))
      >>> initializer = paddle.nn.initializer.Orthogonal(gain)
      `,
      note: "the last line builds paddle.nn.initializer.Orthogonal, which this package does not have",
      run: (doc) => {
        doc.out(paddle.nn.initializer.calculate_gain('tanh'));
        doc.out(paddle.nn.initializer.calculate_gain('leaky_relu', 1.0));
      },
    },
    {
      api: 'paddle.nn.initializer.set_global_initializer',
      python: py`
      >>> import paddle
      >>> import paddle.nn as nn

      >>> nn.initializer.set_global_initializer(nn.initializer.Uniform(), nn.initializer.Constant())
      >>> x_var = paddle.uniform((2, 4, 8, 8), dtype='float32', min=-1., max=1.)

      >>> # The weight of conv1 is initialized by Uniform
      >>> # The bias of conv1 is initialized by Constant
      >>> conv1 = nn.Conv2D(4, 6, (3, 3))
      >>> y_var1 = conv1(x_var)

      >>> # If set param_attr/bias_attr too, global initializer will not take effect
      >>> # The weight of conv2 is initialized by Xavier
      >>> # The bias of conv2 is initialized by Normal
      >>> conv2 = nn.Conv2D(4, 6, (3, 3),
      ...     weight_attr=nn.initializer.XavierUniform(),
      ...     bias_attr=nn.initializer.Normal())
      >>> y_var2 = conv2(x_var)

      >>> # Cancel the global initializer in framework, it will takes effect in subsequent code
      >>> nn.initializer.set_global_initializer(None)
      `,
      note: "Conv2D is other work's layer (issue of the conv layers); the example runs as written",
      run: (doc) => {
        paddle.nn.initializer.set_global_initializer(new paddle.nn.initializer.Uniform(), new paddle.nn.initializer.Constant());
        const xVar = paddle.uniform([2, 4, 8, 8], { dtype: 'float32', min: -1, max: 1 });
        const conv1 = new paddle.nn.Conv2D(4, 6, [3, 3]);
        expect(Array.from((conv1.bias as paddle.Tensor).data).every((v) => v === 0)).toBe(true);
        expect(conv1.forward(xVar).shape).toEqual([2, 6, 6, 6]);
        const conv2 = new paddle.nn.Conv2D(4, 6, [3, 3], { weightAttr: new paddle.nn.initializer.XavierUniform(), biasAttr: new paddle.nn.initializer.Normal() });
        expect(conv2.forward(xVar).shape).toEqual([2, 6, 6, 6]);
        paddle.nn.initializer.set_global_initializer(null);
      },
    },
  ],
});

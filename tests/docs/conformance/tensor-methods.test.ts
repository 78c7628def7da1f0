/** Paddle's documentation examples for this area, each beside its TypeScript twin (harness.ts). */
import { expect } from 'vitest';
import * as paddle from '../../../src/index.js';
import { conformance, py } from './harness.js';
import { I, pyFloat, T } from './helpers.js';

export default conformance({
  area: 'tensor-methods',
  sources: ["base/dygraph/base.py", "base/dygraph/tensor_patch_methods.py", "base/framework.py", "tensor/creation.py"],
  cases: [
    {
      api: 'paddle.is_grad_enabled',
      python: py`
      >>> import paddle

      >>> # Dygraph gradient calculation mode is enabled by default.
      >>> paddle.is_grad_enabled()
      True

      >>> with paddle.set_grad_enabled(False):
      ...     paddle.is_grad_enabled()
      False

      >>> paddle.enable_static()
      >>> paddle.is_grad_enabled()
      False
      `,
      note: "the `with paddle.set_grad_enabled(False):` block is setGradEnabled(false, () => \u2026); the static-graph lines (enable_static) are not ported",
      run: (doc) => {
        doc.out(paddle.is_grad_enabled());
        doc.out(paddle.setGradEnabled(false, () => paddle.is_grad_enabled()));
        doc.skip('paddle.enable_static(): no static graph');
      },
    },
    {
      api: 'paddle.no_grad',
      python: py`
      >>> import numpy as np
      >>> import paddle.base as base

      >>> # use as generator

      >>> data = np.array([[2, 3], [4, 5]]).astype('float32')
      >>> with base.dygraph.guard():
      ...     l0 = paddle.nn.Linear(2, 2)  # l0.weight.gradient() is None
      ...     l1 = paddle.nn.Linear(2, 2)
      ...     with base.dygraph.no_grad():
      ...         # l1.weight.stop_gradient is False
      ...         tmp = l1.weight * 2  # tmp.stop_gradient is True
      ...     x = base.dygraph.to_variable(data)
      ...     y = l0(x) + tmp
      ...     o = l1(y)
      ...     o.backward()
      ...     print(tmp.gradient() is None)
      ...     print(l0.weight.gradient() is None)
      True
      False

      >>> @base.dygraph.no_grad
      >>> def test_layer():
      ...     with base.dygraph.guard():
      ...         inp = np.ones([3, 1024], dtype='float32')
      ...         t = base.dygraph.base.to_variable(inp)
      ...         linear1 = paddle.nn.Linear(1024, 4, bias_attr=False)
      ...         linear2 = paddle.nn.Linear(4, 4)
      ...         ret = linear1(t)
      ...         dy_ret = linear2(ret)
      ...
      >>> test_layer()
      `,
      note: "base.dygraph.guard() is the default here; base.dygraph.to_variable is toTensor; the decorator form is noGrad(() => body())",
      run: (doc) => {
        const data = T([[2, 3], [4, 5]], { dtype: 'float32' });
        const l0 = new paddle.nn.Linear(2, 2);
        const l1 = new paddle.nn.Linear(2, 2);
        const tmp = paddle.no_grad(() => paddle.multiply(l1.weight, T(2)));
        expect(tmp.stopGradient).toBe(true);
        const y = paddle.add(l0.forward(data), tmp);
        const o = l1.forward(y);
        o.backward();
        doc.seq([tmp.gradient() === null, l0.weight.gradient() === null]);
        const testLayer = (): void => {
          const t = paddle.ones([3, 1024], { dtype: 'float32' });
          const linear1 = new paddle.nn.Linear(1024, 4, { biasAttr: false });
          const linear2 = new paddle.nn.Linear(4, 4);
          const ret = linear1.forward(t);
          const dyRet = linear2.forward(ret);
          expect(dyRet.stopGradient).toBe(true);
        };
        paddle.no_grad(() => testLayer());
      },
    },
    {
      api: 'paddle.set_grad_enabled',
      python: py`
      >>> import paddle
      >>> x = paddle.to_tensor([1.], stop_gradient=False)
      >>> is_train = False
      >>> with paddle.set_grad_enabled(is_train):
      ...     y = x * 2
      >>> print(y.stop_gradient)
      True

      >>> paddle.set_grad_enabled(True)
      >>> y = x * 2
      >>> print(y.stop_gradient)
      False

      >>> paddle.set_grad_enabled(False)
      >>> y = x * 2
      >>> print(y.stop_gradient)
      True
      `,
      run: (doc) => {
        const x = T([1], { stopGradient: false });
        const isTrain = false;
        let y = paddle.setGradEnabled(isTrain, () => paddle.multiply(x, T(2)));
        doc.out(y.stopGradient);
        paddle.set_grad_enabled(true);
        y = paddle.multiply(x, T(2));
        doc.out(y.stopGradient);
        paddle.set_grad_enabled(false);
        y = paddle.multiply(x, T(2));
        doc.out(y.stopGradient);
        paddle.set_grad_enabled(true);
      },
    },
    {
      api: 'paddle.Tensor.item',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor(1)
      >>> print(x.item())
      1
      >>> print(type(x.item()))
      <class 'int'>

      >>> x = paddle.to_tensor(1.0)
      >>> print(x.item())
      1.0
      >>> print(type(x.item()))
      <class 'float'>

      >>> x = paddle.to_tensor(True)
      >>> print(x.item())
      True
      >>> print(type(x.item()))
      <class 'bool'>

      >>> x = paddle.to_tensor(1+1j)
      >>> print(x.item())
      (1+1j)
      >>> print(type(x.item()))
      <class 'complex'>

      >>> x = paddle.to_tensor([[1.1, 2.2, 3.3]])
      >>> print(x.item(2))
      3.299999952316284
      >>> print(x.item(0, 2))
      3.299999952316284
      `,
      note: "x.item() of a bool tensor is true (typeof 'boolean' checked)",
      run: (doc) => {
        let x = I(1);
        doc.out(x.item());
        doc.skip("type(x.item()) is <class 'int'>: JavaScript numbers have no int/float distinction");
        x = T(1.0);
        doc.out(x.item());
        doc.skip("type(x.item()) is <class 'float'>: JavaScript numbers have no int/float distinction");
        x = T(true);
        doc.out(x.item());
        expect(typeof x.item()).toBe('boolean');
        doc.checked("<class 'bool'>: typeof is 'boolean' (asserted above)");
        doc.skip('complex tensor: no complex dtype');
        doc.skip('complex tensor: no complex dtype');
        x = T([[1.1, 2.2, 3.3]]);
        doc.out(x.item(2));
        doc.out(x.item(0, 2));
      },
    },
    {
      api: 'paddle.Tensor.backward',
      python: py`
      >>> import paddle
      >>> x = paddle.to_tensor(5., stop_gradient=False)
      >>> for i in range(5):
      ...     y = paddle.pow(x, 4.0)
      ...     y.backward()
      ...     print("{}: {}".format(i, x.grad))
      0: Tensor(shape=[], dtype=float32, place=Place(cpu), stop_gradient=False,
      500.)
      1: Tensor(shape=[], dtype=float32, place=Place(cpu), stop_gradient=False,
      1000.)
      2: Tensor(shape=[], dtype=float32, place=Place(cpu), stop_gradient=False,
      1500.)
      3: Tensor(shape=[], dtype=float32, place=Place(cpu), stop_gradient=False,
      2000.)
      4: Tensor(shape=[], dtype=float32, place=Place(cpu), stop_gradient=False,
      2500.)

      >>> x.clear_grad()
      >>> print("{}".format(x.grad))
      Tensor(shape=[], dtype=float32, place=Place(cpu), stop_gradient=False,
      0.)

      >>> grad_tensor=paddle.to_tensor(2.)
      >>> for i in range(5):
      ...     y = paddle.pow(x, 4.0)
      ...     y.backward(grad_tensor)
      ...     print("{}: {}".format(i, x.grad))
      0: Tensor(shape=[], dtype=float32, place=Place(cpu), stop_gradient=False,
      1000.)
      1: Tensor(shape=[], dtype=float32, place=Place(cpu), stop_gradient=False,
      2000.)
      2: Tensor(shape=[], dtype=float32, place=Place(cpu), stop_gradient=False,
      3000.)
      3: Tensor(shape=[], dtype=float32, place=Place(cpu), stop_gradient=False,
      4000.)
      4: Tensor(shape=[], dtype=float32, place=Place(cpu), stop_gradient=False,
      5000.)
      `,
      run: (doc) => {
        const x = T(5, { stopGradient: false });
        const grads: number[] = [];
        for (let i = 0; i < 5; i++) {
          paddle.pow(x, 4.0).backward();
          const g = x.grad as paddle.Tensor;
          expect([g.shape, g.dtype, g.stopGradient]).toEqual([[], 'float32', false]);
          grads.push(g.item() as number);
        }
        expect(grads).toEqual([500, 1000, 1500, 2000, 2500]);
        doc.checked('0: ... 500. through 4: ... 2500. (asserted above)');
        x.clear_grad();
        doc.out(x.grad);
        const gradTensor = T(2.0);
        grads.length = 0;
        for (let i = 0; i < 5; i++) {
          paddle.pow(x, 4.0).backward(gradTensor);
          grads.push((x.grad as paddle.Tensor).item() as number);
        }
        expect(grads).toEqual([1000, 2000, 3000, 4000, 5000]);
        doc.checked('0: ... 1000. through 4: ... 5000. (asserted above)');
      },
    },
    {
      api: 'paddle.Tensor.gradient',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor(5., stop_gradient=False)
      >>> y = paddle.pow(x, 4.0)
      >>> y.backward()
      >>> print("grad of x: {}".format(x.gradient()))
      grad of x: 500.0
      `,
      run: (doc) => {
        const x = T(5, { stopGradient: false });
        paddle.pow(x, 4.0).backward();
        const g = x.gradient() as paddle.DataArray;
        doc.out(`grad of x: ${pyFloat(g[0] as number)}`);
      },
    },
    {
      api: 'paddle.Tensor.set_value',
      python: py`
      >>> import paddle.base as base
      >>> import paddle
      >>> from paddle.nn import Linear
      >>> import numpy as np

      >>> data = np.ones([3, 1024], dtype='float32')
      >>> with base.dygraph.guard():
      ...     linear = Linear(1024, 4)
      ...     t = paddle.to_tensor(data)
      ...     linear(t)  # call with default weight
      ...     custom_weight = np.random.randn(1024, 4).astype("float32")
      ...     linear.weight.set_value(custom_weight)  # change existing weight
      ...     out = linear(t)  # call with different weight
      `,
      note: "np.random.randn(1024, 4) is paddle.randn([1024, 4]).numpy() (a typed array)",
      run: (doc) => {
        const data = paddle.ones([3, 1024], { dtype: 'float32' });
        const linear = new paddle.nn.Linear(1024, 4);
        const before = linear.forward(data);
        const customWeight = paddle.randn([1024, 4]).numpy();
        linear.weight.set_value(customWeight);
        expect(Array.from(linear.weight.data)).toEqual(Array.from(customWeight));
        const out = linear.forward(data);
        expect(out.shape).toEqual([3, 4]);
        expect(out.tolist()).not.toEqual(before.tolist());
      },
    },
    {
      api: 'paddle.Tensor.clear_gradient',
      python: py`
      >>> import paddle
      >>> import paddle.base as base
      >>> import numpy as np

      >>> x = np.ones([2, 2], np.float32)
      >>> inputs2 = []
      >>> for _ in range(10):
      >>>     tmp = paddle.to_tensor(x)
      >>>     tmp.stop_gradient=False
      >>>     inputs2.append(tmp)
      >>> ret2 = paddle.add_n(inputs2)
      >>> loss2 = paddle.sum(ret2)
      >>> loss2.retain_grads()
      >>> loss2.backward()
      >>> print(loss2.gradient())
      >>> loss2.clear_gradient()
      >>> print("After clear {}".format(loss2.gradient()))
      1.0
      After clear 0.0
      `,
      note: "np.ones([2, 2]) is paddle.ones([2, 2]); Tensor.gradient() of a 0-D tensor is a one-element typed array (Python prints the 0-D numpy value)",
      run: (doc) => {
        const inputs2: paddle.Tensor[] = [];
        for (let i = 0; i < 10; i++) {
          const tmp = paddle.ones([2, 2], { dtype: 'float32' });
          tmp.stopGradient = false;
          inputs2.push(tmp);
        }
        const ret2 = paddle.add_n(inputs2);
        const loss2 = paddle.sum(ret2);
        loss2.retain_grads();
        loss2.backward();
        const before = (loss2.gradient() as paddle.DataArray)[0] as number;
        loss2.clear_gradient();
        const after = (loss2.gradient() as paddle.DataArray)[0] as number;
        doc.out(`${pyFloat(before)}\nAfter clear ${pyFloat(after)}`);
      },
    },
    {
      api: 'paddle.Tensor.numpy',
      python: py`
      >>> import paddle.base as base
      >>> from paddle.nn import Linear
      >>> import numpy as np

      >>> data = np.random.uniform(-1, 1, [30, 10, 32]).astype('float32')
      >>> with base.dygraph.guard():
      ...     linear = Linear(32, 64)
      ...     data = paddle.to_tensor(data)
      ...     x = linear(data)
      ...     print(x.numpy())
      `,
      note: "np.random.uniform data is paddle.uniform; base.dygraph.guard() is the default here",
      run: (doc) => {
        const data = paddle.uniform([30, 10, 32], { min: -1, max: 1 });
        const linear = new paddle.nn.Linear(32, 64);
        const x = linear.forward(data);
        const arr = x.numpy();
        expect(arr).toBeInstanceOf(Float32Array);
        expect(arr.length).toBe(30 * 10 * 64);
      },
    },
    {
      api: 'paddle.Tensor.detach',
      python: py`
      >>> import paddle

      >>> paddle.enable_static()

      >>> # create a static Variable
      >>> x = paddle.static.data(name='x', shape=[3, 2, 1])

      >>> # create a detached Variable
      >>> y = x.detach()
      `,
      notPortable: { reason: 'static-graph', why: "the example detaches a static-graph Variable (paddle.static.data); Tensor.detach in dygraph is covered by tests/tensor" },
    },
    {
      api: 'paddle.Tensor.clone',
      python: py`
      >>> import paddle
      >>> import numpy as np

      >>> x = paddle.ones([2])
      >>> x.stop_gradient = False
      >>> x.retain_grads()
      >>> clone_x = paddle.clone(x)
      >>> clone_x.retain_grads()

      >>> y = clone_x**3
      >>> y.backward()
      >>> print(clone_x.grad.numpy())
      [3. 3.]
      >>> print(x.grad.numpy())
      [3. 3.]
      `,
      note: "paddle.clone(x) is x.clone()",
      run: (doc) => {
        const x = paddle.ones([2]);
        x.stopGradient = false;
        x.retain_grads();
        const cloneX = x.clone();
        cloneX.retain_grads();
        const y = paddle.pow(cloneX, 3);
        y.backward();
        doc.out((cloneX.grad as paddle.Tensor).numpy());
        doc.out((x.grad as paddle.Tensor).numpy());
      },
    },
  ],
});

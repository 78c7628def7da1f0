/** Paddle's documentation examples for this area, each beside its TypeScript twin (harness.ts). */
import { expect } from 'vitest';
import * as paddle from '../../../src/index.js';
import { conformance, py } from './harness.js';
import { pyFloat } from './helpers.js';

export default conformance({
  area: 'optimizer',
  sources: ["nn/clip.py", "optimizer/lr.py", "optimizer/optimizer.py", "optimizer/rmsprop.py", "regularizer.py"],
  cases: [
    {
      api: 'paddle.nn.ClipGradByGlobalNorm',
      python: py`
      >>> import paddle
      >>> x = paddle.uniform([10, 10], min=-1.0, max=1.0, dtype='float32')
      >>> linear = paddle.nn.Linear(in_features=10, out_features=10,
      ...                           weight_attr=paddle.ParamAttr(need_clip=True),
      ...                           bias_attr=paddle.ParamAttr(need_clip=False))
      >>> out = linear(x)
      >>> loss = paddle.mean(out)
      >>> loss.backward()

      >>> clip = paddle.nn.ClipGradByGlobalNorm(clip_norm=1.0)
      >>> sdg = paddle.optimizer.SGD(learning_rate=0.1, parameters=linear.parameters(), grad_clip=clip)
      >>> sdg.step()
      `,
      note: "SGD is not in this package: RMSProp takes the clip",
      run: (doc) => {
        const x = paddle.uniform([10, 10], { min: -1.0, max: 1.0, dtype: 'float32' });
        const linear = new paddle.nn.Linear(10, 10, { weightAttr: new paddle.ParamAttr({ needClip: true }), biasAttr: new paddle.ParamAttr({ needClip: false }) });
        paddle.mean(linear.forward(x)).backward();
        const clip = new paddle.nn.ClipGradByGlobalNorm(1.0);
        const opt = new paddle.optimizer.RMSProp(0.1, { parameters: linear.parameters(), gradClip: clip });
        opt.step();
      },
    },
    {
      api: 'paddle.nn.ClipGradByNorm',
      python: py`
      >>> import paddle
      >>> x = paddle.uniform([10, 10], min=-1.0, max=1.0, dtype='float32')
      >>> linear = paddle.nn.Linear(in_features=10, out_features=10,
      ...                           weight_attr=paddle.ParamAttr(need_clip=True),
      ...                           bias_attr=paddle.ParamAttr(need_clip=False))
      >>> out = linear(x)
      >>> loss = paddle.mean(out)
      >>> loss.backward()

      >>> clip = paddle.nn.ClipGradByNorm(clip_norm=1.0)
      >>> sdg = paddle.optimizer.SGD(learning_rate=0.1, parameters=linear.parameters(), grad_clip=clip)
      >>> sdg.step()
      `,
      note: "SGD is not in this package: RMSProp takes the clip",
      run: (doc) => {
        const x = paddle.uniform([10, 10], { min: -1.0, max: 1.0, dtype: 'float32' });
        const linear = new paddle.nn.Linear(10, 10, { weightAttr: new paddle.ParamAttr({ needClip: true }), biasAttr: new paddle.ParamAttr({ needClip: false }) });
        paddle.mean(linear.forward(x)).backward();
        const clip = new paddle.nn.ClipGradByNorm(1.0);
        const opt = new paddle.optimizer.RMSProp(0.1, { parameters: linear.parameters(), gradClip: clip });
        opt.step();
      },
    },
    {
      api: 'paddle.nn.ClipGradByValue',
      python: py`
      >>> import paddle
      >>> x = paddle.uniform([10, 10], min=-1.0, max=1.0, dtype='float32')
      >>> linear = paddle.nn.Linear(in_features=10, out_features=10,
      ...                           weight_attr=paddle.ParamAttr(need_clip=True),
      ...                           bias_attr=paddle.ParamAttr(need_clip=False))
      >>> out = linear(x)
      >>> loss = paddle.mean(out)
      >>> loss.backward()

      >>> clip = paddle.nn.ClipGradByValue(min=-1, max=1)
      >>> sdg = paddle.optimizer.SGD(learning_rate=0.1, parameters=linear.parameters(), grad_clip=clip)
      >>> sdg.step()
      `,
      note: "SGD is not in this package: RMSProp takes the clip; ClipGradByValue(min=-1, max=1) is new ClipGradByValue(1, -1) (max first, Paddle's positional order)",
      run: (doc) => {
        const x = paddle.uniform([10, 10], { min: -1.0, max: 1.0, dtype: 'float32' });
        const linear = new paddle.nn.Linear(10, 10, { weightAttr: new paddle.ParamAttr({ needClip: true }), biasAttr: new paddle.ParamAttr({ needClip: false }) });
        paddle.mean(linear.forward(x)).backward();
        const clip = new paddle.nn.ClipGradByValue(1, -1);
        const opt = new paddle.optimizer.RMSProp(0.1, { parameters: linear.parameters(), gradClip: clip });
        opt.step();
      },
    },
    {
      api: 'paddle.optimizer.RMSProp',
      python: py`
      >>> import paddle

      >>> inp = paddle.rand([10,10], dtype="float32")
      >>> linear = paddle.nn.Linear(10, 10)
      >>> out = linear(inp)
      >>> loss = paddle.mean(out)

      >>> rmsprop = paddle.optimizer.RMSProp(learning_rate=0.1,
      ...                     parameters=linear.parameters(),
      ...                             weight_decay=0.01)
      >>> out.backward()
      >>> rmsprop.step()
      >>> rmsprop.clear_grad()

      >>> # Note that the learning_rate of linear_2 is 0.01.
      >>> linear_1 = paddle.nn.Linear(10, 10)
      >>> linear_2 = paddle.nn.Linear(10, 10)
      >>> inp = paddle.uniform(shape=[10, 10], min=-0.1, max=0.1)
      >>> out = linear_1(inp)
      >>> out = linear_2(out)
      >>> loss = paddle.mean(out)
      >>> rmsprop = paddle.optimizer.RMSProp(
      ...     learning_rate=0.1,
      ...     parameters=[{
      ...         'params': linear_1.parameters()
      ...     }, {
      ...         'params': linear_2.parameters(),
      ...         'weight_decay': 0.001,
      ...         'learning_rate': 0.1
      ...     }],
      ...     weight_decay=0.01
      ... )
      >>> out.backward()
      >>> rmsprop.step()
      >>> rmsprop.clear_grad()
      `,
      run: (doc) => {
        const inp = paddle.rand([10, 10], { dtype: 'float32' });
        const linear = new paddle.nn.Linear(10, 10);
        let out = linear.forward(inp);
        paddle.mean(out);
        let rmsprop = new paddle.optimizer.RMSProp(0.1, { parameters: linear.parameters(), weightDecay: 0.01 });
        const before = linear.weight.tolist();
        out.backward();
        rmsprop.step();
        rmsprop.clear_grad();
        expect(linear.weight.tolist()).not.toEqual(before);
        const linear1 = new paddle.nn.Linear(10, 10);
        const linear2 = new paddle.nn.Linear(10, 10);
        const inp2 = paddle.uniform([10, 10], { min: -0.1, max: 0.1 });
        out = linear2.forward(linear1.forward(inp2));
        paddle.mean(out);
        rmsprop = new paddle.optimizer.RMSProp(0.1, {
          parameters: [{ params: linear1.parameters() }, { params: linear2.parameters(), weightDecay: 0.001, learningRate: 0.1 }],
          weightDecay: 0.01,
        });
        out.backward();
        rmsprop.step();
        rmsprop.clear_grad();
        expect(linear2.weight.grad === null || Array.from((linear2.weight.grad as paddle.Tensor).data).every((v) => v === 0)).toBe(true);
      },
    },
    {
      api: 'paddle.optimizer.Optimizer',
      python: py`
      >>> # Take the subclass adam as an example
      >>> import paddle
      >>> linear = paddle.nn.Linear(10, 10)
      >>> inp = paddle.uniform(shape=[10, 10], min=-0.1, max=0.1)
      >>> out = linear(inp)
      >>> loss = paddle.mean(out)
      >>> adam = paddle.optimizer.Adam(learning_rate=0.1,
      ...         parameters=linear.parameters())
      >>> loss.backward()
      >>> adam.step()
      >>> adam.clear_grad()

      >>> #Take the subclass sgd as an example
      >>> #optimize parameters in linear_1 and linear2 in different options.
      >>> #Note that the learning_rate of linear_2 is 0.01.
      >>> linear_1 = paddle.nn.Linear(10, 10)
      >>> linear_2 = paddle.nn.Linear(10, 10)
      >>> inp = paddle.uniform(shape=[10, 10], min=-0.1, max=0.1)
      >>> out = linear_1(inp)
      >>> out = linear_2(out)
      >>> loss = paddle.mean(out)
      >>> sgd = paddle.optimizer.SGD(
      ...     learning_rate=0.1,
      ...     parameters=[{
      ...         'params': linear_1.parameters()
      ...     }, {
      ...         'params': linear_2.parameters(),
      ...         'weight_decay': 0.001,
      ...         'learning_rate': 0.1
      ...     }],
      ...     weight_decay=0.01)
      >>> loss.backward()
      >>> sgd.step()
      >>> sgd.clear_grad()
      `,
      note: "Adam and SGD are not in this package: the base class's example runs with RMSProp",
      run: (doc) => {
        const linear = new paddle.nn.Linear(10, 10);
        const inp = paddle.uniform([10, 10], { min: -0.1, max: 0.1 });
        const loss = paddle.mean(linear.forward(inp));
        const opt = new paddle.optimizer.RMSProp(0.1, { parameters: linear.parameters() });
        loss.backward();
        opt.step();
        opt.clear_grad();
        const linear1 = new paddle.nn.Linear(10, 10);
        const linear2 = new paddle.nn.Linear(10, 10);
        const loss2 = paddle.mean(linear2.forward(linear1.forward(paddle.uniform([10, 10], { min: -0.1, max: 0.1 }))));
        const opt2 = new paddle.optimizer.RMSProp(0.1, {
          parameters: [{ params: linear1.parameters() }, { params: linear2.parameters(), weightDecay: 0.001, learningRate: 0.1 }],
          weightDecay: 0.01,
        });
        loss2.backward();
        opt2.step();
        opt2.clear_grad();
        expect(opt2.getLr()).toBe(0.1);
      },
    },
    {
      api: 'paddle.regularizer.L1Decay',
      python: py`
          >>> # Example1: set Regularizer in optimizer
          >>> import paddle
          >>> from paddle.regularizer import L1Decay

          >>> linear = paddle.nn.Linear(10, 10)
          >>> inp = paddle.rand(shape=[10, 10], dtype="float32")
          >>> out = linear(inp)
          >>> loss = paddle.mean(out)
          >>> beta1 = paddle.to_tensor([0.9], dtype="float32")
          >>> beta2 = paddle.to_tensor([0.99], dtype="float32")
          >>> momentum = paddle.optimizer.Momentum(
          ...     learning_rate=0.1,
          ...     parameters=linear.parameters(),
          ...     weight_decay=L1Decay(0.0001))
          >>> back = out.backward()
          >>> momentum.step()
          >>> momentum.clear_grad()

          >>> # Example2: set Regularizer in parameters
          >>> # Set L1 regularization in parameters.
          >>> # Global regularizer does not take effect on my_conv2d for this case.
          >>> from paddle.nn import Conv2D
          >>> from paddle import ParamAttr
          >>> from paddle.regularizer import L1Decay

          >>> my_conv2d = Conv2D(
          ...         in_channels=10,
          ...         out_channels=10,
          ...         kernel_size=1,
          ...         stride=1,
          ...         padding=0,
          ...         weight_attr=ParamAttr(regularizer=L1Decay(coeff=0.01)),
          ...         bias_attr=False)
      `,
      note: "Momentum is not in this package: the optimizer-level example runs with RMSProp; Conv2D (other work's layer) takes the ParamAttr as written",
      run: (doc) => {
        const linear = new paddle.nn.Linear(10, 10);
        const out = linear.forward(paddle.rand([10, 10], { dtype: 'float32' }));
        paddle.mean(out);
        const opt = new paddle.optimizer.RMSProp(0.1, { parameters: linear.parameters(), weightDecay: new paddle.regularizer.L1Decay(0.0001) });
        out.backward();
        opt.step();
        opt.clear_grad();
        const myConv2d = new paddle.nn.Conv2D(10, 10, 1, { stride: 1, padding: 0, weightAttr: new paddle.ParamAttr({ regularizer: new paddle.regularizer.L1Decay(0.01) }), biasAttr: false });
        expect(myConv2d.weight.regularizer).toBeInstanceOf(paddle.regularizer.L1Decay);
      },
    },
    {
      api: 'paddle.regularizer.L2Decay',
      python: py`
          >>> # Example1: set Regularizer in optimizer
          >>> import paddle
          >>> from paddle.regularizer import L2Decay
          >>> linear = paddle.nn.Linear(10, 10)
          >>> inp = paddle.rand(shape=[10, 10], dtype="float32")
          >>> out = linear(inp)
          >>> loss = paddle.mean(out)
          >>> beta1 = paddle.to_tensor([0.9], dtype="float32")
          >>> beta2 = paddle.to_tensor([0.99], dtype="float32")
          >>> momentum = paddle.optimizer.Momentum(
          ...     learning_rate=0.1,
          ...     parameters=linear.parameters(),
          ...     weight_decay=L2Decay(0.0001))
          >>> back = out.backward()
          >>> momentum.step()
          >>> momentum.clear_grad()

          >>> # Example2: set Regularizer in parameters
          >>> # Set L2 regularization in parameters.
          >>> # Global regularizer does not take effect on my_conv2d for this case.
          >>> from paddle.nn import Conv2D
          >>> from paddle import ParamAttr
          >>> from paddle.regularizer import L2Decay

          >>> my_conv2d = Conv2D(
          ...         in_channels=10,
          ...         out_channels=10,
          ...         kernel_size=1,
          ...         stride=1,
          ...         padding=0,
          ...         weight_attr=ParamAttr(regularizer=L2Decay(coeff=0.01)),
          ...         bias_attr=False)
      `,
      note: "Momentum is not in this package: the optimizer-level example runs with RMSProp; Conv2D (other work's layer) takes the ParamAttr as written",
      run: (doc) => {
        const linear = new paddle.nn.Linear(10, 10);
        const out = linear.forward(paddle.rand([10, 10], { dtype: 'float32' }));
        paddle.mean(out);
        const opt = new paddle.optimizer.RMSProp(0.1, { parameters: linear.parameters(), weightDecay: new paddle.regularizer.L2Decay(0.0001) });
        out.backward();
        opt.step();
        opt.clear_grad();
        const myConv2d = new paddle.nn.Conv2D(10, 10, 1, { stride: 1, padding: 0, weightAttr: new paddle.ParamAttr({ regularizer: new paddle.regularizer.L2Decay(0.01) }), biasAttr: false });
        expect(myConv2d.weight.regularizer).toBeInstanceOf(paddle.regularizer.L2Decay);
      },
    },
    {
      api: 'paddle.optimizer.Optimizer.state_dict',
      python: py`
      >>> import paddle
      >>> emb = paddle.nn.Embedding(10, 10)

      >>> adam = paddle.optimizer.Adam(0.001, parameters=emb.parameters())
      >>> state_dict = adam.state_dict()
      `,
      note: "Adam is not in this package: RMSProp's state dict",
      run: (doc) => {
        const emb = new paddle.nn.Embedding(10, 10);
        const opt = new paddle.optimizer.RMSProp(0.001, { parameters: emb.parameters() });
        const stateDict = opt.state_dict();
        expect(typeof stateDict).toBe('object');
      },
    },
    {
      api: 'paddle.optimizer.Optimizer.set_state_dict',
      python: py`
      >>> import paddle

      >>> emb = paddle.nn.Embedding(10, 10)

      >>> layer_state_dict = emb.state_dict()
      >>> paddle.save(layer_state_dict, "emb.pdparams")

      >>> scheduler = paddle.optimizer.lr.NoamDecay(
      ...     d_model=0.01, warmup_steps=100, verbose=True)
      >>> adam = paddle.optimizer.Adam(
      ...     learning_rate=scheduler,
      ...     parameters=emb.parameters())
      >>> opt_state_dict = adam.state_dict()
      >>> paddle.save(opt_state_dict, "adam.pdopt")

      >>> opti_state_dict = paddle.load("adam.pdopt")
      >>> adam.set_state_dict(opti_state_dict)
      `,
      note: "Adam is not in this package (RMSProp); the files are bytes in memory (saveBytes/loadBytes) instead of emb.pdparams / adam.pdopt in the working directory",
      run: (doc) => {
        const emb = new paddle.nn.Embedding(10, 10);
        const layerBytes = paddle.saveBytes(emb.stateDict());
        expect(layerBytes.length).toBeGreaterThan(0);
        const scheduler = new paddle.optimizer.lr.NoamDecay(0.01, 100, { verbose: false });
        const opt = new paddle.optimizer.RMSProp(scheduler, { parameters: emb.parameters() });
        const optBytes = paddle.saveBytes(opt.state_dict());
        const optiStateDict = paddle.loadBytes(optBytes) as Parameters<typeof opt.set_state_dict>[0];
        opt.set_state_dict(optiStateDict);
        expect(opt.getLr()).toBe(scheduler.lastLr);
      },
    },
    {
      api: 'paddle.optimizer.Optimizer.step',
      python: py`
      >>> import paddle

      >>> a = paddle.arange(26, dtype="float32").reshape([2, 13])
      >>> linear = paddle.nn.Linear(13, 5)
      >>> # This can be any optimizer supported by dygraph.
      >>> adam = paddle.optimizer.Adam(learning_rate = 0.01,
      ...                         parameters = linear.parameters())
      >>> out = linear(a)
      >>> out.backward()
      >>> adam.step()
      >>> adam.clear_grad()
      `,
      note: "Adam is not in this package: RMSProp",
      run: (doc) => {
        const a = paddle.arange(26, { dtype: 'float32' }).reshape([2, 13]);
        const linear = new paddle.nn.Linear(13, 5);
        const opt = new paddle.optimizer.RMSProp(0.01, { parameters: linear.parameters() });
        const before = linear.weight.tolist();
        linear.forward(a).backward();
        opt.step();
        opt.clear_grad();
        expect(linear.weight.tolist()).not.toEqual(before);
      },
    },
    {
      api: 'paddle.optimizer.Optimizer.set_lr',
      python: py`
      >>> import paddle
      >>> linear = paddle.nn.Linear(10, 10)

      >>> adam = paddle.optimizer.Adam(0.1, parameters=linear.parameters())

      >>> # set learning rate manually by python float value
      >>> lr_list = [0.2, 0.3, 0.4, 0.5, 0.6]
      >>> for i in range(5):
      ...     adam.set_lr(lr_list[i])
      ...     lr = adam.get_lr()
      ...     print("current lr is {}".format(lr))
      current lr is 0.2
      current lr is 0.3
      current lr is 0.4
      current lr is 0.5
      current lr is 0.6
      `,
      note: "Adam is not in this package: RMSProp",
      run: (doc) => {
        const linear = new paddle.nn.Linear(10, 10);
        const opt = new paddle.optimizer.RMSProp(0.1, { parameters: linear.parameters() });
        const lines: string[] = [];
        for (const lr of [0.2, 0.3, 0.4, 0.5, 0.6]) {
          opt.set_lr(lr);
          lines.push(`current lr is ${pyFloat(opt.get_lr())}`);
        }
        doc.out(lines.join('\n'));
      },
    },
    {
      api: 'paddle.optimizer.Optimizer.set_lr_scheduler',
      python: py`
      >>> import paddle
      >>> linear = paddle.nn.Linear(10, 10)

      >>> adam = paddle.optimizer.Adam(0.1, parameters=linear.parameters())

      >>> # set learning rate manually by class LRScheduler
      >>> scheduler = paddle.optimizer.lr.MultiStepDecay(learning_rate=0.5, milestones=[2,4,6], gamma=0.8)
      >>> adam.set_lr_scheduler(scheduler)
      >>> lr = adam.get_lr()
      >>> print("current lr is {}".format(lr))
      current lr is 0.5

      >>> # set learning rate manually by another LRScheduler
      >>> scheduler = paddle.optimizer.lr.StepDecay(learning_rate=0.1, step_size=5, gamma=0.6)
      >>> adam.set_lr_scheduler(scheduler)
      >>> lr = adam.get_lr()
      >>> print("current lr is {}".format(lr))
      current lr is 0.1
      `,
      note: "Adam is not in this package: RMSProp",
      run: (doc) => {
        const linear = new paddle.nn.Linear(10, 10);
        const opt = new paddle.optimizer.RMSProp(0.1, { parameters: linear.parameters() });
        opt.set_lr_scheduler(new paddle.optimizer.lr.MultiStepDecay(0.5, [2, 4, 6], { gamma: 0.8 }));
        doc.out(`current lr is ${pyFloat(opt.get_lr())}`);
        opt.set_lr_scheduler(new paddle.optimizer.lr.StepDecay(0.1, 5, { gamma: 0.6 }));
        doc.out(`current lr is ${pyFloat(opt.get_lr())}`);
      },
    },
    {
      api: 'paddle.optimizer.Optimizer.get_lr',
      python: py`
      >>> # train on default dynamic graph mode
      >>> import paddle
      >>> import numpy as np
      >>> emb = paddle.nn.Embedding(10, 3)

      >>> ## example1: LRScheduler is not used, return the same value is all the same
      >>> adam = paddle.optimizer.Adam(0.01, parameters = emb.parameters())
      >>> for batch in range(10):
      ...     input = paddle.randint(low=0, high=5, shape=[5])
      ...     out = emb(input)
      ...     out.backward()
      ...     print("Learning rate of step{}: {}".format(batch, adam.get_lr())) # 0.01
      ...     adam.step()
      Learning rate of step0: 0.01
      Learning rate of step1: 0.01
      Learning rate of step2: 0.01
      Learning rate of step3: 0.01
      Learning rate of step4: 0.01
      Learning rate of step5: 0.01
      Learning rate of step6: 0.01
      Learning rate of step7: 0.01
      Learning rate of step8: 0.01
      Learning rate of step9: 0.01

      >>> ## example2: StepDecay is used, return the scheduled learning rate
      >>> scheduler = paddle.optimizer.lr.StepDecay(learning_rate=0.5, step_size=2, gamma=0.1)
      >>> adam = paddle.optimizer.Adam(scheduler, parameters = emb.parameters())
      >>> for batch in range(10):
      ...     input = paddle.randint(low=0, high=5, shape=[5])
      ...     out = emb(input)
      ...     out.backward()
      ...     print("Learning rate of step{}: {}".format(batch, adam.get_lr())) # 0.5->0.05...
      ...     adam.step()
      ...     scheduler.step()
      Learning rate of step0: 0.5
      Learning rate of step1: 0.5
      Learning rate of step2: 0.05
      Learning rate of step3: 0.05
      Learning rate of step4: 0.005000000000000001
      Learning rate of step5: 0.005000000000000001
      Learning rate of step6: 0.0005000000000000001
      Learning rate of step7: 0.0005000000000000001
      Learning rate of step8: 5.000000000000001e-05
      Learning rate of step9: 5.000000000000001e-05

      >>> # train on static graph mode
      >>> paddle.enable_static()
      >>> main_prog = paddle.static.Program()
      >>> start_prog = paddle.static.Program()
      >>> with paddle.static.program_guard(main_prog, start_prog):
      ...     x = paddle.static.data(name='x', shape=[None, 10])
      ...     z = paddle.static.nn.fc(x, 100)
      ...     loss = paddle.mean(z)
      ...     scheduler = paddle.optimizer.lr.StepDecay(learning_rate=0.5, step_size=2, gamma=0.1)
      ...     adam = paddle.optimizer.Adam(learning_rate=scheduler)
      ...     adam.minimize(loss)

      >>> exe = paddle.static.Executor()
      >>> exe.run(start_prog)
      >>> for batch in range(10):
      ...     print("Learning rate of step{}: {}".format(batch, adam.get_lr())) # 0.5->0.05->0.005...
      ...     out = exe.run(main_prog, feed={'x': np.random.randn(3, 10).astype('float32')})
      ...     scheduler.step()
      Learning rate of step0: 0.5
      Learning rate of step1: 0.5
      Learning rate of step2: 0.05
      Learning rate of step3: 0.05
      Learning rate of step4: 0.005000000000000001
      Learning rate of step5: 0.005000000000000001
      Learning rate of step6: 0.0005000000000000001
      Learning rate of step7: 0.0005000000000000001
      Learning rate of step8: 5.000000000000001e-05
      Learning rate of step9: 5.000000000000001e-05
      `,
      note: "Adam is not in this package: RMSProp; the static-graph part (example 3) is not ported",
      run: (doc) => {
        const emb = new paddle.nn.Embedding(10, 3);
        let opt = new paddle.optimizer.RMSProp(0.01, { parameters: emb.parameters() });
        let lines: string[] = [];
        for (let batch = 0; batch < 10; batch++) {
          const input = paddle.randint(0, 5, [5]);
          emb.forward(input).backward();
          lines.push(`Learning rate of step${batch}: ${pyFloat(opt.get_lr())}`);
          opt.step();
        }
        doc.out(lines.join('\n'));
        const scheduler = new paddle.optimizer.lr.StepDecay(0.5, 2, { gamma: 0.1 });
        opt = new paddle.optimizer.RMSProp(scheduler, { parameters: emb.parameters() });
        lines = [];
        for (let batch = 0; batch < 10; batch++) {
          const input = paddle.randint(0, 5, [5]);
          emb.forward(input).backward();
          lines.push(`Learning rate of step${batch}: ${pyFloat(opt.get_lr())}`);
          opt.step();
          scheduler.step();
        }
        doc.out(lines.join('\n'));
        doc.skip('static graph (paddle.enable_static, Executor): not ported');
      },
    },
    {
      api: 'paddle.optimizer.Optimizer.backward',
      python: py`
      >>> import paddle
      >>> x = paddle.arange(26, dtype="float32").reshape([2, 13])

      >>> linear = paddle.nn.Linear(13, 5)
      >>> # This can be any optimizer supported by dygraph.
      >>> adam = paddle.optimizer.Adam(learning_rate = 0.01,
      ...                             parameters = linear.parameters())
      >>> out = linear(x)
      >>> out.backward()
      >>> adam.step()
      >>> adam.clear_grad()
      `,
      notPortable: { reason: 'missing-api', why: "Optimizer.backward(loss) (returning params_grads for apply_gradients) is not exported; the example is Optimizer.step's (ported there)" },
    },
    {
      api: 'paddle.optimizer.Optimizer.apply_gradients',
      python: py`
      >>> import paddle

      >>> inp = paddle.uniform([10, 10], dtype="float32", min=-0.1, max=0.1)
      >>> linear = paddle.nn.Linear(10, 10)
      >>> out = linear(inp)
      >>> loss = paddle.mean(out)
      >>> optimizer = paddle.optimizer.Adam(learning_rate=0.1,
      ...         parameters=linear.parameters())
      >>> params_grads = optimizer.backward(loss)
      >>> optimizer.apply_gradients(params_grads)
      `,
      notPortable: { reason: 'missing-api', why: "Optimizer.backward / apply_gradients are not exported (use loss.backward() and step())" },
    },
    {
      api: 'paddle.optimizer.Optimizer.clear_grad',
      python: py`
      >>> import paddle

      >>> a = paddle.arange(26, dtype="float32").reshape([2, 13])
      >>> linear = paddle.nn.Linear(13, 5)
      >>> # This can be any optimizer supported by dygraph.
      >>> adam = paddle.optimizer.Adam(learning_rate = 0.01,
      ...                             parameters = linear.parameters())
      >>> out = linear(a)
      >>> out.backward()
      >>> adam.step()
      >>> adam.clear_grad()
      `,
      note: "Adam is not in this package: RMSProp",
      run: (doc) => {
        const a = paddle.arange(26, { dtype: 'float32' }).reshape([2, 13]);
        const linear = new paddle.nn.Linear(13, 5);
        const opt = new paddle.optimizer.RMSProp(0.01, { parameters: linear.parameters() });
        linear.forward(a).backward();
        opt.step();
        opt.clear_grad();
        expect(Array.from((linear.weight.grad as paddle.Tensor).data).every((v) => v === 0)).toBe(true);
      },
    },
    {
      api: 'paddle.optimizer.Optimizer.minimize',
      python: py`
      >>> import paddle
      >>> linear = paddle.nn.Linear(10, 10)
      >>> input = paddle.uniform(shape=[10, 10], min=-0.1, max=0.1)
      >>> out = linear(input)
      >>> loss = paddle.mean(out)

      >>> beta1 = paddle.to_tensor([0.9], dtype="float32")
      >>> beta2 = paddle.to_tensor([0.99], dtype="float32")

      >>> adam = paddle.optimizer.Adam(learning_rate=0.1,
      ...         parameters=linear.parameters(),
      ...         weight_decay=0.01)
      >>> loss.backward()
      >>> adam.minimize(loss)
      >>> adam.clear_grad()
      `,
      note: "Adam is not in this package: RMSProp (beta1/beta2 are Adam's and unused)",
      run: (doc) => {
        const linear = new paddle.nn.Linear(10, 10);
        const input = paddle.uniform([10, 10], { min: -0.1, max: 0.1 });
        const loss = paddle.mean(linear.forward(input));
        const opt = new paddle.optimizer.RMSProp(0.1, { parameters: linear.parameters(), weightDecay: 0.01 });
        const before = linear.weight.tolist();
        loss.backward();
        opt.minimize(loss);
        opt.clear_grad();
        expect(linear.weight.tolist()).not.toEqual(before);
      },
    },
    {
      api: 'paddle.optimizer.lr.LRScheduler.step',
      python: py`
          >>> import paddle
          >>> value = paddle.arange(26, dtype='float32')
          >>> a = paddle.reshape(value, [2, 13])
          >>> linear = paddle.nn.Linear(13, 5)
          >>> adadelta = paddle.optimizer.Adadelta(learning_rate=0.0003, epsilon=1e-06, rho=0.95,
          ...                             parameters = linear.parameters())
          >>> out = linear(a)
          >>> out.backward()
          >>> adadelta.step()
          >>> adadelta.clear_grad()

          >>> import paddle
          >>> value = paddle.arange(26, dtype='float32')
          >>> a = paddle.reshape(value, [2, 13])
          >>> linear = paddle.nn.Linear(13, 5)
          >>> adadelta = paddle.optimizer.Adadelta(learning_rate=0.0003, epsilon=1e-06, rho=0.95,
          ...                             parameters = linear.parameters())
          >>> out = linear(a)
          >>> out.backward()
          >>> adadelta.step()
          >>> adadelta.clear_grad()
      `,
      note: "Adadelta is not in this package: RMSProp",
      run: (doc) => {
        const a = paddle.reshape(paddle.arange(26, { dtype: 'float32' }), [2, 13]);
        const linear = new paddle.nn.Linear(13, 5);
        const opt = new paddle.optimizer.RMSProp(0.0003, { epsilon: 1e-6, rho: 0.95, parameters: linear.parameters() });
        linear.forward(a).backward();
        opt.step();
        opt.clear_grad();
      },
    },
  ],
});

/** Paddle's documentation examples for this area, each beside its TypeScript twin (harness.ts). */
import { expect } from 'vitest';
import * as paddle from '../../../src/index.js';
import { conformance, py } from './harness.js';

export default conformance({
  area: 'framework',
  sources: ["base/param_attr.py", "base/unique_name.py", "device/__init__.py", "framework/io.py"],
  cases: [
    {
      api: 'paddle.get_device',
      python: py`
      >>> import paddle
      >>> device = paddle.device.get_device()
      `,
      run: (doc) => {
        const device = paddle.device.get_device();
        expect(device).toBe('cpu');
      },
    },
    {
      api: 'paddle.load',
      python: py`
          >>> # example 1: dynamic graph
          >>> import paddle
          >>> emb = paddle.nn.Embedding(10, 10)
          >>> layer_state_dict = emb.state_dict()

          >>> # save state_dict of emb
          >>> paddle.save(layer_state_dict, "emb.pdparams")

          >>> scheduler = paddle.optimizer.lr.NoamDecay(
          ...     d_model=0.01, warmup_steps=100, verbose=True)
          >>> adam = paddle.optimizer.Adam(
          ...     learning_rate=scheduler,
          ...     parameters=emb.parameters())
          >>> opt_state_dict = adam.state_dict()

          >>> # save state_dict of optimizer
          >>> paddle.save(opt_state_dict, "adam.pdopt")
          >>> # save weight of emb
          >>> paddle.save(emb.weight, "emb.weight.pdtensor")

          >>> # load state_dict of emb
          >>> load_layer_state_dict = paddle.load("emb.pdparams")
          >>> # load state_dict of optimizer
          >>> load_opt_state_dict = paddle.load("adam.pdopt")
          >>> # load weight of emb
          >>> load_weight = paddle.load("emb.weight.pdtensor")

          >>> # example 2: Load multiple state_dict at the same time
          >>> import paddle
          >>> from paddle import nn
          >>> from paddle.optimizer import Adam

          >>> layer = paddle.nn.Linear(3, 4)
          >>> adam = Adam(learning_rate=0.001, parameters=layer.parameters())
          >>> obj = {'model': layer.state_dict(), 'opt': adam.state_dict(), 'epoch': 100}
          >>> path = 'example/model.pdparams'
          >>> paddle.save(obj, path)
          >>> obj_load = paddle.load(path)

          >>> # example 3: static graph
          >>> import paddle
          >>> import paddle.static as static

          >>> paddle.enable_static()

          >>> # create network
          >>> x = paddle.static.data(name="x", shape=[None, 224], dtype='float32')
          >>> z = paddle.static.nn.fc(x, 10)

          >>> place = paddle.CPUPlace()
          >>> exe = paddle.static.Executor(place)
          >>> exe.run(paddle.static.default_startup_program())
          >>> prog = paddle.static.default_main_program()
          >>> for var in prog.list_vars():
          ...     if list(var.shape) == [224, 10]:
          ...         tensor = var.get_value()
          ...         break

          >>> # save/load tensor
          >>> path_tensor = 'temp/tensor.pdtensor'
          >>> paddle.save(tensor, path_tensor)
          >>> load_tensor = paddle.load(path_tensor)

          >>> # save/load state_dict
          >>> path_state_dict = 'temp/model.pdparams'
          >>> paddle.save(prog.state_dict("param"), path_tensor)
          >>> load_state_dict = paddle.load(path_tensor)

          >>> # example 4: load program
          >>> import paddle

          >>> paddle.enable_static()

          >>> data = paddle.static.data(
          ...     name='x_static_save', shape=(None, 224), dtype='float32')
          >>> y_static = z = paddle.static.nn.fc(data, 10)
          >>> main_program = paddle.static.default_main_program()
          >>> path = "example/main_program.pdmodel"
          >>> paddle.save(main_program, path)
          >>> load_main = paddle.load(path)

          >>> # example 5: save object to memory
          >>> from io import BytesIO
          >>> import paddle
          >>> from paddle.nn import Linear
          >>> paddle.disable_static()

          >>> linear = Linear(5, 10)
          >>> state_dict = linear.state_dict()
          >>> byio = BytesIO()
          >>> paddle.save(state_dict, byio)
          >>> paddle.seed(2023)
          >>> tensor = paddle.randn([2, 3], dtype='float32')
          >>> paddle.save(tensor, byio)
          >>> byio.seek(0)
          >>> # load state_dict
          >>> dict_load = paddle.load(byio)
      `,
      note: "example 5 (an in-memory BytesIO) is ported with saveBytes/loadBytes; examples 1-2 write files under the working directory and use Adam (use paddle.save(obj, path) and RMSProp: tests/io), examples 3-4 are static graph",
      run: (doc) => {
        const linear = new paddle.nn.Linear(5, 10);
        const stateDict = linear.stateDict();
        const bytes = paddle.saveBytes(stateDict);
        paddle.seed(2023);
        const tensor = paddle.randn([2, 3], { dtype: 'float32' });
        expect(paddle.loadBytes(paddle.saveBytes(tensor))).toBeInstanceOf(paddle.Tensor);
        const dictLoad = paddle.loadBytes(bytes) as Record<string, paddle.Tensor>;
        expect(Object.keys(dictLoad)).toEqual(['weight', 'bias']);
        expect(dictLoad['weight']?.tolist()).toEqual(linear.weight.tolist());
      },
    },
    {
      api: 'paddle.save',
      python: py`
          >>> # example 1: dynamic graph
          >>> import paddle
          >>> emb = paddle.nn.Embedding(10, 10)
          >>> layer_state_dict = emb.state_dict()

          >>> # save state_dict of emb
          >>> paddle.save(layer_state_dict, "emb.pdparams")

          >>> scheduler = paddle.optimizer.lr.NoamDecay(
          ...     d_model=0.01, warmup_steps=100, verbose=True)
          >>> adam = paddle.optimizer.Adam(
          ...     learning_rate=scheduler,
          ...     parameters=emb.parameters())
          >>> opt_state_dict = adam.state_dict()

          >>> # save state_dict of optimizer
          >>> paddle.save(opt_state_dict, "adam.pdopt")
          >>> # save weight of emb
          >>> paddle.save(emb.weight, "emb.weight.pdtensor")

          >>> # example 2: Save multiple state_dict at the same time
          >>> import paddle
          >>> from paddle import nn
          >>> from paddle.optimizer import Adam

          >>> layer = paddle.nn.Linear(3, 4)
          >>> adam = Adam(learning_rate=0.001, parameters=layer.parameters())
          >>> obj = {'model': layer.state_dict(), 'opt': adam.state_dict(), 'epoch': 100}
          >>> path = 'example/model.pdparams'
          >>> paddle.save(obj, path)

          >>> # example 3: static graph
          >>> import paddle
          >>> import paddle.static as static

          >>> paddle.enable_static()

          >>> # create network
          >>> x = paddle.static.data(name="x", shape=[None, 224], dtype='float32')
          >>> z = paddle.static.nn.fc(x, 10)

          >>> place = paddle.CPUPlace()
          >>> exe = paddle.static.Executor(place)
          >>> exe.run(paddle.static.default_startup_program())
          >>> prog = paddle.static.default_main_program()
          >>> for var in prog.list_vars():
          ...     if list(var.shape) == [224, 10]:
          ...         tensor = var.get_value()
          ...         break

          >>> # save/load tensor
          >>> path_tensor = 'temp/tensor.pdtensor'
          >>> paddle.save(tensor, path_tensor)

          >>> # save/load state_dict
          >>> path_state_dict = 'temp/model.pdparams'
          >>> paddle.save(prog.state_dict("param"), path_tensor)

          >>> # example 4: save program
          >>> import paddle

          >>> paddle.enable_static()

          >>> data = paddle.static.data(
          ...     name='x_static_save', shape=(None, 224), dtype='float32')
          >>> y_static = z = paddle.static.nn.fc(data, 10)
          >>> main_program = paddle.static.default_main_program()
          >>> path = "example/main_program.pdmodel"
          >>> paddle.save(main_program, path)

          >>> # example 5: save object to memory
          >>> from io import BytesIO
          >>> import paddle
          >>> from paddle.nn import Linear
          >>> paddle.disable_static()

          >>> linear = Linear(5, 10)
          >>> state_dict = linear.state_dict()
          >>> byio = BytesIO()
          >>> paddle.save(state_dict, byio)
          >>> paddle.seed(2023)
          >>> tensor = paddle.randn([2, 3], dtype='float32')
          >>> paddle.save(tensor, byio)
      `,
      note: "example 5 (an in-memory BytesIO) is ported with saveBytes; examples 1-2 write files under the working directory and use Adam (tests/io covers paddle.save to a path), examples 3-4 are static graph",
      run: (doc) => {
        const linear = new paddle.nn.Linear(5, 10);
        const bytes = paddle.saveBytes(linear.stateDict());
        expect(bytes.length).toBeGreaterThan(200);
        paddle.seed(2023);
        const tensor = paddle.randn([2, 3], { dtype: 'float32' });
        const more = paddle.saveBytes(tensor);
        expect((paddle.loadBytes(more) as paddle.Tensor).tolist()).toEqual(tensor.tolist());
      },
    },
    {
      api: 'paddle.set_device',
      python: py`
      >>> import paddle

      >>> paddle.device.set_device("cpu")
      >>> x1 = paddle.ones(name='x1', shape=[1, 2], dtype='int32')
      >>> x2 = paddle.zeros(name='x2', shape=[1, 2], dtype='int32')
      >>> data = paddle.stack([x1,x2], axis=1)
      `,
      run: (doc) => {
        paddle.device.set_device('cpu');
        const x1 = paddle.ones([1, 2], { name: 'x1', dtype: 'int32' });
        const x2 = paddle.zeros([1, 2], { name: 'x2', dtype: 'int32' });
        const data = paddle.stack([x1, x2], { axis: 1 });
        expect(data.shape).toEqual([1, 2, 2]);
      },
    },
    {
      api: 'paddle.ParamAttr',
      python: py`
      >>> import paddle

      >>> weight_attr = paddle.ParamAttr(name="weight",
      ...                                 learning_rate=0.5,
      ...                                 regularizer=paddle.regularizer.L2Decay(1.0),
      ...                                 trainable=True)
      >>> print(weight_attr.name)
      weight
      >>> paddle.nn.Linear(3, 4, weight_attr=weight_attr)
      `,
      run: (doc) => {
        const weightAttr = new paddle.ParamAttr({ name: 'weight', learningRate: 0.5, regularizer: new paddle.regularizer.L2Decay(1.0), trainable: true });
        doc.out(weightAttr.name);
        const linear = new paddle.nn.Linear(3, 4, { weightAttr });
        expect(linear.weight.name).toBe('weight');
        paddle.nn.resetParameterNames();
      },
    },
    {
      api: 'paddle.utils.unique_name.generate',
      python: py`
      >>> import paddle
      >>> name1 = paddle.utils.unique_name.generate('fc')
      >>> name2 = paddle.utils.unique_name.generate('fc')
      >>> print(name1, name2)
      fc_0 fc_1
      `,
      run: (doc) => {
        const name1 = paddle.utils.unique_name.generate('fc');
        const name2 = paddle.utils.unique_name.generate('fc');
        doc.seq([name1, name2]);
      },
    },
    {
      api: 'paddle.utils.unique_name.guard',
      python: py`
      >>> import paddle
      >>> with paddle.utils.unique_name.guard():
      ...     name_1 = paddle.utils.unique_name.generate('fc')
      >>> with paddle.utils.unique_name.guard():
      ...     name_2 = paddle.utils.unique_name.generate('fc')
      >>> print(name_1, name_2)
      fc_0 fc_0

      >>> with paddle.utils.unique_name.guard('A'):
      ...     name_1 = paddle.utils.unique_name.generate('fc')
      >>> with paddle.utils.unique_name.guard('B'):
      ...     name_2 = paddle.utils.unique_name.generate('fc')
      >>> print(name_1, name_2)
      Afc_0 Bfc_0
      `,
      note: "`with guard():` is guard(() => \u2026)",
      run: (doc) => {
        let name1 = paddle.utils.unique_name.guard(() => paddle.utils.unique_name.generate('fc'));
        let name2 = paddle.utils.unique_name.guard(() => paddle.utils.unique_name.generate('fc'));
        doc.seq([name1, name2]);
        name1 = paddle.utils.unique_name.guard('A', () => paddle.utils.unique_name.generate('fc'));
        name2 = paddle.utils.unique_name.guard('B', () => paddle.utils.unique_name.generate('fc'));
        doc.seq([name1, name2]);
      },
    },
  ],
});

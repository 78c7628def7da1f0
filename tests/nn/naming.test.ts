import { beforeEach, describe, expect, it } from 'vitest';
import { AssertionError, TypeError as PaddleTypeError, ValueError } from '../../src/errors.js';
import * as nn from '../../src/nn/index.js';
import { guard, reset } from '../../src/tensor/unique-name.js';
import { setDefaultDType } from '../../src/tensor/creation.js';
import type { Tensor } from '../../src/tensor/tensor.js';

beforeEach(() => {
  reset();
  nn.resetParameterNames();
});

describe('Layer naming (spec §14)', () => {
  it('converts class names to snake case like Paddle', () => {
    const table: [string, string][] = [
      ['Linear', 'linear'],
      ['Embedding', 'embedding'],
      ['MyLayer', 'my_layer'],
      ['ReLU', 're_lu'],
      ['GELU', 'gelu'],
      ['MSELoss', 'mse_loss'],
      ['CrossEntropyLoss', 'cross_entropy_loss'],
      ['LayerList', 'layer_list'],
      ['HTTPServer2Layer', 'http_server2_layer'],
    ];
    for (const [cls, snake] of table) expect(nn.convertCamelToSnake(cls)).toBe(snake);
  });

  it('numbers layers per scope and names their parameters <full name>.w_N / .b_N', () => {
    const a = new nn.Linear(2, 3);
    const b = new nn.Linear(3, 4);
    const e = new nn.Embedding(5, 2);
    expect([a.fullName(), b.fullName(), e.fullName()]).toEqual(['linear_0', 'linear_1', 'embedding_0']);
    expect([a.weight.name, a.bias?.name]).toEqual(['linear_0.w_0', 'linear_0.b_0']);
    expect([b.weight.name, b.bias?.name]).toEqual(['linear_1.w_0', 'linear_1.b_0']);
    expect(e.weight.name).toBe('embedding_0.w_0');
    expect(new nn.ReLU().fullName()).toBe('re_lu_0');
    expect(a.full_name()).toBe('linear_0');
  });

  it('counts further parameters of one layer and honours a custom name scope', () => {
    class Twin extends nn.Layer {
      w1 = this.addParameter('w1', this.createParameter([2]));
      w2 = this.addParameter('w2', this.createParameter([2]));
      b = this.addParameter('b', this.createParameter([2], { isBias: true }));
      constructor() {
        super('my_twin');
      }
      override forward(x: Tensor): Tensor {
        return x;
      }
    }
    const t = new Twin();
    expect(t.fullName()).toBe('my_twin_0');
    expect([t.w1.name, t.w2.name, t.b.name]).toEqual(['my_twin_0.w_0', 'my_twin_0.w_1', 'my_twin_0.b_0']);
    class MyNet extends nn.Layer {}
    expect(new MyNet().fullName()).toBe('my_net_0');
    expect(new MyNet({ nameScope: 'net' }).fullName()).toBe('net_0');
  });

  it('restarts the counters inside unique_name.guard and restores them after', () => {
    new nn.Linear(1, 1);
    const inner = guard(() => new nn.Linear(1, 1));
    expect(inner.weight.name).toBe('linear_0.w_0');
    expect(new nn.Linear(1, 1).fullName()).toBe('linear_1');
  });

  it('uses explicit ParamAttr names and rejects a repeated explicit name before creating anything', () => {
    const l = new nn.Linear(2, 2, { weightAttr: new nn.ParamAttr({ name: 'w' }), biasAttr: 'b' });
    expect([l.weight.name, l.bias?.name]).toEqual(['w', 'b']);
    expect(() => new nn.Linear(2, 2, { weightAttr: 'w' })).toThrow(ValueError);
    expect(() => new nn.Linear(2, 2, { weightAttr: 'w' })).toThrow(/parameter name \[w\] have be been used/);
    // Same name for weight and bias of one layer.
    expect(() => new nn.Linear(2, 2, { weightAttr: 'x', biasAttr: 'x' })).toThrow(ValueError);
    // Nothing was consumed by the failed constructions.
    expect(new nn.Linear(2, 2).fullName()).toBe('linear_1');
    expect(nn.isParameterNameUsed('x')).toBe(false);
  });

  it('biasAttr false gives no bias', () => {
    const l = new nn.Linear(2, 3, { biasAttr: false });
    expect(l.bias).toBeNull();
    expect(l.parameters().length).toBe(1);
    expect(Object.keys(l.stateDict())).toEqual(['weight']);
  });

  it('follows paddle.get_default_dtype for Linear and Embedding', () => {
    setDefaultDType('float64');
    try {
      expect(new nn.Linear(2, 2).weight.dtype).toBe('float64');
      expect(new nn.Embedding(2, 2).weight.dtype).toBe('float64');
    } finally {
      setDefaultDType('float32');
    }
    expect(new nn.Linear(2, 2).weight.dtype).toBe('float32');
  });
});

describe('paddle.create_parameter', () => {
  it('names like LayerHelper("create_parameter")', () => {
    const p0 = nn.createParameter([2, 3], 'float32');
    const p1 = nn.createParameter([3], 'float32', { isBias: true });
    expect(p0.name).toBe('create_parameter_0.w_0');
    expect(p1.name).toBe('create_parameter_1.b_0');
    expect(nn.createParameter([2], 'float64', { name: 'alpha' }).name).toBe('alpha');
    // With an attr and a name, the name is the helper name and the attr has none.
    expect(nn.createParameter([2], 'float32', { name: 'beta', attr: new nn.ParamAttr() }).name).toBe('beta.w_0');
    expect(nn.create_parameter).toBe(nn.createParameter);
  });

  it('sets the optimizer-facing attributes from the ParamAttr', async () => {
    const { L2Decay } = await import('../../src/regularizer/index.js');
    const reg = new L2Decay(0.5);
    const p = nn.createParameter([4], 'float32', {
      attr: new nn.ParamAttr({ learningRate: 0.25, regularizer: reg, trainable: false, needClip: false }),
    });
    expect(p.optimizeAttr.learningRate).toBe(0.25);
    expect(p.regularizer).toBe(reg);
    expect(p.trainable).toBe(false);
    expect(p.stopGradient).toBe(true);
    expect(p.needClip).toBe(false);
    const q = nn.createParameter([4], 'float32');
    expect([q.optimizeAttr.learningRate, q.regularizer, q.trainable, q.needClip]).toEqual([1, null, true, true]);
  });

  it('rejects bad shapes, dtypes and attr types', () => {
    const bad: [() => unknown, new (...a: never[]) => Error, RegExp][] = [
      [() => nn.createParameter([2, 0], 'float32'), AssertionError, /the size of the 1-th dim is 0/],
      [() => nn.createParameter([-1], 'float32'), AssertionError, /larger than 0/],
      [() => nn.createParameter([1.5], 'float32'), PaddleTypeError, /item of shape/],
      [() => nn.createParameter('3' as never, 'float32'), PaddleTypeError, /shape/],
      [() => nn.createParameter([2], 'complex' as never), PaddleTypeError, /dtype/],
      [() => nn.createParameter([2], 'float32', { attr: 'x' as never }), PaddleTypeError, /attr/],
      [() => nn.createParameter([2], 'float32', { is_bias: true } as never), PaddleTypeError, /isBias/],
      [() => nn.createParameter([2], 'int64'), PaddleTypeError, /default initializer/],
      [() => nn.createParameter([2], 'float32', { defaultInitializer: {} as never }), PaddleTypeError, /default_initializer/],
    ];
    for (const [fn, cls, msg] of bad) {
      expect(fn).toThrow(cls);
      expect(fn).toThrow(msg);
    }
  });

  it('uses the initializer precedence ParamAttr > global > default > Xavier/Constant(0)', () => {
    const { Constant, setGlobalInitializer } = nn.initializer;
    const value = (p: Tensor): number => p.data[0] as number;
    expect(value(nn.createParameter([3], 'float32', { isBias: true }))).toBe(0);
    expect(value(nn.createParameter([3], 'float32', { defaultInitializer: new Constant(2) }))).toBe(2);
    setGlobalInitializer(new Constant(3), new Constant(4));
    try {
      expect(value(nn.createParameter([3], 'float32', { defaultInitializer: new Constant(2) }))).toBe(3);
      expect(value(nn.createParameter([3], 'float32', { isBias: true }))).toBe(4);
      expect(value(nn.createParameter([3], 'float32', { attr: new nn.ParamAttr({ initializer: new Constant(5) }) }))).toBe(5);
      const l = new nn.Linear(2, 2);
      expect(Array.from(l.weight.data)).toEqual([3, 3, 3, 3]);
      expect(Array.from(l.bias?.data ?? [])).toEqual([4, 4]);
    } finally {
      setGlobalInitializer(null);
    }
    // Only a weight initializer: biases keep their default.
    setGlobalInitializer(new Constant(7));
    try {
      const l = new nn.Linear(2, 2);
      expect(Array.from(l.bias?.data ?? [])).toEqual([0, 0]);
      expect(Array.from(l.weight.data)).toEqual([7, 7, 7, 7]);
    } finally {
      nn.initializer.set_global_initializer(null);
    }
    expect(() => setGlobalInitializer(3 as never)).toThrow(PaddleTypeError);
    expect(() => setGlobalInitializer(null, 'x' as never)).toThrow(/bias_init/);
  });
});

describe('ParamAttr', () => {
  it('checks types with Paddle check_type messages and rejects an empty name', () => {
    const bad: [unknown, RegExp][] = [
      [{ name: 3 }, /The type of 'name' in ParamAttr must be \(<class 'str'>, <class 'NoneType'>\), but received <class 'int'>/],
      [{ learningRate: '0.1' }, /'learning_rate' in ParamAttr/],
      [{ trainable: 1 }, /'trainable' in ParamAttr must be <class 'bool'>/],
      [{ needClip: 'yes' }, /'need_clip'/],
      [{ doModelAverage: null, needClip: 0 }, /'need_clip'/],
      [{ initializer: 0.5 }, /'initializer' in ParamAttr/],
      [{ regularizer: 0.01 }, /'regularizer' in ParamAttr.*received <class 'float'>/],
      [{ learning_rate: 0.1 }, /Did you mean 'learningRate'/],
    ];
    for (const [opts, msg] of bad) {
      expect(() => new nn.ParamAttr(opts as never)).toThrow(PaddleTypeError);
      expect(() => new nn.ParamAttr(opts as never)).toThrow(msg);
    }
    expect(() => new nn.ParamAttr({ name: '' })).toThrow(ValueError);
    expect(() => new nn.ParamAttr({ name: '' })).toThrow('name of ParamAttr can not be empty str');
  });

  it('has Paddle defaults and spellings', () => {
    const a = new nn.ParamAttr();
    expect([a.name, a.initializer, a.learningRate, a.regularizer, a.trainable, a.doModelAverage, a.needClip]).toEqual([
      null,
      null,
      1,
      null,
      true,
      true,
      true,
    ]);
    a.learning_rate = 0.5;
    expect(a.learningRate).toBe(0.5);
    expect(a.need_clip).toBe(true);
  });

  it('converts like _to_attr', async () => {
    const { L1Decay } = await import('../../src/regularizer/index.js');
    const init = new nn.initializer.Constant(1);
    const reg = new L1Decay(0.1);
    const attr = new nn.ParamAttr({ name: 'p' });
    expect(nn.ParamAttr.toAttr(attr)).toBe(attr);
    expect(nn.ParamAttr.toAttr(null)).toBeInstanceOf(nn.ParamAttr);
    expect(nn.ParamAttr.toAttr(undefined)).toBeInstanceOf(nn.ParamAttr);
    expect((nn.ParamAttr.toAttr('n') as nn.ParamAttr).name).toBe('n');
    expect((nn.ParamAttr.toAttr(init) as nn.ParamAttr).initializer).toBe(init);
    expect((nn.ParamAttr.toAttr(reg) as nn.ParamAttr).regularizer).toBe(reg);
    expect(nn.ParamAttr.toAttr(true)).toBeInstanceOf(nn.ParamAttr);
    expect(nn.ParamAttr.toAttr(false)).toBe(false);
    expect(() => nn.ParamAttr.toAttr(3 as never)).toThrow(/<class 'int'> cast to ParamAttr/);
    expect(() => new nn.Linear(2, 2, { weightAttr: 3 as never })).toThrow(PaddleTypeError);
    expect(nn.ParamAttr._to_attr('q')).toBeInstanceOf(nn.ParamAttr);
  });

  it('Layer.createParameter returns null for attr false and treats "" as no attr', () => {
    class L extends nn.Layer {}
    const l = new L();
    expect(l.createParameter([2], { attr: false })).toBeNull();
    expect(l.createParameter([2], { attr: '' })?.name).toBe('l_0.w_0');
  });
});

/** `nn.LayerDict` and `nn.ParameterList`: registration order, state-dict keys, Paddle's dict/list operations. */
import { describe, expect, it } from 'vitest';
import * as paddle from '../../src/index.js';
import { IndexError, KeyError, TypeError as PaddleTypeError } from '../../src/errors.js';

const { nn } = paddle;

describe('LayerDict', () => {
  it("Paddle's example: construct from pairs, len, keys, values, items, pop, clear", () => {
    const sublayers = new Map<string, paddle.nn.Layer>([
      ['linear', new nn.Linear(10, 10)],
      ['relu', new nn.ReLU()],
      ['tanh', new nn.Tanh()],
    ]);
    const d = new nn.LayerDict(sublayers);
    expect(d.length).toBe(3);
    expect(d.keys()).toEqual(['linear', 'relu', 'tanh']);
    expect([...d]).toEqual(['linear', 'relu', 'tanh']);
    expect(d.values()[1]).toBeInstanceOf(nn.ReLU);
    expect(d.items().map(([k]) => k)).toEqual(['linear', 'relu', 'tanh']);
    expect(d.get('linear')).toBe(sublayers.get('linear'));
    expect(d.has('relu')).toBe(true);
    expect(d.pop('relu')).toBeInstanceOf(nn.ReLU);
    expect(d.has('relu')).toBe(false);
    expect(d.keys()).toEqual(['linear', 'tanh']);
    d.clear();
    expect(d.length).toBe(0);
    expect(d.parameters()).toEqual([]);
  });
  it('an object, pairs, update (replacing in place), set and delete; state-dict keys name.param', () => {
    const d = new nn.LayerDict({ a: new nn.Linear(2, 3) });
    d.update([['b', new nn.Linear(3, 1)]]);
    d.set('c', new nn.ReLU());
    const a2 = new nn.Linear(2, 2);
    d.update({ a: a2 });
    expect(d.keys()).toEqual(['a', 'b', 'c']);
    expect(d.get('a')).toBe(a2);
    expect(Object.keys(d.stateDict())).toEqual(['a.weight', 'a.bias', 'b.weight', 'b.bias']);
    expect(d.parameters()).toHaveLength(4);
    d.delete('b');
    expect(Object.keys(d.stateDict())).toEqual(['a.weight', 'a.bias']);
    const e = new nn.LayerDict(d);
    e.update(new nn.LayerDict({ z: new nn.Tanh() }));
    expect(e.keys()).toEqual(['a', 'c', 'z']);
  });
  it('inside a Layer, its layers are trained parameters of the parent', () => {
    class Net extends nn.Layer {
      heads = new nn.LayerDict({ x: new nn.Linear(2, 1), y: new nn.Linear(2, 1) });
    }
    expect(Object.keys(new Net().stateDict())).toEqual(['heads.x.weight', 'heads.x.bias', 'heads.y.weight', 'heads.y.bias']);
  });
  it('errors: missing key, non-layer values', () => {
    const d = new nn.LayerDict();
    expect(() => d.get('nope')).toThrow(KeyError);
    expect(() => d.pop('nope')).toThrow(KeyError);
    expect(() => new nn.LayerDict({ a: 3 as never })).toThrow(PaddleTypeError);
    expect(() => d.update([['a']] as never)).toThrow(/must be a \[name, Layer\] pair/);
  });
});

describe('ParameterList', () => {
  const p = (n: number): paddle.Parameter => paddle.createParameter([n], 'float32');
  it('append, index access, length, iteration; parameters and state dict as 0, 1, …', () => {
    const a = p(2);
    const b = p(3);
    const list = new nn.ParameterList([a]);
    list.append(b);
    expect(list.length).toBe(2);
    expect(list[0]).toBe(a);
    expect(list[1]).toBe(b);
    expect(list.at(-1)).toBe(b);
    expect(1 in list).toBe(true);
    expect(2 in list).toBe(false);
    expect([...list]).toEqual([a, b]);
    expect(list.parameters()).toEqual([a, b]);
    expect(Object.keys(list.stateDict())).toEqual(['0', '1']);
    const c = p(4);
    list.set(0, c);
    expect(list[0]).toBe(c);
    expect(list.parameters()).toEqual([c, b]);
  });
  it('in a Layer (Paddle example): parameters are found and trained', () => {
    class MyLayer extends nn.Layer {
      params = new nn.ParameterList(Array.from({ length: 3 }, () => paddle.createParameter([2, 2], 'float32')));
      override forward(x: paddle.Tensor): paddle.Tensor {
        for (const w of this.params) x = paddle.matmul(x, w);
        return x;
      }
    }
    const layer = new MyLayer();
    expect(layer.parameters()).toHaveLength(3);
    expect(Object.keys(layer.stateDict())).toEqual(['params.0', 'params.1', 'params.2']);
    const loss = paddle.mean(layer.forward(paddle.ones([1, 2])));
    loss.backward();
    expect(layer.params[2]?.grad).not.toBeNull();
  });
  it('errors', () => {
    expect(() => new nn.ParameterList([3 as never])).toThrow(PaddleTypeError);
    expect(() => new nn.ParameterList().at(0)).toThrow(IndexError);
    expect(() => new nn.ParameterList().append(paddle.ones([2]) as never)).toThrow(/expected a Parameter/);
  });
});

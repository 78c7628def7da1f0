import { beforeEach, describe, expect, it } from 'vitest';
import * as paddle from '../../src/index.js';
import { AssertionError, KeyError, NotImplementedError, TypeError as PaddleTypeError, ValueError, IndexError } from '../../src/errors.js';
import * as nn from '../../src/nn/index.js';
import { toTensor } from '../../src/tensor/creation.js';
import { Parameter } from '../../src/tensor/parameter.js';
import { seed } from '../../src/tensor/random.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { reset } from '../../src/tensor/unique-name.js';

class Block extends nn.Layer {
  scale = this.addParameter('scale', this.createParameter([3], { defaultInitializer: new nn.initializer.Constant(1) }));
  fc1 = this.addSublayer('fc1', new nn.Linear(2, 3));
  act = this.addSublayer('act', new nn.ReLU());
  fc2 = this.addSublayer('fc2', new nn.Linear(3, 1, { biasAttr: false }));
  override forward(x: Tensor): Tensor {
    return this.fc2.forward(this.act.forward(this.fc1.forward(x)));
  }
}

class Net extends nn.Layer {
  body = this.addSublayer('body', new nn.Sequential(new nn.Linear(2, 2), new nn.Tanh()));
  head = this.addSublayer('head', new Block());
  running = this.registerBuffer('running', toTensor([0, 0], { dtype: 'float32' }));
  scratch = this.registerBuffer('scratch', toTensor([1], { dtype: 'float32' }), { persistable: false });
}

beforeEach(() => {
  reset();
  nn.resetParameterNames();
  seed(7);
});

describe('traversal and state dict structure', () => {
  it('orders own parameters, own buffers, then sublayers depth-first', () => {
    const net = new Net();
    expect(Object.keys(net.stateDict())).toEqual([
      'running',
      'body.0.weight',
      'body.0.bias',
      'head.scale',
      'head.fc1.weight',
      'head.fc1.bias',
      'head.fc2.weight',
    ]);
    expect(net.namedParameters().map((e) => e[0])).toEqual([
      'body.0.weight',
      'body.0.bias',
      'head.scale',
      'head.fc1.weight',
      'head.fc1.bias',
      'head.fc2.weight',
    ]);
    expect(net.parameters().map((p) => p.name)).toEqual([
      'linear_0.w_0',
      'linear_0.b_0',
      'block_0.w_0',
      'linear_1.w_0',
      'linear_1.b_0',
      'linear_2.w_0',
    ]);
    expect(net.namedSublayers().map((e) => e[0])).toEqual(['body', 'body.0', 'body.1', 'head', 'head.fc1', 'head.act', 'head.fc2']);
    expect(net.namedChildren().map((e) => e[0])).toEqual(['body', 'head']);
    expect(net.children()).toEqual([net.body, net.head]);
    expect(net.sublayers({ includeSelf: true })[0]).toBe(net);
    expect(net.parameters({ includeSublayers: false })).toEqual([]);
    expect(net.namedBuffers().map((e) => e[0])).toEqual(['running', 'scratch']);
    expect(net.buffers().length).toBe(2);
    expect(net.stateDict({ structuredNamePrefix: 'm.' })['m.head.scale']).toBe(net.head.scale);
    expect(Object.keys(net.stateDict({ includeSublayers: false }))).toEqual(['running']);
  });

  it('the state dict values are the parameters themselves', () => {
    const b = new Block();
    const sd = b.stateDict();
    expect(sd['fc1.weight']).toBe(b.fc1.weight);
    expect(sd['scale']).toBeInstanceOf(Parameter);
    expect(b.state_dict()).toEqual(sd);
  });

  it('lists a shared sublayer and parameter once', () => {
    const l = new nn.Linear(2, 2);
    const seq = new nn.Sequential(l, l);
    expect(seq.parameters().length).toBe(2);
    expect(seq.sublayers().length).toBe(1);
    expect(seq.namedParameters().map((e) => e[0])).toEqual(['0.weight', '0.bias']);
    // Paddle's state_dict walks every slot, so both names appear there.
    expect(Object.keys(seq.stateDict())).toEqual(['0.weight', '0.bias', '1.weight', '1.bias']);
  });
});

describe('setStateDict', () => {
  it('round-trips into a fresh model of the same structure, in place', () => {
    const a = new Block();
    const b = new Block();
    const wBefore = b.fc1.weight;
    expect(Array.from(a.fc1.weight.data)).not.toEqual(Array.from(b.fc1.weight.data));
    const [missing, unexpected] = b.setStateDict(a.stateDict());
    expect([missing, unexpected]).toEqual([[], []]);
    expect(b.fc1.weight).toBe(wBefore);
    for (const [k, v] of Object.entries(a.stateDict())) expect(Array.from(b.stateDict()[k]?.data ?? [])).toEqual(Array.from(v.data));
    const x = toTensor([[0.5, -1]], { dtype: 'float32' });
    expect(b.forward(x).tolist()).toEqual(a.forward(x).tolist());
  });

  it('accepts a Map, typed arrays and nested arrays, and parameter names', () => {
    const l = new nn.Linear(2, 2);
    l.setStateDict(new Map<string, nn.StateValue>([['weight', [[1, 2], [3, 4]]], ['bias', new Float32Array([5, 6])]]));
    expect(l.weight.tolist()).toEqual([[1, 2], [3, 4]]);
    expect(l.bias?.tolist()).toEqual([5, 6]);
    l.setStateDict({ [l.weight.name]: [[0, 0], [0, 1]], [l.bias?.name as string]: [1, 1] }, { useStructuredName: false });
    expect(l.weight.tolist()).toEqual([[0, 0], [0, 1]]);
    l.set_state_dict({ weight: [[2, 2], [2, 2]], bias: [0, 0] });
    expect(l.weight.tolist()).toEqual([[2, 2], [2, 2]]);
  });

  it('strict: true throws one clear error listing missing, unexpected and mismatched keys and changes nothing', () => {
    const b = new Block();
    const before = Object.fromEntries(Object.entries(b.stateDict()).map(([k, v]) => [k, Array.from(v.data)]));
    const sd: Record<string, nn.StateValue> = {
      scale: [9, 9, 9],
      'fc1.weight': [[1, 1, 1], [1, 1, 1]],
      'fc1.bias': toTensor([1, 2], { dtype: 'float32' }),
      extra: [1],
    };
    let err: unknown;
    try {
      b.setStateDict(sd, { strict: true });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValueError);
    const msg = (err as Error).message;
    expect(msg).toContain('missing keys: [fc2.weight]');
    expect(msg).toContain('unexpected keys: [extra]');
    expect(msg).toContain('fc1.bias receives a shape [2], but the expected shape is [3]');
    const after = Object.fromEntries(Object.entries(b.stateDict()).map(([k, v]) => [k, Array.from(v.data)]));
    expect(after).toEqual(before);
    // dtype mismatch
    expect(() =>
      b.setStateDict({ ...b.stateDict(), scale: toTensor([1, 2, 3], { dtype: 'float64' }) }, { strict: true }),
    ).toThrow(/scale receives dtype float64, but the expected dtype is float32/);
    expect(() => b.setStateDict({ ...b.stateDict(), scale: new Float32Array(2) }, { strict: true })).toThrow(/receives 2 elements/);
    expect(() => b.setStateDict({ ...b.stateDict(), scale: [[1, 2], [3]] as never }, { strict: true })).toThrow(/rectangular/);
    expect(() => b.setStateDict({}, { strct: false } as never)).toThrow(PaddleTypeError);
  });

  it("by default (Paddle's) skips missing and mismatched keys with Paddle's warnings, loads the rest, ignores the name table", () => {
    const b = new Block();
    const lines: string[] = [];
    const prev = paddle.setLogSink((l) => lines.push(l));
    let result: [string[], string[]];
    try {
      result = b.setStateDict({
        scale: [9, 9, 9],
        'fc1.bias': [1, 2],
        extra: [0],
        'StructuredToParameterName@@': { scale: 'x' } as never,
      });
    } finally {
      paddle.setLogSink(prev);
    }
    expect(Array.from(b.scale.data)).toEqual([9, 9, 9]);
    expect(result[0]).toEqual(['fc1.weight', 'fc2.weight', 'fc1.bias']);
    expect(result[1]).toEqual(['fc1.bias', 'extra']);
    expect(lines).toEqual([
      'UserWarning: Skip loading for fc1.weight. fc1.weight is not found in the provided dict.',
      'UserWarning: Skip loading for fc1.bias. fc1.bias receives a shape [2], but the expected shape is [3].',
      'UserWarning: Skip loading for fc2.weight. fc2.weight is not found in the provided dict.',
    ]);
    // another dtype is Paddle's set_value AssertionError, before anything is written
    const before = Array.from(b.scale.data);
    expect(() => b.setStateDict({ scale: [1, 1, 1], 'fc1.bias': toTensor([1, 2, 3], { dtype: 'float64' }) })).toThrow(AssertionError);
    expect(() => b.setStateDict({ 'fc1.bias': toTensor([1, 2, 3], { dtype: 'float64' }) })).toThrow(/Variable dtype not match, Variable \[ .* \] need tensor with dtype float32  but load tensor with dtype float64/);
    expect(Array.from(b.scale.data)).toEqual(before);
  });

  it('strict: false loads what matches and reports the rest like Paddle', () => {
    const b = new Block();
    const lines: string[] = [];
    const prev = paddle.setLogSink((l) => lines.push(l));
    let missing: string[];
    let unexpected: string[];
    try {
      [missing, unexpected] = b.setStateDict({ scale: [9, 9, 9], 'fc1.bias': [1, 2], extra: [0] }, { strict: false });
    } finally {
      paddle.setLogSink(prev);
    }
    expect(lines).toHaveLength(3);
    expect(Array.from(b.scale.data)).toEqual([9, 9, 9]);
    expect(missing).toEqual(['fc1.weight', 'fc2.weight', 'fc1.bias']);
    expect(unexpected).toEqual(['fc1.bias', 'extra']);
  });
});

describe('modes, gradients and registration', () => {
  it('train()/eval() set training recursively and return the layer', () => {
    const net = new Net();
    expect(net.eval()).toBe(net);
    expect(net.sublayers({ includeSelf: true }).every((l) => !l.training)).toBe(true);
    net.train();
    expect(net.head.act.training).toBe(true);
  });

  it('clearGradients zeroes (default) or releases the gradients of trainable parameters', () => {
    const b = new Block();
    b.forward(toTensor([[1, 2]], { dtype: 'float32' })).backward();
    expect(b.fc1.weight.grad).not.toBeNull();
    b.clearGradients();
    expect(Array.from((b.fc1.weight.grad as Tensor).data).every((v) => v === 0)).toBe(true);
    b.clear_gradients({ setToZero: false });
    expect(b.fc1.weight.grad).toBeNull();
  });

  it('validates addParameter / addSublayer / registerBuffer like Paddle', () => {
    class L extends nn.Layer {}
    const l = new L();
    const p = nn.createParameter([1], 'float32');
    expect(() => l.addParameter('a.b', p)).toThrow(KeyError);
    expect(() => l.addParameter('', p)).toThrow(KeyError);
    expect(() => l.addParameter('t', toTensor([1], { dtype: 'float32' }) as never)).toThrow(PaddleTypeError);
    expect(() => l.addParameter(3 as never, p)).toThrow(PaddleTypeError);
    l.addSublayer('sub', new nn.ReLU());
    expect(() => l.addParameter('sub', p)).toThrow(KeyError);
    expect(() => l.addSublayer('x', {} as never)).toThrow(AssertionError);
    expect(() => l.registerBuffer('b.c', toTensor([1]))).toThrow(KeyError);
    expect(() => l.registerBuffer('sub', toTensor([1]))).toThrow(KeyError);
    expect(() => l.registerBuffer('q', [1] as never)).toThrow(PaddleTypeError);
    // Replacing keeps the slot; null clears it.
    l.addParameter('w', p);
    const q = nn.createParameter([1], 'float32');
    l.addParameter('w', q);
    expect(l.parameters()).toEqual([q]);
    l.addParameter('w', null);
    expect(l.parameters()).toEqual([]);
    expect(() => l.forward()).toThrow(NotImplementedError);
    expect(() => l.backward()).toThrow(ValueError);
    expect(() => new L({ name_scope: 'x' } as never)).toThrow(/nameScope/);
  });

  it('apply visits children before the layer itself', () => {
    const net = new Net();
    const seen: string[] = [];
    net.apply((l) => seen.push(l.constructor.name));
    expect(seen).toEqual(['Linear', 'Tanh', 'Sequential', 'Linear', 'ReLU', 'Linear', 'Block', 'Net']);
  });

  it('aliases are the same functions', () => {
    const l = new nn.Linear(1, 1);
    expect(l.state_dict).toBe(l.stateDict);
    expect(l.named_parameters).toBe(l.namedParameters);
    expect(l.add_sublayer).toBe(l.addSublayer);
    expect(l.set_dict).toBe(l.setStateDict);
  });
});

describe('Sequential and LayerList', () => {
  it('chains forwards, names sublayers, indexes and prints like Paddle', () => {
    const s = new nn.Sequential(new nn.Linear(2, 3), new nn.ReLU(), new nn.Linear(3, 1));
    expect(s.length).toBe(3);
    expect(s.at(-1)).toBe(s.at(2));
    expect(() => s.at(3)).toThrow(IndexError);
    const y = s.forward(toTensor([[1, 2]], { dtype: 'float32' }));
    expect(y.shape).toEqual([1, 1]);
    expect(s.toString()).toBe(
      'Sequential(\n  (0): Linear(in_features=2, out_features=3, dtype=float32)\n  (1): ReLU()\n  (2): Linear(in_features=3, out_features=1, dtype=float32)\n)',
    );
    const named = new nn.Sequential(['fc', new nn.Linear(2, 2)], ['act', new nn.Sigmoid()]);
    expect(Object.keys(named.stateDict())).toEqual(['fc.weight', 'fc.bias']);
    expect([...named].length).toBe(2);
    expect(() => new nn.Sequential(3 as never)).toThrow(AssertionError);
  });

  it('LayerList registers appended layers', () => {
    const list = new nn.LayerList([new nn.Linear(1, 1)]);
    list.append(new nn.Linear(1, 2));
    expect(list.length).toBe(2);
    expect(Object.keys(list.stateDict())).toEqual(['0.weight', '0.bias', '1.weight', '1.bias']);
    expect([...list].map((l) => l.fullName())).toEqual(['linear_0', 'linear_1']);
    expect(() => list.append({} as never)).toThrow(PaddleTypeError);
  });
});

describe('registration by assignment (Paddle __setattr__ style)', () => {
  class Ported extends nn.Layer {
    fc1: nn.Linear;
    act: nn.ReLU;
    fc2: nn.Linear;
    alpha: Parameter;
    notes = { kind: 'mlp' };
    cache: Tensor | null = null;
    constructor() {
      super();
      this.fc1 = new nn.Linear(2, 3);
      this.act = new nn.ReLU();
      this.fc2 = new nn.Linear(3, 1);
      this.alpha = this.createParameter([1]);
    }
    override forward(x: Tensor): Tensor {
      return this.fc2.forward(this.act.forward(this.fc1.forward(x)));
    }
  }

  it('registers Layer and Parameter properties under their names, in property order', () => {
    const m = new Ported();
    expect(Object.keys(m.stateDict())).toEqual(['alpha', 'fc1.weight', 'fc1.bias', 'fc2.weight', 'fc2.bias']);
    expect(m.parameters().length).toBe(5);
    expect(m.namedChildren().map((e) => e[0])).toEqual(['fc1', 'act', 'fc2']);
    expect(m.parameters({ includeSublayers: false })).toEqual([m.alpha]);
    expect(m.toString()).toContain('(fc2): Linear(in_features=3, out_features=1, dtype=float32)');
  });

  it('re-assignment replaces the entry; an explicit null clear is respected', () => {
    const m = new Ported();
    const old = m.fc2;
    m.fc2 = new nn.Linear(3, 1, { biasAttr: false });
    expect(m.children()).not.toContain(old);
    expect(Object.keys(m.stateDict())).toEqual(['alpha', 'fc1.weight', 'fc1.bias', 'fc2.weight']);
    m.addParameter('alpha', null);
    expect(Object.keys(m.stateDict())).not.toContain('alpha');
  });

  it('does not register a layer twice when it is held under another property name', () => {
    class Aliased extends nn.Layer {
      head = this.addSublayer('head', new nn.Linear(1, 1));
      same = this.head;
    }
    const a = new Aliased();
    expect(a.namedChildren().map((e) => e[0])).toEqual(['head']);
    expect(Object.keys(a.stateDict())).toEqual(['head.weight', 'head.bias']);
  });
});

describe('containers index like Paddle', () => {
  it('seq[0], list[i], length, iteration; out of range is an IndexError', () => {
    const a = new nn.Linear(2, 3);
    const b = new nn.ReLU();
    const seq = new nn.Sequential(a, b);
    expect(seq[0]).toBe(a);
    expect(seq[1]).toBe(b);
    expect(seq.at(-1)).toBe(b);
    expect(seq.length).toBe(2);
    expect([...seq]).toEqual([a, b]);
    expect(0 in seq).toBe(true);
    expect(2 in seq).toBe(false);
    expect(() => seq[2]).toThrow(IndexError);
    const list = new nn.LayerList([a]);
    list.append(b);
    expect(list[1]).toBe(b);
    expect(list.length).toBe(2);
    // the proxied container is still the layer: parameters, state dict, forward
    expect(seq.parameters()).toEqual(a.parameters());
    expect(Object.keys(seq.stateDict())).toEqual(['0.weight', '0.bias']);
    expect(seq.forward(toTensor([[1, -1]], { dtype: 'float32' })).shape).toEqual([1, 3]);
    class Net2 extends nn.Sequential {
      extra = 5;
    }
    const n2 = new Net2(new nn.Linear(1, 1));
    expect(n2.extra).toBe(5);
    expect(n2[0]).toBeInstanceOf(nn.Linear);
    expect(n2).toBeInstanceOf(nn.Sequential);
  });
});

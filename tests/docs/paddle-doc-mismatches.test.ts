/**
 * The mismatches found by porting Paddle's documentation examples (issue 18), each with Paddle's
 * documented result as the expectation. The Python example is quoted beside its TypeScript twin.
 */
import { describe, expect, it } from 'vitest';
import * as paddle from '../../src/index.js';

const { toTensor } = paddle;

describe('creation takes Tensors where Paddle does', () => {
  it('full(shape, fill_value: Tensor)', () => {
    // paddle.full([2, 1], paddle.full([1], 2.0), dtype='float32')  →  [[2.], [2.]]
    const t = paddle.full([2, 1], paddle.full([1], 2.0), { dtype: 'float32' });
    expect(t.tolist()).toEqual([[2], [2]]);
    expect(paddle.fullLike(t, paddle.full([1], 3)).tolist()).toEqual([[3], [3]]);
    expect(() => paddle.full([2], {} as never)).toThrow(paddle.errors.TypeError);
    // paddle.full(shape=[2, 4], fill_value="0.5")  →  0.5 everywhere (Python's float() of the string)
    expect(paddle.full([2], '0.5').tolist()).toEqual([0.5, 0.5]);
    expect(paddle.full([1], ' -inf ').tolist()).toEqual([-Infinity]);
    expect(paddle.fullLike(t, '1e1').tolist()).toEqual([[10], [10]]);
    expect(() => paddle.full([2], 'x')).toThrow(/could not convert string to float: "x"/);
    expect(() => paddle.full([2], paddle.ones([2]))).toThrow(/must hold one element/);
  });

  it('a shape given as a Tensor or a list holding Tensors', () => {
    // shape = paddle.to_tensor([2, 3]); paddle.zeros(shape)  /  paddle.ones([2, paddle.to_tensor(3)])
    const shape = toTensor([2, 3], { dtype: 'int64' });
    expect(paddle.zeros(shape).shape).toEqual([2, 3]);
    expect(paddle.ones([2, toTensor(3, { dtype: 'int32' })]).shape).toEqual([2, 3]);
    expect(paddle.full(shape, 1.5).shape).toEqual([2, 3]);
    expect(paddle.rand(shape).shape).toEqual([2, 3]);
    expect(paddle.randn([toTensor(4, { dtype: 'int64' })]).shape).toEqual([4]);
    expect(paddle.randint(0, 5, shape).shape).toEqual([2, 3]);
    // paddle.reshape(x, [t, 12]) with t a 1-element Tensor
    expect(paddle.reshape(paddle.zeros([2, 12]), [toTensor(2, { dtype: 'int64' }), 12]).shape).toEqual([2, 12]);
    expect(() => paddle.zeros(toTensor([2, 3]))).toThrow(/int32 or int64/);
  });

  it('arange: Tensor bounds, and the options object right after end', () => {
    // paddle.arange(paddle.to_tensor([3]), 7)  →  [3, 4, 5, 6]
    expect(paddle.arange(toTensor([3], { dtype: 'int64' }), 7).tolist()).toEqual([3, 4, 5, 6]);
    // paddle.arange(4.999, dtype='float32')  →  [0., 1., 2., 3., 4.]
    const a = paddle.arange(4.999, { dtype: 'float32' });
    expect(a.dtype).toBe('float32');
    expect(a.tolist()).toEqual([0, 1, 2, 3, 4]);
    expect(paddle.arange(1, 2, 0.5, { dtype: 'float64' }).tolist()).toEqual([1, 1.5]);
    expect(paddle.arange(0, 3, { dtype: 'float64' }).dtype).toBe('float64');
  });

  it('eye(num_rows, num_columns) takes num_columns positionally too', () => {
    // paddle.eye(2, 3, dtype='int32')  →  [[1 0 0] [0 1 0]]
    const e = paddle.eye(2, 3, { dtype: 'int32' });
    expect(e.dtype).toBe('int32');
    expect(e.tolist()).toEqual([[1, 0, 0], [0, 1, 0]]);
    expect(paddle.eye(2, { numColumns: 1 }).shape).toEqual([2, 1]);
    expect(paddle.eye(2, null).shape).toEqual([2, 2]);
    expect(() => paddle.eye(2, 3, { numColumns: 3 })).toThrow(/both positionally and in the options/);
  });
});

describe('ops take Tensors where Paddle does', () => {
  it('concat(axis: Tensor), scale(scale: Tensor)', () => {
    const x = toTensor([[1, 2]]);
    expect(paddle.concat([x, x], { axis: toTensor(0, { dtype: 'int64' }) }).shape).toEqual([2, 2]);
    expect(paddle.scale(x, { scale: toTensor(2.0), bias: 1 }).tolist()).toEqual([[3, 5]]);
  });

  it('where(condition) returns the indices of the true elements, one [n, 1] int64 Tensor per axis', () => {
    // x = paddle.to_tensor([0.9383, 0.1983, 3.2, 1.2]); paddle.where(x > 1)  →  ([[2], [3]],)
    const x = toTensor([0.9383, 0.1983, 3.2, 1.2]);
    const res = paddle.where(paddle.greaterThan(x, toTensor(1)));
    expect(res).toHaveLength(1);
    expect(res[0]?.dtype).toBe('int64');
    expect(res[0]?.tolist()).toEqual([[2], [3]]);
    const m = paddle.where(toTensor([[true, false], [false, true]]));
    expect(m.map((t) => t.tolist())).toEqual([[[0], [1]], [[0], [1]]]);
    expect(() => paddle.where(toTensor([true]), toTensor([1]) as never, undefined as never)).toThrow(/both 'x' and 'y', or neither/);
  });
});

describe('Tensor methods', () => {
  it('item(i) and item(i, j) index like Paddle; gradient(); clearGrad()', () => {
    // x = paddle.to_tensor([[1, 2, 3], [4, 5, 6]]); x.item(2) → 3; x.item(1, 2) → 6
    const x = toTensor([[1, 2, 3], [4, 5, 6]]);
    expect(x.item(2)).toBe(3);
    expect(x.item(1, 2)).toBe(6);
    expect(x.item(-1)).toBe(6);
    expect(() => x.item(6)).toThrow(paddle.errors.IndexError);
    expect(() => x.item(0, 1, 2)).toThrow(/incorrect number of indices/);
    expect(() => x.item()).toThrow(paddle.errors.ValueError);
    const w = toTensor([1, 2], { stopGradient: false });
    expect(w.gradient()).toBeNull();
    paddle.sum(paddle.multiply(w, w)).backward();
    expect(Array.from(w.gradient() ?? [])).toEqual([2, 4]);
    w.clearGrad();
    expect(Array.from(w.gradient() ?? [])).toEqual([0, 0]);
    expect(w.clearGrad).toBe(w.clear_gradient);
  });

  it("set_grad_enabled in Paddle's context form: setGradEnabled(false, () => …)", () => {
    // with paddle.set_grad_enabled(False): y = x * 2   →  y.stop_gradient is True
    const x = toTensor([1], { stopGradient: false });
    const y = paddle.setGradEnabled(false, () => paddle.multiply(x, 2));
    expect(y.stopGradient).toBe(true);
    expect(paddle.isGradEnabled()).toBe(true); // restored
    expect(() => paddle.setGradEnabled(false, () => {
      throw new Error('boom');
    })).toThrow('boom');
    expect(paddle.isGradEnabled()).toBe(true);
    expect(() => paddle.set_grad_enabled((() => 1) as never)).toThrow(/the body goes second/);
    const prev = paddle.setGradEnabled(false);
    expect(prev).toBe(true);
    expect(paddle.isGradEnabled()).toBe(false);
    paddle.setGradEnabled(true);
  });
});

describe('layers', () => {
  it('register_buffer / add_parameter / add_sublayer make layer.<name> reachable', () => {
    const l = new paddle.nn.Layer();
    const buf = toTensor([1, 2]);
    l.register_buffer('buf_name', buf);
    expect((l as unknown as { buf_name: paddle.Tensor }).buf_name).toBe(buf);
    const p = paddle.createParameter([2], 'float32');
    l.addParameter('w', p);
    expect((l as unknown as { w: paddle.Tensor }).w).toBe(p);
    const child = new paddle.nn.Linear(1, 1);
    l.addSublayer('child', child);
    expect((l as unknown as { child: paddle.nn.Layer }).child).toBe(child);
    l.register_buffer('buf_name', null);
    expect((l as unknown as { buf_name: unknown }).buf_name).toBeNull();
    // an existing property or method is never shadowed
    l.addSublayer('train', new paddle.nn.ReLU());
    expect(typeof l.train).toBe('function');
  });

  it('register_forward_pre_hook / register_forward_post_hook with a removable handle', () => {
    // Paddle's example: the pre-hook scales the input by 2, the post-hook the output by 2
    const linear = new paddle.nn.Linear(1, 1, {
      weightAttr: new paddle.ParamAttr({ initializer: new paddle.nn.initializer.Constant(1) }),
      biasAttr: new paddle.ParamAttr({ initializer: new paddle.nn.initializer.Constant(0) }),
    });
    const x = toTensor([[3]]);
    const pre = linear.register_forward_pre_hook((_l, inputs) => [paddle.multiply(inputs[0] as paddle.Tensor, 2)]);
    expect(linear.forward(x).tolist()).toEqual([[6]]);
    const post = linear.registerForwardPostHook((_l, _in, out) => paddle.multiply(out as paddle.Tensor, 2));
    expect(linear.forward(x).tolist()).toEqual([[12]]);
    pre.remove();
    expect(linear.forward(x).tolist()).toEqual([[6]]);
    post.remove();
    expect(linear.forward(x).tolist()).toEqual([[3]]);
    expect(() => linear.registerForwardPreHook(5 as never)).toThrow(paddle.errors.TypeError);
  });
});

describe('containers', () => {
  it('LayerList.insert renumbers like Paddle; a named Sequential child is an attribute', () => {
    // linears = paddle.nn.LayerList([paddle.nn.Linear(10, 10) for i in range(10)])
    // another = paddle.nn.Linear(10, 10); linears.insert(3, another); linears[3] is another → True
    const linears = new paddle.nn.LayerList(Array.from({ length: 10 }, () => new paddle.nn.Linear(10, 10)));
    const another = new paddle.nn.Linear(10, 10);
    const before = linears.at(3);
    linears.insert(3, another);
    expect(linears[3]).toBe(another);
    expect(linears[4]).toBe(before);
    expect(linears.length).toBe(11);
    expect(linears.namedChildren().map(([n]) => n)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(linears.parameters()[6]).toBe(another.weight);
    linears.insert(-1, new paddle.nn.ReLU());
    expect(linears.at(-2)).toBeInstanceOf(paddle.nn.ReLU);
    // model = paddle.nn.Sequential(('l1', paddle.nn.Linear(10, 2)), ('l2', paddle.nn.Linear(2, 3))); model['l1']
    const l1 = new paddle.nn.Linear(10, 2);
    const model = new paddle.nn.Sequential(['l1', l1], ['l2', new paddle.nn.Linear(2, 3)]);
    expect((model as unknown as Record<string, unknown>)['l1']).toBe(l1);
    expect(model[0]).toBe(l1);
  });
});

describe('the uint8 dtype', () => {
  it("cast(x, 'uint8'): Paddle's example, C's conversion (truncate, wrap modulo 256, NaN → 0)", () => {
    // x = paddle.to_tensor([2, 3, 4], 'float64'); y = paddle.cast(x, 'uint8')  →  uint8 [2, 3, 4]
    const x = toTensor([2, 3, 4], { dtype: 'float64' });
    const y = paddle.cast(x, 'uint8');
    expect(y.dtype).toBe('uint8');
    expect(y.data).toBeInstanceOf(Uint8Array);
    expect(y.tolist()).toEqual([2, 3, 4]);
    expect(paddle.cast(toTensor([-1, 256.7, NaN, 255.9, 3.99]), 'paddle.uint8').tolist()).toEqual([255, 0, 0, 255, 3]);
    expect(String(y)).toBe('Tensor(shape=[3], dtype=uint8, stop_gradient=true,\n       [2,3,4])');
    expect(paddle.cast(y, 'float32').tolist()).toEqual([2, 3, 4]);
    expect(paddle.cast(toTensor([0, 7]), 'uint8').astype('bool').tolist()).toEqual([false, true]);
  });

  it('a Uint8Array becomes uint8; arithmetic wraps in uint8 and promotes like Paddle (uint8 op int32 → int32)', () => {
    const a = toTensor(new Uint8Array([200, 100]));
    expect(a.dtype).toBe('uint8');
    const twice = paddle.add(a, a);
    expect(twice.dtype).toBe('uint8');
    expect(twice.tolist()).toEqual([144, 200]);
    const wide = paddle.add(a, toTensor([1, 1], { dtype: 'int32' }));
    expect(wide.dtype).toBe('int32');
    expect(wide.tolist()).toEqual([201, 101]);
    expect(paddle.multiply(a, toTensor(0.5)).dtype).toBe('float32');
    expect(paddle.max(a).item()).toBe(200);
    expect(toTensor([1, 300], { dtype: 'uint8' }).tolist()).toEqual([1, 44]);
  });

  it('saves and loads as uint8 (pickle |u1 and safetensors U8)', () => {
    const a = toTensor(new Uint8Array([0, 1, 255]));
    for (const format of ['pickle', 'safetensors'] as const) {
      const back = paddle.loadBytes(paddle.saveBytes({ a }, { format })) as Record<string, paddle.Tensor>;
      expect(back['a']?.dtype).toBe('uint8');
      expect(back['a']?.tolist()).toEqual([0, 1, 255]);
    }
  });
});

describe('item() of a bool tensor is a boolean', () => {
  it('toTensor(true).item() is true (Paddle: True); numbers stay numbers', () => {
    // paddle.to_tensor(True).item()  →  True
    expect(toTensor(true).item()).toBe(true);
    const m = toTensor([[true, false], [false, true]]);
    expect(m.item(1)).toBe(false);
    expect(m.item(1, 1)).toBe(true);
    expect(toTensor(1.5).item()).toBe(1.5);
    expect(toTensor([0], { dtype: 'uint8' }).item()).toBe(0);
  });
});

describe('x.grad', () => {
  it("has stop_gradient False, as Paddle's examples print it", () => {
    // x = paddle.to_tensor([[0.2, 0.9]], dtype='float64', stop_gradient=False); paddle.max(x).backward()
    // x.grad  →  Tensor(shape=[1, 2], dtype=float64, place=Place(cpu), stop_gradient=False, [[0., 1.]])
    const x = toTensor([[0.2, 0.9]], { dtype: 'float64', stopGradient: false });
    paddle.max(x).backward();
    const g = x.grad as paddle.Tensor;
    expect(g.stopGradient).toBe(false);
    expect(g.tolist()).toEqual([[0, 1]]);
  });
});

describe('unique_name.guard with a prefix', () => {
  it("guard('A', fn): the names generated inside start with A (Paddle: Afc_0)", () => {
    // with paddle.utils.unique_name.guard('A'): name_1 = paddle.utils.unique_name.generate('fc')  →  Afc_0
    const { unique_name: un } = paddle.utils;
    expect(un.guard('A', () => un.generate('fc'))).toBe('Afc_0');
    expect(un.guard('B', () => [un.generate('fc'), un.generate('fc')])).toEqual(['Bfc_0', 'Bfc_1']);
    expect(un.guard(() => un.generate('fc'))).toBe('fc_0');
    expect(un.guard('A', () => un.guard(() => un.generate('fc')))).toBe('fc_0');
    expect(() => un.guard(1 as never, () => 0)).toThrow(paddle.errors.TypeError);
  });
});

describe('dropout(x, { axis })', () => {
  it('draws one mask value per index of the given axes and shares it along the others (Paddle: dropout(x, axis=0))', () => {
    const x = toTensor(Array.from({ length: 40 }, (_, i) => Array.from({ length: 30 }, (_, j) => i * 30 + j + 1)), { stopGradient: false });
    const rows = paddle.nn.functional.dropout(x, { axis: 0 });
    const r = rows.tolist() as number[][];
    for (const [i, row] of r.entries()) {
      const src = (x.tolist() as number[][])[i] as number[];
      expect(row.every((v) => v === 0) || row.every((v, j) => v === (src[j] as number) * 2)).toBe(true);
    }
    expect(r.some((row) => row[0] === 0)).toBe(true);
    expect(r.some((row) => row[0] !== 0)).toBe(true);
    paddle.sum(rows).backward();
    const g = (x.grad as paddle.Tensor).tolist() as number[][];
    g.forEach((row, i) => expect(row.every((v) => v === ((r[i] as number[])[0] === 0 ? 0 : 2))).toBe(true));
    const cols = paddle.nn.functional.dropout(x, 0.5, { axis: [1] }).tolist() as number[][];
    for (let j = 0; j < 30; j++) {
      const zero = (cols[0] as number[])[j] === 0;
      expect(cols.every((row) => (row[j] === 0) === zero)).toBe(true);
    }
    expect(paddle.nn.functional.dropout(x, { axis: [0, 1], training: false }).tolist()).toEqual(x.tolist());
    expect(String(new paddle.nn.Dropout(0.5, { axis: 0 }))).toBe('Dropout(p=0.5, axis=0, mode=upscale_in_train)');
    expect(() => paddle.nn.functional.dropout(x, { axis: [0, 0] })).toThrow(/repeated axis/);
    expect(() => paddle.nn.functional.dropout(x, { axis: 2 })).toThrow(paddle.errors.ValueError);
  });
});

describe('paddle.nn.Silu', () => {
  it("is Paddle's spelling of the SiLU layer", () => {
    // m = paddle.nn.Silu(); m(paddle.to_tensor([1.0, 2.0]))  →  [0.73105860, 1.76159406]
    expect(paddle.nn.Silu).toBe(paddle.nn.SiLU);
    const out = new paddle.nn.Silu().forward(toTensor([1.0, 2.0]));
    expect(out.tolist()).toEqual([Math.fround(1 / (1 + Math.exp(-1))), Math.fround(2 / (1 + Math.exp(-2)))]);
  });
});

describe('ParameterList.set', () => {
  it('replaces the entry at that index when one Parameter sits at several (Python: [p] * 4)', () => {
    // params = paddle.nn.ParameterList([p] * 4); params[3] = q  →  the last entry is q
    const p = paddle.createParameter([2, 2], 'float32');
    const q = paddle.createParameter([2, 3], 'float32');
    const list = new paddle.nn.ParameterList([p, p, p, p]);
    list.set(3, q);
    expect([...list]).toEqual([p, p, p, q]);
    list.set(-4, q);
    expect([...list]).toEqual([q, p, p, q]);
    expect(() => list.set(4, q)).toThrow(paddle.errors.IndexError);
  });
});

describe('cross_entropy with label_smoothing', () => {
  // Expected from NumPy, following Paddle's code: one_hot (float32) → label_smooth in the label's
  // dtype (ε a float32 attribute) → soft-label cross entropy.
  const x = toTensor([[0.1, 0.5, 0.9], [0.3, 0.2, 0.8]], { dtype: 'float64' });
  it('a float one-hot label of the input shape is smoothed like integer labels (Paddle: both print 1.08317309)', () => {
    const ids = toTensor([2, 0], { dtype: 'int64' });
    const oneHot = paddle.nn.functional.one_hot(ids, 3).astype('float32');
    const a = paddle.nn.functional.cross_entropy(x, ids, { labelSmoothing: 0.4 });
    const b = paddle.nn.functional.cross_entropy(x, oneHot, { labelSmoothing: 0.4 });
    expect(a.item()).toBeCloseTo(1.0629333975193687, 14);
    expect(b.item()).toBeCloseTo(1.0629333975193687, 14);
    expect(() => paddle.nn.functional.cross_entropy(x, oneHot)).toThrow(/hard labels must be an int32 or int64 tensor/);
  });
  it('softLabel with labelSmoothing smooths the given distribution too', () => {
    const soft = toTensor([[0.2, 0.3, 0.5], [0.6, 0.1, 0.3]], { dtype: 'float64' });
    expect(paddle.nn.functional.cross_entropy(x, soft, { softLabel: true, labelSmoothing: 0.4 }).item()).toBeCloseTo(1.1049334142325116, 14);
  });
});

describe("sigmoid and softplus round like Paddle's kernels", () => {
  const digits = (t: paddle.Tensor): string[] => Array.from(t.data, (v) => v.toFixed(8));
  it('sigmoid: 1 / (1 + exp(-x)), each operation in the dtype', () => {
    // paddle.nn.Sigmoid()(paddle.to_tensor([1.0, 2.0, 3.0, 4.0]))  →  [0.73105860, 0.88079703, 0.95257413, 0.98201376]
    expect(digits(paddle.sigmoid(toTensor([1, 2, 3, 4])))).toEqual(['0.73105860', '0.88079703', '0.95257413', '0.98201376']);
    const x = toTensor([-800, -3, 0.5, 40], { dtype: 'float64' });
    expect(Array.from(paddle.sigmoid(x).data)).toEqual([-800, -3, 0.5, 40].map((v) => 1 / (1 + Math.exp(-v))));
  });
  it('softplus: log(1 + exp(x·β)) / β below the threshold, x above', () => {
    // F.softplus(paddle.to_tensor([-0.4, -0.2, 0.1, 0.3]))  →  [0.51301527, 0.59813893, 0.74439669, 0.85435522]
    expect(digits(paddle.nn.functional.softplus(toTensor([-0.4, -0.2, 0.1, 0.3])))).toEqual(['0.51301527', '0.59813893', '0.74439669', '0.85435522']);
    const y = paddle.nn.functional.softplus(toTensor([-1, 0, 25], { dtype: 'float64' }), { beta: 2, threshold: 40 });
    expect(Array.from(y.data)).toEqual([Math.log(1 + Math.exp(-2)) / 2, Math.log(2) / 2, 25]);
  });
});

describe('Tensor.retain_grads', () => {
  it("keeps a non-leaf's gradient in .grad (Paddle's clone example: clone_x.grad is [3., 3.])", () => {
    // x = paddle.ones([2]); x.stop_gradient = False; clone_x = paddle.clone(x); clone_x.retain_grads()
    // (clone_x ** 3).backward(); clone_x.grad  →  [3., 3.]; x.grad  →  [3., 3.]
    const x = paddle.ones([2]);
    x.stopGradient = false;
    const cloneX = x.clone();
    cloneX.retain_grads();
    expect(cloneX.retainsGrad).toBe(true);
    paddle.pow(cloneX, 3).backward(null, { retainGraph: true });
    expect((cloneX.grad as paddle.Tensor).tolist()).toEqual([3, 3]);
    expect((x.grad as paddle.Tensor).tolist()).toEqual([3, 3]);
    paddle.pow(cloneX, 3).backward(); // a second graph over the same non-leaf accumulates
    expect((cloneX.grad as paddle.Tensor).tolist()).toEqual([6, 6]);
    const other = paddle.multiply(x, toTensor(2));
    paddle.sum(other).backward();
    expect(other.grad).toBeNull(); // without retain_grads a non-leaf keeps nothing
  });
});

describe('uint8 in protocol 2/3 checkpoints', () => {
  it('splits a big uint8 array by its 1-byte elements (Paddle: _unpack_saved_dict uses the itemsize)', async () => {
    const { unpackSavedDict } = await import('../../src/io/save-load.js');
    const big = paddle.io.ndarray(new Uint8Array(10), [10], 'uint8');
    const out = unpackSavedDict(new Map([['w', big]]), 2, 4); // 4 bytes at most: slices of 4 elements
    expect([...out.keys()].filter((k) => String(k).startsWith('w@@.'))).toEqual(['w@@.0', 'w@@.1', 'w@@.2']);
  });
});

import { describe, expect, it } from 'vitest';
import * as paddle from '../../src/index.js';
import { AssertionError, RuntimeError, ValueError } from '../../src/errors.js';
import { noGrad } from '../../src/tensor/autograd.js';
import { toTensor, zeros } from '../../src/tensor/creation.js';
import { Parameter } from '../../src/tensor/parameter.js';
import { SelectedRows } from '../../src/tensor/selected-rows.js';
import { Tensor } from '../../src/tensor/tensor.js';

// Minimal local ops so the engine is tested independently of src/ops.
function scale(x: Tensor, s: number): Tensor {
  const d = x.data;
  const out = new Float64Array(d.length);
  for (let i = 0; i < d.length; i++) out[i] = (d[i] as number) * s;
  return Tensor.fromOp('scale', x.dtype === 'float32' ? Float32Array.from(out) : out, x.shape, x.dtype, [x], (g) => [
    Float64Array.from(g, (v) => v * s),
  ]);
}
function addT(a: Tensor, b: Tensor): Tensor {
  const out = Float64Array.from(a.data, (v, i) => v + (b.data[i] as number));
  return Tensor.fromOp('add', out, a.shape, 'float64', [a, b], (g) => [g, g]);
}

function param(values: number[], name: string): Parameter {
  const p = new Parameter([values.length], 'float64', { name });
  p.data.set(values);
  return p;
}

describe('autograd engine', () => {
  it('seeds a non-scalar output with ones and accumulates with += across backward calls', () => {
    const p = param([1, 2, 3], 'p_seed');
    scale(p, 3).backward();
    expect(Array.from((p.grad as Tensor).data)).toEqual([3, 3, 3]);
    scale(p, 2).backward();
    expect(Array.from((p.grad as Tensor).data)).toEqual([5, 5, 5]);
  });

  it('sums gradients of a tensor used twice (diamond)', () => {
    const p = param([1, 2], 'p_diamond');
    const a = scale(p, 2);
    addT(a, a).backward();
    expect(Array.from((p.grad as Tensor).data)).toEqual([4, 4]);
  });

  it('walks a 100,000-node chain without overflowing the stack', () => {
    const p = param([1], 'p_chain');
    let x: Tensor = p;
    for (let i = 0; i < 100_000; i++) x = scale(x, 1);
    x.backward();
    expect((p.grad as Tensor).data[0]).toBe(1);
  });

  it('raises on a second backward through a freed graph unless retainGraph', () => {
    const p = param([1], 'p_retain');
    const y = scale(p, 2);
    y.backward(null, { retainGraph: true });
    y.backward();
    expect((p.grad as Tensor).data[0]).toBe(4);
    expect(() => y.backward()).toThrow(RuntimeError);
  });

  it('records nothing under noGrad and for stopGradient inputs', () => {
    const p = param([1], 'p_nograd');
    const y = noGrad(() => scale(p, 2));
    expect(y.stopGradient).toBe(true);
    expect(y.gradNode).toBeNull();
    const c = toTensor([1, 2], { dtype: 'float64' });
    expect(scale(c, 2).gradNode).toBeNull();
  });

  it('clearGradient(true) zeroes and keeps; the next backward overwrites; false releases', () => {
    const p = param([1, 1], 'p_clear');
    scale(p, 2).backward();
    p.clearGradient();
    expect(p.hasGrad()).toBe(true);
    expect(Array.from((p.grad as Tensor).data)).toEqual([0, 0]);
    scale(p, 3).backward();
    expect(Array.from((p.grad as Tensor).data)).toEqual([3, 3]);
    p.clearGradient(false);
    expect(p.grad).toBeNull();
  });

  it('accumulates row-sparse gradients by concatenation, keeping duplicates', () => {
    const p = new Parameter([4, 2], 'float32', { name: 'emb_sparse' });
    const g1 = new SelectedRows([1, 1], Float32Array.from([1, 2, 3, 4]), 4, 2, 'float32');
    const g2 = new SelectedRows([3], Float32Array.from([5, 6]), 4, 2, 'float32');
    p.accumulateGrad(g1);
    p.accumulateGrad(g2);
    const g = p.grad as SelectedRows;
    expect(g.rows).toEqual([1, 1, 3]);
    expect(Array.from(g.merge().values)).toEqual([4, 6, 5, 6]);
    expect(Array.from(g.toDenseArray())).toEqual([0, 0, 4, 6, 0, 0, 5, 6]);
  });

  it('validates setValue and setGrad before writing', () => {
    const p = param([1, 2, 3], 'p_set');
    // Paddle's set_value: AssertionError for another shape or dtype, nothing written
    expect(() => p.setValue([1, 2])).toThrow(AssertionError);
    expect(() => p.setValue([1, 2])).toThrow('Variable Shape not match, Variable [ p_set ] need tensor with shape [3] but load set tensor with shape [2]');
    expect(() => p.setValue(toTensor([[1, 2, 3]], { dtype: p.dtype }))).toThrow(/Variable Shape not match/);
    expect(() => p.setValue(toTensor([1, 2, 3], { dtype: 'float32' }))).toThrow(AssertionError);
    expect(() => p.setValue(toTensor([1, 2, 3], { dtype: 'float32' }))).toThrow(`Variable dtype not match, Variable [ p_set ] need tensor with dtype ${p.dtype}  but load tensor with dtype float32`);
    expect(() => p.setValue(new Int32Array(3))).toThrow(/need tensor with dtype float64  but load tensor with dtype a Int32Array/);
    expect(() => p.setValue(new Float64Array(2))).toThrow(/Variable Shape not match/);
    expect(() => p.setValue([[1], [2, 3]])).toThrow(ValueError);
    expect(Array.from(p.data)).toEqual([1, 2, 3]);
    p.setValue(new Float64Array([4, 5, 6]));
    p.setValue(toTensor([7, 8, 9], { dtype: 'float64' }));
    expect(Array.from(p.data)).toEqual([7, 8, 9]);
    expect(() => p.setGrad(zeros([2], { dtype: 'float64' }))).toThrow(ValueError);
    expect(p.grad).toBeNull();
  });
});

describe('toTensor', () => {
  it('infers dtypes: JS numbers are float (1 and 1.0 are one value), bigints and integer arrays are integer', () => {
    expect(toTensor(1.5).dtype).toBe('float32');
    // Paddle's to_tensor([1.0, 2.0]) is float32; JS cannot tell [1, 2] from [1.0, 2.0]
    expect(toTensor([1, 2]).dtype).toBe('float32');
    expect(toTensor([[1, 2], [3, 4]]).dtype).toBe('float32');
    expect(toTensor([1, 2], { dtype: 'int64' }).dtype).toBe('int64');
    expect(toTensor([1n, 2n]).dtype).toBe('int64');
    expect([...toTensor([[1n], [-3n]]).numpy()]).toEqual([1, -3]);
    expect(toTensor([1n, 2.5]).dtype).toBe('float32');
    expect(toTensor(new Int32Array([1])).dtype).toBe('int32');
    expect(toTensor(new BigInt64Array([1n])).dtype).toBe('int64');
    expect(toTensor([]).dtype).toBe('float32');
    expect(() => toTensor([2n ** 60n])).toThrow(ValueError);
    // the default float dtype follows set_default_dtype
    paddle.setDefaultDType('float64');
    try {
      expect(toTensor([1, 2]).dtype).toBe('float64');
    } finally {
      paddle.setDefaultDType('float32');
    }
    // a float label or id says how to make an integer one
    const logits = toTensor([[1, 2]], { stopGradient: false });
    expect(() => paddle.nn.functional.crossEntropy(logits, toTensor([1]))).toThrow(/toTensor\(labels, \{ dtype: 'int64' \}\)/);
    expect(() => new paddle.nn.Embedding(3, 2).forward(toTensor([1]))).toThrow(/toTensor\(ids, \{ dtype: 'int64' \}\)/);
    expect(toTensor([true, false]).dtype).toBe('bool');
    expect(toTensor(new Float64Array([1])).dtype).toBe('float64');
    expect(toTensor([[1, 2], [3, 4]], { dtype: 'float64' }).shape).toEqual([2, 2]);
  });
  it('rejects ragged arrays, unknown options and int64 beyond 2^53', () => {
    expect(() => toTensor([[1, 2], [3]])).toThrow(ValueError);
    expect(() => toTensor([1], { stop_gradient: false } as never)).toThrow(/stopGradient/);
    expect(() => toTensor([2 ** 60], { dtype: 'int64' })).toThrow(ValueError);
  });
});

describe('Paddle spellings on Tensor', () => {
  it('are the same functions and accessors', () => {
    const t = toTensor([1, 2], { dtype: 'float32', stopGradient: false });
    expect(Tensor.prototype.set_value).toBe(Tensor.prototype.setValue);
    expect(Tensor.prototype.clear_gradient).toBe(Tensor.prototype.clearGradient);
    expect(t.is_leaf).toBe(true);
    expect(t.stop_gradient).toBe(false);
    t.stop_gradient = true;
    expect(t.stopGradient).toBe(true);
    t.set_value([3, 4]);
    expect(Array.from(t.numpy())).toEqual([3, 4]);
  });
});

describe("Paddle's backward(grad_tensor, retain_graph) and detach()", () => {
  it('takes the options first or last, or retain_graph positionally; a retained graph accumulates', () => {
    const x = toTensor([1, 2], { dtype: 'float64', stopGradient: false });
    const y = paddle.sum(paddle.multiply(x, x));
    y.backward({ retainGraph: true });
    expect(Array.from((x.grad as Tensor).data)).toEqual([2, 4]);
    y.backward(null, true);
    expect(Array.from((x.grad as Tensor).data)).toEqual([4, 8]);
    y.backward(undefined, { retainGraph: false });
    expect(Array.from((x.grad as Tensor).data)).toEqual([6, 12]);
    expect(() => y.backward()).toThrow(RuntimeError); // the graph was freed
    const z = paddle.multiply(x, x);
    z.backward(toTensor([1, 0], { dtype: 'float64' }), { retainGraph: true });
    expect(Array.from((x.grad as Tensor).data)).toEqual([8, 12]);
    expect(() => z.backward({ retainGraph: true }, { retainGraph: true } as never)).toThrow(/options go last/);
    expect(() => z.backward(5 as never)).toThrow(/must be a Tensor or null/);
    expect(() => z.backward({ retain_graph: true } as never)).toThrow(/Did you mean 'retainGraph'/);
  });

  it('detach() shares memory with its source and owns none of it', () => {
    const p = param([1, 2, 3], 'p_detach');
    const d = p.detach();
    expect(d.stopGradient).toBe(true);
    expect(d.isLeaf).toBe(true);
    d.data[0] = 42;
    expect(p.data[0]).toBe(42);
    p.setValue([7, 8, 9]);
    expect(Array.from(d.data)).toEqual([7, 8, 9]);
    expect(Array.from(paddle.detach(p).data)).toEqual([7, 8, 9]);
    d.dispose(); // frees nothing
    expect(Array.from(p.data)).toEqual([7, 8, 9]);
    const d2 = p.detach();
    p.dispose();
    expect(() => d2.numpy()).toThrow(/p_detach' was disposed/);
  });
});

/**
 * linalg.norm's singular-value matrix norms (p = 2, -2, 'nuc'), issue 18: Paddle's documentation
 * example computes `paddle.linalg.norm(x, p=2, axis=[0, 1])`. Expected values from NumPy
 * (np.linalg.svd in float64); gradients against central differences.
 */
import { describe, expect, it } from 'vitest';
import * as paddle from '../../src/index.js';
import { singularValues } from '../../src/ops/norm.js';

const A = [[1, 2, 3], [4, 5, 6]];
const B = [[2, -1, 0.5], [0, 3, 1], [1, 1, -2], [0.5, 0, 1]];

describe('norm: p = 2, -2, nuc over two axes', () => {
  it.each([
    ['2x3', A, 9.508032000695724, 0.7728696356734843, 10.280901636369208],
    ['4x3', B, 3.3520037007336283, 2.224127304441168, 8.089560718516175],
    ['3x4', B[0]?.map((_, j) => B.map((row) => row[j] as number)) as number[][], 3.3520037007336283, 2.2241273044411685, 8.089560718516175],
  ])('%s matches NumPy to 1e-14', (_name, m, s2, sMin, nuc) => {
    const x = paddle.toTensor(m, { dtype: 'float64' });
    expect(paddle.linalg.norm(x, 2, { axis: [0, 1] }).item()).toBeCloseTo(s2, 13);
    expect(paddle.linalg.norm(x, -2, { axis: [0, 1] }).item()).toBeCloseTo(sMin, 13);
    expect(paddle.linalg.norm(x, 'nuc', { axis: [0, 1] }).item()).toBeCloseTo(nuc, 13);
    expect(paddle.linalg.norm(x, 'nuc').item()).toBeCloseTo(nuc, 13); // a 2-D x: the whole matrix
  });

  it('reduces any two axes of an N-d tensor, keepdim included (the documentation example)', () => {
    const x = paddle.subtract(paddle.arange(24, { dtype: 'float64' }).reshape([2, 3, 4]), paddle.toTensor(12, { dtype: 'float64' }));
    const out = paddle.linalg.norm(x, 2, { axis: [0, 1] });
    expect(out.shape).toEqual([4]);
    const np = [15.758577240041005, 14.979789817634241, 14.696938456699069, 14.979789817634241];
    Array.from(out.data).forEach((v, i) => expect(v).toBeCloseTo(np[i] as number, 12));
    expect(paddle.linalg.norm(x, 2, { axis: [1, 0], keepdim: true }).shape).toEqual([1, 1, 4]);
  });

  it.each([2, -2, 'nuc'] as const)('p = %s: the gradient matches central differences', (p) => {
    const data = B.flat();
    const f = (v: number[]): number => paddle.linalg.norm(paddle.toTensor(v, { dtype: 'float64' }).reshape([4, 3]), p, { axis: [0, 1] }).item() as number;
    const x = paddle.toTensor(data, { dtype: 'float64', stopGradient: false });
    paddle.linalg.norm(x.reshape([4, 3]), p, { axis: [0, 1] }).backward();
    const g = Array.from((x.grad as paddle.Tensor).data);
    const h = 1e-6;
    data.forEach((_, i) => {
      const up = [...data];
      const dn = [...data];
      up[i] = (up[i] as number) + h;
      dn[i] = (dn[i] as number) - h;
      expect(g[i]).toBeCloseTo((f(up) - f(dn)) / (2 * h), 6);
    });
  });

  it('singularValues reconstructs the matrix: a = Σ s_i u_i v_iᵀ', () => {
    const a = Float64Array.from(B.flat());
    const { s, u, v, k } = singularValues(a, 4, 3);
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 3; j++) {
        let acc = 0;
        for (let l = 0; l < k; l++) acc += (s[l] as number) * (u[l * 4 + i] as number) * (v[l * 3 + j] as number);
        expect(acc).toBeCloseTo(a[i * 3 + j] as number, 13);
      }
    }
    expect(Array.from(s)).toEqual([...s].sort((p, q) => q - p));
  });
});

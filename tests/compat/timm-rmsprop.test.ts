/**
 * compat.timm.RMSpropTF against timm/optim/rmsprop_tf.py `RMSpropTF.step` (timm 0.9/1.0, the
 * single-tensor path) run on real PyTorch 1.13 tensors by scripts/gen-compat-fixtures.py
 * (`timm_run`: the same `add_(alpha=)`, `addcmul`, `addcdiv_`, `mul_` calls as timm): 7 steps
 * per case, parameters and state bit for bit, float32.
 *
 * The same runs saved by `torch.save({'params', 'optimizer': opt.state_dict()})` after 3 steps
 * (tests/fixtures/compat/timm_<case>.pt) continue here through `loadStateDict` and match the next
 * 4 steps bit for bit.
 *
 * Where it is reproducible: PyTorch's AVX2 CPU kernels (GCC, fused multiply-add for
 * `add_(x, alpha=a)` and the contracted `addcmul`, as src/compat/torch.ts models them). A PyTorch
 * without FMA rounds those products separately: then expect up to 1 ulp per step (the bound
 * tests/compat/torch-rmsprop.test.ts measured for the same kernels).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TypeError as PaddleTypeError, ValueError } from '../../src/errors.js';
import { RMSpropTF, type RMSpropTFOptions } from '../../src/compat/timm.js';
import { SelectedRows } from '../../src/tensor/selected-rows.js';
import type { RMSpropStateDict } from '../../src/compat/torch.js';
import { loadTorchBytes, loadTorchSync, saveTorchBytes } from '../../src/io/torch.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { diff, FIXTURES, gradsAt, initialParams, loadCases, type Case } from './compat-fixtures.js';

const cases = loadCases('timm');

type RMSpropTFStateDictLike = RMSpropStateDict & { param_groups: Record<string, unknown>[] };

function options(c: Case): RMSpropTFOptions {
  const camel: Record<string, string> = { weight_decay: 'weightDecay', decoupled_decay: 'decoupledDecay', lr_in_momentum: 'lrInMomentum' };
  return Object.fromEntries(Object.entries(c.hyper).map(([k, v]) => [camel[k] ?? k, v])) as RMSpropTFOptions;
}

describe('compat.timm.RMSpropTF: timm on PyTorch 1.13', () => {
  it("has the generator's cases", () => {
    expect(cases.map((c) => c.name)).toEqual(['plain', 'momentum_lr_in_momentum', 'momentum_lr_outside', 'centered_momentum_decay', 'decoupled_decay']);
  });

  for (const c of cases) {
    it(`${c.name}: every step bit for bit, and the state`, () => {
      const params = initialParams(c);
      const opt = new RMSpropTF(params, options(c));
      c.params.forEach((want, t) => {
        const g = gradsAt(c, t);
        params.forEach((p, i) => p.setGrad(g[i] as Tensor));
        opt.step();
        expect(diff(`step ${t + 1}`, params, want)).toEqual([]);
      });
      for (const [k, want] of Object.entries(c.state)) {
        const st = params.map((p) => opt.state.get(p)?.[k as 'square_avg' | 'momentum_buffer' | 'grad_avg'] as Tensor);
        expect(diff(k, st, want)).toEqual([]);
      }
      expect(opt.state.get(params[0] as Tensor)?.step).toBe(c.params.length);
    });
  }

  for (const c of cases) {
    it(`${c.name}: a run saved by torch.save after 3 steps continues here bit for bit (and through stateDict → saveTorch → loadTorch)`, () => {
      const ck = loadTorchSync<{ params: Tensor[]; optimizer: RMSpropStateDict }>(join(FIXTURES, `timm_${c.name}.pt`));
      expect(ck.optimizer.param_groups[0]).toMatchObject({ lr_in_momentum: c.hyper.lr_in_momentum ?? true, decoupled_decay: c.hyper.decoupled_decay ?? false });
      const params = ck.params;
      const opt = new RMSpropTF(params); // the hyper-parameters come from the state dict
      opt.loadStateDict(ck.optimizer);
      // a second optimizer restored from this one's state dict, through a torch.save-format file
      const twin = params.map((p) => p.clone());
      const opt2 = new RMSpropTF(twin);
      opt2.loadStateDict(loadTorchBytes<RMSpropStateDict>(saveTorchBytes(opt.stateDict())));
      for (let t = 3; t < c.params.length; t++) {
        const g = gradsAt(c, t);
        params.forEach((p, i) => p.setGrad(g[i] as Tensor));
        twin.forEach((p, i) => p.setGrad((g[i] as Tensor).clone()));
        opt.step();
        opt2.step();
        expect(diff(`step ${t + 1}`, params, c.params[t] as number[][])).toEqual([]);
        expect(diff(`twin step ${t + 1}`, twin, c.params[t] as number[][])).toEqual([]);
      }
      expect(opt.state.get(params[0] as Tensor)?.step).toBe(c.params.length);
    });
  }

  it('loadStateDict refuses a mismatched state dict and changes nothing', () => {
    const c = cases[1] as Case;
    const ck = loadTorchSync<{ params: Tensor[]; optimizer: RMSpropTFStateDictLike }>(join(FIXTURES, `timm_${c.name}.pt`));
    const opt = new RMSpropTF(ck.params);
    const bad = { ...ck.optimizer, param_groups: [{ ...ck.optimizer.param_groups[0], alpha: Number.NaN }] };
    expect(() => opt.loadStateDict(bad as RMSpropStateDict)).toThrow(PaddleTypeError);
    const wrongShape = { ...ck.optimizer, state: { '0': { step: 3, square_avg: Tensor.fromArray(new Float32Array(2), [2], 'float32') } } };
    expect(() => opt.loadStateDict(wrongShape as RMSpropStateDict)).toThrow(/must be a Tensor of shape \[3, 5\]/);
    expect(() => opt.loadStateDict({ state: {}, param_groups: [] })).toThrow('loaded state dict has a different number of parameter groups');
    expect(opt.state.size).toBe(0);
    expect(opt.paramGroups[0]?.alpha).toBe(0.9);
  });

  it('parameter groups keep their own hyper-parameters; zeroGrad clears', () => {
    const c = cases[1] as Case;
    const [a, b] = initialParams(c) as [Tensor, Tensor];
    const opt = new RMSpropTF([{ params: [a] }, { params: [b], lr: 0.5 }], options(c));
    expect(opt.paramGroups.map((g) => g.lr)).toEqual([0.016, 0.5]);
    opt.zeroGrad({ setToNone: true });
    expect(a.grad).toBeNull();
  });

  it('refuses bad options, sparse gradients and repeated parameters, changing nothing', () => {
    const c = cases[0] as Case;
    const params = initialParams(c);
    expect(() => new RMSpropTF(params, { rho: 0.9 } as unknown as RMSpropTFOptions)).toThrow(PaddleTypeError);
    expect(() => new RMSpropTF(params, { lr_in_momentum: false } as unknown as RMSpropTFOptions)).toThrow(/Did you mean 'lrInMomentum'/);
    expect(() => new RMSpropTF(params, { eps: Number.NaN })).toThrow(PaddleTypeError);
    expect(() => new RMSpropTF(params, { lr: -1 })).toThrow(ValueError);
    expect(() => new RMSpropTF([])).toThrow('optimizer got an empty parameter list');
    expect(() => new RMSpropTF([{ params }, { params: [params[0] as Tensor] }])).toThrow('some parameters appear in more than one parameter group');
    // the sparse gradient is on the second parameter: the first must not have moved either
    const table = Tensor.fromArray(new Float32Array(10).fill(1), [2, 5], 'float32');
    const both = [params[0] as Tensor, table];
    const opt = new RMSpropTF(both);
    const before = both.map((p) => Array.from(p.data));
    (params[0] as Tensor).setGrad(gradsAt(c, 0)[0] as Tensor);
    table.setGrad(new SelectedRows([1], new Float32Array(5).fill(1), 2, 5, 'float32'));
    expect(() => opt.step()).toThrow('RMSprop does not support sparse gradients');
    expect(both.map((p) => Array.from(p.data))).toEqual(before);
    expect(opt.state.size).toBe(0);
  });
});

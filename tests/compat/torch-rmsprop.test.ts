/**
 * compat.torch.RMSprop against PyTorch 1.13's torch.optim.RMSprop (`_single_tensor_rmsprop`,
 * torch/optim/rmsprop.py): RMSprop runs saved by torch.save after 3 steps (tests/fixtures/torch,
 * scripts/gen-torch-fixtures.py) continue here and match Python's next 4 steps bit for bit.
 *
 * Where the kernel order matters: PyTorch's CPU kernels here are its AVX2 build (GCC 12), in which
 * `add(x, alpha=a)` is `vec::fmadd` and `addcmul`'s `self + v * t1 * t2` is contracted to a fused
 * multiply-add too; `fmaf` reproduces one rounding exactly (checked below against an exact BigInt
 * reference), so the match is bit-exact for every element, in the vectorised body and in the scalar
 * tail alike (the parameters have 32, 4, 12 and 3 elements).
 *
 * Where it is not reproducible: a PyTorch build without FMA (no AVX2 kernels, or a compiler that
 * does not contract `self + v * t1 * t2`) rounds the addcmul product separately, and PyTorch's
 * `foreach=True` path uses other kernels. Measured bound: with `addcmul` unfused (replacing the two
 * `fmaf` calls of `addcmul` in src/compat/torch.ts by a float32 multiply then add), the 4 continued
 * steps of these fixtures differ from PyTorch by at most 1 float32 ulp in any parameter (plain 1,
 * centered 1, maximize 0), where the fused version differs by 0.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TypeError as PaddleTypeError, RuntimeError, ValueError } from '../../src/errors.js';
import { fmaf, RMSprop, type RMSpropStateDict } from '../../src/compat/torch.js';
import { loadTorchBytes, loadTorchSync, saveTorchBytes } from '../../src/io/torch.js';
import { SelectedRows } from '../../src/tensor/selected-rows.js';
import { Tensor } from '../../src/tensor/tensor.js';
import * as paddle from '../../src/index.js';

const FIX = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'torch');

interface Trajectory {
  hyper: Record<string, number | boolean>;
  names: string[];
  steps: { grads: Record<string, number[]>; params: Record<string, number[]> }[];
}

function checkpoint(name: string): { params: Tensor[]; opt: RMSprop; exp: Trajectory; model: Record<string, Tensor> } {
  const ck = loadTorchSync<{ model: Record<string, Tensor>; optimizer: RMSpropStateDict }>(join(FIX, `rmsprop_${name}.pt`));
  const exp = JSON.parse(readFileSync(join(FIX, `rmsprop_${name}.json`), 'utf8')) as Trajectory;
  const params = exp.names.map((n) => ck.model[n] as Tensor);
  const opt = new RMSprop(params); // hyper-parameters come from the state dict
  opt.loadStateDict(ck.optimizer);
  return { params, opt, exp, model: ck.model };
}

function setGrads(params: Tensor[], exp: Trajectory, k: number): void {
  params.forEach((p, i) => {
    const g = (exp.steps[k] as Trajectory['steps'][number]).grads[exp.names[i] as string] as number[];
    p.setGrad(Tensor.fromArray(new Float32Array(g), p.shape, 'float32'));
  });
}

/** Elements that differ from Python's parameters after step k. */
function mismatches(params: Tensor[], exp: Trajectory, k: number): string[] {
  const bad: string[] = [];
  params.forEach((p, i) => {
    const want = (exp.steps[k] as Trajectory['steps'][number]).params[exp.names[i] as string] as number[];
    const got = p.data;
    want.forEach((w, j) => {
      if (got[j] !== Math.fround(w)) bad.push(`${exp.names[i]}[${j}]: ${got[j]} vs ${w}`);
    });
  });
  return bad;
}

describe('compat.torch.RMSprop continues a PyTorch run bit-exactly', () => {
  for (const name of ['plain', 'centered', 'maximize']) {
    it(`${name}: 4 steps after PyTorch's 3, every element equal`, () => {
      const { params, opt, exp } = checkpoint(name);
      const g = opt.paramGroups[0];
      expect(g?.lr).toBe(exp.hyper.lr);
      expect(g?.centered).toBe(exp.hyper.centered ?? false);
      expect(g?.maximize).toBe(exp.hyper.maximize ?? false);
      for (let k = 0; k < exp.steps.length; k++) {
        setGrads(params, exp, k);
        opt.step();
        expect(mismatches(params, exp, k), `step ${k + 4}`).toEqual([]);
      }
      expect(opt.state.get(params[0] as Tensor)?.step).toBe(3 + exp.steps.length);
    });
  }

  it('stateDict → saveTorch → loadTorch → loadStateDict resumes identically', () => {
    const a = checkpoint('centered');
    setGrads(a.params, a.exp, 0);
    a.opt.step();
    const bytes = saveTorchBytes({ model: a.model, optimizer: a.opt.stateDict() });
    const ck = loadTorchBytes<{ model: Record<string, Tensor>; optimizer: RMSpropStateDict }>(bytes);
    const params = a.exp.names.map((n) => ck.model[n] as Tensor);
    const b = new RMSprop(params);
    b.loadStateDict(ck.optimizer);
    expect(b.stateDict().param_groups).toEqual(a.opt.stateDict().param_groups);
    // loadTorch's typed optimizer state dict goes straight into loadStateDict.
    const c = new RMSprop(a.exp.names.map((n) => ck.model[n] as Tensor));
    c.loadStateDict(loadTorchBytes(saveTorchBytes(a.opt.stateDict()), { as: 'optimizerStateDict' }));
    expect(summary(c.stateDict())).toBe(summary(b.stateDict()));
    for (let k = 1; k < 4; k++) {
      setGrads(a.params, a.exp, k);
      setGrads(params, a.exp, k);
      a.opt.step();
      b.step();
      expect(mismatches(params, a.exp, k)).toEqual([]);
    }
  });

  it("the state dict is PyTorch's layout", () => {
    const { opt } = checkpoint('centered');
    const sd = opt.stateDict();
    expect(Object.keys(sd.param_groups[0] ?? {})).toEqual(['lr', 'momentum', 'alpha', 'eps', 'centered', 'weight_decay', 'foreach', 'maximize', 'differentiable', 'params']);
    expect(Object.keys(sd.state)).toEqual(['0', '1', '2', '3']);
    expect(Object.keys(sd.state['0'] ?? {})).toEqual(['step', 'square_avg', 'momentum_buffer', 'grad_avg']);
    // Copies: changing the dict leaves the optimizer.
    (sd.state['0']?.square_avg as Tensor).data[0] = -1;
    expect((opt.stateDict().state['0']?.square_avg as Tensor).data[0]).not.toBe(-1);
  });
});

describe('compat.torch.RMSprop: PyTorch behaviour around the update', () => {
  const param = (values: number[]): Tensor => paddle.createParameter([values.length], 'float32', { defaultInitializer: new paddle.nn.initializer.Assign(values) });

  it('square_avg starts at 0, eps outside the sqrt, lr outside the buffer (one hand-computed step)', () => {
    const p = param([1, -2]);
    const opt = new RMSprop([p], { lr: 0.1, alpha: 0.9, eps: 0.5, momentum: 0.5 });
    p.setGrad(Tensor.fromArray(new Float32Array([2, -4]), [2], 'float32'));
    opt.step();
    const f = Math.fround;
    // v = 0.1 g²; b = g / (sqrt(v) + eps); θ -= lr b
    const want = [1, -2].map((t, i) => {
      const g = [2, -4][i] as number;
      const v = f(f(f(1 - 0.9)) * g * g);
      const b = f(g / f(f(Math.sqrt(v)) + f(0.5)));
      return fmaf(b, f(-0.1), t);
    });
    expect(Array.from(p.data)).toEqual(want);
  });

  it('zeroGrad zero-fills by default (PyTorch 1.13), setToNone releases; parameters without grads get no state', () => {
    const p = param([1, 2]);
    const q = param([3]);
    const opt = new RMSprop([p, q], { momentum: 0.9 });
    p.setGrad(Tensor.fromArray(new Float32Array([1, 1]), [2], 'float32'));
    opt.step();
    expect(opt.state.has(q)).toBe(false);
    opt.zeroGrad();
    expect(Array.from((p.grad as Tensor).data)).toEqual([0, 0]);
    const before = Array.from(p.data);
    opt.step(); // g = 0, but the momentum buffer still moves the parameter
    expect(Array.from(p.data)).not.toEqual(before);
    expect(opt.state.get(p)?.step).toBe(2);
    opt.zero_grad({ setToNone: true });
    expect(p.grad).toBeNull();
    const held = Array.from(p.data);
    opt.step();
    expect(Array.from(p.data)).toEqual(held);
    expect(opt.state.get(p)?.step).toBe(2);
  });

  it('parameter groups carry their own hyper-parameters; step(closure) returns the loss', () => {
    const p = param([1]);
    const q = param([1]);
    const opt = new RMSprop([{ params: [p] }, { params: [q], lr: 0.1 }], { lr: 0.01 });
    p.setGrad(Tensor.fromArray(new Float32Array([1]), [1], 'float32'));
    q.setGrad(Tensor.fromArray(new Float32Array([1]), [1], 'float32'));
    expect(opt.step(() => 42)).toBe(42);
    expect(1 - (q.data[0] as number)).toBeCloseTo(10 * (1 - (p.data[0] as number)), 5);
    expect(opt.stateDict().param_groups.map((g) => g.params)).toEqual([[0], [1]]);
  });

  it('float64 parameters follow the same formula in double precision', () => {
    const p32 = param([0.5, -1.5]);
    const p64 = Tensor.fromArray(new Float64Array([0.5, -1.5]), [2], 'float64');
    const o32 = new RMSprop([p32], { momentum: 0.9, centered: true, weightDecay: 0.01 });
    const o64 = new RMSprop([p64], { momentum: 0.9, centered: true, weightDecay: 0.01 });
    for (let k = 0; k < 5; k++) {
      p32.setGrad(Tensor.fromArray(new Float32Array([0.3, -0.7]), [2], 'float32'));
      p64.setGrad(Tensor.fromArray(new Float64Array([0.3, -0.7]), [2], 'float64'));
      o32.step();
      o64.step();
    }
    for (let i = 0; i < 2; i++) expect(p64.data[i]).toBeCloseTo(p32.data[i] as number, 5);
    expect(p64.data[0]).not.toBe(p32.data[0]);
  });

  it("refuses what PyTorch refuses, with PyTorch's messages, changing nothing", () => {
    const p = param([1]);
    expect(() => new RMSprop([p], { lr: -1 })).toThrow('Invalid learning rate: -1');
    expect(() => new RMSprop([p], { alpha: -0.5 })).toThrow('Invalid alpha value: -0.5');
    expect(() => new RMSprop([p], { eps: -1 })).toThrow(ValueError);
    expect(() => new RMSprop([p], { weight_decay: 0.1 } as never)).toThrow(/weight_decay/);
    expect(() => new RMSprop([])).toThrow('optimizer got an empty parameter list');
    expect(() => new RMSprop([p, p])).toThrow(/more than one parameter group/);
    expect(() => new RMSprop([Tensor.fromArray(new Int32Array([1]), [1], 'int32')])).toThrow(PaddleTypeError);
    const opt = new RMSprop([p]);
    p.setGrad(Tensor.fromArray(new Float32Array([1]), [1], 'float32'));
    opt.step();
    const sd = opt.stateDict();
    expect(() => opt.loadStateDict({ state: {}, param_groups: [] })).toThrow('loaded state dict has a different number of parameter groups');
    expect(() => opt.loadStateDict({ state: {}, param_groups: [{ params: [0, 1] }] })).toThrow(/doesn't match the size/);
    const bad = { state: { 0: { step: 1, square_avg: Tensor.fromArray(new Float32Array(3), [3], 'float32') } }, param_groups: [{ lr: 5, params: [0] }] };
    expect(() => opt.loadStateDict(bad)).toThrow(/square_avg must be a Tensor of shape \[1\]/);
    expect(summary(opt.stateDict())).toBe(summary(sd));
    expect(opt.paramGroups[0]?.lr).toBe(0.01);
    const e = paddle.createParameter([2, 2], 'float32');
    const sparse = new RMSprop([e]);
    e.setGrad(new SelectedRows([0], new Float32Array(2), 2, 2, 'float32'));
    expect(() => sparse.step()).toThrow(RuntimeError);
  });

  it('the PyTorch spellings are the same functions', () => {
    expect(RMSprop.prototype.zero_grad).toBe(RMSprop.prototype.zeroGrad);
    expect(RMSprop.prototype.state_dict).toBe(RMSprop.prototype.stateDict);
    expect(RMSprop.prototype.load_state_dict).toBe(RMSprop.prototype.loadStateDict);
    expect(paddle.compat.torch.RMSprop).toBe(RMSprop);
  });
});

/** A state dict's values (Tensors as their elements), for comparisons. */
function summary(sd: RMSpropStateDict): string {
  return JSON.stringify(sd, (_k, v: unknown) => (v instanceof Tensor ? Array.from(v.data) : v));
}

/** a × b + c of float32 values, rounded once to float32 (round half to even), exactly with BigInt. */
function exactFmaf(a: number, b: number, c: number): number {
  const dec = (x: number): [bigint, number] => {
    const buf = new DataView(new ArrayBuffer(4));
    buf.setFloat32(0, x);
    const u = buf.getUint32(0);
    const e = (u >>> 23) & 0xff;
    const m = BigInt(u & 0x7fffff) + (e === 0 ? 0n : 1n << 23n);
    return [(u >>> 31 === 1 ? -1n : 1n) * m, (e === 0 ? 1 : e) - 150];
  };
  const [ma, ea] = dec(a);
  const [mb, eb] = dec(b);
  const [mc, ec] = dec(c);
  const mp = ma * mb;
  const ep = ea + eb;
  const E = Math.min(ep, ec);
  const S = mp * (1n << BigInt(ep - E)) + mc * (1n << BigInt(ec - E));
  if (S === 0n) return 0;
  const neg = S < 0n;
  const abs = neg ? -S : S;
  const shift = abs.toString(2).length - 24;
  let q = abs;
  let e = E;
  if (shift > 0) {
    q = abs >> BigInt(shift);
    const rem = abs - (q << BigInt(shift));
    const half = 1n << BigInt(shift - 1);
    if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
    e += shift;
  }
  const v = Number(q) * 2 ** e;
  return Math.fround(neg ? -v : v);
}

describe('fmaf: one rounding, as _mm256_fmadd_ps', () => {
  it('a case where a double sum then a float32 rounding is wrong', () => {
    const a = Math.fround(1 + 2 ** -23);
    const b = Math.fround((1 - 2 ** -23) * 2 ** -24);
    const c = Math.fround(1 + 2 ** -23);
    expect(Math.fround(a * b + c)).toBe(1 + 2 ** -22); // double rounding lands on the midpoint
    expect(fmaf(a, b, c)).toBe(1 + 2 ** -23);
    expect(exactFmaf(a, b, c)).toBe(1 + 2 ** -23);
  });

  it('agrees with the exact BigInt reference on 20,000 random and near-midpoint triples', () => {
    let seed = 12345;
    const rnd = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const f = Math.fround;
    let doubleRoundingCases = 0;
    for (let i = 0; i < 20_000; i++) {
      let a: number;
      let b: number;
      let c: number;
      if (i % 2 === 0) {
        a = f((rnd() - 0.5) * 2 ** Math.floor(rnd() * 20 - 10));
        b = f((rnd() - 0.5) * 2 ** Math.floor(rnd() * 20 - 10));
        c = f((rnd() - 0.5) * 4);
      } else {
        // a*b = ±h(1 - m²2^-46) with h half an ulp of c: the double sum lands on c's midpoint.
        const e = Math.floor(rnd() * 20 - 10);
        c = f((1 + rnd()) * 2 ** e * (rnd() < 0.5 ? -1 : 1));
        const h = 2 ** (e - 24);
        const m = 1 + Math.floor(rnd() * 1000);
        a = f(1 + m * 2 ** -23);
        b = f((1 - m * 2 ** -23) * h * (rnd() < 0.5 ? -1 : 1));
      }
      const want = exactFmaf(a, b, c);
      expect(fmaf(a, b, c), `${a} * ${b} + ${c}`).toBe(want);
      if (f(a * b + c) !== want) doubleRoundingCases++;
    }
    // The near-midpoint half does reach the cases a double sum gets wrong.
    expect(doubleRoundingCases).toBeGreaterThan(0);
  });
});

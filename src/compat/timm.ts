/**
 * `compat.timm`: timm's `RMSpropTF` (timm/optim/rmsprop_tf.py, the single-tensor `step` of timm
 * 0.9/1.0), the PyTorch optimizer timm ships to reproduce TensorFlow's RMSProp: ε inside the
 * square root, `square_avg` initialised to **1**, TensorFlow's order of ops for the averages, the
 * learning rate inside the momentum buffer (`lr_in_momentum=True`), and optional decoupled weight
 * decay (`p ← p·(1 − lr·wd)`).
 *
 * timm runs on PyTorch, so float32 parameters are rounded as PyTorch 1.13's AVX2 CPU kernels round
 * (the same model as compat.torch, src/compat/torch.ts): `add_(x, alpha=a)` is one fused
 * multiply-add (`fmaf`), `addcmul(t1, t2, value=v)` is `fmaf(v·t1, t2, self)`, `addcdiv` is
 * `self + (v·t1)/t2`, a Python scalar is rounded to float32. Per element:
 *
 * ```
 * g   = fmaf(p, wd, g)                          weight decay, coupled (decoupledDecay: p = p·(1 − lr·wd))
 * sq  = fmaf(g·g − sq, 1 − α, sq)              square_avg.add_(grad.pow(2) - square_avg, alpha=1-α)
 * ga  = fmaf(g − ga, 1 − α, ga)                centered
 * avg = sqrt(sq + ε)  or  sqrt(fmaf(−ga, ga, sq) + ε)
 * buf = buf·μ + (lr·g)/avg;  p = p − buf        lrInMomentum (default)
 * buf = buf·μ + g/avg;       p = fmaf(buf, −lr, p)   not lrInMomentum
 * p   = p + (−lr·g)/avg                         no momentum
 * ```
 *
 * Float64 parameters use plain double arithmetic (no fused multiply-add). The update runs on the
 * fused RMSProp kernel with its `'timm'` variant (decoupled decay as the kernel's `paramScale`),
 * on state tensors kept in the kernel heap (free them with `dispose()`).
 */
import { RuntimeError, TypeError as PaddleTypeError, ValueError } from '../errors.js';
import { checkOptions, describe } from '../options.js';
import type { FloatArray } from '../tensor/dtype.js';
import { SelectedRows } from '../tensor/selected-rows.js';
import { Tensor } from '../tensor/tensor.js';
import type { RMSpropStateDict } from './torch.js';
import { checkBoolean, checkNumber, checkFloatTensor, kernelStep, stateFrom, stateLike, type KernelSlot } from './shared.js';

/**
 * Options of {@link RMSpropTF}: timm's keyword arguments in camelCase, with timm's defaults
 * (`lr=1e-2, alpha=0.9, eps=1e-10, weight_decay=0, momentum=0., centered=False,
 * decoupled_decay=False, lr_in_momentum=True`).
 */
export interface RMSpropTFOptions {
  /** Learning rate (default 0.01). */
  lr?: number;
  /** Smoothing constant of the averages (default 0.9). */
  alpha?: number;
  /** ε, inside the square root (default 1e-10). */
  eps?: number;
  /** Weight decay (default 0): L2 added to the gradient, or decoupled. */
  weightDecay?: number;
  /** Momentum factor (default 0). */
  momentum?: number;
  /** Centered variant (default false). */
  centered?: boolean;
  /** Decoupled weight decay `p ← p·(1 − lr·wd)` instead of L2 (default false). */
  decoupledDecay?: boolean;
  /** Keep the learning rate inside the momentum buffer, as TensorFlow (default true). */
  lrInMomentum?: boolean;
}

/** A parameter group: its parameters and, optionally, its own hyper-parameters. */
export interface RMSpropTFParamGroup extends RMSpropTFOptions {
  /** The group's parameters. */
  params: Iterable<Tensor>;
}

/** A group as {@link RMSpropTF.paramGroups} holds it, every hyper-parameter resolved. */
export interface RMSpropTFGroup extends Required<RMSpropTFOptions> {
  /** The group's parameters. */
  readonly params: Tensor[];
}

/** Per-parameter state (timm's `state[p]`). */
export interface RMSpropTFState {
  /** Steps taken with this parameter. */
  step: number;
  /** The mean square, initialised to 1. */
  square_avg: Tensor;
  /** The momentum buffer (momentum > 0). */
  momentum_buffer?: Tensor;
  /** The mean gradient (centered). */
  grad_avg?: Tensor;
}

const KEYS = ['lr', 'alpha', 'eps', 'weightDecay', 'momentum', 'centered', 'decoupledDecay', 'lrInMomentum'] as const;
const DEFAULTS: Required<RMSpropTFOptions> = { lr: 1e-2, alpha: 0.9, eps: 1e-10, weightDecay: 0, momentum: 0, centered: false, decoupledDecay: false, lrInMomentum: true };
const WHERE = 'compat.timm.RMSpropTF';

function checkHyper(where: string, o: RMSpropTFOptions): void {
  for (const k of ['lr', 'eps', 'weightDecay', 'momentum', 'alpha'] as const) checkNumber(where, k, o[k], { min: 0 });
  for (const k of ['centered', 'decoupledDecay', 'lrInMomentum'] as const) checkBoolean(where, k, o[k]);
}

/**
 * timm's RMSpropTF over this library's Tensors (see the module comment).
 *
 * timm: `timm.optim.RMSpropTF(params, lr=1e-2, alpha=0.9, eps=1e-10, weight_decay=0,
 * momentum=0., centered=False, decoupled_decay=False, lr_in_momentum=True)`.
 *
 * @example
 * ```ts
 * const opt = new paddle.compat.timm.RMSpropTF(model.parameters(), { lr: 0.016, alpha: 0.9, eps: 1e-3, momentum: 0.9, weightDecay: 1e-5 });
 * loss.backward();
 * opt.step();
 * opt.zeroGrad();
 * ```
 */
export class RMSpropTF {
  /** The parameter groups (editable `lr`). */
  readonly paramGroups: RMSpropTFGroup[] = [];
  /** The per-parameter state, created at a parameter's first step. */
  readonly state = new Map<Tensor, RMSpropTFState>();

  /**
   * @param params - Parameters, or groups `[{ params, lr?, … }]`.
   * @param options - {@link RMSpropTFOptions}, the defaults of every group.
   * @throws {@link errors.TypeError} for an unknown option, a non-number or a parameter that is
   *   not a float Tensor; {@link errors.ValueError} for a negative value, an empty list or a
   *   parameter in two groups.
   */
  constructor(params: Iterable<Tensor> | RMSpropTFParamGroup[], options?: RMSpropTFOptions) {
    const defaults = { ...DEFAULTS, ...checkOptions(WHERE, options, KEYS) };
    checkHyper(WHERE, defaults);
    const isGroups = Array.isArray(params) && params.length > 0 && !(params[0] instanceof Tensor);
    const groups = isGroups ? (params as RMSpropTFParamGroup[]) : [{ params: params as Iterable<Tensor> }];
    const seen = new Set<Tensor>();
    const built: RMSpropTFGroup[] = [];
    for (const g of groups) {
      const o = checkOptions(`${WHERE} param group`, g, ['params', ...KEYS]);
      checkHyper(`${WHERE} param group`, o);
      if (o.params === undefined || typeof (o.params as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function') {
        throw new PaddleTypeError(`${WHERE}: params must be an iterable of Tensors, but received ${describe(o.params)}.`);
      }
      const list = [...o.params].map((p) => checkFloatTensor(WHERE, p));
      for (const p of list) {
        if (seen.has(p)) throw new ValueError('some parameters appear in more than one parameter group');
        seen.add(p);
      }
      const { params: _p, ...hyper } = o;
      void _p;
      built.push({ ...defaults, ...hyper, params: list });
    }
    if (seen.size === 0) throw new ValueError('optimizer got an empty parameter list');
    this.paramGroups.push(...built);
  }

  /**
   * Updates every parameter that has a gradient (timm's `step(closure=None)`).
   *
   * @param closure - Re-evaluates the model and returns the loss (called first).
   * @returns What `closure` returned, or undefined.
   * @throws {@link errors.RuntimeError} for a sparse gradient (timm's message), before anything changes.
   */
  step<T = undefined>(closure?: () => T): T | undefined {
    const loss = closure === undefined ? undefined : closure();
    for (const group of this.paramGroups) {
      for (const p of group.params) if (p.grad instanceof SelectedRows) throw new RuntimeError('RMSprop does not support sparse gradients');
    }
    // the state first (an allocation may grow the kernel heap, which detaches earlier views of an
    // unshared memory), then the arrays of every slot
    for (const group of this.paramGroups) {
      for (const p of group.params) {
        if (p.grad === null) continue;
        let st = this.state.get(p);
        if (st === undefined) {
          st = { step: 0, square_avg: stateLike(p, 1) };
          this.state.set(p, st);
        }
        if (group.momentum > 0) st.momentum_buffer ??= stateLike(p, 0);
        if (group.centered) st.grad_avg ??= stateLike(p, 0);
      }
    }
    for (const group of this.paramGroups) {
      const slots: KernelSlot[] = [];
      for (const p of group.params) {
        const grad = p.grad;
        if (grad === null) continue;
        const st = this.state.get(p) as RMSpropTFState;
        st.step += 1;
        const param = p.data as FloatArray;
        const slot: KernelSlot = {
          param,
          grad: (grad as Tensor).data as FloatArray,
          meanSquare: st.square_avg.data as FloatArray,
          moment: group.momentum > 0 ? ((st.momentum_buffer as Tensor).data as FloatArray) : param,
          meanGrad: group.centered ? ((st.grad_avg as Tensor).data as FloatArray) : param,
          lr: group.lr,
        };
        if (group.weightDecay !== 0) {
          if (group.decoupledDecay) slot.paramScale = 1 - group.lr * group.weightDecay;
          else slot.decay = { kind: 'l2', coeff: group.weightDecay };
        }
        slots.push(slot);
      }
      kernelStep(slots, {
        rho: group.alpha,
        epsilon: group.eps,
        momentum: group.momentum,
        centered: group.centered,
        variant: 'timm',
        momentumBuffer: group.momentum > 0,
        lrInMomentum: group.lrInMomentum,
      });
    }
    return loss;
  }

  /**
   * The optimizer's state in timm's (PyTorch's) layout, `optimizer.state_dict()`: `state` by
   * parameter index (copies), `param_groups` with timm's names (`lr`, `momentum`, `alpha`, `eps`,
   * `centered`, `weight_decay`, `decoupled_decay`, `lr_in_momentum`, `params`). Give it to
   * `paddle.io.saveTorch` for a file `torch.load` + `RMSpropTF.load_state_dict` read.
   *
   * @returns The state dict.
   */
  stateDict(): RMSpropStateDict {
    const index = new Map<Tensor, number>();
    const param_groups = this.paramGroups.map((g) => ({
      lr: g.lr,
      momentum: g.momentum,
      alpha: g.alpha,
      eps: g.eps,
      centered: g.centered,
      weight_decay: g.weightDecay,
      decoupled_decay: g.decoupledDecay,
      lr_in_momentum: g.lrInMomentum,
      params: g.params.map((p) => {
        index.set(p, index.size);
        return index.size - 1;
      }),
    }));
    const state: RMSpropStateDict['state'] = {};
    for (const [p, st] of this.state) {
      const entry: { [key: string]: Tensor | number } = { step: st.step, square_avg: st.square_avg.clone() };
      if (st.momentum_buffer !== undefined) entry.momentum_buffer = st.momentum_buffer.clone();
      if (st.grad_avg !== undefined) entry.grad_avg = st.grad_avg.clone();
      state[String(index.get(p))] = entry;
    }
    return { state, param_groups };
  }

  /**
   * Restores a state dict in timm's layout (from {@link RMSpropTF.stateDict}, or
   * `paddle.io.loadTorch` of `torch.save(optimizer.state_dict())` written by timm): the groups'
   * hyper-parameters and each parameter's state by index, copied in the parameter's dtype. Checked
   * completely before anything changes.
   *
   * @param stateDict - `{ state, param_groups }`.
   * @throws {@link errors.ValueError} when the groups differ from this optimizer's (PyTorch's
   *   messages), a value has the wrong type, or a state tensor's shape differs from its parameter's.
   */
  loadStateDict(stateDict: RMSpropStateDict): void {
    const where = `${WHERE}.loadStateDict`;
    const sd = stateDict as unknown;
    if (typeof sd !== 'object' || sd === null || !('state' in sd) || !('param_groups' in sd) || !Array.isArray(stateDict.param_groups)) {
      throw new ValueError(`${where}: expected { state, param_groups }, but received ${describe(sd)}.`);
    }
    if (stateDict.param_groups.length !== this.paramGroups.length) throw new ValueError('loaded state dict has a different number of parameter groups');
    const byIndex = new Map<number, Tensor>();
    const hyper = stateDict.param_groups.map((sg, gi) => {
      const group = this.paramGroups[gi] as RMSpropTFGroup;
      if (!Array.isArray(sg.params) || sg.params.length !== group.params.length) {
        throw new ValueError("loaded state dict contains a parameter group that doesn't match the size of optimizer's group");
      }
      sg.params.forEach((id, k) => byIndex.set(Number(id), group.params[k] as Tensor));
      const h: RMSpropTFOptions = {};
      const names = { lr: 'lr', momentum: 'momentum', alpha: 'alpha', eps: 'eps', weightDecay: 'weight_decay' } as const;
      for (const [key, py] of Object.entries(names) as [keyof typeof names, string][]) {
        const v = sg[py];
        if (v !== undefined) {
          checkNumber(where, py, v, { min: 0 });
          h[key] = v as number;
        }
      }
      const flags = { centered: 'centered', decoupledDecay: 'decoupled_decay', lrInMomentum: 'lr_in_momentum' } as const;
      for (const [key, py] of Object.entries(flags) as [keyof typeof flags, string][]) {
        const v = sg[py];
        if (v !== undefined) {
          checkBoolean(where, py, v);
          h[key] = v as boolean;
        }
      }
      return h;
    });
    const next = new Map<Tensor, RMSpropTFState>();
    for (const [key, entry] of Object.entries(stateDict.state ?? {})) {
      const p = byIndex.get(Number(key));
      if (p === undefined) continue; // PyTorch keeps entries of unknown ids; they are never used
      const stepValue = entry.step instanceof Tensor ? (entry.step.data[0] as number) : entry.step;
      if (typeof stepValue !== 'number' || !Number.isFinite(stepValue)) {
        throw new ValueError(`${where}: state['${key}'].step must be a number, but received ${describe(entry.step)}.`);
      }
      const copy = (name: string): Tensor | undefined => {
        const t = entry[name];
        if (t === undefined || t === null) return undefined;
        if (!(t instanceof Tensor) || t.shape.join(',') !== p.shape.join(',')) {
          throw new ValueError(`${where}: state['${key}'].${name} must be a Tensor of shape [${p.shape.join(', ')}], but received ${describe(t)}.`);
        }
        return t;
      };
      const sq = copy('square_avg');
      if (sq === undefined) throw new ValueError(`${where}: state['${key}'] has no square_avg.`);
      const st: RMSpropTFState = { step: stepValue, square_avg: sq };
      const mb = copy('momentum_buffer');
      if (mb !== undefined) st.momentum_buffer = mb;
      const ga = copy('grad_avg');
      if (ga !== undefined) st.grad_avg = ga;
      next.set(p, st);
    }
    // everything checked: copies in the parameter allocator's memory (made before the old state is
    // freed, since the loaded tensors may be this optimizer's own)
    const fresh = new Map<Tensor, RMSpropTFState>();
    for (const [p, loaded] of next) {
      const st: RMSpropTFState = { step: loaded.step, square_avg: stateFrom(p, loaded.square_avg.data) };
      if (loaded.momentum_buffer !== undefined) st.momentum_buffer = stateFrom(p, loaded.momentum_buffer.data);
      if (loaded.grad_avg !== undefined) st.grad_avg = stateFrom(p, loaded.grad_avg.data);
      fresh.set(p, st);
    }
    this.paramGroups.forEach((g, i) => Object.assign(g, hyper[i]));
    this.dispose();
    for (const [p, st] of fresh) this.state.set(p, st);
  }

  /**
   * Frees the optimizer's state tensors (kept in the kernel heap while the WebAssembly backend is
   * selected; the heap is not garbage collected) and forgets the state. Not in timm.
   */
  dispose(): void {
    for (const st of this.state.values()) disposeState(st);
    this.state.clear();
  }

  /**
   * Clears every parameter's gradient: zero-filled, or released with `setToNone: true`.
   *
   * @param options - `{ setToNone }` (default false).
   * @throws {@link errors.TypeError} for an unknown option.
   */
  zeroGrad(options?: { setToNone?: boolean }): void {
    const o = checkOptions(`${WHERE}.zeroGrad`, options, ['setToNone']);
    for (const g of this.paramGroups) for (const p of g.params) p.clearGradient(o.setToNone !== true);
  }
}

function disposeState(st: RMSpropTFState): void {
  st.square_avg.dispose();
  st.momentum_buffer?.dispose();
  st.grad_avg?.dispose();
}

/**
 * `compat.torch`: PyTorch's optimizers over this library's Tensors and Parameters, with PyTorch's
 * arithmetic and state-dict layout, so that a run saved by `torch.save(opt.state_dict())` continues
 * here (read it with `paddle.io.loadTorch`) and a run from here continues in PyTorch.
 *
 * `RMSprop` reproduces PyTorch 1.13's `torch/optim/rmsprop.py` (`_single_tensor_rmsprop`, the
 * default `foreach=None` path): ε added outside the square root, the learning rate outside the
 * momentum buffer, `square_avg` initialised to 0, weight decay added to the gradient (L2), and
 * `step` counted as an int. For float32 parameters each operation is rounded to float32 in the
 * order PyTorch's CPU kernels use, including the fused multiply-add of `add(x, alpha=a)` on
 * AVX2 builds (`vec::fmadd`), so trajectories match PyTorch bit for bit
 * (tests/compat/torch-rmsprop.test.ts). The per-element update runs on the library's fused RMSProp
 * kernel with its `'torch'` variant (WebAssembly SIMD and the worker threads when selected, the
 * TypeScript reference otherwise; the kernels emulate `fmaf` exactly), on state tensors kept in the
 * kernel heap (free them with `dispose()`).
 */
import { RuntimeError, TypeError as PaddleTypeError, ValueError } from '../errors.js';
import { fmaf } from '../kernels/ref/fma.js';
import { checkOptions, describe } from '../options.js';
import type { DataArray } from '../tensor/dtype.js';
import { SelectedRows } from '../tensor/selected-rows.js';
import { kernelStep, stateFrom, stateLike, type KernelSlot } from './shared.js';
import { Tensor } from '../tensor/tensor.js';
import * as lr_scheduler from './torch-lr.js';

/**
 * PyTorch's `torch.optim.lr_scheduler` over {@link RMSprop}: `StepLR`, `MultiStepLR`,
 * `ExponentialLR`, `CosineAnnealingLR`, `OneCycleLR`, `LambdaLR`, `ReduceLROnPlateau`, `LinearLR`,
 * `ConstantLR`, `SequentialLR`, `ChainedScheduler`, `CosineAnnealingWarmRestarts`, `CyclicLR`,
 * `MultiplicativeLR`, `PolynomialLR` (src/compat/torch-lr.ts).
 */
export { lr_scheduler };

/**
 * Hyper-parameters of {@link RMSprop} (PyTorch's keyword arguments, camelCase): the defaults of
 * `torch.optim.RMSprop(params, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0,
 * centered=False, maximize=False)`.
 */
export interface RMSpropOptions {
  /** Learning rate γ (default 0.01). */
  lr?: number;
  /** Smoothing constant α of the mean square (default 0.99). */
  alpha?: number;
  /** ε added to the denominator, outside the square root (default 1e-8). */
  eps?: number;
  /** L2 penalty λ added to the gradient (default 0). */
  weightDecay?: number;
  /** Momentum factor μ (default 0: no buffer). */
  momentum?: number;
  /** Normalise by an estimate of the gradient's variance (default false). */
  centered?: boolean;
  /** Maximise the objective instead of minimising it (default false). */
  maximize?: boolean;
}

/** A parameter group: its parameters and, optionally, its own hyper-parameters. */
export interface RMSpropParamGroup extends RMSpropOptions {
  /** The group's parameters (float32 or float64 Tensors, usually Parameters). */
  params: Iterable<Tensor>;
}

/** A parameter group as {@link RMSprop.paramGroups} holds it: every hyper-parameter resolved. */
export interface RMSpropGroup {
  /** The group's parameters. */
  readonly params: Tensor[];
  /** Learning rate. */
  lr: number;
  /** Smoothing constant. */
  alpha: number;
  /** ε. */
  eps: number;
  /** L2 penalty. */
  weightDecay: number;
  /** Momentum factor. */
  momentum: number;
  /** Centered variant. */
  centered: boolean;
  /** Maximise. */
  maximize: boolean;
  /** The learning rate a scheduler started from (PyTorch's `initial_lr`, set by the schedulers of `lr_scheduler`). */
  initialLr?: number;
  /** `OneCycleLR`'s peak learning rate (PyTorch's `max_lr`). */
  maxLr?: number;
  /** `OneCycleLR`'s final learning rate (PyTorch's `min_lr`). */
  minLr?: number;
  /** `OneCycleLR`'s upper momentum (PyTorch's `max_momentum`). */
  maxMomentum?: number;
  /** `OneCycleLR`'s lower momentum (PyTorch's `base_momentum`). */
  baseMomentum?: number;
}

/** The scheduler keys of a group: camelCase here, PyTorch's names in state dicts. */
const SCHEDULER_KEYS = [
  ['initialLr', 'initial_lr'],
  ['maxLr', 'max_lr'],
  ['minLr', 'min_lr'],
  ['maxMomentum', 'max_momentum'],
  ['baseMomentum', 'base_momentum'],
] as const;

/** The per-parameter state of {@link RMSprop} (PyTorch's `optimizer.state[p]`). */
export interface RMSpropState {
  /** Steps taken with this parameter (an int, as PyTorch 1.13 keeps it). */
  step: number;
  /** The running mean of squared gradients. */
  square_avg: Tensor;
  /** The momentum buffer, when `momentum > 0`. */
  momentum_buffer?: Tensor;
  /** The running mean of gradients, when `centered`. */
  grad_avg?: Tensor;
}

/**
 * PyTorch's optimizer state dict layout (what `torch.save(opt.state_dict())` holds and
 * `paddle.io.loadTorch` returns): `state` keyed by parameter index, `param_groups` with each
 * group's hyper-parameters under PyTorch's names and its parameters' indices.
 */
export interface RMSpropStateDict {
  /** Per-parameter state by index (a string key: `'0'`; `saveTorch` writes it as the int 0). */
  state: { [index: string]: { [key: string]: Tensor | number | boolean | null } };
  /** The groups: `lr`, `momentum`, `alpha`, `eps`, `centered`, `weight_decay`, `foreach`, `maximize`, `differentiable`, `params`. */
  param_groups: RMSpropStateDictGroup[];
}

/** One of {@link RMSpropStateDict}'s `param_groups`: hyper-parameters under PyTorch's names. */
export interface RMSpropStateDictGroup {
  /** The indices (into `state`) of the group's parameters. */
  params: number[];
  /** `lr`, `momentum`, `alpha`, `eps`, `centered`, `weight_decay`, `foreach`, `maximize`, `differentiable`. */
  [key: string]: unknown;
}

/** Options of {@link RMSprop.zeroGrad}. */
export interface ZeroGradOptions {
  /** Release the gradients instead of zero-filling them (PyTorch 1.13's default is false). */
  setToNone?: boolean;
}

const OPTION_KEYS = ['lr', 'alpha', 'eps', 'weightDecay', 'momentum', 'centered', 'maximize'] as const;
const GROUP_KEYS = ['params', ...OPTION_KEYS] as const;
const DEFAULTS: Required<RMSpropOptions> = { lr: 1e-2, alpha: 0.99, eps: 1e-8, weightDecay: 0, momentum: 0, centered: false, maximize: false };
const WHERE = 'compat.torch.RMSprop';

// ------------------------------------------------------------------------------------------
// float32 arithmetic in PyTorch's order

const f32 = Math.fround;

/**
 * `fmaf(a, b, c)`: a × b + c rounded once to float32 (what `_mm256_fmadd_ps` computes), for
 * float32 inputs (src/kernels/ref/fma.ts; the WebAssembly kernel takes the same steps).
 */
export { fmaf };

/**
 * PyTorch 1.13's `_single_tensor_rmsprop` for one group, on the fused kernel with the `'torch'`
 * variant (src/kernels/ref/rmsprop.ts states its float32 order: AVX2's fused multiply-adds as
 * fmaf, `grad.add(param, alpha=weight_decay)` as `fma(p, wd, g)`, maximize as a gradient scale of
 * −1; float64 as plain double arithmetic). The buffers PyTorch does not keep (no momentum, not
 * centered) are not touched; the parameter stands in for them in the slot.
 */
function kernelSlot(p: Tensor, grad: Tensor, st: RMSpropState, h: RMSpropGroup): KernelSlot {
  const param = p.data as Float32Array | Float64Array;
  const slot: KernelSlot = {
    param,
    grad: grad.data as Float32Array | Float64Array,
    meanSquare: st.square_avg.data as Float32Array | Float64Array,
    moment: h.momentum > 0 ? ((st.momentum_buffer as Tensor).data as Float32Array | Float64Array) : param,
    meanGrad: h.centered ? ((st.grad_avg as Tensor).data as Float32Array | Float64Array) : param,
    lr: h.lr,
  };
  if (h.maximize) slot.gradScale = -1;
  if (h.weightDecay !== 0) slot.decay = { kind: 'l2', coeff: h.weightDecay };
  return slot;
}

function checkHyper(o: RMSpropOptions, where: string): void {
  for (const k of ['lr', 'alpha', 'eps', 'weightDecay', 'momentum'] as const) {
    const v = o[k];
    if (v === undefined) continue;
    if (typeof v !== 'number' || Number.isNaN(v)) throw new PaddleTypeError(`${where}: '${k}' must be a number, but received ${describe(v)}.`);
    if (!(v >= 0)) {
      const name = { lr: 'learning rate', alpha: 'alpha value', eps: 'epsilon value', weightDecay: 'weight_decay value', momentum: 'momentum value' }[k];
      throw new ValueError(`Invalid ${name}: ${v}`);
    }
  }
  for (const k of ['centered', 'maximize'] as const) {
    const v = o[k];
    if (v !== undefined && typeof v !== 'boolean') throw new PaddleTypeError(`${where}: '${k}' must be a boolean, but received ${describe(v)}.`);
  }
}

function isGroupList(p: unknown): p is RMSpropParamGroup[] {
  return Array.isArray(p) && p.length > 0 && !(p[0] instanceof Tensor);
}

/**
 * PyTorch's RMSprop (PyTorch 1.13 semantics, see the module comment) over this library's
 * Tensors: `v ← αv + (1−α)g²`, `θ ← θ − γ g / (√v + ε)`, with optional weight decay, momentum
 * buffer `b ← μb + g / (√ṽ + ε)`, `θ ← θ − γb`, centered `ṽ = v − ḡ²`, and maximize.
 *
 * PyTorch: `torch.optim.RMSprop(params, lr=0.01, alpha=0.99, eps=1e-08, weight_decay=0,
 * momentum=0, centered=False, foreach=None, maximize=False, differentiable=False)`.
 *
 * @example
 * ```ts
 * const lin = new paddle.nn.Linear(8, 4);
 * const opt = new paddle.compat.torch.RMSprop(lin.parameters(), { lr: 0.01, momentum: 0.9 });
 * const ck = await paddle.io.loadTorch<{ optimizer: paddle.compat.torch.RMSpropStateDict }>('ckpt.pt');
 * opt.loadStateDict(ck.optimizer);
 * paddle.mean(lin.forward(x)).backward();
 * opt.step();
 * opt.zeroGrad();
 * ```
 */
export class RMSprop {
  /** The parameter groups (PyTorch's `param_groups`), hyper-parameters resolved; editable (`lr`). */
  readonly paramGroups: RMSpropGroup[] = [];
  /** The per-parameter state (PyTorch's `optimizer.state`), created at a parameter's first step. */
  readonly state = new Map<Tensor, RMSpropState>();
  /**
   * Calls of {@link RMSprop.step} since a scheduler was attached (PyTorch's `optimizer._step_count`,
   * which the schedulers reset and read to warn about `scheduler.step()` before `optimizer.step()`).
   */
  stepCount = 0;

  /**
   * @param params - Parameters (an iterable of Tensors, e.g. `layer.parameters()`), or groups
   *   `[{ params, lr?, alpha?, … }]` whose options override the defaults.
   * @param options - {@link RMSpropOptions}: the defaults of every group.
   * @throws {@link errors.ValueError} for a negative hyper-parameter (PyTorch's messages), an empty
   *   parameter list or a parameter in two groups; {@link errors.TypeError} for an unknown option
   *   or a parameter that is not a float32/float64 Tensor.
   */
  constructor(params: Iterable<Tensor> | RMSpropParamGroup[], options?: RMSpropOptions) {
    const defaults = { ...DEFAULTS, ...checkOptions(WHERE, options, OPTION_KEYS) };
    checkHyper(defaults, WHERE);
    const groups: RMSpropParamGroup[] = isGroupList(params) ? params : [{ params: params as Iterable<Tensor> }];
    const seen = new Set<Tensor>();
    for (const g of groups) {
      const o = checkOptions(`${WHERE} param group`, g, GROUP_KEYS);
      checkHyper(o, `${WHERE} param group`);
      const list = [...(o.params as Iterable<unknown>)];
      for (const p of list) {
        if (!(p instanceof Tensor) || (p.dtype !== 'float32' && p.dtype !== 'float64')) {
          throw new PaddleTypeError(`${WHERE}: can only optimize float32 or float64 Tensors, but one of the params is ${describe(p)}.`);
        }
        if (seen.has(p)) throw new ValueError('some parameters appear in more than one parameter group');
        seen.add(p);
      }
      const { params: _ignored, ...hyper } = o;
      void _ignored;
      this.paramGroups.push({ ...defaults, ...hyper, params: list as Tensor[] });
    }
    if (seen.size === 0) throw new ValueError('optimizer got an empty parameter list');
  }

  /**
   * Updates every parameter that has a gradient (PyTorch's `optimizer.step(closure=None)`); a
   * parameter without one is skipped and gets no state.
   *
   * @param closure - Re-evaluates the model and returns the loss (called first, as in PyTorch).
   * @returns What `closure` returned, or undefined.
   * @throws {@link errors.RuntimeError} for a sparse (`SelectedRows`) gradient, as PyTorch.
   */
  step<T = undefined>(closure?: () => T): T | undefined {
    this.stepCount += 1;
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
          st = { step: 0, square_avg: stateLike(p, 0) };
          this.state.set(p, st);
        }
        if (group.momentum > 0 && st.momentum_buffer === undefined) st.momentum_buffer = stateLike(p, 0);
        if (group.centered && st.grad_avg === undefined) st.grad_avg = stateLike(p, 0);
      }
    }
    for (const group of this.paramGroups) {
      const slots: KernelSlot[] = [];
      for (const p of group.params) {
        const grad = p.grad;
        if (grad === null) continue;
        const st = this.state.get(p) as RMSpropState;
        st.step += 1;
        slots.push(kernelSlot(p, grad as Tensor, st, group));
      }
      kernelStep(slots, {
        rho: group.alpha,
        epsilon: group.eps,
        momentum: group.momentum,
        centered: group.centered,
        variant: 'torch',
        momentumBuffer: group.momentum > 0,
      });
    }
    return loss;
  }

  /**
   * Frees the optimizer's state tensors (kept in the kernel heap while the WebAssembly backend is
   * selected; the heap is not garbage collected) and forgets the state; the next `step()` starts
   * it again from zero. Not in PyTorch (whose tensors the garbage collector frees).
   */
  dispose(): void {
    for (const st of this.state.values()) disposeState(st);
    this.state.clear();
  }

  /**
   * Clears the gradients of every parameter (PyTorch 1.13's `optimizer.zero_grad(set_to_none=False)`):
   * zero-filled by default, released with `setToNone: true` (then `step()` skips the parameter).
   *
   * @param options - {@link ZeroGradOptions}.
   * @throws {@link errors.TypeError} for an unknown option.
   */
  zeroGrad(options?: ZeroGradOptions): void {
    const o = checkOptions(`${WHERE}.zeroGrad`, options, ['setToNone']);
    for (const g of this.paramGroups) for (const p of g.params) p.clearGradient(o.setToNone !== true);
  }

  /**
   * The optimizer's state in PyTorch's layout (`optimizer.state_dict()`): `state` by parameter
   * index (copies of the buffers), `param_groups` with PyTorch's hyper-parameter names. Give it to
   * `paddle.io.saveTorch` for a file `torch.load` + `optimizer.load_state_dict` read.
   *
   * @returns {@link RMSpropStateDict}.
   */
  stateDict(): RMSpropStateDict {
    const index = new Map<Tensor, number>();
    const groups: RMSpropStateDict['param_groups'] = [];
    for (const g of this.paramGroups) {
      const ids = g.params.map((p) => {
        index.set(p, index.size);
        return index.size - 1;
      });
      const entry: RMSpropStateDictGroup = {
        lr: g.lr,
        momentum: g.momentum,
        alpha: g.alpha,
        eps: g.eps,
        centered: g.centered,
        weight_decay: g.weightDecay,
        foreach: null,
        maximize: g.maximize,
        differentiable: false,
        params: ids,
      };
      for (const [key, py] of SCHEDULER_KEYS) {
        const v = g[key];
        if (v !== undefined) entry[py] = v;
      }
      groups.push(entry);
    }
    const state: RMSpropStateDict['state'] = {};
    for (const [p, st] of this.state) {
      const entry: { [key: string]: Tensor | number } = { step: st.step, square_avg: st.square_avg.clone() };
      if (st.momentum_buffer !== undefined) entry.momentum_buffer = st.momentum_buffer.clone();
      if (st.grad_avg !== undefined) entry.grad_avg = st.grad_avg.clone();
      state[String(index.get(p))] = entry;
    }
    return { state, param_groups: groups };
  }

  /**
   * Restores a state dict in PyTorch's layout (from {@link RMSprop.stateDict}, or
   * `paddle.io.loadTorch` of a `torch.save(optimizer.state_dict())` file): the groups'
   * hyper-parameters, and each parameter's state by index (copied, cast to the parameter's dtype).
   * Checked completely before anything changes.
   *
   * PyTorch: `optimizer.load_state_dict(state_dict)`.
   *
   * @param stateDict - `{ state, param_groups }`.
   * @throws {@link errors.ValueError} when the groups or their sizes differ from this optimizer's
   *   (PyTorch's messages), or a state tensor's shape differs from its parameter's.
   */
  loadStateDict(stateDict: RMSpropStateDict): void {
    const sd = stateDict as unknown;
    if (typeof sd !== 'object' || sd === null || !('state' in sd) || !('param_groups' in sd)) {
      throw new ValueError(`${WHERE}.loadStateDict: expected { state, param_groups }, but received ${describe(sd)}.`);
    }
    const { state, param_groups: saved } = stateDict;
    if (!Array.isArray(saved) || saved.length !== this.paramGroups.length) {
      throw new ValueError('loaded state dict has a different number of parameter groups');
    }
    const byIndex = new Map<number, Tensor>();
    const hyper: Partial<RMSpropGroup>[] = [];
    saved.forEach((sg, gi) => {
      const group = this.paramGroups[gi] as RMSpropGroup;
      if (!Array.isArray(sg.params) || sg.params.length !== group.params.length) {
        throw new ValueError("loaded state dict contains a parameter group that doesn't match the size of optimizer's group");
      }
      sg.params.forEach((id, k) => byIndex.set(Number(id), group.params[k] as Tensor));
      const h: Partial<RMSpropGroup> = {};
      const num = (k: string): number | undefined => (typeof sg[k] === 'number' ? (sg[k] as number) : undefined);
      const set = <K extends 'lr' | 'alpha' | 'eps' | 'weightDecay' | 'momentum'>(key: K, v: number | undefined): void => {
        if (v !== undefined) h[key] = v;
      };
      set('lr', num('lr'));
      set('alpha', num('alpha'));
      set('eps', num('eps'));
      set('weightDecay', num('weight_decay'));
      set('momentum', num('momentum'));
      if (typeof sg.centered === 'boolean') h.centered = sg.centered;
      if (typeof sg.maximize === 'boolean') h.maximize = sg.maximize;
      checkHyper(h, `${WHERE}.loadStateDict`);
      for (const [key, py] of SCHEDULER_KEYS) {
        const v = num(py);
        if (v !== undefined) h[key] = v;
      }
      hyper.push(h);
    });
    const next = new Map<Tensor, { step: number; square_avg: Tensor; momentum_buffer: Tensor | undefined; grad_avg: Tensor | undefined }>();
    for (const [key, entry] of Object.entries(state ?? {})) {
      const p = byIndex.get(Number(key));
      if (p === undefined) continue; // PyTorch keeps entries of unknown ids; they are never used
      const stepValue = entry.step instanceof Tensor ? (entry.step.data[0] as number) : entry.step;
      if (typeof stepValue !== 'number' || !Number.isFinite(stepValue)) {
        throw new ValueError(`${WHERE}.loadStateDict: state['${key}'].step must be a number, but received ${describe(entry.step)}.`);
      }
      const copy = (name: string): Tensor | undefined => {
        const t = entry[name];
        if (t === undefined || t === null) return undefined;
        if (!(t instanceof Tensor) || t.numel !== p.numel || t.shape.join(',') !== p.shape.join(',')) {
          throw new ValueError(`${WHERE}.loadStateDict: state['${key}'].${name} must be a Tensor of shape [${p.shape.join(', ')}], but received ${describe(t)}.`);
        }
        return t;
      };
      const sq = copy('square_avg');
      if (sq === undefined) throw new ValueError(`${WHERE}.loadStateDict: state['${key}'] has no square_avg.`);
      const mb = copy('momentum_buffer');
      const ga = copy('grad_avg');
      next.set(p, { step: stepValue, square_avg: sq, momentum_buffer: mb, grad_avg: ga });
    }
    // everything checked: now the state is replaced by copies in the parameter allocator's memory
    // (copied before the old state is freed: the loaded tensors may be this optimizer's own)
    const fresh = new Map<Tensor, RMSpropState>();
    for (const [p, loaded] of next) {
      const st: RMSpropState = { step: loaded.step, square_avg: stateFrom(p, loaded.square_avg.data) };
      if (loaded.momentum_buffer !== undefined) st.momentum_buffer = stateFrom(p, loaded.momentum_buffer.data);
      if (loaded.grad_avg !== undefined) st.grad_avg = stateFrom(p, loaded.grad_avg.data);
      fresh.set(p, st);
    }
    this.paramGroups.forEach((g, i) => Object.assign(g, hyper[i]));
    this.dispose();
    for (const [p, st] of fresh) this.state.set(p, st);
  }

  /** PyTorch's spelling of {@link RMSprop.zeroGrad}: the same function. */
  declare zero_grad: RMSprop['zeroGrad'];
  /** PyTorch's spelling of {@link RMSprop.stateDict}: the same function. */
  declare state_dict: RMSprop['stateDict'];
  /** PyTorch's spelling of {@link RMSprop.loadStateDict}: the same function. */
  declare load_state_dict: RMSprop['loadStateDict'];
}

for (const [alias, name] of [
  ['zero_grad', 'zeroGrad'],
  ['state_dict', 'stateDict'],
  ['load_state_dict', 'loadStateDict'],
] as const) {
  Object.defineProperty(RMSprop.prototype, alias, { value: RMSprop.prototype[name], writable: true, configurable: true });
}

function disposeState(st: RMSpropState): void {
  st.square_avg.dispose();
  st.momentum_buffer?.dispose();
  st.grad_avg?.dispose();
}

/**
 * PyTorch's `torch.optim` spelling: `compat.torch.optim.RMSprop` and
 * `compat.torch.optim.lr_scheduler.StepLR` are the same classes as `compat.torch.RMSprop` and
 * `compat.torch.lr_scheduler.StepLR`.
 */
export const optim: TorchOptim = { RMSprop, lr_scheduler };

/** The members of {@link optim}: PyTorch's `torch.optim` names. */
export interface TorchOptim {
  /** PyTorch's `torch.optim.RMSprop`: {@link RMSprop}. */
  readonly RMSprop: typeof RMSprop;
  /** PyTorch's `torch.optim.lr_scheduler`: the schedulers of src/compat/torch-lr.ts. */
  readonly lr_scheduler: typeof lr_scheduler;
}

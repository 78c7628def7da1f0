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
 * Float64 parameters use plain double arithmetic (no fused multiply-add). The mean square is
 * TensorFlow's expression, not the fused kernel's (see shared.ts), so this is its own loop.
 */
import { RuntimeError, TypeError as PaddleTypeError, ValueError } from '../errors.js';
import { checkOptions, describe } from '../options.js';
import type { FloatArray } from '../tensor/dtype.js';
import { SelectedRows } from '../tensor/selected-rows.js';
import { Tensor } from '../tensor/tensor.js';
import { fmaf } from './torch.js';
import { checkBoolean, checkNumber, checkFloatTensor, fullLike } from './shared.js';

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
    for (const group of this.paramGroups) {
      for (const p of group.params) {
        const grad = p.grad;
        if (grad === null) continue;
        let st = this.state.get(p);
        if (st === undefined) {
          st = { step: 0, square_avg: fullLike(p, 1) };
          if (group.momentum > 0) st.momentum_buffer = fullLike(p, 0);
          if (group.centered) st.grad_avg = fullLike(p, 0);
          this.state.set(p, st);
        }
        if (group.momentum > 0) st.momentum_buffer ??= fullLike(p, 0);
        if (group.centered) st.grad_avg ??= fullLike(p, 0);
        st.step += 1;
        (p.dtype === 'float32' ? stepF32 : stepF64)(
          p.data as FloatArray,
          (grad as Tensor).data as FloatArray,
          st.square_avg.data as FloatArray,
          group.centered ? ((st.grad_avg as Tensor).data as FloatArray) : null,
          group.momentum > 0 ? ((st.momentum_buffer as Tensor).data as FloatArray) : null,
          group,
        );
      }
    }
    return loss;
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

function stepF32(p: FloatArray, g: FloatArray, sq: FloatArray, ga: FloatArray | null, buf: FloatArray | null, h: RMSpropTFGroup): void {
  const f = Math.fround;
  const c = f(1 - h.alpha);
  const eps = f(h.eps);
  const wd = f(h.weightDecay);
  const decayFactor = f(1 - h.lr * h.weightDecay);
  const mu = f(h.momentum);
  const lr = f(h.lr);
  const negLr = f(-h.lr);
  for (let i = 0; i < p.length; i++) {
    let gi = g[i] as number;
    let pi = p[i] as number;
    if (h.weightDecay !== 0) {
      if (h.decoupledDecay) pi = f(pi * decayFactor);
      else gi = fmaf(pi, wd, gi);
    }
    const s = fmaf(f(f(gi * gi) - (sq[i] as number)), c, sq[i] as number);
    sq[i] = s;
    let avg: number;
    if (ga !== null) {
      const a = fmaf(f(gi - (ga[i] as number)), c, ga[i] as number);
      ga[i] = a;
      avg = f(Math.sqrt(f(fmaf(-a, a, s) + eps)));
    } else avg = f(Math.sqrt(f(s + eps)));
    if (buf !== null) {
      if (h.lrInMomentum) {
        const b = f(f((buf[i] as number) * mu) + f(f(lr * gi) / avg));
        buf[i] = b;
        p[i] = f(pi - b);
      } else {
        const b = f(f((buf[i] as number) * mu) + f(gi / avg));
        buf[i] = b;
        p[i] = fmaf(b, negLr, pi);
      }
    } else p[i] = f(pi + f(f(negLr * gi) / avg));
  }
}

function stepF64(p: FloatArray, g: FloatArray, sq: FloatArray, ga: FloatArray | null, buf: FloatArray | null, h: RMSpropTFGroup): void {
  const c = 1 - h.alpha;
  for (let i = 0; i < p.length; i++) {
    let gi = g[i] as number;
    let pi = p[i] as number;
    if (h.weightDecay !== 0) {
      if (h.decoupledDecay) pi = pi * (1 - h.lr * h.weightDecay);
      else gi = gi + pi * h.weightDecay;
    }
    const s = (sq[i] as number) + (gi * gi - (sq[i] as number)) * c;
    sq[i] = s;
    let avg: number;
    if (ga !== null) {
      const a = (ga[i] as number) + (gi - (ga[i] as number)) * c;
      ga[i] = a;
      avg = Math.sqrt(s - a * a + h.eps);
    } else avg = Math.sqrt(s + h.eps);
    if (buf !== null) {
      if (h.lrInMomentum) {
        const b = (buf[i] as number) * h.momentum + (h.lr * gi) / avg;
        buf[i] = b;
        p[i] = pi - b;
      } else {
        const b = (buf[i] as number) * h.momentum + gi / avg;
        buf[i] = b;
        p[i] = pi + b * -h.lr;
      }
    } else p[i] = pi + (-h.lr * gi) / avg;
  }
}

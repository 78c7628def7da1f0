/**
 * `paddle.optimizer.RMSProp` (spec §1, §7). Per element, in the parameter dtype T, with ρ, ε, μ
 * rounded to float32 first (even for float64 parameters) and c = T(1 − ρ):
 *
 *   ms  = ρ·ms + (c·g)·g
 *   mg  = ρ·mg + c·g                                   (centered only)
 *   mom = μ·mom + (η·g) / sqrt(ms + ε)                 (centered: sqrt((ms − mg·mg) + ε))
 *   p   = p − mom
 *
 * ε sits inside the square root and the learning rate η is folded into the momentum buffer —
 * both unlike PyTorch. The update runs in the selected kernel backend (src/kernels): the plain
 * TypeScript reference or the fused WebAssembly SIMD kernel, which are bit-identical.
 */
import { TypeError as PaddleTypeError, ValueError, pyTypeName } from '../errors.js';
import { getBackend } from '../kernels/index.js';
import type { RmspropHyper, RmspropSlot } from '../kernels/types.js';
import { checkOptions } from '../options.js';
import type { FloatArray } from '../tensor/dtype.js';
import type { Tensor } from '../tensor/tensor.js';
import type { LRScheduler } from './lr/lr-scheduler.js';
import {
  Optimizer,
  type BaseOptimizerOptions,
  type BaseParamGroup,
  type PreparedEntry,
  type ResolvedGroup,
} from './optimizer.js';

/** A parameter group of RMSProp: the base keys plus per-group hyper-parameters. */
export interface RMSPropParamGroup extends BaseParamGroup {
  /** This group's `rho` (overrides the optimizer's). */
  rho?: number;
  /** This group's `epsilon` (overrides the optimizer's). */
  epsilon?: number;
  /** This group's `momentum` (overrides the optimizer's). */
  momentum?: number;
  /** This group's `centered` (overrides the optimizer's). */
  centered?: boolean;
}

/**
 * Optional arguments of {@link optimizer.RMSProp} (Paddle's `rho`, `epsilon`, `momentum`,
 * `centered`, `parameters`, `weight_decay`, `grad_clip`, `name`, camelCase).
 */
export interface RMSPropOptions extends BaseOptimizerOptions<RMSPropParamGroup> {
  /** The decay rate of the mean square, in [0, 1) (Paddle's `rho`; default 0.95). */
  rho?: number | null;
  /** Added inside the square root for stability, ≥ 0 (Paddle's `epsilon`; default 1e-6). */
  epsilon?: number | null;
  /** The momentum factor, ≥ 0 (Paddle's `momentum`; default 0). */
  momentum?: number | null;
  /**
   * Normalize by the centered second moment (mean square minus squared mean gradient); Paddle's
   * `centered`, default `false`.
   */
  centered?: boolean;
}

const OPTION_KEYS = ['rho', 'epsilon', 'momentum', 'centered', 'parameters', 'weightDecay', 'gradClip', 'name'] as const;
const GROUP_KEYS = ['params', 'learningRate', 'weightDecay', 'gradClip', 'rho', 'epsilon', 'momentum', 'centered'] as const;

function checkHyper(value: unknown, what: 'rho' | 'epsilon' | 'momentum'): number {
  if (typeof value !== 'number') {
    throw new PaddleTypeError(`${what} must be a number, but received ${pyTypeName(value)}.`);
  }
  if (Number.isNaN(value)) throw new ValueError(`Invalid value of ${what}, expect ${what} >= 0, but received NaN.`);
  if (value < 0) throw new ValueError(`Invalid value of ${what}, expect ${what} >= 0.`);
  return value;
}

/**
 * `paddle.optimizer.RMSProp`: Paddle's root-mean-square propagation optimizer. For each parameter
 * `p` with gradient `g` (after clipping and weight decay), with Paddle's order of operations:
 *
 * ```
 * mean_square = rho * mean_square + (1 - rho) * g * g
 * mean_grad   = rho * mean_grad + (1 - rho) * g                 (centered only)
 * denom       = mean_square - mean_grad * mean_grad  (centered)  or  mean_square
 * momentum    = momentum_factor * momentum + lr * g / sqrt(denom + epsilon)
 * p           = p - momentum
 * ```
 *
 * The learning rate is folded into the momentum buffer and ε sits inside the square root, as in
 * Paddle. A group's `learningRate` is a scale on the optimizer's rate. The update of each parameter
 * group runs as one fused WebAssembly SIMD call where WebAssembly is available (bit-identical to the
 * reference TypeScript loop).
 *
 * Paddle: `paddle.optimizer.RMSProp(learning_rate, rho=0.95, epsilon=1e-06, momentum=0.0,
 * centered=False, parameters=None, weight_decay=None, grad_clip=None, name=None)`.
 *
 * @example
 * ```ts
 * import * as paddle from 'paddle-rmsprop';
 *
 * const linear = new paddle.nn.Linear(10, 10);
 * const rmsprop = new paddle.optimizer.RMSProp(0.1, {
 *   parameters: linear.parameters(),
 *   weightDecay: 0.01,
 *   gradClip: new paddle.nn.ClipGradByGlobalNorm(1.0),
 * });
 * const loss = paddle.mean(linear.forward(paddle.rand([10, 10])));
 * loss.backward();
 * rmsprop.step();
 * rmsprop.clearGrad();
 * ```
 */
export class RMSProp extends Optimizer<RMSPropParamGroup> {
  protected readonly accumulatorKinds = ['momentum', 'mean_square', 'mean_grad'] as const;
  /** Paddle's op type name, `'rmsprop'`. */
  readonly type = 'rmsprop';
  /** The decay rate of the mean square (Paddle's `rho`). */
  readonly rho: number;
  /** The term added inside the square root (Paddle's `epsilon`). */
  readonly epsilon: number;
  /** The momentum factor (Paddle's `momentum`). */
  readonly momentum: number;
  /** Whether the mean square is centered by the mean gradient (Paddle's `centered`). */
  readonly centered: boolean;

  /**
   * `RMSProp(learning_rate, rho=0.95, epsilon=1e-6, momentum=0.0, centered=False,
   * parameters=None, weight_decay=None, grad_clip=None, name=None)`.
   *
   * @param learningRate - A finite number ≥ 0, or an `LRScheduler` (Paddle's `learning_rate`).
   * @param options - {@link RMSPropOptions}: `rho`, `epsilon`, `momentum`, `centered`,
   *   `parameters` (Tensors or parameter groups), `weightDecay`, `gradClip`, `name`.
   * @throws {@link errors.ValueError} for a missing or negative learning rate, a negative or NaN
   *   `rho` / `epsilon` / `momentum`, or a parameter listed twice; {@link errors.TypeError} for an
   *   argument of the wrong type or an unknown option key (naming the camelCase key).
   */
  constructor(learningRate: number | LRScheduler, options?: RMSPropOptions) {
    const opts = checkOptions('RMSProp', options, OPTION_KEYS);
    // Paddle's validation order (spec §1).
    if (learningRate === undefined || learningRate === null) throw new ValueError('learning_rate is not set.');
    if (opts.rho === null) throw new ValueError('rho is not set.');
    if (opts.epsilon === null) throw new ValueError('epsilon is not set.');
    if (opts.momentum === null) throw new ValueError('momentum is not set.');
    const rho = opts.rho ?? 0.95;
    const epsilon = opts.epsilon ?? 1e-6;
    const momentum = opts.momentum ?? 0.0;
    checkHyper(epsilon, 'epsilon');
    checkHyper(momentum, 'momentum');
    checkHyper(rho, 'rho');
    if (opts.centered !== undefined && typeof opts.centered !== 'boolean') {
      throw new PaddleTypeError(`centered must be a boolean, but received ${pyTypeName(opts.centered)}.`);
    }
    super(learningRate, opts, 'RMSProp', GROUP_KEYS);
    this.rho = rho;
    this.epsilon = epsilon;
    this.momentum = momentum;
    this.centered = opts.centered ?? false;
  }

  protected validateGroup(group: RMSPropParamGroup, index: number): void {
    for (const key of ['rho', 'epsilon', 'momentum'] as const) {
      const v = group[key];
      if (v !== undefined) {
        try {
          checkHyper(v, key);
        } catch (e) {
          if (e instanceof Error) e.message = `parameter group ${index}: ${e.message}`;
          throw e;
        }
      }
    }
    if (group.centered !== undefined && typeof group.centered !== 'boolean') {
      throw new PaddleTypeError(`parameter group ${index}: centered must be a boolean, but received ${pyTypeName(group.centered)}.`);
    }
  }

  /**
   * The group's hyper-parameters, falling back to the constructor's (never written back).
   * @param group - A parameter group, or `null` for the constructor's values.
   * @returns `{ rho, epsilon, momentum, centered }`.
   */
  hyperFor(group: RMSPropParamGroup | null): RmspropHyper {
    return {
      rho: group?.rho ?? this.rho,
      epsilon: group?.epsilon ?? this.epsilon,
      momentum: group?.momentum ?? this.momentum,
      centered: group?.centered ?? this.centered,
    };
  }

  protected update(
    group: ResolvedGroup<RMSPropParamGroup>,
    entries: readonly PreparedEntry[],
    accumulatorsOf: (p: Tensor) => readonly Tensor[],
  ): void {
    const hyper = this.hyperFor(group.raw);
    const backend = getBackend();
    for (const dtype of ['float32', 'float64'] as const) {
      const slots: RmspropSlot<FloatArray>[] = [];
      for (const e of entries) {
        if (e.param.dtype !== dtype) continue;
        const grad = e.grad();
        const [moment, meanSquare, meanGrad] = accumulatorsOf(e.param) as [Tensor, Tensor, Tensor];
        const slot: RmspropSlot<FloatArray> = {
          param: e.param.data as FloatArray,
          grad,
          meanSquare: meanSquare.data as FloatArray,
          moment: moment.data as FloatArray,
          meanGrad: meanGrad.data as FloatArray,
          lr: e.lr,
        };
        if (e.transform.kind === 'value') {
          slot.clipMin = e.transform.min;
          slot.clipMax = e.transform.max;
        } else if (e.transform.kind === 'scale') {
          slot.gradScale = e.transform.scale;
        }
        if (e.decay !== null) slot.decay = { kind: e.decay.kind, coeff: e.decay.coeff };
        slots.push(slot);
      }
      if (slots.length > 0) backend.rmspropStep(dtype, slots, hyper);
    }
  }
}

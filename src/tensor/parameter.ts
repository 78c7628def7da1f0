/**
 * `Parameter` (Paddle's EagerParamBase): a trainable leaf tensor allocated through the parameter
 * allocator, with the attributes the optimizer reads: `optimizeAttr.learningRate` (a multiplier
 * of the base LR), `regularizer`, `needClip`, `trainable` (= !stopGradient).
 */
import type { DType } from './dtype.js';
import { checkShape, numelOf, type Shape } from './shape.js';
import { getParameterAllocator } from './storage.js';
import { ParameterBase } from './tensor.js';

/**
 * The weight decay a parameter carries from its ParamAttr (an `L1Decay` or `L2Decay` instance
 * satisfies it); the optimizer reads `kind` and `coeff`. Declared here so that the tensor core
 * needs no regularizer code.
 */
export interface ParameterDecay {
  readonly kind: 'l1' | 'l2';
  readonly coeff: number;
}

export interface ParameterInit {
  name: string;
  trainable?: boolean;
  learningRate?: number;
  regularizer?: ParameterDecay | null;
  needClip?: boolean;
  isBias?: boolean;
}

export class Parameter extends ParameterBase {
  optimizeAttr: { learningRate: number };
  regularizer: ParameterDecay | null;
  needClip: boolean;
  readonly isBias: boolean;

  constructor(shape: Shape, dtype: DType, init: ParameterInit) {
    const dims = checkShape(shape);
    const storage = getParameterAllocator().alloc(dtype, numelOf(dims));
    super(storage, dims, { name: init.name, stopGradient: !(init.trainable ?? true) });
    this.optimizeAttr = { learningRate: init.learningRate ?? 1.0 };
    this.regularizer = init.regularizer ?? null;
    this.needClip = init.needClip ?? true;
    this.isBias = init.isBias ?? false;
  }

  /** Paddle: `param.trainable = x` sets `stop_gradient = !x`. */
  get trainable(): boolean {
    return !this.stopGradient;
  }
  set trainable(value: boolean) {
    this.stopGradient = !value;
  }

  /** Paddle's `optimize_attr` spelling. */
  get optimize_attr(): { learning_rate: number } {
    const attr = this.optimizeAttr;
    return {
      get learning_rate(): number {
        return attr.learningRate;
      },
      set learning_rate(v: number) {
        attr.learningRate = v;
      },
    };
  }

  get need_clip(): boolean {
    return this.needClip;
  }

  protected override describeSelf(): string {
    return `the parameter '${this.name}'`;
  }
}

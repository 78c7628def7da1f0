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
  /** `'l1'` or `'l2'`. */
  readonly kind: 'l1' | 'l2';
  /** The decay coefficient. */
  readonly coeff: number;
}

/**
 * What {@link Parameter}'s constructor takes besides its values: Paddle's `ParamAttr` fields (name,
 * trainable, learning rate, regularizer, clipping, bias).
 */
export interface ParameterInit {
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name: string;
  /** Whether the optimizer updates the parameter (default `true`). */
  trainable?: boolean;
  /** A factor on the optimizer's learning rate (default 1). */
  learningRate?: number;
  /** The parameter's own weight decay (from its ParamAttr), or null. */
  regularizer?: ParameterDecay | null;
  /** Whether gradient clipping applies to it (default `true`). */
  needClip?: boolean;
  /** Whether the parameter is a bias: its default initializer is then zeros (Paddle's `is_bias`). */
  isBias?: boolean;
}

export class Parameter extends ParameterBase {
  /** Paddle's `optimize_attr`: the learning-rate scale the optimizer applies to this parameter. */
  optimizeAttr: {
    /** The factor on the optimizer's learning rate (Paddle's `optimize_attr['learning_rate']`). */
    learningRate: number;
  };
  /**
   * The parameter's own weight decay (from its ParamAttr), or null; it takes precedence over the
   * optimizer's.
   */
  regularizer: ParameterDecay | null;
  /** Whether gradient clipping applies to this parameter (Paddle's `need_clip`). */
  needClip: boolean;
  /** Whether the parameter was created as a bias. */
  readonly isBias: boolean;

  /**
   * A zero-filled parameter allocated through the parameter allocator (the kernel heap when the
   * WASM backend is active); layers make theirs with `createParameter`, which also initialises it.
   * @param shape - The shape, non-negative integers.
   * @param dtype - The dtype (float32 or float64 for a trainable parameter).
   * @param init - {@link ParameterInit}: the name and Paddle's `ParamAttr` fields.
   * @throws {@link errors.ValueError} when `shape` is not an array of non-negative integers.
   */
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
  /** Setting it sets `stopGradient` to its negation, as Paddle's setter does. */
  set trainable(value: boolean) {
    this.stopGradient = !value;
  }

  /** Paddle's `optimize_attr` spelling. */
  get optimize_attr(): {
    /** The factor on the optimizer's learning rate. */
    learning_rate: number;
  } {
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

  /** Paddle's spelling of `needClip`: the same accessor. */
  get need_clip(): boolean {
    return this.needClip;
  }

  protected override describeSelf(): string {
    return `the parameter '${this.name}'`;
  }
}

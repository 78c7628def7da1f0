/**
 * `paddle.ParamAttr` (spec §14): how a parameter is named, initialised, scaled (per-parameter LR
 * multiplier), regularised, trained and clipped. Types are checked like Paddle's `check_type`
 * (TypeError with Paddle's wording); `name: ''` is a ValueError.
 *
 * `ParamAttr.toAttr(arg)` (Paddle's `_to_attr`) turns what layers accept as `weightAttr` /
 * `biasAttr` into a ParamAttr: null/undefined/true → a default ParamAttr, a string → its name,
 * an Initializer → its initializer, a regularizer → its regularizer, `false` → `false` (no
 * parameter, e.g. no bias); anything else is a TypeError.
 */
import { TypeError as PaddleTypeError, ValueError, pyTypeName } from '../errors.js';
import { checkOptions } from '../options.js';
import { WeightDecayRegularizer } from '../regularizer/index.js';
import { typeError } from './args.js';
import { Initializer } from './initializer/initializer.js';

/**
 * Optional arguments of {@link ParamAttr} (Paddle's `name`, `initializer`, `learning_rate`,
 * `regularizer`, `trainable`, `do_model_average`, `need_clip`).
 */
export interface ParamAttrOptions {
  /** The parameter's name (Paddle's `name`); a unique one is generated when omitted. */
  name?: string | null;
  /** How the parameter's values are made (Paddle's `initializer`; default: the layer's). */
  initializer?: Initializer | null;
  /** A factor on the optimizer's learning rate for this parameter (Paddle's `learning_rate`; default 1). */
  learningRate?: number;
  /**
   * The weight decay of this parameter; it takes precedence over the optimizer's `weightDecay`
   * (Paddle's `regularizer`).
   */
  regularizer?: WeightDecayRegularizer | null;
  /** Whether the optimizer updates the parameter (Paddle's `trainable`; default `true`). */
  trainable?: boolean;
  /** Paddle's `do_model_average`; kept for compatibility, no optimizer here reads it. */
  doModelAverage?: boolean;
  /** Whether gradient clipping applies to this parameter (Paddle's `need_clip`; default `true`). */
  needClip?: boolean;
}

/** What `weightAttr` / `biasAttr` / `attr` accept. */
export type ParamAttrLike = ParamAttr | string | Initializer | WeightDecayRegularizer | boolean | null | undefined;

const KEYS = ['name', 'initializer', 'learningRate', 'regularizer', 'trainable', 'doModelAverage', 'needClip'] as const;

/**
 * `paddle.ParamAttr(name=None, initializer=None, learning_rate=1.0, regularizer=None,
 * trainable=True, do_model_average=True, need_clip=True)`: how a layer creates a parameter (its
 * name, initializer, learning-rate scale, regularizer, trainability, clipping).
 *
 * @example
 * ```ts
 * const attr = new paddle.ParamAttr({
 *   name: 'fc.w',
 *   learningRate: 0.5,
 *   regularizer: new paddle.regularizer.L2Decay(1e-4),
 * });
 * const fc = new paddle.nn.Linear(10, 10, { weightAttr: attr });
 * ```
 */
export class ParamAttr {
  /** The parameter's name, or null for a generated one. */
  name: string | null;
  /** The initializer, or null for the layer's default. */
  initializer: Initializer | null;
  /** Multiplier of the optimizer's learning rate for this parameter (`optimize_attr`). */
  learningRate: number;
  /** The parameter's weight decay, or null (the optimizer's then applies). */
  regularizer: WeightDecayRegularizer | null;
  /** Whether the optimizer updates the parameter. */
  trainable: boolean;
  /** Paddle's `do_model_average` flag (kept, unused). */
  doModelAverage: boolean;
  /** Whether gradient clipping applies to the parameter. */
  needClip: boolean;

  /**
   * Creates the attribute set.
   * @param options - {@link ParamAttrOptions}: `name`, `initializer`, `learningRate` (default 1.0), `regularizer`, `trainable` (default `true`), `doModelAverage` (default `true`), `needClip` (default `true`).
   * @throws {@link errors.TypeError} when a field has the wrong type or an option is unknown; {@link errors.ValueError} when `name` is the empty string.
   */
  constructor(options?: ParamAttrOptions) {
    const o = checkOptions('ParamAttr', options, KEYS);
    const name = o.name ?? null;
    const learningRate = o.learningRate ?? 1.0;
    const trainable = o.trainable ?? true;
    const doModelAverage = o.doModelAverage ?? true;
    const needClip = o.needClip ?? true;
    const initializer = o.initializer ?? null;
    const regularizer = o.regularizer ?? null;
    if (name !== null && typeof name !== 'string') {
      throw typeError('ParamAttr', 'name', "(<class 'str'>, <class 'NoneType'>)", name);
    }
    if (typeof learningRate !== 'number') {
      throw typeError('ParamAttr', 'learning_rate', "(<class 'float'>, <class 'int'>)", learningRate);
    }
    if (typeof trainable !== 'boolean') throw typeError('ParamAttr', 'trainable', "<class 'bool'>", trainable);
    if (typeof doModelAverage !== 'boolean') {
      throw typeError('ParamAttr', 'do_model_average', "<class 'bool'>", doModelAverage);
    }
    if (typeof needClip !== 'boolean') throw typeError('ParamAttr', 'need_clip', "<class 'bool'>", needClip);
    if (initializer !== null && !(initializer instanceof Initializer)) {
      throw typeError(
        'ParamAttr',
        'initializer',
        "(<class 'paddle.nn.initializer.initializer.Initializer'>, <class 'NoneType'>)",
        initializer,
      );
    }
    if (regularizer !== null && !(regularizer instanceof WeightDecayRegularizer)) {
      throw typeError(
        'ParamAttr',
        'regularizer',
        "(<class 'paddle.regularizer.WeightDecayRegularizer'>, <class 'NoneType'>)",
        regularizer,
      );
    }
    if (name === '') throw new ValueError('name of ParamAttr can not be empty str');
    this.name = name;
    this.initializer = initializer;
    this.learningRate = learningRate;
    this.regularizer = regularizer;
    this.trainable = trainable;
    this.doModelAverage = doModelAverage;
    this.needClip = needClip;
  }

  /**
   * Paddle's `ParamAttr._to_attr` (see the module comment). Never returns the caller's object mutated.
   * @param arg - `null`/`undefined`/`true` (a default ParamAttr), `false` (no parameter), a ParamAttr (returned as is), a name string, an Initializer or a regularizer (Paddle's `arg`).
   * @returns A new ParamAttr, or `false`.
   * @throws {@link errors.TypeError} for any other value.
   */
  static toAttr(arg: ParamAttrLike): ParamAttr | false {
    if (arg === null || arg === undefined) return new ParamAttr();
    if (arg instanceof ParamAttr) return arg;
    if (typeof arg === 'string') return new ParamAttr({ name: arg });
    if (arg instanceof Initializer) return new ParamAttr({ initializer: arg });
    if (arg instanceof WeightDecayRegularizer) return new ParamAttr({ regularizer: arg });
    if (typeof arg === 'boolean') return arg ? new ParamAttr() : false;
    throw new PaddleTypeError(`${pyTypeName(arg)} cast to ParamAttr`);
  }

  /**
   * A copy (Paddle deep-copies the attr before filling in defaults).
   * @returns A new ParamAttr with the same fields (the initializer and regularizer objects are shared).
   */
  clone(): ParamAttr {
    return new ParamAttr({
      name: this.name,
      initializer: this.initializer,
      learningRate: this.learningRate,
      regularizer: this.regularizer,
      trainable: this.trainable,
      doModelAverage: this.doModelAverage,
      needClip: this.needClip,
    });
  }

  // Paddle's attribute spellings.
  /** Paddle's spelling of `learningRate`: the same accessor. */
  get learning_rate(): number {
    return this.learningRate;
  }
  /** Sets `learningRate`. */
  set learning_rate(v: number) {
    this.learningRate = v;
  }
  /** Paddle's spelling of `needClip`: the same accessor. */
  get need_clip(): boolean {
    return this.needClip;
  }
  /** Sets `needClip`. */
  set need_clip(v: boolean) {
    this.needClip = v;
  }
  /** Paddle's spelling of `doModelAverage`: the same accessor. */
  get do_model_average(): boolean {
    return this.doModelAverage;
  }
  /** Sets `doModelAverage`. */
  set do_model_average(v: boolean) {
    this.doModelAverage = v;
  }

  /**
   * Paddle's `_to_attr` spelling.
   * @param arg - `null`/`undefined`/`true` (a default ParamAttr), `false` (no parameter), a ParamAttr (returned as is), a name string, an Initializer or a regularizer (Paddle's `arg`).
   * @returns A new ParamAttr, or `false`.
   * @throws {@link errors.TypeError} for any other value.
   */
  static _to_attr(arg: ParamAttrLike): ParamAttr | false {
    return ParamAttr.toAttr(arg);
  }

  /**
   * Same as `toAttr`.
   * @param arg - `null`/`undefined`/`true` (a default ParamAttr), `false` (no parameter), a ParamAttr (returned as is), a name string, an Initializer or a regularizer (Paddle's `arg`).
   * @returns A new ParamAttr, or `false`.
   * @throws {@link errors.TypeError} for any other value.
   */
  static _toAttr(arg: ParamAttrLike): ParamAttr | false {
    return ParamAttr.toAttr(arg);
  }
}

/**
 * `paddle.nn.Linear`, `Embedding`, `Dropout`, `Flatten` (spec §14). Constructor arguments are
 * validated before the layer takes a name or allocates anything.
 */
import { TypeError as PaddleTypeError, ValueError } from '../errors.js';
import { checkOptions, describe } from '../options.js';
import { getDefaultDType } from '../tensor/creation.js';
import type { Parameter } from '../tensor/parameter.js';
import type { NestedArray, Tensor } from '../tensor/tensor.js';
import { positionalOrOptions } from './args.js';
import { isParameterNameUsed } from './create-parameter.js';
import { checkDropoutArgs, dropout, flatten } from './functional/common.js';
import { embedding, normalizePaddingIdx } from './functional/input.js';
import { linear } from './functional/linear.js';
import { Layer } from './layer.js';
import { ParamAttr, type ParamAttrLike } from './param-attr.js';

/** Converts the attrs of a layer up front (TypeErrors) and checks explicit names are free. */
export function preflightAttrs(attrs: readonly ParamAttrLike[]): void {
  const names: string[] = [];
  for (const a of attrs) {
    const attr = ParamAttr.toAttr(a);
    if (attr === false || attr.name === null) continue;
    if (isParameterNameUsed(attr.name) || names.includes(attr.name)) {
      throw new ValueError(
        `parameter name [${attr.name}] have be been used. In dygraph mode, the name of parameter can't be same.Please check the parameter attr value passed to self.create_parameter or constructor of dygraph Layers`,
      );
    }
    names.push(attr.name);
  }
}

/** An integer argument (TypeError naming it otherwise). */
export function positiveInt(where: string, argName: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new PaddleTypeError(`${where}: '${argName}' must be an integer, but received ${describe(value)}.`);
  }
  return value;
}

/** Optional arguments of {@link nn.Linear} (Paddle's `weight_attr`, `bias_attr`, `name`). */
export interface LinearLayerOptions {
  /** The weight's {@link ParamAttr}, or a name, initializer or regularizer in its place (Paddle's `weight_attr`). */
  weightAttr?: ParamAttrLike;
  /** The bias's {@link ParamAttr} (or a name, initializer or regularizer); `false` builds no bias (Paddle's `bias_attr`). */
  biasAttr?: ParamAttrLike;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

/**
 * `paddle.nn.Linear(in_features, out_features, weight_attr=None, bias_attr=None, name=None)`:
 * `y = x·W + b`, W of shape `[in, out]` (XavierUniform by default), b of shape `[out]` (zeros);
 * `biasAttr: false` → no bias. The dtype is `paddle.get_default_dtype()`.
 *
 * @example
 * ```ts
 * const linear = new paddle.nn.Linear(4, 2, { biasAttr: false });
 * const y = linear.forward(paddle.rand([8, 4])); // shape [8, 2]
 * ```
 */
export class Linear extends Layer {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'Linear';

  /** The weight Parameter, of shape `[inFeatures, outFeatures]` (Paddle's `Linear.weight`). */
  readonly weight: Parameter;
  /**
   * The bias Parameter, of shape `[outFeatures]`, or null when built with `biasAttr: false`
   * (Paddle's `Linear.bias`).
   */
  readonly bias: Parameter | null;
  /** The `name` the Linear was built with (Paddle's `name`), or null. */
  readonly name: string | null;

  /**
   * Creates the layer and its parameters.
   * @param inFeatures - The input size, a positive integer (Paddle's `in_features`).
   * @param outFeatures - The output size, a positive integer (Paddle's `out_features`).
   * @param options - {@link LinearLayerOptions}: `weightAttr`, `biasAttr` (`false`: no bias), `name`.
   * @throws {@link errors.TypeError} when a size is not an integer, an attr is not a ParamAttr-like value, or an option is unknown; {@link errors.ValueError} when a size is not positive or a parameter name is already used.
   */
  constructor(inFeatures: number, outFeatures: number, options?: LinearLayerOptions) {
    const o = checkOptions('Linear', options, ['weightAttr', 'biasAttr', 'name']);
    const inF = positiveInt('Linear', 'in_features', inFeatures);
    const outF = positiveInt('Linear', 'out_features', outFeatures);
    for (const [i, d] of [inF, outF].entries()) {
      if (d <= 0) {
        throw new ValueError(`Linear: ${i === 0 ? 'in_features' : 'out_features'} must be positive, but received ${d}.`);
      }
    }
    preflightAttrs([o.weightAttr, o.biasAttr]);
    super();
    this._dtype = getDefaultDType();
    this.name = o.name ?? null;
    this.weight = this.addParameter('weight', this.createParameter([inF, outF], { attr: o.weightAttr, isBias: false }) as Parameter);
    this.bias = this.addParameter('bias', this.createParameter([outF], { attr: o.biasAttr, isBias: true }));
  }

  /**
   * Computes `input · weight + bias` with `F.linear` (Paddle: `Linear.forward`).
   * @param input - A float Tensor `[..., in_features]` of the layer's dtype.
   * @returns A new Tensor `[..., out_features]` of the layer's dtype.
   * @throws {@link errors.TypeError} when `input` is not a float Tensor or its dtype differs from the weight's; {@link errors.ValueError} when its last dimension is not `in_features` (or it is 0-D).
   */
  override forward(input: Tensor): Tensor {
    return linear(input, this.weight, this.bias);
  }

  override extraRepr(): string {
    const nameStr = this.name !== null && this.name !== '' ? `, name=${this.name}` : '';
    return `in_features=${this.weight.shape[0]}, out_features=${this.weight.shape[1]}, dtype=${this._dtype}${nameStr}`;
  }
}

/** Optional arguments of {@link nn.Embedding} (Paddle's `padding_idx`, `sparse`, `weight_attr`, `name`). */
export interface EmbeddingLayerOptions {
  /**
   * Row whose output is zeros and whose gradient is not accumulated (Paddle's `padding_idx`;
   * negative counts from the end).
   */
  paddingIdx?: number | null;
  /**
   * Produce a row-sparse gradient (`SelectedRows`) instead of a dense one (Paddle's `sparse`;
   * default `false`).
   */
  sparse?: boolean;
  /** The weight's {@link ParamAttr}, or a name, initializer or regularizer in its place (Paddle's `weight_attr`). */
  weightAttr?: ParamAttrLike;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

/**
 * `paddle.nn.Embedding(num_embeddings, embedding_dim, padding_idx=None, sparse=False,
 * weight_attr=None, name=None)` (spec §14): weight `[num_embeddings, embedding_dim]`
 * (XavierUniform with fan_in = num_embeddings, fan_out = embedding_dim), the padding row zeroed at
 * construction (≈3.x), zeros looked up for padding ids, dense or row-sparse gradients (see
 * `functional/input.ts`). `paddingIdx` < 0 means `num_embeddings + paddingIdx`.
 *
 * @example
 * ```ts
 * const emb = new paddle.nn.Embedding(10, 3, { sparse: true });
 * const ids = paddle.toTensor([[0, 2], [2, 9]], { dtype: 'int64' });
 * paddle.mean(emb.forward(ids)).backward(); // emb.weight.grad is row-sparse (SelectedRows)
 * ```
 */
export class Embedding extends Layer {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'Embedding';

  /**
   * The embedding table, a Parameter of shape `[numEmbeddings, embeddingDim]` (Paddle's
   * `Embedding.weight`).
   */
  readonly weight: Parameter;
  /** The `numEmbeddings` this Embedding was built with (Paddle's `num_embeddings`). */
  readonly numEmbeddings: number;
  /** The `embeddingDim` this Embedding was built with (Paddle's `embedding_dim`). */
  readonly embeddingDim: number;
  /** The padding index as given (null when none). */
  readonly paddingIdx: number | null;
  /** The `sparse` this Embedding was built with (Paddle's `sparse`). */
  readonly sparse: boolean;
  /** The `name` the Embedding was built with (Paddle's `name`), or null. */
  readonly name: string | null;
  private readonly normalizedPaddingIdx: number;

  /**
   * Creates the layer and its table.
   * @param numEmbeddings - The number of rows, a positive integer (Paddle's `num_embeddings`).
   * @param embeddingDim - The row size, a positive integer (Paddle's `embedding_dim`).
   * @param options - {@link EmbeddingLayerOptions}: `paddingIdx`, `sparse` (default `false`), `weightAttr`, `name`.
   * @throws {@link errors.TypeError} when a size or `paddingIdx` is not an integer, `sparse` is not a boolean, an attr is not a ParamAttr-like value, or an option is unknown; {@link errors.ValueError} when a size is not positive, `paddingIdx` is out of range, or the weight's name is already used.
   */
  constructor(numEmbeddings: number, embeddingDim: number, options?: EmbeddingLayerOptions) {
    const o = checkOptions('Embedding', options, ['paddingIdx', 'sparse', 'weightAttr', 'name']);
    const n = positiveInt('Embedding', 'num_embeddings', numEmbeddings);
    const d = positiveInt('Embedding', 'embedding_dim', embeddingDim);
    if (n <= 0) throw new ValueError('num_embeddings must be gather than 0');
    if (d <= 0) throw new ValueError('embedding_dim must be gather than 0');
    const pad = normalizePaddingIdx(o.paddingIdx, n);
    const sparse = o.sparse ?? false;
    if (typeof sparse !== 'boolean') {
      throw new PaddleTypeError(`Embedding: 'sparse' must be a boolean, but received ${describe(sparse)}.`);
    }
    preflightAttrs([o.weightAttr]);
    super();
    this._dtype = getDefaultDType();
    this.numEmbeddings = n;
    this.embeddingDim = d;
    this.paddingIdx = o.paddingIdx ?? null;
    this.normalizedPaddingIdx = pad;
    this.sparse = sparse;
    this.name = o.name ?? null;
    this.weight = this.addParameter('weight', this.createParameter([n, d], { attr: o.weightAttr, isBias: false }) as Parameter);
    // ≈3.x: `with no_grad(): weight[padding_idx] = 0.0` (a direct write records nothing).
    if (pad !== -1) this.weight.data.fill(0, pad * d, (pad + 1) * d);
  }

  /** Looks up `x` (an int32/int64 Tensor, or an array of integer ids). */
  /**
   * Looks the ids up in the table with `F.embedding` (Paddle: `Embedding.forward`).
   * @param x - The ids: an int32/int64 Tensor or a (nested) array of integers in [0, num_embeddings).
   * @returns A new Tensor `[...x.shape, embedding_dim]` of the weight's dtype.
   * @throws {@link errors.TypeError} when the ids are not integers; {@link errors.ValueError} when an id is out of range.
   */
  override forward(x: Tensor | NestedArray): Tensor {
    return embedding(x, this.weight, {
      paddingIdx: this.normalizedPaddingIdx === -1 ? null : this.normalizedPaddingIdx,
      sparse: this.sparse,
    });
  }

  override extraRepr(): string {
    let s = `${this.numEmbeddings}, ${this.embeddingDim}`;
    if (this.paddingIdx !== null) s += `, padding_idx=${this.paddingIdx}`;
    if (this.sparse) s += `, sparse=True`;
    if (this.name !== null) s += `, name=${this.name}`;
    return s;
  }
}

/** Optional arguments of {@link nn.Dropout} (Paddle's `p`, `mode`, `name`; `axis` is not supported). */
export interface DropoutLayerOptions {
  /** The probability of zeroing an element (Paddle's `p`; default 0.5). */
  p?: number;
  /** The axes the mask varies along (Paddle's `axis`; default all; see `F.dropout`). */
  axis?: number | readonly number[] | null;
  /**
   * `'upscale_in_train'` (default: scale kept elements by 1/(1-p) while training) or
   * `'downscale_in_infer'` (scale by 1-p at inference); Paddle's `mode`.
   */
  mode?: 'upscale_in_train' | 'downscale_in_infer';
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

/**
 * `paddle.nn.Dropout(p=0.5, axis=None, mode='upscale_in_train')`: `new Dropout(0.5)` or
 * `new Dropout({ p, mode })`; active in train mode, the identity (upscale mode) in eval mode.
 * `axis` is not supported.
 */
export class Dropout extends Layer {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'Dropout';

  /** The `p` this Dropout was built with (Paddle's `p`). */
  readonly p: number;
  /** The `mode` this Dropout was built with (Paddle's `mode`). */
  readonly mode: 'upscale_in_train' | 'downscale_in_infer';
  /** The `axis` this Dropout was built with (Paddle's `axis`), or null (all axes). */
  readonly axis: number | readonly number[] | null;
  /** The `name` the Dropout was built with (Paddle's `name`), or null. */
  readonly name: string | null;

  /**
   * Creates the layer from an options object.
   * @param options - {@link DropoutLayerOptions}: `p` (default 0.5), `axis`, `mode` (default `'upscale_in_train'`), `name`.
   * @throws {@link errors.TypeError} when `p` is not a number or an option is unknown; {@link errors.ValueError} when `p` is outside [0, 1] or `mode` is unknown.
   */
  constructor(options?: DropoutLayerOptions);
  /**
   * Creates the layer with `p` positionally.
   * @param p - The probability of zeroing an element, in [0, 1] (Paddle's `p`).
   * @param options - `axis`, `mode` (default `'upscale_in_train'`), `name`.
   * @throws {@link errors.TypeError} when `p` is not a number or an option is unknown or repeated; {@link errors.ValueError} when `p` is outside [0, 1] or `mode` is unknown.
   */
  constructor(p: number, options?: Omit<DropoutLayerOptions, 'p'>);
  constructor(...args: unknown[]) {
    const o = positionalOrOptions('Dropout', args, ['p', 'axis', 'mode', 'name']);
    const { p, mode } = checkDropoutArgs(o.p, o.mode);
    super();
    this.p = p;
    this.mode = mode;
    this.axis = (o.axis as number | readonly number[] | null | undefined) ?? null;
    this.name = (o.name as string | null | undefined) ?? null;
  }

  /**
   * Applies `F.dropout` with this layer's `p`, `axis` and `mode`, active only in training mode (Paddle: `Dropout.forward`).
   * @param input - A float Tensor.
   * @returns A new Tensor of input's shape and dtype (in eval mode a copy for `'upscale_in_train'` and `input · (1 − p)` for `'downscale_in_infer'`; `input` itself when `p` is 0).
   * @throws {@link errors.TypeError} when `input` is not a float Tensor; {@link errors.ValueError} when an axis of `axis` is out of range for `input`.
   */
  override forward(input: Tensor): Tensor {
    return dropout(input, { p: this.p, axis: this.axis, training: this.training, mode: this.mode });
  }

  override extraRepr(): string {
    const axis = this.axis === null ? 'None' : typeof this.axis === 'number' ? String(this.axis) : `[${this.axis.join(', ')}]`;
    return `p=${this.p}, axis=${axis}, mode=${this.mode}${this.name !== null ? `, name=${this.name}` : ''}`;
  }
}

/** `paddle.nn.Flatten(start_axis=1, stop_axis=-1)`: `new Flatten()`, `new Flatten(1, -1)` or `{ startAxis, stopAxis }`. */
export class Flatten extends Layer {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'Flatten';

  /** The `startAxis` this Flatten was built with (Paddle's `start_axis`). */
  readonly startAxis: number;
  /** The `stopAxis` this Flatten was built with (Paddle's `stop_axis`). */
  readonly stopAxis: number;

  /**
   * Creates the layer from an options object.
   * @param options - `startAxis` (Paddle's `start_axis`, default 1), `stopAxis` (Paddle's `stop_axis`, default -1).
   * @throws {@link errors.TypeError} when an axis is not an integer or an option is unknown.
   */
  constructor(options?: { startAxis?: number; stopAxis?: number });
  /**
   * Creates the layer with the axes positionally.
   * @param startAxis - The first axis merged (Paddle's `start_axis`, default 1).
   * @param stopAxis - The last axis merged (Paddle's `stop_axis`, default -1).
   * @throws {@link errors.TypeError} when an axis is not an integer.
   */
  constructor(startAxis?: number, stopAxis?: number);
  constructor(...args: unknown[]) {
    const o = positionalOrOptions('Flatten', args, ['startAxis', 'stopAxis']);
    const s = o.startAxis ?? 1;
    const e = o.stopAxis ?? -1;
    if (typeof s !== 'number' || !Number.isInteger(s)) throw new PaddleTypeError(`Flatten: 'start_axis' must be an integer, but received ${describe(s)}.`);
    if (typeof e !== 'number' || !Number.isInteger(e)) throw new PaddleTypeError(`Flatten: 'stop_axis' must be an integer, but received ${describe(e)}.`);
    super();
    this.startAxis = s;
    this.stopAxis = e;
  }

  /**
   * Merges the axes `startAxis..stopAxis` into one (Paddle: `Flatten.forward`).
   * @param input - A Tensor (a 0-D tensor becomes shape [1]).
   * @returns A new Tensor (a copy) of input's dtype with the axes merged.
   * @throws {@link errors.TypeError} when `input` is not a Tensor; {@link errors.ValueError} when an axis is out of range for `input` or `stopAxis` comes before `startAxis`.
   */
  override forward(input: Tensor): Tensor {
    return flatten(input, this.startAxis, this.stopAxis);
  }
}

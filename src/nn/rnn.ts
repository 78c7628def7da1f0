/**
 * Recurrent layers: the cells `paddle.nn.SimpleRNNCell`, `LSTMCell`, `GRUCell`, the wrappers
 * `RNN` and `BiRNN`, and the networks `SimpleRNN`, `LSTM`, `GRU` (python/paddle/nn/layer/rnn.py).
 *
 * Everything is composed of differentiable ops (matmul, add, multiply, sigmoid, tanh, split,
 * stack, concat), so autograd is the ops' own. Per sequence and direction the input projection
 * x·W_ihᵀ + b_ih is one matmul over all time steps; each step then makes one matmul h·W_hhᵀ for
 * all gates together and splits the gates afterwards. The per-step rows of the projection are one
 * split into T pieces, whose gradients come back as their runs (tensor/runs-grad.ts) and add into
 * one array: O(T) in all (T slices each giving a whole-size gradient would cost O(T²)).
 *
 * Paddle's formulas and layouts (gate blocks stacked along the rows of the weights):
 * - SimpleRNN: h = act(x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh), act tanh or relu;
 * - LSTM, gates [i, f, g, o] (W_ih `[4H, I]`): i, f, o = σ(…), g = tanh(…),
 *   c = f·c₋₁ + i·g, h = o·tanh(c) (then h·W_ho with `projSize`);
 * - GRU, gates [r, z, c] (W_ih `[3H, I]`): r = σ(x_r + h_r), z = σ(x_z + h_z),
 *   c̃ = tanh(x_c + r·(h₋₁·W_hcᵀ + b_hc)), h = (h₋₁ − c̃)·z + c̃ = z·h₋₁ + (1 − z)·c̃.
 *   The reset gate multiplies the hidden projection *after* the matmul, including its bias (the
 *   cuDNN form, Paddle's GRUCell comment "apply reset gate after mm" and its CPU `rnn` kernel,
 *   which keeps b_hc out of the precomputed sum). This is also PyTorch's nn.GRU formula (gate
 *   order r, z, n; h = (1 − z)·n + z·h₋₁), so torch weights carry over unchanged; it differs
 *   from the older fluid `GRUUnit`/`dynamic_gru`, which apply r to h₋₁ *before* the matmul.
 * - default init: every weight and bias Uniform(−1/√H, 1/√H); `*Attr: false` creates a constant
 *   parameter (weights 1, biases 0) with `stopGradient` set, as Paddle does.
 *
 * `SimpleRNN`/`LSTM`/`GRU` run Paddle's fused `rnn` kernel semantics (what Paddle dispatches to on
 * CPU): with `sequenceLength`, steps at or past a sequence's length keep the previous state and
 * output zeros; the backward direction starts from the initial state at each sequence's last
 * valid step. The `RNN`/`BiRNN` wrappers follow Paddle's Python loop: states are held the same
 * way but the outputs at padded steps are the cell's outputs, not zeros. (With `projSize` Paddle's
 * LSTM cannot use the fused kernel and takes the Python loop as well.)
 */
import { NotImplementedError, TypeError as PaddleTypeError, ValueError } from '../errors.js';
import { checkOptions, describe } from '../options.js';
import { getDefaultDType, zeros } from '../tensor/creation.js';
import { isFloatDType, toDType, type DType } from '../tensor/dtype.js';
import type { Parameter } from '../tensor/parameter.js';
import { Tensor } from '../tensor/tensor.js';
import { add, multiply, subtract } from '../ops/binary.js';
import { relu, sigmoid, tanh } from '../ops/elementwise.js';
import { concat, reshape, stack, transpose } from '../ops/manipulation.js';
import { matmul } from '../ops/matmul.js';
import { split } from '../ops/slicing.js';
import { positiveInt, preflightAttrs } from './common.js';
import { checkDropoutArgs, dropout } from './functional/common.js';
import { Constant } from './initializer/constant.js';
import { Uniform } from './initializer/uniform.js';
import { LayerList } from './container.js';
import { Layer } from './layer.js';
import type { ParamAttrLike } from './param-attr.js';

/** A cell state: one tensor (SimpleRNN, GRU), `[h, c]` (LSTM), or any nesting of these. */
export type RNNState = Tensor | readonly RNNState[];

function mapState(a: RNNState, b: RNNState, fn: (x: Tensor, y: Tensor) => Tensor): RNNState {
  if (a instanceof Tensor) {
    if (!(b instanceof Tensor)) throw new ValueError('The structure of the new states does not match the previous states.');
    return fn(a, b);
  }
  if (b instanceof Tensor || a.length !== b.length) throw new ValueError('The structure of the new states does not match the previous states.');
  return a.map((s, i) => mapState(s, b[i] as RNNState, fn));
}

/** The n equal row blocks of a 2-D tensor (one split; see the module comment). */
function unstackRows(t: Tensor, n: number): Tensor[] {
  return n === 1 ? [t] : split(t, n, 0);
}

/** The [B, 1] masks (and 1 − mask) of each time step, or null where the whole batch is valid. */
function stepMasks(lengths: readonly number[] | null, T: number, dtype: DType): ({ m: Tensor; inv: Tensor } | null)[] {
  const out: ({ m: Tensor; inv: Tensor } | null)[] = [];
  for (let t = 0; t < T; t++) {
    if (lengths === null || lengths.every((len) => t < len)) {
      out.push(null);
      continue;
    }
    const m = zeros([lengths.length, 1], { dtype });
    const inv = zeros([lengths.length, 1], { dtype });
    lengths.forEach((len, b) => {
      m.data[b] = t < len ? 1 : 0;
      inv.data[b] = t < len ? 0 : 1;
    });
    out.push({ m, inv });
  }
  return out;
}

/** `sequence_length` as numbers (a Tensor of int32/int64 or an array); checks its size. */
function sequenceLengths(value: unknown, batch: number): number[] | null {
  if (value === null || value === undefined) return null;
  let lens: number[];
  if (value instanceof Tensor) {
    if (value.dtype !== 'int32' && value.dtype !== 'int64') {
      throw new PaddleTypeError(`The data type of 'sequence_length' must be int32 or int64, but received ${value.dtype}.`);
    }
    if (value.ndim !== 1) throw new ValueError(`'sequence_length' must be 1-D ([batch_size]), but its shape is [${value.shape.join(', ')}].`);
    lens = Array.from(value.data, Number);
  } else if (Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isInteger(v))) {
    lens = [...(value as number[])];
  } else {
    throw new PaddleTypeError(`'sequence_length' must be an int32/int64 Tensor or an array of integers, but received ${describe(value)}.`);
  }
  if (lens.length !== batch) {
    throw new ValueError(
      `The size of SequenceLength has to equal the batch_size. But received batch_size is ${batch} and the size of SequenceLength is ${lens.length}.`,
    );
  }
  return lens;
}

// -----------------------------------------------------------------------------------------------
// Cells

/** Options of `RNNCellBase.getInitialStates` (Paddle's `get_initial_states` keywords). */
export interface InitialStatesOptions {
  /** A shape or a nested structure of shapes, without the batch dim (default: `stateShape`). */
  shape?: readonly number[] | readonly (readonly number[])[] | null;
  /** The dtype of the result (Paddle's `dtype`). */
  dtype?: DType | string | null;
  /** The value of every element of the initial state (Paddle's `init_value`; default 0). */
  initValue?: number;
  /** Which dim of `batchRef` is the batch (default 0). */
  batchDimIdx?: number;
}

/**
 * `paddle.nn.RNNCellBase`: a layer mapping `(input, states)` to `[output, newStates]`. Subclass
 * it for a custom cell (override `forward` and `stateShape`); `RNN`/`BiRNN` step it over time.
 */
export class RNNCellBase extends Layer {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'RNNCellBase';

  /**
   * The shape(s) of the state without the batch dim (Paddle's `state_shape` property).
   * @throws {@link errors.NotImplementedError} in the base class (a custom cell overrides it).
   */
  get stateShape(): readonly number[] | readonly (readonly number[])[] {
    throw new NotImplementedError('Please add implementation for `state_shape` in the used cell.');
  }

  /**
   * Paddle's `get_initial_states(batch_ref, shape=None, dtype=None, init_value=0.0,
   * batch_dim_idx=0)`: tensors filled with `initValue` of shape `[batch, ...shape]` for each shape
   * of the structure. The dtype defaults to `batchRef`'s when it is a float tensor (Paddle takes
   * the default dtype), so float64 inputs get float64 states.
   * @param batchRef - A Tensor whose dim `batchDimIdx` is the batch size (Paddle's `batch_ref`).
   * @param options - {@link InitialStatesOptions}: `shape` (default `stateShape`), `dtype`, `initValue` (Paddle's `init_value`, default 0), `batchDimIdx` (Paddle's `batch_dim_idx`, default 0).
   * @returns A new Tensor `[batch, ...shape]`, or an array of them for a nested structure of shapes.
   * @throws {@link errors.TypeError} when `batchRef` is not a Tensor, `dtype` is not a known dtype, or an option is unknown; {@link errors.ValueError} when `batchDimIdx` is out of range for `batchRef`; {@link errors.NotImplementedError} when neither `shape` nor the cell's `stateShape` is given.
   */
  getInitialStates(batchRef: Tensor, options?: InitialStatesOptions): RNNState {
    const o = checkOptions('get_initial_states', options, ['shape', 'dtype', 'initValue', 'batchDimIdx']);
    if (!(batchRef instanceof Tensor)) throw new PaddleTypeError(`get_initial_states: 'batch_ref' must be a Tensor, but received ${describe(batchRef)}.`);
    const batch = batchRef.shape[o.batchDimIdx ?? 0];
    if (batch === undefined) throw new ValueError(`get_initial_states: 'batch_dim_idx' ${o.batchDimIdx} is out of range for a ${batchRef.ndim}-D batch_ref.`);
    const dtype = o.dtype !== undefined && o.dtype !== null ? toDType(o.dtype) : isFloatDType(batchRef.dtype) ? batchRef.dtype : getDefaultDType();
    const fill = o.initValue ?? 0;
    const make = (s: readonly number[]): Tensor => {
      const shape = s[0] === -1 ? [batch, ...s.slice(1)] : [batch, ...s];
      const t = zeros(shape, { dtype });
      if (fill !== 0) t.data.fill(fill);
      return t;
    };
    const shapes = o.shape ?? this.stateShape;
    if (shapes.length > 0 && Array.isArray(shapes[0])) return (shapes as readonly (readonly number[])[]).map(make);
    return make(shapes as readonly number[]);
  }

  /**
   * x·W_ihᵀ + b_ih for every row of a 2-D input, or null for a cell that steps on the raw input
   * (custom cells). Built-in cells precompute this for a whole sequence.
   * @param x2d - A 2-D input `[rows, inputSize]`.
   * @returns The projection `[rows, gates · hiddenSize]` (built-in cells), or `null` (the base class).
   */
  projectInput(x2d: Tensor): Tensor | null {
    void x2d;
    return null;
  }

  /**
   * One step from a row block of `projectInput` (built-in cells); `whhT` is W_hhᵀ.
   * @param proj - The rows of `projectInput` for this step, `[batch, gates · hiddenSize]`.
   * @param state - The previous state (a Tensor, or `[h, c]` for LSTMCell).
   * @param whhT - W_hhᵀ, from `transposedHH()`.
   * @returns `[output, newState]`.
   * @throws {@link errors.NotImplementedError} in the base class (a custom cell steps through `forward`).
   */
  stepProjected(proj: Tensor, state: RNNState, whhT: Tensor): [Tensor, RNNState] {
    void proj;
    void state;
    void whhT;
    throw new NotImplementedError(`${this.constructor.name} does not step from a projected input.`);
  }

  /**
   * W_hhᵀ, transposed once per sequence (built-in cells).
   * @returns W_hhᵀ `[hiddenSize, gates · hiddenSize]` (built-in cells), or `null` (the base class).
   */
  transposedHH(): Tensor | null {
    return null;
  }

  /**
   * One step of the cell; a subclass overrides it (Paddle: `RNNCellBase.forward`).
   * @param inputs - The step's input `[batch, inputSize]`.
   * @param states - The previous state (omitted/`null`: zeros of `stateShape`).
   * @returns `[output, newStates]` in the subclass.
   * @throws {@link errors.NotImplementedError} always, in the base class.
   */
  override forward(inputs: Tensor, states?: RNNState | null): [Tensor, RNNState] {
    void inputs;
    void states;
    throw new NotImplementedError(`${this.constructor.name}.forward is not implemented.`);
  }
}

/** Options of the built-in cells (Paddle's keyword arguments). */
export interface RNNCellOptions {
  /** The input-to-hidden weight's ParamAttr (Paddle's `weight_ih_attr`). */
  weightIhAttr?: ParamAttrLike;
  /** The hidden-to-hidden weight's ParamAttr (Paddle's `weight_hh_attr`). */
  weightHhAttr?: ParamAttrLike;
  /** The input-to-hidden bias's ParamAttr, `false` for none (Paddle's `bias_ih_attr`). */
  biasIhAttr?: ParamAttrLike;
  /** The hidden-to-hidden bias's ParamAttr, `false` for none (Paddle's `bias_hh_attr`). */
  biasHhAttr?: ParamAttrLike;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

const CELL_KEYS = ['weightIhAttr', 'weightHhAttr', 'biasIhAttr', 'biasHhAttr', 'name'] as const;

/** Creates a cell parameter as Paddle does: Uniform(−std, std), or a frozen constant for `false`. */
function cellParam(layer: Layer, shape: number[], attr: ParamAttrLike, std: number, isBias: boolean): Parameter {
  if (attr === false) {
    const p = layer.createParameter(shape, { attr: null, isBias, defaultInitializer: new Constant(isBias ? 0 : 1) });
    p.stopGradient = true;
    return p;
  }
  return layer.createParameter(shape, { attr, isBias, defaultInitializer: new Uniform(-std, std) });
}

/** The parameters and input projection shared by the three built-in cells. */
abstract class BuiltinCell extends RNNCellBase {
  /** Paddle's spelling of `weightIh`: the same parameter. */
  readonly weight_ih: Parameter;
  /** Paddle's spelling of `weightHh`: the same parameter. */
  readonly weight_hh: Parameter;
  /** Paddle's spelling of `biasIh`: the same parameter. */
  readonly bias_ih: Parameter;
  /** Paddle's spelling of `biasHh`: the same parameter. */
  readonly bias_hh: Parameter;
  /** The `inputSize` this cell was built with (Paddle's `input_size`). */
  readonly inputSize: number;
  /** The `hiddenSize` this cell was built with (Paddle's `hidden_size`). */
  readonly hiddenSize: number;

  protected constructor(where: string, inputSize: number, hiddenSize: number, gates: number, o: RNNCellOptions, hhCols?: number) {
    const i = positiveInt(where, 'input_size', inputSize);
    const h = positiveInt(where, 'hidden_size', hiddenSize);
    if (h <= 0) throw new ValueError(`hidden_size of ${where} must be greater than 0, but now equals to ${h}`);
    if (i <= 0) throw new ValueError(`input_size of ${where} must be greater than 0, but now equals to ${i}`);
    preflightAttrs([o.weightIhAttr, o.weightHhAttr, o.biasIhAttr, o.biasHhAttr].map((a) => (a === false ? null : a)));
    super();
    this._dtype = getDefaultDType();
    this.inputSize = i;
    this.hiddenSize = h;
    const std = 1 / Math.sqrt(h);
    this.weight_ih = this.addParameter('weight_ih', cellParam(this, [gates * h, i], o.weightIhAttr, std, false));
    this.weight_hh = this.addParameter('weight_hh', cellParam(this, [gates * h, hhCols ?? h], o.weightHhAttr, std, false));
    this.bias_ih = this.addParameter('bias_ih', cellParam(this, [gates * h], o.biasIhAttr, std, true));
    this.bias_hh = this.addParameter('bias_hh', cellParam(this, [gates * h], o.biasHhAttr, std, true));
  }

  override projectInput(x2d: Tensor): Tensor {
    return add(matmul(x2d, this.weight_ih, { transposeY: true }), this.bias_ih);
  }

  override transposedHH(): Tensor {
    return transpose(this.weight_hh, [1, 0]);
  }

  /** h·W_hhᵀ + b_hh. */
  protected hiddenProjection(h: Tensor, whhT: Tensor): Tensor {
    return add(matmul(h, whhT), this.bias_hh);
  }

  protected initialState(inputs: Tensor, states: RNNState | null | undefined): RNNState {
    return states === null || states === undefined ? this.getInitialStates(inputs, { shape: this.stateShape as readonly number[] | readonly (readonly number[])[] }) : states;
  }

  override extraRepr(): string {
    return `${this.inputSize}, ${this.hiddenSize}`;
  }
}

/** Options of `SimpleRNNCell`. */
export interface SimpleRNNCellOptions extends RNNCellOptions {
  /** 'tanh' (default) or 'relu'. */
  activation?: 'tanh' | 'relu';
}

/**
 * `paddle.nn.SimpleRNNCell(input_size, hidden_size, activation='tanh', weight_ih_attr=None,
 * weight_hh_attr=None, bias_ih_attr=None, bias_hh_attr=None, name=None)`:
 * h = act(x·W_ihᵀ + b_ih + h₋₁·W_hhᵀ + b_hh). `forward(x, h?)` returns `[h, h]`.
 */
export class SimpleRNNCell extends BuiltinCell {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'SimpleRNNCell';

  /** The `activation` this SimpleRNNCell was built with (Paddle's `activation`). */
  readonly activation: 'tanh' | 'relu';

  /**
   * Creates the cell and its parameters.
   * @param inputSize - The input feature size, a positive integer (Paddle's `input_size`).
   * @param hiddenSize - The hidden state size, a positive integer (Paddle's `hidden_size`).
   * @param options - {@link SimpleRNNCellOptions}: `activation` (`'tanh'` default or `'relu'`), `weightIhAttr`, `weightHhAttr`, `biasIhAttr`, `biasHhAttr` (`false`: no bias), `name`.
   * @throws {@link errors.TypeError} when a size is not an integer, an attr is invalid, or an option is unknown; {@link errors.ValueError} when a size is not positive, `activation` is unknown, or a parameter name is already used.
   */
  constructor(inputSize: number, hiddenSize: number, options?: SimpleRNNCellOptions) {
    const o = checkOptions('SimpleRNNCell', options, [...CELL_KEYS, 'activation']);
    const act = o.activation ?? 'tanh';
    if (act !== 'tanh' && act !== 'relu') throw new ValueError(`activation for SimpleRNNCell should be tanh or relu, but get ${String(act)}`);
    super('SimpleRNNCell', inputSize, hiddenSize, 1, o);
    this.activation = act;
  }

  override get stateShape(): readonly number[] {
    return [this.hiddenSize];
  }

  override stepProjected(proj: Tensor, state: RNNState, whhT: Tensor): [Tensor, RNNState] {
    const pre = add(proj, this.hiddenProjection(state as Tensor, whhT));
    const h = this.activation === 'tanh' ? tanh(pre) : relu(pre);
    return [h, h];
  }

  /**
   * One step: `[output, newState]` for `inputs` of shape `[batch, inputSize]` and the previous
   * state (zeros when omitted). Paddle's `SimpleRNNCell.forward`.
   * @param inputs - The step's float input `[batch, inputSize]` (Paddle's `inputs`).
   * @param states - The previous hidden state `[batch, hiddenSize]` (Paddle's `states`; omitted/`null`: zeros).
   * @returns `[h, h]`: the new hidden state `[batch, hiddenSize]`, as output and as state.
   * @throws {@link errors.TypeError} when `inputs` is not a Tensor (or is bool); {@link errors.ValueError} when the last dimension of `inputs` is not `inputSize`, or `states` does not fit `[batch, hiddenSize]`.
   */
  override forward(inputs: Tensor, states?: Tensor | null): [Tensor, Tensor] {
    const s = this.initialState(inputs, states);
    return this.stepProjected(this.projectInput(inputs), s, this.transposedHH()) as [Tensor, Tensor];
  }

  /**
   * The cell's sizes and activation, as Paddle prints them.
   * @returns E.g. `4, 8` or `4, 8, activation=relu`.
   */
  override extraRepr(): string {
    return this.activation === 'tanh' ? super.extraRepr() : `${super.extraRepr()}, activation=${this.activation}`;
  }
}

/** Options of `LSTMCell`. */
export interface LSTMCellOptions extends RNNCellOptions {
  /** Projects h to this size with `weight_ho` (0: none, the default). */
  projSize?: number;
}

function checkProjSize(where: string, projSize: unknown, hidden: unknown): number {
  // Paddle's LSTMCell checks hidden_size before proj_size
  if (typeof hidden === 'number' && Number.isInteger(hidden) && hidden <= 0) {
    throw new ValueError(`hidden_size of ${where} must be greater than 0, but now equals to ${hidden}`);
  }
  const p = projSize ?? 0;
  if (typeof p !== 'number' || !Number.isInteger(p)) throw new PaddleTypeError(`${where}: 'proj_size' must be an integer, but received ${describe(p)}.`);
  if (p < 0) throw new ValueError(`proj_size of ${where} must be greater than 0, but now equals to ${String(hidden)}`);
  if (typeof hidden === 'number' && p >= hidden) throw new ValueError('proj_size must be smaller than hidden_size');
  return p;
}

/**
 * `paddle.nn.LSTMCell(input_size, hidden_size, weight_ih_attr=None, weight_hh_attr=None,
 * bias_ih_attr=None, bias_hh_attr=None, proj_size=0, name=None)`: gates [i, f, g, o];
 * `forward(x, [h, c]?)` returns `[h, [h, c]]`.
 */
export class LSTMCell extends BuiltinCell {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'LSTMCell';

  /** The `projSize` this LSTMCell was built with (Paddle's `proj_size`). */
  readonly projSize: number;
  /** Paddle's spelling of `weightHo`: the same parameter. */
  readonly weight_ho: Parameter | null;

  /**
   * Creates the cell and its parameters.
   * @param inputSize - The input feature size, a positive integer (Paddle's `input_size`).
   * @param hiddenSize - The hidden state size, a positive integer (Paddle's `hidden_size`).
   * @param options - {@link LSTMCellOptions}: `projSize` (default 0: none), `weightIhAttr`, `weightHhAttr`, `biasIhAttr`, `biasHhAttr` (`false`: no bias), `name`.
   * @throws {@link errors.TypeError} when a size is not an integer, an attr is invalid, or an option is unknown; {@link errors.ValueError} when a size is not positive, `projSize` is invalid, or a parameter name is already used.
   */
  constructor(inputSize: number, hiddenSize: number, options?: LSTMCellOptions) {
    const o = checkOptions('LSTMCell', options, [...CELL_KEYS, 'projSize']);
    const proj = checkProjSize('LSTMCell', o.projSize, hiddenSize);
    super('LSTMCell', inputSize, hiddenSize, 4, o, proj > 0 ? proj : undefined);
    this.projSize = proj;
    this.weight_ho =
      proj > 0 ? this.addParameter('weight_ho', cellParam(this, [this.hiddenSize, proj], o.weightHhAttr, 1 / Math.sqrt(this.hiddenSize), false)) : null;
  }

  override get stateShape(): readonly (readonly number[])[] {
    return [[this.projSize || this.hiddenSize], [this.hiddenSize]];
  }

  override stepProjected(proj: Tensor, state: RNNState, whhT: Tensor): [Tensor, RNNState] {
    const [h0, c0] = state as readonly [Tensor, Tensor];
    const gates = add(add(proj, matmul(h0, whhT)), this.bias_hh);
    const [gi, gf, gg, go] = split(gates, 4, -1) as [Tensor, Tensor, Tensor, Tensor];
    const i = sigmoid(gi);
    const f = sigmoid(gf);
    const o = sigmoid(go);
    const c = add(multiply(f, c0), multiply(i, tanh(gg)));
    let h = multiply(o, tanh(c));
    if (this.weight_ho !== null) h = matmul(h, this.weight_ho);
    return [h, [h, c]];
  }

  /**
   * One step: `[output, [h, c]]` for `inputs` of shape `[batch, inputSize]` and the previous `[h,
   * c]` (zeros when omitted). Paddle's `LSTMCell.forward`.
   * @param inputs - The step's float input `[batch, inputSize]` (Paddle's `inputs`).
   * @param states - The previous `[h, c]`, h `[batch, projSize || hiddenSize]` and c `[batch, hiddenSize]` (Paddle's `states`; omitted/`null`: zeros).
   * @returns `[h, [h, c]]`: the new hidden state (projected by `weight_ho` when `projSize` > 0) as output, and the new `[h, c]`.
   * @throws {@link errors.TypeError} when `inputs` is not a Tensor (or is bool); {@link errors.ValueError} when the last dimension of `inputs` is not `inputSize`, or `states` does not fit the shapes above.
   */
  override forward(inputs: Tensor, states?: readonly [Tensor, Tensor] | null): [Tensor, [Tensor, Tensor]] {
    const s = this.initialState(inputs, states);
    return this.stepProjected(this.projectInput(inputs), s, this.transposedHH()) as [Tensor, [Tensor, Tensor]];
  }
}

/**
 * `paddle.nn.GRUCell(input_size, hidden_size, weight_ih_attr=None, weight_hh_attr=None,
 * bias_ih_attr=None, bias_hh_attr=None, name=None)`: gates [r, z, c], the reset gate applied
 * after the hidden matmul (module comment); `forward(x, h?)` returns `[h, h]`.
 */
export class GRUCell extends BuiltinCell {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'GRUCell';

  /**
   * Creates the cell and its parameters.
   * @param inputSize - The input feature size, a positive integer (Paddle's `input_size`).
   * @param hiddenSize - The hidden state size, a positive integer (Paddle's `hidden_size`).
   * @param options - {@link RNNCellOptions}: `weightIhAttr`, `weightHhAttr`, `biasIhAttr`, `biasHhAttr` (`false`: no bias), `name`.
   * @throws {@link errors.TypeError} when a size is not an integer, an attr is invalid, or an option is unknown; {@link errors.ValueError} when a size is not positive or a parameter name is already used.
   */
  constructor(inputSize: number, hiddenSize: number, options?: RNNCellOptions) {
    const o = checkOptions('GRUCell', options, CELL_KEYS);
    super('GRUCell', inputSize, hiddenSize, 3, o);
  }

  override get stateShape(): readonly number[] {
    return [this.hiddenSize];
  }

  override stepProjected(proj: Tensor, state: RNNState, whhT: Tensor): [Tensor, RNNState] {
    const h0 = state as Tensor;
    const [xr, xz, xc] = split(proj, 3, -1) as [Tensor, Tensor, Tensor];
    const [hr, hz, hc] = split(this.hiddenProjection(h0, whhT), 3, -1) as [Tensor, Tensor, Tensor];
    const r = sigmoid(add(xr, hr));
    const z = sigmoid(add(xz, hz));
    const c = tanh(add(xc, multiply(r, hc)));
    const h = add(multiply(subtract(h0, c), z), c);
    return [h, h];
  }

  /**
   * One step: `[output, newState]` for `inputs` of shape `[batch, inputSize]` and the previous
   * state (zeros when omitted). Paddle's `GRUCell.forward`.
   * @param inputs - The step's float input `[batch, inputSize]` (Paddle's `inputs`).
   * @param states - The previous hidden state `[batch, hiddenSize]` (Paddle's `states`; omitted/`null`: zeros).
   * @returns `[h, h]`: the new hidden state `[batch, hiddenSize]`, as output and as state.
   * @throws {@link errors.TypeError} when `inputs` is not a Tensor (or is bool); {@link errors.ValueError} when the last dimension of `inputs` is not `inputSize`, or `states` does not fit `[batch, hiddenSize]`.
   */
  override forward(inputs: Tensor, states?: Tensor | null): [Tensor, Tensor] {
    const s = this.initialState(inputs, states);
    return this.stepProjected(this.projectInput(inputs), s, this.transposedHH()) as [Tensor, Tensor];
  }
}

// -----------------------------------------------------------------------------------------------
// Running a cell over a sequence

/**
 * Steps `cell` over a time-major `[T, B, I]` input from `init`; returns the outputs per time
 * index (in the input's order, also when `reverse`) and the final state. `masks[t]` holds the
 * steps to hold the state at (null: all valid); `zeroPadded` zeroes the outputs there.
 */
function runSequence(
  cell: RNNCellBase,
  xTM: Tensor,
  init: RNNState,
  masks: readonly ({ m: Tensor; inv: Tensor } | null)[],
  reverse: boolean,
  zeroPadded: boolean,
): { outs: Tensor[]; final: RNNState } {
  const T = xTM.shape[0] as number;
  const B = xTM.shape[1] as number;
  const x2d = reshape(xTM, [T * B, xTM.shape[2] as number]);
  const proj = cell.projectInput(x2d);
  const pieces = unstackRows(proj ?? x2d, T);
  const whhT = proj === null ? null : cell.transposedHH();
  const outs = new Array<Tensor>(T);
  let state = init;
  for (let k = 0; k < T; k++) {
    const t = reverse ? T - 1 - k : k;
    const piece = pieces[t] as Tensor;
    let [out, next] = proj !== null && whhT !== null ? cell.stepProjected(piece, state, whhT) : cell.forward(piece, state);
    const mask = masks[t];
    if (mask !== null && mask !== undefined) {
      next = mapState(next, state, (n, prev) => add(multiply(n, mask.m), multiply(prev, mask.inv)));
      if (zeroPadded) out = multiply(out, mask.m);
    }
    outs[t] = out;
    state = next;
  }
  return { outs, final: state };
}

/** Checks a wrapper input ([B, T, I] or [T, B, I]) and returns it time-major. */
function timeMajorInput(where: string, inputs: unknown, timeMajor: boolean): Tensor {
  if (!(inputs instanceof Tensor)) throw new PaddleTypeError(`${where}: 'inputs' must be a Tensor, but received ${describe(inputs)}.`);
  if (inputs.ndim !== 3) throw new ValueError(`The rank of Input in RNN  must be 3. But received Input's rank is ${inputs.ndim}.`);
  return timeMajor ? inputs : transpose(inputs, [1, 0, 2]);
}

function outputOf(outs: Tensor[], timeMajor: boolean): Tensor {
  return stack(outs, timeMajor ? 0 : 1);
}

/** Options of the `RNN` wrapper. */
export interface RNNWrapperOptions {
  /** Steps from the last time step to the first (default false). */
  isReverse?: boolean;
  /** Inputs and outputs are `[T, B, …]` (default false: `[B, T, …]`). */
  timeMajor?: boolean;
}

function boolOption(where: string, argName: string, v: unknown): boolean {
  if (v === undefined) return false;
  if (typeof v !== 'boolean') throw new PaddleTypeError(`${where}: '${argName}' must be a boolean, but received ${describe(v)}.`);
  return v;
}

/**
 * `paddle.nn.RNN(cell, is_reverse=False, time_major=False)`: steps `cell` over the time axis.
 * `forward(inputs, initialStates?, sequenceLength?)` returns `[outputs, finalStates]`.
 */
export class RNN extends Layer {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'RNN';

  /** The `cell` this RNN was built with (Paddle's `cell`). */
  readonly cell: RNNCellBase;
  /** The `isReverse` this RNN was built with (Paddle's `is_reverse`). */
  readonly isReverse: boolean;
  /** The `timeMajor` this RNN was built with (Paddle's `time_major`). */
  readonly timeMajor: boolean;

  /**
   * Wraps a cell to run it over a sequence.
   * @param cell - The cell applied at each step (Paddle's `cell`).
   * @param options - {@link RNNWrapperOptions}: `isReverse` (Paddle's `is_reverse`, default `false`), `timeMajor` (Paddle's `time_major`, default `false`).
   * @throws {@link errors.TypeError} when `cell` is not an RNNCellBase or an option is unknown.
   */
  constructor(cell: RNNCellBase, options?: RNNWrapperOptions) {
    const o = checkOptions('RNN', options, ['isReverse', 'timeMajor']);
    if (!(cell instanceof RNNCellBase)) throw new PaddleTypeError(`RNN: 'cell' must be an RNNCellBase, but received ${describe(cell)}.`);
    const isReverse = boolOption('RNN', 'is_reverse', o.isReverse);
    const timeMajor = boolOption('RNN', 'time_major', o.timeMajor);
    super();
    this.cell = this.addSublayer('cell', cell);
    this.isReverse = isReverse;
    this.timeMajor = timeMajor;
  }

  /**
   * Steps the cell over the time axis (backwards with `isReverse`); past a sequence's length the state is carried unchanged (Paddle: `RNN.forward`).
   * @param inputs - The input `[batch, time, inputSize]` (`[time, batch, inputSize]` with `timeMajor`) (Paddle's `inputs`).
   * @param initialStates - The cell's initial state for the batch (Paddle's `initial_states`; omitted/`null`: the cell's `getInitialStates`).
   * @param sequenceLength - The length of each sequence, an int Tensor or array of `batch` integers (Paddle's `sequence_length`; omitted: all full).
   * @returns `[outputs, finalStates]`: the outputs of every step stacked on the time axis, and the last state of each sequence.
   * @throws {@link errors.TypeError} when `inputs` is not a Tensor or `sequenceLength` is neither an int Tensor nor an array of integers; {@link errors.ValueError} when `inputs` is not 3-D or `sequenceLength` does not have `batch` entries (or is not 1-D); and what the cell throws for a wrong input or state.
   */
  override forward(inputs: Tensor, initialStates?: RNNState | null, sequenceLength?: Tensor | readonly number[] | null): [Tensor, RNNState] {
    const x = timeMajorInput('RNN', inputs, this.timeMajor);
    const lens = sequenceLengths(sequenceLength, x.shape[1] as number);
    const init = initialStates ?? this.cell.getInitialStates(inputs, { batchDimIdx: this.timeMajor ? 1 : 0 });
    const masks = stepMasks(lens, x.shape[0] as number, x.dtype);
    const r = runSequence(this.cell, x, init, masks, this.isReverse, false);
    return [outputOf(r.outs, this.timeMajor), r.final];
  }
}

/**
 * `paddle.nn.BiRNN(cell_fw, cell_bw, time_major=False)`: a forward and a backward pass whose
 * outputs are concatenated on the last axis. `forward(inputs, [statesFw, statesBw]?,
 * sequenceLength?)` returns `[outputs, [finalFw, finalBw]]`. Without initial states each cell
 * gets its own zeros (Paddle builds both from `cell_fw`, which is the same when the sizes agree).
 */
export class BiRNN extends Layer {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'BiRNN';

  /** Paddle's spelling of `cellFw`: the same cell. */
  readonly cell_fw: RNNCellBase;
  /** Paddle's spelling of `cellBw`: the same cell. */
  readonly cell_bw: RNNCellBase;
  /** The `timeMajor` this BiRNN was built with (Paddle's `time_major`). */
  readonly timeMajor: boolean;

  /**
   * Wraps a forward and a backward cell.
   * @param cellFw - The forward cell (Paddle's `cell_fw`).
   * @param cellBw - The backward cell, of the same input size (Paddle's `cell_bw`).
   * @param options - `timeMajor` (Paddle's `time_major`, default `false`).
   * @throws {@link errors.TypeError} when a cell is not an RNNCellBase or an option is unknown; {@link errors.ValueError} when the cells' input sizes differ.
   */
  constructor(cellFw: RNNCellBase, cellBw: RNNCellBase, options?: { timeMajor?: boolean }) {
    const o = checkOptions('BiRNN', options, ['timeMajor']);
    for (const [n, c] of [['cell_fw', cellFw], ['cell_bw', cellBw]] as const) {
      if (!(c instanceof RNNCellBase)) throw new PaddleTypeError(`BiRNN: '${n}' must be an RNNCellBase, but received ${describe(c)}.`);
    }
    const sizeOf = (c: RNNCellBase): unknown => (c as unknown as { inputSize?: unknown }).inputSize;
    if (sizeOf(cellFw) !== sizeOf(cellBw)) {
      throw new ValueError(`input size of forward cell(${String(sizeOf(cellFw))}) does not equalsthat of backward cell(${String(sizeOf(cellBw))})`);
    }
    const timeMajor = boolOption('BiRNN', 'time_major', o.timeMajor);
    super();
    this.cell_fw = this.addSublayer('cell_fw', cellFw);
    this.cell_bw = this.addSublayer('cell_bw', cellBw);
    this.timeMajor = timeMajor;
  }

  /**
   * Runs `cellFw` forwards and `cellBw` backwards over the time axis and concatenates their outputs on the last axis (Paddle: `BiRNN.forward`).
   * @param inputs - The input `[batch, time, inputSize]` (`[time, batch, inputSize]` with `timeMajor`) (Paddle's `inputs`).
   * @param initialStates - `[statesFw, statesBw]` (Paddle's `initial_states`; omitted/`null`: each cell's `getInitialStates`).
   * @param sequenceLength - The length of each sequence, an int Tensor or array of `batch` integers (Paddle's `sequence_length`; omitted: all full).
   * @returns `[outputs, [finalFw, finalBw]]`, outputs of last dimension `hiddenFw + hiddenBw`.
   * @throws {@link errors.TypeError} when `inputs` is not a Tensor or `sequenceLength` is neither an int Tensor nor an array of integers; {@link errors.ValueError} when `initialStates` is not a pair, `inputs` is not 3-D, or `sequenceLength` does not have `batch` entries; and what the cells throw for a wrong input or state.
   */
  override forward(
    inputs: Tensor,
    initialStates?: readonly [RNNState, RNNState] | null,
    sequenceLength?: Tensor | readonly number[] | null,
  ): [Tensor, [RNNState, RNNState]] {
    if (initialStates !== null && initialStates !== undefined && (!Array.isArray(initialStates) || initialStates.length !== 2)) {
      throw new ValueError('length of initial_states should be 2 when it is a list/tuple');
    }
    const x = timeMajorInput('BiRNN', inputs, this.timeMajor);
    const lens = sequenceLengths(sequenceLength, x.shape[1] as number);
    const bd = this.timeMajor ? 1 : 0;
    const initFw = initialStates?.[0] ?? this.cell_fw.getInitialStates(inputs, { batchDimIdx: bd });
    const initBw = initialStates?.[1] ?? this.cell_bw.getInitialStates(inputs, { batchDimIdx: bd });
    const masks = stepMasks(lens, x.shape[0] as number, x.dtype);
    const fw = runSequence(this.cell_fw, x, initFw, masks, false, false);
    const bw = runSequence(this.cell_bw, x, initBw, masks, true, false);
    const out = concat([outputOf(fw.outs, this.timeMajor), outputOf(bw.outs, this.timeMajor)], -1);
    return [out, [fw.final, bw.final]];
  }
}

// -----------------------------------------------------------------------------------------------
// Multi-layer networks

/** `direction` of the networks. */
export type RNNDirection = 'forward' | 'bidirect' | 'bidirectional';

/** Options of `SimpleRNN`, `LSTM` and `GRU` (Paddle's keyword arguments). */
export interface RNNNetworkOptions extends Omit<RNNCellOptions, 'name'> {
  /** The number of stacked layers (Paddle's `num_layers`; default 1). */
  numLayers?: number;
  /** `'forward'` (default) or `'bidirect'` / `'bidirectional'` (Paddle's `direction`). */
  direction?: RNNDirection;
  /**
   * Inputs are `[time, batch, features]` instead of `[batch, time, features]` (Paddle's
   * `time_major`; default `false`).
   */
  timeMajor?: boolean;
  /** Dropout on the input of every layer but the first, in train mode (default 0). */
  dropout?: number;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

/** The cell type of an `RNNBase` network (Paddle's `mode`). */
export type Mode = 'LSTM' | 'GRU' | 'RNN_TANH' | 'RNN_RELU';

/**
 * Paddle's `RNNBase` (a LayerList of `RNN` or `BiRNN` layers, one per layer): the shared body of
 * `SimpleRNN`, `LSTM` and `GRU`. Parameters are registered twice, as Paddle does: in the cells
 * (`0.cell.weight_ih`, `0.cell_fw.weight_ih`, …) and on the network itself as `weight_ih_l0`,
 * `weight_hh_l0`, `bias_ih_l0`, `bias_hh_l0` (`…_reverse` for the backward direction), so the
 * state dict holds both key sets, like a Paddle `.pdparams`. The top-level names are zipped with
 * the parameter list exactly as Paddle's constructor does (with a bias attr `false` Paddle leaves
 * those names out of the list, which shifts the later names; reproduced).
 */
export class RNNBase extends LayerList {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'RNNBase';

  /** The `mode` this RNNBase was built with (Paddle's `mode`). */
  readonly mode: Mode;
  /** The `inputSize` this RNNBase was built with (Paddle's `input_size`). */
  readonly inputSize: number;
  /** The `hiddenSize` this RNNBase was built with (Paddle's `hidden_size`). */
  readonly hiddenSize: number;
  /** The `numLayers` this RNNBase was built with (Paddle's `num_layers`). */
  readonly numLayers: number;
  /** 2 for a bidirectional network, else 1 (Paddle's `num_directions`). */
  readonly numDirections: 1 | 2;
  /** The `timeMajor` this RNNBase was built with (Paddle's `time_major`). */
  readonly timeMajor: boolean;
  /** The `dropout` this RNNBase was built with (Paddle's `dropout`). */
  readonly dropout: number;
  /** The `projSize` this RNNBase was built with (Paddle's `proj_size`). */
  readonly projSize: number;
  /** States per layer and direction: 2 for LSTM (h and c), else 1 (Paddle's `state_components`). */
  readonly stateComponents: 1 | 2;
  /** Paddle's `could_use_cudnn`: the fused-kernel semantics (zero outputs at padded steps). */
  private readonly fused: boolean;

  /**
   * Creates the network (the base of SimpleRNN, LSTM and GRU; Paddle's `RNNBase`).
   * @param mode - The cell kind: `'LSTM'`, `'GRU'`, `'RNN_TANH'` or `'RNN_RELU'` (Paddle's `mode`).
   * @param inputSize - The input feature size, a positive integer (Paddle's `input_size`).
   * @param hiddenSize - The hidden state size, a positive integer (Paddle's `hidden_size`).
   * @param options - {@link RNNNetworkOptions} (and `projSize` for LSTM).
   * @param where - The class name used in error messages.
   * @throws {@link errors.TypeError} when a size or `numLayers` is not an integer, `dropout` is not a number, or an attr is invalid; {@link errors.ValueError} when a size is not positive, `direction` is unknown, `dropout` is outside [0, 1], `projSize` is invalid, or a parameter name is already used.
   */
  constructor(mode: Mode, inputSize: number, hiddenSize: number, options: RNNNetworkOptions & { projSize?: number }, where: string) {
    const numLayers = positiveInt(where, 'num_layers', options.numLayers ?? 1);
    if (numLayers < 1) throw new ValueError(`${where}: 'num_layers' must be at least 1, but received ${numLayers}.`);
    const direction = options.direction ?? 'forward';
    if (direction !== 'forward' && direction !== 'bidirect' && direction !== 'bidirectional') {
      throw new ValueError(`direction should be forward or bidirect (or bidirectional), received direction = ${String(direction)}`);
    }
    const timeMajor = boolOption(where, 'time_major', options.timeMajor);
    const { p } = checkDropoutArgs(options.dropout ?? 0, 'upscale_in_train');
    const projSize = mode === 'LSTM' ? checkProjSize('LSTMCell', options.projSize, hiddenSize) : 0;
    const cellOpts: RNNCellOptions = {};
    for (const k of ['weightIhAttr', 'weightHhAttr', 'biasIhAttr', 'biasHhAttr'] as const) if (options[k] !== undefined) cellOpts[k] = options[k];
    // The cells' own checks, before the network takes a name (Paddle names the network first).
    const cellName = mode === 'LSTM' ? 'LSTMCell' : mode === 'GRU' ? 'GRUCell' : 'SimpleRNNCell';
    const hs = positiveInt(cellName, 'hidden_size', hiddenSize);
    if (hs <= 0) throw new ValueError(`hidden_size of ${cellName} must be greater than 0, but now equals to ${hs}`);
    const is = positiveInt(cellName, 'input_size', inputSize);
    if (is <= 0) throw new ValueError(`input_size of ${cellName} must be greater than 0, but now equals to ${is}`);
    preflightAttrs([cellOpts.weightIhAttr, cellOpts.weightHhAttr, cellOpts.biasIhAttr, cellOpts.biasHhAttr].map((a) => (a === false ? null : a)));
    const D = direction === 'forward' ? 1 : 2;
    const makeCell = (inSize: number): RNNCellBase => {
      if (mode === 'LSTM') return new LSTMCell(inSize, hiddenSize, { ...cellOpts, projSize });
      if (mode === 'GRU') return new GRUCell(inSize, hiddenSize, cellOpts);
      return new SimpleRNNCell(inSize, hiddenSize, { ...cellOpts, activation: mode === 'RNN_RELU' ? 'relu' : 'tanh' });
    };
    super();
    const inSize = projSize || hiddenSize;
    for (let l = 0; l < numLayers; l++) {
      const size = l === 0 ? inputSize : D * inSize;
      if (D === 1) this.append(new RNN(makeCell(size), { isReverse: false, timeMajor }));
      else {
        const fw = makeCell(size);
        const bw = makeCell(size);
        this.append(new BiRNN(fw, bw, { timeMajor }));
      }
    }
    this.mode = mode;
    this.inputSize = inputSize;
    this.hiddenSize = hiddenSize;
    this.numLayers = numLayers;
    this.numDirections = D;
    this.timeMajor = timeMajor;
    this.dropout = p;
    this.projSize = projSize;
    this.stateComponents = mode === 'LSTM' ? 2 : 1;
    const params = this.parameters();
    this.fused = params.length === numLayers * 4 * D;
    const names: string[] = [];
    for (let l = 0; l < numLayers; l++) {
      for (let d = 0; d < D; d++) {
        const suffix = d === 1 ? '_reverse' : '';
        names.push(`weight_ih_l${l}${suffix}`, `weight_hh_l${l}${suffix}`);
        if (options.biasIhAttr !== false) names.push(`bias_ih_l${l}${suffix}`);
        if (options.biasHhAttr !== false) names.push(`bias_hh_l${l}${suffix}`);
      }
    }
    names.forEach((n, i) => {
      const param = params[i];
      if (param !== undefined) this.addParameter(n, param);
    });
  }

  /** The cells of layer `l` (one, or forward and backward). */
  private cellsOf(l: number): RNNCellBase[] {
    const layer = this.at(l);
    return layer instanceof BiRNN ? [layer.cell_fw, layer.cell_bw] : [(layer as RNN).cell];
  }

  /** Splits `[L·D, B, H]` initial states into per-cell states (Paddle's `split_states`). */
  private splitStates(where: string, initial: unknown, x: Tensor): RNNState[] {
    const B = x.shape[1] as number;
    const LD = this.numLayers * this.numDirections;
    const dims = [this.projSize || this.hiddenSize, this.hiddenSize];
    let comps: Tensor[];
    if (initial === null || initial === undefined) {
      comps = dims.slice(0, this.stateComponents).map((h) => zeros([LD, B, h], { dtype: x.dtype }));
    } else {
      const list = initial instanceof Tensor ? [initial] : Array.isArray(initial) ? (initial as unknown[]) : null;
      if (list === null || !list.every((t) => t instanceof Tensor)) {
        throw new PaddleTypeError(`${where}: 'initial_states' must be a Tensor or an array of Tensors, but received ${describe(initial)}.`);
      }
      comps = list as Tensor[];
      const first = comps[0];
      if (first === undefined || first.ndim !== 3) {
        throw new ValueError(`The rank of PreState in RNN  must be 3. But the received rank is ${first === undefined ? 0 : first.ndim}.`);
      }
      comps.forEach((t, i) => {
        if (t.shape[1] !== B) {
          throw new ValueError(`The second dimension size (representing for batch size) of Input and PreState should be equal. But received ${B} and ${t.shape[1]}.`);
        }
        if (t.ndim !== 3 || t.shape.some((d, k) => d !== first.shape[k])) {
          throw new ValueError(`The dims of all tensors in PreState should be same. But received PreState[0] is ${first.shape.join(', ')} and PreState[${i}] is ${t.shape.join(', ')}.`);
        }
      });
      if (comps.length !== this.stateComponents) {
        throw new ValueError(`The number of tensors in PreState of ${this.mode} should be 2, but received ${comps.length}.`);
      }
      comps.forEach((t, i) => {
        const want = [LD, B, dims[i] as number];
        if (t.shape.some((d, k) => d !== want[k])) {
          throw new ValueError(`${where}: initial state ${i} must have shape [${want.join(', ')}] ([num_layers * num_directions, batch_size, hidden_size]), but its shape is [${t.shape.join(', ')}].`);
        }
        if (t.dtype !== x.dtype) throw new PaddleTypeError(`${where}: the initial states must have the dtype of the input (${x.dtype}), but received ${t.dtype}.`);
      });
    }
    const perCell = comps.map((t) => unstackRows(reshape(t, [LD * B, t.shape[2] as number]), LD));
    const out: RNNState[] = [];
    for (let k = 0; k < LD; k++) out.push(this.stateComponents === 1 ? (perCell[0]?.[k] as Tensor) : perCell.map((c) => c[k] as Tensor));
    return out;
  }

  /**
   * `forward(inputs, initialStates?, sequenceLength?)`: inputs `[B, T, I]` (`[T, B, I]` when
   * `timeMajor`); initial states `[L·D, B, H]` (`[h, c]` for LSTM; zeros when omitted);
   * `sequenceLength` an int Tensor or array of B lengths. Returns `[outputs, finalStates]` with
   * outputs `[B, T, D·H]` and final states shaped like the initial ones (forward and backward
   * states interleaved per layer: 0, 2, 4… forward, 1, 3, 5… backward).
   * @param inputs - The float input `[B, T, inputSize]` (`[T, B, inputSize]` with `timeMajor`) (Paddle's `inputs`).
   * @param initialStates - `[L·D, B, H]` of the input's dtype, or `[h, c]` for LSTM (Paddle's `initial_states`; omitted/`null`: zeros).
   * @param sequenceLength - The length of each sequence, an int Tensor or array of B integers (Paddle's `sequence_length`; omitted: all full).
   * @returns `[outputs, finalStates]`: outputs `[B, T, D·H]` (`[T, B, D·H]` with `timeMajor`), final states shaped like the initial ones.
   * @throws {@link errors.TypeError} when `inputs` is not a Tensor or not float, `initialStates` is not a Tensor or an array of Tensors or has another dtype, or `sequenceLength` is neither an int Tensor nor an array of integers; {@link errors.ValueError} when `inputs` is not 3-D or its last dimension is not `inputSize`, an initial state is not 3-D, has another batch size, is not `[L·D, B, H]`, or there are not as many as the mode needs, or `sequenceLength` does not have B entries.
   */
  override forward(inputs: Tensor, initialStates?: Tensor | readonly Tensor[] | null, sequenceLength?: Tensor | readonly number[] | null): [Tensor, Tensor | [Tensor, Tensor]] {
    const where = this.constructor.name;
    let x = timeMajorInput(where, inputs, this.timeMajor);
    if (!isFloatDType(x.dtype)) throw new PaddleTypeError(`${where}: the input must be float32 or float64, but its dtype is ${x.dtype}.`);
    if (x.shape[2] !== this.inputSize) {
      throw new ValueError(`${where}: the last dimension of the input (${x.shape[2]}) must equal input_size (${this.inputSize}); input shape [${inputs.shape.join(', ')}].`);
    }
    const T = x.shape[0] as number;
    const lens = sequenceLengths(sequenceLength, x.shape[1] as number);
    const states = this.splitStates(where, initialStates, x);
    const masks = stepMasks(lens, T, x.dtype);
    const finals: RNNState[] = [];
    for (let l = 0; l < this.numLayers; l++) {
      if (l > 0 && this.dropout > 0) x = dropout(x, { p: this.dropout, training: this.training, mode: 'upscale_in_train' });
      const outs = this.cellsOf(l).map((cell, d) => {
        const r = runSequence(cell, x, states[l * this.numDirections + d] as RNNState, masks, d === 1, this.fused);
        finals.push(r.final);
        return stack(r.outs, 0);
      });
      x = outs.length === 1 ? (outs[0] as Tensor) : concat(outs, -1);
    }
    const out = this.timeMajor ? x : transpose(x, [1, 0, 2]);
    if (this.stateComponents === 1) return [out, stack(finals as Tensor[], 0)];
    const hs = finals.map((s) => (s as readonly Tensor[])[0] as Tensor);
    const cs = finals.map((s) => (s as readonly Tensor[])[1] as Tensor);
    return [out, [stack(hs, 0), stack(cs, 0)]];
  }

  override extraRepr(): string {
    let s = `${this.inputSize}, ${this.hiddenSize}`;
    if (this.numLayers !== 1) s += `, num_layers=${this.numLayers}`;
    if (this.timeMajor) s += `, time_major=True`;
    if (this.dropout !== 0) s += `, dropout=${this.dropout}`;
    return s;
  }
}

const NET_KEYS = ['numLayers', 'direction', 'timeMajor', 'dropout', 'weightIhAttr', 'weightHhAttr', 'biasIhAttr', 'biasHhAttr', 'name'] as const;

/** Options of `SimpleRNN`. */
export interface SimpleRNNOptions extends RNNNetworkOptions {
  /** 'tanh' (default) or 'relu'. */
  activation?: 'tanh' | 'relu';
}

/**
 * `paddle.nn.SimpleRNN(input_size, hidden_size, num_layers=1, direction='forward',
 * time_major=False, dropout=0.0, activation='tanh', weight_ih_attr=None, weight_hh_attr=None,
 * bias_ih_attr=None, bias_hh_attr=None, name=None)`: `new SimpleRNN(inputSize, hiddenSize,
 * { numLayers, direction, timeMajor, dropout, activation, weightIhAttr, … })`.
 */
export class SimpleRNN extends RNNBase {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'SimpleRNN';

  /** The `activation` this SimpleRNN was built with (Paddle's `activation`). */
  readonly activation: 'tanh' | 'relu';

  /**
   * Creates the network and its per-layer parameters.
   * @param inputSize - The input feature size, a positive integer (Paddle's `input_size`).
   * @param hiddenSize - The hidden state size, a positive integer (Paddle's `hidden_size`).
   * @param options - {@link SimpleRNNOptions}: `activation` (`'tanh'` default or `'relu'`), `numLayers` (default 1), `direction` (`'forward'` default, `'bidirect'`/`'bidirectional'`), `timeMajor` (default `false`), `dropout` (default 0), `weightIhAttr`, `weightHhAttr`, `biasIhAttr`, `biasHhAttr`, `name`.
   * @throws {@link errors.TypeError} when a size or `numLayers` is not an integer, `dropout` is not a number, an attr is invalid, or an option is unknown; {@link errors.ValueError} when a size is not positive, `direction` is unknown, `dropout` is outside [0, 1], `activation` is unknown, or a parameter name is already used.
   */
  constructor(inputSize: number, hiddenSize: number, options?: SimpleRNNOptions) {
    const o = checkOptions('SimpleRNN', options, [...NET_KEYS, 'activation']);
    const act = o.activation ?? 'tanh';
    if (act !== 'tanh' && act !== 'relu') throw new ValueError(`Unknown activation '${String(act)}'`);
    super(act === 'tanh' ? 'RNN_TANH' : 'RNN_RELU', inputSize, hiddenSize, o, 'SimpleRNN');
    this.activation = act;
  }
}

/** Options of `LSTM`. */
export interface LSTMOptions extends RNNNetworkOptions {
  /** Projects each layer's h to this size (0: none, the default). */
  projSize?: number;
}

/**
 * `paddle.nn.LSTM(input_size, hidden_size, num_layers=1, direction='forward', time_major=False,
 * dropout=0.0, weight_ih_attr=None, weight_hh_attr=None, bias_ih_attr=None, bias_hh_attr=None,
 * proj_size=0, name=None)`: `forward(x, [h0, c0]?, sequenceLength?)` returns
 * `[outputs, [h, c]]`.
 */
export class LSTM extends RNNBase {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'LSTM';

  /**
   * Creates the network and its per-layer parameters.
   * @param inputSize - The input feature size, a positive integer (Paddle's `input_size`).
   * @param hiddenSize - The hidden state size, a positive integer (Paddle's `hidden_size`).
   * @param options - {@link LSTMOptions}: `projSize` (default 0), `numLayers` (default 1), `direction` (`'forward'` default, `'bidirect'`/`'bidirectional'`), `timeMajor` (default `false`), `dropout` (default 0), `weightIhAttr`, `weightHhAttr`, `biasIhAttr`, `biasHhAttr`, `name`.
   * @throws {@link errors.TypeError} when a size or `numLayers` is not an integer, `dropout` is not a number, an attr is invalid, or an option is unknown; {@link errors.ValueError} when a size is not positive, `direction` is unknown, `dropout` is outside [0, 1], `projSize` is invalid, or a parameter name is already used.
   */
  constructor(inputSize: number, hiddenSize: number, options?: LSTMOptions) {
    const o = checkOptions('LSTM', options, [...NET_KEYS, 'projSize']);
    super('LSTM', inputSize, hiddenSize, o, 'LSTM');
  }
}

/**
 * `paddle.nn.GRU(input_size, hidden_size, num_layers=1, direction='forward', time_major=False,
 * dropout=0.0, weight_ih_attr=None, weight_hh_attr=None, bias_ih_attr=None, bias_hh_attr=None,
 * name=None)`: `forward(x, h0?, sequenceLength?)` returns `[outputs, h]`.
 */
export class GRU extends RNNBase {
  /** Paddle's class name (see {@link Layer.layerName}). */
  static override readonly layerName: string = 'GRU';

  /**
   * Creates the network and its per-layer parameters.
   * @param inputSize - The input feature size, a positive integer (Paddle's `input_size`).
   * @param hiddenSize - The hidden state size, a positive integer (Paddle's `hidden_size`).
   * @param options - {@link RNNNetworkOptions}: `numLayers` (default 1), `direction` (`'forward'` default, `'bidirect'`/`'bidirectional'`), `timeMajor` (default `false`), `dropout` (default 0), `weightIhAttr`, `weightHhAttr`, `biasIhAttr`, `biasHhAttr`, `name`.
   * @throws {@link errors.TypeError} when a size or `numLayers` is not an integer, `dropout` is not a number, an attr is invalid, or an option is unknown; {@link errors.ValueError} when a size is not positive, `direction` is unknown, `dropout` is outside [0, 1], or a parameter name is already used.
   */
  constructor(inputSize: number, hiddenSize: number, options?: RNNNetworkOptions) {
    const o = checkOptions('GRU', options, NET_KEYS);
    super('GRU', inputSize, hiddenSize, o, 'GRU');
  }
}

/**
 * `paddle.nn.functional.conv2d`, `conv1d`, `conv2d_transpose`, `conv1d_transpose`.
 *
 * Convolution is im2col + `paddle.matmul` (src/nn/functional/unfold.ts): the image's windows
 * become a patch matrix `rows[N·OH·OW, C·kh·kw]` (per group: `[g, N·OH·OW, C/g·kh·kw]`), the
 * product `rows · Wᵀ` with the weight viewed as `[O, C·kh·kw]` (`[g, O/g, C/g·kh·kw]`, one batched
 * product) gives `[N·OH·OW, O]`, laid out as NCHW or NHWC with the bias added. The gradients come
 * from matmul's backward and row2im (col2im), so every multiply-add of forward and backward goes
 * through the matrix product. The transposed convolution is the adjoint: `x_rows · W`, then
 * row2im.
 *
 * 1-D convolutions are the 2-D ones over a height of 1 (as Paddle computes them).
 * Float32 products are float32 sums in order of k (matmul's contract); Paddle's oneDNN/Eigen
 * kernels sum in another order, so float32 results agree with Paddle's to rounding, not bits.
 */
import { TypeError as PaddleTypeError, ValueError } from '../../errors.js';
import { checkOptions, describe, isPlainObject } from '../../options.js';
import { shapeToString } from '../../tensor/shape.js';
import { Tensor } from '../../tensor/tensor.js';
import { matmul } from '../../ops/matmul.js';
import { reshape } from '../../ops/manipulation.js';
import { add } from '../../ops/binary.js';
import {
  convertToList,
  convOutputSize,
  dataFormatOf,
  groupsOf,
  parsePadding,
  positiveList,
  resolvePadding,
  type DataFormat1D,
  type DataFormat2D,
  type PaddingSpec,
} from './conv-args.js';
import { convProduct, fromRows, im2row, patchProduct, row2im, toRows, type ConvGeometry } from './unfold.js';

/** Options of `conv2d` (Paddle's keyword arguments, camelCase). */
export interface Conv2dOptions {
  /** The bias added to each output channel, shape `[outChannels]` (Paddle's `bias`; default none). */
  bias?: Tensor | null;
  /** An integer or [stride_h, stride_w] (default 1). */
  stride?: number | readonly number[];
  /** 'same', 'valid', an integer, [ph, pw], [top, bottom, left, right], or 4 pairs (default 0). */
  padding?: PaddingSpec;
  /** An integer or [dilation_h, dilation_w] (default 1). */
  dilation?: number | readonly number[];
  /** The number of groups the channels are split into (Paddle's `groups`; default 1). */
  groups?: number;
  /**
   * The layout of the input: channels first (`'NCL'`, `'NCHW'`, `'NCDHW'`, default) or last
   * (Paddle's `data_format`).
   */
  dataFormat?: DataFormat2D;
  /**
   * Paddle's `name` argument (names the operation in Paddle's static graph); accepted and unused,
   * as in Paddle's dygraph mode.
   */
  name?: string | null;
}

/** Options of `conv1d`. */
export interface Conv1dOptions extends Omit<Conv2dOptions, 'dataFormat'> {
  /**
   * The layout of the input: channels first (`'NCL'`, `'NCHW'`, `'NCDHW'`, default) or last
   * (Paddle's `data_format`).
   */
  dataFormat?: DataFormat1D;
}

/** Options of `conv2d_transpose`. */
export interface Conv2dTransposeOptions extends Conv2dOptions {
  /** Extra rows/columns at the end of the output: an integer or [oh, ow] (default 0). */
  outputPadding?: number | readonly number[];
  /** The output's spatial size: an integer or [H, W] (exclusive with `outputPadding`). */
  outputSize?: number | readonly number[] | null;
}

/** Options of `conv1d_transpose`. */
export interface Conv1dTransposeOptions extends Omit<Conv2dTransposeOptions, 'dataFormat'> {
  /**
   * The layout of the input: channels first (`'NCL'`, `'NCHW'`, `'NCDHW'`, default) or last
   * (Paddle's `data_format`).
   */
  dataFormat?: DataFormat1D;
}

const CONV_KEYS = ['bias', 'stride', 'padding', 'dilation', 'groups', 'dataFormat', 'name'] as const;
const TRANSPOSE_KEYS = [...CONV_KEYS, 'outputPadding', 'outputSize'] as const;

/** `(x, weight, bias?, options?)` or `(x, weight, options)`: the options with the bias in them. */
function optionsWithBias<O extends { bias?: Tensor | null }>(where: string, third: unknown, fourth: unknown, keys: readonly string[]): O {
  if (isPlainObject(third)) {
    if (fourth !== undefined) throw new PaddleTypeError(`${where}: the options object must be the last argument.`);
    return checkOptions(where, third as O, keys);
  }
  const o = checkOptions(where, fourth as O | undefined, keys.filter((k) => k !== 'bias')) ?? ({} as O);
  if (third !== undefined && third !== null && !(third instanceof Tensor)) {
    throw new PaddleTypeError(`${where}: the argument 'bias' must be a Tensor or null, but received ${describe(third)}.`);
  }
  return { ...o, bias: (third as Tensor | null | undefined) ?? null };
}

function checkFloatPair(where: string, x: unknown, weight: unknown): { x: Tensor; w: Tensor } {
  if (!(x instanceof Tensor)) throw new PaddleTypeError(`${where}: the argument 'x' must be a Tensor, but received ${describe(x)}.`);
  if (!(weight instanceof Tensor)) throw new PaddleTypeError(`${where}: the argument 'weight' must be a Tensor, but received ${describe(weight)}.`);
  for (const [name, t] of [['x', x], ['weight', weight]] as const) {
    if (t.dtype !== 'float32' && t.dtype !== 'float64') {
      throw new PaddleTypeError(`${where}: the argument '${name}' must have dtype float32 or float64, but its dtype is ${t.dtype}.`);
    }
  }
  if (x.dtype !== weight.dtype) {
    throw new PaddleTypeError(`${where}: 'x' (${x.dtype}) and 'weight' (${weight.dtype}) must have the same dtype.`);
  }
  return { x, w: weight };
}

function checkBias(where: string, bias: Tensor | null | undefined, channels: number, dtype: string): Tensor | null {
  if (bias === undefined || bias === null) return null;
  if (!(bias instanceof Tensor)) throw new PaddleTypeError(`${where}: the argument 'bias' must be a Tensor or null, but received ${describe(bias)}.`);
  if (bias.ndim !== 1 || bias.shape[0] !== channels) {
    throw new ValueError(`${where}: the 'bias' must have shape [${channels}] (one per output channel), but received ${shapeToString(bias.shape)}.`);
  }
  if (bias.dtype !== dtype) throw new PaddleTypeError(`${where}: 'bias' (${bias.dtype}) must have the dtype of 'x' (${dtype}).`);
  return bias;
}

/** The checks of Paddle's ConvInferMeta on x and the filter (after Python's own checks). */
function checkConvShapes(x: Tensor, w: Tensor, groups: number, format: string, channelsLast: boolean): void {
  if (w.ndim !== x.ndim) {
    throw new ValueError(
      `The input's dimension and filter's dimension of Op(Conv) should be equal. But received: the input's shape is [${x.shape.join(', ')}], the input's dimension is ${x.ndim}; the filter's shape is [${w.shape.join(', ')}],  the filter's dimension is ${w.ndim}.`,
    );
  }
  const cin = x.shape[channelsLast ? 3 : 1] as number;
  if (cin !== (w.shape[1] as number) * groups) {
    throw new ValueError(
      `The number of input's channels should be equal to filter's channels * groups for Op(Conv). But received: the input's channels is ${cin}, the input's shape is [${x.shape.join(', ')}]; the filter's channels is ${w.shape[1]}, the filter's shape is [${w.shape.join(', ')}]; the groups is ${groups}, the data_format is ${format}. The error may come from wrong data_format setting.`,
    );
  }
  if ((w.shape[0] as number) % groups !== 0) {
    throw new ValueError(
      `The number of output's channels (filter's first dimension) of Op(Conv) should be divided by groups. But received: the output channels is ${w.shape[0]}, the filter's shape is [${w.shape.join(', ')}], the groups is ${groups}.`,
    );
  }
  if ((w.shape[0] as number) <= 0) throw new ValueError('the size of filter at axis 0 should be greater than 0');
}

/** Python-level checks common to conv2d and conv2d_transpose (rank, channels vs groups). */
function checkInput(x: Tensor, groups: number, channelsLast: boolean, rank: number): number {
  if (x.ndim !== rank) {
    throw new ValueError(`Input x should be ${rank}D tensor, but received x with the shape of [${x.shape.join(', ')}]`);
  }
  const cin = x.shape[channelsLast ? rank - 1 : 1] as number;
  if (cin % groups !== 0) {
    throw new ValueError(
      `the channel of input must be divisible by groups,received: the channel of input is ${cin}, the shape of input is [${x.shape.join(', ')}], the groups is ${groups}`,
    );
  }
  return cin;
}

interface ConvPlan {
  g: ConvGeometry;
  groups: number;
  cout: number;
}

/** The geometry of a forward convolution of x [N, C, H, W] (or NHWC) with w [O, C/g, kh, kw]. */
function planConv2d(x: Tensor, w: Tensor, o: Conv2dOptions, format: DataFormat2D): ConvPlan {
  const channelsLast = format === 'NHWC';
  const groups = groupsOf('conv2d', o.groups);
  const cin = checkInput(x, groups, channelsLast, 4);
  const cout = w.shape[0] as number;
  if (w.ndim === 4 && cout % groups !== 0) {
    throw new ValueError(
      `the number of filters must be divisible by groups,received: the number of filters is ${cout}, the shape of weight is [${w.shape.join(', ')}], the groups is ${groups}`,
    );
  }
  const padding = parsePadding(o.padding ?? 0, 2, channelsLast);
  const stride = positiveList('Conv', 'stride', convertToList(o.stride ?? 1, 2, 'stride'));
  let dilation = positiveList('Conv', 'dilation', convertToList(o.dilation ?? 1, 2, 'dilation'));
  checkConvShapes(x, w, groups, format, channelsLast);
  const [n, h, wd] = channelsLast ? [x.shape[0], x.shape[1], x.shape[2]] : [x.shape[0], x.shape[2], x.shape[3]];
  const k = [w.shape[2] as number, w.shape[3] as number];
  const pads = resolvePadding(padding, [h as number, wd as number], k, stride);
  if (padding.algorithm === 'SAME') dilation = [1, 1]; // Paddle's UpdatePaddingAndDilation
  const [[pt, pb], [pl, pr]] = pads as [[number, number], [number, number]];
  const oh = convOutputSize(h as number, k[0] as number, dilation[0] as number, pt, pb, stride[0] as number);
  const ow = convOutputSize(wd as number, k[1] as number, dilation[1] as number, pl, pr, stride[1] as number);
  const g: ConvGeometry = {
    n: n as number, c: cin, h: h as number, w: wd as number,
    kh: k[0] as number, kw: k[1] as number, sh: stride[0] as number, sw: stride[1] as number,
    dh: dilation[0] as number, dw: dilation[1] as number, pt, pl, oh, ow, groups, channelsLast,
  };
  return { g, groups, cout };
}

/**
 * conv2d on checked arguments: the patch matrix times Wᵀ in one (batched) product, laid out with
 * the bias. Float inputs of one dtype go through `patchProduct` (the kernel gathers the patches
 * inside the product: no patch-matrix tensor); anything else through `im2row` + `matmul`, which
 * gives the same numbers where both apply.
 */
function conv2dCore(x: Tensor, w: Tensor, bias: Tensor | null, plan: ConvPlan): Tensor {
  const { g, groups, cout } = plan;
  const kg = (g.c / groups) * g.kh * g.kw;
  const wm = reshape(w, groups === 1 ? [cout, kg] : [groups, cout / groups, kg]);
  const float = (x.dtype === 'float32' || x.dtype === 'float64') && wm.dtype === x.dtype;
  if (float && groups === 1 && (bias === null || bias.dtype === x.dtype)) return convProduct(x, wm, bias, g);
  const y = float ? patchProduct(x, wm, g) : matmul(im2row(x, g), wm, { transposeY: true });
  return fromRows(y, bias, g.n, cout, g.oh, g.ow, groups, g.channelsLast);
}

/**
 * `paddle.nn.functional.conv2d(x, weight, bias=None, stride=1, padding=0, dilation=1, groups=1,
 * data_format='NCHW')`: `conv2d(x, weight, bias?, { stride, padding, dilation, groups,
 * dataFormat })` or `conv2d(x, weight, { bias, ... })`. x is [N, C, H, W] (or NHWC), weight
 * [O, C/groups, kh, kw], bias [O]. Padding 'same' uses Paddle's SAME algorithm (dilation 1).
 * @param x - The float input `[N, C, H, W]` (or NHWC) (Paddle's `x`).
 * @param weight - The filter `[O, C/groups, kh, kw]` of x's dtype (Paddle's `weight`).
 * @param bias - The bias `[O]` (Paddle's `bias`; `null`/omitted: none), or the options object with `bias` in it.
 * @param options - {@link Conv2dOptions}: `bias`, `stride` (default 1), `padding` (default 0; a number, a list, `'same'` or `'valid'`), `dilation` (default 1), `groups` (default 1), `dataFormat` (`'NCHW'` default or `'NHWC'`), `name`.
 * @returns A new Tensor `[N, O, OH, OW]` (or NHWC) of x's dtype.
 * @throws {@link errors.TypeError} when `x`/`weight` is not a float Tensor, their dtypes differ, `bias` is not a Tensor of x's dtype, or an option is wrong or unknown; {@link errors.ValueError} when x's rank, the channels vs `groups`, the weight's shape, `bias`'s shape, `stride`/`padding`/`dilation`/`dataFormat` are invalid, or the output would be empty.
 */
export function conv2d(x: Tensor, weight: Tensor, bias?: Tensor | null | Conv2dOptions, options?: Conv2dOptions): Tensor {
  const o = optionsWithBias<Conv2dOptions>('conv2d', bias, options, CONV_KEYS);
  const format = dataFormatOf(o.dataFormat, ['NCHW', 'NHWC']);
  const { x: X, w: W } = checkFloatPair('conv2d', x, weight);
  const plan = planConv2d(X, W, o, format);
  return conv2dCore(X, W, checkBias('conv2d', o.bias, plan.cout, X.dtype), plan);
}

/** 1-D arguments as 2-D ones over a height of 1. */
function as2d(list: unknown, name: string, fill: number): number[] {
  return [fill, ...convertToList(list, 1, name)];
}

/** A 1-D padding as the 2-D padding of a height-1 image. */
function padding1dAs2d(padding: unknown, channelsLast: boolean): PaddingSpec {
  const p = parsePadding(padding ?? 0, 1, channelsLast);
  if (p.algorithm !== 'EXPLICIT') return p.algorithm;
  const [[a, b]] = p.pads as [[number, number]];
  return [0, 0, a, b];
}

/**
 * `paddle.nn.functional.conv1d(x, weight, bias=None, stride=1, padding=0, dilation=1, groups=1,
 * data_format='NCL')`: x [N, C, L] (or NLC), weight [O, C/groups, k]; computed as conv2d over a
 * height of 1.
 * @param x - The float input `[N, C, L]` (or NLC) (Paddle's `x`).
 * @param weight - The filter `[O, C/groups, k]` of x's dtype (Paddle's `weight`).
 * @param bias - The bias `[O]` (Paddle's `bias`; `null`/omitted: none), or the options object with `bias` in it.
 * @param options - {@link Conv1dOptions}: `bias`, `stride` (default 1), `padding` (default 0; a number, a list, `'same'` or `'valid'`), `dilation` (default 1), `groups` (default 1), `dataFormat` (`'NCL'` default or `'NLC'`), `name`.
 * @returns A new Tensor `[N, O, OL]` (or NLC) of x's dtype.
 * @throws {@link errors.TypeError} when `x`/`weight` is not a float Tensor, their dtypes differ, `bias` is not a Tensor of x's dtype, or an option is wrong or unknown; {@link errors.ValueError} when x's rank, the channels vs `groups`, the weight's shape, `bias`'s shape, `stride`/`padding`/`dilation`/`dataFormat` are invalid, or the output would be empty.
 */
export function conv1d(x: Tensor, weight: Tensor, bias?: Tensor | null | Conv1dOptions, options?: Conv1dOptions): Tensor {
  const o = optionsWithBias<Conv1dOptions>('conv1d', bias, options, CONV_KEYS);
  const format = dataFormatOf(o.dataFormat, ['NCL', 'NLC']);
  const { x: X, w: W } = checkFloatPair('conv1d', x, weight);
  const channelsLast = format === 'NLC';
  const groups = groupsOf('conv1d', o.groups);
  checkInput(X, groups, channelsLast, 3);
  if (W.ndim !== 3) {
    throw new ValueError(
      `The input's dimension and filter's dimension of Op(Conv) should be equal. But received: the input's shape is [${X.shape.join(', ')}], the input's dimension is 3; the filter's shape is [${W.shape.join(', ')}],  the filter's dimension is ${W.ndim}.`,
    );
  }
  const [n, c, l] = channelsLast ? [X.shape[0], X.shape[2], X.shape[1]] : X.shape;
  const x4 = reshape(X, channelsLast ? [n as number, 1, l as number, c as number] : [n as number, c as number, 1, l as number]);
  const w4 = reshape(W, [W.shape[0] as number, W.shape[1] as number, 1, W.shape[2] as number]);
  const o2: Conv2dOptions = {
    stride: as2d(o.stride ?? 1, 'stride', 1),
    dilation: as2d(o.dilation ?? 1, 'dilation', 1),
    padding: padding1dAs2d(o.padding, channelsLast),
    groups,
  };
  const plan = planConv2d(x4, w4, o2, channelsLast ? 'NHWC' : 'NCHW');
  const y = conv2dCore(x4, w4, checkBias('conv1d', o.bias, plan.cout, X.dtype), plan);
  return reshape(y, channelsLast ? [n as number, plan.g.ow, plan.cout] : [n as number, plan.cout, plan.g.ow]);
}

/**
 * `paddle.nn.functional.conv2d_transpose(x, weight, bias=None, stride=1, padding=0,
 * output_padding=0, groups=1, dilation=1, output_size=None, data_format='NCHW')`: x [N, C, H, W]
 * (or NHWC), weight [C, O/groups, kh, kw] (Paddle's layout: input channels first), bias [O].
 * Output size `(H − 1)·stride − pad_before − pad_after + dilation·(k − 1) + 1 + output_padding`,
 * or `outputSize` within [that, that + stride).
 * @param x - The float input `[N, C, H, W]` (or NHWC) (Paddle's `x`).
 * @param weight - The filter `[C, O/groups, kh, kw]` of x's dtype (Paddle's `weight`).
 * @param bias - The bias `[O]` (Paddle's `bias`; `null`/omitted: none), or the options object with `bias` in it.
 * @param options - {@link Conv2dTransposeOptions}: `bias`, `stride` (default 1), `padding` (default 0; a number, a list, `'same'` or `'valid'`), `dilation` (default 1), `groups` (default 1), `outputPadding` (Paddle's `output_padding`), `outputSize` (Paddle's `output_size`), `dataFormat` (`'NCHW'` default or `'NHWC'`), `name`.
 * @returns A new Tensor `[N, O, OH, OW]` (or NHWC) of x's dtype.
 * @throws {@link errors.TypeError} when `x`/`weight` is not a float Tensor, their dtypes differ, `bias` is not a Tensor of x's dtype, or an option is wrong or unknown; {@link errors.ValueError} when x's rank, the channels vs `groups`, the weight's shape, `bias`'s shape, `stride`/`padding`/`dilation`/`dataFormat` are invalid, `outputPadding` and `outputSize` are both given or out of range, or the output would be empty.
 */
export function conv2dTranspose(x: Tensor, weight: Tensor, bias?: Tensor | null | Conv2dTransposeOptions, options?: Conv2dTransposeOptions): Tensor {
  const o = optionsWithBias<Conv2dTransposeOptions>('conv2d_transpose', bias, options, TRANSPOSE_KEYS);
  const format = dataFormatOf(o.dataFormat, ['NCHW', 'NHWC'], 'must');
  const { x: X, w: W } = checkFloatPair('conv2d_transpose', x, weight);
  return convTransposeCore('conv2d_transpose', X, W, o, format === 'NHWC', 4);
}

function convTransposeCore(where: string, X: Tensor, W: Tensor, o: Omit<Conv2dTransposeOptions, 'dataFormat'>, channelsLast: boolean, rank: 3 | 4): Tensor {
  const groups = groupsOf(where, o.groups);
  const cin = checkInput(X, groups, channelsLast, rank);
  const nd = rank - 2;
  const outputSize = o.outputSize ?? null;
  const outputPadding = o.outputPadding ?? 0;
  if (outputSize !== null && !(typeof outputPadding === 'number' ? outputPadding === 0 : outputPadding.every((v) => v === 0))) {
    throw new ValueError('output_padding option is mutually exclusive with output_size');
  }
  const padding = parsePadding(o.padding ?? 0, nd, channelsLast);
  const stride1 = positiveList('Conv', 'stride', convertToList(o.stride ?? 1, nd, 'stride'));
  const dil1 = positiveList('Conv', 'dilation', convertToList(o.dilation ?? 1, nd, 'dilation'));
  const opad1 = convertToList(outputPadding, nd, 'output_padding');
  const osize1 = outputSize === null ? null : convertToList(outputSize, nd, 'output_size');
  if (W.ndim !== rank) {
    throw new ValueError(
      `The input's dimension size and filter's dimension size of Op (conv_transpose) should be equal. But received: the shape of input is [${X.shape.join(', ')}], the dimension size of input is [${rank}], the shape of filter is [${W.shape.join(', ')}],  the dimension size of filter is [${W.ndim}]. `,
    );
  }
  if (cin !== W.shape[0]) {
    throw new ValueError(
      `The number of input channels should be equal to filter channels for Op(conv_transpose). But received: the input's channels is [${cin}], the shape of input is [${X.shape.join(', ')}], the filter's channels is [${W.shape[0]}], the shape of filter is [${W.shape.join(', ')}]. The data_format is ${channelsLast ? (rank === 4 ? 'NHWC' : 'NLC') : rank === 4 ? 'NCHW' : 'NCL'}.The error may come from wrong data_format setting.`,
    );
  }
  // Everything as 2-D: a 1-D transpose is the 2-D one over a height of 1.
  const sp = channelsLast ? X.shape.slice(1, -1) : X.shape.slice(2);
  const n = X.shape[0] as number;
  const dims = rank === 4 ? (sp as number[]) : [1, sp[0] as number];
  const kernel = rank === 4 ? [W.shape[2] as number, W.shape[3] as number] : [1, W.shape[2] as number];
  const stride = rank === 4 ? stride1 : [1, ...stride1];
  let dilation = rank === 4 ? dil1 : [1, ...dil1];
  const opad = rank === 4 ? opad1 : [0, ...opad1];
  const osize = osize1 === null ? null : rank === 4 ? osize1 : [1, ...osize1];
  let pads = resolvePadding(padding, sp as number[], rank === 4 ? kernel : [kernel[1] as number], stride1);
  if (rank === 3) pads = [[0, 0], ...pads];
  if (padding.algorithm === 'SAME') dilation = [1, 1];
  const cout = (W.shape[1] as number) * groups;
  const out: number[] = [];
  for (let i = 0; i < 2; i++) {
    const k = kernel[i] as number;
    const s = stride[i] as number;
    const d = dilation[i] as number;
    const [pb, pa] = pads[i] as [number, number];
    const infer = ((dims[i] as number) - 1) * s - pb - pa + d * (k - 1) + 1;
    if (osize !== null) {
      const want = osize[i] as number;
      const shown = `[${(osize1 as number[]).join(', ')}]`;
      const dim = i - (rank === 3 ? 1 : 0);
      if (want < infer) {
        throw new ValueError(
          `output_size of Op(ConvTransposeOp) should not be less than the infered output size. But received output_size = ${shown}, whose dim ${dim} is less than the infered output size [${infer}]`,
        );
      }
      if (want >= infer + s) {
        throw new ValueError(
          `output_size of Op(ConvTransposeOp) should be less than infered size + stride. But received output_size = ${shown}, whose dim ${dim} is not less than the infered output size (${infer}) + stride (${s}) = ${infer + s}`,
        );
      }
      out.push(want);
    } else {
      const op = opad[i] as number;
      if (op < 0 || op >= Math.max(s, d)) {
        throw new ValueError(
          `output_padding of Op(ConvTransposeOp) should be ${op < 0 ? 'not be less than the 0' : 'less than either stride or dilation'}. But received output_padding = [${opad1.join(', ')}], whose dim ${i - (rank === 3 ? 1 : 0)} is ${op < 0 ? 'less than 0' : `not less than either stride (${s})  or dilation (${d})`}`,
        );
      }
      out.push(infer + op);
    }
    if ((out[i] as number) <= 0) {
      throw new ValueError(`${where}: the output size ${out[i]} of dim ${i - (rank === 3 ? 1 : 0)} is not positive (input ${dims[i]}, kernel ${k}, stride ${s}, padding ${pb}, ${pa}).`);
    }
  }
  const b = checkBias(where, o.bias, cout, X.dtype);
  // The geometry of the forward convolution whose input gradient this is: the output image is
  // its input, x's spatial grid its output grid.
  const g: ConvGeometry = {
    n, c: cout, h: out[0] as number, w: out[1] as number,
    kh: kernel[0] as number, kw: kernel[1] as number, sh: stride[0] as number, sw: stride[1] as number,
    dh: dilation[0] as number, dw: dilation[1] as number, pt: (pads[0] as [number, number])[0], pl: (pads[1] as [number, number])[0],
    oh: dims[0] as number, ow: dims[1] as number, groups, channelsLast,
  };
  const x4 = rank === 4 ? X : reshape(X, channelsLast ? [n, 1, dims[1] as number, cin] : [n, cin, 1, dims[1] as number]);
  const kg = (cout / groups) * g.kh * g.kw;
  const wm = reshape(W, groups === 1 ? [cin, kg] : [groups, cin / groups, kg]);
  let y = row2im(matmul(toRows(x4, groups, channelsLast), wm), g);
  if (b !== null) y = add(y, channelsLast ? b : reshape(b, [cout, 1, 1]));
  if (rank === 3) y = reshape(y, channelsLast ? [n, g.w, cout] : [n, cout, g.w]);
  return y;
}

/**
 * `paddle.nn.functional.conv1d_transpose(x, weight, bias=None, stride=1, padding=0,
 * output_padding=0, groups=1, dilation=1, output_size=None, data_format='NCL')`: x [N, C, L]
 * (or NLC), weight [C, O/groups, k].
 * @param x - The float input `[N, C, L]` (or NLC) (Paddle's `x`).
 * @param weight - The filter `[C, O/groups, k]` of x's dtype (Paddle's `weight`).
 * @param bias - The bias `[O]` (Paddle's `bias`; `null`/omitted: none), or the options object with `bias` in it.
 * @param options - {@link Conv1dTransposeOptions}: `bias`, `stride` (default 1), `padding` (default 0; a number, a list, `'same'` or `'valid'`), `dilation` (default 1), `groups` (default 1), `outputPadding` (Paddle's `output_padding`), `outputSize` (Paddle's `output_size`), `dataFormat` (`'NCL'` default or `'NLC'`), `name`.
 * @returns A new Tensor `[N, O, OL]` (or NLC) of x's dtype.
 * @throws {@link errors.TypeError} when `x`/`weight` is not a float Tensor, their dtypes differ, `bias` is not a Tensor of x's dtype, or an option is wrong or unknown; {@link errors.ValueError} when x's rank, the channels vs `groups`, the weight's shape, `bias`'s shape, `stride`/`padding`/`dilation`/`dataFormat` are invalid, `outputPadding` and `outputSize` are both given or out of range, or the output would be empty.
 */
export function conv1dTranspose(x: Tensor, weight: Tensor, bias?: Tensor | null | Conv1dTransposeOptions, options?: Conv1dTransposeOptions): Tensor {
  const o = optionsWithBias<Conv1dTransposeOptions>('conv1d_transpose', bias, options, TRANSPOSE_KEYS);
  const format = dataFormatOf(o.dataFormat, ['NCL', 'NLC'], 'must');
  const { x: X, w: W } = checkFloatPair('conv1d_transpose', x, weight);
  return convTransposeCore('conv1d_transpose', X, W, o, format === 'NLC', 3);
}

export { conv2dTranspose as conv2d_transpose, conv1dTranspose as conv1d_transpose };

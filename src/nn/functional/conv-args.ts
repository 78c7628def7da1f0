/**
 * Argument handling shared by the convolutions and the poolings: Paddle's `convert_to_list`
 * (an integer, or a list of `n` integers), the padding forms of `_update_padding_nd`, the data
 * formats, and the output sizes (`ConvOutputSize`, `PoolOutputSize`, the SAME algorithm of
 * `UpdatePaddingAndDilation`). Messages are Paddle's.
 */
import { TypeError as PaddleTypeError, ValueError } from '../../errors.js';
import { describe } from '../../options.js';
import { Tensor } from '../../tensor/tensor.js';

/** Python's `str()` of a list or value, for messages (`[1, 2]`, `'same'`). */
function pyStr(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pyStr).join(', ')}]`;
  if (typeof value === 'string') return `'${value}'`;
  return String(value);
}

/** Paddle's `convert_to_list(value, n, name)`: an integer repeated n times, or a list of n integers. */
export function convertToList(value: unknown, n: number, name: string): number[] {
  if (typeof value === 'number' && Number.isInteger(value)) return new Array<number>(n).fill(value);
  if (!Array.isArray(value)) {
    throw new ValueError(`The ${name}'s type must be list or tuple. Received: ${pyStr(value)}`);
  }
  const list: unknown[] = value;
  if (list.length !== n) throw new ValueError(`The ${name}'s length must be ${n}. Received: ${pyStr(value)}`);
  for (const v of list) {
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      throw new ValueError(
        `The ${name}'s type must be a list or tuple of ${n} <class 'int'> . Received: ${pyStr(value)} including element ${pyStr(v)} of type ${describe(v)}`,
      );
    }
  }
  return list as number[];
}

/** Positive entries (stride, dilation, kernel size), else Paddle's InvalidArgument as a ValueError. */
export function positiveList(where: string, name: string, list: readonly number[]): number[] {
  for (const v of list) {
    if (v <= 0) throw new ValueError(`The ${name} of Op(${where}) should be larget than 0, but received ${name} is ${v}.`);
  }
  return [...list];
}

export type PaddingAlgorithm = 'EXPLICIT' | 'SAME' | 'VALID';

/** A padding as given to a conv or pool: Paddle's four forms, or 'same' / 'valid'. */
export type PaddingSpec = number | string | readonly number[] | readonly (readonly number[])[];

export interface Padding {
  algorithm: PaddingAlgorithm;
  /** [before, after] per spatial dim (zeros for SAME, filled in by `samePadding`). */
  pads: [number, number][];
}

/**
 * Paddle's `_update_padding_nd(padding, channel_last, num_dims)`: 'same' / 'valid' (any case); an
 * integer; `nd` integers (symmetric); `2·nd` integers [before, after, before, after, …]; or
 * `nd + 2` pairs including the batch and channel dims (which must be [0, 0]).
 */
export function parsePadding(padding: unknown, nd: number, channelLast: boolean): Padding {
  const zeros = (): [number, number][] => Array.from({ length: nd }, () => [0, 0] as [number, number]);
  if (typeof padding === 'string') {
    const p = padding.toUpperCase();
    if (p !== 'SAME' && p !== 'VALID') throw new ValueError(`Unknown padding: '${padding}'. It can only be 'SAME' or 'VALID'.`);
    return { algorithm: p, pads: zeros() };
  }
  let pads: [number, number][];
  if (padding instanceof Tensor) {
    throw new PaddleTypeError(`The padding must be an int, a string or a list of ints, but received a Tensor.`);
  }
  if (Array.isArray(padding)) {
    const list: unknown[] = padding;
    if (list.length === nd + 2 && Array.isArray(list[0])) {
      const pairs = list.map((p) => {
        if (!Array.isArray(p) || p.length !== 2 || !p.every((v) => typeof v === 'number' && Number.isInteger(v))) {
          throw new ValueError(`In valid padding: ${pyStr(padding)}`);
        }
        return [p[0], p[1]] as [number, number];
      });
      const bc = channelLast ? [pairs[0], pairs[nd + 1]] : [pairs[0], pairs[1]];
      if (bc.some((p) => (p as [number, number])[0] !== 0 || (p as [number, number])[1] !== 0)) {
        throw new ValueError(`Non-zero padding(${pyStr(padding)}) in the batch or channel dimensions is not supported.`);
      }
      pads = channelLast ? pairs.slice(1, nd + 1) : pairs.slice(2);
    } else if (list.length === 2 * nd && typeof list[0] === 'number') {
      const flat = convertToList(padding, 2 * nd, 'padding');
      pads = Array.from({ length: nd }, (_, i) => [flat[2 * i] as number, flat[2 * i + 1] as number] as [number, number]);
    } else if (list.length === nd && typeof list[0] === 'number') {
      pads = convertToList(padding, nd, 'padding').map((p) => [p, p] as [number, number]);
    } else {
      throw new ValueError(`In valid padding: ${pyStr(padding)}`);
    }
  } else {
    pads = convertToList(padding, nd, 'padding').map((p) => [p, p] as [number, number]);
  }
  if (!pads.every(([a, b]) => a >= 0 && b >= 0)) {
    const shown = pads.every(([a, b]) => a === b) ? pads.map(([a]) => a) : pads.flat();
    throw new ValueError(`Invalid padding, all value should be larger than or equal to 0, but received: ${pyStr(shown)}`);
  }
  return { algorithm: 'EXPLICIT', pads };
}

/**
 * The pads of Paddle's SAME algorithm for one dim (`UpdatePaddingAndDilation`):
 * out = ceil(in / stride), pad_sum = max((out − 1)·stride + k − in, 0), the smaller half before.
 * (Paddle also resets the dilation to 1 under SAME; the callers do.)
 */
export function samePadding(input: number, kernel: number, stride: number): [number, number] {
  const out = Math.floor((input + stride - 1) / stride);
  const sum = Math.max((out - 1) * stride + kernel - input, 0);
  const before = Math.floor(sum / 2);
  return [before, sum - before];
}

/** Resolves SAME / VALID into explicit pads for the spatial `dims`, `kernel` and `stride`. */
export function resolvePadding(p: Padding, dims: readonly number[], kernel: readonly number[], stride: readonly number[]): [number, number][] {
  if (p.algorithm === 'SAME') return dims.map((d, i) => samePadding(d, kernel[i] as number, stride[i] as number));
  if (p.algorithm === 'VALID') return dims.map(() => [0, 0]);
  return p.pads.map(([a, b]) => [a, b]);
}

/** The layouts of a 4-D input: channels first (`NCHW`) or last (`NHWC`); Paddle's `data_format`. */
export type DataFormat2D = 'NCHW' | 'NHWC';
/** The layouts of a 3-D input: channels first (`NCL`) or last (`NLC`); Paddle's `data_format`. */
export type DataFormat1D = 'NCL' | 'NLC';

/** Checks a data format against Paddle's two spellings for the rank, with Paddle's message. */
export function dataFormatOf<F extends string>(value: unknown, formats: readonly [F, F], message: 'should' | 'must' = 'should'): F {
  const f = value === undefined || value === null ? formats[0] : value;
  if (!formats.includes(f as F)) {
    throw new ValueError(
      message === 'should'
        ? `Attr(data_format) should be '${formats[0]}' or '${formats[1]}'. Received Attr(data_format): ${String(f)}.`
        : `Attr(data_format) must be one of '${formats[0]}' and '${formats[1]}'. Received Attr(data_format): ${String(f)}.`,
    );
  }
  return f as F;
}

/**
 * Paddle's conv output size `(in + pads − dilated kernel) / stride + 1` in C++ integer arithmetic
 * (the division truncates toward zero); a size below 1 is a ValueError naming the settings.
 */
export function convOutputSize(input: number, kernel: number, dilation: number, before: number, after: number, stride: number): number {
  const dk = dilation * (kernel - 1) + 1;
  const out = Math.trunc((input + before + after - dk) / stride) + 1;
  if (out <= 0) {
    throw new ValueError(
      `The ComputeOutputSize of Conv must be greater than 0, but received input_size is ${input}, filter_size is ${kernel}, dilation is ${dilation}, padding is ${before}, ${after}, stride is ${stride}.`,
    );
  }
  return out;
}

/**
 * Paddle's `PoolOutputSize` in C++ integer arithmetic (truncating division; no PyTorch-style
 * correction of the last ceil-mode window).
 */
export function poolOutputSize(input: number, kernel: number, before: number, after: number, stride: number, ceilMode: boolean): number {
  const span = input - kernel + before + after;
  const out = Math.trunc(ceilMode ? (span + stride - 1) / stride : span / stride) + 1;
  if (out <= 0) {
    throw new ValueError(
      `the output size must be greater than 0. But received: output_size = ${out} due to the settings of input_size(${input}), padding(${before},${after}), k_size(${kernel}) and stride(${stride}). Please check again!`,
    );
  }
  return out;
}

/** A positive integer argument (`groups`), else Paddle's message. */
export function groupsOf(where: string, value: unknown): number {
  if (value === undefined) return 1;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new PaddleTypeError(`${where}: 'groups' must be an integer, but received ${describe(value)}.`);
  }
  if (value <= 0) throw new ValueError(`The groups of ${where} should be greater than 0. Received groups: ${value}`);
  return value;
}

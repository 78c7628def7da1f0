/** `nn.Pad1D` / `Pad2D` / `Pad3D` / `ZeroPad2D`: Paddle's documentation examples, modes, options and errors. */
import { describe, expect, it } from 'vitest';
import * as paddle from '../../src/index.js';
import { TypeError as PaddleTypeError, ValueError } from '../../src/errors.js';

const { nn } = paddle;
/** paddle.arange(prod(shape), dtype="float32").reshape(shape) + 1 */
const data = (shape: number[]): paddle.Tensor => paddle.arange(shape.reduce((a, b) => a * b, 1), { dtype: 'float32' }).reshape(shape).add(1);

describe('pad layers', () => {
  it('Pad1D documentation example: pad [1, 2], constant', () => {
    const out = new nn.Pad1D([1, 2]).forward(data([1, 2, 3]));
    expect(out.tolist()).toEqual([[[0, 1, 2, 3, 0, 0], [0, 4, 5, 6, 0, 0]]]);
  });
  it('Pad2D documentation example: pad [1, 0, 1, 2], constant', () => {
    const out = new nn.Pad2D([1, 0, 1, 2], 'constant').forward(data([1, 1, 2, 3]));
    expect(out.tolist()).toEqual([[[[0, 0, 0, 0], [0, 1, 2, 3], [0, 4, 5, 6], [0, 0, 0, 0], [0, 0, 0, 0]]]]);
  });
  it('Pad3D documentation example: pad [1, 0, 1, 2, 0, 0], constant', () => {
    const out = new nn.Pad3D([1, 0, 1, 2, 0, 0]).forward(data([1, 1, 1, 2, 3]));
    expect(out.tolist()).toEqual([[[[[0, 0, 0, 0], [0, 1, 2, 3], [0, 4, 5, 6], [0, 0, 0, 0], [0, 0, 0, 0]]]]]);
  });
  it('ZeroPad2D documentation example: padding [1, 2, 1, 1]', () => {
    const out = new nn.ZeroPad2D([1, 2, 1, 1]).forward(data([1, 1, 2, 3]));
    expect(out.tolist()).toEqual([[[[0, 0, 0, 0, 0, 0], [0, 1, 2, 3, 0, 0], [0, 4, 5, 6, 0, 0], [0, 0, 0, 0, 0, 0]]]]);
  });
  it('an integer padding, modes, value and NHWC', () => {
    expect(new nn.Pad2D(1, { value: 9 }).forward(data([1, 1, 1, 1])).tolist()).toEqual([[[[9, 9, 9], [9, 1, 9], [9, 9, 9]]]]);
    expect(new nn.Pad1D([2, 1], 'reflect').forward(data([1, 1, 3])).tolist()).toEqual([[[3, 2, 1, 2, 3, 2]]]);
    expect(new nn.Pad1D([1, 1], { mode: 'replicate', dataFormat: 'NLC' }).forward(data([1, 2, 1])).tolist()).toEqual([[[1], [1], [2], [2]]]);
    expect(new nn.Pad1D([1, 1], 'circular').forward(data([1, 1, 3])).tolist()).toEqual([[[3, 1, 2, 3, 1]]]);
    expect(new nn.Pad2D([1, 0, 0, 0]).toString()).toContain('padding=[1, 0, 0, 0], mode=constant');
  });
  it('errors', () => {
    expect(() => new nn.Pad2D([1, 1])).toThrow(ValueError);
    expect(() => new nn.Pad2D([1, 1])).toThrow(/^Pad2D: the 'padding' must be an integer or a list of 4 integers, but received 2 \(\[1, 1\]\)\.$/);
    expect(() => new nn.Pad1D([1, 1], { dataFormat: 'NCHW' as never })).toThrow(/^Pad1D: the 'data_format' must be one of 'NCL', 'NLC'/);
    expect(() => new nn.Pad3D(1.5)).toThrow(PaddleTypeError);
    expect(() => new nn.ZeroPad2D(1, { mode: 'reflect' } as never)).toThrow(/^ZeroPad2D got an unexpected option 'mode'/);
  });
});

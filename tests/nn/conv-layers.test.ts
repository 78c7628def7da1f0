/**
 * The convolution and pooling layers as Paddle builds them: parameter names, shapes and default
 * initializers, state-dict keys and round trips through paddle.save / paddle.load, a Paddle-layout
 * .pdparams of the demo CNN, padding modes, reprs; finite-difference gradient checks (float64,
 * rtol 1e-6, atol 1e-8) of every op; and Paddle's errors for bad arguments and shapes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as paddle from '../../src/index.js';
import { AssertionError, TypeError as PaddleTypeError, ValueError } from '../../src/errors.js';
import { CNN } from '../../src/cli/model.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { gradcheck, leaf } from '../ops/gradcheck.js';
import { expectClose } from '../helpers/close.js';
import { expectError } from '../helpers/errors.js';
import { decode, FIXTURES } from './conv-fixtures.js';

const { nn } = paddle;
const F = nn.functional;
const GC = { rtol: 1e-6, atol: 1e-8 };

/** Sample mean and standard deviation. */
function moments(a: ArrayLike<number>): [number, number] {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] as number;
  const m = s / a.length;
  let v = 0;
  for (let i = 0; i < a.length; i++) v += ((a[i] as number) - m) ** 2;
  return [m, Math.sqrt(v / a.length)];
}

describe('parameters as Paddle creates them', () => {
  it('Conv2D: weight [out, in/groups, kh, kw] ~ Normal(0, √(2/(in·kh·kw))), bias zeros, Paddle names', () => {
    paddle.utils.uniqueName.guard(() => {
      const conv = new nn.Conv2D(64, 128, 3, { groups: 2 });
      expect(conv.weight.shape).toEqual([128, 32, 3, 3]);
      expect(conv.bias?.shape).toEqual([128]);
      expect(conv.weight.name).toBe('conv2d_0.w_0');
      expect(conv.bias?.name).toBe('conv2d_0.b_0');
      expect(Object.keys(conv.stateDict())).toEqual(['weight', 'bias']);
      // Paddle's std uses in_channels (64), not in_channels / groups: √(2/576) = 0.0589.
      const [m, sd] = moments(conv.weight.data);
      expect(Math.abs(m)).toBeLessThan(0.002);
      expect(sd).toBeGreaterThan(0.0589 * 0.98);
      expect(sd).toBeLessThan(0.0589 * 1.02);
      expect(Array.from(conv.bias?.data ?? [])).toEqual(new Array(128).fill(0));
      expect(conv.weight.dtype).toBe('float32');
    });
  });

  it('Conv1D, Conv2DTranspose, Conv1DTranspose: shapes, names; transposed weights are XavierUniform', () => {
    paddle.utils.uniqueName.guard(() => {
      const c1 = new nn.Conv1D(4, 6, 3);
      expect(c1.weight.shape).toEqual([6, 4, 3]);
      expect(c1.weight.name).toBe('conv1d_0.w_0');
      const t2 = new nn.Conv2DTranspose(32, 48, [3, 5], { groups: 4 });
      expect(t2.weight.shape).toEqual([32, 12, 3, 5]);
      expect(t2.weight.name).toBe('conv2d_transpose_0.w_0');
      expect(t2.bias?.shape).toEqual([48]);
      // Xavier fans of [32, 12, 3, 5]: fan_in = 12·15 = 180, fan_out = 32·15 = 480.
      const limit = Math.sqrt(6 / (180 + 480));
      const w = Array.from(t2.weight.data);
      expect(Math.max(...w.map(Math.abs))).toBeLessThanOrEqual(limit);
      expect(Math.max(...w.map(Math.abs))).toBeGreaterThan(limit * 0.95);
      const t1 = new nn.Conv1DTranspose(2, 3, 4);
      expect(t1.weight.shape).toEqual([2, 3, 4]);
      expect(t1.weight.name).toBe('conv1d_transpose_0.w_0');
    });
  });

  it('biasAttr false, named ParamAttrs, a custom initializer', () => {
    const conv = new nn.Conv2D(2, 3, 2, {
      biasAttr: false,
      weightAttr: new paddle.ParamAttr({ name: 'h13a_conv_w', initializer: new nn.initializer.Constant(0.5) }),
    });
    expect(conv.bias).toBeNull();
    expect(Object.keys(conv.stateDict())).toEqual(['weight']);
    expect(conv.weight.name).toBe('h13a_conv_w');
    expect(new Set(conv.weight.data)).toEqual(new Set([0.5]));
    conv.dispose();
  });

  it('pooling layers have no parameters', () => {
    for (const l of [new nn.MaxPool2D(2), new nn.AvgPool2D(2), new nn.AdaptiveAvgPool2D(3), new nn.MaxPool1D(2), new nn.AvgPool1D(2)]) {
      expect(l.parameters()).toEqual([]);
      expect(l.stateDict()).toEqual({});
    }
  });

  it("reprs as Paddle's extra_repr", () => {
    expect(new nn.Conv2D(4, 6, 3).extraRepr()).toBe('4, 6, kernel_size=[3, 3], data_format=NCHW');
    expect(new nn.Conv2D(4, 6, [3, 2], { stride: 2, padding: 1, dilation: [1, 2], groups: 2, paddingMode: 'reflect' }).extraRepr()).toBe(
      '4, 6, kernel_size=[3, 2], stride=[2, 2], padding=1, padding_mode=reflect, dilation=[1, 2], groups=2, data_format=NCHW',
    );
    expect(new nn.Conv1D(2, 2, 3, { padding: 'same', dataFormat: 'NLC' }).extraRepr()).toBe('2, 2, kernel_size=[3], padding=same, data_format=NLC');
    expect(new nn.Conv2DTranspose(2, 2, 3, { stride: 2, outputPadding: 1 }).extraRepr()).toBe('2, 2, kernel_size=[3, 3], stride=[2, 2], output_padding=1, data_format=NCHW');
  });
});

describe('state dicts', () => {
  it('round trip through paddle.save / paddle.load with the keys Paddle uses', () => {
    paddle.seed(5);
    const a = new CNN();
    const bytes = paddle.saveBytes(a.stateDict());
    const sd = paddle.loadBytes(bytes) as Record<string, unknown>;
    expect(Object.keys(sd).filter((k) => !k.includes('@@'))).toEqual(['conv1.weight', 'conv1.bias', 'conv2.weight', 'conv2.bias', 'fc.weight', 'fc.bias']);
    const b = new CNN();
    b.setStateDict(sd as paddle.nn.StateDict, { strict: true });
    const x = paddle.rand([3, 784]);
    expect(Array.from(b.forward(x).data)).toEqual(Array.from(a.forward(x).data));
    a.dispose();
    b.dispose();
  });

  it("loads a Paddle-layout .pdparams of the demo CNN and computes NumPy's logits", () => {
    const sd = paddle.loadBytes(new Uint8Array(readFileSync(new URL('../fixtures/conv/cnn.pdparams', import.meta.url)))) as paddle.nn.StateDict;
    const model = new CNN();
    const [missing, unexpected] = model.setStateDict(sd, { strict: true });
    expect([missing, unexpected]).toEqual([[], []]);
    const c = FIXTURES.find((k) => k.op === 'cnn_checkpoint')!;
    const logits = model.forward(decode(c.inputs.x!, 'float32'));
    expect(logits.shape).toEqual([2, 10]);
    // float32 weights and images, float64 truth: the float32 sums of up to 400 products.
    expectClose(Array.from(logits.data), c.out.data, { rtol: 1e-4, atol: 1e-5 }, 'cnn.pdparams logits');
    model.dispose();
  });
});

describe('padding modes and forms', () => {
  it("paddingMode 'reflect' / 'replicate' / 'circular' is F.pad, then a convolution without padding", () => {
    paddle.setDefaultDType('float64');
    try {
      const x = leaf([2, 3, 5, 6], 1);
      for (const mode of ['reflect', 'replicate', 'circular'] as const) {
        const conv2 = new nn.Conv2D(3, 4, 3, { padding: 1, paddingMode: mode });
        const want = F.conv2d(F.pad(x, [1, 1, 1, 1], { mode }), conv2.weight, conv2.bias);
        expect(Array.from((conv2.forward(x) as Tensor).data)).toEqual(Array.from(want.data));
        const c1 = new nn.Conv1D(3, 2, 3, { padding: 2, paddingMode: mode });
        const x1 = leaf([1, 3, 7], 2);
        expect(Array.from((c1.forward(x1) as Tensor).data)).toEqual(Array.from(F.conv1d(F.pad(x1, [2, 2], { mode }), c1.weight, c1.bias).data));
      }
    } finally {
      paddle.setDefaultDType('float32');
    }
  });

  it('the four explicit padding forms agree', () => {
    const x = leaf([1, 2, 5, 5], 3);
    const w = leaf([3, 2, 3, 3], 4);
    const a = F.conv2d(x, w, null, { padding: [1, 2] });
    for (const padding of [[1, 1, 2, 2], [[0, 0], [0, 0], [1, 1], [2, 2]]] as const) {
      expect(Array.from(F.conv2d(x, w, null, { padding }).data)).toEqual(Array.from(a.data));
    }
    expect(Array.from(F.conv2d(x, w, null, { padding: 'VALID' }).data)).toEqual(Array.from(F.conv2d(x, w).data));
  });

  it('Conv2DTranspose.forward(x, outputSize) uses the output size instead of the output padding', () => {
    const t = new nn.Conv2DTranspose(2, 3, 3, { stride: 2, outputPadding: 1 });
    const x = paddle.rand([1, 2, 4, 4]);
    expect((t.forward(x) as Tensor).shape).toEqual([1, 3, 10, 10]);
    expect((t.forward(x, [9, 10]) as Tensor).shape).toEqual([1, 3, 9, 10]);
  });

  it("Paddle's documentation examples: Conv1D and Conv1DTranspose with set weights", () => {
    const conv = new nn.Conv1D(3, 2, 3);
    conv.weight.setValue(paddle.toTensor([[[9, 3, 4], [0, 0, 7], [2, 5, 6]], [[0, 3, 4], [2, 9, 7], [5, 6, 8]]], { dtype: 'float32' }));
    const y = conv.forward(paddle.toTensor([[[4, 8, 1, 9], [7, 2, 0, 9], [6, 9, 2, 6]]], { dtype: 'float32' })) as Tensor;
    expect(y.shape).toEqual([1, 2, 2]);
    expect(Array.from(y.data)).toEqual([133, 238, 160, 211]);
    const t = new nn.Conv1DTranspose(2, 1, 2);
    t.weight.setValue(paddle.toTensor([[[7, 0]], [[4, 2]]], { dtype: 'float32' }));
    const z = t.forward(paddle.toTensor([[[4, 0, 9, 7], [8, 0, 9, 2]]], { dtype: 'float32' })) as Tensor;
    expect(Array.from(z.data)).toEqual([60, 16, 99, 75, 4]);
  });
});

describe('finite-difference gradients (float64)', () => {
  it('conv2d: stride, dilation, padding forms, groups, depthwise, NHWC', () => {
    gradcheck((x, w, b) => F.conv2d(x, w, b), [leaf([2, 3, 5, 4], 10), leaf([2, 3, 3, 2], 11), leaf([2], 12)], GC);
    gradcheck((x, w) => F.conv2d(x, w, null, { stride: [2, 1], padding: [1, 0, 2, 1], dilation: [1, 2] }), [leaf([1, 2, 6, 6], 13), leaf([3, 2, 2, 2], 14)], GC);
    gradcheck((x, w, b) => F.conv2d(x, w, b, { groups: 2, padding: 'same', stride: 2 }), [leaf([1, 4, 5, 5], 15), leaf([4, 2, 3, 3], 16), leaf([4], 17)], GC);
    gradcheck((x, w) => F.conv2d(x, w, null, { groups: 3, padding: 1 }), [leaf([1, 3, 4, 4], 18), leaf([6, 1, 3, 3], 19)], GC);
    gradcheck((x, w, b) => F.conv2d(x, w, b, { dataFormat: 'NHWC', groups: 2, padding: [[0, 0], [1, 0], [0, 1], [0, 0]] }), [leaf([2, 4, 3, 4], 20), leaf([2, 2, 2, 2], 21), leaf([2], 22)], GC);
  });

  it('conv1d and the layers', () => {
    gradcheck((x, w, b) => F.conv1d(x, w, b, { stride: 2, padding: 'same', dilation: 1 }), [leaf([2, 3, 7], 23), leaf([2, 3, 3], 24), leaf([2], 25)], GC);
    gradcheck((x, w) => F.conv1d(x, w, null, { dataFormat: 'NLC', padding: [2, 1], dilation: 2 }), [leaf([1, 6, 2], 26), leaf([3, 2, 2], 27)], GC);
    paddle.setDefaultDType('float64');
    try {
      const conv = new nn.Conv2D(2, 3, 3, { padding: 1, paddingMode: 'reflect', stride: 2 });
      gradcheck((x) => conv.forward(x) as Tensor, [leaf([1, 2, 5, 5], 28)], GC);
      gradcheck((w, b) => F.conv2d(paddle.ones([1, 2, 4, 4], { dtype: 'float64' }), w, b, { padding: 1 }), [conv.weight, conv.bias as Tensor], GC);
    } finally {
      paddle.setDefaultDType('float32');
    }
  });

  it('conv2d_transpose and conv1d_transpose', () => {
    gradcheck((x, w, b) => F.conv2d_transpose(x, w, b, { stride: 2, padding: 1, outputPadding: 1 }), [leaf([1, 2, 3, 3], 30), leaf([2, 3, 3, 3], 31), leaf([3], 32)], GC);
    gradcheck((x, w) => F.conv2d_transpose(x, w, null, { groups: 2, dilation: 2, stride: 2, dataFormat: 'NHWC', outputSize: [8, 7] }), [leaf([2, 3, 3, 4], 33), leaf([4, 1, 2, 2], 34)], GC);
    gradcheck((x, w, b) => F.conv1d_transpose(x, w, b, { stride: 3, padding: 'same' }), [leaf([1, 2, 4], 35), leaf([2, 2, 3], 36), leaf([2], 37)], GC);
  });

  it('pooling (values kept apart so no window has a tie)', () => {
    const distinct = (shape: number[], seed: number): Tensor => leaf(shape, seed, -2, 2, (v, i) => v + i * 0.037);
    gradcheck((x) => F.max_pool2d(x, 3, { stride: 2, padding: 1 }), [distinct([1, 2, 5, 6], 40)], GC);
    gradcheck((x) => F.max_pool2d(x, [2, 3], { ceilMode: true, dataFormat: 'NHWC' }), [distinct([2, 5, 5, 2], 41)], GC);
    gradcheck((x) => F.avg_pool2d(x, 3, { stride: 2, padding: 1, exclusive: false }), [leaf([1, 2, 5, 6], 42)], GC);
    gradcheck((x) => F.avg_pool2d(x, 2, { ceilMode: true, divisorOverride: 3 }), [leaf([1, 1, 5, 5], 43)], GC);
    gradcheck((x) => F.adaptive_avg_pool2d(x, [3, 2]), [leaf([1, 2, 7, 5], 44)], GC);
    gradcheck((x) => F.max_pool1d(x, 3, { stride: 2, padding: 1 }) as Tensor, [distinct([1, 2, 9], 45)], GC);
    gradcheck((x) => F.avg_pool1d(x, 2, { dataFormat: 'NLC' }), [leaf([1, 6, 3], 46)], GC);
  });
});

describe("errors: Paddle's kinds and messages", () => {
  const x4 = paddle.zeros([2, 4, 6, 6]);
  const w4 = paddle.zeros([6, 2, 3, 3]);
  it('conv2d', () => {
    expectError(() => F.conv2d(x4, w4, null, { dataFormat: 'NCWH' as never }), ValueError, "Attr(data_format) should be 'NCHW' or 'NHWC'. Received Attr(data_format): NCWH.");
    expectError(() => F.conv2d(paddle.zeros([4, 6, 6]), w4), ValueError, 'Input x should be 4D tensor, but received x with the shape of [4, 6, 6]');
    expectError(() => F.conv2d(x4, w4, null, { groups: 0 }), ValueError, 'The groups of conv2d should be greater than 0. Received groups: 0');
    expectError(() => F.conv2d(x4, w4, null, { groups: 3 }), ValueError,
      'the channel of input must be divisible by groups,received: the channel of input is 4, the shape of input is [2, 4, 6, 6], the groups is 3');
    expectError(() => F.conv2d(x4, w4), ValueError,
      "The number of input's channels should be equal to filter's channels * groups for Op(Conv). But received: the input's channels is 4, the input's shape is [2, 4, 6, 6]; the filter's channels is 2, the filter's shape is [6, 2, 3, 3]; the groups is 1, the data_format is NCHW. The error may come from wrong data_format setting.");
    expectError(() => F.conv2d(x4, paddle.zeros([6, 2, 3])), ValueError, /^The input's dimension and filter's dimension of Op\(Conv\) should be equal/);
    expectError(() => F.conv2d(x4, paddle.zeros([6, 4, 7, 3])), ValueError, /^The ComputeOutputSize of Conv must be greater than 0, but received input_size is 6, filter_size is 7/);
    expectError(() => F.conv2d(x4, w4, null, { groups: 2, padding: 'full' }), ValueError, "Unknown padding: 'full'. It can only be 'SAME' or 'VALID'.");
    expectError(() => F.conv2d(x4, w4, null, { groups: 2, padding: [1, -1] }), ValueError, 'Invalid padding, all value should be larger than or equal to 0, but received: [1, -1]');
    expectError(() => F.conv2d(x4, w4, null, { groups: 2, padding: [[0, 1], [0, 0], [1, 1], [1, 1]] }), ValueError,
      'Non-zero padding([[0, 1], [0, 0], [1, 1], [1, 1]]) in the batch or channel dimensions is not supported.');
    expectError(() => F.conv2d(x4, w4, null, { groups: 2, padding: [1, 2, 3] }), ValueError, 'In valid padding: [1, 2, 3]');
    expectError(() => F.conv2d(x4, w4, null, { groups: 2, stride: [1, 2, 3] }), ValueError, 'The stride\'s length must be 2. Received: [1, 2, 3]');
    expectError(() => F.conv2d(x4, w4, null, { groups: 2, stride: 0 }), ValueError, 'The stride of Op(Conv) should be larget than 0, but received stride is 0.');
    expectError(() => F.conv2d(x4, w4, paddle.zeros([5]), { groups: 2 }), ValueError, /'bias' must have shape \[6\]/);
    expectError(() => F.conv2d(x4, paddle.zeros([6, 2, 3, 3], { dtype: 'float64' }), null, { groups: 2 }), PaddleTypeError, /same dtype/);
    expectError(() => F.conv2d(x4, w4, null, { groups: 2, strides: 1 } as never), PaddleTypeError, /strides/);
  });

  it('conv2d_transpose', () => {
    const w = paddle.zeros([4, 3, 3, 3]);
    expectError(() => F.conv2d_transpose(x4, w, null, { dataFormat: 'NWHC' as never }), ValueError, "Attr(data_format) must be one of 'NCHW' and 'NHWC'. Received Attr(data_format): NWHC.");
    expectError(() => F.conv2d_transpose(x4, w, null, { outputSize: [13, 13], outputPadding: 1 }), ValueError, 'output_padding option is mutually exclusive with output_size');
    expectError(() => F.conv2d_transpose(x4, paddle.zeros([3, 3, 3, 3])), ValueError, /^The number of input channels should be equal to filter channels for Op\(conv_transpose\)/);
    expectError(() => F.conv2d_transpose(x4, w, null, { stride: 2, outputSize: [12, 13] }), ValueError,
      'output_size of Op(ConvTransposeOp) should not be less than the infered output size. But received output_size = [12, 13], whose dim 0 is less than the infered output size [13]');
    expectError(() => F.conv2d_transpose(x4, w, null, { stride: 2, outputSize: [13, 15] }), ValueError,
      'output_size of Op(ConvTransposeOp) should be less than infered size + stride. But received output_size = [13, 15], whose dim 1 is not less than the infered output size (13) + stride (2) = 15');
    expectError(() => F.conv2d_transpose(x4, w, null, { outputPadding: 1 }), ValueError, /^output_padding of Op\(ConvTransposeOp\) should be less than either stride or dilation/);
  });

  it('layers', () => {
    expectError(() => new nn.Conv2D(3, 4, 3, { groups: 2 }), ValueError, 'in_channels must be divisible by groups.');
    expectError(() => new nn.Conv2D(3, 4, 3, { weightAttr: false }), AssertionError, 'weight_attr should not be False in Conv.');
    expectError(() => new nn.Conv2D(3, 4, 3, { paddingMode: 'mirror' as never }), ValueError, "padding_mode must be one of {'zeros', 'reflect', 'replicate', 'circular'}, but got padding_mode='mirror'");
    expectError(() => new nn.Conv2D(3, 4, 3, { paddingMode: 'reflect', padding: [1, 1] }), PaddleTypeError, "when padding_mode in ['reflect', 'replicate', 'circular'], type of padding must be int");
    expectError(() => new nn.Conv2D(3, 4, 3, { dataFormat: 'NLC' as never }), ValueError, /^data_format must be one of/);
    expectError(() => new nn.Conv2D(3, 4, [3, 3, 3]), ValueError, "The kernel_size's length must be 2. Received: [3, 3, 3]");
    expectError(() => new nn.Conv2D(3.5, 4, 3), PaddleTypeError, /in_channels/);
    // A refused layer takes no name: the next one is still conv2d_0.
    paddle.utils.uniqueName.guard(() => {
      expectError(() => new nn.Conv2D(3, 4, 3, { groups: 2 }), ValueError, 'in_channels must be divisible by groups.');
      expect(new nn.Conv2D(2, 2, 1).weight.name).toBe('conv2d_0.w_0');
    });
  });

  it('pooling', () => {
    expectError(() => F.max_pool2d(paddle.zeros([2, 3, 4]), 2), ValueError, /4-D/);
    expectError(() => F.avg_pool2d(x4, 2, { dataFormat: 'NCL' as never }), ValueError, "Attr(data_format) should be 'NCHW' or 'NHWC'. Received Attr(data_format): NCL.");
    expectError(() => F.max_pool2d(x4, 2, { padding: 'same', ceilMode: true }), ValueError, 'When Attr(padding) is "SAME", Attr(ceil_mode) must be False. Received ceil_mode: True.');
    expectError(() => F.max_pool2d(x4, 16, { stride: 1 }), ValueError,
      'the output size must be greater than 0. But received: output_size = -9 due to the settings of input_size(6), padding(0,0), k_size(16) and stride(1). Please check again!');
    // C++ integer division truncates toward zero: (6 − 8) / 8 + 1 = 1, one window over the whole image.
    expect(Array.from(F.max_pool2d(paddle.arange(0, 36).reshape([1, 1, 6, 6]).astype('float32'), 8).data)).toEqual([35]);
    expectError(() => F.avg_pool2d(x4, [2, 2, 2]), ValueError, "The pool_size's length must be 2. Received: [2, 2, 2]");
    expectError(() => new nn.MaxPool2D(2, { stride: [1, 2, 3] }), ValueError, "The pool_stride's length must be 2. Received: [1, 2, 3]");
    expectError(() => new nn.AvgPool2D(2, { ceil_mode: true } as never), PaddleTypeError, /ceilMode/);
    expectError(() => F.adaptive_avg_pool2d(x4, [2, 0]), ValueError, /output_size/);
    expectError(() => F.max_pool2d(paddle.zeros([1, 1, 4, 4], { dtype: 'int32' }), 2), PaddleTypeError, /float32 or float64/);
  });
});

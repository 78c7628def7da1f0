/**
 * Paddle's documentation examples of the convolution, pooling, normalization and recurrent layers
 * and functionals (issue 13's APIs), each beside its TypeScript twin (harness.ts).
 */
import { expect } from 'vitest';
import * as paddle from '../../../src/index.js';
import { conformance, py, type Doc } from './harness.js';
import { F, T } from './helpers.js';

/** Per-group mean 0 and (biased) variance ≈ 1 over `axes`-sized groups of consecutive elements. */
function expectNormalized(t: paddle.Tensor, groups: readonly (readonly number[])[], where: string): void {
  const d = t.data;
  for (const g of groups) {
    const v = g.map((i) => d[i] as number);
    const mean = v.reduce((a, b) => a + b, 0) / v.length;
    const variance = v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length;
    expect(Math.abs(mean), `${where}: group mean`).toBeLessThan(1e-5);
    expect(variance, `${where}: group variance`).toBeGreaterThan(0.99);
    expect(variance, `${where}: group variance`).toBeLessThan(1 + 1e-5);
  }
}

/** Element indices of channel `c` in an NC… tensor of `shape`. */
function channelIndices(shape: readonly number[], c: number): number[] {
  const [n, ch] = shape as [number, number];
  const inner = shape.slice(2).reduce((a, b) => a * b, 1);
  const out: number[] = [];
  for (let b = 0; b < n; b++) for (let i = 0; i < inner; i++) out.push((b * ch + c) * inner + i);
  return out;
}

/** Consecutive runs of `size` elements (the trailing normalized axes of a layer norm). */
function runs(numel: number, size: number): number[][] {
  return Array.from({ length: numel / size }, (_, r) => Array.from({ length: size }, (_, i) => r * size + i));
}

/** The shared twin of the BatchNorm1D/2D/3D examples: seeded rand, one channel normalized over the batch. */
function batchNormExample(doc: Doc, shape: number[], make: () => paddle.nn.Layer): void {
  paddle.seed(100);
  const x = paddle.rand(shape);
  const out = make().forward(x) as paddle.Tensor;
  expect(out.stopGradient).toBe(false);
  expectNormalized(out, [channelIndices(shape, 0)], 'batch statistics');
  doc.random(out);
}

const OLD_FUNCTIONAL_POOLING =
  "Python text from an older Paddle release's python/paddle/nn/functional/pooling.py (before the doctest form; the snapshot's copy was not available): the shapes its comments state are asserted by the twin";

export default conformance({
  area: 'nn-conv-norm-rnn',
  sources: ['nn/layer/conv.py', 'nn/layer/pooling.py', 'nn/layer/norm.py', 'nn/layer/rnn.py', 'nn/functional/conv.py', 'nn/functional/pooling.py', 'nn/functional/norm.py', 'Unfold and unfold from nn/layer/common.py and nn/functional/common.py'],
  cases: [
    // ---------------------------------------------------------------- nn/layer/conv.py
    {
      api: 'paddle.nn.Conv1D',
      python: py`
            >>> import paddle
            >>> from paddle.nn import Conv1D

            >>> x = paddle.to_tensor([[[4, 8, 1, 9],
            ... [7, 2, 0, 9],
            ... [6, 9, 2, 6]]], dtype="float32")
            >>> w = paddle.to_tensor([[[9, 3, 4],
            ... [0, 0, 7],
            ... [2, 5, 6]],
            ... [[0, 3, 4],
            ... [2, 9, 7],
            ... [5, 6, 8]]], dtype="float32")

            >>> conv = Conv1D(3, 2, 3)
            >>> conv.weight.set_value(w)
            >>> y = conv(x)
            >>> print(y)
            Tensor(shape=[1, 2, 2], dtype=float32, place=Place(cpu), stop_gradient=False,
            [[[133., 238.],
            [160., 211.]]])
      `,
      run: (doc) => {
        const x = T([[[4, 8, 1, 9], [7, 2, 0, 9], [6, 9, 2, 6]]], { dtype: 'float32' });
        const w = T([[[9, 3, 4], [0, 0, 7], [2, 5, 6]], [[0, 3, 4], [2, 9, 7], [5, 6, 8]]], { dtype: 'float32' });
        const conv = new paddle.nn.Conv1D(3, 2, 3);
        conv.weight.setValue(w);
        doc.out(conv.forward(x));
      },
    },
    {
      api: 'paddle.nn.Conv1DTranspose',
      python: py`
            >>> import paddle
            >>> from paddle.nn import Conv1DTranspose

            >>> # shape: (1, 2, 4)
            >>> x = paddle.to_tensor([[[4, 0, 9, 7],
            ... [8, 0, 9, 2]]], dtype="float32")
            >>> print(x.shape)
            [1, 2, 4]

            >>> # shape: (2, 1, 2)
            >>> w = paddle.to_tensor([[[7, 0]],
            ... [[4, 2]]], dtype="float32")
            >>> print(w.shape)
            [2, 1, 2]

            >>> conv = Conv1DTranspose(2, 1, 2)
            >>> conv.weight.set_value(w)
            >>> y = conv(x)
            >>> print(y)
            Tensor(shape=[1, 1, 5], dtype=float32, place=Place(cpu), stop_gradient=False,
            [[[60., 16., 99., 75., 4. ]]])
      `,
      run: (doc) => {
        const x = T([[[4, 0, 9, 7], [8, 0, 9, 2]]], { dtype: 'float32' });
        doc.out(x.shape);
        const w = T([[[7, 0]], [[4, 2]]], { dtype: 'float32' });
        doc.out(w.shape);
        const conv = new paddle.nn.Conv1DTranspose(2, 1, 2);
        conv.weight.setValue(w);
        doc.out(conv.forward(x));
      },
    },
    {
      api: 'paddle.nn.Conv2D',
      python: py`
            >>> import paddle
            >>> import paddle.nn as nn

            >>> paddle.disable_static()

            >>> x_var = paddle.uniform((2, 4, 8, 8), dtype='float32', min=-1., max=1.)

            >>> conv = nn.Conv2D(4, 6, (3, 3))
            >>> y_var = conv(x_var)
            >>> print(y_var.shape)
            [2, 6, 6, 6]
      `,
      note: 'paddle.disable_static() has no twin: there is no static mode to leave',
      run: (doc) => {
        const xVar = paddle.uniform([2, 4, 8, 8], { dtype: 'float32', min: -1, max: 1 });
        const conv = new paddle.nn.Conv2D(4, 6, [3, 3]);
        doc.out(conv.forward(xVar).shape);
      },
    },
    {
      api: 'paddle.nn.Conv2DTranspose',
      python: py`
            >>> import paddle
            >>> import paddle.nn as nn

            >>> paddle.disable_static()

            >>> x_var = paddle.uniform((2, 4, 8, 8), dtype='float32', min=-1., max=1.)

            >>> conv = nn.Conv2DTranspose(4, 6, (3, 3))
            >>> y_var = conv(x_var)
            >>> print(y_var.shape)
            [2, 6, 10, 10]
      `,
      note: 'paddle.disable_static() has no twin: there is no static mode to leave',
      run: (doc) => {
        const xVar = paddle.uniform([2, 4, 8, 8], { dtype: 'float32', min: -1, max: 1 });
        const conv = new paddle.nn.Conv2DTranspose(4, 6, [3, 3]);
        doc.out(conv.forward(xVar).shape);
      },
    },
    // ---------------------------------------------------------------- nn/functional/conv.py
    {
      api: 'paddle.nn.functional.conv1d',
      python: py`
            >>> import paddle
            >>> import paddle.nn.functional as F

            >>> x = paddle.to_tensor([[[4, 8, 1, 9],
            ...                        [7, 2, 0, 9],
            ...                        [6, 9, 2, 6]]], dtype="float32")
            >>> w = paddle.to_tensor([[[9, 3, 4],
            ...                        [0, 0, 7],
            ...                        [2, 5, 6]],
            ...                       [[0, 3, 4],
            ...                        [2, 9, 7],
            ...                        [5, 6, 8]]], dtype="float32")

            >>> y = F.conv1d(x, w)
            >>> print(y)
            Tensor(shape=[1, 2, 2], dtype=float32, place=Place(cpu), stop_gradient=True,
            [[[133., 238.],
            [160., 211.]]])
      `,
      run: (doc) => {
        const x = T([[[4, 8, 1, 9], [7, 2, 0, 9], [6, 9, 2, 6]]], { dtype: 'float32' });
        const w = T([[[9, 3, 4], [0, 0, 7], [2, 5, 6]], [[0, 3, 4], [2, 9, 7], [5, 6, 8]]], { dtype: 'float32' });
        doc.out(F.conv1d(x, w));
      },
    },
    {
      api: 'paddle.nn.functional.conv1d_transpose',
      python: py`
            >>> import paddle
            >>> import paddle.nn.functional as F

            >>> # shape: (1, 2, 4)
            >>> x = paddle.to_tensor([[[4, 0, 9, 7],
            >>>                       [8, 0, 9, 2,]]], dtype="float32")
            >>> # shape: (2, 1, 2)
            >>> w = paddle.to_tensor([[[7, 0]],
            >>>                       [[4, 2]]], dtype="float32")

            >>> y = F.conv1d_transpose(x, w)
            >>> print(y)
            Tensor(shape=[1, 1, 5], dtype=float32, place=Place(cpu), stop_gradient=True,
            [[[60., 16., 99., 75., 4. ]]])
      `,
      run: (doc) => {
        const x = T([[[4, 0, 9, 7], [8, 0, 9, 2]]], { dtype: 'float32' });
        const w = T([[[7, 0]], [[4, 2]]], { dtype: 'float32' });
        doc.out(F.conv1d_transpose(x, w));
      },
    },
    {
      api: 'paddle.nn.functional.conv2d',
      python: py`
            >>> import paddle
            >>> import paddle.nn.functional as F

            >>> x_var = paddle.randn((2, 3, 8, 8), dtype='float32')
            >>> w_var = paddle.randn((6, 3, 3, 3), dtype='float32')

            >>> y_var = F.conv2d(x_var, w_var)

            >>> print(y_var.shape)
            [2, 6, 6, 6]
      `,
      run: (doc) => {
        const xVar = paddle.randn([2, 3, 8, 8], { dtype: 'float32' });
        const wVar = paddle.randn([6, 3, 3, 3], { dtype: 'float32' });
        doc.out(F.conv2d(xVar, wVar).shape);
      },
    },
    {
      api: 'paddle.nn.functional.conv2d_transpose',
      python: py`
            >>> import paddle
            >>> import paddle.nn.functional as F

            >>> x_var = paddle.randn((2, 3, 8, 8), dtype='float32')
            >>> w_var = paddle.randn((3, 6, 3, 3), dtype='float32')

            >>> y_var = F.conv2d_transpose(x_var, w_var)

            >>> print(y_var.shape)
            [2, 6, 10, 10]
      `,
      run: (doc) => {
        const xVar = paddle.randn([2, 3, 8, 8], { dtype: 'float32' });
        const wVar = paddle.randn([3, 6, 3, 3], { dtype: 'float32' });
        doc.out(F.conv2d_transpose(xVar, wVar).shape);
      },
    },
    // ---------------------------------------------------------------- nn/layer/pooling.py
    {
      api: 'paddle.nn.AvgPool1D',
      python: py`
            >>> import paddle
            >>> import paddle.nn as nn

            >>> data = paddle.uniform([1, 3, 32], dtype="float32", min=-1, max=1)
            >>> AvgPool1D = nn.AvgPool1D(kernel_size=2, stride=2, padding=0)
            >>> pool_out = AvgPool1D(data)
            >>> print(pool_out.shape)
            [1, 3, 16]
      `,
      run: (doc) => {
        const data = paddle.uniform([1, 3, 32], { dtype: 'float32', min: -1, max: 1 });
        const avgPool1D = new paddle.nn.AvgPool1D(2, { stride: 2, padding: 0 });
        const poolOut = avgPool1D.forward(data);
        const d = data.data;
        expect(poolOut.data[0]).toBeCloseTo(((d[0] as number) + (d[1] as number)) / 2, 6);
        doc.out(poolOut.shape);
      },
    },
    {
      api: 'paddle.nn.AvgPool2D',
      python: py`
            >>> import paddle
            >>> import paddle.nn as nn

            >>> # max pool2d
            >>> input = paddle.uniform([1, 3, 32, 32], dtype="float32", min=-1, max=1)
            >>> AvgPool2D = nn.AvgPool2D(kernel_size=2, stride=2, padding=0)
            >>> output = AvgPool2D(input)
            >>> print(output.shape)
            [1, 3, 16, 16]
      `,
      run: (doc) => {
        const input = paddle.uniform([1, 3, 32, 32], { dtype: 'float32', min: -1, max: 1 });
        const avgPool2D = new paddle.nn.AvgPool2D(2, { stride: 2, padding: 0 });
        doc.out(avgPool2D.forward(input).shape);
      },
    },
    {
      api: 'paddle.nn.MaxPool1D',
      python: py`
            >>> import paddle
            >>> import paddle.nn as nn

            >>> data = paddle.uniform([1, 3, 32], dtype="float32", min=-1, max=1)
            >>> MaxPool1D = nn.MaxPool1D(kernel_size=2, stride=2, padding=0)
            >>> pool_out = MaxPool1D(data)
            >>> print(pool_out.shape)
            [1, 3, 16]

            >>> MaxPool1D = nn.MaxPool1D(kernel_size=2, stride=2, padding=0, return_mask=True)
            >>> pool_out, indices = MaxPool1D(data)
            >>> print(pool_out.shape)
            [1, 3, 16]
            >>> print(indices.shape)
            [1, 3, 16]
      `,
      run: (doc) => {
        const data = paddle.uniform([1, 3, 32], { dtype: 'float32', min: -1, max: 1 });
        let maxPool1D = new paddle.nn.MaxPool1D(2, { stride: 2, padding: 0 });
        const plain = maxPool1D.forward(data) as paddle.Tensor;
        doc.out(plain.shape);
        maxPool1D = new paddle.nn.MaxPool1D(2, { stride: 2, padding: 0, returnMask: true });
        const [poolOut, indices] = maxPool1D.forward(data) as [paddle.Tensor, paddle.Tensor];
        expect(Array.from(poolOut.data)).toEqual(Array.from(plain.data));
        // the mask holds each window's argmax position along L
        expect(Array.from(indices.data).every((ix, i) => poolOut.data[i] === data.data[Math.floor(i / 16) * 32 + ix])).toBe(true);
        doc.out(poolOut.shape);
        doc.out(indices.shape);
      },
    },
    {
      api: 'paddle.nn.MaxPool2D',
      python: py`
            >>> import paddle
            >>> import paddle.nn as nn

            >>> # max pool2d
            >>> input = paddle.uniform([1, 3, 32, 32], dtype="float32", min=-1, max=1)
            >>> MaxPool2D = nn.MaxPool2D(kernel_size=2, stride=2, padding=0)
            >>> output = MaxPool2D(input)
            >>> print(output.shape)
            [1, 3, 16, 16]

            >>> # for return_mask=True
            >>> MaxPool2D = nn.MaxPool2D(kernel_size=2, stride=2, padding=0, return_mask=True)
            >>> output, max_indices = MaxPool2D(input)
            >>> print(output.shape)
            [1, 3, 16, 16]
            >>> print(max_indices.shape)
            [1, 3, 16, 16]
      `,
      run: (doc) => {
        const input = paddle.uniform([1, 3, 32, 32], { dtype: 'float32', min: -1, max: 1 });
        let maxPool2D = new paddle.nn.MaxPool2D(2, { stride: 2, padding: 0 });
        doc.out((maxPool2D.forward(input) as paddle.Tensor).shape);
        maxPool2D = new paddle.nn.MaxPool2D(2, { stride: 2, padding: 0, returnMask: true });
        const [output, maxIndices] = maxPool2D.forward(input) as [paddle.Tensor, paddle.Tensor];
        // the mask holds each window's argmax as a flat index into the H×W plane
        expect(Array.from(maxIndices.data).every((ix, i) => output.data[i] === input.data[Math.floor(i / 256) * 1024 + ix])).toBe(true);
        doc.out(output.shape);
        doc.out(maxIndices.shape);
      },
    },
    {
      api: 'paddle.nn.MaxPool3D',
      python: py`
            >>> import paddle
            >>> import paddle.nn as nn

            >>> # max pool3d
            >>> input = paddle.uniform([1, 2, 3, 32, 32], dtype="float32", min=-1, max=1)
            >>> MaxPool3D = nn.MaxPool3D(kernel_size=2, stride=2, padding=0)
            >>> output = MaxPool3D(input)
            >>> print(output.shape)
            [1, 2, 1, 16, 16]

            >>> # for return_mask=True
            >>> MaxPool3D = nn.MaxPool3D(kernel_size=2, stride=2, padding=0, return_mask=True)
            >>> output, max_indices = MaxPool3D(input)
            >>> print(output.shape)
            [1, 2, 1, 16, 16]
            >>> print(max_indices.shape)
            [1, 2, 1, 16, 16]
      `,
      run: (doc) => {
        const input = paddle.uniform([1, 2, 3, 32, 32], { dtype: 'float32', min: -1, max: 1 });
        let maxPool3D = new paddle.nn.MaxPool3D(2, { stride: 2, padding: 0 });
        const plain = maxPool3D.forward(input) as paddle.Tensor;
        doc.out(plain.shape);
        maxPool3D = new paddle.nn.MaxPool3D(2, { stride: 2, padding: 0, returnMask: true });
        const [output, maxIndices] = maxPool3D.forward(input) as [paddle.Tensor, paddle.Tensor];
        // the mask holds each window's argmax as a flat index into the D×H×W volume
        expect(Array.from(maxIndices.data).every((ix, i) => output.data[i] === input.data[Math.floor(i / 256) * 3072 + ix])).toBe(true);
        expect(Array.from(output.data)).toEqual(Array.from(plain.data));
        doc.out(output.shape);
        doc.out(maxIndices.shape);
      },
    },
    {
      api: 'paddle.nn.AdaptiveAvgPool2D',
      python: py`
            >>> # adaptive avg pool2d
            >>> # suppose input data in shape of [N, C, H, W], \`output_size\` is [m, n],
            >>> # output shape is [N, C, m, n], adaptive pool divide H and W dimensions
            >>> # of input data into m * n grids averagely and performs poolings in each
            >>> # grid to get output.
            >>> # adaptive avg pool performs calculations as follow:
            >>> #
            >>> #     for i in range(m):
            >>> #         for j in range(n):
            >>> #             hstart = floor(i * H / m)
            >>> #             hend = ceil((i + 1) * H / m)
            >>> #             wstart = floor(i * W / n)
            >>> #             wend = ceil((i + 1) * W / n)
            >>> #             output[:, :, i, j] = avg(input[:, :, hstart: hend, wstart: wend])
            >>> #
            >>> import paddle

            >>> x = paddle.rand([2, 3, 32, 32])

            >>> adaptive_avg_pool = paddle.nn.AdaptiveAvgPool2D(output_size=3)
            >>> pool_out = adaptive_avg_pool(x = x)
            >>> print(pool_out.shape)
            [2, 3, 3, 3]
      `,
      run: (doc) => {
        const x = paddle.rand([2, 3, 32, 32]);
        const adaptiveAvgPool = new paddle.nn.AdaptiveAvgPool2D(3);
        const poolOut = adaptiveAvgPool.forward(x);
        // output[0, 0, 0, 0] averages rows 0..10 and columns 0..10 (floor(0) to ceil(32/3))
        let s = 0;
        for (let h = 0; h < 11; h++) for (let w = 0; w < 11; w++) s += x.data[h * 32 + w] as number;
        expect(poolOut.data[0]).toBeCloseTo(s / 121, 5);
        doc.out(poolOut.shape);
      },
    },
    {
      api: 'paddle.nn.AdaptiveMaxPool2D',
      python: py`
            >>> # adaptive max pool2d
            >>> # suppose input data in shape of [N, C, H, W], \`output_size\` is [m, n],
            >>> # output shape is [N, C, m, n], adaptive pool divide H and W dimensions
            >>> # of input data into m * n grids averagely and performs poolings in each
            >>> # grid to get output.
            >>> # adaptive max pool performs calculations as follow:
            >>> #
            >>> #     for i in range(m):
            >>> #         for j in range(n):
            >>> #             hstart = floor(i * H / m)
            >>> #             hend = ceil((i + 1) * H / m)
            >>> #             wstart = floor(i * W / n)
            >>> #             wend = ceil((i + 1) * W / n)
            >>> #             output[:, :, i, j] = max(input[:, :, hstart: hend, wstart: wend])
            >>> #
            >>> import paddle

            >>> x = paddle.rand([2, 3, 32, 32])

            >>> adaptive_max_pool = paddle.nn.AdaptiveMaxPool2D(output_size=3, return_mask=True)
            >>> pool_out, indices = adaptive_max_pool(x = x)
            >>> print(pool_out.shape)
            [2, 3, 3, 3]
            >>> print(indices.shape)
            [2, 3, 3, 3]
      `,
      run: (doc) => {
        const x = paddle.rand([2, 3, 32, 32]);
        const adaptiveMaxPool = new paddle.nn.AdaptiveMaxPool2D(3, { returnMask: true });
        const [poolOut, indices] = adaptiveMaxPool.forward(x) as [paddle.Tensor, paddle.Tensor];
        // each output is the element its mask points at, in its own 32×32 plane
        expect(Array.from(indices.data).every((ix, i) => poolOut.data[i] === x.data[Math.floor(i / 9) * 1024 + ix])).toBe(true);
        doc.out(poolOut.shape);
        doc.out(indices.shape);
      },
    },
    // ---------------------------------------------------------------- nn/functional/pooling.py
    {
      api: 'paddle.nn.functional.avg_pool1d',
      python: py`
            import paddle
            import paddle.nn as nn

            data = paddle.uniform([1, 3, 32], paddle.float32)
            AvgPool1D = nn.AvgPool1D(kernel_size=2, stride=2, padding=0)
            pool_out = AvgPool1D(data)
            # pool_out shape: [1, 3, 16]
      `,
      note: `${OLD_FUNCTIONAL_POOLING}; Paddle's example calls nn.AvgPool1D, the twin also checks F.avg_pool1d against it`,
      run: () => {
        const data = paddle.uniform([1, 3, 32], { dtype: 'float32' });
        const avgPool1D = new paddle.nn.AvgPool1D(2, { stride: 2, padding: 0 });
        const poolOut = avgPool1D.forward(data);
        expect(poolOut.shape).toEqual([1, 3, 16]);
        expect(Array.from(F.avg_pool1d(data, 2, { stride: 2, padding: 0 }).data)).toEqual(Array.from(poolOut.data));
      },
    },
    {
      api: 'paddle.nn.functional.avg_pool2d',
      python: py`
            import paddle
            import paddle.nn.functional as F

            # avg pool2d
            x = paddle.uniform([1, 3, 32, 32], paddle.float32)
            out = F.avg_pool2d(x,
                            kernel_size=2,
                            stride=2, padding=0)
            # out.shape [1, 3, 16, 16]
      `,
      note: OLD_FUNCTIONAL_POOLING,
      run: () => {
        const x = paddle.uniform([1, 3, 32, 32], { dtype: 'float32' });
        const out = F.avg_pool2d(x, 2, { stride: 2, padding: 0 });
        expect(out.shape).toEqual([1, 3, 16, 16]);
        const d = x.data;
        expect(out.data[0]).toBeCloseTo(((d[0] as number) + (d[1] as number) + (d[32] as number) + (d[33] as number)) / 4, 6);
      },
    },
    {
      api: 'paddle.nn.functional.max_pool1d',
      python: py`
          import paddle
          import paddle.nn.functional as F

          data = paddle.uniform([1, 3, 32], paddle.float32)
          pool_out = F.max_pool1d(data, kernel_size=2, stride=2, padding=0)
          # pool_out shape: [1, 3, 16]
          pool_out, indices = F.max_pool1d(data, kernel_size=2, stride=2, padding=0, return_mask=True)
          # pool_out shape: [1, 3, 16],  indices shape: [1, 3, 16]
      `,
      note: OLD_FUNCTIONAL_POOLING,
      run: () => {
        const data = paddle.uniform([1, 3, 32], { dtype: 'float32' });
        const plain = F.max_pool1d(data, 2, { stride: 2, padding: 0 }) as paddle.Tensor;
        expect(plain.shape).toEqual([1, 3, 16]);
        const [poolOut, indices] = F.max_pool1d(data, 2, { stride: 2, padding: 0, returnMask: true }) as [paddle.Tensor, paddle.Tensor];
        expect([poolOut.shape, indices.shape]).toEqual([[1, 3, 16], [1, 3, 16]]);
        expect(Array.from(poolOut.data)).toEqual(Array.from(plain.data));
      },
    },
    {
      api: 'paddle.nn.functional.max_pool2d',
      python: py`
          import paddle
          import paddle.nn.functional as F

          # max pool2d
          x = paddle.uniform([1, 3, 32, 32], paddle.float32)
          out = F.max_pool2d(x, kernel_size=2, stride=2, padding=0)
          # output.shape [1, 3, 16, 16]
          # for return_mask=True
          out, max_indices = F.max_pool2d(x, kernel_size=2, stride=2, padding=0, return_mask=True)
          # out.shape [1, 3, 16, 16], max_indices.shape [1, 3, 16, 16],
      `,
      note: OLD_FUNCTIONAL_POOLING,
      run: () => {
        const x = paddle.uniform([1, 3, 32, 32], { dtype: 'float32' });
        const plain = F.max_pool2d(x, 2, { stride: 2, padding: 0 });
        expect(plain.shape).toEqual([1, 3, 16, 16]);
        const [out, maxIndices] = F.max_pool2d(x, 2, { stride: 2, padding: 0, returnMask: true });
        expect([out.shape, maxIndices.shape]).toEqual([[1, 3, 16, 16], [1, 3, 16, 16]]);
        expect(Array.from(out.data)).toEqual(Array.from(plain.data));
      },
    },
    {
      api: 'paddle.nn.functional.max_pool3d',
      python: py`
          import paddle
          import paddle.nn.functional as F

          # max pool3d
          x = paddle.uniform([1, 3, 32, 32, 32])
          output = F.max_pool3d(x,
                                kernel_size=2,
                                stride=2, padding=0)
          # output.shape [1, 3, 16, 16, 16]
          # for return_mask=True
          x = paddle.uniform([1, 3, 32, 32, 32])
          output, max_indices = paddle.nn.functional.max_pool3d(x,
                                                                kernel_size=2,
                                                                stride=2,
                                                                padding=0,
                                                                return_mask=True)

          # output.shape [1, 3, 16, 16, 16], max_indices.shape [1, 3, 16, 16, 16]
      `,
      note: OLD_FUNCTIONAL_POOLING,
      run: () => {
        let x = paddle.uniform([1, 3, 32, 32, 32]);
        const output = F.max_pool3d(x, 2, { stride: 2, padding: 0 });
        expect(output.shape).toEqual([1, 3, 16, 16, 16]);
        x = paddle.uniform([1, 3, 32, 32, 32]);
        const [out2, maxIndices] = F.max_pool3d(x, 2, { stride: 2, padding: 0, returnMask: true });
        expect([out2.shape, maxIndices.shape]).toEqual([[1, 3, 16, 16, 16], [1, 3, 16, 16, 16]]);
        const d = x.data;
        const first = Math.max(...[0, 1, 32, 33, 1024, 1025, 1056, 1057].map((i) => d[i] as number));
        expect(out2.data[0]).toBe(first);
      },
    },
    {
      api: 'paddle.nn.functional.adaptive_avg_pool2d',
      python: py`
            # adaptive avg pool2d
            # suppose input data in shape of [N, C, H, W], \`output_size\` is [m, n],
            # output shape is [N, C, m, n], adaptive pool divide H and W dimensions
            # of input data into m * n grids averagely and performs poolings in each
            # grid to get output.
            # adaptive avg pool performs calculations as follow:
            #
            #     for i in range(m):
            #         for j in range(n):
            #             hstart = floor(i * H / m)
            #             hend = ceil((i + 1) * H / m)
            #             wstart = floor(i * W / n)
            #             wend = ceil((i + 1) * W / n)
            #             output[:, :, i, j] = avg(input[:, :, hstart: hend, wstart: wend])
            #
            import paddle

            x = paddle.rand([2, 3, 32, 32])
            # x.shape is [2, 3, 32, 32]
            out = paddle.nn.functional.adaptive_avg_pool2d(
                            x = x,
                            output_size=[3, 3])
            # out.shape is [2, 3, 3, 3]
      `,
      note: OLD_FUNCTIONAL_POOLING,
      run: () => {
        const x = paddle.rand([2, 3, 32, 32]);
        expect(x.shape).toEqual([2, 3, 32, 32]);
        const out = F.adaptive_avg_pool2d(x, [3, 3]);
        expect(out.shape).toEqual([2, 3, 3, 3]);
        // the last cell averages rows and columns 21..31 (floor(2·32/3) to ceil(32))
        let s = 0;
        const base = (2 * 3 - 1) * 1024;
        for (let h = 21; h < 32; h++) for (let w = 21; w < 32; w++) s += x.data[base + h * 32 + w] as number;
        expect(out.data[out.data.length - 1]).toBeCloseTo(s / 121, 5);
      },
    },
    {
      api: 'paddle.nn.functional.adaptive_max_pool2d',
      python: py`
          # max adaptive pool2d
          # suppose input data in the shape of [N, C, H, W], \`output_size\` is [m, n]
          # output shape is [N, C, m, n], adaptive pool divide H and W dimensions
          # of input data into m*n grids averagely and performs poolings in each
          # grid to get output.
          # adaptive max pool performs calculations as follow:
          #
          #     for i in range(m):
          #         for j in range(n):
          #             hstart = floor(i * H / m)
          #             hend = ceil((i + 1) * H / m)
          #             wstart = floor(i * W / n)
          #             wend = ceil((i + 1) * W / n)
          #             output[:, :, i, j] = max(input[:, :, hstart: hend, wstart: wend])
          #
          import paddle

          input_data = paddle.randn(shape=(2, 3, 32, 32))
          out = paddle.nn.functional.adaptive_max_pool2d(
                        x = input_data,
                        output_size=[3, 3])
          # out.shape is [2, 3, 3, 3]
      `,
      note: OLD_FUNCTIONAL_POOLING,
      run: () => {
        const inputData = paddle.randn([2, 3, 32, 32]);
        const out = F.adaptive_max_pool2d(inputData, [3, 3]);
        expect(out.shape).toEqual([2, 3, 3, 3]);
        // the middle cell of the first plane is the max of rows and columns 10..21
        let m = -Infinity;
        for (let h = 10; h < 22; h++) for (let w = 10; w < 22; w++) m = Math.max(m, inputData.data[h * 32 + w] as number);
        expect(out.data[4]).toBe(m);
      },
    },
    // ---------------------------------------------------------------- nn/layer/common.py, nn/functional/common.py
    {
      api: 'paddle.nn.Unfold',
      python: py`
            >>> import paddle
            >>> import paddle.nn as nn

            >>> x = paddle.randn((100, 3, 224, 224))
            >>> unfold = nn.Unfold(kernel_sizes=[3, 3])
            >>> result = unfold(x)
            >>> print(result.shape)
            [100, 27, 49284]
      `,
      note: 'batch 100 would make a 133M-element result (half a gigabyte) in a test',
      run: (doc) => {
        const x = paddle.randn([2, 3, 224, 224]);
        const unfold = new paddle.nn.Unfold([3, 3]);
        const result = unfold.forward(x);
        expect(result.shape).toEqual([2, 27, 49284]);
        // block 0 is the top-left 3×3 window of channel 0, then channels 1 and 2
        expect(result.data[0]).toBe(x.data[0]);
        expect(result.data[49284 * 4]).toBe(x.data[224 + 1]);
        doc.skip('batch 100 scaled down to 2: the twin asserts [2, 27, 49284]');
      },
    },
    {
      api: 'paddle.nn.functional.unfold',
      python: py`
            >>> import paddle
            >>> import paddle.nn.functional as F

            >>> x = paddle.randn((100,3,224,224))
            >>> y = F.unfold(x, [3, 3], 1, 1, 1)
      `,
      note: 'Paddle passes strides, paddings and dilations positionally; the twin unfolds a batch of 2, not 100 (see nn.Unfold), and asserts [2, 27, 50176]',
      run: () => {
        const x = paddle.randn([2, 3, 224, 224]);
        const y = F.unfold(x, [3, 3], { strides: 1, paddings: 1, dilations: 1 });
        expect(y.shape).toEqual([2, 27, 224 * 224]);
        // with one pixel of padding the first block's top row and left column are zeros
        expect([y.data[0], y.data[50176 * 4]]).toEqual([0, x.data[0]]);
      },
    },
    // ---------------------------------------------------------------- nn/layer/norm.py
    {
      api: 'paddle.nn.GroupNorm',
      python: py`
            >>> import paddle
            >>> paddle.seed(100)
            >>> x = paddle.arange(48, dtype="float32").reshape((2, 6, 2, 2))
            >>> group_norm = paddle.nn.GroupNorm(num_channels=6, num_groups=6)
            >>> group_norm_out = group_norm(x)

            >>> print(group_norm_out)
            Tensor(shape=[2, 6, 2, 2], dtype=float32, place=Place(cpu), stop_gradient=False,
            [[[[-1.34163547, -0.44721183],
               [ 0.44721183,  1.34163547]],
              [[-1.34163547, -0.44721183],
               [ 0.44721183,  1.34163547]],
              [[-1.34163547, -0.44721183],
               [ 0.44721183,  1.34163547]],
              [[-1.34163547, -0.44721183],
               [ 0.44721183,  1.34163547]],
              [[-1.34163547, -0.44721183],
               [ 0.44721183,  1.34163547]],
              [[-1.34163547, -0.44721183],
               [ 0.44721183,  1.34163547]]],
             [[[-1.34163547, -0.44721183],
               [ 0.44721183,  1.34163547]],
              [[-1.34163547, -0.44721183],
               [ 0.44721183,  1.34163547]],
              [[-1.34163547, -0.44721183],
               [ 0.44721183,  1.34163547]],
              [[-1.34163547, -0.44721183],
               [ 0.44721183,  1.34163547]],
              [[-1.34163547, -0.44721183],
               [ 0.44721183,  1.34163547]],
              [[-1.34163547, -0.44721183],
               [ 0.44721183,  1.34163547]]]])
      `,
      run: (doc) => {
        paddle.seed(100);
        const x = paddle.arange(48, { dtype: 'float32' }).reshape([2, 6, 2, 2]);
        const groupNorm = new paddle.nn.GroupNorm(6, 6);
        doc.out(groupNorm.forward(x));
      },
    },
    {
      api: 'paddle.nn.LayerNorm',
      python: py`
            >>> import paddle
            >>> paddle.seed(100)
            >>> x = paddle.rand((2, 2, 2, 3))
            >>> layer_norm = paddle.nn.LayerNorm(x.shape[1:])
            >>> layer_norm_out = layer_norm(x)

            >>> print(layer_norm_out)
            Tensor(shape=[2, 2, 2, 3], dtype=float32, place=Place(cpu), stop_gradient=False,
            [[[[ 0.60520101, -0.67670590, -1.40020895],
               [ 0.46540466, -0.09736638, -0.47771254]],
              [[-0.74365306,  0.63718957, -1.41333175],
               [ 1.44764745, -0.25489068,  1.90842617]]],
             [[[ 1.09773350,  1.49568415, -0.45503747],
               [-1.01755989,  1.08368254, -0.38671425]],
              [[-0.62252408,  0.60490781,  0.13109133],
               [-0.81222653,  0.84285998, -1.96189952]]]])
      `,
      random: 'seeded',
      run: (doc) => {
        paddle.seed(100);
        const x = paddle.rand([2, 2, 2, 3]);
        const layerNorm = new paddle.nn.LayerNorm(x.shape.slice(1));
        const out = layerNorm.forward(x);
        expect(out.stopGradient).toBe(false);
        expectNormalized(out, runs(24, 12), 'per sample');
        doc.random(out);
      },
    },
    {
      api: 'paddle.nn.BatchNorm',
      python: py`
            >>> import paddle.nn as nn
            >>> import paddle
            >>> import numpy as np

            >>> x = paddle.rand(shape=(3, 10, 3, 7), dtype="float32")
            >>> batch_norm = nn.BatchNorm(10)
            >>> hidden1 = batch_norm(x)
      `,
      run: () => {
        const x = paddle.rand([3, 10, 3, 7], { dtype: 'float32' });
        const batchNorm = new paddle.nn.BatchNorm(10);
        const hidden1 = batchNorm.forward(x);
        expect([hidden1.shape, hidden1.dtype]).toEqual([[3, 10, 3, 7], 'float32']);
        expectNormalized(hidden1, Array.from({ length: 10 }, (_, c) => channelIndices([3, 10, 3, 7], c)), 'batch statistics');
      },
    },
    {
      api: 'paddle.nn.BatchNorm1D',
      python: py`
            >>> import paddle
            >>> paddle.seed(100)
            >>> x = paddle.rand((2, 1, 3))
            >>> batch_norm = paddle.nn.BatchNorm1D(1)
            >>> batch_norm_out = batch_norm(x)

            >>> print(batch_norm_out)
            Tensor(shape=[2, 1, 3], dtype=float32, place=Place(cpu), stop_gradient=False,
            [[[ 1.26652932, -0.60229754, -1.65705597]],
             [[ 1.06272745,  0.24229205, -0.31219530]]])
      `,
      random: 'seeded',
      run: (doc) => batchNormExample(doc, [2, 1, 3], () => new paddle.nn.BatchNorm1D(1)),
    },
    {
      api: 'paddle.nn.BatchNorm2D',
      python: py`
            >>> import paddle
            >>> paddle.seed(100)
            >>> x = paddle.rand((2, 1, 2, 3))
            >>> batch_norm = paddle.nn.BatchNorm2D(1)
            >>> batch_norm_out = batch_norm(x)

            >>> print(batch_norm_out)
            Tensor(shape=[2, 1, 2, 3], dtype=float32, place=Place(cpu), stop_gradient=False,
            [[[[ 0.60520101, -0.67670590, -1.40020895],
               [ 0.46540475, -0.09736633, -0.47771257]]],
             [[[-0.74365312,  0.63718963, -1.41333187],
               [ 1.44764757, -0.25489068,  1.90842628]]]])
      `,
      random: 'seeded',
      run: (doc) => batchNormExample(doc, [2, 1, 2, 3], () => new paddle.nn.BatchNorm2D(1)),
    },
    {
      api: 'paddle.nn.BatchNorm3D',
      python: py`
            >>> import paddle
            >>> paddle.seed(100)
            >>> x = paddle.rand((2, 1, 2, 2, 3))
            >>> batch_norm = paddle.nn.BatchNorm3D(1)
            >>> batch_norm_out = batch_norm(x)

            >>> print(batch_norm_out)
            Tensor(shape=[2, 1, 2, 2, 3], dtype=float32, place=Place(cpu), stop_gradient=False,
            [[[[[ 0.28011751, -0.95211101, -1.64757574],
                [ 0.14573872, -0.39522290, -0.76082933]],
               [[-1.01646376,  0.31086648, -1.66019011],
                [ 1.08991623, -0.54664266,  1.53283834]]]],
             [[[[ 1.33958006,  1.71585774, -0.12862551],
                [-0.66051245,  1.32629418, -0.06402326]],
               [[-0.28699064,  0.87359405,  0.42558217],
                [-0.46636176,  1.09858704, -1.55342245]]]]])
      `,
      random: 'seeded',
      run: (doc) => batchNormExample(doc, [2, 1, 2, 2, 3], () => new paddle.nn.BatchNorm3D(1)),
    },
    // ---------------------------------------------------------------- nn/functional/norm.py
    {
      api: 'paddle.nn.functional.batch_norm',
      python: py`
            >>> import paddle

            >>> x = paddle.arange(12, dtype="float32").reshape([2, 1, 2, 3])
            >>> print(x)
            Tensor(shape=[2, 1, 2, 3], dtype=float32, place=Place(cpu), stop_gradient=True,
            [[[[0. , 1. , 2. ],
               [3. , 4. , 5. ]]],
             [[[6. , 7. , 8. ],
               [9. , 10., 11.]]]])
            >>> running_mean = paddle.to_tensor([0], dtype="float32")
            >>> running_variance = paddle.to_tensor([1], dtype="float32")
            >>> weight = paddle.to_tensor([2], dtype="float32")
            >>> bias = paddle.to_tensor([1], dtype="float32")

            >>> batch_norm_out = paddle.nn.functional.batch_norm(x, running_mean,
            ...                                             running_variance, weight, bias)
            >>> print(batch_norm_out)
            Tensor(shape=[2, 1, 2, 3], dtype=float32, place=Place(cpu), stop_gradient=True,
            [[[[1.         , 2.99998999 , 4.99997997 ],
               [6.99996948 , 8.99995995 , 10.99994946]]],
             [[[12.99993896, 14.99992943, 16.99991989],
               [18.99990845, 20.99989891, 22.99988937]]]])
      `,
      run: (doc) => {
        const x = paddle.arange(12, { dtype: 'float32' }).reshape([2, 1, 2, 3]);
        doc.out(x);
        const runningMean = T([0], { dtype: 'float32' });
        const runningVariance = T([1], { dtype: 'float32' });
        const weight = T([2], { dtype: 'float32' });
        const bias = T([1], { dtype: 'float32' });
        doc.out(F.batch_norm(x, runningMean, runningVariance, { weight, bias }));
        // inference mode: the running statistics are read, not updated
        expect([runningMean.item(), runningVariance.item()]).toEqual([0, 1]);
      },
    },
    {
      api: 'paddle.nn.functional.layer_norm',
      python: py`
            >>> import paddle
            >>> paddle.seed(2023)
            >>> x = paddle.rand((2, 2, 2, 3))
            >>> layer_norm_out = paddle.nn.functional.layer_norm(x, x.shape[1:])
            >>> print(layer_norm_out)
            Tensor(shape=[2, 2, 2, 3], dtype=float32, place=Place(cpu), stop_gradient=True,
            [[[[ 0.87799639, -0.32706568, -1.23529339],
               [ 1.01540327, -0.66222906, -0.72354043]],
              [[ 1.24183702,  0.45458138, -0.33506915],
               [ 0.41468468,  1.26852870, -1.98983312]]],
             [[[ 0.02837803,  1.27684665, -0.90110683],
               [-0.94709367, -0.15110941, -1.16546965]],
              [[-0.82010198,  0.11218392, -0.86506516],
               [ 1.09489357,  0.19107464,  2.14656854]]]])
      `,
      random: 'seeded',
      run: (doc) => {
        paddle.seed(2023);
        const x = paddle.rand([2, 2, 2, 3]);
        const out = F.layer_norm(x, x.shape.slice(1));
        expect(out.stopGradient).toBe(true);
        expectNormalized(out, runs(24, 12), 'per sample');
        doc.random(out);
      },
    },
    {
      api: 'paddle.nn.functional.group_norm',
      python: py`
            >>> import paddle
            >>> paddle.seed(100)
            >>> x = paddle.arange(48, dtype="float32").reshape((2, 6, 2, 2))
            >>> group_norm_out = paddle.nn.functional.group_norm(x, num_groups=6)

            >>> print(group_norm_out)
            Tensor(shape=[2, 6, 2, 2], dtype=float32, place=Place(cpu), stop_gradient=True,
            [[[[-1.34163547, -0.44721183],
               [ 0.44721183,  1.34163547]],
              [[-1.34163547, -0.44721183],
               [ 0.44721183,  1.34163547]],
              [[-1.34163547, -0.44721183],
               [ 0.44721183,  1.34163547]],
              [[-1.34163547, -0.44721183],
               [ 0.44721183,  1.34163547]],
              [[-1.34163547, -0.44721183],
               [ 0.44721183,  1.34163547]],
              [[-1.34163547, -0.44721183],
               [ 0.44721183,  1.34163547]]],
             [[[-1.34163547, -0.44721183],
               [ 0.44721183,  1.34163547]],
              [[-1.34163547, -0.44721183],
               [ 0.44721183,  1.34163547]],
              [[-1.34163547, -0.44721183],
               [ 0.44721183,  1.34163547]],
              [[-1.34163547, -0.44721183],
               [ 0.44721183,  1.34163547]],
              [[-1.34163547, -0.44721183],
               [ 0.44721183,  1.34163547]],
              [[-1.34163547, -0.44721183],
               [ 0.44721183,  1.34163547]]]])
      `,
      run: (doc) => {
        paddle.seed(100);
        const x = paddle.arange(48, { dtype: 'float32' }).reshape([2, 6, 2, 2]);
        doc.out(F.group_norm(x, 6));
      },
    },
    // ---------------------------------------------------------------- nn/layer/rnn.py
    {
      api: 'paddle.nn.SimpleRNNCell',
      python: py`
            >>> import paddle

            >>> x = paddle.randn((4, 16))
            >>> prev_h = paddle.randn((4, 32))

            >>> cell = paddle.nn.SimpleRNNCell(16, 32)
            >>> y, h = cell(x, prev_h)
            >>> print(y.shape)
            [4, 32]
      `,
      run: (doc) => {
        const x = paddle.randn([4, 16]);
        const prevH = paddle.randn([4, 32]);
        const cell = new paddle.nn.SimpleRNNCell(16, 32);
        const [y, h] = cell.forward(x, prevH);
        expect(h).toBe(y);
        doc.out(y.shape);
      },
    },
    {
      api: 'paddle.nn.LSTMCell',
      python: py`
            >>> import paddle

            >>> x = paddle.randn((4, 16))
            >>> prev_h = paddle.randn((4, 32))
            >>> prev_c = paddle.randn((4, 32))

            >>> cell = paddle.nn.LSTMCell(16, 32)
            >>> y, (h, c) = cell(x, (prev_h, prev_c))

            >>> print(y.shape)
            [4, 32]
            >>> print(h.shape)
            [4, 32]
            >>> print(c.shape)
            [4, 32]
      `,
      run: (doc) => {
        const x = paddle.randn([4, 16]);
        const prevH = paddle.randn([4, 32]);
        const prevC = paddle.randn([4, 32]);
        const cell = new paddle.nn.LSTMCell(16, 32);
        const [y, [h, c]] = cell.forward(x, [prevH, prevC]);
        expect(Array.from(h.data)).toEqual(Array.from(y.data));
        doc.out(y.shape);
        doc.out(h.shape);
        doc.out(c.shape);
      },
    },
    {
      api: 'paddle.nn.GRUCell',
      python: py`
            >>> import paddle

            >>> x = paddle.randn((4, 16))
            >>> prev_h = paddle.randn((4, 32))

            >>> cell = paddle.nn.GRUCell(16, 32)
            >>> y, h = cell(x, prev_h)

            >>> print(y.shape)
            [4, 32]
            >>> print(h.shape)
            [4, 32]
      `,
      run: (doc) => {
        const x = paddle.randn([4, 16]);
        const prevH = paddle.randn([4, 32]);
        const cell = new paddle.nn.GRUCell(16, 32);
        const [y, h] = cell.forward(x, prevH);
        doc.out(y.shape);
        doc.out(h.shape);
      },
    },
    {
      api: 'paddle.nn.RNN',
      python: py`
            >>> import paddle

            >>> inputs = paddle.rand((4, 23, 16))
            >>> prev_h = paddle.randn((4, 32))

            >>> cell = paddle.nn.SimpleRNNCell(16, 32)
            >>> rnn = paddle.nn.RNN(cell)
            >>> outputs, final_states = rnn(inputs, prev_h)

            >>> print(outputs.shape)
            [4, 23, 32]
            >>> print(final_states.shape)
            [4, 32]
      `,
      run: (doc) => {
        const inputs = paddle.rand([4, 23, 16]);
        const prevH = paddle.randn([4, 32]);
        const cell = new paddle.nn.SimpleRNNCell(16, 32);
        const rnn = new paddle.nn.RNN(cell);
        const [outputs, finalStates] = rnn.forward(inputs, prevH);
        const last = outputs.get(':, -1');
        expect(Array.from((finalStates as paddle.Tensor).data)).toEqual(Array.from(last.data));
        doc.out(outputs.shape);
        doc.out((finalStates as paddle.Tensor).shape);
      },
    },
    {
      api: 'paddle.nn.BiRNN',
      python: py`
            >>> import paddle

            >>> cell_fw = paddle.nn.LSTMCell(16, 32)
            >>> cell_bw = paddle.nn.LSTMCell(16, 32)
            >>> rnn = paddle.nn.BiRNN(cell_fw, cell_bw)

            >>> inputs = paddle.rand((2, 23, 16))
            >>> outputs, final_states = rnn(inputs)

            >>> print(outputs.shape)
            [2, 23, 64]
            >>> print(final_states[0][0].shape,len(final_states),len(final_states[0]))
            [2, 32] 2 2
      `,
      run: (doc) => {
        const cellFw = new paddle.nn.LSTMCell(16, 32);
        const cellBw = new paddle.nn.LSTMCell(16, 32);
        const rnn = new paddle.nn.BiRNN(cellFw, cellBw);
        const inputs = paddle.rand([2, 23, 16]);
        const [outputs, finalStates] = rnn.forward(inputs);
        doc.out(outputs.shape);
        const fw = finalStates[0] as readonly paddle.Tensor[];
        doc.seq([(fw[0] as paddle.Tensor).shape, finalStates.length, fw.length]);
      },
    },
    {
      api: 'paddle.nn.SimpleRNN',
      python: py`
            >>> import paddle

            >>> rnn = paddle.nn.SimpleRNN(16, 32, 2)

            >>> x = paddle.randn((4, 23, 16))
            >>> prev_h = paddle.randn((2, 4, 32))
            >>> y, h = rnn(x, prev_h)

            >>> print(y.shape)
            [4, 23, 32]
            >>> print(h.shape)
            [2, 4, 32]
      `,
      run: (doc) => {
        const rnn = new paddle.nn.SimpleRNN(16, 32, { numLayers: 2 });
        const x = paddle.randn([4, 23, 16]);
        const prevH = paddle.randn([2, 4, 32]);
        const [y, h] = rnn.forward(x, prevH);
        doc.out(y.shape);
        doc.out((h as paddle.Tensor).shape);
      },
    },
    {
      api: 'paddle.nn.LSTM',
      python: py`
            >>> import paddle

            >>> rnn = paddle.nn.LSTM(16, 32, 2)

            >>> x = paddle.randn((4, 23, 16))
            >>> prev_h = paddle.randn((2, 4, 32))
            >>> prev_c = paddle.randn((2, 4, 32))
            >>> y, (h, c) = rnn(x, (prev_h, prev_c))

            >>> print(y.shape)
            [4, 23, 32]
            >>> print(h.shape)
            [2, 4, 32]
            >>> print(c.shape)
            [2, 4, 32]
      `,
      run: (doc) => {
        const rnn = new paddle.nn.LSTM(16, 32, { numLayers: 2 });
        const x = paddle.randn([4, 23, 16]);
        const prevH = paddle.randn([2, 4, 32]);
        const prevC = paddle.randn([2, 4, 32]);
        const [y, hc] = rnn.forward(x, [prevH, prevC]);
        const [h, c] = hc as [paddle.Tensor, paddle.Tensor];
        doc.out(y.shape);
        doc.out(h.shape);
        doc.out(c.shape);
      },
    },
    {
      api: 'paddle.nn.GRU',
      python: py`
            >>> import paddle

            >>> rnn = paddle.nn.GRU(16, 32, 2)

            >>> x = paddle.randn((4, 23, 16))
            >>> prev_h = paddle.randn((2, 4, 32))
            >>> y, h = rnn(x, prev_h)

            >>> print(y.shape)
            [4, 23, 32]
            >>> print(h.shape)
            [2, 4, 32]
      `,
      run: (doc) => {
        const rnn = new paddle.nn.GRU(16, 32, { numLayers: 2 });
        const x = paddle.randn([4, 23, 16]);
        const prevH = paddle.randn([2, 4, 32]);
        const [y, h] = rnn.forward(x, prevH);
        doc.out(y.shape);
        doc.out((h as paddle.Tensor).shape);
      },
    },
  ],
});

/**
 * The fused convolution (src/ops/patches.ts `convProduct`: patches gathered inside the product,
 * bias in its epilogue, NCHW moved by the backend) gives the bits of the composition it replaced,
 * `fromRows(matmul(im2row(x), Wᵀ), bias)` with matmul's and row2im's backward, for the output and
 * the gradients of x, the weight and the bias: float32 and float64, NCHW and NHWC, strides,
 * padding, dilation, on the 'ref' backend, the WASM backend, and at 2 threads with every product
 * threaded.
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as paddle from '../../src/index.js';
import { configureThreads, getNumThreads, setNumThreads, threadsSupported, useBackend, type KernelDType } from '../../src/kernels/index.js';
import { threadConfig } from '../../src/kernels/wasm/threads.js';
import { fromRows, im2row, type ConvGeometry } from '../../src/nn/functional/unfold.js';
import { matmul } from '../../src/ops/matmul.js';
import { reshape } from '../../src/ops/manipulation.js';

const defaults = { ...threadConfig() };
const threadsAtStart = getNumThreads();
afterAll(() => {
  useBackend('auto');
  configureThreads({ gemmThreshold: defaults.gemmThreshold });
  setNumThreads(threadsAtStart);
});

interface Case {
  name: string;
  n: number;
  c: number;
  h: number;
  w: number;
  o: number;
  k: [number, number];
  stride: [number, number];
  dilation: [number, number];
  pad: [number, number];
  nhwc: boolean;
  bias: boolean;
}

const CASES: Case[] = [
  { name: 'demo conv1 (1→16, 5×5, pad 2)', n: 4, c: 1, h: 28, w: 28, o: 16, k: [5, 5], stride: [1, 1], dilation: [1, 1], pad: [2, 2], nhwc: false, bias: true },
  { name: 'demo conv2 (16→32, 5×5)', n: 3, c: 16, h: 14, w: 14, o: 32, k: [5, 5], stride: [1, 1], dilation: [1, 1], pad: [0, 0], nhwc: false, bias: true },
  { name: 'stride 2, dilation 2, no bias', n: 2, c: 3, h: 11, w: 9, o: 5, k: [3, 2], stride: [2, 1], dilation: [2, 2], pad: [1, 0], nhwc: false, bias: false },
  { name: 'NHWC with bias', n: 2, c: 4, h: 7, w: 6, o: 6, k: [3, 3], stride: [1, 2], dilation: [1, 1], pad: [1, 1], nhwc: true, bias: true },
];

function seeded(shape: number[], dtype: KernelDType, seed: number): paddle.Tensor {
  paddle.seed(seed);
  const t = paddle.rand(shape, { dtype });
  return paddle.subtract(paddle.multiply(t, paddle.full([1], 2, { dtype })), paddle.full([1], 1, { dtype }));
}

/** [y, gx, gw, gb] of the fused conv2d and of the composition, for one case. */
function both(cs: Case, dtype: KernelDType): [number[][], number[][]] {
  const xShape = cs.nhwc ? [cs.n, cs.h, cs.w, cs.c] : [cs.n, cs.c, cs.h, cs.w];
  const run = (fused: boolean): number[][] => {
    const x = seeded(xShape, dtype, 1);
    const w = seeded([cs.o, cs.c, cs.k[0], cs.k[1]], dtype, 2);
    const b = cs.bias ? seeded([cs.o], dtype, 3) : null;
    for (const t of [x, w, b]) if (t !== null) t.stopGradient = false;
    let y: paddle.Tensor;
    if (fused) {
      y = paddle.nn.functional.conv2d(x, w, b ?? undefined, { stride: cs.stride, padding: cs.pad, dilation: cs.dilation, dataFormat: cs.nhwc ? 'NHWC' : 'NCHW' });
    } else {
      const oh = Math.floor((cs.h + 2 * cs.pad[0] - cs.dilation[0] * (cs.k[0] - 1) - 1) / cs.stride[0]) + 1;
      const ow = Math.floor((cs.w + 2 * cs.pad[1] - cs.dilation[1] * (cs.k[1] - 1) - 1) / cs.stride[1]) + 1;
      const g: ConvGeometry = { n: cs.n, c: cs.c, h: cs.h, w: cs.w, kh: cs.k[0], kw: cs.k[1], sh: cs.stride[0], sw: cs.stride[1], dh: cs.dilation[0], dw: cs.dilation[1], pt: cs.pad[0], pl: cs.pad[1], oh, ow, groups: 1, channelsLast: cs.nhwc };
      const wm = reshape(w, [cs.o, cs.c * cs.k[0] * cs.k[1]]);
      y = fromRows(matmul(im2row(x, g), wm, { transposeY: true }), b, cs.n, cs.o, oh, ow, 1, cs.nhwc);
    }
    const gy = seeded(y.shape as number[], dtype, 4);
    paddle.sum(paddle.multiply(y, gy)).backward();
    const out = [Array.from(y.data), Array.from((x.grad as paddle.Tensor).data), Array.from((w.grad as paddle.Tensor).data)];
    if (b !== null) out.push(Array.from((b.grad as paddle.Tensor).data));
    return out;
  };
  return [run(true), run(false)];
}

function expectSameBits(got: number[][], want: number[][], what: string): void {
  expect(got.length).toBe(want.length);
  const names = ['y', 'x.grad', 'w.grad', 'b.grad'];
  got.forEach((arr, i) => {
    expect(arr.length, `${what} ${names[i]}`).toBe(want[i]!.length);
    for (let e = 0; e < arr.length; e++) {
      if (!Object.is(arr[e], want[i]![e])) expect.fail(`${what} ${names[i]}[${e}]: ${arr[e]} vs ${want[i]![e]}`);
    }
  });
}

describe('fused conv2d = im2row + matmul + layout, bit for bit', () => {
  for (const backend of ['ref', 'wasm'] as const) {
    for (const dtype of ['float32', 'float64'] as const) {
      it(`${backend} ${dtype}`, () => {
        useBackend(backend);
        for (const cs of CASES) {
          const [fused, composed] = both(cs, dtype);
          expectSameBits(fused, composed, `${backend} ${dtype} ${cs.name}`);
        }
      });
    }
  }

  it('an empty batch: the output shape, zero weight and bias gradients, on both backends (and max pooling)', () => {
    for (const backend of ['ref', 'wasm'] as const) {
      useBackend(backend);
      const conv = new paddle.nn.Conv2D(2, 3, 3, { padding: 1 });
      const x = paddle.rand([0, 2, 5, 5]);
      x.stopGradient = false;
      const y = conv.forward(x);
      expect(y.shape).toEqual([0, 3, 5, 5]);
      paddle.sum(y).backward();
      expect(Array.from((conv.weight.grad as paddle.Tensor).data).every((v) => v === 0)).toBe(true);
      expect(Array.from((conv.bias!.grad as paddle.Tensor).data).every((v) => v === 0)).toBe(true);
      expect(paddle.nn.functional.max_pool2d(paddle.rand([0, 2, 4, 4]), 2).shape).toEqual([0, 2, 2, 2]);
    }
  });

  it.runIf(typeof SharedArrayBuffer === 'function' && threadsSupported())('2 threads, every product threaded: the bits of 1 thread', async () => {
    const be = useBackend('wasm');
    configureThreads({ gemmThreshold: 0 });
    setNumThreads(1);
    const one = CASES.map((cs) => both(cs, 'float32')[0]);
    setNumThreads(2);
    await (be as { threadsReady?: () => Promise<void> }).threadsReady?.();
    CASES.forEach((cs, i) => {
      const [fused, composed] = both(cs, 'float32');
      expectSameBits(fused, one[i]!, `2 threads ${cs.name}`);
      expectSameBits(composed, one[i]!, `2 threads (composition) ${cs.name}`);
    });
  });
});

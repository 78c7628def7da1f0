// AssemblyScript source of the ReLU pair of the kernel contract (`KernelBackend.relu` and
// `reluGrad`, src/kernels/types.ts), compiled by scripts/build-wasm.mjs through rmsprop.ts. The
// reference's bits (src/kernels/ref/relu.ts) four lanes at a time, without a branch on the data.

/**
 * out = relu(x) over n float32 values: a NaN is kept as it is; otherwise a set sign bit gives +0
 * (−0 and negatives, −∞ included), and a clear one the value.
 */
export function reluF32(x: usize, out: usize, n: i32): void {
  const abs = i32x4.splat(0x7fffffff);
  const inf = i32x4.splat(0x7f800000);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const b = v128.load(x + (<usize>i << 2));
    const nan = i32x4.gt_s(v128.and(b, abs), inf);
    const r = v128.andnot(b, i32x4.shr_s(b, 31));
    v128.store(out + (<usize>i << 2), v128.bitselect(b, r, nan));
  }
  for (; i < n; i++) {
    const b = load<i32>(x + (<usize>i << 2));
    store<i32>(out + (<usize>i << 2), (b & 0x7fffffff) > 0x7f800000 ? b : b & ~(b >> 31));
  }
}

/**
 * gx = out > 0 ? g : g·0 over n float32 values (Paddle's relu_grad: dout · (out > 0)): `out > 0`
 * is the bits in [1, +∞]; g·0 is ±0 with g's sign for a finite g and NaN for ±∞ or NaN.
 */
export function reluGradF32(out: usize, g: usize, gx: usize, n: i32): void {
  const zero = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = v128.load(out + (<usize>i << 2));
    const v = v128.load(g + (<usize>i << 2));
    v128.store(gx + (<usize>i << 2), v128.bitselect(v, f32x4.mul(v, zero), f32x4.gt(o, zero)));
  }
  for (; i < n; i++) {
    const v = load<f32>(g + (<usize>i << 2));
    store<f32>(gx + (<usize>i << 2), load<f32>(out + (<usize>i << 2)) > 0 ? v : v * 0);
  }
}

/**
 * The reference ReLU pair (kernel contract `relu` / `reluGrad`). float32 runs over the values'
 * bits without a branch on the data (whether an activation is positive is a coin flip the branch
 * predictor loses); float64 over the values. The WebAssembly kernels (assembly/relu.ts) give the
 * same bits.
 */

/** The float32 array's bits (a view of the same memory). */
const bitsOf = (a: Float32Array): Int32Array => new Int32Array(a.buffer, a.byteOffset, a.length);

/**
 * out = relu(x): a set sign bit clears the value (−0 and negatives → +0), a NaN (rare: a
 * predictable branch) is kept.
 * @param x - The inputs.
 * @param out - The outputs (as long as `x`; may be `x`).
 */
export function reluRef(x: Float32Array | Float64Array, out: Float32Array | Float64Array): void {
  if (x instanceof Float32Array && out instanceof Float32Array) {
    const s = bitsOf(x);
    const o = bitsOf(out);
    for (let i = 0; i < s.length; i++) {
      const b = s[i] as number;
      o[i] = (b & 0x7fffffff) > 0x7f800000 ? b : b & ~(b >> 31);
    }
    return;
  }
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    out[i] = v > 0 ? v : v !== v ? v : 0;
  }
}

/**
 * gx = out > 0 ? g : g·0. float32 over bits: `out > 0` is the bits in [1, +Inf]; g·0 of a finite
 * g is a zero with g's sign; an infinite or NaN g (rare) takes the float expression.
 * @param out - The forward's outputs.
 * @param g - The outputs' gradient.
 * @param gx - The inputs' gradient (as long as `g`; may be `g`).
 */
export function reluGradRef(out: Float32Array | Float64Array, g: Float32Array | Float64Array, gx: Float32Array | Float64Array): void {
  if (out instanceof Float32Array && g instanceof Float32Array && gx instanceof Float32Array) {
    const o = bitsOf(out);
    const gb = bitsOf(g);
    const r = bitsOf(gx);
    for (let i = 0; i < o.length; i++) {
      const b = o[i] as number;
      const v = gb[i] as number;
      if ((v & 0x7fffffff) >= 0x7f800000) {
        gx[i] = (out[i] as number) > 0 ? (g[i] as number) : (g[i] as number) * 0;
        continue;
      }
      // all ones when b is in [1, 0x7f800000]; Number(boolean) compiles without a branch
      const m = -Number((b - 1) >>> 0 < 0x7f800000);
      r[i] = (v & m) | (v & 0x80000000 & ~m);
    }
    return;
  }
  for (let i = 0; i < g.length; i++) gx[i] = (out[i] as number) > 0 ? (g[i] as number) : (g[i] as number) * 0;
}

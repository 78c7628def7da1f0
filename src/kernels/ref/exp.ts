/**
 * The reference e^x and sigmoid (kernel contract `exp`, `sigmoid`), with JavaScript's Math.exp:
 * e^x rounded to the dtype, and the sigmoid as Paddle's kernel evaluates it, `1 / (1 + exp(-x))`
 * in the tensor's dtype, each operation rounded (float32: e^(−x), 1 + ·, 1 / · each rounded to
 * float32). The WebAssembly kernels (assembly/exp.ts) give the same bits.
 */

/**
 * out = e^x.
 * @param x - The inputs.
 * @param out - The outputs (as long as `x`, of its type; may be `x`).
 */
export function expRef(x: Float32Array | Float64Array, out: Float32Array | Float64Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.exp(x[i] as number);
}

/**
 * out = 1 / (1 + e^(−x)).
 * @param x - The inputs.
 * @param out - The outputs (as long as `x`, of its type; may be `x`).
 */
export function sigmoidRef(x: Float32Array | Float64Array, out: Float32Array | Float64Array): void {
  if (x instanceof Float32Array) {
    const f = Math.fround;
    for (let i = 0; i < x.length; i++) out[i] = f(1 / f(1 + f(Math.exp(-(x[i] as number)))));
  } else {
    for (let i = 0; i < x.length; i++) out[i] = 1 / (1 + Math.exp(-(x[i] as number)));
  }
}

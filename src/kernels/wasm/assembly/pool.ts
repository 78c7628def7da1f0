// AssemblyScript source of max pooling (kernel contract `MaxPoolCall`, src/kernels/types.ts),
// compiled by scripts/build-wasm.mjs through rmsprop.ts. The loop of the TypeScript reference
// (src/kernels/ref/pool.ts), with the running max and its index chosen by `select` (no branch on
// the data: a comparison of activations is a coin flip the branch predictor loses), so the same
// strict `>` decides: NaN never wins, the first of equal maxima in row-major order does.
//
// Descriptor (POOL_BYTES of i32 words, mirrored in src/kernels/wasm/layout.ts): n, c, h, w, oh,
// ow, channelsLast, then the byte offsets of the row and column bounds (i32 pairs).

export const POOL_BYTES: i32 = 48;

@inline
function word(desc: usize, i: i32): i32 {
  return load<i32>(desc + (<usize>i << 2));
}

/** out (f32) and arg (i32: flat input index, −1 if nothing beat −FLT_MAX) of every window. */
export function maxPoolF32(desc: usize, x: usize, out: usize, arg: usize): void {
  const N = word(desc, 0);
  const C = word(desc, 1);
  const H = word(desc, 2);
  const W = word(desc, 3);
  const OH = word(desc, 4);
  const OW = word(desc, 5);
  const last = word(desc, 6) != 0;
  const rows = <usize>word(desc, 7);
  const cols = <usize>word(desc, 8);
  const sH = last ? W * C : W;
  const sW = last ? C : 1;
  const oH = last ? OW * C : OW;
  const oW = last ? C : 1;
  for (let n = 0; n < N; n++) {
    for (let ch = 0; ch < C; ch++) {
      const inP = last ? n * H * W * C + ch : (n * C + ch) * H * W;
      const outP = last ? n * OH * OW * C + ch : (n * C + ch) * OH * OW;
      for (let i = 0; i < OH; i++) {
        const r0 = load<i32>(rows + (<usize>(2 * i) << 2));
        const r1 = load<i32>(rows + (<usize>(2 * i + 1) << 2));
        for (let j = 0; j < OW; j++) {
          const c0 = load<i32>(cols + (<usize>(2 * j) << 2));
          const c1 = load<i32>(cols + (<usize>(2 * j + 1) << 2));
          let best: f32 = -3.4028234663852886e38;
          let at: i32 = -1;
          for (let r = r0; r < r1; r++) {
            const rowBase = inP + r * sH;
            for (let c = c0; c < c1; c++) {
              const e = rowBase + c * sW;
              const v = load<f32>(x + (<usize>e << 2));
              const gt = v > best;
              best = select<f32>(v, best, gt);
              at = select<i32>(e, at, gt);
            }
          }
          const o = <usize>(outP + i * oH + j * oW) << 2;
          store<f32>(out + o, best);
          store<i32>(arg + o, at);
        }
      }
    }
  }
}

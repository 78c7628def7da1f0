/**
 * The reference max pooling of the kernel contract (`MaxPoolCall` in types.ts): the loop the
 * WebAssembly kernel (assembly/pool.ts) follows.
 */
import type { MaxPoolCall } from '../types.js';

/** Float32 max: Paddle starts a max window at −FLT_MAX. */
export const NEG_FLT_MAX = -3.4028234663852886e38;

export function maxPoolRef(call: MaxPoolCall<Float32Array | Float64Array>): void {
  const { x, out, arg, rows, cols, w, h, c: C } = call;
  const last = call.channelsLast;
  const sH = last ? w * C : w;
  const sW = last ? C : 1;
  const oH = last ? call.ow * C : call.ow;
  const oW = last ? C : 1;
  for (let n = 0; n < call.n; n++) {
    for (let ch = 0; ch < C; ch++) {
      const inP = last ? n * h * w * C + ch : (n * C + ch) * h * w;
      const outP = last ? n * call.oh * call.ow * C + ch : (n * C + ch) * call.oh * call.ow;
      for (let i = 0; i < call.oh; i++) {
        const r0 = rows[2 * i] as number;
        const r1 = rows[2 * i + 1] as number;
        for (let j = 0; j < call.ow; j++) {
          const c0 = cols[2 * j] as number;
          const c1 = cols[2 * j + 1] as number;
          let best = NEG_FLT_MAX;
          let at = -1;
          for (let r = r0; r < r1; r++) {
            const rowBase = inP + r * sH;
            for (let c = c0; c < c1; c++) {
              const v = x[rowBase + c * sW] as number;
              if (v > best) {
                best = v;
                at = rowBase + c * sW;
              }
            }
          }
          const o = outP + i * oH + j * oW;
          out[o] = best;
          arg[o] = at;
        }
      }
    }
  }
}

/**
 * `paddle.linalg`: the linear-algebra namespace (src/ops/index.ts re-exports it as `linalg`).
 * Only what is implemented here: `norm` (src/ops/norm.ts); matmul and friends stay at the top.
 */
export { norm } from './norm.js';
export type { NormOptions, NormP } from './norm.js';

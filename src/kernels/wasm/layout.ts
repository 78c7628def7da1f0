/**
 * Byte layout of the tables the TypeScript side writes into the kernel heap for the WebAssembly
 * kernels (mirrors src/kernels/wasm/assembly/rmsprop.ts; `checkLayout` compares them with the
 * module's exported globals when it loads).
 */

/** One fused RMSProp slot: u32 fields, then f64 fields. */
export const DESC_BYTES = 80;
export const DESC_U32 = {
  param: 0,
  grad: 1,
  meanSquare: 2,
  moment: 3,
  meanGrad: 4,
  length: 5,
  start: 6,
  flags: 7,
} as const;
export const DESC_F64 = {
  lr: 4,
  clipMin: 5,
  clipMax: 6,
  gradScale: 7,
  coeff: 8,
  paramScale: 9,
} as const;

export const F_CLIP = 1;
export const F_SCALE = 2;
export const F_L1 = 4;
export const F_L2 = 8;
export const F_PSCALE = 16;

/** Variant codes and mode bits of `rmspropVarF32/F64` (src/kernels/ref/rmsprop.ts VARIANT_CODE). */
export const V_TORCH = 1;
export const V_KERAS = 2;
export const V_TFJS = 3;
export const V_TF1 = 4;
export const V_TIMM = 5;
export const V_TIMM_LR_OUT = 6;
export const V_OPTAX = 7;
export const V_OPTAX_EPS_OUT = 8;
export const M_CENTERED = 16;
export const M_BUFFER = 32;

/** One array of a sum of squares: u32 pointer, length, index of its first block. */
export const SQ_BYTES = 16;
export const SQ_U32 = { ptr: 0, length: 1, first: 2 } as const;
export const SQ_BLOCK = 65536;

/** Why the module's exported layout constants differ from the ones above, or undefined. */
export function checkLayout(exports: Readonly<Record<string, unknown>>): string | undefined {
  const expected: Record<string, number> = {
    DESC_BYTES,
    SQ_BYTES,
    SQ_BLOCK,
    F_CLIP,
    F_SCALE,
    F_L1,
    F_L2,
    F_PSCALE,
    V_TORCH,
    V_KERAS,
    V_TFJS,
    V_TF1,
    V_TIMM,
    V_TIMM_LR_OUT,
    V_OPTAX,
    V_OPTAX_EPS_OUT,
    M_CENTERED,
    M_BUFFER,
    GEMM_BYTES,
    GEMM_KC,
    SKIP_REC_BYTES,
    SKIP_TABLE_BYTES,
    PATCH_BYTES,
    POOL_BYTES,
  };
  for (const [name, value] of Object.entries(expected)) {
    const g = exports[name];
    const actual = g instanceof WebAssembly.Global ? (g.value as unknown) : undefined;
    if (actual !== value) {
      return `layout constant ${name} is ${String(actual)} in the module but ${value} in layout.ts (rebuild with npm run build:wasm)`;
    }
  }
  return undefined;
}

/** One matrix-product job (assembly/gemm.ts): u32 words (pointers and strides in bytes). */
export const GEMM_BYTES = 80;
export const GEMM_U32 = {
  pa: 0,
  pb: 1,
  pc: 2,
  m: 3,
  n: 4,
  k: 5,
  aRow: 6,
  aK: 7,
  bias: 8,
  strideA: 9,
  strideB: 10,
  strideC: 11,
  splitN: 12,
  tile: 13,
  tiles: 14,
  /** A as a patch matrix gathered per row band: its geometry's offset (0: none), image, bands. */
  patch: 15,
  pimage: 16,
  pband: 17,
  /** 0: a product; 1: gather a patch matrix; 2: col2im (assembly/gemm.ts G_MODE). */
  mode: 18,
  /** 0, or the zero-skip lists of A (assembly/gemm.ts G_SKIP, set by gemmSkipListsF32). */
  skip: 19,
} as const;
/** Values of k per pass of the product (assembly/gemm.ts KC): one skip record covers that many. */
export const GEMM_KC = 128;
/** Bytes of one skip record: a 4-row block's list and its four rows' (assembly/gemm.ts SKIP_REC_BYTES). */
export const SKIP_REC_BYTES = 660;
/** Bytes of the bit table and mode counts in front of the skip records (assembly/gemm.ts SKIP_TABLE_BYTES); the counts are its last 16 bytes' first three u32. */
export const SKIP_TABLE_BYTES = 80;

/**
 * One convolution geometry (assembly/patches.ts): i32 words in this order, then padding to 64
 * bytes (the kernel contract's `PatchGeometry`).
 */
export const PATCH_BYTES = 64;
export const PATCH_WORDS = ['n', 'c', 'h', 'w', 'kh', 'kw', 'sh', 'sw', 'dh', 'dw', 'pt', 'pl', 'oh', 'ow', 'groups'] as const;

/** One max pooling (assembly/pool.ts): i32 words n, c, h, w, oh, ow, channelsLast, rows, cols. */
export const POOL_BYTES = 48;

// AssemblyScript source of the float32 matrix product of the kernel contract (`KernelBackend.gemm`,
// behind paddle.matmul, nn.Linear and everything built on them), compiled by scripts/build-wasm.mjs
// through rmsprop.ts, not by tsc.
//
// A job is described by a GEMM descriptor (GEMM_BYTES, the u32 fields G_* below) and cut into
// units: one unit is a tile of the output (a band of `tile` rows of one product, or of `tile`
// columns), numbered batch-major. `gemmUnitsF32(desc, u0, u1)` computes units [u0, u1); the calling
// thread and the workers claim units in chunks (threads.ts), so a tile is computed whole by one
// thread and the split never touches a sum.
//
// Layout: op(A)[i,k] is read at `pa + i*aRow + k*aK` bytes (A row-major: aRow = 4P, aK = 4; A
// stored transposed as [P,M]: aRow = 4, aK = 4M); B is row-major [P,N] (a transposed B is packed
// into that layout by the caller) and C row-major [M,N]. Products r = 0…batch-1 start at
// pa + r*strideA (bytes), and likewise B and C; a stride of 0 broadcasts.
//
// Accumulation order (the documented contract, checked bit for bit by tests/kernels/gemm.test.ts
// against the TypeScript reference): every C element is its own accumulator (one f32x4 lane or one
// scalar), starting at +0 and adding the float32-rounded products a[i,k]·b[k,j] for k = 0, 1, …,
// P-1 in that order, each multiply and each add one correctly rounded IEEE float32 op (no FMA, no
// reassociation, no partial sums); then the bias, if any, is added once. So the result equals the
// naive scalar loop
//   s = 0; for k in 0..P-1: s = f32(s + f32(a[i,k]·b[k,j]));  c = f32(s + bias[j])
// whatever the blocking or the tiling, and differs from a float64 sum rounded once by at most
// γ_P·Σ_k|a[i,k]·b[k,j]| with γ_P = P·u/(1-P·u), u = 2^-24 (Higham, Accuracy and Stability of
// Numerical Algorithms, §3.1).
//
// Zeros of A (the skip lists, G_SKIP): a step k whose A value of a row is ±0 adds a·b = ±0 to
// every sum of that row when B's values are finite, and s + (±0) = s for every s the loop can hold
// (s starts at +0 and is never -0: in round-to-nearest a sum is -0 only when both terms are). So
// such steps are left out, with the same bits, when every value of B is finite (gemmSkipListsF32
// checks it, and builds no lists otherwise). Per 4-row block and block of KC steps the lists say
// which of three ways is cheapest: every step (dense), the steps any of the four rows needs (the
// 4-row kernel on their union), or each row alone on its own steps (the 1-row kernel: more steps
// left out, each a little dearer). ReLU activations and image data are mostly zeros: the demo's
// digits are 81% zero pixels, 61% of the forward's steps are zero in all four rows of a block.
//
// Register blocking: 4 rows × 8 columns of C (8 f32x4 accumulators, 2 loads of B and 4 splats of
// A per k). Columns are the outer loop of a tile, so the 8-column panel of B (P×32 bytes) stays in
// cache while every 4-row block of A walks it. Tails: 4-column (one vector), scalar columns,
// single rows.

import { gatherRowsF32, rowsToImagesF32 } from './patches';

// ---- the descriptor (u32 words; mirrored in src/kernels/wasm/layout.ts) ----
export const GEMM_BYTES: i32 = 80;
const G_PA = 0;
const G_PB = 1;
const G_PC = 2;
const G_M = 3;
const G_N = 4;
const G_P = 5;
const G_AROW = 6;
const G_AK = 7;
const G_BIAS = 8; // 0: no bias
const G_SA = 9;
const G_SB = 10;
const G_SC = 11;
const G_SPLIT_N = 12; // 1: a unit is a band of columns; 0: a band of rows
const G_TILE = 13; // rows or columns per unit (a multiple of 4, or of 8 for columns)
const G_TILES = 14; // units per product
// A as a patch matrix (convolution), gathered band by band just before use (row bands only):
const G_PATCH = 15; // 0, or the byte offset of its geometry (assembly/patches.ts)
const G_PIMAGE = 16; // the image
const G_PBAND = 17; // scratch for the bands: unit u's rows at G_PBAND + u·tile·P·4
// Other jobs the product's units carry, so the worker pool runs them without a command of their
// own (G_MODE; the same fields mean what is said here):
// 1: gather a whole patch matrix: unit u is rows [t·tile, ...) of group u / tiles, patch geometry
//    G_PATCH, image G_PIMAGE, matrix G_PBAND ([groups, P, kg]), P = G_M, kg = G_K;
// 2: col2im: unit u is images [u·tile, ...): rows G_PC, sums G_PBAND, image G_PIMAGE (G_PATCH);
// 3: skip lists (skipListUnits): unit u is `tile` row blocks of A from row block G_M up to G_P,
//    numbered across the A's of the product described at G_PC, lists started at G_PBAND.
const G_MODE = 18;
// 0, or the byte offset of the zero-skip lists (gemmSkipListsF32): the values of k each 4-row
// block of A actually needs
const G_SKIP = 19;

/** Values of k per pass over a tile (see tileF32). */
const KC: i32 = 128;
/** Rows of A per chunk of a pass (a multiple of 4): MC × KC float32 is 32 KiB, in L1 (see tileF32). */
const MC: i32 = 64;
export const GEMM_KC: i32 = KC;
/**
 * One list: a u32 count, then that many offsets of k from the block's first k as bytes, ascending
 * (room for KC; the builder's 4-byte stores past the count stay inside).
 */
const SKIP_LIST_BYTES: i32 = KC + 4;
/**
 * One skip record (one 4-row block of A, one block of KC values of k): the block's list (its count
 * word says how the block runs: SKIP_DENSE every step, SKIP_ROWS row by row, else the steps any of
 * the four rows needs, in its list), then the four rows' own lists.
 */
export const SKIP_REC_BYTES: i32 = 5 * SKIP_LIST_BYTES;

/**
 * A list's bytes in a product of P steps of k: room for min(P, KC) steps, rounded up to 4 (so a
 * product with few steps, as a 5×5 convolution's 25, does not carry 128-byte lists); SKIP_LIST_BYTES
 * when P ≥ KC. The backend sizes the lists the same way (backend.ts skipRecordBytes).
 */
@inline
function listBytesOf(P: i32): usize {
  return <usize>(4 + ((min(P, KC) + 3) & ~3));
}

/** A skip record's bytes in a product of P steps of k (at most SKIP_REC_BYTES). */
@inline
function recBytesOf(P: i32): usize {
  return 5 * listBytesOf(P);
}
const SKIP_DENSE: u32 = 0xffffffff;
const SKIP_ROWS: u32 = 0xfffffffe;
/**
 * Relative cost of one step of k for one row in the 1-row kernel against the 4-row kernel's per
 * row, in eighths. Over 32 columns at a time (row32: one splat of A, eight loads of B, the list's
 * byte and two addresses per step, spread over 32 multiply-adds) 9/8: measured on the demo's
 * digits (2026-12-01, one thread, fastest runs) 9/8 and 1 gave the forward 425–434 µs and dW
 * 410–419 µs; 3/2 left dW's blocks on the union (493 µs); the union alone: 697 / 556 µs.
 * Narrower (fewer than 32 columns per unit: the 1-row 8-, 4- and 1-column kernels carry that work
 * over 8 multiply-adds or fewer) 2: the demo's fc2 (N = 10) on ReLU activations took 64–71 µs a
 * product row by row against 28–33 µs dense (2026-12-01).
 */
const ROWS_COST_WIDE: u32 = 9;
const ROWS_COST_NARROW: u32 = 16;
const ROWS_COST_DEN: u32 = 8;

/** The 1-row kernel's cost (ROWS_COST_*) for the columns one unit of the product at `desc` computes. */
function rowsCostOf(desc: usize): u32 {
  const N = <i32>field(desc, G_N);
  const width = field(desc, G_SPLIT_N) != 0 ? min(N, <i32>field(desc, G_TILE)) : N;
  return width >= 32 ? ROWS_COST_WIDE : ROWS_COST_NARROW;
}

@inline
function field(desc: usize, i: i32): u32 {
  return load<u32>(desc + (<usize>i << 2));
}

/**
 * c + a·b per lane. The exact build (the default): a multiply then an add, each rounded (the
 * contract's order). The relaxed build (opt-in `'wasm-relaxed'`): `f32x4.relaxed_madd`, a fused
 * multiply-add where the CPU has one (one rounding: not the contract's bits, and not the same bits
 * on every machine).
 */
@inline
function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(c, f32x4.mul(a, b));
}

@inline
function splatA(p: usize): v128 {
  return f32x4.splat(load<f32>(p));
}

/**
 * C[i0..i0+R, j..j+8) for R = 4 (rows4) or 1, over P values of k from pa/pb: starting at +0
 * (`first`) or from the partial sums C holds (a later block of k; storing and reloading a float32
 * is exact, so the sums are the same as in one pass).
 */
@inline
function block8(pa: usize, pb: usize, pc: usize, P: i32, aRow: usize, aK: usize, bK: usize, cRow: usize, rows4: bool, first: bool, sparse: bool = false, list: usize = 0): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  if (!first) {
    c00 = v128.load(pc);
    c01 = v128.load(pc, 16);
    if (rows4) {
      c10 = v128.load(pc + cRow);
      c11 = v128.load(pc + cRow, 16);
      c20 = v128.load(pc + 2 * cRow);
      c21 = v128.load(pc + 2 * cRow, 16);
      c30 = v128.load(pc + 3 * cRow);
      c31 = v128.load(pc + 3 * cRow, 16);
    }
  }
  // (with a skip list: only the steps k = list[t], P of them; see the header)
  let a = pa;
  let b = pb;
  for (let t = 0; t < P; t++) {
    if (sparse) {
      const k = <usize>load<u8>(list + <usize>t);
      a = pa + k * aK;
      b = pb + k * bK;
    }
    const b0 = v128.load(b);
    const b1 = v128.load(b, 16);
    const x0 = splatA(a);
    c00 = madd(x0, b0, c00);
    c01 = madd(x0, b1, c01);
    if (rows4) {
      const x1 = splatA(a + aRow);
      const x2 = splatA(a + 2 * aRow);
      const x3 = splatA(a + 3 * aRow);
      c10 = madd(x1, b0, c10);
      c11 = madd(x1, b1, c11);
      c20 = madd(x2, b0, c20);
      c21 = madd(x2, b1, c21);
      c30 = madd(x3, b0, c30);
      c31 = madd(x3, b1, c31);
    }
    a += aK;
    b += bK;
  }
  v128.store(pc, c00);
  v128.store(pc, c01, 16);
  if (rows4) {
    v128.store(pc + cRow, c10);
    v128.store(pc + cRow, c11, 16);
    v128.store(pc + 2 * cRow, c20);
    v128.store(pc + 2 * cRow, c21, 16);
    v128.store(pc + 3 * cRow, c30);
    v128.store(pc + 3 * cRow, c31, 16);
  }
}

/** C[i0..i0+R, j..j+4) for R = 4 or 1 (`first` as in block8). */
@inline
function block4(pa: usize, pb: usize, pc: usize, P: i32, aRow: usize, aK: usize, bK: usize, cRow: usize, rows4: bool, first: bool, sparse: bool = false, list: usize = 0): void {
  let c0 = f32x4.splat(0), c1 = f32x4.splat(0), c2 = f32x4.splat(0), c3 = f32x4.splat(0);
  if (!first) {
    c0 = v128.load(pc);
    if (rows4) {
      c1 = v128.load(pc + cRow);
      c2 = v128.load(pc + 2 * cRow);
      c3 = v128.load(pc + 3 * cRow);
    }
  }
  let a = pa;
  let b = pb;
  for (let t = 0; t < P; t++) {
    if (sparse) {
      const k = <usize>load<u8>(list + <usize>t);
      a = pa + k * aK;
      b = pb + k * bK;
    }
    const b0 = v128.load(b);
    c0 = madd(splatA(a), b0, c0);
    if (rows4) {
      c1 = madd(splatA(a + aRow), b0, c1);
      c2 = madd(splatA(a + 2 * aRow), b0, c2);
      c3 = madd(splatA(a + 3 * aRow), b0, c3);
    }
    a += aK;
    b += bK;
  }
  v128.store(pc, c0);
  if (rows4) {
    v128.store(pc + cRow, c1);
    v128.store(pc + 2 * cRow, c2);
    v128.store(pc + 3 * cRow, c3);
  }
}

/** One scalar column j of C, rows i0..i0+R for R = 4 or 1 (`first` as in block8). */
@inline
function block1(pa: usize, pb: usize, pc: usize, P: i32, aRow: usize, aK: usize, bK: usize, cRow: usize, rows4: bool, first: bool, sparse: bool = false, list: usize = 0): void {
  let s0: f32 = 0, s1: f32 = 0, s2: f32 = 0, s3: f32 = 0;
  if (!first) {
    s0 = load<f32>(pc);
    if (rows4) {
      s1 = load<f32>(pc + cRow);
      s2 = load<f32>(pc + 2 * cRow);
      s3 = load<f32>(pc + 3 * cRow);
    }
  }
  let a = pa;
  let b = pb;
  for (let t = 0; t < P; t++) {
    if (sparse) {
      const k = <usize>load<u8>(list + <usize>t);
      a = pa + k * aK;
      b = pb + k * bK;
    }
    const y = load<f32>(b);
    s0 = s0 + load<f32>(a) * y;
    if (rows4) {
      s1 = s1 + load<f32>(a + aRow) * y;
      s2 = s2 + load<f32>(a + 2 * aRow) * y;
      s3 = s3 + load<f32>(a + 3 * aRow) * y;
    }
    a += aK;
    b += bK;
  }
  store<f32>(pc, s0);
  if (rows4) {
    store<f32>(pc + cRow, s1);
    store<f32>(pc + 2 * cRow, s2);
    store<f32>(pc + 3 * cRow, s3);
  }
}

/**
 * One row of C, columns [j, j+32), over P values of k (through a list when `sparse`; `first` as in
 * block8): 8 accumulators, one splat of A and eight loads of B per step, so the loop's own work
 * (the list's byte, two addresses) is spread over 32 multiply-adds as in the 4×8 block.
 */
@inline
function row32(pa: usize, pb: usize, pc: usize, P: i32, aK: usize, bK: usize, first: bool, sparse: bool, list: usize): void {
  let c0 = f32x4.splat(0), c1 = f32x4.splat(0), c2 = f32x4.splat(0), c3 = f32x4.splat(0);
  let c4 = f32x4.splat(0), c5 = f32x4.splat(0), c6 = f32x4.splat(0), c7 = f32x4.splat(0);
  if (!first) {
    c0 = v128.load(pc);
    c1 = v128.load(pc, 16);
    c2 = v128.load(pc, 32);
    c3 = v128.load(pc, 48);
    c4 = v128.load(pc, 64);
    c5 = v128.load(pc, 80);
    c6 = v128.load(pc, 96);
    c7 = v128.load(pc, 112);
  }
  let a = pa;
  let b = pb;
  for (let t = 0; t < P; t++) {
    if (sparse) {
      const k = <usize>load<u8>(list + <usize>t);
      a = pa + k * aK;
      b = pb + k * bK;
    }
    const x = splatA(a);
    c0 = madd(x, v128.load(b), c0);
    c1 = madd(x, v128.load(b, 16), c1);
    c2 = madd(x, v128.load(b, 32), c2);
    c3 = madd(x, v128.load(b, 48), c3);
    c4 = madd(x, v128.load(b, 64), c4);
    c5 = madd(x, v128.load(b, 80), c5);
    c6 = madd(x, v128.load(b, 96), c6);
    c7 = madd(x, v128.load(b, 112), c7);
    a += aK;
    b += bK;
  }
  v128.store(pc, c0);
  v128.store(pc, c1, 16);
  v128.store(pc, c2, 32);
  v128.store(pc, c3, 48);
  v128.store(pc, c4, 64);
  v128.store(pc, c5, 80);
  v128.store(pc, c6, 96);
  v128.store(pc, c7, 112);
}

/** One row of C over columns [j0, j1): 32 at a time, then 8, 4, 1 (`sparse` a compile-time constant). */
@inline
function rowOf(sparse: bool, ar: usize, bk: usize, cr: usize, j0: i32, j1: i32, P: i32, aRow: usize, aK: usize, bK: usize, cRow: usize, first: bool, list: usize): void {
  let j = j0;
  for (; j + 32 <= j1; j += 32) row32(ar, bk + (<usize>j << 2), cr + (<usize>j << 2), P, aK, bK, first, sparse, list);
  for (; j + 8 <= j1; j += 8) block8(ar, bk + (<usize>j << 2), cr + (<usize>j << 2), P, aRow, aK, bK, cRow, false, first, sparse, list);
  for (; j + 4 <= j1; j += 4) block4(ar, bk + (<usize>j << 2), cr + (<usize>j << 2), P, aRow, aK, bK, cRow, false, first, sparse, list);
  for (; j < j1; j++) block1(ar, bk + (<usize>j << 2), cr + (<usize>j << 2), P, aRow, aK, bK, cRow, false, first, sparse, list);
}

/**
 * The 4-row blocks of rows [i0, i4) whose record says SKIP_ROWS, each row on its own steps over
 * columns [j0, j1) (32 at a time, then 8, 4, 1); the column panels leave these blocks out.
 */
function rowsOf(ak: usize, bk: usize, pc: usize, j0: i32, j1: i32, i0: i32, i4: i32, kn: i32, aRow: usize, aK: usize, bK: usize, cRow: usize, first: bool, rec0: usize, recRow: usize, listBytes: usize): void {
  for (let i = i0; i < i4; i += 4) {
    const rec = rec0 + <usize>(i >> 2) * recRow;
    if (load<u32>(rec) != SKIP_ROWS) continue;
    for (let r = 0; r < 4; r++) {
      const list = rec + <usize>(r + 1) * listBytes;
      const n = load<u32>(list);
      const ar = ak + <usize>(i + r) * aRow;
      const cr = pc + <usize>(i + r) * cRow;
      // a row that needs every step takes the plain loop
      if (n == <u32>kn) rowOf(false, ar, bk, cr, j0, j1, kn, aRow, aK, bK, cRow, first, 0);
      else rowOf(true, ar, bk, cr, j0, j1, <i32>n, aRow, aK, bK, cRow, first, list + 4);
    }
  }
}

/**
 * One column panel of `width` (8, 4 or 1: a compile-time constant at each call) over the tile's
 * rows: 4-row blocks through their skip lists (or every step), then the single rows left.
 */
@inline
function panel(width: i32, ak: usize, b: usize, pc: usize, j: i32, i0: i32, i4: i32, i1: i32, kn: i32, aRow: usize, aK: usize, bK: usize, cRow: usize, first: bool, skip: usize, rec0: usize, recRow: usize): void {
  let i = i0;
  for (; i < i4; i += 4) {
    const at = ak + <usize>i * aRow;
    const c = pc + <usize>i * cRow + (<usize>j << 2);
    const rec = rec0 + <usize>(i >> 2) * recRow;
    const count = skip == 0 ? SKIP_DENSE : load<u32>(rec);
    if (count == SKIP_DENSE) blockOf(width, at, b, c, kn, aRow, aK, bK, cRow, true, first, false, 0);
    else if (count == SKIP_ROWS) {
      // done row by row (rowsOf)
    } else blockOf(width, at, b, c, <i32>count, aRow, aK, bK, cRow, true, first, true, rec + 4);
  }
  for (; i < i1; i++) blockOf(width, ak + <usize>i * aRow, b, pc + <usize>i * cRow + (<usize>j << 2), kn, aRow, aK, bK, cRow, false, first, false, 0);
}

/** block8, block4 or block1 by `width` (a compile-time constant). */
@inline
function blockOf(width: i32, pa: usize, pb: usize, pc: usize, P: i32, aRow: usize, aK: usize, bK: usize, cRow: usize, rows4: bool, first: bool, sparse: bool, list: usize): void {
  if (width == 8) block8(pa, pb, pc, P, aRow, aK, bK, cRow, rows4, first, sparse, list);
  else if (width == 4) block4(pa, pb, pc, P, aRow, aK, bK, cRow, rows4, first, sparse, list);
  else block1(pa, pb, pc, P, aRow, aK, bK, cRow, rows4, first, sparse, list);
}

/**
 * Rows [i0, i1) × columns [j0, j1) of C = op(A)·B (+ bias): one tile (see the header for the
 * layout and the accumulation order). j0 is a multiple of 8 (or j1 = N), so every column panel is
 * the one a single-tile call would use; that does not matter for the numbers (a lane and a scalar
 * compute the same), only for speed.
 */
function tileF32(pa: usize, pb: usize, pc: usize, N: i32, P: i32, aRow: usize, aK: usize, pbias: usize, i0: i32, i1: i32, j0: i32, j1: i32, skip: usize): void {
  const bK: usize = <usize>N << 2;
  const cRow: usize = <usize>N << 2;
  const i4 = i0 + ((i1 - i0) & ~3);
  const kBlocks = (P + KC - 1) / KC;
  // blocks of k keep a panel of B (KC rows × 8 columns) and a 4-row block of A in L1
  for (let k0 = 0; k0 < P; k0 += KC) {
    const kn = min(KC, P - k0);
    const first = k0 == 0;
    const ak = pa + <usize>k0 * aK;
    const bk = pb + <usize>k0 * bK;
    // this k block's skip record of the 4-row block starting at row i (i0 is a multiple of 4)
    const rec0 = skip + <usize>(k0 / KC) * recBytesOf(P);
    const recRow = <usize>kBlocks * recBytesOf(P);
    // chunks of MC rows: their block of A (MC rows × KC values of k) stays in L1 while every
    // panel of B walks it (each element's sums still take their k in order: only when differs)
    for (let m0 = i0; m0 < i1; m0 += MC) {
      const m1 = min(i1, m0 + MC);
      const m4 = min(i4, m1);
      if (skip != 0) rowsOf(ak, bk, pc, j0, j1, m0, m4, kn, aRow, aK, bK, cRow, first, rec0, recRow, listBytesOf(P));
      let j = j0;
      for (; j + 8 <= j1; j += 8) panel(8, ak, bk + (<usize>j << 2), pc, j, m0, m4, m1, kn, aRow, aK, bK, cRow, first, skip, rec0, recRow);
      for (; j + 4 <= j1; j += 4) panel(4, ak, bk + (<usize>j << 2), pc, j, m0, m4, m1, kn, aRow, aK, bK, cRow, first, skip, rec0, recRow);
      for (; j < j1; j++) panel(1, ak, bk + (<usize>j << 2), pc, j, m0, m4, m1, kn, aRow, aK, bK, cRow, first, skip, rec0, recRow);
    }
  }
  if (pbias != 0) {
    for (let i = i0; i < i1; i++) {
      const row = pc + <usize>i * cRow;
      let jj = j0;
      for (; jj + 4 <= j1; jj += 4) {
        const at = row + (<usize>jj << 2);
        v128.store(at, f32x4.add(v128.load(at), v128.load(pbias + (<usize>jj << 2))));
      }
      for (; jj < j1; jj++) {
        const at = row + (<usize>jj << 2);
        store<f32>(at, load<f32>(at) + load<f32>(pbias + (<usize>jj << 2)));
      }
    }
  }
}

/** Units [u0, u1) of the job in the descriptor at `desc` (see the header). */
export function gemmUnitsF32(desc: usize, u0: u32, u1: u32): void {
  const mode = field(desc, G_MODE);
  if (mode != 0) {
    sideUnits(desc, mode, u0, u1);
    return;
  }
  const M = <i32>field(desc, G_M);
  const N = <i32>field(desc, G_N);
  const P = <i32>field(desc, G_P);
  const aRow = <usize>field(desc, G_AROW);
  const aK = <usize>field(desc, G_AK);
  const pbias = <usize>field(desc, G_BIAS);
  const sa = <usize>field(desc, G_SA);
  const sb = <usize>field(desc, G_SB);
  const sc = <usize>field(desc, G_SC);
  const splitN = field(desc, G_SPLIT_N) != 0;
  const tile = <i32>field(desc, G_TILE);
  const tiles = field(desc, G_TILES);
  for (let u = u0; u < u1; u++) {
    const r = <usize>(u / tiles);
    const t = <i32>(u % tiles);
    let pa = <usize>field(desc, G_PA) + r * sa;
    const patch = <usize>field(desc, G_PATCH);
    // the skip records of product r's A (one set when A is broadcast), starting at row block 0
    let skip = <usize>field(desc, G_SKIP);
    if (patch != 0) {
      // rows [i0, i1) of product r's patch matrix, gathered now into this unit's band; the
      // tile then reads row i at band + (i - i0)·aRow (address arithmetic wraps like the module's)
      const i0 = t * tile;
      const i1 = min(M, i0 + tile);
      const band = <usize>field(desc, G_PBAND) + <usize>u * <usize>tile * aRow;
      gatherRowsF32(patch, <usize>field(desc, G_PIMAGE), band, <i32>r, i0, i1);
      pa = band - <usize>i0 * aRow;
      if (skip != 0) {
        // the band's own lists, while it is in cache; read as if they started at row block 0
        const lists = skip + <usize>u * bandListBytes(tile, P);
        skipListsOf(band, i1 - i0, P, aRow, aK, lists, <usize>field(desc, G_SKIP) - <usize>SKIP_TABLE_BYTES, false, rowsCostOf(desc));
        skip = lists - <usize>(i0 >> 2) * <usize>((P + KC - 1) / KC) * recBytesOf(P);
      }
    } else if (skip != 0 && sa != 0) {
      skip += r * <usize>skipRecordsPerA(M, P) * recBytesOf(P);
    }
    const pb = <usize>field(desc, G_PB) + r * sb;
    const pc = <usize>field(desc, G_PC) + r * sc;
    if (splitN) {
      const j0 = t * tile;
      // a column band checks its own columns of B (gemmSkipListsF32 left that to the units)
      if (skip != 0 && !columnsFiniteF32(pb, N, P, j0, min(N, j0 + tile))) skip = 0;
      tileF32(pa, pb, pc, N, P, aRow, aK, pbias, 0, M, j0, min(N, j0 + tile), skip);
    } else {
      const i0 = t * tile;
      tileF32(pa, pb, pc, N, P, aRow, aK, pbias, i0, min(M, i0 + tile), 0, N, skip);
    }
  }
}

/**
 * Sets `bytes` bytes at `dst` to zero: `memory.fill`, a plain memset (the kernel heap's
 * `zero`: gradients cleared by `clearGrad()`, blocks reused by the allocator). From JavaScript a
 * fill of a shared memory's view is several times slower (every store is a relaxed atomic one).
 */
export function zeroBytes(dst: usize, bytes: usize): void {
  memory.fill(dst, 0, bytes);
}

/** Bytes of one unit's skip lists over a band of `tile` rows of a patch A. */
@inline
function bandListBytes(tile: i32, P: i32): usize {
  return <usize>skipRecordsPerA(tile, P) * recBytesOf(P);
}

/** Skip records of one A: one per 4-row block and block of KC values of k. */
@inline
function skipRecordsPerA(M: i32, P: i32): i32 {
  return (M >> 2) * ((P + KC - 1) / KC);
}

/** Whether every one of the n float32 values at p is finite (x - x is 0, not NaN). */
function allFiniteF32(p: usize, n: usize): bool {
  // x is finite iff its exponent bits are not all ones: (bits & 0x7f800000) != 0x7f800000
  const e = i32x4.splat(0x7f800000);
  let bad = i32x4.splat(0);
  let i: usize = 0;
  for (; i + 16 <= n; i += 16) {
    const q = p + (i << 2);
    const m0 = i32x4.eq(v128.and(v128.load(q), e), e);
    const m1 = i32x4.eq(v128.and(v128.load(q, 16), e), e);
    const m2 = i32x4.eq(v128.and(v128.load(q, 32), e), e);
    const m3 = i32x4.eq(v128.and(v128.load(q, 48), e), e);
    bad = v128.or(bad, v128.or(v128.or(m0, m1), v128.or(m2, m3)));
  }
  for (; i + 4 <= n; i += 4) bad = v128.or(bad, i32x4.eq(v128.and(v128.load(p + (i << 2)), e), e));
  let ok = !v128.any_true(bad);
  for (; i < n; i++) {
    const x = load<f32>(p + (i << 2));
    ok = ok && x - x == 0;
  }
  return ok;
}

/** Whether columns [j0, j1) of the row-major [P, N] float32 matrix at p are all finite. */
function columnsFiniteF32(p: usize, N: i32, P: i32, j0: i32, j1: i32): bool {
  const e = i32x4.splat(0x7f800000);
  let bad = i32x4.splat(0);
  const row: usize = <usize>N << 2;
  let ok = true;
  for (let k = 0; k < P; k++) {
    const q = p + <usize>k * row;
    let j = j0;
    for (; j + 4 <= j1; j += 4) bad = v128.or(bad, i32x4.eq(v128.and(v128.load(q + (<usize>j << 2)), e), e));
    for (; j < j1; j++) ok = ok && (load<u32>(q + (<usize>j << 2)) & 0x7f800000) != 0x7f800000;
  }
  return ok && !v128.any_true(bad);
}

/**
 * The table in front of the skip records (at G_SKIP − SKIP_TABLE_BYTES, written by
 * gemmSkipListsF32): for each 4-bit mask m, the positions of its set bits as bytes, lowest first
 * (the rest 0). Added to k·0x01010101 and stored as one u32 at a list's end, an entry appends the
 * needed ones of steps k…k+3; the count then moves on by popcnt(m). (In the scratch rather than a
 * data segment: the module has none, and its low memory is the thread pool's.) Then three u32
 * counts of the records gemmSkipListsF32 built: run row by row, on the union, dense (the
 * backend's statistics).
 */
export const SKIP_TABLE_BYTES: i32 = 80;
const SKIP_COUNTS: usize = 64;

function writeBitPositions(table: usize): void {
  for (let m: u32 = 0; m < 16; m++) {
    let packed: u32 = 0;
    let n: u32 = 0;
    for (let j: u32 = 0; j < 4; j++) {
      if ((m >> j) & 1) {
        packed |= j << (8 * n);
        n++;
      }
    }
    store<u32>(table + (<usize>m << 2), packed);
  }
  for (let i: usize = 0; i < 3; i++) store<u32>(table + SKIP_COUNTS + (i << 2), 0);
}

/** Appends the needed ones of steps k…k+3 (mask m, bit j: step k + j) to the list at `list` holding `count`; returns the new count. */
@inline
function append4(table: usize, list: usize, count: u32, k: i32, m: u32): u32 {
  store<u32>(list + 4 + <usize>count, <u32>k * 0x01010101 + load<u32>(table + (<usize>m << 2)));
  return count + popcnt(m);
}

/** Row blocks the scan of an A with `rows` rows looks at before it may stop (dense data). */
@inline
function lookBlocks(rows: i32): i32 {
  return max(1, (rows >> 2) >> 3);
}

/** Adds n to the u32 at p (atomically where threads can build lists together). */
@inline
function addCount(p: usize, n: u32): void {
  if (ASC_FEATURE_THREADS) atomic.add<u32>(p, n);
  else store<u32>(p, load<u32>(p) + n);
}

/** Adds a scan's block counts (row by row, union, dense) to the table's. */
function addCounts(table: usize, rows: u32, union: u32, dense: u32): void {
  addCount(table + SKIP_COUNTS, rows);
  addCount(table + SKIP_COUNTS + 4, union);
  addCount(table + SKIP_COUNTS + 8, dense);
}

/**
 * The skip records of one A (`rows` rows of P values: row i, step k at a + i·aRow + k·aK) at
 * `lists` (the bit table at `table`; with `counts`, the records' modes counted after it): per 4-row block and block of KC steps (see SKIP_REC_BYTES), the steps each row needs and
 * the steps any of them needs, and the cheapest way to run the block, for row blocks [ib0, ib1)
 * (ib1 −1: all). Returns whether every one of them runs dense.
 */
function skipListsOf(pa: usize, rows: i32, P: i32, aRow: usize, aK: usize, lists: usize, table: usize, counts: bool, rowsCost: u32, ib0: i32 = 0, ib1: i32 = -1): bool {
  const kBlocks = (P + KC - 1) / KC;
  const L = listBytesOf(P);
  const zero = i32x4.splat(0);
  let rec = lists + <usize>ib0 * <usize>kBlocks * recBytesOf(P);
  let nRows: u32 = 0, nUnion: u32 = 0, nDense: u32 = 0;
  const end = ib1 < 0 ? rows >> 2 : ib1;
  for (let ib = ib0; ib < end; ib++) {
    const a0 = pa + <usize>(ib << 2) * aRow;
    for (let kb = 0; kb < kBlocks; kb++) {
      const k0 = kb * KC;
      const kn = min(KC, P - k0);
      // counts of the union and of rows 0–3 (lists at rec, rec + L, … rec + 4L); every step's byte
      // is written and the count moves on when it is needed (no branch on the data)
      let cu: u32 = 0, c0: u32 = 0, c1: u32 = 0, c2: u32 = 0, c3: u32 = 0;
      const ak = a0 + <usize>k0 * aK;
      let k = 0;
      if (aK == 4 || aRow == 4) {
        for (; k + 4 <= kn; k += 4) {
          // four vectors (rows 0–3 of steps k…k+3, or steps k…k+3 of rows 0–3 when A is stored
          // transposed), each lane -1 where the value is not ±0, narrowed to bytes and gathered
          // into a 16-bit mask whose bits 4r…4r+3 are row r's steps k…k+3
          let v0: v128, v1: v128, v2: v128, v3: v128;
          if (aK == 4) {
            const a = ak + (<usize>k << 2);
            v0 = v128.load(a);
            v1 = v128.load(a + aRow);
            v2 = v128.load(a + 2 * aRow);
            v3 = v128.load(a + 3 * aRow);
          } else {
            const a = ak + <usize>k * aK;
            v0 = v128.load(a);
            v1 = v128.load(a + aK);
            v2 = v128.load(a + 2 * aK);
            v3 = v128.load(a + 3 * aK);
          }
          const n0 = i32x4.ne(i32x4.shl(v0, 1), zero);
          const n1 = i32x4.ne(i32x4.shl(v1, 1), zero);
          const n2 = i32x4.ne(i32x4.shl(v2, 1), zero);
          const n3 = i32x4.ne(i32x4.shl(v3, 1), zero);
          let bytes = i8x16.narrow_i16x8_s(i16x8.narrow_i32x4_s(n0, n1), i16x8.narrow_i32x4_s(n2, n3));
          // transposed: byte 4j + r is row r's step k + j; reorder to 4r + j
          if (aK != 4) bytes = i8x16.shuffle(bytes, bytes, 0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15);
          const m = <u32>i8x16.bitmask(bytes);
          c0 = append4(table, rec + L, c0, k, m & 15);
          c1 = append4(table, rec + 2 * L, c1, k, (m >> 4) & 15);
          c2 = append4(table, rec + 3 * L, c2, k, (m >> 8) & 15);
          c3 = append4(table, rec + 4 * L, c3, k, m >> 12);
          cu = append4(table, rec, cu, k, (m | (m >> 4) | (m >> 8) | (m >> 12)) & 15);
        }
      }
      for (; k < kn; k++) {
        const a = ak + <usize>k * aK;
        const b0 = <u32>((load<u32>(a) << 1) != 0);
        const b1 = <u32>((load<u32>(a + aRow) << 1) != 0);
        const b2 = <u32>((load<u32>(a + 2 * aRow) << 1) != 0);
        const b3 = <u32>((load<u32>(a + 3 * aRow) << 1) != 0);
        store<u8>(rec + L + 4 + <usize>c0, <u8>k);
        c0 += b0;
        store<u8>(rec + 2 * L + 4 + <usize>c1, <u8>k);
        c1 += b1;
        store<u8>(rec + 3 * L + 4 + <usize>c2, <u8>k);
        c2 += b2;
        store<u8>(rec + 4 * L + 4 + <usize>c3, <u8>k);
        c3 += b3;
        store<u8>(rec + 4 + <usize>cu, <u8>k);
        cu += b0 | b1 | b2 | b3;
      }
      store<u32>(rec + L, c0);
      store<u32>(rec + 2 * L, c1);
      store<u32>(rec + 3 * L, c2);
      store<u32>(rec + 4 * L, c3);
      // the cheapest of: every step (4·kn row-steps), the union (4·cu, a little dearer than
      // dense: counted as dense above 15/16), each row alone (its steps at the 1-row kernel's cost)
      const rowSteps = c0 + c1 + c2 + c3;
      if (rowSteps * rowsCost < 4 * min(cu, <u32>kn) * ROWS_COST_DEN) {
        store<u32>(rec, SKIP_ROWS);
        nRows++;
      } else if (cu * 16 > <u32>kn * 15) {
        store<u32>(rec, SKIP_DENSE);
        nDense++;
      } else {
        store<u32>(rec, cu);
        nUnion++;
      }
      rec += recBytesOf(P);
    }
  }
  if (counts) addCounts(table, nRows, nUnion, nDense);
  return nRows + nUnion == 0;
}

/**
 * Starts the skip lists of the product described at `desc` (written whole, G_SKIP 0) at `at`: the
 * bit table and counts (SKIP_TABLE_BYTES), then `batch` or one A's skipRecordsPerA records (the
 * lists). The first eighth of the first A's row blocks (lookBlocks) is scanned here: when all of
 * them ran dense, nothing more is built and 0 returned (dense data). Otherwise −(that count): the
 * caller builds the remaining row blocks, numbered across the batch's A's, with the side job of
 * mode 3 on the pool or gemmSkipRestF32 on its own thread, then calls gemmSkipFinishF32. A patch A
 * (gathered band by band inside the units, each unit building its band's lists at the lists +
 * u·bandListBytes) has nothing to scan here: it returns −(its row blocks), so only the finish runs.
 */
export function gemmSkipListsF32(desc: usize, at: usize): i32 {
  store<u32>(desc + (<usize>G_SKIP << 2), 0);
  writeBitPositions(at);
  const M = <i32>field(desc, G_M);
  if (field(desc, G_PATCH) != 0) return -(M >> 2);
  const look = lookBlocks(M);
  const P = <i32>field(desc, G_P);
  // dense data pays an eighth of the scan; a matrix sparse only further down runs dense (the same numbers)
  const dense = skipListsOf(<usize>field(desc, G_PA), M, P, <usize>field(desc, G_AROW), <usize>field(desc, G_AK), at + <usize>SKIP_TABLE_BYTES, at, true, rowsCostOf(desc), 0, look);
  return dense ? 0 : -look;
}

/** Row blocks [g0, g1) of the skip lists started at `at` (see gemmSkipListsF32), numbered across the A's of the product at `desc`. */
export function gemmSkipRestF32(desc: usize, at: usize, g0: i32, g1: i32): void {
  const M = <i32>field(desc, G_M);
  const P = <i32>field(desc, G_P);
  const aRow = <usize>field(desc, G_AROW);
  const aK = <usize>field(desc, G_AK);
  const sa = <usize>field(desc, G_SA);
  const pa = <usize>field(desc, G_PA);
  const RB = M >> 2;
  let g = g0;
  while (g < g1) {
    // the row blocks of one A in the range
    const r = g / RB;
    const ib0 = g - r * RB;
    const ib1 = min(RB, ib0 + (g1 - g));
    const recs = <usize>r * <usize>skipRecordsPerA(M, P) * recBytesOf(P);
    skipListsOf(pa + <usize>r * sa, M, P, aRow, aK, at + <usize>SKIP_TABLE_BYTES + recs, at, true, rowsCostOf(desc), ib0, ib1);
    g += ib1 - ib0;
  }
}

/**
 * Ends the skip lists started at `at`: whether they pay (some block runs row by row or on its
 * union, by the counts; a patch A's are built in the units and always tried), and for bands of rows
 * whether every value of B is finite (else a skipped 0·∞ would hide its NaN; bands of columns check
 * their own columns in parallel, just before they read them); then points G_SKIP at the lists.
 * Returns 1 when they are used, else 0.
 */
export function gemmSkipFinishF32(desc: usize, at: usize, batch: i32): i32 {
  if (field(desc, G_PATCH) == 0 && load<u32>(at + SKIP_COUNTS) + load<u32>(at + SKIP_COUNTS + 4) == 0) return 0;
  const N = <i32>field(desc, G_N);
  const P = <i32>field(desc, G_P);
  const sb = <usize>field(desc, G_SB);
  const bs = field(desc, G_SPLIT_N) != 0 ? 0 : sb == 0 ? 1 : batch;
  for (let r = 0; r < bs; r++) {
    if (!allFiniteF32(<usize>field(desc, G_PB) + <usize>r * sb, <usize>P * <usize>N)) return 0;
  }
  store<u32>(desc + (<usize>G_SKIP << 2), <u32>(at + <usize>SKIP_TABLE_BYTES));
  return 1;
}

/**
 * Units [u0, u1) of a parallel skip-list build (side job mode 3): `tile` row blocks a unit from
 * row block G_M up to G_P (numbered across the A's of the product described at G_PC), lists
 * started at G_PBAND.
 */
function skipListUnits(desc: usize, u0: u32, u1: u32): void {
  const main = <usize>field(desc, G_PC);
  const at = <usize>field(desc, G_PBAND);
  const start = <i32>field(desc, G_M);
  const total = <i32>field(desc, G_P);
  const tile = <i32>field(desc, G_TILE);
  for (let u = u0; u < u1; u++) {
    const g0 = start + <i32>u * tile;
    gemmSkipRestF32(main, at, g0, min(total, g0 + tile));
  }
}

/** Copies the row-major [rows, cols] float32 matrix at `src` transposed into `dst` ([cols, rows]). */
export function transposeF32(src: usize, dst: usize, rows: i32, cols: i32): void {
  const BS = 32; // blocked so both sides stay in cache
  for (let r0 = 0; r0 < rows; r0 += BS) {
    const r1 = min(rows, r0 + BS);
    for (let c0 = 0; c0 < cols; c0 += BS) {
      const c1 = min(cols, c0 + BS);
      for (let r = r0; r < r1; r++) {
        const s = src + (<usize>r * <usize>cols << 2);
        for (let c = c0; c < c1; c++) store<f32>(dst + ((<usize>c * <usize>rows + <usize>r) << 2), load<f32>(s + (<usize>c << 2)));
      }
    }
  }
}

/**
 * Calibration for `npm run bench -- gemm`: `iters` rounds of 12 independent f32x4 chains
 * `a = a·x + y` (a multiply then an add, no FMA, nothing loaded or stored), 96 float32 flops per
 * round. Its rate is what f32x4 arithmetic without FMA allows on one core here, the ceiling the
 * product's GFLOP/s are measured against. Returns a lane so the loop cannot be removed.
 */
export function peakF32x4(iters: i32): f32 {
  const x = f32x4.splat(0.5);
  const y = f32x4.splat(1.0);
  let a0 = f32x4.splat(0), a1 = f32x4.splat(0.1), a2 = f32x4.splat(0.2), a3 = f32x4.splat(0.3);
  let a4 = f32x4.splat(0.4), a5 = f32x4.splat(0.5), a6 = f32x4.splat(0.6), a7 = f32x4.splat(0.7);
  let a8 = f32x4.splat(0.8), a9 = f32x4.splat(0.9), a10 = f32x4.splat(1.1), a11 = f32x4.splat(1.2);
  for (let i = 0; i < iters; i++) {
    a0 = f32x4.add(f32x4.mul(a0, x), y);
    a1 = f32x4.add(f32x4.mul(a1, x), y);
    a2 = f32x4.add(f32x4.mul(a2, x), y);
    a3 = f32x4.add(f32x4.mul(a3, x), y);
    a4 = f32x4.add(f32x4.mul(a4, x), y);
    a5 = f32x4.add(f32x4.mul(a5, x), y);
    a6 = f32x4.add(f32x4.mul(a6, x), y);
    a7 = f32x4.add(f32x4.mul(a7, x), y);
    a8 = f32x4.add(f32x4.mul(a8, x), y);
    a9 = f32x4.add(f32x4.mul(a9, x), y);
    a10 = f32x4.add(f32x4.mul(a10, x), y);
    a11 = f32x4.add(f32x4.mul(a11, x), y);
  }
  const s = f32x4.add(f32x4.add(f32x4.add(a0, a1), f32x4.add(a2, a3)), f32x4.add(f32x4.add(a4, a5), f32x4.add(a6, a7)));
  return f32x4.extract_lane(f32x4.add(s, f32x4.add(f32x4.add(a8, a9), f32x4.add(a10, a11))), 0);
}

/** Units [u0, u1) of a gather (mode 1) or col2im (mode 2) job (see G_MODE). */
function sideUnits(desc: usize, mode: u32, u0: u32, u1: u32): void {
  const patch = <usize>field(desc, G_PATCH);
  const tile = <i32>field(desc, G_TILE);
  if (mode == 3) {
    skipListUnits(desc, u0, u1);
  } else if (mode == 1) {
    const P = <i32>field(desc, G_M);
    const kg = <usize>field(desc, G_P);
    const tiles = field(desc, G_TILES);
    for (let u = u0; u < u1; u++) {
      const q = <i32>(u / tiles);
      const p0 = <i32>(u % tiles) * tile;
      const p1 = min(P, p0 + tile);
      const dst = <usize>field(desc, G_PBAND) + ((<usize>q * <usize>P + <usize>p0) * kg << 2);
      gatherRowsF32(patch, <usize>field(desc, G_PIMAGE), dst, q, p0, p1);
    }
  } else {
    const N = load<i32>(patch);
    for (let u = u0; u < u1; u++) {
      const n0 = <i32>u * tile;
      rowsToImagesF32(patch, <usize>field(desc, G_PC), <usize>field(desc, G_PBAND), <usize>field(desc, G_PIMAGE), n0, min(N, n0 + tile));
    }
  }
}

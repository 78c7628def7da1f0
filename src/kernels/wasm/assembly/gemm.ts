// AssemblyScript source of the float32 matrix product behind nn.Linear (compiled by
// scripts/build-wasm.mjs through rmsprop.ts, not by tsc).
//
// gemmF32: C[M,N] = op(A)[M,P] · B[P,N], all float32, B and C row-major, and op(A)[i,k] read at
// `pa + i*aRow + k*aK` bytes, so one kernel serves A row-major (aRow = 4P, aK = 4) and A stored
// transposed as [P,M] (aRow = 4, aK = 4M).
//
// Accumulation order (documented contract, checked bit for bit by tests/kernels/gemm.test.ts):
// every C element is its own accumulator (one f32x4 lane or one scalar), starting at +0 and
// adding the float32-rounded products a[i,k]·b[k,j] for k = 0, 1, …, P-1 in that order, each
// multiply and each add one correctly rounded IEEE float32 op (no FMA, no reassociation, no
// partial sums). So the result equals the naive scalar loop
//   s = 0; for k in 0..P-1: s = f32(s + f32(a[i,k]·b[k,j]))
// whatever the blocking, and differs from a float64 sum rounded once by at most
// γ_P·Σ_k|a[i,k]·b[k,j]| with γ_P = P·u/(1-P·u), u = 2^-24 (Higham, Accuracy and Stability of
// Numerical Algorithms, §3.1).
//
// Register blocking: 4 rows × 8 columns of C (8 f32x4 accumulators, 2 loads of B and 4 splats of
// A per k). Columns are the outer loop, so the 8-column panel of B (P×32 bytes) stays in cache
// while every 4-row block of A walks it. Tails: 4-column (one vector), scalar columns, single rows.

@inline
function splatA(p: usize): v128 {
  return f32x4.splat(load<f32>(p));
}

/** C[i0..i0+R, j..j+8) for R = 4 (rows4) or 1. */
@inline
function block8(pa: usize, pb: usize, pc: usize, P: i32, aRow: usize, aK: usize, bK: usize, cRow: usize, rows4: bool): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  let a = pa;
  let b = pb;
  for (let k = 0; k < P; k++) {
    const b0 = v128.load(b);
    const b1 = v128.load(b, 16);
    const x0 = splatA(a);
    c00 = f32x4.add(c00, f32x4.mul(x0, b0));
    c01 = f32x4.add(c01, f32x4.mul(x0, b1));
    if (rows4) {
      const x1 = splatA(a + aRow);
      const x2 = splatA(a + 2 * aRow);
      const x3 = splatA(a + 3 * aRow);
      c10 = f32x4.add(c10, f32x4.mul(x1, b0));
      c11 = f32x4.add(c11, f32x4.mul(x1, b1));
      c20 = f32x4.add(c20, f32x4.mul(x2, b0));
      c21 = f32x4.add(c21, f32x4.mul(x2, b1));
      c30 = f32x4.add(c30, f32x4.mul(x3, b0));
      c31 = f32x4.add(c31, f32x4.mul(x3, b1));
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

/** C[i0..i0+R, j..j+4) for R = 4 or 1. */
@inline
function block4(pa: usize, pb: usize, pc: usize, P: i32, aRow: usize, aK: usize, bK: usize, cRow: usize, rows4: bool): void {
  let c0 = f32x4.splat(0), c1 = f32x4.splat(0), c2 = f32x4.splat(0), c3 = f32x4.splat(0);
  let a = pa;
  let b = pb;
  for (let k = 0; k < P; k++) {
    const b0 = v128.load(b);
    c0 = f32x4.add(c0, f32x4.mul(splatA(a), b0));
    if (rows4) {
      c1 = f32x4.add(c1, f32x4.mul(splatA(a + aRow), b0));
      c2 = f32x4.add(c2, f32x4.mul(splatA(a + 2 * aRow), b0));
      c3 = f32x4.add(c3, f32x4.mul(splatA(a + 3 * aRow), b0));
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

/** One scalar column j of C, rows i0..i0+R for R = 4 or 1. */
@inline
function block1(pa: usize, pb: usize, pc: usize, P: i32, aRow: usize, aK: usize, bK: usize, cRow: usize, rows4: bool): void {
  let s0: f32 = 0, s1: f32 = 0, s2: f32 = 0, s3: f32 = 0;
  let a = pa;
  let b = pb;
  for (let k = 0; k < P; k++) {
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
 * C[M,N] = op(A)[M,P]·B[P,N] in float32 (see the header for the layout and the accumulation
 * order). Pointers are byte offsets in the heap; C must not overlap A or B.
 */
export function gemmF32(pa: usize, pb: usize, pc: usize, M: i32, N: i32, P: i32, aRow: usize, aK: usize): void {
  const bK: usize = <usize>N << 2;
  const cRow: usize = <usize>N << 2;
  const M4 = M & ~3;
  let j = 0;
  for (; j + 8 <= N; j += 8) {
    const b = pb + (<usize>j << 2);
    let i = 0;
    for (; i < M4; i += 4) block8(pa + <usize>i * aRow, b, pc + <usize>i * cRow + (<usize>j << 2), P, aRow, aK, bK, cRow, true);
    for (; i < M; i++) block8(pa + <usize>i * aRow, b, pc + <usize>i * cRow + (<usize>j << 2), P, aRow, aK, bK, cRow, false);
  }
  for (; j + 4 <= N; j += 4) {
    const b = pb + (<usize>j << 2);
    let i = 0;
    for (; i < M4; i += 4) block4(pa + <usize>i * aRow, b, pc + <usize>i * cRow + (<usize>j << 2), P, aRow, aK, bK, cRow, true);
    for (; i < M; i++) block4(pa + <usize>i * aRow, b, pc + <usize>i * cRow + (<usize>j << 2), P, aRow, aK, bK, cRow, false);
  }
  for (; j < N; j++) {
    const b = pb + (<usize>j << 2);
    let i = 0;
    for (; i < M4; i += 4) block1(pa + <usize>i * aRow, b, pc + <usize>i * cRow + (<usize>j << 2), P, aRow, aK, bK, cRow, true);
    for (; i < M; i++) block1(pa + <usize>i * aRow, b, pc + <usize>i * cRow + (<usize>j << 2), P, aRow, aK, bK, cRow, false);
  }
}

/**
 * Argument checks shared by every backend, so each throws the same error, before anything is
 * modified.
 */
import { TypeError as PaddleTypeError, ValueError } from '../errors.js';
import type { GemmCall, ImageLayout, KernelDType, MaxPoolCall, PatchGeometry, RmspropHyper, RmspropSlot, RmspropVariant } from './types.js';

const SLOT_ARRAYS = ['param', 'grad', 'meanSquare', 'moment', 'meanGrad'] as const;

function arrayTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  return (value as { constructor?: { name?: string } }).constructor?.name ?? 'object';
}

function checkDType(dtype: unknown): asserts dtype is KernelDType {
  if (dtype !== 'float32' && dtype !== 'float64') {
    throw new PaddleTypeError(
      `The kernel dtype must be 'float32' or 'float64', but received ${JSON.stringify(dtype)}.`,
    );
  }
}

// The checks build their message only when they fail: a step allocates nothing.

function checkArray(dtype: KernelDType, value: unknown, index: number, key: string): void {
  const ok = dtype === 'float32' ? value instanceof Float32Array : value instanceof Float64Array;
  if (!ok) {
    const want = dtype === 'float32' ? 'Float32Array' : 'Float64Array';
    throw new PaddleTypeError(
      `The kernel input ${where(index, key)} must be a ${want} for dtype ${dtype}, but received ${arrayTypeName(value)}.`,
    );
  }
}

function checkNumber(value: unknown, index: number, key: string): void {
  if (typeof value !== 'number') {
    throw new PaddleTypeError(
      `The kernel input ${where(index, key)} must be a number, but received ${arrayTypeName(value)}.`,
    );
  }
}

function where(index: number, key: string): string {
  if (index < 0) return key;
  return key === '' ? `arrays[${index}]` : `slots[${index}].${key}`;
}

/** Checks a group of RMSProp slots; returns the total number of elements. */
export function validateSlots(
  dtype: KernelDType,
  slots: readonly RmspropSlot<Float32Array | Float64Array>[],
): number {
  checkDType(dtype);
  let total = 0;
  for (let s = 0; s < slots.length; s++) {
    const slot = slots[s];
    if (slot === undefined || slot === null || typeof slot !== 'object') {
      throw new PaddleTypeError(
        `The kernel input slots[${s}] must be an object, but received ${arrayTypeName(slot)}.`,
      );
    }
    checkArray(dtype, slot.param, s, 'param');
    checkArray(dtype, slot.grad, s, 'grad');
    checkArray(dtype, slot.meanSquare, s, 'meanSquare');
    checkArray(dtype, slot.moment, s, 'moment');
    checkArray(dtype, slot.meanGrad, s, 'meanGrad');
    const n = slot.param.length;
    if (
      slot.grad.length !== n ||
      slot.meanSquare.length !== n ||
      slot.moment.length !== n ||
      slot.meanGrad.length !== n
    ) {
      for (const key of SLOT_ARRAYS) {
        if (slot[key].length !== n) {
          throw new ValueError(
            `The kernel input slots[${s}].${key} must have the length of slots[${s}].param (${n}), but received length ${slot[key].length}.`,
          );
        }
      }
    }
    checkScalars(slot, s);
    total += n;
  }
  return total;
}

function checkScalars(slot: RmspropSlot<Float32Array | Float64Array>, s: number): void {
  checkNumber(slot.lr, s, 'lr');
  if (slot.clipMin !== undefined) checkNumber(slot.clipMin, s, 'clipMin');
  if (slot.clipMax !== undefined) checkNumber(slot.clipMax, s, 'clipMax');
  if (slot.gradScale !== undefined) checkNumber(slot.gradScale, s, 'gradScale');
  if (slot.paramScale !== undefined) checkNumber(slot.paramScale, s, 'paramScale');
  if (slot.decay !== undefined) {
    const kind: unknown = slot.decay.kind;
    if (kind !== 'l1' && kind !== 'l2') {
      throw new ValueError(
        `The kernel input slots[${s}].decay.kind must be 'l1' or 'l2', but received ${JSON.stringify(kind)}.`,
      );
    }
    checkNumber(slot.decay.coeff, s, 'decay.coeff');
  }
}

/**
 * The checks of `validateSlots` that do not involve the arrays, for a group whose arrays are
 * known to be the ones already checked (same objects, heap unchanged).
 */
export function validateSlotScalars(slots: readonly RmspropSlot<Float32Array | Float64Array>[]): void {
  for (let s = 0; s < slots.length; s++) checkScalars(slots[s]!, s);
}

/** Checks the arrays of a sum of squares; returns the total number of elements. */
export function validateArrays(
  dtype: KernelDType,
  arrays: readonly (Float32Array | Float64Array)[],
): number {
  checkDType(dtype);
  let total = 0;
  for (let a = 0; a < arrays.length; a++) {
    const arr = arrays[a];
    checkArray(dtype, arr, a, '');
    total += (arr as Float32Array | Float64Array).length;
  }
  return total;
}

/** Checks the hyper-parameters' types (their values are the optimizer's business). */
export function validateHyper(hyper: RmspropHyper): void {
  if (hyper === null || typeof hyper !== 'object') {
    throw new PaddleTypeError(
      `The kernel input hyper must be an object, but received ${arrayTypeName(hyper)}.`,
    );
  }
  checkNumber(hyper.rho, -1, 'hyper.rho');
  checkNumber(hyper.epsilon, -1, 'hyper.epsilon');
  checkNumber(hyper.momentum, -1, 'hyper.momentum');
  if (typeof hyper.centered !== 'boolean') {
    throw new PaddleTypeError(
      `The kernel input hyper.centered must be a boolean, but received ${arrayTypeName(hyper.centered)}.`,
    );
  }
  const variant = hyper.variant;
  if (variant === undefined || variant === 'paddle') {
    if (hyper.momentumBuffer === undefined && hyper.lrInMomentum === undefined && hyper.epsInSqrt === undefined) return;
  } else if (!VARIANTS.includes(variant)) {
    throw new ValueError(
      `The kernel input hyper.variant must be one of ${VARIANTS.map((v) => `'${v}'`).join(', ')}, but received ${JSON.stringify(variant)}.`,
    );
  }
  const v = variant ?? 'paddle';
  for (const key of ['momentumBuffer', 'lrInMomentum', 'epsInSqrt'] as const) {
    const flag = hyper[key];
    if (flag !== undefined && typeof flag !== 'boolean') {
      throw new PaddleTypeError(`The kernel input hyper.${key} must be a boolean, but received ${arrayTypeName(flag)}.`);
    }
  }
  if (hyper.momentumBuffer === false && (v === 'paddle' || v === 'tfjs' || v === 'tf1')) {
    throw new ValueError(`The kernel input hyper.momentumBuffer cannot be false for the variant '${v}' (it always keeps a momentum buffer).`);
  }
  if (hyper.lrInMomentum !== undefined && v !== 'timm') {
    throw new ValueError(`The kernel input hyper.lrInMomentum applies to the variant 'timm' only, but the variant is '${v}'.`);
  }
  if (hyper.epsInSqrt !== undefined && v !== 'optax') {
    throw new ValueError(`The kernel input hyper.epsInSqrt applies to the variant 'optax' only, but the variant is '${v}'.`);
  }
}

const VARIANTS: readonly RmspropVariant[] = ['paddle', 'torch', 'keras', 'tfjs', 'tf1', 'timm', 'optax'];

/** A `GemmCall` with every default filled in, checked by `resolveGemm`. */
export interface ResolvedGemm<A extends Float32Array | Float64Array = Float32Array | Float64Array> {
  a: A;
  b: A;
  c: A;
  bias: A | null;
  m: number;
  n: number;
  k: number;
  transA: boolean;
  transB: boolean;
  aOffset: number;
  bOffset: number;
  cOffset: number;
  batch: number;
  strideA: number;
  strideB: number;
  strideC: number;
  /** The image whose patch matrix is A (in `a`), B (in `b`), or into which C is summed (`c`). */
  aPatches: PatchGeometry | null;
  bPatches: PatchGeometry | null;
  cPatches: PatchGeometry | null;
  /** A's / C's matrices as the channels of an NCHW tensor. */
  aImage: ImageLayout | null;
  cImage: ImageLayout | null;
}

function checkImageLayout(value: unknown, key: string): ImageLayout | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object') throw new PaddleTypeError(`gemm: '${key}' must be an { n, hw } object, but received ${arrayTypeName(value)}.`);
  const v = value as Record<string, unknown>;
  for (const f of ['n', 'hw']) {
    const x = v[f];
    if (typeof x !== 'number' || !Number.isSafeInteger(x) || x < 0) throw new ValueError(`gemm: '${key}.${f}' must be a non-negative integer, but received ${String(x)}.`);
  }
  return { n: v.n as number, hw: v.hw as number };
}

const PATCH_POSITIVE = ['kh', 'kw', 'sh', 'sw', 'dh', 'dw', 'groups'] as const;
const PATCH_COUNTS = ['n', 'c', 'h', 'w', 'pt', 'pl', 'oh', 'ow'] as const;

/** A checked copy of a `PatchGeometry` (or null when none was given). */
function checkPatches(value: unknown, key: string): PatchGeometry | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object') throw new PaddleTypeError(`gemm: '${key}' must be a patch geometry object, but received ${arrayTypeName(value)}.`);
  const v = value as Record<string, unknown>;
  const int = (f: string, min: number): number => {
    const x = v[f];
    if (typeof x !== 'number' || !Number.isSafeInteger(x) || x < min) {
      throw new ValueError(`gemm: '${key}.${f}' must be an integer >= ${min}, but received ${String(x)}.`);
    }
    return x;
  };
  const g = { channelsLast: v.channelsLast === true } as PatchGeometry;
  for (const f of PATCH_POSITIVE) g[f] = int(f, 1);
  for (const f of PATCH_COUNTS) g[f] = int(f, 0);
  if (g.c % g.groups !== 0) throw new ValueError(`gemm: '${key}': ${g.c} channels cannot be split into ${g.groups} groups.`);
  return g;
}

/** Checks that the product's A/B/C dimensions are those of the patch matrix of `g`. */
function checkPatchMatrix(g: PatchGeometry, key: string, rows: number, cols: number, batch: number, image: Float32Array | Float64Array, plain: boolean): void {
  const P = g.n * g.oh * g.ow;
  const kg = (g.c / g.groups) * g.kh * g.kw;
  if (rows !== P || cols !== kg || batch !== g.groups || !plain) {
    throw new ValueError(
      `gemm: '${key}' makes a [${g.groups}, ${P}, ${kg}] patch matrix (not transposed, no offset or stride), but the call's operand is [${batch}, ${rows}, ${cols}].`,
    );
  }
  const need = g.n * g.c * g.h * g.w;
  if (image.length < need) throw new ValueError(`gemm: the image of '${key}' needs ${need} elements but its array has ${image.length}.`);
}

function gemmInt(value: unknown, key: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new ValueError(`gemm: '${key}' must be a non-negative integer, but received ${String(value)}.`);
  }
  return value;
}

function gemmBool(value: unknown, key: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw new PaddleTypeError(`gemm: '${key}' must be a boolean, but received ${arrayTypeName(value)}.`);
  return value;
}

/** [first, end) element span of `batch` matrices of `size` elements `stride` apart from `offset`. */
function span(offset: number, stride: number, batch: number, size: number): [number, number] {
  return size === 0 || batch === 0 ? [offset, offset] : [offset, offset + (batch - 1) * stride + size];
}

function overlaps(x: Float32Array | Float64Array, xs: [number, number], y: Float32Array | Float64Array, ys: [number, number]): boolean {
  if (x.buffer !== y.buffer || xs[0] === xs[1] || ys[0] === ys[1]) return false;
  const bx = x.byteOffset + xs[0] * x.BYTES_PER_ELEMENT;
  const ex = x.byteOffset + xs[1] * x.BYTES_PER_ELEMENT;
  const by = y.byteOffset + ys[0] * y.BYTES_PER_ELEMENT;
  const ey = y.byteOffset + ys[1] * y.BYTES_PER_ELEMENT;
  return bx < ey && by < ex;
}

/**
 * Checks a `GemmCall` (types, non-negative integer sizes, every operand inside its array, C
 * apart from the inputs) and fills in its defaults; throws before anything is written.
 */
export function resolveGemm(dtype: KernelDType, call: GemmCall<Float32Array | Float64Array>): ResolvedGemm {
  checkDType(dtype);
  if (call === null || typeof call !== 'object') throw new PaddleTypeError(`gemm: the call must be an object, but received ${arrayTypeName(call)}.`);
  checkArray(dtype, call.a, -1, 'gemm a');
  checkArray(dtype, call.b, -1, 'gemm b');
  checkArray(dtype, call.c, -1, 'gemm c');
  const bias = call.bias ?? null;
  if (bias !== null) checkArray(dtype, bias, -1, 'gemm bias');
  const m = gemmInt(call.m, 'm', -1);
  const n = gemmInt(call.n, 'n', -1);
  const k = gemmInt(call.k, 'k', -1);
  if (m < 0 || n < 0 || k < 0) throw new ValueError(`gemm: 'm', 'n' and 'k' are required, but received m=${String(call.m)}, n=${String(call.n)}, k=${String(call.k)}.`);
  const batch = gemmInt(call.batch, 'batch', 1);
  const r: ResolvedGemm = {
    a: call.a,
    b: call.b,
    c: call.c,
    bias,
    m,
    n,
    k,
    transA: gemmBool(call.transA, 'transA'),
    transB: gemmBool(call.transB, 'transB'),
    aOffset: gemmInt(call.aOffset, 'aOffset', 0),
    bOffset: gemmInt(call.bOffset, 'bOffset', 0),
    cOffset: gemmInt(call.cOffset, 'cOffset', 0),
    batch,
    strideA: gemmInt(call.strideA, 'strideA', m * k),
    strideB: gemmInt(call.strideB, 'strideB', k * n),
    strideC: gemmInt(call.strideC, 'strideC', m * n),
    aPatches: checkPatches(call.aPatches, 'aPatches'),
    bPatches: checkPatches(call.bPatches, 'bPatches'),
    cPatches: checkPatches(call.cPatches, 'cPatches'),
    aImage: checkImageLayout(call.aImage, 'aImage'),
    cImage: checkImageLayout(call.cImage, 'cImage'),
  };
  if ((r.aImage !== null && r.aPatches !== null) || (r.cImage !== null && r.cPatches !== null)) {
    throw new ValueError("gemm: an operand is either patches or an image layout, not both ('aPatches' with 'aImage', or 'cPatches' with 'cImage').");
  }
  const imageSpan = (g: PatchGeometry): [number, number] => [0, g.n * g.c * g.h * g.w];
  const plainOf = (key: 'A' | 'B' | 'C', transposable: boolean): boolean => {
    const c = call as unknown as Record<string, unknown>;
    return (transposable || c[`trans${key}`] !== true) && c[`${key.toLowerCase()}Offset`] === undefined && c[`stride${key}`] === undefined;
  };
  const plain = (key: 'A' | 'B' | 'C'): boolean => plainOf(key, false);
  if (r.aPatches !== null) checkPatchMatrix(r.aPatches, 'aPatches', m, k, batch, r.a, plain('A'));
  if (r.bPatches !== null) checkPatchMatrix(r.bPatches, 'bPatches', k, n, batch, r.b, plain('B'));
  if (r.cPatches !== null) {
    checkPatchMatrix(r.cPatches, 'cPatches', m, n, batch, r.c, plain('C'));
    if (bias !== null) throw new ValueError("gemm: 'cPatches' takes no bias.");
  }
  const layoutSpan = (l: ImageLayout, key: 'A' | 'C', rows: number, cols: number): [number, number] => {
    if (rows !== l.n * l.hw || !plainOf(key, true)) {
      throw new ValueError(`gemm: '${key.toLowerCase()}Image' stores [${l.n}·${l.hw}, cols] matrices (no offset or stride), but the call's ${key} is [${rows}, ${cols}].`);
    }
    return [0, batch * rows * cols];
  };
  if (r.aImage !== null) layoutSpan(r.aImage, 'A', r.transA ? k : m, r.transA ? m : k);
  if (r.cImage !== null) layoutSpan(r.cImage, 'C', m, n);
  const sa = r.aPatches !== null ? imageSpan(r.aPatches) : r.aImage !== null ? [0, batch * m * k] as [number, number] : span(r.aOffset, r.strideA, batch, m * k);
  const sb = r.bPatches !== null ? imageSpan(r.bPatches) : span(r.bOffset, r.strideB, batch, k * n);
  const sc = r.cPatches !== null ? imageSpan(r.cPatches) : r.cImage !== null ? [0, batch * m * n] as [number, number] : span(r.cOffset, r.strideC, batch, m * n);
  const check = (name: string, arr: Float32Array | Float64Array, s: [number, number]): void => {
    if (s[1] > arr.length) {
      throw new ValueError(
        `gemm: operand ${name} needs ${s[1]} elements (m=${m}, n=${n}, k=${k}, batch=${batch}) but its array has ${arr.length}.`,
      );
    }
  };
  check('A', r.a, sa);
  check('B', r.b, sb);
  check('C', r.c, sc);
  if (bias !== null && m * n * batch > 0 && bias.length < n) {
    throw new ValueError(`gemm: the bias needs ${n} elements but has ${bias.length}.`);
  }
  if (batch > 1 && r.strideC < m * n && m * n > 0) {
    throw new ValueError(`gemm: strideC (${r.strideC}) is smaller than one product (${m}×${n}); the outputs would overlap.`);
  }
  if (overlaps(r.c, sc, r.a, sa) || overlaps(r.c, sc, r.b, sb) || (bias !== null && overlaps(r.c, sc, bias, [0, n]))) {
    throw new ValueError('gemm: the output C overlaps an input (A, B or the bias); give it memory of its own.');
  }
  return r;
}

/**
 * The checks of the element-wise kernels (`relu`, `reluGrad`, `sigmoid`, `exp`): `dtype`, each array
 * `dtype`'s typed array, one length.
 * @param where - The method's name, for the messages.
 * @param dtype - The kernel dtype.
 * @param arrays - The call's arrays, named.
 * @throws {@link errors.TypeError} when `dtype` is not float32/float64 or an array has the wrong type; {@link errors.ValueError} when the lengths differ.
 */
export function validateElementwise(where: string, dtype: KernelDType, arrays: Readonly<Record<string, unknown>>): void {
  checkDType(dtype);
  let n = -1;
  for (const [key, a] of Object.entries(arrays)) {
    checkArray(dtype, a, -1, `${where} ${key}`);
    const len = (a as Float32Array | Float64Array).length;
    if (n >= 0 && len !== n) {
      throw new ValueError(`${where}: the arrays must have one length, but ${Object.entries(arrays).map(([k, v]) => `${k} has ${(v as Float32Array).length}`).join(', ')}.`);
    }
    n = len;
  }
}

/** Checks a `MaxPoolCall` (types, sizes, every window inside the image) before anything is written. */
export function validateMaxPool(dtype: KernelDType, call: MaxPoolCall<Float32Array | Float64Array>): void {
  checkDType(dtype);
  if (call === null || typeof call !== 'object') throw new PaddleTypeError(`maxPool: the call must be an object, but received ${arrayTypeName(call)}.`);
  checkArray(dtype, call.x, -1, 'maxPool x');
  checkArray(dtype, call.out, -1, 'maxPool out');
  for (const key of ['arg', 'rows', 'cols'] as const) {
    if (!(call[key] instanceof Int32Array)) throw new PaddleTypeError(`maxPool: '${key}' must be an Int32Array, but received ${arrayTypeName(call[key])}.`);
  }
  const dims = { n: call.n, c: call.c, h: call.h, w: call.w, oh: call.oh, ow: call.ow };
  for (const [key, v] of Object.entries(dims)) {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw new ValueError(`maxPool: '${key}' must be a non-negative integer, but received ${String(v)}.`);
  }
  const planes = call.n * call.c;
  if (call.x.length < planes * call.h * call.w) throw new ValueError(`maxPool: x needs ${planes * call.h * call.w} elements but has ${call.x.length}.`);
  const outs = planes * call.oh * call.ow;
  if (call.out.length < outs || call.arg.length < outs) throw new ValueError(`maxPool: out and arg need ${outs} elements but have ${call.out.length} and ${call.arg.length}.`);
  const inside = (b: Int32Array, count: number, size: number, key: string): void => {
    if (b.length < 2 * count) throw new ValueError(`maxPool: '${key}' needs ${2 * count} bounds but has ${b.length}.`);
    for (let i = 0; i < count; i++) {
      const lo = b[2 * i] as number;
      const hi = b[2 * i + 1] as number;
      if (lo < 0 || hi > size) throw new ValueError(`maxPool: window ${i} of '${key}' ([${lo}, ${hi})) leaves the image (size ${size}).`);
    }
  };
  inside(call.rows, call.oh, call.h, 'rows');
  inside(call.cols, call.ow, call.w, 'cols');
}

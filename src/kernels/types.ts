/**
 * The kernel contract (DESIGN.md §3): every backend (`ref`, `wasm-simd`, `wasm-simd-threads`)
 * implements `KernelBackend` with the same numbers, bit for bit. Kernels know nothing about
 * tensors: they take typed arrays and plain numbers.
 */

export type KernelDType = 'float32' | 'float64';

/**
 * Whose RMSProp a kernel call computes: the same per-element recurrence in real arithmetic, but
 * each framework's own float32 expression order, operation for operation (src/kernels/ref/rmsprop.ts
 * `rmspropVariantSlot` states every formula; the WebAssembly kernel mirrors it). With T the dtype and
 * every operation rounded to T:
 *
 * - `'paddle'` (default): Paddle's kernel, spec §7 (see `RmspropSlot`).
 * - `'torch'`: PyTorch 1.13 `_single_tensor_rmsprop` on AVX2 CPUs: ε outside the square root, the
 *   learning rate outside the momentum buffer, `fma` one rounding (float32: C's `fmaf`; float64:
 *   `a·b + c` with two roundings, as PyTorch's double kernels).
 * - `'keras'`: Keras 3 `RMSprop.update_step`: `ρ·v + (1−ρ)·(g·g)`, ε inside, lr inside.
 * - `'tfjs'`: TF.js 4.x: Keras's expression, the momentum buffer always kept, and the centered
 *   denominator `sqrt(ms − (mg² + ε))` (ε subtracted).
 * - `'tf1'`: TensorFlow 1's ApplyRMSProp / ApplyCenteredRMSProp: `ms + (g² − ms)·(1−ρ)`.
 * - `'timm'`: timm's RMSpropTF on PyTorch: TensorFlow's expression with `fma`, lr inside the
 *   buffer (`lrInMomentum: false`: outside, PyTorch's form).
 * - `'optax'`: Optax's `rmsprop` chain (scale_by_rms / scale_by_stddev, scale(−lr), trace) without
 *   bias correction or Nesterov: `param` receives the *update* (not read; `optax.apply_updates`
 *   adds it), ε inside the square root (`epsInSqrt: false`: after it).
 */
export type RmspropVariant = 'paddle' | 'torch' | 'keras' | 'tfjs' | 'tf1' | 'timm' | 'optax';

/** RMSProp hyper-parameters, raw JS numbers as the user gave them (the kernel rounds them). */
export interface RmspropHyper {
  /** Decay of the mean square (Paddle's `rho`). */
  rho: number;
  /** Added inside the square root (Paddle's `epsilon`). */
  epsilon: number;
  /** Momentum of the update buffer (Paddle's `momentum`; 0 for none). */
  momentum: number;
  /** Divide by the centered second moment, `ms - mg²` (Paddle's `centered`). */
  centered: boolean;
  /**
   * The framework whose float32 expression order the kernel computes (default `'paddle'`). How
   * each variant rounds `rho`, `epsilon`, `momentum` and `1 − rho` is `variantScalars`'s rule
   * (src/kernels/ref/rmsprop.ts): Paddle and TF1 round them to float32 first (also for float64);
   * the others round the user's numbers to T directly, `1 − rho` from the unrounded rho.
   */
  variant?: RmspropVariant;
  /**
   * Whether the framework keeps a momentum buffer (default true). False (PyTorch, Keras, timm with
   * momentum 0; Optax without `trace`): `moment` is neither read nor written and the variant's
   * update without momentum applies. Paddle, TF.js and TF1 always keep one (false is a ValueError).
   */
  momentumBuffer?: boolean;
  /** `'timm'` only: the learning rate inside the momentum buffer (default true, timm's default). */
  lrInMomentum?: boolean;
  /** `'optax'` only: ε inside the square root (default true, Optax's default). */
  epsInSqrt?: boolean;
}

/** L1 or L2 weight decay fused into the update (spec §8). */
export interface KernelDecay {
  /** `'l1'` adds `coeff·sign(p)`, `'l2'` adds `coeff·p` (Paddle's L1Decay / L2Decay). */
  kind: 'l1' | 'l2';
  /** Rounded to the dtype by the kernel. */
  coeff: number;
}

/**
 * One parameter's update: the five arrays (same length each) and its transforms.
 *
 * The gradient transforms are applied in this order, each op rounded to the dtype, to a local
 * copy of the gradient (`grad` itself is never written):
 * 1. `clipMin` / `clipMax` (ClipGradByValue): `g = g < min ? min : g > max ? max : g`; NaN passes.
 *    Both are rounded to the dtype; a missing bound is -Infinity / +Infinity.
 * 2. `gradScale` (ClipGradByNorm / ClipGradByGlobalNorm): `g = g * scale`.
 * 3. `decay`: `g = g + coeff * p` (l2) or `g = g + coeff * sign(p)` (l1, with sign(±0) = sign(NaN)
 *    = +0 as Eigen's sign), using the parameter before this step's update. With the `'torch'` and
 *    `'timm'` variants, l2 is PyTorch's `grad.add(p, alpha=coeff)`: `g = fma(p, coeff, g)`.
 *
 * PyTorch's `maximize` is `gradScale: -1` (an exact negation).
 */
export interface RmspropSlot<A extends Float32Array | Float64Array> {
  /** The parameter, updated in place. */
  param: A;
  /** Its gradient (only read). */
  grad: A;
  /** Paddle's `mean_square` accumulator, updated in place. */
  meanSquare: A;
  /** Paddle's `moment` accumulator (the update buffer, learning rate folded in), updated in place. */
  moment: A;
  /** Always passed (Paddle always allocates it); only read and written when centered. */
  meanGrad: A;
  /** The learning rate in the dtype (the optimizer passes `Math.fround(lr)` for float32). */
  lr: number;
  /** ClipGradByValue's lower bound (transform 1). */
  clipMin?: number;
  /** ClipGradByValue's upper bound (transform 1). */
  clipMax?: number;
  /** ClipGradByNorm / ClipGradByGlobalNorm's factor (transform 2). */
  gradScale?: number;
  /** L1/L2 decay fused into the gradient (transform 3). */
  decay?: KernelDecay;
  /**
   * Transform 0, before the others: the parameter is first multiplied by T(paramScale) (timm's
   * decoupled weight decay `p·(1 − lr·wd)`); the decay of transform 3 and the update use the
   * scaled value.
   */
  paramScale?: number;
}

/**
 * One matrix product, or a batch of them, for `KernelBackend.gemm`:
 * `C_r[m,n] = op(A_r)[m,k]·op(B_r)[k,n] (+ bias[n])` for r = 0 … batch-1, where `op(A_r)` is the
 * row-major `[m,k]` matrix at `a[aOffset + r·strideA …]`, or the `[k,m]` one read transposed when
 * `transA`; likewise `op(B_r)` is `[k,n]`, or `[n,k]` read transposed when `transB`; `C_r` is the
 * row-major `[m,n]` matrix at `c[cOffset + r·strideC …]`, overwritten. Offsets and strides count
 * elements; a stride of 0 uses the same matrix for every r (a broadcast operand).
 *
 * Numbers (the contract every backend keeps, bit for bit, at every thread count): each element of
 * C is its own accumulator, starting at +0 and adding the products `a·b` for k = 0, 1, …, K-1 in
 * that order, every multiply and every add one correctly rounded operation of the dtype (no fused
 * multiply-add, no reassociation, no partial sums); then `bias[j]` is added, rounded once more.
 * That is `paddle.matmul` followed by `paddle.add`, as Paddle's `linear` is. Threads split the
 * output, never a sum, so the thread count cannot change a bit.
 */
export interface GemmCall<A extends Float32Array | Float64Array> {
  /** The left operand's array. */
  a: A;
  /** The right operand's array. */
  b: A;
  /** The output's array (overwritten where the products go; nothing else is touched). */
  c: A;
  /** Rows of op(A) and of C. */
  m: number;
  /** Columns of op(B) and of C. */
  n: number;
  /** Columns of op(A), rows of op(B): the length of every sum. */
  k: number;
  /** A is stored `[k, m]` and read transposed (default false). */
  transA?: boolean;
  /** B is stored `[n, k]` and read transposed (default false). */
  transB?: boolean;
  /** Element offset of the first A matrix in `a` (default 0). */
  aOffset?: number;
  /** Element offset of the first B matrix in `b` (default 0). */
  bOffset?: number;
  /** Element offset of the first C matrix in `c` (default 0). */
  cOffset?: number;
  /** Products in the call (default 1). */
  batch?: number;
  /** Elements from one A matrix to the next (default m·k; 0 repeats the same matrix). */
  strideA?: number;
  /** Elements from one B matrix to the next (default k·n; 0 repeats the same matrix). */
  strideB?: number;
  /** Elements from one C matrix to the next (default m·n; at least m·n). */
  strideC?: number;
  /** `[n]`, added to every row of every product after its sum. */
  bias?: A | null;
  /**
   * A is not stored: it is the patch matrix (im2col with the patches as rows, `imageToRows`) of
   * the image held in `a`, one product per group: `m = N·OH·OW`, `k = C/g·kh·kw`,
   * `batch = groups`, not transposed, no offset or stride given. Used by convolution's forward
   * product; the numbers are those of the product over the materialised matrix.
   */
  aPatches?: PatchGeometry | null;
  /** B is the patch matrix of the image in `b` (as `aPatches`: `k = N·OH·OW`, `n = C/g·kh·kw`). */
  bPatches?: PatchGeometry | null;
  /**
   * C is not stored: its rows are summed back into the image `c` (`rowsToImage`, col2im), which
   * is overwritten: `m = N·OH·OW`, `n = C/g·kh·kw`, `batch = groups`, no bias. Each image
   * element is summed in float64 over the patch entries in row order and rounded once.
   */
  cPatches?: PatchGeometry | null;
  /**
   * A's stored matrices (before `transA`) are the channels of an NCHW tensor `a` of `n` images of
   * `hw` positions: product r's `[n·hw, cols]` matrix has element `(i·hw + s, o)` at
   * `a[(i·C + r·cols + o)·hw + s]` with `C = batch·cols` (the output gradient of a convolution,
   * read as its product's rows). No offset or stride given.
   */
  aImage?: ImageLayout | null;
  /** C's `[n·hw, cols]` matrices are stored as the channels of an NCHW tensor (as `aImage`). */
  cImage?: ImageLayout | null;
}

/** `n` images of `hw` positions each (see `GemmCall.aImage`). */
export interface ImageLayout {
  /** Images. */
  n: number;
  /** Positions per channel of an image (height × width). */
  hw: number;
}

/**
 * A convolution's window geometry over an image `[n, c, h, w]` (NCHW, or NHWC when
 * `channelsLast`): kernel `kh × kw`, strides, dilations, the padding before the first row and
 * column (`pt`, `pl`; the padding after is implied by `oh`, `ow`), the output grid and the number
 * of channel groups. Its patch matrix has, per group q, `N·OH·OW` rows of `C/g·kh·kw` entries:
 * row `p = (n·OH + oh)·OW + ow`, column `(c'·kh + i)·kw + j` holds
 * `x[n, q·C/g + c', oh·sh − pt + i·dh, ow·sw − pl + j·dw]`, 0 in the padding.
 */
export interface PatchGeometry {
  /** Images. */
  n: number;
  /** Channels. */
  c: number;
  /** Image height. */
  h: number;
  /** Image width. */
  w: number;
  /** Kernel height. */
  kh: number;
  /** Kernel width. */
  kw: number;
  /** Stride along the height. */
  sh: number;
  /** Stride along the width. */
  sw: number;
  /** Dilation along the height. */
  dh: number;
  /** Dilation along the width. */
  dw: number;
  /** Padding before the first row. */
  pt: number;
  /** Padding before the first column. */
  pl: number;
  /** Output height. */
  oh: number;
  /** Output width. */
  ow: number;
  /** Channel groups (C and the output channels divisible by it). */
  groups: number;
  /** NHWC (else NCHW). */
  channelsLast: boolean;
}

/**
 * One max pooling over the planes of an image `[n, c, h, w]` (NCHW, or NHWC when
 * `channelsLast`): output `(i, j)` of a plane is the largest element of input rows
 * `[rows[2i], rows[2i+1])` and columns `[cols[2j], cols[2j+1])`, starting from −FLT_MAX (padding
 * never wins) and taking an element only when it is strictly greater (NaN never wins; the first of
 * equal maxima in row-major order does); `arg` receives its flat index in `x` (−1 when no element
 * beat −FLT_MAX). Paddle's Pool2dFunctor.
 */
export interface MaxPoolCall<A extends Float32Array | Float64Array> {
  /** The input image. */
  x: A;
  /** The window maxima, `[n, c, oh, ow]` (or `[n, oh, ow, c]`). */
  out: A;
  /** Per output, the flat index in `x` of the element chosen (−1: none beat −FLT_MAX). */
  arg: Int32Array;
  /** Images. */
  n: number;
  /** Channels. */
  c: number;
  /** Input height. */
  h: number;
  /** Input width. */
  w: number;
  /** Output height. */
  oh: number;
  /** Output width. */
  ow: number;
  /** NHWC (else NCHW). */
  channelsLast: boolean;
  /** [start, end) input rows of output row i at 2i and 2i+1. */
  rows: Int32Array;
  /** [start, end) input columns of output column j at 2j and 2j+1. */
  cols: Int32Array;
}

/**
 * The kernel contract (DESIGN.md §3): what every backend implements, with the same numbers bit for
 * bit. No Paddle equivalent (Paddle's phi CPU kernels play this part).
 */
export interface KernelBackend {
  /** `'ref'`, `'wasm-simd'` or `'wasm-simd-threads'`. */
  readonly name: string;
  /**
   * One RMSProp step for every slot (spec §7), in place. All arrays must be of `dtype`'s typed
   * array type and each slot's arrays of one length; otherwise it throws before touching
   * anything.
   * @param dtype - `'float32'` or `'float64'`: the element type of every array.
   * @param slots - One {@link RmspropSlot} per parameter: its param, grad and accumulators (updated in place) and its lr and gradient transforms.
   * @param hyper - The shared hyper-parameters ({@link RmspropHyper}: rho, epsilon, momentum, centered, and the framework `variant` whose float32 order the step computes, Paddle's by default).
   * @throws {@link errors.TypeError} when `dtype` is not float32/float64, an array is not `dtype`'s typed array, or a scalar or `hyper` field has the wrong type; {@link errors.ValueError} when a slot's arrays differ in length, a decay kind is not `'l1'`/`'l2'`, the variant is unknown, or a variant option does not apply to the variant.
   */
  rmspropStep(
    dtype: KernelDType,
    slots: readonly RmspropSlot<Float32Array | Float64Array>[],
    hyper: RmspropHyper,
  ): void;
  /**
   * Σx² over all arrays, accumulated in float64 in a fixed order that does not depend on the
   * backend or the number of threads (see ref/sum-squares.ts).
   * @param dtype - `'float32'` or `'float64'`: the element type of every array.
   * @param arrays - The arrays whose squares are summed.
   * @returns Σx² over all elements, a float64 number (0 for no elements).
   * @throws {@link errors.TypeError} when `dtype` is not float32/float64 or an array is not `dtype`'s typed array.
   */
  sumSquares(dtype: KernelDType, arrays: readonly (Float32Array | Float64Array)[]): number;
  /**
   * The matrix product(s) of `call` (see `GemmCall` for the layout and the exact order of the
   * sums). All arrays must be of `dtype`'s typed array type, every operand must lie inside its
   * array, and C must not overlap A, B or the bias; otherwise it throws a ValueError before
   * writing anything.
   * @param dtype - `'float32'` or `'float64'`: the element type of every array.
   * @param call - The {@link GemmCall}: sizes, operands (plain matrices, patches or image layouts), bias, batch strides; C is written.
   * @throws {@link errors.TypeError} when `dtype` is not float32/float64, the call is not an object, or an array or flag has the wrong type; {@link errors.ValueError} when a size or geometry is invalid, an operand does not lie inside its array, or C overlaps an input.
   */
  gemm(dtype: KernelDType, call: GemmCall<Float32Array | Float64Array>): void;
  /**
   * Max pooling (see `MaxPoolCall`): writes `out` and `arg`. Throws a ValueError before writing
   * anything when an array is too short or a window leaves the image.
   * @param dtype - `'float32'` or `'float64'`: the element type of `x` and `out`.
   * @param call - The {@link MaxPoolCall}: the input planes, the window bounds, and `out` / `arg` to write.
   * @throws {@link errors.TypeError} when `dtype` is not float32/float64, the call is not an object, or an array has the wrong type; {@link errors.ValueError} when a size is not a non-negative integer, an array is too short, or a window leaves the image.
   */
  maxPool(dtype: KernelDType, call: MaxPoolCall<Float32Array | Float64Array>): void;
  /**
   * ReLU, `out[i] = x[i] > 0 ? x[i] : +0`, a NaN kept as it is (−0 and −∞ give +0): the same bits
   * on every backend. `out` may be `x`.
   * @param dtype - `'float32'` or `'float64'`: the element type of `x` and `out`.
   * @param x - The inputs.
   * @param out - Receives the outputs; as long as `x`.
   * @throws {@link errors.TypeError} when `dtype` is not float32/float64 or an array is not `dtype`'s typed array; {@link errors.ValueError} when the lengths differ (nothing is written).
   */
  relu(dtype: KernelDType, x: Float32Array | Float64Array, out: Float32Array | Float64Array): void;
  /**
   * ReLU's gradient as Paddle's relu_grad computes it, `gx[i] = out[i] > 0 ? g[i] : g[i]·0` (a
   * NaN or ±∞ in `g` gives NaN where the output is not positive; a finite one ±0 with its sign).
   * `gx` may be `g`.
   * @param dtype - `'float32'` or `'float64'`: the element type of the arrays.
   * @param out - The forward's outputs.
   * @param g - The gradient of the outputs.
   * @param gx - Receives the gradient of the inputs; all three arrays of one length.
   * @throws {@link errors.TypeError} when `dtype` is not float32/float64 or an array is not `dtype`'s typed array; {@link errors.ValueError} when the lengths differ (nothing is written).
   */
  reluGrad(dtype: KernelDType, out: Float32Array | Float64Array, g: Float32Array | Float64Array, gx: Float32Array | Float64Array): void;
  /**
   * The sigmoid as Paddle's kernel evaluates it, `out[i] = 1 / (1 + exp(-x[i]))` in `dtype`, each
   * operation rounded (float32: e^(−x), 1 + ·, 1 / · each rounded to float32), e^x being
   * JavaScript's Math.exp (fdlibm's): the same bits on every backend. `out` may be `x`.
   * @param dtype - `'float32'` or `'float64'`: the element type of `x` and `out`.
   * @param x - The inputs.
   * @param out - Receives the outputs; as long as `x`.
   * @throws {@link errors.TypeError} when `dtype` is not float32/float64 or an array is not `dtype`'s typed array; {@link errors.ValueError} when the lengths differ (nothing is written).
   */
  sigmoid(dtype: KernelDType, x: Float32Array | Float64Array, out: Float32Array | Float64Array): void;
  /**
   * `out[i] = e^x[i]` rounded to `dtype`, e^x being JavaScript's Math.exp (fdlibm's): the same bits
   * on every backend. `out` may be `x`.
   * @param dtype - `'float32'` or `'float64'`: the element type of `x` and `out`.
   * @param x - The inputs.
   * @param out - Receives the outputs; as long as `x`.
   * @throws {@link errors.TypeError} when `dtype` is not float32/float64 or an array is not `dtype`'s typed array; {@link errors.ValueError} when the lengths differ (nothing is written).
   */
  exp(dtype: KernelDType, x: Float32Array | Float64Array, out: Float32Array | Float64Array): void;
}

/**
 * The reference RMSProp kernel: a plain loop in the exact operation order of spec §7, with
 * `Math.fround` after every float32 operation. It is the oracle every faster path is tested
 * against, and the fallback where WebAssembly is unavailable.
 *
 * Per element, with T the dtype, ρ ε μ float32-rounded first (even for float64) and c = T(1 − ρ):
 *   p   = T(p · paramScale)                    when given (transform 0)
 *   g   = transforms(grad)                     clip → scale → decay (see types.ts)
 *   ms  = ρ·ms + (c·g)·g
 *   mg  = ρ·mg + c·g                           centered only
 *   d   = sqrt(ms + ε)  or  sqrt((ms − mg·mg) + ε)   (no clamp: a negative radicand gives NaN)
 *   mom = μ·mom + (η·g)/d                      also when μ = 0
 *   p   = p − mom
 *
 * Float32: an IEEE float32 op equals the double op rounded once with `Math.fround` (double has
 * more than 2·24 + 2 bits, so the double rounding is innocuous for + − × ÷ and sqrt).
 */
import type { RmspropHyper, RmspropSlot } from '../types.js';
import { fmaf } from './fma.js';

const f = Math.fround;

/** Float32 sign as the kernels compute it: +1, −1, or +0 for ±0 and NaN. */
function sign(x: number): number {
  return (x > 0 ? 1 : 0) - (x < 0 ? 1 : 0);
}

/**
 * Elements [begin, end) of one float32 slot (default: all), updated in place with every
 * operation rounded to float32 (spec §7). No argument checks: see `rmspropStepRef`.
 * @param slot - The slot's param, grad, meanSquare, moment, meanGrad (Float32Array) and its lr and transforms.
 * @param hyper - rho, epsilon, momentum, centered.
 * @param begin - The first element (default 0).
 * @param end - The end, exclusive (default: the whole array).
 */
export function rmspropSlotF32(
  slot: RmspropSlot<Float32Array>,
  hyper: RmspropHyper,
  begin = 0,
  end: number = slot.param.length,
): void {
  const { param, grad, meanSquare, moment, meanGrad } = slot;
  const rho = f(hyper.rho);
  const eps = f(hyper.epsilon);
  const mu = f(hyper.momentum);
  const c = f(1 - rho);
  const lr = f(slot.lr);
  const clip = slot.clipMin !== undefined || slot.clipMax !== undefined;
  const cmin = f(slot.clipMin ?? -Infinity);
  const cmax = f(slot.clipMax ?? Infinity);
  const scale = slot.gradScale === undefined ? undefined : f(slot.gradScale);
  const pscale = slot.paramScale === undefined ? undefined : f(slot.paramScale);
  const decayKind = slot.decay?.kind;
  const coeff = f(slot.decay?.coeff ?? 0);
  const centered = hyper.centered;

  for (let i = begin; i < end; i++) {
    const p = pscale === undefined ? param[i] : f(param[i] * pscale);
    let g = grad[i];
    if (clip) g = g < cmin ? cmin : g > cmax ? cmax : g;
    if (scale !== undefined) g = f(g * scale);
    if (decayKind === 'l2') g = f(g + f(coeff * p));
    else if (decayKind === 'l1') g = f(g + f(coeff * sign(p)));

    const ms = f(f(rho * meanSquare[i]) + f(f(c * g) * g));
    meanSquare[i] = ms;
    let denom: number;
    if (centered) {
      const mg = f(f(rho * meanGrad[i]) + f(c * g));
      meanGrad[i] = mg;
      denom = f(Math.sqrt(f(f(ms - f(mg * mg)) + eps)));
    } else {
      denom = f(Math.sqrt(f(ms + eps)));
    }
    const mom = f(f(mu * moment[i]) + f(f(lr * g) / denom));
    moment[i] = mom;
    param[i] = f(p - mom);
  }
}

/**
 * Elements [begin, end) of one float64 slot (default: all), updated in place. ρ, ε, μ are still
 * float32-rounded. No argument checks: see `rmspropStepRef`.
 * @param slot - The slot's param, grad, meanSquare, moment, meanGrad (Float64Array) and its lr and transforms.
 * @param hyper - rho, epsilon, momentum, centered.
 * @param begin - The first element (default 0).
 * @param end - The end, exclusive (default: the whole array).
 */
export function rmspropSlotF64(
  slot: RmspropSlot<Float64Array>,
  hyper: RmspropHyper,
  begin = 0,
  end: number = slot.param.length,
): void {
  const { param, grad, meanSquare, moment, meanGrad } = slot;
  const rho = f(hyper.rho);
  const eps = f(hyper.epsilon);
  const mu = f(hyper.momentum);
  const c = 1 - rho;
  const lr = slot.lr;
  const clip = slot.clipMin !== undefined || slot.clipMax !== undefined;
  const cmin = slot.clipMin ?? -Infinity;
  const cmax = slot.clipMax ?? Infinity;
  const scale = slot.gradScale;
  const pscale = slot.paramScale;
  const decayKind = slot.decay?.kind;
  const coeff = slot.decay?.coeff ?? 0;
  const centered = hyper.centered;

  for (let i = begin; i < end; i++) {
    const p = pscale === undefined ? param[i] : param[i] * pscale;
    let g = grad[i];
    if (clip) g = g < cmin ? cmin : g > cmax ? cmax : g;
    if (scale !== undefined) g = g * scale;
    if (decayKind === 'l2') g = g + coeff * p;
    else if (decayKind === 'l1') g = g + coeff * sign(p);

    const ms = rho * meanSquare[i] + c * g * g;
    meanSquare[i] = ms;
    let denom: number;
    if (centered) {
      const mg = rho * meanGrad[i] + c * g;
      meanGrad[i] = mg;
      denom = Math.sqrt(ms - mg * mg + eps);
    } else {
      denom = Math.sqrt(ms + eps);
    }
    const mom = mu * moment[i] + (lr * g) / denom;
    moment[i] = mom;
    param[i] = p - mom;
  }
}

// ---- the frameworks' variants (types.ts RmspropVariant) ----------------------------------------

const same = (x: number): number => x;

/** Variant codes shared with the WebAssembly kernel (assembly/rmsprop.ts V_*, M_*). */
export const VARIANT_CODE = {
  torch: 1,
  keras: 2,
  tfjs: 3,
  tf1: 4,
  timm: 5,
  timmLrOutside: 6,
  optax: 7,
  optaxEpsOutside: 8,
} as const;
/** Mode bit: centered. */
export const MODE_CENTERED = 16;
/** Mode bit: the momentum buffer is kept. */
export const MODE_BUFFER = 32;

/**
 * The kernel mode of a validated non-Paddle `hyper`: the variant's code (timm's lr placement and
 * Optax's ε placement are codes of their own) | MODE_CENTERED | MODE_BUFFER.
 * @param hyper - Validated hyper-parameters with a variant other than `'paddle'`.
 * @returns The mode word both kernels take.
 */
export function variantMode(hyper: RmspropHyper): number {
  const v = hyper.variant;
  let code: number;
  if (v === 'timm') code = hyper.lrInMomentum === false ? VARIANT_CODE.timmLrOutside : VARIANT_CODE.timm;
  else if (v === 'optax') code = hyper.epsInSqrt === false ? VARIANT_CODE.optaxEpsOutside : VARIANT_CODE.optax;
  else code = VARIANT_CODE[v as 'torch' | 'keras' | 'tfjs' | 'tf1'];
  return code | (hyper.centered ? MODE_CENTERED : 0) | (hyper.momentumBuffer === false ? 0 : MODE_BUFFER);
}

/**
 * How each variant rounds its scalars (the one place that says it): TF1 casts float32 tensors to
 * the dtype, so ρ, ε, μ are float32-rounded first and `1 − ρ` is computed from the rounded ρ in the
 * dtype; PyTorch, Keras, TF.js, timm and Optax round the user's (Python) numbers to the dtype
 * directly, `1 − ρ` computed in double from the unrounded ρ and then rounded.
 * @param dtype - The element type.
 * @param hyper - Validated hyper-parameters with a variant other than `'paddle'`.
 * @param out - Receives ρ, ε, μ and 1 − ρ at 0 … 3, each exact in the dtype (no allocation).
 */
export function variantScalars(dtype: 'float32' | 'float64', hyper: RmspropHyper, out: Float64Array): void {
  const r = dtype === 'float32' ? f : same;
  if (hyper.variant === 'tf1') {
    const rho = f(hyper.rho);
    out[0] = rho;
    out[1] = f(hyper.epsilon);
    out[2] = f(hyper.momentum);
    out[3] = r(1 - rho);
  } else {
    out[0] = r(hyper.rho);
    out[1] = r(hyper.epsilon);
    out[2] = r(hyper.momentum);
    out[3] = r(1 - hyper.rho);
  }
}

const fma64 = (a: number, b: number, c: number): number => a * b + c;

/**
 * Elements [begin, end) of one slot with a framework's variant (`variantMode`), every operation
 * rounded to the dtype. This states each variant's formula; the WebAssembly kernel
 * (assembly/rmsprop.ts `variantRange`) mirrors it operation for operation. With r the rounding of
 * T, `fma` = fmaf in float32 and `a·b + c` (two roundings) in float64, `g²` = r(g·g):
 *
 * ```
 * torch  ms = fma(r(c·g), g, r(ms·ρ))       mg = fma(g, c, r(mg·ρ))        v = fma(−mg, mg, ms)
 *        avg = r(sqrt(v)) + ε;  buffer: b = r(mom·μ) + r(g/avg), p = fma(b, −lr, p)
 *                               none:   p = p + r(r(−lr·g)/avg)
 * keras  ms = r(ρ·ms) + r(c·g²)             mg = r(ρ·mg) + r(c·g)          v = ms − r(mg·mg)
 *        den = sqrt(v + ε);  buffer: b = r(mom·μ) + r(r(lr·g)/den), p = p − b;  none: p = p − r(r(lr·g)/den)
 * tfjs   as keras with a buffer; centered den = sqrt(ms − r(r(mg·mg) + ε))
 * tf1    ms = ms + r(r(g² − ms)·c)          mg = mg + r(r(g − mg)·c)       v = ms − r(mg·mg); den, b, p as keras
 * timm   ms = fma(r(g² − ms), c, ms)        mg = fma(r(g − mg), c, mg)     v = fma(−mg, mg, ms)
 *        den = sqrt(v + ε);  buffer: as keras (lrInMomentum), or b = r(mom·μ) + r(g/den), p = fma(b, −lr, p)
 *                            none:   p = p + r(r(−lr·g)/den)
 * optax  ms, mg, v as keras; s = 1/sqrt(v + ε)  (epsInSqrt false: 1/(sqrt(v) + ε))
 *        u = r(−lr·r(s·g));  buffer: u = u + r(μ·mom), mom = u;  param = u (the update)
 * ```
 * (each `+ − · /` and sqrt above is one rounding). The transforms of `RmspropSlot` come first, with
 * l2 as `fma(p, coeff, g)` for torch and timm.
 * @param dtype - The element type of the slot's arrays.
 * @param slot - The slot (unchecked: see `rmspropStepRef`).
 * @param hyper - Validated hyper-parameters with a variant other than `'paddle'`.
 * @param begin - The first element (default 0).
 * @param end - The end, exclusive (default: the whole array).
 */
export function rmspropVariantSlot(
  dtype: 'float32' | 'float64',
  slot: RmspropSlot<Float32Array | Float64Array>,
  hyper: RmspropHyper,
  begin = 0,
  end: number = slot.param.length,
): void {
  const f32 = dtype === 'float32';
  const r = f32 ? f : same;
  const mode = variantMode(hyper);
  const v = mode & 15;
  const sc = new Float64Array(4);
  variantScalars(dtype, hyper, sc);
  const lr = r(slot.lr);
  const C = VARIANT_CODE;
  const decay = slot.decay;
  const k: Ctx = {
    p: slot.param,
    g: slot.grad,
    ms: slot.meanSquare,
    mom: slot.moment,
    mg: slot.meanGrad,
    r,
    fma: f32 ? fmaf : fma64,
    rho: sc[0]!,
    eps: sc[1]!,
    mu: sc[2]!,
    c: sc[3]!,
    lr,
    negLr: -lr,
    centered: (mode & MODE_CENTERED) !== 0,
    buffer: (mode & MODE_BUFFER) !== 0,
    pscale: slot.paramScale === undefined ? NaN : r(slot.paramScale),
    hasPscale: slot.paramScale !== undefined,
    clip: slot.clipMin !== undefined || slot.clipMax !== undefined,
    cmin: r(slot.clipMin ?? -Infinity),
    cmax: r(slot.clipMax ?? Infinity),
    scale: r(slot.gradScale ?? 1),
    hasScale: slot.gradScale !== undefined,
    decay: decay === undefined ? 0 : decay.kind === 'l1' ? 1 : 2,
    coeff: r(decay?.coeff ?? 0),
    fusedDecay: v === C.torch || v === C.timm || v === C.timmLrOutside,
    lrOutside: v === C.timmLrOutside,
    epsInside: v !== C.optaxEpsOutside,
    tfjs: v === C.tfjs,
  };
  if (v === C.torch) torchLoop(k, begin, end);
  else if (v === C.tf1) tf1Loop(k, begin, end);
  else if (v === C.timm || v === C.timmLrOutside) timmLoop(k, begin, end);
  else if (v === C.optax || v === C.optaxEpsOutside) optaxLoop(k, begin, end);
  else emaLoop(k, begin, end); // Keras, TF.js
}

/** One slot's arrays and every scalar a variant's loop reads (each rounded to the dtype). */
interface Ctx {
  p: Float32Array | Float64Array;
  g: Float32Array | Float64Array;
  ms: Float32Array | Float64Array;
  mom: Float32Array | Float64Array;
  mg: Float32Array | Float64Array;
  r: (x: number) => number;
  fma: (a: number, b: number, c: number) => number;
  rho: number;
  eps: number;
  mu: number;
  c: number;
  lr: number;
  negLr: number;
  centered: boolean;
  buffer: boolean;
  pscale: number;
  hasPscale: boolean;
  clip: boolean;
  cmin: number;
  cmax: number;
  scale: number;
  hasScale: boolean;
  /** 0: none, 1: l1, 2: l2. */
  decay: number;
  coeff: number;
  /** l2 as fma(p, coeff, g) (PyTorch's `grad.add(p, alpha=)`). */
  fusedDecay: boolean;
  lrOutside: boolean;
  epsInside: boolean;
  tfjs: boolean;
}

// Each variant's loop below states its formula once (both dtypes: r rounds to T, fma is fmaf in
// float32 and a·b + c in float64); the transforms of RmspropSlot come first (paramOf, gradOf).
// One loop per framework keeps each loop's call sites monomorphic, so V8 inlines the helpers.

/** Transform 0: the parameter, scaled by paramScale when given. */
function paramOf(k: Ctx, i: number): number {
  const p = k.p[i]!;
  return k.hasPscale ? k.r(p * k.pscale) : p;
}

/** Transforms 1-3: clip, scale, decay (l2 as fma for PyTorch and timm). */
function gradOf(k: Ctx, p: number, i: number): number {
  const r = k.r;
  let g = k.g[i]!;
  if (k.clip) g = g < k.cmin ? k.cmin : g > k.cmax ? k.cmax : g;
  if (k.hasScale) g = r(g * k.scale);
  if (k.decay === 2) g = k.fusedDecay ? k.fma(p, k.coeff, g) : r(g + r(k.coeff * p));
  else if (k.decay === 1) g = r(g + r(k.coeff * sign(p)));
  return g;
}

/** PyTorch: ms = fma(r(c·g), g, r(ms·ρ)); avg = r(sqrt(v)) + ε; the learning rate outside the buffer. */
function torchLoop(k: Ctx, begin: number, end: number): void {
  const { r, fma, rho, eps, mu, c, negLr, centered, buffer, ms: MS, mom: MOM, mg: MG, p: P } = k;
  for (let i = begin; i < end; i++) {
    let p = paramOf(k, i);
    const g = gradOf(k, p, i);
    const ms = fma(r(c * g), g, r(MS[i]! * rho));
    MS[i] = ms;
    let v = ms;
    if (centered) {
      const mg = fma(g, c, r(MG[i]! * rho));
      MG[i] = mg;
      v = fma(-mg, mg, ms);
    }
    const avg = r(r(Math.sqrt(v)) + eps);
    if (buffer) {
      const b = r(r(MOM[i]! * mu) + r(g / avg));
      MOM[i] = b;
      p = fma(b, negLr, p);
    } else p = r(p + r(r(negLr * g) / avg));
    P[i] = p;
  }
}

/**
 * Keras 3 and TF.js: ms = r(ρ·ms) + r(c·r(g·g)), mg = r(ρ·mg) + r(c·g), den = sqrt(v + ε) (TF.js
 * centered: sqrt(ms − r(r(mg·mg) + ε))); b = r(mom·μ) + r(r(lr·g)/den), p = p − b (Keras without a
 * buffer: p = p − r(r(lr·g)/den)).
 */
function emaLoop(k: Ctx, begin: number, end: number): void {
  const { r, rho, eps, mu, c, lr, centered, buffer, tfjs, ms: MS, mom: MOM, mg: MG, p: P } = k;
  for (let i = begin; i < end; i++) {
    let p = paramOf(k, i);
    const g = gradOf(k, p, i);
    const ms = r(r(rho * MS[i]!) + r(c * r(g * g)));
    MS[i] = ms;
    let den: number;
    if (centered) {
      const mg = r(r(rho * MG[i]!) + r(c * g));
      MG[i] = mg;
      den = tfjs ? r(Math.sqrt(r(ms - r(r(mg * mg) + eps)))) : r(Math.sqrt(r(r(ms - r(mg * mg)) + eps)));
    } else den = r(Math.sqrt(r(ms + eps)));
    const inc = r(r(lr * g) / den);
    if (buffer) {
      const b = r(r(MOM[i]! * mu) + inc);
      MOM[i] = b;
      p = r(p - b);
    } else p = r(p - inc);
    P[i] = p;
  }
}

/** TF1: ms = ms + r(r(g² − ms)·c), mg = mg + r(r(g − mg)·c); den, buffer and p as Keras's. */
function tf1Loop(k: Ctx, begin: number, end: number): void {
  const { r, eps, mu, c, lr, centered, ms: MS, mom: MOM, mg: MG, p: P } = k;
  for (let i = begin; i < end; i++) {
    const p = paramOf(k, i);
    const g = gradOf(k, p, i);
    const ms0 = MS[i]!;
    const ms = r(ms0 + r(r(r(g * g) - ms0) * c));
    MS[i] = ms;
    let v = ms;
    if (centered) {
      const mg0 = MG[i]!;
      const mg = r(mg0 + r(r(g - mg0) * c));
      MG[i] = mg;
      v = r(ms - r(mg * mg));
    }
    const b = r(r(MOM[i]! * mu) + r(r(lr * g) / r(Math.sqrt(r(v + eps)))));
    MOM[i] = b;
    P[i] = r(p - b);
  }
}

/**
 * timm: ms = fma(r(g² − ms), c, ms), mg = fma(r(g − mg), c, mg), v = fma(−mg, mg, ms),
 * den = sqrt(v + ε); buffer: b = r(mom·μ) + r(r(lr·g)/den), p = p − b (lrInMomentum) or
 * b = r(mom·μ) + r(g/den), p = fma(b, −lr, p); none: p = p + r(r(−lr·g)/den).
 */
function timmLoop(k: Ctx, begin: number, end: number): void {
  const { r, fma, eps, mu, c, lr, negLr, centered, buffer, lrOutside, ms: MS, mom: MOM, mg: MG, p: P } = k;
  for (let i = begin; i < end; i++) {
    let p = paramOf(k, i);
    const g = gradOf(k, p, i);
    const ms0 = MS[i]!;
    const ms = fma(r(r(g * g) - ms0), c, ms0);
    MS[i] = ms;
    let v = ms;
    if (centered) {
      const mg0 = MG[i]!;
      const mg = fma(r(g - mg0), c, mg0);
      MG[i] = mg;
      v = fma(-mg, mg, ms);
    }
    const den = r(Math.sqrt(r(v + eps)));
    if (buffer && lrOutside) {
      const b = r(r(MOM[i]! * mu) + r(g / den));
      MOM[i] = b;
      p = fma(b, negLr, p);
    } else if (buffer) {
      const b = r(r(MOM[i]! * mu) + r(r(lr * g) / den));
      MOM[i] = b;
      p = r(p - b);
    } else p = r(p + r(r(negLr * g) / den));
    P[i] = p;
  }
}

/**
 * Optax: ms, mg, v as Keras's; s = 1/sqrt(v + ε) (ε outside: 1/(sqrt(v) + ε)); u = r(−lr·r(s·g));
 * trace: u = r(u + r(μ·mom)), mom = u; param = u (the update, not the parameter).
 */
function optaxLoop(k: Ctx, begin: number, end: number): void {
  const { r, rho, eps, mu, c, negLr, centered, buffer, epsInside, ms: MS, mom: MOM, mg: MG, p: P } = k;
  for (let i = begin; i < end; i++) {
    const g = gradOf(k, paramOf(k, i), i);
    const ms = r(r(rho * MS[i]!) + r(c * r(g * g)));
    MS[i] = ms;
    let v = ms;
    if (centered) {
      const mg = r(r(rho * MG[i]!) + r(c * g));
      MG[i] = mg;
      v = r(ms - r(mg * mg));
    }
    const den = epsInside ? r(Math.sqrt(r(v + eps))) : r(r(Math.sqrt(v)) + eps);
    let u = r(negLr * r(r(1 / den) * g));
    if (buffer) {
      u = r(u + r(mu * MOM[i]!));
      MOM[i] = u;
    }
    P[i] = u;
  }
}

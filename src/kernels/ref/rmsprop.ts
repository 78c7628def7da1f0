/**
 * The reference RMSProp kernel: a plain loop in the exact operation order of spec §7, with
 * `Math.fround` after every float32 operation. It is the oracle every faster path is tested
 * against, and the fallback where WebAssembly is unavailable.
 *
 * Per element, with T the dtype, ρ ε μ float32-rounded first (even for float64) and c = T(1 − ρ):
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
  const decayKind = slot.decay?.kind;
  const coeff = f(slot.decay?.coeff ?? 0);
  const centered = hyper.centered;

  for (let i = begin; i < end; i++) {
    const p = param[i];
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
  const decayKind = slot.decay?.kind;
  const coeff = slot.decay?.coeff ?? 0;
  const centered = hyper.centered;

  for (let i = begin; i < end; i++) {
    const p = param[i];
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

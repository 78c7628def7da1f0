/**
 * The update rule shown beside the plot: Paddle's formula for `paddle.optimizer.RMSProp` (the
 * notation of its documentation) as MathML, the centered line only when `centered` is on, with
 * the current values of the hyper-parameters, and the same rule as Paddle's kernel computes it in
 * plain text.
 */
import type { RunConfig } from './trajectory.js';

const mi = (s: string): string => `<mi>${s}</mi>`;
const mo = (s: string): string => `<mo>${s}</mo>`;
const mn = (s: string): string => `<mn>${s}</mn>`;
const row = (...xs: string[]): string => `<mrow>${xs.join('')}</mrow>`;
const sup = (base: string, exp: string): string => `<msup>${base}${exp}</msup>`;
const sub = (base: string, s: string): string => `<msub>${base}${s}</msub>`;
const frac = (a: string, b: string): string => `<mfrac>${a}${b}</mfrac>`;
const sqrt = (x: string): string => `<msqrt>${x}</msqrt>`;
const paren = (x: string): string => row(mo('('), x, mo(')'));

/** r(w, t), v(w, t−1), … */
const at = (name: string, prev: boolean): string => row(mi(name), paren(row(mi('w'), mo(','), prev ? row(mi('t'), mo('−'), mn('1')) : mi('t'))));
const gradQ = row(mo('∇'), sub(mi('Q'), mi('i')), paren(mi('w')));

/** The MathML block of the update rule. */
export function updateRuleMathML(centered: boolean): string {
  const lines: string[] = [];
  lines.push(row(at('r', false), mo('='), mi('ρ'), at('r', true), mo('+'), paren(row(mn('1'), mo('−'), mi('ρ'))), sup(paren(gradQ), mn('2'))));
  if (centered) {
    lines.push(row(at('g', false), mo('='), mi('ρ'), at('g', true), mo('+'), paren(row(mn('1'), mo('−'), mi('ρ'))), gradQ));
  }
  const under = centered ? row(at('r', false), mo('−'), sup(at('g', false), mn('2')), mo('+'), mi('ε')) : row(at('r', false), mo('+'), mi('ε'));
  lines.push(row(at('v', false), mo('='), mi('β'), at('v', true), mo('+'), frac(mi('η'), sqrt(under)), gradQ));
  lines.push(row(mi('w'), mo('='), mi('w'), mo('−'), at('v', false)));
  const table = lines.map((l) => `<mtr><mtd>${l}</mtd></mtr>`).join('');
  return `<math display="block"><mtable columnalign="left">${table}</mtable></math>`;
}

function fmt(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a < 1e-3 || a >= 1e4 ? v.toExponential() : String(v);
}

/** The legend under the formula: what each symbol is now. */
export function legendText(c: RunConfig, schedulerNote: string, clipNote: string): string {
  return [
    `η = ${fmt(c.lr)} (learning rate${c.scheduler === 'none' ? '' : `, then ${schedulerNote}`})`,
    `ρ = ${fmt(c.rho)} (rho)   ε = ${fmt(c.epsilon)} (epsilon)   β = ${fmt(c.momentum)} (momentum)`,
    `∇Qᵢ(w): the gradient of f by autograd${c.clip === 'none' ? '' : `, after ${clipNote}`}`,
  ].join('\n');
}

/** The same rule as Paddle's kernel computes it (order of operations, float32). */
export function kernelText(centered: boolean): string {
  return centered
    ? [
        'mean_square = rho * mean_square + (1 - rho) * g * g',
        'mean_grad   = rho * mean_grad + (1 - rho) * g',
        'moment      = momentum * moment + lr * g / sqrt(mean_square - mean_grad * mean_grad + epsilon)',
        'param       = param - moment',
      ].join('\n')
    : [
        'mean_square = rho * mean_square + (1 - rho) * g * g',
        'moment      = momentum * moment + lr * g / sqrt(mean_square + epsilon)',
        'param       = param - moment',
      ].join('\n');
}

/**
 * The loss and accuracy curves of a run as a self-contained SVG (no dependency, no script): a
 * loss panel (every step's training loss, faint, with its moving average; per-epoch test loss)
 * on a log scale, and an accuracy panel (per-epoch training and test accuracy).
 */
import type { History } from './history.js';

export interface ChartOptions {
  title: string;
  subtitle?: string;
}

const W = 960;
const H = 420;
const PANEL_TOP = 78;
const PANEL_H = 270;
const PANEL_W = 380;
const LEFT_X = 70;
const RIGHT_X = 540;

/** The plot areas (curves stay inside them; titles and labels stay outside). */
export const CHART_LAYOUT = { width: W, height: H, panelTop: PANEL_TOP, panelHeight: PANEL_H, panelWidth: PANEL_W, lossX: LEFT_X, accX: RIGHT_X } as const;

const COLORS = {
  step: '#9ecae1',
  train: '#1f77b4',
  test: '#d62728',
  grid: '#e5e5e5',
  axis: '#444',
  text: '#222',
  muted: '#666',
};

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function fmt(v: number): string {
  return String(Number(v.toPrecision(3)));
}

/** A "nice" linear tick set covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, target = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step - 1e-9) * step; t <= hi + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

/** 1-2-5 ticks for a log axis over [lo, hi] (1-5 when that would crowd it). */
export function logTicks(lo: number, hi: number): number[] {
  const ticks: number[] = [];
  const mantissas = Math.log10(hi / lo) > 2.5 ? [1, 5] : [1, 2, 5];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const m of mantissas) {
      const t = Number((m * 10 ** e).toPrecision(12));
      if (t >= lo * (1 - 1e-9) && t <= hi * (1 + 1e-9)) ticks.push(t);
    }
  }
  return ticks;
}

function polyline(points: readonly (readonly [number, number])[], color: string, width: number, extra = ''): string {
  if (points.length === 0) return '';
  const d = points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`).join('');
  return `<path d="${d}" fill="none" stroke="${color}" stroke-width="${width}" stroke-linejoin="round" stroke-linecap="round"${extra}/>`;
}

function dots(points: readonly (readonly [number, number])[], color: string): string {
  return points.map(([x, y]) => `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="3" fill="${color}"/>`).join('');
}

interface Panel {
  x: number;
  title: string;
  xMax: number;
  yTicks: number[];
  yLabel: (v: number) => string;
  sx: (v: number) => number;
  sy: (v: number) => number;
}

function frame(p: Panel): string {
  const parts: string[] = [];
  const x0 = p.x;
  const x1 = p.x + PANEL_W;
  const y0 = PANEL_TOP;
  const y1 = PANEL_TOP + PANEL_H;
  parts.push(`<text x="${x0}" y="${y0 - 12}" font-size="14" font-weight="600" fill="${COLORS.text}">${esc(p.title)}</text>`);
  for (const t of p.yTicks) {
    const y = p.sy(t).toFixed(1);
    parts.push(`<line x1="${x0}" y1="${y}" x2="${x1}" y2="${y}" stroke="${COLORS.grid}"/>`);
    parts.push(`<text x="${x0 - 6}" y="${y}" font-size="11" fill="${COLORS.muted}" text-anchor="end" dominant-baseline="middle">${esc(p.yLabel(t))}</text>`);
  }
  const xTicks = niceTicks(0, p.xMax, Math.min(10, Math.max(1, p.xMax))).filter((t) => Number.isInteger(t));
  for (const t of xTicks) {
    const x = p.sx(t).toFixed(1);
    parts.push(`<line x1="${x}" y1="${y1}" x2="${x}" y2="${y1 + 4}" stroke="${COLORS.axis}"/>`);
    parts.push(`<text x="${x}" y="${y1 + 17}" font-size="11" fill="${COLORS.muted}" text-anchor="middle">${fmt(t)}</text>`);
  }
  parts.push(`<text x="${(x0 + x1) / 2}" y="${y1 + 34}" font-size="12" fill="${COLORS.muted}" text-anchor="middle">epoch</text>`);
  parts.push(`<path d="M${x0},${y0}V${y1}H${x1}" fill="none" stroke="${COLORS.axis}"/>`);
  return parts.join('');
}

function legend(x: number, y: number, items: readonly (readonly [string, string, boolean])[]): string {
  const parts: string[] = [];
  let cx = x;
  for (const [label, color, dotted] of items) {
    parts.push(`<line x1="${cx}" y1="${y}" x2="${cx + 18}" y2="${y}" stroke="${color}" stroke-width="${dotted ? 1.2 : 2.2}"/>`);
    if (!dotted) parts.push(`<circle cx="${cx + 9}" cy="${y}" r="3" fill="${color}"/>`);
    parts.push(`<text x="${cx + 23}" y="${y}" font-size="11" fill="${COLORS.text}" dominant-baseline="middle">${esc(label)}</text>`);
    cx += 30 + label.length * 6.2;
  }
  return parts.join('');
}

/** Trailing moving average over `window` values. */
function movingAverage(values: readonly number[], window: number): number[] {
  const out: number[] = [];
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i] as number;
    if (i >= window) sum -= values[i - window] as number;
    out.push(sum / Math.min(i + 1, window));
  }
  return out;
}

/** Renders the run's curves. Works for any number of epochs ≥ 0 (an empty run gives empty axes). */
export function renderChart(history: History, options: ChartOptions): string {
  const { epochs, stepLoss, stepsPerEpoch } = history;
  const xMax = Math.max(1, epochs.length > 0 ? (epochs[epochs.length - 1] as { epoch: number }).epoch : 0, stepLoss.length / Math.max(1, stepsPerEpoch));
  const sx = (panelX: number) => (v: number) => panelX + (v / xMax) * PANEL_W;

  // Loss panel (log scale).
  const lossValues = [...stepLoss, ...epochs.map((e) => e.testLoss), ...epochs.map((e) => e.trainLoss)].filter((v) => Number.isFinite(v) && v > 0);
  let lo = lossValues.length > 0 ? Math.min(...lossValues) : 0.1;
  let hi = lossValues.length > 0 ? Math.max(...lossValues) : 1;
  lo = 10 ** (Math.floor(Math.log10(lo) * 4) / 4);
  hi = 10 ** (Math.ceil(Math.log10(hi) * 4) / 4);
  if (!(hi > lo)) hi = lo * 10;
  const lsy = (v: number): number => PANEL_TOP + PANEL_H - ((Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * PANEL_H;
  const lossPanel: Panel = { x: LEFT_X, title: 'Loss (cross-entropy, log scale)', xMax, yTicks: logTicks(lo, hi), yLabel: fmt, sx: sx(LEFT_X), sy: lsy };
  const lsx = lossPanel.sx;
  const stepPts = stepLoss.map((v, i) => [lsx((i + 1) / stepsPerEpoch), lsy(v)] as const);
  const window = Math.max(1, Math.round(stepsPerEpoch / 5));
  const smoothPts = movingAverage(stepLoss, window).map((v, i) => [lsx((i + 1) / stepsPerEpoch), lsy(v)] as const);
  const testLossPts = epochs.map((e) => [lsx(e.epoch), lsy(e.testLoss)] as const);

  // Accuracy panel (linear, in percent).
  const accValues = epochs.flatMap((e) => [e.trainAcc, e.testAcc]).map((v) => v * 100);
  const accLo = accValues.length > 0 ? Math.max(0, Math.floor(Math.min(...accValues) / 5) * 5) : 0;
  const accHi = 100;
  const asy = (v: number): number => PANEL_TOP + PANEL_H - ((v - accLo) / Math.max(1e-9, accHi - accLo)) * PANEL_H;
  const accPanel: Panel = {
    x: RIGHT_X,
    title: 'Accuracy (%)',
    xMax,
    yTicks: niceTicks(accLo, accHi, 6),
    yLabel: fmt,
    sx: sx(RIGHT_X),
    sy: asy,
  };
  const asx = accPanel.sx;
  const trainAccPts = epochs.map((e) => [asx(e.epoch), asy(e.trainAcc * 100)] as const);
  const testAccPts = epochs.map((e) => [asx(e.epoch), asy(e.testAcc * 100)] as const);

  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif">`);
  parts.push(`<title>${esc(options.title)}</title>`);
  parts.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  parts.push(`<text x="${LEFT_X - 50}" y="26" font-size="16" font-weight="600" fill="${COLORS.text}">${esc(options.title)}</text>`);
  if (options.subtitle !== undefined) {
    parts.push(`<text x="${LEFT_X - 50}" y="46" font-size="12" fill="${COLORS.muted}">${esc(options.subtitle)}</text>`);
  }
  parts.push(frame(lossPanel));
  parts.push(`<g clip-path="url(#loss-clip)">`);
  parts.push(polyline(stepPts, COLORS.step, 0.8));
  parts.push(polyline(smoothPts, COLORS.train, 2));
  parts.push(polyline(testLossPts, COLORS.test, 2));
  parts.push('</g>');
  parts.push(dots(testLossPts, COLORS.test));
  parts.push(`<clipPath id="loss-clip"><rect x="${LEFT_X}" y="${PANEL_TOP}" width="${PANEL_W}" height="${PANEL_H}"/></clipPath>`);
  parts.push(legend(LEFT_X + 8, H - 22, [['train (each step)', COLORS.step, true], ['train (moving avg)', COLORS.train, true], ['test (per epoch)', COLORS.test, false]]));

  parts.push(frame(accPanel));
  parts.push(polyline(trainAccPts, COLORS.train, 2));
  parts.push(dots(trainAccPts, COLORS.train));
  parts.push(polyline(testAccPts, COLORS.test, 2));
  parts.push(dots(testAccPts, COLORS.test));
  const last = epochs[epochs.length - 1];
  if (last !== undefined) {
    // Above the plot area, right-aligned on the panel title's baseline: no curve can reach it.
    parts.push(`<text x="${RIGHT_X + PANEL_W}" y="${PANEL_TOP - 12}" font-size="12" font-weight="600" fill="${COLORS.test}" text-anchor="end">test ${(last.testAcc * 100).toFixed(2)}%</text>`);
  }
  parts.push(legend(RIGHT_X + 8, H - 22, [['train', COLORS.train, false], ['test', COLORS.test, false]]));
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

/**
 * The function plot of the trajectories panel: a heat map of log(1 + f − min f) with contour
 * lines (drawn pixel by pixel on one canvas), and the runs, the start and the minima drawn as
 * vectors on a second canvas above it, with the axes around both.
 */
import type { TestFunction, View } from './functions.js';

/** Plot margins in CSS pixels: room for the tick labels. */
const MARGIN = { left: 44, right: 12, top: 12, bottom: 30 };
/** Light (low f) to dark (high f). */
const STOPS: ReadonlyArray<readonly [number, number, number]> = [
  [255, 255, 217],
  [199, 233, 180],
  [127, 205, 187],
  [65, 182, 196],
  [29, 145, 192],
  [34, 94, 168],
  [12, 44, 132],
];
/** Contour levels across the range of log(1 + f − min f). */
const LEVELS = 18;

function colour(t: number): [number, number, number] {
  const u = Math.min(1, Math.max(0, t)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(u));
  const f = u - i;
  const a = STOPS[i] as readonly [number, number, number];
  const b = STOPS[i + 1] as readonly [number, number, number];
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f];
}

/** A run as the plot draws it. */
export interface PlotRun {
  xs: readonly number[];
  ys: readonly number[];
  colour: string;
  /** The live run is drawn wider. */
  live: boolean;
}

/** Nice tick positions covering [lo, hi]. */
function ticks(lo: number, hi: number, count: number): number[] {
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) out.push(Math.round(v / step) * step);
  return out;
}

export class FunctionPlot {
  readonly root: HTMLDivElement;
  private readonly heat: HTMLCanvasElement;
  private readonly overlay: HTMLCanvasElement;
  private fn: TestFunction | null = null;
  private runs: PlotRun[] = [];
  private start: readonly [number, number] = [0, 0];

  constructor(readonly width: number, readonly height: number) {
    this.root = document.createElement('div');
    this.root.className = 'function-plot';
    this.root.style.width = `${width}px`;
    this.root.style.height = `${height}px`;
    this.heat = document.createElement('canvas');
    this.overlay = document.createElement('canvas');
    for (const c of [this.heat, this.overlay]) {
      c.style.width = `${width}px`;
      c.style.height = `${height}px`;
      this.root.append(c);
    }
    this.overlay.className = 'overlay';
  }

  /** The plotting rectangle inside the margins, in CSS pixels. */
  get inner(): { x: number; y: number; w: number; h: number } {
    return { x: MARGIN.left, y: MARGIN.top, w: this.width - MARGIN.left - MARGIN.right, h: this.height - MARGIN.top - MARGIN.bottom };
  }

  private get view(): View {
    return (this.fn as TestFunction).view;
  }

  /** CSS-pixel position of the point (x, y). */
  toPixel(x: number, y: number): [number, number] {
    const r = this.inner;
    const v = this.view;
    return [r.x + ((x - v.xmin) / (v.xmax - v.xmin)) * r.w, r.y + ((v.ymax - y) / (v.ymax - v.ymin)) * r.h];
  }

  /** The point at a CSS-pixel position, or null outside the plotting rectangle. */
  fromPixel(px: number, py: number): [number, number] | null {
    const r = this.inner;
    if (this.fn === null || px < r.x || px > r.x + r.w || py < r.y || py > r.y + r.h) return null;
    const v = this.view;
    return [v.xmin + ((px - r.x) / r.w) * (v.xmax - v.xmin), v.ymax - ((py - r.y) / r.h) * (v.ymax - v.ymin)];
  }

  /** Draws the heat map and contours of `fn` (and the axes). */
  setFunction(fn: TestFunction): void {
    this.fn = fn;
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    const W = Math.round(this.width * dpr);
    const H = Math.round(this.height * dpr);
    this.heat.width = W;
    this.heat.height = H;
    const ctx = this.heat.getContext('2d') as CanvasRenderingContext2D;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, W, H);
    const r = this.inner;
    const x0 = Math.round(r.x * dpr);
    const y0 = Math.round(r.y * dpr);
    const w = Math.round(r.w * dpr);
    const h = Math.round(r.h * dpr);
    const v = fn.view;
    const values = new Float64Array(w * h);
    let min = Infinity;
    for (let j = 0; j < h; j++) {
      const y = v.ymax - ((j + 0.5) / h) * (v.ymax - v.ymin);
      for (let i = 0; i < w; i++) {
        const f = fn.value(v.xmin + ((i + 0.5) / w) * (v.xmax - v.xmin), y);
        values[j * w + i] = f;
        if (f < min) min = f;
      }
    }
    let max = -Infinity;
    for (let k = 0; k < values.length; k++) {
      const t = Math.log1p((values[k] as number) - min);
      values[k] = t;
      if (t > max) max = t;
    }
    const level = new Int32Array(w * h);
    for (let k = 0; k < values.length; k++) level[k] = Math.floor(((values[k] as number) / max) * LEVELS);
    const img = ctx.createImageData(w, h);
    for (let j = 0; j < h; j++) {
      for (let i = 0; i < w; i++) {
        const k = j * w + i;
        const [cr, cg, cb] = colour((values[k] as number) / max);
        const edge = (i + 1 < w && level[k + 1] !== level[k]) || (j + 1 < h && level[k + w] !== level[k]);
        const shade = edge ? 0.62 : 1;
        img.data[4 * k] = cr * shade;
        img.data[4 * k + 1] = cg * shade;
        img.data[4 * k + 2] = cb * shade;
        img.data[4 * k + 3] = 255;
      }
    }
    ctx.putImageData(img, x0, y0);
    this.drawAxes(ctx, dpr);
    this.drawOverlay();
  }

  private drawAxes(ctx: CanvasRenderingContext2D, dpr: number): void {
    const r = this.inner;
    const v = this.view;
    ctx.save();
    ctx.scale(dpr, dpr);
    ctx.strokeStyle = '#555';
    ctx.lineWidth = 1;
    ctx.strokeRect(r.x - 0.5, r.y - 0.5, r.w + 1, r.h + 1);
    ctx.fillStyle = '#333';
    ctx.font = '11px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const t of ticks(v.xmin, v.xmax, 6)) {
      const [px] = this.toPixel(t, v.ymin);
      ctx.fillRect(px, r.y + r.h, 1, 4);
      ctx.fillText(String(t), px, r.y + r.h + 6);
    }
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const t of ticks(v.ymin, v.ymax, 6)) {
      const [, py] = this.toPixel(v.xmin, t);
      ctx.fillRect(r.x - 4, py, 4, 1);
      ctx.fillText(String(t), r.x - 6, py);
    }
    ctx.textAlign = 'left';
    ctx.fillText('x', r.x + r.w - 8, r.y + r.h + 20);
    ctx.fillText('y', 4, r.y + 6);
    ctx.restore();
  }

  /** Replaces the drawn runs and start point. */
  setRuns(runs: PlotRun[], start: readonly [number, number]): void {
    this.runs = runs;
    this.start = start;
    this.drawOverlay();
  }

  private drawOverlay(): void {
    if (this.fn === null) return;
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    this.overlay.width = Math.round(this.width * dpr);
    this.overlay.height = Math.round(this.height * dpr);
    const ctx = this.overlay.getContext('2d') as CanvasRenderingContext2D;
    ctx.scale(dpr, dpr);
    const r = this.inner;
    ctx.save();
    ctx.beginPath();
    ctx.rect(r.x, r.y, r.w, r.h);
    ctx.clip();
    for (const [mx, my] of this.fn.minima) {
      const [px, py] = this.toPixel(mx, my);
      ctx.fillStyle = '#fff';
      ctx.strokeStyle = '#000';
      ctx.lineWidth = 1;
      star(ctx, px, py, 8);
    }
    // Pinned runs first, the live run on top.
    const ordered = [...this.runs.filter((x) => !x.live), ...this.runs.filter((x) => x.live)];
    for (const run of ordered) {
      ctx.strokeStyle = run.colour;
      ctx.fillStyle = run.colour;
      ctx.lineWidth = run.live ? 2.5 : 1.8;
      ctx.lineJoin = 'round';
      ctx.beginPath();
      run.xs.forEach((x, i) => {
        const [px, py] = this.toPixel(x, run.ys[i] as number);
        if (i === 0) ctx.moveTo(px, py);
        else ctx.lineTo(px, py);
      });
      ctx.stroke();
      const n = run.xs.length;
      const every = Math.max(1, Math.floor(n / 60));
      for (let i = every; i < n; i += every) {
        const [px, py] = this.toPixel(run.xs[i] as number, run.ys[i] as number);
        ctx.beginPath();
        ctx.arc(px, py, run.live ? 2.2 : 1.8, 0, 2 * Math.PI);
        ctx.fill();
      }
      const [ex, ey] = this.toPixel(run.xs[n - 1] as number, run.ys[n - 1] as number);
      ctx.beginPath();
      ctx.arc(ex, ey, 4.5, 0, 2 * Math.PI);
      ctx.fill();
      ctx.strokeStyle = '#fff';
      ctx.lineWidth = 1.2;
      ctx.stroke();
    }
    const [sx, sy] = this.toPixel(this.start[0], this.start[1]);
    ctx.fillStyle = '#fff';
    ctx.strokeStyle = '#000';
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.arc(sx, sy, 5.5, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
    ctx.restore();
  }
}

function star(ctx: CanvasRenderingContext2D, x: number, y: number, r: number): void {
  ctx.beginPath();
  for (let k = 0; k < 10; k++) {
    const a = -Math.PI / 2 + (k * Math.PI) / 5;
    const rr = k % 2 === 0 ? r : r * 0.45;
    ctx.lineTo(x + rr * Math.cos(a), y + rr * Math.sin(a));
  }
  ctx.closePath();
  ctx.fill();
  ctx.stroke();
}

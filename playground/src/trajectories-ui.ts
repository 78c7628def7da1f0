/**
 * Panel (a): RMSProp trajectories on the 2-D test functions. The controls define the live run
 * (recomputed on every change); "Pin" keeps a copy of its settings as a further run in its own
 * colour. All runs start from the same point on the same function: changing the function or
 * clicking on the plot (a new start) recomputes every run. Below the plot, f(xₜ) per step of
 * every run (uPlot).
 */
import uPlot from 'uplot';
import { FUNCTIONS, type FunctionId, type TestFunction } from './functions.js';
import { kernelText, legendText, updateRuleMathML } from './formula.js';
import { FunctionPlot } from './heatmap.js';
import {
  CLIPS,
  defaultConfig,
  EXPONENTIAL_GAMMA,
  runTrajectory,
  SCHEDULERS,
  STEP_GAMMA,
  stepDecaySize,
  type ClipKind,
  type RunConfig,
  type SchedulerKind,
  type Trajectory,
} from './trajectory.js';

/** Run colours: the live run takes the first, pinned runs the others in turn. */
export const RUN_COLOURS = ['#e41a1c', '#ff7f00', '#7b2fbf', '#111111', '#f032e6', '#a65628', '#2ca02c', '#00a0b0'] as const;
const MAX_PINNED = RUN_COLOURS.length - 1;
/** The lowest value the log-scale f(xₜ) chart draws (see renderChart). */
const LOG_FLOOR = 1e-20;

/** One run as the page shows it (what tests read through `window.playground`). */
export interface ShownRun {
  live: boolean;
  colour: string;
  fn: FunctionId;
  start: [number, number];
  config: RunConfig;
  xs: number[];
  ys: number[];
  values: number[];
  diverged: boolean;
  /** The library's error message when the settings were refused. */
  error: string | null;
}

interface Pinned {
  config: RunConfig;
  colour: string;
}

function el<T extends HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (e === null) throw new Error(`playground: #${id} is missing`);
  return e as T;
}

/** Settings as one line. */
export function describeConfig(c: RunConfig): string {
  const parts = [`lr ${c.lr}`, `ρ ${c.rho}`, `ε ${c.epsilon}`];
  if (c.momentum !== 0) parts.push(`β ${c.momentum}`);
  if (c.centered) parts.push('centered');
  if (c.scheduler !== 'none') parts.push(c.scheduler);
  if (c.clip !== 'none') parts.push(`${c.clip}(${c.clipValue})`);
  parts.push(`${c.steps} steps`);
  return parts.join(' · ');
}

function schedulerNote(c: RunConfig): string {
  switch (c.scheduler) {
    case 'none':
      return '';
    case 'StepDecay':
      return `StepDecay(step_size=${stepDecaySize(c.steps)}, gamma=${STEP_GAMMA}) per step`;
    case 'CosineAnnealingDecay':
      return `CosineAnnealingDecay(T_max=${c.steps}) per step`;
    case 'ExponentialDecay':
      return `ExponentialDecay(gamma=${EXPONENTIAL_GAMMA}) per step`;
  }
}

function clipNote(c: RunConfig): string {
  return c.clip === 'ClipGradByValue' ? `ClipGradByValue(max=${c.clipValue}, min=${-c.clipValue})` : `${c.clip}(clip_norm=${c.clipValue})`;
}

/** A number input with a range slider beside it (log10 scale when `log`), kept in step. */
function bindNumber(id: string, log: boolean, onChange: () => void): void {
  const input = el<HTMLInputElement>(id);
  const range = document.getElementById(`${id}-range`) as HTMLInputElement | null;
  const sync = (): void => {
    const v = Number(input.value);
    if (range !== null && Number.isFinite(v) && (!log || v > 0)) range.value = String(log ? Math.log10(v) : v);
  };
  sync();
  input.addEventListener('input', () => {
    sync();
    onChange();
  });
  range?.addEventListener('input', () => {
    const v = Number(range.value);
    input.value = log ? String(Number((10 ** v).toPrecision(2))) : String(v);
    onChange();
  });
}

/** Tick labels: small values in exponent form (uPlot's default shows 1e-4 as 0). */
function fmtTick(v: number | null): string {
  if (v === null) return '';
  const a = Math.abs(v);
  return a !== 0 && (a < 0.01 || a >= 1e5) ? v.toExponential(0) : String(Number(v.toPrecision(3)));
}

export class TrajectoriesPanel {
  private fn: TestFunction = FUNCTIONS.rosenbrock;
  private start: [number, number] = [...FUNCTIONS.rosenbrock.start];
  private pinned: Pinned[] = [];
  private shown: ShownRun[] = [];
  private pending = false;
  /** The function plot (tests read its pixel mapping). */
  readonly plot: FunctionPlot;
  private chart: uPlot | null = null;
  /** Increments at each recomputation (tests wait on it). */
  version = 0;

  /** True from a change until the recomputation that shows it (at the next frame). */
  get busy(): boolean {
    return this.pending;
  }

  constructor() {
    this.plot = new FunctionPlot(560, 470);
    el('plot').append(this.plot.root);
    const fnSelect = el<HTMLSelectElement>('fn');
    for (const f of Object.values(FUNCTIONS)) fnSelect.add(new Option(f.label, f.id));
    const sched = el<HTMLSelectElement>('scheduler');
    for (const s of SCHEDULERS) sched.add(new Option(s, s));
    const clip = el<HTMLSelectElement>('clip');
    for (const c of CLIPS) clip.add(new Option(c, c));

    const changed = (): void => this.request();
    bindNumber('lr', true, changed);
    bindNumber('rho', false, changed);
    bindNumber('eps', true, changed);
    bindNumber('momentum', false, changed);
    bindNumber('clip-value', false, changed);
    bindNumber('steps', false, changed);
    for (const id of ['centered', 'scheduler', 'clip']) el(id).addEventListener('change', changed);
    fnSelect.addEventListener('change', () => this.setFunction(fnSelect.value as FunctionId, true));
    el('pin').addEventListener('click', () => this.pin());
    el('clear').addEventListener('click', () => {
      this.pinned = [];
      this.request();
    });
    el('reset').addEventListener('click', () => this.setFunction(this.fn.id, true));
    this.plot.root.addEventListener('click', (e) => {
      const rect = this.plot.root.getBoundingClientRect();
      const p = this.plot.fromPixel(e.clientX - rect.left, e.clientY - rect.top);
      if (p === null) return;
      this.start = [Number(p[0].toFixed(3)), Number(p[1].toFixed(3))];
      this.request();
    });
    this.plot.root.addEventListener('mousemove', (e) => {
      const rect = this.plot.root.getBoundingClientRect();
      const p = this.plot.fromPixel(e.clientX - rect.left, e.clientY - rect.top);
      el('hover').textContent = p === null ? '' : `x ${p[0].toFixed(3)}, y ${p[1].toFixed(3)}: f ${this.fn.value(p[0], p[1]).toPrecision(4)} (click: start here)`;
    });
    this.setFunction('rosenbrock', true);
  }

  /** Switches function; with `defaults`, also its start, learning rate and step count. */
  setFunction(id: FunctionId, defaults: boolean): void {
    this.fn = FUNCTIONS[id];
    el<HTMLSelectElement>('fn').value = id;
    el('fn-formula').textContent = this.fn.formula;
    if (defaults) {
      this.start = [...this.fn.start];
      const d = defaultConfig(this.fn);
      this.writeConfig(d);
    }
    this.plot.setFunction(this.fn);
    this.request();
  }

  private writeConfig(c: RunConfig): void {
    const set = (id: string, v: string): void => {
      const input = el<HTMLInputElement>(id);
      input.value = v;
      input.dispatchEvent(new Event('input'));
    };
    set('lr', String(c.lr));
    set('rho', String(c.rho));
    set('eps', String(c.epsilon));
    set('momentum', String(c.momentum));
    set('clip-value', String(c.clipValue));
    set('steps', String(c.steps));
    el<HTMLInputElement>('centered').checked = c.centered;
    el<HTMLSelectElement>('scheduler').value = c.scheduler;
    el<HTMLSelectElement>('clip').value = c.clip;
  }

  /** The live run's settings as the controls show them. */
  readConfig(): RunConfig {
    const num = (id: string): number => Number(el<HTMLInputElement>(id).value);
    return {
      lr: num('lr'),
      rho: num('rho'),
      epsilon: num('eps'),
      momentum: num('momentum'),
      centered: el<HTMLInputElement>('centered').checked,
      scheduler: el<HTMLSelectElement>('scheduler').value as SchedulerKind,
      clip: el<HTMLSelectElement>('clip').value as ClipKind,
      clipValue: num('clip-value'),
      steps: Math.max(1, Math.min(5000, Math.round(num('steps')) || 1)),
    };
  }

  private pin(): void {
    if (this.pinned.length >= MAX_PINNED) this.pinned.shift();
    const used = new Set(this.pinned.map((p) => p.colour));
    const colour = RUN_COLOURS.slice(1).find((c) => !used.has(c)) ?? (RUN_COLOURS[1] as string);
    this.pinned.push({ config: this.readConfig(), colour });
    this.request();
  }

  /** Recomputes at the next frame (many input events coalesce into one). */
  request(): void {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.recompute();
    });
  }

  /** The runs now shown (live first). */
  runs(): ShownRun[] {
    return this.shown;
  }

  private compute(config: RunConfig, colour: string, live: boolean): ShownRun {
    const base = { live, colour, fn: this.fn.id, start: [...this.start] as [number, number], config };
    try {
      const t: Trajectory = runTrajectory(this.fn, this.start, config);
      return { ...base, xs: t.xs, ys: t.ys, values: t.values, diverged: t.diverged, error: null };
    } catch (e) {
      return { ...base, xs: [this.start[0]], ys: [this.start[1]], values: [], diverged: false, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
    }
  }

  private recompute(): void {
    const t0 = performance.now();
    const live = this.readConfig();
    this.shown = [this.compute(live, RUN_COLOURS[0], true), ...this.pinned.map((p) => this.compute(p.config, p.colour, false))];
    const ms = performance.now() - t0;
    this.plot.setRuns(
      this.shown.map((r) => ({ xs: r.xs, ys: r.ys, colour: r.colour, live: r.live })),
      this.start,
    );
    this.renderList();
    this.renderFormula(live);
    this.renderChart();
    const steps = this.shown.reduce((a, r) => a + r.xs.length - 1, 0);
    el('traj-status').textContent = `${this.shown.length} run${this.shown.length === 1 ? '' : 's'}, ${steps} RMSProp steps in ${ms.toFixed(0)} ms · start (${this.start[0]}, ${this.start[1]})`;
    this.version++;
  }

  private renderList(): void {
    const list = el('runs');
    list.replaceChildren();
    this.shown.forEach((r, i) => {
      const li = document.createElement('li');
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = r.colour;
      const text = document.createElement('span');
      const n = r.xs.length - 1;
      const end = r.error !== null ? r.error : r.diverged ? `diverged after ${n} step${n === 1 ? '' : 's'} (|x| or |y| past 1e4, or NaN)` : `f = ${(r.values[r.values.length - 1] ?? NaN).toPrecision(4)} at (${(r.xs[n] as number).toFixed(3)}, ${(r.ys[n] as number).toFixed(3)})`;
      text.textContent = `${r.live ? 'live: ' : ''}${describeConfig(r.config)} → ${end}`;
      if (r.error !== null) text.className = 'error';
      li.append(swatch, text);
      if (!r.live) {
        const remove = document.createElement('button');
        remove.textContent = '×';
        remove.title = 'remove this run';
        remove.addEventListener('click', () => {
          this.pinned.splice(i - 1, 1);
          this.request();
        });
        li.append(remove);
      }
      list.append(li);
    });
  }

  private renderFormula(c: RunConfig): void {
    el('rule').innerHTML = updateRuleMathML(c.centered);
    el('rule-legend').textContent = legendText(c, schedulerNote(c), clipNote(c));
    el('rule-kernel').textContent = kernelText(c.centered);
  }

  private renderChart(): void {
    const maxLen = Math.max(...this.shown.map((r) => r.values.length), 1);
    const x = Array.from({ length: maxLen }, (_, i) => i);
    const log = this.fn.logScale;
    // uPlot's log axis knows decades from 1e-32 up only (below, its tick loop never ends), and f
    // in float32 gets down to 1e-45: the log chart draws values below LOG_FLOOR at LOG_FLOOR.
    let floored = false;
    const data: uPlot.AlignedData = [
      x,
      ...this.shown.map((r) => x.map((i) => {
        const v = r.values[i];
        if (v === undefined || !Number.isFinite(v) || (log && v <= 0)) return null;
        if (log && v < LOG_FLOOR) {
          floored = true;
          return LOG_FLOOR;
        }
        return v;
      })),
    ];
    const series: uPlot.Series[] = [
      { label: 'step' },
      ...this.shown.map((r, i) => ({ label: r.live ? 'live' : `run ${i}`, stroke: r.colour, width: r.live ? 2 : 1.5, points: { show: false } })),
    ];
    this.chart?.destroy();
    this.chart = new uPlot(
      {
        width: 560,
        height: 200,
        title: `f(xₜ) per step${log ? ` (log scale${floored ? `; below ${LOG_FLOOR} drawn at ${LOG_FLOOR}` : ''})` : ''}`,
        scales: { x: { time: false }, y: log ? { distr: 3 } : {} },
        axes: [{ label: 'step' }, { label: 'f', size: 60, values: (_u, vals) => vals.map(fmtTick) }],
        series,
        legend: { show: false },
      },
      data,
      el('traj-chart'),
    );
  }
}

/**
 * Reference schedules written from the formulas of spec §13, independently of
 * src/optimizer/lr (like the reference functions of Paddle's test_lr_scheduler.py). Arguments are
 * Paddle's keyword arguments. Python's `**`, `math.exp`, `math.cos` and `math.log` come from
 * py-math (tested on its own against Python); `//` and `%` are written out here.
 */
import { cos, exp, log, pow } from '../../src/optimizer/lr/py-math.js';
import { LAMBDAS, type Kwargs } from './helpers.js';

const num = (k: Kwargs, key: string, fallback?: number): number => {
  const v = k[key] ?? fallback;
  if (typeof v !== 'number') throw new Error(`reference: ${key} missing`);
  return v;
};
const fn = (k: Kwargs, key: string): ((x: number) => number) => LAMBDAS[k[key] as string] as (x: number) => number;
const floorInt = (a: number, b: number): number => Math.floor(a / b); // exact for the small integers used
const pyModInt = (a: number, b: number): number => ((a % b) + b) % b;

type LrAt = (k: Kwargs, e: number) => number;

export const CLOSED_FORMS: Record<string, LrAt> = {
  NoamDecay: (k, e) => {
    const a = e === 0 ? 1 : pow(e, -0.5);
    const b = pow(num(k, 'warmup_steps'), -1.5) * e;
    return num(k, 'learning_rate', 1.0) * pow(num(k, 'd_model'), -0.5) * (b < a ? b : a);
  },
  PiecewiseDecay: (k, e) => {
    const bounds = k['boundaries'] as number[];
    const values = k['values'] as number[];
    const i = bounds.findIndex((b) => e < b);
    return (i === -1 ? values[values.length - 1] : values[i]) as number;
  },
  NaturalExpDecay: (k, e) => num(k, 'learning_rate') * exp(-1 * num(k, 'gamma') * e),
  InverseTimeDecay: (k, e) => num(k, 'learning_rate') / (1 + num(k, 'gamma') * e),
  PolynomialDecay: (k, e) => {
    const steps = num(k, 'decay_steps');
    const end = num(k, 'end_lr', 0.0001);
    const cycle = k['cycle'] === true;
    const horizon = cycle ? steps * (e === 0 ? 1 : Math.ceil(e / steps)) : steps;
    const done = cycle ? e : Math.min(e, steps);
    return (num(k, 'learning_rate') - end) * pow(1 - done / horizon, num(k, 'power', 1.0)) + end;
  },
  ExponentialDecay: (k, e) => num(k, 'learning_rate') * pow(num(k, 'gamma'), e),
  MultiStepDecay: (k, e) => {
    const passed = (k['milestones'] as number[]).filter((m) => e >= m).length;
    return num(k, 'learning_rate') * pow(num(k, 'gamma', 0.1), passed);
  },
  StepDecay: (k, e) => num(k, 'learning_rate') * pow(num(k, 'gamma', 0.1), floorInt(e, num(k, 'step_size'))),
  LambdaDecay: (k, e) => num(k, 'learning_rate') * fn(k, 'lr_lambda')(e),
  MultiplicativeDecay: (k, e) => {
    let rate = num(k, 'learning_rate');
    for (let i = 1; i <= e; i++) rate = rate * fn(k, 'lr_lambda')(i);
    return rate;
  },
  OneCycleLR: (k, e) => {
    const T = num(k, 'total_steps');
    const p = num(k, 'phase_pct', 0.3);
    const top = num(k, 'max_learning_rate');
    const start = top / num(k, 'divide_factor', 25);
    const end = num(k, 'end_learning_rate', 0.0001);
    const three = k['three_phase'] === true;
    const edges = three ? [0, p * T - 1, 2 * p * T - 2, T - 1] : [0, p * T - 1, T - 1];
    const rates = three ? [start, top, start, end] : [start, top, end];
    let i = 0;
    while (i < rates.length - 2 && e > (edges[i + 1] as number)) i++;
    const pct = (e - (edges[i] as number)) / ((edges[i + 1] as number) - (edges[i] as number));
    const a = rates[i] as number;
    const b = rates[i + 1] as number;
    return (k['anneal_strategy'] ?? 'cos') === 'cos' ? b + ((a - b) / 2.0) * (cos(Math.PI * pct) + 1) : (b - a) * pct + a;
  },
  CyclicLR: (k, e) => {
    const up = num(k, 'step_size_up');
    const size = up + num(k, 'step_size_down', up);
    const upPct = up / size;
    const cycle = 1 + Math.floor(e / size); // e, size integers: exact
    const x = 1.0 + e / size - cycle;
    const height = x <= upPct ? x / upPct : (1 - x) / (1 - upPct);
    const base = num(k, 'base_learning_rate');
    let scale: number;
    if (typeof k['scale_fn'] === 'string') {
      scale = fn(k, 'scale_fn')((k['scale_mode'] ?? 'cycle') === 'cycle' ? cycle : e);
    } else if ((k['mode'] ?? 'triangular') === 'triangular') {
      scale = 1.0;
    } else if (k['mode'] === 'triangular2') {
      scale = 1 / pow(2.0, cycle - 1);
    } else {
      scale = pow(num(k, 'exp_gamma', 1.0), e);
    }
    return base + (num(k, 'max_learning_rate') - base) * height * scale;
  },
};

/** `eta_min + (base − eta_min)·(1 + cos(π·t/T))/2`. */
export function cosineClosed(base: number, etaMin: number, t: number, T: number): number {
  return etaMin + ((base - etaMin) * (1 + cos((Math.PI * t) / T))) / 2;
}

type Simulator = (k: Kwargs, steps: readonly (number | null)[]) => number[];

/** Closed forms stepped through `steps` (null: next epoch). */
function closed(lrAt: LrAt): Simulator {
  return (k, steps) => {
    let e = num(k, 'last_epoch', -1);
    return [null, ...steps].map((arg) => {
      e = arg === null ? e + 1 : arg;
      return lrAt(k, e);
    });
  };
}

export const SIMULATORS: Record<string, Simulator> = {
  ...Object.fromEntries(Object.entries(CLOSED_FORMS).map(([name, f]) => [name, closed(f)])),

  CosineAnnealingDecay: (k, steps) => {
    const b = num(k, 'learning_rate');
    const T = num(k, 'T_max');
    const eta = num(k, 'eta_min', 0);
    let e = num(k, 'last_epoch', -1);
    let rate = b;
    return [null, ...steps].map((arg) => {
      if (arg !== null) {
        e = arg;
        rate = cosineClosed(b, eta, e, T);
      } else if (++e === 0) {
        rate = b;
      } else if (pyModInt(e - 1 - T, 2 * T) === 0) {
        rate = rate + ((b - eta) * (1 - cos(Math.PI / T))) / 2;
      } else {
        rate = ((1 + cos((Math.PI * e) / T)) / (1 + cos((Math.PI * (e - 1)) / T))) * (rate - eta) + eta;
      }
      return rate;
    });
  },

  LinearLR: (k, steps) => {
    const b = num(k, 'learning_rate');
    const total = num(k, 'total_steps');
    const s = num(k, 'start_factor', 1.0 / 3);
    const t = num(k, 'end_factor', 1.0);
    let e = num(k, 'last_epoch', -1);
    let rate = b;
    return [null, ...steps].map((arg) => {
      e = arg === null ? e + 1 : arg;
      if (e === 0) rate = b * s;
      else if (e <= total) rate = rate * (1.0 + (t - s) / (total * s + (e - 1) * (t - s)));
      return rate;
    });
  },

  CosineAnnealingWarmRestarts: (k, steps) => {
    const b = num(k, 'learning_rate');
    const T0 = num(k, 'T_0');
    const mult = num(k, 'T_mult', 1);
    const eta = num(k, 'eta_min', 0);
    let last = num(k, 'last_epoch', -1);
    let tCur = last;
    let tI = T0;
    return [null, ...steps].map((arg) => {
      const epoch = arg === null && last < 0 ? 0 : arg;
      if (epoch === null) {
        last += 1;
        tCur += 1;
        if (tCur >= tI) [tCur, tI] = [tCur - tI, tI * mult];
      } else {
        if (epoch < T0) [tCur, tI] = [epoch, T0];
        else if (mult === 1) tCur = pyModInt(epoch, T0);
        else {
          const n = Math.trunc(log((epoch / T0) * (mult - 1) + 1) / log(mult));
          [tCur, tI] = [epoch - (T0 * (mult ** n - 1)) / (mult - 1), T0 * mult ** n];
        }
        last = Math.floor(epoch);
      }
      return cosineClosed(b, eta, tCur, tI);
    });
  },

  /** The docstring's ramp `start + (end − start)·e/W` (Paddle's reference; compare within 1e-12). */
  LinearWarmup: (k, steps) => {
    const W = num(k, 'warmup_steps');
    const start = num(k, 'start_lr');
    const end = num(k, 'end_lr');
    const inner = k['learning_rate'];
    let e = num(k, 'last_epoch', -1);
    return [null, ...steps].map((arg) => {
      e = arg === null ? e + 1 : arg;
      if (e < W) return start + (end - start) * (e / W);
      if (typeof inner === 'number') return inner;
      const nested = inner as { class: string; config: Kwargs };
      return (SIMULATORS[nested.class] as Simulator)(nested.config, [e - W]).at(-1) as number;
    });
  },

  ReduceOnPlateau: (k, metrics) => {
    let rate = num(k, 'learning_rate');
    const factor = num(k, 'factor', 0.1);
    const patience = num(k, 'patience', 10);
    const threshold = num(k, 'threshold', 1e-4);
    const cooldown = num(k, 'cooldown', 0);
    const minLr = num(k, 'min_lr', 0);
    const eps = num(k, 'epsilon', 1e-8);
    const max = k['mode'] === 'max';
    const rel = (k['threshold_mode'] ?? 'rel') === 'rel';
    let best: number | null = null;
    let bad = 0;
    let cool = 0;
    const out = [rate];
    for (const m of metrics as number[]) {
      if (cool > 0) {
        cool -= 1;
      } else {
        const margin = best === null ? 0 : rel ? best * threshold : threshold;
        const better = best === null || (max ? m > best + margin : m < best - margin);
        if (better) [best, bad] = [m, 0];
        else bad += 1;
        if (bad > patience) {
          [cool, bad] = [cooldown, 0];
          const next = Math.max(rate * factor, minLr);
          if (rate - next > eps) rate = next;
        }
      }
      out.push(rate);
    }
    return out;
  },
};

/** The reference trajectory of `cls` with Paddle kwargs `k` over `steps`. */
export function simulate(cls: string, k: Kwargs, steps: readonly (number | null)[]): number[] {
  const sim = SIMULATORS[cls];
  if (sim === undefined) throw new Error(`no reference for ${cls}`);
  return sim(k, steps);
}

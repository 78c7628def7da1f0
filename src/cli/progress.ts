/**
 * Training progress: on a terminal, one live bar per epoch (loss, accuracy, samples/s, ETA),
 * redrawn at most ~12 times a second and replaced by the epoch's summary line when it ends; when
 * the output is not a terminal (a pipe, a CI log), only the summary lines.
 */
import type { EpochRecord } from './history.js';

export interface TextOutput {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

const REDRAW_MS = 80;

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(r).padStart(2, '0')}`;
}

/** Seconds for a summary: `0.04 s`, `0.3 s`, `5.2 s`, `42 s` (one decimal below 10 s). */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '? s';
  if (seconds === 0) return '0 s';
  if (seconds < 0.095) return `${Number(seconds.toPrecision(1))} s`;
  if (seconds < 9.95) return `${seconds.toFixed(1)} s`;
  return `${seconds.toFixed(0)} s`;
}

/** `1 epoch`, `2 epochs`, `1,000 steps`. */
export function plural(n: number, noun: string): string {
  return `${formatInt(n)} ${noun}${n === 1 ? '' : 's'}`;
}

export function formatInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(2)}%`;
}

export function formatLr(lr: number): string {
  return lr === 0 ? '0' : lr.toExponential(2);
}

export class Progress {
  private readonly tty: boolean;
  private epoch = 0;
  private epochs = 0;
  private total = 0;
  private started = 0;
  private lastDraw = -Infinity;
  private drawn = false;

  constructor(
    private readonly out: TextOutput,
    private readonly now: () => number,
  ) {
    this.tty = out.isTTY === true;
  }

  /** A line of its own (clears a live bar first). */
  line(text: string): void {
    this.clear();
    this.out.write(`${text}\n`);
  }

  startEpoch(epoch: number, epochs: number, samples: number): void {
    this.epoch = epoch;
    this.epochs = epochs;
    this.total = samples;
    this.started = this.now();
    this.lastDraw = -Infinity;
  }

  /** Called after every step with the epoch's running means. */
  update(done: number, loss: number, acc: number): void {
    if (!this.tty) return;
    const t = this.now();
    if (t - this.lastDraw < REDRAW_MS && done < this.total) return;
    this.lastDraw = t;
    const elapsed = (t - this.started) / 1000;
    const rate = elapsed > 0 ? done / elapsed : 0;
    const eta = rate > 0 ? (this.total - done) / rate : Number.NaN;
    const head = `epoch ${this.counter()} `;
    const tail = ` ${Math.floor((done / this.total) * 100)
      .toString()
      .padStart(3)}% | loss ${loss.toFixed(4)} | acc ${percent(acc)} | ${formatInt(rate)} samples/s | ETA ${formatDuration(eta)}`;
    const columns = this.out.columns !== undefined && this.out.columns > 0 ? this.out.columns : 100; // 0: a pty of unknown size
    const barWidth = Math.max(10, Math.min(30, columns - head.length - tail.length - 1));
    const filled = Math.round((done / this.total) * barWidth);
    const bar = '█'.repeat(filled) + '░'.repeat(barWidth - filled);
    this.out.write(`\r\x1b[2K${(head + bar + tail).slice(0, Math.max(20, columns - 1))}`);
    this.drawn = true;
  }

  endEpoch(r: EpochRecord, samplesPerSecond: number): void {
    this.line(
      `epoch ${this.counter()}  loss ${r.trainLoss.toFixed(4)}  acc ${percent(r.trainAcc)}  |  test loss ${r.testLoss.toFixed(4)}  acc ${percent(r.testAcc)}  |  lr ${formatLr(r.lr)}  |  ${formatSeconds(r.seconds)}, ${formatInt(samplesPerSecond)} samples/s`,
    );
  }

  private counter(): string {
    const w = String(this.epochs).length;
    return `${String(this.epoch).padStart(w)}/${this.epochs}`;
  }

  private clear(): void {
    if (this.drawn) {
      this.out.write('\r\x1b[2K');
      this.drawn = false;
    }
  }
}

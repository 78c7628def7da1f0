/**
 * Panel (b): the demo's MNIST MLP (784-256-10, RMSProp, batch 64, the 8,000 / 1,756 split of
 * `npm run demo`) trained in the page. The data split, the epoch shuffles, the model and the
 * default settings are the demo's own code (src/cli/mnist.ts, shuffle.ts, model.ts, args.ts);
 * the step is the one of src/cli/train.ts (forward, cross-entropy, backward, RMSProp step, clear,
 * in a fresh name scope so the checkpoint's keys are the demo's). Training runs on the page's
 * thread in chunks of about 40 ms with a yield between them, so the page stays responsive.
 */
import uPlot from 'uplot';
import * as paddle from '../../src/index.js';
import { DEFAULT_CONFIG, SCHEDULERS, type SchedulerName, type TrainConfig } from '../../src/cli/args.js';
import { gatherBatch, IMAGE_SIZE, NUM_CLASSES, type Digits, type MnistSplit } from '../../src/cli/mnist.js';
import type { CNN, MLP } from '../../src/cli/model.js';
import { buildTraining } from '../../src/cli/train.js';
import { epochOrder, trainingSubset } from '../../src/cli/shuffle.js';

/** Milliseconds of training between two yields to the page. */
const CHUNK_MS = 40;
/** Charts and numbers are redrawn at most this often (ms). */
const REDRAW_MS = 200;
/** Test digits per forward pass (the demo's EVAL_BATCH for the MLP). */
const EVAL_BATCH = 1000;
/** Test digits shown with their predictions. */
const SAMPLES = 20;

function el<T extends HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (e === null) throw new Error(`playground: #${id} is missing`);
  return e as T;
}

function argmaxRow(logits: ArrayLike<number>, r: number): number {
  let best = 0;
  for (let c = 1; c < NUM_CLASSES; c++) if ((logits[r * NUM_CLASSES + c] as number) > (logits[r * NUM_CLASSES + best] as number)) best = c;
  return best;
}

function batchTensors(set: Digits, order: ArrayLike<number>, start: number, n: number): { x: paddle.Tensor; y: paddle.Tensor; labels: Int32Array } {
  const { x, y } = gatherBatch(set, order, start, n);
  return { x: paddle.Tensor.fromArray(x, [n, IMAGE_SIZE], 'float32'), y: paddle.Tensor.fromArray(y, [n], 'int32'), labels: y };
}

/** A training run: model, optimizer and where it is. */
class Session {
  readonly model: MLP | CNN;
  readonly opt: paddle.optimizer.RMSProp;
  readonly scheduler: paddle.optimizer.lr.LRScheduler | null;
  readonly perStep: boolean;
  readonly rows: Uint32Array;
  readonly stepsPerEpoch: number;
  epoch = 0;
  step = 0;
  order: Uint32Array;
  pos = 0;
  lossSum = 0;
  correct = 0;
  seen = 0;

  constructor(readonly config: TrainConfig, readonly data: MnistSplit) {
    this.rows = trainingSubset(data.train.count, config.limit, config.seed);
    this.stepsPerEpoch = Math.ceil(this.rows.length / config.batchSize);
    paddle.kernels.getBackend(); // before the parameters exist, so they live in the kernel heap
    // the demo's own builder (names, seed, schedule, clipping): the page trains exactly its setup
    const built = buildTraining({ ...config, model: 'mlp' }, this.stepsPerEpoch, config.epochs);
    this.model = built.model;
    this.opt = built.opt;
    this.scheduler = built.scheduler;
    this.perStep = built.perStep;
    this.order = epochOrder(this.rows, config.seed, 0);
  }

  get done(): boolean {
    return this.epoch >= this.config.epochs;
  }

  /** One optimizer step on the next batch; returns its loss, batch size and correct count. */
  trainStep(): { loss: number; n: number; correct: number; lr: number } {
    const n = Math.min(this.config.batchSize, this.rows.length - this.pos);
    const { x, y, labels } = batchTensors(this.data.train, this.order, this.pos, n);
    const lr = this.opt.getLr();
    let correct = 0;
    const loss = paddle.utils.uniqueName.guard(() => {
      const logits = this.model.forward(x);
      const l = paddle.nn.functional.crossEntropy(logits, y);
      l.backward();
      this.opt.step();
      this.opt.clearGrad();
      const d = logits.data;
      for (let r = 0; r < n; r++) if (argmaxRow(d, r) === labels[r]) correct++;
      return Number(l.item());
    });
    if (this.perStep) this.scheduler?.step();
    this.step++;
    this.pos += n;
    this.lossSum += loss * n;
    this.correct += correct;
    this.seen += n;
    return { loss, n, correct, lr };
  }

  get epochEnded(): boolean {
    return this.pos >= this.rows.length;
  }

  /** Closes the epoch: scheduler step, the next epoch's order. */
  nextEpoch(): void {
    if (!this.perStep) this.scheduler?.step();
    this.epoch++;
    this.pos = 0;
    this.lossSum = 0;
    this.correct = 0;
    this.seen = 0;
    this.order = epochOrder(this.rows, this.config.seed, this.epoch);
  }

  /** Mean loss and accuracy on the test digits, and the predictions of the first `count`. */
  evaluate(sample: Uint32Array): { loss: number; acc: number; predicted: number[] } {
    const set = this.data.test;
    const order = Uint32Array.from({ length: set.count }, (_, i) => i);
    let lossSum = 0;
    let correct = 0;
    const predicted: number[] = [];
    paddle.noGrad(() => {
      for (let start = 0; start < set.count; start += EVAL_BATCH) {
        const n = Math.min(EVAL_BATCH, set.count - start);
        const { x, y, labels } = batchTensors(set, order, start, n);
        const logits = this.model.forward(x);
        lossSum += Number(paddle.nn.functional.crossEntropy(logits, y, { reduction: 'sum' }).item());
        const d = logits.data;
        for (let r = 0; r < n; r++) if (argmaxRow(d, r) === labels[r]) correct++;
      }
      const { x } = batchTensors(set, sample, 0, sample.length);
      const d = this.model.forward(x).data;
      for (let r = 0; r < sample.length; r++) predicted.push(argmaxRow(d, r));
    });
    return { loss: lossSum / set.count, acc: correct / set.count, predicted };
  }

  dispose(): void {
    this.opt.dispose();
    this.model.dispose();
  }
}

/** What the panel has recorded of the current run (read by tests through `window.playground`). */
export interface MnistHistory {
  /** Loss of every step. */
  stepLoss: number[];
  /** Per finished epoch: test loss and accuracy. */
  epochs: Array<{ epoch: number; trainLoss: number; trainAcc: number; testLoss: number; testAcc: number }>;
}

function fmtInt(n: number): string {
  return n.toLocaleString('en-US');
}

export class MnistPanel {
  private data: MnistSplit | null = null;
  private session: Session | null = null;
  private running = false;
  /** Resolves when the current loop has returned. */
  private loopDone: Promise<void> = Promise.resolve();
  history: MnistHistory = { stepLoss: [], epochs: [] };
  lossChart: uPlot;
  accChart: uPlot;
  private lossData: [number[], Array<number | null>, Array<number | null>] = [[], [], []];
  private accData: [number[], Array<number | null>, Array<number | null>] = [[], [], []];
  private lastDraw = 0;
  /** (time ms, samples trained) of recent chunks, for samples/s. */
  private rate: Array<[number, number]> = [];
  private samplesTotal = 0;
  /** Training throughput over the last two seconds of training (0: not measured yet). */
  samplesPerSecond = 0;
  private lastLr = 0;
  private readonly sample: Uint32Array;
  private lastMessage = '';

  constructor(private readonly dataUrl: string) {
    const form = el<HTMLSelectElement>('m-scheduler');
    for (const s of SCHEDULERS) form.add(new Option(s, s));
    this.writeDefaults();
    const threads = el<HTMLSelectElement>('m-threads');
    const cores = Math.max(2, Math.min(8, navigator.hardwareConcurrency || 1));
    for (let n = 1; n <= cores; n++) threads.add(new Option(String(n), String(n)));
    threads.value = String(paddle.device.getNumThreads());
    threads.addEventListener('change', () => this.setThreads(Number(threads.value)));
    this.lossChart = new uPlot(
      {
        width: 470,
        height: 230,
        title: 'training loss',
        scales: { x: { time: false } },
        axes: [{ label: 'epoch' }, { label: 'cross-entropy', size: 50 }],
        series: [
          { label: 'epoch' },
          { label: 'batch loss', stroke: 'rgba(33, 113, 181, 0.55)', width: 1, points: { show: false } },
          { label: 'epoch mean', stroke: '#08306b', width: 2, points: { show: false } },
        ],
      },
      [[], [], []],
      el('m-loss-chart'),
    );
    this.accChart = new uPlot(
      {
        width: 470,
        height: 230,
        title: 'accuracy',
        scales: { x: { time: false }, y: { range: [0, 1] } },
        axes: [{ label: 'epoch' }, { label: 'accuracy', size: 50, values: (_u, vals) => vals.map((v) => `${Math.round(v * 100)}%`) }],
        series: [
          { label: 'epoch' },
          { label: 'train (epoch so far)', stroke: '#ff7f00', width: 1.5, points: { show: false }, value: (_u, v) => (v === null ? '–' : `${(v * 100).toFixed(2)}%`) },
          { label: 'test (1,756 digits)', stroke: '#d62728', width: 2, spanGaps: true, points: { show: true, size: 7 }, value: (_u, v) => (v === null ? '–' : `${(v * 100).toFixed(2)}%`) },
        ],
      },
      [[], [], []],
      el('m-acc-chart'),
    );
    // 20 test digits, two of each class (the test set is ordered by digit).
    this.sample = Uint32Array.from({ length: SAMPLES }, (_, i) => i * 87 + 13);
    el('m-train').addEventListener('click', () => void (this.running ? this.pause() : this.start()));
    el('m-reset').addEventListener('click', () => void this.reset());
    el('m-download').addEventListener('click', () => this.download('params'));
    el('m-download-opt').addEventListener('click', () => this.download('opt'));
    this.showKernels();
  }

  /** Fetches and decodes the digits file. */
  async load(decode: (b: ArrayBuffer) => MnistSplit): Promise<void> {
    const t0 = performance.now();
    const res = await fetch(this.dataUrl);
    if (!res.ok) throw new Error(`${this.dataUrl}: HTTP ${res.status}`);
    const buf = await res.arrayBuffer();
    this.data = decode(buf);
    el('m-data').textContent = `digits: ${fmtInt(this.data.train.count)} train / ${fmtInt(this.data.test.count)} test from ${this.dataUrl} (${(buf.byteLength / 1e6).toFixed(1)} MB, ${(performance.now() - t0).toFixed(0)} ms)`;
    el<HTMLButtonElement>('m-train').disabled = false;
    this.drawSamples(null);
  }

  private writeDefaults(): void {
    const c = DEFAULT_CONFIG;
    el<HTMLInputElement>('m-lr').value = String(c.lr);
    el<HTMLInputElement>('m-rho').value = String(c.rho);
    el<HTMLInputElement>('m-momentum').value = String(c.momentum);
    el<HTMLInputElement>('m-centered').checked = c.centered;
    el<HTMLInputElement>('m-clip').value = String(c.clipNorm);
    el<HTMLSelectElement>('m-scheduler').value = c.scheduler;
    el<HTMLInputElement>('m-epochs').value = String(c.epochs);
    el<HTMLInputElement>('m-seed').value = String(c.seed);
  }

  private readConfig(): TrainConfig {
    const num = (id: string): number => Number(el<HTMLInputElement>(id).value);
    return {
      ...DEFAULT_CONFIG,
      lr: num('m-lr'),
      rho: num('m-rho'),
      momentum: num('m-momentum'),
      centered: el<HTMLInputElement>('m-centered').checked,
      clipNorm: num('m-clip'),
      scheduler: el<HTMLSelectElement>('m-scheduler').value as SchedulerName,
      epochs: Math.max(1, Math.round(num('m-epochs'))),
      seed: Math.round(num('m-seed')),
    };
  }

  /** `paddle.device.setNumThreads(n)`; where fewer threads result, the library logs why. */
  private setThreads(n: number): void {
    try {
      const used = paddle.device.setNumThreads(n);
      this.lastMessage = used === n ? '' : `setNumThreads(${n}) gives ${used}`;
    } catch (e) {
      this.lastMessage = e instanceof Error ? e.message : String(e);
    }
    this.showKernels();
    void paddle.kernels.threadsReady().then(() => this.showKernels());
  }

  /** The backend and thread count as the library reports them. */
  showKernels(): void {
    const info = paddle.kernels.kernelInfo();
    const iso = globalThis.crossOriginIsolated === true ? 'cross-origin isolated' : 'not cross-origin isolated';
    const why = info.wasmUnavailableReason !== undefined ? ` · ${info.wasmUnavailableReason}` : '';
    el('m-kernels').textContent = `kernels: ${info.backend}, ${info.threads} thread${info.threads === 1 ? '' : 's'} (page ${iso})${why}${this.lastMessage === '' ? '' : ` · ${this.lastMessage}`}`;
  }

  /**
   * Starts (or continues) training; resolves when it stops: paused, done, or (when given) at
   * step `untilStep` of the run.
   */
  async start(untilStep?: number): Promise<void> {
    if (this.data === null || this.running) return;
    if (this.session === null || this.session.done) this.newSession();
    this.running = true;
    el('m-train').textContent = 'Pause';
    this.loopDone = this.loop(untilStep ?? Infinity);
    await this.loopDone;
  }

  /** Stops after the current step; resolves when it has. */
  async pause(): Promise<void> {
    this.running = false;
    await this.loopDone;
  }

  /** Drops the run (the settings apply to the next one). */
  async reset(): Promise<void> {
    await this.pause();
    this.session?.dispose();
    this.session = null;
    this.history = { stepLoss: [], epochs: [] };
    for (const arr of [...this.lossData, ...this.accData]) arr.length = 0;
    this.samplesTotal = 0;
    this.samplesPerSecond = 0;
    this.rate = [];
    this.drawSamples(null);
    this.draw(true);
  }

  private newSession(): void {
    this.session?.dispose();
    this.history = { stepLoss: [], epochs: [] };
    for (const arr of [...this.lossData, ...this.accData]) arr.length = 0;
    this.samplesTotal = 0;
    this.samplesPerSecond = 0;
    this.rate = [];
    this.session = new Session(this.readConfig(), this.data as MnistSplit);
  }

  /** The current run's step (0 before any). */
  get step(): number {
    return this.session?.step ?? 0;
  }

  /** The current run's model (null before the first run). */
  get model(): MLP | CNN | null {
    return this.session?.model ?? null;
  }

  get isRunning(): boolean {
    return this.running;
  }

  private async loop(untilStep: number): Promise<void> {
    const s = this.session as Session;
    try {
      while (this.running && !s.done && s.step < untilStep) {
        const t0 = performance.now();
        let samples = 0;
        while (this.running && s.step < untilStep && performance.now() - t0 < CHUNK_MS) {
          const r = s.trainStep();
          samples += r.n;
          this.lastLr = r.lr;
          this.history.stepLoss.push(r.loss);
          const x = s.step / s.stepsPerEpoch;
          this.lossData[0].push(x);
          this.lossData[1].push(r.loss);
          this.lossData[2].push(s.lossSum / s.seen);
          this.accData[0].push(x);
          this.accData[1].push(s.correct / s.seen);
          this.accData[2].push(null);
          if (s.epochEnded) {
            this.endEpoch(s);
            break;
          }
        }
        this.samplesTotal += samples;
        const now = performance.now();
        this.rate.push([now, this.samplesTotal]);
        while (this.rate.length > 2 && now - (this.rate[1] as [number, number])[0] > 2000) this.rate.shift();
        this.draw(false);
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    } finally {
      this.running = false;
      el('m-train').textContent = s.done ? 'Train again' : 'Train';
      this.rate = [];
      this.draw(true);
    }
  }

  private endEpoch(s: Session): void {
    const trainLoss = s.lossSum / s.seen;
    const trainAcc = s.correct / s.seen;
    const test = s.evaluate(this.sample);
    this.history.epochs.push({ epoch: s.epoch + 1, trainLoss, trainAcc, testLoss: test.loss, testAcc: test.acc });
    this.accData[2][this.accData[2].length - 1] = test.acc;
    this.drawSamples(test.predicted);
    s.nextEpoch();
    this.draw(true);
  }

  private draw(force: boolean): void {
    const now = performance.now();
    if (!force && now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    // Copies: the charts keep what they last drew (`chart.data`), the panel goes on appending.
    this.lossChart.setData(this.lossData.map((a) => a.slice()) as uPlot.AlignedData);
    this.accChart.setData(this.accData.map((a) => a.slice()) as uPlot.AlignedData);
    const s = this.session;
    const parts: string[] = [];
    if (s === null) {
      parts.push('not started');
    } else {
      const total = s.config.epochs * s.stepsPerEpoch;
      parts.push(`epoch ${Math.min(s.epoch + 1, s.config.epochs)} of ${s.config.epochs}`, `step ${fmtInt(s.step)} of ${fmtInt(total)}`);
      const last = this.history.stepLoss[this.history.stepLoss.length - 1];
      if (last !== undefined) parts.push(`loss ${last.toFixed(4)}`);
      const ep = this.history.epochs[this.history.epochs.length - 1];
      if (ep !== undefined) parts.push(`test accuracy ${(ep.testAcc * 100).toFixed(2)}% after epoch ${ep.epoch}`);
      parts.push(`lr ${this.lastLr.toPrecision(3)}`);
    }
    const a = this.rate[0];
    const b = this.rate[this.rate.length - 1];
    if (this.running && a !== undefined && b !== undefined && b[0] > a[0]) this.samplesPerSecond = ((b[1] - a[1]) * 1000) / (b[0] - a[0]);
    if (s !== null && this.samplesPerSecond > 0) parts.push(`${fmtInt(Math.round(this.samplesPerSecond))} samples/s${this.running ? '' : ' (last)'}`);
    el('m-stats').textContent = parts.join(' · ');
    el<HTMLButtonElement>('m-download').disabled = s === null || s.step === 0;
    el<HTMLButtonElement>('m-download-opt').disabled = s === null || s.step === 0;
    this.showKernels();
  }

  /** The test digits of the sample with their predicted labels (null: none yet). */
  private drawSamples(predicted: number[] | null): void {
    const data = this.data;
    if (data === null) return;
    const canvas = el<HTMLCanvasElement>('m-samples');
    const scale = 2;
    const cell = 28 * scale + 4;
    canvas.width = SAMPLES * cell;
    canvas.height = cell + 18;
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    const img = ctx.createImageData(28, 28);
    const tmp = document.createElement('canvas');
    tmp.width = 28;
    tmp.height = 28;
    const tctx = tmp.getContext('2d') as CanvasRenderingContext2D;
    ctx.imageSmoothingEnabled = false;
    ctx.font = '13px system-ui, sans-serif';
    ctx.textAlign = 'center';
    this.sample.forEach((row, i) => {
      for (let k = 0; k < IMAGE_SIZE; k++) {
        const v = 255 - Math.round((data.test.images[row * IMAGE_SIZE + k] as number) * 255);
        img.data[4 * k] = v;
        img.data[4 * k + 1] = v;
        img.data[4 * k + 2] = v;
        img.data[4 * k + 3] = 255;
      }
      tctx.putImageData(img, 0, 0);
      ctx.drawImage(tmp, i * cell + 2, 2, 28 * scale, 28 * scale);
      if (predicted !== null) {
        const p = predicted[i] as number;
        ctx.fillStyle = p === data.test.labels[row] ? '#1a7f37' : '#d62728';
        ctx.fillText(String(p), i * cell + cell / 2, cell + 13);
      }
    });
  }

  /** Downloads the model's (`params`) or the optimizer's (`opt`) state dict, Paddle's format. */
  download(which: 'params' | 'opt'): void {
    const s = this.session;
    if (s === null) return;
    const bytes = paddle.saveBytes(which === 'params' ? s.model.stateDict() : s.opt.stateDict());
    const blob = new Blob([new Uint8Array(bytes)], { type: 'application/octet-stream' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `mnist-mlp-step${s.step}.${which === 'params' ? 'pdparams' : 'pdopt'}`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

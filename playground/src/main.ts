/**
 * The playground page: compiles the kernels, then builds panel (a), the optimizer trajectories,
 * and panel (b), MNIST training in the page. `window.playground` exposes both panels (the browser
 * tests drive and read the page through it).
 */
import 'uplot/dist/uPlot.min.css';
import * as paddle from '../../src/index.js';
import { DIGITS_FILE, decodeDigits } from './mnist-data.js';
import { MnistPanel } from './mnist-ui.js';
import { TrajectoriesPanel } from './trajectories-ui.js';

/** What the page exposes on `window.playground`. */
export interface Playground {
  paddle: typeof paddle;
  trajectories: TrajectoriesPanel;
  mnist: MnistPanel;
  /** Resolves when the digits are loaded. */
  ready: Promise<void>;
  /** Lines the library logged (fallback reasons, …). */
  log: string[];
}

declare global {
  interface Window {
    playground?: Playground;
  }
}

async function main(): Promise<void> {
  const log: string[] = [];
  paddle.setLogSink((line) => {
    log.push(line);
    const out = document.getElementById('log');
    if (out !== null) {
      out.hidden = false;
      out.textContent = log.join('\n');
    }
  });
  // Compiles the WebAssembly kernels off the main thread's synchronous path, then selects them.
  try {
    await paddle.kernels.initKernelsAsync();
  } catch (e) {
    log.push(`kernels: ${e instanceof Error ? e.message : String(e)}`);
  }
  const trajectories = new TrajectoriesPanel();
  const mnist = new MnistPanel(DIGITS_FILE);
  const ready = mnist.load(decodeDigits).catch((e: unknown) => {
    const msg = e instanceof Error ? e.message : String(e);
    document.getElementById('m-data')!.textContent = `could not load the digits: ${msg}`;
    throw e;
  });
  window.playground = { paddle, trajectories, mnist, ready, log };
  void paddle.kernels.threadsReady().then(() => mnist.showKernels());
}

void main();

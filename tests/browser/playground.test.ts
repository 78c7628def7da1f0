// The playground page (playground/, `npm run playground`) in Debian's Chromium: built by
// `npm run playground -- --build-only`, served by its server (cross-origin isolated), driven
// through its controls.
// - Trajectories: the page's runs equal the same RMSProp runs computed here in Node, iterate for
//   iterate, for settings covering every scheduler and clip of the controls; changing a control
//   changes the trajectory; a pinned run keeps its settings; the runs are drawn.
// - MNIST: a few steps of in-page training give the losses of the demo's run computed here (same
//   digits, split, shuffle, initialisation), the loss falls, the charts' data grows, the page keeps
//   answering, and the downloaded .pdparams loads back with paddle.loadBytes holding the page's
//   model, key for key, shape for shape, bit for bit.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as paddle from '../../src/index.js';
import { DEFAULT_CONFIG } from '../../src/cli/args.js';
import { gatherBatch, IMAGE_SIZE, loadMnist } from '../../src/cli/mnist.js';
import { MLP } from '../../src/cli/model.js';
import { epochOrder, trainingSubset } from '../../src/cli/shuffle.js';
import { FUNCTIONS, type FunctionId } from '../../playground/src/functions.js';
import type { Playground } from '../../playground/src/main.js';
import type { ShownRun as ShownRunLike } from '../../playground/src/trajectories-ui.js';
import type { RunConfig } from '../../playground/src/trajectory.js';
import { servePlayground } from '../../scripts/playground.js';
import { describeBrowser, launchChromium, openPage, serve, type OpenedPage } from '../helpers/chromium.js';

/** The same run as the page's, written out here with the library's API. */
function nodeTrajectory(fn: FunctionId, start: readonly [number, number], c: RunConfig): { xs: number[]; ys: number[] } {
  const { lr } = paddle.optimizer;
  return paddle.utils.uniqueName.guard(() => {
    const p = paddle.createParameter([2], 'float32', { defaultInitializer: new paddle.nn.initializer.Assign([start[0], start[1]]) });
    const scheduler =
      c.scheduler === 'StepDecay'
        ? new lr.StepDecay(c.lr, Math.round(c.steps / 4), { gamma: 0.5 })
        : c.scheduler === 'CosineAnnealingDecay'
          ? new lr.CosineAnnealingDecay(c.lr, c.steps)
          : c.scheduler === 'ExponentialDecay'
            ? new lr.ExponentialDecay(c.lr, 0.99)
            : null;
    const gradClip =
      c.clip === 'ClipGradByValue'
        ? new paddle.nn.ClipGradByValue(c.clipValue, -c.clipValue)
        : c.clip === 'ClipGradByNorm'
          ? new paddle.nn.ClipGradByNorm(c.clipValue)
          : c.clip === 'ClipGradByGlobalNorm'
            ? new paddle.nn.ClipGradByGlobalNorm(c.clipValue)
            : null;
    const opt = new paddle.optimizer.RMSProp(scheduler ?? c.lr, { parameters: [p], rho: c.rho, epsilon: c.epsilon, momentum: c.momentum, centered: c.centered, gradClip });
    const xs = [p.data[0] as number];
    const ys = [p.data[1] as number];
    for (let i = 0; i < c.steps; i++) {
      FUNCTIONS[fn].loss(p).backward();
      opt.step();
      opt.clearGrad();
      scheduler?.step();
      xs.push(p.data[0] as number);
      ys.push(p.data[1] as number);
    }
    opt.dispose();
    p.dispose();
    return { xs, ys };
  });
}

/** Window of the playground page. */
type Win = Window & { playground: Playground };

describeBrowser('playground page', () => {
  let browser: Browser | undefined;
  let server: Server | undefined;
  let url = '';
  let dir = '';
  let opened: OpenedPage | undefined;
  let page: Page;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'playground-test-'));
    // The site as `npm run playground -- --build-only` builds it.
    const [built, b] = await Promise.all([
      promisify(execFile)('npm', ['run', '--silent', 'playground', '--', '--build-only', '--out', dir], { cwd: fileURLToPath(new URL('../..', import.meta.url)) }),
      launchChromium(),
    ]);
    browser = b;
    expect(built.stdout).toMatch(/^playground: built .* \(index\.html .*main\.js .*mnist-8000-1756\.bin 7\.7 MB; digits packed from the mnist package\)$/m);
    ({ server, url } = await servePlayground(dir, 0));
    opened = await openPage(browser, url);
    page = opened.page;
    await page.waitForFunction(() => (window as unknown as Partial<Win>).playground !== undefined);
    await page.evaluate(() => (window as unknown as Win).playground.ready);
  });
  afterAll(async () => {
    await opened?.close();
    await browser?.close();
    server?.closeAllConnections();
    server?.close();
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  /** Runs `action`, then waits for the page to recompute its trajectories. */
  async function act(action: () => Promise<unknown>): Promise<void> {
    const v = await page.evaluate(() => (window as unknown as Win).playground.trajectories.version);
    await action();
    // Every change sets `busy` at once; the recomputation at the next frame clears it.
    await page.waitForFunction((n) => {
      const t = (window as unknown as Win).playground.trajectories;
      return !t.busy && t.version > n;
    }, v);
  }
  const runs = (): Promise<ShownRunLike[]> => page.evaluate(() => (window as unknown as Win).playground.trajectories.runs());

  it('is served cross-origin isolated, from the built directory only', async () => {
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect((await fetch(`${url}%2e%2e/package.json`)).status).toBe(404);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    expect(opened?.errors).toEqual([]);
  });

  it('draws RMSProp trajectories equal to the same runs in Node; every control changes them', async () => {
    const live = async (): Promise<ShownRunLike> => (await runs())[0] as ShownRunLike;
    const first = await live();
    expect(first.fn).toBe('rosenbrock');
    expect(first.config).toEqual({ lr: 0.01, rho: 0.95, epsilon: 1e-6, momentum: 0, centered: false, scheduler: 'none', clip: 'none', clipValue: 1, steps: 400 });
    expect(first.xs).toHaveLength(401);
    const ref = nodeTrajectory('rosenbrock', first.start, first.config);
    expect(first.xs).toEqual(ref.xs);
    expect(first.ys).toEqual(ref.ys);

    // The run is drawn: the end marker, in the run's colour, sits where the last iterate maps.
    const pixel = await page.evaluate(([x, y]) => {
      const t = (window as unknown as Win).playground.trajectories;
      const [px, py] = t.plot.toPixel(x, y);
      const canvas = document.querySelector('.function-plot canvas.overlay') as HTMLCanvasElement;
      const dpr = canvas.width / t.plot.width;
      return Array.from((canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(Math.round(px * dpr), Math.round(py * dpr), 1, 1).data);
    }, [first.xs[400], first.ys[400]] as [number, number]);
    expect(pixel).toEqual([0xe4, 0x1a, 0x1c, 255]);

    // Pin it, then change one control after another: each changes the live trajectory, which
    // stays equal to Node's; the pinned run stays as it was.
    await act(() => page.click('#pin'));
    const cases: Array<{ fn?: FunctionId; set: Array<[string, string]>; check?: boolean; expect: Partial<RunConfig> }> = [
      { set: [['#momentum', '0.9']], expect: { momentum: 0.9 } },
      { set: [], check: true, expect: { centered: true } },
      { set: [['#scheduler', 'StepDecay'], ['#clip', 'ClipGradByNorm'], ['#clip-value', '0.5']], expect: { scheduler: 'StepDecay', clip: 'ClipGradByNorm', clipValue: 0.5 } },
      { fn: 'beale', set: [['#lr', '0.05'], ['#rho', '0.9'], ['#eps', '0.0001'], ['#scheduler', 'ExponentialDecay'], ['#clip', 'ClipGradByValue'], ['#clip-value', '0.3'], ['#steps', '150']], expect: { lr: 0.05, rho: 0.9, epsilon: 1e-4, scheduler: 'ExponentialDecay', clip: 'ClipGradByValue', clipValue: 0.3, steps: 150 } },
      { fn: 'quadratic', set: [['#momentum', '0.5'], ['#scheduler', 'CosineAnnealingDecay'], ['#clip', 'ClipGradByGlobalNorm'], ['#clip-value', '2']], expect: { momentum: 0.5, scheduler: 'CosineAnnealingDecay', clip: 'ClipGradByGlobalNorm', clipValue: 2 } },
      { fn: 'saddle', set: [], expect: {} },
    ];
    let previous = first;
    for (const c of cases) {
      await act(async () => {
        if (c.fn !== undefined) await page.selectOption('#fn', c.fn);
        if (c.check === true) await page.check('#centered');
        for (const [sel, value] of c.set) {
          if (sel === '#scheduler' || sel === '#clip') await page.selectOption(sel, value);
          else await page.fill(sel, value);
        }
      });
      const [now, pinned] = await runs();
      expect(now?.config).toMatchObject(c.expect);
      expect(now?.xs).not.toEqual(previous.xs);
      const want = nodeTrajectory(now!.fn, now!.start, now!.config);
      expect(now?.xs).toEqual(want.xs);
      expect(now?.ys).toEqual(want.ys);
      // The pinned run: the first settings, from the current function's start.
      expect(pinned?.config).toEqual(first.config);
      expect(pinned?.xs).toEqual(nodeTrajectory(now!.fn, now!.start, first.config).xs);
      previous = now!;
    }
    // The saddle: RMSProp leaves it along y from y0 = 0.01.
    expect(Math.abs(previous.ys[previous.ys.length - 1] as number)).toBeGreaterThan(1);

    // A click on the plot moves every run's start there.
    await act(async () => {
      const box = (await page.locator('.function-plot').boundingBox())!;
      await page.mouse.click(box.x + box.width / 2, box.y + 100);
    });
    const [moved] = await runs();
    expect(moved?.start).not.toEqual(previous.start);
    expect(moved?.xs[0]).toBe(Math.fround(moved!.start[0]));
    expect(moved?.xs).toEqual(nodeTrajectory('saddle', moved!.start, moved!.config).xs);
    await act(() => page.click('#clear'));
    expect(await runs()).toHaveLength(1);
    // The update rule is shown, with its centered line only when centered.
    expect(await page.locator('#rule math mtr').count()).toBe(3);
    await act(() => page.check('#centered'));
    expect(await page.locator('#rule math mtr').count()).toBe(4);
    expect(opened?.errors).toEqual([]);
  });

  it('trains the demo MLP in the page: the demo’s losses, a falling loss, growing charts, a checkpoint that loads', async () => {
    const info = await page.evaluate(() => ({ ...(window as unknown as Win).playground.paddle.kernels.kernelInfo(), text: document.getElementById('m-kernels')?.textContent }));
    expect(info.text).toContain(`${info.backend}, ${info.threads} thread`);
    // Timer ticks during training: the page keeps answering between chunks.
    await page.evaluate(() => {
      const w = window as unknown as { maxGap: number };
      w.maxGap = 0;
      let last = performance.now();
      setInterval(() => {
        const now = performance.now();
        w.maxGap = Math.max(w.maxGap, now - last);
        last = now;
      }, 10);
    });
    // The Train button starts it; then two stretches to known steps: the charts show each.
    await page.click('#m-train');
    await page.waitForFunction(() => (window as unknown as Win).playground.mnist.step > 0, undefined, { polling: 20 });
    await page.evaluate(() => (window as unknown as Win).playground.mnist.pause());
    const first = await page.evaluate(() => (window as unknown as Win).playground.mnist.step);
    const stops = [first + 4, first + 16];
    const lengths: number[] = [];
    for (const n of stops) {
      lengths.push(
        await page.evaluate(async (k) => {
          const m = (window as unknown as Win).playground.mnist;
          await m.start(k);
          return m.lossChart.data[0].length;
        }, n),
      );
    }
    const { losses, step, maxGap, accLength } = await page.evaluate(() => {
      const m = (window as unknown as Win).playground.mnist;
      return { losses: m.history.stepLoss, step: m.step, maxGap: (window as unknown as { maxGap: number }).maxGap, accLength: m.accChart.data[0].length };
    });
    expect(step).toBe(stops[1]);
    expect(step).toBeLessThan(125); // within the first epoch (the replica below has one order)
    expect(lengths).toEqual(stops);
    expect(accLength).toBe(step);
    expect(losses).toHaveLength(step);
    const mean = (a: number[]): number => a.reduce((s, v) => s + v, 0) / a.length;
    expect(mean(losses.slice(-4))).toBeLessThan(mean(losses.slice(0, 4)) - 0.3);
    expect(maxGap).toBeLessThan(1000);

    // The demo's run in Node, step for step: the same losses.
    const data = loadMnist();
    const c = DEFAULT_CONFIG;
    const { model, opt } = paddle.utils.uniqueName.guard(() => {
      paddle.seed(c.seed);
      const m = new MLP();
      const o = new paddle.optimizer.RMSProp(new paddle.optimizer.lr.CosineAnnealingDecay(c.lr, c.epochs), {
        parameters: m.parameters(),
        rho: c.rho,
        gradClip: new paddle.nn.ClipGradByGlobalNorm(c.clipNorm),
      });
      return { model: m, opt: o };
    });
    const order = epochOrder(trainingSubset(data.train.count, null, c.seed), c.seed, 0);
    const nodeLosses: number[] = [];
    for (let s = 0; s < step; s++) {
      const { x, y } = gatherBatch(data.train, order, s * c.batchSize, c.batchSize);
      nodeLosses.push(
        paddle.utils.uniqueName.guard(() => {
          const loss = paddle.nn.functional.crossEntropy(model.forward(paddle.Tensor.fromArray(x, [c.batchSize, IMAGE_SIZE], 'float32')), paddle.Tensor.fromArray(y, [c.batchSize], 'int32'));
          loss.backward();
          opt.step();
          opt.clearGrad();
          return Number(loss.item());
        }),
      );
    }
    expect(losses).toEqual(nodeLosses);

    // The checkpoint: downloaded, loaded with paddle.loadBytes, the demo model's keys and shapes
    // and the page's (= Node's) values.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#m-download')]);
    expect(download.suggestedFilename()).toBe(`mnist-mlp-step${step}.pdparams`);
    const loaded = paddle.loadBytes(new Uint8Array(readFileSync(await download.path()))) as Record<string, paddle.Tensor>;
    const expected = model.stateDict();
    expect(Object.keys(loaded)).toEqual(Object.keys(expected));
    expect(Object.keys(loaded)).toEqual(['fc1.weight', 'fc1.bias', 'fc2.weight', 'fc2.bias']);
    for (const [k, t] of Object.entries(expected)) {
      expect(loaded[k]?.shape, k).toEqual(t.shape);
      expect(loaded[k]?.name, k).toBe(t.name);
      expect(Array.from(loaded[k]!.data), k).toEqual(Array.from(t.data));
    }
    opt.dispose();
    model.dispose();
    expect(opened?.errors).toEqual([]);
  });

  it('works from any static server: without isolation on one thread, saying why', async () => {
    const plain = await serve({ root: dir });
    const other = await openPage(browser!, plain.url('/'));
    try {
      const p = other.page;
      await p.waitForFunction(() => (window as unknown as Partial<Win>).playground !== undefined);
      await p.evaluate(() => (window as unknown as Win).playground.ready);
      expect(await p.evaluate(() => crossOriginIsolated)).toBe(false);
      expect(await p.textContent('#m-kernels')).toMatch(/^kernels: wasm-simd, 1 thread \(page not cross-origin isolated\)/);
      // Asking for 2 threads: the library says why not, through the log sink the page shows.
      await p.selectOption('#m-threads', '2');
      await p.waitForFunction(() => !(document.getElementById('log') as HTMLElement).hidden);
      expect(await p.textContent('#log')).toContain('setNumThreads(2): large kernel calls stay on one thread');
      expect(await p.textContent('#m-kernels')).toContain('setNumThreads(2) gives 1');
      const [run] = await p.evaluate(() => (window as unknown as Win).playground.trajectories.runs());
      expect(run?.xs).toEqual(nodeTrajectory('rosenbrock', run!.start, run!.config).xs);
      expect(other.errors).toEqual([]);
    } finally {
      await other.close();
      await plain.close();
    }
  });
});

/**
 * Takes the README's screenshot of the playground (docs/playground.png): builds the site, serves
 * it, opens it in Debian's Chromium (headless, through the browser tests' launcher), pins a few
 * trajectory runs, trains the MNIST MLP for `--steps` steps (default 125: one epoch, so that the
 * test accuracy and the predictions show), and writes the PNG.
 *
 *   npx tsx scripts/playground-screenshot.ts [--out docs/playground.png] [--steps N]
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium } from '../tests/helpers/chromium.js';
import { buildPlayground, servePlayground } from './playground.js';

interface PageGlobals {
  playground: {
    ready: Promise<void>;
    trajectories: { version: number; busy: boolean };
    mnist: { start(untilStep?: number): Promise<void> };
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i < 0 ? undefined : args[i + 1];
  };
  const out = resolve(flag('--out') ?? 'docs/playground.png');
  const steps = Number(flag('--steps') ?? 125);
  const built = await buildPlayground();
  const { server, url } = await servePlayground(built.outDir, 0);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1320, height: 1240 } });
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as Partial<PageGlobals>).playground !== undefined);
    await page.evaluate(() => (window as unknown as PageGlobals).playground.ready);
    page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
    /** Runs `action` and waits for the trajectories it changes to be recomputed. */
    const act = async (action: () => Promise<unknown>): Promise<void> => {
      const v = await page.evaluate(() => (window as unknown as PageGlobals).playground.trajectories.version);
      await action();
      // Every change sets `busy` at once; the recomputation at the next frame clears it.
      await page.waitForFunction((n) => {
        const t = (window as unknown as PageGlobals).playground.trajectories;
        return !t.busy && t.version > n;
      }, v);
    };
    // Four runs on Rosenbrock: the default, momentum, centered + cosine, a larger lr with clipping.
    await act(() => page.click('#pin'));
    await act(() => page.fill('#momentum', '0.9'));
    await act(() => page.click('#pin'));
    await act(async () => {
      await page.fill('#momentum', '0');
      await page.check('#centered');
      await page.selectOption('#scheduler', 'CosineAnnealingDecay');
    });
    await act(() => page.click('#pin'));
    await act(async () => {
      await page.uncheck('#centered');
      await page.selectOption('#scheduler', 'none');
      await page.selectOption('#clip', 'ClipGradByGlobalNorm');
      await page.fill('#lr', '0.05');
    });
    await page.evaluate((n) => (window as unknown as PageGlobals).playground.mnist.start(n), steps);
    await page.waitForTimeout(400);
    writeFileSync(out, await page.screenshot({ fullPage: true }));
    process.stdout.write(`wrote ${out}\n`);
  } finally {
    await browser.close();
    server.closeAllConnections();
    server.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});

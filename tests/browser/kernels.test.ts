/**
 * The package bundled (esbuild) and run in Debian's Chromium, compared bit for bit with this
 * Node process: on a plain page (single thread), on a cross-origin isolated page (kernel threads
 * in Web Workers over the shared heap, 1 to 3 threads), under a strict CSP (the reference
 * kernels, the fallback reported once with its fix), and isolated under a CSP that allows
 * WebAssembly but not blob: workers (the workers' failure reported, results still right).
 * One Chromium for the file; each page is served by tests/helpers/chromium.ts.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { bundle, describeBrowser, htmlPage, launchChromium, openPage, serve, waitForResult } from '../helpers/chromium.js';
import * as paddle from '../../src/index.js';
import { runWorkload, type WorkloadResult } from './fixtures/workload.js';
import type { PageResult } from './fixtures/kernels-entry.js';

describeBrowser('the package in Chromium (kernels, threads, fallbacks)', () => {
  let browser: Browser | undefined;
  let js = '';
  let expected: WorkloadResult;

  beforeAll(async () => {
    const launching = launchChromium();
    js = await bundle('tests/browser/fixtures/kernels-entry.ts');
    // the expected bits, computed here in Node on one thread
    paddle.device.setNumThreads(1);
    expected = runWorkload();
    browser = await launching;
  });
  afterAll(async () => {
    await browser?.close();
  });

  // `inWorker`: the page starts the bundle in a dedicated Web Worker (which may block in
  // Atomics.wait, unlike the page's main thread) and publishes what it posts back.
  const LOADER = `const w = new Worker('/bundle.js' + location.search);
w.onmessage = (e) => { globalThis.__result = e.data; };
w.onerror = (e) => { globalThis.__result = { runs: [], logs: [], error: 'worker error: ' + e.message }; };`;

  async function run(opts: { isolate?: boolean; csp?: string; inWorker?: boolean }, threads: string): Promise<PageResult> {
    const { inWorker, ...serveOpts } = opts;
    const files = { '/index.html': htmlPage(inWorker ? '/loader.js' : '/bundle.js'), '/bundle.js': js, '/loader.js': LOADER };
    const server = await serve({ files, ...serveOpts });
    try {
      const page = await openPage(browser!, server.url(`/index.html?threads=${threads}`));
      try {
        const result = await waitForResult<PageResult>(page.page);
        expect(result.error, result.error).toBeUndefined();
        expect(page.errors).toEqual([]);
        return result;
      } finally {
        await page.close();
      }
    } finally {
      await server.close();
    }
  }

  it('bundled on a page without isolation: WASM SIMD on one thread, the bits of Node; setNumThreads(4) says why it cannot', async () => {
    const r = await run({}, '4&repeat');
    expect(r.crossOriginIsolated).toBe(false);
    const [run4] = r.runs;
    expect(run4!.effective).toBe(1);
    expect(run4!.ready).toBe(0);
    expect(run4!.info.backend).toBe('wasm-simd');
    expect(run4!.info.threads).toBe(1);
    expect(run4!.info.wasm?.shared).toBe(false);
    expect(run4!.info.threadsUnavailableReason).toMatch(/not cross-origin isolated.*Cross-Origin-Opener-Policy: same-origin.*Cross-Origin-Embedder-Policy: require-corp/);
    expect(run4!.early).toEqual(expected);
    expect(run4!.late).toEqual(expected);
    // said once through the log sink, although setNumThreads(4) was called twice
    expect(r.logs).toHaveLength(1);
    expect(r.logs[0]).toMatch(/^paddle-rmsprop: setNumThreads\(4\): large kernel calls stay on one thread: this page is not cross-origin isolated/);
  });

  it('cross-origin isolated: kernel threads in Web Workers, the same bits at 1, 2 and 3 threads, before and after the workers are ready', async () => {
    const r = await run({ isolate: true }, '1,2,3');
    expect(r.crossOriginIsolated).toBe(true);
    expect(r.logs).toEqual([]);
    expect(r.runs.map((x) => [x.asked, x.effective, x.ready, x.info.threads, x.info.backend])).toEqual([
      [1, 1, 0, 1, 'wasm-simd'],
      [2, 2, 1, 2, 'wasm-simd-threads'],
      [3, 3, 2, 3, 'wasm-simd-threads'],
    ]);
    for (const x of r.runs) {
      expect(x.info.wasm?.shared).toBe(true);
      expect(x.info.threadsUnavailableReason).toBeUndefined();
      expect(x.early, `${x.asked} threads, workers starting`).toEqual(expected);
      expect(x.late, `${x.asked} threads, workers ready`).toEqual(expected);
    }
    // the workers really computed part of it
    const pool = r.runs[2]!.info.wasm?.pool;
    expect(pool?.alive).toBe(2);
    expect(pool?.workerChunks).toBeGreaterThan(0);
    expect(r.runs[2]!.info.wasm!.calls.threadedCalls).toBeGreaterThan(0);
  });

  it('cross-origin isolated, the library in a Web Worker of the page (the caller blocks in Atomics.wait): threads in nested workers, the same bits', async () => {
    const r = await run({ isolate: true, inWorker: true }, '1,2');
    expect(r.crossOriginIsolated).toBe(true);
    expect(r.logs).toEqual([]);
    expect(r.runs.map((x) => [x.asked, x.effective, x.ready, x.info.backend])).toEqual([
      [1, 1, 0, 'wasm-simd'],
      [2, 2, 1, 'wasm-simd-threads'],
    ]);
    for (const x of r.runs) {
      expect(x.early, `${x.asked} threads, workers starting`).toEqual(expected);
      expect(x.late, `${x.asked} threads, workers ready`).toEqual(expected);
    }
    expect(r.runs[1]!.info.wasm?.pool?.workerChunks).toBeGreaterThan(0);
  });

  it("under a strict CSP (script-src 'self'): the reference kernels, the fallback said once with the fix ('wasm-unsafe-eval'), the bits of Node", async () => {
    const r = await run({ csp: "script-src 'self'" }, '1');
    const [x] = r.runs;
    expect(x!.info.backend).toBe('ref');
    expect(x!.info.wasmUnavailableReason).toMatch(/Content Security Policy|unsafe-eval/);
    expect(x!.early).toEqual(expected);
    expect(x!.late).toEqual(expected);
    expect(r.logs).toHaveLength(1);
    expect(r.logs[0]).toMatch(/WebAssembly SIMD kernels cannot run here .*reference kernels.*add 'wasm-unsafe-eval' to its script-src/);
  });

  it("isolated, under a CSP that allows WebAssembly but not blob: workers: the workers' failure is said with the fix, the bits of Node", async () => {
    const r = await run({ isolate: true, csp: "script-src 'self' 'wasm-unsafe-eval'" }, '2');
    const [x] = r.runs;
    expect(r.crossOriginIsolated).toBe(true);
    expect(x!.info.backend).toMatch(/^wasm-simd/);
    expect(x!.ready).toBe(0);
    expect(x!.info.wasm?.pool?.startFailures).toBe(1);
    expect(x!.info.threads).toBe(1);
    expect(x!.early).toEqual(expected);
    expect(x!.late).toEqual(expected);
    expect(r.logs, r.logs.join('\n')).toHaveLength(1);
    expect(r.logs[0]).toMatch(/kernel worker thread failed to start .*worker-src 'self' blob:/);
  });
});

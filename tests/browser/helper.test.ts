// The shared Chromium helper itself: the served headers really make a page isolated (or not) and
// a CSP header really applies.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { describeBrowser, launchChromium, openPage, serve } from '../helpers/chromium.js';

describeBrowser('chromium helper', () => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('serves pages with and without cross-origin isolation, and with a CSP', async () => {
    const html = '<!doctype html><html><body><script src="/a.js"></script></body></html>';
    const js = 'globalThis.__result = { iso: crossOriginIsolated, sab: typeof SharedArrayBuffer };';
    const plain = await serve({ files: { '/index.html': html, '/a.js': js } });
    const iso = await serve({ files: { '/index.html': html, '/a.js': js }, isolate: true });
    const csp = await serve({ files: { '/index.html': html + '<script>globalThis.__inline = 1</script>', '/a.js': js }, csp: "script-src 'self'" });
    try {
      for (const [server, expected] of [
        [plain, { iso: false, sab: 'undefined' }],
        [iso, { iso: true, sab: 'function' }],
      ] as const) {
        const p = await openPage(browser!, server.url('/'));
        await p.page.waitForFunction(() => (globalThis as { __result?: unknown }).__result !== undefined);
        expect(await p.page.evaluate(() => (globalThis as { __result?: unknown }).__result)).toEqual(expected);
        await p.close();
      }
      const p = await openPage(browser!, csp.url('/'));
      await p.page.waitForFunction(() => (globalThis as { __result?: unknown }).__result !== undefined);
      // The external same-origin script ran, the inline one was refused by the policy.
      expect(await p.page.evaluate(() => (globalThis as { __inline?: unknown }).__inline)).toBeUndefined();
      await p.close();
      const res = await fetch(iso.url('/a.js'));
      expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
      expect((await fetch(plain.url('/missing'))).status).toBe(404);
    } finally {
      await Promise.all([plain.close(), iso.close(), csp.close()]);
    }
  });
});

/**
 * Shared helper for the tests that run in a real browser (tests/browser/*.test.ts).
 *
 * - Finds Debian's Chromium (`/usr/bin/chromium`, override with `CHROMIUM_PATH`) and launches it
 *   headless through `playwright-core` — never a browser download.
 * - Serves a directory and/or in-memory files on 127.0.0.1 on a free port, optionally with the
 *   COOP/COEP headers that make a page cross-origin isolated (SharedArrayBuffer, shared
 *   WebAssembly.Memory) and with a Content-Security-Policy header.
 * - Bundles an entry file for the browser with esbuild (in memory).
 * - `describeBrowser(name, fn)`: a `describe` that, when Chromium is missing, prints one clear line
 *   ("browser tests skipped: no Chromium at /usr/bin/chromium (apt-get install chromium)") and
 *   skips the block.
 *
 * Usage (one browser launch per file):
 *
 * ```ts
 * describeBrowser('my page', () => {
 *   let browser: Browser;
 *   beforeAll(async () => { browser = await launchChromium(); });
 *   afterAll(async () => { await browser?.close(); });
 *   it('runs', async () => {
 *     const js = await bundle('tests/browser/fixtures/entry.ts');
 *     const server = await serve({ files: { '/index.html': page('bundle.js'), '/bundle.js': js }, isolate: true });
 *     try { const p = await openPage(browser, server.url('/index.html')); ... } finally { await server.close(); }
 *   });
 * });
 * ```
 */
import { existsSync, openSync, closeSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { describe } from 'vitest';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';

/** Path of the Chromium binary the browser tests use (`CHROMIUM_PATH` env, else Debian's). */
export const CHROMIUM_PATH: string = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** True when the Chromium binary exists (the browser tests run only then). */
export const hasChromium: boolean = existsSync(CHROMIUM_PATH);

/** The one line printed when the browser tests are skipped. */
export const SKIP_LINE = `browser tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium)`;

/** Chromium flags: no sandbox (containers), no GPU, no network chatter. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let skipLinePrinted = false;
function printSkipLineOnce(): void {
  if (skipLinePrinted) return;
  skipLinePrinted = true;
  // One line per `vitest run`, not one per test file: the first file to skip claims a marker
  // file keyed by the vitest main process (the parent of the fork that runs this file) and, on
  // Linux, its start time (so a reused pid is a new key).
  let started = '';
  try {
    started = readFileSync(`/proc/${process.ppid}/stat`, 'utf8').split(') ')[1]?.split(' ')[19] ?? '';
  } catch {
    // not Linux: the pid alone
  }
  const marker = join(tmpdir(), `paddle-rmsprop-browser-skip-${process.ppid}-${started}`);
  try {
    closeSync(openSync(marker, 'wx'));
  } catch {
    return; // another file of this run already printed it
  }
  process.stderr.write(`${SKIP_LINE}\n`);
}

/**
 * `describe` for browser tests: runs the block when Chromium is present, otherwise prints
 * {@link SKIP_LINE} once and skips it.
 */
export function describeBrowser(name: string, fn: () => void): void {
  if (hasChromium) {
    describe(name, fn);
  } else {
    printSkipLineOnce();
    describe.skip(name, fn);
  }
}

/** Launches the system Chromium headless. Throws if it is missing (use {@link describeBrowser}). */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!hasChromium) throw new Error(SKIP_LINE);
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.bin': 'application/octet-stream',
  '.pdparams': 'application/octet-stream',
  '.map': 'application/json',
};

/** Options of {@link serve}. */
export interface ServeOptions {
  /** Directory served as the site root (files in `files` take precedence). */
  root?: string;
  /** In-memory files by URL path (`'/index.html'`). */
  files?: Record<string, string | Uint8Array>;
  /**
   * Send `Cross-Origin-Opener-Policy: same-origin` and `Cross-Origin-Embedder-Policy:
   * require-corp` (plus CORP) on every response: the page is cross-origin isolated.
   */
  isolate?: boolean;
  /** A Content-Security-Policy header value sent with every response (e.g. `script-src 'self'`). */
  csp?: string;
  /** Extra headers for every response. */
  headers?: Record<string, string>;
}

/** A running static server from {@link serve}. */
export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly port: number;
  /** Absolute URL of a path on this server. */
  url(path?: string): string;
  /** Adds or replaces an in-memory file. */
  set(path: string, body: string | Uint8Array): void;
  close(): Promise<void>;
}

/** Serves files on 127.0.0.1 on a free port (see {@link ServeOptions}). */
export async function serve(opts: ServeOptions = {}): Promise<StaticServer> {
  const files = new Map<string, string | Uint8Array>(Object.entries(opts.files ?? {}));
  const root = opts.root ? resolve(opts.root) : undefined;
  const headers: Record<string, string> = { 'Cache-Control': 'no-store', ...(opts.headers ?? {}) };
  if (opts.isolate) {
    headers['Cross-Origin-Opener-Policy'] = 'same-origin';
    headers['Cross-Origin-Embedder-Policy'] = 'require-corp';
    headers['Cross-Origin-Resource-Policy'] = 'same-origin';
  }
  if (opts.csp) headers['Content-Security-Policy'] = opts.csp;

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    let path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    let body: string | Uint8Array | undefined = files.get(path);
    if (body === undefined && root) {
      const file = normalize(join(root, path));
      if ((file === root || file.startsWith(root + sep)) && existsSync(file) && statSync(file).isFile()) {
        body = readFileSync(file);
      }
    }
    if (body === undefined) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, {
      ...headers,
      'Content-Type': MIME[extname(path)] ?? 'application/octet-stream',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  const server = createServer(handler);
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    url: (p = '/') => origin + (p.startsWith('/') ? p : `/${p}`),
    set: (p, b) => void files.set(p.startsWith('/') ? p : `/${p}`, b),
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** Options of {@link bundle}. */
export interface BundleOptions {
  /** `'iife'` (default, a classic `<script>`) or `'esm'` (`<script type="module">`). */
  format?: 'iife' | 'esm';
  minify?: boolean;
  /** esbuild `define` entries. */
  define?: Record<string, string>;
}

/**
 * Bundles `entry` (a path relative to the repository root or absolute) for the browser with
 * esbuild, in memory; returns the JavaScript text.
 */
export async function bundle(entry: string, opts: BundleOptions = {}): Promise<string> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [resolve(entry)],
    bundle: true,
    write: false,
    format: opts.format ?? 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: opts.minify ?? false,
    define: opts.define ?? {},
    logLevel: 'silent',
  });
  const out = result.outputFiles?.[0];
  if (!out) throw new Error(`esbuild produced no output for ${entry}`);
  return out.text;
}

/** A minimal HTML page that loads `script` (classic script unless `module`). */
export function htmlPage(script: string, opts: { module?: boolean; title?: string } = {}): string {
  const type = opts.module ? ' type="module"' : '';
  return `<!doctype html><html><head><meta charset="utf-8"><title>${opts.title ?? 'test'}</title></head>` +
    `<body><pre id="out"></pre><script${type} src="${script}"></script></body></html>`;
}

/** A page opened by {@link openPage}, with everything it printed. */
export interface OpenedPage {
  page: Page;
  /** Console messages, as `type: text`. */
  console: string[];
  /** Uncaught page errors. */
  errors: string[];
  close(): Promise<void>;
}

/** Opens `url` in a fresh context of `browser`, collecting console output and page errors. */
export async function openPage(browser: Browser, url: string): Promise<OpenedPage> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const consoleLines: string[] = [];
  const errors: string[] = [];
  page.on('console', (m: ConsoleMessage) => consoleLines.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e: Error) => errors.push(String(e.stack ?? e)));
  await page.goto(url);
  return { page, console: consoleLines, errors, close: () => context.close() };
}

/**
 * Waits until the page sets `globalThis[name]` (the convention of the test entries: they assign
 * their result object to a global when done) and returns it.
 */
export async function waitForResult<T>(page: Page, name = '__result', timeoutMs = 30_000): Promise<T> {
  await page.waitForFunction((n) => (globalThis as Record<string, unknown>)[n] !== undefined, name, {
    timeout: timeoutMs,
  });
  return (await page.evaluate((n) => (globalThis as Record<string, unknown>)[n], name)) as T;
}

/**
 * Threads and kernels that cannot be used are never silent: `setNumThreads(n > 1)` returns the
 * threads large calls will really use and says once, through the log sink, why it cannot do more
 * (`kernelInfo().threadsUnavailableReason` keeps it); `'auto'` falling back from WebAssembly to the
 * reference kernels says so once with the reason and the fix. (In a browser: tests/browser.)
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ValueError } from '../../src/errors.js';
import { getNumThreads, kernelInfo, setNumThreads, threadsUnavailableReason, useBackend } from '../../src/kernels/index.js';
import { setLogSink } from '../../src/log.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

function captureLog(): { lines: string[]; restore: () => void } {
  const lines: string[] = [];
  const prev = setLogSink((l) => lines.push(l));
  return { lines, restore: () => void setLogSink(prev) };
}

/** Runs `script` (ESM, may import ./src/...) in a fresh Node with `flags`; returns its JSON output. */
function child<T>(script: string, flags: string[] = []): T {
  const r = spawnSync(process.execPath, [...flags, '--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: root,
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}

describe('setNumThreads reports what it can do', () => {
  afterEach(() => {
    useBackend('auto');
    setNumThreads(2);
  });

  it('where threads run (Node, WebAssembly kernels over a shared heap): returns n, logs nothing', () => {
    const log = captureLog();
    try {
      useBackend('auto');
      expect(setNumThreads(3)).toBe(3);
      expect(getNumThreads()).toBe(3);
      expect(setNumThreads(1)).toBe(1);
      expect(threadsUnavailableReason()).toBeUndefined();
      expect(kernelInfo().threadsUnavailableReason).toBeUndefined();
      expect(log.lines).toEqual([]);
    } finally {
      log.restore();
    }
  });

  it('with the reference kernels: returns 1 and says why, once', () => {
    const log = captureLog();
    try {
      useBackend('ref');
      expect(setNumThreads(4)).toBe(1);
      expect(setNumThreads(4)).toBe(1);
      expect(setNumThreads(2)).toBe(1);
      expect(log.lines).toEqual([
        "paddle-rmsprop: setNumThreads(4): large kernel calls stay on one thread: the reference kernels are selected (useBackend('ref')); threads need the WebAssembly kernels.",
      ]);
      expect(kernelInfo()).toMatchObject({ backend: 'ref', threads: 1, threadsUnavailableReason: expect.stringMatching(/reference kernels are selected/) });
      // asking for one thread is always possible and says nothing
      expect(setNumThreads(1)).toBe(1);
      expect(log.lines).toHaveLength(1);
    } finally {
      log.restore();
    }
  });

  it('a bad n is a ValueError that changes nothing and logs nothing', () => {
    const log = captureLog();
    try {
      setNumThreads(2);
      for (const bad of [0, 1.5, 257, Number.NaN]) {
        expect(() => setNumThreads(bad)).toThrow(ValueError);
      }
      expect(getNumThreads()).toBe(2);
      expect(log.lines).toEqual([]);
    } finally {
      log.restore();
    }
  });

  it('over an ordinary (unshared) memory: returns 1 and names the unshared heap', () => {
    const out = child<{ returned: number; info: { backend: string; threads: number; threadsUnavailableReason: string }; log: string[] }>(`
      delete globalThis.SharedArrayBuffer;
      const { setLogSink } = await import('./src/log.ts');
      const k = await import('./src/kernels/index.ts');
      const log = [];
      setLogSink((l) => log.push(l));
      k.getBackend();
      const returned = k.setNumThreads(2);
      k.setNumThreads(2);
      const { backend, threads, threadsUnavailableReason } = k.kernelInfo();
      process.stdout.write(JSON.stringify({ returned, info: { backend, threads, threadsUnavailableReason }, log }));
    `);
    expect(out.returned).toBe(1);
    expect(out.info).toMatchObject({ backend: 'wasm-simd', threads: 1 });
    expect(out.info.threadsUnavailableReason).toMatch(/unshared/);
    expect(out.log).toEqual([`paddle-rmsprop: setNumThreads(2): large kernel calls stay on one thread: ${out.info.threadsUnavailableReason}.`]);
  });
});

describe("'auto' falling back to the reference kernels is reported once, with the fix", () => {
  it('a runtime without WebAssembly SIMD (the module does not validate)', () => {
    const out = child<{ backend: string; reason: string; log: string[] }>(`
      WebAssembly.validate = () => false;
      const paddle = await import('./src/index.ts');
      const log = [];
      paddle.setLogSink((l) => log.push(l));
      const p = paddle.createParameter([4], 'float32');
      paddle.createParameter([4], 'float32');
      paddle.kernels.useBackend('auto');
      const info = paddle.kernels.kernelInfo();
      process.stdout.write(JSON.stringify({ backend: info.backend, reason: info.wasmUnavailableReason, log }));
    `);
    expect(out.backend).toBe('ref');
    expect(out.reason).toMatch(/does not validate the SIMD kernel module/);
    expect(out.log).toHaveLength(1);
    expect(out.log[0]).toMatch(/^paddle-rmsprop: the WebAssembly SIMD kernels cannot run here \(.*does not validate the SIMD kernel module\); using the TypeScript reference kernels \(same numbers, about 10 times slower\)\. This runtime lacks WebAssembly SIMD: use Node\.js >= 20, Chrome/);
  });

  it("a refused compilation, as a Content-Security-Policy without 'wasm-unsafe-eval' refuses it", () => {
    // Chromium's words (the real policy is exercised in tests/browser/kernels.test.ts)
    const out = child<{ backend: string; log: string[] }>(`
      WebAssembly.Module = function () {
        throw new WebAssembly.CompileError("WebAssembly.Module(): Refused to compile or instantiate WebAssembly module because 'unsafe-eval' is not an allowed source of script in the following Content Security Policy directive: \\"script-src 'self'\\"");
      };
      const paddle = await import('./src/index.ts');
      const log = [];
      paddle.setLogSink((l) => log.push(l));
      paddle.createParameter([4], 'float32');
      process.stdout.write(JSON.stringify({ backend: paddle.kernels.backendName(), log }));
    `);
    expect(out.backend).toBe('ref');
    expect(out.log).toHaveLength(1);
    expect(out.log[0]).toMatch(/Refused to compile.*add 'wasm-unsafe-eval' to its script-src \(e\.g\. script-src 'self' 'wasm-unsafe-eval'\)\.$/);
  });

  it("choosing 'ref' explicitly is not a fallback: nothing is logged", () => {
    const out = child<{ log: string[] }>(`
      const paddle = await import('./src/index.ts');
      const log = [];
      paddle.setLogSink((l) => log.push(l));
      paddle.kernels.useBackend('ref');
      paddle.createParameter([4], 'float32');
      process.stdout.write(JSON.stringify({ log }));
    `);
    expect(out.log).toEqual([]);
  });
});

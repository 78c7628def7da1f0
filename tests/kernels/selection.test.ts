/**
 * Backend selection: 'auto' picks WebAssembly where it runs (and installs the heap as the
 * parameter allocator), 'ref' and 'wasm' on request, and which one runs is always observable.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ValueError } from '../../src/errors.js';
import {
  backendName,
  getBackend,
  getWasmBackend,
  kernelInfo,
  useBackend,
  wasmAvailable,
  wasmUnavailableReason,
  type BackendChoice,
} from '../../src/kernels/index.js';
import { getParameterAllocator, jsAllocator } from '../../src/tensor/storage.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

describe('backend selection', () => {
  it("'auto' (the default) runs the WebAssembly kernels here and makes the heap the parameter allocator", () => {
    expect(getParameterAllocator()).toBe(jsAllocator); // nothing selected yet in this process
    expect(wasmAvailable()).toBe(true);
    expect(wasmUnavailableReason()).toBeUndefined();
    const backend = getBackend();
    expect(backend.name).toMatch(/^wasm-simd(-threads)?$/);
    expect(backendName()).toBe(backend.name);
    const wasm = getWasmBackend()!;
    expect(backend).toBe(wasm);
    expect(getParameterAllocator()).toBe(wasm.heap);
    const storage = getParameterAllocator().alloc('float32', 8);
    expect(storage.location).toBe('wasm-heap');
    expect(wasm.heap.contains(storage.array())).toBe(true);

    // a step through getBackend() is counted by the WebAssembly backend, in place
    const a = () => getParameterAllocator().alloc('float32', 8).array() as Float32Array;
    const slot = { param: a(), grad: a(), meanSquare: a(), moment: a(), meanGrad: a(), lr: Math.fround(0.1) };
    slot.grad.fill(1);
    const calls = wasm.stats.stepCalls;
    getBackend().rmspropStep('float32', [slot], { rho: 0.95, epsilon: 1e-6, momentum: 0, centered: false });
    expect(wasm.stats.stepCalls).toBe(calls + 1);
    expect(wasm.stats.zeroCopySlots).toBeGreaterThan(0);
    const info = kernelInfo();
    expect(info.backend).toBe(backend.name);
    expect(info.wasm?.calls.stepCalls).toBe(calls + 1);
    expect(info.wasm?.heapInUse).toBeGreaterThan(0);
  });

  it("'ref' switches the kernels and restores the previous allocator; 'wasm' comes back", () => {
    const wasm = getWasmBackend()!;
    expect(useBackend('ref').name).toBe('ref');
    expect(backendName()).toBe('ref');
    expect(getParameterAllocator()).toBe(jsAllocator);
    const calls = wasm.stats.stepCalls;
    const n = 4;
    const slot = {
      param: new Float64Array(n),
      grad: new Float64Array(n).fill(1),
      meanSquare: new Float64Array(n),
      moment: new Float64Array(n),
      meanGrad: new Float64Array(n),
      lr: 0.1,
    };
    getBackend().rmspropStep('float64', [slot], { rho: 0.95, epsilon: 1e-6, momentum: 0, centered: false });
    expect(wasm.stats.stepCalls).toBe(calls); // the reference ran
    expect(slot.param[0]).toBeLessThan(0);
    expect(useBackend('wasm')).toBe(wasm);
    expect(getParameterAllocator()).toBe(wasm.heap);
    expect(useBackend('auto')).toBe(wasm);
  });

  it('an unknown choice is a ValueError naming the choices', () => {
    expect(() => useBackend('gpu' as BackendChoice)).toThrow(ValueError);
    expect(() => useBackend('gpu' as BackendChoice)).toThrow(/'ref', 'wasm', 'auto'.*"gpu"/);
  });

  it("without WebAssembly, 'auto' falls back to ref and says why; 'wasm' throws", () => {
    const script = `
      import { backendName, useBackend, wasmAvailable, wasmUnavailableReason } from './src/kernels/index.ts';
      import { setLogSink } from './src/log.ts';
      const log = [];
      setLogSink((line) => log.push(line));
      const out = { available: wasmAvailable(), name: backendName(), reason: wasmUnavailableReason(), log };
      try { useBackend('wasm'); out.wasm = 'no error'; } catch (e) { out.wasm = e.name + ': ' + e.message; }
      process.stdout.write(JSON.stringify(out));
    `;
    const r = spawnSync(process.execPath, ['--noexpose-wasm', '--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { available: boolean; name: string; reason: string; wasm: string; log: string[] };
    expect(out.available).toBe(false);
    expect(out.name).toBe('ref');
    expect(out.reason).toMatch(/no WebAssembly/);
    // the fallback is said once through the log sink, with the reason and what to do
    expect(out.log).toHaveLength(1);
    expect(out.log[0]).toMatch(/no WebAssembly.*reference kernels.*enable it/);
    expect(out.wasm).toMatch(/^RuntimeError: useBackend\('wasm'\): .*no WebAssembly/);
  });

  it('importing the package compiles and reserves nothing; the first parameter selects the backend and lands in the heap', () => {
    const script = `
      const paddle = await import('./src/index.ts');
      const { getParameterAllocator } = await import('./src/tensor/storage.ts');
      // no kernel work has happened: no WebAssembly memory exists yet
      const out = { allocator: getParameterAllocator().name, memoryBefore: globalThis.__memories };
      const p = paddle.createParameter([4, 4], 'float32');
      out.memoryAfter = globalThis.__memories;
      out.backend = paddle.kernels.backendName();
      out.inHeap = paddle.kernels.getWasmBackend().heap.contains(p.data);
      out.allocatorAfter = getParameterAllocator().name;
      process.stdout.write(JSON.stringify(out));
    `;
    // count WebAssembly.Memory constructions before the package is imported
    const preload = 'const M = WebAssembly.Memory; globalThis.__memories = 0; WebAssembly.Memory = function (...a) { globalThis.__memories++; return new M(...a); }; WebAssembly.Memory.prototype = M.prototype;';
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `${preload}\n${script}`], {
      cwd: root,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { allocator: string; memoryBefore: number; memoryAfter: number; backend: string; inHeap: boolean; allocatorAfter: string };
    expect(out.allocator).toMatch(/^deferred/);
    expect(out.memoryBefore).toBe(0);
    expect(out.memoryAfter).toBeGreaterThan(0); // the counter sees the heap when it is made
    expect(out.backend).toMatch(/^wasm-simd/);
    expect(out.inHeap).toBe(true);
    expect(out.allocatorAfter).not.toMatch(/^deferred/);
  });
});

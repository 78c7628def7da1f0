/**
 * Kernels over an ordinary (unshared) WebAssembly.Memory, as in a browser page without cross-origin
 * isolation: a kernel call whose scratch space grows the memory detaches every view taken before
 * it. The demo's training steps must still give the reference's bits — in particular the weight
 * gradient that a Linear's backward writes straight into the parameter's lent gradient buffer
 * (`gradTarget`) is handed over through the buffer's current view, not the detached one
 * (tests/browser/kernels.test.ts found it in Chromium; here in Node, by hiding SharedArrayBuffer
 * before the library loads, so the module falls back to an ordinary memory).
 */
import { expect, it } from 'vitest';

it('an unshared heap that grows during a backward: the demo MLP trains with the reference bits', async () => {
  const saved = globalThis.SharedArrayBuffer;
  (globalThis as { SharedArrayBuffer?: unknown }).SharedArrayBuffer = undefined;
  try {
    const paddle = await import('../../src/index.js');
    const { runWorkload } = await import('../browser/fixtures/workload.js');
    expect(paddle.kernels.backendName()).toBe('wasm-simd');
    expect(paddle.kernels.kernelInfo().wasm?.shared).toBe(false);
    const grows = (): number => paddle.kernels.getWasmBackend()?.heap.stats.grows ?? 0;
    const before = grows();
    const got = runWorkload();
    // the scratch grew while the workload ran (else this test would not test the detach)
    expect(grows()).toBeGreaterThan(before);
    paddle.kernels.useBackend('ref');
    const want = runWorkload();
    paddle.kernels.useBackend('auto');
    expect(got).toEqual(want);
  } finally {
    globalThis.SharedArrayBuffer = saved;
  }
});

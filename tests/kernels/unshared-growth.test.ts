/**
 * Kernels over an ordinary (unshared) WebAssembly.Memory, as in a browser page without cross-origin
 * isolation: a kernel call whose scratch space grows the memory detaches every view taken before
 * it. A gradient buffer lent by `gradTarget` (a Linear's backward writes dW straight into it) must
 * still be adopted when the array that comes back is that detached view (tests/browser/kernels.test.ts
 * found it in Chromium, when dW's skip lists grew the scratch). Here in Node, by hiding
 * SharedArrayBuffer before the library loads, so the module falls back to an ordinary memory: the
 * protocol with the growth forced between lending and adopting, then the demo's steps end to end.
 */
import { expect, it } from 'vitest';
import type { Tensor } from '../../src/index.js';

it('a lent gradient buffer whose view a growing heap detached is still adopted (no copy, no error)', async () => {
  const saved = globalThis.SharedArrayBuffer;
  (globalThis as { SharedArrayBuffer?: unknown }).SharedArrayBuffer = undefined;
  try {
    const paddle = await import('../../src/index.js');
    const heap = paddle.kernels.getWasmBackend()?.heap;
    expect(heap?.shared).toBe(false);
    const w = paddle.create_parameter([64, 32], 'float32');
    const lent = w.gradTarget() as Float32Array;
    expect(lent.length).toBe(64 * 32);
    lent.fill(0.5); // the op writes the gradient
    const grows = heap!.stats.grows;
    const big = heap!.alloc('float32', (heap!.memory.buffer.byteLength >>> 2) + 1); // more than the memory holds: it grows
    expect(heap!.stats.grows).toBeGreaterThan(grows);
    expect(lent.length).toBe(0); // detached
    w.accumulateGrad(lent);
    expect(Array.from((w.grad as Tensor).data as Float32Array).every((v) => v === 0.5)).toBe(true);
    big.dispose();
    w.dispose();
  } finally {
    globalThis.SharedArrayBuffer = saved;
  }
});

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
    // the heap grew while the workload ran
    expect(grows()).toBeGreaterThan(before);
    paddle.kernels.useBackend('ref');
    const want = runWorkload();
    paddle.kernels.useBackend('auto');
    expect(got).toEqual(want);
  } finally {
    globalThis.SharedArrayBuffer = saved;
  }
});

/**
 * Run by tests/compat/kernel-path.test.ts in a Node whose SharedArrayBuffer is removed: the kernel
 * heap is an ordinary memory, so a growth detaches every view taken before it. Each compat
 * optimizer's first step allocates its state while parameters and gradients already live in the
 * heap (growing it); the results must equal the reference backend's. One optimizer per process
 * (argv[2]), so the heap starts small. Prints one JSON line.
 */
Reflect.deleteProperty(globalThis, 'SharedArrayBuffer');

const paddle = await import('../../src/index.js');
const k = await import('../../src/kernels/index.js');
const { getParameterAllocator } = await import('../../src/tensor/storage.js');
const { ParameterBase } = await import('../../src/tensor/tensor.js');
type T = InstanceType<typeof ParameterBase>;

const SIZES = [100_003, 200_001, 7];
let grewInSteps = 0;
function run(kind: string, heap?: { generation: number }): Float32Array[] {
  const params: T[] = SIZES.map((n, j) => {
    const p = new ParameterBase(getParameterAllocator().alloc('float32', n), [n], { stopGradient: false });
    const d = p.data as Float32Array;
    for (let i = 0; i < n; i++) d[i] = Math.sin(i + j);
    const g = new ParameterBase(getParameterAllocator().alloc('float32', n), [n]);
    const gd = g.data as Float32Array;
    for (let i = 0; i < n; i++) gd[i] = Math.cos(3 * i + j) * 0.1;
    p.setGrad(g);
    g.dispose();
    return p;
  });
  const steps: Record<string, () => () => void> = {
    torch: () => {
      const o = new paddle.compat.torch.RMSprop(params, { momentum: 0.9, centered: true });
      return () => o.step();
    },
    timm: () => {
      const o = new paddle.compat.timm.RMSpropTF(params, { momentum: 0.9, centered: true });
      return () => void o.step();
    },
    tf1: () => {
      const o = new paddle.compat.tf1.RMSProp(0.01, { momentum: 0.9, centered: true });
      return () => o.step(params);
    },
    tfjs: () => {
      const o = paddle.compat.tfjs.rmsprop(0.01, 0.9, 0.9, null, true);
      return () => o.step(params);
    },
    keras: () => {
      const o = new paddle.compat.keras.RMSprop({ momentum: 0.9, centered: true });
      return () => o.step(params);
    },
  };
  const step = steps[kind]!();
  const before = heap?.generation ?? 0;
  for (let s = 0; s < 3; s++) step();
  grewInSteps = (heap?.generation ?? 0) - before;
  return params.map((p) => (p.data as Float32Array).slice());
}

const kind = process.argv[2] ?? 'torch';
k.useBackend('ref');
const want = run(kind);
k.useBackend('wasm');
const wasm = k.getWasmBackend()!;
const fallbacks = wasm.stats.refFallbacks;
let got: Float32Array[] | string;
try {
  got = run(kind, wasm.heap);
} catch (e) {
  got = String(e);
}
const same = typeof got !== 'string' && got.every((a, i) => a.every((x, j) => Object.is(x, want[i]![j])));
const out = { same, error: typeof got === 'string' ? got : undefined, grewInSteps, refFallbacks: wasm.stats.refFallbacks - fallbacks, heapShared: wasm.shared };
process.stdout.write(`${JSON.stringify(out)}\n`);

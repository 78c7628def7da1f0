/**
 * `paddle.device`: where computation runs. There is one device, the CPU (with WebAssembly SIMD
 * kernels and, in Node, worker threads); these mirror Paddle's `paddle.device` calls so ported code
 * keeps working, and configure the kernel thread count.
 */
import { ValueError } from './errors.js';
export { getNumThreads, setNumThreads, getNumThreads as get_num_threads, setNumThreads as set_num_threads } from './kernels/index.js';

/**
 * `paddle.device.get_device()`: always `'cpu'`.
 * @returns `'cpu'`.
 */
export function getDevice(): 'cpu' {
  return 'cpu';
}

/**
 * `paddle.device.set_device(device)`: accepts `'cpu'` only; returns it.
 * @param device - `'cpu'` (Paddle's `device`).
 * @returns `'cpu'` (Paddle returns the place).
 * @throws {@link errors.ValueError} for any other device (`'gpu'`, `'gpu:0'`, …).
 */
export function setDevice(device: string): 'cpu' {
  if (device !== 'cpu') {
    throw new ValueError(`The device must be 'cpu' (no accelerators are available in paddle-rmsprop), but received ${JSON.stringify(device)}.`);
  }
  return 'cpu';
}

export { getDevice as get_device, setDevice as set_device };

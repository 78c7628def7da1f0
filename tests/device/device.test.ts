import { afterEach, describe, expect, it } from 'vitest';
import * as paddle from '../../src/index.js';

describe('paddle.device', () => {
  const initial = paddle.device.getNumThreads();
  afterEach(() => paddle.device.setNumThreads(initial));

  it('is the CPU; other devices are a ValueError', () => {
    expect(paddle.device.get_device()).toBe('cpu');
    expect(paddle.set_device('cpu')).toBe('cpu');
    expect(() => paddle.set_device('gpu:0')).toThrow(paddle.errors.ValueError);
  });

  it('configures the kernel thread count', () => {
    paddle.device.setNumThreads(1);
    expect(paddle.device.get_num_threads()).toBe(1);
    expect(paddle.kernels.getNumThreads()).toBe(1);
    expect(() => paddle.device.setNumThreads(0)).toThrow();
  });
});

/**
 * Bad input in Paddle's terms for two entry points a review found lax: `paddle.no_grad` with a
 * body that is not a function (was JavaScript's own TypeError from calling it), and
 * `paddle.io.pickle` with an unknown option (was ignored). Nothing changes on the error.
 */
import { expect, it } from 'vitest';
import * as paddle from '../../src/index.js';
import { TypeError as PaddleTypeError } from '../../src/errors.js';

it('noGrad(non-function): errors.TypeError, and gradient recording stays on', () => {
  for (const bad of [null, 3, 'x', {}]) {
    expect(() => paddle.noGrad(bad as unknown as () => void)).toThrow(PaddleTypeError);
    expect(() => paddle.noGrad(bad as unknown as () => void)).toThrow(/no_grad: the body must be a function/);
    expect(paddle.isGradEnabled()).toBe(true);
  }
});

it('pickle with an unknown option: errors.TypeError naming it', () => {
  expect(() => paddle.io.pickle({ a: 1 }, { protocl: 2 } as unknown as { protocol?: number })).toThrow(PaddleTypeError);
  expect(() => paddle.io.pickle({ a: 1 }, { protocl: 2 } as unknown as { protocol?: number })).toThrow(/protocl/);
  expect(paddle.io.pickle({ a: 1 }, { protocol: 2 }).length).toBeGreaterThan(0);
});

/**
 * Paddle's `step()` example:
 *
 *   a = paddle.rand([2,13], dtype="float32")
 *   linear = paddle.nn.Linear(13, 5)
 *   rmsprop = paddle.optimizer.RMSProp(learning_rate = 0.01, parameters = linear.parameters())
 *   out = linear(a)
 *   out.backward()
 *   rmsprop.step()
 *   rmsprop.clear_grad()
 */
import * as paddle from '../src/index.js';
import { runIfMain, type Print } from './run.js';

export function main(print: Print): void {
  const a = paddle.rand([2, 13], { dtype: 'float32' });
  const linear = new paddle.nn.Linear(13, 5);
  const rmsprop = new paddle.optimizer.RMSProp(0.01, { parameters: linear.parameters() });
  const before = linear.bias?.numpy() ?? new Float32Array();
  const out = linear.forward(a);
  out.backward();
  rmsprop.step();
  rmsprop.clearGrad();
  const after = linear.bias?.numpy() ?? new Float32Array();
  // d(sum out)/d bias = batch size (2) for every element, so every bias moves by
  // -lr * g / sqrt((1 - rho) * g^2 + eps) = -0.01 / sqrt(0.05 + 1e-6 / 4) ≈ -0.0447.
  print(`bias moved by ${(after[0] as number) - (before[0] as number)}`);
}

runIfMain(import.meta.url, main);

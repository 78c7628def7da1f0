/**
 * Paddle's `clear_gradients()` example:
 *
 *   a = paddle.rand([2,13], dtype="float32")
 *   linear = paddle.nn.Linear(13, 5)
 *   rmsprop = paddle.optimizer.RMSProp(learning_rate=0.02, parameters=linear.parameters())
 *   out = linear(a)
 *   out.backward()
 *   rmsprop.step()
 *   rmsprop.clear_gradients()
 */
import * as paddle from '../src/index.js';
import { runIfMain, type Print } from './run.js';

export function main(print: Print): void {
  const a = paddle.rand([2, 13], { dtype: 'float32' });
  const linear = new paddle.nn.Linear(13, 5);
  const rmsprop = new paddle.optimizer.RMSProp(0.02, { parameters: linear.parameters() });
  const out = linear.forward(a);
  out.backward();
  rmsprop.step();
  rmsprop.clear_gradients();
  // set_to_zero=True: the gradient stays allocated, filled with zeros.
  const g = linear.weight.grad as paddle.Tensor;
  print(`weight grad after clear_gradients: all zero = ${g.numpy().every((v) => v === 0)}`);
}

runIfMain(import.meta.url, main);

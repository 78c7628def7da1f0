/**
 * Paddle's class example:
 *
 *   inp = paddle.rand([10,10], dtype="float32")
 *   linear = paddle.nn.Linear(10, 10)
 *   out = linear(inp)
 *   loss = paddle.mean(out)
 *   rmsprop = paddle.optimizer.RMSProp(learning_rate=0.1, parameters=linear.parameters(), weight_decay=0.01)
 *   out.backward()
 *   rmsprop.step()
 *   rmsprop.clear_grad()
 */
import * as paddle from '../src/index.js';
import { runIfMain, type Print } from './run.js';

export function main(print: Print): void {
  const inp = paddle.rand([10, 10], { dtype: 'float32' });
  const linear = new paddle.nn.Linear(10, 10);
  const out = linear.forward(inp);
  const loss = paddle.mean(out);

  const rmsprop = new paddle.optimizer.RMSProp(0.1, {
    parameters: linear.parameters(),
    weightDecay: 0.01,
  });
  out.backward();
  rmsprop.step();
  rmsprop.clearGrad();
  print(`loss ${Number(loss.item()).toFixed(6)}, weight ${linear.weight.name} updated`);
}

runIfMain(import.meta.url, main);

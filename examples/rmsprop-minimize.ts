/**
 * Paddle's `minimize()` example (the seed document's version, which calls `minimize`):
 *
 *   inp = paddle.rand([10,10], dtype="float32")
 *   linear = paddle.nn.Linear(10, 10)
 *   out = linear(inp)
 *   loss = paddle.reduce_mean(out)
 *   rmsprop = paddle.optimizer.RMSProp(learning_rate=0.1, parameters=linear.parameters(), weight_decay=0.01)
 *   out.backward()
 *   rmsprop.minimize(loss)
 *   rmsprop.clear_grad()
 *
 * In dygraph `minimize` does not run backward; it applies the gradients already there and returns
 * `[optimizeOps, paramsGrads]`.
 */
import * as paddle from '../src/index.js';
import { runIfMain, type Print } from './run.js';

export function main(print: Print): void {
  const inp = paddle.rand([10, 10], { dtype: 'float32' });
  const linear = new paddle.nn.Linear(10, 10);
  const out = linear.forward(inp);
  const loss = paddle.reduce_mean(out);

  const rmsprop = new paddle.optimizer.RMSProp(0.1, {
    parameters: linear.parameters(),
    weightDecay: 0.01,
  });
  out.backward();
  const [ops, paramsGrads] = rmsprop.minimize(loss);
  rmsprop.clearGrad();
  print(`optimize ops: ${ops.length}, updated: ${paramsGrads.map(([p]) => p.name).join(', ')}`);
}

runIfMain(import.meta.url, main);

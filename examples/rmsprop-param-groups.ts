/**
 * The parameter-group example of Paddle's current RMSProp docstring:
 *
 *   # Note that the learning_rate of linear_2 is 0.01.
 *   linear_1 = paddle.nn.Linear(10, 10)
 *   linear_2 = paddle.nn.Linear(10, 10)
 *   inp = paddle.uniform(shape=[10, 10], min=-0.1, max=0.1)
 *   out = linear_1(inp)
 *   out = linear_2(out)
 *   loss = paddle.mean(out)
 *   rmsprop = paddle.optimizer.RMSProp(
 *       learning_rate=0.1,
 *       parameters=[{'params': linear_1.parameters()},
 *                   {'params': linear_2.parameters(), 'weight_decay': 0.001, 'learning_rate': 0.1}],
 *       weight_decay=0.01)
 *   out.backward()
 *   rmsprop.step()
 *   rmsprop.clear_grad()
 *
 * A group's learningRate is a *scale* of the base rate: linear_2 trains at 0.1 × 0.1 = 0.01.
 */
import * as paddle from '../src/index.js';
import { runIfMain, type Print } from './run.js';

export function main(print: Print): void {
  const linear1 = new paddle.nn.Linear(10, 10);
  const linear2 = new paddle.nn.Linear(10, 10);
  const inp = paddle.uniform([10, 10], { min: -0.1, max: 0.1 });
  let out = linear1.forward(inp);
  out = linear2.forward(out);
  const loss = paddle.mean(out);
  const rmsprop = new paddle.optimizer.RMSProp(0.1, {
    parameters: [
      { params: linear1.parameters() },
      { params: linear2.parameters(), weightDecay: 0.001, learningRate: 0.1 },
    ],
    weightDecay: 0.01,
  });
  const b1 = (linear1.bias as paddle.Tensor).numpy();
  const b2 = (linear2.bias as paddle.Tensor).numpy();
  out.backward();
  rmsprop.step();
  rmsprop.clearGrad();
  // The bias gradients are non-zero and the biases start at 0, so the first RMSProp step moves
  // each bias element by about lr / sqrt(1 - rho): 0.1/sqrt(0.05) ≈ 0.447 and 0.01/sqrt(0.05) ≈ 0.0447.
  const d1 = Math.abs(((linear1.bias as paddle.Tensor).numpy()[0] as number) - (b1[0] as number));
  const d2 = Math.abs(((linear2.bias as paddle.Tensor).numpy()[0] as number) - (b2[0] as number));
  print(`loss ${Number(loss.item()).toFixed(6)}`);
  print(`linear_1 bias step ${d1.toFixed(4)}, linear_2 bias step ${d2.toFixed(4)}`);
}

runIfMain(import.meta.url, main);

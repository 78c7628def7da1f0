/**
 * Paddle's `set_lr()` example:
 *
 *   linear = paddle.nn.Linear(10, 10)
 *   rmsprop = paddle.optimizer.RMSProp(0.1, parameters=linear.parameters())
 *   lr_list = [0.2, 0.3, 0.4, 0.5, 0.6]
 *   for i in range(5):
 *       rmsprop.set_lr(lr_list[i])
 *       lr = rmsprop.get_lr()
 *       print("current lr is {}".format(lr))
 *   # current lr is 0.2 ... current lr is 0.6
 */
import * as paddle from '../src/index.js';
import { runIfMain, type Print } from './run.js';

export function main(print: Print): void {
  const linear = new paddle.nn.Linear(10, 10);
  const rmsprop = new paddle.optimizer.RMSProp(0.1, { parameters: linear.parameters() });
  const lrList = [0.2, 0.3, 0.4, 0.5, 0.6];
  for (let i = 0; i < 5; i++) {
    rmsprop.set_lr(lrList[i] as number);
    const lr = rmsprop.get_lr();
    print(`current lr is ${lr}`);
  }
}

runIfMain(import.meta.url, main);

/**
 * Paddle's `set_lr_scheduler()` example:
 *
 *   linear = paddle.nn.Linear(10, 10)
 *   rmsprop = paddle.optimizer.RMSProp(0.1, parameters=linear.parameters())
 *   scheduler = paddle.optimizer.lr.MultiStepDecay(learning_rate=0.5, milestones=[2,4,6], gamma=0.8)
 *   rmsprop.set_lr_scheduler(scheduler)
 *   print("current lr is {}".format(rmsprop.get_lr()))   # current lr is 0.5
 *   scheduler = paddle.optimizer.lr.StepDecay(learning_rate=0.1, step_size=5, gamma=0.6)
 *   rmsprop.set_lr_scheduler(scheduler)
 *   print("current lr is {}".format(rmsprop.get_lr()))   # current lr is 0.1
 */
import * as paddle from '../src/index.js';
import { runIfMain, type Print } from './run.js';

export function main(print: Print): void {
  const linear = new paddle.nn.Linear(10, 10);
  const rmsprop = new paddle.optimizer.RMSProp(0.1, { parameters: linear.parameters() });
  let scheduler: paddle.optimizer.lr.LRScheduler = new paddle.optimizer.lr.MultiStepDecay(0.5, [2, 4, 6], { gamma: 0.8 });
  rmsprop.setLrScheduler(scheduler);
  print(`current lr is ${rmsprop.getLr()}`);
  scheduler = new paddle.optimizer.lr.StepDecay(0.1, 5, { gamma: 0.6 });
  rmsprop.setLrScheduler(scheduler);
  print(`current lr is ${rmsprop.getLr()}`);
}

runIfMain(import.meta.url, main);

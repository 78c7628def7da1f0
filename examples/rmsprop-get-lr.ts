/**
 * Paddle's two `get_lr()` examples (the seed document's version).
 *
 * Example 1: no scheduler, so get_lr() always returns the float.
 *
 *   emb = paddle.nn.Embedding(10, 10, sparse=False)
 *   rmsprop = paddle.optimizer.RMSProp(0.001, parameters = emb.parameters())
 *   print(rmsprop.get_lr())  # 0.001
 *
 * Example 2: a PiecewiseLR scheduler.
 *
 *   bd = [2, 4, 6, 8]
 *   value = [0.2, 0.4, 0.6, 0.8, 1.0]
 *   scheduler = paddle.optimizer.PiecewiseLR(bd, value, 0)
 *   rmsprop = paddle.optimizer.RMSProp(scheduler, parameters=linear.parameters())
 *   np.allclose(rmsprop.get_lr(), 0.2, rtol=1e-06, atol=0.0)  # True
 *   ret = [0.2, 0.2, 0.4, 0.4, 0.6, 0.6, 0.8, 0.8, 1.0, 1.0, 1.0, 1.0]
 *   for i in range(12):
 *       rmsprop.step(); lr = rmsprop.get_lr(); scheduler.step()
 *       np.allclose(lr, ret[i], rtol=1e-06, atol=0.0)  # True
 *
 * The document passes `last_epoch=0` positionally. By Paddle's scheduler semantics the constructor
 * steps once (spec §13.1), so last_epoch 0 starts the schedule at epoch 1 and the rates are
 * 0.2, 0.4, 0.4, 0.6, 0.6, 0.8, 0.8, 1.0, 1.0, 1.0, 1.0, 1.0. The document's list is what the
 * default last_epoch (-1) gives; its `np.allclose` lines never assert, so the mismatch went
 * unnoticed. This twin prints both runs and the test asserts both.
 */
import * as paddle from '../src/index.js';
import { runIfMain, type Print } from './run.js';

function run(lastEpoch: number): number[] {
  const linear = new paddle.nn.Linear(10, 10);
  const inp = paddle.rand([10, 10], { dtype: 'float32' });
  const out = linear.forward(inp);
  const loss = paddle.mean(out);
  loss.backward();
  const bd = [2, 4, 6, 8];
  const value = [0.2, 0.4, 0.6, 0.8, 1.0];
  const scheduler = new paddle.optimizer.PiecewiseLR(bd, value, { lastEpoch });
  const rmsprop = new paddle.optimizer.RMSProp(scheduler, { parameters: linear.parameters() });
  const lrs: number[] = [];
  if (rmsprop.getLr() !== 0.2) throw new Error(`first learning rate ${rmsprop.getLr()} is not 0.2`);
  for (let i = 0; i < 12; i++) {
    rmsprop.step();
    lrs.push(rmsprop.getLr());
    scheduler.step();
  }
  return lrs;
}

export function main(print: Print): void {
  const emb = new paddle.nn.Embedding(10, 10, { sparse: false });
  const rmsprop = new paddle.optimizer.RMSProp(0.001, { parameters: emb.parameters() });
  print(`${rmsprop.get_lr()}`);

  print(`PiecewiseLR(bd, value, last_epoch=0): ${run(0).join(', ')}`);
  print(`PiecewiseLR(bd, value) (default last_epoch=-1): ${run(-1).join(', ')}`);
}

runIfMain(import.meta.url, main);

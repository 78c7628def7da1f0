// Bundled by run.sh for the browser; uses the built dist/.
import * as paddle from '../../dist/index.js';
const out = [];
try {
  paddle.seed(1);
  const linear = new paddle.nn.Linear(10, 10);
  const opt = new paddle.optimizer.RMSProp(0.1, { parameters: linear.parameters(), momentum: 0.9, weightDecay: 0.01 });
  for (let i = 0; i < 3; i++) {
    const loss = paddle.mean(linear.forward(paddle.rand([4, 10])));
    loss.backward();
    opt.step();
    opt.clearGrad();
    out.push(loss.item().toFixed(6));
  }
  const bytes = paddle.saveBytes(opt.stateDict());
  const back = paddle.loadBytes(bytes);
  out.push(`backend=${paddle.kernels.backendName()} heap=${linear.weight.storage.location} keys=${Object.keys(back).length}`);
} catch (e) {
  out.push('ERROR ' + (e && e.stack || e));
}
document.getElementById('out').textContent = out.join('\n');

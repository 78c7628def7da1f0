/**
 * Writes, into the directory argv[2], the files scripts/gen-torch-fixtures.py loads in PyTorch to
 * check saveTorch: `model_state.pt` (the model fixture read with loadTorch and saved again) and
 * `rmsprop_<config>.pt` (each RMSprop checkpoint continued here for 2 of its 4 recorded steps
 * with compat.torch.RMSprop, then saved as { model, optimizer, epoch }).
 * Run: npx tsx tests/io/torch-sample.ts <dir> (the generator does).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RMSprop, type RMSpropStateDict } from '../../src/compat/torch.js';
import { loadTorchSync, saveTorchSync } from '../../src/io/torch.js';
import { Tensor } from '../../src/tensor/tensor.js';

const FIX = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'torch');
const out = process.argv[2];
if (out === undefined) throw new Error('usage: torch-sample.ts <output directory>');

saveTorchSync(loadTorchSync(join(FIX, 'model_state.pt')), join(out, 'model_state.pt'));

interface Trajectory {
  names: string[];
  steps: { grads: Record<string, number[]> }[];
}

for (const name of ['plain', 'centered', 'maximize']) {
  const ck = loadTorchSync<{ model: Record<string, Tensor>; optimizer: RMSpropStateDict }>(join(FIX, `rmsprop_${name}.pt`));
  const exp = JSON.parse(readFileSync(join(FIX, `rmsprop_${name}.json`), 'utf8')) as Trajectory;
  const params = exp.names.map((n) => ck.model[n] as Tensor);
  const opt = new RMSprop(params);
  opt.loadStateDict(ck.optimizer);
  for (const step of exp.steps.slice(0, 2)) {
    params.forEach((p, i) => p.setGrad(Tensor.fromArray(new Float32Array(step.grads[exp.names[i] as string] as number[]), p.shape, 'float32')));
    opt.step();
  }
  saveTorchSync({ model: ck.model, optimizer: opt.stateDict(), epoch: 5 }, join(out, `rmsprop_${name}.pt`));
}

/**
 * `load(path, { as })` (issue 15): a state dict checked at run time and typed, so that
 * `layer.setStateDict(await paddle.load(p, { as: 'stateDict' }))` compiles without a cast. The
 * assignments below are also compile-time checks (`npm run typecheck` covers tests/).
 */
import { join } from 'node:path';
import { afterAll, describe, expect, expectTypeOf, it } from 'vitest';
import * as paddle from '../../src/index.js';
import { ValueError } from '../../src/errors.js';
import { expectError } from '../helpers/errors.js';
import { scratchDir } from './helpers.js';

const scratch = scratchDir();
afterAll(() => scratch.cleanup());

/** A Linear and an RMSProp (with a StepDecay schedule) after one step, so every accumulator exists. */
function trained(): { lin: paddle.nn.Linear; opt: paddle.optimizer.RMSProp } {
  paddle.seed(7);
  const lin = new paddle.nn.Linear(3, 2);
  const sched = new paddle.optimizer.lr.StepDecay(0.1, 2);
  const opt = new paddle.optimizer.RMSProp(sched, { parameters: lin.parameters(), momentum: 0.9 });
  paddle.mean(lin.forward(paddle.rand([4, 3]))).backward();
  opt.step();
  sched.step();
  return { lin, opt };
}

function fresh(): { lin: paddle.nn.Linear; opt: paddle.optimizer.RMSProp } {
  const lin = new paddle.nn.Linear(3, 2);
  const opt = new paddle.optimizer.RMSProp(new paddle.optimizer.lr.StepDecay(0.1, 2), { parameters: lin.parameters(), momentum: 0.9 });
  return { lin, opt };
}

describe("load(path, { as: 'stateDict' | 'optimizerStateDict' })", () => {
  it('gives the layer and optimizer state dicts typed, and they load without a cast', async () => {
    const a = trained();
    const params = join(scratch.dir, 'm.pdparams');
    const opt = join(scratch.dir, 'm.pdopt');
    await paddle.save(a.lin.stateDict(), params);
    await paddle.save(a.opt.stateDict(), opt);

    const b = fresh();
    const sd = await paddle.load(params, { as: 'stateDict' });
    expectTypeOf(sd).toEqualTypeOf<paddle.io.LoadedStateDict>();
    expect(Object.keys(sd)).toEqual(['weight', 'bias']);
    expect(b.lin.setStateDict(sd)).toEqual([[], []]);
    expect([...b.lin.weight.numpy()]).toEqual([...a.lin.weight.numpy()]);

    const osd = await paddle.load(opt, { as: 'optimizerStateDict' });
    expectTypeOf(osd).toEqualTypeOf<paddle.io.LoadedOptimizerStateDict>();
    expect(osd.LR_Scheduler).toMatchObject({ last_epoch: 1 });
    b.opt.setStateDict(osd);
    expect(b.opt.getLr()).toBe(a.opt.getLr());
    expect(Object.keys(b.opt.stateDict())).toEqual(Object.keys(a.opt.stateDict()));
  });

  it('has the same forms in loadSync and loadBytes, and for safetensors', () => {
    const a = trained();
    const path = join(scratch.dir, 'm.safetensors');
    paddle.saveSync(a.lin.stateDict(), path);
    const fromFile: paddle.io.LoadedStateDict = paddle.loadSync(path, { as: 'stateDict' });
    const fromBytes: paddle.io.LoadedOptimizerStateDict = paddle.loadBytes(paddle.saveBytes(a.opt.stateDict()), { as: 'optimizerStateDict' });
    const b = fresh();
    b.lin.setStateDict(fromFile, { strict: true });
    b.opt.setStateDict(fromBytes);
    expect([...(b.lin.bias as paddle.Tensor).numpy()]).toEqual([...(a.lin.bias as paddle.Tensor).numpy()]);
    expect(fromBytes.LR_Scheduler).toMatchObject({ last_epoch: 1 });
  });

  it('refuses, naming what the file holds, anything but the state dict it was asked for', () => {
    const { opt } = trained();
    const cases: [unknown, paddle.io.LoadAs, RegExp][] = [
      [[1, 2], 'stateDict', /^paddle\.load: the bytes does not hold a state dict \(every value a Tensor\): it holds an array of length 2\. Load it without 'as' to see what it holds\.$/],
      [null, 'optimizerStateDict', /^paddle\.load: the bytes does not hold an optimizer state dict \(Tensors, and LR_Scheduler \/ master_weights dicts\): it holds null\./],
      [paddle.toTensor([1]), 'stateDict', /: it holds a Tensor\./],
      [{ w: paddle.toTensor([1]), step: 3 }, 'stateDict', /: 'step' holds 3\. Load it/],
      [{ w: paddle.toTensor([1]), LR_Scheduler: { last_epoch: 0 } }, 'stateDict', /: 'LR_Scheduler' holds an object\./],
      [{ w: paddle.toTensor([1]), note: { a: 1 } }, 'optimizerStateDict', /does not hold an optimizer state dict .*: 'note' holds an object\./],
      [{ w: paddle.toTensor([1]), LR_Scheduler: [1] }, 'optimizerStateDict', /: 'LR_Scheduler' holds an array of length 1\./],
      [opt.stateDict(), 'stateDict', /: 'LR_Scheduler' holds an object\./],
    ];
    for (const [value, as, message] of cases) {
      expectError(() => paddle.loadBytes(paddle.saveBytes(value), { as }), ValueError, message, `${as} of ${JSON.stringify(Object.keys(value ?? {}))}`);
    }
  });

  it('names the file in the error', () => {
    const path = join(scratch.dir, 'list.pdparams');
    paddle.saveSync([1, 2, 3], path);
    expectError(() => paddle.loadSync(path, { as: 'stateDict' }), ValueError, new RegExp(`^paddle\\.load: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} does not hold a state dict`));
  });

  it('rejects a bad `as` and the options it cannot be combined with', () => {
    const bytes = paddle.saveBytes({ w: paddle.toTensor([1]) });
    expectError(() => paddle.loadBytes(bytes, { as: 'state_dict' as paddle.io.LoadAs }), ValueError, `paddle.load: 'as' must be 'stateDict' or 'optimizerStateDict', but received "state_dict".`);
    const excluded: [paddle.io.LoadOptions, string][] = [
      [{ returnNumpy: true }, 'returnNumpy: true'],
      [{ keepNameTable: true }, 'keepNameTable: true'],
      [{ dictAs: 'map' }, "dictAs: 'map'"],
    ];
    for (const [opts, name] of excluded) {
      expectError(() => paddle.loadBytes(bytes, { ...opts, as: 'stateDict' }), ValueError, `paddle.load: 'as' gives Tensors in a plain object, so it cannot be combined with ${name}; load without 'as' for that.`);
    }
    // Without `as` the same options still work, untyped.
    expect(paddle.loadBytes(bytes, { dictAs: 'map' })).toBeInstanceOf(Map);
  });
});

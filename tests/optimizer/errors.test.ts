/**
 * Table-driven bad input for RMSProp: every error case of the spec raises Paddle's exception kind
 * with Paddle's message, and a failed call leaves parameters, gradients and optimizer state
 * bit-identical.
 */
import { describe, expect, it } from 'vitest';
import * as paddle from '../../src/index.js';
import { expectError } from '../helpers/errors.js';

const { ValueError, TypeError: PTypeError, AssertionError, RuntimeError, AttributeError, KeyError } = paddle.errors;
type ErrorClass = new (...args: never[]) => Error;

function makeParam(name: string, values: number[], shape: number[] = [values.length]): paddle.Tensor {
  const p = paddle.createParameter(shape, 'float32', { attr: new paddle.ParamAttr({ name }) });
  p.setValue(paddle.toTensor(values, { dtype: 'float32' }).reshape(shape));
  return p;
}

function setGrad(p: paddle.Tensor, values: number[]): void {
  p.setGrad(paddle.toTensor(values, { dtype: 'float32' }).reshape([...p.shape]));
}

/** Bytes of every parameter value, gradient and state-dict tensor (and the scheduler state). */
function snapshot(params: paddle.Tensor[], opt: paddle.optimizer.RMSProp): string {
  const parts: string[] = [];
  for (const p of params) {
    parts.push(`${p.name}=${Array.from(new Uint8Array(p.numpy().buffer)).join(',')}`);
    const g = p.grad;
    parts.push(`${p.name}@GRAD=${g === null ? 'null' : Array.from(new Uint8Array(g.numpy().buffer)).join(',')}`);
  }
  for (const [k, v] of Object.entries(opt.stateDict())) {
    parts.push(`${k}=${v instanceof paddle.Tensor ? Array.from(new Uint8Array(v.numpy().buffer)).join(',') : JSON.stringify(v)}`);
  }
  parts.push(`lr=${opt.getLr()}`);
  return parts.join('\n');
}

describe('RMSProp constructor errors (spec §1, §2, §3)', () => {
  let counter = 0;
  const p = () => makeParam(`ctor_${counter++}`, [1, 2]);
  const cases: [string, () => unknown, ErrorClass, RegExp | string][] = [
    ['learning_rate undefined', () => new paddle.optimizer.RMSProp(undefined as unknown as number, { parameters: [p()] }), ValueError, 'learning_rate is not set.'],
    ['learning_rate null', () => new paddle.optimizer.RMSProp(null as unknown as number, { parameters: [p()] }), ValueError, 'learning_rate is not set.'],
    ['rho null', () => new paddle.optimizer.RMSProp(0.1, { rho: null, parameters: [p()] }), ValueError, 'rho is not set.'],
    ['epsilon null', () => new paddle.optimizer.RMSProp(0.1, { epsilon: null, parameters: [p()] }), ValueError, 'epsilon is not set.'],
    ['momentum null', () => new paddle.optimizer.RMSProp(0.1, { momentum: null, parameters: [p()] }), ValueError, 'momentum is not set.'],
    ['negative epsilon', () => new paddle.optimizer.RMSProp(0.1, { epsilon: -1e-6, parameters: [p()] }), ValueError, 'Invalid value of epsilon, expect epsilon >= 0.'],
    ['negative momentum', () => new paddle.optimizer.RMSProp(0.1, { momentum: -0.1, parameters: [p()] }), ValueError, 'Invalid value of momentum, expect momentum >= 0.'],
    ['negative rho', () => new paddle.optimizer.RMSProp(0.1, { rho: -0.5, parameters: [p()] }), ValueError, 'Invalid value of rho, expect rho >= 0.'],
    ['NaN rho', () => new paddle.optimizer.RMSProp(0.1, { rho: Number.NaN, parameters: [p()] }), ValueError, /rho.*NaN/],
    ['NaN epsilon', () => new paddle.optimizer.RMSProp(0.1, { epsilon: Number.NaN, parameters: [p()] }), ValueError, /epsilon.*NaN/],
    ['NaN momentum', () => new paddle.optimizer.RMSProp(0.1, { momentum: Number.NaN, parameters: [p()] }), ValueError, /momentum.*NaN/],
    ['NaN learning rate', () => new paddle.optimizer.RMSProp(Number.NaN, { parameters: [p()] }), ValueError, /Invalid learning rate: nan/],
    ['infinite learning rate', () => new paddle.optimizer.RMSProp(Infinity, { parameters: [p()] }), ValueError, /Invalid learning rate: inf/],
    ['negative learning rate', () => new paddle.optimizer.RMSProp(-0.1, { parameters: [p()] }), ValueError, /Invalid learning rate: -0.1/],
    ['NaN scheduler rate', () => new paddle.optimizer.lr.StepDecay(Number.NaN, 2), ValueError, /Invalid learning rate: nan/],
    ['infinite scheduler rate', () => new paddle.optimizer.lr.CosineAnnealingDecay(Infinity, 2), ValueError, /Invalid learning rate: inf/],
    ['string rho', () => new paddle.optimizer.RMSProp(0.1, { rho: '0.9' as unknown as number, parameters: [p()] }), PTypeError, /rho must be a number/],
    ['string learning rate', () => new paddle.optimizer.RMSProp('0.1' as unknown as number, { parameters: [p()] }), PTypeError, "learning rate should be float or LRScheduler, got <class 'str'> here"],
    ['parameters missing', () => new paddle.optimizer.RMSProp(0.1), AttributeError, 'parameters argument given to the Optimizer should not be None in dygraph mode.'],
    ['a single tensor as parameters', () => new paddle.optimizer.RMSProp(0.1, { parameters: p() as unknown as paddle.Tensor[] }), PTypeError, /should be an iterable of paddle Tensors/],
    ['a dict as parameters', () => new paddle.optimizer.RMSProp(0.1, { parameters: { w: p() } as unknown as paddle.Tensor[] }), PTypeError, /should not get dict type/],
    ['unknown option (snake_case)', () => new paddle.optimizer.RMSProp(0.1, { parameters: [p()], weight_decay: 0.1 } as never), PTypeError, /Did you mean 'weightDecay'/],
    ['unknown option', () => new paddle.optimizer.RMSProp(0.1, { parameters: [p()], nesterov: true } as never), PTypeError, /unexpected option 'nesterov'/],
    ['grad_clip not a clip', () => new paddle.optimizer.RMSProp(0.1, { parameters: [p()], gradClip: {} as never }), PTypeError, "'grad_clip' should be an instance of GradientClipBase's derived class"],
    ['weight_decay of a wrong type', () => new paddle.optimizer.RMSProp(0.1, { parameters: [p()], weightDecay: 'l2' as never }), PTypeError, /weight_decay must be/],
    ['group without params', () => new paddle.optimizer.RMSProp(0.1, { parameters: [{ learningRate: 0.1 } as never] }), AssertionError, 'params should be set in parameters if parameter groups are optimized in different options'],
    ['group params as a Set', () => new paddle.optimizer.RMSProp(0.1, { parameters: [{ params: new Set([p()]) as never }] }), PTypeError, 'optimizer parameters should be in ordered collections,but received set, please use list instead.'],
    ['a parameter in two groups', () => {
      const q = p();
      return new paddle.optimizer.RMSProp(0.1, { parameters: [{ params: [q] }, { params: [q] }] });
    }, ValueError, 'some parameters appear in more than one parameter group'],
    ['group key in snake_case', () => new paddle.optimizer.RMSProp(0.1, { parameters: [{ params: [p()], learning_rate: 0.1 } as never] }), PTypeError, /Did you mean 'learningRate'/],
    ['group with negative momentum', () => new paddle.optimizer.RMSProp(0.1, { parameters: [{ params: [p()], momentum: -1 }] }), ValueError, /momentum/],
  ];
  for (const [name, fn, kind, message] of cases) {
    it(name, () => {
      expectError(fn, kind, message);
    });
  }

  it('accepts what Paddle accepts: rho > 1, an empty parameter list (a negative rate follows the scheduler rule: rejected)', () => {
    expect(() => new paddle.optimizer.RMSProp(0.1, { rho: 1.5, parameters: [p()] })).not.toThrow();
    expect(() => new paddle.optimizer.RMSProp(0, { parameters: [p()] })).not.toThrow();
    expect(() => new paddle.optimizer.RMSProp(0.1, { parameters: [] })).not.toThrow();
  });
});

describe('failed calls change nothing', () => {
  function setup(withScheduler = false) {
    return paddle.utils.uniqueName.guard(() => {
      const w = makeParam('w', [0.5, -1, 2, 0.25], [2, 2]);
      const b = makeParam('b', [0.1, -0.2]);
      const scheduler = withScheduler ? new paddle.optimizer.lr.StepDecay(0.1, 2, { gamma: 0.5 }) : null;
      const opt = new paddle.optimizer.RMSProp(scheduler ?? 0.1, { parameters: [w, b], momentum: 0.9, centered: true });
      setGrad(w, [1, -2, 3, -4]);
      setGrad(b, [0.5, 0.25]);
      opt.step();
      setGrad(w, [0.1, 0.2, 0.3, 0.4]);
      return { w, b, opt, scheduler };
    });
  }

  const failing: [string, (s: ReturnType<typeof setup>) => void, ErrorClass, RegExp | string][] = [
    ['setLr with a string', (s) => s.opt.setLr('0.2' as unknown as number), PTypeError, "The type of 'value' in optimizer.set_lr must be float, but received <class 'str'>."],
    ['setLr NaN', (s) => s.opt.setLr(Number.NaN), ValueError, /Invalid learning rate: nan/],
    ['setLr Infinity', (s) => s.opt.setLr(Infinity), ValueError, /Invalid learning rate: inf/],
    ['setLr negative', (s) => s.opt.setLr(-1), ValueError, /^Invalid learning rate: -1$/],
    ['setLrScheduler with a number', (s) => s.opt.setLrScheduler(0.1 as never), PTypeError, "The type of 'scheduler' in optimizer.set_lr_schduler must be LRScheduler, but received <class 'float'>."],
    ['setStateDict with a missing accumulator', (s) => {
      const sd = { ...s.opt.stateDict() };
      delete sd['w_momentum_0'];
      s.opt.setStateDict(sd);
    }, AssertionError, 'optimizer Tensor w_momentum_0 not found'],
    ['setStateDict with a wrong shape', (s) => {
      const sd = { ...s.opt.stateDict(), w_mean_square_0: paddle.zeros([4], { dtype: 'float32' }) };
      s.opt.setStateDict(sd);
    }, AssertionError, 'Variable Shape not match, Variable [ w_mean_square_0 ] need tensor with shape [2, 2] but load set tensor with shape [4]'],
    ['setStateDict with a wrong dtype', (s) => {
      const sd = { ...s.opt.stateDict(), b_mean_grad_0: paddle.zeros([2], { dtype: 'float64' }) };
      s.opt.setStateDict(sd);
    }, AssertionError, /Variable dtype not match, Variable \[ b_mean_grad_0 \] need tensor with dtype float32/],
    ['setStateDict with a non-tensor value', (s) => s.opt.setStateDict({ ...s.opt.stateDict(), w_momentum_0: 'x' as never }), PTypeError, /not supprt/],
    ['setStateDict with a non-object', (s) => s.opt.setStateDict(null as never), PTypeError, /expects a dict/],
    ['a gradient whose shape does not match its parameter', (s) => s.w.setGrad(paddle.zeros([4], { dtype: 'float32' })), ValueError, /does not match/],
    ['minimize with a non-tensor loss', (s) => s.opt.minimize(1 as never), AssertionError, 'The loss should be an Tensor.'],
    ['clearGrad with an unknown option', (s) => s.opt.clearGrad({ set_to_zero: false } as never), PTypeError, /Did you mean 'setToZero'/],
  ];
  for (const [name, fn, kind, message] of failing) {
    it(name, () => {
      const s = setup();
      const before = snapshot([s.w, s.b], s.opt);
      let caught: unknown;
      try {
        fn(s);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(kind);
      if (typeof message === 'string') expect((caught as Error).message).toBe(message);
      else expect((caught as Error).message).toMatch(message);
      expect(snapshot([s.w, s.b], s.opt)).toBe(before);
    });
  }

  it('setLr while a scheduler is in use is a RuntimeError', () => {
    const s = setup(true);
    const before = snapshot([s.w, s.b], s.opt);
    expect(() => s.opt.setLr(0.2)).toThrow(RuntimeError);
    expect(() => s.opt.setLr(0.2)).toThrow("optimizer's learning rate can't be LRScheduler when invoke this API, because this will lead to conflict.");
    expect(snapshot([s.w, s.b], s.opt)).toBe(before);
  });

  it('setStateDict without LR_Scheduler while a scheduler is in use is a KeyError', () => {
    const s = setup(true);
    (s.scheduler as paddle.optimizer.lr.LRScheduler).step();
    const before = snapshot([s.w, s.b], s.opt);
    const sd = { ...s.opt.stateDict() };
    delete sd.LR_Scheduler;
    expect(() => s.opt.setStateDict(sd)).toThrow(KeyError);
    expect(snapshot([s.w, s.b], s.opt)).toBe(before);
  });

  it('a state dict missing a name that a later step needs fails that step and changes nothing', () => {
    const fresh = paddle.utils.uniqueName.guard(() => {
      const w = makeParam('w', [0.5, -1, 2, 0.25], [2, 2]);
      const b = makeParam('b', [0.1, -0.2]);
      const opt = new paddle.optimizer.RMSProp(0.1, { parameters: [w, b], momentum: 0.9 });
      // Only w's state is loaded: b's accumulators cannot be bound at the first step.
      opt.setStateDict({
        w_momentum_0: paddle.zeros([2, 2], { dtype: 'float32' }),
        w_mean_square_0: paddle.ones([2, 2], { dtype: 'float32' }),
        w_mean_grad_0: paddle.zeros([2, 2], { dtype: 'float32' }),
      });
      setGrad(w, [1, 2, 3, 4]);
      setGrad(b, [1, 1]);
      return { w, b, opt };
    });
    const before = snapshot([fresh.w, fresh.b], fresh.opt);
    expect(() => paddle.utils.uniqueName.guard(() => fresh.opt.step())).toThrow(AssertionError);
    expect(() => paddle.utils.uniqueName.guard(() => fresh.opt.step())).toThrow('Optimizer set error, b_momentum_0 should in state dict');
    expect(snapshot([fresh.w, fresh.b], fresh.opt)).toBe(before);
  });
});

describe('habits from other frameworks get a TypeError that says what Paddle expects', () => {
  it('step(closure), minimize(() => loss), a parameter passed twice', () => {
    const w = paddle.createParameter([2], 'float32');
    const opt = new paddle.optimizer.RMSProp(0.1, { parameters: [w] });
    const loss = paddle.sum(paddle.multiply(w, w));
    expect(() => (opt.step as (c: () => unknown) => void)(() => loss)).toThrow(/step\(\) takes no arguments \(received a closure, as in PyTorch\)/);
    expect(() => opt.minimize((() => loss) as never)).toThrow(/not a function \(as in TF\.js\)/);
    expect(() => new paddle.optimizer.RMSProp(0.1, { parameters: [w, w] })).toThrow(ValueError);
    expect(() => new paddle.optimizer.RMSProp(0.1, { parameters: [w, w] })).toThrow(new RegExp(`'${w.name.replace('.', '\\.')}' was passed twice`));
    opt.dispose();
    w.dispose();
  });
});

/**
 * compat.keras.RMSprop against a NumPy model of Keras 3 (scripts/gen-compat-fixtures.py, class
 * `Keras`), written from keras/src/optimizers/rmsprop.py `RMSprop.update_step` and
 * keras/src/optimizers/base_optimizer.py `BaseOptimizer.apply`, `_backend_apply_gradients`,
 * `_clip_gradients`, `_clip_by_norm`, `clip_by_global_norm`, `_apply_weight_decay`,
 * `_update_model_variables_moving_average`, `_overwrite_model_variables_with_average_value`:
 * 7 steps per case, every parameter and every optimizer variable bit for bit.
 *
 * Not reproducible bit for bit against Keras itself: the float32 reductions of the norm clips
 * (`ops.sum`) run in the backend's own order (TF/JAX/torch trees or SIMD lanes); both the model
 * and this library sum the rounded squares in float64 in index order, so a real Keras run can
 * differ in the last bit of the norm, and so by one ulp in the clipped gradient.
 */
import { describe, expect, it } from 'vitest';
import { TypeError as PaddleTypeError, RuntimeError, ValueError } from '../../src/errors.js';
import { RMSprop, type RMSpropOptions } from '../../src/compat/keras.js';
import { setLogSink } from '../../src/log.js';
import { SelectedRows } from '../../src/tensor/selected-rows.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { diff, gradsAt, initialParams, loadCases, type Case } from './compat-fixtures.js';

const cases = loadCases('keras');

function options(c: Case): RMSpropOptions {
  const camel: Record<string, string> = {
    learning_rate: 'learningRate',
    weight_decay: 'weightDecay',
    global_clipnorm: 'globalClipnorm',
    use_ema: 'useEma',
    ema_momentum: 'emaMomentum',
    ema_overwrite_frequency: 'emaOverwriteFrequency',
    gradient_accumulation_steps: 'gradientAccumulationSteps',
  };
  return Object.fromEntries(Object.entries(c.hyper).map(([k, v]) => [camel[k] ?? k, v])) as RMSpropOptions;
}

function quiet<T>(fn: () => T): { value: T; lines: string[] } {
  const lines: string[] = [];
  const prev = setLogSink((l) => lines.push(l));
  try {
    return { value: fn(), lines };
  } finally {
    setLogSink(prev);
  }
}

describe('compat.keras.RMSprop: Keras 3 trajectories (NumPy model of the Keras sources)', () => {
  it('has the generator\'s cases', () => {
    expect(cases.map((c) => c.name)).toEqual([
      'plain',
      'momentum_centered',
      'weight_decay_clipnorm',
      'global_clipnorm_momentum',
      'clipvalue_ema_overwrite',
      'accumulation_ema_decay',
      'missing_gradient',
      'float64_centered_decay',
    ]);
  });

  for (const c of cases) {
    it(`${c.name} (${c.dtype}): every step bit for bit, and the optimizer variables`, () => {
      const vars = initialParams(c);
      const opt = new RMSprop(options(c));
      const logged: string[] = [];
      c.params.forEach((want, t) => {
        const { lines } = quiet(() => opt.apply(gradsAt(c, t), vars));
        logged.push(...lines);
        expect(diff(`step ${t + 1}`, vars, want)).toEqual([]);
      });
      expect(opt.iterations).toBe(c.params.length);
      const state: Record<string, Tensor[]> = {
        velocities: opt.velocities,
        momentums: opt.momentums,
        averageGradients: opt.averageGradients,
        accumulatedGradients: opt.accumulatedGradients,
        modelVariablesMovingAverage: opt.modelVariablesMovingAverage,
      };
      for (const [k, want] of Object.entries(c.state)) expect(diff(k, state[k] as Tensor[], want)).toEqual([]);
      if (c.name === 'missing_gradient') expect(logged.join('\n')).toMatch(/Gradients do not exist for variables \["p0"\]/);
    });
  }

  it('reproduces the docstring example of keras.optimizers.RMSprop (var1 = 10 → 9.683772)', () => {
    const v = Tensor.fromArray(new Float32Array([10]), [], 'float32');
    const opt = new RMSprop({ learningRate: 0.1 });
    opt.apply([Tensor.fromArray(new Float32Array([10]), [], 'float32')], [v]);
    expect((v.data[0] as number).toPrecision(7)).toBe('9.683772');
  });

  it('applyGradients and step() are apply() with other argument shapes', () => {
    const c = cases.find((x) => x.name === 'momentum_centered') as Case;
    const a = initialParams(c);
    const b = initialParams(c);
    const optA = new RMSprop(options(c));
    const optB = new RMSprop(options(c));
    for (let t = 0; t < 3; t++) {
      const g = gradsAt(c, t);
      expect(optA.applyGradients(g.map((x, i) => [x, a[i] as Tensor] as const))).toBe(t + 1);
      b.forEach((p, i) => p.setGrad(g[i] as Tensor));
      optB.step(t === 0 ? b : undefined);
    }
    expect(diff('applyGradients', a, c.params[2] as number[][])).toEqual([]);
    expect(diff('step', b, c.params[2] as number[][])).toEqual([]);
  });

  it('takes a learning-rate schedule of iterations, and finalizeVariableValues writes the EMA', () => {
    const c = cases.find((x) => x.name === 'plain') as Case;
    const a = initialParams(c);
    const seen: number[] = [];
    const opt = new RMSprop({ learningRate: (it) => (seen.push(it), 0.001), useEma: true });
    for (let t = 0; t < 3; t++) opt.apply(gradsAt(c, t), a);
    expect(seen.slice(0, 3)).toEqual([0, 1, 2]);
    expect(diff('schedule', a, c.params[2] as number[][])).toEqual([]); // same as the constant 0.001
    opt.finalizeVariableValues();
    expect(diff('ema', a, opt.modelVariablesMovingAverage.map((t) => Array.from(t.data)))).toEqual([]);
    expect(opt.learningRate).toBe(Math.fround(0.001));
  });

  describe('bad input changes nothing', () => {
    it('refuses unknown options, NaN, values out of range and two clips at once', () => {
      expect(() => new RMSprop({ lr: 0.1 } as unknown as RMSpropOptions)).toThrow(PaddleTypeError);
      expect(() => new RMSprop({ learning_rate: 0.1 } as unknown as RMSpropOptions)).toThrow(/Did you mean 'learningRate'/);
      expect(() => new RMSprop({ rho: Number.NaN })).toThrow(PaddleTypeError);
      expect(() => new RMSprop({ rho: 1.5 })).toThrow(ValueError);
      expect(() => new RMSprop({ epsilon: -1 })).toThrow(ValueError);
      expect(() => new RMSprop({ gradientAccumulationSteps: 1 })).toThrow(/>= 2/);
      expect(() => new RMSprop({ emaOverwriteFrequency: 1.5 })).toThrow(/integer/);
      expect(() => new RMSprop({ clipnorm: 1, clipvalue: 1 })).toThrow(/Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set/);
      const opt = new RMSprop();
      expect(() => {
        opt.learningRate = Number.NaN;
      }).toThrow(PaddleTypeError);
      expect(opt.learningRate).toBe(Math.fround(0.001));
    });

    it('an unknown variable, a wrong shape, a sparse gradient or no gradient at all: nothing changes', () => {
      const c = cases.find((x) => x.name === 'momentum_centered') as Case;
      const vars = initialParams(c);
      const opt = new RMSprop(options(c));
      opt.apply(gradsAt(c, 0), vars);
      const snapshot = (): number[][] => [...vars, ...opt.velocities, ...opt.momentums, ...opt.averageGradients].map((t) => Array.from(t.data));
      const before = snapshot();
      const other = Tensor.fromArray(new Float32Array(15), [3, 5], 'float32', { name: 'stranger' });
      expect(() => opt.apply(gradsAt(c, 1), [other, vars[1] as Tensor])).toThrow(/Unknown variable: 'stranger'/);
      const g = gradsAt(c, 1);
      expect(() => opt.apply([g[0] as Tensor, Tensor.fromArray(new Float32Array(6), [6], 'float32')], vars)).toThrow(ValueError);
      expect(() => opt.apply([g[0] as Tensor, Tensor.fromArray(new Float64Array(7), [7], 'float64')], vars)).toThrow(ValueError);
      expect(() => opt.apply([null, null], vars)).toThrow('No gradients provided for any variable.');
      expect(() => opt.apply([g[0] as Tensor], undefined)).toThrow(/one-to-on/);
      const rows = new SelectedRows([0], new Float32Array(5), 3, 5, 'float32');
      expect(() => opt.apply([rows as unknown as Tensor, g[1] as Tensor], vars)).toThrow(RuntimeError);
      expect(snapshot()).toEqual(before);
      expect(opt.iterations).toBe(1);
    });

    it('apply without variables before build is an error', () => {
      expect(() => new RMSprop().apply([Tensor.fromArray(new Float32Array(1), [1], 'float32')])).toThrow(/must already be built/);
    });
  });
});

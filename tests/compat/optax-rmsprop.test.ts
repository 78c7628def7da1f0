/**
 * compat.optax against a NumPy model of Optax (scripts/gen-compat-fixtures.py, `optax_run`),
 * written from optax/_src/alias.py `rmsprop`, optax/_src/transform.py `scale_by_rms`,
 * `scale_by_stddev`, `scale_by_learning_rate` (`scale` / `scale_by_schedule`), `trace`, optax's
 * tree utilities `tree_update_moment`, `tree_update_moment_per_elem_norm`,
 * `tree_bias_correction`, and optax/_src/update.py `apply_updates`: 7 steps per case,
 * parameters and state bit for bit.
 *
 * Modelled, not measured against JAX (not installable here): `jax.lax.rsqrt(x)` as `1/sqrt(x)`
 * (XLA's CPU lowering, two roundings), and `decay**count` as the float32 rounding of the double
 * power (XLA's `pow` may differ by an ulp in the bias correction); XLA's CPU backend does not
 * contract multiply-adds into FMA by default.
 */
import { describe, expect, it } from 'vitest';
import { TypeError as PaddleTypeError, ValueError } from '../../src/errors.js';
import * as optax from '../../src/compat/optax.js';
import type { ChainState, OptState, TransformState } from '../../src/compat/optax.js';
import { Tensor } from '../../src/tensor/tensor.js';
import { diff, gradsAt, initialParams, loadCases, type Case } from './compat-fixtures.js';

const cases = loadCases('optax');

function transform(c: Case): optax.GradientTransformation {
  const h = c.hyper as Record<string, unknown>;
  const schedule = h.schedule as number[] | null | undefined;
  const o: optax.RmspropOptions = { learningRate: schedule ? (count: number) => schedule[count] as number : (h.learning_rate as number) };
  const camel: Record<string, keyof optax.RmspropOptions> = {
    decay: 'decay',
    eps: 'eps',
    initial_scale: 'initialScale',
    eps_in_sqrt: 'epsInSqrt',
    centered: 'centered',
    momentum: 'momentum',
    nesterov: 'nesterov',
    bias_correction: 'biasCorrection',
  };
  for (const [k, v] of Object.entries(h)) if (camel[k] !== undefined) (o as unknown as Record<string, unknown>)[camel[k] as string] = v;
  return optax.rmsprop(o);
}

function buffers(state: OptState, name: string): readonly Tensor[] | undefined {
  for (const s of (state as ChainState).inner) {
    const b = (s as TransformState).buffers?.[name];
    if (b !== undefined) return b;
  }
  return undefined;
}

describe('compat.optax: optax.rmsprop as a chain of transformations (NumPy model of the Optax sources)', () => {
  it("has the generator's cases", () => {
    expect(cases.map((c) => c.name)).toEqual(['plain', 'momentum', 'centered_nesterov', 'bias_correction_eps_outside', 'schedule_centered_bias', 'float64_momentum']);
  });

  for (const c of cases) {
    it(`${c.name} (${c.dtype}): every step bit for bit, and the state`, () => {
      const tx = transform(c);
      let params = initialParams(c);
      let state = tx.init(params);
      c.params.forEach((want, t) => {
        const grads = gradsAt(c, t) as Tensor[];
        const [updates, next] = tx.update(grads, state, params);
        state = next;
        params = optax.applyUpdates(params, updates);
        expect(diff(`step ${t + 1}`, params, want)).toEqual([]);
      });
      for (const [k, want] of Object.entries(c.state)) expect(diff(k, buffers(state, k) as Tensor[], want)).toEqual([]);
    });
  }

  it('is functional: update and applyUpdates leave their inputs as they were; inPlace writes the parameters', () => {
    const c = cases[1] as Case;
    const tx = transform(c);
    const params = initialParams(c);
    const state0 = tx.init(params);
    const grads = gradsAt(c, 0) as Tensor[];
    const snap = (ts: readonly Tensor[]): number[][] => ts.map((t) => Array.from(t.data));
    const before = { params: snap(params), grads: snap(grads), nu: snap(buffers(state0, 'nu') as Tensor[]) };
    const [u1, s1] = tx.update(grads, state0);
    const [u2] = tx.update(grads, state0); // the same state again: the same updates
    expect(snap(u2)).toEqual(snap(u1));
    const newParams = optax.applyUpdates(params, u1);
    expect({ params: snap(params), grads: snap(grads), nu: snap(buffers(state0, 'nu') as Tensor[]) }).toEqual(before);
    expect(diff('step 1', newParams, c.params[0] as number[][])).toEqual([]);
    const same = optax.applyUpdates(params, u1, { inPlace: true });
    expect(same[0]).toBe(params[0]);
    expect(diff('inPlace', params, c.params[0] as number[][])).toEqual([]);
    expect(s1).not.toBe(state0);
  });

  it('the pieces compose as optax.rmsprop does', () => {
    const c = cases[1] as Case;
    const tx = optax.chain(optax.scaleByRms({ decay: 0.95 }), optax.scaleByLearningRate(0.01), optax.trace({ decay: 0.9 }));
    let params = initialParams(c);
    let state = tx.init(params);
    for (let t = 0; t < 3; t++) {
      const [u, s] = tx.update(gradsAt(c, t) as Tensor[], state);
      state = s;
      params = optax.applyUpdates(params, u);
    }
    expect(diff('chain', params, c.params[2] as number[][])).toEqual([]);
    const [same] = optax.identity().update(params, optax.identity().init(params));
    expect(same[0]).toBe(params[0]);
  });

  it('refuses bad options, states and updates', () => {
    expect(() => optax.rmsprop({} as optax.RmspropOptions)).toThrow(PaddleTypeError);
    expect(() => optax.rmsprop({ learningRate: 0.1, eps_in_sqrt: false } as unknown as optax.RmspropOptions)).toThrow(/Did you mean 'epsInSqrt'/);
    expect(() => optax.rmsprop({ learningRate: Number.NaN })).toThrow(PaddleTypeError);
    expect(() => optax.rmsprop({ learningRate: 0.1, decay: 1.5 })).toThrow(ValueError);
    expect(() => optax.trace({ decay: Number.NaN })).toThrow(PaddleTypeError);
    const c = cases[0] as Case;
    const tx = transform(c);
    const params = initialParams(c);
    const state = tx.init(params);
    expect(() => tx.update([params[0] as Tensor], state)).toThrow(ValueError);
    expect(() => tx.update(params, optax.trace({ decay: 0.9 }).init(params))).toThrow(/state of a chain/);
    const wrong = [Tensor.fromArray(new Float32Array(7), [7], 'float32'), params[1] as Tensor];
    expect(() => tx.update(wrong, state)).toThrow(/its state is float32 \[3, 5\]/);
    expect(() => optax.applyUpdates(params, [params[0] as Tensor])).toThrow(ValueError);
    const bad = optax.rmsprop({ learningRate: () => Number.NaN });
    expect(() => bad.update(params, bad.init(params))).toThrow(PaddleTypeError);
  });
});

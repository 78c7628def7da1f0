#!/usr/bin/python3
"""Writes the trajectories of tests/compat/{keras,tf1,timm,optax}-rmsprop.test.ts.

Run from the repository root with Debian's python3 (NumPy, and PyTorch 1.13 for timm):

    /usr/bin/python3 scripts/gen-compat-fixtures.py

Each framework is modelled here from its own source, one float32 (or float64) operation at a time,
every constant converted as the framework converts it (a Python float meeting a float32 tensor is
weakly typed: rounded once from the double):

- Keras 3: keras/src/optimizers/rmsprop.py `RMSprop.update_step`, and
  keras/src/optimizers/base_optimizer.py `BaseOptimizer.apply` / `_backend_apply_gradients`
  (gradient accumulation, `_clip_gradients` with `_clip_by_norm` / `clip_by_global_norm`,
  `_apply_weight_decay`, `_update_model_variables_moving_average`,
  `_overwrite_model_variables_with_average_value`). NumPy model.
- TF1: tensorflow/python/training/rmsprop.py `RMSPropOptimizer._create_slots` (rms = 1) and
  tensorflow/core/kernels/training_ops.cc `ApplyRMSProp` / `ApplyCenteredRMSProp` (CPU functors).
  NumPy model.
- timm: timm/optim/rmsprop_tf.py `RMSpropTF` (timm 0.9/1.0, single tensor), transcribed as a
  torch.optim.Optimizer and run on real PyTorch 1.13 tensors with the same calls
  (`add_(..., alpha=)`, `addcmul`, `addcdiv_`, `mul_`), so the fixture holds PyTorch's own float32
  results and timm's state_dict layout.
- Optax: optax/_src/transform.py `scale_by_rms`, `scale_by_stddev`, `scale_by_learning_rate`
  (`scale` / `scale_by_schedule`), `trace`; optax/_src/alias.py `rmsprop`; optax/_src/update.py
  `apply_updates`; optax tree_utils `tree_update_moment`, `tree_update_moment_per_elem_norm`,
  `tree_bias_correction`. NumPy model (`rsqrt(x)` as `1/sqrt(x)`, XLA's CPU lowering;
  `decay**count` as the float32 rounding of the double power).

Gradients are drawn once per step and do not depend on the parameters (open loop), so that only
the optimizers' arithmetic is compared. Output: tests/fixtures/compat/<framework>.json, a list of
cases {name, dtype, hyper, init, grads[step][param], params[step][param], state}; float32 values
are written as the exact doubles of the float32 numbers. For timm also timm_<case>.pt: torch.save
of {'params', 'optimizer': state_dict()} after 3 steps, for the continuation test.
"""
import json
import math
import os

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'fixtures', 'compat')
SHAPES = [(3, 5), (7,)]
STEPS = 7


def make_data(seed, dtype, steps=STEPS, scale=1.0, missing=()):
    rng = np.random.default_rng(seed)
    init = [rng.standard_normal(s).astype(dtype) for s in SHAPES]
    grads = []
    for t in range(steps):
        # varied magnitudes (some tiny, some large) so ε and the clips matter
        gs = []
        for k, s in enumerate(SHAPES):
            g = (rng.standard_normal(s) * scale * np.exp(rng.uniform(-4, 2, s))).astype(dtype)
            gs.append(None if (t, k) in missing else g)
        grads.append(gs)
    return init, grads


def flat(a):
    return [float(x) for x in np.asarray(a).reshape(-1)]


def case(name, dtype, hyper, init, grads, params, state):
    return {
        'name': name,
        'dtype': 'float32' if dtype == np.float32 else 'float64',
        'shapes': [list(s) for s in SHAPES],
        'hyper': hyper,
        'init': [flat(p) for p in init],
        'grads': [[None if g is None else flat(g) for g in gs] for gs in grads],
        'params': [[flat(p) for p in ps] for ps in params],
        'state': {k: [flat(x) for x in v] for k, v in state.items()},
    }


# ---------------------------------------------------------------------------------------------
# Keras 3


class Keras:
    def __init__(self, dtype, learning_rate=0.001, rho=0.9, momentum=0.0, epsilon=1e-7, centered=False,
                 weight_decay=None, clipnorm=None, clipvalue=None, global_clipnorm=None, use_ema=False,
                 ema_momentum=0.99, ema_overwrite_frequency=None, gradient_accumulation_steps=None):
        self.T = dtype
        self.lr = learning_rate
        self.rho, self.momentum, self.epsilon, self.centered = rho, momentum, epsilon, centered
        self.weight_decay, self.clipnorm, self.clipvalue, self.global_clipnorm = weight_decay, clipnorm, clipvalue, global_clipnorm
        self.use_ema, self.ema_momentum, self.ema_overwrite_frequency = use_ema, ema_momentum, ema_overwrite_frequency
        self.gas = gradient_accumulation_steps
        self.iterations = 0
        self.built = False

    def c(self, x):  # a Python float meeting a tensor of the variable's dtype
        return self.T(x)

    def learning_rate(self):
        # the learning rate is a float32 variable; update_step casts it to the variable's dtype
        return self.T(np.float32(self.lr))

    def build(self, vars_):
        self.vars = vars_
        self.vel = [np.zeros_like(v) for v in vars_]
        self.mom = [np.zeros_like(v) for v in vars_] if self.momentum > 0 else []
        self.avg = [np.zeros_like(v) for v in vars_] if self.centered else []
        self.acc = [np.zeros_like(v) for v in vars_] if self.gas else []
        self.ema = [np.zeros_like(v) for v in vars_] if self.use_ema else []
        self.built = True

    def sumsq(self, g):
        # ops.sum(ops.square(g)): squares rounded, summed in float64 in order, rounded once (see shared.ts)
        return self.T(sum(float(x) for x in (g * g).reshape(-1)))

    def clip(self, grads):
        T = self.T
        if self.clipnorm and self.clipnorm > 0:
            out = []
            for g in grads:
                l2sum = self.sumsq(g)
                l2norm = T(np.sqrt(l2sum)) if l2sum > 0 else l2sum
                out.append((g * T(self.clipnorm)) / np.maximum(l2norm, T(self.clipnorm)))
            return out
        if self.global_clipnorm and self.global_clipnorm > 0:
            total = T(sum(float(self.sumsq(g)) for g in grads))
            use_norm = T(np.sqrt(total))
            sff = T(self.global_clipnorm) * np.minimum(T(1) / use_norm, T(1.0 / self.global_clipnorm))
            scale = sff + (use_norm - use_norm)
            return [g * scale for g in grads]
        if self.clipvalue and self.clipvalue > 0:
            v = T(self.clipvalue)
            return [np.clip(g, -v, v) for g in grads]
        return grads

    def apply_weight_decay(self, idx):
        if self.weight_decay is None:
            return
        lr = self.learning_rate()
        wd = self.c(self.weight_decay)
        for i in idx:
            v = self.vars[i]
            v[...] = v - v * wd * lr

    def update_step(self, g, i):
        T = self.T
        lr = self.learning_rate()
        v = self.vars[i]
        vel = self.vel[i]
        rho = self.c(self.rho)
        one_minus_rho = self.c(1 - self.rho)
        vel[...] = rho * vel + one_minus_rho * (g * g)
        if self.centered:
            a = self.avg[i]
            a[...] = rho * a + one_minus_rho * g
            denominator = vel - a * a + self.c(self.epsilon)
        else:
            denominator = vel + self.c(self.epsilon)
        increment = (lr * g) / np.sqrt(denominator)
        if self.momentum > 0:
            m = self.mom[i]
            m[...] = self.c(self.momentum) * m + increment
            v[...] = v - m
        else:
            v[...] = v - increment

    def apply(self, grads, vars_):
        if not self.built:
            self.build(vars_)
        idx = [i for i, g in enumerate(grads) if g is not None]
        gs = [grads[i] for i in idx]
        if self.gas:
            if (self.iterations + 1) % self.gas == 0:
                gs = [(g + self.acc[i]) / self.T(self.gas) for g, i in zip(gs, idx)]
                gs = self.clip(gs)
                self.apply_weight_decay(idx)
                for g, i in zip(gs, idx):
                    self.update_step(g, i)
                for a in self.acc:
                    a[...] = 0
            else:
                for g, i in zip(gs, idx):
                    self.acc[i][...] = g + self.acc[i]
        else:
            gs = self.clip(gs)
            self.apply_weight_decay(idx)
            for g, i in zip(gs, idx):
                self.update_step(g, i)
        if self.use_ema:
            for v, avg in zip(self.vars, self.ema):
                m = self.T(float(self.iterations != 0)) * self.c(self.ema_momentum)
                avg[...] = m * avg + (self.T(1) - m) * v
            if self.ema_overwrite_frequency and (self.iterations + 1) % self.ema_overwrite_frequency == 0:
                for v, avg in zip(self.vars, self.ema):
                    v[...] = avg
        self.iterations += 1


KERAS_CASES = [
    ('plain', np.float32, dict(), {}),
    ('momentum_centered', np.float32, dict(learning_rate=0.01, rho=0.95, momentum=0.9, epsilon=1e-6, centered=True), {}),
    ('weight_decay_clipnorm', np.float32, dict(learning_rate=0.02, rho=0.8, weight_decay=0.05, clipnorm=0.5), {}),
    ('global_clipnorm_momentum', np.float32, dict(learning_rate=0.01, momentum=0.5, global_clipnorm=1.0), {}),
    ('clipvalue_ema_overwrite', np.float32, dict(learning_rate=0.05, clipvalue=0.3, use_ema=True, ema_momentum=0.9, ema_overwrite_frequency=3), {}),
    ('accumulation_ema_decay', np.float32, dict(learning_rate=0.01, momentum=0.9, centered=True, weight_decay=0.01, use_ema=True, gradient_accumulation_steps=3), {}),
    ('missing_gradient', np.float32, dict(learning_rate=0.01, momentum=0.9), {'missing': ((1, 0), (4, 1))}),
    ('float64_centered_decay', np.float64, dict(learning_rate=0.01, rho=0.9, momentum=0.9, centered=True, weight_decay=0.1), {}),
]


def gen_keras():
    out = []
    for n, (name, dtype, hyper, extra) in enumerate(KERAS_CASES):
        init, grads = make_data(100 + n, dtype, missing=extra.get('missing', ()))
        vars_ = [p.copy() for p in init]
        opt = Keras(dtype, **hyper)
        params = []
        for gs in grads:
            opt.apply(gs, vars_)
            params.append([v.copy() for v in vars_])
        state = {'velocities': opt.vel, 'momentums': opt.mom, 'averageGradients': opt.avg,
                 'accumulatedGradients': opt.acc, 'modelVariablesMovingAverage': opt.ema}
        out.append(case(name, dtype, hyper, init, grads, params, state))
    return out


# ---------------------------------------------------------------------------------------------
# TF1


def tf1_run(dtype, learning_rate, decay=0.9, momentum=0.0, epsilon=1e-10, centered=False, seed=0):
    init, grads = make_data(seed, dtype)
    T = dtype
    # _prepare: float32 tensors, cast to the variable's dtype
    lr, rho, mu, eps = (T(np.float32(x)) for x in (learning_rate, decay, momentum, epsilon))
    one_minus_rho = T(1) - rho
    vars_ = [p.copy() for p in init]
    ms = [np.ones_like(p) for p in init]
    mom = [np.zeros_like(p) for p in init]
    mg = [np.zeros_like(p) for p in init]
    params = []
    for gs in grads:
        for i, g in enumerate(gs):
            ms[i] += (np.square(g) - ms[i]) * one_minus_rho
            if centered:
                mg[i] += (g - mg[i]) * one_minus_rho
                denom = (ms[i] - np.square(mg[i])) + eps
            else:
                denom = ms[i] + eps
            mom[i] = mom[i] * mu + (g * lr) / np.sqrt(denom)
            vars_[i] -= mom[i]
        params.append([v.copy() for v in vars_])
    state = {'rms': ms, 'momentum': mom}
    if centered:
        state['mg'] = mg
    return init, grads, params, state


TF1_CASES = [
    ('plain', np.float32, dict(learning_rate=0.01)),
    ('momentum', np.float32, dict(learning_rate=0.005, decay=0.95, momentum=0.9, epsilon=1e-6)),
    ('centered_momentum', np.float32, dict(learning_rate=0.01, decay=0.9, momentum=0.5, epsilon=1e-3, centered=True)),
    ('float64_momentum', np.float64, dict(learning_rate=0.01, decay=0.9, momentum=0.9)),
]


def gen_tf1():
    out = []
    for n, (name, dtype, hyper) in enumerate(TF1_CASES):
        init, grads, params, state = tf1_run(dtype, seed=200 + n, **hyper)
        out.append(case(name, dtype, hyper, init, grads, params, state))
    return out


# ---------------------------------------------------------------------------------------------
# timm (real PyTorch)


def timm_class():
    """timm/optim/rmsprop_tf.py `RMSpropTF` (timm 0.9/1.0), transcribed: a torch.optim.Optimizer
    whose `step` makes the same tensor calls, so `state_dict()` has timm's layout too."""
    import torch

    class RMSpropTF(torch.optim.Optimizer):
        def __init__(self, params, lr=1e-2, alpha=0.9, eps=1e-10, weight_decay=0, momentum=0., centered=False,
                     decoupled_decay=False, lr_in_momentum=True):
            defaults = dict(lr=lr, momentum=momentum, alpha=alpha, eps=eps, centered=centered, weight_decay=weight_decay,
                            decoupled_decay=decoupled_decay, lr_in_momentum=lr_in_momentum)
            super().__init__(params, defaults)

        @torch.no_grad()
        def step(self):
            for group in self.param_groups:
                for p in group['params']:
                    if p.grad is None:
                        continue
                    grad = p.grad
                    state = self.state[p]
                    if len(state) == 0:
                        state['step'] = 0
                        state['square_avg'] = torch.ones_like(p)
                        if group['momentum'] > 0:
                            state['momentum_buffer'] = torch.zeros_like(p)
                        if group['centered']:
                            state['grad_avg'] = torch.zeros_like(p)
                    square_avg = state['square_avg']
                    one_minus_alpha = 1. - group['alpha']
                    state['step'] += 1
                    if group['weight_decay'] != 0:
                        if group['decoupled_decay']:
                            p.mul_(1. - group['lr'] * group['weight_decay'])
                        else:
                            grad = grad.add(p, alpha=group['weight_decay'])
                    square_avg.add_(grad.pow(2) - square_avg, alpha=one_minus_alpha)
                    if group['centered']:
                        grad_avg = state['grad_avg']
                        grad_avg.add_(grad - grad_avg, alpha=one_minus_alpha)
                        avg = square_avg.addcmul(grad_avg, grad_avg, value=-1).add(group['eps']).sqrt_()
                    else:
                        avg = square_avg.add(group['eps']).sqrt_()
                    if group['momentum'] > 0:
                        buf = state['momentum_buffer']
                        if group['lr_in_momentum']:
                            buf.mul_(group['momentum']).addcdiv_(grad, avg, value=group['lr'])
                            p.add_(-buf)
                        else:
                            buf.mul_(group['momentum']).addcdiv_(grad, avg)
                            p.add_(buf, alpha=-group['lr'])
                    else:
                        p.addcdiv_(grad, avg, value=-group['lr'])

    return RMSpropTF


CHECKPOINT_AFTER = 3


def timm_run(dtype, name, seed=0, **hyper):
    import torch
    torch.set_num_threads(1)
    init, grads = make_data(seed, dtype)
    tdt = torch.float32 if dtype == np.float32 else torch.float64
    ps = [torch.tensor(p, dtype=tdt) for p in init]
    opt = timm_class()(ps, **hyper)
    params = []
    for t, gs in enumerate(grads):
        if t == CHECKPOINT_AFTER:
            # a run saved by torch.save after 3 steps: tests/compat/timm-rmsprop.test.ts continues it
            torch.save({'params': [p.detach().clone() for p in ps], 'optimizer': opt.state_dict()},
                       os.path.join(OUT, f'timm_{name}.pt'))
        for p, g in zip(ps, gs):
            p.grad = torch.tensor(g, dtype=tdt)
        opt.step()
        params.append([p.detach().numpy().copy() for p in ps])
    st = [opt.state[p] for p in ps]
    out_state = {'square_avg': [s['square_avg'].numpy() for s in st]}
    if hyper.get('momentum', 0) > 0:
        out_state['momentum_buffer'] = [s['momentum_buffer'].numpy() for s in st]
    if hyper.get('centered', False):
        out_state['grad_avg'] = [s['grad_avg'].numpy() for s in st]
    return init, grads, params, out_state


TIMM_CASES = [
    ('plain', np.float32, dict()),
    ('momentum_lr_in_momentum', np.float32, dict(lr=0.016, alpha=0.9, eps=1e-3, momentum=0.9, weight_decay=1e-5)),
    ('momentum_lr_outside', np.float32, dict(lr=0.01, momentum=0.9, lr_in_momentum=False)),
    ('centered_momentum_decay', np.float32, dict(lr=0.01, alpha=0.95, eps=1e-6, momentum=0.5, centered=True, weight_decay=0.01)),
    ('decoupled_decay', np.float32, dict(lr=0.02, momentum=0.9, weight_decay=0.1, decoupled_decay=True)),
]


def gen_timm():
    out = []
    for n, (name, dtype, hyper) in enumerate(TIMM_CASES):
        init, grads, params, state = timm_run(dtype, name, seed=300 + n, **hyper)
        out.append(case(name, dtype, hyper, init, grads, params, state))
    return out


# ---------------------------------------------------------------------------------------------
# Optax


def optax_run(dtype, learning_rate, decay=0.9, eps=1e-8, initial_scale=0., eps_in_sqrt=True, centered=False,
              momentum=None, nesterov=False, bias_correction=False, schedule=None, seed=0):
    T = dtype
    init, grads = make_data(seed, dtype)
    params = [p.copy() for p in init]
    nu = [np.full_like(p, T(initial_scale)) for p in init]
    mu = [np.zeros_like(p) for p in init]
    tr = [np.zeros_like(p) for p in init]
    count = 0          # scale_by_rms / scale_by_stddev (bias correction)
    sched_count = 0    # scale_by_schedule
    out = []
    d = T(decay)
    c = T(1 - decay)
    for gs in grads:
        count += 1
        bc = T(1) - T(float(d) ** count)
        ups = []
        for i, g in enumerate(gs):
            nu[i] = c * (g * g) + d * nu[i]                    # tree_update_moment_per_elem_norm(order 2)
            nu_hat = nu[i] / bc if bias_correction else nu[i]  # tree_bias_correction
            x = nu_hat
            if centered:
                mu[i] = c * g + d * mu[i]                      # tree_update_moment(order 1)
                mu_hat = mu[i] / bc if bias_correction else mu[i]
                x = nu_hat - mu_hat * mu_hat                   # abs_sq
            if eps_in_sqrt:
                scaling = T(1) / np.sqrt(x + T(eps))           # jax.lax.rsqrt
            else:
                scaling = T(1) / (np.sqrt(x) + T(eps))
            ups.append(scaling * g)
        if schedule is not None:
            step = T(-schedule[sched_count])
            sched_count += 1
        else:
            step = T(-learning_rate)
        ups = [step * u for u in ups]
        if momentum is not None:
            m = T(momentum)
            new = []
            for i, u in enumerate(ups):
                tr[i] = u + m * tr[i]
                new.append(u + m * tr[i] if nesterov else tr[i].copy())
            ups = new
        params = [p + u for p, u in zip(params, ups)]          # apply_updates
        out.append([p.copy() for p in params])
    state = {'nu': nu}
    if centered:
        state['mu'] = mu
    if momentum is not None:
        state['trace'] = tr
    return init, grads, out, state


OPTAX_CASES = [
    ('plain', np.float32, dict(learning_rate=0.01)),
    ('momentum', np.float32, dict(learning_rate=0.01, decay=0.95, momentum=0.9)),
    ('centered_nesterov', np.float32, dict(learning_rate=0.005, decay=0.9, eps=1e-6, centered=True, momentum=0.9, nesterov=True)),
    ('bias_correction_eps_outside', np.float32, dict(learning_rate=0.01, decay=0.99, eps=1e-8, eps_in_sqrt=False, initial_scale=0.1, bias_correction=True, momentum=0.5)),
    ('schedule_centered_bias', np.float32, dict(learning_rate=None, decay=0.9, centered=True, bias_correction=True, schedule=[0.02 * 0.8 ** k for k in range(STEPS)])),
    ('float64_momentum', np.float64, dict(learning_rate=0.01, momentum=0.9)),
]


def gen_optax():
    out = []
    for n, (name, dtype, hyper) in enumerate(OPTAX_CASES):
        init, grads, params, state = optax_run(dtype, seed=400 + n, **hyper)
        out.append(case(name, dtype, hyper, init, grads, params, state))
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    for fw, gen in (('keras', gen_keras), ('tf1', gen_tf1), ('timm', gen_timm), ('optax', gen_optax)):
        cases = gen()
        for c in cases:  # a float32 case must hold float32 numbers only (no silent float64 promotion)
            if c['dtype'] == 'float32':
                for ps in c['params']:
                    for p in ps:
                        assert all(float(np.float32(x)) == x for x in p), (fw, c['name'])
        with open(os.path.join(OUT, f'{fw}.json'), 'w') as f:
            json.dump({'generator': 'scripts/gen-compat-fixtures.py', 'cases': cases}, f, separators=(',', ':'))
            f.write('\n')
        print(f'{fw}: {len(cases)} cases')


if __name__ == '__main__':
    main()

#!/usr/bin/python3
"""Writes the fixtures of tests/compat/torch-lr.test.ts: PyTorch 1.13's lr_scheduler classes on
torch.optim.RMSprop, recorded as Python ran them.

Run with Debian's PyTorch 1.13 (`apt-get install python3-torch`), from the repository root:

    /usr/bin/python3 scripts/gen-torch-lr-fixtures.py             # fixtures + the check below
    /usr/bin/python3 scripts/gen-torch-lr-fixtures.py --no-check  # fixtures only

Outputs (tests/fixtures/torch-lr/):
- schedules.json: for each configuration (CONFIGS below; the test builds the same scheduler in
  TypeScript by name), the groups' learning rates after construction and after each step (floats
  written with repr, which JSON.parse reads back to the same double), the groups' momentum where the
  scheduler cycles it, and the scheduler's state_dict() at the end with its key order (floats
  ±inf as the strings "inf" / "-inf", a Counter as a dict with string keys, functions dropped).
- trajectories.json: RMSprop + scheduler runs of float32 parameters: each step's gradients (set as
  they are) and the parameters and learning rates after it.
- checkpoint_cosine.pt / .json: torch.save({'model', 'optimizer', 'scheduler'}) of an RMSprop +
  CosineAnnealingLR run after 10 steps, and the next 10 steps (gradients, parameters, lrs).

Then the other direction (skipped with --no-check): a TypeScript script continues that checkpoint
for 5 steps with compat.torch.RMSprop + lr_scheduler.CosineAnnealingLR and writes it with
paddle.io.saveTorch; PyTorch loads it (torch.load, optimizer.load_state_dict,
scheduler.load_state_dict), runs the other 5 recorded steps and must match them bit for bit.
"""
import json
import math
import os
import subprocess
import sys
import tempfile
from collections import Counter

import torch
from torch.optim import lr_scheduler as S

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'fixtures', 'torch-lr')
STEPS = 100


def optimizer(lrs=(0.1, 0.03), **hyper):
    params = [torch.nn.Parameter(torch.zeros(2)) for _ in lrs]
    return torch.optim.RMSprop([{'params': [p], 'lr': lr} for p, lr in zip(params, lrs)], **hyper)


def plateau_metrics():
    # a loss that falls, stalls, wiggles and falls again; values exact in binary
    out = []
    v = 1.0
    for i in range(STEPS):
        if i < 15 or 40 <= i < 55:
            v = v * 0.875
        elif i % 7 == 3:
            v = v * 1.0078125
        out.append(v)
    return out


def resumed(o, make):
    # resuming with last_epoch >= 0 needs initial_lr in the groups (as after optimizer.load_state_dict)
    for g in o.param_groups:
        g['initial_lr'] = g['lr']
    return make()


# name -> (constructor of the scheduler given a fresh optimizer, how to step: None | 'epoch' | 'frac' | 'metric' | 'metric_max')
CONFIGS = {
    'step': (lambda o: S.StepLR(o, step_size=7, gamma=0.3), None),
    'step_epoch': (lambda o: S.StepLR(o, step_size=7, gamma=0.3), 'epoch'),
    'multistep': (lambda o: S.MultiStepLR(o, milestones=[10, 30, 30, 75], gamma=0.5), None),
    'multistep_epoch': (lambda o: S.MultiStepLR(o, milestones=[10, 30, 30, 75], gamma=0.5), 'epoch'),
    'exponential': (lambda o: S.ExponentialLR(o, gamma=0.95), None),
    'exponential_epoch': (lambda o: S.ExponentialLR(o, gamma=0.95), 'epoch'),
    'cosine': (lambda o: S.CosineAnnealingLR(o, T_max=25, eta_min=1e-4), None),
    'cosine_long': (lambda o: S.CosineAnnealingLR(o, T_max=100), None),
    'cosine_resume': (lambda o: resumed(o, lambda: S.CosineAnnealingLR(o, T_max=25, eta_min=1e-4, last_epoch=9)), None),
    'cosine_epoch': (lambda o: S.CosineAnnealingLR(o, T_max=25, eta_min=1e-4), 'epoch'),
    'onecycle': (lambda o: S.OneCycleLR(o, max_lr=[0.1, 0.05], total_steps=STEPS), None),
    'onecycle_linear3': (lambda o: S.OneCycleLR(o, max_lr=0.2, epochs=10, steps_per_epoch=10, anneal_strategy='linear', three_phase=True, cycle_momentum=False, div_factor=10.0, final_div_factor=100.0), None),
    'lambda': (lambda o: S.LambdaLR(o, lr_lambda=lambda e: 1 / (1 + 0.1 * e)), None),
    'multiplicative': (lambda o: S.MultiplicativeLR(o, lr_lambda=lambda e: 0.97), None),
    'linear': (lambda o: S.LinearLR(o, start_factor=0.25, end_factor=1.0, total_iters=20), None),
    'linear_epoch': (lambda o: S.LinearLR(o, start_factor=0.25, end_factor=1.0, total_iters=20), 'epoch'),
    'constant': (lambda o: S.ConstantLR(o, factor=0.5, total_iters=10), None),
    'polynomial': (lambda o: S.PolynomialLR(o, total_iters=60, power=2.0), None),
    'polynomial_frac': (lambda o: S.PolynomialLR(o, total_iters=60, power=0.9), None),
    'warm_restarts': (lambda o: S.CosineAnnealingWarmRestarts(o, T_0=10, T_mult=2, eta_min=1e-5), None),
    'warm_restarts_frac': (lambda o: S.CosineAnnealingWarmRestarts(o, T_0=3, T_mult=1, eta_min=1e-5), 'frac'),
    'warm_restarts_frac_mult': (lambda o: S.CosineAnnealingWarmRestarts(o, T_0=3, T_mult=2, eta_min=1e-5), 'frac'),
    'cyclic_tri2': (lambda o: S.CyclicLR(o, base_lr=0.01, max_lr=0.1, step_size_up=7, step_size_down=5, mode='triangular2'), None),
    'cyclic_exp': (lambda o: S.CyclicLR(o, base_lr=[0.01, 0.02], max_lr=0.1, step_size_up=6, mode='exp_range', gamma=0.99, cycle_momentum=False), None),
    'sequential': (lambda o: S.SequentialLR(o, [S.LinearLR(o, start_factor=0.1, total_iters=10), S.CosineAnnealingLR(o, T_max=50)], milestones=[10]), None),
    'chained': (lambda o: S.ChainedScheduler([S.ConstantLR(o, factor=0.5, total_iters=5), S.ExponentialLR(o, gamma=0.97)]), None),
    'plateau': (lambda o: S.ReduceLROnPlateau(o, mode='min', factor=0.5, patience=3, threshold=0.01, cooldown=2, min_lr=[0.001, 0.0005]), 'metric'),
    'plateau_max_abs': (lambda o: S.ReduceLROnPlateau(o, mode='max', factor=0.3, patience=2, threshold=0.05, threshold_mode='abs', eps=1e-3), 'metric_max'),
}


def jsonable(v):
    if isinstance(v, float) and math.isinf(v):
        return 'inf' if v > 0 else '-inf'
    if isinstance(v, Counter):
        return {str(k): n for k, n in v.items()}
    if isinstance(v, dict):
        return {str(k): jsonable(x) for k, x in v.items() if not callable(x)}
    if isinstance(v, (list, tuple)):
        return [jsonable(x) for x in v]
    if callable(v) or type(v).__name__ == 'WeakMethod':
        return '<function>'
    return v


def schedules():
    out = {}
    metrics = plateau_metrics()
    for name, (make, how) in CONFIGS.items():
        opt = optimizer()
        sched = make(opt)
        lrs = [[g['lr'] for g in opt.param_groups]]
        momentum = [[g['momentum'] for g in opt.param_groups]]
        for i in range(STEPS):
            opt.step()
            if how is None:
                sched.step()
            elif how == 'epoch':
                sched.step(i + 1)
            elif how == 'frac':
                sched.step(i / 4)  # several steps per epoch: epoch + batch / batches
            elif how == 'metric':
                sched.step(metrics[i])
            elif how == 'metric_max':
                sched.step(-metrics[i])
            lrs.append([g['lr'] for g in opt.param_groups])
            momentum.append([g['momentum'] for g in opt.param_groups])
            if name.startswith('onecycle') and sched.last_epoch >= sched.total_steps:
                break
        sd = sched.state_dict()
        out[name] = {
            'lrs': lrs,
            'last_lr': getattr(sched, '_last_lr', None),
            'momentum': momentum,
            'state_keys': list(sd.keys()),
            'state_dict': jsonable(sd),
        }
    out['_metrics'] = metrics
    with open(os.path.join(OUT, 'schedules.json'), 'w') as f:
        json.dump(out, f)


def model():
    torch.manual_seed(3)
    return [torch.nn.Parameter(torch.randn(13)), torch.nn.Parameter(torch.randn(3, 4))]


def values(t):
    return t.detach().reshape(-1).tolist()


TRAJ = {
    'step_plain': (dict(lr=0.01), lambda o: S.StepLR(o, step_size=5, gamma=0.5)),
    'onecycle_centered': (dict(lr=0.01, alpha=0.9, eps=1e-6, centered=True, weight_decay=0.01), lambda o: S.OneCycleLR(o, max_lr=0.05, total_steps=30)),
}


def trajectories():
    out = {}
    for name, (hyper, make) in TRAJ.items():
        ps = model()
        init = [values(p) for p in ps]
        opt = torch.optim.RMSprop(ps, **hyper)
        sched = make(opt)
        gen = torch.Generator().manual_seed(7)
        steps = []
        for _ in range(30):
            for p in ps:
                p.grad = torch.randn(p.shape, generator=gen)
            grads = [values(p.grad) for p in ps]
            opt.step()
            sched.step()
            steps.append({'grads': grads, 'params': [values(p) for p in ps], 'lr': opt.param_groups[0]['lr'], 'momentum': opt.param_groups[0]['momentum']})
        out[name] = {'init': init, 'shapes': [list(p.shape) for p in ps], 'steps': steps}
    with open(os.path.join(OUT, 'trajectories.json'), 'w') as f:
        json.dump(out, f)


def checkpoint():
    ps = model()
    opt = torch.optim.RMSprop(ps, lr=0.02, momentum=0.9, alpha=0.95)
    sched = S.CosineAnnealingLR(opt, T_max=15, eta_min=1e-4)
    gen = torch.Generator().manual_seed(11)

    def grads():
        for p in ps:
            p.grad = torch.randn(p.shape, generator=gen)

    for _ in range(10):
        grads()
        opt.step()
        sched.step()
    torch.save({'model': {'w0': ps[0].detach(), 'w1': ps[1].detach()}, 'optimizer': opt.state_dict(), 'scheduler': sched.state_dict()}, os.path.join(OUT, 'checkpoint_cosine.pt'))
    steps = []
    for _ in range(10):
        grads()
        g = [values(p.grad) for p in ps]
        opt.step()
        sched.step()
        steps.append({'grads': g, 'params': [values(p) for p in ps], 'lr': sched.get_last_lr()})
    with open(os.path.join(OUT, 'checkpoint_cosine.json'), 'w') as f:
        json.dump({'steps': steps, 'scheduler': jsonable(sched.state_dict())}, f)


TS_SAMPLE = """
import { readFileSync } from 'node:fs';
import { RMSprop, lr_scheduler, type RMSpropStateDict } from '%(root)s/src/compat/torch.ts';
import type { SchedulerStateDict } from '%(root)s/src/compat/torch-lr.ts';
import { loadTorchSync, saveTorchSync } from '%(root)s/src/io/torch.ts';
import { Tensor } from '%(root)s/src/tensor/tensor.ts';
const ck = loadTorchSync<{ model: { w0: Tensor; w1: Tensor }; optimizer: RMSpropStateDict; scheduler: SchedulerStateDict }>('%(out)s/checkpoint_cosine.pt');
const exp = JSON.parse(readFileSync('%(out)s/checkpoint_cosine.json', 'utf8')) as { steps: { grads: number[][] }[] };
const params = [ck.model.w0, ck.model.w1];
const opt = new RMSprop(params, { lr: 0.02, momentum: 0.9, alpha: 0.95 });
const sched = new lr_scheduler.CosineAnnealingLR(opt, 15, { etaMin: 1e-4 });
opt.loadStateDict(ck.optimizer);
sched.loadStateDict(ck.scheduler);
for (const st of exp.steps.slice(0, 5)) {
  params.forEach((p, i) => p.setGrad(Tensor.fromArray(new Float32Array(st.grads[i] as number[]), p.shape, 'float32')));
  opt.step();
  sched.step();
}
saveTorchSync({ model: ck.model, optimizer: opt.stateDict(), scheduler: sched.stateDict() }, process.argv[2] as string);
"""


def check():
    """A checkpoint continued and written by TypeScript continues in PyTorch."""
    exp = json.load(open(os.path.join(OUT, 'checkpoint_cosine.json')))
    with tempfile.TemporaryDirectory() as d:
        script = os.path.join(d, 'sample.ts')
        with open(script, 'w') as f:
            f.write(TS_SAMPLE % {'root': os.path.abspath(ROOT), 'out': os.path.abspath(OUT)})
        out = os.path.join(d, 'continued.pt')
        subprocess.run(['npx', 'tsx', script, out], cwd=ROOT, check=True)
        ck = torch.load(out)
    ps = [torch.nn.Parameter(ck['model']['w0'].clone()), torch.nn.Parameter(ck['model']['w1'].clone())]
    opt = torch.optim.RMSprop(ps, lr=0.02, momentum=0.9, alpha=0.95)
    sched = S.CosineAnnealingLR(opt, T_max=15, eta_min=1e-4)
    opt.load_state_dict(ck['optimizer'])
    sched.load_state_dict(ck['scheduler'])
    assert sched.last_epoch == 15, sched.last_epoch
    for k, st in enumerate(exp['steps'][5:]):
        for p, g in zip(ps, st['grads']):
            p.grad = torch.tensor(g, dtype=torch.float32).reshape(p.shape)
        opt.step()
        sched.step()
        for p, want in zip(ps, st['params']):
            w = torch.tensor(want, dtype=torch.float32).reshape(p.shape)
            assert torch.equal(p.detach(), w), (k, (p.detach() - w).abs().max().item())
        assert sched.get_last_lr() == st['lr'], (k, sched.get_last_lr(), st['lr'])
    print('check: PyTorch continues the RMSprop + CosineAnnealingLR checkpoint written by saveTorch bit for bit (5 steps)')


if __name__ == '__main__':
    os.makedirs(OUT, exist_ok=True)
    print('torch', torch.__version__)
    schedules()
    trajectories()
    checkpoint()
    if '--no-check' not in sys.argv:
        check()

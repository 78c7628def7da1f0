#!/usr/bin/python3
"""Writes the PyTorch checkpoint fixtures of tests/io/torch*.test.ts and tests/compat/.

Run with Debian's PyTorch 1.13 (`apt-get install python3-torch`), from the repository root:

    /usr/bin/python3 scripts/gen-torch-fixtures.py            # fixtures + the check below
    /usr/bin/python3 scripts/gen-torch-fixtures.py --no-check # fixtures only

Outputs (tests/fixtures/torch/):
- model_state.pt / .json: a module's state_dict() with two Linear layers and buffers of every
  dtype the reader supports, including views sharing one storage (a transpose, a strided slice
  with an offset), a 0-d tensor and an empty one; the JSON has each tensor's dtype, shape and
  row-major values. model_state_legacy.pt: the same state dict in the legacy (non-zip) format.
- rmsprop_<config>.pt / .json: a checkpoint {'model', 'optimizer', 'epoch'} after 3 steps of
  torch.optim.RMSprop (one config per file: plain, momentum + centered + weight decay, maximize +
  momentum), and the next 4 steps as Python ran them: each step's gradients (set as they are, so
  that only the optimizer's arithmetic is compared) and the parameters after it.

The check (skipped with --no-check) runs tests/io/torch-sample.ts, which rewrites the fixtures with
saveTorch and continues each RMSprop run with compat.torch.RMSprop, then loads its files here:
model state dicts with torch.load(weights_only=True), optimizer checkpoints with torch.load (1.13's
weights-only unpickler has no BINFLOAT opcode, so it refuses any float, its own files included),
compares every value, and resumes a torch RMSprop from the TypeScript optimizer state.
"""
import json
import os
import subprocess
import sys
import tempfile

import torch
from torch import nn

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'fixtures', 'torch')
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')

CONFIGS = {
    'plain': dict(lr=0.01),
    'centered': dict(lr=0.005, alpha=0.9, eps=1e-6, momentum=0.9, centered=True, weight_decay=0.01),
    'maximize': dict(lr=0.002, alpha=0.95, eps=1e-8, momentum=0.5, maximize=True, weight_decay=0.1),
}


def values(t):
    t = t.detach().contiguous()
    if t.dtype in (torch.float16, torch.bfloat16):
        t = t.float()
    return t.reshape(-1).tolist()


def describe(sd):
    return {k: {'dtype': str(v.dtype).replace('torch.', ''), 'shape': list(v.shape), 'values': values(v)} for k, v in sd.items()}


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(8, 4)
        self.fc2 = nn.Linear(4, 2)
        base = torch.arange(24, dtype=torch.float32).reshape(4, 6) / 8
        self.register_buffer('base', base)
        self.register_buffer('base_t', base.t())  # non-contiguous, shares base's storage
        self.register_buffer('base_slice', base[1:3, 1::2])  # offset 7, strides (6, 2)
        self.register_buffer('f64', torch.randn(3, dtype=torch.float64))
        self.register_buffer('i64', torch.tensor([1, -5, 2**40, -(2**53 - 1)]))
        self.register_buffer('i32', torch.tensor([[7, -8], [2**31 - 1, -2**31]], dtype=torch.int32))
        self.register_buffer('u8', torch.tensor([0, 1, 255], dtype=torch.uint8))
        self.register_buffer('flags', torch.tensor([True, False, True]))
        self.register_buffer('f16', torch.tensor([1.5, -2.25, 65504, 6e-8], dtype=torch.float16))
        self.register_buffer('bf16', torch.tensor([1.5, -3.0], dtype=torch.bfloat16))
        self.register_buffer('scalar', torch.tensor(3.25))
        self.register_buffer('empty', torch.zeros(0, 3))


def model_state():
    torch.manual_seed(0)
    sd = Model().state_dict()
    assert not sd['base_t'].is_contiguous() and sd['base_slice'].storage_offset() == 7
    torch.save(sd, os.path.join(OUT, 'model_state.pt'))
    # The same in the legacy (pre-1.6) format; its storage keys are addresses, so its bytes vary.
    torch.save(sd, os.path.join(OUT, 'model_state_legacy.pt'), _use_new_zipfile_serialization=False)
    with open(os.path.join(OUT, 'model_state.json'), 'w') as f:
        json.dump(describe(sd), f)


def rmsprop(name, hyper):
    torch.manual_seed(1)
    model = nn.Sequential(nn.Linear(8, 4), nn.Tanh(), nn.Linear(4, 3))
    x, y = torch.randn(16, 8), torch.randn(16, 3)
    opt = torch.optim.RMSprop(model.parameters(), **hyper)

    def grads():
        opt.zero_grad()
        nn.functional.mse_loss(model(x), y).backward()

    for _ in range(3):
        grads()
        opt.step()
    torch.save({'model': model.state_dict(), 'optimizer': opt.state_dict(), 'epoch': 3}, os.path.join(OUT, f'rmsprop_{name}.pt'))
    names = [n for n, _ in model.named_parameters()]
    steps = []
    for _ in range(4):
        grads()
        g = {n: values(p.grad) for n, p in model.named_parameters()}
        opt.step()
        steps.append({'grads': g, 'params': {n: values(p) for n, p in model.named_parameters()}})
    with open(os.path.join(OUT, f'rmsprop_{name}.json'), 'w') as f:
        json.dump({'hyper': hyper, 'names': names, 'steps': steps}, f)


def close(a, b):
    return torch.equal(a, b) if a.dtype != torch.float32 else torch.equal(a, b)


def check():
    """Files written by saveTorch (tests/io/torch-sample.ts), read by PyTorch."""
    with tempfile.TemporaryDirectory() as d:
        subprocess.run(['npx', 'tsx', 'tests/io/torch-sample.ts', d], cwd=ROOT, check=True)
        sd = torch.load(os.path.join(d, 'model_state.pt'), weights_only=True)
        ref = torch.load(os.path.join(OUT, 'model_state.pt'), weights_only=True)
        assert list(sd) == list(ref), (list(sd), list(ref))
        for k, v in ref.items():
            widened = v.float() if v.dtype in (torch.float16, torch.bfloat16) else v
            assert sd[k].dtype == widened.dtype and torch.equal(sd[k], widened), k
        m = Model()
        m.load_state_dict({k: (v.half() if k == 'f16' else v.bfloat16() if k == 'bf16' else v) for k, v in sd.items()})
        for name, hyper in CONFIGS.items():
            ck = torch.load(os.path.join(d, f'rmsprop_{name}.pt'))
            exp = json.load(open(os.path.join(OUT, f'rmsprop_{name}.json')))
            torch.manual_seed(1)
            model = nn.Sequential(nn.Linear(8, 4), nn.Tanh(), nn.Linear(4, 3))
            model.load_state_dict(ck['model'])
            opt = torch.optim.RMSprop(model.parameters(), **hyper)
            opt.load_state_dict(ck['optimizer'])
            # The TypeScript run continued 2 of the 4 recorded steps; Python does the other 2.
            for step in exp['steps'][2:]:
                for n, p in model.named_parameters():
                    p.grad = torch.tensor(step['grads'][n], dtype=torch.float32).reshape(p.shape)
                opt.step()
                for n, p in model.named_parameters():
                    want = torch.tensor(step['params'][n], dtype=torch.float32).reshape(p.shape)
                    assert torch.equal(p.detach(), want), (name, n, (p.detach() - want).abs().max().item())
            assert ck['optimizer']['state'][0]['step'] == 5, ck['optimizer']['state'][0]['step']
    print('check: PyTorch reads saveTorch files (weights_only=True for the state dict) and resumes the TypeScript RMSprop runs bit-exactly')


if __name__ == '__main__':
    os.makedirs(OUT, exist_ok=True)
    print('torch', torch.__version__)
    model_state()
    for name, hyper in CONFIGS.items():
        rmsprop(name, hyper)
    if '--no-check' not in sys.argv:
        check()

"""The demo MLP's training step in PyTorch, for `npm run bench -- e2e-torch` (bench/e2e-torch.ts).

Reads the batch and the initial weights that the TypeScript side wrote (raw little-endian float32 /
int32 files, shapes given on the command line), builds the same 784-256-10 ReLU MLP, and times
forward + cross-entropy + backward + RMSprop step + zero_grad + loss read back, on `--threads`
intra-op threads. Prints one JSON line: {"torch": version, "threads": n, "stepMs": median,
"loss": loss after the check steps, "blas": ...}.

PyTorch's RMSprop puts epsilon outside the square root (Paddle: inside); for timing that does not
matter, and the loss after the check steps is printed only as a sanity check.
"""
import argparse
import json
import statistics

import numpy as np
import torch
from torch_timing import time_steps

p = argparse.ArgumentParser()
p.add_argument("--data", required=True)
p.add_argument("--threads", type=int, default=1)
p.add_argument("--budget-ms", type=float, default=3000)
p.add_argument("--check-steps", type=int, default=10)
p.add_argument("--lr", type=float, default=2e-3)
p.add_argument("--rho", type=float, default=0.95)
p.add_argument("--eps", type=float, default=1e-6)
a = p.parse_args()

torch.set_num_threads(a.threads)
B, I, H, O = 64, 784, 256, 10
f = lambda name, shape, dt=np.float32: torch.from_numpy(np.fromfile(f"{a.data}/{name}", dtype=dt).reshape(shape).copy())
x = f("x.bin", (B, I))
y = f("y.bin", (B,), np.int32).long()
# Paddle's layout: W is [in, out]
w1 = f("w1.bin", (I, H)).requires_grad_()
b1 = f("b1.bin", (H,)).requires_grad_()
w2 = f("w2.bin", (H, O)).requires_grad_()
b2 = f("b2.bin", (O,)).requires_grad_()
opt = torch.optim.RMSprop([w1, b1, w2, b2], lr=a.lr, alpha=a.rho, eps=a.eps)


def step():
    logits = torch.relu(x @ w1 + b1) @ w2 + b2
    loss = torch.nn.functional.cross_entropy(logits, y)
    loss.backward()
    opt.step()
    opt.zero_grad(set_to_none=False)
    return loss.item()


loss = 0.0
for _ in range(a.check_steps):
    loss = step()
times = time_steps(step, a.budget_ms)
# the BLAS actually loaded (Debian's torch calls libblas.so.3, an alternative OpenBLAS provides)
blas = "unknown"
with open("/proc/self/maps") as maps:
    libs = {line.split()[-1] for line in maps if ".so" in line}
for lib in sorted(libs):
    if "openblas" in lib or "libblas" in lib or "mkl" in lib:
        blas = lib.rsplit("/", 2)[-2] + "/" + lib.rsplit("/", 1)[-1]
        break
print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "stepMs": statistics.median(times), "loss": loss, "blas": blas}))

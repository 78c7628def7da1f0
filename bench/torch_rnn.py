"""A recurrent training step in PyTorch, for `npm run bench -- rnn-torch` (bench/rnn-torch.ts).

torch.nn.LSTM or GRU (batch_first) over [batch, steps, input], a Linear head on the last step's
output, cross-entropy, backward, RMSprop step, zero_grad, loss read back, on `--threads` intra-op
threads. Inputs and labels are seeded random (timing only: the TypeScript side makes its own).
Prints one JSON line: {"torch": version, "threads": n, "stepMs": median, "fastestMs": min}.
"""
import argparse
import json
import statistics

import torch
from torch_timing import time_steps

p = argparse.ArgumentParser()
p.add_argument("--cell", choices=["lstm", "gru"], default="lstm")
p.add_argument("--batch", type=int, default=32)
p.add_argument("--steps", type=int, default=20)
p.add_argument("--input", type=int, default=64)
p.add_argument("--hidden", type=int, default=128)
p.add_argument("--threads", type=int, default=1)
p.add_argument("--budget-ms", type=float, default=3000)
a = p.parse_args()

torch.set_num_threads(a.threads)
torch.manual_seed(1)
rnn = (torch.nn.LSTM if a.cell == "lstm" else torch.nn.GRU)(a.input, a.hidden, batch_first=True)
head = torch.nn.Linear(a.hidden, 10)
opt = torch.optim.RMSprop(list(rnn.parameters()) + list(head.parameters()), lr=1e-3, alpha=0.95, eps=1e-6)
x = torch.randn(a.batch, a.steps, a.input)
y = torch.randint(0, 10, (a.batch,))


def step():
    out, _ = rnn(x)
    loss = torch.nn.functional.cross_entropy(head(out[:, -1]), y)
    loss.backward()
    opt.step()
    opt.zero_grad(set_to_none=False)
    return loss.item()


for _ in range(3):
    step()
times = time_steps(step, a.budget_ms)
print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "stepMs": statistics.median(times), "fastestMs": min(times)}))

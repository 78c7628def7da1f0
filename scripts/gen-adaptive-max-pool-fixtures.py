#!/usr/bin/env python3
"""Writes tests/fixtures/conv/adaptive-max-pool.json: inputs, outputs, masks and input gradients of
paddle.nn.functional.adaptive_max_pool2d (tests/nn/adaptive-max-pool.test.ts), in the case format
of scripts/gen-conv-fixtures.py (loaded by tests/nn/conv-fixtures.ts checkFixture).

NumPy float64 only. The expected values are Paddle's CPU max_pool2d_with_index kernel in adaptive
mode written directly: windows rows [floor(i*H/OH), ceil((i+1)*H/OH)), columns likewise; the output
is the first maximum of the window in row-major order (a strict > scan), the mask its flat index
r*W + c in the H*W plane; the gradient of L = sum(out * G) goes to that element, accumulated where
windows overlap. Run from the repository root:

    python3 scripts/gen-adaptive-max-pool-fixtures.py
"""
import json
import math
import os

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "conv", "adaptive-max-pool.json")
rng = np.random.default_rng(1302)
cases = []


def enc(a):
    a = np.asarray(a, dtype=np.float64)
    return {"shape": list(a.shape), "data": [float(v) for v in a.reshape(-1)]}


def windows(inp, out):
    return [(math.floor(i * inp / out), math.ceil((i + 1) * inp / out)) for i in range(out)]


def reference(x, G, OH, OW):
    N, C, H, W = x.shape
    out = np.zeros((N, C, OH, OW))
    mask = np.zeros_like(out)
    dx = np.zeros_like(x)
    for n in range(N):
        for c in range(C):
            for i, (r0, r1) in enumerate(windows(H, OH)):
                for j, (c0, c1) in enumerate(windows(W, OW)):
                    win = x[n, c, r0:r1, c0:c1]
                    flat = int(np.argmax(win))  # the first maximum in row-major order
                    rr, cc = r0 + flat // (c1 - c0), c0 + flat % (c1 - c0)
                    out[n, c, i, j] = x[n, c, rr, cc]
                    mask[n, c, i, j] = rr * W + cc
                    dx[n, c, rr, cc] += G[n, c, i, j]
    return out, mask, dx


def case(shape, output_size, ties=False):
    x = rng.uniform(-1.0, 1.0, size=shape)
    if ties:
        # a few values repeated inside windows: the first maximum must win, in output and gradient
        x = np.round(x * 2) / 2
    H, W = shape[2], shape[3]
    osz = [output_size, output_size] if isinstance(output_size, int) else list(output_size)
    OH = H if osz[0] is None else osz[0]
    OW = W if osz[1] is None else osz[1]
    G = rng.uniform(-1.0, 1.0, size=(shape[0], shape[1], OH, OW))
    out, mask, dx = reference(x, G, OH, OW)
    cases.append({"op": "adaptive_max_pool2d", "outputSize": output_size, "params": {}, "inputs": {"x": enc(x), "G": enc(G)},
                  "out": enc(out), "mask": enc(mask), "grads": {"x": enc(dx)}})


case((2, 3, 7, 7), 3)  # overlapping windows (7 -> 3: [0,3) [2,5) [4,7))
case((1, 2, 8, 6), [4, 3])  # exact tiling
case((2, 2, 5, 9), [2, None])  # None keeps W
case((1, 3, 6, 5), [4, 2], ties=True)
case((1, 1, 4, 4), 1)  # global max
case((1, 2, 3, 5), [5, 7])  # output larger than input: windows of one element, repeated

os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w") as f:
    json.dump({"generator": "scripts/gen-adaptive-max-pool-fixtures.py", "cases": cases}, f)
print(f"wrote {OUT} ({len(cases)} cases)")

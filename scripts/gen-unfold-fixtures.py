#!/usr/bin/env python3
"""Writes tests/fixtures/conv/unfold.json: inputs, outputs and input gradients of
paddle.nn.functional.unfold (tests/nn/unfold.test.ts), in the case format of
scripts/gen-conv-fixtures.py (loaded by tests/nn/conv-fixtures.ts checkFixture).

NumPy float64 only. The expected values are Paddle's unfold (im2col) written directly: with the
paddings [top, left, bottom, right] (an integer p is [p, p, p, p], [ph, pw] is [ph, pw, ph, pw]),
OH = (H + top + bottom - (dh*(kh - 1) + 1)) // sh + 1 (OW likewise) and
out[n, (c*kh + i)*kw + j, oh*OW + ow] = x[n, c, oh*sh - top + i*dh, ow*sw - left + j*dw], zero
outside the image; the gradient of L = sum(out * G) adds G back at those positions. Run from the
repository root:

    python3 scripts/gen-unfold-fixtures.py
"""
import json
import os

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "conv", "unfold.json")
rng = np.random.default_rng(1318)
cases = []


def enc(a):
    a = np.asarray(a, dtype=np.float64)
    return {"shape": list(a.shape), "data": [float(v) for v in a.reshape(-1)]}


def two(v):
    return [v, v] if isinstance(v, int) else list(v)


def four(p):
    if isinstance(p, int):
        return [p] * 4
    return list(p) * 2 if len(p) == 2 else list(p)


def case(shape, kernel, **params):
    x = rng.uniform(-1.0, 1.0, size=shape)
    N, C, H, W = shape
    kh, kw = two(kernel)
    sh, sw = two(params.get("strides", 1))
    dh, dw = two(params.get("dilations", 1))
    top, left, bottom, right = four(params.get("paddings", 0))
    OH = (H + top + bottom - (dh * (kh - 1) + 1)) // sh + 1
    OW = (W + left + right - (dw * (kw - 1) + 1)) // sw + 1
    out = np.zeros((N, C * kh * kw, OH * OW))
    G = rng.uniform(-1.0, 1.0, size=out.shape)
    dx = np.zeros_like(x)
    for n in range(N):
        for c in range(C):
            for i in range(kh):
                for j in range(kw):
                    row = (c * kh + i) * kw + j
                    for oh in range(OH):
                        for ow in range(OW):
                            r, s = oh * sh - top + i * dh, ow * sw - left + j * dw
                            if 0 <= r < H and 0 <= s < W:
                                out[n, row, oh * OW + ow] = x[n, c, r, s]
                                dx[n, c, r, s] += G[n, row, oh * OW + ow]
    cases.append({"op": "unfold", "kernel": kernel, "params": params, "inputs": {"x": enc(x), "G": enc(G)}, "out": enc(out), "grads": {"x": enc(dx)}})


case((2, 3, 5, 4), 2)
case((1, 2, 6, 7), [3, 2], strides=[2, 1], paddings=1)
case((2, 2, 5, 5), 3, strides=2, paddings=[1, 0], dilations=[1, 2])
case((1, 3, 4, 6), [2, 3], paddings=[1, 2, 0, 1], dilations=2)  # [top, left, bottom, right]
case((1, 1, 3, 3), 3, paddings=[0, 0, 2, 0], strides=[1, 2])  # padding only below: extra rows of blocks

os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w") as f:
    json.dump({"generator": "scripts/gen-unfold-fixtures.py", "cases": cases}, f)
print(f"wrote {OUT} ({len(cases)} cases)")

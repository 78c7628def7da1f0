#!/usr/bin/env python3
"""Writes tests/fixtures/conv/max-pool3d.json: inputs, outputs, masks and input gradients of
paddle.nn.functional.max_pool3d (tests/nn/max-pool3d.test.ts), in the case format of
scripts/gen-conv-fixtures.py (loaded by tests/nn/conv-fixtures.ts checkFixture).

NumPy float64 only. The expected values are Paddle's CPU Pool3dFunctor (max) written directly, as
scripts/gen-conv-fixtures.py writes the 2-D one: per axis the windows [o*s - pad_before,
min(o*s - pad_before + k, in)) clamped at 0, output size (in - k + before + after) // s + 1 (ceil
with ceil_mode, no PyTorch correction); SAME pads pad_sum = max((ceil(in/s) - 1)*s + k - in, 0),
the smaller half first; the first maximum of the window in (d, h, w) order; the mask its flat index
d*H*W + h*W + w; the gradient of L = sum(out * G) to that element. Run from the repository root:

    python3 scripts/gen-max-pool3d-fixtures.py
"""
import json
import os

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "conv", "max-pool3d.json")
rng = np.random.default_rng(1303)
cases = []


def enc(a):
    a = np.asarray(a, dtype=np.float64)
    return {"shape": list(a.shape), "data": [float(v) for v in a.reshape(-1)]}


def three(v):
    return [v] * 3 if isinstance(v, int) else list(v)


def pads_of(padding, dims, k, s, cl):
    if isinstance(padding, str):
        if padding.upper() == "VALID":
            return [[0, 0]] * 3
        out = []
        for inp, kk, ss in zip(dims, k, s):
            o = (inp + ss - 1) // ss
            total = max((o - 1) * ss + kk - inp, 0)
            out.append([total // 2, total - total // 2])
        return out
    if isinstance(padding, int):
        return [[padding, padding]] * 3
    if isinstance(padding[0], list):
        p = padding[1:-1] if cl else padding[2:]
        return [list(x) for x in p]
    if len(padding) == 6:
        return [[padding[2 * i], padding[2 * i + 1]] for i in range(3)]
    return [[p, p] for p in padding]


def windows(inp, k, s, pb, pa, ceil):
    span = inp - k + pb + pa
    out = (span + s - 1) // s + 1 if ceil else span // s + 1
    return [(max(o * s - pb, 0), min(o * s - pb + k, inp)) for o in range(out)]


def case(shape, kernel, **p):
    x = rng.uniform(-1.0, 1.0, size=shape)
    fmt = p.get("dataFormat", "NCDHW")
    cl = fmt == "NDHWC"
    xn = x.transpose(0, 4, 1, 2, 3) if cl else x
    N, C, D, H, W = xn.shape
    k = three(kernel)
    s = k if p.get("stride") is None else three(p["stride"])
    pads = pads_of(p.get("padding", 0), [D, H, W], k, s, cl)
    ceil = p.get("ceilMode", False)
    wd, wh, ww = (windows(n, kk, ss, a, b, ceil) for n, kk, ss, (a, b) in zip([D, H, W], k, s, pads))
    out = np.zeros((N, C, len(wd), len(wh), len(ww)))
    mask = np.zeros_like(out)
    G = rng.uniform(-1.0, 1.0, size=out.shape)
    dx = np.zeros_like(xn)
    for n in range(N):
        for c in range(C):
            for i, (d0, d1) in enumerate(wd):
                for j, (h0, h1) in enumerate(wh):
                    for q, (w0, w1) in enumerate(ww):
                        win = xn[n, c, d0:d1, h0:h1, w0:w1]
                        flat = int(np.argmax(win))  # the first maximum in (d, h, w) order
                        dd, rest = divmod(flat, (h1 - h0) * (w1 - w0))
                        hh, wwi = divmod(rest, w1 - w0)
                        z, r, col = d0 + dd, h0 + hh, w0 + wwi
                        out[n, c, i, j, q] = xn[n, c, z, r, col]
                        mask[n, c, i, j, q] = (z * H + r) * W + col
                        dx[n, c, z, r, col] += G[n, c, i, j, q]
    if cl:
        out, G, dx = out.transpose(0, 2, 3, 4, 1), G.transpose(0, 2, 3, 4, 1), dx.transpose(0, 2, 3, 4, 1)
    entry = {"op": "max_pool3d", "kernel": kernel, "params": p, "inputs": {"x": enc(x), "G": enc(G)}, "out": enc(out), "grads": {"x": enc(dx)}}
    if not cl:
        entry["mask"] = enc(mask)
    cases.append(entry)


case((2, 2, 4, 4, 4), 2)
case((1, 2, 5, 6, 5), 3, stride=2, padding=1)
case((1, 1, 5, 7, 6), [2, 3, 2], stride=[1, 2, 2], ceilMode=True)
case((2, 3, 4, 5, 2), 2, stride=1, padding=[1, 0, 0, 1, 1, 0], dataFormat="NDHWC")
case((1, 2, 5, 5, 4), 3, stride=2, padding="same")
case((1, 1, 4, 5, 6), [2, 2, 3], padding=[[0, 0], [0, 0], [1, 1], [0, 1], [1, 0]])

os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w") as f:
    json.dump({"generator": "scripts/gen-max-pool3d-fixtures.py", "cases": cases}, f)
print(f"wrote {OUT} ({len(cases)} cases)")

#!/usr/bin/env python3
"""Writes tests/fixtures/ops-indexing/cases.json: NumPy float64 results for indexing (getitem),
einsum, linalg.norm and nn.functional.pad (tests/ops/indexing-fixtures.test.ts). Same case
format as scripts/make-ops-extra-fixtures.py (so tests/ops/fixture-cases.ts `checkCase` runs
them). Only python3 and NumPy; each expected value is NumPy's indexing / einsum / linalg.norm /
pad with Paddle's pad order. Run from the repository root:

    python3 scripts/make-ops-indexing-fixtures.py

getitem params: {"index": "<Python subscript>"} or {"items": [...]} where an item is an int, a
string item, null, or {"input": name} naming an int64/bool input tensor.
"""
import json
import os

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "ops-indexing", "cases.json")
rng = np.random.default_rng(20261201)
cases = []


def enc(a):
    a = np.asarray(a)
    kind = "bool" if a.dtype == np.bool_ else ("int64" if np.issubdtype(a.dtype, np.integer) else "float64")
    return {"dtype": kind, "shape": list(a.shape), "data": [float(v) if kind == "float64" else v for v in a.reshape(-1).tolist()]}


def case(op, inputs, expected, **params):
    cases.append({"op": op, "inputs": {k: enc(v) for k, v in inputs.items()}, "params": params, "expected": [enc(expected)]})


def u(*shape):
    return np.round(rng.uniform(-2.0, 2.0, size=shape), 3)  # short decimals keep the file small


# ---- getitem: the string syntax (evaluated by Python itself on a NumPy array)
x = u(3, 4, 5)
for s in ["1:3, :, 0", "..., -1", ":, None", "::-1, ::2, 1", "-1", "1:-1:2, 3::-2", ":, None, 1:3, None",
          "[0, 2, 2], 1:", "[2, 0], :, [1, 3]", "0, :, [4, 0, 4]", "...", "1, ..., None, 2", "5:, 10:-10", "-2:, ::3, ::-1"]:
    case("getitem", {"x": x}, eval("x[" + (s if s else "()") + "]"), index=s)
case("getitem", {"x": x}, x[()], index="")

# ---- getitem: the array form with index tensors
idx = np.array([[2, 0], [1, 2]])
case("getitem", {"x": x, "i0": idx}, x[idx], items=[{"input": "i0"}])
mask = rng.uniform(size=(3, 4)) > 0.5
case("getitem", {"x": x, "m": mask}, x[mask], items=[{"input": "m"}])
m2 = np.array([True, False, True, True])
case("getitem", {"x": x, "m": m2}, x[:, m2], items=[":", {"input": "m"}])
a0 = np.array([[0], [2]])
a2 = np.array([1, 4, 3])
case("getitem", {"x": x, "a": a0, "b": a2}, x[a0, :, a2], items=[{"input": "a"}, ":", {"input": "b"}])
b2 = np.array([4, 0])
case("getitem", {"x": x, "b": b2}, x[None, 1, ::-2, b2], items=[None, 1, "::-2", {"input": "b"}])
case("getitem", {"x": x, "m": x > 0.5}, x[x > 0.5], items=[{"input": "m"}])

# ---- einsum
A = u(3, 4)
B = u(4, 5)
v = u(4)
w = u(3)
X = u(2, 3, 4)
Y = u(2, 4, 5)
for eq, ins in [
    ("ij->ji", [A]), ("ij->", [A]), ("ij->j", [A]), ("ij", [A]), ("ji", [A]), ("ijk->kij", [X]),
    ("ij,jk->ik", [A, B]), ("ij,jk", [A, B]), ("bij,bjk->bik", [X, Y]), ("i,j->ij", [w, v]),
    ("i,i->", [v, v]), ("ij,j->i", [A, v]), ("ij,kj->ik", [A, u(2, 4)]), ("bij,bjk->bk", [X, Y]),
    ("ij,jk,kl->il", [A, B, u(5, 2)]), ("bn,anm,bm->ba", [u(2, 3), u(4, 3, 5), u(2, 5)]),
    ("...ij,...jk->...ik", [u(2, 1, 3, 4), u(5, 4, 2)]), ("i...->...", [u(3, 2, 2)]), ("...i,i", [u(2, 3), u(3)]),
    ("ii->i", [u(3, 3)]), ("ii", [u(3, 3)]), ("bii->b", [u(2, 3, 3)]), ("iji->j", [u(3, 2, 3)]), ("ij,jj->i", [A, u(4, 4)]),
]:
    case("einsum", {f"x{k}": t for k, t in enumerate(ins)}, np.einsum(eq, *ins), equation=eq)

# ---- linalg.norm (vector orders on one axis or the flattened tensor; 'fro' on all / two axes)
N = u(3, 4)
N3 = u(2, 3, 4)


def vnorm(a, p, axis, keepdim=False):
    if axis is None:
        a = a.reshape(-1)
        axis = 0
    if p == 0:
        r = np.sum(a != 0, axis=axis, keepdims=keepdim).astype(np.float64)
    else:
        r = np.linalg.norm(a, ord=p, axis=axis, keepdims=keepdim)
    return r


for p, axis, keep in [(2, 1, False), (1, 0, False), ("inf", 1, False), ("-inf", 0, True), (3, -1, True), (0.5, 1, False),
                      (2, None, False), (1, None, False), (0, None, False), (-1.5, 1, False)]:
    pv = {"inf": np.inf, "-inf": -np.inf}.get(p, p)
    case("norm", {"x": N}, vnorm(N, pv, axis, keep), p=p, axis=axis, keepdim=keep)
case("norm", {"x": N3}, np.sqrt(np.sum(N3 * N3)), p="fro", axis=None, keepdim=False)
case("norm", {"x": N3}, np.linalg.norm(N3, ord="fro", axis=(0, 2)), p="fro", axis=[0, 2], keepdim=False)
case("norm", {"x": N3}, np.linalg.norm(N3, ord="fro", axis=(1, 2), keepdims=True), p="fro", axis=[-2, -1], keepdim=True)
case("norm", {"x": N3}, np.linalg.norm(N3, axis=1), p="fro", axis=1, keepdim=False)
# Paddle 3's matrix orders over two axes (NumPy's matrix norms).
for p, axis, keep in [("inf", [1, 2], False), ("-inf", [0, 2], True), (1, [0, 1], False), (-1, [2, 1], False)]:
    pv = {"inf": np.inf, "-inf": -np.inf}.get(p, p)
    case("norm", {"x": N3}, np.linalg.norm(N3, ord=pv, axis=tuple(axis), keepdims=keep), p=p, axis=axis, keepdim=keep)


# ---- pad: Paddle's order (full length: dims in order; 2(N-2): spatial dims from the last)
def paddle_pad(a, pad, mode="constant", value=0.0, fmt=None, from_left=True):
    n = a.ndim
    pairs = [(0, 0)] * n
    spatial = mode != "constant" or (len(pad) == 2 * (n - 2) and 3 <= n <= 5)
    if spatial:
        channels_last = fmt is not None and fmt.endswith("C")
        last = n - 2 if channels_last else n - 1
        for k in range(n - 2):
            pairs[last - k] = (pad[2 * k], pad[2 * k + 1])
    elif len(pad) == 2 * n and from_left:
        pairs = [(pad[2 * d], pad[2 * d + 1]) for d in range(n)]
    else:
        for k in range(len(pad) // 2):
            pairs[n - 1 - k] = (pad[2 * k], pad[2 * k + 1])
    np_mode = {"constant": "constant", "reflect": "reflect", "replicate": "edge", "circular": "wrap"}[mode]
    if mode == "constant":
        return np.pad(a, pairs, mode="constant", constant_values=value)
    return np.pad(a, pairs, mode=np_mode)


P = u(2, 3, 4, 5)
for pad, kw in [
    ([1, 0, 0, 2, 1, 1, 0, 3], {}), ([1, 2, 0, 1], {"value": 1.5}), ([1, 1, 2, 0], {"dataFormat": "NHWC"}),
    ([2, 1, 1, 3], {"mode": "reflect"}), ([2, 1, 1, 3], {"mode": "replicate"}), ([2, 1, 1, 3], {"mode": "circular"}),
    ([3, 1, 0, 2], {"mode": "reflect", "dataFormat": "NHWC"}), ([1, 2], {}), ([1, 0, 0, 2, 1, 1, 0, 3], {"padFromLeftAxis": False}),
]:
    mode = kw.get("mode", "constant")
    case("pad", {"x": P}, paddle_pad(P, pad, mode, kw.get("value", 0.0), kw.get("dataFormat"), kw.get("padFromLeftAxis", True)), pad=pad, **kw)
Q = u(2, 3, 4)
case("pad", {"x": Q}, paddle_pad(Q, [2, 1], "reflect"), pad=[2, 1], mode="reflect")
case("pad", {"x": Q}, paddle_pad(Q, [1, 2], "replicate", fmt="NLC"), pad=[1, 2], mode="replicate", dataFormat="NLC")
R = u(1, 2, 3, 3, 4)
case("pad", {"x": R}, paddle_pad(R, [1, 1, 0, 2, 2, 1], "replicate"), pad=[1, 1, 0, 2, 2, 1], mode="replicate")
S = u(3, 4)
case("pad", {"x": S}, paddle_pad(S, [1, 2, 0, 1]), pad=[1, 2, 0, 1])
case("pad", {"x": S}, np.pad(S[:, 1:], ((0, 0), (0, 2))), pad=[-1, 2])

os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w") as f:
    json.dump({"cases": cases}, f, separators=(",", ":"))
print(f"wrote {len(cases)} cases to {os.path.normpath(OUT)}")

#!/usr/bin/env python3
"""Writes tests/fixtures/ops-extra/cases.json: inputs and NumPy float64 results for the ops and
nn.functional additions of issue 12 (tests/ops/extra-*.test.ts, tests/nn/extra.test.ts).

Only python3 and NumPy (Paddle is not installed): each expected value is Paddle's documented
formula written in NumPy, in float64. Run from the repository root:

    python3 scripts/make-ops-extra-fixtures.py

Each case: {"op", "inputs": {name: {"dtype", "shape", "data"}}, "params": {...}, "expected":
[{"dtype", "shape", "data"}, ...]}. Non-finite floats are written as "nan", "inf", "-inf".
"""
import json
import math
import os

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "ops-extra", "cases.json")
rng = np.random.default_rng(20261130)
cases = []


def enc(a):
    a = np.asarray(a)
    kind = "bool" if a.dtype == np.bool_ else ("int64" if np.issubdtype(a.dtype, np.integer) else "float64")
    data = []
    for v in a.reshape(-1).tolist():
        if kind == "float64":
            v = float(v)
            data.append("nan" if math.isnan(v) else ("inf" if v == math.inf else ("-inf" if v == -math.inf else v)))
        else:
            data.append(v)
    return {"dtype": kind, "shape": list(a.shape), "data": data}


def case(op, inputs, expected, **params):
    if not isinstance(expected, (list, tuple)):
        expected = [expected]
    cases.append({"op": op, "inputs": {k: enc(v) for k, v in inputs.items()}, "params": params, "expected": [enc(e) for e in expected]})


def u(*shape, lo=-2.0, hi=2.0):
    return rng.uniform(lo, hi, size=shape)


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


# ------------------------------------------------------------------ elementwise
x = u(3, 4)
case("tanh", {"x": x}, np.tanh(x))
case("sigmoid", {"x": x}, sigmoid(x))
case("relu", {"x": x}, np.maximum(x, 0))
xp = u(3, 4, lo=0.1, hi=3.0)
case("rsqrt", {"x": xp}, 1 / np.sqrt(xp))
case("sin", {"x": x * 3}, np.sin(x * 3))
case("cos", {"x": x * 3}, np.cos(x * 3))
case("floor", {"x": x * 3}, np.floor(x * 3))
halves = np.array([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 0.49, -0.51, 3.7, -3.2])
case("round", {"x": halves}, np.sign(halves) * np.floor(np.abs(halves) + 0.5))
dec = np.array([1.23456, -2.345, 0.0051, 1234.5, -0.125])
case("round", {"x": dec}, np.sign(dec) * np.floor(np.abs(dec) * 100 + 0.5) / 100, decimals=2)
case("round", {"x": dec}, np.sign(dec) * np.floor(np.abs(dec) / 100 + 0.5) * 100, decimals=-2)
special = np.array([1.0, np.nan, np.inf, -np.inf, -0.0, 3.5])
case("isnan", {"x": special}, np.isnan(special))
case("isinf", {"x": special}, np.isinf(special))
case("isfinite", {"x": special}, np.isfinite(special))

# ------------------------------------------------------------------ comparisons and logic
a = rng.integers(-2, 3, size=(3, 4)).astype(np.float64)
b = rng.integers(-2, 3, size=(4,)).astype(np.float64)
for op, f in [("greater_than", np.greater), ("greater_equal", np.greater_equal), ("less_than", np.less),
              ("less_equal", np.less_equal), ("not_equal", np.not_equal)]:
    case(op, {"x": a, "y": b}, f(a, b))
p = a > 0
q = b < 1
for op, f in [("logical_and", np.logical_and), ("logical_or", np.logical_or), ("logical_xor", np.logical_xor)]:
    case(op, {"x": p, "y": q}, f(p, q))
case("logical_not", {"x": p}, np.logical_not(p))
case("any", {"x": p}, np.any(p))
case("any", {"x": p}, np.any(p, axis=1, keepdims=True), axis=1, keepdim=True)
case("all", {"x": p}, np.all(p, axis=0), axis=0)
y1 = x + np.array([0, 1e-9, 1e-4, 0])
case("isclose", {"x": x, "y": y1}, np.isclose(x, y1, rtol=1e-5, atol=1e-8))
nanx = np.array([1.0, np.nan, np.inf, 2.0])
nany = np.array([1.0, np.nan, np.inf, 2.000001])
case("isclose", {"x": nanx, "y": nany}, np.isclose(nanx, nany, rtol=1e-5, atol=1e-8, equal_nan=True), equalNan=True)
case("allclose", {"x": x, "y": y1}, np.array(np.allclose(x, y1)))
case("allclose", {"x": x, "y": y1}, np.array(np.allclose(x, y1, rtol=1e-3)), rtol=1e-3)

# ------------------------------------------------------------------ shape ops
x3 = u(2, 3, 4)
case("slice", {"x": x3}, x3[:, 1:3, -3:10], axes=[1, 2], starts=[1, -3], ends=[3, 10])
case("split", {"x": x3}, np.split(x3, 2, axis=2), num=2, axis=2)
case("split", {"x": x3}, np.split(x3, [1], axis=1), num=[1, -1], axis=1)
case("chunk", {"x": x3}, np.array_split(x3, 3, axis=1), chunks=3, axis=1)
col = u(3, 1)
case("expand", {"x": col}, np.broadcast_to(col, (2, 3, 4)), shape=[2, -1, 4])
case("broadcast_to", {"x": b}, np.broadcast_to(b, (3, 4)), shape=[3, 4])
case("tile", {"x": col}, np.tile(col, (2, 3)), repeat=[2, 3])
case("tile", {"x": b}, np.tile(b, (2, 1, 2)), repeat=[2, 1, 2])
case("flip", {"x": x3}, np.flip(x3, axis=(0, 2)), axis=[0, 2])
case("t", {"x": x}, x.T)
case("T", {"x": x3}, np.transpose(x3))

# ------------------------------------------------------------------ reductions
case("prod", {"x": x3}, np.prod(x3, axis=1), axis=1)
case("prod", {"x": x}, np.prod(x))
case("var", {"x": x3}, np.var(x3, axis=(0, 2), ddof=1), axis=[0, 2])
case("var", {"x": x}, np.var(x, axis=1, keepdims=True, ddof=0), axis=1, keepdim=True, unbiased=False)
case("std", {"x": x}, np.std(x, ddof=1))
case("std", {"x": x3}, np.std(x3, axis=-1, ddof=1), axis=-1)
big = x * 300
mx = np.max(big, axis=1, keepdims=True)
case("logsumexp", {"x": big}, (mx + np.log(np.sum(np.exp(big - mx), axis=1, keepdims=True)))[:, 0], axis=1)
case("logsumexp", {"x": x3}, np.log(np.sum(np.exp(x3))))
case("cumsum", {"x": x3}, np.cumsum(x3, axis=1), axis=1)
case("cumsum", {"x": x}, np.cumsum(x))

# ------------------------------------------------------------------ sort, search, scatter
xs = np.array([[3.0, 1.0, 2.0, 1.0], [0.5, np.nan, -1.0, 4.0], [2.0, 2.0, 2.0, -2.0]])
case("sort", {"x": xs}, np.sort(xs, axis=1, kind="stable"))
case("argsort", {"x": xs}, np.argsort(xs, axis=1, kind="stable"))
desc_idx = np.argsort(-np.nan_to_num(xs, nan=np.inf), axis=1, kind="stable")
case("sort", {"x": xs}, np.take_along_axis(xs, desc_idx, axis=1), descending=True)
case("argsort", {"x": xs}, desc_idx, descending=True)
case("argsort", {"x": x}, np.argsort(x, axis=0, kind="stable"), axis=0)
ti = np.argsort(-x, axis=1, kind="stable")[:, :2]
case("topk", {"x": x}, [np.take_along_axis(x, ti, axis=1), ti], k=2)
ti0 = np.argsort(x, axis=0, kind="stable")[:2, :]
case("topk", {"x": x}, [np.take_along_axis(x, ti0, axis=0), ti0], k=2, axis=0, largest=False)
mask = x > 0
case("masked_select", {"x": x, "mask": mask}, x[mask])
rowmask = np.array([True, False, True, True])
case("masked_select", {"x": x, "mask": rowmask}, x[np.broadcast_to(rowmask, x.shape)])
idx = np.array([[1, 2], [0, 0], [1, 0]])
case("gather_nd", {"x": x3, "index": idx}, x3[idx[:, 0], idx[:, 1]])
idx3 = np.array([[[1, 2, 3]], [[0, 0, 0]]])
case("gather_nd", {"x": x3, "index": idx3}, x3[idx3[..., 0], idx3[..., 1], idx3[..., 2]])
sidx = np.array([2, 0])
upd = u(2, 4)
out = x.copy()
out[sidx] = upd
case("scatter", {"x": x, "index": sidx, "updates": upd}, out)
didx = np.array([1, 1, 2])
upd3 = u(3, 4)
out = x.copy()
out[np.unique(didx)] = 0
for i, r in enumerate(didx):
    out[r] += upd3[i]
case("scatter", {"x": x, "index": didx, "updates": upd3}, out, overwrite=False)

# ------------------------------------------------------------------ products
bx = u(2, 3, 4)
by = u(2, 4, 5)
case("bmm", {"x": bx, "y": by}, np.matmul(bx, by))
v1 = u(5)
v2 = u(5)
case("dot", {"x": v1, "y": v2}, np.array(np.dot(v1, v2)))
case("dot", {"x": x, "y": x * 2}, np.sum(x * x * 2, axis=-1))
case("outer", {"x": v1, "y": b}, np.outer(v1, b))

# ------------------------------------------------------------------ nn.functional activations
case("leaky_relu", {"x": x}, np.where(x > 0, x, 0.01 * x))
case("leaky_relu", {"x": x}, np.where(x > 0, x, 0.2 * x), negativeSlope=0.2)
case("silu", {"x": x}, x * sigmoid(x))
case("elu", {"x": x}, np.where(x > 0, x, np.expm1(x)))
case("elu", {"x": x}, np.where(x > 0, x, 0.5 * np.expm1(x)), alpha=0.5)
case("softplus", {"x": x * 10}, np.where(x * 10 > 20, x * 10, np.log1p(np.exp(x * 10))))
case("softplus", {"x": x * 10}, np.where(2 * x * 10 > 5, x * 10, np.log1p(np.exp(2 * x * 10)) / 2), beta=2, threshold=5)
case("normalize", {"x": x}, x / np.maximum(np.sqrt(np.sum(x * x, axis=1, keepdims=True)), 1e-12))
case("normalize", {"x": x3}, x3 / np.maximum(np.sum(np.abs(x3), axis=-1, keepdims=True), 1e-12), p=1, axis=-1)
case("normalize", {"x": x3}, x3 / np.maximum(np.sum(np.abs(x3) ** 3, axis=0, keepdims=True) ** (1 / 3), 1e-12), p=3, axis=0)

# ------------------------------------------------------------------ nn.functional losses
prob = u(3, 4, lo=0.02, hi=0.98)
lab = (u(3, 4) > 0).astype(np.float64)
w = u(4, lo=0.5, hi=1.5)
bce = -(lab * np.log(prob) + (1 - lab) * np.log(1 - prob))
case("binary_cross_entropy", {"input": prob, "label": lab}, np.mean(bce))
case("binary_cross_entropy", {"input": prob, "label": lab, "weight": w}, bce * w, reduction="none")
case("binary_cross_entropy", {"input": prob, "label": lab}, np.sum(bce), reduction="sum")
edge = np.array([0.0, 1.0, 0.5])
elab = np.array([1.0, 0.0, 1.0])
case("binary_cross_entropy", {"input": edge, "label": elab}, np.array([100.0, 100.0, -math.log(0.5)]), reduction="none")
logit = u(3, 4) * 3
soft = u(3, 4, lo=0, hi=1)
pw = u(4, lo=0.5, hi=2)
bcel = np.maximum(logit, 0) - logit * soft + np.log1p(np.exp(-np.abs(logit)))
case("binary_cross_entropy_with_logits", {"logit": logit, "label": soft}, np.mean(bcel))
lw = (pw - 1) * soft + 1
bcelp = (1 - soft) * logit + lw * (np.log1p(np.exp(-np.abs(logit))) + np.maximum(-logit, 0))
case("binary_cross_entropy_with_logits", {"logit": logit, "label": soft, "weight": w, "posWeight": pw}, np.sum(bcelp * w), reduction="sum")
logp = np.log(np.exp(u(4, 3)) / np.sum(np.exp(u(4, 3)), axis=1, keepdims=True))
nl = np.array([0, 2, 1, 2])
wc = u(3, lo=0.5, hi=1.5)
case("nll_loss", {"input": logp, "label": nl}, np.mean(-logp[np.arange(4), nl]))
per = -logp[np.arange(4), nl] * wc[nl]
case("nll_loss", {"input": logp, "label": nl, "weight": wc}, np.sum(per) / np.sum(wc[nl]))
nli = np.array([0, -100, 1, 2])
keep = nli != -100
per = np.where(keep, -logp[np.arange(4), np.where(keep, nli, 0)], 0)
case("nll_loss", {"input": logp, "label": nli}, per, reduction="none")
case("nll_loss", {"input": logp, "label": nli}, np.sum(per) / np.sum(keep))
lp4 = u(2, 3, 2, 2)
l4 = rng.integers(0, 3, size=(2, 2, 2))
g4 = np.take_along_axis(lp4, l4[:, None], axis=1)[:, 0]
case("nll_loss", {"input": lp4, "label": l4}, -np.sum(g4), reduction="sum")
d = u(3, 4) * 2
lbl = u(3, 4) * 2
ad = np.abs(d - lbl)
case("smooth_l1_loss", {"input": d, "label": lbl}, np.mean(np.where(ad < 1, 0.5 * ad * ad, ad - 0.5)))
case("smooth_l1_loss", {"input": d, "label": lbl}, np.where(ad < 0.5, 0.5 * ad * ad, 0.5 * ad - 0.125), reduction="none", delta=0.5)
kin = np.log(u(3, 4, lo=0.05, hi=1))
ktg = u(3, 4, lo=-0.2, hi=1)
kl = np.where(ktg > 0, ktg * (np.log(np.where(ktg > 0, ktg, 1)) - kin), 0)
case("kl_div", {"input": kin, "label": ktg}, np.mean(kl))
case("kl_div", {"input": kin, "label": ktg}, np.sum(kl) / 3, reduction="batchmean")
case("kl_div", {"input": kin, "label": ktg}, kl, reduction="none")
ltg = np.log(u(3, 4, lo=0.05, hi=1))
case("kl_div", {"input": kin, "label": ltg}, np.sum(np.exp(ltg) * (ltg - kin)), reduction="sum", logTarget=True)
ids = np.array([[0, 3], [2, 1]])
case("one_hot", {"x": ids}, np.eye(4)[ids], numClasses=4)

os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w") as f:
    json.dump({"generator": "scripts/make-ops-extra-fixtures.py", "numpy": np.__version__, "cases": cases}, f, separators=(",", ":"))
    f.write("\n")
print(f"{len(cases)} cases -> {os.path.relpath(OUT)}")

#!/usr/bin/env python3
"""Writes tests/fixtures/conv/cases.json: inputs, outputs and gradients of the convolutions and
poolings of issue 13 (tests/nn/conv-fixtures.test.ts, tests/nn/pool-fixtures.test.ts).

NumPy float64 only (Paddle and PyTorch are not installed here). Every expected value is Paddle's
definition written directly, independently of the TypeScript im2col path:

- conv: out[n, o, y, x] = b[o] + sum_{c, i, j} w[o, c, i, j] * xpad[n, g*C/g + c, y*s + i*d, x*s + j*d]
  with Paddle's padding forms and its SAME algorithm (pad_sum = max((ceil(in/s) - 1)*s + k - in, 0),
  the smaller half first, dilation reset to 1);
- conv transpose: every x[n, ci, y, x] * w[ci, co, i, j] lands on output position
  (y*s + i*d - pad_top, x*s + j*d - pad_left); the output size is
  (in - 1)*s - pads + d*(k - 1) + 1 + output_padding, or output_size;
- pooling: Paddle's CPU Pool2dFunctor windows [o*s - pad, min(o*s - pad + k, in)) clamped at 0,
  exclusive / non-exclusive averages (divide by k*k), ceil_mode without PyTorch's correction, the max
  gradient to the first maximal element of the window; adaptive windows [floor(i*in/out), ceil((i+1)*in/out)).

Gradients are of L = sum(out * G) for a given random G, by the adjoint loops written out (not by
differencing). Also writes tests/fixtures/conv/cnn.pdparams: the demo CNN's state dict as Paddle
saves it (pickle protocol 4, float32 NumPy arrays keyed conv1.weight ... fc.bias, and the
StructuredToParameterName@@ table conv2d_0.w_0 ...), with two images and their logits in
cases.json ("cnn_checkpoint"). Run from the repository root:

    python3 scripts/gen-conv-fixtures.py
"""
import json
import math
import os
import pickle

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "conv", "cases.json")
rng = np.random.default_rng(13)
cases = []


def enc(a):
    a = np.asarray(a, dtype=np.float64)
    return {"shape": list(a.shape), "data": [float(v) for v in a.reshape(-1)]}


def rand(*shape):
    return rng.uniform(-1.0, 1.0, size=shape)


def pairs(padding, nd, channel_last):
    """Paddle's _update_padding_nd for explicit paddings: [before, after] per spatial dim."""
    if isinstance(padding, int):
        return [[padding, padding] for _ in range(nd)]
    if len(padding) == nd + 2 and isinstance(padding[0], list):
        p = padding[1:-1] if channel_last else padding[2:]
        return [list(x) for x in p]
    if len(padding) == 2 * nd:
        return [[padding[2 * i], padding[2 * i + 1]] for i in range(nd)]
    return [[p, p] for p in padding]


def same(inp, k, s):
    out = (inp + s - 1) // s
    total = max((out - 1) * s + k - inp, 0)
    return [total // 2, total - total // 2]


def resolve(padding, dims, kernel, stride, channel_last):
    if isinstance(padding, str):
        if padding.upper() == "SAME":
            return [same(dims[i], kernel[i], stride[i]) for i in range(len(dims))], True
        return [[0, 0] for _ in dims], False
    return pairs(padding, len(dims), channel_last), False


def lst(v, n):
    return [v] * n if isinstance(v, int) else list(v)


# ---------------------------------------------------------------------------------------------
# conv2d (NCHW internally; NHWC by transposing)

def conv2d_ref(x, w, b, G, stride, padding, dilation, groups, fmt):
    cl = fmt == "NHWC"
    if cl:
        x = x.transpose(0, 3, 1, 2)
    N, C, H, W = x.shape
    O, Cg, KH, KW = w.shape
    s, d = lst(stride, 2), lst(dilation, 2)
    pads, is_same = resolve(padding, [H, W], [KH, KW], s, cl)
    if is_same:
        d = [1, 1]
    (pt, pb), (pl, pr) = pads
    OH = (H + pt + pb - (d[0] * (KH - 1) + 1)) // s[0] + 1
    OW = (W + pl + pr - (d[1] * (KW - 1) + 1)) // s[1] + 1
    xp = np.zeros((N, C, H + pt + pb, W + pl + pr))
    xp[:, :, pt:pt + H, pl:pl + W] = x
    out = np.zeros((N, O, OH, OW))
    Og = O // groups
    Gn = G.transpose(0, 3, 1, 2) if cl else G
    dxp = np.zeros_like(xp)
    dw = np.zeros_like(w)
    for o in range(O):
        g = o // Og
        for c in range(Cg):
            ci = g * Cg + c
            for i in range(KH):
                for j in range(KW):
                    r0, c0 = i * d[0], j * d[1]
                    patch = xp[:, ci, r0:r0 + s[0] * (OH - 1) + 1:s[0], c0:c0 + s[1] * (OW - 1) + 1:s[1]]
                    out[:, o] += w[o, c, i, j] * patch
                    dw[o, c, i, j] = np.sum(Gn[:, o] * patch)
                    dxp[:, ci, r0:r0 + s[0] * (OH - 1) + 1:s[0], c0:c0 + s[1] * (OW - 1) + 1:s[1]] += w[o, c, i, j] * Gn[:, o]
    db = None
    if b is not None:
        out += b[None, :, None, None]
        db = Gn.sum(axis=(0, 2, 3))
    dx = dxp[:, :, pt:pt + H, pl:pl + W]
    if cl:
        out = out.transpose(0, 2, 3, 1)
        dx = dx.transpose(0, 2, 3, 1)
    return out, dx, dw, db


def record(op, p, x, w, b, G, out, dx, dw, db):
    """Appends a convolution case: inputs x, weight, G (and bias), the output and the gradients."""
    inputs = {"x": enc(x), "weight": enc(w), "G": enc(G)}
    grads = {"x": enc(dx), "weight": enc(dw)}
    if b is not None:
        inputs["bias"] = enc(b)
        grads["bias"] = enc(db)
    cases.append({"op": op, "params": p, "inputs": inputs, "out": enc(out), "grads": grads})


def height_one(x, w, p):
    """A 1-D case as a 2-D one over a height of 1: x4, w4, the 2-D padding, and the squeeze back."""
    cl = p.get("dataFormat", "NCL") == "NLC"
    pad = p.get("padding", 0)
    if not isinstance(pad, str):
        pr = pairs(pad, 1, cl)[0]
        pad = [0, 0, pr[0], pr[1]]
    sq = (lambda a: a[:, 0]) if cl else (lambda a: a[:, :, 0])
    return (x[:, None, :, :] if cl else x[:, :, None, :]), w[:, :, None, :], pad, sq, cl


def conv_out_shape(x, w, args):
    """The output shape of conv2d_ref for these arguments."""
    stride, padding, dilation, _, fmt = args
    cl = fmt == "NHWC"
    N = x.shape[0]
    H, W = (x.shape[1], x.shape[2]) if cl else (x.shape[2], x.shape[3])
    O, _, KH, KW = w.shape
    s, d = lst(stride, 2), lst(dilation, 2)
    pads, is_same = resolve(padding, [H, W], [KH, KW], s, cl)
    if is_same:
        d = [1, 1]
    (pt, pb), (pl, pr) = pads
    OH = (H + pt + pb - (d[0] * (KH - 1) + 1)) // s[0] + 1
    OW = (W + pl + pr - (d[1] * (KW - 1) + 1)) // s[1] + 1
    return (N, OH, OW, O) if cl else (N, O, OH, OW)


def conv2d_case(xs, ws, bias=True, **p):
    x, w = rand(*xs), rand(*ws)
    b = rand(ws[0]) if bias else None
    args = (p.get("stride", 1), p.get("padding", 0), p.get("dilation", 1), p.get("groups", 1), p.get("dataFormat", "NCHW"))
    G = rand(*conv_out_shape(x, w, args))
    record("conv2d", p, x, w, b, G, *conv2d_ref(x, w, b, G, *args))


def conv1d_case(xs, ws, bias=True, **p):
    """conv1d as conv2d over a height of 1 (the reference computes it in 2-D as well, by definition)."""
    x, w = rand(*xs), rand(*ws)
    b = rand(ws[0]) if bias else None
    x4, w4, pad, sq, cl = height_one(x, w, p)
    args = ([1, lst(p.get("stride", 1), 1)[0]], pad, [1, lst(p.get("dilation", 1), 1)[0]], p.get("groups", 1), "NHWC" if cl else "NCHW")
    G4 = rand(*conv_out_shape(x4, w4, args))
    out4, dx4, dw4, db = conv2d_ref(x4, w4, b, G4, *args)
    record("conv1d", p, x, w, b, sq(G4), sq(out4), sq(dx4), dw4[:, :, 0], db)


# ---------------------------------------------------------------------------------------------
# conv2d_transpose

def convT_geometry(x, w, stride, padding, output_padding, dilation, groups, output_size, fmt):
    cl = fmt == "NHWC"
    N = x.shape[0]
    H, W = (x.shape[1], x.shape[2]) if cl else (x.shape[2], x.shape[3])
    KH, KW = w.shape[2], w.shape[3]
    s, d = lst(stride, 2), lst(dilation, 2)
    pads, is_same = resolve(padding, [H, W], [KH, KW], s, cl)
    if is_same:
        d = [1, 1]
    op = lst(output_padding, 2)
    infer = [(H - 1) * s[0] - pads[0][0] - pads[0][1] + d[0] * (KH - 1) + 1, (W - 1) * s[1] - pads[1][0] - pads[1][1] + d[1] * (KW - 1) + 1]
    size = list(output_size) if output_size is not None else [infer[0] + op[0], infer[1] + op[1]]
    return s, d, pads, size


def convT_ref(x, w, b, G, stride, padding, output_padding, dilation, groups, output_size, fmt):
    cl = fmt == "NHWC"
    s, d, pads, (OH, OW) = convT_geometry(x, w, stride, padding, output_padding, dilation, groups, output_size, fmt)
    if cl:
        x = x.transpose(0, 3, 1, 2)
    N, Cin, H, W = x.shape
    _, Cog, KH, KW = w.shape
    Cout = Cog * groups
    Cig = Cin // groups
    pt, pl = pads[0][0], pads[1][0]
    CH = max((H - 1) * s[0] + d[0] * (KH - 1) + 1, OH + pt)
    CW = max((W - 1) * s[1] + d[1] * (KW - 1) + 1, OW + pl)
    canvas = np.zeros((N, Cout, CH, CW))
    Gc = np.zeros_like(canvas)
    Gn = G.transpose(0, 3, 1, 2) if cl else G
    Gc[:, :, pt:pt + OH, pl:pl + OW] = Gn
    dx = np.zeros_like(x)
    dw = np.zeros_like(w)
    for ci in range(Cin):
        g = ci // Cig
        for co in range(Cog):
            oc = g * Cog + co
            for i in range(KH):
                for j in range(KW):
                    r0, c0 = i * d[0], j * d[1]
                    sl = (slice(None), oc, slice(r0, r0 + s[0] * (H - 1) + 1, s[0]), slice(c0, c0 + s[1] * (W - 1) + 1, s[1]))
                    canvas[sl] += w[ci, co, i, j] * x[:, ci]
                    dx[:, ci] += w[ci, co, i, j] * Gc[sl]
                    dw[ci, co, i, j] = np.sum(x[:, ci] * Gc[sl])
    out = canvas[:, :, pt:pt + OH, pl:pl + OW].copy()
    db = None
    if b is not None:
        out += b[None, :, None, None]
        db = Gn.sum(axis=(0, 2, 3))
    if cl:
        out = out.transpose(0, 2, 3, 1)
        dx = dx.transpose(0, 2, 3, 1)
    return out, dx, dw, db


def convT_case(xs, ws, bias=True, **p):
    x, w = rand(*xs), rand(*ws)
    groups = p.get("groups", 1)
    b = rand(ws[1] * groups) if bias else None
    fmt = p.get("dataFormat", "NCHW")
    args = (p.get("stride", 1), p.get("padding", 0), p.get("outputPadding", 0), p.get("dilation", 1), groups, p.get("outputSize"), fmt)
    _, _, _, (OH, OW) = convT_geometry(x, w, *args)
    N, Cout = xs[0], ws[1] * groups
    G = rand(*((N, OH, OW, Cout) if fmt == "NHWC" else (N, Cout, OH, OW)))
    record("conv2d_transpose", p, x, w, b, G, *convT_ref(x, w, b, G, *args))


def convT1d_case(xs, ws, **p):
    """conv1d_transpose by the 2-D reference over a height of 1."""
    x, w = rand(*xs), rand(*ws)
    groups = p.get("groups", 1)
    b = rand(ws[1] * groups)
    x4, w4, pad, sq, cl = height_one(x, w, p)
    osz = p.get("outputSize")
    args = ([1, lst(p.get("stride", 1), 1)[0]], pad, [0, lst(p.get("outputPadding", 0), 1)[0]], [1, lst(p.get("dilation", 1), 1)[0]], groups,
            None if osz is None else [1, lst(osz, 1)[0]], "NHWC" if cl else "NCHW")
    _, _, _, (OH, OW) = convT_geometry(x4, w4, *args)
    Cout = ws[1] * groups
    G4 = rand(*((xs[0], OH, OW, Cout) if cl else (xs[0], Cout, OH, OW)))
    out4, dx4, dw4, db = convT_ref(x4, w4, b, G4, *args)
    record("conv1d_transpose", p, x, w, b, sq(G4), sq(out4), sq(dx4), dw4[:, :, 0], db)


# ---------------------------------------------------------------------------------------------
# pooling (NCHW internally)

def pool_windows(inp, k, s, pb, pa, ceil):
    span = inp - k + pb + pa
    out = (span + s - 1) // s + 1 if ceil else span // s + 1
    return [(max(o * s - pb, 0), min(o * s - pb + k, inp)) for o in range(out)]


def pool_ref(kind, x, G, kernel, stride, padding, ceil, exclusive, divisor, fmt):
    cl = fmt == "NHWC"
    if cl:
        x = x.transpose(0, 3, 1, 2)
    N, C, H, W = x.shape
    k = lst(kernel, 2)
    s = k if stride is None else lst(stride, 2)
    pads, _ = resolve(padding, [H, W], k, s, cl)
    rows = pool_windows(H, k[0], s[0], pads[0][0], pads[0][1], ceil)
    cols = pool_windows(W, k[1], s[1], pads[1][0], pads[1][1], ceil)
    return windows_ref(kind, x, G, rows, cols, k, exclusive, divisor, cl)


def windows_ref(kind, x, G, rows, cols, k, exclusive, divisor, cl):
    N, C, H, W = x.shape
    out = np.zeros((N, C, len(rows), len(cols)))
    mask = np.zeros_like(out)
    Gn = None if G is None else (G.transpose(0, 3, 1, 2) if cl else G)
    dx = np.zeros_like(x)
    for n in range(N):
        for c in range(C):
            for i, (r0, r1) in enumerate(rows):
                for j, (c0, c1) in enumerate(cols):
                    win = x[n, c, r0:r1, c0:c1]
                    if kind == "max":
                        flat = int(np.argmax(win))  # the first maximum in row-major order
                        rr, cc = r0 + flat // (c1 - c0), c0 + flat % (c1 - c0)
                        out[n, c, i, j] = x[n, c, rr, cc]
                        mask[n, c, i, j] = rr * W + cc
                        if Gn is not None:
                            dx[n, c, rr, cc] += Gn[n, c, i, j]
                    else:
                        size = (r1 - r0) * (c1 - c0) if (exclusive or k is None) else k[0] * k[1]
                        post = 1.0 if divisor is None else (k[0] * k[1]) / divisor
                        out[n, c, i, j] = win.sum() / size * post
                        if Gn is not None:
                            dx[n, c, r0:r1, c0:c1] += Gn[n, c, i, j] / size * post
    if cl:
        out, mask, dx = out.transpose(0, 2, 3, 1), mask.transpose(0, 2, 3, 1), dx.transpose(0, 2, 3, 1)
    return out, dx, mask


def pool_case(op, xs, kernel, **p):
    x = rand(*xs)
    kind = "max" if op.startswith("max") else "avg"
    one_d = op.endswith("1d")
    fmt = p.get("dataFormat", "NCL" if one_d else "NCHW")
    cl = fmt in ("NHWC", "NLC")
    if one_d:
        x4 = x[:, None, :, :] if cl else x[:, :, None, :]
        pad = p.get("padding", 0)
        if not isinstance(pad, str):
            pr = pairs(pad, 1, cl)[0]
            pad = [0, 0, pr[0], pr[1]]
        st = p.get("stride")
        args = ([1, lst(kernel, 1)[0]], None if st is None else [1, lst(st, 1)[0]], pad, p.get("ceilMode", False), p.get("exclusive", True), None, "NHWC" if cl else "NCHW")
    else:
        x4 = x
        args = (kernel, p.get("stride"), p.get("padding", 0), p.get("ceilMode", False), p.get("exclusive", True), p.get("divisorOverride"), fmt)
    out4, _, _ = pool_ref(kind, x4, None, *args)
    G4 = rand(*out4.shape)
    out4, dx4, mask4 = pool_ref(kind, x4, G4, *args)
    sq = ((lambda a: a[:, 0]) if cl else (lambda a: a[:, :, 0])) if one_d else (lambda a: a)
    case = {"op": op, "kernel": kernel, "params": p, "inputs": {"x": enc(x), "G": enc(sq(G4))}, "out": enc(sq(out4)), "grads": {"x": enc(sq(dx4))}}
    if kind == "max":
        case["mask"] = enc(sq(mask4))
    cases.append(case)


def adaptive_case(xs, output_size, fmt="NCHW"):
    x = rand(*xs)
    cl = fmt == "NHWC"
    xn = x.transpose(0, 3, 1, 2) if cl else x
    H, W = xn.shape[2], xn.shape[3]
    osz = [output_size, output_size] if isinstance(output_size, int) else list(output_size)
    OH = H if osz[0] is None else osz[0]
    OW = W if osz[1] is None else osz[1]
    rows = [(math.floor(i * H / OH), math.ceil((i + 1) * H / OH)) for i in range(OH)]
    cols = [(math.floor(j * W / OW), math.ceil((j + 1) * W / OW)) for j in range(OW)]
    out0, _, _ = windows_ref("avg", xn, None, rows, cols, None, True, None, False)
    Gn = rand(*out0.shape)
    out, dx, _ = windows_ref("avg", xn, Gn, rows, cols, None, True, None, False)
    G = Gn
    if cl:
        out, dx, G = out.transpose(0, 2, 3, 1), dx.transpose(0, 2, 3, 1), Gn.transpose(0, 2, 3, 1)
    cases.append({"op": "adaptive_avg_pool2d", "outputSize": output_size, "params": {"dataFormat": fmt}, "inputs": {"x": enc(x), "G": enc(G)},
                  "out": enc(out), "grads": {"x": enc(dx)}})


# ---------------------------------------------------------------------------------------------

conv2d_case((2, 3, 7, 6), (4, 3, 3, 2))
conv2d_case((2, 3, 7, 6), (4, 3, 3, 2), bias=False, stride=[2, 1], padding=[1, 2], dilation=[1, 2])
conv2d_case((1, 2, 9, 8), (3, 2, 3, 3), stride=2, padding="same")
conv2d_case((1, 2, 6, 7), (3, 2, 2, 3), stride=[1, 2], padding="SAME", dilation=2)
conv2d_case((1, 2, 6, 5), (3, 2, 3, 3), padding="valid", stride=2)
conv2d_case((2, 2, 5, 6), (3, 2, 3, 2), padding=[1, 0, 2, 1], stride=[2, 3])
conv2d_case((2, 5, 6, 2), (3, 2, 2, 3), padding=[[0, 0], [1, 2], [0, 1], [0, 0]], dataFormat="NHWC")
conv2d_case((2, 4, 6, 5), (6, 2, 3, 3), groups=2, padding=1)
conv2d_case((2, 3, 6, 6), (6, 1, 3, 3), groups=3, padding=1, stride=2)  # depthwise, multiplier 2
conv2d_case((1, 6, 5, 4), (4, 2, 3, 1), groups=2, dataFormat="NHWC", padding=[1, 0], dilation=[2, 1])
conv2d_case((2, 1, 12, 12), (4, 1, 5, 5), stride=1)  # the demo's first layer, small

conv1d_case((2, 3, 9), (4, 3, 3))
conv1d_case((2, 3, 9), (4, 3, 2), stride=2, padding="same", dilation=1)
conv1d_case((1, 8, 4), (6, 2, 3), groups=2, padding=[1, 2], dilation=2, dataFormat="NLC")

convT_case((2, 3, 4, 3), (3, 2, 3, 2))
convT_case((1, 2, 3, 4), (2, 3, 3, 3), stride=2, padding=1, outputPadding=1)
convT_case((2, 4, 3, 3), (4, 1, 2, 3), groups=2, dilation=[2, 1], stride=[1, 2], padding=[0, 1, 1, 0], bias=False)
convT_case((1, 2, 3, 3), (2, 2, 3, 3), stride=2, outputSize=[8, 7])
convT_case((2, 3, 4, 2), (2, 3, 2, 2), stride=[2, 1], padding="same", dataFormat="NHWC")
convT_case((1, 2, 4, 4), (2, 2, 3, 3), stride=2, padding="valid", outputPadding=[1, 0])
convT1d_case((2, 3, 5), (3, 2, 3), stride=2, padding=1, outputPadding=1)
convT1d_case((1, 3, 4), (4, 1, 2), groups=2, stride=3, outputSize=9, dataFormat="NLC")

pool_case("max_pool2d", (2, 3, 6, 6), 2)
pool_case("max_pool2d", (1, 2, 7, 6), 3, stride=2, padding=1)
pool_case("max_pool2d", (1, 2, 7, 6), [3, 2], stride=[2, 2], ceilMode=True)
pool_case("max_pool2d", (2, 5, 6, 3), 2, stride=1, padding=[1, 0, 0, 1], dataFormat="NHWC")
pool_case("max_pool2d", (1, 2, 5, 5), 3, stride=2, padding="same")
pool_case("avg_pool2d", (2, 3, 6, 6), 2)
pool_case("avg_pool2d", (1, 2, 7, 6), 3, stride=2, padding=1)
pool_case("avg_pool2d", (1, 2, 7, 6), 3, stride=2, padding=1, exclusive=False)
pool_case("avg_pool2d", (1, 2, 7, 6), [3, 2], stride=2, ceilMode=True, exclusive=False)
pool_case("avg_pool2d", (1, 2, 7, 6), [3, 2], stride=2, ceilMode=True)
pool_case("avg_pool2d", (1, 4, 5, 2), 2, stride=1, padding=1, divisorOverride=3, dataFormat="NHWC")
pool_case("max_pool1d", (2, 3, 9), 3, stride=2, padding=1)
pool_case("max_pool1d", (1, 7, 2), 2, dataFormat="NLC", ceilMode=True)
pool_case("avg_pool1d", (2, 3, 9), 3, stride=2, padding=1, exclusive=False)
pool_case("avg_pool1d", (1, 8, 2), 3, dataFormat="NLC", padding="same")
adaptive_case((2, 3, 7, 5), [3, 2])
adaptive_case((1, 2, 6, 6), 4)
adaptive_case((1, 5, 4, 3), [None, 3], fmt="NHWC")

# ---------------------------------------------------------------------------------------------
# The demo CNN as a Paddle checkpoint: conv 5x5 16 (padding 2) + ReLU + max-pool 2, conv 5x5 32 +
# ReLU + max-pool 2, linear 800 -> 10 (src/cli/model.ts).

ck = {
    "conv1.weight": rng.normal(0, math.sqrt(2 / 25), (16, 1, 5, 5)).astype("<f4"),
    "conv1.bias": rand(16).astype("<f4") * np.float32(0.1),
    "conv2.weight": rng.normal(0, math.sqrt(2 / 400), (32, 16, 5, 5)).astype("<f4"),
    "conv2.bias": rand(32).astype("<f4") * np.float32(0.1),
    "fc.weight": rand(800, 10).astype("<f4") * np.float32(0.1),
    "fc.bias": rand(10).astype("<f4") * np.float32(0.1),
}
names = {"conv1.weight": "conv2d_0.w_0", "conv1.bias": "conv2d_0.b_0", "conv2.weight": "conv2d_1.w_0",
         "conv2.bias": "conv2d_1.b_0", "fc.weight": "linear_0.w_0", "fc.bias": "linear_0.b_0"}
images = rng.uniform(0, 1, (2, 784)).astype("<f4")
f64 = {k: v.astype(np.float64) for k, v in ck.items()}
h = images.astype(np.float64).reshape(2, 1, 28, 28)
for layer, pad in (("conv1", 2), ("conv2", 0)):
    w, b = f64[layer + ".weight"], f64[layer + ".bias"]
    h = conv2d_ref(h, w, b, np.zeros(conv_out_shape(h, w, (1, pad, 1, 1, "NCHW"))), 1, pad, 1, 1, "NCHW")[0]
    h = np.maximum(h, 0)
    h = pool_ref("max", h, None, 2, None, 0, False, True, None, "NCHW")[0]
logits = h.reshape(2, 800) @ f64["fc.weight"] + f64["fc.bias"]
cases.append({"op": "cnn_checkpoint", "params": {}, "inputs": {"x": enc(images)}, "out": enc(logits), "grads": {}})
save = dict(ck)
save["StructuredToParameterName@@"] = names
with open(os.path.join(os.path.dirname(OUT), "cnn.pdparams"), "wb") as fh:
    pickle.dump(save, fh, protocol=4)

os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w") as f:
    json.dump({"generator": "scripts/gen-conv-fixtures.py", "cases": cases}, f, separators=(",", ":"))
    f.write("\n")
print(f"wrote {len(cases)} cases to {os.path.relpath(OUT)}")

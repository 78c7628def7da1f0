#!/usr/bin/env python3
"""Writes tests/fixtures/norm-rnn/: reference values for the normalization and recurrent layers
(tests/nn/norm*.test.ts, tests/nn/rnn*.test.ts).

Paddle is not installed. Forward values are Paddle's formulas written in NumPy float64 (from
python/paddle/nn/layer/rnn.py and paddle/phi/kernels/cpu/{batch_norm,group_norm,rnn}_kernel.cc);
gradients come from PyTorch autograd (Debian's python3-torch, float64). Every forward is also run
through PyTorch and the two must agree to 1e-12, and where PyTorch has the same layer with the same
conventions (F.layer_norm, F.group_norm, F.batch_norm's output and gradients, nn.LSTM/GRU/RNN without
sequence lengths) that built-in is run too as an independent check. Where the conventions differ
it is written here and the NumPy formula wins:
- batch_norm's running variance: Paddle updates it with the *biased* batch variance, PyTorch with
  the unbiased one; running statistics are computed in NumPy only.
- epsilon and momentum are C++ float attributes in Paddle, so they are used rounded to float32
  (PyTorch is handed the same rounded values).
- group_norm: Paddle's CPU kernel takes the variance as max(E[x^2] - mean^2, 0) (one pass); NumPy
  does the same, PyTorch's two-pass value agrees to rounding.
- sequence_length: Paddle's fused rnn kernel holds the state at padded steps and zeroes the
  outputs there (the RNN/BiRNN wrappers do not zero them); PyTorch has no such mask (packed
  sequences give the same numbers for the valid steps), so those cases use the NumPy/torch
  mirrors of Paddle's loop only.
- GRU: Paddle applies the reset gate after the hidden matmul (with its bias), h = z*h0 + (1-z)*c,
  the same formula and gate order (r, z, c/n) as PyTorch's nn.GRU.

Run from the repository root with a Python that has NumPy and PyTorch (Debian: /usr/bin/python3
after `apt-get install python3-torch`):  /usr/bin/python3 scripts/gen-norm-rnn-fixtures.py
Writes tests/fixtures/norm-rnn/cases.json and two Paddle-layout checkpoints (lstm.pdparams,
bn.pdparams: pickle protocol 4, NumPy float32 arrays and the StructuredToParameterName@@ table).
"""
import json
import os
import pickle

import numpy as np
import torch

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "norm-rnn")
rng = np.random.default_rng(20261213)
F32 = lambda v: float(np.float32(v))  # noqa: E731  (Paddle's float attributes)
cases = []


def enc(a):
    a = np.asarray(a, dtype=np.float64)
    return {"shape": list(a.shape), "data": [float(v) for v in a.reshape(-1)]}


def u(*shape, lo=-1.0, hi=1.0):
    return rng.uniform(lo, hi, size=shape)


def close(a, b, what, tol=1e-12):
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    assert a.shape == b.shape, (what, a.shape, b.shape)
    err = np.max(np.abs(a - b) / (1 + np.abs(b))) if a.size else 0.0
    assert err < tol, (what, err)


def T(a):
    return torch.tensor(np.asarray(a, dtype=np.float64), dtype=torch.float64, requires_grad=True)


def grads_of(out_list, weights, leaves):
    """d/d leaves of sum_i <weights_i, out_i> (torch autograd)."""
    loss = sum((o * torch.tensor(w)).sum() for o, w in zip(out_list, weights))
    gs = torch.autograd.grad(loss, leaves, allow_unused=True)
    return [np.zeros(tuple(l.shape)) if g is None else g.detach().numpy() for g, l in zip(gs, leaves)]


# ================================================================== normalization
def norm_np(x, stat_axes, eps, one_pass=False):
    mean = x.mean(axis=stat_axes, keepdims=True)
    if one_pass:
        var = np.maximum((x * x).mean(axis=stat_axes, keepdims=True) - mean * mean, 0)
    else:
        var = ((x - mean) ** 2).mean(axis=stat_axes, keepdims=True)
    return (x - mean) / np.sqrt(var + eps), mean, var


def bn_case(name, shape, channels_last, training=True, affine=True, use_global_stats=None, momentum=0.9, eps=1e-5):
    x = u(*shape, lo=-2, hi=2)
    nd = len(shape)
    c_axis = nd - 1 if (channels_last or nd == 2) else 1
    C = shape[c_axis]
    w = u(C, lo=0.5, hi=1.5) if affine else None
    b = u(C) if affine else None
    rm0 = u(C, lo=-0.5, hi=0.5)
    rv0 = u(C, lo=0.5, hi=1.5)
    m, e = F32(momentum), F32(eps)
    bshape = [1] * nd
    bshape[c_axis] = C
    axes = tuple(i for i in range(nd) if i != c_axis)
    ugs = (not training) if use_global_stats is None else use_global_stats
    trainable_stats = False if use_global_stats is None else not use_global_stats
    global_stats = ((not training) and not trainable_stats) or ugs
    if global_stats:
        xh = (x - rm0.reshape(bshape)) / np.sqrt(rv0.reshape(bshape) + e)
        rm1, rv1 = rm0, rv0
    else:
        xh, mean, var = norm_np(x, axes, e)
        rm1 = rm0 * m + mean.reshape(-1) * (1 - m)
        rv1 = rv0 * m + var.reshape(-1) * (1 - m)  # biased variance (PyTorch: unbiased)
    y = xh * (w.reshape(bshape) if affine else 1) + (b.reshape(bshape) if affine else 0)
    # torch: move channels to dim 1
    perm = [0, c_axis] + [i for i in range(1, nd) if i != c_axis]
    inv = list(np.argsort(perm))
    xt = T(x)
    wt, bt = (T(w), T(b)) if affine else (None, None)
    yt = torch.nn.functional.batch_norm(
        xt.permute(perm), torch.tensor(rm0), torch.tensor(rv0), wt, bt, training=not global_stats, momentum=0.0, eps=e
    ).permute(inv)
    close(yt.detach().numpy(), y, name)
    g = u(*shape)
    leaves = [xt] + ([wt, bt] if affine else [])
    grads = grads_of([yt], [g], leaves)
    ins = {"x": enc(x), "running_mean": enc(rm0), "running_var": enc(rv0), "g": enc(g)}
    if affine:
        ins.update(weight=enc(w), bias=enc(b))
    exp = {"y": enc(y), "running_mean": enc(rm1), "running_var": enc(rv1), "dx": enc(grads[0])}
    if affine:
        exp.update(dweight=enc(grads[1]), dbias=enc(grads[2]))
    fmt = {2: "NC", 3: "NLC" if channels_last else "NCL", 4: "NHWC" if channels_last else "NCHW", 5: "NDHWC" if channels_last else "NCDHW"}[nd]
    cases.append({"op": "batch_norm", "name": name, "inputs": ins, "expected": exp,
                  "params": {"training": training, "dataFormat": fmt, "momentum": momentum, "epsilon": eps,
                             "useGlobalStats": use_global_stats}})


bn_case("train NCHW", [4, 3, 2, 3], False)
bn_case("train NHWC", [3, 2, 2, 4], True)
bn_case("train NC (2-D)", [6, 3], False)
bn_case("train NCL", [4, 3, 5], False)
bn_case("train NLC", [4, 5, 3], True)
bn_case("train NCDHW", [2, 2, 2, 2, 3], False)
bn_case("train no affine, momentum 0.5, eps 1e-3", [5, 2, 3], False, affine=False, momentum=0.5, eps=1e-3)
bn_case("eval NCHW (running statistics)", [3, 3, 2, 2], False, training=False)
bn_case("train with use_global_stats", [3, 3, 2, 2], False, training=True, use_global_stats=True)
bn_case("eval with use_global_stats=False (trainable statistics)", [3, 3, 2, 2], False, training=False, use_global_stats=False)


def ln_case(name, shape, nshape, affine=True, eps=1e-5):
    x = u(*shape, lo=-2, hi=2)
    M = int(np.prod(nshape))
    w = u(M, lo=0.5, hi=1.5) if affine else None
    b = u(M) if affine else None
    e = F32(eps)
    k = len(nshape)
    axes = tuple(range(len(shape) - k, len(shape)))
    xh, _, _ = norm_np(x, axes, e)
    y = xh * (w.reshape(nshape) if affine else 1) + (b.reshape(nshape) if affine else 0)
    xt = T(x)
    wt, bt = (T(w), T(b)) if affine else (None, None)
    yt = torch.nn.functional.layer_norm(xt, tuple(nshape), None if wt is None else wt.reshape(nshape),
                                        None if bt is None else bt.reshape(nshape), eps=e)
    close(yt.detach().numpy(), y, name)
    g = u(*shape)
    leaves = [xt] + ([wt, bt] if affine else [])
    grads = grads_of([yt], [g], leaves)
    ins = {"x": enc(x), "g": enc(g)}
    exp = {"y": enc(y), "dx": enc(grads[0])}
    if affine:
        ins.update(weight=enc(w), bias=enc(b))
        exp.update(dweight=enc(grads[1]), dbias=enc(grads[2]))
    cases.append({"op": "layer_norm", "name": name, "inputs": ins, "expected": exp,
                  "params": {"normalizedShape": list(nshape), "epsilon": eps}})


ln_case("last two dims", [2, 3, 4], [3, 4])
ln_case("last dim", [3, 5], [5])
ln_case("4-D over [2, 3], no affine", [2, 2, 2, 3], [2, 3], affine=False)
ln_case("eps 1e-3", [4, 6], [6], eps=1e-3)


def gn_case(name, shape, groups, channels_last=False, affine=True, eps=1e-5):
    x = u(*shape, lo=-2, hi=2) + 0.5
    nd = len(shape)
    c_axis = nd - 1 if channels_last else 1
    C = shape[c_axis]
    w = u(C, lo=0.5, hi=1.5) if affine else None
    b = u(C) if affine else None
    e = F32(eps)
    perm = [0, c_axis] + [i for i in range(1, nd) if i != c_axis]
    inv = list(np.argsort(perm))
    xc = np.transpose(x, perm)  # channels first
    N = shape[0]
    xg = xc.reshape(N, groups, -1)
    xh, _, _ = norm_np(xg, (2,), e, one_pass=True)
    bsh = [1, C] + [1] * (nd - 2)
    yc = xh.reshape(xc.shape) * (w.reshape(bsh) if affine else 1) + (b.reshape(bsh) if affine else 0)
    y = np.transpose(yc, inv)
    xt = T(x)
    wt, bt = (T(w), T(b)) if affine else (None, None)
    yt = torch.nn.functional.group_norm(xt.permute(perm), groups, wt, bt, eps=e).permute(inv)
    close(yt.detach().numpy(), y, name, tol=1e-11)
    g = u(*shape)
    leaves = [xt] + ([wt, bt] if affine else [])
    grads = grads_of([yt], [g], leaves)
    fmt = {3: "NLC" if channels_last else "NCL", 4: "NHWC" if channels_last else "NCHW", 5: "NDHWC" if channels_last else "NCDHW"}[nd]
    ins = {"x": enc(x), "g": enc(g)}
    exp = {"y": enc(y), "dx": enc(grads[0])}
    if affine:
        ins.update(weight=enc(w), bias=enc(b))
        exp.update(dweight=enc(grads[1]), dbias=enc(grads[2]))
    cases.append({"op": "group_norm", "name": name, "inputs": ins, "expected": exp,
                  "params": {"numGroups": groups, "epsilon": eps, "dataFormat": fmt}})


gn_case("NCHW 3 groups", [2, 6, 2, 3], 3)
gn_case("NCHW 1 group", [2, 4, 3, 2], 1)
gn_case("NCHW groups = channels", [2, 4, 2, 2], 4)
gn_case("NHWC 2 groups", [2, 2, 3, 6], 2, channels_last=True)
gn_case("NCL 2 groups, no affine", [3, 4, 5], 2, affine=False)


# ================================================================== recurrent
def sig(xp, v):
    return 1 / (1 + xp.exp(-v))


def act(xp, v, kind):
    if kind == "tanh":
        return xp.tanh(v)
    return v * (v > 0) if xp is np else torch.relu(v)


def cell_step(xp, mode, p, h, x_proj, weights):
    """One step of Paddle's cell from the input projection x*Wih^T + b_ih."""
    wih, whh, bih, bhh = weights
    if mode == "LSTM":
        h0, c0 = h
        gates = x_proj + h0 @ whh.T + bhh
        H = whh.shape[0] // 4
        i, f, g, o = (gates[:, k * H:(k + 1) * H] for k in range(4))
        c = sig(xp, f) * c0 + sig(xp, i) * xp.tanh(g)
        hn = sig(xp, o) * xp.tanh(c)
        return hn, (hn, c)
    if mode == "GRU":
        H = whh.shape[0] // 3
        hg = h @ whh.T + bhh
        xr, xz, xc = (x_proj[:, k * H:(k + 1) * H] for k in range(3))
        hr, hz, hc = (hg[:, k * H:(k + 1) * H] for k in range(3))
        r = sig(xp, xr + hr)
        z = sig(xp, xz + hz)
        c = xp.tanh(xc + r * hc)  # reset gate after the matmul, bias included
        hn = (h - c) * z + c
        return hn, hn
    hn = act(xp, x_proj + (h @ whh.T + bhh), p["activation"])
    return hn, hn


def run_dir(xp, mode, p, x_tm, init, weights, lens, reverse, zero_pad):
    Tn, B = x_tm.shape[0], x_tm.shape[1]
    wih, bih = weights[0], weights[2]
    outs = [None] * Tn
    state = init
    order = range(Tn - 1, -1, -1) if reverse else range(Tn)
    for t in order:
        out, nxt = cell_step(xp, mode, p, state, x_tm[t] @ wih.T + bih, weights)
        if lens is not None:
            m = np.array([[1.0 if t < L else 0.0] for L in lens])
            mt = m if xp is np else torch.tensor(m)
            if mode == "LSTM":
                nxt = (nxt[0] * mt + state[0] * (1 - mt), nxt[1] * mt + state[1] * (1 - mt))
            else:
                nxt = nxt * mt + state * (1 - mt)
            if zero_pad:
                out = out * mt
        outs[t] = out
        state = nxt
    return outs, state


def network(xp, mode, p, x, h0, c0, params, lens):
    """Paddle's RNNBase forward (fused-kernel semantics); params: list per (layer, direction)."""
    L, D, tm = p["numLayers"], p["D"], p["timeMajor"]
    stack = np.stack if xp is np else torch.stack
    cat = np.concatenate if xp is np else torch.cat
    x_tm = x if tm else (np.transpose(x, (1, 0, 2)) if xp is np else x.permute(1, 0, 2))
    hs, cs = [], []
    for l in range(L):
        outs_d = []
        for d in range(D):
            k = l * D + d
            init = (h0[k], c0[k]) if mode == "LSTM" else h0[k]
            outs, fin = run_dir(xp, mode, p, x_tm, init, params[k], lens, d == 1, True)
            outs_d.append(stack(outs, 0))
            if mode == "LSTM":
                hs.append(fin[0])
                cs.append(fin[1])
            else:
                hs.append(fin)
        x_tm = outs_d[0] if D == 1 else cat(outs_d, -1)
    out = x_tm if tm else (np.transpose(x_tm, (1, 0, 2)) if xp is np else x_tm.permute(1, 0, 2))
    return out, stack(hs, 0), (stack(cs, 0) if mode == "LSTM" else None)


GATES = {"LSTM": 4, "GRU": 3, "RNN": 1}


def rnn_case(name, mode, I, H, B, Tn, L=1, D=1, time_major=False, lens=None, activation="tanh", with_init=True):
    p = {"numLayers": L, "D": D, "timeMajor": time_major, "activation": activation}
    G = GATES[mode] * H
    params = []
    std = 1 / np.sqrt(H)
    for l in range(L):
        for d in range(D):
            ins = I if l == 0 else D * H
            params.append([u(G, ins, lo=-std, hi=std) * 2, u(G, H, lo=-std, hi=std) * 2, u(G, lo=-std, hi=std), u(G, lo=-std, hi=std)])
    x = u(*((Tn, B, I) if time_major else (B, Tn, I)))
    h0 = u(L * D, B, H) * 0.5 if with_init else np.zeros((L * D, B, H))
    c0 = u(L * D, B, H) * 0.5 if (with_init and mode == "LSTM") else np.zeros((L * D, B, H))
    out, hN, cN = network(np, mode, p, x, h0, c0, params, lens)
    # torch mirror for the gradients
    xt, h0t, c0t = T(x), T(h0), T(c0)
    pt = [[T(w) for w in ws] for ws in params]
    out_t, hN_t, cN_t = network(torch, mode, p, xt, h0t, c0t, pt, lens)
    close(out_t.detach().numpy(), out, name)
    close(hN_t.detach().numpy(), hN, name)
    # independent check against PyTorch's own layers (same conventions) when there is no mask
    if lens is None:
        kw = dict(num_layers=L, bidirectional=D == 2, batch_first=not time_major)
        net = {"LSTM": torch.nn.LSTM, "GRU": torch.nn.GRU}.get(mode)
        net = net(I, H, **kw) if net is not None else torch.nn.RNN(I, H, nonlinearity=activation, **kw)
        net = net.double()
        with torch.no_grad():
            for l in range(L):
                for d in range(D):
                    sfx = f"_l{l}" + ("_reverse" if d == 1 else "")
                    for nm, val in zip(["weight_ih", "weight_hh", "bias_ih", "bias_hh"], params[l * D + d]):
                        getattr(net, nm + sfx).copy_(torch.tensor(val))
            st = (torch.tensor(h0), torch.tensor(c0)) if mode == "LSTM" else torch.tensor(h0)
            ref, _ = net(torch.tensor(x), st)
        close(ref.numpy(), out, name + " (torch.nn)")
    wo = u(*out.shape)
    wh = u(*hN.shape)
    outs = [out_t, hN_t]
    weights = [wo, wh]
    wc = None
    if mode == "LSTM":
        wc = u(*cN.shape)
        outs.append(cN_t)
        weights.append(wc)
    leaves = [xt, h0t] + ([c0t] if mode == "LSTM" else []) + [w for ws in pt for w in ws]
    grads = grads_of(outs, weights, leaves)
    gx, gh0 = grads[0], grads[1]
    k = 2
    gc0 = None
    if mode == "LSTM":
        gc0 = grads[2]
        k = 3
    gparams = grads[k:]
    # Paddle's state-dict keys for the cell parameters
    keys = []
    for l in range(L):
        for d in range(D):
            cell = f"{l}.cell" if D == 1 else f"{l}.cell_{'fw' if d == 0 else 'bw'}"
            keys += [f"{cell}.{n}" for n in ["weight_ih", "weight_hh", "bias_ih", "bias_hh"]]
    flat = [w for ws in params for w in ws]
    ins = {"x": enc(x), "h0": enc(h0), "wo": enc(wo), "wh": enc(wh)}
    exp = {"out": enc(out), "h": enc(hN), "dx": enc(gx), "dh0": enc(gh0)}
    if mode == "LSTM":
        ins.update(c0=enc(c0), wc=enc(wc))
        exp.update(c=enc(cN), dc0=enc(gc0))
    cases.append({
        "op": mode, "name": name, "inputs": ins, "expected": exp,
        "params": {"inputSize": I, "hiddenSize": H, "numLayers": L, "direction": "bidirect" if D == 2 else "forward",
                   "timeMajor": time_major, "activation": activation, "sequenceLength": lens, "withInit": with_init},
        "weights": {kk: enc(v) for kk, v in zip(keys, flat)},
        "dweights": {kk: enc(v) for kk, v in zip(keys, gparams)},
    })


rnn_case("LSTM 1 layer", "LSTM", 3, 4, 2, 5)
rnn_case("LSTM 2 layers bidirect", "LSTM", 3, 4, 2, 4, L=2, D=2)
rnn_case("LSTM time-major, zero initial state", "LSTM", 3, 3, 3, 4, time_major=True, with_init=False)
rnn_case("LSTM bidirect with sequence_length", "LSTM", 2, 3, 3, 5, D=2, lens=[5, 3, 1])
rnn_case("GRU 1 layer", "GRU", 3, 4, 2, 5)
rnn_case("GRU 2 layers bidirect", "GRU", 2, 3, 2, 4, L=2, D=2)
rnn_case("GRU with sequence_length", "GRU", 3, 4, 3, 5, lens=[2, 5, 4])
rnn_case("SimpleRNN tanh 2 layers", "RNN", 3, 4, 2, 5, L=2)
rnn_case("SimpleRNN relu bidirect time-major", "RNN", 3, 4, 2, 4, D=2, time_major=True, activation="relu")
rnn_case("SimpleRNN with sequence_length", "RNN", 2, 3, 2, 4, lens=[4, 2])


def cell_case(mode, I, H, B):
    p = {"activation": "tanh"}
    G = GATES[mode] * H
    std = 1 / np.sqrt(H)
    w = [u(G, I, lo=-std, hi=std) * 2, u(G, H, lo=-std, hi=std) * 2, u(G, lo=-std, hi=std), u(G, lo=-std, hi=std)]
    x = u(B, I)
    h0 = u(B, H) * 0.5
    c0 = u(B, H) * 0.5
    st = (h0, c0) if mode == "LSTM" else h0
    out, ns = cell_step(np, mode, p, st, x @ w[0].T + w[2], w)
    xt, h0t, c0t = T(x), T(h0), T(c0)
    wt = [T(v) for v in w]
    stt = (h0t, c0t) if mode == "LSTM" else h0t
    out_t, ns_t = cell_step(torch, mode, p, stt, xt @ wt[0].T + wt[2], wt)
    close(out_t.detach().numpy(), out, mode + " cell")
    ref = {"LSTM": torch.nn.LSTMCell, "GRU": torch.nn.GRUCell, "RNN": torch.nn.RNNCell}[mode](I, H).double()
    with torch.no_grad():
        for nm, val in zip(["weight_ih", "weight_hh", "bias_ih", "bias_hh"], w):
            getattr(ref, nm).copy_(torch.tensor(val))
        r = ref(torch.tensor(x), (torch.tensor(h0), torch.tensor(c0)) if mode == "LSTM" else torch.tensor(h0))
    close((r[0] if mode == "LSTM" else r).numpy(), out, mode + " cell (torch.nn)")
    wo = u(B, H)
    outs, weights = [out_t], [wo]
    ins = {"x": enc(x), "h0": enc(h0), "wo": enc(wo)}
    exp = {"out": enc(out)}
    leaves = [xt, h0t] + ([c0t] if mode == "LSTM" else []) + wt
    if mode == "LSTM":
        wc = u(B, H)
        outs.append(ns_t[1])
        weights.append(wc)
        ins.update(c0=enc(c0), wc=enc(wc))
        exp.update(c=enc(ns[1]))
    grads = grads_of(outs, weights, leaves)
    names = ["dx", "dh0"] + (["dc0"] if mode == "LSTM" else []) + ["dweight_ih", "dweight_hh", "dbias_ih", "dbias_hh"]
    exp.update({n: enc(g) for n, g in zip(names, grads)})
    cases.append({"op": mode + "Cell", "name": mode + " cell", "inputs": ins, "expected": exp,
                  "params": {"inputSize": I, "hiddenSize": H},
                  "weights": {n: enc(v) for n, v in zip(["weight_ih", "weight_hh", "bias_ih", "bias_hh"], w)}})


cell_case("LSTM", 3, 4, 2)
cell_case("GRU", 3, 4, 2)
cell_case("RNN", 3, 4, 2)

os.makedirs(OUT, exist_ok=True)
with open(os.path.join(OUT, "cases.json"), "w") as f:
    json.dump({"cases": cases}, f, separators=(",", ":"))

# ================================================================== Paddle-layout checkpoints
NAME_TABLE = "StructuredToParameterName@@"


def pdparams(path, state, names):
    save = dict(state)
    save[NAME_TABLE] = names
    with open(path, "wb") as f:
        pickle.dump(save, f, protocol=4)


# LSTM(2, 3, direction='bidirect') as Paddle saves it: the top-level names first, then the cells'
# keys for the same tensors (one file holds both, with the same values).
lstm_state, lstm_names = {}, {}
cell_params = {}
for d, (cell, sfx) in enumerate([("0.cell_fw", ""), ("0.cell_bw", "_reverse")]):
    for j, (nm, shape) in enumerate([("weight_ih", (12, 2)), ("weight_hh", (12, 3)), ("bias_ih", (12,)), ("bias_hh", (12,))]):
        v = u(*shape).astype("<f4")
        cell_params[(cell, nm)] = v
        pname = f"lstm_cell_{d}.{'w' if nm.startswith('weight') else 'b'}_{j % 2}"
        lstm_state[f"{nm}_l0{sfx}"] = v
        lstm_names[f"{nm}_l0{sfx}"] = pname
for (cell, nm), v in cell_params.items():
    lstm_state[f"{cell}.{nm}"] = v
    lstm_names[f"{cell}.{nm}"] = lstm_names[f"{nm}_l0{'' if cell.endswith('fw') else '_reverse'}"]
pdparams(os.path.join(OUT, "lstm.pdparams"), lstm_state, lstm_names)
x_ck = u(2, 3, 2).astype("<f4")
wts = [[cell_params[(c, n)].astype(np.float64) for n in ["weight_ih", "weight_hh", "bias_ih", "bias_hh"]] for c in ["0.cell_fw", "0.cell_bw"]]
out_ck, h_ck, c_ck = network(np, "LSTM", {"numLayers": 1, "D": 2, "timeMajor": False}, x_ck.astype(np.float64),
                             np.zeros((2, 2, 3)), np.zeros((2, 2, 3)), wts, None)

bn_state = {
    "weight": u(3, lo=0.5, hi=1.5).astype("<f4"),
    "bias": u(3).astype("<f4"),
    "_mean": u(3, lo=-0.5, hi=0.5).astype("<f4"),
    "_variance": u(3, lo=0.5, hi=1.5).astype("<f4"),
}
pdparams(os.path.join(OUT, "bn.pdparams"), bn_state,
         {"weight": "batch_norm2d_0.w_0", "bias": "batch_norm2d_0.b_0", "_mean": "batch_norm2d_0.w_1", "_variance": "batch_norm2d_0.w_2"})
x_bn = u(2, 3, 2, 2).astype("<f4")
sh = (1, 3, 1, 1)
y_bn = (x_bn.astype(np.float64) - bn_state["_mean"].astype(np.float64).reshape(sh)) / np.sqrt(
    bn_state["_variance"].astype(np.float64).reshape(sh) + F32(1e-5)) * bn_state["weight"].astype(np.float64).reshape(sh) + bn_state["bias"].astype(np.float64).reshape(sh)
with open(os.path.join(OUT, "checkpoints.json"), "w") as f:
    json.dump({"lstm": {"x": enc(x_ck), "out": enc(out_ck), "h": enc(h_ck), "c": enc(c_ck), "keys": list(lstm_state)},
               "bn": {"x": enc(x_bn), "y_eval": enc(y_bn), "keys": list(bn_state)}}, f, separators=(",", ":"))
print(f"{len(cases)} cases written to {OUT}")

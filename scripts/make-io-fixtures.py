#!/usr/bin/env python3
"""Writes the fixtures of tests/io: Paddle-layout pickles and safetensors files, plus expected.json.

Only python3, NumPy and pickle are used (Paddle is not installed): the dicts are built by hand in
the layout python/paddle/framework/io.py writes (`_build_saved_state_dict`, `_unpack_saved_dict`,
`_pickle_save`'s `(name, ndarray)` tuples). Run from the repository root:

    python3 scripts/make-io-fixtures.py

Outputs go to tests/fixtures/io/. The values are seeded, so re-running gives the same files for a
given NumPy/Python version (NumPy 2 writes `numpy._core`, NumPy 1 `numpy.core`; both are read).
"""
import collections
import json
import math
import os
import pickle
import struct
import sys

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "io")
NAME_TABLE = "StructuredToParameterName@@"

rng = np.random.default_rng(20240607)


def f4(*shape):
    return rng.uniform(-1, 1, size=shape).astype("<f4")


# ------------------------------------------------------------------ encoding expected values
def enc_elem(x, kind):
    if kind == "f":
        x = float(x)
        if math.isnan(x):
            return "nan"
        if math.isinf(x):
            return "inf" if x > 0 else "-inf"
        return repr(x)
    if kind == "b":
        return "1" if bool(x) else "0"
    return str(int(x))


WIDEN = {
    "float16": "float32",
    "int8": "int32",
    "int16": "int32",
    "uint16": "int32",
    "uint32": "int64",
    "uint64": "int64",
}


def enc(v):
    if v is None:
        return None
    if isinstance(v, (bool, np.bool_)):
        return {"$bool": bool(v)}
    if isinstance(v, np.ndarray):
        src = str(v.dtype.newbyteorder("=")) if v.dtype.byteorder == ">" else str(v.dtype)
        kind = v.dtype.kind
        flat = np.ascontiguousarray(v).reshape(-1)
        return {
            "$nd": {
                "dtype": WIDEN.get(src, src),
                "source": src if src in WIDEN else None,
                "shape": list(v.shape),
                "data": [enc_elem(x, "f" if kind == "f" else "b" if kind == "b" else "i") for x in flat],
            }
        }
    if isinstance(v, (int, np.integer)):
        return {"$int": str(int(v))}
    if isinstance(v, (float, np.floating)):
        return {"$float": enc_elem(v, "f")}
    if isinstance(v, str):
        return v
    if isinstance(v, (bytes, bytearray)):
        return {"$bytes": bytes(v).hex()}
    if isinstance(v, list):
        return {"$list": [enc(x) for x in v]}
    if isinstance(v, tuple):
        return {"$tuple": [enc(x) for x in v]}
    if isinstance(v, dict):
        return {"$dict": [[enc(k), enc(x)] for k, x in v.items()]}
    raise TypeError(type(v))


expected = {}
written = []


def dump(name, obj, protocol, expect=True):
    path = os.path.join(OUT, name)
    with open(path, "wb") as f:
        pickle.dump(obj, f, protocol=protocol)
    written.append(name)
    if expect:
        expected[name] = enc(obj)


def put_bytes(name, data, value=None):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)
    written.append(name)
    if value is not None:
        expected[name] = value


# ------------------------------------------------------------------ Paddle state dicts
def build_saved_state_dict(state, tensor_names):
    """_build_saved_state_dict: arrays kept, the name table appended for the tensor keys."""
    save = {}
    table = {}
    for k, v in state.items():
        save[k] = v
        if k in tensor_names:
            table[k] = tensor_names[k]
    save[NAME_TABLE] = table
    return save


def unpack_saved_dict(saved, protocol, max_bytes=2**30 - 1):
    """_unpack_saved_dict with a configurable size bound (Paddle's is 2**30 - 1 bytes)."""
    temp, info = {}, {}
    if 1 < protocol < 4:
        for key, value in saved.items():
            if isinstance(value, np.ndarray):
                max_n = int(max_bytes / value.dtype.itemsize)
                n = np.prod(value.shape)
                if n > max_n:
                    info[key] = {"OriginShape": value.shape, "slices": []}
                    flat = value.flatten()
                    for i in range(int(math.ceil(n * 1.0 / max_n))):
                        part = key + "@@." + str(i)
                        info[key]["slices"].append(part)
                        temp[part] = flat[i * max_n : max_n * (i + 1)]
    if info:
        for key, value in info.items():
            if key in saved:
                saved.pop(key)
                for part in value["slices"]:
                    saved[part] = temp[part]
        saved["UnpackBigParamInfor@@"] = info
    return saved


linear_w = f4(3, 2)
linear_b = f4(2)
linear_state = {"weight": linear_w, "bias": linear_b}
linear_names = {"weight": "linear_0.w_0", "bias": "linear_0.b_0"}
for p in (2, 3, 4):
    dump(f"linear.p{p}.pdparams", build_saved_state_dict(dict(linear_state), linear_names), p)

acc = collections.OrderedDict()
for kind in ("momentum", "mean_square", "mean_grad"):
    for pname, shape in (("linear_0.w_0", (3, 2)), ("linear_0.b_0", (2,))):
        acc[f"{pname}_{kind}_0"] = np.abs(f4(*shape)) if kind == "mean_square" else f4(*shape)
opt_state = dict(acc)
opt_state["LR_Scheduler"] = {"last_epoch": 3, "last_lr": 0.05}
opt_names = {k: k for k in acc}
for p in (2, 4):
    dump(f"rmsprop.p{p}.pdopt", build_saved_state_dict(dict(opt_state), opt_names), p)

# NumPy-1.x module names (numpy.core.multiarray), as NumPy 1.x and our writer emit them.

def as_numpy1(data, protocol):
    """Rewrites NumPy 2's `numpy._core.multiarray` global as NumPy 1.x writes it."""
    if protocol < 4:
        return data.replace(b"numpy._core.multiarray", b"numpy.core.multiarray")
    old, new = b"\x8c\x16numpy._core.multiarray", b"\x8c\x15numpy.core.multiarray"
    count = data.count(old)
    assert count == 1 and data[2:3] == b"\x95" and data.count(b"\x95") >= 1
    (frame,) = struct.unpack("<Q", data[3:11])
    assert frame == len(data) - 11, "a single frame"
    data = data.replace(old, new)
    return data[:3] + struct.pack("<Q", frame - 1) + data[11:]


for p in (2, 3, 4):
    obj = build_saved_state_dict(dict(linear_state), linear_names)
    put_bytes(f"numpy1.p{p}.pdparams", as_numpy1(pickle.dumps(obj, protocol=p), p), enc(obj))
    obj = build_saved_state_dict(dict(opt_state), opt_names)
    put_bytes(f"numpy1-rmsprop.p{p}.pdopt", as_numpy1(pickle.dumps(obj, protocol=p), p), enc(obj))
    assert pickle.loads(open(os.path.join(OUT, f"numpy1.p{p}.pdparams"), "rb").read())["weight"].tolist() == linear_w.tolist()

# Split big parameters (protocol 2/3), with a 16-byte bound instead of 1 GiB.
split_state = {"weight": f4(3, 5), "bias": f4(2)}
split_saved = unpack_saved_dict(build_saved_state_dict(dict(split_state), {"weight": "fc.w_0", "bias": "fc.b_0"}), 2, 16)
dump("split.p2.pdparams", split_saved, 2, expect=False)
expected["split.p2.pdparams"] = enc(build_saved_state_dict(dict(split_state), {"weight": "fc.w_0", "bias": "fc.b_0"}))
expected["split.p2.pdparams#raw"] = enc(split_saved)

# Generic path: tensors pickled as (name, ndarray) tuples.
generic = {"model": {"w": ("linear_1.w_0", f4(2, 2)), "b": ("linear_1.b_0", f4(2))}, "epoch": 100, "tag": "ckpt"}
dump("generic.p4.pdparams", generic, 4)
dump("tensor.p4.pdtensor", ("t_0", np.arange(6, dtype="<f8").reshape(2, 3)), 4)
# Paddle 2.0 style: bare ndarrays, no name table.
dump("bare.p4.pdparams", {"w": f4(2), "nested": [np.arange(3, dtype="<i4")]}, 4)

# ------------------------------------------------------------------ value model coverage
mixed = collections.OrderedDict()
mixed["f64"] = rng.standard_normal((2, 3))
mixed["i64"] = np.array([0, -1, 2**53 - 1, -(2**53 - 1), 123456789012], dtype="<i8")
mixed["i32"] = np.array([[-(2**31), 2**31 - 1], [0, 7]], dtype="<i4")
mixed["bool"] = np.array([True, False, True])
mixed["special"] = np.array([np.nan, np.inf, -np.inf, -0.0, 1e-45, 3.4028235e38], dtype="<f4")
mixed["scalar0d"] = np.array(2.5, dtype="<f4")
mixed["empty"] = np.zeros((0, 3), dtype="<f4")
mixed["fortran"] = np.asfortranarray(np.arange(24, dtype="<f4").reshape(2, 3, 4))
mixed["bigendian"] = np.arange(5, dtype=">f8") / 3
mixed["f16"] = np.array([0.5, -2.0, 65504.0, 6e-8, np.inf], dtype="<f2")
mixed["i8"] = np.array([-128, 0, 127], dtype="i1")
mixed["u8"] = np.array([0, 200, 255], dtype="u1")
mixed["u32"] = np.array([0, 4294967295], dtype="<u4")
mixed["np_float64"] = np.float64(0.1)
mixed["np_float32"] = np.float32(0.1)
mixed["np_int64"] = np.int64(-42)
mixed["np_bool"] = np.bool_(True)
mixed["od"] = collections.OrderedDict([("b", 1), ("a", 2)])
mixed["int_keys"] = {2: "two", 1: "one", "1": "str-one"}
mixed["ints"] = [0, 255, 256, 65535, 65536, -1, 2**31 - 1, -(2**31), 2**31, 2**63, -(2**70), 2**53 - 1]
mixed["floats"] = [0.1, -0.0, float("inf"), float("-inf"), float("nan"), 1.0]
mixed["tuple"] = (1, "a", None, True, False)
mixed["big_tuple"] = (1, 2, 3, 4, 5)
mixed["bytes"] = b"\x00\x01\xff"
mixed["empty_bytes"] = b""
mixed["one_byte"] = b"b"
mixed["unicode"] = "żółw 🐢"
mixed["nested"] = {"list": [[1, 2], [3, [4, {"deep": None}]]]}
for p in (2, 3, 4, 5):
    dump(f"mixed.p{p}.pkl", mixed, p)

# Shared references: the same array object twice; a memoized list.
shared_arr = f4(2)
shared_list = [1, 2]
dump("shared.p4.pkl", {"a": shared_arr, "b": shared_arr, "l1": shared_list, "l2": shared_list}, 4)

# Values this library cannot represent (a well-formed file; loading is a ValueError).
dump("int64-overflow.p4.pkl", {"x": np.array([2**53], dtype="<i8")}, 4, expect=False)
dump("uint64-overflow.p4.pkl", {"x": np.array([2**64 - 1], dtype="<u8")}, 4, expect=False)
dump("complex.p4.pkl", {"x": np.array([1 + 2j], dtype="<c8")}, 4, expect=False)
dump("object-array.p4.pkl", {"x": np.array([1, "a"], dtype=object)}, 4, expect=False)
dump("str-array.p4.pkl", {"x": np.array(["ab", "c"])}, 4, expect=False)


# ------------------------------------------------------------------ safetensors
ST_TYPES = {
    "bool": "BOOL", "uint8": "U8", "int8": "I8", "int16": "I16", "uint16": "U16", "float16": "F16",
    "int32": "I32", "uint32": "U32", "float32": "F32", "float64": "F64", "int64": "I64", "uint64": "U64",
}
ST_ORDER = ["BOOL", "U8", "I8", "F8_E5M2", "F8_E4M3", "I16", "U16", "F16", "BF16", "I32", "U32", "F32", "F64", "I64", "U64"]


def safetensors_bytes(tensors, metadata=None, extra=None):
    """The reference serializer: descending dtype alignment, then name; header padded to 8."""
    items = []
    for name, (code, shape, raw) in tensors.items():
        items.append((name, code, shape, raw))
    items.sort(key=lambda t: (-ST_ORDER.index(t[1]), t[0].encode("utf-8")))
    header = {}
    if metadata is not None:
        header["__metadata__"] = metadata
    off = 0
    payload = b""
    for name, code, shape, raw in items:
        header[name] = {"dtype": code, "shape": list(shape), "data_offsets": [off, off + len(raw)]}
        off += len(raw)
        payload += raw
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    return struct.pack("<Q", len(text)) + text + payload


def st_entry(a):
    return (ST_TYPES[str(a.dtype)], a.shape, np.ascontiguousarray(a).astype(a.dtype.newbyteorder("<")).tobytes())


st_plain = collections.OrderedDict(
    [("weight", f4(3, 2)), ("bias", f4(2)), ("step", np.array([7], dtype="<i8")), ("mask", np.array([True, False]))]
)
put_bytes(
    "plain.safetensors",
    safetensors_bytes({k: st_entry(v) for k, v in st_plain.items()}, {"format": "np"}),
    {"tensors": {"$dict": [[k, enc(v)] for k, v in st_plain.items()]}, "metadata": {"format": "np"}},
)

st_wide = collections.OrderedDict(
    [
        ("h", np.array([1.5, -0.25, 65504.0], dtype="<f2")),
        ("u8", np.array([1, 255], dtype="u1")),
        ("i16", np.array([-300, 300], dtype="<i2")),
        ("f64", np.array([math.pi], dtype="<f8")),
    ]
)
wide = {k: st_entry(v) for k, v in st_wide.items()}
# bfloat16: the upper 16 bits of float32 values that bfloat16 represents exactly.
bf_vals = np.array([1.0, -2.5, 0.15625], dtype="<f4")
wide["bf"] = ("BF16", (3,), (bf_vals.view("<u4") >> 16).astype("<u2").tobytes())
put_bytes(
    "wide.safetensors",
    safetensors_bytes(wide),
    {
        "tensors": {"$dict": [[k, enc(v)] for k, v in st_wide.items()] + [["bf", {"$nd": {"dtype": "float32", "source": "bfloat16", "shape": [3], "data": [repr(float(x)) for x in bf_vals]}}]]},
        "metadata": None,
    },
)

with open(os.path.join(OUT, "expected.json"), "w") as f:
    json.dump(
        {"numpy": np.__version__, "python": sys.version.split()[0], "values": expected},
        f,
        sort_keys=True,
        separators=(",", ":"),
    )
print(f"wrote {len(written)} fixtures and expected.json to {os.path.normpath(OUT)}")

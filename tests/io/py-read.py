#!/usr/bin/env python3
"""Reads a file the TypeScript writer produced and prints its value as tagged JSON (stdout).

    py-read.py pickle FILE       pickle.load (plain CPython + NumPy), the value as written
    py-read.py paddle FILE       pickle.load(f, encoding='latin1'), as paddle.load reads it
    py-read.py safetensors FILE  a reference-style safetensors reader (json + struct + NumPy)
    py-read.py redump P FILE     loads FILE and prints (hex) what CPython's pickle.dumps(value,
                                 protocol=P) writes for it, with NumPy's _reconstruct named
                                 numpy.core.multiarray as NumPy 1.x (and our writer) name it

The tagged form is the one of scripts/make-io-fixtures.py ($int, $float, $nd, ...). The pickle
modes also fail (exit 1) if the file names a global outside the state-dict allow-list, so a test
sees when the writer emits anything but NumPy arrays, dtypes, OrderedDict and bytes.
"""
import io
import json
import math
import pickle
import struct
import sys

import numpy as np

ALLOWED = {
    ("numpy.core.multiarray", "_reconstruct"),
    ("numpy._core.multiarray", "_reconstruct"),
    ("numpy", "ndarray"),
    ("numpy", "dtype"),
    ("_codecs", "encode"),
    ("builtins", "bytes"),
    ("__builtin__", "bytes"),
    ("collections", "OrderedDict"),
}


class Strict(pickle.Unpickler):
    def find_class(self, module, name):
        if (module, name) not in ALLOWED:
            raise pickle.UnpicklingError(f"global {module}.{name} is not allowed")
        return super().find_class(module, name)


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


def enc(v):
    if v is None:
        return None
    if isinstance(v, (bool, np.bool_)):
        return {"$bool": bool(v)}
    if isinstance(v, np.ndarray):
        kind = v.dtype.kind
        flat = np.ascontiguousarray(v).reshape(-1)
        return {
            "$nd": {
                "dtype": str(v.dtype),
                "source": None,
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


def read_safetensors(data):
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + n].decode("utf-8"))
    meta = header.pop("__metadata__", None)
    types = {"BOOL": "?", "I32": "<i4", "F32": "<f4", "F64": "<f8", "I64": "<i8"}
    body = data[8 + n :]
    items = sorted(header.items(), key=lambda kv: kv[1]["data_offsets"])
    pos = 0
    out = {}
    for name, info in items:
        b, e = info["data_offsets"]
        assert b == pos, "offsets must tile the data section"
        arr = np.frombuffer(body[b:e], dtype=types[info["dtype"]]).reshape(info["shape"])
        assert arr.nbytes == e - b
        out[name] = arr
        pos = e
    assert pos == len(body), "data section fully covered"
    assert (8 + n) % 8 == 0, "header padded to 8 bytes"
    return {"tensors": enc(out), "metadata": meta}


def main():
    mode, path = sys.argv[1], sys.argv[-1]
    if mode == "redump":
        core = getattr(np, "_core", None)  # NumPy 2; NumPy 1.x already says numpy.core
        if core is not None:
            core.multiarray._reconstruct.__module__ = "numpy.core.multiarray"
        with open(path, "rb") as f:
            value = Strict(f).load()
        sys.stdout.write(pickle.dumps(value, protocol=int(sys.argv[2])).hex())
        return
    with open(path, "rb") as f:
        data = f.read()
    if mode == "safetensors":
        print(json.dumps(read_safetensors(data)))
        return
    kwargs = {"encoding": "latin1"} if mode == "paddle" else {}
    value = Strict(io.BytesIO(data), **kwargs).load()
    print(json.dumps(enc(value)))


main()

#!/usr/bin/env python3
"""Converts NAS-Bench-Graph's light tables (PyPI nas-bench-graph==1.4.0) into a CSV that NASKit's Swift importer
reads (`nasrun import graph`, GraphTableImporter), and records their provenance.

Usage: Scripts/import-graph.py WHEEL OUTPUT_DIR

WHEEL is nas_bench_graph-1.4.0-py3-none-any.whl as `pip download nas-bench-graph==1.4.0 --no-deps` fetches it.
The script checks the wheel's SHA-256 and each nas_bench_graph/light/<dataset>.bench member's SHA-256 against
the pinned values below before reading it, and reads the pickles with an unpickler that admits only the two
numpy globals they use (numpy.dtype('f8') and numpy.core.multiarray.scalar, rebuilt here as a little-endian
double), so neither numpy nor arbitrary pickle code runs. It writes, deterministically:

- OUTPUT_DIR/nas-bench-graph-light.csv: `dataset,key,valid_perf,perf,latency,para`, datasets in the benchmark's
  order, keys ascending, every number in Python's shortest round-trip form (repr), so Swift's Double(String)
  reads back the same bits;
- OUTPUT_DIR/nas-bench-graph-light.json: the source package, the wheel's and every member's SHA-256, and the
  row count of each dataset.

It then reads the CSV back and checks every value against the pickles, bit for bit.
Standard library only.
"""
import csv
import hashlib
import io
import json
import math
import os
import pickle
import struct
import sys
import zipfile

PACKAGE = "nas-bench-graph"
VERSION = "1.4.0"
WHEEL_NAME = "nas_bench_graph-1.4.0-py3-none-any.whl"
WHEEL_SHA256 = "f6ea43836262f1ee8d60c35bbbd20aa2536ee1f8492025e3b0b90096f5afc6ad"
DATASETS = ["cora", "citeseer", "pubmed", "cs", "physics", "photo", "computers", "arxiv", "proteins"]
MEMBER_SHA256 = {
    "cora": "5e69b2f9bb08d8927d9ffd4921f8494a3cea349c9c3a461334cb9dc9e11701a8",
    "citeseer": "99c7f79b73372636305bf73fb32a58b63c57bd1871a152dd62ec72d984c8c50f",
    "pubmed": "10b4dcf6cfd3a24f6059f7d541a4a872960b4adac0b3dba26abed1bb9a3d904d",
    "cs": "71ae8469930517160b024f52db6000a4897f1aff5d765beb27bb60952ed5bd31",
    "physics": "1e309bafee0b832c8b84fa3c039c36992bc0a910238b128f26b7e9190d7f2aea",
    "photo": "5511b4dc3f63fa988792177227db7901290fb9b27fc6c02e3036b29e134ed6df",
    "computers": "fdb3dc0cf405d62322f0ab9614b2083c2a5e6576c2f43e4f2214be64bc62b1b3",
    "arxiv": "7ee21a7653297a806c0ed1be3efe6ecc06acc84e48e942da0bfde0e5d287debe",
    "proteins": "b9e7fb0902bda44fec32c948e5fde822fb22d38d674c52e43ace5197378f2d21",
}
FIELDS = ["valid_perf", "perf", "latency", "para"]
CSV_NAME = "nas-bench-graph-light.csv"
JSON_NAME = "nas-bench-graph-light.json"


class ConversionError(Exception):
    pass


class Float64DType:
    """Stands in for numpy.dtype('f8') while unpickling; accepts only a little-endian float64."""

    def __init__(self, name, align=False, copy=True):
        if name != "f8":
            raise ConversionError("unexpected numpy dtype %r (only f8 is expected)" % (name,))

    def __setstate__(self, state):
        if not isinstance(state, tuple) or len(state) < 2 or state[1] != "<":
            raise ConversionError("unexpected numpy dtype state %r (expected a little-endian f8)" % (state,))


def float64_scalar(dtype, data):
    """Stands in for numpy.core.multiarray.scalar: the double whose 8 little-endian bytes are `data`."""
    if not isinstance(dtype, Float64DType) or not isinstance(data, bytes) or len(data) != 8:
        raise ConversionError("unexpected numpy scalar (%r, %r)" % (dtype, data))
    return struct.unpack("<d", data)[0]


class BenchUnpickler(pickle.Unpickler):
    ALLOWED = {("numpy.core.multiarray", "scalar"): float64_scalar, ("numpy", "dtype"): Float64DType}

    def find_class(self, module, name):
        if (module, name) in self.ALLOWED:
            return self.ALLOWED[(module, name)]
        raise ConversionError("the pickle refers to %s.%s, which a .bench file never needs" % (module, name))


def load_bench(data, label):
    """The {key: {field: float}} dictionary of one .bench file, with its structure checked."""
    try:
        bench = BenchUnpickler(io.BytesIO(data)).load()
    except (pickle.UnpicklingError, EOFError, ValueError) as error:
        raise ConversionError("%s is not a readable pickle: %s" % (label, error))
    if not isinstance(bench, dict) or not bench:
        raise ConversionError("%s does not hold a non-empty dictionary" % label)
    for key, record in bench.items():
        if type(key) is not int or not 0 <= key <= 88888:
            raise ConversionError("%s: key %r is not a benchmark hash (an integer in 0...88888)" % (label, key))
        if not isinstance(record, dict) or sorted(record) != sorted(FIELDS):
            raise ConversionError("%s: key %d holds %r, expected the fields %s" % (label, key, record, FIELDS))
        for field in FIELDS:
            value = record[field]
            if type(value) is not float or not math.isfinite(value):
                raise ConversionError("%s: key %d field %s is %r, not a finite number" % (label, key, field, value))
    return bench


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    wheel_path, output_dir = sys.argv[1], sys.argv[2]
    with open(wheel_path, "rb") as file:
        wheel = file.read()
    if sha256(wheel) != WHEEL_SHA256:
        raise ConversionError("%s has SHA-256 %s, not the pinned %s of %s==%s; download it again with "
                              "pip download %s==%s --no-deps" % (wheel_path, sha256(wheel), WHEEL_SHA256, PACKAGE,
                                                                   VERSION, PACKAGE, VERSION))
    benches = {}
    members = {}
    with zipfile.ZipFile(io.BytesIO(wheel)) as archive:
        for dataset in DATASETS:
            member = "nas_bench_graph/light/%s.bench" % dataset
            data = archive.read(member)
            if sha256(data) != MEMBER_SHA256[dataset]:
                raise ConversionError("%s in %s has SHA-256 %s, not the pinned %s" % (member, wheel_path, sha256(data),
                                                                                    MEMBER_SHA256[dataset]))
            benches[dataset] = load_bench(data, member)
            members[dataset] = {"file": member, "sha256": MEMBER_SHA256[dataset], "rows": len(benches[dataset])}

    os.makedirs(output_dir, exist_ok=True)
    csv_path = os.path.join(output_dir, CSV_NAME)
    with open(csv_path, "w", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["dataset", "key"] + FIELDS)
        for dataset in DATASETS:
            for key in sorted(benches[dataset]):
                writer.writerow([dataset, key] + [repr(benches[dataset][key][field]) for field in FIELDS])

    # Read the CSV back: every value must be the pickle's value, bit for bit.
    seen = {dataset: 0 for dataset in DATASETS}
    with open(csv_path, newline="") as file:
        rows = csv.reader(file)
        if next(rows) != ["dataset", "key"] + FIELDS:
            raise ConversionError("%s: header changed while writing" % csv_path)
        for row in rows:
            dataset, key = row[0], int(row[1])
            record = benches[dataset][key]
            for field, text in zip(FIELDS, row[2:]):
                if struct.pack("<d", float(text)) != struct.pack("<d", record[field]):
                    raise ConversionError("%s: %s %d %s reads back as %s, the pickle holds %r"
                                          % (csv_path, dataset, key, field, text, record[field]))
            seen[dataset] += 1
    for dataset in DATASETS:
        if seen[dataset] != len(benches[dataset]):
            raise ConversionError("%s: %d rows of %s, the pickle has %d" % (csv_path, seen[dataset], dataset,
                                                                           len(benches[dataset])))

    provenance = {
        "source": "PyPI %s==%s" % (PACKAGE, VERSION),
        "wheel": WHEEL_NAME,
        "wheel_sha256": WHEEL_SHA256,
        "datasets": members,
        "csv": CSV_NAME,
        "csv_sha256": sha256(open(csv_path, "rb").read()),
        "converter": "Scripts/import-graph.py",
    }
    with open(os.path.join(output_dir, JSON_NAME), "w") as file:
        json.dump(provenance, file, indent=2, sort_keys=True)
        file.write("\n")
    total = sum(len(bench) for bench in benches.values())
    print("import-graph.py: %d rows of %d datasets (%s) written to %s and checked against the pickles"
          % (total, len(DATASETS), ", ".join("%s %d" % (d, len(benches[d])) for d in DATASETS), csv_path))


if __name__ == "__main__":
    try:
        main()
    except (ConversionError, OSError, KeyError, zipfile.BadZipFile) as error:
        sys.exit("import-graph.py: %s" % error)

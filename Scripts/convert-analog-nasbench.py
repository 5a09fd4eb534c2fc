#!/usr/bin/env python3
"""Converts AnalogNAS-Bench's pickle to a plain CSV that `nasrun import nb201-analog` reads.

Source: PyPI analog-nasbench==0.1.3 (wheel analog_nasbench-0.1.3-py3-none-any.whl), file analognasbench/data.anb:
a pickle of a dict from NASLib-order 6-tuples (edges 1<-0, 2<-0, 3<-0, 2<-1, 3<-1, 3<-2; ops 0 skip_connect,
1 none, 2 nor_conv_3x3, 3 nor_conv_1x1, 4 avg_pool_3x3) to `analognasbench.data.Architecture` objects holding
floats and `DriftMeasurement(value, uncertainty)` objects.

Python is used only because only Python reads pickles. The pickle is read with an unpickler that admits exactly
the package's two record classes (as inert stand-ins) and nothing else, so no code from the file runs. Nothing is
interpreted here: each record's numbers are written as they are, with `repr` (which reads back to the same
double), one row per key in the pickle's order (sorted tuples). The Swift importer converts the tuples to
NAS-Bench-201 cells and checks and writes the table.

Usage: convert-analog-nasbench.py analog_nasbench-0.1.3-py3-none-any.whl data/analognasbench/analog-nasbench-0.1.3.csv
       (or the path of data.anb itself instead of the wheel)
Standard library only. Deterministic: the same input gives the same bytes.
"""
import hashlib
import io
import math
import os
import pickle
import sys
import zipfile

WHEEL_SHA256 = "f7d4e56e416d249d25555b867a6d7c72886fa9d85a49bd1870708acbf5ee6fe2"
DATA_SHA256 = "85f3435b877aa2d36268d55ce07f6ff6d73643d17a840f1941745da5eb80db32"
DATA_MEMBER = "analognasbench/data.anb"
RECORD_COUNT = 15625

ACCURACIES = ["baseline_accuracy", "ptq_accuracy", "qat_accuracy", "noisy_accuracy", "analog_accuracy"]
DRIFTS = [f"{kind}_drift_{seconds}" for kind in ("baseline", "analog") for seconds in (60, 3600, 86400, 2592000)]
HEADER = ["naslib_tuple"] + ACCURACIES + [name + suffix for name in DRIFTS for suffix in ("", "_uncertainty")]


class Record:
    """Stand-in for analognasbench.data.Architecture and DriftMeasurement: holds the pickled attributes only."""


class RecordUnpickler(pickle.Unpickler):
    ALLOWED = {("analognasbench.data", "Architecture"), ("analognasbench.data", "DriftMeasurement")}

    def find_class(self, module, name):
        if (module, name) in self.ALLOWED:
            return type(name, (Record,), {})
        raise pickle.UnpicklingError(f"data.anb refers to {module}.{name}; only the package's records are read")


def fail(message):
    sys.exit(f"error: {message}")


def read_source(path):
    """The bytes of data.anb, from the wheel or the file itself, with their checksums checked."""
    with open(path, "rb") as handle:
        raw = handle.read()
    if path.endswith(".whl"):
        digest = hashlib.sha256(raw).hexdigest()
        if digest != WHEEL_SHA256:
            fail(f"{path} has SHA-256 {digest}, not the pinned {WHEEL_SHA256} (analog-nasbench==0.1.3)")
        with zipfile.ZipFile(io.BytesIO(raw)) as wheel:
            raw = wheel.read(DATA_MEMBER)
    digest = hashlib.sha256(raw).hexdigest()
    if digest != DATA_SHA256:
        fail(f"{DATA_MEMBER} has SHA-256 {digest}, not the pinned {DATA_SHA256} (analog-nasbench==0.1.3)")
    return raw


def number(value, where):
    if type(value) is not float or not math.isfinite(value):
        fail(f"{where} is {value!r}, not a finite float")
    return repr(value)


def main():
    if len(sys.argv) != 3:
        fail("usage: convert-analog-nasbench.py WHEEL_OR_DATA_ANB OUTPUT_CSV")
    source, output = sys.argv[1], sys.argv[2]
    records = RecordUnpickler(io.BytesIO(read_source(source))).load()
    if type(records) is not dict or len(records) != RECORD_COUNT:
        fail(f"{DATA_MEMBER} holds {type(records).__name__} of {len(records)} entries, not {RECORD_COUNT} records")
    lines = [",".join(HEADER)]
    for key, record in records.items():
        if type(key) is not tuple or len(key) != 6 or any(type(op) is not int or not 0 <= op <= 4 for op in key):
            fail(f"key {key!r} is not a NASLib 6-tuple of operations 0...4")
        fields = vars(record)
        if fields.get("architecture") != key:
            fail(f"the record of {key} names the architecture {fields.get('architecture')!r}")
        row = ["-".join(map(str, key))]
        row += [number(fields[name], f"{key} {name}") for name in ACCURACIES]
        for name in DRIFTS:
            drift = vars(fields[name])
            row += [number(drift["value"], f"{key} {name}"), number(drift["uncertainty"], f"{key} {name}")]
        lines.append(",".join(row))
    if len(set(records)) != RECORD_COUNT:
        fail("the keys are not distinct")
    os.makedirs(os.path.dirname(output) or ".", exist_ok=True)
    with open(output + ".partial", "w", newline="\n") as handle:
        handle.write("\n".join(lines) + "\n")
    os.replace(output + ".partial", output)
    print(f"wrote {output}: {len(records)} records")


if __name__ == "__main__":
    main()

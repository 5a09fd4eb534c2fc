#!/usr/bin/env python3
"""Converts the official NATS-Bench topology benchmark (NAS-Bench-201's successor, same 15,625 cells) into a
NASKit tabular source directory, which `nasrun import directory` turns into an HDF5 table.

For users who have the official files; they are large and are not on NASKit's machines. Only the three-cell
sample that NATS-Bench ships for its own tests (fake_torch_dir/NATS-tss-v1_0-3ffb9-simple, cells 0, 11 and 284)
has been converted here: see Docs/TabularBenchmarks.md.

Input: the benchmark as NATS-Bench distributes it, read through its official API (PyPI nats_bench==1.8,
`pip install nats_bench==1.8`; the API needs no PyTorch):
  - NATS-tss-v1_0-3ffb9-simple/   (a directory of per-cell archives; fast mode), or
  - NATS-tss-v1_0-3ffb9-full      (a single archive; slow, loads everything).
NAS-Bench-201's own .pth files (NAS-Bench-201-v1_0-e61699.pth, v1_1-096897.pth) need PyTorch to unpickle; the
NATS-Bench topology files hold the same cells (v1.0 of NATS-Bench's tss), so convert those instead.

What is read, for every cell and each dataset (cifar10-valid, cifar10, cifar100, ImageNet16-120), with
get_more_info(index, dataset, hp, is_random=False) (the mean over the benchmark's seeds):
  hp="12" and hp="200"  -> metrics with epochs [12, 200] (epoch_meaning "budget": two separate trainings)
    train_accuracy, train_loss, valid_accuracy, valid_loss, test_accuracy, test_loss, valtest_accuracy,
    valtest_loss (the set names are the API's: test is ori-test for cifar10 and cifar10-valid, x-test otherwise),
    train_time (the API's train-all-time: seconds of training, as measured by the benchmark's authors)
  with --curves, hp="200" at every epoch 1..200 (get_more_info(..., iepoch=e-1)) -> the same metrics with the
    suffix _curve (epoch_meaning "curve"), and train_time at every epoch 1..200
  get_cost_info(index, dataset, hp="200") -> flops (M), params (MB, i.e. millions), latency (s) as final values
A value the API does not give (cifar10 has no validation split) is written as nan; a metric missing for every cell
of a dataset is left out.

Output (all text, deterministic: the same input gives the same bytes):
  DIR/manifest.json        the table's metadata and one entry per metric (see Docs/TabularBenchmarks.md)
  DIR/rows.csv             "index,arch": each row's NAS-Bench-201 index and cell
  DIR/<dataset>/<metric>.csv  one line per row, one value per stored epoch, written with repr (exact)

Usage: convert-nats-bench.py BENCHMARK_PATH OUTPUT_DIR [--curves] [--indices 0,11,284]
"""
import argparse
import hashlib
import json
import math
import os
import sys

DATASETS = ["cifar10-valid", "cifar10", "cifar100", "ImageNet16-120"]
BUDGETS = [12, 200]
SETS = [("train", "train"), ("valid", "valid"), ("test", "test"), ("valtest", "valtest")]
DATASET_DESCRIPTIONS = {
    "cifar10-valid": "CIFAR-10 trained on the train split; valid is x-valid, test is ori-test.",
    "cifar10": "CIFAR-10 trained on train+valid; test is ori-test (no validation split).",
    "cifar100": "CIFAR-100 trained on train; valid is x-valid, test is x-test, valtest is ori-test (both halves).",
    "ImageNet16-120": "ImageNet16-120 trained on train; valid is x-valid, test is x-test, valtest is ori-test.",
}
SET_MEANINGS = {
    "train": "on the training data",
    "valid": "on the validation split (x-valid)",
    "test": "on the test split (ori-test for CIFAR-10, x-test otherwise)",
    "valtest": "on the whole original test set (ori-test: x-valid and x-test together)",
}


def fail(message):
    sys.exit(f"error: {message}")


def checksum(path):
    """SHA-256 of a file; of a directory, SHA-256 of its `sha256sum`-style listing ("<hex>  <name>\\n" per file,
    sorted by name), so that the whole archive directory has one checksum."""
    if os.path.isfile(path):
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()
    lines = []
    for name in sorted(os.listdir(path)):
        full = os.path.join(path, name)
        if os.path.isfile(full):
            lines.append(f"{checksum(full)}  {name}\n")
    return hashlib.sha256("".join(lines).encode()).hexdigest()


def value(info, key):
    """A float from the API's dict, or nan when the API has none."""
    number = info.get(key) if info is not None else None
    if number is None:
        return math.nan
    number = float(number)
    return number if math.isfinite(number) else math.nan


def text(number):
    return "nan" if math.isnan(number) else repr(number)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("benchmark", help="NATS-tss-v1_0-3ffb9-simple (directory) or NATS-tss-v1_0-3ffb9-full")
    parser.add_argument("output", help="the directory to write")
    parser.add_argument("--curves", action="store_true", help="also every epoch of the 200-epoch runs")
    parser.add_argument("--indices", help="convert only these comma-separated cell indices (a partial table)")
    arguments = parser.parse_args()

    try:
        import nats_bench
    except ImportError:
        fail("the official API is needed: pip install nats_bench==1.8")
    fast = os.path.isdir(arguments.benchmark)
    api = nats_bench.create(arguments.benchmark, "tss", fast_mode=fast, verbose=False)
    indices = list(range(len(api)))
    if arguments.indices:
        indices = [int(part) for part in arguments.indices.split(",")]
    if len(api) != 15625:
        fail(f"the benchmark lists {len(api)} cells, not NAS-Bench-201's 15,625")

    columns = {}  # (dataset, metric) -> list of per-row lists of values
    curve_epochs = list(range(1, 201))

    def put(dataset, metric, row_values):
        columns.setdefault((dataset, metric), []).append(row_values)

    rows = []
    for count, index in enumerate(indices):
        rows.append(f"{index},{api.arch(index)}")
        for dataset in DATASETS:
            finals = {budget: api.get_more_info(index, dataset, hp=str(budget), is_random=False) for budget in BUDGETS}
            for prefix, _ in SETS:
                for quantity in ("accuracy", "loss"):
                    put(dataset, f"{prefix}_{quantity}", [value(finals[b], f"{prefix}-{quantity}") for b in BUDGETS])
            put(dataset, "train_time", [value(finals[b], "train-all-time") for b in BUDGETS])
            if arguments.curves:
                per_epoch = [api.get_more_info(index, dataset, iepoch=e - 1, hp="200", is_random=False)
                             for e in curve_epochs]
                for prefix, _ in SETS:
                    for quantity in ("accuracy", "loss"):
                        put(dataset, f"{prefix}_{quantity}_curve",
                            [value(info, f"{prefix}-{quantity}") for info in per_epoch])
                put(dataset, "train_time_curve", [value(info, "train-all-time") for info in per_epoch])
            cost = api.get_cost_info(index, dataset, hp="200")
            for key in ("flops", "params", "latency"):
                put(dataset, key, [value(cost, key)])
        if count % 500 == 0:
            print(f"{count + 1}/{len(indices)} cells", file=sys.stderr)

    metrics = []
    os.makedirs(arguments.output, exist_ok=True)
    for (dataset, metric), values in sorted(columns.items()):
        if all(math.isnan(number) for row in values for number in row):
            continue  # e.g. cifar10 has no validation split
        curve = metric.endswith("_curve")
        final = metric in ("flops", "params", "latency")
        base = metric[: -len("_curve")] if curve else metric
        if base == "train_time":
            unit, direction = "s", None
            meaning = "cumulative training time in seconds (the API's train-all-time, measured by the authors)"
        elif final:
            unit = {"flops": "MFLOPs", "params": "M parameters", "latency": "s"}[metric]
            direction = "minimize" if metric == "latency" else None
            meaning = {"flops": "floating-point operations of the network (millions), as the benchmark counts them",
                       "params": "parameters of the network (millions; the API calls them MB)",
                       "latency": "inference latency in seconds as the benchmark measured it (batch 256)"}[metric]
        else:
            set_name, quantity = base.rsplit("_", 1)
            unit = "%" if quantity == "accuracy" else "nats"
            direction = "maximize" if quantity == "accuracy" else "minimize"
            meaning = f"top-1 {quantity} {SET_MEANINGS[set_name]}, mean over the benchmark's seeds"
        if curve:
            epochs, epoch_meaning, source = curve_epochs, "curve", "get_more_info(hp='200', iepoch=epoch-1)"
            meaning += ", at each epoch of the 200-epoch run"
        elif final:
            epochs, epoch_meaning, source = None, None, "get_cost_info(hp='200')"
        else:
            epochs, epoch_meaning, source = BUDGETS, "budget", "get_more_info(hp='12'), get_more_info(hp='200')"
            meaning += ", after training runs of 12 and of 200 epochs"
        relative = f"{dataset}/{metric}.csv"
        os.makedirs(os.path.join(arguments.output, dataset), exist_ok=True)
        with open(os.path.join(arguments.output, relative), "w", newline="\n") as handle:
            handle.write("".join(",".join(text(number) for number in row) + "\n" for row in values))
        entry = {"dataset": dataset, "name": metric, "unit": unit, "description": meaning[0].upper() + meaning[1:],
                 "source": f"NATS-Bench API {source}", "file": relative}
        if epochs is not None:
            entry["epochs"] = epochs
            entry["epoch_meaning"] = epoch_meaning
        if direction is not None:
            entry["direction"] = direction
        metrics.append(entry)

    partial = "" if len(indices) == len(api) else f" ({len(indices)} of the 15,625 cells)"
    manifest = {
        "format": "naskit-tabular-source",
        "version": 1,
        "space": "nb201",
        "description": "NATS-Bench topology search space (NAS-Bench-201's 15,625 cells), read with the official "
                       f"API{partial}: accuracies and losses after 12 and 200 epochs, training times, costs.",
        "source": f"NATS-Bench tss {os.path.basename(os.path.normpath(arguments.benchmark))} via nats_bench=="
                  f"{nats_bench.version().lstrip('v')}",
        "source_file": os.path.basename(os.path.normpath(arguments.benchmark)),
        "source_sha256": checksum(arguments.benchmark),
        "import_command": "Scripts/convert-nats-bench.py, then nasrun import directory",
        "rows": "rows.csv",
        "datasets": {dataset: DATASET_DESCRIPTIONS[dataset] for dataset in DATASETS
                     if any(entry["dataset"] == dataset for entry in metrics)},
        "metrics": metrics,
    }
    with open(os.path.join(arguments.output, "rows.csv"), "w", newline="\n") as handle:
        handle.write("index,arch\n" + "".join(row + "\n" for row in rows))
    with open(os.path.join(arguments.output, "manifest.json"), "w", newline="\n") as handle:
        json.dump(manifest, handle, indent=1, sort_keys=True)
        handle.write("\n")
    print(f"wrote {arguments.output}: {len(rows)} cells, {len(metrics)} metrics")


if __name__ == "__main__":
    main()

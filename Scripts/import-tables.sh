#!/usr/bin/env bash
# Builds the tabular benchmarks in data/tables/ from pinned published data (see SearchSpaces/nb201/provenance.json
# and Docs/TabularBenchmarks.md). Scripts/setup.sh runs it after the release build; it is safe to run again (the
# tables are rebuilt, with the same contents).
#   nb201.h5         NAS-Bench-201 from nb201_tss.csv in the shared data folder ($NASKIT_SHARED_DATA, default
#                    ../shared/data), when present: the default NB201 table.
#   nb201-analog.h5  AnalogNAS-Bench from PyPI analog-nasbench==0.1.3: always; the default NB201 table where the
#                    shared folder is absent.
set -euo pipefail
cd "$(dirname "$0")/.."

nasrun=${NASRUN:-.build/release/nasrun}
shared=${NASKIT_SHARED_DATA:-../shared/data}
if [ ! -x "$nasrun" ]; then
    echo "error: $nasrun not found; build it first (swift build -c release)" >&2
    exit 1
fi
mkdir -p data/tables

csv="$shared/nb201/nb201_tss.csv"
if [ -f "$csv" ]; then
    echo "== nb201.h5 from $csv"
    "$nasrun" import nb201 --csv "$csv" --output data/tables/nb201.h5
else
    echo "== nb201.h5 skipped: no $csv (set NASKIT_SHARED_DATA to the folder holding nb201/nb201_tss.csv;"
    echo "   SearchSpaces/nb201/provenance.json names its public sources); nb201-analog.h5 is the default NB201 table"
fi

analog=data/analognasbench/analog-nasbench-0.1.3.csv
if [ ! -f "$analog" ]; then
    scratch=$(mktemp -d)
    trap 'rm -rf "$scratch"' EXIT
    python3 -m pip download --quiet --no-deps --only-binary=:all: analog-nasbench==0.1.3 -d "$scratch"
    python3 Scripts/convert-analog-nasbench.py "$scratch/analog_nasbench-0.1.3-py3-none-any.whl" "$analog"
fi
echo "== nb201-analog.h5 from $analog"
"$nasrun" import nb201-analog --csv "$analog" --output data/tables/nb201-analog.h5

# nb201-fashion-mnist.h5: NB201 cells trained by NASKit's engine on Fashion-MNIST (nasrun tabulate; provenance in
# SearchSpaces/nb201/fashion-mnist/README.md). The repository holds the tabulation's rows (one JSON file per
# trained cell, with its specification); the table is merged from the first $fashion_cells cells of the seeded
# sample, the prefix that was trained. The rows are unpacked into data/tabulations/, where `nasrun tabulate` with
# the README's options continues the tabulation.
fashion_rows=SearchSpaces/nb201/fashion-mnist/tabulation-rows.tar.gz
fashion_cells=$(cat SearchSpaces/nb201/fashion-mnist/merged-cells)
tabulation=data/tabulations/nb201-fashion-mnist
if [ ! -f "$tabulation/tabulation.json" ]; then
    mkdir -p "$tabulation"
    tar -xzf "$fashion_rows" -C "$tabulation"
fi
echo "== nb201-fashion-mnist.h5 from $fashion_rows ($fashion_cells cells)"
"$nasrun" tabulate-merge "$tabulation" --prefix "$fashion_cells" --output data/tables/nb201-fashion-mnist.h5

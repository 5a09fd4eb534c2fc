#!/usr/bin/env bash
# Builds the NAS-Bench-Graph tables from PyPI nas-bench-graph==1.4.0 (SearchSpaces/graph/provenance.json):
#   data/tables/graph.h5           space graph: 26,206 architectures on cora, citeseer, pubmed, cs, physics, photo,
#                                  computers and arxiv
#   data/tables/graph-proteins.h5  space graph-proteins: 2,021 architectures on ogbn-proteins
# Steps: download the wheel into data/graph/ (once), convert its light/*.bench pickles to
# data/graph/nas-bench-graph-light.csv with Scripts/import-graph.py (checks the pinned SHA-256s, standard library
# only), then `nasrun import graph` writes both tables, reads them back and compares every value.
# Safe to run again: the download is kept, and the tables are rebuilt with the same contents.
set -euo pipefail
cd "$(dirname "$0")/.."

nasrun=${NASRUN:-.build/release/nasrun}
if [ ! -x "$nasrun" ]; then
    echo "error: $nasrun not found; build it first (swift build -c release)" >&2
    exit 1
fi
mkdir -p data/graph data/tables

wheel=data/graph/nas_bench_graph-1.4.0-py3-none-any.whl
if [ ! -f "$wheel" ]; then
    python3 -m pip download --quiet --no-deps --only-binary=:all: nas-bench-graph==1.4.0 -d data/graph
fi
python3 Scripts/import-graph.py "$wheel" data/graph
echo "== graph.h5 and graph-proteins.h5 from data/graph/nas-bench-graph-light.csv"
"$nasrun" import graph --csv data/graph/nas-bench-graph-light.csv \
    --output data/tables/graph.h5 --proteins-output data/tables/graph-proteins.h5

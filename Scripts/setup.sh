#!/usr/bin/env bash
# NASKit set-up on a fresh Debian machine with Swift: system libraries, real datasets from package registries,
# and a release build. Safe to run again: every step checks before it works.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

echo "== system packages (Debian)"
sudo_if_needed apt-get update -qq
sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    pkg-config libopenblas-dev liblapacke-dev libhdf5-dev zlib1g-dev libxgboost-dev dataset-fashion-mnist >/dev/null

echo "== datasets"
Scripts/fetch-datasets.sh

echo "== release build"
swift build -c release

echo "== tabular benchmarks"
Scripts/import-tables.sh
Scripts/import-graph.sh
echo "set-up done: .build/release/nasrun, tables in data/tables/"

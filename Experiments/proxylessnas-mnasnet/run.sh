#!/usr/bin/env bash
# ProxylessNAS on the MnasNet-like space for a sweep of latency weights λ (per ms of expected latency), seed 0:
# one JSON per λ in Experiments/proxylessnas-mnasnet/runs/. Needs a latency table measured on the machine that
# runs it (nasrun latency-table --space mnasnet --output SearchSpaces/mnasnet/latency-table.json); a table from
# another machine is refused. A λ whose JSON exists is skipped, so the script resumes after an interruption.
set -euo pipefail
weights=${WEIGHTS:-"0 0.01 0.03 0.1 0.3"}
out=Experiments/proxylessnas-mnasnet/runs
mkdir -p "$out"
for weight in $weights; do
  file="$out/lambda-$weight.json"
  [[ -f "$file" ]] && continue
  ${NASRUN:-.build/release/nasrun} proxyless --latency-weight "$weight" --epochs 6 --examples 4000 \
    --train-epochs 5 --seed 0 --output "$file.partial" | tee "$out/lambda-$weight.log"
  mv "$file.partial" "$file"
done

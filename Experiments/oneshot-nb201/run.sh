#!/usr/bin/env bash
# Runs every one-shot method on the CPU-sized NB201 supernet for seeds 0-2 and writes one JSON per run to
# Experiments/oneshot-nb201/runs/. Run from the repository's root after Scripts/setup.sh. A run that has its JSON
# already is skipped, and an interrupted run resumes from its last finished epoch (--checkpoint).
set -euo pipefail
# Epochs per method are NAS-Bench-201's (xautodl configs/nas-benchmark/algos/*.config): DARTS 50, GDAS 240,
# random weight sharing 250, ENAS 310 (ENAS's own learning rate and batch size are not used: see README).
epochs_of() {
  case "$1" in
    darts-*) echo 50 ;; gdas) echo 240 ;; random-weight-sharing) echo 250 ;; enas) echo 310 ;;
  esac
}
methods=${METHODS:-"darts-first-order gdas random-weight-sharing darts-second-order"}
seeds=${SEEDS:-"0 1 2"}
out=Experiments/oneshot-nb201/runs
mkdir -p "$out"
for seed in $seeds; do
  for method in $methods; do
    file="$out/$method-seed$seed.json"
    [[ -f "$file" ]] && continue
    ${NASRUN:-.build/release/nasrun} oneshot --method "$method" --epochs "$(epochs_of "$method")" --seed "$seed" \
      --stem-channels 8 --cells-per-stage 1 --resolution 16 --output "$file.partial" \
      --checkpoint "$out/checkpoints/$method-seed$seed" \
      | tee "$out/$method-seed$seed.log"
    mv "$file.partial" "$file"
  done
done

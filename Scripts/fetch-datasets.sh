#!/usr/bin/env bash
# Obtains the real datasets that the engine trains on, from package registries, and checks their checksums.
#   Fashion-MNIST: Debian package dataset-fashion-mnist (0.0~git20200523.55506a9-1), read in place from
#                  /usr/share/datasets/fashion-mnist/.
#   UCI 8x8 digits: sklearn/datasets/data/digits.csv.gz inside PyPI's scikit-learn 1.9.1 wheel, copied to
#                  data/digits/digits.csv.gz.
set -euo pipefail
cd "$(dirname "$0")/.."

check() {  # check FILE SHA256
    local actual
    actual=$(sha256sum "$1" | cut -d' ' -f1)
    if [ "$actual" != "$2" ]; then
        echo "error: $1 has SHA-256 $actual, expected $2; delete it and run Scripts/fetch-datasets.sh again" >&2
        exit 1
    fi
}

fashion=/usr/share/datasets/fashion-mnist
check "$fashion/train-images-idx3-ubyte.gz" b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7
check "$fashion/train-labels-idx1-ubyte.gz" 0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056
check "$fashion/t10k-images-idx3-ubyte.gz" cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa
check "$fashion/t10k-labels-idx1-ubyte.gz" 8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05
echo "fashion-mnist: $fashion (checksums match)"

digits=data/digits/digits.csv.gz
if [ ! -f "$digits" ]; then
    scratch=$(mktemp -d)
    trap 'rm -rf "$scratch"' EXIT
    python3 -m pip download --quiet --no-deps --only-binary=:all: scikit-learn==1.9.1 -d "$scratch"
    mkdir -p data/digits
    python3 - "$scratch" "$digits" <<'PY'
import glob, sys, zipfile
wheel = glob.glob(sys.argv[1] + "/scikit_learn-1.9.1-*.whl")[0]
with zipfile.ZipFile(wheel) as archive, open(sys.argv[2], "wb") as out:
    out.write(archive.read("sklearn/datasets/data/digits.csv.gz"))
PY
fi
check "$digits" 09f66e6debdee2cd2b5ae59e0d6abbb73fc2b0e0185d2e1957e9ebb51e23aa22
echo "digits: $digits (checksum matches)"

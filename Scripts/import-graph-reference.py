#!/usr/bin/env python3
"""Reference digests of NAS-Bench-Graph's canonical hashing, for the Swift tests (GraphCanonicalTests).

Runs the benchmark's own `Arch.valid_hash` (nas_bench_graph/architecture.py of PyPI nas-bench-graph==1.4.0,
unpacked by Scripts/import-graph.sh) on every (links, operations) description and prints:

- the number of descriptions and the 64-bit FNV-1a of their keys, one decimal key and a newline each, in the
  order: the 24 valid link lists in lexicographic order (links[i] in 0...i), and for each the 9^4 operation
  tuples in lexicographic order of operation index (gat=0 ... skip=8), leaving out the four-skip tuple;
- the number of distinct keys and the FNV-1a of the sorted keys (one per line), for all nine operations and for
  the five of the ogbn-proteins table, and the same for the keys of each .bench file when --light is given;
- the first eight architectures that GraphSpace samples with Xoshiro256(seed: 0), from the benchmark's own
  `all_archs()` sorted by key and a transcription of NASKit's generator (SplitMix64 seeding, xoshiro256**,
  Lemire's bounded draw), for the golden list of GraphConformanceTests.

The Swift tests hold these numbers; this script is how they were made, and re-running it must print them again.
Usage: Scripts/import-graph-reference.py PACKAGE_DIR [--light]   (PACKAGE_DIR holds nas_bench_graph/)
"""
import contextlib
import importlib.util
import io
import itertools
import os
import sys

FNV_OFFSET = 0xCBF29CE484222325
FNV_PRIME = 0x100000001B3


def fnv1a64(text):
    value = FNV_OFFSET
    for byte in text.encode("utf-8"):
        value ^= byte
        value = (value * FNV_PRIME) & 0xFFFFFFFFFFFFFFFF
    return value


def digest(keys):
    return fnv1a64("".join("%d\n" % key for key in keys))


MASK = (1 << 64) - 1


class Xoshiro256:
    """NASKit's Seeding.Xoshiro256 (xoshiro256** seeded by SplitMix64) and uniformInt(below:)."""

    def __init__(self, seed):
        self.state = []
        splitmix = seed
        for _ in range(4):
            splitmix = (splitmix + 0x9E3779B97F4A7C15) & MASK
            z = splitmix
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
            self.state.append(z ^ (z >> 31))

    def next(self):
        s = self.state
        rotate = lambda value, amount: ((value << amount) | (value >> (64 - amount))) & MASK
        result = (rotate((s[1] * 5) & MASK, 7) * 9) & MASK
        shifted = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= shifted
        s[3] = rotate(s[3], 45)
        return result

    def uniform_int_below(self, bound):
        product = self.next() * bound
        if product & MASK < bound:
            threshold = ((1 << 64) - bound) % bound
            while product & MASK < threshold:
                product = self.next() * bound
        return product >> 64


def golden_samples(archs, link_list, gnn_list, operations, count=8):
    keys = sorted(arch.hash_arch() for arch in archs if operations is None or set(arch.ops) <= operations)
    generator = Xoshiro256(0)
    lines = []
    for _ in range(count):
        digits = "%05d" % keys[generator.uniform_int_below(len(keys))]
        links = link_list[int(digits[0])]
        names = [gnn_list[int(digit)] for digit in digits[1:]]
        lines.append("links=[%s] ops=%s  key %d" % (",".join(map(str, links)), ",".join(names), int(digits)))
    return lines


def load_converter():
    """Scripts/import-graph.py, whose restricted unpickler reads the .bench files without numpy."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "import-graph.py")
    spec = importlib.util.spec_from_file_location("import_graph", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.path.insert(0, sys.argv[1])
    from nas_bench_graph.architecture import Arch, all_archs, gnn_list, link_list  # the benchmark's own code

    proteins = {"gcn", "sage", "arma", "fc", "skip"}
    keys = []
    canonical_all = set()
    canonical_proteins = set()
    for links in itertools.product(range(1), range(2), range(3), range(4)):
        for operations in itertools.product(gnn_list, repeat=4):
            if all(name == "skip" for name in operations):
                continue
            key = Arch(list(links), list(operations)).valid_hash()
            keys.append(key)
            canonical_all.add(key)
            if set(operations) <= proteins:
                canonical_proteins.add(key)
    print("descriptions %d fnv1a64 0x%016X" % (len(keys), digest(keys)))
    print("keys (nine operations) %d fnv1a64 0x%016X" % (len(canonical_all), digest(sorted(canonical_all))))
    print("keys (proteins operations) %d fnv1a64 0x%016X" % (len(canonical_proteins), digest(sorted(canonical_proteins))))
    with contextlib.redirect_stdout(io.StringIO()):  # all_archs prints its count
        archs = all_archs()
    for label, operations in [("nine operations", None), ("proteins operations", proteins)]:
        print("seed 0 samples (%s):" % label)
        for line in golden_samples(archs, link_list, gnn_list, operations):
            print("  " + line)
    if "--light" in sys.argv:
        converter = load_converter()
        for dataset in converter.DATASETS:
            path = os.path.join(sys.argv[1], "nas_bench_graph", "light", dataset + ".bench")
            with open(path, "rb") as file:
                bench = converter.load_bench(file.read(), dataset + ".bench")
            print("%s.bench %d fnv1a64 0x%016X" % (dataset, len(bench), digest(sorted(bench))))


if __name__ == "__main__":
    main()

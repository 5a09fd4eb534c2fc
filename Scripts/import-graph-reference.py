#!/usr/bin/env python3
"""Reference digests of NAS-Bench-Graph's canonical hashing, for the Swift tests (GraphCanonicalTests).

Runs the benchmark's own `Arch.valid_hash` (nas_bench_graph/architecture.py of PyPI nas-bench-graph==1.4.0,
unpacked by Scripts/import-graph.sh) on every (links, operations) description and prints:

- the number of descriptions and the 64-bit FNV-1a of their keys, one decimal key and a newline each, in the
  order: the 24 valid link lists in lexicographic order (links[i] in 0...i), and for each the 9^4 operation
  tuples in lexicographic order of operation index (gat=0 ... skip=8), leaving out the four-skip tuple;
- the number of distinct keys and the FNV-1a of the sorted keys (one per line), for all nine operations and for
  the five of the ogbn-proteins table, and the same for the keys of each .bench file when --light is given.

The Swift tests hold these numbers; this script is how they were made, and re-running it must print them again.
Usage: Scripts/import-graph-reference.py PACKAGE_DIR [--light]   (PACKAGE_DIR holds nas_bench_graph/)
"""
import itertools
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


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.path.insert(0, sys.argv[1])
    from nas_bench_graph.architecture import Arch, gnn_list  # the benchmark's own code

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
    if "--light" in sys.argv:
        from nas_bench_graph.readbench import light_read
        for dataset in ["cora", "citeseer", "pubmed", "cs", "physics", "photo", "computers", "arxiv", "proteins"]:
            bench = light_read(dataset)
            print("%s.bench %d fnv1a64 0x%016X" % (dataset, len(bench), digest(sorted(bench))))


if __name__ == "__main__":
    main()

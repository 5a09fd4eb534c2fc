#!/usr/bin/env python3
"""PyTorch CPU reference for NASKit's engine benchmark (c): one training step of the NAS-Bench-201 network.

The network is written from the NAS-Bench-201 paper's description (Dong & Yang, ICLR 2020): a 3x3 conv stem with
16 channels and BN; three stages of 5 cells at 16/32/64 channels joined by residual reduction blocks; BN, ReLU,
global average pooling and a linear classifier. In a cell, node j sums op(node i) over i < j; ops are
ReLU-Conv-BN. `--network cell` makes every edge nor_conv_3x3; `--network supernet` makes every edge the
softmax-weighted sum of the five NAS-Bench-201 ops (none, skip_connect, nor_conv_1x1, nor_conv_3x3,
avg_pool_3x3), with BN without affine parameters or running statistics as in weight-sharing search.

Prints one JSON line: median seconds per step over the timed steps, and peak RSS.
Usage: python3 pytorch_nb201_step.py --network cell --threads 2 --batch 64 --steps 20
"""
import argparse
import json
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class ReLUConvBN(nn.Sequential):
    def __init__(self, c_in, c_out, kernel, stride, affine):
        super().__init__(
            nn.ReLU(),
            nn.Conv2d(c_in, c_out, kernel, stride, kernel // 2, bias=False),
            nn.BatchNorm2d(c_out, affine=affine, track_running_stats=affine),
        )


class MixedEdge(nn.Module):
    """Softmax-weighted sum of the five NAS-Bench-201 ops on one edge."""

    def __init__(self, c):
        super().__init__()
        self.conv1 = ReLUConvBN(c, c, 1, 1, affine=False)
        self.conv3 = ReLUConvBN(c, c, 3, 1, affine=False)
        self.pool = nn.AvgPool2d(3, 1, 1, count_include_pad=False)

    def forward(self, x, w):
        # w[0] weighs `none`, whose output is zero.
        return w[1] * x + w[2] * self.conv1(x) + w[3] * self.conv3(x) + w[4] * self.pool(x)


class Cell(nn.Module):
    def __init__(self, c, supernet):
        super().__init__()
        self.supernet = supernet
        make = (lambda: MixedEdge(c)) if supernet else (lambda: ReLUConvBN(c, c, 3, 1, affine=True))
        self.edges = nn.ModuleList([make() for _ in range(6)])  # (1,0) (2,0) (2,1) (3,0) (3,1) (3,2)

    def forward(self, x, alphas=None):
        nodes = [x]
        k = 0
        for j in range(1, 4):
            total = 0
            for i in range(j):
                edge = self.edges[k]
                total = total + (edge(nodes[i], F.softmax(alphas[k], 0)) if self.supernet else edge(nodes[i]))
                k += 1
            nodes.append(total)
        return nodes[3]


class ResidualReduction(nn.Module):
    def __init__(self, c_in, c_out, affine):
        super().__init__()
        self.a = ReLUConvBN(c_in, c_out, 3, 2, affine)
        self.b = ReLUConvBN(c_out, c_out, 3, 1, affine)
        self.shortcut = nn.Sequential(nn.AvgPool2d(2, 2), nn.Conv2d(c_in, c_out, 1, bias=False))

    def forward(self, x):
        return self.shortcut(x) + self.b(self.a(x))


class NB201Network(nn.Module):
    def __init__(self, supernet, classes=10):
        super().__init__()
        affine = not supernet
        self.stem = nn.Sequential(nn.Conv2d(3, 16, 3, padding=1, bias=False), nn.BatchNorm2d(16))
        layers = []
        for stage, c in enumerate([16, 32, 64]):
            if stage > 0:
                layers.append(ResidualReduction(c // 2, c, affine))
            layers += [Cell(c, supernet) for _ in range(5)]
        self.layers = nn.ModuleList(layers)
        self.head = nn.Sequential(nn.BatchNorm2d(64), nn.ReLU())
        self.classifier = nn.Linear(64, classes)
        self.supernet = supernet
        self.alphas = nn.Parameter(1e-3 * torch.randn(6, 5)) if supernet else None

    def forward(self, x):
        x = self.stem(x)
        for layer in self.layers:
            x = layer(x, self.alphas) if isinstance(layer, Cell) else layer(x)
        x = self.head(x)
        return self.classifier(F.adaptive_avg_pool2d(x, 1).flatten(1))


def peak_rss_mib():
    """Peak resident set size of this process (VmHWM). Not getrusage's ru_maxrss, which Linux carries over
    from the parent process across exec."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--network", choices=["cell", "supernet"], default="cell")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=3)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    model = NB201Network(supernet=args.network == "supernet")
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, weight_decay=5e-4, nesterov=True)
    images = torch.randn(args.batch, 3, 32, 32)
    labels = torch.randint(0, 10, (args.batch,))
    times = []
    for step in range(args.warmup + args.steps):
        start = time.perf_counter()
        optimizer.zero_grad(set_to_none=True)
        loss = F.cross_entropy(model(images), labels)
        loss.backward()
        optimizer.step()
        if step >= args.warmup:
            times.append(time.perf_counter() - start)
    times.sort()
    print(json.dumps({
        "network": args.network, "threads": args.threads, "batch": args.batch,
        "median_seconds": times[len(times) // 2],
        "peak_rss_mib": peak_rss_mib(),
        "torch": torch.__version__,
    }))


if __name__ == "__main__":
    main()

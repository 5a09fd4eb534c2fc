"""The MLP-ensemble fit of BANANAS in PyTorch, as a timing reference for SearchBenchmarks.

Written from the BANANAS paper (White, Neiswanger & Savani, AAAI 2021) and NASKit's MLPEnsembleConfiguration,
not from any implementation: `networks` fully connected networks of `layers` hidden ReLU layers of `width`
units and one linear output, Glorot-uniform weights and zero biases, each trained for `epochs` passes of
shuffled minibatches of `batch` rows with Adam (learning rate, betas 0.9 and 0.99, eps 1e-8) on the weighted
absolute error mean(w * |p - t|), the MAPE against a bound (w = 1 / (b - t)).

The data are synthetic with the shape of NB201's path encoding: `rows` binary vectors of length `inputs` with
up to four ones (one per input-to-output path), and standardized targets. Only the time matters here.

Prints one JSON line: {"median_seconds": s, "torch": version, "threads": n}, the median over `repetitions` fits
of the whole ensemble (after one untimed warm-up fit).
"""

import argparse
import json
import statistics
import time

import torch


def make_data(inputs, rows, generator):
    x = torch.zeros(rows, inputs)
    for row in range(rows):
        ones = torch.randint(0, inputs, (4,), generator=generator)
        x[row, ones] = 1.0
    targets = torch.randn(rows, generator=generator)
    targets = (targets - targets.mean()) / targets.std(unbiased=False)
    bound = targets.max() + 0.2
    weights = 1.0 / (bound - targets)
    return x, targets, weights


def make_network(inputs, layers, width):
    modules = []
    size = inputs
    for _ in range(layers):
        modules += [torch.nn.Linear(size, width), torch.nn.ReLU()]
        size = width
    modules.append(torch.nn.Linear(size, 1))
    network = torch.nn.Sequential(*modules)
    for module in network:
        if isinstance(module, torch.nn.Linear):
            torch.nn.init.xavier_uniform_(module.weight)
            torch.nn.init.zeros_(module.bias)
    return network


def fit_ensemble(x, targets, weights, arguments, generator):
    rows = x.shape[0]
    for _ in range(arguments.networks):
        network = make_network(arguments.inputs, arguments.layers, arguments.width)
        optimizer = torch.optim.Adam(network.parameters(), lr=arguments.learning_rate, betas=(0.9, 0.99), eps=1e-8)
        for _ in range(arguments.epochs):
            order = torch.randperm(rows, generator=generator)
            for start in range(0, rows, arguments.batch):
                batch = order[start:start + arguments.batch]
                optimizer.zero_grad()
                prediction = network(x[batch]).view(-1)
                loss = (weights[batch] * (prediction - targets[batch]).abs()).mean()
                loss.backward()
                optimizer.step()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--inputs", type=int, default=84)
    parser.add_argument("--rows", type=int, default=150)
    parser.add_argument("--networks", type=int, default=5)
    parser.add_argument("--layers", type=int, default=10)
    parser.add_argument("--width", type=int, default=20)
    parser.add_argument("--epochs", type=int, default=150)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--learning-rate", type=float, default=0.01)
    parser.add_argument("--repetitions", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1)
    arguments = parser.parse_args()

    torch.set_num_threads(arguments.threads)
    generator = torch.Generator().manual_seed(0)
    torch.manual_seed(0)
    x, targets, weights = make_data(arguments.inputs, arguments.rows, generator)
    fit_ensemble(x, targets, weights, arguments, generator)  # warm-up
    times = []
    for _ in range(arguments.repetitions):
        start = time.perf_counter()
        fit_ensemble(x, targets, weights, arguments, generator)
        times.append(time.perf_counter() - start)
    print(json.dumps({
        "median_seconds": statistics.median(times),
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
    }))


if __name__ == "__main__":
    main()

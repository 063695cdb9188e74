"""Reads the same manifests as mcops-bench, with PyYAML's C loader or Python's json.

Prints {"median": docs/s, "min": ..., "max": ...} over several runs after a warm-up.
"""
import argparse
import json
import statistics
import time

import yaml


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--format", choices=["yaml", "json"], required=True)
    parser.add_argument("--file", required=True)
    parser.add_argument("--iterations", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    with open(args.file, "rb") as handle:
        data = handle.read()
    text = data.decode("utf-8")

    if args.format == "yaml":
        loader = yaml.CLoader

        def read():
            return yaml.load(text, Loader=loader)
    else:
        def read():
            return json.loads(data)

    for _ in range(max(1, args.iterations // 10)):
        read()
    samples = []
    for _ in range(args.runs):
        start = time.perf_counter()
        for _ in range(args.iterations):
            read()
        samples.append(args.iterations / (time.perf_counter() - start))
    print(json.dumps({"median": statistics.median(samples), "min": min(samples),
                      "max": max(samples)}))


if __name__ == "__main__":
    main()

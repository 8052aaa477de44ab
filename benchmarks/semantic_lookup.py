"""Benchmark: the semantic round's exact vector lookup (``vectors.VectorMatrix``) as the
number of embedded units grows, against its memory budget (``Config.semantic_memory_mb``).

The vectors are synthetic: random unit vectors of the model's 384 dimensions, stored as the
index stores them (float16 rows of 25 units per document), so the figures are those of the
lookup alone, not of the model. Each query is 100 vectors: 50 of them stored units with
noise added (cosine about 0.8 to their source, so the lookup has hits to gather, as a
reworded passage gives), 50 random. For each size it prints the time to build the matrix
from the stored rows, the memory it takes (measured as the growth of the process's resident
memory, beside ``vectors.lookup_bytes``'s count that the budget reads), and the lookup's
p50 / p95 over repeated queries.

Run: .venv/bin/python benchmarks/semantic_lookup.py [--units 126000 300000 560000] [--queries 20]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time

import numpy as np

from unspin.config import DEFAULT_CONFIG
from unspin.index.vectors import VectorMatrix, lookup_bytes, pack

DIM = 384
UNITS_PER_DOC = 25


def _rss_mb() -> float:
    """The process's resident memory now (Linux)."""
    with open("/proc/self/statm", encoding="ascii") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def _unit(rng: np.random.Generator, n: int) -> np.ndarray:
    v = rng.standard_normal((n, DIM)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--units", type=int, nargs="+", default=[126_000, 300_000, 560_000])
    parser.add_argument("--queries", type=int, default=20)
    args = parser.parse_args()
    budget = DEFAULT_CONFIG.semantic_memory_mb
    print(f"budget (semantic_memory_mb): {budget} MiB; {DIM} dimensions, ", end="")
    print(f"{UNITS_PER_DOC} units per document")
    for units in sorted(args.units):
        rng = np.random.default_rng(units)
        docs = units // UNITS_PER_DOC
        rows = [(d + 1, pack(_unit(rng, UNITS_PER_DOC))) for d in range(docs)]
        counted = lookup_bytes(docs * UNITS_PER_DOC, docs, DIM) / 2**20
        before = _rss_mb()
        start = time.perf_counter()
        matrix = VectorMatrix(1, DIM, rows)
        built = time.perf_counter() - start
        grown = _rss_mb() - before
        times = []
        hits = 0
        for _ in range(args.queries):
            picked = matrix.matrix[rng.integers(0, docs * UNITS_PER_DOC, 50)]
            noisy = picked + 0.75 * _unit(rng, 50)  # cosine about 0.8 to its source
            noisy /= np.linalg.norm(noisy, axis=1, keepdims=True)
            queries = np.vstack([noisy, _unit(rng, 50)]).astype(np.float32)
            start = time.perf_counter()
            best, _, _ = matrix.nearest(queries, DEFAULT_CONFIG.semantic_cosine)
            times.append(time.perf_counter() - start)
            hits += len(best)
        times.sort()
        p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
        print(
            f"{docs * UNITS_PER_DOC:>9,} units ({len(matrix):,} vectors with pairs): "
            f"built in {built:.2f} s; memory counted {counted:,.0f} MiB "
            f"({'within' if counted <= budget else 'OVER'} budget), resident memory grew "
            f"{grown:,.0f} MiB; 100 query vectors p50 {statistics.median(times) * 1000:.0f} ms "
            f"p95 {p95 * 1000:.0f} ms; {hits / args.queries:.1f} documents found per query"
        )
        del matrix, rows
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: the seed compare, cold (new process: imports + model load) and warm (in-process,
model loaded, no per-document cache), each beside difflib.SequenceMatcher on the same pair.

Run: .venv/bin/python benchmarks/compare.py [--repeat N]
"""

from __future__ import annotations

import argparse
import difflib
import json
import resource
import statistics
import subprocess
import sys
import time
from importlib.resources import files
from pathlib import Path

COLD_SNIPPET = """
import json, resource, sys, time
t0 = time.perf_counter()
import unspin
from unspin import Comparer
a, b = sys.argv[1], sys.argv[2]
r = Comparer().compare_files(a, b)
assert r.verdict.label == "spun-copy"
print(json.dumps({"wall": time.perf_counter() - t0,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _difflib(a: str, b: str) -> float:
    t0 = time.perf_counter()
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    sm.get_matching_blocks()
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    demo = files("unspin") / "demo"
    path_a, path_b = str(demo / "seed_000_syndicated.txt"), str(demo / "seed_002_spun.txt")
    text_a = Path(path_a).read_text(encoding="utf-8")
    text_b = Path(path_b).read_text(encoding="utf-8")

    diff_times = [_difflib(text_a, text_b) for _ in range(args.repeat)]
    diff_ms = statistics.median(diff_times) * 1000

    colds = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", COLD_SNIPPET, path_a, path_b],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        colds.append(json.loads(out))
    cold_ms = statistics.median(c["wall"] for c in colds) * 1000
    cold_rss = max(c["rss_mb"] for c in colds)

    from unspin import Comparer

    comparer = Comparer()
    comparer.compare(text_a, text_b)  # load the model and the lexicon
    warm = []
    stages: dict[str, list[float]] = {}
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        result = comparer.compare(text_a, text_b)  # fresh documents: no embedding cache hit
        warm.append(time.perf_counter() - t0)
        for k, v in result.timings.items():
            stages.setdefault(k, []).append(v)
    warm_ms = statistics.median(warm) * 1000
    warm_p90 = sorted(warm)[int(0.9 * (len(warm) - 1))] * 1000
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"seed pair: {len(text_a)} + {len(text_b)} chars, verdict {result.verdict.label}")
    print(f"{'run':<34}{'wall ms':>10}{'× difflib':>12}{'peak RSS MB':>14}")
    print(f"{'difflib.SequenceMatcher (chars)':<34}{diff_ms:>10.1f}{1.0:>12.1f}{'':>14}")
    print(
        f"{'unspin cold (process, model load)':<34}{cold_ms:>10.1f}"
        f"{cold_ms / diff_ms:>12.1f}{cold_rss:>14.0f}"
    )
    print(f"{'unspin warm (median)':<34}{warm_ms:>10.1f}{warm_ms / diff_ms:>12.1f}{rss:>14.0f}")
    print(f"{'unspin warm (p90)':<34}{warm_p90:>10.1f}{warm_p90 / diff_ms:>12.1f}")
    print(
        "warm stages (median ms): "
        + ", ".join(
            f"{k} {statistics.median(v) * 1000:.1f}" for k, v in stages.items() if k != "total"
        )
    )
    print(f"target: warm < 150 ms -> {'met' if warm_ms < 150 else 'NOT met'}")


if __name__ == "__main__":
    main()

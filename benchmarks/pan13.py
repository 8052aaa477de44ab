"""Benchmark: unspin on the whole PAN13 training corpus (or a pairs subset): pairs/s, wall
time, peak RSS, CPU seconds per stage (segment, seed, embed, extend, filter) and plagdet per
class; optionally beside a peer system run in the same session on the same pairs.

Run: .venv/bin/python benchmarks/pan13.py [--jobs N] [--no-model] [--pairs FILE]
     [--peer-cmd "COMMAND"] [--peer-out DIR]
``--peer-cmd`` is any shell command that writes PAN detection XML into ``--peer-out``; it is
timed here and its detections are scored with the same measures (its code is not part of this
repository).
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

from unspin.config import DEFAULT_CONFIG
from unspin.eval.measures import Scores, clean_rates, format_clean_rates, scores_by_class
from unspin.eval.pan import DETECTION, Case, load_corpus, read_detections_dir
from unspin.eval.run import detect_pairs

HERE = Path(__file__).parent


def _rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def _row(name: str, s: Scores) -> str:
    return (
        f"  {name:<28} P {s.precision:.4f} R {s.recall:.4f} G {s.granularity:.4f} "
        f"plagdet {s.plagdet:.4f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", default=str(HERE.parent.parent / "shared/data/pan13-train"))
    parser.add_argument("--pairs", default=None)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--no-model", action="store_true")
    parser.add_argument("--peer-cmd", default=None)
    parser.add_argument("--peer-out", default=None)
    args = parser.parse_args()
    truth = load_corpus(args.corpus, args.pairs)
    config = DEFAULT_CONFIG.with_overrides(use_model=not args.no_model)

    start = time.perf_counter()
    cpu0 = time.process_time()
    detections: dict[tuple[str, str], list[Case]] = {}
    stages: dict[str, float] = {}
    for d in detect_pairs(truth, config, args.jobs):
        detections[d.key] = list(d.cases)
        for k, v in d.timings.items():
            stages[k] = stages.get(k, 0.0) + v
    wall = time.perf_counter() - start
    ours = scores_by_class(truth, detections)
    rate = len(truth) / wall
    print(
        f"unspin: {len(truth)} pairs, {args.jobs} job(s), model {'off' if args.no_model else 'on'}"
    )
    print(
        f"  wall {wall:.1f} s, {rate:.1f} pairs/s, peak RSS {_rss_mb():.0f} MB "
        f"(main CPU {time.process_time() - cpu0:.1f} s)"
    )
    print("  stage CPU s: " + ", ".join(f"{k} {v:.1f}" for k, v in sorted(stages.items())))
    for name, s in ours.items():
        print(_row(name, s))
    print(f"  {format_clean_rates(clean_rates(truth, detections))}")

    if args.peer_cmd and args.peer_out:
        Path(args.peer_out).mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        subprocess.run(args.peer_cmd, shell=True, check=True)  # the user's own command
        peer_wall = time.perf_counter() - start
        peer_detections = read_detections_dir(args.peer_out, names=(DETECTION,))
        peer = scores_by_class(truth, peer_detections)
        print(f"peer: wall {peer_wall:.1f} s, {len(truth) / peer_wall:.1f} pairs/s")
        for name, s in peer.items():
            print(_row(name, s))
        print(f"  {format_clean_rates(clean_rates(truth, peer_detections))}")
        print("side by side (plagdet unspin / peer):")
        for name in ours:
            print(f"  {name:<28} {ours[name].plagdet:.4f} / {peer[name].plagdet:.4f}")
        print(
            f"  {'pairs/s':<28} {rate:.1f} / {len(truth) / peer_wall:.1f} "
            f"(x{rate / (len(truth) / peer_wall):.2f})"
        )


if __name__ == "__main__":
    sys.exit(main())

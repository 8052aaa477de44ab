"""What each part of the reuse decision gains or costs on the real-world corpus, per set.

    .venv/bin/python benchmarks/realworld_ablation.py [--split validation] [--jobs 2]

Rows, each one configuration of the same run: the rules alone (every pair with a passage,
quotations counted, is reuse), with shared quotations set apart, and with the calibrated
decision at a cut of 0.5 and at the shipped cut (``_model/reuse.json``). Per set: the share
of pairs decided right, and the false positives / false negatives.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from unspin.config import DEFAULT_CONFIG
from unspin.eval.pairs import evaluate_pairs, load_pairs
from unspin.evidence import reuse_model

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=Path, default=ROOT / "benchmarks/realworld/pairs.csv")
    ap.add_argument("--split", default="validation")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    rows = load_pairs(args.pairs, split=args.split)
    shipped = reuse_model().threshold
    configs = [
        ("rules alone, quotations counted", {"count_quotations": True, "reuse_threshold": 0.0}),
        ("+ shared quotations set apart", {"reuse_threshold": 0.0}),
        ("+ calibrated decision, cut 0.5", {"reuse_threshold": 0.5}),
        (f"+ calibrated decision, cut {shipped} (shipped)", {}),
    ]
    sets: list[str] = []
    lines = []
    for name, overrides in configs:
        report = evaluate_pairs(rows, DEFAULT_CONFIG.with_overrides(**overrides), jobs=args.jobs)
        sets = sorted(report.by_set)
        cells = []
        for s in [*sets, "overall"]:
            m = report.overall if s == "overall" else report.by_set[s]
            right = (m.tp + m.tn) / m.pairs if m.pairs else 0.0
            cells.append(f"{right:.3f} ({m.fp}/{m.fn})")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    print(f"{args.split} split, {len(rows)} pairs; cells: share right (false pos./false neg.)")
    print("| configuration | " + " | ".join([*sets, "overall"]) + " |")
    print("|---" * (len(sets) + 2) + "|")
    print("\n".join(lines))


if __name__ == "__main__":
    main()

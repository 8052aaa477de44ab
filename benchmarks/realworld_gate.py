"""Quality gate: the reuse decision and the search on the real-world corpus's validation split
(``benchmarks/realworld/pairs.csv``, 388 pairs; the dev split is what the reuse model was
fitted on) must stay at the floors pinned in ``benchmarks/realworld-floors.json``, as the
PAN13 gate does for alignment.

Run: .venv/bin/python benchmarks/realworld_gate.py [--jobs N] [--no-search] [--set FIELD=VALUE ...]
``--set`` overrides a Config field for this run only (``--set reuse_threshold=0.1`` shows the
gate failing on independent reports called reuse).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from gate_pins import config_with, pinned_floors
from unspin.eval.pairs import evaluate_pairs, load_pairs
from unspin.eval.pairs_search import evaluate_search

HERE = Path(__file__).parent
PAIRS = HERE / "realworld" / "pairs.csv"
DISTRACTORS = HERE / "realworld" / "distractors"
FLOORS = HERE / "realworld-floors.json"
SPLIT = "validation"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--no-search", action="store_true", help="the pair decision only")
    parser.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE")
    args = parser.parse_args()
    floors = pinned_floors(FLOORS, PAIRS)
    if floors is None:
        return 1
    config = config_with(args.set)
    rows = load_pairs(PAIRS, split=SPLIT)
    failed: list[str] = []

    report = evaluate_pairs(rows, config, jobs=args.jobs)
    print(f"real-world gate: {len(rows)} {SPLIT} pairs in {report.wall_s:.1f} s")
    measured = {**report.by_set, "overall": report.overall}
    for name, floor in floors["accuracy"].items():
        m = measured[name]
        acc = m.accuracy or 0.0
        mark = ""
        if acc < floor:
            failed.append(f"{name} accuracy {acc:.4f} < floor {floor}")
            mark = "  FAIL"
        print(f"  {name:<20} accuracy {acc:.4f} (floor {floor}) fp {m.fp} fn {m.fn}{mark}")
    for name, most in floors["false_positives_at_most"].items():
        if measured[name].fp > most:
            failed.append(f"{name}: {measured[name].fp} pairs called reuse (at most {most})")

    if not args.no_search:
        search = evaluate_search(rows, config, distractors=[DISTRACTORS], jobs=args.jobs)
        s, sf = search.overall, floors["search"]
        r1 = s.recall_at_1 or 0.0
        print(
            f"  search: recall@1 {r1:.4f} (floor {sf['recall_at_1']}); no-reuse rows with a "
            f"reuse hit on their a-side {s.no_reuse_hit_on_a} (at most "
            f"{sf['no_reuse_hit_on_a_at_most']}), with any hit {s.no_reuse_any_hit} (at most "
            f"{sf['no_reuse_any_hit_at_most']}); {search.wall_s:.1f} s"
        )
        if r1 < sf["recall_at_1"]:
            failed.append(f"search recall@1 {r1:.4f} < floor {sf['recall_at_1']}")
        if s.no_reuse_hit_on_a > sf["no_reuse_hit_on_a_at_most"]:
            failed.append(f"{s.no_reuse_hit_on_a} no-reuse rows with a reuse hit on their a-side")
        if s.no_reuse_any_hit > sf["no_reuse_any_hit_at_most"]:
            failed.append(f"{s.no_reuse_any_hit} no-reuse rows with a hit")
    for line in failed:
        print(f"gate FAILED: {line}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""Quality gate: align the fixed PAN13 gate pairs (benchmarks/pan13-gate.pairs, 380 pairs drawn
from the validation split, stratified by class) and fail if plagdet falls under the floors
pinned in benchmarks/pan13-floors.json, as trafilatura pins its F1.

Run: .venv/bin/python benchmarks/pan13_gate.py [--corpus DIR] [--set FIELD=VALUE ...]
``--set`` overrides a Config field for this run only (e.g. to show the gate failing when the
aligner is degraded: ``--set match_threshold=0.9``).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from gate_pins import config_with, pinned_floors
from unspin.eval.pan import load_corpus
from unspin.eval.run import evaluate_pan

HERE = Path(__file__).parent
PAIRS = HERE / "pan13-gate.pairs"
FLOORS = HERE / "pan13-floors.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", default=str(HERE.parent.parent / "shared/data/pan13-train"))
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE")
    args = parser.parse_args()
    if not Path(args.corpus).is_dir():
        if os.environ.get("CI"):  # CI always has ../shared: a missing corpus is an error there
            print(f"gate: no PAN13 corpus at {args.corpus}", file=sys.stderr)
            return 1
        print(f"gate skipped: no PAN13 corpus at {args.corpus}")
        return 0
    floors = pinned_floors(FLOORS, PAIRS)
    if floors is None:
        return 1
    config = config_with(args.set)
    truth = load_corpus(args.corpus, PAIRS)
    report = evaluate_pan(truth, config, args.jobs)  # as unspin eval pan13 runs
    scores = report.scores
    caseless = report.clean["caseless"]
    clean_rate = 1.0 if caseless is None else caseless
    failed = []
    print(f"PAN13 gate: {len(truth)} pairs in {report.wall_s:.1f} s")
    for name, s in scores.items():
        floor = floors["plagdet"].get(name)
        mark = ""
        if floor is not None and s.plagdet < floor:
            failed.append(f"{name} plagdet {s.plagdet:.4f} < floor {floor}")
            mark = "  FAIL"
        print(
            f"  {name:<28} P {s.precision:.4f} R {s.recall:.4f} G {s.granularity:.4f} "
            f"plagdet {s.plagdet:.4f} (floor {floor}){mark}"
        )
    print(f"  clean pairs without detection: {clean_rate:.4f} (floor {floors['clean_rate']})")
    if clean_rate < floors["clean_rate"]:
        failed.append(f"clean-pair rate {clean_rate:.4f} < floor {floors['clean_rate']}")
    for line in failed:
        print(f"gate FAILED: {line}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

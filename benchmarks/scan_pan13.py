"""PAN13 train scanned as one corpus (every source and suspicious document): how many of
each class's (suspicious, source) pairs a verified edge joins, and how often the source is
named the original where an edge's direction is decided (issue 26's acceptance).

    .venv/bin/unspin scan ../shared/data/pan13-train/src ../shared/data/pan13-train/susp \\
        --out /tmp/panscan
    .venv/bin/python benchmarks/scan_pan13.py /tmp/panscan

Documents are named by their paths in the scan (``unspin scan`` of the two folders).
Targets: classes 02–04 ≥ 97 % joined, class 05 ≥ 90 %, class 01 none, the source named the
original on ≥ 90 % of the decided edges.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAN = ROOT.parent / "shared" / "data" / "pan13-train"
CLASSES = (
    "01-no-plagiarism",
    "02-no-obfuscation",
    "03-random-obfuscation",
    "04-translation-obfuscation",
    "05-summary-obfuscation",
)
TARGETS = {"02": 0.97, "03": 0.97, "04": 0.97, "05": 0.90}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="The scan's output folder.")
    args = parser.parse_args()
    docs = {
        d["id"]: Path(d["name"]).name
        for d in map(json.loads, (args.out / "documents.jsonl").open(encoding="utf-8"))
    }
    edges = {}
    for e in map(json.loads, (args.out / "edges.jsonl").open(encoding="utf-8")):
        a, b = docs[e["a"]], docs[e["b"]]
        edges[frozenset((a, b))] = (e, a, b)
    present = set(docs.values())
    decided = named = 0
    for cls in CLASSES:
        pairs = [line.split() for line in (PAN / cls / "pairs").read_text().splitlines()]
        joined = missing = 0
        for susp, src in pairs:
            if susp not in present or src not in present:
                missing += 1
                continue
            found = edges.get(frozenset((susp, src)))
            if found is None:
                continue
            joined += 1
            e, a, b = found
            if cls != CLASSES[0] and e["original"] in ("a", "b"):
                decided += 1
                named += (a if e["original"] == "a" else b) == src
        share = joined / max(1, len(pairs) - missing)
        target = TARGETS.get(cls[:2])
        want = "none" if target is None else f"≥ {target:.0%}"
        print(f"{cls:28} pairs {len(pairs):5}  joined by an edge {joined:5}  ({share:.2%}, "
              f"target {want}){f'; {missing} pair(s) with a document not read' if missing else ''}")
    print(f"source named the original on {named} of {decided} decided edges of classes 02-05 "
          f"({named / max(1, decided):.2%}, target ≥ 90%)")
    stats = json.loads((args.out / "stats.json").read_text())
    print(f"scan: {stats['documents']} documents, {stats['candidate_pairs']} candidate pairs, "
          f"{stats['edges']} edges, {stats['families']} families; timings {stats['timings_s']}")


if __name__ == "__main__":
    main()

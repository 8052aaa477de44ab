"""Write what unspin outputs on a fixed set of inputs, so that a refactor can be checked
to change none of it: run it before and after, then ``diff -r BEFORE AFTER``.

    .venv/bin/python scripts/behaviour_snapshot.py OUT_DIR [--pan ../shared/data/pan13-train]
        [--queries 50] [--jobs 2] [--skip compare,pan,search]

- ``compare/``: ``unspin compare A B --json`` on the seed pair and on every pair of
  ``benchmarks/pan13-gate.pairs``, run through the CLI in this process, with every
  ``timings`` object left out (they differ from run to run);
- ``pan.json``: the detections of ``unspin eval pan13`` on every pair of the corpus;
- ``search/``: ``unspin index search --json --no-model --no-semantic`` for the first
  ``--queries`` suspicious documents of the gate pairs against an index of every source
  document (built by ``unspin index create`` and ``add``), timings left out.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from unspin.cli import main
from unspin.config import DEFAULT_CONFIG
from unspin.eval.pan import load_corpus
from unspin.eval.run import detect_pairs

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"


def _untimed(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _untimed(v) for k, v in value.items() if k not in ("timings", "timings_s")}
    if isinstance(value, list):
        return [_untimed(v) for v in value]
    return value


def _run(args: list[str]) -> str:
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    if result.exit_code not in (0, 1):
        sys.exit(f"unspin {' '.join(args)}: exit {result.exit_code}: {result.output[-300:]}")
    return result.stdout


def _json_or_error(args: list[str]) -> Any:
    """The command's JSON, or, for an input it refuses, its exit code and message."""
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    if result.exit_code == 0:
        return _untimed(json.loads(result.stdout))
    return {"exit": result.exit_code, "message": result.stderr}


def _gate_pairs(pan: Path) -> list[tuple[Path, Path]]:
    pairs = []
    for line in (ROOT / "benchmarks" / "pan13-gate.pairs").read_text().splitlines():
        if line.strip():
            susp, src = line.split()
            pairs.append((pan / "susp" / susp, pan / "src" / src))
    return pairs


def snapshot_compare(out: Path, pan: Path) -> None:
    (out / "compare").mkdir(parents=True, exist_ok=True)
    seed = (next(SEEDS.glob("000_*.txt")), next(SEEDS.glob("002_*.txt")))
    pairs = [seed, *_gate_pairs(pan)]
    for k, (a, b) in enumerate(pairs):
        doc = _json_or_error(["compare", str(a), str(b), "--json"])
        (out / "compare" / f"{k:03d}_{a.stem}_{b.stem}.json").write_text(
            json.dumps(doc, indent=1, ensure_ascii=False) + "\n"
        )


def snapshot_pan(out: Path, pan: Path, jobs: int) -> None:
    truth = load_corpus(pan)
    found = sorted(
        (d.susp, d.src, [[c.this_offset, c.this_length, c.source_offset, c.source_length] for c in d.cases])
        for d in detect_pairs(truth, DEFAULT_CONFIG, jobs)
    )
    (out / "pan.json").write_text(json.dumps(found, indent=0) + "\n")


def snapshot_search(out: Path, pan: Path, queries: int, work: Path) -> None:
    (out / "search").mkdir(parents=True, exist_ok=True)
    index = work / "snapshot-index"
    if index.exists() and CliRunner().invoke(main, ["index", "stats", str(index)]).exit_code:
        shutil.rmtree(index)  # built by another unspin (other keys or format): built again
    if not index.exists():
        _run(["index", "create", str(index)])
        _run(["index", "add", str(index), str(pan / "src")])
    susp = sorted({a for a, _ in _gate_pairs(pan)})[:queries]
    for q in susp:
        args = ["index", "search", str(index), str(q), "--json", "--no-model", "--no-semantic"]
        doc = _json_or_error(args)
        (out / "search" / f"{q.stem}.json").write_text(
            json.dumps(doc, indent=1, ensure_ascii=False) + "\n"
        )


def main_() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--pan", type=Path, default=ROOT.parent / "shared/data/pan13-train")
    ap.add_argument("--queries", type=int, default=50)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--work", type=Path, default=Path("/tmp"), help="where the index is built")
    ap.add_argument("--skip", default="", help="comma-separated: compare, pan, search")
    args = ap.parse_args()
    skip = set(args.skip.split(","))
    args.out.mkdir(parents=True, exist_ok=True)
    if "compare" not in skip:
        snapshot_compare(args.out, args.pan)
    if "pan" not in skip:
        snapshot_pan(args.out, args.pan, args.jobs)
    if "search" not in skip:
        snapshot_search(args.out, args.pan, args.queries, args.work)


if __name__ == "__main__":
    main_()

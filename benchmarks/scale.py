"""How the time and peak memory of ``unspin compare`` grow with the length of its texts,
and of ``unspin index search`` with one long document in the index.

    .venv/bin/python benchmarks/scale.py [--sizes 10k,100k,1m,10m,50m] [--search 50m]

Each side is built from the PAN13 training sources (beside the checkout), joined in a
fixed order up to the size; the other side is a lightly edited copy (every 17th word
replaced, every 9th sentence dropped), so the aligner has one long passage to find. Each
command runs in its own process (``--no-model``); its peak RSS comes from ``wait4``. The
growth exponent between two sizes is log(time ratio) / log(size ratio): 1 is linear.
Targets (issue 25): peak RSS under 1.5 GB at 50 MB per side; time ratio 1 MB → 10 MB under
15×.
"""

from __future__ import annotations

import argparse
import math
import os
import re
import subprocess
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT.parent / "shared" / "data" / "pan13-train" / "src"
UNSPIN = [sys.executable, "-m", "unspin"]
_UNITS = {"k": 1_000, "m": 1_000_000}


def _size(text: str) -> int:
    return int(float(text[:-1]) * _UNITS[text[-1].lower()]) if text[-1].isalpha() else int(text)


def _corpus(size: int) -> str:
    """PAN13 sources joined, in name order and again from the start, up to ``size`` bytes."""
    files = sorted(SOURCES.glob("*.txt"))
    parts: list[str] = []
    total = 0
    k = 0
    while total < size:
        text = files[k % len(files)].read_bytes().decode("utf-8", "replace").replace("\x00", " ")
        parts.append(text)
        total += len(text.encode("utf-8"))
        k += 1
    return "\n\n".join(parts).encode("utf-8")[:size].decode("utf-8", "ignore")


def _edited(text: str) -> str:
    """Every 9th sentence dropped, every 17th word replaced: a light rewrite."""
    sentences = re.split(r"(?<=[.!?])\s+", text)
    kept = " ".join(s for k, s in enumerate(sentences) if k % 9 != 8)
    words = kept.split(" ")
    return " ".join("altered" if k % 17 == 16 else w for k, w in enumerate(words))


def _run(args: list[str]) -> tuple[float, int, int]:
    """Wall seconds, peak RSS in KiB and the exit status of one command."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if proc.stderr is not None:
        proc.stderr.close()
    return wall, usage.ru_maxrss, os.waitstatus_to_exitcode(status)


def _exponent(rows: list[tuple[int, float, int]]) -> list[str]:
    out = []
    for (s1, t1, _), (s2, t2, _) in pairwise(rows):
        out.append(f"{s1:,} → {s2:,} bytes: time ×{t2 / t1:.1f}, exponent "
                   f"{math.log(t2 / t1) / math.log(s2 / s1):.2f}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10k,100k,1m,10m,50m")
    parser.add_argument("--search", default="50m", help="The long indexed document's size.")
    args = parser.parse_args()
    if not SOURCES.is_dir():
        sys.exit(f"{SOURCES}: the PAN13 training corpus is not beside the checkout")
    rows: list[tuple[int, float, int]] = []
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'bytes per side':>15} {'seconds':>9} {'peak RSS MB':>12} exit")
        for size in map(_size, args.sizes.split(",")):
            a = Path(tmp, "a.txt")
            b = Path(tmp, "b.txt")
            text = _corpus(size)
            a.write_text(text, encoding="utf-8")
            b.write_text(_edited(text), encoding="utf-8")
            wall, rss, code = _run([*UNSPIN, "compare", str(a), str(b), "--json", "--no-model"])
            rows.append((size, wall, rss))
            print(f"{size:>15,} {wall:>9.2f} {rss / 1024:>12.0f} {code}", flush=True)
        for line in _exponent(rows):
            print(line)
        if args.search:
            size = _size(args.search)
            long_doc = Path(tmp, "long.txt")
            long_doc.write_text(_corpus(size), encoding="utf-8")
            query = Path(tmp, "query.txt")
            query.write_text(_edited(_corpus(50_000)), encoding="utf-8")
            ix = Path(tmp, "ix")
            subprocess.run([*UNSPIN, "index", "create", str(ix)], check=True, capture_output=True)
            wall, rss, code = _run([*UNSPIN, "index", "add", str(ix), str(long_doc)])
            print(f"index add of one {size:,}-byte document: {wall:.2f} s, "
                  f"peak RSS {rss / 1024:.0f} MB, exit {code}")
            wall, rss, code = _run(
                [*UNSPIN, "index", "search", str(ix), str(query), "--json", "--no-model"]
            )
            print(f"search of a 50,000-byte query: {wall:.2f} s, peak RSS {rss / 1024:.0f} MB, "
                  f"exit {code}")


if __name__ == "__main__":
    main()

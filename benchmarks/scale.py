"""How the time and peak memory of ``unspin compare`` grow with the length of its texts,
and of ``unspin index add`` and ``unspin index search`` with one long document in the index
(the query's source planted deep inside it).

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
import json
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


def _run(args: list[str], stdout: Path | None = None) -> tuple[float, int, int]:
    """Wall seconds, peak RSS in KiB and the exit status of one command (its output kept
    in ``stdout`` where given)."""
    start = time.perf_counter()
    sink = stdout.open("wb") if stdout is not None else subprocess.DEVNULL
    proc = subprocess.Popen(args, stdout=sink, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    if stdout is not None:
        sink.close()  # type: ignore[union-attr]
    wall = time.perf_counter() - start
    if proc.stderr is not None:
        proc.stderr.close()
    return wall, usage.ru_maxrss, os.waitstatus_to_exitcode(status)


def _search(tmp: Path, size: int) -> None:
    """One long document in an index, with the seed op-ed (the bundled demo's syndicated
    copy) planted four fifths of the way in, searched with the seed's spun rewrite: the hit
    must be found there, past the part of a long document examined from its start."""
    seed_a = (ROOT / "src" / "unspin" / "demo" / "seed_000_syndicated.txt").read_text("utf-8")
    corpus = _corpus(size - len(seed_a.encode("utf-8")) - 4)
    cut = corpus.rfind("\n", 0, len(corpus) * 4 // 5) + 1
    long_text = f"{corpus[:cut]}\n{seed_a}\n\n{corpus[cut:]}"
    planted = (cut + 1, cut + 1 + len(seed_a))
    long_doc = tmp / "long.txt"
    long_doc.write_text(long_text, encoding="utf-8")
    query = ROOT / "src" / "unspin" / "demo" / "seed_002_spun.txt"
    ix = tmp / "ix"
    subprocess.run([*UNSPIN, "index", "create", str(ix)], check=True, capture_output=True)
    wall, rss, code = _run([*UNSPIN, "index", "add", str(ix), str(long_doc)])
    print(f"index add of one {len(long_text.encode('utf-8')):,}-byte document: {wall:.2f} s, "
          f"peak RSS {rss / 1024:.0f} MB, exit {code}")
    out = tmp / "search.json"
    wall, rss, code = _run(
        [*UNSPIN, "index", "search", str(ix), str(query), "--json", "--no-model"], out
    )
    print(f"search of the seed's spun copy (planted at characters {planted[0]:,}–"
          f"{planted[1]:,}): {wall:.2f} s, peak RSS {rss / 1024:.0f} MB, exit {code}")
    hits = json.loads(out.read_text(encoding="utf-8"))["hits"]
    if not hits:
        print("  no hit")
        return
    c = hits[0]["comparison"]
    spans = [(p["b"]["start"], p["b"]["end"]) for p in c["passages"]]
    inside = all(planted[0] <= s and e <= planted[1] for s, e in spans)
    print(f"  hit: {c['verdict']['label']}, {len(spans)} passage(s) at characters "
          f"{min(s for s, _ in spans):,}–{max(e for _, e in spans):,} (inside the planted "
          f"text: {'yes' if inside else 'NO'}); the source's coverage "
          f"{c['verdict']['coverage']['b']:.3f}; not examined: "
          + ", ".join(f"{u['start']:,}–{u['end']:,}" for u in c["b"]["unexamined"]))
    # a long query too: a lightly edited megabyte from the middle of the document
    middle = len(long_text) // 2
    big = tmp / "big_query.txt"
    big.write_text(_edited(long_text[middle : middle + 1_000_000]), encoding="utf-8")
    wall, rss, code = _run(
        [*UNSPIN, "index", "search", str(ix), str(big), "--json", "--no-model"], out
    )
    found = json.loads(out.read_text(encoding="utf-8"))["hits"]
    label = found[0]["comparison"]["verdict"]["label"] if found else "no hit"
    print(f"search of a {big.stat().st_size:,}-byte query from the middle: {wall:.2f} s, "
          f"peak RSS {rss / 1024:.0f} MB, exit {code}; first hit: {label}")


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
            _search(Path(tmp), _size(args.search))

if __name__ == "__main__":
    main()

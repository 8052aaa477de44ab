"""How the candidate stage of ``unspin scan`` grows with the corpus: candidate pairs per
document and documents per second as N grows, on the first N documents of PAN13 train
(sources and suspicious documents interleaved in name order), each N in its own index.

    .venv/bin/python benchmarks/scan.py [--sizes 500,1000,2000,5057] [--key-cap 100]
        [--per-document 10]

Only the candidate stage is timed (``scan.candidates.candidate_pairs``, after the index is
built): verification costs each candidate pair the time of a ``compare``, so its total is
the number of pairs over the verification rate (``stats.json``'s ``pairs_per_s_verify``).
Planted copies beside datasketch: ``benchmarks/scan_planted.py``; throughput at 10k and 100k
documents, local and on Spark: ``benchmarks/scan_throughput.py``.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from itertools import zip_longest
from pathlib import Path

from unspin.config import DEFAULT_CONFIG
from unspin.index import Index
from unspin.index.ingest import add_documents
from unspin.scan import ScanOptions
from unspin.scan.candidates import candidate_pairs
from unspin.text.sources import ReadOptions

ROOT = Path(__file__).resolve().parent.parent
PAN = ROOT.parent / "shared" / "data" / "pan13-train"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="500,1000,2000,5057")
    parser.add_argument("--key-cap", type=int, default=ScanOptions().key_cap)
    parser.add_argument("--per-document", type=int, default=ScanOptions().per_document)
    args = parser.parse_args()
    if not PAN.is_dir():
        sys.exit(f"{PAN}: the PAN13 training corpus is not beside the checkout")
    pairs = zip_longest(sorted((PAN / "src").glob("*.txt")), sorted((PAN / "susp").glob("*.txt")))
    files = [str(p) for pair in pairs for p in pair if p is not None]
    config = DEFAULT_CONFIG.with_overrides(use_model=False)
    print(
        f"{'files':>6} {'documents':>9} {'candidate pairs':>15} {'per document':>12} "
        f"{'window pairs':>13} {'seconds':>8} {'docs/s':>7} {'peak MB':>8}"
    )
    for n in (int(x) for x in args.sizes.split(",")):
        with (
            tempfile.TemporaryDirectory() as tmp,
            Index.create(Path(tmp) / "ix", config=config) as index,
        ):
            add_documents(index, files[:n], ReadOptions(config=config), jobs=2)
            start = time.perf_counter()
            found, join = candidate_pairs(
                index, args.key_cap, args.per_document, ScanOptions().copy_jaccard
            )
            took = time.perf_counter() - start
            docs = len(index)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"{n:>6} {docs:>9} {len(found):>15,} {len(found) / docs:>12.2f} "
            f"{join['window_pairs']:>13,} {took:>8.2f} {docs / took:>7.0f} {peak:>8.0f}",
            flush=True,
        )


if __name__ == "__main__":
    main()

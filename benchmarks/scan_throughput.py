"""Throughput of ``unspin scan`` at 10,000 and 100,000 documents: documents/s through the
candidate stage (local, and Spark ``local[2]``) and verified pairs/s.

    .venv/bin/python benchmarks/scan_throughput.py [--sizes 10000:2800,100000:250]
        [--verify 400] [--no-spark]

PAN13 train has 5,057 files, so the corpus of each size is made of its texts (sources and
suspicious documents, in name order) cut into pieces of about the given number of
characters, at sentence ends, the first N taken: 10,000 pieces of 2,800 characters, or
100,000 of 250 (PAN13 train's 41 MB make about 10,500 and 105,874 such pieces). Each size
gets its own index (``index add``, 2 processes, timed too). The candidate stage is
``scan.candidates.candidate_pairs`` with the scan's defaults (``ScanOptions``), then the same
on Spark ``local[2]`` (``scan.spark``), whose pairs must be the same. Verification costs
every candidate pair one aligner call: its rate is measured on the first ``--verify``
candidate pairs (sorted), in 2 processes, with the sentence model, as a scan verifies them;
a scan's verification time is its candidate pairs over that rate.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from unspin.config import DEFAULT_CONFIG
from unspin.index import Index
from unspin.index.ingest import add_documents
from unspin.index.searcher import PreparedCache
from unspin.pipeline import Comparer
from unspin.scan import ScanOptions
from unspin.scan.candidates import candidate_pairs
from unspin.scan.verify import verify_pairs
from unspin.text.sources import ReadOptions

ROOT = Path(__file__).resolve().parent.parent
PAN = ROOT.parent / "shared" / "data" / "pan13-train"
_END = re.compile(r"(?<=[.!?])\s+")


def pieces(size: int) -> Iterator[str]:
    """PAN13 train's texts cut into pieces of about ``size`` characters at sentence ends."""
    for path in sorted([*(PAN / "src").glob("*.txt"), *(PAN / "susp").glob("*.txt")]):
        text = path.read_text(encoding="utf-8", errors="replace")
        start = 0
        while len(text) - start > size // 2:
            cut = start + size
            m = _END.search(text, cut) if cut < len(text) else None
            end = m.start() if m and m.start() < cut + size // 2 else min(len(text), cut)
            yield text[start:end].strip()
            start = end


def _verify(job: tuple[str, list[tuple[str, str]]]) -> int:
    path, pairs = job
    with Index.open(path, config=DEFAULT_CONFIG) as index:
        return len(verify_pairs(index, Comparer(DEFAULT_CONFIG), PreparedCache(), pairs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000:2800,100000:250")
    parser.add_argument("--verify", type=int, default=400)
    parser.add_argument("--no-spark", action="store_true")
    args = parser.parse_args()
    if not PAN.is_dir():
        sys.exit(f"{PAN}: the PAN13 training corpus is not beside the checkout")
    options = ScanOptions()
    for spec in args.sizes.split(","):
        n, chars = (int(x) for x in spec.split(":"))
        with tempfile.TemporaryDirectory() as tmp:
            feed = Path(tmp) / "corpus.jsonl"
            with feed.open("w", encoding="utf-8") as f:
                made = 0
                for text in pieces(chars):
                    if made == n:
                        break
                    if text:
                        f.write(json.dumps({"id": f"d{made:06d}", "text": text}) + "\n")
                        made += 1
            row: dict[str, object] = {"documents asked": n, "chars": chars, "made": made}
            ix = Path(tmp) / "ix"
            with Index.create(ix, config=DEFAULT_CONFIG) as index:
                start = time.perf_counter()
                read = ReadOptions(config=DEFAULT_CONFIG, id_field="id")
                report = add_documents(index, [str(feed)], read, jobs=2)
                row["index add docs/s"] = round(report.added / (time.perf_counter() - start))
                docs = len(index)
                start = time.perf_counter()
                found, join = candidate_pairs(
                    index, options.key_cap, options.per_document, options.copy_jaccard
                )
                took = time.perf_counter() - start
                row.update(
                    documents=docs,
                    candidate_pairs=len(found),
                    passes=join["passes"],
                    window_pairs=join["window_pairs"],
                    candidate_s=round(took, 1),
                    candidate_docs_per_s=round(docs / took),
                )
                if not args.no_spark:
                    from unspin.scan.spark import spark_candidate_pairs, spark_context

                    sc = spark_context("local[2]")
                    start = time.perf_counter()
                    spark_found, _ = spark_candidate_pairs(
                        sc, index, options.key_cap, options.per_document, options.copy_jaccard
                    )
                    took = time.perf_counter() - start
                    sc.stop()
                    row.update(
                        spark_candidate_s=round(took, 1),
                        spark_candidate_docs_per_s=round(docs / took),
                        spark_same_pairs=spark_found == found,
                    )
                ids = dict(index.conn.execute("SELECT id, ext_id FROM docs").fetchall())
            pairs = sorted((ids[a], ids[b]) for a, b in found)[: args.verify]
            halves = [(str(ix), pairs[k::2]) for k in range(2)]
            start = time.perf_counter()
            with multiprocessing.get_context("spawn").Pool(2) as pool:
                verified = sum(pool.map(_verify, halves))
            took = time.perf_counter() - start
            row.update(verified=verified, verify_pairs_per_s=round(verified / took, 1))
        print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()

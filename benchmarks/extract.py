"""Extraction benchmark: quality on the test pages, and speed for HTML and WARC beside the raw
extractor, so unspin's own overhead is visible.

Quality (tests/data/extract/expected.json): per page, the character F1 of the main text
against the expected text (2·LCS / (|ours| + |expected|), spaces normalised: rapidfuzz's
Indel similarity), and whether the publication date is right (a page with no date is right
when none is claimed). Two columns: trafilatura alone (``trafilatura.extract`` on the page,
decoded as UTF-8 or by trafilatura) and unspin (``read_inputs``: sniffing, decoding,
trafilatura, htmldate, date claims).

Speed: the pages repeated to ``--pages`` pages, on ``--jobs`` processes, timed for
- ``trafilatura``: ``bare_extraction(html, with_metadata=True)`` on the decoded page (the raw
  extractor, metadata and its own date included);
- ``unspin extract``: ``read_inputs`` over the page files (reading, sniffing, decoding,
  trafilatura, htmldate's markup date, URL and text date claims);
- ``+ text stage``: the same, then ``make_document`` (boilerplate rules, segments, dates);
and for a WARC of the same pages: ``fastwarc + trafilatura`` (iterate records, extract each
HTML payload) against ``unspin`` (``read_inputs`` on the WARC).

Run: ``.venv/bin/python benchmarks/extract.py [--pages 2000] [--jobs 2]``
"""

from __future__ import annotations

import argparse
import io
import json
import multiprocessing as mp
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rapidfuzz.distance import Indel

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "tests/data/extract"


def _f1(pred: str, gold: str) -> float:
    return Indel.normalized_similarity(" ".join(pred.split()), " ".join(gold.split()))


def quality() -> None:
    import trafilatura

    from unspin.config import DEFAULT_CONFIG
    from unspin.text import make_document
    from unspin.text.extract import Extracted
    from unspin.text.sources import ReadOptions, read_inputs
    from unspin.verdict import publication

    expected = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
    rows = []
    for name, want in sorted(expected.items()):
        path = DATA / "pages" / name
        raw = trafilatura.extract(path.read_bytes()) or ""
        got = list(read_inputs([str(path)], ReadOptions()))
        doc = got[0] if got and isinstance(got[0], Extracted) else None
        ours = doc.text if doc else ""
        claimed = None
        if doc is not None:
            best, _ = publication(
                make_document(name, doc.text, DEFAULT_CONFIG, origin=doc.origin), DEFAULT_CONFIG
            )
            claimed = best.date if best else None
        rows.append(
            (
                name,
                _f1(raw, want["text"]),
                _f1(ours, want["text"]),
                want.get("date"),
                claimed,
                want.get("date_where", ""),
            )
        )
    print(f"{'page':44} {'F1 trafilatura':>14} {'F1 unspin':>9}  date expected / claimed")
    for name, raw_f1, f1, want_date, claimed, where in rows:
        mark = "ok" if want_date == claimed else "WRONG"
        print(f"{name:44} {raw_f1:14.3f} {f1:9.3f}  {want_date} / {claimed} ({where}) {mark}")
    n = len(rows)
    right = sum(1 for r in rows if r[3] == r[4])
    dated = [r for r in rows if r[3]]
    print(
        f"\n{n} pages: mean char F1 trafilatura {statistics.mean(r[1] for r in rows):.3f}, "
        f"unspin {statistics.mean(r[2] for r in rows):.3f} "
        f"(min {min(r[2] for r in rows):.3f}); pages with F1 >= 0.9: "
        f"{sum(1 for r in rows if r[2] >= 0.9)}/{n}"
    )
    print(
        f"dates right: {right}/{n} ({right / n:.0%}); of the {len(dated)} dated pages "
        f"{sum(1 for r in dated if r[3] == r[4])} right, "
        f"{sum(1 for r in dated if r[4] is None)} without a claim; of the {n - len(dated)} "
        f"undated pages {sum(1 for r in rows if not r[3] and r[4])} given a date"
    )


# --- speed ------------------------------------------------------------------------------


def _raw_pages(paths: list[str]) -> int:
    import trafilatura

    chars = 0
    for p in paths:
        data = Path(p).read_bytes()
        try:
            html = data.decode("utf-8")
        except UnicodeDecodeError:
            html = data.decode("cp1252", "replace")
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
        chars += len(getattr(doc, "text", "") or "")
    return chars


def _unspin_pages(paths: list[str]) -> int:
    from unspin.text.sources import ReadOptions, read_inputs

    return sum(len(getattr(g, "text", "")) for g in read_inputs(paths, ReadOptions()))


def _unspin_documents(paths: list[str]) -> int:
    from unspin.config import DEFAULT_CONFIG
    from unspin.text import make_document
    from unspin.text.extract import Extracted
    from unspin.text.sources import ReadOptions, read_inputs

    n = 0
    for g in read_inputs(paths, ReadOptions()):
        if isinstance(g, Extracted):
            n += len(make_document(g.name, g.text, DEFAULT_CONFIG, origin=g.origin).segments)
    return n


def _raw_warc(paths: list[str]) -> int:
    import trafilatura
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    chars = 0
    for p in paths:
        with open(p, "rb") as f:
            for record in ArchiveIterator(f, record_types=WarcRecordType.response):
                html = record.reader.read().decode("utf-8", "replace")
                doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
                chars += len(getattr(doc, "text", "") or "")
    return chars


def _timed(func: Callable[[list[str]], int], parts: list[list[str]], jobs: int) -> float:
    start = time.perf_counter()
    if jobs > 1:
        with mp.get_context("forkserver").Pool(jobs) as pool:
            pool.map(func, parts)
    else:
        for part in parts:
            func(part)
    return time.perf_counter() - start


def _warc_of(pages: list[Path], copies: int, out: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with out.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        for k in range(copies):
            for i, page in enumerate(pages):
                headers = StatusAndHeaders(
                    "200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1"
                )
                record = writer.create_warc_record(
                    f"https://bench.example/{k}/{i}",
                    "response",
                    payload=io.BytesIO(page.read_bytes()),
                    http_headers=headers,
                )
                writer.write_record(record)


def speed(n_pages: int, jobs: int) -> None:
    pages = sorted((DATA / "pages").glob("*.html"))
    copies = max(1, n_pages // len(pages))
    tmp = Path(tempfile.mkdtemp(prefix="unspin-extract-bench-"))
    try:
        files = []
        for k in range(copies):
            for page in pages:
                dest = tmp / f"{k}-{page.name}"
                shutil.copyfile(page, dest)
                files.append(str(dest))
        size = sum(Path(f).stat().st_size for f in files)
        parts = [files[i :: jobs * 4] for i in range(jobs * 4)]
        print(f"\nHTML: {len(files)} pages, {size / 1e6:.1f} MB, {jobs} process(es)")
        base = None
        for label, func in (
            ("trafilatura alone", _raw_pages),
            ("unspin extract", _unspin_pages),
            ("unspin extract + text stage", _unspin_documents),
        ):
            secs = _timed(func, parts, jobs)
            base = base or secs
            print(
                f"  {label:30} {len(files) / secs:7.1f} pages/s {size / 1e6 / secs:6.2f} MB/s"
                f"  time x{secs / base:.2f}"
            )
        warcs = []
        for j in range(jobs * 2):
            out = tmp / f"crawl{j}.warc.gz"
            _warc_of(pages, max(1, copies // (jobs * 2)), out)
            warcs.append(str(out))
        records = len(pages) * max(1, copies // (jobs * 2)) * len(warcs)
        wsize = sum(Path(w).stat().st_size for w in warcs)
        print(f"WARC: {len(warcs)} files, {records} records, {wsize / 1e6:.1f} MB gzip'd")
        base = None
        for label, func in (("fastwarc + trafilatura", _raw_warc), ("unspin", _unspin_pages)):
            secs = _timed(func, [[w] for w in warcs], jobs)
            base = base or secs
            print(
                f"  {label:30} {records / secs:7.1f} pages/s {wsize / 1e6 / secs:6.2f} MB/s "
                f"(gzip'd)  time x{secs / base:.2f}"
            )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000, help="pages timed (the set repeated)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--no-speed", action="store_true")
    args = parser.parse_args()
    if not (DATA / "expected.json").is_file():
        print(f"no test pages in {DATA}", file=sys.stderr)
        return 1
    quality()
    if not args.no_speed:
        speed(args.pages, args.jobs)
    return 0


if __name__ == "__main__":
    sys.exit(main())

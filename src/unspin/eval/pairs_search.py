"""``unspin eval pairs --search``: index the a-sides of a pairs list (and distractor
documents), search with each b-side, and measure how often the true source comes first and
how often a pair without reuse gets a reuse hit."""

from __future__ import annotations

import multiprocessing
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .._types import REUSE_LABELS
from ..config import Config
from ..errors import InputError, UnspinError
from ..text.document import text_sha256
from ..text.sources import ReadOptions, read_one
from .pairs import OnProgress, PairRow, _by_set, _confidence, _rate, _round, _row_dict

SEARCH_SCHEMA = "unspin.eval-pairs-search/1"


@dataclass(frozen=True, slots=True)
class HitInfo:
    """One hit of a search, reduced to what the evaluation reports."""

    rank: int  # its family's rank (copies share their lead's)
    doc_id: str
    name: str
    label: str
    confidence: float | None
    sha256: str  # of the indexed document's text
    copy_of: str | None
    standalone: bool
    reused_chars: int


@dataclass(frozen=True, slots=True)
class SearchOutcome:
    """What searching the index with a row's b-side found, and where its a-side is in it (a
    hit is the a-side when it is that document or holds the same text)."""

    row: PairRow
    hits: tuple[HitInfo, ...]
    a_sha256: str  # of the a-side's text

    def is_a(self, hit: HitInfo) -> bool:
        return hit.sha256 == self.a_sha256 or hit.doc_id == self.row.a

    @property
    def a_rank(self) -> int | None:
        """The family rank of the first hit that is the a-side; None: not among the hits."""
        return next((h.rank for h in self.hits if self.is_a(h)), None)

    @property
    def top_is_a(self) -> bool:
        """Whether the top hit (the first that is no copy of another) is the a-side."""
        top = next((h for h in self.hits if h.copy_of is None), None)
        return top is not None and self.is_a(top)

    @property
    def found_a(self) -> bool:
        return self.a_rank is not None

    @property
    def reuse_hit_on_a(self) -> bool:
        """A hit with a reuse verdict that is the a-side (wrong on a no-reuse row)."""
        return any(self.is_a(h) and h.label in REUSE_LABELS for h in self.hits)


@dataclass(frozen=True, slots=True)
class SearchMetrics:
    """Reuse rows: the a-side as top hit (recall@1) and among the hits (recall@k, ``k`` the
    families a search returns). No-reuse rows: those whose a-side came back as a reuse hit,
    and those with any hit at all."""

    reuse_rows: int
    at_1: int
    at_k: int
    no_reuse_rows: int
    no_reuse_hit_on_a: int
    no_reuse_any_hit: int

    @property
    def recall_at_1(self) -> float | None:
        return _rate(self.at_1, self.reuse_rows)

    @property
    def recall_at_k(self) -> float | None:
        return _rate(self.at_k, self.reuse_rows)


@dataclass(frozen=True, slots=True)
class SearchEvalReport:
    """Every row's search in CSV order, the measures per set and overall, and what went
    into the index."""

    outcomes: tuple[SearchOutcome, ...]
    by_set: dict[str, SearchMetrics]
    overall: SearchMetrics
    k: int
    indexed: int  # documents in the index (a text held twice is one document)
    a_sides: int
    distractors_added: int
    distractors_rejected: tuple[str, ...]  # "name: reason" lines, grouped by reason
    queries: int  # distinct b-sides searched
    index_dir: str | None  # where the index was kept, None when it was a temporary one
    wall_s: float
    jobs: int
    use_model: bool

    @property
    def misses(self) -> tuple[SearchOutcome, ...]:
        """Reuse rows whose a-side is not the top hit."""
        return tuple(o for o in self.outcomes if o.row.reuse and not o.top_is_a)

    @property
    def false_hits(self) -> tuple[SearchOutcome, ...]:
        """No-reuse rows that got any hit."""
        return tuple(o for o in self.outcomes if not o.row.reuse and o.hits)


def search_metrics(outcomes: Sequence[SearchOutcome]) -> SearchMetrics:
    reuse = [o for o in outcomes if o.row.reuse]
    other = [o for o in outcomes if not o.row.reuse]
    return SearchMetrics(
        reuse_rows=len(reuse),
        at_1=sum(o.top_is_a for o in reuse),
        at_k=sum(o.found_a for o in reuse),
        no_reuse_rows=len(other),
        no_reuse_hit_on_a=sum(o.reuse_hit_on_a for o in other),
        no_reuse_any_hit=sum(bool(o.hits) for o in other),
    )


def _build_index(
    root: Path,
    rows: Sequence[PairRow],
    distractors: Sequence[Path],
    config: Config,
    jobs: int,
    on_progress: OnProgress | None,
) -> tuple[dict[Path, str], int, int, tuple[str, ...]]:
    """Create the index at ``root`` holding the rows' a-sides, then the distractors: the
    text hash of each a-side, the documents indexed, distractors added and rejected."""
    from ..index.ingest import IngestReport, add_stream, document_meta, read_docs
    from ..index.store import Index

    options = ReadOptions(config=config)
    a_hash: dict[Path, str] = {}
    done = 0
    with Index.create(root, config=config) as index:
        for row in rows:
            if row.a_path in a_hash:
                continue
            try:
                got = read_one(str(row.a_path), options)
                index.add(got.text, name=row.a, doc_id=row.a, meta=document_meta(got))
            except UnspinError as exc:
                raise InputError(f"{row.where}: {exc}") from None
            a_hash[row.a_path] = text_sha256(got.text)
            done += 1
            if on_progress:
                on_progress("indexing", done, None)
        report = IngestReport()
        if distractors:
            paths = [str(d) for d in distractors]
            docs = read_docs(paths, options, report.rejected, jobs, id_prefix="distractor:")

            def advance(now: IngestReport) -> None:
                if on_progress:
                    on_progress("indexing", done + now.done, None)

            add_stream(index, docs, jobs=jobs, report=report, on_progress=advance)
        else:
            index.checkpoint()
        indexed = len(index)
    return a_hash, indexed, report.added, tuple(report.rejected.lines())


class _Searcher:
    """Searches one open index with b-sides (one per worker process)."""

    def __init__(self, root: Path, config: Config, k: int) -> None:
        from ..index.searcher import PreparedCache
        from ..index.store import Index

        self.index = Index.open(root, config=config)
        self.cache = PreparedCache()
        self.options = ReadOptions(config=config)
        self.k = k

    def hits(self, path: Path, where: str) -> tuple[str, tuple[HitInfo, ...]]:
        """The text hash of the query at ``path`` and its hits."""
        from ..index.searcher import search

        try:
            got = read_one(str(path), self.options)
            result = search(
                self.index, got.text, name=got.name, top=self.k, cache=self.cache, origin=got.origin
            )
        except UnspinError as exc:
            raise InputError(f"{where}: {exc}") from None
        infos = []
        rank = 0
        for hit in result.hits:
            if hit.copy_of is None:
                rank += 1
            v = hit.comparison.verdict
            infos.append(
                HitInfo(
                    rank=rank,
                    doc_id=hit.doc_id,
                    name=hit.name,
                    label=v.label,
                    confidence=_confidence(v),
                    sha256=hit.comparison.b.sha256,
                    copy_of=hit.copy_of,
                    standalone=hit.standalone,
                    reused_chars=hit.reused_chars,
                )
            )
        return text_sha256(got.text), tuple(infos)


def _without_self(hits: Sequence[HitInfo], b_sha: str, a_sha: str) -> tuple[HitInfo, ...]:
    """``hits`` less those holding the query's own text (the b-side indexed as another
    row's a-side, or as a distractor), unless it is the a-side's text too; a copy of a hit
    left out takes its place, and the families are ranked again."""
    dropped = {h.doc_id for h in hits if h.sha256 == b_sha != a_sha}
    if not dropped:
        return tuple(hits)
    promoted: dict[str, str] = {}  # a dropped lead → the copy leading its family now
    kept = []
    rank = 0
    for h in hits:
        if h.doc_id in dropped:
            continue
        copy_of = h.copy_of
        if copy_of in dropped:
            copy_of = promoted.setdefault(copy_of, h.doc_id)
            if copy_of == h.doc_id:
                copy_of = None
        if copy_of is None:
            rank += 1
        kept.append(replace(h, rank=rank, copy_of=copy_of))
    return tuple(kept)


_searcher: _Searcher | None = None


def _init_searcher(root: Path, config: Config, k: int) -> None:
    global _searcher
    _searcher = _Searcher(root, config, k)


def _search_one(item: tuple[Path, str]) -> tuple[Path, tuple[str, tuple[HitInfo, ...]]]:
    assert _searcher is not None
    return item[0], _searcher.hits(*item)


def evaluate_search(
    rows: Sequence[PairRow],
    config: Config,
    distractors: Sequence[Path] = (),
    jobs: int = 1,
    index_dir: Path | None = None,
    k: int = 5,
    on_progress: OnProgress | None = None,
) -> SearchEvalReport:
    """Index every distinct a-side of ``rows`` and the documents of ``distractors`` (files or
    folders, recursive, anything ``unspin index add`` reads), then search it with every
    distinct b-side (``unspin index search``'s defaults, ``k`` families) and score each
    row. The index is built in ``index_dir`` (a new or empty directory, kept) or in a
    temporary directory removed afterwards."""
    start = time.perf_counter()
    if index_dir is not None:
        report = _evaluate_search(rows, config, distractors, jobs, index_dir, k, on_progress)
    else:
        with tempfile.TemporaryDirectory(prefix="unspin-eval-") as tmp:
            report = _evaluate_search(
                rows, config, distractors, jobs, Path(tmp) / "index", k, on_progress
            )
        report = replace(report, index_dir=None)
    return replace(report, wall_s=time.perf_counter() - start)


def _evaluate_search(
    rows: Sequence[PairRow],
    config: Config,
    distractors: Sequence[Path],
    jobs: int,
    root: Path,
    k: int,
    on_progress: OnProgress | None,
) -> SearchEvalReport:
    a_hash, indexed, added, rejected = _build_index(
        root, rows, distractors, config, jobs, on_progress
    )
    queries: dict[Path, str] = {}
    for row in rows:
        queries.setdefault(row.b_path, row.where)
    items = list(queries.items())
    found: dict[Path, tuple[str, tuple[HitInfo, ...]]] = {}
    if jobs <= 1 or len(items) < 2:
        searcher = _Searcher(root, config, k)
        try:
            for path, where in items:
                found[path] = searcher.hits(path, where)
                if on_progress:
                    on_progress("searching", len(found), len(items))
        finally:
            searcher.index.close()
    else:
        ctx = multiprocessing.get_context("forkserver")
        workers = min(jobs, len(items))
        with ctx.Pool(workers, initializer=_init_searcher, initargs=(root, config, k)) as pool:
            for path, got in pool.imap_unordered(_search_one, items):
                found[path] = got
                if on_progress:
                    on_progress("searching", len(found), len(items))
    outcomes = []
    for row in rows:
        b_sha, hits = found[row.b_path]
        a_sha = a_hash[row.a_path]
        outcomes.append(SearchOutcome(row, _without_self(hits, b_sha, a_sha), a_sha))
    return SearchEvalReport(
        outcomes=tuple(outcomes),
        by_set={name: search_metrics(g) for name, g in _by_set(outcomes, lambda o: o.row).items()},
        overall=search_metrics(outcomes),
        k=k,
        indexed=indexed,
        a_sides=len(a_hash),
        distractors_added=added,
        distractors_rejected=rejected,
        queries=len(items),
        index_dir=str(root),
        wall_s=0.0,
        jobs=jobs,
        use_model=config.use_model,
    )


def search_metrics_to_dict(m: SearchMetrics) -> dict[str, Any]:
    return {
        "reuse_rows": m.reuse_rows,
        "recall_at_1": _round(m.recall_at_1),
        "recall_at_k": _round(m.recall_at_k),
        "at_1": m.at_1,
        "at_k": m.at_k,
        "no_reuse_rows": m.no_reuse_rows,
        "no_reuse_hit_on_a": m.no_reuse_hit_on_a,
        "no_reuse_any_hit": m.no_reuse_any_hit,
    }


def hit_to_dict(h: HitInfo) -> dict[str, Any]:
    return {
        "rank": h.rank,
        "id": h.doc_id,
        "label": h.label,
        "confidence": _round(h.confidence),
        "copy_of": h.copy_of,
        "standalone": h.standalone,
        "reused_chars": h.reused_chars,
    }


def search_outcome_to_dict(o: SearchOutcome) -> dict[str, Any]:
    return {
        **_row_dict(o.row),
        "a_rank": o.a_rank,
        "reuse_hit_on_a": o.reuse_hit_on_a,
        "hits": [hit_to_dict(h) for h in o.hits],
    }


def search_report_to_dict(report: SearchEvalReport, with_pairs: bool = False) -> dict[str, Any]:
    """The JSON form of a search-mode report (schema ``unspin.eval-pairs-search/1``)."""
    out: dict[str, Any] = {
        "schema": SEARCH_SCHEMA,
        "pairs": len(report.outcomes),
        "k": report.k,
        "use_model": report.use_model,
        "jobs": report.jobs,
        "wall_s": round(report.wall_s, 2),
        "index": {
            "documents": report.indexed,
            "a_sides": report.a_sides,
            "distractors_added": report.distractors_added,
            "distractors_rejected": list(report.distractors_rejected),
            "kept_at": report.index_dir,
        },
        "queries": report.queries,
        "overall": search_metrics_to_dict(report.overall),
        "sets": {name: search_metrics_to_dict(m) for name, m in report.by_set.items()},
        "misses": [search_outcome_to_dict(o) for o in report.misses],
        "false_hits": [search_outcome_to_dict(o) for o in report.false_hits],
    }
    if with_pairs:
        out["rows"] = [search_outcome_to_dict(o) for o in report.outcomes]
    return out

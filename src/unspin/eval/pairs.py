"""Labelled pairs: does unspin call reuse where a person did, and does a search find it?

A pairs list is a CSV file with at least the columns ``a,b,expect,set``: two inputs (paths
relative to the CSV's folder, or absolute), whether ``b`` reuses ``a`` (``reuse`` or
``no-reuse``) and the set the pair belongs to (a source of pairs, a kind of rewrite). Other
columns are kept out of the way, except ``split`` (``load_pairs(split=...)``).

``evaluate_pairs`` compares every pair (``unspin compare``) and scores the reuse decision (a
verdict label in ``REUSE_LABELS``) against ``expect``. ``evaluate_search`` puts the pairs'
a-sides (and distractors) in a fresh index and searches it with each b-side (``unspin index
search``): is the a-side the top hit of a reuse pair, and does a no-reuse pair's b find
nothing? Both return frozen reports; ``*_to_dict`` gives their JSON form.
"""

from __future__ import annotations

import csv
import multiprocessing
import tempfile
import time
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from .._types import REUSE_LABELS, Comparison
from ..config import Config
from ..errors import InputError, UnspinError
from ..pipeline import Comparer
from ..prepared import PreparedText
from ..text.document import text_sha256
from ..text.sources import ReadOptions, read_one

PAIRS_SCHEMA = "unspin.eval-pairs/1"
SEARCH_SCHEMA = "unspin.eval-pairs-search/1"
REQUIRED_COLUMNS = ("a", "b", "expect", "set")
EXPECT_VALUES = ("reuse", "no-reuse")

Expect = Literal["reuse", "no-reuse"]
# (stage, done so far, total or None when not known in advance)
OnProgress = Callable[[str, int, int | None], None]


# --- the pairs list ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PairRow:
    """One row of a pairs list. ``line``: its line in the CSV file (the header is line 1);
    ``a``, ``b``: the inputs as written there; ``a_path``, ``b_path``: where they are."""

    line: int
    a: str
    b: str
    a_path: Path
    b_path: Path
    expect: Expect
    set: str
    split: str | None = None
    source: str = ""  # the CSV file, for messages

    @property
    def reuse(self) -> bool:
        return self.expect == "reuse"

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}"


def load_pairs(
    path: str | Path,
    split: str | None = None,
    sets: Iterable[str] | None = None,
    limit: int | None = None,
) -> list[PairRow]:
    """The rows of the pairs list at ``path``, in file order: those of ``split`` (a value of
    its ``split`` column) and ``sets`` only when given, the first ``limit`` of them. Every
    problem (a missing column, an ``expect`` other than ``reuse``/``no-reuse``, an input
    that is not there, nothing left to evaluate) is an ``InputError`` naming the line."""
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path}: is a directory, expected a CSV file")
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = _read_rows(path, handle, split)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 (byte {exc.start}); is it a CSV file?") from None
    except csv.Error as exc:
        raise InputError(f"{path}: not a readable CSV file ({exc})") from None
    if not rows:
        raise InputError(f"{path}: no pairs (only a header)")
    wanted = None if sets is None else list(dict.fromkeys(sets))
    if split is not None:
        rows = [r for r in rows if r.split == split]
        if not rows:
            raise InputError(f"{path}: no row has split {split!r}")
    if wanted:
        known = list(dict.fromkeys(r.set for r in rows))
        unknown = [s for s in wanted if s not in known]
        if unknown:
            raise InputError(
                f"{path}: no row in set(s) {', '.join(unknown)} (sets here: {', '.join(known)})"
            )
        rows = [r for r in rows if r.set in wanted]
    if limit is not None:
        rows = rows[:limit]
    for row in rows:  # only the rows kept: a subset may be evaluated without the rest
        for side, where in (("a", row.a_path), ("b", row.b_path)):
            if where.is_dir():
                raise InputError(f"{row.where}: {side} {where}: is a directory, expected a file")
            if not where.is_file():
                raise InputError(f"{row.where}: {side} {where}: no such file")
    return rows


def _read_rows(path: Path, handle: Iterable[str], split: str | None) -> list[PairRow]:
    reader = csv.DictReader(handle)
    header = [name.strip() for name in reader.fieldnames or []]
    if not header:
        raise InputError(
            f"{path}: empty file (expected a header with {','.join(REQUIRED_COLUMNS)})"
        )
    reader.fieldnames = header
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise InputError(
            f"{path}: missing column(s) {', '.join(missing)} "
            f"(the header needs {','.join(REQUIRED_COLUMNS)})"
        )
    if split is not None and "split" not in header:
        raise InputError(f"{path}: no split column, so --split {split} selects nothing")
    folder = path.parent
    rows = []
    for record in reader:
        line = reader.line_num
        values = {k: (v or "").strip() for k, v in record.items() if isinstance(k, str)}
        if not any(values.values()):
            continue  # a blank line
        for column in ("a", "b", "set"):
            if not values[column]:
                raise InputError(f"{path}:{line}: empty {column}")
        expect = values["expect"]
        if expect not in EXPECT_VALUES:
            raise InputError(f"{path}:{line}: expect must be reuse or no-reuse, not {expect!r}")
        rows.append(
            PairRow(
                line=line,
                a=values["a"],
                b=values["b"],
                a_path=_located(folder, values["a"]),
                b_path=_located(folder, values["b"]),
                expect="reuse" if expect == "reuse" else "no-reuse",
                set=values["set"],
                split=values.get("split") if "split" in header else None,
                source=str(path),
            )
        )
    return rows


def _located(folder: Path, name: str) -> Path:
    given = Path(name).expanduser()
    return given if given.is_absolute() else folder / given


# --- measures ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PairMetrics:
    """The reuse decision of a group of pairs against their ``expect`` (positive: reuse).
    A rate whose denominator is 0 is None (precision when nothing was called reuse)."""

    pairs: int
    tp: int
    fp: int
    tn: int
    fn: int
    labels: dict[str, int]  # pairs per verdict label, most frequent first

    @property
    def accuracy(self) -> float | None:
        return _rate(self.tp + self.tn, self.pairs)

    @property
    def precision(self) -> float | None:
        return _rate(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _rate(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def _rate(num: int, den: int) -> float | None:
    return num / den if den else None


@dataclass(frozen=True, slots=True)
class PairOutcome:
    """What ``unspin compare`` said about one row."""

    row: PairRow
    label: str
    confidence: float | None  # the verdict's, where it has one
    summary: str
    coverage_a: float
    coverage_b: float
    passages: int

    @property
    def predicted_reuse(self) -> bool:
        return self.label in REUSE_LABELS

    @property
    def correct(self) -> bool:
        return self.predicted_reuse == self.row.reuse


@dataclass(frozen=True, slots=True)
class PairsReport:
    """Every row's outcome in CSV order, the measures per set (in order of first
    appearance) and over all rows."""

    outcomes: tuple[PairOutcome, ...]
    by_set: dict[str, PairMetrics]
    overall: PairMetrics
    wall_s: float
    jobs: int
    use_model: bool

    @property
    def errors(self) -> tuple[PairOutcome, ...]:
        return tuple(o for o in self.outcomes if not o.correct)


def pair_metrics(outcomes: Sequence[PairOutcome]) -> PairMetrics:
    counts: Counter[str] = Counter()
    for o in outcomes:
        counts[("t" if o.correct else "f") + ("p" if o.predicted_reuse else "n")] += 1
    labels = Counter(o.label for o in outcomes)
    return PairMetrics(
        pairs=len(outcomes),
        tp=counts["tp"],
        fp=counts["fp"],
        tn=counts["tn"],
        fn=counts["fn"],
        labels=dict(sorted(labels.items(), key=lambda kv: (-kv[1], kv[0]))),
    )


def _by_set(items: Sequence[Any], row_of: Callable[[Any], PairRow]) -> dict[str, list[Any]]:
    groups: dict[str, list[Any]] = {}
    for item in items:
        groups.setdefault(row_of(item).set, []).append(item)
    return groups


# --- pair mode -----------------------------------------------------------------------------


class _PairJudge:
    """Compares rows with one ``Comparer``, keeping documents already through the text stage
    in an LRU cache (a document is often in several rows)."""

    def __init__(self, config: Config, cache_size: int = 128) -> None:
        self.comparer = Comparer(config)
        self.options = ReadOptions(config=config)
        self.cache: OrderedDict[Path, PreparedText] = OrderedDict()
        self.cache_size = cache_size

    def _prepared(self, path: Path) -> PreparedText:
        hit = self.cache.get(path)
        if hit is not None:
            self.cache.move_to_end(path)
            return hit
        got = read_one(str(path), self.options)
        prepared = self.comparer.prepare(got.text, got.name, got.origin)
        self.cache[path] = prepared
        if len(self.cache) > self.cache_size:
            self.cache.popitem(last=False)
        return prepared

    def judge(self, row: PairRow) -> PairOutcome:
        try:
            a, b = self._prepared(row.a_path), self._prepared(row.b_path)
            comparison: Comparison = self.comparer.compare_prepared(a, b)
        except UnspinError as exc:
            raise InputError(f"{row.where}: {exc}") from None
        v = comparison.verdict
        return PairOutcome(
            row=row,
            label=v.label,
            confidence=_confidence(v),
            summary=v.summary,
            coverage_a=v.coverage_a,
            coverage_b=v.coverage_b,
            passages=len(comparison.passages),
        )


def _confidence(verdict: object) -> float | None:
    value = getattr(verdict, "confidence", None)
    return float(value) if isinstance(value, int | float) else None


_judge: _PairJudge | None = None


def _init_judge(config: Config) -> None:
    global _judge  # one comparer per worker process (the pool's initializer pattern)
    _judge = _PairJudge(config)


def _judge_group(group: list[tuple[int, PairRow]]) -> list[tuple[int, PairOutcome]]:
    assert _judge is not None
    return [(i, _judge.judge(row)) for i, row in group]


def evaluate_pairs(
    rows: Sequence[PairRow],
    config: Config,
    jobs: int = 1,
    on_progress: OnProgress | None = None,
) -> PairsReport:
    """Compare every row's pair and score the reuse decision, per set and overall. With
    ``jobs`` > 1 the pairs are compared in that many processes (rows sharing an a-side go to
    one, so it is read once); the report is the same whatever ``jobs`` is."""
    start = time.perf_counter()
    groups: dict[Path, list[tuple[int, PairRow]]] = defaultdict(list)
    for i, row in enumerate(rows):
        groups[row.a_path].append((i, row))
    results: list[PairOutcome | None] = [None] * len(rows)
    done = 0
    for finished in _run_groups(list(groups.values()), config, jobs):
        for i, outcome in finished:
            results[i] = outcome
        done += len(finished)
        if on_progress:
            on_progress("comparing", done, len(rows))
    outcomes = tuple(o for o in results if o is not None)
    return PairsReport(
        outcomes=outcomes,
        by_set={name: pair_metrics(group) for name, group in _by_set(outcomes, _row).items()},
        overall=pair_metrics(outcomes),
        wall_s=time.perf_counter() - start,
        jobs=jobs,
        use_model=config.use_model,
    )


def _row(item: PairOutcome | SearchOutcome) -> PairRow:
    return item.row


def _run_groups(
    groups: list[list[tuple[int, PairRow]]], config: Config, jobs: int
) -> Iterator[list[tuple[int, PairOutcome]]]:
    if jobs <= 1 or len(groups) < 2:
        judge = _PairJudge(config)
        for group in groups:
            yield [(i, judge.judge(row)) for i, row in group]
        return
    ctx = multiprocessing.get_context("forkserver")
    with ctx.Pool(min(jobs, len(groups)), initializer=_init_judge, initargs=(config,)) as pool:
        yield from pool.imap_unordered(_judge_group, groups)


# --- search mode -------------------------------------------------------------------------


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
        by_set={name: search_metrics(g) for name, g in _by_set(outcomes, _row).items()},
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


# --- JSON --------------------------------------------------------------------------------


def _round(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


def _row_dict(row: PairRow) -> dict[str, Any]:
    return {"line": row.line, "a": row.a, "b": row.b, "set": row.set, "expect": row.expect}


def pair_metrics_to_dict(m: PairMetrics) -> dict[str, Any]:
    return {
        "pairs": m.pairs,
        "accuracy": _round(m.accuracy),
        "precision": _round(m.precision),
        "recall": _round(m.recall),
        "f1": _round(m.f1),
        "tp": m.tp,
        "fp": m.fp,
        "tn": m.tn,
        "fn": m.fn,
        "labels": dict(m.labels),
    }


def outcome_to_dict(o: PairOutcome) -> dict[str, Any]:
    return {
        **_row_dict(o.row),
        "got": o.label,
        "reuse": o.predicted_reuse,
        "correct": o.correct,
        "confidence": _round(o.confidence),
        "coverage": {"a": _round(o.coverage_a), "b": _round(o.coverage_b)},
        "passages": o.passages,
        "summary": o.summary,
    }


def pairs_report_to_dict(report: PairsReport, with_pairs: bool = False) -> dict[str, Any]:
    """The JSON form of a pair-mode report (schema ``unspin.eval-pairs/1``): the measures
    per set and overall, and the rows decided wrong (every row with ``with_pairs``)."""
    out: dict[str, Any] = {
        "schema": PAIRS_SCHEMA,
        "pairs": len(report.outcomes),
        "use_model": report.use_model,
        "jobs": report.jobs,
        "wall_s": round(report.wall_s, 2),
        "overall": pair_metrics_to_dict(report.overall),
        "sets": {name: pair_metrics_to_dict(m) for name, m in report.by_set.items()},
        "errors": [outcome_to_dict(o) for o in report.errors],
    }
    if with_pairs:
        out["rows"] = [outcome_to_dict(o) for o in report.outcomes]
    return out


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

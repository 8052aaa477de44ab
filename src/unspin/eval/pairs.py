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
import time
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from .._types import REUSE_LABELS, Comparison
from ..config import Config
from ..errors import InputError, UnspinError
from ..pipeline import Comparer
from ..prepared import PreparedText
from ..text.sources import ReadOptions, read_one

PAIRS_SCHEMA = "unspin.eval-pairs/1"
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


def _row(item: PairOutcome) -> PairRow:
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

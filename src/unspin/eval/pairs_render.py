"""Tables of ``unspin eval pairs``: the reports of ``eval.pairs`` for people (rich)."""

from __future__ import annotations

from typing import get_args

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .._types import VerdictLabel
from .pairs import PairMetrics, PairsReport
from .pairs_search import SearchEvalReport, SearchMetrics, SearchOutcome


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _confidence(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _line(console: Console, text: str) -> None:
    """One line as it is: no markup (a file name may hold brackets), no wrapping."""
    console.print(text, markup=False, highlight=False, soft_wrap=True)


def _groups(by_set: dict[str, PairMetrics], overall: PairMetrics) -> list[tuple[str, PairMetrics]]:
    return [*by_set.items(), ("overall", overall)]


def render_pairs(console: Console, report: PairsReport, title: str) -> None:
    """The measures per set and overall, the labels given per set, the rows decided wrong."""
    table = Table(title=escape(f"reuse decision on {title} ({len(report.outcomes)} pairs)"))
    columns = ("set", "pairs", "accuracy", "precision", "recall", "F1", "tp", "fp", "tn", "fn")
    for col in columns:
        table.add_column(col, justify="left" if col == "set" else "right")
    groups = _groups(report.by_set, report.overall)
    for name, m in groups:
        table.add_row(
            escape(name),
            str(m.pairs),
            _share(m.accuracy),
            _share(m.precision),
            _share(m.recall),
            _share(m.f1),
            str(m.tp),
            str(m.fp),
            str(m.tn),
            str(m.fn),
            style="bold" if name == "overall" else None,
        )
    console.print(table)

    seen = {label for _, m in groups for label in m.labels}
    order = [label for label in get_args(VerdictLabel) if label in seen]
    order += sorted(seen - set(order))
    labels = Table(title="verdict labels per set")
    labels.add_column("set")
    for label in order:
        labels.add_column(label, justify="right")
    for name, m in groups:
        labels.add_row(
            escape(name),
            *(str(m.labels.get(label, 0)) for label in order),
            style="bold" if name == "overall" else None,
        )
    console.print(labels)

    errors = report.errors
    _line(console, f"pairs decided wrong: {len(errors)}")
    for o in errors:
        _line(
            console,
            f"  line {o.row.line} [{o.row.set}] {o.row.a} -> {o.row.b}: expected {o.row.expect}, "
            f"got {o.label} (confidence {_confidence(o.confidence)}): {o.summary}",
        )
    model = "with the sentence model" if report.use_model else "lexical only"
    _line(
        console,
        f"{len(report.outcomes)} pairs in {report.wall_s:.1f} s with {report.jobs} job(s), {model}",
    )


def _search_groups(report: SearchEvalReport) -> list[tuple[str, SearchMetrics]]:
    return [*report.by_set.items(), ("overall", report.overall)]


def _hits_text(o: SearchOutcome, most: int = 3) -> str:
    shown = [f"{h.rank}. {h.doc_id} ({h.label})" for h in o.hits[:most]]
    if len(o.hits) > most:
        shown.append(f"+{len(o.hits) - most} more")
    return "; ".join(shown) or "no hit"


def render_search(console: Console, report: SearchEvalReport, title: str) -> None:
    """Recall of the a-sides per set and overall, the reuse rows whose a-side is not the top
    hit, the no-reuse rows that got a hit."""
    k = report.k
    table = Table(title=escape(f"search on {title} ({len(report.outcomes)} pairs)"))
    columns = (
        "set",
        "reuse rows",
        "recall@1",
        f"recall@{k}",
        "no-reuse rows",
        "reuse hit on a",
        "any hit",
    )
    for col in columns:
        table.add_column(col, justify="left" if col == "set" else "right")
    for name, m in _search_groups(report):
        table.add_row(
            escape(name),
            str(m.reuse_rows),
            _share(m.recall_at_1),
            _share(m.recall_at_k),
            str(m.no_reuse_rows),
            str(m.no_reuse_hit_on_a),
            str(m.no_reuse_any_hit),
            style="bold" if name == "overall" else None,
        )
    console.print(table)
    for caption, outcomes in (
        ("reuse rows whose a-side is not the top hit", report.misses),
        ("no-reuse rows with a hit", report.false_hits),
    ):
        _line(console, f"{caption}: {len(outcomes)}")
        for o in outcomes:
            where = "not found" if o.a_rank is None else f"at rank {o.a_rank}"
            _line(
                console,
                f"  line {o.row.line} [{o.row.set}] {o.row.a} -> {o.row.b}: a-side {where}; "
                f"hits: {_hits_text(o)}",
            )
    model = "with the sentence model" if report.use_model else "lexical only"
    extra = f", {report.distractors_added} distractors" if report.distractors_added else ""
    _line(
        console,
        f"{report.queries} queries against {report.indexed} documents ({report.a_sides} a-sides"
        f"{extra}) in {report.wall_s:.1f} s with {report.jobs} job(s), {model}",
    )
    if report.index_dir:
        _line(console, f"index kept in {report.index_dir}")

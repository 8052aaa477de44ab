"""The terminal report: verdict, meaning changes first, then each passage side by side."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .._types import REUSE_LABELS, Comparison, Edit, Span
from ..evidence import reuse_model
from ..text.language import model_reads

_LABEL_STYLE = {
    "identical": "bold white on blue",
    "near-duplicate": "bold white on dark_orange",
    "spun-copy": "bold white on red",
    "paraphrased-copy": "bold white on red",
    "partial-reuse": "bold black on yellow",
    "same-topic": "bold black on cyan",
    "unrelated": "bold white on green",
}
_NOT_COUNTED = " (not counted as reuse)"
_EDIT_STYLE = {
    "synonym": "yellow",
    "substitution": "yellow",
    "reorder": "magenta",
    "insertion": "green",
    "deletion": "red strike",
    "punctuation": "dim",
}


def _styled(text: str, span: Span, edits: Sequence[tuple[Span, Edit]]) -> Text:
    """``text[span]`` with the edits that fall inside it styled."""
    out = Text(text[span.start : span.end])
    for edit_span, edit in edits:
        if edit_span.start < span.start or edit_span.end > span.end or not len(edit_span):
            continue
        style = "bold white on red" if edit.meaning_change else _EDIT_STYLE[edit.kind]
        out.stylize(style, edit_span.start - span.start, edit_span.end - span.start)
    return out


def _name(c: Comparison, side: str) -> str:
    return c.a.name if side == "a" else c.b.name


def render(c: Comparison, console: Console, max_passages: int | None = None) -> None:
    """Print the report of ``c`` on ``console``: the verdict, the meaning changes, each
    passage side by side with its edits marked, the edit legend and the boilerplate."""
    console.print(Panel(_head(c), title="unspin compare", border_style="bold"))
    meaning = [e for e in c.edits if e.meaning_change]
    if meaning:
        console.print(_meaning_table(meaning))
    _passages(c, console, max_passages)
    _footer(c, console)


def _head(c: Comparison) -> Text:
    """The verdict: label, summary, confidence, coverage, the original and its evidence."""
    v = c.verdict
    head = Text()
    head.append(f" {v.label.upper()} ", style=_LABEL_STYLE[v.label])
    head.append(f"  {v.summary}\n")
    if v.label not in REUSE_LABELS and v.confidence >= reuse_model().threshold:
        # the wording scores as reuse, and a rule on top overruled it (a filled template)
        head.append(f"confidence of reuse from the wording alone: {v.confidence:.0%}\n")
    else:
        head.append(f"confidence of reuse: {v.confidence:.0%}\n")
    head.append(f"a: {c.a.name}  — {v.coverage_a:.1%} of its body reused\n")
    head.append(f"b: {c.b.name}  — {v.coverage_b:.1%} of its body reused\n")
    for side, doc in (("a", c.a), ("b", c.b)):
        for part in doc.unexamined:
            head.append(
                f"{side}: characters {part.start:,}–{part.end:,} were not examined (outside "
                "the Config.max_aligned_chars examined)\n",
                style="bold yellow",
            )
    if not model_reads(*c.languages):
        head.append(
            f"languages: a {c.languages[0]}, b {c.languages[1]}: the sentence model reads "
            "English only and was not consulted; the decision rests on the words\n",
            style="dim",
        )
    original = (
        "undetermined"
        if v.original == "undetermined"
        else (f"{v.original} ({_name(c, v.original)})")
    )
    head.append("original: ", style="bold")
    head.append(original + "\n", style="bold")
    for ev in v.evidence:
        arrow = f"→ favours {ev.favours}" if ev.favours else "· neutral"
        head.append(f"  {arrow:<12} {ev.kind}: {ev.detail}\n", style="" if ev.favours else "dim")
    return head


def _meaning_table(meaning: Sequence[Edit]) -> Table:
    table = Table(
        title=f"Meaning changes ({len(meaning)})",
        title_style="bold red",
        show_lines=False,
        expand=True,
    )
    table.add_column("a", style="bold")
    table.add_column("b", style="bold red")
    table.add_column("why")
    table.add_column("where", style="dim", no_wrap=True)
    for e in meaning:
        table.add_row(
            e.a_text or "∅",
            e.b_text or "∅",
            e.reason or "",
            f"a {e.a.start}–{e.a.end} · b {e.b.start}–{e.b.end}",
        )
    return table


def _passages(c: Comparison, console: Console, max_passages: int | None) -> None:
    """Each passage (at most ``max_passages``) as a table of its matched units, side by side."""
    edits_a = [(e.a, e) for e in c.edits]
    edits_b = [(e.b, e) for e in c.edits]
    shown = c.passages if max_passages is None else c.passages[:max_passages]
    for k, p in enumerate(shown):
        note = _NOT_COUNTED if p.kind == "shared-quotation" else ""
        table = Table(
            title=(
                f"Passage {k}: {p.kind}{note}, score {p.score:.2f}, "
                f"similarity {p.similarity:.2f} "
                f"— a {p.a.start}–{p.a.end} · b {p.b.start}–{p.b.end}"
            ),
            expand=True,
            show_lines=True,
        )
        table.add_column(f"a: {c.a.name}", ratio=1)
        table.add_column(f"b: {c.b.name}", ratio=1)
        for m in p.matches:
            table.add_row(_styled(c.a.text, m.a, edits_a), _styled(c.b.text, m.b, edits_b))
        console.print(table)
    if max_passages is not None and len(c.passages) > max_passages:
        console.print(f"… {len(c.passages) - max_passages} more passage(s); use --json for all")


def _footer(c: Comparison, console: Console) -> None:
    """The edit legend, the boilerplate left out of matching, and the time taken."""
    counts: dict[str, int] = {}
    for e in c.edits:
        counts[e.kind] = counts.get(e.kind, 0) + 1
    legend = Text("edits: ")
    for kind, n in sorted(counts.items()):
        legend.append(f"{kind} {n}", style=_EDIT_STYLE[kind])
        legend.append("  ")
    legend.append("meaning change", style="bold white on red")
    if c.passages:
        console.print(legend)
    boiler = [(side, b) for side, doc in (("a", c.a), ("b", c.b)) for b in doc.boilerplate]
    if boiler:
        lines = [
            Text(
                f"{side} {b.span.start}–{b.span.end} {b.reason}: "
                f"{' '.join(b.span.of((c.a if side == 'a' else c.b).text).split())[:70]}",
                style="dim",
            )
            for side, b in boiler
        ]
        console.print(Panel(Group(*lines), title="boilerplate (not matched)", border_style="dim"))
    total = c.timings.get("total")
    if total is not None:
        console.print(Text(f"{total * 1000:.0f} ms", style="dim"))

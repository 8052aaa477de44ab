"""What ``unspin extract`` shows: a document as unspin sees it (text, metadata, dates, what
was left out), as JSON (one object per line, schema ``unspin.extract/1``) or in the terminal."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from .._types import Document
from ..text.extract import Skipped
from ..text.origin import origin_to_dict
from .json import boilerplate_to_list, dates_to_list

SCHEMA_ID = "unspin.extract/1"
_LINES_PER_PRINT = 200


def extracted_to_dict(doc: Document, doc_id: str | None = None) -> dict[str, Any]:
    """A document: its text (offsets refer to it), origin, and the text stage's findings."""
    return {
        "schema": SCHEMA_ID,
        "type": "document",
        "name": doc.name,
        "id": doc_id,
        "text": doc.text,
        "sha256": doc.sha256,
        "origin": origin_to_dict(doc.origin),
        "boilerplate": boilerplate_to_list(doc),
        "dates": dates_to_list(doc),
        "segments": len(doc.segments),
    }


def skipped_to_dict(skip: Skipped) -> dict[str, Any]:
    return {"schema": SCHEMA_ID, "type": "skipped", "name": skip.name, "reason": skip.reason}


def render_extracted(doc: Document, console: Console) -> None:
    """The text with the boilerplate the text stage found struck through, under a header of
    metadata and date claims."""
    o = doc.origin
    head = Text()
    if o is not None:
        head.append(f"{o.format}", style="bold")
        head.append(f", {o.size:,} bytes, sha256 {o.sha256[:16]}…")
        if o.encoding:
            head.append(f", {o.encoding}")
        if o.removed_chars:
            head.append(f"; {o.removed_chars:,} characters of markup and page furniture left out")
        if o.replaced_chars:
            head.append(f"; {o.replaced_chars:,} stray NUL character(s) shown as U+FFFD")
        for label, value in (
            ("title", o.title),
            ("author", o.author),
            ("site", o.site),
            ("url", o.url),
            ("language", o.language),
        ):
            if value:
                head.append(f"\n{label}: ", style="dim")
                head.append(value)
        for c in o.dates:
            what = "published" if c.kind == "published" else "published no later than"
            head.append("\ndate: ", style="dim")
            head.append(f"{what} {c.date}  ({c.source}, confidence {c.confidence:.1f}")
            head.append(f": {c.detail})" if c.detail else ")")
    for d in doc.dates:
        head.append("\ndate in text: ", style="dim")
        head.append(f"{d.date}  ({d.source}, characters {d.span.start}–{d.span.end})")
    body = Text()
    pos = 0
    for b in sorted(doc.boilerplate, key=lambda b: b.span.start):
        body.append(doc.text[pos : b.span.start])
        body.append(b.span.of(doc.text), style="dim strike")
        body.append(f" [{b.reason}]", style="dim italic")
        pos = b.span.end
    body.append(doc.text[pos:])
    console.print(Panel(head, title=doc.name, title_align="left"))
    # printed a few lines at a time: rich splits one printed text into lines by copying
    # what is left of it per line, so a long text printed whole takes quadratic time
    lines = body.split("\n", allow_blank=True)
    for k in range(0, len(lines), _LINES_PER_PRINT):
        console.print(Text("\n").join(lines[k : k + _LINES_PER_PRINT]))
    console.print()

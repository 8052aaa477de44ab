"""PAN text-alignment detection XML: one file per pair, one feature per passage."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import quoteattr

from .._types import Comparison, Span


def detections_xml(suspicious: str, source: str, spans: Iterable[tuple[Span, Span]]) -> str:
    """PAN XML for ``(suspicious span, source span)`` pairs."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f"<document reference={quoteattr(suspicious)}>",
    ]
    for a, b in spans:
        lines.append(
            f'<feature name="detected-plagiarism" this_offset="{a.start}" '
            f'this_length="{len(a)}" source_reference={quoteattr(source)} '
            f'source_offset="{b.start}" source_length="{len(b)}"/>'
        )
    lines.append("</document>")
    return "\n".join(lines) + "\n"


def _stem(name: str) -> str:
    base = Path(name).name
    return base[: -len(".txt")] if base.endswith(".txt") else base


def safe_file_part(name: str) -> str:
    """A document name usable in a file name on any system (``<stdin>`` → ``stdin``)."""
    cleaned = "".join(c if c.isalnum() or c in "-_." else "_" for c in _stem(name))
    return cleaned.strip("_") or "input"


def write_pan_xml(
    out_dir: Path, suspicious: str, source: str, spans: Iterable[tuple[Span, Span]]
) -> Path:
    """Write ``<suspicious>-<source>.xml`` (PAN's naming) into ``out_dir``; return its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{safe_file_part(suspicious)}-{safe_file_part(source)}.xml"
    path.write_text(detections_xml(suspicious, source, spans), encoding="utf-8")
    return path


def write_detections(comparison: Comparison, out_dir: Path) -> Path:
    """PAN XML of a comparison, ``a`` as the suspicious document and ``b`` as the source."""
    a, b = Path(comparison.a.name).name, Path(comparison.b.name).name
    return write_pan_xml(out_dir, a, b, ((p.a, p.b) for p in comparison.passages))

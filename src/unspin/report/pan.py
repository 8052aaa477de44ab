"""PAN text-alignment detection XML: one file per pair, one feature per passage."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import quoteattr

from .._types import Comparison, Passage


def detections_xml(
    suspicious: str, source: str, passages: list[Passage] | tuple[Passage, ...]
) -> str:
    """PAN XML with ``a`` as the suspicious document and ``b`` as the source."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f"<document reference={quoteattr(suspicious)}>",
    ]
    for p in passages:
        lines.append(
            f'<feature name="detected-plagiarism" this_offset="{p.a.start}" '
            f'this_length="{len(p.a)}" source_reference={quoteattr(source)} '
            f'source_offset="{p.b.start}" source_length="{len(p.b)}"/>'
        )
    lines.append("</document>")
    return "\n".join(lines) + "\n"


def _stem(name: str) -> str:
    base = Path(name).name
    return base[: -len(".txt")] if base.endswith(".txt") else base


def write_detections(comparison: Comparison, out_dir: Path) -> Path:
    """Write ``<a>-<b>.xml`` (PAN's naming) into ``out_dir`` and return its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    a, b = Path(comparison.a.name).name, Path(comparison.b.name).name
    path = out_dir / f"{_stem(a)}-{_stem(b)}.xml"
    path.write_text(detections_xml(a, b, comparison.passages), encoding="utf-8")
    return path

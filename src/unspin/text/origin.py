"""An ``Origin`` as plain JSON data and back: how the index keeps a document's provenance
(its metadata column) and how reports show it."""

from __future__ import annotations

from typing import Any

from .._types import DateClaim, Origin


def origin_to_dict(origin: Origin | None) -> dict[str, Any] | None:
    """Where a text came from (None: given as text, with no file behind it)."""
    if origin is None:
        return None
    return {
        "format": origin.format,
        "sha256": origin.sha256,
        "size": origin.size,
        "url": origin.url,
        "canonical_url": origin.canonical_url,
        "title": origin.title,
        "author": origin.author,
        "site": origin.site,
        "language": origin.language,
        "encoding": origin.encoding,
        "removed_chars": origin.removed_chars,
        "replaced_chars": origin.replaced_chars,
        "dates": [
            {
                "date": c.date,
                "source": c.source,
                "kind": c.kind,
                "confidence": c.confidence,
                "detail": c.detail,
            }
            for c in origin.dates
        ],
    }


def origin_from_dict(data: Any) -> Origin | None:
    """The inverse of ``origin_to_dict``; None for anything that is not one."""
    if not isinstance(data, dict) or not isinstance(data.get("sha256"), str):
        return None
    try:
        dates = tuple(
            DateClaim(
                d["date"], d["source"], float(d["confidence"]), d.get("detail", ""), d["kind"]
            )
            for d in data.get("dates", [])
        )
        return Origin(
            format=str(data["format"]),
            sha256=data["sha256"],
            size=int(data["size"]),
            url=data.get("url"),
            canonical_url=data.get("canonical_url"),
            title=data.get("title"),
            author=data.get("author"),
            site=data.get("site"),
            language=data.get("language"),
            encoding=data.get("encoding"),
            dates=dates,
            removed_chars=int(data.get("removed_chars", 0)),
            replaced_chars=int(data.get("replaced_chars", 0)),
        )
    except (KeyError, TypeError, ValueError):
        return None

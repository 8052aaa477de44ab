"""Dates mentioned in a text (datelines, ID lines, body), read to ISO form for the verdict."""

from __future__ import annotations

import re
from datetime import date

from .._types import Boilerplate, DateMention, Span

_MONTH_NUM = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_M = "|".join(sorted(_MONTH_NUM, key=len, reverse=True))
_DMY = re.compile(rf"\b(\d{{1,2}})\s+({_M})\.?,?\s+(\d{{4}})\b", re.IGNORECASE)
# the lookahead on a month's first letter lets the engine skip most positions at once
_MDY = re.compile(
    rf"\b(?=[adfjmnos])({_M})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE
)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_ID_DATE = re.compile(r"(?<!\d)(\d{2})(\d{2})(20\d{2})(?=\d)")


def iso_date(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def find_dates(text: str, boilerplate: tuple[Boilerplate, ...]) -> tuple[DateMention, ...]:
    """Full dates (day, month, year) in ``text``; the source says where each was found."""

    def source_of(span: Span) -> str:
        for b in boilerplate:
            if b.span.overlaps(span):
                return b.reason
        return "body"

    found: list[DateMention] = []
    for m in _DMY.finditer(text):
        iso = iso_date(int(m[3]), _MONTH_NUM[m[2].lower()], int(m[1]))
        if iso:
            span = Span(m.start(), m.end())
            found.append(DateMention(span, iso, source_of(span)))
    for m in _MDY.finditer(text):
        iso = iso_date(int(m[3]), _MONTH_NUM[m[1].lower()], int(m[2]))
        if iso:
            span = Span(m.start(), m.end())
            found.append(DateMention(span, iso, source_of(span)))
    for m in _ISO.finditer(text):
        iso = iso_date(int(m[1]), int(m[2]), int(m[3]))
        if iso:
            span = Span(m.start(), m.end())
            found.append(DateMention(span, iso, source_of(span)))
    for b in boilerplate:
        if b.reason != "id-line":
            continue
        id_match = _ID_DATE.search(b.span.of(text))
        if id_match:
            iso = iso_date(int(id_match[3]), int(id_match[2]), int(id_match[1]))
            if iso:
                span = Span(b.span.start + id_match.start(), b.span.start + id_match.end())
                found.append(DateMention(span, iso, "id-line"))
    return tuple(sorted(found, key=lambda d: d.span))


_ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def parse_iso_prefix(value: str) -> str | None:
    """The date of an ISO 8601 date or timestamp (``2024-03-01``, ``2024-03-01T12:00Z``)."""
    m = _ISO_PREFIX.match(value)
    return iso_date(int(m[1]), int(m[2]), int(m[3])) if m else None

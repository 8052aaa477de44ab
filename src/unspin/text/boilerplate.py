"""Rule-based recognition of text that is not the article: datelines, syndication markers, ID
lines, legal disclaimers, stray navigation words. Boilerplate is excluded from matching and
shown as such in reports.
"""

from __future__ import annotations

import hashlib
import re

from .._types import Boilerplate, Span
from .segment import trim

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_WEEKDAYS = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    "mon|tue|tues|wed|thu|thurs|fri|sat|sun"
)
_DATE_WORDS = re.compile(
    rf"\b(?:{_MONTHS}|{_WEEKDAYS}|gmt|utc|[ap]\.?m\.?|cet|est|edt|pst|bst|ist|updated|published|posted|"
    r"am|pm|on|at|last|\d{1,4})\b|[\s,:./|-]+",
    re.IGNORECASE,
)
_HAS_DATE = re.compile(
    rf"\b\d{{1,2}}\s+(?:{_MONTHS})\.?\s+\d{{4}}\b|\b(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}\b|"
    r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b",
    re.IGNORECASE,
)
_SYNDICATION = re.compile(
    r"\(\s*(?:[A-Z][A-Za-z]{1,20}\s*-\s*[^()\n]{1,50}|AP|AFP|Reuters|UPI|IANS|PTI|ANI|CNN|"
    r"Xinhua|dpa|EFE|Bloomberg)\s*\)\s*(?:[-\u2013\u2014]\s*)?"
)
# a feed's record ID on a line of its own (``MENAFN25042025000159011032ID1109474363``,
# ``mnaft:2504…``): letters and digits, perhaps joined by ``_ - :``
_ID_LINE = re.compile(
    r"^(?=[A-Za-z0-9_:-]*\d)(?=[A-Za-z0-9_:-]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9_:-]{15,}$"
)
_DISCLAIMER_HEAD = re.compile(
    r"^\s*(?:legal\s+)?disclaimer\s*:?\s*$|^\s*(?:copyright|\u00a9|\(c\))\b.*$|"
    r"^.*\ball rights reserved\.?\s*$",
    re.IGNORECASE,
)
_NAV = re.compile(
    r"^\s*(?:search|menu|home|share|share this|subscribe|log ?in|sign ?in|sign up|"
    r"advertisement|read more|related|related articles|tweet|comments?|print|e-?mail|"
    r"skip to (?:main )?content|follow us|back to top|next|previous|close|loading\.*)\s*:?\s*$",
    re.IGNORECASE,
)


def _lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every line, without its newline."""
    spans, start = [], 0
    for m in re.finditer(r"\n", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def is_dateline(line: str) -> bool:
    if len(line) > 80 or not _HAS_DATE.search(line):
        return False
    leftover = _DATE_WORDS.sub("", line)
    return len(leftover) <= 4


_LINE_KEY_DROP = re.compile(r"[\W\d_]+")


def line_hash(line: str) -> int | None:
    """The identity of a line for learning recurring ones: its letters, case-folded, digits
    and punctuation dropped (a footer's year or a share count may change from page to page);
    a signed 64-bit integer (SQLite's), or None for a line without letters."""
    key = _LINE_KEY_DROP.sub(" ", line.casefold()).strip()
    if not key:
        return None
    digest = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def line_hashes(text: str) -> list[int]:
    """The distinct line hashes of ``text``, in order of first appearance."""
    seen: dict[int, None] = {}
    for start, end in _lines(text):
        h = line_hash(text[start:end])
        if h is not None:
            seen.setdefault(h, None)
    return list(seen)


def find_boilerplate(text: str, recurring: frozenset[int] = frozenset()) -> tuple[Boilerplate, ...]:
    """Boilerplate regions of ``text``, sorted, non-overlapping. A line whose ``line_hash`` is
    in ``recurring`` (learned from a corpus) is boilerplate too."""
    found: list[Boilerplate] = []
    lines = _lines(text)
    in_disclaimer = disclaimer_body = False
    for start, end in lines:
        start, end = trim(text, start, end)
        line = text[start:end]
        if not line:
            # a blank line ends a disclaimer block, unless only its heading has been seen
            # (extracted pages put a blank line between every block)
            in_disclaimer = in_disclaimer and not disclaimer_body
            continue
        if recurring and line_hash(line) in recurring:
            found.append(Boilerplate(Span(start, end), "recurring"))
        elif in_disclaimer:
            found.append(Boilerplate(Span(start, end), "legal-disclaimer"))
            disclaimer_body = True
        elif _DISCLAIMER_HEAD.match(line):
            found.append(Boilerplate(Span(start, end), "legal-disclaimer"))
            in_disclaimer = line.rstrip(":").strip().lower().endswith("disclaimer")
            disclaimer_body = False
        elif is_dateline(line):
            found.append(Boilerplate(Span(start, end), "dateline"))
        elif _ID_LINE.match(line):
            found.append(Boilerplate(Span(start, end), "id-line"))
        elif _NAV.match(line):
            found.append(Boilerplate(Span(start, end), "navigation"))
        else:
            m = _SYNDICATION.match(line)
            if m:
                found.append(Boilerplate(Span(start, start + m.end()), "syndication-marker"))
    return tuple(found)

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
_DISCLAIMER_HEAD = re.compile(r"^\s*(?:legal\s+)?disclaimer\s*:?\s*$", re.IGNORECASE)
_COPYRIGHT_HEAD = re.compile(r"^\s*(?:copyright|\u00a9|\(c\))", re.IGNORECASE)
_RIGHTS_TAIL = re.compile(r"\ball rights reserved\.?\s*$", re.IGNORECASE)
_COPYRIGHT_MARK = re.compile(r"copyright|\u00a9|\(c\)", re.IGNORECASE)
# the words of legal small print: a disclaimer's body and a copyright notice's further
# sentences hold at least one; an article's paragraph after a "Disclaimer" link does not
_LEGAL = re.compile(
    r"\b(?:liab\w*|warrant\w*|responsib\w*|accura\w*|disclaim\w*|copyright\w*|"
    r"rights?|reserved|reproduc\w*|permission|consent|terms|conditions|endorse\w*|"
    r"guarantee\w*|advice|informational|professional|damages?|trademarks?|prohibited|"
    r"affiliat\w*|opinions?|policy|privacy|license\w*|licen[cs]e)\b|\u00a9|\(c\)",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s+|\s[\u2022|]\s")
# a line longer than this holding a copyright notice is more than the notice (a page's text
# run into its footer): only the notice's sentences are boilerplate
_NOTICE_CHARS = 200
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


def _copyright_notice(line: str) -> tuple[int, int] | None:
    """Where a copyright notice lies in ``line`` (offsets in it), or None.

    A short line that opens with "Copyright" / "©" or ends with "All rights reserved" is the
    notice. In a longer line (page text run into its footer) the notice is only: from the
    line's start, its first sentence and the sentences after it that speak of rights; or,
    for a line ending "All rights reserved", from the last copyright mark before it (else
    that phrase's sentence) to the end."""
    head = _COPYRIGHT_HEAD.match(line)
    tail = _RIGHTS_TAIL.search(line)
    if not head and not tail:
        return None
    if len(line) <= _NOTICE_CHARS:
        return 0, len(line)
    if head:
        end = 0
        for k, m in enumerate(_SENTENCE_END.finditer(line)):
            if k and not _LEGAL.search(line[end : m.start() + 1]):
                return 0, end
            end = m.end()
        # the line's last sentence, without its closing mark: the notice's too if it speaks
        # of rights (or if the line has no sentence end at all)
        return 0, (len(line) if not end or _LEGAL.search(line[end:]) else end)
    assert tail is not None
    marks = [m.start() for m in _COPYRIGHT_MARK.finditer(line, 0, tail.start())]
    anchor = marks[-1] if marks else tail.start()
    ends = [m.end() for m in _SENTENCE_END.finditer(line, 0, anchor)]
    return (ends[-1] if ends else 0), len(line)


def find_boilerplate(text: str, recurring: frozenset[int] = frozenset()) -> tuple[Boilerplate, ...]:
    """Boilerplate regions of ``text``, sorted, non-overlapping. A line whose ``line_hash`` is
    in ``recurring`` (learned from a corpus) is boilerplate too, unless such lines are most
    of the text."""
    found: list[Boilerplate] = []
    lines = _lines(text)
    if recurring:
        # page furniture is a small part of a page: when most of a text's lines recur in
        # its site or feed, the text is a copy of others there (syndication), and its
        # lines are its content
        held = total = 0
        for start, end in lines:
            start, end = trim(text, start, end)
            total += end - start
            if end > start and line_hash(text[start:end]) in recurring:
                held += end - start
        if held * 2 > total:
            recurring = frozenset()
    in_disclaimer = disclaimer_body = False
    for start, end in lines:
        start, end = trim(text, start, end)
        line = text[start:end]
        if not line:
            # a blank line ends a disclaimer block, unless only its heading has been seen
            # (extracted pages put a blank line between every block)
            in_disclaimer = in_disclaimer and not disclaimer_body
            continue
        if in_disclaimer and not _LEGAL.search(line):
            # a "Disclaimer" heading or link followed by a line of no legal words: the page's
            # text, not small print (a disclaimer's lines all speak of liability, rights,
            # advice, accuracy)
            in_disclaimer = False
        if recurring and line_hash(line) in recurring:
            found.append(Boilerplate(Span(start, end), "recurring"))
        elif in_disclaimer:
            found.append(Boilerplate(Span(start, end), "legal-disclaimer"))
            disclaimer_body = True
        elif _DISCLAIMER_HEAD.match(line):
            found.append(Boilerplate(Span(start, end), "legal-disclaimer"))
            in_disclaimer, disclaimer_body = True, False
        elif (notice := _copyright_notice(line)) is not None:
            s, e = trim(text, start + notice[0], start + notice[1])
            found.append(Boilerplate(Span(s, e), "legal-disclaimer"))
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

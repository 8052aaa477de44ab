"""Quoted speech in a text, with offsets into the text as given: what two independent
reports of one event share most often (both quote the speaker), and what is therefore no
evidence that one report copied the other.

Found here (by hand: no library marks quotations with offsets over all these conventions):
- text between quotation marks: straight ``"…"``, curly ``“…”`` and ``‘…’``, low-high
  ``„…“``, guillemets ``«…»``, ``»…«`` and ``‹…›``, corner brackets ``「…」`` and ``『…』``.
  A quotation left open at the end of a paragraph runs to that paragraph's end (the news
  convention for a quotation of several paragraphs reopens it on the next one);
- block quotations: lines that start with ``>``;
- reported speech attributed in the same sentence without marks: "The talks went well,
  the minister said." (the clause before the attribution).

Each ``Quotation`` covers the quoted words only (not the marks, nor the attribution).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Literal

from .._types import Span

QuotationKind = Literal["marked", "block", "attributed"]

# opening mark → the marks that close it
_PAIRS = {
    "\u201c": "\u201d\u201c",  # “…” (and “…“, a common typo)
    "\u201e": "\u201c\u201d",  # „…“ / „…”
    "\u00ab": "\u00bb",  # «…»
    "\u00bb": "\u00ab",  # »…« (German, Danish)
    "\u2039": "\u203a",  # ‹…›
    "\u2018": "\u2019",  # ‘…’
    "\u300c": "\u300d",  # 「…」
    "\u300e": "\u300f",  # 『…』
}
_MARKS = re.compile(
    '["\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a\u2018\u2019\u300c\u300d\u300e\u300f\n]'
)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_WORD = re.compile(r"\w+")
_BLOCK_LINE = re.compile(r"^[ \t]*>[ \t]?(.*)$", re.MULTILINE)
# the longest a quotation may run without closing before it is taken for a stray mark
_MAX_OPEN = 4000

_SPEECH_VERBS = (
    "said|says|told|added|adds|stated|states|explained|explains|noted|notes|insisted|"
    "insists|argued|argues|warned|warns|wrote|writes|declared|declares|announced|announces|"
    "claimed|claims|asserted|asserts|acknowledged|acknowledges|admitted|admits|recalled|"
    "recalls|continued|continues|concluded|concludes|stressed|stresses|tweeted|tweets"
)
_SPEAKER = (
    r"(?:he|she|they|it|we|I|"
    r"(?:the|a|an|his|her|their|its)\s+[\w'’.-]+(?:\s+[\w'’.-]+){0,5}|"
    r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|de|van|von|al|bin)){0,4})"
)
# "<clause>, <speaker> said<rest of the sentence>." or "<clause>, said <speaker>." or
# "<clause>, according to <speaker>." The clause must hold a few words; it starts after the
# previous sentence's end (or a line start) and holds no sentence end of its own.
_ATTRIBUTED = re.compile(
    r"(?:^|(?<=[.!?]\s))"
    r"(?P<clause>[^\s.!?\n\"“”«»][^.!?\n\"“”«»]{15,600}?)"
    r",\s+(?:" + _SPEAKER + r"\s+(?:" + _SPEECH_VERBS + r")\b"
    r"|(?:" + _SPEECH_VERBS + r")\s+" + _SPEAKER
    + r"|according\s+to\s+[\w'’.-]+(?:\s+[\w'’.-]+){0,5})"
    r"[^.!?\n]{0,120}[.!?]",
    re.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class Quotation:
    """Quoted words: ``span`` covers them, without the marks around them."""

    span: Span
    kind: QuotationKind


def _is_opening_straight(text: str, i: int) -> bool:
    """A straight double quote opens when what precedes it is a line start, a space or an
    opening bracket or dash, and a non-space follows."""
    before = text[i - 1] if i else "\n"
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/") and not after.isspace()


def _is_apostrophe(text: str, i: int) -> bool:
    """’ between letters (don’t) or after an s or a digit (the players’ union, the ’90s)."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isalnum() and after.isalnum()) or (not before.isalnum() and after.isdigit())


def _is_separator(text: str, i: int) -> bool:
    """» with space after it: a breadcrumb or menu separator ("Home » Wrist"); as an opening
    mark (»Text«) it is followed by the quoted word."""
    return i + 1 >= len(text) or text[i + 1].isspace()


def _trimmed(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None


def _marked(text: str) -> list[Span]:
    """The spans between matching quotation marks (outermost only)."""
    out: list[Span] = []
    opener: str | None = None
    start = 0
    for m in _MARKS.finditer(text):
        ch, i = m.group(), m.start()
        if opener is None:
            if ch == "\n":
                continue
            if ch == '"':
                if _is_opening_straight(text, i):
                    opener, start = ch, i + 1
            elif ch in _PAIRS and not (
                (ch == "\u2018" and _is_apostrophe(text, i))
                or (ch == "\u00bb" and _is_separator(text, i))
            ):
                opener, start = ch, i + 1
            continue
        if ch == "\n":
            # a paragraph break closes a quotation left open (it is reopened on the next
            # paragraph when the quotation goes on)
            if i - start > _MAX_OPEN:
                opener = None  # never closed: a stray mark, not a quotation
            elif _PARAGRAPH_BREAK.match(text, i):
                span = _trimmed(text, start, i)
                if span is not None:
                    out.append(span)
                opener = None
            continue
        closes = ch == '"' if opener == '"' else ch in _PAIRS[opener]
        if closes and ch == "\u2019" and _is_apostrophe(text, i):
            continue
        if closes:
            span = _trimmed(text, start, i)
            if span is not None:
                out.append(span)
            opener = None
        elif i - start > _MAX_OPEN:
            opener = None
    if opener is not None and len(text) - start <= _MAX_OPEN:
        span = _trimmed(text, start, len(text))
        if span is not None:
            out.append(span)
    return out


def _inside(pos: int, spans: Sequence[Span]) -> bool:
    return any(s.start <= pos < s.end for s in spans)


def find_quotations(text: str) -> list[Quotation]:
    """Every quotation of ``text``, sorted by start, none overlapping another."""
    found = [Quotation(s, "marked") for s in _marked(text)]
    for m in _BLOCK_LINE.finditer(text):
        span = _trimmed(text, m.start(1), m.end(1))
        if span is not None:
            found.append(Quotation(span, "block"))
    marked = [q.span for q in found]
    for m in _ATTRIBUTED.finditer(text):
        span = _trimmed(text, m.start("clause"), m.end("clause"))
        if span is not None and not _inside(span.start, marked):
            found.append(Quotation(span, "attributed"))
    found.sort(key=lambda q: (q.span.start, -q.span.end))
    out: list[Quotation] = []
    for q in found:
        if out and q.span.start < out[-1].span.end:
            continue  # inside one already kept (a quotation inside a block quotation)
        out.append(q)
    return out


class QuoteSpans:
    """Quotation spans sorted by start, with what finding those near a span by bisection
    needs (``reach[k]``: the furthest end of the first k + 1): built once per text, it keeps
    the lookups of a long text with many passages and quotations linear."""

    def __init__(self, quotes: Sequence[Span]) -> None:
        self.ordered = sorted(quotes, key=lambda q: q.start)
        self.starts = [q.start for q in self.ordered]
        self.reach = list(accumulate((q.end for q in self.ordered), max))

    def near(self, s: Span) -> list[Span]:
        """The quotations that may overlap ``s``, in start order: from the first whose
        prefix reaches past its start to the last that starts before its end."""
        return self.ordered[bisect_right(self.reach, s.start) : bisect_left(self.starts, s.end)]


def _indexed(quotes: Sequence[Span] | QuoteSpans) -> QuoteSpans:
    return quotes if isinstance(quotes, QuoteSpans) else QuoteSpans(quotes)


def quoted_chars(
    spans: Sequence[Span], quotes: Sequence[Span] | QuoteSpans, text: str
) -> tuple[int, int]:
    """The non-space characters of ``spans`` that lie inside ``quotes``, and all of them
    (neither list needs to be sorted or disjoint: each span is measured on its own)."""
    index = _indexed(quotes)
    total = inside = 0
    for s in spans:
        chunk = text[s.start : s.end]
        total += len(chunk) - sum(c.isspace() for c in chunk)
        for q in index.near(s):
            lo, hi = max(s.start, q.start), min(s.end, q.end)
            if lo < hi:
                part = text[lo:hi]
                inside += len(part) - sum(c.isspace() for c in part)
    return inside, total


def unquoted_words(
    spans: Sequence[Span], quotes: Sequence[Span] | QuoteSpans, text: str
) -> list[str]:
    """The words of ``spans`` that lie outside ``quotes``, lowercase, in order."""
    index = _indexed(quotes)
    out: list[str] = []
    for s in sorted(spans, key=lambda x: x.start):
        pos = s.start
        for q in index.near(s):
            if q.end <= pos or q.start >= s.end:
                continue
            out += _WORD.findall(text, pos, max(pos, q.start))
            pos = max(pos, q.end)
        out += _WORD.findall(text, pos, s.end)
    return [w.lower() for w in out]


def quoted_share(spans: Sequence[Span], quotes: Sequence[Span], text: str) -> float:
    """Share of the non-space characters of ``spans`` that lie inside ``quotes``."""
    inside, total = quoted_chars(spans, quotes, text)
    return inside / total if total else 0.0

"""Small helpers on spans and units that the passage rules and the verbatim cut share."""

from __future__ import annotations

from collections.abc import Sequence

from .._types import PassageKind, Span
from ..config import Config
from ..prepared import PreparedText
from ..text.normalize import (
    Token,
)

# an exact common run of words: its span in a, its span in b
Run = tuple[Span, Span]


def _word_forms(tokens: Sequence[Token]) -> list[str]:
    return [t.lower for t in tokens if t.is_word]


def passage_kind(similarity: float, config: Config) -> PassageKind:
    if similarity >= config.verbatim_similarity:
        return "verbatim"
    if similarity >= config.near_verbatim_similarity:
        return "near-verbatim"
    return "paraphrase"


def _clip(span: Span, bounds: Span) -> Span:
    start = min(max(span.start, bounds.start), bounds.end)
    return Span(start, max(start, min(span.end, bounds.end)))


def _units_in(p: PreparedText, span: Span) -> list[int]:
    """The units of ``p`` that overlap ``span``."""
    return [k for k, seg in enumerate(p.doc.segments) if seg.span.overlaps(span)]


def _words_in(p: PreparedText, span: Span) -> list[Token]:
    return [
        t
        for k in _units_in(p, span)
        for t in p.tokens[k]
        if t.is_word and span.start <= t.span.start and t.span.end <= span.end
    ]

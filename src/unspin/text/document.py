"""Build a ``Document``: boilerplate, body regions, segments and dates of one text."""

from __future__ import annotations

import dataclasses
import hashlib
from typing import TypeVar

from .._types import Boilerplate, DateMention, Document, Origin, Segment, Span
from ..config import Config
from .boilerplate import find_boilerplate
from .dates import find_dates
from .normalize import Normalized, matching_view, normalize_part
from .segment import segment

T = TypeVar("T", Boilerplate, DateMention)


def _moved(found: tuple[T, ...], by: int) -> tuple[T, ...]:
    """Boilerplate or dates found in a part of a text that starts at ``by``, at the text's
    offsets."""
    if not by:
        return found
    return tuple(
        dataclasses.replace(f, span=Span(f.span.start + by, f.span.end + by))  # type: ignore[type-var]
        for f in found
    )


def body_regions(text: str, boilerplate_spans: list[Span]) -> list[Span]:
    """The complement of the boilerplate spans in ``[0, len(text))``."""
    regions, pos = [], 0
    for span in sorted(boilerplate_spans):
        if span.start > pos:
            regions.append(Span(pos, span.start))
        pos = max(pos, span.end)
    if pos < len(text):
        regions.append(Span(pos, len(text)))
    return regions


def text_sha256(text: str) -> str:
    """The identity of a text: sha256 of its UTF-8 bytes (lone surrogates kept)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def body_segments(
    text: str, config: Config, norm: Normalized, recurring: frozenset[int] = frozenset()
) -> tuple[tuple[Boilerplate, ...], tuple[Segment, ...]]:
    """The boilerplate of ``text`` and the segments of its body: the part of the text stage
    that matching needs (the index keys documents with it alone, without dates)."""
    boilerplate = _moved(find_boilerplate(matching_view(norm), recurring), norm.examined.start)
    regions = body_regions(text, [b.span for b in boilerplate])
    return boilerplate, segment(norm, regions, config.max_unit_words)


def make_document(
    name: str,
    text: str,
    config: Config,
    norm: Normalized | None = None,
    origin: Origin | None = None,
    recurring: frozenset[int] = frozenset(),
) -> Document:
    """Run the text stage on ``text`` (already decoded or extracted; ``origin`` says where it
    came from). Lines whose hash (``line_hash``) is in ``recurring`` are boilerplate learned
    from a corpus (an index). ``norm`` may be of a part of ``text`` (``normalize_part``,
    ``examined_length``): the rest is the document's ``unexamined`` part."""
    if norm is None:
        norm = normalize_part(text, 0, examined_length(text, config.max_aligned_chars))
    # a normalised part: the rest of the text is kept but not examined
    part = norm.examined
    unexamined = tuple(
        s for s in (Span(0, part.start), Span(part.end, len(text))) if s.end > s.start
    )
    boilerplate, segments = body_segments(text, config, norm, recurring)
    return Document(
        name=name,
        text=text,
        sha256=text_sha256(text),
        segments=segments,
        boilerplate=boilerplate,
        dates=_moved(find_dates(matching_view(norm), boilerplate), part.start),
        origin=origin,
        manipulation=norm.manipulation,
        unexamined=unexamined,
    )


def examined_length(text: str, limit: int, start: int = 0) -> int:
    """Where the examined part of ``text`` from ``start`` ends: at the end, when that is at
    most ``limit`` characters on, else at the last line break (or space) before that."""
    if len(text) - start <= limit:
        return len(text)
    for mark in ("\n", " "):
        cut = text.rfind(mark, start + limit // 2, start + limit)
        if cut > start:
            return cut
    return start + limit

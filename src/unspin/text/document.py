"""Build a ``Document``: boilerplate, body regions, segments and dates of one text."""

from __future__ import annotations

import hashlib

from .._types import Boilerplate, Document, Origin, Segment, Span
from ..config import Config
from .boilerplate import find_boilerplate
from .dates import find_dates
from .normalize import Normalized, matching_view, normalize
from .segment import segment


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
    boilerplate = find_boilerplate(matching_view(norm), recurring)
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
    from a corpus (an index). ``norm`` may be of a prefix of ``text`` (``examined_length``):
    the rest is the document's ``unexamined`` part."""
    if norm is None:
        norm = normalize(text[: examined_length(text, config.max_aligned_chars)])
    # a normalised prefix: the rest of the text is kept but not examined
    seen = len(norm.original)
    unexamined = Span(seen, len(text)) if seen < len(text) else None
    boilerplate, segments = body_segments(text, config, norm, recurring)
    return Document(
        name=name,
        text=text,
        sha256=text_sha256(text),
        segments=segments,
        boilerplate=boilerplate,
        dates=find_dates(matching_view(norm), boilerplate),
        origin=origin,
        manipulation=norm.manipulation,
        unexamined=unexamined,
    )


def examined_length(text: str, limit: int) -> int:
    """How much of ``text`` is examined: all of it up to ``limit`` characters, else up to
    its last line break (or space) before ``limit``."""
    if len(text) <= limit:
        return len(text)
    for mark in ("\n", " "):
        cut = text.rfind(mark, limit // 2, limit)
        if cut > 0:
            return cut
    return limit

"""The stable JSON form of a ``Comparison`` (schema ``unspin.compare/1``, see
``compare.schema.json`` beside this file and docs/json-schema.md)."""

from __future__ import annotations

from typing import Any

from .._types import Comparison, Document, Passage, Span
from ..text.origin import origin_to_dict
from ..text.quotes import find_quotations

SCHEMA_ID = "unspin.compare/1"


def _span(span: Span, text: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"start": span.start, "end": span.end}
    if text is not None:
        out["text"] = span.of(text)
    return out


def boilerplate_to_list(doc: Document) -> list[dict[str, Any]]:
    return [{**_span(b.span, doc.text), "reason": b.reason} for b in doc.boilerplate]


def dates_to_list(doc: Document) -> list[dict[str, Any]]:
    return [{**_span(d.span), "date": d.date, "source": d.source} for d in doc.dates]


def quotations_to_list(doc: Document) -> list[dict[str, Any]]:
    return [{**_span(q.span, doc.text), "kind": q.kind} for q in find_quotations(doc.text)]


def _document(doc: Document, language: str) -> dict[str, Any]:
    return {
        "name": doc.name,
        "language": language,
        "sha256": doc.sha256,
        "length": len(doc.text),
        "segments": len(doc.segments),
        "boilerplate": boilerplate_to_list(doc),
        "dates": dates_to_list(doc),
        "quotations": quotations_to_list(doc),
        "character_manipulation": [
            {**_span(e.span, doc.text), "kind": e.kind, "read_as": e.read_as}
            for e in doc.manipulation
        ],
        "unexamined": [_span(s) for s in doc.unexamined],
        "origin": origin_to_dict(doc.origin),
    }


def comparison_to_dict(c: Comparison) -> dict[str, Any]:
    """Plain JSON-ready data: every span is ``{start, end[, text]}`` in the user's text."""
    a, b = c.a.text, c.b.text
    return {
        "schema": SCHEMA_ID,
        "a": _document(c.a, c.languages[0]),
        "b": _document(c.b, c.languages[1]),
        "verdict": {
            "label": c.verdict.label,
            "summary": c.verdict.summary,
            "confidence": c.verdict.confidence,
            "quotations": c.verdict.quotations,
            "original": c.verdict.original,
            "coverage": {"a": c.verdict.coverage_a, "b": c.verdict.coverage_b},
            "evidence": [
                {"kind": e.kind, "detail": e.detail, "favours": e.favours, "weight": e.weight}
                for e in c.verdict.evidence
            ],
        },
        "passages": [passage_to_dict(p, k, a, b) for k, p in enumerate(c.passages)],
        "edits": [
            {
                "passage": e.passage,
                "kind": e.kind,
                "meaning_change": e.meaning_change,
                "reason": e.reason,
                "a": _span(e.a, a),
                "b": _span(e.b, b),
            }
            for e in c.edits
        ],
        "timings": {k: round(v, 4) for k, v in c.timings.items()},
    }


def passage_to_dict(p: Passage, k: int, a: str, b: str) -> dict[str, Any]:
    """One passage (number ``k``) of texts ``a`` and ``b``, with its unit matches."""
    return {
        "id": k,
        "kind": p.kind,
        "score": p.score,
        "similarity": p.similarity,
        "a": _span(p.a, a),
        "b": _span(p.b, b),
        "matches": [
            {
                "a": _span(m.a),
                "b": _span(m.b),
                "score": m.score,
                "lexical": m.lexical,
                "semantic": m.semantic,
            }
            for m in p.matches
        ],
    }

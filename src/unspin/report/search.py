"""A search's result for people and programs: the JSON of ``unspin index search --json`` and
its text output. Both take a ``SearchResult`` and hold no logic of the search itself."""

from __future__ import annotations

from typing import Any

from ..index.searcher import SearchResult
from .json import comparison_to_dict, passage_to_dict


def search_to_dict(result: SearchResult, query: str) -> dict[str, Any]:
    """The JSON of a search (``docs/json-schema.md``): each hit with its whole comparison,
    each lead with its unconfirmed passages."""
    return {
        "query": query,
        "candidates": result.candidates,
        "warnings": result.warnings,
        "timings_s": {k: round(v, 4) for k, v in result.timings.items()},
        "hits": [
            {
                "rank": rank,
                "id": hit.doc_id,
                "name": hit.name,
                "candidate_score": hit.candidate_score,
                "reused_chars": hit.reused_chars,
                "standalone": hit.standalone,
                "copy_of": hit.copy_of,
                "comparison": comparison_to_dict(hit.comparison),
            }
            for rank, hit in enumerate(result.hits, 1)
        ],
        "leads": [
            {
                "rank": rank,
                "id": lead.doc_id,
                "name": lead.name,
                "candidate_score": lead.candidate_score,
                "verdict": lead.label,
                "lead_chars": lead.chars,
                "passages": [
                    passage_to_dict(p, k, lead.comparison.a.text, lead.comparison.b.text)
                    for k, p in enumerate(lead.passages)
                ],
            }
            for rank, lead in enumerate(result.leads, 1)
        ],
    }


def search_lines(result: SearchResult, query: str) -> list[str]:
    """The text output of a search: each family's lead numbered, its copies under it, each
    hit's passages with their offsets, then the unconfirmed leads."""
    out: list[str] = []
    if not result.hits:
        out.append(f"no source found for {query} ({result.candidates} candidates verified)")
    family = 0
    for hit in result.hits:
        v = hit.comparison.verdict
        facts = (
            f"{v.label}  query covered {v.coverage_a:.1%}, source covered {v.coverage_b:.1%}, "
            f"{len(hit.comparison.passages)} passage(s)"
            + ("" if hit.standalone else "  [weak: compared alone, the pair shows no reuse]")
        )
        if hit.copy_of is not None:
            # a copy of the text of the family's lead, held by another document
            out.append(f"   = {hit.doc_id}  copy of {hit.copy_of}'s text: {facts}")
            continue
        family += 1
        out.append(f"{family}. {hit.doc_id}  {facts}")
        for p in hit.comparison.passages:
            out.append(f"     query {p.a.start}-{p.a.end}  source {p.b.start}-{p.b.end}  {p.kind}")
    if result.leads:
        out.append(
            "unconfirmed leads (sentences sharing rare words with parts of the query no source "
            "above explains; the aligner verified no passage: check them by eye):"
        )
    for lead in result.leads:
        out.append(f"?  {lead.doc_id}  {lead.chars} query characters, verdict {lead.label}")
        for p in lead.passages:
            out.append(
                f"     query {p.a.start}-{p.a.end}  source {p.b.start}-{p.b.end}  "
                f"score {p.score:.2f}, {len(p.matches)} sentence match(es)"
            )
    return out

"""One shard of a corpus scan: its candidate pairs verified by the aligner, each edge with
its record and pair report; and the atomic writes every output of a scan is made with.
Called by the local engine's processes and by the Spark job's partitions alike."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .._types import REUSE_LABELS, Comparison
from ..index import Index
from ..index.searcher import PreparedCache
from ..pipeline import Comparer
from ..report.html import render_html


def write_atomic(path: Path, lines: Iterable[str]) -> None:
    """Write ``path`` whole or not at all: a temporary file, synced, renamed over it."""
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        for line in lines:
            f.write(line + "\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def dumps(record: Any) -> str:
    return json.dumps(record, ensure_ascii=False, sort_keys=True)


def edge_record(a: str, b: str, c: Comparison) -> dict[str, Any]:
    """An edge of ``edges.jsonl``: a verified pair with its verdict, coverage, direction
    with its evidence, and passages (offsets in each document's text)."""
    v = c.verdict
    return {
        "a": a,
        "b": b,
        "label": v.label,
        "confidence": v.confidence,
        "coverage": {"a": v.coverage_a, "b": v.coverage_b},
        "original": v.original,
        "evidence": [
            {"kind": e.kind, "detail": e.detail, "favours": e.favours, "weight": e.weight}
            for e in v.evidence
        ],
        "passages": [
            {
                "a": {"start": p.a.start, "end": p.a.end},
                "b": {"start": p.b.start, "end": p.b.end},
                "kind": p.kind,
                "similarity": p.similarity,
            }
            for p in c.passages
        ],
    }


def report_name(a: str, b: str) -> str:
    """The file name of an edge's pair report (``pairs/``): ids may hold any character."""
    return hashlib.sha256(f"{a}\0{b}".encode("utf-8", "surrogatepass")).hexdigest()[:20] + ".html"


def verify_pairs(
    index: Index,
    comparer: Comparer,
    cache: PreparedCache,
    pairs: Sequence[tuple[str, str]],
    reports: Path | None = None,
) -> list[dict[str, Any]]:
    """One shard's lines: each pair with its edge (None when the verdict is no reuse); each
    edge's pair report (``unspin compare --html``) written into ``reports`` when given,
    before the shard that holds it."""
    lines = []
    for a, b in pairs:
        pa = cache.get(index, a, comparer)
        pb = cache.get(index, b, comparer)
        c = comparer.compare_prepared(pa, pb)
        edge = edge_record(a, b, c) if c.verdict.label in REUSE_LABELS else None
        if edge is not None and reports is not None:
            write_atomic(reports / report_name(a, b), [render_html(c)])
        lines.append({"a": a, "b": b, "label": c.verdict.label, "edge": edge})
    return lines



"""A document's index entry: its keys as postings, computed outside the write transaction
(in worker processes when ingesting on several cores, ``ingest.keyed_batches``)."""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

import numpy as np

from ..config import Config
from ..text.document import text_sha256
from .keys import IndexParams, text_windows


class Keyed(NamedTuple):
    """A text's index entry, computed outside the write transaction (in a worker process
    when ingesting on several cores): its sha256, its zlib'd UTF-8, its distinct keys (sorted),
    its number of windows and its postings (key, block, mask). A tuple: it crosses process
    boundaries by the thousand."""

    sha256: str
    packed_text: bytes
    keys: list[int]
    windows: int
    postings: list[tuple[int, int, int]]
    # of a text longer than ``Config.max_aligned_chars``, the span each window covers
    # (``pack_spans``), for a search to examine the part of it a query is found in; else b""
    spans: bytes = b""


def keyed_text(text: str, config: Config, params: IndexParams) -> Keyed:
    """The index entry of ``text``: its keys (``text_keys``) as postings, one per key and
    block of 64 windows, the windows a bit mask (SQLite integers are signed 64-bit: bit 63
    is stored as the sign)."""
    windows, spans = text_windows(text, config, params)
    postings = postings_of(windows)
    return Keyed(
        sha256=text_sha256(text),
        # level 1: a third of level 6's time for 10% more bytes; texts are read once per hit
        packed_text=zlib.compress(text.encode("utf-8", "surrogatepass"), 1),
        keys=sorted({k for k, _, _ in postings}),
        windows=len(windows),
        postings=postings,
        spans=pack_spans(spans) if len(text) > config.max_aligned_chars else b"",
    )


def pack_spans(spans: list[tuple[int, int]]) -> bytes:
    """Window spans as zlib'd little-endian int64 starts, then ends."""
    starts = np.asarray([s for s, _ in spans], dtype="<i8")
    ends = np.asarray([e for _, e in spans], dtype="<i8")
    return zlib.compress(starts.tobytes() + ends.tobytes(), 1)


def densest_part(
    spans: list[tuple[int, int]], counts: Sequence[float], limit: int
) -> tuple[int, int] | None:
    """The span, at most ``limit`` characters long, of the run of windows (``spans``, in
    text order) of the highest total value (``counts``: each window's, from the query's
    keys it holds), widened evenly to ``limit`` where there is room; None when no window
    has a value."""
    hit = [k for k, c in enumerate(counts) if c]
    if not hit:
        return None
    best, best_at = -1.0, (0, 0)
    total, first = 0.0, 0
    for last, k in enumerate(hit):
        total += counts[k]
        while spans[k][1] - spans[hit[first]][0] > limit and first < last:
            total -= counts[hit[first]]
            first += 1
        if total > best:
            begin = spans[hit[first]][0]
            best, best_at = total, (begin, min(spans[k][1], begin + limit))
    start, end = best_at
    room = limit - (end - start)
    start = max(0, start - room // 2)
    return start, max(end, start + limit)


def unpack_spans(blob: bytes) -> list[tuple[int, int]]:
    """``pack_spans``' inverse."""
    raw = np.frombuffer(zlib.decompress(blob), dtype="<i8")
    half = len(raw) // 2
    return list(zip(raw[:half].tolist(), raw[half:].tolist(), strict=True))


def postings_of(windows: list[set[int]]) -> list[tuple[int, int, int]]:
    """(key, block, mask) of each key and block of 64 windows holding it; ``expand_postings``
    is the inverse."""
    masks: dict[tuple[int, int], int] = defaultdict(int)
    for w, keys in enumerate(windows):
        block, bit = divmod(w, 64)
        for k in keys:
            masks[k, block] |= 1 << bit
    return [(k, b, m - (1 << 64) if m >> 63 else m) for (k, b), m in masks.items()]


def scope_of(meta: Mapping[str, Any]) -> str | None:
    """The scope in which a document's recurring lines are learned: its site, else the feed
    (input) it came in; None (not counted) when it has neither."""
    for name in ("site", "feed"):
        value = meta.get(name)
        if isinstance(value, str) and value:
            return f"{name}:{value}"
    return None

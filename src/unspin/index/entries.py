"""A document's index entry: its keys as postings, computed outside the write transaction
(in worker processes when ingesting on several cores, ``ingest.keyed_batches``)."""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Mapping
from typing import Any, NamedTuple

from ..config import Config
from ..text.document import text_sha256
from .keys import IndexParams, text_keys


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


def keyed_text(text: str, config: Config, params: IndexParams) -> Keyed:
    """The index entry of ``text``: its keys (``text_keys``) as postings, one per key and
    block of 64 windows, the windows a bit mask (SQLite integers are signed 64-bit: bit 63
    is stored as the sign)."""
    windows = text_keys(text, "", config, params)
    postings = postings_of(windows)
    return Keyed(
        sha256=text_sha256(text),
        # level 1: a third of level 6's time for 10% more bytes; texts are read once per hit
        packed_text=zlib.compress(text.encode("utf-8", "surrogatepass"), 1),
        keys=sorted({k for k, _, _ in postings}),
        windows=len(windows),
        postings=postings,
    )


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

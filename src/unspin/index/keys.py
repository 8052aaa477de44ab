"""Anchor keys: the spin-robust features a passage is found by.

Why hand-written (our edge, not a library's job): a spun copy keeps a document's rare words
(names, numbers, technical terms) while its common words are swapped for synonyms and its
word order shuffled, so word-shingle MinHash misses it, and a reused passage is a small part
of a long document, so document-level similarity dilutes it. The index therefore keys
*passages* (windows of a few sentence units) by their rarest content stems and numbers:

- a window of ``window`` units (sentences), every ``stride`` units, over the body only
  (boilerplate is never matched);
- keyed by each of its units' ``keys_per_unit`` rarest content stems (English rarity from
  wordfreq, a property of the language, so the choice does not depend on the corpus), plus
  a number;
- a key is a stable 63-bit hash, so postings fit SQLite integers.

Two passages that share several rare stems are candidates; the aligner then decides.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from functools import lru_cache

from .._types import Document
from ..config import Config
from ..fingerprint import STOPWORDS, rarity, stem
from ..text import make_document, normalize
from ..text.normalize import Normalized, words

# bump when the key extraction changes: an index built by another version is refused
KEYS_VERSION = 1


@dataclass(frozen=True, slots=True)
class IndexParams:
    """How passages are keyed; stored in the index and checked when it is opened."""

    window: int = 4
    stride: int = 2
    keys_per_unit: int = 3
    numbers_per_unit: int = 1

    def as_dict(self) -> dict[str, int]:
        return {**asdict(self), "keys_version": KEYS_VERSION}


@lru_cache(maxsize=1 << 18)
def key_of(feature: str) -> int:
    """Stable 63-bit key of a feature string (a stem, or ``#`` + a number)."""
    digest = hashlib.blake2b(feature.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


def _unit_features(
    doc: Document, norm: Normalized | None = None
) -> list[tuple[dict[str, float], set[str]]]:
    """Per body unit: content stems with their rarity, and the numbers it holds."""
    norm = norm or normalize(doc.text)
    out = []
    for seg in doc.segments:
        start, end = norm.to_normalized(seg.span.start), norm.to_normalized(seg.span.end)
        stems: dict[str, float] = {}
        numbers: set[str] = set()
        for text in words(norm, start, end):
            if text[0].isdigit():
                if len(text) > 1:
                    numbers.add(text)
                continue
            word = text.lower()
            if word in STOPWORDS or len(word) == 1:
                continue
            s = stem(word)
            stems[s] = max(stems.get(s, 0.0), rarity(word))
        out.append((stems, numbers))
    return out


def window_keys(
    doc: Document, params: IndexParams, norm: Normalized | None = None
) -> list[set[int]]:
    """The anchor keys of each window of ``doc`` (a short document is one window);
    ``norm``, when given, is ``doc.text`` already normalised."""
    units = _unit_features(doc, norm)
    if not units:
        return []
    starts = list(range(0, max(1, len(units) - params.window + 1), params.stride))
    if starts[-1] + params.window < len(units):
        starts.append(len(units) - params.window)  # the tail is always covered
    # each unit is keyed by its own rarest stems, so a sentence carries the same keys
    # whatever its neighbours are (a copied passage rarely starts on a window boundary)
    unit_keys = []
    for stems, numbers in units:
        # rarest first; ties broken by the key itself so the choice is deterministic
        ranked = sorted(stems, key=lambda s: (-stems[s], key_of(s)))
        keys = {key_of(s) for s in ranked[: params.keys_per_unit]}
        keys |= {key_of("#" + n) for n in sorted(numbers, key=key_of)[: params.numbers_per_unit]}
        unit_keys.append(keys)
    windows = []
    for start in starts:
        keys = set().union(*unit_keys[start : start + params.window])
        if keys:
            windows.append(keys)
    return windows


def text_keys(text: str, name: str, config: Config, params: IndexParams) -> list[set[int]]:
    """``window_keys`` of a raw text (runs the text stage once)."""
    norm = normalize(text)
    return window_keys(make_document(name, text, config, norm), params, norm)

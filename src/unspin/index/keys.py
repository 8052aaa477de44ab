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
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache

from .._types import Segment, Span
from ..config import Config
from ..fingerprint import STOPWORDS, rarity, run_features, stem
from ..text.document import body_segments, examined_length
from ..text.normalize import (
    WORD_PATTERN,
    Normalized,
    is_no_space,
    no_space_runs,
    normalize_part,
)

# bump when the key extraction changes: an index built by another version is refused
KEYS_VERSION = 2


@dataclass(frozen=True, slots=True)
class IndexParams:
    """How passages are keyed; stored in the index and checked when it is opened."""

    window: int = 4
    stride: int = 2
    keys_per_unit: int = 3
    numbers_per_unit: int = 1
    pairs_per_unit: int = 0

    def as_dict(self) -> dict[str, int]:
        return {**asdict(self), "keys_version": KEYS_VERSION}


@lru_cache(maxsize=1 << 18)
def key_of(feature: str) -> int:
    """Stable 63-bit key of a feature string (a stem, or ``#`` + a number)."""
    digest = hashlib.blake2b(feature.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


# the word tokens of ``text.normalize.tokenize``: punctuation is never a feature, so the key
# pass scans for words alone
_WORD = re.compile(WORD_PATTERN)
_NUMBER = -1.0  # the rarity slot of a number's feature
# word (case kept) -> (rarity, key, key) of its content stem, (_NUMBER, key, order) for a number
# (numbers are chosen by the key of their digits alone, ``order``), or None for a stopword,
# a letter or a digit: one dict lookup per word instead of lowercasing, stemming and
# weighing it each time; bounded, cleared when full
_FEATURES: dict[str, tuple[float, int, int] | None] = {}
_FEATURES_MAX = 1 << 19


def _feature(word: str) -> tuple[float, int, int] | None:
    if word[0].isdigit():
        return (_NUMBER, key_of("#" + word), key_of(word)) if len(word) > 1 else None
    lower = word.lower()
    if lower in STOPWORDS or len(lower) == 1 or is_no_space(word):
        return None  # characters of scripts written without spaces are read in runs
    key = key_of(stem(lower))
    return rarity(lower), key, key


def _unit_keys(text: str, params: IndexParams) -> set[int]:
    """The keys of one unit (normalised text): its ``keys_per_unit`` rarest content stems
    (a stem's rarity is its rarest word's, ties broken by the key so the choice is
    deterministic) and its ``numbers_per_unit`` numbers of lowest ``order``."""
    features = _FEATURES
    stems: dict[int, float] = {}
    numbers: dict[int, int] = {}
    for word in _WORD.findall(text):
        try:
            f = features[word]
        except KeyError:
            if len(features) >= _FEATURES_MAX:
                features.clear()
            f = features[word] = _feature(word)
        if f is None:
            continue
        weight, key, order = f
        if weight == _NUMBER:
            numbers[order] = key
        elif weight > stems.get(key, -1.0):
            stems[key] = weight
    for run in no_space_runs(text):
        for s, weight in run_features(run)[0]:
            key = key_of(s)
            if weight > stems.get(key, -1.0):
                stems[key] = weight
    ranked = sorted([(-w, k) for k, w in stems.items()])[: params.keys_per_unit]
    keys = {k for _, k in ranked} | {numbers[o] for o in sorted(numbers)[: params.numbers_per_unit]}
    if params.pairs_per_unit and len(ranked) >= 2:
        # the unit's two rarest stems together: held by few documents however common each
        # is in a large corpus
        a, b = sorted((ranked[0][1], ranked[1][1]))
        keys.add(key_of(f"{a}&{b}"))
    return keys


def unit_keys(
    doc_segments: Sequence[Segment], norm: Normalized, params: IndexParams
) -> list[set[int]]:
    """The keys of each body unit (``norm`` is the document's text normalised)."""
    text = norm.text
    return [
        _unit_keys(text[norm.to_normalized(s.span.start) : norm.to_normalized(s.span.end)], params)
        for s in doc_segments
    ]


def window_ranges(unit_keys: list[set[int]], params: IndexParams) -> list[tuple[int, int]]:
    """The units ``[start, end)`` of each window with keys, in the order of ``windows_of``."""
    if not unit_keys:
        return []
    n = len(unit_keys)
    starts = list(range(0, max(1, n - params.window + 1), params.stride))
    if starts[-1] + params.window < n:
        starts.append(n - params.window)  # the tail is always covered
    ranges = []
    for start in starts:
        end = min(n, start + params.window)
        if any(unit_keys[start:end]):
            ranges.append((start, end))
    return ranges


def windows_of(unit_keys: list[set[int]], params: IndexParams) -> list[set[int]]:
    """The anchor keys of each window over units' keys (a short document is one window).

    Each unit is keyed by its own rarest stems, so a sentence carries the same keys whatever
    its neighbours are (a copied passage rarely starts on a window boundary)."""
    return [set().union(*unit_keys[s:e]) for s, e in window_ranges(unit_keys, params)]


def text_keys(text: str, name: str, config: Config, params: IndexParams) -> list[set[int]]:
    """The anchor keys of each window of a raw text: the body's units (boilerplate is never
    matched), without the rest of the text stage (dates are not needed here)."""
    return text_windows(text, config, params)[0]


def text_windows(
    text: str, config: Config, params: IndexParams
) -> tuple[list[set[int]], list[tuple[int, int]]]:
    """``text_keys``, with the span of the text each window covers. A text longer than
    ``Config.max_aligned_chars`` is read in parts of at most that length, cut at line breaks
    (each part's boilerplate found in it alone), so that memory stays bounded however long
    the text is."""
    keys: list[set[int]] = []
    spans: list[Span] = []
    start = 0
    while start < len(text) or not start:
        end = examined_length(text, config.max_aligned_chars, start)
        norm = normalize_part(text, start, end)
        _, segments = body_segments(text, config, norm)
        keys += unit_keys(segments, norm, params)
        spans += [s.span for s in segments]
        del norm, segments
        if end >= len(text):
            break
        start = end
    return windows_of(keys, params), [
        (spans[a].start, spans[b - 1].end) for a, b in window_ranges(keys, params)
    ]

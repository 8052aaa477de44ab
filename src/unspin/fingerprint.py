"""Spin-robust lexical features of text units: content stems with rarity weights, character
n-grams, and the entity/number skeleton. Pure functions over tokens; hashing is stable
(crc32) so features can be stored in an index and compared across processes.
"""

from __future__ import annotations

import math
import zlib
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from functools import lru_cache
from typing import TypeVar

import Stemmer
import wordfreq

from .text.normalize import Token

STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "aren't",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "cannot",
        "could",
        "couldn't",
        "did",
        "didn't",
        "do",
        "does",
        "doesn't",
        "doing",
        "don't",
        "down",
        "during",
        "each",
        "either",
        "even",
        "ever",
        "every",
        "few",
        "for",
        "from",
        "further",
        "had",
        "hadn't",
        "has",
        "hasn't",
        "have",
        "haven't",
        "having",
        "he",
        "he'd",
        "he'll",
        "he's",
        "her",
        "here",
        "here's",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "how's",
        "however",
        "i",
        "i'd",
        "i'll",
        "i'm",
        "i've",
        "if",
        "in",
        "into",
        "is",
        "isn't",
        "it",
        "it's",
        "its",
        "itself",
        "just",
        "let's",
        "may",
        "me",
        "might",
        "more",
        "most",
        "much",
        "must",
        "mustn't",
        "my",
        "myself",
        "neither",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "ought",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "per",
        "quite",
        "rather",
        "same",
        "shall",
        "shan't",
        "she",
        "she'd",
        "she'll",
        "she's",
        "should",
        "shouldn't",
        "since",
        "so",
        "some",
        "such",
        "than",
        "that",
        "that's",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "there's",
        "these",
        "they",
        "they'd",
        "they'll",
        "they're",
        "they've",
        "this",
        "those",
        "though",
        "through",
        "thus",
        "to",
        "too",
        "under",
        "until",
        "up",
        "upon",
        "us",
        "very",
        "was",
        "wasn't",
        "we",
        "we'd",
        "we'll",
        "we're",
        "we've",
        "were",
        "weren't",
        "what",
        "what's",
        "when",
        "when's",
        "where",
        "where's",
        "whether",
        "which",
        "while",
        "who",
        "who's",
        "whom",
        "whose",
        "why",
        "why's",
        "will",
        "with",
        "within",
        "without",
        "won't",
        "would",
        "wouldn't",
        "yet",
        "you",
        "you'd",
        "you'll",
        "you're",
        "you've",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "one",
    ]
)
NEGATIONS = frozenset(
    [
        "no",
        "not",
        "never",
        "none",
        "nobody",
        "nothing",
        "neither",
        "nor",
        "nowhere",
        "cannot",
        "n't",
        "without",
    ]
)

K = TypeVar("K", bound=Hashable)

FEATURE_SPACE = 1 << 20  # feature_id's range: the columns of the aligner's matrices
_stemmer = Stemmer.Stemmer("english")


@lru_cache(maxsize=1 << 17)
def stem(word: str) -> str:
    """Snowball (Porter 2) stem of a lowercase word; cached because words repeat a lot."""
    return str(_stemmer.stemWord(word))


@lru_cache(maxsize=1 << 17)
def rarity(word: str) -> float:
    """Weight of a content word: rarer words are stronger evidence of shared content.

    Derived from the ``wordfreq`` Zipf frequency (≈7 for "the", ≈1 for very rare words), so
    the weight is a property of English, not of the documents compared, and can be cached.
    """
    zipf = wordfreq.zipf_frequency(word, "en")
    return max(0.5, 7.0 - zipf)


def feature_id(feature: str) -> int:
    """Stable hash of a feature string into the feature space."""
    return zlib.crc32(feature.encode("utf-8")) % FEATURE_SPACE


def content_words(tokens: Iterable[Token]) -> list[str]:
    """Lowercase words that carry content (not stopwords, not one letter)."""
    out = []
    for t in tokens:
        if not t.is_word:
            continue
        w = t.lower
        if w in STOPWORDS or (len(w) == 1 and not w.isdigit()):
            continue
        out.append(w)
    return out


def stem_weights(tokens: Sequence[Token]) -> dict[str, float]:
    """Content stems of a unit with their rarity weights (each stem counted once)."""
    weights: dict[str, float] = {}
    for w in content_words(tokens):
        s = stem(w)
        weights[s] = max(weights.get(s, 0.0), rarity(w))
    return weights


def char_ngrams(tokens: Sequence[Token], n: int = 4) -> Counter[str]:
    """Character n-grams of the content words, each word padded with spaces."""
    grams: Counter[str] = Counter()
    for w in content_words(tokens):
        padded = f" {w} "
        if len(padded) <= n:
            grams[padded] += 1
            continue
        for i in range(len(padded) - n + 1):
            grams[padded[i : i + n]] += 1
    return grams


_NGRAM = 4  # the n of char_ngrams' default, the aligner's


@lru_cache(maxsize=1 << 16)
def _word_features(word: str) -> tuple[str, float, tuple[int, ...]] | None:
    """A lowercase word's stem, rarity and hashed character n-grams, or None when it is not
    a content word: what ``stem_weights`` and ``char_ngrams`` read of one word, cached
    because the words of a corpus repeat (one lookup per word instead of a stemmer call and
    a hash per n-gram). Full, the cache holds about 30 MB (58 MB measured at twice the
    size, random words of 4 to 12 letters)."""
    if word in STOPWORDS or (len(word) == 1 and not word.isdigit()):
        return None
    padded = f" {word} "
    n = _NGRAM
    grams = (
        (padded,)
        if len(padded) <= n
        else tuple(padded[i : i + n] for i in range(len(padded) - n + 1))
    )
    return stem(word), rarity(word), tuple(feature_id(g) for g in grams)


def unit_features(tokens: Sequence[str]) -> tuple[dict[int, float], list[int]]:
    """A unit's content stems with their rarity weights, keyed by ``feature_id`` (values of
    colliding keys summed), and the ``feature_id`` of each of its content words' character
    4-grams, one per occurrence, in order: ``stem_weights`` hashed, and ``char_ngrams``
    hashed before counting, from the unit's tokens' texts (``token_texts``), in one pass.

    The stems are the same dict, key order included, as hashing ``stem_weights``; counting
    the n-grams is left to the caller (the aligner counts a whole text's at once). This is
    most of the work of preparing a text, which a search does for every candidate."""
    weights: dict[str, float] = {}
    grams: list[int] = []
    for text in tokens:
        if not text[0].isalnum():
            continue
        found = _word_features(text.lower())
        if found is None:
            continue
        s, weight, ids = found
        before = weights.get(s)
        if before is None or weight > before:
            weights[s] = weight
        grams += ids
    stems: dict[int, float] = {}
    for s, weight in weights.items():
        h = _stem_id(s)
        stems[h] = stems.get(h, 0.0) + weight
    return stems, grams


@lru_cache(maxsize=1 << 17)
def _stem_id(stem_: str) -> int:
    return feature_id(stem_)


def skeleton(tokens: Sequence[str]) -> set[str]:
    """Entity/number skeleton of a unit (its tokens' texts, ``token_texts``): capitalised
    words not opening a sentence, and numbers."""
    out: set[str] = set()
    for k, text in enumerate(tokens):
        if not text[0].isalnum():
            continue
        if text[0].isdigit():
            out.add(text)
        elif text[0].isupper() and k > 0 and tokens[k - 1] not in ".!?\"'":
            lower = text.lower()
            if lower not in STOPWORDS:
                out.add(lower)
    return out


def cosine_of_weights(a: Mapping[K, float], b: Mapping[K, float]) -> float:
    """Cosine of two sparse weight vectors given as dicts (the reference formula)."""
    if not a or not b:
        return 0.0
    dot = sum(w * b[k] for k, w in a.items() if k in b)
    na = math.sqrt(sum(w * w for w in a.values()))
    nb = math.sqrt(sum(w * w for w in b.values()))
    return dot / (na * nb)

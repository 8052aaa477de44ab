"""Spin-robust lexical features of text units: content stems with rarity weights, character
n-grams, and the entity/number skeleton. Pure functions over tokens; hashing is stable
(crc32) so features can be stored in an index and compared across processes.
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from functools import cache, lru_cache
from typing import TypeVar

import Stemmer
import wordfreq

from .text.normalize import Token, is_no_space

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

_NGRAM = 4  # the n of the character n-grams the aligner reads
FEATURE_SPACE = 1 << 20  # feature_id's range: the columns of the aligner's matrices
_stemmer = Stemmer.Stemmer("english")
# the Snowball stemmer of a word written in a script one language (or a family of close ones)
# writes, told by the first letter's block; a Latin word gets the English stemmer, there
# being no telling its language from the word alone
_SCRIPT_STEMMERS = (
    (0x0370, 0x0400, "greek"),
    (0x0400, 0x0530, "russian"),
    (0x0530, 0x0590, "armenian"),
    (0x0600, 0x0700, "arabic"),
    (0x0900, 0x0980, "hindi"),
    (0x0B80, 0x0C00, "tamil"),
)


@cache
def _stemmer_named(name: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(name)


@lru_cache(maxsize=1 << 17)
def stem(word: str) -> str:
    """Snowball stem of a lowercase word (Porter 2 for Latin letters; ``_SCRIPT_STEMMERS``
    for Greek, Cyrillic, Armenian, Arabic, Devanagari and Tamil); cached because words
    repeat a lot."""
    first = ord(word[0]) if word else 0
    if first >= 0x0370:
        for low, high, name in _SCRIPT_STEMMERS:
            if low <= first < high:
                return str(_stemmer_named(name).stemWord(word))
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


# Chinese and Japanese characters are read in overlapping pairs, the length of most of their
# words; Thai, Lao, Khmer and Myanmar characters are letters, read in threes
_PAIRED = re.compile("[\u3005-\u3007\u3041-\u30ff\u31f0-\u31ff\u3400-\u9fff\uf900-\ufaff"
                     "\uff66-\uff9f\U00020000-\U0002ffff]")
_CROSS_WORD = 1.0  # the weight of a pair of characters that is no word of the language
_LETTER_RUN = 2.0  # the weight of three letters of a script written without spaces


@cache
def _cjk_frequencies() -> dict[str, float]:
    """Word frequencies of Chinese and Japanese (wordfreq's lists, the higher of the two),
    loaded the first time a text in those scripts is read."""
    freqs = dict(wordfreq.get_frequency_dict("ja"))
    for word, f in wordfreq.get_frequency_dict("zh").items():
        if f > freqs.get(word, 0.0):
            freqs[word] = f
    return freqs


def _cjk_rarity(word: str) -> float | None:
    f = _cjk_frequencies().get(word)
    return None if f is None else max(0.5, 7.0 - (math.log10(f) + 9.0))


@lru_cache(maxsize=1 << 15)
def run_features(run: str) -> tuple[tuple[tuple[str, float], ...], tuple[str, ...]]:
    """The stems with their weights and the character n-grams of a run of characters of a
    script written without spaces (a unit's such tokens between two others), which no
    stemmer reads: there is no dictionary here to cut them into words.

    Chinese and Japanese: every pair of characters is a stem, weighted by its rarity as a
    word where it is one (wordfreq) and lightly where it crosses two words; a lone
    character is a stem of its own; the pairs are also the n-grams. Thai and the others:
    every three letters are a stem, and the run's 4-grams are its n-grams, as a word's."""
    if _PAIRED.match(run):
        if len(run) == 1:
            return ((run, _cjk_rarity(run) or _CROSS_WORD),), (run,)
        pairs = [run[i : i + 2] for i in range(len(run) - 1)]
        return tuple((p, _cjk_rarity(p) or _CROSS_WORD) for p in pairs), tuple(pairs)
    padded = f" {run} "
    stems = tuple((run[i : i + 3], _LETTER_RUN) for i in range(max(1, len(run) - 2)))
    grams = tuple(padded[i : i + _NGRAM] for i in range(max(1, len(padded) - _NGRAM + 1)))
    return stems, grams


def _grouped(texts: Iterable[str]) -> Iterator[tuple[bool, str]]:
    """A unit's token texts with each run of characters of a script written without spaces
    joined: (True, the run) or (False, a token). The block test comes first: it is cheap,
    and most text has no such character."""
    run: list[str] = []
    for text in texts:
        if text and text[0] >= "\u0e00" and is_no_space(text):
            run.append(text)
            continue
        if run:
            yield True, "".join(run)
            run = []
        yield False, text
    if run:
        yield True, "".join(run)


def _content(texts: Iterable[str]) -> Iterator[tuple[str, float, tuple[str, ...]]]:
    """The content of a unit's token texts in order, as (stem, weight, n-grams): one per
    content word, and per stem of each run of characters of a script written without
    spaces (its n-grams with its first stem)."""
    for is_run, text in _grouped(texts):
        if is_run:
            stems, grams = run_features(text)
            for k, (s, weight) in enumerate(stems):
                yield s, weight, grams if k == 0 else ()
            continue
        if not text or not text[0].isalnum():
            continue
        w = text.lower()
        if w in STOPWORDS or (len(w) == 1 and not w.isdigit()):
            continue
        padded = f" {w} "
        grams_ = (
            (padded,)
            if len(padded) <= _NGRAM
            else tuple(padded[i : i + _NGRAM] for i in range(len(padded) - _NGRAM + 1))
        )
        yield stem(w), rarity(w), grams_


def stem_weights(tokens: Sequence[Token]) -> dict[str, float]:
    """Content stems of a unit with their rarity weights (each stem counted once)."""
    weights: dict[str, float] = {}
    for s, weight, _ in _content(t.text for t in tokens):
        weights[s] = max(weights.get(s, 0.0), weight)
    return weights


def char_ngrams(tokens: Sequence[Token]) -> Counter[str]:
    """Character 4-grams of the content words, each word padded with spaces (and those of
    runs of characters of scripts written without spaces, ``run_features``)."""
    grams: Counter[str] = Counter()
    for _, _, found in _content(t.text for t in tokens):
        grams.update(found)
    return grams


@lru_cache(maxsize=1 << 16)
def _word_features(word: str) -> tuple[str, float, tuple[int, ...]] | None:
    """A lowercase word's stem, rarity and hashed character n-grams, or None when it is not
    a content word: what ``stem_weights`` and ``char_ngrams`` read of one word, cached
    because the words of a corpus repeat (one lookup per word instead of a stemmer call and
    a hash per n-gram). Full, the cache holds about 30 MB (58 MB measured at twice the
    size, random words of 4 to 12 letters)."""
    found = next(_content((word,)), None)
    if found is None:
        return None
    s, weight, grams = found
    return s, weight, tuple(feature_id(g) for g in grams)


@lru_cache(maxsize=1 << 15)
def _run_ids(run: str) -> tuple[tuple[tuple[str, float], ...], tuple[int, ...]]:
    stems, grams = run_features(run)
    return stems, tuple(feature_id(g) for g in grams)


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
    for is_run, text in _grouped(tokens):
        if is_run:
            run_stems, ids = _run_ids(text)
            for s, weight in run_stems:
                before = weights.get(s)
                if before is None or weight > before:
                    weights[s] = weight
            grams += ids
            continue
        if not text[0].isalnum():
            continue
        found = _word_features(text.lower())
        if found is None:
            continue
        s, weight, word_ids = found
        before = weights.get(s)
        if before is None or weight > before:
            weights[s] = weight
        grams += word_ids
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

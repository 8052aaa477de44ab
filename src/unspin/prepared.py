"""A text prepared for alignment: its units tokenised, with their lexical feature
matrices, entities and (cached) sentence embeddings. Made once per text and shared by the
aligner, the edit typer, the verdict and the index's search, none of which needs the
aligner for the type."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray
from scipy import sparse

from ._types import Document, Span
from .config import DEFAULT_CONFIG, Config
from .embed import Embedder
from .fingerprint import FEATURE_SPACE, skeleton, unit_features
from .text.language import main_language
from .text.normalize import Normalized, Token, UnitTokens, normalize, token_texts, word_count, words
from .text.quotes import find_quotations

# the lexical score mixes two cosines: content stems (rarity-weighted) and character 4-grams of
# content words (survive inflection changes); ``Config.lexical_weights`` weighs them
CHANNELS = ("stems", "grams")


@dataclass
class PreparedText:
    """Per-document work done once and reused across every pair the document is in."""

    doc: Document
    norm: Normalized
    tokens: Sequence[list[Token]]  # per unit, tokenised on first use (``UnitTokens``)
    stems: list[dict[int, float]]
    entities: set[str]
    matrices: dict[str, sparse.csr_matrix]
    _embeddings: dict[int, NDArray[np.float32]] = field(default_factory=dict)
    _words: list[str] | None = None
    _word_count: int | None = None
    _quotes: list[Span] | None = None
    _language: str | None = None

    def __len__(self) -> int:
        return len(self.tokens)

    def words(self) -> list[str]:
        """The words of every unit, lowercase, in order (made on first use, then kept)."""
        if self._words is None:
            self._words = [
                w.lower()
                for start, end in unit_bounds(self.doc, self.norm)
                for w in words(self.norm, start, end)
            ]
        return self._words

    def language(self) -> str:
        """The text's language (``text.language.main_language``), told on first use: a
        search types the edits of one query against many candidates."""
        if self._language is None:
            self._language = main_language(self.words())
        return self._language

    def quotations(self) -> list[Span]:
        """The spans of quoted speech in the text (``text.quotes``), found on first use."""
        if self._quotes is None:
            self._quotes = [q.span for q in find_quotations(self.doc.text)]
        return self._quotes

    def same_words(self, other: PreparedText) -> bool:
        """Whether both texts have words, the same ones in the same order, case aside. The
        numbers of words are compared first: a search compares its query with every
        candidate, and most differ there."""
        if self._word_count is None:
            self._word_count = self._count_words()
        if other._word_count is None:
            other._word_count = other._count_words()
        if not self._word_count or self._word_count != other._word_count:
            return False
        return self.words() == other.words()

    def _count_words(self) -> int:
        return sum(
            word_count(self.norm, start, end) for start, end in unit_bounds(self.doc, self.norm)
        )

    def unit_weight(self, i: int) -> float:
        return sum(self.stems[i].values())

    def embeddings(self, units: Sequence[int], embedder: Embedder) -> NDArray[np.float32]:
        """Embeddings of ``units``; they must have been computed by ``embed_units`` before."""
        if not units:
            return np.zeros((0, embedder.dim), dtype=np.float32)
        return np.stack([self._embeddings[i] for i in units])

    def missing_embeddings(self, units: Sequence[int]) -> list[int]:
        return sorted({i for i in units if i not in self._embeddings})


def embed_units(embedder: Embedder, wanted: Sequence[tuple[PreparedText, Sequence[int]]]) -> None:
    """Compute the embeddings of units not cached yet, for several texts in one model call
    (one call with every sentence is faster than one per text: fewer, fuller batches)."""
    jobs = [(p, i) for p, units in wanted for i in p.missing_embeddings(units)]
    if not jobs:
        return
    vectors = embedder.encode([p.doc.segments[i].span.of(p.doc.text) for p, i in jobs])
    for (p, i), vec in zip(jobs, vectors, strict=True):
        p._embeddings[i] = vec


def counted_rows(sizes: list[int], keys: list[int]) -> sparse.csr_matrix:
    """The CSR matrix over the feature space whose row ``r`` counts the next ``sizes[r]``
    of ``keys``, scaled to unit length: ``normalized_rows`` of those counts, without a
    dict per row (counts are whole numbers, so their sums of squares, and thus every
    value, are exactly those of the per-row sums)."""
    n = len(sizes)
    rows = np.repeat(np.arange(n, dtype=np.int64), sizes)
    found, counts = np.unique(
        rows * FEATURE_SPACE + np.asarray(keys, dtype=np.int64), return_counts=True
    )
    rows, cols = found // FEATURE_SPACE, found % FEATURE_SPACE
    values = counts.astype(np.float64)
    norms = np.sqrt(np.bincount(rows, weights=values * values, minlength=n))
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=n), out=indptr[1:])
    return sparse.csr_matrix((values / norms[rows], cols, indptr), shape=(n, FEATURE_SPACE))


def normalized_rows(rows: list[dict[int, float]]) -> sparse.csr_matrix:
    indptr, indices, data = [0], [], []
    for row in rows:
        norm = math.sqrt(sum(v * v for v in row.values())) or 1.0
        for k in sorted(row):
            indices.append(k)
            data.append(row[k] / norm)
        indptr.append(len(indices))
    return sparse.csr_matrix(
        (np.asarray(data, dtype=np.float64), np.asarray(indices, dtype=np.int64), indptr),
        shape=(len(rows), FEATURE_SPACE),
    )


def unit_bounds(doc: Document, norm: Normalized) -> list[tuple[int, int]]:
    """Each unit's ``[start, end)`` in the normalised text ``norm`` of ``doc``."""
    return [
        (norm.to_normalized(s.span.start), norm.to_normalized(s.span.end)) for s in doc.segments
    ]


def prepare(
    doc: Document, norm: Normalized | None = None, config: Config = DEFAULT_CONFIG
) -> PreparedText:
    """Tokenise every unit of ``doc`` and build its feature matrices."""
    norm = norm or normalize(doc.text)
    bounds = unit_bounds(doc, norm)
    texts = [token_texts(norm, start, end) for start, end in bounds]
    stems: list[dict[int, float]] = []
    sizes: list[int] = []
    grams: list[int] = []
    for t in texts:
        unit_stems, unit_grams = unit_features(t)
        stems.append(unit_stems)
        sizes.append(len(unit_grams))
        grams += unit_grams
    if config.local_rarity:
        # tf-isf in spirit: a stem in many units of its own document is the document's
        # topic, weak evidence that two units are the same sentence; the weight falls as
        # df ** -local_rarity (0.25: a stem in 16 units keeps half its weight)
        df: Counter[int] = Counter()
        for row in stems:
            df.update(row.keys())
        stems = [{k: w * df[k] ** -config.local_rarity for k, w in row.items()} for row in stems]
    entities: set[str] = set()
    for t in texts:
        entities |= skeleton(t)
    return PreparedText(
        doc,
        norm,
        UnitTokens(norm, bounds),
        stems,
        entities,
        {"stems": normalized_rows(stems), "grams": counted_rows(sizes, grams)},
    )

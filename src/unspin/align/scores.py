"""Unit-pair scores: the lexical channels (a sparse, vectorised matrix and its plain
reference twin) and the sentence model consulted for the pairs the words leave undecided."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from ..config import Config
from ..embed import Embedder
from ..fingerprint import (
    char_ngrams,
    cosine_of_weights,
    feature_id,
)
from ..prepared import CHANNELS, PreparedText, embed_units


def lexical_matrix(a: PreparedText, b: PreparedText, config: Config) -> NDArray[np.float64]:
    """Lexical scores of every unit pair (fast path: one sparse product per channel)."""
    out = np.zeros((len(a), len(b)))
    if not len(a) or not len(b):
        return out
    for name, weight in zip(CHANNELS, config.lexical_weights, strict=True):
        if weight:
            out += weight * (a.matrices[name] @ b.matrices[name].T).toarray()
    return _quantized(out)


def lexical_matrix_reference(
    a: PreparedText, b: PreparedText, config: Config
) -> NDArray[np.float64]:
    """The same scores as ``lexical_matrix``, one pair at a time in plain Python, with the
    character n-grams counted again from the tokens by ``fingerprint.char_ngrams``."""
    out = np.zeros((len(a), len(b)))
    w_stems, w_grams = config.lexical_weights
    grams_a = [hashed_features(char_ngrams(t)) for t in a.tokens]
    grams_b = [hashed_features(char_ngrams(t)) for t in b.tokens]
    for i in range(len(a)):
        for j in range(len(b)):
            out[i, j] = w_stems * cosine_of_weights(
                a.stems[i], b.stems[j]
            ) + w_grams * cosine_of_weights(grams_a[i], grams_b[j])
    return _quantized(out)


def hashed_features(features: Mapping[str, float]) -> dict[int, float]:
    """``features`` keyed by ``feature_id``, the values of colliding keys summed."""
    out: dict[int, float] = {}
    for key, value in features.items():
        out[feature_id(key)] = out.get(feature_id(key), 0.0) + float(value)
    return out


def _quantized(scores: NDArray[np.float64]) -> NDArray[np.float64]:
    """Round away float noise (sparse and plain sums differ in the last bits) so that ties,
    and thus greedy match choices, are the same on the fast path and the reference."""
    return np.asarray(np.round(scores, 9), dtype=np.float64)


def _semantic_scale(cosine: float, config: Config) -> float:
    """Map a model cosine to 0..1: ``semantic_floor`` → 0, ``semantic_top`` → 1."""
    span = config.semantic_top - config.semantic_floor
    return min(1.0, max(0.0, (cosine - config.semantic_floor) / span))


@dataclass
class ScoredPairs:
    """Scores of the candidate unit pairs of one document pair."""

    lexical: NDArray[np.float64]
    score: dict[tuple[int, int], float]
    semantic: dict[tuple[int, int], float]


def score_pairs(
    a: PreparedText,
    b: PreparedText,
    lexical: NDArray[np.float64],
    config: Config,
    embedder: Embedder | None,
) -> ScoredPairs:
    """Combine lexical scores with the model where the lexical evidence is not decisive."""
    scores: dict[tuple[int, int], float] = {}
    semantic: dict[tuple[int, int], float] = {}
    if lexical.size == 0:
        return ScoredPairs(lexical, scores, semantic)
    k = config.semantic_candidates
    candidates: set[tuple[int, int]] = set()
    row_top = np.argsort(-lexical, axis=1)[:, :k]
    col_top = np.argsort(-lexical, axis=0)[:k, :]
    # a candidate is among the k best partners of each of its two units (mutual top-k)
    col_sets = [set(col_top[:, j].tolist()) for j in range(lexical.shape[1])]
    for i in range(lexical.shape[0]):
        for j in row_top[i]:
            if i in col_sets[int(j)]:
                candidates.add((i, int(j)))
    sure = np.argwhere(lexical >= config.lexical_sure)
    for i, j in sure:
        candidates.add((int(i), int(j)))
    gray: list[tuple[int, int]] = []
    for i, j in sorted(candidates):
        lex = float(lexical[i, j])
        if lex >= config.lexical_sure:
            scores[i, j] = lex
        elif lex >= config.lexical_floor:
            if embedder is not None and config.use_model:
                gray.append((i, j))
            else:
                scores[i, j] = lex
    if gray:
        embed_units(
            embedder,  # type: ignore[arg-type]
            [(a, sorted({i for i, _ in gray})), (b, sorted({j for _, j in gray}))],
        )
        ea = a.embeddings(sorted({i for i, _ in gray}), embedder)  # type: ignore[arg-type]
        eb = b.embeddings(sorted({j for _, j in gray}), embedder)  # type: ignore[arg-type]
        rows = {i: r for r, i in enumerate(sorted({i for i, _ in gray}))}
        cols = {j: c for c, j in enumerate(sorted({j for _, j in gray}))}
        w = config.semantic_weight
        for i, j in gray:
            cos = float(ea[rows[i]] @ eb[cols[j]])
            semantic[i, j] = cos
            lex = float(lexical[i, j])
            # the model can confirm what the words alone do not, never overrule them
            scores[i, j] = max(lex, (1 - w) * lex + w * _semantic_scale(cos, config))
    return ScoredPairs(lexical, scores, semantic)

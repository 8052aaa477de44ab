"""Unit-pair scores: the lexical channels (a sparse, vectorised matrix and its plain
reference twin) and the sentence model consulted for the pairs the words leave undecided."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy import sparse

from ..config import Config
from ..embed import Embedder
from ..fingerprint import (
    char_ngrams,
    cosine_of_weights,
    feature_id,
)
from ..prepared import CHANNELS, PreparedText, embed_units


class SparseScores:
    """The lexical scores of two long texts' unit pairs that share a rare stem, and of the
    pairs near them; every other pair scores 0. Indexed like the dense matrix."""

    def __init__(self, shape: tuple[int, int], values: dict[tuple[int, int], float]) -> None:
        self.shape = shape
        self.size = shape[0] * shape[1]
        self.values = values

    def __getitem__(self, key: tuple[int, int]) -> float:
        return self.values.get(key, 0.0)


# the lexical scores of a pair of texts: every pair's, or (for long texts) the candidates'
LexicalScores = NDArray[np.float64] | SparseScores


def lexical_scores(a: PreparedText, b: PreparedText, config: Config) -> LexicalScores:
    """``lexical_matrix`` when the texts have at most ``Config.max_dense_cells`` unit pairs,
    else ``candidate_scores``: the memory and time of a pair grow with its length, not
    with the product of its two lengths."""
    if len(a) * len(b) <= config.max_dense_cells:
        return lexical_matrix(a, b, config)
    return candidate_scores(a, b, config)


def candidate_scores(a: PreparedText, b: PreparedText, config: Config) -> SparseScores:
    """The lexical scores of the unit pairs that share a stem held by at most
    ``Config.candidate_key_units`` units of each text, and of the pairs within
    ``Config.candidate_reach`` units of them (where extension and merging look), as
    ``lexical_matrix`` scores them. A pair sharing only common words is not scored: it
    makes no passage on its own, and a passage's weak units are its candidates' neighbours.
    Written here (as the index's keys are): candidate generation is part of alignment."""
    stems_a, stems_b = a.matrices["stems"], b.matrices["stems"]
    cap = config.candidate_key_units
    df_a = np.bincount(stems_a.indices, minlength=stems_a.shape[1])
    df_b = np.bincount(stems_b.indices, minlength=stems_b.shape[1])
    rare = np.flatnonzero((df_a > 0) & (df_b > 0) & (df_a <= cap) & (df_b <= cap))
    keyed_a, keyed_b = sparse.csr_matrix(stems_a[:, rare]), sparse.csr_matrix(stems_b[:, rare])
    keyed_a.data = np.ones_like(keyed_a.data)  # which units hold each rare stem
    keyed_b.data = np.ones_like(keyed_b.data)
    shared = sparse.coo_matrix(keyed_a @ keyed_b.T)
    reach = config.candidate_reach
    pairs: set[tuple[int, int]] = set()
    for i, j in zip(shared.row.tolist(), shared.col.tolist(), strict=True):
        for di in range(-reach, reach + 1):
            for dj in range(-reach, reach + 1):
                pairs.add((i + di, j + dj))
    na, nb = len(a), len(b)
    chosen = sorted((i, j) for i, j in pairs if 0 <= i < na and 0 <= j < nb)
    values: dict[tuple[int, int], float] = {}
    for start in range(0, len(chosen), _SCORE_BATCH):
        batch = chosen[start : start + _SCORE_BATCH]
        rows = np.fromiter((i for i, _ in batch), dtype=np.int64, count=len(batch))
        cols = np.fromiter((j for _, j in batch), dtype=np.int64, count=len(batch))
        total = np.zeros(len(batch))
        for name, weight in zip(CHANNELS, config.lexical_weights, strict=True):
            if weight:
                products = a.matrices[name][rows].multiply(b.matrices[name][cols])
                total += weight * np.asarray(products.sum(axis=1)).ravel()
        for (i, j), value in zip(batch, _quantized(total).tolist(), strict=True):
            if value:
                values[i, j] = value
    return SparseScores((na, nb), values)


_SCORE_BATCH = 50_000  # candidate pairs scored at a time (the memory of one batch is bounded)


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

    lexical: LexicalScores
    score: dict[tuple[int, int], float]
    semantic: dict[tuple[int, int], float]


def score_pairs(
    a: PreparedText,
    b: PreparedText,
    lexical: LexicalScores,
    config: Config,
    embedder: Embedder | None,
) -> ScoredPairs:
    """Combine lexical scores with the model where the lexical evidence is not decisive."""
    scores: dict[tuple[int, int], float] = {}
    semantic: dict[tuple[int, int], float] = {}
    if lexical.size == 0:
        return ScoredPairs(lexical, scores, semantic)
    if isinstance(lexical, SparseScores):
        candidates = _sparse_candidates(lexical, config)
    else:
        candidates = _dense_candidates(lexical, config)
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


def _dense_candidates(lexical: NDArray[np.float64], config: Config) -> set[tuple[int, int]]:
    """The pairs each among the k best partners of both its units (mutual top-k), and the
    pairs scoring ``lexical_sure`` or more."""
    k = config.semantic_candidates
    candidates: set[tuple[int, int]] = set()
    row_top = np.argsort(-lexical, axis=1)[:, :k]
    col_top = np.argsort(-lexical, axis=0)[:k, :]
    col_sets = [set(col_top[:, j].tolist()) for j in range(lexical.shape[1])]
    for i in range(lexical.shape[0]):
        for j in row_top[i]:
            if i in col_sets[int(j)]:
                candidates.add((i, int(j)))
    sure = np.argwhere(lexical >= config.lexical_sure)
    for i, j in sure:
        candidates.add((int(i), int(j)))
    return candidates


def _sparse_candidates(lexical: SparseScores, config: Config) -> set[tuple[int, int]]:
    """``_dense_candidates`` over the scored pairs (an unscored pair scores 0, under every
    threshold, so it is never one)."""
    k = config.semantic_candidates
    rows: dict[int, list[tuple[float, int]]] = {}
    cols: dict[int, list[tuple[float, int]]] = {}
    for (i, j), value in lexical.values.items():
        rows.setdefault(i, []).append((-value, j))
        cols.setdefault(j, []).append((-value, i))
    best_cols = {j: {i for _, i in sorted(c)[:k]} for j, c in cols.items()}
    candidates = {
        (i, j) for i, r in rows.items() for _, j in sorted(r)[:k] if i in best_cols[j]
    }
    candidates |= {pair for pair, value in lexical.values.items() if value >= config.lexical_sure}
    return candidates

"""Candidate pairs of a corpus scan: a self-join of an index's keys, capped, vectorised.

Every key held by at least two and at most ``cap`` documents joins the (document, window)
postings that hold it; a window pair sharing at least ``Config.candidate_min_shared`` keys
counts for its two documents with the keys' weight (log inverse document frequency) to the
power ``Config.candidate_power``, as a search scores a window; a pair of documents scores
the sum of its ``Config.candidate_top_windows`` best windows of the first. Each document
keeps its ``per_document`` best partners; a pair is a candidate when either keeps the other.
The same arithmetic runs on Spark (``scan.spark``): these functions are what it calls.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from ..config import Config
from ..index import Index
from ..index.candidates import expand_postings
from ..index.schema import df_table, postings_table

_FETCH = 200_000  # postings rows read at a time


def key_counts(index: Index) -> dict[int, int]:
    """How many documents hold each key, over every postings segment."""
    total: dict[int, int] = defaultdict(int)
    for seg in index.segment_ids():
        for key, df in index.conn.execute(f"SELECT key, df FROM {df_table(seg)}"):
            total[key] += df
    return total


def joinable_postings(index: Index, cap: int) -> tuple[np.ndarray, dict[int, float]]:
    """The (key, doc, window) postings of the keys held by 2 to ``cap`` documents, sorted by
    key, doc and window, and those keys' weights."""
    n_docs = max(1, len(index))
    counts = key_counts(index)
    weights = {k: math.log(1 + n_docs / df) for k, df in counts.items() if 2 <= df <= cap}
    wanted = np.fromiter(weights, dtype=np.int64, count=len(weights))
    wanted.sort()
    parts: list[np.ndarray] = []
    for seg in index.segment_ids():
        cur = index.conn.execute(f"SELECT key, doc, block, mask FROM {postings_table(seg)}")
        while rows := cur.fetchmany(_FETCH):
            table = np.asarray(rows, dtype=np.int64)
            keep = np.isin(table[:, 0], wanted, assume_unique=False)
            if keep.any():
                parts.append(expand_postings([tuple(r) for r in table[keep].tolist()]))
    if not parts:
        return np.zeros((0, 3), dtype=np.int64), weights
    postings = np.concatenate(parts)
    order = np.lexsort((postings[:, 2], postings[:, 1], postings[:, 0]))
    return postings[order], weights


def window_pairs(postings: np.ndarray) -> np.ndarray:
    """Every pair of postings of one key in two documents, as (key, doc a, window a, doc b,
    window b) rows with doc a < doc b: the join. ``postings`` sorted by key."""
    if not len(postings):
        return np.zeros((0, 5), dtype=np.int64)
    keys = postings[:, 0]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    sizes = np.diff(np.r_[starts, len(keys)])
    out: list[np.ndarray] = []
    for size in np.unique(sizes):
        if size < 2:
            continue
        group = starts[sizes == size]
        i, j = np.triu_indices(int(size), k=1)
        left = postings[(group[:, None] + i[None, :]).ravel()]
        right = postings[(group[:, None] + j[None, :]).ravel()]
        other = left[:, 1] != right[:, 1]
        left, right = left[other], right[other]
        swap = left[:, 1] > right[:, 1]
        a = np.where(swap[:, None], right, left)
        b = np.where(swap[:, None], left, right)
        out.append(np.column_stack((a[:, 0], a[:, 1], a[:, 2], b[:, 1], b[:, 2])))
    return np.concatenate(out) if out else np.zeros((0, 5), dtype=np.int64)


def window_value(weights: Sequence[float], config: Config) -> float:
    """A window pair's value from the weights of the keys it shares: 0 under
    ``candidate_min_shared`` of them, else their sum to ``candidate_power``. Summed with
    ``math.fsum`` (exact), so that any order of the keys (a Spark shuffle's) gives it."""
    if len(weights) < config.candidate_min_shared:
        return 0.0
    return float(math.fsum(weights) ** config.candidate_power)


def pair_score(values: Sequence[float], config: Config) -> float:
    """A document pair's score from its first document's windows' best values: the sum of
    the ``candidate_top_windows`` best, exact and rounded (order-free, as ``window_value``)."""
    top = sorted(values, reverse=True)[: config.candidate_top_windows]
    return round(math.fsum(top), 6)


def pair_scores(
    pairs: np.ndarray, weights: dict[int, float], config: Config
) -> dict[tuple[int, int], float]:
    """The score of each document pair from its window pairs (``window_pairs``)."""
    if not len(pairs):
        return {}
    weight = np.asarray([weights[k] for k in pairs[:, 0].tolist()], dtype=np.float64)
    order = np.lexsort((pairs[:, 4], pairs[:, 3], pairs[:, 2], pairs[:, 1]))
    rows, weight = pairs[order, 1:], weight[order]
    starts = np.flatnonzero(np.r_[True, (rows[1:] != rows[:-1]).any(axis=1)])
    sizes = np.diff(np.r_[starts, len(rows)])
    # a window of a: its best window of b
    per_window: dict[tuple[int, int, int], float] = {}
    for start, size in zip(starts.tolist(), sizes.tolist(), strict=True):
        if size < config.candidate_min_shared:
            continue
        value = window_value(weight[start : start + size].tolist(), config)
        da, wa, db, _ = rows[start].tolist()
        if value > per_window.get((da, db, wa), 0.0):
            per_window[da, db, wa] = value
    per_pair: dict[tuple[int, int], list[float]] = defaultdict(list)
    for (da, db, _), v in per_window.items():
        per_pair[da, db].append(v)
    return {p: pair_score(v, config) for p, v in per_pair.items()}


def kept_pairs(scores: dict[tuple[int, int], float], per_document: int) -> list[tuple[int, int]]:
    """The pairs that either document keeps among its ``per_document`` best (score, then
    the other's id), sorted."""
    partners: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for (a, b), s in scores.items():
        partners[a].append((-s, b))
        partners[b].append((-s, a))
    kept: set[tuple[int, int]] = set()
    for doc, found in partners.items():
        for _, other in sorted(found)[:per_document]:
            kept.add((min(doc, other), max(doc, other)))
    return sorted(kept)


def candidate_pairs(
    index: Index, cap: int, per_document: int
) -> tuple[list[tuple[int, int]], dict[str, int]]:
    """The candidate document pairs (row ids) of an index, and counts of the join."""
    postings, weights = joinable_postings(index, cap)
    pairs = window_pairs(postings)
    scores = pair_scores(pairs, weights, index.config)
    kept = kept_pairs(scores, per_document)
    return kept, {
        "joined_keys": len(weights),
        "postings": len(postings),
        "window_pairs": len(pairs),
        "scored_pairs": len(scores),
        "candidate_pairs": len(kept),
    }

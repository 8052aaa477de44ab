"""Candidate scoring, pure and vectorised: the postings a query's keys read, as the windows of
each document, scored against the query's windows (``Index.candidates_for`` reads the
postings and calls these). Each kernel has a plain-loop reference the tests compare with."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from ..config import Config

# candidate scoring (``Config.candidate_*``): a query window counts for a document when one of
# its windows shares at least ``candidate_min_shared`` keys with it (one rare word in common
# is chance, two in one passage rarely are); the window's score is the shared keys' weight to
# the power ``candidate_power``, so one strongly shared passage outweighs many weakly shared
# ones (a topic); a document scores the sum of its ``candidate_top_windows`` best windows, so
# a long document on the topic does not outweigh a short copy


def expand_postings(rows: Sequence[tuple[int, int, int, int]]) -> np.ndarray:
    """(key, doc, block, mask) rows as an ``(n, 3)`` array of (key, doc, window)."""
    if not rows:
        return np.zeros((0, 3), dtype=np.int64)
    table = np.asarray(rows, dtype=np.int64)
    bits = np.unpackbits(
        table[:, 3].astype("<i8").view(np.uint8).reshape(-1, 8), axis=1, bitorder="little"
    )
    row, bit = np.nonzero(bits)
    return np.column_stack((table[row, 0], table[row, 1], table[row, 2] * 64 + bit))


def window_values(
    windows: list[set[int]],
    weights: dict[int, float],
    rows: Sequence[tuple[int, int, int]] | np.ndarray,
    config: Config,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each query window and each document with a window sharing at least
    ``candidate_min_shared`` keys with it: (query window, document, value of the document's
    best such window), from the postings ``rows`` (key, doc, window) of the weighted keys; sorted by
    query window, then document.

    Vectorised: every (query window, key) pair is joined to the key's postings by sorted
    search, then grouped with ``np.unique`` / ``bincount``; ``window_scores_reference`` is
    the plain loop it must agree with.
    """
    empty = np.zeros(0, dtype=np.int64)
    q_win = [qi for qi, keys in enumerate(windows) for k in keys if k in weights]
    q_key = [k for keys in windows for k in keys if k in weights]
    if not q_key or len(rows) == 0:
        return empty, empty, np.zeros(0)
    posting = np.asarray(rows, dtype=np.int64).reshape(-1, 3)
    posting = posting[np.argsort(posting[:, 0], kind="stable")]
    p_key, p_doc, p_win = posting[:, 0], posting[:, 1], posting[:, 2]
    qk = np.asarray(q_key, dtype=np.int64)
    qw = np.asarray(q_win, dtype=np.int64)
    qweight = np.asarray([weights[k] for k in q_key], dtype=np.float64)
    lo = np.searchsorted(p_key, qk, "left")
    counts = np.searchsorted(p_key, qk, "right") - lo
    total = int(counts.sum())
    if total == 0:
        return empty, empty, np.zeros(0)
    row_of = np.repeat(np.arange(len(qk)), counts)
    offsets = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    hit = np.repeat(lo, counts) + offsets
    docs, doc_idx = np.unique(p_doc[hit], return_inverse=True)
    n_docs = len(docs)
    n_win = int(p_win[hit].max()) + 1
    group = (qw[row_of] * n_docs + doc_idx) * n_win + p_win[hit]
    groups, inverse = np.unique(group, return_inverse=True)
    shared = np.bincount(inverse)
    weight = np.bincount(inverse, weights=qweight[row_of])
    keep = shared >= config.candidate_min_shared
    if not keep.any():
        return empty, empty, np.zeros(0)
    q_doc = groups[keep] // n_win  # sorted, as groups are
    value = weight[keep] ** config.candidate_power
    starts = np.flatnonzero(np.r_[True, q_doc[1:] != q_doc[:-1]])
    best = np.maximum.reduceat(value, starts)  # a document's best window, per query window
    return q_doc[starts] // n_docs, docs[q_doc[starts] % n_docs], best


def window_scores(
    q_win: np.ndarray, doc: np.ndarray, best: np.ndarray, config: Config
) -> tuple[dict[int, float], dict[int, int]]:
    """Candidate scores (see ``Index.candidates``) and the query windows that found each
    document, from ``window_values``."""
    if not len(doc):
        return {}, {}
    docs, best_doc = np.unique(doc, return_inverse=True)
    n_docs = len(docs)
    order = np.lexsort((-best, best_doc))
    best, best_doc = best[order], best_doc[order]
    first = np.flatnonzero(np.r_[True, best_doc[1:] != best_doc[:-1]])
    rank = np.arange(len(best_doc)) - np.repeat(first, np.diff(np.r_[first, len(best_doc)]))
    top = rank < config.candidate_top_windows
    score = np.bincount(best_doc[top], weights=best[top], minlength=n_docs)
    found = np.bincount(best_doc, minlength=n_docs)
    present = np.flatnonzero(found)
    return (
        {int(docs[d]): float(score[d]) for d in present},
        {int(docs[d]): int(found[d]) for d in present},
    )


def local_order(
    q_win: np.ndarray, doc: np.ndarray, value: np.ndarray, exclude: set[int]
) -> tuple[dict[int, float], dict[int, int]]:
    """Documents by their best rank in any one query window, among the documents not in
    ``exclude`` (ties by that window's value, then id), from ``window_values``: each with
    that window's value and the number of query windows that found it; in that order."""
    keep = ~np.isin(doc, np.fromiter(exclude, dtype=np.int64, count=len(exclude)))
    q_win, doc, value = q_win[keep], doc[keep], value[keep]
    if not len(doc):
        return {}, {}
    order = np.lexsort((doc, -value, q_win))
    q_win, doc, value = q_win[order], doc[order], value[order]
    first = np.flatnonzero(np.r_[True, q_win[1:] != q_win[:-1]])
    rank = np.arange(len(q_win)) - np.repeat(first, np.diff(np.r_[first, len(q_win)]))
    best: dict[int, tuple[int, float]] = {}
    found: dict[int, int] = defaultdict(int)
    for d, r, v in zip(doc.tolist(), rank.tolist(), value.tolist(), strict=True):
        found[d] += 1
        if d not in best or (r, -v) < (best[d][0], -best[d][1]):
            best[d] = (r, v)
    ranked = sorted(best, key=lambda d: (best[d][0], -best[d][1], d))
    return {d: best[d][1] for d in ranked}, {d: found[d] for d in ranked}


def local_order_reference(
    windows: list[set[int]],
    weights: dict[int, float],
    rows: list[tuple[int, int, int]],
    exclude: set[int],
    config: Config,
) -> list[int]:
    """The documents of ``local_order`` as a plain loop (for tests)."""
    postings: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for key, d, win in rows:
        postings[key].append((d, win))
    best: dict[int, tuple[int, float]] = {}
    for qkeys in windows:
        shared: dict[tuple[int, int], float] = defaultdict(float)
        count: dict[tuple[int, int], int] = defaultdict(int)
        for key in qkeys:
            if key in weights:
                for hit in postings.get(key, ()):
                    shared[hit] += weights[key]
                    count[hit] += 1
        here: dict[int, float] = {}
        for (d, _), w in shared.items():
            if count[d, _] >= config.candidate_min_shared and d not in exclude:
                here[d] = max(here.get(d, 0.0), w**config.candidate_power)
        for r, d in enumerate(sorted(here, key=lambda d: (-here[d], d))):
            if d not in best or (r, -here[d]) < (best[d][0], -best[d][1]):
                best[d] = (r, here[d])
    return sorted(best, key=lambda d: (best[d][0], -best[d][1], d))


def window_scores_reference(
    windows: list[set[int]],
    weights: dict[int, float],
    rows: list[tuple[int, int, int]],
    config: Config,
) -> tuple[dict[int, float], dict[int, int]]:
    """``window_scores`` as a plain loop (for tests)."""
    postings: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for key, doc, win in rows:
        postings[key].append((doc, win))
    per_doc: dict[int, list[float]] = defaultdict(list)
    for qkeys in windows:
        shared: dict[tuple[int, int], list[float]] = defaultdict(list)
        for key in qkeys:
            w = weights.get(key)
            if w is None:
                continue
            for hit in postings.get(key, ()):
                shared[hit].append(w)
        best: dict[int, float] = {}
        for (doc, _), ws in shared.items():
            if len(ws) >= config.candidate_min_shared:
                best[doc] = max(best.get(doc, 0.0), sum(ws) ** config.candidate_power)
        for doc, value in best.items():
            per_doc[doc].append(value)
    score = {
        d: sum(sorted(v, reverse=True)[: config.candidate_top_windows]) for d, v in per_doc.items()
    }
    return score, {d: len(v) for d, v in per_doc.items()}

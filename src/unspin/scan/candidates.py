"""Candidate pairs of a corpus scan: a self-join of an index's keys, capped, vectorised.

Near-identical documents (syndicated copies) are grouped first (``copy_groups``): the keys a
copy shares with its group's first join through the first alone, and each copy is a
candidate of the first. Then every key held by at least two and at most ``cap`` documents
(a group counted once) joins the (document, window)
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
from datasketch import MinHash, MinHashLSH
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from ..config import Config
from ..index import Index
from ..index.candidates import expand_postings
from ..index.records import unpack_keys
from ..index.schema import df_table, postings_table

_FETCH = 200_000  # postings rows read at a time


def key_counts(index: Index) -> dict[int, int]:
    """How many documents hold each key, over every postings segment."""
    total: dict[int, int] = defaultdict(int)
    for seg in index.segment_ids():
        for key, df in index.conn.execute(f"SELECT key, df FROM {df_table(seg)}"):
            total[key] += df
    return total


# weights are multiples of 2**-24: their sums are exact in any order (a Spark shuffle's, or
# numpy's), so every engine scores a window the same
_QUANTUM = float(1 << 24)


def key_weight(n_docs: int, df: int) -> float:
    """A key's weight, log inverse document frequency, to 2**-24."""
    return round(math.log(1 + n_docs / df) * _QUANTUM) / _QUANTUM


# MinHash permutations of a document's key set, for ``copy_groups``
COPY_PERMS = 64


def _low32(key: int) -> int:
    """A key (already a 64-bit hash) as MinHash's 32-bit input."""
    return key & 0xFFFFFFFF


def key_signature(keys: Sequence[int]) -> np.ndarray:
    """The MinHash signature of a document's key set (datasketch, fixed seed: the same on
    every engine)."""
    m = MinHash(num_perm=COPY_PERMS, seed=1, hashfunc=_low32, scheme="affine32")
    m.update_batch(keys)
    return np.asarray(m.hashvalues, dtype=np.uint64)


def copy_groups(signatures: dict[int, np.ndarray], jaccard: float) -> dict[int, int]:
    """The documents that are near-identical copies of another, each with its group's first
    document: pairs whose key sets' estimated Jaccard is at least ``jaccard`` (found by
    datasketch's MinHashLSH, then each estimated from the signatures), connected.

    Syndication puts one text in many documents; every key of it is then held by more than
    a key cap allows, and the capped join would find no pair among them. Grouped, the text
    they share joins once, through the group's first, and each is a candidate of it."""
    ids = sorted(signatures)
    if len(ids) < 2:
        return {}
    lsh = MinHashLSH(threshold=jaccard, num_perm=COPY_PERMS)
    hashes = {
        d: MinHash(num_perm=COPY_PERMS, seed=1, hashvalues=signatures[d], scheme="affine32")
        for d in ids
    }
    for d in ids:
        lsh.insert(d, hashes[d])
    position = {d: k for k, d in enumerate(ids)}
    links = [
        (position[d], position[other])
        for d in ids
        for other in lsh.query(hashes[d])
        if other > d and np.mean(signatures[d] == signatures[other]) >= jaccard
    ]
    if not links:
        return {}
    labels = components(len(ids), links)
    first: dict[int, int] = {}
    for d, label in zip(ids, labels, strict=True):
        first.setdefault(label, d)
    return {d: first[label] for d, label in zip(ids, labels, strict=True) if first[label] != d}


def components(count: int, links: Sequence[tuple[int, int]]) -> list[int]:
    """The connected component of each of ``count`` nodes joined by ``links`` (scipy)."""
    ends = np.asarray(links, dtype=np.int64).reshape(-1, 2)
    graph = coo_matrix((np.ones(len(ends)), (ends[:, 0], ends[:, 1])), shape=(count, count))
    return [int(x) for x in connected_components(graph, directed=False)[1]]


def document_signatures(index: Index) -> dict[int, np.ndarray]:
    """``key_signature`` of every document that has keys, by row id."""
    out = {}
    for rowid, blob in index.conn.execute("SELECT id, keys FROM docs ORDER BY id"):
        keys = unpack_keys(blob)
        if keys:
            out[rowid] = key_signature(keys)
    return out


def shared_with_first(index: Index, copies: dict[int, int]) -> dict[int, np.ndarray]:
    """For each grouped copy (``copy_groups``), the keys it shares with its group's first,
    sorted: the postings the join leaves out of it (the first's stand for them). Its keys of
    its own (a passage only it has) join as any document's do."""

    def keys_of(rowid: int) -> np.ndarray:
        (blob,) = index.conn.execute("SELECT keys FROM docs WHERE id = ?", (rowid,)).fetchone()
        return np.asarray(unpack_keys(blob), dtype=np.int64)

    firsts = {f: keys_of(f) for f in sorted(set(copies.values()))}
    return {
        m: np.intersect1d(keys_of(m), firsts[f], assume_unique=True)
        for m, f in sorted(copies.items())
    }


def joinable_postings(
    index: Index, cap: int, copies: dict[int, int] | None = None
) -> tuple[np.ndarray, dict[int, float]]:
    """The (key, doc, window) postings of the keys held by 2 to ``cap`` documents, sorted by
    key, doc and window, and those keys' weights. ``copies`` (``copy_groups``): each copy's
    postings of the keys it shares with its group's first are left out (and not counted),
    so a text held by many copies counts once."""
    n_docs = max(1, len(index))
    counts = key_counts(index)
    left_out = shared_with_first(index, copies or {})
    for keys in left_out.values():
        for k in keys.tolist():
            counts[k] -= 1
    members = np.fromiter(left_out, dtype=np.int64, count=len(left_out))
    weights = {k: key_weight(n_docs, df) for k, df in counts.items() if 2 <= df <= cap}
    wanted = np.fromiter(weights, dtype=np.int64, count=len(weights))
    wanted.sort()
    parts: list[np.ndarray] = []
    for seg in index.segment_ids():
        cur = index.conn.execute(f"SELECT key, doc, block, mask FROM {postings_table(seg)}")
        while rows := cur.fetchmany(_FETCH):
            table = np.asarray(rows, dtype=np.int64)
            keep = np.isin(table[:, 0], wanted, assume_unique=False)
            mine = np.flatnonzero(np.isin(table[:, 1], members))
            if len(mine):  # each copy's rows, by document: one pass over them
                mine = mine[np.argsort(table[mine, 1], kind="stable")]
                docs = table[mine, 1]
                cuts = np.flatnonzero(np.r_[True, docs[1:] != docs[:-1], True])
                for lo, hi in zip(cuts[:-1].tolist(), cuts[1:].tolist(), strict=True):
                    rows_m = mine[lo:hi]
                    keep[rows_m] &= ~np.isin(table[rows_m, 0], left_out[int(docs[lo])])
            if keep.any():
                parts.append(expand_postings([tuple(r) for r in table[keep].tolist()]))
    if not parts:
        return np.zeros((0, 3), dtype=np.int64), weights
    postings = np.concatenate(parts)
    order = np.lexsort((postings[:, 2], postings[:, 1], postings[:, 0]))
    return postings[order], weights


# window pairs a local join holds at once: past this many, the join runs in passes, each
# over the document pairs whose first document's row id falls in it (modulo the passes), so
# the candidate stage's memory stays bounded whatever the key cap or the corpus
WINDOW_PAIR_BUDGET = 4_000_000
# posting pairs made at a time within a pass (before those of other passes are dropped)
_BLOCK = 1_000_000


def window_pair_bound(postings: np.ndarray) -> int:
    """How many window pairs ``window_pairs`` makes at most (pairs within one document
    included): the passes a join needs are counted from it."""
    if not len(postings):
        return 0
    keys = postings[:, 0]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    sizes = np.diff(np.r_[starts, len(keys)]).astype(np.int64)
    return int((sizes * (sizes - 1) // 2).sum())


def window_pairs(postings: np.ndarray, passes: int = 1, part: int = 0) -> np.ndarray:
    """Every pair of postings of one key in two documents, as (key, doc a, window a, doc b,
    window b) rows with doc a < doc b: the join; with ``passes``, only the rows whose doc a
    is ``part`` modulo ``passes``. ``postings`` sorted by key, then document."""
    if not len(postings):
        return np.zeros((0, 5), dtype=np.int64)
    keys = postings[:, 0]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    sizes = np.diff(np.r_[starts, len(keys)])
    out: list[np.ndarray] = []
    for size in np.unique(sizes):
        if size < 2:
            continue
        groups = starts[sizes == size]
        i, j = np.triu_indices(int(size), k=1)
        step = max(1, _BLOCK // len(i))
        for lo in range(0, len(groups), step):
            group = groups[lo : lo + step]
            # within a key, postings are in document order: the first of a pair is doc a
            first = (group[:, None] + i[None, :]).ravel()
            second = (group[:, None] + j[None, :]).ravel()
            doc_a, doc_b = postings[first, 1], postings[second, 1]
            mine = doc_a != doc_b
            if passes > 1:
                mine &= doc_a % passes == part
            first, second = first[mine], second[mine]
            out.append(
                np.column_stack(
                    (
                        postings[first, 0],
                        doc_a[mine],
                        postings[first, 2],
                        doc_b[mine],
                        postings[second, 2],
                    )
                )
            )
    return np.concatenate(out) if out else np.zeros((0, 5), dtype=np.int64)


def pair_score(values: Sequence[float], config: Config) -> float:
    """A document pair's score from its first document's windows' best values: the sum of
    the ``candidate_top_windows`` best, exact (``math.fsum``) and rounded."""
    top = sorted(values, reverse=True)[: config.candidate_top_windows]
    return round(math.fsum(top), 6)


def _packed(rows: np.ndarray) -> np.ndarray | None:
    """(doc a, window a, doc b, window b) rows as one unsigned 64-bit code each, in the
    same order (20 bits per document, 12 per window), or None when they do not fit."""
    docs, wins = max(rows[:, 0].max(), rows[:, 2].max()), max(rows[:, 1].max(), rows[:, 3].max())
    if docs >= 1 << 20 or wins >= 1 << 12 or rows.min() < 0:
        return None
    r = rows.astype(np.uint64)
    return (r[:, 0] << 44) | (r[:, 1] << 32) | (r[:, 2] << 12) | r[:, 3]


def pair_scores(
    pairs: np.ndarray, weights: dict[int, float], config: Config
) -> dict[tuple[int, int], float]:
    """The score of each document pair from its window pairs (``window_pairs``): a window
    pair sharing ``candidate_min_shared`` keys or more is worth their weights' sum to
    ``candidate_power``, each window of a keeps its best window of b, and ``pair_score``
    sums the best of those. Vectorised up to the last sum (the weights' sums are exact, so
    numpy's order of summing them is any other's)."""
    if not len(pairs):
        return {}
    keys = np.fromiter(weights, dtype=np.int64, count=len(weights))
    order = np.argsort(keys)
    keys = keys[order]
    values = np.fromiter(weights.values(), dtype=np.float64, count=len(weights))[order]
    weight = values[np.searchsorted(keys, pairs[:, 0])]
    packed = _packed(pairs[:, 1:])
    if packed is not None:  # one sort of 64-bit codes instead of four keys
        order = np.argsort(packed, kind="stable")
        packed = packed[order]
        starts = np.flatnonzero(np.r_[True, packed[1:] != packed[:-1]])
        rows, weight = pairs[order, 1:], weight[order]
    else:
        order = np.lexsort((pairs[:, 4], pairs[:, 3], pairs[:, 2], pairs[:, 1]))
        rows, weight = pairs[order, 1:], weight[order]
        starts = np.flatnonzero(np.r_[True, (rows[1:] != rows[:-1]).any(axis=1)])
    sizes = np.diff(np.r_[starts, len(rows)])
    sums = np.add.reduceat(weight, starts)
    keep = sizes >= config.candidate_min_shared
    if not keep.any():  # no window pair shares enough keys
        return {}
    groups = rows[starts[keep]]  # (doc a, window a, doc b, window b)
    value = sums[keep] ** config.candidate_power
    # a window of a: its best window of b
    order = np.lexsort((-value, groups[:, 1], groups[:, 2], groups[:, 0]))
    groups, value = groups[order], value[order]
    head = groups[:, [0, 2, 1]]
    first = np.flatnonzero(np.r_[True, (head[1:] != head[:-1]).any(axis=1)])
    per_pair: dict[tuple[int, int], list[float]] = defaultdict(list)
    for (da, db, _), v in zip(head[first].tolist(), value[first].tolist(), strict=True):
        per_pair[da, db].append(v)
    return {p: pair_score(v, config) for p, v in per_pair.items()}


def kept_pairs(
    scores: dict[tuple[int, int], float], per_document: int, copies: dict[int, int] | None = None
) -> list[tuple[int, int]]:
    """The pairs that either document keeps among its ``per_document`` best (score, then
    the other's id), and each copy with its group's first (``copy_groups``), sorted."""
    partners: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for (a, b), s in scores.items():
        partners[a].append((-s, b))
        partners[b].append((-s, a))
    kept: set[tuple[int, int]] = set()
    for doc, found in partners.items():
        for _, other in sorted(found)[:per_document]:
            kept.add((min(doc, other), max(doc, other)))
    for copy, first in (copies or {}).items():
        kept.add((min(copy, first), max(copy, first)))
    return sorted(kept)


def candidate_pairs(
    index: Index,
    cap: int,
    per_document: int,
    copy_jaccard: float,
    budget: int = WINDOW_PAIR_BUDGET,
) -> tuple[list[tuple[int, int]], dict[str, int]]:
    """The candidate document pairs (row ids) of an index, and counts of the join, which
    holds about ``budget`` window pairs at a time (``WINDOW_PAIR_BUDGET``)."""
    copies = copy_groups(document_signatures(index), copy_jaccard)
    postings, weights = joinable_postings(index, cap, copies)
    passes = max(1, -(-window_pair_bound(postings) // max(1, budget)))
    scores: dict[tuple[int, int], float] = {}
    made = 0
    for part in range(passes):
        pairs = window_pairs(postings, passes, part)
        made += len(pairs)
        # each pass holds every window pair of its document pairs: their scores are whole
        scores.update(pair_scores(pairs, weights, index.config))
        del pairs
    kept = kept_pairs(scores, per_document, copies)
    return kept, {
        "copies": len(copies),
        "joined_keys": len(weights),
        "postings": len(postings),
        "passes": passes,
        "window_pairs": made,
        "scored_pairs": len(scores),
        "candidate_pairs": len(kept),
    }

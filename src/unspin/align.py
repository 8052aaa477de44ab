"""Alignment: a pair of documents → passages (pairs of spans with the same content).

This is unspin's edge, so it is written here rather than taken from a library. Units are the
sentences/clauses of the text stage. Each unit pair gets a lexical score from spin-robust
evidence (rarity-weighted content stems, character 4-grams, which survive inflection changes);
pairs whose lexical score is neither clearly high nor clearly low are scored again with the
bundled sentence model, which sees through synonym swaps and reordering. Matches are chosen
greedily (one-to-one, then adjacent units for sentence splits and merges) and merged into
passages that are contiguous in both texts.

``lexical_matrix`` (sparse, vectorised) is the fast path; ``lexical_matrix_reference`` is the
slow, obviously correct pure-Python twin, and tests check they agree.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
from numpy.typing import NDArray
from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from ._types import Match, Passage, PassageKind, Span, covered_chars
from .config import Config
from .embed import Embedder
from .fingerprint import (
    char_ngrams,
    cosine_of_weights,
    feature_id,
)
from .prepared import CHANNELS, PreparedText, embed_units
from .text.normalize import (
    Token,
)

# an exact common run of words: its span in a, its span in b
Run = tuple[Span, Span]

MIN_UNIT_WEIGHT = 4.0  # units with less content weight than this never seed a match alone


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
    grams_a = [_hashed(char_ngrams(t)) for t in a.tokens]
    grams_b = [_hashed(char_ngrams(t)) for t in b.tokens]
    for i in range(len(a)):
        for j in range(len(b)):
            out[i, j] = w_stems * cosine_of_weights(
                a.stems[i], b.stems[j]
            ) + w_grams * cosine_of_weights(grams_a[i], grams_b[j])
    return _quantized(out)


def _hashed(features: Mapping[str, float]) -> dict[int, float]:
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


# unit matches with, for each matched unit of a (of b), its partner in b (in a)
Seeded = tuple[set[tuple[int, int]], dict[int, int], dict[int, int]]


def _seeded(a: PreparedText, b: PreparedText, scored: ScoredPairs, config: Config) -> Seeded:
    """Greedy one-to-one matches above threshold, then adjacent units (splits and merges)."""
    t = config.match_threshold
    lex = scored.lexical

    def support(i: int, j: int) -> float:
        """How well the diagonal neighbours of (i, j) match: a unit repeated elsewhere in
        the other text is claimed by the copy whose neighbours are copies too."""
        before = lex[i - 1, j - 1] if i > 0 and j > 0 else 0.0
        after = lex[i + 1, j + 1] if i + 1 < lex.shape[0] and j + 1 < lex.shape[1] else 0.0
        return float(max(before, after))

    w = config.context_weight
    seeds = sorted(
        (
            (s + w * support(i, j), i, j)
            for (i, j), s in scored.score.items()
            if s >= t and min(a.unit_weight(i), b.unit_weight(j)) >= MIN_UNIT_WEIGHT
        ),
        key=lambda x: (-x[0], x[1], x[2]),
    )
    used_a: dict[int, int] = {}
    used_b: dict[int, int] = {}
    for _, i, j in seeds:
        if i not in used_a and j not in used_b:
            used_a[i] = j
            used_b[j] = i
    matches = set(used_a.items())
    # a sentence split in two (or two merged into one): the neighbour of a matched unit that
    # shares content with the same partner joins the match
    near = [d for d in range(-config.merge_window, config.merge_window + 1) if d]
    for i, j in sorted(matches):
        for nj in (j + d for d in near):
            if 0 <= nj < len(b) and nj not in used_b and lex[i, nj] >= config.merge_threshold:
                matches.add((i, nj))
                used_b[nj] = i
        for ni in (i + d for d in near):
            if 0 <= ni < len(a) and ni not in used_a and lex[ni, j] >= config.merge_threshold:
                matches.add((ni, j))
                used_a[ni] = j
    return matches, used_a, used_b


def _extended(
    a: PreparedText,
    b: PreparedText,
    scored: ScoredPairs,
    config: Config,
    seeded: Seeded,
    skip: bool,
) -> list[tuple[int, int]]:
    """Extension: the units just before and after a match, in both texts, join it when they
    share enough words; repeated, so a passage grows outward one unit pair at a time. With
    ``skip``, a step may also pass over one unit on one side. ``seeded`` is not modified."""
    lex = scored.lexical
    matches, used_a, used_b = set(seeded[0]), dict(seeded[1]), dict(seeded[2])
    frontier = sorted(matches)
    while frontier:
        grown = []
        for i, j in frontier:
            for di in (-1, 1):
                # the diagonal first; then, with skip, over a unit the copier dropped or added
                steps = [(di, di)] + ([(di, 2 * di), (2 * di, di)] if skip else [])
                for si, sj in steps:
                    ni, nj = i + si, j + sj
                    if not (0 <= ni < len(a) and 0 <= nj < len(b)):
                        continue
                    if ni in used_a or nj in used_b or lex[ni, nj] < config.extend_threshold:
                        continue
                    matches.add((ni, nj))
                    used_a[ni], used_b[nj] = nj, ni
                    grown.append((ni, nj))
                    break
        frontier = grown
    return sorted(matches)


def select_matches(
    a: PreparedText, b: PreparedText, scored: ScoredPairs, config: Config, *, skip: bool = False
) -> list[tuple[int, int]]:
    """Greedy one-to-one matches above threshold, then adjacent units (splits and merges),
    then extension; with ``skip``, extension may also step over one unit on one side."""
    return _extended(a, b, scored, config, _seeded(a, b, scored, config), skip)


def _word_forms(tokens: Sequence[Token]) -> list[str]:
    return [t.lower for t in tokens if t.is_word]


def passage_kind(similarity: float, config: Config) -> PassageKind:
    if similarity >= config.verbatim_similarity:
        return "verbatim"
    if similarity >= config.near_verbatim_similarity:
        return "near-verbatim"
    return "paraphrase"


def _clusters(pairs: list[tuple[int, int]], gap: int) -> list[list[tuple[int, int]]]:
    """Group matches that are within ``gap`` units of each other in both texts."""
    clusters: list[list[tuple[int, int]]] = []
    for i, j in sorted(pairs):
        for cluster in reversed(clusters):
            last_i = max(p[0] for p in cluster)
            lo_j = min(p[1] for p in cluster)
            hi_j = max(p[1] for p in cluster)
            if i - last_i <= gap and lo_j - gap <= j <= hi_j + gap:
                cluster.append((i, j))
                break
        else:
            clusters.append([(i, j)])
    return clusters


def _merge_summaries(
    a: PreparedText, b: PreparedText, clusters: list[list[tuple[int, int]]], config: Config
) -> list[list[tuple[int, int]]]:
    """Join clusters that are adjacent in ``a`` and in order but far apart in ``b`` when the
    joined ``b`` side is much longer than the ``a`` side: ``a`` summarises a stretch of ``b``.
    """
    gap = config.passage_gap + 1
    merged: list[list[tuple[int, int]]] = []
    for cluster in sorted(clusters, key=min):
        if merged:
            prev = merged[-1]
            adjacent = min(i for i, _ in cluster) - max(i for i, _ in prev) <= gap
            in_order = min(j for _, j in cluster) > max(j for _, j in prev)
            # a summary rewrites; two copied blocks that happen to sit side by side do not
            reworded = (
                max(_similarity(a, b, prev), _similarity(a, b, cluster))
                < config.near_verbatim_similarity
            )
            if adjacent and in_order and reworded:
                both = prev + cluster
                a_len = _hull_len(a, [i for i, _ in both])
                b_len = _hull_len(b, [j for _, j in both])
                if b_len >= config.summary_ratio * a_len:
                    merged[-1] = both
                    continue
        merged.append(cluster)
    return merged


def _similarity(a: PreparedText, b: PreparedText, cluster: list[tuple[int, int]]) -> float:
    """Token-level similarity of the unit ranges a cluster spans in the two texts."""
    ia = [i for i, _ in cluster]
    jb = [j for _, j in cluster]
    words_a = [w for i in range(min(ia), max(ia) + 1) for w in _word_forms(a.tokens[i])]
    words_b = [w for j in range(min(jb), max(jb) + 1) for w in _word_forms(b.tokens[j])]
    return float(Indel.normalized_similarity(words_a, words_b))


def _body_len(p: PreparedText) -> int:
    return sum(len(s.span) for s in p.doc.segments)


def _min_chars(a: PreparedText, b: PreparedText, config: Config) -> int:
    """The ordinary minimum length of a passage of this pair: a short text copied whole is
    reuse even when shorter than ``min_passage_chars``."""
    return min(config.min_passage_chars, int(0.5 * min(_body_len(a), _body_len(b))))


def _hull_len(p: PreparedText, units: list[int]) -> int:
    return p.doc.segments[max(units)].span.end - p.doc.segments[min(units)].span.start


def _snap(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` to whole words."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end


def _aligned_window(
    needle: str, text: str, lo: int, hi: int, config: Config
) -> tuple[int, int] | None:
    """Where ``needle`` best aligns inside ``text[lo:hi]`` (whole words), if well enough."""
    if hi - lo <= 1.2 * len(needle):
        return None
    al = fuzz.partial_ratio_alignment(needle, text[lo:hi], processor=str.lower)
    if al is None or al.score < config.trim_alignment:
        return None
    return _snap(text, lo + al.dest_start, lo + al.dest_end)


def _contained(p: PreparedText, i: int, q: PreparedText, k: int, used: int) -> float:
    """Share of the content weight of ``p``'s unit ``i`` whose stems occur in ``q``'s unit
    ``k`` and not in ``p``'s unit ``used`` (the words of ``k`` that ``used`` explains)."""
    row = p.stems[i]
    total = sum(row.values())
    if not total:
        return 0.0
    there = q.stems[k].keys() - p.stems[used].keys()
    return sum(w for h, w in row.items() if h in there) / total


def _completed(
    a: PreparedText,
    b: PreparedText,
    cluster: list[tuple[int, int]],
    matched: tuple[set[int], set[int]],
    config: Config,
) -> list[tuple[int, int]]:
    """The cluster with an unmatched unit just past either end of one side added, when a
    share ``edge_containment`` of its content weight is in the other side's end unit and not
    in this side's end unit.

    An obfuscated passage often compresses two source sentences into one: the second then
    shares too few words with the whole merged sentence to be matched, but its words are
    there. Containment, not cosine, is the test, since the merged sentence is longer.
    """
    if not config.edge_containment:
        return cluster
    out = list(cluster)
    ia = [i for i, _ in cluster]
    jb = [j for _, j in cluster]
    for end, step in ((max, 1), (min, -1)):
        i, j = end(ia), end(jb)
        # b's unit past the end, tested against a's end unit; then the same for a
        if j + step not in matched[1] and 0 <= j + step < len(b):
            if _contained(b, j + step, a, i, j) >= config.edge_containment:
                out.append((i, j + step))
        if i + step not in matched[0] and 0 <= i + step < len(a):
            if _contained(a, i + step, b, j, i) >= config.edge_containment:
                out.append((i + step, j))
    return out


def _trimmed_spans(
    a: PreparedText, b: PreparedText, cluster: list[tuple[int, int]], config: Config
) -> tuple[Span, Span]:
    """Hulls of the cluster's units, with the ends trimmed to the part that aligns.

    A reused passage rarely starts and ends on the other text's unit boundaries: the first
    (last) unit of each side is looked for near the start (end) of the other side's hull
    (rapidfuzz's partial alignment), and the other side is cut there.
    """
    ia = [i for i, _ in cluster]
    jb = [j for _, j in cluster]
    spans = {
        "a": [a.doc.segments[min(ia)].span.start, a.doc.segments[max(ia)].span.end],
        "b": [b.doc.segments[min(jb)].span.start, b.doc.segments[max(jb)].span.end],
    }
    sides = {"a": (a, min(ia), max(ia)), "b": (b, min(jb), max(jb))}
    # an end is trimmed only where the two texts' outer units are partners: when the copier
    # reordered sentences, the outer unit of one side belongs inside the other's hull
    heads_paired = (min(ia), min(jb)) in cluster
    tails_paired = (max(ia), max(jb)) in cluster
    for side, other in (("a", "b"), ("b", "a")):
        prepared, first, last = sides[side]
        target = sides[other][0].doc.text
        lo, hi = spans[other]
        head = prepared.doc.segments[first].span.of(prepared.doc.text)
        window_end = min(hi, lo + 2 * len(head) + 100)
        found = _aligned_window(head, target, lo, window_end, config) if heads_paired else None
        if found:
            spans[other][0] = max(lo, found[0])
        lo = spans[other][0]
        tail = prepared.doc.segments[last].span.of(prepared.doc.text)
        window_start = max(lo, hi - 2 * len(tail) - 100)
        found = _aligned_window(tail, target, window_start, hi, config) if tails_paired else None
        if found:
            spans[other][1] = min(hi, found[1])
    (a_start, a_end), (b_start, b_end) = spans["a"], spans["b"]
    return Span(a_start, max(a_start, a_end)), Span(b_start, max(b_start, b_end))


def _clip(span: Span, bounds: Span) -> Span:
    start = min(max(span.start, bounds.start), bounds.end)
    return Span(start, max(start, min(span.end, bounds.end)))


def _validated(
    a: PreparedText,
    b: PreparedText,
    cluster: list[tuple[int, int]],
    spans: tuple[Span, Span],
    scored: ScoredPairs,
    config: Config,
    min_chars: int,
    summary_matches: int,
    short: bool,
) -> Passage | None:
    """The passage a cluster makes, or None when it is too short or not convincing;
    ``short``: whether a short passage keeping its wording may be kept (``_passes``)."""
    a_span, b_span = spans
    floor = min(min_chars, config.rescue_min_chars)
    if min(len(a_span), len(b_span)) < (min(floor, config.short_passage_chars) if short else floor):
        return None
    similarity = _similarity(a, b, cluster)
    passage = _passage(a, b, cluster, spans, scored, similarity, config)
    score = _mean_score(passage.matches)  # unrounded, as the rules read it
    if not _passes(
        config, cluster, spans, min_chars, score, similarity, summary_matches, short
    ) and not _rescued(a, b, cluster, spans, config):
        return None
    return passage


def _passage(
    a: PreparedText,
    b: PreparedText,
    cluster: list[tuple[int, int]],
    spans: tuple[Span, Span],
    scored: ScoredPairs,
    similarity: float,
    config: Config,
) -> Passage:
    """The passage of a cluster of matches over ``spans`` (``similarity``: its sides' token
    similarity, ``_similarity``), not validated."""
    a_span, b_span = spans
    matches = tuple(
        Match(
            a=_clip(a.doc.segments[i].span, a_span),
            b=_clip(b.doc.segments[j].span, b_span),
            score=round(scored.score.get((i, j), float(scored.lexical[i, j])), 4),
            lexical=round(float(scored.lexical[i, j]), 4),
            semantic=(round(scored.semantic[i, j], 4) if (i, j) in scored.semantic else None),
        )
        for i, j in sorted(cluster)
    )
    return Passage(
        a=a_span,
        b=b_span,
        score=round(_mean_score(matches), 4),
        kind=passage_kind(similarity, config),
        similarity=round(similarity, 4),
        matches=matches,
    )


def _mean_score(matches: Sequence[Match]) -> float:
    """The matches' scores averaged over their characters (both sides)."""
    weight = sum(len(m.a) + len(m.b) for m in matches) or 1
    return sum(m.score * (len(m.a) + len(m.b)) for m in matches) / weight


def _passes(
    config: Config,
    cluster: list[tuple[int, int]],
    spans: tuple[Span, Span],
    min_chars: int,
    score: float,
    similarity: float,
    summary_matches: int,
    short: bool,
) -> bool:
    """The ordinary validation rules of a passage, by its length, evidence and wording.
    With ``short``, a passage under ``min_chars`` is kept when it keeps its wording (the
    ordinary reading: in the summary reading, a short passage is a summary's sentence,
    judged with the others)."""
    len_a, len_b = len(spans[0]), len(spans[1])
    summary_shaped = len_b >= config.summary_ratio * len_a
    if min(len_a, len_b) < min_chars and (
        not short
        or min(len_a, len_b) < config.short_passage_chars
        or similarity < config.short_similarity
        or score < config.passage_score
    ):
        return False
    # a passage must be convincing as a whole, by its evidence or its wording
    if score < config.passage_score and similarity < config.passage_similarity:
        return False
    # a passage resting on one sentence of a must also share its wording: one sentence on
    # the same topic, reworded, is as often two writers saying the same thing
    if len({i for i, _ in cluster}) == 1 and similarity < config.passage_similarity:
        return False
    # a summary-shaped passage condenses several sentences, each drawing on the source; two
    # matches far apart in b are as often two sentences on the same topic
    if summary_shaped and len(cluster) < summary_matches:
        return False
    # a reworded copy keeps some of its source's words (synonyms leave the names, numbers
    # and function words); two same-length passages sharing almost none are two writers on
    # one topic, however close their meaning
    return summary_shaped or similarity >= config.paraphrase_similarity


def _rescued(
    a: PreparedText,
    b: PreparedText,
    cluster: list[tuple[int, int]],
    spans: tuple[Span, Span],
    config: Config,
) -> bool:
    """A passage the ordinary rules turn down, kept on the weight of the words it shares.

    Word order is what random obfuscation destroys (words shuffled, dropped, inserted,
    swapped for synonyms): the token similarity, an in-order measure, falls below the
    rules' floors although most of the content words are still there. Kept when at least
    ``rescue_matches`` unit pairs match, the two sides share ``rescue_weight`` of
    rarity-weighted content stems, and those are ``rescue_containment`` of the smaller
    side's content weight: two writers on one topic share a few common words, a shuffled
    copy shares its rare ones. Obfuscation drops and swaps words; it does not make a
    passage ``summary_ratio`` times longer than its source: such a side says more, on the
    same facts, and is not rescued.
    """
    if not config.rescue_weight or len(cluster) < config.rescue_matches:
        return False
    if len(spans[0]) >= config.summary_ratio * len(spans[1]):
        return False
    shared, smaller = _shared_content(a, _units_in(a, spans[0]), b, _units_in(b, spans[1]))
    return shared >= config.rescue_weight and shared / (smaller or 1.0) >= config.rescue_containment


def _shared_content(
    a: PreparedText, units_a: Sequence[int], b: PreparedText, units_b: Sequence[int]
) -> tuple[float, float]:
    """The rarity-weighted content stems that ``units_a`` of ``a`` and ``units_b`` of ``b``
    share (each stem counted at its lower weight), and the smaller side's whole content
    weight."""
    stems_a: dict[int, float] = {}
    stems_b: dict[int, float] = {}
    for prepared, units, stems in ((a, units_a, stems_a), (b, units_b, stems_b)):
        for k in units:
            stems.update(prepared.stems[k])
    shared = sum(min(w, stems_b[h]) for h, w in stems_a.items() if h in stems_b)
    return shared, min(sum(stems_a.values()), sum(stems_b.values()))


def _whole_b(b: PreparedText, span: Span, config: Config) -> Span:
    """The whole body of ``b`` when a summary's source side spreads over a large share of it.

    A summary condenses a document, not a stretch of it: its sentences draw on the whole
    source, so the matched source sentences reach from near its start to near its end. When
    they span ``summary_whole`` of the body, the passage's source side is the whole body.
    """
    segments = b.doc.segments
    if not segments or len(span) < config.summary_whole * _body_len(b):
        return span
    return Span(segments[0].span.start, segments[-1].span.end)


def _convincing(
    a: PreparedText,
    b: PreparedText,
    cluster: list[tuple[int, int]],
    scored: ScoredPairs,
    config: Config,
) -> bool:
    """The validation rule of a passage, without its length minimum and with the best
    match score in place of the mean: one strong match makes a part of a summary."""
    score = max(scored.score.get((i, j), float(scored.lexical[i, j])) for i, j in cluster)
    return score >= config.passage_score or _similarity(a, b, cluster) >= config.passage_similarity


def _summary_clusters(
    a: PreparedText,
    b: PreparedText,
    pairs: list[tuple[int, int]],
    scored: ScoredPairs,
    config: Config,
) -> list[list[tuple[int, int]]]:
    """Matches grouped by closeness in ``a`` alone, from the ordinary clusters that are
    convincing on their own and not tiny: a stray weak match far off in ``b`` must not
    stretch a copied passage into a summary of the whole document."""
    kept = [
        pair
        for cluster in _clusters(pairs, config.passage_gap + 1)
        if _convincing(a, b, cluster, scored, config)
        and min(_hull_len(a, [i for i, _ in cluster]), _hull_len(b, [j for _, j in cluster]))
        >= config.summary_part_chars
        for pair in cluster
    ]
    # a summary follows its own order, not the source's: group by closeness in a alone
    clusters: list[list[tuple[int, int]]] = []
    for i, j in sorted(kept):
        if clusters and i - clusters[-1][-1][0] <= config.summary_gap:
            clusters[-1].append((i, j))
        else:
            clusters.append([(i, j)])
    return clusters


def _units_in(p: PreparedText, span: Span) -> list[int]:
    """The units of ``p`` that overlap ``span``."""
    return [k for k, seg in enumerate(p.doc.segments) if seg.span.overlaps(span)]


def _words_in(p: PreparedText, span: Span) -> list[Token]:
    return [
        t
        for k in _units_in(p, span)
        for t in p.tokens[k]
        if t.is_word and span.start <= t.span.start and t.span.end <= span.end
    ]


def _with_punctuation(text_a: str, text_b: str, run_a: Span, run_b: Span) -> Run:
    """A run of words widened over the punctuation attached to its ends (a closing full
    stop, an opening quote) where both texts have the same."""
    (a0, a1), (b0, b1) = (run_a.start, run_a.end), (run_b.start, run_b.end)
    while a0 > 0 and b0 > 0 and text_a[a0 - 1] == text_b[b0 - 1] and not text_a[a0 - 1].isspace():
        a0, b0 = a0 - 1, b0 - 1
    while (
        a1 < len(text_a)
        and b1 < len(text_b)
        and text_a[a1] == text_b[b1]
        and not text_a[a1].isspace()
    ):
        a1, b1 = a1 + 1, b1 + 1
    return Span(a0, a1), Span(b0, b1)


def _exact_runs(a: PreparedText, b: PreparedText, passage: Passage, config: Config) -> list[Run]:
    """Groups of exact common word runs of a passage, each as (a span, b span).

    Runs are the equal blocks of the word-level LCS alignment of the two sides (rapidfuzz
    Indel opcodes). Runs shorter than ``verbatim_piece_chars`` are ignored; consecutive runs
    are grouped when the text between them is at most ``verbatim_gap`` characters on both
    sides (a verbatim copy with a few words changed stays one group).
    """
    words_a, words_b = _words_in(a, passage.a), _words_in(b, passage.b)
    groups: list[Run] = []
    ops = Indel.opcodes([t.lower for t in words_a], [t.lower for t in words_b])
    for op in ops:
        if op.tag != "equal":
            continue
        i1, i2, j1, j2 = op.src_start, op.src_end, op.dest_start, op.dest_end
        # the LCS may pair an equal word at a run's edge with a copy of it elsewhere
        while i1 > 0 and j1 > 0 and words_a[i1 - 1].lower == words_b[j1 - 1].lower:
            i1, j1 = i1 - 1, j1 - 1
        while i2 < len(words_a) and j2 < len(words_b) and words_a[i2].lower == words_b[j2].lower:
            i2, j2 = i2 + 1, j2 + 1
        run_a, run_b = _with_punctuation(
            a.doc.text,
            b.doc.text,
            Span(words_a[i1].span.start, words_a[i2 - 1].span.end),
            Span(words_b[j1].span.start, words_b[j2 - 1].span.end),
        )
        if min(len(run_a), len(run_b)) < config.verbatim_piece_chars:
            continue
        if groups:
            last_a, last_b = groups[-1]
            if (
                run_a.start - last_a.end <= config.verbatim_gap
                and 0 <= run_b.start - last_b.end <= config.verbatim_gap
            ):
                groups[-1] = (Span(last_a.start, run_a.end), Span(last_b.start, run_b.end))
                continue
        groups.append((run_a, run_b))
    return groups


def _run_cover(p: PreparedText, span: Span, runs: list[Span]) -> float:
    """Share of ``span``'s characters in units that exact runs reach into: a unit is
    copied or not; where a copy starts mid-unit is the runs' business."""
    covered = total = 0
    for k in _units_in(p, span):
        part = _clip(p.doc.segments[k].span, span)
        total += len(part)
        if any(part.overlaps(r) for r in runs):
            covered += len(part)
    return covered / total if total else 0.0


def _verbatim_cut(
    a: PreparedText, b: PreparedText, passages: list[Passage], config: Config
) -> list[Passage]:
    """In a copy-and-paste pair, passages cut to their exact runs; elsewhere unchanged.

    When one passage holds an exact common run of ``verbatim_run_chars``, the pair's reuse
    is verbatim: the copier pasted, so the exact runs are the reused text (their edges are
    exact, where sentence units over- or undershoot), and a passage with no long run is a
    shared phrase or a weak paraphrase that the copier did not make.
    """
    runs = [_exact_runs(a, b, p, config) for p in passages]
    pasted = [
        any(min(len(ra), len(rb)) >= config.verbatim_run_chars for ra, rb in groups)
        and _run_cover(a, passage.a, [ra for ra, _ in groups]) >= config.verbatim_cover
        for passage, groups in zip(passages, runs, strict=True)
    ]
    # the pasted passages must carry a good share of the pair's reuse (verbatim_share): one
    # translated passage that came back word for word does not make its neighbours
    # coincidences
    pasted_chars = sum(len(p.a) for p, is_pasted in zip(passages, pasted, strict=True) if is_pasted)
    if pasted_chars < config.verbatim_share * sum(len(p.a) for p in passages):
        return passages
    cut = []
    for passage, groups in zip(passages, runs, strict=True):
        for run_a, run_b in groups:
            if min(len(run_a), len(run_b)) < config.verbatim_run_chars:
                continue
            matches = tuple(
                replace(m, a=_clip(m.a, run_a), b=_clip(m.b, run_b))
                for m in passage.matches
                if m.a.overlaps(run_a) and m.b.overlaps(run_b)
            )
            words_a = [t.lower for t in _words_in(a, run_a)]
            words_b = [t.lower for t in _words_in(b, run_b)]
            similarity = float(Indel.normalized_similarity(words_a, words_b))
            cut.append(
                replace(
                    passage,
                    a=run_a,
                    b=run_b,
                    similarity=round(similarity, 4),
                    kind=passage_kind(similarity, config),
                    # a run no unit match overlaps still keeps one match, on the run itself
                    matches=matches or (replace(passage.matches[0], a=run_a, b=run_b),),
                )
            )
    return cut


def build_passages(
    a: PreparedText,
    b: PreparedText,
    pairs: list[tuple[int, int]],
    scored: ScoredPairs,
    config: Config,
    summary_pairs: list[tuple[int, int]] | None = None,
) -> list[Passage]:
    """Merge matches that are close in both texts into passages; drop passages too short to
    tell reuse from a shared phrase. ``summary_pairs`` (default ``pairs``) are the matches
    the summary reading is built from.

    Two readings are built, as the PAN 2014 winner (Sanchez-Perez et al.) did, ours in our
    own way: the ordinary one, clusters of matches close in both texts, and a summary one,
    convincing clusters grouped by closeness in ``a`` alone. The summary reading wins when
    its passages are, taken together, summary-shaped (the b sides ``summary_ratio`` times
    longer than the a sides) and no ordinary passage is a near-verbatim copy of
    ``summary_block_matches`` units or more (a copier who pastes does not summarise; an
    extractive summary keeps a sentence or two word for word). Copy-and-paste pairs are
    then cut to their exact runs.
    """
    min_chars = _min_chars(a, b, config)

    matched = ({i for i, _ in pairs}, {j for _, j in pairs})

    Cluster = list[tuple[int, int]]

    def spanned(clusters: list[Cluster], ordinary: bool) -> list[tuple[Cluster, tuple[Span, Span]]]:
        hulls = (_completed(a, b, c, matched, config) if ordinary else c for c in clusters)
        return [(c, _trimmed_spans(a, b, h, config)) for c, h in zip(clusters, hulls, strict=True)]

    def passages_of(
        candidates: list[tuple[Cluster, tuple[Span, Span]]],
        needed: int,
        ordinary: bool,
        rules: Config = config,
    ) -> list[Passage]:
        found = []
        for cluster, spans in candidates:
            passage = _validated(a, b, cluster, spans, scored, rules, min_chars, needed, ordinary)
            if passage is not None:
                found.append(passage)
        return found

    # the ordinary clusters' spans are read twice when the lone-short rule runs: made once
    clusters = spanned(
        _merge_summaries(a, b, _clusters(pairs, config.passage_gap + 1), config), ordinary=True
    )
    ordinary = passages_of(clusters, config.summary_matches_alone, ordinary=True)
    summary_pairs = pairs if summary_pairs is None else summary_pairs
    if summary_pairs and all(
        p.similarity < config.near_verbatim_similarity
        or len(p.matches) < config.summary_block_matches
        for p in ordinary
    ):
        wide = passages_of(
            spanned(_summary_clusters(a, b, summary_pairs, scored, config), ordinary=False),
            config.summary_matches,
            ordinary=False,
        )
        a_total = sum(len(p.a) for p in wide)
        b_total = sum(len(p.b) for p in wide)
        if wide and b_total >= config.summary_ratio * a_total:
            ordinary = [replace(p, b=_whole_b(b, p.b, config)) for p in wide]
    if not ordinary and config.lone_short_similarity < config.short_similarity:
        # nothing found by the ordinary rules: a short passage may keep a little less of its
        # wording (one or two obfuscated sentences reused in a long text). A short passage
        # next to a long one is usually a fragment of the same case, and the looser rule
        # there only splits the case; alone, it is the pair's only evidence
        ordinary = passages_of(
            clusters,
            config.summary_matches_alone,
            ordinary=True,
            rules=replace(
                config,
                short_passage_chars=config.lone_short_chars,
                short_similarity=config.lone_short_similarity,
            ),
        )
    ordinary = _verbatim_cut(a, b, ordinary, config)
    return sorted(ordinary, key=lambda p: (p.a.start, p.b.start))


def attributed(
    a: PreparedText,
    b: PreparedText,
    passages: Sequence[Passage],
    elsewhere: Sequence[Span],
    config: Config,
) -> list[Passage]:
    """``passages`` split where another source explains the text: a stretch inside a
    passage, between two of its matches, at least ``attribution_gap`` characters of ``a``
    long, that none of the passage's own matches covers and ``elsewhere`` (another source's
    matches in ``a``, sorted and disjoint) covers at least half of.

    Alignment bridges a few unmatched units inside a passage (a sentence reworded beyond
    matching); in a text stitched from several sources, the bridged stretch is often another
    source's passage. Pieces shorter than ``short_passage_chars`` on either side are dropped.
    Written here, not taken from a library: it is part of alignment, unspin's edge."""
    out: list[Passage] = []
    for passage in passages:
        matches = sorted(passage.matches, key=lambda m: (m.a.start, m.a.end))
        groups: list[list[Match]] = [[matches[0]]] if matches else []
        reach = matches[0].a.end if matches else 0
        for m in matches[1:]:
            gap = Span(reach, max(reach, m.a.start))
            if len(gap) >= config.attribution_gap and 2 * covered_chars(gap, elsewhere) >= len(gap):
                groups.append([m])
            else:
                groups[-1].append(m)
            reach = max(reach, m.a.end)
        if len(groups) < 2:
            out.append(passage)
            continue
        for k, group in enumerate(groups):
            a_span = Span(
                passage.a.start if k == 0 else min(m.a.start for m in group),
                passage.a.end if k == len(groups) - 1 else max(m.a.end for m in group),
            )
            b_span = _clip(
                Span(min(m.b.start for m in group), max(m.b.end for m in group)), passage.b
            )
            if min(len(a_span), len(b_span)) < config.short_passage_chars:
                continue
            words_a = _word_forms(_words_in(a, a_span))
            words_b = _word_forms(_words_in(b, b_span))
            similarity = float(Indel.normalized_similarity(words_a, words_b))
            out.append(
                Passage(
                    a=a_span,
                    b=b_span,
                    score=round(_mean_score(group), 4),
                    kind=passage_kind(similarity, config),
                    similarity=round(similarity, 4),
                    matches=tuple(group),
                )
            )
    return out


def leads(
    a: PreparedText, b: PreparedText, result: AlignmentResult, config: Config
) -> list[Passage]:
    """Unconfirmed leads: the clusters of ``result``'s matches that make no passage (too
    short, or too weak by the rules of a verdict) and whose matched units share at least
    ``lead_weight`` of rarity-weighted content stems, as passages over their units' hulls.

    A passage translated or reworded beyond what the aligner can confirm is often one or
    two unit matches sharing a few rare words with its source. So are two sentences on one
    topic, which is why these are leads for a reader to check, never a passage or a verdict
    (a search ranks them below every verified source: ``SearchResult.leads``). Clusters
    overlapping one of ``result``'s passages are part of it, not leads."""
    if not config.lead_weight or not result.pairs:
        return []
    out = []
    for cluster in _clusters(result.pairs, config.passage_gap + 1):
        ia = sorted({i for i, _ in cluster})
        jb = sorted({j for _, j in cluster})
        spans = (
            Span(a.doc.segments[ia[0]].span.start, a.doc.segments[ia[-1]].span.end),
            Span(b.doc.segments[jb[0]].span.start, b.doc.segments[jb[-1]].span.end),
        )
        if any(p.a.overlaps(spans[0]) for p in result.passages):
            continue
        if _shared_content(a, ia, b, jb)[0] < config.lead_weight:
            continue
        similarity = _similarity(a, b, cluster)
        out.append(_passage(a, b, cluster, spans, result.scored, similarity, config))
    return out


@dataclass
class AlignmentResult:
    """Passages plus the intermediate evidence (kept for reports and debugging)."""

    passages: list[Passage]
    pairs: list[tuple[int, int]]  # the ordinary reading's unit matches
    scored: ScoredPairs


def align_prepared(
    a: PreparedText,
    b: PreparedText,
    config: Config,
    embedder: Embedder | None,
    *,
    reference: bool = False,
    timings: dict[str, float] | None = None,
) -> AlignmentResult:
    """Align two prepared documents; ``reference=True`` uses the slow lexical scorer.

    ``timings``, if given, receives seconds per stage: ``seed`` (lexical scores), ``embed``
    (model scores of undecided pairs), ``extend`` (match selection), ``filter`` (passages).
    """
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        if timings is not None:
            timings[stage] = timings.get(stage, 0.0) + now - clock
        clock = now

    scorer = lexical_matrix_reference if reference else lexical_matrix
    lexical = scorer(a, b, config)
    lap("seed")
    use_model = embedder is not None and config.use_model
    # the words are read first; the model is consulted where they are not enough: where they
    # found a convincing match but no passage of the ordinary length (a short one may be a
    # sentence of a summary the model reads whole), or everywhere, when model_everywhere is set
    first = embedder if use_model and config.model_everywhere else None
    result = _read(a, b, lexical, config, first, lap)
    ordinary = _min_chars(a, b, config)
    if (
        use_model
        and not config.model_everywhere
        and all(min(len(p.a), len(p.b)) < ordinary for p in result.passages)
        and any(
            _convincing(a, b, cluster, result.scored, config)
            for cluster in _clusters(result.pairs, config.passage_gap + 1)
        )
    ):
        result = _read(a, b, lexical, config, embedder, lap)
    return result


def _read(
    a: PreparedText,
    b: PreparedText,
    lexical: NDArray[np.float64],
    config: Config,
    embedder: Embedder | None,
    lap: Callable[[str], None],
) -> AlignmentResult:
    """One reading of a pair from its lexical matrix, the model consulted when given."""
    scored = score_pairs(a, b, lexical, config, embedder)
    lap("embed")
    seeded = _seeded(a, b, scored, config)
    pairs = _extended(a, b, scored, config, seeded, config.extend_skip)
    # the summary reading is built from diagonal extension only: steps over skipped units
    # join a summary's stray matches into clusters that are not convincing on their own
    summary_pairs = _extended(a, b, scored, config, seeded, False) if config.extend_skip else pairs
    lap("extend")
    passages = build_passages(a, b, pairs, scored, config, summary_pairs)
    lap("filter")
    return AlignmentResult(passages, pairs, scored)

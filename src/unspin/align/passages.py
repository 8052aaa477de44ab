"""Passages: matches grouped into passages contiguous in both texts, checked by the passage
rules (length, score, similarity, summaries, containment) and typed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from .._types import Match, Passage, Span
from ..config import Config
from ..prepared import PreparedText
from .scores import ScoredPairs
from .spans import _clip, _units_in, _word_forms, passage_kind
from .verbatim import _verbatim_cut


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
    Not when it is ``summary_max_ratio`` times longer: a few sentences of ``a`` cannot vouch
    for so much of ``b``, and such a join is a reused passage stretched to one stray match
    far off in ``b`` (a sentence on the same topic), the text between claimed as reused.
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
                if config.summary_ratio * a_len <= b_len <= config.summary_max_ratio * a_len:
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
    ``short``: whether a short passage keeping its wording may be kept (``cluster_passes``)."""
    a_span, b_span = spans
    floor = min(min_chars, config.rescue_min_chars)
    if min(len(a_span), len(b_span)) < (min(floor, config.short_passage_chars) if short else floor):
        return None
    similarity = _similarity(a, b, cluster)
    passage = _passage(a, b, cluster, spans, scored, similarity, config)
    score = _mean_score(passage.matches)  # unrounded, as the rules read it
    if not cluster_passes(
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


def cluster_passes(
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
    shared, smaller = shared_content(a, _units_in(a, spans[0]), b, _units_in(b, spans[1]))
    return shared >= config.rescue_weight and shared / (smaller or 1.0) >= config.rescue_containment


def shared_content(
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


_Cluster = list[tuple[int, int]]


class _Readings:
    """The two readings of ``build_passages`` over one pair: clusters made into spans, and
    spans validated into passages."""

    def __init__(
        self,
        a: PreparedText,
        b: PreparedText,
        pairs: list[tuple[int, int]],
        scored: ScoredPairs,
        config: Config,
    ) -> None:
        self.a, self.b, self.scored, self.config = a, b, scored, config
        self.min_chars = _min_chars(a, b, config)
        self.matched = ({i for i, _ in pairs}, {j for _, j in pairs})

    def spanned(
        self, clusters: list[_Cluster], ordinary: bool
    ) -> list[tuple[_Cluster, tuple[Span, Span]]]:
        a, b, config = self.a, self.b, self.config
        hulls = (_completed(a, b, c, self.matched, config) if ordinary else c for c in clusters)
        return [(c, _trimmed_spans(a, b, h, config)) for c, h in zip(clusters, hulls, strict=True)]

    def passages(
        self,
        candidates: list[tuple[_Cluster, tuple[Span, Span]]],
        needed: int,
        ordinary: bool,
        rules: Config | None = None,
    ) -> list[Passage]:
        rules = self.config if rules is None else rules
        found = []
        for cluster, spans in candidates:
            passage = _validated(
                self.a, self.b, cluster, spans, self.scored, rules, self.min_chars, needed, ordinary
            )
            if passage is not None:
                found.append(passage)
        return found

    def summary(self, summary_pairs: list[tuple[int, int]]) -> list[Passage]:
        """The summary reading's passages, when they are summary-shaped; else none."""
        a, b, config = self.a, self.b, self.config
        wide = self.passages(
            self.spanned(_summary_clusters(a, b, summary_pairs, self.scored, config), False),
            config.summary_matches,
            ordinary=False,
        )
        a_total = sum(len(p.a) for p in wide)
        b_total = sum(len(p.b) for p in wide)
        if wide and config.summary_ratio * a_total <= b_total <= config.summary_max_ratio * a_total:
            return [replace(p, b=_whole_b(b, p.b, config)) for p in wide]
        return []

    def lone_short(self, clusters: list[tuple[_Cluster, tuple[Span, Span]]]) -> list[Passage]:
        """Nothing was found by the ordinary rules: a short passage may keep a little less of
        its wording (one or two obfuscated sentences reused in a long text). A short passage
        next to a long one is usually a fragment of the same case, and the looser rule there
        only splits the case; alone, it is the pair's only evidence."""
        config = self.config
        return self.passages(
            clusters,
            config.summary_matches_alone,
            ordinary=True,
            rules=replace(
                config,
                short_passage_chars=config.lone_short_chars,
                short_similarity=config.lone_short_similarity,
            ),
        )


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
    reader = _Readings(a, b, pairs, scored, config)
    # the ordinary clusters' spans are read twice when the lone-short rule runs: made once
    clusters = reader.spanned(
        _merge_summaries(a, b, _clusters(pairs, config.passage_gap + 1), config), ordinary=True
    )
    ordinary = reader.passages(clusters, config.summary_matches_alone, ordinary=True)
    summary_pairs = pairs if summary_pairs is None else summary_pairs
    if summary_pairs and all(
        p.similarity < config.near_verbatim_similarity
        or len(p.matches) < config.summary_block_matches
        for p in ordinary
    ):
        ordinary = reader.summary(summary_pairs) or ordinary
    if not ordinary and config.lone_short_similarity < config.short_similarity:
        ordinary = reader.lone_short(clusters)
    ordinary = _verbatim_cut(a, b, ordinary, config)
    return sorted(ordinary, key=lambda p: (p.a.start, p.b.start))

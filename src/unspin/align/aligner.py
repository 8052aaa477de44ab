"""The aligner: a pair of prepared texts through scores, matches and passages; a search's
attribution of passages among several sources, and its unconfirmed leads."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from .._types import Match, Passage, Span, covered_chars
from ..config import Config
from ..embed import Embedder
from ..prepared import PreparedText
from ..text.language import model_reads
from .matches import _extended, _seeded
from .passages import (
    _clusters,
    _convincing,
    _mean_score,
    _min_chars,
    _passage,
    _similarity,
    build_passages,
    shared_content,
)
from .scores import (
    LexicalScores,
    ScoredPairs,
    lexical_matrix_reference,
    lexical_scores,
    score_pairs,
)
from .spans import _clip, _word_forms, _words_in, passage_kind


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
        if shared_content(a, ia, b, jb)[0] < config.lead_weight:
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

    scorer = lexical_matrix_reference if reference else lexical_scores
    lexical = scorer(a, b, config)
    lap("seed")
    use_model = embedder is not None and config.use_model
    # the words are read first; the model is consulted where they are not enough: where they
    # found a convincing match but no passage of the ordinary length (a short one may be a
    # sentence of a summary the model reads whole), or everywhere, when model_everywhere is set
    first = (
        embedder
        if use_model and config.model_everywhere and model_reads(a.language(), b.language())
        else None
    )
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
        # the bundled model reads English: elsewhere the words decide
        and model_reads(a.language(), b.language())
    ):
        result = _read(a, b, lexical, config, embedder, lap)
    return result


def _read(
    a: PreparedText,
    b: PreparedText,
    lexical: LexicalScores,
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

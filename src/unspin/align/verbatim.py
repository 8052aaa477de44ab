"""Verbatim runs: the exact common runs of words inside a passage, to cut a passage to the
wording it keeps where its edges drift."""

from __future__ import annotations

from dataclasses import replace

from rapidfuzz.distance import Indel

from .._types import Passage, Span
from ..config import Config
from ..prepared import PreparedText
from .spans import _clip, _units_in, _words_in, passage_kind

# an exact common run of words: its span in a, its span in b
Run = tuple[Span, Span]


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

"""The PAN plagiarism-detection measures (Potthast, Stein, Barrón-Cedeño, Rosso: *An Evaluation
Framework for Plagiarism Detection*, COLING 2010), implemented here from the definitions.

A case ``s`` (truth) and a detection ``r`` are each a set of characters: the characters of the
suspicious-side range and those of the source-side range of their document pair, both sides
counted (a character is ``(side, pair, offset)``). ``r`` *detects* ``s`` when they overlap on
BOTH sides (within the same pair); then ``s ⊓ r = s ∩ r``, otherwise ``s ⊓ r = ∅``.

- macro recall    = mean over cases s      of |∪_r (s ⊓ r)| / |s|
- macro precision = mean over detections r of |∪_s (s ⊓ r)| / |r|
- granularity     = mean over detected cases s (detected by at least one r) of |{r detecting s}|
- plagdet         = F1(precision, recall) / log2(1 + granularity)

Edge conventions (those of the official PAN evaluator, ``perfmeasures.py``):

- no cases and no detections: precision = recall = 1 (nothing to find, nothing wrongly found);
- cases but no detections, or detections but no cases: precision = recall = 0;
- no detected case: granularity = 1;
- precision = recall = 0: plagdet = 0.

Scoring a truth against itself gives exactly 1.0 everywhere as long as no two cases of a pair
overlap on both sides (true of the PAN 2013 training truth); two such cases would each be
detected twice (granularity 2).

One convention of ours: a case or detection empty on either side (length 0) can neither detect
nor be detected, and its ratio would be 0/0, so it is left out of the measures altogether (and
of the counts in ``Scores``). The PAN 2013 training truth has none.

``score`` merges intervals per pair and side, so it runs in about O(n log n) for n annotations
per pair; ``score_reference`` is the same definition over Python sets of characters, kept tiny
and obviously right for testing ``score`` against.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .pan import Case, PairTruth

Key = tuple[str, str]
Char = tuple[str, Key, int]
Annotations = Mapping[Key, Sequence[Case]] | Iterable[PairTruth]


@dataclass(frozen=True, slots=True)
class Scores:
    precision: float
    recall: float
    granularity: float
    plagdet: float
    cases: int
    detections: int


def as_mapping(annotations: Annotations) -> dict[Key, list[Case]]:
    """``{(susp, src): [case, ...]}`` from such a mapping or from ``PairTruth`` items; cases or
    detections empty on either side are dropped (see the module docstring)."""
    out: dict[Key, list[Case]] = {}
    if isinstance(annotations, Mapping):
        items: Iterable[tuple[Key, Sequence[Case]]] = annotations.items()
    else:
        items = ((p.key, p.cases) for p in annotations)
    for key, cases in items:
        out.setdefault(key, []).extend(c for c in cases if c.this_length and c.source_length)
    return out


def plagdet_score(precision: float, recall: float, granularity: float) -> float:
    if precision <= 0 and recall <= 0:
        return 0.0
    f1 = 2 * precision * recall / (precision + recall)
    return f1 / math.log2(1 + granularity)


def _finish(
    case_ratios: list[float], det_ratios: list[float], per_detected_case: list[int]
) -> Scores:
    n_cases, n_dets = len(case_ratios), len(det_ratios)
    if n_cases == 0 and n_dets == 0:
        precision = recall = 1.0
    elif n_cases == 0 or n_dets == 0:
        precision = recall = 0.0
    else:
        recall = math.fsum(case_ratios) / n_cases
        precision = math.fsum(det_ratios) / n_dets
    granularity = sum(per_detected_case) / len(per_detected_case) if per_detected_case else 1.0
    return Scores(
        precision=precision,
        recall=recall,
        granularity=granularity,
        plagdet=plagdet_score(precision, recall, granularity),
        cases=n_cases,
        detections=n_dets,
    )


def _overlap_in_susp(s: Case, r: Case) -> bool:
    """Whether ``s`` and ``r`` share characters of the suspicious document."""
    return s.this_offset < r.this_end and r.this_offset < s.this_end


def case_detects(s: Case, r: Case) -> bool:
    return (
        _overlap_in_susp(s, r) and s.source_offset < r.source_end and r.source_offset < s.source_end
    )


def _union_length(intervals: list[tuple[int, int]]) -> int:
    """Total length of the union of half-open intervals."""
    total = 0
    end = -1
    for a, b in sorted(intervals):
        if b <= end:
            continue
        total += b - max(a, end)
        end = b
    return total


def _covered(target: Case, others: list[Case]) -> int:
    """|∪_o (target ∩ o)| over both sides, for ``others`` all overlapping ``target``."""
    this = [
        (max(target.this_offset, o.this_offset), min(target.this_end, o.this_end)) for o in others
    ]
    source = [
        (max(target.source_offset, o.source_offset), min(target.source_end, o.source_end))
        for o in others
    ]
    return _union_length(this) + _union_length(source)


def _size(c: Case) -> int:
    return c.this_length + c.source_length


def score(truth: Annotations, detections: Annotations) -> Scores:
    """PAN macro precision, macro recall, granularity and plagdet of ``detections``.

    Both arguments map (suspicious, source) to cases (or are ``PairTruth`` items); pairs only
    in ``detections`` still count (their detections detect nothing).
    """
    cases_by_pair, dets_by_pair = as_mapping(truth), as_mapping(detections)
    case_ratios: list[float] = []
    det_ratios: list[float] = []
    per_detected_case: list[int] = []
    for key in sorted(cases_by_pair.keys() | dets_by_pair.keys()):
        cases, dets = cases_by_pair.get(key, []), dets_by_pair.get(key, [])
        # detections sorted by suspicious-side start: those that can overlap a case form a prefix
        order = sorted(range(len(dets)), key=lambda i: dets[i].this_offset)
        detected_by: list[list[Case]] = [[] for _ in dets]
        for s in cases:
            hits: list[Case] = []
            for i in order:
                r = dets[i]
                if r.this_offset >= s.this_end:
                    break
                if case_detects(s, r):
                    hits.append(r)
                    detected_by[i].append(s)
            case_ratios.append(_covered(s, hits) / _size(s))
            if hits:
                per_detected_case.append(len(hits))
        for r, found in zip(dets, detected_by, strict=True):
            det_ratios.append(_covered(r, found) / _size(r))
    return _finish(case_ratios, det_ratios, per_detected_case)


def score_reference(truth: Annotations, detections: Annotations) -> Scores:
    """``score`` written straight from the definitions with sets of characters (slow)."""

    def chars(key: Key, c: Case) -> set[Char]:
        return {("this", key, i) for i in range(c.this_offset, c.this_end)} | {
            ("source", key, i) for i in range(c.source_offset, c.source_end)
        }

    def side(cs: set[Char], name: str) -> set[Char]:
        return {ch for ch in cs if ch[0] == name}

    def meet(s: set[Char], r: set[Char]) -> set[Char]:
        both = all(side(s, n) & side(r, n) for n in ("this", "source"))
        return s & r if both else set()

    cases = [chars(k, c) for k, cs in as_mapping(truth).items() for c in cs]
    dets = [chars(k, c) for k, cs in as_mapping(detections).items() for c in cs]
    nothing: set[Char] = set()
    case_ratios = [len(nothing.union(*(meet(s, r) for r in dets))) / len(s) for s in cases]
    det_ratios = [len(nothing.union(*(meet(s, r) for s in cases))) / len(r) for r in dets]
    counts = [sum(1 for r in dets if meet(s, r)) for s in cases]
    return _finish(case_ratios, det_ratios, [n for n in counts if n > 0])


def scores_by_class(
    truth: Sequence[PairTruth], detections: Mapping[Key, Sequence[Case]]
) -> dict[str, Scores]:
    """Scores per obfuscation class (each pair's ``class_name``) and ``overall``; detections of
    pairs outside ``truth`` are ignored."""
    classes: dict[str, list[PairTruth]] = {}
    for p in truth:
        classes.setdefault(p.class_name, []).append(p)
    out = {
        name: score(pairs, {p.key: detections.get(p.key, []) for p in pairs})
        for name, pairs in sorted(classes.items())
    }
    out["overall"] = score(truth, {p.key: detections.get(p.key, []) for p in truth})
    return out


NO_PLAGIARISM = "01-no-plagiarism"


def clean_rates(
    truth: Sequence[PairTruth], detections: Mapping[Key, Sequence[Case]]
) -> dict[str, float | None]:
    """Shares of the pairs without reuse that got no detection either: ``caseless`` counts
    every pair without a case (PAN13's summary class also holds such pairs), ``no_plagiarism``
    only the pairs of the no-plagiarism class; None where there are no such pairs."""

    def rate(pairs: list[PairTruth]) -> float | None:
        if not pairs:
            return None
        return sum(1 for p in pairs if not detections.get(p.key)) / len(pairs)

    return {
        "caseless": rate([p for p in truth if not p.cases]),
        "no_plagiarism": rate([p for p in truth if p.class_name == NO_PLAGIARISM and not p.cases]),
    }


def pairs_found(
    truth: Sequence[PairTruth], detections: Mapping[Key, Sequence[Case]]
) -> dict[str, float]:
    """Per class, the share of the pairs with a case that have a detection overlapping one
    of their cases in the suspicious document (that side alone: a search's query is the
    suspicious document). This is the ceiling of source retrieval's "pair
    region" recall@1 (``benchmarks/index_pan13.py``): a source whose pair shows no passage
    there cannot be ranked for it, however good the candidate stage."""
    found: dict[str, list[bool]] = {}
    for p in truth:
        if not p.cases:
            continue
        hit = any(
            _overlap_in_susp(c, d)
            for d in detections.get(p.key, ())
            for c in p.cases
            if d.this_length and c.this_length
        )
        found.setdefault(p.class_name, []).append(hit)
    return {name: sum(flags) / len(flags) for name, flags in sorted(found.items())}


def format_clean_rates(rates: Mapping[str, float | None]) -> str:
    """One line for people: both clean rates, ``n/a`` where there are no such pairs."""

    def pct(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.2%}"

    return (
        f"no detection on {pct(rates['no_plagiarism'])} of the no-plagiarism pairs, "
        f"{pct(rates['caseless'])} of all pairs without a case"
    )


def scores_to_dict(scores: Mapping[str, Scores]) -> dict[str, dict[str, float | int]]:
    """The scores per class as JSON (``unspin eval pan13 --json``, ``eval score --json``)."""
    return {
        name: {
            "precision": s.precision,
            "recall": s.recall,
            "granularity": s.granularity,
            "plagdet": s.plagdet,
            "cases": s.cases,
            "detections": s.detections,
        }
        for name, s in scores.items()
    }

"""How strongly a pair's passages say that one text reuses the other: one calibrated
probability, and the words that explain a pair that is not reuse.

Two writers on one story share its quotations, names, numbers and topic words, and the
aligner matches their sentences on them. A copy keeps more: ordinary words, in runs, over
several sentences in order. The features below measure that part only (``pair_features``);
a logistic model fitted on labelled pairs (``benchmarks/fit_reuse_model.py``: the real-world
dev split and PAN13 train) turns them into P(reuse) (``ReuseModel.probability``). The features
are ours (what counts as evidence of copying is the product's edge); the fit (scipy's
L-BFGS-B on a weighted log-loss) is done offline, and only its coefficients ship
(``_model/reuse.json``).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from ._types import Edit, Passage, Span
from .config import Config
from .fingerprint import STOPWORDS, stem
from .prepared import PreparedText
from .text.normalize import words
from .text.quotes import QuoteSpans, quoted_chars, unquoted_words


def mark_quotations(
    a: PreparedText, b: PreparedText, passages: Sequence[Passage], config: Config
) -> list[Passage]:
    """``passages`` with those whose matched wording lies inside quotations on both sides
    relabelled ``shared-quotation``: two reports quoting one speaker share the speaker's
    words, not each other's (``Config.quoted_share``, ``framing_*``)."""
    out = []
    qa, qb = QuoteSpans(a.quotations()), QuoteSpans(b.quotations())
    for p in passages:
        if qa.ordered and qb.ordered:
            ma = [m.a for m in p.matches] or [p.a]
            mb = [m.b for m in p.matches] or [p.b]
            in_a, all_a = quoted_chars(ma, qa, a.doc.text)
            in_b, all_b = quoted_chars(mb, qb, b.doc.text)
            if (
                in_a >= config.quoted_share * all_a
                and in_b >= config.quoted_share * all_b
                and min(all_a - in_a, all_b - in_b) <= config.framing_chars
                and not _framing_shared(
                    unquoted_words(ma, qa, a.doc.text), unquoted_words(mb, qb, b.doc.text), config
                )
            ):
                p = replace(p, kind="shared-quotation")
        out.append(p)
    return out


def _framing_shared(wa: list[str], wb: list[str], config: Config) -> bool:
    """Whether the words around two quotations are one text's copied into the other."""
    if min(len(wa), len(wb)) < config.framing_words:
        return False
    ta = set(zip(wa, wa[1:], wa[2:], strict=False))
    tb = set(zip(wb, wb[1:], wb[2:], strict=False))
    return len(ta & tb) >= config.framing_trigrams * min(len(ta), len(tb))


def counted(passages: Sequence[Passage], count_quotations: bool) -> list[Passage]:
    """The passages that are evidence of reuse: all of them when quotations count
    (``Config.count_quotations``), else those that are not shared quotations."""
    if count_quotations:
        return list(passages)
    return [p for p in passages if p.kind != "shared-quotation"]


# two texts fill one template with other facts ("X finished the race in N seconds, placing
# seventh …", written twice for two athletes) when their reused passages put at least
# ``Config.template_slots`` names or numbers in place of others, more than the names and
# numbers they keep: the shared wording is the template's, and each text reports its own
_SLOT_WORD = re.compile(r"\w[\w'’.-]*")
_SLOT_FILLERS = frozenset({"the", "a", "an", "of", "and", "'s", "s"})


def _abbreviates(short: str, long: str) -> bool:
    """"CT" for "Connecticut": the short form's letters, in order, from the long one's first."""
    short, long = short.lower(), long.lower()
    if not short or not long or short[0] != long[0] or len(short) >= len(long):
        return False
    it = iter(long)
    return all(ch in it for ch in short)


def _other_fact(a_text: str, b_text: str) -> bool:
    """Two names or numbers that name different things: no word in common, and neither an
    abbreviation of the other."""
    wa = [w for w in _SLOT_WORD.findall(a_text) if w.lower() not in _SLOT_FILLERS]
    wb = [w for w in _SLOT_WORD.findall(b_text) if w.lower() not in _SLOT_FILLERS]
    if not wa or not wb or not all(w[0].isupper() or w[0].isdigit() for w in wa + wb):
        return False
    if {w.lower() for w in wa} & {w.lower() for w in wb}:
        return False
    ja, jb = "".join(wa), "".join(wb)
    return not (_abbreviates(ja, jb) or _abbreviates(jb, ja))


def template_slots(
    passages: Sequence[Passage], edits: Sequence[Edit], count_quotations: bool
) -> int:
    """The substitutions of one name or number for another inside the passages that count
    (``counted``); ``edits`` index into ``passages``."""
    return sum(
        1
        for e in edits
        if e.kind in ("substitution", "synonym")
        and e.meaning_change
        and 0 <= e.passage < len(passages)
        and (count_quotations or passages[e.passage].kind != "shared-quotation")
        and _other_fact(e.a_text, e.b_text)
    )


FEATURES = (
    "coverage",  # the larger side's coverage by reused passages
    "coverage_min",  # the smaller side's
    "similarity",  # token similarity of the passages, weighted by length
    "distinct",  # log1p: shared content words beyond names, numbers and topic words
    "distinct_share",  # their share of all shared content words
    "trigrams",  # log1p: shared word trigrams that are not names and numbers only
    "units",  # log1p: unit matches in the longest passage (a run of sentences in order)
    "passages",  # log1p: reused passages
)


@dataclass(frozen=True, slots=True)
class Features:
    """What a pair's reused (not quotation) passages share, as ``FEATURES`` names it."""

    coverage: float
    coverage_min: float
    similarity: float
    distinct: float
    distinct_share: float
    trigrams: float
    units: float
    passages: float
    # for the explanation: counts behind the logs
    shared_words: int = 0
    shared_names: int = 0
    shared_topic: int = 0

    def vector(self) -> list[float]:
        return [getattr(self, name) for name in FEATURES]


def _words_of(p: PreparedText, span: Span) -> list[str]:
    norm = p.norm
    return words(norm, norm.to_normalized(span.start), norm.to_normalized(span.end))


def _lowercase_forms(p: PreparedText) -> set[str]:
    return {w for w in words(p.norm) if w[0].islower()}


def pair_features(
    a: PreparedText,
    b: PreparedText,
    passages: Sequence[Passage],
    coverage_a: float,
    coverage_b: float,
) -> Features:
    """The features of the pair's reused ``passages`` (the caller leaves shared quotations
    out, unless they count: ``Config.count_quotations``)."""
    reused = list(passages)
    if not reused:
        return Features(coverage_a, coverage_b, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    lower = _lowercase_forms(a) | _lowercase_forms(b)

    def name_or_number(w: str) -> bool:
        return w[0].isdigit() or (w[0].isupper() and w.lower() not in lower)

    # the pair's topic vocabulary: content stems found outside the reused passages in both
    # texts (a writer on the topic uses them anyway; a copier's rare words come with the copy)
    outside: list[Counter[str]] = []
    for text, spans in ((a, [x.a for x in reused]), (b, [x.b for x in reused])):
        inside = Counter(stem(w.lower()) for s in spans for w in _words_of(text, s))
        everywhere = Counter(stem(w) for w in text.words())
        outside.append(everywhere - inside)
    topic = set(outside[0]) & set(outside[1])

    shared_all: set[str] = set()
    distinct: set[str] = set()
    names: set[str] = set()
    trigrams = 0
    for p in reused:
        wa, wb = _words_of(a, p.a), _words_of(b, p.b)
        content_b = {stem(w.lower()) for w in wb if w.lower() not in STOPWORDS}
        for w in wa:
            lw = w.lower()
            if lw in STOPWORDS:
                continue
            s = stem(lw)
            if s not in content_b:
                continue
            shared_all.add(s)
            if name_or_number(w):
                names.add(s)
            elif s not in topic:
                distinct.add(s)
        la, lb = [w.lower() for w in wa], [w.lower() for w in wb]
        grams_b = set(zip(lb, lb[1:], lb[2:], strict=False))
        seen = set()
        for i, g in enumerate(zip(la, la[1:], la[2:], strict=False)):
            if g in grams_b and g not in seen:
                seen.add(g)
                content = [wa[i + k] for k in range(3) if g[k] not in STOPWORDS]
                if content and not all(name_or_number(w) for w in content):
                    trigrams += 1
    weight = sum(len(p.a) + len(p.b) for p in reused) or 1
    similarity = sum(p.similarity * (len(p.a) + len(p.b)) for p in reused) / weight
    return Features(
        coverage=max(coverage_a, coverage_b),
        coverage_min=min(coverage_a, coverage_b),
        similarity=similarity,
        distinct=math.log1p(len(distinct)),
        distinct_share=len(distinct) / len(shared_all) if shared_all else 0.0,
        trigrams=math.log1p(trigrams),
        units=math.log1p(max(len(p.matches) for p in reused)),
        passages=math.log1p(len(reused)),
        shared_words=len(distinct),
        shared_names=len(names),
        shared_topic=len(shared_all - distinct - names),
    )


@dataclass(frozen=True, slots=True)
class ReuseModel:
    """A logistic model over standardised ``FEATURES``."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float

    def probability(self, features: Features) -> float:
        z = self.intercept
        for x, m, s, c in zip(features.vector(), self.mean, self.scale, self.coef, strict=True):
            z += c * (x - m) / s
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


@cache
def reuse_model() -> ReuseModel:
    """The shipped model (``_model/reuse.json``, written by ``benchmarks/fit_reuse_model.py``)."""
    raw = json.loads(resources.files("unspin").joinpath("_model/reuse.json").read_text())
    if tuple(raw["features"]) != FEATURES:
        raise RuntimeError("_model/reuse.json was fitted on other features; refit it")
    return ReuseModel(
        tuple(raw["mean"]),
        tuple(raw["scale"]),
        tuple(raw["coef"]),
        float(raw["intercept"]),
        float(raw["threshold"]),
    )


def why_not_reuse(features: Features, quotations: int) -> str:
    """A pair's evidence in words, for a pair that is not reuse: what it shares."""
    parts = []
    if features.shared_names:
        parts.append("names and numbers")
    if features.shared_topic:
        parts.append("topic words")
    if quotations:
        parts.append(f"{quotations} quotation(s)" if quotations > 1 else "one quotation")
    if features.shared_words:
        parts.append(f"{features.shared_words} other word(s)")
    shared = (
        ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]
        if parts
        else "little"
    )
    lone = " in one matched sentence" if features.units and features.units <= math.log1p(1) else ""
    return f"the texts share {shared}{lone}: not enough wording to show reuse"

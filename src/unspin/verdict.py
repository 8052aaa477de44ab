"""Verdict: passages + edits + what the texts say about themselves → a label, coverage, and
which text is the original, with every piece of evidence listed.

The rules are ours (no library decides what a spun copy is); each threshold lives in ``Config``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from datetime import date

import wordfreq

from ._types import (
    CharacterEdit,
    DateClaim,
    Document,
    Edit,
    Evidence,
    Original,
    Passage,
    Side,
    Span,
    Verdict,
    VerdictLabel,
)
from .config import Config
from .evidence import (
    counted,
    pair_features,
    reuse_model,
    template_slots,
    why_not_reuse,
)
from .fingerprint import stem
from .prepared import PreparedText

# punctuation a spinner garbles and a careful writer (or a scraper) does not
_GARBLED = re.compile(
    r"\w\s+[,;:](?=\s)"  # space before a comma: "Washington ,"
    r"|[,;]\s*[,;]"  # doubled separators: ", ,"
    r"|\b(?:a|an|the)\s+,"  # an article left dangling: "a , a serious"
    r"|\(\s+\w|\w\s+\)",  # spaces inside brackets: "( not"
    re.MULTILINE,
)


_SPACE = re.compile(r"\s")


def _nonspace(text: str, start: int, end: int) -> int:
    return end - start - len(_SPACE.findall(text, start, end))


def merge_spans(spans: Sequence[Span]) -> list[Span]:
    """Sorted, non-overlapping union of ``spans``."""
    merged: list[Span] = []
    for s in sorted(spans):
        if merged and s.start <= merged[-1].end:
            merged[-1] = Span(merged[-1].start, max(merged[-1].end, s.end))
        else:
            merged.append(s)
    return merged


def coverage(doc: Document, spans: Sequence[Span]) -> float:
    """Share of the body's non-whitespace characters inside ``spans``."""
    total = sum(_nonspace(doc.text, s.span.start, s.span.end) for s in doc.segments)
    if not total:
        return 0.0
    covered = 0
    merged = merge_spans(spans)
    k = 0
    for seg in doc.segments:  # segments and merged spans are both sorted: one sweep
        while k < len(merged) and merged[k].end <= seg.span.start:
            k += 1
        j = k
        while j < len(merged) and merged[j].start < seg.span.end:
            lo, hi = max(seg.span.start, merged[j].start), min(seg.span.end, merged[j].end)
            covered += _nonspace(doc.text, lo, hi)
            j += 1
    return covered / total


def _unbalanced_quotes(text: str) -> int:
    """Curly quotes that close nothing or open twice: against” Little Rocket Man”."""
    depth = bad = 0
    for ch in text:
        if ch == "\u201c":
            bad += depth
            depth = 1
        elif ch == "\u201d":
            if depth:
                depth = 0
            else:
                bad += 1
    return bad


def _garbled_rate(doc: Document, spans: Sequence[Span]) -> tuple[int, float]:
    count = sum(
        len(_GARBLED.findall(s.of(doc.text))) + _unbalanced_quotes(s.of(doc.text)) for s in spans
    )
    chars = sum(len(s) for s in spans) or 1
    return count, 1000.0 * count / chars


def _entity_evidence(
    edits: Sequence[Edit], a: PreparedText, b: PreparedText, config: Config
) -> list[Evidence]:
    """An entity swapped in one place: the side whose entity the rest of both texts supports
    is the original; the spinner's replacement appears nowhere else."""
    stems_a = [stem(w) for w in a.words()]
    stems_b = [stem(w) for w in b.words()]
    out: list[Evidence] = []
    for e in edits:
        if not (e.meaning_change and e.reason and e.reason.startswith("named entity")):
            continue
        wa, wb = e.a_text.split(), e.b_text.split()
        if not wa or not wb:
            continue
        sa, sb = stem(wa[0].lower()), stem(wb[0].lower())
        a_in_b = stems_b.count(sa)
        b_in_a = stems_a.count(sb)
        b_in_b = stems_b.count(sb) - 1
        if a_in_b > 0 and b_in_a == 0 and b_in_b == 0:
            out.append(
                Evidence(
                    "entity-consistency",
                    f"'{e.a_text}' → '{e.b_text}': '{wa[0]}' recurs in both texts, "
                    f"'{wb[0]}' appears only in this edit",
                    "a",
                    config.original_weight("entity-consistency"),
                )
            )
        elif b_in_a > 0 and a_in_b == 0 and stems_a.count(sa) == 1:
            out.append(
                Evidence(
                    "entity-consistency",
                    f"'{e.a_text}' → '{e.b_text}': '{wb[0]}' recurs in both texts, "
                    f"'{wa[0]}' appears only in this edit",
                    "b",
                    config.original_weight("entity-consistency"),
                )
            )
    return out[:3]


# how much a date found in the text is worth, by where it was found (a publisher's metadata
# is 0.9, a URL 0.7: see ``text.extract``); an ID line's date is when a feed took the text in
def date_claims(doc: Document, config: Config) -> list[DateClaim]:
    """Every claim about when ``doc`` was published: its origin's (metadata, URL, crawl, a
    JSONL field) and the dates in its text, most trusted first."""
    claims = list(doc.origin.dates) if doc.origin else []
    for d in doc.dates:
        conf = config.date_trust(d.source)
        where = f"characters {d.span.start}-{d.span.end}"
        claims.append(DateClaim(d.date, d.source, conf, where))
    return sorted(claims, key=lambda c: (-c.confidence, c.date))


def _days(a: str, b: str) -> int:
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)


def publication(doc: Document, config: Config) -> tuple[DateClaim | None, list[str]]:
    """The most trusted publication date of ``doc`` and the contradictions among its claims:
    another trusted claim (``Config.trusted_date_confidence``) more than a day away, or a
    publication date after the date the page was crawled."""
    claims = date_claims(doc, config)
    published = [c for c in claims if c.kind == "published"]
    best = published[0] if published else None
    problems = []
    if best is not None:
        for c in published[1:]:
            if c.confidence >= config.trusted_date_confidence and _days(c.date, best.date) > 1:
                if {best.source, c.source} == {"dateline", "id-line"}:
                    line = next(x for x in (best, c) if x.source == "dateline")
                    other = c if line is best else best
                    problems.append(
                        f"dateline says {line.date} but its id-line encodes {other.date}; "
                        "its dateline is suspect"
                    )
                else:
                    problems.append(
                        f"{best.source} says {best.date} but its {c.source} says {c.date}; "
                        f"the {c.source} date is suspect"
                    )
        for c in claims:
            if c.kind == "not-after" and c.date < best.date:
                problems.append(
                    f"{best.source} says {best.date}, after the page was crawled "
                    f"({c.source}, {c.date}); the {best.source} date is wrong"
                )
    return best, problems


def date_evidence(a: Document, b: Document, config: Config) -> list[Evidence]:
    """What the dates say about which text came first, with every contradiction reported.
    A publication date counts for the earlier text (weight 1, or 0.5 when either text's
    dates contradict each other); a crawl date before the other's publication date counts
    too (the text existed before the other was published)."""
    evidence: list[Evidence] = []
    best: dict[str, DateClaim | None] = {}
    conflicted = False
    for side, doc in (("a", a), ("b", b)):
        best[side], problems = publication(doc, config)
        for problem in problems:
            conflicted = True
            evidence.append(Evidence("date-conflict", f"{doc.name}: {problem}", None, 0.0))
    da, db = best["a"], best["b"]
    if da and db:
        if da.date != db.date:
            earlier: Side = "a" if da.date < db.date else "b"
            evidence.append(
                Evidence(
                    "publication-date",
                    f"a dated {da.date} ({da.source}), b dated {db.date} ({db.source})",
                    earlier,
                    config.original_weight("publication-date") * (0.5 if conflicted else 1.0),
                )
            )
    elif da or db:
        side, claim = ("a", da) if da else ("b", db)
        assert claim is not None
        evidence.append(
            Evidence(
                "publication-date",
                f"only {side} carries a date ({claim.date}, {claim.source}); "
                "nothing to compare it with",
                None,
                0.0,
            )
        )
    sides: tuple[tuple[Side, Document, DateClaim | None], ...] = (("a", a, db), ("b", b, da))
    for side, doc, other in sides:
        crawled = [c for c in date_claims(doc, config) if c.kind == "not-after"]
        if other and crawled and min(c.date for c in crawled) < other.date:
            first = min(c.date for c in crawled)
            evidence.append(
                Evidence(
                    "crawl-date",
                    f"{side} was crawled on {first}, before the other text's publication "
                    f"date ({other.date})",
                    side,
                    config.original_weight("crawl-date"),
                )
            )
    return evidence


def decide_original(
    a: PreparedText,
    b: PreparedText,
    passages: Sequence[Passage],
    edits: Sequence[Edit],
    coverage_a: float,
    coverage_b: float,
    config: Config,
) -> tuple[Original, list[Evidence]]:
    """Weigh the evidence of which text the other was derived from."""
    evidence: list[Evidence] = []
    evidence.extend(date_evidence(a.doc, b.doc, config))
    if passages:
        count_a, rate_a = _garbled_rate(a.doc, [p.a for p in passages])
        count_b, rate_b = _garbled_rate(b.doc, [p.b for p in passages])
        floor = max(min(rate_a, rate_b), config.spin_artefacts_floor)
        if (
            max(count_a, count_b) >= config.spin_artefacts_min
            and max(rate_a, rate_b) >= config.spin_artefacts_ratio * floor
        ):
            garbled: Side = "b" if rate_b > rate_a else "a"
            clean: Side = "a" if garbled == "b" else "b"
            evidence.append(
                Evidence(
                    "spin-artefacts",
                    f"garbled punctuation in the reused passages: {garbled} has "
                    f"{max(count_a, count_b)} ({max(rate_a, rate_b):.1f}/1000 chars), "
                    f"{clean} {min(count_a, count_b)} ({min(rate_a, rate_b):.1f}/1000 chars)",
                    clean,
                    config.original_weight("spin-artefacts"),
                )
            )
        evidence.extend(_manipulation_evidence(a.doc, b.doc, passages, config))
        evidence.extend(_entity_evidence(edits, a, b, config))
        evidence.extend(_context_evidence(a, b, passages, config))
        for part, whole, cov_part, cov_whole in (
            ("a", "b", coverage_a, coverage_b),
            ("b", "a", coverage_b, coverage_a),
        ):
            if cov_part >= config.containment_part and cov_whole < config.containment_whole:
                evidence.append(
                    Evidence(
                        "containment",
                        f"{part} is {cov_part:.0%} covered but {whole} only {cov_whole:.0%}: "
                        f"{part} may be an excerpt of {whole}, or {whole} an expansion of {part}; "
                        "this says nothing about whose wording came first",
                        None,
                        0.0,
                    )
                )
    score_a = sum(e.weight for e in evidence if e.favours == "a")
    score_b = sum(e.weight for e in evidence if e.favours == "b")
    if abs(score_a - score_b) >= config.original_margin:
        return ("a" if score_a > score_b else "b"), evidence
    return "undetermined", evidence


def _cohesion(p: PreparedText, spans: Sequence[Span], config: Config) -> float | None:
    """How much of the text around the reused passages (``context_units`` units before and
    after each, none inside a passage) shares their content stems: the shared rarity weight
    over the smaller side's. None when there is too little such text (``context_min_units``):
    a text reused whole has no context."""
    segments = p.doc.segments
    ends = [seg.span.end for seg in segments]  # sorted: segments follow the text
    inside: set[int] = set()
    for s in spans:
        k = bisect.bisect_right(ends, s.start)
        while k < len(segments) and segments[k].span.start < s.end:
            inside.add(k)
            k += 1
    if not inside:
        return None
    around: set[int] = set()
    for k in inside:
        for j in range(k - config.context_units, k + config.context_units + 1):
            if 0 <= j < len(segments) and j not in inside:
                around.add(j)
    if len(around) < config.context_min_units:
        return None
    passage: dict[int, float] = {}
    context: dict[int, float] = {}
    for units, weights in ((inside, passage), (around, context)):
        for k in units:
            for h, w in p.stems[k].items():
                weights[h] = max(weights.get(h, 0.0), w)
    smaller = min(sum(passage.values()), sum(context.values()))
    if not smaller:
        return None
    return sum(min(w, context[h]) for h, w in passage.items() if h in context) / smaller


def _context_evidence(
    a: PreparedText, b: PreparedText, passages: Sequence[Passage], config: Config
) -> list[Evidence]:
    """The reused passages read against the text around them in each text. In its original
    a passage continues what comes before and after it; set into another author's text, it
    stands apart from it (a plagiarist's or a compiler's own material is on something
    else). The side whose context shares ``context_ratio`` times as much of the passages'
    words, and ``context_margin`` more, is the original."""
    ca = _cohesion(a, [p.a for p in passages], config)
    cb = _cohesion(b, [p.b for p in passages], config)
    if ca is None or cb is None:
        return []
    hi, lo = max(ca, cb), min(ca, cb)
    if hi - lo < config.context_margin or hi < config.context_ratio * lo:
        return []
    original: Side = "a" if ca > cb else "b"
    other: Side = "b" if original == "a" else "a"
    return [
        Evidence(
            "context",
            f"the reused passages continue the text around them in {original} (it shares "
            f"{hi:.0%} of their words) and stand apart from it in {other} ({lo:.0%})",
            original,
            config.original_weight("context"),
        )
    ]


def _manipulation_evidence(
    a: Document, b: Document, passages: Sequence[Passage], config: Config
) -> list[Evidence]:
    """Look-alike letters or invisible characters inside the reused passages of one text
    only: put there to evade matching, so that text is the copy."""
    def inside(doc: Document, spans: list[Span]) -> list[CharacterEdit]:
        merged = merge_spans(spans)
        starts = [s.start for s in merged]
        return [
            e
            for e in doc.manipulation
            if (k := bisect.bisect_right(starts, e.span.start) - 1) >= 0
            and e.span.start < merged[k].end
        ]

    found: dict[Side, list[CharacterEdit]] = {
        "a": inside(a, [p.a for p in passages]),
        "b": inside(b, [p.b for p in passages]),
    }
    if not found["a"] and not found["b"]:
        return []

    def said(side: Side) -> str:
        edits = found[side]
        look, hidden = (sum(e.kind == k for e in edits) for k in ("look-alike", "invisible"))
        where = f", the first at character {edits[0].span.start}" if edits else ""
        return (
            f"{side} has {look} look-alike letter(s) from another script and {hidden} "
            f"invisible character(s) in the reused passages{where}"
        )

    detail = f"{said('a')}; {said('b')}"
    if found["a"] and found["b"]:
        return [Evidence("character-manipulation", detail, None, 0.0)]
    clean: Side = "a" if found["b"] else "b"
    return [
        Evidence(
            "character-manipulation",
            f"{detail}: characters changed to evade matching",
            clean,
            config.original_weight("character-manipulation"),
        )
    ]


def _unnatural_substitutions(edits: Sequence[Edit], config: Config) -> int:
    """One-word synonym swaps that put a much rarer word in place of a common one
    ("hollow" → "lifeless", "fury" → "indignation"): a thesaurus's pick, not a writer's."""
    count = 0
    for e in edits:
        if e.kind != "synonym" or " " in e.a_text.strip() or " " in e.b_text.strip():
            continue
        before = wordfreq.zipf_frequency(e.a_text.lower(), "en")
        after = wordfreq.zipf_frequency(e.b_text.lower(), "en")
        if before - after >= config.unnatural_zipf_drop:
            count += 1
    return count


def _machine_evidence(
    evidence: Sequence[Evidence], edits: Sequence[Edit], config: Config
) -> str | None:
    """What says a machine rewrote the copy, if anything."""
    if any(e.kind == "spin-artefacts" for e in evidence):
        return "spin artefacts"
    unnatural = _unnatural_substitutions(edits, config)
    if unnatural >= config.unnatural_min:
        return f"{unnatural} unnatural synonym swaps"
    return None


_SUMMARIES: dict[VerdictLabel, str] = {
    "identical": "the texts are the same (up to whitespace and typography)",
    "near-duplicate": "one text is a lightly edited copy of the other",
    "spun-copy": "one text is a machine-spun rewrite of the other",
    "paraphrased-copy": "one text is a reworded copy of the other",
    "partial-reuse": "some passages are reused, most of each text is not",
    "same-topic": "the texts share names and numbers but no passage",
    "unrelated": "the texts share no passage and little vocabulary",
}


def decide(
    a: PreparedText,
    b: PreparedText,
    passages: Sequence[Passage],
    edits: Sequence[Edit],
    config: Config,
) -> Verdict:
    """Label the pair and decide which text is the original. Passages of shared quotations
    (``evidence.mark_quotations``) are shown but are no evidence of reuse, unless
    ``config.count_quotations``; the rest are weighed by the calibrated model
    (``evidence.ReuseModel.probability``): below its threshold the pair is not reuse."""
    quoted = [p for p in passages if p.kind == "shared-quotation"]
    reused = counted(passages, config.count_quotations)
    cov_a = coverage(a.doc, [p.a for p in reused])
    cov_b = coverage(b.doc, [p.b for p in reused])
    restated = False
    machine: str | None = None
    identical = a.same_words(b)
    original, evidence = decide_original(a, b, reused, edits, cov_a, cov_b, config)
    if identical:
        confidence, not_reuse, why = 1.0, False, None
    else:
        confidence, not_reuse, why = _weighed(a, b, passages, edits, reused, cov_a, cov_b, config)
    label: VerdictLabel = "identical"
    if not_reuse:
        shared = a.entities & b.entities
        label = "same-topic" if len(shared) >= config.same_topic_entities else "unrelated"
        original = "undetermined"
        evidence = [e for e in evidence if e.kind in ("date-conflict", "publication-date")]
    elif not identical:
        label, restated, machine = _reuse_label(reused, cov_a, cov_b, evidence, edits, config)
    if label == "identical":
        original = "undetermined" if not any(e.favours for e in evidence) else original
    summary = _SUMMARIES[label]
    if restated:
        summary = (
            "one text restates much of the other in other words (a summary or a free "
            "rewrite), not a copy"
        )
    if machine:
        summary += f" ({machine})"
    if why:
        summary = why
    if reused and why is None:
        meaning = sum(e.meaning_change for e in edits)
        summary += f"; {len(reused)} passage(s), {meaning} meaning change(s)"
    if quoted and not config.count_quotations:
        summary += f"; {len(quoted)} shared quotation(s), not counted"
    return Verdict(
        label,
        round(cov_a, 4),
        round(cov_b, 4),
        original,
        tuple(evidence),
        summary,
        round(confidence, 4),
        len(quoted),
    )


def _weighed(
    a: PreparedText,
    b: PreparedText,
    passages: Sequence[Passage],
    edits: Sequence[Edit],
    reused: Sequence[Passage],
    cov_a: float,
    cov_b: float,
    config: Config,
) -> tuple[float, bool, str | None]:
    """The confidence of reuse of a pair that is not identical, whether it is not reuse,
    and why not in words (None: reuse, or nothing to say)."""
    quoted = sum(p.kind == "shared-quotation" for p in passages)
    if not reused:
        why = f"the texts share only {quoted} quotation passage(s): not reuse" if quoted else None
        return 0.0, True, why
    features = pair_features(a, b, reused, cov_a, cov_b)
    model = reuse_model()
    confidence = model.probability(features)
    threshold = model.threshold if config.reuse_threshold is None else config.reuse_threshold
    if confidence < threshold:
        return confidence, True, why_not_reuse(features, quoted)
    slots = template_slots(passages, edits, config.count_quotations)
    if slots >= config.template_slots and slots > features.shared_names:
        why = (
            f"the texts fill one template with other names and numbers ({slots} put in "
            f"place of others, {features.shared_names} kept): not reuse"
        )
        return confidence, True, why
    return confidence, False, None


def _reuse_label(
    reused: Sequence[Passage],
    cov_a: float,
    cov_b: float,
    evidence: Sequence[Evidence],
    edits: Sequence[Edit],
    config: Config,
) -> tuple[VerdictLabel, bool, str | None]:
    """The label of a pair found to be reuse (not identical), whether it restates the other
    in other words, and the evidence of a machine behind a spun copy."""
    if max(cov_a, cov_b) < config.copy_coverage:
        return "partial-reuse", False, None
    weight = sum(len(p.a) + len(p.b) for p in reused) or 1
    similarity = sum(p.similarity * (len(p.a) + len(p.b)) for p in reused) / weight
    if similarity < config.paraphrase_similarity:
        # a copy keeps wording (a spun or translated one a fifth of its words at least);
        # content this widely restated in other words is a summary or a free rewrite, reuse
        # of ideas rather than a copy
        return "partial-reuse", True, None
    if similarity >= config.near_verbatim_similarity:
        return "near-duplicate", False, None
    machine = _machine_evidence(evidence, edits, config)
    return ("spun-copy" if machine else "paraphrased-copy"), False, machine

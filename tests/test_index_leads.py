"""Unconfirmed leads: candidates the aligner does not verify whose matches share rare words
with a part of the query no verified source explains (``align.leads``,
``SearchResult.leads``), ranked below every hit and never given a reuse verdict."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from hypothesis import event, given, settings
from hypothesis import strategies as st

from conftest import LEXICAL
from unspin import REUSE_LABELS as REUSE
from unspin import Passage, Span
from unspin.align import align_prepared, leads
from unspin.align.passages import shared_content
from unspin.cli import main
from unspin.index import Index, search
from unspin.index.searcher import Hit, Lead, open_leads
from unspin.pipeline import Comparer

SOURCE = (
    "The orchestra played its final concert of the season. Tickets sold out within an "
    "hour of going on sale. The conductor thanked the audience and the volunteers. "
    "The Kelso council quietly approved the Ballantyne library's expansion budget on "
    "Tuesday night. The hall shuts for repairs in the spring. Members of the choir met "
    "for a dinner."
)
REWORDED = (
    "The Kelso council silently passed Ballantyne library's growth budget on tuesday evening."
)
QUERY = (
    "Rain fell across the northern valleys for most of the week. Farmers said the "
    f"harvest would start late this year. {REWORDED} Stalls at the market sold fresh apples "
    "and pears. A new bridge over the river opened to traffic in May."
)
OTHER = (
    "A bakery opened on the high street. Its bread sold out by noon on the first day. "
    "The owner trained in Lyon for six years before coming home."
)


def _index(tmp_path: Path) -> Path:
    ix = tmp_path / "ix"
    with Index.create(ix, config=LEXICAL) as index:
        index.add(SOURCE, name="source", doc_id="source")
        index.add(OTHER, name="other", doc_id="other")
    return ix


def test_a_sentence_the_aligner_does_not_verify_is_a_lead_below_the_hits(tmp_path: Path) -> None:
    """By the rules of a verdict on one pair, one reworded sentence is no passage: the
    search returns no hit, and the source as a lead holding that sentence."""
    ix = _index(tmp_path)
    strict = Comparer(LEXICAL)
    with Index.open(ix, config=LEXICAL) as index:
        found = search(index, QUERY, comparer=strict)
        assert found.hits == []
        (lead,) = found.leads
        assert lead.doc_id == "source" and lead.label not in REUSE
        (passage,) = lead.passages
        assert passage.a.of(QUERY) == REWORDED
        assert "Kelso council quietly approved" in passage.b.of(SOURCE)
        assert lead.chars == len(REWORDED)
        # off on request, by the search or by the configuration
        assert search(index, QUERY, comparer=strict, with_leads=False).leads == []
        off = Comparer(LEXICAL.with_overrides(lead_weight=0))
        assert search(index, QUERY, comparer=off).leads == []
        # the search's own (weaker) rules align the sentence, but one lone sentence is too
        # little for the calibrated decision: still a lead, never a hit
        found = search(index, QUERY)
        assert found.hits == [] and [x.doc_id for x in found.leads] == ["source"]


def test_the_cli_shows_leads_apart_and_in_json(tmp_path: Path) -> None:
    ix = _index(tmp_path)
    query = tmp_path / "q.txt"
    query.write_text(QUERY, encoding="utf-8")
    args = ["index", "search", str(ix), str(query), "--no-model", "--strict"]
    out = CliRunner().invoke(main, args)
    assert out.exit_code == 0, out.output
    lines = out.output.splitlines()
    assert lines[0].startswith("no source found")
    assert lines[1].startswith("unconfirmed leads")
    assert lines[2].startswith("?  source")
    out = CliRunner().invoke(main, [*args, "--json"])
    assert out.exit_code == 0, out.output
    payload = json.loads(out.output)
    assert payload["hits"] == []
    (lead,) = payload["leads"]
    assert lead["id"] == "source" and lead["verdict"] not in REUSE
    assert lead["passages"][0]["a"]["text"] == REWORDED
    out = CliRunner().invoke(main, [*args, "--no-leads"])
    assert out.exit_code == 0 and "unconfirmed" not in out.output


def test_leads_leave_out_what_a_verified_hit_explains() -> None:
    """A lead's passage that a hit's matches cover at least half of adds nothing there."""
    comparer = Comparer(LEXICAL)
    seed_a = "Rain fell on the town. " * 3 + SOURCE
    comparison = comparer.compare(SOURCE, seed_a)
    assert comparison.verdict.label in REUSE
    hit = Hit("seed", "seed", 1.0, comparison)
    inside = Passage(Span(10, 60), Span(0, 50), 0.5, "paraphrase", 0.2, ())
    outside = Passage(Span(len(SOURCE), len(SOURCE) + 40), Span(0, 40), 0.5, "paraphrase", 0.2, ())
    lead = Lead("x", "x", 1.0, (inside, outside), comparison)
    (kept,) = open_leads([lead], [hit], top=5)
    assert kept.passages == (outside,)
    assert open_leads([Lead("y", "y", 1.0, (inside,), comparison)], [hit], top=5) == []


SENTENCES = [
    "The Kelso council approved the Ballantyne library budget on Tuesday.",
    "Councillors in Kelso passed Ballantyne's library spending plan this week.",
    "Farmers said the harvest would start late this year.",
    "A new bridge over the Tweed opened to traffic in May.",
    "The orchestra played its final concert of the season.",
    "Tickets for the Ballantyne concert sold out within an hour.",
    "Rain fell across the northern valleys for most of the week.",
    "The Tweed bridge cost the council four million pounds.",
]


@settings(max_examples=120, deadline=None)
@given(
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6),
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6),
    st.sampled_from(["", "  ", "\n\n", " Intro line.\n"]),
)
def test_lead_offsets_are_unit_hulls_outside_the_passages(
    left: list[str], right: list[str], pad: str
) -> None:
    comparer = Comparer(LEXICAL)
    a = comparer.prepare(pad + " ".join(left), "a")
    b = comparer.prepare(" ".join(right) + pad, "b")
    result = align_prepared(a, b, LEXICAL, None)
    found = leads(a, b, result, LEXICAL)
    event(f"leads: {len(found)}")
    for lead in found:
        for side, prepared in (("a", a), ("b", b)):
            span = getattr(lead, side)
            starts = {s.span.start for s in prepared.doc.segments}
            ends = {s.span.end for s in prepared.doc.segments}
            assert span.start in starts and span.end in ends
            for m in lead.matches:
                inner = getattr(m, side)
                assert span.start <= inner.start <= inner.end <= span.end
        assert not any(p.a.overlaps(lead.a) for p in result.passages)
        # the units whose matches make the lead share at least lead_weight of content
        units_a = [k for k, s in enumerate(a.doc.segments) for m in lead.matches if m.a == s.span]
        units_b = [k for k, s in enumerate(b.doc.segments) for m in lead.matches if m.b == s.span]
        assert shared_content(a, units_a, b, units_b)[0] >= LEXICAL.lead_weight

"""The calibrated reuse decision (``evidence``) on whole copies: its one negative weight (the
smaller text covered end to end, ``benchmarks/fit_reuse_model.FREE``) must never turn a copy
of a whole text into independent work. Every text here is written for the test."""

from __future__ import annotations

from conftest import LEXICAL
from unspin import REUSE_LABELS
from unspin.evidence import reuse_model
from unspin.pipeline import Comparer

ORIGINAL = (
    "The harbour authority will close the northern pier for repairs from March until the "
    "end of the summer. Engineers found that salt water had corroded the steel piles that "
    "hold up the deck, and two of them have already cracked. Ferries to the islands will "
    "leave from the southern quay instead, which adds about ten minutes to each crossing. "
    "Fishermen who moor along the pier have been offered berths in the marina at no cost. "
    "The council expects the work to cost a little more than four million pounds, most of "
    "it paid by a national fund for coastal defences."
)
REWORDED = (
    "The port authority is to shut the north pier for repair work from March until the "
    "close of summer. Engineers discovered that seawater had corroded the steel piles which "
    "support the deck, and two of them are already cracked. Ferries to the islands will "
    "depart from the south quay instead, adding roughly ten minutes to every crossing. "
    "Fishermen who moor beside the pier have been given berths in the marina free of charge. "
    "The council expects the repairs to cost slightly more than four million pounds, most of "
    "it paid from a national fund for coastal defences."
)


def test_a_whole_verbatim_copy_is_reuse() -> None:
    verdict = Comparer(LEXICAL).compare(ORIGINAL, ORIGINAL + " ").verdict
    assert verdict.label in REUSE_LABELS
    assert verdict.confidence >= reuse_model().threshold


def test_a_whole_reworded_copy_is_reuse() -> None:
    verdict = Comparer(LEXICAL).compare(ORIGINAL, REWORDED).verdict
    assert verdict.label in REUSE_LABELS, verdict.summary
    assert verdict.confidence >= reuse_model().threshold


def test_a_copied_quotation_with_its_prose_is_reuse() -> None:
    # a copier takes the quotation with the reporter's own sentences around it: that prose
    # is shared too, so the passage is not a shared quotation
    quote = (
        '"We had no choice but to close it before someone was hurt," said the harbour master, '
        '"and we will reopen it as soon as the new piles are in." '
    )
    a = ORIGINAL + " " + quote
    b = quote + ORIGINAL
    result = Comparer(LEXICAL).compare(a, b)
    assert result.verdict.label in REUSE_LABELS
    assert any(p.kind != "shared-quotation" for p in result.passages)


def test_a_quotation_copied_with_its_framing_sentence_is_reuse() -> None:
    # mostly quotation, but the sentence after it is the copier's too: two reporters would
    # each frame the quotation in their own words
    quote = (
        '"We are submitting the idea of a carrying case set to retailers that would include an '
        'extra figure of the hammer, and buying this set would be the only way to get it." '
        "The band gave permission for a licence to be granted to the company to produce and "
        "distribute the figures. "
    )
    a = "Collectors queued outside the shop on Saturday morning. " + quote
    b = quote + "Prices for the earlier series have doubled on auction sites since spring."
    result = Comparer(LEXICAL).compare(a, b)
    assert [p.kind for p in result.passages] != ["shared-quotation"], result.passages
    assert result.verdict.label in REUSE_LABELS, result.verdict.summary


RACE = (
    "{name} represented {country} in the men's 400 metres. During the qualification round "
    "on {day} August, {name} competed in the {heat} heat against seven other athletes. He "
    "finished the race in {time} seconds, placing {place} in the heat ahead of {other} "
    "({other_time} seconds) and behind {third} ({third_time} seconds), in a heat led by "
    "{leader} ({leader_time} seconds). He did not advance to the later rounds."
)


def test_one_template_filled_with_other_facts_is_not_reuse() -> None:
    # two paragraphs of one results page: one sentence frame, every name and number its own
    a = RACE.format(
        name="Abakar Djibrine",
        country="Chad",
        day=14,
        heat="tenth",
        time="47.14",
        place="sixth",
        other="Tuvalu's Okin Tinilau",
        other_time="49.48",
        third="Gabon's Wilfried Binga",
        third_time="46.87",
        leader="Kenya's Ezra Kiprop",
        leader_time="45.35",
    )
    b = RACE.format(
        name="Moussa Haroun",
        country="Niger",
        day=15,
        heat="eighth",
        time="48.55",
        place="seventh",
        other="Nauru's Jon Deiye",
        other_time="50.57",
        third="Peru's Mario Quispe",
        third_time="47.68",
        leader="Jamaica's Omar Reid",
        leader_time="45.13",
    )
    verdict = Comparer(LEXICAL).compare(a, b).verdict
    assert verdict.label not in REUSE_LABELS, verdict.summary
    assert "template" in verdict.summary
    # a copy that corrects a time and a name's spelling is still a copy
    c = a.replace("47.14", "47.41").replace("Binga", "Bingangoye")
    assert Comparer(LEXICAL).compare(a, c).verdict.label in REUSE_LABELS


def test_an_abbreviated_name_is_the_same_fact() -> None:
    from unspin.config import DEFAULT_CONFIG
    from unspin.evidence import template_slots

    assert DEFAULT_CONFIG.template_slots > 1
    a = "The fund in CT pays veterans. " * 3
    b = "The fund in Connecticut pays veterans. " * 3
    result = Comparer(LEXICAL).compare(a, b)
    assert template_slots(result.passages, result.edits, False) == 0


# the harbour's own story around the passage (the original) and a cookery column around the
# copy: the copier set the passage into text of its own on something else
HARBOUR_BEFORE = (
    "Storms battered the harbour again last winter, and the old timber fenders along the "
    "quay were torn away by the waves. The harbour master has asked for new fenders and for "
    "a survey of the breakwater. Boat owners say the northern pier has been unsafe for "
    "years, with loose planks and rusted railings. The council has debated the repairs "
    "since the autumn. "
)
HARBOUR_AFTER = (
    " The southern quay will need dredging before the larger ferries can use it. Harbour "
    "staff will guide the boats at the quay during the first weeks. The pier should reopen "
    "in the autumn, when the new piles are in place and the deck is relaid. A public "
    "meeting on the harbour works will be held at the town hall next month."
)
COOKERY_BEFORE = (
    "This week's recipe is a lemon tart with a crisp pastry base. Chill the butter before "
    "you rub it into the flour, and rest the dough for an hour. Bake the case blind until it "
    "turns golden, then pour in the custard of eggs, sugar and lemon juice. Serve it cold "
    "with a spoonful of cream. "
)
COOKERY_AFTER = (
    " Next week we turn to bread: a simple loaf needs only flour, water, yeast and salt. "
    "Knead the dough until it is smooth and leave it to rise somewhere warm. A hot oven and "
    "a tray of water give the crust its crackle. Let the loaf cool before you slice it."
)


def test_a_passage_set_into_other_text_is_the_copy() -> None:
    """The ``context`` evidence: the original's passage continues the text around it."""
    comparer = Comparer(LEXICAL)
    original = HARBOUR_BEFORE + ORIGINAL + HARBOUR_AFTER
    copy = COOKERY_BEFORE + REWORDED + COOKERY_AFTER
    for a, b, side in ((original, copy, "a"), (copy, original, "b")):
        verdict = comparer.compare(a, b).verdict
        (context,) = [e for e in verdict.evidence if e.kind == "context"]
        assert context.favours == side and verdict.original == side


def test_a_text_reused_whole_gives_no_context_evidence() -> None:
    verdict = Comparer(LEXICAL).compare(ORIGINAL, COOKERY_BEFORE + REWORDED).verdict
    assert not [e for e in verdict.evidence if e.kind == "context"]

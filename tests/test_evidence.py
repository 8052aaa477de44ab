"""The calibrated reuse decision (``evidence``) on whole copies: its one negative weight (the
smaller text covered end to end, ``benchmarks/fit_reuse_model.FREE``) must never turn a copy
of a whole text into independent work. Every text here is written for the test."""

from __future__ import annotations

from unspin._types import REUSE_LABELS
from unspin.compare import Comparer
from unspin.config import Config
from unspin.evidence import reuse_model

LEXICAL = Config(use_model=False)

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

"""The pair pipeline end to end: the seed pair's acceptance figures and negative controls."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import unspin
from conftest import PAN13, SEED_A, SEED_B
from unspin import Comparer, Comparison
from unspin.verdict import merge_spans

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def comparer() -> Comparer:
    return Comparer()


@pytest.fixture(scope="session")
def seed(comparer: Comparer) -> Comparison:
    return comparer.compare(SEED_A, SEED_B, "000", "002")


def _body_coverage(text: str, spans: list[unspin.Span], first: str, last: str) -> float:
    start = text.index(first)
    end = text.index(last) + len(last)
    covered = total = 0
    merged = merge_spans(spans)
    for pos in range(start, end):
        if text[pos].isspace():
            continue
        total += 1
        covered += any(s.start <= pos < s.end for s in merged)
    return covered / total


def test_seed_is_a_spun_copy_of_000(seed: Comparison) -> None:
    assert seed.verdict.label == "spun-copy"
    assert seed.verdict.original == "a"
    assert any(e.favours == "a" for e in seed.verdict.evidence)
    assert not any(e.favours == "b" for e in seed.verdict.evidence)


def test_seed_covers_the_article_body(seed: Comparison) -> None:
    cov = _body_coverage(
        SEED_A, [p.a for p in seed.passages], "Donald Trump says", "intention to negotiate."
    )
    assert cov >= 0.95


def test_seed_matches_sentence_by_sentence(seed: Comparison) -> None:
    matches = [m for p in seed.passages for m in p.matches]
    assert len(matches) >= 14  # every body sentence of 000 has its partner
    first = matches[0]
    assert first.a.of(SEED_A).startswith("Donald Trump says")
    assert first.b.of(SEED_B).startswith("Donald Trump claims")
    # each match pairs a 000 sentence with the 002 sentence at the same position in the op-ed
    starts_b = [m.b.start for m in matches]
    assert starts_b == sorted(starts_b)


def test_seed_passages_avoid_boilerplate(seed: Comparison) -> None:
    for p in seed.passages:
        for b in seed.a.boilerplate:
            assert not p.a.overlaps(b.span), b


def test_seed_meaning_changes(seed: Comparison) -> None:
    changes = {(e.a_text, e.b_text): e.reason for e in seed.edits if e.meaning_change}
    assert "named entity" in changes[("Korean", "Vietnamese")]
    assert "quotation" in changes[("fury", "indignation")]
    assert "quotation" in changes[("button", "box")]


def test_seed_ordinary_swaps_are_not_meaning_changes(seed: Comparison) -> None:
    says = [e for e in seed.edits if e.a_text == "says"]
    assert says and not any(e.meaning_change for e in says)
    assert [e.kind for e in seed.edits if e.a_text == "war"] == ["synonym"]
    assert not any(e.meaning_change for e in seed.edits if e.a_text in ("war", "dealings"))


def test_edit_spans_point_at_their_text(seed: Comparison) -> None:
    for e in seed.edits:
        for span, text, original in ((e.a, e.a_text, SEED_A), (e.b, e.b_text, SEED_B)):
            if not text:
                assert len(span) == 0 or e.kind in ("deletion", "insertion")
                continue
            first_word = re.findall(r"\w+", text)
            if first_word:
                assert first_word[0] in span.of(original).replace("’", "'")


def test_text_against_itself_is_identical(comparer: Comparer) -> None:
    text = (DATA / "same_event_1.txt").read_text(encoding="utf-8")
    result = comparer.compare(text, text)
    assert result.verdict.label == "identical"
    assert result.verdict.coverage_a == result.verdict.coverage_b == 1.0
    assert all(p.kind == "verbatim" for p in result.passages)
    assert not [e for e in result.edits if e.kind != "punctuation"]


def test_whitespace_and_typography_only_is_identical(comparer: Comparer) -> None:
    text = "It’s a “test” – really.\nSecond   line here, with words."
    other = 'It\'s a "test" - really. Second line here,\n with words.'
    assert comparer.compare(text, other).verdict.label == "identical"


def test_unrelated_texts(comparer: Comparer) -> None:
    a = (DATA / "same_event_1.txt").read_text(encoding="utf-8")
    b = (DATA / "unrelated.txt").read_text(encoding="utf-8")
    result = comparer.compare(a, b)
    assert result.verdict.label == "unrelated"
    assert result.passages == ()


def test_two_articles_on_one_event_are_not_copies(comparer: Comparer) -> None:
    a = (DATA / "same_event_1.txt").read_text(encoding="utf-8")
    b = (DATA / "same_event_2.txt").read_text(encoding="utf-8")
    result = comparer.compare(a, b)
    assert result.verdict.label in ("same-topic", "unrelated")
    assert result.verdict.label != "spun-copy"


def test_lightly_edited_copy_is_near_duplicate(comparer: Comparer) -> None:
    a = (DATA / "same_event_1.txt").read_text(encoding="utf-8")
    b = a.replace("Heavy rain overnight", "Heavy overnight rain").replace("eleven", "11")
    b = b.replace("Forecasters expect", "Forecasters predict")
    result = comparer.compare(a, b)
    assert result.verdict.label == "near-duplicate"
    changes = [e for e in result.edits if e.meaning_change]
    assert [(e.a_text, e.b_text) for e in changes] == [("eleven", "11")] or all(
        "number" in (e.reason or "") for e in changes
    )


def test_number_and_negation_changes_are_flagged(comparer: Comparer) -> None:
    a = (
        "The council approved 300 new homes on the northern edge of the town on Monday. "
        "Residents said the plan would not ease traffic on the main road into the centre."
    )
    b = (
        "The council approved 500 new homes on the northern edge of the town on Monday. "
        "Residents said the plan would ease traffic on the main road into the centre."
    )
    result = comparer.compare(a, b)
    reasons = " | ".join(e.reason or "" for e in result.edits if e.meaning_change)
    assert "number changed" in reasons
    assert "negation removed" in reasons


def test_partial_reuse(comparer: Comparer) -> None:
    a = (DATA / "same_event_1.txt").read_text(encoding="utf-8")
    b = (DATA / "unrelated.txt").read_text(encoding="utf-8")
    b = b + "\n\n" + a.split("\n\n")[2]  # one paragraph of a inside a longer unrelated text
    a_long = a + "\n\n" + (DATA / "same_event_2.txt").read_text(encoding="utf-8")
    result = comparer.compare(a_long, b)
    assert result.verdict.label == "partial-reuse"
    assert len(result.passages) == 1


def test_compare_api_returns_what_the_cli_renders() -> None:
    result = unspin.compare("One short sentence here.", "A different one entirely, about cats.")
    assert isinstance(result, Comparison)
    assert result.verdict.label == "unrelated"


PAN = PAN13


@pytest.mark.skipif(not PAN.is_dir(), reason="needs the PAN13 training corpus beside the checkout")
def test_content_restated_in_other_words_is_not_reuse(comparer: Comparer) -> None:
    """Two texts on von Willebrand disease (a human one and a canine one, a PAN13 pair with
    no plagiarism) align as one summary-shaped passage over 60% of a, in other words
    (token similarity 0.15): the calibrated decision finds too little shared wording beyond
    the topic's, and says so."""
    a = (PAN / "susp/suspicious-document00598.txt").read_text(encoding="utf-8")
    b = (PAN / "src/source-document01589.txt").read_text(encoding="utf-8")
    result = comparer.compare(a, b)
    assert result.passages and max(p.similarity for p in result.passages) < 0.2
    assert result.verdict.label == "same-topic"
    assert result.verdict.confidence < 0.5
    assert "not enough wording to show reuse" in result.verdict.summary


def test_a_closed_lexicon_reads_again() -> None:
    """``close`` releases WordNet's data files; a later lookup opens them again."""
    from unspin.lexicon import Lexicon

    lexicon = Lexicon()
    if not lexicon.available:
        pytest.skip("WordNet data not installed")
    assert lexicon.are_antonyms("hot", "cold")  # read from the data files
    assert lexicon.files_open
    lexicon.close()
    assert not lexicon.files_open
    assert lexicon.are_antonyms("up", "down")
    assert lexicon.files_open  # opened again


def test_synonyms_are_other_words_of_the_senses() -> None:
    """``Lexicon.synonyms`` (the planted-copies benchmark's spinner reads it): one-word
    lemmas of the word's senses, never the word or its own lemma, each once."""
    from unspin.lexicon import Lexicon

    lexicon = Lexicon()
    if not lexicon.available:
        pytest.skip("WordNet data not installed")
    found = lexicon.synonyms("quickly")
    assert "rapidly" in found and "quickly" not in found and len(found) == len(set(found))
    assert all(lexicon.are_synonyms("quickly", w) for w in found)
    assert "house" not in lexicon.synonyms("houses") and lexicon.synonyms("xyzzy") == []

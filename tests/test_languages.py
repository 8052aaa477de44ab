"""A test set per language (tests/data/lang/, texts written for it): each source with a
light copy, a human paraphrase and an unrelated text on another subject, compared and
searched. What each language gets is on docs/languages.md; these hold it there."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from unspin import Comparer, Comparison
from unspin._types import REUSE_LABELS
from unspin.config import DEFAULT_CONFIG
from unspin.embed import HashingEmbedder
from unspin.index import Index, search
from unspin.text import normalize
from unspin.text.language import main_language
from unspin.text.normalize import words

LANG = Path(__file__).parent / "data" / "lang"
LANGUAGES = ("en", "fr", "de", "es", "ru", "zh", "ja", "ar", "th")
_LEXICAL = DEFAULT_CONFIG.with_overrides(use_model=False)


def _text(name: str) -> str:
    return (LANG / f"{name}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def comparer() -> Comparer:
    return Comparer(_LEXICAL)


def _compare(comparer: Comparer, lang: str, kind: str) -> Comparison:
    return comparer.compare(_text(f"{lang}_source"), _text(f"{lang}_{kind}"))


def _meaning_changes(c: Comparison) -> list[str]:
    return [e.reason or "" for e in c.edits if e.meaning_change]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_text_is_told_its_language(lang: str) -> None:
    for kind in ("source", "copy", "paraphrase", "unrelated"):
        text = _text(f"{lang}_{kind}")
        assert main_language([w.lower() for w in words(normalize(text))]) == lang, kind


# the changes planted in each copy that change what it says (the others are synonyms,
# sentences dropped or added): a weekday, as a name in English and as a numeral in Chinese
_PLANTED = {"en": ["named entity changed: Tuesday → Wednesday"], "zh": ["number changed: 二 → 三"]}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_light_copy_is_a_near_duplicate_of_its_source(comparer: Comparer, lang: str) -> None:
    c = _compare(comparer, lang, "copy")
    assert c.verdict.label == "near-duplicate"
    assert min(c.verdict.coverage_a, c.verdict.coverage_b) >= 0.8
    assert _meaning_changes(c) == _PLANTED.get(lang, [])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_unrelated_text_shares_nothing(comparer: Comparer, lang: str) -> None:
    c = _compare(comparer, lang, "unrelated")
    assert c.verdict.label == "unrelated"
    assert not c.passages


# the human paraphrases the words alone show as reuse; the others are found as passages
# and called same-topic, the calibrated decision asking for more shared wording (the
# English one too with the sentence model: docs/languages.md)
_PARAPHRASE_REUSE = {"fr", "de", "zh", "ja", "th"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_paraphrase_is_aligned_and_never_unrelated(comparer: Comparer, lang: str) -> None:
    c = _compare(comparer, lang, "paraphrase")
    assert min(c.verdict.coverage_a, c.verdict.coverage_b) >= 0.45
    if lang in _PARAPHRASE_REUSE:
        assert c.verdict.label in REUSE_LABELS
    else:
        assert c.verdict.label == "same-topic"
    # negation words are read in English only
    if lang != "en":
        assert not any("negation" in m for m in _meaning_changes(c))


@pytest.mark.parametrize("lang", ["zh", "ja"])
def test_numerals_written_in_characters_are_numbers(comparer: Comparer, lang: str) -> None:
    changed = comparer.compare(_text(f"{lang}_source"), _text(f"{lang}_numerals"))
    assert [m for m in _meaning_changes(changed) if m.startswith("number changed: 4.9")]
    same = comparer.compare(_text(f"{lang}_source"), _text(f"{lang}_numerals_same"))
    assert _meaning_changes(same) == []
    assert [e.kind for e in same.edits] == ["substitution"]


def test_a_sentence_ends_at_marks_of_other_scripts() -> None:
    from unspin import Span
    from unspin.text.segment import segment

    def units(text: str) -> list[str]:
        segs = segment(normalize(text), [Span(0, len(text))], 40)
        return [s.span.of(text) for s in segs]

    assert units("هذا كتاب. هل هو جميل؟ نعم إنه جميل.") == [
        "هذا كتاب.",
        "هل هو جميل؟",
        "نعم إنه جميل.",
    ]
    assert units("Хорошо. Дальше идём.") == ["Хорошо.", "Дальше идём."]
    assert units("Le projet avance. État des lieux.") == ["Le projet avance.", "État des lieux."]
    assert units("经济增长。这是好消息！你知道吗？") == ["经济增长。", "这是好消息！", "你知道吗？"]


class _RefusingEmbedder(HashingEmbedder):
    """A sentence model that must not be asked: the bundled one reads English only."""

    def encode(self, texts: Sequence[str]) -> np.ndarray:  # type: ignore[override]
        raise AssertionError(f"the model was consulted on {texts[:1]}")


@pytest.mark.parametrize("lang", ["zh", "ar", "ru", "fr"])
def test_the_sentence_model_is_not_consulted_outside_english(lang: str) -> None:
    comparer = Comparer(DEFAULT_CONFIG.with_overrides(model_everywhere=True), _RefusingEmbedder())
    c = _compare(comparer, lang, "paraphrase")
    assert c.languages == (lang, lang)


def test_the_sentence_model_is_consulted_in_english() -> None:
    class Counting(HashingEmbedder):
        calls = 0

        def encode(self, texts: Sequence[str]) -> np.ndarray:  # type: ignore[override]
            Counting.calls += 1
            return super().encode(texts)

    comparer = Comparer(DEFAULT_CONFIG.with_overrides(model_everywhere=True), Counting())
    _compare(comparer, "en", "paraphrase")
    assert Counting.calls > 0


@pytest.fixture(scope="module")
def sources_index(tmp_path_factory: pytest.TempPathFactory) -> Index:
    index = Index.create(tmp_path_factory.mktemp("lang") / "ix", config=_LEXICAL)
    for lang in LANGUAGES:
        index.add(_text(f"{lang}_source"), name=f"{lang}_source")
    return index


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_finds_the_source_of_a_copy_in_every_script(sources_index: Index, lang: str) -> None:
    found = search(sources_index, _text(f"{lang}_copy"))
    assert found.hits and found.hits[0].name == f"{lang}_source"
    assert found.hits[0].comparison.verdict.label in REUSE_LABELS
    paraphrase = search(sources_index, _text(f"{lang}_paraphrase"))
    first = [h.name for h in paraphrase.hits] + [lead.name for lead in paraphrase.leads]
    assert first and first[0] == f"{lang}_source"
    unrelated = search(sources_index, _text(f"{lang}_unrelated"))
    assert not unrelated.hits


def test_scripts_and_languages_beyond_the_test_set_are_not_read_as_english() -> None:
    from unspin.text.language import in_english

    def told(text: str) -> str:
        return main_language([w.lower() for w in words(normalize(text))])

    assert told("Це дуже добре, що ми тут, і він також з нами") == "uk"
    assert told("Det är bra att vi är här och att det går") == "sv"
    assert told("ສະບາຍດີ ເຈົ້າ") == "lo"
    assert told("Աշխարհ բարև") == "hy"
    assert told("ашкьыл дзыр ахьтә") == "und-Cyrl"
    assert not in_english(told("ашкьыл дзыр ахьтә"))
    assert in_english("und", "en")


def test_the_bundled_profiles_are_wordfreqs() -> None:
    """The profiles are bundled (scripts/make_language_profiles.py) because reading them
    from wordfreq loads each language's whole list; they must be wordfreq's."""
    from wordfreq import top_n_list

    from unspin.text.language import _PROFILE_WORDS, LANGUAGES, _profiles

    assert set(_profiles()) == set(LANGUAGES)
    for lang in ("en", "de", "ru", "sv"):
        assert _profiles()[lang] == frozenset(top_n_list(lang, _PROFILE_WORDS))

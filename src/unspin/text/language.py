"""Which language a text is in, as far as the rules that depend on it need. A text in a
script that few languages write (Chinese characters, kana, Thai, Arabic, Hebrew, Greek,
Hangul, Devanagari) is told by its script; one in Latin or Cyrillic letters by the share of
its words among each language's most frequent ones (wordfreq's lists, bundled), a profile that needs
no model and no hand-written stopword lists."""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import cache
from importlib.resources import files

# the languages told apart by their words (wordfreq has them all); "und" for a text none fits
LANGUAGES = (
    "en", "de", "fr", "es", "it", "nl", "pt", "ca", "ro", "sv", "da", "nb", "fi", "pl", "cs",
    "sk", "sl", "hu", "tr", "lt", "lv", "id", "vi", "ru", "uk", "bg", "mk",
)  # fmt: skip
# the languages told by their script: the first word of a letter's Unicode name
_SCRIPTS = {
    "CJK": "zh",
    "HIRAGANA": "ja",
    "KATAKANA": "ja",
    "THAI": "th",
    "ARABIC": "ar",
    "HEBREW": "he",
    "GREEK": "el",
    "HANGUL": "ko",
    "DEVANAGARI": "hi",
    "LAO": "lo",
    "KHMER": "km",
    "MYANMAR": "my",
    "ARMENIAN": "hy",
    "GEORGIAN": "ka",
    "TAMIL": "ta",
    "BENGALI": "bn",
    "GUJARATI": "gu",
    "GURMUKHI": "pa",
    "TELUGU": "te",
    "KANNADA": "kn",
    "MALAYALAM": "ml",
    "SINHALA": "si",
    "ETHIOPIC": "am",
}
# a text in these scripts whose words fit none of ``LANGUAGES`` is still not English
_CYRILLIC, _UND_CYRILLIC = "CYRILLIC", "und-Cyrl"
# languages that write every noun with a capital: a capital does not mark a name there
CAPITALISED_NOUNS = frozenset({"de"})
# the languages the bundled sentence model was trained on (all-MiniLM-L6-v2: English)
MODEL_LANGUAGES = frozenset({"en"})
_PROFILE_WORDS = 100
_MIN_SHARE = 0.15  # of a text's words among a language's most frequent, to call it that
_SAMPLE_WORDS = 5_000


@cache
def _profiles() -> dict[str, frozenset[str]]:
    """The most frequent words of each of ``LANGUAGES`` (wordfreq's, bundled:
    ``scripts/make_language_profiles.py``): reading them from wordfreq loads each
    language's whole list."""
    data = json.loads(files("unspin.text").joinpath("language_profiles.json").read_text("utf-8"))
    return {lang: frozenset(words) for lang, words in data["profiles"].items()}


def _profile(language: str) -> frozenset[str]:
    return _profiles()[language]


@cache
def _script_language(ch: str) -> str | None:
    """The language a letter's script says (``_SCRIPTS``), ``""`` for Latin letters and
    ``CYRILLIC`` for Cyrillic ones (told by their words), None for a character that is no
    letter."""
    if not ch.isalpha():
        return None
    script = unicodedata.name(ch, "").split(" ", 1)[0]
    return script if script == _CYRILLIC else _SCRIPTS.get(script, "")


def main_language(words: Sequence[str]) -> str:
    """The language of ``words`` (lowercase, in text order; the first few thousand are
    read): by the script of most of their letters where it tells one (Japanese wherever
    kana are a tenth of the Chinese characters or more), else the one of ``LANGUAGES``
    whose frequent words are most of them, else ``und`` (``und-Cyrl`` for a text in
    Cyrillic letters: not read as English)."""
    sample = words[:_SAMPLE_WORDS]
    if not sample:
        return "und"
    scripts = Counter(_script_language(ch) for w in sample for ch in w[:8])
    scripts.pop(None, None)
    if scripts:
        script, count = scripts.most_common(1)[0]
        if script == "zh" and scripts["ja"] * 10 >= count:
            return "ja"
        if script and script != _CYRILLIC:
            return script
        if script == _CYRILLIC:
            fits = _fitting(sample)
            return fits if fits != "und" else _UND_CYRILLIC
    return _fitting(sample)


def _fitting(sample: Sequence[str]) -> str:
    """The one of ``LANGUAGES`` whose frequent words are most of ``sample``, else ``und``."""
    share = {lang: sum(w in _profile(lang) for w in sample) / len(sample) for lang in LANGUAGES}
    best = max(LANGUAGES, key=lambda lang: share[lang])
    return best if share[best] >= _MIN_SHARE else "und"


def in_english(*languages: str) -> bool:
    """Whether texts in ``languages`` are read as English (by the rules written for English:
    negation words, the sentence model): English, or a language not told (``und``, most
    often a short English text)."""
    return all(lang in ("en", "und") for lang in languages)


def model_reads(*languages: str) -> bool:
    """Whether the sentence model may be consulted on texts in ``languages``: those it was
    trained on (``MODEL_LANGUAGES``), or where the language is not told."""
    return all(lang in MODEL_LANGUAGES or lang == "und" for lang in languages)

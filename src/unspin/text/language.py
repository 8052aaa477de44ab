"""Which language a text is in, as far as the rules that depend on it need: told by the
share of its words among each language's most frequent ones (wordfreq's lists), a profile
that needs no model and no hand-written stopword lists."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from wordfreq import top_n_list

# the languages told apart (wordfreq has them all); "und" for a text none of them fits
LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "pt", "ru")
# languages that write every noun with a capital: a capital does not mark a name there
CAPITALISED_NOUNS = frozenset({"de"})
_PROFILE_WORDS = 100
_MIN_SHARE = 0.15  # of a text's words among a language's most frequent, to call it that
_SAMPLE_WORDS = 5_000


@cache
def _profile(language: str) -> frozenset[str]:
    return frozenset(top_n_list(language, _PROFILE_WORDS))


def main_language(words: Sequence[str]) -> str:
    """The language of ``words`` (lowercase, in text order; the first few thousand are
    read): the one of ``LANGUAGES`` whose frequent words are most of them, else ``und``."""
    sample = words[:_SAMPLE_WORDS]
    if not sample:
        return "und"
    share = {lang: sum(w in _profile(lang) for w in sample) / len(sample) for lang in LANGUAGES}
    best = max(LANGUAGES, key=lambda lang: share[lang])
    return best if share[best] >= _MIN_SHARE else "und"

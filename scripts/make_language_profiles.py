"""Write ``src/unspin/text/language_profiles.json``: the 100 most frequent words of each
language ``text.language`` tells by its words, from wordfreq's lists. Bundled because
reading them from wordfreq at run time loads every language's whole list.

    .venv/bin/python scripts/make_language_profiles.py
"""

from __future__ import annotations

import json
from importlib.metadata import version
from pathlib import Path

from wordfreq import top_n_list

from unspin.text.language import _PROFILE_WORDS, LANGUAGES

OUT = Path(__file__).resolve().parent.parent / "src" / "unspin" / "text" / "language_profiles.json"


def main() -> None:
    profiles = {lang: top_n_list(lang, _PROFILE_WORDS) for lang in LANGUAGES}
    OUT.write_text(
        json.dumps(
            {
                "source": f"wordfreq {version('wordfreq')}: top_n_list(language, {_PROFILE_WORDS})",
                "licence": "wordfreq's word lists are CC BY-SA 4.0 (Robyn Speer and "
                "contributors, https://github.com/rspeer/wordfreq); this extract is too",
                "profiles": profiles,
            },
            ensure_ascii=False,
            indent=0,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"{OUT}: {len(profiles)} languages")


if __name__ == "__main__":
    main()

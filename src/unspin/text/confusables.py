"""Look-alike letters from another script, folded for matching: a known evasion trick swaps
Cyrillic or Greek letters that look Latin (а for a, о for o, Т for T) into a copy, so that
its words no longer match the source's.

The pairs come from Unicode's confusables data (UTS #39), as the ``confusable_homoglyphs``
package ships it, restricted to letters of the Latin, Cyrillic and Greek scripts, the three
that share most shapes. A text's letters are counted by script; the most common is its
script. A letter of another script is folded to its look-alike in the text's script:

- in a word that also holds letters of the text's script (``Тhe``: a mixed-script word is
  what the trick makes, and what no language writes), or
- in a Latin text, in a word all of whose letters have a look-alike (``сору`` for copy, ``а``
  for a): of any length where the text holds no other word of that script, else of three
  letters or more. Not in a Cyrillic or Greek text, where whole Latin words (names, brands)
  are common.

A word of another script that has a letter with no look-alike (a Russian name quoted in an
English text) is left alone. Folding is one character for one, so offsets do not move; each
fold is kept, with its offset, as evidence of character manipulation.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

SCRIPTS = ("latin", "cyrillic", "greek")
_LETTERS = {
    "latin": re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]"),
    "cyrillic": re.compile(r"[\u0400-\u04ff\u0500-\u052f]"),
    "greek": re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]"),
}
# a text holds letters of more than one of the scripts: the only texts folding can change
_NON_LATIN = re.compile(r"[\u0370-\u03ff\u0400-\u052f\u1f00-\u1fff]")
_LATIN = _LETTERS["latin"]
_PART = re.compile(r"[^\W\d_]+")  # a run of letters (a word's parts between - and ')
_WHOLE_WORD_LETTERS = 3


def script_of(ch: str) -> str | None:
    for name, pattern in _LETTERS.items():
        if pattern.match(ch):
            return name
    return None


@cache
def _pairs() -> tuple[tuple[str, str], ...]:
    """Every (letter, look-alike) pair of two different scripts of ``SCRIPTS``, both ways."""
    data = json.loads(
        resources.files("confusable_homoglyphs").joinpath("confusables.json").read_text("utf-8")
    )
    found: set[tuple[str, str]] = set()
    for ch, glyphs in data.items():
        script = script_of(ch) if len(ch) == 1 and ch.isalpha() else None
        if script is None:
            continue
        for glyph in glyphs:
            other = glyph["c"]
            if len(other) == 1 and other.isalpha() and script_of(other) not in (None, script):
                found.add((ch, other))
                found.add((other, ch))
    return tuple(sorted(found))


@cache
def fold_table(script: str) -> dict[str, str]:
    """Letters of the other scripts, each to its look-alike in ``script``."""
    table: dict[str, str] = {}
    for ch, other in _pairs():
        if script_of(other) == script and script_of(ch) != script:
            table.setdefault(ch, other)
    return table


def main_script(text: str) -> str:
    """The script of most of ``text``'s Latin, Cyrillic and Greek letters."""
    counts = {name: len(pattern.findall(text)) for name, pattern in _LETTERS.items()}
    return max(SCRIPTS, key=lambda name: counts[name])


def fold(text: str) -> tuple[str, list[int]]:
    """``text`` with its look-alike letters folded into its script (see the module
    docstring), and the offsets of the folded characters."""
    if not _NON_LATIN.search(text) or not _LATIN.search(text):
        return text, []  # one script (nearly every text): nothing to fold
    script = main_script(text)
    table = fold_table(script)
    own = _LETTERS[script]
    parts = [
        (m.start(), m.group(), [k for k, ch in enumerate(m.group()) if ch in table])
        for m in _PART.finditer(text)
    ]
    # a letter of another script with no look-alike: the text really holds some of that
    # script (a quoted name), so short words of it are left alone
    genuine = any(
        ch not in table
        for name, pattern in _LETTERS.items()
        if name != script
        for ch in pattern.findall(text)
    )
    chars: list[str] | None = None
    folded: list[int] = []
    for start, part, foreign in parts:
        if not foreign:
            continue
        mixed = own.search(part) is not None
        whole = (
            script == "latin"
            and len(foreign) == len(part)
            and (len(part) >= _WHOLE_WORD_LETTERS or not genuine)
        )
        if not (mixed or whole):
            continue
        if chars is None:
            chars = list(text)
        for k in foreign:
            chars[start + k] = table[part[k]]
            folded.append(start + k)
    return ("".join(chars) if chars is not None else text), folded

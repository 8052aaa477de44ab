"""Typography normalisation for matching that never loses offsets.

Matching runs on a normalised copy of the text (straight quotes, ASCII dashes, single spaces, a
space restored in ``kind of“peace”``); ``Normalized.origin`` maps every normalised character back
to the index of the original character it came from, so every reported span refers to the text as
the user gave it. Hand-written because the offset map is the point: libraries such as ftfy or
unicodedata.normalize return a new string without one.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
import unicodedata
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import overload

import numpy as np

from .._types import CharacterEdit, Span
from .confusables import fold, script_of


@functools.cache
def _by_category() -> dict[str, list[int]]:
    """The code points below U+30000 by Unicode general category: one pass, shared by the
    character classes the text stage builds when it is imported."""
    table: dict[str, list[int]] = {}
    for c in range(0x30000):
        table.setdefault(unicodedata.category(chr(c)), []).append(c)
    return table


def code_points(*categories: str) -> list[int]:
    """The code points below U+30000 of the general ``categories`` (``Lu``, ``Mn``…), sorted."""
    table = _by_category()
    return sorted(c for cat in categories for c in table.get(cat, ()))


_CHAR_MAP: dict[str, str] = {
    # quotes
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "`": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2033": '"',
    # dashes and hyphens
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    # ellipsis
    "\u2026": "...",
    # C0/C1 controls that are mis-decoded punctuation in web text (U+2019 → U+0019 …)
    "\x19": "'",
    "\x18": "'",
    "\x92": "'",
    "\x91": "'",
    "\x13": "-",
    "\x14": "-",
    "\x96": "-",
    "\x97": "-",
    "\x1c": '"',
    "\x1d": '"',
    "\x93": '"',
    "\x94": '"',
}
# invisible characters, left out for matching: the soft hyphen, the zero-width space,
# joiners and the BOM, and every other format character (bidirectional marks, invisible
# operators, tags), which an evader can put inside a word to split it
_DROP = (
    {"\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}
    | {chr(c) for c in code_points("Cf") if 0x80 <= c < 0x10000}
    | {chr(c) for c in range(0xE0000, 0xE0080) if unicodedata.category(chr(c)) == "Cf"}
)
# combining marks (accents written after their letter, as in NFD): composed as NFC would
_MARKS = "".join(chr(c) for c in range(0x300, 0x10000) if unicodedata.combining(chr(c)))
_OPENING_QUOTES = {"\u201c", "\u2018", "\u00ab", "\u201e"}
_CLOSING_QUOTES = {"\u201d", "\u00bb"}


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalised copy of ``original`` with a map back to original offsets."""

    original: str
    text: str
    origin: array[int]  # origin[i] = index in original of normalised char i (compact ints)
    # where a normalised character composed of several original ones (a letter and its
    # combining accents) ends in the original; any other character ends at origin[i] + 1
    ends: dict[int, int] = field(default_factory=dict)
    # characters changed to evade matching, as read for matching (original offsets)
    manipulation: tuple[CharacterEdit, ...] = ()
    # the part of ``original`` normalised (``normalize_part``); None: all of it
    part: Span | None = None

    @property
    def examined(self) -> Span:
        """The part of the original text this copy was made of."""
        return self.part if self.part is not None else Span(0, len(self.original))

    def end_of(self, k: int) -> int:
        """The original end of normalised character ``k``."""
        return self.ends.get(k, self.origin[k] + 1) if self.ends else self.origin[k] + 1

    def to_original(self, start: int, end: int) -> Span:
        """The original span of normalised characters ``[start, end)``."""
        if start >= end:
            pos = self.origin[start] if start < len(self.origin) else self.examined.end
            return Span(pos, pos)
        return Span(self.origin[start], self.end_of(end - 1))

    def to_normalized(self, pos: int) -> int:
        """First normalised index whose original index is ``>= pos``."""
        return bisect.bisect_left(self.origin, pos)


def _map_char(ch: str) -> str:
    if ch in _DROP:
        return ""
    mapped = _CHAR_MAP.get(ch)
    if mapped is not None:
        return mapped
    if ch in "\t\r\f\v\u00a0\u2028\u2029" or (ch.isspace() and ch != "\n"):
        return " "
    if ord(ch) < 32 and ch != "\n":
        return " "
    if ord(ch) > 127 and unicodedata.category(ch) == "Cc":
        return " "
    if ord(ch) >= 0xFB00 and ord(ch) <= 0xFB06:  # ligatures ﬁ ﬂ …
        return unicodedata.normalize("NFKC", ch)
    return ch


def _emit(original: str, i: int, out: list[str], origin: array[int]) -> None:
    """Append the normalised form of ``original[i]`` (the rules, one character at a time)."""
    ch = original[i]
    mapped = _map_char(ch)
    if not mapped:
        return
    # restore the space a scraper dropped before an opening or after a closing quote
    if ch in _OPENING_QUOTES and i > 0 and original[i - 1].isalnum():
        out.append(" ")
        origin.append(i)
    out.append(mapped)
    origin.extend([i] * len(mapped))
    if (
        ch in _CLOSING_QUOTES
        and i + 1 < len(original)
        and original[i + 1].isalnum()
        and i > 0
        and (original[i - 1].isalnum() or original[i - 1] in ".,!?")
    ):
        out.append(" ")
        origin.append(i)


def _emit_cluster(
    original: str, i: int, j: int, out: list[str], origin: array[int], ends: dict[int, int]
) -> None:
    """Append ``original[i:j]``, a character and its combining marks, composed as NFC
    composes it (``e`` + U+0301 is ``é``): the last composed character ends at ``j``."""
    run = original[i:j]
    composed = unicodedata.normalize("NFC", run)
    if len(composed) == len(run):  # nothing composes: each character by the usual rules
        for k in range(i, j):
            _emit(original, k, out, origin)
        return
    for k, ch in enumerate(composed):
        out.append(ch)
        origin.append(i + k)
    ends[len(origin) - 1] = j


def _cluster_end(original: str, i: int) -> int:
    """The end of the combining marks after ``original[i]`` (``i + 1`` if none follow)."""
    j = i + 1
    if original[i] in _MARKS or original[i] == "\n":
        return j
    while j < len(original) and original[j] in _MARKS:
        j += 1
    return j


def normalize_reference(original: str) -> Normalized:
    """``normalize`` one character at a time: slow, obviously the rules (tests compare)."""
    out: list[str] = []
    origin: array[int] = array("q")
    ends: dict[int, int] = {}
    i = 0
    while i < len(original):
        j = _cluster_end(original, i)
        if j > i + 1:
            _emit_cluster(original, i, j, out, origin, ends)
        else:
            _emit(original, i, out, origin)
        i = j
    return _finished(original, out, origin, ends)


def _finished(
    original: str, out: list[str], origin: array[int], ends: dict[int, int]
) -> Normalized:
    """The normalised text with look-alike letters folded (``confusables.fold``), and what
    was folded or left out to evade matching."""
    text, folded = fold("".join(out))
    spans = [Span(origin[k], ends.get(k, origin[k] + 1)) for k in folded]
    edits = [
        CharacterEdit(span, "look-alike", span.of(original), text[k])
        for k, span in zip(folded, spans, strict=True)
    ]
    edits += _hidden(original)
    edits.sort(key=lambda e: e.span.start)
    return Normalized(original, text, origin, ends, tuple(edits))


# format characters inside a word that no writing system needs there (the soft hyphen is a
# hyphenation point; joiners are needed beside letters of other scripts and in emoji)
_HIDDEN = re.compile("[" + "".join(sorted(_DROP - {"\u00ad"})) + "]")
_JOINERS = {"\u200c", "\u200d"}


def _hidden(original: str) -> list[CharacterEdit]:
    """Invisible characters put inside a word (between two letters) to split it."""
    found = []
    for m in _HIDDEN.finditer(original):
        k = m.start()
        if k == 0 or k + 1 >= len(original):
            continue
        before, after = original[k - 1], original[k + 1]
        if not (before.isalpha() and after.isalpha()):
            continue
        if m.group() in _JOINERS and not (script_of(before) and script_of(after)):
            continue
        found.append(CharacterEdit(Span(k, k + 1), "invisible", m.group(), ""))
    return found


class _OneToOne(dict[int, str]):
    """``str.translate`` table for characters that map to exactly one character, filled on
    first sight of each code point (C-speed lookups afterwards)."""

    def __missing__(self, code: int) -> str:
        mapped = _map_char(chr(code))
        self[code] = mapped
        return mapped


_TABLE = _OneToOne()
# characters that may map to zero or several characters, or insert a space, and characters
# with combining marks after them: the slow path
_IRREGULAR = re.compile(
    f"[^{_MARKS}\n][{_MARKS}]+|["
    + "".join(sorted(_DROP | _OPENING_QUOTES | _CLOSING_QUOTES))
    + "\u2026\ufb00-\ufb06]"
)


def normalize_part(original: str, start: int, end: int) -> Normalized:
    """``normalize`` of the characters ``[start, end)`` of ``original``, its offsets into
    ``original``: what is examined of a text too long to examine whole."""
    if start == 0 and end == len(original):
        return normalize(original)
    norm = normalize(original[start:end])
    shifted = np.frombuffer(norm.origin, dtype=np.int64) + start
    origin: array[int] = array("q")
    origin.frombytes(shifted.tobytes())

    def moved(span: Span) -> Span:
        return Span(span.start + start, span.end + start)

    return Normalized(
        original,
        norm.text,
        origin,
        {k: v + start for k, v in norm.ends.items()},
        tuple(dataclasses.replace(e, span=moved(e.span)) for e in norm.manipulation),
        Span(start, end),
    )


def normalize(original: str) -> Normalized:
    """Normalise typography for matching; see the module docstring for what changes.

    Runs of regular characters go through ``str.translate`` (one character in, one out, so
    their offsets are a plain range); only the few irregular characters take ``_emit``.
    """
    out: list[str] = []
    origin: array[int] = array("q")
    ends: dict[int, int] = {}
    pos = 0
    for m in _IRREGULAR.finditer(original):
        k = m.start()
        if k > pos:
            out.append(original[pos:k].translate(_TABLE))
            origin.extend(range(pos, k))
        if m.end() > k + 1:
            _emit_cluster(original, k, m.end(), out, origin, ends)
        else:
            _emit(original, k, out, origin)
        pos = m.end()
    if pos < len(original):
        out.append(original[pos:].translate(_TABLE))
        origin.extend(range(pos, len(original)))
    return _finished(original, out, origin, ends)


def matching_view(norm: Normalized) -> str:
    """The examined part of the original text (``Normalized.examined``) with its look-alike
    letters folded, one character for one: what the line rules of the text stage
    (boilerplate, dates) read, at the original offsets less the part's start."""
    part = norm.examined
    text = norm.original[part.start : part.end] if norm.part is not None else norm.original
    if not norm.manipulation:
        return text
    chars = list(text)
    for e in norm.manipulation:
        if e.kind == "look-alike" and len(e.span) == 1 and len(e.read_as) == 1:
            chars[e.span.start - part.start] = e.read_as
    return "".join(chars)


def char_class(codes: Sequence[int]) -> str:
    """A regular-expression character class body holding the code points ``codes`` (sorted)."""
    out: list[str] = []
    first = last = codes[0]
    for c in [*codes[1:], -1]:
        if c == last + 1:
            last = c
            continue
        out.append(re.escape(chr(first)) + ("" if last == first else "-" + re.escape(chr(last))))
        first = last = c
    return "".join(out)


# scripts written without spaces between words (Thai, Lao, Myanmar, Khmer, Chinese and
# Japanese): each character, with the marks written on it, is a token of its own, and their
# runs are read as character n-grams (``fingerprint.run_features``), there being no word
# boundaries to read without a dictionary
NO_SPACE_CHARS = (
    "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3005-\u3007\u3041-\u30fa\u30fc-\u30ff"
    "\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\U00020000-\U0002ffff"
)
_NO_SPACE = re.compile(f"(?=[^\\W_])[{NO_SPACE_CHARS}]")
# combining marks (vowel signs of Indic scripts, Arabic and Hebrew vowel points, accents
# left uncomposed): part of the word they are written on, though not word characters to re
_MARK_CLASS = char_class(code_points("Mn", "Mc", "Me"))
_LETTER = f"[^\\W_{NO_SPACE_CHARS}]"
_LETTERS = f"{_LETTER}++(?:[{_MARK_CLASS}]++{_LETTER}*+)*+"
NO_SPACE_TOKEN = f"(?=[^\\W_])[{NO_SPACE_CHARS}][{_MARK_CLASS}]*+"
# a word: letters and digits with their marks, joined by inner hyphens or apostrophes; or one
# character of a script written without spaces
WORD_PATTERN = f"{_LETTERS}(?:[-']{_LETTERS})*|{NO_SPACE_TOKEN}"
_TOKEN = re.compile(WORD_PATTERN + r"|[^\w\s]", re.UNICODE)


def is_no_space(token: str) -> bool:
    """Whether a token is a character of a script written without spaces."""
    return _NO_SPACE.match(token) is not None


# such characters in a row, spaces between them aside: the runs of ``fingerprint``'s reading
_NO_SPACE_RUN = re.compile(f"{NO_SPACE_TOKEN}(?:\\s*+{NO_SPACE_TOKEN})*+")
_SPACE = re.compile(r"\s+")


def no_space_runs(text: str) -> list[str]:
    """The runs of characters of scripts written without spaces in ``text``, each as the
    tokens it is made of, joined (the spaces between them left out)."""
    return [_SPACE.sub("", m) for m in _NO_SPACE_RUN.findall(text)]


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation mark: its normalised form and its span in the original text."""

    text: str  # normalised surface form (case kept)
    span: Span
    norm_start: int
    norm_end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()


def tokenize(norm: Normalized, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of normalised characters ``[start, end)`` with original spans."""
    stop = len(norm.text) if end is None else end
    origin = norm.origin  # to_original, inlined: a token is never empty
    if norm.ends:
        end_of = norm.end_of
        return [
            Token(m.group(), Span(origin[m.start()], end_of(m.end() - 1)), m.start(), m.end())
            for m in _TOKEN.finditer(norm.text, start, stop)
        ]
    return [
        Token(m.group(), Span(origin[m.start()], origin[m.end() - 1] + 1), m.start(), m.end())
        for m in _TOKEN.finditer(norm.text, start, stop)
    ]


def token_texts(norm: Normalized, start: int = 0, end: int | None = None) -> list[str]:
    """The texts of ``tokenize``'s tokens, without their offsets (words and punctuation)."""
    return _TOKEN.findall(norm.text, start, len(norm.text) if end is None else end)


class UnitTokens(Sequence[list[Token]]):
    """The tokens of each unit of a text (``[start, end)`` normalised bounds per unit),
    tokenised on first use: matching reads every unit's token texts, but only the units a
    passage touches need token objects, and most candidates a search verifies have none."""

    def __init__(self, norm: Normalized, bounds: list[tuple[int, int]]) -> None:
        self.norm = norm
        self.bounds = bounds
        self._units: dict[int, list[Token]] = {}

    def __len__(self) -> int:
        return len(self.bounds)

    @overload
    def __getitem__(self, i: int) -> list[Token]: ...
    @overload
    def __getitem__(self, i: slice) -> list[list[Token]]: ...
    def __getitem__(self, i: int | slice) -> list[Token] | list[list[Token]]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self.bounds)
        found = self._units.get(i)
        if found is None:
            start, end = self.bounds[i]  # IndexError past the end, as a list's
            found = self._units[i] = tokenize(self.norm, start, end)
        return found


_WORD = re.compile(WORD_PATTERN, re.UNICODE)


def word_count(norm: Normalized, start: int = 0, end: int | None = None) -> int:
    """``len(words(norm, start, end))``, without making the list of words: a word token
    never starts inside a punctuation token, so the words alone are found at the same
    places."""
    return len(_WORD.findall(norm.text, start, len(norm.text) if end is None else end))


def words(norm: Normalized, start: int = 0, end: int | None = None) -> list[str]:
    """The words (case kept) of normalised characters ``[start, end)``: the word tokens of
    ``tokenize``, without punctuation and offsets (for callers that need neither)."""
    stop = len(norm.text) if end is None else end
    found = (m.group() for m in _TOKEN.finditer(norm.text, start, stop))
    return [w for w in found if w[0].isalnum()]

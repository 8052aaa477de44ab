"""Sentence and clause segmentation with offsets into the original text.

A small rule-based splitter (terminal punctuation + capitalised next word, an abbreviation list,
blank lines as paragraph breaks) written here because every unit must carry exact original
offsets and the body may have holes where boilerplate was cut out.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

from .._types import Segment, Span
from .normalize import NO_SPACE_CHARS, NO_SPACE_TOKEN, Normalized, char_class, code_points

_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "jr",
        "sr",
        "vs",
        "etc",
        "eg",
        "ie",
        "al",
        "gen",
        "gov",
        "sen",
        "rep",
        "col",
        "lt",
        "sgt",
        "capt",
        "cmdr",
        "adm",
        "fig",
        "figs",
        "vol",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "univ",
        "approx",
        "est",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mt",
        "ft",
        "u.s",
        "u.k",
        "u.n",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
    ]
)
# abbreviations only before a number ("No. 5")
_NUMBER_ABBREVIATIONS = frozenset({"no", "nos"})
# a sentence ends at . ! ? (and the Arabic ؟, the Urdu ۔ and the Devanagari ।), plus closing
# quotes/brackets, followed by space and a likely start: a capital, a digit, or a letter of a
# script without capitals (Arabic, Hebrew, Indic, Chinese…).
# Each alternative starts only where a run of marks starts, and the runs after it are
# possessive: a match tried at every character of a long run of dots or spaces made
# segmentation quadratic. A match inside a run would be skipped anyway (an ellipsis runs on).
_MARKS = ".!?\u061f\u06d4\u0964"
_STARTS = char_class(code_points("Lu", "Lt", "Lo", "Nd"))
_LOWER = char_class(code_points("Ll"))
_BOUNDARY = re.compile(
    f"(?<![{_MARKS}])(?:[{_MARKS}]++[\"')\\]]*+(?=\\s+[\"'(\\[]?[{_STARTS}])"
    f"|[{_MARKS}]++[\"')\\]]*+\\s*\n"
    f"|(?P<lower>[{_MARKS}][\"')\\]]*+)(?=\\s+[{_LOWER}]))"
    # Chinese and Japanese: a full-width end mark needs no space after it (closing brackets
    # and quotes stay with the sentence they close)
    "|(?<![。！？])[。！？]++[」』）》\"']*+"
)
_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")
# a whitespace run is matched from its start only, for the same reason
# (and the full-width ; : and comma of Chinese and Japanese, which need no space after them,
# and a space between two characters of a script written without spaces: Thai and Lao put
# one between phrases and sentences)
_CLAUSE = re.compile(
    f"[;:]\\s+|(?<!\\s)\\s+-\\s+|[；：，、]\\s*|(?<=[{NO_SPACE_CHARS}])\\s+(?=[{NO_SPACE_CHARS}])"
)
_LINE = re.compile(r"(?<!\s)\s*\n\s*")
_WORD_BEFORE_DOT = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_DIGIT_AFTER = re.compile(r"\s*\d")
# a word, to count words by: a run of non-space characters, or one character of a script
# written without spaces (``normalize.NO_SPACE_CHARS``)
# (with the marks written on it: a unit is never cut between a Thai letter and its vowel)
_NON_SPACE = re.compile(f"{NO_SPACE_TOKEN}|[^\\s{NO_SPACE_CHARS}]+")


def _word_count(text: str, start: int, end: int) -> int:
    return sum(1 for _ in _NON_SPACE.finditer(text, start, end))


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at ``dot`` ends an abbreviation or an initial, not a sentence."""
    m = _WORD_BEFORE_DOT.search(text, max(0, dot - 12), dot)
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    if word in _NUMBER_ABBREVIATIONS:  # "No. 5" but "the answer was no. He left."
        return bool(_DIGIT_AFTER.match(text[dot + 1 : dot + 4]))
    if word in _ABBREVIATIONS:
        return True
    return len(word) == 1 and m.group(1)[0].isupper()  # an initial: "J. K. Rowling"


def _lower_start(text: str, dot: int, stop: int) -> bool:
    """Whether a boundary match at ``dot`` (ending at ``stop``) before a lowercase word is
    not a sentence end. It is one only after a word of two or more letters that is not an
    abbreviation, and with two or more spaces (or a no-break space) before the next word:
    typists and typesetters put a wide gap after a sentence, and obfuscated or spun text
    often lowercases the next sentence's first word. A single space before a lowercase
    word is too often "approx. five", "Ph.D. student", "pp. 12"."""
    k = stop
    while k < len(text) and text[k].isspace():
        k += 1
    gap = text[stop:k]
    if len(gap) < 2 and "\xa0" not in gap:
        return True
    if dot > 0 and text[dot - 1] in ".!?":
        return True  # an ellipsis runs on
    word = _WORD_BEFORE_DOT.search(text, max(0, dot - 12), dot)
    return word is None or len(word.group(1)) < 2 or "." in word.group(1)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without leading and trailing whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _split_sentences(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    pos = start
    for m in _BOUNDARY.finditer(text, start, end):
        if (
            text[m.start()] == "."
            and m.end() - m.start() >= 1
            and _is_abbreviation(text, m.start())
        ):
            continue
        if m.group("lower") and _lower_start(text, m.start(), m.end()):
            continue
        s, e = trim(text, pos, m.end())
        if e > s:
            yield s, e
        pos = m.end()
    s, e = trim(text, pos, end)
    if e > s:
        yield s, e


def _split_at(
    text: str, start: int, end: int, pattern: re.Pattern[str], keep_mark: bool
) -> list[tuple[int, int]]:
    """Split ``[start, end)`` at ``pattern`` where both sides keep at least 5 words."""
    # word starts, to count the words on each side by bisection: a ``.split()`` per match
    # made long units quadratic
    starts = [m.start() for m in _NON_SPACE.finditer(text, start, end)]
    total = len(starts)
    parts: list[tuple[int, int]] = []
    pos = start
    for m in pattern.finditer(text, start, end):
        before = bisect_left(starts, m.start()) - bisect_left(starts, pos)
        after = total - bisect_left(starts, m.end())
        if before >= 5 and after >= 5:
            cut = m.start() + 1 if keep_mark and text[m.start()] in ";:；：，、" else m.start()
            parts.append(trim(text, pos, cut))
            pos = m.end()
    parts.append(trim(text, pos, end))
    return [p for p in parts if p[1] > p[0]]


def _chunks(text: str, start: int, end: int, max_words: int) -> list[tuple[int, int]]:
    """Cut ``[start, end)`` into runs of at most ``max_words`` words, at word boundaries."""
    words = [m.span() for m in _NON_SPACE.finditer(text[start:end])]
    n = -(-len(words) // max_words)  # as many chunks as needed, of even size
    size = -(-len(words) // n)
    return [
        (start + words[k][0], start + words[min(k + size, len(words)) - 1][1])
        for k in range(0, len(words), size)
    ]


def _split_clauses(text: str, start: int, end: int, max_words: int) -> list[tuple[int, int]]:
    """Split a unit of more than ``max_words`` words: at ``;`` ``:``, spaced dashes or a space
    between characters of a script written without spaces, then at
    line breaks, then into even runs of words (web text has "sentences" of hundreds of words,
    and a unit much longer than a reused passage hides it)."""
    if _word_count(text, start, end) <= max_words:
        return [(start, end)]
    out: list[tuple[int, int]] = []
    for s, e in _split_at(text, start, end, _CLAUSE, keep_mark=True):
        if _word_count(text, s, e) <= max_words:
            out.append((s, e))
            continue
        for s2, e2 in _split_at(text, s, e, _LINE, keep_mark=False):
            if _word_count(text, s2, e2) <= max_words:
                out.append((s2, e2))
            else:
                out.extend(_chunks(text, s2, e2, max_words))
    return out


def segment(
    norm: Normalized, regions: Iterable[Span], max_unit_words: int
) -> tuple[Segment, ...]:
    """Segments of the original text inside ``regions`` (original offsets), in text order."""
    text = norm.text
    segments: list[Segment] = []
    paragraph = 0
    last_end = 0
    for region in regions:
        r_start, r_end = norm.to_normalized(region.start), norm.to_normalized(region.end)
        if "\n" in text[last_end:r_start]:
            paragraph += 1
        pos = r_start
        blocks = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text, r_start, r_end)]
        for b_start, b_end in [*blocks, (r_end, r_end)]:
            for s, e in _split_sentences(text, pos, b_start):
                for cs, ce in _split_clauses(text, s, e, max_unit_words):
                    if any(c.isalnum() for c in text[cs:ce]):
                        segments.append(Segment(norm.to_original(cs, ce), paragraph))
            if b_start < r_end:
                paragraph += 1
            pos = b_end
        last_end = r_end
    return tuple(segments)

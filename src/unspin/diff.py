"""Edits: inside each aligned passage, a token-level diff turned into typed edits.

rapidfuzz computes the Levenshtein opcodes over lowercase tokens; what is ours is the typing:
moved blocks become ``reorder`` edits, the rest ``synonym`` / ``substitution`` / ``insertion`` /
``deletion`` / ``punctuation``, and edits that change facts are flagged ``meaning_change`` with a
reason (an entity or nationality swapped, a number changed, negation added or removed, a direct
quotation altered, an antonym).
"""

from __future__ import annotations

import bisect
import contextlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from rapidfuzz.distance import Indel

from ._types import Edit, EditKind, Passage, Span
from .fingerprint import NEGATIONS, STOPWORDS, stem
from .lexicon import Lexicon, shared_lexicon
from .prepared import PreparedText
from .text.language import CAPITALISED_NOUNS, in_english
from .text.normalize import Token

_NUMBER_WORDS = frozenset(
    [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "thousand",
        "million",
        "billion",
        "trillion",
        "half",
        "dozen",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
    ]
)


@dataclass
class _Tok:
    token: Token
    initial: bool  # first word of its unit: capitalisation says nothing there
    quote: int  # index of the quotation it is inside, -1 if none
    moved: bool = False

    @property
    def key(self) -> str:
        return self.token.lower


_SUPERLATIVES = frozenset(["most", "least", "best", "worst", "first", "last", "only"])
_SINCE = frozenset(["since", "ever", "yet", "before"])


def _is_negation(word: str) -> bool:
    return word in NEGATIONS or word.endswith("n't")


def _is_number(word: str) -> bool:
    return (
        word[0].isdigit()
        or word in _NUMBER_WORDS
        or _cjk_value(word.removesuffix("%").removesuffix("％")) is not None
    )


# Chinese and Japanese numerals: digits, the multipliers within a myriad, the myriads, and
# the decimal point 点 (Japanese also writes the point as ・)
_CJK_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
               "六": 6, "七": 7, "八": 8, "九": 9}
_CJK_UNITS = {"十": 10, "百": 100, "千": 1000}
_CJK_MYRIADS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "兆": 10**12}
_CJK_POINTS = "点點・"
_CJK_NUMERAL = frozenset([*_CJK_DIGITS, *_CJK_UNITS, *_CJK_MYRIADS, *_CJK_POINTS])


def _cjk_integer(s: str) -> int | None:
    """The value of a Chinese or Japanese integer (四十二, 一百零五, 三万五千, 二〇二四)."""
    if s and all(c in _CJK_DIGITS for c in s):
        return int("".join(str(_CJK_DIGITS[c]) for c in s))  # digit by digit: 二〇二四
    total = section = digit = 0
    for c in s:
        if c in _CJK_DIGITS:
            digit = _CJK_DIGITS[c]
        elif c in _CJK_UNITS:
            section += (digit or 1) * _CJK_UNITS[c]
            digit = 0
        elif c in _CJK_MYRIADS:
            total += (section + digit) * _CJK_MYRIADS[c]
            section = digit = 0
        else:
            return None
    return total + section + digit


def _cjk_value(word: str) -> str | None:
    """The value of a numeral written in Chinese or Japanese characters (四点九 is 4.9), or
    None for a word that is not one. A lone 一, 十 or 万 is left alone: it is as often part of
    a word (一样, 十分, 万一)."""
    if (len(word) < 2 and word not in "二三四五六七八九两〇零") or not set(word) <= _CJK_NUMERAL:
        return None
    whole, point, fraction = word.partition(next((p for p in _CJK_POINTS if p in word), "\0"))
    value = _cjk_integer(whole) if whole else 0
    if value is None or (point and not all(c in _CJK_DIGITS for c in fraction)):
        return None
    if not point:
        return str(value)
    return f"{value}." + "".join(str(_CJK_DIGITS[c]) for c in fraction)


_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def _values(words: list[_Tok]) -> list[str]:
    """The numbers among ``words`` as values, so that one number written two ways is not a
    change: thousands separators dropped (1,200 and 1200; 40,582 and 40 582, which the
    tokeniser splits in two), a decimal comma read as a point (5,3), a percent sign dropped
    (35% and 35 percent)."""
    out: list[str] = []
    end = -2
    for t in words:
        n = t.key
        if not _is_number(n):
            end = -2
            continue
        n = n.removesuffix("%").removesuffix("％")
        n = _cjk_value(n) or n
        myriad = _CJK_MYRIADS.get(n[-1], 1) if len(n) > 1 and n[0].isdigit() else 1
        if myriad > 1:
            n = n[:-1]
        if _THOUSANDS.fullmatch(n):
            n = n.replace(",", "")
        elif n.count(",") == 1 and n.replace(",", "").isdigit():
            n = n.replace(",", ".")
        if myriad > 1:
            with contextlib.suppress(InvalidOperation):
                n = format((Decimal(n) * myriad).normalize(), "f")
        grouped = t.token.span.start == end + 1 and len(n) == 3 and n.isdigit()
        if grouped and out and out[-1].isdigit() and len(out[-1]) <= 3:
            out[-1] += n  # a group of thousands after a space: 40 582
        else:
            out.append(n)
        end = t.token.span.end
    return out


def _is_capitalised(t: _Tok) -> bool:
    w = t.token.text
    return t.token.is_word and w[0].isupper() and not t.initial and w.lower() not in STOPWORDS


def _touching(unit: Sequence[Token], j: int) -> bool:
    """Whether token ``j`` of a unit has a next one, written right after it."""
    return j + 1 < len(unit) and unit[j].span.end == unit[j + 1].span.start


def _joined_numbers(unit: Sequence[Token]) -> list[Token]:
    """The tokens of a unit with each number written with a decimal point, thousands
    separators or a percent sign (``5.3``, ``1,200,000``, ``12%``), and each written in
    Chinese or Japanese numerals or with a myriad (``四点九``, ``1,400万``), as one token: the
    tokeniser splits them at the marks and characters, and 5.3 → 6.1 is one number changed,
    not two."""
    out: list[Token] = []
    k = 0
    while k < len(unit):
        t = unit[k]
        j = k
        if t.text[0].isdigit():
            while (
                j + 2 < len(unit)
                and unit[j + 1].text in (".", ",")
                and unit[j + 2].text[0].isdigit()
                and unit[j].span.end == unit[j + 1].span.start
                and unit[j + 1].span.end == unit[j + 2].span.start
            ):
                j += 2
            if _touching(unit, j) and unit[j + 1].text in _CJK_MYRIADS:
                j += 1  # 1,400万
        elif t.text in _CJK_NUMERAL:
            while _touching(unit, j) and unit[j + 1].text in _CJK_NUMERAL:
                j += 1  # 四点九, one token per character
        if (t.text[0].isdigit() or j > k) and _touching(unit, j) and unit[j + 1].text in "%％":
            j += 1
        if j == k:
            out.append(t)
        else:
            run = unit[k : j + 1]
            out.append(
                Token(
                    "".join(x.text for x in run),
                    Span(t.span.start, run[-1].span.end),
                    t.norm_start,
                    run[-1].norm_end,
                )
            )
        k = j + 1
    return out


def _annotate(units: Sequence[Sequence[Token]]) -> tuple[list[_Tok], list[str]]:
    """Flatten the tokens of some units, marking sentence-initial words and quotations."""
    toks: list[_Tok] = []
    quotes: list[str] = []
    for unit in map(_joined_numbers, units):
        first_word = True
        open_at = -1
        unit_toks: list[_Tok] = []
        for t in unit:
            if t.text == '"':
                if open_at < 0:
                    open_at = len(unit_toks) + 1
                else:
                    inner = unit_toks[open_at:]
                    if inner:
                        q = len(quotes)
                        quotes.append(" ".join(x.token.text for x in inner))
                        for x in inner:
                            x.quote = q
                    open_at = -1
                unit_toks.append(_Tok(t, False, -1))
                continue
            unit_toks.append(_Tok(t, first_word and t.is_word, -1))
            if t.is_word:
                first_word = False
        toks.extend(unit_toks)
    return toks, quotes


def _hull(toks: Sequence[_Tok]) -> Span:
    return Span(toks[0].token.span.start, toks[-1].token.span.end)


# token comparisons spent looking for moved blocks in one diff, past which the rest of the
# changes are reported as they are (deleted here, inserted there): the search compares every
# pair of positions once per block found, which grows with the cube of a unit group's length
_MOVE_BUDGET = 200_000


def _find_moves(
    runs_a: list[list[_Tok]], runs_b: list[list[_Tok]]
) -> list[tuple[list[_Tok], list[_Tok]]]:
    """Blocks deleted in one place and inserted in another: longest common runs first
    (within ``_MOVE_BUDGET`` comparisons)."""
    moves: list[tuple[list[_Tok], list[_Tok]]] = []
    keys_a = [[t.key for t in ra] for ra in runs_a]
    keys_b = [[t.key for t in rb] for rb in runs_b]
    # where each key is in each run of b: a block can only start where the keys agree
    where_b: list[dict[str, list[int]]] = []
    for kb in keys_b:
        found: dict[str, list[int]] = {}
        for j, k in enumerate(kb):
            found.setdefault(k, []).append(j)
        where_b.append(found)
    spent = 0
    while True:
        best: tuple[int, list[_Tok], list[_Tok]] | None = None
        for ra, ka in zip(runs_a, keys_a, strict=True):
            for rb, kb, found in zip(runs_b, keys_b, where_b, strict=True):
                for i, key in enumerate(ka):
                    if ra[i].moved:
                        continue
                    for j in found.get(key, ()):
                        n = 0
                        while (
                            i + n < len(ra)
                            and j + n < len(rb)
                            and not ra[i + n].moved
                            and not rb[j + n].moved
                            and ka[i + n] == kb[j + n]
                        ):
                            n += 1
                        spent += n + 1
                        if best is not None and n <= best[0]:
                            continue
                        block = ra[i : i + n]
                        if any(x.token.is_word and x.key not in STOPWORDS for x in block):
                            best = (n, block, rb[j : j + n])
                    if spent > _MOVE_BUDGET:
                        break
        if best is None:
            return moves
        _, block_a, block_b = best
        for x in (*block_a, *block_b):
            x.moved = True
        moves.append((block_a, block_b))
        if spent > _MOVE_BUDGET:
            return moves


class EditTyper:
    """Types the differences of aligned units; holds the lexicon so it loads once."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon if lexicon is not None else shared_lexicon()

    def _word_relation(self, a: str, b: str) -> str:
        if not self.lexicon.available:
            return "substitution"
        if self.lexicon.are_antonyms(a, b):
            return "antonym"
        if stem(a) == stem(b) or self.lexicon.same_lemma(a, b) or self.lexicon.are_synonyms(a, b):
            return "synonym"
        return "substitution"

    def _meaning_change(
        self,
        a_toks: list[_Tok],
        b_toks: list[_Tok],
        quotes_a: list[str],
        negation_changed: bool,
        names_capitalised: bool = True,
    ) -> str | None:
        words_a = [t for t in a_toks if t.token.is_word]
        words_b = [t for t in b_toks if t.token.is_word]
        caps_a = [t.token.text for t in words_a if _is_capitalised(t)] if names_capitalised else []
        caps_b = [t.token.text for t in words_b if _is_capitalised(t)] if names_capitalised else []
        if caps_a and caps_b and {c.lower() for c in caps_a} != {c.lower() for c in caps_b}:
            if not any(
                self._word_relation(x.lower(), y.lower()) == "synonym"
                and stem(x.lower()) == stem(y.lower())
                for x in caps_a
                for y in caps_b
            ):
                return f"named entity changed: {' '.join(caps_a)} → {' '.join(caps_b)}"
        nums_a = [t.key for t in words_a if _is_number(t.key)]
        nums_b = [t.key for t in words_b if _is_number(t.key)]
        if nums_a and nums_b and sorted(_values(words_a)) != sorted(_values(words_b)):
            return f"number changed: {' '.join(nums_a)} → {' '.join(nums_b)}"
        if negation_changed and any(_is_negation(t.key) for t in (*words_a, *words_b)):
            side = "removed" if any(_is_negation(t.key) for t in words_a) else "added"
            return f"negation {side}"
        quoted = sorted({t.quote for t in a_toks if t.quote >= 0})
        if quoted and any(t.key not in STOPWORDS for t in (*words_a, *words_b)):
            return "direct quotation altered: " + "; ".join(f'"{quotes_a[q]}"' for q in quoted)
        if len(words_a) == 1 and len(words_b) == 1:
            if self._word_relation(words_a[0].key, words_b[0].key) == "antonym":
                return f"antonym: {words_a[0].token.text} → {words_b[0].token.text}"
        return None

    def _kind(self, a_toks: list[_Tok], b_toks: list[_Tok]) -> EditKind:
        words_a = [t.key for t in a_toks if t.token.is_word]
        words_b = [t.key for t in b_toks if t.token.is_word]
        if not words_a and not words_b:
            return "punctuation"
        if not words_a:
            return "insertion"
        if not words_b:
            return "deletion"
        content_a = [w for w in words_a if w not in STOPWORDS] or words_a
        content_b = [w for w in words_b if w not in STOPWORDS] or words_b
        if len(content_a) == len(content_b) and all(
            self._word_relation(x, y) == "synonym"
            for x, y in zip(content_a, content_b, strict=True)
        ):
            return "synonym"
        return "substitution"

    def _negations(self, toks: Sequence[_Tok]) -> int:
        """The negations among ``toks``, a superlative before "since", "ever", "yet" or
        "before" counted as one: "the highest level since 2008" says that no level was
        higher since, as "a level not seen since 2008" does (superlatives are negative
        contexts, which is why "ever" may follow them), so rewording one as the other
        changes no polarity."""
        count = 0
        superlative = False
        for t in toks:
            key = t.key
            if _is_negation(key):
                count += 1
            elif key in _SUPERLATIVES or (
                key.endswith("est")
                and len(key) > 4
                and any(pos == "a" and lemma != key for lemma, pos in self.lexicon.lemmas(key))
            ):
                superlative = True
            elif superlative and key in _SINCE:
                count += 1
                superlative = False
        return count

    def unit_edits(
        self,
        units_a: Sequence[Sequence[Token]],
        units_b: Sequence[Sequence[Token]],
        passage: int,
        names_capitalised: bool = True,
        english: bool = True,
    ) -> list[Edit]:
        """Typed edits turning the tokens of ``units_a`` into those of ``units_b``.
        ``names_capitalised``: whether a capital marks a name (not in German, where every
        noun has one); ``english``: whether both texts are in English, where negation
        words are read."""
        ta, quotes_a = _annotate(units_a)
        tb, _ = _annotate(units_b)
        if not ta or not tb:
            return []
        ops = _changed_blocks([t.key for t in ta], [t.key for t in tb])
        moves = _find_moves(
            [ta[a0:a1] for a0, a1, _, _ in ops if a1 > a0],
            [tb[b0:b1] for _, _, b0, b1 in ops if b1 > b0],
        )
        neg_a = self._negations(ta)
        neg_b = self._negations(tb)
        negation_changed = english and (neg_a == 0) != (neg_b == 0)
        text_of = " ".join
        edits: list[Edit] = []
        for block_a, block_b in moves:
            edits.append(
                Edit(
                    "reorder",
                    _hull(block_a),
                    _hull(block_b),
                    text_of(t.token.text for t in block_a),
                    text_of(t.token.text for t in block_b),
                    passage,
                )
            )
        for op in ops:
            a_toks = [t for t in ta[op[0] : op[1]] if not t.moved]
            b_toks = [t for t in tb[op[2] : op[3]] if not t.moved]
            if not a_toks and not b_toks:
                continue
            a_span = _hull(a_toks) if a_toks else _insertion_point(ta, op[0])
            b_span = _hull(b_toks) if b_toks else _insertion_point(tb, op[2])
            kind = self._kind(a_toks, b_toks)
            reason = (
                None
                if kind == "punctuation"
                else self._meaning_change(
                    a_toks, b_toks, quotes_a, negation_changed, names_capitalised
                )
            )
            edits.append(
                Edit(
                    kind,
                    a_span,
                    b_span,
                    text_of(t.token.text for t in a_toks),
                    text_of(t.token.text for t in b_toks),
                    passage,
                    meaning_change=reason is not None,
                    reason=reason,
                )
            )
        return sorted(edits, key=lambda e: (e.a.start, e.b.start))


def _changed_blocks(a: list[str], b: list[str]) -> list[tuple[int, int, int, int]]:
    """Changed ``(a_start, a_end, b_start, b_end)`` blocks of an LCS diff, where a deletion
    next to an insertion is one replacement (LCS keeps more words aligned than Levenshtein
    when a spinner replaces one word by two)."""
    blocks: list[tuple[int, int, int, int]] = []
    for op in Indel.opcodes(a, b):
        if op.tag == "equal":
            continue
        if blocks and blocks[-1][1] == op.src_start and blocks[-1][3] == op.dest_start:
            a0, _, b0, _ = blocks[-1]
            blocks[-1] = (a0, op.src_end, b0, op.dest_end)
        else:
            blocks.append((op.src_start, op.src_end, op.dest_start, op.dest_end))
    return blocks


def _insertion_point(toks: Sequence[_Tok], index: int) -> Span:
    pos = toks[index].token.span.start if index < len(toks) else toks[-1].token.span.end
    return Span(pos, pos)


def passage_edits(
    typer: EditTyper,
    a: PreparedText,
    b: PreparedText,
    passages: Sequence[Passage],
) -> list[Edit]:
    """Edits of every passage: per match (sentence pair), plus units the other side dropped."""
    starts_a = [s.span.start for s in a.doc.segments]
    starts_b = [s.span.start for s in b.doc.segments]
    names_capitalised = not passages or not ({a.language(), b.language()} & CAPITALISED_NOUNS)
    # negation words are read in English only: elsewhere a negation is no sign of a change
    english = not passages or in_english(a.language(), b.language())
    edits: list[Edit] = []
    for p_index, passage in enumerate(passages):
        # group matches sharing a unit (sentence splits/merges) so each group is diffed once
        groups: list[tuple[set[int], set[int]]] = []
        for m in passage.matches:
            # a match may be trimmed at a passage's edge: find the unit it lies in
            i = bisect.bisect_right(starts_a, m.a.start) - 1
            j = bisect.bisect_right(starts_b, m.b.start) - 1
            for ga, gb in groups:
                if i in ga or j in gb:
                    ga.add(i)
                    gb.add(j)
                    break
            else:
                groups.append(({i}, {j}))
        matched_a = set().union(*(g[0] for g in groups)) if groups else set()
        matched_b = set().union(*(g[1] for g in groups)) if groups else set()
        for ga, gb in groups:
            edits.extend(
                typer.unit_edits(
                    [a.tokens[i] for i in sorted(ga)],
                    [b.tokens[j] for j in sorted(gb)],
                    p_index,
                    names_capitalised,
                    english,
                )
            )
        for i in range(min(matched_a), max(matched_a) + 1):
            if i not in matched_a:
                span = a.doc.segments[i].span
                edits.append(
                    Edit(
                        "deletion",
                        span,
                        Span(passage.b.start, passage.b.start),
                        span.of(a.doc.text),
                        "",
                        p_index,
                    )
                )
        for j in range(min(matched_b), max(matched_b) + 1):
            if j not in matched_b:
                span = b.doc.segments[j].span
                edits.append(
                    Edit(
                        "insertion",
                        Span(passage.a.start, passage.a.start),
                        span,
                        "",
                        span.of(b.doc.text),
                        p_index,
                    )
                )
    return sorted(edits, key=lambda e: (e.passage, e.a.start, e.b.start))

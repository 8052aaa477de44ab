"""Tests of unspin.text: decoding, offset-keeping normalisation, tokens, boilerplate, segments."""

from __future__ import annotations

import codecs
import random
from importlib.resources import files
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from unspin import Document, Span
from unspin.config import DEFAULT_CONFIG
from unspin.errors import InputError, UnspinError
from unspin.text import decode_bytes, make_document, normalize, read_text
from unspin.text.normalize import (
    UnitTokens,
    normalize_reference,
    token_texts,
    tokenize,
    word_count,
    words,
)

SEED_000 = (files("unspin") / "demo" / "seed_000_syndicated.txt").read_text(encoding="utf-8")

# characters the normaliser treats specially, mixed into generated text
SPECIALS = [
    "\u201c",  # “
    "\u201d",  # ”
    "\u2018",  # ‘
    "\u2019",  # ’
    "\u00ab",  # «
    "\u00bb",  # »
    "\u201e",  # „
    "\u2013",  # –
    "\u2014",  # —
    "\u2212",  # −
    "\u2026",  # …
    "\u00a0",  # NBSP
    "\u00ad",  # soft hyphen
    "\u200b",  # zero-width space
    "\ufeff",  # BOM / ZWNBSP
    "\ufb01",  # ﬁ
    "\ufb02",  # ﬂ
    "\x19",  # mis-decoded ’
    "\x13",  # mis-decoded –
    "\x1c",  # mis-decoded “ (also str.isspace()!)
    "\x92",
    "\x93",
    "\x94",
    "\x85",  # NEL
    "\u2028",
    "\t",
    "\r",
    "\n",
    " ",
    ".",
    ",",
    "!",
    "?",
    "'",
    '"',
    "-",
    "`",
]
typo_text = st.text(
    alphabet=st.one_of(
        st.sampled_from(SPECIALS),
        st.sampled_from("abcXYZ019"),
        st.characters(codec="utf-8"),
    ),
    max_size=80,
)


def assert_one_line_input_error(exc: pytest.ExceptionInfo[InputError]) -> str:
    message = str(exc.value)
    assert message
    assert "\n" not in message and "\r" not in message
    return message


# --------------------------------------------------------------------------- decode_bytes


class TestDecodeBytes:
    TEXT = "Café “quoted” – naïve 10€ résumé.\nSecond line."

    def test_utf8(self) -> None:
        assert decode_bytes(self.TEXT.encode("utf-8")) == self.TEXT

    def test_utf8_bom_is_dropped(self) -> None:
        text = decode_bytes(codecs.BOM_UTF8 + self.TEXT.encode("utf-8"))
        assert text == self.TEXT
        assert not text.startswith("\ufeff")

    @pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
    def test_utf16_with_bom(self, encoding: str) -> None:
        bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
        text = decode_bytes(bom + self.TEXT.encode(encoding))
        assert text == self.TEXT

    def test_utf16_native_bom(self) -> None:
        assert decode_bytes(self.TEXT.encode("utf-16")) == self.TEXT

    @pytest.mark.parametrize("encoding", ["utf-32-le", "utf-32-be"])
    def test_utf32_with_bom(self, encoding: str) -> None:
        bom = codecs.BOM_UTF32_LE if encoding.endswith("le") else codecs.BOM_UTF32_BE
        assert decode_bytes(bom + self.TEXT.encode(encoding)) == self.TEXT

    @pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
    def test_utf16_without_bom_ascii_heavy(self, encoding: str) -> None:
        text = "The committee met on Tuesday to discuss the budget.\nIt agreed on nothing."
        assert decode_bytes(text.encode(encoding)) == text

    def test_cp1252_fallback(self) -> None:
        assert decode_bytes(b"caf\xe9 \x93quoted\x94") == "café “quoted”"

    def test_cp1252_smart_punctuation(self) -> None:
        data = b"He said \x93no\x94 \x96 it\x92s over\x85"
        assert decode_bytes(data) == "He said “no” – it’s over…"

    def test_empty_is_error(self) -> None:
        with pytest.raises(InputError) as exc:
            decode_bytes(b"", "empty.txt")
        assert "empty.txt" in assert_one_line_input_error(exc)

    def test_whitespace_only_is_error(self) -> None:
        with pytest.raises(InputError) as exc:
            decode_bytes(b"  \n\t\r\n  ", "blank.txt")
        assert "blank.txt" in assert_one_line_input_error(exc)

    def test_nul_laden_binary_is_error(self) -> None:
        png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
        with pytest.raises(InputError) as exc:
            decode_bytes(png, "image.png")
        message = assert_one_line_input_error(exc)
        assert "image.png" in message and "binary" in message

    def test_random_bytes_are_error(self) -> None:
        data = random.Random(1234).randbytes(8192)
        with pytest.raises(InputError) as exc:
            decode_bytes(data, "noise.bin")
        assert "noise.bin" in assert_one_line_input_error(exc)

    def test_random_bytes_without_nul_are_error(self) -> None:
        data = bytes(b for b in random.Random(99).randbytes(8192) if b)
        with pytest.raises(InputError) as exc:
            decode_bytes(data, "noise.bin")
        assert_one_line_input_error(exc)

    def test_control_heavy_text_is_binary(self) -> None:
        data = bytes(range(1, 32)) * 20 + b"some words"
        with pytest.raises(InputError) as exc:
            decode_bytes(data)
        assert "binary" in assert_one_line_input_error(exc)

    def test_undecodable_is_error(self) -> None:
        # bytes that are neither UTF-8 nor cp1252 (0x81 0x8D 0x8F 0x90 0x9D are unassigned)
        with pytest.raises(InputError) as exc:
            decode_bytes(b"\x81\x8d\x8f\x90\x9d" * 100, "bad.txt")
        message = assert_one_line_input_error(exc)
        assert "bad.txt" in message and "offset" in message

    def test_invalid_after_bom_is_error(self) -> None:
        with pytest.raises(InputError) as exc:
            decode_bytes(codecs.BOM_UTF8 + b"abc \xff\xfe def", "bom.txt")
        assert "bom.txt" in assert_one_line_input_error(exc)

    @given(st.binary(max_size=300))
    @settings(max_examples=300, deadline=None)
    def test_any_bytes_decode_or_input_error(self, data: bytes) -> None:
        """Whatever the bytes, the result is text or an InputError: never another exception."""
        try:
            text = decode_bytes(data, "x")
        except InputError as exc:
            assert "\n" not in str(exc)
        else:
            assert isinstance(text, str) and text.strip()
            assert "\x00" not in text

    @given(st.text(min_size=1).filter(lambda s: s.strip() and "\x00" not in s))
    @settings(max_examples=200, deadline=None)
    def test_utf8_round_trip(self, text: str) -> None:
        """Valid UTF-8 prose comes back unchanged (a leading U+FEFF is read as a BOM)."""
        expected = text.removeprefix("\ufeff")
        controls = sum(1 for c in expected if ord(c) < 32 and c not in "\t\n\r\f\v")
        refused = not expected.strip() or controls > max(8, len(expected[:65536]) // 50)
        if refused:
            with pytest.raises(InputError):
                decode_bytes(text.encode("utf-8"))
        else:
            assert decode_bytes(text.encode("utf-8")) == expected


# --------------------------------------------------------------------------- read_text


class TestReadText:
    def test_reads_file(self, tmp_path: Path) -> None:
        path = tmp_path / "a.txt"
        path.write_bytes("héllo world".encode())
        assert read_text(path, 1000) == (str(path), "héllo world")

    def test_missing_path(self, tmp_path: Path) -> None:
        path = tmp_path / "nope.txt"
        with pytest.raises(InputError) as exc:
            read_text(path, 1000)
        assert str(path) in assert_one_line_input_error(exc)

    def test_directory(self, tmp_path: Path) -> None:
        with pytest.raises(InputError) as exc:
            read_text(tmp_path, 1000)
        message = assert_one_line_input_error(exc)
        assert str(tmp_path) in message and "directory" in message

    def test_over_max_bytes(self, tmp_path: Path) -> None:
        path = tmp_path / "big.txt"
        path.write_text("word " * 300, encoding="utf-8")
        with pytest.raises(InputError) as exc:
            read_text(path, 1000)
        message = assert_one_line_input_error(exc)
        assert str(path) in message and "limit" in message

    def test_exactly_max_bytes_is_fine(self, tmp_path: Path) -> None:
        path = tmp_path / "ok.txt"
        path.write_text("x" * 1000, encoding="utf-8")
        assert read_text(path, 1000)[1] == "x" * 1000

    def test_empty_file(self, tmp_path: Path) -> None:
        path = tmp_path / "empty.txt"
        path.write_bytes(b"")
        with pytest.raises(InputError) as exc:
            read_text(path, 1000)
        assert str(path) in assert_one_line_input_error(exc)

    def test_errors_are_unspin_errors(self, tmp_path: Path) -> None:
        with pytest.raises(UnspinError):
            read_text(tmp_path / "missing", 10)


# --------------------------------------------------------------------------- normalize


class TestNormalize:
    @given(st.one_of(typo_text, st.text()))
    @settings(max_examples=500, deadline=None)
    def test_fast_path_equals_reference(self, original: str) -> None:
        fast, slow = normalize(original), normalize_reference(original)
        assert fast.text == slow.text
        assert list(fast.origin) == list(slow.origin)
        assert fast.ends == slow.ends and fast.manipulation == slow.manipulation

    @given(typo_text)
    @settings(max_examples=400, deadline=None)
    def test_origin_map_is_monotone_and_in_range(self, original: str) -> None:
        norm = normalize(original)
        assert norm.original == original
        assert len(norm.origin) == len(norm.text)
        assert all(0 <= o < len(original) for o in norm.origin)
        assert all(a <= b for a, b in pairwise(norm.origin))

    @given(typo_text, st.data())
    @settings(max_examples=400, deadline=None)
    def test_any_normalised_range_maps_to_a_valid_span(
        self, original: str, data: st.DataObject
    ) -> None:
        norm = normalize(original)
        n = len(norm.text)
        assume(n > 0)
        i = data.draw(st.integers(0, n - 1), label="i")
        j = data.draw(st.integers(i + 1, n), label="j")
        span = norm.to_original(i, j)
        assert isinstance(span, Span)
        assert 0 <= span.start < span.end <= len(original)
        # the span covers exactly the original characters of the normalised ones
        assert span.start == norm.origin[i] and span.end == norm.origin[j - 1] + 1
        assert norm.to_normalized(span.start) <= i

    @given(typo_text)
    @settings(max_examples=200, deadline=None)
    def test_every_range_in_small_texts(self, original: str) -> None:
        norm = normalize(original)
        n = len(norm.text)
        for i in range(min(n, 20)):
            for j in range(i + 1, min(n, 20) + 1):
                span = norm.to_original(i, j)
                assert 0 <= span.start < span.end <= len(original)
        # empty ranges are empty spans inside the text, including at the end
        for i in range(n + 1):
            empty = norm.to_original(i, i)
            assert len(empty) == 0 and empty.start <= len(original)

    @given(typo_text)
    @settings(max_examples=200, deadline=None)
    def test_normalised_text_is_plain(self, original: str) -> None:
        text = normalize(original).text
        for ch in "\u201c\u201d\u2018\u2019\u2013\u2014\u2026\u00a0\u00ad\u200b\ufb01\x19\x13\r\t":
            assert ch not in text

    def test_idempotent_on_ascii(self) -> None:
        text = 'He said "no" - it\'s over...\nNext line.'
        norm = normalize(text)
        assert norm.text == text
        assert list(norm.origin) == list(range(len(text)))

    def test_restores_space_before_and_after_curly_quotes(self) -> None:
        original = "kind of“peace” he"
        norm = normalize(original)
        assert 'kind of "peace" he' in norm.text
        start = norm.text.index("peace")
        span = norm.to_original(start, start + len("peace"))
        assert span.of(original) == "peace"
        quoted = norm.text.index('"peace"')
        assert norm.to_original(quoted, quoted + 7).of(original) == "“peace”"

    def test_space_after_closing_quote(self) -> None:
        original = "the“fire and fury”against them"
        norm = normalize(original)
        assert norm.text == 'the "fire and fury" against them'
        start = norm.text.index("against")
        assert norm.to_original(start, start + 7).of(original) == "against"

    def test_specific_mappings(self) -> None:
        original = "co\u00adoperate \ufb01ne\u00a0day \u2014 it\x19s \x13 end\u2026"
        norm = normalize(original)
        assert norm.text == "cooperate fine day - it's - end..."
        start = norm.text.index("fine")
        assert norm.to_original(start, start + 4).of(original) == "\ufb01ne"
        start = norm.text.index("cooperate")
        assert norm.to_original(start, start + 9).of(original) == "co\u00adoperate"
        dots = norm.text.index("...")
        assert norm.to_original(dots, dots + 3).of(original) == "\u2026"

    def test_newlines_are_kept(self) -> None:
        assert normalize("a\n\nb\r\nc").text == "a\n\nb \nc"


# --------------------------------------------------------------------------- tokenize


class TestTokenize:
    @given(typo_text)
    @settings(max_examples=400, deadline=None)
    def test_token_spans_normalise_back_to_token(self, original: str) -> None:
        norm = normalize(original)
        for token in tokenize(norm):
            piece = token.span.of(original)
            assert piece
            assert norm.text[token.norm_start : token.norm_end] == token.text
            renormalised = normalize(piece).text
            if "\u2026" in piece:
                # one … becomes three "." tokens, each mapped back to the whole …
                assert token.text in renormalised
            else:
                assert renormalised == token.text
            if token.text.isascii() and token.text.isalnum():
                # invisible characters (soft hyphen, zero-width) inside a word stay in its span
                visible = "".join(
                    c for c in piece if c not in "\u00ad\u200b\u200c\u200d\u2060\ufeff"
                )
                assert visible == token.text

    @given(
        st.lists(
            st.text(alphabet="abcdefghijKLMNOPQ0123456789", min_size=1, max_size=8),
            min_size=1,
            max_size=12,
        ),
        st.lists(st.sampled_from([" ", "  ", "\n", ", ", ". ", "“", "” ", "\u00a0"]), min_size=12),
    )
    @settings(max_examples=200, deadline=None)
    def test_ascii_words_equal_original_slice(self, words: list[str], seps: list[str]) -> None:
        original = "".join(w + s for w, s in zip(words, seps, strict=False))
        norm = normalize(original)
        tokens = [t for t in tokenize(norm) if t.is_word]
        assert [t.text for t in tokens] == words
        for token in tokens:
            assert token.span.of(original) == token.text

    def test_tokens_of_sentence(self) -> None:
        original = "It’s a “well-known” fact — isn’t it?"
        tokens = tokenize(normalize(original))
        assert [t.text for t in tokens] == [
            "It's",
            "a",
            '"',
            "well-known",
            '"',
            "fact",
            "-",
            "isn't",
            "it",
            "?",
        ]
        assert [t.span.of(original) for t in tokens] == [
            "It’s",
            "a",
            "“",
            "well-known",
            "”",
            "fact",
            "—",
            "isn’t",
            "it",
            "?",
        ]

    def test_tokenize_range(self) -> None:
        norm = normalize("one two three four")
        tokens = tokenize(norm, 4, 13)
        assert [t.text for t in tokens] == ["two", "three"]


# --------------------------------------------------------------------------- segments


WORDS = [
    "the",
    "Committee",
    "met",
    "on",
    "Tuesday",
    "Mr.",
    "Dr.",
    "U.S.",
    "J.",
    "e.g.",
    "don’t",
    "it's",
    "1,200",
    "3.5",
    "well-known",
    "“peace”",
    "‘fury’",
    "\ufb01nal",
    "co\u00adoperate",
    "Smith",
    "said",
    "Washington",
    "Ukraine",
    "BBC",
    "x",
    "I",
]
END_PUNCT = [".", "!", "?", "…", ".”", "?”", ".)", "", ";", ":"]
INNER_SEP = [" ", " ", " ", ", ", " – ", " — ", "; ", ": ", "\u00a0", " - ", "\t"]
PARA_SEP = ["\n\n", "\n", "\n \n", "\r\n\r\n", "\n\n\n"]


@st.composite
def prose(draw: st.DrawFn) -> str:
    paragraphs = []
    for _ in range(draw(st.integers(1, 4))):
        sentences = []
        for _ in range(draw(st.integers(1, 4))):
            n = draw(st.integers(1, 14))
            words = [draw(st.sampled_from(WORDS)) for _ in range(n)]
            if draw(st.booleans()):
                words[0] = words[0].capitalize()
            seps = [draw(st.sampled_from(INNER_SEP)) for _ in range(n - 1)]
            sentence = words[0] + "".join(s + w for s, w in zip(seps, words[1:], strict=True))
            sentences.append(sentence + draw(st.sampled_from(END_PUNCT)))
        joiner = draw(st.sampled_from([" ", "  ", "", "\n"]))
        paragraphs.append(joiner.join(sentences))
    # boilerplate-like lines mixed in, sometimes
    extras = draw(
        st.lists(
            st.sampled_from(
                [
                    "Tuesday, 02 January 2024 12:17 GMT",
                    "(AP) — ",
                    "MENAFN25042025000159011032ID1109474363",
                    "Legal Disclaimer:",
                    "Search",
                    "Share this",
                    "Copyright 2024 Example News. All rights reserved.",
                ]
            ),
            max_size=3,
        )
    )
    for extra in extras:
        k = draw(st.integers(0, len(paragraphs)))
        paragraphs.insert(k, extra.rstrip() if k else extra)
    seps = [draw(st.sampled_from(PARA_SEP)) for _ in paragraphs]
    lead = draw(st.sampled_from(["", " ", "\n", "\ufeff"]))
    return lead + "".join(p + s for p, s in zip(paragraphs, seps, strict=True))


def is_blank(ch: str) -> bool:
    """Whitespace as the normaliser sees it: U+001C/U+001D are str.isspace() but are read as
    mis-decoded curly quotes, so a segment may legitimately start or end on one."""
    return ch.isspace() and ch not in "\x1c\x1d"


def check_document_invariants(text: str, max_unit_words: int = 60) -> None:
    config = DEFAULT_CONFIG.with_overrides(max_unit_words=max_unit_words)
    doc = make_document("t", text, config)
    assert doc.text == text
    spans = [s.span for s in doc.segments]
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        piece = span.of(text)
        assert piece == text[span.start : span.end]
        assert not is_blank(text[span.start]), (text[span.start], piece)
        assert not is_blank(text[span.end - 1]), (text[span.end - 1], piece)
        assert any(c.isalnum() for c in piece)
        for b in doc.boilerplate:
            assert not span.overlaps(b.span), (piece, b)
    for left, right in pairwise(spans):
        assert left.end <= right.start
    paragraphs = [s.paragraph for s in doc.segments]
    assert paragraphs == sorted(paragraphs)
    bspans = [b.span for b in doc.boilerplate]
    assert bspans == sorted(bspans)
    for left, right in pairwise(bspans):
        assert left.end <= right.start
    for b in doc.boilerplate:
        assert 0 <= b.span.start < b.span.end <= len(text)
    for d in doc.dates:
        assert 0 <= d.span.start < d.span.end <= len(text)
        assert len(d.date) == 10 and d.date[4] == "-" and d.date[7] == "-"


class TestSegments:
    @given(prose())
    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    def test_segment_invariants_on_prose(self, text: str) -> None:
        check_document_invariants(text)

    @given(prose())
    @settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    def test_segment_invariants_with_clause_splitting(self, text: str) -> None:
        check_document_invariants(text, max_unit_words=6)

    @given(typo_text)
    @settings(max_examples=300, deadline=None)
    def test_segment_invariants_on_arbitrary_text(self, text: str) -> None:
        check_document_invariants(text)

    @given(prose())
    @settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    def test_segments_cover_all_body_words(self, text: str) -> None:
        """Every alphanumeric character outside boilerplate lies in some segment."""
        doc = make_document("t", text, DEFAULT_CONFIG)
        covered = [False] * len(text)
        for item in [*doc.segments, *doc.boilerplate]:
            for k in range(item.span.start, item.span.end):
                covered[k] = True
        missing = [k for k, c in enumerate(text) if c.isalnum() and not covered[k]]
        assert not missing, [text[k] for k in missing]

    def test_abbreviation_does_not_split(self) -> None:
        text = "Mr. Smith went to Washington. He left."
        doc = make_document("t", text, DEFAULT_CONFIG)
        assert [s.span.of(text) for s in doc.segments] == [
            "Mr. Smith went to Washington.",
            "He left.",
        ]

    def test_initials_do_not_split(self) -> None:
        text = "J. K. Rowling wrote it."
        doc = make_document("t", text, DEFAULT_CONFIG)
        assert [s.span.of(text) for s in doc.segments] == [text]

    def test_question_exclamation_and_quotes(self) -> None:
        text = 'Is it over? "Yes!" she said. (It was.) Then 2024 came.'
        doc = make_document("t", text, DEFAULT_CONFIG)
        assert [s.span.of(text) for s in doc.segments] == [
            "Is it over?",
            '"Yes!" she said.',
            "(It was.)",
            "Then 2024 came.",
        ]

    def test_curly_quote_sentence_end(self) -> None:
        text = "He said “yes.” Then he left."
        doc = make_document("t", text, DEFAULT_CONFIG)
        assert [s.span.of(text) for s in doc.segments] == ["He said “yes.”", "Then he left."]

    def test_numbered_no_is_an_abbreviation(self) -> None:
        text = "Say No. 5 is best. It won."
        doc = make_document("t", text, DEFAULT_CONFIG)
        assert [s.span.of(text) for s in doc.segments] == ["Say No. 5 is best.", "It won."]

    @pytest.mark.parametrize("text", ["The answer was no. He left.", "He said “no.” Then he left."])
    def test_sentence_ending_in_no(self, text: str) -> None:
        doc = make_document("t", text, DEFAULT_CONFIG)
        assert len(doc.segments) == 2

    @pytest.mark.parametrize(
        ("text", "units"),
        [
            # a wide gap (two spaces, a no-break space) ends a sentence before a lowercase word
            (
                "The film was a hit.  it ran for a year.",
                ["The film was a hit.", "it ran for a year."],
            ),
            ("The film was a hit.\u00a0 it ran.", ["The film was a hit.", "it ran."]),
            # one space does not: abbreviations and odd capitalisation are too common
            ("The film was a hit. it ran.", ["The film was a hit. it ran."]),
            ("It took approx.  five days.", ["It took approx.  five days."]),
            ("It grew in the U.S.  and abroad.", ["It grew in the U.S.  and abroad."]),
            ("It ran on...  and on.", ["It ran on...  and on."]),
        ],
    )
    def test_lowercase_sentence_start_after_a_wide_gap(self, text: str, units: list[str]) -> None:
        doc = make_document("t", text, DEFAULT_CONFIG)
        assert [s.span.of(text) for s in doc.segments] == units

    def test_paragraph_numbers(self) -> None:
        text = "First one. Second one.\n\nThird one.\n\n\nFourth one."
        doc = make_document("t", text, DEFAULT_CONFIG)
        assert [(s.span.of(text), s.paragraph) for s in doc.segments] == [
            ("First one.", 0),
            ("Second one.", 0),
            ("Third one.", 1),
            ("Fourth one.", 2),
        ]

    def test_long_sentence_is_split_into_clauses(self) -> None:
        text = (
            "The council approved the plan after a long debate on Monday evening; "
            "the mayor said the work would start in spring and end next year."
        )
        whole = make_document("t", text, DEFAULT_CONFIG)
        assert len(whole.segments) == 1
        split = make_document("t", text, DEFAULT_CONFIG.with_overrides(max_unit_words=15))
        assert [s.span.of(text) for s in split.segments] == [
            "The council approved the plan after a long debate on Monday evening;",
            "the mayor said the work would start in spring and end next year.",
        ]

    def test_long_run_without_punctuation_is_cut_at_lines_then_words(self) -> None:
        line = " ".join(f"word{k}" for k in range(30))
        text = f"{line}\n{line} {line}"
        doc = make_document("t", text, DEFAULT_CONFIG.with_overrides(max_unit_words=20))
        spans = [s.span.of(text) for s in doc.segments]
        assert spans[0] == " ".join(f"word{k}" for k in range(15))
        assert all(len(s.split()) <= 20 for s in spans)
        assert sum(len(s.split()) for s in spans) == 90


# --------------------------------------------------------------------------- seed 000


@pytest.fixture(scope="module")
def doc() -> Document:
    return make_document("seed_000", SEED_000, DEFAULT_CONFIG)


class TestSeed000:
    def test_boilerplate_reasons(self, doc: Document) -> None:
        reasons = {b.reason for b in doc.boilerplate}
        assert {
            "dateline",
            "syndication-marker",
            "id-line",
            "legal-disclaimer",
            "navigation",
        } <= reasons
        by_reason = {b.reason: b.span.of(SEED_000) for b in doc.boilerplate}
        assert by_reason["dateline"] == "Tuesday, 02 January 2024 12:17 GMT"
        assert by_reason["syndication-marker"].strip() == "(MENAFN- Asia Times)"
        assert by_reason["id-line"] == "MENAFN25042025000159011032ID1109474363"
        assert by_reason["navigation"] == "Search"
        disclaimer = [b for b in doc.boilerplate if b.reason == "legal-disclaimer"]
        assert disclaimer[0].span.of(SEED_000) == "Legal Disclaimer:"
        assert disclaimer[-1].span.of(SEED_000).startswith("MENAFN provides the information")

    def test_first_body_segment(self, doc: Document) -> None:
        # the headline is not boilerplate; the article body starts right after the marker
        marker = next(b for b in doc.boilerplate if b.reason == "syndication-marker")
        after = [s for s in doc.segments if s.span.start >= marker.span.end]
        assert after[0].span.of(SEED_000).startswith("Donald Trump says")
        assert after[0].span.start == marker.span.end
        before = [s for s in doc.segments if s.span.start < marker.span.start]
        assert [s.span.of(SEED_000) for s in before] == [
            "What Trump's North Korea Diplomacy Says About His Russia Strategy"
        ]

    def test_no_segment_overlaps_boilerplate(self, doc: Document) -> None:
        for s in doc.segments:
            for b in doc.boilerplate:
                assert not s.span.overlaps(b.span)
        assert not any("MENAFN" in s.span.of(SEED_000) for s in doc.segments)
        assert not any("warranty" in s.span.of(SEED_000) for s in doc.segments)

    def test_dates(self, doc: Document) -> None:
        found = {(d.date, d.source) for d in doc.dates}
        assert ("2024-01-02", "dateline") in found
        assert ("2025-04-25", "id-line") in found

    def test_invariants(self) -> None:
        check_document_invariants(SEED_000)
        check_document_invariants(SEED_000, max_unit_words=8)

    def test_curly_quote_segment_keeps_original_text(self, doc: Document) -> None:
        texts = [s.span.of(SEED_000) for s in doc.segments]
        assert any("kind of“peace” he" in t for t in texts)


ARTICLE = (
    "Castine is one of the oldest towns in North America. Its harbour changed hands many "
    "times between the French, the British and the Dutch. The fort on the hill was built in "
    "1779 and still stands above the bay. Visitors walk its walls every summer."
)


class TestLegalSmallPrint:
    def marked(self, text: str) -> list[str]:
        doc = make_document("t", text, DEFAULT_CONFIG)
        return [b.span.of(text) for b in doc.boilerplate if b.reason == "legal-disclaimer"]

    def test_a_disclaimer_link_does_not_swallow_the_article(self) -> None:
        text = f"Disclaimer\nHistory of Castine\n{ARTICLE}"
        assert self.marked(text) == ["Disclaimer"]
        doc = make_document("t", text, DEFAULT_CONFIG)
        assert any("oldest towns" in s.span.of(text) for s in doc.segments)

    def test_a_disclaimer_body_speaks_of_liability(self) -> None:
        body = "We accept no liability for the accuracy of this page."
        text = f"{ARTICLE}\n\nDisclaimer:\n{body}\nSee also our other pages."
        assert self.marked(text) == ["Disclaimer:", body]

    def test_a_page_run_into_its_footer_keeps_its_text(self) -> None:
        notice = "Copyright 2005-2008 by Law Blogs, LLC. All rights reserved."
        text = f"{ARTICLE} {notice}"
        assert self.marked(text) == [notice]

    def test_a_copyright_line_run_into_the_article(self) -> None:
        head = "Copyright 2009 The Castine Society. All rights reserved. "
        text = head + ARTICLE
        assert self.marked(text) == [head.strip()]

    def test_a_legal_notice_then_unfinished_text(self) -> None:
        head = (
            "Copyright 2009 The Castine Society. All rights reserved. No part of this page "
            "may be reproduced without written permission."
        )
        rest = (
            "Castine is one of the oldest towns in North America and its harbour changed hands "
            "between the French and the British and the Dutch"
        )
        assert self.marked(f"{head} {rest}") == [head]  # no closing mark: still the page's

    @pytest.mark.parametrize(
        "line",
        [
            "Copyright 2008 Example Press. All rights reserved.",
            "\u00a9 2024 Example Media",
            "Example Media Group, all rights reserved",
        ],
    )
    def test_a_short_notice_is_the_whole_line(self, line: str) -> None:
        assert self.marked(f"{ARTICLE}\n{line}") == [line]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.integers(0, 50), st.integers(0, 250))
def test_words_are_the_word_tokens(text: str, start: int, end: int) -> None:
    """``words`` (the index's fast path) finds exactly the word tokens ``tokenize`` finds."""
    norm = normalize(text)
    end = min(end, len(norm.text))
    start = min(start, end)
    assert words(norm, start, end) == [t.text for t in tokenize(norm, start, end) if t.is_word]
    assert word_count(norm, start, end) == len(words(norm, start, end))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.lists(st.integers(0, 250), max_size=8))
def test_unit_tokens_are_tokenize_per_unit(text: str, cuts: list[int]) -> None:
    """``UnitTokens`` (the aligner's lazy tokens) and ``token_texts`` give exactly what
    ``tokenize`` gives for each unit, in any order of access, slices and negative indices
    included."""
    norm = normalize(text)
    edges = sorted({0, len(norm.text), *(min(c, len(norm.text)) for c in cuts)})
    bounds = list(pairwise(edges))
    lazy = UnitTokens(norm, bounds)
    want = [tokenize(norm, start, end) for start, end in bounds]
    assert len(lazy) == len(want)
    for k in reversed(range(len(want))):
        assert lazy[k] == want[k]
        assert token_texts(norm, *bounds[k]) == [t.text for t in want[k]]
    assert lazy[1:] == want[1:] and list(lazy) == want
    if want:
        assert lazy[-1] == want[-1]
    with pytest.raises(IndexError):
        lazy[len(want)]

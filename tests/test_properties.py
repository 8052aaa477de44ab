"""Hypothesis properties over the parsers and offset maps not covered beside their own
tests: the input readers (JSONL, WARC, web pages), the boilerplate and date finders, the
normalisation of a part of a text, the runs of scripts written without spaces (the index's
keys and the aligner's features must read the same ones), numerals written in characters,
the part of a long document a search examines, and the spans of a comparison's edits."""

from __future__ import annotations

import gzip
import json
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from unspin import Comparer, Span
from unspin.config import DEFAULT_CONFIG
from unspin.diff import _cjk_value
from unspin.errors import UnspinError
from unspin.fingerprint import run_features
from unspin.index.entries import densest_part, pack_spans, unpack_spans
from unspin.text import normalize
from unspin.text.boilerplate import find_boilerplate
from unspin.text.dates import find_dates
from unspin.text.extract import Extracted, Skipped, extract_html
from unspin.text.normalize import is_no_space, no_space_runs, normalize_part, token_texts
from unspin.text.sources import ReadOptions, read_inputs

_LEXICAL = DEFAULT_CONFIG.with_overrides(use_model=False)
_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# text from pieces that exercise the rules: words of several scripts, marks, quotes,
# sentence ends, numbers, dates, line breaks, boilerplate lines
_PIECES = st.sampled_from(
    [
        "the", "Minister", "said", "4.9", "1,200", "12%", "January 5, 2024", "2024-03-01",
        "\n", "\n\n", ". ", "! ", "? ", "; ", " - ", '"', "“", "”", "«", "»", "'",
        "经济", "增长", "四点九", "。", "，", "、", "東京", "の", "です", "ประเทศ", "ไทย",
        "كتاب", "؟", "Москва", "е\u0301", "e\u0301", "\u200b", "\u00ad", "ﬁ", "Ⅻ",
        "Copyright 2024 Reuters. All rights reserved.", "Read more:", "By Jane Doe",
        "\x00", "\ufffd", " ", "  ", "\t",
    ]
)
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=60).map("".join)


@_SETTINGS
@given(_TEXT, st.data())
def test_a_part_normalised_is_the_slice_normalised_at_the_texts_offsets(
    text: str, data: st.DataObject
) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    part = normalize_part(text, start, end)
    whole = normalize(text[start:end])
    assert part.text == whole.text
    assert part.examined == Span(start, end)
    assert list(part.origin) == [o + start for o in whole.origin]
    for k in range(len(part.text)):
        span = part.to_original(k, k + 1)
        assert start <= span.start < span.end <= end
    assert part.to_original(len(part.text), len(part.text)) == Span(end, end)
    for e in part.manipulation:
        assert text[e.span.start : e.span.end] == e.text


@_SETTINGS
@given(_TEXT)
def test_boilerplate_spans_are_sorted_disjoint_and_in_the_text(text: str) -> None:
    found = find_boilerplate(text)
    last = 0
    for b in found:
        assert last <= b.span.start < b.span.end <= len(text)
        last = b.span.end


@_SETTINGS
@given(_TEXT)
def test_dates_are_real_days_at_spans_of_the_text(text: str) -> None:
    for d in find_dates(text, find_boilerplate(text)):
        assert 0 <= d.span.start < d.span.end <= len(text)
        date.fromisoformat(d.date)


@_SETTINGS
@given(_TEXT)
def test_the_index_and_the_aligner_read_the_same_runs(text: str) -> None:
    """The keys of an index (``no_space_runs`` over a unit's text) and the aligner's stems
    (runs of a unit's no-space tokens) must be the same, or a copy in Chinese, Japanese or
    Thai is never found."""
    norm = normalize(text)
    runs: list[str] = []
    current: list[str] = []
    for token in [*token_texts(norm), ""]:
        if token and is_no_space(token):
            current.append(token)
        elif current:
            runs.append("".join(current))
            current = []
    assert [run_features(r)[0] for r in runs] == [
        run_features(r)[0] for r in no_space_runs(norm.text)
    ]


_DIGITS = "〇一二三四五六七八九"


def _chinese(n: int) -> str:
    """``n`` (0 ≤ n < 10**12) in Chinese numerals, as they are written: 一百零五, 三万五千."""
    if n == 0:
        return "零"

    def below_myriad(m: int, lead: bool) -> str:
        out, zero = "", False
        for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d, m = divmod(m, value)
            if d:
                if zero:
                    out += "零"
                out += ("" if (d == 1 and unit == "十" and not out and lead) else _DIGITS[d]) + unit
                zero = False
            elif out:
                zero = True
        return out

    parts = []
    for myriad in ("亿", "万", ""):
        scale = {"亿": 10**8, "万": 10**4, "": 1}[myriad]
        chunk, n = divmod(n, scale)
        if chunk:
            parts.append(below_myriad(chunk, not parts) + myriad)
    return "".join(parts)


@_SETTINGS
@given(st.integers(2, 10**11), st.lists(st.integers(0, 9), max_size=3))
def test_numerals_written_in_characters_read_as_their_value(n: int, fraction: list[int]) -> None:
    word = _chinese(n) + ("点" + "".join(_DIGITS[d] for d in fraction) if fraction else "")
    want = str(n) + ("." + "".join(map(str, fraction)) if fraction else "")
    assert _cjk_value(word) == want
    assert _cjk_value("".join(_DIGITS[int(c)] for c in str(n))) == str(n)  # digit by digit


@_SETTINGS
@given(st.text(max_size=8))
def test_any_word_is_a_numeral_or_not_never_an_error(word: str) -> None:
    value = _cjk_value(word)
    assert value is None or float(value) >= 0


@_SETTINGS
@given(
    st.lists(st.tuples(st.integers(1, 500), st.integers(0, 3)), min_size=1, max_size=40),
    st.integers(50, 3_000),
)
def test_the_part_of_a_long_document_holds_its_densest_run(
    windows: list[tuple[int, int]], limit: int
) -> None:
    spans, counts, pos = [], [], 0
    for length, count in windows:
        spans.append((pos, pos + length))
        counts.append(count)
        pos += length // 2 + 1  # windows overlap, as the index's do
    assert unpack_spans(pack_spans(spans)) == spans
    part = densest_part(spans, counts, limit)
    if not any(counts):
        assert part is None
        return
    assert part is not None
    start, end = part
    assert end - start == limit and start >= 0
    # the keys of the windows it reaches: a window longer than the limit is cut
    held = sum(c for (s, e), c in zip(spans, counts, strict=True) if s < end and e > start)
    best = max(
        sum(counts[k] for k in range(i, j + 1) if spans[k][1] - spans[i][0] <= limit)
        for i in range(len(spans))
        for j in range(i, len(spans))
        if counts[i] and spans[j][1] - spans[i][0] <= limit
    ) if any(
        counts[i] and spans[i][1] - spans[i][0] <= limit for i in range(len(spans))
    ) else 0
    assert held >= best


def _read(data: bytes, suffix: str) -> list[Extracted | Skipped]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        try:
            return list(read_inputs([str(path)], ReadOptions(config=_LEXICAL)))
        except UnspinError:
            return []


_JSON_LINES = st.lists(
    st.one_of(
        st.binary(max_size=40),
        st.builds(lambda t: json.dumps({"text": t}).encode(), _TEXT),
        st.just(b'{"text": 5}'),
        st.just(b"[" * 3000 + b"]" * 3000),
        st.just(b'{"html": "<p>x</p>", "text": null}'),
    ),
    max_size=8,
).map(b"\n".join)


@_SETTINGS
@given(_JSON_LINES, st.booleans())
def test_any_jsonl_gives_documents_and_reasons(data: bytes, gzipped: bool) -> None:
    got = _read(gzip.compress(data) if gzipped else data, ".jsonl.gz" if gzipped else ".jsonl")
    for item in got:
        assert isinstance(item, Extracted | Skipped)
        if isinstance(item, Extracted):
            assert item.text.strip()
        else:
            assert item.reason and "\n" not in item.reason


def _warc_record(html: bytes, url: str) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + html
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Target-URI: {url}\r\nWARC-Date: 2024-01-02T03:04:05Z\r\n"
        "WARC-Record-ID: <urn:uuid:12345678-1234-1234-1234-123456789012>\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


_HTML = st.lists(
    st.one_of(
        st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<script>x()</script>", "<br>",
                         "<title>T</title>", "&amp;", "&#0;", "<!--", "-->", "<nav>menu</nav>"]),
        _TEXT,
    ),
    max_size=30,
).map(lambda parts: "".join(parts).encode("utf-8", "surrogatepass"))


@_SETTINGS
@given(st.lists(_HTML, min_size=1, max_size=3), st.binary(max_size=30), st.booleans())
def test_any_warc_gives_documents_and_reasons(
    pages: list[bytes], tail: bytes, gzipped: bool
) -> None:
    records = [_warc_record(p, f"https://example.org/{k}") for k, p in enumerate(pages)]
    if gzipped:
        data = b"".join(gzip.compress(r) for r in records) + tail
    else:
        data = b"".join(records) + tail
    for item in _read(data, ".warc.gz" if gzipped else ".warc"):
        assert isinstance(item, Extracted | Skipped)
        if isinstance(item, Extracted):
            assert item.text.strip() and item.origin.url is not None


@_SETTINGS
@given(_HTML)
def test_any_page_gives_its_text_or_one_line(html: bytes) -> None:
    try:
        got = extract_html(html, "page.html", config=_LEXICAL)
    except UnspinError as exc:
        assert "\n" not in str(exc)
        return
    assert got.text.strip() and "\x00" not in got.text


_WORDS = st.sampled_from(
    "the minister said on tuesday that growth slowed to 4.9 percent while prices rose "
    "sharply in the capital and officials expected a recovery next year".split()
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_WORDS, min_size=30, max_size=120), st.data())
def test_every_edit_lies_inside_the_two_texts(words: list[str], data: st.DataObject) -> None:
    a = " ".join(words)
    edited = list(words)
    for _ in range(data.draw(st.integers(1, 8))):
        k = data.draw(st.integers(0, len(edited) - 1))
        edited[k] = data.draw(_WORDS)
    b = ". ".join(" ".join(edited[k : k + 12]) for k in range(0, len(edited), 12))
    assume(a != b)
    c = Comparer(_LEXICAL).compare(a, b)
    for e in c.edits:
        assert 0 <= e.a.start <= e.a.end <= len(a)
        assert 0 <= e.b.start <= e.b.end <= len(b)
        assert 0 <= e.passage < len(c.passages)
    for p in c.passages:
        assert 0 <= p.a.start < p.a.end <= len(a) and 0 <= p.b.start < p.b.end <= len(b)

"""An atheris (libFuzzer) harness over what unspin does to untrusted bytes: decoding, web
page and container extraction, normalisation and its offset map (of a whole text and of a
part), segmentation, the index's keys of a text read in parts, and the alignment of two
texts cut from the input.

    .venv/bin/python fuzz/fuzz_text.py [libFuzzer options, e.g. -max_total_time=3600 corpus/]

Any exception but ``UnspinError`` (a refused input, said in one line) is a crash; so is an
offset that does not point into the text as given.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from unspin import Comparer, Span
    from unspin.config import DEFAULT_CONFIG
    from unspin.errors import UnspinError
    from unspin.index.keys import IndexParams, text_windows
    from unspin.text import decode_bytes, make_document, normalize
    from unspin.text.extract import extract_html
    from unspin.text.normalize import normalize_part, tokenize
    from unspin.text.segment import segment

_LEXICAL = DEFAULT_CONFIG.with_overrides(use_model=False)
_COMPARER = Comparer(_LEXICAL)
_PARTS = _LEXICAL.with_overrides(max_aligned_chars=64)


def _check_offsets(text: str) -> None:
    norm = normalize(text)
    assert len(norm.origin) == len(norm.text)
    for tok in tokenize(norm):
        assert 0 <= tok.span.start < tok.span.end <= len(text), (tok, len(text))
    for e in norm.manipulation:
        assert text[e.span.start : e.span.end] == e.text
    for s in segment(norm, [Span(0, len(text))], _LEXICAL.max_unit_words):
        assert 0 <= s.span.start < s.span.end <= len(text)


def one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    mode = fdp.ConsumeIntInRange(0, 4)
    rest = fdp.ConsumeBytes(fdp.remaining_bytes())
    try:
        if mode == 0:
            text = decode_bytes(rest, "fuzz")
            _check_offsets(text)
            make_document("fuzz", text, _LEXICAL)
        elif mode == 1:
            got = extract_html(rest, "fuzz.html", config=_LEXICAL)
            _check_offsets(got.text)
        elif mode == 2:
            _check_offsets(rest.decode("utf-8", "replace"))
        elif mode == 4:
            # a text keyed in parts, as a long document is (``max_aligned_chars`` made small),
            # and examined in a part
            text = rest.decode("utf-8", "replace")
            windows, spans = text_windows(text, _PARTS, IndexParams())
            assert len(windows) == len(spans)
            assert all(0 <= s < e <= len(text) for s, e in spans)
            start = len(text) // 3
            part = normalize_part(text, start, len(text))
            assert all(start <= o < len(text) for o in part.origin)
        else:
            text = rest.decode("utf-8", "replace")
            cut = len(text) // 2
            c = _COMPARER.compare(text[:cut], text[cut:])
            for p in c.passages:
                assert 0 <= p.a.start <= p.a.end <= cut
                assert 0 <= p.b.start <= p.b.end <= len(text) - cut
    except UnspinError:
        pass


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

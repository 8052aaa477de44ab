"""Hostile and unusual input: each test reproduces one way unspin once failed (a quadratic
path, an internal error, an evasion trick, a wrong exit code) and checks the right result."""

from __future__ import annotations

import pytest

from unspin import Span
from unspin.config import DEFAULT_CONFIG
from unspin.text import make_document, normalize
from unspin.text.segment import segment

# Inputs a quadratic path takes minutes or hours on; a linear one, well under a second each.
# The timeout only stops a hang: it is not a performance figure (benchmarks/ has those).
_ADVERSARIAL_SEGMENTS = {
    "a run of dots": "." * 300_000,
    "a run of spaces in a long unit": "word " * 100 + " " * 300_000 + "end",
    "many clause marks": "a b c d e f; " * 25_000,
    "many spaced dashes": "w - " * 75_000,
    "many line breaks in one unit": "w \n " * 75_000,
    "runs of ! before spaces": ("!" * 50 + " " * 50 + "x ") * 3_000,
}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("name", sorted(_ADVERSARIAL_SEGMENTS))
def test_segmentation_is_linear_on_adversarial_text(name: str) -> None:
    text = _ADVERSARIAL_SEGMENTS[name]
    norm = normalize(text)
    segments = segment(norm, [Span(0, len(text))], DEFAULT_CONFIG.max_unit_words)
    for s in segments:
        assert 0 <= s.span.start < s.span.end <= len(text)
    words = sum(len(text[s.span.start : s.span.end].split()) for s in segments)
    assert words <= len(text.split())


@pytest.mark.timeout(120)
def test_compare_json_fed_back_to_extract_is_segmented() -> None:
    """``compare --json`` output is a long text of JSON lines, few sentence ends and many
    ``:`` marks: 1.6 MB of it took 16.7 s in segmentation alone."""
    line = '{"a": {"start": 1, "end": 20, "text": "the minister said: we will act - and soon"}},\n'
    text = line * (1_600_000 // len(line))
    doc = make_document("compare.json", text, DEFAULT_CONFIG)
    assert doc.segments
    assert all(len(doc.text[s.span.start : s.span.end].split()) <= 40 for s in doc.segments)

"""The aligner's fast path agrees with its slow reference; passages are well-formed."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from unspin.align import align_prepared, lexical_matrix, lexical_matrix_reference, prepare
from unspin.config import DEFAULT_CONFIG
from unspin.embed import HashingEmbedder
from unspin.text import make_document

WORDS = (
    "trump korea peace talks summit war ukraine leader president nuclear button fury deal "
    "market river flood council homes rain road train storm the a of and to in with was is "
    "said would not no very new old first last big small quickly"
).split()

sentence = st.lists(st.sampled_from(WORDS), min_size=3, max_size=14).map(
    lambda ws: " ".join(ws).capitalize() + "."
)
text = st.lists(sentence, min_size=1, max_size=8).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(text, text, st.sampled_from([DEFAULT_CONFIG.lexical_weights, (0.3, 0.7)]))
def test_fast_lexical_matrix_equals_reference(a: str, b: str, weights: tuple[float, float]) -> None:
    config = DEFAULT_CONFIG.with_overrides(lexical_weights=weights)
    pa = prepare(make_document("a", a, config))
    pb = prepare(make_document("b", b, config))
    fast, slow = lexical_matrix(pa, pb, config), lexical_matrix_reference(pa, pb, config)
    assert np.allclose(fast, slow, atol=1e-9)


@settings(max_examples=40, deadline=None)
@given(text, text, st.booleans())
def test_fast_alignment_equals_reference(a: str, b: str, share: bool) -> None:
    if share:  # make sure some pairs align: b reuses a's sentences among its own
        b = a + " " + b
    config = DEFAULT_CONFIG
    embedder = HashingEmbedder()
    pa = prepare(make_document("a", a, config))
    pb = prepare(make_document("b", b, config))
    fast = align_prepared(pa, pb, config, embedder)
    slow = align_prepared(pa, pb, config, embedder, reference=True)
    assert fast.pairs == slow.pairs
    assert [(p.a, p.b, p.kind) for p in fast.passages] == [
        (p.a, p.b, p.kind) for p in slow.passages
    ]
    for p in fast.passages:
        assert 0 <= p.a.start < p.a.end <= len(a)
        assert 0 <= p.b.start < p.b.end <= len(b)
        for m in p.matches:
            assert p.a.start <= m.a.start and m.a.end <= p.a.end
            assert p.b.start <= m.b.start and m.b.end <= p.b.end


def test_verbatim_copy_aligns_completely() -> None:
    a = (
        "The river rose above its banks on Tuesday. Crews evacuated three hundred homes. "
        "Trains between the two towns were suspended after a landslip."
    )
    pa = prepare(make_document("a", a, DEFAULT_CONFIG))
    pb = prepare(make_document("b", "Breaking news.\n\n" + a, DEFAULT_CONFIG))
    result = align_prepared(pa, pb, DEFAULT_CONFIG, None)
    assert len(result.passages) == 1
    (p,) = result.passages
    assert p.kind == "verbatim"
    assert p.a.of(a) == a

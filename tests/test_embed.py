"""Tests of unspin.embed: the bundled int8 MiniLM embedder and the hashing fake."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from unspin.embed import Embedder, HashingEmbedder, OnnxMiniLMEmbedder
from unspin.errors import ModelError

PARAPHRASE = (
    "Donald Trump says he wants to end the war in Ukraine.",
    "Donald Trump claims that he wants to put an end to the conflict in Ukraine.",
)
UNRELATED = (
    "Donald Trump says he wants to end the war in Ukraine.",
    "Preheat the oven to 180 degrees and bake the bread for 25 minutes.",
)
MIXED = [
    "Shares rose.",
    "The central bank raised interest rates by a quarter of a percentage point on Wednesday, "
    "citing persistent inflation in services and a tight labour market.",
    "Rescue workers pulled survivors from the rubble after the earthquake.",
    "No.",
    "",
    "Oil prices climbed above $90 a barrel amid supply concerns in the Middle East.",
    "The striker scored twice in the second half to secure a 3-1 win for the visitors, "
    "who had not won away from home since October.",
    "Cats sleep for up to sixteen hours a day.",
]


@pytest.fixture(scope="session")
def onnx_embedder() -> OnnxMiniLMEmbedder:
    return OnnxMiniLMEmbedder()


def _cos(v: np.ndarray) -> float:
    return float(v[0] @ v[1])


def _check_rows(v: np.ndarray, n: int, dim: int) -> None:
    assert v.shape == (n, dim)
    assert v.dtype == np.float32
    assert np.all(np.isfinite(v))
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)


def test_protocol_is_satisfied() -> None:
    embedders: list[Embedder] = [HashingEmbedder(), OnnxMiniLMEmbedder()]
    assert [e.dim for e in embedders] == [256, 384]


def test_construction_is_lazy_and_cheap(tmp_path: Path) -> None:
    OnnxMiniLMEmbedder(model_path=tmp_path / "absent.onnx")  # nothing read yet


def test_model_id(onnx_embedder: OnnxMiniLMEmbedder) -> None:
    assert re.fullmatch(r"all-MiniLM-L6-v2-int8-pc:[0-9a-f]{12}", onnx_embedder.model_id)
    assert OnnxMiniLMEmbedder().model_id == onnx_embedder.model_id


def test_shapes_dtype_norm(onnx_embedder: OnnxMiniLMEmbedder) -> None:
    _check_rows(onnx_embedder.encode(MIXED), len(MIXED), 384)
    _check_rows(onnx_embedder.encode(("one sentence",)), 1, 384)


def test_empty_input(onnx_embedder: OnnxMiniLMEmbedder) -> None:
    v = onnx_embedder.encode([])
    assert v.shape == (0, 384)
    assert v.dtype == np.float32


def test_bare_string_rejected(onnx_embedder: OnnxMiniLMEmbedder) -> None:
    with pytest.raises(TypeError):
        onnx_embedder.encode("not a list")


def test_order_preserved_with_mixed_lengths(onnx_embedder: OnnxMiniLMEmbedder) -> None:
    texts = MIXED * 5  # 40 texts: more than one batch, lengths interleaved
    together = onnx_embedder.encode(texts)
    alone = np.vstack([onnx_embedder.encode([t]) for t in MIXED])
    sims = together @ alone.T
    for i in range(len(texts)):
        j = i % len(MIXED)
        assert int(np.argmax(sims[i])) == j
        assert sims[i, j] > 0.95  # int8 activation scales depend on the batch: close, not equal


def test_paraphrase_closer_than_unrelated(onnx_embedder: OnnxMiniLMEmbedder) -> None:
    para = _cos(onnx_embedder.encode(PARAPHRASE))
    unrel = _cos(onnx_embedder.encode(UNRELATED))
    assert para > 0.8
    assert para > unrel + 0.3


def test_deterministic(onnx_embedder: OnnxMiniLMEmbedder) -> None:
    texts = MIXED * 5
    first = onnx_embedder.encode(texts)
    assert np.array_equal(first, onnx_embedder.encode(texts))
    assert np.array_equal(first, OnnxMiniLMEmbedder().encode(texts))


def test_truncation_allows_long_input(onnx_embedder: OnnxMiniLMEmbedder) -> None:
    long = " ".join(["The minister said the figures were encouraging."] * 200)
    _check_rows(onnx_embedder.encode([long, "short"]), 2, 384)


def test_missing_model_raises_model_error(tmp_path: Path) -> None:
    e = OnnxMiniLMEmbedder(model_path=tmp_path / "absent.onnx")
    with pytest.raises(ModelError, match="missing"):
        e.encode(["x"])
    with pytest.raises(ModelError):
        _ = e.model_id


def test_corrupt_model_raises_model_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.onnx"
    bad.write_bytes(b"this is not an onnx model")
    e = OnnxMiniLMEmbedder(model_path=bad)
    with pytest.raises(ModelError) as info:
        e.load()
    assert "\n" not in str(info.value)
    assert e.model_id.startswith("all-MiniLM-L6-v2-int8-pc:")  # hash of whatever file is there


def test_hashing_basics() -> None:
    h = HashingEmbedder()
    assert h.model_id == "hashing-trigram-256"
    assert h.dim == 256
    texts = ["The cat sat on the mat.", "The cat sat on a mat!", "Quarterly revenue grew 8%.", ""]
    v = h.encode(texts)
    _check_rows(v, len(texts), 256)
    assert np.array_equal(v, HashingEmbedder().encode(texts))
    assert float(v[0] @ v[1]) > float(v[0] @ v[2])
    assert h.encode([]).shape == (0, 256)
    assert np.allclose(
        h.encode(["The  CAT sat on the mat."])[0], h.encode(["the cat sat on the mat."])[0]
    )
    assert HashingEmbedder(dim=64).encode(["x"]).shape == (1, 64)

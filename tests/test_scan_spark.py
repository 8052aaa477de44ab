"""The Spark engine of ``unspin scan`` gives the local engine's output, on a corpus of 2,000
documents (``local[2]``): the beginnings of 1,900 PAN13 source documents, and 100 copies of
some of them, each lightly rewritten (words dropped and swapped, a sentence moved)."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from conftest import LEXICAL, PAN13
from unspin.index import Index
from unspin.scan import ScanOptions, scan_index

pyspark = pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("the Spark engine needs Java", allow_module_level=True)

OUTPUTS = ("documents.jsonl", "edges.jsonl", "families.jsonl")


def _rewritten(text: str, rng: random.Random) -> str:
    sentences = [s for s in text.replace("\n", " ").split(". ") if s.strip()]
    if len(sentences) > 2:
        sentences.append(sentences.pop(0))  # the first sentence moved to the end
    words = ". ".join(sentences).split(" ")
    kept = [w for w in words if rng.random() > 0.08]
    for _ in range(max(1, len(kept) // 25)):
        i, j = rng.randrange(len(kept)), rng.randrange(len(kept))
        kept[i], kept[j] = kept[j], kept[i]
    return " ".join(kept)


@pytest.fixture(scope="module")
def corpus_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (PAN13 / "src").is_dir():
        pytest.skip("PAN13 train corpus not beside the checkout")
    rng = random.Random(11)
    ix = tmp_path_factory.mktemp("spark") / "ix"
    sources = sorted((PAN13 / "src").glob("*.txt"))[:1900]
    with Index.create(ix, config=LEXICAL) as index:
        texts = []
        for path in sources:
            text = path.read_bytes().decode("utf-8", "replace").replace("\x00", " ")[:1500]
            if text.strip():
                texts.append((path.stem, text))
        docs = [(text, name, name, None) for name, text in texts]
        docs += [
            (_rewritten(text, rng), f"copy-of-{name}", f"copy-of-{name}", None)
            for name, text in rng.sample(texts, 100)
        ]
        index.add_many(docs)
        assert len(index) >= 1990
    return ix


def test_spark_and_local_engines_write_the_same_scan(corpus_index: Path, tmp_path: Path) -> None:
    with Index.open(corpus_index, config=LEXICAL) as index:
        local = scan_index(index, tmp_path / "local", ScanOptions(jobs=2))
        spark = scan_index(index, tmp_path / "spark", ScanOptions(engine="spark"))
    for name in OUTPUTS:
        assert (tmp_path / "local" / name).read_bytes() == (tmp_path / "spark" / name).read_bytes()
    # the local join's passes (its window-pair budget) are its own; every other count agrees
    assert local["join"].pop("passes") >= 1
    assert local["join"] == spark["join"] and local["edges"] == spark["edges"] > 50
    copies = [
        line for line in (tmp_path / "local" / "edges.jsonl").read_text().splitlines()
        if "copy-of-" in line
    ]
    assert len(copies) >= 90  # the planted copies are found

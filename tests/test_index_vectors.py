"""The semantic candidate channel: vectors stored with the documents, removed with them,
embedded by a resumable pass, looked up exactly; and a search finding by meaning a source
its keys did not make a candidate."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import LEXICAL
from unspin.cli import main
from unspin.config import DEFAULT_CONFIG
from unspin.embed import HashingEmbedder
from unspin.errors import StoreError, VectorBudgetError
from unspin.index import Index, search
from unspin.index import vectors as vector_module
from unspin.index.schema import DB_NAME, FORMAT_VERSION
from unspin.index.vectors import VectorMatrix, lookup_bytes, pack, unit_texts, with_pairs
from unspin.pipeline import Comparer

FLOOD = (
    "The council engineers inspected the railway bridge after the flood reached the town. "
    "Volunteers with boats carried families from their homes to the school shelter. "
    "By morning the river had fallen, and the mayor thanked the rescue crews for their work. "
    "Insurance assessors arrived on Tuesday to count the damaged shops along the quay."
)
CHESS = (
    "The grandmaster opened with the queen's pawn and sacrificed a knight on the ninth move. "
    "Spectators crowded around the board as the clock ran down in the final round. "
    "His opponent defended the endgame with a rook and bishop for another forty moves."
)
ORCHARD = (
    "Frost came early to the orchard, and the farmer lit stoves between the apple rows. "
    "Most of the blossom survived, so the cider press will run again in October."
)


def _index(path: Path, texts: dict[str, str]) -> Index:
    index = Index.create(path, config=LEXICAL)
    for doc_id, text in texts.items():
        index.add(text, doc_id=doc_id)
    return index


def _units(index: Index, doc_id: str) -> int:
    row = index.conn.execute(
        "SELECT units FROM vectors JOIN docs ON docs.id = vectors.doc WHERE ext_id = ?", (doc_id,)
    )
    got = row.fetchone()
    return -1 if got is None else int(got[0])


def test_vectors_are_added_by_the_pass_and_removed_with_their_document(tmp_path: Path) -> None:
    emb = HashingEmbedder(64)
    with _index(tmp_path / "ix", {"f": FLOOD, "c": CHESS, "o": ORCHARD}) as index:
        assert not index.has_vectors() and index.model_id() is None
        docs, units = index.embed(emb, batch=2)
        expected = sum(len(unit_texts(t, LEXICAL)) for t in (FLOOD, CHESS, ORCHARD))
        assert (docs, units) == (3, expected) and index.embedded() == (3, expected)
        assert _units(index, "c") == len(unit_texts(CHESS, LEXICAL))
        assert index.model_id() == emb.model_id and index.check() == []
        assert index.embed(emb) == (0, 0)  # nothing left to do
        index.rm("c")
        assert index.embedded()[0] == 2 and index.check() == []
        # a replaced document's vectors go with its old text; the next pass embeds the new
        index.update("o", ORCHARD + " The pickers were paid on Friday.")
        assert index.embedded()[0] == 1 and _units(index, "o") == -1
        assert index.embed(emb) == (1, len(unit_texts(ORCHARD + " The pickers.", LEXICAL)))
        assert index.stats().embedded_documents == 2 and index.check() == []


def test_an_interrupted_pass_keeps_its_batches_and_the_next_one_finishes(tmp_path: Path) -> None:
    emb = HashingEmbedder(64)
    texts = {f"d{k}": f"{FLOOD} Report number {k} was filed." for k in range(5)}
    with _index(tmp_path / "ix", texts) as index:

        def stop(docs: int, units: int) -> None:
            raise KeyboardInterrupt

        with pytest.raises(KeyboardInterrupt):
            index.embed(emb, batch=2, progress=stop)
        assert index.embedded()[0] == 2  # the first batch was committed
        assert index.embed(emb, batch=2)[0] == 3
        assert index.embedded()[0] == 5 and index.check() == []


def test_vectors_of_another_model_are_refused_until_redone(tmp_path: Path) -> None:
    with _index(tmp_path / "ix", {"f": FLOOD}) as index:
        index.embed(HashingEmbedder(64))
        with pytest.raises(StoreError, match=r"another model .*--redo"):
            index.embed(HashingEmbedder(32))
        other = Comparer(DEFAULT_CONFIG.for_search(), embedder=HashingEmbedder(32))
        with pytest.raises(StoreError, match="another model"):
            search(index, FLOOD, comparer=other)
        assert index.embed(HashingEmbedder(32), redo=True)[0] == 1
        assert index.model_id() == HashingEmbedder(32).model_id
        search(index, FLOOD, comparer=other)  # now they agree


def test_semantic_candidates_never_return_a_removed_document(tmp_path: Path) -> None:
    emb = HashingEmbedder(64)
    with _index(tmp_path / "ix", {"f": FLOOD, "c": CHESS, "o": ORCHARD}) as index:
        index.embed(emb)
        asked = with_pairs(emb.encode(unit_texts(CHESS, LEXICAL)))
        found = index.semantic_candidates(asked, 5, threshold=0.99)
        assert [c.doc_id for c in found] == ["c"] and found[0].score == pytest.approx(1, abs=1e-3)
        assert index.semantic_candidates(asked, 5, threshold=0.99, exclude=["c"]) == []
        # a second reader sees the writer's removal at its next lookup
        with Index.open(tmp_path / "ix", config=LEXICAL) as reader:
            assert [c.doc_id for c in reader.semantic_candidates(asked, 5, threshold=0.99)]
            index.rm("c")
            assert reader.semantic_candidates(asked, 5, threshold=0.99) == []
        assert index.semantic_candidates(asked, 5, threshold=0.0)  # others, far off
        assert "c" not in {c.doc_id for c in index.semantic_candidates(asked, 5, threshold=0)}


def test_a_search_finds_by_meaning_a_source_its_keys_left_out(tmp_path: Path) -> None:
    """With one candidate and one round, the keys verify the major source only; the
    semantic round verifies the minor one, whose units match the query's unexplained ones."""
    emb = HashingEmbedder()
    comparer = Comparer(DEFAULT_CONFIG.for_search(), embedder=emb)
    query = FLOOD + "\n\n" + CHESS
    with _index(tmp_path / "ix", {"f": FLOOD, "c": CHESS, "o": ORCHARD}) as index:
        before = search(index, query, comparer=comparer, candidates=1, rounds=1)
        assert [h.doc_id for h in before.hits] == ["f"] and "semantic" not in before.timings
        index.embed(emb)
        after = search(index, query, comparer=comparer, candidates=1, rounds=1)
        assert [h.doc_id for h in after.hits] == ["f", "c"] and "semantic" in after.timings
        off = search(index, query, comparer=comparer, candidates=1, rounds=1, semantic=False)
        assert [h.doc_id for h in off.hits] == ["f"]


def test_a_format_6_index_is_upgraded_in_place(tmp_path: Path) -> None:
    ix = tmp_path / "ix"
    _index(ix, {"f": FLOOD}).close()
    conn = sqlite3.connect(ix / DB_NAME)
    conn.execute("DROP TABLE vectors")
    conn.execute("DELETE FROM meta WHERE name = 'vectors_gen'")
    conn.execute("UPDATE meta SET value = '6' WHERE name = 'format_version'")
    conn.commit()
    conn.close()
    with Index.open(ix, config=LEXICAL) as index:
        assert index.embed(HashingEmbedder(64))[0] == 1 and index.check() == []
        assert search(index, FLOOD, comparer=Comparer(LEXICAL)).hits  # the keys still work
    conn = sqlite3.connect(ix / DB_NAME)
    version = conn.execute("SELECT value FROM meta WHERE name = 'format_version'").fetchone()
    conn.close()
    assert int(version[0]) == FORMAT_VERSION


def test_check_finds_vectors_of_missing_documents(tmp_path: Path) -> None:
    ix = tmp_path / "ix"
    with _index(ix, {"f": FLOOD, "c": CHESS}) as index:
        index.embed(HashingEmbedder(64))
        index.conn.execute("INSERT INTO vectors VALUES (999, 1, ?)", (pack(np.ones((1, 64))),))
        assert any("vectors of 1 document(s) not in" in p for p in index.check())


def test_cli_embed_then_search(tmp_path: Path) -> None:
    ix = tmp_path / "ix"
    _index(ix, {"f": FLOOD, "c": CHESS}).close()
    result = CliRunner().invoke(main, ["index", "embed", str(ix), "--batch", "1"])
    assert result.exit_code == 0, result.output
    assert "embedded 2 documents" in result.output and "2 of 2 documents" in result.output
    again = CliRunner().invoke(main, ["index", "embed", str(ix)])
    assert again.exit_code == 0 and "embedded 0 documents" in again.output
    query = tmp_path / "q.txt"
    query.write_text(CHESS, encoding="utf-8")
    found = CliRunner().invoke(main, ["index", "search", str(ix), str(query), "--no-semantic"])
    assert found.exit_code == 0 and "1. c" in found.output


vector_st = st.lists(
    st.lists(st.floats(-1, 1, allow_nan=False, width=32), min_size=4, max_size=4),
    min_size=1,
    max_size=8,
)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(vector_st, min_size=1, max_size=5),
    vector_st,
    st.floats(-0.5, 0.9),
    st.sets(st.integers(1, 5), max_size=2),
    st.sampled_from([1, 2, 5, 16, 40, vector_module.CHUNK_CELLS]),
)
def test_nearest_equals_a_plain_loop(
    docs: list[list[list[float]]],
    queries: list[list[float]],
    threshold: float,
    skip: set[int],
    cells: int,
) -> None:
    """Also with chunks of a few cosines: a pair whose two units fall in two chunks."""

    def unit(rows: list[list[float]]) -> np.ndarray:
        a = np.asarray(rows, dtype=np.float32) + 1e-3
        return (a / np.linalg.norm(a, axis=1, keepdims=True)).astype(np.float32)

    stored = [(d + 1, pack(unit(rows))) for d, rows in enumerate(docs)]
    matrix = VectorMatrix(0, 4, stored)
    q = unit(queries)
    chunk = vector_module.CHUNK_CELLS
    vector_module.CHUNK_CELLS = cells
    try:
        best, local, found = matrix.nearest(q, threshold, skip)
    finally:
        vector_module.CHUNK_CELLS = chunk
    # the plain loop, over the same float16-rounded vectors
    vectors = {
        doc: with_pairs(np.frombuffer(b, np.float16).reshape(-1, 4).astype(np.float32))
        for doc, b in stored
        if doc not in skip
    }
    want_best: dict[int, float] = {}
    want_found: dict[int, int] = {}
    for doc, vs in vectors.items():
        cos = q @ vs.T
        if (cos >= threshold).any():
            want_best[doc] = float(cos[cos >= threshold].max())
            want_found[doc] = int((cos >= threshold).any(axis=1).sum())
    assert best.keys() == want_best.keys() and found == want_found
    for doc, value in want_best.items():
        assert best[doc] == pytest.approx(value, abs=1e-5)
    assert set(local) <= set(best)
    for row in q:
        tops = {doc: float((row @ vs.T).max()) for doc, vs in vectors.items()}
        top = max(tops.values(), default=-2.0)
        if top >= threshold + 1e-5:
            assert any(local.get(d, -2) >= top - 1e-5 for d, v in tops.items() if v >= top - 1e-5)


def test_pairs_join_only_units_next_to_each_other() -> None:
    v = np.eye(4, dtype=np.float32)
    assert with_pairs(v[:1]).shape == (1, 4)
    got = with_pairs(v[[0, 1, 3]], [0, 1, 3])  # units 0 and 1 adjacent, 3 alone
    assert got.shape == (4, 4)
    np.testing.assert_allclose(got[3], (v[0] + v[1]) / np.sqrt(2), rtol=1e-6)
    assert with_pairs(v).shape == (7, 4)


def test_cli_embed_errors_are_one_line(tmp_path: Path) -> None:
    for target in (tmp_path / "missing", tmp_path):
        result = CliRunner().invoke(main, ["index", "embed", str(target)])
        assert result.exit_code == 3 and result.output.startswith("unspin: error: ")
        assert len(result.output.strip().splitlines()) == 1
    ix = tmp_path / "ix"
    with _index(ix, {"f": FLOOD}) as index:
        index.embed(HashingEmbedder(64))  # another model than the bundled one
    result = CliRunner().invoke(main, ["index", "embed", str(ix)])
    assert result.exit_code == 3 and "another model" in result.output
    assert "Traceback" not in result.output


EMBEDDER = """
import sys
from unspin.config import DEFAULT_CONFIG
from unspin.embed import HashingEmbedder
from unspin.index import Index
index = Index.open(sys.argv[1], config=DEFAULT_CONFIG.with_overrides(use_model=False))
done = 0
def report(docs, units):
    global done
    done += docs
    print(done, flush=True)
index.embed(HashingEmbedder(64), batch=3, progress=report)
"""


@pytest.mark.parametrize("delay", [0.9, 1.3])
def test_kill_9_mid_embed_leaves_a_consistent_index(tmp_path: Path, delay: float) -> None:
    """A pass killed at a random moment keeps every batch it reported, no half batch; the
    next pass embeds the rest."""
    ix = tmp_path / "ix"
    texts = {f"d{k}": f"{FLOOD} {CHESS} Filed as report {k}." for k in range(1500)}
    _index(ix, texts).close()
    proc = subprocess.Popen(
        [sys.executable, "-c", EMBEDDER, str(ix)], stdout=subprocess.PIPE, text=True
    )
    time.sleep(delay)
    os.kill(proc.pid, signal.SIGKILL)
    out, _ = proc.communicate()
    reported = int(out.split()[-1]) if out.split() else 0
    with Index.open(ix, config=LEXICAL) as index:
        assert index.check() == []
        held = index.embedded()[0]
        assert reported <= held <= reported + 3 and held % 3 == 0  # whole batches only
        index.embed(HashingEmbedder(64))
        assert index.embedded()[0] == 1500 and index.check() == []


def test_vectors_over_the_memory_budget_skip_the_semantic_round_with_a_warning(
    tmp_path: Path,
) -> None:
    """The exact lookup holds every vector in memory: past ``semantic_memory_mb`` it is
    not loaded, and the search runs without its semantic round, saying so."""
    emb = HashingEmbedder()
    comparer = Comparer(DEFAULT_CONFIG.for_search(), embedder=emb)
    query = FLOOD + "\n\n" + CHESS
    ix = tmp_path / "ix"
    with _index(ix, {"f": FLOOD, "c": CHESS, "o": ORCHARD}) as index:
        index.embed(emb)
        units = index.embedded()[1]
        # the count the budget reads is what the lookup holds, plus the rows read for it
        m = index.load_vectors()
        held = m.matrix.nbytes + m.docs.nbytes + m.pair_inv.nbytes + m.lasts.nbytes
        assert lookup_bytes(units, 3, emb.dim) == held + units * 2 * emb.dim
        assert index.stats().semantic_lookup_mib == round(
            lookup_bytes(units, 3, emb.dim) / 2**20, 1
        )
        found = search(index, query, comparer=comparer, candidates=1, rounds=1)
        assert [h.doc_id for h in found.hits] == ["f", "c"] and found.warnings == []
    tight = LEXICAL.with_overrides(semantic_memory_mb=0)
    with Index.open(ix, config=tight) as index:
        found = search(index, query, comparer=comparer, candidates=1, rounds=1)
        assert [h.doc_id for h in found.hits] == ["f"]
        (warning,) = found.warnings
        assert warning.startswith("semantic round skipped") and "semantic_memory_mb" in warning
        with pytest.raises(VectorBudgetError):
            index.semantic_candidates(with_pairs(emb.encode([CHESS])), 5)
        assert not index.vector_cache.loaded  # nothing was loaded
    # the CLI: an index embedded by the bundled model, searched with no memory allowed
    ix2 = tmp_path / "ix2"
    _index(ix2, {"f": FLOOD, "c": CHESS}).close()
    assert CliRunner().invoke(main, ["index", "embed", str(ix2)]).exit_code == 0
    query_file = tmp_path / "q.txt"
    query_file.write_text(query, encoding="utf-8")
    args = ["index", "search", str(ix2), str(query_file), "--semantic-memory-mb", "0"]
    out = CliRunner().invoke(main, args)
    assert out.exit_code == 0 and "warning: semantic round skipped" in out.stderr
    out = CliRunner().invoke(main, [*args, "--json"])
    assert out.exit_code == 0
    assert json.loads(out.stdout)["warnings"][0].startswith("semantic round skipped")


def test_an_index_refused_by_its_keys_is_left_in_its_format(tmp_path: Path) -> None:
    """An older index whose keys this unspin does not read is refused before any upgrade,
    so the unspin that built it can still open it."""
    ix = tmp_path / "ix"
    _index(ix, {"f": FLOOD}).close()
    conn = sqlite3.connect(ix / DB_NAME)
    conn.execute("DROP TABLE window_spans")
    params = json.loads(conn.execute("SELECT value FROM meta WHERE name = 'params'").fetchone()[0])
    params["keys_version"] = 1
    conn.execute("UPDATE meta SET value = ? WHERE name = 'params'", (json.dumps(params),))
    conn.execute("UPDATE meta SET value = '7' WHERE name = 'format_version'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="built with other settings"):
        Index.open(ix, config=LEXICAL)
    conn = sqlite3.connect(ix / DB_NAME)
    version = conn.execute("SELECT value FROM meta WHERE name = 'format_version'").fetchone()
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    assert version == ("7",) and "window_spans" not in tables

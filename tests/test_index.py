"""The on-disk index: idempotent adds, exact removal, refusal of foreign indexes, crash safety,
and finding the seed pair's source among distractors."""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DEMO, LEXICAL, PAN_SRC, SEED_A, SEED_B
from unspin.cli import main
from unspin.config import DEFAULT_CONFIG
from unspin.errors import CorruptIndexError, InputError, StoreError
from unspin.index import Index, IndexParams, Searcher, SearchOptions, search, search_comparer
from unspin.index.candidates import (
    expand_postings,
    local_order,
    local_order_reference,
    window_scores,
    window_scores_reference,
    window_values,
)
from unspin.index.entries import postings_of
from unspin.index.ingest import add_documents, keyed_batches, transactions
from unspin.index.keys import text_keys
from unspin.index.schema import DB_NAME
from unspin.pipeline import Comparer
from unspin.text.sources import ReadOptions

TOPICS = [
    "river flood town council homes rain bridge railway engineers volunteers boats shelter",
    "chess opening tournament grandmaster endgame rook bishop knight pawn queen clock",
    "orchard apple harvest frost blossom cider farmer market pruning ladder baskets",
    "telescope galaxy nebula observatory astronomer comet orbit spectrum mirror dome",
    "violin orchestra conductor rehearsal concerto symphony cellist score tempo hall",
]

C = DEFAULT_CONFIG  # the candidate kernels' settings (Config.candidate_*)


def _doc(seed: int) -> str:
    """A small deterministic document: sentences drawn from one topic's words."""
    rng = random.Random(seed)
    words = TOPICS[seed % len(TOPICS)].split()
    sentences = []
    for _ in range(6):
        picked = [*rng.sample(words, 7), f"item{rng.randint(0, 10000)}"]
        sentences.append(" ".join(picked).capitalize() + ".")
    return " ".join(sentences)


def test_add_is_idempotent_and_ids_are_checked(tmp_path: Path) -> None:
    with Index.create(tmp_path / "ix", config=LEXICAL) as index:
        assert index.add(_doc(1), doc_id="one").status == "added"
        again = index.add(_doc(1), doc_id="other")
        assert (again.status, again.doc_id) == ("duplicate", "one")
        with pytest.raises(InputError, match="use update"):
            index.add(_doc(2), doc_id="one")
        with pytest.raises(InputError, match="empty"):
            index.add("   \n", doc_id="blank")
        assert index.ids() == ["one"]
        index.update("one", _doc(3))
        assert index.get("one").text == _doc(3)
        index.update("one", _doc(3))  # the same text again: still one document
        index.add(_doc(4), doc_id="four")
        with pytest.raises(InputError, match="already in the index as four"):
            index.update("one", _doc(4))
        assert index.get("one").text == _doc(3)
        assert index.check() == []


def test_removed_document_never_comes_back(tmp_path: Path) -> None:
    with Index.create(tmp_path / "ix", config=LEXICAL) as index:
        for k in range(6):
            index.add(_doc(k), doc_id=f"d{k}")
        assert "d1" in [c.doc_id for c in index.candidates(_doc(1))]
        assert index.rm("d1") and not index.rm("d1")
        assert "d1" not in [c.doc_id for c in index.candidates(_doc(1))]
        assert index.check() == []


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(st.booleans(), st.integers(0, 7)), min_size=1, max_size=25))
def test_add_rm_sequences_match_a_brute_force_model(
    tmp_path_factory: pytest.TempPathFactory, ops: list[tuple[bool, int]]
) -> None:
    """After any sequence of adds and removals, the index holds exactly the model's
    documents, no query returns a removed one, and the index checks clean."""
    index = Index.create(tmp_path_factory.mktemp("ix") / "ix", config=LEXICAL)
    model: set[int] = set()
    for is_add, k in ops:
        if is_add:
            result = index.add(_doc(k), doc_id=f"d{k}")
            assert result.status == ("duplicate" if k in model else "added")
            model.add(k)
        else:
            assert index.rm(f"d{k}") == (k in model)
            model.discard(k)
    assert sorted(index.ids()) == sorted(f"d{k}" for k in model)
    for k in range(8):
        found = {c.doc_id for c in index.candidates(_doc(k), limit=50)}
        assert found <= {f"d{m}" for m in model}
        if k in model:
            assert f"d{k}" in found
    assert index.check() == []
    index.close()


def test_foreign_or_broken_indexes_are_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="not an unspin index"):
        Index.open(tmp_path)
    with pytest.raises(StoreError, match="no such index"):
        Index.open(tmp_path / "missing")
    Index.create(tmp_path / "newer").close()
    conn = sqlite3.connect(tmp_path / "newer" / DB_NAME)
    conn.execute("UPDATE meta SET value = '99' WHERE name = 'format_version'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="format 99 is newer"):
        Index.open(tmp_path / "newer")
    conn = sqlite3.connect(tmp_path / "newer" / DB_NAME)
    conn.execute("UPDATE meta SET value = '5' WHERE name = 'format_version'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match=r"format 5 is older .*build it again"):
        Index.open(tmp_path / "newer")
    Index.create(tmp_path / "other", IndexParams(window=3)).close()
    with pytest.raises(StoreError, match="other settings"):
        Index.open(tmp_path / "other", IndexParams())
    Index.open(tmp_path / "other").close()  # without explicit settings it adopts its own
    (tmp_path / "corrupt").mkdir()
    (tmp_path / "corrupt" / DB_NAME).write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(CorruptIndexError, match="damaged or not an unspin index"):
        Index.open(tmp_path / "corrupt")
    with pytest.raises(StoreError, match="not an empty directory"):
        Index.create(tmp_path / "newer")


def test_an_index_opens_only_with_the_settings_its_keys_were_made_with(tmp_path: Path) -> None:
    """``max_unit_words`` cuts the units the keys are made of: an index made with one value
    and searched with another would miss its own documents, so it is refused on open."""
    short = LEXICAL.with_overrides(max_unit_words=12)
    with Index.create(tmp_path / "ix", config=short) as index:
        index.add(SEED_A, doc_id="seed")
    with pytest.raises(StoreError, match=r"max_unit_words=12; open it with the same"):
        Index.open(tmp_path / "ix", config=LEXICAL)
    with Index.open(tmp_path / "ix", config=short) as index:
        assert search(index, SEED_B).hits[0].doc_id == "seed"
    # an index made before the setting was stored was made with the defaults
    Index.create(tmp_path / "old", config=LEXICAL).close()
    conn = sqlite3.connect(tmp_path / "old" / DB_NAME)
    conn.execute("DELETE FROM meta WHERE name = 'key_settings'")
    conn.commit()
    conn.close()
    Index.open(tmp_path / "old", config=LEXICAL).close()
    with pytest.raises(StoreError, match="max_unit_words=40"):
        Index.open(tmp_path / "old", config=short)


def test_cli_reports_bad_indexes_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "corrupt").mkdir()
    (tmp_path / "corrupt" / DB_NAME).write_bytes(b"garbage" * 500)
    for target, code in ((tmp_path, 3), (tmp_path / "corrupt", 4)):  # not an index; damaged
        result = CliRunner().invoke(main, ["index", "stats", str(target)])
        assert result.exit_code == code
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("unspin: error:"), result.output


def test_cli_add_counts_duplicates_and_rejections(tmp_path: Path) -> None:
    ix = tmp_path / "ix"
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(_doc(1), encoding="utf-8")
    (docs / "b.txt").write_text(_doc(1), encoding="utf-8")  # same text: a duplicate
    (docs / "c.bin").write_bytes(bytes(range(256)) * 8)  # binary: rejected with its reason
    feed = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "j1", "text": _doc(2), "site": "example.org"}),
        json.dumps({"id": "j2", "body": "no text field here"}),
        "{not json",
    ]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["index", "create", str(ix)]).exit_code == 0
    result = runner.invoke(
        main, ["index", "add", str(ix), str(docs), str(feed), "--id-field", "id"]
    )
    assert result.exit_code == 0, result.output
    assert "added 2, already in 1, rejected 3" in result.output
    assert "no text field 'text'" in result.output and "binary" in result.output
    exported = [
        json.loads(x) for x in runner.invoke(main, ["index", "export", str(ix)]).output.splitlines()
    ]
    # the duplicate's id is kept, as an alias of the first
    assert [d["id"] for d in exported] == [str(docs / "a.txt"), "j1", str(docs / "b.txt")]
    assert next(d for d in exported if d["id"] == "j1")["meta"]["site"] == "example.org"
    assert runner.invoke(main, ["index", "check", str(ix)]).exit_code == 0
    assert runner.invoke(main, ["index", "rm", str(ix), "j1"]).exit_code == 0
    missing = runner.invoke(main, ["index", "rm", str(ix), "j1"])
    assert missing.exit_code == 1 and "not in the index: j1" in missing.output


def test_add_documents_reports_what_it_added_and_refused(tmp_path: Path) -> None:
    """The library call behind ``unspin index add``: a transaction holding one document the
    index refuses (an id another text holds) is written again one by one, and only that
    document is rejected."""
    feed = tmp_path / "feed.jsonl"
    records = [{"id": f"r{k}", "text": _doc(k)} for k in range(5)]
    records.insert(2, {"id": "r0", "text": _doc(99)})  # r0 again with another text
    records.append({"id": "r9", "text": _doc(3)})  # r3's text under another id
    feed.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    (tmp_path / "blank.txt").write_text("  \n", encoding="utf-8")
    progress: list[int] = []
    with Index.create(tmp_path / "ix", config=LEXICAL) as index:
        options = ReadOptions(config=LEXICAL, id_field="id")
        inputs = [str(feed), str(tmp_path / "blank.txt")]
        report = add_documents(
            index, inputs, options, jobs=1, on_progress=lambda r: progress.append(r.done)
        )
        assert (report.added, report.duplicate, report.rejected.total) == (5, 1, 2)
        assert sorted(index.ids()) == ["r0", "r1", "r2", "r3", "r4"]
        assert index.get("r0").text == _doc(0)
        assert any("use update" in line for line in report.rejected.lines())
        assert progress == [6] and report.docs_per_s > 0
        assert index.check() == []


FRESH = (
    "Donald Trump says he can end the war in Ukraine quickly, and his first term offers a "
    "guide to how such promises play out. His meetings with Kim Jong Un in Singapore and "
    "Hanoi produced striking photographs and a walk across the border at Panmunjom, but North "
    "Korea kept its missiles and its nuclear programme. Talks with Vladimir Putin may follow "
    "the same course: a summit, warm words, and little that binds anyone. Ukrainians and "
    "Europeans will ask what a ceasefire is worth without guarantees, and who pays for it. "
    "Diplomacy built on personal rapport can open doors, yet it rarely survives the details."
)


def _distractors(n: int) -> list[tuple[str, str]]:
    if not PAN_SRC.is_dir():
        return [(_doc(k), f"synthetic-{k}") for k in range(n)]
    out = []
    for path in sorted(PAN_SRC.glob("*.txt"))[:n]:
        text = path.read_text(encoding="utf-8", errors="replace")
        out.append((text, path.name))
    return out


def test_seed_source_is_found_first_and_a_fresh_text_is_not_a_copy(tmp_path: Path) -> None:
    with Index.create(tmp_path / "ix", config=LEXICAL) as index:
        for text, name in _distractors(150):
            with contextlib.suppress(InputError):
                index.add(text, name=name, doc_id=name)
        index.add(SEED_A, name="seed_000", doc_id="seed_000")
        found = search(index, SEED_B, name="seed_002")
        assert found.hits and found.hits[0].doc_id == "seed_000"
        assert found.hits[0].comparison.verdict.label == "spun-copy"
        fresh = search(index, FRESH, name="fresh")
        assert all(
            h.comparison.verdict.label not in ("spun-copy", "near-duplicate") for h in fresh.hits
        )
        # searches given no comparer share the index's (the model and WordNet load once)
        assert search_comparer(index.config) is search_comparer(index.config)
        assert search_comparer(index.config).typer.lexicon is Comparer(LEXICAL).typer.lexicon
        # ... and verify as a search does, with the weaker evidence a ranking can weigh
        assert search_comparer(index.config).config == LEXICAL.for_search()


def test_seed_source_among_all_pan13_documents(tmp_path: Path) -> None:
    """The issue's seed case at full size: seed 000 among every PAN13 train document (its
    3,230 sources and 1,827 suspicious documents, added by ``unspin index add`` as a user
    would). Searching seed 002 returns seed 000 first as a spun copy; the fresh text on the
    same topic returns no copy verdict."""
    if not PAN_SRC.is_dir():
        pytest.skip("PAN13 train corpus not beside the checkout")
    ix = str(tmp_path / "ix")
    runner = CliRunner()
    assert runner.invoke(main, ["index", "create", ix]).exit_code == 0
    added = runner.invoke(main, ["index", "add", ix, str(PAN_SRC), str(PAN_SRC.parent / "susp")])
    assert added.exit_code == 0, added.output
    seed_a = str(DEMO / "seed_000_syndicated.txt")
    assert runner.invoke(main, ["index", "add", ix, seed_a]).exit_code == 0
    with Index.open(ix) as index:
        assert len(index) > 5000
        found = search(index, SEED_B, name="seed_002")
        assert found.hits[0].doc_id.endswith("seed_000_syndicated.txt")
        assert found.hits[0].comparison.verdict.label == "spun-copy"
        assert found.hits[0].standalone
        fresh = search(index, FRESH, name="fresh")
        copies = ("identical", "near-duplicate", "spun-copy")
        assert all(h.comparison.verdict.label not in copies for h in fresh.hits)


def test_a_sentence_only_the_weaker_search_evidence_aligns_is_a_lead(tmp_path: Path) -> None:
    """One short reworded sentence is aligned by a search's weaker rules
    (``Config.for_search``), where a verdict on the pair alone finds no passage; one lone
    sentence is too little for the calibrated decision, so it is a lead, not a hit, in the
    CLI too. A real copy stays a hit that a verdict on the pair alone confirms."""
    source = (
        "The orchestra played its final concert of the season. Tickets sold out within an "
        "hour of going on sale. The conductor thanked the audience and the volunteers. "
        "The Kelso council quietly approved the Ballantyne library's expansion budget on "
        "Tuesday night. The hall shuts for repairs in the spring. Members of the choir met "
        "for a dinner."
    )
    query = (
        "Rain fell across the northern valleys for most of the week. Farmers said the "
        "harvest would start late this year. The Kelso council silently passed Ballantyne "
        "library's growth budget on tuesday evening. Stalls at the market sold fresh apples "
        "and pears. A new bridge over the river opened to traffic in May."
    )
    ix = tmp_path / "ix"
    with Index.create(ix, config=LEXICAL) as index:
        index.add(source, name="source", doc_id="source")
        index.add(SEED_A, name="seed_000", doc_id="seed_000")
        found = search(index, query)
        assert found.hits == [] and [x.doc_id for x in found.leads] == ["source"]
        assert "Kelso council" in found.leads[0].passages[0].b.of(source)
        assert Comparer(LEXICAL).compare(query, source).passages == ()
        (strong,) = search(index, SEED_B).hits
        assert strong.doc_id == "seed_000" and strong.standalone
    (tmp_path / "q.txt").write_text(query, encoding="utf-8")
    out = CliRunner().invoke(
        main, ["index", "search", str(ix), str(tmp_path / "q.txt"), "--json", "--no-model"]
    )
    assert out.exit_code == 0, out.output
    got = json.loads(out.output)
    assert got["hits"] == [] and got["leads"][0]["id"] == "source"
    out = CliRunner().invoke(
        main, ["index", "search", str(ix), str(tmp_path / "q.txt"), "--no-model"]
    )
    assert "lead" in out.output.lower()
    # --strict verifies as unspin compare does: the weak hit is not returned
    out = CliRunner().invoke(
        main, ["index", "search", str(ix), str(tmp_path / "q.txt"), "--no-model", "--strict"]
    )
    assert out.exit_code == 0, out.output
    assert out.output.startswith("no source found")


WRITER = """
import sys
from unspin.config import DEFAULT_CONFIG
from unspin.index import Index
sys.path.insert(0, sys.argv[2])
from test_index import _doc
index = Index.open(sys.argv[1], config=DEFAULT_CONFIG.with_overrides(use_model=False))
for k in range(10_000):
    index.add(_doc(k), doc_id=f"d{k}")
    print(f"d{k}", flush=True)
"""


def _kill_writer_once(ix: Path, delay: float) -> set[str]:
    """Start a writer, wait for its first committed add, kill -9 it ``delay`` seconds later,
    check the index; the ids whose ``add`` returned (printed by the writer after each one)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(ix), str(Path(__file__).parent)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    hung = threading.Timer(120.0, proc.kill)  # only a writer that never starts waits this long
    hung.start()
    first = proc.stdout.readline().strip()
    hung.cancel()
    time.sleep(delay)
    os.kill(proc.pid, signal.SIGKILL)
    out, _ = proc.communicate()
    assert first, "the writer was killed before it committed anything"
    with Index.open(ix, config=LEXICAL) as index:
        assert index.check() == []
    return {first, *out.split()}


def _held(ix: Path) -> set[str]:
    with Index.open(ix, config=LEXICAL) as index:
        return set(index.ids())


@pytest.mark.parametrize("run", range(3))
def test_kill_9_mid_add_leaves_a_consistent_index(tmp_path: Path, run: int) -> None:
    ix = tmp_path / "ix"
    Index.create(ix).close()
    returned = _kill_writer_once(ix, 0.2 + 0.5 * run)
    held = _held(ix)
    # every add that returned is in; at most the one being committed when killed is too
    assert returned <= held
    assert len(held - returned) <= 1


@pytest.mark.slow
def test_kill_9_mid_add_many_times(tmp_path: Path) -> None:
    ix = tmp_path / "ix"
    Index.create(ix).close()
    rng = random.Random(7)
    returned: set[str] = set()
    kills = 15
    for _ in range(kills):
        returned |= _kill_writer_once(ix, rng.uniform(0.0, 2.0))
        held = _held(ix)
        assert returned <= held
    # each kill may have caught one add committed but not yet reported
    assert len(held - returned) <= kills


def test_readers_search_while_a_writer_adds(tmp_path: Path) -> None:
    ix = tmp_path / "ix"
    with Index.create(ix, config=LEXICAL) as index:
        index.add(_doc(0), doc_id="d0")
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(ix), str(Path(__file__).parent)],
        stdout=subprocess.DEVNULL,
    )
    try:
        with Index.open(ix, config=LEXICAL) as reader:
            seen = set()
            # Search until the reader has seen three index sizes: the writer starts in a fresh
            # interpreter, which on a cold checkout takes seconds, so the deadline only ends a
            # hung run.
            deadline = time.monotonic() + 120.0
            while len(seen) < 3 and time.monotonic() < deadline:
                found = [c.doc_id for c in reader.candidates(_doc(0))]
                assert "d0" in found
                seen.add(len(reader))
        assert len(seen) >= 3  # the reader saw the writer's commits as they landed
    finally:
        proc.kill()
        proc.wait()


def test_two_threads_search_one_index_while_a_third_adds(tmp_path: Path) -> None:
    """One ``Index`` object shared by three threads: each has its own connection, the
    searches see the writer's commits as they land, and nothing fails."""
    with Index.create(tmp_path / "ix", config=LEXICAL) as index:
        index.add(SEED_A, name="seed_000", doc_id="seed_000")
        searcher = Searcher(index, options=SearchOptions(top=3, candidates=5))
        errors: list[BaseException] = []
        sizes: list[set[int]] = [set(), set()]
        done = threading.Event()
        # the writer starts once each reader has searched the index as it was
        ready = threading.Barrier(3, timeout=120)

        def write() -> None:
            try:
                ready.wait()
                for k in range(60):
                    index.add(_doc(k), doc_id=f"d{k}")
            except BaseException as exc:  # the test reports it below
                errors.append(exc)
            finally:
                done.set()

        def look(seen: set[int]) -> None:
            found = searcher.search(SEED_B, name="seed_002")
            assert found.hits and found.hits[0].doc_id == "seed_000"
            assert "d0" not in {h.doc_id for h in found.hits}
            seen.add(len(index))

        def read(seen: set[int]) -> None:
            try:
                look(seen)
                ready.wait()
                while not done.is_set():
                    look(seen)
                look(seen)  # and once the writer is done
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=write)]
        threads += [threading.Thread(target=read, args=(seen,)) for seen in sizes]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=300)
        assert not errors, errors
        assert len(index) == 61 and index.check() == []
        assert all({1, 61} <= seen for seen in sizes)  # each saw the writer's commits land


def test_a_closed_index_refuses_a_new_thread(tmp_path: Path) -> None:
    index = Index.create(tmp_path / "ix", config=LEXICAL)
    index.close()
    errors: list[BaseException] = []

    def count() -> None:
        try:
            len(index)
        except StoreError as exc:
            errors.append(exc)

    thread = threading.Thread(target=count)
    thread.start()
    thread.join()
    assert len(errors) == 1 and "the index is closed" in str(errors[0])


def test_check_finds_damage(tmp_path: Path) -> None:
    ix = tmp_path / "ix"
    with Index.create(ix, config=LEXICAL) as index:
        for k in range(3):
            index.add(_doc(k), doc_id=f"d{k}")
        assert index.check() == []
    conn = sqlite3.connect(ix / DB_NAME)
    conn.execute("DELETE FROM docs WHERE ext_id = 'd1'")  # postings and counts left behind
    conn.commit()
    conn.close()
    with Index.open(ix, config=LEXICAL) as index:
        problems = index.check()
    assert any("not in the index" in p for p in problems)
    assert any("key document counts" in p for p in problems)
    result = CliRunner().invoke(main, ["index", "check", str(ix)])
    assert result.exit_code == 4 and "problem(s) found" in result.output


key_st = st.integers(1, 12)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sets(key_st, max_size=6), min_size=1, max_size=6),
    st.dictionaries(key_st, st.floats(0.1, 5.0), max_size=12),
    st.lists(st.tuples(key_st, st.integers(1, 5), st.integers(0, 4)), max_size=60, unique=True),
)
def test_vectorised_window_scores_equal_the_plain_loop(
    windows: list[set[int]], weights: dict[int, float], rows: list[tuple[int, int, int]]
) -> None:
    fast_score, fast_found = window_scores(*window_values(windows, weights, rows, C), C)
    slow_score, slow_found = window_scores_reference(windows, weights, rows, C)
    assert fast_found == slow_found
    assert fast_score.keys() == slow_score.keys()
    for doc, value in slow_score.items():
        assert fast_score[doc] == pytest.approx(value, rel=1e-9)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sets(key_st, max_size=6), min_size=1, max_size=6),
    # whole weights: sums are exact in either order, so ties compare equal in both
    st.dictionaries(key_st, st.integers(1, 4).map(float), max_size=12),
    st.lists(st.tuples(key_st, st.integers(1, 5), st.integers(0, 4)), max_size=60, unique=True),
    st.sets(st.integers(1, 5), max_size=3),
)
def test_vectorised_local_order_equals_the_plain_loop(
    windows: list[set[int]],
    weights: dict[int, float],
    rows: list[tuple[int, int, int]],
    exclude: set[int],
) -> None:
    score, found = local_order(*window_values(windows, weights, rows, C), exclude)
    assert list(score) == local_order_reference(windows, weights, rows, exclude, C)
    assert not exclude & score.keys()
    # every document found by some window is ranked, whatever its global score
    _, everywhere = window_scores(*window_values(windows, weights, rows, C), C)
    assert set(score) == everywhere.keys() - exclude
    assert all(found[d] == everywhere[d] for d in score)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sets(st.integers(0, 2**63 - 1) | st.integers(1, 8), max_size=5),
        min_size=1,
        max_size=200,
    ),
    st.integers(1, 2**40),
)
def test_window_masks_round_trip(windows: list[set[int]], doc: int) -> None:
    """Postings stored as (key, block, mask) expand back to exactly the (key, window) pairs,
    past 64 windows and with the mask's top bit (stored as SQLite's sign) set."""
    rows = [(k, doc, b, m) for k, b, m in postings_of(windows)]
    assert all(-(2**63) <= m < 2**63 and m != 0 for _, _, _, m in rows)
    expanded = {tuple(int(v) for v in r) for r in expand_postings(rows)}
    assert expanded == {(k, doc, w) for w, keys in enumerate(windows) for k in keys}


def test_entries_from_worker_processes_equal_entries_made_here(tmp_path: Path) -> None:
    """``keyed_batches`` on 2 processes gives the same entries as in this process, and an
    index filled from them (joined into transactions) holds the same postings and finds the
    same candidates."""
    docs = [(_doc(i), f"d{i}", f"d{i}", None) for i in range(40)]
    batches = [docs[i : i + 15] for i in range(0, len(docs), 15)]
    params = IndexParams()
    here = list(keyed_batches(batches, LEXICAL, params, jobs=1))
    there = list(keyed_batches(batches, LEXICAL, params, jobs=2, ahead=1))
    assert [b for b, _ in here] == [b for b, _ in there] == batches
    assert [k for _, k in here] == [k for _, k in there]
    a = Index.create(tmp_path / "a", config=LEXICAL)
    b = Index.create(tmp_path / "b", config=LEXICAL)
    grouped = list(transactions(there, size=20))  # 15 + 15, then the last 10
    assert [len(g) for g, _ in grouped] == [30, 10]
    assert [d for g, _ in grouped for d in g] == docs
    for batch, keyed in grouped:
        a.add_many(batch, keyed=keyed)
    b.add_many(docs)
    assert a.check() == [] and b.check() == []
    rows = (
        "SELECT key, d.ext_id, block, mask FROM postings_0 JOIN docs d ON d.id = doc "
        "ORDER BY 1, 2, 3"
    )
    assert a.conn.execute(rows).fetchall() == b.conn.execute(rows).fetchall()
    query = docs[7][0][:400] + " " + docs[21][0][-400:]
    found = a.candidates(query)
    assert {c.doc_id for c in found[:2]} == {"d7", "d21"}
    assert found == b.candidates(query)


def test_postings_segments_roll_over_and_stay_exact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With small segments: documents spread over several, every one is found, removal and
    update reach the right segment, and check counts each segment."""
    monkeypatch.setattr("unspin.index.store.SEGMENT_DOCS", 4)
    index = Index.create(tmp_path / "ix", config=LEXICAL)
    docs = [(_doc(i), f"d{i}", f"d{i}", None) for i in range(18)]
    for i in range(0, len(docs), 3):
        index.add_many(docs[i : i + 3])
    segments = index.conn.execute("SELECT id, docs FROM segments ORDER BY id").fetchall()
    assert len(segments) >= 3 and sum(n for _, n in segments) == 18
    for i in (0, 9, 17):
        assert index.candidates(docs[i][0])[0].doc_id == f"d{i}"
    assert index.rm("d0") and index.rm("d9")
    index.update("d17", _doc(1000))
    assert index.check() == []
    assert len(index) == 16
    for i in (0, 9):
        assert f"d{i}" not in {c.doc_id for c in index.candidates(docs[i][0])}
    assert index.candidates(_doc(1000))[0].doc_id == "d17"


def test_a_second_round_finds_the_sources_the_first_crowded_out(tmp_path: Path) -> None:
    """A text stitched from three sources, with room for two candidates: one round verifies
    two and misses the third; the second round looks for sources of what is unexplained."""
    docs = _distractors(60)
    with Index.create(tmp_path / "ix", config=LEXICAL) as index:
        for text, name in docs:
            with contextlib.suppress(InputError):
                index.add(text, name=name, doc_id=name)
        picked = [docs[5], docs[25], docs[45]]
        query = "\n\n".join(text[:2500] for text, _ in picked)
        want = {name for _, name in picked}
        one = {h.doc_id for h in search(index, query, candidates=2, rounds=1).hits}
        two = {h.doc_id for h in search(index, query, candidates=2, rounds=2).hits}
        assert len(one & want) == 2
        assert two >= want


def test_pair_keys_are_stored_with_the_index_and_find_copies(tmp_path: Path) -> None:
    ix = tmp_path / "ix"
    assert CliRunner().invoke(main, ["index", "create", str(ix), "--pair-keys"]).exit_code == 0
    docs = _distractors(30)
    with Index.open(ix, config=LEXICAL) as index:
        assert index.params.pairs_per_unit == 1
        for text, name in docs:
            with contextlib.suppress(InputError):
                index.add(text, name=name, doc_id=name)
        assert index.check() == []
        query = docs[7][0][:1500] + "\n\n" + docs[19][0][-1500:]
        assert {c.doc_id for c in index.candidates(query)[:2]} == {docs[7][1], docs[19][1]}
    plain = IndexParams()
    paired = IndexParams(pairs_per_unit=1)
    norm_keys = text_keys(docs[3][0], "", LEXICAL, plain)
    pair_keys = text_keys(docs[3][0], "", LEXICAL, paired)
    # the same windows, each with its units' pair keys added
    assert all(a <= b for a, b in zip(norm_keys, pair_keys, strict=True))
    assert sum(len(b - a) for a, b in zip(norm_keys, pair_keys, strict=True)) > 0


def test_of_two_sources_explaining_the_same_text_the_closer_ranks_first(tmp_path: Path) -> None:
    """The query is one source word for word and a rewrite of the other with the same rare
    words: both explain all of it with the same candidate score, and the one whose wording
    it keeps ranks first (by name, the rewrite would)."""
    docs = _distractors(20)
    original = docs[5][0][:2000]
    words = original.split(" ")
    # common words swapped, the rare ones (the index's keys) kept: equal candidate scores
    swaps = {"the": "this", "a": "one", "and": "plus", "of": "from", "in": "within", "is": "was"}
    rewrite = " ".join(swaps.get(w, w) for w in words)
    with Index.create(tmp_path / "ix", config=LEXICAL) as index:
        for text, name in [(rewrite, "a-rewrite"), (original, "z-original"), *docs[10:]]:
            with contextlib.suppress(InputError):
                index.add(text, name=name, doc_id=name)
        hits = search(index, original, candidates=5).hits
    assert [h.doc_id for h in hits[:2]] == ["z-original", "a-rewrite"]
    assert hits[0].reused_chars == hits[1].reused_chars
    assert hits[0].closeness > hits[1].closeness
    # the rewrite holds the original's text: one family, led by the original
    assert (hits[0].copy_of, hits[1].copy_of) == (None, "z-original")


def test_copies_of_one_source_on_other_sites_are_one_family(tmp_path: Path) -> None:
    """The seed op-ed indexed three times (as syndicated, and mirrored by two sites that
    frame it with their own lines): a search for the spun rewrite returns one family, its
    lead and the two mirrors as its copies, all in the first ``top`` result; in the JSON
    and the text output too. Unrelated documents are not drawn in."""
    body = SEED_A.split("\n", 3)[3]  # past the syndicated copy's own first lines
    mirrors = [
        "Opinion Digest - all the columns in one place\n\n" + body + "\n\nShare this story",
        "Reprinted with permission.\n\n" + body + "\n\nComments are closed.",
    ]
    ix = tmp_path / "ix"
    with Index.create(ix, config=LEXICAL) as index:
        for k in range(20):
            index.add(_doc(k), doc_id=f"d{k}")
        index.add(SEED_A, doc_id="seed_000")
        index.add(mirrors[0], doc_id="mirror-1")
        index.add(mirrors[1], doc_id="mirror-2")
        hits = search(index, SEED_B, top=1).hits
    assert {h.doc_id for h in hits} == {"seed_000", "mirror-1", "mirror-2"}
    lead = hits[0]
    assert lead.copy_of is None and [h.copy_of for h in hits[1:]] == [lead.doc_id] * 2
    assert all(h.comparison.verdict.label == "spun-copy" for h in hits)
    (tmp_path / "q.txt").write_text(SEED_B, encoding="utf-8")
    out = CliRunner().invoke(
        main, ["index", "search", str(ix), str(tmp_path / "q.txt"), "--json", "--no-model"]
    )
    assert out.exit_code == 0, out.output
    got = json.loads(out.output)["hits"]
    assert [h["copy_of"] for h in got] == [None, lead.doc_id, lead.doc_id]
    out = CliRunner().invoke(
        main, ["index", "search", str(ix), str(tmp_path / "q.txt"), "--no-model"]
    )
    assert out.output.startswith(f"1. {lead.doc_id}  spun-copy")
    assert out.output.count(f"copy of {lead.doc_id}'s text: spun-copy") == 2
    assert "\n2. " not in out.output


FLOOD_RESTATED = (
    "Two hundred Kelso families had to leave their houses after heavy rain on Tuesday night. "
    "According to the Environment Agency the Tweed climbed four metres over its usual level "
    "in just six hours. Sandbags were stacked on Bridge Street by council workers, and "
    "volunteers brought elderly residents to the parish hall. Damage across the Borders "
    "region is put at above twelve million pounds by insurers. The rail line to Berwick stays "
    "shut until Friday, a spokesman for the operator said. Upstream, farmers lost sheep and "
    "winter feed to the overnight torrent. Every household forced out will get emergency "
    "grants, the first minister promised. A second storm may hit the valley by the weekend, "
    "forecasters warned."
)


def test_a_rewrite_keeping_under_half_the_wording_is_its_own_family(tmp_path: Path) -> None:
    """The flood report, a mirror of it, and the same facts retold in other words (a
    spun-copy of the query, keeping under half its wording): the mirror is the report's
    copy, the retelling a hit of its own, ranked below (``Config.family_similarity``)."""
    from test_align import FLOOD

    assert Comparer(LEXICAL).compare(FLOOD, FLOOD_RESTATED).passages[0].similarity < 0.5
    with Index.create(tmp_path / "ix", config=LEXICAL) as index:
        for k in range(20):
            index.add(_doc(k), doc_id=f"d{k}")
        index.add(FLOOD, doc_id="flood")
        index.add("Borders Herald | News | Weather\n\n" + FLOOD, doc_id="flood-mirror")
        index.add(FLOOD_RESTATED, doc_id="flood-restated")
        hits = search(index, FLOOD).hits
        assert [(h.doc_id, h.copy_of) for h in hits] == [
            ("flood", None),
            ("flood-mirror", "flood"),
            ("flood-restated", None),
        ]
        assert hits[2].comparison.verdict.label == "paraphrased-copy"
        assert [h.doc_id for h in search(index, FLOOD, top=1).hits] == ["flood", "flood-mirror"]


def test_a_stitched_text_credits_each_part_to_its_own_source(tmp_path: Path) -> None:
    from test_align import CHESS, FLOOD, STITCHED

    with Index.create(tmp_path / "ix", config=LEXICAL) as index:
        for k in range(20):
            index.add(_doc(k), doc_id=f"d{k}")
        index.add(FLOOD, doc_id="flood")
        index.add(CHESS, doc_id="chess")
        found = {h.doc_id: h for h in search(index, STITCHED).hits}
    start = STITCHED.index(CHESS)
    end = start + len(CHESS)
    assert set(found) == {"flood", "chess"}
    # the flood report's passages stop at the pasted paragraph; the chess report has it
    assert all(p.a.end <= start or p.a.start >= end for p in found["flood"].comparison.passages)
    assert len(found["flood"].comparison.passages) == 2
    assert found["chess"].reused_chars >= len(CHESS) - 1


def test_a_text_added_again_under_another_id_is_kept_as_an_alias(tmp_path: Path) -> None:
    """Nothing a user gave is lost: the second id of one text is an alias, read with its own
    name and metadata; removing the first leaves the text under the alias."""
    text = TOPICS[0]
    with Index.create(tmp_path / "ix", config=LEXICAL) as index:
        assert index.add(text, name="wire.txt", doc_id="wire").status == "added"
        again = index.add(text, name="site.txt", doc_id="site", meta={"k": 1})
        assert (again.status, again.doc_id) == ("duplicate", "wire")
        assert index.add(text, name="wire.txt", doc_id="wire").status == "duplicate"
        assert index.aliases() == [("site", "wire", "site.txt", {"k": 1})]
        site = index.get("site")
        assert (site.doc_id, site.name, site.meta) == ("site", "site.txt", {"k": 1})
        assert site.text == text
        assert "site" in index and len(index) == 1
        assert [d.doc_id for d in index.export()] == ["wire", "site"]
        with pytest.raises(InputError, match="other text"):
            index.add(TOPICS[1], doc_id="site")
        assert index.rm("wire") and len(index) == 1 and index.aliases() == []
        assert index.get("site").text == text and "wire" not in index
        assert index.check() == []
        assert index.rm("site") and len(index) == 0
        index.conn.execute("INSERT INTO aliases VALUES ('x', 999, '', '{}', 0)")
        assert index.check() == ["1 alias(es) of documents not in the index"]


def test_a_format_8_index_is_upgraded_to_keep_aliases(tmp_path: Path) -> None:
    ix = tmp_path / "ix"
    with Index.create(ix, config=LEXICAL) as index:
        index.add(TOPICS[0], doc_id="a")
    conn = sqlite3.connect(ix / DB_NAME)
    conn.execute("DROP TABLE aliases")
    conn.execute("UPDATE meta SET value = '8' WHERE name = 'format_version'")
    conn.commit()
    conn.close()
    with Index.open(ix, config=LEXICAL) as index:
        index.add(TOPICS[0], doc_id="b")
        assert index.aliases() == [("b", "a", "", {})] and index.check() == []

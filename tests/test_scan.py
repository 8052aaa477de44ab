"""``unspin scan``: the capped self-join against a plain loop, families on the per-language
test set and the seed pair, resume and incremental scans, and kill -9 at random moments."""

from __future__ import annotations

import json
import math
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from conftest import LEXICAL, SEED_A, SEED_B
from unspin.cli import main
from unspin.index import Index
from unspin.index.candidates import expand_postings
from unspin.index.schema import postings_table
from unspin.scan import ScanOptions, scan_index
from unspin.scan.candidates import candidate_pairs, copy_groups, document_signatures, key_weight
from unspin.scan.verify import report_name

LANG = Path(__file__).parent / "data" / "lang"
OUTPUTS = ("documents.jsonl", "edges.jsonl", "families.jsonl")


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    for text in LANG.glob("*.txt"):
        shutil.copy(text, folder)
    (folder / "seed_a.txt").write_text(SEED_A, encoding="utf-8")
    (folder / "seed_b.txt").write_text(SEED_B, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def corpus_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("scan")
    corpus = _corpus(root / "corpus")
    ix = root / "ix"
    with Index.create(ix, config=LEXICAL) as index:
        for path in sorted(corpus.iterdir()):
            index.add(path.read_text(encoding="utf-8"), name=path.stem, doc_id=path.stem)
    return ix


def _outputs(out: Path) -> dict[str, str]:
    return {name: (out / name).read_text(encoding="utf-8") for name in OUTPUTS}


def test_the_self_join_equals_a_plain_loop(corpus_index: Path) -> None:
    """The vectorised join (what the Spark job runs too) against loops over the postings."""
    with Index.open(corpus_index, config=LEXICAL) as index:
        got, _ = candidate_pairs(index, cap=50, per_document=10, copy_jaccard=0.8)
        config = index.config
        n = len(index)
        copies = copy_groups(document_signatures(index), 0.8)
        rows = []
        for seg in index.segment_ids():
            rows += index.conn.execute(f"SELECT * FROM {postings_table(seg)}").fetchall()
    assert copies, "the language set has copies of one text"
    # a copy's postings of the keys its group's first holds too are left out of the join
    keys_of: dict[int, set[int]] = defaultdict(set)
    for key, doc, _ in expand_postings(rows).tolist():
        keys_of[doc].add(key)

    def joins(key: int, doc: int) -> bool:
        return doc not in copies or key not in keys_of[copies[doc]]

    docs_of: dict[int, set[int]] = defaultdict(set)
    for key, doc, _ in expand_postings(rows).tolist():
        if joins(key, doc):
            docs_of[key].add(doc)
    df = {key: len(found) for key, found in docs_of.items()}
    held: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for key, doc, win in expand_postings(rows).tolist():
        if joins(key, doc) and 2 <= df[key] <= 50:
            held[key].append((doc, win))
    shared: dict[tuple[int, int, int, int], list[float]] = defaultdict(list)
    for key, found in held.items():
        for d1, w1 in found:
            for d2, w2 in found:
                if d1 < d2:
                    shared[d1, w1, d2, w2].append(key_weight(n, df[key]))
    best: dict[tuple[int, int, int], float] = {}
    for (d1, w1, d2, _), ws in shared.items():
        if len(ws) >= config.candidate_min_shared:
            v = math.fsum(ws) ** config.candidate_power
            best[d1, d2, w1] = max(best.get((d1, d2, w1), 0.0), v)
    per_pair: dict[tuple[int, int], list[float]] = defaultdict(list)
    for (d1, d2, _), v in best.items():
        per_pair[d1, d2].append(v)
    top = config.candidate_top_windows
    score = {p: round(math.fsum(sorted(v, reverse=True)[:top]), 6) for p, v in per_pair.items()}
    partners: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for (a, b), s in score.items():
        partners[a].append((-s, b))
        partners[b].append((-s, a))
    want = sorted(
        {(min(d, o), max(d, o)) for d, f in partners.items() for _, o in sorted(f)[:10]}
        | {(min(c, f), max(c, f)) for c, f in copies.items()}
    )
    assert got == want and got
    # in passes (a window-pair budget far under the join's), the same pairs
    with Index.open(corpus_index, config=LEXICAL) as index:
        parted, join = candidate_pairs(index, 50, 10, 0.8, budget=300)
    assert join["passes"] > 3 and parted == got


def test_families_of_the_language_set(corpus_index: Path, tmp_path: Path) -> None:
    with Index.open(corpus_index, config=LEXICAL) as index:
        stats = scan_index(index, tmp_path / "out", ScanOptions(jobs=1))
    fams = [json.loads(line) for line in (tmp_path / "out" / "families.jsonl").open()]
    edges = [json.loads(line) for line in (tmp_path / "out" / "edges.jsonl").open()]
    assert stats["edges"] == len(edges) and stats["families"] == len(fams)
    by_lang = {}
    for f in fams:
        langs = {d.split("_")[0] for d in f["documents"]}
        assert len(langs) == 1, f["documents"]  # no family joins two stories
        by_lang[langs.pop()] = f
    for lang in ("en", "fr", "de", "es", "ru", "zh", "ja", "ar", "th"):
        members = by_lang[lang]["documents"]
        assert {f"{lang}_source", f"{lang}_copy"} <= set(members)
        assert f"{lang}_unrelated" not in members
        assert any(
            {f"{lang}_copy", f"{lang}_source"} <= set(g)
            for g in by_lang[lang]["syndication_groups"]
        )
        assert not any(f"{lang}_paraphrase" in g for g in by_lang[lang]["syndication_groups"])
    seed = by_lang["seed"]
    assert seed["documents"] == ["seed_a", "seed_b"]
    assert seed["original"] == "seed_a" and seed["original_by"] == "direction"
    assert seed["tree"] == [{"parent": "seed_a", "child": "seed_b", "edge": "seed_a|seed_b"}]
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert page.count("pair report") >= len(edges) and "Family 0" in page
    for e in edges:  # each edge's pair report, one click from the summary
        report = tmp_path / "out" / "pairs" / report_name(e["a"], e["b"])
        assert f'href="pairs/{report.name}"' in page and "<html" in report.read_text()
    docs = {d["id"]: d for d in map(json.loads, (tmp_path / "out" / "documents.jsonl").open())}
    assert docs["en_unrelated"]["family"] is None and docs["seed_b"]["family"] == seed["id"]
    for e in edges:
        assert e["a"] < e["b"] and e["label"] in (
            "identical",
            "near-duplicate",
            "spun-copy",
            "paraphrased-copy",
            "partial-reuse",
        )


def test_a_scan_run_again_verifies_nothing_and_writes_the_same(
    corpus_index: Path, tmp_path: Path
) -> None:
    with Index.open(corpus_index, config=LEXICAL) as index:
        first = scan_index(index, tmp_path / "out", ScanOptions(jobs=1, shard_pairs=7))
        before = _outputs(tmp_path / "out")
        again = scan_index(index, tmp_path / "out", ScanOptions(jobs=1, shard_pairs=7))
        assert again["verified_now"] == 0 and again["verified_before"] == first["verified_now"]
        assert _outputs(tmp_path / "out") == before
        with pytest.raises(Exception, match="other settings"):
            scan_index(index, tmp_path / "out", ScanOptions(jobs=1, key_cap=3))


def test_after_documents_are_added_only_their_pairs_are_verified(
    corpus_index: Path, tmp_path: Path
) -> None:
    ix = tmp_path / "ix"
    shutil.copytree(corpus_index, ix)
    with Index.open(ix, config=LEXICAL) as index:
        scan_index(index, tmp_path / "out", ScanOptions(jobs=1))
        index.add(
            (LANG / "en_source.txt").read_text(encoding="utf-8") + "\nMore to come.",
            name="en_again",
            doc_id="en_again",
        )
        stats = scan_index(index, tmp_path / "out", ScanOptions(jobs=1))
        lines = [
            json.loads(x) for p in (tmp_path / "out" / "shards").glob("*.jsonl") for x in p.open()
        ]
    new = [x for x in lines if "en_again" in (x["a"], x["b"])]
    assert stats["verified_now"] == len(new) > 0
    fresh = tmp_path / "fresh"
    with Index.open(ix, config=LEXICAL) as index:
        scan_index(index, fresh, ScanOptions(jobs=1))
    assert _outputs(tmp_path / "out") == _outputs(fresh)


def test_kill_9_at_random_moments_then_resume_gives_the_uninterrupted_output(
    corpus_index: Path, tmp_path: Path
) -> None:
    """Ten scans killed (SIGKILL) once they have made progress, at a random moment after,
    each followed by the next run: the last run's output equals an uninterrupted scan's."""
    args = [
        sys.executable,
        "-m",
        "unspin",
        "scan",
        "--index",
        str(corpus_index),
        "--no-model",
        "--shard-pairs",
        "1",
        "--jobs",
        "1",
        "--out",
    ]
    whole = tmp_path / "whole"
    subprocess.run([*args, str(whole)], check=True, capture_output=True)
    out = tmp_path / "killed"
    rng = random.Random(7)
    kills = 0
    for _ in range(10):
        shards = out / "shards"
        before = len(list(shards.glob("*.jsonl"))) if shards.exists() else 0
        proc = subprocess.Popen(
            [*args, str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 60
        while proc.poll() is None and time.monotonic() < deadline:
            if shards.exists() and len(list(shards.glob("*.jsonl"))) > before:
                break
            time.sleep(0.01)
        time.sleep(rng.uniform(0, 0.3))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
        proc.wait()
    assert kills >= 5  # most runs were killed mid-scan
    subprocess.run([*args, str(out)], check=True, capture_output=True)
    assert _outputs(out) == _outputs(whole)


def test_scan_cli_reads_inputs_and_says_what_it_found(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    got = CliRunner().invoke(
        main, ["scan", str(corpus), "--out", str(tmp_path / "o"), "--no-model", "--jobs", "1"]
    )
    assert got.exit_code == 0, got.output
    assert "families" in got.stdout
    assert json.loads((tmp_path / "o" / "stats.json").read_text())["documents"] == 42
    got = CliRunner().invoke(main, ["scan", "--out", str(tmp_path / "o2")])
    assert got.exit_code == 2 and "give inputs" in got.output


def test_a_damaged_shard_or_manifest_is_one_line(corpus_index: Path, tmp_path: Path) -> None:
    with Index.open(corpus_index, config=LEXICAL) as index:
        scan_index(index, tmp_path / "out", ScanOptions(jobs=1))
        shard = sorted((tmp_path / "out" / "shards").glob("*.jsonl"))[0]
        shard.write_text(shard.read_text()[:-20] + "\n", encoding="utf-8")
        with pytest.raises(Exception, match=r"a damaged shard .*delete it"):
            scan_index(index, tmp_path / "out", ScanOptions(jobs=1))
        shard.unlink()
        again = scan_index(index, tmp_path / "out", ScanOptions(jobs=1))
        assert again["verified_now"] > 0
        (tmp_path / "out" / "scan.json").write_text("{", encoding="utf-8")
        with pytest.raises(Exception, match="not a scan's manifest"):
            scan_index(index, tmp_path / "out", ScanOptions(jobs=1))


def test_many_copies_in_one_folder_are_one_family(tmp_path: Path) -> None:
    """Lines recurring in 5 documents of one feed are learned as page furniture; when they
    are most of a text, the text is a copy of the others (syndication), and they are kept:
    six copies of one article in one folder make one family."""
    folder = tmp_path / "feed"
    folder.mkdir()
    source = (LANG / "en_source.txt").read_text(encoding="utf-8")
    for k in range(6):
        (folder / f"copy{k}.txt").write_text(f"{source}\nFiled by desk {k}.\n", encoding="utf-8")
    (folder / "other.txt").write_text((LANG / "en_unrelated.txt").read_text(encoding="utf-8"))
    got = CliRunner().invoke(
        main, ["scan", str(folder), "--out", str(tmp_path / "o"), "--no-model", "--jobs", "1"]
    )
    assert got.exit_code == 0, got.output
    (family,) = [json.loads(x) for x in (tmp_path / "o" / "families.jsonl").open()]
    assert family["size"] == 6 and not any("other" in d for d in family["documents"])


def test_more_copies_than_the_key_cap_are_still_one_family(tmp_path: Path) -> None:
    """60 copies of one article hold each of its keys 60 times, over the key cap of 50: the
    capped join alone finds no pair among them. Grouped first as copies of one text
    (``copy_groups``), each is verified against the group's first: one family of 60."""
    folder = tmp_path / "wire"
    folder.mkdir()
    source = (LANG / "en_source.txt").read_text(encoding="utf-8")
    for k in range(60):
        (folder / f"site{k:02d}.txt").write_text(f"{source}\nRepublished by site {k}.\n")
    (folder / "other.txt").write_text((LANG / "en_unrelated.txt").read_text(encoding="utf-8"))
    got = CliRunner().invoke(
        main, ["scan", str(folder), "--out", str(tmp_path / "o"), "--no-model", "--jobs", "1"]
    )
    assert got.exit_code == 0, got.output
    stats = json.loads((tmp_path / "o" / "stats.json").read_text())
    assert stats["join"]["copies"] >= 55, stats
    (family,) = [json.loads(x) for x in (tmp_path / "o" / "families.jsonl").open()]
    assert family["size"] == 60 and not any("other" in d for d in family["documents"])


def test_the_same_text_under_several_names_is_one_family_of_all(tmp_path: Path) -> None:
    """The index keeps one text once; the other files holding it are its aliases, listed in
    documents.jsonl (``copy_of``) and verified as identical copies: no name is lost."""
    folder = tmp_path / "sites"
    folder.mkdir()
    source = (LANG / "en_source.txt").read_text(encoding="utf-8")
    for k in range(3):
        (folder / f"site{k}.txt").write_text(source, encoding="utf-8")
    got = CliRunner().invoke(main, ["scan", str(folder), "--out", str(tmp_path / "o"),
                                    "--no-model", "--jobs", "1"])
    assert got.exit_code == 0, got.output
    docs = [json.loads(x) for x in (tmp_path / "o" / "documents.jsonl").open()]
    assert len(docs) == 3 and sorted(d["copy_of"] is None for d in docs) == [False, False, True]
    (family,) = [json.loads(x) for x in (tmp_path / "o" / "families.jsonl").open()]
    assert family["size"] == 3 and len(family["syndication_groups"]) == 1
    edges = [json.loads(x) for x in (tmp_path / "o" / "edges.jsonl").open()]
    assert {e["label"] for e in edges} == {"identical"} and len(edges) == 2


def test_window_pairs_that_share_too_few_keys_score_no_pair() -> None:
    """A join whose window pairs each share one key (under ``candidate_min_shared``) scores
    nothing: it crashed once (exit 70) on a folder of copies and one text besides."""
    from unspin.scan.candidates import pair_scores

    pairs = np.array([[11, 1, 0, 2, 0], [12, 1, 3, 2, 5]], dtype=np.int64)
    assert pair_scores(pairs, {11: 1.0, 12: 1.0}, LEXICAL) == {}

"""``unspin eval pairs``: a labelled pairs list read and checked, the reuse decision scored per
set, and a search finding each pair's a-side, on a tiny corpus written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from conftest import LEXICAL
from unspin.cli import main
from unspin.errors import InputError
from unspin.eval.pairs import evaluate_pairs, load_pairs, pairs_report_to_dict
from unspin.eval.pairs_search import evaluate_search

ARTICLE = """\
The city council of Marlowe voted on Tuesday to rebuild the old stone bridge over the Tarn \
river, which was badly damaged by the floods in March. Engineers estimate that the work will \
cost 4.2 million euros and take about eighteen months.

During the works, a temporary ferry will carry pedestrians and cyclists between the two banks \
every twenty minutes. Lorries will be sent along the northern ring road, adding roughly fifteen \
minutes to their journeys.

Mayor Helene Brassac said the bridge was "the heart of the town" and promised that local firms \
would get a fair share of the contracts. Opposition councillors asked for an independent audit \
of the budget before any money is spent.
"""
# a lightly edited copy of ARTICLE: reuse
EDITED = """\
On Tuesday the city council of Marlowe voted to rebuild the old stone bridge across the Tarn \
river, which was seriously damaged by the March floods. Engineers estimate the work will cost \
4.2 million euros and last about eighteen months.

While the works go on, a temporary ferry will take pedestrians and cyclists between the two \
banks every twenty minutes. Trucks will be diverted along the northern ring road, adding about \
fifteen minutes to their trips.

Mayor Helene Brassac said the bridge was "the heart of the town" and promised that local \
companies would get a fair share of the contracts. Opposition councillors called for an \
independent audit of the budget before any money is spent.
"""
UNRELATED = """\
Astronomers at the Kessler observatory have spotted a faint comet moving slowly through the \
constellation of Draco. The object, catalogued as C/2031 K4, is expected to brighten over the \
summer as it nears the sun.

Amateur observers with small telescopes should be able to see it in the early morning sky from \
late June. The team measured its orbit over six nights and believe it last passed through the \
inner solar system thousands of years ago.
"""
# line 2: reuse, decided right (tp); 3, 4: no reuse (tn); 5: labelled reuse on purpose, but
# the texts are unrelated (fn)
LIST = """\
a,b,expect,set,split,note
article.txt,edited.txt,reuse,news,dev,light edit
article.txt,unrelated.txt,no-reuse,news,dev,
texts/unrelated.txt,edited.txt,no-reuse,news,test,same text in another folder
edited.txt,unrelated.txt,reuse,hard,test,wrong on purpose
"""


def _corpus(root: Path, listing: str = LIST) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "texts").mkdir(exist_ok=True)
    (root / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "edited.txt").write_text(EDITED, encoding="utf-8")
    (root / "unrelated.txt").write_text(UNRELATED, encoding="utf-8")
    (root / "texts" / "unrelated.txt").write_text(UNRELATED, encoding="utf-8")
    (root / "list.csv").write_text(listing, encoding="utf-8")
    return root / "list.csv"


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, ["eval", "pairs", *args])


def _one_line_error(result: Result) -> str:
    out = result.output
    assert result.exit_code != 0, out
    assert "Traceback" not in out
    lines = [line for line in out.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("unspin: error:"), out
    return lines[0]


# --- loading --------------------------------------------------------------------------------


def test_load_pairs_reads_rows_in_order_with_lines_and_paths(tmp_path: Path) -> None:
    listing = _corpus(tmp_path / "c")
    rows = load_pairs(listing)
    assert [r.line for r in rows] == [2, 3, 4, 5]
    assert [r.expect for r in rows] == ["reuse", "no-reuse", "no-reuse", "reuse"]
    assert [r.set for r in rows] == ["news", "news", "news", "hard"]
    assert rows[2].a == "texts/unrelated.txt"
    assert rows[2].a_path == tmp_path / "c" / "texts" / "unrelated.txt"
    assert rows[0].split == "dev"
    assert [r.line for r in load_pairs(listing, split="test")] == [4, 5]
    assert [r.line for r in load_pairs(listing, sets=["hard"])] == [5]
    assert [r.line for r in load_pairs(listing, sets=["news"], limit=2)] == [2, 3]


def test_absolute_paths_blank_lines_and_a_bom_are_fine(tmp_path: Path) -> None:
    listing = _corpus(tmp_path / "c")
    article = (tmp_path / "c" / "article.txt").resolve()
    listing.write_text(f"\ufeffa,b,expect,set\n\n{article},edited.txt,reuse,s\n", encoding="utf-8")
    (row,) = load_pairs(listing)
    assert (row.a_path, row.line, row.split) == (article, 3, None)


@pytest.mark.parametrize(
    ("listing", "message"),
    [
        ("a,b,expect\narticle.txt,edited.txt,reuse\n", "missing column(s) set"),
        ("a,b,expect,set\narticle.txt,edited.txt,yes,s\n", "list.csv:2: expect must be reuse"),
        (
            "a,b,expect,set\narticle.txt,edited.txt,reuse,s\narticle.txt,gone.txt,reuse,s\n",
            "gone.txt: no such file",
        ),
        ("a,b,expect,set\narticle.txt,,reuse,s\n", "list.csv:2: empty b"),
        ("a,b,expect,set\n", "no pairs"),
        ("", "empty file"),
    ],
)
def test_a_broken_list_is_one_line_and_a_failure(
    tmp_path: Path, listing: str, message: str
) -> None:
    path = _corpus(tmp_path / "c", listing)
    line = _one_line_error(_run(str(path), "--no-model"))
    assert message in line and "list.csv" in line
    with pytest.raises(InputError, match=r"list\.csv"):
        load_pairs(path)


def test_other_usage_errors_are_one_line(tmp_path: Path) -> None:
    listing = _corpus(tmp_path / "c", "a,b,expect,set\narticle.txt,edited.txt,reuse,s\n")
    assert "no such file" in _one_line_error(_run(str(tmp_path / "none.csv")))
    assert "no split column" in _one_line_error(_run(str(listing), "--split", "dev"))
    assert "sets here: s" in _one_line_error(_run(str(listing), "--set", "other"))
    assert "need --search" in _one_line_error(_run(str(listing), "--distractors", str(tmp_path)))
    (tmp_path / "c" / "blob.txt").write_bytes(b"\x7fELF\x02\x01\x01" + bytes(64))
    listing.write_text("a,b,expect,set\narticle.txt,blob.txt,reuse,s\n", encoding="utf-8")
    assert "list.csv:2" in _one_line_error(_run(str(listing), "--no-model"))


# --- pair mode ------------------------------------------------------------------------------


def test_pair_mode_counts_and_rates(tmp_path: Path) -> None:
    report = evaluate_pairs(load_pairs(_corpus(tmp_path / "c")), LEXICAL)
    m = report.overall
    assert (m.pairs, m.tp, m.fp, m.tn, m.fn) == (4, 1, 0, 2, 1)
    assert m.accuracy == 0.75 and m.precision == 1.0 and m.recall == 0.5
    assert m.f1 == pytest.approx(2 / 3)
    assert list(report.by_set) == ["news", "hard"]
    news, hard = report.by_set["news"], report.by_set["hard"]
    assert (news.pairs, news.accuracy) == (3, 1.0)
    assert hard.precision is None and hard.f1 is None and hard.recall == 0.0
    assert sum(m.labels.values()) == 4 and m.labels.get("unrelated") == 3
    assert [o.row.line for o in report.errors] == [5]
    assert [o.row.line for o in report.outcomes] == [2, 3, 4, 5]


def test_pair_mode_is_the_same_on_several_processes(tmp_path: Path) -> None:
    rows = load_pairs(_corpus(tmp_path / "c"))
    one = pairs_report_to_dict(evaluate_pairs(rows, LEXICAL), with_pairs=True)
    two = pairs_report_to_dict(evaluate_pairs(rows, LEXICAL, jobs=2), with_pairs=True)
    for report in (one, two):
        report.pop("wall_s")
        report.pop("jobs")
    assert one == two


def test_pair_mode_json(tmp_path: Path) -> None:
    result = _run(str(_corpus(tmp_path / "c")), "--no-model", "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["schema"] == "unspin.eval-pairs/1"
    assert report["pairs"] == 4 and report["use_model"] is False
    assert report["overall"]["accuracy"] == 0.75
    assert {"tp", "fp", "tn", "fn", "precision", "recall", "f1", "labels"} <= set(report["overall"])
    assert report["sets"]["hard"]["precision"] is None
    (error,) = report["errors"]
    assert error["line"] == 5 and error["set"] == "hard" and error["expect"] == "reuse"
    assert error["got"] == "unrelated" and error["a"] == "edited.txt"
    assert "confidence" in error and error["summary"]


def test_pair_mode_tables_and_split(tmp_path: Path) -> None:
    listing = _corpus(tmp_path / "c")
    result = _run(str(listing), "--no-model")
    assert result.exit_code == 0, result.output
    assert "pairs decided wrong: 1" in result.output
    assert "line 5 [hard] edited.txt -> unrelated.txt: expected reuse, got unrelated" in (
        result.output
    )
    dev = json.loads(_run(str(listing), "--no-model", "--json", "--split", "dev").output)
    assert dev["pairs"] == 2 and dev["overall"]["accuracy"] == 1.0 and dev["errors"] == []
    hard = json.loads(_run(str(listing), "--no-model", "--json", "--set", "hard").output)
    assert list(hard["sets"]) == ["hard"] and hard["overall"]["fn"] == 1


# --- search mode ----------------------------------------------------------------------------


def test_search_finds_the_a_side_first(tmp_path: Path) -> None:
    rows = load_pairs(_corpus(tmp_path / "c"))
    report = evaluate_search(rows, LEXICAL)
    assert report.index_dir is None
    # a-sides: article, texts/unrelated, edited (row 5's); queries: edited, unrelated
    assert (report.a_sides, report.indexed, report.queries) == (3, 3, 2)
    news = report.by_set["news"]
    # edited.txt is indexed (row 5's a-side): its own text is no source of itself
    assert (news.reuse_rows, news.at_1, news.recall_at_1, news.recall_at_k) == (1, 1, 1.0, 1.0)
    assert (news.no_reuse_rows, news.no_reuse_hit_on_a, news.no_reuse_any_hit) == (2, 0, 1)
    # row 4's query (edited.txt) finds the article, not its a-side: listed as a hit
    assert [o.row.line for o in report.false_hits] == [4]
    assert report.by_set["hard"].at_k == 0
    assert [o.row.line for o in report.misses] == [5]
    assert report.overall.recall_at_1 == 0.5


def test_search_with_distractors_json_and_a_kept_index(tmp_path: Path) -> None:
    listing = _corpus(tmp_path / "c", "a,b,expect,set\narticle.txt,edited.txt,reuse,s\n")
    distractors = tmp_path / "distractors"
    (distractors / "deep").mkdir(parents=True)
    (distractors / "comet.txt").write_text(UNRELATED, encoding="utf-8")
    (distractors / "deep" / "copy.txt").write_text(ARTICLE, encoding="utf-8")  # a's text
    kept = tmp_path / "ix"
    result = _run(
        str(listing),
        "--no-model",
        "--search",
        "--json",
        "--distractors",
        str(distractors),
        "--index-dir",
        str(kept),
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["schema"] == "unspin.eval-pairs-search/1"
    assert report["index"]["documents"] == 2  # the article's copy is the article's document
    assert report["index"]["kept_at"] == str(kept) and (kept / "index.sqlite").is_file()
    assert report["overall"]["recall_at_1"] == 1.0 and report["misses"] == []
    result = _run(str(listing), "--no-model", "--search")
    assert result.exit_code == 0, result.output
    assert "recall@1" in result.output and "recall@5" in result.output

"""``unspin eval``: scoring any detections, running the aligner on a (tiny) PAN corpus, and a
one-line error for every kind of broken corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import PAN13
from unspin.cli import main

PAN = PAN13
COPIED = (
    "The committee met on Tuesday to discuss the new budget for the regional transport "
    "network. Members agreed that the funding for rural bus routes should be doubled over "
    "the next three years, while the tram extension would wait for a further review."
)


def _corpus(root: Path, copied: bool = True) -> Path:
    """A two-pair PAN corpus: one pair with a verbatim case, one without."""
    (root / "src").mkdir(parents=True)
    (root / "susp").mkdir()
    cls = root / "02-no-obfuscation"
    cls.mkdir()
    filler = "Gardening is a calm hobby that many people enjoy on quiet weekends. " * 3
    susp = filler + COPIED + " " + filler
    src = "Weather notes for the coast and the hills. " * 2 + COPIED
    (root / "susp" / "suspicious-document00001.txt").write_text(susp, encoding="utf-8")
    (root / "src" / "source-document00001.txt").write_text(src, encoding="utf-8")
    (root / "src" / "source-document00002.txt").write_text(
        "Chess openings reward patience and study of classic games. " * 4, encoding="utf-8"
    )
    off, soff = susp.index(COPIED), src.index(COPIED)
    feature = (
        f'<feature name="plagiarism" this_offset="{off}" this_length="{len(COPIED)}" '
        f'source_reference="source-document00001.txt" source_offset="{soff}" '
        f'source_length="{len(COPIED)}"/>'
        if copied
        else ""
    )
    (cls / "suspicious-document00001-source-document00001.xml").write_text(
        f'<document reference="suspicious-document00001.txt">{feature}</document>',
        encoding="utf-8",
    )
    (cls / "suspicious-document00001-source-document00002.xml").write_text(
        '<document reference="suspicious-document00001.txt"></document>', encoding="utf-8"
    )
    pairs = (
        "suspicious-document00001.txt source-document00001.txt\n"
        "suspicious-document00001.txt source-document00002.txt\n"
    )
    (cls / "pairs").write_text(pairs, encoding="utf-8")
    (root / "pairs").write_text(pairs, encoding="utf-8")
    return root


def _one_line_error(result: object) -> str:
    out = result.output  # type: ignore[attr-defined]
    assert result.exit_code != 0  # type: ignore[attr-defined]
    assert "Traceback" not in out
    lines = [line for line in out.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("unspin: error:"), out
    return lines[0]


def test_score_truth_against_itself_is_one(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "corpus")
    result = CliRunner().invoke(main, ["eval", "score", str(root), str(root), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["overall"]["plagdet"] == 1.0


@pytest.mark.skipif(not PAN.is_dir(), reason="PAN13 training corpus not beside the checkout")
def test_score_real_truth_against_itself_is_exactly_one() -> None:
    result = CliRunner().invoke(main, ["eval", "score", str(PAN), str(PAN), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert all(s["plagdet"] == 1.0 for name, s in scores.items() if name != "01-no-plagiarism")
    assert scores["overall"]["plagdet"] == 1.0


def test_pan13_finds_the_copied_case(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "corpus")
    out = tmp_path / "det"
    args = ["eval", "pan13", str(root), "--no-model", "--jobs", "1", "--out", str(out), "--json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["scores"]["overall"]["plagdet"] > 0.9
    assert data["no_detection_on_clean_pairs"] == 1.0
    assert data["no_detection_on_no_plagiarism_pairs"] is None  # no such class here
    assert len(list(out.glob("*.xml"))) == 2
    rescored = CliRunner().invoke(main, ["eval", "score", str(root), str(out), "--json"])
    assert json.loads(rescored.output)["overall"] == data["scores"]["overall"]


def test_missing_corpus_folder(tmp_path: Path) -> None:
    line = _one_line_error(CliRunner().invoke(main, ["eval", "pan13", str(tmp_path / "nope")]))
    assert "nope" in line


def test_pairs_file_naming_a_missing_document(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "corpus")
    (root / "src" / "source-document00002.txt").unlink()
    line = _one_line_error(CliRunner().invoke(main, ["eval", "pan13", str(root), "--no-model"]))
    assert "source-document00002.txt" in line


def test_malformed_truth_xml(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "corpus")
    bad = root / "02-no-obfuscation" / "suspicious-document00001-source-document00002.xml"
    bad.write_text("<document reference=", encoding="utf-8")
    line = _one_line_error(CliRunner().invoke(main, ["eval", "score", str(root), str(root)]))
    assert bad.name in line


def test_binary_file_in_src(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "corpus")
    (root / "src" / "source-document00002.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff\xfe" * 50)
    args = ["eval", "pan13", str(root), "--no-model", "--jobs", "1"]
    line = _one_line_error(CliRunner().invoke(main, args))
    assert "source-document00002.txt" in line


def test_pan13_a_lone_short_reworded_sentence_is_no_detection(tmp_path: Path) -> None:
    """One short, lightly reworded sentence: a verdict on the pair (the default rules) does
    not count it, and neither do the rules a search verifies by (``--search-rules``): they
    align it, but one lone sentence is too little evidence for the calibrated decision (a
    search shows it as a lead, never as a hit with a reuse verdict)."""
    source = (
        "The orchestra played its final concert of the season. Tickets sold out within an "
        "hour. The Kelso council quietly approved the Ballantyne library's expansion budget "
        "on Tuesday night. The hall shuts for repairs in the spring."
    )
    lifted = (
        "The Kelso council silently passed Ballantyne library's growth budget on tuesday evening."
    )
    susp = (
        "Rain fell across the northern valleys for most of the week. Farmers said the harvest "
        f"would start late. {lifted} Stalls at the market sold fresh apples and pears."
    )
    original = source[source.index("The Kelso") : source.index("night.") + len("night.")]
    root = tmp_path / "corpus"
    (root / "src").mkdir(parents=True)
    (root / "susp").mkdir()
    cls = root / "04-translation-obfuscation"
    cls.mkdir()
    (root / "susp" / "suspicious-document00001.txt").write_text(susp, encoding="utf-8")
    (root / "src" / "source-document00001.txt").write_text(source, encoding="utf-8")
    feature = (
        f'<feature name="plagiarism" this_offset="{susp.index(lifted)}" '
        f'this_length="{len(lifted)}" source_reference="source-document00001.txt" '
        f'source_offset="{source.index(original)}" source_length="{len(original)}"/>'
    )
    (cls / "suspicious-document00001-source-document00001.xml").write_text(
        f'<document reference="suspicious-document00001.txt">{feature}</document>',
        encoding="utf-8",
    )
    pairs = "suspicious-document00001.txt source-document00001.txt\n"
    (cls / "pairs").write_text(pairs, encoding="utf-8")
    (root / "pairs").write_text(pairs, encoding="utf-8")
    recall = {}
    for extra in ([], ["--search-rules"]):
        args = ["eval", "pan13", str(root), "--no-model", "--jobs", "1", "--json", *extra]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        got = json.loads(result.output)
        recall[bool(extra)] = got["scores"]["overall"]["recall"]
        found = got["pairs_with_a_detection_on_a_case"]
        assert found == {"04-translation-obfuscation": 0.0}
    assert recall[False] == 0.0 and recall[True] == 0.0
    result = CliRunner().invoke(main, ["eval", "pan13", str(root), "--no-model", "--jobs", "1"])
    assert (
        "pairs with a detection on a case (suspicious side): 04-translation-obfuscation 0.000"
        in (result.output)
    )

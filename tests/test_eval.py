"""Tests of unspin.eval: PAN corpus reading and the PAN measures (precision, recall,
granularity, plagdet), with hand-computed expectations."""

from __future__ import annotations

import math
from itertools import combinations
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import PAN13
from unspin.errors import InputError
from unspin.eval import (
    Case,
    PairTruth,
    Scores,
    load_corpus,
    read_detections_dir,
    read_features,
    score,
    score_reference,
)
from unspin.eval.measures import case_detects, clean_rates, format_clean_rates, pairs_found

K = ("suspicious-document00001.txt", "source-document00001.txt")
K2 = ("suspicious-document00002.txt", "source-document00002.txt")
CASE = Case(0, 100, 0, 100)  # 100 suspicious + 100 source characters: |s| = 200


def check(s: Scores, precision: float, recall: float, granularity: float, plagdet: float) -> None:
    assert s.precision == pytest.approx(precision)
    assert s.recall == pytest.approx(recall)
    assert s.granularity == pytest.approx(granularity)
    assert s.plagdet == pytest.approx(plagdet)


# --- hand-computed measures --------------------------------------------------------------


def test_exact_detection() -> None:
    # s ⊓ r = s: recall 200/200, precision 200/200, one detection per case -> plagdet 1
    s = score({K: [CASE]}, {K: [CASE]})
    assert s == Scores(1.0, 1.0, 1.0, 1.0, cases=1, detections=1)


def test_detection_covering_half_a_case() -> None:
    # r = [0,50) x [0,50): s ⊓ r = 50 + 50 = 100 chars; recall 100/200 = 0.5,
    # precision 100/100 = 1, granularity 1; F1 = 2*0.5*1/1.5 = 2/3 = plagdet
    check(score({K: [CASE]}, {K: [Case(0, 50, 0, 50)]}), 1.0, 0.5, 1.0, 2 / 3)


def test_detection_covering_one_side_of_an_unequal_case() -> None:
    # s = 100 susp + 300 src = 400 chars; r = [0,100) x [0,100) covers 100 + 100 = 200:
    # recall 200/400 = 0.5, precision 200/200 = 1 -> plagdet 2/3
    check(score({K: [Case(0, 100, 0, 300)]}, {K: [Case(0, 100, 0, 100)]}), 1.0, 0.5, 1.0, 2 / 3)


def test_case_split_into_two_detections() -> None:
    # r1 = [0,50)x[0,50), r2 = [50,100)x[50,100): together they cover all of s -> recall 1;
    # each is entirely inside s -> precision 1; s is detected twice -> granularity 2;
    # plagdet = F1 / log2(1 + 2) = 1 / log2(3) ≈ 0.6309
    dets = {K: [Case(0, 50, 0, 50), Case(50, 50, 50, 50)]}
    s = score({K: [CASE]}, dets)
    check(s, 1.0, 1.0, 2.0, 1 / math.log2(3))
    assert s.plagdet == pytest.approx(0.6309297535714575)


def test_detection_without_a_case() -> None:
    # r1 exact (precision 1), r2 far away in both documents (precision 0):
    # precision (1 + 0)/2 = 0.5, recall 1, granularity 1; F1 = 2*0.5/1.5 = 2/3
    dets = {K: [CASE, Case(500, 100, 500, 100)]}
    check(score({K: [CASE]}, dets), 0.5, 1.0, 1.0, 2 / 3)


def test_overlap_on_one_side_only_detects_nothing() -> None:
    # r overlaps s in the suspicious document but not in the source: s ⊓ r = ∅,
    # so recall 0 and precision 0 -> plagdet 0; no detected case -> granularity 1
    s = score({K: [CASE]}, {K: [Case(0, 100, 500, 100)]})
    check(s, 0.0, 0.0, 1.0, 0.0)


def test_same_offsets_in_another_pair_detect_nothing() -> None:
    # a detection of K2 never detects a case of K, even with the same offsets:
    # recall 0, precision 0 -> plagdet 0; the detection still counts
    s = score({K: [CASE]}, {K2: [CASE]})
    check(s, 0.0, 0.0, 1.0, 0.0)
    assert (s.cases, s.detections) == (1, 1)


def test_case_without_a_detection() -> None:
    # s1 found exactly, s2 not at all: recall (1 + 0)/2 = 0.5, precision 1 -> plagdet 2/3
    cases = {K: [CASE, Case(200, 100, 200, 100)]}
    check(score(cases, {K: [CASE]}), 1.0, 0.5, 1.0, 2 / 3)


def test_overlapping_detections() -> None:
    # r1 = [0,60)x[0,60), r2 = [40,100)x[40,100) overlap each other inside s:
    # the union covers all of s (recall 1, overlap counted once), each r lies inside s
    # (precision 120/120 = 1), s is detected twice: plagdet = 1/log2(3)
    dets = {K: [Case(0, 60, 0, 60), Case(40, 60, 40, 60)]}
    check(score({K: [CASE]}, dets), 1.0, 1.0, 2.0, 1 / math.log2(3))


def test_detection_sticking_out_of_a_case() -> None:
    # r = [50,150)x[50,150): s ⊓ r = [50,100) on both sides = 100 chars;
    # recall 100/200 = 0.5, precision 100/200 = 0.5 -> F1 = plagdet = 0.5
    check(score({K: [CASE]}, {K: [Case(50, 100, 50, 100)]}), 0.5, 0.5, 1.0, 0.5)


def test_one_detection_spanning_two_cases() -> None:
    # s1 = [0,100)x[0,100), s2 = [100,200)x[100,200), r = [0,200)x[0,200): recall 1 each,
    # precision |s1 ⊓ r ∪ s2 ⊓ r| / |r| = 400/400 = 1, each case detected once -> plagdet 1
    cases = {K: [CASE, Case(100, 100, 100, 100)]}
    check(score(cases, {K: [Case(0, 200, 0, 200)]}), 1.0, 1.0, 1.0, 1.0)


def test_empty_parts() -> None:
    # nothing to find and nothing found: precision = recall = 1 (PAN's convention)
    assert score({}, {}) == Scores(1.0, 1.0, 1.0, 1.0, cases=0, detections=0)
    assert score({K: []}, {K: []}) == Scores(1.0, 1.0, 1.0, 1.0, cases=0, detections=0)
    # cases but no detections, or detections but no cases: precision = recall = 0, plagdet 0
    assert score({K: [CASE]}, {}) == Scores(0.0, 0.0, 1.0, 0.0, cases=1, detections=0)
    assert score({}, {K: [CASE]}) == Scores(0.0, 0.0, 1.0, 0.0, cases=0, detections=1)
    # annotations empty on a side are left out (their ratio would be 0/0)
    assert score({K: [CASE, Case(5, 0, 5, 10)]}, {K: [CASE]}).cases == 1


def test_pair_truth_items_are_accepted() -> None:
    items = [PairTruth(K[0], K[1], (CASE,))]
    assert score(items, {K: [CASE]}).plagdet == 1.0


def test_clean_rates_count_caseless_pairs_and_the_no_plagiarism_class_apart() -> None:
    k3 = ("suspicious-document00003.txt", "source-document00003.txt")
    k4 = ("suspicious-document00004.txt", "source-document00004.txt")
    truth = [
        PairTruth(*K, (), "01-no-plagiarism"),
        PairTruth(*K2, (), "01-no-plagiarism"),
        PairTruth(*k3, (), "05-summary-obfuscation"),
        PairTruth(*k4, (CASE,), "05-summary-obfuscation"),
    ]
    # one no-plagiarism pair and the caseless summary pair are hit; the case does not count
    rates = clean_rates(truth, {K: [CASE], k3: [CASE], k4: [CASE]})
    assert rates == {"caseless": pytest.approx(1 / 3), "no_plagiarism": 0.5}
    assert clean_rates(truth[3:], {}) == {"caseless": None, "no_plagiarism": None}
    assert format_clean_rates(clean_rates(truth[3:], {})) == (
        "no detection on n/a of the no-plagiarism pairs, n/a of all pairs without a case"
    )


def test_pairs_found_needs_a_detection_on_a_case_in_the_suspicious_document() -> None:
    """A detection elsewhere in the suspicious document, or on the source side only, does
    not find the pair; one overlapping a case there does, whatever its source side."""
    k3 = ("suspicious-document00003.txt", "source-document00003.txt")
    case = Case(100, 50, 400, 60)
    truth = [
        PairTruth(*K, (case,), "03-random-obfuscation"),
        PairTruth(*K2, (case,), "03-random-obfuscation"),
        PairTruth(*k3, (), "01-no-plagiarism"),
    ]
    found = {
        K: [Case(140, 30, 0, 20)],  # overlaps the case in the suspicious document only
        K2: [Case(150, 30, 400, 60)],  # just past the case there, on it in the source
        k3: [Case(0, 10, 0, 10)],  # a caseless pair is not counted
    }
    assert pairs_found(truth, found) == {"03-random-obfuscation": 0.5}
    assert pairs_found(truth, {}) == {"03-random-obfuscation": 0.0}
    assert pairs_found(truth[2:], found) == {}


# --- agreement with the set-based reference ----------------------------------------------

cases_st = st.builds(
    Case,
    st.integers(0, 30),
    st.integers(0, 12),
    st.integers(0, 30),
    st.integers(0, 12),
)
annotations_st = st.dictionaries(st.sampled_from([K, K2]), st.lists(cases_st, max_size=5))


@settings(max_examples=400, deadline=None)
@given(annotations_st, annotations_st)
def test_score_agrees_with_reference(
    truth: dict[tuple[str, str], list[Case]], dets: dict[tuple[str, str], list[Case]]
) -> None:
    fast, slow = score(truth, dets), score_reference(truth, dets)
    assert (fast.cases, fast.detections) == (slow.cases, slow.detections)
    for name in ("precision", "recall", "granularity", "plagdet"):
        assert math.isclose(getattr(fast, name), getattr(slow, name), rel_tol=1e-12), name
    # truth against itself is perfect unless two cases of a pair overlap on both sides
    # (then each is detected twice: granularity 2)
    if not any(case_detects(a, b) for cs in truth.values() for a, b in combinations(cs, 2)):
        assert score(truth, truth).plagdet == 1.0


# --- reading PAN files --------------------------------------------------------------------


def _write_detection(path: Path, susp: str, feats: list[tuple[str, Case]]) -> None:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<document reference="{susp}">']
    for src, c in feats:
        lines.append(
            f'<feature name="detected-plagiarism" this_offset="{c.this_offset}" '
            f'this_length="{c.this_length}" source_reference="{src}" '
            f'source_offset="{c.source_offset}" source_length="{c.source_length}"/>'
        )
    lines.append("</document>")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_read_features_filters_by_name(tmp_path: Path) -> None:
    f = tmp_path / "t.xml"
    f.write_text(
        '<document reference="a.txt">'
        '<feature name="about" authors="x"/>'
        '<feature name="plagiarism" this_offset="1" this_length="2" source_reference="b.txt" '
        'source_offset="3" source_length="4"/>'
        '<feature name="detected-plagiarism" this_offset="5" this_length="6" '
        'source_reference="b.txt" source_offset="7" source_length="8"/>'
        "</document>",
        encoding="utf-8",
    )
    assert read_features(f, "plagiarism") == [Case(1, 2, 3, 4)]
    assert read_features(f, "detected-plagiarism") == [Case(5, 6, 7, 8)]


def test_read_detections_dir(tmp_path: Path) -> None:
    _write_detection(
        tmp_path / "suspicious-document00001-source-document00001.xml",
        K[0],
        [
            (K[1], CASE),
            (K[1], Case(1, 2, 3, 4)),
        ],
    )
    _write_detection(tmp_path / "suspicious-document00002-source-document00002.xml", K2[0], [])
    (tmp_path / "notes.txt").write_text("not xml", encoding="utf-8")
    got = read_detections_dir(tmp_path)
    assert got == {K: [CASE, Case(1, 2, 3, 4)], K2: []}


def test_detections_written_by_report_module_read_back(tmp_path: Path) -> None:
    from unspin.report.pan import detections_xml

    (tmp_path / "suspicious-document00001-source-document00001.xml").write_text(
        detections_xml(K[0], K[1], []), encoding="utf-8"
    )
    assert read_detections_dir(tmp_path) == {K: []}


def test_malformed_xml_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "suspicious-document00001-source-document00001.xml"
    bad.write_text('<document reference="a.txt"><feature name="plagiarism"', encoding="utf-8")
    with pytest.raises(InputError, match=r"suspicious-document00001-source-document00001\.xml"):
        read_features(bad, "plagiarism")
    with pytest.raises(InputError, match="malformed"):
        read_detections_dir(tmp_path)


def test_bad_attribute_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "x.xml"
    bad.write_text(
        '<document reference="a.txt"><feature name="plagiarism" this_offset="zz" '
        'this_length="1" source_offset="0" source_length="1"/></document>',
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"x\.xml.*this_offset"):
        read_features(bad, "plagiarism")


def _mini_corpus(root: Path) -> None:
    (root / "susp").mkdir(parents=True)
    (root / "src").mkdir()
    (root / "02-no-obfuscation").mkdir()
    (root / "susp" / K[0]).write_text("x" * 300, encoding="utf-8")
    (root / "src" / K[1]).write_text("y" * 300, encoding="utf-8")
    line = f"{K[0]} {K[1]}\n"
    (root / "pairs").write_text(line, encoding="utf-8")
    (root / "02-no-obfuscation" / "pairs").write_text(line, encoding="utf-8")
    (root / "02-no-obfuscation" / "suspicious-document00001-source-document00001.xml").write_text(
        f'<document reference="{K[0]}"><feature name="plagiarism" this_offset="0" '
        f'this_length="100" source_reference="{K[1]}" source_offset="0" source_length="100"/>'
        "</document>",
        encoding="utf-8",
    )


def test_load_mini_corpus(tmp_path: Path) -> None:
    _mini_corpus(tmp_path)
    for pairs in (
        load_corpus(tmp_path),
        load_corpus(tmp_path, class_name="02-no-obfuscation"),
        load_corpus(tmp_path, pairs_file=tmp_path / "02-no-obfuscation" / "pairs"),
    ):
        assert pairs == [PairTruth(K[0], K[1], (CASE,), class_name="02-no-obfuscation")]
        assert pairs[0].susp_path == tmp_path / "susp" / K[0]


def test_pairs_file_naming_a_missing_document(tmp_path: Path) -> None:
    _mini_corpus(tmp_path)
    (tmp_path / "pairs").write_text(
        f"{K[0]} {K[1]}\n{K[0]} source-document09999.txt\n", encoding="utf-8"
    )
    with pytest.raises(InputError, match=r"source-document09999\.txt"):
        load_corpus(tmp_path)


def test_pairs_without_truth_file(tmp_path: Path) -> None:
    _mini_corpus(tmp_path)
    (tmp_path / "02-no-obfuscation" / "suspicious-document00001-source-document00001.xml").unlink()
    with pytest.raises(InputError, match=r"suspicious-document00001-source-document00001\.xml"):
        load_corpus(tmp_path)


@pytest.mark.skipif(not PAN13.is_dir(), reason="PAN 2013 training corpus not present")
def test_truth_against_itself_on_real_pairs(tmp_path: Path) -> None:
    # 30 pairs spread over all five classes (every 170th line of the top-level pairs file)
    lines = (PAN13 / "pairs").read_text(encoding="utf-8").splitlines()[::170][:30]
    subset = tmp_path / "pairs"
    subset.write_text("\n".join(lines) + "\n", encoding="utf-8")
    pairs = load_corpus(PAN13, pairs_file=subset)
    assert len(pairs) == 30
    assert len({p.class_name for p in pairs}) == 5
    assert sum(len(p.cases) for p in pairs) > 0
    s = score(pairs, pairs)
    assert s == Scores(1.0, 1.0, 1.0, 1.0, cases=s.cases, detections=s.cases)
    # the same through detection files read back from disk
    det_dir = tmp_path / "dets"
    det_dir.mkdir()
    for p in pairs:
        stem = f"{p.susp[:-4]}-{p.src[:-4]}.xml"
        _write_detection(det_dir / stem, p.susp, [(p.src, c) for c in p.cases])
    assert score(pairs, read_detections_dir(det_dir)).plagdet == 1.0

"""Hostile and unusual input: each test reproduces one way unspin once failed (a quadratic
path, an internal error, an evasion trick, a wrong exit code) and checks the right result."""

from __future__ import annotations

import io
import json
import os
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import threading
import unicodedata
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from conftest import LEXICAL, PAN13, SEED_A, SEED_A_PATH, SEED_B, SEED_B_PATH
from unspin import REUSE_LABELS, Comparer, Span
from unspin.cli import main
from unspin.config import DEFAULT_CONFIG
from unspin.errors import InputError
from unspin.index import schema
from unspin.output import TerminalConsole
from unspin.report.json import comparison_to_dict
from unspin.text import make_document, normalize
from unspin.text.language import main_language
from unspin.text.normalize import tokenize
from unspin.text.quotes import quoted_chars
from unspin.text.segment import segment
from unspin.text.sources import ReadOptions, read_one

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


# --------------------------------------------------------------------------- a damaged index


def _build_index(root: Path, pan13: Path, n: int = 30) -> Path:
    ix = root / "base"
    runner = CliRunner()
    assert runner.invoke(main, ["index", "create", str(ix)]).exit_code == 0
    sources = sorted((pan13 / "src").glob("*.txt"))[:n]
    got = runner.invoke(main, ["index", "add", str(ix), *map(str, sources)])
    assert got.exit_code == 0, got.output
    conn = sqlite3.connect(ix / "index.sqlite")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # every page in the main file
    conn.close()
    return ix


def _flip(db: Path, seed: int, page: int | None = None, flips: int = 32) -> None:
    rng = random.Random(seed)
    pages = db.stat().st_size // 4096
    page = rng.randrange(1, pages) if page is None else page
    with db.open("r+b") as f:
        for _ in range(flips):
            f.seek(page * 4096 + rng.randrange(4096))
            f.write(bytes([rng.randrange(256)]))


def _update(db: Path, sql: str) -> None:
    conn = sqlite3.connect(db)
    conn.execute(sql)
    conn.commit()
    conn.close()


_FIRST = "WHERE id = (SELECT MIN(id) FROM docs)"
_DAMAGE: dict[str, Callable[[Path], None]] = {
    **{f"bytes flipped on a random page ({k})": partial(_flip, seed=k) for k in range(12)},
    "bytes flipped in the header page": partial(_flip, seed=99, page=0, flips=16),
    "cut to half its size": lambda db: os.truncate(db, db.stat().st_size // 2),
    "cut to 100 bytes": lambda db: os.truncate(db, 100),
    "cut to nothing": lambda db: os.truncate(db, 0),
    "a write-ahead log of noise": lambda db: Path(f"{db}-wal").write_bytes(
        random.Random(7).randbytes(50_000)
    ),
    "a text blob that is not zlib": partial(
        _update, sql=f"UPDATE docs SET text = x'00112233' {_FIRST}"
    ),
    "meta that is not JSON": partial(_update, sql=f"UPDATE docs SET meta = '{{no' {_FIRST}"),
    "keys that are not an int64 array": partial(
        _update, sql=f"UPDATE docs SET keys = x'001122' {_FIRST}"
    ),
}


@pytest.fixture(scope="module")
def sound_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not PAN13.is_dir():
        pytest.skip("PAN13 train corpus not beside the checkout")
    return _build_index(tmp_path_factory.mktemp("sound"), PAN13)


@pytest.mark.parametrize("damage", sorted(_DAMAGE))
def test_a_damaged_index_is_reported_never_a_crash(
    damage: str, sound_index: Path, tmp_path: Path
) -> None:
    """20 kinds of damage: ``check`` lists problems (exit 4) or finds none where the damage
    touches nothing (a log of noise is not a log; free space); ``stats`` and ``search`` fail
    with one line or answer; none of them is an internal error."""
    ix = tmp_path / "ix"
    shutil.copytree(sound_index, ix)
    _DAMAGE[damage](ix / "index.sqlite")
    runner = CliRunner()
    got = runner.invoke(main, ["index", "check", str(ix), "--json"])
    assert got.exit_code in (0, 4), got.output
    report = json.loads(got.stdout)
    assert report["ok"] == (got.exit_code == 0) == (not report["problems"])
    if not damage.startswith(("bytes flipped on a random page", "a write-ahead log")):
        assert report["problems"], damage  # a random page's flips may land in free space
    query = sorted((PAN13 / "src").glob("*.txt"))[3]
    for args in (["stats", str(ix)], ["search", str(ix), str(query), "--no-model"]):
        got = runner.invoke(main, ["index", *args])
        assert got.exit_code in (0, 3, 4, 5), got.output
        assert "internal error" not in got.output
        if got.exit_code:
            assert got.stderr.count("\n") == 1 and got.stderr.startswith("unspin: error: ")


def test_stats_notices_a_malformed_page(sound_index: Path, tmp_path: Path) -> None:
    ix = tmp_path / "ix"
    shutil.copytree(sound_index, ix)
    # a leaf page of the postings (SQLite's page map, dbstat): the counts still run
    conn = sqlite3.connect(ix / "index.sqlite")
    leaves = [
        p
        for (p,) in conn.execute(
            "SELECT pageno FROM dbstat WHERE name LIKE 'postings_%' AND pagetype = 'leaf'"
        )
    ]
    conn.close()
    _flip(ix / "index.sqlite", seed=0, page=leaves[len(leaves) // 2])
    got = CliRunner().invoke(main, ["index", "stats", str(ix)])
    assert got.exit_code == 4
    assert json.loads(got.stdout)["damage"]


# --------------------------------------------------------------------------- output hygiene

_ESCAPES = "Title\x1b]0;pwned\x07 and \x1b[2J\x1b[31mred\x9b1m text"


def test_terminal_output_shows_escape_sequences_and_json_keeps_them(tmp_path: Path) -> None:
    """An input's escape sequences (in its text or its name) would retitle and clear the
    reader's terminal."""
    a = tmp_path / "a.txt"
    a.write_text(_ESCAPES + ". " + SEED_A, encoding="utf-8")
    named = tmp_path / "b\x1b]0;pwned\x07.txt"
    named.write_text(SEED_B, encoding="utf-8")
    for args in (["extract", str(a)], ["compare", str(a), str(named), "--no-model"]):
        got = CliRunner().invoke(main, args)
        assert got.exit_code == 0, got.output
        assert "\x1b" not in got.stdout and "\x9b" not in got.stdout
        assert "␛]0;pwned" in got.stdout
    got = CliRunner().invoke(main, ["extract", str(a), "--json"])
    assert json.loads(got.stdout)["text"].startswith(_ESCAPES)  # JSON: the text as given


def test_the_terminal_console_still_sees_every_segment() -> None:
    """``TerminalConsole`` overrides rich's ``_render_buffer``: a rich release that renamed
    it would let escape sequences through again."""
    out = io.StringIO()
    TerminalConsole(file=out, force_terminal=True, width=80).print("a\x1b[2Jb", highlight=False)
    assert "\x1b[2J" not in out.getvalue() and "␛[2J" in out.getvalue()


def test_a_file_name_that_is_not_utf8_gives_valid_json(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(raw, "wb") as f:
        f.write(SEED_A.encode("utf-8"))
    name = os.fsdecode(raw)  # with a lone surrogate for the byte 0xE9
    got = CliRunner().invoke(main, ["extract", name, "--json"])
    assert got.exit_code == 0, got.output
    record = json.loads(got.stdout_bytes.decode("utf-8"))  # strict UTF-8: valid
    assert record["name"] == name  # read back to the same name
    assert "\\udce9" in got.stdout
    got = CliRunner().invoke(main, ["extract", name])  # in the terminal: shown, no crash
    assert got.exit_code == 0 and "caf\ufffd.txt" in got.stdout


def test_errors_under_json_are_json_on_stdout_too(tmp_path: Path) -> None:
    got = CliRunner().invoke(main, ["compare", str(tmp_path / "missing"), SEED_B_PATH, "--json"])
    assert got.exit_code == 1
    assert got.stderr.startswith("unspin: error: ") and got.stderr.count("\n") == 1
    error = json.loads(got.stdout)["error"]
    assert error["exit_code"] == 1 and error["kind"] == "input" and "missing" in error["message"]
    got = CliRunner().invoke(main, ["index", "search", str(tmp_path), SEED_B_PATH, "--json"])
    assert got.exit_code == 3 and json.loads(got.stdout)["error"]["kind"] == "store"


def test_index_add_that_adds_nothing_and_rejects_fails(tmp_path: Path) -> None:
    ix = tmp_path / "ix"
    assert CliRunner().invoke(main, ["index", "create", str(ix)]).exit_code == 0
    binary = tmp_path / "b.bin"
    binary.write_bytes(bytes(range(256)) * 8)
    got = CliRunner().invoke(main, ["index", "add", str(ix), str(binary)])
    assert got.exit_code == 1 and "nothing added" in got.stderr
    got = CliRunner().invoke(main, ["index", "add", str(ix), SEED_A_PATH, str(binary)])
    assert got.exit_code == 0  # some added: the rejection is listed, the add stands
    got = CliRunner().invoke(main, ["index", "add", str(ix), SEED_A_PATH])
    assert got.exit_code == 0  # held already: nothing to do is not an error


def test_a_lock_held_past_the_wait_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ix = tmp_path / "ix"
    assert CliRunner().invoke(main, ["index", "create", str(ix)]).exit_code == 0
    monkeypatch.setattr(schema, "LOCK_WAIT_S", 0.2)
    writer = sqlite3.connect(ix / "index.sqlite", isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    try:
        got = CliRunner().invoke(main, ["index", "add", str(ix), SEED_A_PATH])
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert got.exit_code == 6, got.output
    assert "another process has held the index's lock" in got.stderr
    assert CliRunner().invoke(main, ["index", "add", str(ix), SEED_A_PATH]).exit_code == 0


def _file_size_limit(limit: int) -> Callable[[], None]:
    return lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


@pytest.mark.parametrize(
    ("args", "codes"),
    [
        (["compare", SEED_A_PATH, SEED_B_PATH, "--no-model", "--html", "{tmp}/r.html"], {7}),
        (["index", "add", "{tmp}/ix", str(PAN13 / "src")], {7, 8}),
    ],
)
def test_a_file_size_limit_is_one_line_and_keeps_the_index(
    args: list[str], codes: set[int], tmp_path: Path
) -> None:
    """``ulimit -f``: Python ignores SIGXFSZ, so the write fails with EFBIG (SQLite: an
    I/O error); a full disk fails the same way, with ENOSPC."""
    if "index" in args and not PAN13.is_dir():
        pytest.skip("PAN13 train corpus not beside the checkout")
    unspin = [sys.executable, "-m", "unspin"]
    subprocess.run([*unspin, "index", "create", str(tmp_path / "ix")], check=True)
    argv = [a.replace("{tmp}", str(tmp_path)) for a in args]
    got = subprocess.run(
        [*unspin, *argv], capture_output=True, text=True, preexec_fn=_file_size_limit(60_000)
    )
    assert got.returncode in codes, got.stderr
    assert got.stderr.count("\n") == 1 and got.stderr.startswith("unspin: error: ")
    check = subprocess.run([*unspin, "index", "check", str(tmp_path / "ix")], capture_output=True)
    assert check.returncode == 0, check.stderr


# --------------------------------------------------------------------------- input paths


def test_a_record_nested_too_deep_is_skipped_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = "A record with enough words in it to be read as a text, number {}."
    deep = "[" * 5_000 + "]" * 5_000
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"id": "a", "text": good.format(1)})
        + "\n"
        + f'{{"id": "b", "text": "x", "n": {deep}}}\n'
        + json.dumps({"id": "c", "text": good.format(2)})
        + "\n",
        encoding="utf-8",
    )
    ix = tmp_path / "ix"
    assert CliRunner().invoke(main, ["index", "create", str(ix)]).exit_code == 0
    got = CliRunner().invoke(main, ["index", "add", str(ix), str(feed)])
    assert got.exit_code == 0, got.output
    assert "added 2" in got.stdout and "nested over" in got.stderr


def test_eval_score_refuses_an_empty_truth_folder(tmp_path: Path) -> None:
    (tmp_path / "truth").mkdir()
    (tmp_path / "found").mkdir()
    got = CliRunner().invoke(
        main, ["eval", "score", str(tmp_path / "truth"), str(tmp_path / "found")]
    )
    assert got.exit_code == 1 and "no truth pairs" in got.stderr  # not a plagdet of 1.0


def test_a_stray_nul_is_kept_as_text_replaced_and_counted(tmp_path: Path) -> None:
    """8 of PAN13's sources hold a stray NUL; one was a pair's source."""
    data = SEED_A.encode("utf-8")
    cut = data.index(b" ", 200)
    path = tmp_path / "nul.txt"
    path.write_bytes(data[:cut] + b"\x00" + data[cut:])
    got = read_one(str(path))
    assert got.text == SEED_A[:cut] + "\ufffd" + SEED_A[cut:]  # one character for one
    assert got.origin.replaced_chars == 1
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02 noise " * 200)
    with pytest.raises(InputError, match="binary"):
        read_one(str(binary))


def test_a_pipe_is_read_as_a_stream(tmp_path: Path) -> None:
    """``<(…)``: the shell passes /dev/fd/N, a pipe that cannot seek."""
    read_end, write_end = os.pipe()
    with os.fdopen(write_end, "wb") as w:
        w.write(SEED_A.encode("utf-8"))
    try:
        got = read_one(f"/dev/fd/{read_end}")
    finally:
        os.close(read_end)
    assert got.text == SEED_A


@pytest.mark.timeout(30)
def test_a_named_pipe_with_no_writer_times_out(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    options = ReadOptions(config=DEFAULT_CONFIG.with_overrides(fifo_wait_s=0.3))
    with pytest.raises(InputError, match="no process opened the named pipe"):
        read_one(str(fifo), options)
    fresh = tmp_path / "fresh"  # the first reader's thread still waits on the first one
    os.mkfifo(fresh)
    writer = threading.Thread(target=lambda: fresh.write_text(SEED_A, encoding="utf-8"))
    writer.start()
    assert read_one(str(fresh), options).text == SEED_A
    writer.join()


# --------------------------------------------------------------------------- evasion

_FRENCH = (
    "Le président de la République a déclaré mardi que la réforme des retraites était "
    "nécessaire. Selon lui, le système actuel n'est plus soutenable à long terme. Les "
    "syndicats ont annoncé une nouvelle journée de grève pour la semaine prochaine, et "
    "l'opposition dénonce un passage en force."
)
# Cyrillic look-alikes for Latin letters, as an evader swaps them in
_HOMOGLYPHS = str.maketrans({"a": "а", "e": "е", "o": "о", "c": "с", "p": "р", "T": "Т"})


def test_the_same_text_in_nfc_and_nfd_is_identical() -> None:
    got = Comparer(LEXICAL).compare(_FRENCH, unicodedata.normalize("NFD", _FRENCH))
    assert got.verdict.label == "identical" and not got.edits


def test_nfd_accents_stay_inside_the_word_spans() -> None:
    """A composed letter ends after its combining marks in the original."""
    text = unicodedata.normalize("NFD", _FRENCH)
    norm = normalize(text)
    assert norm.text == _FRENCH
    for tok in tokenize(norm):
        given = text[tok.span.start : tok.span.end]
        assert unicodedata.normalize("NFC", given) == tok.text


def test_look_alike_letters_do_not_hide_a_copy() -> None:
    spun = SEED_A.translate(_HOMOGLYPHS)
    got = Comparer(LEXICAL).compare(SEED_A, spun)
    assert got.verdict.label == "identical"
    assert not any(e.kind == "substitution" for e in got.edits)
    manipulation = [e for e in got.verdict.evidence if e.kind == "character-manipulation"]
    assert manipulation and manipulation[0].favours == "a"
    assert got.b.manipulation and not got.a.manipulation
    for e in got.b.manipulation:  # located in the text as given
        assert spun[e.span.start : e.span.end] == e.text != e.read_as
        assert SEED_A[e.span.start] == e.read_as


def test_look_alike_letters_do_not_hide_a_source_from_search(tmp_path: Path) -> None:
    from unspin import Index, Searcher

    ix = Index.create(tmp_path / "ix")
    try:
        ix.add(SEED_A, doc_id="seed")
        ix.add(_FRENCH, doc_id="other")
        result = Searcher(ix, Comparer(LEXICAL)).search(SEED_A.translate(_HOMOGLYPHS))
    finally:
        ix.close()
    assert result.hits and result.hits[0].doc_id == "seed"


def test_invisible_characters_inside_words_are_left_out_and_reported() -> None:
    hidden = "The min\u200bister said the eco\u2060nomy grew, and pri\u00adces fell."
    norm = normalize(hidden)
    assert norm.text == "The minister said the economy grew, and prices fell."
    assert [(e.kind, e.text) for e in norm.manipulation] == [
        ("invisible", "\u200b"),
        ("invisible", "\u2060"),
    ]  # the soft hyphen is a hyphenation point, not an evasion


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Президент заявил, что экономика выросла.", 0),  # one script
        ("Президент заявил, что экономика выросла.".replace("о", "o"), 4),  # Latin o in Russian
        ("Он сказал: Moscow is big, и это правда.", 0),  # a Latin word in a Russian text
        ("The talks with Сергей Лавров ended on Monday in Paris and Rome.", 0),  # a name
        ("Тhe talks ended on Monday in Paris.", 1),  # a mixed-script word
    ],
)
def test_only_look_alikes_that_evade_are_folded(text: str, folded: int) -> None:
    assert len(normalize(text).manipulation) == folded


def test_numbers_with_decimals_separators_and_percents_change_whole() -> None:
    """5.3 → 6.1 was reported as two changes, "5 → 6" and "3 → 1"."""
    a = (
        "The economy grew by 5.3 percent last year, the ministry said on Tuesday in its annual "
        "report. Officials expect growth to slow to 2.1% next year as 1,200,000 jobs are at risk."
    )
    b = a.replace("5.3", "6.1").replace("2.1%", "2.4%").replace("1,200,000", "1,500,000")
    got = Comparer(LEXICAL).compare(a, b)
    changes = [(e.a_text, e.b_text, e.reason) for e in got.edits if e.meaning_change]
    assert changes == [
        ("5.3", "6.1", "number changed: 5.3 → 6.1"),
        ("2.1%", "2.4%", "number changed: 2.1% → 2.4%"),
        ("1,200,000", "1,500,000", "number changed: 1,200,000 → 1,500,000"),
    ]
    for e in got.edits:
        assert a[e.a.start : e.a.end] == e.a_text and b[e.b.start : e.b.end] == e.b_text


def test_chinese_and_japanese_sentences_end_at_full_width_marks() -> None:
    zh = ["经济增长了四点九。", "专家认为，明年的增长将会放缓！", "「政府将采取措施。」", "他说。"]
    ja = ["政府は火曜日に新しい予算案を発表した。", "専門家は、来年の成長が鈍化すると見ている。"]
    for want in (zh, ja):
        text = "".join(want)
        doc = make_document("cjk", text, DEFAULT_CONFIG)
        assert [text[s.span.start : s.span.end] for s in doc.segments] == want


_spans = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda t: Span(t[0], t[0] + t[1])),
    max_size=12,
)


@given(_spans, _spans, st.text(alphabet="ab \n", min_size=80, max_size=80))
def test_quoted_chars_by_bisection_equal_the_plain_count(
    spans: list[Span], quotes: list[Span], text: str
) -> None:
    """``quoted_chars`` looks up the quotations near each span (it was quadratic in long
    texts); any spans and quotations, overlapping or not, count as one by one."""
    inside = total = 0
    for s in spans:
        total += sum(not c.isspace() for c in text[s.start : s.end])
        for q in quotes:
            inside += sum(not c.isspace() for c in text[max(s.start, q.start) : min(s.end, q.end)])
    assert quoted_chars(spans, quotes, text) == (inside, total)


def test_past_the_aligned_length_the_result_says_what_was_not_examined() -> None:
    """Memory stays bounded on texts of any length: past ``max_aligned_chars`` a text is
    kept whole, and the part not examined is reported."""
    config = LEXICAL.with_overrides(max_aligned_chars=1_000)
    got = Comparer(config).compare(SEED_A, SEED_B)
    for doc in (got.a, got.b):
        assert doc.text in (SEED_A, SEED_B)  # nothing the user gave is cut
        (rest,) = doc.unexamined
        assert rest.end == len(doc.text)
        assert 500 <= rest.start <= 1_000
        assert doc.text[rest.start] in "\n "
        assert all(s.span.end <= rest.start for s in doc.segments)
    for p in got.passages:
        assert p.a.end <= got.a.unexamined[0].start and p.b.end <= got.b.unexamined[0].start
    record = comparison_to_dict(got)
    assert record["a"]["unexamined"] == [{"start": got.a.unexamined[0].start, "end": len(SEED_A)}]
    whole = Comparer(LEXICAL).compare(SEED_A, SEED_B)
    assert whole.a.unexamined == () and comparison_to_dict(whole)["b"]["unexamined"] == []


def test_long_texts_are_aligned_from_candidates_as_the_whole_matrix_aligns_them() -> None:
    """Past ``max_dense_cells`` unit pairs, only the pairs sharing a rare stem (and their
    neighbours) are scored; on the seed pair that finds the same passages."""
    dense = Comparer(LEXICAL).compare(SEED_A, SEED_B)
    keyed = Comparer(LEXICAL.with_overrides(max_dense_cells=0)).compare(SEED_A, SEED_B)
    assert [(p.a, p.b) for p in keyed.passages] == [(p.a, p.b) for p in dense.passages]
    assert keyed.verdict.label == dense.verdict.label


_GERMAN = (
    "Die Regierung hat am Dienstag einen neuen Haushalt vorgelegt. Der Finanzminister sagte, "
    "die Wirtschaft werde im kommenden Jahr langsamer wachsen. Die Opposition kritisierte den "
    "Entwurf als unsozial und forderte mehr Geld für Schulen und Krankenhäuser. Die "
    "Gewerkschaften kündigten Proteste in mehreren Städten an."
)


def test_german_nouns_are_not_taken_for_names() -> None:
    """All 5 "meaning changes" in a German paraphrase were capitalised nouns swapped."""
    spun = (
        _GERMAN.replace("Regierung", "Kabinett")
        .replace("Haushalt", "Etat")
        .replace("Wirtschaft", "Konjunktur")
        .replace("Geld", "Mittel")
        .replace("Krankenhäuser", "Kliniken")
        .replace("Proteste", "Demonstrationen")
    )
    got = Comparer(LEXICAL).compare(_GERMAN, spun)
    assert got.verdict.label in REUSE_LABELS
    assert not [e for e in got.edits if e.meaning_change]
    assert main_language(_GERMAN.lower().split()) == "de"
    assert main_language(SEED_A.lower().split()) == "en"


@pytest.mark.parametrize(
    ("a", "b", "changed"),
    [
        ("40,582 dollars", "40 582 dollars", False),
        ("35%", "35 percent", False),
        ("2000", "2,000", False),
        ("5,3 million", "5.3 million", False),
        ("200 to 300", "200 to 400", True),
    ],
)
def test_one_number_written_two_ways_is_not_a_change(a: str, b: str, changed: bool) -> None:
    text = (
        "The company said on Tuesday that its revenue rose to {} last year, while costs fell "
        "over the same period, according to the annual report published in London."
    )
    got = Comparer(LEXICAL).compare(text.format(a), text.format(b))
    assert any(e.meaning_change for e in got.edits) == changed


def test_a_superlative_reworded_as_not_seen_since_is_no_negation_added() -> None:
    a = (
        "Inflation in the euro area rose to 5.3 percent in March, the highest level since the "
        "bank began keeping records in 1997. Energy prices drove most of the increase, officials "
        "in Frankfurt said on Thursday, and food costs also climbed sharply over the month."
    )
    b = (
        "Inflation across the euro area climbed to 5.3 percent in March, a level not seen since "
        "the bank began keeping records in 1997. Most of the increase came from energy prices, "
        "officials in Frankfurt said on Thursday, and food costs also rose sharply during the "
        "month."
    )
    c = Comparer(DEFAULT_CONFIG.with_overrides(use_model=False)).compare(a, b)
    assert c.passages
    assert not [e.reason for e in c.edits if e.meaning_change]
    # a negation with no superlative to answer it is still one
    flipped = b.replace("a level not seen since", "the highest level since").replace(
        "also rose sharply", "did not rise"
    )
    c = Comparer(DEFAULT_CONFIG.with_overrides(use_model=False)).compare(a, flipped)
    assert any((e.reason or "").startswith("negation") for e in c.edits if e.meaning_change)


def test_a_long_indexed_document_is_searched_where_the_query_is(tmp_path: Path) -> None:
    """A document longer than ``max_aligned_chars`` is keyed in parts with the span of each
    window, and a search examines the part of it that holds the query's keys, not its
    start: the reused passage is found deep inside it, at its offsets in the whole text."""
    from unspin.index import Index, search

    config = LEXICAL.with_overrides(max_aligned_chars=4_000)
    lang = Path(__file__).parent / "data" / "lang"
    texts = sorted(lang.glob("*_unrelated.txt"))
    filler = "\n\n".join(p.read_text(encoding="utf-8") for p in texts)
    head = "\n\n".join([filler] * 3)
    long_doc = f"{head}\n\n{SEED_A}\n\n{filler}"
    at = len(head) + 2
    with Index.create(tmp_path / "ix", config=config) as index:
        added = index.add(long_doc, name="long")
        assert index.conn.execute("SELECT COUNT(*) FROM window_spans").fetchone() == (1,)
        found = search(index, SEED_B, comparer=Comparer(config.for_search()))
        assert found.hits and found.hits[0].name == "long"
        c = found.hits[0].comparison
        assert c.verdict.label in REUSE_LABELS
        assert all(at <= p.b.start and p.b.end <= at + len(SEED_A) for p in c.passages)
        assert sum(len(p.b) for p in c.passages) > len(SEED_A) // 2
        before, after = c.b.unexamined
        assert before.start == 0 and before.end <= at and after.end == len(long_doc)
        assert index.check() == []
        assert index.rm(added.doc_id)
        assert index.conn.execute("SELECT COUNT(*) FROM window_spans").fetchone() == (0,)
        assert index.check() == []


@pytest.mark.timeout(60)
def test_looking_for_moved_blocks_is_bounded() -> None:
    """Found by the fuzzer: the search for moved blocks compared every pair of positions,
    extended each match and began again for every block found, so a unit group of a few
    thousand punctuation tokens (which no word count cuts) took minutes. It now stops past a
    fixed number of comparisons, keeping the moves found."""
    from unspin.diff import _find_moves, _Tok
    from unspin.text.normalize import Token

    def run(texts: list[str]) -> list[_Tok]:
        return [_Tok(Token(t, Span(k, k + 1), k, k + 1), False, -1) for k, t in enumerate(texts)]

    noise = ['"', "(", '"', ")"] * 800
    assert _find_moves([run(noise)], [run(noise[1:])]) == []
    words = ["growth", "slowed", "in", "the", "capital"]
    moves = _find_moves([run(["x", *words, "y"])], [run(["z", *words])])
    assert [[t.token.text for t in a] for a, _ in moves] == [words]


def _synonym_answers(pairs: list[tuple[str, str]]) -> list[bool]:
    from unspin.lexicon import shared_lexicon

    lexicon = shared_lexicon()
    return [lexicon.are_synonyms(a, b) or lexicon.are_antonyms(a, b) for a, b in pairs]


def test_processes_forked_after_the_lexicon_opened_its_files_read_it_right() -> None:
    """Found in CI: worker processes forked by a scan share the parent's open WordNet files,
    and their offsets; a seek and a read in one raced with another's and read half lines
    ("invalid literal for int()"). Synsets are read with pread now."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from unspin.lexicon import Lexicon, shared_lexicon

    if not shared_lexicon().available:
        pytest.skip("WordNet is not installed")
    words = ["big", "large", "small", "little", "quick", "fast", "slow", "happy", "sad",
             "begin", "start", "end", "finish", "buy", "purchase", "sell", "rise", "fall"]
    pairs = [(a, b) for a in words for b in words if a < b]
    # the parent opens every data file (nouns, verbs, adjectives, adverbs), and caches none
    # of the synsets the workers will read
    _synonym_answers([("tree", "wood"), ("run", "walk"), ("green", "red"), ("often", "soon")])
    chunks = [pairs[k::8] for k in range(8)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=4, mp_context=context) as pool:
        got = list(pool.map(_synonym_answers, chunks * 4))
    fresh = Lexicon()  # its own files and cache
    want = [[fresh.are_synonyms(a, b) or fresh.are_antonyms(a, b) for a, b in c] for c in chunks]
    assert got == want * 4
    assert sum(map(sum, want)) > 5

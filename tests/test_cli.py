"""Tests of the ``unspin`` command line: the demo, JSON, reports, stdin, and bad input."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from conftest import SEED_A_PATH, SEED_B_PATH
from unspin.cli import main
from unspin.config import Config

DEMO_DIR = files("unspin") / "demo"
DEMO_A, DEMO_B = SEED_A_PATH, SEED_B_PATH

PROSE = (
    "The committee met on Tuesday to discuss the new budget proposal for the city. "
    "Members argued about the cost of repairing the old bridge over the river. "
    "Several residents spoke in favour of more funding for public libraries and parks.\n\n"
)


def run(*args: str, input: str | bytes | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=input)


def assert_one_line_error(result: Result) -> str:
    """A failed run: non-zero exit, one ``unspin: error:`` line on stderr, no traceback."""
    assert result.exit_code != 0, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("unspin: error: "), lines[0]
    return lines[0]


@pytest.fixture
def text_b(tmp_path: Path) -> Path:
    path = tmp_path / "b.txt"
    path.write_text(PROSE * 3, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- happy paths


def test_demo_with_model() -> None:
    result = run("compare", "--demo")
    assert result.exit_code == 0, result.output
    assert "SPUN-COPY" in result.stdout
    assert "Traceback" not in result.output


def test_demo_json() -> None:
    result = run("compare", "--demo", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "unspin.compare/1"
    assert data["verdict"]["label"] == "spun-copy"
    assert data["a"]["name"].endswith("seed_000_syndicated.txt")
    assert data["b"]["name"].endswith("seed_002_spun.txt")
    assert data["passages"]


def test_demo_no_model() -> None:
    result = run("compare", "--demo", "--no-model")
    assert result.exit_code == 0, result.output
    assert "SPUN-COPY" in result.stdout or "spun" in result.stdout.lower()


def test_demo_no_model_json() -> None:
    result = run("compare", "--demo", "--no-model", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["verdict"]["label"] in {"spun-copy", "near-duplicate", "partial-reuse"}
    for match in (m for p in data["passages"] for m in p["matches"]):
        assert match["semantic"] is None


def test_max_passages() -> None:
    result = run("compare", "--demo", "--no-model", "--max-passages", "1")
    assert result.exit_code == 0, result.output


def test_two_files(tmp_path: Path, text_b: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text(PROSE * 3, encoding="utf-8")
    result = run("compare", "--no-model", "--json", str(a), str(text_b))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["verdict"]["label"] == "identical"


def test_stdin_as_a(text_b: Path) -> None:
    result = run("compare", "--no-model", "--json", "-", str(text_b), input=PROSE * 3)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["a"]["name"] == "<stdin>"
    assert data["a"]["length"] == len(PROSE * 3)
    assert data["verdict"]["label"] == "identical"


def test_stdin_as_b_terminal(text_b: Path) -> None:
    result = run("compare", "--no-model", str(text_b), "-", input=PROSE.encode("utf-16"))
    assert result.exit_code == 0, result.output
    assert "<stdin>" in result.stdout


def test_version_and_help() -> None:
    assert run("--version").exit_code == 0
    result = run("compare", "--help")
    assert result.exit_code == 0 and "--no-model" in result.stdout


def test_pan_xml(tmp_path: Path) -> None:
    out = tmp_path / "pan" / "nested"
    result = run("compare", "--demo", "--no-model", "--pan-xml", str(out))
    assert result.exit_code == 0, result.output
    written = list(out.iterdir())
    assert [p.name for p in written] == ["seed_000_syndicated-seed_002_spun.xml"]
    xml = written[0].read_text(encoding="utf-8")
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert 'reference="seed_000_syndicated.txt"' in xml
    assert 'source_reference="seed_002_spun.txt"' in xml
    assert "detected-plagiarism" in xml


def test_html(tmp_path: Path) -> None:
    pytest.importorskip("unspin.report.html")
    out = tmp_path / "report.html"
    result = run("compare", "--demo", "--no-model", "--html", str(out))
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "<html" in html.lower()
    assert f"HTML report written to {out}" in result.stderr


def test_html_and_json_together(tmp_path: Path) -> None:
    pytest.importorskip("unspin.report.html")
    out = tmp_path / "report.html"
    result = run("compare", "--demo", "--no-model", "--json", "--html", str(out))
    assert result.exit_code == 0, result.output
    json.loads(result.stdout)
    assert out.stat().st_size > 0


# --------------------------------------------------------------------------- bad input


def test_missing_file(tmp_path: Path, text_b: Path) -> None:
    missing = tmp_path / "missing.txt"
    line = assert_one_line_error(run("compare", "--no-model", str(missing), str(text_b)))
    assert str(missing) in line


def test_missing_file_with_newline_in_name(tmp_path: Path, text_b: Path) -> None:
    assert_one_line_error(run("compare", "--no-model", str(tmp_path / "a\nb.txt"), str(text_b)))


def test_missing_second_file(tmp_path: Path, text_b: Path) -> None:
    missing = tmp_path / "missing.txt"
    line = assert_one_line_error(run("compare", "--no-model", str(text_b), str(missing)))
    assert str(missing) in line


def test_directory(tmp_path: Path, text_b: Path) -> None:
    line = assert_one_line_error(run("compare", "--no-model", str(tmp_path), str(text_b)))
    assert str(tmp_path) in line and "directory" in line


def test_empty_file(tmp_path: Path, text_b: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    line = assert_one_line_error(run("compare", "--no-model", str(empty), str(text_b)))
    assert str(empty) in line and "empty" in line


def test_whitespace_file(tmp_path: Path, text_b: Path) -> None:
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b" \n\n\t \r\n")
    assert_one_line_error(run("compare", "--no-model", str(text_b), str(blank)))


def test_binary_file(tmp_path: Path, text_b: Path) -> None:
    png = tmp_path / "image.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    line = assert_one_line_error(run("compare", "--no-model", str(png), str(text_b)))
    assert str(png) in line and "binary" in line


def test_undecodable_file(tmp_path: Path, text_b: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x81\x8d\x8f\x90\x9d" * 100)
    line = assert_one_line_error(run("compare", "--no-model", str(bad), str(text_b)))
    assert str(bad) in line and "decode" in line


def test_binary_stdin(text_b: Path) -> None:
    line = assert_one_line_error(
        run("compare", "--no-model", "-", str(text_b), input=b"\x00\x01\x02" * 100)
    )
    assert "<stdin>" in line


def test_empty_stdin(text_b: Path) -> None:
    assert_one_line_error(run("compare", "--no-model", "-", str(text_b), input=b""))


def test_only_one_argument(text_b: Path) -> None:
    result = run("compare", "--no-model", str(text_b))
    assert result.exit_code == 2
    assert "two inputs" in assert_one_line_error(result)


def test_no_argument() -> None:
    result = run("compare")
    assert result.exit_code == 2
    assert_one_line_error(result)


def test_both_stdin() -> None:
    result = run("compare", "--no-model", "-", "-", input=PROSE)
    assert result.exit_code == 2
    assert "stdin" in assert_one_line_error(result)


def test_demo_with_arguments(text_b: Path) -> None:
    result = run("compare", "--demo", str(text_b))
    assert result.exit_code == 2
    assert "--demo" in assert_one_line_error(result)


def test_unknown_option_is_a_usage_error() -> None:
    # click's own usage errors: exit 2 and no traceback (their format is click's)
    result = run("compare", "--bogus")
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_html_into_missing_directory(tmp_path: Path) -> None:
    pytest.importorskip("unspin.report.html")
    out = tmp_path / "no" / "such" / "dir" / "r.html"
    assert_one_line_error(run("compare", "--demo", "--no-model", "--html", str(out)))


def test_pan_xml_onto_a_file(tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("x", encoding="utf-8")
    result = run("compare", "--demo", "--no-model", "--pan-xml", str(target))
    assert result.exit_code != 0
    assert "Traceback" not in result.output


# --------------------------------------------------------------------------- input limit


@pytest.fixture
def small_limit(monkeypatch: pytest.MonkeyPatch) -> int:
    """Lower the input limit: the CLI builds its Config from ``unspin.cli.DEFAULT_CONFIG``."""
    limit = 2000
    monkeypatch.setattr("unspin.cli.DEFAULT_CONFIG", Config(max_input_bytes=limit))
    return limit


def test_file_over_limit(tmp_path: Path, text_b: Path, small_limit: int) -> None:
    big = tmp_path / "big.txt"
    big.write_text(PROSE * 20, encoding="utf-8")
    assert big.stat().st_size > small_limit
    line = assert_one_line_error(run("compare", "--no-model", str(big), str(text_b)))
    assert str(big) in line and "limit" in line and f"{small_limit:,}" in line


def test_stdin_over_limit(text_b: Path, small_limit: int) -> None:
    line = assert_one_line_error(run("compare", "--no-model", "-", str(text_b), input=PROSE * 20))
    assert "<stdin>" in line and "limit" in line


def test_file_under_limit(tmp_path: Path, small_limit: int) -> None:
    a = tmp_path / "a.txt"
    a.write_text(PROSE * 2, encoding="utf-8")
    result = run("compare", "--no-model", str(a), str(a))
    assert result.exit_code == 0, result.output


@pytest.mark.slow
def test_fifty_megabyte_input(tmp_path: Path) -> None:
    """~50 MB of prose (under the 64 MiB default limit) is compared, not refused.

    Slow: about two minutes and ~10 GB of memory on a 2-core machine (measured).
    """
    big = tmp_path / "big.txt"
    size = 50_000_000
    with big.open("w", encoding="utf-8") as f:
        f.write(PROSE * (size // len(PROSE) + 1))
    assert big.stat().st_size >= size
    result = run("compare", "--no-model", "--json", str(big), DEMO_B)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["a"]["length"] >= size
    assert data["verdict"]["label"] == "unrelated"


# --------------------------------------------------------------------------- real executable


def _unspin_executable() -> list[str]:
    exe = Path(sys.executable).with_name("unspin")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("unspin")
    if found:
        return [found]
    return [sys.executable, "-c", "from unspin.cli import main; main()"]


def test_real_executable_never_prints_a_traceback(tmp_path: Path) -> None:
    cmd = _unspin_executable()
    env = {k: v for k, v in os.environ.items() if k != "UNSPIN_DEBUG"}
    png = tmp_path / "image.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    cases = [
        [str(tmp_path / "missing.txt"), DEMO_B],
        [str(png), DEMO_B],
        [str(tmp_path), DEMO_B],
        [DEMO_A],
    ]
    for args in cases:
        proc = subprocess.run(
            [*cmd, "compare", "--no-model", *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert proc.returncode != 0, args
        assert "Traceback" not in proc.stderr + proc.stdout, args
        assert proc.stdout == ""
        lines = proc.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("unspin: error: "), proc.stderr
    ok = subprocess.run(
        [*cmd, "compare", "--demo", "--no-model", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["verdict"]["label"] == "spun-copy"

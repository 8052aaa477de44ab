"""A short run of the atheris harness (fuzz/fuzz_text.py): a fixed seed, 600
inputs grown from the test texts. Long runs are made by hand (docs/results.md)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytest.importorskip("atheris")


@pytest.mark.timeout(300)
def test_a_short_fuzz_run_finds_no_crash(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for text in (ROOT / "tests" / "data").glob("*.txt"):
        shutil.copy(text, corpus)
    got = subprocess.run(
        [sys.executable, str(ROOT / "fuzz" / "fuzz_text.py"), "-runs=600", "-seed=1",
         f"-artifact_prefix={tmp_path}/", str(corpus)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert got.returncode == 0, got.stderr[-3000:]

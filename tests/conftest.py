"""What many test modules share: the lexical configuration, the bundled seed pair and the
PAN13 corpus beside the checkout (tests that need it skip without it).

The constants are importable (``from conftest import LEXICAL``: pytest puts this folder on
the path); the fixtures are for tests that want them by name."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest

from unspin.config import DEFAULT_CONFIG, Config

# the pipeline without the sentence model: fast, and what most behaviour tests need
LEXICAL: Config = DEFAULT_CONFIG.with_overrides(use_model=False)
DEMO = files("unspin") / "demo"
SEED_A_PATH = str(DEMO / "seed_000_syndicated.txt")
SEED_B_PATH = str(DEMO / "seed_002_spun.txt")
SEED_A = (DEMO / "seed_000_syndicated.txt").read_text(encoding="utf-8")
SEED_B = (DEMO / "seed_002_spun.txt").read_text(encoding="utf-8")
PAN13 = Path(__file__).resolve().parents[2] / "shared" / "data" / "pan13-train"
PAN_SRC = PAN13 / "src"


@pytest.fixture
def lexical() -> Config:
    return LEXICAL


@pytest.fixture
def pan13() -> Path:
    """The PAN13 training corpus; the test is skipped where it is not beside the checkout."""
    if not PAN13.is_dir():
        pytest.skip("PAN13 train corpus not beside the checkout")
    return PAN13

"""The JSON output follows the published schema and round-trips every span's text."""

from __future__ import annotations

import json
from importlib.resources import files

import jsonschema
import pytest

import unspin
from unspin import Comparer
from unspin.report.json import SCHEMA_ID, comparison_to_dict

SCHEMA = json.loads((files("unspin") / "report" / "compare.schema.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def seed_json() -> dict[str, object]:
    demo = files("unspin") / "demo"
    a = (demo / "seed_000_syndicated.txt").read_text("utf-8")
    b = (demo / "seed_002_spun.txt").read_text("utf-8")
    return comparison_to_dict(Comparer().compare(a, b, "000", "002"))


def test_schema_is_valid_and_output_validates(seed_json: dict[str, object]) -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.validate(seed_json, SCHEMA)
    assert seed_json["schema"] == SCHEMA_ID


def test_json_is_serialisable_and_spans_match_texts(seed_json: dict[str, object]) -> None:
    data = json.loads(json.dumps(seed_json, ensure_ascii=False))
    demo = files("unspin") / "demo"
    texts = {
        "a": (demo / "seed_000_syndicated.txt").read_text("utf-8"),
        "b": (demo / "seed_002_spun.txt").read_text("utf-8"),
    }
    for p in data["passages"]:
        for side in ("a", "b"):
            assert texts[side][p[side]["start"] : p[side]["end"]] == p[side]["text"]
    for e in data["edits"]:
        for side in ("a", "b"):
            assert texts[side][e[side]["start"] : e[side]["end"]] == e[side]["text"]
    for b in data["a"]["boilerplate"]:
        assert texts["a"][b["start"] : b["end"]] == b["text"]


def test_negative_result_validates() -> None:
    result = unspin.compare("Short text one about apples.", "Another about the stock market.")
    jsonschema.validate(comparison_to_dict(result), SCHEMA)

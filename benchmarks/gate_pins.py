"""What the quality gates share: their pinned floors, which hold only for the pair list they
were measured on, and ``--set FIELD=VALUE`` overrides of the default configuration."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from unspin.config import DEFAULT_CONFIG, Config


def pinned_floors(floors: Path, pairs: Path) -> dict[str, Any] | None:
    """The floors of ``floors``, or None (said on stderr) when ``pairs`` is not the list they
    were pinned on."""
    pinned = json.loads(floors.read_text(encoding="utf-8"))
    digest = hashlib.sha256(pairs.read_bytes()).hexdigest()
    if digest != pinned["pairs_sha256"]:
        print(f"gate: {pairs.name} changed (sha256 {digest}); re-pin the floors", file=sys.stderr)
        return None
    return pinned


def _value(raw: str) -> object:
    try:
        return json.loads(raw)
    except json.JSONDecodeError:
        return raw


def config_with(sets: list[str]) -> Config:
    """The default configuration with each ``FIELD=VALUE`` (JSON, else a string) applied."""
    overrides = dict(item.split("=", 1) for item in sets)
    return DEFAULT_CONFIG.with_overrides(**{k: _value(v) for k, v in overrides.items()})

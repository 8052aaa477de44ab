"""The docs a user reads stay true to the code."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def _reference_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "cli_reference", ROOT / "scripts/cli_reference.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_cli_reference_is_current() -> None:
    """docs/cli.md is every command's --help; regenerate it with scripts/cli_reference.py."""
    script = _reference_script()
    assert script.main_(["--check"]) == 0, (
        "docs/cli.md is out of date: run scripts/cli_reference.py"
    )


def test_the_cli_reference_holds_every_command() -> None:
    import click

    from unspin.cli import main

    page = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")

    def paths(command: click.Command, prefix: str) -> list[str]:
        out = [prefix]
        if isinstance(command, click.Group):
            for name, sub in command.commands.items():
                out += paths(sub, f"{prefix} {name}")
        return out

    for path in paths(main, "unspin"):
        assert f"## `{path}`" in page, path

"""The docs a user reads stay true to the code."""

from __future__ import annotations

import importlib.util
import re
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


def _slug(heading: str) -> str:
    """A heading's anchor as GitHub makes it."""
    text = re.sub(r"[^\w\- ]", "", heading.replace("`", "").strip().lower())
    return text.replace(" ", "-")


def _anchors(page: Path) -> set[str]:
    found: set[str] = set()
    seen: dict[str, int] = {}
    in_code = False
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            in_code = not in_code
        elif not in_code and (m := re.match(r"#{1,6}\s+(.*)", line)):
            slug = _slug(m.group(1))
            n = seen.get(slug, 0)
            seen[slug] = n + 1
            found.add(slug if n == 0 else f"{slug}-{n}")
    return found


def test_every_relative_link_in_the_docs_resolves() -> None:
    pages = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]
    broken = []
    for page in pages:
        text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.S)
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"[a-z]+:", target):
                continue
            path, _, anchor = target.partition("#")
            full = (page.parent / path).resolve() if path else page
            if not full.exists():
                broken.append(f"{page.name}: {target} (no such file)")
            elif anchor and full.suffix == ".md" and anchor not in _anchors(full):
                broken.append(f"{page.name}: {target} (no such heading)")
    assert broken == []

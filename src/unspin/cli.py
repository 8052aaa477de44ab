"""The ``unspin`` command: parse arguments, call the library, render. Nothing else."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import click

from . import __version__
from .cliutil import fail as _fail
from .cliutil import guarded as _guarded
from .cliutil import input_options
from .config import DEFAULT_CONFIG
from .eval.cli import eval_group
from .index.cli import index_group
from .output import TerminalConsole, echo_json, say
from .pipeline import Comparer
from .scan.cli import scan_cmd
from .text.extract import Rejections

DEMO_A = "seed_000_syndicated.txt"
DEMO_B = "seed_002_spun.txt"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="unspin")
def main() -> None:
    """unspin: find and explain spun text."""


@main.command()
@click.argument("a", required=False)
@click.argument("b", required=False)
@click.option(
    "--demo",
    is_flag=True,
    help="Compare the bundled seed pair (a syndicated op-ed and its spun rewrite).",
)
@click.option(
    "--json", "as_json", is_flag=True, help="Print the result as JSON (schema unspin.compare/1)."
)
@click.option(
    "--html",
    "html_path",
    type=click.Path(dir_okay=False, writable=True),
    help="Write a self-contained HTML report to this file.",
)
@click.option(
    "--pan-xml",
    "pan_dir",
    type=click.Path(file_okay=False),
    help="Write PAN detection XML (a = suspicious, b = source) into this directory.",
)
@click.option(
    "--no-model", is_flag=True, help="Lexical evidence only: do not load the sentence model."
)
@click.option(
    "--max-passages",
    type=click.IntRange(min=1),
    default=None,
    help="Show at most this many passages in the terminal report.",
)
@click.option(
    "--count-quotations",
    is_flag=True,
    help="Count passages of quoted speech both texts share as reuse (by default they are "
    "shown but not counted: two reports of one event quote the same speaker).",
)
@_guarded
def compare(
    a: str | None,
    b: str | None,
    demo: bool,
    as_json: bool,
    html_path: str | None,
    pan_dir: str | None,
    no_model: bool,
    max_passages: int | None,
    count_quotations: bool,
) -> None:
    """Compare two texts A and B (files, or - for stdin): passages, edits, verdict."""
    a, b = _pair_inputs(a, b, demo)
    config = DEFAULT_CONFIG.with_overrides(
        use_model=not no_model, count_quotations=count_quotations
    )
    comparison = Comparer(config).compare_files(a, b)
    if html_path:
        from .report.html import render_html

        Path(html_path).write_text(render_html(comparison), encoding="utf-8")
    if pan_dir:
        from .report.pan import write_detections

        write_detections(comparison, Path(pan_dir))
    if as_json:
        from .report.json import comparison_to_dict

        echo_json(comparison_to_dict(comparison), indent=2)
    else:
        from .report.terminal import render

        render(comparison, TerminalConsole(), max_passages)
        if html_path:
            say(f"HTML report written to {html_path}", err=True)


def _pair_inputs(a: str | None, b: str | None, demo: bool) -> tuple[str, str]:
    """The two inputs of ``compare``: its arguments, or with ``--demo`` the bundled pair."""
    if demo:
        if a or b:
            _fail("--demo takes no file arguments", 2)
        demo_dir = files("unspin") / "demo"
        a, b = str(demo_dir / DEMO_A), str(demo_dir / DEMO_B)
    if not a or not b:
        _fail("compare needs two inputs: unspin compare A B (or --demo)", 2)
    assert a is not None and b is not None
    if a == "-" and b == "-":
        _fail("only one of A and B can be - (stdin)", 2)
    return a, b


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--json", "as_json", is_flag=True, help="One JSON object per line (unspin.extract/1)."
)
@input_options("Processes extracting web pages.")
@_guarded
def extract(
    inputs: tuple[str, ...],
    as_json: bool,
    glob: str,
    text_field: str,
    html_field: str | None,
    id_field: str | None,
    jobs: int,
) -> None:
    """Show what unspin reads from INPUTS (files, folders, web pages, WARC, JSONL, -): the
    text it matches, its metadata and dates, and what was left out."""
    from .report.extract import extracted_to_dict, render_extracted, skipped_to_dict
    from .text import make_document
    from .text.extract import Skipped
    from .text.sources import ReadOptions, read_inputs

    options = ReadOptions(
        glob=glob, text_field=text_field, html_field=html_field, id_field=id_field
    )
    console = TerminalConsole()
    read, skipped = 0, Rejections()
    for got in read_inputs(inputs, options, jobs=jobs):
        if isinstance(got, Skipped):
            skipped.add(got.name, got.reason)
            if as_json:
                echo_json(skipped_to_dict(got))
            continue
        read += 1
        doc = make_document(got.name, got.text, DEFAULT_CONFIG, origin=got.origin)
        if as_json:
            echo_json(extracted_to_dict(doc, got.doc_id))
        else:
            render_extracted(doc, console)
    say(f"read {read} document(s), skipped {skipped.total}", err=True)
    for line in skipped.lines():
        say(f"  skipped: {line}", err=True)
    if not read:
        _fail(f"no document read from {', '.join(inputs)}")


main.add_command(eval_group)
main.add_command(index_group)
main.add_command(scan_cmd)

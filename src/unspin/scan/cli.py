"""``unspin scan``: parse arguments, call ``scan.scan_index``, show progress. Nothing else."""

from __future__ import annotations

from pathlib import Path

import click

from ..cliutil import guarded, input_options
from ..config import DEFAULT_CONFIG
from ..errors import ConfigError
from ..index.cli import _progress
from ..index.ingest import add_documents
from ..index.store import Index
from ..output import say
from ..text.sources import ReadOptions
from .job import ScanOptions, scan_index


@click.command("scan")
@click.argument("inputs", nargs=-1)
@click.option(
    "--out", "out", required=True, type=click.Path(file_okay=False), help="The output folder."
)
@click.option(
    "--index",
    "index_dir",
    type=click.Path(file_okay=False),
    help="Scan this index (its documents; INPUTS are added to it first). Without it the "
    "inputs go into OUT/index.",
)
@click.option("--no-model", is_flag=True, help="Lexical evidence only: no sentence model.")
@click.option(
    "--key-cap",
    type=click.IntRange(min=2),
    default=ScanOptions().key_cap,
    show_default=True,
    help="The most documents one key may join (a key held by more is a topic word).",
)
@click.option(
    "--per-document",
    type=click.IntRange(min=1),
    default=ScanOptions().per_document,
    show_default=True,
    help="The best candidate partners each document keeps.",
)
@click.option(
    "--copy-jaccard",
    type=click.FloatRange(min=0.5, max=1.0),
    default=ScanOptions().copy_jaccard,
    show_default=True,
    help="Documents whose keys overlap this much (Jaccard, estimated) are grouped as copies "
    "of one text before the key join.",
)
@click.option(
    "--shard-pairs",
    type=click.IntRange(min=1),
    default=ScanOptions().shard_pairs,
    show_default=True,
    help="Candidate pairs verified per shard: what a killed scan may have to verify again.",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "spark"]),
    default="local",
    show_default=True,
    help="local: --jobs processes on this machine; spark: a PySpark job (unspin[spark]).",
)
@click.option("--master", default=None, help="The Spark master URL (default local[2]).")
@input_options("Processes reading inputs and verifying candidate pairs.")
@guarded
def scan_cmd(
    inputs: tuple[str, ...],
    out: str,
    index_dir: str | None,
    no_model: bool,
    key_cap: int,
    per_document: int,
    copy_jaccard: float,
    shard_pairs: int,
    engine: str,
    master: str | None,
    glob: str,
    text_field: str,
    html_field: str | None,
    id_field: str | None,
    jobs: int,
) -> None:
    """Find every reuse family in a corpus: candidate pairs from the index's keys, each
    verified by the aligner, joined into families with their original. Writes
    documents.jsonl, edges.jsonl, families.jsonl and stats.json into OUT; run again, it
    verifies only the pairs it has not (after a kill, or after documents were added)."""
    if not inputs and not index_dir:
        raise ConfigError("give inputs to scan, or --index with an index")
    config = DEFAULT_CONFIG.with_overrides(use_model=False) if no_model else DEFAULT_CONFIG
    where = Path(index_dir) if index_dir else Path(out) / "index"
    if not (where / "index.sqlite").exists():
        Index.create(where, config=config).close()
    with Index.open(where, config=config) as index:
        if inputs:
            options = ReadOptions(
                config=config,
                glob=glob,
                text_field=text_field,
                html_field=html_field,
                id_field=id_field,
            )
            with _progress("adding", "{task.completed} docs") as bar:
                task = bar.add_task("add", total=None)
                report = add_documents(
                    index, inputs, options, jobs=jobs,
                    on_progress=lambda done: bar.update(task, completed=done.done),
                )
            say(
                f"added {report.added}, already in {report.duplicate}, "
                f"rejected {report.rejected.total}",
                err=True,
            )
            for line in report.rejected.lines():
                say(f"  rejected: {line}", err=True)
        with _progress("scanning", "{task.fields[stage]} {task.completed}/{task.total}") as bar:
            task = bar.add_task("scan", total=None, stage="")

            def advance(stage: str, done: int, total: int) -> None:
                bar.update(task, completed=done, total=total or None, stage=stage)

            stats = scan_index(
                index,
                out,
                ScanOptions(
                    key_cap=key_cap,
                    per_document=per_document,
                    copy_jaccard=copy_jaccard,
                    shard_pairs=shard_pairs,
                    jobs=jobs,
                    engine=engine,
                    master=master,
                ),
                advance,
            )
    say(
        f"{stats['documents']} documents, {stats['candidate_pairs']} candidate pairs "
        f"({stats['verified_now']} verified now), {stats['edges']} edges, "
        f"{stats['families']} families (largest {stats['largest_family']}): {out}"
    )

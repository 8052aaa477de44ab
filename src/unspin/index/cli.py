"""``unspin index``: create, add, rm, update, search, stats, check, export."""

from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from ..cliutil import fail, guarded
from ..compare import Comparer
from ..config import DEFAULT_CONFIG
from ..errors import InputError, UnspinError
from ..text import read_text
from .ingest import KEY_BATCH, keyed_batches, transactions
from .search import search
from .store import Index, Keyed


@click.group("index")
def index_group() -> None:
    """Keep a corpus in an on-disk index and find what a text was spun from."""


@index_group.command("create")
@click.argument("index_dir", type=click.Path(file_okay=False))
@guarded
def create_cmd(index_dir: str) -> None:
    """Create an empty index in INDEX_DIR (a new or empty directory)."""
    Index.create(index_dir).close()
    click.echo(f"created index {index_dir}")


def _jsonl_docs(
    path: Path, text_field: str, id_field: str | None, max_bytes: int, skipped: Counter[str]
) -> Iterator[tuple[str, str, str | None, dict[str, Any]]]:
    """Documents of a JSONL file; a bad line is skipped and counted with its reason."""
    with path.open("rb") as f:
        for n, raw in enumerate(f, 1):
            where = f"{path}:{n}"
            if not raw.strip():
                continue
            if len(raw) > max_bytes:
                skipped[f"{where}: line over {max_bytes} bytes"] += 1
                continue
            try:
                record = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError):
                skipped[f"{where}: not JSON"] += 1
                continue
            if not isinstance(record, dict) or not isinstance(record.get(text_field), str):
                skipped[f"{where}: no text field {text_field!r}"] += 1
                continue
            doc_id = record.get(id_field) if id_field else where
            if doc_id is None:
                skipped[f"{where}: no id field {id_field!r}"] += 1
                continue
            meta = {k: v for k, v in record.items() if k != text_field}
            yield record[text_field], where, str(doc_id), meta


def _inputs(
    inputs: tuple[str, ...],
    glob: str,
    text_field: str,
    id_field: str | None,
    max_bytes: int,
    skipped: Counter[str],
) -> Iterator[tuple[str, str, str | None, dict[str, Any]]]:
    """(text, name, id, meta) of every document the inputs name."""
    for item in inputs:
        if item == "-":
            _, text = read_text("-", max_bytes)
            yield text, "<stdin>", None, {}
            continue
        path = Path(item)
        if path.is_dir():
            files = sorted(p for p in path.rglob(glob) if p.is_file())
        elif path.exists():
            files = [path]
        else:
            skipped[f"{item}: no such file or directory"] += 1
            continue
        for file in files:
            if file.suffix == ".jsonl":
                yield from _jsonl_docs(file, text_field, id_field, max_bytes, skipped)
                continue
            try:
                name, text = read_text(file, max_bytes)
            except UnspinError as exc:
                skipped[str(exc)] += 1
                continue
            yield text, name, str(file), {"path": str(file)}


@index_group.command("add")
@click.argument("index_dir", type=click.Path(file_okay=False))
@click.argument("inputs", nargs=-1, required=True)
@click.option("--glob", default="*", show_default=True, help="Files to take from directories.")
@click.option("--text-field", default="text", show_default=True, help="JSONL: the text field.")
@click.option("--id-field", default=None, help="JSONL: the field holding a document's id.")
@click.option(
    "--jobs",
    type=click.IntRange(1, 64),
    default=min(2, os.cpu_count() or 1),
    show_default=True,
    help="Processes computing documents' keys while this one writes.",
)
@guarded
def add_cmd(
    index_dir: str,
    inputs: tuple[str, ...],
    glob: str,
    text_field: str,
    id_field: str | None,
    jobs: int,
) -> None:
    """Add files, directories (recursive), JSONL files or - (stdin) to the index."""
    index = Index.open(index_dir)
    skipped: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    start = time.perf_counter()
    console = Console(stderr=True)
    Doc = tuple[str, str, str | None, dict[str, Any]]

    def flush(batch: list[Doc], keyed: list[Keyed]) -> None:
        try:
            for result in index.add_many(batch, keyed=keyed):
                counts[result.status] += 1
        except InputError:
            # a transaction is all in or all out: with one bad document, add the others
            # one by one (their entries are already computed)
            for doc, entry in zip(batch, keyed, strict=True):
                try:
                    counts[index.add_many([doc], keyed=[entry])[0].status] += 1
                except InputError as exc:
                    skipped[str(exc)] += 1

    def batches() -> Iterator[list[Doc]]:
        batch: list[Doc] = []
        for doc in _inputs(inputs, glob, text_field, id_field, limit, skipped):
            batch.append(doc)
            if len(batch) >= KEY_BATCH:
                yield batch
                batch = []
        if batch:
            yield batch

    with Progress(
        TextColumn("adding"),
        BarColumn(),
        TextColumn("{task.completed} docs, {task.fields[rate]} docs/s"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not sys.stderr.isatty(),
    ) as progress:
        task = progress.add_task("add", total=None, rate="-")
        limit = index.config.max_input_bytes
        keyed = keyed_batches(batches(), index.config, index.params, jobs=jobs)
        for batch, entries in transactions(keyed):
            flush(batch, entries)
            done = sum(counts.values())
            rate = f"{done / (time.perf_counter() - start):.0f}"
            progress.update(task, completed=done, rate=rate)
    index.checkpoint()
    wall = time.perf_counter() - start
    done = sum(counts.values())
    click.echo(
        f"added {counts['added']}, skipped as duplicate {counts['duplicate']}, "
        f"rejected {sum(skipped.values())} ({done / wall if wall else 0:.0f} docs/s)"
    )
    for reason, n in sorted(skipped.items()):
        click.echo(f"  rejected: {reason}" + (f" (x{n})" if n > 1 else ""), err=True)
    index.close()


@index_group.command("rm")
@click.argument("index_dir", type=click.Path(file_okay=False))
@click.argument("doc_ids", nargs=-1, required=True)
@guarded
def rm_cmd(index_dir: str, doc_ids: tuple[str, ...]) -> None:
    """Remove documents by id."""
    with Index.open(index_dir) as index:
        missing = [d for d in doc_ids if not index.rm(d)]
    if missing:
        fail(f"not in the index: {', '.join(missing)}")
    click.echo(f"removed {len(doc_ids)}")


@index_group.command("update")
@click.argument("index_dir", type=click.Path(file_okay=False))
@click.argument("doc_id")
@click.argument("file")
@guarded
def update_cmd(index_dir: str, doc_id: str, file: str) -> None:
    """Replace document DOC_ID by the text of FILE (or add it)."""
    with Index.open(index_dir) as index:
        name, text = read_text(file, index.config.max_input_bytes)
        index.update(doc_id, text, name=name)
    click.echo(f"updated {doc_id}")


@index_group.command("search")
@click.argument("index_dir", type=click.Path(file_okay=False))
@click.argument("query")
@click.option("--top", type=click.IntRange(min=1), default=5, show_default=True)
@click.option(
    "--candidates",
    type=click.IntRange(min=1),
    default=20,
    show_default=True,
    help="Candidates verified by the aligner.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the hits as JSON.")
@click.option("--no-model", is_flag=True, help="Verify with lexical evidence only.")
@guarded
def search_cmd(
    index_dir: str, query: str, top: int, candidates: int, as_json: bool, no_model: bool
) -> None:
    """The indexed documents QUERY (a file, or - for stdin) reuses, each verified."""
    config = DEFAULT_CONFIG.with_overrides(use_model=not no_model)
    with Index.open(index_dir, config=config) as index:
        name, text = read_text(query, config.max_input_bytes)
        result = search(
            index, text, name=name, top=top, candidates=candidates, comparer=Comparer(config)
        )
    if as_json:
        from ..report.json import comparison_to_dict

        payload = {
            "query": name,
            "candidates": result.candidates,
            "timings_s": {k: round(v, 4) for k, v in result.timings.items()},
            "hits": [
                {
                    "rank": rank,
                    "id": hit.doc_id,
                    "name": hit.name,
                    "candidate_score": hit.candidate_score,
                    "reused_chars": hit.reused_chars,
                    "comparison": comparison_to_dict(hit.comparison),
                }
                for rank, hit in enumerate(result.hits, 1)
            ],
        }
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    if not result.hits:
        click.echo(f"no source found for {name} ({result.candidates} candidates verified)")
        return
    for rank, hit in enumerate(result.hits, 1):
        v = hit.comparison.verdict
        click.echo(
            f"{rank}. {hit.doc_id}  {v.label}  query covered {v.coverage_a:.1%}, "
            f"source covered {v.coverage_b:.1%}, {len(hit.comparison.passages)} passage(s)"
        )
        for p in hit.comparison.passages:
            click.echo(f"     query {p.a.start}-{p.a.end}  source {p.b.start}-{p.b.end}  {p.kind}")


@index_group.command("stats")
@click.argument("index_dir", type=click.Path(file_okay=False))
@guarded
def stats_cmd(index_dir: str) -> None:
    """Documents, postings, keys, size on disk and settings."""
    with Index.open(index_dir) as index:
        s = index.stats()
    click.echo(json.dumps(asdict(s), indent=2))


@index_group.command("check")
@click.argument("index_dir", type=click.Path(file_okay=False))
@guarded
def check_cmd(index_dir: str) -> None:
    """Verify the index: SQLite integrity, postings and key counts against the documents."""
    with Index.open(index_dir) as index:
        problems = index.check()
        n = len(index)
    for line in problems:
        click.echo(f"problem: {line}", err=True)
    if problems:
        fail(f"{index_dir}: {len(problems)} problem(s) found")
    click.echo(f"ok: {n} documents")


@index_group.command("export")
@click.argument("index_dir", type=click.Path(file_okay=False))
@guarded
def export_cmd(index_dir: str) -> None:
    """Every document as JSONL (id, name, sha256, meta, text) on stdout."""
    with Index.open(index_dir) as index:
        for d in index.export():
            record = {"id": d.doc_id, "name": d.name, "sha256": d.sha256, "meta": d.meta}
            click.echo(json.dumps({**record, "text": d.text}, ensure_ascii=False))

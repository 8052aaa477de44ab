"""``unspin index``: create, add, rm, update, embed, search, stats, check, export."""

from __future__ import annotations

import sys
import time
from dataclasses import asdict

import click
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from ..cliutil import fail, guarded, input_options
from ..config import DEFAULT_CONFIG
from ..errors import DAMAGED, BadRecordError, CorruptIndexError, exit_code
from ..output import TerminalConsole, echo_json, say
from ..pipeline import Comparer
from ..report.search import search_lines, search_to_dict
from ..text.sources import ReadOptions, read_one
from .ingest import IngestReport, add_documents, document_meta
from .keys import IndexParams
from .searcher import Searcher, SearchOptions, search_comparer
from .store import Index


@click.group("index")
def index_group() -> None:
    """Keep a corpus in an on-disk index and find what a text was spun from."""


@index_group.command("create")
@click.argument("index_dir", type=click.Path(file_okay=False))
@click.option(
    "--pair-keys",
    is_flag=True,
    help="Also key each sentence by its two rarest words together: better recall in very "
    "large corpora whose rare words recur, slower ingest (docs/index.md).",
)
@guarded
def create_cmd(index_dir: str, pair_keys: bool) -> None:
    """Create an empty index in INDEX_DIR (a new or empty directory)."""
    Index.create(index_dir, params=IndexParams(pairs_per_unit=int(pair_keys))).close()
    say(f"created index {index_dir}")


def _progress(label: str, counts: str) -> Progress:
    """A progress bar on stderr, shown on a terminal only: ``label``, the bar, ``counts`` (a
    rich format string over the task's fields) and the time elapsed."""
    return Progress(
        TextColumn(label),
        BarColumn(),
        TextColumn(counts),
        TimeElapsedColumn(),
        console=TerminalConsole(stderr=True),
        transient=True,
        disable=not sys.stderr.isatty(),
    )


@index_group.command("add")
@click.argument("index_dir", type=click.Path(file_okay=False))
@click.argument("inputs", nargs=-1, required=True)
@input_options("Processes extracting pages and computing documents' keys while this one writes.")
@guarded
def add_cmd(
    index_dir: str,
    inputs: tuple[str, ...],
    glob: str,
    text_field: str,
    html_field: str | None,
    id_field: str | None,
    jobs: int,
) -> None:
    """Add files, folders (recursive), web pages, WARC crawls, JSONL feeds (.gz too) or -
    (stdin) to the index."""
    with Index.open(index_dir) as index:
        options = ReadOptions(
            config=index.config,
            glob=glob,
            text_field=text_field,
            html_field=html_field,
            id_field=id_field,
        )
        with _progress("adding", "{task.completed} docs, {task.fields[rate]} docs/s") as bar:
            task = bar.add_task("add", total=None, rate="-")

            def advance(done: IngestReport) -> None:
                bar.update(task, completed=done.done, rate=f"{done.docs_per_s:.0f}")

            report = add_documents(index, inputs, options, jobs=jobs, on_progress=advance)
    say(
        f"added {report.added}, already in {report.duplicate}, "
        f"rejected {report.rejected.total} ({report.docs_per_s:.0f} docs/s)"
    )
    for line in report.rejected.lines():
        say(f"  rejected: {line}", err=True)
    if report.rejected.total and not report.done:
        fail(f"nothing added: every one of the {report.rejected.total} input(s) was rejected")


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
    say(f"removed {len(doc_ids)}")


@index_group.command("update")
@click.argument("index_dir", type=click.Path(file_okay=False))
@click.argument("doc_id")
@click.argument("file")
@guarded
def update_cmd(index_dir: str, doc_id: str, file: str) -> None:
    """Replace document DOC_ID by the text of FILE (or add it)."""
    with Index.open(index_dir) as index:
        got = read_one(file, ReadOptions(config=index.config))
        index.update(doc_id, got.text, name=got.name, meta=document_meta(got))
    say(f"updated {doc_id}")


@index_group.command("embed")
@click.argument("index_dir", type=click.Path(file_okay=False))
@click.option(
    "--batch",
    type=click.IntRange(min=1),
    default=64,
    show_default=True,
    help="Documents embedded per transaction (a killed pass keeps the batches it wrote).",
)
@click.option("--redo", is_flag=True, help="Drop every stored vector first (another model).")
@guarded
def embed_cmd(index_dir: str, batch: int, redo: bool) -> None:
    """Embed the sentences of the documents that have no vectors yet (resumable): searches
    then also find sources by meaning, e.g. a passage that went through a translator."""
    start = time.perf_counter()
    with Index.open(index_dir) as index:
        embedder = search_comparer(index.config).embedder
        if embedder is None:
            fail("the sentence model is turned off in this configuration")
        todo = len(index) - index.embedded()[0]
        counts = "{task.completed}/{task.total} docs, {task.fields[rate]} units/s"
        with _progress("embedding", counts) as progress:
            task = progress.add_task("embed", total=todo, rate="-")
            units_done = 0

            def advance(docs: int, units: int) -> None:
                nonlocal units_done
                units_done += units
                rate = f"{units_done / (time.perf_counter() - start):.0f}"
                progress.update(task, advance=docs, rate=rate)

            docs, units = index.embed(embedder, batch=batch, redo=redo, progress=advance)
            total_docs = index.embedded()[0]
            n = len(index)
        index.checkpoint()
    wall = time.perf_counter() - start
    say(
        f"embedded {docs} documents, {units} units ({units / wall if wall else 0:.0f} units/s); "
        f"{total_docs} of {n} documents have vectors"
    )


SEARCH_DEFAULTS = SearchOptions()  # the library's defaults are the command's


@index_group.command("search")
@click.argument("index_dir", type=click.Path(file_okay=False))
@click.argument("query")
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=SEARCH_DEFAULTS.top,
    show_default=True,
    help="Families of sources shown: a source and the other documents holding its text.",
)
@click.option(
    "--candidates",
    type=click.IntRange(min=1),
    default=SEARCH_DEFAULTS.candidates,
    show_default=True,
    help="Candidates verified by the aligner.",
)
@click.option(
    "--rounds",
    type=click.IntRange(1, 4),
    default=SEARCH_DEFAULTS.rounds,
    show_default=True,
    help="Candidate rounds: each after the first looks for sources of the parts not yet "
    "explained, while the round before found one.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the hits as JSON.")
@click.option("--no-model", is_flag=True, help="Verify with lexical evidence only.")
@click.option(
    "--no-semantic",
    is_flag=True,
    help="Find candidates by their keys only, not by the vectors of unspin index embed.",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Verify by the rules of a verdict on one pair (as unspin compare): no weak hits.",
)
@click.option(
    "--no-leads",
    is_flag=True,
    help="Show verified sources only, not the unconfirmed leads ranked below them.",
)
@click.option(
    "--semantic-memory-mb",
    type=click.IntRange(min=0),
    default=DEFAULT_CONFIG.semantic_memory_mb,
    show_default=True,
    help="Memory the semantic round's exact lookup may hold; past it the round is skipped.",
)
@guarded
def search_cmd(
    index_dir: str,
    query: str,
    top: int,
    candidates: int,
    rounds: int,
    as_json: bool,
    no_model: bool,
    no_semantic: bool,
    strict: bool,
    no_leads: bool,
    semantic_memory_mb: int,
) -> None:
    """The indexed documents QUERY (a file, or - for stdin) reuses, each verified."""
    config = DEFAULT_CONFIG.with_overrides(
        use_model=not no_model, semantic_memory_mb=semantic_memory_mb
    )
    options = SearchOptions(top, candidates, rounds, not no_semantic, not no_leads)
    with Index.open(index_dir, config=config) as index:
        got = read_one(query, ReadOptions(config=config))
        # by default the index's own comparer, with the search's rules
        searcher = Searcher(index, Comparer(config) if strict else None, options)
        result = searcher.search(got.text, name=got.name, origin=got.origin)
    for warning in result.warnings:
        say(f"warning: {warning}", err=True)
    if as_json:
        echo_json(search_to_dict(result, got.name), indent=2)
        return
    for line in search_lines(result, got.name):
        say(line)


@index_group.command("stats")
@click.argument("index_dir", type=click.Path(file_okay=False))
@guarded
def stats_cmd(index_dir: str) -> None:
    """Documents, postings, keys, size on disk and settings; damaged pages fail it."""
    with Index.open(index_dir) as index:
        s = index.stats()
    echo_json(asdict(s), indent=2)
    if s.damage:
        raise CorruptIndexError(
            f"{index_dir}: SQLite found {len(s.damage)} damaged page(s) or more; {DAMAGED}"
        )


@index_group.command("check")
@click.argument("index_dir", type=click.Path(file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the problems as JSON.")
@guarded
def check_cmd(index_dir: str, as_json: bool) -> None:
    """Verify the index: SQLite integrity, postings and key counts against the documents.
    Damage is listed as problems (exit 4), never a crash."""
    documents: int | None = None
    try:
        with Index.open(index_dir) as index:
            problems = index.check()
            documents = len(index)
    except (CorruptIndexError, BadRecordError) as exc:  # too damaged to open
        problems = [str(exc)]
    problems = [" ".join(p.split()) for p in problems]  # SQLite's messages hold line breaks
    if as_json:
        report = {"index": index_dir, "documents": documents, "problems": problems}
        echo_json({**report, "ok": not problems}, indent=2)
    for line in problems:
        say(f"problem: {line}", err=True)
    if problems:
        say(f"unspin: error: {index_dir}: {len(problems)} problem(s) found", err=True)
        sys.exit(exit_code(CorruptIndexError()))
    if not as_json:
        say(f"ok: {documents} documents")


@index_group.command("export")
@click.argument("index_dir", type=click.Path(file_okay=False))
@guarded
def export_cmd(index_dir: str) -> None:
    """Every document as JSONL (id, name, sha256, meta, text) on stdout."""
    with Index.open(index_dir) as index:
        for d in index.export():
            record = {"id": d.doc_id, "name": d.name, "sha256": d.sha256, "meta": d.meta}
            echo_json({**record, "text": d.text})

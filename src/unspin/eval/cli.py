"""``unspin eval``: run the aligner on a PAN corpus and score detections. Thin: argument
parsing and rendering only; the work is in ``eval.run`` and ``eval.measures``."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TimeRemainingColumn
from rich.table import Table

from .._types import Span
from ..cliutil import guarded
from ..config import DEFAULT_CONFIG
from ..errors import ConfigError, InputError
from ..output import TerminalConsole, echo_json, say
from ..report.pan import write_pan_xml
from .measures import Scores, format_clean_rates, scores_by_class, scores_to_dict
from .pairs import OnProgress, PairsReport, evaluate_pairs, load_pairs, pairs_report_to_dict
from .pairs_render import render_pairs, render_search
from .pairs_search import SearchEvalReport, evaluate_search, search_report_to_dict
from .pan import DETECTION, TRUTH, PairTruth, load_corpus, read_detections_dir
from .run import PairDetections, PanReport, evaluate_pan, pan_report_to_dict


def _table(scores: dict[str, Scores], title: str) -> Table:
    table = Table(title=title)
    for col in ("class", "cases", "detections", "precision", "recall", "granularity", "plagdet"):
        table.add_column(col, justify="left" if col == "class" else "right")
    for name, s in scores.items():
        table.add_row(
            name,
            str(s.cases),
            str(s.detections),
            f"{s.precision:.4f}",
            f"{s.recall:.4f}",
            f"{s.granularity:.4f}",
            f"{s.plagdet:.4f}",
            style="bold" if name == "overall" else None,
        )
    return table


def _load_truth(path: Path) -> list[PairTruth]:
    """A corpus root, a class folder of one, or a bare folder of truth XML files."""
    if (path / "pairs").is_file() and (path / "susp").is_dir():
        return load_corpus(path)
    if (path / "pairs").is_file() and (path.parent / "susp").is_dir():
        return load_corpus(path.parent, class_name=path.name)
    found = read_detections_dir(path, names=(TRUTH,))
    return [PairTruth(s, r, tuple(c), class_name=path.name) for (s, r), c in found.items()]


@click.group(name="eval")
def eval_group() -> None:
    """Measure alignment quality: on the PAN text-alignment benchmark, or on a list of
    labelled pairs."""


@eval_group.command("pan13")
@click.argument("corpus_dir", type=click.Path(path_type=Path))
@click.option(
    "--pairs", "pairs_file", type=click.Path(path_type=Path), help="A pairs file (subset)."
)
@click.option("--class", "class_name", help="Only this class folder, e.g. 03-random-obfuscation.")
@click.option(
    "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes (default: cores)."
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write PAN detection XML here.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--no-model", is_flag=True, help="Lexical evidence only.")
@click.option(
    "--search-rules",
    is_flag=True,
    help="Validate passages as a search verifies its candidates (weaker evidence kept).",
)
@guarded
def pan13(
    corpus_dir: Path,
    pairs_file: Path | None,
    class_name: str | None,
    jobs: int | None,
    out_dir: Path | None,
    as_json: bool,
    no_model: bool,
    search_rules: bool,
) -> None:
    """Align every pair of a PAN corpus and score the detections per obfuscation class."""
    truth = load_corpus(corpus_dir, pairs_file, class_name)
    if not truth:
        raise InputError(f"{pairs_file or corpus_dir}: no pairs to evaluate")
    config = DEFAULT_CONFIG.with_overrides(use_model=not no_model)
    if search_rules:
        config = config.for_search()
    jobs = jobs or os.cpu_count() or 1
    console = TerminalConsole(stderr=True)
    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        "[progress.percentage]{task.percentage:>3.0f}%",
        TimeRemainingColumn(),
        console=console,
        disable=as_json or not console.is_terminal,
    ) as progress:
        task = progress.add_task("aligning", total=len(truth))
        write = None if out_dir is None else functools.partial(_write_xml, out_dir)
        report = evaluate_pan(truth, config, jobs, lambda n: progress.advance(task, n), write)
    if as_json:
        echo_json(pan_report_to_dict(report), indent=2)
        return
    _render_pan(report, str(corpus_dir))


def _write_xml(out_dir: Path, result: PairDetections) -> None:
    spans = (
        (Span(c.this_offset, c.this_end), Span(c.source_offset, c.source_end)) for c in result.cases
    )
    write_pan_xml(out_dir, result.susp, result.src, spans)


def _render_pan(report: PanReport, corpus: str) -> None:
    scores, wall, jobs, stages = report.scores, report.wall_s, report.jobs, report.stage_cpu_s
    out = TerminalConsole()
    out.print(_table(scores, f"PAN plagdet on {corpus} ({report.pairs} pairs)"))
    out.print(
        f"{report.pairs} pairs in {wall:.1f} s = {report.pairs_per_s:.1f} pairs/s with {jobs} "
        f"job(s); stage CPU s: " + ", ".join(f"{k} {v:.1f}" for k, v in stages.items())
    )
    clean, found = report.clean, report.found
    out.print(format_clean_rates(clean))
    if found:
        out.print(
            "pairs with a detection on a case (suspicious side): "
            + ", ".join(f"{name} {share:.3f}" for name, share in found.items()),
            soft_wrap=True,
        )


@eval_group.command("score")
@click.argument("truth_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("detections_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@guarded
def score_command(truth_dir: Path, detections_dir: Path, as_json: bool) -> None:
    """Score PAN detection XML (from any system) against a PAN truth folder."""
    truth = _load_truth(truth_dir)
    if not truth:  # nothing to score against would read as a perfect score
        raise InputError(f"{truth_dir}: no truth pairs (PAN truth XML files or a corpus) in it")
    detections = read_detections_dir(detections_dir, names=(DETECTION, TRUTH))
    scores = scores_by_class(truth, detections)
    if as_json:
        echo_json(scores_to_dict(scores), indent=2)
        return
    TerminalConsole().print(_table(scores, f"{detections_dir} scored against {truth_dir}"))


@eval_group.command("pairs")
@click.argument("list_file", metavar="LIST.csv", type=click.Path(path_type=Path))
@click.option("--split", help="Only the rows whose split column is this.")
@click.option("--set", "sets", multiple=True, help="Only this set (repeatable).")
@click.option(
    "--jobs", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes."
)
@click.option("--no-model", is_flag=True, help="Lexical evidence only.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--limit", type=click.IntRange(min=1), help="Only the first N rows selected.")
@click.option(
    "--search",
    "search_mode",
    is_flag=True,
    help="Index the a-sides (and distractors), search with each b-side: recall@1, recall@5.",
)
@click.option(
    "--distractors",
    type=click.Path(path_type=Path),
    help="--search: also index the documents of this folder (recursive).",
)
@click.option(
    "--index-dir",
    type=click.Path(path_type=Path),
    help="--search: build the index here (a new or empty directory) and keep it.",
)
@guarded
def pairs_command(
    list_file: Path,
    split: str | None,
    sets: tuple[str, ...],
    jobs: int,
    no_model: bool,
    as_json: bool,
    limit: int | None,
    search_mode: bool,
    distractors: Path | None,
    index_dir: Path | None,
) -> None:
    """Score unspin's reuse decision on labelled pairs (a CSV with a,b,expect,set columns),
    or with --search how well a search finds each pair's a-side (docs/eval.md)."""
    if not search_mode and (distractors is not None or index_dir is not None):
        raise ConfigError("--distractors and --index-dir need --search")
    if distractors is not None and not distractors.exists():
        raise InputError(f"{distractors}: no such file or folder")
    rows = load_pairs(list_file, split=split, sets=sets or None, limit=limit)
    config = DEFAULT_CONFIG.with_overrides(use_model=not no_model)
    report: PairsReport | SearchEvalReport
    with _stage_bars(quiet=as_json) as on_progress:
        if search_mode:
            report = evaluate_search(
                rows,
                config,
                distractors=[distractors] if distractors is not None else [],
                jobs=jobs,
                index_dir=index_dir,
                on_progress=on_progress,
            )
        else:
            report = evaluate_pairs(rows, config, jobs=jobs, on_progress=on_progress)
    _show_pairs(report, as_json, str(list_file))


def _show_pairs(report: PairsReport | SearchEvalReport, as_json: bool, name: str) -> None:
    if isinstance(report, SearchEvalReport):
        for line in report.distractors_rejected:
            say(f"  distractor rejected: {line}", err=True)
        if as_json:
            echo_json(search_report_to_dict(report), indent=2)
        else:
            render_search(TerminalConsole(), report, name)
    elif as_json:
        echo_json(pairs_report_to_dict(report), indent=2)
    else:
        render_pairs(TerminalConsole(), report, name)


@contextmanager
def _stage_bars(quiet: bool) -> Iterator[OnProgress]:
    """One transient progress bar per stage on a terminal's stderr (none when ``quiet``),
    driven by the library's progress callback."""
    console = TerminalConsole(stderr=True)
    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        disable=quiet or not console.is_terminal,
    ) as progress:
        yield _progress_of(progress)


def _progress_of(progress: Progress) -> OnProgress:
    """A library progress callback driving one bar per stage."""
    tasks: dict[str, TaskID] = {}

    def update(stage: str, done: int, total: int | None) -> None:
        if stage not in tasks:
            tasks[stage] = progress.add_task(stage, total=total)
        progress.update(tasks[stage], completed=done, total=total)

    return update

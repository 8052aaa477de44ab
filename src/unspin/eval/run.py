"""Run the aligner over PAN pairs: one ``Comparer`` per worker process, per-document work
cached so a document used in several pairs is prepared (and embedded) once."""

from __future__ import annotations

import multiprocessing
import time
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._types import REUSE_LABELS, Passage
from ..align import align_prepared
from ..config import Config
from ..errors import InputError
from ..evidence import counted, mark_quotations
from ..pipeline import Comparer
from ..prepared import PreparedText
from .measures import Scores, clean_rates, pairs_found, scores_by_class, scores_to_dict
from .pan import Case, PairTruth


@dataclass(frozen=True, slots=True)
class PairDetections:
    """The detections of one pair and the seconds spent on it, per stage."""

    susp: str
    src: str
    class_name: str
    cases: tuple[Case, ...]
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, str]:
        return (self.susp, self.src)


def read_document(path: Path) -> str:
    """A PAN document exactly as its offsets count it (UTF-8, control characters kept)."""
    try:
        return path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such document") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 (byte {exc.start}); is it a text document?") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None


class PairAligner:
    """Aligns PAN pairs with one ``Comparer``, keeping prepared documents in an LRU cache."""

    def __init__(self, config: Config, cache_size: int = 256) -> None:
        self.comparer = Comparer(config)
        self.cache: OrderedDict[Path, PreparedText] = OrderedDict()
        self.cache_size = cache_size

    def _prepared(self, path: Path, timings: dict[str, float]) -> PreparedText:
        hit = self.cache.get(path)
        if hit is not None:
            self.cache.move_to_end(path)
            return hit
        start = time.perf_counter()
        prepared = self.comparer.prepare(read_document(path), path.name)
        timings["segment"] = timings.get("segment", 0.0) + time.perf_counter() - start
        self.cache[path] = prepared
        if len(self.cache) > self.cache_size:
            self.cache.popitem(last=False)
        return prepared

    def align(
        self, pair: PairTruth, timings: dict[str, float]
    ) -> tuple[PreparedText, PreparedText, list[Passage]]:
        """The pair's prepared documents (suspicious first) and the aligner's passages, with
        shared quotations marked (``evidence.mark_quotations``)."""
        if pair.susp_path is None or pair.src_path is None:
            raise InputError(f"{pair.susp} / {pair.src}: pair without document paths")
        susp = self._prepared(pair.susp_path, timings)
        src = self._prepared(pair.src_path, timings)
        result = align_prepared(
            susp, src, self.comparer.config, self.comparer.embedder, timings=timings
        )
        return susp, src, mark_quotations(susp, src, result.passages, self.comparer.config)

    def detect(self, pair: PairTruth) -> PairDetections:
        """The pair's detections: its reused passages when the verdict is reuse (the same
        decision as ``unspin compare``), none otherwise."""
        timings: dict[str, float] = {}
        susp, src, passages = self.align(pair, timings)
        cases: tuple[Case, ...] = ()
        if passages:
            start = time.perf_counter()
            comparison = self.comparer.explain(susp, src, passages)
            timings["verdict"] = time.perf_counter() - start
            if comparison.verdict.label in REUSE_LABELS:
                evidence = counted(comparison.passages, self.comparer.config.count_quotations)
                cases = tuple(Case(p.a.start, len(p.a), p.b.start, len(p.b)) for p in evidence)
        return PairDetections(pair.susp, pair.src, pair.class_name, cases, timings)


_worker: PairAligner | None = None


def _init_worker(config: Config) -> None:
    global _worker  # one aligner per worker process (the pool's initializer pattern)
    _worker = PairAligner(config)


def _detect_group(group: Sequence[PairTruth]) -> list[PairDetections]:
    assert _worker is not None
    return [_worker.detect(p) for p in group]


def detect_pairs(
    pairs: Sequence[PairTruth],
    config: Config,
    jobs: int = 1,
    on_done: Callable[[int], None] | None = None,
) -> Iterator[PairDetections]:
    """Detections for every pair; pairs sharing a suspicious document go to one worker so its
    prepared form is reused. Results come in completion order."""
    groups: dict[Path | None, list[PairTruth]] = defaultdict(list)
    for p in pairs:
        groups[p.susp_path].append(p)
    batches = list(groups.values())
    if jobs <= 1:
        aligner = PairAligner(config)
        for batch in batches:
            for p in batch:
                yield aligner.detect(p)
            if on_done:
                on_done(len(batch))
        return
    ctx = multiprocessing.get_context("forkserver")
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(config,)) as pool:
        for done in pool.imap_unordered(_detect_group, batches, chunksize=4):
            yield from done
            if on_done:
                on_done(len(done))


@dataclass
class PanReport:
    """The scores of one run over a PAN corpus (``evaluate_pan``)."""

    scores: dict[str, Scores]  # per obfuscation class, and ``overall``
    clean: dict[str, float | None]  # shares of the pairs without reuse left undetected
    found: dict[str, float]  # per class, pairs with a detection on a case
    pairs: int
    jobs: int
    wall_s: float
    stage_cpu_s: dict[str, float]  # CPU seconds per pipeline stage, over every worker
    detections: dict[tuple[str, str], list[Case]]

    @property
    def pairs_per_s(self) -> float:
        return self.pairs / self.wall_s if self.wall_s else 0.0


def evaluate_pan(
    truth: Sequence[PairTruth],
    config: Config,
    jobs: int = 1,
    on_done: Callable[[int], None] | None = None,
    on_pair: Callable[[PairDetections], None] | None = None,
) -> PanReport:
    """Align every pair of ``truth`` on ``jobs`` processes and score the detections per
    obfuscation class (``unspin eval pan13``). ``on_done`` counts pairs as they finish;
    ``on_pair`` sees each pair's detections (to write them out as PAN XML)."""
    detections: dict[tuple[str, str], list[Case]] = {}
    stages: dict[str, float] = {}
    start = time.perf_counter()
    for result in detect_pairs(truth, config, jobs, on_done):
        detections[result.key] = list(result.cases)
        for stage, seconds in result.timings.items():
            stages[stage] = stages.get(stage, 0.0) + seconds
        if on_pair is not None:
            on_pair(result)
    wall = time.perf_counter() - start
    return PanReport(
        scores=scores_by_class(truth, detections),
        clean=clean_rates(truth, detections),
        found=pairs_found(truth, detections),
        pairs=len(truth),
        jobs=jobs,
        wall_s=wall,
        stage_cpu_s=stages,
        detections=detections,
    )


def pan_report_to_dict(report: PanReport) -> dict[str, Any]:
    """The JSON of ``unspin eval pan13 --json``."""
    return {
        "scores": scores_to_dict(report.scores),
        "pairs": report.pairs,
        "wall_s": round(report.wall_s, 2),
        "pairs_per_s": round(report.pairs_per_s, 2),
        "jobs": report.jobs,
        "stage_cpu_s": {k: round(v, 2) for k, v in report.stage_cpu_s.items()},
        "no_detection_on_clean_pairs": report.clean["caseless"],
        "no_detection_on_no_plagiarism_pairs": report.clean["no_plagiarism"],
        "pairs_with_a_detection_on_a_case": report.found,
    }

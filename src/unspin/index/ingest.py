"""Adding documents in bulk: ``add_documents`` reads inputs into the index, ``add_stream``
adds documents already read; both return an ``IngestReport``.

Index entries are computed in worker processes while the index writes: ingest on every core.

An entry (text stage, rarest stems, postings, hash, compressed text) is CPU work and the
SQLite writer is one process, so ``keyed_batches`` computes the entries of the next batches
in a process pool while the caller writes the current one
(``Index.add_many(batch, keyed=...)``). At most ``ahead`` batches are in flight, so memory
stays bounded however long the input is.
"""

from __future__ import annotations

import multiprocessing as mp
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import Any, TypeVar

from ..config import Config
from ..errors import InputError
from ..text.extract import Extracted, Rejections, Skipped
from ..text.origin import origin_to_dict
from ..text.sources import ReadOptions, read_inputs
from .entries import Keyed, keyed_text
from .keys import IndexParams
from .store import Index

T = TypeVar("T", bound=Sequence[Any])

KEY_BATCH = 256  # documents per task sent to a worker process
TX_DOCS = 4096  # documents per write transaction in a bulk add

_worker: tuple[Config, IndexParams] | None = None


def _init(config: Config, params: IndexParams) -> None:
    global _worker
    _worker = (config, params)


def _keyed(texts: list[str]) -> list[Keyed]:
    assert _worker is not None
    config, params = _worker
    return [keyed_text(text, config, params) for text in texts]


def keyed_batches(
    batches: Iterable[list[T]],
    config: Config,
    params: IndexParams,
    jobs: int = 2,
    ahead: int = 4,
) -> Iterator[tuple[list[T], list[Keyed]]]:
    """Each batch of documents (tuples whose first item is the text) with the entry of each
    document, in order. With ``jobs`` < 2, or a single batch (not worth starting processes
    for), they are computed here, in this process."""
    it = iter(batches)
    head = list(islice(it, 2))
    if jobs < 2 or len(head) < 2:
        for batch in chain(head, it):
            yield batch, [keyed_text(doc[0], config, params) for doc in batch]
        return
    batches = chain(head, it)
    # forkserver: workers do not inherit the caller's open SQLite connection
    with mp.get_context("forkserver").Pool(jobs, _init, (config, params)) as pool:
        queue: deque[tuple[list[T], Any]] = deque()
        for batch in batches:
            # split the batch so every worker has a share
            size = max(1, -(-len(batch) // jobs))
            parts = [[doc[0] for doc in batch[i : i + size]] for i in range(0, len(batch), size)]
            queue.append((batch, [pool.apply_async(_keyed, (part,)) for part in parts]))
            while len(queue) > ahead:
                yield _ready(queue.popleft())
        while queue:
            yield _ready(queue.popleft())


def _ready(item: tuple[list[T], Any]) -> tuple[list[T], list[Keyed]]:
    batch, parts = item
    return batch, [entry for part in parts for entry in part.get()]


def transactions(
    keyed: Iterable[tuple[list[T], list[Keyed]]], size: int = TX_DOCS
) -> Iterator[tuple[list[T], list[Keyed]]]:
    """Consecutive keyed batches joined into groups of at least ``size`` documents, one write
    transaction each. A transaction's postings go into its segment's B-tree in key order, so
    the more rows it holds, the fewer times each page is dirtied and written (docs/index.md
    has the measurements)."""
    docs: list[T] = []
    entries: list[Keyed] = []
    for batch, keys in keyed:
        docs.extend(batch)
        entries.extend(keys)
        if len(docs) >= size:
            yield docs, entries
            docs, entries = [], []
    if docs:
        yield docs, entries


# a document to add: its text, name, id (None: the text's hash) and what is kept beside it
Doc = tuple[str, str, str | None, dict[str, Any] | None]


@dataclass
class IngestReport:
    """What a bulk add did: documents added, those already held (the same text), those
    refused (by reason: unreadable inputs, empty texts, ids taken), and its time."""

    added: int = 0
    duplicate: int = 0
    rejected: Rejections = field(default_factory=Rejections)
    seconds: float = 0.0

    @property
    def done(self) -> int:
        """Documents written or found held already."""
        return self.added + self.duplicate

    @property
    def docs_per_s(self) -> float:
        return self.done / self.seconds if self.seconds else 0.0


def document_meta(got: Extracted) -> dict[str, Any]:
    """What the index keeps beside a document's text: a JSONL record's other fields, its
    provenance, the input it came in and its site (the scopes of learned boilerplate)."""
    meta: dict[str, Any] = dict(got.fields)
    ours = (
        ("path", got.name),
        ("feed", got.feed),
        ("site", got.origin.site),
        ("origin", origin_to_dict(got.origin)),
    )
    for key, value in ours:
        if value and key not in meta:  # a record's own field of that name wins
            meta[key] = value
    return meta


def read_docs(
    inputs: Iterable[str],
    options: ReadOptions,
    rejected: Rejections,
    jobs: int = 2,
    id_prefix: str = "",
) -> Iterator[Doc]:
    """Every document the inputs hold (web pages extracted on ``jobs`` processes), its id
    the one the input gives it or its name, after ``id_prefix``; what is not read is counted
    in ``rejected`` by reason."""
    for got in read_inputs(list(inputs), options, jobs=jobs):
        if isinstance(got, Skipped):
            rejected.add(got.name, got.reason)
            continue
        yield got.text, got.name, f"{id_prefix}{got.doc_id or got.name}", document_meta(got)


def add_stream(
    index: Index,
    docs: Iterable[Doc],
    *,
    jobs: int = 2,
    report: IngestReport | None = None,
    on_progress: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Add ``docs`` to ``index``: their entries made on ``jobs`` processes, written
    ``TX_DOCS`` to a transaction. A transaction is all in or all out, so one with a document
    the index refuses (an id taken by another text) is written again one document at a time,
    and only that one is rejected. ``on_progress`` is called after each transaction. The
    write-ahead log is folded into the database at the end."""
    report = report if report is not None else IngestReport()
    start = time.perf_counter() - report.seconds
    keyed = keyed_batches(_batches(docs), index.config, index.params, jobs=jobs)
    for batch, entries in transactions(keyed):
        try:
            statuses = [r.status for r in index.add_many(batch, keyed=entries)]
        except InputError:
            statuses = []
            for doc, entry in zip(batch, entries, strict=True):
                try:
                    statuses.append(index.add_many([doc], keyed=[entry])[0].status)
                except InputError as exc:
                    report.rejected.add(doc[1], str(exc).removeprefix(f"{doc[1]}: "))
        report.added += statuses.count("added")
        report.duplicate += statuses.count("duplicate")
        report.seconds = time.perf_counter() - start
        if on_progress is not None:
            on_progress(report)
    index.checkpoint()
    report.seconds = time.perf_counter() - start
    return report


def add_documents(
    index: Index,
    inputs: Iterable[str],
    options: ReadOptions | None = None,
    *,
    jobs: int = 2,
    id_prefix: str = "",
    on_progress: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Read ``inputs`` (files, folders, web pages, WARC crawls, JSONL feeds, ``-``) as
    ``unspin index add`` does and add every document they hold (``add_stream``); the inputs
    are read with the index's configuration unless ``options`` says otherwise."""
    options = options or ReadOptions(config=index.config)
    report = IngestReport()
    docs = read_docs(inputs, options, report.rejected, jobs, id_prefix)
    return add_stream(index, docs, jobs=jobs, report=report, on_progress=on_progress)


def _batches(docs: Iterable[Doc]) -> Iterator[list[Doc]]:
    batch: list[Doc] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) >= KEY_BATCH:
            yield batch
            batch = []
    if batch:
        yield batch

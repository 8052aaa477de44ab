"""Every input a command accepts, read into documents: files of any supported type, folders
(recursive, with a glob), WARC / WARC.gz crawls, JSONL / JSONL.gz feeds, gzip'd pages and
texts, and ``-`` (stdin).

``read_inputs`` yields an ``Extracted`` document or a ``Skipped`` reason for each thing it
meets, in order, and never raises for a bad part of a batch: one damaged record or line is
reported and the rest is read. Containers are streamed (a WARC or JSONL file is never read
into memory whole); each document is bounded (``Config.max_input_bytes``, ``max_page_bytes``,
``max_expanded_bytes``).
"""

from __future__ import annotations

import gzip
import io
import json
import stat
import sys
import tempfile
import threading
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any

from .._types import DateClaim
from ..config import DEFAULT_CONFIG, Config
from ..errors import InputError
from .extract import (
    Extracted,
    Skipped,
    extract_html,
    extract_text,
    gunzip,
    host,
    sha256,
    sniff,
)


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How inputs are read: limits from the ``Config``, JSONL field names, a folder glob."""

    config: Config = DEFAULT_CONFIG
    glob: str = "*"
    text_field: str = "text"
    html_field: str | None = None  # a JSONL field holding a page's HTML (read as a page)
    id_field: str | None = None
    url_field: str = "url"
    title_field: str = "title"
    date_field: str = "date"


def read_inputs(
    inputs: Iterable[str], options: ReadOptions, jobs: int = 1
) -> Iterator[Extracted | Skipped]:
    """The documents of every input, in order, with a ``Skipped`` for each part not read.
    With ``jobs`` > 1, web pages (files and WARC records) are extracted in that many worker
    processes while this one reads on; at most a few batches are in flight, so memory stays
    bounded however long a crawl is."""
    items = _items(inputs, options)
    if jobs < 2:
        for item in items:
            yield item.run() if isinstance(item, _Page) else item
        return
    yield from _parallel(items, jobs)


@dataclass(frozen=True, slots=True)
class _Page:
    """A web page waiting to be extracted (the costly step, run in a worker when parallel)."""

    data: bytes
    name: str
    url: str | None
    charset: str | None
    fmt: str
    feed: str
    config: Config
    claims: tuple[DateClaim, ...] = ()
    doc_id: str | None = None

    def run(self) -> Extracted | Skipped:
        try:
            got = extract_html(
                self.data,
                self.name,
                url=self.url,
                charset=self.charset,
                fmt=self.fmt,
                config=self.config,
            )
        except InputError as exc:
            return Skipped(self.name, _reason(exc, self.name))
        if self.claims:
            got = replace(got, origin=replace(got.origin, dates=got.origin.dates + self.claims))
        return replace(got, doc_id=self.doc_id, feed=self.feed)


_Item = Extracted | Skipped | _Page
_GROUP = 16  # pages per task sent to a worker


def _run_all(group: list[_Item]) -> list[Extracted | Skipped]:
    return [item.run() if isinstance(item, _Page) else item for item in group]


class _Ready:
    """A group with nothing to extract, kept in the queue so order is kept."""

    def __init__(self, items: list[Extracted | Skipped]) -> None:
        self.items = items

    def get(self) -> list[Extracted | Skipped]:
        return self.items


def _parallel(items: Iterator[_Item], jobs: int) -> Iterator[Extracted | Skipped]:
    import multiprocessing as mp
    from collections import deque

    pool = None
    queue: deque[Any] = deque()
    group: list[_Item] = []
    pages = 0
    try:
        for item in items:
            group.append(item)
            pages += isinstance(item, _Page)
            if pages < _GROUP and len(group) < 16 * _GROUP:
                continue
            if pages:
                if pool is None:  # started at the first page: a text corpus needs none
                    # forkserver: workers do not inherit the caller's files or SQLite handle
                    pool = mp.get_context("forkserver").Pool(jobs)
                queue.append(pool.apply_async(_run_all, (group,)))
            else:
                queue.append(_Ready([x for x in group if not isinstance(x, _Page)]))
            group, pages = [], 0
            while len(queue) > 4 * jobs:
                yield from queue.popleft().get()
        if group:
            queue.append(_Ready(_run_all(group)))
        while queue:
            yield from queue.popleft().get()
    finally:
        if pool is not None:
            pool.terminate()


# a stream (stdin, a pipe) is held in memory up to this many bytes, and past it in a
# temporary file: it (a crawl, a feed) may be as long as ``Config.max_expanded_bytes``, and
# memory stays bounded
_STDIN_IN_MEMORY = 8 * 1024 * 1024


@contextmanager
def _spooled(
    stream: IO[bytes], name: str, config: Config
) -> Iterator[tuple[IO[bytes], int]]:
    """A stream's first bytes (stdin, a pipe, a FIFO) as a seekable file, read in chunks,
    and their count: up to ``Config.max_expanded_bytes`` for a container (a WARC, JSONL or
    gzip stream, read record by record), else one byte past ``max_input_bytes``, which is
    enough to refuse it."""
    with tempfile.SpooledTemporaryFile(max_size=_STDIN_IN_MEMORY) as spool:
        head = stream.read(8192)
        try:
            kind = sniff(head, name) if head else "text"
        except InputError:
            kind = "text"  # refused when read, with its reason
        container = kind in ("warc", "jsonl", "gzip")
        limit = (config.max_expanded_bytes if container else config.max_input_bytes) + 1
        spool.write(head)
        size = len(head)
        while size < limit:
            chunk = stream.read(min(1 << 20, limit - size))
            if not chunk:
                break
            spool.write(chunk)
            size += len(chunk)
        spool.seek(0)
        yield spool, size


def _open_fifo(path: Path, wait_s: float) -> IO[bytes]:
    """Open a named pipe for reading: opening blocks until a writer opens it, so it is done
    in a thread, given up after ``wait_s`` (the thread is left blocked, as a daemon)."""
    opened: list[IO[bytes]] = []
    failed: list[OSError] = []

    def opener() -> None:
        try:
            opened.append(path.open("rb"))
        except OSError as exc:
            failed.append(exc)

    thread = threading.Thread(target=opener, daemon=True)
    thread.start()
    thread.join(wait_s)
    if failed:
        raise failed[0]
    if not opened:
        raise TimeoutError(f"no process opened the named pipe for writing in {wait_s:g} s")
    return opened[0]


def _items(inputs: Iterable[str], options: ReadOptions) -> Iterator[_Item]:
    for item in inputs:
        if item == "-":
            with _spooled(sys.stdin.buffer, "<stdin>", options.config) as (spool, size):
                yield from _read_stream(spool, "<stdin>", size, options, "<stdin>")
            continue
        path = Path(item)
        if path.is_dir():
            files = sorted(p for p in path.rglob(options.glob) if p.is_file())
            if not files:
                yield Skipped(item, f"no files matching {options.glob!r} in the folder")
            for file in files:
                yield from _read_file(file, options, feed=item)
        elif path.exists():
            yield from _read_file(path, options, feed=item)
        else:
            yield Skipped(item, "no such file or folder")


def read_one(item: str, options: ReadOptions | None = None) -> Extracted:
    """The one document of ``item`` (a page, a text, or a container holding exactly one):
    what ``unspin compare`` reads. Anything else is an ``InputError``."""
    if item != "-" and Path(item).is_dir():
        raise InputError(f"{item}: is a directory, expected a file")
    found: list[Extracted] = []
    reasons: list[Skipped] = []
    for got in read_inputs([item], options or ReadOptions()):
        if isinstance(got, Skipped):
            reasons.append(got)
        else:
            found.append(got)
        if len(found) > 1:
            raise InputError(f"{item}: holds more than one document; compare takes one each")
    if not found:
        why = reasons[0] if reasons else Skipped(item, "no document")
        raise InputError(
            f"{why.name}: {why.reason}" if why.name != item else f"{item}: {why.reason}"
        )
    return found[0]


def _read_file(path: Path, options: ReadOptions, feed: str) -> Iterator[_Item]:
    name = str(path)
    try:
        info = path.stat()
        mode = info.st_mode
        if stat.S_ISREG(mode):
            with path.open("rb") as f:
                yield from _read_stream(f, name, info.st_size, options, feed)
            return
        # a pipe (``<(…)``), a named pipe or a device: read as a stream, up to the limit
        config = options.config
        stream = _open_fifo(path, config.fifo_wait_s) if stat.S_ISFIFO(mode) else path.open("rb")
        with stream, _spooled(stream, name, config) as (spool, size):
            yield from _read_stream(spool, name, size, options, feed)
    except PermissionError:
        yield Skipped(name, "permission denied")
    except TimeoutError as exc:
        yield Skipped(name, str(exc))
    except OSError as exc:
        yield Skipped(name, f"cannot read ({exc.strerror or exc})")


def _read_stream(
    f: IO[bytes], name: str, size: int, options: ReadOptions, feed: str
) -> Iterator[_Item]:
    config = options.config
    head = f.read(8192)
    f.seek(0)
    if not head:
        yield Skipped(name, "file is empty")
        return
    try:
        kind = sniff(head, name)
    except InputError as exc:
        yield Skipped(name, _reason(exc, name))
        return
    if kind == "gzip":
        inner = _peek_gzip(head)
        if inner.startswith(b"WARC/"):
            yield from _read_warc(f, name, options, feed)
            return
        if name.lower().endswith((".jsonl.gz", ".ndjson.gz")) or inner.lstrip()[:1] == b"{":
            yield from _read_jsonl(_BoundedGzip(f, name, config.max_expanded_bytes), name, options)
            return
        limit = min(config.max_input_bytes, config.max_expanded_bytes)
        try:
            data = gunzip(f.read(config.max_expanded_bytes + 1), name, limit)
            kind = sniff(data[:8192], name.removesuffix(".gz").removesuffix(".GZ"))
        except InputError as exc:
            yield Skipped(name, _reason(exc, name))
            return
        if kind in ("gzip", "warc", "jsonl"):
            yield Skipped(name, f"a {kind} stream inside gzip is not read")
            return
        yield _single(data, name, kind, options, feed)
        return
    if kind == "warc":
        yield from _read_warc(f, name, options, feed)
        return
    if kind == "jsonl":
        yield from _read_jsonl(f, name, options)
        return
    limit = config.max_page_bytes if kind == "html" else config.max_input_bytes
    if size > limit:
        yield Skipped(name, f"{size:,} bytes is over the {limit:,}-byte limit")
        return
    yield _single(f.read(limit + 1), name, kind, options, feed)


def _single(data: bytes, name: str, kind: str, options: ReadOptions, feed: str) -> _Item:
    if kind == "html":
        if len(data) > options.config.max_page_bytes:
            return Skipped(name, f"page over the {options.config.max_page_bytes:,}-byte limit")
        return _Page(data, name, None, None, "html", feed, options.config)
    try:
        got = extract_text(data, name)
    except InputError as exc:
        return Skipped(name, _reason(exc, name))
    return replace(got, feed=feed)


def _reason(exc: InputError, name: str) -> str:
    """An error's message without the input's name in front (``Skipped`` carries it)."""
    text = str(exc)
    return text.removeprefix(f"{name}: ")


def _peek_gzip(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
    except zlib.error:
        return b""


class _BoundedGzip(io.RawIOBase):
    """A gzip stream read line by line that stops with an ``InputError`` past ``limit``
    expanded bytes (a gzip bomb) or at a truncated end."""

    def __init__(self, f: IO[bytes], name: str, limit: int) -> None:
        self.inner = gzip.GzipFile(fileobj=f, mode="rb")
        self.name_ = name
        self.limit = limit
        self.read_bytes = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        try:
            n = self.inner.readinto(buffer)
        except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
            raise InputError(f"{self.name_}: damaged or truncated gzip data ({exc})") from None
        self.read_bytes += n
        if self.read_bytes > self.limit:
            raise InputError(
                f"{self.name_}: expands past the {self.limit:,}-byte limit (a gzip bomb?)"
            )
        return n


def _read_jsonl(
    raw: IO[bytes] | _BoundedGzip, name: str, options: ReadOptions
) -> Iterator[Extracted | Skipped]:
    config = options.config
    stream = io.BufferedReader(raw) if isinstance(raw, _BoundedGzip) else raw
    lineno = 0
    try:
        while True:
            line = stream.readline(config.max_input_bytes + 1)
            if not line:
                return
            lineno += 1
            where = f"{name}:{lineno}"
            if len(line) > config.max_input_bytes and not line.endswith(b"\n"):
                yield Skipped(where, f"line over the {config.max_input_bytes:,}-byte limit")
                while line and not line.endswith(b"\n"):  # skip the rest of the line
                    line = stream.readline(1 << 20)
                continue
            if not line.strip():
                continue
            yield _jsonl_record(line, where, options, name)
    except InputError as exc:
        yield Skipped(name, f"{_reason(exc, name)} (after line {lineno})")


def _jsonl_record(line: bytes, where: str, options: ReadOptions, feed: str) -> Extracted | Skipped:
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return Skipped(where, f"not a JSON line ({exc.msg if hasattr(exc, 'msg') else exc})")
    except RecursionError:  # the reader's depth is bounded by Python's recursion limit
        return Skipped(where, f"JSON nested over {sys.getrecursionlimit():,} levels deep")
    if not isinstance(record, dict):
        return Skipped(where, "not a JSON object")
    url = _str_field(record, options.url_field)
    doc_id = _str_field(record, options.id_field) if options.id_field else None
    if options.id_field and doc_id is None:
        return Skipped(where, f"no id field {options.id_field!r}")
    html = _str_field(record, options.html_field) if options.html_field else None
    try:
        if html is not None:
            got = extract_html(
                html.encode("utf-8", "surrogatepass"),
                where,
                url=url,
                fmt="jsonl",
                config=options.config,
            )
        else:
            text = record.get(options.text_field)
            if not isinstance(text, str):
                return Skipped(where, f"no text field {options.text_field!r}")
            if not text.strip():
                return Skipped(where, f"empty {options.text_field!r} field")
            got = extract_text(text.encode("utf-8", "surrogatepass"), where, fmt="jsonl")
            title = _str_field(record, options.title_field)
            site = host(url)
            got = replace(
                got,
                origin=replace(got.origin, url=url, site=site, title=title or got.origin.title),
            )
    except InputError as exc:
        return Skipped(where, _reason(exc, where))
    claims = list(got.origin.dates)
    date = _str_field(record, options.date_field)
    if date:
        from .dates import parse_iso_prefix

        iso = parse_iso_prefix(date)
        if iso:
            claims.insert(
                0,
                DateClaim(
                    iso,
                    "field",
                    options.config.date_trust("field"),
                    f"the {options.date_field!r} field",
                ),
            )
    origin = replace(
        got.origin, sha256=sha256(line.rstrip(b"\r\n")), size=len(line), dates=tuple(claims)
    )
    used = {options.text_field, options.html_field}
    fields = {k: v for k, v in record.items() if k not in used}
    return replace(got, origin=origin, doc_id=doc_id, feed=feed, fields=fields)


def _str_field(record: dict[str, Any], field: str | None) -> str | None:
    if not field:
        return None
    value = record.get(field)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return value if isinstance(value, str) and value.strip() else None


def _read_warc(f: IO[bytes], name: str, options: ReadOptions, feed: str) -> Iterator[_Item]:
    """Every HTML response record of a WARC (gzip'd or not) as a page with its URL and crawl
    date; other records are skipped and counted by kind. A damaged or truncated record ends
    the file with a reason; the records before it are kept."""
    from fastwarc.warc import ArchiveIterator

    config = options.config
    count = 0
    gzipped = f.read(2) == b"\x1f\x8b"
    f.seek(0)
    last = 0
    cut = False  # the last record read was found cut off
    try:
        for record in ArchiveIterator(f, parse_http=True):
            count += 1
            last = record.stream_pos
            cut = False
            uri = record.headers.get("WARC-Target-URI") or None
            where = f"{name}#{uri or record.record_id}"
            kind = record.headers.get("WARC-Type") or "untyped"
            if record.headers.get("Content-Length") is None:
                cut = True
                yield Skipped(where, "truncated WARC record (its headers end early)")
                continue
            if kind != "response":
                yield Skipped(where, f"WARC {kind} record, not a response")
                continue
            if not record.is_http:
                yield Skipped(where, "WARC response without an HTTP message")
                continue
            status = record.http_headers.status_code
            if status != 200:
                yield Skipped(where, f"HTTP status {status}")
                continue
            ctype = (record.http_content_type or "").lower()
            if "html" not in ctype:
                yield Skipped(where, f"not HTML ({ctype or 'no content type'})")
                continue
            if record.content_length > config.max_page_bytes:
                yield Skipped(where, f"page over the {config.max_page_bytes:,}-byte limit")
                continue
            body = record.reader.read(record.content_length)
            if len(body) < record.content_length:
                cut = True
                yield Skipped(
                    where,
                    f"truncated WARC record ({len(body):,} of {record.content_length:,} bytes)",
                )
                continue
            crawl: tuple[DateClaim, ...] = ()
            if record.record_date is not None:
                crawled = record.record_date.date().isoformat()
                crawl = (
                    DateClaim(
                        crawled, "crawl", config.date_trust("crawl"), "WARC-Date", kind="not-after"
                    ),
                )
            yield _Page(body, where, uri, record.http_charset, "warc", feed, config, crawl, uri)
    except (OSError, ValueError, EOFError, zlib.error) as exc:
        yield Skipped(name, f"damaged or truncated WARC after {count} records ({exc})")
        return
    if gzipped and not cut and not _gzip_tail_complete(f, last):
        yield Skipped(name, f"truncated WARC: the file ends inside a record after {count} records")


def _gzip_tail_complete(f: IO[bytes], pos: int) -> bool:
    """Whether the gzip members from ``pos`` (the last record read) to the end of the file
    are whole. The WARC reader stops quietly where a record's compressed header is cut off;
    this finds that."""
    f.seek(pos)
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    while True:
        chunk = f.read(1 << 20)
        if not chunk:
            return d.eof
        while chunk:
            try:
                d.decompress(chunk, 1 << 20)
                while d.unconsumed_tail:
                    d.decompress(d.unconsumed_tail, 1 << 20)
            except zlib.error:
                return False
            if not d.eof:
                break
            chunk = d.unused_data.lstrip(b"\x00")
            if chunk:
                d = zlib.decompressobj(16 + zlib.MAX_WBITS)

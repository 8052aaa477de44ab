"""Real-world input to article text plus metadata: web pages, WARC crawls, JSONL feeds, text.

The main text and metadata of a web page come from trafilatura, and its declared publication
date from htmldate: well-kept extractors, measured on public benchmarks, which we do not
rewrite. What is ours, and why:
- a file's type is read from its bytes, not its name (a PDF named .html is a PDF), so every
  entry point refuses what it cannot read with a reason instead of extracting garbage;
- decoding follows the page's own declaration, then UTF-8, then detection (charset-normalizer);
  a page that declares an encoding Python does not know is refused, not guessed at;
- bounds: a gzip stream may expand only so far, a page may hold only so many tags, a record
  only so many bytes, so no input can take unbounded time or memory;
- every date is a claim with its source (``DateClaim``): the verdict weighs them and reports
  when they contradict each other.

Offsets in every result refer to the extracted text (``Extracted.text``); the original bytes
are identified by ``Origin.sha256``.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import logging
import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from .._types import DateClaim, Origin
from ..config import DEFAULT_CONFIG, Config
from ..errors import InputError
from .decode import BOMS, decode_counted

_MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF media file (WebP, WAV, AVI)"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3", "an SQLite database"),
)
_HTML_HEAD = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_NAMES = (".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]+)""", re.I)
_URL_DATE = re.compile(
    r"/((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)"
)


@dataclass(frozen=True, slots=True)
class Extracted:
    """One document read from an input: its text (what unspin matches) and its origin."""

    name: str  # where it came from, for people: a path, path#record, path:line
    text: str
    origin: Origin
    doc_id: str | None = None  # an id the input gives it (a JSONL id field, a record URL)
    feed: str = ""  # the input it came in (a WARC or JSONL file, a directory): its scope
    fields: Mapping[str, Any] = field(default_factory=dict)  # a JSONL record's other fields


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input, or a part of one, that gives no document, and why."""

    name: str
    reason: str


class Rejections:
    """What a batch command did not read, grouped by reason: a crawl can hold thousands of
    records skipped for one reason, and the summary shows one line for them. Only the first
    name and the count are kept per reason, so memory stays bounded however many there are."""

    def __init__(self) -> None:
        self.by_reason: dict[str, tuple[str, int]] = {}

    def add(self, name: str, reason: str) -> None:
        first, count = self.by_reason.get(reason, (name, 0))
        self.by_reason[reason] = (first, count + 1)

    @property
    def total(self) -> int:
        return sum(count for _, count in self.by_reason.values())

    def lines(self) -> list[str]:
        out = []
        for reason, (first, count) in sorted(self.by_reason.items()):
            if count == 1:
                out.append(f"{first}: {reason}")
            else:
                out.append(f"{reason} (x{count}, first {first})")
        return out


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sniff(data: bytes, name: str) -> str:
    """The real type of ``data``: ``gzip``, ``warc``, ``html``, ``jsonl`` or ``text``; a file
    type unspin cannot read is an ``InputError`` naming it, whatever the file is called."""
    if data.startswith(b"\x1f\x8b"):
        return "gzip"
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"{name}: {what}, not text or HTML")
    if data.startswith(b"WARC/"):
        return "warc"
    head = _head_text(data[:4096])
    lower = name.lower()
    if _HTML_HEAD.match(head) or (lower.endswith(_HTML_NAMES) and head.lstrip().startswith("<")):
        return "html"
    if lower.endswith((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")):
        return "jsonl"
    first = head.lstrip().split("\n", 1)[0]
    if first.startswith("{") and ("\n" in head.lstrip() or len(head) < 4096):
        try:
            if isinstance(json.loads(first), dict):  # JSON lines, whatever the file's name
                return "jsonl"
        except ValueError:
            pass
    return "text"


def _head_text(head: bytes) -> str:
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            return head[2:].decode(codec, "ignore")
    return head.removeprefix(codecs.BOM_UTF8).decode("latin-1")


def gunzip(data: bytes, name: str, limit: int) -> bytes:
    """Every member of a gzip stream, refused when it would expand past ``limit`` bytes (a
    gzip bomb) or ends early (a truncated download)."""
    out: list[bytes] = []
    size = 0
    rest = data
    while rest:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            chunk = d.decompress(rest, limit + 1 - size)
            while not d.eof and d.unconsumed_tail and size + len(chunk) <= limit:
                more = d.decompress(d.unconsumed_tail, limit + 1 - size - len(chunk))
                if not more:
                    break
                chunk += more
        except zlib.error as exc:
            raise InputError(f"{name}: damaged gzip data ({exc})") from None
        size += len(chunk)
        if size > limit:
            raise InputError(f"{name}: expands past the {limit:,}-byte limit (a gzip bomb?)")
        if not d.eof:
            raise InputError(f"{name}: truncated gzip data (the stream ends early)")
        out.append(chunk)
        rest = d.unused_data.lstrip(b"\x00")  # members may follow; zero padding may end it
    return b"".join(out)


# --- HTML --------------------------------------------------------------------------------


def decode_html(data: bytes, name: str, declared: str | None = None) -> tuple[str, str]:
    """The page's text and the encoding used: a BOM, else the charset the HTTP header or the
    page declares, else UTF-8, else what charset-normalizer detects."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: invalid {codec} at byte {exc.start}") from None
    if declared is None:
        m = _META_CHARSET.search(data[:8192])
        declared = m[1].decode("ascii", "replace") if m else None
    if declared:
        try:
            codec = codecs.lookup(declared).name
        except LookupError:
            try:
                return data.decode("utf-8"), "utf-8"
            except UnicodeDecodeError:
                raise InputError(
                    f"{name}: declares the encoding {declared!r}, which is not supported, "
                    "and is not UTF-8"
                ) from None
        # pages often declare latin-1 and hold cp1252 (as browsers assume): read it so
        if codec in ("latin-1", "iso8859-1", "ascii"):
            codec = "cp1252"
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            pass  # a wrong declaration: fall through to UTF-8 and detection
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:262144]).best()
    if best is None or best.encoding is None:
        raise InputError(f"{name}: cannot tell the page's encoding (none declared)")
    try:
        return data.decode(best.encoding), best.encoding
    except UnicodeDecodeError:
        raise InputError(f"{name}: cannot decode as detected {best.encoding}") from None


def host(url: str | None) -> str | None:
    """The host name of a URL; None for no URL or a malformed one."""
    try:
        return urlsplit(url).hostname if url else None
    except ValueError:
        return None


def url_date(url: str | None) -> str | None:
    """A full date in a URL's path (``/2021/11/08/``, ``/2021-11-08-``, ``/20211108/``)."""
    if not url:
        return None
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    m = _URL_DATE.search(path)
    if not m:
        return None
    from .dates import iso_date

    return iso_date(int(m[1]), int(m[2]), int(m[3]))


def extract_html(
    data: bytes,
    name: str,
    *,
    url: str | None = None,
    charset: str | None = None,
    fmt: str = "html",
    config: Config = DEFAULT_CONFIG,
) -> Extracted:
    """The main text of a web page and its metadata; ``InputError`` when the page cannot be
    read or holds no main text."""
    if data.count(b"<") > config.max_page_tags:
        raise InputError(
            f"{name}: over {config.max_page_tags:,} tags, not read (bounded time per page)"
        )
    html, encoding = decode_html(data, name, charset)
    if not html.strip():
        raise InputError(f"{name}: empty page")
    import trafilatura
    from trafilatura.settings import Document as TrafilaturaDocument

    tree = _parsed(html, name)
    lang = tree.get("lang") or tree.get("xml:lang")
    link = tree.find('.//link[@rel="canonical"]')
    canonical = link.get("href") if link is not None else None
    try:
        claims = _date_claims(tree, url, canonical, config)
        # last: trafilatura prunes the tree it is given (one parse of the page in all)
        doc = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except RecursionError:
        raise InputError(f"{name}: markup nested too deeply to read") from None
    except Exception as exc:
        # a hostile or broken page can make a third-party extractor fail in ways it does not
        # document; that page is skipped with the reason, and the batch goes on
        raise InputError(
            f"{name}: the extractor failed on this page ({type(exc).__name__})"
        ) from None
    if not isinstance(doc, TrafilaturaDocument) or not (doc.text or "").strip():
        raise InputError(f"{name}: no main text found in the page")
    assert doc.text is not None
    # one line per block in trafilatura's output: a blank line between blocks makes each a
    # paragraph for the text stage
    text = "\n\n".join(line.strip() for line in doc.text.splitlines() if line.strip())
    page_url = url or doc.url or canonical
    origin = Origin(
        format=fmt,
        sha256=sha256(data),
        size=len(data),
        url=page_url,
        canonical_url=doc.url or canonical,
        title=doc.title,
        author=doc.author,
        site=doc.sitename or doc.hostname or host(page_url),
        language=(lang or doc.language or None),
        encoding=encoding,
        dates=tuple(claims),
        removed_chars=max(0, len(html) - len(text)),
    )
    return Extracted(name, text, origin, doc_id=None)


def _parsed(html: str, name: str) -> Any:
    """The page's lxml tree, by trafilatura's parser; ``InputError`` when it cannot be had."""
    # trafilatura logs a warning for each page it finds no text in: that is a Skipped reason
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    from trafilatura.utils import load_html

    try:
        tree = load_html(html)
    except Exception as exc:  # as in extract_html: a page that breaks the parser is skipped
        raise InputError(f"{name}: not parseable as HTML ({type(exc).__name__})") from None
    if tree is None:
        raise InputError(f"{name}: not parseable as HTML")
    return tree


def _date_claims(
    tree: Any, url: str | None, canonical: str | None, config: Config
) -> list[DateClaim]:
    """What the page says of its date: its markup's own date, a date in its address or its
    canonical address, and only when neither, a date found anywhere in the page."""
    from htmldate import find_date

    def claim(source: str, detail: str, extensive: bool) -> DateClaim | None:
        # a placeholder URL keeps htmldate from reading a date from the page's address (that
        # is a claim of its own); htmldate copies the tree
        found = find_date(
            tree, extensive_search=extensive, original_date=True, url="https://undated.invalid/"
        )
        return DateClaim(found, source, config.date_trust(source), detail) if found else None

    meta = claim("html-meta", "declared in the page's markup", extensive=False)
    claims = [] if meta is None else [meta]
    for address in dict.fromkeys(u for u in (url, canonical) if u):
        from_url = url_date(address)
        if from_url:
            claims.append(DateClaim(from_url, "url", config.date_trust("url"), address))
    if not claims:
        anywhere = claim("page-text", "found in the page by htmldate", extensive=True)
        claims += [] if anywhere is None else [anywhere]
    return claims


# --- plain text --------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?:;,]['\"\u201d\u2019)]?$")


def text_title(text: str) -> str | None:
    """A leading title line of a plain text: the first line that is not a dateline, short (at
    most 20 words), not ending like a sentence, followed by a blank line."""
    from .boilerplate import is_dateline

    lines = text.lstrip("\ufeff").splitlines()
    i = 0
    while i < len(lines) and (not lines[i].strip() or is_dateline(lines[i].strip())):
        i += 1
    if i >= len(lines) - 1:
        return None
    line = lines[i].strip()
    if not line or len(line.split()) > 20 or _SENTENCE_END.search(line) or lines[i + 1].strip():
        return None
    return line


def extract_text(data: bytes, name: str, fmt: str = "text") -> Extracted:
    """A plain text, decoded as given (nothing is removed: the boilerplate rules of the text
    stage mark datelines and the like), with its title line as metadata."""
    text, nuls = decode_counted(data, name)
    origin = Origin(
        format=fmt,
        sha256=sha256(data),
        size=len(data),
        title=text_title(text),
        replaced_chars=nuls,
    )
    return Extracted(name, text, origin)

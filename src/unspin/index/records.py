"""What the index hands back (documents, candidates, add results, statistics) and how a
row's blobs are encoded: keys as sorted int64 arrays, texts as zlib'd UTF-8."""

from __future__ import annotations

import json
import sqlite3
import zlib
from array import array
from collections.abc import Iterable, Iterator, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

from ..config import Config
from ..errors import DAMAGED, BadRecordError
from .keys import IndexParams

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class AddResult:
    """What ``add`` did: ``added``, ``duplicate`` (same text already in, under ``doc_id``)."""

    status: str
    doc_id: str


@dataclass(frozen=True, slots=True)
class StoredDoc:
    doc_id: str
    name: str
    text: str
    sha256: str
    meta: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A document sharing anchor keys with the query, before verification."""

    doc_id: str
    score: float
    windows: int  # query windows that found it


@dataclass
class Stats:
    documents: int
    postings: int
    keys: int
    bytes_on_disk: int
    learned_lines: int = 0  # lines learned as boilerplate (recurring in one site or feed)
    aliases: int = 0  # ids kept for texts added again under them (``Index.aliases``)
    embedded_documents: int = 0  # documents whose units have vectors (``Index.embed``)
    embedded_units: int = 0
    model_id: str | None = None  # the model that made the vectors
    # memory the semantic round's exact lookup takes to hold them (``vectors.lookup_bytes``;
    # past ``Config.semantic_memory_mb`` the round is skipped)
    semantic_lookup_mib: float = 0.0
    params: dict[str, Any] = field(default_factory=dict)
    # what SQLite's quick check found wrong with the pages (empty when they are sound)
    damage: list[str] = field(default_factory=list)


def pack_keys(keys: Iterable[int]) -> bytes:
    return array("q", sorted(keys)).tobytes()


def unpack_keys(blob: bytes) -> list[int]:
    values = array("q")
    try:
        values.frombytes(blob)
    except (TypeError, ValueError) as exc:
        raise BadRecordError(f"stored keys are not an int64 array ({exc}); {DAMAGED}") from None
    return values.tolist()


def unpacked_text(packed: bytes) -> str:
    try:
        return zlib.decompress(packed).decode("utf-8", "surrogatepass")
    except (TypeError, zlib.error, UnicodeDecodeError) as exc:
        raise BadRecordError(f"a stored text is not zlib'd UTF-8 ({exc}); {DAMAGED}") from None


def packed_meta(meta: Mapping[str, Any]) -> str:
    """A document's meta as stored (``stored_meta`` reads it)."""
    return json.dumps(meta, ensure_ascii=False, sort_keys=True)


def stored_meta(meta: str) -> dict[str, Any]:
    """A document's stored meta: a JSON object."""
    try:
        value = json.loads(meta)
    except (TypeError, ValueError, RecursionError) as exc:
        raise BadRecordError(f"a stored meta is not JSON ({exc}); {DAMAGED}") from None
    if not isinstance(value, dict):
        raise BadRecordError(f"a stored meta is not a JSON object; {DAMAGED}")
    return value


def stored_doc(row: tuple[Any, ...]) -> StoredDoc:
    """A ``StoredDoc`` from the columns ext_id, name, text, sha256, meta."""
    ext_id, name, blob, sha, meta = row
    return StoredDoc(ext_id, name, unpacked_text(blob), sha, stored_meta(meta))


def chunks(items: list[T], size: int) -> Iterator[list[T]]:
    """``items`` in runs of ``size`` (SQLite limits the parameters of one statement)."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


class IndexView(Protocol):
    """What the index's helper modules (``vector_store``, ``upkeep``) use of an ``Index``:
    typed here so that they need not import ``store``, which imports them."""

    path: Path
    params: IndexParams
    config: Config

    @property
    def conn(self) -> sqlite3.Connection: ...

    def __len__(self) -> int: ...

    def segment_ids(self) -> list[int]: ...

    def embedded(self) -> tuple[int, int]: ...

    def write(self) -> AbstractContextManager[None]: ...

"""The index's semantic channel in SQL: embedding the stored documents' units (resumable,
one transaction per batch), the model they came from, and the exact lookup held in memory
(``vectors.VectorMatrix``), read again when any process changes the vectors."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import Config
from ..errors import StoreError, VectorBudgetError
from .records import IndexView, unpacked_text
from .schema import next_generation
from .vectors import VectorMatrix, lookup_bytes, pack, unit_texts

if TYPE_CHECKING:
    from ..embed import Embedder


def stored_model(conn: sqlite3.Connection) -> str | None:
    """The model that made the stored vectors; None before the first ``embed``."""
    row = conn.execute("SELECT value FROM meta WHERE name = 'model_id'").fetchone()
    return None if row is None or row[0] == "none" else str(row[0])


def check_model(conn: sqlite3.Connection, path: Path, model_id: str) -> None:
    """Refuse (``StoreError``) when the stored vectors were made by another model."""
    stored = stored_model(conn)
    if stored is not None and stored != model_id:
        raise StoreError(
            f"{path}: its vectors were made by another model ({stored}, this unspin "
            f"has {model_id}): embed them again with --redo"
        )


def lookup_need(conn: sqlite3.Connection) -> tuple[int, int, int]:
    """(units embedded, the vectors' width, bytes the exact lookup takes to hold them),
    counted in SQL (``check`` finds vectors of unequal widths)."""
    units, docs, width = conn.execute(
        "SELECT COALESCE(SUM(units), 0), COUNT(*), COALESCE(MAX(length(vecs) / "
        "(2 * units)), 0) FROM vectors WHERE units > 0"
    ).fetchone()
    return int(units), int(width), lookup_bytes(int(units), int(docs), int(width))


def embed_documents(
    index: IndexView,
    embedder: Embedder,
    *,
    batch: int,
    redo: bool,
    progress: Callable[[int, int], None] | None,
) -> tuple[int, int]:
    """``Index.embed``: (documents, units) embedded."""
    conn = index.conn
    if redo:
        with index.write():
            conn.execute("DELETE FROM vectors")
            conn.execute("UPDATE meta SET value = 'none' WHERE name = 'model_id'")
            next_generation(conn)
    check_model(conn, index.path, embedder.model_id)
    done_docs = done_units = 0
    last = 0
    while True:
        rows = conn.execute(
            "SELECT id, sha256, text FROM docs WHERE id > ? "
            "AND id NOT IN (SELECT doc FROM vectors) ORDER BY id LIMIT ?",
            (last, batch),
        ).fetchall()
        if not rows:
            break
        last = rows[-1][0]
        texts: list[str] = []
        owners: list[tuple[int, str, int]] = []
        for rowid, sha, packed in rows:
            units = unit_texts(unpacked_text(packed), index.config)
            owners.append((rowid, sha, len(units)))
            texts.extend(units)
        vectors = embedder.encode(texts) if texts else None
        with index.write():
            check_model(conn, index.path, embedder.model_id)
            conn.execute("UPDATE meta SET value = ? WHERE name = 'model_id'", (embedder.model_id,))
            at = 0
            for rowid, sha, n in owners:
                blob = b"" if vectors is None else pack(vectors[at : at + n])
                at += n
                # a document removed or replaced since it was read gets no vectors
                cur = conn.execute(
                    "INSERT OR IGNORE INTO vectors SELECT ?, ?, ? "
                    "WHERE EXISTS (SELECT 1 FROM docs WHERE id = ? AND sha256 = ?)",
                    (rowid, n, blob, rowid, sha),
                )
                if cur.rowcount > 0:
                    done_docs += 1
                    done_units += n
            next_generation(conn)
        if progress is not None:
            progress(len(rows), len(texts))
    return done_docs, done_units


class VectorCache:
    """The stored vectors in memory, shared by the threads of one ``Index``: read again when
    they have changed since (the generation in ``meta`` moves on with every change, by any
    process); a ``VectorBudgetError`` when they would take more memory than
    ``Config.semantic_memory_mb`` allows (counted before anything is read, once per
    generation)."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self._lock = threading.Lock()
        self._vectors: VectorMatrix | None = None
        # the generation whose vectors were found too many for memory, and why
        self._too_many: tuple[int, str] | None = None

    @property
    def loaded(self) -> bool:
        """Whether vectors are held in memory."""
        return self._vectors is not None

    def matrix(self, conn: sqlite3.Connection) -> VectorMatrix:
        with self._lock:
            return self._matrix_locked(conn)

    def _matrix_locked(self, conn: sqlite3.Connection) -> VectorMatrix:
        conn.execute("BEGIN")  # one snapshot: the generation and the rows it numbers
        try:
            gen = int(
                conn.execute("SELECT value FROM meta WHERE name = 'vectors_gen'").fetchone()[0]
            )
            if self._too_many is not None and self._too_many[0] == gen:
                raise VectorBudgetError(self._too_many[1])
            if self._vectors is None or self._vectors.generation != gen:
                self._vectors = None  # the old state's memory goes before the new is read
                units, dim, need = lookup_need(conn)
                budget = self.config.semantic_memory_mb * 2**20
                if need > budget:
                    why = (
                        f"semantic round skipped: the {units:,} embedded units of this index "
                        f"need {need / 2**20:,.0f} MiB for the exact lookup, over the "
                        f"{self.config.semantic_memory_mb:,} MiB allowed (semantic_memory_mb, "
                        "unspin index search --semantic-memory-mb)"
                    )
                    self._too_many = (gen, why)
                    raise VectorBudgetError(why)
                rows = conn.execute(
                    "SELECT doc, vecs FROM vectors WHERE units > 0 ORDER BY doc"
                ).fetchall()
                self._vectors = VectorMatrix(gen, dim, rows)
        finally:
            conn.execute("COMMIT")
        assert self._vectors is not None
        return self._vectors

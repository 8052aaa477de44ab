"""The on-disk index: one directory holding an SQLite database in WAL mode (its tables:
``schema.py``). ``Index`` adds, removes and reads documents and finds candidates for a
query; the semantic channel is in ``vector_store.py``, stats and check in ``upkeep.py``.

Every ``add`` / ``rm`` / ``update`` is one transaction: a crash leaves a document fully in or
not at all, and readers (WAL) search while a writer adds.
"""

from __future__ import annotations

import json
import math
import sqlite3
import threading
import time
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from ..config import DEFAULT_CONFIG, Config
from ..errors import BadRecordError, CorruptIndexError, InputError, StoreError
from ..text.boilerplate import line_hashes
from ..text.document import text_sha256
from .candidates import expand_postings, local_order, window_scores, window_values
from .entries import Keyed, densest_part, keyed_text, scope_of, unpack_spans
from .keys import IndexParams, text_keys
from .records import (
    AddResult,
    Candidate,
    Stats,
    StoredDoc,
    chunks,
    pack_keys,
    packed_meta,
    stored_doc,
    stored_meta,
    unpack_keys,
    unpacked_text,
)
from .schema import (
    DB_NAME,
    FORMAT_VERSION,
    SCHEMA,
    SEGMENT_DOCS,
    connect,
    count_documents,
    create_segment,
    database_error,
    df_table,
    next_generation,
    postings_table,
    upgradable,
    upgrade,
)
from .upkeep import check_index, index_stats
from .vector_store import VectorCache, check_model, embed_documents, stored_model
from .vectors import VectorMatrix
from .writes import PendingWrites

if TYPE_CHECKING:
    from ..embed import Embedder


# the configuration's settings that shape a document's keys (its units are cut by them):
# stored with the index, and an index is opened only with the same (``Index.open``); an
# index made before they were stored was made with the defaults
KEY_SETTINGS = ("max_unit_words",)


# the columns ``stored_doc`` reads, of the documents and of the aliases (the text theirs)
_DOC_ROWS = "SELECT ext_id, name, text, sha256, meta FROM docs"
_ALIAS_ROWS = (
    "SELECT a.ext_id, a.name, d.text, d.sha256, a.meta FROM aliases a JOIN docs d ON d.id = a.doc"
)


class Index:
    """An unspin index directory; use ``Index.create`` or ``Index.open``.

    One ``Index`` may be used from several threads: each thread reads and writes through its
    own SQLite connection (made on its first use, closed by ``close``), so readers go on
    while another thread's write transaction is open (WAL), and writers take turns. Several
    processes may open one index at once in the same way."""

    def __init__(self, path: Path, conn: sqlite3.Connection, params: IndexParams, config: Config):
        self.path = path
        self.params = params
        self.config = config
        self._local = threading.local()
        self._local.conn = conn
        self._conns = [conn]
        self._closed = False
        self._lock = threading.Lock()  # guards the list of connections
        self.vector_cache = VectorCache(config)  # the stored vectors, held for searches

    # --- opening ----------------------------------------------------------------------

    @classmethod
    def create(
        cls, path: str | Path, params: IndexParams | None = None, config: Config = DEFAULT_CONFIG
    ) -> Index:
        """Create an empty index at ``path`` (a new or empty directory)."""
        root = Path(path)
        if root.exists() and (not root.is_dir() or any(root.iterdir())):
            raise StoreError(f"{root}: exists and is not an empty directory")
        root.mkdir(parents=True, exist_ok=True)
        params = params or IndexParams()
        conn = connect(root / DB_NAME)
        with conn:
            conn.executescript(SCHEMA)
            create_segment(conn, 0)
            conn.executemany(
                "INSERT INTO meta VALUES (?, ?)",
                [
                    ("format_version", str(FORMAT_VERSION)),
                    ("params", json.dumps(params.as_dict(), sort_keys=True)),
                    ("key_settings", json.dumps(_key_settings(config), sort_keys=True)),
                    ("model_id", "none"),  # no embeddings stored yet
                    ("vectors_gen", "0"),
                    ("created", str(time.time())),
                    ("documents", "0"),
                ],
            )
        return cls(root, conn, params, config)

    @classmethod
    def open(
        cls, path: str | Path, params: IndexParams | None = None, config: Config = DEFAULT_CONFIG
    ) -> Index:
        """Open an index; refuse one of another format or built with other ``params``."""
        root = Path(path)
        db = root / DB_NAME
        if not root.is_dir():
            raise StoreError(f"{root}: no such index directory")
        if not db.is_file():
            raise StoreError(f"{root}: not an unspin index (no {DB_NAME}); create one first")
        conn = connect(db)
        try:
            rows = dict(conn.execute("SELECT name, value FROM meta").fetchall())
        except sqlite3.Error as exc:
            conn.close()
            raise database_error(exc, db) from None
        try:
            version = int(rows.get("format_version", "0"))
            stored = json.loads(rows.get("params", "{}"))
            settings = json.loads(rows.get("key_settings", "null")) or _key_settings(DEFAULT_CONFIG)
            if not isinstance(stored, dict) or not isinstance(settings, dict):
                raise ValueError("not JSON objects")
        except (TypeError, ValueError, RecursionError) as exc:
            conn.close()
            raise CorruptIndexError(
                f"{db}: its meta table is damaged (format or settings unreadable: {exc})"
            ) from None
        # an older format is upgraded only once its keys and settings are known to fit: one
        # that is refused is left as it was, for the unspin that built it
        if version != FORMAT_VERSION and not upgradable(version):
            conn.close()
            if version > FORMAT_VERSION:
                raise StoreError(
                    f"{root}: index format {version} is newer than this unspin's "
                    f"({FORMAT_VERSION}): use a newer unspin"
                )
            raise StoreError(
                f"{root}: index format {version} is older than this unspin's ({FORMAT_VERSION}): "
                "build it again (unspin index create, then add the documents)"
            )
        wanted = (params or IndexParams()).as_dict()
        if params is None and stored.get("keys_version") == wanted["keys_version"]:
            wanted = stored
        if stored != wanted:
            conn.close()
            raise StoreError(
                f"{root}: built with other settings ({json.dumps(stored, sort_keys=True)}); "
                "rebuild it or open it with those"
            )
        if settings != _key_settings(config):
            conn.close()
            theirs = ", ".join(f"{k}={v}" for k, v in sorted(settings.items()))
            raise StoreError(
                f"{root}: its keys were made with {theirs}; open it with the same settings "
                "or build another index"
            )
        upgrade(conn, version)
        fields = {k: v for k, v in stored.items() if k != "keys_version"}
        return cls(root, conn, IndexParams(**fields), config)

    @property
    def conn(self) -> sqlite3.Connection:
        """This thread's connection to the index database."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            with self._lock:
                if self._closed:
                    raise StoreError(f"{self.path}: the index is closed")
                conn = connect(self.path / DB_NAME)
                self._conns.append(conn)
            self._local.conn = conn
        return conn

    def close(self) -> None:
        """Close every thread's connection."""
        with self._lock:
            self._closed = True
            for conn in self._conns:
                conn.close()
            self._conns.clear()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing ----------------------------------------------------------------------

    def add(
        self,
        text: str,
        *,
        name: str = "",
        doc_id: str | None = None,
        meta: Mapping[str, Any] | None = None,
    ) -> AddResult:
        """Add one document (one transaction). The same text twice is one document; under
        another id, that id is kept as an alias of it (``aliases``, ``get``)."""
        return self.add_many([(text, name, doc_id, meta)])[0]

    def add_many(
        self,
        docs: Iterable[tuple[str, str, str | None, Mapping[str, Any] | None]],
        keyed: Sequence[Keyed] | None = None,
    ) -> list[AddResult]:
        """Add several documents in one transaction: all of them are in, or none.

        ``keyed``, when given, are the documents' entries already computed (``keyed_text``,
        e.g. by ``keyed_batches`` in worker processes), in the same order."""
        docs = list(docs)
        if keyed is not None and len(keyed) != len(docs):
            raise ValueError("one keyed entry per document")
        prepared = [
            self._prepared(text, name, doc_id, meta, None if keyed is None else keyed[i])
            for i, (text, name, doc_id, meta) in enumerate(docs)
        ]
        results = []
        with self.write():
            pending = PendingWrites(self._segment())
            for row in prepared:
                results.append(self._insert(*row, pending=pending))
            pending.flush(self.conn)
        return results

    def _segment(self) -> int:
        """The segment new documents go to (inside a write transaction): the last one, or a
        new one when it is full."""
        seg, docs = self.conn.execute("SELECT id, docs FROM segments ORDER BY id DESC").fetchone()
        if docs >= SEGMENT_DOCS:
            seg += 1
            create_segment(self.conn, seg)
        return int(seg)

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the database (after a bulk add: readers then find
        every page in one file)."""
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def segment_ids(self) -> list[int]:
        return [r[0] for r in self.conn.execute("SELECT id FROM segments ORDER BY id")]

    def _prepared(
        self,
        text: str,
        name: str,
        doc_id: str | None,
        meta: Mapping[str, Any] | None,
        keyed: Keyed | None = None,
    ) -> tuple[str, str, str, dict[str, Any], Keyed | str, str]:
        """The row to insert. When the text is already in, its entry is left for later (the
        text stands in for it), so re-adding a corpus costs a hash per document."""
        if not text.strip():
            raise InputError(f"{name or doc_id or 'document'}: empty text")
        if keyed is None:
            sha = text_sha256(text)
            known = self.conn.execute("SELECT 1 FROM docs WHERE sha256 = ?", (sha,)).fetchone()
            entry: Keyed | str = text if known else keyed_text(text, self.config, self.params)
        else:
            sha, entry = keyed.sha256, keyed
        return sha, doc_id or sha[:16], name, dict(meta or {}), entry, text

    def _insert(
        self,
        sha: str,
        doc_id: str,
        name: str,
        meta: dict[str, Any],
        entry: Keyed | str,
        text: str,
        *,
        pending: PendingWrites,
    ) -> AddResult:
        """Insert the document row now and queue its postings and key counts in ``pending``
        (written in key order when the batch ends, inside the same transaction)."""
        conn = self.conn
        same = conn.execute("SELECT id, ext_id FROM docs WHERE sha256 = ?", (sha,)).fetchone()
        if same is not None:
            if same[1] != doc_id:  # the text under another name: the name is kept
                conn.execute(
                    "INSERT OR IGNORE INTO aliases VALUES (?, ?, ?, ?, ?)",
                    (doc_id, same[0], name, packed_meta(meta), time.time()),
                )
            return AddResult("duplicate", same[1])
        if conn.execute(
            "SELECT 1 FROM docs WHERE ext_id = ? UNION ALL SELECT 1 FROM aliases WHERE ext_id = ?",
            (doc_id, doc_id),
        ).fetchone():
            raise InputError(f"{doc_id}: id already in the index with other text (use update)")
        if isinstance(entry, str):  # the copy seen when preparing was removed since
            entry = keyed_text(entry, self.config, self.params)
        cur = conn.execute(
            "INSERT INTO docs (ext_id, sha256, name, text, meta, keys, windows, seg, added) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc_id,
                sha,
                name,
                entry.packed_text,
                packed_meta(meta),
                pack_keys(entry.keys),
                entry.windows,
                pending.seg,
                time.time(),
            ),
        )
        assert cur.lastrowid is not None
        pending.add(cur.lastrowid, entry)
        if entry.spans:
            conn.execute("INSERT INTO window_spans VALUES (?, ?)", (cur.lastrowid, entry.spans))
        scope = scope_of(meta)
        if scope:
            pending.add_lines(scope, line_hashes(text), 1)
        count_documents(conn, 1)
        return AddResult("added", doc_id)

    def rm(self, doc_id: str) -> bool:
        """Remove a document from every table; False when it was not there."""
        with self.write():
            return self._delete(doc_id)

    def _delete(self, doc_id: str) -> bool:
        """Remove ``doc_id``; a text that other ids hold too (``aliases``) stays, under the
        first of them."""
        conn = self.conn
        if conn.execute("DELETE FROM aliases WHERE ext_id = ?", (doc_id,)).rowcount:
            return True
        row = conn.execute(
            "SELECT id, keys, seg, meta, text, sha256 FROM docs WHERE ext_id = ?", (doc_id,)
        ).fetchone()
        if row is None:
            return False
        rowid, blob, seg, meta, packed, sha = row
        self._drop(rowid, blob, seg, meta, packed)
        heir = conn.execute(
            "SELECT ext_id, name, meta FROM aliases WHERE doc = ? ORDER BY added, ext_id LIMIT 1",
            (rowid,),
        ).fetchone()
        if heir is not None:
            conn.execute("DELETE FROM aliases WHERE ext_id = ?", (heir[0],))
            text = unpacked_text(packed)
            pending = PendingWrites(self._segment())
            self._insert(sha, heir[0], heir[1], stored_meta(heir[2]), text, text, pending=pending)
            pending.flush(conn)
            conn.execute(
                "UPDATE aliases SET doc = (SELECT id FROM docs WHERE ext_id = ?) WHERE doc = ?",
                (heir[0], rowid),
            )
        return True

    def _drop(self, rowid: int, blob: bytes, seg: int, meta: str, packed: bytes) -> None:
        """Delete a document's row and everything derived from it."""
        conn = self.conn
        scope = scope_of(stored_meta(meta))
        if scope:
            lines = PendingWrites(seg)
            lines.add_lines(scope, line_hashes(unpacked_text(packed)), -1)
            lines.flush_lines(conn)
        keys = unpack_keys(blob)
        conn.executemany(
            f"DELETE FROM {postings_table(seg)} WHERE key = ? AND doc = ?",
            ((k, rowid) for k in keys),
        )
        conn.execute("UPDATE segments SET docs = docs - 1 WHERE id = ?", (seg,))
        table = df_table(seg)
        conn.executemany(f"UPDATE {table} SET df = df - 1 WHERE key = ?", ((k,) for k in keys))
        conn.executemany(f"DELETE FROM {table} WHERE key = ? AND df <= 0", ((k,) for k in keys))
        conn.execute("DELETE FROM docs WHERE id = ?", (rowid,))
        conn.execute("DELETE FROM window_spans WHERE doc = ?", (rowid,))
        if conn.execute("DELETE FROM vectors WHERE doc = ?", (rowid,)).rowcount:
            next_generation(conn)
        count_documents(conn, -1)

    def update(
        self, doc_id: str, text: str, *, name: str = "", meta: Mapping[str, Any] | None = None
    ) -> AddResult:
        """Replace document ``doc_id`` (or add it) in one transaction."""
        row = self._prepared(text, name, doc_id, meta)
        with self.write():
            same = self.conn.execute(
                "SELECT ext_id FROM docs WHERE sha256 = ?", (row[0],)
            ).fetchone()
            if same is not None and same[0] != doc_id:
                raise InputError(f"{doc_id}: this text is already in the index as {same[0]}")
            self._delete(doc_id)
            pending = PendingWrites(self._segment())
            result = self._insert(*row, pending=pending)
            pending.flush(self.conn)
            return result

    class _Tx:
        def __init__(self, conn: sqlite3.Connection) -> None:
            self.conn = conn

        def __enter__(self) -> None:
            self.conn.execute("BEGIN IMMEDIATE")

        def __exit__(self, kind: object, exc: object, tb: object) -> None:
            if kind is None:
                self.conn.execute("COMMIT")
            else:
                self.conn.execute("ROLLBACK")

    def write(self) -> Index._Tx:
        """One write transaction of this thread's connection (``BEGIN IMMEDIATE``: writers
        take turns), committed at the end of the block, rolled back on an error."""
        return Index._Tx(self.conn)

    # --- reading ----------------------------------------------------------------------

    def __len__(self) -> int:
        # kept in meta by every add and rm: COUNT(*) walks the whole table
        return int(
            self.conn.execute("SELECT value FROM meta WHERE name = 'documents'").fetchone()[0]
        )

    def __contains__(self, doc_id: object) -> bool:
        return bool(
            self.conn.execute(
                "SELECT 1 FROM docs WHERE ext_id = ? UNION ALL "
                "SELECT 1 FROM aliases WHERE ext_id = ?",
                (doc_id, doc_id),
            ).fetchone()
        )

    def ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT ext_id FROM docs ORDER BY id")]

    def get(self, doc_id: str) -> StoredDoc:
        """A document by id: one added with its text, or an alias (its text added before
        under another id), with its own name and metadata."""
        row = self.conn.execute(
            f"{_DOC_ROWS} WHERE ext_id = ? UNION ALL {_ALIAS_ROWS} WHERE a.ext_id = ?",
            (doc_id, doc_id),
        ).fetchone()
        if row is None:
            raise InputError(f"{doc_id}: no such document in the index")
        return stored_doc(row)

    def found_part(self, doc_id: str, keys: Iterable[int], limit: int) -> tuple[int, int] | None:
        """The span of at most ``limit`` characters of a long document (one with window
        spans: longer than ``Config.max_aligned_chars`` when added) where most of ``keys``
        (a query's) are, for a search to examine there rather than from its start; None for
        a document examined whole, or where none of them is."""
        row = self.conn.execute(
            "SELECT d.id, d.seg, w.spans FROM docs d JOIN window_spans w ON w.doc = d.id "
            "WHERE d.ext_id = ?",
            (doc_id,),
        ).fetchone()
        if row is None:
            return None
        rowid, seg, blob = row
        try:
            spans = unpack_spans(blob)
        except (zlib.error, ValueError) as exc:
            raise BadRecordError(f"{doc_id}: its window spans are damaged ({exc})") from None
        rows: list[tuple[int, int, int, int]] = []
        for chunk in chunks(sorted(set(keys)), 500):
            marks = ",".join("?" * len(chunk))
            rows.extend(
                self.conn.execute(
                    f"SELECT key, doc, block, mask FROM {postings_table(seg)} "
                    f"WHERE doc = ? AND key IN ({marks})",
                    (rowid, *chunk),
                )
            )
        hit = expand_postings(rows)[:, 2]
        counts = np.bincount(hit[hit < len(spans)], minlength=len(spans))
        # a window counts as a candidate's does: with at least candidate_min_shared of the
        # keys, weighed to candidate_power, so that a passage holding several of them
        # outweighs a long stretch where one turns up here and there
        config = self.config
        values = np.where(counts >= config.candidate_min_shared, counts, 0).astype(np.float64)
        return densest_part(spans, (values**config.candidate_power).tolist(), limit)

    def export(self) -> Iterator[StoredDoc]:
        """Every document, in the order added, then the aliases (``aliases``)."""
        for query in (f"{_DOC_ROWS} ORDER BY id", f"{_ALIAS_ROWS} ORDER BY a.added, a.ext_id"):
            for row in self.conn.execute(query):
                yield stored_doc(row)

    def aliases(self) -> list[tuple[str, str, str, dict[str, Any]]]:
        """(alias id, the id holding its text, its name, its metadata), in the order added."""
        rows = self.conn.execute(
            "SELECT a.ext_id, d.ext_id, a.name, a.meta FROM aliases a "
            "JOIN docs d ON d.id = a.doc ORDER BY a.added, a.ext_id"
        )
        return [(a, d, name, stored_meta(meta)) for a, d, name, meta in rows]

    def candidates(self, text: str, limit: int = 20, name: str = "query") -> list[Candidate]:
        """Documents sharing passages' anchor keys with ``text``, best first.

        For each query window, a document's best window's shared key weight (log inverse
        document frequency), to the power ``Config.candidate_power``, when at least
        ``candidate_min_shared`` keys are shared; a document's score is the sum of its
        ``candidate_top_windows`` best. Keys held by more than
        ``Config.common_key_share`` of the index are not looked up.
        """
        windows = text_keys(text, name, self.config, self.params)
        return self.candidates_for(windows, limit)

    def candidates_for(
        self,
        windows: list[set[int]],
        limit: int = 20,
        *,
        local: float = 0.0,
        exclude: Iterable[str] = (),
    ) -> list[Candidate]:
        """``candidates`` from the query's windows of keys, leaving out ``exclude``
        (documents already verified). With ``local`` > 0, that share of the ``limit`` is
        filled first with the documents that explain one window best (then second best,
        and so on: ``local_order``), the rest by the usual score: a text stitched from many
        sources has minor sources that no score over the whole query ranks high, but each
        is the best match of its own passage."""
        if not windows:
            return []
        conn = self.conn
        n_docs = max(1, len(self))
        config = self.config
        common = max(config.common_key_min_docs, config.common_key_share * n_docs)
        all_keys = sorted(set().union(*windows))
        segments = self.segment_ids()
        total: dict[int, int] = defaultdict(int)
        for seg in segments:
            for chunk in chunks(all_keys, 500):
                marks = ",".join("?" * len(chunk))
                for key, df in conn.execute(
                    f"SELECT key, df FROM {df_table(seg)} WHERE key IN ({marks})", chunk
                ):
                    total[key] += df
        budget = config.postings_per_key * len(all_keys)
        weights: dict[int, float] = {}
        for df, key in sorted((df, key) for key, df in total.items()):
            budget -= df
            if df > common or budget < 0:
                break
            weights[key] = math.log(1 + n_docs / df)
        rows: list[tuple[int, int, int, int]] = []
        wanted = sorted(weights)
        for seg in segments:
            table = postings_table(seg)
            for chunk in chunks(wanted, 500):
                marks = ",".join("?" * len(chunk))
                rows.extend(
                    conn.execute(
                        f"SELECT key, doc, block, mask FROM {table} WHERE key IN ({marks})", chunk
                    )
                )
        values = window_values(windows, weights, expand_postings(rows), config)
        skip = self._rowids(exclude)
        score, found = window_scores(*values, config)
        ranked = [d for d in sorted(score, key=lambda d: (-score[d], d)) if d not in skip]
        top = ranked[:limit]
        if local > 0:
            near, _ = local_order(*values, skip)
            picked = list(near)[: math.ceil(local * limit)]
            top = list(dict.fromkeys(picked + ranked + list(near)))[:limit]
            score = {**score, **{d: near[d] for d in picked}}
        return self._named(top, score, found)

    # --- vectors: the semantic channel (vectors.py) --------------------------------

    def model_id(self) -> str | None:
        """The model that made the stored vectors; None before the first ``embed``."""
        return stored_model(self.conn)

    def has_vectors(self) -> bool:
        """Whether any document has vectors (the semantic channel is open)."""
        return (
            self.conn.execute("SELECT 1 FROM vectors WHERE units > 0 LIMIT 1").fetchone()
            is not None
        )

    def embedded(self) -> tuple[int, int]:
        """(documents with vectors, units embedded)."""
        docs, units = self.conn.execute(
            "SELECT COUNT(*), COALESCE(SUM(units), 0) FROM vectors"
        ).fetchone()
        return int(docs), int(units)

    def embed(
        self,
        embedder: Embedder,
        *,
        batch: int = 64,
        redo: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> tuple[int, int]:
        """Embed the units of every document without vectors, ``batch`` documents per
        transaction, and return (documents, units) embedded. Resumable: a pass killed
        midway keeps the batches it committed, and the next pass does the rest; readers
        search meanwhile. The vectors of one index come from one model: ``redo`` drops
        every stored vector first (to embed with another); without it, another model's
        vectors are refused. A document removed or replaced while its batch is embedded
        gets no vectors (the text embedded must still be the document's).
        ``progress(documents, units)`` is called after each batch."""
        return embed_documents(self, embedder, batch=batch, redo=redo, progress=progress)

    def check_model(self, model_id: str) -> None:
        """Refuse (``StoreError``) when the stored vectors were made by another model."""
        check_model(self.conn, self.path, model_id)

    def semantic_candidates(
        self,
        queries: NDArray[np.float32],
        limit: int,
        *,
        threshold: float | None = None,
        exclude: Iterable[str] = (),
    ) -> list[Candidate]:
        """Documents holding a unit (or two adjacent units) close in meaning to one of the
        ``queries`` vectors (a query's units and adjacent pairs, ``vectors.with_pairs``):
        half of ``limit`` the closest matches of single query vectors (a minor source is
        the nearest of its own passage), the rest by best cosine; ``exclude``: documents
        already verified; ``threshold``: the least cosine (default ``Config.semantic_cosine``).
        Empty when no document has vectors."""
        threshold = self.config.semantic_cosine if threshold is None else threshold
        matrix = self.load_vectors()
        if not len(matrix) or not len(queries):
            return []
        best, local, found = matrix.nearest(queries, threshold, self._rowids(exclude))
        near = sorted(local, key=lambda d: (-local[d], d))
        picked = near[: math.ceil(limit / 2)]
        ranked = sorted(best, key=lambda d: (-best[d], d))
        top = list(dict.fromkeys(picked + ranked))[:limit]
        return self._named(top, best, found)

    def load_vectors(self) -> VectorMatrix:
        """The semantic lookup (``semantic_candidates``), made ready: the stored vectors read
        into memory, or kept from the last call when they have not changed. Raises
        ``VectorBudgetError`` when they need more than ``Config.semantic_memory_mb``."""
        return self.vector_cache.matrix(self.conn)

    def _named(
        self, top: list[int], score: Mapping[int, float], found: Mapping[int, int]
    ) -> list[Candidate]:
        """The candidates ``top`` (row ids, best first) under their external ids, with
        their scores and the query windows (or vectors) that found them."""
        if not top:
            return []
        marks = ",".join("?" * len(top))
        names = dict(self.conn.execute(f"SELECT id, ext_id FROM docs WHERE id IN ({marks})", top))
        return [Candidate(names[d], round(score[d], 4), found[d]) for d in top if d in names]

    def _rowids(self, doc_ids: Iterable[str]) -> set[int]:
        found: set[int] = set()
        for chunk in chunks(sorted(set(doc_ids)), 500):
            marks = ",".join("?" * len(chunk))
            query = f"SELECT id FROM docs WHERE ext_id IN ({marks})"
            found.update(r[0] for r in self.conn.execute(query, chunk))
        return found

    def recurring(self, hashes: Sequence[int]) -> frozenset[int]:
        """Which of these line hashes are learned boilerplate: in at least
        ``Config.learned_boilerplate_docs`` documents of one site or feed."""
        found: set[int] = set()
        need = self.config.learned_boilerplate_docs
        for chunk in chunks(sorted(set(hashes)), 500):
            marks = ",".join("?" * len(chunk))
            found.update(
                r[0]
                for r in self.conn.execute(
                    f"SELECT DISTINCT hash FROM lines WHERE hash IN ({marks}) AND docs >= ?",
                    (*chunk, need),
                )
            )
        return frozenset(found)

    def stats(self) -> Stats:
        return index_stats(self)

    def check(self) -> list[str]:
        """Problems found (empty when the index is consistent): SQLite's own integrity
        check, then every document's postings and key counts against its stored keys, and
        its text against its sha256. One pass over each table."""
        return check_index(self)


def _key_settings(config: Config) -> dict[str, Any]:
    return {name: getattr(config, name) for name in KEY_SETTINGS}

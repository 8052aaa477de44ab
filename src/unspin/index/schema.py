"""The index database: its tables, its format, opening a connection, and upgrading an older
format in place. ``store.Index`` reads and writes through these.

- ``meta``: format version, keying parameters, model identity (checked on open);
- ``docs``: one row per document (external id, sha256 of the text, name, zlib'd text, JSON
  metadata, its keys as a blob so a removal deletes exactly its postings);
- ``postings_N``: (key, doc, block, mask), clustered by key (``WITHOUT ROWID``), so a query
  key's postings are one range read and memory stays bounded as the index grows; ``mask``
  holds the windows ``64 * block + bit`` of ``doc`` that have the key (a unit's keys are in
  two windows, so this halves the rows written and read);
- ``segments``: the postings tables, each of up to ``SEGMENT_DOCS`` documents. Postings are
  inserted in key order, which in one huge B-tree still dirties a page per row (the keys are
  hashes); a segment stays small enough that its pages stay in the cache, so adding is as
  fast at a million documents as at a hundred thousand, and a query reads a few more ranges;
- ``key_df_N``: documents per key in segment N; a key's weight in candidate scoring is from
  the sum over segments (one table per segment for the same reason as the postings: one
  table of all keys, tens of millions of hashes, takes a random page write per key);
- ``vectors``: the sentence model's embedding of each unit of a document (``vectors.py``),
  added by a pass of their own (``embed``) and removed with the document; ``meta`` holds the
  model's identity and a generation number that every change of this table moves on;
- ``lines``: boilerplate learned from the corpus: for each line (``text.boilerplate.line_hash``)
  and scope (a document's site, else the feed it came in), the documents holding it. A line
  in ``Config.learned_boilerplate_docs`` documents of one scope is page furniture (a footer,
  a disclaimer, a share bar): searches leave it out of matching, in the query and in the
  candidates. Only documents with a scope (``meta["site"]`` or ``meta["feed"]``) are
  counted; the counts change with every add and rm, so what is learned is always current.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..errors import (
    DAMAGED,
    BadRecordError,
    CorruptIndexError,
    DiskFullError,
    LockTimeoutError,
    StorageIOError,
    StoreError,
    UnspinError,
)

# How long a connection waits for another writer's lock. SQLite's busy handler retries
# within it, sleeping 1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, then 100 ms between tries.
LOCK_WAIT_S = 30.0
# SQLite's primary result codes (an extended code's low byte)
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 10, 11, 13, 14, 26

# 6: sentences may start lowercase after a wide gap; copyright notices and disclaimers
# are cut tighter (the text stage decides the keys, so an index of format 5 would hold keys
# its queries no longer make)
# 7: the vectors table (an index of format 6 is upgraded in place when opened: the table is
# added, nothing else changes)
FORMAT_VERSION = 9


DB_NAME = "index.sqlite"
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs (
    id INTEGER PRIMARY KEY,
    ext_id TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    text BLOB NOT NULL,
    meta TEXT NOT NULL,
    keys BLOB NOT NULL,
    windows INTEGER NOT NULL,
    seg INTEGER NOT NULL,
    added REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS segments (id INTEGER PRIMARY KEY, docs INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS lines (
    hash INTEGER NOT NULL,
    scope TEXT NOT NULL,
    docs INTEGER NOT NULL,
    PRIMARY KEY (hash, scope)
) WITHOUT ROWID;
"""
VECTORS_TABLE = """
CREATE TABLE IF NOT EXISTS vectors (
    doc INTEGER PRIMARY KEY,
    units INTEGER NOT NULL,
    vecs BLOB NOT NULL
)"""
SCHEMA += VECTORS_TABLE + ";\n"
# the span of each window of a document longer than Config.max_aligned_chars (pack_spans)
WINDOW_SPANS_TABLE = (
    "CREATE TABLE IF NOT EXISTS window_spans (doc INTEGER PRIMARY KEY, spans BLOB NOT NULL)"
)
SCHEMA += WINDOW_SPANS_TABLE + ";\n"
# documents added under another id with a text already in (``doc``: that text's row): each
# name a user gave is kept, and a scan sees every copy
ALIASES_TABLE = (
    "CREATE TABLE IF NOT EXISTS aliases (ext_id TEXT PRIMARY KEY, doc INTEGER NOT NULL, "
    "name TEXT NOT NULL, meta TEXT NOT NULL, added REAL NOT NULL)"
)
ALIASES_INDEX = "CREATE INDEX IF NOT EXISTS aliases_doc ON aliases (doc)"
SCHEMA += ALIASES_TABLE + ";\n" + ALIASES_INDEX + ";\n"
# documents per postings segment (see the module's docstring)
SEGMENT_DOCS = 100_000


def postings_table(seg: int) -> str:
    return f"postings_{int(seg)}"


def df_table(seg: int) -> str:
    return f"key_df_{int(seg)}"


def create_segment(conn: sqlite3.Connection, seg: int) -> None:
    conn.execute(
        f"CREATE TABLE {postings_table(seg)} (key INTEGER NOT NULL, doc INTEGER NOT NULL, "
        "block INTEGER NOT NULL, mask INTEGER NOT NULL, PRIMARY KEY (key, doc, block)) "
        "WITHOUT ROWID"
    )
    conn.execute(f"CREATE TABLE {df_table(seg)} (key INTEGER PRIMARY KEY, df INTEGER NOT NULL)")
    conn.execute("INSERT INTO segments VALUES (?, 0)", (seg,))


def next_generation(conn: sqlite3.Connection) -> None:
    """Mark the stored vectors changed (in the writer's transaction): searchers read them
    again."""
    conn.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE name = 'vectors_gen'")


# the changes from each older format still read to the next: 6 lacked the vectors table, 7
# the window spans (a long document in a format 7 index is examined from its start), 8 the
# aliases (its duplicates were counted, and their names not kept)
_UPGRADES: dict[int, tuple[str, ...]] = {
    6: (VECTORS_TABLE, "INSERT OR IGNORE INTO meta VALUES ('vectors_gen', '0')"),
    7: (WINDOW_SPANS_TABLE,),
    8: (ALIASES_TABLE, ALIASES_INDEX),
}


def upgradable(version: int) -> bool:
    """Whether an index of format ``version`` is brought to this one's when opened."""
    return version in _UPGRADES


def upgrade(conn: sqlite3.Connection, version: int) -> int:
    """Bring an index of an older format (``_UPGRADES``) to this one's, one transaction per
    step, nothing else changing. Returns the format it is then in."""
    while version in _UPGRADES:
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                for statement in _UPGRADES[version]:
                    conn.execute(statement)
                conn.execute(
                    "UPDATE meta SET value = ? WHERE name = 'format_version'", (str(version + 1),)
                )
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise StoreError(
                f"could not upgrade the index to format {version + 1} ({exc})"
            ) from None
        version += 1
    return version


def count_documents(conn: sqlite3.Connection, change: int) -> None:
    conn.execute(
        "UPDATE meta SET value = CAST(value AS INTEGER) + ? WHERE name = 'documents'", (change,)
    )


def connect(db: Path) -> sqlite3.Connection:
    """A connection in WAL mode with manual transactions (``isolation_level=None``)."""
    try:
        # one connection per thread (``Index.conn``); ``close`` closes them all from the
        # thread that closes the index, hence no same-thread check
        conn = sqlite3.connect(
            db, isolation_level=None, timeout=LOCK_WAIT_S, check_same_thread=False
        )
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        # a bounded page cache (512 MiB, a cap: it fills only as pages are used) and reads
        # through a memory map: writes and lookups stay in memory as the index grows, and RSS
        # stays bounded. The write-ahead log is folded into the database every 50,000 pages
        # (200 MiB) rather than 1,000: a page rewritten by many bulk transactions is then
        # copied once, not once per transaction (docs/index.md has the measurements)
        conn.execute("PRAGMA cache_size=-524288")
        conn.execute("PRAGMA mmap_size=1073741824")
        conn.execute("PRAGMA wal_autocheckpoint=50000")
    except sqlite3.Error as exc:
        raise database_error(exc, db) from None
    return conn


def database_error(exc: sqlite3.Error, db: Path | str = "index database") -> UnspinError:
    """The error to show for an SQLite error on ``db``: damage, a lock held too long, a
    full disk, an I/O error or a stored value that is not text, each its own class (and so its
    own exit code)."""
    code = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
    text = str(exc)
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED) or "database is locked" in text:
        return LockTimeoutError(
            f"{db}: another process has held the index's lock for over {LOCK_WAIT_S:.0f} s "
            "(an add or an embed?); try again when it is done"
        )
    if code == _SQLITE_FULL or "disk is full" in text:
        return DiskFullError(
            f"{db}: no space left (a full disk, a quota or a file size limit); the write "
            "was rolled back, and the index is as it was before it"
        )
    if code == _SQLITE_IOERR or "disk I/O error" in text:
        return StorageIOError(
            f"{db}: I/O error ({text}; a file size limit or a failing disk can cause it); "
            "what was being written was rolled back"
        )
    if "Could not decode" in text:
        return BadRecordError(f"{db}: a stored value is not UTF-8 text; {DAMAGED}")
    if code in (_SQLITE_PERM, _SQLITE_READONLY, _SQLITE_CANTOPEN):
        return StoreError(f"{db}: cannot open or write the index database ({text})")
    if (
        code in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
        or type(exc) is sqlite3.DatabaseError
        or "no such table" in text  # cut short to nothing, or another program's database
    ):
        return CorruptIndexError(
            f"{db}: damaged or not an unspin index ({text}); rebuild it from its sources "
            "or restore a backup (unspin index check lists what it can)"
        )
    return StoreError(f"{db}: not a readable index database ({text})")

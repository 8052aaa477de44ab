"""An index's statistics and its consistency check (``unspin index stats`` / ``check``)."""

from __future__ import annotations

import sqlite3
from collections import defaultdict

from ..errors import BadRecordError, CorruptIndexError
from ..text.boilerplate import line_hashes
from ..text.document import text_sha256
from .entries import scope_of
from .records import IndexView, Stats, stored_meta, unpack_keys, unpacked_text
from .schema import DB_NAME, database_error, df_table, postings_table
from .vector_store import lookup_need, stored_model


def index_stats(index: IndexView) -> Stats:
    """``Index.stats``."""
    conn = index.conn
    segments = index.segment_ids()
    size = sum(p.stat().st_size for p in index.path.iterdir() if p.is_file())
    embedded_docs, embedded_units = index.embedded()
    # every page read once (the counts below scan the postings anyway): a damaged page is
    # found here, not left to the search that next reads it
    damage = [r[0] for r in conn.execute("PRAGMA quick_check(20)") if r[0] != "ok"]
    return Stats(
        damage=damage,
        embedded_documents=embedded_docs,
        embedded_units=embedded_units,
        model_id=stored_model(conn),
        semantic_lookup_mib=round(lookup_need(conn)[2] / 2**20, 1),
        documents=len(index),
        aliases=int(conn.execute("SELECT COUNT(*) FROM aliases").fetchone()[0]),
        postings=sum(
            int(conn.execute(f"SELECT COUNT(*) FROM {postings_table(seg)}").fetchone()[0])
            for seg in segments
        ),
        keys=int(
            conn.execute(
                "SELECT COUNT(*) FROM ("
                + " UNION ".join(f"SELECT key FROM {df_table(s)}" for s in segments)
                + ")"
            ).fetchone()[0]
        ),
        bytes_on_disk=size,
        params=index.params.as_dict(),
        learned_lines=int(
            conn.execute(
                "SELECT COUNT(DISTINCT hash) FROM lines WHERE docs >= ?",
                (index.config.learned_boilerplate_docs,),
            ).fetchone()[0]
        ),
    )


def check_index(index: IndexView) -> list[str]:
    """``Index.check``: SQLite's integrity check, then the documents against the tables
    derived from them. Damage is a problem on the list, never an exception: a part that
    cannot be read is reported, and the next part is checked."""
    problems: list[str] = []
    for part, check in (
        ("SQLite integrity", _check_sqlite),
        ("documents", _check_documents),
        ("vectors", _check_vectors),
    ):
        try:
            problems += check(index)
        except sqlite3.Error as exc:
            error = database_error(exc, index.path / DB_NAME)
            if not isinstance(error, CorruptIndexError | BadRecordError):
                raise error from None  # a lock or a disk, not damage
            problems.append(f"{part}: {error}")
    return problems


def _check_sqlite(index: IndexView) -> list[str]:
    conn = index.conn
    problems = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
    counted = int(conn.execute("SELECT COUNT(*) FROM docs").fetchone()[0])
    if counted != len(index):
        problems.append(f"document count {len(index)} recorded, {counted} in the index")
    stray = int(
        conn.execute(
            "SELECT COUNT(*) FROM aliases WHERE doc NOT IN (SELECT id FROM docs)"
        ).fetchone()[0]
    )
    if stray:
        problems.append(f"{stray} alias(es) of documents not in the index")
    return problems


def _check_documents(index: IndexView) -> list[str]:
    """Every document's postings, key counts and learned lines against its stored keys and
    text, and its text against its sha256: one pass over each table."""
    conn = index.conn
    problems = []
    segments = index.segment_ids()
    # each document's distinct keys in the postings, from one scan of the table
    posted: dict[tuple[int, int], set[int]] = defaultdict(set)
    for seg in segments:
        for key, doc in conn.execute(f"SELECT key, doc FROM {postings_table(seg)}"):
            posted[seg, doc].add(key)
    df: dict[tuple[int, int], int] = defaultdict(int)
    per_segment: dict[int, int] = defaultdict(int)
    lines: dict[tuple[int, str], int] = defaultdict(int)
    for rowid, ext_id, blob, packed, sha, seg, meta in conn.execute(
        "SELECT id, ext_id, keys, text, sha256, seg, meta FROM docs"
    ):
        per_segment[seg] += 1
        got = posted.pop((seg, rowid), set())
        try:
            keys = unpack_keys(blob)
            text = unpacked_text(packed)
            scope = scope_of(stored_meta(meta))
        except BadRecordError as exc:
            problems.append(f"{ext_id}: {exc}")
            continue
        for k in keys:
            df[seg, k] += 1
        if got != set(keys):
            problems.append(f"{ext_id}: {len(got)} keys in postings, {len(keys)} stored")
        if text_sha256(text) != sha:
            problems.append(f"{ext_id}: stored text does not match its sha256")
        if scope:
            for h in line_hashes(text):
                lines[h, scope] += 1
    if posted:
        problems.append(f"postings of {len(posted)} document(s) not in the index")
    for seg, docs in conn.execute("SELECT id, docs FROM segments"):
        if docs != per_segment.get(seg, 0):
            problems.append(f"segment {seg}: {docs} documents recorded, {per_segment[seg]} in it")
    stored_df = {
        (seg, key): n
        for seg in segments
        for key, n in conn.execute(f"SELECT key, df FROM {df_table(seg)}")
    }
    if stored_df != dict(df):
        problems.append("key document counts do not match the documents' keys")
    stored_lines = {(h, scope): n for h, scope, n in conn.execute("SELECT * FROM lines")}
    if stored_lines != dict(lines):
        problems.append("learned line counts do not match the documents' lines")
    return problems


def _check_vectors(index: IndexView) -> list[str]:
    conn = index.conn
    problems = []
    orphans = conn.execute(
        "SELECT COUNT(*) FROM vectors WHERE doc NOT IN (SELECT id FROM docs)"
    ).fetchone()[0]
    if orphans:
        problems.append(f"vectors of {orphans} document(s) not in the index")
    orphans = conn.execute(
        "SELECT COUNT(*) FROM window_spans WHERE doc NOT IN (SELECT id FROM docs)"
    ).fetchone()[0]
    if orphans:
        problems.append(f"window spans of {orphans} document(s) not in the index")
    # the vectors' width from each row's blob length (read from the record header: the
    # blobs themselves are not loaded)
    sizes = {
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT length(vecs) / (2 * units) FROM vectors WHERE units > 0"
        )
    }
    bad = conn.execute(
        "SELECT COUNT(*) FROM vectors WHERE units < 0 OR (units = 0) != (length(vecs) = 0)"
    ).fetchone()[0]
    if bad or len(sizes) > 1:
        problems.append("stored vectors of unequal or broken sizes")
    return problems

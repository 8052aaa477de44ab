"""A batch's writes to the postings, key counts and learned lines, held until the batch ends
and then written in key order inside the batch's transaction."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable

from .entries import Keyed
from .schema import df_table, postings_table


class PendingWrites:
    """Postings and key counts of a batch of added documents, written in key order at the
    end of the batch: B-tree inserts in key order touch each page once, where one document's
    random keys would touch a page per key."""

    def __init__(self, seg: int) -> None:
        self.seg = seg
        self.docs = 0
        self.rows: list[tuple[int, int, int, int]] = []
        self.df: dict[int, int] = defaultdict(int)
        self.lines: dict[tuple[int, str], int] = defaultdict(int)

    def add_lines(self, scope: str, hashes: Iterable[int], change: int) -> None:
        for h in hashes:
            self.lines[h, scope] += change

    def flush_lines(self, conn: sqlite3.Connection) -> None:
        changes = sorted((h, scope, n) for (h, scope), n in self.lines.items() if n)
        conn.executemany(
            "INSERT INTO lines VALUES (?, ?, ?) "
            "ON CONFLICT(hash, scope) DO UPDATE SET docs = docs + excluded.docs",
            changes,
        )
        conn.executemany(
            "DELETE FROM lines WHERE hash = ? AND scope = ? AND docs <= 0",
            ((h, scope) for h, scope, n in changes if n < 0),
        )
        self.lines = defaultdict(int)

    def add(self, doc: int, entry: Keyed) -> None:
        self.docs += 1
        self.rows.extend([(k, doc, b, m) for k, b, m in entry.postings])
        df = self.df
        for k in entry.keys:
            df[k] += 1

    def flush(self, conn: sqlite3.Connection) -> None:
        self.rows.sort()
        conn.executemany(f"INSERT INTO {postings_table(self.seg)} VALUES (?, ?, ?, ?)", self.rows)
        conn.execute("UPDATE segments SET docs = docs + ? WHERE id = ?", (self.docs, self.seg))
        conn.executemany(
            f"INSERT INTO {df_table(self.seg)} VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET df = df + excluded.df",
            sorted(self.df.items()),
        )
        self.rows, self.df, self.docs = [], defaultdict(int), 0
        self.flush_lines(conn)

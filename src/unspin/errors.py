"""One exception tree: every error unspin raises on purpose is an ``UnspinError``.

The CLI turns any ``UnspinError`` into a one-line message and a non-zero exit code; anything
else escaping is a bug.
"""

from __future__ import annotations

DAMAGED = "the index is damaged: run unspin index check"  # said with every damage found


class UnspinError(Exception):
    """Base class of every error unspin raises deliberately."""


class InputError(UnspinError):
    """The input cannot be used: missing, a directory, empty, binary, undecodable, too big."""


class ModelError(UnspinError):
    """The bundled sentence model (or a lexical resource) cannot be loaded."""


class ConfigError(UnspinError):
    """An option or configuration value is invalid."""


class VectorBudgetError(UnspinError):
    """The index's vectors need more memory for the exact semantic lookup than allowed
    (``Config.semantic_memory_mb``): the semantic round does not run."""


class StoreError(UnspinError):
    """An index directory cannot be used: missing, not an index, another format or settings,
    corrupt."""


class ScanError(UnspinError):
    """A corpus scan's engine failed (a Spark job: its worker's error, in one line)."""


class CorruptIndexError(StoreError):
    """The index database is damaged: SQLite found a malformed page, or the file is cut
    short or not a database."""


class BadRecordError(StoreError):
    """A stored record cannot be decoded: a text blob that is not zlib'd UTF-8, keys that are
    not an int64 array, meta that is not a JSON object."""


class LockTimeoutError(StoreError):
    """Another process held the index's write lock for longer than the wait allowed."""


class DiskFullError(UnspinError):
    """A write failed for want of space: a full disk, a quota, or a file size limit."""


class StorageIOError(UnspinError):
    """The operating system reported an I/O error reading or writing a file."""


# The exit code of each kind of error (``unspin`` exits 2 on a usage error, 70 on a bug and
# 130 when interrupted); the most specific class listed first wins.
EXIT_CODES: tuple[tuple[type[UnspinError], int], ...] = (
    (CorruptIndexError, 4),
    (BadRecordError, 5),
    (LockTimeoutError, 6),
    (StoreError, 3),
    (DiskFullError, 7),
    (StorageIOError, 8),
    (ScanError, 9),
    (ConfigError, 2),
    (UnspinError, 1),
)


def exit_code(exc: UnspinError) -> int:
    """The exit code for ``exc``: by the first class of ``EXIT_CODES`` it is an instance of."""
    return next(code for cls, code in EXIT_CODES if isinstance(exc, cls))

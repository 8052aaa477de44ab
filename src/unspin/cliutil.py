"""Error handling shared by every ``unspin`` command: one line on stderr, a non-zero exit."""

from __future__ import annotations

import errno
import os
import re
import sqlite3
import sys
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any, NoReturn, TypeVar

import click

from .errors import DiskFullError, InputError, StorageIOError, UnspinError, exit_code
from .index.schema import database_error
from .output import echo_json, say

F = TypeVar("F", bound=Callable[..., Any])

# whether the running command was given --json: its errors are then also a JSON object on
# stdout, for the program reading it
_JSON_ERRORS: ContextVar[bool] = ContextVar("json_errors", default=False)
_DISK_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def _kind(cls: type[BaseException]) -> str:
    """``CorruptIndexError`` -> ``corrupt-index``: the error's kind in JSON."""
    name = cls.__name__.removesuffix("Error") or "Unspin"
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def fail(message: str, code: int = 1, kind: str = "error") -> NoReturn:
    """Print ``message`` as one line on stderr (and as ``{"error": {...}}`` on stdout under
    --json), and exit with ``code``."""
    one_line = message.replace("\r", "\\r").replace("\n", "\\n")  # a file name may hold one
    say(f"unspin: error: {one_line}", err=True)
    if _JSON_ERRORS.get():
        echo_json({"error": {"kind": kind, "message": one_line, "exit_code": code}})
    sys.exit(code)


def _fail_with(exc: UnspinError) -> NoReturn:
    fail(str(exc), exit_code(exc), _kind(type(exc)))


def _os_error(exc: OSError) -> UnspinError:
    where = exc.filename or "I/O"
    if exc.errno in _DISK_FULL:
        what = f"{exc.filename}: " if exc.filename else ""
        return DiskFullError(
            f"{what}a write failed: no space left, or a quota or file size limit reached "
            f"({exc.strerror or exc})"
        )
    if exc.errno == errno.EIO:
        return StorageIOError(f"{where}: I/O error ({exc.strerror or exc})")
    return InputError(f"{where}: {exc.strerror or exc}")


def guarded(func: F) -> F:
    """Turn every error into one line on stderr and a non-zero exit, never a traceback: the
    exit code says which kind of error it was (``errors.EXIT_CODES``)."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        token = _JSON_ERRORS.set(bool(kwargs.get("as_json")))
        try:
            return func(*args, **kwargs)
        except UnspinError as exc:
            _fail_with(exc)
        except sqlite3.Error as exc:
            _fail_with(database_error(exc))
        except KeyboardInterrupt:
            fail("interrupted", 130, "interrupted")
        except BrokenPipeError:
            sys.stderr.close()
            sys.exit(1)
        except MemoryError:
            fail("out of memory: the input is too large for this machine", 1, "memory")
        except OSError as exc:
            _fail_with(_os_error(exc))
        except Exception as exc:  # a bug: still one line, unless debugging
            if os.environ.get("UNSPIN_DEBUG"):
                raise
            fail(
                f"internal error ({type(exc).__name__}: {exc}); set UNSPIN_DEBUG=1 for details",
                70,
                "internal",
            )
        finally:
            _JSON_ERRORS.reset(token)

    wrapper.__name__ = func.__name__
    wrapper.__doc__ = func.__doc__
    return wrapper  # type: ignore[return-value]


def input_options(jobs_help: str) -> Callable[[F], F]:
    """The options of every command that reads a batch of inputs (``extract``,
    ``index add``): a folder glob, JSONL field names, worker processes."""

    def decorate(func: F) -> F:
        for option in reversed(
            [
                click.option(
                    "--glob", default="*", show_default=True, help="Files to take from folders."
                ),
                click.option(
                    "--text-field", default="text", show_default=True, help="JSONL: the text field."
                ),
                click.option("--html-field", default=None, help="JSONL: a field holding HTML."),
                click.option("--id-field", default=None, help="JSONL: the field holding an id."),
                click.option(
                    "--jobs",
                    type=click.IntRange(1, 64),
                    default=min(2, os.cpu_count() or 1),
                    # said in words: the help (and docs/cli.md) reads the same on any machine
                    show_default="2, or 1 on one core",
                    help=jobs_help,
                ),
            ]
        ):
            func = option(func)
        return func

    return decorate

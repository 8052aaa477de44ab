"""Error handling shared by every ``unspin`` command: one line on stderr, a non-zero exit."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any, NoReturn, TypeVar

import click

from .errors import UnspinError

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str, code: int = 1) -> NoReturn:
    one_line = message.replace("\r", "\\r").replace("\n", "\\n")  # a file name may hold one
    click.echo(f"unspin: error: {one_line}", err=True)
    sys.exit(code)


def guarded(func: F) -> F:
    """Turn every error into one line on stderr and a non-zero exit, never a traceback."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except UnspinError as exc:
            fail(str(exc))
        except KeyboardInterrupt:
            fail("interrupted", 130)
        except BrokenPipeError:
            sys.stderr.close()
            sys.exit(1)
        except MemoryError:
            fail("out of memory: the input is too large for this machine")
        except OSError as exc:
            fail(f"{exc.filename or 'I/O'}: {exc.strerror or exc}")
        except Exception as exc:  # a bug: still one line, unless debugging
            if os.environ.get("UNSPIN_DEBUG"):
                raise
            fail(
                f"internal error ({type(exc).__name__}: {exc}); set UNSPIN_DEBUG=1 for details", 70
            )

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

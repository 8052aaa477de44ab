"""How the CLI writes what it found: JSON that stays valid whatever bytes a file name held,
and terminal text in which the control characters of an input are shown, not obeyed.

An input may hold escape sequences (ESC, CSI, OSC) that would retitle, recolour or clear
the reader's terminal. In the terminal each C0 or C1 control character but tab and newline
is shown as a visible symbol of one character, so the offsets of what is shown stay those of
the text. JSON is never altered: ``json`` escapes C0 characters itself, and a lone surrogate
(a file name that was not UTF-8, kept by ``surrogateescape``) is written as its ``\\udcXX``
escape, which JSON readers accept and Python reads back to the same name.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

import click
from rich.console import Console
from rich.segment import Segment

# C0 controls as the Unicode control pictures (␛ for ESC), DEL as ␡, C1 controls and lone
# surrogates as U+FFFD
_SHOWN: dict[int, int] = {c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A)}
_SHOWN[0x7F] = 0x2421
_SHOWN.update({c: 0xFFFD for c in range(0x80, 0xA0)})
_SHOWN.update({c: 0xFFFD for c in range(0xD800, 0xE000)})
_SURROGATE = re.compile("[\ud800-\udfff]")


def terminal_safe(text: str) -> str:
    """``text`` with its control characters (and lone surrogates) as visible symbols, one
    character for one."""
    return text.translate(_SHOWN)


def to_json(value: Any, indent: int | None = None) -> str:
    """``value`` as JSON text (UTF-8 as is, lone surrogates escaped)."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def echo_json(value: Any, indent: int | None = None) -> None:
    click.echo(to_json(value, indent))


def say(message: str, err: bool = False) -> None:
    """A line for people (on stdout, or stderr with ``err``), with control characters shown."""
    click.echo(terminal_safe(message), err=err)


class TerminalConsole(Console):
    """A rich console that shows the control characters of the text it prints: every segment
    of text passes through ``terminal_safe`` just before rich adds its own styling codes.
    (``_render_buffer`` is where rich turns segments into output; a test checks it still is.)"""

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        return super()._render_buffer(
            s if s.control else Segment(terminal_safe(s.text), s.style, s.control)
            for s in buffer
        )

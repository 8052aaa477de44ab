"""Read a file or stdin and decode it robustly, refusing binary and undecodable input clearly."""

from __future__ import annotations

import codecs
import sys
from pathlib import Path

from ..errors import InputError

BOMS = (  # longest first: UTF-32 LE's BOM starts with UTF-16 LE's
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII-heavy text has a NUL in every other byte."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _is_binary(text: str) -> bool:
    """Text with many control characters other than whitespace (NUL among them) is not
    prose: up to one in 50 (at least 8) is noise in a real text, such as a stray NUL in a
    scraped page."""
    sample = text[:65536]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\t\n\r\f\v")
    return controls > max(8, len(sample) // 50)


def decode_bytes(data: bytes, name: str = "<input>") -> str:
    """Decode UTF-8 (with or without BOM), UTF-16/32 (BOM or ASCII-heavy), a legacy encoding
    that charset-normalizer detects in prose (cp1251, Shift JIS …), else cp1252.

    cp1252 is the last resort only when UTF-8 fails and the bytes decode cleanly as cp1252;
    anything else is an ``InputError`` naming the input and the offending byte position.
    A stray NUL in a text becomes U+FFFD (``decode_counted`` says how many).
    """
    return decode_counted(data, name)[0]


def decode_counted(data: bytes, name: str = "<input>") -> tuple[str, int]:
    """``decode_bytes``, and how many stray NULs it replaced by U+FFFD (one character for
    one: offsets are unchanged)."""
    text = _decoded(data, name)
    nuls = text.count("\x00")
    return (text.replace("\x00", "\ufffd") if nuls else text), nuls


def _decoded(data: bytes, name: str) -> str:
    if not data:
        raise InputError(f"{name}: file is empty")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: invalid {encoding} at byte {exc.start}") from None
            return _checked(text, name)
    utf16 = _looks_utf16(data)
    if utf16:
        try:
            return _checked(data.decode(utf16), name)
        except UnicodeDecodeError:
            pass
    try:
        return _checked(data.decode("utf-8"), name)
    except UnicodeDecodeError as utf8_error:
        if b"\x00" in data and _is_binary(data[:65536].decode("latin-1")):
            raise InputError(f"{name}: binary file (NUL bytes), not text") from None
        detected = _detect(data)
        if detected:
            return _checked(detected, name)
        try:
            return _checked(data.decode("cp1252"), name)
        except UnicodeDecodeError:
            raise InputError(
                f"{name}: cannot decode as UTF-8, UTF-16 or cp1252 "
                f"(first bad byte at offset {utf8_error.start})"
            ) from None


_WESTERN = {"cp1252", "latin_1", "iso8859_15", "ascii", "utf_8"}


def _detect(data: bytes) -> str | None:
    """Text in a non-Western legacy encoding (Cyrillic, Greek, Central European, CJK …), as
    charset-normalizer reads it. Only for prose-shaped input (enough bytes, spaces between
    words): on short or space-free bytes its guesses are noise, and cp1252 decides."""
    sample = data[:262144]
    if len(sample) < 64 or sample.count(b" ") + sample.count(b"\n") < len(sample) // 25:
        return None
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if best is None or best.encoding is None or best.encoding in _WESTERN:
        return None
    try:
        return data.decode(best.encoding)
    except UnicodeDecodeError:
        return None


def _checked(text: str, name: str) -> str:
    if _is_binary(text):
        raise InputError(f"{name}: binary file, not text")
    if not text.strip():
        raise InputError(f"{name}: file holds only whitespace")
    return text


def read_text(path: str | Path, max_bytes: int) -> tuple[str, str]:
    """Read ``path`` (``-`` is stdin) and return ``(name, text)``; errors are ``InputError``."""
    name = str(path)
    if name == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        name = "<stdin>"
    else:
        p = Path(path)
        if not p.exists():
            raise InputError(f"{name}: no such file")
        if p.is_dir():
            raise InputError(f"{name}: is a directory, expected a text file")
        try:
            size = p.stat().st_size
            if size > max_bytes:
                raise InputError(
                    f"{name}: {size:,} bytes is over the {max_bytes:,}-byte input limit"
                )
            data = p.read_bytes()
        except PermissionError:
            raise InputError(f"{name}: permission denied") from None
        except OSError as exc:
            raise InputError(f"{name}: cannot read ({exc.strerror})") from None
    if len(data) > max_bytes:
        raise InputError(f"{name}: input is over the {max_bytes:,}-byte input limit")
    return name, decode_bytes(data, name)

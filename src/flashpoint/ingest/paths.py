"""File names as text: lossless, one line, safe to print.

A POSIX file name is bytes. Python decodes undecodable bytes to lone surrogates
(surrogateescape), which SQLite and terminals cannot take, and a name may hold a newline
that would split or forge a ``rejected:`` line. :func:`source_name` writes such characters
as backslash escapes (and a backslash as ``\\\\``), so the name stays one printable line and
:func:`path_of` gives the exact bytes back.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

_NEEDS_ESCAPE = re.compile(r"[\\\x00-\x1f\x7f\x85\u2028\u2029\ud800-\udfff]")
_ESCAPE = re.compile(r"\\([\\ntr]|x[0-9a-f]{2}|u[0-9a-f]{4})")
_SHORT = {"\n": "n", "\t": "t", "\r": "r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group(0)
    if char == "\\":
        return "\\\\"
    if char in _SHORT:
        return "\\" + _SHORT[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte, kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x80 else f"\\u{code:04x}"


def source_name(path: str | os.PathLike[str]) -> str:
    """The path as one line of valid UTF-8, reversible with :func:`path_of`."""
    text = os.fspath(path)
    return _NEEDS_ESCAPE.sub(_escape, text) if _NEEDS_ESCAPE.search(text) else text


def _unescape(match: re.Match[str]) -> str:
    body = match.group(1)
    if body == "\\":
        return "\\"
    if body in "ntr":
        return {"n": "\n", "t": "\t", "r": "\r"}[body]
    code = int(body[1:], 16)
    if body[0] == "x" and code >= 0x80:
        return chr(0xDC00 + code)  # back to the surrogateescape form of the byte
    return chr(code)


def path_of(name: str) -> Path:
    """The path :func:`source_name` escaped."""
    return Path(_ESCAPE.sub(_unescape, name))

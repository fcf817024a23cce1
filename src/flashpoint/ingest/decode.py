"""Bytes to text: UTF-8 first, then charset detection; binary is refused."""

from __future__ import annotations

import codecs

from flashpoint.errors import reject
from flashpoint.records import Rejected

_SNIFF = 8192


def looks_binary(raw: bytes) -> bool:
    """NUL bytes, or many control characters, in the first few KB mean binary."""
    head = raw[:_SNIFF]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and controls / len(head) > 0.10


def decode_bytes(raw: bytes, path: str, stage: str = "ingest") -> str | Rejected:
    """Decode bytes to ``str`` or return why not. Newlines are kept as they are."""
    if not raw.strip():
        return reject(path, stage, "empty")
    if looks_binary(raw):
        return reject(path, stage, "binary", "the file holds NUL or control bytes")
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # slow import, only for non-UTF-8 input

    best = from_bytes(raw).best()
    if best is None:
        return reject(path, stage, "encoding", "not UTF-8 and no other encoding fits")
    return str(best)

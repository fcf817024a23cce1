"""Bytes to text: UTF-8 first, then UTF-16/32 by byte-order mark or shape, then charset
detection; binary is refused."""

from __future__ import annotations

import codecs

from flashpoint.errors import reject
from flashpoint.records import Rejected

_SNIFF = 8192
_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

WIDE_BOMS = tuple((bom, codec) for bom, codec in _BOMS if codec != "utf-8")  # keep: utf-32 first


def looks_binary(raw: bytes) -> bool:
    """NUL bytes, or many control characters, in the first few KB mean binary."""
    head = raw[:_SNIFF]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and controls / len(head) > 0.10


def _utf16_without_bom(raw: bytes) -> str | None:
    """Mostly-ASCII UTF-16 has a NUL in every other byte; which half says the byte order."""
    head = raw[: _SNIFF - _SNIFF % 2]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.6 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.6 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def decode_bytes(raw: bytes, path: str, stage: str = "ingest") -> str | Rejected:
    """Decode bytes to ``str`` or return why not. Newlines are kept as they are."""
    if not raw.strip():
        return reject(path, stage, "empty")
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            return _strict(raw[len(bom) :], codec, path, stage)
    wide = _utf16_without_bom(raw)
    if wide is not None:
        return _strict(raw, wide, path, stage)
    if looks_binary(raw):
        return reject(path, stage, "binary", "the file holds NUL or control bytes")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # slow import, only for non-UTF-8 input

    best = from_bytes(raw).best()
    if best is None:
        return reject(path, stage, "encoding", "not UTF-8 and no other encoding fits")
    return str(best)


def _strict(raw: bytes, codec: str, path: str, stage: str) -> str | Rejected:
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError as exc:
        return reject(path, stage, "encoding", f"not valid {codec}: {exc.reason}")
    if not text.strip():
        return reject(path, stage, "empty")
    if "\x00" in text:
        return reject(path, stage, "binary", f"NUL characters after decoding as {codec}")
    return text

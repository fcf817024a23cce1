"""One reader per input format: each yields ``Article`` or ``Rejected``, never raises.

Every read is bounded: whole files and JSON lines are read at most ``max_bytes`` (plus one
byte, to tell), decompressed data included, so a small gzip holding a huge line costs no
more memory than the limit. A file that ends early says so (``truncated``) and keeps what
was read before the break.
"""

from __future__ import annotations

import gzip
import io
import json
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, cast

from flashpoint.errors import reject
from flashpoint.ingest.archives import read_feed, read_warc
from flashpoint.ingest.article import ALIASES, Context, Item, build_article, record_article
from flashpoint.ingest.decode import WIDE_BOMS, decode_bytes
from flashpoint.ingest.html import extract_html
from flashpoint.records import Rejected

__all__ = ["ALIASES", "Context", "Item", "read_html", "read_text", "reader_for"]

_SKIP_CHUNK = 1 << 20
_STREAM_ERRORS = (EOFError, OSError, zlib.error)  # what a cut or corrupt gzip raises


def read_text(raw: bytes, source: str, ctx: Context, fmt: str = "txt") -> Iterator[Item]:
    text = decode_bytes(raw, source)
    if isinstance(text, Rejected):
        yield text
        return
    yield from build_article(raw, source, fmt, text, ctx, {})


def read_html(raw: bytes, source: str, ctx: Context, url: str | None = None) -> Iterator[Item]:
    markup = decode_bytes(raw, source)
    if isinstance(markup, Rejected):
        yield markup
        return
    page = extract_html(markup, url=url or ctx.meta.get("url"))
    if page is None:
        yield reject(source, "ingest", "no_text", "the HTML has no body text")
        return
    fields = {
        "title": page.title,
        "published": page.published,
        "outlet": page.sitename,
        "url": url,
        "markup": markup,
    }
    yield from build_article(raw, source, "html", page.text, ctx, fields)


def _parse_json(raw: bytes) -> tuple[Any, str | None]:
    """The parsed value, or why not: syntax, bad UTF-8, a number over Python's digit limit,
    nesting deeper than the parser's recursion limit."""
    try:
        return json.loads(raw), None
    except RecursionError:
        return None, "nested too deeply"
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError, int digit limit
        lines = str(exc).splitlines()
        return None, f"{type(exc).__name__}: {lines[0] if lines else ''}"


def _bounded_lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, line or ``None`` when over ``limit``, size in bytes); an over-long line
    is skipped in chunks, never held whole."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) <= limit or line.endswith(b"\n"):
            yield number, line, len(line)
            continue
        size = len(line)
        while True:
            chunk = stream.readline(_SKIP_CHUNK)
            size += len(chunk)
            if not chunk or chunk.endswith(b"\n"):
                break
        yield number, None, size


class _Utf8Lines:
    """A UTF-16/32 stream read back as UTF-8 lines (JSON lines split on the newline byte
    would cut UTF-16 characters in half)."""

    def __init__(self, stream: IO[bytes], codec: str):
        self._text = io.TextIOWrapper(
            cast(Any, stream), encoding=codec, errors="surrogatepass", newline=""
        )

    def readline(self, limit: int = -1) -> bytes:
        return self._text.readline(limit).encode("utf-8", "surrogatepass")

    def read(self, size: int = -1) -> bytes:
        return self._text.read(size).encode("utf-8", "surrogatepass")


def _utf8_stream(stream: IO[bytes]) -> IO[bytes]:
    head = stream.peek(4)[:4] if hasattr(stream, "peek") else b""
    for bom, codec in WIDE_BOMS:
        if head.startswith(bom):
            return cast(IO[bytes], _Utf8Lines(stream, codec))
    return stream


def read_jsonl(stream: IO[bytes], path: str, ctx: Context) -> Iterator[Item]:
    """One article per line; a bad line is one rejection naming ``file:line``."""
    records = 0
    try:
        stream = _utf8_stream(stream)
    except _STREAM_ERRORS as exc:
        yield _broken(path, exc, records)
        return
    lines = _bounded_lines(stream, ctx.max_bytes)
    number = 0
    while True:
        try:
            number, line, size = next(lines)
            if line is not None and not line.endswith(b"\n"):
                stream.read(1)  # a cut gzip fails here: the last, partial line is not a record
        except StopIteration:
            break
        except _STREAM_ERRORS as exc:
            yield _broken(path, exc, records)
            return
        except UnicodeDecodeError as exc:  # a UTF-16 file with a broken character
            detail = f"{exc.reason} in line {number + 1}; {records} records read before it"
            yield reject(path, "ingest", "encoding", detail)
            return
        if line is None:
            yield reject(f"{path}:{number}", "ingest", "too_large", f"line {number}: {size} bytes")
            continue
        if not line.strip():
            continue
        records += 1
        try:
            yield from _json_line(line, number, path, ctx)
        except Exception as exc:  # one odd record must not end the file
            yield reject(
                f"{path}:{number}", "ingest", "read_failed", f"{type(exc).__name__}: {exc}"
            )
    if not records:
        yield reject(path, "ingest", "empty", "no JSON lines in the file")


def _broken(path: str, exc: BaseException, records: int) -> Rejected:
    why = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    code = "truncated" if isinstance(exc, EOFError) else "corrupt"
    return reject(path, "ingest", code, f"{why}; {records} records read before the break")


def _json_line(line: bytes, number: int, path: str, ctx: Context) -> Iterator[Item]:
    record, problem = _parse_json(line)
    if problem is not None:
        yield reject(f"{path}:{number}", "ingest", "bad_json", problem)
    elif not isinstance(record, dict):
        yield reject(f"{path}:{number}", "ingest", "bad_json", "the line is not a JSON object")
    else:
        yield from record_article(record, line.rstrip(b"\r\n"), f"{path}#line={number}", ctx)


def read_json(raw: bytes, path: str, ctx: Context) -> Iterator[Item]:
    """A JSON object, or a list of them."""
    data, problem = _parse_json(raw)
    if problem is not None:
        yield reject(path, "ingest", "bad_json", problem)
        return
    if isinstance(data, dict):
        yield from record_article(data, raw, path, ctx)
        return
    if not isinstance(data, list):
        yield reject(path, "ingest", "bad_json", "expected an object or a list of objects")
        return
    if not data:
        yield reject(path, "ingest", "empty", "an empty JSON list")
    for index, record in enumerate(data):
        source = f"{path}#item={index}"
        if not isinstance(record, dict):
            yield reject(source, "ingest", "bad_json", f"item {index} is not an object")
            continue
        try:
            raw_item = json.dumps(record, sort_keys=True, ensure_ascii=False).encode(
                "utf-8", "surrogatepass"
            )
            yield from record_article(record, raw_item, source, ctx)
        except Exception as exc:  # one odd item must not end the list
            yield reject(source, "ingest", "read_failed", f"{type(exc).__name__}: {exc}")


# --- dispatch by file name ------------------------------------------------------------

Reader = Callable[[Path, str, Context], Iterator[Item]]


def _whole(reader: Callable[[bytes, str, Context], Iterator[Item]]) -> Reader:
    def read(path: Path, source: str, ctx: Context) -> Iterator[Item]:
        with path.open("rb") as handle:  # bounded even when stat lies (size 0 of a device)
            raw = handle.read(ctx.max_bytes + 1)
        if len(raw) > ctx.max_bytes:
            yield reject(source, "ingest", "too_large", f"over {ctx.max_bytes} bytes")
            return
        yield from reader(raw, source, ctx)

    return read


def _streamed(reader: Callable[[IO[bytes], str, Context], Iterator[Item]]) -> Reader:
    def read(path: Path, source: str, ctx: Context) -> Iterator[Item]:
        gzipped = path.name.endswith(".gz") and "warc" not in path.name  # warcio un-gzips
        opened = gzip.open(path, "rb") if gzipped else path.open("rb")  # noqa: SIM115
        with cast(IO[bytes], opened) as stream:
            yield from reader(stream, source, ctx)

    return read


READERS: dict[str, Reader] = {
    ".txt": _whole(read_text),
    ".text": _whole(read_text),
    ".html": _whole(lambda raw, src, ctx: read_html(raw, src, ctx)),
    ".htm": _whole(lambda raw, src, ctx: read_html(raw, src, ctx)),
    ".json": _whole(read_json),
    ".jsonl": _streamed(read_jsonl),
    ".ndjson": _streamed(read_jsonl),
    ".jsonl.gz": _streamed(read_jsonl),
    ".warc": _streamed(lambda stream, src, ctx: read_warc(stream, src, ctx, read_html)),
    ".warc.gz": _streamed(lambda stream, src, ctx: read_warc(stream, src, ctx, read_html)),
    ".rss": _whole(read_feed),
    ".atom": _whole(read_feed),
    ".xml": _whole(read_feed),
}


def reader_for(path: Path) -> Reader | None:
    name = path.name.lower()
    for suffix in sorted(READERS, key=len, reverse=True):
        if name.endswith(suffix):
            return READERS[suffix]
    return None

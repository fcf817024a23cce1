"""Containers of many pages: WARC web archives and RSS/Atom feeds.

A container that ends early keeps the records read before the break and adds one
``truncated`` line with their count, so partial data never passes as complete.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import zlib
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

from flashpoint.errors import reject
from flashpoint.ingest.article import Context, Item, record_article
from flashpoint.records import Article

_CHUNK = 1 << 20
# expat's words for a document that stops in the middle
_CUT_FEED = ("no element found", "unclosed token", "unclosed cdata", "junk after")

HtmlReader = Callable[..., Iterator[Item]]


def read_warc(stream: IO[bytes], path: str, ctx: Context, read_html: HtmlReader) -> Iterator[Item]:
    """HTML ``response`` records of a WARC; other records are not articles and are skipped."""
    from warcio.archiveiterator import ArchiveIterator

    number = records = 0
    try:
        for record in _quiet(ArchiveIterator(stream)):
            if record.length is None:  # no Content-Length: malformed, or cut inside a header
                detail = f"record {records + 1} has no Content-Length (malformed, or cut "
                detail += f"inside its header); {number} pages read"
                yield reject(path, "ingest", "bad_warc", detail)
                return
            records += 1
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = record.http_headers.get_header("Content-Type") or ""
            if "html" not in ctype.lower():
                continue
            number += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            source = f"{path}#record={number}"
            payload = record.content_stream().read(ctx.max_bytes + 1)
            if len(payload) > ctx.max_bytes:
                yield reject(source, "ingest", "too_large", f"record {url} is over the limit")
                continue
            if getattr(record.raw_stream, "limit", 0) > 0:  # Content-Length not reached
                yield _cut(path, number - 1, "the last record is cut short")
                return
            yield from read_html(payload, source, ctx, url=url)
    except Exception as exc:  # warcio fails in many ways on a broken archive
        detail = f"after {number} records: {type(exc).__name__}: {exc}".strip()
        yield reject(path, "ingest", "bad_warc" if not records else "truncated", detail)
        return
    problem = _gzip_problem(stream)
    if problem is not None:
        yield _cut(path, number, problem)
    elif not records:
        yield reject(path, "ingest", "bad_warc", "no WARC records found")
    elif not number:
        yield reject(path, "ingest", "no_text", f"none of its {records} records is an HTML page")


def _quiet(records: Iterable[Any]) -> Iterator[Any]:
    """warcio writes warnings about odd records straight to stderr, which would mix with our
    one line per problem; its output is held while it reads the next record, and dropped
    (a cut record is reported by its short Content-Length instead)."""
    iterator = iter(records)
    while True:
        with contextlib.redirect_stderr(io.StringIO()):
            record = next(iterator, None)
        if record is None:
            return
        yield record


def _cut(path: str, read: int, why: str) -> Item:
    return reject(path, "ingest", "truncated", f"{why}; {read} records read before the break")


def _gzip_problem(stream: IO[bytes]) -> str | None:
    """warcio stops quietly at a cut gzip member; decompressing the file once more (streamed,
    in bounded memory) tells a cut or corrupt archive from a complete one."""
    name = getattr(stream, "name", None)
    if not isinstance(name, str) or not name.endswith(".gz"):
        return None
    try:
        with gzip.open(name, "rb") as check:
            while check.read(_CHUNK):
                pass
    except (EOFError, OSError, zlib.error) as exc:
        return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return None


def read_feed(raw: bytes, path: str, ctx: Context) -> Iterator[Item]:
    """RSS or Atom entries: the full content when present, else the summary."""
    import feedparser

    feed = feedparser.parse(raw)
    problem = str(getattr(feed, "bozo_exception", "") or "")
    if not feed.entries:
        why = problem or "no entries"
        yield reject(path, "ingest", "bad_feed", why.splitlines()[0])
        return
    outlet = feed.feed.get("title")
    for index, entry in enumerate(feed.entries):
        source = f"{path}#entry={index}"
        try:
            yield from _entry(entry, outlet, source, ctx)
        except Exception as exc:  # one odd entry must not end the feed
            yield reject(source, "ingest", "read_failed", f"{type(exc).__name__}: {exc}")
    if any(cut in problem.lower() for cut in _CUT_FEED):
        yield _cut(path, len(feed.entries), f"the feed ends early ({problem.splitlines()[0]})")


def _entry(entry: Any, outlet: Any, source: str, ctx: Context) -> Iterator[Item]:
    body = entry.get("content", [{}])[0].get("value") or entry.get("summary") or ""
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    published = "{:04d}-{:02d}-{:02d}".format(*parsed[:3]) if parsed else None
    record = {
        "html": body,
        "title": entry.get("title"),
        "url": entry.get("link"),
        "outlet": outlet,
        "published": published,
        "id": entry.get("id"),
    }
    raw_entry = json.dumps(record, sort_keys=True, ensure_ascii=False).encode(
        "utf-8", "surrogatepass"
    )
    for item in record_article(record, raw_entry, source, ctx):
        yield Article(**{**item.to_dict(), "format": "feed"}) if isinstance(item, Article) else item

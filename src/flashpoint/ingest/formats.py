"""One reader per input format: each yields ``Article`` or ``Rejected``, never raises."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, cast

from flashpoint.errors import reject
from flashpoint.ingest.decode import decode_bytes
from flashpoint.ingest.html import extract_html
from flashpoint.ingest.published import normalise_published
from flashpoint.records import Article, Rejected, article_id

Item = Article | Rejected

# Field names scrapers use for the same thing; the first present wins.
ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "maintext"),
    "html": ("html", "raw_html", "content_html"),
    "title": ("title", "headline"),
    "url": ("url", "link", "source_url"),
    "outlet": ("outlet", "source", "site", "sitename", "publisher", "source_name"),
    "published": ("published", "date", "pubdate", "publish_date", "published_at", "date_publish"),
    "id": ("id", "doc_id", "newid", "guid"),
    "language": ("language", "lang"),
}


@dataclass(frozen=True)
class Context:
    """What a reader needs besides the bytes: limits and metadata given from outside."""

    max_bytes: int
    language: str
    meta: dict[str, Any] = field(default_factory=dict)  # from meta.json or CLI flags


def build_article(
    raw: bytes, source: str, fmt: str, text: str, ctx: Context, fields: dict[str, Any]
) -> Iterator[Item]:
    """An ``Article`` from text and fields; metadata from ``ctx`` wins over fields found inside."""
    merged = {k: v for k, v in fields.items() if v not in (None, "")}
    merged.update(ctx.meta)
    try:
        published = normalise_published(merged.get("published"))
    except ValueError as exc:
        yield reject(source, "ingest", "bad_date", f"{exc}; kept the article without a date")
        published = None
    yield Article(
        id=article_id(raw),
        source=source,
        format=fmt,
        text=text,
        outlet=_opt(merged.get("outlet")),
        title=_opt(merged.get("title")),
        published=published,
        language=_opt(merged.get("language")) or ctx.language,
        url=_opt(merged.get("url")),
        external_id=_opt(merged.get("id")),
        markup=_opt(merged.get("markup")),
    )


def _opt(value: Any) -> str | None:
    return None if value in (None, "") else str(value).strip()


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


def record_article(record: dict[str, Any], raw: bytes, source: str, ctx: Context) -> Iterator[Item]:
    """A JSON object with ``text`` or ``html`` and optional metadata fields."""
    fields = {key: _first(record, names) for key, names in ALIASES.items()}
    text, html = fields.pop("text"), fields.pop("html")
    if isinstance(text, str) and text.strip():
        yield from build_article(raw, source, "json", text, ctx, fields)
        return
    if isinstance(html, str) and html.strip():
        page = extract_html(html, url=fields.get("url"))
        if page is None:
            yield reject(source, "ingest", "no_text", "the 'html' field has no body text")
            return
        fields = {
            "title": fields.get("title") or page.title,
            "published": fields.get("published") or page.published,
            "outlet": fields.get("outlet") or page.sitename,
            "url": fields.get("url"),
            "id": fields.get("id"),
            "markup": html,
        }
        yield from build_article(raw, source, "json", page.text, ctx, fields)
        return
    yield reject(source, "ingest", "no_text", "no non-empty 'text' or 'html' field")


def _first(record: dict[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        if record.get(name) not in (None, ""):
            return record[name]
    return None


def read_jsonl(stream: IO[bytes], path: str, ctx: Context) -> Iterator[Item]:
    """One article per line; a bad line is one rejection naming ``file:line``."""
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        source = f"{path}#line={number}"
        if len(line) > ctx.max_bytes:
            yield reject(source, "ingest", "too_large", f"line {number} is {len(line)} bytes")
            continue
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield reject(
                f"{path}:{number}",
                "ingest",
                "bad_json",
                exc.__class__.__name__ + ": " + str(exc).splitlines()[0],
            )
            continue
        if not isinstance(record, dict):
            yield reject(f"{path}:{number}", "ingest", "bad_json", "the line is not a JSON object")
            continue
        yield from record_article(record, line.rstrip(b"\r\n"), source, ctx)


def read_json(raw: bytes, path: str, ctx: Context) -> Iterator[Item]:
    """A JSON object, or a list of them."""
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        yield reject(path, "ingest", "bad_json", str(exc).splitlines()[0])
        return
    if isinstance(data, dict):
        yield from record_article(data, raw, path, ctx)
        return
    if not isinstance(data, list):
        yield reject(path, "ingest", "bad_json", "expected an object or a list of objects")
        return
    for index, record in enumerate(data):
        source = f"{path}#item={index}"
        if not isinstance(record, dict):
            yield reject(source, "ingest", "bad_json", f"item {index} is not an object")
            continue
        raw_item = json.dumps(record, sort_keys=True, ensure_ascii=False).encode("utf-8")
        yield from record_article(record, raw_item, source, ctx)


def read_warc(stream: IO[bytes], path: str, ctx: Context) -> Iterator[Item]:
    """HTML ``response`` records of a WARC; other records are not articles and are skipped."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = records = 0
    try:
        for record in ArchiveIterator(stream):
            records += record.rec_type is not None
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
            yield from read_html(payload, source, ctx, url=url)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        yield reject(path, "ingest", "bad_warc", f"after {number} records: {exc}".strip())
        return
    if not records:
        yield reject(path, "ingest", "bad_warc", "no WARC records found")
    elif not number:
        yield reject(path, "ingest", "no_text", f"none of its {records} records is an HTML page")


def read_feed(raw: bytes, path: str, ctx: Context) -> Iterator[Item]:
    """RSS or Atom entries: the full content when present, else the summary."""
    import feedparser

    feed = feedparser.parse(raw)
    if not feed.entries:
        why = str(getattr(feed, "bozo_exception", "")) or "no entries"
        yield reject(path, "ingest", "bad_feed", why.splitlines()[0])
        return
    outlet = feed.feed.get("title")
    for index, entry in enumerate(feed.entries):
        source = f"{path}#entry={index}"
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
        raw_entry = json.dumps(record, sort_keys=True, ensure_ascii=False).encode("utf-8")
        for item in record_article(record, raw_entry, source, ctx):
            yield _as_format(item, "feed")


def _as_format(item: Item, fmt: str) -> Item:
    if isinstance(item, Article):
        return Article(**{**item.to_dict(), "format": fmt})
    return item


# --- dispatch by file name ------------------------------------------------------------

Reader = Callable[[Path, str, Context], Iterator[Item]]


def _whole(reader: Callable[[bytes, str, Context], Iterator[Item]]) -> Reader:
    def read(path: Path, source: str, ctx: Context) -> Iterator[Item]:
        size = path.stat().st_size
        if size > ctx.max_bytes:
            yield reject(source, "ingest", "too_large", f"{size} bytes > ingest.max_bytes")
            return
        yield from reader(path.read_bytes(), source, ctx)

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
    ".warc": _streamed(read_warc),
    ".warc.gz": _streamed(read_warc),
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

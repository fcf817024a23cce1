"""From text and fields to an ``Article``: aliases, validation, language, publication date."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from flashpoint.errors import reject
from flashpoint.ingest.html import extract_html
from flashpoint.ingest.language import unsupported_script
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
MAX_FIELD_CHARS = 10_000  # a title, outlet or url longer than this is not one


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
    values = {k: _opt(merged.get(k)) for k in ("outlet", "title", "url", "id", "language")}
    values["markup"] = merged.get("markup") if isinstance(merged.get("markup"), str) else None
    bad = _invalid_field({"text": text, **values})
    if bad is not None:
        yield reject(source, "ingest", "bad_unicode", bad)
        return
    try:
        published = normalise_published(merged.get("published"))
    except ValueError as exc:
        yield reject(source, "ingest", "bad_date", f"{exc}; kept the article without a date")
        published = None
    language = values["language"] or ctx.language
    script = unsupported_script(text)
    if script is not None:
        code, name = script
        language = code
        yield reject(
            source,
            "ingest",
            "language_unsupported",
            f"written in {name} script (language {code!r}); stored, but events are only "
            "extracted from English",
        )
    yield Article(
        id=article_id(raw),
        source=source,
        format=fmt,
        text=text,
        outlet=values["outlet"],
        title=values["title"],
        published=published,
        language=language,
        url=values["url"],
        external_id=values["id"],
        markup=values["markup"],
    )


def _opt(value: Any) -> str | None:
    if value is None or value == "" or isinstance(value, dict | list):
        return None
    text = str(value).strip()
    return text[:MAX_FIELD_CHARS] or None


def _invalid_field(values: dict[str, str | None]) -> str | None:
    """Why a field cannot be stored as text (a lone surrogate, from JSON's ``\\ud800``)."""
    for name, value in values.items():
        if value is None:
            continue
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            bad = value[exc.start : exc.start + 1]
            return f"the {name!r} field holds {bad!a}, a lone surrogate, at character {exc.start}"
    return None


def record_article(record: dict[str, Any], raw: bytes, source: str, ctx: Context) -> Iterator[Item]:
    """A JSON object with ``text`` or ``html`` and optional metadata fields."""
    fields = {key: _first(record, names) for key, names in ALIASES.items()}
    text, html = fields.pop("text"), fields.pop("html")
    if isinstance(text, str) and text.strip():
        yield from build_article(raw, source, "json", text, ctx, fields)
        return
    if isinstance(html, str) and html.strip():
        bad = _invalid_field({"html": html})
        if bad is not None:
            yield reject(source, "ingest", "bad_unicode", bad)
            return
        page = extract_html(html, url=_opt(fields.get("url")))
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

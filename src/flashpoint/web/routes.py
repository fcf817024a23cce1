"""Read-only API routes. Every request opens its own read connection, so what another
process ingests shows up on the next request, without a restart."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi import Path as PathParam
from starlette.datastructures import State
from starlette.responses import Response

from flashpoint.export import geojson_collection
from flashpoint.export.acled import COLUMNS, acled_row
from flashpoint.export.cells import csv_text
from flashpoint.records import Event, Mention
from flashpoint.store import SORTS, ArticleRow, EventFilter, Store, StoreError
from flashpoint.views import article_detail, mention_view
from flashpoint.web.encode import dumps
from flashpoint.web.errors import ApiError
from flashpoint.web.evidence import correction_state, event_detail
from flashpoint.web.listing import decode_cursor, encode_cursor, list_json
from flashpoint.web.params import FILTER_NAMES, bad, check_known, event_filter
from flashpoint.web.readers import Readers

router = APIRouter(prefix="/api")

FORMATS = ("json", "csv", "geojson")
_EVENT_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_ARTICLE_ID = re.compile(r"^[0-9a-f]{4,16}$")

POSTED_PREFIX = "flashpoint-post-"  # the temporary folder of a document posted to /api/ingest
POSTED = "posted to /api/ingest"  # what clients see instead of that folder

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": 'Bad parameter: `{"error": {"code": "bad_parameter", "message": ...}}`'},
}


@contextmanager
def open_store(request: Request, *, write: bool = False) -> Iterator[Store]:
    """A connection for this request: this thread's read-only one (see readers.py; WAL:
    readers never block the writer and see what another process committed), or a fresh
    writable one when ``write``. A StoreError (missing, damaged, locked) becomes a 503 or
    409 in the app's handler, and the read connection is dropped so the next request
    opens afresh."""
    if write:
        store = Store(request.app.state.db_path)
        try:
            yield store
        finally:
            store.close()
        return
    readers: Readers = request.app.state.readers
    try:
        yield readers.get()
    except StoreError:
        readers.drop()
        raise


def json_response(
    data: Any,
    status: int = 200,
    headers: dict[str, str] | None = None,
    media_type: str = "application/json",
) -> Response:
    """``data`` as JSON (bytes are taken as JSON already encoded)."""
    body = data if isinstance(data, bytes) else dumps(data)
    return Response(body, status_code=status, media_type=media_type, headers=headers)


def data_version(state: State, store: Store) -> tuple[str, str]:
    """The cache key of what ``store`` holds now: the database and its data version."""
    return (str(state.db_path), store.data_version())


def cached_count(state: State, store: Store, flt: EventFilter) -> int:
    """How many events match ``flt`` (kept for the data version; ``state``: the app's)."""
    key = (*data_version(state, store), "count", flt)
    return int(state.answers.get(key, lambda: store.count_events(flt)))


def stats_answer(state: State, store: Store) -> dict[str, Any]:
    """The database's counts (kept for the data version)."""
    key = (*data_version(state, store), "stats")
    found: dict[str, Any] = state.answers.get(key, lambda: {**store.stats(), **store.event_stats()})
    return found


def shown_source(source: str) -> str:
    """An article's source as clients see it: a document posted to /api/ingest was read from
    a temporary folder of this server, and a file ingested on the command line lies in the
    server's own folders; neither folder is shown. Clients see the file's name, with its line
    or record ("feed.jsonl#line=3"), which names the source without the server's layout."""
    path = Path(source)
    temp = Path(tempfile.gettempdir())
    if path.parent.name.startswith(POSTED_PREFIX) and path.parent.parent == temp:
        return POSTED
    return path.name or source


def with_correction_state(
    features: list[dict[str, Any]], store: Store, events: Sequence[Event]
) -> list[dict[str, Any]]:
    """GeoJSON features of ``events`` with each one's status and corrected fields."""
    for feature, history in zip(features, store.history(events), strict=True):
        feature["properties"].update(correction_state(history))
    return features


@router.get(
    "/events",
    summary="Events matching the filters, sorted, one page at a time (cursor or offset)",
    responses={
        200: {
            "description": "JSON `{total, limit, offset, sort, next_cursor, events: [...]}`: "
            "each event as `flashpoint events --format json` prints it, plus `status`, "
            '`corrected`, `date_label` ("2011-03-14", "2011-W11, week", "2011-03, month", '
            '"2011, year") and `urls` (its articles\' URLs). `next_cursor` (null on the last '
            "page) continues the list: pass it as `cursor`. Or ACLED-style CSV (text cells that "
            "could start a formula get a leading '), or a GeoJSON FeatureCollection. The total "
            "is also in the `X-Total-Count` header. For all matching events use /api/export.",
            "content": {"text/csv": {}, "application/geo+json": {}},
        },
        **ERRORS,
    },
)
def list_events(
    request: Request,
    flt: Annotated[EventFilter, Depends(event_filter)],
    limit: Annotated[
        int, Query(ge=1, description="Page size (at most serve.max_page_size; more is a 400).")
    ] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000_000, description="Events to skip.")] = 0,
    format: Annotated[str, Query(description="json, csv or geojson.")] = "json",
    sort: Annotated[
        str,
        Query(
            description="date, sources (outlets), killed or confidence; a leading - sorts "
            "descending. Ties go by event id, so pages are stable."
        ),
    ] = "date",
    cursor: Annotated[
        str | None, Query(description="The next_cursor of the previous page (not with offset).")
    ] = None,
) -> Response:
    check_known(request, (*FILTER_NAMES, "limit", "offset", "format", "sort", "cursor"))
    check_page_size(request, limit, "events", "or download every event from /api/export")
    if format not in FORMATS:
        raise bad(f"format: one of {', '.join(FORMATS)}, not {format!r}")
    if sort not in SORTS:
        raise bad(f"sort: one of {', '.join(SORTS)}, not {sort!r}")
    if cursor is not None and offset:
        raise bad("give cursor or offset, not both")
    after = decode_cursor(cursor, sort) if cursor is not None else None
    with open_store(request) as store:
        total = cached_count(request.app.state, store, flt)
        headers = {"X-Total-Count": str(total)}
        if format == "csv":
            page = store.sorted_page(flt, sort, limit, after, offset)
            headers["Content-Disposition"] = 'attachment; filename="events.csv"'
            body = csv_text(COLUMNS, (acled_row(e) for e in page.events))
            return Response(body, media_type="text/csv; charset=utf-8", headers=headers)
        if format == "geojson":
            page = store.sorted_page(flt, sort, limit, after, offset)
            collection = geojson_collection(page.events)
            with_correction_state(collection["features"], store, page.events)
            collection["total"] = total
            return json_response(collection, headers=headers, media_type="application/geo+json")
        page_json = list_answer(request.app.state, store, flt, (sort, limit, offset, after), total)
    return json_response(page_json, headers=headers)


def check_page_size(request: Request, limit: int, what: str, otherwise: str = "") -> None:
    """A 400 (never a silent cut) for a page larger than serve.max_page_size."""
    maximum = request.app.state.max_page_size
    if limit > maximum:
        raise ApiError(
            400,
            "page_too_large",
            f"limit: at most {maximum} {what} a page (serve.max_page_size); page with "
            f"cursor{', ' + otherwise if otherwise else ''}",
        )


def list_answer(
    state: State, store: Store, flt: EventFilter, page: tuple[str, int, int, Any], total: int
) -> bytes:
    """The JSON of one page of /api/events: ``page`` is (sort, limit, offset, the key to
    continue after). Kept for the data version, encoded: every page open asks for the same
    first page, and a correction or merge changes the version."""
    sort, limit, offset, after = page

    def make() -> bytes:
        views, last = store.sorted_views(flt, sort, limit, after, offset)
        data = {
            "total": total,
            "limit": limit,
            "offset": offset,
            "sort": sort,
            "next_cursor": encode_cursor(sort, last) if last else None,
            "events": list_json(store, views),
        }
        return dumps(data)

    found: bytes = state.answers.get((*data_version(state, store), "list", flt, *page), make)
    return found


@router.get(
    "/events/{event_id}",
    summary="One event with its evidence: each field beside the sentence that supports it",
    responses={404: {"description": "No such event."}, **ERRORS},
)
def get_event(
    request: Request,
    event_id: Annotated[str, PathParam(description="Event id, e.g. ev74ff65e21676db.")],
) -> Response:
    if not _EVENT_ID.match(event_id):
        raise bad("event id: letters, digits, _ and - only")
    with open_store(request) as store:
        corrected = store.event(event_id)
        original = store.original_event(event_id)
        if corrected is None or original is None:
            raise ApiError(404, "not_found", f"no event {event_id!r}")
        [history] = store.history([corrected])
        return json_response(event_detail(store, original, corrected, history))


def _mention_json(m: Mention, row: ArticleRow, event_of: dict[str, str]) -> dict[str, Any]:
    data = mention_view(m)
    trigger = row.clean.raw_span(m.trigger.start, m.trigger.end)
    data["raw"] = {
        "sentence": {"start": m.raw_start, "end": m.raw_end},
        "trigger": {"start": trigger[0], "end": trigger[1]},
    }
    data["event_id"] = event_of.get(m.id)
    return data


@router.get(
    "/articles/{article_id}",
    summary="One article: raw and clean text, what cleaning removed (raw offsets), mentions",
    responses={404: {"description": "No such article."}, **ERRORS},
)
def get_article(
    request: Request,
    article_id: Annotated[
        str, PathParam(description="Article id (16 hex digits) or a unique prefix of 4 or more.")
    ],
) -> Response:
    if not _ARTICLE_ID.match(article_id):
        raise bad("article id: 4 to 16 lowercase hex digits")
    with open_store(request) as store:
        full = store.resolve_id(article_id)
        row = store.article(full) if full else None
        if row is None:
            raise ApiError(404, "not_found", f"no article {article_id!r} (or prefix not unique)")
        mentions = store.mentions(row.article.id)
        event_of = store.events_of_mentions(m.id for m in mentions)
    data = article_detail(row)
    data["path"] = shown_source(data["path"])
    data["mentions"] = [_mention_json(m, row, event_of) for m in mentions]
    data["events"] = sorted(set(event_of.values()))
    return json_response(data)


@router.get("/stats", summary="Counts: articles, mentions, events by type and mode, corrections")
def stats(request: Request) -> Response:
    with open_store(request) as store:
        found = stats_answer(request.app.state, store)
    data = dict(found)
    data["database"] = Path(str(data["database"])).name
    data["write_enabled"] = bool(request.app.state.write_enabled)
    data["max_page_size"] = request.app.state.max_page_size
    return json_response(data)

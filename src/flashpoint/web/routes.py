"""Read-only API routes. Every request opens its own read connection, so what another
process ingests shows up on the next request, without a restart."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi import Path as PathParam
from starlette.responses import Response

from flashpoint.export import geojson_collection
from flashpoint.export.acled import COLUMNS, acled_row
from flashpoint.records import Mention
from flashpoint.store import BUCKETS, ArticleRow, EventFilter, Store
from flashpoint.views import article_detail, mention_view
from flashpoint.web.errors import ApiError
from flashpoint.web.evidence import event_detail, listed
from flashpoint.web.params import FILTER_NAMES, bad, check_known, event_filter

router = APIRouter(prefix="/api")

FORMATS = ("json", "csv", "geojson")
_EVENT_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_ARTICLE_ID = re.compile(r"^[0-9a-f]{4,16}$")

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": 'Bad parameter: `{"error": {"code": "bad_parameter", "message": ...}}`'},
}


@contextmanager
def open_store(request: Request, *, write: bool = False) -> Iterator[Store]:
    """A fresh connection for this request, so what another process committed is there
    (readers never block the writer: WAL). Read-only at the SQLite level unless ``write``.
    A StoreError (missing, damaged, locked) becomes a 503 or 409 in the app's handler."""
    store = Store(request.app.state.db_path, read_only=not write)
    try:
        yield store
    finally:
        store.close()


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Response(body, status_code=status, media_type="application/json", headers=headers)


@router.get(
    "/events",
    summary="Events matching the filters, one page at a time",
    responses={
        200: {
            "description": "JSON `{total, limit, offset, events: [...]}` (each event as "
            "`flashpoint events --format json` prints it); or ACLED-style CSV; or a GeoJSON "
            "FeatureCollection. The total is also in the `X-Total-Count` header.",
            "content": {"text/csv": {}, "application/geo+json": {}},
        },
        **ERRORS,
    },
)
def list_events(
    request: Request,
    flt: Annotated[EventFilter, Depends(event_filter)],
    limit: Annotated[
        int, Query(ge=1, description="Page size (at most serve.max_page_size).")
    ] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000_000, description="Events to skip.")] = 0,
    format: Annotated[str, Query(description="json, csv or geojson.")] = "json",
) -> Response:
    check_known(request, (*FILTER_NAMES, "limit", "offset", "format"))
    maximum = request.app.state.max_page_size
    if limit > maximum:
        raise ApiError(
            400,
            "page_too_large",
            f"limit: at most {maximum} events a page (serve.max_page_size); use offset to page",
        )
    if format not in FORMATS:
        raise bad(f"format: one of {', '.join(FORMATS)}, not {format!r}")
    with open_store(request) as store:
        found, total = store.page_events(flt, limit, offset)
        histories = store.history(found)
    pairs = list(zip(found, histories, strict=True))
    headers = {"X-Total-Count": str(total)}
    if format == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(acled_row(e) for e in found)
        headers["Content-Disposition"] = 'attachment; filename="events.csv"'
        return Response(buf.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
    if format == "geojson":
        collection = geojson_collection(found)
        for feature, (e, history) in zip(collection["features"], pairs, strict=True):
            feature["properties"].update(
                {k: v for k, v in listed(e, history).items() if k in ("status", "corrected")}
            )
        collection["total"] = total
        return Response(
            json.dumps(collection, ensure_ascii=False),
            media_type="application/geo+json",
            headers=headers,
        )
    data = {
        "total": total,
        "limit": limit,
        "offset": offset,
        "events": [listed(e, history) for e, history in pairs],
    }
    return json_response(data, headers=headers)


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
    data["mentions"] = [_mention_json(m, row, event_of) for m in mentions]
    data["events"] = sorted(set(event_of.values()))
    return json_response(data)


@router.get(
    "/timeline",
    summary="Event counts by day (or week, month) and type, by the day an event starts",
    responses={
        200: {"description": "`{bucket, days: [{day, type, n}], types, total, undated}`"},
        **ERRORS,
    },
)
def timeline(
    request: Request,
    flt: Annotated[EventFilter, Depends(event_filter)],
    bucket: Annotated[str, Query(description="day, week (from Monday) or month.")] = "day",
) -> Response:
    check_known(request, (*FILTER_NAMES, "bucket"))
    if bucket not in BUCKETS:
        raise bad(f"bucket: one of {', '.join(BUCKETS)}, not {bucket!r}")
    with open_store(request) as store:
        counts = store.timeline(flt, bucket)
    by_type: Counter[str] = Counter()
    for (_, etype), n in counts.items():
        by_type[etype] += n
    days = [
        {"day": day, "type": etype, "n": n}
        for (day, etype), n in sorted(counts.items(), key=lambda kv: (kv[0][0] or "", kv[0][1]))
        if day is not None
    ]
    return json_response(
        {
            "bucket": bucket,
            "days": days,
            "types": dict(by_type.most_common()),
            "total": sum(counts.values()),
            "undated": sum(n for (day, _), n in counts.items() if day is None),
        }
    )


@router.get("/stats", summary="Counts: articles, mentions, events by type and mode, corrections")
def stats(request: Request) -> Response:
    with open_store(request) as store:
        data = {**store.stats(), **store.event_stats()}
    data["database"] = Path(str(data["database"])).name
    data["write_enabled"] = bool(request.app.state.write_enabled)
    data["max_page_size"] = request.app.state.max_page_size
    return json_response(data)

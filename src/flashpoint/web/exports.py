"""GET /api/export: every event matching the filters, in the list's order, streamed.

Events are read in chunks after the previous chunk's last (sort value, id), each chunk through
a fresh read connection, and written out as they come: memory stays bounded whatever the total.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from starlette.responses import StreamingResponse

from flashpoint.export import geojson_collection, parquet_schema, parquet_table
from flashpoint.export.acled import COLUMNS, acled_row
from flashpoint.export.cells import csv_text
from flashpoint.records import Event
from flashpoint.store import SORTS, EventFilter, Store
from flashpoint.web.encode import dumps
from flashpoint.web.listing import list_json
from flashpoint.web.params import FILTER_NAMES, bad, check_known, event_filter
from flashpoint.web.routes import ERRORS, cached_count, open_store, with_correction_state

router = APIRouter(prefix="/api")

CHUNK = 1000  # events read, converted and sent at a time
MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "geojson": "application/geo+json",
    "json": "application/json",
    "parquet": "application/vnd.apache.parquet",
}


Convert = Callable[[Store, list[Event]], bytes]


def _chunks(request: Request, flt: EventFilter, sort: str, convert: Convert) -> Iterator[bytes]:
    """The matching events, CHUNK at a time, each chunk read and converted within one call
    (the next chunk may be read on another thread, with that thread's connection)."""
    after = None
    while True:
        with open_store(request) as store:
            page = store.sorted_page(flt, sort, CHUNK, after)
            data = convert(store, page.events)
        yield data
        if page.after is None:
            return
        after = page.after


def _view_chunks(request: Request, flt: EventFilter, sort: str) -> Iterator[bytes]:
    """The JSON array items of the matching events (as /api/events lists them), by chunks."""
    items = _Items()
    after = None
    while True:
        with open_store(request) as store:
            views, after = store.sorted_views(flt, sort, CHUNK, after)
            data = items.join(list_json(store, views))
        yield data
        if after is None:
            return


class _Items:
    """Items of a JSON array, the separator before all but the first."""

    def __init__(self) -> None:
        self.first = True

    def join(self, items: Iterable[Any]) -> bytes:
        parts = []
        for item in items:
            parts.append(dumps(item) if self.first else b",\n" + dumps(item))
            self.first = False
        return b"".join(parts)


def _csv(store: Store, events: list[Event]) -> bytes:
    return csv_text(COLUMNS, (acled_row(e) for e in events), header=False).encode()


def _geojson_features(store: Store, events: list[Event]) -> list[dict[str, Any]]:
    return with_correction_state(geojson_collection(events)["features"], store, events)


class _Sink(io.RawIOBase):
    """Bytes written by the Parquet writer, taken out as each row group is done."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.parts.append(bytes(data))
        return len(data)

    def take(self) -> bytes:
        out, self.parts = b"".join(self.parts), []
        return out


def _parquet(chunks: Callable[[Convert], Iterator[bytes]]) -> Iterator[bytes]:
    import pyarrow.parquet as pq  # here: only Parquet needs pyarrow, which is slow to import

    sink = _Sink()
    writer = pq.ParquetWriter(sink, parquet_schema())

    def convert(store: Store, events: list[Event]) -> bytes:
        if events:
            writer.write_table(parquet_table(events))
        return sink.take()

    try:
        yield from chunks(convert)
    finally:
        writer.close()
    yield sink.take()


def body(
    format: str, chunks: Callable[[Convert], Iterator[bytes]], views: Iterator[bytes], total: int
) -> Iterator[bytes]:
    """The export in ``format``, as its bytes are ready."""
    if format == "csv":
        yield csv_text(COLUMNS, []).encode()
        yield from chunks(_csv)
    elif format == "json":
        yield b"["
        yield from views
        yield b"]\n"
    elif format == "geojson":
        items = _Items()
        yield b'{"type":"FeatureCollection","total":%d,"features":[' % total
        yield from chunks(lambda store, events: items.join(_geojson_features(store, events)))
        yield b"]}\n"
    else:
        yield from _parquet(chunks)


@router.get(
    "/export",
    summary="Download every event matching the filters (CSV, GeoJSON, JSON or Parquet), streamed",
    responses={
        200: {
            "description": "All matching events, in the order /api/events lists them for the "
            "same filters and sort, streamed as they are read (any number of events). "
            "`X-Total-Count` holds how many (also GET /api/count). csv: ACLED-style columns "
            "(text cells that could start a formula get a leading '); geojson: a "
            "FeatureCollection with `total`; json: an array of events as /api/events lists "
            "them; parquet: ACLED columns plus sources_json and confidence.",
            "content": {m.split(";")[0]: {} for m in MEDIA.values()},
        },
        **ERRORS,
    },
)
def export(
    request: Request,
    flt: Annotated[EventFilter, Depends(event_filter)],
    format: Annotated[str, Query(description="csv, geojson, json or parquet.")] = "csv",
    sort: Annotated[str, Query(description="As /api/events: date, -date, sources, ...")] = "date",
) -> StreamingResponse:
    check_known(request, (*FILTER_NAMES, "format", "sort"))
    if format not in MEDIA:
        raise bad(f"format: one of {', '.join(MEDIA)}, not {format!r}")
    if sort not in SORTS:
        raise bad(f"sort: one of {', '.join(SORTS)}, not {sort!r}")
    with open_store(request) as store:
        total = cached_count(request.app.state, store, flt)

    def chunks(convert: Convert) -> Iterator[bytes]:
        return _chunks(request, flt, sort, convert)

    headers = {
        "X-Total-Count": str(total),
        "Content-Disposition": f'attachment; filename="events.{format}"',
    }
    return StreamingResponse(
        body(format, chunks, _view_chunks(request, flt, sort), total),
        media_type=MEDIA[format],
        headers=headers,
    )

"""Export: events to ACLED-style CSV, JSON, GeoJSON or Parquet.

Public entry: :func:`export_events`. Schemas: docs/exports.md.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flashpoint.export.acled import COLUMNS, acled_row
from flashpoint.export.cells import write_csv
from flashpoint.records import Event
from flashpoint.views import event_view

__all__ = ["FORMATS", "export_events", "geojson_collection", "parquet_schema", "parquet_table"]

if TYPE_CHECKING:
    import pyarrow as pa

FORMATS = ("acled-csv", "json", "geojson", "parquet")
PARQUET_NUMBERS = {  # ACLED columns that are numbers in Parquet; the rest are text
    **dict.fromkeys(
        ("time_precision", "inter1", "inter2", "interaction", "geo_precision", "fatalities"),
        "int64",
    ),
    "latitude": "float64",
    "longitude": "float64",
    "flashpoint_area_only": "bool",
}


def geojson_collection(events: Sequence[Event]) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of events (no geometry when an event has no coordinates)."""
    features = []
    for e in events:
        view = event_view(e)
        loc = view.pop("location")
        geometry = None
        if loc and loc["latitude"] is not None and loc["longitude"] is not None:
            geometry = {"type": "Point", "coordinates": [loc["longitude"], loc["latitude"]]}
        props = {
            **view,
            "location_name": loc["name"] if loc else None,
            "geo_precision": loc["geo_precision"] if loc else None,
            "area_only": loc["area_only"] if loc else None,
            "place_rule": loc["rule"] if loc else None,
        }
        features.append({"type": "Feature", "id": e.id, "geometry": geometry, "properties": props})
    return {"type": "FeatureCollection", "features": features}


def parquet_schema() -> pa.Schema:
    """The Parquet columns: ACLED's (numbers typed), the sources as JSON, the confidence. Fixed,
    so a file written in chunks has one schema whatever the first chunk holds."""
    import pyarrow as pa  # here: pyarrow takes a while to import, and only Parquet needs it

    return pa.schema(
        [(name, pa.type_for_alias(PARQUET_NUMBERS.get(name, "string"))) for name in COLUMNS]
        + [("sources_json", pa.string()), ("confidence", pa.float64())]
    )


def parquet_table(events: Sequence[Event]) -> pa.Table:
    """``events`` as one Parquet table of :func:`parquet_schema`."""
    import pyarrow as pa

    rows = [acled_row(e) for e in events]
    columns: dict[str, list[Any]] = {name: [r[name] for r in rows] for name in COLUMNS}
    columns["sources_json"] = [json.dumps([s.to_dict() for s in e.sources]) for e in events]
    columns["confidence"] = [e.confidence for e in events]
    return pa.table(columns, schema=parquet_schema())


def _parquet(events: Sequence[Event], path: Path) -> None:
    import pyarrow.parquet as pq

    pq.write_table(parquet_table(events), path)


def export_events(events: Sequence[Event], fmt: str, path: str | Path) -> int:
    """Write ``events`` to ``path`` in ``fmt``; returns the number written."""
    out = Path(path)
    if fmt == "acled-csv":
        with out.open("w", newline="", encoding="utf-8") as fh:
            write_csv(fh, COLUMNS, (acled_row(e) for e in events))
    elif fmt == "json":
        out.write_text(json.dumps([event_view(e) for e in events], ensure_ascii=False, indent=1))
    elif fmt == "geojson":
        out.write_text(json.dumps(geojson_collection(events), ensure_ascii=False))
    elif fmt == "parquet":
        _parquet(events, out)
    else:
        raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    return len(events)

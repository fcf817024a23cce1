"""Export: events to ACLED-style CSV, JSON, GeoJSON or Parquet.

Public entry: :func:`export_events`. Schemas: docs/exports.md.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from flashpoint.export.acled import COLUMNS, acled_row
from flashpoint.records import Event
from flashpoint.views import event_view

__all__ = ["FORMATS", "export_events", "geojson_collection"]

FORMATS = ("acled-csv", "json", "geojson", "parquet")


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


def _parquet(events: Sequence[Event], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [acled_row(e) for e in events]
    columns = {name: [r[name] for r in rows] for name in COLUMNS}
    table = pa.table(columns)
    table = table.append_column(
        "sources_json", pa.array([json.dumps([s.to_dict() for s in e.sources]) for e in events])
    )
    table = table.append_column(
        "confidence", pa.array([e.confidence for e in events], pa.float64())
    )
    pq.write_table(table, path)


def export_events(events: Sequence[Event], fmt: str, path: str | Path) -> int:
    """Write ``events`` to ``path`` in ``fmt``; returns the number written."""
    out = Path(path)
    if fmt == "acled-csv":
        with out.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=COLUMNS)
            writer.writeheader()
            writer.writerows(acled_row(e) for e in events)
    elif fmt == "json":
        out.write_text(json.dumps([event_view(e) for e in events], ensure_ascii=False, indent=1))
    elif fmt == "geojson":
        out.write_text(json.dumps(geojson_collection(events), ensure_ascii=False))
    elif fmt == "parquet":
        _parquet(events, out)
    else:
        raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    return len(events)

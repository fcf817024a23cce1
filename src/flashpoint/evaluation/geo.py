"""Geoparsing accuracy on gold news toponyms (the JSONL of ``shared/eval/geoparse``).

Two modes: end to end (find the toponyms, then resolve them) and resolution of the gold spans.
Every gold toponym with coordinates counts; one we miss or leave unresolved is wrong.
The outlet's country is read from the document's URL (its country-code domain), as the
pipeline reads it from the article's outlet. Metrics: recall of gold toponyms (end to end: a
found toponym overlaps it), accuracy within 161 km (100 miles, the field's usual bar), exact
GeoNames id where gold has one, mean and median error in km over the resolved ones, and right
country (the country of the gazetteer town nearest the gold point).
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from flashpoint.distance import haversine_km
from flashpoint.records import Place

KM = 161.0


def read_docs(path: str, limit: int | None) -> Iterator[dict[str, Any]]:
    with Path(path).open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                return
            if line.strip():
                yield json.loads(line)


def gold_toponyms(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        t
        for t in doc["toponyms"]
        if t.get("lat") is not None and t.get("span_status") != "unresolved" and t["start"] >= 0
    ]


class Nearest:
    """The country of the gazetteer town nearest a point (for 'right country')."""

    def __init__(self) -> None:
        import numpy as np

        from flashpoint.geo.gazetteer import load_gazetteer

        rows = (
            load_gazetteer()
            .db.execute("SELECT lat, lon, cc FROM place WHERE kind = 'city'")
            .fetchall()
        )
        self.np = np
        self.lat = np.radians(np.array([r[0] for r in rows]))
        self.lon = np.radians(np.array([r[1] for r in rows]))
        self.cc = [r[2] for r in rows]
        self.seen: dict[tuple[float, float], str] = {}

    def country(self, lat: float, lon: float) -> str:
        key = (round(lat, 3), round(lon, 3))
        if key not in self.seen:
            self.seen[key] = self._nearest(lat, lon)
        return self.seen[key]

    def _nearest(self, lat: float, lon: float) -> str:
        np = self.np
        la, lo = np.radians(lat), np.radians(lon)
        d = (
            np.sin((self.lat - la) / 2) ** 2
            + np.cos(la) * np.cos(self.lat) * np.sin((self.lon - lo) / 2) ** 2
        )
        return str(self.cc[int(np.argmin(d))])


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


Prediction = tuple[bool, Place | None]  # (a toponym was found there, the place it resolved to)


def predictions(
    doc: dict[str, Any], gold: list[dict[str, Any]], gold_spans: bool, parsed: Any
) -> tuple[list[Prediction], int, int]:
    """One prediction per gold toponym, the number of predicted toponyms, and how many of
    those overlap a gold span (any, with or without coordinates)."""
    from flashpoint.geo import find_places, resolve_spans

    outlet = doc.get("url") or doc.get("domain")
    if gold_spans:
        found = resolve_spans(doc["text"], [(t["start"], t["end"]) for t in gold], outlet)
        return [(True, p) for p in found.places], len(gold), len(gold)
    found = find_places(doc["text"], outlet, doc=parsed)
    places = [
        (t, p) for t, p in zip(found.toponyms, found.places, strict=True) if t.how != "border"
    ]
    spans = [(t["start"], t["end"]) for t in doc["toponyms"]]
    hits = sum(any(_overlap((t.start, t.end), s) for s in spans) for t, _ in places)
    out: list[Prediction] = []
    for g in gold:
        overlapping = [(_overlap((t.start, t.end), (g["start"], g["end"])), p) for t, p in places]
        size, place = max(overlapping, key=lambda op: op[0], default=(0, None))
        out.append((size > 0, place if size > 0 else None))
    return out, len(places), hits


def run(data: str, gold_spans: bool = False, limit: int | None = None) -> dict[str, Any]:
    """Score the geocoder on one JSONL file; returns ``{"suite": "geo", "n": ..., ...}``."""
    from flashpoint.nlp import load_nlp

    docs = list(read_docs(data, limit))
    parsed = (
        [None] * len(docs)
        if gold_spans
        else load_nlp().pipe((d["text"] for d in docs), batch_size=16)
    )
    nearest = Nearest()
    tally = {"n": 0, "found": 0, "resolved": 0, "within": 0, "ids": 0, "id_right": 0, "country": 0}
    errors: list[float] = []
    predicted = overlapping = 0
    for doc, parse in zip(docs, parsed, strict=True):
        gold = gold_toponyms(doc)
        places, n_pred, n_hit = predictions(doc, gold, gold_spans, parse)
        predicted, overlapping = predicted + n_pred, overlapping + n_hit
        for g, (found, place) in zip(gold, places, strict=True):
            tally["found"] += found
            _score(g, place, tally, errors, nearest)
    n = max(1, tally["n"])
    return {
        "suite": "geo",
        "mode": "gold_spans" if gold_spans else "end_to_end",
        "data": Path(data).name,
        "docs": len(docs),
        "n": tally["n"],
        "recall": round(tally["found"] / n, 4),
        "precision_spans": round(overlapping / max(1, predicted), 4),
        "resolved": round(tally["resolved"] / n, 4),
        "acc_161km": round(tally["within"] / n, 4),
        "acc_161km_of_resolved": round(tally["within"] / max(1, tally["resolved"]), 4),
        "exact_geonames_id": round(tally["id_right"] / max(1, tally["ids"]), 4),
        "mean_error_km": round(statistics.fmean(errors), 1) if errors else None,
        "median_error_km": round(statistics.median(errors), 1) if errors else None,
        "right_country": round(tally["country"] / n, 4),
    }


def _score(
    g: dict[str, Any],
    place: Place | None,
    tally: dict[str, int],
    errors: list[float],
    nearest: Nearest,
) -> None:
    tally["n"] += 1
    gold_id = int(g["geonameid"]) if str(g.get("geonameid") or "").isdigit() else None
    tally["ids"] += gold_id is not None
    if place is None or place.latitude is None or place.longitude is None:
        return
    tally["resolved"] += 1
    km = haversine_km(g["lat"], g["lon"], place.latitude, place.longitude)
    errors.append(km)
    tally["within"] += km <= KM
    tally["id_right"] += gold_id is not None and place.geonames_id == gold_id
    tally["country"] += place.country == nearest.country(g["lat"], g["lon"])

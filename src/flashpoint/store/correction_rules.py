"""Analyst corrections: which fields, which values, and how they change an event (pure
functions; the storage is in corrections.py).

Correctable fields and their values:

- ``type``: an ontology type id, e.g. ``"border_crossing"``
- ``mode``: ``happened``, ``planned``, ``claimed``, ``denied``, ``threatened``, ...
- ``date``: ``{"start": "2024-06-18", "end": "2024-06-18", "precision": "day"}``
  (``end`` defaults to ``start``, ``precision`` to ``day``)
- ``location``: ``{"name": ..., "latitude": ..., "longitude": ..., "country": "KOR"}``
- ``participants``, ``injured``, ``killed``: ``{"min": 20, "max": 30}`` or a number
- ``status``: ``"confirmed"`` or ``"rejected"`` (the analyst judges it is no real event)
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from flashpoint.ontology import load_ontology
from flashpoint.records import DateValue, Event, Place, Quantity

__all__ = [
    "COUNTS",
    "FIELDS",
    "MODES",
    "STATUSES",
    "Correction",
    "CorrectionError",
    "apply_corrections",
    "check_text",
    "effective",
    "normalise",
]

MODES = (
    "happened",
    "planned",
    "claimed",
    "denied",
    "threatened",
    "hypothetical",
    "negated",
    "historical",
)
PRECISIONS = ("day", "week", "month", "year")
STATUSES = ("confirmed", "rejected")
COUNTS = ("participants", "injured", "killed")
FIELDS = ("type", "mode", "date", "location", *COUNTS, "status")
MAX_TEXT = 500
MAX_COUNT = 1_000_000_000  # more than any count a report gives; SQLite stores it as an integer
_ISO3 = re.compile(r"^[A-Z]{3}$")


class CorrectionError(ValueError):
    """A correction with an unknown field or a value that field cannot take."""


@dataclass(frozen=True)
class Correction:
    id: int
    event_id: str
    field: str
    value: Any  # normalised JSON value; None withdraws
    reason: str
    author: str
    created: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "event_id": self.event_id,
            "field": self.field,
            "value": self.value,
            "reason": self.reason,
            "author": self.author,
            "created": self.created,
        }


# -- validation ----------------------------------------------------------------------------


def _iso_day(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise CorrectionError(f"{what} must be a date YYYY-MM-DD")
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise CorrectionError(f"{what} must be a date YYYY-MM-DD, not {value!r}") from exc


def _number(value: Any, what: str, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise CorrectionError(f"{what} must be a number")
    try:
        value = float(value)  # a 400-digit integer overflows here
    except OverflowError:
        value = math.inf
    if not math.isfinite(value):
        raise CorrectionError(f"{what} must be a finite number between {low:g} and {high:g}")
    if not low <= value <= high:
        raise CorrectionError(f"{what} must be between {low:g} and {high:g}")
    return float(value)


def _count(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_COUNT:
        raise CorrectionError(f"{what} must be a whole number from 0 to {MAX_COUNT:,}")
    return value


def _no_surrogates(value: Any, what: str, depth: int = 0) -> None:
    """Text must be storable as UTF-8: a lone surrogate (JSON "\\ud800") is refused."""
    if depth > 20:
        raise CorrectionError(f"{what} is nested too deep")
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise CorrectionError(f"{what} holds a lone surrogate (not valid Unicode)") from None
    elif isinstance(value, dict):
        for k, v in value.items():
            _no_surrogates(k, what, depth + 1)
            _no_surrogates(v, f"{what}.{k}", depth + 1)
    elif isinstance(value, list):
        for v in value:
            _no_surrogates(v, what, depth + 1)


def normalise(field: str, value: Any) -> Any:
    """The stored form of ``value`` for ``field``; raises CorrectionError when it cannot be."""
    _no_surrogates(field, "field")
    _no_surrogates(value, field)
    if field not in FIELDS:
        raise CorrectionError(f"unknown field {field!r}; one of {', '.join(FIELDS)}")
    if value is None:
        return None
    if field == "type":
        if not isinstance(value, str) or value not in load_ontology():
            raise CorrectionError(f"type {value!r} is not in the ontology (data/ontology.tsv)")
        return value
    if field == "mode":
        if value not in MODES:
            raise CorrectionError(f"mode must be one of {', '.join(MODES)}")
        return value
    if field == "status":
        if value not in STATUSES:
            raise CorrectionError(f"status must be one of {', '.join(STATUSES)}")
        return value
    if field == "date":
        if isinstance(value, str):
            value = {"start": value}
        if not isinstance(value, dict):
            raise CorrectionError("date must be {start, end, precision} or a date YYYY-MM-DD")
        start = _iso_day(value.get("start"), "date.start")
        end = _iso_day(value.get("end") or start, "date.end")
        if end < start:
            raise CorrectionError("date.end is before date.start")
        precision = value.get("precision") or "day"
        if precision not in PRECISIONS:
            raise CorrectionError(f"date.precision must be one of {', '.join(PRECISIONS)}")
        return {"start": start, "end": end, "precision": precision}
    if field == "location":
        if not isinstance(value, dict):
            raise CorrectionError("location must be {name, latitude, longitude, country}")
        name = value.get("name")
        if not isinstance(name, str) or not name.strip() or len(name) > 200:
            raise CorrectionError("location.name must be a non-empty text of at most 200 chars")
        lat, lon = value.get("latitude"), value.get("longitude")
        if (lat is None) != (lon is None):
            raise CorrectionError("give both location.latitude and location.longitude, or neither")
        country = value.get("country")
        if country is not None and (not isinstance(country, str) or not _ISO3.match(country)):
            raise CorrectionError("location.country must be an ISO 3166-1 alpha-3 code, e.g. KOR")
        return {
            "name": name.strip(),
            "latitude": None if lat is None else _number(lat, "location.latitude", -90, 90),
            "longitude": None if lon is None else _number(lon, "location.longitude", -180, 180),
            "country": country,
        }
    # a count
    if isinstance(value, int) and not isinstance(value, bool):
        value = {"min": value}
    if not isinstance(value, dict):
        raise CorrectionError(f"{field} must be {{min, max}} or a whole number")
    low = _count(value.get("min"), f"{field}.min")
    high = low if value.get("max") is None else _count(value["max"], f"{field}.max")
    if high < low:
        raise CorrectionError(f"{field}.max is below {field}.min")
    return {"min": low, "max": high}


def check_text(value: str, what: str, required: bool) -> str:
    """A reason or author: one line, not too long, present when required."""
    _no_surrogates(value, what)
    value = " ".join(value.split())
    if required and not value:
        raise CorrectionError(f"give a {what}: corrections say why")
    if len(value) > MAX_TEXT:
        raise CorrectionError(f"{what} is longer than {MAX_TEXT} characters")
    return value


def effective(corrections: Iterable[Correction]) -> dict[str, Correction]:
    """The correction in force for each field: the newest, unless it withdraws."""
    newest: dict[str, Correction] = {}
    for c in sorted(corrections, key=lambda c: c.id):
        newest[c.field] = c
    return {f: c for f, c in newest.items() if c.value is not None}


def apply_corrections(event: Event, corrections: Iterable[Correction]) -> Event:
    """The event as the analysts corrected it; ``chosen`` says which correction set a field."""
    force = effective(corrections)
    if not force:
        return event
    changes: dict[str, Any] = {}
    chosen = dict(event.chosen)
    for field, c in force.items():
        if field == "status":
            continue
        note = f"analyst correction #{c.id} by {c.author} on {c.created[:10]}: {c.reason}"
        chosen[field] = note
        v = c.value
        if field in ("type", "mode"):
            changes[field] = v
        elif field == "date":
            changes["date"] = DateValue(
                start=v["start"], end=v["end"], precision=v["precision"], rule="analyst-correction"
            )
        elif field == "location":
            changes["location"] = Place(
                name=v["name"],
                latitude=v["latitude"],
                longitude=v["longitude"],
                country=v["country"],
                kind="corrected",
                geo_precision=1 if v["latitude"] is not None else 3,
                rule="analyst-correction",
                source=f"analyst correction #{c.id}",
            )
        else:
            changes[field] = Quantity(
                kind=field,
                min=v["min"],
                max=v["max"],
                text=f"analyst correction #{c.id}",
                rule="analyst-correction",
            )
    return replace(event, **changes, chosen=tuple(chosen.items()))

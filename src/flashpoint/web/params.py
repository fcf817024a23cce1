"""Query parameters of the API: every filter of `flashpoint events`, checked, with 4xx errors."""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Annotated

from fastapi import Query, Request

from flashpoint.ontology import hidden_types, load_ontology
from flashpoint.store import MODES, EventFilter, parse_near, parse_place_key
from flashpoint.web.errors import ApiError

FILTER_NAMES = (
    "since",
    "until",
    "type",
    "acled_type",
    "country",
    "actor",
    "near",
    "mode",
    "min_sources",
    "text",
    "place",
    "min_confidence",
    "review",
)
MAX_TEXT = 200
_DAY = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ISO3 = re.compile(r"^[A-Za-z]{3}$")
_TYPE = re.compile(r"^[a-z_]{1,64}$")


def bad(message: str) -> ApiError:
    return ApiError(400, "bad_parameter", message)


def _day(value: str, name: str, last: bool) -> str:
    """YYYY-MM-DD, or YYYY-MM / YYYY meaning its first (since) or last (until) day."""
    if not _DAY.match(value):
        raise bad(f"{name}: give a date as YYYY-MM-DD (or YYYY-MM, YYYY), not {value!r}")
    parts = [int(p) for p in value.split("-")]
    try:
        if len(parts) == 3:
            return date(*parts).isoformat()
        if len(parts) == 2:
            day = calendar.monthrange(*parts)[1] if last else 1
            return date(parts[0], parts[1], day).isoformat()
        return date(parts[0], 12, 31).isoformat() if last else date(parts[0], 1, 1).isoformat()
    except (ValueError, calendar.IllegalMonthError) as exc:
        raise bad(f"{name}: {value!r} is not a real date") from exc


def _near(value: str) -> tuple[float, float, float]:
    try:
        found = parse_near(value)
    except ValueError as exc:
        raise bad(f"near: {exc}") from exc
    if found[2] > 20_000:
        raise bad("near: give LAT,LON,KM with KM at most 20000")
    return found


def _text(value: str, name: str) -> str:
    value = value.strip()
    if not value or len(value) > MAX_TEXT:
        raise bad(f"{name}: give 1 to {MAX_TEXT} characters")
    return value


def check_known(request: Request, allowed: tuple[str, ...]) -> None:
    unknown = sorted(set(request.query_params) - set(allowed))
    if unknown:
        raise bad(f"unknown parameter {unknown[0]!r}; known: {', '.join(allowed)}")


async def event_filter(
    request: Request,
    since: Annotated[
        str | None, Query(description="Events on or after this day (YYYY-MM-DD, YYYY-MM, YYYY).")
    ] = None,
    until: Annotated[
        str | None, Query(description="Events on or before this day (YYYY-MM-DD, YYYY-MM, YYYY).")
    ] = None,
    type: Annotated[
        str | None, Query(description="flashpoint type id, e.g. border_crossing.")
    ] = None,
    acled_type: Annotated[
        str | None, Query(description="ACLED event type or sub-event type.")
    ] = None,
    country: Annotated[
        str | None, Query(description="ISO 3166-1 alpha-3 of the place or an actor.")
    ] = None,
    actor: Annotated[str | None, Query(description="An actor's name contains this.")] = None,
    near: Annotated[
        str | None, Query(description="LAT,LON,KM: within KM of a point, e.g. 38.0,127.0,50.")
    ] = None,
    mode: Annotated[
        str | None, Query(description="happened, planned, claimed, denied, ...")
    ] = None,
    min_sources: Annotated[
        int | None, Query(ge=1, le=1_000_000, description="Reported by at least N outlets.")
    ] = None,
    text: Annotated[str | None, Query(description="A source sentence contains this.")] = None,
    place: Annotated[
        str | None, Query(description="The events of one place: a key from GET /api/map.")
    ] = None,
    min_confidence: Annotated[
        float | None,
        Query(ge=0, le=1, description="Events at or above this confidence (default: the setting)."),
    ] = None,
    review: Annotated[
        bool, Query(description="The review queue: events below the confidence setting.")
    ] = False,
) -> EventFilter:
    """The filters shared by the event routes (list, count, timeline, map, export): checked,
    with a 400 for a bad one."""
    since_day = _day(since, "since", last=False) if since else None
    until_day = _day(until, "until", last=True) if until else None
    if since_day and until_day and since_day > until_day:
        raise bad(f"since ({since_day}) is after until ({until_day})")
    if type is not None and (not _TYPE.match(type) or type not in load_ontology()):
        raise bad(f"type: {type!r} is not a flashpoint type (see GET /api/stats)")
    if mode is not None and mode not in MODES:
        raise bad(f"mode: one of {', '.join(MODES)}")
    if place is not None:
        try:
            parse_place_key(place)
        except ValueError as exc:
            raise bad(f"place: {exc}") from exc
    if country is not None and not _ISO3.match(country):
        raise bad(f"country: give an ISO 3166-1 alpha-3 code such as KOR, not {country!r}")
    settings = request.app.state.settings
    return EventFilter(
        since=since_day,
        until=until_day,
        type=type,
        acled_type=_text(acled_type, "acled_type") if acled_type is not None else None,
        country=country.upper() if country else None,
        actor=_text(actor, "actor") if actor is not None else None,
        near=_near(near) if near is not None else None,
        mode=mode,
        min_sources=min_sources,
        text=_text(text, "text") if text is not None else None,
        place=place,
    ).shown(
        settings.float("events.min_confidence"),
        min_confidence,
        review,
        hidden_types(settings),
    )

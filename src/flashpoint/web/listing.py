"""The event list of the API: each event as lists show it (with its date as precise as it is
known and its articles' URLs), and the opaque cursor that continues a sorted list."""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Sequence
from typing import Any

from flashpoint.records import Event
from flashpoint.store import Store
from flashpoint.views import date_label
from flashpoint.web.evidence import listed
from flashpoint.web.params import bad

__all__ = ["decode_cursor", "encode_cursor", "list_json"]

MAX_CURSOR = 400
_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def encode_cursor(sort: str, after: tuple[Any, str]) -> str:
    """An opaque cursor: the sort and the (sort value, id) of the last event listed."""
    raw = json.dumps([sort, after[0], after[1]], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, sort: str) -> tuple[Any, str]:
    """The (sort value, id) a cursor continues after; a 400 for one this API did not make
    or one made for another sort."""
    problem = "cursor: not a cursor from this API (give the next_cursor of a previous page)"
    if len(cursor) > MAX_CURSOR:
        raise bad(problem)
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        made_for, value, event_id = json.loads(raw)
    except (binascii.Error, ValueError, TypeError) as exc:
        raise bad(problem) from exc
    if not isinstance(event_id, str) or not _ID.match(event_id):
        raise bad(problem)
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise bad(problem)
    if made_for != sort:
        raise bad(f"cursor: made for sort={made_for!r}, not sort={sort!r}; start again without it")
    return value, event_id


def list_json(store: Store, events: Sequence[Event]) -> list[dict[str, Any]]:
    """Events as the list shows them: ``flashpoint events --format json`` plus the correction
    state (status, corrected), ``date_label`` and ``urls`` (its articles' URLs, may be empty)."""
    histories = store.history(events)
    urls = store.article_urls(s.article_id for e in events for s in e.sources)
    out = []
    for e, history in zip(events, histories, strict=True):
        view = listed(e, history)
        view["date_label"] = date_label(e.date)
        view["urls"] = list(
            dict.fromkeys(urls[s.article_id] for s in e.sources if s.article_id in urls)
        )
        out.append(view)
    return out
